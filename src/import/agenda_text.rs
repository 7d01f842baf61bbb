//! A draft agenda pasted from an e-mail: one item per line, in the forms people write:
//!
//! ```text
//! 14:00 10 min Opening speech — Dr. Betty XU
//! 20 min Title — Speaker
//! 16:30–17:30 Reception
//! 1h30 Working lunch
//! 09:00-09:45 Title - Speaker
//! ```
//!
//! Parsing is total: every line gives an item or is reported as skipped, never a panic.

use chrono::{NaiveTime, Timelike as _};

use crate::model::{
    AgendaItem, AgendaItemKind, Bilingual, Meeting, PersonId, Project, fold_for_search,
    normalize_chinese_name,
};

/// One parsed line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParsedLine {
    /// 1-based line number in the pasted text.
    pub line: usize,
    /// Start time written on the line.
    pub start: Option<NaiveTime>,
    /// End time written on the line (`16:30–17:30`).
    pub end: Option<NaiveTime>,
    /// Duration written on the line (`10 min`, `1h30`).
    pub duration: Option<u32>,
    /// The title, without times, durations and speakers.
    pub title: String,
    /// Speakers as written, each matched to a person of the project when possible.
    pub speakers: Vec<ParsedSpeaker>,
    /// A guess from the title's words.
    pub kind: AgendaItemKind,
}

/// A speaker as written on a line, and who it probably is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParsedSpeaker {
    /// As written (`Dr. Betty XU`).
    pub text: String,
    /// The person it matches, if exactly one does.
    pub person: Option<PersonId>,
}

/// The items a paste will create, with what is uncertain.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AgendaPreview {
    /// The parsed lines, in order.
    pub lines: Vec<ParsedLine>,
    /// Durations in minutes, resolved (from the line, its end time, or the next start).
    pub durations: Vec<u32>,
    /// Lines whose duration had to be assumed.
    pub assumed_duration: Vec<bool>,
    /// Line numbers that gave no item (blank lines are not listed).
    pub skipped: Vec<usize>,
}

/// Minutes assumed when a line gives no duration and nothing after it tells.
pub const DEFAULT_MINUTES: u32 = 30;

impl AgendaPreview {
    /// Agenda items for these lines. Times that do not follow from the durations become
    /// fixed starts; `meeting` gives the start and the ids already used.
    pub fn to_items(
        &self,
        meeting: &Meeting,
        append: bool,
    ) -> (Vec<AgendaItem>, Option<NaiveTime>) {
        let mut scratch = meeting.clone();
        if !append {
            scratch.agenda.clear();
        }
        // With an empty agenda, the first written time is the meeting's start.
        let new_start = if scratch.agenda.is_empty() {
            self.lines.first().and_then(|l| l.start)
        } else {
            None
        };
        if let Some(start) = new_start {
            scratch.start_time = start;
        }
        let mut items = Vec::new();
        for (i, line) in self.lines.iter().enumerate() {
            let cursor = scratch.agenda_end();
            let fixed_start = line.start.filter(|s| {
                let mut local = cursor.date_naive().and_time(*s);
                if local < scratch.date.and_time(scratch.start_time) {
                    local += chrono::Duration::days(1);
                }
                crate::model::instant_at(scratch.time_zone, local) != cursor
            });
            let item = AgendaItem {
                id: scratch.new_item_id(),
                title: if mostly_chinese(&line.title) {
                    Bilingual::new("", line.title.clone())
                } else {
                    Bilingual::new(line.title.clone(), "")
                },
                kind: line.kind,
                duration_minutes: self.durations.get(i).copied().unwrap_or(DEFAULT_MINUTES),
                fixed_start,
                speakers: line
                    .speakers
                    .iter()
                    .filter_map(|s| s.person.clone())
                    .collect(),
                notes: {
                    let unmatched: Vec<_> = line
                        .speakers
                        .iter()
                        .filter(|s| s.person.is_none())
                        .map(|s| s.text.as_str())
                        .collect();
                    if unmatched.is_empty() {
                        String::new()
                    } else {
                        unmatched.join(", ")
                    }
                },
            };
            scratch.agenda.push(item.clone());
            items.push(item);
        }
        (items, new_start)
    }
}

