//! The seating view of the real app, driven through its UI with egui_kittest: opened from
//! the meeting, two seats swapped by dragging one person onto the other, a seat locked,
//! the rest re-seated by the rules, the banquet chosen, every change one undo step, the
//! plan saved in the file and read back, and the plan exported from the view.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // Test helpers may panic: a panic is a failed test.

use crate::common;

use common::{ScriptedDialogs, settle, tall_sample_harness};
use delegation_planner::app::DelegationApp;
use delegation_planner::model::seating::{Party, Row, Seat, SeatingLayout, arrange};
use delegation_planner::model::{Meeting, MeetingId};
use delegation_planner::workspace::Picked;
use egui::{Key, Modifiers};
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

/// Who sits at `seat` of the Paris meeting as the app's plan has it.
fn at(harness: &Harness<'_, DelegationApp>, seat: Seat) -> String {
    let m = paris(harness);
    let a = arrange(
        &m,
        &harness.state().workspace.doc.project().people,
        &m.seating,
    );
    let i = a.state(&seat).unwrap().attendee.unwrap();
    m.attendees[i].person.0.clone()
}

fn guests(place: i32) -> Seat {
    Seat::Talks {
        party: Party::Guests,
        row: Row::Table,
        place,
    }
}

/// Drags the seat labelled (in part) `from` onto the one labelled `to`, as a mouse does.
fn drag(harness: &mut Harness<'_, DelegationApp>, from: &str, to: &str) {
    let a = harness.get_by_label_contains(from).rect().center();
    let b = harness.get_by_label_contains(to).rect().center();
    harness.hover_at(a);
    harness.run();
    harness.drag_at(a);
    harness.run();
    // Past egui's drag threshold, then over the target, then released there.
    harness.hover_at(a + egui::vec2(12.0, 12.0));
    harness.run();
    harness.hover_at(b);
    harness.run();
    harness.drop_at(b);
    settle(harness);
}

#[test]
fn open_the_seating_view_swap_two_seats_by_drag_lock_one_and_reseat() {
    let (_dir, mut harness) = harness_with(ScriptedDialogs::default());
    harness.get_by_label("Seating plan").click();
    settle(&mut harness);
    assert!(harness.state().view.seating_mode);
    harness.check_accessibility();
    // The talks table by the rules: the CCAA guests' head at the centre, the second on his
    // right, the third on his left; the door marked.
    harness.get_by_label_contains("CCAA delegation, centre: Mr. HUANG Jixian 黄继先");
    harness.get_by_label_contains("CCAA delegation, right 1: Ms. FANG Yan 方 艳");
    harness.get_by_label_contains("AFNOR, centre: Ms. Myriam AUGEREAU LANDAIS");
    assert_eq!(at(&harness, guests(1)), "fang-yan");
    assert_eq!(at(&harness, guests(-1)), "wang-qian");
    let revision = harness.state().workspace.doc.revision();

    // Fang Yan dragged onto Wang Qian's seat: they swap, one undo step.
    drag(
        &mut harness,
        "right 1: Ms. FANG Yan",
        "left 1: Ms. WANG Qian",
    );
    assert_eq!(at(&harness, guests(-1)), "fang-yan");
    assert_eq!(at(&harness, guests(1)), "wang-qian");
    assert_eq!(at(&harness, guests(0)), "huang-jixian", "nobody else moves");
    assert!(harness.state().workspace.doc.revision() > revision);
    assert!(harness.state().workspace.doc.is_dirty());
    harness.get_by_label_contains("CCAA delegation, left 1: Ms. FANG Yan");

    // Lock Fang Yan's new seat: select it, then Lock seat.
    harness
        .get_by_label_contains("left 1: Ms. FANG Yan")
        .click();
    settle(&mut harness);
    harness.get_by_label("Lock seat").click();
    settle(&mut harness);
    assert!(paris(&harness).seating.is_locked(&guests(-1)));
    harness.get_by_label_contains("left 1: Ms. FANG Yan 方 艳 (locked)");
    // A locked seat takes no one dropped on it.
    drag(
        &mut harness,
        "centre: Mr. HUANG Jixian",
        "left 1: Ms. FANG Yan",
    );
    assert_eq!(at(&harness, guests(-1)), "fang-yan");
    assert_eq!(at(&harness, guests(0)), "huang-jixian");

    // Re-seat the rest by the rules: Fang Yan keeps her locked seat, Wang Qian (the
    // third in precedence) takes the first free seat by seniority, the right.
    harness.get_by_label("Re-seat by the rules").click();
    settle(&mut harness);
    let m = paris(&harness);
    assert_eq!(m.seating.placements.len(), 1, "only the lock is kept");
    assert!(m.seating.placements[0].locked);
    assert_eq!(at(&harness, guests(-1)), "fang-yan");
    assert_eq!(at(&harness, guests(1)), "wang-qian");
    assert_eq!(at(&harness, guests(0)), "huang-jixian");

    // Each change was one step: undo three times and the plan is as it was.
    for _ in 0..3 {
        harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        settle(&mut harness);
    }
    assert!(
        paris(&harness).seating.is_unset(),
        "{:?}",
        paris(&harness).seating
    );
    assert_eq!(at(&harness, guests(1)), "fang-yan");
}

