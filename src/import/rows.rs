//! The rows of a table turned into people, each cell into its field by the column's
//! mapping and its own script: Chinese text never lands in an English field, nor Latin
//! text in a Chinese one. Every row is accounted for: a person, or skipped with a reason.

use super::attendees::{
    AttendanceCells, Field, Matcher, OrganisationRef, ParsedPerson, Preview, SkipReason, SkippedRow,
};
use super::names::{
    gender_honorific, halfwidth, has_han, has_latin, honorific_word, is_han, proper_case_family,
    proper_case_given, split_by_script, split_latin_name, strip_honorifics,
};
use super::personal_dates::{DateKind, parse_personal_date};
use super::table::Table;
use crate::model::{
    AttendanceMode, AttendanceRole, AttendanceStatus, Bilingual, Choice, Honorific, NameOrder,
    Person, Project,
};

/// How many rows [`rows_to_preview`] converts between two progress reports.
pub const ROWS_PER_REPORT: usize = 512;

/// People from the rows of `table`, with the columns mapped as given (skipped rows left
/// out; [`rows_to_preview`] keeps them).
pub fn rows_to_people(
    table: &Table,
    mapping: &[Option<Field>],
    project: &Project,
) -> Vec<ParsedPerson> {
    rows_to_preview(table, mapping, &Matcher::new(project), &mut |_| true)
        .map(|p| p.people)
        .unwrap_or_default()
}

/// [`rows_to_people`] against a prepared [`Matcher`], with progress (see
/// [`rows_to_preview`]).
pub fn rows_to_people_with(
    table: &Table,
    mapping: &[Option<Field>],
    matcher: &Matcher,
    progress: &mut dyn FnMut(usize) -> bool,
) -> Option<Vec<ParsedPerson>> {
    rows_to_preview(table, mapping, matcher, progress).map(|p| p.people)
}

/// Every row of `table`: a person matched against `matcher`'s project, or a skipped row
/// with its reason (the titles above the header too). Reports the rows done every
/// [`ROWS_PER_REPORT`] rows to `progress`; when it returns false the work stops and the
/// result is `None` (the user cancelled).
pub fn rows_to_preview(
    table: &Table,
    mapping: &[Option<Field>],
    matcher: &Matcher,
    progress: &mut dyn FnMut(usize) -> bool,
) -> Option<Preview> {
    let columns: Vec<(usize, Field)> = mapping
        .iter()
        .enumerate()
        .filter_map(|(i, f)| f.map(|f| (i, f)))
        .collect();
    let has_order_column = columns.iter().any(|(_, f)| *f == Field::NameOrder);
    let header_key = fold_row(&table.headers);
    let mut preview = Preview::default();
    for (line, text) in &table.above {
        let reason = if text.trim().is_empty() {
            SkipReason::Blank
        } else {
            SkipReason::Title
        };
        preview.skipped.push(SkippedRow {
            line: *line,
            text: text.clone(),
            reason,
        });
    }
    preview.people.reserve(table.rows.len());
    for (n, row) in table.rows.iter().enumerate() {
        if n.is_multiple_of(ROWS_PER_REPORT) && !progress(n) {
            return None;
        }
        let line = table.lines.get(n).copied().unwrap_or(0);
        let skip = |reason| SkippedRow {
            line,
            text: joined(row),
            reason,
        };
        if row.iter().all(String::is_empty) {
            preview.skipped.push(skip(SkipReason::Blank));
        } else if fold_row(row) == header_key {
            preview.skipped.push(skip(SkipReason::RepeatedHeader));
        } else if is_total_row(row) {
            preview.skipped.push(skip(SkipReason::Total));
        } else {
            match row_to_person(row, &columns, has_order_column, matcher, line) {
                Some(person) => preview.people.push(person),
                None => preview.skipped.push(skip(SkipReason::NoName)),
            }
        }
    }
    progress(table.rows.len());
    Some(preview)
}

/// A gender as lists write it: `F`, `Female`, `女`, `weiblich`, `Femme`, `M`, `男`, `H`
/// (homme), `X`.
pub fn gender_of(cell: &str) -> Option<crate::model::Gender> {
    use crate::model::Gender;
    match cell.trim().trim_end_matches('.').to_lowercase().as_str() {
        "f" | "w" | "female" | "woman" | "女" | "女性" | "femme" | "féminin" | "feminin"
        | "weiblich" | "frau" => Some(Gender::Female),
        "m" | "h" | "male" | "man" | "男" | "男性" | "homme" | "masculin" | "männlich"
        | "mannlich" | "herr" => Some(Gender::Male),
        "x" | "other" | "divers" | "d" | "autre" | "其他" => Some(Gender::Other),
        _ => None,
    }
}

