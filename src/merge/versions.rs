//! Revisions and the versions kept to merge against.
//!
//! Every save gives a project a fresh revision ([`next_lineage`]) and the app keeps a copy
//! of each version it saved or opened in its data folder ([`VersionStore`], bounded in
//! number and size), named by revision. A copy mailed back later names the revisions it
//! descends from; the nearest one this app kept is the common version of a three-way
//! merge ([`find_base`]).

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use sha2::Digest as _;

use crate::model::{Lineage, Project};
use crate::project_file::{self, SaveError};

/// A fresh revision id: 16 hexadecimal digits from the clock, the process and a counter,
/// hashed. Two saves never share one in practice (64 bits).
pub fn fresh_revision() -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default();
    let mut hash = sha2::Sha256::new();
    hash.update(now.to_le_bytes());
    hash.update(std::process::id().to_le_bytes());
    hash.update(COUNTER.fetch_add(1, Ordering::Relaxed).to_le_bytes());
    hash.update(format!("{:?}", std::thread::current().id()).as_bytes());
    let digest = hash.finalize();
    digest.iter().take(8).map(|b| format!("{b:02x}")).collect()
}

/// The lineage `project` gets when it is saved now: a fresh revision, descending from the
/// one it had and from the versions merged into it since.
pub fn next_lineage(project: &Project) -> Lineage {
    project
        .lineage
        .next(fresh_revision(), &project.merge.merged)
}

/// Whether a revision from a file may name a file in the store: letters, digits and `-`,
/// at most 64 (a hostile file's revision must not become a path).
fn is_safe(revision: &str) -> bool {
    !revision.is_empty()
        && revision.len() <= 64
        && revision
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

/// How many versions the store keeps, newest first.
pub const MAX_VERSIONS: usize = 40;

/// How many bytes of versions the store keeps at most.
pub const MAX_BYTES: u64 = 512 * 1024 * 1024;

/// The versions of projects this app saved or opened, by revision, in a folder of its data
/// folder (`~/.local/share/delegation-planner/versions` on Linux); at most
/// [`MAX_VERSIONS`] and [`MAX_BYTES`], the oldest going first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VersionStore {
    dir: Option<PathBuf>,
    /// How many versions are kept.
    pub max_versions: usize,
    /// How many bytes are kept.
    pub max_bytes: u64,
}

impl Default for VersionStore {
    fn default() -> Self {
        Self::off()
    }
}

impl VersionStore {
    /// The store in the platform's data folder; off when the platform has none.
    pub fn platform() -> Self {
        let dir = directories::ProjectDirs::from("", "", "delegation-planner")
            .map(|dirs| dirs.data_dir().join("versions"));
        Self::with_dir(dir)
    }

    /// A store in `dir` (tests use a temporary folder).
    pub fn in_dir(dir: PathBuf) -> Self {
        Self::with_dir(Some(dir))
    }

    /// No store: merges find a common version only among the projects in memory.
    pub fn off() -> Self {
        Self::with_dir(None)
    }

    fn with_dir(dir: Option<PathBuf>) -> Self {
        Self {
            dir,
            max_versions: MAX_VERSIONS,
            max_bytes: MAX_BYTES,
        }
    }

    /// The folder, when the store is on.
    pub fn dir(&self) -> Option<&Path> {
        self.dir.as_deref()
    }

    fn file_of(&self, revision: &str) -> Option<PathBuf> {
        let dir = self.dir.as_ref()?;
        is_safe(revision).then(|| dir.join(format!("{revision}.ron")))
    }

    /// Whether the version `revision` is kept.
    pub fn has(&self, revision: &str) -> bool {
        self.file_of(revision).is_some_and(|f| f.is_file())
    }

    /// Keeps a copy of the project file `file`, whose revision is `revision` (a save just
    /// made, a file just opened), then forgets the oldest versions beyond the limits. A
    /// version already kept, a store that is off and a file larger than the limit are
    /// left alone.
    pub fn keep_file(&self, revision: &str, file: &Path) -> Result<(), SaveError> {
        let (Some(dir), Some(target)) = (self.dir.as_ref(), self.file_of(revision)) else {
            return Ok(());
        };
        if target.is_file() {
            return Ok(());
        }
        let io = |step, source| SaveError::Io {
            path: target.clone(),
            step,
            source,
        };
        let size = std::fs::metadata(file)
            .map_err(|e| io(project_file::SaveStep::Backup, e))?
            .len();
        if size > self.max_bytes {
            return Ok(());
        }
        std::fs::create_dir_all(dir).map_err(|e| io(project_file::SaveStep::CreateTemp, e))?;
        let bytes = std::fs::read(file).map_err(|e| io(project_file::SaveStep::Backup, e))?;
        project_file::write_copy_atomically(&target, &bytes)?;
        self.prune(&target);
        Ok(())
    }

