//! A programme written in Word, turned into the lines the programme parser
//! ([`super::agenda_text`]) reads, one per item, in the order they stand.
//!
//! Paragraphs (the title, a date line, a section line) are lines as they are. A table's
//! columns are told apart by their header (time, item, speaker, date, venue, duration, in
//! English, French, German and Chinese) or, without one, by their values (times, dates).
//! Each row becomes `09:00–09:30 Title — Speaker, Speaker`:
//! - the item cell's lines are the title, Chinese over English giving both languages
//!   (`开幕致辞 Opening remarks`); a line under the title that names a person (`Mr. …`,
//!   `par Mme …`, `主持人：…`) is a speaker;
//! - the speaker cell's lines are speakers, a name over its other script one person
//!   (`LIU Jiang 刘江`), a line that is no name after a name its organisation
//!   (`Mr. Helge Engelhard (BMWi)`);
//! - a date column gives a day line whenever its date changes (a date cell merged down
//!   the day's rows gives one);
//! - an organisation column goes in brackets after its speaker;
//! - a venue or other column is kept in brackets after the title, a duration before it;
//! - a row with one text across it (`Day 1 — Tuesday 12 May`, `上午`, `Lunch`) is a line
//!   of its own; the header row is left out.

use super::docx::{Block, GridCell, WordDocument, WordTable, join_lines};
use super::names::{has_han, has_latin, honorific_word};

/// What a column of a programme table holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Time,
    Item,
    Speaker,
    Date,
    Duration,
    /// The speakers' organisation (`Organisation`, `单位`): in brackets after the speaker.
    SpeakerOrganisation,
    /// Venue, notes, or a column no word names: kept after the title in brackets.
    Other,
    /// Numbering (`No.`, `序号`): left out.
    Number,
}

/// Header words, folded (lower case, no accents, no spaces or punctuation), by role.
const WORDS: &[(Role, &[&str])] = &[
    (
        Role::Time,
        &[
            "time", "times", "heure", "heures", "horaire", "horaires", "zeit", "uhrzeit", "时间",
            "時間", "hora", "orario",
        ],
    ),
    (
        Role::Item,
        &[
            "item",
            "items",
            "agenda",
            "agendaitem",
            "programme",
            "program",
            "topic",
            "subject",
            "activity",
            "activities",
            "content",
            "contents",
            "event",
            "session",
            "title",
            "description",
            "ordredujour",
            "activite",
            "sujet",
            "theme",
            "intitule",
            "programm",
            "programmpunkt",
            "tagesordnungspunkt",
            "top",
            "thema",
            "inhalt",
            "veranstaltung",
            "议程",
            "内容",
            "內容",
            "议题",
            "活动",
            "事项",
            "主题",
            "日程",
            "活动内容",
            "会议内容",
            "议程内容",
        ],
    ),
    (
        Role::Speaker,
        &[
            "speaker",
            "speakers",
            "presenter",
            "presenters",
            "by",
            "moderator",
            "chair",
            "host",
            "responsible",
            "intervenant",
            "intervenants",
            "orateur",
            "animateur",
            "president",
            "referent",
            "referentin",
            "referenten",
            "redner",
            "rednerin",
            "sprecher",
            "moderation",
            "vortragender",
            "leitung",
            "发言人",
            "主讲人",
            "主持人",
            "演讲人",
            "报告人",
            "致辞人",
            "负责人",
            "出席人",
            "发言",
            "主讲",
            "主持",
        ],
    ),
    (
        Role::Date,
        &["date", "day", "jour", "datum", "tag", "日期", "日子"],
    ),
    (
        Role::Duration,
        &["duration", "duree", "dauer", "时长", "用时"],
    ),
    (
        Role::SpeakerOrganisation,
        &[
            "organisation",
            "organization",
            "institution",
            "affiliation",
            "organisme",
            "behorde",
            "单位",
            "机构",
            "所在单位",
        ],
    ),
    (
        Role::Other,
        &[
            "venue",
            "place",
            "location",
            "room",
            "lieu",
            "salle",
            "ort",
            "raum",
            "地点",
            "地點",
            "会场",
            "场地",
            "notes",
            "remarks",
            "remarques",
            "bemerkungen",
            "备注",
        ],
    ),
    (Role::Number, &["no", "nr", "n", "#", "序号", "编号"]),
];

/// Words that say a person follows (`by`, `par`, `主持人：`), folded, with the colon
/// where one is written.
const CUES: &[&str] = &[
    "by ",
    "par ",
    "durch ",
    "von ",
    "chair:",
    "chair ",
    "moderation:",
    "moderator:",
    "speaker:",
    "speakers:",
    "intervenant:",
    "intervenants:",
    "referent:",
    "referentin:",
    "主持人：",
    "主持人:",
    "主持：",
    "主持:",
    "主讲：",
    "主讲:",
    "主讲人：",
    "致辞：",
    "致辞人：",
    "发言人：",
    "发言人:",
    "发言：",
    "报告人：",
];

