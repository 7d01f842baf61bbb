//! The minutes laid out: Markdown, HTML, and the parts of the printed formats (PDF, Word).

use super::words::*;
use super::{CommitmentLine, Record};
use crate::export::docx::Part;
use crate::export::pdf;
use crate::export::text::ExportLanguage;

/// The agreed points and the points only proposed, each in the order of the record.
fn agreed_and_proposed(r: &Record) -> (Vec<&CommitmentLine>, Vec<&CommitmentLine>) {
    r.commitments.iter().partition(|c| !c.proposed)
}

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
        let names: Vec<&str> = r.absent.iter().map(|n| n.get(lang)).collect();
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
                    out.push_str(&format!("{}\n\n", md(&para(&item.summary, zh))));
                }
                for d in &item.decisions {
                    out.push_str(&format!(
                        "- **{}**: {}\n",
                        md(word_in(&DECISION, zh)),
                        md(&para(d, zh))
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
    let (agreed, proposed) = agreed_and_proposed(r);
    if !r.decisions.is_empty() || !agreed.is_empty() {
        out.push_str(&format!("\n## {}\n\n", md(&word(&AGREED, lang))));
        for (n, (item, d)) in r.decisions.iter().enumerate() {
            out.push_str(&format!(
                "{}. {}{}\n",
                n + 1,
                md(&para_in(d, lang).replace('\n', " / ")),
                md(&under_item(*item, lang))
            ));
        }
        let start = r.decisions.len();
        for (n, c) in agreed.iter().enumerate() {
            out.push_str(&format!(
                "{}. {}\n",
                start + n + 1,
                md(&agreed_commitment(c, lang))
            ));
        }
    }
    if !proposed.is_empty() {
        out.push_str(&format!("\n## {}\n\n", md(&word(&PROPOSED_POINTS, lang))));
        for (n, c) in proposed.iter().enumerate() {
            out.push_str(&format!("{}. {}\n", n + 1, md(&agreed_commitment(c, lang))));
        }
    }
    if !r.notes.is_empty() {
        out.push_str(&format!(
            "\n## {}\n\n{}\n",
            md(&word(&NOTES, lang)),
            md(&para_in(&r.notes, lang).replace('\n', " / "))
        ));
    }
    out
}

/// A commitment in the list of agreed (or proposed) points, in `lang`.
pub(super) fn agreed_commitment(c: &CommitmentLine, lang: ExportLanguage) -> String {
    format!("{}{}", commitment_in(c, lang), under_item(c.item, lang))
}

/// A commitment's line in `lang`, both languages joined by ` / `; a proposed one in the
/// list of proposed points needs no mark of it.
fn commitment_in(c: &CommitmentLine, lang: ExportLanguage) -> String {
    let line = |zh| {
        let unmarked = CommitmentLine {
            number: c.number.clone(),
            title: c.title.clone(),
            owners: c.owners.clone(),
            due: c.due,
            item: c.item,
            proposed: false,
        };
        commitment_text(&unmarked, zh)
    };
    match lang {
        ExportLanguage::En => line(false),
        ExportLanguage::Zh => line(true),
        ExportLanguage::Both => format!("{} / {}", line(false), line(true)),
    }
}

/// Extra CSS of the minutes on top of [`crate::export::agenda::PRINT_CSS`]: the stage mark
/// in the head of a one-cell table, which browsers repeat at the top of every printed page.
const MINUTES_CSS: &str = "td.label{white-space:nowrap;color:#444}p.mark{color:#a33;font-weight:bold;margin:0 0 .6em;text-align:right}
table.paged{margin:0}table.paged>thead>tr>td,table.paged>tbody>tr>td{border:0;padding:0}table.paged>thead{display:table-header-group}";

/// The minutes as a standalone, print-ready HTML page. The draft or final mark heads every
/// printed page: the page's content is the body of a one-cell table whose head holds the
/// mark, and browsers repeat a table's head on each page it runs onto.
pub fn html(r: &Record, lang: ExportLanguage) -> String {
    let e = |s: &str| crate::export::sanitize::html_escape(s);
    let nb = |s: &str| crate::export::sanitize::html_nowrap_pieces(s);
    let html_lang = if lang == ExportLanguage::Zh {
        "zh-Hans"
    } else {
        "en"
    };
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"{html_lang}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>{}\n{MINUTES_CSS}</style>\n</head>\n<body>\n",
        e(&title_line(r, lang)),
        crate::export::agenda::PRINT_CSS
    );
    out.push_str(&format!(
        "<table class=\"paged\">\n<thead><tr><td><p class=\"mark\">{}</p></td></tr></thead>\n<tbody><tr><td>\n",
        nb(&mark_text(r.stage, r.version, lang))
    ));
    out.push_str(&format!("<h1>{}</h1>\n<dl>\n", e(&title_line(r, lang))));
    for (label, value) in facts(r, lang) {
        out.push_str(&format!("<dt>{}</dt><dd>{}</dd>\n", e(&label), nb(&value)));
    }
    out.push_str(&format!("</dl>\n<h2>{}</h2>\n", e(&word(&ATTENDEES, lang))));
    for side in &r.sides {
        out.push_str(&format!("<h3>{}</h3>\n<ol>\n", e(&lang.text(&side.name))));
        for a in &side.attendees {
            out.push_str(&format!(
                "<li><span class=\"nb\">{}</span>{}</li>\n",
                e(a.0.get(lang)),
                e(&attendee_rest(a, lang))
            ));
        }
        out.push_str("</ol>\n");
    }
    if !r.absent.is_empty() {
        let names: Vec<&str> = r.absent.iter().map(|n| n.get(lang)).collect();
        out.push_str(&format!(
            "<p>{}: {}</p>\n",
            e(&word(&ABSENT, lang)),
            nb(&names.join("; "))
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
                    rows.push([word(&SUMMARY, lang), para(&item.summary, zh), String::new()]);
                }
                for (i, d) in item.decisions.iter().enumerate() {
                    rows.push([
                        format!("{} {}", word(&DECISION, lang), i + 1),
                        para(d, zh),
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
    let (agreed, proposed) = agreed_and_proposed(r);
    if !r.decisions.is_empty() || !agreed.is_empty() {
        out.push_str(&format!("<h2>{}</h2>\n<ol>\n", e(&word(&AGREED, lang))));
        for (item, d) in &r.decisions {
            out.push_str(&format!(
                "<li>{}{}</li>\n",
                e(&para_in(d, lang).replace('\n', " / ")),
                e(&under_item(*item, lang))
            ));
        }
        for c in &agreed {
            out.push_str(&format!("<li>{}</li>\n", e(&agreed_commitment(c, lang))));
        }
        out.push_str("</ol>\n");
    }
    if !proposed.is_empty() {
        out.push_str(&format!(
            "<h2>{}</h2>\n<ol>\n",
            e(&word(&PROPOSED_POINTS, lang))
        ));
        for c in &proposed {
            out.push_str(&format!("<li>{}</li>\n", e(&agreed_commitment(c, lang))));
        }
        out.push_str("</ol>\n");
    }
    if !r.notes.is_empty() {
        out.push_str(&format!("<h2>{}</h2>\n", e(&word(&NOTES, lang))));
        for paragraph in para_in(&r.notes, lang).lines() {
            out.push_str(&format!(
                "<p style=\"white-space:pre-wrap\">{}</p>\n",
                e(paragraph)
            ));
        }
    }
    out.push_str("</td></tr></tbody>\n</table>\n</body>\n</html>\n");
    out
}

/// The content of the printed formats: the PDF engine's blocks, with the items' headings
/// as sub-headings (Heading 2 in Word; the PDF has one level of heading). The stage mark
/// heads every page.
pub fn parts(r: &Record, lang: ExportLanguage) -> Vec<Part> {
    use pdf::Block;
    let mark = mark_text(r.stage, r.version, lang);
    let mut out = vec![
        Part::Block(Block::RunningHeader(mark.clone())),
        Part::Block(Block::Title(title_line(r, lang))),
        Part::Block(Block::Paragraph(mark)),
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
            header: vec![
                "#".to_owned(),
                word(&NAME, lang),
                word(&TITLE, lang),
                word(&ORGANISATION, lang),
            ],
            rows: side
                .attendees
                .iter()
                .enumerate()
                .map(|(i, (name, title, org))| {
                    vec![
                        (i + 1).to_string(),
                        crate::export::sanitize_cell(name.get(lang)),
                        lang.text(title),
                        lang.text(org),
                    ]
                })
                .collect(),
        }));
    }
    if !r.absent.is_empty() {
        let names: Vec<&str> = r.absent.iter().map(|n| n.get(lang)).collect();
        out.push(Part::Block(Block::Paragraph(format!(
            "{}: {}",
            word(&ABSENT, lang),
            names.join("; ")
        ))));
    }
    out.push(Part::Block(Block::Heading(word(&RECORD, lang))));
    for item in &r.items {
        out.push(Part::Subheading(item_heading(item, lang)));
        item_parts(item, lang, &mut out);
    }
    let (agreed, proposed) = agreed_and_proposed(r);
    if !r.decisions.is_empty() || !agreed.is_empty() {
        out.push(Part::Block(Block::Heading(word(&AGREED, lang))));
        let mut rows: Vec<Vec<String>> = r
            .decisions
            .iter()
            .map(|(item, d)| vec![String::new(), para_in(d, lang), number(*item)])
            .collect();
        rows.extend(
            agreed
                .iter()
                .map(|c| vec![String::new(), commitment_in(c, lang), number(c.item)]),
        );
        out.push(points_table(rows, &AGREED, lang));
    }
    if !proposed.is_empty() {
        out.push(Part::Block(Block::Heading(word(&PROPOSED_POINTS, lang))));
        let rows = proposed
            .iter()
            .map(|c| vec![String::new(), commitment_in(c, lang), number(c.item)])
            .collect();
        out.push(points_table(rows, &PROPOSED_POINTS, lang));
    }
    if !r.notes.is_empty() {
        out.push(Part::Block(Block::Heading(word(&NOTES, lang))));
        match lang {
            ExportLanguage::Both => out.push(Part::Block(Block::Table {
                widths: vec![1.0, 1.0],
                header: vec!["English".to_owned(), "中文".to_owned()],
                rows: vec![vec![para(&r.notes, false), para(&r.notes, true)]],
            })),
            _ => out.push(Part::Block(Block::Paragraph(para_in(&r.notes, lang)))),
        }
    }
    signatures(r, lang, &mut out);
    out
}

/// The record of one item in one language, or both side by side.
fn item_parts(item: &super::ItemRecord, lang: ExportLanguage, out: &mut Vec<Part>) {
    use pdf::Block;
    if lang == ExportLanguage::Both {
        let rows = item_rows(item);
        if rows.is_empty() {
            out.push(Part::Block(Block::Small(word(&NOTHING_YET, lang))));
        } else {
            out.push(Part::Block(Block::Table {
                widths: vec![1.4, 3.0, 3.0],
                header: vec![String::new(), "English".to_owned(), "中文".to_owned()],
                rows: rows.into_iter().map(Vec::from).collect(),
            }));
        }
        return;
    }
    let zh = lang == ExportLanguage::Zh;
    if item.summary.is_empty() && item.decisions.is_empty() && item.commitments.is_empty() {
        out.push(Part::Block(Block::Small(word(&NOTHING_YET, lang))));
        return;
    }
    if !item.summary.is_empty() {
        out.push(Part::Block(Block::Paragraph(para(&item.summary, zh))));
    }
    for (i, d) in item.decisions.iter().enumerate() {
        out.push(Part::Block(Block::Paragraph(format!(
            "{} {}{}{}",
            word_in(&DECISION, zh),
            i + 1,
            if zh { "：" } else { ": " },
            para(d, zh)
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
                    let mut title = format!("{} {}", c.number, one(&c.title, zh))
                        .trim_start()
                        .to_owned();
                    if c.proposed {
                        let proposed = word_in(&PROPOSED, zh);
                        title = if zh {
                            format!("{title}（{proposed}）")
                        } else {
                            format!("{title} ({proposed})")
                        };
                    }
                    vec![title, owners_text(&c.owners, zh), due_text(c.due, zh)]
                })
                .collect(),
        }));
    }
}

/// An item's number in a table cell; nothing for a point agreed under no numbered item.
fn number(item: Option<usize>) -> String {
    item.map(|n| n.to_string()).unwrap_or_default()
}

/// A numbered table of points (agreed or proposed) with the item each came under.
fn points_table(mut rows: Vec<Vec<String>>, heading: &Words, lang: ExportLanguage) -> Part {
    for (i, row) in rows.iter_mut().enumerate() {
        if let Some(first) = row.first_mut() {
            *first = (i + 1).to_string();
        }
    }
    Part::Block(pdf::Block::Table {
        widths: vec![0.4, 6.0, 0.8],
        header: vec!["#".to_owned(), word(heading, lang), word(&UNDER_ITEM, lang)],
        rows,
    })
}

/// A signature block per side, side by side: the side's name, then room to sign, its head
/// of delegation's name and title, and the date, in the document's language.
fn signatures(r: &Record, lang: ExportLanguage, out: &mut Vec<Part>) {
    let sides: Vec<&super::SideRecord> = r.sides.iter().filter(|s| s.is_side).collect();
    if sides.is_empty() {
        return;
    }
    let colon = if lang == ExportLanguage::Zh {
        "："
    } else {
        ":"
    };
    let cells = |f: &dyn Fn(&super::SideRecord) -> String| -> Vec<String> {
        sides.iter().map(|s| f(s)).collect()
    };
    let rows = vec![
        // Room to sign: lines holding a no-break space, which no writer drops as empty.
        cells(&|_| format!("{}{colon}\n\u{a0}\n\u{a0}", word(&SIGNATURE, lang))),
        cells(&|s| {
            s.head
                .as_ref()
                .map(|(name, _)| crate::export::sanitize_cell(name.get(lang)))
                .unwrap_or_default()
        }),
        cells(&|s| {
            s.head
                .as_ref()
                .map(|(_, title)| lang.text(title))
                .unwrap_or_default()
        }),
        cells(&|_| format!("{}{colon}\n", word(&DATE, lang))),
    ];
    out.push(Part::Block(pdf::Block::Spacer(12.0)));
    out.push(Part::Block(pdf::Block::Heading(word(&SIGNATURES, lang))));
    out.push(Part::Block(pdf::Block::Table {
        widths: vec![1.0; sides.len()],
        header: sides.iter().map(|s| lang.text(&s.name)).collect(),
        rows,
    }));
}
