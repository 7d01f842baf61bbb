//! Counting the cells of an Excel 97–2003 workbook (`.xls`) before calamine reads it.
//!
//! calamine reads every sheet of an `.xls` as soon as it opens it, reserves the cells its
//! `DIMENSIONS` record declares (up to 65,536 × 256, or a wrapped-around 4 billion rows
//! when the first row is after the last), and lays each sheet out as its used range. So
//! before it opens one, its workbook stream is walked here the same way: the compound
//! file opened with `cfb`, the `BoundSheet8` records of the globals followed to each
//! sheet, and for each the declared cells and the range its cell records span, summed
//! over the sheets, against [`MAX_CELLS`].

use std::io::{Cursor, Read as _};

use super::boundary::guard;
use super::gate::InputError;
use super::limits::{Budget, Limit, LimitExceeded, MAX_CELLS, MAX_FILE_BYTES};

/// Records walked between two looks at the time budget.
const RECORDS_PER_CHECK: u32 = 8192;

/// Checks an `.xls` file's cells against the limits.
///
/// # Errors
/// When its cells are over [`MAX_CELLS`], it is password-protected, it cannot be read as
/// a compound file with a workbook stream, or the time budget runs out.
pub fn scan_xls(bytes: &[u8], budget: &Budget) -> Result<(), InputError> {
    let stream = guard("cfb", || workbook_stream(bytes))??;
    scan_stream(&stream, budget)
}

fn workbook_stream(bytes: &[u8]) -> Result<Vec<u8>, InputError> {
    let damaged = |e: std::io::Error| InputError::Damaged(e.to_string());
    let mut file = cfb::CompoundFile::open(Cursor::new(bytes)).map_err(damaged)?;
    let name = ["/Workbook", "/Book"]
        .into_iter()
        .find(|name| file.is_stream(name))
        .ok_or_else(|| InputError::Damaged("no workbook stream".to_owned()))?;
    let stream = file.open_stream(name).map_err(damaged)?;
    let mut out = Vec::new();
    stream
        .take(MAX_FILE_BYTES)
        .read_to_end(&mut out)
        .map_err(damaged)?;
    Ok(out)
}

/// One BIFF record: its type and data.
struct Record<'a> {
    typ: u16,
    data: &'a [u8],
}

/// The records of `stream` from its start, until one is cut short.
fn records(stream: &[u8]) -> impl Iterator<Item = Record<'_>> {
    let mut rest = stream;
    std::iter::from_fn(move || {
        let typ = u16_at(rest, 0)?;
        let len = usize::from(u16_at(rest, 2)?);
        let data = rest.get(4..4 + len)?;
        rest = rest.get(4 + len..)?;
        Some(Record { typ, data })
    })
}

fn u16_at(bytes: &[u8], at: usize) -> Option<u16> {
    let b = bytes.get(at..at + 2)?;
    Some(u16::from_le_bytes([*b.first()?, *b.get(1)?]))
}

fn u32_at(bytes: &[u8], at: usize) -> Option<u32> {
    let b: [u8; 4] = bytes.get(at..at + 4)?.try_into().ok()?;
    Some(u32::from_le_bytes(b))
}

/// The span of the cells a sheet's records name.
#[derive(Default)]
struct Span {
    rows: Option<(u32, u32)>,
    cols: Option<(u32, u32)>,
}

impl Span {
    fn add(&mut self, row: u32, col: u32) {
        let widen = |range: &mut Option<(u32, u32)>, v: u32| {
            *range = Some(match *range {
                None => (v, v),
                Some((lo, hi)) => (lo.min(v), hi.max(v)),
            });
        };
        widen(&mut self.rows, row);
        widen(&mut self.cols, col);
    }

    /// Rows × columns, as calamine lays the sheet out.
    fn cells(&self) -> u64 {
        match (self.rows, self.cols) {
            (Some((r0, r1)), Some((c0, c1))) => {
                u64::from(r1 - r0 + 1).saturating_mul(u64::from(c1 - c0 + 1))
            }
            _ => 0,
        }
    }
}

