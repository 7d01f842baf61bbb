//! Dates, times of day and time zones.

use chrono::{Datelike as _, NaiveDate, NaiveTime, Timelike as _};
use egui::{ComboBox, Ui};

use crate::i18n::Language;

/// A date in the interface language: `23 September 2024`, `2024年9月23日`.
pub fn date_text(language: Language, date: NaiveDate) -> String {
    let t = language.strings();
    let month = t
        .month_names
        .split(',')
        .nth(date.month0() as usize)
        .unwrap_or_default();
    t.date_format
        .replace("{d}", &date.day().to_string())
        .replace("{month}", month)
        .replace("{m}", &date.month().to_string())
        .replace("{y}", &date.year().to_string())
}

/// A date with a calendar, in the interface language (month names, weekday initials,
/// Monday first): a button showing the date opens a month to click a day in, with the
/// previous and next month and year, and Today. Returns whether the date changed.
pub fn date_edit(ui: &mut Ui, language: Language, id_salt: &str, value: &mut NaiveDate) -> bool {
    let t = language.strings();
    let button = ui
        .button(date_text(language, *value))
        .on_hover_text(t.date_pick_tip);
    let shown_id = button.id.with("month_shown");
    let mut changed = false;
    let popup = egui::Popup::from_toggle_button_response(&button)
        .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside)
        .show(|ui| {
            let first = |d: NaiveDate| d.with_day(1).unwrap_or(d);
            let mut shown: NaiveDate = ui
                .data(|d| d.get_temp(shown_id))
                .unwrap_or_else(|| first(*value));
            ui.horizontal(|ui| {
                let step =
                    |ui: &mut Ui, text: &str, tip: &str, months: i32, shown: &mut NaiveDate| {
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
                step(ui, "«", t.date_previous_year, -12, &mut shown);
                step(ui, "‹", t.date_previous_month, -1, &mut shown);
                let month = t
                    .month_names
                    .split(',')
                    .nth(shown.month0() as usize)
                    .unwrap_or_default();
                let title = if language.prefers_chinese() {
                    format!("{}年{month}", shown.year())
                } else {
                    format!("{month} {}", shown.year())
                };
                ui.add_sized(
                    [
                        crate::ui::style::CALENDAR_TITLE_WIDTH,
                        crate::ui::style::LINE_HEIGHT,
                    ],
                    egui::Label::new(egui::RichText::new(title).strong()),
                );
                step(ui, "›", t.date_next_month, 1, &mut shown);
                step(ui, "»", t.date_next_year, 12, &mut shown);
            });
            egui::Grid::new(button.id.with("days"))
                .spacing(egui::vec2(
                    crate::ui::style::space::XXS,
                    crate::ui::style::space::XXS,
                ))
                .show(ui, |ui| {
                    for initial in t.weekday_initials.split(',') {
                        ui.add_sized(
                            crate::ui::style::CALENDAR_DAY_SIZE,
                            egui::Label::new(
                                egui::RichText::new(initial)
                                    .color(crate::ui::style::weak_color(ui)),
                            ),
                        );
                    }
                    ui.end_row();
                    let lead = shown.weekday().num_days_from_monday();
                    for _ in 0..lead {
                        ui.add_sized(crate::ui::style::CALENDAR_DAY_SIZE, egui::Label::new(""));
                    }
                    let mut day = shown;
                    let mut column = lead;
                    while day.month() == shown.month() {
                        let today = day == chrono::Local::now().date_naive();
                        let mut text = egui::RichText::new(day.day().to_string());
                        if today {
                            text = text.strong();
                        }
                        let clicked = ui
                            .add_sized(
                                crate::ui::style::CALENDAR_DAY_SIZE,
                                egui::Button::selectable(day == *value, text),
                            )
                            .on_hover_text(date_text(language, day))
                            .clicked();
                        if clicked {
                            *value = day;
                            changed = true;
                            ui.close();
                        }
                        column += 1;
                        if column == 7 {
                            ui.end_row();
                            column = 0;
                        }
                        let Some(next) = day.succ_opt() else {
                            break;
                        };
                        day = next;
                    }
                });
            ui.horizontal(|ui| {
                if ui.button(t.date_today).clicked() {
                    *value = chrono::Local::now().date_naive();
                    changed = true;
                    ui.close();
                }
            });
            ui.data_mut(|d| d.insert_temp(shown_id, shown));
        });
    if popup.is_none() {
        // Closed: the next opening starts at the date's own month.
        ui.data_mut(|d| d.remove::<NaiveDate>(shown_id));
    }
    let _ = id_salt;
    changed
}

/// An optional date: a check box, then the date.
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
        if ui.checkbox(&mut on, label).changed() {
            *value = on.then_some(value.unwrap_or(default));
            changed = true;
        }
        if let Some(date) = value {
            changed |= date_edit(ui, language, id_salt, date);
        }
    });
    changed
}

/// A time of day as hours and minutes, named by `label`.
pub fn time_edit(ui: &mut Ui, value: &mut NaiveTime, label: egui::Id) -> bool {
    let mut hour = value.hour();
    let mut minute = value.minute();
    let mut changed = false;
    ui.horizontal(|ui| {
        ui.spacing_mut().item_spacing.x = crate::ui::style::space::XXS;
        changed |= ui
            .add(
                egui::DragValue::new(&mut hour)
                    .range(0..=23)
                    .custom_formatter(|n, _| format!("{n:02}")),
            )
            .labelled_by(label)
            .changed();
        ui.label(":");
        changed |= ui
            .add(
                egui::DragValue::new(&mut minute)
                    .range(0..=59)
                    .custom_formatter(|n, _| format!("{n:02}")),
            )
            .labelled_by(label)
            .changed();
    });
    if changed && let Some(t) = NaiveTime::from_hms_opt(hour, minute, 0) {
        *value = t;
    }
    changed
}

/// An optional time of day: a check box, then the time; named by `label`.
pub fn optional_time_edit(
    ui: &mut Ui,
    value: &mut Option<NaiveTime>,
    default: NaiveTime,
    label: egui::Id,
) -> bool {
    let mut on = value.is_some();
    let mut changed = false;
    ui.horizontal(|ui| {
        if ui.checkbox(&mut on, "").labelled_by(label).changed() {
            *value = on.then_some(value.unwrap_or(default));
            changed = true;
        }
        if let Some(time) = value {
            changed |= time_edit(ui, time, label);
        }
    });
    changed
}

/// A combo box of IANA time zones, named by `label`.
pub fn time_zone_combo(
    ui: &mut Ui,
    id_salt: &str,
    value: &mut chrono_tz::Tz,
    label: egui::Id,
) -> bool {
    let mut changed = false;
    ComboBox::from_id_salt(id_salt)
        .selected_text(value.name())
        .width(crate::ui::style::COMBO_WIDTH)
        .height(crate::ui::style::TALL_MENU_HEIGHT)
        .show_ui(ui, |ui| {
            for tz in chrono_tz::TZ_VARIANTS {
                changed |= ui.selectable_value(value, tz, tz.name()).changed();
            }
        })
        .response
        .labelled_by(label);
    changed
}
