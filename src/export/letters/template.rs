//! A Word template read once, with limits, and filled once per person: the parts that hold
//! text (the document, its headers and footers, footnotes and endnotes) are filled; every
//! other member of the zip (styles, images, the letterhead's logo, settings) is copied
//! compressed as it was, byte for byte.
//!
//! Why not a crate: docx-rs's reader turns a document into its own model and writes back
//! only what that model knows (a letterhead's drawings, fields, content controls and
//! section settings would be lost or changed); the templating crates on crates.io either
//! generate code from templates known at compile time (`docxide-template`) or unwrap on bad
//! input, keep no limits and re-serialize the XML (`easy-docx-template`, `docx-template`).
//! What a user's template needs is small: find the placeholders across runs, change those
//! texts, repeat rows, keep everything else — about 400 lines over zip and quick-xml.

use std::io::{Cursor, Read as _, Write as _};

use super::fill::{self, Placeholder, XmlError};

/// The largest template file read: a letterhead with a logo is a few hundred KB; a Word
/// file with photographs a few MB.
pub const MAX_TEMPLATE_BYTES: u64 = 50 * 1024 * 1024;
/// The most members a template's zip may have (Word writes about 15).
pub const MAX_ZIP_MEMBERS: usize = 2_000;
/// The largest text part (document, header…) read, uncompressed.
pub const MAX_PART_BYTES: u64 = 20 * 1024 * 1024;
/// The most all text parts together may hold, uncompressed (a zip bomb stops here).
pub const MAX_TEXT_BYTES: u64 = 64 * 1024 * 1024;

// TODO(lead): the import's shared limits for zip reading (src/import, issue 21) and these
// should become one module; these are this issue's own guard until then.

/// Why a file cannot be used as a letter template.
#[derive(Debug, thiserror::Error)]
pub enum TemplateError {
    /// Larger than [`MAX_TEMPLATE_BYTES`].
    #[error("the template is {size} bytes, more than the {max} a letter template may have")]
    TooLarge {
        /// Its size.
        size: u64,
        /// The limit.
        max: u64,
    },
    /// An old binary Word file (`.doc`).
    #[error(
        "this is a Word 97–2003 document (.doc); open it in Word or LibreOffice and save it as a Word document (.docx)"
    )]
    OldWord,
    /// Not a zip at all.
    #[error("this is not a Word document (.docx): {0}")]
    NotZip(String),
    /// A zip, but no Word document in it (a workbook, an OpenDocument file…).
    #[error(
        "this file holds no Word document (no word/document.xml): it may be a workbook or another kind of file; choose a .docx"
    )]
    NoDocument,
    /// A Word document with macros.
    #[error(
        "this is a macro-enabled Word document (.docm); save it as a Word document (.docx) without macros"
    )]
    Macros,
    /// More zip members than [`MAX_ZIP_MEMBERS`].
    #[error("the template holds {count} files, more than the {max} a Word document has")]
    TooManyMembers {
        /// How many.
        count: usize,
        /// The limit.
        max: usize,
    },
    /// A text part larger than the limits.
    #[error("the part {part} of the template is larger than {max} bytes uncompressed")]
    PartTooLarge {
        /// Which part.
        part: String,
        /// The limit.
        max: u64,
    },
    /// A member could not be read.
    #[error("the part {part} of the template cannot be read: {reason}")]
    Unreadable {
        /// Which part.
        part: String,
        /// What zip says.
        reason: String,
    },
    /// A part's XML is malformed.
    #[error("the part {part} of the template is not valid XML: {source}")]
    Xml {
        /// Which part.
        part: String,
        /// Where and why.
        source: XmlError,
    },
}

/// A text part of the template: its name and XML.
#[derive(Clone, Debug)]
struct Part {
    name: String,
    xml: Vec<u8>,
}

/// Where a placeholder is: which part, as the user knows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum PartKind {
    /// The body of the document.
    Body,
    /// A page header.
    Header,
    /// A page footer.
    Footer,
    /// Footnotes or endnotes.
    Notes,
}

