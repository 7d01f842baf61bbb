//! Meetings: a list in date order, and the editor of one meeting with its details, sides,
//! attendees, agenda and minutes.

use chrono::Datelike as _;

use super::widgets::{
    bilingual_rows, cell, choice_combo, choice_row, date_edit, delete_button, empty_message,
    form_ui, list_detail_ui, list_header_ui, multiline_row, optional_time_edit, organisation_combo,
    person_combo, select_table_ui, sorted_organisations, sorted_people, time_edit, time_zone_combo,
};
use super::{Cx, ViewState};
use crate::document::Edit;
use crate::model::{
    AgendaItem, Attendee, Bilingual, ItemId, Meeting, MeetingId, Series, Side, fold_for_search,
};

/// The meetings view.
pub fn meetings_ui(ui: &mut egui::Ui, cx: &mut Cx<'_>, state: &mut ViewState) {
    let t = cx.tr();
    list_detail_ui(
        ui,
        "meetings",
        &mut (cx, state),
        |ui, (cx, state)| {
            if list_header_ui(ui, t, t.add_meeting, &mut state.meetings_search) {
                let today = chrono::Local::now().date_naive();
                let tz = cx
                    .project
                    .meetings
                    .values()
                    .next_back()
                    .map_or(chrono_tz::Europe::Paris, |m| m.time_zone);
                let id = cx
                    .project
                    .new_meeting_id(&format!("meeting-{}", today.year()));
                let mut meeting = Meeting::new(today, tz);
                meeting.title = Bilingual::new(t.new_meeting, "");
                cx.edit_step(Edit::PutMeeting(id.clone(), Box::new(meeting)));
                state.meeting = Some(id);
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
                                    m.title.en, m.title.zh, m.venue.en, m.venue.zh, m.date
                                ))
                                .contains(&query)
                        })
                        .collect();
                    rows.sort_by_key(|(id, m)| (m.date, m.start_time, (*id).clone()));
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
            if state.meeting.is_none() {
                state.meeting = rows.first().cloned();
            }
            let selected = state
                .meeting
                .as_ref()
                .and_then(|s| rows.iter().position(|r| r == s));
            let zh = cx.zh();
            let language = cx.language;
            let clicked = select_table_ui(
                ui,
                "meetings_table",
                &[(t.col_date, 80.0), (t.meeting_title, 160.0), (t.kind, 0.0)],
                rows.len(),
                selected,
                |i, row| {
                    let Some(m) = rows.get(i).and_then(|id| project.meetings.get(id)) else {
                        return;
                    };
                    cell(row, m.date.to_string());
                    cell(row, m.title.get(zh));
                    cell(row, language.choice(m.kind));
                },
            );
            if let Some(id) = clicked.and_then(|i| rows.get(i)) {
                state.meeting = Some(id.clone());
                state.agenda_item = None;
            }
        },
        |ui, (cx, state)| {
            let selected = state
                .meeting
                .as_ref()
                .and_then(|id| cx.project.meetings.get(id).map(|m| (id.clone(), m.clone())));
            match selected {
                Some((id, meeting)) => meeting_editor_ui(ui, cx, &id, meeting, state),
                None => empty_message(ui, t.select_hint),
            }
        },
    );
}

fn meeting_editor_ui(
    ui: &mut egui::Ui,
    cx: &mut Cx<'_>,
    id: &MeetingId,
    mut meeting: Meeting,
    state: &mut ViewState,
) {
    let t = cx.tr();
    let zh = cx.zh();
    let original = meeting.clone();
    ui.horizontal(|ui| {
        ui.heading(meeting.title.get(zh));
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if delete_button(ui, t) {
                cx.edit_step(Edit::delete_meeting(cx.project, id));
                state.meeting = None;
            }
        });
    });
    ui.label(
        egui::RichText::new(format!("{}: {id}", t.meeting_id))
            .small()
            .color(super::style::weak_color(ui)),
    );
    ui.add_space(6.0);

    egui::CollapsingHeader::new(t.details)
        .default_open(true)
        .show(ui, |ui| details_ui(ui, cx, &mut meeting));
    egui::CollapsingHeader::new(format!("{} ({})", t.agenda, meeting.agenda.len()))
        .id_salt("agenda")
        .default_open(true)
        .show(ui, |ui| {
            agenda_ui(ui, cx, &mut meeting, &mut state.agenda_item)
        });
    egui::CollapsingHeader::new(format!("{} ({})", t.attendees, meeting.attendees.len()))
        .id_salt("attendees")
        .default_open(true)
        .show(ui, |ui| attendees_ui(ui, cx, &mut meeting));
    egui::CollapsingHeader::new(format!("{} ({})", t.sides, meeting.sides.len()))
        .id_salt("sides")
        .default_open(false)
        .show(ui, |ui| sides_ui(ui, cx, &mut meeting));
    egui::CollapsingHeader::new(t.minutes)
        .default_open(false)
        .show(ui, |ui| {
            form_ui(ui, "minutes_form", |ui| {
                multiline_row(ui, t.minutes, &mut meeting.minutes)
            });
        });

    if meeting != original && state.meeting.as_ref() == Some(id) {
        cx.edit(
            ui,
            &format!("meeting/{id}"),
            Edit::PutMeeting(id.clone(), Box::new(meeting)),
        );
    }
}

