//! Merging copies in the real app: *File › Merge a copy…* with a conflict resolved by
//! choosing theirs (one undo step), *Merge…* when a save finds the file changed on disk,
//! and the conflicts a merge on the command line left, offered when the file opens.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // A test: a panic is a failed test.

use crate::common;

use std::path::Path;

use common::{ScriptedDialogs, app_harness, finish_jobs, press, sample_file, settle};
use delegation_planner::app::DelegationApp;
use delegation_planner::document::Edit;
use delegation_planner::merge::{VersionStore, next_lineage};
use delegation_planner::model::Project;
use delegation_planner::project_file::{read_project, to_ron_string};
use delegation_planner::workspace::{Action, Dialog, PendingEdit, Picked};
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

/// A colleague's save of `project` to `path`: a new version descending from it.
fn save_as_colleague(project: &Project, path: &Path) {
    let mut copy = project.clone();
    copy.lineage = next_lineage(project);
    std::fs::write(path, to_ron_string(&copy).unwrap()).unwrap();
}

fn edit(app: &mut Harness<'_, DelegationApp>, edit: Edit) {
    app.state_mut()
        .workspace
        .apply(Action::Edit(Box::new(PendingEdit::step(edit))));
    settle(app);
}

fn set_title(project: &Project, id: &str, title: &str) -> Edit {
    let mut person = project.people[id].clone();
    person.title.en = title.into();
    Edit::PutPerson(id.into(), person)
}

#[test]
fn merge_a_copy_with_one_conflict_resolved_by_choosing_theirs() {
    let (dir, path) = sample_file();
    let versions = tempfile::tempdir().unwrap();
    let dialogs = ScriptedDialogs::default();
    let mut app = app_harness(Some(path.clone()), dialogs.clone());
    app.state_mut()
        .workspace
        .set_version_store(VersionStore::in_dir(versions.path().to_owned()));
    // Saved once: the version both copies will come from.
    press(&mut app, Key::S);
    let shared = read_project(&path).unwrap();
    assert!(!shared.lineage.revision.is_empty());

    // A colleague's copy: Huang Jixian's title one way, Fang Yan's e-mail, a new person.
    let mut theirs = shared.clone();
    theirs.people.get_mut("huang-jixian").unwrap().title.en = "Deputy Secretary-General".into();
    theirs.people.get_mut("fang-yan").unwrap().email = "fang.yan@ccaa.org.cn".into();
    theirs.people.insert(
        "schmidt-anna".into(),
        delegation_planner::model::Person {
            family_name: "Schmidt".into(),
            given_name: "Anna".into(),
            ..Default::default()
        },
    );
    let copy = dir.path().join("from-berlin.ron");
    save_as_colleague(&theirs, &copy);
    // Meanwhile mine: the same title another way, and a phone number.
    let project = app.state().workspace.doc.project().clone();
    edit(
        &mut app,
        set_title(&project, "huang-jixian", "Secretary-General"),
    );
    let mut zhang = project.people["zhang-peter"].clone();
    zhang.phone = "+33 1 00 00".into();
    edit(&mut app, Edit::PutPerson("zhang-peter".into(), zhang));
    let before = app.state().workspace.doc.project().clone();

    dialogs.answer(Picked::File(copy.clone()));
    app.get_by_label("File").click();
    settle(&mut app);
    app.get_by_label("Merge a copy… Ctrl+Shift+M").click();
    settle(&mut app);
    finish_jobs(&mut app);
    let Some(Dialog::Merge(state)) = &app.state().workspace.dialog else {
        panic!("the merge dialog: {:?}", app.state().workspace.dialog);
    };
    assert!(
        state.three_way,
        "the common version was found without asking"
    );
    assert_eq!(state.merged.conflicts.len(), 1);
    // What comes in, by name; the conflict, by name and field, with its three versions.
    app.get_by_label("Merge from-berlin.ron");
    app.get_by_label("Changed Person Ms. FANG Yan 方 艳: E-mail");
    app.get_by_label("Added Person Anna SCHMIDT");
    app.get_by_label("Person Mr. HUANG Jixian 黄继先");
    app.get_by_label("Title › English");
    app.get_by_label("Secretary-General");
    app.get_by_label("Deputy Secretary-General");

    app.get_by_label("Use theirs").click();
    settle(&mut app);
    app.get_by_label("Merge").click();
    settle(&mut app);
    let ws = &app.state().workspace;
    assert!(ws.dialog.is_none(), "{:?}", ws.dialog);
    let merged = ws.doc.project();
    assert_eq!(
        merged.people["huang-jixian"].title.en,
        "Deputy Secretary-General"
    );
    assert_eq!(merged.people["fang-yan"].email, "fang.yan@ccaa.org.cn");
    assert!(merged.people.contains_key("schmidt-anna"));
    assert_eq!(
        merged.people["zhang-peter"].phone, "+33 1 00 00",
        "mine stays"
    );
    assert!(ws.doc.is_dirty());
    assert!(
        ws.toast_text()
            .unwrap()
            .starts_with("Merged from-berlin.ron")
    );

    // One undo step takes the whole merge back.
    press(&mut app, Key::Z);
    assert_eq!(app.state().workspace.doc.project(), &before);
    press(&mut app, Key::Y);
    // Saved: the new version descends from both copies.
    press(&mut app, Key::S);
    let saved = read_project(&path).unwrap();
    assert!(saved.lineage.knows(&shared.lineage.revision));
    assert!(saved.lineage.ancestors.len() >= 2, "{:?}", saved.lineage);
    assert!(saved.merge.merged.is_empty(), "recorded in the lineage now");
    // Their copy's version was kept, to be the common version of the next merge.
    let kept = read_project(&copy).unwrap();
    assert!(
        versions
            .path()
            .join(format!("{}.ron", kept.lineage.revision))
            .is_file()
    );
}

