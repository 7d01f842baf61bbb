use std::path::{Path, PathBuf};

use super::FORMAT_VERSION;

/// Why a project file could not be opened.
///
/// [`LoadError::message`] says what is wrong and what to do; `Display` prefixes it with
/// `FILE:LINE:COL:` (or `FILE:`) the way compilers do, for the command line.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file could not be read at all.
    #[error("{}", self.located())]
    Io {
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// The file is larger than any real project.
    #[error("{}", self.located())]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size.
        size: u64,
        /// The limit.
        max: u64,
    },
    /// Zero bytes, or only white space.
    #[error("{}", self.located())]
    Empty {
        /// The file.
        path: PathBuf,
    },
    /// The file is UTF-16 (saved by a Windows editor as "Unicode").
    #[error("{}", self.located())]
    Utf16 {
        /// The file.
        path: PathBuf,
    },
    /// The file is UTF-32 (four bytes a character).
    #[error("{}", self.located())]
    Utf32 {
        /// The file.
        path: PathBuf,
    },
    /// Not a regular file: a folder, a pipe, a device or a socket. Refused before any
    /// reading, which on a pipe would wait for ever.
    #[error("{}", self.located())]
    NotAFile {
        /// The path.
        path: PathBuf,
        /// What it is instead.
        kind: super::NodeKind,
    },
    /// The bytes are not UTF-8 text.
    #[error("{}", self.located())]
    NotUtf8 {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
    },
    /// The text is not a valid project file.
    #[error("{}", self.located())]
    Syntax {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What was wrong.
        reason: SyntaxReason,
    },
    /// The file was written by a newer version of the app.
    #[error("{}", self.located())]
    NewerVersion {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// The version tag found (`V2`).
        found: String,
        /// The newest version this app reads.
        supported: String,
    },
}

impl LoadError {
    /// The file the error is about.
    pub fn path(&self) -> &Path {
        match self {
            Self::Io { path, .. }
            | Self::TooLarge { path, .. }
            | Self::Empty { path }
            | Self::Utf16 { path }
            | Self::Utf32 { path }
            | Self::NotAFile { path, .. }
            | Self::NotUtf8 { path, .. }
            | Self::Syntax { path, .. }
            | Self::NewerVersion { path, .. } => path,
        }
    }

    /// `(line, column)` of the problem, 1-based, when it has one.
    pub fn position(&self) -> Option<(usize, usize)> {
        match self {
            Self::NotUtf8 { line, column, .. }
            | Self::Syntax { line, column, .. }
            | Self::NewerVersion { line, column, .. } => Some((*line, *column)),
            Self::Io { .. }
            | Self::TooLarge { .. }
            | Self::Empty { .. }
            | Self::Utf16 { .. }
            | Self::Utf32 { .. }
            | Self::NotAFile { .. } => None,
        }
    }

    /// What is wrong and what to do, without the path.
    pub fn message(&self) -> String {
        match self {
            Self::Io { source, .. } => format!(
                "could not read the file ({source}); check that it exists and that you may read it"
            ),
            Self::TooLarge { size, max, .. } => format!(
                "the file is {size} bytes, more than the {max} bytes a project may have; it is probably not a project file"
            ),
            Self::Empty { .. } => {
                "the file is empty; it may have been cut off while copying: look for the backup NAME.ron.bak beside it".to_owned()
            }
            Self::Utf16 { .. } => {
                "the file is saved as UTF-16; save it again as UTF-8 in your text editor, then open it".to_owned()
            }
            Self::Utf32 { .. } => {
                "the file is saved as UTF-32; save it again as UTF-8 in your text editor, then open it".to_owned()
            }
            Self::NotAFile { kind, .. } => format!(
                "this is {kind}, not a project file; give the path of a .ron file"
            ),
            Self::NotUtf8 { .. } => {
                "the file is not UTF-8 text here; it may be damaged or not a project file".to_owned()
            }
            Self::Syntax { reason, .. } => reason.to_string(),
            Self::NewerVersion {
                found, supported, ..
            } => format!(
                "the file was made by a newer version of Delegation Planner (format {found}); this version reads format {supported}; update Delegation Planner to open it"
            ),
        }
    }

    /// `FILE:LINE:COL: message`, or `FILE: message` when there is no position.
    fn located(&self) -> String {
        let path = crate::model::escape_path(self.path());
        match self.position() {
            Some((line, column)) => format!("{path}:{line}:{column}: {}", self.message()),
            None => format!("{path}: {}", self.message()),
        }
    }
}

