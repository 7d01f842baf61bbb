//! Following commitments up in the real app, driven through its UI with egui_kittest: the
//! due view and filters, a status change and a progress note with undo, the review of the
//! series at the next meeting, points recorded from a meeting, the project overview.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // Test helpers may panic: a panic is a failed test.

use crate::common;

use chrono::NaiveDate;
use common::{ScriptedDialogs, press, settle, tall_sample_harness};
use delegation_planner::app::DelegationApp;
use delegation_planner::i18n::Language;
use delegation_planner::model::followup::{DueFilter, REVIEW_ITEM_ID};
use delegation_planner::model::{Commitment, CommitmentId, CommitmentStatus, MeetingId};
use delegation_planner::ui::View;
use delegation_planner::workspace::Picked;
use egui::Key;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

const MR: &str = "Mutual recognition of auditor registration and competence";

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// The app on a copy of the sample, with "today" fixed at 2 July 2025: the training point
/// (due 30 June) is two days late, the September points are 90 days away.
/// A tall window, so the meeting editor's sections below the agenda and attendees are on
/// screen (kittest clicks where a widget is drawn).
fn harness_on(today: NaiveDate) -> (tempfile::TempDir, Harness<'static, DelegationApp>) {
    harness_with(today, ScriptedDialogs::default())
}

fn harness_with(
    today: NaiveDate,
    dialogs: ScriptedDialogs,
) -> (tempfile::TempDir, Harness<'static, DelegationApp>) {
    let (dir, mut harness) = tall_sample_harness(dialogs);
    harness.state_mut().workspace.today = today;
    settle(&mut harness);
    (dir, harness)
}

fn commitment(harness: &Harness<'_, DelegationApp>, id: &str) -> Commitment {
    harness.state().workspace.doc.project().commitments[&CommitmentId::from(id)].clone()
}

/// Opens the combo box `combo` (found by role and name) and picks `option` in it.
fn choose(harness: &mut Harness<'_, DelegationApp>, combo: &str, option: &str) {
    harness.get_by_role_and_label(Role::ComboBox, combo).click();
    settle(harness);
    // The option inside the open list, not a widget of the page with the same name.
    harness
        .get_by_role(Role::ListBox)
        .get_by_label(option)
        .click();
    settle(harness);
}

#[test]
fn filter_change_a_status_and_log_progress_with_undo() {
    let (_dir, mut harness) = harness_on(d(2025, 7, 2));
    harness.get_by_label("Commitments  (9)").click();
    settle(&mut harness);
    harness.check_accessibility();

    // The due view: one point overdue, four due within 90 days, none within 30.
    harness.get_by_label("▲ Overdue (1)").click();
    settle(&mut harness);
    assert_eq!(
        harness.state().view.commitment_filter.due,
        DueFilter::Overdue
    );
    assert_eq!(
        harness.state().view.commitment.as_ref().unwrap().as_str(),
        "innovation-training",
        "the editor follows the filtered list"
    );
    assert!(
        harness
            .query_by_label(
                "Joint personnel registration and competency approval programme for ESG"
            )
            .is_none()
    );
    harness.get_by_label("Due within 90 days (4)");
    harness.get_by_label("Due within 30 days (0)").click();
    settle(&mut harness);
    harness.get_by_label_contains("Nothing matches the search and filters");
    harness.get_by_label("Clear filters").click();
    settle(&mut harness);
    assert!(harness.state().view.commitment_filter.is_empty());

    // Filter by status and by owner; the counts of the due view follow.
    let selected = |harness: &Harness<'_, DelegationApp>| {
        harness.state().view.commitment.as_ref().unwrap().0.clone()
    };
    choose(&mut harness, "Filter by status", "Blocked");
    harness.get_by_label("All (4)");
    assert_eq!(selected(&harness), "mutual-recognition");
    assert!(
        harness
            .query_by_label("Collaborate on training courses and seminars")
            .is_none()
    );
    harness.get_by_label("Clear filters").click();
    settle(&mut harness);
    choose(&mut harness, "Filter by owner", "Cindy SHEN");
    harness.get_by_label("All (2)");
    assert_eq!(selected(&harness), "innovation-training");
    assert!(harness.query_by_label(MR).is_none());
    harness.get_by_label("Clear filters").click();
    settle(&mut harness);
    assert_eq!(selected(&harness), "innovation-training", "kept when shown");

    // Select the blocked mutual-recognition point and set it in progress: the change is
    // logged in its progress, dated today.
    harness.get_by_label(MR).click();
    settle(&mut harness);
    choose(&mut harness, "Status", "In progress");
    let c = commitment(&harness, "mutual-recognition");
    assert_eq!(c.status, CommitmentStatus::InProgress);
    assert_eq!(c.progress.len(), 2);
    let logged = c.progress.last().unwrap();
    assert_eq!(
        (logged.date, logged.status, &logged.meeting),
        (d(2025, 7, 2), Some(CommitmentStatus::InProgress), &None)
    );

    // A progress note, dated today, typed as one undo step.
    harness.get_by_label("+ Add progress note").click();
    settle(&mut harness);
    let note = "CNCA approval requested";
    harness
        .get_all_by_label("Note (English)")
        .last()
        .unwrap()
        .click();
    settle(&mut harness);
    harness
        .get_all_by_label("Note (English)")
        .last()
        .unwrap()
        .type_text(note);
    settle(&mut harness);
    let c = commitment(&harness, "mutual-recognition");
    assert_eq!(c.progress.len(), 3);
    assert_eq!(c.progress[2].note.en, note);
    assert_eq!(c.progress[2].date, d(2025, 7, 2));

    // Undo: the typing, the new note, then the status change, each in one step.
    harness.key_press(Key::Escape);
    press(&mut harness, Key::Z);
    assert_eq!(
        commitment(&harness, "mutual-recognition").progress[2]
            .note
            .en,
        ""
    );
    press(&mut harness, Key::Z);
    assert_eq!(commitment(&harness, "mutual-recognition").progress.len(), 2);
    press(&mut harness, Key::Z);
    let c = commitment(&harness, "mutual-recognition");
    assert_eq!(c.status, CommitmentStatus::Blocked);
    assert_eq!(c.progress.len(), 1);
    assert!(
        !harness.state().workspace.doc.is_dirty(),
        "back to the file's state"
    );
}

