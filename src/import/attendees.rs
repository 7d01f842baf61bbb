//! Attendee imports (pasted text, CSV) share one preview type and one way to apply it.
//!
//! The interchange layout of the attendee CSV is `Honorific, Family name, Given name,
//! Chinese name, Organisation, Organisation (Chinese), Title, Title (Chinese), Email`,
//! then optionally `Name order` and, for a meeting, `Side, Role, Status, Order`.

use std::collections::{BTreeSet, HashMap, HashSet};

use crate::document::Edit;
use crate::model::{
    AttendanceRole, Attendee, Bilingual, Choice, Honorific, MeetingId, NameOrder, Organisation,
    OrganisationId, Person, PersonId, Project,
};

/// A field of a parsed person, for flagging what is uncertain and for CSV mapping.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    /// Mr., Ms. …
    Honorific,
    /// Family name.
    FamilyName,
    /// Given name.
    GivenName,
    /// Name in Chinese characters.
    ChineseName,
    /// Which name comes first.
    NameOrder,
    /// Organisation (acronym or name).
    Organisation,
    /// Organisation's Chinese name.
    OrganisationZh,
    /// English title.
    Title,
    /// Chinese title.
    TitleZh,
    /// E-mail.
    Email,
    /// Phone.
    Phone,
}

impl Field {
    /// Every field, in the interchange order.
    pub const ALL: [Self; 11] = [
        Self::Honorific,
        Self::FamilyName,
        Self::GivenName,
        Self::ChineseName,
        Self::Organisation,
        Self::OrganisationZh,
        Self::Title,
        Self::TitleZh,
        Self::Email,
        Self::NameOrder,
        Self::Phone,
    ];

    /// The CSV header of this field in the interchange layout.
    pub fn header(self) -> &'static str {
        match self {
            Self::Honorific => "Honorific",
            Self::FamilyName => "Family name",
            Self::GivenName => "Given name",
            Self::ChineseName => "Chinese name",
            Self::NameOrder => "Name order",
            Self::Organisation => "Organisation",
            Self::OrganisationZh => "Organisation (Chinese)",
            Self::Title => "Title",
            Self::TitleZh => "Title (Chinese)",
            Self::Email => "Email",
            Self::Phone => "Phone",
        }
    }

    /// Recognises a header, in either language and a few common spellings.
    pub fn from_header(header: &str) -> Option<Self> {
        let h = crate::model::fold_for_search(header).replace(['_', '-', '(', ')', '（', '）'], "");
        Some(match h.as_str() {
            "honorific" | "salutation" | "称谓" => Self::Honorific,
            "familyname" | "lastname" | "surname" | "姓" => Self::FamilyName,
            "givenname" | "firstname" | "名" => Self::GivenName,
            "chinesename" | "中文姓名" | "中文名" | "姓名" => Self::ChineseName,
            "nameorder" => Self::NameOrder,
            "organisation" | "organization" | "org" | "company" | "机构" | "单位" => {
                Self::Organisation
            }
            "organisationchinese" | "organizationchinese" | "机构中文" | "单位中文" => {
                Self::OrganisationZh
            }
            "title" | "position" | "jobtitle" | "职务" | "titleenglish" => Self::Title,
            "titlechinese" | "中文职务" | "职务中文" => Self::TitleZh,
            "email" | "e-mail" | "mail" | "电子邮件" | "邮箱" => Self::Email,
            "phone" | "telephone" | "mobile" | "电话" | "手机" => Self::Phone,
            _ => return None,
        })
    }
}

/// The organisation a parsed person belongs to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OrganisationRef {
    /// None given.
    None,
    /// One already in the project.
    Existing(OrganisationId),
    /// A new one the import will add.
    New(Organisation),
}

/// One person from an import, before anything changes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParsedPerson {
    /// The text or row it came from.
    pub source: String,
    /// The person as parsed (its `organisation` is set on apply).
    pub person: Person,
    /// Their organisation.
    pub organisation: OrganisationRef,
    /// An existing person with the same name, who is not duplicated.
    pub matched: Option<PersonId>,
    /// Fields that were guessed and deserve a look.
    pub uncertain: BTreeSet<Field>,
}

/// What an import changed, for the command line and the status bar.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportSummary {
    /// People added.
    pub added_people: Vec<PersonId>,
    /// Existing people matched instead of added.
    pub matched_people: Vec<PersonId>,
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

    /// The existing person [`Person::same_name_as`] `person`, the first in id order.
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

