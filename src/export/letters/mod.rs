//! Per-person documents from Word templates: visa invitation letters, certificates of
//! attendance, anything a user's own letterhead says with `{{placeholders}}`.
//!
//! Generation checks first: every placeholder the template uses must name a field
//! ([`fields::FIELDS`] or a custom personal field), and have a value for every person
//! chosen; otherwise nothing is made and the caller gets the list of who lacks what. Then
//! one document per person: the template filled (Word), or, for a built-in template, a PDF
//! laid out by the app's own engine from the same text.

mod builtin;
pub mod fields;
mod fill;
mod template;

use std::collections::BTreeSet;

use chrono::NaiveDate;

pub use builtin::Builtin;
pub use fields::{FIELDS, FieldInfo, FieldScope, LetterContext, field_label, field_name};
pub use fill::{Placeholder, REPEAT_SCOPES, XmlError};
pub use template::{
    Found, MAX_PART_BYTES, MAX_TEMPLATE_BYTES, MAX_TEXT_BYTES, MAX_ZIP_MEMBERS, PartKind, Template,
    TemplateError,
};

use super::ExportLanguage;
use super::pdf::{self, Block};
use crate::model::{AttendanceStatus, Meeting, MeetingId, PersonId, Project};

/// The file format of the letters.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum LetterFormat {
    /// Word documents, from any template.
    #[default]
    Docx,
    /// PDF, from a built-in template (the app lays it out itself).
    Pdf,
}

impl LetterFormat {
    /// The file-name extension.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Docx => "docx",
            Self::Pdf => "pdf",
        }
    }
}

/// Which template the letters come from.
#[derive(Clone, Debug)]
pub enum LetterTemplate {
    /// One that comes with the app.
    Builtin(Builtin),
    /// A user's Word template, read.
    Word(Template),
}

/// Why no letters were made.
#[derive(Debug, thiserror::Error)]
pub enum LetterError {
    /// The template file cannot be used.
    #[error(transparent)]
    Template(#[from] TemplateError),
    /// No such meeting.
    #[error("there is no meeting `{0}` in the project")]
    NoMeeting(MeetingId),
    /// A person asked for is not in the project.
    #[error("there is no person `{0}` in the project")]
    NoPerson(PersonId),
    /// Nobody to write to.
    #[error(
        "no one to write to: the meeting has no attendees who are invited, confirmed or attending; add them, or name them with --people"
    )]
    NobodyChosen,
    /// PDF asked of a user's Word template.
    #[error(
        "a PDF can be made from a built-in template only; make Word documents from your own template (and print them to PDF from Word or LibreOffice)"
    )]
    PdfNeedsBuiltin,
    /// The template names fields that do not exist, or has placeholders left open.
    #[error("{}", template_problems_en(.0))]
    Placeholders(TemplateProblems),
    /// Values are missing: nothing was made.
    #[error("{} missing values; nothing was written", .0.len())]
    Missing(Vec<Missing>),
    /// The PDF engine failed.
    #[error(transparent)]
    Pdf(#[from] pdf::PdfError),
    /// The user cancelled.
    #[error("cancelled")]
    Cancelled,
}

/// What is wrong with the placeholders of a template.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TemplateProblems {
    /// Names that are no field, each with the closest field's name when one is close.
    pub unknown: Vec<(String, Option<String>)>,
    /// `{{` never closed in its paragraph (the text after it).
    pub unclosed: Vec<String>,
    /// `{{member.…}}` or `{{day.…}}` outside a table row, where nothing can repeat.
    pub outside_row: Vec<String>,
}

impl TemplateProblems {
    /// True when there is nothing wrong.
    pub fn is_empty(&self) -> bool {
        self.unknown.is_empty() && self.unclosed.is_empty() && self.outside_row.is_empty()
    }
}

fn template_problems_en(p: &TemplateProblems) -> String {
    let mut lines = Vec::new();
    for (name, close) in &p.unknown {
        lines.push(match close {
            Some(c) => format!("{{{{{name}}}}} is no field; did you mean {{{{{c}}}}}?"),
            None => format!("{{{{{name}}}}} is no field (see the list of fields)"),
        });
    }
    for text in &p.unclosed {
        lines.push(format!(
            "a placeholder is not closed: {{{{{text}… (each needs its }}}} in the same paragraph)"
        ));
    }
    for name in &p.outside_row {
        lines.push(format!(
            "{{{{{name}}}}} must be in a table row, which is repeated for each one"
        ));
    }
    format!("the template cannot be used: {}", lines.join("; "))
}