fn meeting(harness: &Harness<'_, DelegationApp>, id: &str) -> delegation_planner::model::Meeting {
    harness.state().workspace.doc.project().meetings[&MeetingId::from(id)].clone()
}

#[test]
fn the_next_meeting_reviews_the_open_commitments_of_the_series() {
    let (_dir, mut harness) = harness_on(d(2025, 7, 2));
    // The first meeting has nothing earlier to review.
    harness.get_by_label("Open commitments of the series (0)");
    harness.get_by_label("Plan next meeting…").click();
    settle(&mut harness);
    harness.get_by_label("Create").click();
    settle(&mut harness);
    let next = MeetingId::from("paris-2025");
    assert_eq!(harness.state().view.meeting.as_ref(), Some(&next));
    assert_eq!(meeting(&harness, "paris-2025").start_date(), d(2025, 9, 23));
    harness.get_by_label("Open commitments of the series (9)");
    harness.check_accessibility();

    // One click adds the review item, listing every open point with its sub-points.
    harness.get_by_label("+ Review of commitments").click();
    settle(&mut harness);
    let m = meeting(&harness, "paris-2025");
    assert_eq!(m.item_count(), 1);
    let item = &m.days[0].items[0];
    assert_eq!(item.id.as_str(), REVIEW_ITEM_ID);
    assert_eq!(item.title.en, "Review of commitments");
    assert_eq!(item.notes.lines().count(), 10, "{}", item.notes);
    assert!(item.notes.contains(&format!(
        "2 {MR} / 审核员注册及能力认定互认 — Blocked / 受阻"
    )));
    assert!(
        item.notes
            .contains("  2.3 ISO 50001 (energy management) auditors")
    );
    press(&mut harness, Key::Z);
    assert!(
        meeting(&harness, "paris-2025").item_count() == 0,
        "one undo step"
    );
    press(&mut harness, Key::Y);
    assert_eq!(meeting(&harness, "paris-2025").item_count(), 1);

    // A status changed in the review is logged with this meeting, on its day.
    choose(&mut harness, &format!("Status — {MR}"), "In progress");
    let c = commitment(&harness, "mutual-recognition");
    assert_eq!(c.status, CommitmentStatus::InProgress);
    let logged = c.progress.last().unwrap();
    assert_eq!(
        (logged.date, logged.status, logged.meeting.as_ref()),
        (
            d(2025, 9, 23),
            Some(CommitmentStatus::InProgress),
            Some(&next)
        )
    );
    harness.get_by_label_contains("Logged here In progress");
    // The note for the minutes goes into that same entry.
    let field = format!("Note — {MR}");
    harness.get_by_label(&field).click();
    settle(&mut harness);
    harness
        .get_by_label(&field)
        .type_text("CNCA approval received");
    settle(&mut harness);
    let c = commitment(&harness, "mutual-recognition");
    assert_eq!(c.progress.len(), 2);
    assert_eq!(c.progress[1].note.en, "CNCA approval received");
    assert_eq!(c.progress[1].status, Some(CommitmentStatus::InProgress));
    // Undo the note, then the status change: the point is as it was.
    harness.key_press(Key::Escape);
    press(&mut harness, Key::Z);
    press(&mut harness, Key::Z);
    let c = commitment(&harness, "mutual-recognition");
    assert_eq!(c.status, CommitmentStatus::Blocked);
    assert_eq!(c.progress.len(), 1);
    assert_eq!(
        meeting(&harness, "paris-2025").item_count(),
        1,
        "the review item stays"
    );

    // Done points leave the review; adding it again refreshes its list.
    choose(
        &mut harness,
        "Status — Meet periodically to share experience and expertise",
        "Done",
    );
    harness.get_by_label("Open commitments of the series (8)");
    harness.get_by_label("+ Review of commitments").click();
    settle(&mut harness);
    let m = meeting(&harness, "paris-2025");
    assert_eq!(m.item_count(), 1, "refreshed, not added twice");
    assert_eq!(m.days[0].items[0].notes.lines().count(), 9);
}

