//! A date typed or picked: a text field that reads every form people type
//! ([`crate::model::parse_date`]) and says in place what it read or why it cannot, beside a
//! calendar that stays where it opened and jumps by month and by year.

use chrono::{Datelike as _, NaiveDate};
use egui::{Key, Ui};

use super::datetime::date_text;
use crate::i18n::{Language, Localized as _};
use crate::model::{DateInputError, parse_date};
use crate::ui::style;

/// Where the app's "today" is kept for the date fields (typed `today`, the calendar's mark).
fn today_id() -> egui::Id {
    egui::Id::unique("delegation_planner_today")
}

/// Tells the date fields which day is today (the app's one notion of it, which tests fix).
pub fn set_today(ctx: &egui::Context, today: NaiveDate) {
    ctx.data_mut(|d| d.insert_temp(today_id(), today));
}

/// The app's today, or the system's when the app did not say.
fn today(ctx: &egui::Context) -> NaiveDate {
    ctx.data(|d| d.get_temp(today_id()))
        .unwrap_or_else(|| chrono::Local::now().date_naive())
}

/// What a field holds while it is being typed in, or after a refusal.
#[derive(Clone, Debug)]
struct Typed {
    text: String,
    error: Option<DateInputError>,
}

/// A date, typed (any form [`parse_date`] reads, in place of the date shown) or picked on
/// the calendar beside it. What is typed is read on Enter or when the field loses focus;
/// Escape goes back to the date held. While typing, the date read shows beside the field
/// (`→ Monday 12 May 2025`); a text that is no date keeps the field and says why, and the
/// date held does not change. `label` names the field for screen readers and tests.
/// Returns whether the date changed.
pub fn date_field(
    ui: &mut Ui,
    language: Language,
    id_salt: &str,
    value: &mut NaiveDate,
    label: Option<egui::Id>,
) -> bool {
    let name = label.map_or(Name::Text(language.strings().date), Name::LabelledBy);
    date_field_named(ui, language, id_salt, value, name)
}

/// How a date field is named for screen readers and tests.
#[derive(Clone, Copy)]
enum Name<'a> {
    /// By the label before it in a form.
    LabelledBy(egui::Id),
    /// By this text.
    Text(&'a str),
}

fn date_field_named(
    ui: &mut Ui,
    language: Language,
    id_salt: &str,
    value: &mut NaiveDate,
    name: Name<'_>,
) -> bool {
    let t = language.strings();
    let field_id = ui.make_persistent_id(("date_field", id_salt));
    let typed_id = field_id.with("typed");
    let mut typed: Option<Typed> = ui.data(|d| d.get_temp(typed_id));
    let mut changed = false;
    ui.horizontal(|ui| {
        ui.spacing_mut().item_spacing.x = style::space::XS;
        let mut text = typed
            .as_ref()
            .map_or_else(|| date_text(language, *value), |typed| typed.text.clone());
        let refused = typed.as_ref().is_some_and(|typed| typed.error.is_some());
        let mut edit = egui::TextEdit::singleline(&mut text)
            .id(field_id)
            .desired_width(style::DATE_FIELD_WIDTH)
            .hint_text(t.first_hour.date_hint);
        if refused {
            edit = edit.text_color(style::overdue_color(ui));
        }
        let response = ui.add(edit).on_hover_text(t.first_hour.date_field_tip);
        let response = match name {
            Name::LabelledBy(label) => response.labelled_by(label),
            Name::Text(text) => response.accessible_name(text),
        };
        if response.gained_focus() {
            // Typing replaces the date shown.
            if let Some(mut state) = egui::TextEdit::load_state(ui.ctx(), field_id) {
                state
                    .cursor
                    .set_char_range(Some(egui::text::CCursorRange::select_all_str(&text)));
                state.store(ui.ctx(), field_id);
            }
        }
        if response.changed() {
            typed = Some(Typed {
                text: text.clone(),
                error: None,
            });
        }
        if response.lost_focus() {
            if ui.input(|i| i.key_pressed(Key::Escape)) {
                typed = None;
            } else if typed.is_some() {
                match parse_date(&text, *value, today(ui.ctx())) {
                    Ok(date) => {
                        changed = date != *value;
                        *value = date;
                        typed = None;
                    }
                    // Emptied: the date held stays (a date field always holds one).
                    Err(DateInputError::Empty) => typed = None,
                    Err(error) => {
                        typed = Some(Typed {
                            text: text.clone(),
                            error: Some(error),
                        });
                        if ui.input(|i| i.key_pressed(Key::Enter)) {
                            // Enter on a refused date keeps the keyboard here (a dialog's
                            // default button must not take the old date).
                            response.request_focus();
                        }
                    }
                }
            }
        }
        if calendar_ui(ui, language, field_id, value) {
            changed = true;
            typed = None;
        }
        note_ui(ui, language, &typed, *value, response.has_focus());
    });
    ui.data_mut(|d| match &typed {
        Some(typed) => {
            d.insert_temp(typed_id, typed.clone());
        }
        None => d.remove::<Typed>(typed_id),
    });
    changed
}

