//! Word documents (`.docx`) read as their paragraphs and tables, in the order they stand,
//! for both imports: a programme ([`super::docx_programme`]) and a list of people
//! ([`super::list`]).
//!
//! The archive is opened with [`Archive`] (its central directory checked against the
//! limits before anything is inflated) and the main part (`word/document.xml`, or the one
//! `_rels/.rels` names) is read streaming with quick-xml, behind [`super::boundary`].
//! Nothing is kept but text: paragraphs, and tables as rows of cells, each cell its lines
//! (a paragraph, or a line break inside one, starts a line: Chinese over English in one
//! cell stays two lines). Word's merged cells are laid out as a grid: a cell spanning
//! columns (`gridSpan`) stands in its first column, the others empty; a cell merged with
//! the one above (`vMerge`) carries that cell's text, marked as [`GridCell::continued`].
//! A table inside a cell becomes lines of that cell. Deleted text of tracked changes,
//! field codes and text boxes are not read.
//!
//! Limits: lines and rows together within [`MAX_ROWS`](super::limits::MAX_ROWS), cells within [`MAX_CELLS`](super::limits::MAX_CELLS) (a
//! span counts each column it covers), a paragraph or cell within [`MAX_LINE_BYTES`], and
//! the time budget.

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::archive::Archive;
use super::boundary::guard;
use super::gate::InputError;
use super::limits::{Budget, Limit, LimitExceeded, MAX_LINE_BYTES};

/// How many XML events pass between two looks at the time budget.
const EVENTS_PER_CHECK: u32 = 4096;

/// The widest span a cell may declare: Word's tables have at most 63 columns.
const MAX_SPAN: usize = 64;

/// A Word document's text, in order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WordDocument {
    /// Paragraphs and tables as they stand.
    pub blocks: Vec<Block>,
}

/// A paragraph (one line of it: a line break inside a paragraph starts another) or a table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// A line of text outside tables, trimmed, never empty.
    Line(String),
    /// A table.
    Table(WordTable),
}

/// A table as a grid of cells.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WordTable {
    /// The rows, each as wide as the table (cells a span covers are empty).
    pub rows: Vec<Vec<GridCell>>,
    /// For each row, whether Word repeats it as a header on each page (`tblHeader`).
    pub header: Vec<bool>,
}

/// One cell of the grid.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GridCell {
    /// Its lines (paragraphs and line breaks), trimmed, none empty.
    pub lines: Vec<String>,
    /// Merged with the cell above (`vMerge`): its lines are that cell's.
    pub continued: bool,
    /// Covered by the span of a cell to its left (`gridSpan`).
    pub spanned: bool,
}

impl GridCell {
    /// The cell's text on one line: its lines joined by a space where the script changes
    /// (`张伟 ZHANG Wei`, `处长 Director`), by `, ` between Latin lines, by a space between
    /// Chinese ones.
    pub fn joined(&self) -> String {
        join_lines(&self.lines)
    }
}

/// Lines of a cell on one line (see [`GridCell::joined`]).
pub fn join_lines(lines: &[String]) -> String {
    let mut out = String::new();
    let mut previous: Option<bool> = None;
    for line in lines {
        let chinese = super::names::has_han(line);
        match previous {
            None => {}
            Some(p) if p == chinese && !chinese => out.push_str(", "),
            Some(_) => out.push(' '),
        }
        out.push_str(line);
        previous = Some(chinese);
    }
    out
}

impl WordTable {
    /// How many columns the grid has.
    pub fn width(&self) -> usize {
        self.rows.first().map_or(0, Vec::len)
    }
}

/// Reads a `.docx` file's bytes.
///
/// # Errors
/// When the archive is over a limit or damaged, has no main document part, the part is
/// no XML, the document is over [`MAX_ROWS`](super::limits::MAX_ROWS) lines and rows or [`MAX_CELLS`](super::limits::MAX_CELLS) cells, or the
/// time budget runs out; a panic of the zip or XML reader is returned as an error.
pub fn read_docx(bytes: &[u8], budget: &Budget) -> Result<WordDocument, InputError> {
    let mut archive = Archive::open(bytes)?;
    let part = main_part(&mut archive)?;
    let xml = archive.read(&part)?;
    budget.check()?;
    guard("quick-xml", || parse_document(&xml, &part, budget))?
}

