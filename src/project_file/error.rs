use std::path::{Path, PathBuf};

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
        /// What was wrong, in words.
        message: String,
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
            Self::Io { .. } | Self::TooLarge { .. } | Self::Empty { .. } | Self::Utf16 { .. } => {
                None
            }
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
            Self::NotUtf8 { .. } => {
                "the file is not UTF-8 text here; it may be damaged or not a project file".to_owned()
            }
            Self::Syntax { message, .. } => message.clone(),
            Self::NewerVersion {
                found, supported, ..
            } => format!(
                "the file was made by a newer version of Delegation Planner (format {found}); this version reads format {supported}; update the app to open it"
            ),
        }
    }

    /// `FILE:LINE:COL: message`, or `FILE: message` when there is no position.
    fn located(&self) -> String {
        let path = self.path().display();
        match self.position() {
            Some((line, column)) => format!("{path}:{line}:{column}: {}", self.message()),
            None => format!("{path}: {}", self.message()),
        }
    }
}

/// Why a save did not fully succeed.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// A step before the new version replaced the old one failed: the file on disk and its
    /// backup are untouched.
    #[error(
        "Could not save: {step} failed ({source}). The file on disk was not changed. Check free space and permissions, or use Save as… to pick another folder. {}",
        path.display()
    )]
    Io {
        /// The file being written.
        path: PathBuf,
        /// Which step failed.
        step: super::SaveStep,
        /// What the system said.
        source: std::io::Error,
    },
    /// The new version is in place, but a later step failed (keeping the `.bak`, or making
    /// sure the rename reached the disk).
    #[error(
        "The project was saved, but {step} failed ({source}). Save again to be sure it is safely on disk. {}",
        path.display()
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
    /// The project could not be turned into text (should not happen).
    #[error("Could not write the project as text ({0}). Nothing was saved.")]
    Serialize(String),
}

impl SaveError {
    /// The step that failed, if the failure was in one.
    pub fn step(&self) -> Option<super::SaveStep> {
        match self {
            Self::Io { step, .. } | Self::Incomplete { step, .. } => Some(*step),
            Self::Serialize(_) => None,
        }
    }

    /// The fingerprint of the new file when it did replace the old one despite the error.
    pub fn saved(&self) -> Option<&super::Fingerprint> {
        match self {
            Self::Incomplete { saved, .. } => Some(saved),
            Self::Io { .. } | Self::Serialize(_) => None,
        }
    }
}
