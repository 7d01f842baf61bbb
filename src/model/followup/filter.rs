//! Filters over the commitments of a project: by status, party, owner, topic, meeting and
//! due date.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

use super::due::{DueState, due_state};
use super::tree::kept_in_tree_order;
use crate::model::{
    Commitment, CommitmentId, CommitmentStatus, MeetingId, OrganisationId, Owner, Project,
};

/// Which commitments to show, by due date.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DueFilter {
    /// Any due date or none.
    #[default]
    Any,
    /// Open and past due.
    Overdue,
    /// Open and due from today to `n` days ahead (not overdue).
    Within(u32),
    /// Open without a due date.
    NoDate,
}

/// A filter over the commitments of a project; the default lets everything through.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// Statuses to keep; empty keeps every status.
    pub statuses: BTreeSet<CommitmentStatus>,
    /// Keep commitments binding this organisation.
    pub party: Option<OrganisationId>,
    /// Keep commitments carried by this owner. An organisation also matches commitments
    /// carried by one of its people, since an owner is named by person when known.
    pub owner: Option<Owner>,
    /// Keep commitments with this topic (compared without case).
    pub topic: Option<String>,
    /// Keep commitments agreed at this meeting.
    pub meeting: Option<MeetingId>,
    /// Keep commitments by due date.
    pub due: DueFilter,
}

impl Filter {
    /// True when the filter lets everything through.
    pub fn is_empty(&self) -> bool {
        self == &Self::default()
    }

    /// True when `c` passes the filter on `today`.
    pub fn matches(&self, project: &Project, c: &Commitment, today: NaiveDate) -> bool {
        if !self.statuses.is_empty() && !self.statuses.contains(&c.status) {
            return false;
        }
        if let Some(party) = &self.party
            && !c.parties.contains(party)
        {
            return false;
        }
        if let Some(owner) = &self.owner
            && !c.owners.iter().any(|o| owner_matches(project, owner, o))
        {
            return false;
        }
        if let Some(topic) = &self.topic
            && !c
                .topics
                .iter()
                .any(|t| t.trim().to_lowercase() == topic.trim().to_lowercase())
        {
            return false;
        }
        if let Some(meeting) = &self.meeting
            && c.agreed_at.as_ref() != Some(meeting)
        {
            return false;
        }
        match self.due {
            DueFilter::Any => true,
            DueFilter::Overdue => matches!(due_state(c, today, 0), DueState::Overdue { .. }),
            DueFilter::Within(n) => matches!(due_state(c, today, n), DueState::DueSoon { .. }),
            DueFilter::NoDate => due_state(c, today, 0) == DueState::NoDate,
        }
    }
}

/// True when the filter's `wanted` owner matches the commitment's owner `actual`.
fn owner_matches(project: &Project, wanted: &Owner, actual: &Owner) -> bool {
    match (wanted, actual) {
        (Owner::Organisation(org), Owner::Person(person)) => project
            .people
            .get(person)
            .is_some_and(|p| p.organisation.as_ref() == Some(org)),
        _ => wanted == actual,
    }
}

/// Every topic used in the project, once each (the first spelling met), sorted without case.
pub fn topics(project: &Project) -> Vec<String> {
    let mut seen = BTreeMap::new();
    for topic in project.commitments.values().flat_map(|c| &c.topics) {
        let topic = topic.trim();
        if !topic.is_empty() {
            seen.entry(topic.to_lowercase())
                .or_insert_with(|| topic.to_owned());
        }
    }
    seen.into_values().collect()
}

