//! Form widgets shared by the editors. Each field is labelled for screen readers and
//! tests (`labelled_by`), and returns whether the value changed.

use chrono::{NaiveDate, NaiveTime, Timelike as _};
use egui::{ComboBox, TextEdit, Ui};

use crate::i18n::Language;
use crate::i18n::Strings;
use crate::model::{Bilingual, Choice, OrganisationId, PersonId, Project};

/// A two-column form; `add` adds rows with the `*_row` functions.
pub fn form_ui<R>(ui: &mut Ui, id_salt: &str, add: impl FnOnce(&mut Ui) -> R) -> R {
    egui::Grid::new(id_salt)
        .num_columns(2)
        .spacing([12.0, 6.0])
        .min_col_width(super::style::LABEL_WIDTH)
        .striped(false)
        .show(ui, add)
        .inner
}

/// `label (English)` / `label (Chinese)`, in the interface language.
pub fn in_language(t: &Strings, label: &str, chinese: bool) -> String {
    let lang = if chinese { t.chinese } else { t.english };
    if t.english == "英文" {
        format!("{label}（{lang}）")
    } else {
        format!("{label} ({lang})")
    }
}

/// A labelled one-line text field.
pub fn text_row(ui: &mut Ui, label: &str, value: &mut String) -> bool {
    let l = ui.label(label);
    let changed = ui
        .add(TextEdit::singleline(value).desired_width(f32::INFINITY))
        .labelled_by(l.id)
        .changed();
    ui.end_row();
    changed
}

