//! Format V1 as released: a meeting had one date, one start and one agenda. Kept as it was
//! so that V1 files load forever (`tests/formats/v1.ron`); [`migrate`] brings them to the
//! current model, the meeting's one date becoming its one day.

use chrono::{NaiveDate, NaiveTime};
use serde::Deserialize;

use crate::model::{
    AgendaItemKind, Attendee, Bilingual, Commitment, CommitmentId, Day, EntityMap, ItemId,
    MeetingId, MeetingKind, Organisation, OrganisationId, Person, PersonId, ProjectInfo, Series,
    Side, unique_keys,
};

/// A V1 project: the same entities as now, meetings in their V1 shape.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename = "Project")]
pub(crate) struct Project {
    #[serde(default)]
    info: ProjectInfo,
    #[serde(default, deserialize_with = "unique_keys")]
    organisations: EntityMap<OrganisationId, Organisation>,
    #[serde(default, deserialize_with = "unique_keys")]
    people: EntityMap<PersonId, Person>,
    #[serde(default, deserialize_with = "unique_keys")]
    meetings: EntityMap<MeetingId, Meeting>,
    #[serde(default, deserialize_with = "unique_keys")]
    commitments: EntityMap<CommitmentId, Commitment>,
}

/// A V1 meeting: one date, one start, one agenda.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Meeting {
    #[serde(default)]
    title: Bilingual,
    #[serde(default)]
    kind: MeetingKind,
    date: NaiveDate,
    start_time: NaiveTime,
    #[serde(default)]
    planned_end: Option<NaiveTime>,
    time_zone: chrono_tz::Tz,
    #[serde(default)]
    counterpart_time_zone: Option<chrono_tz::Tz>,
    #[serde(default)]
    venue: Bilingual,
    #[serde(default)]
    host: Option<OrganisationId>,
    #[serde(default)]
    series: Option<Series>,
    #[serde(default)]
    sides: Vec<Side>,
    #[serde(default)]
    attendees: Vec<Attendee>,
    #[serde(default)]
    agenda: Vec<AgendaItem>,
    #[serde(default)]
    minutes: String,
    #[serde(default)]
    expected_participants: Option<u32>,
}

/// A V1 agenda item: no guest speakers yet.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct AgendaItem {
    id: ItemId,
    #[serde(default)]
    title: Bilingual,
    #[serde(default)]
    kind: AgendaItemKind,
    #[serde(default)]
    duration_minutes: u32,
    #[serde(default)]
    fixed_start: Option<NaiveTime>,
    #[serde(default)]
    speakers: Vec<PersonId>,
    #[serde(default)]
    notes: String,
}

/// A V1 project in the current model: each meeting's date, start, planned end and agenda
/// become its one day, with no title and the meeting's venue.
pub(crate) fn migrate(v1: Project) -> crate::model::Project {
    crate::model::Project {
        info: v1.info,
        organisations: v1.organisations,
        people: v1.people,
        meetings: v1
            .meetings
            .into_iter()
            .map(|(id, m)| (id, meeting(m)))
            .collect(),
        commitments: v1.commitments,
        ..Default::default()
    }
}

fn meeting(m: Meeting) -> crate::model::Meeting {
    let mut day = Day::new(m.date, m.start_time);
    day.planned_end = m.planned_end;
    day.items = m
        .agenda
        .into_iter()
        .map(|i| crate::model::AgendaItem {
            id: i.id,
            title: i.title,
            kind: i.kind,
            duration_minutes: i.duration_minutes,
            fixed_start: i.fixed_start,
            speakers: i.speakers,
            guest_speakers: Vec::new(),
            chairs: Vec::new(),
            guest_chairs: Vec::new(),
            notes: i.notes,
            notes_audience: crate::model::NoteAudience::Internal,
            outcome: crate::model::Outcome::default(),
        })
        .collect();
    crate::model::Meeting {
        title: m.title,
        kind: m.kind,
        time_zone: m.time_zone,
        counterpart_time_zone: m.counterpart_time_zone,
        venue: m.venue,
        host: m.host,
        series: m.series,
        sides: m.sides,
        attendees: m.attendees,
        days: vec![day],
        minutes: m.minutes,
        minutes_zh: String::new(),
        minutes_stage: crate::model::MinutesStage::default(),
        minutes_version: None,
        expected_participants: m.expected_participants,
        letter: crate::model::LetterDetails::default(),
        seating: crate::model::seating::SeatingPlan::default(),
        exported: false,
    }
}
