//! Every dialog's default button on Enter, and Escape that cancels (issue 27), in the real
//! app: each dialog opened as the user opens it, Enter pressed and its outcome checked on
//! the model and the files on disk; Escape pressed and nothing changed. Enter in a
//! multi-line field is a new line, not the default; a confirmation's default is its safe
//! choice.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // Test helpers may panic: a panic is a failed test.

use crate::common;

use common::{ScriptedDialogs, app_harness, finish_jobs, press, sample_file, settle};
use delegation_planner::app::DelegationApp;
use delegation_planner::document::Edit;
use delegation_planner::export::agenda::AgendaFormat;
use delegation_planner::model::{MeetingId, Person, PersonId};
use delegation_planner::project_file::{read_project, to_ron_string};
use delegation_planner::workspace::{Command, Dialog, LossAction, Picked};
use egui::Key;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

fn key(h: &mut Harness<'_, DelegationApp>, key: Key) {
    h.key_press(key);
    settle(h);
}

fn run(h: &mut Harness<'_, DelegationApp>, command: Command) {
    let ctx = h.ctx.clone();
    h.state_mut().run_command(&ctx, command);
    settle(h);
}

fn dialog(h: &Harness<'_, DelegationApp>) -> Option<Dialog> {
    h.state().workspace.dialog.clone()
}

fn add_person(h: &mut Harness<'_, DelegationApp>, id: &str) {
    h.state_mut().workspace.doc.apply(Edit::PutPerson(
        PersonId::from(id),
        Person {
            family_name: id.into(),
            ..Default::default()
        },
    ));
    settle(h);
}

fn has_person(h: &Harness<'_, DelegationApp>, id: &str) -> bool {
    h.state()
        .workspace
        .doc
        .project()
        .people
        .contains_key(&PersonId::from(id))
}

/// Types `text` into the text field named `label` (clicked first).
fn type_in(h: &mut Harness<'_, DelegationApp>, label: &str, text: &str) {
    h.query_all_by_label(label)
        .find(|n| {
            matches!(
                n.accesskit_node().role(),
                Role::TextInput | Role::MultilineTextInput
            )
        })
        .unwrap_or_else(|| panic!("no field labelled {label:?}"))
        .click();
    settle(h);
    h.event(egui::Event::Text(text.to_owned()));
    settle(h);
}

#[test]
fn unsaved_changes_enter_saves_and_escape_cancels() {
    let (_dir, path) = sample_file();
    let mut h = app_harness(Some(path.clone()), ScriptedDialogs::default());
    add_person(&mut h, "mine");
    press(&mut h, Key::N);
    assert!(matches!(dialog(&h), Some(Dialog::ConfirmDiscard { .. })));
    // The default is drawn as such, named on hover.
    h.get_by_label("Save");
    key(&mut h, Key::Escape);
    assert_eq!(dialog(&h), None);
    assert!(has_person(&h, "mine"), "Escape discards nothing");
    assert!(h.state().workspace.doc.is_dirty());
    assert!(!read_project(&path).unwrap().people.contains_key("mine"));

    press(&mut h, Key::N);
    key(&mut h, Key::Enter);
    finish_jobs(&mut h);
    assert!(
        read_project(&path).unwrap().people.contains_key("mine"),
        "Enter saved first"
    );
    assert!(!has_person(&h, "mine"), "then started the new project");
}

#[test]
fn an_error_and_the_problems_close_on_enter_and_on_escape() {
    let (dir, path) = sample_file();
    let dialogs = ScriptedDialogs::default();
    let mut h = app_harness(Some(path), dialogs.clone());
    let garbage = dir.path().join("notes.ron");
    std::fs::write(&garbage, "this is not a project").unwrap();
    let before = h.state().workspace.doc.project().clone();
    for close in [Key::Enter, Key::Escape] {
        dialogs.answer(Picked::File(garbage.clone()));
        press(&mut h, Key::O);
        finish_jobs(&mut h);
        assert!(
            matches!(dialog(&h), Some(Dialog::Error { .. })),
            "{close:?}"
        );
        key(&mut h, close);
        assert_eq!(dialog(&h), None, "{close:?}");
        assert_eq!(h.state().workspace.doc.project(), &before);
    }
    for close in [Key::Enter, Key::Escape] {
        h.state_mut().workspace.dialog = Some(Dialog::Problems(vec!["A problem".into()]));
        settle(&mut h);
        h.get_by_label("• A problem");
        key(&mut h, close);
        assert_eq!(dialog(&h), None, "{close:?}");
    }
}

