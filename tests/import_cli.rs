//! `import attendees` run as a real process on lists as users receive them: workbooks,
//! legacy encodings, files that are not lists (refused, nothing saved), revised lists
//! (filled by default, changed with `--update`), every skipped row said.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // Test helpers may panic: a panic is a failed test.

use std::path::{Path, PathBuf};
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

/// A copy of the CCAA–AFNOR sample to import into, and the folder it is in.
fn project() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("paris.ron");
    std::fs::write(&path, delegation_planner::samples::CCAA_AFNOR_RON).unwrap();
    let path = path.to_str().unwrap().to_owned();
    (dir, path)
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn an_xlsx_is_read_as_a_workbook_with_its_sheet_chosen() {
    let (dir, file) = project();
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let cover = workbook.add_worksheet();
    cover.set_name("Cover").unwrap();
    cover
        .write_string(0, 0, "Guests of the 10th training")
        .unwrap();
    let sheet = workbook.add_worksheet();
    sheet.set_name("Guests").unwrap();
    for (r, row) in [
        ["姓名", "英文名", "单位", "职务"],
        ["刘江", "LIU Jiang", "中国质量认证中心", "总经理"],
        ["", "Gianluca GHIARA", "SPEAC", ""],
    ]
    .iter()
    .enumerate()
    {
        for (c, cell) in row.iter().enumerate() {
            sheet.write_string(r as u32, c as u16, *cell).unwrap();
        }
    }
    let xlsx = write(
        dir.path(),
        "guests.xlsx",
        &workbook.save_to_buffer().unwrap(),
    );
    let xlsx = xlsx.to_str().unwrap();
    let (code, out, err) = run(&[
        "import",
        "attendees",
        &file,
        "--from",
        xlsx,
        "--sheet",
        "Guests",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.starts_with(&format!("read {xlsx}: sheet “Guests”, header on line 1\n")),
        "{out}"
    );
    assert!(out.contains("added\tLIU Jiang 刘江"), "{out}");
    assert!(out.contains("added\tGianluca GHIARA"), "{out}");
    assert!(
        out.ends_with(&format!(
            "{file}: added 2 people and 2 organisations, matched 0 people\n"
        )),
        "{out}"
    );
    let (_, listed, _) = run(&["list", "people", &file]);
    assert!(listed.contains("liu-jiang\t"), "{listed}");
    let (code, out, _) = run(&["check", &file]);
    assert_eq!(code, 0, "{out}");
    // The first sheet with data is the cover: no name column there.
    let (code, _, err) = run(&[
        "import",
        "attendees",
        &file,
        "--from",
        xlsx,
        "--sheet",
        "Nope",
    ]);
    assert_eq!(code, 1);
    assert_eq!(
        err,
        format!("{xlsx}: the workbook has no sheet “Nope”; its sheets are: Cover, Guests\n")
    );
}

#[test]
fn files_that_are_not_lists_are_refused_and_nothing_is_saved() {
    let (dir, file) = project();
    let before = std::fs::read(&file).unwrap();
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "photo.csv",
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec(),
            "this is a PNG image, not a list; nothing was imported",
        ),
        (
            "list.txt",
            delegation_planner::samples::CCAA_AFNOR_RON
                .as_bytes()
                .to_vec(),
            "this is a Delegation Planner project: open it instead (File > Open…); nothing was imported",
        ),
        (
            "list.xlsx",
            b"PK\x03\x04 not really a workbook".to_vec(),
            "this is a ZIP archive; unpack it first; nothing was imported",
        ),
        (
            "scan.pdf",
            b"%PDF-1.4\n".to_vec(),
            "this is a PDF document; copy its table and paste it, or ask for the spreadsheet; nothing was imported",
        ),
    ];
    for (name, bytes, message) in cases {
        let from = write(dir.path(), name, &bytes);
        let from = from.to_str().unwrap();
        let (code, out, err) = run(&["import", "attendees", &file, "--from", from]);
        assert_eq!(code, 1, "{name}: {out}");
        assert!(out.is_empty(), "{out}");
        assert_eq!(err, format!("{from}: {message}\n"));
        assert_eq!(
            std::fs::read(&file).unwrap(),
            before,
            "{name}: the project is untouched"
        );
    }
    // A project given as the list: still the same project, still valid.
    let (code, out, _) = run(&["check", &file]);
    assert_eq!(code, 0, "{out}");
}

