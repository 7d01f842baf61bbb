//! `import agenda --from X.docx` and `import attendees --from X.docx` run as real
//! processes (issue 22): the Word file read, what it gave said, and the saved project
//! read back; a hostile Word file refused with the project left byte for byte.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // Test helpers may panic: a panic is a failed test.

mod word;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use delegation_planner::model::{Honorific, MeetingId, Project};
use word::{Doc, cell, row, row_br, row_of};

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

fn project() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("paris.ron");
    std::fs::write(&path, delegation_planner::samples::CCAA_AFNOR_RON).unwrap();
    (dir, path)
}

fn load(path: &Path) -> Project {
    delegation_planner::project_file::parse_project(&std::fs::read(path).unwrap(), path).unwrap()
}

#[test]
fn import_agenda_from_a_word_programme() {
    let (dir, file) = project();
    let docx = dir.path().join("programme.docx");
    let doc = Doc::new().title("欧盟代表团访问日程").table(&[
        row_br(&["时间\nTime", "议程\nAgenda", "发言人\nSpeaker"]).header(),
        row_br(&[
            "16:00-16:30",
            "开幕致辞\nOpening remarks",
            "Mr. Helge ENGELHARD\nBMWi",
        ]),
        row_br(&["16:30-17:15", "签署合作备忘录\nSigning of the MoU", ""]),
    ]);
    std::fs::write(&docx, doc.bytes()).unwrap();
    let (file_s, docx_s) = (file.to_str().unwrap(), docx.to_str().unwrap());
    let before = load(&file);
    let meeting = MeetingId::from("paris-2024");
    let items_before: usize = before.meetings[&meeting]
        .days
        .iter()
        .map(|d| d.items.len())
        .sum();
    let (code, out, err) = run(&[
        "import",
        "agenda",
        file_s,
        "--meeting",
        "paris-2024",
        "--from",
        docx_s,
    ]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("line 2: 30 min  开幕致辞 Opening remarks  [Mr. Helge ENGELHARD (BMWi) (guest speaker, not in the project)]\n"), "{out}");
    assert!(
        out.contains("line 3: 45 min  签署合作备忘录 Signing of the MoU\n"),
        "{out}"
    );
    let after = load(&file);
    let items: Vec<_> = after.meetings[&meeting]
        .days
        .iter()
        .flat_map(|d| d.items.iter())
        .collect();
    let opening = items
        .iter()
        .find(|i| i.title.en == "Opening remarks")
        .expect("the opening is saved");
    assert_eq!(opening.title.zh, "开幕致辞");
    assert_eq!(opening.duration_minutes, 30);
    assert_eq!(opening.guest_speakers, ["Mr. Helge ENGELHARD (BMWi)"]);
    let signing = items
        .iter()
        .find(|i| i.title.en == "Signing of the MoU")
        .expect("the signing is saved");
    assert_eq!(
        (signing.title.zh.as_str(), signing.duration_minutes),
        ("签署合作备忘录", 45)
    );
    // The title line is the text parser's to classify; the two rows are two items.
    assert!(items.len() >= items_before + 2);
    assert!(
        !std::fs::read_to_string(&file)
            .unwrap()
            .contains("word/document.xml")
    );
}

#[test]
fn import_attendees_from_a_word_list() {
    let (dir, file) = project();
    let docx = dir.path().join("delegation.docx");
    let doc = Doc::new()
        .title("中国代表团名单 Chinese delegation")
        .table(&[
            row(&[
                "Title",
                "姓名\nName",
                "单位\nOrganisation",
                "职务\nPosition",
            ])
            .header(),
            row_of(vec![
                cell("Ms."),
                cell("王芳\nWANG Fang"),
                cell("国家认监委\nCNCA").restart(),
                cell("处长\nDirector"),
            ]),
            row_of(vec![
                cell("Mr."),
                cell("欧阳振华\nOUYANG Zhenhua"),
                word::Cell::merged(),
                cell("副处长\nDeputy Director"),
            ]),
        ]);
    std::fs::write(&docx, doc.bytes()).unwrap();
    let (file_s, docx_s) = (file.to_str().unwrap(), docx.to_str().unwrap());
    let (code, out, err) = run(&["import", "attendees", file_s, "--from", docx_s]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        out.starts_with(&format!(
            "read {docx_s}: Word document, its table, header on line 2\n"
        )),
        "{out}"
    );
    assert!(out.contains("added\tMs. WANG Fang 王芳"), "{out}");
    assert!(out.contains("added\tMr. OUYANG Zhenhua 欧阳振华"), "{out}");
    assert!(
        out.contains(
            "skipped\tline 1: title above the header (中国代表团名单 Chinese delegation)\n"
        ),
        "{out}"
    );
    let after = load(&file);
    let wang = after
        .people
        .values()
        .find(|p| p.chinese_name == "王芳")
        .expect("王芳 is saved");
    assert_eq!(
        (
            wang.honorific,
            wang.family_name.as_str(),
            wang.given_name.as_str()
        ),
        (Honorific::Ms, "Wang", "Fang")
    );
    assert_eq!(
        (wang.title.en.as_str(), wang.title.zh.as_str()),
        ("Director", "处长")
    );
    let ouyang = after
        .people
        .values()
        .find(|p| p.chinese_name == "欧阳振华")
        .expect("欧阳振华 is saved");
    assert_eq!(ouyang.honorific, Honorific::Mr);
    assert_eq!(
        ouyang.organisation, wang.organisation,
        "the merged cell gives both the same organisation"
    );
    assert!(wang.organisation.is_some());
}

#[test]
fn a_hostile_word_file_is_refused_and_the_project_left_alone() {
    let (dir, file) = project();
    let before = std::fs::read(&file).unwrap();
    let file_s = file.to_str().unwrap();
    for (name, bytes, words) in [
        (
            "rows.docx",
            word::document_with_rows(1_000_000),
            "the file has too many rows (word/document.xml): 250,001; the limit is 250,000 rows; nothing was imported",
        ),
        (
            "bomb.docx",
            word::document_bomb(200 * 1024 * 1024),
            "a part of the file is too large once unpacked (word/document.xml): 200.0 MB; the limit is 128 MB; nothing was imported",
        ),
        (
            "empty.docx",
            word::without_document(),
            "the Word document has no text part (word/document.xml)",
        ),
        (
            "garbage.docx",
            word::garbage_document(),
            "the file is damaged (word/document.xml:",
        ),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let path_s = path.to_str().unwrap();
        for args in [
            vec!["import", "attendees", file_s, "--from", path_s],
            vec![
                "import",
                "agenda",
                file_s,
                "--meeting",
                "paris-2024",
                "--from",
                path_s,
            ],
        ] {
            let started = Instant::now();
            let (code, out, err) = run(&args);
            assert_eq!(code, 1, "{name}: {out}{err}");
            assert!(
                err.starts_with(&format!("{path_s}: ")) && err.contains(words),
                "{name}: {err}"
            );
            assert!(
                started.elapsed().as_secs() < 20,
                "{name}: {:?}",
                started.elapsed()
            );
            assert_eq!(
                std::fs::read(&file).unwrap(),
                before,
                "{name}: the project changed"
            );
        }
    }
}
