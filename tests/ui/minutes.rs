//! Taking minutes live in the real app, driven through its UI with egui_kittest: a summary
//! per item with Tab to the next item, a decision and a commitment added to the item being
//! written by their shortcuts, attendance with one click, the commitment found in
//! Commitments with its meeting and item, and the minutes exported from the menu.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // Test helpers may panic: a panic is a failed test.

use crate::common;

use common::{ScriptedDialogs, press, settle, tall_sample_harness};
use delegation_planner::app::DelegationApp;
use delegation_planner::model::{AttendanceStatus, ItemId, Meeting, MeetingId, PersonId};
use delegation_planner::ui::View;
use delegation_planner::workspace::{Picked, Settings};
use egui::Key;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

fn harness_with(dialogs: ScriptedDialogs) -> (tempfile::TempDir, Harness<'static, DelegationApp>) {
    let (dir, mut harness) = tall_sample_harness(dialogs);
    settle(&mut harness);
    (dir, harness)
}

fn paris(harness: &Harness<'_, DelegationApp>) -> Meeting {
    harness.state().workspace.doc.project().meetings[&MeetingId::from("paris-2024")].clone()
}

fn outcome_of(
    harness: &Harness<'_, DelegationApp>,
    item: &str,
) -> delegation_planner::model::Outcome {
    paris(harness)
        .item(&ItemId::from(item))
        .unwrap()
        .outcome
        .clone()
}

#[test]
fn take_minutes_tab_to_the_next_item_add_a_decision_and_a_commitment() {
    let (_dir, mut harness) = harness_with(ScriptedDialogs::default());
    assert_eq!(harness.state().view.view, View::Meetings);
    harness.get_by_label("Take minutes").click();
    settle(&mut harness);
    assert!(harness.state().view.minutes_mode);
    harness.check_accessibility();

    // The first item's English summary; Tab goes to the second item's.
    let first = harness
        .get_all_by_role(Role::MultilineTextInput)
        .next()
        .unwrap();
    first.focus();
    settle(&mut harness);
    harness
        .get_all_by_role(Role::MultilineTextInput)
        .next()
        .unwrap()
        .type_text("The delegations were introduced.");
    settle(&mut harness);
    harness.key_press(Key::Tab);
    settle(&mut harness);
    harness
        .get_all_by_role(Role::MultilineTextInput)
        .find(|n| n.is_focused())
        .expect("a summary has the keyboard")
        .type_text("Both sides presented their news.");
    settle(&mut harness);
    let welcome = outcome_of(&harness, "welcome");
    assert!(
        welcome
            .summary
            .en
            .ends_with("The delegations were introduced."),
        "{welcome:?}"
    );
    let past = outcome_of(&harness, "past-cooperation");
    assert!(
        past.summary
            .en
            .ends_with("organisation.Both sides presented their news."),
        "{past:?}"
    );
    // The Chinese summary beside it is untouched.
    assert_eq!(
        past.summary.zh,
        "双方回顾了以往的合作，并介绍了各自机构的最新进展。"
    );

    // Ctrl+D: a decision of the item being written, its field ready to type in.
    press(&mut harness, Key::D);
    harness
        .get_all_by_role(Role::TextInput)
        .find(|n| n.is_focused())
        .expect("the new decision has the keyboard")
        .type_text("Exchange annual reports.");
    settle(&mut harness);
    let past = outcome_of(&harness, "past-cooperation");
    assert_eq!(past.decisions.len(), 1);
    assert_eq!(past.decisions[0].en, "Exchange annual reports.");
    // The Chinese beside it, typed in its own field.
    harness.key_press(Key::Tab);
    settle(&mut harness);
    harness
        .get_all_by_role(Role::TextInput)
        .find(|n| n.is_focused())
        .unwrap()
        .type_text("交换年度报告。");
    settle(&mut harness);
    assert_eq!(
        outcome_of(&harness, "past-cooperation").decisions[0].zh,
        "交换年度报告。"
    );

    // Ctrl+K: a commitment under the same item, its title ready to type.
    let before = harness.state().workspace.doc.project().commitments.len();
    press(&mut harness, Key::K);
    harness
        .get_all_by_role(Role::TextInput)
        .find(|n| n.is_focused())
        .expect("the new commitment's title has the keyboard")
        .type_text("Exchange of annual reports");
    settle(&mut harness);
    let project = harness.state().workspace.doc.project().clone();
    assert_eq!(project.commitments.len(), before + 1);
    let (new_id, new) = project
        .commitments
        .iter()
        .find(|(_, c)| c.title.en == "Exchange of annual reports")
        .expect("the commitment is in the project");
    assert_eq!(new.agreed_at, Some(MeetingId::from("paris-2024")));
    assert_eq!(new.agreed_item, Some(ItemId::from("past-cooperation")));
    assert!(!new.parties.is_empty(), "the organisations at the table");
    let under: Vec<_> = project
        .commitments_of_item(
            &MeetingId::from("paris-2024"),
            &ItemId::from("past-cooperation"),
        )
        .map(|(id, _)| id.clone())
        .collect();
    assert_eq!(under, std::slice::from_ref(new_id));

    // Attendance with one click: present, then absent.
    let huang = PersonId::from("huang-jixian");
    let status = |h: &Harness<'_, DelegationApp>| {
        paris(h)
            .attendees
            .iter()
            .find(|a| a.person == huang)
            .unwrap()
            .status
    };
    assert_eq!(status(&harness), AttendanceStatus::Attended);
    harness.get_by_label_contains("HUANG Jixian").click();
    settle(&mut harness);
    assert_eq!(status(&harness), AttendanceStatus::Absent);
    assert!(
        harness
            .query_by_label_contains("HUANG Jixian 黄继先 · Absent")
            .is_some()
    );
    harness.get_by_label_contains("HUANG Jixian").click();
    settle(&mut harness);
    assert_eq!(status(&harness), AttendanceStatus::Attended);

    // Undo takes the last change back, like any edit.
    press(&mut harness, Key::Z);
    assert_eq!(status(&harness), AttendanceStatus::Absent);
    press(&mut harness, Key::Y);

    // In Commitments, with its meeting and its item.
    // The first such button is the second item's: the one commitment under it.
    harness
        .get_all_by_label("Open in Commitments")
        .next()
        .unwrap()
        .click();
    settle(&mut harness);
    assert_eq!(harness.state().view.view, View::Commitments);
    assert_eq!(harness.state().view.commitment.as_ref(), Some(new_id));
    let shown = |label: &str| {
        let combo = harness.get_by_role_and_label(Role::ComboBox, label);
        format!("{:?} {:?}", combo.value(), combo)
    };
    let item = shown("Agenda item");
    assert!(
        item.contains("2. Past cooperation and new advances of each organisation"),
        "the item is shown in the commitment's editor: {item}"
    );
    let meeting = shown("Agreed at");
    assert!(meeting.contains("CCAA–AFNOR meeting"), "{meeting}");
}

