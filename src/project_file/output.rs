//! Where an export may be written. A user who types the project's own name after `-o`,
//! or picks it in a save dialog, must not lose the project to a Markdown file: the project,
//! its `.bak`, its lock file and the temporary files of its saves, any other project file
//! of this app (and its lock and temporary files), a folder and anything that is not a
//! regular file (a pipe, a device such as `/dev/null`, a socket) are refused before
//! anything is rendered or written.

use std::io::Read as _;
use std::path::{Path, PathBuf};

use super::NodeKind;

/// How much of an existing file is read to tell whether it is a project.
const SNIFF_BYTES: u64 = 64 * 1024;

/// Why an export may not be written to a path.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum OutputRefusal {
    /// The path is the project being exported (or a link to it).
    #[error("this is the project file itself; an export would replace the project")]
    TheProject,
    /// The path is the backup of the project being exported.
    #[error("this is the backup of the project (.bak); an export would replace it")]
    TheBackup,
    /// The path holds a project (or a recovery copy) of this app.
    #[error("this is a Delegation Planner project file; an export would replace it")]
    AProject,
    /// The path is the lock file of a project (`.NAME.lock`): replaced, it no longer
    /// keeps a second writer out while another program holds it.
    #[error(
        "this is the lock file of a project (.NAME.lock); an export would replace it while another program may hold it"
    )]
    TheLock,
    /// The path is named as a temporary file of a project's save (`.NAME.PID-N.tmp`),
    /// which the next save of that project deletes.
    #[error(
        "this is named as a temporary file of a project's save; the next save of the project would delete it"
    )]
    ATempFile,
    /// The path is a folder, a pipe, a device or a socket.
    #[error("this is {0}, not a regular file")]
    NotAFile(NodeKind),
}

/// Checks that an export may be written to `output` without destroying one of `sources`
/// (the project files it was made from), their backups, another project, or something that
/// is not a regular file. A path that does not exist yet is fine unless it is a backup's.
pub fn check_output(output: &Path, sources: &[&Path]) -> Result<(), OutputRefusal> {
    let backups: Vec<PathBuf> = sources.iter().map(|s| super::backup_path(s)).collect();
    // By name first, whether the file is there or not: the lock file comes and goes with
    // each save, and a temporary file is deleted by the next one.
    if let Some(refusal) = project_side_file(output, sources) {
        return Err(refusal);
    }
    let meta = match std::fs::metadata(output) {
        Ok(meta) => meta,
        Err(_) => {
            // Not there (or not reachable, which the write will report): only the name
            // of a backup that does not exist yet is refused.
            let target = absolute(output);
            if backups.iter().any(|b| absolute(b) == target) {
                return Err(OutputRefusal::TheBackup);
            }
            return Ok(());
        }
    };
    if !meta.is_file() {
        return Err(OutputRefusal::NotAFile(NodeKind::of(meta.file_type())));
    }
    if sources.iter().any(|s| same_file(output, s)) {
        return Err(OutputRefusal::TheProject);
    }
    if backups.iter().any(|b| same_file(output, b)) {
        return Err(OutputRefusal::TheBackup);
    }
    if is_project(output) {
        return Err(OutputRefusal::AProject);
    }
    Ok(())
}

/// Whether `output` is named as the lock file (`.NAME.lock`) or a temporary file of a
/// save (`.NAME.PID-N.tmp`, `.NAME.bak.PID-N.tmp`) of a project: one of `sources`, or a
/// file beside it that is a project.
fn project_side_file(output: &Path, sources: &[&Path]) -> Option<OutputRefusal> {
    let name = output.file_name()?.to_str()?;
    let hidden = name.strip_prefix('.')?;
    let (owner, refusal) = if let Some(owner) = hidden.strip_suffix(".lock") {
        (owner.to_owned(), OutputRefusal::TheLock)
    } else {
        let stem = hidden.strip_suffix(".tmp")?;
        let (owner, _) = stem.rsplit_once('.')?;
        // `.p.ron.bak.1-2.tmp` is a temporary file of `p.ron` (its backup being made).
        let owner = owner.strip_suffix(".bak").unwrap_or(owner);
        if !super::lock::is_temp_of(name, owner) {
            return None;
        }
        (owner.to_owned(), OutputRefusal::ATempFile)
    };
    if owner.is_empty() {
        return None;
    }
    let folder = absolute(output).parent().map(Path::to_owned)?;
    let candidate = folder.join(&owner);
    // A project's lock and temporary files sit beside the file its links lead to.
    let is_source = sources.iter().any(|source| {
        let resolved = super::lock::resolve(source).unwrap_or_else(|_| source.to_path_buf());
        [source.to_path_buf(), resolved]
            .iter()
            .any(|s| absolute(s) == candidate)
    });
    (is_source || is_project(&candidate)).then_some(refusal)
}