fn joined(row: &[String]) -> String {
    row.iter()
        .filter(|c| !c.is_empty())
        .cloned()
        .collect::<Vec<_>>()
        .join(" | ")
}

fn fold_row(row: &[String]) -> String {
    row.iter()
        .map(|c| crate::model::fold_for_search(c))
        .collect::<Vec<_>>()
        .join("\u{1F}")
}

/// A total line: `共计 3 人`, `合计：12`, `Total: 12`, `Insgesamt 5` (a few cells at most,
/// the first starting with the word, a number somewhere).
pub fn is_total_row(row: &[String]) -> bool {
    let filled: Vec<&str> = row
        .iter()
        .filter(|c| !c.is_empty())
        .map(String::as_str)
        .collect();
    let Some(first) = filled.first() else {
        return false;
    };
    if filled.len() > 3 {
        return false;
    }
    is_total_text(first)
        && filled
            .iter()
            .any(|c| c.chars().any(|ch| ch.is_ascii_digit()))
}

/// Whether a line of text starts like a total (`共计`, `共 3 人`, `Total`…).
pub fn is_total_text(text: &str) -> bool {
    let text = halfwidth(text).trim().to_lowercase();
    const WORDS: [&str; 9] = [
        "共计",
        "合计",
        "总计",
        "小计",
        "total",
        "totals",
        "gesamt",
        "insgesamt",
        "summe",
    ];
    if WORDS.iter().any(|w| text.starts_with(w)) {
        return true;
    }
    // `共 3 人`, `共3人`.
    text.strip_prefix('共')
        .is_some_and(|rest| rest.trim_start().starts_with(|c: char| c.is_ascii_digit()))
}

/// The cells of one row gathered by field, each in its script.
#[derive(Default)]
struct Cells {
    honorific: Honorific,
    gender: Option<Honorific>,
    latin_names: Vec<String>,
    family: Vec<String>,
    given: Vec<String>,
    chinese_names: Vec<String>,
    chinese_family: String,
    chinese_given: String,
    order: Option<String>,
    org: (Vec<String>, Vec<String>),
    department: (Vec<String>, Vec<String>),
    title: (Vec<String>, Vec<String>),
    email: Vec<String>,
    phone: Vec<String>,
    notes: Vec<String>,
    attendance: AttendanceCells,
    personal: crate::model::PersonalData,
    /// Personal fields read with a guess (a date either way round, a date not read).
    uncertain: Vec<Field>,
}

fn push_split(target: &mut (Vec<String>, Vec<String>), cell: &str, acronym_splits: bool) {
    let (en, zh) = split_by_script(cell, acronym_splits);
    if !en.is_empty() {
        target.0.push(en);
    }
    if !zh.is_empty() {
        target.1.push(zh);
    }
}

/// A name cell split at the change of script: `HUANG Jixian 黄继先` → Latin and Chinese.
fn split_name_cell(cell: &str) -> (String, String) {
    let latin: String = cell.chars().filter(|c| !is_han(*c)).collect();
    let chinese: String = cell
        .chars()
        .filter(|c| is_han(*c) || c.is_whitespace())
        .collect();
    let chinese = match chinese.trim() {
        // Keep the alignment space of `方 艳` only between two single characters.
        t if t.split_whitespace().all(|w| w.chars().count() == 1) => t.to_owned(),
        t => t.split_whitespace().collect(),
    };
    (latin.trim().to_owned(), chinese)
}

/// A choice read back from its key or either label (`head`, `Head of delegation`, `团长`).
pub fn parse_choice<C: Choice>(text: &str) -> Option<C> {
    let t = text.trim();
    C::ALL.iter().copied().find(|c| {
        c.key().eq_ignore_ascii_case(t) || c.label_en().eq_ignore_ascii_case(t) || c.label_zh() == t
    })
}

