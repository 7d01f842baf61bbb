//! Excel workbooks laid out for the people who open them: columns fitted to their text
//! (a Han character counts two), an autofilter and a frozen header row, numbers as
//! numbers, and sheet names that are valid and unique. They print landscape on A4 with
//! the header repeated on every page: columns with nothing in them hidden (they stay, so
//! the file imports back), one page wide when the text stays at 8 pt or larger, else two
//! pages wide.

use super::attendees::{AttendeeExportError, cells_with, has_notes, headers_with, rows};
use crate::model::{Meeting, Project};

/// The same table as an Excel workbook, ready to filter and print: a list of everyone has
/// a `People` sheet, then one sheet per meeting; a meeting's list, that meeting's sheet.
/// Sheets are named by the meeting's short title and date (unique, within Excel's 31
/// characters); every sheet has its columns fitted to their text, an autofilter and a
/// frozen header row, and prints landscape on A4, one page wide, with the header row
/// repeated on each page. Text is always written as text, never a formula; the order is a
/// number. The personal-data columns in `personal` (chosen explicitly) come last.
pub fn attendee_workbook(
    project: &Project,
    meeting: Option<&Meeting>,
    personal: &[crate::import::attendees::Field],
) -> Result<Vec<u8>, AttendeeExportError> {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let mut names = Vec::new();
    match meeting {
        Some(m) => {
            let name = unique_sheet_name(&meeting_sheet_name(m), &mut names);
            xlsx_sheet(workbook.add_worksheet(), &name, project, Some(m), personal)?;
        }
        None => {
            let name = unique_sheet_name("People 人员", &mut names);
            xlsx_sheet(workbook.add_worksheet(), &name, project, None, personal)?;
            let mut meetings: Vec<_> = project.meetings.iter().collect();
            meetings.sort_by_key(|(id, m)| (m.starts_at(), (*id).clone()));
            for (_, m) in meetings {
                let name = unique_sheet_name(&meeting_sheet_name(m), &mut names);
                xlsx_sheet(workbook.add_worksheet(), &name, project, Some(m), personal)?;
            }
        }
    }
    Ok(workbook.save_to_buffer()?)
}

/// `CCAA–AFNOR meeting 2024-09-23`: the start of the meeting's title (whole words, at most
/// 20 characters) and its date.
fn meeting_sheet_name(m: &Meeting) -> String {
    let title = m.title.get(false).trim();
    let mut short = String::new();
    for word in title.split_whitespace() {
        let longer = if short.is_empty() {
            word.to_owned()
        } else {
            format!("{short} {word}")
        };
        if longer.chars().count() > 20 {
            break;
        }
        short = longer;
    }
    if short.is_empty() {
        short = title.chars().take(20).collect();
    }
    let short = short.trim();
    if short.is_empty() {
        m.start_date().to_string()
    } else {
        format!("{short} {}", m.start_date())
    }
}

/// `name` made a valid Excel sheet name (no `[]:*?/\`, no leading or trailing `'`, at
/// most 31 characters) that differs from every one in `taken` regardless of case, as
/// Excel requires; then added to `taken`.
fn unique_sheet_name(name: &str, taken: &mut Vec<String>) -> String {
    let clean: String = super::sanitize_cell(name)
        .chars()
        .map(|c| {
            if matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\') || c.is_control() {
                '-'
            } else {
                c
            }
        })
        .collect();
    let clean = clean.trim().trim_matches('\'').trim().to_owned();
    let base = if clean.is_empty() {
        "Sheet".to_owned()
    } else {
        clean
    };
    let fit = |text: &str, room: usize| -> String { text.chars().take(room).collect() };
    let lower = |t: &str| t.to_lowercase();
    let mut candidate = fit(&base, 31);
    let mut n = 2;
    while taken.iter().any(|t| lower(t) == lower(&candidate)) {
        let suffix = format!(" ({n})");
        candidate = format!("{}{suffix}", fit(&base, 31 - suffix.chars().count()));
        n += 1;
    }
    taken.push(candidate.clone());
    candidate
}

/// Characters of a cell as Excel measures a column (a Han character is two wide).
fn display_width(text: &str) -> f64 {
    text.lines()
        .map(|line| {
            line.chars()
                .map(|c| if pdf_is_wide(c) { 2.0 } else { 1.0 })
                .sum::<f64>()
        })
        .fold(0.0, f64::max)
}

fn pdf_is_wide(c: char) -> bool {
    matches!(u32::from(c),
        0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD)
}

