//! Attendee lists for the people outside the app: a CSV and an XLSX for the logistics team
//! (interchange layout, imports back unchanged), a printable list (HTML, Markdown, PDF)
//! grouped by side in protocol order, and folded name cards.

use chrono::NaiveDate;

use super::csv::CsvWriter;
use super::pdf;
use super::request::Stamp;
use super::text::ExportLanguage;
use crate::import::attendees::Field;
use crate::model::{Attendee, Choice, Meeting, Organisation, Person, PersonId, Project};

pub use super::name_cards::{
    chinese_card_name, latin_on_chinese_face, name_card, name_cards, name_cards_with,
};

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
    render_with_personal(project, meeting, format, lang, today, &[])
}

/// [`render_on`] with the personal-data columns chosen explicitly (`personal`, fields for
/// which [`Field::is_personal`] holds) after the others, in the CSV and the workbook;
/// printed lists never carry them.
///
/// # Errors
/// Only the workbook and the PDF can fail.
pub fn render_with_personal(
    project: &Project,
    meeting: Option<&Meeting>,
    format: AttendeeFormat,
    lang: ExportLanguage,
    today: NaiveDate,
    personal: &[Field],
) -> Result<Vec<u8>, AttendeeExportError> {
    let made = today.and_time(chrono::NaiveTime::MIN).and_utc();
    render_stamped(project, meeting, format, lang, &Stamp::at(made), personal)
}

