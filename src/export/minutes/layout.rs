//! The minutes laid out: Markdown, HTML, and the parts of the printed formats (PDF, Word).

use super::words::*;
use super::{CommitmentLine, Record};
use crate::export::docx::Part;
use crate::export::pdf;
use crate::export::text::ExportLanguage;

/// The minutes as Markdown.
pub fn markdown(r: &Record, lang: ExportLanguage) -> String {
    let md = |s: &str| crate::export::sanitize::md_escape(s);
    let mut out = format!("# {}\n\n", md(&title_line(r, lang)));
    out.push_str(&format!(
        "*{}*\n\n",
        md(&mark_text(r.stage, r.version, lang))
    ));
    for (label, value) in facts(r, lang) {
        out.push_str(&format!("- **{}**: {}\n", md(&label), md(&value)));
    }
    out.push_str(&format!("\n## {}\n", md(&word(&ATTENDEES, lang))));
    for side in &r.sides {
        out.push_str(&format!("\n### {}\n\n", md(&lang.text(&side.name))));
        for (i, a) in side.attendees.iter().enumerate() {
            out.push_str(&format!("{}. {}\n", i + 1, md(&attendee_line(a, lang))));
        }
    }
    if !r.absent.is_empty() {
        let names: Vec<String> = r.absent.iter().map(|n| lang.text(n)).collect();
        out.push_str(&format!(
            "\n{}: {}\n",
            md(&word(&ABSENT, lang)),
            md(&names.join("; "))
        ));
    }
    out.push_str(&format!("\n## {}\n", md(&word(&RECORD, lang))));
    for item in &r.items {
        out.push_str(&format!("\n### {}\n\n", md(&item_heading(item, lang))));
        match lang {
            ExportLanguage::Both => {
                let rows = item_rows(item);
                if rows.is_empty() {
                    out.push_str(&format!("{}\n", md(&word(&NOTHING_YET, lang))));
                    continue;
                }
                out.push_str("| | English | 中文 |\n|---|---|---|\n");
                for [label, en, zh] in rows {
                    out.push_str(&format!("| {} | {} | {} |\n", md(&label), md(&en), md(&zh)));
                }
            }
            _ => {
                let zh = lang == ExportLanguage::Zh;
                if item.summary.is_empty()
                    && item.decisions.is_empty()
                    && item.commitments.is_empty()
                {
                    out.push_str(&format!("{}\n", md(&word(&NOTHING_YET, lang))));
                    continue;
                }
                if !item.summary.is_empty() {
                    out.push_str(&format!("{}\n\n", md(&one(&item.summary, zh))));
                }
                for d in &item.decisions {
                    out.push_str(&format!(
                        "- **{}**: {}\n",
                        md(word_in(&DECISION, zh)),
                        md(&one(d, zh))
                    ));
                }
                for c in &item.commitments {
                    out.push_str(&format!(
                        "- **{}**: {}\n",
                        md(format!("{} {}", word_in(&COMMITMENT, zh), c.number).trim_end()),
                        md(&commitment_text(c, zh))
                    ));
                }
            }
        }
    }
    if !r.decisions.is_empty() || !r.commitments.is_empty() {
        out.push_str(&format!("\n## {}\n\n", md(&word(&AGREED, lang))));
        for (n, (item, d)) in r.decisions.iter().enumerate() {
            out.push_str(&format!(
                "{}. {} ({} {item})\n",
                n + 1,
                md(&lang.text(d)),
                md(&word(&UNDER_ITEM, lang))
            ));
        }
        let start = r.decisions.len();
        for (n, c) in r.commitments.iter().enumerate() {
            out.push_str(&format!(
                "{}. {}\n",
                start + n + 1,
                md(&agreed_commitment(c, lang))
            ));
        }
    }
    if !r.notes.trim().is_empty() {
        out.push_str(&format!(
            "\n## {}\n\n{}\n",
            md(&word(&NOTES, lang)),
            md(&r.notes)
        ));
    }
    out
}

/// A commitment in the list of agreed points, in `lang`.
pub(super) fn agreed_commitment(c: &CommitmentLine, lang: ExportLanguage) -> String {
    let text = commitment_in(c, lang);
    match &c.item {
        Some(item) => format!("{text} ({} {item})", word(&UNDER_ITEM, lang)),
        None => text,
    }
}

/// A commitment's line in `lang`, both languages joined by ` / `.
fn commitment_in(c: &CommitmentLine, lang: ExportLanguage) -> String {
    match lang {
        ExportLanguage::En => commitment_text(c, false),
        ExportLanguage::Zh => commitment_text(c, true),
        ExportLanguage::Both => format!(
            "{} / {}",
            commitment_text(c, false),
            commitment_text(c, true)
        ),
    }
}

