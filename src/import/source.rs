//! What a file handed to an import really is (a workbook, a Word document, text, or
//! something else that must be refused), and the text of a text file in whatever encoding
//! it was saved in. Both imports (attendee lists and programmes) decide here.
//!
//! Text is UTF-8 (with or without BOM), UTF-16 (BOM, the zero bytes of Latin text, or
//! the code units of Chinese text without one), or a legacy encoding guessed by
//! `chardetng` (Mozilla's detector) and decoded by `encoding_rs`: GB18030/GBK from Chinese
//! Excel, Big5, Windows-1252 from French or German Excel. A user may name the encoding
//! instead. A UTF-8 file with a few bad bytes stays UTF-8: the bad bytes are kept as
//! `?` and said with their line ([`Decoded::damaged`]), never a switch of the whole
//! file to another encoding.

use encoding_rs::Encoding;
use memchr::memmem;

/// What a file is, by its bytes (never by its name).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Content {
    /// An Excel (XLSX, XLSM, XLS) or OpenDocument (ODS) workbook.
    Workbook(WorkbookKind),
    /// A word-processor document: Word (DOCX, DOC) or OpenDocument text (ODT).
    WordDocument(WordKind),
    /// Text: CSV, TSV, or a pasted list or programme.
    Text,
    /// Neither: refused, with what it is.
    Refused(NotAList),
}

/// The kind of a workbook, which decides its reader.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WorkbookKind {
    /// Excel 2007 and later (`.xlsx`, `.xlsm`): a zip of XML parts.
    Xlsx,
    /// Excel's binary workbook (`.xlsb`): a zip of binary parts.
    Xlsb,
    /// Excel 97–2003 (`.xls`): a compound file with a BIFF stream.
    Xls,
    /// OpenDocument spreadsheet (`.ods`): a zip with `content.xml`.
    Ods,
}

/// The kind of a word-processor document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WordKind {
    /// Word 2007 and later (`.docx`): a zip with `word/document.xml`.
    Docx,
    /// OpenDocument text (`.odt`).
    Odt,
    /// Word 97–2003 (`.doc`): a compound file.
    Doc,
}

/// A file that is not an attendee list, and what it is instead.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotAList {
    /// Nothing in it.
    Empty,
    /// An image (`PNG`, `JPEG`…).
    Image(&'static str),
    /// A PDF document.
    Pdf,
    /// An old Word (`.doc`) or OpenDocument text document (a `.docx` is read).
    WordDocument,
    /// A PowerPoint or OpenDocument presentation.
    Presentation,
    /// An archive (`ZIP`, `gzip`, `7-Zip`, `RAR`).
    Archive(&'static str),
    /// A Delegation Planner project file.
    Project,
    /// A program.
    Program,
    /// Binary data of no kind recognised.
    Binary,
}

impl std::fmt::Display for NotAList {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Empty => write!(f, "the file is empty"),
            Self::Image(kind) => write!(f, "this is a {kind} image, not a list"),
            Self::Pdf => write!(
                f,
                "this is a PDF document; copy its table and paste it, or ask for the spreadsheet"
            ),
            Self::WordDocument => write!(
                f,
                "this is an old Word (.doc) or OpenDocument text (.odt) file; save it as a Word document (.docx) and import that, or copy its table and paste it into the import"
            ),
            Self::Presentation => write!(f, "this is a presentation, not a list"),
            Self::Archive(kind) => write!(f, "this is a {kind} archive; unpack it first"),
            Self::Project => write!(
                f,
                "this is a Delegation Planner project: open it instead (File > Open…)"
            ),
            Self::Program => write!(f, "this is a program, not a list"),
            Self::Binary => write!(
                f,
                "this is binary data, not a list (a spreadsheet, CSV or text file)"
            ),
        }
    }
}

