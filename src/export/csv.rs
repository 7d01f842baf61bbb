//! CSV for spreadsheets, written the way Excel and LibreOffice read it safely.
//!
//! - UTF-8 with a byte-order mark: without it Excel opens the file as ANSI and turns every
//!   Chinese name into mojibake.
//! - RFC 4180: fields separated by commas, records ended by CRLF, a field containing a
//!   comma, a double quote, CR or LF enclosed in double quotes, a double quote doubled.
//! - Formula injection neutralised: a cell starting with `=`, `+`, `-`, `@`, a tab or a CR
//!   would be run as a formula by a spreadsheet (`=HYPERLINK(…)` from a hostile project
//!   file), so it gets a leading `'`, which spreadsheets show as text.

/// The UTF-8 byte-order mark that tells spreadsheets the encoding.
pub const BOM: &str = "\u{feff}";

/// Characters that make a spreadsheet read a cell as a formula when they come first.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A CSV document being written row by row.
#[derive(Clone, Debug)]
pub struct CsvWriter {
    out: String,
}

impl Default for CsvWriter {
    fn default() -> Self {
        Self::new()
    }
}

impl CsvWriter {
    /// An empty document (just the byte-order mark).
    pub fn new() -> Self {
        Self {
            out: BOM.to_owned(),
        }
    }

    /// Appends one record; every cell is neutralised and quoted as needed.
    pub fn row<I, S>(&mut self, cells: I)
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        for (i, cell) in cells.into_iter().enumerate() {
            if i > 0 {
                self.out.push(',');
            }
            push_field(&mut self.out, cell.as_ref());
        }
        self.out.push_str("\r\n");
    }

    /// The document as text, BOM first.
    pub fn finish(self) -> String {
        self.out
    }
}

/// The text a cell should hold so that no spreadsheet runs it as a formula.
pub fn neutralise(text: &str) -> std::borrow::Cow<'_, str> {
    if text.starts_with(FORMULA_STARTS) {
        std::borrow::Cow::Owned(format!("'{text}"))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// Appends one field, neutralised, quoted when RFC 4180 requires it.
fn push_field(out: &mut String, text: &str) {
    // Every cell, from any export: no control characters or bidi overrides.
    let text = super::sanitize::strip_invisible(text);
    let text = neutralise(&text);
    if text.contains([',', '"', '\r', '\n']) {
        out.push('"');
        out.push_str(&text.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(&text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_and_neutralising() {
        let mut w = CsvWriter::new();
        w.row(["Title", "Title (Chinese)"]);
        w.row([
            "a, b",
            "say \"hi\"",
            "two\nlines",
            "=1+1",
            "-3",
            "@SUM(A1)",
            "+x",
            "\tcmd",
            "\rcr",
            "黄继先",
            "",
            "a=b",
        ]);
        let text = w.finish();
        assert_eq!(
            text,
            "\u{feff}Title,Title (Chinese)\r\n\"a, b\",\"say \"\"hi\"\"\",\"two\nlines\",'=1+1,'-3,'@SUM(A1),'+x,'\tcmd,\"'\rcr\",黄继先,,a=b\r\n"
        );
    }

    #[test]
    fn an_empty_document_is_only_the_bom() {
        assert_eq!(CsvWriter::default().finish(), BOM);
    }
}
