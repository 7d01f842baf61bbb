//! The plan as a Word document people go on editing: A4 on its side; the talks table as a
//! grid of seats (each side's row, the rows behind, the table between them, the door
//! below), which Word and LibreOffice print as drawn; each banquet table as a list of its
//! seats; then the same lists as the PDF.

use docx_rs::{
    AlignmentType, Paragraph, Run, Shading, Table, TableCell, TableRow, VAlignType, WidthType,
};

use super::Seated;
use crate::export::docx::{DocxError, LANDSCAPE_WIDTH, Word, clean};
use crate::export::pdf::Block;
use crate::model::seating::geometry::{talks_top, talks_x};
use crate::model::seating::{Party, Row, Seat, SeatingLayout};

/// Fill of the hosts' seats (as in the PDF).
const HOST_FILL: &str = "DBE7F4";
/// Fill of the guests' seats.
const GUEST_FILL: &str = "FBEDD3";
/// Fill of the table.
const TABLE_FILL: &str = "F0F0F0";
/// The least height of a row of seats, in twips (15 mm).
const SEAT_HEIGHT: f32 = 850.0;
/// The least height of the table's row, in twips (20 mm).
const TABLE_HEIGHT: f32 = 1_134.0;

pub(super) fn write(s: &Seated<'_>) -> Result<Vec<u8>, DocxError> {
    let lang = s.lang;
    let zh = lang == crate::export::ExportLanguage::Zh;
    let mut word = Word::new(&lang.label("Seating plan", "座次图"), &s.footer(), zh);
    word.landscape();
    word.title(&s.title());
    word.paragraph(&s.date_and_venue());
    word.small(&s.rules());
    match s.plan.layout {
        SeatingLayout::Talks => word.add_table(talks_grid(s)),
        SeatingLayout::Banquet => {
            for number in 1..=s.arrangement.tables {
                word.heading2(&s.table(number));
                let rows: Vec<Vec<String>> = s
                    .arrangement
                    .seats
                    .iter()
                    .filter(|st| st.seat.table() == number)
                    .map(|st| {
                        let name = st.attendee.map(|a| s.name(a)).unwrap_or_default();
                        let side = st.attendee.map(|a| s.side(a)).unwrap_or_default();
                        vec![s.place(&st.seat), name, side]
                    })
                    .collect();
                word.table(
                    &[1.4, 3.6, 2.4],
                    &[
                        lang.label("Place", "位置"),
                        lang.label("Name", "姓名"),
                        lang.label("Side", "所属方"),
                    ],
                    &rows,
                );
            }
        }
    }
    word.page_break();
    for block in super::drawing::lists(s) {
        match block {
            Block::Heading(text) => word.heading1(&text),
            Block::Table {
                widths,
                header,
                rows,
            } => word.table(&widths, &header, &rows),
            Block::Title(text) => word.title(&text),
            Block::Paragraph(text) => word.paragraph(&text),
            Block::Small(text) => word.small(&text),
            Block::Spacer(_) => {}
            Block::PageBreak => word.page_break(),
            Block::RunningHeader(_) => {}
        }
    }
    word.finish(&crate::export::docx::Properties {
        title: s.title(),
        author: String::new(),
        made: chrono::Utc::now(),
        chinese: zh,
    })
}

/// A cell of the grid: the name (bold), then the place in grey; tinted for its party.
fn seat_cell(lines: &[String], place: &str, fill: Option<&str>, width: usize) -> TableCell {
    let mut p = Paragraph::new().align(AlignmentType::Center);
    // Each script on its own line, then the place, small and grey.
    for (i, line) in lines.iter().enumerate() {
        let mut run = Run::new();
        if i > 0 {
            run = run.add_break(docx_rs::BreakType::TextWrapping);
        }
        run = run.add_text(clean(line)).size(if i == 0 { 20 } else { 18 });
        if i == 0 {
            run = run.bold();
        }
        p = p.add_run(run);
    }
    let mut place_run = Run::new();
    if !lines.is_empty() {
        place_run = place_run.add_break(docx_rs::BreakType::TextWrapping);
    }
    p = p.add_run(place_run.add_text(clean(place)).size(15).color("666666"));
    let mut cell = TableCell::new()
        .width(width, WidthType::Dxa)
        .vertical_align(VAlignType::Center)
        .add_paragraph(p);
    if let Some(fill) = fill {
        cell = cell.shading(Shading::new().fill(fill));
    }
    cell
}

