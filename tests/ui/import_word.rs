//! A delegation list sent as a Word file, opened in the app's attendee import (issue 22):
//! the file picked through the scripted dialogs, the preview showing how it was read, each
//! person with both languages from the cells' two lines, the title above the table said as
//! skipped, and the people added.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // Test helpers may panic: a panic is a failed test.

use crate::common;
use crate::word;

use common::{ScriptedDialogs, app_harness, settle};
use delegation_planner::model::Honorific;
use delegation_planner::workspace::Picked;
use egui_kittest::kittest::Queryable as _;
use word::{Cell, Doc, cell, row, row_of};

#[test]
fn a_word_list_is_previewed_and_added() {
    let (dir, path) = common::sample_file();
    let list = dir.path().join("delegation.docx");
    let doc = Doc::new()
        .title("中国代表团名单 Chinese delegation")
        .para("2025年5月12日")
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
                Cell::merged(),
                cell("副处长\nDeputy Director"),
            ]),
        ]);
    std::fs::write(&list, doc.bytes()).unwrap();
    let dialogs = ScriptedDialogs::default();
    let mut h = app_harness(Some(path), dialogs.clone());
    h.get_by_label("Import list…").click();
    settle(&mut h);
    dialogs.answer(Picked::File(list));
    h.get_by_label("Open a file…").click();
    settle(&mut h);
    common::finish_jobs(&mut h);
    assert!(
        h.query_by_label("Word document, its table · header on line 3")
            .is_some(),
        "how the file was read"
    );
    assert!(
        h.query_by_label("2 new · 0 already in the project · 0 updated · 2 skipped")
            .is_some()
    );
    assert!(
        h.query_by_label("Line 1 — title above the header: 中国代表团名单 Chinese delegation")
            .is_some()
    );
    assert!(
        h.query_by_label("Line 2 — title above the header: 2025年5月12日")
            .is_some()
    );
    assert_eq!(
        h.get_by_label("Family name 1").value().as_deref(),
        Some("Wang")
    );
    assert_eq!(
        h.get_by_label("Given name 1").value().as_deref(),
        Some("Fang")
    );
    assert_eq!(
        h.get_by_label("Chinese name 1").value().as_deref(),
        Some("王芳")
    );
    assert_eq!(
        h.get_by_label("Family name 2").value().as_deref(),
        Some("Ouyang")
    );
    assert_eq!(
        h.get_by_label("Chinese name 2").value().as_deref(),
        Some("欧阳振华")
    );
    h.get_by_label("Add people (2)").click();
    settle(&mut h);
    common::finish_jobs(&mut h);
    assert!(h.state().workspace.dialog.is_none());
    let p = h.state().workspace.doc.project();
    let wang = p
        .people
        .values()
        .find(|x| x.chinese_name == "王芳")
        .unwrap();
    assert_eq!(wang.honorific, Honorific::Ms);
    assert_eq!(
        (wang.title.en.as_str(), wang.title.zh.as_str()),
        ("Director", "处长")
    );
    let ouyang = p
        .people
        .values()
        .find(|x| x.chinese_name == "欧阳振华")
        .unwrap();
    assert_eq!(ouyang.honorific, Honorific::Mr);
    assert_eq!(
        (ouyang.title.en.as_str(), ouyang.title.zh.as_str()),
        ("Deputy Director", "副处长")
    );
    assert_eq!(ouyang.organisation, wang.organisation);
}

#[test]
fn a_word_programme_is_opened_into_the_paste_agenda_dialog() {
    let (dir, path) = common::sample_file();
    let programme = dir.path().join("programme.docx");
    let doc = Doc::new().table(&[
        word::row_br(&["时间\nTime", "议程\nAgenda", "发言人\nSpeaker"]).header(),
        word::row_br(&[
            "16:00-16:30",
            "开幕致辞\nOpening remarks",
            "Mr. Helge ENGELHARD\nBMWi",
        ]),
        word::row_br(&["16:30-17:15", "签署合作备忘录\nSigning of the MoU", ""]),
    ]);
    std::fs::write(&programme, doc.bytes()).unwrap();
    let dialogs = ScriptedDialogs::default();
    let mut h = app_harness(Some(path), dialogs.clone());
    h.get_by_label("Paste agenda…").click();
    settle(&mut h);
    dialogs.answer(Picked::File(programme));
    h.get_by_label("Open a file…").click();
    settle(&mut h);
    let Some(delegation_planner::workspace::Dialog::PasteAgenda { text, .. }) =
        h.state().workspace.dialog.as_ref()
    else {
        panic!("the paste dialog stays open")
    };
    assert_eq!(
        text,
        "16:00-16:30 开幕致辞 Opening remarks — Mr. Helge ENGELHARD (BMWi)\n16:30-17:15 签署合作备忘录 Signing of the MoU\n"
    );
    h.get_by_label("Add items (2)").click();
    settle(&mut h);
    let p = h.state().workspace.doc.project();
    let m = &p.meetings[&delegation_planner::model::MeetingId::from("paris-2024")];
    let items: Vec<_> = m.days.iter().flat_map(|d| d.items.iter()).collect();
    let opening = items
        .iter()
        .find(|i| i.title.en == "Opening remarks")
        .unwrap();
    assert_eq!(
        (opening.title.zh.as_str(), opening.duration_minutes),
        ("开幕致辞", 30)
    );
    assert_eq!(opening.guest_speakers, ["Mr. Helge ENGELHARD (BMWi)"]);
    assert!(
        items
            .iter()
            .any(|i| i.title.zh == "签署合作备忘录" && i.duration_minutes == 45)
    );
}

