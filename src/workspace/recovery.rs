//! Crash recovery: while a project has unsaved changes, a copy of it is written to the
//! platform's data folder [`DEBOUNCE`] after the last edit, at least every [`INTERVAL`]
//! while edits keep coming, and when the window loses focus; it is removed on a clean save
//! or discard and offered back at the next start. A crash loses at most the last
//! [`INTERVAL`] of work, plus the time the copy takes to write.
//!
//! The copies are files of their own, written atomically like a project, and not entries
//! in eframe's key-value storage: that storage rewrites its one file in place without
//! syncing, so a crash while writing could lose the copy and the settings together.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::model::Project;
use crate::project_file::{self, Fingerprint, ProjectFile, ProjectFileRef, SaveError};

/// The longest an unsaved change waits before it is in a recovery copy, even while the
/// user keeps typing.
pub const INTERVAL: Duration = Duration::from_secs(4);

/// How long after the last edit a copy is written: a burst of typing makes one copy.
pub const DEBOUNCE: Duration = Duration::from_secs(2);

/// How recovery copies are named: `<key>.recovery.ron`.
const SUFFIX: &str = ".recovery.ron";

/// The key of a document that has no file yet.
const UNTITLED: &str = "untitled";

/// Where recovery copies are kept, and when the next one is due.
#[derive(Debug)]
pub struct Recovery {
    /// The folder; `None` turns recovery off (the tests of other features).
    dir: Option<PathBuf>,
    /// The longest an unsaved change waits before it is written to a copy.
    pub interval: Duration,
    /// How long after the last edit a copy is written.
    pub debounce: Duration,
    /// The copy this session wrote last, and the document revision it holds.
    written: Option<(PathBuf, u64)>,
    /// When the oldest change not yet in a copy was first seen.
    pending_since: Option<Instant>,
    /// The revision seen at the last tick, and when it was first seen: the last edit.
    last_change: Option<(u64, Instant)>,
    /// Copies left by earlier sessions and not yet dealt with: never overwritten.
    foreign: BTreeSet<PathBuf>,
    /// Whether the window had focus at the last frame.
    was_focused: Option<bool>,
    /// The last write failure, so that the user hears about it once, not every time.
    last_error: Option<String>,
}

/// What the frame has to do about recovery now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tick {
    /// Nothing (no unsaved change, or the copy is up to date).
    Idle,
    /// Write a copy now.
    WriteNow,
    /// Nothing yet; look again after this long.
    WakeIn(Duration),
}

/// A recovery copy found at start: what it is and when it was written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecoveryEntry {
    /// The recovery copy itself.
    pub file: PathBuf,
    /// The project file the changes belong to; `None` for a project never saved.
    pub original: Option<PathBuf>,
    /// The name the window title showed (`paris.ron`, `Untitled project`).
    pub name: String,
    /// When the copy was written.
    pub written_at: DateTime<Utc>,
    /// The original file as it was when the changes began, to notice a change on disk.
    pub base: Option<Fingerprint>,
    /// The project with the unsaved changes.
    pub project: Project,
}