/// Applies a paste to a meeting: the new agenda (appended or replacing) and, for a new
/// agenda, the start time taken from the first line.
pub fn apply_to_meeting(meeting: &Meeting, preview: &AgendaPreview, append: bool) -> Meeting {
    let (items, new_start) = preview.to_items(meeting, append);
    let mut m = meeting.clone();
    if !append {
        m.agenda.clear();
    }
    if let Some(start) = new_start {
        m.start_time = start;
    }
    // Ids were made unique against a scratch copy that already held the earlier items.
    m.agenda.extend(items);
    m
}

/// Parses pasted text; `meeting` (when given) makes its attendees the preferred matches.
pub fn parse(text: &str, project: &Project, meeting: Option<&Meeting>) -> AgendaPreview {
    let mut preview = AgendaPreview::default();
    for (i, raw) in text.lines().enumerate() {
        if raw.trim().is_empty() {
            continue;
        }
        match parse_line(raw) {
            Some(mut line) => {
                line.line = i + 1;
                for speaker in &mut line.speakers {
                    speaker.person = match_person(&speaker.text, project, meeting);
                }
                preview.lines.push(line);
            }
            None => preview.skipped.push(i + 1),
        }
    }
    // Durations: written, else end − start, else the next line's start − this start.
    let n = preview.lines.len();
    for i in 0..n {
        let Some(line) = preview.lines.get(i) else {
            continue;
        };
        let from_times = |a: NaiveTime, b: NaiveTime| {
            let minutes = (b - a).num_minutes();
            let minutes = if minutes < 0 {
                minutes + 24 * 60
            } else {
                minutes
            };
            u32::try_from(minutes).ok().filter(|m| *m > 0)
        };
        let next_start = preview.lines.get(i + 1).and_then(|l| l.start);
        let (minutes, assumed) = match (line.duration, line.start, line.end, next_start) {
            (Some(d), ..) => (d, false),
            (None, Some(s), Some(e), _) => {
                from_times(s, e).map_or((DEFAULT_MINUTES, true), |m| (m, false))
            }
            (None, Some(s), None, Some(next)) => {
                from_times(s, next).map_or((DEFAULT_MINUTES, true), |m| (m, false))
            }
            _ => (DEFAULT_MINUTES, true),
        };
        preview.durations.push(minutes);
        preview.assumed_duration.push(assumed);
    }
    preview
}

/// Parses one non-blank line; `None` when nothing like an item is on it.
pub fn parse_line(raw: &str) -> Option<ParsedLine> {
    let mut rest = strip_bullet(raw.trim());
    let mut start = None;
    let mut end = None;
    let mut duration = None;

    if let Some((time, after)) = take_time(rest) {
        start = Some(time);
        rest = after;
        if let Some(after_dash) = take_range_dash(rest)
            && let Some((time, after)) = take_time(after_dash)
        {
            end = Some(time);
            rest = after;
        }
        rest = rest.trim_start_matches([':', '：', ' ', '\t', '|']);
        rest = strip_leading_dash(rest);
    }
    if let Some((minutes, after)) = take_duration(rest) {
        duration = Some(minutes);
        rest = strip_leading_dash(after.trim_start_matches([':', '：', ' ', '\t', '|', ',']));
    }
    let mut text = rest.trim().to_owned();
    // A duration written at the end: `Opening speech — 10 min`, `Lunch (1h)`.
    if duration.is_none()
        && let Some((minutes, before)) = take_trailing_duration(&text)
    {
        duration = Some(minutes);
        text = before;
    }
    let (title, speakers) = split_speakers(&text);
    if title.is_empty() && start.is_none() && duration.is_none() {
        return None;
    }
    let kind = guess_kind(&title);
    Some(ParsedLine {
        line: 0,
        start,
        end,
        duration,
        title,
        speakers: speakers
            .into_iter()
            .map(|text| ParsedSpeaker { text, person: None })
            .collect(),
        kind,
    })
}

