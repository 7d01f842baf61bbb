//! Never losing an edit, through the real app: recovery copies of unsaved changes, the
//! question when the file changed on disk, and a save failing at each of its steps.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // Test helpers may panic: a panic is a failed test.

use crate::common;

use std::path::{Path, PathBuf};
use std::time::Duration;

use common::{ScriptedDialogs, press, sample_file, settle};
use delegation_planner::app::DelegationApp;
use delegation_planner::document::Edit;
use delegation_planner::i18n::Language;
use delegation_planner::model::{Person, PersonId, Project};
use delegation_planner::project_file::{
    DiskChange, SaveStep, backup_path, read_project, save_project, to_ron_string,
};
use delegation_planner::workspace::recovery::Recovery;
use delegation_planner::workspace::{Dialog, LossAction, Picked, Settings};
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

/// The app on `file`, with recovery copies in `dir` written as soon as they are due.
fn harness(
    file: &Path,
    dir: &Path,
    interval: Duration,
    dialogs: ScriptedDialogs,
) -> Harness<'static, DelegationApp> {
    let file = file.to_owned();
    let dir = dir.to_owned();
    let mut harness = Harness::builder()
        .with_size([1400.0, 1000.0])
        .build_eframe(move |cc| {
            let mut recovery = Recovery::in_dir(dir);
            recovery.interval = interval;
            DelegationApp::with_recovery(
                &cc.egui_ctx,
                Settings::default(),
                Some(file),
                Box::new(dialogs),
                recovery,
            )
        });
    harness.run_steps(3);
    common::finish_jobs(&mut harness);
    harness
}

/// Adds a person through the document's one edit path, as the people panel does.
fn add_person(harness: &mut Harness<'_, DelegationApp>, id: &str, family_name: &str) {
    harness.state_mut().workspace.doc.apply(Edit::PutPerson(
        PersonId::from(id),
        Person {
            family_name: family_name.into(),
            chinese_name: "刘江".into(),
            ..Default::default()
        },
    ));
    settle(harness);
}

fn has_person(project: &Project, id: &str) -> bool {
    project.people.contains_key(&PersonId::from(id))
}

fn copies(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|l| l.map(|e| e.unwrap().path()).collect())
        .unwrap_or_default();
    files.retain(|f| f.to_string_lossy().ends_with(".recovery.ron"));
    files.sort();
    files
}

fn temp_files(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect()
}

/// Someone else's version of the sample: a different title.
fn theirs() -> String {
    let mut project = delegation_planner::samples::ccaa_afnor().unwrap();
    project.info.title.en = "Changed by a colleague".into();
    to_ron_string(&project).unwrap()
}

#[test]
fn unsaved_changes_survive_a_crash_and_are_offered_back() {
    let (_dir, path) = sample_file();
    let recovery = tempfile::tempdir().unwrap();
    let mut app = harness(
        &path,
        recovery.path(),
        Duration::ZERO,
        ScriptedDialogs::default(),
    );
    assert!(copies(recovery.path()).is_empty(), "nothing unsaved yet");
    add_person(&mut app, "liu-jiang", "Liu");
    let written = copies(recovery.path());
    assert_eq!(written.len(), 1, "a copy once there are unsaved changes");
    add_person(&mut app, "li-wei", "Li");
    assert_eq!(copies(recovery.path()), written, "the same copy, updated");
    drop(app); // The machine stops: no save, no question.

    let mut app = harness(
        &path,
        recovery.path(),
        Duration::ZERO,
        ScriptedDialogs::default(),
    );
    let Some(Dialog::Recover(entry)) = &app.state().workspace.dialog else {
        panic!("the copy is offered: {:?}", app.state().workspace.dialog);
    };
    assert_eq!(entry.original.as_deref(), Some(path.as_path()));
    assert!(has_person(&entry.project, "li-wei"));
    app.get_by_label("Recover unsaved changes?");
    app.get_by_label("Copy written");
    app.get_by_label_contains("People 9");
    app.get_by_label("Restore").click();
    settle(&mut app);
    let state = app.state();
    assert!(
        state.workspace.dialog.is_none(),
        "{:?}",
        state.workspace.dialog
    );
    assert!(has_person(state.workspace.doc.project(), "liu-jiang"));
    assert!(has_person(state.workspace.doc.project(), "li-wei"));
    assert!(
        state.workspace.doc.is_dirty(),
        "restored changes are still unsaved"
    );
    assert_eq!(state.workspace.doc.path(), Some(path.as_path()));
    assert!(state.workspace.window_title().starts_with("● paris.ron"));

    // Saving goes to the original file (unchanged on disk: no question) and ends the copy.
    press(&mut app, Key::S);
    assert!(
        app.state().workspace.dialog.is_none(),
        "{:?}",
        app.state().workspace.dialog
    );
    assert!(!app.state().workspace.doc.is_dirty());
    assert!(has_person(&read_project(&path).unwrap(), "li-wei"));
    assert!(
        copies(recovery.path()).is_empty(),
        "a clean save removes the copy"
    );
}

