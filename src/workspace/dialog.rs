//! The dialogs the workspace can put over the app, as data: what each shows and the state
//! the user edits in it. The UI draws them and returns a
//! [`DialogOutcome`](super::DialogOutcome); the workspace acts on it.

use std::path::PathBuf;
use std::sync::Arc;

use super::recovery::RecoveryEntry;
use crate::export::ExportRequest;
use crate::import::attendees::{Field, ParsedPerson, SkippedRow, Table};
use crate::import::list::ListFormat;
use crate::model::MeetingId;
use crate::project_file::DiskChange;

/// A question or message shown over the app, one at a time.
#[derive(Clone, Debug, PartialEq)]
pub enum Dialog {
    /// Unsaved changes would be lost by `then`.
    ConfirmDiscard {
        /// What to do once the user has decided.
        then: AfterConfirm,
    },
    /// Something went wrong; `title` and `message` say what and what to do.
    Error {
        /// Short heading.
        title: super::Said,
        /// Full message, path last.
        message: super::Said,
    },
    /// The project opened, but validation found problems.
    Problems(Vec<super::Said>),
    /// A draft agenda being pasted into a meeting, previewed live.
    PasteAgenda {
        /// The meeting.
        meeting: MeetingId,
        /// The text pasted so far.
        text: String,
        /// Replace the agenda instead of appending.
        replace: bool,
        /// Speakers not in the project that the user chose to add as people.
        add_as_people: Vec<String>,
    },
    /// The next meeting of a series being planned.
    NextMeeting {
        /// The meeting it follows.
        from: MeetingId,
        /// Its date.
        date: chrono::NaiveDate,
        /// Whether the other side hosts.
        alternate: bool,
    },
    /// A new meeting: its date, host and visiting organisations.
    NewMeeting(Box<super::new_meeting::NewMeetingForm>),
    /// An attendee list being imported (pasted or CSV), previewed for correction.
    ImportAttendees(Box<ImportState>),
    /// No file dialog could be shown: ask for a path instead.
    PathEntry {
        /// Open, save or export.
        purpose: PathPurpose,
        /// Why the native dialog could not be shown.
        reason: super::Said,
        /// The path typed so far.
        text: String,
    },
    /// A recovery copy left by a session that ended with unsaved changes: restore it?
    Recover(Box<RecoveryEntry>),
    /// The file changed on disk (or vanished) since it was opened or saved: overwrite,
    /// save elsewhere, or reload?
    FileChanged {
        /// The file.
        path: PathBuf,
        /// What happened to it.
        change: DiskChange,
        /// What to do once it is saved (a quit that asked to save first).
        then: Option<AfterConfirm>,
    },
    /// A second question before something that throws changes away.
    ConfirmLoss(LossAction),
    /// Name cards of a meeting: which paper, what faces the guests.
    NameCards {
        /// The meeting.
        meeting: MeetingId,
        /// The choices so far.
        options: crate::export::pdf::CardOptions,
    },
    /// Invitation letters of a meeting being prepared (template, people, language), with
    /// what is missing once checked.
    Letters(Box<super::letters::LettersState>),
    /// An export being set up before it is written: its language, and whether it is the
    /// planners' own copy with the internal notes.
    Export(Box<ExportSetup>),
    /// An export made, not written yet: some of its characters no font can print.
    Unprintable(Box<PendingWrite>),
    /// The file may not be written (read-only, immutable, not a file): nothing was
    /// written; offer Save as….
    SaveProtected {
        /// Why, and the path last.
        message: super::Said,
        /// What waited for the save (a quit that asked to save first).
        then: Option<AfterConfirm>,
    },
    /// A copy merged into the project: what comes in, the conflicts to choose.
    Merge(Box<super::MergeDialog>),
    /// File › Open was given a list or a programme, not a project: import it instead?
    ImportInstead(Box<super::ImportOffer>),
}

/// An export rendered and waiting for the user's word before it is written.
#[derive(Clone, Debug, PartialEq)]
pub struct PendingWrite {
    /// Where it goes.
    pub path: PathBuf,
    /// The file's bytes.
    pub bytes: Arc<Vec<u8>>,
    /// For name cards, how many.
    pub cards: Option<usize>,
    /// The characters that would print as boxes.
    pub unprintable: Vec<char>,
    /// The texts cut for being too long to print, said once the file is written.
    pub cut: Vec<crate::export::pdf::CutText>,
}

/// An export as the user set it up in the export dialog.
#[derive(Clone, Debug, PartialEq)]
pub struct ExportSetup {
    /// The document, in the language chosen.
    pub request: ExportRequest,
    /// The planners' own copy, the internal notes printed (each marked as internal);
    /// else a copy for partners without any internal text.
    pub with_notes: bool,
}

impl ExportSetup {
    /// A copy for partners of `request`.
    pub fn for_partners(request: ExportRequest) -> Self {
        Self {
            request,
            with_notes: false,
        }
    }
}

