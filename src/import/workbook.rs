//! Workbooks (XLSX, XLSM, XLS, ODS) read through `calamine`, within the limits: the first
//! sheet with data, or the one the user names, as a grid of text cells with their row
//! numbers.
//!
//! Before calamine opens a workbook, what decides its allocations is checked
//! ([`super::archive`], [`super::prescan`], [`super::prescan_xls`]): the archive's central
//! directory, the shared strings an XLSX holds and declares, the cells of an ODS after
//! its repeats, the cells an XLS declares and uses. An XLSX sheet is then read cell by
//! cell (calamine's streaming reader), its used range checked against
//! [`MAX_CELLS`](super::limits::MAX_CELLS) as it grows; an XLS or ODS sheet, already
//! counted, through calamine's range. Every call into calamine runs behind
//! [`super::boundary`].

use std::io::Cursor;

use calamine::{Data, Reader as _};

use super::archive::Archive;
use super::boundary::guard;
use super::gate::InputError;
use super::limits::{Budget, Limit, LimitExceeded, MAX_CELLS, MAX_ROWS};
use super::source::WorkbookKind;

/// Why a workbook could not be read.
#[derive(Debug, thiserror::Error)]
pub enum WorkbookError {
    /// calamine could not read it (damaged, encrypted, or not really a workbook).
    #[error(
        "the workbook could not be read ({0}); open it in a spreadsheet and save it again, or save it as CSV"
    )]
    Unreadable(String),
    /// No sheet has that name.
    #[error("the workbook has no sheet “{wanted}”; its sheets are: {}", .sheets.join(", "))]
    NoSuchSheet {
        /// The name asked for.
        wanted: String,
        /// The sheets there are.
        sheets: Vec<String>,
    },
    /// Every sheet is empty.
    #[error("every sheet of the workbook is empty")]
    Empty,
    /// An Excel binary workbook (`.xlsb`), which is not read.
    #[error(
        "this is an Excel binary workbook (.xlsb), which cannot be imported; save it as an Excel workbook (.xlsx) and import that"
    )]
    Binary,
    /// Over a limit, damaged, or a reader failed: refused before or while reading.
    #[error(transparent)]
    Input(#[from] InputError),
}

impl From<super::boundary::ReaderPanic> for WorkbookError {
    fn from(e: super::boundary::ReaderPanic) -> Self {
        Self::Input(InputError::Panic(e))
    }
}

impl From<LimitExceeded> for WorkbookError {
    fn from(e: LimitExceeded) -> Self {
        Self::Input(InputError::Limit(e))
    }
}

/// One sheet of a workbook as text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sheet {
    /// Every sheet of the workbook, in order.
    pub sheets: Vec<String>,
    /// The sheet read.
    pub name: String,
    /// Its rows of cells, each with its 1-based row number.
    pub grid: Vec<(usize, Vec<String>)>,
}

/// Reads `sheet` (by name, any case, or 1-based number) or else the first sheet with
/// anything in it, of a workbook of `kind`, within the limits and `budget`.
///
/// # Errors
/// When the workbook is over a limit, cannot be read, has no such sheet, or is empty.
pub fn read_workbook(
    bytes: Vec<u8>,
    kind: WorkbookKind,
    sheet: Option<&str>,
    budget: &Budget,
) -> Result<Sheet, WorkbookError> {
    match kind {
        WorkbookKind::Xlsx => read_xlsx(bytes, sheet, budget),
        WorkbookKind::Xlsb => Err(WorkbookError::Binary),
        WorkbookKind::Xls => {
            super::prescan_xls::scan_xls(&bytes, budget)?;
            let workbook = guard("calamine", || calamine::Xls::new(Cursor::new(bytes)))?
                .map_err(unreadable)?;
            read_ranges(workbook, sheet, budget)
        }
        WorkbookKind::Ods => {
            {
                let mut archive = Archive::open(&bytes)?;
                let content = archive.read("content.xml")?;
                super::prescan::scan_ods_content(&content, budget)?;
            }
            let workbook = guard("calamine", || calamine::Ods::new(Cursor::new(bytes)))?
                .map_err(unreadable)?;
            read_ranges(workbook, sheet, budget)
        }
    }
}

fn unreadable(e: impl std::fmt::Display) -> WorkbookError {
    WorkbookError::Unreadable(e.to_string())
}

/// The sheets to try: the one named, or all of them in order.
fn candidates(sheets: &[String], wanted: Option<&str>) -> Result<Vec<String>, WorkbookError> {
    let Some(wanted) = wanted else {
        return Ok(sheets.to_vec());
    };
    let found = sheets
        .iter()
        .find(|s| s.as_str() == wanted)
        .or_else(|| sheets.iter().find(|s| s.eq_ignore_ascii_case(wanted)))
        .or_else(|| {
            let n: usize = wanted.trim().parse().ok()?;
            sheets.get(n.checked_sub(1)?)
        });
    match found {
        Some(name) => Ok(vec![name.clone()]),
        None => Err(WorkbookError::NoSuchSheet {
            wanted: wanted.to_owned(),
            sheets: sheets.to_vec(),
        }),
    }
}

fn has_data(grid: &[(usize, Vec<String>)]) -> bool {
    grid.iter()
        .any(|(_, row)| row.iter().any(|c| !c.is_empty()))
}

