//! One scroll area per page (issue 27): the agenda and the attendance of a meeting are rows
//! of the meeting's page, so the wheel over them scrolls the page, and every row is reached
//! by scrolling it, in a window of 1280 × 800. The attendance fits the page without a
//! sideways scroll bar at 1280 × 800 and, folded, at 1024 × 700; the seating plan takes
//! the meetings list's room whenever its table would not fit beside the list (at 1024 × 700,
//! with eight a side at 1280 × 800, or beside a list dragged wider), and fits too.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // Test helpers may panic: a panic is a failed test.

use crate::common;

use common::{ScriptedDialogs, sample_file, settle};
use delegation_planner::app::DelegationApp;
use delegation_planner::model::{AttendanceMode, AttendanceStatus, MeetingId, PersonId};
use delegation_planner::workspace::{Command, Settings};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

/// The sample's Paris meeting with `items` agenda items ("Item 1"…) and every person of
/// the sample attending, in a 1280 × 800 window, its page shown.
fn long_meeting(items: usize) -> (tempfile::TempDir, Harness<'static, DelegationApp>) {
    long_meeting_in(items, [1280.0, 800.0])
}

/// [`long_meeting`] in a window of `size`.
fn long_meeting_in(
    items: usize,
    size: [f32; 2],
) -> (tempfile::TempDir, Harness<'static, DelegationApp>) {
    let (dir, path) = sample_file();
    let file = path.clone();
    let mut h = Harness::builder().with_size(size).build_eframe(move |cc| {
        DelegationApp::with_settings(
            &cc.egui_ctx,
            Settings::default(),
            Some(file),
            Box::new(ScriptedDialogs::default()),
        )
    });
    settle(&mut h);
    let mut project = h.state().workspace.doc.project().clone();
    let meeting = project
        .meetings
        .get_mut(&MeetingId::from("paris-2024"))
        .unwrap();
    let day = &mut meeting.days[0];
    let template = day.items[0].clone();
    day.items = (1..=items)
        .map(|n| {
            let mut item = template.clone();
            item.title.en = format!("Item {n}");
            item.title.zh.clear();
            item.speakers.clear();
            item
        })
        .collect();
    meeting.days.truncate(1);
    h.state_mut().workspace.doc = delegation_planner::document::Document::from_file(project, path);
    let ctx = h.ctx.clone();
    h.state_mut().run_command(&ctx, Command::ShowMeetings);
    settle(&mut h);
    (dir, h)
}

/// One notch-sized turn of the wheel (down the page) at `pos`.
fn wheel_at(h: &mut Harness<'_, DelegationApp>, pos: egui::Pos2) {
    h.hover_at(pos);
    h.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: egui::vec2(0.0, -240.0),
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Wheel,
        modifiers: egui::Modifiers::NONE,
    });
    h.run_steps(6);
}

#[test]
fn the_wheel_over_the_agenda_scrolls_the_page() {
    let (_dir, mut h) = long_meeting(40);
    let button_top = |h: &Harness<'_, DelegationApp>| h.get_by_label("Take minutes").rect().top();
    let before = button_top(&h);
    let row = h.get_by_label_contains("Item 2").rect().center();
    wheel_at(&mut h, row);
    // The page moved, the meeting's buttons with it: no list inside the page took the
    // wheel for itself.
    let after = button_top(&h);
    assert!(
        after < before - 100.0,
        "the page scrolled: the buttons went from y = {before} to y = {after}"
    );
}

