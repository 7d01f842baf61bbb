//! What a paste does to a meeting: which days get which items, what dates, titles and
//! starts the days take from the text, and the notes the preview shows about it (a start
//! that moves, a day running past its planned end or midnight, a time that was not used).

use std::collections::HashSet;

use chrono::{Datelike as _, NaiveDate, NaiveTime};

use super::{AgendaPreview, DEFAULT_MINUTES, ParsedDay};
use crate::document::Edit;
use crate::model::{AgendaItem, Day, ItemId, Meeting, MeetingId, Project, add_minutes, instant_at};

/// Something the preview says about a paste before it is applied. Days are numbered from
/// 0 in the meeting as it will be.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PlanNote {
    /// A day takes its date from the text.
    DateFromText {
        /// The day.
        day: usize,
        /// Its date.
        date: NaiveDate,
    },
    /// A new day is added, on this date.
    NewDay {
        /// The day.
        day: usize,
        /// Its date.
        date: NaiveDate,
    },
    /// The weekday written on a day line is not the weekday of its date.
    WeekdayDiffers {
        /// The line of the text.
        line: usize,
        /// The date.
        date: NaiveDate,
    },
    /// A day's start moves to the first time written for it.
    StartMoves {
        /// The day.
        day: usize,
        /// Its start before.
        from: NaiveTime,
        /// Its start after.
        to: NaiveTime,
    },
    /// A day's items will end after its planned end.
    RunsPastEnd {
        /// The day.
        day: usize,
        /// When its items end.
        end: NaiveTime,
        /// Its planned end.
        planned: NaiveTime,
    },
    /// A day's items will run past midnight.
    PastMidnight {
        /// The day.
        day: usize,
    },
    /// A time written before its day's start was not used (it would have moved the item
    /// and every later one to the next day); the item follows the one before.
    TimeNotUsed {
        /// The line of the text.
        line: usize,
        /// The time written.
        time: NaiveTime,
    },
    /// A time that could not be read; the item follows the one before.
    TimeUnread {
        /// The line of the text.
        line: usize,
        /// What was written.
        text: String,
    },
    /// Replacing the programme leaves out the meeting's later days.
    DaysRemoved {
        /// How many.
        count: usize,
    },
    /// A range's end is not after its start (`16:00–15:00`): the end was not used, and
    /// the item's length is assumed.
    EndBeforeStart {
        /// The line of the text.
        line: usize,
        /// The start written.
        start: NaiveTime,
        /// The end written.
        end: NaiveTime,
    },
    /// A time written before the end of the item above it (`9h30` after a 16:00 item) was
    /// not used: the item follows the one before.
    TimeBeforePrevious {
        /// The line of the text.
        line: usize,
        /// The time written.
        time: NaiveTime,
        /// When the item above ends.
        previous_end: NaiveTime,
    },
    /// The programme's title line becomes the meeting's title (it had none).
    TitleFromText {
        /// The line of the text.
        line: usize,
    },
    /// The programme's title line is not used: the meeting keeps its own title.
    TitleKept {
        /// The line of the text.
        line: usize,
    },
    /// A day line names a date the calendar does not have (`31 February 2024`,
    /// `29 February 2023`) or a year outside those a project may use (`1 January 99999`).
    /// The paste is not applied until the text is corrected: the day would otherwise
    /// lose its date, or get another one, without a word.
    NoSuchDate {
        /// The line of the text.
        line: usize,
        /// The date as written.
        written: String,
        /// What is wrong with it.
        problem: DateProblem,
    },
}

impl PlanNote {
    /// Whether this note keeps the paste from being applied (the text must be corrected).
    pub fn blocks(&self) -> bool {
        matches!(self, Self::NoSuchDate { .. })
    }
}

/// What is wrong with a date written on a day line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateProblem {
    /// There is no such month (`2024-13-05`, `0月5日`).
    NoSuchMonth {
        /// The month written.
        month: u32,
    },
    /// The month has fewer days (`31 February 2024`, `29 February 2023`, `31 April`).
    NoSuchDay {
        /// The year: as written, or the one the date falls in when none is.
        year: i32,
        /// The month, 1–12.
        month: u32,
        /// The day written.
        day: u32,
        /// How many days the month has that year.
        days_in_month: u32,
        /// Whether the year was written (else it is the meeting's).
        year_written: bool,
    },
    /// The year is outside [`crate::model::YEARS`] (`1 January 99999`).
    YearOutOfRange {
        /// The year written.
        year: i32,
    },
}

impl Plan {
    /// The notes that keep the paste from being applied, if any.
    pub fn blocking(&self) -> impl Iterator<Item = &PlanNote> {
        self.notes.iter().filter(|n| n.blocks())
    }
}

