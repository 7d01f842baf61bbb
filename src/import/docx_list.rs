//! A list of people written in Word, as the rows the list reader reads.
//!
//! The list is the first table whose header names a person (`姓名`, `Name`, `Nom`…);
//! later tables under the same header (a delegation's table after the other's) add their
//! rows, their header rows skipped as repeated headers. The lines above the list (its
//! title, the meeting's date) and every other line or table are kept as titles, each with
//! its place, so that nothing of the document goes unsaid. A cell's lines are one value
//! (`张伟` over `ZHANG Wei` gives both names; `处长` over `Director` both titles), a
//! cell merged down a column gives its value to every row it covers.
//!
//! Rows are numbered in the document's order: each line of text outside tables and each
//! table row counts one, so a row's number says where it is in the document.
//!
//! A document without a table of people is its lines, read as a list in text.

use super::docx::{Block, WordDocument};
use super::headers::{guess_mapping, header_score};

/// A Word list as rows for [`super::table::table_from_grid`], or as text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WordList {
    /// The rows of the list (lines before it as one-cell rows above its header), and the
    /// other lines and tables of the document (line number, text) to add as titles.
    Table {
        /// Rows with their numbers.
        grid: Vec<(usize, Vec<String>)>,
        /// Everything else, with its number.
        elsewhere: Vec<(usize, String)>,
        /// How many tables gave rows.
        tables: usize,
    },
    /// No table of people: the document's lines.
    Text(String),
}

/// The list in a Word document.
pub fn word_list(doc: &WordDocument) -> WordList {
    // Number every line and row in the document's order.
    let mut number = 0usize;
    let mut items: Vec<Item> = Vec::new();
    for block in &doc.blocks {
        match block {
            Block::Line(line) => {
                number += 1;
                items.push(Item::Line(number, line.clone()));
            }
            Block::Table(table) => {
                let rows: Vec<(usize, Vec<String>)> = table
                    .rows
                    .iter()
                    .map(|row| {
                        number += 1;
                        (
                            number,
                            row.iter()
                                .map(|c| if c.spanned { String::new() } else { c.joined() })
                                .collect(),
                        )
                    })
                    .collect();
                items.push(Item::Table(rows, table.header.clone()));
            }
        }
    }
    let header_of = |rows: &[(usize, Vec<String>)]| {
        rows.iter().take(30).position(|(_, r)| {
            let (score, name) = header_score(r);
            score >= 2 && name
        })
    };
    let Some(first) = items
        .iter()
        .position(|i| matches!(i, Item::Table(rows, _) if header_of(rows).is_some()))
    else {
        let text: Vec<String> = doc
            .blocks
            .iter()
            .flat_map(|b| match b {
                Block::Line(l) => vec![l.clone()],
                Block::Table(t) => t
                    .rows
                    .iter()
                    .map(|r| {
                        r.iter()
                            .filter(|c| !c.spanned)
                            .map(super::docx::GridCell::joined)
                            .collect::<Vec<_>>()
                            .join("\t")
                    })
                    .collect(),
            })
            .collect();
        return WordList::Text(text.join("\n"));
    };
    let mut grid: Vec<(usize, Vec<String>)> = Vec::new();
    let mut elsewhere: Vec<(usize, String)> = Vec::new();
    let mut mapping = None;
    let mut tables = 0;
    for (i, item) in items.into_iter().enumerate() {
        match item {
            Item::Line(n, line) if i < first => grid.push((n, vec![line])),
            Item::Line(n, line) => elsewhere.push((n, line)),
            Item::Table(rows, flags) => {
                let header = header_of(&rows);
                let same = match (&mapping, header.and_then(|h| rows.get(h))) {
                    (None, Some((_, h))) if i == first => {
                        mapping = Some((guess_mapping(h), h.len()));
                        true
                    }
                    (Some((m, width)), Some((_, h))) => *m == guess_mapping(h) && *width == h.len(),
                    _ => false,
                };
                if same {
                    tables += 1;
                    // A later table's header (and any title above it) is said as a
                    // title: only the first table's header is the list's.
                    let body = if i == first {
                        0
                    } else {
                        header.map_or(0, |h| h + 1)
                    };
                    // Header rows Word repeats on each page right under the header (its
                    // other language, `Name | Organisation` under `姓名 | 单位`) are no one.
                    let h = header.unwrap_or(0);
                    let repeated = flags.iter().skip(h + 1).take_while(|f| **f).count();
                    for (k, (n, row)) in rows.into_iter().enumerate() {
                        if k < body || (k > h && k <= h + repeated) {
                            elsewhere.push((n, joined(&row)));
                        } else {
                            grid.push((n, row));
                        }
                    }
                } else {
                    elsewhere.extend(rows.into_iter().map(|(n, r)| (n, joined(&r))));
                }
            }
        }
    }
    WordList::Table {
        grid,
        elsewhere,
        tables,
    }
}

fn joined(row: &[String]) -> String {
    row.iter()
        .filter(|c| !c.is_empty())
        .cloned()
        .collect::<Vec<_>>()
        .join(" | ")
}

enum Item {
    Line(usize, String),
    /// Rows with their numbers, and whether Word repeats each as a header.
    Table(Vec<(usize, Vec<String>)>, Vec<bool>),
}
