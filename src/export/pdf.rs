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

use std::sync::OnceLock;

use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Transform};
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, FillRule, LineCap, LineJoin, Stroke, StrokeDash};
use krilla::surface::Surface;
use krilla::text::{Font, GlyphId, KrillaGlyph};
use skrifa::MetadataProvider as _;
use skrifa::charmap::Charmap;
use skrifa::instance::{LocationRef, Size};
use skrifa::metrics::GlyphMetrics;

/// DejaVu Sans (see `assets/fonts/LICENSE-DejaVu.txt`): broad European coverage.
const LATIN_REGULAR: &[u8] = crate::fonts::LATIN_REGULAR;
/// DejaVu Sans Bold, for titles, headings, table headers and names.
const LATIN_BOLD: &[u8] = crate::fonts::LATIN_BOLD;
/// The app's Noto Sans SC subset; shared rather than included a second time, which would
/// put another 5 MB into the binary.
const CJK: &[u8] = crate::fonts::CJK;

/// Points per millimetre.
const MM: f32 = 72.0 / 25.4;
/// A4 short side in points.
const A4_SHORT: f32 = 210.0 * MM;
/// A4 long side in points.
const A4_LONG: f32 = 297.0 * MM;
/// Page margin on all four sides.
const MARGIN: f32 = 18.0 * MM;
/// Line height as a multiple of the font size.
const LINE: f32 = 1.3;
/// Distance from the top of a line box to its baseline, as a multiple of the font size;
/// leaves room for DejaVu's ascender (0.93 em) above and its descender (0.24 em) below.
const BASELINE: f32 = 0.98;
/// Padding inside table cells.
const CELL_PAD: f32 = 3.0;
/// Synthetic bold for CJK (the bundled subset has no bold face): stroke width in em.
const CJK_BOLD_STROKE: f32 = 0.03;

/// Body text size.
const BODY: f32 = 10.0;
/// Title size.
const TITLE: f32 = 18.0;
/// Heading size.
const HEADING: f32 = 13.0;
/// Size of small print and of the page footer.
const SMALL: f32 = 8.0;
/// Size of table text.
const TABLE: f32 = 9.0;

/// An sRGB colour; krilla's own colour type cannot be built in a `const`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Rgb(u8, u8, u8);

impl From<Rgb> for krilla::paint::Paint {
    fn from(Rgb(r, g, b): Rgb) -> Self {
        rgb::Color::new(r, g, b).into()
    }
}

/// Body text colour: near-black prints crisper than mixed grey on most laser printers.
const INK: Rgb = Rgb(0x1a, 0x1a, 0x1a);
/// Small print colour.
const GREY: Rgb = Rgb(0x66, 0x66, 0x66);
/// Table grid colour.
const RULE: Rgb = Rgb(0xb4, 0xb4, 0xb4);
/// Table header background.
const HEADER_FILL: Rgb = Rgb(0xe6, 0xe9, 0xee);

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
    fn dimensions(self) -> (f32, f32) {
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
}

/// A document to render with [`render`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Document {
    /// Title stored in the PDF's metadata (shown by viewers in the window title) and in the
    /// page footer. Not drawn as a heading: add a [`Block::Title`] for that.
    pub title: String,
    /// Paper size and orientation of every page.
    pub page: PageSize,
    /// The content, top to bottom.
    pub blocks: Vec<Block>,
}

/// One person's folded table name card, see [`render_name_cards`].
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
}

/// Why a PDF could not be made.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// A font built into the app could not be read: the program file is damaged.
    #[error("the {0} font built into the app could not be read; reinstall Delegation Planner")]
    Font(&'static str),
    /// krilla refused to write the document.
    #[error("the PDF could not be written: {0}")]
    Write(String),
    /// The progress callback asked to stop (the user cancelled).
    #[error("cancelled")]
    Cancelled,
}

