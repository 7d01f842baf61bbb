//! Flowing blocks onto pages: wrapped text kept with what follows it, and tables whose
//! rows move to the next page whole (header repeated) unless taller than a page.

use super::draw::{Op, TextStyle};
use super::fonts::{Fonts, Glyph};
use super::{
    BASELINE, BODY, Block, CELL_PAD, GREY, HEADER_FILL, HEADING, INK, LINE, MARGIN, RULE, SMALL,
    TABLE, TITLE,
};

/// Places blocks on pages, top to bottom, starting new pages as needed.
pub(super) struct Layout<'f> {
    fonts: &'f Fonts,
    left: f32,
    content_width: f32,
    top: f32,
    bottom: f32,
    /// Ops per page; never empty.
    pub(super) pages: Vec<Vec<Op>>,
    /// The running header of each page (see [`Block::RunningHeader`]), one per page.
    pub(super) headers: Vec<String>,
    /// Top of the next thing to place.
    y: f32,
}

impl<'f> Layout<'f> {
    pub(super) fn new(fonts: &'f Fonts, width: f32, height: f32) -> Self {
        Self {
            fonts,
            left: MARGIN,
            content_width: width - 2.0 * MARGIN,
            top: MARGIN,
            bottom: height - MARGIN,
            pages: vec![Vec::new()],
            headers: vec![String::new()],
            y: MARGIN,
        }
    }

    fn content_height(&self) -> f32 {
        self.bottom - self.top
    }

    fn at_top(&self) -> bool {
        self.y <= self.top + 0.01
    }

    fn remaining(&self) -> f32 {
        self.bottom - self.y
    }

    fn new_page(&mut self) {
        let header = self.headers.last().cloned().unwrap_or_default();
        self.headers.push(header);
        self.pages.push(Vec::new());
        self.y = self.top;
    }

    /// Starts a new page unless `height` still fits (or this page is empty anyway).
    fn ensure(&mut self, height: f32) {
        if height > self.remaining() && !self.at_top() {
            self.new_page();
        }
    }

    fn push(&mut self, op: Op) {
        match self.pages.last_mut() {
            Some(page) => page.push(op),
            None => self.pages.push(vec![op]),
        }
    }

    /// Places `block`; `next` is the block after it, which a heading stays with.
    pub(super) fn block(&mut self, block: &Block, next: Option<&Block>) {
        let style = |size, bold, colour| TextStyle { size, bold, colour };
        match block {
            Block::Title(text) => {
                let follow = self.lead_height(next).min(BODY * LINE * 2.0);
                self.text(text, style(TITLE, true, INK), 0.0, 8.0, follow);
            }
            Block::Heading(text) => {
                // A heading is never stranded at the foot of a page: it moves to the next
                // page unless the start of what follows (two lines, or a table's header
                // and first row) fits below it.
                let follow = self.lead_height(next);
                self.text(text, style(HEADING, true, INK), 8.0, 4.0, follow);
            }
            Block::Paragraph(text) => self.text(text, style(BODY, false, INK), 0.0, 6.0, 0.0),
            Block::Small(text) => self.text(text, style(SMALL, false, GREY), 0.0, 4.0, 0.0),
            Block::Table {
                widths,
                header,
                rows,
            } => self.table(widths, header, rows),
            Block::Spacer(points) => {
                if points.is_finite() && *points > 0.0 && !self.at_top() {
                    self.y = (self.y + points).min(self.bottom);
                }
            }
            Block::PageBreak => {
                if !self.at_top() {
                    self.new_page();
                }
            }
            Block::RunningHeader(text) => {
                if let Some(header) = self.headers.last_mut() {
                    header.clone_from(text);
                }
            }
        }
    }

    /// How much of `next` must fit under a heading for the heading to stay on this page:
    /// the first two lines of a paragraph, a table's header and first row.
    fn lead_height(&self, next: Option<&Block>) -> f32 {
        let lines = |text: &str, size: f32, bold: bool| {
            let n = self.fonts.wrap(text, bold, size, self.content_width).len();
            n.min(2) as f32 * size * LINE
        };
        match next {
            Some(Block::Paragraph(text)) => lines(text, BODY, false) + 6.0,
            Some(Block::Small(text)) => lines(text, SMALL, false) + 4.0,
            Some(Block::Heading(text)) => lines(text, HEADING, true).min(HEADING * LINE) + 8.0,
            Some(Block::Table {
                widths,
                header,
                rows,
            }) => {
                let columns = column_count(widths, header, rows);
                if columns == 0 {
                    return 0.0;
                }
                let table = Table::new(self, widths, columns, header, rows);
                let head = if header.is_empty() {
                    0.0
                } else {
                    row_height(table.layout_row(self.fonts, header, true).lines)
                };
                let first = first_rows_height(&table, self.fonts, rows);
                4.0 + head + first.min(self.content_height() / 2.0)
            }
            _ => 0.0,
        }
    }