/// A value a letter needs and the project lacks.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Missing {
    /// Whose value: a person, or the meeting itself (its host, its letter details).
    pub person: Option<PersonId>,
    /// The field (`passport_number`, `accommodation`, a custom field's key).
    pub field: String,
}

/// The people a meeting's letters go to unless chosen: its guests (attendees who are not
/// on the host's side), invited, confirmed or attending; everyone who is when the meeting
/// has no host. In protocol order, side by side.
pub fn default_people(project: &Project, meeting: &Meeting) -> Vec<PersonId> {
    let host_side = meeting.host.as_ref().and_then(|host| {
        meeting
            .sides
            .iter()
            .find(|s| s.organisations.contains(host))
            .map(|s| s.id.clone())
    });
    let sides = meeting
        .sides
        .iter()
        .map(|s| Some(&s.id))
        .chain(std::iter::once(None));
    let mut out = Vec::new();
    for side in sides {
        if host_side.is_some() && side == host_side.as_ref() {
            continue;
        }
        for a in meeting.precedence(&project.people, side) {
            if !matches!(
                a.status,
                AttendanceStatus::Declined | AttendanceStatus::Absent
            ) && !out.contains(&a.person)
            {
                out.push(a.person.clone());
            }
        }
    }
    out
}

/// The letters to make: one context per person, each with the members of their delegation
/// (the chosen people on the same side, in protocol order).
///
/// # Errors
/// [`LetterError::NoPerson`] for a person not in the project.
pub fn contexts<'a>(
    project: &'a Project,
    meeting: &'a Meeting,
    people: &'a [PersonId],
    language: ExportLanguage,
    today: NaiveDate,
) -> Result<Vec<LetterContext<'a>>, LetterError> {
    if let Some(unknown) = people.iter().find(|p| !project.people.contains_key(*p)) {
        return Err(LetterError::NoPerson(unknown.clone()));
    }
    let side_of = |id: &PersonId| {
        meeting
            .attendees
            .iter()
            .find(|a| &a.person == id)
            .and_then(|a| a.side.clone())
    };
    // Protocol order within each side, as the attendee list prints it.
    let mut ordered: Vec<&PersonId> = Vec::new();
    let sides = meeting
        .sides
        .iter()
        .map(|s| Some(&s.id))
        .chain(std::iter::once(None));
    for side in sides {
        for a in meeting.precedence(&project.people, side) {
            if let Some(id) = people.iter().find(|p| **p == a.person)
                && !ordered.contains(&id)
            {
                ordered.push(id);
            }
        }
    }
    for id in people {
        if !ordered.contains(&id) {
            ordered.push(id);
        }
    }
    Ok(people
        .iter()
        .map(|person| {
            let side = side_of(person);
            LetterContext {
                project,
                meeting,
                person,
                members: ordered
                    .iter()
                    .copied()
                    .filter(|m| side_of(m) == side)
                    .collect(),
                language,
                today,
            }
        })
        .collect())
}

/// The placeholders of a template (a built-in one's from its blocks), each once.
fn placeholders_of(template: &LetterTemplate, language: ExportLanguage) -> Vec<Placeholder> {
    let mut seen = BTreeSet::new();
    let all: Vec<Placeholder> = match template {
        LetterTemplate::Word(t) => t.found.iter().map(|f| f.placeholder.clone()).collect(),
        LetterTemplate::Builtin(b) => {
            let mut out = Vec::new();
            for block in b.blocks(language) {
                for (text, in_row) in block_texts(&block) {
                    for name in names_in(text) {
                        let scope = if in_row { fill::scope_of(&name) } else { None };
                        out.push(Placeholder { name, scope });
                    }
                }
            }
            for name in names_in(b.header(language)) {
                out.push(Placeholder { name, scope: None });
            }
            out
        }
    };
    all.into_iter().filter(|p| seen.insert(p.clone())).collect()
}

/// The texts of a block, each with whether it is in a table's body row.
fn block_texts(block: &Block) -> Vec<(&str, bool)> {
    match block {
        Block::Title(t)
        | Block::Heading(t)
        | Block::Paragraph(t)
        | Block::Small(t)
        | Block::RunningHeader(t) => {
            vec![(t.as_str(), false)]
        }
        Block::Table { header, rows, .. } => header
            .iter()
            .map(|c| (c.as_str(), false))
            .chain(rows.iter().flatten().map(|c| (c.as_str(), true)))
            .collect(),
        Block::Spacer(_) | Block::PageBreak => Vec::new(),
    }
}

