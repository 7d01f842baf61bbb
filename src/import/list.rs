//! Reading a list of people for import, as it arrived: a workbook (XLSX, XLSM, XLS, ODS),
//! a CSV or TSV file in any encoding, a text file, or text pasted from an e-mail or a
//! table. What a file is comes from its bytes, not its name: anything that is not a list
//! is refused with what it is.

use std::collections::BTreeMap;
use std::path::Path;

use encoding_rs::Encoding;

use super::attendees::{Field, Matcher, Preview};
use super::gate::{Input, InputError, check_text, read_input};
use super::headers::{Recognised, guess_mapping, header_set_key, mapping_from_keys, recognise};
use super::limits::Budget;
use super::source::{BadBytes, Content, DecodeError, NotAList, WordKind, decode, encoding_label};
use super::table::{CsvError, Table, find_header, read_text_table, table_from_grid};
use super::workbook::{WorkbookError, read_workbook};
use crate::model::Project;

/// Why a list of people could not be read.
///
/// `Display` gives the English of the command line, which puts the list's path first;
/// `crate::i18n::Localized` gives the text in the UI's language.
#[derive(Debug, thiserror::Error)]
pub enum ListError {
    /// The file could not be read.
    #[error("could not read the list ({0})")]
    Io(#[source] std::io::Error),
    /// The file was refused by the reading gate or its limits, or a reader failed on it.
    #[error(transparent)]
    Input(#[from] InputError),
    /// The file is not a list; nothing is imported.
    #[error("{0}; nothing was imported")]
    NotAList(NotAList),
    /// The CSV could not be read.
    #[error(transparent)]
    Csv(#[from] CsvError),
    /// The workbook could not be read.
    #[error(transparent)]
    Workbook(#[from] WorkbookError),
    /// The encoding named is not one known.
    #[error(
        "no encoding is called “{0}”; try UTF-8, GB18030, Big5, Windows-1252, UTF-16LE or UTF-16BE"
    )]
    UnknownEncoding(String),
    /// No column of the CSV is recognised as a name.
    #[error(
        "no column is a name; the header must name columns like “Family name”, “Given name”, “Chinese name” (found: {})",
        .headers.join(", ")
    )]
    NoNameColumn {
        /// The headers the CSV has.
        headers: Vec<String>,
    },
    /// The list holds nobody.
    #[error("no person found in the list; nothing changed")]
    NoPerson,
}

impl From<super::limits::LimitExceeded> for ListError {
    fn from(err: super::limits::LimitExceeded) -> Self {
        Self::Input(InputError::Limit(err))
    }
}

impl From<DecodeError> for ListError {
    fn from(err: DecodeError) -> Self {
        Self::Csv(CsvError::Encoding(err))
    }
}

/// How a list is written, as its name suggests (its bytes decide a workbook).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListKind {
    /// Comma-, semicolon- or tab-separated values with a header row.
    Csv,
    /// Text as pasted from an e-mail, or a table pasted as text.
    Text,
}

impl ListKind {
    /// The kind of the file at `path`, by its extension (`.csv`, `.tsv`: CSV).
    pub fn of_path(path: &Path) -> Self {
        let csv = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("csv") || e.eq_ignore_ascii_case("tsv"));
        if csv { Self::Csv } else { Self::Text }
    }
}

/// What the user chose about how to read a list.
#[derive(Clone, Debug, Default)]
pub struct ReadOptions {
    /// The sheet of a workbook (name or 1-based number); the first with data when `None`.
    pub sheet: Option<String>,
    /// The encoding of a text file; detected when `None`.
    pub encoding: Option<&'static Encoding>,
    /// Column mappings the user chose before, by [`header_set_key`].
    pub remembered: BTreeMap<String, Vec<String>>,
    /// Give back a table whose columns name nobody (yet) instead of refusing it: the app
    /// shows it in its mapping step, where the user says which column holds the names.
    pub keep_unmapped: bool,
}

/// How a list was read, for the preview to say.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ListFormat {
    /// A workbook sheet.
    Workbook {
        /// The sheet read.
        sheet: String,
        /// Every sheet, for choosing another.
        sheets: Vec<String>,
    },
    /// A delimited text file or pasted table.
    Delimited {
        /// Its encoding (`None` for pasted text).
        encoding: Option<&'static Encoding>,
        /// Whether the encoding was detected rather than chosen.
        detected: bool,
        /// `,`, `;`, tab, or `:` for `姓名：…` blocks.
        delimiter: u8,
    },
    /// A Word document (`.docx`): its table of people, or its lines when it has none.
    Word {
        /// How many tables gave rows (0: the document's lines were read as text).
        tables: usize,
    },
    /// Free text, one person per line or entry.
    Text {
        /// Its encoding (`None` for pasted text).
        encoding: Option<&'static Encoding>,
        /// Whether the encoding was detected rather than chosen.
        detected: bool,
    },
}

