//! A merge in words: entities by name (a person's formal name, a meeting's title, never
//! an id), fields by their label, values as the user typed them (ids shown as the names
//! they stand for, choices by their label), in the interface's language. The dialog, the
//! command line and the tests read the same words.

use super::Language;
use super::merge::{FIELDS, MergeStrings};
use crate::merge::describe::{bilingual, is_blank, plain};
use crate::merge::tree::{Node, to_node};
use crate::merge::{Change, ChangeKind, Conflict, ConflictKind, EntityRef, Step};
use crate::model::{
    AgendaItemKind, AttendanceMode, AttendanceRole, AttendanceStatus, Choice, CommitmentId,
    CommitmentStatus, Honorific, MeetingId, MeetingKind, MinutesStage, NameOrder, OrganisationId,
    PersonId, Project, Sector,
};

fn strings(language: Language) -> &'static MergeStrings {
    language.strings().merge
}

/// The kind of an entity: "Person", "Meeting"…
pub fn entity_kind(entity: &EntityRef, language: Language) -> &'static str {
    let t = strings(language);
    match entity {
        EntityRef::Project => t.kind_project,
        EntityRef::Organisation(_) => t.kind_organisation,
        EntityRef::Person(_) => t.kind_person,
        EntityRef::Meeting(_) => t.kind_meeting,
        EntityRef::Commitment(_) => t.kind_commitment,
    }
}

/// The name of an entity as the first of `projects` that has it gives it: a person's
/// formal name, an organisation's acronym or name, a meeting's or commitment's title; the
/// id only when no project has it or it has no name at all.
pub fn entity_name(entity: &EntityRef, projects: &[&Project], language: Language) -> String {
    let zh = language.prefers_chinese();
    let name = match entity {
        EntityRef::Project => projects
            .iter()
            .map(|p| p.info.title.get(zh).trim().to_owned())
            .find(|t| !t.is_empty()),
        EntityRef::Organisation(id) => organisation_name(id, projects, zh),
        EntityRef::Person(id) => person_name(id, projects),
        EntityRef::Meeting(id) => meeting_name(id, projects, zh),
        EntityRef::Commitment(id) => commitment_name(id, projects, zh),
    };
    name.unwrap_or_else(|| match entity {
        EntityRef::Project => language.strings().untitled.to_owned(),
        EntityRef::Organisation(id) => id.to_string(),
        EntityRef::Person(id) => id.to_string(),
        EntityRef::Meeting(id) => id.to_string(),
        EntityRef::Commitment(id) => id.to_string(),
    })
}

fn non_empty(text: String) -> Option<String> {
    let text = text.trim().to_owned();
    (!text.is_empty()).then_some(text)
}

fn person_name(id: &PersonId, projects: &[&Project]) -> Option<String> {
    projects
        .iter()
        .find_map(|p| p.people.get(id))
        .and_then(|p| non_empty(p.formal_name()))
}

fn organisation_name(id: &OrganisationId, projects: &[&Project], zh: bool) -> Option<String> {
    projects
        .iter()
        .find_map(|p| p.organisations.get(id))
        .and_then(|o| non_empty(o.short_name(zh).to_owned()))
}

fn meeting_name(id: &MeetingId, projects: &[&Project], zh: bool) -> Option<String> {
    projects
        .iter()
        .find_map(|p| p.meetings.get(id))
        .and_then(|m| non_empty(m.title.get(zh).to_owned()))
}

fn commitment_name(id: &CommitmentId, projects: &[&Project], zh: bool) -> Option<String> {
    projects
        .iter()
        .find_map(|p| p.commitments.get(id))
        .and_then(|c| non_empty(c.title.get(zh).to_owned()))
}

/// The label of a field (`email` → "E-mail", "电子邮件"); a field the table does not know
/// (added later) is named from its name (`seating_plan` → "Seating plan").
pub fn field_label(name: &str, language: Language) -> String {
    match FIELDS.iter().find(|(n, _, _)| *n == name) {
        Some((_, en, zh)) => if language.prefers_chinese() { zh } else { en }.to_string(),
        None => humanize(name),
    }
}