/// A cell spanning the seats: the table, or the door.
fn wide_cell(text: &str, span: usize, width: usize, fill: Option<&str>) -> TableCell {
    let mut cell = TableCell::new()
        .width(width, WidthType::Dxa)
        .grid_span(span)
        .vertical_align(VAlignType::Center)
        .add_paragraph(
            Paragraph::new()
                .align(AlignmentType::Center)
                .add_run(Run::new().add_text(clean(text)).bold()),
        );
    if let Some(fill) = fill {
        cell = cell.shading(Shading::new().fill(fill));
    }
    cell
}

/// The talks table as a grid seen from above, the door at the bottom: a column per seat
/// position across the table (and a first column naming the rows).
fn talks_grid(s: &Seated<'_>) -> Table {
    let lang = s.lang;
    let top = talks_top(s.plan.talks.door);
    let bottom = match top {
        Party::Guests => Party::Hosts,
        Party::Hosts => Party::Guests,
    };
    // Columns: every position a table seat or a taken seat behind has, left to right.
    let mut xs: Vec<i64> = s
        .arrangement
        .seats
        .iter()
        .filter_map(|st| match st.seat {
            Seat::Talks { party, row, place } if row == Row::Table || st.attendee.is_some() => {
                Some(talks_x(party, place, top) as i64)
            }
            _ => None,
        })
        .collect();
    xs.sort_unstable();
    xs.dedup();
    let columns = xs.len().max(1);
    let label_width = 1_900;
    let seat_width = (LANDSCAPE_WIDTH - label_width) / columns;
    let row_of = |party: Party, row: Row| -> Option<TableRow> {
        let mut cells = Vec::with_capacity(columns + 1);
        let label = match row {
            Row::Table => s.party_name(party),
            Row::Behind => lang.label("Behind", "后排"),
        };
        cells.push(
            TableCell::new()
                .width(label_width, WidthType::Dxa)
                .vertical_align(VAlignType::Center)
                .add_paragraph(
                    Paragraph::new().add_run(Run::new().add_text(clean(&label)).bold().size(18)),
                ),
        );
        let mut any = false;
        for x in &xs {
            let state = s.arrangement.seats.iter().find(|st| match st.seat {
                Seat::Talks {
                    party: p,
                    row: r,
                    place,
                } => p == party && r == row && talks_x(p, place, top) as i64 == *x,
                Seat::Banquet { .. } => false,
            });
            let cell = match state {
                Some(st) => {
                    let lines = st.attendee.map(|a| s.name_lines(a)).unwrap_or_default();
                    any |= st.attendee.is_some();
                    let fill = st
                        .attendee
                        .map(|a| if s.is_host(a) { HOST_FILL } else { GUEST_FILL });
                    seat_cell(&lines, &s.place(&st.seat), fill, seat_width)
                }
                None => seat_cell(&[], "", None, seat_width),
            };
            cells.push(cell);
        }
        // A row behind with no one in it is left out.
        (row == Row::Table || any).then(|| {
            TableRow::new(cells)
                .cant_split()
                .row_height(SEAT_HEIGHT)
                .height_rule(docx_rs::HeightRule::AtLeast)
        })
    };
    let span_row = |text: &str, fill: Option<&str>, height: f32| {
        TableRow::new(vec![
            TableCell::new().width(label_width, WidthType::Dxa),
            wide_cell(text, columns, seat_width * columns, fill),
        ])
        .cant_split()
        .row_height(height)
        .height_rule(docx_rs::HeightRule::AtLeast)
    };
    let mut rows = Vec::new();
    rows.extend(row_of(top, Row::Behind));
    rows.extend(row_of(top, Row::Table));
    rows.push(span_row(
        &lang.choice(SeatingLayout::Talks),
        Some(TABLE_FILL),
        TABLE_HEIGHT,
    ));
    rows.extend(row_of(bottom, Row::Table));
    rows.extend(row_of(bottom, Row::Behind));
    rows.push(span_row(
        &format!("▼ {}", lang.label("Door", "门")),
        None,
        0.0,
    ));
    let mut grid = vec![label_width];
    grid.extend(std::iter::repeat_n(seat_width, columns));
    Table::new(rows)
        .set_grid(grid)
        .width(label_width + seat_width * columns, WidthType::Dxa)
}
