//! What a project file looked like when the app last read or wrote it, so that a save can
//! tell whether someone else changed (or moved) the file in the meantime.

use std::path::Path;
use std::time::SystemTime;

use serde::{Deserialize, Serialize};
use sha2::Digest as _;

/// Size, modification time and content hash of a file as this app last saw it.
///
/// The hash decides: a file touched or re-synced with the same bytes is not a change,
/// and a change that keeps the size and the (coarse, on shared drives) time still is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fingerprint {
    /// Length in bytes.
    pub size: u64,
    /// Last modification time, when the file system reports one.
    #[serde(default)]
    pub modified: Option<SystemTime>,
    /// SHA-256 of the bytes, in lowercase hex.
    pub sha256: String,
}

impl Fingerprint {
    /// The fingerprint of `bytes` as they were read from, or written to, a file whose
    /// modification time is `modified`.
    pub fn of_bytes(bytes: &[u8], modified: Option<SystemTime>) -> Self {
        Self {
            size: bytes.len() as u64,
            modified,
            sha256: hex_sha256(bytes),
        }
    }

    /// Reads the file at `path` and takes its fingerprint.
    pub fn of_file(path: &Path) -> std::io::Result<Self> {
        let mut file = std::fs::File::open(path)?;
        let modified = file.metadata()?.modified().ok();
        let mut hasher = sha2::Sha256::new();
        let size = std::io::copy(&mut file, &mut hasher)?;
        Ok(Self {
            size,
            modified,
            sha256: hex(&hasher.finalize()),
        })
    }
}

/// How the file on disk compares with the version the app last read or wrote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DiskChange {
    /// Same bytes as before (its time may differ).
    Unchanged,
    /// Different bytes: someone else saved the file.
    Modified {
        /// Its size now.
        size: u64,
        /// When it was changed, when known.
        modified: Option<SystemTime>,
    },
    /// No file there any more: deleted, moved or renamed.
    Missing,
}

/// Compares the file at `path` with what the app last saw of it.
///
/// An error other than "not found" (no permission to read, a dropped network drive) is
/// returned as is: the caller cannot tell whether the file changed.
pub fn check_on_disk(path: &Path, expected: &Fingerprint) -> std::io::Result<DiskChange> {
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(DiskChange::Missing),
        Err(e) => return Err(e),
    };
    if !meta.is_file() {
        return Ok(DiskChange::Missing);
    }
    let modified = meta.modified().ok();
    if meta.len() != expected.size {
        return Ok(DiskChange::Modified {
            size: meta.len(),
            modified,
        });
    }
    // Same size: only the bytes can tell (time stamps are coarse on shared drives).
    let now = match Fingerprint::of_file(path) {
        Ok(now) => now,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(DiskChange::Missing),
        Err(e) => return Err(e),
    };
    if now.sha256 == expected.sha256 {
        Ok(DiskChange::Unchanged)
    } else {
        Ok(DiskChange::Modified {
            size: now.size,
            modified: now.modified,
        })
    }
}

/// SHA-256 of `bytes` in lowercase hex.
pub(crate) fn hex_sha256(bytes: &[u8]) -> String {
    hex(&sha2::Sha256::digest(bytes))
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    bytes.iter().fold(String::with_capacity(64), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_changes_by_content_not_time() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.ron");
        std::fs::write(&path, "one").unwrap();
        let seen = Fingerprint::of_file(&path).unwrap();
        assert_eq!(seen, Fingerprint::of_bytes(b"one", seen.modified));
        assert_eq!(check_on_disk(&path, &seen).unwrap(), DiskChange::Unchanged);

        // Same size, different bytes: a change even if the time did not move.
        std::fs::write(&path, "two").unwrap();
        assert!(matches!(
            check_on_disk(&path, &seen).unwrap(),
            DiskChange::Modified { size: 3, .. }
        ));
        std::fs::write(&path, "three").unwrap();
        assert!(matches!(
            check_on_disk(&path, &seen).unwrap(),
            DiskChange::Modified { size: 5, .. }
        ));
        // Written again with the original bytes: nothing to ask about.
        std::fs::write(&path, "one").unwrap();
        assert_eq!(check_on_disk(&path, &seen).unwrap(), DiskChange::Unchanged);

        std::fs::rename(&path, dir.path().join("moved.ron")).unwrap();
        assert_eq!(check_on_disk(&path, &seen).unwrap(), DiskChange::Missing);
    }

    #[test]
    fn hex_is_lowercase_sha256() {
        assert_eq!(
            hex_sha256(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
