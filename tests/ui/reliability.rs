//! Nothing lost in the app: a delete is one click from undone ("Deleted … — Undo" in the
//! status bar) and never puts another entry's Delete button under the cursor; a protected
//! file is not written and Save as… is offered; a recovery copy follows an edit within
//! seconds.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // Test helpers may panic: a panic is a failed test.

use crate::common;

use common::{ScriptedDialogs, app_harness, press, sample_file, settle};
use delegation_planner::app::DelegationApp;
use delegation_planner::i18n::Language;
use delegation_planner::model::Project;
use delegation_planner::project_file::read_project;
use delegation_planner::ui::View;
use delegation_planner::workspace::{Dialog, Picked};
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

/// How many entities of each kind the project has: meetings, people, organisations,
/// commitments.
fn counts(project: &Project) -> [usize; 4] {
    [
        project.meetings.len(),
        project.people.len(),
        project.organisations.len(),
        project.commitments.len(),
    ]
}

/// Deletes the entry shown in `view` with its Delete button; returns the status message.
fn delete_in(app: &mut Harness<'_, DelegationApp>, view: View, delete: &str) -> String {
    app.state_mut().view.view = view;
    settle(app);
    app.get_by_label(delete).click();
    settle(app);
    app.state().workspace.toast_text().unwrap().to_owned()
}

#[test]
fn every_delete_is_one_click_from_undone_and_moves_no_delete_button_under_the_cursor() {
    for language in [Language::English, Language::Chinese] {
        let (_dir, path) = sample_file();
        let mut app = app_harness(Some(path), ScriptedDialogs::default());
        app.state_mut().workspace.settings.language = language;
        settle(&mut app);
        let t = language.strings();
        let before = app.state().workspace.doc.project().clone();
        let cases = [
            (
                View::Meetings,
                0,
                "CCAA–AFNOR",
                "中国认证认可协会与法国标准化协会会谈",
            ),
            (View::People, 1, "Myriam", "Myriam"),
            (View::Organisations, 2, "AFNOR", "法国标准化协会"),
            (View::Commitments, 3, "", ""),
        ];
        for (view, kind, name_en, name_zh) in cases {
            let message = delete_in(&mut app, view, t.delete);
            let after = counts(app.state().workspace.doc.project());
            assert_eq!(
                after[kind] + 1,
                counts(&before)[kind],
                "{view:?}: {message}"
            );
            let name = if language == Language::Chinese {
                name_zh
            } else {
                name_en
            };
            let deleted = t.deleted_entry.replace("{name}", "");
            assert!(
                message.starts_with(deleted.trim_end()) && message.contains(name),
                "{view:?}: {message}"
            );
            // The editor stays empty: no other entry's Delete button where the cursor is.
            assert!(
                app.query_by_label(t.delete).is_none(),
                "{view:?}: another Delete button"
            );
            app.get_by_label(t.deleted_hint);
            // One click on Undo, beside the message, brings it back with its references.
            app.get_by_label(&message);
            app.get_by_label(t.cmd_undo).click();
            settle(&mut app);
            assert_eq!(
                counts(app.state().workspace.doc.project()),
                counts(&before),
                "{view:?}"
            );
            assert!(
                app.query_by_label(t.cmd_undo).is_none(),
                "{view:?}: undone once"
            );
            // What came back is shown again.
            app.get_by_label(t.delete);
        }
        assert_eq!(app.state().workspace.doc.project(), &before);
    }
}

#[test]
fn the_undo_beside_a_deletion_goes_when_another_change_follows() {
    let (_dir, path) = sample_file();
    let mut app = app_harness(Some(path), ScriptedDialogs::default());
    delete_in(&mut app, View::Organisations, "Delete");
    assert!(app.state().workspace.undoable_deletion());
    // Another edit: Undo would now undo that edit, not the deletion, so it is not offered.
    app.get_by_label("+ Add organisation").click();
    settle(&mut app);
    assert!(!app.state().workspace.undoable_deletion());
    assert!(app.query_by_label("Undo").is_none());
    // Picking an entry in the list shows its editor again.
    app.state_mut().view.organisation = Some("ccaa".into());
    settle(&mut app);
    app.get_by_label("Delete");
}

#[cfg(unix)]
#[test]
fn a_read_only_file_is_not_written_and_save_as_is_offered() {
    use std::os::unix::fs::PermissionsExt as _;
    let (dir, path) = sample_file();
    let dialogs = ScriptedDialogs::default();
    let mut app = app_harness(Some(path.clone()), dialogs.clone());
    delete_in(&mut app, View::Organisations, "Delete");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    let before = std::fs::read(&path).unwrap();

    press(&mut app, Key::S);
    let Some(Dialog::SaveProtected { message, .. }) = &app.state().workspace.dialog else {
        panic!("{:?}", app.state().workspace.dialog);
    };
    let message = message.text(delegation_planner::i18n::Language::English);
    assert!(message.contains("read-only") && message.ends_with(path.to_str().unwrap()));
    app.get_by_label("This file is protected");
    assert_eq!(std::fs::read(&path).unwrap(), before, "not written");
    assert!(app.state().workspace.doc.is_dirty());

    let copy = dir.path().join("copy.ron");
    dialogs.answer(Picked::File(copy.clone()));
    app.get_by_label("Save as…").click();
    settle(&mut app);
    assert!(app.state().workspace.dialog.is_none());
    assert!(!app.state().workspace.doc.is_dirty());
    assert_eq!(
        &read_project(&copy).unwrap(),
        app.state().workspace.doc.project()
    );
    assert_eq!(app.state().workspace.doc.path(), Some(copy.as_path()));
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o444);
}