/// What [`Person::same_name_as`] compares Latin names by.
fn latin_key(p: &Person) -> (String, String) {
    (
        p.family_name.trim().to_lowercase(),
        p.given_name.trim().to_lowercase(),
    )
}

/// The key new organisations of one import are merged by.
fn new_org_key(org: &Organisation) -> String {
    crate::model::fold_for_search(&format!("{}|{}|{}", org.acronym, org.name.en, org.name.zh))
}

/// Hands out ids not yet taken by this import, starting each base where the last one
/// stopped: 5,000 people called 王伟 cost 5,000 steps, not 12.5 million.
#[derive(Default)]
struct FreshIds {
    taken: HashSet<String>,
    next: HashMap<String, u64>,
}

impl FreshIds {
    /// `base` itself if free, else `base-2`, `base-3`… (as before: the same ids).
    fn claim(&mut self, base: &str) -> String {
        if self.taken.insert(base.to_owned()) {
            return base.to_owned();
        }
        let n = self.next.entry(base.to_owned()).or_insert(2);
        loop {
            let candidate = format!("{base}-{n}");
            *n += 1;
            if self.taken.insert(candidate.clone()) {
                return candidate;
            }
        }
    }
}

/// The single edit (one undo step) that adds the people, their new organisations and, with
/// a meeting, their attendance in list order (the first of a side heads it).
pub fn build_edit(
    project: &Project,
    parsed: &[ParsedPerson],
    meeting: Option<&MeetingId>,
) -> (Edit, ImportSummary) {
    let mut summary = ImportSummary::default();
    let mut edits = Vec::new();
    let mut person_ids = FreshIds::default();
    let mut taken_orgs: HashSet<OrganisationId> = HashSet::new();
    let mut org_next: HashMap<String, u64> = HashMap::new();
    // The project's own fresh id for a name does not change during the import: ask once.
    let mut project_person_id: HashMap<(String, String), PersonId> = HashMap::new();
    let mut new_orgs: HashMap<String, OrganisationId> = HashMap::new();
    let mut attendee_ids = Vec::new();
    // The organisation each imported person belongs to, for the meeting's sides.
    let mut org_of_new: HashMap<PersonId, Option<OrganisationId>> = HashMap::new();

    for entry in parsed {
        let org_id = match &entry.organisation {
            OrganisationRef::None => None,
            OrganisationRef::Existing(id) => Some(id.clone()),
            OrganisationRef::New(org) => {
                let id = new_orgs.entry(new_org_key(org)).or_insert_with(|| {
                    let base = if org.acronym.is_empty() {
                        org.name.get(false)
                    } else {
                        &org.acronym
                    };
                    let mut id = project.new_organisation_id(base);
                    // Numbers tried for this base before are taken: start after them.
                    let n = org_next.entry(base.to_owned()).or_insert(2);
                    while taken_orgs.contains(&id) {
                        id = project.new_organisation_id(&format!("{base}-{n}"));
                        *n += 1;
                    }
                    taken_orgs.insert(id.clone());
                    edits.push(Edit::PutOrganisation(id.clone(), org.clone()));
                    summary.added_organisations.push(id.clone());
                    id
                });
                Some(id.clone())
            }
        };
        let person_id = match &entry.matched {
            Some(id) => {
                summary.matched_people.push(id.clone());
                id.clone()
            }
            None => {
                let mut person = entry.person.clone();
                person.organisation = org_id.clone();
                let base = project_person_id
                    .entry((person.family_name.clone(), person.given_name.clone()))
                    .or_insert_with(|| project.new_person_id(&person));
                let id = PersonId(person_ids.claim(&base.0));
                edits.push(Edit::PutPerson(id.clone(), person));
                summary.added_people.push(id.clone());
                id
            }
        };
        org_of_new.entry(person_id.clone()).or_insert(org_id);
        attendee_ids.push(person_id);
    }

    if let Some(meeting_id) = meeting
        && let Some(meeting) = project.meetings.get(meeting_id)
    {
        let mut m = meeting.clone();
        // Organisation of each attendee, including those added by this import.
        let org_of = |id: &PersonId| -> Option<OrganisationId> {
            project
                .people
                .get(id)
                .and_then(|p| p.organisation.clone())
                .or_else(|| org_of_new.get(id).cloned().flatten())
        };
        // Sets and counts instead of a scan of the attendance per imported person.
        let mut present: HashSet<PersonId> = m.attendees.iter().map(|a| a.person.clone()).collect();
        let mut in_side: HashMap<Option<crate::model::SideId>, usize> = HashMap::new();
        for a in &m.attendees {
            *in_side.entry(a.side.clone()).or_default() += 1;
        }
        for id in &attendee_ids {
            if !present.insert(id.clone()) {
                continue;
            }
            let mut attendee = Attendee::new(id.clone());
            attendee.side = org_of(id).and_then(|org| {
                m.sides
                    .iter()
                    .find(|s| s.organisations.contains(&org))
                    .map(|s| s.id.clone())
            });
            let count = in_side.entry(attendee.side.clone()).or_default();
            attendee.rank = u32::try_from(*count + 1).unwrap_or(u32::MAX);
            if *count == 0 && attendee.side.is_some() {
                attendee.role = AttendanceRole::HeadOfDelegation;
            }
            *count += 1;
            m.attendees.push(attendee);
            summary.added_attendees += 1;
        }
        edits.push(Edit::PutMeeting(meeting_id.clone(), Box::new(m)));
    }
    (Edit::Batch(edits), summary)
}

