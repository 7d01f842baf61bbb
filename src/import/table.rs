//! A list as a table: rows of cells from a CSV, TSV or text file (any delimiter, quoted
//! fields) or a workbook sheet, with its header row found wherever it is (below title
//! rows and blank rows) and every other row kept with its line number.

use super::headers::header_score;

/// A list read into rows under a header row.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Table {
    /// The header row.
    pub headers: Vec<String>,
    /// The data rows (each padded to the header's length).
    pub rows: Vec<Vec<String>>,
    /// The line (text) or row (sheet) number of each data row, 1-based.
    pub lines: Vec<usize>,
    /// The line or row number of the header.
    pub header_line: usize,
    /// The rows above the header (titles, notes), with their line numbers.
    pub above: Vec<(usize, String)>,
    /// `,`, `;` or tab for text; 0 for a sheet.
    pub delimiter: u8,
}

/// The earlier name of [`Table`].
pub type CsvTable = Table;

/// Why a table could not be read.
#[derive(Debug, thiserror::Error)]
pub enum CsvError {
    /// The text is not valid in the encoding it was read in.
    #[error(transparent)]
    Encoding(#[from] super::source::DecodeError),
    /// Nothing in it.
    #[error("the file has no rows")]
    Empty,
    /// The CSV reader gave up.
    #[error("line {line}: {source}")]
    Malformed {
        /// 1-based line.
        line: u64,
        /// What the CSV reader said.
        source: csv::Error,
    },
}

/// How far down a header row is looked for.
const HEADER_SEARCH_ROWS: usize = 30;

/// The delimiter of delimited text: the one of `,` `;` tab that splits the first lines most
/// consistently (French Excel writes `;`, pasted tables have tabs).
pub fn sniff_delimiter(text: &str) -> u8 {
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(HEADER_SEARCH_ROWS)
        .collect();
    let mut best = (0usize, b',');
    for delimiter in [b'\t', b';', b','] {
        let counts: Vec<usize> = lines
            .iter()
            .map(|l| count_outside_quotes(l, delimiter))
            .collect();
        // The most common non-zero count, and how many lines have it.
        let mut modes: Vec<(usize, usize)> = Vec::new();
        for c in counts.iter().copied().filter(|c| *c > 0) {
            match modes.iter_mut().find(|(n, _)| *n == c) {
                Some((_, k)) => *k += 1,
                None => modes.push((c, 1)),
            }
        }
        let agreeing = modes.iter().map(|(_, k)| *k).max().unwrap_or(0);
        if agreeing > best.0 {
            best = (agreeing, delimiter);
        }
    }
    best.1
}

fn count_outside_quotes(line: &str, delimiter: u8) -> usize {
    let mut quoted = false;
    line.bytes()
        .filter(|b| {
            if *b == b'"' {
                quoted = !quoted;
            }
            !quoted && *b == delimiter
        })
        .count()
}

/// Delimited text as rows of trimmed cells, each with its 1-based line number.
///
/// # Errors
/// When the CSV reader cannot read a record.
pub fn text_grid(text: &str, delimiter: u8) -> Result<Vec<(usize, Vec<String>)>, CsvError> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(false)
        .from_reader(text.as_bytes());
    let mut grid = Vec::new();
    // Lines counted from the record's byte offset: the reader's own line count skips the
    // blank lines it skips, and a row's line must be the one an editor shows.
    let (mut counted_to, mut line) = (0usize, 1usize);
    for record in reader.records() {
        let record = record.map_err(malformed)?;
        let mut offset = record.position().map_or(counted_to, |p| {
            usize::try_from(p.byte()).unwrap_or(usize::MAX)
        });
        // The reader's position may stand before the blank lines it skipped.
        while matches!(text.as_bytes().get(offset), Some(b'\n' | b'\r')) {
            offset += 1;
        }
        if offset > counted_to {
            line += memchr::memchr_iter(
                b'\n',
                text.as_bytes().get(counted_to..offset).unwrap_or_default(),
            )
            .count();
            counted_to = offset;
        }
        grid.push((line, record.iter().map(clean_cell).collect()));
    }
    Ok(grid)
}