/// Renders `doc` to the bytes of a PDF file.
///
/// Every page gets a footer with the document title and "page / pages". Never panics, also
/// not on empty, huge or hostile text.
///
/// # Errors
/// [`PdfError::Font`] if a bundled font is unreadable, [`PdfError::Write`] if krilla fails.
pub fn render(doc: &Document) -> Result<Vec<u8>, PdfError> {
    let fonts = fonts()?;
    let (width, height) = doc.page.dimensions();
    let mut layout = Layout::new(fonts, width, height);
    for block in &doc.blocks {
        layout.block(block);
    }
    let pages = layout.pages;
    let title = clean_title(&doc.title);

    let mut pdf = krilla::Document::new();
    pdf.set_metadata(metadata(&title));
    let total = pages.len();
    for (index, ops) in pages.iter().enumerate() {
        let settings = page_settings(width, height)?;
        let mut page = pdf.start_page_with(settings);
        let mut surface = page.surface();
        for op in ops {
            draw_op(&mut surface, fonts, op);
        }
        draw_footer(&mut surface, fonts, &title, index + 1, total, width, height);
        surface.finish();
        page.finish();
    }
    pdf.finish().map_err(|err| PdfError::Write(err.to_string()))
}

/// Renders folded table name cards, one card per A4 landscape page.
///
/// The sheet is folded along the dashed line across its middle into a tent. Both halves
/// carry the same face: the lower half reads normally, the upper half is printed upside
/// down so that it reads correctly from the other side of the table once folded. Each face
/// shows the Latin and the Chinese name large and bold, then the title and organisation
/// smaller; text that would not fit is shrunk (names to one line, title and organisation
/// to two lines each), and only cut off with `…` below a legible minimum size.
///
/// An empty `cards` gives one page with only the fold line, so the result is always a
/// valid PDF.
///
/// # Errors
/// [`PdfError::Font`] if a bundled font is unreadable, [`PdfError::Write`] if krilla fails.
pub fn render_name_cards(cards: &[NameCard]) -> Result<Vec<u8>, PdfError> {
    render_name_cards_with(cards, &mut |_, _| true)
}

/// [`render_name_cards`], calling `progress(pages done, pages in all)` before each page and
/// once at the end; when it returns false, rendering stops with [`PdfError::Cancelled`].
///
/// # Errors
/// As [`render_name_cards`], and [`PdfError::Cancelled`].
pub fn render_name_cards_with(
    cards: &[NameCard],
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<Vec<u8>, PdfError> {
    let fonts = fonts()?;
    let (width, height) = (A4_LONG, A4_SHORT);
    let mut pdf = krilla::Document::new();
    pdf.set_metadata(metadata("Name cards / 桌签"));
    let blank = [NameCard::default()];
    let cards = if cards.is_empty() { &blank[..] } else { cards };
    for (done, card) in cards.iter().enumerate() {
        if !progress(done, cards.len()) {
            return Err(PdfError::Cancelled);
        }
        let ops = name_card_face(fonts, card, width, height / 2.0);
        let settings = page_settings(width, height)?;
        let mut page = pdf.start_page_with(settings);
        let mut surface = page.surface();
        // Lower half: face upright, its top edge on the fold.
        surface.push_transform(&Transform::from_translate(0.0, height / 2.0));
        for op in &ops {
            draw_op(&mut surface, fonts, op);
        }
        surface.pop();
        // Upper half: the same face turned 180° about the fold's midpoint.
        surface.push_transform(&Transform::from_row(
            -1.0,
            0.0,
            0.0,
            -1.0,
            width,
            height / 2.0,
        ));
        for op in &ops {
            draw_op(&mut surface, fonts, op);
        }
        surface.pop();
        draw_fold_line(&mut surface, fonts, width, height / 2.0);
        surface.finish();
        page.finish();
    }
    // Font subsetting and serialising happen in `finish`: report the pages done first.
    progress(cards.len(), cards.len());
    pdf.finish().map_err(|err| PdfError::Write(err.to_string()))
}

fn page_settings(width: f32, height: f32) -> Result<PageSettings, PdfError> {
    PageSettings::from_wh(width, height)
        .ok_or_else(|| PdfError::Write(format!("invalid page size {width} × {height} pt")))
}

fn metadata(title: &str) -> Metadata {
    Metadata::new()
        .title(title.to_owned())
        .creator("Delegation Planner".to_owned())
}

/// The title without control characters, which have no business in metadata or a footer.
fn clean_title(title: &str) -> String {
    title
        .chars()
        .map(|ch| if ch.is_control() { ' ' } else { ch })
        .collect::<String>()
        .trim()
        .to_owned()
}

// ---------------------------------------------------------------------------------------
// Fonts and shaping

/// Which of the three bundled faces draws a glyph.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum FaceId {
    Latin,
    LatinBold,
    Cjk,
}

