//! Following commitments up: what is overdue or due soon relative to a given day, filters,
//! the commitments of a meeting series that are still open, and the "Review of
//! commitments" agenda item a next meeting starts from.
//!
//! Everything takes `today` as an argument instead of reading the clock, so the app, the
//! command line and the tests agree on what "overdue" means and tests can pick any day.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Days, NaiveDate};

use super::{
    AgendaItem, AgendaItemKind, Bilingual, Choice as _, Commitment, CommitmentId, CommitmentStatus,
    ItemId, Meeting, MeetingId, OrganisationId, Owner, ProgressEntry, Project,
};

/// The short window of the due view: what falls due within a month.
pub const SOON_DAYS: u32 = 30;
/// The long window of the due view: what falls due within a quarter.
pub const LATER_DAYS: u32 = 90;

/// Where a commitment stands against its due date on a given day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DueState {
    /// Open and past its due date by `days` days (at least 1).
    Overdue {
        /// Days since the due date.
        days: u64,
    },
    /// Open and due today (`days` = 0) or within the window.
    DueSoon {
        /// Days until the due date.
        days: u64,
    },
    /// Open and due after the window.
    Later,
    /// Open without a due date.
    NoDate,
    /// Done or dropped: nothing is owed, whatever the date.
    Closed,
}

impl DueState {
    /// True for [`DueState::Overdue`] and [`DueState::DueSoon`]: what a follow-up list shows.
    pub fn needs_attention(self) -> bool {
        matches!(self, Self::Overdue { .. } | Self::DueSoon { .. })
    }
}

/// The last day of a window of `days` days starting `today` (`today` + `days`), or `None`
/// when that lies past the end of the calendar, in which case the window has no end.
///
/// Days, not months: "within 30 days" of 31 January is 2 March (1 March in a leap year),
/// never an invalid "31 February".
pub fn window_end(today: NaiveDate, days: u32) -> Option<NaiveDate> {
    today.checked_add_days(Days::new(u64::from(days)))
}

/// Classifies a due date on `today`, with a window of `within_days` days for "due soon".
/// A due date equal to today is due soon (0 days), the day after it is overdue (1 day).
pub fn classify(due: Option<NaiveDate>, today: NaiveDate, within_days: u32) -> DueState {
    let Some(due) = due else {
        return DueState::NoDate;
    };
    let days = (due - today).num_days();
    if days < 0 {
        return DueState::Overdue {
            days: days.unsigned_abs(),
        };
    }
    match window_end(today, within_days) {
        Some(end) if due > end => DueState::Later,
        _ => DueState::DueSoon {
            days: days.unsigned_abs(),
        },
    }
}

/// [`classify`] for a commitment: a done or dropped one is [`DueState::Closed`].
pub fn due_state(c: &Commitment, today: NaiveDate, within_days: u32) -> DueState {
    if c.status.is_open() {
        classify(c.due, today, within_days)
    } else {
        DueState::Closed
    }
}

/// The date of the newest progress entry.
pub fn last_update(c: &Commitment) -> Option<NaiveDate> {
    c.progress.iter().map(|e| e.date).max()
}

/// The newest progress entry (the last of those with the newest date).
pub fn last_entry(c: &Commitment) -> Option<&ProgressEntry> {
    c.progress.iter().rev().max_by_key(|e| e.date)
}

/// The statuses that count as open, for the "open" status filter.
pub fn open_statuses() -> BTreeSet<CommitmentStatus> {
    CommitmentStatus::ALL
        .iter()
        .copied()
        .filter(|s| s.is_open())
        .collect()
}

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

/// Commitments as a tree: each point followed by its sub-points, with their depth.
/// A parent that is missing or part of a loop makes a commitment a root, so every
/// commitment appears exactly once.
pub fn tree_order(project: &Project) -> Vec<(CommitmentId, usize)> {
    let is_root = |id: &CommitmentId, c: &Commitment| {
        let Some(mut parent) = c.parent.as_ref() else {
            return true;
        };
        let mut steps = 0;
        loop {
            if parent == id || steps > project.commitments.len() {
                return true; // a loop
            }
            match project
                .commitments
                .get(parent)
                .and_then(|p| p.parent.as_ref())
            {
                Some(next) => parent = next,
                None => return !project.commitments.contains_key(parent),
            }
            steps += 1;
        }
    };
    let mut children: BTreeMap<&CommitmentId, Vec<&CommitmentId>> = BTreeMap::new();
    for (id, c) in &project.commitments {
        if let Some(parent) = &c.parent {
            children.entry(parent).or_default().push(id);
        }
    }
    let mut out = Vec::with_capacity(project.commitments.len());
    let mut stack: Vec<(&CommitmentId, usize)> = project
        .commitments
        .iter()
        .filter(|(id, c)| is_root(id, c))
        .map(|(id, _)| (id, 0))
        .rev()
        .collect();
    let mut seen = BTreeSet::new();
    while let Some((id, depth)) = stack.pop() {
        if !seen.insert(id) {
            continue;
        }
        out.push((id.clone(), depth));
        if let Some(kids) = children.get(id) {
            stack.extend(kids.iter().rev().map(|k| (*k, depth + 1)));
        }
    }
    out
}

