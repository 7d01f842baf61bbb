//! A meeting's programme as Markdown, print-ready HTML, PDF and iCalendar. Each day has a
//! heading with its date in the export's language and in ISO form
//! (`Monday 4 November 2019 · 2019-11-04`), its times in the venue's and the counterpart's
//! zones (named by their cities), and its items with speakers (guests included) and notes.

use chrono::NaiveDate;
use chrono_tz::Tz;

pub use super::agenda_ics::{ics, ics_per_item};
use super::pdf;
use super::request::Stamp;
use super::text::{ExportLanguage, long_date, zone_city};
use crate::model::{Day, Meeting, MeetingId, NoteAudience, Project, day_mark};

/// The formats an agenda can be exported to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum AgendaFormat {
    /// Markdown.
    Md,
    /// Print-ready HTML.
    Html,
    /// PDF with the Chinese font embedded.
    Pdf,
    /// iCalendar (.ics): one event per day.
    Ics,
    /// iCalendar (.ics): one event per agenda item (`--format ics --per-item`).
    #[value(skip)]
    IcsPerItem,
    /// Word document, to edit and send on.
    Docx,
}

impl AgendaFormat {
    /// Every format, in menu order.
    pub const ALL: [Self; 6] = [
        Self::Pdf,
        Self::Docx,
        Self::Html,
        Self::Md,
        Self::Ics,
        Self::IcsPerItem,
    ];

    /// The file-name extension.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Md => "md",
            Self::Html => "html",
            Self::Pdf => "pdf",
            Self::Ics | Self::IcsPerItem => "ics",
            Self::Docx => "docx",
        }
    }
}

/// The agenda of `meeting` in `format`, as the bytes of the file; `stamp` says when it is
/// made (a calendar's DTSTAMP) and by whom (a Word document's properties).
pub fn render(
    project: &Project,
    id: &MeetingId,
    meeting: &Meeting,
    format: AgendaFormat,
    lang: ExportLanguage,
    stamp: &Stamp,
) -> Result<Vec<u8>, super::ExportError> {
    let now = stamp.now;
    Ok(match format {
        AgendaFormat::Md => markdown(project, meeting, lang).into_bytes(),
        AgendaFormat::Html => html(project, meeting, lang).into_bytes(),
        AgendaFormat::Ics => ics(project, id, meeting, lang, now).into_bytes(),
        AgendaFormat::IcsPerItem => ics_per_item(project, id, meeting, lang, now).into_bytes(),
        AgendaFormat::Pdf => pdf(project, meeting, lang)?,
        AgendaFormat::Docx => {
            let title = lang.text(&meeting.title);
            super::docx::from_blocks(
                &blocks(project, meeting, lang),
                &title,
                &super::text::footer_line(
                    &lang.text(&project.info.title),
                    meeting.start_date(),
                    lang,
                ),
                &stamp.properties(title.clone(), lang),
            )?
        }
    })
}

/// One agenda line, ready for any format.
pub(super) struct Row<'a> {
    pub(super) item: &'a crate::model::AgendaItem,
    /// Its number in the programme (the minutes use the same); none for a break.
    pub(super) number: Option<usize>,
    pub(super) start: chrono::DateTime<Tz>,
    pub(super) end: chrono::DateTime<Tz>,
    pub(super) time: String,
    pub(super) counterpart: Option<String>,
    pub(super) title: String,
    pub(super) speakers: String,
    pub(super) notes: String,
}

/// One day, ready for any format.
pub(super) struct DayPart<'a> {
    pub(super) day: &'a Day,
    pub(super) heading: String,
    /// `09:00–12:30 Beijing (02:00–05:30 Brussels)` and the day's own venue.
    pub(super) times: String,
    pub(super) venue: Option<String>,
    pub(super) rows: Vec<Row<'a>>,
}

/// `10:00`, with `(+1)` or `(−1)` when the time falls on another date than `date`.
fn hhmm(t: &chrono::DateTime<Tz>, date: NaiveDate) -> String {
    let local = t.naive_local();
    format!("{}{}", local.format("%H:%M"), day_mark(local.date(), date))
}

fn range(start: &chrono::DateTime<Tz>, end: &chrono::DateTime<Tz>, date: NaiveDate) -> String {
    format!("{}–{}", hhmm(start, date), hhmm(end, date))
}

/// The speakers of an item: the project's people by name with their honorifics (in a
/// Chinese document the Chinese way, `黄继先`, `Myriam AUGEREAU LANDAIS 女士`), then the
/// guests as written.
fn speakers_of(
    project: &Project,
    item: &crate::model::AgendaItem,
    lang: ExportLanguage,
) -> Vec<String> {
    item.speakers
        .iter()
        .map(|s| {
            let name = project
                .people
                .get(s)
                .map_or_else(|| format!("▲ {s}"), |p| super::names::formal_in(p, lang));
            super::sanitize_cell(&name)
        })
        .chain(item.guest_speakers.iter().map(|g| super::sanitize_cell(g)))
        .collect()
}

