//! Virtualised, selectable tables: a header of sort buttons and rows of painted cells.

use egui::Ui;

use super::paint::{line_galley, paint_line_in};
use crate::ui::style;

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
    // A column is never narrower than its header (with room for the sort arrow), so
    // headers never run into each other ("Organisat Title").
    let headers: Vec<(&str, f32)> = headers
        .iter()
        .map(|(h, w)| {
            let text = egui::RichText::new(format!("{h} ↓")).strong();
            let needed = egui::WidgetText::from(text)
                .into_galley(
                    ui,
                    Some(egui::TextWrapMode::Extend),
                    f32::INFINITY,
                    egui::TextStyle::Button,
                )
                .size()
                .x
                + style::CELL_PADDING
                + style::CELL_END_PADDING
                + ui.spacing().button_padding.x * 2.0;
            (*h, w.max(needed))
        })
        .collect();
    let headers = headers.as_slice();
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
                    hover: None,
                };
                cells(i, &mut row);
                // Named by its first cell with text; a row with none (a person without a
                // name yet) by its number, so no control is nameless.
                let label = row.label.take().unwrap_or_else(|| format!("#{}", i + 1));
                // A text shortened to fit its column is shown whole on hover.
                let response = match row.hover.take() {
                    Some(full) => response.on_hover_text(full),
                    None => response,
                };
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
            width.max(x + style::MIN_LAST_COLUMN_WIDTH)
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
        egui::vec2(ui.available_width(), style::ROW_HEIGHT),
        egui::Sense::hover(),
    );
    for (i, ((h, _), span)) in headers.iter().zip(columns).enumerate() {
        let cell = egui::Rect::from_x_y_ranges(
            (rect.left() + span.min + style::CELL_PADDING)..=(rect.left() + span.max),
            rect.y_range(),
        );
        let mut cell_ui = ui.new_child(
            egui::UiBuilder::new()
                .max_rect(cell)
                .layout(egui::Layout::left_to_right(egui::Align::Center)),
        );
        cell_ui.set_clip_rect(cell.intersect(ui.clip_rect()));
        // A title wider than its column ends in "…" rather than running into the next.
        cell_ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
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

/// One row of a [`select_table_ui`] being filled, cell by cell, left to right.
pub struct TableRow<'a> {
    ui: &'a Ui,
    rect: egui::Rect,
    columns: &'a [egui::Rangef],
    column: usize,
    text_color: egui::Color32,
    label: Option<String>,
    hover: Option<String>,
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

    /// The next cell, with one line of text that, when too long for its column, keeps its
    /// beginning and its end and loses its middle (`Joint personnel … for ESG`): titles
    /// that differ only at the end stay apart. The whole text shows on hover and names
    /// the row for screen readers.
    pub fn text_elided_middle(&mut self, text: &str) {
        let Some(cell) = self.next_cell() else {
            return;
        };
        if self.label.is_none() && !text.trim().is_empty() {
            // Named without the indentation that shows a sub-point's depth.
            self.label = Some(text.trim_start().to_owned());
        }
        let shown = elide_middle(self.ui, text, cell.width(), egui::TextStyle::Body);
        if shown != text {
            self.hover = Some(text.trim_start().to_owned());
        }
        paint_line_in(self.ui, cell, shown, egui::TextStyle::Body, self.text_color);
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
        painter.galley(sub_pos, sub, style::weak_color(self.ui));
    }

    /// The rectangle of the next cell, inside its padding.
    fn next_cell(&mut self) -> Option<egui::Rect> {
        let span = self.columns.get(self.column)?;
        self.column += 1;
        Some(egui::Rect::from_x_y_ranges(
            (self.rect.left() + span.min + style::CELL_PADDING)
                ..=(self.rect.left() + span.max - style::CELL_END_PADDING),
            self.rect.y_range(),
        ))
    }
}

/// How far past the edge a cut's estimate may be and still be laid out to see whether
/// it fits (kerning between "…" and its neighbours is all the estimate leaves out).
const CLOSE_TO_THE_EDGE: f32 = 2.0;

