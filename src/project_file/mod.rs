//! Reading and writing project files: RON in a versioned envelope, loaded defensively
//! (the files are mailed around) and saved atomically.

mod batch;
mod error;
mod fingerprint;
mod load;
mod lock;
mod output;
mod reader;
mod save;
mod v1;
mod writer;

pub use batch::write_files_atomically;
pub use error::{LoadError, SaveError, SyntaxReason, megabytes};
pub(crate) use fingerprint::hex_sha256;
pub use fingerprint::{DiskChange, Fingerprint, check_on_disk};
pub use load::{
    FORMAT_VERSION, MAX_FILE_SIZE, load_project, parse_project, parse_project_fast,
    parse_project_reference, read_project,
};
pub(crate) use load::{migrate, open_regular, parse_ron, read_bytes};
pub use lock::{
    LOCK_WAIT, LockError, LockFileKind, NodeKind, ProjectLock, Protection, protection,
    tidy_after_crash,
};
pub use output::{OutputRefusal, check_merge_output, check_output};
pub use save::{
    SaveOptions, SaveStep, backup_path, save_project, save_project_checked, save_project_with,
    to_ron_string, to_ron_string_reference, write_copy_atomically, write_file_atomically,
};
pub use writer::WriteError;
pub(crate) use writer::to_string as to_pretty_ron;

use serde::{Deserialize, Serialize};

use crate::model::Project;

/// The envelope around a saved project: its variant names the format version.
///
/// A file from a newer app has a variant this one does not know (`V5(…)`), which is
/// reported as such instead of being half-read. Externally tagged on purpose: RON handles
/// other enum representations badly.
#[derive(Debug, Deserialize)]
pub(crate) enum ProjectFile {
    /// Format version 1: a meeting had one date and one agenda.
    V1(v1::Project),
    /// Format version 2: a meeting has days, each with its agenda.
    V2(Project),
    /// Format version 3: agenda items carry their outcome (summary, decisions), a
    /// commitment names the item it was agreed under, minutes have a stage and a version
    /// date. Every addition has a default, so V2 reads into the same types.
    V3(Project),
    /// Format version 4: this round's additions (each with a default, so V2 and V3 read
    /// into the same types). `tests/formats/v4.ron` holds every one of them.
    V4(Project),
}

/// The current format around a borrowed project, for writing without a copy (and the
/// recovery copy's serialisation, which writes the same).
#[derive(Debug, Serialize)]
pub(crate) enum ProjectFileRef<'a> {
    /// Format version 4.
    V4(&'a Project),
}

impl<'a> ProjectFileRef<'a> {
    /// The current format version around `project`.
    pub(crate) fn current(project: &'a Project) -> Self {
        Self::V4(project)
    }
}

/// File-name extension of project files.
pub const EXTENSION: &str = "ron";
