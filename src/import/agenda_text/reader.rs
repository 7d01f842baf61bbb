//! Reading a pasted programme line by line, every line accounted for (see [`super::lines`]):
//! the title above the programme, day and section lines, items with the half of the day a
//! section gives them, notes and chairs under an item, lines that give nothing and why.

use chrono::{NaiveTime, Timelike as _};

use super::lines::{self, Half, IgnoreReason, LineClass, LineRole};
use super::times::{self, TimeAt};
use super::{
    AgendaPreview, ParsedDay, ParsedLine, ParsedSpeaker, PeopleIndex, ProgrammeTitle, cues,
    parse_day_line, parse_line, titles,
};
use crate::model::Meeting;

/// A line made plain, its bullet taken off.
fn plain(raw: &str) -> String {
    let normal = times::normalize(raw);
    titles::strip_bullet(normal.trim()).to_owned()
}

/// Whether a plain line is a day line (a line starting with a time never is).
fn day_line(stripped: &str) -> Option<super::DayLine> {
    if matches!(times::take_time(stripped), TimeAt::None) {
        parse_day_line(stripped)
    } else {
        None
    }
}

/// A cue line alone (`主持人：刘江`, `Chair: Dr. Betty XU`): its names and their role.
fn cue_line(stripped: &str) -> Option<Vec<(cues::CueRole, String)>> {
    match cues::split_cues(stripped) {
        Some((title, groups)) if title.is_empty() && !groups.is_empty() => Some(groups),
        // `致辞：刘江` has a title of its own (the label): an item.
        _ => None,
    }
}

/// A time moved into the half of the day a section gives, when written without its own:
/// `2:00` under `下午` is 14:00, `7:30` under `Evening` 19:30. Only the hours the half can
/// mean move (1–7 in an afternoon, 4–11 in an evening, 1–2 at midday); `9h30` under
/// `Nachmittag` stays 09:30, for the preview to say it is before the item above.
fn in_half(t: NaiveTime, half: Half) -> NaiveTime {
    let moves = match half {
        Half::Morning => false,
        Half::Midday => (1..=2).contains(&t.hour()),
        Half::Afternoon => (1..=7).contains(&t.hour()),
        Half::Evening => (4..=11).contains(&t.hour()),
    };
    if !moves {
        return t;
    }
    t.with_hour(t.hour() + 12).unwrap_or(t)
}

/// Names of a cue, each matched to a person.
fn speakers_of(names: &str, people: &PeopleIndex, meeting: Option<&Meeting>) -> Vec<ParsedSpeaker> {
    titles::speaker_list(names)
        .into_iter()
        .map(|n| {
            let text = cues::nominative(&n);
            ParsedSpeaker {
                person: people.find(&text, meeting),
                text,
            }
        })
        .collect()
}

/// What a cue line or a section's cue gives: speakers and chairs.
fn cue_people(
    groups: &[(cues::CueRole, String)],
    people: &PeopleIndex,
    meeting: Option<&Meeting>,
) -> (Vec<ParsedSpeaker>, Vec<ParsedSpeaker>) {
    let (mut speakers, mut chairs) = (Vec::new(), Vec::new());
    for (role, names) in groups {
        let found = speakers_of(names, people, meeting);
        match role {
            cues::CueRole::Speaker => speakers.extend(found),
            cues::CueRole::Chair => chairs.extend(found),
        }
    }
    (speakers, chairs)
}

fn add_unique(to: &mut Vec<ParsedSpeaker>, more: &[ParsedSpeaker]) {
    for s in more {
        if !to.iter().any(|t| t.text == s.text) {
            to.push(s.clone());
        }
    }
}

/// Whether a line under the title, above any day or item, belongs with the title: the
/// place and dates of the visit (a year in it, a labelled line, or the line right before
/// the first day line).
fn under_title(stripped: &str, next_is_day: bool) -> bool {
    let year = stripped
        .split(|c: char| !c.is_ascii_digit())
        .any(|w| w.len() == 4 && (w.starts_with("19") || w.starts_with("20")));
    next_is_day || year || lines::is_note("", stripped, None)
}