#[test]
fn the_copy_goes_on_save_undo_and_discard() {
    let (_dir, path) = sample_file();
    let recovery = tempfile::tempdir().unwrap();
    let mut app = harness(
        &path,
        recovery.path(),
        Duration::ZERO,
        ScriptedDialogs::default(),
    );

    add_person(&mut app, "a", "A");
    assert_eq!(copies(recovery.path()).len(), 1);
    press(&mut app, Key::Z);
    assert!(!app.state().workspace.doc.is_dirty());
    assert!(
        copies(recovery.path()).is_empty(),
        "undone back to the saved state"
    );

    add_person(&mut app, "b", "B");
    assert_eq!(copies(recovery.path()).len(), 1);
    press(&mut app, Key::N);
    assert!(matches!(
        app.state().workspace.dialog,
        Some(Dialog::ConfirmDiscard { .. })
    ));
    assert_eq!(
        copies(recovery.path()).len(),
        1,
        "kept while the user decides"
    );
    app.get_by_label("Discard changes").click();
    settle(&mut app);
    assert!(copies(recovery.path()).is_empty(), "discarded on purpose");
}

#[test]
fn an_unsaved_project_has_a_copy_too() {
    let (_dir, path) = sample_file();
    let recovery = tempfile::tempdir().unwrap();
    let mut app = harness(
        &path,
        recovery.path(),
        Duration::ZERO,
        ScriptedDialogs::default(),
    );
    press(&mut app, Key::N);
    add_person(&mut app, "new", "New");
    assert_eq!(
        copies(recovery.path()),
        vec![recovery.path().join("untitled.recovery.ron")]
    );
    drop(app);
    let mut app = harness(
        &path,
        recovery.path(),
        Duration::ZERO,
        ScriptedDialogs::default(),
    );
    app.get_by_label_contains("not saved to a file yet");
    app.get_by_label("Restore").click();
    settle(&mut app);
    assert_eq!(app.state().workspace.doc.path(), None);
    assert!(has_person(app.state().workspace.doc.project(), "new"));
    assert!(
        app.state()
            .workspace
            .window_title()
            .starts_with("● Untitled project")
    );
}

#[test]
fn not_now_keeps_the_copy_and_deleting_asks_twice() {
    let (_dir, path) = sample_file();
    let recovery = tempfile::tempdir().unwrap();
    let mut app = harness(
        &path,
        recovery.path(),
        Duration::ZERO,
        ScriptedDialogs::default(),
    );
    add_person(&mut app, "first", "First");
    drop(app);

    let mut app = harness(
        &path,
        recovery.path(),
        Duration::ZERO,
        ScriptedDialogs::default(),
    );
    app.get_by_label("Not now").click();
    settle(&mut app);
    assert!(app.state().workspace.dialog.is_none());
    let old = copies(recovery.path());
    assert_eq!(old.len(), 1);
    // New unsaved work of this session goes to a copy of its own, never over the old one.
    add_person(&mut app, "second", "Second");
    let both = copies(recovery.path());
    assert_eq!(both.len(), 2, "{both:?}");
    let old_copy = std::fs::read_to_string(&old[0]).unwrap();
    assert!(old_copy.contains("\"first\"") && !old_copy.contains("\"second\""));
    drop(app);

    // Both are offered, newest first; deleting one asks again.
    let mut app = harness(
        &path,
        recovery.path(),
        Duration::ZERO,
        ScriptedDialogs::default(),
    );
    let Some(Dialog::Recover(newest)) = app.state().workspace.dialog.clone() else {
        panic!("offered: {:?}", app.state().workspace.dialog);
    };
    assert!(has_person(&newest.project, "second"));
    app.get_by_label("Delete copy…").click();
    settle(&mut app);
    assert!(matches!(
        app.state().workspace.dialog,
        Some(Dialog::ConfirmLoss(LossAction::DeleteRecovery(_)))
    ));
    app.get_by_label("Cancel").click();
    settle(&mut app);
    assert!(
        matches!(app.state().workspace.dialog, Some(Dialog::Recover(_))),
        "back to the offer"
    );
    assert_eq!(copies(recovery.path()).len(), 2);
    app.get_by_label("Delete copy…").click();
    settle(&mut app);
    app.get_by_label("Delete, losing those changes").click();
    settle(&mut app);
    assert_eq!(copies(recovery.path()), old, "only the chosen copy is gone");
    let Some(Dialog::Recover(next)) = &app.state().workspace.dialog else {
        panic!(
            "the older copy is offered next: {:?}",
            app.state().workspace.dialog
        );
    };
    assert!(has_person(&next.project, "first"));
}

