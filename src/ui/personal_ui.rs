//! The personal data of a person on their page: gender, date of birth, nationality,
//! passport and the project's custom fields, under a heading that says what they are.

use chrono::NaiveDate;

use super::widgets::{choice_row, text_row};
use crate::import::personal_dates::{DateKind, parse_personal_date};
use crate::model::{CustomFieldKind, Person, Project};

/// The rows of the personal data in the person's form (a grid of two columns).
pub fn personal_rows(
    ui: &mut egui::Ui,
    project: &Project,
    language: crate::i18n::Language,
    id_salt: &str,
    person: &mut Person,
) {
    let strings = language.strings();
    let t = strings.letters;
    let zh = language.prefers_chinese();
    ui.label(egui::RichText::new(t.personal_data).strong())
        .on_hover_text(t.personal_data_tip);
    ui.label(
        egui::RichText::new(t.personal_data_note)
            .small()
            .color(super::style::weak_color(ui)),
    );
    ui.end_row();
    let data = &mut person.personal;
    choice_row(ui, t.gender, language, &mut data.gender);
    date_row(
        ui,
        strings,
        t.date_of_birth,
        &format!("{id_salt}/dob"),
        DateKind::Birth,
        &mut data.date_of_birth,
    );
    text_row(ui, t.nationality, &mut data.nationality);
    text_row(ui, t.passport_number, &mut data.passport_number);
    date_row(
        ui,
        strings,
        t.passport_expiry,
        &format!("{id_salt}/expiry"),
        DateKind::Expiry,
        &mut data.passport_expiry,
    );
    for field in &project.personal_fields {
        let label = field.name.get(zh);
        let label = if label.trim().is_empty() {
            field.key.as_str()
        } else {
            label
        };
        let mut value = data.custom.get(&field.key).cloned().unwrap_or_default();
        let changed = match field.kind {
            CustomFieldKind::Date => {
                let mut date = value.trim().parse::<NaiveDate>().ok();
                let changed = date_row(
                    ui,
                    strings,
                    label,
                    &format!("{id_salt}/custom/{}", field.key),
                    DateKind::Expiry,
                    &mut date,
                );
                if changed {
                    value = date.map(|d| d.to_string()).unwrap_or_default();
                }
                changed
            }
            CustomFieldKind::Text | CustomFieldKind::Number => text_row(ui, label, &mut value),
        };
        if changed {
            if value.trim().is_empty() {
                data.custom.remove(&field.key);
            } else {
                data.custom.insert(field.key.clone(), value);
            }
        }
    }
}

/// A date typed as people write it (`1985-03-12`, `12/03/1985`, `1985年3月12日`): the
/// text is kept while typing, the date taken once it reads as one, shown back as
/// `YYYY-MM-DD`. Returns whether the date changed.
pub fn date_row(
    ui: &mut egui::Ui,
    strings: &crate::i18n::Strings,
    label: &str,
    id_salt: &str,
    kind: DateKind,
    value: &mut Option<NaiveDate>,
) -> bool {
    let t = strings.letters;
    let l = ui.label(label);
    let id = egui::Id::unique(id_salt);
    let shown = value.map(|d| d.to_string()).unwrap_or_default();
    let mut text: String = ui.data(|d| d.get_temp(id)).unwrap_or_else(|| shown.clone());
    let mut changed = false;
    ui.horizontal(|ui| {
        let response = ui
            .add(
                egui::TextEdit::singleline(&mut text)
                    .hint_text("YYYY-MM-DD")
                    .desired_width(160.0),
            )
            .labelled_by(l.id);
        let parsed = parse_personal_date(&text, kind).map(|r| r.date);
        if response.changed() {
            if text.trim().is_empty() {
                changed = value.is_some();
                *value = None;
            } else if let Some(date) = parsed
                && Some(date) != *value
            {
                *value = Some(date);
                changed = true;
            }
        }
        if !text.trim().is_empty() && parsed.is_none() {
            ui.colored_label(super::style::warning_color(ui), "▲")
                .on_hover_text(t.date_not_read);
        }
        if response.has_focus() {
            ui.data_mut(|d| d.insert_temp(id, text.clone()));
        } else {
            ui.data_mut(|d| d.remove::<String>(id));
        }
    });
    ui.end_row();
    changed
}
