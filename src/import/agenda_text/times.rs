//! Times and durations as people write them at the start of an agenda line: `14:00`,
//! `9.30`, `9h30`, `2:30 pm`, `上午9:00`, `下午2点半`, `14时30分`, `９：００` (full-width
//! forms are made plain before parsing), ranges between two times, and durations (`10 min`,
//! `1h30`, `1小时30分`).

use chrono::NaiveTime;

/// Full-width digits, colon, hyphen, tilde, ideographic space and the dashes of the range
/// `15：15－16：00` become their plain forms; everything else is kept as typed.
pub(super) fn normalize(line: &str) -> std::borrow::Cow<'_, str> {
    let needs = line.chars().any(|c| {
        matches!(
            c,
            '\u{FF10}'..='\u{FF19}' | '：' | '－' | '～' | '\u{3000}' | '．'
        )
    });
    if !needs {
        return std::borrow::Cow::Borrowed(line);
    }
    line.chars()
        .map(|c| match c {
            '\u{FF10}'..='\u{FF19}' => {
                char::from_u32(u32::from(c) - 0xFF10 + u32::from('0')).unwrap_or(c)
            }
            '：' => ':',
            '－' => '-',
            '～' => '~',
            '．' => '.',
            '\u{3000}' => ' ',
            c => c,
        })
        .collect::<String>()
        .into()
}

/// What was found where a time stands at the start of a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum TimeAt<'a> {
    /// A time, and the text after it.
    Time(NaiveTime, &'a str),
    /// Something written as a time that is no time of day (`25:00`, `9:75`, `下午13点`);
    /// the text it covers and the text after it.
    Unreadable(&'a str, &'a str),
    /// No time here.
    None,
}

/// The half of the day a Chinese prefix names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Period {
    /// 上午, 早上, 凌晨: hours as written (12 is midnight only after 凌晨).
    Morning,
    /// 中午: 12 is noon, 1 and 2 are afternoon.
    Noon,
    /// 下午, 晚上: hours before 12 are afternoon or evening.
    Afternoon,
}

const PERIODS: [(&str, Period); 10] = [
    ("上午", Period::Morning),
    ("早上", Period::Morning),
    ("早晨", Period::Morning),
    ("凌晨", Period::Morning),
    ("中午", Period::Noon),
    ("下午", Period::Afternoon),
    ("午后", Period::Afternoon),
    ("傍晚", Period::Afternoon),
    ("晚上", Period::Afternoon),
    ("晚间", Period::Afternoon),
];

/// A Chinese period prefix (`上午`, `下午`…) at the start, and the text after it.
pub(super) fn take_period(s: &str) -> Option<(Period, &str)> {
    PERIODS
        .iter()
        .find_map(|(word, p)| s.strip_prefix(word).map(|rest| (*p, rest.trim_start())))
}

pub(super) fn apply_period(hour: u32, period: Option<Period>) -> Option<u32> {
    match period {
        None => Some(hour),
        Some(_) if hour > 12 => None,
        Some(Period::Morning) => Some(hour),
        Some(Period::Noon) => Some(if hour <= 2 { hour + 12 } else { hour }),
        Some(Period::Afternoon) => Some(if hour < 12 { hour + 12 } else { hour }),
    }
}

/// Hours written in Chinese numerals (`九`, `十`, `十二`, `两`).
fn chinese_hour(s: &str) -> Option<(u32, &str)> {
    let digit = |c: char| match c {
        '一' => Some(1),
        '二' | '两' => Some(2),
        '三' => Some(3),
        '四' => Some(4),
        '五' => Some(5),
        '六' => Some(6),
        '七' => Some(7),
        '八' => Some(8),
        '九' => Some(9),
        _ => None,
    };
    let mut chars = s.chars();
    let first = chars.next()?;
    if first == '十' {
        let rest = chars.as_str();
        let mut more = rest.chars();
        return match more.next().and_then(digit) {
            Some(d) if d <= 2 => Some((10 + d, more.as_str())),
            _ => Some((10, rest)),
        };
    }
    let d = digit(first)?;
    Some((d, chars.as_str()))
}

