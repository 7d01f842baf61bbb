//! `tests/hostile/imports/` keeps a copy of each small hostile file of issue 21 (the fuzz
//! targets start from them, and a reader of `docs/upstream-reports.md` can take them
//! as they are). Each is built in code too (`tests/hostile_imports/`): this test checks
//! the copies are what the code builds, and that the library refuses each with the
//! words it must give, without a panic. `REGENERATE_HOSTILE=1 cargo test --test
//! import_hostile_files` writes the copies again.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // Test helpers may panic: a panic is a failed test.

mod hostile_imports;
mod word;

use std::path::PathBuf;

use delegation_planner::import::archive::Archive;
use delegation_planner::import::attendees::Matcher;
use delegation_planner::import::boundary::guard;
use delegation_planner::import::gate::{Input, InputError};
use delegation_planner::import::list::{ListKind, ReadOptions, read_list_bytes};
use delegation_planner::import::programme_file::read_programme;
use delegation_planner::model::Project;
use hostile_imports as build;

/// Each file: its name, its bytes, and words its refusal as a list must hold.
fn files() -> Vec<(&'static str, Vec<u8>, &'static str)> {
    let mut stray = "姓名,单位\n张伟,国家认监委\n李娜,CQC\n".as_bytes().to_vec();
    stray.insert(stray.len() - 5, 0xB0);
    vec![
        (
            "unique-count-u64-max.xlsx",
            build::xlsx_with_unique_count("18446744073709551615"),
            "too many texts",
        ),
        (
            "unique-count-1e9.xlsx",
            build::xlsx_with_unique_count("1000000000"),
            "too many texts",
        ),
        (
            "cells-a2-and-xfd1048576.xlsx",
            build::xlsx_with_corners(),
            "too many rows",
        ),
        (
            "cut-at-4096.xls",
            build::xls(300)[..4096].to_vec(),
            "damaged",
        ),
        (
            "cells-a1-and-iv65536.xls",
            build::xls_with_corners(),
            "too many cells",
        ),
        (
            "inverted-dimensions.xls",
            build::xls_with_inverted_dimensions(),
            "too many cells",
        ),
        (
            "repeats-900000x100.ods",
            build::ods_repeated(900_000, 100),
            "too many cells",
        ),
        (
            "malformed-repeat.ods",
            build::ods_malformed_repeat(),
            "is not a positive number",
        ),
        (
            "sheet-of-200mb-spaces.xlsx",
            build::xlsx_bomb(200 * 1024 * 1024),
            "too large once unpacked",
        ),
        (
            "document-of-200mb-spaces.docx",
            word::document_bomb(200 * 1024 * 1024),
            "too large once unpacked",
        ),
        (
            "without-document.docx",
            word::without_document(),
            "the Word document has no text part (word/document.xml)",
        ),
        (
            "garbage-document.docx",
            word::garbage_document(),
            "the file is damaged (word/document.xml:",
        ),
        (
            "table-of-1000000-rows.docx",
            word::document_with_rows(1_000_000),
            "too many rows (word/document.xml): 250,001; the limit is 250,000 rows",
        ),
    ]
}

/// Good files of every kind the readers take, the fuzz targets' other seeds.
fn seeds() -> Vec<(&'static str, Vec<u8>)> {
    let list = "姓名,单位,职务\n张伟,国家认监委,处长\n王芳,中国质量认证中心,主任\n";
    let french = "Civilité;Nom;Prénom;Société\nMme;LEFÈVRE;Hélène;AFNOR\n";
    let programme = "11月5日（星期二）\n上午9:00 开幕致辞 Opening — Dr. Betty XU\n10 min Break\n下午2点半 参观实验室\n";
    vec![
        ("list.xlsx", build::xlsx_list()),
        ("list.xls", build::xls(4)),
        (
            "list.ods",
            build::ods(
                r#"<table:table-row><table:table-cell office:value-type="string"><text:p>姓名</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>单位</text:p></table:table-cell></table:table-row><table:table-row><table:table-cell office:value-type="string"><text:p>刘江</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>CQC</text:p></table:table-cell></table:table-row>"#,
            ),
        ),
        (
            "list-gb18030.csv",
            encoding_rs::GB18030.encode(list).0.into_owned(),
        ),
        (
            "list-utf16le.csv",
            list.encode_utf16().flat_map(u16::to_le_bytes).collect(),
        ),
        (
            "list-1252.csv",
            encoding_rs::WINDOWS_1252.encode(french).0.into_owned(),
        ),
        ("programme-utf8.txt", programme.as_bytes().to_vec()),
        (
            "programme.docx",
            build::docx("09:00 Opening — Dr. Betty XU"),
        ),
        (
            "programme-table.docx",
            word::Doc::new()
                .title("欧盟代表团访问中国质量认证中心日程安排")
                .para("2025年5月12日（星期一）")
                .table(&[
                    word::row_br(&["时间\nTime", "议程\nAgenda", "发言人\nSpeaker"]).header(),
                    word::row_br(&["9:00-9:30", "开幕致辞\nOpening remarks", "刘江\nLIU Jiang"]),
                    word::row_of(vec![word::cell("下午").span(3)]),
                ])
                .bytes(),
        ),
        (
            "list.docx",
            word::Doc::new()
                .table(&[
                    word::row(&["Title", "姓名\nName", "单位\nOrganisation"]).header(),
                    word::row_of(vec![
                        word::cell("Ms."),
                        word::cell("王芳\nWANG Fang"),
                        word::cell("中国质量认证中心\nCQC").restart(),
                    ]),
                    word::row_of(vec![
                        word::cell("Mr."),
                        word::cell("刘江\nLIU Jiang"),
                        word::Cell::merged(),
                    ]),
                ])
                .bytes(),
        ),
        (
            "programme-gb18030.txt",
            encoding_rs::GB18030.encode(programme).0.into_owned(),
        ),
    ]
}