fn strip_bullet(s: &str) -> &str {
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
            && space.is_whitespace()
        {
            return after
                .get(mark.len_utf8()..)
                .unwrap_or_default()
                .trim_start();
        }
    }
    s
}

fn strip_leading_dash(s: &str) -> &str {
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

/// `–`, `-`, `—`, `to`, `~`, `至` between two times.
fn take_range_dash(s: &str) -> Option<&str> {
    let t = s.trim_start();
    for dash in ["–", "—", "-", "−", "~", "～", "至", "to "] {
        if let Some(after) = t.strip_prefix(dash) {
            return Some(after.trim_start());
        }
    }
    None
}

/// A time at the start: `14:00`, `9.30`, `9h30`, `14h`, `2:30 pm`, `14：00`.
///
/// `1h30` with a small hour is a duration, not a time, and is left for [`take_duration`].
fn take_time(s: &str) -> Option<(NaiveTime, &str)> {
    let h_len = s.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=2).contains(&h_len) {
        return None;
    }
    let hour: u32 = s.get(..h_len)?.parse().ok()?;
    let after_hour = s.get(h_len..)?;
    let sep = after_hour.chars().next()?;
    let after_sep = after_hour.get(sep.len_utf8()..)?;
    let m_len = after_sep.bytes().take_while(u8::is_ascii_digit).count();
    let is_h = matches!(sep, 'h' | 'H');
    if is_h && hour < 7 {
        return None;
    }
    let (minute, mut rest) = match (sep, m_len) {
        (':' | '：' | '.' | 'h' | 'H', 2) => {
            (after_sep.get(..2)?.parse().ok()?, after_sep.get(2..)?)
        }
        ('h' | 'H', 0) => (0, after_sep),
        _ => return None,
    };
    let mut hour = hour;
    let trimmed = rest.trim_start();
    let lower = trimmed.to_ascii_lowercase();
    for (suffix, pm) in [("p.m.", true), ("pm", true), ("a.m.", false), ("am", false)] {
        let glued = lower
            .get(suffix.len()..)
            .is_some_and(|after| after.starts_with(|c: char| c.is_ascii_alphanumeric()));
        if lower.starts_with(suffix) && !glued && hour <= 12 {
            hour = match (pm, hour) {
                (false, 12) => 0,
                (true, h) if h < 12 => h + 12,
                (_, h) => h,
            };
            rest = trimmed.get(suffix.len()..)?;
            break;
        }
    }
    // A time is followed by a separator, never glued to a word or number.
    if rest.starts_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    Some((NaiveTime::from_hms_opt(hour, minute, 0)?, rest))
}

/// A duration at the start: `10 min`, `10min`, `45'`, `1h30`, `1 h 30`, `1.5 h`, `2 hours`,
/// `90 minutes`, `10分钟`, `1小时`, `1小时30分`.
fn take_duration(s: &str) -> Option<(u32, &str)> {
    let t = s.trim_start();
    let num_len = t
        .char_indices()
        .take_while(|(_, c)| c.is_ascii_digit() || *c == '.' || *c == ',')
        .map(|(i, c)| i + c.len_utf8())
        .last()?;
    let number: f64 = t.get(..num_len)?.replace(',', ".").parse().ok()?;
    let after = t.get(num_len..)?;
    let unit_rest = after.trim_start();
    let lower = unit_rest.to_lowercase();
    let units: [(&str, f64); 14] = [
        ("minutes", 1.0),
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
fn take_trailing_duration(text: &str) -> Option<(u32, String)> {
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

/// Splits `Title — Speaker, Speaker` into the title and its speakers.
fn split_speakers(text: &str) -> (String, Vec<String>) {
    for sep in [" — ", " – ", " - ", " −", "——"] {
        if let Some((title, speakers)) = text.rsplit_once(sep) {
            let speakers: Vec<String> = speakers
                .split([',', '，', ';', '；', '、', '/', '&'])
                .flat_map(|s| s.split(" and "))
                .map(|s| s.trim().to_owned())
                .filter(|s| !s.is_empty())
                .collect();
            if !speakers.is_empty() && !title.trim().is_empty() {
                return (title.trim().to_owned(), speakers);
            }
        }
    }
    (text.trim().to_owned(), Vec::new())
}

/// True when a text has more Chinese characters than Latin letters: its Chinese field.
fn mostly_chinese(s: &str) -> bool {
    let cjk = s
        .chars()
        .filter(|c| ('\u{4E00}'..='\u{9FFF}').contains(c) || ('\u{3400}'..='\u{4DBF}').contains(c))
        .count();
    let latin = s.chars().filter(char::is_ascii_alphabetic).count();
    cjk > 0 && cjk >= latin
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
    ]) {
        AgendaItemKind::OpeningRemarks
    } else if any(&["coffee", "break", "tea", "茶歇", "休息"]) {
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
    ]) {
        AgendaItemKind::Meal
    } else if any(&["signing", "签约", "签署", "签字"]) {
        AgendaItemKind::Signing
    } else if any(&["reception", "cocktail", "招待会", "酒会"]) {
        AgendaItemKind::Reception
    } else if any(&["visit", "tour", "参观", "考察"]) {
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
    ]) {
        AgendaItemKind::Discussion
    } else {
        AgendaItemKind::Presentation
    }
}