#[test]
fn minutes_from_the_menu_and_back_to_the_meeting() {
    let dialogs = ScriptedDialogs::default();
    let (dir, mut harness) = harness_with(dialogs.clone());
    // The Edit menu names the shortcuts.
    harness.get_by_label("Edit").click();
    settle(&mut harness);
    assert!(harness.query_by_label_contains("Add decision").is_some());
    for shortcut in ["Ctrl+M", "Ctrl+D", "Ctrl+K"] {
        assert!(
            harness.query_by_label_contains(shortcut).is_some(),
            "{shortcut} in the menu"
        );
    }
    harness.key_press(Key::Escape);
    settle(&mut harness);
    press(&mut harness, Key::M);
    assert!(harness.state().view.minutes_mode);
    // The sample's minutes are final, dated 30 September 2024; undated, an export is
    // dated the day it is made.
    assert_eq!(
        paris(&harness).minutes_version.unwrap().to_string(),
        "2024-09-30"
    );
    harness.get_by_label("Version dated").click();
    settle(&mut harness);
    assert_eq!(paris(&harness).minutes_version, None);
    harness.get_by_label("Back to the meeting").click();
    settle(&mut harness);
    assert!(!harness.state().view.minutes_mode);

    // File > Export > Minutes: Word document.
    let out = dir.path().join("paris-minutes.docx");
    dialogs.answer(Picked::File(out.clone()));
    harness.get_by_label("File").click();
    settle(&mut harness);
    harness.get_by_label("Export").click();
    settle(&mut harness);
    harness
        .get_by_label("Minutes: Word document (.docx)")
        .click();
    settle(&mut harness);
    harness.get_by_label("Save…").click();
    settle(&mut harness);
    let bytes = std::fs::read(&out).expect("the minutes were written");
    assert!(bytes.starts_with(b"PK"));
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut header = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/header1.xml").unwrap(), &mut header)
        .unwrap();
    let today = harness.state().workspace.today;
    let date = today.format("%-d %b %Y").to_string();
    assert!(header.contains("Final · version of "), "{header}");
    assert!(header.contains(&date), "dated today ({date}): {header}");
}

