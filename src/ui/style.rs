//! Colours and sizes shared by the panels.

use egui::Color32;

/// Width of the list beside an editor.
pub const LIST_WIDTH: f32 = 300.0;
/// Height of one list row.
pub const ROW_HEIGHT: f32 = 22.0;
/// Width of the label column of forms.
pub const LABEL_WIDTH: f32 = 150.0;

/// Colour of warnings (dangling references, overruns).
pub fn warning_color(ui: &egui::Ui) -> Color32 {
    ui.visuals().warn_fg_color
}

/// Colour of secondary text (ids, counts, Chinese beside English).
pub fn weak_color(ui: &egui::Ui) -> Color32 {
    ui.visuals().weak_text_color()
}
