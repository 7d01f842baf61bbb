//! PDF layout: a small block document model (titles, headings, paragraphs, tables) and
//! folded table name cards, rendered with [krilla](https://docs.rs/krilla).
//!
//! Text is real, extractable text (each glyph carries its characters for the PDF's
//! ToUnicode map), never paths. krilla does no font fallback, so every string is split into
//! runs per font: DejaVu Sans for Latin and European letters (Noto CJK lacks Ł, ő, ů…) and
//! the app's bundled Noto Sans SC subset for Chinese. A character neither font has is drawn
//! as the CJK font's .notdef box rather than failing. Lines wrap by measured glyph
//! advances: Latin text at spaces and after hyphens, CJK text between any two characters
//! (but never before closing punctuation such as `，。）`).
//!
//! All sizes are in PostScript points (1/72 inch); A4 pages with 18 mm margins.

mod cards;
#[cfg(test)]
mod cards_fill;
mod cut;
mod draw;
mod flow;
mod fonts;
mod plan;
mod plan_draw;
mod wrap;

pub use cards::{CardFace, CardOptions, CardSize, render_name_cards, render_name_cards_with};
pub use cut::{CutReason, CutText, MAX_PRINTED_CHARS, cut_during, cut_message};
pub use fonts::unprintable_during;
pub use plan::{
    Paper, PlanDrawing, PlanRoom, PlanSeat, PlanSide, PlanTable, page_grid, render_plan,
    tables_per_page,
};

use krilla::color::rgb;
use krilla::metadata::Metadata;
use krilla::page::PageSettings;

use draw::{draw_footer, draw_op, footer_line};
use flow::Layout;
use fonts::fonts;

/// DejaVu Sans (see `assets/fonts/LICENSE-DejaVu.txt`): broad European coverage.
pub(super) const LATIN_REGULAR: &[u8] = crate::fonts::LATIN_REGULAR;
/// DejaVu Sans Bold, for titles, headings, table headers and names.
pub(super) const LATIN_BOLD: &[u8] = crate::fonts::LATIN_BOLD;
/// The app's Noto Sans SC subset; shared rather than included a second time, which would
/// put another 5 MB into the binary.
pub(super) const CJK: &[u8] = crate::fonts::CJK;

/// Points per millimetre.
pub(super) const MM: f32 = 72.0 / 25.4;
/// A4 short side in points.
pub(super) const A4_SHORT: f32 = 210.0 * MM;
/// A4 long side in points.
pub(super) const A4_LONG: f32 = 297.0 * MM;
/// Page margin on all four sides.
pub(super) const MARGIN: f32 = 18.0 * MM;
/// Line height as a multiple of the font size.
pub(super) const LINE: f32 = 1.3;
/// Distance from the top of a line box to its baseline, as a multiple of the font size;
/// leaves room for DejaVu's ascender (0.93 em) above and its descender (0.24 em) below.
pub(super) const BASELINE: f32 = 0.98;
/// Padding inside table cells.
pub(super) const CELL_PAD: f32 = 3.0;
/// Synthetic bold for CJK (the bundled subset has no bold face): stroke width in em.
pub(super) const CJK_BOLD_STROKE: f32 = 0.03;

/// Body text size.
pub(super) const BODY: f32 = 10.0;
/// Title size.
pub(super) const TITLE: f32 = 18.0;
/// Heading size.
pub(super) const HEADING: f32 = 13.0;
/// Size of small print and of the page footer.
pub(super) const SMALL: f32 = 8.0;
/// Size of table text.
pub(super) const TABLE: f32 = 9.0;
/// A table of this many body rows or fewer (a signature block) is kept on one page when
/// it fits on one; longer ones start with two rows and end with two.
pub const SMALL_TABLE: usize = 4;

/// An sRGB colour; krilla's own colour type cannot be built in a `const`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Rgb(pub(super) u8, pub(super) u8, pub(super) u8);

impl From<Rgb> for krilla::paint::Paint {
    fn from(Rgb(r, g, b): Rgb) -> Self {
        rgb::Color::new(r, g, b).into()
    }
}

