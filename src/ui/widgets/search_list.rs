//! The search pickers' list: a search field over a list of choices that the keyboard
//! drives. Arrow keys move a highlight among the choices (the first one is highlighted as
//! soon as the list shows, so Enter takes the only match at once), Enter takes it, Escape
//! clears the search (in a popup, it closes it). Only the rows in view are built, so a
//! list of 100,000 people costs what ten cost.

use egui::{Key, Modifiers, Ui};

/// One row of a search list.
pub struct ListRow<T> {
    /// What choosing it gives; `None` for a heading.
    pub value: Option<T>,
    /// What it shows.
    pub text: String,
    /// Whether it can be chosen (a person already attending is shown, not chosen).
    pub enabled: bool,
    /// Whether it is the current value.
    pub selected: bool,
}

impl<T> ListRow<T> {
    /// A heading between groups of rows.
    pub fn heading(text: impl Into<String>) -> Self {
        Self {
            value: None,
            text: text.into(),
            enabled: false,
            selected: false,
        }
    }

    /// A choice.
    pub fn choice(value: T, text: impl Into<String>) -> Self {
        Self {
            value: Some(value),
            text: text.into(),
            enabled: true,
            selected: false,
        }
    }

    fn choosable(&self) -> bool {
        self.value.is_some() && self.enabled
    }
}

/// How far the highlight looks for the next row it can stop on (headings and people
/// already chosen are skipped).
const LOOK_AHEAD: usize = 2_000;

/// The keys a search field took for its list.
#[derive(Clone, Copy, Debug, Default)]
pub struct SearchKeys {
    /// Arrow-down presses less arrow-up presses.
    steps: isize,
    /// Enter was pressed.
    enter: bool,
    /// The search field has the keyboard.
    focused: bool,
}

/// The search field of a search list. The arrows and Enter are taken before the field
/// sees them (a single-line field would move its cursor on the arrows and give up its
/// focus on Enter) and handed to [`search_rows_ui`]; Escape clears a search (with nothing
/// searched, it is left to the popup or dialog, which closes).
pub fn search_field_ui(
    ui: &mut Ui,
    id: egui::Id,
    query: &mut String,
    hint: &str,
    autofocus: bool,
) -> SearchKeys {
    let search_id = id.with("search");
    let mut keys = SearchKeys {
        focused: ui.memory(|m| m.has_focus(search_id)),
        ..Default::default()
    };
    if keys.focused {
        let (down, up, enter, escape) = ui.input_mut(|i| {
            (
                i.count_and_consume_key(Modifiers::NONE, Key::ArrowDown),
                i.count_and_consume_key(Modifiers::NONE, Key::ArrowUp),
                i.consume_key(Modifiers::NONE, Key::Enter),
                !query.is_empty() && i.consume_key(Modifiers::NONE, Key::Escape),
            )
        });
        keys.steps = isize::try_from(down).unwrap_or(0) - isize::try_from(up).unwrap_or(0);
        keys.enter = enter;
        if escape {
            query.clear();
        }
    }
    let search = ui.add(
        egui::TextEdit::singleline(query)
            .id(search_id)
            .hint_text(hint)
            .desired_width(f32::INFINITY),
    );
    search.clone().accessible_name(hint);
    if autofocus && !search.has_focus() && query.is_empty() {
        search.request_focus();
    }
    keys
}

