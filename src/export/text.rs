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