/// How many days `month` has in `year` (`None` for a month that does not exist).
fn days_in_month(year: i32, month: u32) -> Option<u32> {
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    let next = if month == 12 {
        NaiveDate::from_ymd_opt(year.checked_add(1)?, 1, 1)?
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)?
    };
    u32::try_from((next - first).num_days()).ok()
}

/// A paste applied to a copy of the meeting, and what the preview says about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    /// The meeting as it will be.
    pub meeting: Meeting,
    /// Notes for the preview, in order.
    pub notes: Vec<PlanNote>,
    /// The day of the meeting each parsed day's items go to (an index into
    /// `meeting.days`), so that the preview numbers days as the result will.
    pub targets: Vec<usize>,
}

/// The date a day line names, in the meeting's year (or the next, when the date would
/// fall more than half a year before the meeting); `Ok(None)` when it names none, and
/// what is wrong when it names one the calendar does not have.
fn resolve_date(
    day: &ParsedDay,
    meeting_start: NaiveDate,
) -> Result<Option<NaiveDate>, DateProblem> {
    let Some(written) = day.written.date else {
        return Ok(None);
    };
    if let Some(year) = written.year
        && !crate::model::YEARS.contains(&year)
    {
        return Err(DateProblem::YearOutOfRange { year });
    }
    if !(1..=12).contains(&written.month) {
        return Err(DateProblem::NoSuchMonth {
            month: written.month,
        });
    }
    let no_such_day = |year: i32| DateProblem::NoSuchDay {
        year,
        month: written.month,
        day: written.day,
        days_in_month: days_in_month(year, written.month).unwrap_or_default(),
        year_written: written.year.is_some(),
    };
    let year = match written.year {
        Some(year) => year,
        None => {
            // The meeting's year, or the next when the date would fall more than half a
            // year before the meeting. A day the month does not have is judged as its
            // last day, so that `30 February` is said to be no date in the year it would
            // have been in.
            let year = meeting_start.year();
            let last = days_in_month(year, written.month).unwrap_or(1);
            let near = NaiveDate::from_ymd_opt(year, written.month, written.day.clamp(1, last));
            if near.is_some_and(|date| (meeting_start - date).num_days() > 183) {
                year + 1
            } else {
                year
            }
        }
    };
    written
        .in_year(year)
        .map(Some)
        .ok_or_else(|| no_such_day(year))
}

