//! Month and weekday names of the day lines written in languages the app does not speak
//! but programmes arrive in: Spanish, Italian, Russian (CLDR's wide and abbreviated
//! format names, genitive month forms as dates use them) and Japanese.

use chrono::Weekday;

/// Month names by month (index 0 is January), lower case, without the final dot.
pub(super) const MONTHS: [&[&str]; 12] = [
    &["enero", "ene", "gennaio", "gen", "января", "январь", "янв"],
    &[
        "febrero",
        "feb",
        "febbraio",
        "февраля",
        "февраль",
        "февр",
        "фев",
    ],
    &["marzo", "mar", "марта", "март", "мар"],
    &["abril", "abr", "aprile", "apr", "апреля", "апрель", "апр"],
    &["mayo", "may", "maggio", "mag", "мая", "май"],
    &["junio", "jun", "giugno", "giu", "июня", "июнь", "июн"],
    &["julio", "jul", "luglio", "lug", "июля", "июль", "июл"],
    &["agosto", "ago", "августа", "август", "авг"],
    &[
        "septiembre",
        "setiembre",
        "sept",
        "sep",
        "settembre",
        "set",
        "сентября",
        "сентябрь",
        "сент",
        "сен",
    ],
    &[
        "octubre",
        "oct",
        "ottobre",
        "ott",
        "октября",
        "октябрь",
        "окт",
    ],
    &[
        "noviembre",
        "nov",
        "novembre",
        "ноября",
        "ноябрь",
        "нояб",
        "ноя",
    ],
    &["diciembre", "dic", "dicembre", "декабря", "декабрь", "дек"],
];

/// Weekday names, lower case, without the final dot.
pub(super) const WEEKDAYS: [(&str, Weekday); 42] = [
    ("lunes", Weekday::Mon),
    ("martes", Weekday::Tue),
    ("miércoles", Weekday::Wed),
    ("miercoles", Weekday::Wed),
    ("jueves", Weekday::Thu),
    ("viernes", Weekday::Fri),
    ("sábado", Weekday::Sat),
    ("sabado", Weekday::Sat),
    ("domingo", Weekday::Sun),
    ("lunedì", Weekday::Mon),
    ("lunedi", Weekday::Mon),
    ("martedì", Weekday::Tue),
    ("martedi", Weekday::Tue),
    ("mercoledì", Weekday::Wed),
    ("mercoledi", Weekday::Wed),
    ("giovedì", Weekday::Thu),
    ("giovedi", Weekday::Thu),
    ("venerdì", Weekday::Fri),
    ("venerdi", Weekday::Fri),
    ("sabato", Weekday::Sat),
    ("domenica", Weekday::Sun),
    ("понедельник", Weekday::Mon),
    ("вторник", Weekday::Tue),
    ("среда", Weekday::Wed),
    ("четверг", Weekday::Thu),
    ("пятница", Weekday::Fri),
    ("суббота", Weekday::Sat),
    ("воскресенье", Weekday::Sun),
    ("пн", Weekday::Mon),
    ("вт", Weekday::Tue),
    ("ср", Weekday::Wed),
    ("чт", Weekday::Thu),
    ("пт", Weekday::Fri),
    ("сб", Weekday::Sat),
    ("вс", Weekday::Sun),
    ("月曜日", Weekday::Mon),
    ("火曜日", Weekday::Tue),
    ("水曜日", Weekday::Wed),
    ("木曜日", Weekday::Thu),
    ("金曜日", Weekday::Fri),
    ("土曜日", Weekday::Sat),
    ("日曜日", Weekday::Sun),
];

/// A Japanese weekday in brackets after a date (`5月12日（月）`), and the text after it.
pub(super) fn take_japanese_short_weekday(s: &str) -> Option<(Weekday, &str)> {
    let inner = s.strip_prefix('（').or_else(|| s.strip_prefix('('))?;
    let mut chars = inner.chars();
    let w = match chars.next()? {
        '月' => Weekday::Mon,
        '火' => Weekday::Tue,
        '水' => Weekday::Wed,
        '木' => Weekday::Thu,
        '金' => Weekday::Fri,
        '土' => Weekday::Sat,
        '日' => Weekday::Sun,
        _ => return None,
    };
    let rest = chars.as_str();
    let rest = rest
        .strip_prefix("曜日")
        .or_else(|| rest.strip_prefix('曜'))
        .unwrap_or(rest);
    let rest = rest.strip_prefix('）').or_else(|| rest.strip_prefix(')'))?;
    Some((w, rest))
}

/// A month's number from its name in one of these languages.
pub(super) fn month_named(lower: &str) -> Option<u32> {
    MONTHS
        .iter()
        .position(|names| names.contains(&lower))
        .and_then(|i| u32::try_from(i + 1).ok())
}

/// A weekday from its name in one of these languages (a Japanese one at the start of
/// `s`, which has no spaces after it).
pub(super) fn weekday_named(lower: &str) -> Option<Weekday> {
    WEEKDAYS.iter().find(|(n, _)| *n == lower).map(|(_, w)| *w)
}
