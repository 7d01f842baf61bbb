//! The printed seating plan: the room seen from above with the door at the bottom, a name
//! at every seat, table numbers, then the seats as lists (the flow engine's tables) for
//! whoever looks a name up.
//!
//! The caller says where each seat is (a talks seat's place across the table, a banquet
//! seat's angle, from `model::seating::geometry`) and what is written there; this module
//! only scales that to the paper.

use super::draw::{Op, draw_footer, draw_op};
use super::flow::Layout;
use super::fonts::{Fonts, fonts};
use super::plan_draw::{Area, OUTLINE, Page, Shape, banquet, draw_shape, talks};
use super::{Block, GREY, INK, MARGIN, MM, PdfError, metadata, page_settings};

/// Paper of a seating plan, always on its side (rooms are wider than deep).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Paper {
    /// A4, 297 × 210 mm.
    #[default]
    A4,
    /// A3, 420 × 297 mm: twice the room for a large banquet or a long table.
    A3,
}

impl Paper {
    /// Both, in menu order.
    pub const ALL: [Self; 2] = [Self::A4, Self::A3];

    pub(super) fn size(self) -> (f32, f32) {
        match self {
            Self::A4 => (297.0 * MM, 210.0 * MM),
            Self::A3 => (420.0 * MM, 297.0 * MM),
        }
    }

    /// Banquet tables per page: columns and rows.
    pub(super) fn grid(self) -> (u32, u32) {
        match self {
            Self::A4 => (3, 2),
            Self::A3 => (4, 3),
        }
    }
}

/// What is written at one seat.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PlanSeat {
    /// The name, one line per script (empty: the seat is free).
    pub lines: Vec<String>,
    /// Where the seat is, small (`right 1 右1`).
    pub place: String,
    /// Someone of the host's side sits there (tinted apart from the guests).
    pub hosts: bool,
}

/// One side of the talks table.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PlanSide {
    /// The side's name.
    pub name: String,
    /// The seats at the table: across the drawing in seat widths from the centre.
    pub table: Vec<(f32, PlanSeat)>,
    /// The seats behind, likewise (only those taken are drawn).
    pub behind: Vec<(f32, PlanSeat)>,
}

/// One banquet table.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PlanTable {
    /// Its number, drawn large at its centre.
    pub number: u32,
    /// Its name under the number (`Table 1`, `1号桌`).
    pub label: String,
    /// Its seats: the angle on the drawing (radians, y down) and what is written there.
    pub seats: Vec<(f32, PlanSeat)>,
    /// Where this table sits on a page of tables: (column, row), from
    /// `geometry::banquet_cell`, given the tables of the page.
    pub cell: (f32, u32),
}

/// The room drawn.
#[derive(Clone, Debug, PartialEq)]
pub enum PlanRoom {
    /// The talks table: the side along the top faces the door.
    Talks {
        /// The side along the top.
        top: PlanSide,
        /// The side along the bottom, its back to the door.
        bottom: PlanSide,
        /// Seats on each side of the table.
        seats_per_side: u32,
        /// An oval table rather than a rectangle.
        oval: bool,
        /// The table's label (`Talks table 会谈桌`).
        label: String,
    },
    /// Banquet rounds, pages of them: each page's tables placed by their `cell`.
    Banquet {
        /// The tables, page after page.
        pages: Vec<Vec<PlanTable>>,
    },
}

/// A seating plan to print.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanDrawing {
    /// Title (`Seating plan — CCAA–AFNOR meeting`).
    pub title: String,
    /// Date and venue.
    pub subtitle: String,
    /// The rules applied, one line (`Right is senior · interpreter beside the head`).
    pub notes: String,
    /// The door's label (`Door 门`).
    pub door: String,
    /// The footer of every page.
    pub footer: String,
    /// The paper.
    pub paper: Paper,
    /// The room.
    pub room: PlanRoom,
    /// What follows the drawing: the seats as lists.
    pub lists: Vec<Block>,
}

/// How many banquet tables one page of `paper` holds.
pub fn tables_per_page(paper: Paper) -> u32 {
    let (c, r) = paper.grid();
    c * r
}

/// The grid of a page of `tables` banquet tables on `paper`: columns and rows (for
/// `geometry::banquet_cell`). A page of few tables spreads them over the page.
pub fn page_grid(paper: Paper, tables: u32) -> (u32, u32) {
    let (columns, _) = paper.grid();
    let columns = columns.min(tables).max(1);
    (columns, tables.div_ceil(columns).max(1))
}

