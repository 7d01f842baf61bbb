//! Every `export` command's last steps, shared by the command groups: the project loaded,
//! the meeting checked, the document rendered as a copy for partners (or the planners'
//! own) and written where `-o` says, with what could not be printed said first.

use std::path::Path;

use super::terminal::shown_path;
use super::{find_meeting, load, output};
use crate::export::ExportRequest;
use crate::model::Project;

/// The options of an export: the planners' copy with notes or one for partners, and the
/// author of a Word document.
pub(super) fn options(with_notes: bool, author: &Option<String>) -> crate::export::ExportOptions {
    crate::export::ExportOptions {
        with_notes,
        author: author.clone().unwrap_or_default(),
    }
}

/// Every `export` command: loads `file`, checks that the meeting asked for is there (or
/// lists those that are), renders `request` with `options` and writes it to `output`.
pub(super) fn export(
    file: &Path,
    request: &ExportRequest,
    options: &crate::export::ExportOptions,
    output: &Path,
    out: &mut dyn std::io::Write,
    err: &mut dyn std::io::Write,
) -> std::io::Result<i32> {
    // Refused before anything is read or rendered: `-o` naming the project is a slip.
    if !output::output_allowed(output, &[file], err)? {
        return Ok(1);
    }
    let Some(project) = load(file, err)? else {
        return Ok(1);
    };
    export_loaded(&project, file, request, options, output, out, err)
}

/// [`export`] of a project already loaded from `file`.
pub(super) fn export_loaded(
    project: &Project,
    file: &Path,
    request: &ExportRequest,
    options: &crate::export::ExportOptions,
    output: &Path,
    out: &mut dyn std::io::Write,
    err: &mut dyn std::io::Write,
) -> std::io::Result<i32> {
    if let Some(id) = request.meeting()
        && find_meeting(project, id.as_str(), file, err)?.is_none()
    {
        return Ok(1);
    }
    match request.render_as(project, options, chrono::Utc::now(), &mut |_, _| true) {
        Ok(rendered) => {
            // Named before the file is written: never a silent box on the page.
            if !rendered.unprintable.is_empty() {
                writeln!(
                    err,
                    "warning: {}: {}",
                    shown_path(output),
                    crate::export::pdf::unprintable_message(&rendered.unprintable)
                )?;
            }
            // Said too, never a shorter text on paper without a word.
            if !rendered.cut.is_empty() {
                writeln!(
                    err,
                    "warning: {}: {}",
                    shown_path(output),
                    crate::export::pdf::cut_message(&rendered.cut)
                )?;
            }
            output::write_output(output, &rendered.bytes, &[file], out, err)
        }
        Err(e) => {
            writeln!(err, "{}: {e}", shown_path(output))?;
            Ok(1)
        }
    }
}
