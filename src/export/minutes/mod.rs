//! The minutes of a meeting (会谈纪要): what was said and agreed, item by item, in Markdown,
//! HTML, PDF and Word.
//!
//! The header names the meeting, its dates and venue, the sides and their heads of
//! delegation, and carries the draft/final mark and the version date, which every page
//! repeats at its top; then the attendees by side in protocol order; then each agenda item
//! under the number the agenda gives it (breaks have none) with its summary, decisions and
//! the commitments made under it (owner per side, due date); then every agreed point in
//! one list and the points only proposed in another; then a signature block per side
//! (PDF and Word). In both languages each item is a two-column table, English beside
//! Chinese, the layout of a bilingual 会谈纪要. A document in one language holds no
//! paragraph in the other: a text not yet translated says so in its place.
//!
//! The record is gathered once ([`Record`]) and each format only lays it out
//! (`layout.rs`), with the words it prints in both languages (`words.rs`).

mod layout;
mod words;

pub use layout::{html, markdown, parts};
pub use words::mark_text;

use chrono::NaiveDate;

use super::docx::Part;
use super::request::Stamp;
use super::text::{ExportLanguage, footer_line};
use super::{ExportError, pdf};
use crate::model::{
    AttendanceStatus, Bilingual, Commitment, CommitmentId, CommitmentStatus, Meeting, MeetingId,
    MinutesStage, Owner, Project,
};
use words::title_line;

/// The formats the minutes can be exported to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum MinutesFormat {
    /// Word document, to edit, countersign and file.
    Docx,
    /// PDF with the Chinese font embedded.
    Pdf,
    /// Print-ready HTML.
    Html,
    /// Markdown.
    Md,
}

impl MinutesFormat {
    /// Every format, in menu order.
    pub const ALL: [Self; 4] = [Self::Docx, Self::Pdf, Self::Html, Self::Md];

    /// The file-name extension.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Docx => "docx",
            Self::Pdf => "pdf",
            Self::Html => "html",
            Self::Md => "md",
        }
    }
}

/// The stage and version date printed on the minutes, when they are not the meeting's own.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MinutesMark {
    /// Draft or final; the meeting's stage when `None`.
    pub stage: Option<MinutesStage>,
    /// The version date; the meeting's, else the day of the export, when `None`.
    pub version: Option<NaiveDate>,
}

/// A name as each language of the minutes writes it (see [`super::names`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Name {
    /// In English text: `Mr. HUANG Jixian`, `Ms. Myriam AUGEREAU LANDAIS`.
    pub en: String,
    /// In Chinese text: `黄继先`, `Myriam AUGEREAU LANDAIS 女士`.
    pub zh: String,
    /// In both at once: `Mr. HUANG Jixian 黄继先`.
    pub both: String,
}

impl Name {
    /// The name in `lang`.
    pub fn get(&self, lang: ExportLanguage) -> &str {
        match lang {
            ExportLanguage::En => &self.en,
            ExportLanguage::Zh => &self.zh,
            ExportLanguage::Both => &self.both,
        }
    }
}

/// A commitment as the minutes print it.
pub struct CommitmentLine {
    /// `1`, `2`, and `1.1` for a sub-point of the first.
    pub number: String,
    /// Its title.
    pub title: Bilingual,
    /// Who carries it, side by side: `(side, name)`.
    pub owners: Vec<(Bilingual, Name)>,
    /// When it is due.
    pub due: Option<NaiveDate>,
    /// The number of the item it was agreed under, when any.
    pub item: Option<usize>,
    /// Only proposed at the meeting, not agreed: listed apart from the agreed points.
    pub proposed: bool,
}

/// One agenda item's record.
pub struct ItemRecord {
    /// `1`, `2`…: its number in the programme, days together, as the agenda prints it;
    /// none for a break, a meal or a reception.
    pub number: Option<usize>,
    /// Its title.
    pub title: Bilingual,
    /// What was said.
    pub summary: Bilingual,
    /// What was decided.
    pub decisions: Vec<Bilingual>,
    /// The commitments made under it.
    pub commitments: Vec<CommitmentLine>,
}

