//! The words around a time in French and German programmes, and times written as words:
//! `9.30 Uhr`, `9 Uhr`, `9 h 30`, `14 h`, `midi`, `noon`, `Mittag`, `minuit`.

use chrono::NaiveTime;

/// True when `s` does not go on with a letter or digit: a word ended before it.
fn word_ends(s: &str) -> bool {
    !s.starts_with(char::is_alphanumeric)
}

/// ` Uhr` (or `Uhr`) after a time, and the text after it.
pub(super) fn take_uhr(s: &str) -> Option<&str> {
    let after = s.trim_start().strip_prefix("Uhr")?;
    word_ends(after).then_some(after)
}

/// ` h 30`, ` h` after an hour (`9 h 30`, `14 h`): the text after the `h`, with the space
/// before the minutes taken when minutes follow.
pub(super) fn spaced_h(s: &str) -> Option<&str> {
    let after = s.strip_prefix(" h").or_else(|| s.strip_prefix(" H"))?;
    if !word_ends(after) {
        return None;
    }
    let minutes = after.trim_start();
    let digits = minutes.bytes().take_while(u8::is_ascii_digit).count();
    Some(if digits == 2 { minutes } else { after })
}

/// Times written as words, lower case.
const WORDS: [(&str, u32); 8] = [
    ("noon", 12),
    ("midday", 12),
    ("midi", 12),
    ("mittag", 12),
    ("mezzogiorno", 12),
    ("midnight", 0),
    ("minuit", 0),
    ("mitternacht", 0),
];

/// A time written as a word at the start (`midi`, `Noon`, `Mittag`, `12 noon`), and the
/// text after it; `Mittagessen` is no time.
pub(super) fn take_noon(s: &str) -> Option<(NaiveTime, &str)> {
    let body = s
        .strip_prefix("12 ")
        .filter(|r| r.to_lowercase().starts_with("noon"))
        .unwrap_or(s);
    let head: String = body.chars().take(12).collect::<String>().to_lowercase();
    let (word, hour) = WORDS.iter().find(|(w, _)| head.starts_with(w))?;
    let after = body.get(word.len()..)?;
    if !word_ends(after) {
        return None;
    }
    Some((NaiveTime::from_hms_opt(*hour, 0, 0)?, after))
}

/// ` pm`, `am`, ` p.m.` right after an hour written alone (`3 pm`, `10am`): whether it is
/// afternoon, and the text after it.
pub(super) fn take_meridiem_hour(s: &str) -> Option<(bool, &str)> {
    let t = s.trim_start();
    for (mark, pm) in [("p.m.", true), ("a.m.", false), ("pm", true), ("am", false)] {
        if t.get(..mark.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(mark))
            && let Some(after) = t.get(mark.len()..)
            && word_ends(after)
        {
            return Some((pm, after));
        }
    }
    None
}
