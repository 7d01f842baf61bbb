//! Meetings in a series: which are upcoming, which came earlier, the commitments still
//! open from them, and the "Review of commitments" agenda item a next meeting starts from.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use super::tree::{kept_in_tree_order, outline_numbers};
use crate::model::{
    AgendaItem, AgendaItemKind, Bilingual, Choice as _, CommitmentId, ItemId, Meeting, MeetingId,
    Project,
};

/// Meetings on or after `today`, by date and start time.
pub fn upcoming_meetings(project: &Project, today: NaiveDate) -> Vec<MeetingId> {
    let mut meetings: Vec<_> = project
        .meetings
        .iter()
        .filter(|(_, m)| m.start_date() >= today)
        .collect();
    meetings.sort_by_key(|(id, m)| (m.starts_at(), (*id).clone()));
    meetings.into_iter().map(|(id, _)| id.clone()).collect()
}

/// True when two meetings belong to the same series: the series names agree in English or
/// in Chinese (trimmed, English without case), so a later edition whose other translation
/// was corrected still counts.
fn same_series(a: &Meeting, b: &Meeting) -> bool {
    let (Some(a), Some(b)) = (&a.series, &b.series) else {
        return false;
    };
    let en = a.name.en.trim();
    let zh = a.name.zh.trim();
    (!en.is_empty() && en.to_lowercase() == b.name.en.trim().to_lowercase())
        || (!zh.is_empty() && zh == b.name.zh.trim())
}

/// The meetings of the series `meeting` (with id `id`) belongs to, by date, itself
/// included; only itself when it is in no series.
pub fn series_meetings(project: &Project, id: &MeetingId, meeting: &Meeting) -> Vec<MeetingId> {
    let mut out: Vec<_> = project
        .meetings
        .iter()
        .filter(|(other_id, other)| *other_id != id && same_series(meeting, other))
        .map(|(other_id, other)| (other.starts_at(), other_id.clone()))
        .collect();
    out.push((meeting.starts_at(), id.clone()));
    out.sort();
    out.into_iter().map(|(_, id)| id).collect()
}

/// The other meetings of `meeting`'s series held on or before its date.
fn earlier_in_series(project: &Project, id: &MeetingId, meeting: &Meeting) -> BTreeSet<MeetingId> {
    series_meetings(project, id, meeting)
        .into_iter()
        .filter(|m| m != id)
        .filter(|m| {
            project
                .meetings
                .get(m)
                .is_some_and(|mm| mm.start_date() <= meeting.start_date())
        })
        .collect()
}

/// True when `meeting`'s series has an earlier meeting, whose commitments it can review.
pub fn has_earlier_in_series(project: &Project, id: &MeetingId, meeting: &Meeting) -> bool {
    !earlier_in_series(project, id, meeting).is_empty()
}

/// The open commitments agreed at earlier meetings of `meeting`'s series (held on or before
/// its date, itself excluded), in tree order with their depth: what its review goes through.
pub fn open_commitments_of_series(
    project: &Project,
    id: &MeetingId,
    meeting: &Meeting,
) -> Vec<(CommitmentId, usize)> {
    let earlier = earlier_in_series(project, id, meeting);
    kept_in_tree_order(project, |_, c| {
        c.status.is_open() && c.agreed_at.as_ref().is_some_and(|m| earlier.contains(m))
    })
}

/// Id of the review item in an agenda; adding the review again refreshes this item.
pub const REVIEW_ITEM_ID: &str = "review-of-commitments";
/// Title of the review item.
pub const REVIEW_TITLE: (&str, &str) = ("Review of commitments", "合作事项进展回顾");

/// The notes of the review item: one line per open commitment, numbered as an outline,
/// with its status and due date in both languages.
pub fn review_notes(project: &Project, rows: &[(CommitmentId, usize)]) -> String {
    let mut lines = Vec::with_capacity(rows.len() + 1);
    lines.push(format!(
        "Open commitments / 未完成的合作事项: {}",
        rows.len()
    ));
    for ((id, depth), number) in rows.iter().zip(outline_numbers(rows)) {
        let Some(c) = project.commitments.get(id) else {
            continue;
        };
        let title = match (c.title.en.trim(), c.title.zh.trim()) {
            (en, zh) if !en.is_empty() && !zh.is_empty() => format!("{en} / {zh}"),
            _ => c.title.both(),
        };
        let mut line = format!(
            "{}{number} {title} — {} / {}",
            "  ".repeat(*depth),
            c.status.label_en(),
            c.status.label_zh()
        );
        if let Some(due) = c.due {
            line.push_str(&format!(" — due / 截止 {due}"));
        }
        lines.push(line);
    }
    lines.join("\n")
}