#[test]
fn paste_agenda_enter_is_a_new_line_in_the_draft_then_adds_the_items() {
    let (_dir, path) = sample_file();
    let mut h = app_harness(Some(path), ScriptedDialogs::default());
    let id = MeetingId::from("paris-2024");
    let items = |h: &Harness<'_, DelegationApp>| {
        h.state().workspace.doc.project().meetings[&id]
            .items()
            .count()
    };
    let before = items(&h);
    h.get_by_label("Paste agenda…").click();
    settle(&mut h);
    key(&mut h, Key::Escape);
    assert_eq!(dialog(&h), None);

    h.get_by_label("Paste agenda…").click();
    settle(&mut h);
    type_in(&mut h, "Draft agenda", "14:00 Talks");
    // In the draft, Enter is a new line: nothing added yet.
    key(&mut h, Key::Enter);
    h.event(egui::Event::Text("15:00 Tour".to_owned()));
    settle(&mut h);
    let Some(Dialog::PasteAgenda { text, .. }) = dialog(&h) else {
        panic!("still open: {:?}", dialog(&h));
    };
    assert_eq!(text, "14:00 Talks\n15:00 Tour");
    assert_eq!(items(&h), before);
    // Out of the draft, Enter is the default: the two items are added.
    h.get_by_label("Paste a draft agenda").click();
    settle(&mut h);
    key(&mut h, Key::Enter);
    assert_eq!(dialog(&h), None);
    assert_eq!(items(&h), before + 2);
}

#[test]
fn import_list_enter_adds_the_people_escape_adds_nobody() {
    let (_dir, path) = sample_file();
    let mut h = app_harness(Some(path), ScriptedDialogs::default());
    let people = |h: &Harness<'_, DelegationApp>| h.state().workspace.doc.project().people.len();
    let before = people(&h);
    run(&mut h, Command::ShowPeople);
    for enter in [false, true] {
        h.get_by_label("Import list…").click();
        settle(&mut h);
        type_in(&mut h, "Pasted list", "Anna SCHMIDT, DIN");
        key(&mut h, Key::Enter);
        h.event(egui::Event::Text("Paul MEYER, DIN".to_owned()));
        settle(&mut h);
        finish_jobs(&mut h);
        assert_eq!(people(&h), before, "Enter in the pasted list is a new line");
        h.get_by_label("Import an attendee list").click();
        settle(&mut h);
        finish_jobs(&mut h);
        key(&mut h, if enter { Key::Enter } else { Key::Escape });
        finish_jobs(&mut h);
        assert_eq!(dialog(&h), None);
        assert_eq!(people(&h), if enter { before + 2 } else { before });
    }
}

#[test]
fn next_meeting_enter_creates_escape_does_not() {
    let (_dir, path) = sample_file();
    let mut h = app_harness(Some(path), ScriptedDialogs::default());
    let meetings =
        |h: &Harness<'_, DelegationApp>| h.state().workspace.doc.project().meetings.len();
    let before = meetings(&h);
    h.get_by_label("Plan next meeting…").click();
    settle(&mut h);
    assert!(matches!(dialog(&h), Some(Dialog::NextMeeting { .. })));
    key(&mut h, Key::Escape);
    assert_eq!((dialog(&h), meetings(&h)), (None, before));
    h.get_by_label("Plan next meeting…").click();
    settle(&mut h);
    key(&mut h, Key::Enter);
    assert_eq!((dialog(&h), meetings(&h)), (None, before + 1));
}

#[test]
fn new_meeting_enter_waits_for_its_sides_then_creates() {
    let (_dir, path) = sample_file();
    let mut h = app_harness(Some(path), ScriptedDialogs::default());
    let meetings =
        |h: &Harness<'_, DelegationApp>| h.state().workspace.doc.project().meetings.len();
    let before = meetings(&h);
    h.get_by_label("+ Add meeting").click();
    settle(&mut h);
    // Without sides the default is disabled: Enter does nothing.
    key(&mut h, Key::Enter);
    assert!(matches!(dialog(&h), Some(Dialog::NewMeeting(_))));
    key(&mut h, Key::Escape);
    assert_eq!((dialog(&h), meetings(&h)), (None, before));

    h.get_by_label("+ Add meeting").click();
    settle(&mut h);
    let Some(Dialog::NewMeeting(mut form)) = dialog(&h) else {
        panic!("{:?}", dialog(&h));
    };
    // The sides picked (the pickers' own keys are tested with them).
    form.hosts =
        vec![delegation_planner::workspace::new_meeting::OrganisationChoice::Known("afnor".into())];
    form.visitors =
        vec![delegation_planner::workspace::new_meeting::OrganisationChoice::Known("ccaa".into())];
    h.state_mut().workspace.dialog = Some(Dialog::NewMeeting(form));
    settle(&mut h);
    key(&mut h, Key::Enter);
    assert_eq!((dialog(&h), meetings(&h)), (None, before + 1));
}

