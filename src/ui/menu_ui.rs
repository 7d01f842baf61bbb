//! The menu bar. Entries come from [`Command`], with their shortcuts and tooltips.

use std::path::PathBuf;

use super::ViewState;
use super::commands_ui::{enabled, shortcut_text};
use crate::export::agenda::AgendaFormat;
use crate::export::attendees::AttendeeFormat;
use crate::export::commitments::CommitmentsFormat;
use crate::i18n::Language;
use crate::workspace::{Action, Command, Workspace};

/// The File, Edit and View menus; chosen commands are pushed to `commands`, a recent
/// file to open to `actions`.
pub fn menu_bar_ui(
    ui: &mut egui::Ui,
    workspace: &Workspace,
    view: &ViewState,
    commands: &mut Vec<Command>,
    actions: &mut Vec<Action>,
) {
    let t = workspace.tr();
    let mut entry = |ui: &mut egui::Ui, command: Command| {
        if command_button(ui, workspace, view, command) {
            commands.push(command);
        }
    };
    egui::Panel::top("menu_bar").show(ui, |ui| {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button(t.menu_file, |ui| {
                // Wide enough for "Share a copy without personal data…" beside no shortcut.
                ui.set_min_width(super::style::FILE_MENU_WIDTH);
                entry(ui, Command::New);
                entry(ui, Command::Open);
                ui.add_enabled_ui(!workspace.is_opening(), |ui| {
                    ui.menu_button(t.cmd_open_recent, |ui| {
                        if let Some(path) = recent_files_ui(ui, workspace) {
                            actions.push(Action::OpenRecent(path));
                        }
                    });
                });
                ui.separator();
                entry(ui, Command::Save);
                entry(ui, Command::SaveAs);
                entry(ui, Command::ShareCopy);
                ui.separator();
                entry(ui, Command::MergeCopy);
                if workspace.doc.project().merge.pending.is_some() {
                    entry(ui, Command::ResolveConflicts);
                }
                ui.separator();
                ui.menu_button(t.menu_export, |ui| {
                    for format in AgendaFormat::ALL {
                        entry(ui, Command::ExportAgenda(format));
                    }
                    ui.separator();
                    for format in AttendeeFormat::ALL {
                        entry(ui, Command::ExportAttendees(format));
                    }
                    entry(ui, Command::NameCards);
                    entry(ui, Command::Letters);
                    ui.separator();
                    for format in crate::export::seating::SeatingFormat::ALL {
                        entry(ui, Command::ExportSeating(format));
                    }
                    entry(ui, Command::PlaceCards);
                    ui.separator();
                    for format in crate::export::minutes::MinutesFormat::ALL {
                        entry(ui, Command::ExportMinutes(format));
                    }
                    ui.separator();
                    for format in AttendeeFormat::ALL {
                        entry(ui, Command::ExportPeople(format));
                    }
                    ui.separator();
                    for format in CommitmentsFormat::ALL {
                        entry(ui, Command::ExportCommitments(format));
                    }
                });
                ui.separator();
                entry(ui, Command::Quit);
            });
            ui.menu_button(t.menu_edit, |ui| {
                entry(ui, Command::Undo);
                entry(ui, Command::Redo);
                ui.separator();
                entry(ui, Command::ImportAttendees);
                entry(ui, Command::PasteAgenda);
                ui.separator();
                entry(ui, Command::TakeMinutes);
                entry(ui, Command::SeatingPlan);
                entry(ui, Command::AddDecision);
                entry(ui, Command::AddCommitment);
            });
            ui.menu_button(t.menu_view, |ui| {
                for command in [
                    Command::ShowProject,
                    Command::ShowMeetings,
                    Command::ShowPeople,
                    Command::ShowOrganisations,
                    Command::ShowCommitments,
                ] {
                    entry(ui, command);
                }
                ui.separator();
                entry(ui, Command::PreviousItem);
                entry(ui, Command::NextItem);
                ui.separator();
                entry(ui, Command::ZoomIn);
                entry(ui, Command::ZoomOut);
                entry(ui, Command::ZoomReset);
                ui.separator();
                entry(ui, Command::English);
                entry(ui, Command::Chinese);
                ui.separator();
                entry(ui, Command::LightTheme);
                entry(ui, Command::DarkTheme);
                ui.separator();
                entry(ui, Command::CommandPalette);
            });
        });
    });
}

/// The recent files; returns the one chosen.
fn recent_files_ui(ui: &mut egui::Ui, workspace: &Workspace) -> Option<PathBuf> {
    let t = workspace.tr();
    if workspace.settings.recent_files.is_empty() {
        ui.label(t.cmd_no_recent);
    }
    let mut chosen = None;
    for path in &workspace.settings.recent_files {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if ui
            .button(name)
            .on_hover_text(path.display().to_string())
            .clicked()
        {
            chosen = Some(path.clone());
        }
    }
    chosen
}

/// One menu entry; true when chosen.
fn command_button(
    ui: &mut egui::Ui,
    workspace: &Workspace,
    view: &ViewState,
    command: Command,
) -> bool {
    let language = workspace.language();
    let text = command.text(language);
    let checked = match command {
        Command::English => Some(language == Language::English),
        Command::Chinese => Some(language == Language::Chinese),
        Command::LightTheme => Some(!workspace.settings.dark),
        Command::DarkTheme => Some(workspace.settings.dark),
        _ => None,
    };
    let mut button = match checked {
        Some(true) => egui::Button::selectable(true, text.label),
        _ => egui::Button::new(text.label),
    };
    let shortcut = shortcut_text(ui.ctx(), command);
    if !shortcut.is_empty() {
        button = button.shortcut_text(shortcut);
    }
    let disabled_tip = if command.needs_meeting() {
        workspace.tr().cmd_needs_meeting
    } else {
        text.tooltip.as_str()
    };
    let clicked = ui
        .add_enabled(enabled(workspace, view, command), button)
        .on_hover_text(&text.tooltip)
        .on_disabled_hover_text(disabled_tip)
        .clicked();
    if clicked {
        ui.close();
    }
    clicked
}
