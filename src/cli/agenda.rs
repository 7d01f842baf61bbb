//! `import agenda`: a draft agenda, one item per line, added to a meeting.

use std::path::Path;

use super::terminal::{shown, shown_path};
use super::{apply_and_save, find_meeting, load_document};
use crate::document::Edit;
use crate::import::gate::Input;
use crate::import::limits::MAX_FILE_BYTES;
use crate::import::programme_file::{
    ProgrammeError, ProgrammeText, read_programme, read_programme_file,
};
use crate::model::MeetingId;

/// What `--from` names: standard input (`-`), text (a line break in it, or no look of a
/// file name), or a file, read through the import gate.
enum Source<'a> {
    Stdin,
    Text(&'a str),
    File(&'a Path),
}

impl<'a> Source<'a> {
    fn of(from: &'a str) -> Self {
        let path = Path::new(from);
        if from == "-" {
            Self::Stdin
        } else if from.contains('\n') {
            Self::Text(from)
        } else if std::fs::symlink_metadata(path).is_ok() || looks_like_a_file_name(from) {
            // A misspelt file name is said to be missing, not imported as an item.
            Self::File(path)
        } else {
            Self::Text(from)
        }
    }
}

/// `programme.txt`, `~/Downloads/议程.docx`, `C:\\agenda`: a path, not an agenda line.
fn looks_like_a_file_name(text: &str) -> bool {
    if text.contains(['/', '\\']) {
        return true;
    }
    let Some((stem, extension)) = text.rsplit_once('.') else {
        return false;
    };
    !stem.trim().is_empty()
        && !stem.ends_with(' ')
        && (1..=5).contains(&extension.len())
        && extension.chars().all(|c| c.is_ascii_alphanumeric())
        && extension.chars().any(|c| c.is_ascii_alphabetic())
}

/// The programme's text from `--from`, or `None` after saying why it was refused.
fn read_from(from: &str, err: &mut dyn std::io::Write) -> std::io::Result<Option<String>> {
    let path = match Source::of(from) {
        Source::Stdin => {
            let mut bytes = Vec::new();
            std::io::Read::read_to_end(
                &mut std::io::Read::take(std::io::stdin(), MAX_FILE_BYTES + 1),
                &mut bytes,
            )?;
            let shown = "standard input";
            return match Input::from_bytes(bytes)
                .map_err(ProgrammeError::from)
                .and_then(|input| read_programme(input, None))
            {
                Ok(read) => checked(read, Path::new(shown), err),
                Err(e) => {
                    writeln!(err, "{shown}: {e}")?;
                    Ok(None)
                }
            };
        }
        Source::Text(text) => return Ok(Some(text.to_owned())),
        Source::File(path) => path,
    };
    match read_programme_file(path, None) {
        Ok(read) => checked(read, path, err),
        Err(e) => {
            writeln!(err, "{}: {e}", path.display())?;
            Ok(None)
        }
    }
}

/// The text of a programme read from a file, unless it has bytes that are not valid in its
/// encoding: those are said with their lines, and nothing is imported.
fn checked(
    read: ProgrammeText,
    path: &Path,
    err: &mut dyn std::io::Write,
) -> std::io::Result<Option<String>> {
    if read.damaged.is_empty() {
        return Ok(Some(read.text));
    }
    for bad in &read.damaged {
        writeln!(err, "{}: {bad}", path.display())?;
    }
    writeln!(
        err,
        "{}: the file is UTF-8 but for the bytes above; correct those lines (or save the file again as UTF-8) and import it again; nothing was imported",
        path.display()
    )?;
    Ok(None)
}

/// Reads a draft agenda into a meeting, says what each line gave, and saves the project.
pub(super) fn import_agenda(
    file: &Path,
    meeting_id: &str,
    from: &str,
    replace: bool,
    out: &mut dyn std::io::Write,
    err: &mut dyn std::io::Write,
) -> std::io::Result<i32> {
    // The programme is read before the project is locked: a pipe, a device or a refused
    // file never holds the lock.
    let Some(text) = read_from(from, err)? else {
        return Ok(1);
    };
    let Some(mut doc) = load_document(file, err)? else {
        return Ok(1);
    };
    let project = doc.project();
    let Some(meeting) = find_meeting(project, meeting_id, file, err)? else {
        return Ok(1);
    };
    let preview = crate::import::agenda_text::parse(&text, project, Some(meeting));
    if preview.lines.is_empty() {
        writeln!(
            err,
            "{}: no agenda item found in the text; nothing changed",
            shown_path(file)
        )?;
        return Ok(1);
    }
    let planned = crate::import::agenda_text::plan(meeting, &preview, replace);
    // A date the calendar does not have is said with its line, and nothing is changed:
    // the day would otherwise lose its date, or get another one.
    let blocking: Vec<_> = planned.blocking().collect();
    if !blocking.is_empty() {
        for note in &blocking {
            writeln!(err, "{}: {}", shown_path(file), note_text(note))?;
        }
        writeln!(
            err,
            "{}: nothing changed; correct the date in the text and import again",
            shown_path(file)
        )?;
        return Ok(1);
    }
    if let Some(title) = &preview.title {
        writeln!(
            out,
            "line {}: programme title: {}",
            title.line,
            shown(&title.title.both())
        )?;
    }
    let mut day_shown = None;
    for (i, line) in preview.lines.iter().enumerate() {
        // A day line of the text: say which day its items go to (numbered as the
        // meeting's days will be).
        if preview.days.len() > 1 && day_shown != Some(line.day) {
            day_shown = Some(line.day);
            if let Some(day) = preview.days.get(line.day) {
                let title = day.title.both();
                writeln!(
                    out,
                    "day {}{}{}",
                    planned.targets.get(line.day).copied().unwrap_or(line.day) + 1,
                    day.line.map(|l| format!(" (line {l})")).unwrap_or_default(),
                    if title.is_empty() {
                        String::new()
                    } else {
                        format!(": {}", shown(&title))
                    }
                )?;
            }
        }
        let minutes = preview.durations.get(i).copied().unwrap_or_default();
        let assumed = if preview.assumed_duration.get(i).copied().unwrap_or(false) {
            " (assumed)"
        } else {
            ""
        };
        let speakers: Vec<String> = line
            .chairs
            .iter()
            .map(|s| match &s.person {
                Some(id) => format!("chair {} = {}", shown(&s.text), shown(id.as_str())),
                None => format!("chair {} (not in the project)", shown(&s.text)),
            })
            .chain(line.speakers.iter().map(|s| match &s.person {
                Some(id) => format!("{} = {}", shown(&s.text), shown(id.as_str())),
                None => format!("{} (guest speaker, not in the project)", shown(&s.text)),
            }))
            .collect();
        writeln!(
            out,
            "line {}: {} min{assumed}  {}{}",
            line.line,
            minutes,
            shown(&line.title),
            if speakers.is_empty() {
                String::new()
            } else {
                format!("  [{}]", speakers.join("; "))
            }
        )?;
    }
    for note in &planned.notes {
        writeln!(err, "{}: {}", shown_path(file), note_text(note))?;
    }
    super::agenda_lines::write_lines(&preview, &planned, file, out, err)?;
    let updated = planned.meeting;
    let edit = Edit::PutMeeting(MeetingId::from(meeting_id), Box::new(updated));
    if !apply_and_save(&mut doc, edit, file, err)? {
        return Ok(1);
    }
    writeln!(
        out,
        "{}: {} {} agenda items to meeting {}",
        shown_path(file),
        if replace {
            "replaced the agenda with"
        } else {
            "added"
        },
        preview.lines.len(),
        shown(meeting_id)
    )?;
    Ok(0)
}

/// What the plan says about the days, in the command line's English.
fn note_text(note: &crate::import::agenda_text::PlanNote) -> String {
    use crate::import::agenda_text::{PlanNote, format_time};
    match note {
        PlanNote::DateFromText { day, date } => {
            format!("day {} takes its date from the text: {date}", day + 1)
        }
        PlanNote::NewDay { day, date } => format!("day {} is added: {date}", day + 1),
        PlanNote::WeekdayDiffers { line, date } => {
            format!("line {line}: the weekday written is not that of {date}")
        }
        PlanNote::StartMoves { day, from, to } => format!(
            "day {} starts at {} instead of {}",
            day + 1,
            format_time(*to),
            format_time(*from)
        ),
        PlanNote::RunsPastEnd { day, end, planned } => format!(
            "day {} ends at {}, after its planned end {}",
            day + 1,
            format_time(*end),
            format_time(*planned)
        ),
        PlanNote::PastMidnight { day } => format!(
            "day {} runs past midnight: check the times and durations",
            day + 1
        ),
        PlanNote::TimeNotUsed { line, time } => format!(
            "line {line}: {} is before the day's start and was not used; the item follows the one before",
            format_time(*time)
        ),
        PlanNote::TimeUnread { line, text } => format!(
            "line {line}: `{}` is not a time of day and was not used; the item follows the one before",
            shown(text)
        ),
        PlanNote::EndBeforeStart { line, start, end } => format!(
            "line {line}: the range ends at {}, before it starts at {}; the end was not used and the length is assumed",
            format_time(*end),
            format_time(*start)
        ),
        PlanNote::TimeBeforePrevious {
            line,
            time,
            previous_end,
        } => format!(
            "line {line}: {} is before the end of the item above ({}) and was not used; the item follows the one before",
            format_time(*time),
            format_time(*previous_end)
        ),
        PlanNote::TitleFromText { line } => {
            format!("line {line}: the programme's title becomes the meeting's title")
        }
        PlanNote::TitleKept { line } => format!(
            "line {line}: the meeting keeps its own title; the programme's title is not used"
        ),
        PlanNote::DaysRemoved { count } => {
            format!("replacing the programme removed the meeting's last {count} day(s)")
        }
        PlanNote::NoSuchDate {
            line,
            written,
            problem,
        } => format!(
            "line {line}: `{}` is not a date: {}",
            shown(written),
            date_problem_text(problem)
        ),
    }
}

/// Why a written date is none, in the command line's English.
fn date_problem_text(problem: &crate::import::agenda_text::DateProblem) -> String {
    use crate::import::agenda_text::DateProblem;
    let month_name = |month: u32| {
        u8::try_from(month)
            .ok()
            .and_then(|m| chrono::Month::try_from(m).ok())
            .map_or_else(|| month.to_string(), |m| m.name().to_owned())
    };
    match problem {
        DateProblem::NoSuchMonth { month } => format!("there is no month {month}"),
        DateProblem::NoSuchDay {
            year,
            month,
            days_in_month,
            year_written,
            ..
        } => format!(
            "{} {year} has {days_in_month} days{}",
            month_name(*month),
            if *year_written {
                String::new()
            } else {
                format!(
                    " (no year is written, so the date falls in {year}; write the year if another is meant)"
                )
            }
        ),
        DateProblem::YearOutOfRange { year } => format!(
            "the year {year} is not between {} and {}",
            crate::model::YEARS.start(),
            crate::model::YEARS.end()
        ),
    }
}