    /// A wrapped text block; `keep_with_next` points of what follows must fit after its
    /// first lines.
    fn text(
        &mut self,
        text: &str,
        style: TextStyle,
        space_before: f32,
        space_after: f32,
        keep_with_next: f32,
    ) {
        let lines = self
            .fonts
            .wrap(text, style.bold, style.size, self.content_width);
        if lines.is_empty() {
            return;
        }
        let line_height = style.size * LINE;
        if !self.at_top() {
            self.y += space_before;
        }
        let together = lines.len().min(3) as f32 * line_height;
        // What follows only counts when it can fit on a fresh page at all.
        let follow = if together + space_after + keep_with_next <= self.content_height() {
            space_after + keep_with_next
        } else {
            0.0
        };
        self.ensure(together + follow);
        let count = lines.len();
        for (k, line) in lines.into_iter().enumerate() {
            // Never the last line alone at the top of a page: when the last two do not
            // fit, the line before moves with it (the page keeps at least two).
            if k >= 2
                && k + 2 == count
                && line_height <= self.remaining()
                && 2.0 * line_height > self.remaining()
            {
                self.new_page();
            }
            self.ensure(line_height);
            let op = Op::Text {
                x: self.left,
                y: self.y + style.size * BASELINE,
                glyphs: line,
                style,
            };
            self.push(op);
            self.y += line_height;
        }
        self.y = (self.y + space_after).min(self.bottom);
    }

    fn table(&mut self, widths: &[f32], header: &[String], rows: &[Vec<String>]) {
        let columns = column_count(widths, header, rows);
        if columns == 0 {
            return;
        }
        let table = Table::new(self, widths, columns, header, rows);
        let body = TextStyle {
            size: TABLE,
            bold: false,
            colour: INK,
        };
        let head_style = TextStyle { bold: true, ..body };
        let head = (!header.is_empty()).then(|| table.layout_row(self.fonts, header, true));
        // A header taller than a third of the page is shown once, not on every page.
        let repeated = head
            .as_ref()
            .filter(|h| row_height(h.lines) <= self.content_height() / 3.0);
        let repeated_height = repeated.map_or(0.0, |h| row_height(h.lines));

        if !self.at_top() {
            self.y += 4.0;
        }
        // Never one row alone at the foot of a page: the header and the first two rows
        // start the table together (a short table, all of its rows).
        let first_rows = first_rows_height(&table, self.fonts, rows);
        let head_height = head.as_ref().map_or(0.0, |h| row_height(h.lines));
        self.ensure(head_height + first_rows.min(self.content_height() / 2.0));
        if let Some(head) = &head {
            self.place_row(&table, head, head_style, None);
        }
        let laid: Vec<Row> = rows
            .iter()
            .map(|cells| table.layout_row(self.fonts, cells, false))
            .collect();
        // Rows of this table on the current page.
        let mut on_page = 0;
        for (i, row) in laid.iter().enumerate() {
            let height = row_height(row.lines);
            let fresh = self.y <= self.top + repeated_height + 0.01;
            let room = self.content_height() - repeated_height;
            let fits_fresh = height <= room;
            // Nor the last row alone at the top of the next page: when the last two do
            // not fit, the one before moves with it.
            let last_two = laid
                .get(i + 1)
                .filter(|_| i + 2 == laid.len())
                .map(|next| height + row_height(next.lines));
            let widow = last_two.is_some_and(|both| {
                on_page >= 2
                    && height <= self.remaining()
                    && both > self.remaining()
                    && both <= room
            });
            if (height > self.remaining() && fits_fresh && !fresh) || widow {
                self.new_page();
                on_page = 0;
                if let Some(head) = repeated {
                    self.place_row(&table, head, head_style, None);
                }
            }
            let pages = self.pages.len();
            self.place_row(&table, row, body, repeated.map(|h| (h, head_style)));
            on_page = if self.pages.len() == pages {
                on_page + 1
            } else {
                1
            };
        }
        self.y = (self.y + 6.0).min(self.bottom);
    }

