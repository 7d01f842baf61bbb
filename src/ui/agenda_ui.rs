//! A meeting's agenda: items with computed times in both time zones, gaps and overlaps,
//! reordering by drag, buttons or Alt+↑/↓, the selected item's form, and the paste and
//! export actions.

use super::style::{
    self, AGENDA_BUTTONS_WIDTH, AGENDA_DURATION_WIDTH, AGENDA_ROW_HEIGHT, AGENDA_TIME_WIDTH,
    AGENDA_TITLE_WIDTH, AGENDA_VISIBLE_ROWS,
};
use super::widgets::{bilingual_rows, choice_row, form_ui, multiline_row, optional_time_edit};
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

/// The agenda section of the meeting editor. Returns the meeting changed when the user
/// changed something; only the items on screen are built.
pub fn agenda_ui(
    ui: &mut egui::Ui,
    cx: &Cx<'_>,
    id: &MeetingId,
    meeting: &Meeting,
    state: &mut ViewState,
) -> Option<Meeting> {
    let t = cx.tr();
    let mut changed = toolbar_ui(ui, cx, id, meeting, state);
    if meeting.agenda.is_empty() {
        ui.label(egui::RichText::new(t.empty_agenda).color(style::weak_color(ui)));
    } else {
        let action = items_ui(ui, cx, meeting, state);
        if let Some(m) = apply(action, changed.as_ref().unwrap_or(meeting), state) {
            changed = Some(m);
        }
        if let Some(m) = keyboard_reorder(ui, changed.as_ref().unwrap_or(meeting), state) {
            changed = Some(m);
        }
        totals_ui(ui, cx, meeting, state);
    }
    if let Some(m) = item_form_ui(ui, cx, changed.as_ref().unwrap_or(meeting), state) {
        changed = Some(m);
    }
    changed
}

fn toolbar_ui(
    ui: &mut egui::Ui,
    cx: &Cx<'_>,
    id: &MeetingId,
    meeting: &Meeting,
    state: &mut ViewState,
) -> Option<Meeting> {
    let t = cx.tr();
    let mut changed = None;
    ui.horizontal(|ui| {
        if ui.button(format!("+ {}", t.add_item)).clicked() {
            let mut m = meeting.clone();
            let item_id = m.new_item_id();
            m.agenda.push(AgendaItem {
                id: item_id.clone(),
                title: Bilingual::default(),
                duration_minutes: 30,
                ..Default::default()
            });
            state.agenda_item = Some(item_id);
            changed = Some(m);
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
            let mut m = meeting.clone();
            let item = crate::model::followup::add_review_item(cx.project, id, &mut m);
            state.agenda_item = Some(item);
            changed = Some(m);
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
    changed
}

/// The menu label of an export format.
pub fn format_label(t: &crate::i18n::Strings, format: AgendaFormat) -> &'static str {
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
    let summary = &state.meeting_summary;
    let mut action = None;
    let count = meeting.agenda.len();
    let tz_note = match meeting.counterpart_time_zone {
        Some(other) => format!("{} · {}", meeting.time_zone.name(), other.name()),
        None => meeting.time_zone.name().to_owned(),
    };
    ui.label(
        egui::RichText::new(format!("{}: {tz_note}", t.times_in)).color(style::weak_color(ui)),
    );
    ui.horizontal(|ui| {
        let title_width = title_width(ui.available_width());
        for (text, width) in [(t.col_time, AGENDA_TIME_WIDTH), (t.item_title, title_width)] {
            ui.allocate_ui_with_layout(
                egui::vec2(width, style::LINE_HEIGHT),
                egui::Layout::left_to_right(egui::Align::Center),
                |ui| {
                    ui.set_width(width);
                    ui.strong(text);
                },
            );
        }
        ui.strong(t.col_duration);
    });
    let rows = super::widgets::nested_rows_ui(
        ui,
        "agenda_rows",
        count,
        AGENDA_ROW_HEIGHT,
        AGENDA_VISIBLE_ROWS,
        egui::Layout::left_to_right(egui::Align::Min),
        |ui, i| {
            if let (Some(item), Some(slot)) = (meeting.agenda.get(i), summary.schedule.get(i))
                && let Some(a) = item_row_ui(ui, cx, meeting, state, i, item, slot)
            {
                action = Some(a);
            }
        },
    );
    // Dropping a dragged item on a row moves it there; the row it would land on is marked.
    for (i, response) in rows {
        if let Some(from) = response.dnd_release_payload::<usize>() {
            action = Some(AgendaAction::Move { from: *from, to: i });
        }
        if response.dnd_hover_payload::<usize>().is_some() {
            ui.painter().hline(
                response.rect.x_range(),
                response.rect.top(),
                ui.visuals().selection.stroke,
            );
        }
    }
    action
}

/// Width of the title column: what the time, duration and buttons leave of `available`.
fn title_width(available: f32) -> f32 {
    (available - AGENDA_TIME_WIDTH - AGENDA_DURATION_WIDTH - AGENDA_BUTTONS_WIDTH)
        .clamp(*AGENDA_TITLE_WIDTH.start(), *AGENDA_TITLE_WIDTH.end())
}

/// The title of an item: selectable, draggable, painted (a list of buttons would lay out
/// each button's parts every frame), named for screen readers by the title.
fn title_ui(ui: &mut egui::Ui, title: &str, selected: bool, width: f32) -> egui::Response {
    let height = ui.spacing().interact_size.y;
    let (rect, response) =
        ui.allocate_exact_size(egui::vec2(width, height), egui::Sense::click_and_drag());
    let visuals = ui.visuals();
    let (fill, color) = if selected {
        (
            Some(visuals.selection.bg_fill),
            visuals.selection.stroke.color,
        )
    } else if response.hovered() {
        (
            Some(visuals.widgets.hovered.weak_bg_fill),
            visuals.strong_text_color(),
        )
    } else {
        (None, visuals.text_color())
    };
    if let Some(fill) = fill {
        ui.painter().rect_filled(rect, style::ROW_ROUNDING, fill);
    }
    let padding = ui.spacing().button_padding.x;
    let text_rect = rect.shrink2(egui::vec2(padding, 0.0));
    super::widgets::paint_line_in(ui, text_rect, title, egui::TextStyle::Button, color);
    response.widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, selected, title));
    response
}