/// One sheet of [`xlsx`]: the list of `meeting` (or everyone) with its print setup.
fn xlsx_sheet(
    sheet: &mut rust_xlsxwriter::Worksheet,
    name: &str,
    project: &Project,
    meeting: Option<&Meeting>,
    personal: &[crate::import::attendees::Field],
) -> Result<(), AttendeeExportError> {
    use rust_xlsxwriter::{Format, FormatBorder};
    sheet.set_name(name)?;
    let header_format = Format::new()
        .set_bold()
        .set_background_color(0xE6E9EE)
        .set_border_bottom(FormatBorder::Thin);
    let rows = rows(project, meeting);
    let notes = has_notes(&rows);
    let headers = headers_with(meeting.is_some(), notes, personal);
    let order_column = headers.iter().position(|h| *h == "Order");
    let mut widths: Vec<f64> = headers.iter().map(|h| display_width(h)).collect();
    let mut filled = vec![false; headers.len()];
    for (c, h) in headers.iter().enumerate() {
        let col = u16::try_from(c).unwrap_or(u16::MAX);
        sheet.write_string_with_format(0, col, *h, &header_format)?;
    }
    for (r, row) in rows.iter().enumerate() {
        let r = u32::try_from(r + 1).unwrap_or(u32::MAX);
        for (c, cell) in cells_with(row, meeting, notes, personal).iter().enumerate() {
            if let Some(f) = filled.get_mut(c) {
                *f |= !cell.trim().is_empty();
            }
            let col = u16::try_from(c).unwrap_or(u16::MAX);
            if Some(c) == order_column {
                // A number, so that sorting by it gives 1, 2, … 10, not 1, 10, 2.
                sheet.write_number(r, col, u32::try_from(row.order).unwrap_or(u32::MAX))?;
            } else {
                // Strings, not `write()`: a cell such as `=HYPERLINK(…)` must stay text.
                sheet.write_string(r, col, cell)?;
            }
            if let Some(width) = widths.get_mut(c) {
                *width = width.max(display_width(cell));
            }
        }
    }
    let mut printed = Vec::new();
    for (c, width) in widths.iter().enumerate() {
        // A little room for the filter button; very long notes wrap rather than widen the
        // column past a screen.
        let fitted = (width + 3.0).clamp(6.0, 60.0);
        let col = u16::try_from(c).unwrap_or(u16::MAX);
        sheet.set_column_width(col, fitted)?;
        // An empty column (no e-mail or phone in the list) is hidden, not left out: the
        // file keeps the interchange layout and imports back; the printout skips it.
        if filled.get(c) == Some(&true) {
            printed.push(fitted);
        } else {
            sheet.set_column_hidden(col)?;
        }
    }
    let last_col = u16::try_from(headers.len().saturating_sub(1)).unwrap_or(u16::MAX);
    let last_row = u32::try_from(rows.len()).unwrap_or(u32::MAX);
    sheet.autofilter(0, 0, last_row, last_col)?;
    sheet.set_freeze_panes(1, 0)?;
    sheet.set_landscape();
    sheet.set_paper_size(9); // A4
    sheet.set_print_fit_to_pages(pages_wide(&printed), 0);
    sheet.set_repeat_rows(0, 0)?;
    Ok(())
}

/// Points of paper across a landscape A4 page between Excel's default margins (0.7 inch
/// each side).
const PRINTABLE_WIDTH: f64 = 297.0 / 25.4 * 72.0 - 2.0 * 0.7 * 72.0;
/// Excel's default font size, at which the column widths are measured.
const DEFAULT_SIZE: f64 = 11.0;
/// The smallest text a printed list may have.
pub const MIN_PRINTED_SIZE: f64 = 8.0;

/// How many pages wide a sheet prints: one when fitting its columns (`widths`, in
/// characters) to the page keeps the text at [`MIN_PRINTED_SIZE`] or larger, else two.
fn pages_wide(widths: &[f64]) -> u16 {
    if printed_size(widths, 1) >= MIN_PRINTED_SIZE {
        1
    } else {
        2
    }
}

/// The size the text prints at when the columns (`widths`, in characters) are fitted to
/// `pages` landscape pages across (never above the default size).
pub fn printed_size(widths: &[f64], pages: u16) -> f64 {
    // Excel's column width: characters of the default font's digit (7 px at 11 pt), plus
    // 5 px of padding; 96 px to the inch.
    let points: f64 = widths.iter().map(|w| (w * 7.0 + 5.0) * 0.75).sum();
    if points <= 0.0 {
        return DEFAULT_SIZE;
    }
    (DEFAULT_SIZE * PRINTABLE_WIDTH * f64::from(pages) / points).min(DEFAULT_SIZE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sheet_prints_one_page_wide_unless_its_text_would_fall_under_8_pt() {
        // Nine columns of 15 characters: about 11 pt across one page.
        assert_eq!(pages_wide(&[15.0; 9]), 1);
        assert!(printed_size(&[15.0; 9], 1) >= 10.0);
        // Sixteen columns of 20: about 4.7 pt on one page, 9.4 pt on two.
        let wide = [20.0; 16];
        assert!(printed_size(&wide, 1) < MIN_PRINTED_SIZE);
        assert!(printed_size(&wide, 2) >= MIN_PRINTED_SIZE);
        assert_eq!(pages_wide(&wide), 2);
    }
}
