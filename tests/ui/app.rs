//! The real app, driven through its UI with egui_kittest: widgets are found by their
//! labels, clicked and typed into; assertions are on the model and on the files written.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // Test helpers may panic: a panic is a failed test.

use crate::common;

use common::{ScriptedDialogs, app_harness, press, sample_file, settle, type_into};
use delegation_planner::app::DelegationApp;
use delegation_planner::i18n::Language;
use delegation_planner::model::{PersonId, Project};
use delegation_planner::project_file::read_project;
use delegation_planner::workspace::{Dialog, Picked};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

fn new_person(project: &Project) -> Option<(&PersonId, &delegation_planner::model::Person)> {
    project
        .people
        .iter()
        .find(|(id, _)| id.as_str().starts_with("person"))
}

#[test]
fn add_edit_undo_redo_and_save_a_person() {
    let (_dir, path) = sample_file();
    let mut harness = app_harness(Some(path.clone()), ScriptedDialogs::default());
    assert!(!harness.state().workspace.doc.is_dirty());

    harness.get_by_label("People  (7)").click();
    settle(&mut harness);
    harness.get_by_label("+ Add person").click();
    settle(&mut harness);
    assert_eq!(harness.state().workspace.doc.project().people.len(), 8);

    type_into(&mut harness, "Family name", "Liu");
    type_into(&mut harness, "Given name", "Jiang");
    type_into(&mut harness, "Chinese name", "刘江");
    let (_, person) = new_person(harness.state().workspace.doc.project()).unwrap();
    // A Chinese name makes Chinese order the default (issue 15: it stayed "given name
    // first", `Jiang LIU`).
    assert_eq!(person.display_name(), "LIU Jiang 刘江");
    assert!(harness.state().workspace.doc.is_dirty());
    assert!(
        harness
            .state()
            .workspace
            .window_title()
            .starts_with("● paris.ron")
    );

    // Typing a field is one undo step: one Ctrl+Z removes the whole Chinese name.
    press(&mut harness, Key::Z);
    let (_, person) = new_person(harness.state().workspace.doc.project()).unwrap();
    assert_eq!(person.chinese_name, "");
    assert_eq!(person.given_name, "Jiang");
    press(&mut harness, Key::Z);
    let (_, person) = new_person(harness.state().workspace.doc.project()).unwrap();
    assert_eq!(person.given_name, "");
    press(&mut harness, Key::Y);
    let (_, person) = new_person(harness.state().workspace.doc.project()).unwrap();
    assert_eq!(person.given_name, "Jiang");

    // Save with the Save command's shortcut; the file holds what the UI shows.
    press(&mut harness, Key::S);
    assert!(!harness.state().workspace.doc.is_dirty());
    let on_disk = read_project(&path).unwrap();
    assert_eq!(&on_disk, harness.state().workspace.doc.project());
    let (_, saved) = new_person(&on_disk).unwrap();
    assert_eq!(
        (saved.family_name.as_str(), saved.given_name.as_str()),
        ("Liu", "Jiang")
    );
    assert!(
        path.with_file_name("paris.ron.bak").exists(),
        "the previous version is kept"
    );
}

