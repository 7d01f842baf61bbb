//! Word documents (.docx) through [`docx_rs`]: the minutes, the agenda and the attendee list
//! as ministries and associations edit, countersign and file them.
//!
//! Tables print as the PDF's do: columns sized from their content by the PDF engine (no
//! word, time range or number split), rows that never break across pages, a header row
//! repeated on every page (`w:tblHeader`, which docx-rs cannot write: added to the XML it
//! makes) and kept with the first rows, the last two rows kept together, and widow and
//! orphan control on every paragraph. The document's properties name its title, its
//! author and when it was made (docx-rs writes "unknown" and 1970).
//!
//! What Word and LibreOffice expect of a document people go on editing: real styles (Title,
//! Heading 1, Heading 2, a table style) rather than formatting on every run, real tables, A4
//! with 20 mm margins, a footer with "page N of M" as fields, and the East Asian font slot
//! (`w:eastAsia`) set on the defaults and the headings, so Chinese shows in a Chinese face
//! (SimSun, SimHei for headings) and never in a Latin face's fallback. Text is cleaned of
//! the characters XML 1.0 cannot hold (most C0 controls), which would otherwise make Word
//! refuse the file or offer to repair it.

use chrono::{DateTime, Utc};
use docx_rs::{
    AlignmentType, BreakType, Docx, FieldCharType, Footer, Header, InstrText, PageMargin,
    Paragraph, Run, RunFonts, Shading, Style, StyleType, Table, TableBorders, TableCell,
    TableLayoutType, TableRow, WidthType,
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

/// A table of this many body rows or fewer is kept on one page.
const SMALL_TABLE: usize = super::pdf::SMALL_TABLE;
/// Word's own room on either side of a cell's text (0.19 cm), in points.
const CELL_MARGINS: f32 = 2.0 * 5.4;

/// Why a Word document could not be made.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct DocxError(#[from] docx_rs::DocxError);

/// What a Word document says about itself (File › Properties): its title, who made it and
/// when.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Properties {
    /// The document's title.
    pub title: String,
    /// Its author (the app's settings, `--author`); left out when empty.
    pub author: String,
    /// When it was made: created and last modified.
    pub made: DateTime<Utc>,
    /// Whether the document is written in Chinese (its language tag: `zh-CN`, else `en-GB`).
    pub chinese: bool,
}

/// A Word document being built, top to bottom.
pub struct Word {
    docx: Docx,
    /// For each table in the document, in order: whether its first row is a header row,
    /// to mark with `w:tblHeader` once docx-rs has written the XML.
    headed: Vec<bool>,
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

/// A paragraph of `text` in style `style` (`None`: Normal), with widow and orphan control.
fn paragraph(text: &str, style: Option<&str>, bold: bool) -> Paragraph {
    let mut p = Paragraph::new().widow_control(true);
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
        Self {
            docx,
            headed: Vec::new(),
        }
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
        let mut p = Paragraph::new()
            .widow_control(true)
            .add_run(Run::new().add_text(format!("{}: ", clean(label))).bold());
        for run in runs(value, false) {
            p = p.add_run(run);
        }
        self.push(p);
    }

    /// Small grey print.
    pub fn small(&mut self, text: &str) {
        self.push(paragraph(text, Some("Small"), false));
    }

