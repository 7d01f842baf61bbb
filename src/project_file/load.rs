use std::io::Read as _;
use std::path::Path;

use super::{LoadError, ProjectFile};
use crate::model::Project;

/// The format version this app writes and the newest it reads.
pub const FORMAT_VERSION: u32 = 1;

/// Files larger than this are refused before reading: the largest realistic project
/// (100,000 people) is about 40 MB.
pub const MAX_FILE_SIZE: u64 = 256 * 1024 * 1024;

/// Reads and parses a project file. Never panics, whatever the file holds.
pub fn read_project(path: &Path) -> Result<Project, LoadError> {
    let io_error = |source| LoadError::Io {
        path: path.to_owned(),
        source,
    };
    let file = std::fs::File::open(path).map_err(io_error)?;
    let size = file.metadata().map_err(io_error)?.len();
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
    if bytes.len() as u64 > MAX_FILE_SIZE {
        return Err(LoadError::TooLarge {
            path: path.to_owned(),
            size: bytes.len() as u64,
            max: MAX_FILE_SIZE,
        });
    }
    parse_project(&bytes, path)
}

/// Parses the bytes of a project file; `path` is only used in messages.
pub fn parse_project(bytes: &[u8], path: &Path) -> Result<Project, LoadError> {
    let path_buf = || path.to_owned();
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
    match ron::Options::default().from_str::<ProjectFile>(text) {
        Ok(ProjectFile::V1(project)) => Ok(project),
        Err(err) => Err(describe(err, path, line_column_at_end(text))),
    }
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
fn describe(err: ron::error::SpannedError, path: &Path, end: (usize, usize)) -> LoadError {
    use ron::error::Error;

    let line = err.span.start.line.max(1);
    let column = err.span.start.col.max(1);
    // An unterminated string swallows the rest of the file: also a file cut off.
    let at_end = (err.span.end.line, err.span.end.col) >= end
        || matches!(err.code, Error::ExpectedStringEnd);
    let message = match &err.code {
        Error::NoSuchEnumVariant { found, outer, .. }
            if is_envelope(outer.as_deref()) && is_version_tag(found) =>
        {
            let newer = found
                .get(1..)
                .and_then(|n| n.parse::<u32>().ok())
                .is_some_and(|n| n > FORMAT_VERSION);
            if newer {
                return LoadError::NewerVersion {
                    path: path.to_owned(),
                    line,
                    column,
                    found: found.clone(),
                    supported: format!("V{FORMAT_VERSION}"),
                };
            }
            format!("unknown format version `{found}`; this version reads V{FORMAT_VERSION}")
        }
        Error::NoSuchEnumVariant { found, outer, .. } if is_envelope(outer.as_deref()) => {
            format!(
                "this is not a Delegation Planner project (it starts with `{found}`, a project file starts with `V{FORMAT_VERSION}(`)"
            )
        }
        Error::NoSuchStructField {
            expected,
            found,
            outer,
        } => {
            let place = outer.as_deref().map(|o| format!(" in {o}")).unwrap_or_default();
            format!(
                "unknown field `{found}`{place}. The file may have been made by a newer version of Delegation Planner; update the app, or remove the field. Known fields: {}",
                expected.join(", ")
            )
        }
        Error::MissingStructField { field, outer } => {
            let place = outer.as_deref().map(|o| format!(" in {o}")).unwrap_or_default();
            format!("the field `{field}`{place} is missing")
        }
        Error::Eof => "the file ends too early; it may have been cut off while copying. Look for a backup (NAME.ron.bak)".to_owned(),
        Error::ExceededRecursionLimit => {
            "the file is nested too deeply to be a project file".to_owned()
        }
        other if at_end => format!(
            "the file ends too early ({}); it may have been cut off while copying. Look for a backup (NAME.ron.bak)",
            lowercase_first(other.to_string().trim_end_matches('.'))
        ),
        other => lowercase_first(other.to_string().trim_end_matches('.')),
    };
    LoadError::Syntax {
        path: path.to_owned(),
        line,
        column,
        message,
    }
}

fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// True when ron's error is about the outermost enum, the version envelope.
fn is_envelope(outer: Option<&str>) -> bool {
    matches!(outer, None | Some("ProjectFile"))
}

fn is_version_tag(found: &str) -> bool {
    let mut chars = found.chars();
    chars.next() == Some('V') && found.len() > 1 && chars.all(|c| c.is_ascii_digit())
}
