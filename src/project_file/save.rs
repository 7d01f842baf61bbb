use std::fs::{self, File, OpenOptions};
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use super::lock::{self, LOCK_WAIT, LockError, ProjectLock};
use super::{DiskChange, Fingerprint, MAX_FILE_SIZE, ProjectFileRef, SaveError};
use crate::model::Project;

/// The steps of an atomic save, in order; a test seam can fail any of them.
///
/// Until [`SaveStep::Rename`] succeeds the file is exactly as before (and from
/// [`SaveStep::InstallBackup`] on, its `.bak` is a copy of it); a failure in a later step
/// leaves the new version in place ([`SaveError::Incomplete`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveStep {
    /// Taking the lock that keeps other writers of this app out while this one writes.
    Lock,
    /// Creating the temporary file beside the target.
    CreateTemp,
    /// Writing the text into it.
    Write,
    /// Flushing buffers.
    Flush,
    /// Copying the old file's owner, group and permissions.
    Permissions,
    /// Forcing the data (and the permissions) to disk.
    Sync,
    /// Copying the previous version to a temporary backup beside it.
    Backup,
    /// Renaming the temporary backup over `NAME.ron.bak`: the previous version is kept
    /// before anything replaces it.
    InstallBackup,
    /// Renaming the temporary file over the target.
    Rename,
    /// Forcing the renames themselves to disk.
    SyncDirectory,
}

impl SaveStep {
    /// Every step, in the order a save runs them.
    pub const ALL: [Self; 10] = [
        Self::Lock,
        Self::CreateTemp,
        Self::Write,
        Self::Flush,
        Self::Permissions,
        Self::Sync,
        Self::Backup,
        Self::InstallBackup,
        Self::Rename,
        Self::SyncDirectory,
    ];

    /// True when a failure at this step comes after the new version replaced the old one.
    pub fn after_replace(self) -> bool {
        matches!(self, Self::SyncDirectory)
    }
}

impl std::fmt::Display for SaveStep {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::Lock => "taking the lock on the file",
            Self::CreateTemp => "creating a temporary file",
            Self::Write => "writing",
            Self::Flush => "flushing",
            Self::Permissions => "keeping the file's permissions",
            Self::Sync => "syncing to disk",
            Self::Backup => "copying the previous version",
            Self::InstallBackup => "keeping the previous version as .bak",
            Self::Rename => "replacing the file",
            Self::SyncDirectory => "syncing the folder",
        })
    }
}

/// How project files are laid out: two-space indent, one field per line.
pub(crate) fn pretty_config() -> ron::ser::PrettyConfig {
    ron::ser::PrettyConfig::new()
        .indentor("  ")
        .new_line("\n")
        .struct_names(false)
}

/// The project as pretty RON text in its versioned envelope, ending with a newline.
///
/// Written by the fast writer (`src/project_file/writer.rs`), which writes the same bytes
/// as ron's own pretty serializer ([`to_ron_string_reference`]) several times faster.
pub fn to_ron_string(project: &Project) -> Result<String, SaveError> {
    let mut text = super::writer::to_string(&ProjectFileRef::current(project))
        .map_err(|e| SaveError::Serialize(e.into()))?;
    text.push('\n');
    Ok(text)
}

/// [`to_ron_string`] written by ron's own serializer: the reference the fast writer is
/// checked against (tests, benchmarks). The app does not use it.
pub fn to_ron_string_reference(project: &Project) -> Result<String, SaveError> {
    let mut text = ron::ser::to_string_pretty(&ProjectFileRef::current(project), pretty_config())
        .map_err(|e| SaveError::Serialize(e.into()))?;
    text.push('\n');
    Ok(text)
}

/// Where the previous version of `path` is kept: `NAME.ron.bak` beside it.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    path.with_file_name(name)
}

/// How a project save is made: against which version on disk, under whose lock.
#[derive(Clone, Copy, Debug, Default)]
pub struct SaveOptions<'a> {
    /// The file as this writer loaded or last saved it. Just before the rename, under the
    /// lock, the file on disk is compared with it: if someone else changed, moved or
    /// deleted it meanwhile, nothing is replaced ([`SaveError::ChangedOnDisk`]).
    pub expected: Option<&'a Fingerprint>,
    /// The lock the caller already holds on the file (the command line holds it from
    /// loading to saving). Without one, the save takes it, waiting up to [`LOCK_WAIT`].
    pub held: Option<&'a ProjectLock>,
}

/// Saves atomically: the file at `path` is either the old version or the new one, never a
/// mix, even if the machine stops half-way. The previous version is kept as `.bak`.
pub fn save_project(path: &Path, project: &Project) -> Result<(), SaveError> {
    save_project_with(path, project, &mut |_| Ok(())).map(drop)
}

