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

/// A date written out the way each language writes it in a letter: English
/// `Monday 23 September 2024`, Chinese `2024年9月23日 星期一`; `Both` gives the two joined
/// by ` / `.
pub fn long_date(date: chrono::NaiveDate, lang: ExportLanguage) -> String {
    use chrono::Datelike as _;
    const WEEKDAYS_EN: [&str; 7] = [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ];
    const WEEKDAYS_ZH: [&str; 7] = ["一", "二", "三", "四", "五", "六", "日"];
    const MONTHS_EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let weekday = date.weekday().num_days_from_monday() as usize;
    let month = date.month0() as usize;
    let en = format!(
        "{} {} {} {}",
        WEEKDAYS_EN.get(weekday).copied().unwrap_or_default(),
        date.day(),
        MONTHS_EN.get(month).copied().unwrap_or_default(),
        date.year()
    );
    let zh = format!(
        "{}年{}月{}日 星期{}",
        date.year(),
        date.month(),
        date.day(),
        WEEKDAYS_ZH.get(weekday).copied().unwrap_or_default()
    );
    match lang {
        ExportLanguage::En => en,
        ExportLanguage::Zh => zh,
        ExportLanguage::Both => format!("{en} / {zh}"),
    }
}

/// A date in a table cell, short and unambiguous in each language: `23 Sep 2024`,
/// `2024年9月23日`; `Both` uses the ISO form `2024-09-23`, which reads the same in both.
pub fn short_date(date: chrono::NaiveDate, lang: ExportLanguage) -> String {
    use chrono::Datelike as _;
    match lang {
        ExportLanguage::En => date.format("%-d %b %Y").to_string(),
        ExportLanguage::Zh => format!("{}年{}月{}日", date.year(), date.month(), date.day()),
        ExportLanguage::Both => date.format("%Y-%m-%d").to_string(),
    }
}

/// The footer line of a printed document: the project's title and the document's date
/// (`CCAA–AFNOR cooperation · Monday 23 September 2024`).
pub fn footer_line(project_title: &str, date: chrono::NaiveDate, lang: ExportLanguage) -> String {
    // Both languages in a footer: the short forms, so that the title keeps its room.
    let date = match lang {
        ExportLanguage::Both => format!(
            "{} / {}",
            short_date(date, ExportLanguage::En),
            short_date(date, ExportLanguage::Zh)
        ),
        _ => long_date(date, lang),
    };
    let title = project_title.trim();
    if title.is_empty() {
        date
    } else {
        format!("{title} · {date}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_written_the_way_each_language_writes_them() {
        let d = chrono::NaiveDate::from_ymd_opt(2024, 9, 23).unwrap();
        assert_eq!(long_date(d, ExportLanguage::En), "Monday 23 September 2024");
        assert_eq!(long_date(d, ExportLanguage::Zh), "2024年9月23日 星期一");
        assert_eq!(
            long_date(d, ExportLanguage::Both),
            "Monday 23 September 2024 / 2024年9月23日 星期一"
        );
        let sunday = chrono::NaiveDate::from_ymd_opt(2025, 11, 2).unwrap();
        assert_eq!(
            long_date(sunday, ExportLanguage::Zh),
            "2025年11月2日 星期日"
        );
        assert_eq!(short_date(d, ExportLanguage::En), "23 Sep 2024");
        assert_eq!(short_date(d, ExportLanguage::Zh), "2024年9月23日");
        assert_eq!(short_date(d, ExportLanguage::Both), "2024-09-23");
        assert_eq!(
            footer_line("CCAA–AFNOR", d, ExportLanguage::Zh),
            "CCAA–AFNOR · 2024年9月23日 星期一"
        );
    }
}