impl Cells {
    fn take(&mut self, field: Field, cell: &str) {
        let text = |v: &mut Vec<String>| v.push(cell.to_owned());
        match field {
            Field::Honorific => {
                let h = honorific_word(cell)
                    .or_else(|| Some(strip_honorifics(&format!("{cell} x")).0))
                    .filter(|h| *h != Honorific::None)
                    .or_else(|| gender_honorific(cell));
                if let Some(h) = h {
                    self.honorific = h;
                }
            }
            Field::Gender => {
                self.gender = gender_honorific(cell);
                match gender_of(cell) {
                    Some(g) => self.personal.gender = g,
                    None => {
                        self.notes.push(format!("{}: {cell}", field.label_en()));
                        self.uncertain.push(field);
                    }
                }
            }
            Field::DateOfBirth | Field::PassportExpiry => {
                let kind = if field == Field::DateOfBirth {
                    DateKind::Birth
                } else {
                    DateKind::Expiry
                };
                match parse_personal_date(cell, kind) {
                    Some(read) => {
                        if field == Field::DateOfBirth {
                            self.personal.date_of_birth = Some(read.date);
                        } else {
                            self.personal.passport_expiry = Some(read.date);
                        }
                        if read.ambiguous {
                            self.uncertain.push(field);
                        }
                    }
                    // Kept where the user sees it, never dropped: the preview flags it.
                    None => {
                        self.notes.push(format!("{}: {cell}", field.label_en()));
                        self.uncertain.push(field);
                    }
                }
            }
            Field::Nationality => self.personal.nationality = cell.trim().to_owned(),
            Field::PassportNumber => {
                // Passport numbers are written spaced or in lower case now and then.
                self.personal.passport_number = cell
                    .chars()
                    .filter(|c| !c.is_whitespace())
                    .flat_map(char::to_uppercase)
                    .collect();
            }
            Field::Name => {
                let (latin, chinese) = split_name_cell(cell);
                if !latin.is_empty() {
                    self.latin_names.push(latin);
                }
                if !chinese.is_empty() {
                    self.chinese_names.push(chinese);
                }
            }
            Field::ChineseName => {
                if has_han(cell) || !has_latin(cell) {
                    text(&mut self.chinese_names);
                } else {
                    text(&mut self.latin_names);
                }
            }
            Field::FamilyName => {
                if has_han(cell) && !has_latin(cell) {
                    self.chinese_family.push_str(cell);
                } else {
                    text(&mut self.family);
                }
            }
            Field::GivenName => {
                if has_han(cell) && !has_latin(cell) {
                    self.chinese_given.push_str(cell);
                } else {
                    text(&mut self.given);
                }
            }
            Field::NameOrder => self.order = Some(cell.to_owned()),
            Field::Organisation | Field::OrganisationZh => push_split(&mut self.org, cell, true),
            Field::Department => push_split(&mut self.department, cell, false),
            Field::Title | Field::TitleZh => push_split(&mut self.title, cell, false),
            Field::Qualification => self.notes.push(if has_han(cell) {
                format!("职称：{cell}")
            } else {
                format!("Professional title: {cell}")
            }),
            Field::Email => text(&mut self.email),
            Field::Phone => text(&mut self.phone),
            Field::Notes => text(&mut self.notes),
            Field::Side => self.attendance.side = Some(cell.to_owned()),
            Field::Role => self.attendance.role = parse_choice::<AttendanceRole>(cell),
            Field::Status => self.attendance.status = parse_choice::<AttendanceStatus>(cell),
            Field::Order => self.attendance.rank = cell.trim().parse().ok(),
            Field::Attendance => self.attendance.mode = parse_choice::<AttendanceMode>(cell),
        }
    }
}

fn row_to_person(
    row: &[String],
    columns: &[(usize, Field)],
    has_order_column: bool,
    matcher: &Matcher,
    line: usize,
) -> Option<ParsedPerson> {
    let mut cells = Cells::default();
    for (i, field) in columns {
        if let Some(cell) = row.get(*i).filter(|c| !c.is_empty()) {
            cells.take(*field, cell);
        }
    }
    let mut entry = person_from_cells(cells, has_order_column)?;
    entry.line = line;
    entry.source = joined(row);
    let organisation = entry.organisation.clone();
    entry.organisation = resolve(matcher, organisation);
    entry.matched = match_person(matcher, &entry);
    Some(entry)
}

/// The organisation of the list matched against the project's.
fn resolve(matcher: &Matcher, org: OrganisationRef) -> OrganisationRef {
    match org {
        OrganisationRef::New(o) => super::attendees_text::resolve_organisation_by(
            &|name| matcher.organisation(name),
            if o.acronym.is_empty() {
                &o.name.en
            } else {
                &o.acronym
            },
            &o.name.zh,
        ),
        other => other,
    }
}