#[test]
fn export_and_name_cards_enter_saves_escape_writes_nothing() {
    let (dir, path) = sample_file();
    let dialogs = ScriptedDialogs::default();
    let mut h = app_harness(Some(path), dialogs.clone());
    run(&mut h, Command::ShowMeetings);
    let out = dir.path().join("agenda.md");
    run(&mut h, Command::ExportAgenda(AgendaFormat::Md));
    assert!(matches!(dialog(&h), Some(Dialog::Export(_))));
    key(&mut h, Key::Escape);
    assert_eq!(dialog(&h), None);
    dialogs.answer(Picked::File(out.clone()));
    run(&mut h, Command::ExportAgenda(AgendaFormat::Md));
    key(&mut h, Key::Enter);
    finish_jobs(&mut h);
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.contains("Welcome"), "{text}");

    let cards = dir.path().join("cards.pdf");
    h.get_by_label("Name cards…").click();
    settle(&mut h);
    assert!(matches!(dialog(&h), Some(Dialog::NameCards { .. })));
    key(&mut h, Key::Escape);
    assert_eq!(dialog(&h), None);
    h.get_by_label("Name cards…").click();
    settle(&mut h);
    dialogs.answer(Picked::File(cards.clone()));
    // The cards' paper and faces as they are: Enter writes them.
    key(&mut h, Key::Enter);
    finish_jobs(&mut h);
    assert_eq!(dialog(&h), None);
    assert!(std::fs::read(&cards).unwrap().starts_with(b"%PDF"));
}

#[test]
fn the_file_browser_takes_the_path_typed_on_enter() {
    let (dir, path) = sample_file();
    let dialogs = ScriptedDialogs::default();
    let mut h = app_harness(Some(path), dialogs.clone());
    add_person(&mut h, "mine");
    let copy = dir.path().join("copy.ron");
    let save_as = |h: &mut Harness<'_, DelegationApp>| {
        dialogs.answer(Picked::Unavailable("No file dialog here.".into()));
        h.key_press_modifiers(egui::Modifiers::COMMAND | egui::Modifiers::SHIFT, Key::S);
        settle(h);
        assert!(matches!(dialog(h), Some(Dialog::PathEntry { .. })));
    };
    save_as(&mut h);
    key(&mut h, Key::Escape);
    assert_eq!(dialog(&h), None);
    assert!(h.state().workspace.doc.is_dirty());

    // The path typed over the one suggested, then Enter in the field.
    save_as(&mut h);
    type_in(&mut h, "File path", "");
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    settle(&mut h);
    h.event(egui::Event::Text(copy.display().to_string()));
    settle(&mut h);
    key(&mut h, Key::Enter);
    finish_jobs(&mut h);
    assert_eq!(dialog(&h), None);
    assert!(read_project(&copy).unwrap().people.contains_key("mine"));
}

#[test]
fn a_file_changed_on_disk_enter_merges_and_reload_s_question_keeps_on_enter() {
    let (_dir, path) = sample_file();
    let mut h = app_harness(Some(path.clone()), ScriptedDialogs::default());
    add_person(&mut h, "mine");
    let mut theirs = delegation_planner::samples::ccaa_afnor().unwrap();
    theirs.info.title.en = "Changed by a colleague".into();
    let theirs = to_ron_string(&theirs).unwrap();
    std::fs::write(&path, &theirs).unwrap();

    press(&mut h, Key::S);
    assert!(matches!(dialog(&h), Some(Dialog::FileChanged { .. })));
    key(&mut h, Key::Escape);
    assert_eq!(dialog(&h), None);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), theirs);

    // Reload's second question: Enter and Escape both keep my changes.
    for close in [Key::Enter, Key::Escape] {
        press(&mut h, Key::S);
        h.get_by_label("Reload theirs…").click();
        settle(&mut h);
        assert!(matches!(
            dialog(&h),
            Some(Dialog::ConfirmLoss(LossAction::Reload(_)))
        ));
        key(&mut h, close);
        assert_eq!(dialog(&h), None);
        assert!(has_person(&h, "mine"), "{close:?}");
    }

    // Enter never overwrites their version: it merges it in.
    press(&mut h, Key::S);
    key(&mut h, Key::Enter);
    finish_jobs(&mut h);
    assert!(
        matches!(dialog(&h), Some(Dialog::Merge(_))),
        "{:?}",
        dialog(&h)
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), theirs);
    // The merge's default applies it (and saves, as the button says).
    key(&mut h, Key::Enter);
    finish_jobs(&mut h);
    assert_eq!(dialog(&h), None);
    let saved = read_project(&path).unwrap();
    assert!(saved.people.contains_key("mine"));
    assert_eq!(saved.info.title.en, "Changed by a colleague");
}