/// An item's notes as a document prints them: those left in a copy for partners are for
/// the programme; in the planners' own copy an internal note says it is one.
fn notes_text(item: &crate::model::AgendaItem, lang: ExportLanguage) -> String {
    let notes = super::sanitize_cell(item.notes.trim());
    if notes.is_empty() || item.notes_audience == NoteAudience::Programme {
        return notes;
    }
    let mark = lang.label("Internal note", "内部备注");
    let colon = if lang == ExportLanguage::Zh {
        "："
    } else {
        ": "
    };
    format!("{mark}{colon}{notes}")
}

pub(super) fn days<'a>(
    project: &Project,
    meeting: &'a Meeting,
    lang: ExportLanguage,
) -> Vec<DayPart<'a>> {
    let tz = meeting.time_zone;
    let mut numbers = crate::model::item_numbers(meeting.items()).into_iter();
    meeting
        .days
        .iter()
        .map(|day| {
            let summary = day.summary(tz);
            let mut heading = format!("{} · {}", long_date(day.date, lang), day.date);
            if !day.title.is_empty() {
                heading.push_str(&format!(" · {}", lang.text(&day.title)));
            }
            let mut times = format!(
                "{} {}",
                range(&summary.start, &summary.end, day.date),
                zone_city(tz, lang)
            );
            if let Some(other) = meeting.counterpart_time_zone {
                let (s, e) = (
                    summary.start.with_timezone(&other),
                    summary.end.with_timezone(&other),
                );
                times.push_str(&format!(
                    " ({} {})",
                    range(&s, &e, day.date),
                    zone_city(other, lang)
                ));
            }
            let venue = (!day.venue.is_empty()).then(|| lang.text(&day.venue));
            let rows = day
                .items
                .iter()
                .zip(summary.slots)
                .map(|(item, slot)| Row {
                    item,
                    number: numbers.next().flatten(),
                    start: slot.start,
                    end: slot.end,
                    time: range(&slot.start, &slot.end, day.date),
                    counterpart: meeting
                        .counterpart_time(slot.start)
                        .zip(meeting.counterpart_time(slot.end))
                        .map(|(s, e)| range(&s, &e, day.date)),
                    title: lang.text(&item.title),
                    speakers: speakers_of(project, item, lang).join("; "),
                    notes: notes_text(item, lang),
                })
                .collect();
            DayPart {
                day,
                heading,
                times,
                venue,
                rows,
            }
        })
        .collect()
}

/// Dates, place, host and series lines shared by the formats, as `(label, value)`.
fn facts(project: &Project, meeting: &Meeting, lang: ExportLanguage) -> Vec<(String, String)> {
    let (first, last) = (meeting.start_date(), meeting.end_date());
    let dates = if first == last {
        format!("{} · {first}", long_date(first, lang))
    } else {
        format!(
            "{} – {} · {first} – {last}",
            long_date(first, lang),
            long_date(last, lang)
        )
    };
    let mut facts = vec![(lang.label("Date", "日期"), dates)];
    let mut zones = format!(
        "{} ({})",
        zone_city(meeting.time_zone, lang),
        meeting.time_zone.name()
    );
    if let Some(other) = meeting.counterpart_time_zone {
        zones.push_str(&format!("; {} ({})", zone_city(other, lang), other.name()));
    }
    facts.push((lang.label("Times in", "时间"), zones));
    if !meeting.venue.is_empty() {
        facts.push((lang.label("Venue", "地点"), lang.text(&meeting.venue)));
    }
    if let Some(host) = meeting
        .host
        .as_ref()
        .and_then(|h| project.organisations.get(h))
    {
        facts.push((lang.label("Host", "东道机构"), lang.text(&host.name)));
    }
    if let Some(series) = &meeting.series {
        facts.push((
            lang.label("Series", "系列"),
            format!(
                "{} · {}",
                lang.text(&series.name),
                edition(series.edition, lang)
            ),
        ));
    }
    facts
}

fn edition(n: u32, lang: ExportLanguage) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    match lang {
        ExportLanguage::En => format!("{n}{suffix} edition"),
        ExportLanguage::Zh => format!("第{n}期"),
        ExportLanguage::Both => format!("{n}{suffix} edition / 第{n}期"),
    }
}

/// An item's number as the agenda prints it; nothing for a break.
fn number_text(number: Option<usize>) -> String {
    number.map(|n| n.to_string()).unwrap_or_default()
}

fn md_cell(text: &str) -> String {
    super::sanitize::md_escape(text)
}

