//! Dates, times of day and time zones.

use chrono::{Datelike as _, NaiveDate, NaiveTime, Timelike as _};
use egui::Ui;

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

/// A time of day as hours and minutes, named by `label`. An hour over 23 typed in is
/// shown as typed, with a warning, and the time is left as it was (never clamped to 23
/// without a word).
pub fn time_edit(ui: &mut Ui, language: Language, value: &mut NaiveTime, label: egui::Id) -> bool {
    let typed = label.with("hour_as_typed");
    let mut hour = ui
        .data(|d| d.get_temp::<u32>(typed))
        .unwrap_or_else(|| value.hour());
    let mut minute = value.minute();
    let mut changed = false;
    ui.horizontal(|ui| {
        ui.spacing_mut().item_spacing.x = crate::ui::style::space::XXS;
        changed |= ui
            .add(
                // Applied on Enter, not on each key: typing `25` never passes by 02:00.
                egui::DragValue::new(&mut hour)
                    .range(0..=99)
                    .update_while_editing(false)
                    .custom_formatter(|n, _| format!("{n:02}")),
            )
            .labelled_by(label)
            .changed();
        ui.label(":");
        changed |= ui
            .add(
                egui::DragValue::new(&mut minute)
                    .range(0..=59)
                    .update_while_editing(false)
                    .custom_formatter(|n, _| format!("{n:02}")),
            )
            .labelled_by(label)
            .changed();
        if hour > 23 {
            ui.colored_label(
                crate::ui::style::warning_color(ui),
                format!(
                    "▲ {}",
                    language
                        .strings()
                        .programmes
                        .hour_out_of_range
                        .replace("{n}", &hour.to_string())
                        .replace("{time}", &value.format("%H:%M").to_string())
                ),
            );
        }
    });
    if hour > 23 {
        ui.data_mut(|d| d.insert_temp(typed, hour));
        return false;
    }
    ui.data_mut(|d| d.remove::<u32>(typed));
    if changed && let Some(t) = NaiveTime::from_hms_opt(hour, minute, 0) {
        *value = t;
    }
    changed
}

/// An optional time of day: a check box, then the time; named by `label`.
pub fn optional_time_edit(
    ui: &mut Ui,
    language: Language,
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
            changed |= time_edit(ui, language, time, label);
        }
    });
    changed
}

/// What the time-zone picker shows beside the zones: which come first, and the dates
/// whose UTC offset is shown.
#[derive(Clone, Debug)]
pub struct ZoneContext<'a> {
    /// The zones likely for this meeting (the venue's and the counterpart's countries),
    /// listed first.
    pub likely: &'a [chrono_tz::Tz],
    /// The meeting's first and last dates.
    pub dates: (NaiveDate, NaiveDate),
    /// Names in Chinese first.
    pub chinese: bool,
    /// Hint of the search field and the heading of the likely zones.
    pub search_hint: &'a str,
    /// Heading of the likely zones.
    pub likely_heading: &'a str,
    /// Heading of all the zones.
    pub all_heading: &'a str,
}

/// `UTC+02:00`, or `UTC+02:00 / +01:00` when a meeting's dates straddle a clock change.
fn offsets(tz: chrono_tz::Tz, (first, last): (NaiveDate, NaiveDate)) -> String {
    let a = crate::model::zones::utc_offset_text(tz, first);
    let b = crate::model::zones::utc_offset_text(tz, last);
    if a == b {
        a
    } else {
        format!("{a} / {}", b.trim_start_matches("UTC"))
    }
}

/// `Paris · France · Europe/Paris · UTC+02:00`, in the language asked.
fn zone_line(tz: chrono_tz::Tz, cx: &ZoneContext<'_>) -> String {
    let city = crate::model::zones::zone_city(tz, cx.chinese);
    let country = crate::model::zones::zone_names(tz)
        .map(|z| {
            if cx.chinese {
                z.country_zh
            } else {
                z.country_en
            }
        })
        .unwrap_or_default();
    let mut text = city;
    if !country.is_empty() {
        text.push_str(&format!(" · {country}"));
    }
    if text != tz.name() {
        text.push_str(&format!(" · {}", tz.name()));
    }
    text.push_str(&format!(" · {}", offsets(tz, cx.dates)));
    text
}

