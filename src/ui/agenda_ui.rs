//! A meeting's agenda: items with computed times in both time zones, gaps and overlaps,
//! reordering by drag, buttons or Alt+↑/↓, the selected item's form, and the paste and
//! export actions.

use super::widgets::{
    bilingual_rows, choice_row, form_ui, multiline_row, optional_time_edit, person_combo,
    sorted_people,
};
use super::{Cx, Request, ViewState};
use crate::export::ExportLanguage;
use crate::export::agenda::AgendaFormat;
use crate::model::{AgendaItem, Bilingual, Meeting, MeetingId};

/// `10:00 · 16:00`: the venue's time, then the counterpart's, with `(+1)` for another day.
pub fn format_time(meeting: &Meeting, at: chrono::DateTime<chrono_tz::Tz>) -> String {
    let local = at.naive_local();
    let mut text = local.format("%H:%M").to_string();
    let days = (local.date() - meeting.date).num_days();
    if days != 0 {
        text.push_str(&format!(" ({days:+})"));
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

enum AgendaAction {
    Select(usize),
    Move { from: usize, to: usize },
    Remove(usize),
}

/// The agenda section of the meeting editor.
pub fn agenda_ui(
    ui: &mut egui::Ui,
    cx: &Cx<'_>,
    id: &MeetingId,
    meeting: &mut Meeting,
    state: &mut ViewState,
) {
    let t = cx.tr();
    toolbar_ui(ui, cx, id, meeting, state);
    if meeting.agenda.is_empty() {
        ui.label(egui::RichText::new(t.empty_agenda).color(super::style::weak_color(ui)));
    } else {
        let action = items_ui(ui, cx, meeting, state);
        apply(action, meeting, state);
        keyboard_reorder(ui, meeting, state);
        totals_ui(ui, cx, meeting);
    }
    item_form_ui(ui, cx, meeting, state);
}

fn toolbar_ui(
    ui: &mut egui::Ui,
    cx: &Cx<'_>,
    id: &MeetingId,
    meeting: &mut Meeting,
    state: &mut ViewState,
) {
    let t = cx.tr();
    ui.horizontal(|ui| {
        if ui.button(format!("+ {}", t.add_item)).clicked() {
            let item_id = meeting.new_item_id();
            meeting.agenda.push(AgendaItem {
                id: item_id.clone(),
                title: Bilingual::default(),
                duration_minutes: 30,
                ..Default::default()
            });
            state.agenda_item = Some(item_id);
        }
        if ui
            .button(t.paste_agenda)
            .on_hover_text(t.paste_agenda_tip)
            .clicked()
        {
            state.request = Some(Request::PasteAgenda(id.clone()));
        }
        let has_earlier = crate::model::followup::has_earlier_in_series(cx.project, id, meeting);
        if ui
            .add_enabled(
                has_earlier,
                egui::Button::new(format!("+ {}", t.review_item)),
            )
            .on_hover_text(t.review_item_tip)
            .on_disabled_hover_text(t.review_item_disabled)
            .clicked()
        {
            let item = crate::model::followup::add_review_item(cx.project, id, meeting);
            state.agenda_item = Some(item);
        }
        ui.menu_button(t.export_agenda, |ui| {
            for format in AgendaFormat::ALL {
                ui.menu_button(format_label(t, format), |ui| {
                    for (language, label) in [
                        (ExportLanguage::Both, t.lang_both),
                        (ExportLanguage::En, t.english),
                        (ExportLanguage::Zh, t.chinese),
                    ] {
                        if ui.button(label).clicked() {
                            state.request = Some(Request::ExportAgenda {
                                meeting: id.clone(),
                                format,
                                language,
                            });
                            ui.close();
                        }
                    }
                });
            }
        });
    });
}

/// The menu label of an export format.
pub fn format_label(t: &crate::app::i18n::Strings, format: AgendaFormat) -> &'static str {
    match format {
        AgendaFormat::Pdf => t.format_pdf,
        AgendaFormat::Html => t.format_html,
        AgendaFormat::Md => t.format_md,
        AgendaFormat::Ics => t.format_ics,
    }
}

fn items_ui(
    ui: &mut egui::Ui,
    cx: &Cx<'_>,
    meeting: &Meeting,
    state: &ViewState,
) -> Option<AgendaAction> {
    let t = cx.tr();
    let zh = cx.zh();
    let schedule = meeting.schedule();
    let attending: Vec<_> = meeting.attendees.iter().map(|a| &a.person).collect();
    let mut action = None;
    let count = meeting.agenda.len();
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
            ui.strong(t.col_duration);
            ui.label("");
            ui.end_row();
            for (i, (item, slot)) in meeting.agenda.iter().zip(&schedule).enumerate() {
                if slot.gap_minutes != 0 {
                    ui.label("");
                    if slot.gap_minutes > 0 {
                        ui.label(
                            egui::RichText::new(format!(
                                "┄ {} {} ┄",
                                slot.gap_minutes, t.gap_minutes
                            ))
                            .small()
                            .color(super::style::weak_color(ui)),
                        );
                    } else {
                        ui.colored_label(
                            super::style::warning_color(ui),
                            format!("▲ {} {}", -slot.gap_minutes, t.overlap_minutes),
                        );
                    }
                    ui.end_row();
                }
                let time = format_time(meeting, slot.start);
                if slot.gap_minutes < 0 {
                    ui.colored_label(super::style::warning_color(ui), time);
                } else {
                    ui.label(time);
                }
                let title = item.title.get(zh);
                let title = if title.is_empty() { t.new_item } else { title };
                let selected = state.agenda_item.as_ref() == Some(&item.id);
                let speakers: Vec<String> = item
                    .speakers
                    .iter()
                    .map(|s| {
                        let name = cx.project.person_name(s);
                        if attending.contains(&s) {
                            name
                        } else {
                            format!("{name} ({})", t.not_attending)
                        }
                    })
                    .collect();
                let row = ui.vertical(|ui| {
                    ui.set_max_width(320.0);
                    let response = ui
                        .add(
                            egui::Button::selectable(selected, title)
                                .sense(egui::Sense::click_and_drag()),
                        )
                        .on_hover_text(t.drag_to_reorder);
                    response.dnd_set_drag_payload(i);
                    if response.clicked() {
                        action = Some(AgendaAction::Select(i));
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
                if let Some(from) = row.response.dnd_release_payload::<usize>() {
                    action = Some(AgendaAction::Move { from: *from, to: i });
                }
                if row.response.dnd_hover_payload::<usize>().is_some() {
                    ui.painter().hline(
                        row.response.rect.x_range(),
                        row.response.rect.top(),
                        ui.visuals().selection.stroke,
                    );
                }
                ui.label(format!("{} min", item.duration_minutes));
                ui.horizontal(|ui| {
                    // Named after the item, so a screen reader says which one moves.
                    if ui
                        .add_enabled(i > 0, egui::Button::new("↑"))
                        .on_hover_text(t.move_up)
                        .accessible_name(format!("{}: {title}", t.move_up))
                        .clicked()
                    {
                        action = Some(AgendaAction::Move { from: i, to: i - 1 });
                    }
                    if ui
                        .add_enabled(i + 1 < count, egui::Button::new("↓"))
                        .on_hover_text(t.move_down)
                        .accessible_name(format!("{}: {title}", t.move_down))
                        .clicked()
                    {
                        action = Some(AgendaAction::Move { from: i, to: i + 1 });
                    }
                    if ui
                        .button("×")
                        .on_hover_text(t.remove)
                        .accessible_name(format!("{}: {title}", t.remove))
                        .clicked()
                    {
                        action = Some(AgendaAction::Remove(i));
                    }
                });
                ui.end_row();
            }
        });
    action
}

fn apply(action: Option<AgendaAction>, meeting: &mut Meeting, state: &mut ViewState) {
    match action {
        Some(AgendaAction::Select(i)) => {
            state.agenda_item = meeting.agenda.get(i).map(|item| item.id.clone());
        }
        Some(AgendaAction::Move { from, to })
            if from < meeting.agenda.len() && to < meeting.agenda.len() =>
        {
            let item = meeting.agenda.remove(from);
            state.agenda_item = Some(item.id.clone());
            meeting.agenda.insert(to, item);
        }
        Some(AgendaAction::Remove(i)) if i < meeting.agenda.len() => {
            let removed = meeting.agenda.remove(i);
            if state.agenda_item.as_ref() == Some(&removed.id) {
                state.agenda_item = None;
            }
        }
        Some(AgendaAction::Move { .. } | AgendaAction::Remove(_)) | None => {}
    }
}

/// Alt+↑ / Alt+↓ move the selected item, unless a text field has the keyboard.
fn keyboard_reorder(ui: &egui::Ui, meeting: &mut Meeting, state: &ViewState) {
    if ui.ctx().egui_wants_keyboard_input() {
        return;
    }
    let Some(index) = state
        .agenda_item
        .as_ref()
        .and_then(|id| meeting.agenda.iter().position(|i| &i.id == id))
    else {
        return;
    };
    let (up, down) = ui.ctx().input_mut(|i| {
        (
            i.consume_key(egui::Modifiers::ALT, egui::Key::ArrowUp),
            i.consume_key(egui::Modifiers::ALT, egui::Key::ArrowDown),
        )
    });
    if up && index > 0 {
        meeting.agenda.swap(index, index - 1);
    } else if down && index + 1 < meeting.agenda.len() {
        meeting.agenda.swap(index, index + 1);
    }
}

fn totals_ui(ui: &mut egui::Ui, cx: &Cx<'_>, meeting: &Meeting) {
    let t = cx.tr();
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
}

fn item_form_ui(ui: &mut egui::Ui, cx: &Cx<'_>, meeting: &mut Meeting, state: &ViewState) {
    let t = cx.tr();
    let start_time = meeting.start_time;
    let attending: Vec<_> = meeting.attendees.iter().map(|a| a.person.clone()).collect();
    let Some(item) = meeting
        .agenda
        .iter_mut()
        .find(|i| state.agenda_item.as_ref() == Some(&i.id))
    else {
        return;
    };
    let people = sorted_people(cx.project);
    ui.add_space(8.0);
    ui.separator();
    form_ui(ui, "agenda_item_form", |ui| {
        bilingual_rows(ui, t, t.item_title, &mut item.title);
        choice_row(ui, t.kind, cx.language, &mut item.kind);
        let l = ui.label(t.duration);
        ui.add(
            egui::DragValue::new(&mut item.duration_minutes)
                .range(0..=24 * 60)
                .speed(1.0)
                .suffix(" min"),
        )
        .labelled_by(l.id);
        ui.end_row();
        let l = ui.label(t.fixed_start);
        optional_time_edit(ui, &mut item.fixed_start, start_time, l.id);
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
