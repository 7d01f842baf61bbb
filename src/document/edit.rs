use crate::model::{
    Commitment, CommitmentId, Meeting, MeetingId, MergeState, Organisation, OrganisationId, Owner,
    Person, PersonId, Precondition, Project, ProjectInfo,
};

/// One entity an edit changed (added, replaced or removed).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Touched {
    /// The project's title or description.
    Info,
    /// An organisation.
    Organisation(OrganisationId),
    /// A person.
    Person(PersonId),
    /// A meeting (its details, sides, attendance or agenda).
    Meeting(MeetingId),
    /// A commitment.
    Commitment(CommitmentId),
}

/// A change to a project. [`Edit::apply`] is the only code that mutates a [`Project`].
///
/// Edits replace or remove whole entities; every one has an exact inverse, which is what
/// undo stores.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Replace the project's title and description.
    SetInfo(ProjectInfo),
    /// Insert or replace an organisation.
    PutOrganisation(OrganisationId, Organisation),
    /// Remove an organisation (references to it are left for the caller to clear).
    RemoveOrganisation(OrganisationId),
    /// Insert or replace a person.
    PutPerson(PersonId, Person),
    /// Remove a person.
    RemovePerson(PersonId),
    /// Insert or replace a meeting.
    PutMeeting(MeetingId, Box<Meeting>),
    /// Remove a meeting.
    RemoveMeeting(MeetingId),
    /// Insert or replace a commitment.
    PutCommitment(CommitmentId, Commitment),
    /// Remove a commitment.
    RemoveCommitment(CommitmentId),
    /// Replace the project's own personal fields (their definitions; people keep their
    /// values under the keys).
    SetPersonalFields(Vec<crate::model::CustomField>),
    /// Replace what merges left in the project (revisions merged in, conflicts waiting):
    /// part of a merge's undo step.
    SetMergeState(Box<MergeState>),
    /// Several edits as one undo step (an import, a delete that clears references).
    Batch(Vec<Edit>),
}

impl Edit {
    /// Applies the edit and returns the edit that undoes it.
    pub fn apply(self, project: &mut Project) -> Edit {
        match self {
            Self::SetInfo(info) => Self::SetInfo(std::mem::replace(&mut project.info, info)),
            Self::SetPersonalFields(fields) => {
                Self::SetPersonalFields(std::mem::replace(&mut project.personal_fields, fields))
            }
            Self::PutOrganisation(id, value) => {
                match project.organisations.insert(id.clone(), value) {
                    Some(old) => Self::PutOrganisation(id, old),
                    None => Self::RemoveOrganisation(id),
                }
            }
            Self::RemoveOrganisation(id) => match project.organisations.remove(&id) {
                Some(old) => Self::PutOrganisation(id, old),
                None => Self::Batch(Vec::new()),
            },
            Self::PutPerson(id, value) => match project.people.insert(id.clone(), value) {
                Some(old) => Self::PutPerson(id, old),
                None => Self::RemovePerson(id),
            },
            Self::RemovePerson(id) => match project.people.remove(&id) {
                Some(old) => Self::PutPerson(id, old),
                None => Self::Batch(Vec::new()),
            },
            Self::PutMeeting(id, value) => match project.meetings.insert(id.clone(), *value) {
                Some(old) => Self::PutMeeting(id, Box::new(old)),
                None => Self::RemoveMeeting(id),
            },
            Self::RemoveMeeting(id) => match project.meetings.remove(&id) {
                Some(old) => Self::PutMeeting(id, Box::new(old)),
                None => Self::Batch(Vec::new()),
            },
            Self::PutCommitment(id, value) => match project.commitments.insert(id.clone(), value) {
                Some(old) => Self::PutCommitment(id, old),
                None => Self::RemoveCommitment(id),
            },
            Self::RemoveCommitment(id) => match project.commitments.remove(&id) {
                Some(old) => Self::PutCommitment(id, old),
                None => Self::Batch(Vec::new()),
            },
            Self::SetMergeState(state) => {
                Self::SetMergeState(Box::new(std::mem::replace(&mut project.merge, *state)))
            }
            Self::Batch(edits) => {
                let mut inverse: Vec<Edit> = edits.into_iter().map(|e| e.apply(project)).collect();
                inverse.reverse();
                Self::Batch(inverse)
            }
        }
    }