/// The commitments that pass `filter` on `today`, in tree order with their depth.
pub fn filtered(
    project: &Project,
    filter: &Filter,
    today: NaiveDate,
) -> Vec<(CommitmentId, usize)> {
    kept_in_tree_order(project, |_, c| filter.matches(project, c, today))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::followup::{
        LATER_DAYS, SOON_DAYS, open_statuses, status_counts, upcoming_meetings,
    };
    use crate::model::{Choice as _, PersonId};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn sample() -> Project {
        crate::samples::ccaa_afnor().unwrap()
    }

    #[test]
    fn filters() {
        let project = sample();
        let today = d(2025, 6, 15);
        let ids = |f: &Filter| -> Vec<String> {
            filtered(&project, f, today)
                .into_iter()
                .map(|(id, _)| id.0)
                .collect()
        };
        let all = ids(&Filter::default());
        assert_eq!(all.len(), 9);

        let blocked = Filter {
            statuses: [CommitmentStatus::Blocked].into(),
            ..Default::default()
        };
        assert_eq!(
            ids(&blocked),
            [
                "mutual-recognition",
                "mutual-recognition-iso-22000",
                "mutual-recognition-iso-27001",
                "mutual-recognition-iso-50001"
            ]
        );
        // Sub-points whose point is filtered out move up a level.
        let rows = filtered(
            &project,
            &Filter {
                statuses: [CommitmentStatus::Proposed].into(),
                ..Default::default()
            },
            today,
        );
        assert!(rows.iter().all(|(_, depth)| *depth == 0), "{rows:?}");
        assert_eq!(rows.len(), 2);

        let topic = Filter {
            topic: Some("esg".into()),
            ..Default::default()
        };
        assert_eq!(ids(&topic), ["innovation", "innovation-esg"]);

        // Every point has an AFNOR owner, in person or as the organisation.
        let afnor = Filter {
            owner: Some(Owner::Organisation("afnor".into())),
            ..Default::default()
        };
        assert_eq!(ids(&afnor).len(), 9);
        // Without Peter ZHANG and Cindy SHEN at AFNOR, it owns three sub-points itself and,
        // through Myriam AUGEREAU LANDAIS, the mutual-recognition point.
        let mut fewer = project.clone();
        for p in ["zhang-peter", "shen-cindy"] {
            fewer
                .people
                .get_mut(&PersonId::from(p))
                .unwrap()
                .organisation = None;
        }
        let got: Vec<_> = filtered(&fewer, &afnor, today)
            .into_iter()
            .map(|(id, _)| id.0)
            .collect();
        assert_eq!(
            got,
            [
                "mutual-recognition",
                "mutual-recognition-iso-22000",
                "mutual-recognition-iso-27001",
                "mutual-recognition-iso-50001"
            ]
        );
        let person = Filter {
            owner: Some(Owner::Person("shen-cindy".into())),
            ..Default::default()
        };
        assert_eq!(ids(&person), ["innovation-training", "sharing-expertise"]);

        // On 15 June 2025 the training point (due 30 June) falls due within 30 days and
        // within 90 (to 13 September); nothing is overdue yet.
        let soon = Filter {
            due: DueFilter::Within(SOON_DAYS),
            ..Default::default()
        };
        assert_eq!(ids(&soon), ["innovation-training"]);
        let overdue = Filter {
            due: DueFilter::Overdue,
            ..Default::default()
        };
        assert!(ids(&overdue).is_empty());
        let quarter = Filter {
            due: DueFilter::Within(LATER_DAYS),
            ..Default::default()
        };
        assert_eq!(ids(&quarter), ["innovation-training"]);
        // On 2 July the training point is overdue and 90 days reach 30 September exactly.
        let july = d(2025, 7, 2);
        let at = |f: &Filter| -> Vec<String> {
            filtered(&project, f, july)
                .into_iter()
                .map(|(id, _)| id.0)
                .collect()
        };
        assert_eq!(at(&overdue), ["innovation-training"]);
        assert!(at(&soon).is_empty());
        assert_eq!(
            at(&quarter),
            [
                "innovation",
                "innovation-esg",
                "innovation-iso-42001",
                "sharing-expertise"
            ]
        );
        assert!(
            filtered(&project, &quarter, d(2025, 7, 1)).is_empty(),
            "one day earlier, 30 September is 91 days away"
        );
        let nowhere = Filter {
            party: Some("cqc".into()),
            ..Default::default()
        };
        assert!(ids(&nowhere).is_empty());
        let at_paris = Filter {
            meeting: Some("paris-2024".into()),
            statuses: open_statuses(),
            ..Default::default()
        };
        assert_eq!(ids(&at_paris).len(), 9);
    }

    #[test]
    fn counts_topics_and_upcoming_meetings() {
        let project = sample();
        let counts = status_counts(&project);
        assert_eq!(counts.len(), CommitmentStatus::ALL.len());
        assert_eq!(
            counts.iter().map(|(_, n)| n).sum::<usize>(),
            project.commitments.len()
        );
        assert!(counts.contains(&(CommitmentStatus::Blocked, 4)));
        assert!(counts.contains(&(CommitmentStatus::Proposed, 2)));
        let topics = topics(&project);
        assert!(topics.contains(&"ISO 50001".to_owned()));
        assert_eq!(
            topics.iter().filter(|t| t.as_str() == "ESG").count(),
            1,
            "{topics:?}"
        );
        assert_eq!(upcoming_meetings(&project, d(2024, 9, 23)).len(), 1);
        assert!(upcoming_meetings(&project, d(2024, 9, 24)).is_empty());
    }
}