/// A CSV file read into rows, with the delimiter it used.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CsvTable {
    /// The header row.
    pub headers: Vec<String>,
    /// The data rows (each padded or cut to the header's length).
    pub rows: Vec<Vec<String>>,
    /// `,`, `;` or tab.
    pub delimiter: u8,
}

/// Why a CSV could not be read.
#[derive(Debug, thiserror::Error)]
pub enum CsvError {
    /// Not UTF-8 (or UTF-16).
    #[error(
        "the file is not UTF-8 text (line {line}); save it from the spreadsheet as “CSV UTF-8”"
    )]
    Encoding {
        /// 1-based line of the first bad byte.
        line: usize,
    },
    /// Nothing in it.
    #[error("the file has no rows")]
    Empty,
    /// The CSV reader gave up.
    #[error("line {line}: {source}")]
    Malformed {
        /// 1-based line.
        line: u64,
        /// What the CSV reader said.
        source: csv::Error,
    },
}

/// Reads CSV bytes: BOM or not, comma, semicolon or tab (whichever the header uses most),
/// quoted fields with embedded delimiters and line breaks.
pub fn read_csv(bytes: &[u8]) -> Result<CsvTable, CsvError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(CsvError::Encoding { line: 1 });
    }
    if let Err(e) = std::str::from_utf8(bytes) {
        let line = bytes
            .get(..e.valid_up_to())
            .unwrap_or_default()
            .iter()
            .filter(|b| **b == b'\n')
            .count()
            + 1;
        return Err(CsvError::Encoding { line });
    }
    let first_line = bytes.split(|b| *b == b'\n').next().unwrap_or_default();
    let delimiter = [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|d| first_line.iter().filter(|b| *b == d).count())
        .unwrap_or(b',');
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(true)
        .from_reader(bytes);
    let headers: Vec<String> = reader
        .headers()
        .map_err(malformed)?
        .iter()
        .map(|h| h.trim().to_owned())
        .collect();
    if headers.iter().all(String::is_empty) {
        return Err(CsvError::Empty);
    }
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(malformed)?;
        let mut row: Vec<String> = record.iter().map(|c| c.trim().to_owned()).collect();
        if row.iter().all(String::is_empty) {
            continue;
        }
        row.resize(headers.len(), String::new());
        rows.push(row);
    }
    Ok(CsvTable {
        headers,
        rows,
        delimiter,
    })
}

fn malformed(source: csv::Error) -> CsvError {
    CsvError::Malformed {
        line: source.position().map_or(0, csv::Position::line),
        source,
    }
}

/// The field each column maps to, recognised from the headers.
pub fn guess_mapping(headers: &[String]) -> Vec<Option<Field>> {
    let mut seen = BTreeSet::new();
    headers
        .iter()
        .map(|h| Field::from_header(h).filter(|f| seen.insert(*f)))
        .collect()
}

/// People from CSV rows, with the columns mapped as given.
pub fn rows_to_people(
    table: &CsvTable,
    mapping: &[Option<Field>],
    project: &Project,
) -> Vec<ParsedPerson> {
    rows_to_people_with(table, mapping, &Matcher::new(project), &mut |_| true).unwrap_or_default()
}

