//! Dates as people type them: `2025-05-12`, `12 May 2025`, `May 12, 2025`, `2025年5月12日`,
//! `12.05.2025`, `12/05/2025`, `Mon 12 May`, `12. Mai 2025`, `12 mai 2025`, `today`.
//!
//! Numbers alone are read the way the offices this app serves write them: a four-digit
//! number first is the year (`2025-05-12`, `2025/5/12`, year, month, day); otherwise the
//! day comes first (`12.05.2025`, `12/05/2025`, `12-05-25`: day, month, year, as in Europe
//! and in Chinese documents written with slashes). The one exception is a date that can only
//! be read month first (`05/13/2025`: there is no month 13), which is read that way. The
//! form shows the date it read in words beside the field, so `05/12/2025` typed by someone
//! who meant 12 May is seen at once as 5 December.
//!
//! A date without a year (`12 May`, `5月12日`, `12.05.`) takes the year of the date the
//! field held; two-digit years fall in the 100 years from 79 years before today to 20
//! after (`25` is 2025, `65` is 1965 in 2026).

use chrono::{Datelike as _, NaiveDate};

/// The earliest and latest year a typed date may have.
pub const DATE_YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

/// Why a typed text is not a date.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DateInputError {
    /// Nothing was typed.
    #[error("no date was typed")]
    Empty,
    /// The text is not a date in any form this reader knows.
    #[error("not a date: type it as 2025-05-12, 12 May 2025, 12.05.2025 or 2025年5月12日")]
    Unreadable,
    /// A month number over 12 (or 0).
    #[error("there is no month {0}")]
    NoSuchMonth(u32),
    /// A day the month does not have (`31.02.2025`).
    #[error("{year}-{month:02} has no day {day}")]
    NoSuchDay {
        /// The year read.
        year: i32,
        /// The month read (1–12).
        month: u32,
        /// The day typed.
        day: u32,
    },
    /// A year outside [`DATE_YEARS`].
    #[error("the year {0} is out of range (1900–2200)")]
    YearOutOfRange(i32),
}

/// A piece of the typed text.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Token {
    /// A run of digits, its value and how many digits it had.
    Number(u32, usize),
    /// A month named in words (1–12).
    Month(u32),
}

/// Reads a date typed in any of the forms of the module documentation. `current` is the
/// date the field held (it gives the year when none is typed), `today` the app's today
/// (for `today`, `tomorrow`, and for two-digit years).
///
/// # Errors
/// [`DateInputError`] says why the text is not a date, for the message shown in place.
pub fn parse_date(
    text: &str,
    current: NaiveDate,
    today: NaiveDate,
) -> Result<NaiveDate, DateInputError> {
    let text = normalize(text);
    if text.is_empty() {
        return Err(DateInputError::Empty);
    }
    if let Some(date) = relative(&text, today) {
        return Ok(date);
    }
    if let Some(result) = chinese(&text, current, today) {
        return result;
    }
    let tokens = tokens(&text)?;
    from_tokens(&tokens, current, today)
}

/// Full-width forms to ASCII, lower case, weekday names and brackets left out.
fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.trim().chars() {
        let c = match c {
            // Full-width digits and punctuation, as a Chinese input method types them.
            '０'..='９' => char::from_u32(u32::from(c) - 0xFF10 + u32::from('0')).unwrap_or(c),
            '／' => '/',
            '．' | '。' => '.',
            '－' | '—' | '–' => '-',
            '，' | '、' => ',',
            '（' | '(' | '）' | ')' | '　' => ' ',
            c => c,
        };
        out.extend(c.to_lowercase());
    }
    for weekday in WEEKDAYS_ZH {
        out = out.replace(weekday, " ");
    }
    out.trim().to_owned()
}

/// `today`, `tomorrow`, `yesterday` in the languages of the app's users.
fn relative(text: &str, today: NaiveDate) -> Option<NaiveDate> {
    let days: i64 = match text {
        "today" | "今天" | "今日" | "heute" | "aujourd'hui" | "aujourd’hui" => 0,
        "tomorrow" | "明天" | "明日" | "morgen" | "demain" => 1,
        "yesterday" | "昨天" | "gestern" | "hier" => -1,
        _ => return None,
    };
    today.checked_add_signed(chrono::Duration::days(days))
}

