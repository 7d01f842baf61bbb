//! Day lines of a pasted programme: `Day 2 — Tuesday, 5 November 2019`,
//! `11月5日（星期二）`, `第二天`, `mardi 5 novembre`, `Tue 5/11`, `2019-11-05`.

use chrono::{NaiveDate, Weekday};

/// A date as written on a day line; the year may be left out. It may be no date of the
/// calendar (`31 February 2024`, `2024-13-05`, `1 January 99999`): where the form leaves
/// no doubt that a date was meant, it is kept as written, so that the preview can say
/// so, rather than the line turning into an item or the date being dropped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WrittenDate {
    /// The year, when written.
    pub year: Option<i32>,
    /// The month as written (1–12 in a date of the calendar).
    pub month: u32,
    /// The day of the month as written (1–31 in a date of the calendar).
    pub day: u32,
}

impl WrittenDate {
    /// The date in `year` when none is written, else in its own year; `None` for a day
    /// the calendar does not have (`30 February`).
    pub fn in_year(self, year: i32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year.unwrap_or(year), self.month, self.day)
    }
}

/// A line that starts a new day of the programme.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DayLine {
    /// The day's number, when written (`Day 2`, `第二天`).
    pub number: Option<u32>,
    /// The date, when written.
    pub date: Option<WrittenDate>,
    /// The weekday, when written.
    pub weekday: Option<Weekday>,
    /// What follows (`Technical workshops`), possibly in two languages.
    pub title: String,
    /// The date as written on the line (`31 February 2024`), for messages.
    pub date_text: String,
}

/// Separators between the parts of a day line.
fn skip_separators(s: &str) -> &str {
    s.trim_start_matches(|c: char| c.is_whitespace() || ",:;—–-|·()（）【】[]，：；、".contains(c))
}

/// A day line, or `None` when the line is not one (an item, a note).
pub fn parse_day_line(line: &str) -> Option<DayLine> {
    let mut rest = line.trim();
    let mut day = DayLine::default();
    let mut found_date_part = false;
    if let Some((n, after)) = take_day_number(rest) {
        day.number = Some(n);
        rest = skip_separators(after);
    }
    // A weekday and a date, in either order, each at most once.
    for _ in 0..2 {
        if day.weekday.is_none()
            && let Some((w, after)) = take_weekday(rest)
        {
            day.weekday = Some(w);
            rest = skip_separators(after);
            continue;
        }
        if day.date.is_none()
            && let Some((d, after)) = take_date(rest)
        {
            day.date = Some(d);
            day.date_text = rest
                .get(..rest.len() - after.len())
                .unwrap_or_default()
                .trim()
                .to_owned();
            found_date_part = true;
            rest = after;
            // `5月12日（月）`: a Japanese weekday in brackets.
            if day.weekday.is_none()
                && let Some((w, after)) = super::day_names::take_japanese_short_weekday(rest)
            {
                day.weekday = Some(w);
                rest = after;
            }
            rest = skip_separators(rest);
        }
    }
    let weekday_alone = day.weekday.is_some() && day.date.is_none();
    let is_day = day.number.is_some()
        || found_date_part
        // `Tuesday` or `星期二` alone on its line, or before a separated title.
        || (weekday_alone && separated_weekday(line));
    if !is_day {
        return None;
    }
    day.title = rest.trim().trim_end_matches(['）', ')']).trim().to_owned();
    Some(day)
}

/// True when the weekday at the start of `line` stands alone: nothing after it, or a
/// separator (not `Monday morning session`, which is an item).
fn separated_weekday(line: &str) -> bool {
    let Some((_, after)) = take_weekday(line.trim()) else {
        return false;
    };
    after.trim().is_empty()
        || after
            .trim_start()
            .starts_with([':', '：', '—', '–', '-', '|', ','])
}

fn word_number(word: &str) -> Option<u32> {
    const WORDS: [&str; 10] = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ];
    WORDS
        .iter()
        .position(|w| *w == word)
        .and_then(|i| u32::try_from(i + 1).ok())
}