#[test]
fn losing_focus_writes_a_copy_at_once() {
    let (_dir, path) = sample_file();
    let recovery = tempfile::tempdir().unwrap();
    let hour = Duration::from_secs(3600);
    let mut app = harness(&path, recovery.path(), hour, ScriptedDialogs::default());
    let focus = |app: &mut Harness<'_, DelegationApp>, focused: bool| {
        app.input_mut()
            .viewports
            .entry(egui::ViewportId::ROOT)
            .or_default()
            .focused = Some(focused);
        settle(app);
    };
    focus(&mut app, true);
    add_person(&mut app, "a", "A");
    assert!(copies(recovery.path()).is_empty(), "not due for an hour");
    focus(&mut app, false);
    assert_eq!(copies(recovery.path()).len(), 1, "written on focus loss");
}

#[test]
fn a_copy_is_written_within_the_interval_and_the_frame_asks_to_be_woken() {
    let (_dir, path) = sample_file();
    let recovery = tempfile::tempdir().unwrap();
    let interval = Duration::from_millis(300);
    let mut app = harness(&path, recovery.path(), interval, ScriptedDialogs::default());
    add_person(&mut app, "a", "A");
    assert!(copies(recovery.path()).is_empty());
    let repaint = app
        .output()
        .viewport_output
        .get(&egui::ViewportId::ROOT)
        .map(|v| v.repaint_delay)
        .unwrap();
    assert!(
        repaint <= interval,
        "the app asks for a frame when the copy is due: {repaint:?}"
    );
    std::thread::sleep(interval);
    app.step();
    // The copy is written on a background job.
    common::finish_jobs(&mut app);
    assert_eq!(copies(recovery.path()).len(), 1);
}

#[test]
fn overwrite_when_someone_else_changed_the_file() {
    let (_dir, path) = sample_file();
    let recovery = tempfile::tempdir().unwrap();
    let mut app = harness(
        &path,
        recovery.path(),
        Duration::ZERO,
        ScriptedDialogs::default(),
    );
    add_person(&mut app, "mine", "Mine");
    std::fs::write(&path, theirs()).unwrap();

    press(&mut app, Key::S);
    let Some(Dialog::FileChanged { change, .. }) = &app.state().workspace.dialog else {
        panic!("asks first: {:?}", app.state().workspace.dialog);
    };
    assert!(matches!(change, DiskChange::Modified { .. }), "{change:?}");
    app.get_by_label("The file was changed by someone else");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        theirs(),
        "nothing written yet"
    );
    assert!(app.state().workspace.doc.is_dirty());

    app.get_by_label("Overwrite with my version").click();
    settle(&mut app);
    assert!(
        app.state().workspace.dialog.is_none(),
        "{:?}",
        app.state().workspace.dialog
    );
    assert!(!app.state().workspace.doc.is_dirty());
    assert!(has_person(&read_project(&path).unwrap(), "mine"));
    assert_eq!(
        std::fs::read_to_string(backup_path(&path)).unwrap(),
        theirs(),
        "their version is kept as .bak"
    );
    assert!(copies(recovery.path()).is_empty());
    // From now on the file is ours again: no question.
    add_person(&mut app, "more", "More");
    press(&mut app, Key::S);
    assert!(app.state().workspace.dialog.is_none());
    assert!(has_person(&read_project(&path).unwrap(), "more"));
}

