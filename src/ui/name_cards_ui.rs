//! The name-cards dialog (which paper, what faces the guests) and the question asked
//! before an export whose characters some font cannot print is written.

use super::dialogs_ui::dismissed_or;
use super::style::space;
use crate::export::ExportRequest;
use crate::export::pdf::{CardFace, CardOptions, CardSize};
use crate::model::MeetingId;
use crate::workspace::{DialogOutcome, ExportSetup, PendingWrite, Workspace};

/// Asks for the card size and the face towards the guests, then "Save…".
pub fn name_cards_dialog_ui(
    ctx: &egui::Context,
    workspace: &Workspace,
    meeting: &MeetingId,
    options: &mut CardOptions,
) -> Option<DialogOutcome> {
    let t = workspace.tr();
    let mut outcome = None;
    let modal = egui::Modal::new(egui::Id::unique("name_cards_dialog")).show(ctx, |ui| {
        ui.set_max_width(super::style::DIALOG_FORM);
        ui.heading(t.name_cards_title);
        ui.add_space(space::S);
        ui.label(t.name_cards_body);
        ui.add_space(space::M);
        ui.strong(t.card_size);
        for size in CardSize::ALL {
            let label = match size {
                CardSize::A4Folded => t.card_a4,
                CardSize::A5Tent => t.card_a5,
                CardSize::TwoPerA4 => t.card_two,
            };
            ui.radio_value(&mut options.size, size, label);
        }
        ui.add_space(space::M);
        ui.strong(t.card_face);
        for face in CardFace::ALL {
            let label = match face {
                CardFace::Both => t.card_face_both,
                CardFace::Chinese => t.card_face_zh,
                CardFace::English => t.card_face_en,
            };
            ui.radio_value(&mut options.face, face, label);
        }
        latin_on_chinese_face_ui(ui, workspace, meeting, options.face);
        ui.add_space(space::L);
        ui.horizontal(|ui| {
            if super::widgets::default_button(ui, t, t.save_dots, None, true) {
                outcome = Some(DialogOutcome::Export(Box::new(ExportSetup::for_partners(
                    ExportRequest::NameCards(meeting.clone(), *options),
                ))));
            }
            if ui.button(t.dlg_cancel).clicked() {
                outcome = Some(DialogOutcome::Dismiss);
            }
        });
    });
    dismissed_or(modal.should_close(), outcome)
}

/// Names, before printing, the people whose Chinese face would carry their Latin name
/// for want of a Chinese one, and says what to do.
fn latin_on_chinese_face_ui(
    ui: &mut egui::Ui,
    workspace: &Workspace,
    meeting: &MeetingId,
    face: CardFace,
) {
    let project = workspace.doc.project();
    let Some(m) = project.meetings.get(meeting) else {
        return;
    };
    let latin = crate::export::attendees::latin_on_chinese_face(project, m, face);
    if latin.is_empty() {
        return;
    }
    let d = workspace.tr().documents;
    ui.add_space(space::M);
    ui.colored_label(ui.visuals().warn_fg_color, d.cards_latin_title);
    ui.label(d.cards_latin_body);
    for id in &latin {
        if let Some(person) = project.people.get(id) {
            ui.label(format!("• {}", person.formal_name()));
        }
    }
    ui.label(egui::RichText::new(d.cards_latin_advice).color(super::style::weak_color(ui)));
}

/// Names the characters no font can print, before the export is written: save anyway, or
/// cancel (nothing written).
pub fn unprintable_dialog_ui(
    ctx: &egui::Context,
    workspace: &Workspace,
    pending: &PendingWrite,
) -> Option<DialogOutcome> {
    let t = workspace.tr();
    let mut outcome = None;
    let modal = egui::Modal::new(egui::Id::unique("unprintable_dialog")).show(ctx, |ui| {
        ui.set_max_width(super::style::DIALOG_WIDE);
        ui.heading(t.unprintable_title);
        ui.add_space(space::S);
        ui.label(t.unprintable_body);
        ui.add_space(space::XS);
        ui.strong(crate::export::pdf::describe_chars(&pending.unprintable));
        ui.add_space(space::S);
        ui.label(t.unprintable_advice);
        ui.add_space(space::XS);
        ui.label(
            egui::RichText::new(pending.path.display().to_string())
                .color(super::style::weak_color(ui)),
        );
        ui.add_space(space::L);
        ui.horizontal(|ui| {
            // Boxes instead of names must be a deliberate choice: Enter writes nothing.
            if super::widgets::default_button(ui, t, t.dlg_cancel, None, true) {
                outcome = Some(DialogOutcome::Dismiss);
            }
            if ui.button(t.save_anyway).clicked() {
                outcome = Some(DialogOutcome::WriteAnyway);
            }
        });
    });
    dismissed_or(modal.should_close(), outcome)
}
