//! Line breaking: where a line may break (Latin text at spaces and after hyphens, CJK text
//! between any two characters but never before closing punctuation), greedy filling by
//! measured advances, and shrinking text until it fits a slot.
//!
//! Everything here is linear in the length of the text (a name of a million characters
//! took minutes when each place to break a name card's line was measured from scratch):
//! widths are summed once and carried along, and a text is capped at
//! [`super::cut::MAX_PRINTED_CHARS`] characters before it is laid out.

use super::cut::printable;
use super::fonts::{Fonts, Glyph, is_cjk, width_em};

impl Fonts {
    /// Shapes and wraps `text` to `max_width` points at `size`.
    pub(super) fn wrap(
        &self,
        text: &str,
        bold: bool,
        size: f32,
        max_width: f32,
    ) -> Vec<Vec<Glyph>> {
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

/// Spaces that allow a line break (not the no-break spaces).
pub(super) fn is_break_space(ch: char) -> bool {
    ch.is_whitespace() && !matches!(ch, '\u{a0}' | '\u{2007}' | '\u{202f}')
}

/// Characters that must not start a line (Chinese line-breaking rules, and Latin ones).
const NO_BREAK_BEFORE: &str = "，。、；：？！）》」』】〕〉〗”’…—·％,.;:!?)]}%";
/// Characters that must not end a line.
const NO_BREAK_AFTER: &str = "（《「『【〔〈〖“‘([{";

/// Whether a line may break between `prev` and `cur`.
pub(super) fn break_between(prev: char, cur: char) -> bool {
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
    // A Chinese date or time (`2025年9月30日`, `9时30分`) reads wrong when split, as a
    // Latin one does: no break between its numbers and their units.
    let unit = |c: char| matches!(c, '年' | '月' | '日' | '号' | '时' | '分');
    if (prev.is_ascii_digit() && unit(cur)) || (unit(prev) && cur.is_ascii_digit()) {
        return false;
    }
    if is_cjk(prev) || is_cjk(cur) {
        return true;
    }
    // After a hyphen or slash between words (`Sino-German`), but not inside a range of
    // numbers or times (`14:00–14:10`, `2024-09-23`), which reads wrong when split.
    matches!(prev, '-' | '/' | '–') && cur.is_alphabetic()
}

impl Fonts {
    /// The narrowest and the widest a cell of `text` can be laid out, in points at `size`:
    /// its widest unbreakable piece (a word, a time range, a CJK character, a Chinese
    /// date) and its widest hard line unwrapped, with `autospace` em more at each change
    /// between Chinese and Latin letters or digits (the room Word and LibreOffice add
    /// there). Tables size their columns from these.
    pub(super) fn content_widths(
        &self,
        text: &str,
        bold: bool,
        size: f32,
        autospace: f32,
    ) -> (f32, f32) {
        let latin = |c: char| c.is_ascii_alphanumeric();
        let mut min = 0.0_f32;
        let mut max = 0.0_f32;
        for line in self.shape(text, bold) {
            let mut piece = 0.0_f32;
            let mut whole = 0.0_f32;
            let mut previous: Option<char> = None;
            for glyph in &line {
                if glyph.break_before {
                    min = min.max(piece);
                    piece = 0.0;
                }
                let gap = previous.is_some_and(|p| {
                    (latin(p) && is_cjk(glyph.ch)) || (is_cjk(p) && latin(glyph.ch))
                });
                let advance = glyph.advance + if gap { autospace } else { 0.0 };
                previous = Some(glyph.ch);
                whole += advance;
                if glyph.space {
                    min = min.max(piece);
                    piece = 0.0;
                } else {
                    piece += advance;
                }
            }
            min = min.max(piece);
            max = max.max(whole);
        }
        (min * size, max * size)
    }
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
/// `min_size`; at `min_size`, lines beyond `max_lines` are cut, `…` marks the cut, and the
/// cut is noted ([`super::cut`]).
pub(super) fn fit(
    fonts: &Fonts,
    text: &str,
    bold: bool,
    sizes: (f32, f32),
    max_width: f32,
    max_lines: usize,
) -> (f32, Vec<Vec<Glyph>>) {
    fit_with(fonts, text, bold, sizes, max_width, max_lines, true)
}

/// [`fit`], noting a cut only when `say_cut` is set: a page footer that ends in `…` is
/// what footers do, not a text the user must hear about.
pub(super) fn fit_with(
    fonts: &Fonts,
    text: &str,
    bold: bool,
    (size, min_size): (f32, f32),
    max_width: f32,
    max_lines: usize,
    say_cut: bool,
) -> (f32, Vec<Vec<Glyph>>) {
    let text = printable(text);
    let text = text.as_ref();
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
            if say_cut {
                super::cut::note_cut(text, text.chars().count(), super::cut::CutReason::NoRoom);
            }
            return (
                size,
                truncate(fonts, lines, bold, size, max_width, max_lines),
            );
        }
        size = (size * 0.92).max(min_size);
    }
}

/// Fits a name into `max_width`: on one line, shrinking from `size` down to `two_lines_at`;
/// if it is still too long there, on two lines broken where they come out most even (at a
/// space or a `·` rather than inside a word), shrinking down to `min_size`; only below
/// that is it cut with `…`.
pub(super) fn fit_name(
    fonts: &Fonts,
    text: &str,
    bold: bool,
    (size, two_lines_at, min_size): (f32, f32, f32),
    max_width: f32,
) -> (f32, Vec<Vec<Glyph>>) {
    let joined = printable(text).replace(['\n', '\r', '\u{2028}', '\u{2029}'], " ");
    let shaped = fonts.shape(joined.trim(), bold);
    let Some(line) = shaped.first().filter(|l| !l.is_empty()) else {
        return (size, Vec::new());
    };
    let widest = width_em(line);
    if widest <= 0.0 || widest * two_lines_at <= max_width {
        return fit(
            fonts,
            &joined,
            bold,
            (size, two_lines_at.min(size)),
            max_width,
            1,
        );
    }
    // The most even break: the wider of the two lines as narrow as can be, a break at a
    // space or a middle dot preferred to one between two characters. The widths of the
    // two lines are running sums, so that trying every break costs one pass.
    let mut best: Option<(f32, usize)> = None;
    let spans = TrimmedSpans::of(line);
    for (i, glyph) in line.iter().enumerate() {
        if i > 0 && glyph.break_before {
            let (first, second) = spans.split_at(i);
            let at_separator = line
                .get(i - 1)
                .is_some_and(|g| g.space || matches!(g.ch, '·' | '・'));
            let penalty = if at_separator { 1.0 } else { 1.15 };
            let score = first.max(second) * penalty;
            if best.is_none_or(|(s, _)| score < s) {
                best = Some((score, i));
            }
        }
    }
    let Some((_, at)) = best else {
        // No place to break (one long word): one line, as small as it must be.
        return fit(fonts, &joined, bold, (two_lines_at, min_size), max_width, 1);
    };
    let (head, tail) = line.split_at(at.min(line.len()));
    let lines = vec![
        trim_trailing_spaces(head).to_vec(),
        trim_leading_spaces(tail).to_vec(),
    ];
    let wider = lines.iter().map(|l| width_em(l)).fold(0.0_f32, f32::max);
    let fitted = (max_width / wider * 0.999).min(two_lines_at);
    if fitted >= min_size {
        return (fitted, lines);
    }
    fit(fonts, &joined, bold, (min_size, min_size), max_width, 2)
}

/// The widths of the two lines a line splits into at each glyph, trailing spaces of the
/// first and leading spaces of the second left out, from running sums.
struct TrimmedSpans {
    /// `prefix[i]`: the width of glyphs `..i`.
    prefix: Vec<f32>,
    /// `kept_end[i]`: the end of glyphs `..i` without their trailing spaces.
    kept_end: Vec<usize>,
    /// `next_start[i]`: the first glyph from `i` on that is not a space.
    next_start: Vec<usize>,
}

impl TrimmedSpans {
    fn of(line: &[Glyph]) -> Self {
        let n = line.len();
        let mut prefix = Vec::with_capacity(n + 1);
        let mut kept_end = Vec::with_capacity(n + 1);
        let (mut width, mut end) = (0.0_f32, 0);
        prefix.push(0.0);
        kept_end.push(0);
        for (i, glyph) in line.iter().enumerate() {
            width += glyph.advance;
            if !glyph.space {
                end = i + 1;
            }
            prefix.push(width);
            kept_end.push(end);
        }
        let mut next_start = Vec::with_capacity(n + 1);
        let mut start = n;
        next_start.push(n);
        for (i, glyph) in line.iter().enumerate().rev() {
            if !glyph.space {
                start = i;
            }
            next_start.push(start);
        }
        next_start.reverse();
        Self {
            prefix,
            kept_end,
            next_start,
        }
    }