#[test]
fn reload_theirs_asks_a_second_time() {
    let (_dir, path) = sample_file();
    let recovery = tempfile::tempdir().unwrap();
    let mut app = harness(
        &path,
        recovery.path(),
        Duration::ZERO,
        ScriptedDialogs::default(),
    );
    add_person(&mut app, "mine", "Mine");
    std::fs::write(&path, theirs()).unwrap();

    press(&mut app, Key::S);
    app.get_by_label("Reload theirs…").click();
    settle(&mut app);
    assert!(matches!(
        app.state().workspace.dialog,
        Some(Dialog::ConfirmLoss(LossAction::Reload(_)))
    ));
    app.get_by_label("Reload and lose your changes?");
    app.get_by_label("Cancel").click();
    settle(&mut app);
    assert!(app.state().workspace.dialog.is_none());
    assert!(
        has_person(app.state().workspace.doc.project(), "mine"),
        "still mine"
    );
    assert!(app.state().workspace.doc.is_dirty());

    press(&mut app, Key::S);
    app.get_by_label("Reload theirs…").click();
    settle(&mut app);
    app.get_by_label("Reload, losing my changes").click();
    settle(&mut app);
    let state = app.state();
    assert!(!state.workspace.doc.is_dirty());
    assert!(!has_person(state.workspace.doc.project(), "mine"));
    assert_eq!(
        state.workspace.doc.project().info.title.en,
        "Changed by a colleague"
    );
    assert!(
        copies(recovery.path()).is_empty(),
        "the changes were discarded"
    );
}

#[test]
fn a_deleted_or_moved_file_is_saved_again_or_elsewhere() {
    let (dir, path) = sample_file();
    let recovery = tempfile::tempdir().unwrap();
    let dialogs = ScriptedDialogs::default();
    let mut app = harness(&path, recovery.path(), Duration::ZERO, dialogs.clone());
    add_person(&mut app, "mine", "Mine");
    let moved = dir.path().join("moved.ron");
    std::fs::rename(&path, &moved).unwrap();

    press(&mut app, Key::S);
    assert!(matches!(
        app.state().workspace.dialog,
        Some(Dialog::FileChanged {
            change: DiskChange::Missing,
            ..
        })
    ));
    app.get_by_label("The file was deleted or moved");
    assert!(!path.exists(), "nothing written before the user decides");
    app.get_by_label("Save it here again").click();
    settle(&mut app);
    assert!(has_person(&read_project(&path).unwrap(), "mine"));
    assert!(!app.state().workspace.doc.is_dirty());

    // Moved again: this time Save as… to a new place; the question's own Save as… button.
    add_person(&mut app, "more", "More");
    std::fs::remove_file(&path).unwrap();
    let elsewhere = dir.path().join("elsewhere.ron");
    dialogs.answer(Picked::File(elsewhere.clone()));
    press(&mut app, Key::S);
    app.get_by_label("Save as…").click();
    settle(&mut app);
    assert!(has_person(&read_project(&elsewhere).unwrap(), "more"));
    assert_eq!(app.state().workspace.doc.path(), Some(elsewhere.as_path()));
    assert!(!path.exists());
}

#[test]
fn a_file_rewritten_with_the_same_bytes_is_not_a_conflict() {
    let (_dir, path) = sample_file();
    let recovery = tempfile::tempdir().unwrap();
    let mut app = harness(
        &path,
        recovery.path(),
        Duration::ZERO,
        ScriptedDialogs::default(),
    );
    add_person(&mut app, "mine", "Mine");
    // A sync tool writes the same content back (new modification time).
    let same = std::fs::read(&path).unwrap();
    std::thread::sleep(Duration::from_millis(20));
    std::fs::write(&path, same).unwrap();
    press(&mut app, Key::S);
    assert!(
        app.state().workspace.dialog.is_none(),
        "{:?}",
        app.state().workspace.dialog
    );
    assert!(has_person(&read_project(&path).unwrap(), "mine"));
}

#[test]
fn quitting_with_save_waits_for_the_file_changed_answer() {
    let (_dir, path) = sample_file();
    let recovery = tempfile::tempdir().unwrap();
    let mut app = harness(
        &path,
        recovery.path(),
        Duration::ZERO,
        ScriptedDialogs::default(),
    );
    add_person(&mut app, "mine", "Mine");
    std::fs::write(&path, theirs()).unwrap();
    press(&mut app, Key::Q);
    app.get_by_label("Save").click();
    settle(&mut app);
    let Some(Dialog::FileChanged { then, .. }) = &app.state().workspace.dialog else {
        panic!(
            "asks about the change first: {:?}",
            app.state().workspace.dialog
        );
    };
    assert!(then.is_some(), "and remembers to quit afterwards");
    app.get_by_label("Overwrite with my version").click();
    settle(&mut app);
    assert!(has_person(&read_project(&path).unwrap(), "mine"));
    assert!(copies(recovery.path()).is_empty());
}

