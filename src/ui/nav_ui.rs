//! The navigation on the left: one entry per view, with counts.

use super::style::space;
use super::{View, ViewState};
use crate::i18n::Language;
use crate::model::Project;
use crate::workspace::Command;

/// The left navigation.
pub fn nav_ui(ui: &mut egui::Ui, language: Language, project: &Project, state: &mut ViewState) {
    egui::Panel::left("navigation")
        .resizable(false)
        .exact_size(super::style::NAV_WIDTH)
        .show(ui, |ui| {
            ui.add_space(space::M);
            let entries = [
                (View::Project, Command::ShowProject, None),
                (
                    View::Meetings,
                    Command::ShowMeetings,
                    Some(project.meetings.len()),
                ),
                (
                    View::People,
                    Command::ShowPeople,
                    Some(project.people.len()),
                ),
                (
                    View::Organisations,
                    Command::ShowOrganisations,
                    Some(project.organisations.len()),
                ),
                (
                    View::Commitments,
                    Command::ShowCommitments,
                    Some(project.commitments.len()),
                ),
            ];
            for (view, command, count) in entries {
                let text = command.text(language);
                let (label, tooltip) = (text.label, text.tooltip);
                let text = match count {
                    Some(n) => format!("{label}  ({n})"),
                    None => label,
                };
                let shortcut = super::commands_ui::shortcut_text(ui.ctx(), command);
                let response = ui
                    .add_sized(
                        [ui.available_width(), super::style::NAV_ENTRY_HEIGHT],
                        egui::Button::selectable(state.view == view, text),
                    )
                    .on_hover_text(format!("{tooltip} ({shortcut})"));
                if response.clicked() {
                    state.view = view;
                }
            }
        });
}