/// The programme's text: one line per paragraph line, table row or day.
pub fn programme_text(doc: &WordDocument) -> String {
    let mut lines: Vec<String> = Vec::new();
    for block in &doc.blocks {
        match block {
            Block::Line(line) => lines.push(line.clone()),
            Block::Table(table) => table_lines(table, &mut lines),
        }
    }
    let mut text = lines.join("\n");
    text.push('\n');
    text
}

fn fold(text: &str) -> String {
    super::names::halfwidth(text)
        .chars()
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ä' | 'À' | 'Á' | 'Â' | 'Ä' => 'a',
            'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => 'e',
            'î' | 'ï' | 'Î' | 'Ï' => 'i',
            'ô' | 'ö' | 'Ô' | 'Ö' => 'o',
            'ù' | 'û' | 'ü' | 'Ù' | 'Û' | 'Ü' => 'u',
            'ç' | 'Ç' => 'c',
            _ => c,
        })
        .filter(|c| c.is_alphanumeric() || *c == '#')
        .flat_map(char::to_lowercase)
        .collect()
}

/// The role a header cell names: the whole cell, else one of its lines or words.
fn header_role(cell: &GridCell) -> Option<Role> {
    let lookup = |folded: &str| {
        WORDS
            .iter()
            .find(|(_, words)| words.contains(&folded))
            .map(|(role, _)| *role)
    };
    let whole = cell.lines.join(" ");
    lookup(&fold(&whole))
        .or_else(|| cell.lines.iter().find_map(|l| lookup(&fold(l))))
        .or_else(|| {
            whole
                .split(|c: char| c.is_whitespace() || "/|()（）".contains(c))
                .find_map(|w| lookup(&fold(w)))
        })
}

fn starts_with_time(text: &str) -> bool {
    super::agenda_text::parse_line(text)
        .is_some_and(|l| l.start.is_some() || l.unread_time.is_some())
}

fn is_day(text: &str) -> bool {
    !starts_with_time(text) && super::agenda_text::parse_day_line(text).is_some()
}

/// The cells that hold text of their own (not covered by a span, not merged from above).
fn own_texts(row: &[GridCell]) -> Vec<(usize, String)> {
    row.iter()
        .enumerate()
        .filter(|(_, c)| !c.spanned && !c.continued && !c.lines.is_empty())
        .map(|(i, c)| (i, c.joined()))
        .collect()
}

/// The header rows at the top of a table, and each column's role.
fn roles(table: &WordTable) -> (usize, Vec<Role>) {
    let width = table.width();
    let is_header = |row: &[GridCell]| {
        let own = own_texts(row);
        own.len() >= 2
            && own.iter().all(|(_, t)| !starts_with_time(t))
            && row
                .iter()
                .any(|c| !c.lines.is_empty() && header_role(c).is_some())
    };
    let mut roles: Vec<Option<Role>> = vec![None; width];
    let mut header_rows = 0;
    for (i, row) in table.rows.iter().enumerate() {
        let flagged = table.header.get(i).copied().unwrap_or(false);
        if !(is_header(row) || (flagged && own_texts(row).len() >= 2)) {
            break;
        }
        header_rows = i + 1;
        for (column, cell) in row.iter().enumerate() {
            if let (Some(slot), Some(role)) = (roles.get_mut(column), header_role(cell))
                && slot.is_none()
            {
                *slot = Some(role);
            }
        }
    }
    // Columns no header names: by their values.
    let body = table.rows.get(header_rows..).unwrap_or_default();
    let values = |column: usize| -> Vec<String> {
        body.iter()
            .filter_map(|r| r.get(column))
            .filter(|c| !c.spanned && !c.continued && !c.lines.is_empty())
            .map(GridCell::joined)
            .collect()
    };
    let mostly = |vals: &[String], test: &dyn Fn(&str) -> bool| {
        !vals.is_empty() && vals.iter().filter(|v| test(v)).count() * 2 >= vals.len()
    };
    for column in 0..width {
        if roles.get(column).copied().flatten().is_some() {
            continue;
        }
        let vals = values(column);
        let role = if vals.is_empty() {
            None
        } else if vals
            .iter()
            .all(|v| v.len() <= 3 && v.chars().all(|c| c.is_ascii_digit() || c == '.'))
        {
            Some(Role::Number)
        } else if !roles.contains(&Some(Role::Time))
            && mostly(&vals, &|v| starts_with_time(v) && v.chars().count() <= 40)
        {
            Some(Role::Time)
        } else if !roles.contains(&Some(Role::Date)) && mostly(&vals, &is_day) {
            Some(Role::Date)
        } else if !roles.contains(&Some(Role::Item)) {
            Some(Role::Item)
        } else if !roles.contains(&Some(Role::Speaker)) && mostly(&vals, &|v| names_a_person(v)) {
            Some(Role::Speaker)
        } else {
            Some(Role::Other)
        };
        if let Some(slot) = roles.get_mut(column) {
            *slot = role;
        }
    }
    (
        header_rows,
        roles
            .into_iter()
            .map(|r| r.unwrap_or(Role::Other))
            .collect(),
    )
}

