//! The text of an item after its times: bullets and numbering, the title and its
//! speakers, a title written in both languages, and the kind of item it names.

use crate::model::{AgendaItemKind, Bilingual};

pub(super) fn strip_bullet(s: &str) -> &str {
    let s = s
        .trim_start_matches(['-', '*', '•', '·', '–', '—', '○', '●', '▪'])
        .trim_start();
    // `1.` `2)` `(3)` numbering, but not a time like `9.30`.
    let digits = s.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && digits <= 2 {
        let after = s.get(digits..).unwrap_or_default();
        let mut chars = after.chars();
        if let (Some(mark), Some(space)) = (chars.next(), chars.next())
            && (mark == '.' || mark == ')' || mark == '、')
            && (space.is_whitespace() || mark == '、')
        {
            return after
                .get(mark.len_utf8()..)
                .unwrap_or_default()
                .trim_start();
        }
    }
    // Chinese list numbering: `一、`, `（二）`.
    for (open, close) in [("", "、"), ("（", "）"), ("(", ")")] {
        if let Some(rest) = s.strip_prefix(open) {
            let n = rest
                .chars()
                .take_while(|c| "一二三四五六七八九十".contains(*c))
                .count();
            if n > 0 {
                let cut: usize = rest.chars().take(n).map(char::len_utf8).sum();
                if let Some(after) = rest.get(cut..).and_then(|r| r.strip_prefix(close)) {
                    return after.trim_start();
                }
            }
        }
    }
    s
}

pub(super) fn strip_leading_dash(s: &str) -> &str {
    let t = s.trim_start();
    for dash in ["—", "–", "-", "−"] {
        if let Some(after) = t.strip_prefix(dash)
            && after.starts_with(char::is_whitespace)
        {
            return after.trim_start();
        }
    }
    t
}

/// Splits `Title — Speaker, Speaker` into the title and its speakers.
pub(super) fn split_speakers(text: &str) -> (String, Vec<String>) {
    for sep in [" — ", " – ", " - ", " −", "——"] {
        if let Some((title, speakers)) = text.rsplit_once(sep) {
            let speakers = speaker_list(speakers);
            if !speakers.is_empty() && !title.trim().is_empty() {
                return (title.trim().to_owned(), speakers);
            }
        }
    }
    (text.trim().to_owned(), Vec::new())
}

/// `Dr. Betty XU, Mr. XIAO Han and Ms. Ester CAÑADA AMELA (EU)`: each name, an
/// organisation in brackets kept with its name (a comma inside brackets does not split).
pub(super) fn speaker_list(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut current = String::new();
    for c in text.chars() {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => depth = depth.saturating_sub(1),
            _ => {}
        }
        if depth == 0 && [',', '，', ';', '；', '、', '/', '&'].contains(&c) {
            out.push(std::mem::take(&mut current));
        } else {
            current.push(c);
        }
    }
    out.push(current);
    let names: Vec<String> = out
        .iter()
        .flat_map(|s| s.split(" and "))
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
        .collect();
    // `Herrn Helge Engelhard, BMWi`: an acronym after a name is its organisation.
    let mut merged: Vec<String> = Vec::with_capacity(names.len());
    for name in names {
        let acronym = !name.contains(char::is_whitespace)
            && name.is_ascii()
            && name.chars().count() <= 8
            && name.chars().filter(char::is_ascii_uppercase).count() >= 2
            && !name.contains(['(', ')', '.']);
        match merged.last_mut() {
            Some(prev) if acronym && prev.contains(' ') && !prev.ends_with(')') => {
                prev.push_str(&format!(" ({name})"));
            }
            _ => merged.push(name),
        }
    }
    merged
}

pub(super) fn is_cjk(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
        || ('\u{3400}'..='\u{4DBF}').contains(&c)
        || ('\u{F900}'..='\u{FAFF}').contains(&c)
}

/// True when a text has more Chinese characters than Latin letters: its Chinese field.
pub(super) fn mostly_chinese(s: &str) -> bool {
    let cjk = s.chars().filter(|c| is_cjk(*c)).count();
    let latin = s.chars().filter(char::is_ascii_alphabetic).count();
    cjk > 0 && cjk >= latin
}

/// True for text that reads as an English phrase rather than a name or code inside a
/// Chinese title (`AFNOR`, `ISO 50001`): a word with lower-case letters.
fn reads_as_english(s: &str) -> bool {
    s.split_whitespace().any(|w| {
        w.chars().filter(char::is_ascii_lowercase).count() >= 2
            && w.chars()
                .all(|c| c.is_alphabetic() || "'’-.,&()".contains(c))
    })
}