    /// Places a row, splitting it across pages (repeating `header` on each) only when it
    /// does not fit on one.
    fn place_row(
        &mut self,
        table: &Table,
        row: &Row,
        style: TextStyle,
        header: Option<(&Row, TextStyle)>,
    ) {
        let line_height = TABLE * LINE;
        let header_height = header.map_or(0.0, |(h, _)| row_height(h.lines));
        let mut from = 0;
        while from < row.lines {
            let room = ((self.remaining() - 2.0 * CELL_PAD) / line_height).floor();
            let mut fit = if room.is_finite() && room > 0.0 {
                room as usize
            } else {
                0
            };
            let fresh = self.y <= self.top + header_height + 0.01;
            if fit == 0 && fresh {
                // Not even one line fits on a fresh page: draw it anyway, so this ends.
                fit = 1;
            }
            if fit == 0 {
                self.new_page();
                if let Some((head, head_style)) = header {
                    self.place_row(table, head, head_style, None);
                }
                continue;
            }
            let count = fit.min(row.lines - from);
            self.row_piece(table, row, from, count, style);
            from += count;
            if from < row.lines {
                self.new_page();
                if let Some((head, head_style)) = header {
                    self.place_row(table, head, head_style, None);
                }
            }
        }
    }

    /// Draws lines `from..from + count` of every cell of `row` with the grid around them.
    fn row_piece(&mut self, table: &Table, row: &Row, from: usize, count: usize, style: TextStyle) {
        let height = row_height(count);
        let (top, bottom) = (self.y, self.y + height);
        let right = self.left + self.content_width;
        if style.bold {
            self.push(Op::Rect {
                x: self.left,
                y: top,
                width: self.content_width,
                height,
                colour: HEADER_FILL,
            });
        }
        for ((x, _), cell) in table.columns.iter().zip(&row.cells) {
            for (k, line) in cell.iter().skip(from).take(count).enumerate() {
                self.push(Op::Text {
                    x: x + CELL_PAD,
                    y: top + CELL_PAD + k as f32 * TABLE * LINE + TABLE * BASELINE,
                    glyphs: line.clone(),
                    style,
                });
            }
        }
        let rule = |from, to| Op::Line {
            from,
            to,
            width: 0.5,
            colour: RULE,
            dashed: false,
        };
        self.push(rule((self.left, top), (right, top)));
        self.push(rule((self.left, bottom), (right, bottom)));
        let edges = table
            .columns
            .iter()
            .map(|(x, _)| *x)
            .chain(std::iter::once(right))
            .collect::<Vec<_>>();
        for x in edges {
            self.push(rule((x, top), (x, bottom)));
        }
        self.y = bottom;
    }
}

/// Height of the body rows that start a table together: the first two, or all of a
/// small table's.
fn first_rows_height(table: &Table, fonts: &Fonts, rows: &[Vec<String>]) -> f32 {
    // A small table (a signature block) is kept whole, so all of it goes with its heading.
    let together = if rows.len() <= super::SMALL_TABLE {
        rows.len()
    } else {
        2
    };
    rows.iter()
        .take(together)
        .map(|r| row_height(table.layout_row(fonts, r, false).lines))
        .sum()
}

/// Height of a table row (or row piece) of `lines` lines.
fn row_height(lines: usize) -> f32 {
    2.0 * CELL_PAD + lines as f32 * TABLE * LINE
}

/// Column geometry of a table.
struct Table {
    /// Left edge and width of each column.
    columns: Vec<(f32, f32)>,
}

/// A table row with its cells wrapped.
struct Row {
    /// Lines of each cell, one entry per column.
    cells: Vec<Vec<Vec<Glyph>>>,
    /// Lines of the tallest cell (at least 1).
    lines: usize,
}

/// How many columns a table has: the most of its widths, header and rows.
fn column_count(widths: &[f32], header: &[String], rows: &[Vec<String>]) -> usize {
    widths
        .len()
        .max(header.len())
        .max(rows.iter().map(Vec::len).max().unwrap_or(0))
}

impl Table {
    /// The columns of a table on the page, sized from their content (see
    /// [`column_widths`]).
    fn new(
        layout: &Layout<'_>,
        widths: &[f32],
        columns: usize,
        header: &[String],
        rows: &[Vec<String>],
    ) -> Self {
        let pad = 2.0 * CELL_PAD + 0.5;
        let sizes = column_widths(
            layout.fonts,
            Cells {
                widths,
                columns,
                header,
                rows,
            },
            TABLE,
            pad,
            layout.content_width,
        );
        let mut x = layout.left;
        let columns = sizes
            .iter()
            .map(|width| {
                let column = (x, *width);
                x += width;
                column
            })
            .collect();
        Self { columns }
    }