/// Adds the "Review of commitments" item to `meeting` (id `id`), listing every open
/// commitment of its series, or refreshes that list when the item is already there.
/// A new item goes right after the opening remarks at the start of the first day. Returns the
/// item's id.
pub fn add_review_item(project: &Project, id: &MeetingId, meeting: &mut Meeting) -> ItemId {
    let rows = open_commitments_of_series(project, id, meeting);
    let notes = review_notes(project, &rows);
    let item_id = ItemId::from(REVIEW_ITEM_ID);
    if let Some(item) = meeting.item_mut(&item_id) {
        item.notes = notes;
        return item_id;
    }
    let points = rows.iter().filter(|(_, depth)| *depth == 0).count();
    // A few minutes per point, within what one agenda item can reasonably take.
    let minutes = u32::try_from(points.saturating_mul(5))
        .unwrap_or(u32::MAX)
        .clamp(15, 60);
    let item = AgendaItem {
        id: item_id.clone(),
        title: Bilingual::new(REVIEW_TITLE.0, REVIEW_TITLE.1),
        kind: AgendaItemKind::Discussion,
        duration_minutes: minutes,
        fixed_start: None,
        speakers: Vec::new(),
        guest_speakers: Vec::new(),
        chairs: Vec::new(),
        guest_chairs: Vec::new(),
        notes,
        // The open points are the partners' as much as ours: the programme lists them.
        notes_audience: crate::model::NoteAudience::Programme,
        outcome: crate::model::Outcome::default(),
    };
    // On the first day: the review opens the programme.
    if meeting.days.is_empty() {
        meeting.days = Meeting::new(meeting.start_date(), meeting.time_zone).days;
    }
    if let Some(day) = meeting.days.first_mut() {
        let at = day
            .items
            .iter()
            .take_while(|i| i.kind == AgendaItemKind::OpeningRemarks)
            .count();
        day.items.insert(at, item);
    }
    item_id
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::CommitmentStatus;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn sample() -> Project {
        crate::samples::ccaa_afnor().unwrap()
    }

    fn next_meeting(project: &Project) -> (MeetingId, Meeting) {
        let paris = &project.meetings[&MeetingId::from("paris-2024")];
        (
            "beijing-2025".into(),
            paris.next_in_series(d(2025, 9, 22), true),
        )
    }

    #[test]
    fn open_commitments_of_the_next_meeting_of_a_series() {
        let mut project = sample();
        let (id, next) = next_meeting(&project);
        // The first meeting has no earlier one to review.
        let paris = project.meetings[&MeetingId::from("paris-2024")].clone();
        assert!(open_commitments_of_series(&project, &"paris-2024".into(), &paris).is_empty());
        assert!(!has_earlier_in_series(
            &project,
            &"paris-2024".into(),
            &paris
        ));
        assert!(has_earlier_in_series(&project, &id, &next));
        let rows = open_commitments_of_series(&project, &id, &next);
        assert_eq!(rows.len(), 9);
        // A done point leaves the review; its open sub-points stay, moved up a level.
        project
            .commitments
            .get_mut(&CommitmentId::from("innovation"))
            .unwrap()
            .status = CommitmentStatus::Done;
        let rows = open_commitments_of_series(&project, &id, &next);
        assert_eq!(rows.len(), 8);
        assert!(
            rows.iter()
                .any(|(c, depth)| c.as_str() == "innovation-esg" && *depth == 0)
        );
        // A meeting of another series reviews nothing of this one.
        let mut other = next.clone();
        other.series = Some(crate::model::Series {
            name: Bilingual::new("Another series", "另一系列"),
            edition: 2,
        });
        assert!(open_commitments_of_series(&project, &id, &other).is_empty());
    }

    #[test]
    fn the_review_item_lists_the_open_points_and_is_refreshed_not_duplicated() {
        let mut project = sample();
        let (id, mut next) = next_meeting(&project);
        next.days[0].items.push(AgendaItem {
            id: "welcome".into(),
            kind: AgendaItemKind::OpeningRemarks,
            duration_minutes: 10,
            ..Default::default()
        });
        next.days[0].items.push(AgendaItem {
            id: "talk".into(),
            duration_minutes: 20,
            ..Default::default()
        });
        let item_id = add_review_item(&project, &id, &mut next);
        assert_eq!(next.days[0].items.len(), 3);
        let item = &next.days[0].items[1];
        assert_eq!(item.id, item_id);
        assert_eq!(item.title.en, "Review of commitments");
        assert_eq!(item.kind, AgendaItemKind::Discussion);
        assert_eq!(item.duration_minutes, 15, "3 points × 5 min");
        let lines: Vec<_> = item.notes.lines().collect();
        assert_eq!(lines.len(), 10, "{}", item.notes);
        assert_eq!(lines[0], "Open commitments / 未完成的合作事项: 9");
        assert_eq!(
            lines[5],
            "2 Mutual recognition of auditor registration and competence / 审核员注册及能力认定互认 — Blocked / 受阻 — due / 截止 2025-12-31"
        );
        assert!(lines[6].starts_with("  2.1 ISO 22000"), "{}", lines[6]);

        project
            .commitments
            .get_mut(&CommitmentId::from("sharing-expertise"))
            .unwrap()
            .status = CommitmentStatus::Done;
        add_review_item(&project, &id, &mut next);
        assert_eq!(next.days[0].items.len(), 3, "refreshed, not added twice");
        assert_eq!(next.days[0].items[1].notes.lines().count(), 9);
    }
}
