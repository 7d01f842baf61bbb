//! Reading a list of people for import, as it arrived: a CSV (or tab-separated) file, or
//! text pasted from an e-mail.

use std::path::Path;

use super::attendees::{CsvError, Field, ParsedPerson, guess_mapping, read_csv, rows_to_people};
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
    /// The CSV could not be read.
    #[error(transparent)]
    Csv(#[from] CsvError),
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

/// How a list is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListKind {
    /// Comma-, semicolon- or tab-separated values with a header row.
    Csv,
    /// Text as pasted from an e-mail (`Mr. HUANG Jixian 黄继先 … > Title,CCAA, Ms. …`).
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

/// Reads the list at `path` (its kind by [`ListKind::of_path`]) into people matched
/// against `project`. Nothing changes in the project.
///
/// # Errors
/// When the file cannot be read, is not a CSV with a name column, or names nobody.
pub fn read_list_file(path: &Path, project: &Project) -> Result<Vec<ParsedPerson>, ListError> {
    let bytes = std::fs::read(path).map_err(ListError::Io)?;
    read_list(&bytes, ListKind::of_path(path), project)
}

/// Reads a list into people matched against `project`. A CSV's columns are recognised by
/// their headers; text may start with a byte-order mark and is read leniently.
///
/// # Errors
/// When a CSV cannot be read or has no name column, or the list names nobody.
pub fn read_list(
    bytes: &[u8],
    kind: ListKind,
    project: &Project,
) -> Result<Vec<ParsedPerson>, ListError> {
    let parsed = match kind {
        ListKind::Csv => {
            let table = read_csv(bytes)?;
            let mapping = guess_mapping(&table.headers);
            if !mapping.contains(&Some(Field::FamilyName))
                && !mapping.contains(&Some(Field::ChineseName))
            {
                return Err(ListError::NoNameColumn {
                    headers: table.headers,
                });
            }
            rows_to_people(&table, &mapping, project)
        }
        ListKind::Text => {
            let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
            super::attendees_text::parse(&String::from_utf8_lossy(bytes), project)
        }
    };
    if parsed.is_empty() {
        return Err(ListError::NoPerson);
    }
    Ok(parsed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_read_by_kind_and_refused_in_words() {
        let project = Project::default();
        let csv = "Family name,Given name\nHUANG,Jixian\n";
        let people = read_list(csv.as_bytes(), ListKind::Csv, &project).unwrap();
        assert_eq!(people.len(), 1);
        let err = read_list(b"Phone,Email\n1,a@b\n", ListKind::Csv, &project).unwrap_err();
        assert_eq!(
            err.to_string(),
            "no column is a name; the header must name columns like “Family name”, “Given name”, “Chinese name” (found: Phone, Email)"
        );
        let err = read_list(b"\xEF\xBB\xBF  \n", ListKind::Text, &project).unwrap_err();
        assert!(matches!(err, ListError::NoPerson));
        assert!(matches!(
            read_list(b"\xFF\xFEa", ListKind::Csv, &project),
            Err(ListError::Csv(CsvError::Encoding { line: 1 }))
        ));
        assert_eq!(ListKind::of_path(Path::new("a.TSV")), ListKind::Csv);
        assert_eq!(ListKind::of_path(Path::new("a.txt")), ListKind::Text);
    }
}
