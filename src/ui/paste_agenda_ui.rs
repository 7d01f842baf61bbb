//! The paste-agenda dialog: text in, a live preview of the items out, one undo step.

use super::style::space;
use crate::document::Edit;
use crate::import::agenda_text::{self, format_time};
use crate::model::MeetingId;
use crate::workspace::{DialogOutcome, Workspace};

/// Shows the dialog; returns the outcome once the user decided.
pub fn paste_agenda_dialog_ui(
    ctx: &egui::Context,
    workspace: &Workspace,
    meeting_id: &MeetingId,
    text: &mut String,
    replace: &mut bool,
) -> Option<DialogOutcome> {
    let t = workspace.tr();
    let language = workspace.language();
    let project = workspace.doc.project();
    // The meeting was deleted (by undo) while the dialog was open: close it.
    let Some(meeting) = project.meetings.get(meeting_id) else {
        return Some(DialogOutcome::Dismiss);
    };
    let preview = agenda_text::parse(text, project, Some(meeting));
    let mut outcome = None;
    let modal = egui::Modal::new(egui::Id::unique("paste_agenda")).show(ctx, |ui| {
        ui.set_width(super::style::PASTE_DIALOG_WIDTH);
        ui.heading(t.paste_agenda_title);
        ui.add_space(space::XS);
        ui.label(egui::RichText::new(t.paste_agenda_body).color(super::style::weak_color(ui)));
        ui.add_space(space::S);
        let label = ui.label(t.draft_agenda);
        let field = ui
            .add(
                egui::TextEdit::multiline(text)
                    .desired_rows(6)
                    .desired_width(f32::INFINITY)
                    .font(egui::TextStyle::Monospace),
            )
            .labelled_by(label.id);
        // Ready to paste as soon as the dialog opens (once, so the user can tab away).
        let focused_once = egui::Id::unique("paste_agenda_focused");
        if !ui.data(|d| d.get_temp::<bool>(focused_once).unwrap_or(false)) {
            field.request_focus();
            ui.data_mut(|d| d.insert_temp(focused_once, true));
        }
        ui.horizontal(|ui| {
            ui.radio_value(replace, false, t.append_agenda);
            ui.radio_value(replace, true, t.replace_agenda);
        });
        ui.add_space(space::S);
        egui::ScrollArea::vertical()
            .max_height(super::style::PASTE_PREVIEW_HEIGHT)
            .show(ui, |ui| {
                if preview.lines.is_empty() {
                    ui.label(
                        egui::RichText::new(t.nothing_parsed).color(super::style::weak_color(ui)),
                    );
                    return;
                }
                egui::Grid::new("paste_preview")
                    .num_columns(5)
                    .striped(true)
                    .spacing(super::style::GRID_SPACING)
                    .show(ui, |ui| {
                        for h in [
                            t.start_time,
                            t.col_duration,
                            t.item_title,
                            t.kind,
                            t.speakers,
                        ] {
                            ui.strong(h);
                        }
                        ui.end_row();
                        for (i, line) in preview.lines.iter().enumerate() {
                            let time = match (line.start, line.end) {
                                (Some(s), Some(e)) => {
                                    format!("{}–{}", format_time(s), format_time(e))
                                }
                                (Some(s), None) => format_time(s),
                                _ => String::new(),
                            };
                            ui.label(time);
                            let minutes = preview.durations.get(i).copied().unwrap_or_default();
                            if preview.assumed_duration.get(i).copied().unwrap_or(false) {
                                ui.colored_label(
                                    super::style::warning_color(ui),
                                    format!("{minutes} {} ({})", t.unit_min, t.duration_assumed),
                                );
                            } else {
                                ui.label(format!("{minutes} {}", t.unit_min));
                            }
                            ui.label(&line.title);
                            ui.label(language.choice(line.kind));
                            ui.vertical(|ui| {
                                for speaker in &line.speakers {
                                    match &speaker.person {
                                        Some(id) => {
                                            ui.label(format!("√ {}", project.person_name(id)));
                                        }
                                        None => {
                                            ui.colored_label(
                                                super::style::warning_color(ui),
                                                format!(
                                                    "▲ {} ({})",
                                                    speaker.text, t.speaker_not_found
                                                ),
                                            );
                                        }
                                    }
                                }
                            });
                            ui.end_row();
                        }
                    });
                if !preview.skipped.is_empty() {
                    let lines: Vec<String> =
                        preview.skipped.iter().map(ToString::to_string).collect();
                    ui.colored_label(
                        super::style::warning_color(ui),
                        format!("{}: {}", t.lines_skipped, lines.join(", ")),
                    );
                }
            });
        ui.add_space(space::L);
        ui.horizontal(|ui| {
            let add = egui::Button::new(format!("{} ({})", t.add_items, preview.lines.len()));
            if ui.add_enabled(!preview.lines.is_empty(), add).clicked() {
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
    if outcome.is_some() {
        ctx.data_mut(|d| d.remove::<bool>(egui::Id::unique("paste_agenda_focused")));
    }
    match outcome {
        None => None,
        Some(false) => Some(DialogOutcome::Dismiss),
        Some(true) => {
            let updated = agenda_text::apply_to_meeting(meeting, &preview, !*replace);
            Some(DialogOutcome::Apply(Box::new(Edit::PutMeeting(
                meeting_id.clone(),
                Box::new(updated),
            ))))
        }
    }
}