/// The commitments in tree order that `keep` accepts, each with its depth among the kept
/// ones: a sub-point whose point is left out moves up a level, so nothing is indented
/// under a line that is not there.
pub fn kept_in_tree_order(
    project: &Project,
    mut keep: impl FnMut(&CommitmentId, &Commitment) -> bool,
) -> Vec<(CommitmentId, usize)> {
    let kept: Vec<CommitmentId> = tree_order(project)
        .into_iter()
        .filter(|(id, _)| project.commitments.get(id).is_some_and(|c| keep(id, c)))
        .map(|(id, _)| id)
        .collect();
    let set: BTreeSet<&CommitmentId> = kept.iter().collect();
    kept.iter()
        .map(|id| {
            let mut depth = 0;
            let mut steps = 0;
            let mut parent = project.commitments.get(id).and_then(|c| c.parent.as_ref());
            // Bounded walk: a loop of parents must not hang the caller.
            while let Some(p) = parent
                && steps <= project.commitments.len()
            {
                if p == id {
                    break;
                }
                if set.contains(p) {
                    depth += 1;
                }
                parent = project.commitments.get(p).and_then(|c| c.parent.as_ref());
                steps += 1;
            }
            (id.clone(), depth)
        })
        .collect()
}

/// The commitments that pass `filter` on `today`, in tree order with their depth.
pub fn filtered(
    project: &Project,
    filter: &Filter,
    today: NaiveDate,
) -> Vec<(CommitmentId, usize)> {
    kept_in_tree_order(project, |_, c| filter.matches(project, c, today))
}

/// How many commitments have each status, in the order of [`CommitmentStatus::ALL`].
pub fn status_counts(project: &Project) -> Vec<(CommitmentStatus, usize)> {
    CommitmentStatus::ALL
        .iter()
        .map(|&s| {
            (
                s,
                project
                    .commitments
                    .values()
                    .filter(|c| c.status == s)
                    .count(),
            )
        })
        .collect()
}

/// Open commitments that are overdue or due within `within_days` of `today`, sorted by due
/// date (then id): the follow-up list.
pub fn needing_attention(
    project: &Project,
    today: NaiveDate,
    within_days: u32,
) -> Vec<(CommitmentId, DueState)> {
    let mut out: Vec<_> = project
        .commitments
        .iter()
        .filter_map(|(id, c)| {
            let state = due_state(c, today, within_days);
            state.needs_attention().then(|| (c.due, id.clone(), state))
        })
        .collect();
    out.sort();
    out.into_iter().map(|(_, id, state)| (id, state)).collect()
}

/// Meetings on or after `today`, by date and start time.
pub fn upcoming_meetings(project: &Project, today: NaiveDate) -> Vec<MeetingId> {
    let mut meetings: Vec<_> = project
        .meetings
        .iter()
        .filter(|(_, m)| m.date >= today)
        .collect();
    meetings.sort_by_key(|(id, m)| (m.date, m.start_time, (*id).clone()));
    meetings.into_iter().map(|(id, _)| id.clone()).collect()
}

/// True when two meetings belong to the same series: the series names agree in English or
/// in Chinese (trimmed, English without case), so a later edition whose other translation
/// was corrected still counts.
fn same_series(a: &Meeting, b: &Meeting) -> bool {
    let (Some(a), Some(b)) = (&a.series, &b.series) else {
        return false;
    };
    let en = a.name.en.trim();
    let zh = a.name.zh.trim();
    (!en.is_empty() && en.to_lowercase() == b.name.en.trim().to_lowercase())
        || (!zh.is_empty() && zh == b.name.zh.trim())
}