/// How many rows [`rows_to_people_with`] converts between two progress reports.
pub const ROWS_PER_REPORT: usize = 512;

/// [`rows_to_people`] against a prepared [`Matcher`], reporting the rows done every
/// [`ROWS_PER_REPORT`] rows to `progress`; when it returns false the work stops and the
/// result is `None` (the user cancelled).
pub fn rows_to_people_with(
    table: &CsvTable,
    mapping: &[Option<Field>],
    matcher: &Matcher,
    progress: &mut dyn FnMut(usize) -> bool,
) -> Option<Vec<ParsedPerson>> {
    // Column of each field, looked up once rather than per cell.
    let columns: HashMap<Field, usize> = mapping
        .iter()
        .enumerate()
        .rev()
        .filter_map(|(i, m)| m.map(|f| (f, i)))
        .collect();
    let has_order_column = columns.contains_key(&Field::NameOrder);
    let mut out = Vec::with_capacity(table.rows.len());
    for (n, row) in table.rows.iter().enumerate() {
        if n.is_multiple_of(ROWS_PER_REPORT) && !progress(n) {
            return None;
        }
        out.extend(row_to_person(row, &columns, has_order_column, matcher));
    }
    progress(table.rows.len());
    Some(out)
}

fn row_to_person(
    row: &[String],
    columns: &HashMap<Field, usize>,
    has_order_column: bool,
    matcher: &Matcher,
) -> Option<ParsedPerson> {
    let get = |field: Field| -> String {
        let cell = columns
            .get(&field)
            .and_then(|i| row.get(*i))
            .map_or("", String::as_str);
        // Undo the `'` our CSV export puts before a formula-like cell.
        match cell.strip_prefix('\'') {
            Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest.to_owned(),
            _ => cell.to_owned(),
        }
    };
    let mut uncertain = BTreeSet::new();
    let chinese_name = get(Field::ChineseName);
    let order_text = get(Field::NameOrder);
    let name_order = NameOrder::ALL
        .iter()
        .copied()
        .find(|o| o.key() == order_text.trim() || o.label_en() == order_text.trim())
        .unwrap_or_else(|| {
            // Without the column: Chinese characters suggest Chinese order.
            if has_order_column {
                uncertain.insert(Field::NameOrder);
            }
            if chinese_name.trim().is_empty() {
                NameOrder::GivenFirst
            } else {
                NameOrder::FamilyFirst
            }
        });
    let person = Person {
        honorific: Honorific::parse(&get(Field::Honorific)).unwrap_or(Honorific::None),
        family_name: get(Field::FamilyName),
        given_name: get(Field::GivenName),
        chinese_name,
        name_order,
        organisation: None,
        title: Bilingual::new(get(Field::Title), get(Field::TitleZh)),
        email: get(Field::Email),
        phone: get(Field::Phone),
        notes: String::new(),
    };
    if person.family_name.is_empty() && person.chinese_name.is_empty() {
        return None;
    }
    if person.family_name.is_empty() {
        uncertain.insert(Field::FamilyName);
    }
    let organisation = super::attendees_text::resolve_organisation_by(
        &|name| matcher.organisation(name),
        &get(Field::Organisation),
        &get(Field::OrganisationZh),
    );
    let matched = matcher.person(&person);
    Some(ParsedPerson {
        source: row.join(" | "),
        person,
        organisation,
        matched,
        uncertain,
    })
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

    /// People of the same name get numbered ids in list order, as before the index.
    #[test]
    fn namesakes_are_numbered_in_order() {
        let mut project = Project::default();
        project.people.insert(
            PersonId::from("wang-wei"),
            Person {
                family_name: "Old".into(),
                ..Default::default()
            },
        );
        let parsed: Vec<ParsedPerson> = (0..4)
            .map(|_| ParsedPerson {
                source: String::new(),
                person: Person {
                    family_name: "Wang".into(),
                    given_name: "Wei".into(),
                    ..Default::default()
                },
                organisation: OrganisationRef::None,
                matched: None,
                uncertain: BTreeSet::new(),
            })
            .collect();
        let (_, summary) = build_edit(&project, &parsed, None);
        let ids: Vec<&str> = summary.added_people.iter().map(PersonId::as_str).collect();
        assert_eq!(
            ids,
            ["wang-wei-2", "wang-wei-2-2", "wang-wei-2-3", "wang-wei-2-4"]
        );
    }
}
