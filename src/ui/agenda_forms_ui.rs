//! The forms under the programme: the selected item's (title, kind, duration, fixed start,
//! its day, speakers from the project and guest speakers, notes), or else the selected
//! day's (date, start, planned end, title, venue).

use super::style;
use super::widgets::{
    bilingual_rows, choice_row, date_field, form_ui, multiline_row, optional_time_edit, time_edit,
};
use super::{Cx, ViewState};
use crate::model::Meeting;

/// The form of the selected item, or of the selected day when no item is selected;
/// returns the meeting when something changed.
pub fn selected_form_ui(
    ui: &mut egui::Ui,
    cx: &Cx<'_>,
    meeting: &Meeting,
    state: &mut ViewState,
) -> Option<Meeting> {
    let selected = state
        .agenda_item
        .as_ref()
        .and_then(|id| meeting.find_item(id));
    if selected.is_none() && !state.agenda_day_open {
        return None;
    }
    ui.add_space(style::space::M);
    ui.separator();
    match selected {
        Some(at) => item_form_ui(ui, cx, meeting, state, at),
        None => day_form_ui(ui, cx, meeting, state.agenda_day),
    }
}

/// The selected day's date, times, title and venue.
fn day_form_ui(ui: &mut egui::Ui, cx: &Cx<'_>, meeting: &Meeting, d: usize) -> Option<Meeting> {
    let t = cx.tr();
    let original = meeting.days.get(d)?;
    let mut day = original.without_items();
    ui.strong(format!(
        "{} · {}",
        t.day_number.replace("{n}", &(d + 1).to_string()),
        super::agenda_ui::long_date(cx, day.date)
    ));
    form_ui(ui, "agenda_day_form", |ui| {
        let l = ui.label(t.date);
        ui.horizontal(|ui| {
            date_field(
                ui,
                cx.language,
                &format!("day_date_{d}"),
                &mut day.date,
                Some(l.id),
            );
            let before = d
                .checked_sub(1)
                .and_then(|p| meeting.days.get(p))
                .is_some_and(|p| p.date > day.date);
            if before {
                ui.colored_label(
                    style::warning_color(ui),
                    format!("▲ {}", t.day_before_previous),
                );
            }
        });
        ui.end_row();
        let l = ui.label(t.start_time);
        time_edit(ui, cx.language, &mut day.start, l.id);
        ui.end_row();
        let l = ui.label(t.planned_end);
        let default_end = day.start + chrono::Duration::hours(2);
        optional_time_edit(ui, cx.language, &mut day.planned_end, default_end, l.id);
        ui.end_row();
        bilingual_rows(ui, t, t.day_title, &mut day.title);
        bilingual_rows(ui, t, t.day_venue, &mut day.venue);
    });
    ui.label(
        egui::RichText::new(t.day_venue_hint)
            .small()
            .color(style::weak_color(ui)),
    );
    if day == original.without_items() {
        return None;
    }
    let mut m = meeting.clone();
    if let Some(slot) = m.days.get_mut(d) {
        let items = std::mem::take(&mut slot.items);
        *slot = crate::model::Day { items, ..day };
    }
    Some(m)
}

