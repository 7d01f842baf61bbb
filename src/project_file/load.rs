use std::io::Read as _;
use std::path::Path;

use std::time::SystemTime;

use super::{Fingerprint, LoadError, ProjectFile, SyntaxReason};
use crate::model::Project;

/// The format version this app writes and the newest it reads.
pub const FORMAT_VERSION: u32 = 4;

/// Files larger than this are refused before reading: the largest realistic project
/// (100,000 people) is about 40 MB.
pub const MAX_FILE_SIZE: u64 = 256 * 1024 * 1024;

/// Reads and parses a project file. Never panics, whatever the file holds.
pub fn read_project(path: &Path) -> Result<Project, LoadError> {
    load_project(path).map(|(project, _)| project)
}

/// [`read_project`], also returning the fingerprint of the bytes read, so that a later
/// save can tell whether someone else changed the file meanwhile.
pub fn load_project(path: &Path) -> Result<(Project, Fingerprint), LoadError> {
    let (bytes, modified) = read_bytes(path)?;
    let project = parse_project(&bytes, path)?;
    Ok((project, Fingerprint::of_bytes(&bytes, modified)))
}

/// The bytes of a file no larger than [`MAX_FILE_SIZE`], and its modification time.
pub(crate) fn read_bytes(path: &Path) -> Result<(Vec<u8>, Option<SystemTime>), LoadError> {
    let io_error = |source| LoadError::Io {
        path: path.to_owned(),
        source,
    };
    let file = open_regular(path)?;
    let meta = file.metadata().map_err(io_error)?;
    let size = meta.len();
    if size > MAX_FILE_SIZE {
        return Err(LoadError::TooLarge {
            path: path.to_owned(),
            size,
            max: MAX_FILE_SIZE,
        });
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    // `take` guards against a file that grows while being read.
    file.take(MAX_FILE_SIZE + 1)
        .read_to_end(&mut bytes)
        .map_err(io_error)?;
    check_size(&bytes, path)?;
    Ok((bytes, meta.modified().ok()))
}

/// Opens `path` for reading if it is a regular file. A folder, a pipe, a device or a
/// socket is refused at once: reading a pipe would wait for a writer for ever.
pub(crate) fn open_regular(path: &Path) -> Result<std::fs::File, LoadError> {
    let io_error = |source| LoadError::Io {
        path: path.to_owned(),
        source,
    };
    let not_a_file = |meta: &std::fs::Metadata| LoadError::NotAFile {
        path: path.to_owned(),
        kind: super::NodeKind::of(meta.file_type()),
    };
    let meta = std::fs::metadata(path).map_err(io_error)?;
    if !meta.is_file() {
        return Err(not_a_file(&meta));
    }
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(target_os = "linux")]
    {
        // Should the path become a pipe between the check and the open, the open does not
        // wait for a writer; reads of a regular file ignore the flag.
        use std::os::unix::fs::OpenOptionsExt as _;
        options.custom_flags(rustix::fs::OFlags::NONBLOCK.bits() as i32);
    }
    let file = options.open(path).map_err(io_error)?;
    let meta = file.metadata().map_err(io_error)?;
    if meta.is_file() {
        Ok(file)
    } else {
        Err(not_a_file(&meta))
    }
}

fn check_size(bytes: &[u8], path: &Path) -> Result<(), LoadError> {
    if bytes.len() as u64 > MAX_FILE_SIZE {
        return Err(LoadError::TooLarge {
            path: path.to_owned(),
            size: bytes.len() as u64,
            max: MAX_FILE_SIZE,
        });
    }
    Ok(())
}

/// Parses the bytes of a project file of any supported format version into the current
/// model; `path` is only used in messages. Never panics, whatever the bytes.
pub fn parse_project(bytes: &[u8], path: &Path) -> Result<Project, LoadError> {
    parse_ron::<ProjectFile>(bytes, path).map(migrate)
}

