//! The attendee-list import: paste text or open a CSV, map its columns, correct the
//! preview field by field, then add everything as one undo step.

use crate::app::{DelegationApp, Dialog, FileKind, Picked};
use crate::import::attendees::{
    CsvTable, Field, OrganisationRef, ParsedPerson, build_edit, guess_mapping, read_csv,
    rows_to_people,
};
use crate::model::{Choice, Honorific, MeetingId, NameOrder};

/// The state of an open import.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImportState {
    /// The meeting the list is for, if any.
    pub meeting: Option<MeetingId>,
    /// Whether to add the people to that meeting's attendance.
    pub add_to_meeting: bool,
    /// The pasted text.
    pub text: String,
    /// The text the preview was made from (a change re-parses).
    pub parsed_text: String,
    /// An opened CSV and its file name.
    pub csv: Option<(String, CsvTable)>,
    /// The field of each CSV column.
    pub mapping: Vec<Option<Field>>,
    /// The people to add, as corrected by the user.
    pub preview: Vec<ParsedPerson>,
}

/// CSV files for the open dialog.
pub const CSV_FILES: FileKind = FileKind {
    name: "CSV",
    extensions: &["csv", "tsv", "txt"],
};

/// Shows the dialog; returns it while it stays open.
pub fn import_attendees_dialog_ui(
    ctx: &egui::Context,
    app: &mut DelegationApp,
    mut state: Box<ImportState>,
) -> Option<Dialog> {
    let t = app.tr();
    let language = app.settings.language;
    // Re-parse the text when it changed (corrections to the preview are kept otherwise).
    if state.csv.is_none() && state.text != state.parsed_text {
        state.preview = crate::import::attendees_text::parse(&state.text, app.doc.project());
        state.parsed_text = state.text.clone();
    }
    let mut outcome = None;
    let mut open_csv = false;
    let mut remap = false;
    let modal = egui::Modal::new(egui::Id::unique("import_attendees")).show(ctx, |ui| {
        ui.set_width(980.0);
        ui.heading(t.import_title);
        ui.label(egui::RichText::new(t.import_body).color(super::style::weak_color(ui)));
        ui.add_space(6.0);
        match &state.csv {
            None => {
                let label = ui.label(t.pasted_list);
                ui.add(
                    egui::TextEdit::multiline(&mut state.text)
                        .desired_rows(4)
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(label.id);
            }
            Some((name, table)) => {
                ui.label(format!("{name} — {} rows", table.rows.len()));
                ui.horizontal_wrapped(|ui| {
                    let label = ui.label(t.csv_columns);
                    for (i, header) in table.headers.iter().enumerate() {
                        let Some(slot) = state.mapping.get_mut(i) else {
                            continue;
                        };
                        let current = slot.map_or(t.ignore_column, Field::header);
                        ui.label(egui::RichText::new(format!("{header} →")).small());
                        egui::ComboBox::from_id_salt(("csv_map", i))
                            .selected_text(current)
                            .show_ui(ui, |ui| {
                                remap |= ui.selectable_value(slot, None, t.ignore_column).changed();
                                for field in Field::ALL {
                                    remap |= ui
                                        .selectable_value(slot, Some(field), field.header())
                                        .changed();
                                }
                            })
                            .response
                            .labelled_by(label.id);
                    }
                });
            }
        }
        ui.horizontal(|ui| {
            if ui.button(t.open_csv).clicked() {
                open_csv = true;
            }
            if state.meeting.is_some() {
                ui.checkbox(&mut state.add_to_meeting, t.also_to_meeting);
            }
        });
        ui.add_space(6.0);
        preview_ui(ui, app, &mut state.preview, language);
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            let n = state.preview.len();
            if ui
                .add_enabled(n > 0, egui::Button::new(format!("{} ({n})", t.add_people)))
                .clicked()
            {
                outcome = Some(true);
            }
            if ui.button(t.dlg_cancel).clicked() {
                outcome = Some(false);
            }
        });
    });
    if remap && let Some((_, table)) = &state.csv {
        state.preview = rows_to_people(table, &state.mapping, app.doc.project());
    }
    if open_csv {
        match app.pick_file(CSV_FILES) {
            Picked::File(path) => match std::fs::read(&path)
                .map_err(|e| e.to_string())
                .and_then(|b| read_csv(&b).map_err(|e| e.to_string()))
            {
                Ok(table) => {
                    state.mapping = guess_mapping(&table.headers);
                    state.preview = rows_to_people(&table, &state.mapping, app.doc.project());
                    let name = path
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default();
                    state.csv = Some((name, table));
                }
                Err(message) => {
                    app.show_error(
                        t.dlg_open_failed,
                        &format!("{message}\n\n{}", path.display()),
                    );
                    return app.dialog.take();
                }
            },
            Picked::Cancelled | Picked::Unavailable(_) => {}
        }
    }
    if modal.should_close() && outcome.is_none() {
        outcome = Some(false);
    }
    match outcome {
        None => Some(Dialog::ImportAttendees(state)),
        Some(false) => None,
        Some(true) => {
            let meeting = state.meeting.as_ref().filter(|_| state.add_to_meeting);
            let (edit, summary) = build_edit(app.doc.project(), &state.preview, meeting);
            app.doc.apply(edit);
            app.report_import(&summary);
            None
        }
    }
}

