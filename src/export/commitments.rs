//! The follow-up report of a project's commitments: a CSV table for spreadsheets, and a
//! Markdown, HTML or PDF report grouped by status; plus the follow-up list of the command
//! line. Library code shared by the app and the command line.
//!
//! "Overdue" and "due in N days" are relative to a `today` passed in, so the output is
//! reproducible.

use chrono::NaiveDate;

use super::agenda::{PRINT_CSS, html_escape};
use super::csv::CsvWriter;
use super::pdf;
use super::text::ExportLanguage;
use crate::model::followup::{self, DueState, Filter};
use crate::model::{
    Choice as _, Commitment, CommitmentId, CommitmentStatus, MeetingId, Owner, Precondition,
    ProgressEntry, Project,
};

/// The formats the commitments can be exported to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum CommitmentsFormat {
    /// CSV for spreadsheets (UTF-8 with BOM).
    Csv,
    /// Markdown report grouped by status.
    Md,
    /// Print-ready HTML report grouped by status.
    Html,
    /// PDF report grouped by status, with the Chinese font embedded.
    Pdf,
}

impl CommitmentsFormat {
    /// Every format, in menu order.
    pub const ALL: [Self; 4] = [Self::Pdf, Self::Html, Self::Md, Self::Csv];

    /// The file-name extension.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Csv => "csv",
            Self::Md => "md",
            Self::Html => "html",
            Self::Pdf => "pdf",
        }
    }
}

/// The commitments that pass `filter` on `today`, in `format`, as the bytes of the file.
///
/// # Errors
/// Only the PDF can fail, see [`pdf::render`].
pub fn render(
    project: &Project,
    filter: &Filter,
    format: CommitmentsFormat,
    lang: ExportLanguage,
    today: NaiveDate,
) -> Result<Vec<u8>, pdf::PdfError> {
    Ok(match format {
        CommitmentsFormat::Csv => csv(project, filter, lang, today).into_bytes(),
        CommitmentsFormat::Md => markdown(project, filter, lang, today).into_bytes(),
        CommitmentsFormat::Html => html(project, filter, lang, today).into_bytes(),
        CommitmentsFormat::Pdf => pdf(project, filter, lang, today)?,
    })
}

/// One commitment, its references resolved to names, ready for any format.
struct Row<'p> {
    id: &'p CommitmentId,
    c: &'p Commitment,
    title: String,
    parent: Option<String>,
    meeting: String,
    parties: String,
    owners: String,
    topics: String,
    status: String,
    due: String,
    follow_up: String,
    state: DueState,
    preconditions: String,
    progress: Vec<String>,
    /// Internal remarks: only in the planners' own copy (a copy for partners has none).
    remarks: String,
}

/// The commitments passing `filter`, in tree order.
fn rows<'p>(
    project: &'p Project,
    filter: &Filter,
    lang: ExportLanguage,
    today: NaiveDate,
) -> Vec<Row<'p>> {
    followup::filtered(project, filter, today)
        .into_iter()
        .filter_map(|(id, _)| project.commitments.get_key_value(&id))
        .map(|(id, c)| row(project, id, c, lang, today))
        .collect()
}

fn row<'p>(
    project: &'p Project,
    id: &'p CommitmentId,
    c: &'p Commitment,
    lang: ExportLanguage,
    today: NaiveDate,
) -> Row<'p> {
    let zh = lang == ExportLanguage::Zh;
    let state = followup::due_state(c, today, followup::LATER_DAYS);
    Row {
        id,
        c,
        title: lang.text(&c.title),
        parent: c.parent.as_ref().map(|p| commitment_name(project, p, lang)),
        meeting: c
            .agreed_at
            .as_ref()
            .map(|m| meeting_name(project, m, lang))
            .unwrap_or_default(),
        parties: c
            .parties
            .iter()
            .map(|o| project.organisation_name(o, zh))
            .collect::<Vec<_>>()
            .join(", "),
        owners: c
            .owners
            .iter()
            .map(|o| owner_name(project, o, zh))
            .collect::<Vec<_>>()
            .join("; "),
        topics: c.topics.join("; "),
        status: lang.choice(c.status),
        due: c.due.map(|d| date_text(d, lang)).unwrap_or_default(),
        follow_up: follow_up_text(state, lang),
        state,
        preconditions: c
            .preconditions
            .iter()
            .map(|p| precondition_text(project, p, lang))
            .collect::<Vec<_>>()
            .join("; "),
        progress: c
            .progress
            .iter()
            .map(|e| progress_text(project, e, lang))
            .collect(),
        remarks: super::sanitize_cell(c.remarks.trim()),
    }
}

