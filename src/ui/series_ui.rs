//! The dialog planning the next meeting of a series.

use super::style::space;
use crate::model::MeetingId;
use crate::workspace::{DialogOutcome, Workspace};

/// Shows the dialog; returns the outcome once the user decided.
pub fn next_meeting_dialog_ui(
    ctx: &egui::Context,
    workspace: &Workspace,
    from: &MeetingId,
    date: &mut chrono::NaiveDate,
    alternate: &mut bool,
) -> Option<DialogOutcome> {
    let t = workspace.tr();
    let zh = workspace.language().prefers_chinese();
    let project = workspace.doc.project();
    // The meeting was deleted (by undo) while the dialog was open: close it.
    let Some(previous) = project.meetings.get(from) else {
        return Some(DialogOutcome::Dismiss);
    };
    let preview = previous.next_in_series(*date, *alternate);
    let mut outcome = None;
    let modal = egui::Modal::new(egui::Id::unique("next_meeting")).show(ctx, |ui| {
        ui.set_width(super::style::DIALOG_FORM);
        ui.heading(t.next_meeting_title);
        ui.add_space(space::XS);
        ui.label(egui::RichText::new(t.next_meeting_tip).color(super::style::weak_color(ui)));
        ui.add_space(space::M);
        super::widgets::form_ui(ui, "next_meeting_form", |ui| {
            let l = ui.label(t.date);
            super::widgets::date_field(
                ui,
                workspace.language(),
                "next_meeting_date",
                date,
                Some(l.id),
            );
            ui.end_row();
            ui.label("");
            ui.checkbox(alternate, t.alternate_host);
            ui.end_row();
            ui.label(t.series);
            if let Some(series) = &preview.series {
                ui.label(format!("{} · #{}", series.name.get(zh), series.edition));
            }
            ui.end_row();
            ui.label(t.time_zone);
            ui.label(format!(
                "{} ({})",
                crate::model::zones::zone_city(preview.time_zone, zh),
                preview.time_zone.name()
            ));
            ui.end_row();
            ui.label(t.host);
            ui.label(
                preview
                    .host
                    .as_ref()
                    .map(|h| project.organisation_name(h, zh))
                    .unwrap_or_default(),
            );
            ui.end_row();
            ui.label(t.next_meeting_days);
            ui.vertical(|ui| {
                for (d, day) in preview.days.iter().enumerate() {
                    let mut line = format!(
                        "{} · {} · {}",
                        t.day_number.replace("{n}", &(d + 1).to_string()),
                        day.date,
                        day.start.format("%H:%M")
                    );
                    if !day.title.is_empty() {
                        line.push_str(&format!(" · {}", day.title.get(zh)));
                    }
                    ui.label(line);
                }
                ui.label(
                    egui::RichText::new(t.next_meeting_no_items)
                        .small()
                        .color(super::style::weak_color(ui)),
                );
            });
            ui.end_row();
            let moved = previous.moved_texts(&preview);
            if !moved.is_empty() {
                ui.label(t.next_meeting_changed);
                ui.vertical(|ui| {
                    for (before, after) in &moved {
                        ui.label(format!("{before} → {after}"));
                    }
                });
                ui.end_row();
            }
        });
        review_ui(ui, workspace, previous, &preview);
        ui.add_space(space::L);
        ui.horizontal(|ui| {
            // Enter creates once no field holds the keyboard: a date field that refused
            // what was typed keeps it, and the meeting is not made on the old date.
            if super::widgets::default_button(ui, t, t.create, None, true) {
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
    match outcome {
        None => None,
        Some(false) => Some(DialogOutcome::Dismiss),
        Some(true) => Some(DialogOutcome::CreateNextMeeting {
            from: from.clone(),
            date: *date,
            alternate: *alternate,
        }),
    }
}

/// The texts copied from the last edition that name its place, host or a year, each with
/// the word it names, for the user to correct (nothing is changed behind their back).
fn review_ui(
    ui: &mut egui::Ui,
    workspace: &Workspace,
    previous: &crate::model::Meeting,
    preview: &crate::model::Meeting,
) {
    let t = workspace.tr();
    let review = previous.texts_to_review(preview, workspace.doc.project());
    if review.is_empty() {
        return;
    }
    ui.add_space(space::M);
    ui.label(egui::RichText::new(t.first_hour.review_texts).strong())
        .on_hover_text(t.first_hour.review_texts_tip);
    ui.label(
        egui::RichText::new(t.first_hour.review_texts_tip).color(super::style::weak_color(ui)),
    );
    for r in &review {
        ui.horizontal_wrapped(|ui| {
            ui.label(format!("▲ {}", r.text));
            ui.label(
                egui::RichText::new(t.first_hour.review_names.replace("{word}", &r.names))
                    .color(super::style::weak_color(ui)),
            );
        });
    }
}
