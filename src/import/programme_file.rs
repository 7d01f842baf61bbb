//! A programme (a meeting's agenda) handed in as a file, read through the same gate as
//! attendee lists ([`super::gate`]): a regular file only, what it is from its bytes, text
//! decoded the same way (GB18030 or UTF-16 keep their Chinese), a workbook read as rows
//! of cells, a Word document as its lines and table rows ([`super::docx`],
//! [`super::docx_programme`]), anything else refused with what it is.
//! The text then goes to [`super::agenda_text`].

use std::path::Path;

use encoding_rs::Encoding;

use super::gate::{Input, InputError, check_text, read_input};
use super::limits::Budget;
use super::source::{BadBytes, Content, DecodeError, NotAList, WordKind, decode, encoding_label};
use super::workbook::{WorkbookError, read_workbook};

/// Why a programme file was not read.
///
/// `Display` gives the English of the command line, which puts the file's path first;
/// `crate::i18n::Localized` gives the text in the UI's language.
#[derive(Debug, thiserror::Error)]
pub enum ProgrammeError {
    /// Refused by the gate or its limits, or a reader failed.
    #[error(transparent)]
    Input(#[from] InputError),
    /// Not a programme at all.
    #[error("{}; nothing was imported", not_a_programme_en(*.0))]
    NotAProgramme(NotAList),
    /// An old Word (`.doc`) or OpenDocument text (`.odt`) file, which is not read.
    #[error(
        "this is an old Word (.doc) or OpenDocument text (.odt) file, which cannot be imported; save it as a Word document (.docx) and import that, or copy the programme out of it and paste it; nothing was imported"
    )]
    WordDocument,
    /// The text is not valid in the encoding named.
    #[error("{0}; nothing was imported")]
    Decode(#[from] DecodeError),
    /// The workbook could not be read.
    #[error(transparent)]
    Workbook(#[from] WorkbookError),
}

impl From<super::limits::LimitExceeded> for ProgrammeError {
    fn from(e: super::limits::LimitExceeded) -> Self {
        Self::Input(InputError::Limit(e))
    }
}

/// What a file that is not a programme is, in English.
fn not_a_programme_en(what: NotAList) -> String {
    match what {
        NotAList::Empty => "the file is empty".to_owned(),
        NotAList::Image(kind) => format!("this is a {kind} image, not a programme"),
        NotAList::Pdf => {
            "this is a PDF document; copy the programme out of it and paste it".to_owned()
        }
        NotAList::WordDocument => "this is a word-processor document".to_owned(),
        NotAList::Presentation => "this is a presentation, not a programme".to_owned(),
        NotAList::Archive(kind) => format!("this is a {kind} archive; unpack it first"),
        NotAList::Project => {
            "this is a Delegation Planner project: open it instead (File > Open…)".to_owned()
        }
        NotAList::Program => "this is a program, not a programme".to_owned(),
        NotAList::Binary => "this is binary data, not a programme (a text file)".to_owned(),
    }
}

/// How a programme file was read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProgrammeFormat {
    /// Text in an encoding.
    Text {
        /// The encoding.
        encoding: &'static Encoding,
        /// Whether it was detected rather than named.
        detected: bool,
    },
    /// A workbook sheet, one line per row (its cells apart by tabs).
    Workbook {
        /// The sheet read.
        sheet: String,
    },
    /// A Word document (`.docx`): its lines, and its tables one line per row.
    Word {
        /// How many tables it has.
        tables: usize,
    },
}

impl ProgrammeFormat {
    /// How it was read, in English: `GB18030 (detected)`, `sheet “Programme”`.
    pub fn describe_en(&self) -> String {
        match self {
            Self::Text {
                encoding,
                detected: true,
            } => format!("{} (detected)", encoding_label(encoding)),
            Self::Text { encoding, .. } => encoding_label(encoding).to_owned(),
            Self::Workbook { sheet } => format!("sheet “{sheet}”"),
            Self::Word { tables: 0 } => "Word document, its text".to_owned(),
            Self::Word { tables: 1 } => "Word document, its table".to_owned(),
            Self::Word { tables } => format!("Word document, {tables} tables"),
        }
    }
}

