//! Programmes as other offices write them, pasted through the real app: a Chinese
//! programme with a title line and `上午`/`下午` section lines. The preview shows the title
//! as the title and the sections as sections, in English and in Chinese, and the result
//! is what the preview showed.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // Test helpers may panic: a panic is a failed test.

use crate::common;

use common::{ScriptedDialogs, app_harness, sample_file, settle, type_into};
use delegation_planner::import::agenda_text;
use delegation_planner::model::MeetingId;
use egui_kittest::kittest::Queryable as _;

const TEXT: &str = "欧盟代表团访问中国质量认证中心日程安排\n9月24日（星期二）\n上午\n9:30—10:00 欢迎致辞  刘江\n10:00—11:30 座谈交流 主持人：王伟\n下午\n2:00—3:00 参观实验室\n3:00—3:30 总结\n";

#[test]
fn a_title_line_and_half_day_sections_are_shown_as_such_and_the_result_is_the_preview() {
    let (_dir, path) = sample_file();
    let mut harness = app_harness(Some(path), ScriptedDialogs::default());
    let id = MeetingId::from("paris-2024");
    let before = harness.state().workspace.doc.project().meetings[&id].clone();
    harness.get_by_label("Paste agenda…").click();
    settle(&mut harness);
    type_into(&mut harness, "Draft agenda", TEXT);
    harness
        .get_by_label("Replace the current agenda")
        .scroll_to_me();
    settle(&mut harness);
    harness.get_by_label("Replace the current agenda").click();
    settle(&mut harness);
    assert!(
        matches!(
            harness.state().workspace.dialog.as_ref(),
            Some(delegation_planner::workspace::Dialog::PasteAgenda { replace: true, .. })
        ),
        "replace chosen"
    );
    // The title is the title, never an item; the sections are sections.
    harness.get_by_label("Title (line 1): 欧盟代表团访问中国质量认证中心日程安排");
    harness.get_by_label("Programme title");
    harness.get_by_label("Section: morning (times below are morning)");
    harness.get_by_label("Section: afternoon (times below are afternoon)");
    harness.get_by_label(
        "• Line 1: the meeting keeps its own title; the programme's title is not used",
    );
    let items = harness.query_all_by_label("Item").count();
    assert_eq!(items, 4);
    harness.get_by_label("王伟 (chair)");
    // What the preview shows is what the paste makes.
    let project = harness.state().workspace.doc.project().clone();
    let preview = agenda_text::parse(TEXT, &project, Some(&before));
    let planned = agenda_text::plan(&before, &preview, true);
    assert_eq!(preview.lines.len(), 4);
    harness.get_by_label("Add items (4)").click();
    settle(&mut harness);
    let after = harness.state().workspace.doc.project().meetings[&id].clone();
    assert_eq!(after, planned.meeting);
    assert_eq!(after.days.len(), 1, "one day named, one day made");
    assert_eq!(after.days[0].date.to_string(), "2024-09-24");
    let titles: Vec<&str> = after.days[0]
        .items
        .iter()
        .map(|i| i.title.zh.as_str())
        .collect();
    assert_eq!(titles, ["欢迎致辞", "座谈交流", "参观实验室", "总结"]);
    let slots = after.days[0].schedule(after.time_zone);
    let times: Vec<String> = slots
        .iter()
        .map(|s| format!("{}-{}", s.start.format("%H:%M"), s.end.format("%H:%M")))
        .collect();
    assert_eq!(
        times,
        ["09:30-10:00", "10:00-11:30", "14:00-15:00", "15:00-15:30"]
    );
    assert_eq!(after.days[0].items[0].guest_speakers, ["刘江"]);
    assert_eq!(after.days[0].items[1].guest_chairs, ["王伟"]);
}

#[test]
fn impossible_times_are_marked_in_the_preview_and_never_long_items() {
    let (_dir, path) = sample_file();
    let mut harness = app_harness(Some(path), ScriptedDialogs::default());
    harness.get_by_label("Paste agenda…").click();
    settle(&mut harness);
    type_into(
        &mut harness,
        "Draft agenda",
        "Dienstag, 24. September 2024\n14:00 Talks\n16:00–15:00 Tour\n9h30 Reception",
    );
    harness.get_by_label("▲ 16:00–15:00");
    harness.get_by_label("▲ 09:30");
    harness.get_by_label_contains("Line 3: the range ends at 15:00, before it starts at 16:00");
    // Before the day's start (14:00 here), said as such.
    harness.get_by_label_contains("Line 4: 09:30 is before");
    harness.get_by_label("Add items (3)").scroll_to_me();
    settle(&mut harness);
    harness.get_by_label("Add items (3)").click();
    settle(&mut harness);
    assert!(harness.state().workspace.dialog.is_none(), "applied");
    let m = &harness.state().workspace.doc.project().meetings[&MeetingId::from("paris-2024")];
    let dates: Vec<String> = m.days.iter().map(|d| d.date.to_string()).collect();
    assert_eq!(dates, ["2024-09-23", "2024-09-24"]);
    let day = &m.days[1];
    let minutes: Vec<u32> = day.items.iter().map(|i| i.duration_minutes).collect();
    assert_eq!(minutes, [120, 30, 30]);
}

#[test]
fn an_hour_over_23_typed_as_a_days_start_is_said_never_clamped() {
    use egui::Key;
    let (_dir, path) = sample_file();
    let mut harness = app_harness(Some(path), ScriptedDialogs::default());
    harness.get_by_label("Day 1").click();
    settle(&mut harness);
    let hour = || "Start";
    harness.get_all_by_label(hour()).next().unwrap().focus();
    settle(&mut harness);
    harness.key_press(Key::Backspace);
    harness.key_press(Key::Backspace);
    harness
        .get_all_by_label(hour())
        .next()
        .unwrap()
        .type_text("25");
    harness.key_press(Key::Enter);
    settle(&mut harness);
    harness.get_by_label("▲ 25 is not an hour of the day (0–23): the time stays 10:00");
    let start = |h: &egui_kittest::Harness<'_, delegation_planner::app::DelegationApp>| {
        h.state().workspace.doc.project().meetings[&MeetingId::from("paris-2024")].days[0]
            .start
            .to_string()
    };
    assert_eq!(start(&harness), "10:00:00");
    harness.get_all_by_label(hour()).next().unwrap().focus();
    settle(&mut harness);
    harness.key_press(Key::Backspace);
    harness.key_press(Key::Backspace);
    harness
        .get_all_by_label(hour())
        .next()
        .unwrap()
        .type_text("11");
    harness.key_press(Key::Enter);
    settle(&mut harness);
    assert_eq!(start(&harness), "11:00:00");
    assert!(
        harness
            .query_by_label_contains("is not an hour of the day")
            .is_none()
    );
}