/// An XLS or ODS (counted before it was opened) through calamine's ranges.
fn read_ranges<R: calamine::Reader<Cursor<Vec<u8>>>>(
    mut workbook: R,
    sheet: Option<&str>,
    budget: &Budget,
) -> Result<Sheet, WorkbookError>
where
    R::Error: std::fmt::Display,
{
    let sheets = guard("calamine", || workbook.sheet_names())?;
    for name in candidates(&sheets, sheet)? {
        let range = guard("calamine", || workbook.worksheet_range(&name))?.map_err(unreadable)?;
        let (rows, cols) = range.get_size();
        let cells = (rows as u64).saturating_mul(cols as u64);
        if cells > MAX_CELLS {
            return Err(LimitExceeded::new(Limit::Cells, Some(cells))
                .at(format!("sheet “{name}”"))
                .into());
        }
        budget.check()?;
        let first_row = range.start().map_or(0, |(row, _)| row as usize);
        let grid: Vec<(usize, Vec<String>)> = range
            .rows()
            .enumerate()
            .map(|(i, row)| (first_row + i + 1, row.iter().map(cell_text).collect()))
            .collect();
        if has_data(&grid) || sheet.is_some() {
            return Ok(Sheet { sheets, name, grid });
        }
    }
    Err(WorkbookError::Empty)
}

/// An XLSX: its archive and shared strings checked (a lying `uniqueCount` taken out),
/// then its sheet read cell by cell.
fn read_xlsx(bytes: Vec<u8>, sheet: Option<&str>, budget: &Budget) -> Result<Sheet, WorkbookError> {
    let bytes = {
        let mut archive = Archive::open(&bytes)?;
        let strings = archive
            .names()
            .find(|n| n.to_ascii_lowercase().ends_with("sharedstrings.xml"))
            .map(str::to_owned);
        match strings {
            Some(member) => {
                let xml = archive.read(&member)?;
                let found = super::prescan::scan_shared_strings(&xml, budget)?;
                if found.declared.is_some_and(|d| d > found.held) {
                    log::info!(
                        "{member} declares {:?} strings and holds {}: the count is taken out",
                        found.declared,
                        found.held
                    );
                    super::prescan::without_declared_count(&mut archive, &member, &xml, &found)?
                } else {
                    drop(archive);
                    bytes
                }
            }
            None => {
                drop(archive);
                bytes
            }
        }
    };
    let mut workbook =
        guard("calamine", || calamine::Xlsx::new(Cursor::new(bytes)))?.map_err(unreadable)?;
    let sheets = guard("calamine", || workbook.sheet_names())?;
    for name in candidates(&sheets, sheet)? {
        let grid = guard("calamine", || xlsx_grid(&mut workbook, &name, budget))??;
        if has_data(&grid) || sheet.is_some() {
            return Ok(Sheet { sheets, name, grid });
        }
    }
    Err(WorkbookError::Empty)
}

/// The used range of an XLSX sheet, read cell by cell: the range is checked against
/// [`MAX_CELLS`] as it grows, so a sheet with cells at A2 and XFD1048576 stops at the
/// second cell instead of asking for 17 billion.
fn xlsx_grid(
    workbook: &mut calamine::Xlsx<Cursor<Vec<u8>>>,
    name: &str,
    budget: &Budget,
) -> Result<Vec<(usize, Vec<String>)>, WorkbookError> {
    let mut reader = workbook.worksheet_cells_reader(name).map_err(unreadable)?;
    let mut cells: Vec<(u32, u32, String)> = Vec::new();
    // The used range so far: first and last row, first and last column.
    let mut rows: Option<(u32, u32)> = None;
    let mut cols: Option<(u32, u32)> = None;
    while let Some(cell) = reader.next_cell().map_err(unreadable)? {
        if matches!(cell.get_value(), calamine::DataRef::Empty) {
            continue;
        }
        let (row, col) = cell.get_position();
        let widen = |range: Option<(u32, u32)>, v: u32| match range {
            None => (v, v),
            Some((lo, hi)) => (lo.min(v), hi.max(v)),
        };
        let (r0, r1) = widen(rows, row);
        let (c0, c1) = widen(cols, col);
        rows = Some((r0, r1));
        cols = Some((c0, c1));
        let height = u64::from(r1 - r0) + 1;
        let area = height.saturating_mul(u64::from(c1 - c0) + 1);
        if area > MAX_CELLS || height > MAX_ROWS {
            let (limit, found) = if height > MAX_ROWS {
                (Limit::Rows, height)
            } else {
                (Limit::Cells, area)
            };
            return Err(LimitExceeded::new(limit, Some(found))
                .at(format!("sheet “{name}”"))
                .into());
        }
        if cells.len().is_multiple_of(4096) {
            budget.check()?;
        }
        let data = Data::from(cell.get_value().clone());
        cells.push((row, col, cell_text(&data)));
    }
    let (Some((r0, r1)), Some((c0, c1))) = (rows, cols) else {
        return Ok(Vec::new());
    };
    let width = (c1 - c0) as usize + 1;
    let mut grid: Vec<(usize, Vec<String>)> = (r0..=r1)
        .map(|r| (r as usize + 1, vec![String::new(); width]))
        .collect();
    for (row, col, text) in cells {
        if let Some(slot) = grid
            .get_mut((row - r0) as usize)
            .and_then(|(_, cells)| cells.get_mut((col - c0) as usize))
        {
            *slot = text;
        }
    }
    Ok(grid)
}

/// A cell as text: numbers as written (a phone number stored as a number keeps its
/// digits, `13800138000`, not `1.38e10`), dates as ISO dates.
fn cell_text(cell: &Data) -> String {
    let text = match cell {
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{f:.0}"),
        other => other.to_string(),
    };
    super::table::clean_cell(&text)
}