/// Beside the field: the date being typed, as it will be read, or why it is refused.
fn note_ui(
    ui: &mut Ui,
    language: Language,
    typed: &Option<Typed>,
    value: NaiveDate,
    focused: bool,
) {
    let t = language.strings();
    let Some(typed) = typed else {
        return;
    };
    match &typed.error {
        Some(error) => {
            ui.colored_label(
                style::overdue_color(ui),
                format!("▲ {}", error.localized(language)),
            );
        }
        None if focused => {
            if let Ok(date) = parse_date(&typed.text, value, today(ui.ctx())) {
                let words = crate::i18n::dates::long_date(language, date);
                ui.colored_label(
                    style::weak_color(ui),
                    t.first_hour.date_reads_as.replace("{date}", &words),
                );
            }
        }
        None => {}
    }
}

/// The calendar button and its popup. The popup opens below the button when a six-week
/// month fits there, else above, and stays on that side whatever month is shown (every
/// month takes six rows). Returns whether a day was picked.
fn calendar_ui(ui: &mut Ui, language: Language, field_id: egui::Id, value: &mut NaiveDate) -> bool {
    let t = language.strings();
    let button = ui
        .add(egui::Button::new("▼").small())
        .on_hover_text(t.date_pick_tip)
        .accessible_name(t.first_hour.calendar_button);
    let popup_id = field_id.with("calendar");
    let shown_id = field_id.with("month_shown");
    let below_id = field_id.with("opens_below");
    let was_open = egui::Popup::is_id_open(ui.ctx(), popup_id);
    if button.clicked() && !was_open {
        let room_below = ui.ctx().content_rect().bottom() - button.rect.bottom();
        ui.data_mut(|d| d.insert_temp(below_id, room_below >= style::CALENDAR_POPUP_HEIGHT));
    }
    let below: bool = ui.data(|d| d.get_temp(below_id)).unwrap_or(true);
    let align = if below {
        egui::RectAlign::BOTTOM_START
    } else {
        egui::RectAlign::TOP_START
    };
    let mut picked = false;
    let popup = egui::Popup::from_toggle_button_response(&button)
        .id(popup_id)
        .align(align)
        .align_alternatives(&[])
        .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside)
        .show(|ui| {
            let first = |d: NaiveDate| d.with_day(1).unwrap_or(d);
            let mut shown: NaiveDate = ui
                .data(|d| d.get_temp(shown_id))
                .unwrap_or_else(|| first(*value));
            header_ui(ui, language, &mut shown);
            months_ui(ui, language, field_id, &mut shown);
            if days_ui(ui, language, field_id, shown, value) {
                picked = true;
                ui.close();
            }
            ui.horizontal(|ui| {
                if ui.button(t.date_today).clicked() {
                    *value = today(ui.ctx());
                    picked = true;
                    ui.close();
                }
            });
            ui.data_mut(|d| d.insert_temp(shown_id, shown));
        });
    if popup.is_none() {
        // Closed: the next opening starts at the date's own month.
        ui.data_mut(|d| d.remove::<NaiveDate>(shown_id));
    }
    picked
}

/// `«  ‹  May 2025  ›  »`: a year back, a month back, the month shown, a month and a year on.
fn header_ui(ui: &mut Ui, language: Language, shown: &mut NaiveDate) {
    let t = language.strings();
    ui.horizontal(|ui| {
        let step = |ui: &mut Ui, text: &str, tip: &str, months: i32, shown: &mut NaiveDate| {
            if ui.small_button(text).on_hover_text(tip).clicked() {
                let moved = if months < 0 {
                    shown.checked_sub_months(chrono::Months::new(months.unsigned_abs()))
                } else {
                    shown.checked_add_months(chrono::Months::new(months.unsigned_abs()))
                };
                if let Some(moved) = moved {
                    *shown = moved;
                }
            }
        };
        step(ui, "«", t.date_previous_year, -12, shown);
        step(ui, "‹", t.date_previous_month, -1, shown);
        let month = crate::i18n::dates::month_name(language, shown.month());
        let title = if language.prefers_chinese() {
            format!("{}年{month}", shown.year())
        } else {
            format!("{month} {}", shown.year())
        };
        ui.add_sized(
            [style::CALENDAR_TITLE_WIDTH, style::LINE_HEIGHT],
            egui::Label::new(egui::RichText::new(title).strong()),
        );
        step(ui, "›", t.date_next_month, 1, shown);
        step(ui, "»", t.date_next_year, 12, shown);
    });
}

