//! Dates of birth and passport expiry as lists write them, in each language's conventions:
//! `1985-03-12`, `1985年3月12日`, `12/03/1985` (day first in French, German and British
//! lists), `12.03.1985`, `12 mars 1985`, `12. März 1985`, `March 12, 1985`, passports'
//! `12 MAR 1985` and `12MAR85`, and a spreadsheet's date serial (`31118`).
//!
//! A date whose day and month could be either way round (`03/04/1985`) is read day first,
//! the convention of every list language but American English, and said to be uncertain,
//! so that the preview shows it for a look.

use chrono::{Datelike as _, NaiveDate};

/// What kind of date a cell holds: a two-digit year means the last century for a birth,
/// this one for a passport's expiry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateKind {
    /// A date of birth.
    Birth,
    /// A passport's (or another document's) date of expiry.
    Expiry,
}

/// A date read from a cell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReadDate {
    /// The date.
    pub date: NaiveDate,
    /// Day and month could be either way round: read day first.
    pub ambiguous: bool,
}

/// Reads a date as people write it; `None` when the text is no date.
pub fn parse_personal_date(text: &str, kind: DateKind) -> Option<ReadDate> {
    let text = super::names::halfwidth(text);
    let text = text.trim().trim_end_matches(['.', ',']);
    if text.is_empty() {
        return None;
    }
    let sure = |date| {
        Some(ReadDate {
            date,
            ambiguous: false,
        })
    };
    // A spreadsheet's serial number of days (a date column formatted as a number).
    if text.len() == 5
        && text.bytes().all(|b| b.is_ascii_digit())
        && let Ok(serial) = text.parse::<i64>()
    {
        let epoch = NaiveDate::from_ymd_opt(1899, 12, 30)?;
        return sure(epoch.checked_add_signed(chrono::Duration::days(serial))?);
    }
    if let Some(date) = chinese(text) {
        return sure(date);
    }
    let words = split_words(text);
    if let Some(date) = with_month_name(&words, kind) {
        return sure(date);
    }
    numeric(&words, kind)
}

/// `1985年3月12日`, `1985年03月12号`.
fn chinese(text: &str) -> Option<NaiveDate> {
    let (year, rest) = text.split_once('年')?;
    let (month, rest) = rest.split_once('月')?;
    let day = rest.trim_end_matches(['日', '号']);
    NaiveDate::from_ymd_opt(
        year.trim().parse().ok()?,
        month.trim().parse().ok()?,
        day.trim().parse().ok()?,
    )
}