/// [`save_project`] with a hook called before each step; a hook that returns an error makes
/// that step fail (tests use it to inject faults). Returns the fingerprint of the file
/// written, to notice later whether someone else changed it.
pub fn save_project_with(
    path: &Path,
    project: &Project,
    hook: &mut dyn FnMut(SaveStep) -> io::Result<()>,
) -> Result<Fingerprint, SaveError> {
    save_project_checked(path, project, SaveOptions::default(), hook)
}

/// [`save_project_with`], comparing the file on disk with `options.expected` just before
/// replacing it, under the lock the caller holds or the save takes.
pub fn save_project_checked(
    path: &Path,
    project: &Project,
    options: SaveOptions<'_>,
    hook: &mut dyn FnMut(SaveStep) -> io::Result<()>,
) -> Result<Fingerprint, SaveError> {
    let text = to_ron_string(project)?;
    write_atomically(path, text.as_bytes(), Kind::Project(options), hook)
}

/// Writes the text of a copy of a project (a recovery copy) atomically: the same size
/// limit as a project, so that the copy can be read back, but no `.bak` and no lock.
pub fn write_copy_atomically(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    write_atomically(path, bytes, Kind::Copy, &mut |_| Ok(())).map(drop)
}

static TEMP_COUNTER: AtomicU64 = AtomicU64::new(0);

/// Writes an export atomically: readers see the old file or the new one, never half.
/// Unlike a project save, no `.bak` is kept (an export can be made again). A protected
/// file (read-only, immutable, not a regular file) is not replaced.
pub fn write_file_atomically(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    write_atomically(path, bytes, Kind::Export, &mut |_| Ok(())).map(drop)
}

/// What is being written, which decides the lock, the `.bak` and the size limit.
#[derive(Clone, Copy)]
enum Kind<'a> {
    /// A project: locked, compared with what was loaded, kept as `.bak`, size-limited.
    Project(SaveOptions<'a>),
    /// A recovery copy: size-limited only.
    Copy,
    /// An export.
    Export,
}

/// A fresh temporary name beside `target`, hidden and ending in `.tmp`.
fn temp_beside(dir: &Path, target: &Path, what: &str) -> PathBuf {
    let name = target.file_name().unwrap_or_default().to_string_lossy();
    let n = TEMP_COUNTER.fetch_add(1, Ordering::Relaxed);
    dir.join(format!(".{name}{what}.{}-{n}.tmp", std::process::id()))
}

