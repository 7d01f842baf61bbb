//! A meeting's agenda as Markdown, print-ready HTML, PDF and iCalendar.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use super::ics::{IcsWriter, local_stamp, utc_stamp, write_vtimezone, year_of};
use super::pdf;
use super::text::ExportLanguage;
use crate::model::{Meeting, MeetingId, Project, Slot};

/// The formats an agenda can be exported to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum AgendaFormat {
    /// Markdown.
    Md,
    /// Print-ready HTML.
    Html,
    /// PDF with the Chinese font embedded.
    Pdf,
    /// iCalendar event (.ics).
    Ics,
}

impl AgendaFormat {
    /// Every format, in menu order.
    pub const ALL: [Self; 4] = [Self::Pdf, Self::Html, Self::Md, Self::Ics];

    /// The file-name extension.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Md => "md",
            Self::Html => "html",
            Self::Pdf => "pdf",
            Self::Ics => "ics",
        }
    }
}

/// The agenda of `meeting` in `format`, as the bytes of the file.
pub fn render(
    project: &Project,
    id: &MeetingId,
    meeting: &Meeting,
    format: AgendaFormat,
    lang: ExportLanguage,
    now: DateTime<Utc>,
) -> Result<Vec<u8>, pdf::PdfError> {
    Ok(match format {
        AgendaFormat::Md => markdown(project, meeting, lang).into_bytes(),
        AgendaFormat::Html => html(project, meeting, lang).into_bytes(),
        AgendaFormat::Ics => ics(project, id, meeting, lang, now).into_bytes(),
        AgendaFormat::Pdf => pdf(project, meeting, lang)?,
    })
}

/// One agenda line, ready for any format.
struct Row {
    time: String,
    counterpart: Option<String>,
    title: String,
    speakers: String,
    notes: String,
}

fn hhmm(meeting: &Meeting, t: &DateTime<Tz>) -> String {
    let local = t.naive_local();
    let days = (local.date() - meeting.date).num_days();
    let day = if days == 0 {
        String::new()
    } else {
        format!(" ({days:+})")
    };
    format!("{}{day}", local.format("%H:%M"))
}

fn rows(project: &Project, meeting: &Meeting, lang: ExportLanguage) -> Vec<Row> {
    meeting
        .agenda
        .iter()
        .zip(meeting.schedule())
        .map(|(item, Slot { start, end, .. })| {
            let counterpart = meeting
                .counterpart_time(start)
                .zip(meeting.counterpart_time(end))
                .map(|(s, e)| {
                    format!(
                        "{}–{}",
                        s.naive_local().format("%H:%M"),
                        e.naive_local().format("%H:%M")
                    )
                });
            Row {
                time: format!("{}–{}", hhmm(meeting, &start), hhmm(meeting, &end)),
                counterpart,
                title: lang.text(&item.title),
                speakers: item
                    .speakers
                    .iter()
                    .map(|s| super::sanitize_cell(&project.person_name(s)))
                    .collect::<Vec<_>>()
                    .join("; "),
                notes: item.notes.clone(),
            }
        })
        .collect()
}

