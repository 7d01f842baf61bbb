//! Long work through the real app on real files: a big project opens in the background
//! (the first frame already shows the window), a 50,000-row CSV imports with progress, and
//! name cards for 1,200 attendees are drawn on a job, one page each.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // Test helpers may panic: a panic is a failed test.

use crate::common;

use std::fmt::Write as _;

use common::{ScriptedDialogs, app_harness, finish_jobs, settle};
use delegation_planner::app::DelegationApp;
use delegation_planner::model::{Attendee, MeetingId, Person, PersonId};
use delegation_planner::synthetic::{Size, generate};
use delegation_planner::workspace::{Picked, Settings};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

#[test]
fn a_big_project_opens_after_the_first_frame() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.ron");
    let project = generate(Size::people(20_000), 7);
    delegation_planner::project_file::save_project(&path, &project).unwrap();

    let file = path.clone();
    let mut h = Harness::builder()
        .with_size([1400.0, 1000.0])
        .build_eframe(move |cc| {
            DelegationApp::with_settings(
                &cc.egui_ctx,
                Settings::default(),
                Some(file),
                Box::new(ScriptedDialogs::default()),
            )
        });
    // The constructor returned at once; the first frame shows what is being opened.
    h.step();
    assert!(h.state().workspace.is_opening());
    assert!(h.query_by_label("Opening big.ron…").is_some());
    assert!(h.state().workspace.doc.project().people.is_empty());
    // No edits or saves meanwhile: the Save shortcut does nothing.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    h.step();
    assert!(!path.with_extension("ron.bak").exists());

    finish_jobs(&mut h);
    assert!(!h.state().workspace.is_opening());
    assert_eq!(h.state().workspace.doc.project().people.len(), 20_000);
    assert_eq!(h.state().workspace.doc.path(), Some(path.as_path()));
    assert!(!h.state().workspace.doc.is_dirty());
    assert!(h.query_by_label("Opening big.ron…").is_none());
}

#[test]
fn a_broken_file_at_start_says_where_and_shows_the_sample() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.ron");
    std::fs::write(&path, "V1((\n  people: {\n    oops\n").unwrap();
    let h = app_harness(Some(path), ScriptedDialogs::default());
    match &h.state().workspace.dialog {
        Some(delegation_planner::workspace::Dialog::Error { message, .. }) => {
            let message = message.text(delegation_planner::i18n::Language::English);
            assert!(message.contains("broken.ron:2:12"), "{message}");
        }
        other => panic!("{other:?}"),
    }
    assert!(
        !h.state().workspace.doc.project().people.is_empty(),
        "the sample"
    );
}

#[test]
fn a_50000_row_csv_imports_with_progress() {
    let (dir, path) = common::sample_file();
    let csv_path = dir.path().join("registrations.csv");
    let mut csv = String::from("Family name,Given name,Chinese name,Organisation,Title\n");
    for i in 0..50_000 {
        writeln!(csv, "Guest{i},Anna,,ORG{},Delegate", i % 300).unwrap();
    }
    // One row names someone already in the project: matched, not added again.
    csv.push_str("HUANG,Jixian,黄继先,CCAA,Executive Vice President\n");
    std::fs::write(&csv_path, csv).unwrap();

    let dialogs = ScriptedDialogs::default();
    let mut h = app_harness(Some(path), dialogs.clone());
    let before = h.state().workspace.doc.project().people.len();
    h.get_by_label("Import list…").click();
    settle(&mut h);
    dialogs.answer(Picked::File(csv_path));
    h.get_by_label("Open a file…").click();
    h.run_steps(2);
    // The dialog shows the reading, not a frozen window.
    assert!(
        h.state().workspace.import_job().is_some()
            || h.query_by_label("Add people (50,001)").is_some()
    );
    finish_jobs(&mut h);
    assert!(
        h.query_by_label("registrations.csv — 50,001 rows")
            .is_some()
    );
    // Only the rows in view are laid out: row 50,001 exists, but not on screen yet.
    assert!(h.query_by_label("Family name 1").is_some());
    assert!(h.query_by_label("Family name 50001").is_none());
    h.get_by_label("Add people (50,001)").click();
    settle(&mut h);
    assert!(h.state().workspace.dialog.is_none());

    let p = h.state().workspace.doc.project();
    assert_eq!(p.people.len(), before + 50_000);
    assert!(p.people.contains_key(&PersonId::from("guest49999-anna")));
    let m = &p.meetings[&MeetingId::from("paris-2024")];
    assert!(m.attendees.len() > 50_000);
    assert_eq!(
        p.organisations
            .keys()
            .filter(|id| id.as_str().starts_with("org"))
            .count(),
        300
    );
}

#[test]
fn name_cards_for_1200_attendees_are_drawn_on_a_job() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("paris.ron");
    let mut project = delegation_planner::samples::ccaa_afnor().unwrap();
    let m = project
        .meetings
        .get_mut(&MeetingId::from("paris-2024"))
        .unwrap();
    let declined = m
        .attendees
        .iter()
        .filter(|a| a.status == delegation_planner::model::AttendanceStatus::Declined)
        .count();
    let mut extra = Vec::new();
    for i in 0..1_200 {
        let id = PersonId::from(format!("guest-{i}").as_str());
        m.attendees.push(Attendee::new(id.clone()));
        extra.push((
            id,
            Person {
                family_name: format!("Guest{i}"),
                given_name: "Anna".into(),
                chinese_name: "方艳".into(),
                ..Default::default()
            },
        ));
    }
    let cards = m.attendees.len() - declined;
    project.people.extend(extra);
    delegation_planner::project_file::save_project(&path, &project).unwrap();

    let dialogs = ScriptedDialogs::default();
    let mut h = app_harness(Some(path), dialogs.clone());
    let out = dir.path().join("name-cards.pdf");
    dialogs.answer(Picked::File(out.clone()));
    h.get_by_label("Name cards…").click();
    settle(&mut h);
    // The dialog asks for the paper and the faces first; A4 folded is the default.
    h.get_by_label("Save…").click();
    h.run_steps(2);
    // Drawing runs in the background; the status bar says what is done.
    assert!(h.state().workspace.export_job().is_some() || out.exists());
    finish_jobs(&mut h);

    let pdf = std::fs::read(&out).unwrap();
    let pages = pdf_extract::Document::load_mem(&pdf)
        .unwrap()
        .get_pages()
        .len();
    assert_eq!(pages, cards);
    let toast = h.state().workspace.toast_text().unwrap();
    assert_eq!(
        toast,
        &format!(
            "Exported {} ({} cards)",
            out.display(),
            delegation_planner::workspace::thousands(cards)
        )
    );
}
