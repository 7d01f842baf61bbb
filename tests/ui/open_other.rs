//! File › Open given a file that is no project (issue 27): an attendee list or a programme
//! is offered to its import, into the open project; an image is said for what it is; a
//! damaged project keeps its own error with its line and column. Driven by label.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // Test helpers may panic: a panic is a failed test.

use crate::common;

use common::{ScriptedDialogs, app_harness, sample_file, settle};
use delegation_planner::app::DelegationApp;
use delegation_planner::i18n::Language;
use delegation_planner::model::MeetingId;
use delegation_planner::workspace::{Command, Dialog, Picked};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

fn open(h: &mut Harness<'_, DelegationApp>, dialogs: &ScriptedDialogs, path: &std::path::Path) {
    dialogs.answer(Picked::File(path.to_owned()));
    let ctx = h.ctx.clone();
    h.state_mut().run_command(&ctx, Command::Open);
    settle(h);
}

/// An attendee list as a German office sends it: a title row above the headers.
fn din_list_xlsx() -> Vec<u8> {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    let rows: [[&str; 3]; 4] = [
        ["Teilnehmerliste DIN – Besuch der CCAA, Mai 2025", "", ""],
        ["Name", "Organisation", "Funktion"],
        ["Klaus MÜLLER-LANG", "DIN", "Direktor"],
        ["Jörg WEBER", "PTB", "Referent"],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            if !cell.is_empty() {
                sheet
                    .write_string(u32::try_from(r).unwrap(), u16::try_from(c).unwrap(), *cell)
                    .unwrap();
            }
        }
    }
    workbook.save_to_buffer().unwrap()
}

#[test]
fn an_xlsx_given_to_open_is_offered_to_the_list_import_and_imported_into_the_open_project() {
    let (dir, path) = sample_file();
    let dialogs = ScriptedDialogs::default();
    let mut h = app_harness(Some(path.clone()), dialogs.clone());
    let people_before = h.state().workspace.doc.project().people.len();
    let list = dir.path().join("teilnehmer.xlsx");
    std::fs::write(&list, din_list_xlsx()).unwrap();
    open(&mut h, &dialogs, &list);
    // Said for what it is, with the list import as the main action.
    h.get_by_label("“teilnehmer.xlsx” is an Excel workbook, not a Delegation Planner project.");
    h.get_by_label("It looks like an attendee list. Import its people into the open project?");
    assert!(
        h.query_by_label_contains("not UTF-8").is_none(),
        "not the project reader's byte error"
    );
    h.get_by_label("Import as attendee list…").click();
    settle(&mut h);
    // The import's preview, on the list given to Open, for the sample's meeting.
    let Some(Dialog::ImportAttendees(state)) = &h.state().workspace.dialog else {
        panic!("the import: {:?}", h.state().workspace.dialog)
    };
    assert_eq!(state.meeting, Some(MeetingId::from("paris-2024")));
    assert_eq!(state.file.as_ref().unwrap().name, "teilnehmer.xlsx");
    h.get_by_label("Add people (2)").click();
    settle(&mut h);
    let workspace = &h.state().workspace;
    let project = workspace.doc.project();
    assert_eq!(project.people.len(), people_before + 2);
    assert!(
        project
            .people
            .values()
            .any(|p| p.family_name == "Müller-Lang" && p.given_name == "Klaus")
    );
    // Still the same project, its file untouched on disk until saved.
    assert_eq!(workspace.doc.path(), Some(path.as_path()));
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        delegation_planner::samples::CCAA_AFNOR_RON
    );
}

#[test]
fn a_gb18030_programme_given_to_open_goes_to_the_meeting_s_paste_dialog_on_enter() {
    let (dir, path) = sample_file();
    let dialogs = ScriptedDialogs::default();
    let mut h = app_harness(Some(path), dialogs.clone());
    let text = "第一天 2025年5月12日\r\n上午9:00 开幕致辞\r\n9:30-10:30 双方介绍\r\n（地点：第一会议室）\r\n下午14:00 参观实验室\r\n";
    let (gb, _, _) = encoding_rs::GB18030.encode(text);
    let programme = dir.path().join("日程.txt");
    std::fs::write(&programme, &gb).unwrap();
    open(&mut h, &dialogs, &programme);
    h.get_by_label("“日程.txt” is a text or CSV file, not a Delegation Planner project.");
    h.get_by_label("It looks like a meeting programme. Import it into a meeting's agenda?");
    // Enter takes the main action: the programme import, into the latest meeting.
    h.key_press(egui::Key::Enter);
    settle(&mut h);
    let Some(Dialog::PasteAgenda { meeting, text, .. }) = &h.state().workspace.dialog else {
        panic!("the paste dialog: {:?}", h.state().workspace.dialog)
    };
    assert_eq!(meeting, &MeetingId::from("paris-2024"));
    assert!(text.contains("上午9:00 开幕致辞"), "{text}");
    // Nothing changed until the preview is confirmed.
    assert!(!h.state().workspace.doc.is_dirty());
}

