//! Workbooks (XLSX, XLSM, XLS, ODS) read through `calamine`: the first sheet with data,
//! or the one the user names, as a grid of text cells with their row numbers.

use calamine::{Data, Reader as _};

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
/// anything in it.
///
/// # Errors
/// When the workbook cannot be read, has no such sheet, or is empty.
pub fn read_workbook(bytes: Vec<u8>, sheet: Option<&str>) -> Result<Sheet, WorkbookError> {
    let mut workbook = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes))
        .map_err(|e| WorkbookError::Unreadable(e.to_string()))?;
    let sheets = workbook.sheet_names();
    let candidates: Vec<String> = match sheet {
        Some(wanted) => {
            let found = sheets
                .iter()
                .find(|s| s.as_str() == wanted)
                .or_else(|| sheets.iter().find(|s| s.eq_ignore_ascii_case(wanted)))
                .or_else(|| {
                    let n: usize = wanted.trim().parse().ok()?;
                    sheets.get(n.checked_sub(1)?)
                });
            match found {
                Some(name) => vec![name.clone()],
                None => {
                    return Err(WorkbookError::NoSuchSheet {
                        wanted: wanted.to_owned(),
                        sheets,
                    });
                }
            }
        }
        None => sheets.clone(),
    };
    for name in candidates {
        let range = workbook
            .worksheet_range(&name)
            .map_err(|e| WorkbookError::Unreadable(e.to_string()))?;
        let first_row = range.start().map_or(0, |(row, _)| row as usize);
        let grid: Vec<(usize, Vec<String>)> = range
            .rows()
            .enumerate()
            .map(|(i, row)| (first_row + i + 1, row.iter().map(cell_text).collect()))
            .collect();
        let has_data = grid
            .iter()
            .any(|(_, row)| row.iter().any(|c| !c.is_empty()));
        if has_data || sheet.is_some() {
            return Ok(Sheet { sheets, name, grid });
        }
    }
    Err(WorkbookError::Empty)
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