    /// The version `revision`, if it is kept and still reads.
    pub fn load(&self, revision: &str) -> Option<Project> {
        let file = self.file_of(revision)?;
        if !file.is_file() {
            return None;
        }
        match project_file::read_project(&file) {
            Ok(project) => Some(project),
            Err(err) => {
                log::warn!("a kept version could not be read: {err}");
                None
            }
        }
    }

    /// Forgets the oldest versions beyond the limits, never `keep`.
    fn prune(&self, keep: &Path) {
        let Some(dir) = self.dir.as_ref() else {
            return;
        };
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        let mut files: Vec<(std::time::SystemTime, u64, PathBuf)> = entries
            .flatten()
            .filter(|e| e.path().extension().is_some_and(|x| x == "ron"))
            .filter_map(|e| {
                let meta = e.metadata().ok().filter(std::fs::Metadata::is_file)?;
                Some((meta.modified().ok()?, meta.len(), e.path()))
            })
            .collect();
        // Newest first.
        files.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.2.cmp(&b.2)));
        let mut total = 0u64;
        for (count, (_, size, path)) in files.into_iter().enumerate() {
            total = total.saturating_add(size);
            let over = count >= self.max_versions || total > self.max_bytes;
            if over
                && path != keep
                && let Err(err) = std::fs::remove_file(&path)
            {
                log::warn!("could not forget an old version {}: {err}", path.display());
            }
        }
    }
}

/// The version `ours` and `theirs` both descend from: the nearest revision in theirs'
/// lineage that ours knows and whose content is at hand, among `known` (projects in
/// memory: the file as opened or last saved), `theirs` itself (when ours descends from it)
/// and the store. `None` when there is none: merge two-way.
pub fn find_base(
    ours: &Project,
    theirs: &Project,
    known: &[&Project],
    store: &VersionStore,
) -> Option<Project> {
    for revision in theirs.lineage.line() {
        if !ours.lineage.knows(revision) {
            continue;
        }
        if revision == theirs.lineage.revision {
            return Some(theirs.clone());
        }
        if let Some(project) = known.iter().find(|p| p.lineage.revision == revision) {
            return Some((*project).clone());
        }
        if let Some(project) = store.load(revision) {
            return Some(project);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn saved(project: &Project) -> Project {
        let mut next = project.clone();
        next.lineage = next_lineage(project);
        next.merge.merged.clear();
        next
    }

    #[test]
    fn revisions_are_fresh_and_safe() {
        let (a, b) = (fresh_revision(), fresh_revision());
        assert_ne!(a, b);
        assert_eq!(a.len(), 16);
        assert!(is_safe(&a));
        assert!(!is_safe("../../etc/passwd") && !is_safe("") && !is_safe("a/b"));
    }

    #[test]
    fn the_base_is_the_nearest_version_both_know_and_at_hand() {
        let dir = tempfile::tempdir().unwrap();
        let store = VersionStore::in_dir(dir.path().join("versions"));
        let first = saved(&Project::default());
        let file = dir.path().join("first.ron");
        project_file::save_project(&file, &first).unwrap();
        store.keep_file(&first.lineage.revision, &file).unwrap();
        // Two copies of `first`, each saved twice.
        let mine = saved(&saved(&first));
        let theirs = saved(&saved(&first));
        let base = find_base(&mine, &theirs, &[], &store).unwrap();
        assert_eq!(base.lineage.revision, first.lineage.revision);
        // An older copy of mine: it is the base itself.
        let older = saved(&first);
        let newer = saved(&older);
        assert_eq!(
            find_base(&newer, &older, &[], &VersionStore::off()),
            Some(older.clone())
        );
        // Nothing in common, or the common version nowhere at hand: two-way.
        let stranger = saved(&Project::default());
        assert_eq!(find_base(&mine, &stranger, &[], &store), None);
        assert_eq!(find_base(&mine, &theirs, &[], &VersionStore::off()), None);
        assert!(find_base(&mine, &theirs, &[&first], &VersionStore::off()).is_some());
    }

    #[test]
    fn the_store_keeps_the_newest_versions_within_its_limits() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = VersionStore::in_dir(dir.path().join("versions"));
        store.max_versions = 3;
        let file = dir.path().join("p.ron");
        project_file::save_project(&file, &Project::default()).unwrap();
        let mut revisions = Vec::new();
        for _ in 0..5 {
            let r = fresh_revision();
            store.keep_file(&r, &file).unwrap();
            revisions.push(r);
            // Modification times must tell the versions apart.
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        let kept: Vec<bool> = revisions.iter().map(|r| store.has(r)).collect();
        assert_eq!(kept, [false, false, true, true, true]);
        assert!(store.load(revisions.last().unwrap()).is_some());
        // A hostile revision names no file.
        store.keep_file("../escape", &file).unwrap();
        assert!(!dir.path().join("escape.ron").exists());
    }
}