#[test]
fn build_an_agenda_and_save_from_the_file_menu() {
    let (_dir, path) = sample_file();
    let mut harness = app_harness(Some(path.clone()), ScriptedDialogs::default());
    // The meetings view opens on the first meeting.
    harness.get_by_label("+ Add item").click();
    settle(&mut harness);
    type_into(&mut harness, "Item title (English)", "Signing ceremony");
    type_into(&mut harness, "Item title (Chinese)", "签约仪式");

    let meeting = harness
        .state()
        .workspace
        .doc
        .project()
        .meetings
        .values()
        .next()
        .unwrap()
        .clone();
    assert_eq!(meeting.item_count(), 6);
    let last = meeting.items().last().unwrap();
    assert_eq!(last.title.en, "Signing ceremony");
    assert_eq!(last.title.zh, "签约仪式");
    // 2 h of agenda plus 30 min runs past the planned 12:00 end, and the editor says so.
    let day = &meeting.day_summaries()[0];
    assert_eq!(day.end.time().to_string(), "12:30:00");
    assert!(day.runs_past_end);
    harness.get_by_label_contains("runs past the planned end");

    // Move the new item up one place with the keyboard-reachable button.
    harness
        .get_by_label("Move up (Alt+↑): Signing ceremony")
        .click();
    settle(&mut harness);
    let titles: Vec<_> = harness
        .state()
        .workspace
        .doc
        .project()
        .meetings
        .values()
        .next()
        .unwrap()
        .items()
        .map(|i| i.title.en.clone())
        .collect();
    assert_eq!(titles[4], "Signing ceremony");
    assert_eq!(titles[5], "Group photo");
    press(&mut harness, Key::Z);
    let agenda = &harness
        .state()
        .workspace
        .doc
        .project()
        .meetings
        .values()
        .next()
        .unwrap()
        .days[0]
        .items;
    assert_eq!(
        agenda.last().unwrap().title.en,
        "Signing ceremony",
        "undo puts it back"
    );

    harness.get_by_label("File").click();
    settle(&mut harness);
    harness.get_by_label("Save Ctrl+S").click();
    settle(&mut harness);
    let saved = read_project(&path).unwrap();
    assert_eq!(saved.meetings.values().next().unwrap().item_count(), 6);
    assert!(!harness.state().workspace.doc.is_dirty());
}

#[test]
fn first_run_shows_the_sample_and_save_asks_where() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("my-project");
    let dialogs = ScriptedDialogs::default();
    let mut harness = app_harness(None, dialogs.clone());
    assert!(harness.state().workspace.doc.path().is_none());
    assert_eq!(harness.state().workspace.doc.project().people.len(), 7);
    assert!(harness.state().workspace.window_title().contains("sample"));
    assert!(
        harness
            .query_all_by_label_contains("CCAA–AFNOR meeting at AFNOR headquarters")
            .count()
            >= 1
    );

    dialogs.answer(Picked::File(target.clone()));
    press(&mut harness, Key::S);
    let written = target.with_extension("ron");
    assert_eq!(
        harness.state().workspace.doc.path(),
        Some(written.as_path())
    );
    assert_eq!(read_project(&written).unwrap().people.len(), 7);
    assert_eq!(
        harness.state().workspace.settings.recent_files,
        vec![written.clone()]
    );
    assert!(
        harness
            .state()
            .workspace
            .toast_text()
            .unwrap()
            .contains("my-project.ron")
    );
}

#[test]
fn unsaved_changes_are_never_dropped_silently() {
    let (_dir, path) = sample_file();
    let mut harness = app_harness(Some(path.clone()), ScriptedDialogs::default());
    harness.get_by_label("Project").click();
    settle(&mut harness);
    type_into(&mut harness, "Title (English)", " 2025");
    assert!(harness.state().workspace.doc.is_dirty());

    press(&mut harness, Key::N);
    harness.get_by_label("Unsaved changes");
    harness.get_by_label("Cancel").click();
    settle(&mut harness);
    assert!(harness.state().workspace.dialog.is_none());
    assert_eq!(
        harness.state().workspace.doc.project().info.title.en,
        "CCAA–AFNOR cooperation 2025"
    );

    // Closing the window asks too.
    harness
        .input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    settle(&mut harness);
    assert!(matches!(
        harness.state().workspace.dialog,
        Some(Dialog::ConfirmDiscard { .. })
    ));
    harness.get_by_label("Cancel").click();
    settle(&mut harness);

    press(&mut harness, Key::N);
    harness.get_by_label("Discard changes").click();
    settle(&mut harness);
    assert!(harness.state().workspace.doc.project().people.is_empty());
    assert!(harness.state().workspace.doc.path().is_none());
    // The file on disk was never touched.
    assert_eq!(
        read_project(&path).unwrap().info.title.en,
        "CCAA–AFNOR cooperation"
    );
}

