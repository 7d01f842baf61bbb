//! Hostile cases outside the import readers (issue 21), through the command line as a
//! user runs it: exports aimed at a project's lock or temporary files, a link planted as
//! the lock file, names that carry terminal escapes or direction overrides or run to
//! megabytes, dates the calendar does not have, texts too long to print. Each is refused
//! or said with exit code 1 and a clear message; nothing is written that was not asked
//! for, the project is unchanged, nothing panics or hangs.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // Test helpers may panic: a panic is a failed test.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use delegation_planner::model::{MeetingId, PersonId, Project};
use delegation_planner::project_file::{ProjectLock, save_project};

/// Runs the command line with a deadline: a hang is a failure, not a stuck test.
fn run(args: &[&str]) -> (i32, Vec<u8>, Vec<u8>) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_delegation-planner"))
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    // Read while waiting: a large output must not fill the pipe and stall the child.
    let out = std::thread::spawn({
        let mut stdout = child.stdout.take().unwrap();
        move || {
            let mut buf = Vec::new();
            std::io::Read::read_to_end(&mut stdout, &mut buf).unwrap();
            buf
        }
    });
    let err = std::thread::spawn({
        let mut stderr = child.stderr.take().unwrap();
        move || {
            let mut buf = Vec::new();
            std::io::Read::read_to_end(&mut stderr, &mut buf).unwrap();
            buf
        }
    });
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > Duration::from_secs(120) {
            let _ = child.kill();
            panic!("{args:?} hangs");
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    (
        status.code().unwrap_or(-1),
        out.join().unwrap(),
        err.join().unwrap(),
    )
}

fn s(path: &Path) -> &str {
    path.to_str().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

/// A temporary folder holding `project` saved as `p.ron`.
fn saved(project: &Project) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    save_project(&path, project).unwrap();
    (dir, path)
}

fn sample() -> Project {
    delegation_planner::samples::ccaa_afnor().unwrap()
}

/// The names of the files in `dir`.
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[cfg(unix)]
fn inode(path: &Path) -> u64 {
    use std::os::unix::fs::MetadataExt as _;
    std::fs::symlink_metadata(path).unwrap().ino()
}

#[cfg(unix)]
#[test]
fn the_lock_and_the_temporary_files_are_never_export_targets() {
    let (dir, project) = saved(&sample());
    let before = std::fs::read(&project).unwrap();
    // Another program holds the lock while the export runs.
    let held = ProjectLock::acquire(&project, Duration::ZERO).unwrap();
    let lock = dir.path().join(".p.ron.lock");
    let lock_inode = inode(&lock);
    let files_before = listing(dir.path());
    for (name, says) in [
        (".p.ron.lock", "the lock file of a project"),
        (".p.ron.4242-0.tmp", "a temporary file of a project's save"),
        (
            ".p.ron.bak.4242-1.tmp",
            "a temporary file of a project's save",
        ),
    ] {
        for format in ["md", "pdf"] {
            let output = dir.path().join(name);
            let (code, out, err) = run(&[
                "export",
                "commitments",
                s(&project),
                "--format",
                format,
                "-o",
                s(&output),
            ]);
            let err = text(&err);
            assert_eq!(code, 1, "{name}: {err}");
            assert!(out.is_empty());
            assert!(err.contains("not written") && err.contains(says), "{err}");
            assert!(err.contains("give another file name after -o"), "{err}");
        }
    }
    assert_eq!(listing(dir.path()), files_before, "nothing made");
    assert_eq!(inode(&lock), lock_inode, "the lock file is the one held");
    assert_eq!(std::fs::read(&lock).unwrap(), b"");
    drop(held);
    // Free again, the lock's name is still no export target (it is made by each save).
    let (code, _, err) = run(&[
        "export",
        "commitments",
        s(&project),
        "--format",
        "md",
        "-o",
        s(&lock),
    ]);
    assert_eq!(code, 1, "{}", text(&err));
    assert!(!lock.exists());
    assert_eq!(
        std::fs::read(&project).unwrap(),
        before,
        "project untouched"
    );
}