/// One side at the meeting, as the header and the attendee list print it.
pub struct SideRecord {
    /// The delegation's name.
    pub name: Bilingual,
    /// Whether it is one of the meeting's sides (the last group gathers those with none).
    pub is_side: bool,
    /// Its head of delegation: name and title.
    pub head: Option<(Name, Bilingual)>,
    /// Who attended, in protocol order: name, title, organisation.
    pub attendees: Vec<(Name, Bilingual, Bilingual)>,
}

/// Everything the minutes print, gathered once for every format.
pub struct Record {
    /// The meeting's title.
    pub title: Bilingual,
    /// The project's title (in the footer).
    pub project: Bilingual,
    /// Draft or final.
    pub stage: MinutesStage,
    /// The date of this version.
    pub version: NaiveDate,
    /// First and last date.
    pub dates: (NaiveDate, NaiveDate),
    /// The venue.
    pub venue: Bilingual,
    /// The sides, in the meeting's order, then those with no side.
    pub sides: Vec<SideRecord>,
    /// Expected but not there.
    pub absent: Vec<Name>,
    /// The items, in programme order: those with a record, and every item that is not a
    /// break, a meal or a reception (a draft shows what is still to write).
    pub items: Vec<ItemRecord>,
    /// Every decision, in item order, with the number of its item.
    pub decisions: Vec<(Option<usize>, Bilingual)>,
    /// Every commitment agreed or proposed at the meeting, under an item or not.
    pub commitments: Vec<CommitmentLine>,
    /// The minutes' own words, in English and in Chinese.
    pub notes: Bilingual,
}

/// A text in two languages, the Chinese left empty when it is the English again, so that
/// both languages print it once.
fn distinct(en: String, zh: String) -> Bilingual {
    if en.trim() == zh.trim() {
        Bilingual::en(en)
    } else {
        Bilingual::new(en, zh)
    }
}

fn person_names(project: &Project, id: &crate::model::PersonId) -> Name {
    match project.people.get(id) {
        Some(p) => Name {
            en: p.formal_name_latin(),
            zh: p.chinese_text_name(),
            both: p.formal_name(),
        },
        None => Name {
            en: id.to_string(),
            zh: id.to_string(),
            both: id.to_string(),
        },
    }
}

fn organisation_name(project: &Project, id: &crate::model::OrganisationId) -> Name {
    let names = organisation_names(project, id);
    Name {
        en: names.get(false).to_owned(),
        zh: names.get(true).to_owned(),
        both: ExportLanguage::Both.text(&names),
    }
}

fn organisation_names(project: &Project, id: &crate::model::OrganisationId) -> Bilingual {
    match project.organisations.get(id) {
        Some(o) => distinct(
            o.short_name(false).to_owned(),
            o.short_name(true).to_owned(),
        ),
        None => Bilingual::en(id.to_string()),
    }
}

/// The side an owner belongs to at `meeting`: the person's side as an attendee, else the
/// side whose organisations hold the person's (or the owner's) organisation.
fn owner_side(project: &Project, meeting: &Meeting, owner: &Owner) -> Option<Bilingual> {
    let organisation = match owner {
        Owner::Person(p) => {
            if let Some(side) = meeting
                .attendees
                .iter()
                .find(|a| &a.person == p)
                .and_then(|a| a.side.as_ref())
                .and_then(|s| meeting.side(s))
            {
                return Some(side.name.clone());
            }
            project.people.get(p).and_then(|p| p.organisation.clone())
        }
        Owner::Organisation(o) => Some(o.clone()),
    }?;
    meeting
        .sides
        .iter()
        .find(|s| s.organisations.contains(&organisation))
        .map(|s| s.name.clone())
}

/// How deep sub-points are numbered (`1.2.3.4.5`); deeper ones are listed unnumbered.
const NUMBERED_DEPTH: usize = 5;