impl ListFormat {
    /// The encoding's name, for the preview and the CLI (`GB18030`).
    pub fn encoding_name(&self) -> Option<&'static str> {
        match self {
            Self::Delimited { encoding, .. } | Self::Text { encoding, .. } => {
                encoding.map(encoding_label)
            }
            Self::Workbook { .. } | Self::Word { .. } => None,
        }
    }

    /// How it was read, in English: `GB18030 (detected), comma-separated`.
    pub fn describe_en(&self) -> String {
        let encoding = |e: &Option<&'static Encoding>, detected: bool| match e {
            Some(e) if detected => format!("{} (detected), ", encoding_label(e)),
            Some(e) => format!("{}, ", encoding_label(e)),
            None => String::new(),
        };
        match self {
            Self::Workbook { sheet, .. } => format!("sheet “{sheet}”"),
            Self::Delimited {
                encoding: e,
                detected,
                delimiter,
            } => format!(
                "{}{}",
                encoding(e, *detected),
                match delimiter {
                    b';' => "semicolon-separated",
                    b'\t' => "tab-separated",
                    b':' => "name: value blocks",
                    _ => "comma-separated",
                }
            ),
            Self::Word { tables: 0 } => "Word document, its text".to_owned(),
            Self::Word { tables: 1 } => "Word document, its table".to_owned(),
            Self::Word { tables } => format!("Word document, {tables} tables"),
            Self::Text {
                encoding: e,
                detected,
            } => format!("{}one person per line", encoding(e, *detected)),
        }
    }
}

/// A list read for the preview: how, its table and column mapping (for a table), and
/// every row's fate.
#[derive(Clone, Debug, PartialEq)]
pub struct ListRead {
    /// How it was read.
    pub format: ListFormat,
    /// The table, when the list is one (the mapping step re-reads its rows).
    pub table: Option<Table>,
    /// The field of each column of the table.
    pub mapping: Vec<Option<Field>>,
    /// The people and the skipped rows.
    pub preview: Preview,
    /// Bytes of a text file that are not valid in its encoding (a UTF-8 file with a stray
    /// byte), with their lines: each is `?` in the text read.
    pub damaged: Vec<BadBytes>,
}

/// Reads the list at `path` into people matched against `project`. Nothing changes in
/// the project.
///
/// # Errors
/// When the file is refused by the gate, is not a list, has no name column, or names
/// nobody.
pub fn read_list_file(
    path: &Path,
    project: &Project,
    options: &ReadOptions,
) -> Result<ListRead, ListError> {
    let Some(input) = read_input(path, &mut |_, _| true)? else {
        return Err(ListError::NoPerson);
    };
    read_list_input(input, ListKind::of_path(path), options, project)
}

/// Reads a list that went through the gate ([`read_input`]) into people matched against
/// `project`.
///
/// # Errors
/// As [`read_list_bytes`].
pub fn read_list_input(
    input: Input,
    kind: ListKind,
    options: &ReadOptions,
    project: &Project,
) -> Result<ListRead, ListError> {
    let read = read_list_content(input, kind, options, &Matcher::new(project), &mut |_| true)?;
    read.ok_or(ListError::NoPerson)
}

/// Reads a list's bytes: a workbook by its bytes, else text in its encoding, as a table
/// when it is one (always for a CSV), else as free text. `progress` gets the rows done
/// and may cancel (`Ok(None)`).
///
/// # Errors
/// When it is over a limit, not a list, cannot be decoded or read, has no name column, or
/// names nobody.
pub fn read_list_bytes(
    bytes: Vec<u8>,
    kind: ListKind,
    options: &ReadOptions,
    matcher: &Matcher,
    progress: &mut dyn FnMut(usize) -> bool,
) -> Result<Option<ListRead>, ListError> {
    read_list_content(Input::from_bytes(bytes)?, kind, options, matcher, progress)
}

