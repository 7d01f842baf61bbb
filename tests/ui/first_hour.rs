//! The first hour in the app (issue 27), driven by accessible label: dates typed as people
//! write them, meeting ids from the meeting's date, the time zone from the place, and a
//! deletion that says what went with the person.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // Test helpers may panic: a panic is a failed test.

use crate::common;

use chrono::NaiveDate;
use common::{ScriptedDialogs, app_harness, sample_file, settle};
use delegation_planner::app::DelegationApp;
use delegation_planner::model::{Meeting, MeetingId};
use egui::Key;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// The sample, on 1 December 2026.
fn sample() -> (tempfile::TempDir, Harness<'static, DelegationApp>) {
    let (dir, path) = sample_file();
    let mut h = app_harness(Some(path), ScriptedDialogs::default());
    h.state_mut().workspace.today = d(2026, 12, 1);
    settle(&mut h);
    (dir, h)
}

fn meeting(h: &Harness<'_, DelegationApp>, id: &str) -> Meeting {
    h.state().workspace.doc.project().meetings[&MeetingId::from(id)].clone()
}

/// Clicks into the text field named `label` and types `text`, then presses `key`.
fn type_in_field(h: &mut Harness<'_, DelegationApp>, label: &str, text: &str, key: Key) {
    h.query_all_by_label(label)
        .find(|n| n.accesskit_node().role() == Role::TextInput)
        .unwrap_or_else(|| panic!("no field labelled {label:?}"))
        .click();
    settle(h);
    h.event(egui::Event::Text(text.to_owned()));
    settle(h);
    h.key_press(key);
    settle(h);
}

#[test]
fn a_date_is_typed_refused_in_place_or_read_as_people_write_it() {
    let (_dir, mut h) = sample();
    let before = meeting(&h, "paris-2024");
    assert_eq!(before.start_date(), d(2024, 9, 23));

    // No 31 February: said beside the field, and the meeting stays where it was.
    type_in_field(&mut h, "Date", "31.02.2025", Key::Enter);
    assert!(
        h.query_by_label_contains("February 2025 has 28 days")
            .is_some()
    );
    assert_eq!(meeting(&h, "paris-2024"), before);

    // Escape goes back to the date held.
    type_in_field(&mut h, "Date", "1.1.2030", Key::Escape);
    assert_eq!(meeting(&h, "paris-2024"), before);
    assert!(h.query_by_label_contains("February 2025").is_none());

    // Written the Chinese way: the whole programme moves, one undo step.
    type_in_field(&mut h, "Date", "2025年5月12日", Key::Enter);
    let moved = meeting(&h, "paris-2024");
    assert_eq!(moved.start_date(), d(2025, 5, 12));
    assert_eq!(moved.days.len(), before.days.len());
    assert_eq!(moved.items().count(), before.items().count());
    // An id the user chose (paris-2024) never follows the date by itself.
    assert!(h.state().workspace.doc.project().meetings.len() == 1);
}

#[test]
fn a_new_meeting_is_named_by_its_date_and_takes_its_place_s_time_zone() {
    let (_dir, mut h) = sample();
    h.get_by_label("+ Add meeting").click();
    settle(&mut h);
    // The new meeting's sides are asked for (issue 23); this one starts without them.
    h.get_by_label("Create without sides").click();
    settle(&mut h);
    let id = h.state().view.meeting.clone().unwrap();
    // Named by its date, not the year it was created in.
    assert_eq!(id.as_str(), "meeting-2026-12-01");

    type_in_field(&mut h, "Date", "12 May 2025", Key::Enter);
    let id = h.state().view.meeting.clone().unwrap();
    assert_eq!(id.as_str(), "meeting-2025-05-12", "the id follows the date");
    assert_eq!(meeting(&h, id.as_str()).start_date(), d(2025, 5, 12));

    // The venue names Shanghai: the meeting is on Shanghai time, with no zone picked.
    type_in_field(
        &mut h,
        "Venue (English)",
        "Shanghai International Convention Center",
        Key::Tab,
    );
    assert_eq!(
        meeting(&h, id.as_str()).time_zone,
        chrono_tz::Asia::Shanghai
    );
}

#[test]
fn deleting_a_speaker_says_what_went_with_them() {
    let (_dir, mut h) = sample();
    h.get_by_label("People  (7)").click();
    settle(&mut h);
    h.get_by_label("HUANG Jixian 黄继先").click();
    settle(&mut h);
    h.get_by_label("Delete").click();
    settle(&mut h);
    let toast = h.state().workspace.toast_text().unwrap().to_owned();
    assert!(
        toast.ends_with(", and with it: attendee at 1 meeting, speaker of 3 items"),
        "{toast}"
    );
}

#[test]
fn live_minutes_set_an_owner_in_place_and_the_chips_hold_still() {
    let (_dir, mut h) = sample();
    h.get_by_label("Take minutes").click();
    settle(&mut h);
    // Marking an attendee absent does not move the next chip (the wrong person was marked
    // under quick clicks when chips grew).
    let next_chip =
        |h: &Harness<'_, DelegationApp>| h.get_by_label_contains("FANG Yan 方 艳 · ").rect();
    let before = next_chip(&h);
    h.get_by_label_contains("HUANG Jixian").click();
    settle(&mut h);
    assert!(
        h.query_by_label_contains("HUANG Jixian 黄继先 · Absent")
            .is_some()
    );
    assert_eq!(next_chip(&h), before);

    // An owner added without leaving the minutes: the first commitment's list.
    let owners_of = |h: &Harness<'_, DelegationApp>| {
        let project = h.state().workspace.doc.project();
        project
            .commitments
            .values()
            .map(|c| c.owners.len())
            .sum::<usize>()
    };
    let owners = owners_of(&h);
    h.get_all_by_label("Add owner").next().unwrap().click();
    settle(&mut h);
    h.get_by_label("Cindy SHEN").click();
    settle(&mut h);
    assert_eq!(owners_of(&h), owners + 1);
    assert!(h.state().view.minutes_mode, "still in the minutes");
}

#[test]
fn the_status_message_follows_a_language_switch() {
    let (_dir, mut h) = sample();
    let text =
        |h: &Harness<'_, DelegationApp>| h.state().workspace.toast_text().unwrap().to_owned();
    assert!(text(&h).starts_with("Opened "), "{}", text(&h));
    // Through the View menu, as the user switches.
    h.get_by_label("View").click();
    settle(&mut h);
    h.get_by_label("中文").click();
    settle(&mut h);
    assert!(text(&h).starts_with("已打开 "), "{}", text(&h));
    assert!(text(&h).ends_with(".ron"));
}

#[test]
fn a_person_is_picked_with_the_arrows_and_enter() {
    let (_dir, mut h) = sample();
    h.get_by_label("+ Add meeting").click();
    settle(&mut h);
    // The new meeting's sides are asked for (issue 23); this one starts without them.
    h.get_by_label("Create without sides").click();
    settle(&mut h);
    let id = h.state().view.meeting.clone().unwrap();
    h.get_by_label("+ Add attendee").click();
    settle(&mut h);
    // "an" matches AUGEREAU LANDAIS, FANG Yan, HUANG Jixian… (by family name): two down
    // from the first is HUANG.
    h.event(egui::Event::Text("an".to_owned()));
    settle(&mut h);
    for key in [Key::ArrowDown, Key::ArrowDown, Key::Enter] {
        h.key_press(key);
        settle(&mut h);
    }
    let people: Vec<String> = meeting(&h, id.as_str())
        .attendees
        .iter()
        .map(|a| a.person.to_string())
        .collect();
    assert_eq!(people, ["huang-jixian"]);
}
