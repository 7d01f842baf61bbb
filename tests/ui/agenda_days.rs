//! Programmes over several days, built through the real app: adding a day, moving items
//! across days and seeing times and totals follow; pasting a two-day programme with
//! Chinese times; the time-zone picker's search; planning the next meeting of a series.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // Test helpers may panic: a panic is a failed test.

use crate::common;

use common::{ScriptedDialogs, app_harness, press, sample_file, settle, type_into};
use delegation_planner::app::DelegationApp;
use delegation_planner::model::{Meeting, MeetingId};
use delegation_planner::project_file::read_project;
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

fn paris(harness: &Harness<'_, DelegationApp>) -> Meeting {
    harness.state().workspace.doc.project().meetings[&MeetingId::from("paris-2024")].clone()
}

/// Types into a field below the fold: scrolled to and focused first, as a keyboard user
/// would reach it with Tab.
fn type_in(harness: &mut Harness<'_, DelegationApp>, label: &str, text: &str) {
    harness.get_by_label(label).scroll_to_me();
    settle(harness);
    harness.get_by_label(label).focus();
    settle(harness);
    harness.get_by_label(label).type_text(text);
    settle(harness);
}

fn titles(m: &Meeting, day: usize) -> Vec<String> {
    m.days[day]
        .items
        .iter()
        .map(|i| i.title.en.clone())
        .collect()
}

#[test]
fn build_a_two_day_visit_and_move_an_item_across() {
    let (dir, path) = sample_file();
    let mut harness = app_harness(Some(path.clone()), ScriptedDialogs::default());
    // One day at first: 10:00 to 12:00 in Paris, 16:00 to 18:00 in Beijing.
    assert_eq!(paris(&harness).days.len(), 1);
    harness.get_by_label("11:50 · 17:50");
    harness.get_by_label("Total: 2 h 00 min · 1 day");

    // Add a day: the next date, the same start.
    harness.get_by_label("+ Add day").click();
    settle(&mut harness);
    let m = paris(&harness);
    assert_eq!(m.days.len(), 2);
    assert_eq!(m.days[1].date.to_string(), "2024-09-24");
    assert_eq!(m.days[1].start.to_string(), "10:00:00");
    assert!(m.days[1].items.is_empty());
    harness.get_by_label("Total: 2 h 00 min · 2 days");
    // Its form is open: give it a title.
    type_in(&mut harness, "Day title (English)", "Site visit");
    assert_eq!(paris(&harness).days[1].title.en, "Site visit");

    // The last item of day 1 moves down into day 2, where it starts the day at 10:00.
    harness.get_by_label("Group photo").click();
    settle(&mut harness);
    harness
        .get_by_label("Move down (Alt+↓): Group photo")
        .click();
    settle(&mut harness);
    let m = paris(&harness);
    assert_eq!(titles(&m, 1), ["Group photo"]);
    assert_eq!(m.days[0].items.len(), 4);
    let day2 = m.day_summaries()[1].clone();
    assert_eq!(day2.start.time().to_string(), "10:00:00");
    assert_eq!(day2.end.time().to_string(), "10:10:00");
    assert_eq!(day2.minutes, 10);
    // On screen: its old time is gone from day 1, day 1 ends earlier, the total is kept.
    assert!(harness.query_by_label("11:50 · 17:50").is_none());
    assert_eq!(
        harness.get_all_by_label("10:00 · 16:00").count(),
        2,
        "the first item of each day"
    );
    harness.get_by_label("Total: 2 h 00 min · 2 days");
    assert_eq!(m.day_summaries()[0].end.time().to_string(), "11:50:00");

    // A longer item on day 2 moves its end and the total along.
    harness.get_by_label("Duration (min)").scroll_to_me();
    settle(&mut harness);
    harness.get_by_label("Duration (min)").focus();
    settle(&mut harness);
    harness.key_press(Key::Backspace);
    harness.key_press(Key::Backspace);
    harness.get_by_label("Duration (min)").type_text("40");
    harness.key_press(Key::Enter);
    settle(&mut harness);
    let m = paris(&harness);
    assert_eq!(m.days[1].items[0].duration_minutes, 40);
    assert_eq!(m.day_summaries()[1].end.time().to_string(), "10:40:00");
    harness.get_by_label("Total: 2 h 30 min · 2 days");

    // And back up with the keyboard: Alt+↑ at the top of day 2 goes to the end of day 1.
    harness.key_press(Key::Escape);
    harness.key_press_modifiers(egui::Modifiers::ALT, Key::ArrowUp);
    settle(&mut harness);
    let m = paris(&harness);
    assert!(m.days[1].items.is_empty());
    assert_eq!(titles(&m, 0).last().unwrap(), "Group photo");
    // 12:30 on day 1 now: the editor warns about the planned end.
    harness.get_by_label_contains("Day 1: The agenda runs past the planned end (12:00)");
    press(&mut harness, Key::Z);
    assert_eq!(titles(&paris(&harness), 1), ["Group photo"], "undo");

    // Saved: two days in the file.
    harness.get_by_label("File").click();
    settle(&mut harness);
    harness.get_by_label("Save Ctrl+S").click();
    settle(&mut harness);
    let saved = read_project(&path).unwrap();
    let m = &saved.meetings[&MeetingId::from("paris-2024")];
    assert_eq!(m.days.len(), 2);
    assert_eq!(m.days[1].title.en, "Site visit");
    assert!(delegation_planner::model::validate(&saved).is_empty());
    drop(dir);
}