    /// A table in the document's table style, printed as the PDF prints it: columns sized
    /// from their content (`widths` relative, as in the PDF blocks, share what is left),
    /// `header` bold on a tinted row repeated on every page (none when empty), then `rows`;
    /// no row breaks across pages, the header stays with the first two rows and the last
    /// two rows stay together.
    pub fn table(&mut self, widths: &[f32], header: &[String], rows: &[Vec<String>]) {
        let grid = grid(widths, header, rows);
        let cell = |text: &str, width: usize, head: bool, keep: bool| {
            let mut c = TableCell::new()
                .width(width, WidthType::Dxa)
                .add_paragraph(paragraph(text, None, head).keep_next(keep));
            if head {
                c = c.shading(Shading::new().fill(HEADER_FILL));
            }
            c
        };
        let row = |texts: &[String], head: bool, keep: bool| {
            TableRow::new(
                grid.iter()
                    .enumerate()
                    .map(|(i, w)| cell(texts.get(i).map_or("", String::as_str), *w, head, keep))
                    .collect(),
            )
            .cant_split()
        };
        let mut table_rows = Vec::new();
        if !header.is_empty() {
            table_rows.push(row(header, true, true));
        }
        let last = rows.len().saturating_sub(1);
        table_rows.extend(rows.iter().enumerate().map(|(i, r)| {
            // "Keep with next" on a row keeps it on the page of the row after it: the
            // first row with the second (never one row under the header at the foot of a
            // page), the last but one with the last (never the last row alone on a page);
            // a table of a few rows (a signature block) stays whole.
            let keep = i < last && (i == 0 || i + 1 == last || rows.len() <= SMALL_TABLE);
            row(r, false, keep)
        }));
        let table = Table::new(table_rows)
            .style(TABLE_STYLE)
            .set_grid(grid.clone())
            .layout(TableLayoutType::Fixed)
            .width(grid.iter().sum(), WidthType::Dxa);
        self.docx = std::mem::take(&mut self.docx).add_table(table);
        self.headed.push(!header.is_empty());
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

    /// The bytes of the .docx file, with `properties` in it.
    ///
    /// # Errors
    /// When docx-rs cannot write the XML or the ZIP, or the XML it wrote cannot be read
    /// back (in memory: only on a bug).
    pub fn finish(self, properties: &Properties) -> Result<Vec<u8>, DocxError> {
        let mut xml = self.docx.build();
        xml.document = mark_header_rows(&xml.document, &self.headed)?;
        xml.doc_props.core = core_properties(properties).into_bytes();
        let mut cursor = std::io::Cursor::new(Vec::new());
        xml.pack(&mut cursor).map_err(|e| DocxError(e.into()))?;
        Ok(cursor.into_inner())
    }
}

/// The grid of a table in twips: the widths the PDF engine gives its columns for the text
/// width at Word's body size, or shares by `widths` if the fonts cannot be read.
fn grid(widths: &[f32], header: &[String], rows: &[Vec<String>]) -> Vec<usize> {
    let columns = widths
        .len()
        .max(header.len())
        .max(rows.iter().map(Vec::len).max().unwrap_or(0))
        .max(1);
    let total = TEXT_WIDTH as f32 / 20.0;
    let size = BODY_SIZE as f32 / 2.0;
    let points =
        super::pdf::table_column_widths(widths, header, rows, (size, CELL_MARGINS + 1.0), total)
            .ok()
            .filter(|w| w.len() == columns)
            .unwrap_or_else(|| {
                let weight = |i: usize| widths.get(i).copied().filter(|w| *w > 0.0).unwrap_or(1.0);
                let sum: f32 = (0..columns).map(weight).sum();
                (0..columns).map(|i| weight(i) / sum * total).collect()
            });
    // Rounded down: the columns never add up to more than the text width.
    points
        .iter()
        .map(|w| (w.max(0.0) * 20.0) as usize)
        .collect()
}

/// `document.xml` with `<w:tblHeader/>` in the row properties of the first row of every
/// table marked in `headed` (in document order): Word and LibreOffice repeat such a row at
/// the top of every page the table runs onto. docx-rs writes every row's properties
/// (`w:cantSplit`), so each first row has a `w:trPr` to add it to.
fn mark_header_rows(document: &[u8], headed: &[bool]) -> Result<Vec<u8>, DocxError> {
    use quick_xml::events::{BytesStart, Event};
    let broken = |e: &dyn std::fmt::Display| {
        DocxError(docx_rs::DocxError::ConvertError(format!(
            "the document's XML could not be read back: {e}"
        )))
    };
    let mut reader = quick_xml::Reader::from_reader(document);
    let mut writer = quick_xml::Writer::new(Vec::with_capacity(document.len() + 64));
    let mut buf = Vec::new();
    // The table being read (its index), and its row.
    let mut table: Option<usize> = None;
    let mut tables = 0;
    let mut row = 0;
    loop {
        let event = reader.read_event_into(&mut buf).map_err(|e| broken(&e))?;
        let mut header_here = false;
        match &event {
            Event::Eof => break,
            Event::Start(e) if e.name().into_inner() == "w:tbl" => {
                table = Some(tables);
                tables += 1;
                row = 0;
            }
            Event::End(e) if e.name().into_inner() == "w:tbl" => table = None,
            Event::Start(e) if e.name().into_inner() == "w:tr" => row += 1,
            Event::Start(e) if e.name().into_inner() == "w:trPr" => {
                header_here = row == 1 && table.is_some_and(|t| headed.get(t) == Some(&true));
            }
            _ => {}
        }
        writer.write_event(event).map_err(|e| broken(&e))?;
        if header_here {
            writer
                .write_event(Event::Empty(BytesStart::new("w:tblHeader")))
                .map_err(|e| broken(&e))?;
        }
        buf.clear();
    }
    Ok(writer.into_inner())
}

/// `docProps/core.xml` with the title, the author, the language and the time made.
fn core_properties(p: &Properties) -> String {
    use quick_xml::escape::escape;
    let made = p.made.format("%Y-%m-%dT%H:%M:%SZ");
    let title = clean(&p.title);
    let author = clean(&p.author);
    let mut out = String::from(concat!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
        r#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties""#,
        r#" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/""#,
        r#" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#
    ));
    if !title.trim().is_empty() {
        out.push_str(&format!("<dc:title>{}</dc:title>", escape(title.trim())));
    }
    if !author.trim().is_empty() {
        let author = escape(author.trim());
        out.push_str(&format!(
            "<dc:creator>{author}</dc:creator><cp:lastModifiedBy>{author}</cp:lastModifiedBy>"
        ));
    }
    out.push_str(&format!(
        "<dc:language>{}</dc:language><cp:revision>1</cp:revision>",
        if p.chinese { "zh-CN" } else { "en-GB" }
    ));
    out.push_str(&format!(
        r#"<dcterms:created xsi:type="dcterms:W3CDTF">{made}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">{made}</dcterms:modified></cp:coreProperties>"#
    ));
    out
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
    properties: &Properties,
) -> Result<Vec<u8>, DocxError> {
    let parts: Vec<Part> = blocks.iter().cloned().map(Part::Block).collect();
    from_parts(&parts, header, footer, properties)
}

