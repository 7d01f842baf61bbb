//! A meeting's programme: its days as sections (heading, times in both zones, total and
//! warnings), each followed by its items with their times; adding, removing and
//! reordering days; moving items by drag (within and between days), buttons or Alt+↑/↓;
//! the selected day's and item's forms (in `agenda_forms_ui`), and the paste and export
//! actions.

use super::agenda_actions::{AgendaAction, apply, keyboard_reorder, step};
use super::meeting_summary::AgendaRow;
use super::style::{
    self, AGENDA_BUTTONS_WIDTH, AGENDA_DURATION_WIDTH, AGENDA_ROW_HEIGHT, AGENDA_TIME_WIDTH,
    AGENDA_TITLE_WIDTH,
};
use super::{Cx, Request, ViewState};
use crate::export::ExportLanguage;
use crate::export::agenda::AgendaFormat;
use crate::model::{AgendaItem, Bilingual, DaySummary, Meeting, MeetingId, day_mark};

/// `10:00 · 16:00 (+1)`: the venue's time, then the counterpart's, each with `(+1)` or
/// `(−1)` when it falls on another date than the day's.
pub fn format_time(
    meeting: &Meeting,
    day: chrono::NaiveDate,
    at: chrono::DateTime<chrono_tz::Tz>,
) -> String {
    let local = at.naive_local();
    let mut text = format!("{}{}", local.format("%H:%M"), day_mark(local.date(), day));
    if let Some(other) = meeting.counterpart_time(at) {
        let other = other.naive_local();
        text.push_str(&format!(
            " · {}{}",
            other.format("%H:%M"),
            day_mark(other.date(), day)
        ));
    }
    text
}

/// A date as the UI's language writes it (`Monday 4 November 2024`, `2024年11月4日 星期一`).
pub fn long_date(cx: &Cx<'_>, date: chrono::NaiveDate) -> String {
    let language = if cx.zh() {
        ExportLanguage::Zh
    } else {
        ExportLanguage::En
    };
    crate::export::text::long_date(date, language)
}

