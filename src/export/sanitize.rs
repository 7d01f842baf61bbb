//! Text from project files and pasted lists made safe to put in front of people and in
//! file names: invisible characters (bidirectional controls, zero-width characters) are
//! revealed in the app and stripped from exports, and export file names are valid on
//! Windows, macOS and Linux alike.
//!
//! The one sanitizer of every export format: each writer passes every text from the
//! project through it — [`html_escape`] (HTML), [`md_escape`] (every Markdown export),
//! [`strip_invisible`] (CSV, XLSX, iCalendar, PDF) — so control characters and bidi
//! overrides never reach a file, and HTML in a name (`<script>`, `<img onerror>`) is
//! text in every HTML and Markdown export, never markup.
//!
//! Why: a name like `Wang\u{202E}gnaW` displays reversed (the "Trojan Source" trick), and
//! a zero-width space makes two identical-looking names differ. The app shows such
//! characters so the user can fix them; exports leave them out so a printed list or a name
//! card never shows garbled text.

use std::borrow::Cow;

/// The characters revealed in the app and stripped from exports (kept in the model, which
/// the command line's escapes and the validation of names use too).
pub use crate::model::is_invisible;

/// True when `text` holds any [`is_invisible`] character.
pub fn has_invisible(text: &str) -> bool {
    text.chars().any(is_invisible)
}

/// `text` without its invisible characters, for exports. A zero-width joiner between two
/// emoji (a family, a flag) is kept: there it is part of one visible picture.
pub fn strip_invisible(text: &str) -> Cow<'_, str> {
    if !has_invisible(text) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    let mut previous: Option<char> = None;
    while let Some(c) = chars.next() {
        let keep_joiner = c == '\u{200D}'
            && previous.is_some_and(is_pictographic)
            && chars.peek().copied().is_some_and(is_pictographic);
        if keep_joiner || !is_invisible(c) {
            out.push(c);
        }
        previous = Some(c);
    }
    Cow::Owned(out)
}

/// Text for HTML element content and attribute values: invisible characters stripped,
/// `& < > " '` escaped.
pub fn html_escape(text: &str) -> String {
    let text = strip_invisible(text);
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Text for HTML in pieces that never break across lines (a name, a date, a time range):
/// `text` split at ` · `, `; ` and ` / `, each piece escaped in a `<span class="nb">`
/// (`white-space: nowrap`), the separators between them where a line may break.
pub fn html_nowrap_pieces(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 32);
    let mut rest = text;
    while !rest.is_empty() {
        let cut = [" · ", "; ", " / ", "；"]
            .iter()
            .filter_map(|sep| rest.find(sep).map(|i| (i, sep.len())))
            .min();
        let (piece, separator, tail) = match cut {
            Some((i, len)) => (
                rest.get(..i).unwrap_or_default(),
                rest.get(i..i + len).unwrap_or_default(),
                rest.get(i + len..).unwrap_or_default(),
            ),
            None => (rest, "", ""),
        };
        if !piece.is_empty() {
            out.push_str(&format!("<span class=\"nb\">{}</span>", html_escape(piece)));
        }
        out.push_str(&html_escape(separator));
        rest = tail;
    }
    out
}

/// Text for Markdown (a heading, a list item, a table cell): invisible characters
/// stripped, inline markup and HTML characters escaped with a backslash (`\<script\>`
/// shows as text, never runs), line breaks made spaces (a newline would end a list item,
/// a heading or a table row).
pub fn md_escape(text: &str) -> String {
    let text = strip_invisible(text);
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' => {
                out.push('\\');
                out.push(c);
            }
            '\r' | '\n' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// `text` with each invisible character shown as `<U+202E>`, so the user sees what is
