//! Attendees and people through the real app: paste a list, correct it, sort, search,
//! reorder by protocol, merge a duplicate, export.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // Test helpers may panic: a panic is a failed test.

use crate::common;

use std::io::Read as _;

use common::{ScriptedDialogs, app_harness, press, settle, type_into};
use delegation_planner::app::DelegationApp;
use delegation_planner::model::{MeetingId, PersonId, Project};
use delegation_planner::workspace::Picked;
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

const REPORT: &str = include_str!("../fixtures/ccaa-afnor-attendees.txt");

/// The sample with no people and an empty attendance: a meeting before its list arrives.
fn empty_meeting_file() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("paris.ron");
    let mut p = delegation_planner::samples::ccaa_afnor().unwrap();
    p.people.clear();
    p.commitments.clear();
    let m = p.meetings.get_mut(&MeetingId::from("paris-2024")).unwrap();
    m.attendees.clear();
    m.days.iter_mut().for_each(|d| d.items.clear());
    delegation_planner::project_file::save_project(&path, &p).unwrap();
    (dir, path)
}

fn project<'a>(h: &'a Harness<'_, DelegationApp>) -> &'a Project {
    h.state().workspace.doc.project()
}

/// Top of a node on screen, for checking the order rows are shown in.
fn top(h: &Harness<'_, DelegationApp>, label: &str) -> f32 {
    h.get_by_label(label).rect().top()
}

#[test]
fn paste_the_report_list_correct_it_and_add_in_one_step() {
    let (_dir, path) = empty_meeting_file();
    let mut h = app_harness(Some(path), ScriptedDialogs::default());
    h.get_by_label("Import list…").click();
    settle(&mut h);
    type_into(&mut h, "Pasted list", REPORT);
    // The preview shows the seven people; AFNOR's two people without an organisation of
    // their own are flagged.
    assert_eq!(h.query_all_by_label("▲ AFNOR").count(), 2);
    // Correct a field in the preview before adding.
    // August TSAI is the fifth row; his English title is "Title 5".
    assert_eq!(
        h.get_by_label("Title 5").value().as_deref(),
        Some("Vice President of AFNOR China")
    );
    h.get_by_label("Title 5").focus();
    settle(&mut h);
    h.key_press(Key::End);
    h.get_by_label("Title 5").type_text(" (Beijing)");
    settle(&mut h);
    assert!(
        project(&h).people.is_empty(),
        "nothing changes before the user confirms"
    );
    h.get_by_label("Add people (7)").click();
    settle(&mut h);

    let p = project(&h);
    assert_eq!(p.people.len(), 7);
    assert_eq!(
        p.people[&PersonId::from("tsai-august")].title.en,
        "Vice President of AFNOR China (Beijing)"
    );
    assert_eq!(p.people[&PersonId::from("fang-yan")].chinese_name, "方 艳");
    let m = &p.meetings[&MeetingId::from("paris-2024")];
    assert_eq!(m.attendees.len(), 7);
    let afnor_side: Vec<_> = m
        .precedence(&p.people, Some(&"afnor".into()))
        .iter()
        .map(|a| a.person.as_str().to_owned())
        .collect();
    assert_eq!(
        afnor_side,
        [
            "augereau-landais-myriam",
            "tsai-august",
            "shen-cindy",
            "zhang-peter"
        ]
    );
    assert!(
        h.state()
            .workspace
            .toast_text()
            .unwrap()
            .contains("Added 7 people")
    );
    // One undo step takes it all back.
    press(&mut h, Key::Z);
    assert!(project(&h).people.is_empty());
    assert!(
        project(&h).meetings[&MeetingId::from("paris-2024")]
            .attendees
            .is_empty()
    );
}

#[test]
fn sort_and_search_the_people() {
    let (_dir, path) = common::sample_file();
    let mut h = app_harness(Some(path), ScriptedDialogs::default());
    h.get_by_label("People  (7)").click();
    settle(&mut h);
    // By family name: AUGEREAU LANDAIS first, ZHANG last.
    assert!(top(&h, "Myriam AUGEREAU LANDAIS") < top(&h, "Peter ZHANG"));
    h.get_by_label("Name ↑").click();
    settle(&mut h);
    assert!(
        top(&h, "Peter ZHANG") < top(&h, "Myriam AUGEREAU LANDAIS"),
        "reversed"
    );
    // The column header comes before the editor's "Organisation" field.
    h.get_all_by_label("Organisation").next().unwrap().click();
    settle(&mut h);
    assert!(
        top(&h, "Myriam AUGEREAU LANDAIS") < top(&h, "FANG Yan 方 艳"),
        "AFNOR before CCAA"
    );

    // Search in either script, any case or width, ignoring the alignment space.
    for query in ["方艳", "ＦＡＮＧ", "fang yan", "technical standards"] {
        h.get_by_label("Search…").click();
        settle(&mut h);
        h.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
        h.get_by_label("Search…").type_text(query);
        settle(&mut h);
        assert!(h.query_by_label("FANG Yan 方 艳").is_some(), "{query}");
        assert!(h.query_by_label("Peter ZHANG").is_none(), "{query}");
    }
}

