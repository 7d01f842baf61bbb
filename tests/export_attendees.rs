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
        .days
        .iter_mut()
        .for_each(|d| d.items.clear());
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

/// The text of one part of an unzipped workbook.
fn xlsx_part(bytes: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes.to_vec())).unwrap();
    let mut text = String::new();
    archive
        .by_name(name)
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text
}

#[test]
fn xlsx_is_fitted_filtered_frozen_and_print_ready() {
    let mut p = sample();
    // A second meeting on the same day, with the same title: sheet names must differ.
    let mut twin = meeting(&p).clone();
    twin.attendees.truncate(2);
    p.meetings.insert(MeetingId::from("paris-2024-b"), twin);
    let bytes = attendees::xlsx(&p, None).unwrap();
    let workbook = xlsx_part(&bytes, "xl/workbook.xml");
    let names: Vec<&str> = workbook
        .split("<sheet name=\"")
        .skip(1)
        .map(|s| s.split('"').next().unwrap())
        .collect();
    assert_eq!(
        names.len(),
        3,
        "People, then a sheet per meeting: {names:?}"
    );
    assert_eq!(names[0], "People 人员");
    assert!(
        names[1].contains("2024-09-23") && names[1].starts_with("CCAA"),
        "{names:?}"
    );
    assert_ne!(names[1].to_lowercase(), names[2].to_lowercase());
    assert!(names.iter().all(|n| n.chars().count() <= 31));
    for sheet in ["sheet1", "sheet2", "sheet3"] {
        let xml = xlsx_part(&bytes, &format!("xl/worksheets/{sheet}.xml"));
        assert!(
            xml.contains("<autoFilter ref=\"A1:"),
            "{sheet}: no autofilter"
        );
        assert!(
            xml.contains("state=\"frozen\""),
            "{sheet}: header not frozen"
        );
        assert!(
            xml.contains("orientation=\"landscape\""),
            "{sheet}: not landscape"
        );
        assert!(
            xml.contains("fitToHeight=\"0\""),
            "{sheet}: not fit to width"
        );
        assert!(xml.contains("<pageSetUpPr fitToPage=\"1\"/>"), "{sheet}");
        // Fitted widths: the columns are not all alike.
        let widths: std::collections::BTreeSet<&str> = xml
            .split("width=\"")
            .skip(1)
            .map(|s| s.split('"').next().unwrap())
            .collect();
        assert!(widths.len() > 3, "{sheet}: widths {widths:?}");
    }
    // The header row is repeated on every printed page.
    assert!(workbook.contains("_xlnm.Print_Titles"), "{workbook}");
    // The meeting's Order column (O, after Phone) holds numbers (no `t="s"`), 1… per side.
    let meeting_sheet = xlsx_part(&bytes, "xl/worksheets/sheet2.xml");
    let order_cells: Vec<&str> = meeting_sheet
        .split("<c r=\"O")
        .skip(2)
        .map(|c| c.split("</c>").next().unwrap())
        .collect();
    assert_eq!(order_cells.len(), 7, "{meeting_sheet}");
    let numbers: Vec<&str> = order_cells
        .iter()
        .map(|c| {
            assert!(!c.contains("t=\"s\""), "Order stored as text: {c}");
            c.split("<v>").nth(1).unwrap().trim_end_matches("</v>")
        })
        .collect();
    assert_eq!(numbers, ["1", "2", "3", "1", "2", "3", "4"]);
}

#[test]
fn order_runs_one_to_n_per_side_and_no_raw_key_reaches_a_document() {
    let mut p = sample();
    // Ranks as a hand-edited file may hold them: gaps and repeats.
    let m = p.meetings.get_mut(&MeetingId::from("paris-2024")).unwrap();
    for (a, rank) in m.attendees.iter_mut().zip([4, 2, 2, 3, 9, 9, 0]) {
        a.rank = rank;
    }
    let csv = attendees::csv(&p, Some(meeting(&p)));
    let mut reader = csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let headers = reader.headers().unwrap().clone();
    let column = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let order: Vec<&str> = rows.iter().map(|r| &r[column("Order")]).collect();
    assert_eq!(order, ["1", "2", "3", "1", "2", "3", "4"]);
    for row in &rows {
        let name_order = &row[column("Name order")];
        assert!(
            ["Family name first", "Given name first"].contains(&name_order),
            "{name_order}"
        );
    }
    let html = attendees::html(&p, Some(meeting(&p)), ExportLanguage::En);
    assert!(!html.contains("family-first") && !html.contains("given-first"));
}

#[test]
fn a_chinese_list_names_an_acronym_only_organisation_and_dates_the_chinese_way() {
    let mut p = sample();
    let afnor = p
        .organisations
        .get_mut(&delegation_planner::model::OrganisationId::from("afnor"))
        .unwrap();
    afnor.name = Default::default();
    let md = attendees::markdown(&p, Some(meeting(&p)), ExportLanguage::Zh);
    assert!(md.contains("| AFNOR |"), "{md}");
    let pdf = attendees::pdf(&p, Some(meeting(&p)), ExportLanguage::Zh).unwrap();
    let text: String = pdf_extract::extract_text_from_mem(&pdf)
        .unwrap()
        .split_whitespace()
        .collect();
    assert!(text.contains("2024年9月23日星期一"), "{text}");
    assert!(text.contains("AFNOR"), "{text}");
    for id in p.people.keys() {
        assert!(!text.contains(id.as_str()), "id {id} printed");
    }
}

