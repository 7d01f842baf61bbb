//! One writer at a time: an advisory lock on a project file while it is written, the
//! protections a save respects, and the clean-up of temporary files a killed save left.
//!
//! The lock is taken on a small file beside the project (`.NAME.lock`), never on the
//! project itself: a save replaces the project by renaming a new file over it, and a lock
//! on the old file would not stop a second writer that opened the new one. The lock is
//! the system's (`flock` on Unix, `LockFileEx` on Windows), so it goes with the process
//! that held it: a lock left by a process that died is simply taken over.

use std::fs::{self, File, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// How long a save waits for another program's save of the same file before giving up.
pub const LOCK_WAIT: Duration = Duration::from_secs(15);

/// How often a waiting writer tries the lock again.
const RETRY_EVERY: Duration = Duration::from_millis(20);

/// An exclusive, advisory lock on a project file; released (and its lock file removed)
/// when dropped. Every writer of this app takes it: the app's saves, and the command line
/// from loading a project to saving it.
#[derive(Debug)]
pub struct ProjectLock {
    /// The open lock file; closing it releases the lock.
    file: Option<File>,
    /// Where the lock file is.
    lock_path: PathBuf,
    /// The project file it protects (symbolic links resolved).
    target: PathBuf,
}

/// Why the lock could not be taken.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    /// Another program held it for longer than the wait.
    #[error("another program is writing this file and kept it locked for {} s", waited.as_secs())]
    Busy {
        /// How long this one waited.
        waited: Duration,
    },
    /// Something other than a lock file of this app stands at the lock file's name: a
    /// symbolic link (which, followed, would make the app create or lock a file elsewhere),
    /// a folder, a pipe. This app never makes one; it is left alone and nothing is written.
    #[error(
        "{} is {what}, not a lock file of this app; nothing was written. Remove it, then try again",
        path.display()
    )]
    NotALockFile {
        /// The lock file's path.
        path: PathBuf,
        /// What stands there.
        what: LockFileKind,
    },
    /// The lock file could not be made or opened (a read-only folder, a network error).
    #[error("{source}")]
    Io {
        /// What the system said.
        #[from]
        source: io::Error,
    },
}

impl ProjectLock {
    /// Takes the lock on `path`, waiting up to `wait` for another writer to finish.
    pub fn acquire(path: &Path, wait: Duration) -> Result<Self, LockError> {
        let target = resolve(path)?;
        let lock_path = lock_path_for(&target);
        let deadline = Instant::now() + wait;
        let started = Instant::now();
        loop {
            let file = open_lock_file(&lock_path)?;
            if let Some(what) = not_a_lock_file(&file, &lock_path) {
                return Err(LockError::NotALockFile {
                    path: lock_path,
                    what,
                });
            }
            match file.try_lock() {
                Ok(()) => {
                    // The holder before us removes the lock file as it leaves: a lock on
                    // a file no longer at that path protects nothing, so start again.
                    if same_file(&file, &lock_path) {
                        return Ok(Self {
                            file: Some(file),
                            lock_path,
                            target,
                        });
                    }
                }
                Err(fs::TryLockError::WouldBlock) => {
                    if Instant::now() >= deadline {
                        return Err(LockError::Busy {
                            waited: started.elapsed(),
                        });
                    }
                    std::thread::sleep(RETRY_EVERY);
                }
                Err(fs::TryLockError::Error(err)) if err.kind() == io::ErrorKind::Unsupported => {
                    // Some network file systems have no locks: write without one rather
                    // than not at all; the fingerprint check still sees another writer.
                    log::warn!(
                        "no file locks on this file system ({err}); saving {} without one",
                        target.display()
                    );
                    return Ok(Self {
                        file: None,
                        lock_path,
                        target,
                    });
                }
                Err(fs::TryLockError::Error(err)) => return Err(LockError::Io { source: err }),
            }
        }
    }

