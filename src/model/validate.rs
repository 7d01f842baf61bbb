//! Checks that every reference in a project points somewhere, that dates and durations
//! are possible, and that names, titles and ids are text a person can read
//! (`text_checks.rs`).
//!
//! A dangling reference is not a reason to refuse a file (it is reported and shown),
//! only a reason to tell the user.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike as _, NaiveDate};

use super::text_checks::{MAX_FIELD_CHARS, TextField};
use super::{
    CommitmentId, ItemId, MAX_ITEM_MINUTES, MeetingId, OrganisationId, Owner, PersonId,
    Precondition, Project, SideId, YEARS,
};

/// One thing wrong with a project: where, and what.
///
/// `Display` gives the command line's English (`meeting paris-2024: host organisation
/// `nobody` does not exist`); the UI describes it in its language with names instead of ids
/// (`crate::i18n::describe_problem`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Where: the entity holding the broken reference or duplicate.
    pub location: ProblemLocation,
    /// What is wrong.
    pub kind: ProblemKind,
}

/// The entity a [`Problem`] is found in.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum ProblemLocation {
    /// A person of the registry.
    Person(PersonId),
    /// A meeting.
    Meeting(MeetingId),
    /// One side of a meeting.
    Side {
        /// The meeting.
        meeting: MeetingId,
        /// The side.
        side: SideId,
    },
    /// One day of a meeting's programme.
    Day {
        /// The meeting.
        meeting: MeetingId,
        /// Its place in the programme, from 1.
        number: usize,
        /// Its date.
        date: NaiveDate,
    },
    /// An item of a meeting's agenda.
    AgendaItem {
        /// The meeting.
        meeting: MeetingId,
        /// The item.
        item: ItemId,
    },
    /// A commitment.
    Commitment(CommitmentId),
    /// An entry of a commitment's progress log.
    Progress {
        /// The commitment.
        commitment: CommitmentId,
        /// The date of the entry.
        date: NaiveDate,
    },
    /// An organisation.
    Organisation(OrganisationId),
    /// The project itself (its title).
    Project,
}

/// What is wrong; the ids are those that point nowhere or are used twice.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum ProblemKind {
    /// A person's or a side's organisation does not exist.
    MissingOrganisation(OrganisationId),
    /// A meeting's host organisation does not exist.
    MissingHost(OrganisationId),
    /// Two sides of a meeting have the same id.
    DuplicateSide(SideId),
    /// An attendee is not in the registry.
    MissingAttendee(PersonId),
    /// A person is listed twice as an attendee of one meeting.
    DuplicateAttendee(PersonId),
    /// An attendee is placed on a side the meeting does not have.
    AttendeeOnMissingSide {
        /// The attendee.
        person: PersonId,
        /// The side that does not exist.
        side: SideId,
    },
    /// Two agenda items of a meeting have the same id.
    DuplicateItem(ItemId),
    /// A speaker of an agenda item is not in the registry.
    MissingSpeaker(PersonId),
    /// A commitment is its own parent.
    OwnParent,
    /// A commitment's parent does not exist.
    MissingParent(CommitmentId),
    /// The meeting a commitment (or one of its progress entries) refers to does not exist.
    MissingMeeting(MeetingId),
    /// An organisation bound by a commitment does not exist.
    MissingParty(OrganisationId),
    /// A person owning a commitment is not in the registry.
    MissingOwnerPerson(PersonId),
    /// An organisation owning a commitment does not exist.
    MissingOwnerOrganisation(OrganisationId),
    /// A commitment this one depends on does not exist.
    MissingPrecondition(CommitmentId),
    /// Following a commitment's parents runs into a loop.
    ParentLoop,
    /// A day's items run past midnight; `end` is when they end, local time.
    DayPastMidnight {
        /// When the day's items end.
        end: chrono::NaiveDateTime,
    },
    /// A day runs longer than 16 hours.
    DayTooLong {
        /// How long it runs, in minutes.
        minutes: i64,
    },
    /// An agenda item lasts longer than 24 hours.
    ItemTooLong {
        /// Its duration in minutes.
        minutes: u32,
    },
    /// A date outside [`YEARS`] (a year typed wrong, or a hostile file: such a date
    /// cannot be written to a calendar).
    DateOutOfRange(NaiveDate),
    /// A name, title or id holds a control character (ESC, BEL, NUL, a line break): it
    /// shows as nothing, or garbles a terminal. The first one found is named.
    ControlCharacter {
        /// The field.
        field: TextField,
        /// The first control character in it.
        character: char,
    },
    /// A name, title or id holds a text-direction override or isolate (U+202A–U+202E,
    /// U+2066–U+2069), which shows the text around it reversed or reordered.
    BidiControl {
        /// The field.
        field: TextField,
        /// The first one in it.
        character: char,
    },
    /// A name, title or id is longer than [`MAX_FIELD_CHARS`] characters.
    FieldTooLong {
        /// The field.
        field: TextField,
        /// How many characters it has.
        chars: usize,
    },
}

