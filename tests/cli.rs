//! The command line, run as a real process.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // Test helpers may panic: a panic is a failed test.

use std::path::Path;
use std::process::Command;

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_delegation-planner"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn samples_check_clean() {
    for file in [
        "saves/ccaa-afnor-paris-2024.ron",
        "saves/eud-cqc-beijing-2024.ron",
        "saves/sino-german-working-groups-2026.ron",
    ] {
        let (code, out, err) = run(&["check", file]);
        assert_eq!(code, 0, "{file}: {out}{err}");
        assert!(out.contains(&format!("{file}: valid")), "{out}");
    }
    let (_, out, _) = run(&["check", "saves/ccaa-afnor-paris-2024.ron"]);
    assert!(
        out.contains(
            "3 organisations, 7 people, 1 meeting (7 attendances, 5 agenda items), 9 commitments"
        ),
        "{out}"
    );
}

#[test]
fn bad_files_report_file_line_column() {
    let dir = tempfile::tempdir().unwrap();
    let text = delegation_planner::samples::CCAA_AFNOR_RON;
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("empty.ron", Vec::new(), "empty.ron: the file is empty"),
        (
            "truncated.ron",
            text.as_bytes()[..text.len() - 40].to_vec(),
            "ends too early",
        ),
        ("garbage.ron", b"\x00\x01garbage".to_vec(), "UTF-16"),
        (
            "words.ron",
            b"hello".to_vec(),
            "words.ron:1:1: this is not a Delegation Planner project",
        ),
        (
            "newer.ron",
            text.replacen("V4(", "V7(", 1).into_bytes(),
            "newer.ron:1:1: the file was made by a newer version",
        ),
    ];
    for (name, bytes, expected) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let (code, out, err) = run(&["check", path.to_str().unwrap()]);
        assert_eq!(code, 1, "{name}: {out}{err}");
        assert!(err.contains(expected), "{name}: {err}");
        assert!(err.starts_with(path.to_str().unwrap()), "{name}: {err}");
        assert!(!err.contains("panicked"), "{err}");
    }
    let (code, _, err) = run(&["check", "/nonexistent/x.ron"]);
    assert_eq!(code, 1);
    assert!(
        err.starts_with("/nonexistent/x.ron: could not read the file"),
        "{err}"
    );
}

#[test]
fn dangling_references_fail_the_check() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dangling.ron");
    let text = delegation_planner::samples::CCAA_AFNOR_RON.replacen(
        "host: Some(\"afnor\")",
        "host: Some(\"nobody\")",
        1,
    );
    std::fs::write(&path, text).unwrap();
    let (code, _, err) = run(&["check", path.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(
        err.contains("meeting paris-2024: host organisation `nobody` does not exist"),
        "{err}"
    );
}

#[test]
fn list_starts_each_line_with_the_id() {
    let (code, out, _) = run(&["list", "people", "saves/ccaa-afnor-paris-2024.ron"]);
    assert_eq!(code, 0);
    let lines: Vec<_> = out.lines().collect();
    assert_eq!(lines.len(), 7);
    assert!(
        lines.contains(&"huang-jixian\tHUANG Jixian 黄继先\tCCAA"),
        "{out}"
    );
    // Sorted by family name.
    assert!(lines[0].starts_with("augereau-landais-myriam\t"), "{out}");
    let (_, out, _) = run(&["list", "meetings", "saves/eud-cqc-beijing-2024.ron"]);
    assert!(
        out.starts_with("cqc-visit-2024\t2024-11-04\tEU expert delegation visit to CQC"),
        "{out}"
    );
    let (_, out, _) = run(&["list", "commitments", "saves/ccaa-afnor-paris-2024.ron"]);
    assert!(
        out.contains("mutual-recognition\tBlocked\t2025-12-31\t"),
        "{out}"
    );
    let (_, out, _) = run(&["list", "organisations", "saves/ccaa-afnor-paris-2024.ron"]);
    assert!(
        out.contains(
            "ccaa\tCCAA\tChina Certification and Accreditation Association 中国认证认可协会"
        ),
        "{out}"
    );
}

/// A copy of a sample in a temporary folder, to import into.
fn copy_of(sample: &str) -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("copy.ron");
    std::fs::copy(sample, &path).unwrap();
    let path = path.to_str().unwrap().to_owned();
    (dir, path)
}

