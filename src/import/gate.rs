//! The one way a file given to an import is read: attendee lists and programmes, from
//! the app and the command line alike.
//!
//! 1. [`read_input`] takes only a regular file: a folder, a pipe (FIFO), a device or a
//!    socket is refused at once, without opening it in a way that could wait (the open
//!    does not block, and the file is checked again once open). A missing file says so.
//! 2. At most [`MAX_FILE_BYTES`](super::limits::MAX_FILE_BYTES) are read, and a larger
//!    file is refused from its size before a byte of it is read.
//! 3. What the file is comes from its bytes ([`sniff`]): a workbook, a Word document,
//!    text, or something else, refused with what it is.
//!
//! The readers after the gate keep the other limits of [`super::limits`] and run
//! third-party code behind [`super::boundary`]. A reader of Word documents plugs in at
//! [`Content::WordDocument`]: it opens the bytes with [`super::archive::Archive`] (the
//! central directory checked against the limits before anything is inflated) and reads
//! `word/document.xml` from it with [`super::archive::Archive::read`].
//!
//! Nothing here touches a project: the command line reads the input before it locks the
//! project, so a refused input leaves the project, and its lock, alone.

use std::io::Read as _;
use std::path::Path;

use super::boundary::ReaderPanic;
use super::limits::{Limit, LimitExceeded, MAX_FILE_BYTES};
use super::source::{Content, sniff};
use crate::project_file::NodeKind;

/// Why a file given to an import was not read, before or while reading it.
///
/// `Display` gives the English of the command line, which puts the file's path first;
/// `crate::i18n::Localized` gives the text in the UI's language.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    /// No file has that name.
    #[error("there is no such file; check its name and folder; nothing was imported")]
    NotFound,
    /// Not a regular file.
    #[error("this is {0}, not a file; nothing was imported")]
    NotAFile(NodeKind),
    /// The system could not read it.
    #[error("could not read the file ({0}); nothing was imported")]
    Io(#[source] std::io::Error),
    /// Over one of the limits.
    #[error(transparent)]
    Limit(#[from] LimitExceeded),
    /// A third-party reader panicked on it.
    #[error(transparent)]
    Panic(#[from] ReaderPanic),
    /// The file is damaged: the reader's own words.
    #[error(
        "the file is damaged ({0}); open it in the program that made it and save it again; nothing was imported"
    )]
    Damaged(String),
    /// The file is protected by a password.
    #[error(
        "the file is protected by a password; save a copy without the password and import that; nothing was imported"
    )]
    Encrypted,
}

/// A file read through the gate: its bytes and what they are.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Input {
    /// The whole file (no more than [`MAX_FILE_BYTES`]).
    pub bytes: Vec<u8>,
    /// What it is.
    pub content: Content,
}

impl Input {
    /// Bytes handed in otherwise (a test, a fuzz target, pasted data): classified the same
    /// way, and held to the same size limit.
    ///
    /// # Errors
    /// When there are more than [`MAX_FILE_BYTES`].
    pub fn from_bytes(bytes: Vec<u8>) -> Result<Self, InputError> {
        super::limits::within(Limit::FileBytes, bytes.len() as u64)?;
        let content = sniff(&bytes);
        Ok(Self { bytes, content })
    }
}

/// Checks decoded text against [`MAX_ROWS`](super::limits::MAX_ROWS) lines and
/// [`MAX_LINE_BYTES`](super::limits::MAX_LINE_BYTES) a line, in one pass.
///
/// # Errors
/// The first limit the text is over, with the line when it is one line.
pub fn check_text(text: &str) -> Result<(), LimitExceeded> {
    let bytes = text.as_bytes();
    let (mut lines, mut start) = (0u64, 0usize);
    let ends = memchr::memchr_iter(b'\n', bytes).chain(std::iter::once(bytes.len()));
    for end in ends {
        lines += 1;
        let len = end.saturating_sub(start) as u64;
        if len > super::limits::MAX_LINE_BYTES {
            return Err(LimitExceeded::new(Limit::LineBytes, Some(len))
                .at(format!("line {}", super::limits::grouped(lines))));
        }
        start = end + 1;
    }
    super::limits::within(Limit::Rows, lines)
}