/// Whether `date` lies in the years a project may use ([`YEARS`]).
pub fn date_in_range(date: NaiveDate) -> bool {
    YEARS.contains(&date.year())
}

/// `U+001B`: a character as its code point, which shows even where the character does not.
pub fn code_point(c: char) -> String {
    format!("U+{:04X}", u32::from(c))
}

/// An id as a message quotes it: at most [`super::MAX_QUOTED_CHARS`] characters.
fn q(id: &impl std::borrow::Borrow<str>) -> std::borrow::Cow<'_, str> {
    super::clip_for_message(id.borrow())
}

impl std::fmt::Display for ProblemLocation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Person(id) => write!(f, "person {}", q(id)),
            Self::Meeting(id) => write!(f, "meeting {}", q(id)),
            Self::Side { meeting, side } => write!(f, "meeting {}, side {}", q(meeting), q(side)),
            Self::Day {
                meeting,
                number,
                date,
            } => write!(f, "meeting {}, day {number} ({date})", q(meeting)),
            Self::AgendaItem { meeting, item } => {
                write!(f, "meeting {}, agenda item {}", q(meeting), q(item))
            }
            Self::Commitment(id) => write!(f, "commitment {}", q(id)),
            Self::Progress { commitment, date } => {
                write!(f, "commitment {}, progress of {date}", q(commitment))
            }
            Self::Organisation(id) => write!(f, "organisation {}", q(id)),
            Self::Project => f.write_str("project"),
        }
    }
}

impl std::fmt::Display for ProblemKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::MissingOrganisation(org) => write!(f, "organisation `{}` does not exist", q(org)),
            Self::MissingHost(org) => write!(f, "host organisation `{}` does not exist", q(org)),
            Self::DuplicateSide(side) => write!(f, "side id `{}` is used twice", q(side)),
            Self::MissingAttendee(person) => write!(f, "attendee `{}` does not exist", q(person)),
            Self::DuplicateAttendee(person) => {
                write!(f, "`{}` is listed twice as an attendee", q(person))
            }
            Self::AttendeeOnMissingSide { person, side } => write!(
                f,
                "attendee `{}` is on side `{}`, which does not exist",
                q(person),
                q(side)
            ),
            Self::DuplicateItem(item) => write!(f, "agenda item id `{}` is used twice", q(item)),
            Self::MissingSpeaker(person) => write!(f, "speaker `{}` does not exist", q(person)),
            Self::OwnParent => f.write_str("is its own parent"),
            Self::MissingParent(parent) => {
                write!(f, "parent commitment `{}` does not exist", q(parent))
            }
            Self::MissingMeeting(meeting) => write!(f, "meeting `{}` does not exist", q(meeting)),
            Self::MissingParty(party) => write!(f, "party `{}` does not exist", q(party)),
            Self::MissingOwnerPerson(person) => write!(f, "owner `{}` does not exist", q(person)),
            Self::MissingOwnerOrganisation(org) => {
                write!(f, "owner organisation `{}` does not exist", q(org))
            }
            Self::MissingPrecondition(other) => {
                write!(f, "precondition `{}` does not exist", q(other))
            }
            Self::ParentLoop => f.write_str("its parents form a loop"),
            Self::DayPastMidnight { end } => write!(
                f,
                "runs past midnight: its items end on {} at {}",
                end.date(),
                end.format("%H:%M")
            ),
            Self::DayTooLong { minutes } => write!(
                f,
                "runs {} h {:02} min, longer than 16 hours",
                minutes / 60,
                minutes % 60
            ),
            Self::ItemTooLong { minutes } => {
                write!(
                    f,
                    "lasts {minutes} minutes, more than a day ({MAX_ITEM_MINUTES} minutes)"
                )
            }
            Self::DateOutOfRange(date) => write!(
                f,
                "the date {date} is not between the years {} and {}",
                YEARS.start(),
                YEARS.end()
            ),
            Self::ControlCharacter { field, character } => write!(
                f,
                "the {field} holds a control character ({}), which shows as nothing or garbles a terminal; retype the field without it",
                code_point(*character)
            ),
            Self::BidiControl { field, character } => write!(
                f,
                "the {field} holds a text-direction control ({}), which shows the text reversed or reordered; retype the field without it",
                code_point(*character)
            ),
            Self::FieldTooLong { field, chars } => write!(
                f,
                "the {field} has {} characters, more than the {} a name, title or id may have; shorten it",
                super::text_checks::grouped(*chars),
                super::text_checks::grouped(MAX_FIELD_CHARS)
            ),
        }
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.location, self.kind)
    }
}