/// One line of text painted at the cursor, `width` wide (cut with "…"), taking its space
/// in the layout but creating no widget.
fn paint_line(ui: &mut egui::Ui, text: egui::RichText, width: f32) {
    let galley = super::widgets::line_galley(ui, text, width, egui::TextStyle::Body);
    let size = egui::vec2(width, galley.size().y);
    let rect = ui.allocate_space(size).1;
    let color = ui.visuals().text_color();
    ui.painter().galley(rect.min, galley, color);
}

/// One agenda item: its time (with the gap or overlap before it), title and speakers,
/// duration, and the move and remove buttons.
fn item_row_ui(
    ui: &mut egui::Ui,
    cx: &Cx<'_>,
    meeting: &Meeting,
    state: &ViewState,
    i: usize,
    item: &AgendaItem,
    slot: &crate::model::Slot,
) -> Option<AgendaAction> {
    let t = cx.tr();
    let zh = cx.zh();
    let count = meeting.agenda.len();
    let mut action = None;
    let title_width = title_width(ui.available_width());
    ui.allocate_ui_with_layout(
        egui::vec2(AGENDA_TIME_WIDTH, AGENDA_ROW_HEIGHT),
        egui::Layout::top_down(egui::Align::Min),
        |ui| {
            ui.set_width(AGENDA_TIME_WIDTH);
            let time = format_time(meeting, slot.start);
            if slot.gap_minutes < 0 {
                ui.colored_label(style::warning_color(ui), time);
                ui.colored_label(
                    style::warning_color(ui),
                    egui::RichText::new(format!("▲ {} {}", -slot.gap_minutes, t.overlap_minutes))
                        .small(),
                );
            } else {
                ui.label(time);
                if slot.gap_minutes > 0 {
                    ui.label(
                        egui::RichText::new(format!("┄ {} {} ┄", slot.gap_minutes, t.gap_minutes))
                            .small()
                            .color(style::weak_color(ui)),
                    );
                }
            }
        },
    );
    let title = item.title.get(zh);
    let title = if title.is_empty() { t.new_item } else { title };
    let selected = state.agenda_item.as_ref() == Some(&item.id);
    ui.allocate_ui_with_layout(
        egui::vec2(title_width, AGENDA_ROW_HEIGHT),
        egui::Layout::top_down(egui::Align::Min),
        |ui| {
            ui.set_width(title_width);
            ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
            let response =
                title_ui(ui, title, selected, title_width).on_hover_text(t.drag_to_reorder);
            response.dnd_set_drag_payload(i);
            if response.clicked() {
                action = Some(AgendaAction::Select(i));
            }
            if !item.speakers.is_empty() {
                let speakers: Vec<String> = item
                    .speakers
                    .iter()
                    .map(|s| {
                        let name = cx.project.person_name(s);
                        if state.meeting_summary.attending.contains(s) {
                            name
                        } else {
                            format!("{name} ({})", t.not_attending)
                        }
                    })
                    .collect();
                // Painted, not a widget: read-only text in a list costs less as a shape.
                paint_line(
                    ui,
                    egui::RichText::new(speakers.join(", "))
                        .small()
                        .color(style::weak_color(ui)),
                    title_width,
                );
            }
        },
    );
    paint_line(
        ui,
        egui::RichText::new(format!("{} {}", item.duration_minutes, cx.tr().unit_min)),
        AGENDA_DURATION_WIDTH,
    );
    // The selected item carries the move and remove buttons (the other rows stay light:
    // a click selects one, and Alt+↑/↓ moves it from the keyboard).
    if !selected {
        return action;
    }
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
    action
}