/// A time at the start of `s`, in any of the forms this module reads.
pub(super) fn take_time(s: &str) -> TimeAt<'_> {
    if let Some((time, rest)) = super::clock_words::take_noon(s) {
        return TimeAt::Time(time, rest);
    }
    let (period, body) = match take_period(s) {
        Some((p, rest)) => (Some(p), rest),
        None => (None, s),
    };
    match take_clock(body, period) {
        TimeAt::None if period.is_some() => {
            // `下午` with nothing readable after it: say so rather than lose it.
            let end = s.len() - body.len();
            TimeAt::Unreadable(s.get(..end).unwrap_or(s), body)
        }
        TimeAt::Unreadable(_, rest) => {
            let end = s.len() - rest.len();
            TimeAt::Unreadable(s.get(..end).unwrap_or(s).trim_end(), rest)
        }
        other => other,
    }
}

/// `14:00`, `9.30`, `9h30`, `14h`, `2:30 pm`, `2点`, `2点半`, `14时30分`, after an optional
/// period prefix already taken.
fn take_clock(s: &str, period: Option<Period>) -> TimeAt<'_> {
    let h_len = s.bytes().take_while(u8::is_ascii_digit).count();
    let (hour, after_hour) = if (1..=2).contains(&h_len) {
        let Some(hour) = s.get(..h_len).and_then(|h| h.parse::<u32>().ok()) else {
            return TimeAt::None;
        };
        (hour, s.get(h_len..).unwrap_or_default())
    } else if h_len == 0 && period.is_some() {
        match chinese_hour(s) {
            Some(found) => found,
            None => return TimeAt::None,
        }
    } else {
        return TimeAt::None;
    };
    // `3 pm`, `10am`: an hour alone with its half of the day.
    if period.is_none()
        && let Some((pm, rest)) = super::clock_words::take_meridiem_hour(after_hour)
    {
        let hour = match (pm, hour) {
            (_, 0) | (_, 13..) => None,
            (false, 12) => Some(0),
            (true, h) if h < 12 => Some(h + 12),
            (_, h) => Some(h),
        };
        return match hour.and_then(|h| NaiveTime::from_hms_opt(h, 0, 0)) {
            Some(t) => TimeAt::Time(t, rest),
            None => TimeAt::Unreadable("", rest),
        };
    }
    // `9 Uhr`: an hour alone.
    if let Some(rest) = super::clock_words::take_uhr(after_hour) {
        return match apply_period(hour, period).and_then(|h| NaiveTime::from_hms_opt(h, 0, 0)) {
            Some(t) => TimeAt::Time(t, rest),
            None => TimeAt::Unreadable("", rest),
        };
    }
    // `9 h 30`, `14 h`: the French hour with spaces.
    let (sep, after_sep) = match super::clock_words::spaced_h(after_hour) {
        Some(after) => ('h', after),
        None => {
            let Some(sep) = after_hour.chars().next() else {
                return TimeAt::None;
            };
            (sep, after_hour.get(sep.len_utf8()..).unwrap_or_default())
        }
    };
    let m_len = after_sep.bytes().take_while(u8::is_ascii_digit).count();
    let (minute, mut rest) = match sep {
        ':' | '.' if m_len == 2 => (
            after_sep.get(..2).and_then(|m| m.parse::<u32>().ok()),
            after_sep.get(2..).unwrap_or_default(),
        ),
        // `9:3`, `14:305`: written as a time, but no time.
        ':' if m_len > 0 => {
            let rest = after_sep.get(m_len..).unwrap_or_default();
            return TimeAt::Unreadable("", rest);
        }
        'h' | 'H' if hour < 7 && period.is_none() => return TimeAt::None,
        'h' | 'H' if m_len == 2 => (
            after_sep.get(..2).and_then(|m| m.parse::<u32>().ok()),
            after_sep.get(2..).unwrap_or_default(),
        ),
        'h' | 'H' if m_len == 0 => (Some(0), after_sep),
        '点' | '时' => {
            // `2点`, `2点半`, `2点一刻`, `9点30`, `14时30分`.
            if let Some(rest) = after_sep.strip_prefix('半') {
                (Some(30), rest)
            } else if let Some(rest) = after_sep.strip_prefix("一刻") {
                (Some(15), rest)
            } else if let Some(rest) = after_sep.strip_prefix("三刻") {
                (Some(45), rest)
            } else if (1..=2).contains(&m_len) {
                let minute = after_sep.get(..m_len).and_then(|m| m.parse::<u32>().ok());
                let rest = after_sep.get(m_len..).unwrap_or_default();
                (minute, rest.strip_prefix('分').unwrap_or(rest))
            } else if m_len == 0 {
                (Some(0), after_sep.strip_prefix('整').unwrap_or(after_sep))
            } else {
                return TimeAt::None;
            }
        }
        _ => return TimeAt::None,
    };
    // `9.30 Uhr`, `09:15 Uhr`.
    if let Some(after) = super::clock_words::take_uhr(rest) {
        rest = after;
    }
    // `2:30 pm`, `12:15 p.m.`, `9.30am`.
    let mut hour = Some(hour);
    let trimmed = rest.trim_start();
    // Four characters, not bytes: `am–8:15` has a dash of three bytes after `am`.
    let lower = Some(
        trimmed
            .chars()
            .take(4)
            .collect::<String>()
            .to_ascii_lowercase(),
    );
    if let Some(lower) = lower {
        for (suffix, pm) in [("p.m.", true), ("pm", true), ("a.m.", false), ("am", false)] {
            let glued = trimmed
                .get(suffix.len()..)
                .is_some_and(|after| after.starts_with(|c: char| c.is_ascii_alphanumeric()));
            if lower.starts_with(suffix) && !glued && period.is_none() {
                hour = match (pm, hour) {
                    (_, Some(h)) if h > 12 => None,
                    (false, Some(12)) => Some(0),
                    (true, Some(h)) if h < 12 => Some(h + 12),
                    (_, h) => h,
                };
                rest = trimmed.get(suffix.len()..).unwrap_or_default();
                break;
            }
        }
    }
    // A time is followed by a separator, never glued to a Latin word or number, nor
    // followed by more numbers (`5.11.2019` is a date).
    let more_digits = rest
        .strip_prefix(['.', '/'])
        .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()));
    if rest.starts_with(|c: char| c.is_ascii_alphanumeric()) || more_digits {
        return TimeAt::None;
    }
    let time = hour
        .and_then(|h| apply_period(h, period))
        .zip(minute)
        .and_then(|(h, m)| NaiveTime::from_hms_opt(h, m, 0));
    match time {
        Some(t) => TimeAt::Time(t, rest),
        None => TimeAt::Unreadable("", rest),
    }
}

