//! The three bundled faces and the choice of face per character: krilla does no font
//! fallback, so every string is split into runs per face before it is drawn. A character
//! none of them has is looked for in the fonts installed on the system; one found nowhere
//! is noted (see [`unprintable_during`]) so that the export can name it before the file is
//! written, rather than print a silent box.

use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap};
use std::sync::{Mutex, OnceLock};

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
    /// A font installed on the system, the n-th found for a missing character.
    System(u16),
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
        Self::load_index(data, 0)
    }

    fn load_index(data: &'static [u8], index: u32) -> Option<Self> {
        let font_ref = skrifa::FontRef::from_index(data, index).ok()?;
        let font = Font::new(data.into(), index)?;
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

/// The three bundled faces, parsed once per process, and the system fonts found for
/// characters none of them has.
pub(super) struct Fonts {
    latin: Face,
    latin_bold: Face,
    cjk: Face,
    system: SystemFonts,
}

pub(super) fn fonts() -> Result<&'static Fonts, PdfError> {
    static FONTS: OnceLock<Result<Fonts, &'static str>> = OnceLock::new();
    let loaded = FONTS.get_or_init(|| {
        Ok(Fonts {
            latin: Face::load(LATIN_REGULAR).ok_or("DejaVu Sans")?,
            latin_bold: Face::load(LATIN_BOLD).ok_or("DejaVu Sans Bold")?,
            cjk: Face::load(CJK).ok_or("Noto Sans SC")?,
            system: SystemFonts::default(),
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
            FaceId::System(n) => self.system.face(n).unwrap_or(&self.cjk),
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
        if !ch.is_whitespace() {
            if let Some((n, face)) = self.system.find(ch)
                && let Some(gid) = face.glyph(ch)
            {
                return (FaceId::System(n), gid);
            }
            note_unprintable(ch);
        }
        (FaceId::Cjk, 0)
    }

    /// Splits `text` into hard lines (at `\n`) of positioned-to-be glyphs; a text longer
    /// than any page needs is cut first ([`super::cut::printable`]).
    pub(super) fn shape(&self, text: &str, bold: bool) -> Vec<Vec<Glyph>> {
        let text = super::cut::printable(text);
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
        for line in &mut lines {
            keep_short_han_runs_whole(line);
        }
        lines
    }
}

/// The longest run of Han characters kept on one line: a Chinese name (`黄继先`, `欧阳振华`)
/// or a word (`处长`) is never split, while a longer run (a sentence, an organisation's
/// name) still breaks between any two characters.
const UNBREAKABLE_HAN_RUN: usize = 4;

/// Clears the break opportunities inside each run of at most [`UNBREAKABLE_HAN_RUN`] Han
/// characters standing between non-Han characters (spaces, Latin, punctuation).
fn keep_short_han_runs_whole(line: &mut [Glyph]) {
    let is_han = |g: &Glyph| is_cjk(g.ch) && g.ch.is_alphabetic();
    let mut start = 0;
    while start < line.len() {
        let Some(first) = line.get(start) else {
            break;
        };
        if !is_han(first) {
            start += 1;
            continue;
        }
        let len = line
            .get(start..)
            .unwrap_or_default()
            .iter()
            .take_while(|g| is_han(g))
            .count();
        if len <= UNBREAKABLE_HAN_RUN {
            for glyph in line.iter_mut().skip(start + 1).take(len - 1) {
                glyph.break_before = false;
            }
        }
        start += len.max(1);
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

thread_local! {
    /// The characters no font could draw, while [`unprintable_during`] collects them.
    static UNPRINTABLE: RefCell<Option<BTreeSet<char>>> = const { RefCell::new(None) };
}

fn note_unprintable(ch: char) {
    UNPRINTABLE.with(|set| {
        if let Some(set) = set.borrow_mut().as_mut() {
            set.insert(ch);
        }
    });
}

/// Runs `render` (any PDF rendering on this thread) and returns what it returned with the
/// characters that neither the bundled fonts nor any installed font could draw, sorted:
/// they would print as boxes, so the export names them to the user first.
pub fn unprintable_during<T>(render: impl FnOnce() -> T) -> (T, Vec<char>) {
    let outer = UNPRINTABLE.with(|set| set.replace(Some(BTreeSet::new())));
    let result = render();
    let found = UNPRINTABLE
        .with(|set| set.replace(outer))
        .unwrap_or_default();
    // An enclosing collection sees these too.
    for ch in &found {
        note_unprintable(*ch);
    }
    (result, found.into_iter().collect())
}

/// Fonts installed on the system, searched for a character none of the bundled fonts has
/// (a rare name character of CJK Extension B, a symbol). Found faces stay loaded for the
/// life of the process: their bytes are leaked on purpose, as the bundled fonts are
/// `'static` too, and a process meets only a handful of them.
#[derive(Default)]
struct SystemFonts {
    /// Faces loaded so far, by [`FaceId::System`] number.
    faces: Mutex<Vec<&'static Face>>,
    /// Per character: the face that has it, or none anywhere.
    found: Mutex<HashMap<char, Option<u16>>>,
    /// The font files to search instead of the system's (tests).
    files: Option<Vec<std::path::PathBuf>>,
}

/// At most this many system faces are loaded in one process.
const MAX_SYSTEM_FACES: usize = 32;
/// Font files larger than this are not read when looking for a character.
const MAX_FONT_FILE: u64 = 64 << 20;

impl SystemFonts {
    fn face(&self, n: u16) -> Option<&'static Face> {
        self.faces.lock().ok()?.get(usize::from(n)).copied()
    }

    /// The installed face that draws `ch`, loading it the first time.
    fn find(&self, ch: char) -> Option<(u16, &'static Face)> {
        if let Some(known) = self.found.lock().ok()?.get(&ch) {
            return known.and_then(|n| Some((n, self.face(n)?)));
        }
        // A face already loaded may have it.
        let loaded = self.faces.lock().ok()?.clone();
        let hit = match loaded.iter().position(|f| f.glyph(ch).is_some()) {
            Some(n) => u16::try_from(n).ok(),
            None => self.load_covering(ch, loaded.len()),
        };
        self.found.lock().ok()?.insert(ch, hit);
        hit.and_then(|n| Some((n, self.face(n)?)))
    }

    fn load_covering(&self, ch: char, loaded: usize) -> Option<u16> {
        if loaded >= MAX_SYSTEM_FACES {
            return None;
        }
        let files = self.files.as_deref().unwrap_or_else(|| system_font_files());
        for path in files {
            let Ok(meta) = std::fs::metadata(path) else {
                continue;
            };
            if meta.len() > MAX_FONT_FILE {
                continue;
            }
            let Ok(bytes) = std::fs::read(path) else {
                continue;
            };
            let faces = skrifa::FontRef::fonts(&bytes)
                .enumerate()
                .filter_map(|(i, f)| Some((i, f.ok()?)))
                .find(|(_, f)| f.charmap().map(ch).is_some_and(|g| g.to_u32() != 0))
                .map(|(i, _)| i);
            let Some(index) = faces.and_then(|i| u32::try_from(i).ok()) else {
                continue;
            };
            let data: &'static [u8] = Box::leak(bytes.into_boxed_slice());
            let face: &'static Face = Box::leak(Box::new(Face::load_index(data, index)?));
            let mut faces = self.faces.lock().ok()?;
            faces.push(face);
            log::info!(
                "PDF: {ch:?} (U+{:04X}) drawn with {}",
                u32::from(ch),
                path.display()
            );
            return u16::try_from(faces.len() - 1).ok();
        }
        None
    }
}

/// The font files installed on this system (TrueType, OpenType and collections), sorted.
/// `DELEGATION_PLANNER_FONT_DIRS` (paths separated as in `PATH`) replaces the usual
/// folders, for tests and for fonts kept elsewhere.
fn system_font_files() -> &'static [std::path::PathBuf] {
    static FILES: OnceLock<Vec<std::path::PathBuf>> = OnceLock::new();
    FILES.get_or_init(|| {
        let dirs: Vec<std::path::PathBuf> = match std::env::var_os("DELEGATION_PLANNER_FONT_DIRS") {
            Some(dirs) => std::env::split_paths(&dirs).collect(),
            None => {
                let mut dirs: Vec<std::path::PathBuf> = [
                    "/usr/share/fonts",
                    "/usr/local/share/fonts",
                    "/System/Library/Fonts",
                    "/Library/Fonts",
                    "C:\\Windows\\Fonts",
                ]
                .iter()
                .map(std::path::PathBuf::from)
                .collect();
                if let Some(home) = directories::BaseDirs::new() {
                    dirs.push(home.data_dir().join("fonts"));
                    dirs.push(home.home_dir().join(".fonts"));
                    dirs.push(home.home_dir().join("Library/Fonts"));
                }
                dirs
            }
        };
        let mut files = Vec::new();
        for dir in dirs {
            collect_font_files(&dir, 0, &mut files);
        }
        // Regular weights first: a rare character in a name is drawn like the rest of it,
        // not in the bold of the first collection that happens to sort earlier.
        let heavy = |p: &std::path::PathBuf| {
            let name = p.to_string_lossy().to_lowercase();
            [
                "bold", "black", "heavy", "semibold", "medium", "italic", "oblique",
            ]
            .iter()
            .any(|w| name.contains(w))
        };
        files.sort_by_cached_key(|p| (heavy(p), p.clone()));
        files
    })
}

fn collect_font_files(dir: &std::path::Path, depth: usize, out: &mut Vec<std::path::PathBuf>) {
    // Font folders are shallow; a symlink loop or a huge tree must not hang an export.
    if depth > 6 || out.len() > 20_000 {
        return;
    }
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect_font_files(&path, depth + 1, out);
        } else if path.extension().is_some_and(|e| {
            let e = e.to_string_lossy().to_ascii_lowercase();
            matches!(e.as_str(), "ttf" | "otf" | "ttc" | "otc")
        }) {
            out.push(path);
        }
    }
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
    fn a_character_no_bundled_font_has_comes_from_an_installed_font() {
        // 𠮷 (U+20BB7, CJK Extension B) is not in the bundled subset; the fixture is a
        // one-glyph subset of Noto Sans CJK SC, standing in for an installed font.
        let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/ext-b-sample.otf");
        let system = SystemFonts {
            files: Some(vec![
                std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                    .join("assets/fonts/DejaVuSans.ttf"),
                fixture,
            ]),
            ..Default::default()
        };
        let fonts = fonts().unwrap();
        assert!(fonts.face(FaceId::Cjk).glyph('𠮷').is_none());
        let (n, face) = system.find('𠮷').unwrap();
        assert_eq!(n, 0);
        assert!(face.glyph('𠮷').is_some());
        // Asked again: the face already loaded answers, no file is read.
        assert_eq!(system.find('𠮷').map(|(n, _)| n), Some(0));
        // A character in no font at all is none.
        assert!(system.find('\u{2FFFD}').is_none());
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
}