/// What `bytes` are.
pub fn sniff(bytes: &[u8]) -> Content {
    let starts = |magic: &[u8]| bytes.starts_with(magic);
    let image = |kind| Content::Refused(NotAList::Image(kind));
    if bytes.iter().all(|b| b.is_ascii_whitespace())
        || bytes == b"\xEF\xBB\xBF"
        || bytes == b"\xFF\xFE"
        || bytes == b"\xFE\xFF"
    {
        return Content::Refused(NotAList::Empty);
    }
    if starts(b"\x89PNG") {
        return image("PNG");
    }
    if starts(b"\xFF\xD8\xFF") {
        return image("JPEG");
    }
    if starts(b"GIF87a") || starts(b"GIF89a") {
        return image("GIF");
    }
    if starts(b"RIFF") && bytes.get(8..12) == Some(b"WEBP") {
        return image("WebP");
    }
    if starts(b"II*\0") || starts(b"MM\0*") {
        return image("TIFF");
    }
    if starts(b"BM") && bytes.get(6..10) == Some(&[0, 0, 0, 0]) {
        return image("BMP");
    }
    if starts(b"%PDF") {
        return Content::Refused(NotAList::Pdf);
    }
    if starts(b"PK\x03\x04") {
        return zip_kind(bytes);
    }
    if starts(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        // An old Office file: a workbook, unless its streams say Word or PowerPoint.
        if memmem::find(bytes, &utf16("WordDocument")).is_some() {
            return Content::WordDocument(WordKind::Doc);
        }
        if memmem::find(bytes, &utf16("PowerPoint Document")).is_some() {
            return Content::Refused(NotAList::Presentation);
        }
        return Content::Workbook(WorkbookKind::Xls);
    }
    if starts(b"\x1F\x8B") {
        return Content::Refused(NotAList::Archive("gzip"));
    }
    if starts(b"7z\xBC\xAF") {
        return Content::Refused(NotAList::Archive("7-Zip"));
    }
    if starts(b"Rar!") {
        return Content::Refused(NotAList::Archive("RAR"));
    }
    if starts(b"\x7FELF") || starts(b"\xCF\xFA\xED\xFE") || (starts(b"MZ") && has_nul(bytes)) {
        return Content::Refused(NotAList::Program);
    }
    if is_project(bytes) {
        return Content::Refused(NotAList::Project);
    }
    if utf16_without_bom(bytes).is_none()
        && !bytes.starts_with(b"\xFF\xFE")
        && !bytes.starts_with(b"\xFE\xFF")
        && looks_binary(bytes)
    {
        return Content::Refused(NotAList::Binary);
    }
    Content::Text
}

fn utf16(s: &str) -> Vec<u8> {
    s.encode_utf16().flat_map(u16::to_le_bytes).collect()
}

fn has_nul(bytes: &[u8]) -> bool {
    bytes.iter().take(4096).any(|b| *b == 0)
}

/// A ZIP is a workbook when it holds `xl/` (XLSX, XLSM, XLSB) or says it is an ODS, a
/// Word document when it holds `word/` or says it is an ODT. (The names are in the
/// archive's headers, which are not compressed.)
fn zip_kind(bytes: &[u8]) -> Content {
    let has = |needle: &[u8]| memmem::find(bytes, needle).is_some();
    if has(b"mimetypeapplication/vnd.oasis.opendocument.spreadsheet") {
        Content::Workbook(WorkbookKind::Ods)
    } else if has(b"mimetypeapplication/vnd.oasis.opendocument.text") {
        Content::WordDocument(WordKind::Odt)
    } else if has(b"xl/workbook.bin") {
        Content::Workbook(WorkbookKind::Xlsb)
    } else if has(b"xl/workbook") || has(b"xl/worksheets/") {
        Content::Workbook(WorkbookKind::Xlsx)
    } else if has(b"word/") {
        Content::WordDocument(WordKind::Docx)
    } else if has(b"xl/") {
        Content::Workbook(WorkbookKind::Xlsx)
    } else if has(b"ppt/") || has(b"mimetypeapplication/vnd.oasis.opendocument.presentation") {
        Content::Refused(NotAList::Presentation)
    } else {
        Content::Refused(NotAList::Archive("ZIP"))
    }
}

/// A project file: `V1(` (the format envelope) or a bare `(info: …` after a BOM or spaces.
fn is_project(bytes: &[u8]) -> bool {
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = text
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(text.len());
    let text = text.get(start..).unwrap_or_default();
    let head = text.get(..200).unwrap_or(text);
    if let Some(rest) = head.strip_prefix(b"V") {
        let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
        if digits > 0 && rest.get(digits) == Some(&b'(') {
            return true;
        }
    }
    if let Some(rest) = head.strip_prefix(b"(") {
        let rest: Vec<u8> = rest
            .iter()
            .copied()
            .filter(|b| !b.is_ascii_whitespace())
            .collect();
        return rest.starts_with(b"info:") || rest.starts_with(b"version:");
    }
    false
}

/// Control bytes that no text file holds (NUL and the like) in its first 8 KB.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = bytes.get(..8192).unwrap_or(bytes);
    let controls = head
        .iter()
        .filter(|b| **b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C | 0x1B))
        .count();
    head.contains(&0) || controls * 20 > head.len()
}