/// A font with the tables needed to map characters and measure advances.
struct Face {
    font: Font,
    charmap: Charmap<'static>,
    metrics: GlyphMetrics<'static>,
    units_per_em: f32,
}

impl Face {
    fn load(data: &'static [u8]) -> Option<Self> {
        let font_ref = skrifa::FontRef::new(data).ok()?;
        let font = Font::new(data.into(), 0)?;
        let units_per_em = font.units_per_em();
        if units_per_em <= 0.0 {
            return None;
        }
        Some(Self {
            charmap: font_ref.charmap(),
            metrics: font_ref.glyph_metrics(Size::unscaled(), LocationRef::default()),
            units_per_em,
            font,
        })
    }

    /// The glyph for `ch`, if the font has one (glyph 0 is .notdef, i.e. "has none").
    fn glyph(&self, ch: char) -> Option<u32> {
        self.charmap
            .map(ch)
            .map(|gid| gid.to_u32())
            .filter(|&gid| gid != 0)
    }

    /// Advance width of `gid` in em.
    fn advance(&self, gid: u32) -> f32 {
        self.metrics
            .advance_width(skrifa::GlyphId::new(gid))
            .unwrap_or(0.0)
            / self.units_per_em
    }
}

/// The three bundled faces, parsed once per process.
struct Fonts {
    latin: Face,
    latin_bold: Face,
    cjk: Face,
}

fn fonts() -> Result<&'static Fonts, PdfError> {
    static FONTS: OnceLock<Result<Fonts, &'static str>> = OnceLock::new();
    let loaded = FONTS.get_or_init(|| {
        Ok(Fonts {
            latin: Face::load(LATIN_REGULAR).ok_or("DejaVu Sans")?,
            latin_bold: Face::load(LATIN_BOLD).ok_or("DejaVu Sans Bold")?,
            cjk: Face::load(CJK).ok_or("Noto Sans SC")?,
        })
    });
    loaded.as_ref().map_err(|name| PdfError::Font(name))
}

impl Fonts {
    fn face(&self, id: FaceId) -> &Face {
        match id {
            FaceId::Latin => &self.latin,
            FaceId::LatinBold => &self.latin_bold,
            FaceId::Cjk => &self.cjk,
        }
    }

    /// Picks the face and glyph for `ch`. A space stays in the previous run's face when
    /// that face has one (fewer runs; the bundled CJK subset has none, so there a space
    /// between hanzi is a Latin run of its own); CJK characters prefer the CJK face,
    /// everything else the Latin face; what neither has becomes the CJK face's .notdef box.
    fn pick(&self, ch: char, bold: bool, previous: Option<FaceId>) -> (FaceId, u32) {
        let latin = if bold {
            FaceId::LatinBold
        } else {
            FaceId::Latin
        };
        if ch.is_whitespace()
            && let Some(prev) = previous
            && let Some(gid) = self.face(prev).glyph(ch)
        {
            return (prev, gid);
        }
        let order = if is_cjk(ch) {
            [FaceId::Cjk, latin]
        } else {
            [latin, FaceId::Cjk]
        };
        for id in order {
            if let Some(gid) = self.face(id).glyph(ch) {
                return (id, gid);
            }
        }
        (FaceId::Cjk, 0)
    }

    /// Splits `text` into hard lines (at `\n`) of positioned-to-be glyphs.
    fn shape(&self, text: &str, bold: bool) -> Vec<Vec<Glyph>> {
        let mut lines = vec![Vec::new()];
        let mut previous: Option<(char, FaceId)> = None;
        let mut chars = text.chars().peekable();
        while let Some(raw) = chars.next() {
            let ch = match raw {
                '\r' if chars.peek() == Some(&'\n') => continue,
                '\n' | '\r' | '\u{2028}' | '\u{2029}' => {
                    lines.push(Vec::new());
                    previous = None;
                    continue;
                }
                '\t' => ' ',
                c if c.is_control() || is_invisible(c) => continue,
                c => c,
            };
            let (face, gid) = self.pick(ch, bold, previous.map(|(_, f)| f));
            let glyph = Glyph {
                ch,
                face,
                gid,
                advance: self.face(face).advance(gid),
                space: is_break_space(ch),
                break_before: previous.is_some_and(|(prev, _)| break_between(prev, ch)),
            };
            if let Some(line) = lines.last_mut() {
                line.push(glyph);
            }
            previous = Some((ch, face));
        }
        lines
    }

