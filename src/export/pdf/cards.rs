//! Folded table name cards: one A4 landscape sheet per person, the same face on both
//! halves, the upper one upside down so that it reads from the other side of the table.

use krilla::geom::Transform;
use krilla::surface::Surface;

use super::draw::{Op, TextStyle, draw_op};
use super::fonts::{Fonts, fonts, width_em};
use super::wrap::fit;
use super::{A4_LONG, A4_SHORT, BASELINE, GREY, INK, LINE, MM, NameCard, PdfError, RULE};
use super::{metadata, page_settings};

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
    pdf.finish().map_err(PdfError::Write)
}

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
