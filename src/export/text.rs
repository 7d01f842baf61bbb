//! Language choice and the few labels exports print, in English and Chinese.

use crate::model::{Bilingual, Choice};

/// Which language an export is written in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportLanguage {
    /// English only (Chinese where no English is given).
    En,
    /// Chinese only (English where no Chinese is given).
    Zh,
    /// Both, side by side.
    #[default]
    Both,
}

impl ExportLanguage {
    /// A bilingual text in this language; `Both` joins them with ` / `.
    pub fn text(self, t: &Bilingual) -> String {
        let text = match self {
            Self::En => t.get(false).to_owned(),
            Self::Zh => t.get(true).to_owned(),
            Self::Both => match (t.en.trim().is_empty(), t.zh.trim().is_empty()) {
                (false, false) => format!("{} / {}", t.en.trim(), t.zh.trim()),
                _ => t.both(),
            },
        };
        // Invisible characters (bidi overrides, zero-width spaces) never reach an export.
        super::sanitize_cell(&text)
    }

    /// A fixed label (`Date`, `日期`) in this language.
    pub fn label(self, en: &str, zh: &str) -> String {
        match self {
            Self::En => en.to_owned(),
            Self::Zh => zh.to_owned(),
            Self::Both => format!("{en} {zh}"),
        }
    }

    /// The label of a model choice in this language.
    pub fn choice<C: Choice>(self, c: C) -> String {
        self.label(c.label_en(), c.label_zh())
    }
}
