//! What each line of a pasted programme is: the programme's title, a day line, a section
//! line (`上午`, `Afternoon session`, `Après-midi`, `Nachmittag`: the half of the day for
//! the times under it), an item, a note under the item before, or ignored with a reason.

/// What a line of the text gave.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LineRole {
    /// The programme's title, offered as the meeting's title; never an item.
    Title,
    /// A day line: the index of its day in [`super::AgendaPreview::days`].
    Day(usize),
    /// A section line: the half of the day it sets for the times under it.
    Section(Half),
    /// An item: its index in [`super::AgendaPreview::lines`].
    Item(usize),
    /// A note, a venue or the chair under an item: the index of that item.
    Note(usize),
    /// A line that gave nothing, and why.
    Ignored(IgnoreReason),
}

/// The half of a day a section line names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Half {
    /// 上午, Morning, Matin, Vormittag.
    Morning,
    /// 中午, Midday, Midi, Mittag.
    Midday,
    /// 下午, Afternoon, Après-midi, Nachmittag.
    Afternoon,
    /// 晚上, Evening, Soir, Abend.
    Evening,
}

/// Why a line gave nothing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IgnoreReason {
    /// A line under the programme's title and above its first day and item (a place, the
    /// dates, the delegation).
    UnderTitle,
    /// Only punctuation or symbols: nothing to read.
    NothingToRead,
    /// A note before any item, with no item to go under.
    NoteWithoutItem,
}

/// One line of the text and what it gave.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineClass {
    /// 1-based line number.
    pub line: usize,
    /// The line as written (trimmed).
    pub text: String,
    /// What it gave.
    pub role: LineRole,
}

/// Section words, lower case, each alone on its line (a colon, `session` or `Sitzung`
/// may follow).
const SECTIONS: [(&str, Half); 26] = [
    ("上午", Half::Morning),
    ("中午", Half::Midday),
    ("下午", Half::Afternoon),
    ("晚上", Half::Evening),
    ("晚间", Half::Evening),
    ("morning", Half::Morning),
    ("midday", Half::Midday),
    ("lunchtime", Half::Midday),
    ("afternoon", Half::Afternoon),
    ("evening", Half::Evening),
    ("matinée", Half::Morning),
    ("matin", Half::Morning),
    ("midi", Half::Midday),
    ("après-midi", Half::Afternoon),
    ("apres-midi", Half::Afternoon),
    ("soirée", Half::Evening),
    ("soir", Half::Evening),
    ("vormittag", Half::Morning),
    ("morgens", Half::Morning),
    ("mittag", Half::Midday),
    ("nachmittag", Half::Afternoon),
    ("abend", Half::Evening),
    ("abends", Half::Evening),
    ("mañana", Half::Morning),
    ("tarde", Half::Afternoon),
    ("pomeriggio", Half::Afternoon),
];

/// Words that may follow a section word (`Morning session`, `Session du matin` is
/// read by its last word).
const SESSION_WORDS: [&str; 6] = [
    "session",
    "sessions",
    "sitzung",
    "programme",
    "program",
    "会议",
];

/// A section line (`上午`, `Afternoon session:`, `Après-midi`, `Nachmittag`), and the text
/// after it (`上午 主持人：刘江`: the chair of the section).
pub(super) fn section(line: &str) -> Option<(Half, &str)> {
    let t = line.trim();
    // A section line is short: an item line is not lower-cased to be told apart.
    if t.len() > 80 || t.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let lower = t.to_lowercase();
    if lower.len() != t.len() {
        return None;
    }
    // `Session du matin`, `Séance de l'après-midi`.
    for prefix in ["session du ", "session de l'", "séance du ", "séance de l'"] {
        if let Some(rest) = lower.strip_prefix(prefix) {
            let word = rest.trim_end_matches([':', ' ']);
            if let Some((_, half)) = SECTIONS.iter().find(|(w, _)| *w == word) {
                return Some((*half, ""));
            }
        }
    }
    let (word, half) = SECTIONS.iter().find(|(w, _)| lower.starts_with(w))?;
    let mut rest = lower.get(word.len()..)?;
    if rest.starts_with(|c: char| c.is_alphanumeric() && !super::titles::is_cjk(c)) {
        return None;
    }
    let trimmed = rest.trim_start();
    if let Some(after) = SESSION_WORDS.iter().find_map(|w| trimmed.strip_prefix(w)) {
        rest = after;
    }
    let rest = rest.trim_start_matches([':', ' ', '—', '–', '-', '|', '(', ')']);
    let offset = t.len() - rest.len();
    let original = t.get(offset..).unwrap_or_default();
    // What follows must be a chair or nothing: `上午9:00 开幕` is an item with a time.
    if original.is_empty() || super::cues::split_cues(original).is_some_and(|(t, _)| t.is_empty()) {
        return Some((*half, original));
    }
    None
}

