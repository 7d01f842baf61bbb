//! Table name cards (席卡), folded into a tent: the sheet is folded along the dashed line,
//! the face printed upright reads from one side of the table, the one printed upside down
//! from the other. Three sizes: one card per A4 sheet, one per A5 sheet, two A5 cards on
//! one A4 sheet (cut along the line between them); and a choice of what each side shows.

use krilla::geom::Transform;
use krilla::surface::Surface;

use super::draw::{Op, TextStyle, draw_op};
use super::fonts::{Fonts, Glyph, fonts, width_em};
use super::wrap::{fit, fit_name};
use super::{A4_LONG, A4_SHORT, BASELINE, GREY, INK, LINE, MM, NameCard, PdfError, RULE};
use super::{metadata, page_settings};

/// The paper a name card is printed on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum CardSize {
    /// One card per A4 sheet, folded along its long middle: 297 × 105 mm faces, for a
    /// conference table seen from afar.
    #[default]
    A4Folded,
    /// One card per A5 sheet, folded into a tent: 210 × 74 mm faces, for a meeting room.
    A5Tent,
    /// Two A5 tents on one A4 sheet, cut apart along the line between them.
    TwoPerA4,
}

impl CardSize {
    /// Every size, in menu order.
    pub const ALL: [Self; 3] = [Self::A4Folded, Self::A5Tent, Self::TwoPerA4];

    /// Width and height of the sheet in points.
    fn sheet(self) -> (f32, f32) {
        match self {
            Self::A4Folded => (A4_LONG, A4_SHORT),
            Self::A5Tent => (A4_SHORT, A4_LONG / 2.0),
            Self::TwoPerA4 => (A4_SHORT, A4_LONG),
        }
    }

    /// How many cards one sheet holds.
    pub fn per_sheet(self) -> usize {
        match self {
            Self::A4Folded | Self::A5Tent => 1,
            Self::TwoPerA4 => 2,
        }
    }
}

/// What the two sides of a card show.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum CardFace {
    /// Both sides show the name in both scripts, with the title and organisation.
    #[default]
    Both,
    /// The side facing the guests (printed upright) is in Chinese, the other in English.
    #[value(name = "zh")]
    Chinese,
    /// The side facing the guests (printed upright) is in English, the other in Chinese.
    #[value(name = "en")]
    English,
}

impl CardFace {
    /// Every choice, in menu order.
    pub const ALL: [Self; 3] = [Self::Both, Self::Chinese, Self::English];
}

/// How name cards are printed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CardOptions {
    /// The paper.
    pub size: CardSize,
    /// What faces the guests.
    pub face: CardFace,
}

/// Renders folded table name cards, one card per A4 landscape page (see
/// [`render_name_cards_with`] for the other sizes and faces).
///
/// Each face shows the Latin and the Chinese name bold and as large as the face holds (a
/// short name as high as the room under the fold allows, a long one as wide as the face),
/// then the title and organisation smaller; a long name first shrinks, then takes two
/// lines, and is only cut off with `…` below a legible minimum size; title and
/// organisation take two lines each.
///
/// An empty `cards` gives one page with only the fold line, so the result is always a
/// valid PDF.
///
/// # Errors
/// [`PdfError::Font`] if a bundled font is unreadable, [`PdfError::Write`] if krilla fails.
pub fn render_name_cards(cards: &[NameCard]) -> Result<Vec<u8>, PdfError> {
    render_name_cards_with(cards, CardOptions::default(), &mut |_, _| true)
}