#[test]
fn the_interface_switches_to_chinese() {
    let (_dir, path) = sample_file();
    let mut harness = app_harness(Some(path), ScriptedDialogs::default());
    harness.get_by_label("View").click();
    settle(&mut harness);
    harness.get_by_label("中文").click();
    settle(&mut harness);
    assert_eq!(
        harness.state().workspace.settings.language,
        Language::Chinese
    );
    harness.get_by_label("人员  (7)").click();
    settle(&mut harness);
    // Chinese labels, and the Chinese title of the selected person.
    harness.get_by_label("中文姓名");
    type_into(&mut harness, "姓", "X");
    harness.get_by_label("+ 添加人员");
}

#[test]
fn a_bad_file_says_where_it_is_wrong() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.ron");
    let text = delegation_planner::samples::CCAA_AFNOR_RON;
    std::fs::write(&path, &text[..text.len() / 2]).unwrap();
    let harness = app_harness(Some(path.clone()), ScriptedDialogs::default());
    let Some(Dialog::Error { title, message }) = &harness.state().workspace.dialog else {
        panic!(
            "expected an error dialog, got {:?}",
            harness.state().workspace.dialog
        );
    };
    let title = title.text(delegation_planner::i18n::Language::English);
    let message = message.text(delegation_planner::i18n::Language::English);
    assert_eq!(title, "Could not open the project");
    assert!(
        message.contains(&format!("{}:", path.display())),
        "{message}"
    );
    assert!(message.contains("ends too early"), "{message}");
    harness.get_by_label_contains("ends too early");
    // The file is untouched and the app shows the sample instead of nothing.
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        &text[..text.len() / 2]
    );
    assert!(harness.state().workspace.doc.path().is_none());
}

#[test]
fn without_a_file_dialog_a_path_can_be_typed() {
    let (_dir, path) = sample_file();
    let dialogs = ScriptedDialogs::default();
    let mut harness = app_harness(None, dialogs.clone());
    dialogs.answer(Picked::Unavailable(
        "No file dialog is available on this desktop.".into(),
    ));
    press(&mut harness, Key::O);
    harness.get_by_label_contains("No file dialog is available");
    type_into(&mut harness, "File path", &path.display().to_string());
    harness.get_by_label("Open").click();
    settle(&mut harness);
    assert_eq!(harness.state().workspace.doc.path(), Some(path.as_path()));
    assert!(harness.state().workspace.dialog.is_none());
}

#[test]
fn deleting_a_person_removes_them_from_meetings_and_undo_restores() {
    let (_dir, path) = sample_file();
    let mut harness = app_harness(Some(path), ScriptedDialogs::default());
    harness.get_by_label("People  (7)").click();
    settle(&mut harness);
    harness.get_by_label("HUANG Jixian 黄继先").click();
    settle(&mut harness);
    harness.get_by_label("Delete").click();
    settle(&mut harness);
    let project = harness.state().workspace.doc.project();
    assert_eq!(project.people.len(), 6);
    assert!(
        delegation_planner::model::validate(project).is_empty(),
        "no dangling reference"
    );
    press(&mut harness, Key::Z);
    let project = harness.state().workspace.doc.project();
    assert_eq!(project.people.len(), 7);
    assert_eq!(project.meetings.values().next().unwrap().attendees.len(), 7);
    assert!(
        !harness.state().workspace.doc.is_dirty(),
        "undone back to the file's state"
    );
}

fn first_meeting(harness: &Harness<'_, DelegationApp>) -> delegation_planner::model::Meeting {
    harness
        .state()
        .workspace
        .doc
        .project()
        .meetings
        .values()
        .next()
        .unwrap()
        .clone()
}