/// A labelled multi-line text field.
pub fn multiline_row(ui: &mut Ui, label: &str, value: &mut String) -> bool {
    let l = ui.label(label);
    let changed = ui
        .add(
            TextEdit::multiline(value)
                .desired_rows(3)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(l.id)
        .changed();
    ui.end_row();
    changed
}

/// Two rows for a bilingual text: `label (English)` and `label (Chinese)`.
pub fn bilingual_rows(ui: &mut Ui, t: &Strings, label: &str, value: &mut Bilingual) -> bool {
    let en = text_row(ui, &in_language(t, label, false), &mut value.en);
    let zh = text_row(ui, &in_language(t, label, true), &mut value.zh);
    en || zh
}

/// Two multi-line rows for a bilingual text.
pub fn bilingual_multiline_rows(
    ui: &mut Ui,
    t: &Strings,
    label: &str,
    value: &mut Bilingual,
) -> bool {
    let en = multiline_row(ui, &in_language(t, label, false), &mut value.en);
    let zh = multiline_row(ui, &in_language(t, label, true), &mut value.zh);
    en || zh
}

/// A combo box over the values of a [`Choice`], named for screen readers by `label`.
pub fn choice_combo<C: Choice>(
    ui: &mut Ui,
    id_salt: &str,
    language: Language,
    value: &mut C,
    label: egui::Id,
) -> bool {
    choice_combo_width(ui, id_salt, language, value, label, None)
}

/// A [`choice_combo`] exactly `width` wide (the choice cut with "…" if longer), for
/// columns of a list.
pub fn choice_combo_width<C: Choice>(
    ui: &mut Ui,
    id_salt: &str,
    language: Language,
    value: &mut C,
    label: egui::Id,
    width: Option<f32>,
) -> bool {
    let mut changed = false;
    let mut combo = ComboBox::from_id_salt(id_salt).selected_text(language.choice(*value));
    if let Some(width) = width {
        combo = combo.width(width).truncate();
    }
    combo
        .show_ui(ui, |ui| {
            for &option in C::ALL {
                changed |= ui
                    .selectable_value(value, option, language.choice(option))
                    .changed();
            }
        })
        .response
        .labelled_by(label);
    changed
}

/// A labelled [`choice_combo`] row.
pub fn choice_row<C: Choice>(ui: &mut Ui, label: &str, language: Language, value: &mut C) -> bool {
    let l = ui.label(label);
    let changed = choice_combo(ui, label, language, value, l.id);
    ui.end_row();
    changed
}

/// Organisations sorted by acronym, then name, for pickers.
pub fn sorted_organisations(project: &Project, zh: bool) -> Vec<(OrganisationId, String)> {
    let mut orgs: Vec<_> = project
        .organisations
        .iter()
        .map(|(id, o)| {
            let name = if o.acronym.trim().is_empty() {
                o.name.get(zh).to_owned()
            } else {
                format!("{} · {}", o.acronym, o.name.get(zh))
            };
            (id.clone(), name)
        })
        .collect();
    orgs.sort_by_key(|(_, name)| name.to_lowercase());
    orgs
}

/// A combo box choosing an organisation or none, named by `label`.
pub fn organisation_combo(
    ui: &mut Ui,
    id_salt: &str,
    project: &Project,
    t: &Strings,
    zh: bool,
    value: &mut Option<OrganisationId>,
    label: egui::Id,
) -> bool {
    let selected = value
        .as_ref()
        .map(|id| project.organisation_name(id, zh))
        .unwrap_or_else(|| t.none_choice.to_owned());
    let mut changed = false;
    ComboBox::from_id_salt(id_salt)
        .selected_text(selected)
        .width(200.0)
        .show_ui(ui, |ui| {
            changed |= ui.selectable_value(value, None, t.none_choice).changed();
            for (id, name) in sorted_organisations(project, zh) {
                changed |= ui.selectable_value(value, Some(id), name).changed();
            }
        })
        .response
        .labelled_by(label);
    changed
}

/// People sorted by family name, for pickers.
pub fn sorted_people(project: &Project) -> Vec<(PersonId, String)> {
    let mut people: Vec<_> = project.people.iter().collect();
    people.sort_by_cached_key(|(id, p)| (p.sort_key(), (*id).clone()));
    people
        .into_iter()
        .map(|(id, p)| (id.clone(), p.display_name()))
        .collect()
}

/// A combo box choosing a person among `choices`, named by `label`.
pub fn person_combo(
    ui: &mut Ui,
    id_salt: &str,
    project: &Project,
    choices: &[(PersonId, String)],
    value: &mut PersonId,
    label: egui::Id,
) -> bool {
    let mut changed = false;
    ComboBox::from_id_salt(id_salt)
        .selected_text(project.person_name(value))
        .width(180.0)
        .show_ui(ui, |ui| {
            for (id, name) in choices {
                changed |= ui.selectable_value(value, id.clone(), name).changed();
            }
        })
        .response
        .labelled_by(label);
    changed
}

/// A date with a calendar button.
pub fn date_edit(ui: &mut Ui, id_salt: &str, value: &mut NaiveDate) -> bool {
    use chrono::Datelike as _;
    // The date picker speaks jiff; the model speaks chrono. Both are proleptic Gregorian.
    let to_jiff = |d: NaiveDate| {
        let year = i16::try_from(d.year()).ok()?;
        let month = i8::try_from(d.month()).ok()?;
        let day = i8::try_from(d.day()).ok()?;
        jiff::civil::Date::new(year, month, day).ok()
    };
    let Some(mut date) = to_jiff(*value) else {
        ui.label(value.to_string());
        return false;
    };
    let before = date;
    ui.add(
        egui_extras::DatePickerButton::new(&mut date)
            .id_salt(id_salt)
            .show_icon(false)
            .calendar_week(false),
    );
    if date == before {
        return false;
    }
    match NaiveDate::from_ymd_opt(
        i32::from(date.year()),
        u32::try_from(date.month()).unwrap_or(1),
        u32::try_from(date.day()).unwrap_or(1),
    ) {
        Some(new) => {
            *value = new;
            true
        }
        None => false,
    }
}

/// An optional date: a check box, then the date.
pub fn optional_date_edit(
    ui: &mut Ui,
    id_salt: &str,
    label: &str,
    value: &mut Option<NaiveDate>,
    default: NaiveDate,
) -> bool {
    let mut on = value.is_some();
    let mut changed = false;
    ui.horizontal(|ui| {
        if ui.checkbox(&mut on, label).changed() {
            *value = on.then_some(value.unwrap_or(default));
            changed = true;
        }
        if let Some(date) = value {
            changed |= date_edit(ui, id_salt, date);
        }
    });
    changed
}

/// A time of day as hours and minutes, named by `label`.
pub fn time_edit(ui: &mut Ui, value: &mut NaiveTime, label: egui::Id) -> bool {
    let mut hour = value.hour();
    let mut minute = value.minute();
    let mut changed = false;
    ui.horizontal(|ui| {
        ui.spacing_mut().item_spacing.x = 2.0;
        changed |= ui
            .add(
                egui::DragValue::new(&mut hour)
                    .range(0..=23)
                    .custom_formatter(|n, _| format!("{n:02}")),
            )
            .labelled_by(label)
            .changed();
        ui.label(":");
        changed |= ui
            .add(
                egui::DragValue::new(&mut minute)
                    .range(0..=59)
                    .custom_formatter(|n, _| format!("{n:02}")),
            )
            .labelled_by(label)
            .changed();
    });
    if changed && let Some(t) = NaiveTime::from_hms_opt(hour, minute, 0) {
        *value = t;
    }
    changed
}

/// An optional time of day: a check box, then the time; named by `label`.
pub fn optional_time_edit(
    ui: &mut Ui,
    value: &mut Option<NaiveTime>,
    default: NaiveTime,
    label: egui::Id,
) -> bool {
    let mut on = value.is_some();
    let mut changed = false;
    ui.horizontal(|ui| {
        if ui.checkbox(&mut on, "").labelled_by(label).changed() {
            *value = on.then_some(value.unwrap_or(default));
            changed = true;
        }
        if let Some(time) = value {
            changed |= time_edit(ui, time, label);
        }
    });
    changed
}

/// A combo box of IANA time zones, named by `label`.
pub fn time_zone_combo(
    ui: &mut Ui,
    id_salt: &str,
    value: &mut chrono_tz::Tz,
    label: egui::Id,
) -> bool {
    let mut changed = false;
    ComboBox::from_id_salt(id_salt)
        .selected_text(value.name())
        .width(200.0)
        .height(400.0)
        .show_ui(ui, |ui| {
            for tz in chrono_tz::TZ_VARIANTS {
                changed |= ui.selectable_value(value, tz, tz.name()).changed();
            }
        })
        .response
        .labelled_by(label);
    changed
}

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
    ui.add_space(24.0);
    ui.vertical_centered(|ui| {
        ui.label(egui::RichText::new(text).color(super::style::weak_color(ui)));
    });
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
    egui::Panel::left(format!("{id_salt}_list"))
        .resizable(true)
        .default_size(super::style::LIST_WIDTH)
        .size_range(240.0..=720.0)
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
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        add = ui.button(format!("+ {add_label}")).clicked();
    });
    ui.add_space(4.0);
    search_field(ui, t, search);
    ui.add_space(4.0);
    add
}