/// Date, place and host lines shared by the formats, as `(label, value)`.
fn facts(project: &Project, meeting: &Meeting, lang: ExportLanguage) -> Vec<(String, String)> {
    let mut facts = vec![(
        lang.label("Date", "日期"),
        format!(
            "{} ({})",
            meeting.date.format("%Y-%m-%d"),
            meeting.date.format("%A")
        ),
    )];
    let start = meeting.start_instant();
    let mut time = format!(
        "{} – {} {}",
        start.naive_local().format("%H:%M"),
        meeting.agenda_end().naive_local().format("%H:%M"),
        meeting.time_zone.name()
    );
    if let Some(other) = meeting.counterpart_time_zone {
        time.push_str(&format!(
            " ({} – {} {})",
            start.with_timezone(&other).naive_local().format("%H:%M"),
            meeting
                .agenda_end()
                .with_timezone(&other)
                .naive_local()
                .format("%H:%M"),
            other.name()
        ));
    }
    facts.push((lang.label("Time", "时间"), time));
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

fn md_cell(text: &str) -> String {
    super::sanitize::md_escape(text)
}

/// The agenda as Markdown: a heading, the facts, and a table of items.
pub fn markdown(project: &Project, meeting: &Meeting, lang: ExportLanguage) -> String {
    let mut out = format!("# {}\n\n", md_cell(&lang.text(&meeting.title)));
    for (label, value) in facts(project, meeting, lang) {
        out.push_str(&format!("- **{}**: {}\n", md_cell(&label), md_cell(&value)));
    }
    out.push('\n');
    let counterpart = meeting.counterpart_time_zone;
    let mut header = vec![lang.label("Time", "时间")];
    if let Some(other) = counterpart {
        header.push(other.name().to_owned());
    }
    header.extend([lang.label("Item", "议程"), lang.label("Speakers", "发言人")]);
    out.push_str(&format!("| {} |\n", header.join(" | ")));
    out.push_str(&format!("|{}\n", "---|".repeat(header.len())));
    for row in rows(project, meeting, lang) {
        let mut cells = vec![row.time];
        if counterpart.is_some() {
            cells.push(row.counterpart.unwrap_or_default());
        }
        cells.push(row.title);
        cells.push(row.speakers);
        let cells: Vec<_> = cells.iter().map(|c| md_cell(c)).collect();
        out.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    out
}

pub use super::sanitize::html_escape;

/// Print-ready CSS shared by the HTML exports.
pub const PRINT_CSS: &str = "body{font-family:'Noto Sans','Noto Sans CJK SC','Microsoft YaHei','PingFang SC',sans-serif;margin:2em;color:#1a1a1a}
h1{font-size:1.6em;margin:0 0 .2em}h1 .zh{display:block;font-size:.8em;color:#444}
dl{display:grid;grid-template-columns:max-content auto;gap:.2em 1em}dt{font-weight:bold}dd{margin:0}
table{border-collapse:collapse;width:100%;margin-top:1em}th,td{border-bottom:1px solid #ccc;padding:.35em .5em;text-align:left;vertical-align:top}
th{background:#eef0f4}td.time{white-space:nowrap;font-variant-numeric:tabular-nums}.speakers,.notes{color:#444;font-size:.9em}
@media print{body{margin:0}tr{break-inside:avoid}thead{display:table-header-group}}";

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
        out.push_str(&format!("<dt>{}</dt><dd>{}</dd>\n", e(&label), e(&value)));
    }
    out.push_str("</dl>\n<table>\n<thead><tr>");
    let counterpart = meeting.counterpart_time_zone;
    let mut header = vec![format!(
        "{} ({})",
        lang.label("Time", "时间"),
        meeting.time_zone.name()
    )];
    if let Some(other) = counterpart {
        header.push(other.name().to_owned());
    }
    if lang == ExportLanguage::Both {
        header.extend(["Item".to_owned(), "议程".to_owned()]);
    } else {
        header.push(lang.label("Item", "议程"));
    }
    header.push(lang.label("Speakers", "发言人"));
    for h in &header {
        out.push_str(&format!("<th>{}</th>", e(h)));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for (item, row) in meeting.agenda.iter().zip(rows(project, meeting, lang)) {
        out.push_str(&format!("<tr><td class=\"time\">{}</td>", e(&row.time)));
        if counterpart.is_some() {
            out.push_str(&format!(
                "<td class=\"time\">{}</td>",
                e(&row.counterpart.unwrap_or_default())
            ));
        }
        if lang == ExportLanguage::Both {
            out.push_str(&format!(
                "<td>{}</td><td lang=\"zh-Hans\">{}</td>",
                e(item.title.get(false)),
                e(item.title.get(true))
            ));
        } else {
            out.push_str(&format!("<td>{}</td>", e(&row.title)));
        }
        out.push_str(&format!("<td class=\"speakers\">{}", e(&row.speakers)));
        if !row.notes.is_empty() {
            out.push_str(&format!("<div class=\"notes\">{}</div>", e(&row.notes)));
        }
        out.push_str("</td></tr>\n");
    }
    out.push_str("</tbody>\n</table>\n</body>\n</html>\n");
    out
}

/// The agenda as a PDF with the CJK font embedded.
pub fn pdf(
    project: &Project,
    meeting: &Meeting,
    lang: ExportLanguage,
) -> Result<Vec<u8>, pdf::PdfError> {
    let mut blocks = vec![pdf::Block::Title(lang.text(&meeting.title))];
    for (label, value) in facts(project, meeting, lang) {
        blocks.push(pdf::Block::Paragraph(format!("{label}: {value}")));
    }
    blocks.push(pdf::Block::Spacer(8.0));
    let counterpart = meeting.counterpart_time_zone;
    let mut header = vec![lang.label("Time", "时间")];
    let mut widths = vec![1.3];
    if let Some(other) = counterpart {
        header.push(other.name().to_owned());
        widths.push(1.1);
    }
    header.extend([lang.label("Item", "议程"), lang.label("Speakers", "发言人")]);
    widths.extend([4.0, 2.6]);
    let rows = rows(project, meeting, lang)
        .into_iter()
        .map(|row| {
            let mut cells = vec![row.time];
            if counterpart.is_some() {
                cells.push(row.counterpart.unwrap_or_default());
            }
            let mut title = row.title;
            if !row.notes.is_empty() {
                title = format!("{title}\n{}", row.notes);
            }
            cells.extend([title, row.speakers]);
            cells
        })
        .collect();
    blocks.push(pdf::Block::Table {
        widths,
        header,
        rows,
    });
    pdf::render(&pdf::Document {
        title: lang.text(&meeting.title),
        footer: super::text::footer_line(&lang.text(&project.info.title), meeting.date, lang),
        page: pdf::PageSize::A4Portrait,
        blocks,
    })
}

/// The meeting as an iCalendar file: one event from the start to the end of the agenda
/// (or the planned end), in the venue's time zone, with the agenda in the description.
/// `now` is the DTSTAMP (passed in so output is reproducible).
pub fn ics(
    project: &Project,
    id: &MeetingId,
    meeting: &Meeting,
    lang: ExportLanguage,
    now: DateTime<Utc>,
) -> String {
    let tz = meeting.time_zone;
    let start = meeting.start_instant();
    let end = meeting
        .planned_end_instant()
        .filter(|e| *e > start && meeting.agenda.is_empty())
        .unwrap_or_else(|| {
            meeting
                .agenda_end()
                .max(start + chrono::Duration::minutes(1))
        });
    let mut w = IcsWriter::default();
    w.raw("BEGIN", "VCALENDAR");
    w.raw("VERSION", "2.0");
    w.raw("PRODID", "-//Delegation Planner//Delegation Planner//EN");
    w.raw("CALSCALE", "GREGORIAN");
    w.raw("METHOD", "PUBLISH");
    write_vtimezone(&mut w, tz, year_of(&start)..=year_of(&end));
    w.raw("BEGIN", "VEVENT");
    let project_slug = crate::model::slugify(&project.info.title.en);
    let project_slug = if project_slug.is_empty() {
        "project".to_owned()
    } else {
        project_slug
    };
    w.raw("UID", &format!("{id}@{project_slug}.delegation-planner"));
    w.raw("DTSTAMP", &utc_stamp(&now));
    w.raw(&format!("DTSTART;TZID={}", tz.name()), &local_stamp(&start));
    w.raw(&format!("DTEND;TZID={}", tz.name()), &local_stamp(&end));
    w.text("SUMMARY", &lang.text(&meeting.title));
    if !meeting.venue.is_empty() {
        w.text("LOCATION", &lang.text(&meeting.venue));
    }
    let mut description = String::new();
    for row in rows(project, meeting, lang) {
        description.push_str(&row.time);
        if let Some(c) = &row.counterpart {
            description.push_str(&format!(" ({c})"));
        }
        description.push_str(&format!("  {}", row.title));
        if !row.speakers.is_empty() {
            description.push_str(&format!(" — {}", row.speakers));
        }
        description.push('\n');
    }
    if !description.is_empty() {
        w.text("DESCRIPTION", description.trim_end());
    }
    w.raw("END", "VEVENT");
    w.raw("END", "VCALENDAR");
    w.finish()
}
