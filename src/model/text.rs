use serde::{Deserialize, Serialize};

/// A text in English and in Simplified Chinese; either may be empty.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bilingual {
    /// English text.
    #[serde(default)]
    pub en: String,
    /// Simplified Chinese text.
    #[serde(default)]
    pub zh: String,
}

impl Bilingual {
    /// A text with both languages given.
    pub fn new(en: impl Into<String>, zh: impl Into<String>) -> Self {
        Self {
            en: en.into(),
            zh: zh.into(),
        }
    }

    /// An English-only text.
    pub fn en(en: impl Into<String>) -> Self {
        Self::new(en, "")
    }

    /// True when neither language has any text.
    pub fn is_empty(&self) -> bool {
        self.en.trim().is_empty() && self.zh.trim().is_empty()
    }

    /// The text in the preferred language, falling back to the other one.
    pub fn get(&self, prefer_chinese: bool) -> &str {
        let (first, second) = if prefer_chinese {
            (&self.zh, &self.en)
        } else {
            (&self.en, &self.zh)
        };
        if first.trim().is_empty() {
            second
        } else {
            first
        }
    }

    /// Both languages on one line, `English 中文`, skipping an empty one.
    pub fn both(&self) -> String {
        match (self.en.trim().is_empty(), self.zh.trim().is_empty()) {
            (false, false) => format!("{} {}", self.en.trim(), self.zh.trim()),
            (false, true) => self.en.trim().to_owned(),
            (true, false) => self.zh.trim().to_owned(),
            (true, true) => String::new(),
        }
    }
}

/// True for characters that change how text around them is displayed, or take no room:
/// bidirectional embeddings, overrides, isolates and marks; zero-width spaces and joiners;
/// the byte-order mark; soft hyphens; other invisible format characters; and control
/// characters other than tab and line breaks.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        // Bidirectional marks, embeddings, overrides and isolates.
        '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
        // Zero-width space, non-joiner, joiner; word joiner and invisible operators.
        | '\u{200B}'..='\u{200D}' | '\u{2060}'..='\u{2064}'
        // Deprecated format characters, byte-order mark, soft hyphen, Mongolian vowel
        // separator, Hangul fillers, interlinear annotation marks.
        | '\u{206A}'..='\u{206F}' | '\u{FEFF}' | '\u{00AD}' | '\u{180E}'
        | '\u{115F}' | '\u{1160}' | '\u{3164}' | '\u{FFA0}' | '\u{FFF9}'..='\u{FFFB}'
        // Variation selectors and tags are left alone: emoji and CJK need them.
    ) || (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
}

/// `text` as a terminal or a message shows it, one line whatever it holds: control
/// characters (ESC, BEL, NUL, a line break, a tab) and the invisible characters that
/// reorder or hide text ([`is_invisible`]: RLO, isolates, zero-width spaces) are written
/// as escapes (`\n`, `\t`, `\u{1b}`, `\u{202e}`), and a backslash as `\\`, so that an
/// escape always stands for one character and a script can read them back. Everything
/// else (Chinese, accents, emoji) is kept as it is.
///
/// The one escape of the command line: every name, title, id, file name and quoted text
/// it prints goes through it (and [`clip_for_message`], which messages use).
pub fn escape_text(text: &str) -> std::borrow::Cow<'_, str> {
    let needs = |c: char| c == '\\' || needs_escape(c);
    if !text.contains(needs) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        push_escaped(&mut out, c, true);
    }
    std::borrow::Cow::Owned(out)
}

/// A path as [`escape_text`] shows it (lossily decoded where it is not Unicode).
pub fn escape_path(path: &std::path::Path) -> String {
    escape_text(&path.to_string_lossy()).into_owned()
}

/// Whether [`escape_text`] writes `c` as an escape (a backslash aside).
pub fn needs_escape(c: char) -> bool {
    c.is_control() || is_invisible(c)
}