/// `commitments` in the order of their tree: each point, then its sub-points, numbered
/// `1`, `1.1`, `1.2`, `2`… A point whose parent is not among them is a point of its own.
/// Depth first with a stack of its own: a hand-made chain of thousands of sub-points is no
/// deeper for the program than a flat list, and a cycle of parents is listed once.
fn in_tree_order<'a>(
    commitments: &[(&'a CommitmentId, &'a Commitment)],
) -> Vec<(String, &'a Commitment)> {
    use std::collections::{BTreeMap, BTreeSet};
    let ids: BTreeSet<&CommitmentId> = commitments.iter().map(|(id, _)| *id).collect();
    let mut children: BTreeMap<&CommitmentId, Vec<(&CommitmentId, &Commitment)>> = BTreeMap::new();
    let mut roots = Vec::new();
    for (id, c) in commitments {
        match c.parent.as_ref().filter(|p| ids.contains(p) && p != id) {
            Some(parent) => children.entry(parent).or_default().push((*id, *c)),
            None => roots.push((*id, *c)),
        }
    }
    let mut out = Vec::with_capacity(commitments.len());
    let mut seen = BTreeSet::new();
    let mut stack: Vec<(String, usize, &CommitmentId, &Commitment)> = roots
        .iter()
        .enumerate()
        .rev()
        .map(|(n, (id, c))| ((n + 1).to_string(), 1, *id, *c))
        .collect();
    while let Some((number, depth, id, c)) = stack.pop() {
        if !seen.insert(id) {
            continue;
        }
        if let Some(kids) = children.get(id) {
            for (n, (kid, kc)) in kids.iter().enumerate().rev() {
                let sub = if depth < NUMBERED_DEPTH && !number.is_empty() {
                    format!("{number}.{}", n + 1)
                } else {
                    String::new()
                };
                stack.push((sub, depth + 1, *kid, *kc));
            }
        }
        out.push((number, c));
    }
    // Points on a cycle of parents have no root: they still show, at the end.
    for (id, c) in commitments {
        if seen.insert(id) {
            out.push((String::new(), *c));
        }
    }
    out
}

fn commitment_line(
    project: &Project,
    meeting: &Meeting,
    (number, c): (String, &Commitment),
    item: Option<usize>,
) -> CommitmentLine {
    CommitmentLine {
        number,
        title: if c.title.is_empty() {
            c.description.clone()
        } else {
            c.title.clone()
        },
        owners: c
            .owners
            .iter()
            .map(|o| {
                let name = match o {
                    Owner::Person(p) => person_names(project, p),
                    Owner::Organisation(org) => organisation_name(project, org),
                };
                // An organisation names its side itself.
                let side = match o {
                    Owner::Person(_) => owner_side(project, meeting, o).unwrap_or_default(),
                    Owner::Organisation(_) => Bilingual::default(),
                };
                (side, name)
            })
            .collect(),
        due: c.due,
        item,
        proposed: c.status == CommitmentStatus::Proposed,
    }
}

