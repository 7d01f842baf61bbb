//! `import agenda`: a draft agenda, one item per line, added to a meeting.

use std::path::Path;

use super::{apply_and_save, find_meeting, load_document};
use crate::document::Edit;
use crate::model::MeetingId;

/// Reads `--from`: a file, standard input (`-`), or the text itself.
fn read_text_argument(from: &str) -> std::io::Result<String> {
    if from == "-" {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin(), &mut text)?;
        return Ok(text);
    }
    let path = Path::new(from);
    if !from.contains('\n') && path.is_file() {
        let bytes = std::fs::read(path)?;
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
        return Ok(String::from_utf8_lossy(bytes).into_owned());
    }
    Ok(from.to_owned())
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
    let Some(mut doc) = load_document(file, err)? else {
        return Ok(1);
    };
    let project = doc.project();
    let Some(meeting) = find_meeting(project, meeting_id, file, err)? else {
        return Ok(1);
    };
    let text = read_text_argument(from)?;
    let preview = crate::import::agenda_text::parse(&text, project, Some(meeting));
    if preview.lines.is_empty() {
        writeln!(
            err,
            "{}: no agenda item found in the text; nothing changed",
            file.display()
        )?;
        return Ok(1);
    }
    let updated = crate::import::agenda_text::apply_to_meeting(meeting, &preview, !replace);
    for (i, line) in preview.lines.iter().enumerate() {
        let minutes = preview.durations.get(i).copied().unwrap_or_default();
        let assumed = if preview.assumed_duration.get(i).copied().unwrap_or(false) {
            " (assumed)"
        } else {
            ""
        };
        let speakers: Vec<String> = line
            .speakers
            .iter()
            .map(|s| match &s.person {
                Some(id) => format!("{} = {id}", s.text),
                None => format!("{} (not found)", s.text),
            })
            .collect();
        writeln!(
            out,
            "line {}: {} min{assumed}  {}{}",
            line.line,
            minutes,
            line.title,
            if speakers.is_empty() {
                String::new()
            } else {
                format!("  [{}]", speakers.join("; "))
            }
        )?;
    }
    for line in &preview.skipped {
        writeln!(
            err,
            "{}: line {line} of the text gave no item",
            file.display()
        )?;
    }
    let edit = Edit::PutMeeting(MeetingId::from(meeting_id), Box::new(updated));
    if !apply_and_save(&mut doc, edit, file, err)? {
        return Ok(1);
    }
    writeln!(
        out,
        "{}: {} {} agenda items to meeting {meeting_id}",
        file.display(),
        if replace {
            "replaced the agenda with"
        } else {
            "added"
        },
        preview.lines.len()
    )?;
    Ok(0)
}
