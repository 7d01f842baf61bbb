//! The workspace and its one apply point, driven through the real app: dialogs answer with
//! outcomes and change nothing themselves, the command palette runs any command, an edit
//! that changes nothing leaves the file clean, and a save runs while the window draws.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // Test helpers may panic: a panic is a failed test.

use crate::common;

use std::sync::mpsc;
use std::time::Duration;

use common::{ScriptedDialogs, app_harness, press, sample_file, settle};
use delegation_planner::document::Edit;
use delegation_planner::model::MeetingId;
use delegation_planner::project_file::read_project;
use delegation_planner::workspace::{
    AfterConfirm, Dialog, DialogOutcome, NoDialogs, Request, Settings, Workspace,
    recovery::Recovery,
};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

/// A harness that draws only the dialog on top of a workspace, and keeps what it returns.
struct DialogBench {
    workspace: Workspace,
    dialog: Dialog,
    outcome: Option<DialogOutcome>,
}

fn dialog_harness(dialog: Dialog) -> Harness<'static, DialogBench> {
    let (_dir, path) = sample_file();
    let mut workspace = Workspace::new(
        Settings::default(),
        None,
        Box::new(NoDialogs),
        Recovery::off(),
    );
    assert!(workspace.open_path(&path));
    let bench = DialogBench {
        workspace,
        dialog,
        outcome: None,
    };
    Harness::builder()
        .with_size([1200.0, 900.0])
        .build_ui_state(
            |ui, bench: &mut DialogBench| {
                let ctx = ui.ctx().clone();
                delegation_planner::ui::style::install_fonts(&ctx);
                let outcome = delegation_planner::ui::dialogs_ui::dialog_ui(
                    &ctx,
                    &mut bench.dialog,
                    &bench.workspace,
                );
                if outcome.is_some() {
                    bench.outcome = outcome;
                }
            },
            bench,
        )
}

#[test]
fn dialogs_answer_with_outcomes_and_change_nothing_themselves() {
    // Unsaved changes: each button is an outcome naming what waits.
    for (button, expected) in [
        ("Save", DialogOutcome::SaveThen(AfterConfirm::Quit)),
        (
            "Discard changes",
            DialogOutcome::Discard(AfterConfirm::Quit),
        ),
        ("Cancel", DialogOutcome::Dismiss),
    ] {
        let mut h = dialog_harness(Dialog::ConfirmDiscard {
            then: AfterConfirm::Quit,
        });
        h.run();
        let revision = h.state().workspace.doc.revision();
        h.get_by_label(button).click();
        h.run();
        assert_eq!(h.state().outcome, Some(expected), "{button}");
        assert_eq!(h.state().workspace.doc.revision(), revision, "{button}");
        assert!(h.state().workspace.dialog.is_none());
    }

    // Planning the next meeting: the form is the dialog's own state; Create answers with
    // what was chosen, and no meeting exists until the workspace applies it.
    let from = MeetingId::from("paris-2024");
    let date = chrono::NaiveDate::from_ymd_opt(2025, 9, 22).unwrap();
    let mut h = dialog_harness(Dialog::NextMeeting {
        from: from.clone(),
        date,
        alternate: true,
    });
    h.run();
    h.get_by_label("The other side hosts (swap time zones, new venue)")
        .click();
    h.run();
    h.get_by_label("Create").click();
    h.run();
    assert_eq!(
        h.state().outcome,
        Some(DialogOutcome::CreateNextMeeting {
            from,
            date,
            alternate: false
        })
    );
    assert_eq!(h.state().workspace.doc.project().meetings.len(), 1);
    assert!(!h.state().workspace.doc.is_dirty());
}