#[test]
fn an_image_is_said_for_what_it_is_and_a_damaged_project_keeps_its_own_error() {
    let (dir, path) = sample_file();
    let dialogs = ScriptedDialogs::default();
    let mut h = app_harness(Some(path), dialogs.clone());
    let image = dir.path().join("photo.ron");
    std::fs::write(&image, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01").unwrap();
    open(&mut h, &dialogs, &image);
    let Some(Dialog::Error { message, .. }) = &h.state().workspace.dialog else {
        panic!("an error: {:?}", h.state().workspace.dialog)
    };
    let message = message.text(Language::English);
    assert!(
        message.starts_with("“photo.ron” is a PNG image, not a Delegation Planner project"),
        "{message}"
    );
    h.state_mut().workspace.dialog = None;

    // A project cut off in the middle: no import offered, its line and column said.
    let damaged = dir.path().join("damaged.ron");
    let sample = delegation_planner::samples::CCAA_AFNOR_RON;
    std::fs::write(&damaged, &sample[..sample.len() / 2]).unwrap();
    open(&mut h, &dialogs, &damaged);
    let Some(Dialog::Error { message, .. }) = &h.state().workspace.dialog else {
        panic!("an error: {:?}", h.state().workspace.dialog)
    };
    let message = message.text(Language::English);
    assert!(message.contains("damaged.ron:"), "{message}");
    assert!(!message.contains("Import"), "{message}");
}

#[test]
fn the_offer_speaks_chinese_and_a_programme_needs_a_meeting() {
    let (dir, path) = sample_file();
    let dialogs = ScriptedDialogs::default();
    let mut h = app_harness(Some(path), dialogs.clone());
    h.get_by_label("View").click();
    settle(&mut h);
    h.get_by_label("中文").click();
    settle(&mut h);
    let programme = dir.path().join("programme.csv");
    std::fs::write(
        &programme,
        "Time;Item\n09:00;Welcome\n09:30;Presentation of AFNOR\n11:00;Visit\n",
    )
    .unwrap();
    open(&mut h, &dialogs, &programme);
    h.get_by_label("“programme.csv”是文本或 CSV 文件，不是代表团会务助手的项目文件。");
    h.get_by_label("看起来是一份会议日程。要把它导入到某次会议的议程吗？");
    // Without a meeting, a programme has nowhere to go: its button is off and says why.
    h.get_by_label("会议").click();
    settle(&mut h);
    h.get_by_label("不指定会议（仅导入人员）").click();
    settle(&mut h);
    h.get_by_label("日程需导入到某次会议的议程中：请先添加会议，或选择一次会议。");
    h.get_by_label("作为日程导入…").click();
    settle(&mut h);
    assert!(matches!(
        h.state().workspace.dialog,
        Some(Dialog::ImportInstead(_))
    ));
    h.get_by_label("取消").click();
    settle(&mut h);
    assert!(h.state().workspace.dialog.is_none());
}

#[test]
fn without_a_file_dialog_open_lists_the_lists_and_offers_their_import() {
    let (dir, path) = sample_file();
    let dialogs = ScriptedDialogs::default();
    let mut h = app_harness(Some(path), dialogs.clone());
    let list = dir.path().join("teilnehmer.xlsx");
    std::fs::write(&list, din_list_xlsx()).unwrap();
    std::fs::write(dir.path().join("photo.png"), b"\x89PNG\r\n\x1a\n").unwrap();
    dialogs.answer(Picked::Unavailable("no desktop portal".into()));
    let ctx = h.ctx.clone();
    h.state_mut().run_command(&ctx, Command::Open);
    settle(&mut h);
    // The browser, on the folder typed: the project and the list are listed, the image not.
    h.get_by_label("File path").click();
    settle(&mut h);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_label("File path")
        .type_text(&format!("{}/", dir.path().display()));
    settle(&mut h);
    assert!(h.query_by_label("paris.ron").is_some());
    assert!(h.query_by_label("photo.png").is_none());
    h.get_by_label("teilnehmer.xlsx").click();
    settle(&mut h);
    h.get_by_label("Open").click();
    settle(&mut h);
    h.get_by_label("Import as attendee list…");
}

#[test]
fn text_named_as_a_project_keeps_the_project_error() {
    let (dir, path) = sample_file();
    let dialogs = ScriptedDialogs::default();
    let mut h = app_harness(Some(path), dialogs.clone());
    // A project whose header was lost in an edit: taken for a damaged project, not a list.
    let notes = dir.path().join("notes.ron");
    std::fs::write(&notes, "Name,Organisation\nPeter ZHANG,AFNOR\n").unwrap();
    open(&mut h, &dialogs, &notes);
    let Some(Dialog::Error { message, .. }) = &h.state().workspace.dialog else {
        panic!("the project error: {:?}", h.state().workspace.dialog)
    };
    assert!(message.text(Language::English).contains("notes.ron:1:"));
    // The same text named .csv is a list.
    let list = dir.path().join("notes.csv");
    std::fs::copy(&notes, &list).unwrap();
    h.state_mut().workspace.dialog = None;
    open(&mut h, &dialogs, &list);
    h.get_by_label("Import as attendee list…");
}