#[test]
fn a_save_that_finds_the_file_changed_offers_merge_and_saves_after() {
    let (_dir, path) = sample_file();
    let mut app = app_harness(Some(path.clone()), ScriptedDialogs::default());
    let project = app.state().workspace.doc.project().clone();
    edit(
        &mut app,
        set_title(&project, "huang-jixian", "Secretary-General"),
    );
    // Someone else saves the file meanwhile: another person's phone.
    let mut theirs = read_project(&path).unwrap();
    theirs.people.get_mut("wang-qian").unwrap().phone = "+86 10 8888".into();
    save_as_colleague(&theirs, &path);
    let theirs = read_project(&path).unwrap();

    press(&mut app, Key::S);
    assert!(matches!(
        app.state().workspace.dialog,
        Some(Dialog::FileChanged { .. })
    ));
    app.get_by_label("Merge…").click();
    settle(&mut app);
    finish_jobs(&mut app);
    let Some(Dialog::Merge(state)) = &app.state().workspace.dialog else {
        panic!("the merge dialog: {:?}", app.state().workspace.dialog);
    };
    assert!(state.three_way, "the file as opened is the common version");
    assert!(state.merged.conflicts.is_empty());
    app.get_by_label("Merge and save").click();
    settle(&mut app);
    finish_jobs(&mut app);
    let ws = &app.state().workspace;
    assert!(ws.dialog.is_none(), "{:?}", ws.dialog);
    assert!(!ws.doc.is_dirty());
    let on_disk = read_project(&path).unwrap();
    assert_eq!(on_disk.people["wang-qian"].phone, "+86 10 8888");
    assert_eq!(on_disk.people["huang-jixian"].title.en, "Secretary-General");
    assert!(on_disk.lineage.knows(&theirs.lineage.revision));
}

