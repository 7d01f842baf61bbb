//! Meetings: a list in date order, and the editor of one meeting with its details, sides,
//! attendees, agenda and minutes.

use super::style;
use super::widgets::{
    ListDetailLayout, ZoneContext, bilingual_rows, cell, choice_row, delete_button, empty_message,
    form_ui, in_language, list_header_ui, long_text_row, multiline_row, organisation_combo,
    select_table_ui, time_zone_picker, too_long_to_edit,
};
use super::{Cx, ViewState};
use crate::document::Edit;
use crate::model::{Bilingual, Meeting, MeetingId, Series, fold_for_search};
use crate::workspace::Deletion;

/// The meetings view.
pub fn meetings_ui(ui: &mut egui::Ui, cx: &mut Cx<'_>, state: &mut ViewState) {
    let t = cx.tr();
    // In a small window (1024 × 700) the list starts narrower, so that the meeting page
    // keeps room for its agenda and attendance tables.
    let list_width = (ui.available_width() * style::LIST_SHARE)
        .clamp(*style::LIST_WIDTH_RANGE.start(), style::LIST_WIDTH);
    // Live minutes scroll their items below a header that stays (the attendance strip).
    // The seating plan, a drawing as wide as the table, takes the list's room in a small
    // window (its seats would otherwise run past the page); the list comes back with the
    // meeting.
    let layout = ListDetailLayout {
        list_width,
        page_scrolls: !state.minutes_mode,
        show_list: !seating_needs_the_list_room(ui, cx, state, list_width),
    };
    super::widgets::list_detail_sized_ui(
        ui,
        "meetings",
        layout,
        &mut (cx, state),
        |ui, (cx, state)| {
            // A meeting starts from its sides: the dialog asks for them.
            if list_header_ui(ui, t, t.add_meeting, &mut state.meetings_search) {
                state.request = Some(super::Request::NewMeeting);
            }
            let project = cx.project;
            let query = fold_for_search(&state.meetings_search);
            let rows = state
                .meetings_rows
                .rows(cx.revision, &query, cx.language, || {
                    let mut rows: Vec<_> = project
                        .meetings
                        .iter()
                        .filter(|(id, m)| {
                            query.is_empty()
                                || fold_for_search(&format!(
                                    "{id} {} {} {} {} {}",
                                    m.title.en,
                                    m.title.zh,
                                    m.venue.en,
                                    m.venue.zh,
                                    m.dates_text()
                                ))
                                .contains(&query)
                        })
                        .collect();
                    rows.sort_by_key(|(id, m)| (m.starts_at(), (*id).clone()));
                    rows.into_iter().map(|(id, _)| id.clone()).collect()
                });
            if rows.is_empty() {
                let msg = if project.meetings.is_empty() {
                    t.empty_meetings
                } else {
                    t.no_match
                };
                empty_message(ui, msg);
                return;
            }
            // A list with entries shows one of them from the start, so the editor is not
            // empty; a selection made this frame (a new entry, not applied yet) is kept.
            if state.meeting.is_none() && state.emptied_by_delete != Some(super::View::Meetings) {
                state.meeting = rows.first().cloned();
            }
            let current = state.meeting.clone();
            let selected = |i: usize| rows.get(i).is_some_and(|r| Some(r) == current.as_ref());
            let zh = cx.zh();
            let language = cx.language;
            let [date_width, title_width] = style::MEETINGS_COLUMNS;
            let clicked = select_table_ui(
                ui,
                "meetings_table",
                &[
                    (t.col_date, date_width),
                    (t.meeting_title, title_width),
                    (t.kind, style::FILL_REST),
                ],
                None,
                style::TWO_LINE_ROW_HEIGHT,
                rows.len(),
                selected,
                |i, row| {
                    let Some(m) = rows.get(i).and_then(|id| project.meetings.get(id)) else {
                        return;
                    };
                    cell(row, m.start_date().to_string());
                    row.two_lines(m.title.get(zh), &meeting_subtitle(project, m, zh));
                    cell(row, language.choice(m.kind));
                },
            );
            if let Some(id) = clicked.and_then(|i| rows.get(i)) {
                state.meeting = Some(id.clone());
                state.agenda_item = None;
            }
        },
        |ui, (cx, state)| {
            let project = cx.project;
            let selected = state
                .meeting
                .clone()
                .and_then(|id| project.meetings.get(&id).map(|m| (id, m)));
            match selected {
                Some((id, meeting)) => meeting_editor_ui(ui, cx, &id, meeting, state),
                None => empty_message(ui, state.empty_hint(super::View::Meetings, t)),
            }
        },
    );
}

