//! The attendee-list import: paste text or open a CSV, map its columns, correct the
//! preview field by field, then add everything as one undo step.

use super::style::space;
use crate::i18n::Language;
use crate::import::attendees::{Field, OrganisationRef, ParsedPerson};
use crate::model::{Choice, Honorific, NameOrder, Project};
use crate::workspace::{DialogOutcome, ImportState, ImportStep, Workspace, thousands};

/// Shows the dialog; returns a step for the workspace to carry out (re-read the text, open
/// a CSV, re-map its columns, add the people, or close).
pub fn import_attendees_dialog_ui(
    ctx: &egui::Context,
    workspace: &Workspace,
    state: &mut ImportState,
) -> Option<DialogOutcome> {
    let t = workspace.tr();
    let language = workspace.language();
    let job = workspace.import_job();
    let reading = job.is_some();
    let mut outcome = None;
    let mut open_csv = false;
    let mut remap = false;
    let modal = egui::Modal::new(egui::Id::unique("import_attendees")).show(ctx, |ui| {
        ui.set_width(super::style::IMPORT_DIALOG_WIDTH);
        ui.heading(t.import_title);
        ui.label(egui::RichText::new(t.import_body).color(super::style::weak_color(ui)));
        ui.add_space(space::S);
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
                ui.label(format!("{name} — {} rows", thousands(table.rows.len())));
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
        ui.add_space(space::S);
        match job {
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
                        thousands(usize::try_from(done).unwrap_or(usize::MAX)),
                        thousands(usize::try_from(total).unwrap_or(usize::MAX))
                    )
                } else {
                    job.progress.phase()
                };
                ui.label(detail);
            }
            None => preview_ui(ui, workspace.doc.project(), &mut state.preview, language),
        }
        ui.add_space(space::M);
        ui.horizontal(|ui| {
            let n = state.preview.len();
            let label = format!("{} ({})", t.add_people, thousands(n));
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
    if modal.should_close() && outcome.is_none() {
        outcome = Some(false);
    }
    let step = match outcome {
        Some(true) => ImportStep::Confirm,
        Some(false) => ImportStep::Cancel,
        None if open_csv => ImportStep::OpenFile,
        None if remap && state.csv.is_some() => ImportStep::Remap,
        // The text changed: the preview is made again (a long list on a job, during which
        // the text is not read again).
        None if state.text_changed() && !reading => ImportStep::Reparse,
        None => return None,
    };
    Some(DialogOutcome::Import(step))
}

/// The editable preview: one row per person, uncertain fields highlighted. Only the rows
/// in view are laid out (`body.rows`), so a 50,000-row CSV scrolls as smoothly as ten.
fn preview_ui(
    ui: &mut egui::Ui,
    project: &Project,
    preview: &mut Vec<ParsedPerson>,
    language: Language,
) {
    use egui_extras::{Column, TableBuilder};

    let t = language.strings();
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
    let widths = super::style::IMPORT_COLUMNS;
    let row_height = ui.spacing().interact_size.y + space::XS;
    let mut table = TableBuilder::new(ui)
        .id_salt("import_preview")
        .striped(true)
        .max_scroll_height(super::style::IMPORT_PREVIEW_HEIGHT)
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
                        .width(super::style::IMPORT_HONORIFIC_WIDTH)
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
                        .width(super::style::IMPORT_ORDER_WIDTH)
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
