//! A meeting's programme as Markdown, print-ready HTML, PDF and iCalendar. Each day has a
//! heading with its date in the export's language and in ISO form
//! (`Monday 4 November 2019 · 2019-11-04`), its times in the venue's and the counterpart's
//! zones (named by their cities), and its items with speakers (guests included) and notes.

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;

use super::ics::{IcsWriter, local_stamp, utc_stamp, write_vtimezone, year_of};
use super::pdf;
use super::text::{ExportLanguage, long_date, zone_city};
use crate::model::{Day, Meeting, MeetingId, Project, add_minutes, day_mark};

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

/// The agenda of `meeting` in `format`, as the bytes of the file.
pub fn render(
    project: &Project,
    id: &MeetingId,
    meeting: &Meeting,
    format: AgendaFormat,
    lang: ExportLanguage,
    now: DateTime<Utc>,
) -> Result<Vec<u8>, super::ExportError> {
    Ok(match format {
        AgendaFormat::Md => markdown(project, meeting, lang).into_bytes(),
        AgendaFormat::Html => html(project, meeting, lang).into_bytes(),
        AgendaFormat::Ics => ics(project, id, meeting, lang, now).into_bytes(),
        AgendaFormat::IcsPerItem => ics_per_item(project, id, meeting, lang, now).into_bytes(),
        AgendaFormat::Pdf => pdf(project, meeting, lang)?,
        AgendaFormat::Docx => super::docx::from_blocks(
            &blocks(project, meeting, lang),
            &lang.text(&meeting.title),
            &super::text::footer_line(&lang.text(&project.info.title), meeting.start_date(), lang),
            lang == ExportLanguage::Zh,
        )?,
    })
}

/// One agenda line, ready for any format.
struct Row<'a> {
    item: &'a crate::model::AgendaItem,
    start: DateTime<Tz>,
    end: DateTime<Tz>,
    time: String,
    counterpart: Option<String>,
    title: String,
    speakers: String,
    notes: String,
}

/// One day, ready for any format.
struct DayPart<'a> {
    day: &'a Day,
    heading: String,
    /// `09:00–12:30 Beijing (02:00–05:30 Brussels)` and the day's own venue.
    times: String,
    venue: Option<String>,
    rows: Vec<Row<'a>>,
}

/// `10:00`, with `(+1)` or `(−1)` when the time falls on another date than `date`.
fn hhmm(t: &DateTime<Tz>, date: NaiveDate) -> String {
    let local = t.naive_local();
    format!("{}{}", local.format("%H:%M"), day_mark(local.date(), date))
}

fn range(start: &DateTime<Tz>, end: &DateTime<Tz>, date: NaiveDate) -> String {
    format!("{}–{}", hhmm(start, date), hhmm(end, date))
}

/// The speakers of an item: the project's people by name, then the guests as written.
fn speakers(project: &Project, item: &crate::model::AgendaItem) -> String {
    item.speakers
        .iter()
        .map(|s| super::sanitize_cell(&project.person_name(s)))
        .chain(item.guest_speakers.iter().map(|g| super::sanitize_cell(g)))
        .collect::<Vec<_>>()
        .join("; ")
}

fn days<'a>(project: &Project, meeting: &'a Meeting, lang: ExportLanguage) -> Vec<DayPart<'a>> {
    let tz = meeting.time_zone;
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
                    start: slot.start,
                    end: slot.end,
                    time: range(&slot.start, &slot.end, day.date),
                    counterpart: meeting
                        .counterpart_time(slot.start)
                        .zip(meeting.counterpart_time(slot.end))
                        .map(|(s, e)| range(&s, &e, day.date)),
                    title: lang.text(&item.title),
                    speakers: speakers(project, item),
                    notes: super::sanitize_cell(&item.notes),
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
    let mut header = vec![lang.label("Time", "时间")];
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
            let mut cells = vec![row.time];
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

pub use super::sanitize::html_escape;

/// Print-ready CSS shared by the HTML exports.
pub const PRINT_CSS: &str = "body{font-family:'Noto Sans','Noto Sans CJK SC','Microsoft YaHei','PingFang SC',sans-serif;margin:2em;color:#1a1a1a}
h1{font-size:1.6em;margin:0 0 .2em}h1 .zh{display:block;font-size:.8em;color:#444}
h2{font-size:1.2em;margin:1.4em 0 .2em;break-after:avoid}p.day{margin:0;color:#444}
dl{display:grid;grid-template-columns:max-content auto;gap:.2em 1em}dt{font-weight:bold}dd{margin:0}
table{border-collapse:collapse;width:100%;margin-top:.6em}th,td{border-bottom:1px solid #ccc;padding:.35em .5em;text-align:left;vertical-align:top}
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
    out.push_str("</dl>\n");
    let counterpart = meeting.counterpart_time_zone;
    let mut header = vec![format!(
        "{} ({})",
        lang.label("Time", "时间"),
        zone_city(meeting.time_zone, lang)
    )];
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
        out.push_str(&format!("<h2>{}</h2>\n", e(&part.heading)));
        out.push_str(&format!("<p class=\"day\">{}</p>\n", e(&part.times)));
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
                    e(row.item.title.get(false)),
                    e(row.item.title.get(true))
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
    let mut header = vec![lang.label("Time", "时间")];
    let mut widths = vec![1.3];
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
            widths: widths.clone(),
            header: header.clone(),
            rows,
        });
    }
    blocks
}

