//! Attendee lists for the people outside the app: a CSV and an XLSX for the logistics team
//! (interchange layout, imports back unchanged), a printable list (HTML, Markdown, PDF)
//! grouped by side in protocol order, and folded name cards.

use chrono::NaiveDate;

use super::csv::CsvWriter;
use super::pdf;
use super::text::ExportLanguage;
use crate::import::attendees::Field;
use crate::model::{Attendee, Choice, Meeting, Organisation, Person, PersonId, Project};

/// Formats of an exported attendee list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum AttendeeFormat {
    /// CSV (UTF-8 with BOM) for spreadsheets.
    Csv,
    /// Excel workbook.
    Xlsx,
    /// Print-ready HTML.
    Html,
    /// Markdown.
    Md,
    /// PDF with the Chinese font embedded.
    Pdf,
    /// Word document, grouped by side in protocol order.
    Docx,
}

impl AttendeeFormat {
    /// Every format, in menu order.
    pub const ALL: [Self; 6] = [
        Self::Xlsx,
        Self::Csv,
        Self::Pdf,
        Self::Docx,
        Self::Html,
        Self::Md,
    ];

    /// The file-name extension.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Csv => "csv",
            Self::Xlsx => "xlsx",
            Self::Html => "html",
            Self::Md => "md",
            Self::Pdf => "pdf",
            Self::Docx => "docx",
        }
    }
}

/// Why an attendee export failed.
#[derive(Debug, thiserror::Error)]
pub enum AttendeeExportError {
    /// The PDF could not be made.
    #[error("could not make the PDF: {0}")]
    Pdf(#[from] pdf::PdfError),
    /// The workbook could not be made.
    #[error("could not make the workbook: {0}")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
    /// The Word document could not be made.
    #[error("could not make the Word document: {0}")]
    Docx(#[from] super::docx::DocxError),
}

/// The bytes of an attendee export: the people of the project, or `meeting`'s attendees.
/// A printed list of everyone is dated today.
///
/// # Errors
/// Only the workbook and the PDF can fail.
pub fn render(
    project: &Project,
    meeting: Option<&Meeting>,
    format: AttendeeFormat,
    lang: ExportLanguage,
) -> Result<Vec<u8>, AttendeeExportError> {
    render_on(
        project,
        meeting,
        format,
        lang,
        chrono::Local::now().date_naive(),
    )
}

/// [`render`], a printed list of everyone dated `today` (a meeting's list carries the
/// meeting's date).
///
/// # Errors
/// Only the workbook and the PDF can fail.
pub fn render_on(
    project: &Project,
    meeting: Option<&Meeting>,
    format: AttendeeFormat,
    lang: ExportLanguage,
    today: NaiveDate,
) -> Result<Vec<u8>, AttendeeExportError> {
    Ok(match format {
        AttendeeFormat::Csv => csv(project, meeting).into_bytes(),
        AttendeeFormat::Xlsx => xlsx(project, meeting)?,
        AttendeeFormat::Html => html(project, meeting, lang).into_bytes(),
        AttendeeFormat::Md => markdown(project, meeting, lang).into_bytes(),
        AttendeeFormat::Pdf => pdf_on(project, meeting, lang, today)?,
        AttendeeFormat::Docx => docx_on(project, meeting, lang, today)?,
    })
}

/// One line of the list.
pub struct Row<'p> {
    /// The person's id.
    pub id: &'p PersonId,
    /// The person.
    pub person: &'p Person,
    /// Their organisation.
    pub organisation: Option<&'p Organisation>,
    /// Their place at the meeting, when the list is a meeting's.
    pub attendance: Option<&'p Attendee>,
    /// Their place in their side's protocol order, 1 for the head (the list's own order
    /// for a list without a meeting): what a document prints as the order, never the
    /// rank in the file, which may have gaps and repeats.
    pub order: usize,
}

/// The people of a meeting grouped by side (in the meeting's side order, then those with
/// no side) in protocol order, or, without a meeting, everyone sorted by family name.
pub fn rows<'p>(project: &'p Project, meeting: Option<&'p Meeting>) -> Vec<Row<'p>> {
    let row = |id: &'p PersonId, attendance: Option<&'p Attendee>| {
        let person = project.people.get_key_value(id)?;
        Some(Row {
            order: 0,
            id: person.0,
            person: person.1,
            organisation: person
                .1
                .organisation
                .as_ref()
                .and_then(|o| project.organisations.get(o)),
            attendance,
        })
    };
    match meeting {
        Some(m) => {
            let mut rows = Vec::new();
            let sides = m
                .sides
                .iter()
                .map(|s| Some(&s.id))
                .chain(std::iter::once(None));
            for side in sides {
                rows.extend(
                    m.precedence(&project.people, side)
                        .into_iter()
                        .filter_map(|a| row(&a.person, Some(a)))
                        .enumerate()
                        .map(|(i, r)| Row { order: i + 1, ..r }),
                );
            }
            rows
        }
        None => {
            let mut people: Vec<_> = project.people.iter().collect();
            people.sort_by_cached_key(|(id, p)| (p.sort_key(), (*id).clone()));
            people
                .into_iter()
                .filter_map(|(id, _)| row(id, None))
                .enumerate()
                .map(|(i, r)| Row { order: i + 1, ..r })
                .collect()
        }
    }
}

/// The interchange columns (`Phone` after `Email`), then `Name order`, then the
/// meeting's columns: every column imports back (`crate::import::headers`).
pub(super) fn headers(with_meeting: bool) -> Vec<&'static str> {
    let mut fields = vec![
        Field::Honorific,
        Field::FamilyName,
        Field::GivenName,
        Field::ChineseName,
        Field::Organisation,
        Field::OrganisationZh,
        Field::Title,
        Field::TitleZh,
        Field::Email,
        Field::Phone,
        Field::NameOrder,
    ];
    if with_meeting {
        fields.extend([
            Field::Side,
            Field::Role,
            Field::Status,
            Field::Order,
            Field::Attendance,
        ]);
    }
    fields.into_iter().map(Field::header).collect()
}

