//! A page's title with its actions at the right (issue 27): the actions keep their room,
//! and a title longer than what remains is shortened with `…` (whole on hover), never
//! running under them.

use egui::{Align, Layout, RichText, Ui};

/// The title `title` as a heading, then `actions` laid out from the right edge (the first
/// one added is rightmost).
pub fn title_bar(ui: &mut Ui, title: &str, actions: impl FnOnce(&mut Ui)) {
    ui.horizontal(|ui| {
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            actions(ui);
            ui.with_layout(Layout::left_to_right(Align::Center), |ui| {
                ui.add(egui::Label::new(RichText::new(title).heading()).truncate())
                    .on_hover_text(title);
            });
        });
    });
}