/// The lines of one table.
fn table_lines(table: &WordTable, out: &mut Vec<String>) {
    let (header_rows, roles) = roles(table);
    let mut last_date: Option<String> = None;
    for (i, row) in table.rows.iter().enumerate() {
        let own = own_texts(row);
        if i < header_rows || own.is_empty() {
            continue;
        }
        // One text across the row: a day, a section, a title, or an item without a time.
        if let [(column, text)] = own.as_slice()
            && roles.get(*column) != Some(&Role::Time)
        {
            if roles.get(*column) == Some(&Role::Date) {
                last_date = Some(text.clone());
            }
            out.push(text.clone());
            continue;
        }
        let mut time = String::new();
        let mut duration = String::new();
        let mut title: Vec<String> = Vec::new();
        let mut speakers: Vec<String> = Vec::new();
        let mut other: Vec<String> = Vec::new();
        let mut organisation = String::new();
        for (column, cell) in row.iter().enumerate() {
            if cell.spanned || cell.lines.is_empty() {
                continue;
            }
            let text = cell.joined();
            match roles.get(column).copied().unwrap_or(Role::Other) {
                Role::Date => {
                    if !cell.continued && last_date.as_deref() != Some(text.as_str()) {
                        out.push(text.clone());
                        last_date = Some(text);
                    }
                }
                _ if cell.continued => {}
                Role::Time => time = cell.lines.join(" "),
                Role::Duration => duration = text,
                Role::Item => item_lines(&cell.lines, &mut title, &mut speakers),
                Role::Speaker => speakers.extend(speaker_lines(&cell.lines)),
                Role::SpeakerOrganisation => organisation = text,
                Role::Other => other.push(text),
                Role::Number => {}
            }
        }
        let mut line = time;
        for part in [duration, title_text(&title)] {
            if !part.is_empty() {
                if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(&part);
            }
        }
        // The organisation goes with the one speaker, or stands beside the title.
        if !organisation.is_empty() {
            match speakers.as_mut_slice() {
                [one] if !one.ends_with(')') => *one = format!("{one} ({organisation})"),
                _ => other.push(organisation),
            }
        }
        for o in other {
            line.push_str(&format!(" ({o})"));
        }
        if !speakers.is_empty() {
            line.push_str(" — ");
            line.push_str(&speakers.join(", "));
        }
        let line = line.trim().to_owned();
        if !line.is_empty() {
            out.push(line);
        }
    }
}

/// The title from its lines: Chinese and English one after the other (the parser splits
/// them into the two fields), two lines of one script apart by ` / `.
fn title_text(lines: &[String]) -> String {
    let (chinese, latin): (Vec<&String>, Vec<&String>) =
        lines.iter().partition(|l| has_han(l) && !starts_latin(l));
    let join = |v: &[&String]| v.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(" / ");
    match (chinese.is_empty(), latin.is_empty()) {
        (false, false) => format!("{} {}", join(&chinese), join(&latin)),
        _ => join_lines(lines),
    }
}

/// A Latin line that holds a Chinese word in it (`Visit of 中国质量认证中心`) is Latin.
fn starts_latin(line: &str) -> bool {
    line.chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(|c| c.is_ascii_alphabetic())
}

/// The item cell's lines: the title, then speakers on the lines that name people.
fn item_lines(lines: &[String], title: &mut Vec<String>, speakers: &mut Vec<String>) {
    for (i, line) in lines.iter().enumerate() {
        if i > 0 && (cue(line).is_some() || starts_with_honorific(line)) {
            speakers.extend(speaker_lines(std::slice::from_ref(line)));
        } else if !speakers.is_empty() && i > 0 {
            // A line after a speaker line: that speaker's other script or organisation.
            let more = speaker_lines(&[speakers.pop().unwrap_or_default(), line.clone()]);
            speakers.extend(more);
        } else {
            title.push(line.clone());
        }
    }
}

