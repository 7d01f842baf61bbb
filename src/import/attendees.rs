//! Attendee imports (pasted text, CSV, TSV, workbooks) share one preview and one way to
//! apply it.
//!
//! The interchange layout of the attendee CSV is `Honorific, Family name, Given name,
//! Chinese name, Organisation, Organisation (Chinese), Title, Title (Chinese), Email,
//! Phone, Name order` and, for a meeting, `Side, Role, Status, Order, Attendance`: every
//! column an export writes imports back.

use std::collections::{BTreeSet, HashMap};

pub use super::apply::build_edit;
pub use super::headers::{Field, guess_mapping};
pub use super::rows::{ROWS_PER_REPORT, rows_to_people, rows_to_people_with, rows_to_preview};
pub use super::table::{CsvError, CsvTable, Table, read_csv};
use crate::model::{
    AttendanceMode, AttendanceRole, AttendanceStatus, Organisation, OrganisationId, Person,
    PersonId, Project,
};

/// The organisation a parsed person belongs to.
// A new organisation is held inline (one per parsed row at most): boxing it would change
// every reader of the preview for a few hundred bytes per row.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OrganisationRef {
    /// None given.
    None,
    /// One already in the project.
    Existing(OrganisationId),
    /// A new one the import will add.
    New(Organisation),
}

/// A person's place at a meeting as a list gives it (the columns of a meeting's export).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AttendanceCells {
    /// The side's name (`CCAA delegation 中国认证认可协会代表团`).
    pub side: Option<String>,
    /// Role.
    pub role: Option<AttendanceRole>,
    /// Status.
    pub status: Option<AttendanceStatus>,
    /// Protocol order within the side.
    pub rank: Option<u32>,
    /// On site or remote.
    pub mode: Option<AttendanceMode>,
}

impl AttendanceCells {
    /// True when the list said nothing of the meeting.
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

/// One field of a person already in the project that a revised list changes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// Which field.
    pub field: Field,
    /// What the project has (empty: the list fills an empty field).
    pub old: String,
    /// What the list says.
    pub new: String,
    /// Whether to take it.
    pub take: bool,
}

impl Change {
    /// True when the project's field is empty: the list fills it, overwriting nothing.
    pub fn is_fill(&self) -> bool {
        self.old.trim().is_empty()
    }
}

/// What an import does with a row that gives a person.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fate {
    /// A new person.
    Added,
    /// Someone already in the project; nothing of theirs changes.
    Matched,
    /// Someone already in the project whose fields change.
    Updated,
}

/// Why a row of a list gives nobody.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SkipReason {
    /// Nothing in it.
    Blank,
    /// A title or note above the header row.
    Title,
    /// The header row again (a table pasted page by page).
    RepeatedHeader,
    /// A total line (`共计 3 人`, `Total: 12`).
    Total,
    /// Something, but no name at all.
    NoName,
}

impl SkipReason {
    /// The reason in English, for the command line.
    pub fn label_en(self) -> &'static str {
        match self {
            Self::Blank => "blank",
            Self::Title => "title above the header",
            Self::RepeatedHeader => "repeated header",
            Self::Total => "total line",
            Self::NoName => "no name",
        }
    }
}

/// A row of a list that gives nobody, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SkippedRow {
    /// Its line (text) or row (sheet) number, 1-based.
    pub line: usize,
    /// What it holds, cells joined.
    pub text: String,
    /// Why it gives nobody.
    pub reason: SkipReason,
}

/// One person from an import, before anything changes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParsedPerson {
    /// The text or row it came from.
    pub source: String,
    /// Its line (text) or row (sheet) number, 1-based; 0 when unknown.
    pub line: usize,
    /// The person as parsed (its `organisation` is set on apply).
    pub person: Person,
    /// Their organisation.
    pub organisation: OrganisationRef,
    /// An existing person with the same name, who is not duplicated.
    pub matched: Option<PersonId>,
    /// Fields that were guessed and deserve a look.
    pub uncertain: BTreeSet<Field>,
    /// True when the Latin name was made from the Chinese one's pinyin: check it.
    pub from_pinyin: bool,
    /// Their place at the meeting, when the list says.
    pub attendance: AttendanceCells,
    /// For a matched person: the fields the list changes, old → new.
    pub changes: Vec<Change>,
}

impl ParsedPerson {
    /// A person parsed from `source` at `line`, not yet matched.
    pub fn new(source: String, line: usize, person: Person, organisation: OrganisationRef) -> Self {
        Self {
            source,
            line,
            person,
            organisation,
            matched: None,
            uncertain: BTreeSet::new(),
            from_pinyin: false,
            attendance: AttendanceCells::default(),
            changes: Vec::new(),
        }
    }

    /// Added, matched, or updated (a matched person with a change taken).
    pub fn fate(&self) -> Fate {
        match &self.matched {
            None => Fate::Added,
            Some(_) if self.changes.iter().any(|c| c.take) => Fate::Updated,
            Some(_) => Fate::Matched,
        }
    }
}

/// Everything a list gave: its people, and the rows that gave nobody.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Preview {
    /// The people, in list order.
    pub people: Vec<ParsedPerson>,
    /// The rows that gave nobody, in list order.
    pub skipped: Vec<SkippedRow>,
}

/// What an import changed, for the command line and the status bar.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportSummary {
    /// People added.
    pub added_people: Vec<PersonId>,
    /// Existing people matched instead of added.
    pub matched_people: Vec<PersonId>,
    /// Matched people whose fields changed.
    pub updated_people: Vec<PersonId>,
    /// Fields changed on matched people.
    pub changed_fields: usize,
    /// Updated people whose name card shows a changed field (reprint them).
    pub name_cards_changed: usize,
    /// Organisations added.
    pub added_organisations: Vec<OrganisationId>,
    /// People added to the meeting's attendance.
    pub added_attendees: usize,
}

