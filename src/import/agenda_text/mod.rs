//! A draft programme pasted from an e-mail: one item per line, in the forms people write,
//! with day lines between the days:
//!
//! ```text
//! Day 1 — Monday, 4 November 2019 — Technical workshops
//! 14:00 10 min Opening speech — Dr. Betty XU
//! 20 min Title — Speaker
//! 16:30–17:30 Reception
//! 11月5日（星期二）
//! 上午9:00 签署合作备忘录 Signing of the MoU — Mr. Helge ENGELHARD (BMWi)
//! 下午2点半 参观实验室 Visit of the lab
//! ```
//!
//! Parsing is total and linear in the text: every line gives an item or a day, or is
//! reported as skipped, never a panic. The people of the project are indexed once.
//!
//! - [`times`]: times (Chinese and full-width forms too), ranges and durations;
//! - [`days`]: day lines;
//! - [`titles`]: bullets, speakers, bilingual titles, the kind of an item;
//! - [`people`]: who a written speaker is;
//! - [`plan`]: what the paste does to a meeting, and what the preview says about it.

mod clock_words;
mod cues;
mod day_names;
mod days;
mod lines;
mod people;
mod plan;
mod reader;
mod times;
mod titles;

use chrono::{NaiveTime, Timelike as _};

pub use days::{DayLine, WrittenDate, parse_day_line};
pub use lines::{Half, IgnoreReason, LineClass, LineRole};
pub use people::{PeopleIndex, match_person, split_organisation};
pub use plan::{DateProblem, Plan, PlanNote, add_guests_as_people, apply_to_meeting, plan};
pub use titles::guess_kind;

use crate::model::{AgendaItemKind, Bilingual, Meeting, PersonId, Project};
use times::TimeAt;

/// One parsed item line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParsedLine {
    /// 1-based line number in the pasted text.
    pub line: usize,
    /// The day it belongs to: an index into [`AgendaPreview::days`].
    pub day: usize,
    /// Start time written on the line.
    pub start: Option<NaiveTime>,
    /// End time written on the line (`16:30–17:30`).
    pub end: Option<NaiveTime>,
    /// Duration written on the line (`10 min`, `1h30`).
    pub duration: Option<u32>,
    /// Text written where a time stands that is no time of day (`25:00`, `下午13点`).
    pub unread_time: Option<String>,
    /// The title as written, without times, durations and speakers.
    pub title: String,
    /// The title split into its languages when written in both.
    pub titles: Bilingual,
    /// Speakers as written, each matched to a person of the project when possible.
    pub speakers: Vec<ParsedSpeaker>,
    /// A guess from the title's words.
    pub kind: AgendaItemKind,
    /// Who chairs or hosts the item (`主持人：刘江`, `Chair: Dr. Betty XU`).
    pub chairs: Vec<ParsedSpeaker>,
    /// Notes written under the item (`Venue: Room 301`, `（地点：第一会议室）`).
    pub notes: Vec<String>,
    /// The range's end is not after its start (`16:00–15:00`): the end is not used.
    pub end_before_start: bool,
    /// The line names its own half of the day (`下午2点`, `2 pm`), which a section line
    /// above it does not change.
    pub half_written: bool,
}

/// A speaker as written on a line, and who it probably is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParsedSpeaker {
    /// As written (`Dr. Betty XU`, `Mr. Helge ENGELHARD (BMWi)`).
    pub text: String,
    /// The person it matches, if exactly one does.
    pub person: Option<PersonId>,
}

/// A day of the pasted programme: from a day line, or the items before the first one.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ParsedDay {
    /// The day line's number in the text; `None` for the items before any day line.
    pub line: Option<usize>,
    /// What the day line says.
    pub written: DayLine,
    /// Its title, split into its languages.
    pub title: Bilingual,
}