#[test]
fn every_row_of_a_long_agenda_and_the_attendance_below_it_is_reached_by_the_page() {
    let (_dir, mut h) = long_meeting(60);
    let people: Vec<PersonId> = h.state().workspace.doc.project().meetings
        [&MeetingId::from("paris-2024")]
        .attendees
        .iter()
        .map(|a| a.person.clone())
        .collect();
    let last = people.last().unwrap().clone();
    let last_name = {
        let person = &h.state().workspace.doc.project().people[&last];
        person.family_name.to_uppercase()
    };
    // Rows far down the page are not built until the page is scrolled to them.
    assert!(h.query_by_label("Item 60").is_none());
    assert!(h.query_all_by_label_contains(&last_name).next().is_none());
    let centre = egui::pos2(700.0, 500.0);
    let mut seen_last_item = false;
    for _ in 0..80 {
        wheel_at(&mut h, centre);
        seen_last_item |= h.query_by_label_contains("Item 60").is_some();
        if h.query_all_by_label_contains(&last_name).next().is_some() && seen_last_item {
            break;
        }
    }
    assert!(seen_last_item, "the last agenda item came into view");
    assert!(
        h.query_all_by_label_contains(&last_name).next().is_some(),
        "the last attendee ({last_name}) came into view below the agenda"
    );
}

/// The page's sideways scroll bars: one lies over the page's bottom row (at the
/// attendance, over its toolbar) whenever a row is wider than the page.
fn sideways_scroll_bars(h: &Harness<'_, DelegationApp>) -> Vec<egui::Rect> {
    h.query_all_by(|n| n.role() == egui::accesskit::Role::ScrollBar)
        .map(|n| n.rect())
        .filter(|r| r.width() > r.height())
        .collect()
}

/// August TSAI as he attends the Paris meeting.
fn august(h: &Harness<'_, DelegationApp>) -> delegation_planner::model::Attendee {
    let project = h.state().workspace.doc.project();
    project.meetings[&MeetingId::from("paris-2024")]
        .attendees
        .iter()
        .find(|a| a.person == PersonId::from("tsai-august"))
        .unwrap()
        .clone()
}

/// The combo boxes on screen too narrow for their choice (a choice cut with "…"), with
/// their value.
fn cut_combo_boxes(h: &Harness<'_, DelegationApp>) -> Vec<String> {
    let style = h.ctx.global_style();
    let spacing = &style.spacing;
    let inside = spacing.icon_width + spacing.icon_spacing + 2.0 * spacing.button_padding.x;
    let font = egui::TextStyle::Body.resolve(&style);
    h.query_all_by(|n| n.role() == Role::ComboBox)
        .filter_map(|n| {
            let value = egui_kittest::kittest::NodeT::accesskit_node(&n)
                .value()
                .unwrap_or_default();
            let text = h.ctx.fonts_mut(|f| {
                f.layout_no_wrap(value.clone(), font.clone(), egui::Color32::WHITE)
                    .size()
                    .x
            });
            (n.rect().width() + 0.5 < text + inside).then(|| format!("{value} in {:?}", n.rect()))
        })
        .collect()
}