/// The placeholder names in a text.
fn names_in(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    fill_text(text, &mut |name| {
        out.push(name.to_owned());
        String::new()
    });
    out
}

/// `text` with each `{{name}}` replaced by `value(name)`.
fn fill_text(text: &str, value: &mut dyn FnMut(&str) -> String) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find("{{") {
        let Some(close) = rest.get(open + 2..).and_then(|r| r.find("}}")) else {
            break;
        };
        out.push_str(rest.get(..open).unwrap_or_default());
        let name = rest.get(open + 2..open + 2 + close).unwrap_or_default();
        out.push_str(&value(&name.trim().to_ascii_lowercase()));
        rest = rest.get(open + 2 + close + 2..).unwrap_or_default();
    }
    out.push_str(rest);
    out
}

/// What is wrong with the placeholders of `template` for `project`: unknown names (with a
/// suggestion), unclosed ones, repeated fields outside a row.
pub fn template_problems(
    template: &LetterTemplate,
    project: &Project,
    language: ExportLanguage,
) -> TemplateProblems {
    let mut problems = TemplateProblems::default();
    for p in placeholders_of(template, language) {
        match field_name(&p.name, project) {
            None => {
                if !problems.unknown.iter().any(|(n, _)| *n == p.name) {
                    problems
                        .unknown
                        .push((p.name.clone(), closest_field(&p.name, project)));
                }
            }
            Some(parsed) if parsed.scope.is_some() && p.scope.is_none() => {
                if !problems.outside_row.contains(&p.name) {
                    problems.outside_row.push(p.name.clone());
                }
            }
            Some(_) => {}
        }
    }
    if let LetterTemplate::Word(t) = template {
        problems.unclosed = t.unclosed.clone();
    }
    problems
}

/// The field whose name is closest to a misspelt one (`pasport_number`), when one is
/// within a few edits.
fn closest_field(name: &str, project: &Project) -> Option<String> {
    let (prefix, field) = match name.split_once('.') {
        Some((p, f)) => (format!("{p}."), f),
        None => (String::new(), name),
    };
    let candidates = FIELDS
        .iter()
        .map(|f| f.name.to_owned())
        .chain(project.personal_fields.iter().map(|f| f.key.clone()));
    candidates
        .map(|c| (edit_distance(field, &c), c))
        .filter(|(d, _)| *d <= 3)
        .min()
        .map(|(_, c)| format!("{prefix}{c}"))
        .filter(|c| field_name(c, project).is_some())
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row.first().copied().unwrap_or(0);
        if let Some(first) = row.first_mut() {
            *first = i + 1;
        }
        for (j, cb) in b.iter().enumerate() {
            let insert = row.get(j + 1).copied().unwrap_or(usize::MAX);
            let delete = row.get(j).copied().unwrap_or(usize::MAX);
            let replace = previous + usize::from(ca != *cb);
            previous = insert;
            if let Some(cell) = row.get_mut(j + 1) {
                *cell = replace
                    .min(insert.saturating_add(1))
                    .min(delete.saturating_add(1));
            }
        }
    }
    row.last().copied().unwrap_or(0)
}

/// Every value the letters need and the project lacks: per person (their own fields, and
/// each member's in a repeated row) and for the meeting; sorted, each once.
pub fn missing_values(template: &LetterTemplate, letters: &[LetterContext<'_>]) -> Vec<Missing> {
    let Some(first) = letters.first() else {
        return Vec::new();
    };
    let placeholders = placeholders_of(template, first.language);
    let mut missing = BTreeSet::new();
    for ctx in letters {
        for p in &placeholders {
            let Some(parsed) = field_name(&p.name, ctx.project) else {
                continue;
            };
            let meeting_field = parsed.scope.is_none()
                && FIELDS
                    .iter()
                    .any(|f| f.name == parsed.field && f.scope == FieldScope::Meeting);
            match parsed.scope {
                Some("member") => {
                    for (i, member) in ctx.members.iter().enumerate() {
                        if ctx.value(&p.name, Some(("member", i))).is_none() {
                            missing.insert(Missing {
                                person: Some((*member).clone()),
                                field: parsed.field.to_owned(),
                            });
                        }
                    }
                }
                Some(_) => {
                    for i in 0..ctx.meeting.days.len() {
                        if ctx.value(&p.name, Some(("day", i))).is_none() {
                            missing.insert(Missing {
                                person: None,
                                field: format!("day.{}", parsed.field),
                            });
                        }
                    }
                }
                None if ctx.value(&p.name, None).is_none() => {
                    missing.insert(Missing {
                        person: (!meeting_field).then(|| ctx.person.clone()),
                        field: parsed.field.to_owned(),
                    });
                }
                None => {}
            }
        }
    }
    missing.into_iter().collect()
}

/// One letter made: its file name and bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Letter {
    /// The person.
    pub person: PersonId,
    /// The file name (from the person's name).
    pub file_name: String,
    /// The file's bytes.
    pub bytes: Vec<u8>,
}

