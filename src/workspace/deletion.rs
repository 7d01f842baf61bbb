//! Deleting a meeting, a person, an organisation or a commitment: one undo step that also
//! clears the references to it, and "Deleted … — Undo" in the status bar, one click from
//! bringing everything back. Nothing is asked first: the undo is the safety net, and a
//! question before every delete teaches users to click "Yes" without reading.
//!
//! Also the language switch: the status message and the dialogs hold what they say in
//! each language (issue 27), so the switch only changes the language.

use std::time::Instant;

use super::{Deletion, Said, Toast, Workspace};
use crate::document::Edit;
use crate::i18n::Language;

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
        // The name in each language, taken before the deletion takes it away.
        let name_in = |zh: bool| match what {
            Deletion::Meeting(id) => project.meetings.get(id).map(|m| m.title.get(zh).to_owned()),
            Deletion::Person(id) => project
                .people
                .get(id)
                .map(crate::model::Person::display_name),
            Deletion::Organisation(id) => project.organisations.get(id).map(|o| {
                let name = o.name.get(zh);
                if name.trim().is_empty() {
                    o.acronym.clone()
                } else {
                    name.to_owned()
                }
            }),
            Deletion::Commitment(id) => project
                .commitments
                .get(id)
                .map(|c| c.title.get(zh).to_owned()),
        };
        let (Some(en), Some(zh)) = (name_in(false), name_in(true)) else {
            // Gone already (deleted by another edit this frame): nothing to say.
            return;
        };
        let edit = match what {
            Deletion::Meeting(id) => Edit::delete_meeting(project, id),
            Deletion::Person(id) => Edit::delete_person(project, id),
            Deletion::Organisation(id) => Edit::delete_organisation(project, id),
            Deletion::Commitment(id) => Edit::delete_commitment(project, id),
        };
        let counts = match what {
            Deletion::Person(id) => self.person_references(id),
            _ => [0; 3],
        };
        if !self.apply_edit(edit, None) {
            return;
        }
        let said = Said::new(|language| {
            let name = if language.prefers_chinese() { &zh } else { &en };
            let name = name.trim();
            let quoted = if name.is_empty() {
                String::new()
            } else {
                format!("“{}”", short(name))
            };
            let t = language.strings();
            let deleted = t
                .deleted_entry
                .replace("{name}", &quoted)
                .trim_end()
                .to_owned();
            let removed_with = references_text(counts, language);
            if removed_with.is_empty() {
                deleted
            } else {
                t.first_hour
                    .deleted_with
                    .replace("{deleted}", &deleted)
                    .replace("{list}", &removed_with)
            }
        });
        self.toast = Some(Toast {
            said,
            since: Instant::now(),
            folder: None,
            undo: Some(self.doc.revision()),
        });
    }

    /// What deleting person `id` removes with them (issue 27): the meetings they attend,
    /// the items they speak at, the commitments they own.
    fn person_references(&self, id: &crate::model::PersonId) -> [usize; 3] {
        let project = self.doc.project();
        let attendee = project
            .meetings
            .values()
            .filter(|m| m.attendees.iter().any(|a| &a.person == id))
            .count();
        let speaker = project
            .meetings
            .values()
            .flat_map(|m| m.items())
            .filter(|i| i.speakers.contains(id))
            .count();
        let owner = crate::model::Owner::Person(id.clone());
        let owner = project
            .commitments
            .values()
            .filter(|c| c.owners.contains(&owner))
            .count();
        [attendee, speaker, owner]
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

/// What went with a deleted person, counted in `language`: `attendee at 2 meetings,
/// speaker of 3 items, owner of 1 commitment`; empty when nothing.
fn references_text([attendee, speaker, owner]: [usize; 3], language: Language) -> String {
    let t = &language.strings().first_hour;
    let say = |n: usize, one: &str, many: &str| match n {
        0 => None,
        1 => Some(one.to_owned()),
        n => Some(many.replace("{n}", &super::thousands(n))),
    };
    let separator = if language.prefers_chinese() {
        "、"
    } else {
        ", "
    };
    [
        say(attendee, t.refs_attendee_one, t.refs_attendee_many),
        say(speaker, t.refs_speaker_one, t.refs_speaker_many),
        say(owner, t.refs_owner_one, t.refs_owner_many),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(separator)
}

impl Workspace {
    /// Switches the interface language; the status message and the dialogs are drawn in
    /// the new one (each holds what it says in every language).
    pub(super) fn switch_language(&mut self, to: Language) {
        self.settings.language = to;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_went_with_a_person_is_counted_in_each_language() {
        assert_eq!(
            references_text([1, 3, 0], Language::English),
            "attendee at 1 meeting, speaker of 3 items"
        );
        assert_eq!(
            references_text([0, 0, 2], Language::Chinese),
            "2 项合作事项的负责"
        );
        assert_eq!(references_text([0; 3], Language::English), "");
    }
}
