//! The hostile files of issue 21, built in code the way a program (or an attacker) makes
//! them: workbooks from rust_xlsxwriter with one part rewritten, an Excel 97 file from a
//! compound file and BIFF records, OpenDocument spreadsheets and zip archives by hand.
//! Shared by `tests/import_hostile.rs` and `tests/import_hostile_files.rs` (which keeps a
//! copy of each in `tests/hostile/imports/`).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    dead_code
)] // Test helpers may panic: a panic is a failed test.

use std::io::{Cursor, Read as _, Write as _};

/// A one-sheet XLSX with a header and two people, as rust_xlsxwriter writes it.
pub fn xlsx_list() -> Vec<u8> {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    for (r, row) in [["姓名", "单位"], ["张伟", "CQC"], ["王芳", "CNCA"]]
        .iter()
        .enumerate()
    {
        for (c, cell) in row.iter().enumerate() {
            sheet.write_string(r as u32, c as u16, *cell).unwrap();
        }
    }
    workbook.save_to_buffer().unwrap()
}

/// The members of a zip, in order.
pub fn members(zip: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut archive = zip::ZipArchive::new(Cursor::new(zip)).unwrap();
    (0..archive.len())
        .map(|i| {
            let mut file = archive.by_index(i).unwrap();
            let mut bytes = Vec::new();
            file.read_to_end(&mut bytes).unwrap();
            (file.name().unwrap().into_owned(), bytes)
        })
        .collect()
}

/// A zip of `members`, deflated.
pub fn zip_of(members: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut out = Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut out);
    for (name, bytes) in members {
        let options = if name == "mimetype" {
            zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Stored)
        } else {
            zip::write::SimpleFileOptions::default().compression_level(Some(9))
        };
        zip.start_file(name.as_str(), options).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap();
    out.into_inner()
}

/// [`xlsx_list`] whose shared strings declare `count` unique strings.
pub fn xlsx_with_unique_count(count: &str) -> Vec<u8> {
    let mut parts = members(&xlsx_list());
    for (name, bytes) in &mut parts {
        if name == "xl/sharedStrings.xml" {
            let text = String::from_utf8(bytes.clone()).unwrap();
            let start = text.find("uniqueCount=\"").unwrap() + "uniqueCount=\"".len();
            let end = start + text[start..].find('"').unwrap();
            *bytes = format!("{}{count}{}", &text[..start], &text[end..]).into_bytes();
        }
    }
    zip_of(&parts)
}

/// An XLSX with only cells A2 and XFD1048576.
pub fn xlsx_with_corners() -> Vec<u8> {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.write_string(1, 0, "张伟").unwrap();
    sheet.write_string(1_048_575, 16_383, "x").unwrap();
    workbook.save_to_buffer().unwrap()
}

/// An XLSX whose sheet is `size` bytes of spaces (deflated a thousandfold).
pub fn xlsx_bomb(size: usize) -> Vec<u8> {
    let mut out = Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut out);
    let options = zip::write::SimpleFileOptions::default()
        .compression_level(Some(9))
        .large_file(size as u64 >= u64::from(u32::MAX));
    zip.start_file("[Content_Types].xml", options).unwrap();
    zip.write_all(br#"<?xml version="1.0"?><Types/>"#).unwrap();
    zip.start_file("xl/workbook.xml", options).unwrap();
    zip.write_all(br#"<workbook/>"#).unwrap();
    zip.start_file("xl/worksheets/sheet1.xml", options).unwrap();
    let chunk = vec![b' '; 1 << 20];
    let mut left = size;
    while left > 0 {
        let n = left.min(chunk.len());
        zip.write_all(&chunk[..n]).unwrap();
        left -= n;
    }
    zip.finish().unwrap();
    out.into_inner()
}

/// `zip` with the uncompressed size of `member` set to `size` in its local header and its
/// central directory entry (a lying archive: the data inflates to more).
pub fn with_declared_size(zip: &[u8], member: &str, size: u32) -> Vec<u8> {
    let mut out = zip.to_vec();
    let name = member.as_bytes();
    // Local headers (PK\3\4): size at 22; central entries (PK\1\2): size at 24.
    for (magic, size_at, name_len_at, name_at) in
        [(b"PK\x03\x04", 22, 26, 30), (b"PK\x01\x02", 24, 28, 46)]
    {
        let mut i = 0;
        while i + name_at < out.len() {
            if &out[i..i + 4] == magic {
                let len =
                    u16::from_le_bytes([out[i + name_len_at], out[i + name_len_at + 1]]) as usize;
                if out.get(i + name_at..i + name_at + len) == Some(name) {
                    out[i + size_at..i + size_at + 4].copy_from_slice(&size.to_le_bytes());
                }
            }
            i += 1;
        }
    }
    out
}

/// A minimal OpenDocument spreadsheet whose `content.xml` is `table` inside a sheet
/// called “Liste”.
pub fn ods(table: &str) -> Vec<u8> {
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="Liste">{table}</table:table></office:spreadsheet></office:body></office:document-content>"#
    );
    let manifest = r#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;
    zip_of(&[
        (
            "mimetype".to_owned(),
            b"application/vnd.oasis.opendocument.spreadsheet".to_vec(),
        ),
        (
            "META-INF/manifest.xml".to_owned(),
            manifest.as_bytes().to_vec(),
        ),
        ("content.xml".to_owned(), content.into_bytes()),
    ])
}

/// A header row, then a row of `columns` filled cells repeated `rows` times.
pub fn ods_repeated(rows: u64, columns: u64) -> Vec<u8> {
    ods(&format!(
        r#"<table:table-row><table:table-cell office:value-type="string"><text:p>姓名</text:p></table:table-cell></table:table-row><table:table-row table:number-rows-repeated="{rows}"><table:table-cell table:number-columns-repeated="{columns}" office:value-type="string"><text:p>张伟</text:p></table:table-cell></table:table-row>"#
    ))
}

