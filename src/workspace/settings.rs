//! What the app remembers between runs (never the project data, which lives in its file).

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::i18n::Language;

/// Key of the settings in eframe's storage.
pub const STORAGE_KEY: &str = "delegation-planner-settings";

/// How many recent files the File menu lists.
pub const MAX_RECENT: usize = 10;

/// Remembered preferences.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Language of the user interface.
    pub language: Language,
    /// Dark theme instead of light.
    pub dark: bool,
    /// Recently opened or saved project files, newest first.
    pub recent_files: Vec<PathBuf>,
    /// The file open when the app last closed; reopened at the next start.
    pub last_file: Option<PathBuf>,
    /// Folders files were recently opened from, saved or exported to, newest first: the
    /// app's own file browser offers them.
    pub recent_folders: Vec<PathBuf>,
    /// Column mappings the user chose in the attendee import, by the list's header set
    /// (`crate::import::headers::header_set_key`): each column's field key, empty for
    /// ignored. A list with the same headers is read with the same mapping.
    pub import_mappings: std::collections::BTreeMap<String, Vec<String>>,
    /// The Word template of the letters last chosen, by project file.
    pub letter_templates: std::collections::BTreeMap<PathBuf, PathBuf>,
    /// Project files the user was told are in a shared folder while holding personal
    /// data: told once per file.
    pub shared_warned: std::collections::BTreeSet<PathBuf>,
}

impl Settings {
    /// Puts `path` first in the recent files.
    pub fn remember(&mut self, path: &Path) {
        self.recent_files.retain(|p| p != path);
        self.recent_files.insert(0, path.to_owned());
        self.recent_files.truncate(MAX_RECENT);
        self.last_file = Some(path.to_owned());
        self.remember_folder(path);
    }

    /// Puts the folder of `file` first in the recent folders.
    pub fn remember_folder(&mut self, file: &Path) {
        if let Some(folder) = file.parent().filter(|f| !f.as_os_str().is_empty()) {
            self.recent_folders.retain(|f| f != folder);
            self.recent_folders.insert(0, folder.to_owned());
            self.recent_folders.truncate(MAX_RECENT);
        }
    }

    /// Forgets a file that no longer exists.
    pub fn forget(&mut self, path: &Path) {
        self.recent_files.retain(|p| p != path);
        if self.last_file.as_deref() == Some(path) {
            self.last_file = None;
        }
    }
}