/// [`render`], made at `stamp` (a printed list of everyone is dated that day, a Word
/// document names its author), with the personal-data columns `personal`.
///
/// # Errors
/// Only the workbook, the PDF and the Word document can fail.
pub fn render_stamped(
    project: &Project,
    meeting: Option<&Meeting>,
    format: AttendeeFormat,
    lang: ExportLanguage,
    stamp: &Stamp,
    personal: &[Field],
) -> Result<Vec<u8>, AttendeeExportError> {
    let today = stamp.now.date_naive();
    Ok(match format {
        AttendeeFormat::Csv => csv_with_personal(project, meeting, personal).into_bytes(),
        AttendeeFormat::Xlsx => super::xlsx::attendee_workbook(project, meeting, personal)?,
        AttendeeFormat::Html => html(project, meeting, lang).into_bytes(),
        AttendeeFormat::Md => markdown(project, meeting, lang).into_bytes(),
        AttendeeFormat::Pdf => pdf_on(project, meeting, lang, today)?,
        AttendeeFormat::Docx => docx_stamped(project, meeting, lang, stamp)?,
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

/// Whether any row has notes: only the planners' own copy does (a copy for partners has
/// none, see [`Project::for_partners`]), and only then is there a `Notes` column.
pub(super) fn has_notes(rows: &[Row<'_>]) -> bool {
    rows.iter().any(|r| !r.person.notes.trim().is_empty())
}

/// The interchange columns (`Phone` after `Email`), then `Name order`, then the
/// meeting's columns, then the personal-data columns chosen, then `Notes` when `notes`:
/// every column imports back (`crate::import::headers`).
pub(super) fn headers_with(
    with_meeting: bool,
    notes: bool,
    personal: &[Field],
) -> Vec<&'static str> {
    let mut headers = headers(with_meeting, personal);
    if notes {
        headers.push(Field::Notes.header());
    }
    headers
}

/// The interchange columns without notes (see [`headers_with`]).
pub(super) fn headers(with_meeting: bool, personal: &[Field]) -> Vec<&'static str> {
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
    fields.extend(personal.iter().copied().filter(|f| f.is_personal()));
    fields.into_iter().map(Field::header).collect()
}

/// The cells of one row, in the order of [`headers_with`].
pub(super) fn cells_with(
    row: &Row<'_>,
    meeting: Option<&Meeting>,
    notes: bool,
    personal: &[Field],
) -> Vec<String> {
    let mut cells = cells(row, meeting, personal);
    if notes {
        cells.push(super::sanitize_cell(&row.person.notes));
    }
    cells
}

/// The cells of one row, in the order of [`headers`].
pub(super) fn cells(row: &Row<'_>, meeting: Option<&Meeting>, personal: &[Field]) -> Vec<String> {
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
    let data = &p.personal;
    let date = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    for field in personal.iter().filter(|f| f.is_personal()) {
        cells.push(match field {
            Field::Gender if data.gender == crate::model::Gender::Unspecified => String::new(),
            Field::Gender => data.gender.label_en().to_owned(),
            Field::DateOfBirth => date(data.date_of_birth),
            Field::Nationality => data.nationality.clone(),
            Field::PassportNumber => data.passport_number.clone(),
            Field::PassportExpiry => date(data.passport_expiry),
            _ => String::new(),
        });
    }
    cells
        .into_iter()
        .map(|c| super::sanitize_cell(&c))
        .collect()
}

/// CSV in the interchange layout (UTF-8 with BOM, RFC 4180, formulas neutralised).
pub fn csv(project: &Project, meeting: Option<&Meeting>) -> String {
    csv_with_personal(project, meeting, &[])
}

/// [`csv`] with the personal-data columns chosen explicitly after the others (they import
/// back: `Date of birth`, `Passport No.`…).
pub fn csv_with_personal(
    project: &Project,
    meeting: Option<&Meeting>,
    personal: &[Field],
) -> String {
    let mut w = CsvWriter::new();
    let rows = rows(project, meeting);
    let notes = has_notes(&rows);
    w.row(headers_with(meeting.is_some(), notes, personal));
    for row in rows {
        w.row(cells_with(&row, meeting, notes, personal));
    }
    w.finish()
}

/// The same table as an Excel workbook, ready to filter and print (see
/// [`super::xlsx::attendee_workbook`]).
pub fn xlsx(project: &Project, meeting: Option<&Meeting>) -> Result<Vec<u8>, AttendeeExportError> {
    super::xlsx::attendee_workbook(project, meeting, &[])
}

/// The printed name of a row: `Mr. HUANG Jixian 黄继先`; in Chinese `黄继先`, and a foreign
/// guest the Chinese way (`Myriam AUGEREAU LANDAIS 女士`), see [`super::names`].
fn printed_name(p: &Person, lang: ExportLanguage) -> String {
    super::sanitize_cell(&super::names::formal_in(p, lang))
}

fn title_text(p: &Person, lang: ExportLanguage) -> String {
    lang.text(&p.title)
}

pub(super) fn org_text(o: Option<&Organisation>, lang: ExportLanguage) -> String {
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

/// The header of a printed list: `#`, name, title, organisation, and the notes in the
/// planners' own copy.
fn list_header(lang: ExportLanguage, notes: bool) -> Vec<String> {
    let mut header = vec![
        "#".to_owned(),
        lang.label("Name", "姓名"),
        lang.label("Title", "职务"),
        lang.label("Organisation", "机构"),
    ];
    if notes {
        header.push(lang.label("Notes (internal)", "备注（内部）"));
    }
    header
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
    let notes = has_notes(&rows(project, meeting));
    for (heading, rows) in sections(project, meeting, lang) {
        if !heading.is_empty() {
            out.push_str(&format!("<h2>{}</h2>\n", e(&heading)));
        }
        out.push_str("<table>\n<thead><tr>");
        for h in list_header(lang, notes) {
            out.push_str(&format!("<th>{}</th>", e(&h)));
        }
        out.push_str("</tr></thead>\n<tbody>\n");
        for row in &rows {
            out.push_str(&format!(
                "<tr><td class=\"num\">{}</td><td><span class=\"nb\">{}</span></td><td>{}</td><td>{}</td>",
                row.order,
                e(&printed_name(row.person, lang)),
                e(&title_text(row.person, lang)),
                e(&org_text(row.organisation, lang))
            ));
            if notes {
                out.push_str(&format!(
                    "<td class=\"notes\">{}</td>",
                    e(&row.person.notes)
                ));
            }
            out.push_str("</tr>\n");
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
    let notes = has_notes(&rows(project, meeting));
    let header = list_header(lang, notes);
    for (heading, rows) in sections(project, meeting, lang) {
        if !heading.is_empty() {
            out.push_str(&format!("\n## {}\n", cell(&heading)));
        }
        out.push_str(&format!(
            "\n| {} |\n|{}\n",
            header.join(" | "),
            "---|".repeat(header.len())
        ));
        for row in &rows {
            let mut cells = vec![
                row.order.to_string(),
                cell(&printed_name(row.person, lang)),
                cell(&title_text(row.person, lang)),
                cell(&org_text(row.organisation, lang)),
            ];
            if notes {
                cells.push(cell(&row.person.notes));
            }
            out.push_str(&format!("| {} |\n", cells.join(" | ")));
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
    let made = today.and_time(chrono::NaiveTime::MIN).and_utc();
    docx_stamped(project, meeting, lang, &Stamp::at(made))
}

/// [`docx_on`], made at `stamp` by its author (the document's properties).
///
/// # Errors
/// Only when docx-rs cannot write the document.
pub fn docx_stamped(
    project: &Project,
    meeting: Option<&Meeting>,
    lang: ExportLanguage,
    stamp: &Stamp,
) -> Result<Vec<u8>, AttendeeExportError> {
    let date = meeting.map_or(stamp.now.date_naive(), Meeting::start_date);
    let footer = super::text::footer_line(&lang.text(&project.info.title), date, lang);
    let title = list_title(project, meeting, lang);
    Ok(super::docx::from_blocks(
        &blocks(project, meeting, lang),
        &title,
        &footer,
        &stamp.properties(title.clone(), lang),
    )?)
}

/// The printed list as the PDF engine's blocks (the PDF and the Word document).
fn blocks(project: &Project, meeting: Option<&Meeting>, lang: ExportLanguage) -> Vec<pdf::Block> {
    let title = list_title(project, meeting, lang);
    let mut blocks = vec![pdf::Block::Title(title)];
    if let Some(m) = meeting {
        blocks.push(pdf::Block::Paragraph(date_and_venue(m, lang)));
    }
    let notes = has_notes(&rows(project, meeting));
    let mut widths = vec![0.4, 3.0, 4.0, 2.2];
    if notes {
        widths.push(2.6);
    }
    for (heading, rows) in sections(project, meeting, lang) {
        if !heading.is_empty() {
            blocks.push(pdf::Block::Heading(heading));
        }
        blocks.push(pdf::Block::Table {
            widths: widths.clone(),
            header: list_header(lang, notes),
            rows: rows
                .iter()
                .map(|row| {
                    let mut cells = vec![
                        row.order.to_string(),
                        super::sanitize_cell(&printed_name(row.person, lang)),
                        super::sanitize_cell(&title_text(row.person, lang)),
                        super::sanitize_cell(&org_text(row.organisation, lang)),
                    ];
                    if notes {
                        cells.push(super::sanitize_cell(&row.person.notes));
                    }
                    cells
                })
                .collect(),
        });
    }
    blocks
}