#[test]
fn paste_a_draft_agenda_with_preview_and_one_undo_step() {
    let (_dir, path) = sample_file();
    let mut harness = app_harness(Some(path), ScriptedDialogs::default());
    harness.get_by_label("Paste agenda…").click();
    settle(&mut harness);
    type_into(
        &mut harness,
        "Draft agenda",
        "14:00 10 min Opening speech — HUANG Jixian\n14:10–14:40 ISO 50001 auditors — Ms. WANG Qian, Dr. Betty XU\n1h30 Working lunch",
    );
    // The preview shows what will be added before anything changes.
    harness.get_by_label("√ HUANG Jixian 黄继先");
    // A speaker not in the project is offered as a new person, and kept as a guest
    // speaker when not added.
    harness.get_by_label("Dr. Betty XU (add as a person)");
    assert_eq!(
        first_meeting(&harness).item_count(),
        5,
        "nothing changed yet"
    );
    // The preview now lists what every line gave: its grids take a few more frames to
    // size before the dialog stands still.
    settle(&mut harness);
    settle(&mut harness);
    harness.get_by_label("Replace the current agenda").click();
    settle(&mut harness);
    harness.get_by_label("Add items (3)").click();
    settle(&mut harness);

    let meeting = first_meeting(&harness);
    let titles: Vec<_> = meeting.items().map(|i| i.title.en.as_str()).collect();
    assert_eq!(
        titles,
        ["Opening speech", "ISO 50001 auditors", "Working lunch"]
    );
    assert_eq!(meeting.days[0].start.to_string(), "14:00:00");
    assert_eq!(meeting.days[0].items[2].duration_minutes, 90);
    assert_eq!(meeting.days[0].items[1].guest_speakers, ["Dr. Betty XU"]);
    // One undo step restores the whole previous agenda.
    press(&mut harness, Key::Z);
    assert_eq!(first_meeting(&harness).item_count(), 5);
    assert_eq!(
        first_meeting(&harness).days[0].start.to_string(),
        "10:00:00"
    );
}

#[test]
fn changing_a_duration_moves_the_times_after_it() {
    let (_dir, path) = sample_file();
    let mut harness = app_harness(Some(path), ScriptedDialogs::default());
    harness.get_by_label("10:45 · 16:45");
    harness
        .get_by_label("Welcome and introduction of the delegations")
        .click();
    settle(&mut harness);
    // Select the duration field with the keyboard-friendly way: focus, type, enter.
    harness.get_by_label("Duration (min)").focus();
    settle(&mut harness);
    harness.key_press(Key::Backspace);
    harness.key_press(Key::Backspace);
    harness.get_by_label("Duration (min)").type_text("45");
    harness.key_press(Key::Enter);
    settle(&mut harness);
    let meeting = first_meeting(&harness);
    assert_eq!(meeting.days[0].items[0].duration_minutes, 45);
    // 30 minutes longer: the third item now starts at 11:15 (17:15 in Beijing) and the
    // fourth at 12:05 instead of 11:35.
    harness.get_by_label("11:15 · 17:15");
    harness.get_by_label("12:05 · 18:05");
    assert!(harness.query_by_label("11:35 · 17:35").is_none());
    harness.get_by_label_contains("runs past the planned end");
}

#[test]
fn reorder_with_alt_arrows_and_export_the_agenda() {
    let dir = tempfile::tempdir().unwrap();
    let (_d, path) = sample_file();
    let dialogs = ScriptedDialogs::default();
    let mut harness = app_harness(Some(path), dialogs.clone());
    harness.get_by_label("Group photo").click();
    settle(&mut harness);
    // Move focus away from any text field, then Alt+↑ twice.
    harness.key_press(Key::Escape);
    harness.key_press_modifiers(Modifiers::ALT, Key::ArrowUp);
    settle(&mut harness);
    harness.key_press_modifiers(Modifiers::ALT, Key::ArrowUp);
    settle(&mut harness);
    let titles: Vec<_> = first_meeting(&harness)
        .items()
        .map(|i| i.title.en.clone())
        .collect();
    assert_eq!(titles[2], "Group photo", "{titles:?}");

    let target = dir.path().join("agenda.ics");
    dialogs.answer(Picked::File(target.clone()));
    harness.get_by_label("Export agenda").click();
    settle(&mut harness);
    harness.get_by_label("Calendar entry (.ics)").hover();
    settle(&mut harness);
    harness.get_by_label("Both languages").click();
    settle(&mut harness);
    // The export dialog: the language chosen in the menu, a copy for partners.
    harness.get_by_label("Save…").click();
    settle(&mut harness);
    let ics = std::fs::read_to_string(&target).unwrap();
    assert!(ics.contains("DTSTART;TZID=Europe/Paris:20240923T100000"));
    let _: icalendar::Calendar = ics.parse().unwrap();
    assert!(
        harness
            .state()
            .workspace
            .toast_text()
            .unwrap()
            .contains("agenda.ics")
    );
}