fn scan_stream(stream: &[u8], budget: &Budget) -> Result<(), InputError> {
    let mut sheets = Vec::new();
    for record in records(stream) {
        match record.typ {
            // FilePass: the workbook is encrypted.
            0x002F if u16_at(record.data, 0).is_some_and(|v| v != 0) => {
                return Err(InputError::Encrypted);
            }
            // BoundSheet8: where a sheet's records start.
            0x0085 => sheets.extend(u32_at(record.data, 0)),
            0x000A => break,
            _ => {}
        }
    }
    let (mut declared, mut spanned) = (0u64, 0u64);
    let mut walked = 0u32;
    for (n, pos) in sheets.iter().enumerate() {
        let Some(sheet) = usize::try_from(*pos).ok().and_then(|p| stream.get(p..)) else {
            return Err(InputError::Damaged(format!(
                "sheet {} starts past the end of the workbook",
                n + 1
            )));
        };
        let mut span = Span::default();
        let (mut depth, mut seen_bof) = (0usize, false);
        for record in records(sheet) {
            walked = walked.wrapping_add(1);
            if walked.is_multiple_of(RECORDS_PER_CHECK) {
                budget.check()?;
            }
            if depth > 0 {
                match record.typ {
                    0x0809 => depth += 1,
                    0x000A => depth -= 1,
                    _ => {}
                }
                continue;
            }
            let data = record.data;
            match record.typ {
                0x0809 if seen_bof => depth += 1,
                0x0809 => seen_bof = true,
                0x0200 => declared = declared.saturating_add(declared_cells(data)),
                0x0203 | 0x0204 | 0x00D6 | 0x0205 | 0x027E | 0x00FD | 0x0006 => {
                    if let (Some(row), Some(col)) = (u16_at(data, 0), u16_at(data, 2)) {
                        span.add(u32::from(row), u32::from(col));
                    }
                }
                // MulRk: a row of cells from its first column to its last.
                0x00BD => {
                    let last = data.len().saturating_sub(2);
                    if let (Some(row), Some(first), Some(last)) =
                        (u16_at(data, 0), u16_at(data, 2), u16_at(data, last))
                        && data.len() >= 6
                    {
                        span.add(u32::from(row), u32::from(first));
                        span.add(u32::from(row), u32::from(last.max(first)));
                    }
                }
                0x000A => break,
                _ => {}
            }
        }
        spanned = spanned.saturating_add(span.cells());
        for (found, what) in [(declared, "declared"), (spanned, "used")] {
            if found > MAX_CELLS {
                return Err(LimitExceeded::new(Limit::Cells, Some(found))
                    .at(format!("sheet {}, {what}", n + 1))
                    .into());
            }
        }
    }
    Ok(())
}

/// The cells calamine reserves for a `DIMENSIONS` record, computed as it does (in a
/// release build, where `u32` subtraction wraps around).
fn declared_cells(r: &[u8]) -> u64 {
    let (rf, rl, cf, cl) = match r.len() {
        10 => (
            u16_at(r, 0).map(u32::from),
            u16_at(r, 2).map(u32::from),
            u16_at(r, 4).map(u32::from),
            u16_at(r, 6).map(u32::from),
        ),
        14 | 16 => (
            u32_at(r, 0),
            u32_at(r, 4),
            u16_at(r, 8).map(u32::from),
            u16_at(r, 10).map(u32::from),
        ),
        _ => return 0,
    };
    let (Some(rf), Some(rl), Some(mut cf), Some(cl)) = (rf, rl, cf, cl) else {
        return 0;
    };
    if 0xFF < cf || cl < cf {
        cf = 0;
    }
    let (end_row, end_col) = if 1 <= rl && 1 <= cl {
        (rl - 1, cl - 1)
    } else {
        (rf, cf)
    };
    let rows = u64::from(end_row.wrapping_sub(rf).wrapping_add(1));
    let cols = u64::from(end_col.wrapping_sub(cf).wrapping_add(1));
    rows.saturating_mul(cols)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(typ: u16, data: &[u8]) -> Vec<u8> {
        let mut out = typ.to_le_bytes().to_vec();
        out.extend((data.len() as u16).to_le_bytes());
        out.extend(data);
        out
    }

    #[test]
    fn declared_and_used_cells_are_counted_as_calamine_lays_them_out() {
        // DIMENSIONS of rows 0..65536 and columns 0..256: 16.7 million cells.
        let mut dims = 0u32.to_le_bytes().to_vec();
        dims.extend(65_536u32.to_le_bytes());
        dims.extend(0u16.to_le_bytes());
        dims.extend(256u16.to_le_bytes());
        dims.extend([0, 0]);
        assert_eq!(declared_cells(&dims), 65_536 * 256);
        // A first row after the last wraps around to 4 billion rows.
        let mut wrapped = 100u32.to_le_bytes().to_vec();
        wrapped.extend(2u32.to_le_bytes());
        wrapped.extend(0u16.to_le_bytes());
        wrapped.extend(1u16.to_le_bytes());
        wrapped.extend([0, 0]);
        assert!(declared_cells(&wrapped) > 4_000_000_000);
        // Globals naming one sheet at the offset after them, then the sheet: a cell at A1
        // and one at IV65536.
        let mut sheet = record(0x0809, &[0; 16]);
        let cell = |row: u16, col: u16| {
            let mut d = row.to_le_bytes().to_vec();
            d.extend(col.to_le_bytes());
            d.extend([0; 10]);
            record(0x0203, &d)
        };
        sheet.extend(cell(0, 0));
        sheet.extend(cell(65_535, 255));
        sheet.extend(record(0x000A, &[]));
        let mut globals = record(0x0809, &[0; 16]);
        let boundsheet_len = 4 + 8;
        let eof_len = 4;
        let start = (globals.len() + boundsheet_len + eof_len) as u32;
        let mut bound = start.to_le_bytes().to_vec();
        bound.extend([0, 0, 1, 0, b'S', 0, 0, 0]);
        globals.extend(record(0x0085, &bound[..8]));
        globals.extend(record(0x000A, &[]));
        assert_eq!(globals.len() as u32, start);
        globals.extend(sheet);
        let err = scan_stream(&globals, &Budget::start()).unwrap_err();
        let InputError::Limit(limit) = err else {
            panic!("{err}")
        };
        assert_eq!(limit.found, Some(65_536 * 256));
        assert_eq!(limit.place.as_deref(), Some("sheet 1, used"));
    }
}