#[cfg(unix)]
#[test]
fn a_link_planted_as_the_lock_file_is_never_followed() {
    let (dir, project) = saved(&sample());
    let before = std::fs::read(&project).unwrap();
    let target = dir.path().join("made-through-the-link");
    let lock = dir.path().join(".p.ron.lock");
    std::os::unix::fs::symlink(&target, &lock).unwrap();
    let (code, out, err) = run(&[
        "import",
        "agenda",
        s(&project),
        "--meeting",
        "paris-2024",
        "--from",
        "14:00 10 min Opening",
    ]);
    let err = text(&err);
    assert_eq!(code, 1, "{err}");
    assert!(out.is_empty(), "{}", text(&out));
    assert!(
        err.contains("not changed")
            && err.contains("is a symbolic link")
            && err.contains("Remove it"),
        "{err}"
    );
    assert!(!target.exists(), "nothing created where the link points");
    assert!(std::fs::symlink_metadata(&lock).unwrap().is_symlink());
    assert_eq!(std::fs::read(&project).unwrap(), before);
    // Removed, the import runs.
    std::fs::remove_file(&lock).unwrap();
    let (code, _, err) = run(&[
        "import",
        "agenda",
        s(&project),
        "--meeting",
        "paris-2024",
        "--from",
        "14:00 10 min Opening",
    ]);
    assert_eq!(code, 0, "{}", text(&err));
}

/// Hostile text: terminal escapes (colours, the window title, a cleared screen, a bell),
/// NUL, a line break, and direction overrides that show a name reversed.
const HOSTILE: &str = "Ev\u{1b}]0;owned\u{7}il\u{1b}[2J\u{0}\nname\u{202E}desrever\u{2066}";

/// Whether `bytes` hold a character a terminal would act on or reorder by: a control
/// character other than a line break and a tab, or a direction control.
fn raw_controls(bytes: &[u8]) -> Vec<char> {
    text(bytes)
        .chars()
        .filter(|c| {
            (c.is_control() && !matches!(c, '\n' | '\t'))
                || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
        })
        .collect()
}

fn hostile_project() -> Project {
    let mut project = sample();
    let person = project
        .people
        .get_mut(&PersonId::from("huang-jixian"))
        .unwrap();
    person.family_name = HOSTILE.into();
    person.title.en = HOSTILE.into();
    let meeting = project
        .meetings
        .get_mut(&MeetingId::from("paris-2024"))
        .unwrap();
    meeting.title.en = HOSTILE.into();
    meeting.days[0].items[0].title.en = HOSTILE.into();
    let id = project.commitments.keys().next().unwrap().clone();
    let commitment = project.commitments.get_mut(&id).unwrap();
    commitment.title.en = HOSTILE.into();
    commitment.due = chrono::NaiveDate::from_ymd_opt(2024, 1, 1);
    commitment.status = delegation_planner::model::CommitmentStatus::Agreed;
    // An id with an escape too, referenced from nowhere: `check` names it.
    let org = project.organisations.values().next().unwrap().clone();
    project
        .organisations
        .insert(format!("org\u{1b}[31m{HOSTILE}").as_str().into(), org);
    project
}

