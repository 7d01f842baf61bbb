//! The answers given in dialogs, carried out: one place where every [`DialogOutcome`]
//! becomes what the workspace does.

use super::{Dialog, DialogOutcome, Effect, LossAction, Workspace};
use crate::document::Edit;
use crate::export::ExportRequest;

impl Workspace {
    /// Carries out the answer given in the dialog on top.
    pub(super) fn dialog_outcome(&mut self, outcome: DialogOutcome) {
        match outcome {
            DialogOutcome::Dismiss => self.dismiss_dialog(),
            DialogOutcome::Discard(then) => {
                self.dialog = None;
                self.proceed(then);
            }
            DialogOutcome::SaveThen(then) => {
                self.dialog = None;
                self.save(Some(then));
            }
            DialogOutcome::Apply(edit) => {
                self.dialog = None;
                self.apply_edit(*edit, None);
            }
            DialogOutcome::CreateNextMeeting {
                from,
                date,
                alternate,
            } => {
                self.dialog = None;
                if let Some((edit, id)) =
                    Edit::next_meeting(self.doc.project(), &from, date, alternate)
                    && self.apply_edit(edit, None)
                {
                    self.effects.push(Effect::ShowMeeting(id));
                }
            }
            DialogOutcome::CreateMeeting { form, sides } => self.create_meeting(&form, sides),
            DialogOutcome::Import(step) => self.import_step(step),
            DialogOutcome::Merge(step) => self.merge_step(step),
            DialogOutcome::StartMerge(source) => self.start_merge(source),
            DialogOutcome::PathTyped { purpose, path } => {
                self.dialog = None;
                self.path_typed(purpose, path);
            }
            DialogOutcome::Restore(entry) => {
                self.dialog = None;
                self.restore(*entry);
            }
            DialogOutcome::AskDeleteRecovery(entry) => {
                self.dialog = Some(Dialog::ConfirmLoss(LossAction::DeleteRecovery(entry)));
            }
            DialogOutcome::DeleteRecovery(entry) => {
                self.dialog = None;
                self.recovery.delete(&entry);
            }
            DialogOutcome::BackToRecovery(entry) => self.dialog = Some(Dialog::Recover(entry)),
            DialogOutcome::Overwrite { path, then } => {
                self.dialog = None;
                self.start_save(&path, false, then);
            }
            DialogOutcome::SaveElsewhere(then) => {
                self.dialog = None;
                self.save_as(then);
            }
            DialogOutcome::AskReload(path) => {
                self.dialog = Some(Dialog::ConfirmLoss(LossAction::Reload(path)));
            }
            DialogOutcome::Reload(path) => {
                self.dialog = None;
                self.start_open(&path, false);
            }
            DialogOutcome::Export(request) => {
                self.dialog = None;
                if let ExportRequest::NameCards(_, options) = &request.request {
                    self.card_options = *options;
                }
                self.pick_and_export(*request);
            }
            DialogOutcome::Letters(step) => self.letters_step(step),
            DialogOutcome::ImportInstead {
                path,
                kind,
                meeting,
            } => {
                self.dialog = None;
                self.import_instead(&path, kind, meeting);
            }
            DialogOutcome::WriteAnyway => {
                if let Some(Dialog::Unprintable(pending)) = self.dialog.take() {
                    self.write_pending(*pending);
                }
            }
        }
    }
}
