//! Modal dialogs: unsaved changes, errors, validation problems, typed paths; and the one
//! entry point that draws whichever dialog is on top. Every dialog reads the workspace,
//! edits only its own form state, and returns what the user decided as a
//! [`DialogOutcome`]; `None` while it stays open.

use super::style::space;
use std::path::PathBuf;

use crate::workspace::{Dialog, DialogOutcome, PathPurpose, Workspace};

/// Shows `dialog`; returns the user's decision once there is one.
pub fn dialog_ui(
    ctx: &egui::Context,
    dialog: &mut Dialog,
    workspace: &Workspace,
) -> Option<DialogOutcome> {
    let t = workspace.tr();
    match dialog {
        Dialog::ConfirmDiscard { then } => {
            let mut outcome = None;
            let modal = egui::Modal::new(egui::Id::unique("confirm_discard")).show(ctx, |ui| {
                ui.set_max_width(super::style::DIALOG_NARROW);
                ui.heading(t.dlg_unsaved_title);
                ui.add_space(space::S);
                ui.label(t.dlg_unsaved_body);
                ui.add_space(space::L);
                ui.horizontal(|ui| {
                    if ui.button(t.dlg_save).clicked() {
                        outcome = Some(DialogOutcome::SaveThen(then.clone()));
                    }
                    if ui.button(t.dlg_discard).clicked() {
                        outcome = Some(DialogOutcome::Discard(then.clone()));
                    }
                    if ui.button(t.dlg_cancel).clicked() {
                        outcome = Some(DialogOutcome::Dismiss);
                    }
                });
            });
            dismissed_or(modal.should_close(), outcome)
        }
        Dialog::Error { title, message } => {
            let mut close = false;
            let modal = egui::Modal::new(egui::Id::unique("error")).show(ctx, |ui| {
                ui.set_max_width(super::style::DIALOG_WIDTH);
                ui.heading(title.as_str());
                ui.add_space(space::S);
                ui.label(message.as_str());
                ui.add_space(space::L);
                close = ui.button(t.dlg_ok).clicked();
            });
            (close || modal.should_close()).then_some(DialogOutcome::Dismiss)
        }
        Dialog::Problems(problems) => {
            let mut close = false;
            let modal = egui::Modal::new(egui::Id::unique("problems")).show(ctx, |ui| {
                ui.set_max_width(super::style::DIALOG_WIDE);
                ui.heading(t.dlg_problems_title);
                ui.add_space(space::S);
                ui.label(t.dlg_problems_body);
                egui::ScrollArea::vertical()
                    .max_height(super::style::DIALOG_LIST_HEIGHT)
                    .show(ui, |ui| {
                        for problem in problems.iter() {
                            ui.label(format!("• {problem}"));
                        }
                    });
                ui.add_space(space::L);
                close = ui.button(t.dlg_ok).clicked();
            });
            (close || modal.should_close()).then_some(DialogOutcome::Dismiss)
        }
        Dialog::PasteAgenda {
            meeting,
            text,
            replace,
            add_as_people,
        } => super::paste_agenda_ui::paste_agenda_dialog_ui(
            ctx,
            workspace,
            meeting,
            text,
            replace,
            add_as_people,
        ),
        Dialog::NextMeeting {
            from,
            date,
            alternate,
        } => super::series_ui::next_meeting_dialog_ui(ctx, workspace, from, date, alternate),
        Dialog::Recover(entry) => super::recovery_ui::recover_dialog_ui(ctx, workspace, entry),
        Dialog::FileChanged { path, change, then } => {
            super::recovery_ui::file_changed_dialog_ui(ctx, workspace, path, change, then)
        }
        Dialog::ConfirmLoss(action) => {
            super::recovery_ui::confirm_loss_dialog_ui(ctx, workspace, action)
        }
        Dialog::ImportAttendees(state) => {
            super::import_attendees_ui::import_attendees_dialog_ui(ctx, workspace, state)
        }
        Dialog::PathEntry {
            purpose,
            reason,
            text,
        } => path_entry_dialog_ui(ctx, workspace, purpose, reason, text),
    }
}

/// The outcome chosen, or a dismissal when the modal was closed (Escape, a click outside).
pub(super) fn dismissed_or(
    should_close: bool,
    outcome: Option<DialogOutcome>,
) -> Option<DialogOutcome> {
    match outcome {
        Some(outcome) => Some(outcome),
        None if should_close => Some(DialogOutcome::Dismiss),
        None => None,
    }
}

/// Asks for a typed path when no file dialog could be shown.
fn path_entry_dialog_ui(
    ctx: &egui::Context,
    workspace: &Workspace,
    purpose: &PathPurpose,
    reason: &str,
    text: &mut String,
) -> Option<DialogOutcome> {
    let t = workspace.tr();
    let mut outcome = None;
    let modal = egui::Modal::new(egui::Id::unique("path_entry")).show(ctx, |ui| {
        ui.set_max_width(super::style::DIALOG_WIDE);
        ui.heading(t.dlg_path_title);
        ui.add_space(space::S);
        ui.label(reason);
        ui.add_space(space::S);
        let label = ui.label(t.dlg_file);
        let field = ui
            .add(egui::TextEdit::singleline(text).desired_width(f32::INFINITY))
            .labelled_by(label.id);
        let path = PathBuf::from(text.trim());
        if *purpose != PathPurpose::Open && path.is_file() {
            ui.colored_label(super::style::warning_color(ui), t.dlg_path_exists);
        }
        ui.add_space(space::L);
        ui.horizontal(|ui| {
            let action = match purpose {
                PathPurpose::Open => t.dlg_path_open,
                PathPurpose::Save(_) | PathPurpose::Export(_) => t.dlg_path_save,
            };
            let filled = !text.trim().is_empty();
            let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            let clicked = ui.add_enabled(filled, egui::Button::new(action)).clicked();
            if (clicked || enter) && filled {
                outcome = Some(DialogOutcome::PathTyped {
                    purpose: purpose.clone(),
                    path,
                });
            }
            if ui.button(t.dlg_cancel).clicked() {
                outcome = Some(DialogOutcome::Dismiss);
            }
        });
    });
    dismissed_or(modal.should_close(), outcome)
}
