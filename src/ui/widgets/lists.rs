//! Lists: the list-and-editor layout with its header (add button, search), empty messages,
//! and lists laid out as rows of an editor's page that build only the rows on screen.

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

/// A list on the left and its editor on the right, the editor one scrolling page.
///
/// Both closures get `state` in turn (they cannot both capture it mutably).
pub fn list_detail_ui<S>(
    ui: &mut Ui,
    id_salt: &str,
    state: &mut S,
    list: impl FnOnce(&mut Ui, &mut S),
    detail: impl FnOnce(&mut Ui, &mut S),
) {
    let layout = ListDetailLayout {
        list_width: style::LIST_WIDTH,
        page_scrolls: true,
        show_list: true,
    };
    list_detail_sized_ui(ui, id_salt, layout, state, list, detail);
}

/// How [`list_detail_sized_ui`] lays out its list and its editor.
#[derive(Clone, Copy, Debug)]
pub struct ListDetailLayout {
    /// The list's width at first (the user may drag its edge).
    pub list_width: f32,
    /// The editor scrolls as one page; else it scrolls its own parts (live minutes under
    /// their attendance strip): never a scroll area inside another.
    pub page_scrolls: bool,
    /// The list is shown: an editor that needs the whole width (the seating plan in a
    /// small window) hides it for a while, and it comes back as wide as it was.
    pub show_list: bool,
}

/// [`list_detail_ui`] laid out as `layout` says.
pub fn list_detail_sized_ui<S>(
    ui: &mut Ui,
    id_salt: &str,
    layout: ListDetailLayout,
    state: &mut S,
    list: impl FnOnce(&mut Ui, &mut S),
    detail: impl FnOnce(&mut Ui, &mut S),
) {
    if layout.show_list {
        egui::Panel::left(format!("{id_salt}_list"))
            .resizable(true)
            .default_size(layout.list_width)
            .size_range(style::LIST_WIDTH_RANGE)
            .show(ui, |ui| list(ui, state));
    }
    egui::CentralPanel::default().show(ui, |ui| {
        if layout.page_scrolls {
            egui::ScrollArea::both()
                .id_salt(format!("{id_salt}_detail"))
                .auto_shrink([false, false])
                .show(ui, |ui| detail(ui, state));
        } else {
            detail(ui, state);
        }
    });
}

/// The width of the list of [`list_detail_sized_ui`] named `id_salt` in `ui` as it was last
/// drawn (the user may have dragged it), else `default`.
pub fn list_width_now(ui: &Ui, id_salt: &str, default: f32) -> f32 {
    // The id egui gives the panel: the parent's scope and the panel's salt.
    let id = ui
        .scope_id()
        .with_salt(egui::IdSalt::new(format!("{id_salt}_list")));
    egui::containers::panel::PanelState::load(ui.ctx(), id).map_or(default, |panel| panel.size().x)
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

/// A list inside the editor's page (agenda, attendance, series review): its rows are rows
/// of the page, which scrolls as one, so the wheel never has two scroll areas to choose
/// between. Only the rows inside the page's visible rect are built (none when the list is
/// scrolled off), so a list of 100,000 attendees costs what its visible rows cost.
/// `row` fills row `i` in a `Ui` of `row_height` with `layout`; returns each built row's
/// index and response.
pub fn page_rows_ui(
    ui: &mut Ui,
    id_salt: &str,
    count: usize,
    row_height: f32,
    layout: egui::Layout,
    mut row: impl FnMut(&mut Ui, usize),
) -> Vec<(usize, egui::Response)> {
    let mut built = Vec::new();
    let width = ui.available_width();
    let rect = egui::Rect::from_min_size(
        ui.cursor().min,
        egui::vec2(width, row_height * count as f32),
    );
    let range = visible_rows(rect, ui.clip_rect(), row_height, count);
    // The rows live in one child of the page, which takes the list's whole height: the
    // page's own automatic ids then advance by one whatever the number of rows on screen,
    // so the widgets after the list (and a click on them sent by id, as accessibility
    // tools send it) keep their ids while the page scrolls.
    ui.scope_builder(
        egui::UiBuilder::new().id_salt(id_salt).max_rect(rect),
        |ui| {
            ui.set_min_size(rect.size());
            for i in range.into_iter().flatten() {
                let top = rect.top() + row_height * i as f32;
                let row_rect = egui::Rect::from_min_size(
                    egui::pos2(rect.left(), top),
                    egui::vec2(width, row_height),
                );
                // Each row's ids come from its index, not from the rows built before it:
                // scrolling the page keeps a row's widgets (focus, a text being edited) where
                // they were.
                let response = ui
                    .scope_builder(
                        egui::UiBuilder::new()
                            .id_salt(i)
                            .max_rect(row_rect)
                            .layout(layout),
                        |ui| {
                            ui.set_height(row_height);
                            row(ui, i);
                        },
                    )
                    .response;
                built.push((i, response));
            }
        },
    );
    built
}

/// The rows of a list laid out in `rect` that fall inside `clip`, if any.
fn visible_rows(
    rect: egui::Rect,
    clip: egui::Rect,
    row_height: f32,
    count: usize,
) -> Option<std::ops::Range<usize>> {
    if count == 0 || row_height <= 0.0 {
        return None;
    }
    let top = clip.top().max(rect.top());
    let bottom = clip.bottom().min(rect.bottom());
    if bottom <= top || clip.right() <= rect.left() || clip.left() >= rect.right() {
        return None;
    }
    // Both are clamped to 0..=count: float-to-int casts saturate, and a NaN becomes 0.
    let first = (((top - rect.top()) / row_height).floor() as usize).min(count);
    let last = (((bottom - rect.top()) / row_height).ceil() as usize).min(count);
    (first < last).then_some(first..last)
}

#[cfg(test)]
mod tests {
    use super::visible_rows;
    use egui::{Rect, pos2};

    fn list(top: f32, rows: usize) -> Rect {
        Rect::from_min_max(pos2(0.0, top), pos2(400.0, top + 20.0 * rows as f32))
    }

    #[test]
    fn only_the_rows_inside_the_page_are_built() {
        let screen = Rect::from_min_max(pos2(0.0, 0.0), pos2(400.0, 300.0));
        // The list starts below the top of the screen: rows 0..10 show (the 10th half).
        assert_eq!(
            visible_rows(list(110.0, 1000), screen, 20.0, 1000),
            Some(0..10)
        );
        // The page scrolled 5,000 px down: the list's top is far above the screen.
        assert_eq!(
            visible_rows(list(-5000.0, 1000), screen, 20.0, 1000),
            Some(250..265)
        );
        // Near the end, never past the last row.
        assert_eq!(
            visible_rows(list(-19_900.0, 1000), screen, 20.0, 1000),
            Some(995..1000)
        );
    }

    #[test]
    fn a_list_off_screen_builds_nothing() {
        let screen = Rect::from_min_max(pos2(0.0, 0.0), pos2(400.0, 300.0));
        assert_eq!(visible_rows(list(300.0, 10), screen, 20.0, 10), None);
        assert_eq!(visible_rows(list(-200.0, 10), screen, 20.0, 10), None);
        assert_eq!(visible_rows(list(0.0, 0), screen, 20.0, 0), None);
        assert_eq!(visible_rows(list(0.0, 10), screen, 0.0, 10), None);
        let beside = Rect::from_min_max(pos2(500.0, 0.0), pos2(900.0, 300.0));
        assert_eq!(visible_rows(list(0.0, 10), beside, 20.0, 10), None);
    }
}