/// The main document part: `word/document.xml`, or what the package relationships name.
fn main_part(archive: &mut Archive<'_>) -> Result<String, InputError> {
    const USUAL: &str = "word/document.xml";
    if archive.has(USUAL) {
        return Ok(USUAL.to_owned());
    }
    let named = if archive.has("_rels/.rels") {
        let rels = archive.read("_rels/.rels")?;
        guard("quick-xml", || office_document_target(&rels))?
    } else {
        None
    };
    match named {
        Some(part) if archive.has(&part) => Ok(part),
        _ => Err(InputError::Damaged(
            "the Word document has no text part (word/document.xml)".to_owned(),
        )),
    }
}

/// The target of the `officeDocument` relationship in `_rels/.rels`.
fn office_document_target(rels: &[u8]) -> Option<String> {
    let text = std::str::from_utf8(rels).ok()?;
    let mut reader = Reader::from_str(text);
    loop {
        match reader.read_event().ok()? {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "Relationship" => {
                let kind = attribute(&e, "Type").unwrap_or_default();
                if kind.ends_with("/officeDocument") {
                    let target = attribute(&e, "Target")?;
                    return Some(target.trim_start_matches('/').to_owned());
                }
            }
            Event::Eof => return None,
            _ => {}
        }
    }
}

/// A table being read: its rows so far and the open row and cell.
#[derive(Default)]
struct TableBuilder {
    rows: Vec<Vec<RawCell>>,
    header: Vec<bool>,
    cell: Option<RawCell>,
}

/// A cell as Word writes it, before the grid.
#[derive(Default)]
struct RawCell {
    lines: Vec<String>,
    span: usize,
    /// `None`: not merged; `Some(true)`: starts a vertical merge; `Some(false)`: continues one.
    merge: Option<bool>,
    bytes: usize,
}

/// The reading state.
struct Parser<'b> {
    place: &'b str,
    budget: &'b Budget,
    blocks: Vec<Block>,
    tables: Vec<TableBuilder>,
    /// The paragraph being read, when inside one.
    paragraph: Option<String>,
    /// Depth inside elements whose text is not read (text boxes, deleted text moved away).
    skipped: usize,
    /// Inside `<w:t>`.
    in_text: bool,
    /// Inside a run (`<w:r>`): where tabs and breaks are text.
    in_run: bool,
    /// Lines and rows so far, and cells so far.
    rows: u64,
    cells: u64,
}

fn parse_document(xml: &[u8], place: &str, budget: &Budget) -> Result<WordDocument, InputError> {
    let text = std::str::from_utf8(xml)
        .map_err(|e| InputError::Damaged(format!("{place}: the text is not UTF-8 ({e})")))?;
    let mut reader = Reader::from_str(text);
    let mut parser = Parser {
        place,
        budget,
        blocks: Vec::new(),
        tables: Vec::new(),
        paragraph: None,
        skipped: 0,
        in_text: false,
        in_run: false,
        rows: 0,
        cells: 0,
    };
    let mut events = 0u32;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| InputError::Damaged(format!("{place}: {e}")))?;
        match event {
            Event::Start(e) => parser.start(&e, false)?,
            Event::Empty(e) => parser.start(&e, true)?,
            Event::End(e) => parser.end(e.local_name().as_ref())?,
            Event::Text(t) if parser.reads_text() => parser.push_text(&t.xml10_content())?,
            Event::CData(t) if parser.reads_text() => parser.push_text(&t.xml10_content())?,
            Event::GeneralRef(r) if parser.reads_text() => {
                let c = match r.resolve_char_ref() {
                    Ok(Some(c)) => Some(c),
                    _ => match r.as_ref() {
                        "amp" => Some('&'),
                        "lt" => Some('<'),
                        "gt" => Some('>'),
                        "quot" => Some('"'),
                        "apos" => Some('\''),
                        _ => None,
                    },
                };
                if let Some(c) = c {
                    parser.push_text(c.encode_utf8(&mut [0; 4]))?;
                }
            }
            Event::Eof => break,
            _ => {}
        }
        events = events.wrapping_add(1);
        if events.is_multiple_of(EVENTS_PER_CHECK) {
            budget.check()?;
        }
    }
    // A document cut short: what was read stands.
    while !parser.tables.is_empty() {
        parser.end("tbl")?;
    }
    Ok(WordDocument {
        blocks: parser.blocks,
    })
}

