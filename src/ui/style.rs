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

/// Colour of overdue commitments: stronger than a warning.
pub fn overdue_color(ui: &egui::Ui) -> Color32 {
    ui.visuals().error_fg_color
}

/// Colour of a commitment status in charts: grey while proposed, blue to green as it
/// moves on, red when blocked, dim when dropped; lighter in the dark theme.
pub fn status_color(ui: &egui::Ui, status: crate::model::CommitmentStatus) -> Color32 {
    use crate::model::CommitmentStatus as S;
    let dark = ui.visuals().dark_mode;
    let (light, on_dark) = match status {
        S::Proposed => (0x8a8f98, 0xa8adb5),
        S::Agreed => (0x3b6ec4, 0x6f9ce8),
        S::InProgress => (0x1f8a9e, 0x4fc0d3),
        S::Blocked => (0xc23b3b, 0xe86b6b),
        S::Done => (0x2e8b47, 0x5cc278),
        S::Dropped => (0xb5b5b5, 0x6a6a6a),
    };
    let [_, r, g, b] = u32::to_be_bytes(if dark { on_dark } else { light });
    Color32::from_rgb(r, g, b)
}
