//! The invitation letters dialog: the template (built-in or the user's Word file), the
//! people, the language and format, then "Make letters…", which checks every value first.
//! What is missing is listed person by person, each with a field to fill it in there.

use super::dialogs_ui::dismissed_or;
use super::style::space;
use crate::export::ExportLanguage;
use crate::export::letters::{Builtin, LetterFormat, field_label};
use crate::workspace::letters::{LettersState, LettersStep, TemplatePick};
use crate::workspace::{DialogOutcome, Workspace};

/// Draws the letters dialog over the app; returns the user's decision.
pub fn letters_dialog_ui(
    ctx: &egui::Context,
    workspace: &Workspace,
    state: &mut LettersState,
) -> Option<DialogOutcome> {
    let strings = workspace.tr();
    let t = strings.letters;
    let zh = workspace.language().prefers_chinese();
    let project = workspace.doc.project();
    let mut outcome = None;
    let step = |s: LettersStep| Some(DialogOutcome::Letters(s));
    let modal = egui::Modal::new(egui::Id::unique("letters_dialog")).show(ctx, |ui| {
        ui.set_max_width(super::style::DIALOG_WIDE);
        let meeting = project
            .meetings
            .get(&state.meeting)
            .map(|m| m.title.get(zh).to_owned())
            .unwrap_or_default();
        ui.heading(format!("{} — {meeting}", t.letters_title));
        ui.add_space(space::M);
        ui.strong(t.template);
        for builtin in Builtin::ALL {
            let chosen = state.template == TemplatePick::Builtin(builtin);
            if ui.radio(chosen, builtin.label(zh)).clicked() && !chosen {
                state.template = TemplatePick::Builtin(builtin);
                state.missing.clear();
                state.error = None;
            }
        }
        ui.horizontal(|ui| {
            let own = matches!(state.template, TemplatePick::File { .. });
            let label = match &state.template {
                TemplatePick::File { path, .. } => crate::workspace::file_name(path),
                TemplatePick::Builtin(_) => t.own_template.to_owned(),
            };
            if ui
                .radio(own, label)
                .on_hover_text(t.own_template_tip)
                .clicked()
            {
                outcome = step(LettersStep::ChooseFile);
            }
            if own && ui.button(t.own_template).clicked() {
                outcome = step(LettersStep::ChooseFile);
            }
            if !own
                && ui
                    .button(t.save_copy)
                    .on_hover_text(t.save_copy_tip)
                    .clicked()
            {
                outcome = step(LettersStep::SaveCopy);
            }
        });
        ui.add_space(space::M);
        egui::Grid::new("letters_options")
            .num_columns(2)
            .spacing(super::style::FORM_SPACING)
            .show(ui, |ui| {
                ui.label(t.language);
                ui.horizontal(|ui| {
                    for (lang, label) in [
                        (ExportLanguage::En, strings.english),
                        (ExportLanguage::Zh, strings.chinese),
                        (ExportLanguage::Both, strings.lang_both),
                    ] {
                        if ui.radio_value(&mut state.language, lang, label).changed() {
                            state.missing.clear();
                        }
                    }
                });
                ui.end_row();
                ui.label(t.format);
                ui.horizontal(|ui| {
                    let builtin = matches!(state.template, TemplatePick::Builtin(_));
                    ui.radio_value(&mut state.format, LetterFormat::Docx, "Word (.docx)");
                    ui.add_enabled_ui(builtin, |ui| {
                        ui.radio_value(&mut state.format, LetterFormat::Pdf, "PDF")
                            .on_disabled_hover_text(t.pdf_builtin_only);
                    });
                    if !builtin {
                        state.format = LetterFormat::Docx;
                    }
                });
                ui.end_row();
            });
        ui.add_space(space::M);
        ui.horizontal(|ui| {
            ui.strong(t.people);
            if ui.small_button(t.all).clicked() {
                state.people.iter_mut().for_each(|(_, on)| *on = true);
            }
            if ui.small_button(t.none).clicked() {
                state.people.iter_mut().for_each(|(_, on)| *on = false);
            }
        });
        egui::ScrollArea::vertical()
            .id_salt("letters_people")
            .max_height(160.0)
            .show(ui, |ui| {
                for (id, on) in &mut state.people {
                    let name = project.person_name(id);
                    if ui.checkbox(on, name).changed() {
                        state.missing.clear();
                    }
                }
            });
        if let Some(error) = &state.error {
            ui.add_space(space::S);
            let text = error.text(workspace.language());
            ui.colored_label(super::style::overdue_color(ui), text);
        }
        if !state.missing.is_empty() {
            ui.add_space(space::M);
            ui.colored_label(super::style::warning_color(ui), t.missing_title);
            ui.label(
                egui::RichText::new(t.missing_hint)
                    .small()
                    .color(super::style::weak_color(ui)),
            );
            missing_table_ui(ui, workspace, state, &mut outcome);
        }
        if let Some((_, names)) = &state.replace {
            ui.add_space(space::M);
            ui.colored_label(
                super::style::warning_color(ui),
                t.files_exist.replace("{names}", &names.join(", ")),
            );
            ui.horizontal(|ui| {
                if ui.button(t.replace).clicked() {
                    outcome = step(LettersStep::Replace);
                }
                // Files already written are replaced by a click, never by Enter.
                if super::widgets::default_button(ui, strings, strings.dlg_cancel, None, true) {
                    state.replace = None;
                }
            });
        }
        ui.add_space(space::L);
        ui.horizontal(|ui| {
            let generate = if state.replace.is_some() {
                ui.button(t.generate)
                    .on_hover_text(t.generate_tip)
                    .clicked()
            } else {
                super::widgets::default_button(ui, strings, t.generate, Some(t.generate_tip), true)
            };
            if generate {
                outcome = step(LettersStep::Generate);
            }
            if ui.button(strings.dlg_cancel).clicked() {
                outcome = step(LettersStep::Cancel);
            }
        });
    });
    dismissed_or(modal.should_close(), outcome)
}