/// [`parse_project`] with ron alone, without trying the fast reader first: the reference
/// the fast reader is checked against (tests, benchmarks, fuzzing). The app does not use it.
pub fn parse_project_reference(bytes: &[u8], path: &Path) -> Result<Project, LoadError> {
    let checked = check_text(bytes, path)?;
    parse_with_ron::<ProjectFile>(&checked, path).map(migrate)
}

/// [`parse_project`] with the fast reader alone: `None` when the file does not pass the
/// checks or when the reader leaves it to ron. For tests, benchmarks and fuzzing.
pub fn parse_project_fast(bytes: &[u8]) -> Option<Project> {
    let checked = check_text(bytes, Path::new("")).ok()?;
    super::reader::from_str::<ProjectFile>(checked.text)
        .ok()
        .map(migrate)
}

/// Brings a file of any supported format version up to the current model.
///
/// When the format changes, add the next version to [`ProjectFile`], keep the old types
/// (as `super::v1` keeps V1's) and convert here; `tests/formats/` keeps one file of every
/// released version, and a test loads each of them forever.
pub(crate) fn migrate(file: ProjectFile) -> Project {
    match file {
        ProjectFile::V1(project) => super::v1::migrate(project),
        // V3 only added fields with defaults (outcomes per agenda item, the item a
        // commitment was agreed under, the minutes' stage and version date, absent
        // attendees), and V4 likewise: a V2 or V3 file reads into the current model as it is.
        ProjectFile::V2(project) | ProjectFile::V3(project) | ProjectFile::V4(project) => project,
    }
}

/// Decodes RON text written by this app (a project, a recovery copy) defensively: size,
/// UTF-16, byte-order mark, UTF-8, emptiness and RON extensions are checked before the
/// parser sees it, and every error says where and what to do.
///
/// The fast reader ([`super::reader`]) reads the text first; when it refuses (an error, or
/// syntax it leaves to ron), ron reads it again and has the last word, with its message and
/// position. Errors are rare, so reading twice costs only on bad files.
pub(crate) fn parse_ron<T: serde::de::DeserializeOwned>(
    bytes: &[u8],
    path: &Path,
) -> Result<T, LoadError> {
    let checked = check_text(bytes, path)?;
    match super::reader::from_str::<T>(checked.text) {
        Ok(value) => Ok(value),
        Err(_refused) => parse_with_ron(&checked, path),
    }
}

/// Text that passed the checks before parsing.
struct CheckedText<'a> {
    /// The text, without its byte-order mark.
    text: &'a str,
    /// Line and column of its first token.
    start: (usize, usize),
}

/// Size, UTF-16, byte-order mark, UTF-8, emptiness and RON extensions.
fn check_text<'a>(bytes: &'a [u8], path: &Path) -> Result<CheckedText<'a>, LoadError> {
    let path_buf = || path.to_owned();
    check_size(bytes, path)?;
    // UTF-32 first: its little-endian byte-order mark starts like UTF-16's.
    if bytes.starts_with(&[0xFF, 0xFE, 0, 0])
        || bytes.starts_with(&[0, 0, 0xFE, 0xFF])
        || matches!(bytes, [_, 0, 0, 0, ..] | [0, 0, 0, _, ..])
    {
        return Err(LoadError::Utf32 { path: path_buf() });
    }
    if bytes.starts_with(&[0xFF, 0xFE])
        || bytes.starts_with(&[0xFE, 0xFF])
        || matches!(bytes, [0, _, ..] | [_, 0, ..])
    {
        return Err(LoadError::Utf16 { path: path_buf() });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(err) => {
            let valid = bytes.get(..err.valid_up_to()).unwrap_or_default();
            let prefix = String::from_utf8_lossy(valid);
            let (line, column) = line_column_at_end(&prefix);
            return Err(LoadError::NotUtf8 {
                path: path_buf(),
                line,
                column,
            });
        }
    };
    if text.trim().is_empty() {
        return Err(LoadError::Empty { path: path_buf() });
    }
    let first = first_token(text).unwrap_or(0);
    let start = line_column_at_end(text.get(..first).unwrap_or_default());
    if text.get(first..).is_some_and(|rest| rest.starts_with('#')) {
        let (line, column) = start;
        return Err(LoadError::Syntax {
            path: path_buf(),
            line,
            column,
            reason: SyntaxReason::RonExtensions,
        });
    }
    Ok(CheckedText { text, start })
}

