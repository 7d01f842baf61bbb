//! What validation says about the text of names, titles and ids: a control character
//! (ESC, BEL, NUL, a line break), a text-direction override or isolate (which shows a
//! name reversed: `Wang\u{202E}gnaW` reads "WangWang"), or a field longer than any name
//! needs. Such a file still opens (and `check` says what is wrong, where): the user fixes
//! the field, rather than losing the file.
//!
//! Notes, minutes, summaries and descriptions are free text and are not looked at here:
//! they may hold line breaks and run long.

use super::{Bilingual, ProblemKind, ProblemLocation, Project};

/// The most characters a name, a title or an id may have; `check` reports a longer one.
/// Ten thousand is far beyond any real name or title (a long title is a few hundred), yet
/// small enough that lists, cards and messages stay fast.
pub const MAX_FIELD_CHARS: usize = 10_000;

/// A name, title or id field of an entity, as a validation problem names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TextField {
    /// The entity's id.
    Id,
    /// A person's family name.
    FamilyName,
    /// A person's given name.
    GivenName,
    /// A person's name in Chinese characters.
    ChineseName,
    /// A person's title (job) in English.
    JobTitleEn,
    /// A person's title (job) in Chinese.
    JobTitleZh,
    /// An organisation's acronym.
    Acronym,
    /// A name in English (an organisation, a side, a series).
    NameEn,
    /// A name in Chinese.
    NameZh,
    /// A title in English (the project, a meeting, a day, an agenda item, a commitment).
    TitleEn,
    /// A title in Chinese.
    TitleZh,
    /// A guest speaker of an agenda item (a name as written).
    GuestSpeaker,
    /// The name of a meeting's series, in English.
    SeriesEn,
    /// The name of a meeting's series, in Chinese.
    SeriesZh,
}

impl TextField {
    /// Every field, in the order of the enum.
    pub const ALL: [Self; 14] = [
        Self::Id,
        Self::FamilyName,
        Self::GivenName,
        Self::ChineseName,
        Self::JobTitleEn,
        Self::JobTitleZh,
        Self::Acronym,
        Self::NameEn,
        Self::NameZh,
        Self::TitleEn,
        Self::TitleZh,
        Self::GuestSpeaker,
        Self::SeriesEn,
        Self::SeriesZh,
    ];
}

impl std::fmt::Display for TextField {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::Id => "id",
            Self::FamilyName => "family name",
            Self::GivenName => "given name",
            Self::ChineseName => "Chinese name",
            Self::JobTitleEn => "title (English)",
            Self::JobTitleZh => "title (Chinese)",
            Self::Acronym => "acronym",
            Self::NameEn => "name (English)",
            Self::NameZh => "name (Chinese)",
            Self::TitleEn => "title (English)",
            Self::TitleZh => "title (Chinese)",
            Self::GuestSpeaker => "guest speaker",
            Self::SeriesEn => "series name (English)",
            Self::SeriesZh => "series name (Chinese)",
        })
    }
}

/// `52,428,800`: a count as the English messages write it.
pub fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Whether `c` changes the direction of the text around it: the embeddings and
/// overrides U+202A–U+202E and the isolates U+2066–U+2069.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// What is wrong with one field's text: at most one control character, one direction
/// control and one length, in that order.
pub fn text_problems(text: &str, field: TextField) -> Vec<ProblemKind> {
    let mut found = Vec::new();
    if let Some(character) = text.chars().find(|c| c.is_control()) {
        found.push(ProblemKind::ControlCharacter { field, character });
    }
    if let Some(character) = text.chars().find(|c| is_bidi_control(*c)) {
        found.push(ProblemKind::BidiControl { field, character });
    }
    // A text of at most this many bytes has at most this many characters.
    if text.len() > MAX_FIELD_CHARS {
        let chars = text.chars().count();
        if chars > MAX_FIELD_CHARS {
            found.push(ProblemKind::FieldTooLong { field, chars });
        }
    }
    found
}