/// A placeholder of a template and where it is.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Found {
    /// The placeholder.
    pub placeholder: Placeholder,
    /// In which kind of part.
    pub part: PartKind,
}

/// A Word template, read and scanned.
#[derive(Clone, Debug)]
pub struct Template {
    /// The file as it came.
    bytes: std::sync::Arc<Vec<u8>>,
    /// The text parts, read once.
    parts: Vec<Part>,
    /// Every placeholder, in order of appearance.
    pub found: Vec<Found>,
    /// `{{` left open in a paragraph: the text after it.
    pub unclosed: Vec<String>,
    /// A template (`.dotx`): the content type of the filled documents becomes a document's.
    is_dotx: bool,
}

const DOTX_TYPE: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml";
const DOCX_TYPE: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
const DOCM_TYPE: &str = "application/vnd.ms-word.document.macroEnabled.main+xml";
const DOTM_TYPE: &str = "application/vnd.ms-word.template.macroEnabledTemplate.main+xml";

/// The kind of a part that holds text to fill; `None` for the other members.
fn text_part(name: &str) -> Option<PartKind> {
    let file = name.strip_prefix("word/")?;
    if file.contains('/') || !file.ends_with(".xml") {
        return None;
    }
    if file == "document.xml" {
        Some(PartKind::Body)
    } else if file.starts_with("header") {
        Some(PartKind::Header)
    } else if file.starts_with("footer") {
        Some(PartKind::Footer)
    } else if file == "footnotes.xml" || file == "endnotes.xml" {
        Some(PartKind::Notes)
    } else {
        None
    }
}

fn read_limited(
    file: &mut impl std::io::Read,
    part: &str,
    budget: &mut u64,
) -> Result<Vec<u8>, TemplateError> {
    let limit = MAX_PART_BYTES.min(*budget);
    let mut xml = Vec::new();
    file.take(limit + 1)
        .read_to_end(&mut xml)
        .map_err(|e| TemplateError::Unreadable {
            part: part.to_owned(),
            reason: e.to_string(),
        })?;
    let read = xml.len() as u64;
    if read > limit {
        return Err(TemplateError::PartTooLarge {
            part: part.to_owned(),
            max: limit,
        });
    }
    *budget -= read;
    Ok(xml)
}