#[test]
fn a_selected_item_and_attendee_fit_the_page_from_1024_to_1460_without_a_sideways_scroll_bar() {
    for (size, chinese) in [
        ([1280.0, 800.0], false),
        ([1280.0, 800.0], true),
        ([1024.0, 700.0], false),
        ([1024.0, 700.0], true),
        // Widths where the selected row's buttons just fit beside its columns, or not.
        ([1340.0, 800.0], false),
        ([1380.0, 800.0], false),
        ([1420.0, 800.0], false),
        ([1460.0, 800.0], false),
    ] {
        let (_dir, mut h) = long_meeting_in(3, size);
        if chinese {
            let ctx = h.ctx.clone();
            h.state_mut().run_command(&ctx, Command::Chinese);
            settle(&mut h);
        }
        let at = format!("{size:?}, Chinese: {chinese}");
        // A selected agenda item's buttons stay inside the page.
        let wheel = egui::pos2(size[0] - 300.0, size[1] - 200.0);
        for _ in 0..8 {
            let item = h.query_by_label("Item 3").map(|n| n.rect());
            if item.is_some_and(|r| r.bottom() < size[1] - 100.0) {
                break;
            }
            wheel_at(&mut h, wheel);
        }
        h.get_by_label("Item 3").click();
        settle(&mut h);
        assert_eq!(sideways_scroll_bars(&h), [], "{at}");
        // The item and its buttons (↑ ↓ ×, named after it).
        let page = h.ctx.content_rect();
        let item: Vec<egui::Rect> = h
            .query_all_by_label_contains("Item 3")
            .map(|n| n.rect())
            .collect();
        assert_eq!(item.len(), 4, "{at}");
        assert!(
            item.iter().all(|r| page.contains_rect(*r)),
            "{item:?} ({at})"
        );
        // Down to the attendance list.
        for _ in 0..8 {
            wheel_at(&mut h, wheel);
        }
        assert!(
            h.query_by_label("August TSAI").is_some(),
            "the attendance list is on screen ({at})"
        );
        assert_eq!(sideways_scroll_bars(&h), [], "{at}");
        // Selected, an attendee's combo boxes and buttons stay inside the page too: what
        // does not fit goes on their second line.
        h.get_by_label("August TSAI").click();
        settle(&mut h);
        assert_eq!(
            h.state().view.attendee.as_ref().map(|p| p.as_str()),
            Some("tsai-august"),
            "{at}"
        );
        assert_eq!(sideways_scroll_bars(&h), [], "{at}");
        let remove = format!("{}: August TSAI", if chinese { "移除" } else { "Remove" });
        let up = h.get_by_label_contains(&remove).rect();
        let page = h.ctx.content_rect();
        assert!(page.contains_rect(up), "{remove} at {up:?} ({at})");
        // Every combo box shows its choice whole: one its column would cut is on a line
        // under the row.
        assert_eq!(cut_combo_boxes(&h), Vec::<String>::new(), "{at}");
        let status = if chinese { "状态" } else { "Status" };
        let status = h.get_by_role_and_label(Role::ComboBox, status).rect();
        if size[0] == 1280.0 && chinese {
            // The buttons follow those choices on their line: two lines, not three.
            assert!((status.center().y - up.center().y).abs() < 4.0, "{at}");
        }
        if size[0] < 1280.0 && !chinese {
            // Folded: the mode is set on the second line, by its label.
            h.get_by_label("Attendance").click();
            settle(&mut h);
            h.get_by_label("Remote").click();
            settle(&mut h);
            assert_eq!(august(&h).mode, AttendanceMode::Remote);
            // The status too, on its line under the row, whole.
            h.get_by_role_and_label(Role::ComboBox, "Status").click();
            settle(&mut h);
            h.get_by_label("Absent").click();
            settle(&mut h);
            assert_eq!(august(&h).status, AttendanceStatus::Absent);
            // Another attendee selected: the second line follows the selection.
            h.get_by_label("HUANG Jixian 黄继先").click();
            settle(&mut h);
            assert_eq!(h.query_all_by_label("Attendance").count(), 1);
            assert!(h.query_by_label_contains("Remove: HUANG Jixian").is_some());
            assert!(h.query_by_label_contains("Remove: August TSAI").is_none());
        }
    }
}

#[test]
fn the_seating_plan_takes_the_lists_room_in_a_small_window_and_gives_it_back() {
    for (size, list_stays) in [([1024.0, 700.0], false), ([1280.0, 800.0], true)] {
        let (_dir, mut h) = long_meeting_in(3, size);
        assert!(h.query_by_label("+ Add meeting").is_some());
        h.get_by_label("Seating plan").click();
        settle(&mut h);
        assert_eq!(
            h.query_by_label("+ Add meeting").is_some(),
            list_stays,
            "{size:?}"
        );
        assert_eq!(sideways_scroll_bars(&h), [], "{size:?}");
        // Every seated person's seat is inside the window, the last of each side too.
        let window = h.ctx.content_rect();
        for name in [
            "FANG Yan",
            "HUANG Jixian",
            "WANG Qian",
            "Cindy SHEN",
            "Peter ZHANG",
        ] {
            let seat = h.get_by_label_contains(name).rect();
            assert!(window.contains_rect(seat), "{name} at {seat:?} ({size:?})");
        }
        h.get_by_label("Back to the meeting").click();
        settle(&mut h);
        assert!(h.query_by_label("+ Add meeting").is_some(), "{size:?}");
    }
}

