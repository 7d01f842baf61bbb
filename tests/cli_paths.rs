//! Nothing lost from any path, through the command line as a user runs it: every class of
//! output path (`-o`), the protections of a project file (read-only, immutable, owner and
//! mode), pipes and devices given as a project, the escapes of `list`, and what the
//! messages quote and say.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // Test helpers may panic: a panic is a failed test.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_delegation-planner"))
}

fn run(args: &[&str]) -> (i32, Vec<u8>, String) {
    let out = bin().args(args).stdin(Stdio::null()).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        out.stdout,
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn s(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// A temporary folder holding a copy of the CCAA–AFNOR sample as `p.ron`, with a `.bak`.
fn project() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    let project = delegation_planner::samples::ccaa_afnor().unwrap();
    delegation_planner::project_file::save_project(&path, &project).unwrap();
    delegation_planner::project_file::save_project(&path, &project).unwrap();
    (dir, path)
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(status.success());
}

#[test]
fn every_output_path_class() {
    let (dir, project) = project();
    let before = std::fs::read(&project).unwrap();
    let backup = dir.path().join("p.ron.bak");
    let backup_before = std::fs::read(&backup).unwrap();
    let other = dir.path().join("other.ron");
    std::fs::copy(&project, &other).unwrap();
    let folder = dir.path().join("folder");
    std::fs::create_dir(&folder).unwrap();

    let export = |output: &Path| {
        run(&[
            "export",
            "commitments",
            s(&project),
            "--format",
            "md",
            "-o",
            s(output),
        ])
    };
    let mut refused: Vec<(PathBuf, &str)> = vec![
        (project.clone(), "the project file itself"),
        (
            dir.path().join(".").join("p.ron"),
            "the project file itself",
        ),
        (backup.clone(), "the backup of the project"),
        (other.clone(), "a Delegation Planner project file"),
        (folder.clone(), "a folder"),
    ];
    #[cfg(unix)]
    {
        let fifo = dir.path().join("pipe");
        mkfifo(&fifo);
        let link = dir.path().join("link.md");
        std::os::unix::fs::symlink(&project, &link).unwrap();
        let hard = dir.path().join("hard.md");
        std::fs::hard_link(&project, &hard).unwrap();
        refused.extend([
            (fifo, "a named pipe (FIFO)"),
            (PathBuf::from("/dev/null"), "a device"),
            (link, "the project file itself"),
            (hard, "the project file itself"),
        ]);
    }
    for (output, why) in &refused {
        let (code, out, err) = export(output);
        assert_eq!(code, 1, "{}: {err}", output.display());
        assert!(out.is_empty(), "{}", output.display());
        assert!(err.contains("not written") && err.contains(why), "{err}");
        assert!(err.contains("-o"), "says what to change: {err}");
    }
    // `/dev/stdout` is a pipe here: refused, pointing at `-o -`.
    let (code, _, err) = export(Path::new("/dev/stdout"));
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("`-o -`"), "{err}");
    // A backup that does not exist yet is refused by its name.
    std::fs::remove_file(&backup).unwrap();
    let (code, _, err) = export(&backup);
    assert_eq!(code, 1, "{err}");
    assert!(!backup.exists());
    std::fs::write(&backup, &backup_before).unwrap();

    assert_eq!(
        std::fs::read(&project).unwrap(),
        before,
        "project untouched"
    );
    assert_eq!(std::fs::read(&backup).unwrap(), backup_before);
    assert!(folder.is_dir());
    assert!(Path::new("/dev/null").exists());

    // `-o -`: the document itself on standard output, and nothing else there.
    let (code, out, err) = export(Path::new("-"));
    assert_eq!(code, 0, "{err}");
    let md = String::from_utf8(out).unwrap();
    assert!(md.starts_with("# Follow-up of commitments"), "{md}");
    assert!(!md.contains("wrote"), "{md}");

    // An ordinary file is replaced atomically, keeping its mode.
    let report = dir.path().join("report.md");
    std::fs::write(&report, "# An older report\n").unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        std::fs::set_permissions(&report, std::fs::Permissions::from_mode(0o640)).unwrap();
    }
    let (code, out, err) = export(&report);
    assert_eq!(code, 0, "{err}");
    assert!(String::from_utf8(out).unwrap().starts_with("wrote "));
    assert_eq!(std::fs::read_to_string(&report).unwrap(), md);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = std::fs::metadata(&report).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
    }
    let (code, _, err) = export(&dir.path().join("new.md"));
    assert_eq!(code, 0, "{err}");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp") || n.ends_with(".lock"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn every_export_command_checks_its_output() {
    let (_dir, project) = project();
    let p = s(&project);
    for args in [
        vec![
            "export",
            "agenda",
            p,
            "--meeting",
            "paris-2024",
            "--format",
            "ics",
        ],
        vec!["export", "attendees", p, "--format", "csv"],
        vec!["export", "name-cards", p, "--meeting", "paris-2024"],
        vec!["export", "commitments", p, "--format", "html"],
    ] {
        let mut refused = args.clone();
        refused.extend(["-o", p]);
        let (code, _, err) = run(&refused);
        assert_eq!(code, 1, "{args:?}: {err}");
        assert!(err.contains("the project file itself"), "{err}");
        let mut to_stdout = args.clone();
        to_stdout.extend(["-o", "-"]);
        let (code, out, err) = run(&to_stdout);
        assert_eq!(code, 0, "{args:?}: {err}");
        assert!(out.len() > 100, "{args:?}");
    }
    let (code, out, err) = run(&["generate", "--people", "50", "-o", "-"]);
    assert_eq!(code, 0, "{err}");
    let generated = delegation_planner::project_file::parse_project(&out, Path::new("-")).unwrap();
    assert_eq!(generated.people.len(), 50);
    let (code, _, err) = run(&["generate", "--people", "50", "-o", p]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("never replaces"), "{err}");
    let (code, _, err) = run(&["generate", "--people", "50", "-o", "/dev/null"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("a device"), "{err}");
}

