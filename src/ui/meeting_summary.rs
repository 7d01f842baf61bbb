//! What the meeting editor derives from a meeting and the project, computed once per
//! change of the project instead of every frame: the schedule, who attends, the rows of
//! the attendance list in protocol order, counts, and the commitments of the series.

use std::collections::HashSet;

use crate::model::{
    AttendanceStatus, Choice as _, CommitmentId, DaySummary, Meeting, MeetingId, PersonId, Reason,
    SideId, followup,
};

/// One row of the agenda editor: a day's heading, or one of its items.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AgendaRow {
    /// The heading of day `0`-based index.
    Day(usize),
    /// Item `item` of day `day`.
    Item {
        /// The day.
        day: usize,
        /// Its place in the day.
        item: usize,
    },
}

/// The zones of the countries of the meeting's host and of its sides' organisations,
/// with its own zones first: what the time-zone picker lists before the others.
pub fn likely_zones(project: &crate::model::Project, meeting: &Meeting) -> Vec<chrono_tz::Tz> {
    let mut zones = vec![meeting.time_zone];
    zones.extend(meeting.counterpart_time_zone);
    let orgs = meeting
        .host
        .iter()
        .chain(meeting.sides.iter().flat_map(|s| s.organisations.iter()));
    for org in orgs {
        if let Some(o) = project.organisations.get(org) {
            zones.extend(crate::model::zones::zones_of_country(&o.country));
        }
    }
    let mut seen = std::collections::HashSet::new();
    zones.retain(|z| seen.insert(*z));
    zones
}

/// The agenda editor's rows: every day's heading followed by its items.
pub fn agenda_rows(meeting: &Meeting) -> Vec<AgendaRow> {
    let mut rows = Vec::with_capacity(meeting.item_count() + meeting.days.len());
    for (d, day) in meeting.days.iter().enumerate() {
        rows.push(AgendaRow::Day(d));
        rows.extend((0..day.items.len()).map(|item| AgendaRow::Item { day: d, item }));
    }
    rows
}

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
        /// Why they are at that place (role, rank, or moved by hand).
        reason: Reason,
    },
}

/// How many people of the sides' organisations the attendee picker lists first.
const SIDE_PEOPLE_MAX: usize = 200;

/// The derived data of one meeting at one revision.
#[derive(Clone, Debug, Default)]
pub struct MeetingSummary {
    /// The revision and meeting it was computed for.
    pub key: Option<(u64, MeetingId)>,
    /// Each day's items' times, total, end and warnings.
    pub days: Vec<DaySummary>,
    /// The rows of the agenda editor: each day's heading, then its items.
    pub agenda_rows: Vec<AgendaRow>,
    /// Total length of the agenda in minutes, all days together.
    pub agenda_minutes: u64,
    /// The zones the time-zone pickers list first.
    pub likely_zones: Vec<chrono_tz::Tz>,
    /// Everyone on the attendance list.
    pub attending: HashSet<PersonId>,
    /// The attendees in precedence order, side after side: whom the person pickers of the
    /// meeting (speakers) list first.
    pub in_order: Vec<PersonId>,
    /// People of the sides' organisations not attending yet (the first 200): whom the
    /// attendee picker lists first.
    pub side_people: Vec<PersonId>,
    /// How many attendees of each side were moved by hand (for its Reset order).
    pub moved_by_hand: Vec<(Option<SideId>, usize)>,
    /// The attendance list: sides in order, each followed by its people in protocol order.
    pub attendance: Vec<AttendanceRow>,
    /// Attendees per side (`None`: without a side), for sides that have any.
    pub side_counts: Vec<(Option<SideId>, usize)>,
    /// Attendees per status, in the order of `AttendanceStatus::ALL`.
    pub by_status: Vec<(AttendanceStatus, usize)>,
    /// Organisations of attendees without a side, with how many: found once per revision
    /// (every attendee is looked up), not on every frame.
    pub without_side: Vec<(Option<crate::model::OrganisationId>, usize)>,
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
        let mut in_order = Vec::with_capacity(meeting.attendees.len());
        let mut moved_by_hand = Vec::new();
        for side in sides {
            let order = meeting.precedence_placed(&project.people, side.as_ref());
            if order.is_empty() {
                continue;
            }
            let of = order.len();
            side_counts.push((side.clone(), of));
            in_order.extend(order.iter().map(|p| p.attendee.person.clone()));
            let moved = order.iter().filter(|p| p.reason == Reason::Hand).count();
            if moved > 0 {
                moved_by_hand.push((side.clone(), moved));
            }
            attendance.push(AttendanceRow::Side(side, of));
            attendance.extend(order.into_iter().enumerate().map(|(position, placed)| {
                AttendanceRow::Attendee {
                    index: placed.index,
                    position,
                    of,
                    reason: placed.reason,
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
        let attending: HashSet<PersonId> =
            meeting.attendees.iter().map(|a| a.person.clone()).collect();
        let side_orgs: HashSet<&crate::model::OrganisationId> = meeting
            .sides
            .iter()
            .flat_map(|s| s.organisations.iter())
            .collect();
        let side_people = if side_orgs.is_empty() {
            Vec::new()
        } else {
            let mut found: Vec<(&PersonId, &crate::model::Person)> = project
                .people
                .iter()
                .filter(|(id, p)| {
                    !attending.contains(*id)
                        && p.organisation
                            .as_ref()
                            .is_some_and(|o| side_orgs.contains(o))
                })
                .take(SIDE_PEOPLE_MAX)
                .collect();
            // By family name, as the list of everyone below them.
            found.sort_by_cached_key(|(id, p)| (p.sort_key(), (*id).clone()));
            found.into_iter().map(|(id, _)| id.clone()).collect()
        };
        let series_open = if meeting.series.is_some() {
            followup::open_commitments_of_series(project, id, meeting)
        } else {
            Vec::new()
        };
        Self {
            key: Some((revision, id.clone())),
            agenda_minutes: meeting.agenda_minutes(),
            without_side: meeting.organisations_without_side(&project.people),
            days: meeting.day_summaries(),
            agenda_rows: agenda_rows(meeting),
            likely_zones: likely_zones(project, meeting),
            attending,
            in_order,
            side_people,
            moved_by_hand,
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
