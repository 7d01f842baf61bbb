//! Modal dialogs: unsaved changes, errors, validation problems, typed paths.

use std::path::PathBuf;

use crate::app::{AfterConfirm, DelegationApp, Dialog, PathPurpose};

/// Shows `dialog`; returns it if it stays open, or what replaces it.
pub fn dialog_ui(ctx: &egui::Context, app: &mut DelegationApp, dialog: Dialog) -> Option<Dialog> {
    let t = app.tr();
    match dialog {
        Dialog::ConfirmDiscard { then } => {
            let mut choice = None;
            let modal = egui::Modal::new(egui::Id::unique("confirm_discard")).show(ctx, |ui| {
                ui.set_max_width(420.0);
                ui.heading(t.dlg_unsaved_title);
                ui.add_space(6.0);
                ui.label(t.dlg_unsaved_body);
                ui.add_space(12.0);
                ui.horizontal(|ui| {
                    if ui.button(t.dlg_save).clicked() {
                        choice = Some(Choice::Save);
                    }
                    if ui.button(t.dlg_discard).clicked() {
                        choice = Some(Choice::Discard);
                    }
                    if ui.button(t.dlg_cancel).clicked() {
                        choice = Some(Choice::Cancel);
                    }
                });
            });
            if modal.should_close() && choice.is_none() {
                choice = Some(Choice::Cancel);
            }
            match choice {
                None => Some(Dialog::ConfirmDiscard { then }),
                Some(Choice::Cancel) => None,
                Some(Choice::Discard) => {
                    app.proceed(ctx, then);
                    app.dialog.take()
                }
                Some(Choice::Save) => {
                    let saved = match app.doc.path().map(PathBuf::from) {
                        Some(path) => app.save_to(&path),
                        None => app.save_as(),
                    };
                    if saved {
                        app.proceed(ctx, then);
                    } else {
                        // The file changed on disk: once that question is answered.
                        app.after_next_save(then);
                    }
                    app.dialog.take()
                }
            }
        }
        Dialog::Error { title, message } => {
            let mut close = false;
            let modal = egui::Modal::new(egui::Id::unique("error")).show(ctx, |ui| {
                ui.set_max_width(520.0);
                ui.heading(&title);
                ui.add_space(6.0);
                ui.label(&message);
                ui.add_space(12.0);
                close = ui.button(t.dlg_ok).clicked();
            });
            (!close && !modal.should_close()).then_some(Dialog::Error { title, message })
        }
        Dialog::Problems(problems) => {
            let mut close = false;
            let modal = egui::Modal::new(egui::Id::unique("problems")).show(ctx, |ui| {
                ui.set_max_width(560.0);
                ui.heading(t.dlg_problems_title);
                ui.add_space(6.0);
                ui.label(t.dlg_problems_body);
                egui::ScrollArea::vertical()
                    .max_height(240.0)
                    .show(ui, |ui| {
                        for problem in &problems {
                            ui.label(format!("• {problem}"));
                        }
                    });
                ui.add_space(12.0);
                close = ui.button(t.dlg_ok).clicked();
            });
            (!close && !modal.should_close()).then_some(Dialog::Problems(problems))
        }
        Dialog::PasteAgenda {
            meeting,
            text,
            replace,
        } => super::paste_agenda_ui::paste_agenda_dialog_ui(ctx, app, meeting, text, replace),
        Dialog::NextMeeting {
            from,
            date,
            alternate,
        } => super::series_ui::next_meeting_dialog_ui(ctx, app, from, date, alternate),
        Dialog::Recover(entry) => super::recovery_ui::recover_dialog_ui(ctx, app, entry),
        Dialog::FileChanged { path, change, then } => {
            super::recovery_ui::file_changed_dialog_ui(ctx, app, path, change, then)
        }
        Dialog::ConfirmLoss(action) => super::recovery_ui::confirm_loss_dialog_ui(ctx, app, action),
        Dialog::ImportAttendees(state) => {
            super::import_attendees_ui::import_attendees_dialog_ui(ctx, app, state)
        }
        Dialog::PathEntry {
            purpose,
            reason,
            mut text,
        } => {
            let mut outcome = None;
            let modal = egui::Modal::new(egui::Id::unique("path_entry")).show(ctx, |ui| {
                ui.set_max_width(560.0);
                ui.heading(t.dlg_path_title);
                ui.add_space(6.0);
                ui.label(&reason);
                ui.add_space(6.0);
                let label = ui.label(t.dlg_file);
                let field = ui
                    .add(egui::TextEdit::singleline(&mut text).desired_width(f32::INFINITY))
                    .labelled_by(label.id);
                let path = PathBuf::from(text.trim());
                if purpose != PathPurpose::Open && path.is_file() {
                    ui.colored_label(super::style::warning_color(ui), t.dlg_path_exists);
                }
                ui.add_space(12.0);
                ui.horizontal(|ui| {
                    let action = match purpose {
                        PathPurpose::Open => t.dlg_path_open,
                        PathPurpose::Save | PathPurpose::Export(_) => t.dlg_path_save,
                    };
                    let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                    if (ui
                        .add_enabled(!text.trim().is_empty(), egui::Button::new(action))
                        .clicked()
                        || enter)
                        && !text.trim().is_empty()
                    {
                        outcome = Some(Some(path));
                    }
                    if ui.button(t.dlg_cancel).clicked() {
                        outcome = Some(None);
                    }
                });
            });
            if modal.should_close() && outcome.is_none() {
                outcome = Some(None);
            }
            match outcome {
                None => Some(Dialog::PathEntry {
                    purpose,
                    reason,
                    text,
                }),
                Some(None) => None,
                Some(Some(mut path)) => {
                    match purpose {
                        PathPurpose::Open => {
                            app.proceed(ctx, AfterConfirm::OpenPath(path));
                        }
                        PathPurpose::Save => {
                            if path.extension().is_none() {
                                path.set_extension(crate::project_file::EXTENSION);
                            }
                            app.save_to(&path);
                        }
                        PathPurpose::Export(job) => app.start_export(&job, &path),
                    }
                    app.dialog.take()
                }
            }
        }
    }
}

enum Choice {
    Save,
    Discard,
    Cancel,
}
