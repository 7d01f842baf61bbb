//! Excel workbooks laid out for the people who open them: columns fitted to their text
//! (a Han character counts two), an autofilter and a frozen header row, landscape A4 one
//! page wide with the header repeated on every page, numbers as numbers, and sheet names
//! that are valid and unique.

use super::attendees::{AttendeeExportError, cells, headers, rows};
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
    let headers = headers(meeting.is_some(), personal);
    let order_column = headers.iter().position(|h| *h == "Order");
    let mut widths: Vec<f64> = headers.iter().map(|h| display_width(h)).collect();
    for (c, h) in headers.iter().enumerate() {
        let col = u16::try_from(c).unwrap_or(u16::MAX);
        sheet.write_string_with_format(0, col, *h, &header_format)?;
    }
    let rows = rows(project, meeting);
    for (r, row) in rows.iter().enumerate() {
        let r = u32::try_from(r + 1).unwrap_or(u32::MAX);
        for (c, cell) in cells(row, meeting, personal).iter().enumerate() {
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
    for (c, width) in widths.iter().enumerate() {
        // A little room for the filter button; very long notes wrap rather than widen the
        // column past a screen.
        let fitted = (width + 3.0).clamp(6.0, 60.0);
        sheet.set_column_width(u16::try_from(c).unwrap_or(u16::MAX), fitted)?;
    }
    let last_col = u16::try_from(headers.len().saturating_sub(1)).unwrap_or(u16::MAX);
    let last_row = u32::try_from(rows.len()).unwrap_or(u32::MAX);
    sheet.autofilter(0, 0, last_row, last_col)?;
    sheet.set_freeze_panes(1, 0)?;
    sheet.set_landscape();
    sheet.set_paper_size(9); // A4
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_repeat_rows(0, 0)?;
    Ok(())
}