impl Problem {
    /// The order problems are listed in: by the words of their location, then of their
    /// message, as the command line prints them.
    fn sort_key(&self) -> (String, String) {
        (self.location.to_string(), self.kind.to_string())
    }
}

impl PartialOrd for Problem {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Problem {
    /// By the text the command line prints; the fields only break ties between problems
    /// that read the same, so that the order agrees with `Eq`.
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.sort_key()
            .cmp(&other.sort_key())
            .then_with(|| (&self.location, &self.kind).cmp(&(&other.location, &other.kind)))
    }
}

/// Every dangling reference, duplicate id within a meeting and impossible value, sorted.
pub fn validate(project: &Project) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut push =
        |location: ProblemLocation, kind: ProblemKind| problems.push(Problem { location, kind });

    for (id, person) in &project.people {
        if let Some(org) = &person.organisation
            && !project.organisations.contains_key(org)
        {
            push(
                ProblemLocation::Person(id.clone()),
                ProblemKind::MissingOrganisation(org.clone()),
            );
        }
    }

    for (id, meeting) in &project.meetings {
        let here = || ProblemLocation::Meeting(id.clone());
        if let Some(host) = &meeting.host
            && !project.organisations.contains_key(host)
        {
            push(here(), ProblemKind::MissingHost(host.clone()));
        }
        let mut side_ids = BTreeSet::new();
        for side in &meeting.sides {
            if !side_ids.insert(&side.id) {
                push(here(), ProblemKind::DuplicateSide(side.id.clone()));
            }
            for org in &side.organisations {
                if !project.organisations.contains_key(org) {
                    push(
                        ProblemLocation::Side {
                            meeting: id.clone(),
                            side: side.id.clone(),
                        },
                        ProblemKind::MissingOrganisation(org.clone()),
                    );
                }
            }
        }
        let mut attendees = BTreeSet::new();
        for attendee in &meeting.attendees {
            if !project.people.contains_key(&attendee.person) {
                push(
                    here(),
                    ProblemKind::MissingAttendee(attendee.person.clone()),
                );
            }
            if !attendees.insert(&attendee.person) {
                push(
                    here(),
                    ProblemKind::DuplicateAttendee(attendee.person.clone()),
                );
            }
            if let Some(side) = &attendee.side
                && !side_ids.contains(side)
            {
                push(
                    here(),
                    ProblemKind::AttendeeOnMissingSide {
                        person: attendee.person.clone(),
                        side: side.clone(),
                    },
                );
            }
        }
        check_days(id, meeting, &mut push);
        let mut item_ids = BTreeSet::new();
        for item in meeting.items() {
            if !item_ids.insert(&item.id) {
                push(here(), ProblemKind::DuplicateItem(item.id.clone()));
            }
            for speaker in &item.speakers {
                if !project.people.contains_key(speaker) {
                    push(
                        ProblemLocation::AgendaItem {
                            meeting: id.clone(),
                            item: item.id.clone(),
                        },
                        ProblemKind::MissingSpeaker(speaker.clone()),
                    );
                }
            }
            if item.duration_minutes > MAX_ITEM_MINUTES {
                push(
                    ProblemLocation::AgendaItem {
                        meeting: id.clone(),
                        item: item.id.clone(),
                    },
                    ProblemKind::ItemTooLong {
                        minutes: item.duration_minutes,
                    },
                );
            }
        }
    }

    for (id, commitment) in &project.commitments {
        let here = || ProblemLocation::Commitment(id.clone());
        if let Some(parent) = &commitment.parent {
            if parent == id {
                push(here(), ProblemKind::OwnParent);
            } else if !project.commitments.contains_key(parent) {
                push(here(), ProblemKind::MissingParent(parent.clone()));
            }
        }
        if let Some(meeting) = &commitment.agreed_at
            && !project.meetings.contains_key(meeting)
        {
            push(here(), ProblemKind::MissingMeeting(meeting.clone()));
        }
        for party in &commitment.parties {
            if !project.organisations.contains_key(party) {
                push(here(), ProblemKind::MissingParty(party.clone()));
            }
        }
        for owner in &commitment.owners {
            let missing = match owner {
                Owner::Person(p) => (!project.people.contains_key(p))
                    .then(|| ProblemKind::MissingOwnerPerson(p.clone())),
                Owner::Organisation(o) => (!project.organisations.contains_key(o))
                    .then(|| ProblemKind::MissingOwnerOrganisation(o.clone())),
            };
            if let Some(kind) = missing {
                push(here(), kind);
            }
        }
        for pre in &commitment.preconditions {
            if let Precondition::Commitment(other) = pre
                && !project.commitments.contains_key(other)
            {
                push(here(), ProblemKind::MissingPrecondition(other.clone()));
            }
        }
        if let Some(due) = commitment.due
            && !date_in_range(due)
        {
            push(here(), ProblemKind::DateOutOfRange(due));
        }
        for entry in &commitment.progress {
            if !date_in_range(entry.date) {
                push(
                    ProblemLocation::Progress {
                        commitment: id.clone(),
                        date: entry.date,
                    },
                    ProblemKind::DateOutOfRange(entry.date),
                );
            }
            if let Some(meeting) = &entry.meeting
                && !project.meetings.contains_key(meeting)
            {
                push(
                    ProblemLocation::Progress {
                        commitment: id.clone(),
                        date: entry.date,
                    },
                    ProblemKind::MissingMeeting(meeting.clone()),
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
                ProblemLocation::Commitment(id.clone()),
                ProblemKind::ParentLoop,
            );
        }
    }

    super::text_checks::check_texts(project, &mut push);

    // Sorted by the text printed, as always: each key is made once, not per comparison.
    problems.sort_by_cached_key(|p| (p.sort_key(), p.location.clone(), p.kind.clone()));
    problems.dedup();
    problems
}

