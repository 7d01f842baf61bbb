//! Commitment exports, checked by reading them back: the CSV through a real RFC 4180
//! parser, the Markdown and HTML by their structure, the PDF through text extraction, and
//! the command line (`export commitments`, `followups`) as a real process.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // Test helpers may panic: a panic is a failed test.

use chrono::NaiveDate;
use delegation_planner::export::ExportLanguage;
use delegation_planner::export::commitments::{self, CommitmentsFormat};
use delegation_planner::model::followup::Filter;
use delegation_planner::model::{CommitmentId, CommitmentStatus, Project};

fn sample() -> Project {
    delegation_planner::samples::ccaa_afnor().unwrap()
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// The records of a CSV text, after checking and removing its BOM.
fn parse_csv(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let body = text
        .strip_prefix('\u{feff}')
        .expect("a UTF-8 BOM for Excel");
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(body.as_bytes());
    let headers = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    let rows = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect();
    (headers, rows)
}

fn column(headers: &[String], name: &str) -> usize {
    headers
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name} in {headers:?}"))
}

#[test]
fn csv_has_the_columns_and_one_row_per_commitment_in_tree_order() {
    let project = sample();
    let text = commitments::csv(
        &project,
        &Filter::default(),
        ExportLanguage::En,
        d(2025, 7, 2),
    );
    assert!(text.contains("\r\n"), "records end in CRLF");
    let (headers, rows) = parse_csv(&text);
    for name in [
        "Title",
        "Title (Chinese)",
        "Meeting",
        "Parties",
        "Owner",
        "Topics",
        "Status",
        "Due date",
        "Last update",
    ] {
        column(&headers, name);
    }
    assert_eq!(rows.len(), 9);
    assert!(rows.iter().all(|r| r.len() == headers.len()));
    let ids: Vec<_> = rows
        .iter()
        .map(|r| r[column(&headers, "Id")].as_str())
        .collect();
    assert_eq!(
        ids,
        [
            "innovation",
            "innovation-esg",
            "innovation-iso-42001",
            "innovation-training",
            "mutual-recognition",
            "mutual-recognition-iso-22000",
            "mutual-recognition-iso-27001",
            "mutual-recognition-iso-50001",
            "sharing-expertise"
        ]
    );
    let mr = &rows[4];
    let cell = |name: &str| mr[column(&headers, name)].as_str();
    assert_eq!(
        cell("Title"),
        "Mutual recognition of auditor registration and competence"
    );
    assert_eq!(cell("Title (Chinese)"), "审核员注册及能力认定互认");
    assert_eq!(
        cell("Meeting"),
        "2024-09-23 CCAA–AFNOR meeting at AFNOR headquarters"
    );
    assert_eq!(cell("Parties"), "AFNOR, CCAA");
    assert_eq!(cell("Owner"), "WANG Qian 王 茜; Myriam AUGEREAU LANDAIS");
    assert_eq!(cell("Topics"), "ISO 50001; ISO 22000; ISO 27001");
    assert_eq!(cell("Status"), "Blocked");
    assert_eq!(cell("Due date"), "2025-12-31");
    assert_eq!(cell("Last update"), "2024-09-23");
    assert_eq!(
        cell("Preconditions"),
        "Formal approval of the CNCA, China's competent authority"
    );
    assert_eq!(
        rows[5][column(&headers, "Sub-point of")],
        "mutual-recognition"
    );
    // On 2 July 2025 the training point (due 30 June) is two days late.
    let training = &rows[3];
    assert_eq!(training[column(&headers, "Follow-up")], "overdue by 2 days");
    assert_eq!(training[column(&headers, "Last update")], "");
}

#[test]
fn csv_cells_cannot_inject_formulas_and_survive_quotes_and_line_breaks() {
    let mut project = sample();
    let c = project
        .commitments
        .get_mut(&CommitmentId::from("innovation"))
        .unwrap();
    c.title.en = "=HYPERLINK(\"http://evil\",\"click\")".into();
    c.title.zh = "第一行\n第二行, 带逗号".into();
    c.topics = vec!["-1+2".into(), "@SUM(A1)".into()];
    c.progress[0].note.en = "\tTabbed".into();
    let text = commitments::csv(
        &project,
        &Filter::default(),
        ExportLanguage::En,
        d(2025, 1, 1),
    );
    let (headers, rows) = parse_csv(&text);
    let row = &rows[0];
    assert_eq!(
        row[column(&headers, "Title")],
        "'=HYPERLINK(\"http://evil\",\"click\")"
    );
    assert_eq!(
        row[column(&headers, "Title (Chinese)")],
        "第一行\n第二行, 带逗号"
    );
    assert_eq!(row[column(&headers, "Topics")], "'-1+2; @SUM(A1)");
    assert_eq!(row[column(&headers, "Latest progress")], "'\tTabbed");
    // Every cell that a spreadsheet would read as a formula starts with a quote mark.
    for row in &rows {
        for cell in row {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "unsafe cell {cell:?}"
            );
        }
    }
}

