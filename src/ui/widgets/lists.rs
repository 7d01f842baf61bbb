//! Lists: the list-and-editor layout with its header (add button, search), empty messages,
//! and lists nested in an editor's page that build only the rows on screen.

use egui::{TextEdit, Ui};

use crate::i18n::Strings;
use crate::ui::style;

/// The search field above a list; returns true when the text changed.
pub fn search_field(ui: &mut Ui, t: &Strings, text: &mut String) -> bool {
    ui.add(
        TextEdit::singleline(text)
            .hint_text(t.search_hint)
            .desired_width(f32::INFINITY),
    )
    .accessible_name(t.search_hint)
    .changed()
}

/// A centred, weak message for empty lists and unselected editors.
pub fn empty_message(ui: &mut Ui, text: &str) {
    ui.add_space(style::space::XXL);
    ui.vertical_centered(|ui| {
        ui.label(egui::RichText::new(text).color(style::weak_color(ui)));
    });
}

/// In place of a list being built on a background job: what is done ("Sorting 100,000
/// people…") and how far it got. Keeps the window drawing while the job runs: its thread
/// does not wake the window.
pub fn list_building_ui(ui: &mut Ui, text: &str, fraction: f32) {
    ui.add_space(style::space::M);
    ui.label(text);
    ui.add(egui::ProgressBar::new(fraction).show_percentage());
    ui.ctx()
        .request_repaint_after(crate::workspace::jobs::REPAINT_EVERY);
}

/// A list on the left and its editor on the right.
///
/// Both closures get `state` in turn (they cannot both capture it mutably).
pub fn list_detail_ui<S>(
    ui: &mut Ui,
    id_salt: &str,
    state: &mut S,
    list: impl FnOnce(&mut Ui, &mut S),
    detail: impl FnOnce(&mut Ui, &mut S),
) {
    list_detail_sized_ui(ui, id_salt, style::LIST_WIDTH, state, list, detail);
}

/// [`list_detail_ui`] with the list `default_width` wide at first.
pub fn list_detail_sized_ui<S>(
    ui: &mut Ui,
    id_salt: &str,
    default_width: f32,
    state: &mut S,
    list: impl FnOnce(&mut Ui, &mut S),
    detail: impl FnOnce(&mut Ui, &mut S),
) {
    egui::Panel::left(format!("{id_salt}_list"))
        .resizable(true)
        .default_size(default_width)
        .size_range(style::LIST_WIDTH_RANGE)
        .show(ui, |ui| list(ui, state));
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::both()
            .id_salt(format!("{id_salt}_detail"))
            .auto_shrink([false, false])
            .show(ui, |ui| detail(ui, state));
    });
}

/// The header of a list: the add button and the search field.
pub fn list_header_ui(ui: &mut Ui, t: &Strings, add_label: &str, search: &mut String) -> bool {
    let mut add = false;
    ui.add_space(style::space::S);
    ui.horizontal(|ui| {
        add = ui.button(format!("+ {add_label}")).clicked();
    });
    ui.add_space(style::space::XS);
    search_field(ui, t, search);
    ui.add_space(style::space::XS);
    add
}

/// The height of a nested list of `rows` rows: all of them up to `max_rows`.
fn list_height(rows: usize, row_height: f32, max_rows: f32) -> f32 {
    (rows as f32).min(max_rows) * row_height
}

/// A list inside the editor's own scroll area (agenda, attendance, series review): all its
/// rows up to `max_rows`, then it scrolls on its own. Only the rows on screen are built,
/// none when the list is scrolled off the page. `row` fills row `i` in a `Ui` of
/// `row_height` with `layout`; returns each built row's index and response.
pub fn nested_rows_ui(
    ui: &mut Ui,
    id_salt: &str,
    count: usize,
    row_height: f32,
    max_rows: f32,
    layout: egui::Layout,
    mut row: impl FnMut(&mut Ui, usize),
) -> Vec<(usize, egui::Response)> {
    let mut built = Vec::new();
    if skip_hidden_list(ui, count, row_height, max_rows) {
        return built;
    }
    egui::ScrollArea::vertical()
        .id_salt(id_salt)
        // Nested in the page's scroll area: without a minimum, it would shrink to
        // whatever room is left on screen.
        .min_scrolled_height(list_height(count, row_height, max_rows))
        .max_height(row_height * max_rows)
        .show_rows(ui, row_height, count, |ui, range| {
            for i in range {
                let response = ui
                    .allocate_ui_with_layout(
                        egui::vec2(ui.available_width(), row_height),
                        layout,
                        |ui| {
                            ui.set_height(row_height);
                            row(ui, i);
                        },
                    )
                    .response;
                built.push((i, response));
            }
        });
    built
}

/// Reserves the space of a list of `rows` rows of `row_height` (at most `max_rows` shown)
/// and returns false when that space is off screen, so the caller skips building the
/// list: the editor scrolls as a whole, and egui would otherwise lay out a list nobody
/// can see.
fn skip_hidden_list(ui: &mut Ui, rows: usize, row_height: f32, max_rows: f32) -> bool {
    let height = list_height(rows, row_height, max_rows);
    let rect = egui::Rect::from_min_size(ui.cursor().min, egui::vec2(ui.available_width(), height));
    if ui.is_rect_visible(rect) {
        return false;
    }
    ui.allocate_space(egui::vec2(ui.available_width(), height));
    true
}