    /// Widths in em of the line before glyph `i` and of the line from it.
    fn split_at(&self, i: usize) -> (f32, f32) {
        let at = |k: usize| self.prefix.get(k).copied().unwrap_or_default();
        let end = self.kept_end.get(i).copied().unwrap_or_default();
        let start = self.next_start.get(i).copied().unwrap_or_default();
        let total = at(self.prefix.len().saturating_sub(1));
        (at(end), total - at(start))
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
        // The line's width once, then less each glyph taken off.
        let mut width = width_em(last) * size;
        while width + ellipsis_width > max_width {
            let Some(glyph) = last.pop() else {
                break;
            };
            width -= glyph.advance * size;
        }
        let keep = trim_trailing_spaces(last).len();
        last.truncate(keep);
        last.extend(ellipsis);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::pdf::fonts::fonts;

    fn text(line: &[Glyph]) -> String {
        line.iter().map(|g| g.ch).collect()
    }

    #[test]
    fn a_chinese_date_is_one_piece_and_its_neighbours_are_not() {
        let fonts = fonts().unwrap();
        let (min, max) = fonts.content_widths("2025年9月30日", false, 10.0, 0.0);
        assert!((min - max).abs() < 1e-3, "{min} / {max}");
        // As Word spaces it: five changes between digits and Chinese, a quarter em each.
        let (spaced, _) = fonts.content_widths("2025年9月30日", false, 10.0, 0.25);
        assert!((spaced - min - 12.5).abs() < 1e-3, "{spaced} / {min}");
        // Text around it still breaks between characters, never inside the date.
        let lines = fonts.wrap("期限为2025年9月30日之前完成", false, 10.0, 90.0);
        let lines: Vec<String> = lines.iter().map(|l| text(l)).collect();
        assert!(lines.len() > 1, "{lines:?}");
        assert!(
            lines.iter().any(|l| l.contains("2025年9月30日")),
            "{lines:?}"
        );
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
    fn names_shrink_to_one_line() {
        let fonts = fonts().unwrap();
        let name = "Maximilian Alexander von Hohenzollern-Sigmaringen-Württemberg";
        let (size, lines) = fit(fonts, name, true, (44.0, 12.0), 700.0, 1);
        assert!((12.0..44.0).contains(&size));
        assert_eq!(lines.len(), 1);
        assert_eq!(text(lines.first().unwrap()), name);
        let (size, lines) = fit(fonts, "FANG Yan", true, (44.0, 12.0), 700.0, 1);
        assert_eq!((size, lines.len()), (44.0, 1));
        // A name card's name shrinks first, then takes two lines, broken between words.
        let (size, lines) = fit_name(fonts, name, true, (44.0, 30.0, 12.0), 700.0);
        assert!((12.0..=30.0).contains(&size), "{size}");
        let lines = lines.iter().map(|l| text(l)).collect::<Vec<_>>();
        assert_eq!(
            lines,
            [
                "Maximilian Alexander von",
                "Hohenzollern-Sigmaringen-Württemberg"
            ]
        );
        let (size, lines) = fit_name(fonts, "FANG Yan", true, (44.0, 30.0, 12.0), 700.0);
        assert_eq!((size, lines.len()), (44.0, 1));
        // Below the minimum size a name is cut with an ellipsis rather than overflowing.
        let (size, lines) = fit(fonts, name, true, (44.0, 12.0), 200.0, 1);
        assert_eq!((size, lines.len()), (12.0, 1));
        let line = lines.first().unwrap();
        assert!(text(line).ends_with('…') && width_em(line) * 12.0 <= 200.0);
    }
}
