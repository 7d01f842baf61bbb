//! `import attendees`: an attendee list (workbook, CSV/TSV in any encoding, or pasted
//! text) added to the registry and, with a meeting, to its attendance. It prints how the
//! list was read, one line per person (added, matched or updated, with each change), one
//! line per skipped row, and the counts. The exports of attendee lists and name cards are
//! [`crate::export::ExportRequest`]s, run by [`super::export`].

use std::path::Path;

use super::terminal::{shown, shown_path};
use super::{apply_and_save, find_meeting, load_document};
use crate::import::attendees::{Fate, build_edit};
use crate::import::gate::read_input;
use crate::import::list::{ListError, ListFormat, ListKind, ReadOptions, read_list_input};
use crate::import::source::encoding_by_name;
use crate::import::update::find_changes;
use crate::model::MeetingId;

/// The arguments of `import attendees`.
pub(super) struct AttendeeImport<'a> {
    /// The project file.
    pub file: &'a Path,
    /// The list.
    pub from: &'a Path,
    /// The meeting to add them to.
    pub meeting: Option<&'a str>,
    /// Apply changed fields, not only fill empty ones.
    pub update: bool,
    /// The workbook sheet.
    pub sheet: Option<&'a str>,
    /// The text encoding.
    pub encoding: Option<&'a str>,
}

/// Adds the people of a list and, with a meeting, their attendance; updates those already
/// there (fills empty fields; with `--update`, changed ones too).
pub(super) fn import_attendees(
    args: &AttendeeImport<'_>,
    out: &mut dyn std::io::Write,
    err: &mut dyn std::io::Write,
) -> std::io::Result<i32> {
    let (file, from) = (args.file, args.from);
    // The list is read through the gate before the project is locked: a pipe, a device,
    // a folder or a file over the limits is refused without touching the project or its
    // lock.
    let input = match read_input(from, &mut |_, _| true) {
        Ok(Some(input)) => input,
        Ok(None) => return Ok(1),
        Err(e) => {
            writeln!(err, "{}: {e}", from.display())?;
            return Ok(1);
        }
    };
    let Some(mut doc) = load_document(file, err)? else {
        return Ok(1);
    };
    if let Some(id) = args.meeting
        && find_meeting(doc.project(), id, file, err)?.is_none()
    {
        return Ok(1);
    }
    let encoding = match args.encoding {
        None => None,
        Some(name) => match encoding_by_name(name) {
            Some(encoding) => Some(encoding),
            None => {
                let e = ListError::UnknownEncoding(name.to_owned());
                writeln!(err, "{}: {e}", shown_path(from))?;
                return Ok(1);
            }
        },
    };
    let options = ReadOptions {
        sheet: args.sheet.map(str::to_owned),
        encoding,
        ..ReadOptions::default()
    };
    let read = match read_list_input(input, ListKind::of_path(from), &options, doc.project()) {
        Ok(read) => read,
        Err(e) => {
            writeln!(err, "{}: {e}", shown_path(from))?;
            return Ok(1);
        }
    };
    // A UTF-8 list with bytes that are not UTF-8: each is said with its line, and nothing
    // is imported (in the app, the preview shows them).
    if !read.damaged.is_empty() {
        for bad in &read.damaged {
            writeln!(err, "{}: {bad}", from.display())?;
        }
        writeln!(
            err,
            "{}: the list is UTF-8 but for the bytes above; correct those lines (or save the file again as UTF-8) and import it again; nothing was imported",
            from.display()
        )?;
        return Ok(1);
    }
    let header = match (&read.table, &read.format) {
        // `姓名：…` blocks have no header line: their keys are the headers.
        (
            Some(t),
            ListFormat::Workbook { .. } | ListFormat::Delimited { .. } | ListFormat::Word { .. },
        ) if t.header_line > 0 => {
            format!(", header on line {}", t.header_line)
        }
        _ => String::new(),
    };
    writeln!(
        out,
        "read {}: {}{header}",
        shown_path(from),
        read.format.describe_en()
    )?;
    let meeting_id = args.meeting.map(MeetingId::from);
    let mut people = read.preview.people;
    let meeting = meeting_id
        .as_ref()
        .and_then(|id| doc.project().meetings.get(id));
    find_changes(doc.project(), meeting, &mut people, args.update);
    let (edit, summary) = build_edit(doc.project(), &people, meeting_id.as_ref());
    for entry in &people {
        let mut flags: Vec<&str> = entry.uncertain.iter().map(|f| f.header()).collect();
        if entry.from_pinyin {
            flags.insert(0, "Latin name from pinyin");
        }
        let what = match entry.fate() {
            Fate::Added => "added",
            Fate::Matched => "matched",
            Fate::Updated => "updated",
        };
        // Someone already there is named as the project knows them; what was guessed
        // about the list's row matters only for someone new.
        let known = entry
            .matched
            .as_ref()
            .and_then(|id| doc.project().people.get(id));
        let name = known.unwrap_or(&entry.person).formal_name();
        let flags = if flags.is_empty() || known.is_some() {
            String::new()
        } else {
            format!("  (check: {})", flags.join(", "))
        };
        writeln!(out, "{what}\t{}{flags}", shown(&name))?;
        for change in &entry.changes {
            let old = if change.is_fill() {
                "(empty)"
            } else {
                change.old.as_str()
            };
            let note = if change.take {
                ""
            } else {
                "  (not applied; use --update)"
            };
            writeln!(
                out,
                "\t{}: {} → {}{note}",
                change.field.header(),
                shown(old),
                shown(&change.new)
            )?;
        }
    }
    for row in &read.preview.skipped {
        let text = if row.text.is_empty() {
            String::new()
        } else {
            format!(" ({})", shown(&row.text))
        };
        writeln!(
            out,
            "skipped\tline {}: {}{text}",
            row.line,
            row.reason.label_en(),
        )?;
    }
    if !apply_and_save(&mut doc, edit, file, err)? {
        return Ok(1);
    }
    let updated = if summary.updated_people.is_empty() {
        String::new()
    } else {
        format!(
            ", updated {} ({}; {} changed)",
            count(summary.updated_people.len(), "person", "people"),
            count(summary.changed_fields, "field", "fields"),
            count(summary.name_cards_changed, "name card", "name cards")
        )
    };
    let skipped = match read.preview.skipped.len() {
        0 => String::new(),
        n => format!(", skipped {}", count(n, "row", "rows")),
    };
    writeln!(
        out,
        "{}: added {} and {}, matched {}{updated}{skipped}{}",
        shown_path(file),
        count(summary.added_people.len(), "person", "people"),
        count(
            summary.added_organisations.len(),
            "organisation",
            "organisations"
        ),
        count(summary.matched_people.len(), "person", "people"),
        args.meeting
            .map(|m| format!(
                ", {} of {}",
                count(summary.added_attendees, "new attendee", "new attendees"),
                shown(m)
            ))
            .unwrap_or_default()
    )?;
    Ok(0)
}