/// Whether the seating plan of the selected meeting would scroll sideways beside the
/// meetings list (as wide as the user left it): its table then takes the list's room.
fn seating_needs_the_list_room(
    ui: &egui::Ui,
    cx: &Cx<'_>,
    state: &mut ViewState,
    list_width: f32,
) -> bool {
    if !state.seating_mode {
        return false;
    }
    let Some((id, meeting)) = state
        .meeting
        .as_ref()
        .and_then(|id| cx.project.meetings.get_key_value(id))
    else {
        return false;
    };
    let list = super::widgets::list_width_now(ui, "meetings", list_width);
    let margins = egui::Frame::central_panel(ui.style())
        .total_margin()
        .sum()
        .x;
    let page = ui.available_width() - list - margins;
    page < state.seating.least_width(cx, id, meeting)
}

/// `AFNOR headquarters · AFNOR · #10 Global Certification Made in China`.
fn meeting_subtitle(project: &crate::model::Project, m: &Meeting, zh: bool) -> String {
    let mut parts = Vec::new();
    if !m.venue.is_empty() {
        parts.push(m.venue.get(zh).to_owned());
    }
    if let Some(host) = &m.host {
        parts.push(project.organisation_name(host, zh));
    }
    if let Some(series) = &m.series {
        parts.push(format!("#{} {}", series.edition, series.name.get(zh)));
    }
    parts.join(" · ")
}