/// there and can delete it. ASCII only: every font of the app has these glyphs.
pub fn reveal_invisible(text: &str) -> Cow<'_, str> {
    if !has_invisible(text) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_invisible(c) {
            out.push_str(&format!("<U+{:04X}>", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// The longest file name produced, in bytes: every system allows 255 bytes or UTF-16
/// units, and the folder plus `.bak` or temporary suffixes need room too.
const MAX_FILE_NAME_BYTES: usize = 150;

/// A file name safe on Windows, macOS and Linux, made of `stem` and `extension` (without
/// the dot), for the name an export dialog suggests (`Paris 2024 – attendees.xlsx`).
///
/// Replaces `< > : " / \ | ? *` and control characters with `_`, drops invisible
/// characters, trims spaces and dots at both ends, avoids the names Windows reserves
/// (`CON`, `PRN`, `AUX`, `NUL`, `COM1`…`COM9`, `LPT1`…`LPT9`, also with an extension),
/// and shortens the stem to a length every system takes, at a character boundary.
/// Chinese and other scripts are kept. An empty stem becomes `export`.
pub fn safe_file_name(stem: &str, extension: &str) -> String {
    let extension: String = clean_part(extension)
        .chars()
        .filter(|c| *c != '.' && *c != ' ')
        .collect();
    let mut stem = clean_part(stem);
    let room = MAX_FILE_NAME_BYTES.saturating_sub(extension.len() + 1);
    if stem.len() > room {
        let cut = (0..=room)
            .rev()
            .find(|i| stem.is_char_boundary(*i))
            .unwrap_or(0);
        stem.truncate(cut);
        stem = stem.trim_end_matches([' ', '.']).to_owned();
    }
    if stem.is_empty() {
        stem = "export".to_owned();
    }
    if let Some(end) = reserved_on_windows(&stem) {
        // `NUL.tar` is as reserved as `NUL`: change the part before the first dot.
        stem.insert(end, '_');
    }
    if extension.is_empty() {
        stem
    } else {
        format!("{stem}.{extension}")
    }
}

/// One part of a file name with the characters no system accepts replaced, invisible ones
/// dropped, runs of white space made one space, and no spaces or dots at either end.
fn clean_part(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in strip_invisible(text).chars() {
        let c = match c {
            '<' | '>' | ':' | '"' | '/' | '\\' | '|' | '?' | '*' => '_',
            c if c.is_control() || c.is_whitespace() => ' ',
            c => c,
        };
        if c == ' ' {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.push(c);
    }
    out.trim_matches(['.', ' ']).to_owned()
}

/// For the device names Windows refuses as file names, with or without extension (`con`,
/// `Nul.txt`, `COM1`, `lpt¹`): where the device name ends.
fn reserved_on_windows(stem: &str) -> Option<usize> {
    let base = stem.split('.').next().unwrap_or(stem).trim_end();
    let upper = base.to_uppercase();
    let reserved = match upper.as_str() {
        "CON" | "PRN" | "AUX" | "NUL" | "CONIN$" | "CONOUT$" => true,
        _ => ["COM", "LPT"].iter().any(|prefix| {
            upper.strip_prefix(prefix).is_some_and(|n| {
                matches!(
                    n,
                    "0" | "1" | "2" | "3" | "4" | "5" | "6" | "7" | "8" | "9" | "¹" | "²" | "³"
                )
            })
        }),
    };
    reserved.then_some(base.len())
}

/// Emoji and other pictographs that a zero-width joiner may glue together.
fn is_pictographic(c: char) -> bool {
    matches!(
        c,
        '\u{1F000}'..='\u{1FAFF}' | '\u{2600}'..='\u{27BF}' | '\u{FE0F}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_dates_and_times_keep_together_in_html() {
        assert_eq!(
            html_nowrap_pieces("Mr. HUANG Jixian 黄继先; Ms. <Fang>"),
            "<span class=\"nb\">Mr. HUANG Jixian 黄继先</span>; <span class=\"nb\">Ms. &lt;Fang&gt;</span>"
        );
        assert_eq!(
            html_nowrap_pieces("Monday 23 September 2024 · 2024-09-23"),
            "<span class=\"nb\">Monday 23 September 2024</span> · <span class=\"nb\">2024-09-23</span>"
        );
        assert_eq!(html_nowrap_pieces(""), "");
    }

    #[test]
    fn bidi_and_zero_width_are_stripped_and_revealed() {
        let name = "Wang\u{202E}gnaW\u{200B} 王\u{200C}伟\u{FEFF}";
        assert!(has_invisible(name));
        assert_eq!(strip_invisible(name), "WanggnaW 王伟");
        assert_eq!(
            reveal_invisible(name),
            "Wang<U+202E>gnaW<U+200B> 王<U+200C>伟<U+FEFF>"
        );
        assert!(matches!(
            strip_invisible("HUANG Jixian 黄继先"),
            Cow::Borrowed(_)
        ));
        assert_eq!(strip_invisible("a\u{0}b\u{7}c\td\ne"), "abc\td\ne");
        assert_eq!(strip_invisible("\u{2067}مرحبا\u{2069}"), "مرحبا");
    }

    #[test]
    fn html_and_markdown_show_markup_as_text() {
        let name = "<img src=x onerror=alert(1)>\u{202E}\u{1b}[31m & 'x'";
        assert_eq!(
            html_escape(name),
            "&lt;img src=x onerror=alert(1)&gt;[31m &amp; &#39;x&#39;"
        );
        assert_eq!(
            md_escape(name),
            "\\<img src=x onerror=alert(1)\\>\\[31m & 'x'"
        );
        assert_eq!(md_escape("a | b\nc *d*"), "a \\| b c \\*d\\*");
    }

    #[test]
    fn emoji_sequences_and_variation_selectors_survive() {
        let family = "👨\u{200D}👩\u{200D}👧";
        assert_eq!(strip_invisible(family), family);
        assert_eq!(strip_invisible("❤\u{FE0F}"), "❤\u{FE0F}");
        assert_eq!(strip_invisible("a\u{200D}b"), "ab");
    }

    #[test]
    fn file_names_are_safe_everywhere() {
        assert_eq!(
            safe_file_name("Paris 2024: CCAA / AFNOR?", "xlsx"),
            "Paris 2024_ CCAA _ AFNOR_.xlsx"
        );
        assert_eq!(
            safe_file_name("巴黎会议 参会名单", "csv"),
            "巴黎会议 参会名单.csv"
        );
        assert_eq!(safe_file_name("  ..hidden. ", "pdf"), "hidden.pdf");
        assert_eq!(safe_file_name("", "ics"), "export.ics");
        assert_eq!(safe_file_name("\u{202E}\u{200B}", ".ics"), "export.ics");
        assert_eq!(safe_file_name("con", "txt"), "con_.txt");
        assert_eq!(safe_file_name("NUL.tar", "gz"), "NUL_.tar.gz");
        assert_eq!(safe_file_name("lpt¹", "txt"), "lpt¹_.txt");
        assert_eq!(safe_file_name("Com1", "md"), "Com1_.md");
        assert_eq!(safe_file_name("COM10", "md"), "COM10.md");
        assert_eq!(
            safe_file_name("line\nbreak\ttab", "html"),
            "line break tab.html"
        );
        assert_eq!(safe_file_name("a<b>c|d\"e*f\\g", ""), "a_b_c_d_e_f_g");
        let long = safe_file_name(&"黄".repeat(200), "xlsx");
        assert!(long.len() <= MAX_FILE_NAME_BYTES, "{}", long.len());
        assert!(long.ends_with("黄.xlsx"));
    }
}