impl Parser<'_> {
    fn reads_text(&self) -> bool {
        self.in_text && self.skipped == 0
    }

    fn start(&mut self, e: &BytesStart<'_>, empty: bool) -> Result<(), InputError> {
        let name = e.local_name();
        let name = name.as_ref();
        if self.skipped > 0 || matches!(name, "txbxContent" | "moveFrom" | "Fallback") {
            if !empty {
                self.skipped += 1;
            }
            return Ok(());
        }
        match name {
            "tbl" if !empty => self.tables.push(TableBuilder::default()),
            "tr" if !empty => {
                self.count_row()?;
                if let Some(table) = self.tables.last_mut() {
                    table.rows.push(Vec::new());
                    table.header.push(false);
                }
            }
            "tblHeader" => {
                let on = attribute(e, "val")
                    .is_none_or(|v| !matches!(v.as_str(), "0" | "false" | "off"));
                if let Some(flag) = self.tables.last_mut().and_then(|t| t.header.last_mut()) {
                    *flag = on;
                }
            }
            "gridBefore" => {
                let n = attribute(e, "val")
                    .and_then(|v| v.parse::<usize>().ok())
                    .unwrap_or(0);
                if let Some(row) = self.tables.last_mut().and_then(|t| t.rows.last_mut()) {
                    row.push(RawCell {
                        span: n.min(MAX_SPAN),
                        ..RawCell::default()
                    });
                }
            }
            "tc" => {
                if let Some(table) = self.tables.last_mut() {
                    table.cell = Some(RawCell {
                        span: 1,
                        ..RawCell::default()
                    });
                }
                if empty {
                    self.end("tc")?;
                }
            }
            "gridSpan" => {
                let n = attribute(e, "val")
                    .and_then(|v| v.parse::<usize>().ok())
                    .unwrap_or(1);
                if let Some(cell) = self.open_cell() {
                    cell.span = n.clamp(1, MAX_SPAN);
                }
            }
            "vMerge" => {
                let restart = attribute(e, "val").is_some_and(|v| v == "restart");
                if let Some(cell) = self.open_cell() {
                    cell.merge = Some(restart);
                }
            }
            "p" => {
                if empty {
                    self.paragraph = Some(String::new());
                    self.end("p")?;
                } else {
                    self.paragraph = Some(String::new());
                }
            }
            "r" if !empty => self.in_run = true,
            "t" if !empty => self.in_text = true,
            "tab" if self.in_run => self.push_text("\t")?,
            "br" | "cr" if self.in_run => self.push_text("\n")?,
            "noBreakHyphen" if self.in_run => self.push_text("-")?,
            _ => {}
        }
        Ok(())
    }

    fn end(&mut self, name: &str) -> Result<(), InputError> {
        if self.skipped > 0 {
            self.skipped -= 1;
            return Ok(());
        }
        match name {
            "t" => self.in_text = false,
            "r" => self.in_run = false,
            "p" => {
                if let Some(text) = self.paragraph.take() {
                    self.finish_paragraph(&text)?;
                }
            }
            "tc" => {
                if let Some(table) = self.tables.last_mut()
                    && let Some(cell) = table.cell.take()
                {
                    self.cells = self.cells.saturating_add(cell.span as u64);
                    if let Some(row) = table.rows.last_mut() {
                        row.push(cell);
                    }
                    super::limits::within(Limit::Cells, self.cells)
                        .map_err(|e| e.at(self.place.to_owned()))?;
                }
            }
            "tbl" => {
                if let Some(table) = self.tables.pop() {
                    let table = to_grid(table).map_err(|e| e.at(self.place.to_owned()))?;
                    let outside = self.tables.is_empty();
                    match self.tables.last_mut().and_then(|t| t.cell.as_mut()) {
                        // A table inside a cell: its rows become lines of that cell.
                        Some(cell) => {
                            for row in &table.rows {
                                let line = row
                                    .iter()
                                    .filter(|c| !c.spanned && !c.continued)
                                    .map(GridCell::joined)
                                    .filter(|t| !t.is_empty())
                                    .collect::<Vec<_>>()
                                    .join(" ");
                                if !line.is_empty() {
                                    cell.lines.push(line);
                                }
                            }
                        }
                        None if outside => self.blocks.push(Block::Table(table)),
                        // A table in a row but outside any cell (damaged): dropped.
                        None => {}
                    }
                }
            }
            _ => {}
        }
        Ok(())
    }

    fn open_cell(&mut self) -> Option<&mut RawCell> {
        self.tables.last_mut().and_then(|t| t.cell.as_mut())
    }

    fn count_row(&mut self) -> Result<(), LimitExceeded> {
        self.rows = self.rows.saturating_add(1);
        super::limits::within(Limit::Rows, self.rows).map_err(|e| e.at(self.place.to_owned()))
    }

    fn push_text(&mut self, text: &str) -> Result<(), InputError> {
        if let Some(paragraph) = self.paragraph.as_mut() {
            paragraph.push_str(text);
            let len = paragraph.len() as u64;
            if len > MAX_LINE_BYTES {
                return Err(LimitExceeded::new(Limit::LineBytes, Some(len))
                    .at(self.place.to_owned())
                    .into());
            }
        }
        Ok(())
    }

    fn finish_paragraph(&mut self, text: &str) -> Result<(), InputError> {
        let outside = self.tables.is_empty();
        let lines = text
            .split('\n')
            .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|l| !l.is_empty());
        match self.tables.last_mut().and_then(|t| t.cell.as_mut()) {
            Some(cell) => {
                for line in lines {
                    cell.bytes = cell.bytes.saturating_add(line.len());
                    cell.lines.push(line);
                }
                if cell.bytes as u64 > MAX_LINE_BYTES {
                    return Err(
                        LimitExceeded::new(Limit::LineBytes, Some(cell.bytes as u64))
                            .at(self.place.to_owned())
                            .into(),
                    );
                }
            }
            None if outside => {
                for line in lines {
                    self.count_row()?;
                    self.blocks.push(Block::Line(line));
                }
            }
            // Text in a table but outside its cells (damaged): not read.
            None => {}
        }
        self.budget.check()?;
        Ok(())
    }
}