/// `1 person`, `2 people`: the summary reads as English.
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// `export name-cards`: refuses, naming them, to print a Chinese face with the Latin name
/// of people who have no Chinese name, unless `allow_latin_on_zh`; then renders and
/// writes the cards like every export.
pub(super) fn name_cards(
    file: &Path,
    meeting: &str,
    cards: crate::export::pdf::CardOptions,
    allow_latin_on_zh: bool,
    output: &Path,
    out: &mut dyn std::io::Write,
    err: &mut dyn std::io::Write,
) -> std::io::Result<i32> {
    if !super::output::output_allowed(output, &[file], err)? {
        return Ok(1);
    }
    let Some(project) = super::load(file, err)? else {
        return Ok(1);
    };
    let Some(m) = find_meeting(&project, meeting, file, err)? else {
        return Ok(1);
    };
    let latin = crate::export::attendees::latin_on_chinese_face(&project, m, cards.face);
    if !latin.is_empty() && !allow_latin_on_zh {
        let names: Vec<String> = latin
            .iter()
            .map(|id| {
                format!(
                    "{} ({id})",
                    project
                        .people
                        .get(id)
                        .map_or_else(String::new, |p| p.formal_name())
                )
            })
            .collect();
        writeln!(
            err,
            "{}: not written: {} {} no Chinese name, so the Chinese face would print a Latin one: {}; give them Chinese names in the project, or print the Latin names with --allow-latin-on-zh",
            output.display(),
            latin.len(),
            if latin.len() == 1 {
                "person has"
            } else {
                "people have"
            },
            names.join("; ")
        )?;
        return Ok(1);
    }
    let request = crate::export::ExportRequest::NameCards(MeetingId::from(meeting), cards);
    super::export_loaded(
        &project,
        file,
        &request,
        &crate::export::ExportOptions::default(),
        output,
        out,
        err,
    )
}