/// The agenda section of the meeting editor. Returns the meeting changed when the user
/// changed something; only the rows on screen are built.
pub fn agenda_ui(
    ui: &mut egui::Ui,
    cx: &Cx<'_>,
    id: &MeetingId,
    meeting: &Meeting,
    state: &mut ViewState,
) -> Option<Meeting> {
    if state.agenda_day >= meeting.days.len() {
        state.agenda_day = meeting.days.len().saturating_sub(1);
    }
    let mut changed = toolbar_ui(ui, cx, id, meeting, state);
    let action = rows_ui(ui, cx, meeting, state);
    let current = changed.as_ref().unwrap_or(meeting);
    if let Some(m) = apply(action, current, state) {
        changed = Some(m);
    }
    if let Some(m) = keyboard_reorder(ui, changed.as_ref().unwrap_or(meeting), state) {
        changed = Some(m);
    }
    totals_ui(ui, cx, meeting, state);
    let current = changed.as_ref().unwrap_or(meeting);
    if let Some(m) = super::agenda_forms_ui::selected_form_ui(ui, cx, current, state) {
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
    ui.horizontal_wrapped(|ui| {
        if ui
            .button(format!("+ {}", t.add_item))
            .on_hover_text(t.add_item_tip)
            .clicked()
        {
            let mut m = meeting.clone();
            let item_id = m.new_item_id();
            let day = state.agenda_day.min(m.days.len().saturating_sub(1));
            if let Some(d) = m.days.get_mut(day) {
                d.items.push(AgendaItem {
                    id: item_id.clone(),
                    title: Bilingual::default(),
                    duration_minutes: 30,
                    ..Default::default()
                });
                state.agenda_item = Some(item_id);
                changed = Some(m);
            }
        }
        if ui
            .button(format!("+ {}", t.add_day))
            .on_hover_text(t.add_day_tip)
            .clicked()
        {
            let mut m = meeting.clone();
            let day = m.next_day();
            m.days.push(day);
            state.agenda_day = m.days.len() - 1;
            state.agenda_day_open = true;
            state.agenda_item = None;
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
    crate::i18n::agenda_format(t, format)
}

/// The zones the times are given in, by city: `Times in Paris · Beijing (Shanghai)`.
fn zones_note(cx: &Cx<'_>, meeting: &Meeting) -> String {
    let zh = cx.zh();
    let name =
        |tz: chrono_tz::Tz| format!("{} ({})", crate::model::zones::zone_city(tz, zh), tz.name());
    match meeting.counterpart_time_zone {
        Some(other) => format!("{} · {}", name(meeting.time_zone), name(other)),
        None => name(meeting.time_zone),
    }
}

fn rows_ui(
    ui: &mut egui::Ui,
    cx: &Cx<'_>,
    meeting: &Meeting,
    state: &ViewState,
) -> Option<AgendaAction> {
    let t = cx.tr();
    let summary = &state.meeting_summary;
    let mut action = None;
    ui.label(
        egui::RichText::new(format!("{}: {}", t.times_in, zones_note(cx, meeting)))
            .color(style::weak_color(ui)),
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
    let rows = &summary.agenda_rows;
    let built = super::widgets::page_rows_ui(
        ui,
        "agenda_rows",
        rows.len(),
        AGENDA_ROW_HEIGHT,
        egui::Layout::left_to_right(egui::Align::Min),
        |ui, i| {
            let found = match rows.get(i) {
                Some(AgendaRow::Day(d)) => day_row_ui(ui, cx, meeting, state, *d),
                Some(AgendaRow::Item { day, item }) => {
                    let slot = summary.days.get(*day).and_then(|s| s.slots.get(*item));
                    match (meeting.days.get(*day), slot) {
                        (Some(d), Some(slot)) => d.items.get(*item).and_then(|it| {
                            item_row_ui(ui, cx, meeting, state, (*day, *item), d.date, it, slot)
                        }),
                        _ => None,
                    }
                }
                None => None,
            };
            if found.is_some() {
                action = found;
            }
        },
    );
    // Dropping a dragged item on a row moves it there (on a day's heading: to the start of
    // that day); the row it would land on is marked.
    for (i, response) in built {
        let target = match rows.get(i) {
            Some(AgendaRow::Day(d)) => (*d, 0),
            Some(AgendaRow::Item { day, item }) => (*day, *item),
            None => continue,
        };
        if let Some(from) = response.dnd_release_payload::<(usize, usize)>() {
            action = Some(AgendaAction::Move {
                from: *from,
                to: target,
            });
        }
        if response.dnd_hover_payload::<(usize, usize)>().is_some() {
            let y = if matches!(rows.get(i), Some(AgendaRow::Day(_))) {
                response.rect.bottom()
            } else {
                response.rect.top()
            };
            ui.painter()
                .hline(response.rect.x_range(), y, ui.visuals().selection.stroke);
        }
    }
    action
}

/// Width of the title column: what the time, duration and buttons leave of `available`.
fn title_width(available: f32) -> f32 {
    (available - AGENDA_TIME_WIDTH - AGENDA_DURATION_WIDTH - AGENDA_BUTTONS_WIDTH)
        .clamp(*AGENDA_TITLE_WIDTH.start(), *AGENDA_TITLE_WIDTH.end())
}

/// A line of text that can be selected and dragged, painted (a list of buttons would lay
/// out each button's parts every frame), named for screen readers by its text.
fn title_ui(
    ui: &mut egui::Ui,
    title: impl Into<egui::WidgetText>,
    name: &str,
    selected: bool,
    width: f32,
) -> egui::Response {
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
    response.widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, selected, name));
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

/// `1 day`, `2 days` (`共 2 天`).
pub fn day_count(t: &crate::i18n::Strings, n: usize) -> String {
    if n == 1 {
        t.one_day.to_owned()
    } else {
        t.days_count.replace("{n}", &n.to_string())
    }
}

/// `3 h 20 min`, `3 小时 20 分钟`.
pub fn hours_minutes(t: &crate::i18n::Strings, minutes: u64) -> String {
    t.hours_minutes
        .replace("{h}", &(minutes / 60).to_string())
        .replace("{mm}", &format!("{:02}", minutes % 60))
}

/// The heading of day `d`: number, date in the UI's language and title, then its times in
/// both zones, its total and its warnings; the move and remove buttons when selected.
fn day_row_ui(
    ui: &mut egui::Ui,
    cx: &Cx<'_>,
    meeting: &Meeting,
    state: &ViewState,
    d: usize,
) -> Option<AgendaAction> {
    let t = cx.tr();
    let day = meeting.days.get(d)?;
    let summary = state.meeting_summary.days.get(d)?;
    let mut action = None;
    let width = AGENDA_TIME_WIDTH + title_width(ui.available_width()) + AGENDA_DURATION_WIDTH;
    let selected = state.agenda_day == d && state.agenda_item.is_none() && state.agenda_day_open;
    let mut heading = format!(
        "{} · {}",
        t.day_number.replace("{n}", &(d + 1).to_string()),
        long_date(cx, day.date)
    );
    if !day.title.is_empty() {
        heading.push_str(&format!(" · {}", day.title.get(cx.zh())));
    }
    let name = t.day_number.replace("{n}", &(d + 1).to_string());
    ui.vertical(|ui| {
        let response = title_ui(
            ui,
            egui::RichText::new(&heading).strong(),
            &name,
            selected,
            width,
        )
        .on_hover_text(t.day_select_tip);
        if response.clicked() {
            action = Some(AgendaAction::SelectDay(d));
        }
        let facts = day_facts(ui, cx, meeting, d, summary);
        paint_line(ui, facts, width);
    });
    if !selected {
        return action;
    }
    let count = meeting.days.len();
    if ui
        .add_enabled(d > 0, egui::Button::new("↑"))
        .on_hover_text(t.move_day_up)
        .accessible_name(format!("{}: {name}", t.move_day_up))
        .clicked()
    {
        action = Some(AgendaAction::MoveDay(d, d - 1));
    }
    if ui
        .add_enabled(d + 1 < count, egui::Button::new("↓"))
        .on_hover_text(t.move_day_down)
        .accessible_name(format!("{}: {name}", t.move_day_down))
        .clicked()
    {
        action = Some(AgendaAction::MoveDay(d, d + 1));
    }
    if ui
        .add_enabled(count > 1, egui::Button::new("×"))
        .on_hover_text(t.remove_day_tip)
        .on_disabled_hover_text(t.remove_last_day)
        .accessible_name(format!("{}: {name}", t.remove_day))
        .clicked()
    {
        action = Some(AgendaAction::RemoveDay(d));
    }
    action
}

/// `09:00 → 12:30 · 16:00 → 19:30 · 3 h 30 min · ▲ runs past the planned end (12:00)`.
fn day_facts(
    ui: &egui::Ui,
    cx: &Cx<'_>,
    meeting: &Meeting,
    d: usize,
    s: &DaySummary,
) -> egui::RichText {
    let t = cx.tr();
    let Some(day) = meeting.days.get(d) else {
        return egui::RichText::new("");
    };
    let mut text = format!(
        "{} → {} · {}",
        format_time(meeting, day.date, s.start),
        format_time(meeting, day.date, s.end),
        hours_minutes(t, s.minutes)
    );
    if !day.venue.is_empty() {
        text.push_str(&format!(" · {}", day.venue.get(cx.zh())));
    }
    let mut warn = Vec::new();
    if s.runs_past_end {
        let planned = day
            .planned_end
            .map(|p| p.format("%H:%M").to_string())
            .unwrap_or_default();
        warn.push(format!("{} ({planned})", t.runs_past_end));
    }
    if s.past_midnight {
        warn.push(t.day_past_midnight.to_owned());
    }
    if s.too_long {
        warn.push(t.day_too_long.to_owned());
    }
    if warn.is_empty() {
        egui::RichText::new(text)
            .small()
            .color(style::weak_color(ui))
    } else {
        text.push_str(&format!(" · ▲ {}", warn.join(" · ")));
        egui::RichText::new(text)
            .small()
            .color(style::warning_color(ui))
    }
}

/// One agenda item: its time (with the gap or overlap before it), title and speakers,
/// duration, and the move and remove buttons.
#[expect(
    clippy::too_many_arguments,
    reason = "a row's parts: the day's date and the item's place come from the row"
)]
fn item_row_ui(
    ui: &mut egui::Ui,
    cx: &Cx<'_>,
    meeting: &Meeting,
    state: &ViewState,
    (d, i): (usize, usize),
    date: chrono::NaiveDate,
    item: &AgendaItem,
    slot: &crate::model::Slot,
) -> Option<AgendaAction> {
    let t = cx.tr();
    let zh = cx.zh();
    let mut action = None;
    let title_width = title_width(ui.available_width());
    ui.allocate_ui_with_layout(
        egui::vec2(AGENDA_TIME_WIDTH, AGENDA_ROW_HEIGHT),
        egui::Layout::top_down(egui::Align::Min),
        |ui| {
            ui.set_width(AGENDA_TIME_WIDTH);
            let time = format_time(meeting, date, slot.start);
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
                        egui::RichText::new(format!("+ {} {}", slot.gap_minutes, t.gap_minutes))
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
                title_ui(ui, title, title, selected, title_width).on_hover_text(t.drag_to_reorder);
            response.dnd_set_drag_payload((d, i));
            if response.clicked() {
                action = Some(AgendaAction::Select(d, i));
            }
            let speakers: Vec<String> = item
                .speakers
                .iter()
                .map(|s| {
                    let name = cx.project.person_screen_name(s, cx.zh());
                    if state.meeting_summary.attending.contains(s) {
                        name
                    } else {
                        format!("{name} ({})", t.not_attending)
                    }
                })
                .chain(
                    item.guest_speakers
                        .iter()
                        .map(|g| format!("{g} ({})", t.guest)),
                )
                .collect();
            if !speakers.is_empty() {
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
    let (up, down) = (step(meeting, (d, i), false), step(meeting, (d, i), true));
    // Named after the item, so a screen reader says which one moves.
    if ui
        .add_enabled(up.is_some(), egui::Button::new("↑"))
        .on_hover_text(t.move_up)
        .accessible_name(format!("{}: {title}", t.move_up))
        .clicked()
        && let Some(to) = up
    {
        action = Some(AgendaAction::Move { from: (d, i), to });
    }
    if ui
        .add_enabled(down.is_some(), egui::Button::new("↓"))
        .on_hover_text(t.move_down)
        .accessible_name(format!("{}: {title}", t.move_down))
        .clicked()
        && let Some(to) = down
    {
        action = Some(AgendaAction::Move { from: (d, i), to });
    }
    if ui
        .button("×")
        .on_hover_text(t.remove)
        .accessible_name(format!("{}: {title}", t.remove))
        .clicked()
    {
        action = Some(AgendaAction::Remove(d, i));
    }
    action
}

/// The whole programme's total, and the number of days.
fn totals_ui(ui: &mut egui::Ui, cx: &Cx<'_>, meeting: &Meeting, state: &ViewState) {
    let t = cx.tr();
    let summary = &state.meeting_summary;
    if meeting.item_count() == 0 {
        ui.label(egui::RichText::new(t.empty_agenda).color(style::weak_color(ui)));
        return;
    }
    ui.label(format!(
        "{}: {} · {}",
        t.total,
        hours_minutes(t, summary.agenda_minutes),
        day_count(t, meeting.days.len())
    ));
    // Each day's warnings as text a screen reader finds (the headings paint theirs).
    for (d, (day, s)) in meeting.days.iter().zip(&summary.days).enumerate() {
        let name = t.day_number.replace("{n}", &(d + 1).to_string());
        if s.runs_past_end {
            let planned = day
                .planned_end
                .map(|p| p.format("%H:%M").to_string())
                .unwrap_or_default();
            ui.colored_label(
                style::warning_color(ui),
                format!("▲ {name}: {} ({planned})", t.runs_past_end),
            );
        }
        if s.past_midnight {
            ui.colored_label(
                style::warning_color(ui),
                format!("▲ {name}: {}", t.day_past_midnight),
            );
        }
        if s.too_long {
            ui.colored_label(
                style::warning_color(ui),
                format!("▲ {name}: {}", t.day_too_long),
            );
        }
    }
}
