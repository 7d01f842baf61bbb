//! What the meeting editor derives from a meeting and the project, computed once per
//! change of the project instead of every frame: the schedule, who attends, the rows of
//! the attendance list in protocol order, counts, and the commitments of the series.

use std::collections::HashSet;

use crate::model::{
    AttendanceStatus, Choice as _, CommitmentId, Meeting, MeetingId, PersonId, SideId, Slot,
    followup,
};

/// One row of the attendance list: a side's heading, or an attendee.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AttendanceRow {
    /// The heading of a side (`None`: attendees without a side), with its size.
    Side(Option<SideId>, usize),
    /// The attendee at this index of `Meeting::attendees`, at `position` (from 0) of a
    /// side of `of` people.
    Attendee {
        /// Index into the meeting's attendees.
        index: usize,
        /// Place in the side's protocol order, from 0.
        position: usize,
        /// How many people the side has.
        of: usize,
    },
}

/// The derived data of one meeting at one revision.
#[derive(Clone, Debug, Default)]
pub struct MeetingSummary {
    /// The revision and meeting it was computed for.
    pub key: Option<(u64, MeetingId)>,
    /// Start and end of every agenda item.
    pub schedule: Vec<Slot>,
    /// Total length of the agenda in minutes.
    pub agenda_minutes: u32,
    /// When the agenda ends.
    pub agenda_end: Option<chrono::DateTime<chrono_tz::Tz>>,
    /// True when the agenda runs past the planned end.
    pub runs_past_end: bool,
    /// Everyone on the attendance list.
    pub attending: HashSet<PersonId>,
    /// The attendance list: sides in order, each followed by its people in protocol order.
    pub attendance: Vec<AttendanceRow>,
    /// Attendees per side (`None`: without a side), for sides that have any.
    pub side_counts: Vec<(Option<SideId>, usize)>,
    /// Attendees per status, in the order of `AttendanceStatus::ALL`.
    pub by_status: Vec<(AttendanceStatus, usize)>,
    /// Open commitments of earlier meetings of the series, as a tree with depths.
    pub series_open: Vec<(CommitmentId, usize)>,
    /// Their outline numbers (`2.3`).
    pub series_numbers: Vec<String>,
    /// How many of them.
    pub open_in_series: usize,
    /// Commitments agreed at this meeting.
    pub agreed_here: usize,
}

impl MeetingSummary {
    /// Computes everything for `meeting` (`id`) in `project` at `revision`.
    pub fn compute(
        project: &crate::model::Project,
        revision: u64,
        id: &MeetingId,
        meeting: &Meeting,
    ) -> Self {
        let sides: Vec<Option<SideId>> = meeting
            .sides
            .iter()
            .map(|s| Some(s.id.clone()))
            .chain(std::iter::once(None))
            .collect();
        let mut attendance = Vec::with_capacity(meeting.attendees.len() + sides.len());
        let mut side_counts = Vec::new();
        for side in sides {
            let order = meeting.side_order(side.as_ref());
            if order.is_empty() {
                continue;
            }
            let of = order.len();
            side_counts.push((side.clone(), of));
            attendance.push(AttendanceRow::Side(side, of));
            attendance.extend(order.into_iter().enumerate().map(|(position, index)| {
                AttendanceRow::Attendee {
                    index,
                    position,
                    of,
                }
            }));
        }
        let by_status = AttendanceStatus::ALL
            .iter()
            .map(|s| {
                (
                    *s,
                    meeting.attendees.iter().filter(|a| a.status == *s).count(),
                )
            })
            .collect();
        let series_open = if meeting.series.is_some() {
            followup::open_commitments_of_series(project, id, meeting)
        } else {
            Vec::new()
        };
        Self {
            key: Some((revision, id.clone())),
            agenda_minutes: meeting.agenda_minutes(),
            agenda_end: Some(meeting.agenda_end()),
            runs_past_end: meeting.runs_past_end(),
            schedule: meeting.schedule(),
            attending: meeting.attendees.iter().map(|a| a.person.clone()).collect(),
            attendance,
            side_counts,
            by_status,
            open_in_series: series_open.len(),
            series_numbers: super::meeting_commitments_ui::numbers(&series_open),
            series_open,
            agreed_here: project
                .commitments
                .values()
                .filter(|c| c.agreed_at.as_ref() == Some(id))
                .count(),
        }
    }
}