/// Why a recovery copy could not be written or read.
#[derive(Debug, thiserror::Error)]
pub enum RecoveryError {
    /// The folder for the copies could not be made.
    #[error("could not create the folder for recovery copies ({source}); {}", dir.display())]
    CreateDir {
        /// The folder.
        dir: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// The copy could not be written.
    #[error("{}", describe_write(.0))]
    Write(#[from] SaveError),
    /// The copy could not be turned into text (should not happen).
    #[error("could not write the recovery copy as text ({0})")]
    Serialize(#[from] crate::project_file::WriteError),
    /// The job writing the copy stopped with an internal error.
    #[error("the recovery copy was not written: {0}")]
    Panicked(String),
}

/// What went wrong writing a copy, without the advice meant for saving a project.
fn describe_write(err: &SaveError) -> String {
    match err {
        SaveError::Io { path, step, source }
        | SaveError::Incomplete {
            path, step, source, ..
        } => {
            format!("{step} failed ({source}); {}", path.display())
        }
        SaveError::Serialize(source) => source.to_string(),
        other => other.to_string(),
    }
}

/// A recovery copy on disk, in a versioned envelope like project files.
#[derive(Debug, Deserialize)]
enum RecoveryFile {
    /// Version 1.
    R1(RecoveryCopy),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RecoveryCopy {
    original: Option<PathBuf>,
    name: String,
    written_at: DateTime<Utc>,
    #[serde(default)]
    base: Option<Fingerprint>,
    project: ProjectFile,
}

/// [`RecoveryFile`] borrowing what it writes.
#[derive(Serialize)]
enum RecoveryFileRef<'a> {
    R1(RecoveryCopyRef<'a>),
}

#[derive(Serialize)]
struct RecoveryCopyRef<'a> {
    original: Option<&'a Path>,
    name: &'a str,
    written_at: DateTime<Utc>,
    base: Option<&'a Fingerprint>,
    project: ProjectFileRef<'a>,
}

/// What a copy is made of: the document as the frame sees it.
#[derive(Clone, Copy, Debug)]
pub struct Snapshot<'a> {
    /// The project with its unsaved changes.
    pub project: &'a Project,
    /// Its file, if it has one.
    pub path: Option<&'a Path>,
    /// The name the window title shows.
    pub name: &'a str,
    /// The file as it was when the changes began.
    pub base: Option<&'a Fingerprint>,
    /// The document revision (changes on every edit, undo and redo).
    pub revision: u64,
}

impl Recovery {
    /// Recovery in the platform's data folder (`~/.local/share/delegation-planner/recovery`
    /// on Linux, `%APPDATA%\delegation-planner\data\recovery` on Windows); off when the
    /// platform has none.
    pub fn platform() -> Self {
        let dir = directories::ProjectDirs::from("", "", "delegation-planner")
            .map(|dirs| dirs.data_dir().join("recovery"));
        if dir.is_none() {
            log::warn!("no data folder on this system: recovery copies are off");
        }
        Self::with_dir(dir)
    }

    /// Recovery copies in `dir` (tests use a temporary folder).
    pub fn in_dir(dir: PathBuf) -> Self {
        Self::with_dir(Some(dir))
    }

    /// No recovery copies at all.
    pub fn off() -> Self {
        Self::with_dir(None)
    }

    fn with_dir(dir: Option<PathBuf>) -> Self {
        Self {
            dir,
            interval: INTERVAL,
            debounce: DEBOUNCE,
            written: None,
            pending_since: None,
            last_change: None,
            foreign: BTreeSet::new(),
            was_focused: None,
            last_error: None,
        }
    }

    /// The folder of the copies, when recovery is on.
    pub fn dir(&self) -> Option<&Path> {
        self.dir.as_deref()
    }

    /// The copy this session wrote last, if it is still there.
    pub fn written_file(&self) -> Option<&Path> {
        self.written.as_ref().map(|(file, _)| file.as_path())
    }

    /// Decides, once a frame, whether a copy is due.
    ///
    /// `dirty` and `revision` describe the document; `focused` is the window's focus as
    /// egui reports it (losing it writes a copy at once); `now` is the frame's time.
    pub fn tick(
        &mut self,
        path: Option<&Path>,
        dirty: bool,
        revision: u64,
        focused: Option<bool>,
        now: Instant,
    ) -> Tick {
        let lost_focus = self.was_focused == Some(true) && focused == Some(false);
        if focused.is_some() {
            self.was_focused = focused;
        }
        if self.dir.is_none() || !dirty {
            self.pending_since = None;
            return Tick::Idle;
        }
        let target = self.file_for(path);
        if self
            .written
            .as_ref()
            .is_some_and(|(file, rev)| Some(file) == target.as_ref() && *rev == revision)
        {
            self.pending_since = None;
            return Tick::Idle;
        }
        let since = *self.pending_since.get_or_insert(now);
        let changed_at = match self.last_change {
            Some((seen, at)) if seen == revision => at,
            _ => {
                self.last_change = Some((revision, now));
                now
            }
        };
        let waited = now.saturating_duration_since(since);
        let quiet = now.saturating_duration_since(changed_at);
        if lost_focus || waited >= self.interval || quiet >= self.debounce {
            Tick::WriteNow
        } else {
            Tick::WakeIn(
                self.interval
                    .saturating_sub(waited)
                    .min(self.debounce.saturating_sub(quiet)),
            )
        }
    }

    /// Writes a copy of the document now. On failure the next try is one interval later;
    /// the error is returned only the first time it happens, so the user hears it once.
    pub fn write(&mut self, doc: Snapshot<'_>) -> Result<(), Option<RecoveryError>> {
        let Some(target) = self.target(doc.path) else {
            return Ok(());
        };
        let result = write_copy(&target, &doc);
        self.written_to(target, doc.revision, result)
    }

    /// The file a copy of the document at `path` goes to; `None` when recovery is off.
    /// With [`write_copy`] (on a background job) and [`Self::written_to`], this is
    /// [`Self::write`] in three steps.
    pub fn target(&self, path: Option<&Path>) -> Option<PathBuf> {
        self.file_for(path)
    }

    /// Takes note of a copy of `revision` written (or not) to `target`.
    pub fn written_to(
        &mut self,
        target: PathBuf,
        revision: u64,
        result: Result<(), RecoveryError>,
    ) -> Result<(), Option<RecoveryError>> {
        match result {
            Ok(()) => {
                if let Some((old, _)) = self.written.take()
                    && old != target
                {
                    remove(&old);
                }
                self.written = Some((target, revision));
                self.pending_since = None;
                self.last_error = None;
                Ok(())
            }
            Err(err) => {
                // Try again later, not on every frame.
                let now = Instant::now();
                self.pending_since = Some(now);
                self.last_change = Some((revision, now));
                let text = err.to_string();
                if self.last_error.as_deref() == Some(text.as_str()) {
                    Err(None)
                } else {
                    log::warn!("recovery copy not written: {text}");
                    self.last_error = Some(text);
                    Err(Some(err))
                }
            }
        }
    }
}

/// Writes a copy of `doc` to `target` atomically.
pub fn write_copy(target: &Path, doc: &Snapshot<'_>) -> Result<(), RecoveryError> {
    write_text(target, &copy_text(doc)?)
}

/// The text of a recovery copy of `doc`. The app makes it on the UI thread (the fast
/// writer turns a 100,000-person project into text in about 90 ms, half the time a copy
/// of the project would take) and writes it with [`write_text`] on a job.
pub fn copy_text(doc: &Snapshot<'_>) -> Result<String, RecoveryError> {
    {
        let copy = RecoveryFileRef::R1(RecoveryCopyRef {
            // A path that is not Unicode cannot be written in RON: the copy is then restored
            // as an unsaved project, and Save asks where.
            original: doc.path.filter(|p| p.to_str().is_some()),
            name: doc.name,
            written_at: Utc::now(),
            base: doc.base,
            project: ProjectFileRef::current(doc.project),
        });
        // The fast writer: a recovery copy of a large project is written while the user
        // works, and it writes the same bytes as ron's pretty serializer.
        let mut text = project_file::to_pretty_ron(&copy).map_err(RecoveryError::Serialize)?;
        text.push('\n');
        Ok(text)
    }
}

/// Writes the text of a recovery copy to `target` atomically (its folder made if needed).
pub fn write_text(target: &Path, text: &str) -> Result<(), RecoveryError> {
    {
        if let Some(dir) = target.parent() {
            std::fs::create_dir_all(dir).map_err(|source| RecoveryError::CreateDir {
                dir: dir.to_owned(),
                source,
            })?;
        }
        // The limit of a project applies: a copy too large to read back is no copy.
        project_file::write_copy_atomically(target, text.as_bytes())?;
        Ok(())
    }
}

impl Recovery {
    /// Removes the copy this session wrote: the changes were saved or discarded.
    pub fn discard(&mut self) {
        if let Some((file, _)) = self.written.take() {
            remove(&file);
        }
        self.pending_since = None;
    }

    /// Every copy left by earlier sessions that can be read, oldest first. They are never
    /// overwritten until restored or deleted; one that cannot be read is left alone.
    pub fn scan(&mut self) -> Vec<RecoveryEntry> {
        read_entries(self.claim_foreign())
    }

    /// The copies left by earlier sessions, by name only: cheap, so done at start on the UI
    /// thread, so that no copy of this session can overwrite one before it was offered.
    /// Reading them (whole projects) is [`read_entries`], on a background job.
    pub fn claim_foreign(&mut self) -> Vec<PathBuf> {
        let Some(dir) = &self.dir else {
            return Vec::new();
        };
        let Ok(listing) = std::fs::read_dir(dir) else {
            // No folder yet: nothing was ever left.
            return Vec::new();
        };
        let mut files = Vec::new();
        for item in listing.flatten() {
            let file = item.path();
            let is_copy = file
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.ends_with(SUFFIX) && !n.starts_with('.'));
            if is_copy {
                self.foreign.insert(file.clone());
                files.push(file);
            }
        }
        files
    }

    /// The document, at `revision`, now comes from the copy `file`: it becomes this
    /// session's own.
    pub fn adopt(&mut self, file: &Path, revision: u64) {
        if let Some((old, _)) = self.written.take()
            && old != file
        {
            remove(&old);
        }
        self.foreign.remove(file);
        self.written = Some((file.to_owned(), revision));
        self.pending_since = None;
    }

    /// Deletes a copy left by an earlier session, at the user's word.
    pub fn delete(&mut self, entry: &RecoveryEntry) {
        self.foreign.remove(&entry.file);
        remove(&entry.file);
    }

    /// The copy for a document at `path` (or an unsaved one): named after a hash of the
    /// path, and never one an earlier session left.
    fn file_for(&self, path: Option<&Path>) -> Option<PathBuf> {
        let dir = self.dir.as_ref()?;
        let key = match path {
            Some(path) => {
                let hash = project_file::hex_sha256(path.as_os_str().as_encoded_bytes());
                format!("project-{}", hash.get(..16).unwrap_or(&hash))
            }
            None => UNTITLED.to_owned(),
        };
        (1u32..)
            .map(|n| match n {
                1 => dir.join(format!("{key}{SUFFIX}")),
                n => dir.join(format!("{key}-{n}{SUFFIX}")),
            })
            .find(|file| !self.foreign.contains(file))
    }
}

/// Reads the recovery copies `files` ([`Recovery::claim_foreign`]), oldest first; one that
/// cannot be read is logged and left out.
pub fn read_entries(files: Vec<PathBuf>) -> Vec<RecoveryEntry> {
    let mut entries = Vec::new();
    for file in files {
        match read_entry(&file) {
            Ok(entry) => entries.push(entry),
            Err(err) => log::warn!("recovery copy not offered: {err}"),
        }
    }
    entries.sort_by(|a, b| (a.written_at, &a.file).cmp(&(b.written_at, &b.file)));
    entries
}

/// Reads one recovery copy, as defensively as a project file.
fn read_entry(file: &Path) -> Result<RecoveryEntry, project_file::LoadError> {
    let (bytes, _) = project_file::read_bytes(file)?;
    let RecoveryFile::R1(copy) = project_file::parse_ron::<RecoveryFile>(&bytes, file)?;
    Ok(RecoveryEntry {
        file: file.to_owned(),
        original: copy.original,
        name: copy.name,
        written_at: copy.written_at,
        base: copy.base,
        project: project_file::migrate(copy.project),
    })
}

fn remove(file: &Path) {
    match std::fs::remove_file(file) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        // Left behind, it is offered at the next start: annoying, not harmful.
        Err(e) => log::warn!("could not remove the recovery copy {}: {e}", file.display()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn snapshot<'a>(project: &'a Project, path: Option<&'a Path>, revision: u64) -> Snapshot<'a> {
        Snapshot {
            project,
            path,
            name: "paris.ron",
            base: None,
            revision,
        }
    }

    #[test]
    fn a_copy_is_due_after_a_pause_within_the_interval_and_on_focus_loss() {
        let dir = tempfile::tempdir().unwrap();
        let mut r = Recovery::in_dir(dir.path().to_owned());
        let t0 = Instant::now();
        let s = Duration::from_secs;
        let ms = Duration::from_millis;
        assert_eq!(r.tick(None, false, 0, Some(true), t0), Tick::Idle);
        // The first unsaved change starts both clocks.
        assert_eq!(
            r.tick(None, true, 1, Some(true), t0),
            Tick::WakeIn(DEBOUNCE)
        );
        // Two seconds without an edit: a copy is due.
        assert_eq!(r.tick(None, true, 1, Some(true), t0 + s(2)), Tick::WriteNow);
        let project = Project::default();
        r.write(snapshot(&project, None, 1)).unwrap();
        assert_eq!(r.tick(None, true, 1, Some(true), t0 + s(3)), Tick::Idle);

        // Edits every second: each pushes the pause back, but not the deadline.
        let t1 = t0 + s(10);
        assert_eq!(r.tick(None, true, 2, Some(true), t1), Tick::WakeIn(s(2)));
        assert_eq!(
            r.tick(None, true, 3, Some(true), t1 + s(1)),
            Tick::WakeIn(s(2))
        );
        assert_eq!(
            r.tick(None, true, 4, Some(true), t1 + s(2)),
            Tick::WakeIn(s(2))
        );
        assert_eq!(
            r.tick(None, true, 5, Some(true), t1 + s(3)),
            Tick::WakeIn(s(1)),
            "the deadline is nearer than the pause"
        );
        assert_eq!(
            r.tick(None, true, 6, Some(true), t1 + s(4)),
            Tick::WriteNow,
            "at most {INTERVAL:?} after the first unsaved edit"
        );
        r.write(snapshot(&project, None, 6)).unwrap();

        // A new change, then the window loses focus: written at once.
        let t2 = t0 + s(100);
        assert_eq!(
            r.tick(None, true, 7, Some(true), t2),
            Tick::WakeIn(DEBOUNCE)
        );
        assert_eq!(
            r.tick(None, true, 7, Some(false), t2 + ms(100)),
            Tick::WriteNow
        );
        r.write(snapshot(&project, None, 7)).unwrap();
        // Saved: nothing is due, and discarding removes the copy.
        assert_eq!(r.tick(None, false, 7, Some(false), t2 + s(200)), Tick::Idle);
        let file = r.written_file().unwrap().to_owned();
        assert!(file.exists());
        r.discard();
        assert!(!file.exists());
    }

    #[test]
    fn copies_are_named_by_path_and_survive_a_restart() {
        let dir = tempfile::tempdir().unwrap();
        let mut project = Project::default();
        project.info.title.en = "Paris 巴黎 \u{202E}".into();
        let a = Path::new("/shared/a.ron");
        let mut first = Recovery::in_dir(dir.path().to_owned());
        first.write(snapshot(&project, Some(a), 7)).unwrap();
        first.write(snapshot(&project, None, 8)).unwrap();
        let names: BTreeSet<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        // One copy per session's document: when its key changes, the old copy goes.
        assert_eq!(names.len(), 1, "{names:?}");
        assert!(names.contains("untitled.recovery.ron"), "{names:?}");

        let mut second = Recovery::in_dir(dir.path().to_owned());
        let entries = second.scan();
        assert_eq!(entries.len(), 1);
        let entry = entries.first().unwrap();
        assert_eq!(entry.project, project);
        assert_eq!(entry.name, "paris.ron");
        assert_eq!(entry.original, None);
        // The new session's own unsaved document does not overwrite the old copy.
        second
            .write(snapshot(&Project::default(), None, 1))
            .unwrap();
        assert!(entry.file.exists());
        assert_eq!(second.scan().len(), 2);
        second.delete(entry);
        assert!(!entry.file.exists());
    }

    #[test]
    fn a_broken_copy_is_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let broken = dir.path().join("untitled.recovery.ron");
        std::fs::write(&broken, "R1((name: \"x\"").unwrap();
        let mut r = Recovery::in_dir(dir.path().to_owned());
        assert!(r.scan().is_empty());
        r.write(snapshot(&Project::default(), None, 1)).unwrap();
        assert!(broken.exists(), "never overwritten");
        assert_ne!(r.written_file(), Some(broken.as_path()));
    }

    #[test]
    fn a_failed_write_is_reported_once() {
        let dir = tempfile::tempdir().unwrap();
        let blocker = dir.path().join("file");
        std::fs::write(&blocker, "").unwrap();
        // The "folder" is a file: every write fails.
        let mut r = Recovery::in_dir(blocker.join("recovery"));
        let project = Project::default();
        assert!(matches!(r.write(snapshot(&project, None, 1)), Err(Some(_))));
        assert!(matches!(r.write(snapshot(&project, None, 2)), Err(None)));
    }
}