/// Every name, title and id of `project` with a control character, a direction control
/// or more than [`MAX_FIELD_CHARS`] characters.
pub(super) fn check_texts(project: &Project, push: &mut impl FnMut(ProblemLocation, ProblemKind)) {
    let mut checker = Checker { push };
    let project_level = || ProblemLocation::Project;
    checker.both(
        &project_level,
        &project.info.title,
        TextField::TitleEn,
        TextField::TitleZh,
    );
    for (id, org) in &project.organisations {
        let at = || ProblemLocation::Organisation(id.clone());
        checker.field(&at, id.as_str(), TextField::Id);
        checker.field(&at, &org.acronym, TextField::Acronym);
        checker.both(&at, &org.name, TextField::NameEn, TextField::NameZh);
    }
    for (id, person) in &project.people {
        let at = || ProblemLocation::Person(id.clone());
        checker.field(&at, id.as_str(), TextField::Id);
        checker.field(&at, &person.family_name, TextField::FamilyName);
        checker.field(&at, &person.given_name, TextField::GivenName);
        checker.field(&at, &person.chinese_name, TextField::ChineseName);
        checker.both(
            &at,
            &person.title,
            TextField::JobTitleEn,
            TextField::JobTitleZh,
        );
    }
    for (id, meeting) in &project.meetings {
        let at = || ProblemLocation::Meeting(id.clone());
        checker.field(&at, id.as_str(), TextField::Id);
        checker.both(&at, &meeting.title, TextField::TitleEn, TextField::TitleZh);
        if let Some(series) = &meeting.series {
            checker.both(&at, &series.name, TextField::SeriesEn, TextField::SeriesZh);
        }
        for side in &meeting.sides {
            let at = || ProblemLocation::Side {
                meeting: id.clone(),
                side: side.id.clone(),
            };
            checker.field(&at, side.id.as_str(), TextField::Id);
            checker.both(&at, &side.name, TextField::NameEn, TextField::NameZh);
        }
        for (i, day) in meeting.days.iter().enumerate() {
            let at = || ProblemLocation::Day {
                meeting: id.clone(),
                number: i + 1,
                date: day.date,
            };
            checker.both(&at, &day.title, TextField::TitleEn, TextField::TitleZh);
        }
        for item in meeting.items() {
            let at = || ProblemLocation::AgendaItem {
                meeting: id.clone(),
                item: item.id.clone(),
            };
            checker.field(&at, item.id.as_str(), TextField::Id);
            checker.both(&at, &item.title, TextField::TitleEn, TextField::TitleZh);
            for guest in &item.guest_speakers {
                checker.field(&at, guest, TextField::GuestSpeaker);
            }
        }
    }
    for (id, commitment) in &project.commitments {
        let at = || ProblemLocation::Commitment(id.clone());
        checker.field(&at, id.as_str(), TextField::Id);
        checker.both(
            &at,
            &commitment.title,
            TextField::TitleEn,
            TextField::TitleZh,
        );
    }
}

/// Pushes the problems of each field it is shown.
struct Checker<'p, P> {
    push: &'p mut P,
}

impl<P: FnMut(ProblemLocation, ProblemKind)> Checker<'_, P> {
    /// The problems of `text`, located by `at` (made only when there is one).
    fn field(&mut self, at: &dyn Fn() -> ProblemLocation, text: &str, field: TextField) {
        for kind in text_problems(text, field) {
            (self.push)(at(), kind);
        }
    }

    /// The problems of both languages of `text`.
    fn both(
        &mut self,
        at: &dyn Fn() -> ProblemLocation,
        text: &Bilingual,
        en: TextField,
        zh: TextField,
    ) {
        self.field(at, &text.en, en);
        self.field(at, &text.zh, zh);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_direction_controls_and_length_are_found_once_each() {
        assert!(text_problems("HUANG Jixian 黄继先 Łódź", TextField::FamilyName).is_empty());
        assert!(
            text_problems("名\u{200B}字", TextField::ChineseName).is_empty(),
            "a zero-width space is shown by the app, not an error"
        );
        let f = TextField::FamilyName;
        assert_eq!(
            text_problems("a\u{1b}[31m\u{7}b\0", f),
            [ProblemKind::ControlCharacter {
                field: f,
                character: '\u{1b}'
            }]
        );
        assert_eq!(
            text_problems("Wang\u{202E}gnaW\u{2066}", f),
            [ProblemKind::BidiControl {
                field: f,
                character: '\u{202E}'
            }]
        );
        assert_eq!(
            text_problems("line\nbreak", f),
            [ProblemKind::ControlCharacter {
                field: f,
                character: '\n'
            }]
        );
        let exact = "黄".repeat(MAX_FIELD_CHARS);
        assert!(
            text_problems(&exact, f).is_empty(),
            "bytes are not characters"
        );
        let long = format!("{exact}\u{202E}\0");
        assert_eq!(
            text_problems(&long, f),
            [
                ProblemKind::ControlCharacter {
                    field: f,
                    character: '\0'
                },
                ProblemKind::BidiControl {
                    field: f,
                    character: '\u{202E}'
                },
                ProblemKind::FieldTooLong {
                    field: f,
                    chars: MAX_FIELD_CHARS + 2
                },
            ]
        );
    }
}