/// The one person a written name refers to, preferring the meeting's attendees.
///
/// A name matches in either order and either script, ignoring case, honorifics and
/// spaces (`Dr. Betty XU`, `XU Betty`, `黄继先`, `HUANG Jixian 黄继先`).
pub fn match_person(text: &str, project: &Project, meeting: Option<&Meeting>) -> Option<PersonId> {
    let written = fold_for_search(strip_honorific(text));
    if written.is_empty() {
        return None;
    }
    let matches = |p: &crate::model::Person| {
        let family_given = fold_for_search(&format!("{}{}", p.family_name, p.given_name));
        let given_family = fold_for_search(&format!("{}{}", p.given_name, p.family_name));
        let chinese = fold_for_search(&normalize_chinese_name(&p.chinese_name));
        let mut forms = vec![family_given.clone(), given_family.clone()];
        if !chinese.is_empty() {
            forms.extend([
                chinese.clone(),
                format!("{family_given}{chinese}"),
                format!("{given_family}{chinese}"),
            ]);
        }
        forms.iter().any(|f| !f.is_empty() && *f == written)
    };
    let found: Vec<&PersonId> = project
        .people
        .iter()
        .filter(|(_, p)| matches(p))
        .map(|(id, _)| id)
        .collect();
    match found.as_slice() {
        [one] => Some((*one).clone()),
        [] => None,
        many => {
            // Several people share the name: the one attending this meeting, if unique.
            let attending: Vec<&&PersonId> = many
                .iter()
                .filter(|id| meeting.is_some_and(|m| m.attendees.iter().any(|a| &a.person == **id)))
                .collect();
            match attending.as_slice() {
                [one] => Some((**one).clone()),
                _ => None,
            }
        }
    }
}

fn strip_honorific(text: &str) -> &str {
    let t = text.trim();
    for h in [
        "Mr.", "Ms.", "Mrs.", "Dr.", "Prof.", "H.E.", "Mr ", "Ms ", "Mrs ", "Dr ", "Prof ",
    ] {
        if let Some(rest) = t.strip_prefix(h) {
            return rest.trim();
        }
    }
    t
}