/// Word's rows of cells laid out on a grid: spans widened, vertical merges filled from the
/// cell above, every row as wide as the widest.
///
/// # Errors
/// When the grid (rows × its widest row) is over [`MAX_CELLS`](super::limits::MAX_CELLS), or the text it holds with
/// the copies down merged cells is over [`MAX_ZIP_MEMBER_BYTES`](super::limits::MAX_ZIP_MEMBER_BYTES) (a long cell merged down
/// a long table would otherwise be copied into every row).
fn to_grid(table: TableBuilder) -> Result<WordTable, LimitExceeded> {
    let width = table
        .rows
        .iter()
        .map(|r| r.iter().map(|c| c.span.max(1)).sum::<usize>())
        .max()
        .unwrap_or(0);
    super::limits::within(
        Limit::Cells,
        (table.rows.len() as u64).saturating_mul(width as u64),
    )?;
    let mut bytes = 0u64;
    let mut rows: Vec<Vec<GridCell>> = Vec::with_capacity(table.rows.len());
    for raw in table.rows {
        let mut row: Vec<GridCell> = Vec::with_capacity(width);
        for cell in raw {
            let column = row.len();
            let first = match cell.merge {
                Some(false) => {
                    let above = rows
                        .last()
                        .and_then(|r| r.get(column))
                        .map(|c| c.lines.clone())
                        .unwrap_or_default();
                    GridCell {
                        lines: above,
                        continued: true,
                        spanned: false,
                    }
                }
                _ => GridCell {
                    lines: cell.lines,
                    continued: false,
                    spanned: false,
                },
            };
            bytes = bytes.saturating_add(first.lines.iter().map(|l| l.len() as u64).sum());
            super::limits::within(Limit::ZipMemberBytes, bytes)?;
            row.push(first);
            for _ in 1..cell.span.max(1) {
                row.push(GridCell {
                    spanned: true,
                    ..GridCell::default()
                });
            }
        }
        row.resize(width, GridCell::default());
        rows.push(row);
    }
    Ok(WordTable {
        rows,
        header: table.header,
    })
}