#[test]
fn markdown_report_is_grouped_by_status_in_status_order() {
    let project = sample();
    let md = commitments::markdown(
        &project,
        &Filter::default(),
        ExportLanguage::En,
        d(2025, 10, 1),
    );
    assert!(
        md.starts_with("# Follow-up of commitments — CCAA–AFNOR cooperation\n"),
        "{md}"
    );
    // Parse the outline: each `##` group and the `###` commitments under it.
    let mut groups: Vec<(String, Vec<String>)> = Vec::new();
    for line in md.lines() {
        if let Some(group) = line.strip_prefix("## ") {
            groups.push((group.to_owned(), Vec::new()));
        } else if let Some(title) = line.strip_prefix("### ") {
            groups.last_mut().unwrap().1.push(title.to_owned());
        }
    }
    let names: Vec<_> = groups.iter().map(|(g, _)| g.as_str()).collect();
    assert_eq!(
        names,
        [
            "Proposed (2)",
            "Agreed (2)",
            "In progress (1)",
            "Blocked (4)"
        ]
    );
    assert_eq!(
        groups[3].1[0],
        "Mutual recognition of auditor registration and competence"
    );
    assert!(
        md.contains(
            "As of 2025-10-01: 9 commitments; 5 overdue; 0 due within 30 days; 0 within 90 days"
        ),
        "{md}"
    );
    assert!(
        md.contains("- **Due**: 2025-06-30 (overdue by 93 days)"),
        "{md}"
    );
    assert!(
        md.contains("- **Sub-point of**: Explore mutual recognition in innovative business areas"),
        "{md}"
    );
    assert!(
        md.contains("  - 2024-09-23 — Agreed in principle; CCAA pointed out"),
        "{md}"
    );

    let zh = commitments::markdown(
        &project,
        &Filter::default(),
        ExportLanguage::Zh,
        d(2025, 10, 1),
    );
    assert!(zh.contains("## 受阻 (4)"), "{zh}");
    assert!(zh.contains("### 审核员注册及能力认定互认"), "{zh}");
    assert!(!zh.contains("Mutual recognition of auditor"));
}

#[test]
fn markdown_escapes_markup_in_titles() {
    let mut project = sample();
    project
        .commitments
        .get_mut(&CommitmentId::from("innovation"))
        .unwrap()
        .title
        .en = "*bold* [link](x) | pipe\n# heading".into();
    let md = commitments::markdown(
        &project,
        &Filter::default(),
        ExportLanguage::En,
        d(2025, 1, 1),
    );
    assert!(
        md.contains("### \\*bold\\* \\[link\\](x) \\| pipe \\# heading\n"),
        "{md}"
    );
}

/// The `(status, [ids])` sections of the HTML report, in document order.
fn html_sections(html: &str) -> Vec<(String, Vec<String>)> {
    html.split("<section class=\"status\" data-status=\"")
        .skip(1)
        .map(|section| {
            let (status, rest) = section.split_once('"').unwrap();
            let body = rest.split("</section>").next().unwrap();
            let ids = body
                .split("<tr data-id=\"")
                .skip(1)
                .map(|r| r.split_once('"').unwrap().0.to_owned())
                .collect();
            (status.to_owned(), ids)
        })
        .collect()
}