    /// Shapes and wraps `text` to `max_width` points at `size`.
    fn wrap(&self, text: &str, bold: bool, size: f32, max_width: f32) -> Vec<Vec<Glyph>> {
        let mut out = Vec::new();
        for hard in self.shape(text, bold) {
            wrap_line(&hard, size, max_width, &mut out);
        }
        // Blank lines around the text are stray newlines, not layout: an empty or blank
        // string takes no room at all.
        let first = out.iter().position(|line| !line.is_empty());
        let last = out.iter().rposition(|line| !line.is_empty());
        match (first, last) {
            (Some(first), Some(last)) => {
                out.truncate(last + 1);
                out.drain(..first);
                out
            }
            _ => Vec::new(),
        }
    }
}

/// One character ready to draw.
#[derive(Clone, Copy, Debug)]
struct Glyph {
    ch: char,
    face: FaceId,
    gid: u32,
    /// Advance width in em.
    advance: f32,
    /// A space a line may break after (and that disappears at a line end).
    space: bool,
    /// A line may break just before this glyph.
    break_before: bool,
}

fn width_em(glyphs: &[Glyph]) -> f32 {
    glyphs.iter().map(|g| g.advance).sum()
}

/// Han, kana, Hangul, CJK punctuation and full-width forms: drawn by the CJK face and
/// breakable between any two characters.
fn is_cjk(ch: char) -> bool {
    matches!(u32::from(ch),
        0x2E80..=0x2FFF | 0x3000..=0x30FF | 0x3100..=0x9FFF | 0xAC00..=0xD7AF
        | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFFEF | 0x20000..=0x3FFFF)
}

/// Zero-width and direction-control characters: dropped, as fonts draw them as boxes.
fn is_invisible(ch: char) -> bool {
    matches!(u32::from(ch),
        0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x2064 | 0xFE00..=0xFE0F | 0xFEFF)
}

/// Spaces that allow a line break (not the no-break spaces).
fn is_break_space(ch: char) -> bool {
    ch.is_whitespace() && !matches!(ch, '\u{a0}' | '\u{2007}' | '\u{202f}')
}

/// Characters that must not start a line (Chinese line-breaking rules, and Latin ones).
const NO_BREAK_BEFORE: &str = "，。、；：？！）》」』】〕〉〗”’…—·％,.;:!?)]}%";
/// Characters that must not end a line.
const NO_BREAK_AFTER: &str = "（《「『【〔〈〖“‘([{";

/// Whether a line may break between `prev` and `cur`.
fn break_between(prev: char, cur: char) -> bool {
    // Checked before the spaces, so that `Wrocław — Zażółć` does not start a line with `—`.
    if is_break_space(cur) || NO_BREAK_BEFORE.contains(cur) {
        return false;
    }
    if is_break_space(prev) {
        return true;
    }
    if NO_BREAK_AFTER.contains(prev) {
        return false;
    }
    if is_cjk(prev) || is_cjk(cur) {
        return true;
    }
    matches!(prev, '-' | '/' | '–') && cur.is_alphanumeric()
}

/// Greedy line filling: break at the last opportunity before the line overflows; a word
/// longer than the line is broken between characters. Every line takes at least one
/// glyph, so this always ends, whatever `max_width` is.
fn wrap_line(glyphs: &[Glyph], size: f32, max_width: f32, out: &mut Vec<Vec<Glyph>>) {
    if glyphs.is_empty() {
        out.push(Vec::new());
        return;
    }
    let mut rest = glyphs;
    while !rest.is_empty() {
        let mut width = 0.0;
        let mut last_break = None;
        let mut end = rest.len();
        for (i, glyph) in rest.iter().enumerate() {
            if i > 0 && glyph.break_before {
                last_break = Some(i);
            }
            let next = width + glyph.advance * size;
            // A space may hang past the margin; it is trimmed below.
            if i > 0 && !glyph.space && next > max_width {
                end = last_break.unwrap_or(i);
                break;
            }
            width = next;
        }
        let (line, tail) = rest.split_at(end.min(rest.len()));
        out.push(trim_trailing_spaces(line).to_vec());
        rest = trim_leading_spaces(tail);
    }
}

