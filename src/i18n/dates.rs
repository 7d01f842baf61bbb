//! Dates in words, in the interface language, and why a typed date was refused (issue 27).

use chrono::{Datelike as _, NaiveDate};

use super::Language;
use super::errors::{Localized, say};
use crate::model::{DateInputError, days_in_month};

/// The name of `month` (1–12) in the interface language: `May`, `5月`.
pub fn month_name(language: Language, month: u32) -> &'static str {
    let names = language.strings().month_names;
    usize::try_from(month)
        .ok()
        .and_then(|m| m.checked_sub(1))
        .and_then(|m| names.split(',').nth(m))
        .unwrap_or_default()
}

/// A date with its weekday, as the form shows what it read: `Monday 12 May 2025`,
/// `2025年5月12日 星期一`.
pub fn long_date(language: Language, date: NaiveDate) -> String {
    let t = language.strings();
    let weekday = t
        .first_hour
        .weekday_names
        .split(',')
        .nth(date.weekday().num_days_from_monday() as usize)
        .unwrap_or_default();
    let month = month_name(language, date.month());
    match language {
        Language::English => format!("{weekday} {} {month} {}", date.day(), date.year()),
        Language::Chinese => format!(
            "{}年{}月{}日 {weekday}",
            date.year(),
            date.month(),
            date.day()
        ),
    }
}

impl Localized for DateInputError {
    /// What is wrong with the typed date, and how to write it.
    fn localized(&self, language: Language) -> String {
        match self {
            Self::Empty => say(
                language,
                || "Type a date, e.g. 12 May 2025".to_owned(),
                || "请输入日期，例如 2025年5月12日".to_owned(),
            ),
            Self::Unreadable => say(
                language,
                || {
                    "Not a date: type 2025-05-12, 12 May 2025, 12.05.2025 or 2025年5月12日"
                        .to_owned()
                },
                || {
                    "无法识别的日期：请写作 2025年5月12日、2025-05-12、12.05.2025 或 12 May 2025"
                        .to_owned()
                },
            ),
            Self::NoSuchMonth(month) => say(
                language,
                || {
                    format!(
                        "There is no month {month}: numbers are day first, then month (12.05.2025)"
                    )
                },
                || format!("没有 {month} 月：数字写法先日后月（12.05.2025），或写作 2025-05-12"),
            ),
            Self::NoSuchDay { year, month, day } => {
                let days = days_in_month(*year, *month);
                say(
                    language,
                    || {
                        format!(
                            "{} {year} has {days} days: there is no {day} {}",
                            month_name(language, *month),
                            month_name(language, *month)
                        )
                    },
                    || format!("{year}年{month}月只有 {days} 天，没有 {day} 日"),
                )
            }
            Self::YearOutOfRange(year) => say(
                language,
                || format!("The year {year} is out of range: dates from 1900 to 2200"),
                || format!("年份 {year} 超出范围：日期须在 1900 年至 2200 年之间"),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn long_dates_in_both_languages() {
        assert_eq!(
            long_date(Language::English, d(2025, 5, 12)),
            "Monday 12 May 2025"
        );
        assert_eq!(
            long_date(Language::Chinese, d(2025, 5, 12)),
            "2025年5月12日 星期一"
        );
        assert_eq!(month_name(Language::English, 13), "");
        assert_eq!(month_name(Language::English, 0), "");
    }

    #[test]
    fn refusals_say_why_in_both_languages() {
        let feb = DateInputError::NoSuchDay {
            year: 2025,
            month: 2,
            day: 31,
        };
        assert_eq!(
            feb.localized(Language::English),
            "February 2025 has 28 days: there is no 31 February"
        );
        assert_eq!(
            feb.localized(Language::Chinese),
            "2025年2月只有 28 天，没有 31 日"
        );
        for err in [
            DateInputError::Empty,
            DateInputError::Unreadable,
            DateInputError::NoSuchMonth(13),
            DateInputError::YearOutOfRange(1850),
        ] {
            for language in [Language::English, Language::Chinese] {
                assert!(!err.localized(language).is_empty());
            }
        }
        assert!(
            DateInputError::NoSuchMonth(13)
                .localized(Language::Chinese)
                .contains("13 月")
        );
    }
}