/// A virtualised, selectable table: only the visible rows are laid out, and each row is
/// one interactive widget whose cells are painted text, clipped to their column.
///
/// This is several times cheaper per row than a grid of label widgets (no child `Ui`
/// per cell, one hit-test rectangle per row), which keeps a frame of a 100,000-row list
/// as cheap as one of ten rows, even while scrolling. `headers` are the column titles
/// with their widths (the last column takes the rest); `cells` fills row `i`;
/// `selected` says whether row `i` is selected (asked for visible rows only, so it never
/// scans the list); a click on a row returns its index. Each row is announced to screen
/// readers with the text of its first cell.
#[expect(
    clippy::too_many_arguments,
    reason = "a table's parts: grouping them in a struct would only move the list"
)]
pub fn select_table_ui(
    ui: &mut Ui,
    id_salt: &str,
    headers: &[(&str, f32)],
    sort: Option<&mut SortState>,
    row_height: f32,
    row_count: usize,
    selected: impl Fn(usize) -> bool,
    mut cells: impl FnMut(usize, &mut TableRow<'_>),
) -> Option<usize> {
    let columns = column_spans(ui.available_width(), headers);
    table_header_ui(ui, headers, &columns, sort);
    let mut clicked = None;
    egui::ScrollArea::vertical()
        .id_salt(id_salt)
        .auto_shrink([false, false])
        .show_rows(ui, row_height, row_count, |ui, range| {
            // Rows touch: the stripes and the selection form continuous bands.
            ui.spacing_mut().item_spacing.y = 0.0;
            let width = ui.available_width();
            for i in range {
                let (rect, response) =
                    ui.allocate_exact_size(egui::vec2(width, row_height), egui::Sense::click());
                if !ui.is_rect_visible(rect) {
                    continue;
                }
                let is_selected = selected(i);
                let visuals = ui.visuals();
                let fill = if is_selected {
                    Some(visuals.selection.bg_fill)
                } else if response.hovered() {
                    Some(visuals.widgets.hovered.weak_bg_fill)
                } else if i % 2 == 1 {
                    Some(visuals.faint_bg_color)
                } else {
                    None
                };
                if let Some(fill) = fill {
                    ui.painter().rect_filled(rect, 0.0, fill);
                }
                let text_color = if is_selected {
                    visuals.selection.stroke.color
                } else {
                    visuals.text_color()
                };
                let mut row = TableRow {
                    ui,
                    rect,
                    columns: &columns,
                    column: 0,
                    text_color,
                    label: None,
                };
                cells(i, &mut row);
                // Named by its first cell with text; a row with none (a person without a
                // name yet) by its number, so no control is nameless.
                let label = row.label.take().unwrap_or_else(|| format!("#{}", i + 1));
                response.widget_info(|| {
                    egui::WidgetInfo::selected(egui::Role::Button, true, is_selected, label.clone())
                });
                if response.clicked() {
                    clicked = Some(i);
                }
            }
        });
    clicked
}

/// The x range of each column inside a table `width` wide (cell padding included).
fn column_spans(width: f32, headers: &[(&str, f32)]) -> Vec<egui::Rangef> {
    let mut x = 0.0;
    let mut spans = Vec::with_capacity(headers.len());
    for (i, (_, w)) in headers.iter().enumerate() {
        let end = if i + 1 == headers.len() {
            width.max(x + 20.0)
        } else {
            x + w
        };
        spans.push(egui::Rangef::new(x, end));
        x = end;
    }
    spans
}

/// The headers of a table: sort buttons (`Name ↑`) when the table sorts.
fn table_header_ui(
    ui: &mut Ui,
    headers: &[(&str, f32)],
    columns: &[egui::Rangef],
    mut sort: Option<&mut SortState>,
) {
    let (rect, _) = ui.allocate_exact_size(
        egui::vec2(ui.available_width(), super::style::ROW_HEIGHT),
        egui::Sense::hover(),
    );
    for (i, ((h, _), span)) in headers.iter().zip(columns).enumerate() {
        let cell = egui::Rect::from_x_y_ranges(
            (rect.left() + span.min + CELL_PADDING)..=(rect.left() + span.max),
            rect.y_range(),
        );
        let mut cell_ui = ui.new_child(
            egui::UiBuilder::new()
                .max_rect(cell)
                .layout(egui::Layout::left_to_right(egui::Align::Center)),
        );
        cell_ui.set_clip_rect(cell.intersect(ui.clip_rect()));
        match sort.as_deref_mut() {
            Some(sort) => {
                let arrow = match (sort.column == i, sort.descending) {
                    (true, false) => " ↑",
                    (true, true) => " ↓",
                    (false, _) => "",
                };
                let button = egui::Button::new(egui::RichText::new(format!("{h}{arrow}")).strong())
                    .frame(false);
                if cell_ui.add(button).clicked() {
                    sort.descending = sort.column == i && !sort.descending;
                    sort.column = i;
                }
            }
            None => {
                cell_ui.strong(*h);
            }
        }
    }
    ui.painter().hline(
        rect.x_range(),
        rect.bottom(),
        ui.visuals().widgets.noninteractive.bg_stroke,
    );
}

/// Space between a column's edge and its text.
const CELL_PADDING: f32 = 4.0;

/// One row of a [`select_table_ui`] being filled, cell by cell, left to right.
pub struct TableRow<'a> {
    ui: &'a Ui,
    rect: egui::Rect,
    columns: &'a [egui::Rangef],
    column: usize,
    text_color: egui::Color32,
    label: Option<String>,
}