#[test]
fn legacy_encodings_are_detected_or_named_and_skipped_rows_are_said() {
    let (dir, file) = project();
    let text = "中欧合作研讨会参会名单,,,\r\n序号,姓名,单位,职务\r\n1,张伟,国家认监委,处长\r\n2,欧阳振华,中国质量认证中心,主任\r\n,,,\r\n共计 2 人,,,\r\n";
    let (gb, _, _) = encoding_rs::GB18030.encode(text);
    let from = write(dir.path(), "名单.csv", &gb);
    let from = from.to_str().unwrap();
    let (code, out, err) = run(&["import", "attendees", &file, "--from", from]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.starts_with(&format!(
            "read {from}: GB18030 (detected), comma-separated, header on line 2\n"
        )),
        "{out}"
    );
    assert!(
        out.contains(
            "added\tZHANG Wei 张伟  (check: Latin name from pinyin, Family name, Given name)"
        ),
        "{out}"
    );
    assert!(out.contains("added\tOUYANG Zhenhua 欧阳振华"), "{out}");
    assert!(
        out.contains("skipped\tline 1: title above the header (中欧合作研讨会参会名单)\n"),
        "{out}"
    );
    assert!(out.contains("skipped\tline 5: blank\n"), "{out}");
    assert!(
        out.contains("skipped\tline 6: total line (共计 2 人)\n"),
        "{out}"
    );
    assert!(
        out.ends_with(", matched 0 people, skipped 3 rows\n"),
        "{out}"
    );

    let french = "Civilité;Nom;Prénom;Organisme\nMme;LEFÈVRE;Hélène;AFNOR\n";
    let (cp, _, _) = encoding_rs::WINDOWS_1252.encode(french);
    let from = write(dir.path(), "liste.csv", &cp);
    let from = from.to_str().unwrap();
    let (code, out, _) = run(&[
        "import",
        "attendees",
        &file,
        "--from",
        from,
        "--encoding",
        "cp1252",
    ]);
    assert_eq!(code, 0);
    assert!(
        out.contains("read") && out.contains("windows-1252, semicolon-separated"),
        "{out}"
    );
    assert!(out.contains("added\tMs. Hélène LEFÈVRE"), "{out}");
    let (code, _, err) = run(&[
        "import",
        "attendees",
        &file,
        "--from",
        from,
        "--encoding",
        "utf-8",
    ]);
    assert_eq!(code, 1);
    assert_eq!(
        err,
        format!(
            "{from}: line 1, column 8: the text is not valid UTF-8; choose the encoding the file was saved in\n"
        )
    );
    let (code, _, err) = run(&[
        "import",
        "attendees",
        &file,
        "--from",
        from,
        "--encoding",
        "klingon",
    ]);
    assert_eq!(code, 1);
    assert!(err.contains("no encoding is called “klingon”"), "{err}");
}

#[test]
fn a_revised_list_fills_by_default_and_changes_with_update() {
    let (dir, file) = project();
    let revised = "Honorific,Family name,Given name,Chinese name,Title,Email\nMr.,HUANG,Jixian,,Executive Vice President,huang@ccaa.org.cn\nMs.,,,方 艳,Director of Standards,\n";
    let from = write(dir.path(), "revised.csv", revised.as_bytes());
    let from = from.to_str().unwrap();
    let (code, out, err) = run(&[
        "import",
        "attendees",
        &file,
        "--from",
        from,
        "--meeting",
        "paris-2024",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("updated\tMr. HUANG Jixian 黄继先\n\tTitle: Executive Vice President and Secretary General → Executive Vice President  (not applied; use --update)\n\tEmail: (empty) → huang@ccaa.org.cn\n"), "{out}");
    assert!(out.contains("matched\tMs. FANG Yan 方 艳\n\tTitle: Director of Technical Standards Department → Director of Standards  (not applied; use --update)\n"), "{out}");
    assert!(out.ends_with(&format!("{file}: added 0 people and 0 organisations, matched 2 people, updated 1 person (1 field; 0 name cards changed), 0 new attendees of paris-2024\n")), "{out}");
    let (code, out, err) = run(&[
        "import",
        "attendees",
        &file,
        "--from",
        from,
        "--meeting",
        "paris-2024",
        "--update",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains(
            "\tTitle: Director of Technical Standards Department → Director of Standards\n"
        ),
        "{out}"
    );
    assert!(
        out.contains("updated 2 people (2 fields; 2 name cards changed)"),
        "{out}"
    );
    let project = delegation_planner::project_file::read_project(Path::new(&file)).unwrap();
    let fang = &project.people[&delegation_planner::model::PersonId::from("fang-yan")];
    assert_eq!(fang.title.en, "Director of Standards");
}