#[test]
fn html_report_sections_escaping_and_overdue_marks() {
    let mut project = sample();
    project
        .commitments
        .get_mut(&CommitmentId::from("sharing-expertise"))
        .unwrap()
        .title
        .en = "<script>alert(1)</script> & \"quotes\"".into();
    let html = commitments::html(
        &project,
        &Filter::default(),
        ExportLanguage::En,
        d(2025, 10, 1),
    );
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<meta charset=\"utf-8\">"));
    assert!(!html.contains("<script>"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;"));
    let sections = html_sections(&html);
    let statuses: Vec<_> = sections.iter().map(|(s, _)| s.as_str()).collect();
    assert_eq!(statuses, ["proposed", "agreed", "in-progress", "blocked"]);
    assert_eq!(sections[2].1, ["sharing-expertise"]);
    assert_eq!(sections[3].1.len(), 4);
    // The overdue training point is marked; the blocked year-end points are not.
    let training = html
        .split("<tr data-id=\"innovation-training\"")
        .nth(1)
        .unwrap();
    let training = training.split("</tr>").next().unwrap();
    assert!(
        training.contains(
            "<td class=\"overdue\"><span class=\"nb\">2025-06-30</span><div>overdue by 93 days</div>"
        ),
        "{training}"
    );
    let blocked = html
        .split("<tr data-id=\"mutual-recognition\"")
        .nth(1)
        .unwrap();
    assert!(!blocked.split("</tr>").next().unwrap().contains("overdue"));
}

#[test]
fn a_status_filter_keeps_only_those_commitments() {
    let project = sample();
    let filter = Filter {
        statuses: [CommitmentStatus::Blocked].into(),
        ..Default::default()
    };
    let html = commitments::html(&project, &filter, ExportLanguage::Both, d(2025, 1, 1));
    let sections = html_sections(&html);
    assert_eq!(sections.len(), 1);
    assert_eq!(sections[0].0, "blocked");
    assert!(html.contains("<h2>Blocked 受阻 (4)</h2>"), "{html}");
    let empty = Filter {
        statuses: [CommitmentStatus::Done].into(),
        ..Default::default()
    };
    let md = commitments::markdown(&project, &empty, ExportLanguage::En, d(2025, 1, 1));
    assert!(md.contains("No commitments."), "{md}");
    let (_, rows) = parse_csv(&commitments::csv(
        &project,
        &empty,
        ExportLanguage::En,
        d(2025, 1, 1),
    ));
    assert!(rows.is_empty());
}

#[test]
fn pdf_report_has_extractable_text_in_both_scripts() {
    let project = sample();
    let bytes = commitments::render(
        &project,
        &Filter::default(),
        CommitmentsFormat::Pdf,
        ExportLanguage::Both,
        d(2025, 10, 1),
    )
    .unwrap();
    assert!(bytes.starts_with(b"%PDF"));
    let text = pdf_extract::extract_text_from_mem(&bytes).unwrap();
    let squashed: String = text.split_whitespace().collect();
    for expected in [
        "Follow-upofcommitments",
        "合作事项跟进",
        "Blocked受阻(4)",
        "审核员注册及能力认定互认",
        "ISO50001(energymanagement)auditors",
        "overdueby93days",
    ] {
        assert!(squashed.contains(expected), "{expected} not in {text}");
    }
    // The report goes to partners: no internal id is printed, only titles.
    for id in project.commitments.keys() {
        assert!(!squashed.contains(id.as_str()), "id {id} printed in {text}");
    }
}

fn run(args: &[&str]) -> (i32, String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_delegation-planner"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn cli_exports_commitments_with_a_status_filter() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("blocked.csv");
    let (code, out, err) = run(&[
        "export",
        "commitments",
        "saves/ccaa-afnor-paris-2024.ron",
        "--format",
        "csv",
        "--status",
        "blocked",
        "--status",
        "proposed",
        "--today",
        "2025-01-01",
        "-o",
        target.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("wrote"), "{out}");
    let (headers, rows) = parse_csv(&std::fs::read_to_string(&target).unwrap());
    let statuses: Vec<_> = rows
        .iter()
        .map(|r| r[column(&headers, "Status")].as_str())
        .collect();
    assert_eq!(statuses.len(), 6);
    assert!(
        statuses
            .iter()
            .all(|s| *s == "Blocked 受阻" || *s == "Proposed 提议"),
        "{statuses:?}"
    );
    for format in ["md", "html", "pdf"] {
        let target = dir.path().join(format!("report.{format}"));
        let (code, out, err) = run(&[
            "export",
            "commitments",
            "saves/ccaa-afnor-paris-2024.ron",
            "--format",
            format,
            "--status",
            "open",
            "-o",
            target.to_str().unwrap(),
        ]);
        assert_eq!(code, 0, "{format}: {out}{err}");
        assert!(std::fs::metadata(&target).unwrap().len() > 500);
    }
    let md = std::fs::read_to_string(dir.path().join("report.md")).unwrap();
    assert!(md.contains("## Blocked 受阻 (4)"), "{md}");
}

#[test]
fn cli_followups_lists_overdue_and_due_soon_by_due_date() {
    let (code, out, err) = run(&[
        "followups",
        "saves/ccaa-afnor-paris-2024.ron",
        "--today",
        "2025-09-01",
        "--within",
        "30",
    ]);
    assert_eq!(code, 0, "{err}");
    let lines: Vec<Vec<&str>> = out.lines().map(|l| l.split('\t').collect()).collect();
    let summary: Vec<_> = lines.iter().map(|f| (f[0], f[1], f[2], f[3])).collect();
    assert_eq!(
        summary,
        [
            ("2025-06-30", "overdue", "63 days", "innovation-training"),
            ("2025-09-30", "due", "in 29 days", "innovation"),
            ("2025-09-30", "due", "in 29 days", "innovation-esg"),
            ("2025-09-30", "due", "in 29 days", "innovation-iso-42001"),
            ("2025-09-30", "due", "in 29 days", "sharing-expertise"),
        ]
    );
    assert_eq!(lines[0][4], "Agreed");
    assert_eq!(
        lines[0][5],
        "Collaborate on training courses and seminars 合作开展培训课程和研讨会"
    );
    // A narrower window leaves only what is late.
    let (_, out, _) = run(&[
        "followups",
        "saves/ccaa-afnor-paris-2024.ron",
        "--today",
        "2025-09-01",
        "--within",
        "28",
    ]);
    assert_eq!(out.lines().count(), 1, "{out}");
    // A bad date is refused with a message, not a panic.
    let (code, _, err) = run(&[
        "followups",
        "saves/ccaa-afnor-paris-2024.ron",
        "--today",
        "2025-02-30",
    ]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("--today"), "{err}");
}