/// A programme file's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProgrammeText {
    /// The text, one item or day per line.
    pub text: String,
    /// How it was read.
    pub format: ProgrammeFormat,
    /// Bytes not valid in its encoding, with their lines (each is `?` in the text).
    pub damaged: Vec<BadBytes>,
}

/// Reads the programme at `path` through the gate.
///
/// # Errors
/// When the gate refuses it, it is no programme (an image, a Word document…), over a
/// limit, or cannot be decoded or read.
pub fn read_programme_file(
    path: &Path,
    encoding: Option<&'static Encoding>,
) -> Result<ProgrammeText, ProgrammeError> {
    let input = read_input(path, &mut |_, _| true)?
        .ok_or(ProgrammeError::NotAProgramme(NotAList::Empty))?;
    read_programme(input, encoding)
}

/// Reads a programme that went through the gate.
///
/// # Errors
/// As [`read_programme_file`].
pub fn read_programme(
    input: Input,
    encoding: Option<&'static Encoding>,
) -> Result<ProgrammeText, ProgrammeError> {
    let budget = Budget::start();
    match input.content {
        Content::Refused(what) => Err(ProgrammeError::NotAProgramme(what)),
        Content::WordDocument(WordKind::Docx) => {
            let doc = super::docx::read_docx(&input.bytes, &budget)?;
            drop(input);
            let tables = doc
                .blocks
                .iter()
                .filter(|b| matches!(b, super::docx::Block::Table(_)))
                .count();
            let text = super::docx_programme::programme_text(&doc);
            if text.trim().is_empty() {
                return Err(ProgrammeError::NotAProgramme(NotAList::Empty));
            }
            check_text(&text)?;
            Ok(ProgrammeText {
                text,
                format: ProgrammeFormat::Word { tables },
                damaged: Vec::new(),
            })
        }
        Content::WordDocument(_) => Err(ProgrammeError::WordDocument),
        Content::Workbook(kind) => {
            let sheet = read_workbook(input.bytes, kind, None, &budget)?;
            let mut text = String::new();
            for (_, row) in &sheet.grid {
                let cells: Vec<&str> = row
                    .iter()
                    .map(|c| c.trim())
                    .filter(|c| !c.is_empty())
                    .collect();
                text.push_str(&cells.join("\t"));
                text.push('\n');
            }
            Ok(ProgrammeText {
                text,
                format: ProgrammeFormat::Workbook { sheet: sheet.name },
                damaged: Vec::new(),
            })
        }
        Content::Text => {
            let decoded = decode(&input.bytes, encoding)?;
            check_text(&decoded.text)?;
            Ok(ProgrammeText {
                text: decoded.text,
                format: ProgrammeFormat::Text {
                    encoding: decoded.encoding,
                    detected: decoded.detected,
                },
                damaged: decoded.damaged,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(bytes: Vec<u8>) -> Result<ProgrammeText, ProgrammeError> {
        read_programme(Input::from_bytes(bytes).unwrap(), None)
    }

    #[test]
    fn chinese_programmes_keep_their_chinese_in_any_encoding() {
        let text = "11月5日（星期二）\n上午9:00 开幕致辞\n下午2点半 参观实验室\n";
        let (gb, _, _) = encoding_rs::GB18030.encode(text);
        let read_gb = read(gb.into_owned()).unwrap();
        assert_eq!(read_gb.text, text);
        assert_eq!(read_gb.format.describe_en(), "GB18030 (detected)");
        // UTF-16 without a BOM, Chinese only but for times and line breaks.
        let utf16: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(read(utf16).unwrap().text, text);
        let utf16be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(read(utf16be).unwrap().text, text);
    }

    #[test]
    fn what_is_no_programme_is_refused_with_what_it_is() {
        let err = read(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "this is a PNG image, not a programme; nothing was imported"
        );
        let mut doc = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
        doc.extend("WordDocument".encode_utf16().flat_map(u16::to_le_bytes));
        assert!(matches!(read(doc), Err(ProgrammeError::WordDocument)));
        let mut docx = b"PK\x03\x04".to_vec();
        docx.extend_from_slice(b"....word/document.xml....");
        assert!(matches!(
            read(docx),
            Err(ProgrammeError::Input(InputError::Damaged(_)))
        ));
    }
}