/// Whether `path` is a regular file that starts like a project (or a recovery copy).
fn is_project(path: &Path) -> bool {
    // A file that cannot be read is not known to be a project; the write says why it
    // fails, if it does. A pipe is never opened.
    let Ok(file) = super::load::open_regular(path) else {
        return false;
    };
    let mut head = Vec::new();
    let _ = file.take(SNIFF_BYTES).read_to_end(&mut head);
    super::load::looks_like_project(&head)
}

/// Checks where a merge of `ours` with other copies (`others`: the common version, theirs)
/// may be written. Exactly one project may be replaced: `ours` itself, which a git merge
/// driver (`merge %O %A %B -o %A`) asks for; anything else is checked as an export made
/// from all three is (never another project, a backup, a folder or a device).
pub fn check_merge_output(
    output: &Path,
    ours: &Path,
    others: &[&Path],
) -> Result<(), OutputRefusal> {
    if output.is_file() && same_file(output, ours) {
        return Ok(());
    }
    let mut sources = vec![ours];
    sources.extend_from_slice(others);
    check_output(output, &sources)
}

/// `path` made absolute with its folder's links resolved, for comparing names of files
/// that may not exist.
fn absolute(path: &Path) -> PathBuf {
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let parent = std::fs::canonicalize(parent).unwrap_or_else(|_| parent.to_owned());
    parent.join(path.file_name().unwrap_or_default())
}

