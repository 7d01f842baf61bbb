//! `.docx` files built the way Word writes them: the package parts Word always has, runs
//! split where Word splits them (revision ids, proofing marks, bookmarks), East Asian
//! font hints on Chinese runs, tables with `tblHeader` rows, `gridSpan` and `vMerge`
//! cells, a cell's languages as two paragraphs or as one with a `<w:br/>`.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)] // Test helpers may panic.

use std::io::{Cursor, Write as _};

/// A document being built.
#[derive(Default)]
pub struct Doc {
    body: String,
    rsid: u32,
}

/// A cell: its lines, how they are apart, and its merging.
#[derive(Clone, Default)]
pub struct Cell {
    lines: Vec<String>,
    br: bool,
    span: usize,
    vmerge: Option<bool>,
}

/// A cell whose lines (split at `\n`) are paragraphs.
pub fn cell(text: &str) -> Cell {
    Cell {
        lines: text.split('\n').map(str::to_owned).collect(),
        ..Cell::default()
    }
}

impl Cell {
    /// The lines apart by `<w:br/>` in one paragraph.
    pub fn br(mut self) -> Self {
        self.br = true;
        self
    }
    /// Spans `n` grid columns.
    pub fn span(mut self, n: usize) -> Self {
        self.span = n;
        self
    }
    /// Starts a vertical merge.
    pub fn restart(mut self) -> Self {
        self.vmerge = Some(true);
        self
    }
    /// Continues the vertical merge above (Word writes an empty paragraph in it).
    pub fn merged() -> Self {
        Self {
            lines: vec![String::new()],
            vmerge: Some(false),
            ..Self::default()
        }
    }
}

/// A row of a table.
#[derive(Clone)]
pub struct Row {
    header: bool,
    cells: Vec<Cell>,
}

/// A row of cells, each text's lines as paragraphs.
pub fn row(cells: &[&str]) -> Row {
    Row {
        header: false,
        cells: cells.iter().map(|c| cell(c)).collect(),
    }
}

/// A row of cells, each text's lines apart by `<w:br/>`.
pub fn row_br(cells: &[&str]) -> Row {
    Row {
        header: false,
        cells: cells.iter().map(|c| cell(c).br()).collect(),
    }
}

/// A row of built cells.
pub fn row_of(cells: Vec<Cell>) -> Row {
    Row {
        header: false,
        cells,
    }
}

