//! Columns recognised by what they hold when their header says something else: a column
//! of `Mr.`/`Ms.`/`Dr.`/`先生`/`Frau`/`Mme` is the honorific, whatever its header says
//! (`Title` in an English list, `Anrede`, `Civilité`, `称谓`, or nothing at all), never
//! the job title. And `Name` beside `Vorname` is the family name.

use super::headers::Field;
use super::names::honorific_word;
use super::table::Table;

/// How many rows are looked at to tell what a column holds.
const SAMPLE_ROWS: usize = 500;

/// Whether a cell is an honorific and nothing else: `Mr.`, `Ms`, `Prof. Dr.`, `M.`,
/// `Mme`, `Herr`, `Frau Dr.`, `先生`, `女士`. A single letter without its dot (`M`, `F`)
/// is not: it may be a gender.
pub fn is_honorific_cell(cell: &str) -> bool {
    let cell = cell.trim();
    let words: Vec<&str> = cell
        .split(|c: char| c.is_whitespace() || c == '/')
        .filter(|w| !w.is_empty())
        .collect();
    !words.is_empty()
        && words.len() <= 3
        && !(cell.chars().count() == 1 && cell.chars().all(char::is_alphabetic))
        && words.iter().all(|w| honorific_word(w).is_some())
}

/// Maps to [`Field::Honorific`] every column whose values are nearly all honorifics (nine
/// in ten of its filled cells in the first rows, two at least), unless its header
/// already says it is the gender.
pub fn honorifics_by_values(table: &Table, mapping: &mut [Option<Field>]) {
    for (column, field) in mapping.iter_mut().enumerate() {
        if matches!(field, Some(Field::Honorific | Field::Gender)) {
            continue;
        }
        let (mut filled, mut honorific) = (0usize, 0usize);
        for row in table.rows.iter().take(SAMPLE_ROWS) {
            let Some(cell) = row.get(column).filter(|c| !c.trim().is_empty()) else {
                continue;
            };
            filled += 1;
            honorific += usize::from(is_honorific_cell(cell));
        }
        if honorific >= 2 && honorific * 10 >= filled * 9 {
            *field = Some(Field::Honorific);
        }
    }
}

/// `Name` beside `Vorname` (or `Given name`) and no family-name column: the family name,
/// as German lists write it (`Name`, `Vorname`); read as a whole name, the given name
/// column would leave it out.
pub fn name_beside_given_name(mapping: &mut [Option<Field>]) {
    let has = |f: Field, m: &[Option<Field>]| m.contains(&Some(f));
    if has(Field::GivenName, mapping)
        && !has(Field::FamilyName, mapping)
        && mapping.iter().filter(|f| **f == Some(Field::Name)).count() == 1
    {
        for field in mapping.iter_mut() {
            if *field == Some(Field::Name) {
                *field = Some(Field::FamilyName);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn honorific_cells() {
        for yes in [
            "Mr.",
            "Ms",
            "Prof. Dr.",
            "M.",
            "Mme",
            "Herr",
            "Frau",
            "先生",
            "女士",
            "Dr.",
        ] {
            assert!(is_honorific_cell(yes), "{yes}");
        }
        for no in ["M", "F", "Director", "Mr. Zhang", "处长", ""] {
            assert!(!is_honorific_cell(no), "{no}");
        }
    }
}