/// Appends `c` to `out`, as an escape when [`needs_escape`] says so (and a backslash
/// doubled when `backslash` is set): the one spelling of every escape.
pub fn push_escaped(out: &mut String, c: char, backslash: bool) {
    match c {
        '\\' if backslash => out.push_str("\\\\"),
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        c if needs_escape(c) => {
            use std::fmt::Write as _;
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        }
        c => out.push(c),
    }
}

/// The most characters of a text from a file that a message quotes: a 10 MB identifier
/// must not become a 10 MB error message.
pub const MAX_QUOTED_CHARS: usize = 200;

/// `text` as an error message may quote it: whole when short, else its first
/// [`MAX_QUOTED_CHARS`] characters followed by `…`; with its control and invisible
/// characters escaped ([`escape_text`]), so that a quoted name can neither drive a
/// terminal nor reorder the message around it.
pub fn clip_for_message(text: &str) -> std::borrow::Cow<'_, str> {
    // Cheap first test: a text of at most this many bytes has at most this many chars.
    if text.len() <= MAX_QUOTED_CHARS {
        return escape_text(text);
    }
    match text.char_indices().nth(MAX_QUOTED_CHARS) {
        Some((end, _)) => std::borrow::Cow::Owned(format!(
            "{}…",
            escape_text(text.get(..end).unwrap_or_default())
        )),
        None => escape_text(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_quote_at_most_two_hundred_characters() {
        assert_eq!(clip_for_message("paris-2024"), "paris-2024");
        let long = "黄".repeat(10_000);
        let clipped = clip_for_message(&long);
        assert_eq!(clipped.chars().count(), MAX_QUOTED_CHARS + 1);
        assert!(clipped.ends_with("黄…"));
        let exact = "a".repeat(MAX_QUOTED_CHARS);
        assert_eq!(clip_for_message(&exact), exact);
    }

    #[test]
    fn escapes_show_every_control_and_invisible_character_on_one_line() {
        assert_eq!(
            escape_text("HUANG Jixian 黄继先 Łódź 👍🏽"),
            "HUANG Jixian 黄继先 Łódź 👍🏽"
        );
        assert_eq!(escape_text("a\u{1b}[31mred\u{7}"), "a\\u{1b}[31mred\\u{7}");
        assert_eq!(escape_text("nul\0here"), "nul\\u{0}here");
        assert_eq!(
            escape_text("two\nlines\tand tab\r"),
            "two\\nlines\\tand tab\\r"
        );
        assert_eq!(escape_text("back\\slash"), "back\\\\slash");
        assert_eq!(escape_text("Wang\u{202E}gnaW"), "Wang\\u{202e}gnaW");
        assert_eq!(
            escape_text("a\u{2066}b\u{200B}c\u{9b}"),
            "a\\u{2066}b\\u{200b}c\\u{9b}"
        );
        assert!(matches!(
            escape_text("plain"),
            std::borrow::Cow::Borrowed(_)
        ));
        // Messages quote the same escapes, clipped.
        assert_eq!(
            clip_for_message("id\u{1b}]0;pwned\u{7}"),
            "id\\u{1b}]0;pwned\\u{7}"
        );
        let long = format!("{}\u{202E}", "x".repeat(MAX_QUOTED_CHARS));
        assert_eq!(
            clip_for_message(&long),
            format!("{}…", "x".repeat(MAX_QUOTED_CHARS))
        );
        let long = format!("\u{1b}{}", "x".repeat(MAX_QUOTED_CHARS));
        assert!(clip_for_message(&long).starts_with("\\u{1b}x"));
        assert_eq!(
            escape_path(std::path::Path::new("/tmp/a\u{1b}b.pdf")),
            "/tmp/a\\u{1b}b.pdf"
        );
    }

    #[test]
    fn falls_back_to_the_other_language() {
        let t = Bilingual::new("Director", "");
        assert_eq!(t.get(true), "Director");
        let t = Bilingual::new("", "主任");
        assert_eq!(t.get(false), "主任");
        assert_eq!(Bilingual::new("Director", "主任").both(), "Director 主任");
    }
}