    /// Adds what this edit changes to `out` (entities, by id), so that caches can update
    /// those entries instead of rebuilding everything.
    pub fn touched(&self, out: &mut Vec<Touched>) {
        match self {
            Self::SetInfo(_) | Self::SetPersonalFields(_) | Self::SetMergeState(_) => {
                out.push(Touched::Info);
            }
            Self::PutOrganisation(id, _) | Self::RemoveOrganisation(id) => {
                out.push(Touched::Organisation(id.clone()));
            }
            Self::PutPerson(id, _) | Self::RemovePerson(id) => {
                out.push(Touched::Person(id.clone()))
            }
            Self::PutMeeting(id, _) | Self::RemoveMeeting(id) => {
                out.push(Touched::Meeting(id.clone()));
            }
            Self::PutCommitment(id, _) | Self::RemoveCommitment(id) => {
                out.push(Touched::Commitment(id.clone()));
            }
            Self::Batch(edits) => edits.iter().for_each(|e| e.touched(out)),
        }
    }

    /// Whether applying the edit to `project` would change anything. An edit that changes
    /// nothing (a merge with nothing to merge, a field set to what it holds) is not
    /// applied: it records no undo step and leaves the unsaved mark alone.
    pub fn changes(&self, project: &Project) -> bool {
        match self {
            Self::SetInfo(info) => &project.info != info,
            Self::SetPersonalFields(fields) => &project.personal_fields != fields,
            Self::SetMergeState(state) => &project.merge != state.as_ref(),
            Self::PutOrganisation(id, value) => project.organisations.get(id) != Some(value),
            Self::RemoveOrganisation(id) => project.organisations.contains_key(id),
            Self::PutPerson(id, value) => project.people.get(id) != Some(value),
            Self::RemovePerson(id) => project.people.contains_key(id),
            Self::PutMeeting(id, value) => project.meetings.get(id) != Some(value.as_ref()),
            Self::RemoveMeeting(id) => project.meetings.contains_key(id),
            Self::PutCommitment(id, value) => project.commitments.get(id) != Some(value),
            Self::RemoveCommitment(id) => project.commitments.contains_key(id),
            Self::Batch(edits) => edits.iter().any(|e| e.changes(project)),
        }
    }

    /// Adds the next meeting of `from`'s series on `date` (hosted by the other side when
    /// `alternate`), and makes `from` edition 1 of the series when it was not in one yet.
    /// Returns the edit (one undo step) and the new meeting's id; `None` when `from` is
    /// gone.
    pub fn next_meeting(
        project: &Project,
        from: &MeetingId,
        date: chrono::NaiveDate,
        alternate: bool,
    ) -> Option<(Edit, MeetingId)> {
        let previous = project.meetings.get(from)?;
        let next = previous.next_in_series(date, alternate);
        let stem = from
            .as_str()
            .trim_end_matches(|c: char| c.is_ascii_digit() || c == '-');
        let id = project.new_meeting_id(&format!("{stem}-{}", chrono::Datelike::year(&date)));
        let mut edits = Vec::new();
        if previous.series.is_none() {
            // The first meeting becomes edition 1 of the series the next one continues.
            let mut first = previous.clone();
            first.series = next.series.clone().map(|mut s| {
                s.edition = 1;
                s
            });
            edits.push(Edit::PutMeeting(from.clone(), Box::new(first)));
        }
        edits.push(Edit::PutMeeting(id.clone(), Box::new(next)));
        Some((Edit::Batch(edits), id))
    }

    /// Removes a person and every reference to them (attendance, speakers, owners).
    pub fn delete_person(project: &Project, id: &PersonId) -> Edit {
        let mut edits = Vec::new();
        for (meeting_id, meeting) in &project.meetings {
            let mentioned = meeting.attendees.iter().any(|a| &a.person == id)
                || meeting.items().any(|i| i.speakers.contains(id));
            if mentioned {
                let mut m = meeting.clone();
                m.attendees.retain(|a| &a.person != id);
                for item in m.items_mut() {
                    item.speakers.retain(|s| s != id);
                }
                edits.push(Edit::PutMeeting(meeting_id.clone(), Box::new(m)));
            }
        }
        for (cid, c) in &project.commitments {
            if c.owners.contains(&Owner::Person(id.clone())) {
                let mut c = c.clone();
                c.owners.retain(|o| o != &Owner::Person(id.clone()));
                edits.push(Edit::PutCommitment(cid.clone(), c));
            }
        }
        edits.push(Edit::RemovePerson(id.clone()));
        Edit::Batch(edits)
    }