/// The existing person a parsed one is: by Chinese name alone when the Latin name was
/// only made from it (two different 王伟 are not one because their pinyin is).
pub fn match_person(matcher: &Matcher, entry: &ParsedPerson) -> Option<crate::model::PersonId> {
    if entry.from_pinyin {
        let chinese_only = Person {
            chinese_name: entry.person.chinese_name.clone(),
            ..Person::default()
        };
        matcher.person(&chinese_only)
    } else {
        matcher.person(&entry.person)
    }
}

/// A person from cells gathered by field; `None` when there is no name at all.
fn person_from_cells(cells: Cells, has_order_column: bool) -> Option<ParsedPerson> {
    let mut entry = ParsedPerson::new(String::new(), 0, Person::default(), OrganisationRef::None);
    let mut honorific = cells.honorific;
    let chinese = if cells.chinese_names.is_empty() {
        format!("{}{}", cells.chinese_family, cells.chinese_given)
    } else {
        cells.chinese_names.join(" ")
    };
    let (suffix, chinese) = strip_honorifics(&chinese);
    if honorific == Honorific::None {
        honorific = suffix;
    }
    let p = &mut entry.person;
    p.chinese_name = chinese;
    let mut order = None;
    if !cells.family.is_empty() || !cells.given.is_empty() {
        let (h, family) = strip_honorifics(&cells.family.join(" "));
        if honorific == Honorific::None {
            honorific = h;
        }
        p.family_name = proper_case_family(&family);
        p.given_name = proper_case_given(&cells.given.join(" "));
    } else if !cells.latin_names.is_empty() {
        let latin = split_latin_name(&cells.latin_names.join(" "));
        if honorific == Honorific::None {
            honorific = latin.honorific;
        }
        p.family_name = latin.family;
        p.given_name = latin.given;
        order = Some(latin.order);
        if latin.guessed {
            entry.uncertain.insert(Field::FamilyName);
        }
    } else if let Some(romanized) = super::romanize::romanize(&p.chinese_name) {
        p.family_name = romanized.family;
        p.given_name = romanized.given;
        entry.from_pinyin = true;
        entry.uncertain.insert(Field::FamilyName);
        entry.uncertain.insert(Field::GivenName);
    }
    if p.family_name.is_empty() && p.given_name.is_empty() && p.chinese_name.is_empty() {
        return None;
    }
    if p.family_name.is_empty() && !p.given_name.is_empty() && p.chinese_name.is_empty() {
        // A single Latin name (`Madonna`) is a person; which part it is, is a guess.
        entry.uncertain.insert(Field::FamilyName);
    }
    if p.family_name.is_empty() && !p.chinese_name.is_empty() {
        entry.uncertain.insert(Field::FamilyName);
    }
    p.honorific = if honorific == Honorific::None {
        cells.gender.unwrap_or(Honorific::None)
    } else {
        honorific
    };
    let explicit = cells.order.as_deref().and_then(parse_choice::<NameOrder>);
    // The list's own order column is the user's choice; else the Latin name's form, else
    // what the Chinese name suggests (a transliterated one, `安娜·施密特`, keeps the given
    // name first).
    p.name_order_chosen = explicit.is_some();
    p.name_order = explicit
        .or(order)
        .or_else(|| p.order_suggested_by_chinese_name())
        .unwrap_or(NameOrder::GivenFirst);
    if has_order_column && explicit.is_none() {
        entry.uncertain.insert(Field::NameOrder);
    }
    let title_en = join_nonempty(
        &[cells.title.0.join(" / "), cells.department.0.join(" / ")],
        ", ",
    );
    let title_zh = join_nonempty(
        &[cells.department.1.join(" "), cells.title.1.join(" ")],
        " ",
    );
    p.title = Bilingual::new(title_en, title_zh);
    p.email = cells.email.join("; ");
    p.phone = cells.phone.join("; ");
    p.notes = cells.notes.join("\n");
    let (org_en, org_zh) = (cells.org.0.join(" "), cells.org.1.join(" "));
    entry.organisation =
        super::attendees_text::resolve_organisation_by(&|_| None, &org_en, &org_zh);
    entry.attendance = cells.attendance;
    entry.person.personal = cells.personal;
    entry.uncertain.extend(cells.uncertain);
    Some(entry)
}

fn join_nonempty(parts: &[String], separator: &str) -> String {
    parts
        .iter()
        .filter(|p| !p.trim().is_empty())
        .cloned()
        .collect::<Vec<_>>()
        .join(separator)
}
