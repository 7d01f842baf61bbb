//! The command line, run as a real process.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // Test helpers may panic: a panic is a failed test.

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
    ] {
        let (code, out, err) = run(&["check", file]);
        assert_eq!(code, 0, "{file}: {out}{err}");
        assert!(out.contains(&format!("{file}: valid")), "{out}");
    }
    let (_, out, _) = run(&["check", "saves/ccaa-afnor-paris-2024.ron"]);
    assert!(
        out.contains(
            "3 organisations, 7 people, 1 meetings (7 attendances, 5 agenda items), 9 commitments"
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
            text.replacen("V1(", "V7(", 1).into_bytes(),
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
