use std::fs::{self, File, OpenOptions};
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use super::{Fingerprint, ProjectFileRef, SaveError};
use crate::model::Project;

/// The steps of an atomic save, in order; a test seam can fail any of them.
///
/// Until [`SaveStep::Rename`] succeeds the file and its `.bak` are exactly as before; a
/// failure in a later step leaves the new version in place ([`SaveError::Incomplete`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveStep {
    /// Creating the temporary file beside the target.
    CreateTemp,
    /// Writing the text into it.
    Write,
    /// Flushing buffers.
    Flush,
    /// Copying the old file's permissions.
    Permissions,
    /// Forcing the data (and the permissions) to disk.
    Sync,
    /// Copying the previous version to a temporary backup beside it.
    Backup,
    /// Renaming the temporary file over the target.
    Rename,
    /// Renaming the temporary backup over `NAME.ron.bak`.
    InstallBackup,
    /// Forcing the renames themselves to disk.
    SyncDirectory,
}

impl SaveStep {
    /// Every step, in the order a save runs them.
    pub const ALL: [Self; 9] = [
        Self::CreateTemp,
        Self::Write,
        Self::Flush,
        Self::Permissions,
        Self::Sync,
        Self::Backup,
        Self::Rename,
        Self::InstallBackup,
        Self::SyncDirectory,
    ];

    /// True when a failure at this step comes after the new version replaced the old one.
    pub fn after_replace(self) -> bool {
        matches!(self, Self::InstallBackup | Self::SyncDirectory)
    }
}

impl std::fmt::Display for SaveStep {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::CreateTemp => "creating a temporary file",
            Self::Write => "writing",
            Self::Flush => "flushing",
            Self::Permissions => "keeping the file's permissions",
            Self::Sync => "syncing to disk",
            Self::Backup => "copying the previous version",
            Self::Rename => "replacing the file",
            Self::InstallBackup => "keeping the previous version as .bak",
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
    let text = to_ron_string(project)?;
    write_atomically(path, text.as_bytes(), true, hook)
}

static TEMP_COUNTER: AtomicU64 = AtomicU64::new(0);

/// Writes an export atomically: readers see the old file or the new one, never half.
/// Unlike a project save, no `.bak` is kept (an export can be made again).
pub fn write_file_atomically(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    write_atomically(path, bytes, false, &mut |_| Ok(())).map(drop)
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
    backup: bool,
    hook: &mut dyn FnMut(SaveStep) -> io::Result<()>,
) -> Result<Fingerprint, SaveError> {
    // Saving through a symbolic link updates the file it points to, not the link.
    let resolved;
    let path = match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => {
            resolved = fs::canonicalize(path).map_err(|source| SaveError::Io {
                path: path.to_owned(),
                step: SaveStep::CreateTemp,
                source,
            })?;
            resolved.as_path()
        }
        _ => path,
    };
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    };
    let temp = temp_beside(&dir, path, "");
    let backup_temp = temp_beside(&dir, path, ".bak");
    let error = |step: SaveStep| {
        move |source| SaveError::Io {
            path: path.to_owned(),
            step,
            source,
        }
    };

    let mut backup_made = false;
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
        run(SaveStep::Permissions, &mut |f| match fs::metadata(path) {
            Ok(meta) => f.set_permissions(meta.permissions()),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(e),
        })?;
        run(SaveStep::Sync, &mut |f| f.sync_all())?;
        drop(file);
        hook(SaveStep::Backup)
            .and_then(|()| {
                if backup && path.exists() {
                    backup_made = true;
                    copy_synced(path, &backup_temp)
                } else {
                    Ok(())
                }
            })
            .map_err(error(SaveStep::Backup))?;
        hook(SaveStep::Rename)
            .and_then(|()| fs::rename(&temp, path))
            .map_err(error(SaveStep::Rename))
    })();
    if let Err(err) = result {
        // Best effort: the temp files are ours and useless now; the target and its
        // backup are untouched.
        let _ = fs::remove_file(&temp);
        if backup_made {
            let _ = fs::remove_file(&backup_temp);
        }
        return Err(err);
    }

    // The new version is in place. What follows can still fail; the user must hear that
    // the save happened, and what did not.
    let modified = fs::metadata(path).and_then(|m| m.modified()).ok();
    let saved = Fingerprint::of_bytes(bytes, modified);
    let incomplete = |step: SaveStep| {
        let saved = saved.clone();
        move |source| SaveError::Incomplete {
            path: path.to_owned(),
            step,
            source,
            saved,
        }
    };
    hook(SaveStep::InstallBackup)
        .and_then(|()| {
            if backup_made {
                fs::rename(&backup_temp, backup_path(path))
            } else {
                Ok(())
            }
        })
        .map_err(|e| {
            let _ = fs::remove_file(&backup_temp);
            incomplete(SaveStep::InstallBackup)(e)
        })?;
    hook(SaveStep::SyncDirectory)
        .and_then(|()| sync_dir(&dir))
        .map_err(incomplete(SaveStep::SyncDirectory))?;
    Ok(saved)
}

/// Copies `from` to the new file `to` (with its permissions) and forces it to disk.
fn copy_synced(from: &Path, to: &Path) -> io::Result<()> {
    fs::copy(from, to)?;
    File::open(to)?.sync_all()
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