/// The cells of one row, in the order of [`headers`].
pub(super) fn cells(row: &Row<'_>, meeting: Option<&Meeting>) -> Vec<String> {
    let p = row.person;
    let mut cells = vec![
        p.honorific.abbreviation().to_owned(),
        p.family_name.clone(),
        p.given_name.clone(),
        p.chinese_name.clone(),
        row.organisation
            .map(|o| {
                if o.acronym.is_empty() {
                    o.name.en.clone()
                } else {
                    o.acronym.clone()
                }
            })
            .unwrap_or_default(),
        row.organisation
            .map(|o| o.name.zh.clone())
            .unwrap_or_default(),
        p.title.en.clone(),
        p.title.zh.clone(),
        p.email.clone(),
        p.phone.clone(),
        // The label, not the file's key: `Family name first` reads as what it means, and
        // the import reads both.
        p.name_order.label_en().to_owned(),
    ];
    if let (Some(m), Some(a)) = (meeting, row.attendance) {
        cells.extend([
            a.side
                .as_ref()
                .and_then(|s| m.side(s))
                .map(|s| s.name.both())
                .unwrap_or_default(),
            a.role.label_en().to_owned(),
            a.status.label_en().to_owned(),
            row.order.to_string(),
            a.mode.label_en().to_owned(),
        ]);
    }
    cells
        .into_iter()
        .map(|c| super::sanitize_cell(&c))
        .collect()
}

/// CSV in the interchange layout (UTF-8 with BOM, RFC 4180, formulas neutralised).
pub fn csv(project: &Project, meeting: Option<&Meeting>) -> String {
    let mut w = CsvWriter::new();
    w.row(headers(meeting.is_some()));
    for row in rows(project, meeting) {
        w.row(cells(&row, meeting));
    }
    w.finish()
}

/// The same table as an Excel workbook, ready to filter and print (see
/// [`super::xlsx::attendee_workbook`]).
pub fn xlsx(project: &Project, meeting: Option<&Meeting>) -> Result<Vec<u8>, AttendeeExportError> {
    super::xlsx::attendee_workbook(project, meeting)
}

/// The printed name of a row: `Mr. HUANG Jixian 黄继先`, honorific per language.
fn printed_name(p: &Person, lang: ExportLanguage) -> String {
    let name = match lang {
        ExportLanguage::Zh if !p.chinese_name.trim().is_empty() => p.chinese_name.trim().to_owned(),
        // A Chinese list addresses a foreign guest the Chinese way: `Myriam AUGEREAU
        // LANDAIS 女士`.
        ExportLanguage::Zh => match p.honorific {
            crate::model::Honorific::None => p.latin_name(),
            h => format!("{} {}", p.latin_name(), h.label_zh()),
        },
        _ => p.formal_name(),
    };
    super::sanitize_cell(&name)
}