#[test]
fn exports_say_what_they_wrote_or_which_meetings_there_are() {
    let dir = tempfile::tempdir().unwrap();
    let file = "saves/ccaa-afnor-paris-2024.ron";
    let out = |name: &str| dir.path().join(name).to_str().unwrap().to_owned();
    let cases: Vec<Vec<String>> = vec![
        vec![
            "agenda".into(),
            "--meeting".into(),
            "paris-2024".into(),
            "--format".into(),
            "md".into(),
        ],
        vec!["attendees".into(), "--format".into(), "csv".into()],
        vec![
            "attendees".into(),
            "--meeting".into(),
            "paris-2024".into(),
            "--format".into(),
            "xlsx".into(),
        ],
        vec!["name-cards".into(), "--meeting".into(), "paris-2024".into()],
        vec![
            "commitments".into(),
            "--format".into(),
            "csv".into(),
            "--status".into(),
            "open".into(),
            "--today".into(),
            "2025-01-01".into(),
        ],
    ];
    for (i, case) in cases.iter().enumerate() {
        let output = out(&format!("out-{i}"));
        let mut args = vec!["export", case[0].as_str(), file];
        args.extend(case[1..].iter().map(String::as_str));
        args.extend(["-o", output.as_str()]);
        let (code, stdout, stderr) = run(&args);
        assert_eq!(code, 0, "{args:?}: {stderr}");
        let size = std::fs::metadata(&output).unwrap().len();
        assert_eq!(
            stdout,
            format!("wrote {output} ({size} bytes)\n"),
            "{args:?}"
        );
        assert!(stderr.is_empty(), "{stderr}");
    }
    for what in ["agenda", "name-cards", "attendees"] {
        let output = out("never");
        let mut args = vec!["export", what, file, "--meeting", "nope", "-o", &output];
        if what != "name-cards" {
            args.extend(["--format", "pdf"]);
        }
        let (code, stdout, stderr) = run(&args);
        assert_eq!(code, 1, "{what}");
        assert!(stdout.is_empty());
        assert_eq!(
            stderr,
            format!("{file}: no meeting `nope`; the meetings are: paris-2024\n")
        );
        assert!(!Path::new(&output).exists());
    }
    let nowhere = out("missing-folder/agenda.md");
    let (code, _, stderr) = run(&[
        "export",
        "agenda",
        file,
        "--meeting",
        "paris-2024",
        "--format",
        "md",
        "-o",
        &nowhere,
    ]);
    assert_eq!(code, 1);
    assert!(stderr.contains("missing-folder"), "{stderr}");
}

#[test]
fn imports_edit_save_and_report() {
    let (_dir, file) = copy_of("saves/eud-cqc-beijing-2024.ron");
    let (code, out, err) = run(&[
        "import",
        "attendees",
        &file,
        "--from",
        "tests/fixtures/ccaa-afnor-attendees.txt",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("added\tMr. HUANG Jixian 黄继先"), "{out}");
    assert!(
        out.ends_with(&format!(
            "{file}: added 7 people and 2 organisations, matched 0 people\n"
        )),
        "{out}"
    );
    let (_, listed, _) = run(&["list", "people", &file]);
    assert!(listed.contains("huang-jixian\t"), "{listed}");

    let (code, out, err) = run(&[
        "import",
        "agenda",
        &file,
        "--meeting",
        "cqc-visit-2024",
        "--from",
        "14:00 10 min Opening — HUANG Jixian",
    ]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        out,
        format!(
            "line 1: 10 min  Opening  [HUANG Jixian = huang-jixian]\n{file}: added 1 agenda items to meeting cqc-visit-2024\n"
        )
    );

    let (code, _, err) = run(&[
        "import",
        "agenda",
        &file,
        "--meeting",
        "cqc-visit-2024",
        "--from",
        "   ",
    ]);
    assert_eq!(code, 1);
    assert_eq!(
        err,
        format!("{file}: no agenda item found in the text; nothing changed\n")
    );

    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("phones.csv");
    std::fs::write(&csv, "Phone,Email\n1,a@b\n").unwrap();
    let csv = csv.to_str().unwrap();
    let (code, _, err) = run(&["import", "attendees", &file, "--from", csv]);
    assert_eq!(code, 1);
    assert_eq!(
        err,
        format!(
            "{csv}: no column is a name; the header must name columns like “Family name”, “Given name”, “Chinese name” (found: Phone, Email)\n"
        )
    );
    let (code, _, err) = run(&["import", "attendees", &file, "--from", "/nonexistent.txt"]);
    assert_eq!(code, 1);
    assert_eq!(
        err,
        "/nonexistent.txt: there is no such file; check its name and folder; nothing was imported\n"
    );
    let (code, _, err) = run(&[
        "import",
        "attendees",
        &file,
        "--from",
        csv,
        "--meeting",
        "nope",
    ]);
    assert_eq!(code, 1);
    assert!(err.contains("no meeting `nope`"), "{err}");
}

#[test]
fn check_flags_a_day_past_midnight_and_import_reads_day_lines() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("late.ron");
    std::fs::write(
        &file,
        "V2((meetings: {\"m\": (time_zone: \"Asia/Shanghai\", days: [(date: \"2024-11-04\", start: \"23:00:00\", items: [(id: \"dinner\", duration_minutes: 120)])])}))",
    )
    .unwrap();
    let path = file.to_str().unwrap();
    let (code, out, err) = run(&["check", path]);
    let out = format!("{out}{err}");
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("meeting m, day 1 (2024-11-04): runs past midnight: its items end on 2024-11-05 at 01:00"),
        "{out}"
    );
    // A programme with day lines and Chinese times replaces the day: no more problem.
    let (code, out, err) = run(&[
        "import",
        "agenda",
        path,
        "--meeting",
        "m",
        "--replace",
        "--from",
        "11月4日（星期一） 参观 Visit\n上午9:00 参观实验室 Visit of the lab — Mr. Helge ENGELHARD (BMWi)\n11月5日（星期二）\n下午2点半 座谈 Discussion\n25:00 Dinner",
    ]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("day 2 (line 3)"), "{out}");
    assert!(
        out.contains("Mr. Helge ENGELHARD (BMWi) (guest speaker, not in the project)"),
        "{out}"
    );
    assert!(err.contains("day 2 is added: 2024-11-05"), "{err}");
    assert!(
        err.contains("line 5: `25:00` is not a time of day"),
        "{err}"
    );
    let (code, out, _) = run(&["check", path]);
    assert_eq!(code, 0, "{out}");
}