/// The meetings of the series `meeting` (with id `id`) belongs to, by date, itself
/// included; only itself when it is in no series.
pub fn series_meetings(project: &Project, id: &MeetingId, meeting: &Meeting) -> Vec<MeetingId> {
    let mut out: Vec<_> = project
        .meetings
        .iter()
        .filter(|(other_id, other)| *other_id != id && same_series(meeting, other))
        .map(|(other_id, other)| (other.date, other.start_time, other_id.clone()))
        .collect();
    out.push((meeting.date, meeting.start_time, id.clone()));
    out.sort();
    out.into_iter().map(|(_, _, id)| id).collect()
}

/// The other meetings of `meeting`'s series held on or before its date.
fn earlier_in_series(project: &Project, id: &MeetingId, meeting: &Meeting) -> BTreeSet<MeetingId> {
    series_meetings(project, id, meeting)
        .into_iter()
        .filter(|m| m != id)
        .filter(|m| {
            project
                .meetings
                .get(m)
                .is_some_and(|mm| mm.date <= meeting.date)
        })
        .collect()
}

/// True when `meeting`'s series has an earlier meeting, whose commitments it can review.
pub fn has_earlier_in_series(project: &Project, id: &MeetingId, meeting: &Meeting) -> bool {
    !earlier_in_series(project, id, meeting).is_empty()
}

/// The open commitments agreed at earlier meetings of `meeting`'s series (held on or before
/// its date, itself excluded), in tree order with their depth: what its review goes through.
pub fn open_commitments_of_series(
    project: &Project,
    id: &MeetingId,
    meeting: &Meeting,
) -> Vec<(CommitmentId, usize)> {
    let earlier = earlier_in_series(project, id, meeting);
    kept_in_tree_order(project, |_, c| {
        c.status.is_open() && c.agreed_at.as_ref().is_some_and(|m| earlier.contains(m))
    })
}

/// Id of the review item in an agenda; adding the review again refreshes this item.
pub const REVIEW_ITEM_ID: &str = "review-of-commitments";
/// Title of the review item.
pub const REVIEW_TITLE: (&str, &str) = ("Review of commitments", "合作事项进展回顾");

/// `1.2`: the outline number of each row of a tree listing.
fn outline_numbers(rows: &[(CommitmentId, usize)]) -> Vec<String> {
    let mut counters: Vec<usize> = Vec::new();
    rows.iter()
        .map(|(_, depth)| {
            counters.truncate(depth + 1);
            while counters.len() < depth + 1 {
                counters.push(0);
            }
            if let Some(last) = counters.last_mut() {
                *last += 1;
            }
            counters
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(".")
        })
        .collect()
}

/// The notes of the review item: one line per open commitment, numbered as an outline,
/// with its status and due date in both languages.
pub fn review_notes(project: &Project, rows: &[(CommitmentId, usize)]) -> String {
    let mut lines = Vec::with_capacity(rows.len() + 1);
    lines.push(format!(
        "Open commitments / 未完成的合作事项: {}",
        rows.len()
    ));
    for ((id, depth), number) in rows.iter().zip(outline_numbers(rows)) {
        let Some(c) = project.commitments.get(id) else {
            continue;
        };
        let title = match (c.title.en.trim(), c.title.zh.trim()) {
            (en, zh) if !en.is_empty() && !zh.is_empty() => format!("{en} / {zh}"),
            _ => c.title.both(),
        };
        let mut line = format!(
            "{}{number} {title} — {} / {}",
            "  ".repeat(*depth),
            c.status.label_en(),
            c.status.label_zh()
        );
        if let Some(due) = c.due {
            line.push_str(&format!(" — due / 截止 {due}"));
        }
        lines.push(line);
    }
    lines.join("\n")
}

/// Adds the "Review of commitments" item to `meeting` (id `id`), listing every open
/// commitment of its series, or refreshes that list when the item is already there.
/// A new item goes right after the opening remarks at the start of the agenda. Returns the
/// item's id.
pub fn add_review_item(project: &Project, id: &MeetingId, meeting: &mut Meeting) -> ItemId {
    let rows = open_commitments_of_series(project, id, meeting);
    let notes = review_notes(project, &rows);
    let item_id = ItemId::from(REVIEW_ITEM_ID);
    if let Some(item) = meeting.agenda.iter_mut().find(|i| i.id == item_id) {
        item.notes = notes;
        return item_id;
    }
    let points = rows.iter().filter(|(_, depth)| *depth == 0).count();
    // A few minutes per point, within what one agenda item can reasonably take.
    let minutes = u32::try_from(points.saturating_mul(5))
        .unwrap_or(u32::MAX)
        .clamp(15, 60);
    let item = AgendaItem {
        id: item_id.clone(),
        title: Bilingual::new(REVIEW_TITLE.0, REVIEW_TITLE.1),
        kind: AgendaItemKind::Discussion,
        duration_minutes: minutes,
        fixed_start: None,
        speakers: Vec::new(),
        notes,
    };
    let at = meeting
        .agenda
        .iter()
        .take_while(|i| i.kind == AgendaItemKind::OpeningRemarks)
        .count();
    meeting.agenda.insert(at, item);
    item_id
}