/// Letters made, and the characters of the PDFs no font could print.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Letters {
    /// One per person, in the order asked.
    pub letters: Vec<Letter>,
    /// Characters that would print as boxes (PDF only), sorted.
    pub unprintable: Vec<char>,
}

/// File names for the people's letters: their names (`HUANG Jixian 黄继先.docx`), without
/// the characters file systems refuse, made unique (`… (2).docx`).
pub fn file_names(project: &Project, people: &[PersonId], extension: &str) -> Vec<String> {
    let mut taken: BTreeSet<String> = BTreeSet::new();
    people
        .iter()
        .map(|id| {
            let name = project
                .people
                .get(id)
                .map(crate::model::Person::display_name)
                .unwrap_or_default();
            let base = safe_file_stem(&name, id.as_str());
            let mut file = format!("{base}.{extension}");
            let mut n = 2;
            while !taken.insert(file.to_lowercase()) {
                file = format!("{base} ({n}).{extension}");
                n += 1;
            }
            file
        })
        .collect()
}

/// A name as a file name: no path separators, no characters Windows refuses, no control
/// characters, no leading or trailing dots or spaces, at most 80 characters.
fn safe_file_stem(name: &str, fallback: &str) -> String {
    let cleaned: String = super::sanitize_cell(name)
        .chars()
        .map(|c| {
            if c.is_control() || matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') {
                ' '
            } else {
                c
            }
        })
        .collect();
    let words: Vec<&str> = cleaned.split_whitespace().collect();
    let joined: String = words.join(" ").chars().take(80).collect();
    let trimmed = joined.trim_matches(|c: char| c == '.' || c.is_whitespace());
    // Names Windows keeps for devices.
    let reserved = ["con", "prn", "aux", "nul", "com1", "lpt1"];
    if trimmed.is_empty() || reserved.contains(&trimmed.to_lowercase().as_str()) {
        fallback.to_owned()
    } else {
        trimmed.to_owned()
    }
}

/// The Word template of a built-in letter in `language` (what "Save a copy to edit"
/// writes, and what its Word letters are filled from).
///
/// # Errors
/// Only on a bug (docx-rs writing to memory).
pub fn builtin_docx(builtin: Builtin, language: ExportLanguage) -> Result<Vec<u8>, LetterError> {
    let blocks = builtin.blocks(language);
    super::docx::from_blocks(
        &blocks,
        builtin.header(language),
        "",
        &super::docx::Properties {
            title: builtin.label(language == ExportLanguage::Zh).to_owned(),
            author: String::new(),
            made: chrono::Utc::now(),
            chinese: language == ExportLanguage::Zh,
        },
    )
    .map_err(|e| {
        LetterError::Template(TemplateError::Unreadable {
            part: "built-in template".to_owned(),
            reason: e.to_string(),
        })
    })
}

/// The Word template of `template` in `language`: a user's as read, a built-in one made.
///
/// # Errors
/// As [`builtin_docx`] and [`Template::from_docx`].
pub fn word_template(
    template: &LetterTemplate,
    language: ExportLanguage,
) -> Result<Template, LetterError> {
    match template {
        LetterTemplate::Word(t) => Ok(t.clone()),
        LetterTemplate::Builtin(b) => Ok(Template::from_docx(builtin_docx(*b, language)?)?),
    }
}