#[cfg(unix)]
#[test]
fn check_refuses_a_pipe_or_a_folder_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.ron");
    mkfifo(&fifo);
    for (path, what) in [
        (fifo.as_path(), "a named pipe (FIFO)"),
        (dir.path(), "a folder"),
        (Path::new("/dev/zero"), "a device"),
    ] {
        for command in ["check", "list"] {
            let start = Instant::now();
            let mut args = vec![command];
            if command == "list" {
                args.push("people");
            }
            args.push(s(path));
            let mut child = bin()
                .args(&args)
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap();
            // A hang is the bug: give it ten seconds, then say so.
            while child.try_wait().unwrap().is_none() {
                if start.elapsed() > Duration::from_secs(10) {
                    let _ = child.kill();
                    panic!("`{command} {}` hangs", path.display());
                }
                std::thread::sleep(Duration::from_millis(10));
            }
            let out = child.wait_with_output().unwrap();
            let err = String::from_utf8(out.stderr).unwrap();
            assert_eq!(out.status.code(), Some(1), "{err}");
            assert!(
                err.contains(what) && err.contains("not a project file"),
                "{err}"
            );
        }
    }
}

#[test]
fn list_keeps_one_line_per_entity_and_shows_control_characters() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("odd.ron");
    let mut project = delegation_planner::samples::ccaa_afnor().unwrap();
    let huang = project.people.get_mut("huang-jixian").unwrap();
    huang.family_name = "Hu\u{1b}[2J\u{7}ang\nInjected\tline".into();
    let meeting = project.meetings.get_mut("paris-2024").unwrap();
    meeting.title.en = "Evil \u{202E}gnitteem\r\nsecond".into();
    delegation_planner::project_file::save_project(&path, &project).unwrap();

    let (code, out, err) = run(&["list", "people", s(&path)]);
    assert_eq!(code, 0, "{err}");
    let out = String::from_utf8(out).unwrap();
    assert_eq!(out.lines().count(), project.people.len(), "{out}");
    assert!(out.lines().all(|l| l.split('\t').count() == 3), "{out}");
    assert!(!out.contains(['\u{1b}', '\u{7}', '\r']), "{out:?}");
    assert!(
        out.contains("\\u{1b}[2J\\u{7}") && out.contains("\\nINJECTED\\tLINE"),
        "{out}"
    );
    let (_, out, _) = run(&["list", "meetings", s(&path)]);
    let out = String::from_utf8(out).unwrap();
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(out.contains("Evil \\u{202e}gnitteem\\r\\nsecond"), "{out}");
}