/// The days of a meeting: a date outside 1900–2200, items past midnight, a day longer than
/// 16 hours (what a mistyped time or duration makes, and what a calendar would show as a
/// 25-hour event without a word).
fn check_days(
    id: &MeetingId,
    meeting: &super::Meeting,
    push: &mut impl FnMut(ProblemLocation, ProblemKind),
) {
    for (i, day) in meeting.days.iter().enumerate() {
        let here = || ProblemLocation::Day {
            meeting: id.clone(),
            number: i + 1,
            date: day.date,
        };
        if !date_in_range(day.date) {
            push(here(), ProblemKind::DateOutOfRange(day.date));
            // Times of a day in year 262,000 say nothing more.
            continue;
        }
        let summary = day.summary(meeting.time_zone);
        if summary.past_midnight {
            push(
                here(),
                ProblemKind::DayPastMidnight {
                    end: summary.end.naive_local(),
                },
            );
        }
        if summary.too_long {
            push(
                here(),
                ProblemKind::DayTooLong {
                    minutes: summary.length_minutes,
                },
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problems_read_as_before_and_sort_by_their_text() {
        let mut project = crate::samples::ccaa_afnor().unwrap();
        let paris = MeetingId::from("paris-2024");
        let meeting = project.meetings.get_mut(&paris).unwrap();
        meeting.host = Some("nobody".into());
        let item = meeting.items().next().unwrap().id.clone();
        meeting
            .items_mut()
            .next()
            .unwrap()
            .speakers
            .push("ghost".into());
        let problems = validate(&project);
        let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(
            text,
            [
                "meeting paris-2024: host organisation `nobody` does not exist".to_owned(),
                "meeting paris-2024, agenda item ".to_owned()
                    + item.as_str()
                    + ": speaker `ghost` does not exist",
            ]
        );
        assert!(problems.windows(2).all(|w| w[0] <= w[1]));
        assert_eq!(
            problems[0].kind,
            ProblemKind::MissingHost(OrganisationId::from("nobody"))
        );
    }

    #[test]
    fn days_past_midnight_too_long_or_out_of_range_are_reported() {
        use chrono::NaiveTime;
        let mut project = crate::samples::ccaa_afnor().unwrap();
        let paris = MeetingId::from("paris-2024");
        let meeting = project.meetings.get_mut(&paris).unwrap();
        // The example: a Chinese time misread as 02:00 pushed the rest past
        // midnight, and `check` called the file valid. Now a day ending after midnight, a
        // day of more than 16 hours and an item of more than 24 hours are reported.
        meeting.days[0].start = NaiveTime::from_hms_opt(22, 0, 0).unwrap();
        meeting.days[0].items[1].duration_minutes = 25 * 60;
        let mut later = meeting.days[0].clone();
        later.items.clear();
        later.date = NaiveDate::from_ymd_opt(2250, 1, 1).unwrap();
        meeting.days.push(later);
        let text: Vec<String> = validate(&project).iter().map(ToString::to_string).collect();
        let item = project.meetings[&paris].days[0].items[1].id.clone();
        assert_eq!(
            text,
            [
                "meeting paris-2024, agenda item ".to_owned()
                    + item.as_str()
                    + ": lasts 1500 minutes, more than a day (1440 minutes)",
                "meeting paris-2024, day 1 (2024-09-23): runs 26 h 30 min, longer than 16 hours"
                    .to_owned(),
                "meeting paris-2024, day 1 (2024-09-23): runs past midnight: its items end on 2024-09-25 at 00:30"
                    .to_owned(),
                "meeting paris-2024, day 2 (2250-01-01): the date 2250-01-01 is not between the years 1900 and 2200"
                    .to_owned(),
            ]
        );
    }
}
