//! What a status message or an error dialog says, kept so that it is said again in the new
//! language after a switch (issue 27). A message is made once from what it is about (its
//! kind, a file name, a count, an error value), in every language of the interface; the
//! status bar and the dialogs draw it in the language of the moment. File paths and the
//! user's own words go in verbatim.

use crate::i18n::{Language, Strings};

/// A message in every language of the interface.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Said {
    /// In English.
    en: String,
    /// In Chinese.
    zh: String,
}

impl Said {
    /// The message `say` gives in each language (called once per language, now: what it
    /// needs, an error value or a path, may be borrowed).
    pub fn new(say: impl Fn(Language) -> String) -> Self {
        Self {
            en: say(Language::English),
            zh: say(Language::Chinese),
        }
    }

    /// The message `say` gives with each language's strings.
    pub fn with(say: impl Fn(&Strings) -> String) -> Self {
        Self::new(|language| say(language.strings()))
    }

    /// One string of the interface, as it is.
    pub fn fixed(pick: fn(&Strings) -> &'static str) -> Self {
        Self::with(|t| pick(t).to_owned())
    }

    /// The message in `language`.
    pub fn text(&self, language: Language) -> &str {
        match language {
            Language::English => &self.en,
            Language::Chinese => &self.zh,
        }
    }
}

impl From<String> for Said {
    /// Words that are the same in every language: a path, the system's own message.
    fn from(text: String) -> Self {
        Self {
            zh: text.clone(),
            en: text,
        }
    }
}

impl From<&str> for Said {
    /// Words that are the same in every language: a path, the system's own message.
    fn from(text: &str) -> Self {
        Self::from(text.to_owned())
    }
}

impl super::Workspace {
    /// The status message, in the interface language.
    pub fn toast_text(&self) -> Option<&str> {
        self.toast.as_ref().map(|t| t.said.text(self.language()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_is_kept_in_each_language_with_its_file_verbatim() {
        let said = Said::with(|t| format!("{} /home/li/巴黎.ron", t.saved));
        assert_eq!(said.text(Language::English), "Saved /home/li/巴黎.ron");
        assert_eq!(said.text(Language::Chinese), "已保存 /home/li/巴黎.ron");
    }
}
