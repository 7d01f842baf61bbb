use std::fs::{self, File, OpenOptions};
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use super::{ProjectFile, SaveError};
use crate::model::Project;

/// The steps of an atomic save, in order; a test seam can fail any of them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveStep {
    /// Creating the temporary file beside the target.
    CreateTemp,
    /// Writing the text into it.
    Write,
    /// Flushing buffers.
    Flush,
    /// Forcing the data to disk.
    Sync,
    /// Copying the old file's permissions.
    Permissions,
    /// Keeping the previous version as `NAME.ron.bak`.
    Backup,
    /// Renaming the temporary file over the target.
    Rename,
    /// Forcing the rename itself to disk.
    SyncDirectory,
}

impl SaveStep {
    /// Every step, in the order a save runs them.
    pub const ALL: [Self; 8] = [
        Self::CreateTemp,
        Self::Write,
        Self::Flush,
        Self::Sync,
        Self::Permissions,
        Self::Backup,
        Self::Rename,
        Self::SyncDirectory,
    ];
}

impl std::fmt::Display for SaveStep {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::CreateTemp => "creating a temporary file",
            Self::Write => "writing",
            Self::Flush => "flushing",
            Self::Sync => "syncing to disk",
            Self::Permissions => "keeping the file's permissions",
            Self::Backup => "keeping the previous version",
            Self::Rename => "replacing the file",
            Self::SyncDirectory => "syncing the folder",
        })
    }
}

/// The project as pretty RON text in its versioned envelope, ending with a newline.
pub fn to_ron_string(project: &Project) -> Result<String, SaveError> {
    let config = ron::ser::PrettyConfig::new()
        .indentor("  ")
        .new_line("\n")
        .struct_names(false);
    // Serialising a borrowed project needs the envelope to borrow too.
    #[derive(serde::Serialize)]
    enum Envelope<'a> {
        V1(&'a Project),
    }
    // Keep the owned and borrowed envelopes in step: both must name the same variants.
    let _: fn(ProjectFile) = |f| match f {
        ProjectFile::V1(_) => {}
    };
    let mut text = ron::ser::to_string_pretty(&Envelope::V1(project), config)
        .map_err(|e| SaveError::Serialize(e.to_string()))?;
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
    save_project_with(path, project, &mut |_| Ok(()))
}

/// [`save_project`] with a hook called before each step; a hook that returns an error makes
/// that step fail (tests use it to inject faults).
pub fn save_project_with(
    path: &Path,
    project: &Project,
    hook: &mut dyn FnMut(SaveStep) -> io::Result<()>,
) -> Result<(), SaveError> {
    let text = to_ron_string(project)?;
    write_atomically(path, text.as_bytes(), true, hook)
}

static TEMP_COUNTER: AtomicU64 = AtomicU64::new(0);

/// Writes an export atomically: readers see the old file or the new one, never half.
/// Unlike a project save, no `.bak` is kept (an export can be made again).
pub fn write_file_atomically(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    write_atomically(path, bytes, false, &mut |_| Ok(()))
}

fn write_atomically(
    path: &Path,
    bytes: &[u8],
    backup: bool,
    hook: &mut dyn FnMut(SaveStep) -> io::Result<()>,
) -> Result<(), SaveError> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    };
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let n = TEMP_COUNTER.fetch_add(1, Ordering::Relaxed);
    let temp = dir.join(format!(".{name}.{}-{n}.tmp", std::process::id()));

    let mut step = |step: SaveStep, f: &mut dyn FnMut() -> io::Result<()>| {
        hook(step)
            .and_then(|()| f())
            .map_err(|source| SaveError::Io {
                path: path.to_owned(),
                step,
                source,
            })
    };

    let mut file: Option<File> = None;
    let result = (|| {
        step(SaveStep::CreateTemp, &mut || {
            file = Some(
                OpenOptions::new()
                    .write(true)
                    .create_new(true)
                    .open(&temp)?,
            );
            Ok(())
        })?;
        let mut with_file = |s: SaveStep, f: &dyn Fn(&mut File) -> io::Result<()>| {
            step(s, &mut || match file.as_mut() {
                Some(file) => f(file),
                None => Err(io::Error::other("temporary file is not open")),
            })
        };
        with_file(SaveStep::Write, &|f| f.write_all(bytes))?;
        with_file(SaveStep::Flush, &|f| f.flush())?;
        with_file(SaveStep::Sync, &|f| f.sync_all())?;
        with_file(SaveStep::Permissions, &|f| match fs::metadata(path) {
            Ok(meta) => f.set_permissions(meta.permissions()),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(e),
        })?;
        step(SaveStep::Backup, &mut || {
            if backup { keep_backup(path) } else { Ok(()) }
        })?;
        step(SaveStep::Rename, &mut || fs::rename(&temp, path))?;
        Ok(())
    })();
    drop(file);
    if let Err(err) = result {
        // Best effort: the temp file is ours and useless now; the target is untouched.
        let _ = fs::remove_file(&temp);
        return Err(err);
    }
    // The new file is in place; a failed directory sync means the rename might not
    // survive a power cut, which the user should hear about.
    step(SaveStep::SyncDirectory, &mut || sync_dir(&dir))
}

/// Copies the current file to `NAME.bak` through a temp file, so the old backup is only
/// replaced by a complete one.
fn keep_backup(path: &Path) -> io::Result<()> {
    if !path.exists() {
        return Ok(());
    }
    let backup = backup_path(path);
    let temp = backup.with_extension("bak.tmp");
    let result = (|| {
        fs::copy(path, &temp)?;
        File::open(&temp)?.sync_all()?;
        fs::rename(&temp, &backup)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result
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