/// [`render_name_cards`] on the paper and with the faces of `options`, calling
/// `progress(cards done, cards in all)` before each sheet and once at the end; when it
/// returns false, rendering stops with [`PdfError::Cancelled`].
///
/// # Errors
/// As [`render_name_cards`], and [`PdfError::Cancelled`].
pub fn render_name_cards_with(
    cards: &[NameCard],
    options: CardOptions,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<Vec<u8>, PdfError> {
    let fonts = fonts()?;
    let (width, height) = options.size.sheet();
    let per_sheet = options.size.per_sheet();
    let card_height = height / per_sheet as f32;
    let face_height = card_height / 2.0;
    let mut pdf = krilla::Document::new();
    pdf.set_metadata(metadata("Name cards / 桌签"));
    let blank = [NameCard::default()];
    let cards = if cards.is_empty() { &blank[..] } else { cards };
    for (sheet, chunk) in cards.chunks(per_sheet).enumerate() {
        if !progress(sheet * per_sheet, cards.len()) {
            return Err(PdfError::Cancelled);
        }
        let settings = page_settings(width, height)?;
        let mut page = pdf.start_page_with(settings);
        let mut surface = page.surface();
        for (k, card) in chunk.iter().enumerate() {
            let top = k as f32 * card_height;
            let fold = top + face_height;
            let (mut front, mut back) = faces(fonts, card, options.face, width, face_height);
            if let Some(mark) = mark_op(fonts, &card.mark, width, face_height) {
                front.push(mark.clone());
                back.push(mark);
            }
            // The front (facing the guests): upright, its top edge on the fold.
            surface.push_transform(&Transform::from_translate(0.0, fold));
            for op in &front {
                draw_op(&mut surface, fonts, op);
            }
            surface.pop();
            // The back: turned 180° about the fold's midpoint.
            surface.push_transform(&Transform::from_row(-1.0, 0.0, 0.0, -1.0, width, fold));
            for op in &back {
                draw_op(&mut surface, fonts, op);
            }
            surface.pop();
            draw_fold_line(&mut surface, fonts, width, fold);
            if k > 0 {
                draw_cut_line(&mut surface, fonts, width, top);
            }
        }
        surface.finish();
        page.finish();
    }
    // Font subsetting and serialising happen in `finish`: report the cards done first.
    progress(cards.len(), cards.len());
    pdf.finish().map_err(PdfError::Write)
}

/// One line of a face: text, bold, colour, (size, size before two lines, min size), lines.
type Entry<'c> = (&'c str, bool, super::Rgb, (f32, f32, f32), usize);
/// An [`Entry`] owning its text.
type OwnedEntry = (String, bool, super::Rgb, (f32, f32, f32), usize);

/// The two faces of `card`: the front (facing the guests) and the back.
pub(super) fn faces(
    fonts: &Fonts,
    card: &NameCard,
    face: CardFace,
    width: f32,
    height: f32,
) -> (Vec<Op>, Vec<Op>) {
    // Title and organisation sizes are for the A4 face (105 mm high); smaller faces scale
    // them down. The names take all the room they leave (see `fill`).
    let scale = (height / (105.0 * MM)).min(1.0);
    let or = |a: &'_ str, b: &'_ str| -> String {
        if a.trim().is_empty() {
            b.to_owned()
        } else {
            a.to_owned()
        }
    };
    let lay = |names: &[&str], title: String, organisation: String, small: (f32, f32)| {
        let (title_size, organisation_size) = (small.0 * scale, small.1 * scale);
        let mut entries: Vec<OwnedEntry> = Vec::new();
        let smalls = [
            (title, INK, title_size),
            (organisation, GREY, organisation_size),
        ];
        let names: Vec<&str> = names
            .iter()
            .copied()
            .filter(|n| !n.trim().is_empty())
            .collect();
        let (size, two_lines_at) = fill(fonts, &names, &smalls, width, height);
        for name in names {
            entries.push((name.to_owned(), true, INK, (size, two_lines_at, 12.0), 2));
        }
        for (text, colour, size) in smalls {
            entries.push((
                text,
                false,
                colour,
                (size, size, 9.0_f32.max(9.0 * scale)),
                2,
            ));
        }
        let entries: Vec<Entry<'_>> = entries
            .iter()
            .map(|(text, bold, colour, sizes, lines)| {
                (text.as_str(), *bold, *colour, *sizes, *lines)
            })
            .collect();
        card_face(fonts, &entries, width, height)
    };
    let chinese = || {
        lay(
            &[&or(&card.name_chinese, &card.name_latin)],
            or(&card.title_zh, &card.title),
            or(&card.organisation_zh, &card.organisation),
            (18.0, 17.0),
        )
    };
    let english = || {
        lay(
            &[&or(&card.name_latin, &card.name_chinese)],
            or(&card.title_en, &card.title),
            or(&card.organisation_en, &card.organisation),
            (18.0, 17.0),
        )
    };
    match face {
        CardFace::Both => {
            let ops = lay(
                &[&card.name_latin, &card.name_chinese],
                card.title.clone(),
                card.organisation.clone(),
                (16.0, 15.0),
            );
            (ops.clone(), ops)
        }
        CardFace::Chinese => (chinese(), english()),
        CardFace::English => (english(), chinese()),
    }
}