/// The list under a search field: `count` rows, row `i` from `row(i)`, the highlight moved
/// by `keys`. Returns what was chosen, by click or by Enter; the caller clears the search.
pub fn search_rows_ui<T: Clone>(
    ui: &mut Ui,
    id: egui::Id,
    query: &str,
    keys: SearchKeys,
    max_height: f32,
    count: usize,
    row: &dyn Fn(usize) -> ListRow<T>,
) -> Option<T> {
    let choosable = |i: usize| row(i).choosable();
    // The highlight, kept per list while the search text stays the same.
    let memory = id.with("highlight");
    let stored: Option<(String, usize)> = ui.data(|d| d.get_temp(memory));
    let mut highlight = match stored {
        Some((q, i)) if q == query && i < count && choosable(i) => Some(i),
        _ => (0..count.min(LOOK_AHEAD)).find(|i| choosable(*i)),
    };
    for _ in 0..keys.steps.unsigned_abs() {
        let from = highlight.unwrap_or(0);
        let next = if keys.steps > 0 {
            (from + 1..count.min(from + 1 + LOOK_AHEAD)).find(|i| choosable(*i))
        } else {
            (from.saturating_sub(LOOK_AHEAD)..from)
                .rev()
                .find(|i| choosable(*i))
        };
        if let Some(next) = next {
            highlight = Some(next);
        }
    }
    ui.data_mut(|d| match highlight {
        Some(h) => {
            d.insert_temp(memory, (query.to_owned(), h));
        }
        None => d.remove::<(String, usize)>(memory),
    });
    let mut chosen = None;
    if keys.enter
        && let Some(h) = highlight
    {
        chosen = row(h).value;
    }
    let moved = keys.steps != 0;
    egui::ScrollArea::vertical()
        .id_salt(id.with("rows"))
        .max_height(max_height)
        .auto_shrink([false, true])
        .show_rows(
            ui,
            crate::ui::style::PICKER_ROW_HEIGHT,
            count,
            |ui, range| {
                for i in range {
                    let r = row(i);
                    let Some(value) = r.value else {
                        ui.strong(r.text);
                        continue;
                    };
                    // The highlight shows while the keyboard is in the search field.
                    let lit = (keys.focused && highlight == Some(i)) || r.selected;
                    // One line a row (rows are laid out at a fixed height): the whole text
                    // on hover.
                    let response = ui
                        .add_enabled(
                            r.enabled,
                            egui::Button::selectable(lit, r.text.as_str())
                                .frame(false)
                                .truncate(),
                        )
                        .on_hover_text(&r.text);
                    if moved && highlight == Some(i) {
                        response.scroll_to_me(None);
                    }
                    if response.clicked() {
                        chosen = Some(value);
                    }
                }
            },
        );
    if chosen.is_some() {
        ui.data_mut(|d| d.remove::<(String, usize)>(memory));
    }
    chosen
}

/// What opens a search popup: a value picker (`AFNOR ▼`, at least `width` wide, heard as a
/// combo box) or an action (`+ Owner organisation`, a button).
pub enum Opener<'a> {
    /// Shows the current value.
    Value(&'a str, f32),
    /// Names what choosing does.
    Action(&'a str),
}

/// A button that opens a search popup over the rows `rows(query)` gives; returns the
/// button's response (to label it) and what was chosen. Escape closes the popup.
pub fn search_popup<T: Clone>(
    ui: &mut Ui,
    id_salt: &str,
    opener: Opener<'_>,
    hint: &str,
    rows: &dyn Fn(&str) -> Vec<ListRow<T>>,
) -> (egui::Response, Option<T>) {
    let response = match opener {
        Opener::Value(text, width) => {
            let response = ui.add(
                egui::Button::new(format!("{text} ▼"))
                    .truncate()
                    .min_size(egui::vec2(width, 0.0)),
            );
            response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, text));
            response
        }
        Opener::Action(text) => ui.button(text),
    };
    let id = ui.make_persistent_id(id_salt);
    let query_id = id.with("query");
    let mut chosen = None;
    egui::Popup::from_toggle_button_response(&response)
        .id(id)
        .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside)
        .width(crate::ui::style::PICKER_POPUP_WIDTH)
        .show(|ui| {
            let mut query: String = ui.data(|d| d.get_temp(query_id)).unwrap_or_default();
            let keys = search_field_ui(ui, id, &mut query, hint, true);
            let list = rows(&query);
            chosen = search_rows_ui(
                ui,
                id,
                &query,
                keys,
                crate::ui::style::PICKER_LIST_HEIGHT,
                list.len(),
                &|i| match list.get(i) {
                    Some(r) => ListRow {
                        value: r.value.clone(),
                        text: r.text.clone(),
                        enabled: r.enabled,
                        selected: r.selected,
                    },
                    None => ListRow::heading(""),
                },
            );
            if chosen.is_some() {
                query.clear();
                ui.close();
            }
            ui.data_mut(|d| d.insert_temp(query_id, query));
        });
    (response, chosen)
}