/// A delegation of eight a side is wider than the page beside the list at 1280 × 800: the
/// plan takes the list's room there too, and every seat is inside the window.
#[test]
fn eight_a_side_take_the_lists_room_at_1280_and_every_seat_is_in_the_window() {
    let (_dir, mut h) = long_meeting_in(3, [1280.0, 800.0]);
    let mut project = h.state().workspace.doc.project().clone();
    let id = MeetingId::from("paris-2024");
    let meeting = project.meetings.get_mut(&id).unwrap();
    let mut added = Vec::new();
    // Each side grows to eight with extra experts modelled on its last attendee.
    for side in [0, 1] {
        let side_id = meeting.sides[side].id.clone();
        let model = meeting
            .attendees
            .iter()
            .rfind(|a| a.side.as_ref() == Some(&side_id))
            .unwrap()
            .clone();
        let count = meeting
            .attendees
            .iter()
            .filter(|a| a.side.as_ref() == Some(&side_id))
            .count();
        for n in count..8 {
            let person_id = PersonId::from(format!("expert-{side}-{n}").as_str());
            let mut person = project.people[&model.person].clone();
            person.family_name = format!("EXPERT{side}{n}");
            person.given_name = "Sam".to_owned();
            person.chinese_name.clear();
            project.people.insert(person_id.clone(), person);
            let mut attendee = model.clone();
            attendee.person = person_id;
            attendee.rank = model.rank + n as u32;
            meeting.attendees.push(attendee);
            added.push(format!("EXPERT{side}{n}"));
        }
    }
    let path = h.state().workspace.doc.path().unwrap().to_owned();
    h.state_mut().workspace.doc = delegation_planner::document::Document::from_file(project, path);
    settle(&mut h);
    h.get_by_label("Seating plan").click();
    settle(&mut h);
    assert!(
        h.query_by_label("+ Add meeting").is_none(),
        "the list gave way"
    );
    assert_eq!(sideways_scroll_bars(&h), []);
    let window = h.ctx.content_rect();
    for name in added.iter().map(String::as_str).chain(["HUANG Jixian"]) {
        let seat = h.get_by_label_contains(name).rect();
        assert!(window.contains_rect(seat), "{name} at {seat:?}");
    }
    h.get_by_label("Back to the meeting").click();
    settle(&mut h);
    assert!(h.query_by_label("+ Add meeting").is_some());
}

/// The list as wide as the user dragged it counts: the sample's table fits beside the list
/// at 1280 × 800 as it opens, not beside a list dragged 150 points wider.
#[test]
fn a_list_dragged_wider_gives_its_room_to_the_seating_plan() {
    let (_dir, mut h) = long_meeting_in(3, [1280.0, 800.0]);
    h.get_by_label("Seating plan").click();
    settle(&mut h);
    assert!(
        h.query_by_label("+ Add meeting").is_some(),
        "fits beside it"
    );
    h.get_by_label("Back to the meeting").click();
    settle(&mut h);
    // The list's edge is its panel's margin to the right of its search field.
    let search = h.get_by_label("Search…").rect();
    let edge = egui::pos2(search.right() + 8.0, search.center().y + 200.0);
    h.hover_at(edge);
    settle(&mut h);
    h.drag_at(edge);
    settle(&mut h);
    for step in 1..=6 {
        h.hover_at(edge + egui::vec2(25.0 * step as f32, 0.0));
        h.run_steps(2);
    }
    h.drop_at(edge + egui::vec2(150.0, 0.0));
    settle(&mut h);
    let wider = h.get_by_label("Search…").rect();
    assert!(
        wider.width() > search.width() + 100.0,
        "the list was dragged wider: {search:?} → {wider:?}"
    );
    h.get_by_label("Seating plan").click();
    settle(&mut h);
    assert!(h.query_by_label("+ Add meeting").is_none(), "gave way");
    assert_eq!(sideways_scroll_bars(&h), []);
    h.get_by_label("Back to the meeting").click();
    settle(&mut h);
    let back = h.get_by_label("Search…").rect();
    assert!(
        (back.width() - wider.width()).abs() < 1.0,
        "as wide as it was"
    );
}