/// Gathers the record of meeting `id` for the minutes, version dated `today` unless the
/// mark or the meeting names a date.
pub fn record(
    project: &Project,
    id: &MeetingId,
    meeting: &Meeting,
    mark: MinutesMark,
    today: NaiveDate,
) -> Record {
    let mut sides = Vec::new();
    let mut absent = Vec::new();
    let side_ids = meeting
        .sides
        .iter()
        .map(|s| Some(&s.id))
        .chain(std::iter::once(None));
    for side in side_ids {
        let mut record = SideRecord {
            name: match side.and_then(|s| meeting.side(s)) {
                Some(s) => s.name.clone(),
                None => Bilingual::new("Other participants", "其他参会人员"),
            },
            is_side: side.is_some(),
            head: None,
            attendees: Vec::new(),
        };
        for attendee in meeting.precedence(&project.people, side) {
            let name = person_names(project, &attendee.person);
            let person = project.people.get(&attendee.person);
            let title = person.map(|p| p.title.clone()).unwrap_or_default();
            match attendee.status {
                AttendanceStatus::Declined => continue,
                AttendanceStatus::Absent => {
                    absent.push(name);
                    continue;
                }
                _ => {}
            }
            if attendee.role == crate::model::AttendanceRole::HeadOfDelegation
                && record.head.is_none()
            {
                record.head = Some((name.clone(), title.clone()));
            }
            let organisation = person
                .and_then(|p| p.organisation.as_ref())
                .map(|o| organisation_names(project, o))
                .unwrap_or_default();
            record.attendees.push((name, title, organisation));
        }
        if side.is_some() || !record.attendees.is_empty() {
            sides.push(record);
        }
    }
    let mut items = Vec::new();
    let mut decisions = Vec::new();
    // The meeting's commitments by item, in one pass (not one pass per item: a training
    // of 2,000 items in a project of 10,000 commitments).
    let mut by_item: std::collections::BTreeMap<&crate::model::ItemId, Vec<_>> =
        std::collections::BTreeMap::new();
    for (cid, c) in project
        .commitments
        .iter()
        .filter(|(_, c)| c.agreed_at.as_ref() == Some(id))
    {
        if let Some(item) = &c.agreed_item {
            by_item.entry(item).or_default().push((cid, c));
        }
    }
    let numbers = crate::model::item_numbers(meeting.items());
    for (item, number) in meeting.items().zip(numbers.iter().copied()) {
        let under = by_item.remove(&item.id).unwrap_or_default();
        let commitments: Vec<CommitmentLine> = in_tree_order(&under)
            .into_iter()
            .map(|c| commitment_line(project, meeting, c, None))
            .collect();
        let has_record = !item.outcome.is_empty() || !commitments.is_empty();
        // Breaks, meals and receptions are in the minutes only when something came of them.
        let routine = !item.kind.is_numbered();
        let item_decisions: Vec<Bilingual> = item
            .outcome
            .decisions
            .iter()
            .filter(|d| !d.is_empty())
            .cloned()
            .collect();
        decisions.extend(item_decisions.iter().map(|d| (number, d.clone())));
        if has_record || !routine {
            items.push(ItemRecord {
                number,
                title: item.title.clone(),
                summary: item.outcome.summary.clone(),
                decisions: item_decisions,
                commitments,
            });
        }
    }
    let agreed: Vec<_> = project
        .commitments
        .iter()
        .filter(|(_, c)| c.agreed_at.as_ref() == Some(id))
        .collect();
    let commitments = in_tree_order(&agreed)
        .into_iter()
        .map(|(number, c)| {
            let item = c
                .agreed_item
                .as_ref()
                .and_then(|i| meeting.items().position(|x| &x.id == i))
                .and_then(|n| numbers.get(n).copied().flatten());
            commitment_line(project, meeting, (number, c), item)
        })
        .collect();
    Record {
        title: meeting.title.clone(),
        project: project.info.title.clone(),
        stage: mark.stage.unwrap_or(meeting.minutes_stage),
        version: mark.version.or(meeting.minutes_version).unwrap_or(today),
        dates: (meeting.start_date(), meeting.end_date()),
        venue: meeting.venue.clone(),
        sides,
        absent,
        items,
        decisions,
        commitments,
        notes: Bilingual::new(meeting.minutes.clone(), meeting.minutes_zh.clone()),
    }
}

/// The minutes of meeting `id` in `format`, version dated `today` unless marked otherwise;
/// `stamp` says when and by whom the Word document is made.
///
/// # Errors
/// The PDF's or the Word document's errors.
pub fn render(
    project: &Project,
    id: &MeetingId,
    meeting: &Meeting,
    (format, lang): (MinutesFormat, ExportLanguage),
    mark: MinutesMark,
    today: NaiveDate,
    stamp: &Stamp,
) -> Result<Vec<u8>, ExportError> {
    let r = record(project, id, meeting, mark, today);
    Ok(match format {
        MinutesFormat::Md => markdown(&r, lang).into_bytes(),
        MinutesFormat::Html => html(&r, lang).into_bytes(),
        MinutesFormat::Pdf => pdf::render(&pdf::Document {
            title: title_line(&r, lang),
            footer: footer_line(&lang.text(&r.project), r.version, lang),
            page: pdf::PageSize::A4Portrait,
            blocks: parts(&r, lang).into_iter().map(Part::into_block).collect(),
        })?,
        MinutesFormat::Docx => {
            let header = mark_text(r.stage, r.version, lang);
            let footer = footer_line(&lang.text(&r.project), r.version, lang);
            super::docx::from_parts(
                &parts(&r, lang),
                &header,
                &footer,
                &stamp.properties(title_line(&r, lang), lang),
            )?
        }
    })
}