/// The agenda as Markdown: a heading, the facts, and per day a heading, its times and a
/// table of items (with a notes column when any item has notes).
pub fn markdown(project: &Project, meeting: &Meeting, lang: ExportLanguage) -> String {
    let mut out = format!("# {}\n\n", md_cell(&lang.text(&meeting.title)));
    for (label, value) in facts(project, meeting, lang) {
        out.push_str(&format!("- **{}**: {}\n", md_cell(&label), md_cell(&value)));
    }
    let counterpart = meeting.counterpart_time_zone;
    let with_notes = meeting.items().any(|i| !i.notes.trim().is_empty());
    let mut header = vec!["#".to_owned(), lang.label("Time", "时间")];
    if let Some(other) = counterpart {
        header.push(zone_city(other, lang));
    }
    header.extend([lang.label("Item", "议程"), lang.label("Speakers", "发言人")]);
    if with_notes {
        header.push(lang.label("Notes", "备注"));
    }
    for part in days(project, meeting, lang) {
        out.push_str(&format!("\n## {}\n\n", md_cell(&part.heading)));
        out.push_str(&format!("{}\n", md_cell(&part.times)));
        if let Some(venue) = &part.venue {
            out.push_str(&format!(
                "\n{}: {}\n",
                lang.label("Venue", "地点"),
                md_cell(venue)
            ));
        }
        if part.rows.is_empty() {
            continue;
        }
        out.push_str(&format!("\n| {} |\n", header.join(" | ")));
        out.push_str(&format!("|{}\n", "---|".repeat(header.len())));
        for row in part.rows {
            let mut cells = vec![number_text(row.number), row.time];
            if counterpart.is_some() {
                cells.push(row.counterpart.unwrap_or_default());
            }
            cells.push(row.title);
            cells.push(row.speakers);
            if with_notes {
                cells.push(row.notes);
            }
            let cells: Vec<_> = cells.iter().map(|c| md_cell(c)).collect();
            out.push_str(&format!("| {} |\n", cells.join(" | ")));
        }
    }
    out
}

pub use super::sanitize::{html_escape, html_nowrap_pieces};