/// A title in one field, or in both when it is written in two languages one after the
/// other (`签署合作备忘录 Signing of the MoU`, `Opening / 开幕式`, `Welcome（欢迎致辞）`).
pub(super) fn split_bilingual(title: &str) -> Bilingual {
    let title = title.trim();
    let one_field = || {
        let latin_part: String = title.chars().filter(|c| !is_cjk(*c)).collect();
        let has_cjk = title.chars().any(is_cjk);
        if mostly_chinese(title) || (has_cjk && !reads_as_english(&latin_part)) {
            Bilingual::new("", title)
        } else {
            Bilingual::new(title, "")
        }
    };
    let has_cjk = title.chars().any(is_cjk);
    if !has_cjk || !title.chars().any(|c| c.is_ascii_alphabetic()) {
        return one_field();
    }
    // The first and last Chinese characters: a split needs Latin text entirely before the
    // first or entirely after the last, and no Latin letter between them.
    let (Some(first), Some(last)) = (
        title
            .char_indices()
            .find(|(_, c)| is_cjk(*c))
            .map(|(i, _)| i),
        title
            .char_indices()
            .rev()
            .find(|(_, c)| is_cjk(*c))
            .map(|(i, c)| i + c.len_utf8()),
    ) else {
        return one_field();
    };
    let before = title.get(..first).unwrap_or_default();
    let last = last + leading_punctuation(title.get(last..).unwrap_or_default()).len();
    let chinese = title.get(first..last).unwrap_or_default();
    let after = title.get(last..).unwrap_or_default();
    if chinese.chars().any(|c| c.is_ascii_alphabetic()) {
        return one_field();
    }
    let trim = |s: &str| {
        s.trim_matches(|c: char| c.is_whitespace() || "/|—–-:：()（）【】[]".contains(c))
            .to_owned()
    };
    let chinese = trim(chinese);
    let (latin, other) = match (trim(before), trim(after)) {
        (b, a) if a.is_empty() || !a.chars().any(|c| c.is_ascii_alphabetic()) => (b, a),
        (b, a) if b.is_empty() => (a, b),
        _ => return one_field(),
    };
    if !other.is_empty() || !reads_as_english(&latin) || chinese.is_empty() {
        return one_field();
    }
    Bilingual::new(latin, chinese)
}

/// Chinese closing punctuation right after the last Chinese character (`」`, `》`),
/// which belongs to the Chinese title.
fn leading_punctuation(s: &str) -> &str {
    let n: usize = s
        .chars()
        .take_while(|c| "》」』”".contains(*c))
        .map(char::len_utf8)
        .sum();
    s.get(..n).unwrap_or_default()
}

/// The kind of an item, guessed from words in its title.
pub fn guess_kind(title: &str) -> AgendaItemKind {
    let t = title.to_lowercase();
    let any = |words: &[&str]| words.iter().any(|w| t.contains(w));
    if any(&[
        "opening",
        "welcome",
        "remarks",
        "开幕",
        "致辞",
        "欢迎",
        "introduction",
        "begrüßung",
        "grußwort",
        "eröffnung",
        "accueil",
        "ouverture",
        "bienvenue",
    ]) {
        AgendaItemKind::OpeningRemarks
    } else if any(&["coffee", "break", "tea", "茶歇", "休息", "pause", "kaffee"]) {
        AgendaItemKind::Break
    } else if any(&[
        "lunch",
        "dinner",
        "breakfast",
        "banquet",
        "meal",
        "午餐",
        "晚餐",
        "午宴",
        "晚宴",
        "用餐",
        "déjeuner",
        "dîner",
        "mittagessen",
        "abendessen",
        "arbeitsessen",
    ]) {
        AgendaItemKind::Meal
    } else if any(&[
        "signing",
        "签约",
        "签署",
        "签字",
        "unterzeichnung",
        "signature",
    ]) {
        AgendaItemKind::Signing
    } else if any(&[
        "reception",
        "cocktail",
        "招待会",
        "酒会",
        "empfang",
        "réception",
    ]) {
        AgendaItemKind::Reception
    } else if any(&[
        "visit",
        "tour",
        "参观",
        "考察",
        "besichtigung",
        "führung",
        "rundgang",
    ]) {
        AgendaItemKind::Visit
    } else if any(&[
        "discussion",
        "q&a",
        "questions",
        "roundtable",
        "exchange",
        "讨论",
        "答疑",
        "交流",
        "座谈",
        "diskussion",
        "table ronde",
        "débat",
        "échange",
    ]) {
        AgendaItemKind::Discussion
    } else {
        AgendaItemKind::Presentation
    }
}