fn title_text(p: &Person, lang: ExportLanguage) -> String {
    lang.text(&p.title)
}

fn org_text(o: Option<&Organisation>, lang: ExportLanguage) -> String {
    o.map(|o| match lang {
        ExportLanguage::En => {
            if o.acronym.is_empty() {
                o.name.get(false).to_owned()
            } else {
                o.acronym.clone()
            }
        }
        // An organisation known only by its acronym is printed by it, not left blank.
        ExportLanguage::Zh => {
            let name = o.name.get(true).trim();
            if name.is_empty() {
                o.acronym.trim().to_owned()
            } else {
                name.to_owned()
            }
        }
        ExportLanguage::Both => {
            let zh = o.name.zh.trim();
            match (o.acronym.is_empty(), zh.is_empty()) {
                (false, false) => format!("{} {zh}", o.acronym),
                (false, true) => o.acronym.clone(),
                _ => o.name.both(),
            }
        }
    })
    .unwrap_or_default()
}

/// Sections of the printed list: a heading per side, then numbered lines.
fn sections<'p>(
    project: &'p Project,
    meeting: Option<&'p Meeting>,
    lang: ExportLanguage,
) -> Vec<(String, Vec<Row<'p>>)> {
    let mut out: Vec<(String, Vec<Row<'p>>)> = Vec::new();
    for row in rows(project, meeting) {
        let heading = match (meeting, row.attendance) {
            (Some(m), Some(a)) => a
                .side
                .as_ref()
                .and_then(|s| m.side(s))
                .map(|s| lang.text(&s.name))
                .unwrap_or_else(|| lang.label("Other participants", "其他参会人员")),
            _ => String::new(),
        };
        match out.last_mut() {
            Some((h, rows)) if *h == heading => rows.push(row),
            _ => out.push((heading, vec![row])),
        }
    }
    out
}

fn list_title(project: &Project, meeting: Option<&Meeting>, lang: ExportLanguage) -> String {
    match meeting {
        Some(m) => format!(
            "{} — {}",
            lang.label("List of participants", "参会人员名单"),
            lang.text(&m.title)
        ),
        None => format!(
            "{} — {}",
            lang.label("People", "人员名单"),
            lang.text(&project.info.title)
        ),
    }
}

/// A print-ready HTML list, escaped, grouped by side.
pub fn html(project: &Project, meeting: Option<&Meeting>, lang: ExportLanguage) -> String {
    use super::agenda::{PRINT_CSS, html_escape as e};
    let title = list_title(project, meeting, lang);
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>{PRINT_CSS}</style>\n</head>\n<body>\n<h1>{}</h1>\n",
        if lang == ExportLanguage::Zh {
            "zh-Hans"
        } else {
            "en"
        },
        e(&title),
        e(&title)
    );
    if let Some(m) = meeting {
        out.push_str(&format!("<p>{}</p>\n", e(&date_and_venue(m, lang))));
    }
    for (heading, rows) in sections(project, meeting, lang) {
        if !heading.is_empty() {
            out.push_str(&format!("<h2>{}</h2>\n", e(&heading)));
        }
        out.push_str(&format!(
            "<table>\n<thead><tr><th>#</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>\n",
            e(&lang.label("Name", "姓名")),
            e(&lang.label("Title", "职务")),
            e(&lang.label("Organisation", "机构"))
        ));
        for row in &rows {
            out.push_str(&format!(
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                row.order,
                e(&printed_name(row.person, lang)),
                e(&title_text(row.person, lang)),
                e(&org_text(row.organisation, lang))
            ));
        }
        out.push_str("</tbody>\n</table>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// The list as Markdown, grouped by side.
pub fn markdown(project: &Project, meeting: Option<&Meeting>, lang: ExportLanguage) -> String {
    let cell = super::sanitize::md_escape;
    let mut out = format!("# {}\n", cell(&list_title(project, meeting, lang)));
    for (heading, rows) in sections(project, meeting, lang) {
        if !heading.is_empty() {
            out.push_str(&format!("\n## {}\n", cell(&heading)));
        }
        out.push_str(&format!(
            "\n| # | {} | {} | {} |\n|---|---|---|---|\n",
            lang.label("Name", "姓名"),
            lang.label("Title", "职务"),
            lang.label("Organisation", "机构")
        ));
        for row in &rows {
            out.push_str(&format!(
                "| {} | {} | {} | {} |\n",
                row.order,
                cell(&printed_name(row.person, lang)),
                cell(&title_text(row.person, lang)),
                cell(&org_text(row.organisation, lang))
            ));
        }
    }
    out
}

/// `Monday 23 September 2024 · AFNOR headquarters, Saint-Denis`.
fn date_and_venue(m: &Meeting, lang: ExportLanguage) -> String {
    let venue = lang.text(&m.venue);
    let date = super::text::date_span(m.start_date(), m.end_date(), lang);
    if venue.trim().is_empty() {
        date
    } else {
        format!("{date} · {venue}")
    }
}

/// The list as a PDF, grouped by side, with the CJK font embedded; a list of everyone is
/// dated today.
pub fn pdf(
    project: &Project,
    meeting: Option<&Meeting>,
    lang: ExportLanguage,
) -> Result<Vec<u8>, AttendeeExportError> {
    pdf_on(project, meeting, lang, chrono::Local::now().date_naive())
}

/// [`pdf`], a list of everyone dated `today`.
pub fn pdf_on(
    project: &Project,
    meeting: Option<&Meeting>,
    lang: ExportLanguage,
    today: NaiveDate,
) -> Result<Vec<u8>, AttendeeExportError> {
    let title = list_title(project, meeting, lang);
    let date = meeting.map_or(today, Meeting::start_date);
    Ok(pdf::render(&pdf::Document {
        title,
        footer: super::text::footer_line(&lang.text(&project.info.title), date, lang),
        page: pdf::PageSize::A4Portrait,
        blocks: blocks(project, meeting, lang),
    })?)
}

/// The list as a Word document: the same content as the PDF, with Word's styles and tables.
///
/// # Errors
/// Only when docx-rs cannot write the document.
pub fn docx_on(
    project: &Project,
    meeting: Option<&Meeting>,
    lang: ExportLanguage,
    today: NaiveDate,
) -> Result<Vec<u8>, AttendeeExportError> {
    let date = meeting.map_or(today, Meeting::start_date);
    let footer = super::text::footer_line(&lang.text(&project.info.title), date, lang);
    Ok(super::docx::from_blocks(
        &blocks(project, meeting, lang),
        &list_title(project, meeting, lang),
        &footer,
        lang == ExportLanguage::Zh,
    )?)
}

/// The printed list as the PDF engine's blocks (the PDF and the Word document).
fn blocks(project: &Project, meeting: Option<&Meeting>, lang: ExportLanguage) -> Vec<pdf::Block> {
    let title = list_title(project, meeting, lang);
    let mut blocks = vec![pdf::Block::Title(title)];
    if let Some(m) = meeting {
        blocks.push(pdf::Block::Paragraph(date_and_venue(m, lang)));
    }
    for (heading, rows) in sections(project, meeting, lang) {
        if !heading.is_empty() {
            blocks.push(pdf::Block::Heading(heading));
        }
        blocks.push(pdf::Block::Table {
            widths: vec![0.4, 3.0, 4.0, 2.2],
            header: vec![
                "#".to_owned(),
                lang.label("Name", "姓名"),
                lang.label("Title", "职务"),
                lang.label("Organisation", "机构"),
            ],
            rows: rows
                .iter()
                .map(|row| {
                    vec![
                        row.order.to_string(),
                        super::sanitize_cell(&printed_name(row.person, lang)),
                        super::sanitize_cell(&title_text(row.person, lang)),
                        super::sanitize_cell(&org_text(row.organisation, lang)),
                    ]
                })
                .collect(),
        });
    }
    blocks
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
    let cards: Vec<pdf::NameCard> = rows(project, Some(meeting))
        .into_iter()
        .filter(|r| {
            r.attendance
                .is_none_or(|a| a.status != crate::model::AttendanceStatus::Declined)
        })
        .map(|r| name_card(r.person, r.organisation))
        .collect();
    let bytes = pdf::render_name_cards_with(&cards, options, progress)?;
    Ok((bytes, cards.len()))
}

/// The folded table card of `person` of `organisation`: the Latin name with its honorific,
/// the Chinese name spaced as protocol expects, title and organisation in both languages
/// and in each (for one-language faces). Place cards add their mark.
pub fn name_card(person: &Person, organisation: Option<&Organisation>) -> pdf::NameCard {
    pdf::NameCard {
        name_latin: super::sanitize_cell(&person.formal_name_latin()),
        name_chinese: super::sanitize_cell(&chinese_card_name(&person.chinese_name)),
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