#[test]
fn an_export_never_replaces_the_project() {
    let (_dir, path) = sample_file();
    let dialogs = ScriptedDialogs::default();
    let mut app = app_harness(Some(path.clone()), dialogs.clone());
    let before = std::fs::read(&path).unwrap();
    // The user picks the project itself in the save dialog of an export.
    dialogs.answer(Picked::File(path.clone()));
    app.state_mut().view.request = Some(delegation_planner::workspace::Request::ExportAttendees {
        meeting: None,
        format: delegation_planner::export::attendees::AttendeeFormat::Csv,
        language: delegation_planner::export::ExportLanguage::Both,
        personal: false,
    });
    settle(&mut app);
    app.get_by_label("Save…").click();
    settle(&mut app);
    let Some(Dialog::Error { message, .. }) = &app.state().workspace.dialog else {
        panic!("{:?}", app.state().workspace.dialog);
    };
    let message = message.text(delegation_planner::i18n::Language::English);
    assert!(message.contains("the project file itself"), "{message}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

/// With the app's own timing: a recovery copy is on disk about two seconds after the last
/// edit, so a crash loses at most a few seconds of work (it was 30 s).
#[test]
fn a_recovery_copy_follows_an_edit_within_seconds() {
    use delegation_planner::workspace::Settings;
    use delegation_planner::workspace::recovery::{DEBOUNCE, INTERVAL, Recovery};
    use std::time::{Duration, Instant};
    assert!(DEBOUNCE + Duration::from_secs(1) < Duration::from_secs(5));
    assert!(INTERVAL < Duration::from_secs(5));
    let (_dir, path) = sample_file();
    let copies = tempfile::tempdir().unwrap();
    let dir = copies.path().to_owned();
    let mut app = Harness::builder()
        .with_size([1400.0, 1000.0])
        .build_eframe(move |cc| {
            DelegationApp::with_recovery(
                &cc.egui_ctx,
                Settings::default(),
                Some(path),
                Box::new(ScriptedDialogs::default()),
                Recovery::in_dir(dir),
            )
        });
    app.run_steps(3);
    common::finish_jobs(&mut app);
    delete_in(&mut app, View::Organisations, "Delete");
    let edited = Instant::now();
    let written = loop {
        let found = std::fs::read_dir(copies.path())
            .map(|l| l.count())
            .unwrap_or(0);
        if found > 0 {
            break edited.elapsed();
        }
        assert!(
            edited.elapsed() < Duration::from_secs(10),
            "no copy after 10 s"
        );
        std::thread::sleep(Duration::from_millis(20));
        // The frame the app asked for (it wakes itself when the copy falls due).
        app.step();
    };
    assert!(
        written >= Duration::from_millis(1_900) && written < Duration::from_secs(5),
        "the copy came {written:?} after the edit"
    );
}

/// A file with dates at the ends of the calendar and items of 8,000 years: the app shows
/// it (and the problems) without a panic.
#[test]
fn impossible_dates_and_durations_are_shown_not_panicked_on() {
    let dir = tempfile::tempdir().unwrap();
    for (i, date) in ["-262143-01-01", "+262142-12-31"].into_iter().enumerate() {
        let path = dir.path().join(format!("odd{i}.ron"));
        let text = delegation_planner::samples::CCAA_AFNOR_RON
            .replace("duration_minutes: 15", "duration_minutes: 4294967295")
            .replace("duration_minutes: 30", "duration_minutes: 4294967295")
            .replace(
                "planned_end: Some(\"12:00:00\")",
                "planned_end: Some(\"08:00:00\")",
            )
            .replacen("date: \"2024-09-23\"", &format!("date: \"{date}\""), 1);
        std::fs::write(&path, text).unwrap();
        let mut app = app_harness(Some(path), ScriptedDialogs::default());
        let Some(Dialog::Problems(problems)) = &app.state().workspace.dialog else {
            panic!("{:?}", app.state().workspace.dialog);
        };
        assert!(
            problems
                .iter()
                .any(|p| p.text(Language::English).contains("more than a day"))
        );
        app.state_mut().workspace.dialog = None;
        for view in [View::Meetings, View::Commitments, View::Project] {
            app.state_mut().view.view = view;
            settle(&mut app);
        }
    }
}