/// The minutes as a standalone, print-ready HTML page.
pub fn html(r: &Record, lang: ExportLanguage) -> String {
    let e = |s: &str| crate::export::sanitize::html_escape(s);
    let html_lang = if lang == ExportLanguage::Zh {
        "zh-Hans"
    } else {
        "en"
    };
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"{html_lang}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>{}\ntd.label{{white-space:nowrap;color:#444}}p.mark{{color:#a33;font-weight:bold}}</style>\n</head>\n<body>\n",
        e(&title_line(r, lang)),
        crate::export::agenda::PRINT_CSS
    );
    out.push_str(&format!("<h1>{}</h1>\n", e(&title_line(r, lang))));
    out.push_str(&format!(
        "<p class=\"mark\">{}</p>\n<dl>\n",
        e(&mark_text(r.stage, r.version, lang))
    ));
    for (label, value) in facts(r, lang) {
        out.push_str(&format!("<dt>{}</dt><dd>{}</dd>\n", e(&label), e(&value)));
    }
    out.push_str(&format!("</dl>\n<h2>{}</h2>\n", e(&word(&ATTENDEES, lang))));
    for side in &r.sides {
        out.push_str(&format!("<h3>{}</h3>\n<ol>\n", e(&lang.text(&side.name))));
        for a in &side.attendees {
            out.push_str(&format!("<li>{}</li>\n", e(&attendee_line(a, lang))));
        }
        out.push_str("</ol>\n");
    }
    if !r.absent.is_empty() {
        let names: Vec<String> = r.absent.iter().map(|n| lang.text(n)).collect();
        out.push_str(&format!(
            "<p>{}: {}</p>\n",
            e(&word(&ABSENT, lang)),
            e(&names.join("; "))
        ));
    }
    out.push_str(&format!("<h2>{}</h2>\n", e(&word(&RECORD, lang))));
    for item in &r.items {
        out.push_str(&format!("<h3>{}</h3>\n", e(&item_heading(item, lang))));
        let rows: Vec<[String; 3]> = match lang {
            ExportLanguage::Both => item_rows(item),
            _ => {
                let zh = lang == ExportLanguage::Zh;
                let mut rows = Vec::new();
                if !item.summary.is_empty() {
                    rows.push([word(&SUMMARY, lang), one(&item.summary, zh), String::new()]);
                }
                for (i, d) in item.decisions.iter().enumerate() {
                    rows.push([
                        format!("{} {}", word(&DECISION, lang), i + 1),
                        one(d, zh),
                        String::new(),
                    ]);
                }
                for c in &item.commitments {
                    rows.push([
                        format!("{} {}", word(&COMMITMENT, lang), c.number)
                            .trim_end()
                            .to_owned(),
                        commitment_text(c, zh),
                        String::new(),
                    ]);
                }
                rows
            }
        };
        if rows.is_empty() {
            out.push_str(&format!("<p>{}</p>\n", e(&word(&NOTHING_YET, lang))));
            continue;
        }
        out.push_str("<table>\n");
        if lang == ExportLanguage::Both {
            out.push_str(
                "<thead><tr><th></th><th>English</th><th lang=\"zh-Hans\">中文</th></tr></thead>\n",
            );
        }
        for [label, a, b] in rows {
            out.push_str(&format!(
                "<tr><td class=\"label\">{}</td><td>{}</td>",
                e(&label),
                e(&a)
            ));
            if lang == ExportLanguage::Both {
                out.push_str(&format!("<td lang=\"zh-Hans\">{}</td>", e(&b)));
            }
            out.push_str("</tr>\n");
        }
        out.push_str("</table>\n");
    }
    if !r.decisions.is_empty() || !r.commitments.is_empty() {
        out.push_str(&format!("<h2>{}</h2>\n<ol>\n", e(&word(&AGREED, lang))));
        for (item, d) in &r.decisions {
            out.push_str(&format!(
                "<li>{} ({} {item})</li>\n",
                e(&lang.text(d)),
                e(&word(&UNDER_ITEM, lang))
            ));
        }
        for c in &r.commitments {
            out.push_str(&format!("<li>{}</li>\n", e(&agreed_commitment(c, lang))));
        }
        out.push_str("</ol>\n");
    }
    if !r.notes.trim().is_empty() {
        out.push_str(&format!(
            "<h2>{}</h2>\n<p style=\"white-space:pre-wrap\">{}</p>\n",
            e(&word(&NOTES, lang)),
            e(&r.notes)
        ));
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// The content of the printed formats: the PDF engine's blocks, with the items' headings
/// as sub-headings (Heading 2 in Word; the PDF has one level of heading).
pub fn parts(r: &Record, lang: ExportLanguage) -> Vec<Part> {
    use pdf::Block;
    let mut out = vec![
        Part::Block(Block::Title(title_line(r, lang))),
        Part::Block(Block::Paragraph(mark_text(r.stage, r.version, lang))),
    ];
    out.push(Part::Block(Block::Table {
        widths: vec![1.3, 3.0],
        header: Vec::new(),
        rows: facts(r, lang)
            .into_iter()
            .map(|(l, v)| vec![l, v])
            .collect(),
    }));
    out.push(Part::Block(Block::Heading(word(&ATTENDEES, lang))));
    for side in &r.sides {
        out.push(Part::Subheading(lang.text(&side.name)));
        out.push(Part::Block(Block::Table {
            widths: vec![0.4, 2.6, 3.6, 1.6],
            header: Vec::new(),
            rows: side
                .attendees
                .iter()
                .enumerate()
                .map(|(i, (name, title, org))| {
                    vec![
                        (i + 1).to_string(),
                        lang.text(name),
                        lang.text(title),
                        lang.text(org),
                    ]
                })
                .collect(),
        }));
    }
    if !r.absent.is_empty() {
        let names: Vec<String> = r.absent.iter().map(|n| lang.text(n)).collect();
        out.push(Part::Block(Block::Paragraph(format!(
            "{}: {}",
            word(&ABSENT, lang),
            names.join("; ")
        ))));
    }
    out.push(Part::Block(Block::Heading(word(&RECORD, lang))));
    for item in &r.items {
        out.push(Part::Subheading(item_heading(item, lang)));
        match lang {
            ExportLanguage::Both => {
                let rows = item_rows(item);
                if rows.is_empty() {
                    out.push(Part::Block(Block::Small(word(&NOTHING_YET, lang))));
                    continue;
                }
                out.push(Part::Block(Block::Table {
                    widths: vec![1.4, 3.0, 3.0],
                    header: vec![String::new(), "English".to_owned(), "中文".to_owned()],
                    rows: rows.into_iter().map(Vec::from).collect(),
                }));
            }
            _ => {
                let zh = lang == ExportLanguage::Zh;
                if item.summary.is_empty()
                    && item.decisions.is_empty()
                    && item.commitments.is_empty()
                {
                    out.push(Part::Block(Block::Small(word(&NOTHING_YET, lang))));
                    continue;
                }
                if !item.summary.is_empty() {
                    out.push(Part::Block(Block::Paragraph(one(&item.summary, zh))));
                }
                for (i, d) in item.decisions.iter().enumerate() {
                    out.push(Part::Block(Block::Paragraph(format!(
                        "{} {}{}{}",
                        word_in(&DECISION, zh),
                        i + 1,
                        if zh { "：" } else { ": " },
                        one(d, zh)
                    ))));
                }
                if !item.commitments.is_empty() {
                    out.push(Part::Block(Block::Table {
                        widths: vec![3.0, 3.0, 1.2],
                        header: vec![
                            word_in(&COMMITMENT, zh).to_owned(),
                            word_in(&OWNERS, zh).to_owned(),
                            word_in(&DUE, zh).to_owned(),
                        ],
                        rows: item
                            .commitments
                            .iter()
                            .map(|c| {
                                vec![
                                    format!("{} {}", c.number, one(&c.title, zh))
                                        .trim_start()
                                        .to_owned(),
                                    owners_text(&c.owners, zh),
                                    due_text(c.due, zh),
                                ]
                            })
                            .collect(),
                    }));
                }
            }
        }
    }
    if !r.decisions.is_empty() || !r.commitments.is_empty() {
        out.push(Part::Block(Block::Heading(word(&AGREED, lang))));
        let mut rows: Vec<Vec<String>> = r
            .decisions
            .iter()
            .map(|(item, d)| vec![String::new(), lang.text(d), item.to_string()])
            .collect();
        rows.extend(r.commitments.iter().map(|c| {
            vec![
                String::new(),
                commitment_in(c, lang),
                c.item.map(|n| n.to_string()).unwrap_or_default(),
            ]
        }));
        for (i, row) in rows.iter_mut().enumerate() {
            if let Some(first) = row.first_mut() {
                *first = (i + 1).to_string();
            }
        }
        out.push(Part::Block(Block::Table {
            widths: vec![0.4, 6.0, 0.8],
            header: vec!["#".to_owned(), word(&AGREED, lang), word(&UNDER_ITEM, lang)],
            rows,
        }));
    }
    if !r.notes.trim().is_empty() {
        out.push(Part::Block(Block::Heading(word(&NOTES, lang))));
        out.push(Part::Block(Block::Paragraph(crate::export::sanitize_cell(
            &r.notes,
        ))));
    }
    out
}