/// The editable preview: one row per person, uncertain fields highlighted.
fn preview_ui(
    ui: &mut egui::Ui,
    app: &DelegationApp,
    preview: &mut Vec<ParsedPerson>,
    language: crate::app::Language,
) {
    let t = app.tr();
    let project = app.doc.project();
    let warn = ui.visuals().warn_fg_color.gamma_multiply(0.25);
    let mut remove = None;
    egui::ScrollArea::both().max_height(320.0).show(ui, |ui| {
        egui::Grid::new("import_preview")
            .striped(true)
            .spacing([6.0, 4.0])
            .show(ui, |ui| {
                let headers = [
                    t.honorific,
                    t.family_name,
                    t.given_name,
                    t.chinese_name,
                    t.name_order,
                    t.organisation,
                    t.title,
                    t.chinese,
                    "",
                    "",
                ];
                for h in headers {
                    ui.label(egui::RichText::new(h).small().strong());
                }
                ui.end_row();
                for (i, entry) in preview.iter_mut().enumerate() {
                    // Each cell is named `<column> <row>` for screen readers (and tests).
                    let header = |k: usize| {
                        format!("{} {}", headers.get(k).copied().unwrap_or_default(), i + 1)
                    };
                    let flagged = |f: Field| entry.uncertain.contains(&f);
                    let text_cell = |ui: &mut egui::Ui,
                                     value: &mut String,
                                     width: f32,
                                     field: Field,
                                     h: usize| {
                        let mut edit = egui::TextEdit::singleline(value).desired_width(width);
                        if flagged(field) {
                            edit = edit.background_color(warn);
                        }
                        ui.add(edit).accessible_name(header(h));
                    };
                    egui::ComboBox::from_id_salt(("import_honorific", i))
                        .selected_text(language.choice(entry.person.honorific))
                        .width(60.0)
                        .show_ui(ui, |ui| {
                            for h in Honorific::ALL {
                                ui.selectable_value(
                                    &mut entry.person.honorific,
                                    *h,
                                    language.choice(*h),
                                );
                            }
                        })
                        .response
                        .accessible_name(header(0));
                    text_cell(
                        ui,
                        &mut entry.person.family_name,
                        110.0,
                        Field::FamilyName,
                        1,
                    );
                    text_cell(ui, &mut entry.person.given_name, 90.0, Field::GivenName, 2);
                    text_cell(
                        ui,
                        &mut entry.person.chinese_name,
                        60.0,
                        Field::ChineseName,
                        3,
                    );
                    egui::ComboBox::from_id_salt(("import_order", i))
                        .selected_text(language.choice(entry.person.name_order))
                        .width(100.0)
                        .show_ui(ui, |ui| {
                            for o in NameOrder::ALL {
                                ui.selectable_value(
                                    &mut entry.person.name_order,
                                    *o,
                                    language.choice(*o),
                                );
                            }
                        })
                        .response
                        .accessible_name(header(4));
                    let org = match &entry.organisation {
                        OrganisationRef::Existing(id) => {
                            project.organisation_name(id, language.prefers_chinese())
                        }
                        OrganisationRef::New(o) => format!(
                            "{} ({})",
                            if o.acronym.is_empty() {
                                o.name.both()
                            } else {
                                o.acronym.clone()
                            },
                            t.new_org_mark
                        ),
                        OrganisationRef::None => t.none_choice.to_owned(),
                    };
                    if flagged(Field::Organisation) {
                        ui.colored_label(ui.visuals().warn_fg_color, format!("▲ {org}"));
                    } else {
                        ui.label(org);
                    }
                    text_cell(ui, &mut entry.person.title.en, 200.0, Field::Title, 6);
                    text_cell(ui, &mut entry.person.title.zh, 130.0, Field::TitleZh, 7);
                    match &entry.matched {
                        Some(_) => ui.label(egui::RichText::new(t.existing_person).small()),
                        None => ui.label(egui::RichText::new(t.new_person_mark).small()),
                    };
                    if ui.small_button("×").on_hover_text(t.remove).clicked() {
                        remove = Some(i);
                    }
                    ui.end_row();
                }
            });
    });
    if let Some(i) = remove
        && i < preview.len()
    {
        preview.remove(i);
    }
}