#[test]
fn the_palette_finds_and_runs_a_command_in_either_language() {
    let (_dir, path) = sample_file();
    let mut h = app_harness(Some(path), ScriptedDialogs::default());
    assert!(!h.state().workspace.settings.dark);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::P);
    settle(&mut h);
    h.get_by_label("Type a command…").type_text("theme");
    settle(&mut h);
    h.get_by_label("Light theme");
    h.get_by_label("Dark theme");
    // Every word must match: only the dark theme is left.
    h.get_by_label("Type a command…").type_text(" dark");
    settle(&mut h);
    assert!(h.query_by_label("Light theme").is_none());
    h.get_by_label("Dark theme");
    h.key_press(Key::Enter);
    settle(&mut h);
    assert!(h.state().workspace.settings.dark);
    assert!(h.query_by_label("Type a command…").is_none(), "closed");

    // In Chinese: 人员 shows the people.
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::P);
    settle(&mut h);
    h.get_by_label("Type a command…").type_text("人员");
    settle(&mut h);
    h.key_press(Key::Enter);
    settle(&mut h);
    assert_eq!(
        h.state().view.view,
        delegation_planner::ui::View::People,
        "the palette ran Show people"
    );
}

#[test]
fn an_edit_that_changes_nothing_leaves_the_file_clean() {
    let (_dir, path) = sample_file();
    let mut h = app_harness(Some(path), ScriptedDialogs::default());
    let title = h.state().workspace.window_title();
    let revision = h.state().workspace.doc.revision();
    // A merge with nothing to merge, and a person replaced by itself.
    let project = h.state().workspace.doc.project().clone();
    let (id, person) = project.people.iter().next().unwrap();
    h.state_mut()
        .apply_edit(Edit::merge_people(&project, id, id));
    h.state_mut()
        .apply_edit(Edit::PutPerson(id.clone(), person.clone()));
    settle(&mut h);
    let ws = &h.state().workspace;
    assert!(!ws.doc.is_dirty());
    assert!(!ws.doc.can_undo(), "no undo step was recorded");
    assert_eq!(ws.doc.revision(), revision);
    assert_eq!(ws.window_title(), title);
    // Ctrl+Z then says there is nothing to undo.
    press(&mut h, Key::Z);
    assert_eq!(h.state().workspace.toast_text().unwrap(), "Nothing to undo");
}

#[test]
fn saving_runs_on_a_job_while_the_window_keeps_drawing() {
    let (_dir, path) = sample_file();
    let mut h = app_harness(Some(path.clone()), ScriptedDialogs::default());
    h.state_mut()
        .apply_edit(Edit::RemoveMeeting("paris-2024".into()));
    // The save waits at its first step until the test lets it go.
    let (go_on, gate) = mpsc::channel::<()>();
    let gate = std::sync::Mutex::new(gate);
    h.state_mut()
        .workspace
        .inject_save_faults(Some(Box::new(move |_| {
            let _ = gate.lock().unwrap().recv_timeout(Duration::from_secs(10));
            Ok(())
        })));
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run_steps(3);
    // Frames go on while the file is written; the status bar says what is done.
    assert!(h.state().workspace.save_job().is_some());
    h.get_by_label_contains("Saving paris.ron");
    assert!(h.state().workspace.doc.is_dirty(), "not saved yet");
    for _ in 0..20 {
        go_on.send(()).unwrap();
    }
    common::finish_jobs(&mut h);
    assert!(!h.state().workspace.doc.is_dirty());
    assert!(read_project(&path).unwrap().meetings.is_empty());
}

#[test]
fn a_request_opens_its_dialog_through_the_apply_point() {
    let (_dir, path) = sample_file();
    let mut h = app_harness(Some(path), ScriptedDialogs::default());
    h.state_mut()
        .workspace
        .apply(delegation_planner::workspace::Action::Request(
            Request::PasteAgenda("paris-2024".into()),
        ));
    settle(&mut h);
    h.get_by_label("Paste a draft agenda");
    h.get_by_label("Cancel").click();
    settle(&mut h);
    assert!(h.state().workspace.dialog.is_none());
    assert!(!h.state().workspace.doc.is_dirty());
}