#[test]
fn the_fuzz_seeds_are_what_the_code_builds() {
    let folder = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds/imports");
    for (name, bytes) in seeds() {
        let path = folder.join(name);
        if std::env::var_os("REGENERATE_HOSTILE").is_some() {
            std::fs::create_dir_all(&folder).unwrap();
            std::fs::write(&path, &bytes).unwrap();
        }
        let copy = std::fs::read(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(
            copy == bytes
                || name.ends_with(".xlsx")
                || name.ends_with(".ods")
                || name.ends_with(".docx"),
            "{name}: the copy is not what the code builds"
        );
    }
}

fn folder() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/hostile/imports")
}

#[test]
fn the_copies_are_what_the_code_builds_and_each_is_refused() {
    let regenerate = std::env::var_os("REGENERATE_HOSTILE").is_some();
    let project = Project::default();
    let matcher = Matcher::new(&project);
    for (name, bytes, words) in files() {
        let path = folder().join(name);
        if regenerate {
            std::fs::create_dir_all(folder()).unwrap();
            std::fs::write(&path, &bytes).unwrap();
        }
        let copy = std::fs::read(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
        // Zip writers stamp the time: compare what the archives hold, not their bytes.
        if copy != bytes {
            assert!(
                name.ends_with(".xlsx") || name.ends_with(".ods") || name.ends_with(".docx"),
                "{name}: the copy is not what the code builds"
            );
        }
        let err = read_list_bytes(
            copy.clone(),
            ListKind::Text,
            &ReadOptions::default(),
            &matcher,
            &mut |_| true,
        )
        .map(|_| ())
        .unwrap_err();
        assert!(err.to_string().contains(words), "{name}: {err}");
        let err = read_programme(Input::from_bytes(copy).unwrap(), None).unwrap_err();
        assert!(!err.to_string().is_empty());
    }
}

#[test]
fn a_member_that_lies_about_its_size_stops_inflating_at_what_it_declares() {
    let bomb = build::xlsx_bomb(200 * 1024 * 1024);
    let member = "xl/worksheets/sheet1.xml";
    let liar = build::with_declared_size(&bomb, member, 1000);
    let mut archive = Archive::open(&liar).unwrap();
    let err = archive.read(member).unwrap_err();
    assert!(matches!(err, InputError::Damaged(_)), "{err}");
}

#[test]
fn third_party_readers_run_behind_the_boundary() {
    // What calamine itself does with the damaged files does not reach the caller as a
    // panic. (Not the others: calamine asks for 24 GB or 17 billion cells on them, which
    // would end this process; the prescans refuse them before calamine sees them.)
    for (name, bytes, _) in files().into_iter().filter(|(name, _, _)| {
        [
            "cut-at-4096.xls",
            "malformed-repeat.ods",
            "inverted-dimensions.xls",
        ]
        .contains(name)
    }) {
        let result = guard("calamine", || {
            let cursor = std::io::Cursor::new(bytes.clone());
            calamine::open_workbook_auto_from_rs(cursor).map(|_| ())
        });
        if let Err(panic) = result {
            eprintln!("{name}: calamine panicked: {}", panic.message);
        }
    }
}