/// Whether `a` and `b` are the same file (through links, `..` or hard links).
#[cfg(unix)]
fn same_file(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt as _;
    match (std::fs::metadata(a), std::fs::metadata(b)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_class_of_output_path() {
        let dir = tempfile::tempdir().unwrap();
        let project = dir.path().join("p.ron");
        std::fs::write(&project, "// a project\nV1((info: ()))").unwrap();
        let other = dir.path().join("other.ron");
        std::fs::write(&other, "\u{FEFF}  R1((name: \"x\"))").unwrap();
        let report = dir.path().join("report.md");
        std::fs::write(&report, "# An older report\n").unwrap();
        let sources = [project.as_path()];

        assert_eq!(
            check_output(&project, &sources),
            Err(OutputRefusal::TheProject)
        );
        let dotted = dir.path().join(".").join("p.ron");
        assert_eq!(
            check_output(&dotted, &sources),
            Err(OutputRefusal::TheProject)
        );
        assert_eq!(
            check_output(&dir.path().join("p.ron.bak"), &sources),
            Err(OutputRefusal::TheBackup),
            "even before the backup exists"
        );
        assert_eq!(check_output(&other, &sources), Err(OutputRefusal::AProject));
        assert_eq!(
            check_output(dir.path(), &sources),
            Err(OutputRefusal::NotAFile(NodeKind::Folder))
        );
        assert_eq!(check_output(&report, &sources), Ok(()));
        assert_eq!(check_output(&dir.path().join("new.md"), &sources), Ok(()));
        #[cfg(unix)]
        {
            assert_eq!(
                check_output(Path::new("/dev/null"), &sources),
                Err(OutputRefusal::NotAFile(NodeKind::Device))
            );
            let link = dir.path().join("link.md");
            std::os::unix::fs::symlink(&project, &link).unwrap();
            assert_eq!(
                check_output(&link, &sources),
                Err(OutputRefusal::TheProject)
            );
            let hard = dir.path().join("hard.md");
            std::fs::hard_link(&project, &hard).unwrap();
            assert_eq!(
                check_output(&hard, &sources),
                Err(OutputRefusal::TheProject)
            );
        }
    }

    #[test]
    fn lock_and_temporary_files_of_a_project_are_never_outputs() {
        let dir = tempfile::tempdir().unwrap();
        let project = dir.path().join("p.ron");
        std::fs::write(&project, "V4((info: ()))").unwrap();
        let other = dir.path().join("other.ron");
        std::fs::write(&other, "V4((info: ()))").unwrap();
        std::fs::write(dir.path().join("notes.txt"), "not a project").unwrap();
        let sources = [project.as_path()];
        let at = |name: &str| dir.path().join(name);
        for (name, refusal) in [
            // The project's lock file, whether a save holds it now or not.
            (".p.ron.lock", OutputRefusal::TheLock),
            // Another project's, beside it.
            (".other.ron.lock", OutputRefusal::TheLock),
            // Named as a save's temporary file, which the next save deletes.
            (".p.ron.4242-0.tmp", OutputRefusal::ATempFile),
            (".p.ron.bak.4242-17.tmp", OutputRefusal::ATempFile),
            (".other.ron.1-2.tmp", OutputRefusal::ATempFile),
        ] {
            assert_eq!(check_output(&at(name), &sources), Err(refusal), "{name}");
        }
        std::fs::write(at(".p.ron.lock"), "").unwrap();
        assert_eq!(
            check_output(&at(".p.ron.lock"), &sources),
            Err(OutputRefusal::TheLock),
            "there or not"
        );
        // The same names for files that are no project are anyone's.
        for name in [
            ".notes.txt.lock",
            ".missing.ron.lock",
            ".notes.txt.1-2.tmp",
            ".p.ron.x-0.tmp",
            ".p.ron.lock.md",
            "p.ron.lock",
            ".lock",
        ] {
            assert_eq!(check_output(&at(name), &sources), Ok(()), "{name}");
        }
        // A project saved through a link keeps its lock beside the file the link leads to.
        #[cfg(unix)]
        {
            let elsewhere = tempfile::tempdir().unwrap();
            let link = elsewhere.path().join("link.ron");
            std::os::unix::fs::symlink(&project, &link).unwrap();
            std::fs::remove_file(&other).unwrap();
            std::fs::write(&project, "not yet a project").unwrap();
            assert_eq!(
                check_output(&at(".p.ron.lock"), &[link.as_path()]),
                Err(OutputRefusal::TheLock)
            );
        }
    }

    #[test]
    fn what_looks_like_a_project() {
        use crate::project_file::load::looks_like_project;
        assert!(looks_like_project(b"V1(\n"));
        assert!(looks_like_project(b"/* x */ V12 ("));
        assert!(looks_like_project(b"R1((original"));
        assert!(!looks_like_project(b"Version 1 of the minutes"));
        assert!(!looks_like_project(b"V(1)"));
        assert!(!looks_like_project(b"# V1("));
        assert!(!looks_like_project(b""));
    }

    #[test]
    fn a_merge_may_replace_mine_and_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        let [base, ours, theirs, other] = ["base", "ours", "theirs", "other"].map(|n| {
            let path = dir.path().join(format!("{n}.ron"));
            std::fs::write(&path, "V4(())").unwrap();
            path
        });
        let others = [base.as_path(), theirs.as_path()];
        assert_eq!(check_merge_output(&ours, &ours, &others), Ok(()));
        assert_eq!(
            check_merge_output(&dir.path().join(".").join("ours.ron"), &ours, &others),
            Ok(())
        );
        assert_eq!(
            check_merge_output(&dir.path().join("new.ron"), &ours, &others),
            Ok(())
        );
        for refused in [&base, &theirs] {
            assert_eq!(
                check_merge_output(refused, &ours, &others),
                Err(OutputRefusal::TheProject)
            );
        }
        assert_eq!(
            check_merge_output(&other, &ours, &others),
            Err(OutputRefusal::AProject)
        );
        assert_eq!(
            check_merge_output(&dir.path().join("ours.ron.bak"), &ours, &others),
            Err(OutputRefusal::TheBackup)
        );
        assert!(check_merge_output(dir.path(), &ours, &others).is_err());
    }
}
