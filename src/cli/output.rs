//! Where a command's output goes: `-o FILE`, or `-o -` for standard output. A file is
//! replaced atomically; the project itself, its `.bak`, any other project file, a folder
//! and anything that is not a regular file (a pipe, `/dev/null`, a terminal) are refused
//! with a message and exit code 1 before anything is written.

use std::path::Path;

use super::terminal::shown_path;
use crate::project_file::{OutputRefusal, check_output, write_file_atomically};

/// `-o -`: standard output.
pub(super) fn is_stdout(output: &Path) -> bool {
    output.as_os_str() == "-"
}

/// Checks `output` before any work is done; false after saying why it is refused.
/// `sources` are the project files the output is made from.
pub(super) fn output_allowed(
    output: &Path,
    sources: &[&Path],
    err: &mut dyn std::io::Write,
) -> std::io::Result<bool> {
    if is_stdout(output) {
        return Ok(true);
    }
    match check_output(output, sources) {
        Ok(()) => Ok(true),
        Err(refusal) => {
            let hint = match refusal {
                OutputRefusal::NotAFile(_) => {
                    "; give a file name after -o, or `-o -` for standard output"
                }
                OutputRefusal::TheProject
                | OutputRefusal::TheBackup
                | OutputRefusal::AProject
                | OutputRefusal::TheLock
                | OutputRefusal::ATempFile => "; give another file name after -o",
            };
            writeln!(err, "{}: not written: {refusal}{hint}", shown_path(output))?;
            Ok(false)
        }
    }
}

/// Writes `bytes` to `output` (atomically) or to `out` for `-o -`, and says where it went;
/// exit code 1 with the reason when it fails or is refused.
pub(super) fn write_output(
    output: &Path,
    bytes: &[u8],
    sources: &[&Path],
    out: &mut dyn std::io::Write,
    err: &mut dyn std::io::Write,
) -> std::io::Result<i32> {
    if is_stdout(output) {
        // Standard output carries the file itself: nothing else is printed there.
        out.write_all(bytes)?;
        out.flush()?;
        return Ok(0);
    }
    if !output_allowed(output, sources, err)? {
        return Ok(1);
    }
    if let Err(e) = write_file_atomically(output, bytes) {
        writeln!(err, "{e}")?;
        return Ok(1);
    }
    writeln!(out, "wrote {} ({} bytes)", shown_path(output), bytes.len())?;
    Ok(0)
}
