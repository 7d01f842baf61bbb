//! Deleting a meeting, a person, an organisation or a commitment: one undo step that also
//! clears the references to it, and "Deleted … — Undo" in the status bar, one click from
//! bringing everything back. Nothing is asked first: the undo is the safety net, and a
//! question before every delete teaches users to click "Yes" without reading.

use std::time::Instant;

use super::{Deletion, Toast, Workspace};
use crate::document::Edit;

/// The most characters of a name the status bar quotes.
const STATUS_NAME_CHARS: usize = 60;

/// `name` short enough for the status bar: its first characters, then `…`.
fn short(name: &str) -> String {
    match name.char_indices().nth(STATUS_NAME_CHARS) {
        Some((end, _)) => format!("{}…", name.get(..end).unwrap_or_default()),
        None => name.to_owned(),
    }
}

impl Workspace {
    /// Deletes `what` (with the references to it) as one undo step, and says so in the
    /// status bar with an Undo beside the message.
    pub(super) fn delete(&mut self, what: &Deletion) {
        let project = self.doc.project();
        let zh = self.language().prefers_chinese();
        let (name, edit) = match what {
            Deletion::Meeting(id) => (
                project.meetings.get(id).map(|m| m.title.get(zh).to_owned()),
                Edit::delete_meeting(project, id),
            ),
            Deletion::Person(id) => (
                project
                    .people
                    .get(id)
                    .map(crate::model::Person::display_name),
                Edit::delete_person(project, id),
            ),
            Deletion::Organisation(id) => (
                project.organisations.get(id).map(|o| {
                    let name = o.name.get(zh);
                    if name.trim().is_empty() {
                        o.acronym.clone()
                    } else {
                        name.to_owned()
                    }
                }),
                Edit::delete_organisation(project, id),
            ),
            Deletion::Commitment(id) => (
                project
                    .commitments
                    .get(id)
                    .map(|c| c.title.get(zh).to_owned()),
                Edit::delete_commitment(project, id),
            ),
        };
        // Gone already (deleted by another edit this frame): nothing to say.
        let Some(name) = name else {
            return;
        };
        if !self.apply_edit(edit, None) {
            return;
        }
        let name = name.trim();
        let quoted = if name.is_empty() {
            String::new()
        } else {
            format!("“{}”", short(name))
        };
        self.toast = Some(Toast {
            text: self
                .tr()
                .deleted_entry
                .replace("{name}", &quoted)
                .trim_end()
                .to_owned(),
            since: Instant::now(),
            folder: None,
            undo: Some(self.doc.revision()),
        });
    }

    /// Whether the status bar's "Deleted … — Undo" still undoes that deletion: nothing
    /// was edited, undone or redone since.
    pub fn undoable_deletion(&self) -> bool {
        self.toast
            .as_ref()
            .and_then(|t| t.undo)
            .is_some_and(|revision| revision == self.doc.revision())
    }
}
