//! Drawing: the operations a layout produces, text runs per face, and the page footer.

use krilla::geom::{PathBuilder, Point};
use krilla::num::NormalizedF32;
use krilla::paint::{Fill, FillRule, LineCap, LineJoin, Stroke, StrokeDash};
use krilla::surface::Surface;
use krilla::text::{GlyphId, KrillaGlyph};

use super::fonts::{FaceId, Fonts, Glyph, width_em};
use super::wrap::fit_with;
use super::{CJK_BOLD_STROKE, GREY, MARGIN, MM, Rgb, SMALL};

/// Size, weight and colour of a piece of text.
#[derive(Clone, Copy, Debug)]
pub(super) struct TextStyle {
    /// Font size in points.
    pub(super) size: f32,
    /// Bold (synthetic for CJK).
    pub(super) bold: bool,
    /// Colour of the glyphs.
    pub(super) colour: Rgb,
}

/// A drawing operation, laid out first so that the page count is known for the footers.
#[derive(Clone, Debug)]
pub(super) enum Op {
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

pub(super) fn draw_op(surface: &mut Surface<'_>, fonts: &Fonts, op: &Op) {
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

/// The footer's text laid out once for a document of `pages` pages (fitted anew on every
/// page, a long project title made a long document quadratic): one line, beside the
/// widest page number.
pub(super) fn footer_line(fonts: &Fonts, title: &str, pages: usize, width: f32) -> Vec<Glyph> {
    let widest = page_number(fonts, pages, pages);
    let room = width - 2.0 * MARGIN - width_em(&widest) * SMALL - 12.0 * MM;
    let (_, lines) = fit_with(fonts, title, false, (SMALL, SMALL), room, 1, false);
    lines.into_iter().next().unwrap_or_default()
}

/// `3 / 12`, shaped.
fn page_number(fonts: &Fonts, page: usize, pages: usize) -> Vec<Glyph> {
    fonts
        .shape(&format!("{page} / {pages}"), false)
        .into_iter()
        .flatten()
        .collect()
}

/// Draws the footer of page `page`: the `line` of [`footer_line`] and the page number.
/// The running header: `text` at the top right of the page, bold, in the margin above
/// the content.
pub(super) fn draw_header(surface: &mut Surface<'_>, fonts: &Fonts, text: &str, width: f32) {
    let style = TextStyle {
        size: SMALL + 1.0,
        bold: true,
        colour: super::INK,
    };
    let room = width - 2.0 * MARGIN;
    let (size, lines) = fit_with(fonts, text, true, (style.size, SMALL), room, 1, false);
    if let Some(line) = lines.first() {
        let line_width = width_em(line) * size;
        draw_text(
            surface,
            fonts,
            line,
            (width - MARGIN - line_width, MARGIN / 2.0 + size * 0.35),
            TextStyle { size, ..style },
        );
    }
}

pub(super) fn draw_footer(
    surface: &mut Surface<'_>,
    fonts: &Fonts,
    line: &[Glyph],
    (page, pages): (usize, usize),
    width: f32,
    height: f32,
) {
    let style = TextStyle {
        size: SMALL,
        bold: false,
        colour: GREY,
    };
    let y = height - MARGIN / 2.0;
    let number = page_number(fonts, page, pages);
    let number_width = width_em(&number) * SMALL;
    draw_text(
        surface,
        fonts,
        &number,
        (width - MARGIN - number_width, y),
        style,
    );
    draw_text(surface, fonts, line, (MARGIN, y), style);
}
