//! The status bar: the file, the unsaved mark, and the last message.

use crate::app::DelegationApp;

/// The bar at the bottom of the window.
pub fn status_bar_ui(ui: &mut egui::Ui, app: &DelegationApp) {
    let t = app.tr();
    egui::Panel::bottom("status_bar").show(ui, |ui| {
        ui.horizontal(|ui| {
            match app.doc.path() {
                Some(path) => ui.label(
                    egui::RichText::new(path.display().to_string())
                        .color(super::style::weak_color(ui)),
                ),
                None => ui.label(
                    egui::RichText::new(t.sample_suffix).color(super::style::weak_color(ui)),
                ),
            };
            if app.doc.is_dirty() {
                ui.label(
                    egui::RichText::new(format!("● {}", t.unsaved_mark))
                        .color(super::style::warning_color(ui)),
                );
            }
            if let Some(toast) = &app.toast {
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    ui.label(&toast.text);
                });
            }
        });
    });
}