    fn layout_row(&self, fonts: &Fonts, cells: &[String], bold: bool) -> Row {
        let cells = self
            .columns
            .iter()
            .enumerate()
            .map(|(i, (_, width))| {
                let text = cells.get(i).map_or("", String::as_str);
                fonts.wrap(text, bold, TABLE, width - 2.0 * CELL_PAD)
            })
            .collect::<Vec<_>>();
        let lines = cells.iter().map(Vec::len).max().unwrap_or(1).max(1);
        Row { cells, lines }
    }
}

/// The cells of a table to size: relative `widths`, the number of columns, the header and
/// the body rows.
pub(super) struct Cells<'a> {
    pub(super) widths: &'a [f32],
    pub(super) columns: usize,
    pub(super) header: &'a [String],
    pub(super) rows: &'a [Vec<String>],
}

/// The space Word and LibreOffice add between Chinese and Latin letters or digits, in em.
const WORD_AUTOSPACE: f32 = 0.25;

/// Column widths from the content, as a browser sizes an HTML table: every column gets at
/// least its widest unbreakable piece (a word, a name, a time range), so no word is split
/// unless `total` is too narrow for them all; a column whose text fits unwrapped within
/// its fair share gets that width, so short cells (times, numbers, dates) never wrap; what
/// is left is shared among the wide columns in proportion to `widths`. Text is measured at
/// `size` points (the header bold); `pad` is a cell's room beyond its text. The widths add
/// up to `total`.
pub(super) fn column_widths(
    fonts: &Fonts,
    cells: Cells<'_>,
    size: f32,
    pad: f32,
    total: f32,
) -> Vec<f32> {
    let Cells {
        widths,
        columns,
        header,
        rows,
    } = cells;
    // Clamp so that absurd widths neither overflow the sum nor vanish entirely.
    let valid = |w: &f32| w.is_finite() && *w > 0.0;
    let given = widths.iter().filter(|w| valid(w)).collect::<Vec<_>>();
    let average = if given.is_empty() {
        1.0
    } else {
        given.iter().map(|w| w.min(1e6)).sum::<f32>() / given.len() as f32
    };
    let weights = (0..columns)
        .map(|i| {
            widths
                .get(i)
                .filter(|w| valid(w))
                .map_or(average, |w| *w)
                .clamp(1e-3, 1e6)
        })
        .collect::<Vec<_>>();
    let mut bounds = vec![(0.0_f32, 0.0_f32); columns];
    let mut measure = |cells: &[String], bold: bool| {
        for (bound, text) in bounds.iter_mut().zip(cells) {
            // Only Word documents size their columns here: with the space Word puts
            // between Chinese and Latin text.
            let (min, max) = fonts.content_widths(text, bold, size, WORD_AUTOSPACE);
            bound.0 = bound.0.max(min);
            bound.1 = bound.1.max(max);
        }
    };
    measure(header, true);
    for row in rows {
        measure(row, false);
    }
    let bounds = bounds
        .into_iter()
        .map(|(min, max)| (min + pad, max.max(min) + pad))
        .collect::<Vec<_>>();
    share_width(total, &weights, &bounds)
}