#[test]
fn record_points_and_sub_points_agreed_at_a_meeting() {
    let (_dir, mut harness) = harness_on(d(2025, 7, 2));
    harness
        .get_by_label("Points agreed at this meeting (9)")
        .click();
    settle(&mut harness);
    harness.get_by_label("+ Add point").click();
    settle(&mut harness);
    let id = "paris-2024-point";
    let point = commitment(&harness, id);
    assert_eq!(point.agreed_at.as_ref().unwrap().as_str(), "paris-2024");
    let parties: Vec<_> = point.parties.iter().map(|p| p.as_str()).collect();
    assert_eq!(parties, ["afnor", "ccaa"]);
    assert_eq!(point.status, CommitmentStatus::Agreed);
    assert_eq!(point.progress.len(), 1);
    assert_eq!(point.progress[0].date, d(2024, 9, 23));
    // Its title, typed in place (the third point of the meeting).
    let title = harness.get_by_role_and_label(Role::TextInput, "3");
    title.focus();
    settle(&mut harness);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    harness
        .get_by_role_and_label(Role::TextInput, "3")
        .type_text("Joint seminar on ISO 50001");
    settle(&mut harness);
    assert_eq!(
        commitment(&harness, id).title.en,
        "Joint seminar on ISO 50001"
    );
    harness.check_accessibility();

    // Open it in the commitments view and add a sub-point there.
    harness.key_press(Key::Escape);
    let opens = harness.get_all_by_label("Open").count();
    assert_eq!(opens, 10);
    harness.get_all_by_label("Open").nth(8).unwrap().click();
    settle(&mut harness);
    assert_eq!(harness.state().view.view, View::Commitments);
    assert_eq!(
        harness.state().view.commitment.as_ref().unwrap().as_str(),
        id
    );
    harness.get_by_label("+ Add sub-point").click();
    settle(&mut harness);
    let (sub_id, sub) = harness
        .state()
        .workspace
        .doc
        .project()
        .commitments
        .iter()
        .find(|(_, c)| c.parent.as_ref().map(CommitmentId::as_str) == Some(id))
        .map(|(k, c)| (k.clone(), c.clone()))
        .unwrap();
    assert_eq!(sub.agreed_at.as_ref().unwrap().as_str(), "paris-2024");
    assert_eq!(sub.parties, point.parties);
    assert_eq!(harness.state().view.commitment.as_ref(), Some(&sub_id));
    press(&mut harness, Key::Z);
    assert!(
        !harness
            .state()
            .workspace
            .doc
            .project()
            .commitments
            .contains_key(&sub_id)
    );
}

