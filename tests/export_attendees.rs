//! Attendee exports read back: the CSV parsed and re-imported, the XLSX unzipped, the PDF's
//! text extracted, name cards counted.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // Test helpers may panic: a panic is a failed test.

use std::io::Read as _;

use delegation_planner::export::ExportLanguage;
use delegation_planner::export::attendees;
use delegation_planner::import::attendees::{build_edit, guess_mapping, read_csv, rows_to_people};
use delegation_planner::model::{MeetingId, Person, PersonId, Project};

fn sample() -> Project {
    delegation_planner::samples::ccaa_afnor().unwrap()
}

fn meeting(p: &Project) -> &delegation_planner::model::Meeting {
    &p.meetings[&MeetingId::from("paris-2024")]
}

#[test]
fn csv_is_excel_safe_and_in_protocol_order() {
    let mut p = sample();
    p.people.get_mut(&PersonId::from("fang-yan")).unwrap().email =
        "=HYPERLINK(\"http://evil\")".into();
    p.people
        .get_mut(&PersonId::from("wang-qian"))
        .unwrap()
        .title
        .en = "Deputy, \"acting\" director".into();
    let csv = attendees::csv(&p, Some(meeting(&p)));
    assert!(csv.starts_with('\u{feff}'), "BOM for Excel");
    assert!(csv.contains("\r\n"), "RFC 4180 line ends");
    let mut reader = csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(
        headers[..9],
        [
            "Honorific",
            "Family name",
            "Given name",
            "Chinese name",
            "Organisation",
            "Organisation (Chinese)",
            "Title",
            "Title (Chinese)",
            "Email"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 7);
    // Head of each delegation first, sides in the meeting's order.
    assert_eq!(&rows[0][1], "Huang");
    assert_eq!(&rows[3][1], "Augereau Landais");
    assert_eq!(&rows[3][12], "Head of delegation");
    assert_eq!(
        &rows[1][8], "'=HYPERLINK(\"http://evil\")",
        "formula neutralised"
    );
    assert_eq!(
        &rows[2][6], "Deputy, \"acting\" director",
        "quoted field survives"
    );
}

#[test]
fn csv_round_trip_changes_nothing() {
    let original = sample();
    let csv = attendees::csv(&original, None);
    // Into an empty project: the same people come back, field by field.
    let table = read_csv(csv.as_bytes()).unwrap();
    let mapping = guess_mapping(&table.headers);
    let empty = Project::default();
    let parsed = rows_to_people(&table, &mapping, &empty);
    let (edit, _) = build_edit(&empty, &parsed, None);
    let mut imported = empty.clone();
    edit.apply(&mut imported);
    let key = |p: &Person, org: &str| {
        (
            p.honorific,
            p.family_name.clone(),
            p.given_name.clone(),
            p.chinese_name.clone(),
            p.name_order,
            p.title.clone(),
            p.email.clone(),
            org.to_owned(),
        )
    };
    let mut before: Vec<_> = original
        .people
        .values()
        .map(|p| {
            key(
                p,
                &original.organisations[p.organisation.as_ref().unwrap()].acronym,
            )
        })
        .collect();
    let mut after: Vec<_> = imported
        .people
        .values()
        .map(|p| {
            key(
                p,
                &imported.organisations[p.organisation.as_ref().unwrap()].acronym,
            )
        })
        .collect();
    before.sort();
    after.sort();
    assert_eq!(before, after);
    // Into the project it came from: everyone is matched, nothing changes.
    let parsed = rows_to_people(&table, &mapping, &original);
    let (edit, summary) = build_edit(&original, &parsed, None);
    assert_eq!(summary.matched_people.len(), 7);
    let mut same = original.clone();
    edit.apply(&mut same);
    assert_eq!(same, original);
    // Semicolons and tabs, with or without BOM, read the same.
    for delimiter in [";", "\t"] {
        // Commas inside quoted titles become the delimiter too: only the table's shape counts.
        let other = csv.trim_start_matches('\u{feff}').replace(',', delimiter);
        let t = read_csv(other.as_bytes()).unwrap();
        assert_eq!(t.headers, table.headers);
        assert_eq!(t.rows.len(), 7);
    }
}

#[test]
fn xlsx_holds_strings_never_formulas() {
    let mut p = sample();
    p.people.get_mut(&PersonId::from("fang-yan")).unwrap().email = "=1+1".into();
    let bytes = attendees::xlsx(&p, Some(meeting(&p))).unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut shared = String::new();
    archive
        .by_name("xl/sharedStrings.xml")
        .unwrap()
        .read_to_string(&mut shared)
        .unwrap();
    for text in [
        "黄继先",
        "方 艳",
        "常务副会长兼秘书长",
        "Augereau Landais",
        "中国认证认可协会",
    ] {
        assert!(shared.contains(text), "{text} missing");
    }
    let mut sheet = String::new();
    archive
        .by_name("xl/worksheets/sheet1.xml")
        .unwrap()
        .read_to_string(&mut sheet)
        .unwrap();
    assert!(!sheet.contains("<f>"), "no formula cells");
    assert!(sheet.matches("<row ").count() == 8, "header + 7 rows");
    let mut workbook = String::new();
    archive
        .by_name("xl/workbook.xml")
        .unwrap()
        .read_to_string(&mut workbook)
        .unwrap();
    assert!(
        workbook.contains("2024-09-23"),
        "sheet named after the meeting date"
    );
}

#[test]
fn printable_lists_group_by_side_and_escape() {
    let mut p = sample();
    p.people
        .get_mut(&PersonId::from("zhang-peter"))
        .unwrap()
        .title
        .en = "<b>Boss</b> & co".into();
    let html = attendees::html(&p, Some(meeting(&p)), ExportLanguage::Both);
    assert!(html.contains("<h2>CCAA delegation / 中国认证认可协会代表团</h2>"));
    assert!(html.contains("&lt;b&gt;Boss&lt;/b&gt; &amp; co"));
    assert!(html.find("HUANG Jixian").unwrap() < html.find("FANG Yan").unwrap());
    let md = attendees::markdown(&p, Some(meeting(&p)), ExportLanguage::Zh);
    assert!(
        md.contains("| 1 | 黄继先 | 常务副会长兼秘书长 | 中国认证认可协会 |"),
        "{md}"
    );
    let pdf = attendees::pdf(&p, Some(meeting(&p)), ExportLanguage::Both).unwrap();
    let text: String = pdf_extract::extract_text_from_mem(&pdf)
        .unwrap()
        .split_whitespace()
        .collect();
    for expected in [
        "HUANGJixian黄继先",
        "方艳",
        "常务副会长兼秘书长",
        "MyriamAUGEREAULANDAIS",
        "AFNOR法国标准化协会",
    ] {
        assert!(text.contains(expected), "{expected} not in {text}");
    }
}

#[test]
fn name_cards_one_per_attendee_with_spaced_two_character_names() {
    let mut p = sample();
    // A declined guest gets no card.
    let m = p.meetings.get_mut(&MeetingId::from("paris-2024")).unwrap();
    m.attendees[6].status = delegation_planner::model::AttendanceStatus::Declined;
    p.people
        .get_mut(&PersonId::from("fang-yan"))
        .unwrap()
        .chinese_name = "方艳".into();
    let bytes = attendees::name_cards(&p, meeting(&p)).unwrap();
    let doc = pdf_extract::extract_text_from_mem(&bytes).unwrap();
    assert!(doc.contains("方 艳"), "two-character names spaced on cards");
    assert!(doc.contains("Mr. HUANG Jixian"));
    assert!(!doc.contains("ZHANG"), "declined: no card");
    let pages = lopdf_page_count(&bytes);
    assert_eq!(pages, 6);
    assert_eq!(attendees::chinese_card_name("黄继先"), "黄继先");
    assert_eq!(attendees::chinese_card_name("王 茜"), "王 茜");
}

fn lopdf_page_count(bytes: &[u8]) -> usize {
    pdf_extract::Document::load_mem(bytes)
        .unwrap()
        .get_pages()
        .len()
}

#[test]
fn cli_import_paste_then_export_csv() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("p.ron");
    let mut p = sample();
    p.people.clear();
    p.meetings
        .get_mut(&MeetingId::from("paris-2024"))
        .unwrap()
        .attendees
        .clear();
    p.meetings
        .get_mut(&MeetingId::from("paris-2024"))
        .unwrap()
        .agenda
        .clear();
    p.commitments.clear();
    delegation_planner::project_file::save_project(&file, &p).unwrap();
    let bin = env!("CARGO_BIN_EXE_delegation-planner");
    let out = std::process::Command::new(bin)
        .args([
            "import",
            "attendees",
            file.to_str().unwrap(),
            "--meeting",
            "paris-2024",
            "--from",
            "tests/fixtures/ccaa-afnor-attendees.txt",
        ])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains(
            "added 7 people and 0 organisations, matched 0 people, 7 new attendees of paris-2024"
        ),
        "{stdout}"
    );
    let loaded = delegation_planner::project_file::read_project(&file).unwrap();
    let m = meeting(&loaded);
    assert_eq!(m.attendees.len(), 7);
    assert_eq!(
        m.attendees[0].role,
        delegation_planner::model::AttendanceRole::HeadOfDelegation
    );
    assert_eq!(m.attendees[3].side.as_ref().unwrap().as_str(), "afnor");
    assert_eq!(m.attendees[3].rank, 1);
    let target = dir.path().join("list.csv");
    let out = std::process::Command::new(bin)
        .args([
            "export",
            "attendees",
            file.to_str().unwrap(),
            "--meeting",
            "paris-2024",
            "--format",
            "csv",
            "-o",
        ])
        .arg(&target)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(
        std::fs::read_to_string(&target)
            .unwrap()
            .contains("Huang,Jixian,黄继先")
    );
}

#[test]
fn invisible_characters_never_reach_an_export() {
    let mut p = sample();
    let wang = p.people.get_mut(&PersonId::from("wang-qian")).unwrap();
    wang.family_name = "Wa\u{202E}ng\u{200B}".into();
    wang.title.en = "Deputy\u{2066} Director".into();
    let m = meeting(&p);
    let outputs = [
        attendees::csv(&p, Some(m)),
        attendees::html(&p, Some(m), ExportLanguage::Both),
        attendees::markdown(&p, Some(m), ExportLanguage::En),
    ];
    for out in &outputs {
        assert!(!out.contains(['\u{202E}', '\u{200B}', '\u{2066}']), "{out}");
        assert!(
            out.contains("WANG Qian") || out.contains("Wang,Qian"),
            "{out}"
        );
    }
}
