//! Counting a workbook's cells before a reader allocates them.
//!
//! calamine lays a sheet out as rows × columns and believes some counts a file declares.
//! Before it opens a workbook, the parts that decide its allocations are read here with
//! quick-xml, streaming (nothing kept but counts), within the time budget:
//! - an XLSX's shared strings: how many it holds, and the `uniqueCount` it declares
//!   (calamine reserves that many at once: a lying count of 10⁹ asked for 24 GB). A count
//!   over what the part holds is taken out of a copy of the archive given to calamine
//!   ([`without_declared_count`]), so no declared count is ever trusted. (A sheet's
//!   `dimension` is trusted by calamine only below 100,000 cells, and not at all here.)
//! - an ODS's `content.xml`: the used range of each sheet after its repeated rows and
//!   columns (a 9 KB file can repeat a row 900,000 times), and repeat counts that are no
//!   number, said with the row and sheet.

use std::io::{Cursor, Write as _};

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::archive::Archive;
use super::boundary::guard;
use super::gate::InputError;
use super::limits::{Budget, Limit, LimitExceeded, MAX_CELLS, MAX_SHARED_STRINGS};

/// How many XML events pass between two looks at the time budget.
const EVENTS_PER_CHECK: u32 = 4096;

/// The shared strings of an XLSX: how many it declares and how many it holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SharedStrings {
    /// The `uniqueCount` of `<sst>`, when it is a number.
    pub declared: Option<u64>,
    /// The `<si>` elements.
    pub held: u64,
    /// Where the `<sst …>` tag is in the part (start, end), to take the count out.
    tag: Option<(usize, usize)>,
}

/// Counts the shared strings of an XLSX part (`xl/sharedStrings.xml`).
///
/// # Errors
/// When it holds or declares more than [`MAX_SHARED_STRINGS`], is no XML, or the time
/// budget runs out.
pub fn scan_shared_strings(xml: &[u8], budget: &Budget) -> Result<SharedStrings, InputError> {
    guard("quick-xml", || scan_shared_strings_unguarded(xml, budget))?
}

