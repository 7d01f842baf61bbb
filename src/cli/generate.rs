//! `generate`: a synthetic project of a given size, for trying the app on a large registry.

use std::path::Path;

/// Writes a synthetic project to `output`, which must not exist yet.
pub(super) fn generate(
    people: usize,
    seed: u64,
    output: &Path,
    out: &mut dyn std::io::Write,
    err: &mut dyn std::io::Write,
) -> std::io::Result<i32> {
    if output.exists() {
        writeln!(
            err,
            "{}: already exists; choose another name (generate never replaces a file)",
            output.display()
        )?;
        return Ok(1);
    }
    let size = crate::synthetic::Size::people(people);
    let project = crate::synthetic::generate(size, seed);
    if let Err(e) = crate::project_file::save_project(output, &project) {
        writeln!(err, "{e}")?;
        return Ok(1);
    }
    writeln!(
        out,
        "{}: {} people, {} organisations, {} meetings ({} attendees and {} agenda items in the largest), {} commitments",
        output.display(),
        size.people,
        size.organisations,
        size.meetings,
        size.attendees,
        size.agenda_items,
        size.commitments
    )?;
    Ok(0)
}