/// A Word document of `parts`, laid out as the PDF lays out its blocks: title, Heading 1,
/// Heading 2, body text, small print and tables in the document's styles. A table without
/// a header of two columns (the facts under a title) is written as labelled lines, so that
/// every table of the document has a header row.
///
/// # Errors
/// As [`Word::finish`].
pub fn from_parts(
    parts: &[Part],
    header: &str,
    footer: &str,
    properties: &Properties,
) -> Result<Vec<u8>, DocxError> {
    use super::pdf::Block;
    let mut word = Word::new(header, footer, properties.chinese);
    for part in parts {
        match part {
            Part::Subheading(text) => word.heading2(text),
            Part::Block(Block::Title(text)) => word.title(text),
            Part::Block(Block::Heading(text)) => word.heading1(text),
            Part::Block(Block::Paragraph(text)) => word.paragraph(text),
            Part::Block(Block::Small(text)) => word.small(text),
            Part::Block(Block::Table { header, rows, .. })
                if header.is_empty() && rows.iter().all(|r| r.len() == 2) =>
            {
                for row in rows {
                    if let [label, value] = row.as_slice() {
                        word.labelled(label, value);
                    }
                }
            }
            Part::Block(Block::Table {
                widths,
                header,
                rows,
            }) => word.table(widths, header, rows),
            // Word spaces paragraphs by their styles; the header is the document's own.
            Part::Block(Block::Spacer(_) | Block::RunningHeader(_)) => {}
            Part::Block(Block::PageBreak) => word.page_break(),
        }
    }
    word.finish(properties)
}