/// How much is read between two progress reports.
const CHUNK: usize = 1 << 20;

/// Reads the file at `path` through the gate. `progress` gets the bytes read and the
/// file's size, and may cancel (`Ok(None)`).
///
/// # Errors
/// When there is no such file, it is not a regular file, it is over
/// [`MAX_FILE_BYTES`], or the system cannot read it.
pub fn read_input(
    path: &Path,
    progress: &mut dyn FnMut(u64, u64) -> bool,
) -> Result<Option<Input>, InputError> {
    let file = open_regular(path)?;
    let size = file.metadata().map_err(InputError::Io)?.len();
    super::limits::within(Limit::FileBytes, size)?;
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    // `take` guards against a file that grows while it is read.
    let mut reader = file.take(MAX_FILE_BYTES + 1);
    let mut chunk = vec![0; CHUNK];
    loop {
        match reader.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => {
                bytes.extend_from_slice(chunk.get(..n).unwrap_or_default());
                if !progress(bytes.len() as u64, size) {
                    return Ok(None);
                }
            }
            Err(err) if err.kind() == std::io::ErrorKind::Interrupted => {}
            Err(err) => return Err(InputError::Io(err)),
        }
    }
    Input::from_bytes(bytes).map(Some)
}

/// Opens `path` for reading if it is a regular file. The open does not block (a path
/// that became a pipe between the check and the open would otherwise wait for a writer
/// for ever), and what was opened is checked again.
fn open_regular(path: &Path) -> Result<std::fs::File, InputError> {
    let io_error = |err: std::io::Error| {
        if err.kind() == std::io::ErrorKind::NotFound {
            InputError::NotFound
        } else {
            InputError::Io(err)
        }
    };
    let meta = std::fs::metadata(path).map_err(io_error)?;
    if !meta.is_file() {
        return Err(InputError::NotAFile(NodeKind::of(meta.file_type())));
    }
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.custom_flags(rustix::fs::OFlags::NONBLOCK.bits() as i32);
    }
    let file = options.open(path).map_err(io_error)?;
    let meta = file.metadata().map_err(io_error)?;
    if meta.is_file() {
        Ok(file)
    } else {
        Err(InputError::NotAFile(NodeKind::of(meta.file_type())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(path: &Path) -> Result<Option<Input>, InputError> {
        read_input(path, &mut |_, _| true)
    }

    #[test]
    fn only_regular_files_pass() {
        let dir = tempfile::tempdir().unwrap();
        assert!(matches!(
            read(dir.path()),
            Err(InputError::NotAFile(NodeKind::Folder))
        ));
        assert!(matches!(
            read(&dir.path().join("missing.txt")),
            Err(InputError::NotFound)
        ));
        let path = dir.path().join("list.csv");
        std::fs::write(&path, "姓名,单位\n张伟,CQC\n").unwrap();
        let input = read(&path).unwrap().unwrap();
        assert_eq!(input.content, Content::Text);
        #[cfg(target_os = "linux")]
        {
            assert!(matches!(
                read(Path::new("/dev/zero")),
                Err(InputError::NotAFile(NodeKind::Device))
            ));
        }
    }

    #[test]
    fn text_is_held_to_its_lines_and_their_length() {
        assert!(check_text("a\nb\n").is_ok());
        let long = format!("a\n{}\n", "x,".repeat(600_000));
        let err = check_text(&long).unwrap_err();
        assert_eq!(
            (err.limit, err.place.as_deref()),
            (Limit::LineBytes, Some("line 2"))
        );
        let many = "x\n".repeat(300_000);
        assert_eq!(check_text(&many).unwrap_err().limit, Limit::Rows);
    }

    #[test]
    fn a_file_over_the_limit_is_refused_from_its_size() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.csv");
        let file = std::fs::File::create(&path).unwrap();
        // Sparse: 100 MB that take no disk and are never read.
        file.set_len(100 * 1024 * 1024).unwrap();
        let err = read(&path).unwrap_err();
        let InputError::Limit(limit) = err else {
            panic!("{err}")
        };
        assert_eq!(limit.limit, Limit::FileBytes);
        assert_eq!(limit.found, Some(100 * 1024 * 1024));
    }
}