#[test]
fn messages_quote_at_most_two_hundred_characters() {
    let dir = tempfile::tempdir().unwrap();
    let long = "x".repeat(10 * 1024 * 1024);
    let cases = [
        // An unknown field named by a 10 MB identifier.
        (
            "field.ron",
            format!("V1((info: (), {long}: 1))"),
            "unknown field",
        ),
        // A 10 MB format version.
        ("version.ron", format!("V{long}(())"), ""),
        // A 10 MB time zone.
        (
            "zone.ron",
            delegation_planner::samples::CCAA_AFNOR_RON.replacen(
                "\"Europe/Paris\"",
                &format!("\"{long}\""),
                1,
            ),
            "unknown time zone",
        ),
        // A dangling reference by a 10 MB id.
        (
            "dangling.ron",
            delegation_planner::samples::CCAA_AFNOR_RON.replacen(
                "host: Some(\"afnor\")",
                &format!("host: Some(\"{long}\")"),
                1,
            ),
            "does not exist",
        ),
    ];
    for (name, text, expected) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        let (code, _, err) = run(&["check", s(&path)]);
        assert_eq!(code, 1, "{name}");
        assert!(
            err.contains(expected),
            "{name}: {}",
            err.get(..300).unwrap_or(&err)
        );
        let longest_run = err
            .split(|c: char| c != 'x')
            .map(str::len)
            .max()
            .unwrap_or(0);
        assert!(
            longest_run <= 200,
            "{name}: quotes {longest_run} characters"
        );
        assert!(err.len() < 2_000, "{name}: {} bytes of message", err.len());
    }
    // The meeting asked for on the command line, too.
    let (_dir, project) = project();
    let (code, _, err) = run(&[
        "export",
        "agenda",
        s(&project),
        "--meeting",
        &"m".repeat(100_000),
        "--format",
        "md",
        "-o",
        "-",
    ]);
    assert_eq!(code, 1);
    assert!(err.contains("no meeting") && err.len() < 1_000, "{err}");
}

#[test]
fn encodings_are_named_correctly() {
    let dir = tempfile::tempdir().unwrap();
    let text = delegation_planner::samples::CCAA_AFNOR_RON;
    let utf16: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let utf32: Vec<u8> = text
        .chars()
        .flat_map(|c| u32::from(c).to_le_bytes())
        .collect();
    let utf32_be: Vec<u8> = [0xFEFFu32]
        .into_iter()
        .chain(text.chars().map(u32::from))
        .flat_map(u32::to_be_bytes)
        .collect();
    for (name, bytes, encoding) in [
        ("utf16.ron", utf16, "UTF-16"),
        ("utf32.ron", utf32, "UTF-32"),
        ("utf32be.ron", utf32_be, "UTF-32"),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let (code, _, err) = run(&["check", s(&path)]);
        assert_eq!(code, 1);
        assert!(
            err.contains(&format!("saved as {encoding};")),
            "{name}: {err}"
        );
    }
}

#[test]
fn check_reports_durations_over_a_day_and_dates_outside_1900_to_2200() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ranges.ron");
    let text = delegation_planner::samples::CCAA_AFNOR_RON
        .replacen("duration_minutes: 15", "duration_minutes: 4294967295", 1)
        .replacen("date: \"2024-09-23\"", "date: \"-262143-09-23\"", 1)
        .replacen("due: Some(\"2025-12-31\")", "due: Some(\"2201-01-01\")", 1);
    std::fs::write(&path, text).unwrap();
    let (code, _, err) = run(&["check", s(&path)]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("lasts 4294967295 minutes, more than a day (1440 minutes)"),
        "{err}"
    );
    assert!(
        err.contains("the date -262143-09-23 is not between the years 1900 and 2200"),
        "{err}"
    );
    assert!(err.contains("the date 2201-01-01 is not between"), "{err}");
}

/// Runs `import attendees` of a one-person CSV into `project`.
fn import_one(project: &Path, family: &str) -> (i32, String, String) {
    let list = project.with_file_name(format!("{family}.csv"));
    std::fs::write(
        &list,
        format!(
            "Honorific,Family name,Given name,Chinese name,Organisation,Organisation (Chinese),Title,Title (Chinese),Email,Name order\nMs.,{family},Lan,,CCAA,中国认证认可协会,Officer,,,\n"
        ),
    )
    .unwrap();
    let (code, out, err) = run(&["import", "attendees", s(project), "--from", s(&list)]);
    (code, String::from_utf8(out).unwrap(), err)
}

