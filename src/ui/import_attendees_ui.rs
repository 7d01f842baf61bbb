//! The attendee-list import: paste text or open a CSV, map its columns, correct the
//! preview field by field, then add everything as one undo step.

use std::sync::Arc;

use crate::app::{DelegationApp, Dialog, FileKind, Picked};
use crate::import::attendees::{CsvTable, Field, OrganisationRef, ParsedPerson, build_edit};
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
    /// An opened CSV and its file name (shared with the job that re-maps its columns).
    pub csv: Option<(String, Arc<CsvTable>)>,
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
    // A long list is parsed on a job, which sets `parsed_text` when done.
    let reading = app.import_job().is_some();
    if state.csv.is_none() && state.text != state.parsed_text && !reading {
        let text = state.text.clone();
        match app.parse_pasted(&text) {
            Some(preview) => {
                state.preview = preview;
                state.parsed_text = text;
            }
            None => state.parsed_text = text,
        }
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
                ui.label(format!(
                    "{name} — {} rows",
                    crate::app::thousands(table.rows.len())
                ));
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
        match app.import_job() {
            // While the list is read, its progress stands where the preview will be.
            Some(job) => {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label(job.label);
                });
                let bar = match job.progress.fraction() {
                    Some(f) => egui::ProgressBar::new(f).show_percentage(),
                    None => egui::ProgressBar::new(0.0).animate(true),
                };
                ui.add(bar);
                let (done, total) = job.progress.counts();
                let detail = if total > 0 && !job.progress.counts_bytes() {
                    format!(
                        "{} {} / {}",
                        job.progress.phase(),
                        crate::app::thousands(usize::try_from(done).unwrap_or(usize::MAX)),
                        crate::app::thousands(usize::try_from(total).unwrap_or(usize::MAX))
                    )
                } else {
                    job.progress.phase()
                };
                ui.label(detail);
            }
            None => preview_ui(ui, app, &mut state.preview, language),
        }
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            let n = state.preview.len();
            let label = format!("{} ({})", t.add_people, crate::app::thousands(n));
            if ui
                .add_enabled(n > 0 && !reading, egui::Button::new(label))
                .clicked()
            {
                outcome = Some(true);
            }
            if ui.button(t.dlg_cancel).clicked() {
                outcome = Some(false);
            }
        });
    });
    if remap && let Some((name, table)) = &state.csv {
        app.start_remap(name.clone(), Arc::clone(table), state.mapping.clone());
    }
    if open_csv {
        match app.pick_file(CSV_FILES) {
            // Read, mapped and matched on a job; the preview arrives when it is done.
            Picked::File(path) => app.start_csv_import(&path),
            Picked::Cancelled | Picked::Unavailable(_) => {}
        }
    }
    if modal.should_close() && outcome.is_none() {
        outcome = Some(false);
    }
    match outcome {
        None => Some(Dialog::ImportAttendees(state)),
        Some(false) => {
            app.cancel_import();
            None
        }
        Some(true) => {
            let meeting = state.meeting.as_ref().filter(|_| state.add_to_meeting);
            let start = std::time::Instant::now();
            let (edit, summary) = build_edit(app.doc.project(), &state.preview, meeting);
            app.doc.apply(edit);
            log::info!(
                "applied an import of {} people in {:?}",
                state.preview.len(),
                start.elapsed()
            );
            app.report_import(&summary);
            None
        }
    }
}

/// The editable preview: one row per person, uncertain fields highlighted. Only the rows
/// in view are laid out (`body.rows`), so a 50,000-row CSV scrolls as smoothly as ten.
fn preview_ui(
    ui: &mut egui::Ui,
    app: &DelegationApp,
    preview: &mut Vec<ParsedPerson>,
    language: crate::app::Language,
) {
    use egui_extras::{Column, TableBuilder};

    let t = app.tr();
    let project = app.doc.project();
    let warn = ui.visuals().warn_fg_color.gamma_multiply(0.25);
    let mut remove = None;
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
    let widths = [
        70.0, 115.0, 95.0, 65.0, 110.0, 150.0, 205.0, 135.0, 110.0, 24.0,
    ];
    let row_height = ui.spacing().interact_size.y + 4.0;
    let mut table = TableBuilder::new(ui)
        .id_salt("import_preview")
        .striped(true)
        .max_scroll_height(320.0)
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center));
    for width in widths {
        table = table.column(Column::exact(width).clip(true));
    }
    table
        .header(row_height, |mut header| {
            for h in headers {
                header.col(|ui| {
                    ui.label(egui::RichText::new(h).small().strong());
                });
            }
        })
        .body(|body| {
            body.rows(row_height, preview.len(), |mut row| {
                let i = row.index();
                let Some(entry) = preview.get_mut(i) else {
                    return;
                };
                // Each cell is named `<column> <row>` for screen readers (and tests).
                let header =
                    |k: usize| format!("{} {}", headers.get(k).copied().unwrap_or_default(), i + 1);
                let uncertain = entry.uncertain.clone();
                let flagged = |f: Field| uncertain.contains(&f);
                let text_cell = |row: &mut egui_extras::TableRow<'_, '_>,
                                 value: &mut String,
                                 field: Field,
                                 h: usize| {
                    row.col(|ui| {
                        let mut edit =
                            egui::TextEdit::singleline(value).desired_width(f32::INFINITY);
                        if flagged(field) {
                            edit = edit.background_color(warn);
                        }
                        ui.add(edit).accessible_name(header(h));
                    });
                };
                row.col(|ui| {
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
                });
                text_cell(
                    &mut row,
                    &mut entry.person.family_name,
                    Field::FamilyName,
                    1,
                );
                text_cell(&mut row, &mut entry.person.given_name, Field::GivenName, 2);
                text_cell(
                    &mut row,
                    &mut entry.person.chinese_name,
                    Field::ChineseName,
                    3,
                );
                row.col(|ui| {
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
                });
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
                row.col(|ui| {
                    if flagged(Field::Organisation) {
                        ui.colored_label(ui.visuals().warn_fg_color, format!("▲ {org}"));
                    } else {
                        ui.label(org);
                    }
                });
                text_cell(&mut row, &mut entry.person.title.en, Field::Title, 6);
                text_cell(&mut row, &mut entry.person.title.zh, Field::TitleZh, 7);
                row.col(|ui| {
                    match &entry.matched {
                        Some(_) => ui.label(egui::RichText::new(t.existing_person).small()),
                        None => ui.label(egui::RichText::new(t.new_person_mark).small()),
                    };
                });
                row.col(|ui| {
                    if ui.small_button("×").on_hover_text(t.remove).clicked() {
                        remove = Some(i);
                    }
                });
            });
        });
    if let Some(i) = remove
        && i < preview.len()
    {
        preview.remove(i);
    }
}