fn commitment_name(project: &Project, id: &CommitmentId, lang: ExportLanguage) -> String {
    project
        .commitments
        .get(id)
        .map_or_else(|| format!("▲ {id}"), |c| lang.text(&c.title))
}

fn meeting_name(project: &Project, id: &MeetingId, lang: ExportLanguage) -> String {
    project.meetings.get(id).map_or_else(
        || format!("▲ {id}"),
        |m| {
            format!(
                "{} {}",
                date_text(m.start_date(), lang),
                lang.text(&m.title)
            )
        },
    )
}

/// A date in the report: `2025年6月30日` in a Chinese report, `2025-06-30` otherwise (the
/// ISO form reads the same in both languages and sorts in a spreadsheet).
fn date_text(date: NaiveDate, lang: ExportLanguage) -> String {
    match lang {
        ExportLanguage::Zh => super::text::short_date(date, lang),
        ExportLanguage::En | ExportLanguage::Both => date.to_string(),
    }
}

fn owner_name(project: &Project, owner: &Owner, zh: bool) -> String {
    let lang = if zh {
        ExportLanguage::Zh
    } else {
        ExportLanguage::Both
    };
    match owner {
        Owner::Person(p) => super::names::person_in(project, p, lang),
        Owner::Organisation(o) => project.organisation_name(o, zh),
    }
}

fn precondition_text(project: &Project, p: &Precondition, lang: ExportLanguage) -> String {
    match p {
        Precondition::Condition(text) => lang.text(text),
        Precondition::Commitment(id) => {
            let status = project
                .commitments
                .get(id)
                .map(|c| format!(" ({})", lang.choice(c.status)))
                .unwrap_or_default();
            format!(
                "{} {}{status}",
                lang.label("after", "须先完成"),
                commitment_name(project, id, lang)
            )
        }
    }
}

/// `2024-09-23 — Agreed in principle… — status Blocked — at CCAA–AFNOR meeting…`.
fn progress_text(project: &Project, e: &ProgressEntry, lang: ExportLanguage) -> String {
    let mut parts = vec![date_text(e.date, lang)];
    if !e.note.is_empty() {
        parts.push(lang.text(&e.note));
    }
    if let Some(status) = e.status {
        parts.push(format!(
            "{} {}",
            lang.label("status", "状态"),
            lang.choice(status)
        ));
    }
    if let Some(m) = &e.meeting {
        parts.push(format!(
            "{} {}",
            lang.label("at", "会议"),
            meeting_name(project, m, lang)
        ));
    }
    parts.join(" — ")
}

/// `overdue by 3 days`, `due today`, `due in 12 days`; empty for anything else.
pub fn follow_up_text(state: DueState, lang: ExportLanguage) -> String {
    let (en, zh) = match state {
        DueState::Overdue { days: 1 } => ("overdue by 1 day".to_owned(), "逾期 1 天".to_owned()),
        DueState::Overdue { days } => {
            (format!("overdue by {days} days"), format!("逾期 {days} 天"))
        }
        DueState::DueSoon { days: 0 } => ("due today".to_owned(), "今天到期".to_owned()),
        DueState::DueSoon { days: 1 } => ("due tomorrow".to_owned(), "明天到期".to_owned()),
        DueState::DueSoon { days } => (format!("due in {days} days"), format!("{days} 天后到期")),
        DueState::Later | DueState::NoDate | DueState::Closed => return String::new(),
    };
    match lang {
        ExportLanguage::En => en,
        ExportLanguage::Zh => zh,
        ExportLanguage::Both => format!("{en} / {zh}"),
    }
}

/// The CSV table: one row per commitment, in tree order, headers in English so scripts
/// can rely on them; text cells in `lang`.
pub fn csv(project: &Project, filter: &Filter, lang: ExportLanguage, today: NaiveDate) -> String {
    let mut w = CsvWriter::new();
    let mut header = vec![
        "Id",
        "Title",
        "Title (Chinese)",
        "Sub-point of",
        "Meeting",
        "Parties",
        "Owner",
        "Topics",
        "Status",
        "Due date",
        "Follow-up",
        "Preconditions",
        "Last update",
        "Latest progress",
    ];
    let rows = rows(project, filter, lang, today);
    let remarks = rows.iter().any(|r| !r.remarks.is_empty());
    if remarks {
        header.push("Internal remarks");
    }
    w.row(header);
    for row in rows {
        let last = followup::last_entry(row.c)
            .map(|e| lang.text(&e.note))
            .unwrap_or_default();
        let last_update = followup::last_update(row.c)
            .map(|d| d.to_string())
            .unwrap_or_default();
        let mut cells = vec![
            row.id.as_str(),
            &row.c.title.en,
            &row.c.title.zh,
            row.c.parent.as_ref().map_or("", |p| p.as_str()),
            &row.meeting,
            &row.parties,
            &row.owners,
            &row.topics,
            &row.status,
            &row.due,
            &row.follow_up,
            &row.preconditions,
            &last_update,
            &last,
        ];
        if remarks {
            cells.push(&row.remarks);
        }
        w.row(cells);
    }
    w.finish()
}