/// The form of the item at `(d, i)`; returns the meeting when the item changed.
fn item_form_ui(
    ui: &mut egui::Ui,
    cx: &Cx<'_>,
    meeting: &Meeting,
    state: &mut ViewState,
    (d, i): (usize, usize),
) -> Option<Meeting> {
    let t = cx.tr();
    let day = meeting.days.get(d)?;
    let original = day.items.get(i)?;
    let mut item = original.clone();
    let mut move_to = d;
    let attending = &state.meeting_summary.attending;
    let first = super::person_picker::First {
        heading: t.protocol.at_this_meeting,
        people: &state.meeting_summary.in_order,
    };
    let picker = &mut state.person_picker;
    form_ui(ui, "agenda_item_form", |ui| {
        bilingual_rows(ui, t, t.item_title, &mut item.title);
        choice_row(ui, t.kind, cx.language, &mut item.kind);
        let l = ui.label(t.duration);
        ui.add(
            egui::DragValue::new(&mut item.duration_minutes)
                .range(0..=24 * 60)
                .speed(1.0)
                .suffix(format!(" {}", t.unit_min)),
        )
        .labelled_by(l.id);
        ui.end_row();
        let l = ui.label(t.fixed_start);
        optional_time_edit(ui, cx.language, &mut item.fixed_start, day.start, l.id);
        ui.end_row();
        if meeting.days.len() > 1 {
            let l = ui.label(t.item_day);
            let name = |k: usize| {
                meeting.days.get(k).map_or_else(String::new, |x| {
                    format!(
                        "{} · {}",
                        t.day_number.replace("{n}", &(k + 1).to_string()),
                        super::agenda_ui::long_date(cx, x.date)
                    )
                })
            };
            egui::ComboBox::from_id_salt("agenda_item_day")
                .selected_text(name(move_to))
                .width(style::COMBO_WIDE_WIDTH)
                .show_ui(ui, |ui| {
                    for k in 0..meeting.days.len() {
                        ui.selectable_value(&mut move_to, k, name(k));
                    }
                })
                .response
                .labelled_by(l.id)
                .on_hover_text(t.item_day_tip);
            ui.end_row();
        }
        ui.label(t.speakers);
        ui.vertical(|ui| {
            let mut remove = None;
            for (k, speaker) in item.speakers.iter_mut().enumerate() {
                ui.horizontal(|ui| {
                    let name = cx.project.person_screen_name(speaker, cx.zh());
                    if let Some(chosen) = picker.show(
                        ui,
                        &format!("speaker_{k}"),
                        cx,
                        &name,
                        &format!("{} {}", t.speakers, k + 1),
                        t.search_people,
                        first,
                        &|_| None,
                    ) {
                        *speaker = chosen;
                    }
                    if !attending.contains(speaker) {
                        ui.colored_label(
                            style::warning_color(ui),
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
            // Nobody is added until chosen: the meeting's attendees first, those already
            // speaking on this item shown but not offered.
            let speaking = item.speakers.clone();
            if let Some(chosen) = picker.add_button(
                ui,
                "add_speaker",
                cx,
                &format!("+ {}", t.add_speaker),
                t.add_speaker,
                t.search_people,
                first,
                &|p| {
                    speaking
                        .contains(p)
                        .then(|| t.protocol.already_speaking.to_owned())
                },
            ) {
                item.speakers.push(chosen);
            }
        });
        ui.end_row();
        ui.label(t.guest_speakers)
            .on_hover_text(t.guest_speakers_tip);
        ui.vertical(|ui| {
            let mut remove = None;
            for (k, guest) in item.guest_speakers.iter_mut().enumerate() {
                ui.horizontal(|ui| {
                    ui.add(
                        egui::TextEdit::singleline(guest).desired_width(style::COMBO_WIDE_WIDTH),
                    )
                    .accessible_name(format!("{} {}", t.guest_speakers, k + 1));
                    if ui.small_button("×").on_hover_text(t.remove).clicked() {
                        remove = Some(k);
                    }
                });
            }
            if let Some(k) = remove
                && k < item.guest_speakers.len()
            {
                item.guest_speakers.remove(k);
            }
            if ui.button(format!("+ {}", t.add_guest)).clicked() {
                item.guest_speakers.push(String::new());
            }
        });
        ui.end_row();
        multiline_row(ui, t, t.notes, &mut item.notes);
    });
    if &item == original && move_to == d {
        return None;
    }
    let mut m = meeting.clone();
    if move_to == d {
        if let Some(slot) = m.days.get_mut(d).and_then(|day| day.items.get_mut(i)) {
            *slot = item;
        }
    } else if let Some(from) = m.days.get_mut(d)
        && i < from.items.len()
    {
        from.items.remove(i);
        if let Some(to) = m.days.get_mut(move_to) {
            to.items.push(item);
            state.agenda_day = move_to;
        }
    }
    Some(m)
}