#[cfg(unix)]
#[test]
fn a_read_only_project_is_not_written_even_by_root() {
    use std::os::unix::fs::PermissionsExt as _;
    let (_dir, project) = project();
    std::fs::set_permissions(&project, std::fs::Permissions::from_mode(0o444)).unwrap();
    let before = std::fs::read(&project).unwrap();
    let backup = std::fs::read(project.with_file_name("p.ron.bak")).unwrap();
    let (code, _, err) = import_one(&project, "Readonly");
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("not changed: the file is read-only"), "{err}");
    assert!(!err.contains("Save as"), "the CLI speaks of the CLI: {err}");
    assert_eq!(std::fs::read(&project).unwrap(), before);
    assert_eq!(
        std::fs::read(project.with_file_name("p.ron.bak")).unwrap(),
        backup
    );
    let mode = std::fs::metadata(&project).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o444);
    // Owner-writable again: the import goes through.
    std::fs::set_permissions(&project, std::fs::Permissions::from_mode(0o644)).unwrap();
    let (code, _, err) = import_one(&project, "Writable");
    assert_eq!(code, 0, "{err}");
}

/// Whether this process runs as root (CI does): the protections matter most there.
#[cfg(unix)]
fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

#[cfg(target_os = "linux")]
#[test]
fn an_immutable_project_is_not_written_even_by_root() {
    if !is_root() {
        eprintln!("skipped: chattr +i needs root");
        return;
    }
    let (_dir, project) = project();
    let chattr = |flag: &str| Command::new("chattr").args([flag, s(&project)]).status();
    match chattr("+i") {
        Ok(status) if status.success() => {}
        // A file system without the flag (tmpfs): nothing to test here.
        _ => {
            eprintln!("skipped: this file system has no immutable flag");
            return;
        }
    }
    let before = std::fs::read(&project).unwrap();
    let (code, _, err) = import_one(&project, "Immutable");
    chattr("-i").unwrap();
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("immutable"), "{err}");
    assert_eq!(std::fs::read(&project).unwrap(), before);
}

#[cfg(unix)]
#[test]
fn a_save_keeps_owner_group_and_mode() {
    use std::os::unix::fs::{MetadataExt as _, PermissionsExt as _};
    let (_dir, project) = project();
    let backup = project.with_file_name("p.ron.bak");
    std::fs::set_permissions(&project, std::fs::Permissions::from_mode(0o640)).unwrap();
    let owner = if is_root() {
        // Root saves a user's file: it stays the user's, and so does its backup.
        let (uid, gid) = (4242, 4343);
        std::os::unix::fs::chown(&project, Some(uid), Some(gid)).unwrap();
        (uid, gid)
    } else {
        let meta = std::fs::metadata(&project).unwrap();
        (meta.uid(), meta.gid())
    };
    let (code, _, err) = import_one(&project, "Owner");
    assert_eq!(code, 0, "{err}");
    for file in [&project, &backup] {
        let meta = std::fs::metadata(file).unwrap();
        assert_eq!((meta.uid(), meta.gid()), owner, "{}", file.display());
        assert_eq!(
            meta.permissions().mode() & 0o777,
            0o640,
            "{}",
            file.display()
        );
    }
    let project_after = delegation_planner::project_file::read_project(&project).unwrap();
    assert!(
        project_after
            .people
            .values()
            .any(|p| p.family_name == "Owner")
    );
}

#[test]
fn an_agenda_with_impossible_dates_is_refused_not_exported_or_panicked_on() {
    let dir = tempfile::tempdir().unwrap();
    let text = delegation_planner::samples::CCAA_AFNOR_RON;
    let cases = [
        text.replacen("date: \"2024-09-23\"", "date: \"-262143-09-23\"", 1),
        // The end of the calendar, and items of 8,000 years: no next day, no end time.
        text.replace("duration_minutes: 15", "duration_minutes: 4294967295")
            .replace("duration_minutes: 30", "duration_minutes: 4294967295")
            .replacen("date: \"2024-09-23\"", "date: \"+262142-12-31\"", 1),
    ];
    for (i, case) in cases.iter().enumerate() {
        let path = dir.path().join(format!("case{i}.ron"));
        std::fs::write(&path, case).unwrap();
        for format in ["ics", "md", "html", "pdf"] {
            let (code, out, err) = run(&[
                "export",
                "agenda",
                s(&path),
                "--meeting",
                "paris-2024",
                "--format",
                format,
                "-o",
                "-",
            ]);
            assert_eq!(code, 1, "case {i} {format}: {err}");
            assert!(out.is_empty());
            assert!(err.contains("outside the years 1900–2200"), "{err}");
            assert!(!err.contains("panicked"), "{err}");
        }
        // The other commands read it without a panic, and check says what is wrong.
        for args in [
            vec!["check", s(&path)],
            vec!["list", "meetings", s(&path)],
            vec!["followups", s(&path), "--today", "2025-01-01"],
        ] {
            let (_, _, err) = run(&args);
            assert!(!err.contains("panicked"), "{args:?}: {err}");
        }
    }
}