#[test]
fn the_banquet_and_the_plan_survive_save_and_open() {
    let (dir, mut harness) = harness_with(ScriptedDialogs::default());
    // The shortcut opens the seating view of the meeting shown.
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::T);
    settle(&mut harness);
    assert!(harness.state().view.seating_mode);
    harness.get_by_label("Layout").click();
    settle(&mut harness);
    harness.get_by_label("Banquet").click();
    settle(&mut harness);
    let m = paris(&harness);
    assert_eq!(m.seating.layout, SeatingLayout::Banquet);
    // Table 1: the AFNOR host at the top facing the door, the CCAA head on her right.
    harness.get_by_label_contains("Table 1, host: Ms. Myriam AUGEREAU LANDAIS");
    harness.get_by_label_contains("Table 1, right 1: Mr. HUANG Jixian 黄继先");
    harness.get_by_label_contains("Table 1, left 1: Ms. FANG Yan 方 艳");
    // Fewer seats per table: the stepper's minus.
    harness.get_by_label("Seats per table −").click();
    settle(&mut harness);
    assert_eq!(paris(&harness).seating.banquet.seats_per_table, 9);
    // Swap the guest of honour and the second guest, then save with Ctrl+S.
    drag(
        &mut harness,
        "right 1: Mr. HUANG Jixian",
        "left 1: Ms. FANG Yan",
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    settle(&mut harness);
    assert!(!harness.state().workspace.doc.is_dirty());
    let saved =
        delegation_planner::project_file::read_project(&dir.path().join("paris.ron")).unwrap();
    let m = &saved.meetings[&MeetingId::from("paris-2024")];
    assert_eq!(m.seating.layout, SeatingLayout::Banquet);
    assert_eq!(m.seating.banquet.seats_per_table, 9);
    let a = arrange(m, &saved.people, &m.seating);
    let who = |seat: u32| {
        let i = a
            .state(&Seat::Banquet { table: 1, seat })
            .unwrap()
            .attendee
            .unwrap();
        m.attendees[i].person.0.clone()
    };
    assert_eq!(who(1), "fang-yan");
    assert_eq!(who(8), "huang-jixian");
    // Back to the meeting.
    harness.get_by_label("Back to the meeting").click();
    settle(&mut harness);
    assert!(!harness.state().view.seating_mode);
}

#[test]
fn the_plan_is_exported_from_the_view() {
    let dialogs = ScriptedDialogs::default();
    let (dir, mut harness) = harness_with(dialogs.clone());
    harness.get_by_label("Seating plan").click();
    settle(&mut harness);
    harness.get_by_label("Print and export").click();
    settle(&mut harness);
    let csv = dir.path().join("plan.csv");
    dialogs.answer(Picked::File(csv.clone()));
    harness.get_by_label("CSV…").click();
    settle(&mut harness);
    // The export dialog (language, a copy for partners), then the file.
    harness.get_by_label("Save…").click();
    settle(&mut harness);
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(
        text.starts_with("\u{feff}Table,Side,Place,Honorific"),
        "{text}"
    );
    assert!(text.contains("centre"), "{text}");
    let cards = dir.path().join("cards.pdf");
    dialogs.answer(Picked::File(cards.clone()));
    harness.get_by_label("Place cards…").click();
    settle(&mut harness);
    // The export dialog (language, a copy for partners), then the file.
    harness.get_by_label("Save…").click();
    settle(&mut harness);
    assert!(std::fs::read(&cards).unwrap().starts_with(b"%PDF"));
}