/// `seating_plan` → "Seating plan", `HeadOfDelegation` → "Head of delegation".
fn humanize(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    for (i, c) in name.chars().enumerate() {
        if c == '_' {
            out.push(' ');
        } else if c.is_uppercase() && i > 0 {
            out.push(' ');
            out.extend(c.to_lowercase());
        } else if i == 0 {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// Where in the entity: `Agenda › “Welcome” › Title › English`; "The whole entry" for the
/// entity itself.
pub fn path_label(path: &[Step], projects: &[&Project], language: Language) -> String {
    let t = strings(language);
    if path.is_empty() {
        return t.whole_entry.to_owned();
    }
    let mut parts = Vec::with_capacity(path.len());
    let mut field: Option<&str> = None;
    for step in path {
        match step {
            Step::Field(name) => {
                parts.push(field_label(name, language));
                field = Some(name);
            }
            Step::Key { key, title } => {
                let named = match field {
                    Some("attendees") => person_name(&PersonId::from(key.as_str()), projects),
                    _ => title
                        .as_deref()
                        .map(|t| value_text(Some(t), None, projects, language))
                        .filter(|t| !t.trim().is_empty()),
                };
                parts.push(format!("“{}”", named.unwrap_or_else(|| key.clone())));
            }
            Step::Index(i) => parts.push(t.entry_no.replace("{}", &(i + 1).to_string())),
            Step::Region(i) => parts.push(t.from_entry.replace("{}", &(i + 1).to_string())),
            Step::Order => parts.push(t.order.to_owned()),
        }
    }
    parts.join(" › ")
}

/// What kind of conflict it is, in words.
pub fn conflict_kind(kind: ConflictKind, language: Language) -> &'static str {
    let t = strings(language);
    match kind {
        ConflictKind::Changed => t.conflict_changed,
        ConflictKind::Text => t.conflict_text,
        ConflictKind::RemovedByOurs => t.conflict_removed_by_ours,
        ConflictKind::RemovedByTheirs => t.conflict_removed_by_theirs,
        ConflictKind::OnlyOurs => t.conflict_only_ours,
        ConflictKind::OnlyTheirs => t.conflict_only_theirs,
        ConflictKind::Order => t.conflict_order,
    }
}

/// The field a conflict's value belongs to (the last field of its path), which says what
/// its ids stand for.
pub fn conflict_field(conflict: &Conflict) -> Option<&'static str> {
    conflict.path.iter().rev().find_map(|s| match s {
        Step::Field(name) => Some(*name),
        _ => None,
    })
}

/// One version of a conflicted value as text: `(not there)` when the side does not have
/// it, `(empty)` when it is empty.
pub fn version_text(
    conflict: &Conflict,
    value: Option<&Node>,
    projects: &[&Project],
    language: Language,
) -> String {
    let t = strings(language);
    match value {
        None => t.not_there.to_owned(),
        Some(node) if is_blank(node) => t.empty.to_owned(),
        Some(node) => value_text(Some(node), conflict_field(conflict), projects, language),
    }
}

/// A value as text. `field` is the field it is in: ids in an organisation, person,
/// meeting or commitment field are shown as the names they stand for.
pub fn value_text(
    node: Option<&Node>,
    field: Option<&str>,
    projects: &[&Project],
    language: Language,
) -> String {
    let Some(node) = node else {
        return String::new();
    };
    let zh = language.prefers_chinese();
    match node {
        Node::Str(s) => id_name(field, s, projects, zh).unwrap_or_else(|| s.clone()),
        Node::Some(inner) => value_text(Some(inner), field, projects, language),
        Node::None | Node::Unit => String::new(),
        Node::Bool(b) => if *b { "✓" } else { "✗" }.to_owned(),
        Node::Variant(name, payload) => match payload.as_ref() {
            Node::Unit => choice_label(name, language),
            inner => value_text(Some(inner), Some(variant_field(name)), projects, language),
        },
        Node::Seq(items) => items
            .iter()
            .map(|item| format!("• {}", value_text(Some(item), field, projects, language)))
            .collect::<Vec<_>>()
            .join("\n"),
        Node::Struct(fields) => {
            if let Some((en, zh_text)) = bilingual(node) {
                return match (en.trim().is_empty(), zh_text.trim().is_empty()) {
                    (false, false) if zh => format!("{zh_text} / {en}"),
                    (false, false) => format!("{en} / {zh_text}"),
                    (true, _) => zh_text.to_owned(),
                    (false, true) => en.to_owned(),
                };
            }
            fields
                .iter()
                .filter(|(_, v)| !is_blank(v))
                .map(|(name, v)| {
                    format!(
                        "{}: {}",
                        field_label(name, language),
                        value_text(Some(v), Some(name), projects, language)
                    )
                })
                .collect::<Vec<_>>()
                .join("; ")
        }
        other => plain(other),
    }
}

/// The field an id held by an enum variant belongs to (`Owner::Person(id)`).
fn variant_field(name: &str) -> &'static str {
    match name {
        "Person" => "person",
        "Organisation" => "organisation",
        "Commitment" => "parent",
        "Meeting" => "meeting",
        _ => "",
    }
}

