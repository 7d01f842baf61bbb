//! Word documents (.docx) through [`docx_rs`]: the minutes, the agenda and the attendee list
//! as ministries and associations edit, countersign and file them.
//!
//! What Word and LibreOffice expect of a document people go on editing: real styles (Title,
//! Heading 1, Heading 2, a table style) rather than formatting on every run, real tables, A4
//! with 20 mm margins, a footer with "page N of M" as fields, and the East Asian font slot
//! (`w:eastAsia`) set on the defaults and the headings, so Chinese shows in a Chinese face
//! (SimSun, SimHei for headings) and never in a Latin face's fallback. Text is cleaned of
//! the characters XML 1.0 cannot hold (most C0 controls), which would otherwise make Word
//! refuse the file or offer to repair it.

use docx_rs::{
    AlignmentType, BreakType, Docx, FieldCharType, Footer, Header, InstrText, PageMargin,
    Paragraph, Run, RunFonts, Shading, Style, StyleType, Table, TableBorders, TableCell, TableRow,
    WidthType,
};

/// A4 in twentieths of a point (twips).
const A4_WIDTH: u32 = 11_906;
/// A4 height in twips.
const A4_HEIGHT: u32 = 16_838;
/// 20 mm in twips: every margin.
const MARGIN: i32 = 1_134;
/// The width text and tables take: the page less both margins.
const TEXT_WIDTH: usize = 11_906 - 2 * 1_134;
/// The width text and tables take on a page turned on its side ([`Word::landscape`]).
pub const LANDSCAPE_WIDTH: usize = 16_838 - 2 * 1_134;
/// Latin face of body text (Word's default since 2007; LibreOffice substitutes Carlito).
const LATIN_FACE: &str = "Calibri";
/// Chinese face of body text: what Chinese government and association documents use.
const CJK_FACE: &str = "SimSun";
/// Chinese face of titles and headings.
const CJK_HEADING_FACE: &str = "SimHei";
/// Body text size in half-points (10.5 pt, 五号 in Chinese typesetting).
const BODY_SIZE: usize = 21;
/// Grey of small print and of the header and footer.
const GREY: &str = "666666";
/// Fill of table header cells.
const HEADER_FILL: &str = "E6E9EE";
/// Style id of the table style every table uses.
const TABLE_STYLE: &str = "DelegationTable";

/// Why a Word document could not be made.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct DocxError(#[from] docx_rs::DocxError);

/// A Word document being built, top to bottom.
pub struct Word {
    docx: Docx,
}

/// Text that XML 1.0 can hold: C0 controls other than tab and line feed dropped (Word asks
/// to repair a file with them), invisible characters dropped as in every export.
pub fn clean(text: &str) -> String {
    super::sanitize_cell(text)
        .chars()
        .filter(|c| !c.is_control() || matches!(c, '\t' | '\n'))
        .filter(|c| !matches!(c, '\u{FFFE}' | '\u{FFFF}'))
        .collect()
}

/// A run of `text`, lines kept apart by line breaks (a `\n` in a Word text is lost).
fn runs(text: &str, bold: bool) -> Vec<Run> {
    let cleaned = clean(text);
    let mut out = Vec::new();
    for (i, line) in cleaned.split('\n').enumerate() {
        let mut run = Run::new();
        if i > 0 {
            run = run.add_break(BreakType::TextWrapping);
        }
        run = run.add_text(line);
        if bold {
            run = run.bold();
        }
        out.push(run);
    }
    out
}

/// A paragraph of `text` in style `style` (`None`: Normal).
fn paragraph(text: &str, style: Option<&str>, bold: bool) -> Paragraph {
    let mut p = Paragraph::new();
    if let Some(style) = style {
        p = p.style(style);
    }
    for run in runs(text, bold) {
        p = p.add_run(run);
    }
    p
}

/// The fonts of a style: Latin face, and the Chinese face in the East Asian slot.
fn fonts(cjk: &str) -> RunFonts {
    RunFonts::new()
        .ascii(LATIN_FACE)
        .hi_ansi(LATIN_FACE)
        .cs(LATIN_FACE)
        .east_asia(cjk)
}