/// Reads every line of `text`; durations are resolved by the caller.
pub(super) fn read(text: &str, people: &PeopleIndex, meeting: Option<&Meeting>) -> AgendaPreview {
    let mut preview = AgendaPreview::default();
    let all: Vec<(usize, &str)> = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .collect();
    let mut half: Option<Half> = None;
    // Chairs and speakers of a section (`下午 主持人：刘江`) or of a cue line above the
    // section's first item: they go on every item under it.
    let mut section_people: (Vec<ParsedSpeaker>, Vec<ParsedSpeaker>) = Default::default();
    // Cue lines waiting for the item under them, by their index in `classes`.
    let mut waiting: Vec<usize> = Vec::new();
    // The raw text of the last item line, in the current day.
    let mut last_item: Option<(usize, &str)> = None;
    for (j, (i, raw)) in all.iter().enumerate() {
        let number = i + 1;
        let stripped = plain(raw);
        let push = |preview: &mut AgendaPreview, role: LineRole| {
            if matches!(role, LineRole::Ignored(_)) {
                preview.skipped.push(number);
            }
            preview.classes.push(LineClass {
                line: number,
                text: raw.trim().to_owned(),
                role,
            });
        };
        if lines::nothing_to_read(&stripped) {
            push(&mut preview, LineRole::Ignored(IgnoreReason::NothingToRead));
            continue;
        }
        if let Some(day) = day_line(&stripped) {
            let parsed = ParsedDay {
                line: Some(number),
                title: titles::split_bilingual(&day.title),
                written: day,
            };
            // Items before the first day line belong to it, not to a day of their own.
            match preview.days.as_mut_slice() {
                [only] if only.line.is_none() => *only = parsed,
                _ => preview.days.push(parsed),
            }
            half = None;
            section_people = Default::default();
            last_item = None;
            let index = preview.days.len() - 1;
            push(&mut preview, LineRole::Day(index));
            continue;
        }
        if let Some((h, rest)) = lines::section(&stripped) {
            half = Some(h);
            section_people = cues::split_cues(rest)
                .map(|(_, groups)| cue_people(&groups, people, meeting))
                .unwrap_or_default();
            last_item = None;
            push(&mut preview, LineRole::Section(h));
            continue;
        }
        let timed = !matches!(times::take_time(&stripped), TimeAt::None)
            || times::take_duration(&stripped).is_some();
        let no_day_line = preview.days.iter().all(|d| d.line.is_none());
        // Only lines above the first item and day can be the title: the look ahead is
        // paid for those alone.
        let next_is_day = || {
            all.get(j + 1)
                .is_some_and(|(_, next)| day_line(&plain(next)).is_some())
        };
        if !timed && preview.lines.is_empty() && no_day_line && cue_line(&stripped).is_none() {
            let next_is_day = next_is_day();
            if preview.title.is_none() && (lines::names_a_programme(&stripped) || next_is_day) {
                preview.title = Some(ProgrammeTitle {
                    line: number,
                    title: titles::split_bilingual(&lines::offered_title(&stripped)),
                });
                push(&mut preview, LineRole::Title);
                continue;
            }
            if preview.title.is_some() && under_title(&stripped, next_is_day) {
                push(&mut preview, LineRole::Ignored(IgnoreReason::UnderTitle));
                continue;
            }
        }
        if !timed && let Some(groups) = cue_line(&stripped) {
            let (speakers, chairs) = cue_people(&groups, people, meeting);
            match last_item {
                Some((index, _)) => {
                    if let Some(item) = preview.lines.get_mut(index) {
                        add_unique(&mut item.speakers, &speakers);
                        add_unique(&mut item.chairs, &chairs);
                    }
                    push(&mut preview, LineRole::Note(index));
                }
                None => {
                    add_unique(&mut section_people.0, &speakers);
                    add_unique(&mut section_people.1, &chairs);
                    waiting.push(preview.classes.len());
                    push(&mut preview, LineRole::Note(usize::MAX));
                }
            }
            continue;
        }
        if !timed
            && let Some((index, item_raw)) = last_item
            && lines::is_note(raw, &stripped, Some(item_raw))
        {
            // As written (full-width colons kept), without its bullet.
            if let Some(item) = preview.lines.get_mut(index) {
                item.notes.push(titles::strip_bullet(raw.trim()).to_owned());
            }
            push(&mut preview, LineRole::Note(index));
            continue;
        }
        let Some(mut line) = parse_line(raw) else {
            push(&mut preview, LineRole::Ignored(IgnoreReason::NothingToRead));
            continue;
        };
        line.line = number;
        if preview.days.is_empty() {
            preview.days.push(ParsedDay::default());
        }
        line.day = preview.days.len() - 1;
        if let Some(h) = half
            && !line.half_written
        {
            line.start = line.start.map(|t| in_half(t, h));
            line.end = line.end.map(|t| in_half(t, h));
            line.end_before_start = matches!((line.start, line.end), (Some(s), Some(e)) if e <= s);
        }
        for speaker in line.speakers.iter_mut().chain(line.chairs.iter_mut()) {
            speaker.person = people.find(&speaker.text, meeting);
        }
        trailing_name(&mut line, people, meeting);
        add_unique(&mut line.speakers, &section_people.0);
        add_unique(&mut line.chairs, &section_people.1);
        let index = preview.lines.len();
        for class in waiting.drain(..) {
            if let Some(c) = preview.classes.get_mut(class) {
                c.role = LineRole::Note(index);
            }
        }
        preview.lines.push(line);
        last_item = Some((index, raw));
        push(&mut preview, LineRole::Item(index));
    }
    // Cue lines with no item under them.
    for class in waiting {
        if let Some(c) = preview.classes.get_mut(class) {
            c.role = LineRole::Ignored(IgnoreReason::NoteWithoutItem);
            preview.skipped.push(c.line);
        }
    }
    preview.skipped.sort_unstable();
    preview
}

/// `欢迎致辞  刘江`: a name after a Chinese title, set apart by spaces, is its speaker when
/// it is one of the project's people or reads as a Chinese name.
fn trailing_name(line: &mut ParsedLine, people: &PeopleIndex, meeting: Option<&Meeting>) {
    if !line.speakers.is_empty() || !line.chairs.is_empty() {
        return;
    }
    let Some((title, name)) = cues::split_trailing_name(&line.title) else {
        return;
    };
    let person = people.find(name, meeting);
    if person.is_none() && !cues::looks_like_chinese_name(name) {
        return;
    }
    let (title, name) = (title.to_owned(), name.to_owned());
    line.titles = titles::split_bilingual(&title);
    line.kind = super::guess_kind(&title);
    line.title = title;
    line.speakers.push(ParsedSpeaker { text: name, person });
}