fn trim_trailing_spaces(glyphs: &[Glyph]) -> &[Glyph] {
    let keep = glyphs.iter().rposition(|g| !g.space).map_or(0, |i| i + 1);
    glyphs.get(..keep).unwrap_or(glyphs)
}

fn trim_leading_spaces(glyphs: &[Glyph]) -> &[Glyph] {
    let skip = glyphs.iter().position(|g| !g.space).unwrap_or(glyphs.len());
    glyphs.get(skip..).unwrap_or_default()
}

/// Shrinks `text` until it fits `max_lines` lines of `max_width`, from `size` down to
/// `min_size`; at `min_size`, lines beyond `max_lines` are cut and `…` marks the cut.
fn fit(
    fonts: &Fonts,
    text: &str,
    bold: bool,
    (size, min_size): (f32, f32),
    max_width: f32,
    max_lines: usize,
) -> (f32, Vec<Vec<Glyph>>) {
    // A one-line slot (a name) has no room for hard line breaks.
    let joined;
    let text = if max_lines == 1 {
        joined = text.replace(['\n', '\r', '\u{2028}', '\u{2029}'], " ");
        joined.as_str()
    } else {
        text
    };
    // For one line, jump straight to the size at which the widest hard line fits; text
    // that may wrap steps down instead, to prefer two larger lines to one tiny one. From
    // the sizes used here that is a handful of iterations at most.
    let widest = fonts
        .shape(text, bold)
        .iter()
        .map(|line| width_em(line))
        .fold(0.0_f32, f32::max);
    let mut size = if max_lines == 1 && widest * size > max_width && widest > 0.0 {
        (max_width / widest * 0.999).clamp(min_size, size)
    } else {
        size
    };
    loop {
        let lines = fonts.wrap(text, bold, size, max_width);
        if lines.len() <= max_lines {
            return (size, lines);
        }
        if size <= min_size {
            return (
                size,
                truncate(fonts, lines, bold, size, max_width, max_lines),
            );
        }
        size = (size * 0.92).max(min_size);
    }
}

/// Keeps the first `max_lines` lines and ends the last with `…`.
fn truncate(
    fonts: &Fonts,
    mut lines: Vec<Vec<Glyph>>,
    bold: bool,
    size: f32,
    max_width: f32,
    max_lines: usize,
) -> Vec<Vec<Glyph>> {
    lines.truncate(max_lines.max(1));
    let ellipsis = fonts
        .shape("…", bold)
        .into_iter()
        .flatten()
        .collect::<Vec<_>>();
    let ellipsis_width = width_em(&ellipsis) * size;
    if let Some(last) = lines.last_mut() {
        while !last.is_empty() && width_em(last) * size + ellipsis_width > max_width {
            last.pop();
        }
        let keep = trim_trailing_spaces(last).len();
        last.truncate(keep);
        last.extend(ellipsis);
    }
    lines
}

// ---------------------------------------------------------------------------------------
// Drawing

/// Size, weight and colour of a piece of text.
#[derive(Clone, Copy, Debug)]
struct TextStyle {
    size: f32,
    bold: bool,
    colour: Rgb,
}

/// A drawing operation, laid out first so that the page count is known for the footers.
#[derive(Clone, Debug)]
enum Op {
    /// One line of text; `y` is the baseline.
    Text {
        x: f32,
        y: f32,
        glyphs: Vec<Glyph>,
        style: TextStyle,
    },
    /// A filled rectangle.
    Rect {
        x: f32,
        y: f32,
        width: f32,
        height: f32,
        colour: Rgb,
    },
    /// A straight line.
    Line {
        from: (f32, f32),
        to: (f32, f32),
        width: f32,
        colour: Rgb,
        dashed: bool,
    },
}

fn fill(colour: Rgb) -> Fill {
    Fill {
        paint: colour.into(),
        opacity: NormalizedF32::ONE,
        rule: FillRule::default(),
    }
}