/// Where the items of each parsed day go: `replace` gives the meeting the pasted days in
/// place of its own (keeping their venues and planned ends in order); otherwise the items
/// before any day line go at the end of the last day, and each day line goes to the day
/// of its date or number, or to a new day.
pub fn plan(meeting: &Meeting, preview: &AgendaPreview, replace: bool) -> Plan {
    let tz = meeting.time_zone;
    let mut m = meeting.clone();
    let mut notes = Vec::new();
    let mut targets = Vec::new();
    let meeting_start = meeting.start_date();
    if let Some(title) = &preview.title {
        if meeting.title.en.trim().is_empty() && meeting.title.zh.trim().is_empty() {
            m.title = title.title.clone();
            notes.push(PlanNote::TitleFromText { line: title.line });
        } else {
            notes.push(PlanNote::TitleKept { line: title.line });
        }
    }
    let mut used: HashSet<String> = if replace {
        HashSet::new()
    } else {
        meeting.items().map(|i| i.id.0.clone()).collect()
    };
    let mut next_number = if replace { 1 } else { meeting.item_count() + 1 };
    let mut fresh_id = || loop {
        let id = format!("item-{next_number}");
        next_number += 1;
        if used.insert(id.clone()) {
            return ItemId(id);
        }
    };
    if replace {
        m.days.clear();
    }
    // Items, by parsed day, in order.
    let mut by_day: Vec<Vec<usize>> = vec![Vec::new(); preview.days.len()];
    for (i, line) in preview.lines.iter().enumerate() {
        if let Some(list) = by_day.get_mut(line.day) {
            list.push(i);
        }
    }
    for (k, parsed) in preview.days.iter().enumerate() {
        let date = match resolve_date(parsed, meeting_start) {
            Ok(date) => date,
            Err(problem) => {
                notes.push(PlanNote::NoSuchDate {
                    line: parsed.line.unwrap_or_default(),
                    written: parsed.written.date_text.clone(),
                    problem,
                });
                None
            }
        };
        if let (Some(date), Some(weekday), Some(line)) = (date, parsed.written.weekday, parsed.line)
            && date.weekday() != weekday
        {
            notes.push(PlanNote::WeekdayDiffers { line, date });
        }
        // The day these items go to.
        let target = if replace {
            let base = meeting.days.get(k).cloned();
            let mut day = match (base, m.days.last()) {
                (Some(base), _) => base.without_items(),
                (None, Some(prev)) => {
                    let mut d = prev.without_items();
                    d.date = prev.date.succ_opt().unwrap_or(prev.date);
                    d.title = crate::model::Bilingual::default();
                    d
                }
                (None, None) => Meeting::new(meeting_start, tz)
                    .days
                    .into_iter()
                    .next()
                    .unwrap_or_else(|| Day::new(meeting_start, NaiveTime::MIN)),
            };
            if meeting.days.get(k).is_none() {
                notes.push(PlanNote::NewDay {
                    day: k,
                    date: date.unwrap_or(day.date),
                });
            }
            match (date, m.days.last()) {
                (Some(date), _) => day.date = date,
                // An undated day after a day of the text is the day after it.
                (None, Some(prev)) if k > 0 => day.date = prev.date.succ_opt().unwrap_or(prev.date),
                _ => {}
            }
            m.days.push(day);
            m.days.len() - 1
        } else if parsed.line.is_none() {
            m.days.len().saturating_sub(1)
        } else {
            let existing = match (date, parsed.written.number) {
                (Some(date), _) => m.days.iter().position(|d| d.date == date),
                (None, Some(n)) => usize::try_from(n)
                    .ok()
                    .and_then(|n| n.checked_sub(1))
                    .filter(|n| *n < m.days.len()),
                (None, None) => None,
            };
            match existing {
                Some(i) => i,
                None => {
                    let mut day = m.next_day();
                    if let Some(date) = date {
                        day.date = date;
                    }
                    notes.push(PlanNote::NewDay {
                        day: m.days.len(),
                        date: day.date,
                    });
                    m.days.push(day);
                    m.days.len() - 1
                }
            }
        };
        if m.days.is_empty() {
            m.days = Meeting::new(meeting_start, tz).days;
        }
        targets.push(target);
        let Some(day) = m.days.get_mut(target) else {
            continue;
        };
        if let Some(date) = date
            && meeting
                .days
                .get(target)
                .is_none_or(|before| before.date != date)
        {
            notes.push(PlanNote::DateFromText { day: target, date });
        }
        if !parsed.title.is_empty() {
            day.title = parsed.title.clone();
        }
        let lines = by_day.get(k).map(Vec::as_slice).unwrap_or_default();
        // An empty day starts at the first time written for it (a written time wins over
        // the meeting's old start), less the items written before it without a time.
        if day.items.is_empty()
            && let Some(first) = super::start_from_text(preview, lines)
            && first != day.start
        {
            notes.push(PlanNote::StartMoves {
                day: target,
                from: day.start,
                to: first,
            });
            day.start = first;
        }
        let day_start = day.date.and_time(day.start);
        let mut cursor = day.summary(tz).end;
        for i in lines {
            let Some(line) = preview.lines.get(*i) else {
                continue;
            };
            if let Some(text) = &line.unread_time {
                notes.push(PlanNote::TimeUnread {
                    line: line.line,
                    text: text.clone(),
                });
            }
            if line.end_before_start
                && let (Some(start), Some(end)) = (line.start, line.end)
            {
                notes.push(PlanNote::EndBeforeStart {
                    line: line.line,
                    start,
                    end,
                });
            }
            let mut fixed_start = None;
            let mut start = cursor;
            if let Some(time) = line.start {
                let local = cursor.date_naive().and_time(time);
                let previous_end = cursor.naive_local();
                if local < day_start {
                    notes.push(PlanNote::TimeNotUsed {
                        line: line.line,
                        time,
                    });
                } else if local < previous_end {
                    notes.push(PlanNote::TimeBeforePrevious {
                        line: line.line,
                        time,
                        previous_end: previous_end.time(),
                    });
                } else {
                    let at = instant_at(tz, local);
                    if at != cursor {
                        fixed_start = Some(time);
                        start = at;
                    }
                }
            }
            let minutes = preview
                .durations
                .get(*i)
                .copied()
                .unwrap_or(DEFAULT_MINUTES);
            cursor = add_minutes(start, i64::from(minutes));
            day.items.push(AgendaItem {
                id: fresh_id(),
                title: line.titles.clone(),
                kind: line.kind,
                duration_minutes: minutes,
                fixed_start,
                speakers: line
                    .speakers
                    .iter()
                    .filter_map(|s| s.person.clone())
                    .collect(),
                guest_speakers: line
                    .speakers
                    .iter()
                    .filter(|s| s.person.is_none())
                    .map(|s| s.text.clone())
                    .collect(),
                chairs: line
                    .chairs
                    .iter()
                    .filter_map(|s| s.person.clone())
                    .collect(),
                guest_chairs: line
                    .chairs
                    .iter()
                    .filter(|s| s.person.is_none())
                    .map(|s| s.text.clone())
                    .collect(),
                notes: line.notes.join("\n"),
                // A note written in the programme (a venue, a dress code) is the
                // programme's own: it prints with it.
                notes_audience: if line.notes.is_empty() {
                    crate::model::NoteAudience::Internal
                } else {
                    crate::model::NoteAudience::Programme
                },
                outcome: crate::model::Outcome::default(),
            });
        }
    }
    if replace && m.days.is_empty() {
        m.days = meeting
            .days
            .iter()
            .take(1)
            .map(Day::without_items)
            .collect();
    }
    // A text that names no day replaces the items, not the days: the meeting keeps them.
    let names_days = preview.days.iter().any(|d| d.line.is_some());
    if replace && !names_days {
        m.days.extend(
            meeting
                .days
                .iter()
                .skip(m.days.len())
                .map(Day::without_items),
        );
    }
    if replace && meeting.days.len() > m.days.len() {
        notes.push(PlanNote::DaysRemoved {
            count: meeting.days.len() - m.days.len(),
        });
    }
    for (d, day) in m.days.iter().enumerate() {
        let summary = day.summary(tz);
        if let Some(planned) = day.planned_end
            && summary.runs_past_end
        {
            notes.push(PlanNote::RunsPastEnd {
                day: d,
                end: summary.end.time(),
                planned,
            });
        }
        if summary.past_midnight {
            notes.push(PlanNote::PastMidnight { day: d });
        }
    }
    Plan {
        meeting: m,
        notes,
        targets,
    }
}