/// An ODS whose second row's repeat count is `1e9`.
pub fn ods_malformed_repeat() -> Vec<u8> {
    ods(
        r#"<table:table-row><table:table-cell office:value-type="string"><text:p>姓名</text:p></table:table-cell></table:table-row><table:table-row table:number-rows-repeated="1e9"><table:table-cell office:value-type="string"><text:p>张伟</text:p></table:table-cell></table:table-row>"#,
    )
}

/// A BIFF record.
fn record(typ: u16, data: &[u8]) -> Vec<u8> {
    let mut out = typ.to_le_bytes().to_vec();
    out.extend((data.len() as u16).to_le_bytes());
    out.extend(data);
    out
}

/// A BIFF8 LABEL cell with Latin-1 text.
fn label(row: u16, col: u16, text: &str) -> Vec<u8> {
    let (encoded, _, _) = encoding_rs::WINDOWS_1252.encode(text);
    let mut d = row.to_le_bytes().to_vec();
    d.extend(col.to_le_bytes());
    d.extend(0u16.to_le_bytes());
    d.extend((encoded.len() as u16).to_le_bytes());
    d.push(0);
    d.extend(encoded.iter());
    record(0x0204, &d)
}

/// A BIFF8 LABEL cell with UTF-16 text (any characters).
fn label_wide(row: u16, col: u16, text: &str) -> Vec<u8> {
    let units: Vec<u16> = text.encode_utf16().collect();
    let mut d = row.to_le_bytes().to_vec();
    d.extend(col.to_le_bytes());
    d.extend(0u16.to_le_bytes());
    d.extend((units.len() as u16).to_le_bytes());
    d.push(1);
    d.extend(units.iter().flat_map(|u| u.to_le_bytes()));
    record(0x0204, &d)
}

/// A BIFF8 workbook stream with one sheet of `cells` (row, column, text), with a
/// DIMENSIONS record of `dims` (first row, last row + 1, first column, last column + 1).
fn biff(cells: &[Vec<u8>], dims: (u32, u32, u16, u16)) -> Vec<u8> {
    let bof = |dt: u16| {
        let mut d = 0x0600u16.to_le_bytes().to_vec();
        d.extend(dt.to_le_bytes());
        d.extend([0; 12]);
        record(0x0809, &d)
    };
    let mut globals = bof(0x0005);
    globals.extend(record(0x0042, &1200u16.to_le_bytes()));
    let sheet_name = b"Sheet1";
    let boundsheet_len = 4 + 8 + sheet_name.len();
    let start = (globals.len() + boundsheet_len + 4) as u32;
    let mut bound = start.to_le_bytes().to_vec();
    bound.extend([0, 0, sheet_name.len() as u8, 0]);
    bound.extend(sheet_name);
    globals.extend(record(0x0085, &bound));
    globals.extend(record(0x000A, &[]));
    assert_eq!(globals.len() as u32, start);
    let mut sheet = bof(0x0010);
    let mut d = dims.0.to_le_bytes().to_vec();
    d.extend(dims.1.to_le_bytes());
    d.extend(dims.2.to_le_bytes());
    d.extend(dims.3.to_le_bytes());
    d.extend([0, 0]);
    sheet.extend(record(0x0200, &d));
    for cell in cells {
        sheet.extend(cell);
    }
    sheet.extend(record(0x000A, &[]));
    globals.extend(sheet);
    globals
}

/// An Excel 97–2003 file (a compound file with a `Workbook` stream).
fn compound(stream: &[u8]) -> Vec<u8> {
    // Version 3 (512-byte sectors), as Excel writes it.
    let mut file =
        cfb::CompoundFile::create_with_version(cfb::Version::V3, Cursor::new(Vec::new())).unwrap();
    file.create_stream("/Workbook")
        .unwrap()
        .write_all(stream)
        .unwrap();
    file.flush().unwrap();
    file.into_inner().into_inner()
}

/// An `.xls` list with a header and `rows` people (names in Chinese and pinyin).
pub fn xls(rows: u16) -> Vec<u8> {
    let mut cells = vec![label(0, 0, "Name"), label(0, 1, "Organisation")];
    cells.push(label_wide(1, 0, "王芳"));
    cells.push(label(1, 1, "CNCA"));
    for r in 2..rows {
        cells.push(label(r, 0, &format!("Person {r}")));
        cells.push(label(r, 1, "AFNOR"));
    }
    compound(&biff(&cells, (0, u32::from(rows), 0, 2)))
}

/// An `.xls` with cells at A1 and IV65536 (16.7 million cells in its used range).
pub fn xls_with_corners() -> Vec<u8> {
    let cells = vec![label(0, 0, "Name"), label(65_535, 255, "x")];
    compound(&biff(&cells, (0, 1, 0, 1)))
}

/// An `.xls` whose DIMENSIONS record has its first row (100) after its last (row 1).
pub fn xls_with_inverted_dimensions() -> Vec<u8> {
    let cells = vec![label(0, 0, "Name")];
    compound(&biff(&cells, (100, 2, 0, 1)))
}

/// A Word document whose body is `text`, as docx-rs writes it.
pub fn docx(text: &str) -> Vec<u8> {
    let mut out = Cursor::new(Vec::new());
    docx_rs::Docx::new()
        .add_paragraph(docx_rs::Paragraph::new().add_run(docx_rs::Run::new().add_text(text)))
        .build()
        .pack(&mut out)
        .unwrap();
    out.into_inner()
}