/// The items and days a paste will create, with what is uncertain.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AgendaPreview {
    /// The days, in order (the first may have no day line).
    pub days: Vec<ParsedDay>,
    /// The parsed item lines, in order.
    pub lines: Vec<ParsedLine>,
    /// Durations in minutes, resolved (from the line, its end time, or the next start).
    pub durations: Vec<u32>,
    /// Lines whose duration had to be assumed.
    pub assumed_duration: Vec<bool>,
    /// Line numbers that gave nothing (blank lines are not listed); each is in
    /// [`Self::classes`] with its reason.
    pub skipped: Vec<usize>,
    /// The programme's title line, when the text starts with one.
    pub title: Option<ProgrammeTitle>,
    /// What every non-blank line gave, in order.
    pub classes: Vec<LineClass>,
}

/// The title line of a programme (`Programme — CCAA delegation visit to Berlin`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProgrammeTitle {
    /// Its line.
    pub line: usize,
    /// The title it offers the meeting, split into its languages.
    pub title: Bilingual,
}

impl AgendaPreview {
    /// The speakers written on the lines that are not in the project, each once, in order.
    pub fn guests(&self) -> Vec<&str> {
        let mut seen = std::collections::HashSet::new();
        self.lines
            .iter()
            .flat_map(|l| &l.speakers)
            .filter(|s| s.person.is_none())
            .map(|s| s.text.as_str())
            .filter(|t| seen.insert(*t))
            .collect()
    }

    /// How many lines carry a time that could not be read.
    pub fn unread_times(&self) -> usize {
        self.lines
            .iter()
            .filter(|l| l.unread_time.is_some())
            .count()
    }
}

/// Minutes assumed when a line gives no duration and nothing after it tells.
pub const DEFAULT_MINUTES: u32 = 30;

/// Parses pasted text; `meeting` (when given) makes its attendees the preferred matches.
pub fn parse(text: &str, project: &Project, meeting: Option<&Meeting>) -> AgendaPreview {
    parse_with(text, &PeopleIndex::new(project), meeting)
}

/// [`parse`] with the project's people already indexed: what a dialog re-parsing on every
/// keystroke uses, building the index once per change of the project (for 100,000 people
/// the index costs more than parsing thousands of lines).
pub fn parse_with(text: &str, people: &PeopleIndex, meeting: Option<&Meeting>) -> AgendaPreview {
    let mut preview = reader::read(text, people, meeting);
    resolve_durations(&mut preview);
    preview
}

/// Durations: written, else end − start, else the next line's start − this start (on the
/// same day), else assumed.
fn resolve_durations(preview: &mut AgendaPreview) {
    let from_times = |a: NaiveTime, b: NaiveTime| {
        let minutes = (b - a).num_minutes();
        // An end before its start is flagged, never read as an item running overnight.
        u32::try_from(minutes).ok().filter(|m| *m > 0)
    };
    let mut durations = Vec::with_capacity(preview.lines.len());
    let mut assumed = Vec::with_capacity(preview.lines.len());
    for (i, line) in preview.lines.iter().enumerate() {
        // The next start tells this item's length only when it is later: an earlier one
        // is a slip (or the next day), never 18 hours of talk running past midnight.
        let next_start = preview
            .lines
            .get(i + 1)
            .filter(|next| next.day == line.day)
            .and_then(|l| l.start)
            .filter(|next| line.start.is_some_and(|s| *next > s));
        let (minutes, guessed) = match (line.duration, line.start, line.end, next_start) {
            (Some(d), ..) => (d, false),
            (None, Some(s), Some(e), _) if !line.end_before_start => {
                from_times(s, e).map_or((DEFAULT_MINUTES, true), |m| (m, false))
            }
            (None, Some(s), None, Some(next)) => {
                from_times(s, next).map_or((DEFAULT_MINUTES, true), |m| (m, false))
            }
            _ => (DEFAULT_MINUTES, true),
        };
        durations.push(minutes);
        assumed.push(guessed);
    }
    preview.durations = durations;
    preview.assumed_duration = assumed;
}

