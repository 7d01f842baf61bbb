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

/// The project's own personal fields (`Place of birth`, `Visa type`): name in both
/// languages, kind, the placeholder a template names it by; add and remove.
pub fn custom_fields_ui(ui: &mut egui::Ui, cx: &mut super::Cx<'_>) {
    let strings = cx.tr();
    let t = strings.letters;
    let zh = cx.zh();
    let mut fields = cx.project.personal_fields.clone();
    ui.strong(t.custom_fields);
    ui.label(
        egui::RichText::new(t.custom_fields_hint)
            .small()
            .color(super::style::weak_color(ui)),
    );
    let mut remove = None;
    egui::Grid::new("custom_fields")
        .num_columns(5)
        .spacing(super::style::FORM_SPACING)
        .show(ui, |ui| {
            let (mut kind_label, mut en_label, mut zh_label) =
                (egui::Id::NULL, egui::Id::NULL, egui::Id::NULL);
            if !fields.is_empty() {
                en_label = ui
                    .label(super::widgets::in_language(strings, t.field_name, false))
                    .id;
                zh_label = ui
                    .label(super::widgets::in_language(strings, t.field_name, true))
                    .id;
                kind_label = ui.label(t.field_kind).id;
                ui.label(t.placeholder);
                ui.label("");
                ui.end_row();
            }
            for (i, field) in fields.iter_mut().enumerate() {
                ui.add(egui::TextEdit::singleline(&mut field.name.en).desired_width(180.0))
                    .labelled_by(en_label);
                ui.add(egui::TextEdit::singleline(&mut field.name.zh).desired_width(140.0))
                    .labelled_by(zh_label);
                super::widgets::choice_combo(
                    ui,
                    &format!("custom_field_kind_{i}"),
                    cx.language,
                    &mut field.kind,
                    kind_label,
                );
                ui.monospace(format!("{{{{{}}}}}", field.key));
                if ui.small_button(strings.delete).clicked() {
                    remove = Some(i);
                }
                ui.end_row();
            }
        });
    if let Some(i) = remove {
        fields.remove(i);
    }
    // A field nobody has filled yet takes its placeholder from its English name as it is
    // typed (`Place of birth` → `{{place_of_birth}}`); once used, its key stays.
    for i in 0..fields.len() {
        let Some(field) = fields.get(i) else {
            continue;
        };
        let used = cx
            .project
            .people
            .values()
            .any(|p| p.personal.custom.contains_key(&field.key));
        if used || field.name.en.trim().is_empty() {
            continue;
        }
        let taken: Vec<&str> = fields
            .iter()
            .enumerate()
            .filter(|(j, _)| *j != i)
            .map(|(_, f)| f.key.as_str())
            .collect();
        let key = crate::model::custom_field_key(&field.name.en, &taken);
        if let Some(field) = fields.get_mut(i) {
            field.key = key;
        }
    }
    if ui.button(t.add_custom_field).clicked() {
        let taken: Vec<&str> = fields.iter().map(|f| f.key.as_str()).collect();
        let name = if zh { "新字段" } else { "New field" };
        let key = crate::model::custom_field_key("field", &taken);
        fields.push(crate::model::CustomField {
            key,
            name: if zh {
                crate::model::Bilingual::new("", name)
            } else {
                crate::model::Bilingual::en(name)
            },
            kind: CustomFieldKind::Text,
        });
    }
    if fields != cx.project.personal_fields {
        cx.edit(
            ui,
            "project/personal_fields",
            crate::document::Edit::SetPersonalFields(fields),
        );
    }
}

/// What the letters of a meeting say of the visit: purpose, arrival and departure, who
/// pays, where the guests stay, who signs.
pub fn letter_details_ui(
    ui: &mut egui::Ui,
    cx: &super::Cx<'_>,
    meeting: &mut crate::model::Meeting,
) {
    use super::widgets::{bilingual_multiline_rows, bilingual_rows, form_ui};
    let strings = cx.tr();
    let t = strings.letters;
    ui.label(
        egui::RichText::new(t.letter_details_hint)
            .small()
            .color(super::style::weak_color(ui)),
    );
    let letter = &mut meeting.letter;
    form_ui(ui, "letter_details_form", |ui| {
        bilingual_rows(ui, strings, t.purpose, &mut letter.purpose);
        date_row(
            ui,
            strings,
            t.arrival,
            "letter/arrival",
            DateKind::Expiry,
            &mut letter.arrival,
        );
        date_row(
            ui,
            strings,
            t.departure,
            "letter/departure",
            DateKind::Expiry,
            &mut letter.departure,
        );
        bilingual_multiline_rows(ui, strings, t.costs, &mut letter.costs);
        bilingual_rows(ui, strings, t.accommodation, &mut letter.accommodation);
        bilingual_rows(ui, strings, t.signatory, &mut letter.signatory);
        bilingual_rows(ui, strings, t.signatory_title, &mut letter.signatory_title);
    });
}