/// A cell as imported: trimmed, and without the `'` our CSV export puts before a
/// formula-like cell.
pub fn clean_cell(cell: &str) -> String {
    let cell = cell.trim_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}');
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest.to_owned(),
        _ => cell.to_owned(),
    }
}

fn malformed(source: csv::Error) -> CsvError {
    CsvError::Malformed {
        line: source.position().map_or(0, csv::Position::line),
        source,
    }
}

/// The index in `grid` of its header row: the first of the first rows that names two
/// columns or more, one of them a name; failing that, the row naming most columns with a
/// name among them; failing that, the first row with anything in it.
pub fn find_header(grid: &[(usize, Vec<String>)]) -> Option<usize> {
    let mut fallback: Option<(usize, usize)> = None;
    let mut first_filled = None;
    for (i, (_, row)) in grid.iter().enumerate().take(HEADER_SEARCH_ROWS) {
        if row.iter().all(String::is_empty) {
            continue;
        }
        first_filled.get_or_insert(i);
        let (score, name) = header_score(row);
        if score >= 2 && name {
            return Some(i);
        }
        if name && fallback.is_none_or(|(best, _)| score > best) {
            fallback = Some((score, i));
        }
    }
    fallback.map(|(_, i)| i).or(first_filled)
}

/// A table from a grid: the header found, the rows above it kept as titles, the rows
/// below padded to one width (a row longer than the header widens the table, so no cell
/// is lost).
///
/// # Errors
/// When the grid has no filled row.
pub fn table_from_grid(grid: Vec<(usize, Vec<String>)>, delimiter: u8) -> Result<Table, CsvError> {
    let Some(header_at) = find_header(&grid) else {
        return Err(CsvError::Empty);
    };
    let width = grid
        .iter()
        .skip(header_at)
        .map(|(_, r)| r.iter().rposition(|c| !c.is_empty()).map_or(0, |i| i + 1))
        .max()
        .unwrap_or(0);
    let mut table = Table {
        delimiter,
        ..Table::default()
    };
    for (i, (line, mut row)) in grid.into_iter().enumerate() {
        match i.cmp(&header_at) {
            std::cmp::Ordering::Less => {
                let text = row
                    .iter()
                    .filter(|c| !c.is_empty())
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(" ");
                table.above.push((line, text));
            }
            std::cmp::Ordering::Equal => {
                row.resize(width, String::new());
                table.headers = row;
                table.header_line = line;
            }
            std::cmp::Ordering::Greater => {
                row.resize(width, String::new());
                table.rows.push(row);
                table.lines.push(line);
            }
        }
    }
    Ok(table)
}

/// Reads delimited text (already decoded) into a table.
///
/// # Errors
/// When the CSV reader gives up or nothing is in it.
pub fn read_text_table(text: &str) -> Result<Table, CsvError> {
    let delimiter = sniff_delimiter(text);
    table_from_grid(text_grid(text, delimiter)?, delimiter)
}

/// Reads CSV bytes in any encoding: BOM or not, comma, semicolon or tab, quoted fields
/// with embedded delimiters and line breaks, the header below any title rows.
///
/// # Errors
/// When the text is not valid in its encoding, the CSV reader gives up, or it is empty.
pub fn read_csv(bytes: &[u8]) -> Result<Table, CsvError> {
    let decoded = super::source::decode(bytes, None)?;
    read_text_table(&decoded.text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_header_is_found_below_titles() {
        let text = "参会人员名单\n\n序号,姓名,单位,职务\n1,张伟,国家认监委,处长\n共计 1 人,,,\n";
        let table = read_text_table(text).unwrap();
        assert_eq!(table.headers, ["序号", "姓名", "单位", "职务"]);
        assert_eq!(table.header_line, 3);
        assert_eq!(table.above, [(1, "参会人员名单".to_owned())]);
        assert_eq!(table.rows.len(), 2);
        assert_eq!(table.lines, [4, 5]);
    }

    #[test]
    fn delimiters_are_sniffed() {
        assert_eq!(
            sniff_delimiter("Nom;Prénom;Fonction\nDUPONT;Jean;\"Directeur, qualité\"\n"),
            b';'
        );
        assert_eq!(sniff_delimiter("Name\tTitle\nA B\tC, D\n"), b'\t');
        assert_eq!(sniff_delimiter("Name,Title\nA,B\n"), b',');
    }
}
