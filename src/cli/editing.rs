//! Commands that change a project (`import …`): one writer at a time. The project is
//! locked from the moment it is read until it is saved, so that two imports run one after
//! the other instead of one losing the other's people; just before the new file replaces
//! the old one, the file on disk is compared with what was read, so that a change by a
//! program that does not lock (an editor, a sync client) is not overwritten either.

use std::path::Path;

use super::terminal::shown_path;
use crate::document::{Document, Edit};
use crate::model::Project;
use crate::project_file::{
    Fingerprint, LOCK_WAIT, LockError, ProjectLock, SaveOptions, load_project, protection,
    save_project_checked,
};

/// A project read for a change, with the lock held until it is saved (or dropped).
pub(super) struct Editing {
    doc: Document,
    /// The file as it was read: compared with the disk just before saving.
    loaded: Fingerprint,
    lock: ProjectLock,
}

impl Editing {
    /// The project as read (and changed so far).
    pub(super) fn project(&self) -> &Project {
        self.doc.project()
    }
}

/// Locks `file`, refuses it if it may not be written, and reads it; `None` after saying
/// why it cannot be changed.
pub(super) fn load_document(
    file: &Path,
    err: &mut dyn std::io::Write,
) -> std::io::Result<Option<Editing>> {
    // A file that is not there, or cannot be looked at, is reported by the read.
    if let Ok(Some(protection)) = protection(file) {
        writeln!(
            err,
            "{}: not changed: {protection}; make it writable first, or run the command on a copy",
            shown_path(file)
        )?;
        return Ok(None);
    }
    let lock = match ProjectLock::acquire(file, LOCK_WAIT) {
        Ok(lock) => lock,
        Err(LockError::Busy { waited }) => {
            writeln!(
                err,
                "{}: not changed: another program is writing this file and kept it locked for {} seconds; run the command again when it has finished",
                shown_path(file),
                waited.as_secs()
            )?;
            return Ok(None);
        }
        Err(planted @ LockError::NotALockFile { .. }) => {
            writeln!(err, "{}: not changed: {planted}", shown_path(file))?;
            return Ok(None);
        }
        Err(LockError::Io { source }) => {
            writeln!(
                err,
                "{}: not changed: could not lock the file for writing ({source}); check that its folder is writable",
                shown_path(file)
            )?;
            return Ok(None);
        }
    };
    // Under the lock, nobody else saves this file: what a killed save left can go.
    lock.remove_stale_temps();
    match load_project(file) {
        Ok((project, loaded)) => Ok(Some(Editing {
            doc: Document::from_file(project, file.to_owned()),
            loaded,
            lock,
        })),
        Err(e) => {
            writeln!(err, "{e}")?;
            Ok(None)
        }
    }
}

/// Applies `edit` and saves the project to `file` atomically, under the lock taken when it
/// was read; false after saying why the save failed.
pub(super) fn apply_and_save(
    editing: &mut Editing,
    edit: Edit,
    file: &Path,
    err: &mut dyn std::io::Write,
) -> std::io::Result<bool> {
    editing.doc.apply(edit);
    // A save is a new version: the next merge of a copy finds where the two part.
    let folded = editing.doc.project().merge.merged.clone();
    let lineage = crate::merge::next_lineage(editing.doc.project());
    editing.doc.set_saved_lineage(lineage, &folded);
    let options = SaveOptions {
        expected: Some(&editing.loaded),
        held: Some(&editing.lock),
    };
    match save_project_checked(file, editing.doc.project(), options, &mut |_| Ok(())) {
        Ok(saved) => {
            editing.doc.mark_saved(file.to_owned());
            editing.loaded = saved;
            Ok(true)
        }
        Err(e) => {
            writeln!(err, "{e}")?;
            Ok(false)
        }
    }
}
