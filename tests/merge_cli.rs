//! `delegation-planner merge BASE OURS THEIRS -o OUT` from the outside, and as git's merge
//! driver in a real repository: two branches that changed different people merge cleanly;
//! two that changed the same field stop with a conflict, and the project still opens, with
//! the conflict recorded for the app.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // A test: a panic is a failed test.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use delegation_planner::merge::{EntityRef, remerge};
use delegation_planner::model::{Project, validate};
use delegation_planner::project_file::{read_project, to_ron_string};

const BIN: &str = env!("CARGO_BIN_EXE_delegation-planner");

fn sample() -> Project {
    delegation_planner::samples::ccaa_afnor().unwrap()
}

fn write(path: &Path, project: &Project) {
    std::fs::write(path, to_ron_string(project).unwrap()).unwrap();
}

fn merge_cli(dir: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .arg("merge")
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn a_clean_merge_exits_0_and_writes_every_change() {
    let dir = tempfile::tempdir().unwrap();
    let base = sample();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    ours.people.get_mut("huang-jixian").unwrap().email = "huang@example.org".into();
    theirs.people.get_mut("fang-yan").unwrap().phone = "+86 10 1234".into();
    for (name, p) in [
        ("base.ron", &base),
        ("ours.ron", &ours),
        ("theirs.ron", &theirs),
    ] {
        write(&dir.path().join(name), p);
    }
    let output = merge_cli(
        dir.path(),
        &["base.ron", "ours.ron", "theirs.ron", "-o", "out.ron"],
    );
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let stdout = text(&output.stdout);
    assert!(
        stdout.contains("Changed Person Ms. FANG Yan 方 艳: Phone"),
        "{stdout}"
    );
    assert!(stdout.contains("no conflict"), "{stdout}");
    let out = read_project(&dir.path().join("out.ron")).unwrap();
    assert_eq!(out.people["huang-jixian"].email, "huang@example.org");
    assert_eq!(out.people["fang-yan"].phone, "+86 10 1234");
    assert!(out.merge.pending.is_none());
    assert!(!out.lineage.revision.is_empty(), "a merge is a new version");
    // `-o -` writes the project to standard output, the report to the errors.
    let piped = merge_cli(
        dir.path(),
        &["base.ron", "ours.ron", "theirs.ron", "-o", "-"],
    );
    assert_eq!(piped.status.code(), Some(0));
    let project =
        delegation_planner::project_file::parse_project(&piped.stdout, Path::new("-")).unwrap();
    assert_eq!(project.people, out.people);
    assert!(text(&piped.stderr).contains("no conflict"));
}

#[test]
fn conflicts_exit_1_name_the_entity_and_the_field_and_are_recorded() {
    let dir = tempfile::tempdir().unwrap();
    let base = sample();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    ours.people.get_mut("huang-jixian").unwrap().title.en = "Secretary-General".into();
    theirs.people.get_mut("huang-jixian").unwrap().title.en = "Deputy Secretary-General".into();
    theirs.meetings.get_mut("paris-2024").unwrap().title.en = "CCAA–AFNOR talks".into();
    ours.meetings.get_mut("paris-2024").unwrap().title.en = "CCAA–AFNOR meeting".into();
    theirs.people.get_mut("fang-yan").unwrap().email = "fang@example.org".into();
    for (name, p) in [
        ("base.ron", &base),
        ("ours.ron", &ours),
        ("theirs.ron", &theirs),
    ] {
        write(&dir.path().join(name), p);
    }
    let output = merge_cli(
        dir.path(),
        &["base.ron", "ours.ron", "theirs.ron", "-o", "out.ron"],
    );
    assert_eq!(output.status.code(), Some(1), "{}", text(&output.stderr));
    let stdout = text(&output.stdout);
    let conflicts: Vec<&str> = stdout
        .lines()
        .filter(|l| l.starts_with("conflict: "))
        .collect();
    assert_eq!(conflicts.len(), 2, "{stdout}");
    assert!(
        conflicts.iter().any(
            |l| l.contains("Person Mr. HUANG Jixian 黄继先 — Title › English")
                && l.contains("“Secretary-General”")
                && l.contains("“Deputy Secretary-General”")
        ),
        "{stdout}"
    );
    assert!(
        conflicts
            .iter()
            .any(|l| l.contains("Meeting CCAA–AFNOR meeting — Title › English")),
        "{stdout}"
    );
    let out = read_project(&dir.path().join("out.ron")).unwrap();
    assert!(validate(&out).is_empty());
    assert_eq!(
        out.people["huang-jixian"].title.en, "Secretary-General",
        "mine kept"
    );
    assert_eq!(
        out.people["fang-yan"].email, "fang@example.org",
        "the rest came in"
    );
    let pending = out.merge.pending.clone().unwrap();
    assert_eq!(pending.theirs, "theirs.ron");
    assert!(pending.three_way);
    // The recorded conflicts can be settled later: theirs everywhere.
    let again = remerge(&out, &pending, &Default::default());
    assert_eq!(again.conflicts.len(), 2);
    let choices = again
        .conflicts
        .iter()
        .map(|c| (c.id.clone(), delegation_planner::merge::Side::Theirs))
        .collect();
    let settled = remerge(&out, &pending, &choices);
    assert_eq!(
        settled.project.people["huang-jixian"].title.en,
        "Deputy Secretary-General"
    );
    assert!(
        again
            .conflicts
            .iter()
            .any(|c| c.id.entity == EntityRef::Meeting("paris-2024".into()))
    );
}

#[test]
fn the_output_may_be_ours_and_nothing_else_of_the_inputs() {
    let dir = tempfile::tempdir().unwrap();
    let base = sample();
    let mut theirs = base.clone();
    theirs.people.get_mut("fang-yan").unwrap().phone = "1".into();
    for (name, p) in [
        ("base.ron", &base),
        ("ours.ron", &base),
        ("theirs.ron", &theirs),
    ] {
        write(&dir.path().join(name), p);
    }
    for refused in ["base.ron", "theirs.ron", "ours.ron.bak", "."] {
        let output = merge_cli(
            dir.path(),
            &["base.ron", "ours.ron", "theirs.ron", "-o", refused],
        );
        assert_eq!(output.status.code(), Some(2), "-o {refused}");
        assert!(text(&output.stderr).contains("not written"), "-o {refused}");
    }
    assert_eq!(
        read_project(&dir.path().join("theirs.ron")).unwrap(),
        theirs
    );
    let output = merge_cli(
        dir.path(),
        &["base.ron", "ours.ron", "theirs.ron", "-o", "ours.ron"],
    );
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert_eq!(
        read_project(&dir.path().join("ours.ron")).unwrap().people["fang-yan"].phone,
        "1"
    );
    assert!(
        !dir.path().join("ours.ron.bak").exists(),
        "no litter beside git's files"
    );
    // A file that is not a project is refused with exit code 2; nothing is written.
    std::fs::write(dir.path().join("broken.ron"), "V4((info: (").unwrap();
    let output = merge_cli(
        dir.path(),
        &["base.ron", "broken.ron", "theirs.ron", "-o", "new.ron"],
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(!dir.path().join("new.ron").exists());
}

#[test]
fn an_empty_base_is_a_two_way_merge() {
    let dir = tempfile::tempdir().unwrap();
    let ours = sample();
    let mut theirs = ours.clone();
    theirs.people.get_mut("fang-yan").unwrap().phone = "1".into();
    std::fs::write(dir.path().join("base.ron"), "").unwrap();
    write(&dir.path().join("ours.ron"), &ours);
    write(&dir.path().join("theirs.ron"), &theirs);
    let output = merge_cli(
        dir.path(),
        &["base.ron", "ours.ron", "theirs.ron", "-o", "out.ron"],
    );
    assert_eq!(output.status.code(), Some(1));
    let stdout = text(&output.stdout);
    assert!(stdout.contains("two-way"), "{stdout}");
    assert!(stdout.contains("Phone"), "{stdout}");
}

/// A git repository in a temporary folder, with the driver set up as the README says.
struct Repo {
    dir: tempfile::TempDir,
}

impl Repo {
    fn new() -> Self {
        let repo = Self {
            dir: tempfile::tempdir().unwrap(),
        };
        repo.git(&["init", "-q", "-b", "main"]);
        std::fs::write(
            repo.dir.path().join(".gitattributes"),
            "*.ron merge=delegation-planner\n",
        )
        .unwrap();
        let driver = format!("'{BIN}' merge %O %A %B -o %A");
        repo.git(&["config", "merge.delegation-planner.driver", &driver]);
        repo.git(&[
            "config",
            "merge.delegation-planner.name",
            "Delegation Planner projects",
        ]);
        repo
    }

    fn path(&self) -> PathBuf {
        self.dir.path().join("project.ron")
    }

    fn git(&self, args: &[&str]) -> Output {
        let output = self.git_status(args);
        assert!(
            output.status.success(),
            "git {args:?}: {}{}",
            text(&output.stdout),
            text(&output.stderr)
        );
        output
    }

    fn git_status(&self, args: &[&str]) -> Output {
        Command::new("git")
            .args(args)
            .current_dir(self.dir.path())
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("HOME", self.dir.path())
            .env("GIT_AUTHOR_NAME", "Secretariat")
            .env("GIT_AUTHOR_EMAIL", "secretariat@example.org")
            .env("GIT_COMMITTER_NAME", "Secretariat")
            .env("GIT_COMMITTER_EMAIL", "secretariat@example.org")
            .output()
            .unwrap()
    }

    fn commit(&self, project: &Project, message: &str) {
        write(&self.path(), project);
        self.git(&["add", "project.ron", ".gitattributes"]);
        self.git(&["commit", "-q", "-m", message]);
    }
}

#[test]
fn git_merges_two_branches_that_changed_different_people() {
    let repo = Repo::new();
    let base = sample();
    repo.commit(&base, "the sample");
    repo.git(&["checkout", "-q", "-b", "berlin-list"]);
    let mut theirs = base.clone();
    theirs.people.get_mut("wang-qian").unwrap().email = "wang.qian@example.org".into();
    repo.commit(&theirs, "Wang Qian's e-mail");
    repo.git(&["checkout", "-q", "main"]);
    let mut ours = base.clone();
    ours.people.get_mut("zhang-peter").unwrap().phone = "+33 1 23 45".into();
    ours.people.get_mut("zhang-peter").unwrap().notes = "Arrives on the 22nd.".into();
    repo.commit(&ours, "Peter Zhang's phone");

    let merge = repo.git_status(&["merge", "--no-edit", "berlin-list"]);
    assert!(
        merge.status.success(),
        "{}{}",
        text(&merge.stdout),
        text(&merge.stderr)
    );
    let merged = read_project(&repo.path()).unwrap();
    assert_eq!(merged.people["wang-qian"].email, "wang.qian@example.org");
    assert_eq!(merged.people["zhang-peter"].phone, "+33 1 23 45");
    assert!(merged.merge.pending.is_none());
    assert!(validate(&merged).is_empty());
    // Committed by git itself: the working tree is clean, no temporary file is left.
    let status = repo.git(&["status", "--porcelain"]);
    assert_eq!(text(&status.stdout), "");
}

#[test]
fn git_stops_on_a_field_both_branches_changed_and_the_project_still_opens() {
    let repo = Repo::new();
    let base = sample();
    repo.commit(&base, "the sample");
    repo.git(&["checkout", "-q", "-b", "theirs"]);
    let mut theirs = base.clone();
    theirs.people.get_mut("huang-jixian").unwrap().title.en = "Deputy Secretary-General".into();
    theirs.people.get_mut("fang-yan").unwrap().email = "fang@example.org".into();
    repo.commit(&theirs, "Huang Jixian's title, Fang Yan's e-mail");
    repo.git(&["checkout", "-q", "main"]);
    let mut ours = base.clone();
    ours.people.get_mut("huang-jixian").unwrap().title.en = "Secretary-General".into();
    repo.commit(&ours, "Huang Jixian's title");

    let merge = repo.git_status(&["merge", "--no-edit", "theirs"]);
    assert!(!merge.status.success(), "a conflict stops the merge");
    let said = format!("{}{}", text(&merge.stdout), text(&merge.stderr));
    assert!(
        said.contains("conflict: Person Mr. HUANG Jixian 黄继先 — Title › English"),
        "{said}"
    );
    assert!(said.contains("CONFLICT"), "git says so too: {said}");

    let merged = read_project(&repo.path()).unwrap();
    assert!(validate(&merged).is_empty());
    assert_eq!(merged.people["huang-jixian"].title.en, "Secretary-General");
    assert_eq!(merged.people["fang-yan"].email, "fang@example.org");
    let pending = merged.merge.pending.as_ref().unwrap();
    assert_eq!(pending.entities.len(), 1);
    // The app opens it and offers the conflict for a choice.
    let mut ws = delegation_planner::workspace::Workspace::with_project(Project::default(), "x");
    assert!(ws.open_path(&repo.path()));
    assert!(
        matches!(
            ws.dialog,
            Some(delegation_planner::workspace::Dialog::Merge(_))
        ),
        "{:?}",
        ws.dialog
    );
}