fn details_ui(ui: &mut egui::Ui, cx: &Cx<'_>, meeting: &mut Meeting) {
    let t = cx.tr();
    form_ui(ui, "meeting_form", |ui| {
        bilingual_rows(ui, t, t.meeting_title, &mut meeting.title);
        choice_row(ui, t.kind, cx.language, &mut meeting.kind);
        ui.label(t.date);
        date_edit(ui, "meeting_date", &mut meeting.date);
        ui.end_row();
        let l = ui.label(t.start_time);
        time_edit(ui, &mut meeting.start_time, l.id);
        ui.end_row();
        let l = ui.label(t.planned_end);
        let default_end = meeting.start_time + chrono::Duration::hours(2);
        optional_time_edit(ui, &mut meeting.planned_end, default_end, l.id);
        ui.end_row();
        let l = ui.label(t.time_zone);
        time_zone_combo(ui, "meeting_tz", &mut meeting.time_zone, l.id);
        ui.end_row();
        let l = ui.label(t.counterpart_time_zone);
        ui.horizontal(|ui| {
            let mut on = meeting.counterpart_time_zone.is_some();
            if ui.checkbox(&mut on, "").labelled_by(l.id).changed() {
                meeting.counterpart_time_zone = on.then_some(chrono_tz::Asia::Shanghai);
            }
            if let Some(tz) = &mut meeting.counterpart_time_zone {
                time_zone_combo(ui, "counterpart_tz", tz, l.id);
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

/// `10:00 · 16:00`: the venue's time, then the counterpart's, with `(+1)` for another day.
fn format_time(meeting: &Meeting, at: chrono::DateTime<chrono_tz::Tz>) -> String {
    let local = at.naive_local();
    let mut text = local.format("%H:%M").to_string();
    if local.date() != meeting.date {
        text.push_str(&format!(
            " ({:+})",
            (local.date() - meeting.date).num_days()
        ));
    }
    if let Some(other) = meeting.counterpart_time(at) {
        let other = other.naive_local();
        let day = match (other.date() - meeting.date).num_days() {
            0 => String::new(),
            d => format!(" ({d:+})"),
        };
        text.push_str(&format!(" · {}{day}", other.format("%H:%M")));
    }
    text
}

fn agenda_ui(ui: &mut egui::Ui, cx: &Cx<'_>, meeting: &mut Meeting, selected: &mut Option<ItemId>) {
    let t = cx.tr();
    let zh = cx.zh();
    let schedule = meeting.schedule();
    let attending: Vec<_> = meeting.attendees.iter().map(|a| a.person.clone()).collect();
    let mut action = None;
    egui::Grid::new("agenda_grid")
        .num_columns(4)
        .striped(true)
        .spacing([10.0, 4.0])
        .show(ui, |ui| {
            let tz_note = match meeting.counterpart_time_zone {
                Some(other) => format!("{} · {}", meeting.time_zone.name(), other.name()),
                None => meeting.time_zone.name().to_owned(),
            };
            ui.strong(tz_note);
            ui.strong(t.item_title);
            ui.strong(t.duration);
            ui.label("");
            ui.end_row();
            for (i, (item, slot)) in meeting.agenda.iter().zip(&schedule).enumerate() {
                let time = format_time(meeting, slot.start);
                if slot.gap_minutes > 0 {
                    ui.label(egui::RichText::new(time).color(super::style::weak_color(ui)))
                        .on_hover_text(format!("+{} min", slot.gap_minutes));
                } else if slot.gap_minutes < 0 {
                    ui.label(
                        egui::RichText::new(format!("▲ {time}"))
                            .color(super::style::warning_color(ui)),
                    )
                    .on_hover_text(format!("{} min", slot.gap_minutes));
                } else {
                    ui.label(time);
                }
                let title = item.title.get(zh);
                let title = if title.is_empty() { t.new_item } else { title };
                let is_selected = selected.as_ref() == Some(&item.id);
                let speakers: Vec<String> = item
                    .speakers
                    .iter()
                    .map(|s| {
                        let name = cx.project.person_name(s);
                        if attending.contains(s) {
                            name
                        } else {
                            format!("{name} ({})", t.not_attending)
                        }
                    })
                    .collect();
                ui.vertical(|ui| {
                    ui.set_max_width(320.0);
                    if ui.selectable_label(is_selected, title).clicked() {
                        action = Some(AgendaAction::Select(item.id.clone()));
                    }
                    if !speakers.is_empty() {
                        ui.add(
                            egui::Label::new(
                                egui::RichText::new(speakers.join(", "))
                                    .small()
                                    .color(super::style::weak_color(ui)),
                            )
                            .wrap(),
                        );
                    }
                });
                ui.label(format!("{} min", item.duration_minutes));
                ui.horizontal(|ui| {
                    if ui
                        .add_enabled(i > 0, egui::Button::new("↑"))
                        .on_hover_text(t.move_up)
                        .clicked()
                    {
                        action = Some(AgendaAction::Move(i, i - 1));
                    }
                    if ui
                        .add_enabled(i + 1 < meeting.agenda.len(), egui::Button::new("↓"))
                        .on_hover_text(t.move_down)
                        .clicked()
                    {
                        action = Some(AgendaAction::Move(i, i + 1));
                    }
                    if ui.button("×").on_hover_text(t.remove).clicked() {
                        action = Some(AgendaAction::Remove(i));
                    }
                });
                ui.end_row();
            }
        });
    let total = meeting.agenda_minutes();
    ui.horizontal(|ui| {
        ui.label(format!(
            "{}: {} h {:02} min → {}",
            t.total,
            total / 60,
            total % 60,
            format_time(meeting, meeting.agenda_end())
        ));
        if meeting.runs_past_end() {
            ui.colored_label(
                super::style::warning_color(ui),
                format!("▲ {}", t.runs_past_end),
            );
        }
    });
    if ui.button(format!("+ {}", t.add_item)).clicked() {
        let id = meeting.new_item_id();
        meeting.agenda.push(AgendaItem {
            id: id.clone(),
            title: Bilingual::default(),
            duration_minutes: 30,
            ..Default::default()
        });
        action = Some(AgendaAction::Select(id));
    }
    match action {
        Some(AgendaAction::Select(id)) => *selected = Some(id),
        Some(AgendaAction::Move(from, to))
            if from < meeting.agenda.len() && to < meeting.agenda.len() =>
        {
            meeting.agenda.swap(from, to);
        }
        Some(AgendaAction::Remove(i)) if i < meeting.agenda.len() => {
            meeting.agenda.remove(i);
        }
        Some(AgendaAction::Move(..) | AgendaAction::Remove(_)) => {}
        None => {}
    }

    // The selected item's form.
    let people = sorted_people(cx.project);
    if let Some(item) = meeting
        .agenda
        .iter_mut()
        .find(|i| selected.as_ref() == Some(&i.id))
    {
        ui.add_space(8.0);
        ui.separator();
        form_ui(ui, "agenda_item_form", |ui| {
            bilingual_rows(ui, t, t.item_title, &mut item.title);
            choice_row(ui, t.kind, cx.language, &mut item.kind);
            let l = ui.label(t.duration);
            ui.add(
                egui::DragValue::new(&mut item.duration_minutes)
                    .range(0..=24 * 60)
                    .suffix(" min"),
            )
            .labelled_by(l.id);
            ui.end_row();
            let l = ui.label(t.fixed_start);
            optional_time_edit(ui, &mut item.fixed_start, meeting.start_time, l.id);
            ui.end_row();
            let speakers_label = ui.label(t.speakers);
            ui.vertical(|ui| {
                let mut remove = None;
                for (k, speaker) in item.speakers.iter_mut().enumerate() {
                    ui.horizontal(|ui| {
                        person_combo(
                            ui,
                            &format!("speaker_{k}"),
                            cx.project,
                            &people,
                            speaker,
                            speakers_label.id,
                        );
                        if !attending.contains(speaker) {
                            ui.colored_label(
                                super::style::warning_color(ui),
                                format!("▲ {}", t.not_attending),
                            );
                        }
                        if ui.small_button("×").on_hover_text(t.remove).clicked() {
                            remove = Some(k);
                        }
                    });
                }
                if let Some(k) = remove
                    && k < item.speakers.len()
                {
                    item.speakers.remove(k);
                }
                let next = attending
                    .iter()
                    .find(|p| !item.speakers.contains(p))
                    .or_else(|| people.first().map(|(id, _)| id));
                if let Some(next) = next
                    && ui.button(format!("+ {}", t.add_speaker)).clicked()
                {
                    item.speakers.push(next.clone());
                }
            });
            ui.end_row();
            multiline_row(ui, t.notes, &mut item.notes);
        });
    }
}

enum AgendaAction {
    Select(ItemId),
    Move(usize, usize),
    Remove(usize),
}

fn attendees_ui(ui: &mut egui::Ui, cx: &Cx<'_>, meeting: &mut Meeting) {
    let t = cx.tr();
    let zh = cx.zh();
    let people = sorted_people(cx.project);
    let mut remove = None;
    let sides: Vec<_> = meeting
        .sides
        .iter()
        .map(|s| (s.id.clone(), s.name.get(zh).to_owned()))
        .collect();
    egui::Grid::new("attendees_grid")
        .num_columns(7)
        .striped(true)
        .spacing([4.0, 4.0])
        .show(ui, |ui| {
            let headers: Vec<egui::Id> = [t.col_name, t.side, t.role, t.status, t.rank, t.mode, ""]
                .into_iter()
                .map(|h| ui.strong(h).id)
                .collect();
            let header = |k: usize| headers.get(k).copied().unwrap_or(egui::Id::NULL);
            ui.end_row();
            for (i, attendee) in meeting.attendees.iter_mut().enumerate() {
                person_combo(
                    ui,
                    &format!("attendee_{i}"),
                    cx.project,
                    &people,
                    &mut attendee.person,
                    header(0),
                );
                let side_name = attendee
                    .side
                    .as_ref()
                    .map(|s| {
                        sides
                            .iter()
                            .find(|(id, _)| id == s)
                            .map_or_else(|| format!("▲ {s}"), |(_, n)| n.clone())
                    })
                    .unwrap_or_else(|| t.none_choice.to_owned());
                egui::ComboBox::from_id_salt(format!("attendee_side_{i}"))
                    .selected_text(side_name)
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut attendee.side, None, t.none_choice);
                        for (id, name) in &sides {
                            ui.selectable_value(&mut attendee.side, Some(id.clone()), name);
                        }
                    })
                    .response
                    .labelled_by(header(1));
                choice_combo(
                    ui,
                    &format!("attendee_role_{i}"),
                    cx.language,
                    &mut attendee.role,
                    header(2),
                );
                choice_combo(
                    ui,
                    &format!("attendee_status_{i}"),
                    cx.language,
                    &mut attendee.status,
                    header(3),
                );
                ui.add(egui::DragValue::new(&mut attendee.rank).range(0..=999))
                    .labelled_by(header(4));
                choice_combo(
                    ui,
                    &format!("attendee_mode_{i}"),
                    cx.language,
                    &mut attendee.mode,
                    header(5),
                );
                if ui.small_button("×").on_hover_text(t.remove).clicked() {
                    remove = Some(i);
                }
                ui.end_row();
            }
        });
    if let Some(i) = remove
        && i < meeting.attendees.len()
    {
        meeting.attendees.remove(i);
    }
    let next = people
        .iter()
        .find(|(id, _)| !meeting.attendees.iter().any(|a| &a.person == id));
    if let Some((next, _)) = next
        && ui.button(format!("+ {}", t.add_attendee)).clicked()
    {
        let mut attendee = Attendee::new(next.clone());
        attendee.side = meeting.sides.first().map(|s| s.id.clone());
        attendee.rank = u32::try_from(meeting.attendees.len() + 1).unwrap_or(u32::MAX);
        meeting.attendees.push(attendee);
    }
}

fn sides_ui(ui: &mut egui::Ui, cx: &Cx<'_>, meeting: &mut Meeting) {
    let t = cx.tr();
    let orgs = sorted_organisations(cx.project, cx.zh());
    let mut remove = None;
    for (i, side) in meeting.sides.iter_mut().enumerate() {
        ui.group(|ui| {
            form_ui(ui, &format!("side_form_{i}"), |ui| {
                ui.label(t.side_name);
                ui.horizontal(|ui| {
                    ui.add(
                        egui::TextEdit::singleline(&mut side.name.en)
                            .hint_text(t.english)
                            .desired_width(180.0),
                    );
                    ui.add(
                        egui::TextEdit::singleline(&mut side.name.zh)
                            .hint_text(t.chinese)
                            .desired_width(180.0),
                    );
                    if ui.small_button("×").on_hover_text(t.remove).clicked() {
                        remove = Some(i);
                    }
                });
                ui.end_row();
                ui.label(t.cmd_show_organisations);
                ui.horizontal_wrapped(|ui| {
                    for (id, name) in &orgs {
                        let mut member = side.organisations.contains(id);
                        if ui.checkbox(&mut member, name).changed() {
                            if member {
                                side.organisations.push(id.clone());
                            } else {
                                side.organisations.retain(|o| o != id);
                            }
                        }
                    }
                });
                ui.end_row();
            });
        });
    }
    if let Some(i) = remove
        && i < meeting.sides.len()
    {
        meeting.sides.remove(i);
    }
    if ui.button(format!("+ {}", t.add_side)).clicked() {
        let id = meeting.new_side_id(&format!("side-{}", meeting.sides.len() + 1));
        meeting.sides.push(Side {
            id,
            name: Bilingual::new(t.new_side, ""),
            organisations: Vec::new(),
        });
    }
}