#[test]
fn remove_and_reorder_days() {
    let (_dir, path) = sample_file();
    let mut harness = app_harness(Some(path), ScriptedDialogs::default());
    harness.get_by_label("+ Add day").click();
    settle(&mut harness);
    type_in(&mut harness, "Day title (English)", "Visit");
    // Day 2's heading is selected: move its programme up; the dates stay in order.
    harness
        .get_by_label_contains("Move this day's programme one day earlier")
        .click();
    settle(&mut harness);
    let m = paris(&harness);
    assert_eq!(m.days[0].title.en, "Visit");
    assert!(m.days[0].items.is_empty());
    assert_eq!(m.days[0].date.to_string(), "2024-09-23");
    assert_eq!(m.days[1].items.len(), 5);
    assert_eq!(m.days[1].date.to_string(), "2024-09-24");
    // Remove the empty day; the last day cannot be removed.
    harness.get_by_label("Remove day: Day 1").click();
    settle(&mut harness);
    let m = paris(&harness);
    assert_eq!(m.days.len(), 1);
    assert_eq!(m.days[0].items.len(), 5);
}

#[test]
fn paste_a_two_day_programme_with_chinese_times() {
    let (_dir, path) = sample_file();
    let mut harness = app_harness(Some(path), ScriptedDialogs::default());
    harness.get_by_label("Paste agenda…").click();
    settle(&mut harness);
    type_into(
        &mut harness,
        "Draft agenda",
        "第一天 会谈 Talks\n上午10:00 开幕致辞 Opening — 黄继先\n下午2点半 讨论 Discussion — Mr. Helge ENGELHARD (BMWi)\n9月24日（星期二） 参观 Visit\n上午9:30 参观实验室 Visit of the lab\n25:00 Dinner",
    );
    // The preview says what the days take from the text and which time it could not use.
    harness.get_by_label("• Day 2 takes its date from the text: Tuesday 24 September 2024");
    harness.get_by_label_contains("Line 6: “25:00” is not a time of day");
    let guest = "Mr. Helge ENGELHARD (BMWi) (add as a person)";
    harness.get_by_label(guest).scroll_to_me();
    settle(&mut harness);
    harness.get_by_label(guest).click();
    settle(&mut harness);
    assert!(
        matches!(
            harness.state().workspace.dialog.as_ref(),
            Some(delegation_planner::workspace::Dialog::PasteAgenda { add_as_people, .. })
                if add_as_people.len() == 1
        ),
        "ticked"
    );
    settle(&mut harness);
    harness.get_by_label("Replace the current agenda").click();
    settle(&mut harness);
    harness.get_by_label("Add items (4)").click();
    settle(&mut harness);
    let project = harness.state().workspace.doc.project().clone();
    let m = &project.meetings[&MeetingId::from("paris-2024")];
    assert_eq!(m.days.len(), 2);
    assert_eq!(
        (m.days[0].title.en.as_str(), m.days[0].title.zh.as_str()),
        ("Talks", "会谈")
    );
    assert_eq!(m.days[1].date.to_string(), "2024-09-24");
    assert_eq!(m.days[1].start.to_string(), "09:30:00");
    let discussion = &m.days[0].items[1];
    // The opening runs to the next written time: the discussion starts at 14:30.
    let slots = m.days[0].schedule(m.time_zone);
    assert_eq!(slots[1].start.time().to_string(), "14:30:00");
    assert!(discussion.guest_speakers.is_empty(), "added as a person");
    let engelhard = &project.people[&discussion.speakers[0]];
    assert_eq!(engelhard.family_name.to_lowercase(), "engelhard");
    assert!(delegation_planner::model::validate(&project).is_empty());
    // One undo step takes back the items and the new person.
    press(&mut harness, Key::Z);
    let project = harness.state().workspace.doc.project();
    assert_eq!(
        project.meetings[&MeetingId::from("paris-2024")].days.len(),
        1
    );
    assert!(
        !project
            .people
            .values()
            .any(|p| p.family_name.to_lowercase() == "engelhard")
    );
}

