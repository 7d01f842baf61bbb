//! Deleting a meeting, a person, an organisation or a commitment: one undo step that also
//! clears the references to it, and "Deleted … — Undo" in the status bar, one click from
//! bringing everything back. Nothing is asked first: the undo is the safety net, and a
//! question before every delete teaches users to click "Yes" without reading.
//!
//! Also the status message said again in the new language after a switch (issue 27).

use std::time::Instant;

use super::{Deletion, Toast, Workspace};
use crate::document::Edit;
use crate::i18n::{Language, Strings};

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
        let removed_with = match what {
            Deletion::Person(id) => self.person_references(id),
            _ => String::new(),
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
        let t = self.tr();
        let deleted = t
            .deleted_entry
            .replace("{name}", &quoted)
            .trim_end()
            .to_owned();
        let text = if removed_with.is_empty() {
            deleted
        } else {
            t.first_hour
                .deleted_with
                .replace("{deleted}", &deleted)
                .replace("{list}", &removed_with)
        };
        self.toast = Some(Toast {
            text,
            since: Instant::now(),
            folder: None,
            undo: Some(self.doc.revision()),
        });
    }

    /// What deleting person `id` removes with them (issue 27), counted: `attendee at
    /// 2 meetings, speaker of 3 items, owner of 1 commitment`; empty when nothing.
    fn person_references(&self, id: &crate::model::PersonId) -> String {
        let t = &self.tr().first_hour;
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
        let say = |n: usize, one: &str, many: &str| match n {
            0 => None,
            1 => Some(one.to_owned()),
            n => Some(many.replace("{n}", &super::thousands(n))),
        };
        let separator = if self.language().prefers_chinese() {
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

    /// Whether the status bar's "Deleted … — Undo" still undoes that deletion: nothing
    /// was edited, undone or redone since.
    pub fn undoable_deletion(&self) -> bool {
        self.toast
            .as_ref()
            .and_then(|t| t.undo)
            .is_some_and(|revision| revision == self.doc.revision())
    }
}

/// The phrases a status message starts with, which a language switch translates; what
/// follows them (a file name, a path) is the user's and stays.
const PHRASES: [fn(&Strings) -> &'static str; 8] = [
    |s| s.saved,
    |s| s.opened,
    |s| s.exported,
    |s| s.recovery_restored,
    |s| s.cancelled,
    |s| s.busy,
    |s| s.nothing_to_undo,
    |s| s.nothing_to_redo,
];

/// `text`, a status message in `from`, in `to`: its leading phrase translated (`Saved
/// /home/…/paris.ron` → `已保存 /home/…/paris.ron`, `Deleted “X”` → `已删除 “X”`); a
/// message of no known phrase stays as it is.
fn retell(text: &str, from: Language, to: Language) -> String {
    let (a, b) = (from.strings(), to.strings());
    for phrase in PHRASES {
        if let Some(rest) = text.strip_prefix(phrase(a)) {
            return format!("{}{rest}", phrase(b));
        }
    }
    let before_name = |s: &Strings| s.deleted_entry.split("{name}").next().unwrap_or_default();
    if !before_name(a).is_empty()
        && let Some(rest) = text.strip_prefix(before_name(a))
    {
        return format!("{}{rest}", before_name(b));
    }
    text.to_owned()
}

impl Workspace {
    /// Switches the interface language, and says the status message shown in the new one.
    pub(super) fn switch_language(&mut self, to: Language) {
        let from = self.language();
        self.settings.language = to;
        if from != to
            && let Some(toast) = &mut self.toast
        {
            toast.text = retell(&toast.text, from, to);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_status_message_is_said_again_in_the_new_language() {
        let (en, zh) = (Language::English, Language::Chinese);
        assert_eq!(
            retell("Saved /home/li/paris.ron", en, zh),
            "已保存 /home/li/paris.ron"
        );
        assert_eq!(retell("已打开 paris.ron", zh, en), "Opened paris.ron");
        assert_eq!(
            retell("Deleted “HUANG Jixian”", en, zh),
            "已删除 “HUANG Jixian”"
        );
        assert_eq!(retell("Nothing to undo", en, zh), "没有可撤销的操作");
        assert_eq!(retell("something else", en, zh), "something else");
    }
}
