//! Text painted as shapes rather than added as labels: read-only cells of long lists cost
//! a galley, not a widget.

use egui::Ui;

/// `text` laid out on one line at most `width` wide, cut with "…": for text painted as a
/// shape rather than added as a label (a list's read-only cells).
pub fn line_galley(
    ui: &Ui,
    text: impl Into<egui::WidgetText>,
    width: f32,
    style: egui::TextStyle,
) -> std::sync::Arc<egui::Galley> {
    text.into()
        .into_galley(ui, Some(egui::TextWrapMode::Truncate), width, style)
}

/// Paints `text` on one line in `rect`, at its left and centred in height, cut with "…" at
/// its width; `color` for text that sets none of its own. No widget is created.
pub fn paint_line_in(
    ui: &Ui,
    rect: egui::Rect,
    text: impl Into<egui::WidgetText>,
    style: egui::TextStyle,
    color: egui::Color32,
) {
    let galley = line_galley(ui, text, rect.width(), style);
    let pos = egui::pos2(rect.left(), rect.center().y - galley.size().y / 2.0);
    ui.painter().galley(pos, galley, color);
}