/// Every step of a save fails in turn: the file on disk is the old version or the new one,
/// the `.bak` and the permissions survive, the app keeps the edits and the unsaved mark,
/// and a dialog names the step. Then a save without faults succeeds, without a false
/// "changed on disk" question.
#[test]
fn a_save_failing_at_any_step_loses_nothing() {
    for (i, failing) in SaveStep::ALL.into_iter().enumerate() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("paris.ron");
        let mut old = delegation_planner::samples::ccaa_afnor().unwrap();
        old.info.title.en = "The version before".into();
        save_project(&path, &delegation_planner::samples::ccaa_afnor().unwrap()).unwrap();
        save_project(&path, &old).unwrap(); // A .bak of an even older version exists.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        }
        let old_bytes = std::fs::read(&path).unwrap();
        let old_backup = std::fs::read(backup_path(&path)).unwrap();

        let recovery = tempfile::tempdir().unwrap();
        let mut app = harness(
            &path,
            recovery.path(),
            Duration::ZERO,
            ScriptedDialogs::default(),
        );
        // Every other run in Chinese: the step is named in the user's language.
        let chinese = i % 2 == 1;
        if chinese {
            app.state_mut().workspace.settings.language = Language::Chinese;
        }
        add_person(&mut app, "mine", "Mine");
        app.state_mut()
            .workspace
            .inject_save_faults(Some(Box::new(move |step: SaveStep| {
                if step == failing {
                    Err(std::io::Error::other("injected fault"))
                } else {
                    Ok(())
                }
            })));
        press(&mut app, Key::S);

        let state = app.state();
        let Some(Dialog::Error { title, message }) = &state.workspace.dialog else {
            panic!(
                "{failing:?}: a dialog says what failed: {:?}",
                state.workspace.dialog
            );
        };
        // In the language of the run (every other one is in Chinese).
        let title = title.text(state.workspace.language());
        let message = message.text(state.workspace.language());
        let t = state.workspace.tr();
        let step_name = delegation_planner::i18n::save_step(t, failing);
        assert!(
            message.contains(step_name) && message.contains("injected fault"),
            "{failing:?}: {message}"
        );
        assert!(
            message.ends_with(&path.display().to_string()),
            "path last: {message}"
        );
        assert!(
            state.workspace.doc.is_dirty(),
            "{failing:?}: the unsaved mark stays"
        );
        assert!(
            has_person(state.workspace.doc.project(), "mine"),
            "{failing:?}: edits kept"
        );
        assert_eq!(copies(recovery.path()).len(), 1, "{failing:?}: copy kept");

        let on_disk = std::fs::read(&path).unwrap();
        if failing.after_replace() {
            assert_eq!(title, t.dlg_save_incomplete, "{failing:?}");
            assert!(
                has_person(&read_project(&path).unwrap(), "mine"),
                "{failing:?}"
            );
        } else {
            assert_eq!(title, t.dlg_save_failed, "{failing:?}");
            assert_eq!(
                on_disk, old_bytes,
                "{failing:?}: the old version, untouched"
            );
        }
        let backup = std::fs::read(backup_path(&path)).unwrap();
        if failing == SaveStep::SyncDirectory {
            assert_eq!(backup, old_bytes, "the backup is the version before");
        } else if failing == SaveStep::Rename {
            // The .bak is in place before the new file replaces the old one: a copy of
            // the file, which is still the old version.
            assert_eq!(
                backup, old_bytes,
                "{failing:?}: the .bak is the file on disk"
            );
        } else {
            assert_eq!(
                backup, old_backup,
                "{failing:?}: the previous .bak survives"
            );
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o640, "{failing:?}: permissions survive");
        }
        assert_eq!(temp_files(dir.path()), Vec::<String>::new(), "{failing:?}");

        // The user closes the message; the next save works and asks nothing.
        app.get_by_label(t.dlg_ok).click();
        settle(&mut app);
        app.state_mut().workspace.inject_save_faults(None);
        press(&mut app, Key::S);
        let state = app.state();
        assert!(
            state.workspace.dialog.is_none(),
            "{failing:?}: {:?}",
            state.workspace.dialog
        );
        assert!(!state.workspace.doc.is_dirty(), "{failing:?}");
        assert_eq!(
            &read_project(&path).unwrap(),
            state.workspace.doc.project(),
            "{failing:?}"
        );
        assert!(copies(recovery.path()).is_empty(), "{failing:?}");
    }
}