/// Body text colour: near-black prints crisper than mixed grey on most laser printers.
pub(super) const INK: Rgb = Rgb(0x1a, 0x1a, 0x1a);
/// Small print colour.
pub(super) const GREY: Rgb = Rgb(0x66, 0x66, 0x66);
/// Table grid colour.
pub(super) const RULE: Rgb = Rgb(0xb4, 0xb4, 0xb4);
/// Table header background.
pub(super) const HEADER_FILL: Rgb = Rgb(0xe6, 0xe9, 0xee);

/// Paper size and orientation of a [`Document`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PageSize {
    /// A4, 210 × 297 mm, upright.
    #[default]
    A4Portrait,
    /// A4, 297 × 210 mm, on its side (wide tables).
    A4Landscape,
}

impl PageSize {
    /// Width and height in points.
    pub(super) fn dimensions(self) -> (f32, f32) {
        match self {
            Self::A4Portrait => (A4_SHORT, A4_LONG),
            Self::A4Landscape => (A4_LONG, A4_SHORT),
        }
    }
}

/// One piece of a [`Document`], laid out top to bottom, flowing onto new pages as needed.
///
/// Text may contain `\n` for a hard line break; other control characters are dropped.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    /// Document title: large and bold.
    Title(String),
    /// Section heading: bold, kept on the same page as the two lines after it.
    Heading(String),
    /// Body text, wrapped to the page width.
    Paragraph(String),
    /// Small grey text: footnotes, the "generated on" line.
    Small(String),
    /// A table with wrapped cells. The header row is repeated at the top of every page the
    /// table continues on; a row moves to the next page whole unless it is taller than a page.
    Table {
        /// Relative column widths (e.g. `[1.0, 3.0]`: the second column is three times as
        /// wide as the first). Missing or invalid entries get the average of the valid ones.
        widths: Vec<f32>,
        /// Header cells, bold on a tinted background; empty for no header.
        header: Vec<String>,
        /// Body rows; a row with fewer cells than columns leaves the rest empty.
        rows: Vec<Vec<String>>,
    },
    /// Vertical space in points (ignored at the top of a page, capped at the page end).
    Spacer(f32),
    /// Start a new page (ignored at the top of an empty page).
    PageBreak,
    /// The text printed at the top of this page and of every page after it, until the
    /// next one (the minutes' draft or final mark: every page says what it is).
    RunningHeader(String),
}

/// A document to render with [`render`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Document {
    /// Title stored in the PDF's metadata (shown by viewers in the window title) and in the
    /// page footer. Not drawn as a heading: add a [`Block::Title`] for that.
    pub title: String,
    /// The footer's text on every page, beside "page / pages": the project and the date
    /// (see [`crate::export::text::footer_line`]); the title when empty.
    pub footer: String,
    /// Paper size and orientation of every page.
    pub page: PageSize,
    /// The content, top to bottom.
    pub blocks: Vec<Block>,
}

/// One person's folded table name card, see [`render_name_cards`]. The organisation and
/// title are those of a card in both languages; the `_en` and `_zh` ones those of a side
/// in one language.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NameCard {
    /// Name in Latin script, e.g. `HUANG Jixian` or `Myriam AUGEREAU LANDAIS`.
    pub name_latin: String,
    /// Name in Chinese, e.g. `黄继先`; a space inside (`方 艳`) is kept as typed.
    pub name_chinese: String,
    /// Organisation, printed smaller under the names.
    pub organisation: String,
    /// Job title, printed smaller under the names.
    pub title: String,
    /// The title in English, for a side of the card in English only (else [`Self::title`]).
    pub title_en: String,
    /// The title in Chinese, for a side of the card in Chinese only.
    pub title_zh: String,
    /// The organisation in English, for a side of the card in English only.
    pub organisation_en: String,
    /// The organisation in Chinese, for a side of the card in Chinese only.
    pub organisation_zh: String,
    /// Where the card goes, printed small in a corner of each face (`Table 3 · right 1`);
    /// empty on name cards.
    pub mark: String,
}

