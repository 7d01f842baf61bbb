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

/// The most characters of a text from a file that a message quotes: a 10 MB identifier
/// must not become a 10 MB error message.
pub const MAX_QUOTED_CHARS: usize = 200;

/// `text` as an error message may quote it: whole when short, else its first
/// [`MAX_QUOTED_CHARS`] characters followed by `…`.
pub fn clip_for_message(text: &str) -> std::borrow::Cow<'_, str> {
    // Cheap first test: a text of at most this many bytes has at most this many chars.
    if text.len() <= MAX_QUOTED_CHARS {
        return std::borrow::Cow::Borrowed(text);
    }
    match text.char_indices().nth(MAX_QUOTED_CHARS) {
        Some((end, _)) => {
            std::borrow::Cow::Owned(format!("{}…", text.get(..end).unwrap_or_default()))
        }
        None => std::borrow::Cow::Borrowed(text),
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
    fn falls_back_to_the_other_language() {
        let t = Bilingual::new("Director", "");
        assert_eq!(t.get(true), "Director");
        let t = Bilingual::new("", "主任");
        assert_eq!(t.get(false), "主任");
        assert_eq!(Bilingual::new("Director", "主任").both(), "Director 主任");
    }
}