#[test]
fn terminal_output_escapes_control_characters_everywhere() {
    let (dir, project) = saved(&hostile_project());
    let p = s(&project);
    let list_file = dir.path().join("list\u{1b}[31m.csv");
    std::fs::write(
        &list_file,
        "Family name,Given name,Chinese name,Organisation,Title\n\"WANG\u{1b}[5m\u{7}\",Lei,王磊,CCAA,\"Director\u{202E}\"\n",
    )
    .unwrap();
    let export_to = dir.path().join("out\u{1b}]0;x\u{7}.md");
    // An argument cannot hold NUL: the rest of the hostile text.
    let agenda_text = format!(
        "14:00 10 min {} — Dr. Evil\u{1b}[31m",
        HOSTILE.replace('\0', "")
    );
    let missing = dir.path().join("missing\u{1b}[31m/x.csv");
    let gone = dir.path().join("gone\u{1b}[31m\u{202E}.ron");
    let cases: Vec<Vec<&str>> = vec![
        vec!["check", p],
        vec!["list", "people", p],
        vec!["list", "meetings", p],
        vec!["list", "organisations", p],
        vec!["list", "commitments", p],
        vec!["followups", p, "--today", "2024-06-01"],
        vec![
            "export",
            "agenda",
            p,
            "--meeting",
            "no\u{1b}[2Jsuch\u{202E}",
            "--format",
            "md",
            "-o",
            "-",
        ],
        vec![
            "export",
            "attendees",
            p,
            "--format",
            "csv",
            "-o",
            s(&export_to),
        ],
        vec![
            "export",
            "attendees",
            p,
            "--format",
            "csv",
            "-o",
            s(&missing),
        ],
        vec!["import", "attendees", p, "--from", s(&list_file)],
        vec![
            "import",
            "agenda",
            p,
            "--meeting",
            "paris-2024",
            "--from",
            &agenda_text,
        ],
        vec!["check", s(&gone)],
    ];
    let mut escapes_seen = 0;
    for args in &cases {
        let (code, out, err) = run(args);
        let shown = format!("{}{}", text(&out), text(&err));
        assert!(
            raw_controls(&out).is_empty() && raw_controls(&err).is_empty(),
            "{args:?} printed raw controls {:?}:\n{shown}",
            [raw_controls(&out), raw_controls(&err)].concat()
        );
        assert!(code == 0 || code == 1, "{args:?}: {code}\n{shown}");
        if shown.contains("\\u{1b}") {
            escapes_seen += 1;
        }
    }
    // Shown as escapes, not dropped: the user sees there is something to fix.
    assert!(escapes_seen >= cases.len() - 1, "{escapes_seen}");
    let (_, out, _) = run(&["list", "people", p]);
    let out = text(&out);
    let line = out
        .lines()
        .find(|l| l.starts_with("huang-jixian\t"))
        .unwrap();
    assert!(
        // The family name in capitals, as a formal list writes it.
        line.contains("EV\\u{1b}]0;OWNED\\u{7}IL\\u{1b}[2J\\u{0}\\nNAME\\u{202e}DESREVER\\u{2066}"),
        "{line}"
    );
    assert_eq!(
        line.split('\t').count(),
        3,
        "one line, three fields: {line}"
    );
}

#[test]
fn check_flags_control_characters_overrides_and_huge_names() {
    // ESC, NUL and RLO in names, titles and ids.
    let (_dir, project) = saved(&hostile_project());
    let (code, out, err) = run(&["check", s(&project)]);
    let err = text(&err);
    assert_eq!(code, 1, "not valid: {err}");
    assert!(!text(&out).contains("valid"), "{}", text(&out));
    for says in [
        "person huang-jixian: the family name holds a control character (U+001B)",
        "person huang-jixian: the family name holds a text-direction control (U+202E)",
        "person huang-jixian: the title (English) holds a control character (U+001B)",
        "meeting paris-2024: the title (English) holds a control character (U+001B)",
        "the id holds a control character (U+001B)",
        "retype the field without it",
    ] {
        assert!(err.contains(says), "{says}\n{err}");
    }

    // A 50 MB name, and names with NUL and RLO alone.
    let mut project = sample();
    let huge = "x".repeat(50 << 20);
    let people: Vec<PersonId> = project.people.keys().take(3).cloned().collect();
    project.people.get_mut(&people[0]).unwrap().family_name = huge;
    project.people.get_mut(&people[1]).unwrap().given_name = "Li\u{0}".into();
    project.people.get_mut(&people[2]).unwrap().chinese_name = "王\u{202E}伟".into();
    let (_dir, path) = saved(&project);
    let before = std::fs::read(&path).unwrap();
    let started = Instant::now();
    let (code, out, err) = run(&["check", s(&path)]);
    let took = started.elapsed();
    let err = text(&err);
    assert_eq!(code, 1, "{err}");
    assert!(!text(&out).contains(": valid"));
    assert!(
        err.contains(&format!(
            "person {}: the family name has 52,428,800 characters, more than the 10,000 a name, title or id may have",
            people[0]
        )),
        "{err}"
    );
    assert!(
        err.contains("given name holds a control character (U+0000)"),
        "{err}"
    );
    assert!(
        err.contains("Chinese name holds a text-direction control (U+202E)"),
        "{err}"
    );
    assert!(
        err.len() < 10_000,
        "the name is not printed: {} bytes",
        err.len()
    );
    assert!(took < Duration::from_secs(60), "{took:?}");
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "check changes nothing"
    );
}

