//! The three bundled faces and the choice of face per character: krilla does no font
//! fallback, so every string is split into runs per face before it is drawn.

use std::sync::OnceLock;

use krilla::text::Font;
use skrifa::MetadataProvider as _;
use skrifa::charmap::Charmap;
use skrifa::instance::{LocationRef, Size};
use skrifa::metrics::GlyphMetrics;

use super::wrap::{break_between, is_break_space};
use super::{CJK, LATIN_BOLD, LATIN_REGULAR, PdfError};

/// Which of the three bundled faces draws a glyph.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum FaceId {
    /// DejaVu Sans.
    Latin,
    /// DejaVu Sans Bold.
    LatinBold,
    /// The Noto Sans SC subset.
    Cjk,
}

/// A font with the tables needed to map characters and measure advances.
pub(super) struct Face {
    pub(super) font: Font,
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
pub(super) struct Fonts {
    latin: Face,
    latin_bold: Face,
    cjk: Face,
}

pub(super) fn fonts() -> Result<&'static Fonts, PdfError> {
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
    pub(super) fn face(&self, id: FaceId) -> &Face {
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
    pub(super) fn shape(&self, text: &str, bold: bool) -> Vec<Vec<Glyph>> {
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
                c if c.is_control()
                    || is_invisible(c)
                    || crate::export::sanitize::is_invisible(c) =>
                {
                    continue;
                }
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
}

/// One character ready to draw.
#[derive(Clone, Copy, Debug)]
pub(super) struct Glyph {
    /// The character drawn.
    pub(super) ch: char,
    /// The face that draws it.
    pub(super) face: FaceId,
    /// Its glyph in that face (0: the .notdef box).
    pub(super) gid: u32,
    /// Advance width in em.
    pub(super) advance: f32,
    /// A space a line may break after (and that disappears at a line end).
    pub(super) space: bool,
    /// A line may break just before this glyph.
    pub(super) break_before: bool,
}

pub(super) fn width_em(glyphs: &[Glyph]) -> f32 {
    glyphs.iter().map(|g| g.advance).sum()
}

/// Han, kana, Hangul, CJK punctuation and full-width forms: drawn by the CJK face and
/// breakable between any two characters.
pub(super) fn is_cjk(ch: char) -> bool {
    matches!(u32::from(ch),
        0x2E80..=0x2FFF | 0x3000..=0x30FF | 0x3100..=0x9FFF | 0xAC00..=0xD7AF
        | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFFEF | 0x20000..=0x3FFFF)
}

/// Zero-width and direction-control characters: dropped, as fonts draw them as boxes.
fn is_invisible(ch: char) -> bool {
    matches!(u32::from(ch),
        0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x2064 | 0xFE00..=0xFE0F | 0xFEFF)
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