/// Chinese weekday names, left out wherever they are (`2025年5月12日（星期一）`).
const WEEKDAYS_ZH: &[&str] = &[
    "星期一",
    "星期二",
    "星期三",
    "星期四",
    "星期五",
    "星期六",
    "星期日",
    "星期天",
    "周一",
    "周二",
    "周三",
    "周四",
    "周五",
    "周六",
    "周日",
    "周天",
    "礼拜一",
    "礼拜二",
    "礼拜三",
    "礼拜四",
    "礼拜五",
    "礼拜六",
    "礼拜日",
    "礼拜天",
];

/// A Chinese number: ASCII digits, or characters (`二〇二五`, `十二`, `三十一`).
fn chinese_number(text: &str) -> Option<(u32, usize)> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    if text.chars().all(|c| c.is_ascii_digit()) {
        return text.parse().ok().map(|n| (n, text.len()));
    }
    let digit = |c: char| -> Option<u32> {
        Some(match c {
            '〇' | '零' => 0,
            '一' => 1,
            '二' | '两' => 2,
            '三' => 3,
            '四' => 4,
            '五' => 5,
            '六' => 6,
            '七' => 7,
            '八' => 8,
            '九' => 9,
            _ => return None,
        })
    };
    let chars: Vec<char> = text.chars().collect();
    if let Some(ten) = chars.iter().position(|c| *c == '十') {
        // 十 (10), 十二 (12), 二十 (20), 三十一 (31).
        let tens = match ten {
            0 => 1,
            1 => digit(*chars.first()?)?,
            _ => return None,
        };
        let units = match chars.get(ten + 1..)? {
            [] => 0,
            [u] => digit(*u)?,
            _ => return None,
        };
        return Some((tens * 10 + units, 2));
    }
    // Digit by digit: 二〇二五.
    let mut n = 0u32;
    for c in &chars {
        n = n.checked_mul(10)?.checked_add(digit(*c)?)?;
    }
    Some((n, chars.len()))
}

/// `2025年5月12日`, `5月12日`, `2025年05月12号`, `二〇二五年五月十二日`; `None` when the text
/// has no `月`.
fn chinese(
    text: &str,
    current: NaiveDate,
    today: NaiveDate,
) -> Option<Result<NaiveDate, DateInputError>> {
    let (before_month, after_month) = text.split_once('月')?;
    let (year, month) = match before_month.split_once('年') {
        Some((year, month)) => (Some(year), month),
        None => (None, before_month),
    };
    let day = after_month
        .trim()
        .trim_end_matches(['日', '号', '號'])
        .trim();
    let parsed = (|| {
        let year = match year {
            Some(y) => {
                let (n, digits) = chinese_number(y)?;
                Some(full_year(n, digits, today))
            }
            None => None,
        };
        let (month, _) = chinese_number(month)?;
        let (day, _) = chinese_number(day)?;
        Some((year, month, day))
    })();
    Some(match parsed {
        Some((year, month, day)) => make(year.unwrap_or_else(|| current.year()), month, day),
        None => Err(DateInputError::Unreadable),
    })
}

/// The year of a typed number: two digits within the window of the module documentation.
fn full_year(n: u32, digits: usize, today: NaiveDate) -> i32 {
    let n = i32::try_from(n).unwrap_or(i32::MAX);
    if digits > 2 {
        return n;
    }
    let this_year = today.year();
    let century = this_year - this_year.rem_euclid(100);
    let candidate = century + n;
    if candidate > this_year + 20 {
        candidate - 100
    } else if candidate < this_year - 79 {
        candidate + 100
    } else {
        candidate
    }
}

/// Month names and their usual abbreviations in English, French and German.
const MONTHS: [(&str, u32); 32] = [
    ("january", 1),
    ("janvier", 1),
    ("januar", 1),
    ("jänner", 1),
    ("february", 2),
    ("février", 2),
    ("fevrier", 2),
    ("februar", 2),
    ("march", 3),
    ("mars", 3),
    ("märz", 3),
    ("maerz", 3),
    ("april", 4),
    ("avril", 4),
    ("may", 5),
    ("mai", 5),
    ("june", 6),
    ("juin", 6),
    ("juni", 6),
    ("july", 7),
    ("juillet", 7),
    ("juli", 7),
    ("august", 8),
    ("août", 8),
    ("aout", 8),
    ("september", 9),
    ("septembre", 9),
    ("october", 10),
    ("octobre", 10),
    ("oktober", 10),
    ("november", 11),
    ("novembre", 11),
];