/// Whether `head`, the first bytes of a file, looks like a file of this app: a project
/// (`V1(`) or a recovery copy (`R1(`), after white space and comments. Used to refuse
/// writing an export over one.
pub(crate) fn looks_like_project(head: &[u8]) -> bool {
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    // The head may end inside a character: read only its valid part.
    let valid = match std::str::from_utf8(head) {
        Ok(text) => text,
        Err(err) => std::str::from_utf8(head.get(..err.valid_up_to()).unwrap_or_default())
            .unwrap_or_default(),
    };
    let Some(rest) = first_token(valid).and_then(|i| valid.get(i..)) else {
        return false;
    };
    let mut chars = rest.chars();
    if !matches!(chars.next(), Some('V' | 'R')) {
        return false;
    }
    let tail = chars.as_str();
    let digits = tail.len() - tail.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    digits > 0
        && tail
            .get(digits..)
            .is_some_and(|t| t.trim_start().starts_with('('))
}

/// Parses checked text with ron, turning its errors into words a user can act on.
fn parse_with_ron<T: serde::de::DeserializeOwned>(
    checked: &CheckedText<'_>,
    path: &Path,
) -> Result<T, LoadError> {
    let text = checked.text;
    ron::Options::default()
        .from_str::<T>(text)
        .map_err(|err| describe(err, path, checked.start, line_column_at_end(text)))
}

/// The byte offset of the first thing RON reads: the value, or a `#![…]` attribute before
/// it. `None` when the file ends inside a comment, which the parser will report.
///
/// RON reads attributes (`#![enable(implicit_some, unwrap_newtypes)]`) only there, after
/// white space and comments; they would make the same text mean other data. One pass over
/// the bytes, skipping exactly what RON skips.
fn first_token(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = 0;
    loop {
        let rest = text.get(i..)?;
        if let Some(c) = rest.chars().next().filter(|c| is_ron_whitespace(*c)) {
            i += c.len_utf8();
        } else if rest.starts_with("//") {
            i += rest.find('\n').unwrap_or(rest.len());
        } else if rest.starts_with("/*") {
            // Block comments nest in RON.
            let mut depth = 0usize;
            loop {
                match bytes.get(i..i + 2)? {
                    b"/*" => {
                        depth += 1;
                        i += 2;
                    }
                    b"*/" => {
                        depth = depth.saturating_sub(1);
                        i += 2;
                        if depth == 0 {
                            break;
                        }
                    }
                    _ => i += 1,
                }
            }
        } else {
            return Some(i);
        }
    }
}

