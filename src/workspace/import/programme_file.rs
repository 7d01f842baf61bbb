//! A programme file opened in the paste-agenda dialog (issue 22): a text file in any
//! encoding, a workbook, or a Word document, read through the import gate; its text
//! replaces the dialog's and the usual preview follows. A file that cannot be read is
//! said in a dialog, with what to do.

use crate::i18n::Localized as _;
use crate::import::programme_file::read_programme_file;
use crate::workspace::Workspace;
use crate::workspace::dialog::Dialog;
use crate::workspace::file_dialog::{FileKind, Picked};

/// The files the paste-agenda dialog offers.
pub const PROGRAMME_FILES: FileKind = FileKind {
    name: "Programmes",
    extensions: &["docx", "txt", "csv", "xlsx", "xls", "ods"],
};

impl Workspace {
    /// Asks for a programme file and puts its text in the open paste-agenda dialog.
    pub(in crate::workspace) fn open_programme_file(&mut self) {
        if !matches!(self.dialog, Some(Dialog::PasteAgenda { .. })) {
            return;
        }
        self.dialogs.set_language(self.language());
        let Picked::File(path) = self.dialogs.pick_open(self.start_dir(), PROGRAMME_FILES) else {
            return;
        };
        let t = self.tr();
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        match read_programme_file(&path, None) {
            Ok(read) => {
                if let Some(Dialog::PasteAgenda { text, .. }) = &mut self.dialog {
                    *text = read.text;
                }
                if !read.damaged.is_empty() {
                    let lines: Vec<String> = read
                        .damaged
                        .iter()
                        .map(|b| crate::i18n::errors_inputs::bad_bytes_text(b, self.language()))
                        .collect();
                    self.show_error(
                        t.inputs.damaged_title,
                        &format!("{name}\n{}\n{}", t.inputs.damaged_hint, lines.join("\n")),
                    );
                }
            }
            Err(err) => {
                let message = format!("{name}: {}", err.localized(self.language()));
                self.show_error(t.programmes.open_programme_failed, &message);
            }
        }
    }
}