/// Carries out a click in the list; returns the meeting when the agenda changed.
fn apply(
    action: Option<AgendaAction>,
    meeting: &Meeting,
    state: &mut ViewState,
) -> Option<Meeting> {
    match action {
        Some(AgendaAction::Select(i)) => {
            state.agenda_item = meeting.agenda.get(i).map(|item| item.id.clone());
            None
        }
        Some(AgendaAction::Move { from, to })
            if from < meeting.agenda.len() && to < meeting.agenda.len() && from != to =>
        {
            let mut m = meeting.clone();
            let item = m.agenda.remove(from);
            state.agenda_item = Some(item.id.clone());
            m.agenda.insert(to, item);
            Some(m)
        }
        Some(AgendaAction::Remove(i)) if i < meeting.agenda.len() => {
            let mut m = meeting.clone();
            let removed = m.agenda.remove(i);
            if state.agenda_item.as_ref() == Some(&removed.id) {
                state.agenda_item = None;
            }
            Some(m)
        }
        Some(AgendaAction::Move { .. } | AgendaAction::Remove(_)) | None => None,
    }
}

/// Alt+↑ / Alt+↓ move the selected item, unless a text field has the keyboard.
fn keyboard_reorder(ui: &egui::Ui, meeting: &Meeting, state: &ViewState) -> Option<Meeting> {
    if ui.ctx().egui_wants_keyboard_input() {
        return None;
    }
    let index = state
        .agenda_item
        .as_ref()
        .and_then(|id| meeting.agenda.iter().position(|i| &i.id == id))?;
    let (up, down) = ui.ctx().input_mut(|i| {
        (
            i.consume_key(egui::Modifiers::ALT, egui::Key::ArrowUp),
            i.consume_key(egui::Modifiers::ALT, egui::Key::ArrowDown),
        )
    });
    let to = if up && index > 0 {
        index - 1
    } else if down && index + 1 < meeting.agenda.len() {
        index + 1
    } else {
        return None;
    };
    let mut m = meeting.clone();
    m.agenda.swap(index, to);
    Some(m)
}

fn totals_ui(ui: &mut egui::Ui, cx: &Cx<'_>, meeting: &Meeting, state: &ViewState) {
    let t = cx.tr();
    let summary = &state.meeting_summary;
    let total = summary.agenda_minutes;
    let end = summary
        .agenda_end
        .map(|end| format_time(meeting, end))
        .unwrap_or_default();
    ui.horizontal(|ui| {
        ui.label(format!(
            "{}: {} h {:02} {} → {end}",
            t.total,
            total / 60,
            total % 60,
            t.unit_min,
        ));
        if summary.runs_past_end {
            ui.colored_label(style::warning_color(ui), format!("▲ {}", t.runs_past_end));
        }
    });
}

/// The form of the selected item; returns the meeting when the item changed.
fn item_form_ui(
    ui: &mut egui::Ui,
    cx: &Cx<'_>,
    meeting: &Meeting,
    state: &mut ViewState,
) -> Option<Meeting> {
    let t = cx.tr();
    let start_time = meeting.start_time;
    let index = state
        .agenda_item
        .as_ref()
        .and_then(|id| meeting.agenda.iter().position(|i| &i.id == id))?;
    let original = meeting.agenda.get(index)?;
    let mut item = original.clone();
    ui.add_space(style::space::M);
    ui.separator();
    let attending = &state.meeting_summary.attending;
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
        optional_time_edit(ui, &mut item.fixed_start, start_time, l.id);
        ui.end_row();
        ui.label(t.speakers);
        ui.vertical(|ui| {
            let mut remove = None;
            for (k, speaker) in item.speakers.iter_mut().enumerate() {
                ui.horizontal(|ui| {
                    let name = cx.project.person_name(speaker);
                    if let Some(chosen) = picker.show(
                        ui,
                        &format!("speaker_{k}"),
                        cx,
                        &name,
                        &format!("{} {}", t.speakers, k + 1),
                        t.search_people,
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
            // A new speaker starts as the first attendee who is not speaking yet.
            let next = meeting
                .attendees
                .iter()
                .map(|a| &a.person)
                .find(|p| !item.speakers.contains(p))
                .or_else(|| cx.project.people.keys().next());
            if let Some(next) = next
                && ui.button(format!("+ {}", t.add_speaker)).clicked()
            {
                item.speakers.push(next.clone());
            }
        });
        ui.end_row();
        multiline_row(ui, t, t.notes, &mut item.notes);
    });
    if &item == original {
        return None;
    }
    let mut m = meeting.clone();
    if let Some(slot) = m.agenda.get_mut(index) {
        *slot = item;
    }
    Some(m)
}