    /// Merges a duplicate into the person kept: every reference to `duplicate` (attendance,
    /// speakers, owners) points to `keep` afterwards, empty fields of `keep` are filled from
    /// the duplicate, and the duplicate is removed. One undo step.
    pub fn merge_people(project: &Project, keep: &PersonId, duplicate: &PersonId) -> Edit {
        let (Some(kept), Some(dup)) = (project.people.get(keep), project.people.get(duplicate))
        else {
            return Edit::Batch(Vec::new());
        };
        if keep == duplicate {
            return Edit::Batch(Vec::new());
        }
        let mut edits = Vec::new();
        let mut merged = kept.clone();
        let fill = |mine: &mut String, theirs: &String| {
            if mine.trim().is_empty() {
                mine.clone_from(theirs);
            }
        };
        fill(&mut merged.family_name, &dup.family_name);
        fill(&mut merged.given_name, &dup.given_name);
        fill(&mut merged.chinese_name, &dup.chinese_name);
        fill(&mut merged.title.en, &dup.title.en);
        fill(&mut merged.title.zh, &dup.title.zh);
        fill(&mut merged.email, &dup.email);
        fill(&mut merged.phone, &dup.phone);
        if merged.notes.trim().is_empty() {
            merged.notes.clone_from(&dup.notes);
        } else if !dup.notes.trim().is_empty() && dup.notes != merged.notes {
            merged.notes = format!("{}\n{}", merged.notes, dup.notes);
        }
        if merged.honorific == crate::model::Honorific::None {
            merged.honorific = dup.honorific;
        }
        if merged.organisation.is_none() {
            merged.organisation.clone_from(&dup.organisation);
        }
        if &merged != kept {
            edits.push(Edit::PutPerson(keep.clone(), merged));
        }
        for (mid, m) in &project.meetings {
            let mentioned = m.attendees.iter().any(|a| &a.person == duplicate)
                || m.items().any(|i| i.speakers.contains(duplicate));
            if !mentioned {
                continue;
            }
            let mut m = m.clone();
            let keep_attends = m.attendees.iter().any(|a| &a.person == keep);
            if keep_attends {
                m.attendees.retain(|a| &a.person != duplicate);
            } else {
                for a in &mut m.attendees {
                    if &a.person == duplicate {
                        a.person = keep.clone();
                    }
                }
            }
            for item in m.items_mut() {
                for s in &mut item.speakers {
                    if s == duplicate {
                        s.clone_from(keep);
                    }
                }
                let mut seen = std::collections::BTreeSet::new();
                item.speakers.retain(|s| seen.insert(s.clone()));
            }
            edits.push(Edit::PutMeeting(mid.clone(), Box::new(m)));
        }
        for (cid, c) in &project.commitments {
            let dup_owner = Owner::Person(duplicate.clone());
            if c.owners.contains(&dup_owner) {
                let mut c = c.clone();
                for o in &mut c.owners {
                    if *o == dup_owner {
                        *o = Owner::Person(keep.clone());
                    }
                }
                let mut seen = Vec::new();
                c.owners.retain(|o| {
                    let new = !seen.contains(o);
                    seen.push(o.clone());
                    new
                });
                edits.push(Edit::PutCommitment(cid.clone(), c));
            }
        }
        edits.push(Edit::RemovePerson(duplicate.clone()));
        Edit::Batch(edits)
    }

    /// Removes an organisation and every reference to it.
    pub fn delete_organisation(project: &Project, id: &OrganisationId) -> Edit {
        let mut edits = Vec::new();
        for (pid, p) in &project.people {
            if p.organisation.as_ref() == Some(id) {
                let mut p = p.clone();
                p.organisation = None;
                edits.push(Edit::PutPerson(pid.clone(), p));
            }
        }
        for (mid, m) in &project.meetings {
            let mentioned =
                m.host.as_ref() == Some(id) || m.sides.iter().any(|s| s.organisations.contains(id));
            if mentioned {
                let mut m = m.clone();
                if m.host.as_ref() == Some(id) {
                    m.host = None;
                }
                for side in &mut m.sides {
                    side.organisations.retain(|o| o != id);
                }
                edits.push(Edit::PutMeeting(mid.clone(), Box::new(m)));
            }
        }
        for (cid, c) in &project.commitments {
            let owner = Owner::Organisation(id.clone());
            if c.parties.contains(id) || c.owners.contains(&owner) {
                let mut c = c.clone();
                c.parties.retain(|o| o != id);
                c.owners.retain(|o| o != &owner);
                edits.push(Edit::PutCommitment(cid.clone(), c));
            }
        }
        edits.push(Edit::RemoveOrganisation(id.clone()));
        Edit::Batch(edits)
    }

