//! `import attendees`: an attendee list (CSV or pasted text) added to the registry and,
//! with a meeting, to its attendance. The exports of attendee lists and name cards are
//! [`crate::export::ExportRequest`]s, run by [`super::export`].

use std::path::Path;

use super::{apply_and_save, find_meeting, load_document};
use crate::import::attendees::build_edit;
use crate::import::list::read_list_file;
use crate::model::MeetingId;

/// Adds the people of a list (CSV or pasted text) and, with a meeting, their attendance.
pub(super) fn import_attendees(
    file: &Path,
    from: &Path,
    meeting: Option<&str>,
    out: &mut dyn std::io::Write,
    err: &mut dyn std::io::Write,
) -> std::io::Result<i32> {
    let Some(mut doc) = load_document(file, err)? else {
        return Ok(1);
    };
    if let Some(id) = meeting
        && find_meeting(doc.project(), id, file, err)?.is_none()
    {
        return Ok(1);
    }
    let parsed = match read_list_file(from, doc.project()) {
        Ok(parsed) => parsed,
        Err(e) => {
            writeln!(err, "{}: {e}", from.display())?;
            return Ok(1);
        }
    };
    let meeting_id = meeting.map(MeetingId::from);
    let (edit, summary) = build_edit(doc.project(), &parsed, meeting_id.as_ref());
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
    if !apply_and_save(&mut doc, edit, file, err)? {
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