/// A built-in letter as a PDF, laid out by the app's engine.
fn builtin_pdf(builtin: Builtin, ctx: &LetterContext<'_>) -> Result<Vec<u8>, LetterError> {
    let language = ctx.language;
    let fill = |text: &str, row: Option<(&'static str, usize)>| {
        fill_text(text, &mut |name| ctx.value(name, row).unwrap_or_default())
    };
    let mut blocks = Vec::new();
    for block in builtin.blocks(language) {
        blocks.push(match block {
            Block::Title(t) => Block::Title(fill(&t, None)),
            Block::Heading(t) => Block::Heading(fill(&t, None)),
            Block::Paragraph(t) => Block::Paragraph(fill(&t, None)),
            Block::Small(t) => Block::Small(fill(&t, None)),
            Block::Table {
                widths,
                header,
                rows,
            } => {
                let mut filled = Vec::new();
                for row in rows {
                    let repeats = row
                        .iter()
                        .any(|c| names_in(c).iter().any(|n| n.starts_with("member.")));
                    if repeats {
                        for i in 0..ctx.members.len() {
                            filled.push(row.iter().map(|c| fill(c, Some(("member", i)))).collect());
                        }
                    } else {
                        filled.push(row.iter().map(|c| fill(c, None)).collect());
                    }
                }
                Block::Table {
                    widths,
                    header: header.iter().map(|c| fill(c, None)).collect(),
                    rows: filled,
                }
            }
            other => other,
        });
    }
    let name = ctx
        .project
        .people
        .get(ctx.person)
        .map(crate::model::Person::display_name)
        .unwrap_or_default();
    let doc = pdf::Document {
        title: format!("{} — {name}", builtin.label(language == ExportLanguage::Zh)),
        footer: fill(builtin.header(language), None),
        page: pdf::PageSize::A4Portrait,
        blocks,
    };
    Ok(pdf::render(&doc)?)
}

/// Makes the letters for `letters` from `template`, after checking the template and every
/// value: when anything is missing, nothing is made. `progress(done, total)` is called per
/// letter and stops the work when it returns false.
///
/// # Errors
/// [`LetterError::Placeholders`] and [`LetterError::Missing`] before anything is made;
/// [`LetterError::PdfNeedsBuiltin`]; a template or PDF failure; [`LetterError::Cancelled`].
pub fn generate(
    template: &LetterTemplate,
    letters: &[LetterContext<'_>],
    format: LetterFormat,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<Letters, LetterError> {
    let Some(first) = letters.first() else {
        return Err(LetterError::NobodyChosen);
    };
    let language = first.language;
    if format == LetterFormat::Pdf && matches!(template, LetterTemplate::Word(_)) {
        return Err(LetterError::PdfNeedsBuiltin);
    }
    let problems = template_problems(template, first.project, language);
    if !problems.is_empty() {
        return Err(LetterError::Placeholders(problems));
    }
    let missing = missing_values(template, letters);
    if !missing.is_empty() {
        return Err(LetterError::Missing(missing));
    }
    let people: Vec<PersonId> = letters.iter().map(|l| l.person.clone()).collect();
    let names = file_names(first.project, &people, format.extension());
    let word = match format {
        LetterFormat::Docx => Some(word_template(template, language)?),
        LetterFormat::Pdf => None,
    };
    let total = letters.len();
    let mut out = Letters::default();
    let (made, unprintable) = pdf::unprintable_during(|| -> Result<Vec<Letter>, LetterError> {
        let mut made = Vec::with_capacity(total);
        for (i, (ctx, file_name)) in letters.iter().zip(names).enumerate() {
            if !progress(i, total) {
                return Err(LetterError::Cancelled);
            }
            let bytes = match (&word, template) {
                (Some(word), _) => {
                    word.fill(&|name, row| ctx.value(name, row), &|scope| match scope {
                        "member" => ctx.members.len(),
                        "day" => ctx.meeting.days.len(),
                        _ => 0,
                    })?
                }
                (None, LetterTemplate::Builtin(b)) => builtin_pdf(*b, ctx)?,
                (None, LetterTemplate::Word(_)) => return Err(LetterError::PdfNeedsBuiltin),
            };
            made.push(Letter {
                person: ctx.person.clone(),
                file_name,
                bytes,
            });
        }
        progress(total, total);
        Ok(made)
    });
    out.letters = made?;
    out.unprintable = unprintable;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_safe_and_unique() {
        assert_eq!(
            safe_file_stem("HUANG Jixian 黄继先", "x"),
            "HUANG Jixian 黄继先"
        );
        assert_eq!(safe_file_stem("a/b\\c:d*e?\u{202E}", "x"), "a b c d e");
        assert_eq!(safe_file_stem(" .. ", "huang"), "huang");
        assert_eq!(safe_file_stem("CON", "huang"), "huang");
    }

    #[test]
    fn misspelt_fields_get_a_suggestion() {
        let project = Project::default();
        assert_eq!(
            closest_field("pasport_number", &project).as_deref(),
            Some("passport_number")
        );
        assert_eq!(
            closest_field("member.nme", &project).as_deref(),
            Some("member.name")
        );
        assert_eq!(closest_field("xyzzy_plugh", &project), None);
    }

    #[test]
    fn text_placeholders_fill() {
        let filled = fill_text("a {{ X }} b {{y}}", &mut |n| n.to_uppercase());
        assert_eq!(filled, "a X b Y");
    }
}