    /// Takes the lock only if nobody holds it now; `None` when someone does (or when it
    /// cannot be taken at all).
    pub fn try_acquire(path: &Path) -> Option<Self> {
        Self::acquire(path, Duration::ZERO).ok()
    }

    /// The project file the lock protects, symbolic links resolved.
    pub fn target(&self) -> &Path {
        &self.target
    }

    /// Removes the temporary files that saves of this file killed half-way left beside it;
    /// returns how many.
    pub fn remove_stale_temps(&self) -> usize {
        remove_stale_temps(&self.target)
    }

    /// Whether this lock protects the file at `path`.
    pub fn covers(&self, path: &Path) -> bool {
        resolve(path).is_ok_and(|p| p == self.target)
    }
}

impl Drop for ProjectLock {
    fn drop(&mut self) {
        if let Some(file) = self.file.take() {
            // Removed while still locked, so that nobody can lock this file after we
            // leave and believe it still guards the project (see `acquire`).
            if same_file(&file, &self.lock_path)
                && let Err(err) = fs::remove_file(&self.lock_path)
                && err.kind() != io::ErrorKind::NotFound
            {
                log::debug!("lock file {} left: {err}", self.lock_path.display());
            }
            drop(file);
        }
    }
}

/// Opens (or makes) the lock file. A lock file left by another user that this one may
/// not write can still be locked through a read-only handle.
///
/// A symbolic link at the lock file's name is never followed: opened with `O_CREAT`, a
/// dangling one would make the app create the file it points to, anywhere this user may
/// write. On Linux the open itself refuses it (`O_NOFOLLOW`), and does not wait should a
/// pipe stand there (`O_NONBLOCK`); elsewhere the name is looked at first, and
/// [`not_a_lock_file`] checks what was opened in every case.
fn open_lock_file(lock_path: &Path) -> Result<File, LockError> {
    if let Some(what) = LockFileKind::at(lock_path) {
        return Err(LockError::NotALockFile {
            path: lock_path.to_owned(),
            what,
        });
    }
    let opened = match guarded(OpenOptions::new().read(true).write(true).create(true))
        .truncate(false)
        .open(lock_path)
    {
        Ok(file) => Ok(file),
        Err(err) if err.kind() == io::ErrorKind::PermissionDenied && lock_path.exists() => {
            guarded(OpenOptions::new().read(true)).open(lock_path)
        }
        Err(err) => Err(err),
    };
    opened.map_err(|source| match LockFileKind::at(lock_path) {
        // Put there between the look and the open (`ELOOP` from `O_NOFOLLOW`).
        Some(what) => LockError::NotALockFile {
            path: lock_path.to_owned(),
            what,
        },
        None => LockError::Io { source },
    })
}

/// `options` with the flags that keep an open of the lock file from following a link or
/// waiting on a pipe, where the system has them.
fn guarded(options: &mut OpenOptions) -> &mut OpenOptions {
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        let flags = rustix::fs::OFlags::NOFOLLOW | rustix::fs::OFlags::NONBLOCK;
        options.custom_flags(flags.bits() as i32);
    }
    options
}

/// What stands at a lock file's name when it is not a lock file this app could have made.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LockFileKind {
    /// A symbolic link (dangling or not).
    SymbolicLink,
    /// A folder, a pipe, a device or a socket.
    Node(NodeKind),
}

impl LockFileKind {
    /// What is at `path`, when it is not a regular file (nothing there is fine).
    fn at(path: &Path) -> Option<Self> {
        let meta = fs::symlink_metadata(path).ok()?;
        let kind = meta.file_type();
        if kind.is_symlink() {
            Some(Self::SymbolicLink)
        } else if kind.is_file() {
            None
        } else {
            Some(Self::Node(NodeKind::of(kind)))
        }
    }
}

impl std::fmt::Display for LockFileKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::SymbolicLink => f.write_str("a symbolic link"),
            Self::Node(kind) => std::fmt::Display::fmt(kind, f),
        }
    }
}