fn draw_op(surface: &mut Surface<'_>, fonts: &Fonts, op: &Op) {
    match op {
        Op::Text {
            x,
            y,
            glyphs,
            style,
        } => draw_text(surface, fonts, glyphs, (*x, *y), *style),
        Op::Rect {
            x,
            y,
            width,
            height,
            colour,
        } => {
            let mut builder = PathBuilder::new();
            if let Some(rect) = krilla::geom::Rect::from_xywh(*x, *y, *width, *height) {
                builder.push_rect(rect);
            }
            if let Some(path) = builder.finish() {
                surface.set_stroke(None);
                surface.set_fill(Some(fill(*colour)));
                surface.draw_path(&path);
            }
        }
        Op::Line {
            from,
            to,
            width,
            colour,
            dashed,
        } => {
            let mut builder = PathBuilder::new();
            builder.move_to(from.0, from.1);
            builder.line_to(to.0, to.1);
            if let Some(path) = builder.finish() {
                surface.set_fill(None);
                surface.set_stroke(Some(Stroke {
                    paint: (*colour).into(),
                    width: *width,
                    line_cap: LineCap::Butt,
                    dash: dashed.then(|| StrokeDash {
                        array: vec![6.0, 4.0],
                        offset: 0.0,
                    }),
                    ..Default::default()
                }));
                surface.draw_path(&path);
                surface.set_stroke(None);
            }
        }
    }
}

/// Draws one line as one text run per face.
fn draw_text(
    surface: &mut Surface<'_>,
    fonts: &Fonts,
    glyphs: &[Glyph],
    (mut x, y): (f32, f32),
    style: TextStyle,
) {
    for run in glyphs.chunk_by(|a, b| a.face == b.face) {
        let Some(first) = run.first() else {
            continue;
        };
        let face = fonts.face(first.face);
        // The run's text, with each glyph pointing at its characters: this is what makes
        // the text extractable and searchable.
        let mut text = String::with_capacity(run.len() * 3);
        let mut krilla_glyphs = Vec::with_capacity(run.len());
        for glyph in run {
            let start = text.len();
            text.push(glyph.ch);
            krilla_glyphs.push(KrillaGlyph::new(
                GlyphId::new(glyph.gid),
                glyph.advance,
                0.0,
                0.0,
                0.0,
                start..text.len(),
                None,
            ));
        }
        surface.set_fill(Some(fill(style.colour)));
        let synthetic_bold = style.bold && first.face == FaceId::Cjk;
        surface.set_stroke(synthetic_bold.then(|| Stroke {
            paint: style.colour.into(),
            width: style.size * CJK_BOLD_STROKE,
            line_join: LineJoin::Round,
            ..Default::default()
        }));
        surface.draw_glyphs(
            Point::from_xy(x, y),
            &krilla_glyphs,
            face.font.clone(),
            &text,
            style.size,
            false,
        );
        x += width_em(run) * style.size;
    }
    surface.set_stroke(None);
}

fn draw_footer(
    surface: &mut Surface<'_>,
    fonts: &Fonts,
    title: &str,
    page: usize,
    pages: usize,
    width: f32,
    height: f32,
) {
    let style = TextStyle {
        size: SMALL,
        bold: false,
        colour: GREY,
    };
    let y = height - MARGIN / 2.0;
    let number = fonts
        .shape(&format!("{page} / {pages}"), false)
        .into_iter()
        .flatten()
        .collect::<Vec<_>>();
    let number_width = width_em(&number) * SMALL;
    draw_text(
        surface,
        fonts,
        &number,
        (width - MARGIN - number_width, y),
        style,
    );
    let room = width - 2.0 * MARGIN - number_width - 12.0 * MM;
    let (_, lines) = fit(fonts, title, false, (SMALL, SMALL), room, 1);
    if let Some(line) = lines.first() {
        draw_text(surface, fonts, line, (MARGIN, y), style);
    }
}

// ---------------------------------------------------------------------------------------
// Flowing blocks onto pages

/// Places blocks on pages, top to bottom, starting new pages as needed.
struct Layout<'f> {
    fonts: &'f Fonts,
    left: f32,
    content_width: f32,
    top: f32,
    bottom: f32,
    /// Ops per page; never empty.
    pages: Vec<Vec<Op>>,
    /// Top of the next thing to place.
    y: f32,
}