/// The editor of one meeting. It reads the meeting in place: only the small details are
/// copied per frame; a section that changes the attendees or the agenda hands back a
/// changed copy, so a 20,000-attendee meeting is copied when it is edited, never just
/// because it is shown.
fn meeting_editor_ui(
    ui: &mut egui::Ui,
    cx: &mut Cx<'_>,
    id: &MeetingId,
    meeting: &Meeting,
    state: &mut ViewState,
) {
    if state.minutes_mode {
        super::minutes_ui::live_minutes_ui(ui, cx, id, meeting, state);
        return;
    }
    if state.seating_mode {
        super::seating_ui::seating_ui(ui, cx, id, meeting, state);
        return;
    }
    let t = cx.tr();
    let zh = cx.zh();
    // Minutes too long to edit are shown from the meeting: copying 50 MB every frame
    // would take longer than the frame. Each language is judged on its own.
    let long_en = too_long_to_edit(&meeting.minutes);
    let long_zh = too_long_to_edit(&meeting.minutes_zh);
    let details_of = |m: &Meeting| {
        if long_en.is_none() && long_zh.is_none() {
            return m.details();
        }
        let mut details = m.details_without_minutes();
        if long_en.is_none() {
            details.minutes.clone_from(&m.minutes);
        }
        if long_zh.is_none() {
            details.minutes_zh.clone_from(&m.minutes_zh);
        }
        details
    };
    let original = details_of(meeting);
    let mut details = details_of(meeting);
    super::widgets::title_bar(ui, meeting.title.get(zh), |ui| {
        if delete_button(ui, t) {
            state.delete(super::View::Meetings, Deletion::Meeting(id.clone()));
            state.meeting = None;
        }
        if ui
            .button(t.next_meeting)
            .on_hover_text(t.next_meeting_tip)
            .clicked()
        {
            state.request = Some(super::Request::NextInSeries(id.clone()));
        }
        let seating =
            super::commands_ui::shortcut_text(ui.ctx(), crate::workspace::Command::SeatingPlan);
        if ui
            .button(t.seating.seating_plan)
            .on_hover_text(format!("{} ({seating})", t.seating.seating_plan_tip))
            .clicked()
        {
            state.seating_mode = true;
        }
        let shortcut =
            super::commands_ui::shortcut_text(ui.ctx(), crate::workspace::Command::TakeMinutes);
        if ui
            .button(t.take_minutes)
            .on_hover_text(format!("{} ({shortcut})", t.take_minutes_tip))
            .clicked()
        {
            state.minutes_mode = true;
        }
    });
    ui.add_space(style::space::S);

    let (open_in_series, agreed_here, likely) = {
        let summary = state.meeting_summary(cx, id, meeting);
        (
            summary.open_in_series,
            summary.agreed_here,
            summary.likely_zones.clone(),
        )
    };
    let mut changed: Option<Meeting> = None;
    let mut when = super::meeting_when_ui::WhenChange::default();
    // Sections are named by salt, not by title, so they stay open across a language switch.
    egui::CollapsingHeader::new(t.details)
        .id_salt("details")
        .default_open(true)
        .show(ui, |ui| {
            details_ui(ui, cx, (id, meeting), &mut details, &likely, &mut when)
        });
    egui::CollapsingHeader::new(format!("{} ({})", t.agenda, meeting.item_count()))
        .id_salt("agenda")
        .default_open(true)
        .show(ui, |ui| {
            if let Some(m) = super::agenda_ui::agenda_ui(ui, cx, id, meeting, state) {
                changed = Some(m);
            }
        });
    egui::CollapsingHeader::new(format!("{} ({})", t.series_review, open_in_series))
        .id_salt("series_review")
        .default_open(true)
        .show(ui, |ui| {
            super::meeting_commitments_ui::series_review_ui(ui, cx, id, meeting, state)
        });
    egui::CollapsingHeader::new(format!("{} ({})", t.attendees, meeting.attendees.len()))
        .id_salt("attendees")
        .default_open(true)
        .show(ui, |ui| {
            if let Some(m) = super::attendance_ui::attendees_ui(ui, cx, id, meeting, state) {
                changed = Some(m);
            }
        });
    // Open while the meeting has no side: that is where they are made.
    egui::CollapsingHeader::new(format!("{} ({})", t.sides, meeting.sides.len()))
        .id_salt("sides")
        .default_open(meeting.sides.is_empty())
        .show(ui, |ui| {
            if let Some(m) = super::sides_ui::sides_ui(ui, cx, meeting) {
                details.sides.clone_from(&m.sides);
                changed = Some(m);
            }
        });
    egui::CollapsingHeader::new(t.letters.letter_details)
        .id_salt("letter_details")
        .default_open(false)
        .show(ui, |ui| {
            super::personal_ui::letter_details_ui(ui, cx, &mut details)
        });
    egui::CollapsingHeader::new(t.statistics)
        .id_salt("statistics")
        .default_open(false)
        .show(ui, |ui| {
            super::stats_ui::stats_ui(ui, cx, Some((id, meeting)))
        });
    egui::CollapsingHeader::new(format!("{} ({})", t.agreed_here, agreed_here))
        .id_salt("agreed_here")
        .default_open(false)
        .show(ui, |ui| {
            super::meeting_commitments_ui::agreed_here_ui(ui, cx, id, meeting, state)
        });
    egui::CollapsingHeader::new(t.minutes)
        .id_salt("minutes")
        .default_open(false)
        .show(ui, |ui| {
            form_ui(ui, "minutes_form", |ui| {
                // English, then Chinese, as every bilingual pair of the form.
                for chinese in [false, true] {
                    let label = in_language(t, t.minutes, chinese);
                    let (long, text) = if chinese {
                        (long_zh, &mut details.minutes_zh)
                    } else {
                        (long_en, &mut details.minutes)
                    };
                    match long {
                        Some(minutes) => long_text_row(ui, t, &label, minutes),
                        None => {
                            multiline_row(ui, t, &label, text);
                        }
                    }
                }
            });
        });

    if let Some(start) = when.start {
        let mut moved = changed.take().unwrap_or_else(|| meeting.clone());
        moved.move_to(start);
        changed = Some(moved);
    }
    if (details.venue != original.venue || details.host != original.host)
        && details.time_zone == original.time_zone
        && let Some(zone) = cx.project.zone_of_place(&details)
    {
        // The place says where the meeting is: its time zone follows (issue 27).
        details.time_zone = zone;
    }
    if details != original {
        // Left out of the copy, not changed: back in with the edit.
        if long_en.is_some() {
            details.minutes.clone_from(&meeting.minutes);
        }
        if long_zh.is_some() {
            details.minutes_zh.clone_from(&meeting.minutes_zh);
        }
        changed = Some(
            changed
                .unwrap_or_else(|| meeting.clone())
                .with_details(details),
        );
    }
    if state.meeting.as_ref() != Some(id) {
        return;
    }
    if let Some(to) = when.rename {
        // Renamed on purpose: one undo step, the editor stays on the meeting.
        if let Some(edit) = Edit::rename_meeting(cx.project, id, &to) {
            cx.edit_step(edit);
            state.meeting = Some(to);
        }
    } else if let Some(meeting) = changed {
        // A meeting whose id names an earlier first day takes the new day's (until an
        // export named it).
        let (edit, now) = Edit::put_meeting(cx.project, id, meeting);
        if &now == id {
            cx.edit(ui, &format!("meeting/{id}"), edit);
        } else {
            cx.edit_step(edit);
            state.meeting = Some(now);
        }
    }
}