impl Template {
    /// Reads a `.docx` (or `.dotx`) template, within the limits above, and finds its
    /// placeholders.
    ///
    /// # Errors
    /// When the file is no Word document, too large, or its XML is malformed.
    pub fn from_docx(bytes: Vec<u8>) -> Result<Self, TemplateError> {
        let size = bytes.len() as u64;
        if size > MAX_TEMPLATE_BYTES {
            return Err(TemplateError::TooLarge {
                size,
                max: MAX_TEMPLATE_BYTES,
            });
        }
        if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
            return Err(TemplateError::OldWord);
        }
        let mut archive = zip::ZipArchive::new(Cursor::new(bytes.as_slice()))
            .map_err(|e| TemplateError::NotZip(e.to_string()))?;
        if archive.len() > MAX_ZIP_MEMBERS {
            return Err(TemplateError::TooManyMembers {
                count: archive.len(),
                max: MAX_ZIP_MEMBERS,
            });
        }
        let mut budget = MAX_TEXT_BYTES;
        let mut parts = Vec::new();
        let mut content_types = None;
        for i in 0..archive.len() {
            let mut file = archive.by_index(i).map_err(|e| TemplateError::Unreadable {
                part: format!("#{i}"),
                reason: e.to_string(),
            })?;
            let name = file.name().map(|n| n.into_owned()).unwrap_or_default();
            if name == "[Content_Types].xml" {
                let xml = read_limited(&mut file, &name, &mut budget)?;
                content_types = Some(String::from_utf8_lossy(&xml).into_owned());
            } else if text_part(&name).is_some() {
                let xml = read_limited(&mut file, &name, &mut budget)?;
                parts.push(Part { name, xml });
            }
        }
        if !parts.iter().any(|p| p.name == "word/document.xml") {
            return Err(TemplateError::NoDocument);
        }
        let types = content_types.unwrap_or_default();
        if types.contains(DOCM_TYPE) || types.contains(DOTM_TYPE) {
            return Err(TemplateError::Macros);
        }
        let is_dotx = types.contains(DOTX_TYPE);
        // The body first, then headers, footers and notes, each in file order.
        parts.sort_by_key(|p| text_part(&p.name));
        let mut found = Vec::new();
        let mut unclosed = Vec::new();
        for part in &parts {
            let scan = fill::scan(&part.xml).map_err(|source| TemplateError::Xml {
                part: part.name.clone(),
                source,
            })?;
            let kind = text_part(&part.name).unwrap_or(PartKind::Body);
            found.extend(scan.placeholders.into_iter().map(|placeholder| Found {
                placeholder,
                part: kind,
            }));
            unclosed.extend(scan.unclosed);
        }
        Ok(Self {
            bytes: std::sync::Arc::new(bytes),
            parts,
            found,
            unclosed,
            is_dotx,
        })
    }

    /// The template's file as it came (a built-in one saved for editing).
    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// The names of the placeholders, each once, in order of appearance.
    pub fn names(&self) -> Vec<&str> {
        let mut seen = std::collections::BTreeSet::new();
        self.found
            .iter()
            .map(|f| f.placeholder.name.as_str())
            .filter(|n| seen.insert(*n))
            .collect()
    }

    /// The filled document: every text part filled through `lookup` (rows repeated
    /// `count` times per scope), every other member copied as it was.
    ///
    /// # Errors
    /// When a member cannot be copied (only on a damaged zip, which [`Self::from_docx`]
    /// read already).
    pub fn fill(
        &self,
        lookup: &fill::Lookup<'_>,
        count: &dyn Fn(&'static str) -> usize,
    ) -> Result<Vec<u8>, TemplateError> {
        let unreadable = |part: &str, e: &dyn std::fmt::Display| TemplateError::Unreadable {
            part: part.to_owned(),
            reason: e.to_string(),
        };
        let mut archive = zip::ZipArchive::new(Cursor::new(self.bytes.as_slice()))
            .map_err(|e| TemplateError::NotZip(e.to_string()))?;
        let mut out = zip::ZipWriter::new(Cursor::new(Vec::with_capacity(self.bytes.len())));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for i in 0..archive.len() {
            let file = archive
                .by_index_raw(i)
                .map_err(|e| unreadable(&format!("#{i}"), &e))?;
            let name = file.name().map(|n| n.into_owned()).unwrap_or_default();
            let part = self.parts.iter().find(|p| p.name == name);
            let content_types = self.is_dotx && name == "[Content_Types].xml";
            if part.is_none() && !content_types {
                out.raw_copy_file(file).map_err(|e| unreadable(&name, &e))?;
                continue;
            }
            drop(file);
            let bytes = match part {
                Some(part) => {
                    fill::fill(&part.xml, lookup, count).map_err(|source| TemplateError::Xml {
                        part: name.clone(),
                        source,
                    })?
                }
                None => {
                    // A `.dotx` filled is a document: Word refuses a .docx that says it
                    // is a template.
                    let mut file = archive.by_index(i).map_err(|e| unreadable(&name, &e))?;
                    let mut budget = MAX_PART_BYTES;
                    let xml = read_limited(&mut file, &name, &mut budget)?;
                    String::from_utf8_lossy(&xml)
                        .replace(DOTX_TYPE, DOCX_TYPE)
                        .into_bytes()
                }
            };
            out.start_file(name.clone(), options)
                .map_err(|e| unreadable(&name, &e))?;
            out.write_all(&bytes).map_err(|e| unreadable(&name, &e))?;
        }
        let cursor = out
            .finish()
            .map_err(|e| unreadable("the zip directory", &e))?;
        Ok(cursor.into_inner())
    }
}