/// A long programme: only the items on screen are laid out, yet Tab walks from the first
/// item to the thirtieth, far below the window, and the text lands there.
#[test]
fn tab_walks_a_long_programme_beyond_the_window() {
    let mut project = delegation_planner::samples::ccaa_afnor().unwrap();
    let id = MeetingId::from("paris-2024");
    let mut meeting = project.meetings[&id].clone();
    let template = meeting.days[0].items[0].clone();
    meeting.days[0].items = (1..=60)
        .map(|n| {
            let mut item = template.clone();
            item.id = ItemId::from(format!("item-{n}").as_str());
            item.title.en = format!("Point {n}");
            item.outcome = Default::default();
            item.duration_minutes = 5;
            item
        })
        .collect();
    project.meetings.insert(id.clone(), meeting);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("long.ron");
    std::fs::write(
        &path,
        delegation_planner::project_file::to_ron_string(&project).unwrap(),
    )
    .unwrap();
    let mut harness = Harness::builder()
        .with_size([1400.0, 900.0])
        .build_eframe(move |cc| {
            DelegationApp::with_settings(
                &cc.egui_ctx,
                Settings::default(),
                Some(path),
                Box::new(ScriptedDialogs::default()),
            )
        });
    settle(&mut harness);
    press(&mut harness, Key::M);
    assert!(harness.state().view.minutes_mode);
    // Far fewer summary fields than items are laid out.
    let drawn = harness.get_all_by_role(Role::MultilineTextInput).count();
    assert!(drawn < 40, "{drawn} summary fields for 60 items");
    harness
        .get_all_by_role(Role::MultilineTextInput)
        .next()
        .unwrap()
        .focus();
    settle(&mut harness);
    for _ in 1..30 {
        harness.key_press(Key::Tab);
        harness.run_steps(2);
    }
    settle(&mut harness);
    harness
        .get_all_by_role(Role::MultilineTextInput)
        .find(|n| n.is_focused())
        .expect("a summary still has the keyboard")
        .type_text("Thirty.");
    settle(&mut harness);
    let meeting = paris(&harness);
    let item = meeting.item(&ItemId::from("item-30")).unwrap();
    assert_eq!(item.outcome.summary.en, "Thirty.");
    assert_eq!(
        meeting.items().filter(|i| !i.outcome.is_empty()).count(),
        1,
        "nothing typed anywhere else"
    );
}

/// A summary too long to edit (a pasted transcript) is shown, not edited; the Chinese one
/// beside it is still typed in, and the long text stays whole.
#[test]
fn a_summary_too_long_to_edit_is_kept_whole() {
    let mut project = delegation_planner::samples::ccaa_afnor().unwrap();
    let id = MeetingId::from("paris-2024");
    let long = "Transcript line. ".repeat(20_000);
    let mut meeting = project.meetings[&id].clone();
    let item = meeting.item_mut(&ItemId::from("welcome")).unwrap();
    item.outcome.summary.en = long.clone();
    item.outcome.summary.zh = String::new();
    project.meetings.insert(id, meeting);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("long-summary.ron");
    std::fs::write(
        &path,
        delegation_planner::project_file::to_ron_string(&project).unwrap(),
    )
    .unwrap();
    let mut harness = Harness::builder()
        .with_size([1400.0, 2600.0])
        .build_eframe(move |cc| {
            DelegationApp::with_settings(
                &cc.egui_ctx,
                Settings::default(),
                Some(path),
                Box::new(ScriptedDialogs::default()),
            )
        });
    settle(&mut harness);
    press(&mut harness, Key::M);
    assert!(
        harness
            .query_by_label_contains("too long to edit here")
            .is_some()
    );
    // The first summary field is now the Chinese one of the first item.
    harness
        .get_all_by_role(Role::MultilineTextInput)
        .next()
        .unwrap()
        .focus();
    settle(&mut harness);
    harness
        .get_all_by_role(Role::MultilineTextInput)
        .find(|n| n.is_focused())
        .unwrap()
        .type_text("双方致辞。");
    settle(&mut harness);
    let outcome = outcome_of(&harness, "welcome");
    assert_eq!(outcome.summary.zh, "双方致辞。");
    assert_eq!(outcome.summary.en, long);
}