/// The rows grouped by status, in the order of [`CommitmentStatus::ALL`], empty groups left out.
fn by_status(rows: Vec<Row<'_>>) -> Vec<(CommitmentStatus, Vec<Row<'_>>)> {
    let mut groups: Vec<(CommitmentStatus, Vec<Row<'_>>)> = CommitmentStatus::ALL
        .iter()
        .map(|&s| (s, Vec::new()))
        .collect();
    for row in rows {
        if let Some((_, group)) = groups.iter_mut().find(|(s, _)| *s == row.c.status) {
            group.push(row);
        }
    }
    groups.retain(|(_, g)| !g.is_empty());
    groups
}

fn report_title(project: &Project, lang: ExportLanguage) -> String {
    let heading = lang.label("Follow-up of commitments", "合作事项跟进");
    let project_title = lang.text(&project.info.title);
    if project_title.trim().is_empty() {
        heading
    } else {
        format!("{heading} — {project_title}")
    }
}

/// `As of 2025-06-15: 9 commitments; 1 overdue; 1 due within 30 days; 5 within 90 days`.
fn summary(rows: &[Row<'_>], lang: ExportLanguage, today: NaiveDate) -> String {
    let overdue = rows
        .iter()
        .filter(|r| matches!(r.state, DueState::Overdue { .. }))
        .count();
    let within = |n: u32| {
        rows.iter()
            .filter(|r| matches!(followup::due_state(r.c, today, n), DueState::DueSoon { .. }))
            .count()
    };
    let soon = within(followup::SOON_DAYS);
    let later = within(followup::LATER_DAYS);
    let en = format!(
        "As of {today}: {} commitments; {overdue} overdue; {soon} due within {} days; {later} within {} days",
        rows.len(),
        followup::SOON_DAYS,
        followup::LATER_DAYS
    );
    let zh = format!(
        "截至 {}：共 {} 项；逾期 {overdue} 项；{} 天内到期 {soon} 项；{} 天内到期 {later} 项",
        date_text(today, ExportLanguage::Zh),
        rows.len(),
        followup::SOON_DAYS,
        followup::LATER_DAYS
    );
    match lang {
        ExportLanguage::En => en,
        ExportLanguage::Zh => zh,
        ExportLanguage::Both => format!("{en}\n{zh}"),
    }
}

/// The facts of one commitment as `(label, value)`, empty values left out.
fn facts(row: &Row<'_>, lang: ExportLanguage) -> Vec<(String, String)> {
    let mut due = row.due.clone();
    if !row.follow_up.is_empty() {
        due = format!("{due} ({})", row.follow_up);
    }
    // No id: the report goes to partners, who know a point by its title.
    let facts = [
        (
            lang.label("Sub-point of", "上级事项"),
            row.parent.clone().unwrap_or_default(),
        ),
        (lang.label("Agreed at", "商定于"), row.meeting.clone()),
        (lang.label("Parties", "相关方"), row.parties.clone()),
        (lang.label("Owners", "负责人"), row.owners.clone()),
        (lang.label("Topics", "主题"), row.topics.clone()),
        (lang.label("Due", "截止日期"), due),
        (
            lang.label("Preconditions", "前提条件"),
            row.preconditions.clone(),
        ),
        (
            lang.label("Internal remarks", "内部备注"),
            row.remarks.clone(),
        ),
    ];
    facts
        .into_iter()
        .filter(|(_, v)| !v.trim().is_empty())
        .collect()
}

use super::sanitize::md_escape;

fn status_heading(status: CommitmentStatus, count: usize, lang: ExportLanguage) -> String {
    format!("{} ({count})", lang.choice(status))
}

/// The report as Markdown: a section per status, a sub-section per commitment with its
/// facts and progress log.
pub fn markdown(
    project: &Project,
    filter: &Filter,
    lang: ExportLanguage,
    today: NaiveDate,
) -> String {
    let rows = rows(project, filter, lang, today);
    let mut out = format!("# {}\n\n", md_escape(&report_title(project, lang)));
    for line in summary(&rows, lang, today).lines() {
        out.push_str(&format!("{}  \n", md_escape(line)));
    }
    out.push('\n');
    if rows.is_empty() {
        out.push_str(&format!(
            "{}\n",
            md_escape(&lang.label("No commitments.", "没有合作事项。"))
        ));
    }
    for (status, group) in by_status(rows) {
        out.push_str(&format!(
            "## {}\n\n",
            md_escape(&status_heading(status, group.len(), lang))
        ));
        for row in &group {
            out.push_str(&format!("### {}\n\n", md_escape(&row.title)));
            for (label, value) in facts(row, lang) {
                out.push_str(&format!(
                    "- **{}**: {}\n",
                    md_escape(&label),
                    md_escape(&value)
                ));
            }
            if !row.progress.is_empty() {
                out.push_str(&format!("- **{}**:\n", lang.label("Progress", "进展")));
                for entry in &row.progress {
                    out.push_str(&format!("  - {}\n", md_escape(entry)));
                }
            }
            out.push('\n');
        }
    }
    out
}

/// Extra CSS of the report on top of [`PRINT_CSS`].
const REPORT_CSS: &str = "h2{margin-top:1.4em;border-bottom:2px solid #1a1a1a}p.summary{color:#444}
td.overdue{color:#b00020;font-weight:bold}td.soon{color:#9a5b00}.sub{color:#666;font-size:.85em}
ul.progress{margin:0;padding-left:1.1em}";

/// The report as a standalone, print-ready HTML page: a section per status with a table of
/// its commitments.
pub fn html(project: &Project, filter: &Filter, lang: ExportLanguage, today: NaiveDate) -> String {
    let e = |s: &str| html_escape(s);
    let rows = rows(project, filter, lang, today);
    let title = report_title(project, lang);
    let html_lang = if lang == ExportLanguage::Zh {
        "zh-Hans"
    } else {
        "en"
    };
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"{html_lang}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>{PRINT_CSS}\n{REPORT_CSS}</style>\n</head>\n<body>\n<h1>{}</h1>\n",
        e(&title),
        e(&title)
    );
    for line in summary(&rows, lang, today).lines() {
        out.push_str(&format!("<p class=\"summary\">{}</p>\n", e(line)));
    }
    if rows.is_empty() {
        out.push_str(&format!(
            "<p>{}</p>\n",
            e(&lang.label("No commitments.", "没有合作事项。"))
        ));
    }
    let header = [
        lang.label("Commitment", "合作事项"),
        lang.label("Agreed at · parties", "商定于 · 相关方"),
        lang.label("Owners", "负责人"),
        lang.label("Due", "截止日期"),
        lang.label("Progress", "进展"),
    ];
    for (status, group) in by_status(rows) {
        out.push_str(&format!(
            "<section class=\"status\" data-status=\"{}\">\n<h2>{}</h2>\n<table>\n<thead><tr>",
            status.key(),
            e(&status_heading(status, group.len(), lang))
        ));
        for h in &header {
            out.push_str(&format!("<th>{}</th>", e(h)));
        }
        out.push_str("</tr></thead>\n<tbody>\n");
        for row in &group {
            // The id stays in an attribute for scripts; the reader sees the title only.
            out.push_str(&format!(
                "<tr data-id=\"{}\"><td><strong>{}</strong>",
                e(row.id.as_str()),
                e(&row.title),
            ));
            if let Some(parent) = &row.parent {
                out.push_str(&format!(
                    "<div class=\"sub\">{}: {}</div>",
                    e(&lang.label("Sub-point of", "上级事项")),
                    e(parent)
                ));
            }
            for (label, value) in [
                (lang.label("Topics", "主题"), &row.topics),
                (lang.label("Preconditions", "前提条件"), &row.preconditions),
                (lang.label("Internal remarks", "内部备注"), &row.remarks),
            ] {
                if !value.is_empty() {
                    out.push_str(&format!("<div>{}: {}</div>", e(&label), e(value)));
                }
            }
            out.push_str(&format!(
                "</td><td>{}<div>{}</div></td><td>{}</td>",
                e(&row.meeting),
                e(&row.parties),
                super::sanitize::html_nowrap_pieces(&row.owners)
            ));
            let class = match row.state {
                DueState::Overdue { .. } => " class=\"overdue\"",
                DueState::DueSoon { .. } => " class=\"soon\"",
                _ => "",
            };
            out.push_str(&format!(
                "<td{class}><span class=\"nb\">{}</span>",
                e(&row.due)
            ));
            if !row.follow_up.is_empty() {
                out.push_str(&format!("<div>{}</div>", e(&row.follow_up)));
            }
            out.push_str("</td><td>");
            if !row.progress.is_empty() {
                out.push_str("<ul class=\"progress\">");
                for entry in &row.progress {
                    out.push_str(&format!("<li>{}</li>", e(entry)));
                }
                out.push_str("</ul>");
            }
            out.push_str("</td></tr>\n");
        }
        out.push_str("</tbody>\n</table>\n</section>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// The report as a landscape PDF with the CJK font embedded: a table per status.
///
/// # Errors
/// See [`pdf::render`].
pub fn pdf(
    project: &Project,
    filter: &Filter,
    lang: ExportLanguage,
    today: NaiveDate,
) -> Result<Vec<u8>, pdf::PdfError> {
    let rows = rows(project, filter, lang, today);
    let title = report_title(project, lang);
    let mut blocks = vec![
        pdf::Block::Title(title.clone()),
        pdf::Block::Small(summary(&rows, lang, today)),
    ];
    if rows.is_empty() {
        blocks.push(pdf::Block::Paragraph(
            lang.label("No commitments.", "没有合作事项。"),
        ));
    }
    let header = vec![
        lang.label("Commitment", "合作事项"),
        lang.label("Agreed at · parties", "商定于 · 相关方"),
        lang.label("Owners", "负责人"),
        lang.label("Due", "截止日期"),
        lang.label("Progress", "进展"),
    ];
    for (status, group) in by_status(rows) {
        blocks.push(pdf::Block::Spacer(6.0));
        blocks.push(pdf::Block::Heading(status_heading(
            status,
            group.len(),
            lang,
        )));
        let table_rows = group
            .iter()
            .map(|row| {
                let mut commitment = row.title.clone();
                if let Some(parent) = &row.parent {
                    commitment.push_str(&format!(
                        "\n{}: {parent}",
                        lang.label("Sub-point of", "上级事项")
                    ));
                }
                for (label, value) in [
                    (lang.label("Topics", "主题"), &row.topics),
                    (lang.label("Preconditions", "前提条件"), &row.preconditions),
                    (lang.label("Internal remarks", "内部备注"), &row.remarks),
                ] {
                    if !value.is_empty() {
                        commitment.push_str(&format!("\n{label}: {value}"));
                    }
                }
                let mut due = row.due.clone();
                if !row.follow_up.is_empty() {
                    due.push_str(&format!("\n{}", row.follow_up));
                }
                vec![
                    commitment,
                    format!("{}\n{}", row.meeting, row.parties),
                    row.owners.replace("; ", "\n"),
                    due,
                    row.progress.join("\n"),
                ]
            })
            .collect();
        blocks.push(pdf::Block::Table {
            widths: vec![3.6, 2.2, 2.0, 1.4, 3.8],
            header: header.clone(),
            rows: table_rows,
        });
    }
    pdf::render(&pdf::Document {
        title,
        footer: super::text::footer_line(&lang.text(&project.info.title), today, lang),
        page: pdf::PageSize::A4Landscape,
        blocks,
    })
}

/// The follow-up list: one line per open commitment that is overdue or due within
/// `within_days` of `today`, sorted by due date, tab-separated:
/// `2025-06-30  overdue  93 days  innovation-training  Agreed  Collaborate on training…`
/// (the second field is `overdue` or `due`, the third how late or how soon); ids and
/// titles escaped as `list` escapes them.
pub fn followups_text(project: &Project, today: NaiveDate, within_days: u32) -> String {
    let mut out = String::new();
    for (id, state) in followup::needing_attention(project, today, within_days) {
        let Some(c) = project.commitments.get(&id) else {
            continue;
        };
        let (mark, when) = match state {
            DueState::Overdue { days: 1 } => ("overdue", "1 day".to_owned()),
            DueState::Overdue { days } => ("overdue", format!("{days} days")),
            DueState::DueSoon { days: 0 } => ("due", "today".to_owned()),
            DueState::DueSoon { days: 1 } => ("due", "in 1 day".to_owned()),
            DueState::DueSoon { days } => ("due", format!("in {days} days")),
            DueState::Later | DueState::NoDate | DueState::Closed => continue,
        };
        let due = c.due.map(|d| d.to_string()).unwrap_or_default();
        // One line per commitment, one field per tab, whatever the file holds.
        out.push_str(&format!(
            "{due}\t{mark}\t{when}\t{}\t{}\t{}\n",
            crate::model::escape_text(id.as_str()),
            c.status.label_en(),
            crate::model::escape_text(&c.title.both())
        ));
    }
    out
}