/// The name an id stands for, when `field` holds ids of some kind of entity.
fn id_name(field: Option<&str>, id: &str, projects: &[&Project], zh: bool) -> Option<String> {
    match field? {
        "organisation" | "host" | "parties" | "organisations" => {
            organisation_name(&OrganisationId::from(id), projects, zh)
        }
        "person" | "speakers" => person_name(&PersonId::from(id), projects),
        "meeting" | "agreed_at" => meeting_name(&MeetingId::from(id), projects, zh),
        "parent" => commitment_name(&CommitmentId::from(id), projects, zh),
        _ => None,
    }
}

/// The label of a fieldless enum value by its variant name (`HeadOfDelegation` → "Head of
/// delegation", "团长"), from the model's choices; other names are made readable.
fn choice_label(variant: &str, language: Language) -> String {
    fn find<C: Choice + serde::Serialize>(variant: &str, language: Language) -> Option<String> {
        C::ALL.iter().find_map(|c| match to_node(c) {
            Ok(Node::Variant(name, _)) if name == variant => Some(language.choice(*c).to_owned()),
            _ => None,
        })
    }
    find::<AttendanceRole>(variant, language)
        .or_else(|| find::<AttendanceStatus>(variant, language))
        .or_else(|| find::<AttendanceMode>(variant, language))
        .or_else(|| find::<CommitmentStatus>(variant, language))
        .or_else(|| find::<MeetingKind>(variant, language))
        .or_else(|| find::<AgendaItemKind>(variant, language))
        .or_else(|| find::<Sector>(variant, language))
        .or_else(|| find::<MinutesStage>(variant, language))
        .or_else(|| find::<Honorific>(variant, language))
        .or_else(|| find::<NameOrder>(variant, language))
        .unwrap_or_else(|| humanize(variant))
}

/// One line about a conflict, for the command line and the log: the entity, the field
/// and both versions, e.g. `Person Mr. HUANG Jixian 黄继先 — Title › English: mine
/// “Secretary-General”, theirs “Deputy Secretary-General”`.
pub fn conflict_line(conflict: &Conflict, projects: &[&Project], language: Language) -> String {
    let t = strings(language);
    let one_line = |side| {
        let text = version_text(conflict, conflict.version(side), projects, language);
        let text = text.replace('\n', " ⏎ ");
        crate::model::clip_for_message(&text).into_owned()
    };
    format!(
        "{} {} — {}: {} ({} “{}”, {} “{}”)",
        entity_kind(conflict.entity(), language),
        entity_name(conflict.entity(), projects, language),
        path_label(&conflict.path, projects, language),
        conflict_kind(conflict.kind, language),
        t.col_ours,
        one_line(crate::merge::Side::Ours),
        t.col_theirs,
        one_line(crate::merge::Side::Theirs),
    )
}

/// One line about what a merge changes in an entity: `Changed Person Ms. FANG Yan 方 艳:
/// E-mail, Phone`.
pub fn change_line(change: &Change, projects: &[&Project], language: Language) -> String {
    let t = strings(language);
    let (what, fields) = match &change.kind {
        ChangeKind::Added => (t.added, String::new()),
        ChangeKind::Removed => (t.removed, String::new()),
        ChangeKind::Changed(fields) => (
            t.changed,
            fields
                .iter()
                .map(|f| field_label(f, language))
                .collect::<Vec<_>>()
                .join(", "),
        ),
    };
    let head = format!(
        "{what} {} {}",
        entity_kind(&change.entity, language),
        entity_name(&change.entity, projects, language)
    );
    if fields.is_empty() {
        head
    } else {
        format!("{head}: {fields}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_have_labels_and_new_ones_a_readable_name() {
        assert_eq!(field_label("email", Language::Chinese), "电子邮件");
        assert_eq!(
            field_label("seating_plan", Language::English),
            "Seating plan"
        );
        assert_eq!(choice_label("HeadOfDelegation", Language::Chinese), "团长");
        assert_eq!(
            choice_label("SomethingNew", Language::English),
            "Something new"
        );
    }

    #[test]
    fn ids_are_shown_as_names() {
        let project = crate::samples::ccaa_afnor().unwrap_or_default();
        let node = Node::Some(Box::new(Node::Str("ccaa".into())));
        assert_eq!(
            value_text(
                Some(&node),
                Some("organisation"),
                &[&project],
                Language::English
            ),
            "CCAA"
        );
        let owner =
            to_node(&crate::model::Owner::Person("huang-jixian".into())).unwrap_or(Node::Unit);
        assert!(
            value_text(Some(&owner), Some("owners"), &[&project], Language::English)
                .contains("HUANG Jixian")
        );
        let name = entity_name(
            &EntityRef::Person("huang-jixian".into()),
            &[&project],
            Language::English,
        );
        assert!(name.contains("HUANG Jixian"), "{name}");
    }
}