/// Every zone chrono-tz knows, with a folded text of its names in both languages to
/// search in: built once.
fn searchable_zones() -> &'static [(chrono_tz::Tz, String)] {
    static ZONES: std::sync::OnceLock<Vec<(chrono_tz::Tz, String)>> = std::sync::OnceLock::new();
    ZONES.get_or_init(|| {
        chrono_tz::TZ_VARIANTS
            .iter()
            .map(|tz| {
                let mut text = tz.name().replace('_', " ");
                text.push(' ');
                text.push_str(crate::model::zones::other_cities(*tz));
                if let Some(z) = crate::model::zones::zone_names(*tz) {
                    for part in [
                        z.city_en,
                        z.city_zh,
                        z.country_en,
                        z.country_zh,
                        z.country_code,
                    ] {
                        text.push(' ');
                        text.push_str(part);
                    }
                }
                (*tz, crate::model::fold_for_search(&text))
            })
            .collect()
    })
}

/// The zones matching a search, by city, country or IANA name, in English or Chinese
/// (every zone for an empty search).
pub fn matching_zones(query: &str) -> Vec<chrono_tz::Tz> {
    let query = crate::model::fold_for_search(query);
    searchable_zones()
        .iter()
        .filter(|(_, text)| query.is_empty() || text.contains(&query))
        .map(|(tz, _)| *tz)
        .collect()
}

/// A searchable time-zone picker, named by `label`: a button with the zone's city, name
/// and UTC offset for the meeting's dates; it opens a search field (city, country or zone
/// name in either language) and the list, the likely zones first.
pub fn time_zone_picker(
    ui: &mut Ui,
    id_salt: &str,
    value: &mut chrono_tz::Tz,
    label: egui::Id,
    cx: &ZoneContext<'_>,
) -> bool {
    let mut changed = false;
    let button = ui
        .add(
            egui::Button::new(format!("{} ▼", zone_line(*value, cx)))
                .min_size(egui::vec2(crate::ui::style::COMBO_WIDE_WIDTH, 0.0)),
        )
        .labelled_by(label);
    let popup_id = ui.make_persistent_id(id_salt);
    let query_id = popup_id.with("query");
    egui::Popup::from_toggle_button_response(&button)
        .id(popup_id)
        .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside)
        .width(crate::ui::style::PICKER_POPUP_WIDTH)
        .show(|ui| {
            let mut query: String = ui.data(|d| d.get_temp(query_id)).unwrap_or_default();
            // Arrows and Enter choose, Escape closes (the shared search list).
            let keys = super::search_field_ui(ui, popup_id, &mut query, cx.search_hint, true);
            // Likely zones first (only while nothing is searched), then every match.
            let mut rows: Vec<Option<chrono_tz::Tz>> = Vec::new();
            let matches = matching_zones(&query);
            if query.trim().is_empty() && !cx.likely.is_empty() {
                rows.push(None);
                rows.extend(cx.likely.iter().map(|tz| Some(*tz)));
                rows.push(None);
            }
            rows.extend(matches.into_iter().map(Some));
            let chosen = super::search_rows_ui(
                ui,
                popup_id,
                &query,
                keys,
                crate::ui::style::PICKER_LIST_HEIGHT,
                rows.len(),
                &|i| match rows.get(i).copied().flatten() {
                    Some(tz) => {
                        let mut row = super::ListRow::choice(tz, zone_line(tz, cx));
                        row.selected = *value == tz;
                        row
                    }
                    None if i == 0 => super::ListRow::heading(cx.likely_heading),
                    None => super::ListRow::heading(cx.all_heading),
                },
            );
            if let Some(tz) = chosen {
                *value = tz;
                changed = true;
                query.clear();
                ui.close();
            }
            ui.data_mut(|d| d.insert_temp(query_id, query));
        });
    changed
}