#[cfg(unix)]
#[test]
fn a_protected_file_enter_offers_another_escape_cancels() {
    use std::os::unix::fs::PermissionsExt as _;
    let (dir, path) = sample_file();
    let dialogs = ScriptedDialogs::default();
    let mut h = app_harness(Some(path.clone()), dialogs.clone());
    add_person(&mut h, "mine");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    press(&mut h, Key::S);
    assert!(matches!(dialog(&h), Some(Dialog::SaveProtected { .. })));
    key(&mut h, Key::Escape);
    assert_eq!(dialog(&h), None);
    assert!(h.state().workspace.doc.is_dirty());
    let other = dir.path().join("other.ron");
    press(&mut h, Key::S);
    dialogs.answer(Picked::File(other.clone()));
    key(&mut h, Key::Enter);
    finish_jobs(&mut h);
    assert!(read_project(&other).unwrap().people.contains_key("mine"));
}

#[test]
fn a_recovery_copy_escape_keeps_it_for_later_enter_restores_it() {
    use delegation_planner::workspace::Settings;
    use delegation_planner::workspace::recovery::Recovery;
    let (_dir, path) = sample_file();
    let copies = tempfile::tempdir().unwrap();
    let start = |copies: &std::path::Path| {
        let (file, dir) = (path.clone(), copies.to_owned());
        let mut h = Harness::builder()
            .with_size([1400.0, 1000.0])
            .build_eframe(move |cc| {
                let mut recovery = Recovery::in_dir(dir);
                recovery.interval = std::time::Duration::ZERO;
                DelegationApp::with_recovery(
                    &cc.egui_ctx,
                    Settings::default(),
                    Some(file),
                    Box::new(ScriptedDialogs::default()),
                    recovery,
                )
            });
        h.run_steps(3);
        finish_jobs(&mut h);
        h
    };
    let mut h = start(copies.path());
    add_person(&mut h, "mine");
    drop(h); // The machine stops: no save, no question.

    let mut h = start(copies.path());
    assert!(matches!(dialog(&h), Some(Dialog::Recover(_))));
    key(&mut h, Key::Escape);
    assert_eq!(dialog(&h), None);
    assert!(!has_person(&h, "mine"), "not restored");
    drop(h);

    let mut h = start(copies.path());
    assert!(
        matches!(dialog(&h), Some(Dialog::Recover(_))),
        "kept for later"
    );
    key(&mut h, Key::Enter);
    finish_jobs(&mut h);
    assert_eq!(dialog(&h), None);
    assert!(has_person(&h, "mine"), "restored");
}

#[test]
fn letters_enter_makes_them_escape_closes() {
    let (_dir, path) = sample_file();
    let mut h = app_harness(Some(path), ScriptedDialogs::default());
    h.get_by_label("Invitation letters…").click();
    settle(&mut h);
    assert!(matches!(dialog(&h), Some(Dialog::Letters(_))));
    key(&mut h, Key::Escape);
    assert_eq!(dialog(&h), None);
    h.get_by_label("Invitation letters…").click();
    settle(&mut h);
    // "Make letters…" checks first: the sample's guests have no passport numbers, listed
    // in the dialog, and nothing is asked or written.
    key(&mut h, Key::Enter);
    finish_jobs(&mut h);
    let Some(Dialog::Letters(state)) = dialog(&h) else {
        panic!("{:?}", dialog(&h));
    };
    assert!(
        state.missing.iter().any(|m| m.field == "passport_number"),
        "{:?}",
        state.missing
    );
}

#[test]
fn unprintable_characters_enter_and_escape_write_nothing_save_anyway_writes() {
    use delegation_planner::workspace::PendingWrite;
    let (dir, path) = sample_file();
    let mut h = app_harness(Some(path), ScriptedDialogs::default());
    let cards = dir.path().join("cards.pdf");
    // The harness's own fonts stand in for the glyphs no bundled font has: the dialog
    // names whatever characters it is given.
    let pending = || {
        Dialog::Unprintable(Box::new(PendingWrite {
            path: cards.clone(),
            bytes: std::sync::Arc::new(b"%PDF-1.7 cards".to_vec()),
            cards: Some(7),
            unprintable: vec!['Z'],
            cut: Vec::new(),
        }))
    };
    for close in [Key::Enter, Key::Escape] {
        h.state_mut().workspace.dialog = Some(pending());
        settle(&mut h);
        assert!(h.query_by_label("Z (U+005A)").is_some(), "{close:?}");
        key(&mut h, close);
        finish_jobs(&mut h);
        assert_eq!(dialog(&h), None, "{close:?}");
        assert!(!cards.exists(), "{close:?}: nothing written");
    }
    h.state_mut().workspace.dialog = Some(pending());
    settle(&mut h);
    h.get_by_label("Save anyway").click();
    settle(&mut h);
    finish_jobs(&mut h);
    assert_eq!(dialog(&h), None);
    assert_eq!(std::fs::read(&cards).unwrap(), b"%PDF-1.7 cards");
}
