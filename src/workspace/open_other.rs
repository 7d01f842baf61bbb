//! File › Open on a file that is no project (issue 27): an attendee list or a programme
//! (a workbook, a Word document, a CSV or text file) is offered to its import, into the
//! open project; anything else (an image, a PDF, an archive) is said for what it is,
//! rather than as a project file with a bad byte at line 1.

use std::path::{Path, PathBuf};

use super::jobs::Progress;
use super::reading::{Opened, read_and_check};
use super::{Dialog, ImportState, Said, Workspace};
use crate::i18n::Strings;
use crate::import::classify::{ImportKind, NotAProject, classify};
use crate::import::gate::read_input;
use crate::import::source::Content;
use crate::model::MeetingId;
use crate::project_file::LoadError;

/// Why a file could not be opened as a project, and what it is when it is something else.
pub(super) struct OpenFailure {
    /// The project reader's error.
    pub(super) err: LoadError,
    /// What the file is instead, when the import gate can tell.
    pub(super) other: Option<NotAProject>,
}

/// The offer made when File › Open is given a list or a programme.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportOffer {
    /// The file.
    pub path: PathBuf,
    /// What it is, and the import it looks made for.
    pub what: NotAProject,
    /// The meeting a programme goes into (and a list's people are added to), if any.
    pub meeting: Option<MeetingId>,
}

/// The work of an open job: the project read and checked, or why not and what the file
/// is instead. `None` when cancelled.
pub(super) fn open_job(
    path: &Path,
    progress: &Progress,
    t: &'static Strings,
) -> Option<Result<Opened, OpenFailure>> {
    Some(read_and_check(path, progress, t)?.map_err(|err| {
        let other = what_else(&err, path);
        OpenFailure { err, other }
    }))
}

/// What the file is, when the project reader refused its bytes (not its size or its
/// reading): read again through the import's gate, with its limits.
fn what_else(err: &LoadError, path: &Path) -> Option<NotAProject> {
    let refused_bytes = matches!(
        err,
        LoadError::NotUtf8 { .. }
            | LoadError::Syntax { .. }
            | LoadError::Utf16 { .. }
            | LoadError::Utf32 { .. }
    );
    if !refused_bytes {
        return None;
    }
    let input = read_input(path, &mut |_, _| true).ok()??;
    let what = crate::import::boundary::guard("classify", || classify(input))
        .ok()
        .flatten()?;
    // Text named as a project is taken for a damaged project: its own error says where.
    // (A workbook or an image cannot be one, whatever its name.)
    let named_project = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case(crate::project_file::EXTENSION));
    match what {
        NotAProject::Importable {
            content: Content::Text,
            ..
        } if named_project => None,
        what => Some(what),
    }
}

impl Workspace {
    /// An open that failed: a list or a programme is offered to its import, anything else
    /// the app knows is said for what it is; otherwise the project reader's error.
    pub(super) fn open_failed(&mut self, path: &Path, failure: &OpenFailure) {
        match failure.other {
            Some(what @ NotAProject::Importable { .. }) => {
                self.dialog = Some(Dialog::ImportInstead(Box::new(ImportOffer {
                    path: path.to_owned(),
                    what,
                    meeting: self.latest_meeting(),
                })));
            }
            Some(NotAProject::Other(what)) => self.show_error(
                Said::fixed(|t| t.dlg_open_failed),
                Said::new(|language| {
                    crate::i18n::open_other::not_a_project_text(path, what, language)
                }),
            ),
            None => self.fail_open(path, &failure.err),
        }
    }

    /// The meeting an offered import goes into first: the latest by date.
    fn latest_meeting(&self) -> Option<MeetingId> {
        self.doc
            .project()
            .meetings
            .iter()
            .max_by_key(|(id, m)| (m.days.first().map(|d| d.date), (*id).clone()))
            .map(|(id, _)| id.clone())
    }

    /// The offered import was chosen: its dialog opens on the file, as if the file had
    /// been opened there.
    pub(super) fn import_instead(
        &mut self,
        path: &Path,
        kind: ImportKind,
        meeting: Option<MeetingId>,
    ) {
        match (kind, meeting) {
            (ImportKind::Programme, Some(meeting)) => {
                self.back_to_paste_dialog(meeting, false, String::new(), Some(path));
            }
            // The dialog offers no programme import without a meeting to put it in.
            (ImportKind::Programme, None) => {}
            (ImportKind::List, meeting) => {
                self.dialog = Some(Dialog::ImportAttendees(Box::new(ImportState {
                    add_to_meeting: meeting.is_some(),
                    meeting,
                    ..Default::default()
                })));
                self.start_file_import(path, None, None);
            }
        }
    }
}