#[test]
fn the_overview_shows_what_is_due_and_counts_by_status() {
    let (_dir, mut harness) = harness_on(d(2025, 7, 2));
    harness.get_by_label("Project").click();
    settle(&mut harness);
    harness.check_accessibility();
    // Written out in the interface language (issue 15), as the calendar writes dates.
    harness.get_by_label("As of 2 July 2025");
    harness.get_by_label_contains("No meeting from today on");
    harness.get_by_label("Overdue (1)");
    harness.get_by_label("▲ Overdue by 2 days");
    harness.get_by_label("Due within 30 days (0)");
    harness.get_by_label("Due in 31 to 90 days (4)");
    assert_eq!(harness.get_all_by_label("Due in 90 days").count(), 4);
    harness.get_by_label("9 of 9 still open");
    // The numbers behind the chart, one link per status, open the filtered list.
    harness.get_by_label("Blocked 4").click();
    settle(&mut harness);
    assert_eq!(harness.state().view.view, View::Commitments);
    assert_eq!(
        harness.state().view.commitment_filter.statuses,
        [CommitmentStatus::Blocked].into()
    );
    harness.get_by_label("All (4)");

    // A commitment in the overview opens in its view, even past the filter.
    harness.get_by_label("Project").click();
    settle(&mut harness);
    harness
        .get_by_label("Collaborate on training courses and seminars")
        .click();
    settle(&mut harness);
    assert_eq!(
        harness.state().view.commitment.as_ref().unwrap().as_str(),
        "innovation-training"
    );
    assert!(harness.state().view.commitment_filter.is_empty());

    // With a meeting ahead, it is listed with how far off it is.
    harness.state_mut().workspace.today = d(2024, 9, 1);
    harness.get_by_label("Project").click();
    settle(&mut harness);
    harness.get_by_label("in 22 days");
    harness.get_by_label("Nothing is overdue.");
}

#[test]
fn the_follow_up_screens_in_chinese() {
    let (_dir, mut harness) = harness_on(d(2025, 7, 2));
    harness.state_mut().workspace.settings.language = Language::Chinese;
    settle(&mut harness);
    harness.get_by_label("合作事项  (9)").click();
    settle(&mut harness);
    harness.get_by_label("▲ 已逾期 (1)");
    harness.get_by_label("90 天内到期 (4)");
    harness.get_by_label("清除筛选");
    harness.get_by_label("审核员注册及能力认定互认").click();
    settle(&mut harness);
    harness.check_accessibility();
    harness.get_by_label("项目").click();
    settle(&mut harness);
    harness.get_by_label("合作事项状态统计");
    harness.get_by_label("受阻 4");
    harness.get_by_label("▲ 已逾期 2 天");
    harness.get_by_label("会议  (1)").click();
    settle(&mut harness);
    harness.get_by_label("本系列未完成的合作事项 (0)");
    harness.get_by_label("+ 合作事项进展回顾");
}

#[test]
fn export_what_the_filters_show() {
    let dialogs = ScriptedDialogs::default();
    let (dir, mut harness) = harness_with(d(2025, 7, 2), dialogs.clone());
    harness.get_by_label("Commitments  (9)").click();
    settle(&mut harness);
    choose(&mut harness, "Filter by status", "Blocked");
    let target = dir.path().join("blocked.csv");
    dialogs.answer(Picked::File(target.clone()));
    harness.get_by_label("Export commitments").click();
    settle(&mut harness);
    harness.get_by_label("CSV (spreadsheet)").hover();
    settle(&mut harness);
    harness.get_by_label("English").click();
    settle(&mut harness);
    harness.get_by_label("Save…").click();
    settle(&mut harness);
    let text = std::fs::read_to_string(&target).unwrap();
    let body = text.strip_prefix('\u{feff}').unwrap();
    let mut reader = csv::Reader::from_reader(body.as_bytes());
    let ids: Vec<String> = reader.records().map(|r| r.unwrap()[0].to_owned()).collect();
    assert_eq!(
        ids,
        [
            "mutual-recognition",
            "mutual-recognition-iso-22000",
            "mutual-recognition-iso-27001",
            "mutual-recognition-iso-50001"
        ]
    );
    assert!(
        harness
            .state()
            .workspace
            .toast_text()
            .unwrap()
            .contains("blocked.csv")
    );
}
