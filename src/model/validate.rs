//! Checks that every reference in a project points somewhere.
//!
//! A dangling reference is not a reason to refuse a file (it is reported and shown),
//! only a reason to tell the user.

use std::collections::{BTreeMap, BTreeSet};

use super::{CommitmentId, Owner, Precondition, Project};

/// One thing wrong with a project, in words for the user.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Problem {
    /// Where: `meeting paris-2024, agenda item item-2`.
    pub location: String,
    /// What is wrong.
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.location, self.message)
    }
}

/// Every dangling reference, duplicate id within a meeting and impossible value, sorted.
pub fn validate(project: &Project) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut push = |location: String, message: String| problems.push(Problem { location, message });

    for (id, person) in &project.people {
        if let Some(org) = &person.organisation
            && !project.organisations.contains_key(org)
        {
            push(
                format!("person {id}"),
                format!("organisation `{org}` does not exist"),
            );
        }
    }

    for (id, meeting) in &project.meetings {
        let here = format!("meeting {id}");
        if let Some(host) = &meeting.host
            && !project.organisations.contains_key(host)
        {
            push(
                here.clone(),
                format!("host organisation `{host}` does not exist"),
            );
        }
        let mut side_ids = BTreeSet::new();
        for side in &meeting.sides {
            if !side_ids.insert(&side.id) {
                push(here.clone(), format!("side id `{}` is used twice", side.id));
            }
            for org in &side.organisations {
                if !project.organisations.contains_key(org) {
                    push(
                        format!("{here}, side {}", side.id),
                        format!("organisation `{org}` does not exist"),
                    );
                }
            }
        }
        let mut attendees = BTreeSet::new();
        for attendee in &meeting.attendees {
            if !project.people.contains_key(&attendee.person) {
                push(
                    here.clone(),
                    format!("attendee `{}` does not exist", attendee.person),
                );
            }
            if !attendees.insert(&attendee.person) {
                push(
                    here.clone(),
                    format!("`{}` is listed twice as an attendee", attendee.person),
                );
            }
            if let Some(side) = &attendee.side
                && !side_ids.contains(side)
            {
                push(
                    here.clone(),
                    format!(
                        "attendee `{}` is on side `{side}`, which does not exist",
                        attendee.person
                    ),
                );
            }
        }
        let mut item_ids = BTreeSet::new();
        for item in &meeting.agenda {
            if !item_ids.insert(&item.id) {
                push(
                    here.clone(),
                    format!("agenda item id `{}` is used twice", item.id),
                );
            }
            for speaker in &item.speakers {
                if !project.people.contains_key(speaker) {
                    push(
                        format!("{here}, agenda item {}", item.id),
                        format!("speaker `{speaker}` does not exist"),
                    );
                }
            }
        }
    }

    for (id, commitment) in &project.commitments {
        let here = format!("commitment {id}");
        if let Some(parent) = &commitment.parent {
            if parent == id {
                push(here.clone(), "is its own parent".to_owned());
            } else if !project.commitments.contains_key(parent) {
                push(
                    here.clone(),
                    format!("parent commitment `{parent}` does not exist"),
                );
            }
        }
        if let Some(meeting) = &commitment.agreed_at
            && !project.meetings.contains_key(meeting)
        {
            push(here.clone(), format!("meeting `{meeting}` does not exist"));
        }
        for party in &commitment.parties {
            if !project.organisations.contains_key(party) {
                push(here.clone(), format!("party `{party}` does not exist"));
            }
        }
        for owner in &commitment.owners {
            let missing = match owner {
                Owner::Person(p) => {
                    (!project.people.contains_key(p)).then(|| format!("owner `{p}` does not exist"))
                }
                Owner::Organisation(o) => (!project.organisations.contains_key(o))
                    .then(|| format!("owner organisation `{o}` does not exist")),
            };
            if let Some(message) = missing {
                push(here.clone(), message);
            }
        }
        for pre in &commitment.preconditions {
            if let Precondition::Commitment(other) = pre
                && !project.commitments.contains_key(other)
            {
                push(
                    here.clone(),
                    format!("precondition `{other}` does not exist"),
                );
            }
        }
        for entry in &commitment.progress {
            if let Some(meeting) = &entry.meeting
                && !project.meetings.contains_key(meeting)
            {
                push(
                    format!("{here}, progress of {}", entry.date),
                    format!("meeting `{meeting}` does not exist"),
                );
            }
        }
    }

    // A parent chain that loops would hang any tree view; report every commitment whose
    // chain runs into a loop. Each chain is walked once and its answer remembered: walking
    // it again from every commitment took minutes on a hostile file with a long chain.
    let mut loops: BTreeMap<&CommitmentId, bool> = BTreeMap::new();
    for id in project.commitments.keys() {
        let mut path = Vec::new();
        let mut on_path = BTreeSet::new();
        let mut current = Some(id);
        let answer = loop {
            let Some(c) = current else {
                break false;
            };
            if let Some(known) = loops.get(c) {
                break *known;
            }
            if !on_path.insert(c) {
                break true;
            }
            path.push(c);
            current = project.commitments.get(c).and_then(|c| c.parent.as_ref());
        };
        for c in path {
            loops.insert(c, answer);
        }
    }
    for (id, looping) in loops {
        if looping {
            push(
                format!("commitment {id}"),
                "its parents form a loop".to_owned(),
            );
        }
    }

    problems.sort();
    problems.dedup();
    problems
}