/// [`read_list_bytes`] of bytes already classified by the gate.
///
/// # Errors
/// As [`read_list_bytes`].
pub fn read_list_content(
    input: Input,
    kind: ListKind,
    options: &ReadOptions,
    matcher: &Matcher,
    progress: &mut dyn FnMut(usize) -> bool,
) -> Result<Option<ListRead>, ListError> {
    let budget = Budget::start();
    let read = match input.content {
        Content::Refused(what) => return Err(ListError::NotAList(what)),
        Content::WordDocument(WordKind::Docx) => {
            let doc = super::docx::read_docx(&input.bytes, &budget)?;
            drop(input);
            read_word(&doc, options, matcher, progress)?
        }
        Content::WordDocument(_) => return Err(ListError::NotAList(NotAList::WordDocument)),
        Content::Workbook(workbook) => {
            let sheet = read_workbook(input.bytes, workbook, options.sheet.as_deref(), &budget)?;
            let table = table_from_grid(sheet.grid, 0)?;
            let format = ListFormat::Workbook {
                sheet: sheet.name,
                sheets: sheet.sheets,
            };
            read_table(table, format, options, matcher, progress)?
        }
        Content::Text => {
            let decoded = decode(&input.bytes, options.encoding)?;
            drop(input);
            check_text(&decoded.text)?;
            let encoding = Some(decoded.encoding);
            read_text(
                &decoded.text,
                kind,
                encoding,
                decoded.detected,
                options,
                matcher,
                progress,
            )?
            .map(|mut read| {
                read.damaged = decoded.damaged;
                read
            })
        }
    };
    match read {
        Some(read)
            if read.preview.people.is_empty()
                && !(options.keep_unmapped && read.table.is_some()) =>
        {
            Err(ListError::NoPerson)
        }
        other => Ok(other),
    }
}

/// A Word document's list: its table of people (the lines above it its titles, the rest of
/// the document said as titles too), or its lines read as text.
fn read_word(
    doc: &super::docx::WordDocument,
    options: &ReadOptions,
    matcher: &Matcher,
    progress: &mut dyn FnMut(usize) -> bool,
) -> Result<Option<ListRead>, ListError> {
    match super::docx_list::word_list(doc) {
        super::docx_list::WordList::Table {
            grid,
            elsewhere,
            tables,
        } => {
            let mut table = table_from_grid(grid, 0)?;
            table.above.extend(elsewhere);
            read_table(
                table,
                ListFormat::Word { tables },
                options,
                matcher,
                progress,
            )
        }
        super::docx_list::WordList::Text(text) => {
            if text.trim().is_empty() {
                return Err(ListError::NotAList(NotAList::Empty));
            }
            check_text(&text)?;
            let read = read_text(
                &text,
                ListKind::Text,
                None,
                true,
                options,
                matcher,
                progress,
            )?;
            Ok(read.map(|mut read| {
                read.format = ListFormat::Word { tables: 0 };
                read
            }))
        }
    }
}

/// Reads pasted text: a table when it is one (tab-separated from Word or Excel, `姓名：…`
/// blocks), else one person per line or entry. Never fails: what gives nobody is skipped.
pub fn read_pasted(text: &str, matcher: &Matcher) -> ListRead {
    let options = ReadOptions::default();
    match read_text(
        text,
        ListKind::Text,
        None,
        true,
        &options,
        matcher,
        &mut |_| true,
    ) {
        Ok(Some(read)) => read,
        _ => ListRead {
            format: ListFormat::Text {
                encoding: None,
                detected: true,
            },
            table: None,
            mapping: Vec::new(),
            preview: super::attendees_text::parse_preview(text, matcher),
            damaged: Vec::new(),
        },
    }
}

fn read_text(
    text: &str,
    kind: ListKind,
    encoding: Option<&'static Encoding>,
    detected: bool,
    options: &ReadOptions,
    matcher: &Matcher,
    progress: &mut dyn FnMut(usize) -> bool,
) -> Result<Option<ListRead>, ListError> {
    if let Some(table) = key_value_blocks(text) {
        let format = ListFormat::Delimited {
            encoding,
            detected,
            delimiter: b':',
        };
        return read_table(table, format, options, matcher, progress);
    }
    let table = match kind {
        ListKind::Csv => Some(read_text_table(text)?),
        ListKind::Text => read_text_table(text).ok().filter(is_a_table),
    };
    match table {
        Some(table) => {
            let format = ListFormat::Delimited {
                encoding,
                detected,
                delimiter: table.delimiter,
            };
            read_table(table, format, options, matcher, progress)
        }
        None => Ok(Some(ListRead {
            format: ListFormat::Text { encoding, detected },
            table: None,
            mapping: Vec::new(),
            preview: super::attendees_text::parse_preview(text, matcher),
            damaged: Vec::new(),
        })),
    }
}

/// Text is a table when its header names two columns or more, one of them a name, and
/// the rows below have that many cells.
fn is_a_table(table: &Table) -> bool {
    let (score, name) = super::headers::header_score(&table.headers);
    score >= 2 && name && table.headers.len() >= 2
}