/// Why a PDF could not be made.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// A font built into the app could not be read: the program file is damaged.
    #[error("the {0} font built into the app could not be read; reinstall Delegation Planner")]
    Font(&'static str),
    /// krilla refused to write the document.
    #[error("the PDF could not be written: {0}")]
    Write(#[source] krilla::error::KrillaError),
    /// A page size krilla cannot make (none of [`PageSize`] is one).
    #[error("the PDF could not be written: invalid page size {width} × {height} pt")]
    PageSize {
        /// Width in points.
        width: f32,
        /// Height in points.
        height: f32,
    },
    /// The progress callback asked to stop (the user cancelled).
    #[error("cancelled")]
    Cancelled,
}

/// Renders `doc` to the bytes of a PDF file.
///
/// Every page gets a footer with [`Document::footer`] and "page / pages". Never panics, also
/// not on empty, huge or hostile text.
///
/// # Errors
/// [`PdfError::Font`] if a bundled font is unreadable, [`PdfError::Write`] if krilla fails.
pub fn render(doc: &Document) -> Result<Vec<u8>, PdfError> {
    let fonts = fonts()?;
    let (width, height) = doc.page.dimensions();
    let mut layout = Layout::new(fonts, width, height);
    for (i, block) in doc.blocks.iter().enumerate() {
        layout.block(block, doc.blocks.get(i + 1));
    }
    let pages = layout.pages;
    let headers = layout.headers;
    let title = clean_title(&doc.title);
    let footer = match clean_title(&doc.footer) {
        footer if footer.is_empty() => title.clone(),
        footer => footer,
    };

    let mut pdf = krilla::Document::new();
    pdf.set_metadata(metadata(&title));
    let total = pages.len();
    let footer = footer_line(fonts, &footer, total, width);
    for (index, ops) in pages.iter().enumerate() {
        let settings = page_settings(width, height)?;
        let mut page = pdf.start_page_with(settings);
        let mut surface = page.surface();
        for op in ops {
            draw_op(&mut surface, fonts, op);
        }
        if let Some(header) = headers.get(index).filter(|h| !h.trim().is_empty()) {
            draw::draw_header(&mut surface, fonts, &clean_title(header), width);
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
        page.finish();
    }
    pdf.finish().map_err(PdfError::Write)
}
/// The widths of a table's columns in points, sized from their content as the PDF sizes
/// its tables (every column at least its widest word or time range, short columns
/// unwrapped, the rest shared by `widths`), for the Word documents: `total` points wide,
/// text of `size` points measured in the PDF's fonts (wider than most, so the widths are
/// on the safe side), `pad` points of a cell beyond its text.
///
/// # Errors
/// [`PdfError::Font`] if a bundled font is unreadable.
pub fn table_column_widths(
    widths: &[f32],
    header: &[String],
    rows: &[Vec<String>],
    (size, pad): (f32, f32),
    total: f32,
) -> Result<Vec<f32>, PdfError> {
    let columns = widths
        .len()
        .max(header.len())
        .max(rows.iter().map(Vec::len).max().unwrap_or(0));
    let cells = flow::Cells {
        widths,
        columns,
        header,
        rows,
    };
    Ok(flow::column_widths(fonts()?, cells, size, pad, total))
}

pub(super) fn page_settings(width: f32, height: f32) -> Result<PageSettings, PdfError> {
    PageSettings::from_wh(width, height).ok_or(PdfError::PageSize { width, height })
}

pub(super) fn metadata(title: &str) -> Metadata {
    Metadata::new()
        .title(title.to_owned())
        .creator("Delegation Planner".to_owned())
}

/// `these characters cannot be printed …: 𠀀 (U+20000), …`: the English of the command
/// line (the app says it in the UI's language).
pub fn unprintable_message(chars: &[char]) -> String {
    format!(
        "no font has these characters, so they would print as boxes: {}; install a font that has them (a CJK Extension B font for rare name characters) and export again, or change the text",
        describe_chars(chars)
    )
}

/// `𠀀 (U+20000), 𪚥 (U+2A6A5)`: each character and its code point, which a user can look
/// up even where the character itself shows as a box.
pub fn describe_chars(chars: &[char]) -> String {
    chars
        .iter()
        .map(|c| format!("{c} (U+{:04X})", u32::from(*c)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The title without control characters, which have no business in metadata or a footer.
fn clean_title(title: &str) -> String {
    cut::printable(title)
        .chars()
        .map(|ch| if ch.is_control() { ' ' } else { ch })
        .collect::<String>()
        .trim()
        .to_owned()
}