/// `–`, `-`, `—`, `to`, `~`, `至`, `到` between two times.
pub(super) fn take_range_dash(s: &str) -> Option<&str> {
    let t = s.trim_start();
    for dash in [
        "–", "—", "-", "−", "~", "至", "到", "to ", "bis ", "à ", "a ", "until ", "till ", "au ",
    ] {
        if let Some(after) = t.strip_prefix(dash) {
            return Some(after.trim_start());
        }
    }
    None
}

/// The end of a range whose start was written with a Chinese period (`下午2点-4点`): the
/// same period holds for the end unless it names its own.
pub(super) fn take_range_end(s: &str, start_period: Option<Period>) -> TimeAt<'_> {
    match (take_period(s), start_period) {
        (None, Some(period)) => match take_clock(s, Some(period)) {
            TimeAt::Unreadable(_, rest) => {
                let end = s.len() - rest.len();
                TimeAt::Unreadable(s.get(..end).unwrap_or(s).trim_end(), rest)
            }
            other => other,
        },
        _ => take_time(s),
    }
}

/// A duration at the start: `10 min`, `10min`, `45'`, `1h30`, `1 h 30`, `1.5 h`, `2 hours`,
/// `90 minutes`, `10分钟`, `1小时`, `1小时30分`, `半小时`.
pub(super) fn take_duration(s: &str) -> Option<(u32, &str)> {
    let t = s.trim_start();
    if let Some(rest) = t.strip_prefix("半小时") {
        return Some((30, rest));
    }
    let num_len = t
        .char_indices()
        .take_while(|(_, c)| c.is_ascii_digit() || *c == '.' || *c == ',')
        .map(|(i, c)| i + c.len_utf8())
        .last()?;
    let number: f64 = t.get(..num_len)?.replace(',', ".").parse().ok()?;
    let after = t.get(num_len..)?;
    let unit_rest = after.trim_start();
    let lower = unit_rest
        .get(..unit_rest.len().min(16))
        .or(Some(unit_rest))
        .map(str::to_lowercase)
        .unwrap_or_default();
    let units: [(&str, f64); 26] = [
        ("minuten", 1.0),
        ("minutes", 1.0),
        ("min.", 1.0),
        ("mins.", 1.0),
        ("mn.", 1.0),
        ("stunden", 60.0),
        ("stunde", 60.0),
        ("std.", 60.0),
        ("std", 60.0),
        ("heures", 60.0),
        ("heure", 60.0),
        ("hrs.", 60.0),
        ("minute", 1.0),
        ("mins", 1.0),
        ("min", 1.0),
        ("mn", 1.0),
        ("分钟", 1.0),
        ("分", 1.0),
        ("'", 1.0),
        ("’", 1.0),
        ("hours", 60.0),
        ("hour", 60.0),
        ("hrs", 60.0),
        ("小时", 60.0),
        ("个小时", 60.0),
        ("h", 60.0),
    ];
    let (unit, factor) = units.iter().find(|(u, _)| lower.starts_with(u))?;
    let mut rest = unit_rest.get(unit.len()..)?;
    // A word that merely starts with a unit (`1 high-level`, `5 ministers`) is not one.
    if rest.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let mut minutes = number * factor;
    // `1h30`, `1 h 30`, `1小时30分`: minutes after hours.
    if *factor == 60.0 {
        let r = rest.trim_start();
        let m_len = r.chars().take_while(char::is_ascii_digit).count();
        if m_len > 0 && m_len <= 2 {
            let extra: f64 = r.get(..m_len)?.parse().ok()?;
            let mut after_m = r.get(m_len..)?;
            let lower_m = after_m.trim_start().to_lowercase();
            if let Some(u) = ["minutes", "mins", "min", "分钟", "分", "m"]
                .iter()
                .find(|u| lower_m.starts_with(**u))
            {
                after_m = after_m.trim_start().get(u.len()..)?;
            }
            if after_m.is_empty() || after_m.starts_with(|c: char| !c.is_ascii_alphanumeric()) {
                minutes += extra;
                rest = after_m;
            }
        }
    }
    let minutes = minutes.round();
    if !(1.0..=24.0 * 60.0).contains(&minutes) {
        return None;
    }
    // Rounded to a whole number of minutes in range above, so the cast is exact.
    #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let minutes = minutes as u32;
    Some((minutes, rest))
}