/// UTF-16 text without a BOM: recognised by the zero byte of every Latin character, or,
/// for text with few Latin characters (a list of Chinese names), by code units that are
/// nearly all letters, CJK characters, punctuation and line breaks in one byte order.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = bytes.get(..4096).unwrap_or(bytes);
    let pairs = head.len() / 2;
    if pairs < 4 {
        return None;
    }
    let zeros_at = |odd: usize| {
        head.iter()
            .skip(odd)
            .step_by(2)
            .filter(|b| **b == 0)
            .count()
    };
    let (even, odd) = (zeros_at(0), zeros_at(1));
    if odd * 10 > pairs * 4 && even * 20 < pairs {
        Some(encoding_rs::UTF_16LE)
    } else if even * 10 > pairs * 4 && odd * 20 < pairs {
        Some(encoding_rs::UTF_16BE)
    } else if is_utf8_prefix(head) {
        None
    } else if text_units(head, u16::from_le_bytes) {
        Some(encoding_rs::UTF_16LE)
    } else if text_units(head, u16::from_be_bytes) {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    }
}

/// Valid UTF-8, but for a character cut at the end of `head`.
fn is_utf8_prefix(head: &[u8]) -> bool {
    match std::str::from_utf8(head) {
        Ok(_) => true,
        Err(e) => e.error_len().is_none(),
    }
}

/// Whether 95 % of the code units of `head`, read with `unit`, are text: line breaks, tab,
/// ASCII, Latin letters, general punctuation, CJK punctuation and ideographs (the basic
/// block and extension A), full-width forms, and well-formed surrogate pairs (extension B
/// and beyond). Random bytes give about a third; GB18030 or Big5 text read as UTF-16 falls
/// in Hangul and private use, which are not counted.
fn text_units(head: &[u8], unit: fn([u8; 2]) -> u16) -> bool {
    let units: Vec<u16> = head
        .chunks_exact(2)
        .filter_map(|p| <[u8; 2]>::try_from(p).ok().map(unit))
        .collect();
    let (mut text, mut i) = (0usize, 0usize);
    while let Some(&u) = units.get(i) {
        let ok = match u {
            0x09 | 0x0A | 0x0D | 0x20..=0x7E | 0xA0..=0x024F | 0x2000..=0x206F => true,
            0x3000..=0x303F | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xFF00..=0xFFEF | 0xFEFF => true,
            0xD800..=0xDBFF => {
                if matches!(units.get(i + 1), Some(0xDC00..=0xDFFF)) {
                    i += 1;
                    text += 1;
                    true
                } else {
                    false
                }
            }
            _ => false,
        };
        text += usize::from(ok);
        i += 1;
    }
    units.len() >= 4 && text * 100 >= units.len() * 95
}

/// Text decoded from a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    /// The text, without its byte-order mark.
    pub text: String,
    /// The encoding it was read in.
    pub encoding: &'static Encoding,
    /// True when it was detected (BOM or guess), false when the user named it.
    pub detected: bool,
    /// Bytes that are not valid in the encoding (a UTF-8 file with a few stray bytes):
    /// each is [`BAD_BYTES_SHOWN_AS`] in [`Decoded::text`]. At most [`MAX_DAMAGED`] are listed.
    pub damaged: Vec<BadBytes>,
}

/// What stands for bytes that are not valid UTF-8 in a file read as UTF-8: `?`, which
/// every font has (U+FFFD is not in the app's fonts, and a name holding it could not be
/// typed again), and which the message about the bytes points at by line and column.
pub const BAD_BYTES_SHOWN_AS: char = '?';

/// The most bad places a decoding lists; [`Decoded::damaged`] stops there.
pub const MAX_DAMAGED: usize = 100;

/// Bytes that are not valid in the encoding a text is read in, and where they are.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadBytes {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters (the `?` that stands for them).
    pub column: usize,
    /// The bytes (at most 4).
    pub bytes: Vec<u8>,
}

impl BadBytes {
    /// `0xE5 0xBC` as written in a message.
    pub fn hex(&self) -> String {
        self.bytes
            .iter()
            .map(|b| format!("0x{b:02X}"))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

impl std::fmt::Display for BadBytes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "line {}, column {}: {} is not UTF-8 (shown as ?)",
            self.line,
            self.column,
            self.hex()
        )
    }
}

/// UTF-8 with a few bad bytes: its valid multi-byte characters outnumber its bad places
/// four to one. (Windows-1252 text has no valid multi-byte sequence at all, GB18030 text
/// about one for six bad ones; a UTF-8 list of Chinese names with a stray byte, dozens.)
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut good, mut bad) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        good += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        bad += usize::from(!chunk.invalid().is_empty());
    }
    bad > 0 && good >= bad.saturating_mul(4)
}