    /// Removes a meeting and every reference to it.
    pub fn delete_meeting(project: &Project, id: &MeetingId) -> Edit {
        let mut edits = Vec::new();
        for (cid, c) in &project.commitments {
            let mentioned = c.agreed_at.as_ref() == Some(id)
                || c.progress.iter().any(|e| e.meeting.as_ref() == Some(id));
            if mentioned {
                let mut c = c.clone();
                if c.agreed_at.as_ref() == Some(id) {
                    c.agreed_at = None;
                    // The item was the meeting's: without it, it names nothing.
                    c.agreed_item = None;
                }
                for entry in &mut c.progress {
                    if entry.meeting.as_ref() == Some(id) {
                        entry.meeting = None;
                    }
                }
                edits.push(Edit::PutCommitment(cid.clone(), c));
            }
        }
        edits.push(Edit::RemoveMeeting(id.clone()));
        Edit::Batch(edits)
    }

    /// Removes a commitment; its sub-points move up to its parent.
    pub fn delete_commitment(project: &Project, id: &CommitmentId) -> Edit {
        let parent = project.commitments.get(id).and_then(|c| c.parent.clone());
        let mut edits = Vec::new();
        for (cid, c) in &project.commitments {
            if cid == id {
                continue;
            }
            let is_child = c.parent.as_ref() == Some(id);
            let depends = c
                .preconditions
                .contains(&Precondition::Commitment(id.clone()));
            if is_child || depends {
                let mut c = c.clone();
                if is_child {
                    c.parent = parent.clone();
                }
                c.preconditions
                    .retain(|p| p != &Precondition::Commitment(id.clone()));
                edits.push(Edit::PutCommitment(cid.clone(), c));
            }
        }
        edits.push(Edit::RemoveCommitment(id.clone()));
        Edit::Batch(edits)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Attendee, Meeting};

    #[test]
    fn merging_a_duplicate_keeps_every_reference() {
        let mut project = crate::samples::ccaa_afnor().unwrap();
        let before = project.clone();
        // The same person typed twice, with the alignment space and an e-mail.
        let dup = PersonId::from("fang-yan-2");
        project.people.insert(
            dup.clone(),
            Person {
                family_name: "FANG".into(),
                chinese_name: "方艳".into(),
                email: "fang@example.org".into(),
                ..Default::default()
            },
        );
        let first = project.meetings.keys().next().unwrap().clone();
        let m = project.meetings.get_mut(&first).unwrap();
        m.days[0].items[0].speakers.push(dup.clone());
        let keep = PersonId::from("fang-yan");
        assert!(project.people[&keep].same_name_as(&project.people[&dup]));
        let snapshot = project.clone();
        let inverse = Edit::merge_people(&project, &keep, &dup).apply(&mut project);
        assert!(!project.people.contains_key(&dup));
        assert_eq!(project.people[&keep].email, "fang@example.org");
        assert_eq!(
            project.people[&keep].chinese_name, "方 艳",
            "the kept spelling wins"
        );
        assert!(
            project.meetings.values().next().unwrap().days[0].items[0]
                .speakers
                .contains(&keep)
        );
        assert!(crate::model::validate(&project).is_empty());
        inverse.apply(&mut project);
        assert_eq!(project, snapshot);
        let _ = before;
    }

    #[test]
    fn deleting_a_person_clears_references_and_undoes_whole() {
        let mut project = Project::default();
        let pid = PersonId::from("p");
        project.people.insert(pid.clone(), Person::default());
        let mut meeting = Meeting::new(
            chrono::NaiveDate::from_ymd_opt(2024, 9, 23).unwrap(),
            chrono_tz::Europe::Paris,
        );
        meeting.attendees.push(Attendee::new(pid.clone()));
        project.meetings.insert("m".into(), meeting);
        let before = project.clone();

        let inverse = Edit::delete_person(&project, &pid).apply(&mut project);
        assert!(project.people.is_empty());
        assert!(project.meetings["m"].attendees.is_empty());
        assert!(crate::model::validate(&project).is_empty());
        inverse.apply(&mut project);
        assert_eq!(project, before);
    }
}