/// The project's people and organisations by the keys an import matches on.
///
/// Built once per import, so that matching 50,000 rows costs 50,000 look-ups rather than
/// 50,000 scans of the project (quadratic: minutes on a project of 100,000 people). It owns
/// its data, so a background job can take it while the project stays with the UI.
#[derive(Clone, Debug, Default)]
pub struct Matcher {
    /// First person (in id order) by Chinese name without alignment spaces.
    by_chinese: HashMap<String, PersonId>,
    /// First person (in id order) by lower-cased family and given name.
    by_latin: HashMap<(String, String), PersonId>,
    /// First organisation (in id order) by folded acronym, Chinese or English name.
    organisations: HashMap<String, OrganisationId>,
    /// The organisation of each acronym as written; `None` when several share it.
    acronyms: HashMap<String, Option<OrganisationId>>,
}

impl Matcher {
    /// Indexes `project`.
    pub fn new(project: &Project) -> Self {
        let mut matcher = Self::default();
        // BTreeMap order and `or_insert`: the first match in id order wins, as a scan found.
        for (id, p) in &project.people {
            let chinese = crate::model::normalize_chinese_name(&p.chinese_name);
            if !chinese.is_empty() {
                matcher
                    .by_chinese
                    .entry(chinese)
                    .or_insert_with(|| id.clone());
            }
            let latin = latin_key(p);
            if !latin.0.is_empty() {
                matcher.by_latin.entry(latin).or_insert_with(|| id.clone());
            }
        }
        for (id, o) in &project.organisations {
            if !o.acronym.is_empty() {
                matcher
                    .acronyms
                    .entry(o.acronym.clone())
                    .and_modify(|found| *found = None)
                    .or_insert_with(|| Some(id.clone()));
            }
            for name in [&o.acronym, &o.name.zh, &o.name.en] {
                let key = crate::model::fold_for_search(name);
                if !key.is_empty() {
                    matcher
                        .organisations
                        .entry(key)
                        .or_insert_with(|| id.clone());
                }
            }
        }
        matcher
    }

    /// The existing person with the same Chinese name (alignment spaces ignored) or the same
    /// Latin name (case and spaces ignored) as `person`, the first in id order.
    pub fn person(&self, person: &Person) -> Option<PersonId> {
        let chinese = crate::model::normalize_chinese_name(&person.chinese_name);
        let by_chinese = if chinese.is_empty() {
            None
        } else {
            self.by_chinese.get(&chinese)
        };
        let by_latin = self.by_latin.get(&latin_key(person));
        match (by_chinese, by_latin) {
            (Some(a), Some(b)) => Some(a.min(b).clone()),
            (a, b) => a.or(b).cloned(),
        }
    }

    /// The organisation whose acronym, Chinese or English name is `name` (folded).
    pub fn organisation(&self, name: &str) -> Option<OrganisationId> {
        let key = crate::model::fold_for_search(name);
        if key.is_empty() {
            return None;
        }
        self.organisations.get(&key).cloned()
    }
}

impl Matcher {
    /// The one organisation whose acronym is a word of `text` (`Vice President of AFNOR
    /// China` → AFNOR); `None` when none is, or several are.
    pub fn organisation_named_in(&self, text: &str) -> Option<OrganisationId> {
        let mut found: Option<&OrganisationId> = None;
        for word in text.split(|c: char| !c.is_alphanumeric()) {
            match self.acronyms.get(word) {
                Some(Some(id)) if found.is_none_or(|f| f == id) => found = Some(id),
                Some(_) => return None,
                None => {}
            }
        }
        found.cloned()
    }
}

/// What [`Matcher`] compares Latin names by: case, spaces and full-width forms ignored.
pub(super) fn latin_key(p: &Person) -> (String, String) {
    (
        crate::model::fold_for_search(&p.family_name),
        crate::model::fold_for_search(&p.given_name),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The matcher finds exactly whom a scan of the project with `same_name_as` found.
    #[test]
    fn the_matcher_agrees_with_a_scan() {
        let mut project = crate::synthetic::generate(crate::synthetic::Size::people(600), 5);
        // Same Chinese name, different Latin names, and the reverse: the first id wins.
        let mut twin = Person {
            family_name: "Zhang".into(),
            given_name: "Wei".into(),
            chinese_name: "张 伟".into(),
            ..Default::default()
        };
        project
            .people
            .insert(PersonId::from("zz-twin"), twin.clone());
        twin.chinese_name = "张伟".into();
        twin.family_name = "ZHANG".into();
        project.people.insert(PersonId::from("aa-twin"), twin);
        let matcher = Matcher::new(&project);
        let mut probes: Vec<Person> = project.people.values().cloned().collect();
        probes.push(Person {
            family_name: "Nobody".into(),
            ..Default::default()
        });
        probes.push(Person {
            chinese_name: "张伟".into(),
            ..Default::default()
        });
        for probe in &probes {
            let scan = project
                .people
                .iter()
                .find(|(_, p)| p.same_name_as(probe))
                .map(|(id, _)| id.clone());
            assert_eq!(matcher.person(probe), scan, "{probe:?}");
        }
        for o in project.organisations.values() {
            for name in [&o.acronym, &o.name.en, &o.name.zh] {
                let scan = project
                    .organisations
                    .iter()
                    .find(|(_, x)| {
                        let key = crate::model::fold_for_search(name);
                        !key.is_empty()
                            && [&x.acronym, &x.name.zh, &x.name.en]
                                .iter()
                                .any(|n| crate::model::fold_for_search(n) == key)
                    })
                    .map(|(id, _)| id.clone());
                assert_eq!(matcher.organisation(name), scan);
            }
        }
    }
}