#[test]
fn plan_the_next_meeting_of_the_series() {
    let (_dir, path) = sample_file();
    let mut harness = app_harness(Some(path), ScriptedDialogs::default());
    // The sample met in September 2024: a year on is past, so the next is in 2027.
    harness.state_mut().workspace.today = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    harness.get_by_label("Plan next meeting…").click();
    settle(&mut harness);
    harness.get_by_label("Create").click();
    settle(&mut harness);
    let project = harness.state().workspace.doc.project();
    assert_eq!(project.meetings.len(), 2);
    let (id, next) = project
        .meetings
        .iter()
        .find(|(id, _)| id.as_str() != "paris-2024")
        .unwrap();
    assert_eq!(id.as_str(), "paris-2027");
    assert_eq!(next.start_date().to_string(), "2027-09-23");
    assert_eq!(next.series.as_ref().unwrap().edition, 2);
    assert_eq!(
        next.time_zone,
        chrono_tz::Asia::Shanghai,
        "the other side hosts by default"
    );
    assert!(next.attendees.is_empty() && next.item_count() == 0);
    assert_eq!(harness.state().view.meeting.as_ref(), Some(id));
    press(&mut harness, Key::Z);
    assert_eq!(harness.state().workspace.doc.project().meetings.len(), 1);
}

/// A speaker is picked from a searchable list (a registry can hold 100,000 people): the
/// search narrows it, namesakes are told apart by organisation, and the choice is one
/// undo step.
#[test]
fn pick_a_speaker_by_searching() {
    let (_dir, path) = sample_file();
    let mut harness = app_harness(Some(path), ScriptedDialogs::default());
    harness
        .get_by_label("Welcome and introduction of the delegations")
        .click();
    settle(&mut harness);
    // The first speaker's picker is named after its place; it shows the person chosen.
    // Through accesskit: a simulated press and release in one frame does not open an
    // egui popup here, though a real click does (seen under Xvfb).
    harness.get_by_label("Speakers 1").click_accesskit();
    settle(&mut harness);
    let search = "Search by name, organisation, title…";
    harness.get_by_label(search).type_text("zhang");
    settle(&mut harness);
    // Only the match is listed, with its organisation and title.
    assert!(
        harness
            .query_by_label_contains("Cindy SHEN · AFNOR")
            .is_none()
    );
    harness.get_by_label_contains("Peter ZHANG · AFNOR").click();
    settle(&mut harness);
    let speakers = |h: &Harness<'_, DelegationApp>| {
        h.state()
            .workspace
            .doc
            .project()
            .meetings
            .values()
            .next()
            .unwrap()
            .days[0]
            .items[0]
            .speakers
            .clone()
    };
    assert_eq!(
        speakers(&harness),
        [
            PersonId::from("zhang-peter"),
            PersonId::from("huang-jixian")
        ]
    );
    assert!(harness.query_by_label(search).is_none(), "the list closed");
    press(&mut harness, Key::Z);
    assert_eq!(
        speakers(&harness),
        [
            PersonId::from("augereau-landais-myriam"),
            PersonId::from("huang-jixian")
        ]
    );
}