#[test]
fn conflicts_left_by_the_command_line_are_offered_when_the_file_opens() {
    let dir = tempfile::tempdir().unwrap();
    let base = delegation_planner::samples::ccaa_afnor().unwrap();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    ours.people.get_mut("huang-jixian").unwrap().title.en = "Secretary-General".into();
    theirs.people.get_mut("huang-jixian").unwrap().title.en = "Deputy Secretary-General".into();
    for (name, p) in [
        ("base.ron", &base),
        ("ours.ron", &ours),
        ("theirs.ron", &theirs),
    ] {
        std::fs::write(dir.path().join(name), to_ron_string(p).unwrap()).unwrap();
    }
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_delegation-planner"))
        .args([
            "merge",
            "base.ron",
            "ours.ron",
            "theirs.ron",
            "-o",
            "ours.ron",
        ])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(status.status.code(), Some(1));

    let path = dir.path().join("ours.ron");
    let mut app = app_harness(Some(path.clone()), ScriptedDialogs::default());
    assert!(
        matches!(app.state().workspace.dialog, Some(Dialog::Merge(_))),
        "{:?}",
        app.state().workspace.dialog
    );
    app.get_by_label("Resolve merge conflicts");
    app.get_by_label("Use theirs").click();
    settle(&mut app);
    app.get_by_label("Apply choices").click();
    settle(&mut app);
    let ws = &app.state().workspace;
    assert!(ws.dialog.is_none());
    assert_eq!(
        ws.doc.project().people["huang-jixian"].title.en,
        "Deputy Secretary-General"
    );
    assert!(ws.doc.project().merge.pending.is_none());
    press(&mut app, Key::S);
    assert!(read_project(&path).unwrap().merge.pending.is_none());
}

#[test]
fn a_copy_with_no_common_version_asks_about_every_difference() {
    let (dir, path) = sample_file();
    let versions = tempfile::tempdir().unwrap();
    let dialogs = ScriptedDialogs::default();
    let mut app = app_harness(Some(path.clone()), dialogs.clone());
    app.state_mut()
        .workspace
        .set_version_store(VersionStore::in_dir(versions.path().to_owned()));
    let mine = app.state().workspace.doc.project().clone();

    // A copy typed in separately: another revision with no ancestor in common; Huang
    // Jixian's title and the order of the first two agenda items differ.
    let mut theirs = mine.clone();
    theirs.lineage = delegation_planner::model::Lineage {
        revision: delegation_planner::merge::fresh_revision(),
        ancestors: Vec::new(),
    };
    theirs.people.get_mut("huang-jixian").unwrap().title.en = "Deputy Secretary-General".into();
    theirs.meetings.get_mut("paris-2024").unwrap().days[0]
        .items
        .swap(0, 1);
    let copy = dir.path().join("typed-in-berlin.ron");
    std::fs::write(&copy, to_ron_string(&theirs).unwrap()).unwrap();

    dialogs.answer(Picked::File(copy.clone()));
    app.get_by_label("File").click();
    settle(&mut app);
    app.get_by_label("Merge a copy… Ctrl+Shift+M").click();
    settle(&mut app);
    finish_jobs(&mut app);
    let Some(Dialog::Merge(state)) = &app.state().workspace.dialog else {
        panic!("the merge dialog: {:?}", app.state().workspace.dialog);
    };
    assert!(!state.three_way);
    let kinds: Vec<_> = state.merged.conflicts.iter().map(|c| c.kind).collect();
    assert_eq!(
        kinds,
        [
            delegation_planner::merge::ConflictKind::Changed,
            delegation_planner::merge::ConflictKind::Order
        ],
        "the title and the order of the agenda, each a question"
    );
    app.get_by_label(
        "No common version of the two copies was found: every difference is a question. Mine is kept until you choose.",
    );
    // No common version to choose from: mine and theirs only.
    assert!(app.query_by_label("Use common").is_none());

    app.get_by_label("Theirs everywhere").click();
    settle(&mut app);
    app.get_by_label("Merge").click();
    settle(&mut app);
    let ws = &app.state().workspace;
    assert!(ws.dialog.is_none(), "{:?}", ws.dialog);
    let merged = ws.doc.project();
    assert_eq!(merged.people, theirs.people);
    assert_eq!(merged.meetings, theirs.meetings);
}