#[test]
fn a_programme_file_that_cannot_be_read_is_said_in_a_dialog() {
    let (dir, path) = common::sample_file();
    let broken = dir.path().join("programme.docx");
    std::fs::write(&broken, word::garbage_document()).unwrap();
    let dialogs = ScriptedDialogs::default();
    let mut h = app_harness(Some(path), dialogs.clone());
    h.get_by_label("Paste agenda…").click();
    settle(&mut h);
    dialogs.answer(Picked::File(broken));
    h.get_by_label("Open a file…").click();
    settle(&mut h);
    let Some(delegation_planner::workspace::Dialog::Error { title, message }) =
        h.state().workspace.dialog.as_ref()
    else {
        panic!("an error dialog")
    };
    let title = title.text(delegation_planner::i18n::Language::English);
    let message = message.text(delegation_planner::i18n::Language::English);
    assert_eq!(title, "The programme could not be read");
    assert!(
        message.starts_with("programme.docx: the file is damaged (word/document.xml:"),
        "{message}"
    );
}

#[test]
fn without_a_file_dialog_the_programme_path_is_typed() {
    let (dir, path) = common::sample_file();
    let programme = dir.path().join("programme.docx");
    let doc = Doc::new().table(&[
        row(&["Time", "Item"]).header(),
        row(&["16:00-16:30", "Opening remarks"]),
    ]);
    std::fs::write(&programme, doc.bytes()).unwrap();
    let dialogs = ScriptedDialogs::default();
    let mut h = app_harness(Some(path), dialogs.clone());
    h.get_by_label("Paste agenda…").click();
    settle(&mut h);
    h.get_by_label("Replace the current agenda").click();
    settle(&mut h);
    dialogs.answer(Picked::Unavailable(
        "No file dialog is available on this desktop.".into(),
    ));
    h.get_by_label("Open a file…").click();
    settle(&mut h);
    h.get_by_label_contains("No file dialog is available");
    // The field holds the default folder: the whole path is typed over it.
    h.get_by_label("File path").click();
    settle(&mut h);
    common::press(&mut h, egui::Key::A);
    h.get_by_label("File path")
        .type_text(&programme.display().to_string());
    settle(&mut h);
    h.get_by_label("Open").click();
    settle(&mut h);
    let Some(delegation_planner::workspace::Dialog::PasteAgenda { text, replace, .. }) =
        h.state().workspace.dialog.as_ref()
    else {
        panic!("the paste dialog is back: {:?}", h.state().workspace.dialog)
    };
    assert_eq!(text, "16:00-16:30 Opening remarks\n");
    assert!(*replace, "as the user left it");
}

#[test]
fn closing_the_file_browser_gives_the_paste_dialog_back_as_it_was() {
    let (_dir, path) = common::sample_file();
    let dialogs = ScriptedDialogs::default();
    let mut h = app_harness(Some(path), dialogs.clone());
    h.get_by_label("Paste agenda…").click();
    settle(&mut h);
    h.get_by_label("Replace the current agenda").click();
    settle(&mut h);
    if let Some(delegation_planner::workspace::Dialog::PasteAgenda { text, .. }) =
        &mut h.state_mut().workspace.dialog
    {
        *text = "09:00 Welcome\n".to_owned();
    }
    settle(&mut h);
    dialogs.answer(Picked::Unavailable(
        "No file dialog is available on this desktop.".into(),
    ));
    h.get_by_label("Open a file…").click();
    settle(&mut h);
    h.get_by_label_contains("No file dialog is available");
    h.get_by_label("Cancel").click();
    settle(&mut h);
    let Some(delegation_planner::workspace::Dialog::PasteAgenda { text, replace, .. }) =
        h.state().workspace.dialog.as_ref()
    else {
        panic!("the paste dialog is back: {:?}", h.state().workspace.dialog)
    };
    assert_eq!(text, "09:00 Welcome\n", "with its text");
    assert!(*replace, "and its choice");
}