/// The size the names of a face start from (and the size under which a name takes two
/// lines): as large as the face holds once the title and organisation (`smalls`: text,
/// colour, size) have their room, the names one above the other; [`card_face`] then
/// shrinks a name only as far as its width needs. So a short name fills the face's
/// height, a long one its width, in either script.
fn fill(
    fonts: &Fonts,
    names: &[&str],
    smalls: &[(String, super::Rgb, f32)],
    width: f32,
    height: f32,
) -> (f32, f32) {
    let pad = (15.0 * MM).min(width / 10.0);
    let max_width = width - 2.0 * pad;
    // Room above and below: `card_face` centres the block a little towards the table edge.
    let room = height * 0.84;
    let smalls_height: f32 = smalls
        .iter()
        .map(|(text, _, size)| {
            let (size, lines) = fit(fonts, text, false, (*size, (*size).min(9.0)), max_width, 2);
            if lines.is_empty() {
                0.0
            } else {
                lines.len() as f32 * size * LINE + size * 0.25
            }
        })
        .sum();
    let n = names.len().max(1) as f32;
    // Each name is a line of `LINE` times its size, then the space after it.
    let per_size = n * LINE + 0.15 * (n - 1.0) + 0.35;
    let size = ((room - smalls_height) / per_size).max(12.0);
    (size, (size / 2.0).max(12.0))
}

/// A place card's mark (table and seat), small and grey in the face's lower right corner,
/// by the table edge where the one setting the table reads it.
fn mark_op(fonts: &Fonts, mark: &str, width: f32, height: f32) -> Option<Op> {
    if mark.trim().is_empty() {
        return None;
    }
    let pad = (8.0 * MM).min(width / 20.0);
    let (size, lines) = fit(fonts, mark, false, (8.0, 6.0), width / 2.0, 1);
    let line = lines.into_iter().next()?;
    let line_width = width_em(&line) * size;
    Some(Op::Text {
        x: width - pad - line_width,
        y: height - pad / 2.0 - size * (LINE - BASELINE),
        glyphs: line,
        style: TextStyle {
            size,
            bold: false,
            colour: GREY,
        },
    })
}

/// Lays out one face, `width` × `height`, its top edge on the fold: the entries centred,
/// names shrunk to fit and then set on two lines.
fn card_face(fonts: &Fonts, entries: &[Entry<'_>], width: f32, height: f32) -> Vec<Op> {
    let pad = (15.0 * MM).min(width / 10.0);
    let max_width = width - 2.0 * pad;
    let mut placed: Vec<(TextStyle, Vec<Vec<Glyph>>, f32)> = Vec::new();
    for (i, (text, bold, colour, (size, two_lines_at, min), max_lines)) in
        entries.iter().enumerate()
    {
        let (size, lines) = if *bold {
            fit_name(fonts, text, *bold, (*size, *two_lines_at, *min), max_width)
        } else {
            fit(fonts, text, *bold, (*size, *min), max_width, *max_lines)
        };
        if lines.is_empty() {
            continue;
        }
        let after = if *bold {
            let next_is_name = entries.get(i + 1).is_some_and(|e| e.1);
            if next_is_name {
                size * 0.15
            } else {
                size * 0.35
            }
        } else {
            size * 0.25
        };
        let style = TextStyle {
            size,
            bold: *bold,
            colour: *colour,
        };
        placed.push((style, lines, after));
    }
    let total: f32 = placed
        .iter()
        .map(|(style, lines, after)| lines.len() as f32 * style.size * LINE + after)
        .sum::<f32>()
        - placed.last().map_or(0.0, |(_, _, after)| *after);
    // Centred in the face, a little towards the table edge, away from the fold.
    let mut y = ((height - total) / 2.0 + height * 0.04).max(pad / 4.0);
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

/// The line two cards on one sheet are cut apart along: solid and darker than a fold.
fn draw_cut_line(surface: &mut Surface<'_>, fonts: &Fonts, width: f32, y: f32) {
    draw_op(
        surface,
        fonts,
        &Op::Line {
            from: (0.0, y),
            to: (width, y),
            width: 0.4,
            colour: GREY,
            dashed: false,
        },
    );
}