impl<'f> Layout<'f> {
    fn new(fonts: &'f Fonts, width: f32, height: f32) -> Self {
        Self {
            fonts,
            left: MARGIN,
            content_width: width - 2.0 * MARGIN,
            top: MARGIN,
            bottom: height - MARGIN,
            pages: vec![Vec::new()],
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

    fn block(&mut self, block: &Block) {
        let style = |size, bold, colour| TextStyle { size, bold, colour };
        match block {
            Block::Title(text) => self.text(text, style(TITLE, true, INK), 0.0, 8.0, 1),
            Block::Heading(text) => {
                // Keep the heading with the two lines after it.
                self.text(text, style(HEADING, true, INK), 8.0, 4.0, 2);
            }
            Block::Paragraph(text) => self.text(text, style(BODY, false, INK), 0.0, 6.0, 0),
            Block::Small(text) => self.text(text, style(SMALL, false, GREY), 0.0, 4.0, 0),
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
        }
    }

    /// A wrapped text block; `keep_with_next` body lines must fit after its first lines.
    fn text(
        &mut self,
        text: &str,
        style: TextStyle,
        space_before: f32,
        space_after: f32,
        keep_with_next: usize,
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
        self.ensure(together + keep_with_next as f32 * BODY * LINE);
        for line in lines {
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
        let columns = widths
            .len()
            .max(header.len())
            .max(rows.iter().map(Vec::len).max().unwrap_or(0));
        if columns == 0 {
            return;
        }
        let table = Table::new(self, widths, columns);
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
        let first_row = rows.first().map_or(0.0, |r| {
            row_height(table.layout_row(self.fonts, r, false).lines)
        });
        let head_height = head.as_ref().map_or(0.0, |h| row_height(h.lines));
        self.ensure(head_height + first_row.min(self.content_height() / 2.0));
        if let Some(head) = &head {
            self.place_row(&table, head, head_style, None);
        }
        for cells in rows {
            let row = table.layout_row(self.fonts, cells, false);
            let height = row_height(row.lines);
            let fresh = self.y <= self.top + repeated_height + 0.01;
            let fits_fresh = height <= self.content_height() - repeated_height;
            if height > self.remaining() && fits_fresh && !fresh {
                self.new_page();
                if let Some(head) = repeated {
                    self.place_row(&table, head, head_style, None);
                }
            }
            self.place_row(&table, &row, body, repeated.map(|h| (h, head_style)));
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

impl Table {
    fn new(layout: &Layout<'_>, widths: &[f32], columns: usize) -> Self {
        // Clamp so that absurd widths neither overflow the sum nor vanish entirely.
        let valid = |w: &f32| w.is_finite() && *w > 0.0;
        let given = widths.iter().filter(|w| valid(w)).collect::<Vec<_>>();
        let average = if given.is_empty() {
            1.0
        } else {
            given.iter().map(|w| w.min(1e6)).sum::<f32>() / given.len() as f32
        };
        let relative = (0..columns)
            .map(|i| {
                widths
                    .get(i)
                    .filter(|w| valid(w))
                    .map_or(average, |w| *w)
                    .clamp(1e-3, 1e6)
            })
            .collect::<Vec<_>>();
        let total: f32 = relative.iter().sum();
        let mut x = layout.left;
        let columns = relative
            .iter()
            .map(|r| {
                let width = r / total * layout.content_width;
                let column = (x, width);
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

// ---------------------------------------------------------------------------------------
// Name cards

/// Lays out one face of a name card, `width` × `height`, its top edge on the fold.
fn name_card_face(fonts: &Fonts, card: &NameCard, width: f32, height: f32) -> Vec<Op> {
    let pad = 15.0 * MM;
    let max_width = width - 2.0 * pad;
    let entries = [
        // Text, bold, colour, (size, min size), max lines, space after.
        (&card.name_latin, true, INK, (44.0, 12.0), 1, 6.0),
        (&card.name_chinese, true, INK, (48.0, 12.0), 1, 16.0),
        (&card.title, false, INK, (16.0, 9.0), 2, 4.0),
        (&card.organisation, false, GREY, (15.0, 9.0), 2, 0.0),
    ];
    let mut placed = Vec::new();
    for (text, bold, colour, sizes, max_lines, after) in entries {
        let (size, lines) = fit(fonts, text, bold, sizes, max_width, max_lines);
        if lines.is_empty() {
            continue;
        }
        let style = TextStyle { size, bold, colour };
        placed.push((style, lines, after));
    }
    let total: f32 = placed
        .iter()
        .map(|(style, lines, after)| lines.len() as f32 * style.size * LINE + after)
        .sum::<f32>()
        - placed.last().map_or(0.0, |(_, _, after)| *after);
    // Centred in the face, a little towards the table edge, away from the fold.
    let mut y = ((height - total) / 2.0 + 4.0 * MM).max(pad / 2.0);
    let mut ops = Vec::new();
    for (style, lines, after) in placed {
        for line in lines {
            let line_width = width_em(&line) * style.size;
            ops.push(Op::Text {
                x: (width - line_width) / 2.0,
                y: y + style.size * BASELINE,
                glyphs: line,
                style,
            });
            y += style.size * LINE;
        }
        y += after;
    }
    ops
}

/// The dashed fold line across the sheet at `y`, with solid ticks at the edges that
/// survive a printer's unprintable margin.
fn draw_fold_line(surface: &mut Surface<'_>, fonts: &Fonts, width: f32, y: f32) {
    let line = |from, to, dashed| Op::Line {
        from,
        to,
        width: 0.6,
        colour: RULE,
        dashed,
    };
    let tick = 8.0 * MM;
    for op in [
        line((tick + 2.0 * MM, y), (width - tick - 2.0 * MM, y), true),
        line((0.0, y), (tick, y), false),
        line((width - tick, y), (width, y), false),
    ] {
        draw_op(surface, fonts, &op);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(line: &[Glyph]) -> String {
        line.iter().map(|g| g.ch).collect()
    }

    #[test]
    fn chinese_wraps_between_characters_but_not_before_punctuation() {
        let fonts = fonts().unwrap();
        let paragraph = "中国认证认可协会常务副会长兼秘书长，出席了会议。".repeat(8);
        let lines = fonts.wrap(&paragraph, false, 10.0, 101.0);
        assert!(lines.len() > 5);
        for line in &lines {
            assert!(width_em(line) * 10.0 <= 101.0, "{:?} overflows", text(line));
            let first = line.first().unwrap().ch;
            assert!(
                !"，。".contains(first),
                "{:?} starts with punctuation",
                text(line)
            );
        }
        assert_eq!(lines.iter().map(|l| text(l)).collect::<String>(), paragraph);
    }

    #[test]
    fn latin_wraps_at_spaces_and_breaks_only_overlong_words() {
        let fonts = fonts().unwrap();
        let lines = fonts.wrap("Myriam AUGEREAU LANDAIS from Łódź", false, 10.0, 120.0);
        let lines = lines.iter().map(|l| text(l)).collect::<Vec<_>>();
        assert_eq!(lines, ["Myriam AUGEREAU", "LANDAIS from Łódź"]);
        let long = "x".repeat(500);
        let lines = fonts.wrap(&long, false, 10.0, 100.0);
        assert!(lines.len() > 10);
        assert!(lines.iter().all(|l| width_em(l) * 10.0 <= 100.0));
    }

    #[test]
    fn fonts_are_chosen_per_character() {
        let fonts = fonts().unwrap();
        let shaped = fonts.shape("Ł方 艳，a b", false).concat();
        let faces = shaped.iter().map(|g| g.face).collect::<Vec<_>>();
        // The CJK subset has no space, so the space in `方 艳` comes from the Latin face.
        let (latin, cjk) = (FaceId::Latin, FaceId::Cjk);
        assert_eq!(faces, [latin, cjk, latin, cjk, cjk, latin, latin, latin]);
        let missing = fonts.shape("👍🏽", true).concat();
        assert!(missing.iter().all(|g| g.face == FaceId::Cjk && g.gid == 0));
    }

    #[test]
    fn names_shrink_to_one_line() {
        let fonts = fonts().unwrap();
        let name = "Maximilian Alexander von Hohenzollern-Sigmaringen-Württemberg";
        let (size, lines) = fit(fonts, name, true, (44.0, 12.0), 700.0, 1);
        assert!((12.0..44.0).contains(&size));
        assert_eq!(lines.len(), 1);
        assert_eq!(text(lines.first().unwrap()), name);
        let (size, lines) = fit(fonts, "FANG Yan", true, (44.0, 12.0), 700.0, 1);
        assert_eq!((size, lines.len()), (44.0, 1));
        // Below the minimum size a name is cut with an ellipsis rather than overflowing.
        let (size, lines) = fit(fonts, name, true, (44.0, 12.0), 200.0, 1);
        assert_eq!((size, lines.len()), (12.0, 1));
        let line = lines.first().unwrap();
        assert!(text(line).ends_with('…') && width_em(line) * 12.0 <= 200.0);
    }
}