/// Print-ready CSS shared by the HTML exports.
pub const PRINT_CSS: &str = "body{font-family:'Noto Sans','Noto Sans CJK SC','Microsoft YaHei','PingFang SC',sans-serif;margin:2em;color:#1a1a1a}
h1{font-size:1.6em;margin:0 0 .2em}h1 .zh{display:block;font-size:.8em;color:#444}
h2{font-size:1.2em;margin:1.4em 0 .2em;break-after:avoid}p.day{margin:0;color:#444}
dl{display:grid;grid-template-columns:max-content auto;gap:.2em 1em}dt{font-weight:bold}dd{margin:0}
table{border-collapse:collapse;width:100%;margin-top:.6em}th,td{border-bottom:1px solid #ccc;padding:.35em .5em;text-align:left;vertical-align:top}
th{background:#eef0f4}td.time{white-space:nowrap;font-variant-numeric:tabular-nums}.speakers,.notes{color:#444;font-size:.9em}
@page{size:A4;margin:18mm}.nb,td.num{white-space:nowrap}td.num{text-align:right;font-variant-numeric:tabular-nums}
@media print{body{margin:0}tr{break-inside:avoid}thead{display:table-header-group}h2,h3{break-after:avoid}}";

/// The agenda as a standalone, print-ready HTML page. With both languages, English and
/// Chinese titles stand in two columns.
pub fn html(project: &Project, meeting: &Meeting, lang: ExportLanguage) -> String {
    let e = |s: &str| html_escape(s);
    let title_en = meeting.title.get(false);
    let title_zh = meeting.title.get(true);
    let mut out = String::new();
    let html_lang = if lang == ExportLanguage::Zh {
        "zh-Hans"
    } else {
        "en"
    };
    out.push_str(&format!(
        "<!DOCTYPE html>\n<html lang=\"{html_lang}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>{PRINT_CSS}</style>\n</head>\n<body>\n",
        e(&lang.text(&meeting.title))
    ));
    match lang {
        ExportLanguage::Both if title_en != title_zh => out.push_str(&format!(
            "<h1>{}<span class=\"zh\" lang=\"zh-Hans\">{}</span></h1>\n",
            e(title_en),
            e(title_zh)
        )),
        _ => out.push_str(&format!("<h1>{}</h1>\n", e(&lang.text(&meeting.title)))),
    }
    out.push_str("<dl>\n");
    for (label, value) in facts(project, meeting, lang) {
        out.push_str(&format!(
            "<dt>{}</dt><dd>{}</dd>\n",
            e(&label),
            html_nowrap_pieces(&value)
        ));
    }
    out.push_str("</dl>\n");
    let counterpart = meeting.counterpart_time_zone;
    let mut header = vec![
        "#".to_owned(),
        format!(
            "{} ({})",
            lang.label("Time", "时间"),
            zone_city(meeting.time_zone, lang)
        ),
    ];
    if let Some(other) = counterpart {
        header.push(zone_city(other, lang));
    }
    if lang == ExportLanguage::Both {
        header.extend(["Item".to_owned(), "议程".to_owned()]);
    } else {
        header.push(lang.label("Item", "议程"));
    }
    header.push(lang.label("Speakers", "发言人"));
    for part in days(project, meeting, lang) {
        out.push_str(&format!("<h2>{}</h2>\n", html_nowrap_pieces(&part.heading)));
        out.push_str(&format!(
            "<p class=\"day\">{}</p>\n",
            html_nowrap_pieces(&part.times)
        ));
        if let Some(venue) = &part.venue {
            out.push_str(&format!(
                "<p class=\"day\">{}: {}</p>\n",
                e(&lang.label("Venue", "地点")),
                e(venue)
            ));
        }
        if part.rows.is_empty() {
            continue;
        }
        out.push_str("<table>\n<thead><tr>");
        for h in &header {
            out.push_str(&format!("<th>{}</th>", e(h)));
        }
        out.push_str("</tr></thead>\n<tbody>\n");
        for row in part.rows {
            out.push_str(&format!(
                "<tr><td class=\"num\">{}</td><td class=\"time\">{}</td>",
                number_text(row.number),
                e(&row.time)
            ));
            if counterpart.is_some() {
                out.push_str(&format!(
                    "<td class=\"time\">{}</td>",
                    e(&row.counterpart.unwrap_or_default())
                ));
            }
            if lang == ExportLanguage::Both {
                out.push_str(&format!(
                    "<td>{}</td><td lang=\"zh-Hans\">{}</td>",
                    e(row.item.title.get(false)),
                    e(row.item.title.get(true))
                ));
            } else {
                out.push_str(&format!("<td>{}</td>", e(&row.title)));
            }
            out.push_str(&format!(
                "<td class=\"speakers\">{}",
                html_nowrap_pieces(&row.speakers)
            ));
            if !row.notes.is_empty() {
                out.push_str(&format!("<div class=\"notes\">{}</div>", e(&row.notes)));
            }
            out.push_str("</td></tr>\n");
        }
        out.push_str("</tbody>\n</table>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// The agenda as a PDF with the CJK font embedded: per day a heading, its times and a
/// table whose rows carry the notes under the title.
pub fn pdf(
    project: &Project,
    meeting: &Meeting,
    lang: ExportLanguage,
) -> Result<Vec<u8>, pdf::PdfError> {
    pdf::render(&pdf::Document {
        title: lang.text(&meeting.title),
        footer: super::text::footer_line(
            &lang.text(&project.info.title),
            meeting.start_date(),
            lang,
        ),
        page: pdf::PageSize::A4Portrait,
        blocks: blocks(project, meeting, lang),
    })
}

/// The printed agenda as the PDF engine's blocks (the PDF and the Word document).
fn blocks(project: &Project, meeting: &Meeting, lang: ExportLanguage) -> Vec<pdf::Block> {
    let mut blocks = vec![pdf::Block::Title(lang.text(&meeting.title))];
    for (label, value) in facts(project, meeting, lang) {
        blocks.push(pdf::Block::Paragraph(format!("{label}: {value}")));
    }
    let counterpart = meeting.counterpart_time_zone;
    let mut header = vec!["#".to_owned(), lang.label("Time", "时间")];
    let mut widths = vec![0.3, 1.3];
    if let Some(other) = counterpart {
        header.push(zone_city(other, lang));
        widths.push(1.1);
    }
    header.extend([lang.label("Item", "议程"), lang.label("Speakers", "发言人")]);
    widths.extend([4.0, 2.6]);
    for part in days(project, meeting, lang) {
        blocks.push(pdf::Block::Spacer(8.0));
        blocks.push(pdf::Block::Heading(part.heading));
        blocks.push(pdf::Block::Paragraph(part.times));
        if let Some(venue) = part.venue {
            blocks.push(pdf::Block::Paragraph(format!(
                "{}: {venue}",
                lang.label("Venue", "地点")
            )));
        }
        if part.rows.is_empty() {
            continue;
        }
        let rows = part
            .rows
            .into_iter()
            .map(|row| {
                let mut cells = vec![number_text(row.number), row.time];
                if counterpart.is_some() {
                    cells.push(row.counterpart.unwrap_or_default());
                }
                let mut title = row.title;
                if !row.notes.is_empty() {
                    title = format!("{title}\n{}", row.notes);
                }
                // One speaker a line: a name is never split between two.
                cells.extend([title, row.speakers.replace("; ", "\n")]);
                cells
            })
            .collect();
        blocks.push(pdf::Block::Table {
            widths: widths.clone(),
            header: header.clone(),
            rows,
        });
    }
    blocks
}
