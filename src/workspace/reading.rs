//! Reading files on background jobs: whole files in chunks with progress and Cancel, and a
//! project file read, parsed and checked off the UI thread.

use std::io::Read as _;
use std::path::Path;
use std::time::Instant;

use super::jobs::Progress;
use crate::i18n::Strings;
use crate::model::{Problem, Project, validate};
use crate::project_file::{self, Fingerprint, LoadError, MAX_FILE_SIZE};

/// How much of a file is read between two progress reports.
const CHUNK: usize = 1 << 20;

/// A project file, read and checked.
pub(super) struct Opened {
    pub(super) project: Project,
    pub(super) fingerprint: Fingerprint,
    /// What [`validate`] found.
    pub(super) problems: Vec<Problem>,
}

/// Reads a project file: bytes with progress, then parsing, then validation, all off the
/// UI thread. `None` when cancelled while reading.
pub(super) fn read_and_check(
    path: &Path,
    progress: &Progress,
    t: &'static Strings,
) -> Option<Result<Opened, LoadError>> {
    let start = Instant::now();
    // Temporary files left by a save that was killed half-way go now, if no save runs.
    project_file::tidy_after_crash(path);
    progress.set_phase(t.phase_reading);
    let (bytes, modified) = match read_with_progress(path, progress)? {
        Ok(read) => read,
        Err(err) => return Some(Err(err)),
    };
    let read = start.elapsed();
    progress.set_phase(t.phase_parsing);
    let project = match project_file::parse_project(&bytes, path) {
        Ok(project) => project,
        Err(err) => return Some(Err(err)),
    };
    let parsed = start.elapsed();
    progress.set_phase(t.phase_checking);
    let fingerprint = Fingerprint::of_bytes(&bytes, modified);
    let problems = validate(&project);
    // In the log, so that a slow open in the field can be told apart: disk, parser, checks.
    log::info!(
        "read {} ({} bytes) in the background: read {read:?}, parsed {:?}, checked {:?}",
        path.display(),
        bytes.len(),
        parsed.saturating_sub(read),
        start.elapsed().saturating_sub(parsed)
    );
    Some(Ok(Opened {
        project,
        fingerprint,
        problems,
    }))
}

/// A file read whole (no larger than [`MAX_FILE_SIZE`]) with its modification time.
pub(super) type ReadResult = Result<(Vec<u8>, Option<std::time::SystemTime>), LoadError>;

/// Reads a file whole in chunks, counting bytes done; `None` when cancelled.
pub(super) fn read_with_progress(path: &Path, progress: &Progress) -> Option<ReadResult> {
    let io_error = |source| LoadError::Io {
        path: path.to_owned(),
        source,
    };
    let too_large = |size| LoadError::TooLarge {
        path: path.to_owned(),
        size,
        max: MAX_FILE_SIZE,
    };
    // A pipe or a device is refused at once: reading one could wait for ever.
    let file = match project_file::open_regular(path) {
        Ok(file) => file,
        Err(err) => return Some(Err(err)),
    };
    let meta = match file.metadata() {
        Ok(meta) => meta,
        Err(err) => return Some(Err(io_error(err))),
    };
    if meta.len() > MAX_FILE_SIZE {
        return Some(Err(too_large(meta.len())));
    }
    progress.set_total_bytes(meta.len());
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    // `take` guards against a file that grows while being read.
    let mut reader = file.take(MAX_FILE_SIZE + 1);
    let mut chunk = vec![0; CHUNK];
    loop {
        if progress.is_cancelled() {
            return None;
        }
        match reader.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => {
                bytes.extend_from_slice(chunk.get(..n).unwrap_or_default());
                progress.set_done(bytes.len() as u64);
            }
            Err(err) if err.kind() == std::io::ErrorKind::Interrupted => {}
            Err(err) => return Some(Err(io_error(err))),
        }
    }
    if bytes.len() as u64 > MAX_FILE_SIZE {
        return Some(Err(too_large(bytes.len() as u64)));
    }
    Some(Ok((bytes, meta.modified().ok())))
}

/// Reports `done` steps; false when the user cancelled.
pub(super) fn report(progress: &Progress, done: usize) -> bool {
    progress.set_done(done as u64);
    !progress.is_cancelled()
}

/// `2000` → `2,000`.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn thousands_are_grouped() {
        assert_eq!(super::thousands(7), "7");
        assert_eq!(super::thousands(2000), "2,000");
        assert_eq!(super::thousands(1_234_567), "1,234,567");
    }
}