/// A number in Chinese numerals up to 99 (`二`, `十一`, `二十`), or in digits.
fn chinese_number(s: &str) -> Option<(u32, &str)> {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 {
        let n = s.get(..digits)?.parse().ok()?;
        return Some((n, s.get(digits..)?));
    }
    let value = |c: char| "零一二三四五六七八九".chars().position(|d| d == c);
    let mut chars = s.char_indices().peekable();
    let mut total = 0u32;
    let mut current = None;
    let mut end = 0;
    while let Some(&(i, c)) = chars.peek() {
        if let Some(v) = value(c).or((c == '两').then_some(2)) {
            current = u32::try_from(v).ok();
        } else if c == '十' {
            total += current.unwrap_or(1) * 10;
            current = None;
        } else {
            break;
        }
        end = i + c.len_utf8();
        chars.next();
    }
    if end == 0 {
        return None;
    }
    Some((total + current.unwrap_or(0), s.get(end..)?))
}

/// `Day 2`, `Day two`, `Jour 2`, `Tag 2`, `第二天`, `第2日`, `D2`.
fn take_day_number(s: &str) -> Option<(u32, &str)> {
    if let Some(after) = s.strip_prefix('第') {
        let (n, rest) = chinese_number(after)?;
        let rest = rest
            .strip_prefix('天')
            .or_else(|| rest.strip_prefix('日'))?;
        return (n > 0).then_some((n, rest));
    }
    let lower: String = s.chars().take(5).collect::<String>().to_lowercase();
    let word_len = ["day", "jour", "tag"]
        .iter()
        .find(|w| lower.starts_with(**w))
        .map(|w| w.len())?;
    let after = s.get(word_len..)?;
    if !after.starts_with([' ', '\t']) {
        return None;
    }
    let after = after.trim_start();
    let digits = after.bytes().take_while(u8::is_ascii_digit).count();
    let (n, rest) = if (1..=3).contains(&digits) {
        (after.get(..digits)?.parse().ok()?, after.get(digits..)?)
    } else {
        let word: String = after
            .chars()
            .take_while(char::is_ascii_alphabetic)
            .collect::<String>()
            .to_lowercase();
        (word_number(&word)?, after.get(word.len()..)?)
    };
    if rest.starts_with(|c: char| c.is_alphanumeric()) || n == 0 {
        return None;
    }
    Some((n, rest))
}

/// Weekday names in English, French and German (full and short) and Chinese.
fn take_weekday(s: &str) -> Option<(Weekday, &str)> {
    use Weekday::{Fri, Mon, Sat, Sun, Thu, Tue, Wed};
    for prefix in ["星期", "周", "礼拜"] {
        if let Some(after) = s.strip_prefix(prefix) {
            let mut chars = after.chars();
            let w = match chars.next()? {
                '一' => Mon,
                '二' => Tue,
                '三' => Wed,
                '四' => Thu,
                '五' => Fri,
                '六' => Sat,
                '日' | '天' => Sun,
                _ => return None,
            };
            return Some((w, chars.as_str()));
        }
    }
    const NAMES: [(&str, Weekday); 32] = [
        ("monday", Mon),
        ("tuesday", Tue),
        ("wednesday", Wed),
        ("thursday", Thu),
        ("friday", Fri),
        ("saturday", Sat),
        ("sunday", Sun),
        ("lundi", Mon),
        ("mardi", Tue),
        ("mercredi", Wed),
        ("jeudi", Thu),
        ("vendredi", Fri),
        ("samedi", Sat),
        ("dimanche", Sun),
        ("montag", Mon),
        ("dienstag", Tue),
        ("mittwoch", Wed),
        ("donnerstag", Thu),
        ("freitag", Fri),
        ("samstag", Sat),
        ("sonntag", Sun),
        ("thurs", Thu),
        ("tues", Tue),
        ("thur", Thu),
        ("mon", Mon),
        ("tue", Tue),
        ("wed", Wed),
        ("thu", Thu),
        ("fri", Fri),
        ("sat", Sat),
        ("sun", Sun),
        ("lun", Mon),
    ];
    let word: String = s
        .chars()
        .take_while(|c| c.is_alphabetic() && !is_cjk(*c))
        .collect();
    for (name, w) in super::day_names::WEEKDAYS {
        if name.starts_with(is_cjk)
            && let Some(rest) = s.strip_prefix(name)
        {
            return Some((w, rest));
        }
    }
    let lower = word.to_lowercase();
    let w = NAMES
        .iter()
        .find(|(name, _)| *name == lower)
        .map(|(_, w)| *w)
        .or_else(|| super::day_names::weekday_named(&lower))?;
    let rest = s.get(word.len()..)?;
    let rest = rest.strip_prefix('.').unwrap_or(rest);
    Some((w, rest))
}

