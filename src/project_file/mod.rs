//! Reading and writing project files: RON in a versioned envelope, loaded defensively
//! (the files are mailed around) and saved atomically.

mod error;
mod load;
mod save;

pub use error::{LoadError, SaveError};
pub use load::{FORMAT_VERSION, MAX_FILE_SIZE, parse_project, read_project};
pub use save::{
    SaveStep, backup_path, save_project, save_project_with, to_ron_string, write_file_atomically,
};

use serde::{Deserialize, Serialize};

use crate::model::Project;

/// The envelope around a saved project: its variant names the format version.
///
/// A file from a newer app has a variant this one does not know (`V2(…)`), which is
/// reported as such instead of being half-read. Externally tagged on purpose: RON handles
/// other enum representations badly.
#[derive(Debug, Serialize, Deserialize)]
pub(crate) enum ProjectFile {
    /// Format version 1.
    V1(Project),
}

/// File-name extension of project files.
pub const EXTENSION: &str = "ron";
