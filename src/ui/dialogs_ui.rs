//! Modal dialogs: unsaved changes, errors, validation problems, typed paths; and the one
//! entry point that draws whichever dialog is on top. Every dialog reads the workspace,
//! edits only its own form state, and returns what the user decided as a
//! [`DialogOutcome`]; `None` while it stays open.

use super::style::space;
use super::widgets::default_button;

use crate::workspace::{Dialog, DialogOutcome, Workspace};

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
                    if default_button(ui, t, t.dlg_save, None, true) {
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
                ui.heading(title.text(workspace.language()));
                ui.add_space(space::S);
                ui.label(message.text(workspace.language()));
                ui.add_space(space::L);
                close = default_button(ui, t, t.dlg_ok, None, true);
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
                            ui.label(format!("• {}", problem.text(workspace.language())));
                        }
                    });
                ui.add_space(space::L);
                close = default_button(ui, t, t.dlg_ok, None, true);
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
        Dialog::NewMeeting(form) => {
            super::new_meeting_ui::new_meeting_dialog_ui(ctx, workspace, form)
        }
        Dialog::ImportAttendees(state) => {
            super::import_attendees_ui::import_attendees_dialog_ui(ctx, workspace, state)
        }
        Dialog::PathEntry {
            purpose,
            reason,
            text,
        } => super::file_browser_ui::file_browser_dialog_ui(ctx, workspace, purpose, reason, text),
        Dialog::NameCards { meeting, options } => {
            super::name_cards_ui::name_cards_dialog_ui(ctx, workspace, meeting, options)
        }
        Dialog::Letters(state) => super::letters_ui::letters_dialog_ui(ctx, workspace, state),
        Dialog::Export(setup) => super::export_dialog_ui::export_dialog_ui(ctx, workspace, setup),
        Dialog::Unprintable(pending) => {
            super::name_cards_ui::unprintable_dialog_ui(ctx, workspace, pending)
        }
        Dialog::Merge(state) => super::merge_ui::merge_dialog_ui(ctx, workspace, state),
        Dialog::ImportInstead(offer) => {
            super::open_other_ui::import_instead_dialog_ui(ctx, workspace, offer)
        }
        Dialog::SaveProtected { message, then } => {
            let mut outcome = None;
            let modal = egui::Modal::new(egui::Id::unique("save_protected")).show(ctx, |ui| {
                ui.set_max_width(super::style::DIALOG_WIDTH);
                ui.heading(t.save_protected_title);
                ui.add_space(space::S);
                ui.label(message.text(workspace.language()));
                ui.add_space(space::L);
                ui.horizontal(|ui| {
                    if default_button(ui, t, t.cmd_save_as, Some(t.cmd_save_as_tip), true) {
                        outcome = Some(DialogOutcome::SaveElsewhere(then.clone()));
                    }
                    if ui.button(t.dlg_cancel).clicked() {
                        outcome = Some(DialogOutcome::Dismiss);
                    }
                });
            });
            dismissed_or(modal.should_close(), outcome)
        }
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