/// `text` as it fits on one line `width` wide in `style`: whole when it fits, else its
/// first and last characters around a `…`, as many as fit (a little more of the end, which
/// tells apart titles such as "… for ESG" and "… for ISO/IEC 42001").
///
/// The text is laid out once, and the cut found from its glyphs' positions: a list that
/// scrolls lays out each row anew, and a layout per step of a search made the
/// commitments list three times slower to scroll.
pub fn elide_middle(ui: &Ui, text: &str, width: f32, style: egui::TextStyle) -> String {
    let galley = |s: &str| {
        egui::WidgetText::from(s).into_galley(
            ui,
            Some(egui::TextWrapMode::Extend),
            f32::INFINITY,
            style.clone(),
        )
    };
    let whole = galley(text);
    if whole.size().x <= width {
        return text.to_owned();
    }
    let chars: Vec<char> = text.chars().collect();
    let shortened = |kept: usize| {
        let head = kept * 2 / 5;
        let tail = kept - head;
        let start: String = chars.iter().take(head).collect();
        let end: String = chars
            .iter()
            .skip(chars.len().saturating_sub(tail))
            .collect();
        format!("{}…{}", start.trim_end(), end.trim_start())
    };
    // Where each character starts on the line, and where the line ends: one glyph a
    // character on a single row (a text with a line break falls back to measuring).
    let glyphs: Vec<f32> = match whole.rows.as_slice() {
        [row] if row.row.glyphs.len() == chars.len() => {
            row.row.glyphs.iter().map(|g| g.pos.x).collect()
        }
        _ => Vec::new(),
    };
    // Advances, not the galleys' sizes (rounded up to the pixel).
    let total = match whole.rows.as_slice() {
        [row] => row
            .row
            .glyphs
            .last()
            .map_or(0.0, |g| g.pos.x + g.advance_width),
        _ => whole.size().x,
    };
    let ellipsis_galley = galley("…");
    let ellipsis = match ellipsis_galley.rows.as_slice() {
        [row] => row.row.glyphs.first().map_or(0.0, |g| g.advance_width),
        _ => ellipsis_galley.size().x,
    };
    // How wide `kept` characters around "…" are, from the advances (or laid out, for a
    // text of several lines).
    let estimate = |kept: usize| -> f32 {
        if glyphs.is_empty() {
            return galley(&shortened(kept)).size().x;
        }
        let head = kept * 2 / 5;
        let tail = kept - head;
        // The spaces trimmed around "…" are left out, as `shortened` leaves them.
        let head_end = (0..head)
            .rev()
            .find(|&k| chars.get(k).is_some_and(|c| !c.is_whitespace()))
            .map_or(0, |k| k + 1);
        let tail_from = (chars.len().saturating_sub(tail)..chars.len())
            .find(|&k| chars.get(k).is_some_and(|c| !c.is_whitespace()))
            .unwrap_or(chars.len());
        let at = |k: usize| glyphs.get(k).copied().unwrap_or(total);
        at(head_end) + ellipsis + (total - at(tail_from))
    };
    // The most characters that fit, by bisection on the estimate…
    let most = chars.len().saturating_sub(1);
    let (mut low, mut high) = (0, most);
    while low < high {
        let mid = (low + high).div_ceil(2);
        if estimate(mid) <= width {
            low = mid;
        } else {
            high = mid - 1;
        }
    }
    // …then as laid out, where it is close: kerning moves a cut by a fraction of a point.
    let measured = |kept: usize| galley(&shortened(kept)).size().x <= width;
    if low < most && estimate(low + 1) - width < CLOSE_TO_THE_EDGE && measured(low + 1) {
        low += 1;
    } else if width - estimate(low) < 1.0 {
        while low > 0 && !measured(low) {
            low -= 1;
        }
    }
    shortened(low)
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

#[cfg(test)]
mod tests {
    use super::*;

    /// What each cut measures when laid out, and the longest cut that fits, by laying out
    /// every candidate (the way it was done before).
    fn measured(ui: &Ui, text: &str) -> f32 {
        egui::WidgetText::from(text)
            .into_galley(
                ui,
                Some(egui::TextWrapMode::Extend),
                f32::INFINITY,
                egui::TextStyle::Body,
            )
            .size()
            .x
    }

    #[test]
    fn the_cut_found_from_the_glyphs_fits_and_keeps_as_much_as_fits() {
        let ctx = egui::Context::default();
        crate::ui::style::install_fonts(&ctx);
        let texts = [
            "Joint personnel registration and competency approval programme for ESG",
            "中国认证认可协会与法国标准化协会关于人员注册与能力认可的联合项目",
            "Mutual recognition: 互认 of ISO/IEC 17024 certificates (2025–2027)",
            // Sub-points are indented: the spaces before the cut are trimmed.
            "    探索创新业务领域的互认与合作",
            "        Sub-point: joint audits of the certification bodies in 2026",
            "Words   with   wide   gaps   between   them   all   along   the   line",
            "A",
            "",
        ];
        for _ in 0..2 {
            // (Fonts added to a context are used from its next pass.)
            let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
                for text in texts {
                    // The fast path's premise: one glyph a character, on one row.
                    let galley = egui::WidgetText::from(text).into_galley(
                        ui,
                        Some(egui::TextWrapMode::Extend),
                        f32::INFINITY,
                        egui::TextStyle::Body,
                    );
                    let glyphs: usize = galley.rows.iter().map(|r| r.row.glyphs.len()).sum();
                    assert_eq!(galley.rows.len(), 1, "{text:?}");
                    assert_eq!(glyphs, text.chars().count(), "{text:?}");
                    for width in [20.0, 60.0, 120.0, 200.0, 320.0, 2000.0] {
                        let shown = elide_middle(ui, text, width, egui::TextStyle::Body);
                        let w = measured(ui, &shown);
                        if measured(ui, text) <= width {
                            assert_eq!(shown, text);
                            continue;
                        }
                        // At least "…" is shown; beyond it, what is shown fits.
                        assert!(shown.contains('…'), "{shown}");
                        if shown.chars().count() > 1 {
                            assert!(w <= width + 0.5, "{shown:?} is {w} wide in {width}");
                        }
                        // As much as the search by laying out every candidate keeps.
                        let chars: Vec<char> = text.chars().collect();
                        let shortened = |kept: usize| {
                            let head = kept * 2 / 5;
                            let tail = kept - head;
                            let start: String = chars.iter().take(head).collect();
                            let end: String = chars.iter().skip(chars.len() - tail).collect();
                            format!("{}…{}", start.trim_end(), end.trim_start())
                        };
                        let (mut low, mut high) = (0, chars.len() - 1);
                        while low < high {
                            let mid = (low + high).div_ceil(2);
                            if measured(ui, &shortened(mid)) <= width {
                                low = mid;
                            } else {
                                high = mid - 1;
                            }
                        }
                        assert_eq!(shown, shortened(low), "in {width}");
                    }
                }
            });
            output.textures_delta.clear();
        }
    }
}