fn is_cjk(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c) || ('\u{3400}'..='\u{4DBF}').contains(&c)
}

/// Month names in English, French and German, full and short.
fn month_named(word: &str) -> Option<u32> {
    const MONTHS: [&[&str]; 12] = [
        &["january", "jan", "janvier", "januar", "jänner"],
        &["february", "feb", "février", "fevrier", "févr", "februar"],
        &["march", "mar", "mars", "märz", "maerz"],
        &["april", "apr", "avril", "avr"],
        &["may", "mai"],
        &["june", "jun", "juin", "juni"],
        &["july", "jul", "juillet", "juil", "juli"],
        &["august", "aug", "août", "aout"],
        &["september", "sep", "sept", "septembre"],
        &["october", "oct", "octobre", "oktober", "okt"],
        &["november", "nov", "novembre"],
        &[
            "december",
            "dec",
            "décembre",
            "decembre",
            "dezember",
            "dez",
            "déc",
        ],
    ];
    let lower = word.to_lowercase();
    let lower = lower.trim_end_matches('.');
    MONTHS
        .iter()
        .position(|names| names.contains(&lower))
        .and_then(|i| u32::try_from(i + 1).ok())
        .or_else(|| super::day_names::month_named(lower))
}

/// `de ` and `del ` (Spanish), `di ` (Italian) between a day and its month or year.
fn skip_of(s: &str) -> &str {
    let t = s.trim_start();
    ["de ", "del ", "di "]
        .iter()
        .find_map(|w| t.strip_prefix(w))
        .map_or(s, str::trim_start)
}

fn take_digits(s: &str, max: usize) -> Option<(u32, &str)> {
    let n = s.bytes().take_while(u8::is_ascii_digit).count();
    if n == 0 || n > max {
        return None;
    }
    Some((s.get(..n)?.parse().ok()?, s.get(n..)?))
}

fn valid(month: u32, day: u32) -> bool {
    (1..=12).contains(&month) && (1..=31).contains(&day)
}

/// The most digits read as a year (`1 January 99999` is a year typed wrong, said as such,
/// not a title `99999` under a date in the meeting's year).
const MAX_YEAR_DIGITS: usize = 9;

/// A year after a date (`, 2019`, ` 2019`): four digits or more standing alone.
fn take_year(s: &str) -> (Option<i32>, &str) {
    let t = s.trim_start_matches([',', ' ', '.']);
    match take_digits(t, MAX_YEAR_DIGITS) {
        Some((y, rest))
            if t.bytes().take_while(u8::is_ascii_digit).count() >= 4
                && !rest.starts_with(|c: char| c.is_ascii_digit() || c == ':') =>
        {
            let rest = rest.strip_prefix('年').unwrap_or(rest);
            // `2025 г.`, `2025 года` (Russian).
            let rest = [" г.", " года", " г"]
                .iter()
                .find_map(|w| rest.strip_prefix(w))
                .unwrap_or(rest);
            (i32::try_from(y).ok(), rest)
        }
        _ => (None, s),
    }
}