#[test]
fn reorder_a_delegation_in_protocol_order() {
    let (_dir, path) = common::sample_file();
    let mut h = app_harness(Some(path), ScriptedDialogs::default());
    h.get_by_label("CCAA delegation 3 · AFNOR 4 — Attended 7");
    // Fold the details away so the attendees are on screen.
    h.get_by_label("Details").click();
    settle(&mut h);
    // Rows are text until selected; the selected one carries its combo boxes and buttons.
    assert!(
        h.query_by_label("Earlier in protocol order: Peter ZHANG")
            .is_none()
    );
    h.get_by_role_and_label(egui::accesskit::Role::Button, "Peter ZHANG")
        .click();
    settle(&mut h);
    h.get_by_label("Earlier in protocol order: Peter ZHANG")
        .click();
    settle(&mut h);
    let p = project(&h);
    let m = &p.meetings[&MeetingId::from("paris-2024")];
    let afnor = |p: &Project| -> Vec<String> {
        p.meetings[&MeetingId::from("paris-2024")]
            .precedence(&p.people, Some(&"afnor".into()))
            .iter()
            .map(|a| a.person.as_str().to_owned())
            .collect()
    };
    assert_eq!(
        afnor(p),
        [
            "augereau-landais-myriam",
            "tsai-august",
            "zhang-peter",
            "shen-cindy"
        ]
    );
    // The move is kept as such: after August TSAI, by hand; the list's numbers stay.
    let zhang = m
        .attendees
        .iter()
        .find(|a| a.person.as_str() == "zhang-peter")
        .unwrap();
    assert_eq!(
        zhang.placement,
        Some(delegation_planner::model::Placement::After(
            "tsai-august".into()
        ))
    );
    assert_eq!(zhang.rank, 4);
    press(&mut h, Key::Z);
    assert_eq!(afnor(project(&h))[3], "zhang-peter");
}

#[test]
fn merge_a_person_typed_twice() {
    let (_dir, path) = common::sample_file();
    let mut h = app_harness(Some(path), ScriptedDialogs::default());
    h.get_by_label("People  (7)").click();
    settle(&mut h);
    h.get_by_label("+ Add person").click();
    settle(&mut h);
    type_into(&mut h, "Chinese name", "黄继先");
    type_into(&mut h, "Email", "huang@ccaa.example");
    // The new entry sees the existing HUANG Jixian; go to the original and merge.
    h.get_by_label("HUANG Jixian 黄继先").click();
    settle(&mut h);
    h.get_by_label("Merge into this person").click();
    settle(&mut h);
    let p = project(&h);
    assert_eq!(p.people.len(), 7);
    assert_eq!(
        p.people[&PersonId::from("huang-jixian")].email,
        "huang@ccaa.example"
    );
    assert!(delegation_planner::model::validate(p).is_empty());
}

#[test]
fn export_the_list_and_name_cards_from_the_meeting() {
    let (dir, path) = common::sample_file();
    let dialogs = ScriptedDialogs::default();
    let mut h = app_harness(Some(path), dialogs.clone());
    let xlsx = dir.path().join("list.xlsx");
    dialogs.answer(Picked::File(xlsx.clone()));
    h.get_by_label("Export list").click();
    settle(&mut h);
    h.get_by_label("Excel workbook (.xlsx)").click();
    settle(&mut h);
    h.get_by_label("Save…").click();
    settle(&mut h);
    let mut archive = zip::ZipArchive::new(std::fs::File::open(&xlsx).unwrap()).unwrap();
    let mut shared = String::new();
    archive
        .by_name("xl/sharedStrings.xml")
        .unwrap()
        .read_to_string(&mut shared)
        .unwrap();
    assert!(shared.contains("黄继先"));

    let cards = dir.path().join("cards");
    dialogs.answer(Picked::File(cards.clone()));
    h.get_by_label("Name cards…").click();
    settle(&mut h);
    // The dialog asks for the paper and the faces first.
    h.get_by_label("Save…").click();
    settle(&mut h);
    let pdf = std::fs::read(cards.with_extension("pdf")).unwrap();
    let text = pdf_extract::extract_text_from_mem(&pdf).unwrap();
    assert!(text.contains("方 艳") && text.contains("Myriam AUGEREAU LANDAIS"));
    assert!(
        h.state()
            .workspace
            .toast_text()
            .unwrap()
            .contains("cards.pdf")
    );
}

#[test]
fn import_a_csv_with_column_mapping() {
    let (dir, path) = empty_meeting_file();
    // A spreadsheet export with its own headers, semicolons and a BOM.
    let csv_path = dir.path().join("guests.csv");
    std::fs::write(
        &csv_path,
        "\u{feff}Surname;First name;中文姓名;Company;Position;Mobile\nXU;Betty;徐贝蒂;CQC;\"Director; Testing\";+86 10 1234\nMÜLLER;Klaus;;DIN;Head of Standards;\n",
    )
    .unwrap();
    let dialogs = ScriptedDialogs::default();
    let mut h = app_harness(Some(path), dialogs.clone());
    h.get_by_label("Import list…").click();
    settle(&mut h);
    dialogs.answer(Picked::File(csv_path));
    h.get_by_label("Open a file…").click();
    settle(&mut h);
    // Recognised without mapping: surname, first name, Chinese name, company, position,
    // mobile; the preview shows both rows before anything changes. A family name in
    // capitals is the list's convention: it is stored in proper case (issue 12).
    assert_eq!(
        h.get_by_label("Family name 1").value().as_deref(),
        Some("Xu")
    );
    assert_eq!(
        h.get_by_label("Title 1").value().as_deref(),
        Some("Director; Testing")
    );
    assert!(project(&h).people.is_empty());
    h.get_by_label("Add people (2)").click();
    settle(&mut h);
    let p = project(&h);
    assert_eq!(p.people.len(), 2);
    let xu = p
        .people
        .values()
        .find(|p| p.chinese_name == "徐贝蒂")
        .unwrap();
    assert_eq!(
        (xu.given_name.as_str(), xu.phone.as_str()),
        ("Betty", "+86 10 1234")
    );
    assert_eq!(
        p.organisations
            .values()
            .filter(|o| o.acronym == "CQC" || o.acronym == "DIN")
            .count(),
        2
    );
    assert_eq!(
        p.meetings[&MeetingId::from("paris-2024")].attendees.len(),
        2
    );
}
