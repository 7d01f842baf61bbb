//! The dialogs that keep edits from being lost: the offer to restore a recovery copy, the
//! question when the file changed on disk, and the second question before throwing
//! changes away.

use super::style::space;
use super::widgets::default_button;
use std::path::Path;

use crate::project_file::DiskChange;
use crate::workspace::recovery::RecoveryEntry;
use crate::workspace::{AfterConfirm, DialogOutcome, LossAction, MergeSource, Workspace};

/// What the user chose in one of these dialogs.
enum Choice {
    Primary,
    Merge,
    SaveAs,
    Reload,
    Later,
    Delete,
    Cancel,
}

/// Offers to restore a recovery copy; returns the outcome once the user decided.
pub fn recover_dialog_ui(
    ctx: &egui::Context,
    workspace: &Workspace,
    entry: &RecoveryEntry,
) -> Option<DialogOutcome> {
    let t = workspace.tr();
    let zh = workspace.language().prefers_chinese();
    let mut choice = None;
    let modal = egui::Modal::new(egui::Id::unique("recover_dialog")).show(ctx, |ui| {
        ui.set_max_width(super::style::DIALOG_WIDE);
        ui.heading(t.recovery_title);
        ui.add_space(space::S);
        ui.label(t.recovery_body);
        ui.add_space(space::M);
        super::widgets::form_ui(ui, "recover_form", |ui| {
            let title = entry.project.info.title.get(zh);
            ui.label(t.recovery_project);
            ui.strong(if title.trim().is_empty() {
                entry.name.as_str()
            } else {
                title
            });
            ui.end_row();
            ui.label(t.recovery_file);
            match &entry.original {
                Some(path) => ui.label(path.display().to_string()),
                None => ui.label(t.recovery_never_saved),
            };
            ui.end_row();
            ui.label(t.recovery_written);
            ui.label(
                entry
                    .written_at
                    .with_timezone(&chrono::Local)
                    .format("%Y-%m-%d %H:%M:%S")
                    .to_string(),
            );
            ui.end_row();
            ui.label(t.recovery_contents);
            let p = &entry.project;
            ui.label(format!(
                "{} {}  ·  {} {}  ·  {} {}  ·  {} {}",
                t.cmd_show_people,
                p.people.len(),
                t.cmd_show_organisations,
                p.organisations.len(),
                t.cmd_show_meetings,
                p.meetings.len(),
                t.cmd_show_commitments,
                p.commitments.len(),
            ));
            ui.end_row();
        });
        ui.add_space(space::L);
        ui.horizontal(|ui| {
            if default_button(
                ui,
                t,
                t.recovery_restore,
                Some(t.recovery_restore_tip),
                true,
            ) {
                choice = Some(Choice::Primary);
            }
            if ui
                .button(t.recovery_later)
                .on_hover_text(t.recovery_later_tip)
                .clicked()
            {
                choice = Some(Choice::Later);
            }
            if ui.button(t.recovery_delete).clicked() {
                choice = Some(Choice::Delete);
            }
        });
    });
    if modal.should_close() && choice.is_none() {
        choice = Some(Choice::Later);
    }
    match choice {
        None => None,
        Some(Choice::Primary) => Some(DialogOutcome::Restore(Box::new(entry.clone()))),
        Some(Choice::Delete) => Some(DialogOutcome::AskDeleteRecovery(Box::new(entry.clone()))),
        // Kept on disk: offered again at the next start.
        Some(_) => Some(DialogOutcome::Dismiss),
    }
}