#[test]
fn a_name_with_a_rare_character_prints_in_the_list_and_on_the_cards() {
    let mut p = sample();
    // 䶮 (U+4DAE) is in CJK Extension A, outside GBK.
    p.people
        .get_mut(&PersonId::from("wang-qian"))
        .unwrap()
        .chinese_name = "王䶮".into();
    let request = |format| delegation_planner::export::ExportRequest::Attendees {
        meeting: Some(MeetingId::from("paris-2024")),
        format,
        language: ExportLanguage::Both,
        personal: Vec::new(),
    };
    let list = request(attendees::AttendeeFormat::Pdf)
        .render_with(&p, &mut |_, _| true)
        .unwrap();
    assert!(list.unprintable.is_empty(), "{:?}", list.unprintable);
    let text = pdf_extract::extract_text_from_mem(&list.bytes).unwrap();
    assert!(text.contains("王䶮"), "{text}");
    let cards = delegation_planner::export::ExportRequest::NameCards(
        MeetingId::from("paris-2024"),
        Default::default(),
    )
    .render_with(&p, &mut |_, _| true)
    .unwrap();
    assert!(cards.unprintable.is_empty());
    let text = pdf_extract::extract_text_from_mem(&cards.bytes).unwrap();
    assert!(text.contains("王 䶮"), "two characters, spaced: {text}");

    // A character no font has is named before anything is written.
    p.people
        .get_mut(&PersonId::from("wang-qian"))
        .unwrap()
        .chinese_name = "王\u{2FFFD}".into();
    let list = request(attendees::AttendeeFormat::Pdf)
        .render_with(&p, &mut |_, _| true)
        .unwrap();
    assert_eq!(list.unprintable, ['\u{2FFFD}']);
    // Formats another program draws have nothing to report.
    let csv = request(attendees::AttendeeFormat::Csv)
        .render_with(&p, &mut |_, _| true)
        .unwrap();
    assert!(csv.unprintable.is_empty());
}

#[test]
fn name_cards_come_in_three_sizes_with_a_choice_of_face() {
    use delegation_planner::export::pdf::{CardFace, CardOptions, CardSize};
    let p = sample();
    let render = |size, face| {
        let (bytes, cards) =
            attendees::name_cards_with(&p, meeting(&p), CardOptions { size, face }, &mut |_, _| {
                true
            })
            .unwrap();
        (bytes, cards)
    };
    let (a4, cards) = render(CardSize::A4Folded, CardFace::Both);
    assert_eq!(lopdf_page_count(&a4), cards);
    let (a5, _) = render(CardSize::A5Tent, CardFace::Both);
    assert_eq!(lopdf_page_count(&a5), cards);
    let (two, _) = render(CardSize::TwoPerA4, CardFace::Both);
    assert_eq!(lopdf_page_count(&two), cards.div_ceil(2));
    let page_size = |bytes: &[u8]| {
        let doc = pdf_extract::Document::load_mem(bytes).unwrap();
        let (_, page) = doc.get_pages().into_iter().next().unwrap();
        let media = doc
            .get_dictionary(page)
            .unwrap()
            .get(b"MediaBox")
            .unwrap()
            .as_array()
            .unwrap()
            .iter()
            .map(|v| {
                v.as_float()
                    .unwrap_or_else(|_| v.as_i64().unwrap() as f32)
                    .round() as i64
            })
            .collect::<Vec<_>>();
        (media[2], media[3])
    };
    assert_eq!(page_size(&a4), (842, 595), "A4 landscape");
    assert_eq!(page_size(&a5), (595, 421), "A5 landscape");
    assert_eq!(page_size(&two), (595, 842), "A4 portrait");
    // Chinese towards the guests: the Chinese name once, the Latin name once (on the
    // back), not both twice.
    let (zh, _) = render(CardSize::A4Folded, CardFace::Chinese);
    let text = pdf_extract::extract_text_from_mem(&zh).unwrap();
    assert_eq!(text.matches("黄继先").count(), 1, "{text}");
    assert_eq!(text.matches("HUANG Jixian").count(), 1, "{text}");
    assert!(text.contains("常务副会长兼秘书长") && text.contains("Executive Vice President"));
}

#[test]
fn the_command_line_names_a_character_no_font_has_and_takes_card_options() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("p.ron");
    let mut p = sample();
    p.people
        .get_mut(&PersonId::from("wang-qian"))
        .unwrap()
        .chinese_name = "王\u{2FFFD}".into();
    delegation_planner::project_file::save_project(&file, &p).unwrap();
    let bin = env!("CARGO_BIN_EXE_delegation-planner");
    let target = dir.path().join("cards.pdf");
    let out = std::process::Command::new(bin)
        .args([
            "export",
            "name-cards",
            file.to_str().unwrap(),
            "--meeting",
            "paris-2024",
            "--size",
            "two-per-a4",
            "--face",
            "en",
            "--allow-latin-on-zh",
            "-o",
        ])
        .arg(&target)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("warning:") && stderr.contains("(U+2FFFD)"),
        "{stderr}"
    );
    let bytes = std::fs::read(&target).unwrap();
    let cards = meeting(&p)
        .attendees
        .iter()
        .filter(|a| a.status != delegation_planner::model::AttendanceStatus::Declined)
        .count();
    assert_eq!(lopdf_page_count(&bytes), cards.div_ceil(2));
}
