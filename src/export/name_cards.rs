//! Folded table name cards of a meeting's attendees: the faces as each language writes
//! the name, and the check that no Chinese face is printed with a Latin name unasked.

use super::attendees::{AttendeeExportError, Row, org_text, rows};
use super::pdf::{self, CardFace};
use super::text::ExportLanguage;
use crate::model::{AttendanceStatus, Meeting, NameOrder, Organisation, Person, PersonId, Project};

/// The attendees a card is printed for, in protocol order (declined ones left out).
fn card_rows<'p>(project: &'p Project, meeting: &'p Meeting) -> Vec<Row<'p>> {
    rows(project, Some(meeting))
        .into_iter()
        .filter(|r| {
            r.attendance
                .is_none_or(|a| a.status != AttendanceStatus::Declined)
        })
        .collect()
}

/// Whether the cards have a face in Chinese alone (facing the guests or on the back).
fn has_chinese_face(face: CardFace) -> bool {
    matches!(face, CardFace::Chinese | CardFace::English)
}

/// The people whose Chinese face would carry their Latin name, for want of a Chinese one
/// (`LIU Jiang 先生`): with cards of `face`, each of them is named before printing (the
/// app asks for their Chinese names, the command line refuses without
/// `--allow-latin-on-zh`). In protocol order; empty for cards with both scripts on each
/// face.
pub fn latin_on_chinese_face(
    project: &Project,
    meeting: &Meeting,
    face: CardFace,
) -> Vec<PersonId> {
    if !has_chinese_face(face) {
        return Vec::new();
    }
    card_rows(project, meeting)
        .into_iter()
        .filter(|r| r.person.chinese_name.trim().is_empty())
        .map(|r| r.id.clone())
        .collect()
}

/// The name on a Chinese face: a Chinese name spaced as protocol aligns it (`方 艳`), a
/// foreign one with its honorific after it (`米里亚姆·奥热罗-朗代女士`), and without a
/// Chinese name the Latin one with the honorific after it (`LIU Jiang 先生`).
fn chinese_face_name(p: &Person) -> String {
    if !p.chinese_name.trim().is_empty() && p.name_order == NameOrder::FamilyFirst {
        chinese_card_name(&p.chinese_name)
    } else {
        p.chinese_text_name()
    }
}

/// Folded table cards for a meeting's attendees (declined ones left out), in protocol
/// order: large name in both scripts, title and organisation.
pub fn name_cards(project: &Project, meeting: &Meeting) -> Result<Vec<u8>, AttendeeExportError> {
    name_cards_with(
        project,
        meeting,
        pdf::CardOptions::default(),
        &mut |_, _| true,
    )
    .map(|(bytes, _)| bytes)
}

/// [`name_cards`] on the paper and with the faces of `options`, with a progress callback
/// (`cards done, cards in all`; false stops with [`pdf::PdfError::Cancelled`]), also
/// returning how many cards were drawn.
pub fn name_cards_with(
    project: &Project,
    meeting: &Meeting,
    options: pdf::CardOptions,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<(Vec<u8>, usize), AttendeeExportError> {
    let cards: Vec<pdf::NameCard> = card_rows(project, meeting)
        .into_iter()
        .map(|r| card_on(r.person, r.organisation, options.face))
        .collect();
    let bytes = pdf::render_name_cards_with(&cards, options, progress)?;
    Ok((bytes, cards.len()))
}

/// The folded table card of `person` of `organisation` for cards with the faces of
/// `CardOptions::default()`; place cards add their mark.
pub fn name_card(person: &Person, organisation: Option<&Organisation>) -> pdf::NameCard {
    card_on(person, organisation, pdf::CardOptions::default().face)
}

/// The card of `person` for cards whose faces are `face`: the Latin name with its
/// honorific, the Chinese name (on a Chinese face as Chinese writes it), title and
/// organisation in both languages and in each (for one-language faces).
fn card_on(person: &Person, organisation: Option<&Organisation>, face: CardFace) -> pdf::NameCard {
    pdf::NameCard {
        name_latin: super::sanitize_cell(&person.formal_name_latin()),
        // Both scripts on one face: the Chinese name under the Latin one, as typed. A
        // face in Chinese alone: the name as Chinese writes it.
        name_chinese: super::sanitize_cell(&if has_chinese_face(face) {
            chinese_face_name(person)
        } else {
            chinese_card_name(&person.chinese_name)
        }),
        organisation: super::sanitize_cell(&org_text(organisation, ExportLanguage::Both)),
        title: super::sanitize_cell(&ExportLanguage::Both.text(&person.title)),
        organisation_en: super::sanitize_cell(&org_text(organisation, ExportLanguage::En)),
        organisation_zh: super::sanitize_cell(&org_text(organisation, ExportLanguage::Zh)),
        title_en: super::sanitize_cell(&ExportLanguage::En.text(&person.title)),
        title_zh: super::sanitize_cell(&ExportLanguage::Zh.text(&person.title)),
        mark: String::new(),
    }
}

/// Two-character Chinese names are spaced on cards to align with three-character ones
/// (`方艳` → `方 艳`), as protocol expects; others are printed as typed.
pub fn chinese_card_name(name: &str) -> String {
    let compact = crate::model::normalize_chinese_name(name);
    let chars: Vec<char> = compact.chars().collect();
    match chars.as_slice() {
        [a, b] if chars.iter().all(|c| is_han(*c)) => format!("{a} {b}"),
        _ => name.trim().to_owned(),
    }
}

/// A Han character, also of the extensions that rare name characters come from (䶮 is in
/// Extension A).
fn is_han(c: char) -> bool {
    matches!(u32::from(c),
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x323AF)
}