impl Word {
    /// An empty A4 document with the app's styles, `header` (the document's mark) at the
    /// top right of every page and `footer` beside "page N of M" at the bottom.
    pub fn new(header: &str, footer: &str, language_zh: bool) -> Self {
        let title = Style::new("Title", StyleType::Paragraph)
            .name("Title")
            .based_on("Normal")
            .next("Normal")
            .size(36)
            .bold()
            .fonts(fonts(CJK_HEADING_FACE))
            .q_format(true);
        let heading1 = Style::new("Heading1", StyleType::Paragraph)
            .name("heading 1")
            .based_on("Normal")
            .next("Normal")
            .size(28)
            .bold()
            .color("1F3864")
            .fonts(fonts(CJK_HEADING_FACE))
            .outline_lvl(0)
            .q_format(true);
        let heading2 = Style::new("Heading2", StyleType::Paragraph)
            .name("heading 2")
            .based_on("Normal")
            .next("Normal")
            .size(24)
            .bold()
            .color("1F3864")
            .fonts(fonts(CJK_HEADING_FACE))
            .outline_lvl(1)
            .q_format(true);
        let small = Style::new("Small", StyleType::Paragraph)
            .name("Small print")
            .based_on("Normal")
            .size(18)
            .color(GREY);
        let table = Style::new(TABLE_STYLE, StyleType::Table)
            .name("Delegation table")
            .set_borders(TableBorders::new());
        let (page, of) = if language_zh {
            ("第 ", " 页，共 ")
        } else {
            ("Page ", " of ")
        };
        let page_field = |instr: InstrText| {
            Run::new()
                .add_field_char(FieldCharType::Begin, false)
                .add_instr_text(instr)
                .add_field_char(FieldCharType::Separate, false)
                .add_text("1")
                .add_field_char(FieldCharType::End, false)
                .color(GREY)
                .size(16)
        };
        let mut foot = Paragraph::new().align(AlignmentType::Center);
        let footer = clean(footer);
        if !footer.trim().is_empty() {
            foot = foot.add_run(
                Run::new()
                    .add_text(format!("{footer} · "))
                    .color(GREY)
                    .size(16),
            );
        }
        foot = foot
            .add_run(Run::new().add_text(page).color(GREY).size(16))
            .add_run(page_field(InstrText::PAGE(docx_rs::InstrPAGE {})))
            .add_run(Run::new().add_text(of).color(GREY).size(16))
            .add_run(page_field(InstrText::NUMPAGES(docx_rs::InstrNUMPAGES {})));
        if language_zh {
            foot = foot.add_run(Run::new().add_text(" 页").color(GREY).size(16));
        }
        let head = Paragraph::new()
            .align(AlignmentType::Right)
            .add_run(Run::new().add_text(clean(header)).color(GREY).size(16));
        let docx = Docx::new()
            .page_size(A4_WIDTH, A4_HEIGHT)
            .page_margin(PageMargin {
                top: MARGIN,
                left: MARGIN,
                bottom: MARGIN,
                right: MARGIN,
                header: MARGIN / 2,
                footer: MARGIN / 2,
                gutter: 0,
            })
            .default_fonts(fonts(CJK_FACE))
            .default_size(BODY_SIZE)
            .add_style(title)
            .add_style(heading1)
            .add_style(heading2)
            .add_style(small)
            .add_style(table)
            .header(Header::new().add_paragraph(head))
            .footer(Footer::new().add_paragraph(foot));
        Self { docx }
    }

    /// The document's title (style Title).
    pub fn title(&mut self, text: &str) {
        self.push(paragraph(text, Some("Title"), false));
    }

    /// A section heading (style Heading 1), kept with what follows.
    pub fn heading1(&mut self, text: &str) {
        self.push(paragraph(text, Some("Heading1"), false).keep_next(true));
    }

    /// A sub-heading (style Heading 2), kept with what follows.
    pub fn heading2(&mut self, text: &str) {
        self.push(paragraph(text, Some("Heading2"), false).keep_next(true));
    }

    /// Body text.
    pub fn paragraph(&mut self, text: &str) {
        self.push(paragraph(text, None, false));
    }

    /// A line with a bold label before its value: `Venue: AFNOR headquarters`.
    pub fn labelled(&mut self, label: &str, value: &str) {
        let mut p =
            Paragraph::new().add_run(Run::new().add_text(format!("{}: ", clean(label))).bold());
        for run in runs(value, false) {
            p = p.add_run(run);
        }
        self.push(p);
    }

    /// Small grey print.
    pub fn small(&mut self, text: &str) {
        self.push(paragraph(text, Some("Small"), false));
    }