/// White space as RON reads it (`ron::parse::is_whitespace_char`).
fn is_ron_whitespace(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t'
            | '\n'
            | '\r'
            | '\x0B'
            | '\x0C'
            | '\u{85}'
            | '\u{200E}'
            | '\u{200F}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

/// 1-based line and column just after `text`.
fn line_column_at_end(text: &str) -> (usize, usize) {
    let line = text.matches('\n').count() + 1;
    let last_line = text.rsplit('\n').next().unwrap_or_default();
    (line, last_line.chars().count() + 1)
}

/// Turns ron's error into words a user can act on.
///
/// `end` is the position just after the text: an error there means the file was cut off.
///
/// `start` is the position of the first thing in the file: an error there means the file is
/// something else altogether.
fn describe(
    err: ron::error::SpannedError,
    path: &Path,
    start: (usize, usize),
    end: (usize, usize),
) -> LoadError {
    use ron::error::Error;

    let line = err.span.start.line.max(1);
    let column = err.span.start.col.max(1);
    // An unterminated string swallows the rest of the file: also a file cut off.
    let at_end = (err.span.end.line, err.span.end.col) >= end
        || matches!(err.code, Error::ExpectedStringEnd);
    let reason = match &err.code {
        Error::NoSuchEnumVariant { found, outer, .. }
            if is_envelope(outer.as_deref()) && is_version_tag(found) =>
        {
            // Compared as digits: `V99999999999999999999` is newer, not unreadable.
            let digits = found.get(1..).unwrap_or_default().trim_start_matches('0');
            let current = FORMAT_VERSION.to_string();
            let newer = (digits.len(), digits) > (current.len(), current.as_str());
            if newer {
                return LoadError::NewerVersion {
                    path: path.to_owned(),
                    line,
                    column,
                    found: clip(found),
                    supported: format!("V{FORMAT_VERSION}"),
                };
            }
            SyntaxReason::UnknownVersion { found: clip(found) }
        }
        Error::NoSuchEnumVariant { found, outer, .. } if is_envelope(outer.as_deref()) => {
            SyntaxReason::NotAProject {
                starts_with: Some(clip(found)),
            }
        }
        Error::NoSuchStructField {
            expected,
            found,
            outer,
        } => SyntaxReason::UnknownField {
            found: clip(found),
            place: outer.as_deref().map(clip),
            expected: expected.iter().map(|f| (*f).to_owned()).collect(),
        },
        Error::MissingStructField { field, outer } => SyntaxReason::MissingField {
            field: (*field).to_owned(),
            place: outer.clone(),
        },
        Error::Eof => SyntaxReason::CutOff { detail: None },
        _ if (line, column) == start => SyntaxReason::NotAProject { starts_with: None },
        Error::IntegerOutOfBounds => SyntaxReason::NumberTooLarge,
        Error::InvalidIntegerDigit { .. } | Error::ExpectedInteger => SyntaxReason::ExpectedInteger,
        Error::ExpectedString => SyntaxReason::ExpectedString,
        Error::ExpectedIdentifier => SyntaxReason::ExpectedIdentifier,
        Error::TrailingCharacters => SyntaxReason::TrailingCharacters,
        Error::Message(message) if is_date_time_error(message) => SyntaxReason::BadDateTime,
        Error::Message(message) if message.starts_with("failed to parse timezone") => {
            SyntaxReason::UnknownTimeZone {
                name: clip(message.trim_start_matches("failed to parse timezone: ")),
            }
        }
        Error::ExceededRecursionLimit => SyntaxReason::TooDeep,
        other if at_end => SyntaxReason::CutOff {
            detail: Some(clip(&lowercase_first(
                other.to_string().trim_end_matches('.'),
            ))),
        },
        other => SyntaxReason::Other(clip(&lowercase_first(
            other.to_string().trim_end_matches('.'),
        ))),
    };
    LoadError::Syntax {
        path: path.to_owned(),
        line,
        column,
        reason,
    }
}

/// Text from the file (a name, ron's words quoting it) as an error may quote it: at most
/// 200 characters.
fn clip(text: &str) -> String {
    crate::model::clip_for_message(text).into_owned()
}

fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// True for chrono's messages about a date or time it cannot read.
fn is_date_time_error(message: &str) -> bool {
    [
        "input is out of range",
        "no possible date and time matching input",
        "input is not enough for unique date and time",
        "input contains invalid characters",
        "premature end of input",
        "trailing input",
        "bad or unsupported format string",
        "impossible",
    ]
    .contains(&message)
}

/// True when ron's error is about the outermost enum, the version envelope.
fn is_envelope(outer: Option<&str>) -> bool {
    matches!(outer, None | Some("ProjectFile"))
}

fn is_version_tag(found: &str) -> bool {
    let mut chars = found.chars();
    chars.next() == Some('V') && found.len() > 1 && chars.all(|c| c.is_ascii_digit())
}