/// The words and numbers of a date: `12MAR85` → `12`, `MAR`, `85`; separators dropped.
fn split_words(text: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut digits = false;
    for c in text.chars() {
        let is_word = c.is_alphanumeric();
        let ends_word = !is_word || c.is_ascii_digit() != digits;
        if ends_word && !current.is_empty() {
            words.push(std::mem::take(&mut current));
        }
        if is_word {
            digits = c.is_ascii_digit();
            current.push(c);
        }
    }
    if !current.is_empty() {
        words.push(current);
    }
    // An ISO date with a time (`1985-03-12T00:00:00`, `1985-03-12 00:00:00`): the time is
    // not part of the date.
    if words.len() > 3
        && words
            .first()
            .is_some_and(|w| w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
    {
        words.truncate(3);
    }
    words
}

/// A month's number from its name or abbreviation in English, French or German.
fn month_named(word: &str) -> Option<u32> {
    const MONTHS: [&[&str]; 12] = [
        &["january", "jan", "janvier", "janv", "januar", "jänner"],
        &[
            "february", "feb", "février", "fevrier", "févr", "fevr", "fév", "februar",
        ],
        &["march", "mar", "mars", "märz", "maerz", "mär"],
        &["april", "apr", "avril", "avr"],
        &["may", "mai"],
        &["june", "jun", "juin"],
        &["july", "jul", "juillet", "juil"],
        &["august", "aug", "août", "aout"],
        &["september", "sep", "sept", "septembre"],
        &["october", "oct", "octobre", "oktober", "okt"],
        &["november", "nov", "novembre"],
        &[
            "december",
            "dec",
            "décembre",
            "decembre",
            "déc",
            "dezember",
            "dez",
        ],
    ];
    let word = word.to_lowercase();
    MONTHS
        .iter()
        .position(|names| names.contains(&word.as_str()))
        .and_then(|i| u32::try_from(i + 1).ok())
}

fn number(word: &str) -> Option<u32> {
    if word.bytes().all(|b| b.is_ascii_digit()) && word.len() <= 4 {
        word.parse().ok()
    } else {
        None
    }
}

/// A year as written: four digits, or two (`85`, `31`) read by `kind`.
fn year(word: &str, kind: DateKind) -> Option<i32> {
    let n = i32::try_from(number(word)?).ok()?;
    match word.len() {
        4 => Some(n),
        2 => {
            let this_year = chrono::Local::now().year();
            let century = this_year - this_year % 100;
            Some(match kind {
                DateKind::Birth if century + n > this_year => century - 100 + n,
                DateKind::Birth | DateKind::Expiry => century + n,
            })
        }
        _ => None,
    }
}

/// `12 March 1985`, `March 12 1985`, `12. März 1985`, `12MAR85`, `1985 Mar 12`.
fn with_month_name(words: &[String], kind: DateKind) -> Option<NaiveDate> {
    let [a, b, c] = words else {
        return None;
    };
    let date = |y: &str, m: u32, d: &str| NaiveDate::from_ymd_opt(year(y, kind)?, m, number(d)?);
    if let Some(m) = month_named(b) {
        return if a.len() == 4 {
            date(a, m, c)
        } else {
            date(c, m, a)
        };
    }
    if let Some(m) = month_named(a) {
        return date(c, m, b);
    }
    None
}

/// `1985-03-12`, `12/03/1985`, `12.03.85`, `03/25/1985` (month first only when the day
/// cannot be a month).
fn numeric(words: &[String], kind: DateKind) -> Option<ReadDate> {
    let [a, b, c] = words else {
        return None;
    };
    let (x, y) = (number(a)?, number(b)?);
    if a.len() == 4 {
        let date = NaiveDate::from_ymd_opt(i32::try_from(x).ok()?, y, number(c)?)?;
        return Some(ReadDate {
            date,
            ambiguous: false,
        });
    }
    let year = year(c, kind)?;
    let day_first = NaiveDate::from_ymd_opt(year, y, x);
    let month_first = NaiveDate::from_ymd_opt(year, x, y);
    match (day_first, month_first) {
        (Some(date), Some(_)) => Some(ReadDate {
            date,
            ambiguous: x != y,
        }),
        (Some(date), None) | (None, Some(date)) => Some(ReadDate {
            date,
            ambiguous: false,
        }),
        (None, None) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Option<(String, bool)> {
        parse_personal_date(text, DateKind::Birth)
            .map(|d| (d.date.format("%Y-%m-%d").to_string(), d.ambiguous))
    }

    fn sure(text: &str) -> Option<(String, bool)> {
        Some((text.to_owned(), false))
    }

    #[test]
    fn every_language_writes_its_own_way() {
        assert_eq!(read("1985-03-12"), sure("1985-03-12"));
        assert_eq!(read("1985-03-12 00:00:00"), sure("1985-03-12"));
        assert_eq!(read("1985-03-12T00:00:00"), sure("1985-03-12"));
        assert_eq!(read("1985/3/12"), sure("1985-03-12"));
        assert_eq!(read("1985年3月12日"), sure("1985-03-12"));
        assert_eq!(read("１９８５年３月１２日"), sure("1985-03-12"));
        assert_eq!(read("25/03/1985"), sure("1985-03-25"));
        assert_eq!(read("25.03.1985"), sure("1985-03-25"));
        assert_eq!(read("03/25/1985"), sure("1985-03-25"));
        assert_eq!(read("12 mars 1985"), sure("1985-03-12"));
        assert_eq!(read("12. März 1985"), sure("1985-03-12"));
        assert_eq!(read("March 12, 1985"), sure("1985-03-12"));
        assert_eq!(read("12 MAR 1985"), sure("1985-03-12"));
        assert_eq!(read("12MAR85"), sure("1985-03-12"));
        assert_eq!(read("1er"), None);
        assert_eq!(read("31118"), sure("1985-03-12"));
        assert_eq!(read("unknown"), None);
        assert_eq!(read("31/02/1985"), None);
    }

    #[test]
    fn day_and_month_either_way_is_read_day_first_and_flagged() {
        assert_eq!(read("03/04/1985"), Some(("1985-04-03".to_owned(), true)));
        assert_eq!(read("04.04.1985"), sure("1985-04-04"));
    }

    #[test]
    fn two_digit_years_by_kind() {
        let birth = parse_personal_date("01.02.99", DateKind::Birth).map(|d| d.date.year());
        assert_eq!(birth, Some(1999));
        let expiry = parse_personal_date("01.02.31", DateKind::Expiry).map(|d| d.date.year());
        assert_eq!(expiry, Some(2031));
    }
}