/// Parses one non-blank item line; `None` when nothing like an item is on it.
pub fn parse_line(raw: &str) -> Option<ParsedLine> {
    let normal = times::normalize(raw);
    let mut rest = titles::strip_bullet(normal.trim());
    let mut start = None;
    let mut end = None;
    let mut duration = None;
    let mut unread_time = None;

    let period = times::take_period(rest).map(|(p, _)| p);
    match times::take_time(rest) {
        TimeAt::Time(time, after) => {
            start = Some(time);
            rest = after;
            if let Some(after_dash) = times::take_range_dash(rest) {
                match times::take_range_end(after_dash, period) {
                    TimeAt::Time(time, after) => {
                        end = Some(time);
                        rest = after;
                    }
                    TimeAt::Unreadable(text, after) => {
                        unread_time = Some(text.to_owned());
                        rest = after;
                    }
                    TimeAt::None => {}
                }
            }
        }
        TimeAt::Unreadable(text, after) => {
            unread_time = Some(text.to_owned());
            rest = after;
            // `25:00–26:00`: the end of an unreadable range goes with it.
            if let Some(after_dash) = times::take_range_dash(rest)
                && let TimeAt::Time(_, after) | TimeAt::Unreadable(_, after) =
                    times::take_time(after_dash)
            {
                rest = after;
            }
        }
        TimeAt::None => {}
    }
    if start.is_some() || unread_time.is_some() {
        rest = rest.trim_start_matches([':', ' ', '\t', '|', ',']);
        rest = titles::strip_leading_dash(rest);
    }
    if let Some((minutes, after)) = times::take_duration(rest) {
        duration = Some(minutes);
        rest = titles::strip_leading_dash(after.trim_start_matches([':', ' ', '\t', '|', ',']));
    }
    let mut text = rest.trim().to_owned();
    // A duration written at the end: `Opening speech — 10 min`, `Lunch (1h)`.
    if duration.is_none()
        && let Some((minutes, before)) = times::take_trailing_duration(&text)
    {
        duration = Some(minutes);
        text = before;
    }
    let (title, speakers, chairs) = match cues::split_cues_labelled(&text) {
        Some((title, groups, label)) => {
            let title = match label {
                Some(label) if title.is_empty() => label.to_owned(),
                _ => title,
            };
            let mut speakers = Vec::new();
            let mut chairs = Vec::new();
            for (role, names) in groups {
                let list = titles::speaker_list(&names)
                    .into_iter()
                    .map(|n| cues::nominative(&n));
                match role {
                    cues::CueRole::Speaker => speakers.extend(list),
                    cues::CueRole::Chair => chairs.extend(list),
                }
            }
            (title, speakers, chairs)
        }
        None => {
            let (title, speakers) = titles::split_speakers(&text);
            (title, speakers, Vec::new())
        }
    };
    if title.is_empty() && start.is_none() && duration.is_none() && unread_time.is_none() {
        return None;
    }
    let kind = guess_kind(&title);
    Some(ParsedLine {
        line: 0,
        day: 0,
        start,
        end,
        duration,
        unread_time,
        titles: titles::split_bilingual(&title),
        title,
        speakers: speakers
            .into_iter()
            .map(|text| ParsedSpeaker { text, person: None })
            .collect(),
        kind,
        chairs: chairs
            .into_iter()
            .map(|text| ParsedSpeaker { text, person: None })
            .collect(),
        notes: Vec::new(),
        end_before_start: matches!((start, end), (Some(s), Some(e)) if e <= s),
        half_written: period.is_some() || times::has_meridiem(&normal),
    })
}

/// `14:00` for a time, for previews.
pub fn format_time(t: NaiveTime) -> String {
    format!("{:02}:{:02}", t.hour(), t.minute())
}

#[cfg(test)]
mod tests;

/// The start a day takes from the text: its first written time, less the lengths of the
/// items written before it without one (`None` when no line of the day has a time).
pub(crate) fn start_from_text(preview: &AgendaPreview, lines: &[usize]) -> Option<NaiveTime> {
    let mut before = 0i64;
    for i in lines {
        let line = preview.lines.get(*i)?;
        if let Some(start) = line.start {
            let back = chrono::Duration::try_minutes(before)?;
            let (t, wrapped) = start.overflowing_sub_signed(back);
            return Some(if wrapped == 0 { t } else { NaiveTime::MIN });
        }
        before += i64::from(
            preview
                .durations
                .get(*i)
                .copied()
                .unwrap_or(DEFAULT_MINUTES),
        );
    }
    None
}