/// A duration at the end of a title: `Opening speech — 10 min`, `Lunch (1h)`.
pub(super) fn take_trailing_duration(text: &str) -> Option<(u32, String)> {
    let trimmed = text.trim_end().trim_end_matches([')', '）']);
    // Try each space or bracket as the start of the duration.
    for (i, c) in trimmed.char_indices().rev() {
        if c == ' ' || c == '(' || c == '（' {
            let candidate = trimmed.get(i + c.len_utf8()..)?;
            if let Some((minutes, rest)) = take_duration(candidate)
                && rest.trim().is_empty()
            {
                let before = trimmed
                    .get(..i)?
                    .trim_end()
                    .trim_end_matches(['—', '–', '-', ',', '(', '（']);
                return Some((minutes, before.trim_end().to_owned()));
            }
        }
    }
    None
}

/// Whether a line writes `am` or `pm` after a time (`2:30 pm`, `9.30a.m.`).
pub(super) fn has_meridiem(line: &str) -> bool {
    // Each `a`/`p` after a digit (and a space) is looked at: no copy of the line.
    let bytes = line.as_bytes();
    bytes.iter().enumerate().any(|(i, b)| {
        if !matches!(b, b'a' | b'p' | b'A' | b'P') {
            return false;
        }
        let before = line.get(..i).unwrap_or_default().trim_end();
        if !before.ends_with(|c: char| c.is_ascii_digit()) {
            return false;
        }
        let rest = line.get(i + 1..).unwrap_or_default();
        let after = rest.strip_prefix(['m', 'M']).or_else(|| {
            rest.strip_prefix(".m.")
                .or_else(|| rest.strip_prefix(".M."))
        });
        after.is_some_and(|a| !a.starts_with(|c: char| c.is_ascii_alphanumeric()))
    })
}