impl Row {
    /// Repeated as a header on each page (`tblHeader`).
    pub fn header(mut self) -> Self {
        self.header = true;
        self
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

impl Doc {
    /// An empty document.
    pub fn new() -> Self {
        Self {
            body: String::new(),
            rsid: 0x00A1_2B3C,
        }
    }

    fn next_rsid(&mut self) -> String {
        self.rsid = self.rsid.wrapping_mul(1_103_515_245).wrapping_add(12_345) & 0x00FF_FFFF;
        format!("{:08X}", self.rsid)
    }

    /// Runs of `text` split as Word splits them: every few characters another revision id,
    /// a proofing mark before a word now and then, Chinese with its East Asian hint.
    fn runs(&mut self, text: &str) -> String {
        let mut out = String::new();
        let chars: Vec<char> = text.chars().collect();
        for (i, chunk) in chars.chunks(7).enumerate() {
            let piece: String = chunk.iter().collect();
            let rsid = self.next_rsid();
            if i % 2 == 1 {
                out.push_str(r#"<w:proofErr w:type="spellStart"/>"#);
            }
            let hint = if piece
                .chars()
                .any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c))
            {
                r#"<w:rFonts w:hint="eastAsia"/>"#
            } else {
                ""
            };
            out.push_str(&format!(
                r#"<w:r w:rsidR="{rsid}"><w:rPr>{hint}<w:sz w:val="21"/></w:rPr><w:t xml:space="preserve">{}</w:t></w:r>"#,
                escape(&piece)
            ));
            if i % 2 == 1 {
                out.push_str(r#"<w:proofErr w:type="spellEnd"/>"#);
            }
        }
        out
    }

    fn paragraph_xml(&mut self, lines: &[String], br: bool, style: Option<&str>) -> String {
        let rsid = self.next_rsid();
        let style = style
            .map(|s| format!(r#"<w:pStyle w:val="{s}"/>"#))
            .unwrap_or_default();
        let props = format!(
            r#"<w:pPr>{style}<w:spacing w:after="0"/><w:tabs><w:tab w:val="left" w:pos="2268"/></w:tabs></w:pPr>"#
        );
        if br {
            let mut inner = String::new();
            for (i, line) in lines.iter().enumerate() {
                if i > 0 {
                    inner.push_str("<w:r><w:br/></w:r>");
                }
                inner.push_str(&self.runs(line));
            }
            format!(r#"<w:p w:rsidR="{rsid}" w:rsidRDefault="{rsid}">{props}{inner}</w:p>"#)
        } else {
            lines
                .iter()
                .map(|line| {
                    let runs = self.runs(line);
                    format!(r#"<w:p w:rsidR="{rsid}">{props}{runs}</w:p>"#)
                })
                .collect()
        }
    }

    /// A paragraph (a heading style when `style` is given). An empty text gives Word's
    /// empty paragraph.
    pub fn para(mut self, text: &str) -> Self {
        let xml = if text.is_empty() {
            "<w:p/>".to_owned()
        } else {
            let start = r#"<w:bookmarkStart w:id="0" w:name="_GoBack"/>"#;
            let p = self.paragraph_xml(&[text.to_owned()], false, None);
            p.replacen("</w:pPr>", &format!("</w:pPr>{start}"), 1)
                .replacen("</w:p>", r#"<w:bookmarkEnd w:id="0"/></w:p>"#, 1)
        };
        self.body.push_str(&xml);
        self
    }

    /// A title paragraph in Word's Title style.
    pub fn title(mut self, text: &str) -> Self {
        let xml = self.paragraph_xml(&[text.to_owned()], false, Some("Title"));
        self.body.push_str(&xml);
        self
    }

    /// A table of `rows`; its grid as wide as its widest row.
    pub fn table(mut self, rows: &[Row]) -> Self {
        let width = rows
            .iter()
            .map(|r| r.cells.iter().map(|c| c.span.max(1)).sum::<usize>())
            .max()
            .unwrap_or(0);
        let mut xml = String::from(
            r#"<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>"#,
        );
        for _ in 0..width {
            xml.push_str(r#"<w:gridCol w:w="2000"/>"#);
        }
        xml.push_str("</w:tblGrid>");
        for row in rows {
            let rsid = self.next_rsid();
            xml.push_str(&format!(r#"<w:tr w:rsidR="{rsid}" w:rsidTr="{rsid}">"#));
            if row.header {
                xml.push_str("<w:trPr><w:tblHeader/></w:trPr>");
            }
            for c in &row.cells {
                let mut props = r#"<w:tcW w:w="2000" w:type="dxa"/>"#.to_owned();
                if c.span > 1 {
                    props.push_str(&format!(r#"<w:gridSpan w:val="{}"/>"#, c.span));
                }
                match c.vmerge {
                    Some(true) => props.push_str(r#"<w:vMerge w:val="restart"/>"#),
                    Some(false) => props.push_str("<w:vMerge/>"),
                    None => {}
                }
                let paragraphs = if c.lines.iter().all(String::is_empty) {
                    "<w:p/>".to_owned()
                } else {
                    self.paragraph_xml(&c.lines, c.br, None)
                };
                xml.push_str(&format!(
                    "<w:tc><w:tcPr>{props}</w:tcPr>{paragraphs}</w:tc>"
                ));
            }
            xml.push_str("</w:tr>");
        }
        xml.push_str("</w:tbl>");
        self.body.push_str(&xml);
        self
    }

    /// The `word/document.xml` part.
    pub fn document_xml(&self) -> String {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" mc:Ignorable="w14"><w:body>{}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1800" w:bottom="1440" w:left="1800" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr></w:body></w:document>"#,
            self.body
        )
    }

    /// The `.docx` file.
    pub fn bytes(&self) -> Vec<u8> {
        package(&[("word/document.xml", self.document_xml().as_bytes())])
    }
}

/// A package with Word's other parts and `parts` (a part named like one of Word's
/// replaces it).
pub fn package(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let content_types = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>"#;
    let rels = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;
    let doc_rels = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#;
    let styles = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style></w:styles>"#;
    let core = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Secretariat</dc:creator></cp:coreProperties>"#;
    let mut all: Vec<(&str, &[u8])> = vec![
        ("[Content_Types].xml", content_types.as_bytes()),
        ("_rels/.rels", rels.as_bytes()),
        ("word/_rels/document.xml.rels", doc_rels.as_bytes()),
        ("word/styles.xml", styles.as_bytes()),
        ("docProps/core.xml", core.as_bytes()),
    ];
    for (name, bytes) in parts {
        all.retain(|(n, _)| n != name);
        all.push((name, bytes));
    }
    let mut out = Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut out);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in all {
        zip.start_file(name, options).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap();
    out.into_inner()
}

/// A table of `rows` one-cell rows, as small as Word could write it.
pub fn document_with_rows(rows: usize) -> Vec<u8> {
    let row = "<w:tr><w:tc><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc></w:tr>";
    let mut xml = String::with_capacity(rows * row.len() + 400);
    xml.push_str(r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:tbl>"#);
    for _ in 0..rows {
        xml.push_str(row);
    }
    xml.push_str("</w:tbl></w:body></w:document>");
    package(&[("word/document.xml", xml.as_bytes())])
}

/// A document part of `size` bytes of spaces around one paragraph: a few hundred KB
/// that inflate past the limit of a zip member.
pub fn document_bomb(size: usize) -> Vec<u8> {
    let mut xml = br#"<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>x</w:t></w:r></w:p>"#.to_vec();
    xml.resize(size, b' ');
    xml.extend_from_slice(b"</w:body></w:document>");
    package(&[("word/document.xml", &xml)])
}

/// A Word package whose text part is missing.
pub fn without_document() -> Vec<u8> {
    let mut out = Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut out);
    let options = zip::write::SimpleFileOptions::default();
    zip.start_file("word/styles.xml", options).unwrap();
    zip.write_all(b"<w:styles/>").unwrap();
    zip.finish().unwrap();
    out.into_inner()
}

/// A Word package whose text part is not well-formed XML.
pub fn garbage_document() -> Vec<u8> {
    package(&[(
        "word/document.xml",
        b"<w:document><w:body><w:p><w:r><w:t>Opening</w:p></w:tbl>\x00<<>>" as &[u8],
    )])
}