/// Whether the open `file` is something else than a regular file at `lock_path` itself
/// (a link swapped in after the open, a pipe), and what.
fn not_a_lock_file(file: &File, lock_path: &Path) -> Option<LockFileKind> {
    if let Some(what) = LockFileKind::at(lock_path) {
        return Some(what);
    }
    match file.metadata() {
        Ok(meta) if !meta.is_file() => Some(LockFileKind::Node(NodeKind::of(meta.file_type()))),
        _ => None,
    }
}

/// `.NAME.lock` beside the project.
fn lock_path_for(target: &Path) -> PathBuf {
    let name = target.file_name().unwrap_or_default().to_string_lossy();
    target.with_file_name(format!(".{name}.lock"))
}

/// The file a save really writes: through a symbolic link, the file it points to.
pub(crate) fn resolve(path: &Path) -> io::Result<PathBuf> {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => fs::canonicalize(path),
        _ => Ok(path.to_owned()),
    }
}

/// Whether the open `file` is still the one at `path`.
#[cfg(unix)]
fn same_file(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt as _;
    // The name itself, not what a link there points to.
    match (file.metadata(), fs::symlink_metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_file: &File, path: &Path) -> bool {
    // Windows does not let an open file be removed: the path is still ours.
    path.exists()
}

/// What a path is when it is not a regular file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NodeKind {
    /// A folder.
    Folder,
    /// A named pipe (FIFO): reading it waits for a writer, writing it for a reader.
    Fifo,
    /// A device (`/dev/null`, a terminal, a disk).
    Device,
    /// A socket.
    Socket,
    /// Anything else the system has.
    Other,
}

impl NodeKind {
    /// What `file_type` is, for a path that is not a regular file.
    pub fn of(file_type: fs::FileType) -> Self {
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileTypeExt as _;
            if file_type.is_fifo() {
                return Self::Fifo;
            }
            if file_type.is_char_device() || file_type.is_block_device() {
                return Self::Device;
            }
            if file_type.is_socket() {
                return Self::Socket;
            }
        }
        if file_type.is_dir() {
            Self::Folder
        } else {
            Self::Other
        }
    }
}

impl std::fmt::Display for NodeKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::Folder => "a folder",
            Self::Fifo => "a named pipe (FIFO)",
            Self::Device => "a device",
            Self::Socket => "a socket",
            Self::Other => "not a regular file",
        })
    }
}

/// Why a file may not be written, whoever asks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Protection {
    /// Its owner may not write it (`chmod a-w`, "read-only" on Windows).
    ReadOnly,
    /// The system marks it immutable or append-only (`chattr +i`, `+a`).
    Immutable,
    /// It is not a regular file: a folder, a device, a pipe, a socket.
    NotAFile(NodeKind),
}

impl std::fmt::Display for Protection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::ReadOnly => "the file is read-only (its owner may not write it)",
            Self::Immutable => "the file is marked immutable or append-only by the system",
            Self::NotAFile(_) => "this is not a regular file",
        })
    }
}

/// What protects the existing file at `path` from being replaced, if anything. Root could
/// write it anyway (and a save renames a new file over it, which its mode does not stop):
/// the file's own word is respected instead.
pub fn protection(path: &Path) -> io::Result<Option<Protection>> {
    let meta = match fs::metadata(path) {
        Ok(meta) => meta,
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(err) => return Err(err),
    };
    if !meta.is_file() {
        return Ok(Some(Protection::NotAFile(NodeKind::of(meta.file_type()))));
    }
    if owner_may_not_write(&meta) {
        return Ok(Some(Protection::ReadOnly));
    }
    if is_immutable(path) {
        return Ok(Some(Protection::Immutable));
    }
    Ok(None)
}

#[cfg(unix)]
fn owner_may_not_write(meta: &fs::Metadata) -> bool {
    use std::os::unix::fs::PermissionsExt as _;
    meta.permissions().mode() & 0o200 == 0
}

#[cfg(not(unix))]
fn owner_may_not_write(meta: &fs::Metadata) -> bool {
    meta.permissions().readonly()
}

