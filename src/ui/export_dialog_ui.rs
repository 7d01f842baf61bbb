//! The export dialog: the document's language and whether it is the planners' own copy
//! with the internal notes, with the file name it will be suggested under.

use super::dialogs_ui::dismissed_or;
use super::style::space;
use crate::export::ExportLanguage;
use crate::workspace::{DialogOutcome, ExportSetup, Workspace};

/// Asks for the language and the notes of `setup`, then "Save…" (Enter) or Cancel.
pub fn export_dialog_ui(
    ctx: &egui::Context,
    workspace: &Workspace,
    setup: &mut ExportSetup,
) -> Option<DialogOutcome> {
    let t = workspace.tr();
    let d = t.documents;
    let mut outcome = None;
    let modal = egui::Modal::new(egui::Id::unique("export_dialog")).show(ctx, |ui| {
        ui.set_max_width(super::style::DIALOG_WIDE);
        ui.heading(d.export_title);
        ui.add_space(space::S);
        if let Some(current) = setup.request.language() {
            ui.strong(d.export_language);
            let mut language = current;
            for (choice, text) in [
                (ExportLanguage::En, t.english),
                (ExportLanguage::Zh, t.chinese),
                (ExportLanguage::Both, t.lang_both),
            ] {
                ui.radio_value(&mut language, choice, text);
            }
            if language != current {
                setup.request.set_language(language);
            }
            ui.add_space(space::M);
        }
        ui.checkbox(&mut setup.with_notes, d.export_with_notes);
        // The planners' own copy is the one that must not leave the office: said in the
        // warning colour.
        let (hint, colour) = if setup.with_notes {
            (d.export_with_notes_hint, ui.visuals().warn_fg_color)
        } else {
            (d.export_for_partners_hint, super::style::weak_color(ui))
        };
        ui.label(egui::RichText::new(hint).color(colour));
        ui.add_space(space::M);
        ui.label(d.export_file_name);
        ui.label(egui::RichText::new(setup.request.file_name(workspace.doc.project())).strong());
        ui.add_space(space::L);
        ui.horizontal(|ui| {
            if super::widgets::default_button(ui, t, t.save_dots, None, true) {
                outcome = Some(DialogOutcome::Export(Box::new(setup.clone())));
            }
            if ui.button(t.dlg_cancel).clicked() {
                outcome = Some(DialogOutcome::Dismiss);
            }
        });
    });
    dismissed_or(modal.should_close(), outcome)
}