/// A date: `2019-11-05`, `2019年11月5日`, `11月5日`, `5 November 2019`, `5th Nov`,
/// `November 5, 2019`, `5/11`, `5/11/2019`, `5.11.`, `5.11.2019`.
fn take_date(s: &str) -> Option<(WrittenDate, &str)> {
    // 2019-11-05, 2019年11月5日
    if let Some((y, rest)) = take_digits(s, 4).filter(|_| s.len() >= 4)
        && s.bytes().take_while(u8::is_ascii_digit).count() == 4
    {
        let year = i32::try_from(y).ok();
        if let Some(after) = rest.strip_prefix('-').or_else(|| rest.strip_prefix('/'))
            && let Some((month, after)) = take_digits(after, 2)
            && let Some(after) = after.strip_prefix('-').or_else(|| after.strip_prefix('/'))
            && let Some((day, after)) = take_digits(after, 2)
        {
            // `2024-02-31`, `2024-13-01`: no doubt a date was meant; the plan says it
            // is none.
            return Some((WrittenDate { year, month, day }, after));
        }
        if let Some(after) = rest.strip_prefix('年')
            && let Some((date, after)) = take_chinese_month_day(after.trim_start())
        {
            return Some((WrittenDate { year, ..date }, after));
        }
        return None;
    }
    if let Some(found) = take_chinese_month_day(s) {
        return Some(found);
    }
    // 5 November 2019, 5th Nov, 5. November
    if let Some((day, rest)) = take_digits(s, 2) {
        // 5/11, 5/11/2019, 5.11., 5.11.2019
        for sep in ['/', '.'] {
            if let Some(after) = rest.strip_prefix(sep)
                && let Some((month, after)) = take_digits(after, 2)
                && valid(month, day)
            {
                let (year, after) = match after.strip_prefix(sep) {
                    Some(y) => {
                        let (year, rest) = take_year(y);
                        (year, if year.is_some() { rest } else { y })
                    }
                    None if sep == '.' => return None,
                    None => (None, after),
                };
                if after.starts_with(|c: char| c.is_ascii_digit()) {
                    return None;
                }
                return Some((WrittenDate { year, month, day }, after));
            }
        }
        // 5th, 1er, `5. November`
        let rest = ["st", "nd", "rd", "th", "er", ". "]
            .iter()
            .find_map(|suffix| rest.strip_prefix(suffix))
            .unwrap_or(rest);
        let rest = skip_of(rest);
        let word: String = rest
            .trim_start()
            .chars()
            .take_while(|c| c.is_alphabetic() || *c == '.')
            .collect();
        // `31 February`, `0 March`: a date was meant, whatever the day; the plan says
        // whether the calendar has it.
        let month = month_named(&word)?;
        let after = rest.trim_start().get(word.len()..)?;
        let (year, after) = take_year(skip_of(after));
        return Some((WrittenDate { year, month, day }, after));
    }
    // November 5, 2019
    let word: String = s.chars().take_while(|c| c.is_alphabetic()).collect();
    let month = month_named(&word)?;
    let after = s.get(word.len()..)?.trim_start_matches(['.', ' ']);
    let (day, after) = take_digits(after, 2)?;
    if after.starts_with(':') {
        return None;
    }
    let after = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|suffix| after.strip_prefix(suffix))
        .unwrap_or(after);
    let (year, after) = take_year(after);
    Some((WrittenDate { year, month, day }, after))
}

/// `11月5日`, `11月5号`.
fn take_chinese_month_day(s: &str) -> Option<(WrittenDate, &str)> {
    let (month, after) = take_digits(s, 2)?;
    let after = after.strip_prefix('月')?;
    let (day, after) = take_digits(after.trim_start(), 2)?;
    let after = after
        .strip_prefix('日')
        .or_else(|| after.strip_prefix('号'))?;
    // `2月30日`, `13月1日`: a date was meant; the plan says whether it is one.
    Some((
        WrittenDate {
            year: None,
            month,
            day,
        },
        after,
    ))
}
