//! Native file dialogs, behind a trait so tests can stand in for the user.

use std::path::PathBuf;
use std::time::{Duration, Instant};

/// What came of asking the user for a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Picked {
    /// The user chose this file.
    File(PathBuf),
    /// The user closed the dialog.
    Cancelled,
    /// No dialog could be shown; the reason is for the user. The app then asks for a path.
    Unavailable(String),
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

/// Shows the dialogs for choosing files.
pub trait FileDialogs {
    /// Asks for a file of `kind` to open.
    fn pick_open(&mut self, start_dir: Option<PathBuf>, kind: FileKind) -> Picked;
    /// Asks where to save a file of `kind`, suggesting a file name.
    fn pick_save(&mut self, start_dir: Option<PathBuf>, file_name: &str, kind: FileKind) -> Picked;
}

/// No dialogs at all: every request answers that none can be shown (headless use).
#[derive(Debug, Default)]
pub struct NoDialogs;

impl FileDialogs for NoDialogs {
    fn pick_open(&mut self, _start_dir: Option<PathBuf>, _kind: FileKind) -> Picked {
        Picked::Unavailable("No file dialog in this headless app.".to_owned())
    }

    fn pick_save(
        &mut self,
        _start_dir: Option<PathBuf>,
        _file_name: &str,
        _kind: FileKind,
    ) -> Picked {
        Picked::Unavailable("No file dialog in this headless app.".to_owned())
    }
}

/// The desktop's own dialogs through `rfd` (XDG desktop portal, or zenity).
#[derive(Debug, Default)]
pub struct NativeDialogs;

/// A "cancel" faster than this means no dialog was ever shown.
const TOO_FAST_FOR_A_HUMAN: Duration = Duration::from_millis(150);

fn why_unavailable() -> Option<String> {
    let has_bus = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some();
    let has_zenity = std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join("zenity").is_file()));
    if cfg!(target_os = "linux") && !has_bus && !has_zenity {
        Some(
            "No file dialog is available on this desktop (no XDG desktop portal and no zenity). Install xdg-desktop-portal-gtk or zenity to get one; meanwhile, type the path."
                .to_owned(),
        )
    } else {
        None
    }
}

impl NativeDialogs {
    fn run(dialog: impl FnOnce() -> Option<PathBuf>) -> Picked {
        if let Some(reason) = why_unavailable() {
            log::warn!("{reason}");
            return Picked::Unavailable(reason);
        }
        let started = Instant::now();
        match dialog() {
            Some(path) => Picked::File(path),
            None if started.elapsed() < TOO_FAST_FOR_A_HUMAN => {
                let reason = "The file dialog could not be shown (the desktop portal did not answer). Type the path instead.".to_owned();
                log::warn!("{reason}");
                Picked::Unavailable(reason)
            }
            None => Picked::Cancelled,
        }
    }
}

impl FileDialogs for NativeDialogs {
    fn pick_open(&mut self, start_dir: Option<PathBuf>, kind: FileKind) -> Picked {
        Self::run(|| {
            let mut dialog = rfd::FileDialog::new()
                .set_title("Open")
                .add_filter(kind.name, kind.extensions);
            if let Some(dir) = start_dir {
                dialog = dialog.set_directory(dir);
            }
            dialog.pick_file()
        })
    }

    fn pick_save(&mut self, start_dir: Option<PathBuf>, file_name: &str, kind: FileKind) -> Picked {
        Self::run(|| {
            let mut dialog = rfd::FileDialog::new()
                .set_title("Save")
                .add_filter(kind.name, kind.extensions)
                .set_file_name(file_name);
            if let Some(dir) = start_dir {
                dialog = dialog.set_directory(dir);
            }
            dialog.save_file()
        })
    }
}