/// Shares `total` points among columns with `(min, max)` content widths and `weights`:
/// see [`Table::new`]. The result always adds up to `total`.
fn share_width(total: f32, weights: &[f32], bounds: &[(f32, f32)]) -> Vec<f32> {
    let weight_sum: f32 = weights.iter().sum::<f32>().max(1e-6);
    let min_sum: f32 = bounds.iter().map(|b| b.0).sum();
    let max_sum: f32 = bounds.iter().map(|b| b.1).sum();
    if !(min_sum.is_finite() && max_sum.is_finite()) || total <= 0.0 {
        return weights
            .iter()
            .map(|w| w / weight_sum * total.max(0.0))
            .collect();
    }
    if max_sum <= total {
        // Everything fits unwrapped: the room left goes by weight.
        let extra = total - max_sum;
        return bounds
            .iter()
            .zip(weights)
            .map(|(b, w)| b.1 + extra * w / weight_sum)
            .collect();
    }
    if min_sum >= total {
        // Too narrow even for the longest words: they must break somewhere.
        return bounds.iter().map(|b| b.0 / min_sum * total).collect();
    }
    // A cap per unit of weight such that every column, held between its minimum and its
    // maximum, adds up to the page: narrow columns reach their maximum first.
    let width_at = |cap: f32| -> f32 {
        bounds
            .iter()
            .zip(weights)
            .map(|(b, w)| (cap * w).clamp(b.0, b.1))
            .sum()
    };
    let (mut low, mut high) = (
        0.0_f32,
        total / weights.iter().copied().fold(f32::MAX, f32::min),
    );
    for _ in 0..60 {
        let mid = (low + high) / 2.0;
        if width_at(mid) < total {
            low = mid;
        } else {
            high = mid;
        }
    }
    let mut sizes: Vec<f32> = bounds
        .iter()
        .zip(weights)
        .map(|(b, w)| (high * w).clamp(b.0, b.1))
        .collect();
    // Rounding leftovers go to the widest column.
    let rest = total - sizes.iter().sum::<f32>();
    if let Some(widest) = sizes.iter_mut().max_by(|a, b| a.total_cmp(b)) {
        *widest += rest;
    }
    sizes
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Lines of text drawn on each page.
    fn lines_per_page(layout: &Layout<'_>) -> Vec<usize> {
        layout
            .pages
            .iter()
            .map(|ops| {
                ops.iter()
                    .filter(|op| matches!(op, Op::Text { .. }))
                    .count()
            })
            .collect()
    }

    #[test]
    fn a_paragraph_never_leaves_one_line_alone_on_a_page() {
        let fonts = super::super::fonts::fonts().unwrap();
        let text = "Interpretation into English and Chinese is provided. ".repeat(12);
        let mut split = 0;
        // The paragraph starts lower and lower on the first page, so that the page ends
        // after each of its lines in turn.
        for step in 0..60 {
            let mut layout = Layout::new(fonts, super::super::A4_SHORT, super::super::A4_LONG);
            layout.y = layout.bottom - 2.0 - step as f32 * 2.0;
            layout.block(&Block::Paragraph(text.clone()), None);
            let lines = lines_per_page(&layout);
            assert!(
                lines.iter().all(|n| *n == 0 || *n >= 2),
                "start {step}: {lines:?}"
            );
            if lines.iter().filter(|n| **n > 0).count() == 2 {
                split += 1;
            }
        }
        assert!(split > 10, "the paragraph did run over the page: {split}");
    }

    #[test]
    fn a_table_never_leaves_one_row_alone_on_a_page() {
        let fonts = super::super::fonts::fonts().unwrap();
        let rows: Vec<Vec<String>> = (1..=9)
            .map(|i| vec![i.to_string(), format!("Point {i}")])
            .collect();
        let table = Block::Table {
            widths: vec![1.0, 4.0],
            header: vec!["#".into(), "Item".into()],
            rows,
        };
        let mut split = 0;
        for step in 0..120 {
            let mut layout = Layout::new(fonts, super::super::A4_SHORT, super::super::A4_LONG);
            layout.y = layout.bottom - 5.0 - step as f32 * 2.0;
            layout.block(&table, None);
            // Body rows per page: text lines other than the header's.
            let rows: Vec<usize> = layout
                .pages
                .iter()
                .map(|ops| {
                    ops.iter()
                        .filter(|op| matches!(op, Op::Text { style, .. } if !style.bold))
                        .count()
                        / 2
                })
                .collect();
            assert!(
                rows.iter().all(|n| *n == 0 || *n >= 2),
                "start {step}: {rows:?}"
            );
            if rows.iter().filter(|n| **n > 0).count() == 2 {
                split += 1;
            }
        }
        assert!(split > 10, "the table did run over the page: {split}");
    }

    #[test]
    fn narrow_columns_get_their_width_and_wide_ones_share_the_rest() {
        // A time column that fits in 60 pt, a title of 900 pt, speakers of 400 pt.
        let bounds = [(40.0, 60.0), (80.0, 900.0), (60.0, 400.0)];
        let sizes = share_width(500.0, &[1.0, 4.0, 2.6], &bounds);
        assert!((sizes.iter().sum::<f32>() - 500.0).abs() < 0.01);
        assert!(sizes[0] >= 60.0, "{sizes:?}");
        assert!(sizes[1] > sizes[2] && sizes[2] >= 60.0, "{sizes:?}");
        // Everything fits: each at its maximum, plus a share of the room left.
        let sizes = share_width(500.0, &[1.0, 1.0], &[(10.0, 50.0), (10.0, 100.0)]);
        assert_eq!(sizes, [225.0, 275.0]);
        // Too narrow for the words: proportional to them.
        let sizes = share_width(50.0, &[1.0, 1.0], &[(50.0, 60.0), (50.0, 60.0)]);
        assert_eq!(sizes, [25.0, 25.0]);
    }
}