/// The details form: `meeting`'s details are edited in `details` (a copy without the
/// programme), and its dates are read from the meeting itself.
fn details_ui(
    ui: &mut egui::Ui,
    cx: &Cx<'_>,
    (id, shown): (&MeetingId, &Meeting),
    meeting: &mut Meeting,
    likely: &[chrono_tz::Tz],
    when: &mut super::meeting_when_ui::WhenChange,
) {
    let t = cx.tr();
    form_ui(ui, "meeting_form", |ui| {
        bilingual_rows(ui, t, t.meeting_title, &mut meeting.title);
        choice_row(ui, t.kind, cx.language, &mut meeting.kind);
        super::meeting_when_ui::dates_row_ui(ui, cx, shown, when);
        super::meeting_when_ui::short_name_row_ui(ui, cx, id, shown, when);
        let zones = ZoneContext {
            likely,
            dates: (shown.start_date(), shown.end_date()),
            chinese: cx.zh(),
            search_hint: t.zone_search_hint,
            likely_heading: t.zones_likely,
            all_heading: t.zones_all,
        };
        let l = ui.label(t.time_zone);
        time_zone_picker(ui, "meeting_tz", &mut meeting.time_zone, l.id, &zones);
        ui.end_row();
        let l = ui.label(t.counterpart_time_zone);
        ui.horizontal(|ui| {
            let mut on = meeting.counterpart_time_zone.is_some();
            if ui.checkbox(&mut on, "").labelled_by(l.id).changed() {
                meeting.counterpart_time_zone = on.then_some(chrono_tz::Asia::Shanghai);
            }
            if let Some(tz) = &mut meeting.counterpart_time_zone {
                time_zone_picker(ui, "counterpart_tz", tz, l.id, &zones);
            }
        });
        ui.end_row();
        bilingual_rows(ui, t, t.venue, &mut meeting.venue);
        let l = ui.label(t.host);
        organisation_combo(
            ui,
            "meeting_host",
            cx.project,
            t,
            cx.zh(),
            &mut meeting.host,
            l.id,
        );
        ui.end_row();
        ui.label(t.series);
        let mut in_series = meeting.series.is_some();
        if ui.checkbox(&mut in_series, t.in_series).changed() {
            meeting.series = in_series.then(|| Series {
                name: Bilingual::default(),
                edition: 1,
            });
        }
        ui.end_row();
        if let Some(series) = &mut meeting.series {
            bilingual_rows(ui, t, t.series_name, &mut series.name);
            let l = ui.label(t.edition);
            ui.add(egui::DragValue::new(&mut series.edition).range(1..=1000))
                .labelled_by(l.id);
            ui.end_row();
        }
        let l = ui.label(t.expected_participants);
        ui.horizontal(|ui| {
            let mut large = meeting.expected_participants.is_some();
            if ui.checkbox(&mut large, t.has_expected).changed() {
                meeting.expected_participants = large.then_some(100);
            }
            if let Some(n) = &mut meeting.expected_participants {
                ui.add(egui::DragValue::new(n).range(0..=10_000_000))
                    .labelled_by(l.id);
            }
        });
        ui.end_row();
    });
}