#[test]
fn the_time_zone_picker_searches_in_both_languages() {
    let (_dir, path) = sample_file();
    let mut harness = app_harness(Some(path), ScriptedDialogs::default());
    harness.get_by_label("Time zone").click();
    settle(&mut harness);
    // The likely zones come first: the venue's and the counterpart's countries.
    harness.get_by_label("Likely for this meeting");
    harness.get_by_label("Shanghai · China · Asia/Shanghai · UTC+08:00");
    harness
        .get_by_label("Search by city, country or zone")
        .type_text("柏林");
    settle(&mut harness);
    assert!(harness.query_by_label("Likely for this meeting").is_none());
    harness
        .get_by_label("Berlin · Germany · Europe/Berlin · UTC+02:00")
        .click();
    settle(&mut harness);
    assert_eq!(paris(&harness).time_zone, chrono_tz::Europe::Berlin);
    use delegation_planner::ui::widgets::matching_zones;
    assert_eq!(
        matching_zones("德国"),
        [chrono_tz::Europe::Berlin, chrono_tz::Europe::Busingen]
    );
    // Beijing keeps Shanghai time; a search by country code or zone name works too.
    assert!(matching_zones("北京").contains(&chrono_tz::Asia::Shanghai));
    assert!(matching_zones("beijing").contains(&chrono_tz::Asia::Shanghai));
    assert!(matching_zones("europe/paris").contains(&chrono_tz::Europe::Paris));
    assert!(matching_zones("法国").contains(&chrono_tz::Europe::Paris));
}

#[test]
fn the_next_meeting_copies_the_days_and_moves_the_years() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("wg.ron");
    std::fs::copy("saves/sino-german-working-groups-2026.ron", &path).unwrap();
    let mut harness = app_harness(Some(path), ScriptedDialogs::default());
    // The next date falls after today, by the series' rhythm (yearly).
    harness.state_mut().workspace.today = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    harness.get_by_label("2026-06-16").click();
    settle(&mut harness);
    harness.get_by_label("Plan next meeting…").click();
    settle(&mut harness);
    // The dialog shows what it changed; nothing else copied names Berlin, DIN or another
    // year, so there is nothing to check.
    harness.get_by_label("Years moved");
    assert!(harness.query_by_label("Check before it goes out").is_none());
    harness.get_by_label(
        "2026 Annual Meeting of the Sino-German Standardization Working Groups → 2027 Annual Meeting of the Sino-German Standardization Working Groups",
    );
    harness.get_by_label("2026年中德标准化工作组年会 → 2027年中德标准化工作组年会");
    harness.get_by_label("Create").click();
    settle(&mut harness);
    let project = harness.state().workspace.doc.project();
    let next = &project.meetings[&MeetingId::from("wg-berlin-2027")];
    assert_eq!(next.title.zh, "2027年中德标准化工作组年会");
    assert_eq!(next.days.len(), 2);
    assert_eq!(next.days[0].date.to_string(), "2027-06-16");
    assert_eq!(next.days[1].date.to_string(), "2027-06-17");
    assert_eq!(
        next.days[1].title.en,
        "Annual meetings of the working groups"
    );
    assert_eq!(next.item_count(), 0, "no stale items");
    assert_eq!(
        next.time_zone,
        chrono_tz::Asia::Shanghai,
        "the series alternates"
    );
    assert!(next.days.iter().all(|d| d.venue.is_empty()));
    assert_eq!(next.series.as_ref().unwrap().edition, 13);
}