/// The text after a cue that says a person follows, when the line starts with one.
fn cue(line: &str) -> Option<&str> {
    let lower = line.to_lowercase();
    CUES.iter().find_map(|c| {
        lower
            .starts_with(c)
            .then(|| line.get(c.len()..).unwrap_or_default().trim())
            .filter(|rest| !rest.is_empty())
    })
}

fn starts_with_honorific(line: &str) -> bool {
    let first = line.split_whitespace().next().unwrap_or_default();
    honorific_word(first).is_some()
        || matches!(
            first.to_lowercase().trim_end_matches('.'),
            "herrn" | "s.e" | "h.e"
        )
}

/// Whether a cell's text reads as people: an honorific, a cue, or short names.
fn names_a_person(text: &str) -> bool {
    if cue(text).is_some() || starts_with_honorific(text) {
        return true;
    }
    let han = text.chars().filter(|c| super::names::is_han(*c)).count();
    han > 0 && han <= 4 && !has_latin(text)
}

/// A Chinese name: two to four characters alone.
fn chinese_name(text: &str) -> bool {
    let n = text.chars().count();
    (2..=4).contains(&n) && text.chars().all(super::names::is_han)
}

/// Speakers from lines: a line with an honorific or cue starts a person, and so does a
/// Chinese name after a finished one; a name in the other script after a name joins it;
/// anything else after a name is that person's organisation, in brackets.
fn speaker_lines(lines: &[String]) -> Vec<String> {
    let mut speakers: Vec<String> = Vec::new();
    // Whether the last speaker already has its name in both scripts or an organisation.
    let mut complete = false;
    for line in lines {
        let line = cue(line).unwrap_or(line);
        for part in split_outside_brackets(line) {
            let part = part.trim();
            if part.is_empty() {
                continue;
            }
            let Some(last) = speakers.last_mut() else {
                speakers.push(part.to_owned());
                complete = false;
                continue;
            };
            let last_han = has_han(last) && !has_latin(last);
            let part_han = has_han(part) && !has_latin(part);
            if starts_with_honorific(part) || (chinese_name(part) && (complete || last_han)) {
                speakers.push(part.to_owned());
                complete = false;
            } else if !complete
                && last_han != part_han
                && (chinese_name(part) || reads_as_latin_name(part))
            {
                // `刘江` over `LIU Jiang`: one person, Latin first.
                *last = if part_han {
                    format!("{last} {part}")
                } else {
                    format!("{part} {last}")
                };
                complete = true;
            } else {
                match last.strip_suffix(')') {
                    Some(open) => *last = format!("{open} {part})"),
                    None => *last = format!("{last} ({part})"),
                }
                complete = true;
            }
        }
    }
    speakers
}

/// `LIU Jiang`, `Helge Engelhard`: two or three words, each capitalised, no digits.
fn reads_as_latin_name(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    (2..=3).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().all(|c| c.is_alphabetic() || c == '-' || c == '.')
        })
}

/// A line of speakers split at `,` `;` `、` outside brackets (`Mr. A (EU, DG GROW)` is one).
fn split_outside_brackets(text: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => depth = depth.saturating_sub(1),
            _ => {}
        }
        if depth == 0 && [',', '，', ';', '；', '、'].contains(&c) {
            out.push(String::new());
        } else if let Some(last) = out.last_mut() {
            last.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(l: &[&str]) -> Vec<String> {
        l.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn speakers_from_the_lines_of_a_cell() {
        assert_eq!(
            speaker_lines(&lines(&["刘江", "LIU Jiang"])),
            ["LIU Jiang 刘江"]
        );
        assert_eq!(
            speaker_lines(&lines(&["Mr. Helge Engelhard", "BMWi"])),
            ["Mr. Helge Engelhard (BMWi)"]
        );
        assert_eq!(
            speaker_lines(&lines(&["Dr. Betty XU, Mr. XIAO Han"])),
            ["Dr. Betty XU", "Mr. XIAO Han"]
        );
        assert_eq!(speaker_lines(&lines(&["张伟", "王芳"])), ["张伟", "王芳"]);
        assert_eq!(
            speaker_lines(&lines(&["par Mme Hélène Lefèvre, AFNOR"])),
            ["Mme Hélène Lefèvre (AFNOR)"]
        );
        assert_eq!(speaker_lines(&lines(&["主持人：刘江"])), ["刘江"]);
    }

    #[test]
    fn titles_in_two_languages() {
        assert_eq!(
            title_text(&lines(&["开幕致辞", "Opening remarks"])),
            "开幕致辞 Opening remarks"
        );
        assert_eq!(
            title_text(&lines(&["Accueil", "Welcome"])),
            "Accueil, Welcome"
        );
    }
}