#[test]
fn dates_that_do_not_exist_are_said_with_their_line_and_nothing_changes() {
    let (_dir, project) = saved(&sample());
    let before = std::fs::read(&project).unwrap();
    for (programme, line, says) in [
        (
            "9:00 Opening\nDay 2 — 31 February 2024\n9:00 Visit",
            2,
            "`31 February 2024` is not a date: February 2024 has 29 days",
        ),
        (
            "29 February 2023\n9:00 Visit",
            1,
            "`29 February 2023` is not a date: February 2023 has 28 days",
        ),
        (
            "9:00 Opening\n10:00 Talk\n1 January 99999\n9:00 Visit",
            3,
            "`1 January 99999` is not a date: the year 99999 is not between 1900 and 2200",
        ),
    ] {
        for replace in [false, true] {
            let mut args = vec![
                "import",
                "agenda",
                s(&project),
                "--meeting",
                "paris-2024",
                "--from",
                programme,
            ];
            if replace {
                args.push("--replace");
            }
            let (code, out, err) = run(&args);
            let err = text(&err);
            assert_eq!(code, 1, "{programme:?}: {err}");
            assert!(out.is_empty(), "{}", text(&out));
            assert!(err.contains(&format!("line {line}: {says}")), "{err}");
            assert!(err.contains("nothing changed"), "{err}");
            assert_eq!(std::fs::read(&project).unwrap(), before, "{programme:?}");
        }
    }
}

#[test]
fn a_text_too_long_to_print_is_cut_with_a_warning() {
    let mut project = sample();
    let person = project
        .people
        .get_mut(&PersonId::from("huang-jixian"))
        .unwrap();
    person.family_name = "黄".repeat(1 << 20);
    let meeting = project
        .meetings
        .get_mut(&MeetingId::from("paris-2024"))
        .unwrap();
    meeting.days[0].items[0].outcome.summary.en = "x".repeat(4 << 20);
    let (dir, path) = saved(&project);
    let before = std::fs::read(&path).unwrap();

    let cards = dir.path().join("cards.pdf");
    let started = Instant::now();
    let (code, out, err) = run(&[
        "export",
        "name-cards",
        s(&path),
        "--meeting",
        "paris-2024",
        "-o",
        s(&cards),
    ]);
    let err = text(&err);
    assert_eq!(code, 0, "{err}");
    assert!(text(&out).starts_with("wrote "));
    assert!(
        err.contains("warning: ")
            // The card's Latin name: the honorific and the family name.
            && err.contains("“Mr. 黄黄黄")
            && err.contains(
                "(1,048,587 characters) does not fit its place even at the smallest size"
            )
            && err.contains("marked with …"),
        "{err}"
    );
    assert!(
        started.elapsed() < Duration::from_secs(60),
        "{:?}",
        started.elapsed()
    );
    let pdf = std::fs::read(&cards).unwrap();
    let page_text = pdf_extract::extract_text_from_mem(&pdf).unwrap();
    assert!(page_text.contains("黄黄黄") && page_text.contains('…'));
    assert!(
        page_text.contains("AUGEREAU LANDAIS"),
        "the other cards are whole"
    );

    let minutes = dir.path().join("minutes.pdf");
    let (code, _, err) = run(&[
        "export",
        "minutes",
        s(&path),
        "--meeting",
        "paris-2024",
        "--format",
        "pdf",
        "-o",
        s(&minutes),
    ]);
    let err = text(&err);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("(4,194,304 characters) was cut after 99,999 characters"),
        "{err}"
    );
    assert!(std::fs::metadata(&minutes).unwrap().len() < 5 << 20);
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "the project unchanged"
    );
}
