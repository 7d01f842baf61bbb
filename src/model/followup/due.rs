//! Where commitments stand against their due dates on a given day, and their status log.

use std::collections::BTreeSet;

use chrono::{Days, NaiveDate};

use crate::model::{
    Bilingual, Choice as _, Commitment, CommitmentId, CommitmentStatus, MeetingId, ProgressEntry,
    Project,
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

/// `c` with its status set to `status` and the change logged in its progress on `date`
/// (at `meeting`, if any), entries kept oldest first. Changing the status again on the
/// same day at the same meeting updates that entry instead of adding another, unless a
/// note was written to it; changing it back to what it was before that entry removes the
/// entry, so trying a status and going back leaves no trace.
pub fn with_status_change(
    c: &Commitment,
    status: CommitmentStatus,
    date: NaiveDate,
    meeting: Option<MeetingId>,
) -> Commitment {
    let mut c = c.clone();
    c.status = status;
    // The entry of this day and meeting that only records a status, wherever it stands
    // (a later-dated entry may follow it).
    let same_day = c.progress.iter().rposition(|e| {
        e.date == date && e.meeting == meeting && e.status.is_some() && e.note.is_empty()
    });
    if let Some(at) = same_day {
        let before = c
            .progress
            .get(..at)
            .unwrap_or_default()
            .iter()
            .rev()
            .find_map(|e| e.status);
        if before == Some(status) {
            c.progress.remove(at);
        } else if let Some(entry) = c.progress.get_mut(at) {
            entry.status = Some(status);
        }
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

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn sample() -> Project {
        crate::samples::ccaa_afnor().unwrap()
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
        // Tried and taken back the same day: no entry left, and no duplicate of the
        // status already logged.
        let tried = with_status_change(c, CommitmentStatus::InProgress, day, None);
        let back = with_status_change(&tried, c.status, day, None);
        assert_eq!((back.status, &back.progress), (c.status, &c.progress));
    }
}