/// `14:00` for a time, for previews.
pub fn format_time(t: NaiveTime) -> String {
    format!("{:02}:{:02}", t.hour(), t.minute())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(h: u32, m: u32) -> Option<NaiveTime> {
        NaiveTime::from_hms_opt(h, m, 0)
    }

    /// `(line, start, end, duration, title, speakers)` for every form people write.
    #[test]
    fn line_forms() {
        type Case<'a> = (
            &'a str,
            Option<NaiveTime>,
            Option<NaiveTime>,
            Option<u32>,
            &'a str,
            &'a [&'a str],
        );
        let cases: &[Case<'_>] = &[
            (
                "14:00 10 min Opening speech — Dr. Betty XU",
                t(14, 0),
                None,
                Some(10),
                "Opening speech",
                &["Dr. Betty XU"],
            ),
            (
                "20 min Title — Speaker",
                None,
                None,
                Some(20),
                "Title",
                &["Speaker"],
            ),
            (
                "16:30–17:30 Reception",
                t(16, 30),
                t(17, 30),
                None,
                "Reception",
                &[],
            ),
            (
                "1h30 Working lunch",
                None,
                None,
                Some(90),
                "Working lunch",
                &[],
            ),
            (
                "09:00-09:45 Title - Speaker",
                t(9, 0),
                t(9, 45),
                None,
                "Title",
                &["Speaker"],
            ),
            (
                "9.30 Welcome coffee",
                t(9, 30),
                None,
                None,
                "Welcome coffee",
                &[],
            ),
            ("9h30 Ouverture", t(9, 30), None, None, "Ouverture", &[]),
            (
                "14h Visite du laboratoire",
                t(14, 0),
                None,
                None,
                "Visite du laboratoire",
                &[],
            ),
            (
                "2:30 pm Signing ceremony",
                t(14, 30),
                None,
                None,
                "Signing ceremony",
                &[],
            ),
            ("12:15 p.m. Lunch", t(12, 15), None, None, "Lunch", &[]),
            (
                "14:00 - 14:30 Coffee break",
                t(14, 0),
                t(14, 30),
                None,
                "Coffee break",
                &[],
            ),
            (
                "14:00–14:30: Coffee break",
                t(14, 0),
                t(14, 30),
                None,
                "Coffee break",
                &[],
            ),
            (
                "45' Presentation of AFNOR",
                None,
                None,
                Some(45),
                "Presentation of AFNOR",
                &[],
            ),
            (
                "30 mins Discussion",
                None,
                None,
                Some(30),
                "Discussion",
                &[],
            ),
            ("1 hour Lunch", None, None, Some(60), "Lunch", &[]),
            (
                "2 hours Site visit",
                None,
                None,
                Some(120),
                "Site visit",
                &[],
            ),
            ("1.5 h Workshop", None, None, Some(90), "Workshop", &[]),
            (
                "90min Factory tour",
                None,
                None,
                Some(90),
                "Factory tour",
                &[],
            ),
            (
                "1 h 30 Round table",
                None,
                None,
                Some(90),
                "Round table",
                &[],
            ),
            ("- 10 min Opening", None, None, Some(10), "Opening", &[]),
            (
                "• 14:00 Welcome — Mr. LIU Jiang",
                t(14, 0),
                None,
                None,
                "Welcome",
                &["Mr. LIU Jiang"],
            ),
            ("3. 15:00 Q&A", t(15, 0), None, None, "Q&A", &[]),
            (
                "14:00 开幕致辞 — 黄继先",
                t(14, 0),
                None,
                None,
                "开幕致辞",
                &["黄继先"],
            ),
            (
                "14:00 10分钟 欢迎致辞",
                t(14, 0),
                None,
                Some(10),
                "欢迎致辞",
                &[],
            ),
            ("1小时30分 午餐", None, None, Some(90), "午餐", &[]),
            ("14：30 茶歇", t(14, 30), None, None, "茶歇", &[]),
            (
                "Opening speech — 10 min",
                None,
                None,
                Some(10),
                "Opening speech",
                &[],
            ),
            (
                "Working lunch (1h)",
                None,
                None,
                Some(60),
                "Working lunch",
                &[],
            ),
            (
                "10:00 – Presentations by both sides — FANG Yan, Cindy SHEN",
                t(10, 0),
                None,
                None,
                "Presentations by both sides",
                &["FANG Yan", "Cindy SHEN"],
            ),
            ("Conclusions", None, None, None, "Conclusions", &[]),
            ("09:00~09:30 签到", t(9, 0), t(9, 30), None, "签到", &[]),
            (
                "2 high-level speeches",
                None,
                None,
                None,
                "2 high-level speeches",
                &[],
            ),
            (
                "5 ministers attend",
                None,
                None,
                None,
                "5 ministers attend",
                &[],
            ),
        ];
        assert!(cases.len() >= 20);
        for (raw, start, end, duration, title, speakers) in cases {
            let line = parse_line(raw).unwrap_or_else(|| panic!("no item from {raw:?}"));
            assert_eq!(line.start, *start, "start of {raw:?}");
            assert_eq!(line.end, *end, "end of {raw:?}");
            assert_eq!(line.duration, *duration, "duration of {raw:?}");
            assert_eq!(line.title, *title, "title of {raw:?}");
            let got: Vec<_> = line.speakers.iter().map(|s| s.text.as_str()).collect();
            assert_eq!(got, *speakers, "speakers of {raw:?}");
        }
    }

    #[test]
    fn kinds_are_guessed() {
        assert_eq!(guess_kind("Coffee break"), AgendaItemKind::Break);
        assert_eq!(guess_kind("Working lunch"), AgendaItemKind::Meal);
        assert_eq!(guess_kind("开幕致辞"), AgendaItemKind::OpeningRemarks);
        assert_eq!(guess_kind("Signing of the MoU"), AgendaItemKind::Signing);
        assert_eq!(
            guess_kind("ISO 50001 auditors"),
            AgendaItemKind::Presentation
        );
    }

    #[test]
    fn durations_come_from_end_times_and_next_starts() {
        let project = crate::samples::ccaa_afnor().unwrap();
        let text = "14:00 Opening — HUANG Jixian 黄继先\n14:20 Presentation — Ms. FANG Yan\n\n15:00–15:15 Coffee break\nDiscussion\n???\n";
        let preview = parse(text, &project, None);
        assert_eq!(preview.lines.len(), 5);
        assert_eq!(preview.durations, vec![20, 40, 15, 30, 30]);
        assert_eq!(
            preview.assumed_duration,
            vec![false, false, false, true, true]
        );
        let huang = &preview.lines[0].speakers[0];
        assert_eq!(
            huang.person.as_ref().map(PersonId::as_str),
            Some("huang-jixian")
        );
        assert_eq!(
            preview.lines[1].speakers[0]
                .person
                .as_ref()
                .map(PersonId::as_str),
            Some("fang-yan")
        );
    }

    #[test]
    fn applying_sets_start_and_fixed_starts() {
        let project = crate::samples::ccaa_afnor().unwrap();
        let meeting = project.meetings.values().next().unwrap();
        let text = "09:00 10 min Welcome\n09:10 Talk — 王 茜\n09:40 15 min Break\n10:30 Lunch — Nobody Known";
        let preview = parse(text, &project, Some(meeting));
        let m = apply_to_meeting(meeting, &preview, false);
        assert_eq!(m.start_time, NaiveTime::from_hms_opt(9, 0, 0).unwrap());
        assert_eq!(m.agenda.len(), 4);
        // Talk runs 30 min (to the next start); Break ends at 09:55, so Lunch at 10:30
        // does not follow and becomes a fixed start; Lunch gets the default length.
        assert_eq!(m.agenda[1].duration_minutes, 30);
        assert_eq!(m.agenda[1].speakers, vec![PersonId::from("wang-qian")]);
        assert_eq!(m.agenda[2].fixed_start, None);
        assert_eq!(m.agenda[3].fixed_start, NaiveTime::from_hms_opt(10, 30, 0));
        assert_eq!(
            m.agenda[3].notes, "Nobody Known",
            "an unmatched speaker is kept, not lost"
        );
        let ids: std::collections::BTreeSet<_> = m.agenda.iter().map(|i| i.id.clone()).collect();
        assert_eq!(ids.len(), 4);
        // Appending keeps the existing agenda and its start.
        let appended = apply_to_meeting(meeting, &preview, true);
        assert_eq!(appended.agenda.len(), meeting.agenda.len() + 4);
        assert_eq!(appended.start_time, meeting.start_time);
        assert!(crate::model::validate(&project).is_empty());
    }

    #[test]
    fn any_text_parses_without_panic() {
        let project = Project::default();
        for text in [
            "",
            "\n\n",
            "::::",
            "99:99 x",
            "1h",
            "h",
            "—",
            "12:",
            "0.5h",
            "9999999 min x",
            "\u{202E}14:00 x",
            "１４：００ 全角",
        ] {
            let _ = parse(text, &project, None);
        }
    }
}