/// The twelve months of the year shown, two rows of six: one click to any of them.
fn months_ui(ui: &mut Ui, language: Language, field_id: egui::Id, shown: &mut NaiveDate) {
    let t = language.strings();
    let names: Vec<&str> = t.first_hour.month_short.split(',').collect();
    egui::Grid::new(field_id.with("months"))
        .spacing(egui::vec2(style::space::XXS, style::space::XXS))
        .show(ui, |ui| {
            for (m, name) in (1u32..=12).zip(names) {
                let here = shown.month() == m;
                let button =
                    egui::Button::selectable(here, name).min_size(style::CALENDAR_MONTH_SIZE);
                if ui
                    .add(button)
                    .on_hover_text(t.first_hour.calendar_jump_month)
                    .clicked()
                    && let Some(moved) = shown.with_month(m)
                {
                    *shown = moved;
                }
                if m % 6 == 0 {
                    ui.end_row();
                }
            }
        });
}

/// The weeks of the month shown, Monday first, always six rows (a month that needs fewer
/// leaves the last empty), so the calendar never changes size. Returns whether a day was
/// picked.
fn days_ui(
    ui: &mut Ui,
    language: Language,
    field_id: egui::Id,
    shown: NaiveDate,
    value: &mut NaiveDate,
) -> bool {
    let t = language.strings();
    let today = today(ui.ctx());
    let mut picked = false;
    egui::Grid::new(field_id.with("days"))
        .spacing(egui::vec2(style::space::XXS, style::space::XXS))
        .show(ui, |ui| {
            for initial in t.weekday_initials.split(',') {
                ui.add_sized(
                    style::CALENDAR_DAY_SIZE,
                    egui::Label::new(egui::RichText::new(initial).color(style::weak_color(ui))),
                );
            }
            ui.end_row();
            let lead = shown.weekday().num_days_from_monday();
            let Some(start) = shown.checked_sub_days(chrono::Days::new(u64::from(lead))) else {
                return;
            };
            for cell in 0u64..42 {
                let Some(day) = start.checked_add_days(chrono::Days::new(cell)) else {
                    break;
                };
                if day.month() == shown.month() {
                    let mut text = egui::RichText::new(day.day().to_string());
                    if day == today {
                        text = text.strong().underline();
                    }
                    let clicked = ui
                        .add_sized(
                            style::CALENDAR_DAY_SIZE,
                            egui::Button::selectable(day == *value, text),
                        )
                        .on_hover_text(crate::i18n::dates::long_date(language, day))
                        .clicked();
                    if clicked {
                        *value = day;
                        picked = true;
                    }
                } else {
                    ui.add_sized(style::CALENDAR_DAY_SIZE, egui::Label::new(""));
                }
                if cell % 7 == 6 {
                    ui.end_row();
                }
            }
        });
    picked
}

/// A date field named by the label before it in a form; see [`date_field`].
pub fn date_edit(ui: &mut Ui, language: Language, id_salt: &str, value: &mut NaiveDate) -> bool {
    date_field(ui, language, id_salt, value, None)
}

/// An optional date: a check box, then the date field (named by the check box).
pub fn optional_date_edit(
    ui: &mut Ui,
    language: Language,
    id_salt: &str,
    label: &str,
    value: &mut Option<NaiveDate>,
    default: NaiveDate,
) -> bool {
    let mut on = value.is_some();
    let mut changed = false;
    ui.horizontal(|ui| {
        let check = ui.checkbox(&mut on, label);
        if check.changed() {
            *value = on.then_some(value.unwrap_or(default));
            changed = true;
        }
        if let Some(date) = value {
            // Named apart from its check box (`Has a due date · Date`), which keeps its own
            // name for screen readers and tests.
            let name = format!("{label} · {}", language.strings().date);
            changed |= date_field_named(ui, language, id_salt, date, Name::Text(&name));
        }
    });
    changed
}