/// `chattr +i` or `+a`: even root may not replace the file (the rename would fail half-way
/// through a save, after the backup was made).
#[cfg(target_os = "linux")]
fn is_immutable(path: &Path) -> bool {
    use rustix::fs::IFlags;
    let Ok(file) = File::open(path) else {
        return false;
    };
    // File systems without these flags (tmpfs, network drives) answer with an error.
    rustix::fs::ioctl_getflags(&file)
        .is_ok_and(|flags| flags.intersects(IFlags::IMMUTABLE | IFlags::APPEND))
}

#[cfg(not(target_os = "linux"))]
fn is_immutable(_path: &Path) -> bool {
    false
}

/// Removes the temporary files that a save of `target` killed half-way left beside it
/// (`.NAME.PID-N.tmp`, `.NAME.bak.PID-N.tmp`), and nothing else. Called with the lock
/// held, so no save of this file is running. Returns how many were removed.
pub(crate) fn remove_stale_temps(target: &Path) -> usize {
    let (Some(dir), Some(name)) = (target.parent(), target.file_name()) else {
        return 0;
    };
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let name = name.to_string_lossy();
    let Ok(listing) = fs::read_dir(dir) else {
        return 0;
    };
    let mut removed = 0;
    for entry in listing.flatten() {
        let file_name = entry.file_name();
        let Some(file_name) = file_name.to_str() else {
            continue;
        };
        if !is_temp_of(file_name, &name) {
            continue;
        }
        // Only files: a folder of that name is not ours.
        if entry.file_type().is_ok_and(|t| t.is_file()) {
            match fs::remove_file(entry.path()) {
                Ok(()) => {
                    log::info!("removed {file_name}, left by a save that did not finish");
                    removed += 1;
                }
                Err(err) => log::warn!("could not remove {file_name}: {err}"),
            }
        }
    }
    removed
}

/// Removes the temporary files a killed save of `path` left, if no save of it runs now
/// (an open does this; it never waits for the lock).
pub fn tidy_after_crash(path: &Path) -> usize {
    match ProjectLock::try_acquire(path) {
        Some(lock) => remove_stale_temps(lock.target()),
        None => 0,
    }
}