impl TableRow<'_> {
    /// The table's `Ui`, for its style (colours of the text of a cell).
    pub fn ui(&self) -> &Ui {
        self.ui
    }

    /// The next cell, with one line of text (clipped at the column's edge, not wrapped).
    pub fn text(&mut self, text: impl Into<egui::WidgetText>) {
        let Some(cell) = self.next_cell() else {
            return;
        };
        let text = text.into();
        if self.label.is_none() && !text.text().trim().is_empty() {
            self.label = Some(text.text().to_owned());
        }
        // Cut with "…" at the column's edge, as a truncated label would be.
        paint_line_in(self.ui, cell, text, egui::TextStyle::Body, self.text_color);
    }

    /// The next cell, with a main line and a small, dimmer line under it.
    pub fn two_lines(&mut self, main: &str, sub: &str) {
        let Some(cell) = self.next_cell() else {
            return;
        };
        if self.label.is_none() && !main.trim().is_empty() {
            self.label = Some(main.to_owned());
        }
        let painter = self
            .ui
            .painter()
            .with_clip_rect(cell.intersect(self.ui.clip_rect()));
        let main = line_galley(self.ui, main, cell.width(), egui::TextStyle::Body);
        let sub = line_galley(
            self.ui,
            egui::RichText::new(sub).small(),
            cell.width(),
            egui::TextStyle::Small,
        );
        let top = cell.center().y - (main.size().y + sub.size().y) / 2.0;
        let sub_pos = egui::pos2(cell.left(), top + main.size().y);
        painter.galley(egui::pos2(cell.left(), top), main, self.text_color);
        painter.galley(sub_pos, sub, super::style::weak_color(self.ui));
    }

    /// The rectangle of the next cell, inside its padding.
    fn next_cell(&mut self) -> Option<egui::Rect> {
        let span = self.columns.get(self.column)?;
        self.column += 1;
        Some(egui::Rect::from_x_y_ranges(
            (self.rect.left() + span.min + CELL_PADDING)..=(self.rect.left() + span.max - 2.0),
            self.rect.y_range(),
        ))
    }
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

/// Which column a table is sorted by; clicking a header sorts by it, again reverses.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct SortState {
    /// Column index.
    pub column: usize,
    /// Largest first.
    pub descending: bool,
}

/// A row's cell with one line of text (clipped, not wrapped).
pub fn cell(row: &mut TableRow<'_>, text: impl Into<egui::WidgetText>) {
    row.text(text);
}

/// The delete button at the top of an editor.
pub fn delete_button(ui: &mut Ui, t: &Strings) -> bool {
    ui.button(t.delete).on_hover_text(t.delete_tip).clicked()
}