/// Words that make an untimed line before the first item the programme's title.
const TITLE_WORDS: [&str; 17] = [
    "programme",
    "program",
    "programm",
    "agenda",
    "schedule",
    "itinerary",
    "tagesordnung",
    "ordre du jour",
    "orden del día",
    "programa",
    "programma",
    "日程",
    "议程",
    "安排",
    "程序",
    "行程",
    "プログラム",
];

/// Whether an untimed line before any item reads as a programme's title.
pub(super) fn names_a_programme(line: &str) -> bool {
    let lower = line.to_lowercase();
    TITLE_WORDS.iter().any(|w| {
        lower.find(w).is_some_and(|pos| {
            let before = lower.get(..pos).and_then(|b| b.chars().next_back());
            let after = lower.get(pos + w.len()..).and_then(|a| a.chars().next());
            let latin = w.is_ascii();
            !latin
                || (before.is_none_or(|c| !c.is_alphabetic())
                    && after.is_none_or(|c| !c.is_alphabetic() || c == 'e' || c == 's'))
        })
    })
}

/// The meeting title a title line offers: without a leading `Programme —`, `Agenda:`.
pub(super) fn offered_title(line: &str) -> String {
    let t = line.trim();
    for word in [
        "programme",
        "program",
        "programm",
        "agenda",
        "schedule",
        "tagesordnung",
    ] {
        if t.len() > word.len()
            && t.get(..word.len())
                .is_some_and(|h| h.eq_ignore_ascii_case(word))
            && let Some(rest) = t.get(word.len()..)
        {
            let stripped = rest.trim_start();
            for sep in ["—", "–", "-", ":", "|"] {
                if let Some(after) = stripped.strip_prefix(sep)
                    && !after.trim().is_empty()
                {
                    return after.trim().to_owned();
                }
            }
        }
    }
    t.to_owned()
}

/// Words that start a note under an item (a place, a remark), lower case.
const NOTE_LABELS: [&str; 18] = [
    "venue",
    "location",
    "place",
    "room",
    "note",
    "lieu",
    "salle",
    "remarque",
    "ort",
    "raum",
    "hinweis",
    "anmerkung",
    "地点",
    "地址",
    "会场",
    "备注",
    "注",
    "说明",
];

/// Whether an untimed line under an item is a note to it: a labelled note (`Venue: …`,
/// `地点：…`), a line in brackets, or a line indented under an item that was not.
pub(super) fn is_note(raw: &str, stripped: &str, item_raw: Option<&str>) -> bool {
    let lower = stripped.to_lowercase();
    let labelled = NOTE_LABELS.iter().any(|w| {
        lower
            .strip_prefix(w)
            .is_some_and(|r| r.trim_start().starts_with(':'))
    });
    let bracketed = (stripped.starts_with('(') && stripped.ends_with(')'))
        || (stripped.starts_with('（') && stripped.ends_with('）'));
    let indent = |s: &str| s.len() - s.trim_start().len();
    let indented = item_raw.is_some_and(|item| indent(raw) > indent(item) && indent(item) == 0);
    labelled || bracketed || indented
}

/// Whether a line holds nothing to read (`***`, `----`, `====`).
pub(super) fn nothing_to_read(s: &str) -> bool {
    !s.chars().any(char::is_alphanumeric)
}
