//! Seating plans as they leave the app, made by the command line as a real process and
//! opened as their readers open them: the CSV parsed, the PDF's text read, the Word
//! document unzipped, the place cards counted and read in seat order.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // Test helpers may panic: a panic is a failed test.

use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use delegation_planner::model::seating::{SeatingPlan, TalksOptions};
use delegation_planner::model::{
    AttendanceMode, AttendanceRole, AttendanceStatus, Attendee, Honorific, MeetingId, NameOrder,
    Person, PersonId, Project, SideId,
};

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_delegation-planner"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// The CCAA–AFNOR sample with an interpreter and a note-taker on the CCAA side, and three
/// more who will not sit: one declined, one joining online, one marked absent.
fn project() -> Project {
    let mut p = delegation_planner::samples::ccaa_afnor().unwrap();
    let person = |family: &str, given: &str, chinese: &str, org: &str| Person {
        honorific: Honorific::Ms,
        family_name: family.into(),
        given_name: given.into(),
        chinese_name: chinese.into(),
        name_order: if chinese.is_empty() {
            NameOrder::GivenFirst
        } else {
            NameOrder::FamilyFirst
        },
        organisation: Some(org.into()),
        ..Person::default()
    };
    let extra = [
        (
            "li-na",
            person("Li", "Na", "李 娜", "ccaa"),
            "ccaa",
            AttendanceRole::Interpreter,
            AttendanceStatus::Confirmed,
            AttendanceMode::OnSite,
        ),
        (
            "zhou-ming",
            person("Zhou", "Ming", "周明", "ccaa"),
            "ccaa",
            AttendanceRole::NoteTaker,
            AttendanceStatus::Confirmed,
            AttendanceMode::OnSite,
        ),
        (
            "martin-lea",
            person("Martin", "Léa", "", "afnor"),
            "afnor",
            AttendanceRole::Member,
            AttendanceStatus::Declined,
            AttendanceMode::OnSite,
        ),
        (
            "roux-anne",
            person("Roux", "Anne", "", "afnor"),
            "afnor",
            AttendanceRole::Member,
            AttendanceStatus::Confirmed,
            AttendanceMode::Remote,
        ),
        (
            "blanc-eve",
            person("Blanc", "Ève", "", "afnor"),
            "afnor",
            AttendanceRole::Member,
            AttendanceStatus::Absent,
            AttendanceMode::OnSite,
        ),
    ];
    let meeting = p.meetings.get_mut(&MeetingId::from("paris-2024")).unwrap();
    for (id, _, side, role, status, mode) in &extra {
        let mut a = Attendee::new(PersonId::from(*id));
        a.side = Some(SideId::from(*side));
        a.role = *role;
        a.status = *status;
        a.mode = *mode;
        a.rank = 9;
        meeting.attendees.push(a);
    }
    for (id, person, ..) in extra {
        p.people.insert(PersonId::from(id), person);
    }
    p
}

fn write(dir: &Path, p: &Project) -> PathBuf {
    let path = dir.join("paris.ron");
    std::fs::write(
        &path,
        delegation_planner::project_file::to_ron_string(p).unwrap(),
    )
    .unwrap();
    path
}