/// The month a word names: a month's name, or its first three letters or more when they
/// name one month only (`sep`, `sept`, `déc`, `okt`). `None` for other words.
fn month_named(word: &str) -> Option<u32> {
    let word = word.trim_end_matches('.');
    let december = ["december", "décembre", "decembre", "dezember"];
    if december.contains(&word) {
        return Some(12);
    }
    if let Some((_, m)) = MONTHS.iter().find(|(name, _)| *name == word) {
        return Some(*m);
    }
    if word.chars().count() < 3 {
        return None;
    }
    let mut found: Option<u32> = None;
    let names = MONTHS
        .iter()
        .copied()
        .chain(december.iter().map(|n| (*n, 12)));
    for (name, m) in names {
        if name.starts_with(word) {
            match found {
                Some(other) if other != m => return None,
                _ => found = Some(m),
            }
        }
    }
    found
}

/// Weekday names and abbreviations in English, French and German, ignored where they are
/// (`Monday, 12 May 2025`).
fn is_weekday(word: &str) -> bool {
    const WEEKDAYS: [&str; 21] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "lundi",
        "mardi",
        "mercredi",
        "jeudi",
        "vendredi",
        "samedi",
        "dimanche",
        "montag",
        "dienstag",
        "mittwoch",
        "donnerstag",
        "freitag",
        "samstag",
        "sonntag",
    ];
    let word = word.trim_end_matches('.');
    word.chars().count() >= 2
        && WEEKDAYS
            .iter()
            .any(|w| *w == word || (word.chars().count() >= 3 && w.starts_with(word)))
}

/// The numbers and month names of the text, in order; ordinal endings (`12th`), `of`,
/// weekdays and separators left out.
fn tokens(text: &str) -> Result<Vec<Token>, DateInputError> {
    let mut out = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_ascii_digit() {
            let mut digits = String::new();
            while let Some(&d) = chars.peek().filter(|d| d.is_ascii_digit()) {
                digits.push(d);
                chars.next();
            }
            let value = digits.parse().map_err(|_| DateInputError::Unreadable)?;
            out.push(Token::Number(value, digits.len()));
        } else if c.is_alphabetic() {
            let mut word = String::new();
            while let Some(&l) = chars.peek().filter(|l| l.is_alphabetic() || **l == '\'') {
                word.push(l);
                chars.next();
            }
            if let Some(m) = month_named(&word) {
                out.push(Token::Month(m));
            } else if matches!(
                word.as_str(),
                "st" | "nd" | "rd" | "th" | "of" | "er" | "le" | "den"
            ) || is_weekday(&word)
            {
                // `12th of May`, `1er mai`, `le 12 mai`, `Monday`.
            } else {
                return Err(DateInputError::Unreadable);
            }
        } else if matches!(c, ' ' | '.' | ',' | '/' | '-' | '\'' | '’') {
            chars.next();
        } else {
            return Err(DateInputError::Unreadable);
        }
    }
    Ok(out)
}

/// The date the numbers and month names stand for.
fn from_tokens(
    tokens: &[Token],
    current: NaiveDate,
    today: NaiveDate,
) -> Result<NaiveDate, DateInputError> {
    use Token::{Month, Number};
    let year = |n: u32, digits: usize| full_year(n, digits, today);
    match tokens {
        // 20250512
        [Number(n, 8)] => make(
            i32::try_from(n / 10_000).unwrap_or(0),
            n / 100 % 100,
            n % 100,
        ),
        // 2025-05-12, 2025/5/12
        [Number(y, 4), Number(m, _), Number(d, _)] => make(year(*y, 4), *m, *d),
        // 12.05.2025, 12/05/25; 05/13/2025 only month first.
        [Number(a, _), Number(b, _), Number(y, digits @ (2 | 4))] => {
            let y = year(*y, *digits);
            if *b > 12 && (1..=12).contains(a) {
                make(y, *a, *b)
            } else {
                make(y, *b, *a)
            }
        }
        // 12.05. — the year of the date the field held.
        [Number(d, 1 | 2), Number(m, 1 | 2)] => make(current.year(), *m, *d),
        // 12 May 2025, May 12 2025, 2025 May 12
        [Number(d, 1 | 2), Month(m), Number(y, digits @ (2 | 4))]
        | [Month(m), Number(d, 1 | 2), Number(y, digits @ (2 | 4))] => {
            make(year(*y, *digits), *m, *d)
        }
        [Number(y, 4), Month(m), Number(d, 1 | 2)] => make(year(*y, 4), *m, *d),
        // 12 May, May 12
        [Number(d, 1 | 2), Month(m)] | [Month(m), Number(d, 1 | 2)] => make(current.year(), *m, *d),
        _ => Err(DateInputError::Unreadable),
    }
}