/// Whether `file_name` is a temporary file of a save of `name`: `.NAME.PID-N.tmp` or
/// `.NAME.bak.PID-N.tmp`, with PID and N in digits.
pub(crate) fn is_temp_of(file_name: &str, name: &str) -> bool {
    let Some(rest) = file_name
        .strip_prefix('.')
        .and_then(|r| r.strip_prefix(name))
        .and_then(|r| r.strip_prefix('.'))
        .and_then(|r| r.strip_suffix(".tmp"))
    else {
        return false;
    };
    let rest = rest.strip_prefix("bak.").unwrap_or(rest);
    let Some((pid, n)) = rest.split_once('-') else {
        return false;
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    digits(pid) && digits(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temp_names_of_a_project_and_nothing_else() {
        assert!(is_temp_of(".p.ron.123-0.tmp", "p.ron"));
        assert!(is_temp_of(".p.ron.bak.123-45.tmp", "p.ron"));
        assert!(!is_temp_of(".p.ron.lock", "p.ron"));
        assert!(!is_temp_of(".p.ron.x-0.tmp", "p.ron"));
        assert!(!is_temp_of(".p.ron.1-.tmp", "p.ron"));
        assert!(!is_temp_of(".other.ron.1-2.tmp", "p.ron"));
        assert!(!is_temp_of("p.ron.1-2.tmp", "p.ron"));
        assert!(!is_temp_of(".p.ron.1-2.tmp.keep", "p.ron"));
        assert!(!is_temp_of(".p.ronx.1-2.tmp", "p.ron"));
    }

    #[test]
    fn stale_temps_go_and_everything_else_stays() {
        let dir = tempfile::tempdir().unwrap();
        let project = dir.path().join("p.ron");
        std::fs::write(&project, "V1(())").unwrap();
        for name in [".p.ron.99-0.tmp", ".p.ron.bak.99-1.tmp"] {
            std::fs::write(dir.path().join(name), "x").unwrap();
        }
        let keep = [
            ".q.ron.99-0.tmp",
            "notes.tmp",
            ".p.ron.mine.tmp",
            "p.ron.bak",
        ];
        for name in keep {
            std::fs::write(dir.path().join(name), "x").unwrap();
        }
        std::fs::create_dir(dir.path().join(".p.ron.7-7.tmp")).unwrap();
        assert_eq!(tidy_after_crash(&project), 2);
        for name in keep {
            assert!(dir.path().join(name).exists(), "{name}");
        }
        assert!(dir.path().join(".p.ron.7-7.tmp").is_dir());
        assert!(
            !dir.path().join(".p.ron.lock").exists(),
            "lock file removed"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_link_or_a_pipe_planted_as_the_lock_file_is_never_followed() {
        let dir = tempfile::tempdir().unwrap();
        let project = dir.path().join("p.ron");
        std::fs::write(&project, "V4(())").unwrap();
        let lock = dir.path().join(".p.ron.lock");
        // A dangling link: following it would create the file it names.
        let target = dir.path().join("created-by-the-app");
        std::os::unix::fs::symlink(&target, &lock).unwrap();
        let err = ProjectLock::acquire(&project, Duration::ZERO).unwrap_err();
        assert!(
            matches!(
                err,
                LockError::NotALockFile {
                    what: LockFileKind::SymbolicLink,
                    ..
                }
            ),
            "{err:?}"
        );
        assert!(
            err.to_string().contains("a symbolic link") && err.to_string().contains("Remove it")
        );
        assert!(!target.exists(), "nothing made where the link points");
        assert!(
            std::fs::symlink_metadata(&lock).unwrap().is_symlink(),
            "left alone"
        );
        // A save refuses too, and leaves the project as it was.
        let sample = crate::samples::ccaa_afnor().unwrap();
        let err = crate::project_file::save_project(&project, &sample).unwrap_err();
        assert!(err.to_string().contains("a symbolic link"), "{err}");
        assert_eq!(std::fs::read_to_string(&project).unwrap(), "V4(())");
        assert!(!target.exists());
        // A link to a file that exists: not locked, not changed.
        std::fs::write(&target, "someone's file").unwrap();
        assert!(ProjectLock::acquire(&project, Duration::ZERO).is_err());
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "someone's file");
        // A pipe: refused at once, never waited on.
        std::fs::remove_file(&lock).unwrap();
        let made = std::process::Command::new("mkfifo")
            .arg(&lock)
            .status()
            .unwrap();
        assert!(made.success());
        let started = Instant::now();
        let err = ProjectLock::acquire(&project, Duration::ZERO).unwrap_err();
        assert!(
            matches!(
                err,
                LockError::NotALockFile {
                    what: LockFileKind::Node(NodeKind::Fifo),
                    ..
                }
            ),
            "{err:?}"
        );
        assert!(started.elapsed() < Duration::from_secs(2));
        // Gone: the lock works again.
        std::fs::remove_file(&lock).unwrap();
        drop(ProjectLock::acquire(&project, Duration::ZERO).unwrap());
        assert!(!lock.exists());
    }

    #[test]
    fn a_second_writer_waits_and_then_gets_the_lock() {
        let dir = tempfile::tempdir().unwrap();
        let project = dir.path().join("p.ron");
        let first = ProjectLock::acquire(&project, Duration::ZERO).unwrap();
        assert!(matches!(
            ProjectLock::acquire(&project, Duration::from_millis(50)),
            Err(LockError::Busy { .. })
        ));
        assert!(tidy_after_crash(&project) == 0);
        let waiter = std::thread::spawn(move || {
            ProjectLock::acquire(&project, Duration::from_secs(5)).map(|l| l.target().to_owned())
        });
        std::thread::sleep(Duration::from_millis(100));
        drop(first);
        assert!(waiter.join().unwrap().is_ok());
    }
}