/// Why the text of a project file could not be read as a project, as far as the reader
/// can tell; `Display` says it in words the user can act on.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SyntaxReason {
    /// The file is something else altogether: it does not start with a format version.
    #[error("{}", not_a_project(.starts_with.as_deref()))]
    NotAProject {
        /// The name it starts with instead (`Project`), when it starts with one.
        starts_with: Option<String>,
    },
    /// The format version is not one this app knows and not a newer one (`V0`).
    #[error(
        "unknown format version `{found}`; this version reads V{}",
        FORMAT_VERSION
    )]
    UnknownVersion {
        /// The version tag found.
        found: String,
    },
    /// A field this version does not know.
    #[error(
        "unknown field `{found}`{}. The file may have been made by a newer version of Delegation Planner; update Delegation Planner, or remove the field. Known fields: {}",
        in_place(.place.as_deref()),
        .expected.join(", ")
    )]
    UnknownField {
        /// The field's name.
        found: String,
        /// The type it was found in (`Person`).
        place: Option<String>,
        /// The fields that type has.
        expected: Vec<String>,
    },
    /// A required field is missing.
    #[error("the field `{field}`{} is missing", in_place(.place.as_deref()))]
    MissingField {
        /// The field's name.
        field: String,
        /// The type it is missing from.
        place: Option<String>,
    },
    /// The file ends in the middle of the project.
    #[error("{}", cut_off(.detail.as_deref()))]
    CutOff {
        /// What the parser was reading when the text ran out (ron's words), if it said.
        detail: Option<String>,
    },
    /// A number does not fit, or is negative where it cannot be.
    #[error("this number is too large, or negative where it cannot be")]
    NumberTooLarge,
    /// Something other than a whole number where one belongs.
    #[error("expected a whole number here")]
    ExpectedInteger,
    /// Something other than a quoted text where one belongs.
    #[error("expected a text in double quotes here")]
    ExpectedString,
    /// Something other than a name where a field name or value belongs.
    #[error("expected a field name or a value here")]
    ExpectedIdentifier,
    /// Text after the end of the project.
    #[error("there is more text after the end of the project; remove it")]
    TrailingCharacters,
    /// A date or time that does not exist or is written another way.
    #[error("this date or time does not exist or is not written as `2024-09-23` or `14:30:00`")]
    BadDateTime,
    /// A time zone name the time-zone database does not know.
    #[error("unknown time zone ({name}); use a name such as `Europe/Paris` or `Asia/Shanghai`")]
    UnknownTimeZone {
        /// The name as the parser quoted it (`'Europe/Atlantis'`).
        name: String,
    },
    /// Nested deeper than any project.
    #[error("the file is nested too deeply to be a project file")]
    TooDeep,
    /// A `#![enable(…)]` header, which changes how the rest is read.
    #[error(
        "the file turns on RON extensions (`#![enable(…)]`), which change how the rest of it is read; Delegation Planner never writes them. Delete that line and open the file again"
    )]
    RonExtensions,
    /// Anything else, in ron's own words (a duplicate id or field, an unknown variant…).
    #[error("{0}")]
    Other(String),
}

fn not_a_project(starts_with: Option<&str>) -> String {
    match starts_with {
        Some(found) => format!(
            "this is not a Delegation Planner project (it starts with `{found}`, a project file starts with `V{FORMAT_VERSION}(`)"
        ),
        None => format!(
            "this is not a Delegation Planner project (a project file starts with `V{FORMAT_VERSION}(`)"
        ),
    }
}

fn in_place(place: Option<&str>) -> String {
    place.map(|o| format!(" in {o}")).unwrap_or_default()
}

fn cut_off(detail: Option<&str>) -> String {
    match detail {
        Some(detail) => format!(
            "the file ends too early ({detail}); it may have been cut off while copying. Look for a backup (NAME.ron.bak)"
        ),
        None => "the file ends too early; it may have been cut off while copying. Look for a backup (NAME.ron.bak)".to_owned(),
    }
}