/// The date `year-month-day`, or why there is none.
fn make(year: i32, month: u32, day: u32) -> Result<NaiveDate, DateInputError> {
    if !DATE_YEARS.contains(&year) {
        return Err(DateInputError::YearOutOfRange(year));
    }
    if !(1..=12).contains(&month) {
        return Err(DateInputError::NoSuchMonth(month));
    }
    NaiveDate::from_ymd_opt(year, month, day).ok_or(DateInputError::NoSuchDay { year, month, day })
}

/// The number of days of `month` (1–12) of `year`: for the message about a day the month
/// does not have.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    let first = NaiveDate::from_ymd_opt(year, month, 1);
    let next = first.and_then(|f| f.checked_add_months(chrono::Months::new(1)));
    match (first, next) {
        (Some(first), Some(next)) => u32::try_from((next - first).num_days()).unwrap_or(31),
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    /// Parsed with the field holding 1 March 2026 on 15 December 2026.
    fn p(text: &str) -> Result<NaiveDate, DateInputError> {
        parse_date(text, d(2026, 3, 1), d(2026, 12, 15))
    }

    #[test]
    fn the_forms_of_the_issue() {
        let may12 = Ok(d(2025, 5, 12));
        for text in [
            "2025-05-12",
            "12 May 2025",
            "2025年5月12日",
            "12.05.2025",
            "12/05/2025",
        ] {
            assert_eq!(p(text), may12, "{text}");
        }
    }

    #[test]
    fn iso_and_year_first_forms() {
        let may12 = Ok(d(2025, 5, 12));
        for text in [
            "2025-5-12",
            "2025/05/12",
            "2025/5/12",
            "2025.05.12",
            " 2025-05-12 ",
            "20250512",
            "2025 May 12",
        ] {
            assert_eq!(p(text), may12, "{text}");
        }
    }

    #[test]
    fn day_first_numbers_as_europe_writes_them() {
        let may12 = Ok(d(2025, 5, 12));
        for text in [
            "12.5.2025",
            "12. 5. 2025",
            "12-05-2025",
            "12/5/25",
            "12.05.25",
        ] {
            assert_eq!(p(text), may12, "{text}");
        }
        // Both readable: day first, always (5 December, not 12 May).
        assert_eq!(p("05/12/2025"), Ok(d(2025, 12, 5)));
        assert_eq!(p("01.02.2025"), Ok(d(2025, 2, 1)));
        // Only readable month first: read that way.
        assert_eq!(p("05/13/2025"), Ok(d(2025, 5, 13)));
        assert_eq!(p("12/31/2025"), Ok(d(2025, 12, 31)));
    }

    #[test]
    fn month_names_in_english_french_and_german() {
        let may12 = Ok(d(2025, 5, 12));
        for text in [
            "12 may 2025",
            "12 MAY 2025",
            "May 12, 2025",
            "May 12 2025",
            "12th May 2025",
            "12th of May, 2025",
            "Monday, 12 May 2025",
            "Mon 12 May 2025",
            "12-May-2025",
            "12 mai 2025",
            "lundi 12 mai 2025",
            "12. Mai 2025",
            "Montag, 12. Mai 2025",
            "Montag, den 12. Mai 2025",
        ] {
            assert_eq!(p(text), may12, "{text}");
        }
        assert_eq!(p("1er décembre 2025"), Ok(d(2025, 12, 1)));
        assert_eq!(p("3 Sept 2025"), Ok(d(2025, 9, 3)));
        assert_eq!(p("3 sep. 2025"), Ok(d(2025, 9, 3)));
        assert_eq!(p("5. Okt. 2025"), Ok(d(2025, 10, 5)));
        assert_eq!(p("24 déc 2025"), Ok(d(2025, 12, 24)));
        assert_eq!(p("7. März 2025"), Ok(d(2025, 3, 7)));
        assert_eq!(p("14 juillet 2025"), Ok(d(2025, 7, 14)));
        // `ju` could be June or July: not a month.
        assert_eq!(p("3 ju 2025"), Err(DateInputError::Unreadable));
    }

    #[test]
    fn chinese_forms() {
        let may12 = Ok(d(2025, 5, 12));
        for text in [
            "2025年5月12日",
            "2025年05月12日",
            "2025 年 5 月 12 日",
            "2025年5月12号",
            "２０２５年５月１２日",
            "2025年5月12日（星期一）",
            "2025年5月12日 周一",
            "二〇二五年五月十二日",
            "２０２５／５／１２",
        ] {
            assert_eq!(p(text), may12, "{text}");
        }
        assert_eq!(p("二〇二五年十二月三十一日"), Ok(d(2025, 12, 31)));
        assert_eq!(p("2025年10月1日"), Ok(d(2025, 10, 1)));
        // No year: the year of the date the field held.
        assert_eq!(p("5月12日"), Ok(d(2026, 5, 12)));
        assert_eq!(p("2025年13月1日"), Err(DateInputError::NoSuchMonth(13)));
        assert_eq!(p("2025年月1日"), Err(DateInputError::Unreadable));
    }

    #[test]
    fn without_a_year_the_field_s_year() {
        assert_eq!(p("12 May"), Ok(d(2026, 5, 12)));
        assert_eq!(p("May 12"), Ok(d(2026, 5, 12)));
        assert_eq!(p("12.05."), Ok(d(2026, 5, 12)));
        assert_eq!(p("12/05"), Ok(d(2026, 5, 12)));
    }

    #[test]
    fn two_digit_years_fall_around_today() {
        assert_eq!(p("12.05.25"), Ok(d(2025, 5, 12)));
        assert_eq!(p("12.05.46"), Ok(d(2046, 5, 12)));
        // More than 20 years ahead: the last century (a date of birth).
        assert_eq!(p("12.05.65"), Ok(d(1965, 5, 12)));
    }

    #[test]
    fn relative_words() {
        assert_eq!(p("today"), Ok(d(2026, 12, 15)));
        assert_eq!(p("Today"), Ok(d(2026, 12, 15)));
        assert_eq!(p("今天"), Ok(d(2026, 12, 15)));
        assert_eq!(p("tomorrow"), Ok(d(2026, 12, 16)));
        assert_eq!(p("明天"), Ok(d(2026, 12, 16)));
        assert_eq!(p("demain"), Ok(d(2026, 12, 16)));
    }

    #[test]
    fn invalid_input_says_why() {
        assert_eq!(p(""), Err(DateInputError::Empty));
        assert_eq!(p("   "), Err(DateInputError::Empty));
        assert_eq!(p("next week"), Err(DateInputError::Unreadable));
        assert_eq!(p("12"), Err(DateInputError::Unreadable));
        assert_eq!(p("2025-05"), Err(DateInputError::Unreadable));
        assert_eq!(p("12:00"), Err(DateInputError::Unreadable));
        assert_eq!(
            p("31.02.2025"),
            Err(DateInputError::NoSuchDay {
                year: 2025,
                month: 2,
                day: 31
            })
        );
        assert_eq!(
            p("29 February 2025"),
            Err(DateInputError::NoSuchDay {
                year: 2025,
                month: 2,
                day: 29
            })
        );
        assert_eq!(p("29 February 2024"), Ok(d(2024, 2, 29)));
        assert_eq!(p("2025-13-01"), Err(DateInputError::NoSuchMonth(13)));
        assert_eq!(p("13/13/2025"), Err(DateInputError::NoSuchMonth(13)));
        assert_eq!(p("5/0/2025"), Err(DateInputError::NoSuchMonth(0)));
        assert_eq!(
            p("0/5/2025"),
            Err(DateInputError::NoSuchDay {
                year: 2025,
                month: 5,
                day: 0
            })
        );
        assert_eq!(p("12 May 1850"), Err(DateInputError::YearOutOfRange(1850)));
        assert_eq!(p("99999999999999999999"), Err(DateInputError::Unreadable));
        assert_eq!(days_in_month(2025, 2), 28);
        assert_eq!(days_in_month(2024, 2), 29);
        assert_eq!(days_in_month(2025, 12), 31);
    }

    #[test]
    fn no_input_panics() {
        // Odd characters, long numbers and lone marks are refused, never a panic.
        for text in [
            "十十十年",
            "月",
            "年月日",
            "〇〇〇〇〇〇〇〇〇〇〇〇〇〇〇〇〇〇年1月1日",
            "1月",
            "..//--",
            "٣ May 2025",
            "12 May 2025 2026",
            "\u{0}",
            "ß",
        ] {
            let _ = p(text);
        }
    }
}