fn scan_shared_strings_unguarded(xml: &[u8], budget: &Budget) -> Result<SharedStrings, InputError> {
    let place = "xl/sharedStrings.xml";
    let mut reader = Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut found = SharedStrings {
        declared: None,
        held: 0,
        tag: None,
    };
    let mut events = 0u32;
    loop {
        let before = usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|e| damaged(place, &e))?;
        match &event {
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                "sst" if found.tag.is_none() => {
                    let after = usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
                    found.tag = Some((before, after));
                    found.declared = attribute(e, "uniqueCount").and_then(|v| v.parse().ok());
                    if let Some(declared) = found.declared
                        && declared > MAX_SHARED_STRINGS
                    {
                        return Err(LimitExceeded::new(Limit::SharedStrings, Some(declared))
                            .at(place)
                            .into());
                    }
                }
                "si" => {
                    found.held += 1;
                    if found.held > MAX_SHARED_STRINGS {
                        return Err(LimitExceeded::new(Limit::SharedStrings, None)
                            .at(place)
                            .into());
                    }
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
        events = events.wrapping_add(1);
        if events.is_multiple_of(EVENTS_PER_CHECK) {
            budget.check()?;
        }
    }
    Ok(found)
}

/// A copy of the archive `bytes` in which the shared strings part no longer declares a
/// count (calamine would reserve that many strings at once); the other members are copied
/// as they are, without being inflated.
///
/// # Errors
/// When the archive cannot be written again.
pub fn without_declared_count(
    archive: &mut Archive<'_>,
    member: &str,
    xml: &[u8],
    found: &SharedStrings,
) -> Result<Vec<u8>, InputError> {
    let Some((start, end)) = found.tag else {
        return Err(InputError::Damaged(format!("{member}: no <sst> element")));
    };
    let (Some(head), Some(tag), Some(tail)) =
        (xml.get(..start), xml.get(start..end), xml.get(end..))
    else {
        return Err(InputError::Damaged(format!("{member}: cut short")));
    };
    let tag = drop_attribute(tag, b"uniqueCount");
    guard("zip", || {
        let failed = |e: &dyn std::fmt::Display| InputError::Damaged(format!("{member}: {e}"));
        let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let names: Vec<String> = archive.names().map(str::to_owned).collect();
        for (i, name) in names.iter().enumerate() {
            if name == member {
                out.start_file(name.as_str(), zip::write::SimpleFileOptions::default())
                    .map_err(|e| failed(&e))?;
                for part in [head, tag.as_slice(), tail] {
                    out.write_all(part).map_err(|e| failed(&e))?;
                }
            } else {
                let file = archive.raw(i)?;
                out.raw_copy_file(file).map_err(|e| failed(&e))?;
            }
        }
        out.finish().map(Cursor::into_inner).map_err(|e| failed(&e))
    })?
}

/// `tag` without the attribute `name="…"` (and the space before it).
fn drop_attribute(tag: &[u8], name: &[u8]) -> Vec<u8> {
    let mut at = 0;
    while let Some(found) = memchr::memmem::find(tag.get(at..).unwrap_or_default(), name) {
        let start = at + found;
        let preceded = start > 0 && tag.get(start - 1).is_some_and(u8::is_ascii_whitespace);
        let rest = tag.get(start + name.len()..).unwrap_or_default();
        let eq = rest.iter().position(|b| !b.is_ascii_whitespace());
        if preceded && eq.is_some_and(|i| rest.get(i) == Some(&b'=')) {
            let after_eq = rest.get(eq.unwrap_or(0) + 1..).unwrap_or_default();
            let quote_at = after_eq.iter().position(|b| !b.is_ascii_whitespace());
            if let Some(q) = quote_at
                && let Some(&quote) = after_eq.get(q)
                && (quote == b'"' || quote == b'\'')
                && let Some(close) = after_eq.get(q + 1..).and_then(|v| memchr::memchr(quote, v))
            {
                let end = start + name.len() + eq.unwrap_or(0) + 1 + q + 1 + close + 1;
                let mut out = tag.get(..start - 1).unwrap_or_default().to_vec();
                out.extend_from_slice(tag.get(end..).unwrap_or_default());
                return out;
            }
        }
        at = start + name.len();
    }
    tag.to_vec()
}

/// Counts the cells of every sheet of an ODS's `content.xml` as a reader lays them out:
/// the rows up to the last one with anything in it, times the widest row up to its last
/// filled cell, repeats included; summed over the sheets (calamine reads them all).
///
/// # Errors
/// Over [`MAX_CELLS`] (the sheet named), a repeat count that is no number, no XML, or the
/// time budget spent.
pub fn scan_ods_content(xml: &[u8], budget: &Budget) -> Result<u64, InputError> {
    guard("quick-xml", || scan_ods_unguarded(xml, budget))?
}

/// One sheet being counted.
#[derive(Default)]
struct SheetCount {
    name: String,
    rows: u64,
    last_filled_row: u64,
    widest: u64,
    /// The row being read: its repeat, its width so far, its last filled column.
    row_repeat: u64,
    row_width: u64,
    row_filled_to: u64,
}

fn scan_ods_unguarded(xml: &[u8], budget: &Budget) -> Result<u64, InputError> {
    let place = "content.xml";
    let mut reader = Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut total = 0u64;
    let mut sheet: Option<SheetCount> = None;
    let mut events = 0u32;
    loop {
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|e| damaged(place, &e))?;
        let (start, empty) = match &event {
            Event::Start(e) => (Some(e), false),
            Event::Empty(e) => (Some(e), true),
            _ => (None, false),
        };
        if let Some(e) = start {
            match e.local_name().as_ref() {
                "table" if !empty => {
                    sheet = Some(SheetCount {
                        name: attribute(e, "table:name").unwrap_or_default(),
                        ..SheetCount::default()
                    });
                }
                "table-row" => {
                    if let Some(s) = sheet.as_mut() {
                        let repeat = repeat_count(e, "table:number-rows-repeated", s, "row")?;
                        s.row_repeat = repeat;
                        s.row_width = 0;
                        s.row_filled_to = 0;
                        if empty {
                            s.rows = s.rows.saturating_add(repeat);
                        }
                    }
                }
                "table-cell" | "covered-table-cell" => {
                    if let Some(s) = sheet.as_mut() {
                        let repeat = repeat_count(e, "table:number-columns-repeated", s, "column")?;
                        s.row_width = s.row_width.saturating_add(repeat);
                        let filled = !empty || attribute(e, "office:value-type").is_some();
                        if filled {
                            s.row_filled_to = s.row_width;
                        }
                    }
                }
                _ => {}
            }
        }
        match &event {
            Event::End(e) if e.local_name().as_ref() == "table-row" => {
                if let Some(s) = sheet.as_mut() {
                    s.rows = s.rows.saturating_add(s.row_repeat);
                    if s.row_filled_to > 0 {
                        s.last_filled_row = s.rows;
                        s.widest = s.widest.max(s.row_filled_to);
                    }
                    let cells = s.last_filled_row.saturating_mul(s.widest);
                    if total.saturating_add(cells) > MAX_CELLS {
                        return Err(too_many_cells(total.saturating_add(cells), &s.name));
                    }
                }
            }
            Event::End(e) if e.local_name().as_ref() == "table" => {
                if let Some(s) = sheet.take() {
                    total = total.saturating_add(s.last_filled_row.saturating_mul(s.widest));
                }
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
        events = events.wrapping_add(1);
        if events.is_multiple_of(EVENTS_PER_CHECK) {
            budget.check()?;
        }
    }
    Ok(total)
}

fn too_many_cells(found: u64, sheet: &str) -> InputError {
    let place = if sheet.is_empty() {
        String::new()
    } else {
        format!("sheet “{}”", clip(sheet))
    };
    let mut e = LimitExceeded::new(Limit::Cells, Some(found));
    if !place.is_empty() {
        e = e.at(place);
    }
    e.into()
}

/// A `number-…-repeated` attribute: 1 when absent, an error naming the row when it is no
/// positive number.
fn repeat_count(
    e: &BytesStart<'_>,
    name: &str,
    sheet: &SheetCount,
    what: &str,
) -> Result<u64, InputError> {
    let Some(value) = attribute(e, name) else {
        return Ok(1);
    };
    match value.trim().parse::<u64>() {
        Ok(n) if n > 0 => Ok(n),
        _ => Err(InputError::Damaged(format!(
            "row {} of sheet “{}”: the {what} repeat count “{}” is not a positive number",
            sheet.rows.saturating_add(1),
            clip(&sheet.name),
            clip(&value)
        ))),
    }
}

/// The value of attribute `name`, unescaped when it can be.
fn attribute(e: &BytesStart<'_>, name: &str) -> Option<String> {
    let attr = e.try_get_attribute(name).ok()??;
    Some(
        attr.normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .map_or_else(|_| attr.value.to_string(), |v| v.into_owned()),
    )
}

fn damaged(place: &str, e: &dyn std::fmt::Display) -> InputError {
    InputError::Damaged(format!("{place}: {e}"))
}

fn clip(text: &str) -> String {
    match text.char_indices().nth(60) {
        Some((at, _)) => format!("{}…", text.get(..at).unwrap_or_default()),
        None => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shared_strings_are_counted_and_a_lying_count_is_taken_out() {
        let xml = br#"<?xml version="1.0"?><sst xmlns="x" count="3" uniqueCount="1000000000"><si><t>a</t></si><si><t>b</t></si></sst>"#;
        let err = scan_shared_strings(xml, &Budget::start()).unwrap_err();
        assert!(
            matches!(err, InputError::Limit(ref l) if l.limit == Limit::SharedStrings && l.found == Some(1_000_000_000)),
            "{err}"
        );
        let xml = br#"<sst xmlns="x" uniqueCount="900"><si><t>a</t></si><si/></sst>"#;
        let found = scan_shared_strings(xml, &Budget::start()).unwrap();
        assert_eq!((found.declared, found.held), (Some(900), 2));
        let (start, end) = found.tag.unwrap();
        let tag = drop_attribute(&xml[start..end], b"uniqueCount");
        assert_eq!(tag, br#"<sst xmlns="x">"#);
    }

    #[test]
    fn ods_repeats_are_counted_before_they_are_expanded() {
        let row = r#"<table:table-row table:number-rows-repeated="900000"><table:table-cell table:number-columns-repeated="100" office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row>"#;
        let xml = format!(
            r#"<office:document-content><table:table table:name="Liste">{row}</table:table></office:document-content>"#
        );
        let err = scan_ods_content(xml.as_bytes(), &Budget::start()).unwrap_err();
        let InputError::Limit(limit) = err else {
            panic!("{err}")
        };
        assert_eq!(limit.limit, Limit::Cells);
        assert_eq!(limit.found, Some(90_000_000));
        assert_eq!(limit.place.as_deref(), Some("sheet “Liste”"));
        // LibreOffice's trailing empty rows count for nothing.
        let xml = r#"<table:table table:name="S"><table:table-row><table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell><table:table-cell table:number-columns-repeated="16383"/></table:table-row><table:table-row table:number-rows-repeated="1048575"><table:table-cell table:number-columns-repeated="16384"/></table:table-row></table:table>"#;
        assert_eq!(
            scan_ods_content(xml.as_bytes(), &Budget::start()).unwrap(),
            1
        );
        let xml = r#"<table:table table:name="S"><table:table-row table:number-rows-repeated="abc"><table:table-cell/></table:table-row></table:table>"#;
        let err = scan_ods_content(xml.as_bytes(), &Budget::start()).unwrap_err();
        assert!(
            err.to_string().contains(
                "row 1 of sheet “S”: the row repeat count “abc” is not a positive number"
            ),
            "{err}"
        );
    }
}