/// Why a save did not fully succeed.
///
/// `Display` is the command line's English; the app says it in the user's language (see
/// `crate::i18n::errors`), with what to do there (Save as…).
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// A step before the new version replaced the old one failed: the file on disk is
    /// untouched (its `.bak` may already hold a copy of it).
    #[error(
        "Could not save: {step} failed ({source}). The file on disk was not changed. Check free space and the permissions of the file and its folder. {}",
        crate::model::escape_path(path)
    )]
    Io {
        /// The file being written.
        path: PathBuf,
        /// Which step failed.
        step: super::SaveStep,
        /// What the system said.
        source: std::io::Error,
    },
    /// The new version is in place, but a later step failed (making sure the renames
    /// reached the disk).
    #[error(
        "The project was saved, but {step} failed ({source}). Save again to be sure it is safely on disk. {}",
        crate::model::escape_path(path)
    )]
    Incomplete {
        /// The file written.
        path: PathBuf,
        /// Which step failed.
        step: super::SaveStep,
        /// What the system said.
        source: std::io::Error,
        /// The file as it now is on disk.
        saved: super::Fingerprint,
    },
    /// The file may not be written: read-only, immutable, or not a regular file. Nothing
    /// was written, whoever the process runs as.
    #[error(
        "Not saved: {protection}. The file was left as it is; make it writable first, or write to another file. {}",
        crate::model::escape_path(path)
    )]
    Protected {
        /// The file.
        path: PathBuf,
        /// What protects it.
        protection: super::Protection,
    },
    /// Someone else changed, moved or deleted the file since it was read: nothing was
    /// replaced, so that their changes are not lost.
    #[error(
        "Not saved: {}. Nothing was replaced, so that those changes are not lost; run the command again on the file as it is now. {}",
        describe_change(change),
        crate::model::escape_path(path)
    )]
    ChangedOnDisk {
        /// The file.
        path: PathBuf,
        /// What happened to it.
        change: super::DiskChange,
    },
    /// Another program (or another window of this one) kept the file locked while it
    /// wrote it, for longer than a save waits.
    #[error(
        "Not saved: another program is writing this file and kept it locked for {} seconds. Nothing was written; try again when it has finished. {}",
        super::LOCK_WAIT.as_secs(),
        crate::model::escape_path(path)
    )]
    Locked {
        /// The file.
        path: PathBuf,
    },
    /// The text would be larger than any project file can be opened again.
    #[error(
        "Not saved: the project would be {} MB, more than the {} MB a project file may have (it could not be opened again). Nothing was written; split the project, or remove what made it grow. {}",
        megabytes(*size),
        megabytes(*max),
        crate::model::escape_path(path)
    )]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// The size the file would have.
        size: u64,
        /// The limit ([`super::MAX_FILE_SIZE`]).
        max: u64,
    },
    /// The project could not be turned into text (should not happen).
    #[error("Could not write the project as text ({0}). Nothing was saved.")]
    Serialize(#[source] SerializeError),
}

/// A size in megabytes (MiB), with one decimal below ten.
pub fn megabytes(bytes: u64) -> String {
    let mb = bytes as f64 / f64::from(1u32 << 20);
    if mb < 10.0 {
        format!("{mb:.1}")
    } else {
        format!("{mb:.0}")
    }
}

fn describe_change(change: &super::DiskChange) -> &'static str {
    match change {
        super::DiskChange::Missing => "the file was deleted or moved since it was read",
        super::DiskChange::Modified { .. } | super::DiskChange::Unchanged => {
            "another program changed the file since it was read"
        }
    }
}

/// Why a project could not be turned into text: the fast writer's reason, or ron's.
#[derive(Debug, thiserror::Error)]
pub enum SerializeError {
    /// The fast writer refused a value.
    #[error(transparent)]
    Fast(#[from] super::writer::WriteError),
    /// ron refused a value.
    #[error(transparent)]
    Ron(#[from] ron::Error),
}

impl SaveError {
    /// The step that failed, if the failure was in one.
    pub fn step(&self) -> Option<super::SaveStep> {
        match self {
            Self::Io { step, .. } | Self::Incomplete { step, .. } => Some(*step),
            Self::Protected { .. }
            | Self::ChangedOnDisk { .. }
            | Self::Locked { .. }
            | Self::TooLarge { .. }
            | Self::Serialize(_) => None,
        }
    }

    /// The fingerprint of the new file when it did replace the old one despite the error.
    pub fn saved(&self) -> Option<&super::Fingerprint> {
        match self {
            Self::Incomplete { saved, .. } => Some(saved),
            _ => None,
        }
    }
}