/// The start of an iCalendar file with the zone of the events.
fn calendar_start(meeting: &Meeting) -> IcsWriter {
    let tz = meeting.time_zone;
    let mut w = IcsWriter::default();
    w.raw("BEGIN", "VCALENDAR");
    w.raw("VERSION", "2.0");
    w.raw("PRODID", "-//Delegation Planner//Delegation Planner//EN");
    w.raw("CALSCALE", "GREGORIAN");
    w.raw("METHOD", "PUBLISH");
    write_vtimezone(
        &mut w,
        tz,
        year_of(&meeting.start_instant())..=year_of(&meeting.end_instant()),
    );
    w
}

fn uid_domain(project: &Project) -> String {
    let slug = crate::model::slugify(&project.info.title.en);
    if slug.is_empty() {
        "project".to_owned()
    } else {
        slug
    }
}

/// One VEVENT from `start` to `end` in the venue's zone.
struct Event<'a> {
    uid: String,
    start: DateTime<Tz>,
    end: DateTime<Tz>,
    summary: String,
    location: &'a crate::model::Bilingual,
    description: String,
}

fn write_event(
    w: &mut IcsWriter,
    tz: Tz,
    event: &Event<'_>,
    lang: ExportLanguage,
    now: &DateTime<Utc>,
) {
    w.raw("BEGIN", "VEVENT");
    w.raw("UID", &event.uid);
    w.raw("DTSTAMP", &utc_stamp(now));
    w.raw(
        &format!("DTSTART;TZID={}", tz.name()),
        &local_stamp(&event.start),
    );
    w.raw(
        &format!("DTEND;TZID={}", tz.name()),
        &local_stamp(&event.end),
    );
    w.text("SUMMARY", &event.summary);
    if !event.location.is_empty() {
        w.text("LOCATION", &lang.text(event.location));
    }
    if !event.description.is_empty() {
        w.text("DESCRIPTION", event.description.trim_end());
    }
    w.raw("END", "VEVENT");
}

/// An item as a line of an event's description: times, title, speakers, notes.
fn description_line(row: &Row<'_>) -> String {
    let mut line = row.time.clone();
    if let Some(c) = &row.counterpart {
        line.push_str(&format!(" ({c})"));
    }
    line.push_str(&format!("  {}", row.title));
    if !row.speakers.is_empty() {
        line.push_str(&format!(" — {}", row.speakers));
    }
    line.push('\n');
    if !row.notes.is_empty() {
        for note in row.notes.lines() {
            line.push_str(&format!("    {note}\n"));
        }
    }
    line
}

/// The meeting as an iCalendar file: one event per day, on that day's date, from its start
/// to the end of its items (or its planned end when it has none), in the venue's zone,
/// with the day's venue as LOCATION and its items in DESCRIPTION. The first day's UID is
/// the meeting's, so a calendar updates the event exported before the meeting had days.
/// `now` is the DTSTAMP (passed in so output is reproducible).
pub fn ics(
    project: &Project,
    id: &MeetingId,
    meeting: &Meeting,
    lang: ExportLanguage,
    now: DateTime<Utc>,
) -> String {
    let tz = meeting.time_zone;
    let mut w = calendar_start(meeting);
    let domain = uid_domain(project);
    for (d, part) in days(project, meeting, lang).into_iter().enumerate() {
        let summary_times = part.day.summary(tz);
        let start = summary_times.start;
        let end = part
            .day
            .planned_end_instant(tz)
            .filter(|e| *e > start && part.rows.is_empty())
            .unwrap_or_else(|| summary_times.end.max(add_minutes(start, 1)));
        let mut summary = lang.text(&meeting.title);
        if !part.day.title.is_empty() {
            summary.push_str(&format!(" — {}", lang.text(&part.day.title)));
        }
        let uid = if d == 0 {
            format!("{id}@{domain}.delegation-planner")
        } else {
            format!("{id}-day-{}@{domain}.delegation-planner", d + 1)
        };
        let description: String = part.rows.iter().map(description_line).collect();
        write_event(
            &mut w,
            tz,
            &Event {
                uid,
                start,
                end,
                summary,
                location: meeting.venue_of(d),
                description,
            },
            lang,
            &now,
        );
    }
    w.raw("END", "VCALENDAR");
    w.finish()
}

/// The meeting as an iCalendar file with one event per agenda item (`--per-item`): its
/// times, the meeting's and the item's titles, the day's venue, speakers and notes.
pub fn ics_per_item(
    project: &Project,
    id: &MeetingId,
    meeting: &Meeting,
    lang: ExportLanguage,
    now: DateTime<Utc>,
) -> String {
    let tz = meeting.time_zone;
    let mut w = calendar_start(meeting);
    let domain = uid_domain(project);
    for (d, part) in days(project, meeting, lang).into_iter().enumerate() {
        for row in &part.rows {
            let mut description = String::new();
            if !row.speakers.is_empty() {
                description.push_str(&format!(
                    "{}: {}\n",
                    lang.label("Speakers", "发言人"),
                    row.speakers
                ));
            }
            if !row.notes.is_empty() {
                description.push_str(&format!("{}\n", row.notes));
            }
            description.push_str(&lang.text(&meeting.title));
            write_event(
                &mut w,
                tz,
                &Event {
                    uid: format!("{id}-{}@{domain}.delegation-planner", row.item.id),
                    start: row.start,
                    end: row.end.max(add_minutes(row.start, 1)),
                    summary: row.title.clone(),
                    location: meeting.venue_of(d),
                    description,
                },
                lang,
                &now,
            );
        }
    }
    w.raw("END", "VCALENDAR");
    w.finish()
}