fn read_table(
    table: Table,
    format: ListFormat,
    options: &ReadOptions,
    matcher: &Matcher,
    progress: &mut dyn FnMut(usize) -> bool,
) -> Result<Option<ListRead>, ListError> {
    // A mapping the user chose before stands as chosen; a guessed one also looks at what
    // the columns hold (a `Title` column of Mr./Ms. is the honorific).
    let mapping = options
        .remembered
        .get(&header_set_key(&table.headers))
        .and_then(|keys| mapping_from_keys(keys, table.headers.len()))
        .unwrap_or_else(|| {
            let mut mapping = guess_mapping(&table.headers);
            super::header_values::honorifics_by_values(&table, &mut mapping);
            super::header_values::name_beside_given_name(&mut mapping);
            mapping
        });
    if !has_name(&mapping) && !options.keep_unmapped {
        return Err(ListError::NoNameColumn {
            headers: table.headers,
        });
    }
    let Some(preview) = super::rows::rows_to_preview(&table, &mapping, matcher, progress) else {
        return Ok(None);
    };
    Ok(Some(ListRead {
        format,
        table: Some(table),
        mapping,
        preview,
        damaged: Vec::new(),
    }))
}

/// Whether a mapping fills a name.
pub fn has_name(mapping: &[Option<Field>]) -> bool {
    mapping.iter().any(|f| {
        matches!(
            f,
            Some(Field::Name | Field::FamilyName | Field::GivenName | Field::ChineseName)
        )
    })
}

/// `姓名：张伟` / `单位：国家认监委` / … blocks (one person per block, blocks apart by a
/// blank line or a repeated key) as a table whose headers are the keys.
///
/// Nothing in the text is dropped: a `key：value` line whose key is no known field
/// becomes a column of its own (ignored unless the user maps it), lines before the first
/// block are titles and a total line after them is a total (skipped, and said), and text with other lines between the blocks
/// (a numbered list beside them) is not read as blocks at all, so that each of its lines
/// is read, or skipped with its reason, one by one.
fn key_value_blocks(text: &str) -> Option<Table> {
    let mut headers: Vec<String> = Vec::new();
    let mut rows: Vec<(usize, Vec<(usize, String)>)> = Vec::new();
    let mut titles: Vec<(usize, String)> = Vec::new();
    let mut known = 0usize;
    let mut open = false;
    for (n, raw) in text.lines().enumerate() {
        let line = super::names::halfwidth(raw);
        let line = line.trim();
        if line.is_empty() {
            open = false;
            continue;
        }
        let pair = line
            .split_once(':')
            .map(|(key, value)| (key.trim(), value.trim()))
            .filter(|(key, _)| !key.is_empty() && key.chars().count() <= 24);
        let recognised =
            pair.is_some_and(|(key, _)| matches!(recognise(key), Some(Recognised::Field(_))));
        let (key, value) = match pair {
            // A key no field is known by counts only inside a block (`备注：素食`);
            // before the first block it is a line of text like any other.
            Some(pair) if recognised || open => pair,
            _ if rows.is_empty() => {
                titles.push((n + 1, line.to_owned()));
                continue;
            }
            // `共计 3 人` after the blocks: a row of its own, skipped as a total.
            _ if super::rows::is_total_row(&[line.to_owned()]) => {
                rows.push((n + 1, vec![(0, line.to_owned())]));
                open = false;
                continue;
            }
            // Another kind of line between the blocks: not a list of blocks.
            _ => return None,
        };
        known += usize::from(recognised);
        let column = match headers.iter().position(|h| h == key) {
            Some(i) => i,
            None => {
                headers.push(key.to_owned());
                headers.len() - 1
            }
        };
        let repeats = rows
            .last()
            .is_some_and(|(_, cells)| cells.iter().any(|(c, _)| *c == column));
        if !open || repeats {
            rows.push((n + 1, Vec::new()));
            open = true;
        }
        if let Some((_, cells)) = rows.last_mut() {
            cells.push((column, value.to_owned()));
        }
    }
    // Two known keys at least, and as many titles as a heading or two: a list of blocks.
    if known < 2 || titles.len() > 2 {
        return None;
    }
    let mut grid = vec![(0, headers.clone())];
    for (line, cells) in rows {
        let mut row = vec![String::new(); headers.len()];
        for (column, value) in cells {
            if let Some(cell) = row.get_mut(column) {
                *cell = value;
            }
        }
        grid.push((line, row));
    }
    let mut table = table_from_grid(grid, b':').ok()?;
    find_header(&[(0, table.headers.clone())])?;
    table.above = titles;
    Some(table)
}