/// Applies a paste to a meeting: the pasted items appended to its days (or replacing its
/// programme), days and dates as the text gives them.
pub fn apply_to_meeting(meeting: &Meeting, preview: &AgendaPreview, append: bool) -> Meeting {
    plan(meeting, preview, !append).meeting
}

/// The organisation written in brackets after a guest's name: one of the project's, or a
/// new one (`BMWi`: a short word is an acronym; `中国标准化研究院`: a Chinese name).
fn organisation_named(project: &Project, text: &str) -> crate::import::attendees::OrganisationRef {
    use crate::import::attendees::OrganisationRef;
    let chinese = text.chars().any(super::titles::is_cjk);
    let (latin, zh) = if chinese { ("", text) } else { (text, "") };
    match crate::import::attendees_text::resolve_organisation(project, latin, zh) {
        OrganisationRef::New(mut org) => {
            let word = !text.contains(char::is_whitespace) && text.chars().count() <= 12;
            if !chinese && word {
                org.acronym = text.to_owned();
                org.name = crate::model::Bilingual::default();
            }
            OrganisationRef::New(org)
        }
        other => other,
    }
}

/// The edit of a planned paste, one undo step, with the guest speakers named in `add`
/// added to the project as people first (their organisation too, when written in
/// brackets and not in the project yet) and made speakers of their items.
pub fn add_guests_as_people(
    project: &Project,
    id: &MeetingId,
    mut planned: Meeting,
    add: &[String],
) -> Edit {
    let mut scratch = project.clone();
    let mut edits = Vec::new();
    let mut added: Vec<(String, crate::model::PersonId)> = Vec::new();
    for text in add {
        let (name, org) = super::split_organisation(text);
        let Some(mut parsed) = crate::import::attendees_text::parse_entry(name, &scratch) else {
            continue;
        };
        if let Some(org) = org {
            parsed.organisation = organisation_named(&scratch, org);
        }
        let (edit, summary) = crate::import::attendees::build_edit(&scratch, &[parsed], None);
        let Some(person) = summary
            .added_people
            .first()
            .or_else(|| summary.matched_people.first())
            .cloned()
        else {
            continue;
        };
        edit.clone().apply(&mut scratch);
        edits.push(edit);
        added.push((text.clone(), person));
    }
    for item in planned.items_mut() {
        let mut kept = Vec::new();
        for guest in std::mem::take(&mut item.guest_speakers) {
            match added.iter().find(|(text, _)| *text == guest) {
                Some((_, person)) if !item.speakers.contains(person) => {
                    item.speakers.push(person.clone());
                }
                Some(_) => {}
                None => kept.push(guest),
            }
        }
        item.guest_speakers = kept;
    }
    edits.push(Edit::PutMeeting(id.clone(), Box::new(planned)));
    Edit::Batch(edits)
}