/// Decodes UTF-8 that has bad bytes: each bad sequence becomes [`BAD_BYTES_SHOWN_AS`] and
/// is listed with
/// its line and column.
fn decode_damaged_utf8(bytes: &[u8]) -> (String, Vec<BadBytes>) {
    let mut text = String::with_capacity(bytes.len());
    let mut damaged = Vec::new();
    let (mut line, mut column) = (1usize, 1usize);
    for chunk in bytes.utf8_chunks() {
        let valid = chunk.valid();
        text.push_str(valid);
        match memchr::memrchr(b'\n', valid.as_bytes()) {
            Some(last) => {
                line += memchr::memchr_iter(b'\n', valid.as_bytes()).count();
                column = valid.get(last + 1..).unwrap_or_default().chars().count() + 1;
            }
            None => column += valid.chars().count(),
        }
        let invalid = chunk.invalid();
        if !invalid.is_empty() {
            if damaged.len() < MAX_DAMAGED {
                damaged.push(BadBytes {
                    line,
                    column,
                    bytes: invalid.to_vec(),
                });
            }
            text.push(BAD_BYTES_SHOWN_AS);
            column += 1;
        }
    }
    (text, damaged)
}

/// Text that is not valid in the encoding it is read in.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error(
    "line {line}, column {column}: the text is not valid {encoding}; choose the encoding the file was saved in"
)]
pub struct DecodeError {
    /// The encoding tried (`UTF-8`, `GB18030`…).
    pub encoding: &'static str,
    /// 1-based line of the first bad byte.
    pub line: usize,
    /// 1-based column (in characters) of the first bad byte.
    pub column: usize,
}

/// The encoding a user names (`gb18030`, `GBK`, `cp1252`, `latin1`, `utf-16`, `big5`…).
pub fn encoding_by_name(name: &str) -> Option<&'static Encoding> {
    let name = name.trim();
    Encoding::for_label(name.as_bytes()).or_else(|| {
        match name
            .to_ascii_lowercase()
            .replace(['-', '_', ' '], "")
            .as_str()
        {
            "utf16" | "utf16le" | "ucs2" | "unicode" => Some(encoding_rs::UTF_16LE),
            "utf16be" => Some(encoding_rs::UTF_16BE),
            "cp936" | "936" => Some(encoding_rs::GBK),
            "cp950" | "950" => Some(encoding_rs::BIG5),
            "1252" => Some(encoding_rs::WINDOWS_1252),
            _ => None,
        }
    })
}

/// The encodings a user can choose from, in the order offered.
pub const ENCODINGS: [&Encoding; 7] = [
    encoding_rs::UTF_8,
    encoding_rs::GB18030,
    encoding_rs::BIG5,
    encoding_rs::WINDOWS_1252,
    encoding_rs::UTF_16LE,
    encoding_rs::UTF_16BE,
    encoding_rs::SHIFT_JIS,
];

