//! Dates, times of day and time zones.

use chrono::{NaiveDate, NaiveTime, Timelike as _};
use egui::{ComboBox, Ui};

/// A date with a calendar button.
pub fn date_edit(ui: &mut Ui, id_salt: &str, value: &mut NaiveDate) -> bool {
    use chrono::Datelike as _;
    // The date picker speaks jiff; the model speaks chrono. Both are proleptic Gregorian.
    let to_jiff = |d: NaiveDate| {
        let year = i16::try_from(d.year()).ok()?;
        let month = i8::try_from(d.month()).ok()?;
        let day = i8::try_from(d.day()).ok()?;
        jiff::civil::Date::new(year, month, day).ok()
    };
    let Some(mut date) = to_jiff(*value) else {
        ui.label(value.to_string());
        return false;
    };
    let before = date;
    ui.add(
        egui_extras::DatePickerButton::new(&mut date)
            .id_salt(id_salt)
            .show_icon(false)
            .calendar_week(false),
    );
    if date == before {
        return false;
    }
    match NaiveDate::from_ymd_opt(
        i32::from(date.year()),
        u32::try_from(date.month()).unwrap_or(1),
        u32::try_from(date.day()).unwrap_or(1),
    ) {
        Some(new) => {
            *value = new;
            true
        }
        None => false,
    }
}

/// An optional date: a check box, then the date.
pub fn optional_date_edit(
    ui: &mut Ui,
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
            changed |= date_edit(ui, id_salt, date);
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