/// Asks what to do when the file changed on disk (or vanished) before a save.
pub fn file_changed_dialog_ui(
    ctx: &egui::Context,
    workspace: &Workspace,
    path: &Path,
    change: &DiskChange,
    then: &Option<AfterConfirm>,
) -> Option<DialogOutcome> {
    let t = workspace.tr();
    let missing = matches!(change, DiskChange::Missing);
    let mut choice = None;
    let modal = egui::Modal::new(egui::Id::unique("file_changed_dialog")).show(ctx, |ui| {
        ui.set_max_width(super::style::DIALOG_WIDE);
        if missing {
            ui.heading(t.file_missing_title);
            ui.add_space(space::S);
            ui.label(t.file_missing_body);
        } else {
            ui.heading(t.file_changed_title);
            ui.add_space(space::S);
            ui.label(t.file_changed_body);
        }
        ui.add_space(space::M);
        super::widgets::form_ui(ui, "file_changed_form", |ui| {
            if let DiskChange::Modified { size, modified } = change {
                if let Some(modified) = modified {
                    ui.label(t.file_changed_at);
                    ui.label(
                        chrono::DateTime::<chrono::Local>::from(*modified)
                            .format("%Y-%m-%d %H:%M:%S")
                            .to_string(),
                    );
                    ui.end_row();
                }
                ui.label(t.file_size_now);
                ui.label(format!("{size} {}", t.bytes));
                ui.end_row();
            }
            ui.label(t.recovery_file);
            ui.label(path.display().to_string());
            ui.end_row();
        });
        ui.add_space(space::L);
        ui.horizontal(|ui| {
            // Enter never overwrites what someone else saved: with the file changed, the
            // default merges it in; with the file gone, it is written again.
            let primary = if missing {
                default_button(ui, t, t.save_here_again, None, true)
            } else {
                ui.button(t.overwrite)
                    .on_hover_text(t.overwrite_tip)
                    .clicked()
            };
            if primary {
                choice = Some(Choice::Primary);
            }
            if !missing
                && default_button(
                    ui,
                    t,
                    t.merge.changed_on_disk,
                    Some(t.merge.changed_on_disk_tip),
                    true,
                )
            {
                choice = Some(Choice::Merge);
            }
            if ui.button(t.cmd_save_as).clicked() {
                choice = Some(Choice::SaveAs);
            }
            if !missing && ui.button(t.reload).on_hover_text(t.reload_tip).clicked() {
                choice = Some(Choice::Reload);
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
        None => None,
        Some(Choice::Primary) => Some(DialogOutcome::Overwrite {
            path: path.to_owned(),
            then: then.clone(),
        }),
        Some(Choice::Merge) => Some(DialogOutcome::StartMerge(MergeSource::Disk {
            path: path.to_owned(),
            then: then.clone(),
        })),
        Some(Choice::SaveAs) => Some(DialogOutcome::SaveElsewhere(then.clone())),
        Some(Choice::Reload) => Some(DialogOutcome::AskReload(path.to_owned())),
        Some(_) => Some(DialogOutcome::Dismiss),
    }
}

/// The second question before reloading over unsaved changes or deleting a recovery copy.
pub fn confirm_loss_dialog_ui(
    ctx: &egui::Context,
    workspace: &Workspace,
    action: &LossAction,
) -> Option<DialogOutcome> {
    let t = workspace.tr();
    let (title, body, confirm) = match action {
        LossAction::Reload(_) => (t.reload_title, t.reload_body, t.reload_confirm),
        LossAction::DeleteRecovery(_) => (
            t.delete_recovery_title,
            t.delete_recovery_body,
            t.delete_recovery_confirm,
        ),
    };
    let mut choice = None;
    let modal = egui::Modal::new(egui::Id::unique("confirm_loss_dialog")).show(ctx, |ui| {
        ui.set_max_width(super::style::DIALOG_FORM);
        ui.heading(title);
        ui.add_space(space::S);
        ui.label(body);
        if let LossAction::Reload(path) = action {
            ui.add_space(space::XS);
            ui.label(
                egui::RichText::new(path.display().to_string()).color(super::style::weak_color(ui)),
            );
        }
        ui.add_space(space::L);
        ui.horizontal(|ui| {
            if ui.button(confirm).clicked() {
                choice = Some(Choice::Primary);
            }
            // The safe choice is the default: Enter pressed by habit loses nothing.
            if default_button(ui, t, t.dlg_cancel, None, true) {
                choice = Some(Choice::Cancel);
            }
        });
    });
    if modal.should_close() && choice.is_none() {
        choice = Some(Choice::Cancel);
    }
    let confirmed = match choice {
        None => return None,
        Some(Choice::Primary) => true,
        Some(_) => false,
    };
    Some(match (action, confirmed) {
        (LossAction::Reload(path), true) => DialogOutcome::Reload(path.clone()),
        (LossAction::Reload(_), false) => DialogOutcome::Dismiss,
        (LossAction::DeleteRecovery(entry), true) => DialogOutcome::DeleteRecovery(entry.clone()),
        // Back to the offer, which this question came from.
        (LossAction::DeleteRecovery(entry), false) => DialogOutcome::BackToRecovery(entry.clone()),
    })
}
