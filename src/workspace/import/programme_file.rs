//! A programme file opened in the paste-agenda dialog (issue 22): a text file in any
//! encoding, a workbook, or a Word document, read through the import gate; its text
//! replaces the dialog's and the usual preview follows. A file that cannot be read is
//! said in a dialog, with what to do.

use crate::i18n::Localized as _;
use crate::import::programme_file::read_programme_file;
use std::path::Path;

use crate::model::MeetingId;
use crate::workspace::dialog::{Dialog, PROGRAMME_FILES, PathPurpose};
use crate::workspace::file_dialog::Picked;
use crate::workspace::{Said, Workspace};

impl Workspace {
    /// Asks for a programme file and puts its text in the open paste-agenda dialog.
    pub(in crate::workspace) fn open_programme_file(&mut self) {
        if !matches!(self.dialog, Some(Dialog::PasteAgenda { .. })) {
            return;
        }
        self.dialogs.set_language(self.language());
        let path = match self.dialogs.pick_open(self.start_dir(), PROGRAMME_FILES) {
            Picked::File(path) => path,
            Picked::Cancelled => return,
            // No portal and no zenity: the path is typed (the paste dialog comes back
            // with the file's text once it is read).
            Picked::Unavailable(reason) => {
                if let Some(Dialog::PasteAgenda {
                    meeting,
                    replace,
                    text,
                    ..
                }) = &self.dialog
                {
                    let purpose = PathPurpose::Programme {
                        meeting: meeting.clone(),
                        replace: *replace,
                        text: text.clone(),
                    };
                    self.ask_for_path(purpose, reason, "");
                }
                return;
            }
        };
        self.read_programme_into_dialog(&path);
    }

    /// A programme chosen in the app's file browser: the paste dialog opens again on the
    /// meeting as it was, then takes the file's text (or keeps its own if the file cannot
    /// be read). Without a path (the browser closed), it simply comes back.
    pub(in crate::workspace) fn back_to_paste_dialog(
        &mut self,
        meeting: MeetingId,
        replace: bool,
        text: String,
        path: Option<&Path>,
    ) {
        self.dialog = Some(Dialog::PasteAgenda {
            meeting,
            text,
            replace,
            add_as_people: Vec::new(),
        });
        if let Some(path) = path {
            self.read_programme_into_dialog(path);
        }
    }

    /// Reads the programme at `path` into the open paste dialog, or says why it cannot.
    fn read_programme_into_dialog(&mut self, path: &Path) {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        match read_programme_file(path, None) {
            Ok(read) => {
                if let Some(Dialog::PasteAgenda { text, .. }) = &mut self.dialog {
                    *text = read.text;
                }
                if !read.damaged.is_empty() {
                    let message = Said::new(|l| {
                        let lines: Vec<String> = read
                            .damaged
                            .iter()
                            .map(|b| crate::i18n::errors_inputs::bad_bytes_text(b, l))
                            .collect();
                        let hint = l.strings().inputs.damaged_hint;
                        format!("{name}\n{hint}\n{}", lines.join("\n"))
                    });
                    self.show_error(Said::fixed(|t| t.inputs.damaged_title), message);
                }
            }
            Err(err) => {
                let message = Said::new(|l| format!("{name}: {}", err.localized(l)));
                self.show_error(Said::fixed(|t| t.programmes.open_programme_failed), message);
            }
        }
    }
}
