//! The dialog planning the next meeting of a series.

use crate::app::{DelegationApp, Dialog};
use crate::model::MeetingId;

/// Shows the dialog; returns it while it stays open.
pub fn next_meeting_dialog_ui(
    ctx: &egui::Context,
    app: &mut DelegationApp,
    from: MeetingId,
    mut date: chrono::NaiveDate,
    mut alternate: bool,
) -> Option<Dialog> {
    let t = app.tr();
    let zh = app.settings.language.prefers_chinese();
    let previous = app.doc.project().meetings.get(&from)?;
    let preview = previous.next_in_series(date, alternate);
    let mut outcome = None;
    let modal = egui::Modal::new(egui::Id::unique("next_meeting")).show(ctx, |ui| {
        ui.set_width(480.0);
        ui.heading(t.next_meeting_title);
        ui.add_space(4.0);
        ui.label(egui::RichText::new(t.next_meeting_tip).color(super::style::weak_color(ui)));
        ui.add_space(8.0);
        super::widgets::form_ui(ui, "next_meeting_form", |ui| {
            ui.label(t.date);
            super::widgets::date_edit(ui, "next_meeting_date", &mut date);
            ui.end_row();
            ui.label("");
            ui.checkbox(&mut alternate, t.alternate_host);
            ui.end_row();
            ui.label(t.series);
            if let Some(series) = &preview.series {
                ui.label(format!("{} · #{}", series.name.get(zh), series.edition));
            }
            ui.end_row();
            ui.label(t.time_zone);
            ui.label(preview.time_zone.name());
            ui.end_row();
            ui.label(t.host);
            ui.label(
                preview
                    .host
                    .as_ref()
                    .map(|h| app.doc.project().organisation_name(h, zh))
                    .unwrap_or_default(),
            );
            ui.end_row();
        });
        ui.add_space(10.0);
        ui.horizontal(|ui| {
            if ui.button(t.create).clicked() {
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
        None => Some(Dialog::NextMeeting {
            from,
            date,
            alternate,
        }),
        Some(false) => None,
        Some(true) => {
            app.create_next_meeting(&from, date, alternate);
            None
        }
    }
}
