//! The attendee-list import: paste text or open a file (workbook, CSV, text), see how it
//! was read (sheet, encoding, delimiter, header line) and change it, map its columns with
//! sample values before you, correct the preview field by field, choose which changes to
//! take for people already there, then add everything as one undo step.

use std::sync::Arc;

use super::style::{self, space};
use crate::i18n::{Language, Strings};
use crate::import::attendees::{Field, Table};
use crate::import::list::ListFormat;
use crate::import::source::{ENCODINGS, encoding_label};
use crate::model::Choice as _;
use crate::workspace::{DialogOutcome, ImportFile, ImportState, ImportStep, Workspace, thousands};

/// Shows the dialog; returns a step for the workspace to carry out (re-read the text, open
/// a file, read it again another way, re-map its columns, add the people, or close).
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
    let mut open_file = false;
    let mut remap = false;
    let mut reread = false;
    let modal = egui::Modal::new(egui::Id::unique("import_attendees")).show(ctx, |ui| {
        ui.set_width(style::dialog_width(ctx, style::IMPORT_DIALOG_WIDTH));
        ui.heading(t.import_title);
        ui.label(egui::RichText::new(t.import_body_lists).color(style::weak_color(ui)));
        ui.add_space(space::S);
        match &mut state.file {
            None => {
                let label = ui.label(t.pasted_list);
                ui.add(
                    egui::TextEdit::multiline(&mut state.text)
                        .desired_rows(4)
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(label.id);
            }
            Some(file) => {
                let rows = state
                    .table
                    .as_ref()
                    .map_or(state.preview.len(), |t| t.rows.len());
                reread |= source_ui(ui, t, file, rows, state.table.as_deref());
            }
        }
        ui.horizontal(|ui| {
            if ui
                .button(t.open_list_file)
                .on_hover_text(t.open_list_file_tip)
                .clicked()
            {
                open_file = true;
            }
            if state.meeting.is_some() {
                ui.checkbox(&mut state.add_to_meeting, t.also_to_meeting);
            }
        });
        if let Some(error) = &state.error
            && !reading
        {
            // A file that could not be read: said where the user asked for it, over what
            // the dialog had, so that another file or encoding is chosen without starting
            // again.
            ui.label(
                egui::RichText::new(t.list_read_failed)
                    .strong()
                    .color(style::warning_color(ui)),
            );
            ui.label(error.text(language));
            ui.add_space(space::S);
        }
        if !state.damaged.is_empty() && !reading {
            damaged_ui(ui, &state.damaged, language);
        }
        // Below where the list comes from: what its columns hold, then the preview.
        if let Some(table) = state.table.clone() {
            ui.add_space(space::S);
            remap |= mapping_ui(ui, language, &table, &mut state.mapping);
        }
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
            None => {
                super::import_preview_ui::preview_ui(ui, workspace.doc.project(), state, language)
            }
        }
        ui.add_space(space::M);
        ui.horizontal(|ui| {
            let n = state.preview.len();
            let label = format!("{} ({})", t.add_people, thousands(n));
            if super::widgets::default_button(ui, t, &label, None, n > 0 && !reading) {
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
        None if open_file => ImportStep::OpenFile,
        None if reread && state.file.is_some() => ImportStep::Reread,
        None if remap && state.table.is_some() => ImportStep::Remap,
        // The text changed: the preview is made again (a long list on a job, during which
        // the text is not read again).
        None if state.text_changed() && !reading => ImportStep::Reparse,
        None => return None,
    };
    Some(DialogOutcome::Import(step))
}

/// How a list was read, in the UI's language: `GB18030 (detected), comma-separated`.
fn describe(t: &Strings, format: &ListFormat) -> String {
    let encoding = |e: &Option<&'static encoding_rs::Encoding>, detected: bool| match e {
        Some(e) if detected => format!(
            "{} · ",
            t.bracketed
                .replace("{text}", encoding_label(e))
                .replace("{note}", t.encoding_detected)
        ),
        Some(e) => format!("{} · ", encoding_label(e)),
        None => String::new(),
    };
    match format {
        ListFormat::Workbook { sheet, .. } => format!("{} “{sheet}”", t.read_sheet),
        ListFormat::Delimited {
            encoding: e,
            detected,
            delimiter,
        } => format!(
            "{}{}",
            encoding(e, *detected),
            match delimiter {
                b';' => t.delimited_semicolon,
                b'\t' => t.delimited_tab,
                b':' => t.delimited_blocks,
                _ => t.delimited_comma,
            }
        ),
        ListFormat::Text {
            encoding: e,
            detected,
        } => format!("{}{}", encoding(e, *detected), t.one_per_line),
        ListFormat::Word { tables: 0 } => t.programmes.read_word_text.to_owned(),
        ListFormat::Word { tables: 1 } => t.programmes.read_word_table.to_owned(),
        ListFormat::Word { tables } => t
            .programmes
            .read_word_tables
            .replace("{n}", &tables.to_string()),
    }
}

/// The file, how it was read, and the choice of sheet or encoding; true when the user
/// chose another (the file is read again).
fn source_ui(
    ui: &mut egui::Ui,
    t: &Strings,
    file: &mut ImportFile,
    rows: usize,
    table: Option<&Table>,
) -> bool {
    let mut changed = false;
    ui.horizontal_wrapped(|ui| {
        ui.label(
            egui::RichText::new(
                t.file_rows
                    .replace("{name}", &file.name)
                    .replace("{n}", &thousands(rows)),
            )
            .strong(),
        );
        let mut how = describe(t, &file.format);
        // Said when rows stand above the header (titles skipped); a header on the first
        // line, or none (`姓名：…` blocks), goes without saying.
        if let Some(table) = table
            && table.header_line > 1
        {
            how.push_str(" · ");
            how.push_str(
                &t.header_on_line
                    .replace("{n}", &table.header_line.to_string()),
            );
        }
        ui.label(egui::RichText::new(how).color(style::weak_color(ui)));
        match &file.format {
            ListFormat::Workbook { sheet, sheets } if sheets.len() > 1 => {
                let label = ui.label(t.read_sheet);
                let mut chosen = sheet.clone();
                egui::ComboBox::from_id_salt("import_sheet")
                    .selected_text(chosen.as_str())
                    .show_ui(ui, |ui| {
                        for name in sheets {
                            changed |= ui
                                .selectable_value(&mut chosen, name.clone(), name.as_str())
                                .changed();
                        }
                    })
                    .response
                    .labelled_by(label.id);
                if changed {
                    file.sheet = Some(chosen);
                }
            }
            ListFormat::Workbook { .. } | ListFormat::Word { .. } => {}
            ListFormat::Delimited { .. } | ListFormat::Text { .. } => {
                let label = ui.label(t.read_encoding);
                let mut chosen = file.encoding.clone();
                let current = chosen
                    .as_deref()
                    .and_then(crate::import::source::encoding_by_name)
                    .map_or(t.encoding_auto, encoding_label);
                egui::ComboBox::from_id_salt("import_encoding")
                    .selected_text(current)
                    .show_ui(ui, |ui| {
                        changed |= ui
                            .selectable_value(&mut chosen, None, t.encoding_auto)
                            .changed();
                        for encoding in ENCODINGS {
                            let name = encoding_label(encoding);
                            changed |= ui
                                .selectable_value(&mut chosen, Some(name.to_owned()), name)
                                .changed();
                        }
                    })
                    .response
                    .labelled_by(label.id);
                if changed {
                    file.encoding = chosen;
                }
            }
        }
    });
    changed
}

/// The mapping step: each column's header, the field it fills (or ignored), and the first
/// values under it. True when the user changed a column's field.
fn mapping_ui(
    ui: &mut egui::Ui,
    language: Language,
    table: &Arc<Table>,
    mapping: &mut [Option<Field>],
) -> bool {
    let t = language.strings();
    let mut changed = false;
    ui.label(egui::RichText::new(t.mapping_hint).color(style::weak_color(ui)));
    egui::ScrollArea::horizontal()
        .id_salt("import_mapping")
        .show(ui, |ui| {
            egui::Grid::new("import_mapping_grid")
                .spacing(style::GRID_SPACING)
                .show(ui, |ui| {
                    for (i, header) in table.headers.iter().enumerate() {
                        let text = if header.is_empty() {
                            format!("{} {}", t.csv_columns, i + 1)
                        } else {
                            header.clone()
                        };
                        ui.label(egui::RichText::new(text).strong());
                    }
                    ui.end_row();
                    for (i, header) in table.headers.iter().enumerate() {
                        let Some(slot) = mapping.get_mut(i) else {
                            continue;
                        };
                        let current = slot.map_or(t.ignore_column, |f| language.choice(f));
                        let name = format!("{} {} {header}", t.csv_columns, i + 1);
                        egui::ComboBox::from_id_salt(("import_map", i))
                            .selected_text(current)
                            .width(style::IMPORT_MAPPING_COMBO_WIDTH)
                            .show_ui(ui, |ui| {
                                changed |=
                                    ui.selectable_value(slot, None, t.ignore_column).changed();
                                for field in Field::ALL {
                                    changed |= ui
                                        .selectable_value(
                                            slot,
                                            Some(*field),
                                            language.choice(*field),
                                        )
                                        .changed();
                                }
                            })
                            .response
                            .accessible_name(name);
                    }
                    ui.end_row();
                    for i in 0..table.headers.len() {
                        let samples = samples(table, i);
                        ui.label(
                            egui::RichText::new(samples.join("\n"))
                                .small()
                                .color(style::weak_color(ui)),
                        );
                    }
                    ui.end_row();
                });
        });
    changed
}

/// The first few values of column `i`, each cut short (the first 200 rows looked at).
fn samples(table: &Table, i: usize) -> Vec<String> {
    table
        .rows
        .iter()
        .take(200)
        .filter_map(|row| row.get(i).filter(|c| !c.is_empty()))
        .take(style::IMPORT_SAMPLES)
        .map(|c| {
            if c.chars().count() > style::IMPORT_SAMPLE_CHARS {
                let cut: String = c.chars().take(style::IMPORT_SAMPLE_CHARS).collect();
                format!("{cut}…")
            } else {
                c.clone()
            }
        })
        .collect()
}

/// Bytes of the file that are not UTF-8, each with its line and column, shown above the
/// preview (the command line refuses such a file and says the same).
fn damaged_ui(ui: &mut egui::Ui, damaged: &[crate::import::source::BadBytes], language: Language) {
    const SHOWN: usize = 8;
    let t = language.strings().inputs;
    ui.label(
        egui::RichText::new(t.damaged_title)
            .strong()
            .color(style::warning_color(ui)),
    );
    ui.label(t.damaged_hint);
    for bad in damaged.iter().take(SHOWN) {
        ui.label(crate::i18n::errors_inputs::bad_bytes_text(bad, language));
    }
    if damaged.len() > SHOWN {
        ui.label(t.damaged_more);
    }
    ui.add_space(space::S);
}