/// The name users know an encoding by. GBK is read by the GB18030 decoder (a superset),
/// so both names are the same thing to the user.
pub fn encoding_label(encoding: &'static Encoding) -> &'static str {
    if encoding == encoding_rs::GBK || encoding == encoding_rs::GB18030 {
        "GB18030"
    } else {
        encoding.name()
    }
}

/// Decodes a text file: in `forced` when given, else by its BOM, as UTF-16 by its zero
/// bytes or code units, as UTF-8 when it is valid UTF-8 or nearly (the bad bytes listed
/// in [`Decoded::damaged`]), else in the encoding `chardetng` guesses.
///
/// # Errors
/// When the bytes are not valid in that encoding, with the line and column of the first
/// bad byte.
pub fn decode(bytes: &[u8], forced: Option<&'static Encoding>) -> Result<Decoded, DecodeError> {
    let (by_bom, bom_len) = match Encoding::for_bom(bytes) {
        Some((encoding, len)) => (Some(encoding), len),
        None => (None, 0),
    };
    let (encoding, detected) = match forced {
        Some(encoding) => (encoding, false),
        None => {
            let encoding = by_bom
                .or_else(|| utf16_without_bom(bytes))
                .unwrap_or_else(|| {
                    if std::str::from_utf8(bytes).is_ok() || mostly_utf8(bytes) {
                        encoding_rs::UTF_8
                    } else {
                        let mut detector =
                            chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
                        detector.feed(bytes, true);
                        detector.guess(None, chardetng::Utf8Detection::Allow)
                    }
                });
            (encoding, true)
        }
    };
    // A BOM of the encoding read in is not text; another encoding's BOM is left to fail.
    let body = if by_bom == Some(encoding)
        || (by_bom == Some(encoding_rs::UTF_8) && encoding == encoding_rs::UTF_8)
    {
        bytes.get(bom_len..).unwrap_or_default()
    } else {
        bytes
    };
    if detected && encoding == encoding_rs::UTF_8 && std::str::from_utf8(body).is_err() {
        let (text, damaged) = decode_damaged_utf8(body);
        return Ok(Decoded {
            text,
            encoding,
            detected,
            damaged,
        });
    }
    let (text, had_errors) = encoding.decode_without_bom_handling(body);
    if had_errors {
        let bad = text.find('\u{FFFD}').unwrap_or(text.len());
        let before = text.get(..bad).unwrap_or_default();
        let line = before.matches('\n').count() + 1;
        let column = before
            .rsplit('\n')
            .next()
            .unwrap_or_default()
            .chars()
            .count()
            + 1;
        return Err(DecodeError {
            encoding: encoding_label(encoding),
            line,
            column,
        });
    }
    Ok(Decoded {
        text: text.into_owned(),
        encoding,
        detected,
        damaged: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_told_apart_by_their_bytes() {
        assert_eq!(
            sniff(b"\x89PNG\r\n\x1a\n...."),
            Content::Refused(NotAList::Image("PNG"))
        );
        assert_eq!(sniff(b"%PDF-1.7\n"), Content::Refused(NotAList::Pdf));
        assert_eq!(
            sniff(b"V1((\n  info: ("),
            Content::Refused(NotAList::Project)
        );
        assert_eq!(sniff(b"  \n"), Content::Refused(NotAList::Empty));
        assert_eq!(
            sniff(b"\x00\x01\x02\x03abc"),
            Content::Refused(NotAList::Binary)
        );
        assert_eq!(sniff(b"BMWi;Berlin\n"), Content::Text);
        assert_eq!(sniff("姓名,单位\n".as_bytes()), Content::Text);
        let utf16le: Vec<u8> = "Name,Org\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert_eq!(sniff(&utf16le), Content::Text);
    }

    #[test]
    fn utf8_with_a_stray_byte_stays_utf8_and_says_where() {
        let mut bytes = "姓名,单位\n张伟,国家认监委\n李娜,CQC\n".as_bytes().to_vec();
        bytes.insert("姓名,单位\n张伟,国".len(), 0xB0);
        let decoded = decode(&bytes, None).unwrap();
        assert_eq!(decoded.encoding, encoding_rs::UTF_8);
        assert_eq!(decoded.text, "姓名,单位\n张伟,国?家认监委\n李娜,CQC\n");
        assert_eq!(
            decoded.damaged,
            [BadBytes {
                line: 2,
                column: 5,
                bytes: vec![0xB0]
            }]
        );
        // Windows-1252 has no valid multi-byte sequence: still detected as such.
        let (cp, _, _) = encoding_rs::WINDOWS_1252.encode("Nom;Prénom\nLEFÈVRE;Hélène\n");
        assert_eq!(
            decode(&cp, None).unwrap().encoding,
            encoding_rs::WINDOWS_1252
        );
        // Chinese-only UTF-16 without a BOM is text.
        let utf16: Vec<u8> = "张伟\n王芳\n欧阳振华\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert_eq!(sniff(&utf16), Content::Text);
        assert_eq!(decode(&utf16, None).unwrap().text, "张伟\n王芳\n欧阳振华\n");
    }

    #[test]
    fn encodings_are_detected_or_named() {
        let text =
            "姓名,单位,职务\n张伟,国家认证认可监督管理委员会,处长\n王芳,中国质量认证中心,主任\n";
        let (gb, _, _) = encoding_rs::GB18030.encode(text);
        let decoded = decode(&gb, None).unwrap();
        assert_eq!(decoded.text, text);
        assert_eq!(encoding_label(decoded.encoding), "GB18030");
        let french = "Civilité;Nom;Prénom;Société\nMme;LEFÈVRE;Hélène;Société Générale\n";
        let (cp, _, _) = encoding_rs::WINDOWS_1252.encode(french);
        assert_eq!(decode(&cp, None).unwrap().text, french);
        let err = decode(&cp, Some(encoding_rs::UTF_8)).unwrap_err();
        assert_eq!((err.line, err.column), (1, 8), "the é of Civilité");
        assert_eq!(encoding_by_name("cp1252"), Some(encoding_rs::WINDOWS_1252));
        assert_eq!(encoding_by_name("GBK"), Some(encoding_rs::GBK));
        assert_eq!(encoding_by_name("nonsense"), None);
    }
}