/// `c` with its status set to `status` and the change logged in its progress on `date`
/// (at `meeting`, if any), entries kept oldest first. Changing the status again on the
/// same day at the same meeting updates that entry instead of adding another, unless a
/// note was written to it.
pub fn with_status_change(
    c: &Commitment,
    status: CommitmentStatus,
    date: NaiveDate,
    meeting: Option<MeetingId>,
) -> Commitment {
    let mut c = c.clone();
    c.status = status;
    if let Some(last) = c.progress.last_mut()
        && last.date == date
        && last.meeting == meeting
        && last.status.is_some()
        && last.note.is_empty()
    {
        last.status = Some(status);
        return c;
    }
    let entry = ProgressEntry {
        date,
        note: Bilingual::default(),
        status: Some(status),
        meeting,
    };
    let at = c.progress.partition_point(|e| e.date <= date);
    c.progress.insert(at, entry);
    c
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PersonId;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn due_today_is_due_soon_and_yesterday_is_overdue() {
        let today = d(2025, 3, 10);
        assert_eq!(
            classify(Some(today), today, 30),
            DueState::DueSoon { days: 0 }
        );
        assert_eq!(
            classify(Some(d(2025, 3, 9)), today, 30),
            DueState::Overdue { days: 1 }
        );
        assert_eq!(classify(None, today, 30), DueState::NoDate);
        // A window of 0 days holds only today.
        assert_eq!(classify(Some(d(2025, 3, 11)), today, 0), DueState::Later);
    }

    #[test]
    fn windows_across_month_ends() {
        // 31 January + 30 days: 2 March in a common year…
        let today = d(2025, 1, 31);
        assert_eq!(window_end(today, 30), Some(d(2025, 3, 2)));
        assert_eq!(
            classify(Some(d(2025, 3, 2)), today, 30),
            DueState::DueSoon { days: 30 }
        );
        assert_eq!(classify(Some(d(2025, 3, 3)), today, 30), DueState::Later);
        // …and 1 March in a leap year, where February has 29 days.
        let today = d(2024, 1, 31);
        assert_eq!(window_end(today, 30), Some(d(2024, 3, 1)));
        assert_eq!(
            classify(Some(d(2024, 3, 1)), today, 30),
            DueState::DueSoon { days: 30 }
        );
        assert_eq!(classify(Some(d(2024, 3, 2)), today, 30), DueState::Later);
        // 90 days from 30 November crosses the year end.
        assert_eq!(window_end(d(2024, 11, 30), 90), Some(d(2025, 2, 28)));
        // The last day of a 31-day month to the first of the next: 1 day.
        assert_eq!(
            classify(Some(d(2024, 8, 1)), d(2024, 7, 31), 30),
            DueState::DueSoon { days: 1 }
        );
        assert_eq!(
            classify(Some(d(2024, 6, 30)), d(2024, 7, 1), 30),
            DueState::Overdue { days: 1 }
        );
    }

    #[test]
    fn leap_days() {
        // Due on 29 February 2024: overdue on 1 March by one day, due soon on 28 February.
        let leap = d(2024, 2, 29);
        assert_eq!(
            classify(Some(leap), d(2024, 3, 1), 30),
            DueState::Overdue { days: 1 }
        );
        assert_eq!(
            classify(Some(leap), d(2024, 2, 28), 30),
            DueState::DueSoon { days: 1 }
        );
        // 28 Feb → 1 Mar is 2 days in a leap year, 1 in a common one.
        assert_eq!(
            classify(Some(d(2024, 3, 1)), d(2024, 2, 28), 30),
            DueState::DueSoon { days: 2 }
        );
        assert_eq!(
            classify(Some(d(2023, 3, 1)), d(2023, 2, 28), 30),
            DueState::DueSoon { days: 1 }
        );
        // A year from a leap day, counted in days: 366 days to 1 March 2025.
        assert_eq!(
            classify(Some(d(2025, 3, 1)), leap, 366),
            DueState::DueSoon { days: 366 }
        );
        assert_eq!(classify(Some(d(2025, 3, 2)), leap, 366), DueState::Later);
        // Overdue by a whole leap year.
        assert_eq!(
            classify(Some(d(2024, 1, 1)), d(2025, 1, 1), 30),
            DueState::Overdue { days: 366 }
        );
    }

    #[test]
    fn a_window_past_the_end_of_the_calendar_has_no_end() {
        let today = NaiveDate::MAX.pred_opt().unwrap();
        assert_eq!(window_end(today, 30), None);
        assert_eq!(
            classify(Some(NaiveDate::MAX), today, 30),
            DueState::DueSoon { days: 1 }
        );
        assert_eq!(
            classify(Some(NaiveDate::MIN), NaiveDate::MAX, 30),
            DueState::Overdue {
                days: (NaiveDate::MAX - NaiveDate::MIN).num_days().unsigned_abs()
            }
        );
    }

    #[test]
    fn closed_commitments_are_never_overdue() {
        let mut c = Commitment {
            due: Some(d(2024, 1, 1)),
            ..Default::default()
        };
        assert_eq!(
            due_state(&c, d(2025, 1, 1), 30),
            DueState::Overdue { days: 366 }
        );
        for status in [CommitmentStatus::Done, CommitmentStatus::Dropped] {
            c.status = status;
            assert_eq!(due_state(&c, d(2025, 1, 1), 30), DueState::Closed);
        }
    }

    fn sample() -> Project {
        crate::samples::ccaa_afnor().unwrap()
    }

    #[test]
    fn the_sample_in_tree_order() {
        let project = sample();
        let rows = tree_order(&project);
        assert_eq!(rows.len(), project.commitments.len());
        let roots: Vec<_> = rows
            .iter()
            .filter(|(_, depth)| *depth == 0)
            .map(|(id, _)| id.as_str())
            .collect();
        assert_eq!(
            roots,
            ["innovation", "mutual-recognition", "sharing-expertise"]
        );
        let mr = rows
            .iter()
            .position(|(id, _)| id.as_str() == "mutual-recognition")
            .unwrap();
        assert_eq!(rows[mr + 1], ("mutual-recognition-iso-22000".into(), 1));
    }

    #[test]
    fn a_loop_of_parents_lists_each_commitment_once() {
        let mut project = Project::default();
        for (id, parent) in [("a", "b"), ("b", "a"), ("c", "a")] {
            project.commitments.insert(
                id.into(),
                Commitment {
                    parent: Some(parent.into()),
                    ..Default::default()
                },
            );
        }
        let rows = tree_order(&project);
        assert_eq!(rows.len(), 3);
        let kept = kept_in_tree_order(&project, |_, _| true);
        assert_eq!(kept.len(), 3);
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
    fn follow_up_list_is_sorted_by_due_date() {
        let project = sample();
        // On 1 October 2025 the September points are a day late, the June one 93 days
        // (30 + 31 + 31 + 1); 31 December is 91 days ahead, just outside a 90-day window.
        let list = needing_attention(&project, d(2025, 10, 1), 90);
        let got: Vec<_> = list.iter().map(|(id, s)| (id.as_str(), *s)).collect();
        assert_eq!(
            got,
            [
                ("innovation-training", DueState::Overdue { days: 93 }),
                ("innovation", DueState::Overdue { days: 1 }),
                ("innovation-esg", DueState::Overdue { days: 1 }),
                ("innovation-iso-42001", DueState::Overdue { days: 1 }),
                ("sharing-expertise", DueState::Overdue { days: 1 }),
            ]
        );
        // With a window reaching 31 December, the year-end points join, after the others.
        let list = needing_attention(&project, d(2025, 10, 1), 91);
        assert_eq!(list.len(), 9);
        assert_eq!(
            list[5],
            (
                CommitmentId::from("mutual-recognition"),
                DueState::DueSoon { days: 91 }
            )
        );
        assert_eq!(
            list.last().unwrap().0.as_str(),
            "mutual-recognition-iso-50001"
        );
    }

    fn next_meeting(project: &Project) -> (MeetingId, Meeting) {
        let paris = &project.meetings[&MeetingId::from("paris-2024")];
        (
            "beijing-2025".into(),
            paris.next_in_series(d(2025, 9, 22), true),
        )
    }

    #[test]
    fn open_commitments_of_the_next_meeting_of_a_series() {
        let mut project = sample();
        let (id, next) = next_meeting(&project);
        // The first meeting has no earlier one to review.
        let paris = project.meetings[&MeetingId::from("paris-2024")].clone();
        assert!(open_commitments_of_series(&project, &"paris-2024".into(), &paris).is_empty());
        assert!(!has_earlier_in_series(
            &project,
            &"paris-2024".into(),
            &paris
        ));
        assert!(has_earlier_in_series(&project, &id, &next));
        let rows = open_commitments_of_series(&project, &id, &next);
        assert_eq!(rows.len(), 9);
        // A done point leaves the review; its open sub-points stay, moved up a level.
        project
            .commitments
            .get_mut(&CommitmentId::from("innovation"))
            .unwrap()
            .status = CommitmentStatus::Done;
        let rows = open_commitments_of_series(&project, &id, &next);
        assert_eq!(rows.len(), 8);
        assert!(
            rows.iter()
                .any(|(c, depth)| c.as_str() == "innovation-esg" && *depth == 0)
        );
        // A meeting of another series reviews nothing of this one.
        let mut other = next.clone();
        other.series = Some(crate::model::Series {
            name: Bilingual::new("Another series", "另一系列"),
            edition: 2,
        });
        assert!(open_commitments_of_series(&project, &id, &other).is_empty());
    }

    #[test]
    fn the_review_item_lists_the_open_points_and_is_refreshed_not_duplicated() {
        let mut project = sample();
        let (id, mut next) = next_meeting(&project);
        next.agenda.push(AgendaItem {
            id: "welcome".into(),
            kind: AgendaItemKind::OpeningRemarks,
            duration_minutes: 10,
            ..Default::default()
        });
        next.agenda.push(AgendaItem {
            id: "talk".into(),
            duration_minutes: 20,
            ..Default::default()
        });
        let item_id = add_review_item(&project, &id, &mut next);
        assert_eq!(next.agenda.len(), 3);
        let item = &next.agenda[1];
        assert_eq!(item.id, item_id);
        assert_eq!(item.title.en, "Review of commitments");
        assert_eq!(item.kind, AgendaItemKind::Discussion);
        assert_eq!(item.duration_minutes, 15, "3 points × 5 min");
        let lines: Vec<_> = item.notes.lines().collect();
        assert_eq!(lines.len(), 10, "{}", item.notes);
        assert_eq!(lines[0], "Open commitments / 未完成的合作事项: 9");
        assert_eq!(
            lines[5],
            "2 Mutual recognition of auditor registration and competence / 审核员注册及能力认定互认 — Blocked / 受阻 — due / 截止 2025-12-31"
        );
        assert!(lines[6].starts_with("  2.1 ISO 22000"), "{}", lines[6]);

        project
            .commitments
            .get_mut(&CommitmentId::from("sharing-expertise"))
            .unwrap()
            .status = CommitmentStatus::Done;
        add_review_item(&project, &id, &mut next);
        assert_eq!(next.agenda.len(), 3, "refreshed, not added twice");
        assert_eq!(next.agenda[1].notes.lines().count(), 9);
    }

    #[test]
    fn a_status_change_at_a_meeting_is_logged_with_it() {
        let project = sample();
        let c = &project.commitments[&CommitmentId::from("mutual-recognition")];
        let day = d(2025, 9, 22);
        let meeting = Some(MeetingId::from("beijing-2025"));
        let changed = with_status_change(c, CommitmentStatus::InProgress, day, meeting.clone());
        assert_eq!(changed.status, CommitmentStatus::InProgress);
        assert_eq!(changed.progress.len(), 2);
        let entry = changed.progress.last().unwrap();
        assert_eq!(
            (entry.date, entry.status, &entry.meeting),
            (day, Some(CommitmentStatus::InProgress), &meeting)
        );
        // Changed again at the same meeting: the same entry, not a second one.
        let again = with_status_change(&changed, CommitmentStatus::Done, day, meeting.clone());
        assert_eq!(again.progress.len(), 2);
        assert_eq!(again.progress[1].status, Some(CommitmentStatus::Done));
        // An older date goes in date order.
        let early = with_status_change(c, CommitmentStatus::Agreed, d(2024, 1, 1), None);
        assert_eq!(early.progress[0].date, d(2024, 1, 1));
        assert_eq!(last_update(&early), Some(d(2024, 9, 23)));
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