    /// A table in the document's table style: `widths` relative (as in the PDF blocks),
    /// `header` bold on a tinted row (none when empty), then `rows`.
    pub fn table(&mut self, widths: &[f32], header: &[String], rows: &[Vec<String>]) {
        let columns = widths
            .len()
            .max(header.len())
            .max(rows.iter().map(Vec::len).max().unwrap_or(0))
            .max(1);
        let total: f32 = (0..columns)
            .map(|i| widths.get(i).copied().filter(|w| *w > 0.0).unwrap_or(1.0))
            .sum();
        let grid: Vec<usize> = (0..columns)
            .map(|i| {
                let w = widths.get(i).copied().filter(|w| *w > 0.0).unwrap_or(1.0);
                // Rounded down: the columns never add up to more than the text width.
                ((w / total) * TEXT_WIDTH as f32) as usize
            })
            .collect();
        let cell = |text: &str, width: usize, head: bool| {
            // A header row kept with the next row: never alone at the foot of a page.
            let mut c = TableCell::new()
                .width(width, WidthType::Dxa)
                .add_paragraph(paragraph(text, None, head).keep_next(head));
            if head {
                c = c.shading(Shading::new().fill(HEADER_FILL));
            }
            c
        };
        let row = |texts: &[String], head: bool| {
            TableRow::new(
                grid.iter()
                    .enumerate()
                    .map(|(i, w)| cell(texts.get(i).map_or("", String::as_str), *w, head))
                    .collect(),
            )
            .cant_split()
        };
        let mut table_rows = Vec::new();
        if !header.is_empty() {
            table_rows.push(row(header, true));
        }
        table_rows.extend(rows.iter().map(|r| row(r, false)));
        let table = Table::new(table_rows)
            .style(TABLE_STYLE)
            .set_grid(grid.clone())
            .width(TEXT_WIDTH, WidthType::Dxa);
        self.docx = std::mem::take(&mut self.docx).add_table(table);
        // Two tables in a row would merge into one in Word: a paragraph keeps them apart.
        self.push(Paragraph::new());
    }

    /// Turns the pages on their side (A4 landscape), for a drawing wider than tall: a
    /// seating plan. Tables built with [`Self::add_table`] then have [`LANDSCAPE_WIDTH`].
    pub fn landscape(&mut self) {
        self.docx = std::mem::take(&mut self.docx)
            .page_size(A4_HEIGHT, A4_WIDTH)
            .page_orient(docx_rs::PageOrientationType::Landscape);
    }

    /// A table built by the caller (merged cells, shading of its own), followed by an empty
    /// paragraph as [`Self::table`] does.
    pub fn add_table(&mut self, table: Table) {
        self.docx = std::mem::take(&mut self.docx).add_table(table);
        self.push(Paragraph::new());
    }

    /// Starts a new page.
    pub fn page_break(&mut self) {
        self.push(Paragraph::new().add_run(Run::new().add_break(BreakType::Page)));
    }

    fn push(&mut self, p: Paragraph) {
        self.docx = std::mem::take(&mut self.docx).add_paragraph(p);
    }

    /// The bytes of the .docx file.
    ///
    /// # Errors
    /// When docx-rs cannot write the XML or the ZIP (in memory: only on a bug).
    pub fn finish(self) -> Result<Vec<u8>, DocxError> {
        let mut cursor = std::io::Cursor::new(Vec::new());
        self.docx
            .pack(&mut cursor)
            .map_err(|e| DocxError(e.into()))?;
        Ok(cursor.into_inner())
    }
}

/// One piece of a printed document: a block of the PDF engine, or a sub-heading (Heading 2
/// in Word; a heading in the PDF, which has one level).
#[derive(Clone, Debug, PartialEq)]
pub enum Part {
    /// A block as the PDF lays it out.
    Block(super::pdf::Block),
    /// A heading under a section heading.
    Subheading(String),
}

impl Part {
    /// The block the PDF draws for this part.
    pub fn into_block(self) -> super::pdf::Block {
        match self {
            Self::Block(b) => b,
            Self::Subheading(text) => super::pdf::Block::Heading(text),
        }
    }
}

/// A Word document of `blocks` (see [`from_parts`]).
///
/// # Errors
/// As [`Word::finish`].
pub fn from_blocks(
    blocks: &[super::pdf::Block],
    header: &str,
    footer: &str,
    language_zh: bool,
) -> Result<Vec<u8>, DocxError> {
    let parts: Vec<Part> = blocks.iter().cloned().map(Part::Block).collect();
    from_parts(&parts, header, footer, language_zh)
}

/// A Word document of `parts`, laid out as the PDF lays out its blocks: title, Heading 1,
/// Heading 2, body text, small print and tables in the document's styles.
///
/// # Errors
/// As [`Word::finish`].
pub fn from_parts(
    parts: &[Part],
    header: &str,
    footer: &str,
    language_zh: bool,
) -> Result<Vec<u8>, DocxError> {
    use super::pdf::Block;
    let mut word = Word::new(header, footer, language_zh);
    for part in parts {
        match part {
            Part::Subheading(text) => word.heading2(text),
            Part::Block(Block::Title(text)) => word.title(text),
            Part::Block(Block::Heading(text)) => word.heading1(text),
            Part::Block(Block::Paragraph(text)) => word.paragraph(text),
            Part::Block(Block::Small(text)) => word.small(text),
            Part::Block(Block::Table {
                widths,
                header,
                rows,
            }) => word.table(widths, header, rows),
            // Word spaces paragraphs by their styles.
            Part::Block(Block::Spacer(_)) => {}
            Part::Block(Block::PageBreak) => word.page_break(),
        }
    }
    word.finish()
}
