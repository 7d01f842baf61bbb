//! Native file dialogs, behind a trait so tests can stand in for the user.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::Said;
use crate::i18n::{Language, Strings};

/// What came of asking the user for a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Picked {
    /// The user chose this file.
    File(PathBuf),
    /// The user closed the dialog.
    Cancelled,
    /// No dialog could be shown; the reason is for the user (in each language, as it is
    /// shown until the user answers). The app then asks for a path.
    Unavailable(Said),
}

/// A kind of file a dialog offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FileKind {
    /// Shown in the dialog's filter list.
    pub name: &'static str,
    /// Extensions without the dot.
    pub extensions: &'static [&'static str],
}

/// Delegation Planner project files.
pub const PROJECT_FILES: FileKind = FileKind {
    name: "Delegation Planner project",
    extensions: &["ron"],
};

/// Delegation Planner project files, named in the interface language.
pub fn project_files(t: &'static Strings) -> FileKind {
    FileKind {
        name: t.project_file_kind,
        ..PROJECT_FILES
    }
}

/// Shows the dialogs for choosing files.
pub trait FileDialogs {
    /// Asks for a file of `kind` to open.
    fn pick_open(&mut self, start_dir: Option<PathBuf>, kind: FileKind) -> Picked;
    /// Asks where to save a file of `kind`, suggesting a file name.
    fn pick_save(&mut self, start_dir: Option<PathBuf>, file_name: &str, kind: FileKind) -> Picked;
    /// Asks for a folder (where letters go). Without a native dialog, none can be shown.
    fn pick_folder(&mut self, _start_dir: Option<PathBuf>) -> Picked {
        Picked::Unavailable(Said::fixed(|t| t.no_folder_dialog_headless))
    }

    /// Asks for a copy of the project to merge into it (*Merge a copy…*); the dialog to
    /// open a file unless told otherwise.
    fn pick_copy_to_merge(&mut self, start_dir: Option<PathBuf>, kind: FileKind) -> Picked {
        self.pick_open(start_dir, kind)
    }
    /// The language the dialogs' own texts (titles) are to be in; called before each one.
    fn set_language(&mut self, _language: Language) {}
    /// Opens `folder` in the system's file manager ("Open folder" after a save or an
    /// export); the error says why it could not.
    ///
    /// # Errors
    /// The reason, for the user, when no file manager could be started.
    fn open_folder(&mut self, folder: &Path) -> Result<(), String> {
        opener::open(folder).map_err(|e| e.to_string())
    }
}

/// No dialogs at all: every request answers that none can be shown (headless use).
#[derive(Debug, Default)]
pub struct NoDialogs;

impl FileDialogs for NoDialogs {
    fn pick_open(&mut self, _start_dir: Option<PathBuf>, _kind: FileKind) -> Picked {
        Picked::Unavailable(Said::fixed(|t| t.no_file_dialog_headless))
    }

    fn pick_save(
        &mut self,
        _start_dir: Option<PathBuf>,
        _file_name: &str,
        _kind: FileKind,
    ) -> Picked {
        Picked::Unavailable(Said::fixed(|t| t.no_file_dialog_headless))
    }

    fn open_folder(&mut self, _folder: &Path) -> Result<(), String> {
        Err("No file manager in this headless app.".to_owned())
    }
}

/// The desktop's own dialogs through `rfd` (XDG desktop portal, or zenity), titled in the
/// interface language.
#[derive(Debug, Default)]
pub struct NativeDialogs {
    language: Language,
}

/// A "cancel" faster than this means no dialog was ever shown.
const TOO_FAST_FOR_A_HUMAN: Duration = Duration::from_millis(150);

fn why_unavailable() -> Option<Said> {
    let has_bus = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some();
    let has_zenity = std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join("zenity").is_file()));
    if cfg!(target_os = "linux") && !has_bus && !has_zenity {
        Some(Said::fixed(|t| t.no_file_dialog))
    } else {
        None
    }
}

impl NativeDialogs {
    fn run(&self, dialog: impl FnOnce() -> Option<PathBuf>) -> Picked {
        if let Some(reason) = why_unavailable() {
            log::warn!("no file dialog: no XDG desktop portal and no zenity");
            return Picked::Unavailable(reason);
        }
        let started = Instant::now();
        match dialog() {
            Some(path) => Picked::File(path),
            None if started.elapsed() < TOO_FAST_FOR_A_HUMAN => {
                log::warn!(
                    "the file dialog could not be shown (the desktop portal did not answer)"
                );
                Picked::Unavailable(Said::fixed(|t| t.file_dialog_no_answer))
            }
            None => Picked::Cancelled,
        }
    }
}

impl FileDialogs for NativeDialogs {
    fn set_language(&mut self, language: Language) {
        self.language = language;
    }

    fn pick_open(&mut self, start_dir: Option<PathBuf>, kind: FileKind) -> Picked {
        let title = if kind.extensions == PROJECT_FILES.extensions {
            self.language.strings().dlg_open_project
        } else {
            self.language.strings().browse_title_open
        };
        // Open also takes a list or a programme, and offers its import (issue 27).
        let importable = (kind.extensions == PROJECT_FILES.extensions)
            .then(|| self.language.strings().first_hour.importable_files);
        self.run(|| {
            let mut dialog = rfd::FileDialog::new()
                .set_title(title)
                .add_filter(kind.name, kind.extensions);
            if let Some(name) = importable {
                dialog = dialog.add_filter(name, super::CSV_FILES.extensions);
            }
            if let Some(dir) = start_dir {
                dialog = dialog.set_directory(dir);
            }
            dialog.pick_file()
        })
    }

    fn pick_folder(&mut self, start_dir: Option<PathBuf>) -> Picked {
        let title = self.language.strings().letters.letters_title;
        self.run(|| {
            let mut dialog = rfd::FileDialog::new().set_title(title);
            if let Some(dir) = start_dir {
                dialog = dialog.set_directory(dir);
            }
            dialog.pick_folder()
        })
    }

    fn pick_copy_to_merge(&mut self, start_dir: Option<PathBuf>, kind: FileKind) -> Picked {
        let title = self.language.strings().merge.pick_title;
        self.run(|| {
            let mut dialog = rfd::FileDialog::new()
                .set_title(title)
                .add_filter(kind.name, kind.extensions);
            if let Some(dir) = start_dir {
                dialog = dialog.set_directory(dir);
            }
            dialog.pick_file()
        })
    }

    fn pick_save(&mut self, start_dir: Option<PathBuf>, file_name: &str, kind: FileKind) -> Picked {
        let title = if kind.extensions == PROJECT_FILES.extensions {
            self.language.strings().dlg_save_project
        } else {
            self.language.strings().dlg_export_file
        };
        self.run(|| {
            let mut dialog = rfd::FileDialog::new()
                .set_title(title)
                .add_filter(kind.name, kind.extensions)
                .set_file_name(file_name);
            if let Some(dir) = start_dir {
                dialog = dialog.set_directory(dir);
            }
            dialog.save_file()
        })
    }
}
