//! `import attendees`, `export attendees` and `export name-cards`.

use std::path::Path;

use super::{find_meeting, load};
use crate::export::ExportLanguage;
use crate::export::attendees::{self, AttendeeFormat};
use crate::import::attendees::{ParsedPerson, build_edit, guess_mapping, read_csv, rows_to_people};
use crate::model::MeetingId;
use crate::project_file::save_project;

/// Adds the people of a list (CSV or pasted text) and, with a meeting, their attendance.
pub fn import_attendees(
    file: &Path,
    from: &Path,
    meeting: Option<&str>,
    out: &mut dyn std::io::Write,
    err: &mut dyn std::io::Write,
) -> std::io::Result<i32> {
    let Some(mut project) = load(file, err)? else {
        return Ok(1);
    };
    if let Some(id) = meeting
        && find_meeting(&project, id, file, err)?.is_none()
    {
        return Ok(1);
    }
    let bytes = match std::fs::read(from) {
        Ok(bytes) => bytes,
        Err(e) => {
            writeln!(err, "{}: could not read the list ({e})", from.display())?;
            return Ok(1);
        }
    };
    let is_csv = from
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv") || e.eq_ignore_ascii_case("tsv"));
    let parsed: Vec<ParsedPerson> = if is_csv {
        match read_csv(&bytes) {
            Ok(table) => {
                let mapping = guess_mapping(&table.headers);
                if !mapping.contains(&Some(crate::import::attendees::Field::FamilyName))
                    && !mapping.contains(&Some(crate::import::attendees::Field::ChineseName))
                {
                    writeln!(
                        err,
                        "{}: no column is a name; the header must name columns like “Family name”, “Given name”, “Chinese name” (found: {})",
                        from.display(),
                        table.headers.join(", ")
                    )?;
                    return Ok(1);
                }
                rows_to_people(&table, &mapping, &project)
            }
            Err(e) => {
                writeln!(err, "{}: {e}", from.display())?;
                return Ok(1);
            }
        }
    } else {
        let text = String::from_utf8_lossy(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes))
            .into_owned();
        crate::import::attendees_text::parse(&text, &project)
    };
    if parsed.is_empty() {
        writeln!(
            err,
            "{}: no person found in the list; nothing changed",
            from.display()
        )?;
        return Ok(1);
    }
    let meeting_id = meeting.map(MeetingId::from);
    let (edit, summary) = build_edit(&project, &parsed, meeting_id.as_ref());
    for entry in &parsed {
        let flags: Vec<&str> = entry.uncertain.iter().map(|f| f.header()).collect();
        let what = if entry.matched.is_some() {
            "matched"
        } else {
            "added"
        };
        let flags = if flags.is_empty() {
            String::new()
        } else {
            format!("  (check: {})", flags.join(", "))
        };
        writeln!(out, "{what}\t{}{flags}", entry.person.formal_name())?;
    }
    edit.apply(&mut project);
    if let Err(e) = save_project(file, &project) {
        writeln!(err, "{e}")?;
        return Ok(1);
    }
    writeln!(
        out,
        "{}: added {} people and {} organisations, matched {} people{}",
        file.display(),
        summary.added_people.len(),
        summary.added_organisations.len(),
        summary.matched_people.len(),
        meeting
            .map(|m| format!(", {} new attendees of {m}", summary.added_attendees))
            .unwrap_or_default()
    )?;
    Ok(0)
}

/// Writes the people or a meeting's attendees in a format.
pub fn export_attendees(
    file: &Path,
    meeting: Option<&str>,
    format: AttendeeFormat,
    lang: ExportLanguage,
    output: &Path,
    out: &mut dyn std::io::Write,
    err: &mut dyn std::io::Write,
) -> std::io::Result<i32> {
    let Some(project) = load(file, err)? else {
        return Ok(1);
    };
    let meeting = match meeting {
        Some(id) => match find_meeting(&project, id, file, err)? {
            Some(m) => Some(m),
            None => return Ok(1),
        },
        None => None,
    };
    let bytes = match render(&project, meeting, format, lang) {
        Ok(bytes) => bytes,
        Err(e) => {
            writeln!(err, "{}: {e}", output.display())?;
            return Ok(1);
        }
    };
    super::write_output(output, &bytes, out, err)
}

/// The bytes of an attendee export.
pub fn render(
    project: &crate::model::Project,
    meeting: Option<&crate::model::Meeting>,
    format: AttendeeFormat,
    lang: ExportLanguage,
) -> Result<Vec<u8>, attendees::AttendeeExportError> {
    Ok(match format {
        AttendeeFormat::Csv => attendees::csv(project, meeting).into_bytes(),
        AttendeeFormat::Xlsx => attendees::xlsx(project, meeting)?,
        AttendeeFormat::Html => attendees::html(project, meeting, lang).into_bytes(),
        AttendeeFormat::Md => attendees::markdown(project, meeting, lang).into_bytes(),
        AttendeeFormat::Pdf => attendees::pdf(project, meeting, lang)?,
    })
}

/// Writes name cards for a meeting.
pub fn export_name_cards(
    file: &Path,
    meeting: &str,
    output: &Path,
    out: &mut dyn std::io::Write,
    err: &mut dyn std::io::Write,
) -> std::io::Result<i32> {
    let Some(project) = load(file, err)? else {
        return Ok(1);
    };
    let Some(m) = find_meeting(&project, meeting, file, err)? else {
        return Ok(1);
    };
    match attendees::name_cards(&project, m) {
        Ok(bytes) => super::write_output(output, &bytes, out, err),
        Err(e) => {
            writeln!(err, "{}: {e}", output.display())?;
            Ok(1)
        }
    }
}
