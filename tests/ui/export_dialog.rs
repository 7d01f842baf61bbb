//! The export dialog of the app (issue 24): every export asks for the document's language
//! and whether it is the planners' own copy with the internal notes; a copy for partners
//! is the default; the file name comes from the meeting's date and title; the file
//! browser shows files of the export's type; name cards name the people whose Chinese
//! face would carry a Latin name before printing.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // Test helpers may panic: a panic is a failed test.

use crate::common;

use common::{ScriptedDialogs, app_harness, sample_file, settle};
use delegation_planner::app::DelegationApp;
use delegation_planner::export::agenda::AgendaFormat;
use delegation_planner::model::NoteAudience;
use delegation_planner::workspace::{Command, Dialog, Picked};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

fn run(h: &mut Harness<'_, DelegationApp>, command: Command) {
    let ctx = h.ctx.clone();
    h.state_mut().run_command(&ctx, command);
    settle(h);
}

/// The internal notes of the Paris meeting's agenda items.
fn internal_item_notes(h: &Harness<'_, DelegationApp>) -> Vec<String> {
    let project = h.state().workspace.doc.project();
    let notes: Vec<String> = project
        .meetings
        .values()
        .flat_map(|m| m.items())
        .filter(|i| i.notes_audience == NoteAudience::Internal && !i.notes.trim().is_empty())
        .map(|i| i.notes.clone())
        .collect();
    assert!(!notes.is_empty(), "the sample has internal notes");
    notes
}

#[test]
fn an_export_is_for_partners_unless_the_notes_are_ticked_and_in_the_language_chosen() {
    let (dir, path) = sample_file();
    let dialogs = ScriptedDialogs::default();
    let mut h = app_harness(Some(path), dialogs.clone());
    run(&mut h, Command::ShowMeetings);
    let notes = internal_item_notes(&h);

    // Cancel writes nothing and asks for no file.
    let out = dir.path().join("agenda.md");
    dialogs.answer(Picked::File(out.clone()));
    run(&mut h, Command::ExportAgenda(AgendaFormat::Md));
    assert!(matches!(
        h.state().workspace.dialog,
        Some(Dialog::Export(_))
    ));
    h.get_by_label("Cancel").click();
    settle(&mut h);
    assert!(h.state().workspace.dialog.is_none());
    assert!(!out.exists());

    // In Chinese, for partners (the default): the file name from the meeting's date and
    // title, in Chinese, shown before saving; no internal note in the file.
    run(&mut h, Command::ExportAgenda(AgendaFormat::Md));
    h.get_by_label("Chinese").click();
    settle(&mut h);
    assert!(
        h.query_by_label("2024-09-23 中国认证认可协会与法国标准化协会会谈 — 议程.md")
            .is_some()
    );
    h.get_by_label("Save…").click();
    settle(&mut h);
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.contains("议程"), "{text}");
    assert!(!text.contains("Agenda"), "Chinese only: {text}");
    for note in &notes {
        assert!(!text.contains(note.as_str()), "{note} in {text}");
    }

    // The planners' own copy: the notes printed, marked as internal.
    let own = dir.path().join("own.md");
    dialogs.answer(Picked::File(own.clone()));
    run(&mut h, Command::ExportAgenda(AgendaFormat::Md));
    h.get_by_label("English").click();
    h.get_by_label("Include internal notes (our own copy)")
        .click();
    settle(&mut h);
    assert!(h.query_by_label_contains("Do not send this copy").is_some());
    h.get_by_label("Save…").click();
    settle(&mut h);
    let text = std::fs::read_to_string(&own).unwrap();
    for note in &notes {
        assert!(text.contains(note.as_str()), "{note} not in {text}");
    }
    assert!(text.contains("Internal note"), "{text}");

    // The next export is for partners again: the tick is not remembered.
    run(&mut h, Command::ExportAgenda(AgendaFormat::Md));
    let Some(Dialog::Export(setup)) = &h.state().workspace.dialog else {
        panic!("{:?}", h.state().workspace.dialog);
    };
    assert!(!setup.with_notes);
}

#[test]
fn the_file_browser_shows_files_of_the_exports_type_under_a_name_from_the_meeting() {
    let (dir, path) = sample_file();
    std::fs::write(dir.path().join("last year — minutes.docx"), b"PK").unwrap();
    std::fs::write(dir.path().join("notes.txt"), b"x").unwrap();
    let dialogs = ScriptedDialogs::default();
    let mut h = app_harness(Some(path), dialogs.clone());
    run(&mut h, Command::ShowMeetings);
    dialogs.answer(Picked::Unavailable("No file dialog here.".into()));
    run(
        &mut h,
        Command::ExportMinutes(delegation_planner::export::minutes::MinutesFormat::Docx),
    );
    h.get_by_label("Save…").click();
    settle(&mut h);
    let Some(Dialog::PathEntry { text, .. }) = &h.state().workspace.dialog else {
        panic!("{:?}", h.state().workspace.dialog);
    };
    assert!(
        text.ends_with("2024-09-23 CCAA–AFNOR meeting at AFNOR headquarters — minutes.docx"),
        "{text}"
    );
    assert!(h.query_by_label("last year — minutes.docx").is_some());
    assert!(h.query_by_label("paris.ron").is_none());
    assert!(h.query_by_label("notes.txt").is_none());
}

#[test]
fn name_cards_with_a_chinese_face_name_who_has_no_chinese_name() {
    let (_dir, path) = sample_file();
    let dialogs = ScriptedDialogs::default();
    let mut h = app_harness(Some(path), dialogs);
    h.get_by_label("Name cards…").click();
    settle(&mut h);
    // Both scripts on each face: nobody to name.
    assert!(h.query_by_label("No Chinese name").is_none());
    h.get_by_label("Chinese (English on the back)").click();
    settle(&mut h);
    assert!(h.query_by_label("No Chinese name").is_some());
    assert!(h.query_by_label("• Ms. Myriam AUGEREAU LANDAIS").is_some());
    // He has a Chinese name: not named.
    assert!(h.query_by_label_contains("• Mr. HUANG").is_none());
}