/// The sample in a temp file, the Paris meeting's minutes set to `en` and `zh`.
fn sample_with_paris_minutes(en: &str, zh: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let mut project = delegation_planner::samples::ccaa_afnor().unwrap();
    let id = MeetingId::from("paris-2024");
    let mut meeting = project.meetings[&id].clone();
    meeting.minutes = en.to_owned();
    meeting.minutes_zh = zh.to_owned();
    project.meetings.insert(id, meeting);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("minutes.ron");
    let ron = delegation_planner::project_file::to_ron_string(&project).unwrap();
    std::fs::write(&path, ron).unwrap();
    (dir, path)
}

/// Minutes too long to edit in the meeting's form stay whole, in both languages, when the
/// meeting's details are edited beside them.
#[test]
fn minutes_too_long_to_edit_survive_an_edit_of_the_details() {
    let id = MeetingId::from("paris-2024");
    let long = "Transcript line. ".repeat(20_000);
    let (_dir, path) = sample_with_paris_minutes(&long, "会谈纪要。");
    let mut harness = common::app_harness(Some(path), ScriptedDialogs::default());
    let venue = "Venue (English)";
    harness.get_by_label(venue).click();
    settle(&mut harness);
    harness.get_by_label(venue).type_text(", Hall B");
    settle(&mut harness);
    let meeting = &harness.state().workspace.doc.project().meetings[&id];
    assert!(
        meeting.venue.en.ends_with(", Hall B"),
        "{:?}",
        meeting.venue
    );
    assert_eq!(meeting.minutes, long);
    assert_eq!(meeting.minutes_zh, "会谈纪要。");
}

/// The meeting's minutes are written in both languages in its form; a Chinese text too long
/// to edit stays whole while the English is edited.
#[test]
fn minutes_are_written_in_both_languages_and_a_long_chinese_text_survives() {
    let id = MeetingId::from("paris-2024");
    let long = "会谈纪要逐字记录。".repeat(10_000);
    let (_dir, path) = sample_with_paris_minutes("", &long);
    // Tall enough that the form's last section is on screen once opened.
    let mut harness =
        common::app_harness_sized(Some(path), ScriptedDialogs::default(), [1400.0, 2600.0]);
    harness.get_by_label("Minutes").click();
    settle(&mut harness);
    assert!(
        harness.query_by_label("Minutes (Chinese)").is_some(),
        "the Chinese minutes have a row of their own"
    );
    harness.get_by_label("Minutes (English)").click();
    settle(&mut harness);
    harness
        .get_by_label("Minutes (English)")
        .type_text("Both sides agreed to meet yearly.");
    settle(&mut harness);
    let meeting = &harness.state().workspace.doc.project().meetings[&id];
    assert_eq!(meeting.minutes, "Both sides agreed to meet yearly.");
    assert_eq!(
        meeting.minutes_zh, long,
        "the long Chinese text is kept whole"
    );

    // A short Chinese text is typed in its own box; the section stays open across a
    // language switch, its boxes in the form's order (English, then Chinese).
    let mut cleared = meeting.clone();
    cleared.minutes_zh.clear();
    harness
        .state_mut()
        .workspace
        .doc
        .apply(delegation_planner::document::Edit::PutMeeting(
            id.clone(),
            Box::new(cleared),
        ));
    harness.get_by_label("View").click();
    settle(&mut harness);
    harness.get_by_label("中文").click();
    settle(&mut harness);
    let boxes: Vec<String> = harness
        .query_all_by_role(Role::MultilineTextInput)
        .filter_map(|n| egui_kittest::kittest::NodeT::accesskit_node(&n).label())
        .filter(|l| l.starts_with("会议纪要"))
        .collect();
    assert_eq!(
        boxes,
        ["会议纪要（英文）", "会议纪要（中文）"],
        "as the other pairs of the form"
    );
    harness.get_by_label("会议纪要（中文）").click();
    settle(&mut harness);
    harness
        .get_by_label("会议纪要（中文）")
        .type_text("双方同意每年会晤。");
    settle(&mut harness);
    let meeting = &harness.state().workspace.doc.project().meetings[&id];
    assert_eq!(meeting.minutes_zh, "双方同意每年会晤。");
    assert_eq!(meeting.minutes, "Both sides agreed to meet yearly.");
}
