//! `generate`: a synthetic project of a given size, for trying the app on a large registry.

use std::path::Path;

use super::output::{is_stdout, output_allowed};
use super::terminal::shown_path;

/// Writes a synthetic project to `output`, which must not exist yet (`-` for standard
/// output). A project too large to be opened again is refused, like any save.
pub(super) fn generate(
    people: usize,
    seed: u64,
    output: &Path,
    out: &mut dyn std::io::Write,
    err: &mut dyn std::io::Write,
) -> std::io::Result<i32> {
    if !is_stdout(output)
        && let Ok(meta) = std::fs::metadata(output)
    {
        if meta.is_file() {
            writeln!(
                err,
                "{}: already exists; choose another name (generate never replaces a file)",
                shown_path(output)
            )?;
        } else {
            // A pipe, a device or a folder: said as for any output.
            output_allowed(output, &[], err)?;
        }
        return Ok(1);
    }
    let size = crate::synthetic::Size::people(people);
    let project = crate::synthetic::generate(size, seed);
    if is_stdout(output) {
        let text = match crate::project_file::to_ron_string(&project) {
            Ok(text) => text,
            Err(e) => {
                writeln!(err, "{e}")?;
                return Ok(1);
            }
        };
        let size = text.len() as u64;
        if size > crate::project_file::MAX_FILE_SIZE {
            writeln!(
                err,
                "-: not written: the project would be {} MB, more than the {} MB a project file may have (it could not be opened again); ask for fewer people",
                crate::project_file::megabytes(size),
                crate::project_file::megabytes(crate::project_file::MAX_FILE_SIZE)
            )?;
            return Ok(1);
        }
        out.write_all(text.as_bytes())?;
        out.flush()?;
        return Ok(0);
    }
    if let Err(e) = crate::project_file::save_project(output, &project) {
        writeln!(err, "{e}")?;
        return Ok(1);
    }
    writeln!(
        out,
        "{}: {} people, {} organisations, {} meetings ({} attendees and {} agenda items in the largest), {} commitments",
        shown_path(output),
        size.people,
        size.organisations,
        size.meetings,
        size.attendees,
        size.agenda_items,
        size.commitments
    )?;
    Ok(0)
}
