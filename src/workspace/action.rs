//! What the UI hands the workspace: [`Action`]s, applied in one place
//! ([`super::Workspace::apply`]); and what the workspace hands back: [`Effect`]s on the view
//! and the window, which only the UI can carry out.

use std::path::PathBuf;

use super::Request;
use super::commands::Command;
use super::dialog::{AfterConfirm, ImportStep, PathPurpose};
use super::recovery::RecoveryEntry;
use crate::document::Edit;
use crate::model::MeetingId;

/// An edit produced by a panel or a dialog, applied after the frame.
#[derive(Clone, Debug, PartialEq)]
pub struct PendingEdit {
    /// The change.
    pub edit: Edit,
    /// Edits with the same key in one typing burst become one undo step.
    pub merge_key: Option<String>,
}

impl PendingEdit {
    /// An edit that is its own undo step.
    pub fn step(edit: Edit) -> Self {
        Self {
            edit,
            merge_key: None,
        }
    }
}

/// Everything that changes the workspace, from panels, dialogs, menus and shortcuts.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Change the document.
    Edit(Box<PendingEdit>),
    /// Run a command of [`super::commands::Scope::Workspace`].
    Command(Command),
    /// Something a panel asked for: a dialog, an export.
    Request(Request),
    /// The answer given in the dialog on top.
    Dialog(DialogOutcome),
    /// Open a file from the recent list (asking first about unsaved changes).
    OpenRecent(PathBuf),
    /// The window is being closed (its close button, Alt+F4).
    CloseRequested,
}

/// What the user decided in a dialog. The dialog itself never acts: the workspace does.
#[derive(Clone, Debug, PartialEq)]
pub enum DialogOutcome {
    /// Closed without doing anything (OK on a message, Cancel, Escape, "Not now").
    Dismiss,
    /// Unsaved changes: save them, then do `then`.
    SaveThen(AfterConfirm),
    /// Unsaved changes: throw them away and do `then`.
    Discard(AfterConfirm),
    /// Apply an edit built in the dialog (a pasted agenda), then close it.
    Apply(Box<Edit>),
    /// Add the next meeting of a series.
    CreateNextMeeting {
        /// The meeting it follows.
        from: MeetingId,
        /// Its date.
        date: chrono::NaiveDate,
        /// Whether the other side hosts.
        alternate: bool,
    },
    /// Make the meeting of the new-meeting dialog (`sides` false: without sides).
    CreateMeeting {
        /// The form as the user left it.
        form: Box<super::new_meeting::NewMeetingForm>,
        /// Whether to make the sides from its organisations.
        sides: bool,
    },
    /// A step of the attendee-list import.
    Import(ImportStep),
    /// A path was typed where no file dialog could be shown.
    PathTyped {
        /// What it is for.
        purpose: PathPurpose,
        /// The path.
        path: PathBuf,
    },
    /// Restore the unsaved changes of a recovery copy.
    Restore(Box<RecoveryEntry>),
    /// Delete a recovery copy (asked a second time first).
    AskDeleteRecovery(Box<RecoveryEntry>),
    /// Delete a recovery copy, losing its changes (the second answer).
    DeleteRecovery(Box<RecoveryEntry>),
    /// Back to the offer of a recovery copy (the second question was cancelled).
    BackToRecovery(Box<RecoveryEntry>),
    /// The file changed on disk: save over it anyway, then do `then`.
    Overwrite {
        /// The file.
        path: PathBuf,
        /// What waited for the save.
        then: Option<AfterConfirm>,
    },
    /// The file changed on disk: save to another file instead, then do `then`.
    SaveElsewhere(Option<AfterConfirm>),
    /// Reload the file from disk (asked a second time first).
    AskReload(PathBuf),
    /// Reload the file from disk, losing the unsaved changes (the second answer).
    Reload(PathBuf),
    /// Export this (set up in the export dialog, or name cards with the paper and faces
    /// chosen): asks where to save.
    Export(Box<super::ExportSetup>),
    /// Write an export although some of its characters cannot be printed.
    WriteAnyway,
    /// A step of the invitation letters dialog.
    Letters(super::letters::LettersStep),
    /// A step of the merge dialog.
    Merge(super::MergeStep),
    /// Read a copy and merge it (the file changed on disk: *Merge…*).
    StartMerge(super::MergeSource),
    /// Import the file given to File › Open, which is no project, with this import (into
    /// this meeting).
    ImportInstead {
        /// The file.
        path: PathBuf,
        /// The import chosen.
        kind: crate::import::classify::ImportKind,
        /// The meeting it goes into, if any.
        meeting: Option<MeetingId>,
    },
}

/// Something the workspace needs the UI to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// The document was replaced (opened, new, restored): the views start afresh.
    DocumentReplaced,
    /// Show this meeting (it was just created).
    ShowMeeting(MeetingId),
    /// Close the window: the user confirmed quitting.
    CloseWindow,
    /// Keep the window open: a close was requested, but a question must be answered first.
    CancelClose,
}