/// The CSV's records (the byte-order mark taken off), header first.
fn records(path: &Path) -> Vec<Vec<String>> {
    let text = std::fs::read_to_string(path).unwrap();
    let text = text.strip_prefix('\u{feff}').expect("a BOM for Excel");
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

/// The PDF's text without white space: a text extractor breaks lines where a run of one
/// font meets another (`1` and `号桌`), which says nothing about the page.
fn pdf_text(path: &Path) -> String {
    squeeze(&pdf_extract::extract_text_from_mem(&std::fs::read(path).unwrap()).unwrap())
}

fn squeeze(text: &str) -> String {
    text.split_whitespace().collect()
}

#[test]
fn the_talks_csv_has_one_row_per_attendee_not_marked_absent() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), &project());
    let out = dir.path().join("talks.csv");
    let (code, _, err) = run(&[
        "export",
        "seating",
        file.to_str().unwrap(),
        "--meeting",
        "paris-2024",
        "--layout",
        "talks",
        "--format",
        "csv",
        "--lang",
        "en",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(err.is_empty(), "everyone has a seat: {err}");
    let rows = records(&out);
    assert_eq!(
        rows[0],
        [
            "Table",
            "Side",
            "Place",
            "Honorific",
            "Family name",
            "Given name",
            "Chinese name",
            "Role"
        ]
    );
    // 12 attendees, one marked absent: 11 rows.
    assert_eq!(rows.len() - 1, 11);
    assert!(
        !rows.iter().any(|r| r[4] == "Blanc"),
        "the absent one has no row"
    );
    let row = |family: &str| rows.iter().find(|r| r[4] == family).unwrap().clone();
    // The CCAA head at the centre, the interpreter on his right, the second in
    // precedence on his left, the third on the right beyond the interpreter; the
    // note-taker behind.
    assert_eq!(row("Huang")[..3], ["1", "CCAA delegation", "centre"]);
    assert_eq!(row("Li")[2], "right 1");
    assert_eq!(row("Li")[7], "Interpreter");
    assert_eq!(row("Fang")[2], "left 1");
    assert_eq!(row("Wang")[2], "right 2");
    assert_eq!(row("Zhou")[2], "behind right 1");
    assert_eq!(row("Huang")[3..7], ["Mr.", "Huang", "Jixian", "黄继先"]);
    // AFNOR: no interpreter, the second sits on the head's right.
    assert_eq!(row("Augereau Landais")[2], "centre");
    assert_eq!(row("Tsai")[2], "right 1");
    assert_eq!(row("Shen")[2], "left 1");
    // Not in the room: said, with no table.
    assert_eq!(row("Martin")[..3], ["", "AFNOR", "declined"]);
    assert_eq!(row("Roux")[2], "online");
}

#[test]
fn the_banquet_csv_counts_places_from_each_tables_host_and_says_who_has_no_seat() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = project();
    // Two tables of four for nine people in the room: one has no seat.
    let m = p.meetings.get_mut(&MeetingId::from("paris-2024")).unwrap();
    m.seating.banquet.tables = Some(2);
    let file = write(dir.path(), &p);
    let out = dir.path().join("banquet.csv");
    let (code, _, err) = run(&[
        "export",
        "seating",
        file.to_str().unwrap(),
        "--meeting",
        "paris-2024",
        "--layout",
        "banquet",
        "--seats-per-table",
        "4",
        "--format",
        "csv",
        "--lang",
        "zh",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("warning: 1 person has no seat: "), "{err}");
    assert!(err.contains("(no seat left)"), "{err}");
    let rows = records(&out);
    assert_eq!(rows.len() - 1, 11, "nobody dropped");
    let table1: Vec<(&str, &str)> = rows
        .iter()
        .filter(|r| r[0] == "1")
        .map(|r| (r[2].as_str(), r[4].as_str()))
        .collect();
    // The AFNOR host at the top, the CCAA head on her right, the second guest on her left,
    // the deputy host opposite.
    assert_eq!(
        table1,
        [
            ("host", "Augereau Landais"),
            ("right 1", "Huang"),
            ("left 1", "Fang"),
            ("opposite", "Tsai")
        ]
    );
    assert_eq!(rows.iter().filter(|r| r[0] == "2").count(), 4);
    let unseated: Vec<&Vec<String>> = rows.iter().filter(|r| r[2] == "no seat").collect();
    assert_eq!(unseated.len(), 1);
    assert_eq!(unseated[0][0], "");
    // Chinese words where the language allows, Place kept in the file's vocabulary.
    let huang = rows.iter().find(|r| r[4] == "Huang").unwrap();
    assert_eq!(huang[1], "中国认证认可协会代表团");
    assert_eq!(huang[3], "先生");
    assert_eq!(huang[7], "团长");
}

#[test]
fn the_plan_pdf_has_every_name_the_door_and_the_tables_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), &project());
    for (layout, paper) in [("talks", "a4"), ("banquet", "a3")] {
        let out = dir.path().join(format!("{layout}.pdf"));
        let (code, _, err) = run(&[
            "export",
            "seating",
            file.to_str().unwrap(),
            "--meeting",
            "paris-2024",
            "--layout",
            layout,
            "--format",
            "pdf",
            "--paper",
            paper,
            "-o",
            out.to_str().unwrap(),
        ]);
        assert_eq!(code, 0, "{err}");
        let text = pdf_text(&out);
        for name in [
            "HUANG Jixian",
            "黄继先",
            "方 艳",
            "AUGEREAU LANDAIS",
            "李 娜",
            "Door",
            "门",
        ] {
            assert!(
                text.contains(&squeeze(name)),
                "{layout}: {name} missing in {text}"
            );
        }
        // The lists after the drawing say who is not in the room: the absent one is
        // named there, and nowhere before it.
        let away = text.find("Notintheroom").expect("who is not in the room");
        assert_eq!(text.find("ÈveBLANC"), text.rfind("ÈveBLANC"));
        assert!(text.find("ÈveBLANC").unwrap() > away, "{text}");
        if layout == "talks" {
            assert!(text.contains("Talkstable"), "{text}");
            assert!(text.contains("right1右1"), "{text}");
            assert!(text.contains("behindright1"), "{text}");
        } else {
            assert!(text.contains("Table11号桌"), "{text}");
            assert!(text.contains("Byname"), "{text}");
        }
    }
    // In Chinese only: Chinese names, places and the door in Chinese.
    let out = dir.path().join("zh.pdf");
    let (code, _, err) = run(&[
        "export",
        "seating",
        file.to_str().unwrap(),
        "--meeting",
        "paris-2024",
        "--layout",
        "talks",
        "--format",
        "pdf",
        "--lang",
        "zh",
        "--door",
        "hosts",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let text = pdf_text(&out);
    for word in ["黄继先", "居中", "右1", "主方面门", "门"] {
        assert!(text.contains(word), "{word} missing in {text}");
    }
    assert!(!text.contains("Talkstable"), "{text}");
}

#[test]
fn the_word_plan_unzips_to_a_grid_of_seats_with_the_door() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), &project());
    let out = dir.path().join("plan.docx");
    let (code, _, err) = run(&[
        "export",
        "seating",
        file.to_str().unwrap(),
        "--meeting",
        "paris-2024",
        "--layout",
        "talks",
        "--format",
        "docx",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let mut archive = zip::ZipArchive::new(std::fs::File::open(&out).unwrap()).unwrap();
    let mut xml = String::new();
    archive
        .by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    for text in [
        "Mr. HUANG Jixian",
        "黄继先",
        "Ms. LI Na",
        "Door",
        "门",
        "Talks table",
        "centre 居中",
    ] {
        assert!(xml.contains(text), "{text} missing");
    }
    assert!(xml.contains("w:gridSpan"), "the table row spans the seats");
    assert!(xml.contains(r#"w:orient="landscape""#), "on its side");
    // Every seat's name once in the grid, once in the list after it.
    assert_eq!(xml.matches("Ms. FANG Yan").count(), 2);
}

#[test]
fn place_cards_come_in_seat_order_each_marked_with_its_seat() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), &project());
    let out = dir.path().join("cards.pdf");
    let (code, _, err) = run(&[
        "export",
        "place-cards",
        file.to_str().unwrap(),
        "--meeting",
        "paris-2024",
        "--layout",
        "banquet",
        "--seats-per-table",
        "6",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let bytes = std::fs::read(&out).unwrap();
    let doc = pdf_extract::Document::load_mem(&bytes).unwrap();
    let pages = doc.get_pages();
    // Nine people in the room, one card each.
    assert_eq!(pages.len(), 9);
    let page = |n: u32| squeeze(&doc.extract_text(&[n]).unwrap());
    // Seat order: table 1's host, then the guest of honour on her right, then her left.
    assert!(page(1).contains("MyriamAUGEREAULANDAIS"), "{}", page(1));
    assert!(page(1).contains("Table1·host/1号桌主人位"), "{}", page(1));
    assert!(page(2).contains("HUANGJixian"), "{}", page(2));
    assert!(page(2).contains("Table1·right1/1号桌右1"), "{}", page(2));
    assert!(page(3).contains("Table1·left1"), "{}", page(3));
    assert!(page(9).contains("Table2"), "{}", page(9));
}

#[test]
fn the_talks_plan_follows_the_meetings_own_seats_and_options() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = project();
    // The meeting's plan seats the interpreter behind and has three seats a side: the
    // CLI keeps both; the CCAA's fourth at the table is said to have no seat.
    let m = p.meetings.get_mut(&MeetingId::from("paris-2024")).unwrap();
    m.seating = SeatingPlan {
        talks: TalksOptions {
            interpreter: delegation_planner::model::seating::InterpreterSeat::Behind,
            seats_per_side: Some(3),
            ..TalksOptions::default()
        },
        ..SeatingPlan::default()
    };
    let file = write(dir.path(), &p);
    let out = dir.path().join("talks.csv");
    let (code, _, err) = run(&[
        "export",
        "seating",
        file.to_str().unwrap(),
        "--meeting",
        "paris-2024",
        "--layout",
        "talks",
        "--format",
        "csv",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("1 person has no seat: Peter ZHANG (no seat left)"),
        "{err}"
    );
    let rows = records(&out);
    let place = |family: &str| rows.iter().find(|r| r[4] == family).unwrap()[2].clone();
    assert_eq!(place("Li"), "behind centre");
    assert_eq!(place("Fang"), "right 1");
    assert_eq!(place("Zhang"), "no seat");
}

#[test]
fn wrong_arguments_are_refused_before_anything_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), &project());
    let out = dir.path().join("x.csv");
    let (code, _, err) = run(&[
        "export",
        "seating",
        file.to_str().unwrap(),
        "--meeting",
        "paris-2024",
        "--layout",
        "banquet",
        "--seats-per-table",
        "2",
        "--format",
        "csv",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("--seats-per-table"), "{err}");
    let (code, _, err) = run(&[
        "export",
        "seating",
        file.to_str().unwrap(),
        "--meeting",
        "nowhere",
        "--layout",
        "talks",
        "--format",
        "csv",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 1);
    assert!(
        err.contains("no meeting `nowhere`; the meetings are: paris-2024"),
        "{err}"
    );
    let (code, _, err) = run(&[
        "export",
        "seating",
        file.to_str().unwrap(),
        "--meeting",
        "paris-2024",
        "--layout",
        "talks",
        "--format",
        "csv",
        "-o",
        file.to_str().unwrap(),
    ]);
    assert_eq!(code, 1, "{err}");
    assert!(!out.exists());
}
