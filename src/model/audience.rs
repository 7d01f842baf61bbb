//! Who a text is for: the planners themselves, or the partners who receive the documents.
//!
//! An agenda item's note is internal unless the user marks it for the programme; people's
//! and organisations' notes and commitments' internal remarks are always internal. Every
//! document for partners is made from [`Project::for_partners`], so an internal text never
//! reaches one unless the user asks for their own copy with the notes.

use serde::{Deserialize, Serialize};

use super::{Project, choice_enum};

/// Who an agenda item's note is for.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum NoteAudience {
    /// The planners only ("needs the approval of the CNCA", "bring the comparison
    /// table"): left out of every document for partners. What every note was before
    /// notes had an audience.
    #[default]
    Internal,
    /// Printed in the programme under the item ("CQC experts", "Room 3").
    Programme,
}

choice_enum!(NoteAudience {
    Internal => ("internal", "Internal", "内部"),
    Programme => ("programme", "For the programme", "印入议程"),
});

impl Project {
    /// The project as partners may read it: the notes of agenda items not marked for the
    /// programme, the notes of people and organisations and the internal remarks of
    /// commitments emptied. A copy (cheap: the maps are persistent); only the entities
    /// that hold such text are copied anew.
    pub fn for_partners(&self) -> Project {
        let mut out = self.clone();
        let people: Vec<_> = self
            .people
            .iter()
            .filter(|(_, p)| !p.notes.is_empty())
            .map(|(id, _)| id.clone())
            .collect();
        for id in people {
            if let Some(p) = out.people.get_mut(&id) {
                p.notes.clear();
            }
        }
        let organisations: Vec<_> = self
            .organisations
            .iter()
            .filter(|(_, o)| !o.notes.is_empty())
            .map(|(id, _)| id.clone())
            .collect();
        for id in organisations {
            if let Some(o) = out.organisations.get_mut(&id) {
                o.notes.clear();
            }
        }
        let meetings: Vec<_> = self
            .meetings
            .iter()
            .filter(|(_, m)| m.items().any(is_internal_note))
            .map(|(id, _)| id.clone())
            .collect();
        for id in meetings {
            if let Some(m) = out.meetings.get_mut(&id) {
                for item in m.items_mut() {
                    if is_internal_note(item) {
                        item.notes.clear();
                    }
                }
            }
        }
        let commitments: Vec<_> = self
            .commitments
            .iter()
            .filter(|(_, c)| !c.remarks.is_empty())
            .map(|(id, _)| id.clone())
            .collect();
        for id in commitments {
            if let Some(c) = out.commitments.get_mut(&id) {
                c.remarks.clear();
            }
        }
        out
    }

    /// Every internal text of the project, for tests and for saying what a copy for
    /// partners leaves out: item notes not for the programme, people's and
    /// organisations' notes, commitments' internal remarks (empty ones skipped).
    pub fn internal_texts(&self) -> Vec<&str> {
        let items = self
            .meetings
            .values()
            .flat_map(|m| m.items())
            .filter(|i| is_internal_note(i))
            .map(|i| i.notes.as_str());
        let people = self.people.values().map(|p| p.notes.as_str());
        let organisations = self.organisations.values().map(|o| o.notes.as_str());
        let commitments = self.commitments.values().map(|c| c.remarks.as_str());
        items
            .chain(people)
            .chain(organisations)
            .chain(commitments)
            .filter(|t| !t.trim().is_empty())
            .collect()
    }
}

/// An item whose note is for the planners only (and not empty).
fn is_internal_note(item: &super::AgendaItem) -> bool {
    item.notes_audience == NoteAudience::Internal && !item.notes.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Commitment, CommitmentId, MeetingId, Person, PersonId};

    #[test]
    fn a_copy_for_partners_keeps_only_what_is_for_them() {
        let mut p = crate::samples::ccaa_afnor().unwrap();
        let paris = MeetingId::from("paris-2024");
        {
            let meeting = p.meetings.get_mut(&paris).unwrap();
            let mut items = meeting.items_mut();
            let first = items.next().unwrap();
            first.notes = "Room 3, ground floor".into();
            first.notes_audience = NoteAudience::Programme;
            let second = items.next().unwrap();
            second.notes = "Our fallback position: ISO 50001 only.".into();
        }
        p.people.insert(
            PersonId::from("x"),
            Person {
                notes: "Vegetarian.".into(),
                ..Default::default()
            },
        );
        p.commitments.insert(
            CommitmentId::from("c"),
            Commitment {
                remarks: "Push for 2025.".into(),
                ..Default::default()
            },
        );
        let internal = p.internal_texts();
        for text in [
            "Our fallback position: ISO 50001 only.",
            "Vegetarian.",
            "Push for 2025.",
        ] {
            assert!(internal.contains(&text), "{text}: {internal:?}");
        }
        assert!(!internal.contains(&"Room 3, ground floor"));

        let shared = p.for_partners();
        assert!(
            shared.internal_texts().is_empty(),
            "{:?}",
            shared.internal_texts()
        );
        let m = &shared.meetings[&paris];
        let notes: Vec<&str> = m.items().map(|i| i.notes.as_str()).collect();
        assert_eq!(notes.first(), Some(&"Room 3, ground floor"));
        assert_eq!(notes.get(1), Some(&""));
        // Nothing else changes: the meeting is as it was but for its internal notes.
        let mut expected = p.meetings[&paris].clone();
        for item in expected.items_mut() {
            if item.notes_audience == NoteAudience::Internal {
                item.notes.clear();
            }
        }
        assert_eq!(m, &expected);
        let mut back = shared.clone();
        back.people = p.people.clone();
        back.organisations = p.organisations.clone();
        back.commitments = p.commitments.clone();
        back.meetings = p.meetings.clone();
        assert_eq!(back, p);
    }
}