fn write_atomically(
    path: &Path,
    bytes: &[u8],
    kind: Kind<'_>,
    hook: &mut dyn FnMut(SaveStep) -> io::Result<()>,
) -> Result<Fingerprint, SaveError> {
    let io_error = |path: &Path, step: SaveStep| {
        let path = path.to_owned();
        move |source| SaveError::Io { path, step, source }
    };
    // Saving through a symbolic link updates the file it points to, not the link.
    let resolved = lock::resolve(path).map_err(io_error(path, SaveStep::CreateTemp))?;
    let path = resolved.as_path();
    let size = bytes.len() as u64;
    if !matches!(kind, Kind::Export) && size > MAX_FILE_SIZE {
        // Whatever is written must open again: refused before anything is touched.
        return Err(SaveError::TooLarge {
            path: path.to_owned(),
            size,
            max: MAX_FILE_SIZE,
        });
    }

    let options = match kind {
        Kind::Project(options) => Some(options),
        Kind::Copy | Kind::Export => None,
    };
    // Held until the end of the save; `None` when the caller holds one.
    let _lock = match options {
        Some(SaveOptions {
            held: Some(held), ..
        }) if held.covers(path) => None,
        Some(_) => {
            hook(SaveStep::Lock).map_err(io_error(path, SaveStep::Lock))?;
            let lock = ProjectLock::acquire(path, LOCK_WAIT).map_err(|err| match err {
                LockError::Busy { .. } => SaveError::Locked {
                    path: path.to_owned(),
                },
                LockError::Io { source } => io_error(path, SaveStep::Lock)(source),
                planted @ LockError::NotALockFile { .. } => io_error(path, SaveStep::Lock)(
                    io::Error::new(io::ErrorKind::AlreadyExists, planted.to_string()),
                ),
            })?;
            lock::remove_stale_temps(path);
            Some(lock)
        }
        None => None,
    };
    if let Some(protection) =
        lock::protection(path).map_err(io_error(path, SaveStep::CreateTemp))?
    {
        return Err(SaveError::Protected {
            path: path.to_owned(),
            protection,
        });
    }

    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    };
    let temp = temp_beside(&dir, path, "");
    let backup_temp = temp_beside(&dir, path, ".bak");
    let error = |step: SaveStep| io_error(path, step);
    let old = fs::metadata(path).ok();

    let result = (|| {
        hook(SaveStep::CreateTemp).map_err(error(SaveStep::CreateTemp))?;
        let mut file = OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)
            .map_err(error(SaveStep::CreateTemp))?;
        let mut run = |step: SaveStep, f: &mut dyn FnMut(&mut File) -> io::Result<()>| {
            hook(step).and_then(|()| f(&mut file)).map_err(error(step))
        };
        run(SaveStep::Write, &mut |f| f.write_all(bytes))?;
        run(SaveStep::Flush, &mut |f| f.flush())?;
        run(SaveStep::Permissions, &mut |f| match &old {
            Some(old) => keep_owner_and_mode(f, old),
            None => Ok(()),
        })?;
        run(SaveStep::Sync, &mut |f| f.sync_all())?;
        // Taken from the bytes in memory and the temporary file, before any rename: the
        // renames follow each other as closely as they can.
        let modified = file.metadata().and_then(|m| m.modified()).ok();
        drop(file);
        let written = Fingerprint::of_bytes(bytes, modified);

        if let Some(expected) = options.and_then(|o| o.expected) {
            match super::check_on_disk(path, expected) {
                Ok(DiskChange::Unchanged) => {}
                Ok(change) => {
                    return Err(SaveError::ChangedOnDisk {
                        path: path.to_owned(),
                        change,
                    });
                }
                // Cannot tell (no permission to read it, a drive gone): the renames say
                // what is wrong if they fail too.
                Err(err) => log::warn!("could not check {} before saving: {err}", path.display()),
            }
        }

        let backup = options.is_some() && old.is_some();
        hook(SaveStep::Backup)
            .and_then(|()| {
                if backup {
                    copy_synced(path, &backup_temp)
                } else {
                    Ok(())
                }
            })
            .map_err(error(SaveStep::Backup))?;
        // The previous version is in place as `.bak` before the new one replaces it: a
        // crash from here on leaves the old file with its `.bak`, or the new one.
        hook(SaveStep::InstallBackup)
            .and_then(|()| {
                if backup {
                    fs::rename(&backup_temp, backup_path(path))
                } else {
                    Ok(())
                }
            })
            .map_err(error(SaveStep::InstallBackup))?;
        hook(SaveStep::Rename)
            .and_then(|()| fs::rename(&temp, path))
            .map_err(error(SaveStep::Rename))?;
        Ok(written)
    })();
    let written = match result {
        Ok(written) => written,
        Err(err) => {
            // Best effort: the temp files are ours and useless now; the target is
            // untouched.
            remove_if_there(&temp);
            remove_if_there(&backup_temp);
            return Err(err);
        }
    };
    // A rename onto a hard link of the same file does nothing and leaves the source (a
    // `.bak` someone linked to the project).
    remove_if_there(&backup_temp);

    // The new version is in place. What follows can still fail; the user must hear that
    // the save happened, and what did not.
    hook(SaveStep::SyncDirectory)
        .and_then(|()| sync_dir(&dir))
        .map_err(|source| SaveError::Incomplete {
            path: path.to_owned(),
            step: SaveStep::SyncDirectory,
            source,
            saved: written.clone(),
        })?;
    Ok(written)
}

fn remove_if_there(file: &Path) {
    match fs::remove_file(file) {
        Ok(()) => {}
        Err(err) if err.kind() == io::ErrorKind::NotFound => {}
        Err(err) => log::warn!("could not remove {}: {err}", file.display()),
    }
}

/// The previous version of `from` as the new file `to`: a synced copy with its owner,
/// group and mode. A copy, not a hard link: a link would share the file's contents, so an
/// editor writing the project in place would change its backup too.
fn copy_synced(from: &Path, to: &Path) -> io::Result<()> {
    fs::copy(from, to)?;
    let copy = OpenOptions::new().write(true).open(to)?;
    keep_owner_and_mode(&copy, &fs::metadata(from)?)?;
    copy.sync_all()
}

/// Gives `file` the owner, group and mode of `old`, as far as this process may: root
/// keeps the owner, a member of the file's group keeps the group, and anyone keeps the
/// mode.
#[cfg(unix)]
fn keep_owner_and_mode(file: &File, old: &fs::Metadata) -> io::Result<()> {
    use std::os::unix::fs::MetadataExt as _;
    let now = file.metadata()?;
    if (now.uid(), now.gid()) != (old.uid(), old.gid()) {
        let permitted = std::os::unix::fs::fchown(file, Some(old.uid()), Some(old.gid()))
            .or_else(|_| std::os::unix::fs::fchown(file, None, Some(old.gid())));
        if let Err(err) = permitted {
            // Not an error: the process may not give files away.
            log::info!("the saved file keeps its new owner: {err}");
        }
    }
    // After the owner: a change of owner may clear the set-id bits.
    file.set_permissions(old.permissions())
}

#[cfg(not(unix))]
fn keep_owner_and_mode(file: &File, old: &fs::Metadata) -> io::Result<()> {
    file.set_permissions(old.permissions())
}

#[cfg(unix)]
fn sync_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> io::Result<()> {
    // Windows has no directory handles to sync; the rename is durable on NTFS.
    Ok(())
}
