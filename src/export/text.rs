//! Language choice and the few labels exports print, in English and Chinese.

use chrono::{Datelike as _, NaiveDate};

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

const WEEKDAYS_EN: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const WEEKDAYS_ZH: [&str; 7] = [
    "星期一",
    "星期二",
    "星期三",
    "星期四",
    "星期五",
    "星期六",
    "星期日",
];
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

/// A date with its weekday, as a heading writes it: `Monday 23 September 2024`,
/// `2024年9月23日 星期一`, or both joined with ` / ` as the other bilingual texts are.
pub fn long_date(date: NaiveDate, language: ExportLanguage) -> String {
    let weekday = date.weekday().num_days_from_monday() as usize;
    let en = format!(
        "{} {} {} {}",
        WEEKDAYS_EN.get(weekday).copied().unwrap_or_default(),
        date.day(),
        MONTHS_EN
            .get(date.month0() as usize)
            .copied()
            .unwrap_or_default(),
        date.year()
    );
    let zh = format!(
        "{}年{}月{}日 {}",
        date.year(),
        date.month(),
        date.day(),
        WEEKDAYS_ZH.get(weekday).copied().unwrap_or_default()
    );
    match language {
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

/// The days a meeting spans, as a letter writes them: one day as [`long_date`]; several
/// as `8–9 December 2026`, `2026年12月8日至9日`, or both joined by ` / `.
pub fn date_span(start: NaiveDate, end: NaiveDate, lang: ExportLanguage) -> String {
    if end <= start {
        return long_date(start, lang);
    }
    let month = |d: NaiveDate| {
        MONTHS_EN
            .get(d.month0() as usize)
            .copied()
            .unwrap_or_default()
    };
    let en = if (start.year(), start.month()) == (end.year(), end.month()) {
        format!(
            "{}–{} {} {}",
            start.day(),
            end.day(),
            month(end),
            end.year()
        )
    } else if start.year() == end.year() {
        format!(
            "{} {} – {} {} {}",
            start.day(),
            month(start),
            end.day(),
            month(end),
            end.year()
        )
    } else {
        format!(
            "{} {} {} – {} {} {}",
            start.day(),
            month(start),
            start.year(),
            end.day(),
            month(end),
            end.year()
        )
    };
    let zh_start = format!("{}年{}月{}日", start.year(), start.month(), start.day());
    let zh = if (start.year(), start.month()) == (end.year(), end.month()) {
        format!("{zh_start}至{}日", end.day())
    } else if start.year() == end.year() {
        format!("{zh_start}至{}月{}日", end.month(), end.day())
    } else {
        format!(
            "{zh_start}至{}年{}月{}日",
            end.year(),
            end.month(),
            end.day()
        )
    };
    match lang {
        ExportLanguage::En => en,
        ExportLanguage::Zh => zh,
        ExportLanguage::Both => format!("{en} / {zh}"),
    }
}

/// A time zone named by its city in `language` (`Europe/Berlin` → `Berlin`, `柏林`, or
/// `Berlin / 柏林`), from the table the time-zone picker uses.
pub fn zone_city(tz: chrono_tz::Tz, language: ExportLanguage) -> String {
    let en = crate::model::zones::zone_city(tz, false);
    let zh = crate::model::zones::zone_city(tz, true);
    match language {
        ExportLanguage::En => en,
        ExportLanguage::Zh => zh,
        ExportLanguage::Both if en == zh => en,
        ExportLanguage::Both => format!("{en} / {zh}"),
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

    #[test]
    fn a_span_of_days_is_written_once_per_language() {
        let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
        assert_eq!(
            date_span(day(12, 8), day(12, 8), ExportLanguage::En),
            "Tuesday 8 December 2026"
        );
        assert_eq!(
            date_span(day(12, 8), day(12, 9), ExportLanguage::Both),
            "8–9 December 2026 / 2026年12月8日至9日"
        );
        assert_eq!(
            date_span(day(11, 30), day(12, 1), ExportLanguage::Zh),
            "2026年11月30日至12月1日"
        );
        assert_eq!(
            date_span(
                day(12, 31),
                NaiveDate::from_ymd_opt(2027, 1, 1).unwrap(),
                ExportLanguage::En
            ),
            "31 December 2026 – 1 January 2027"
        );
    }

    #[test]
    fn long_dates_and_zone_cities_in_each_language() {
        let date = NaiveDate::from_ymd_opt(2024, 9, 23).unwrap_or_default();
        assert_eq!(
            long_date(date, ExportLanguage::En),
            "Monday 23 September 2024"
        );
        assert_eq!(long_date(date, ExportLanguage::Zh), "2024年9月23日 星期一");
        assert_eq!(
            long_date(date, ExportLanguage::Both),
            "Monday 23 September 2024 / 2024年9月23日 星期一"
        );
        let berlin = chrono_tz::Europe::Berlin;
        assert_eq!(zone_city(berlin, ExportLanguage::En), "Berlin");
        assert_eq!(zone_city(berlin, ExportLanguage::Zh), "柏林");
        assert_eq!(zone_city(berlin, ExportLanguage::Both), "Berlin / 柏林");
        assert_eq!(zone_city(chrono_tz::UTC, ExportLanguage::Both), "UTC");
    }
}