/// Person × missing field, each with a field to type the value in (Enter fills it).
fn missing_table_ui(
    ui: &mut egui::Ui,
    workspace: &Workspace,
    state: &mut LettersState,
    outcome: &mut Option<DialogOutcome>,
) {
    let t = workspace.tr().letters;
    let zh = workspace.language().prefers_chinese();
    let project = workspace.doc.project();
    state.typed.resize(state.missing.len(), String::new());
    egui::ScrollArea::vertical()
        .id_salt("letters_missing")
        .max_height(220.0)
        .show(ui, |ui| {
            egui::Grid::new("letters_missing_grid")
                .num_columns(3)
                .striped(true)
                .spacing(super::style::FORM_SPACING)
                .show(ui, |ui| {
                    ui.strong(t.col_person);
                    ui.strong(t.col_field);
                    ui.strong(t.col_value);
                    ui.end_row();
                    for (row, missing) in state.missing.iter().enumerate() {
                        let who = match &missing.person {
                            Some(id) => project.person_name(id),
                            None => t.the_meeting.to_owned(),
                        };
                        ui.label(who);
                        let field = missing.field.trim_start_matches("day.");
                        let label = field_label(field, project, zh);
                        let l = ui.label(format!("{label}  {{{{{}}}}}", missing.field));
                        let fillable = missing.person.is_some()
                            || field.starts_with("host_")
                            || matches!(
                                field,
                                "purpose"
                                    | "costs"
                                    | "accommodation"
                                    | "signatory"
                                    | "signatory_title"
                                    | "venue"
                            );
                        if fillable {
                            if let Some(text) = state.typed.get_mut(row) {
                                let response = ui
                                    .add(egui::TextEdit::singleline(text).desired_width(220.0))
                                    .labelled_by(l.id);
                                if super::widgets::field_entered(ui, &response) {
                                    *outcome = Some(DialogOutcome::Letters(LettersStep::Fill(row)));
                                }
                            }
                        } else {
                            ui.label(
                                egui::RichText::new(t.cannot_fill_here)
                                    .small()
                                    .color(super::style::weak_color(ui)),
                            );
                        }
                        ui.end_row();
                    }
                });
        });
}