/// Something that throws changes away, waiting for the user's word.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LossAction {
    /// Reload the file from disk, losing the unsaved changes.
    Reload(PathBuf),
    /// Delete a recovery copy, losing the changes in it.
    DeleteRecovery(Box<RecoveryEntry>),
}

/// The files the paste-agenda dialog offers (issue 22).
pub const PROGRAMME_FILES: super::file_dialog::FileKind = super::file_dialog::FileKind {
    name: "Programmes",
    extensions: &["docx", "txt", "csv", "xlsx", "xls", "ods"],
};

/// What a typed path is for.
#[derive(Clone, Debug, PartialEq)]
pub enum PathPurpose {
    /// Open this file.
    Open,
    /// Save to this file, then do what waited for the save.
    Save(Option<AfterConfirm>),
    /// Write an export (agenda, attendee list, name cards) to this file.
    Export(ExportSetup),
    /// Merge this copy into the project.
    Merge,
    /// Read this programme file into the paste-agenda dialog of the meeting (issue 22).
    Programme {
        /// The meeting the dialog pastes into.
        meeting: MeetingId,
        /// Whether the dialog was set to replace the agenda.
        replace: bool,
        /// The dialog's text, given back if no file is chosen.
        text: String,
    },
    /// Read this list into the attendee import, whose dialog comes back as it was.
    List(Box<ImportState>),
}

/// An action waiting for the answer to "unsaved changes".
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AfterConfirm {
    /// Start an empty project.
    New,
    /// Ask for a file and open it.
    Open,
    /// Open this file.
    OpenPath(PathBuf),
    /// Close the window.
    Quit,
}

/// The state of an open attendee-list import.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImportState {
    /// The meeting the list is for, if any.
    pub meeting: Option<MeetingId>,
    /// Whether to add the people to that meeting's attendance.
    pub add_to_meeting: bool,
    /// The pasted text.
    pub text: String,
    /// The text the preview was made from (a change re-parses).
    pub parsed_text: String,
    /// An opened file, and how it was read.
    pub file: Option<ImportFile>,
    /// The list's table, when it is one (a file, or a table pasted from Word or Excel),
    /// shared with the job that re-maps its columns.
    pub table: Option<Arc<Table>>,
    /// The field of each column of the table.
    pub mapping: Vec<Option<Field>>,
    /// The people to add or update, as corrected by the user.
    pub preview: Vec<ParsedPerson>,
    /// The rows of the list that give nobody, with their reasons.
    pub skipped: Vec<SkippedRow>,
    /// Why the last file could not be read (not a list, not in the encoding chosen…),
    /// shown in the dialog, which keeps what it had so that the user can choose again.
    pub error: Option<super::Said>,
    /// Bytes of the file read that are not valid in its encoding, with their lines (a
    /// UTF-8 list with a stray byte): shown above the preview.
    pub damaged: Vec<crate::import::source::BadBytes>,
}

/// A list file being imported, and how it was read.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportFile {
    /// Its file name, for the dialog.
    pub name: String,
    /// Where it is (read again with another encoding or sheet).
    pub path: PathBuf,
    /// How it was read: sheet, or encoding and delimiter.
    pub format: ListFormat,
    /// The encoding the user chose (its name); detected when `None`.
    pub encoding: Option<String>,
    /// The sheet the user chose; the first with data when `None`.
    pub sheet: Option<String>,
}

impl ImportFile {
    /// Sets the choice of encoding or sheet back to the one the file was last read with
    /// (reading it with the new one failed).
    pub fn undo_choice(&mut self) {
        match &self.format {
            ListFormat::Workbook { sheet, .. } => self.sheet = Some(sheet.clone()),
            ListFormat::Word { .. } => {}
            ListFormat::Delimited {
                encoding, detected, ..
            }
            | ListFormat::Text { encoding, detected } => {
                self.encoding = encoding
                    .filter(|_| !detected)
                    .map(|e| crate::import::source::encoding_label(e).to_owned());
            }
        }
    }
}

impl ImportState {
    /// Whether the pasted text changed since the preview was made from it.
    pub fn text_changed(&self) -> bool {
        self.file.is_none() && self.text != self.parsed_text
    }
}

/// A step of the attendee-list import, asked for by its dialog.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportStep {
    /// The pasted text changed: make the preview again.
    Reparse,
    /// Open a programme file (Word, text, workbook) into the paste-agenda dialog.
    OpenProgramme,
    /// Ask for a list file and read it.
    OpenFile,
    /// The column mapping changed: match the rows again (and remember the mapping for
    /// lists with the same headers).
    Remap,
    /// The encoding or sheet chosen changed: read the file again.
    Reread,
    /// Add the people of the preview and take the changes chosen (one undo step).
    Confirm,
    /// Close the dialog, stopping any reading.
    Cancel,
}