/// Renders the plan: the drawing (one page for the talks table, as many as the banquet
/// tables need), then the lists, every page with its footer.
///
/// # Errors
/// [`PdfError::Font`] if a bundled font is unreadable, [`PdfError::Write`] if krilla fails.
pub fn render_plan(plan: &PlanDrawing) -> Result<Vec<u8>, PdfError> {
    let fonts = fonts()?;
    let (width, height) = plan.paper.size();
    let mut pages: Vec<Page> = Vec::new();
    match &plan.room {
        PlanRoom::Talks {
            top,
            bottom,
            seats_per_side,
            oval,
            label,
        } => {
            let mut page = Page::default();
            let area = heading(&mut page, fonts, plan, width, height);
            talks(
                &mut page,
                fonts,
                (top, bottom),
                *seats_per_side,
                *oval,
                label,
                area,
            );
            pages.push(page);
        }
        PlanRoom::Banquet { pages: tables } => {
            for on_page in tables {
                let mut page = Page::default();
                let area = heading(&mut page, fonts, plan, width, height);
                banquet(&mut page, fonts, on_page, plan.paper, area);
                pages.push(page);
            }
            if pages.is_empty() {
                let mut page = Page::default();
                heading(&mut page, fonts, plan, width, height);
                pages.push(page);
            }
        }
    }
    let mut layout = Layout::new(fonts, width, height);
    for (i, block) in plan.lists.iter().enumerate() {
        layout.block(block, plan.lists.get(i + 1));
    }
    let list_pages: Vec<Vec<Op>> = if plan.lists.is_empty() {
        Vec::new()
    } else {
        layout.pages
    };

    let mut pdf = krilla::Document::new();
    pdf.set_metadata(metadata(&plan.title));
    let total = pages.len() + list_pages.len();
    let footer = plan.footer.replace(|c: char| c.is_control(), " ");
    let footer = super::draw::footer_line(fonts, &footer, total, width);
    for (index, page) in pages.iter().enumerate() {
        let mut p = pdf.start_page_with(page_settings(width, height)?);
        let mut surface = p.surface();
        for (shape, fill, stroke) in &page.shapes {
            draw_shape(&mut surface, shape, *fill, *stroke);
        }
        for op in &page.ops {
            draw_op(&mut surface, fonts, op);
        }
        draw_footer(
            &mut surface,
            fonts,
            &footer,
            (index + 1, total),
            width,
            height,
        );
        surface.finish();
        p.finish();
    }
    for (index, ops) in list_pages.iter().enumerate() {
        let mut p = pdf.start_page_with(page_settings(width, height)?);
        let mut surface = p.surface();
        for op in ops {
            draw_op(&mut surface, fonts, op);
        }
        let number = pages.len() + index + 1;
        draw_footer(&mut surface, fonts, &footer, (number, total), width, height);
        surface.finish();
        p.finish();
    }
    pdf.finish().map_err(PdfError::Write)
}

/// Title, date and venue, the rules line, and the door at the bottom; returns the area
/// left for the room.
fn heading(page: &mut Page, fonts: &Fonts, plan: &PlanDrawing, width: f32, height: f32) -> Area {
    let content = width - 2.0 * MARGIN;
    let mut y = MARGIN;
    y += page.text(
        fonts,
        &plan.title,
        (MARGIN, y),
        content,
        (16.0, 10.0),
        true,
        INK,
        -1,
    );
    for line in [&plan.subtitle, &plan.notes] {
        if !line.trim().is_empty() {
            y += page.text(
                fonts,
                line,
                (MARGIN, y),
                content,
                (9.0, 6.0),
                false,
                GREY,
                -1,
            );
        }
    }
    // The door: a wall along the bottom of the room with a doorway and its swing.
    let wall = height - MARGIN - 12.0 * MM;
    let centre = width / 2.0;
    let gap = 14.0 * MM;
    page.line((MARGIN, wall), (centre - gap / 2.0, wall), 1.4, OUTLINE);
    page.line(
        (centre + gap / 2.0, wall),
        (width - MARGIN, wall),
        1.4,
        OUTLINE,
    );
    let hinge = (centre - gap / 2.0, wall);
    page.line(hinge, (hinge.0, wall - gap), 1.0, OUTLINE);
    page.shape(
        Shape::Arc {
            cx: hinge.0,
            cy: wall,
            r: gap,
        },
        None,
        Some((OUTLINE, 0.6, true)),
    );
    page.text(
        fonts,
        &plan.door,
        (centre, wall + 1.5 * MM),
        60.0 * MM,
        (9.0, 7.0),
        true,
        INK,
        0,
    );
    (MARGIN, y + 4.0 * MM, width - MARGIN, wall - gap - 3.0 * MM)
}