/// The value of attribute `name` (by its local name), unescaped when it can be.
fn attribute(e: &BytesStart<'_>, name: &str) -> Option<String> {
    e.attributes().flatten().find_map(|attr| {
        (attr.key.local_name().as_ref() == name).then(|| {
            attr.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map_or_else(|_| attr.value.to_string(), |v| v.into_owned())
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(body: &str) -> WordDocument {
        let xml = format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
        );
        parse_document(xml.as_bytes(), "word/document.xml", &Budget::start()).unwrap()
    }

    #[test]
    fn paragraphs_runs_and_breaks() {
        let d = doc(
            r#"<w:p><w:r><w:t xml:space="preserve">Programme </w:t></w:r><w:proofErr w:type="spellStart"/><w:r><w:t>de la</w:t></w:r><w:r><w:t xml:space="preserve"> visite</w:t></w:r></w:p><w:p/><w:p><w:r><w:t>A &amp; B</w:t><w:br/><w:t>&#x4E2D;文</w:t></w:r></w:p><w:p><w:r><w:delText>gone</w:delText><w:instrText>PAGE</w:instrText></w:r></w:p>"#,
        );
        assert_eq!(
            d.blocks,
            [
                Block::Line("Programme de la visite".into()),
                Block::Line("A & B".into()),
                Block::Line("中文".into()),
            ]
        );
    }

    #[test]
    fn merged_cells_lie_on_a_grid() {
        let cell = |props: &str, text: &str| {
            format!(
                r#"<w:tc><w:tcPr>{props}</w:tcPr><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>"#
            )
        };
        let body = format!(
            r#"<w:tbl><w:tr><w:trPr><w:tblHeader/></w:trPr>{}{}</w:tr><w:tr>{}{}{}</w:tr><w:tr>{}{}{}</w:tr></w:tbl>"#,
            cell(r#"<w:gridSpan w:val="2"/>"#, "Title"),
            cell("", "C"),
            cell(r#"<w:vMerge w:val="restart"/>"#, "CQC"),
            cell("", "a"),
            cell("", "b"),
            cell("<w:vMerge/>", ""),
            cell("", "c"),
            cell("", "d"),
        );
        let d = doc(&body);
        let Some(Block::Table(t)) = d.blocks.first() else {
            panic!("{d:?}")
        };
        assert_eq!(t.width(), 3);
        assert_eq!(t.header, [true, false, false]);
        assert!(t.rows[0][1].spanned);
        assert_eq!(t.rows[0][2].lines, ["C"]);
        assert_eq!(t.rows[2][0].lines, ["CQC"]);
        assert!(t.rows[2][0].continued);
        assert_eq!(t.rows[2][2].lines, ["d"]);
    }

    #[test]
    fn a_table_in_a_cell_becomes_its_lines() {
        let d = doc(
            r#"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>outer</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>y</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p/></w:tc></w:tr></w:tbl>"#,
        );
        let Some(Block::Table(t)) = d.blocks.first() else {
            panic!("{d:?}")
        };
        assert_eq!(t.rows[0][0].lines, ["outer", "x y"]);
    }

    #[test]
    fn cell_lines_join_by_script() {
        let lines = |l: &[&str]| join_lines(&l.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>());
        assert_eq!(lines(&["张伟", "ZHANG Wei"]), "张伟 ZHANG Wei");
        assert_eq!(
            lines(&["Director", "Standards Dept."]),
            "Director, Standards Dept."
        );
        assert_eq!(lines(&["认证监管司", "处长"]), "认证监管司 处长");
    }
}
