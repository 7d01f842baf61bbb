//! Merging a copy into the open project: *File › Merge a copy…*, *Merge* when a save
//! finds the file changed on disk, and the conflicts a merge outside the app (the command
//! line, git) left in the project. The copy is read and merged on a job; the dialog shows
//! what comes in and every conflict with its three versions; the choices are applied as
//! one edit, one undo step.
//!
//! The common version of a mailed copy is found without asking: the nearest revision in
//! the copy's lineage that this project descends from too, taken from the project as it
//! was opened or last saved, or from the versions the app keeps ([`VersionStore`]).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::jobs::{Job, Poll};
use super::reading::{Opened, read_and_check};
use super::{AfterConfirm, Dialog, PathPurpose, Picked, Workspace, file_name, project_files};
use crate::document::Edit;
use crate::merge::{self, Change, Choices, Merged, Side, VersionStore};
use crate::model::{MAX_ANCESTORS, Project};
use crate::project_file::{Fingerprint, LoadError};

/// What merges need: the versions a merge can take its common version from, and the copy
/// being merged.
#[derive(Default)]
pub(super) struct Merging {
    /// The versions kept in the data folder (off in tests unless given one).
    store: VersionStore,
    /// The document's file as it was opened or last saved (a pointer copy).
    last: Option<Project>,
    /// The copy being read and merged.
    run: Option<MergeRun>,
}

/// Where the copy being merged comes from.
#[derive(Clone, Debug, PartialEq)]
pub enum MergeSource {
    /// A copy chosen with *Merge a copy…*.
    Copy(PathBuf),
    /// The document's own file, changed on disk by someone else; saved after the merge.
    Disk {
        /// The file.
        path: PathBuf,
        /// What waited for the save.
        then: Option<AfterConfirm>,
    },
    /// Conflicts recorded in the project by a merge made outside the app.
    Recorded,
}

/// The merge dialog: what the merge brings in, its conflicts, and the choices so far.
#[derive(Clone, Debug, PartialEq)]
pub struct MergeDialog {
    /// Where the copy comes from.
    pub source: MergeSource,
    /// The copy's name, for the title.
    pub theirs_name: String,
    /// Whether a common version was found.
    pub three_way: bool,
    /// The merge with mine chosen everywhere (its conflicts, its duplicates).
    pub merged: Arc<Merged>,
    /// Mine, as the merge took it.
    pub ours: Arc<Project>,
    /// Theirs (for names of what only they have).
    pub theirs: Arc<Project>,
    /// What the merge changes in mine, entity by entity.
    pub changes: Arc<Vec<Change>>,
    /// The user's choices, by conflict.
    pub choices: Choices,
    /// Which probable duplicates to make one person (mine kept), by index.
    pub join_duplicates: Vec<bool>,
    /// The revisions of the copy, recorded as merged in.
    theirs_line: Vec<String>,
    /// The copy's file as read, when it is the document's own (taken as read after the
    /// merge, so the save that follows does not stop again).
    disk: Option<Fingerprint>,
    /// The document revision the merge was made from.
    revision: u64,
}

impl MergeDialog {
    /// The side chosen for conflict number `index` (mine until chosen).
    pub fn chosen(&self, index: usize) -> Side {
        self.merged
            .conflicts
            .get(index)
            .and_then(|c| self.choices.get(&c.id).copied())
            .unwrap_or(Side::Ours)
    }

    /// Chooses `side` for every conflict.
    pub fn choose_everywhere(&mut self, side: Side) {
        for conflict in &self.merged.conflicts {
            self.choices.insert(conflict.id.clone(), side);
        }
    }
}

/// What the user does in the merge dialog.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MergeStep {
    /// Merge with the choices made (then save, for a file changed on disk).
    Apply,
    /// Close the dialog; recorded conflicts stay in the project for later.
    Later,
}

/// A copy being read and merged.
pub(super) struct MergeRun {
    job: Job<Option<Result<Prepared, LoadError>>>,
    source: MergeSource,
    name: String,
    revision: u64,
}

/// A merge made on a job, waiting for the dialog.
struct Prepared {
    ours: Project,
    theirs: Project,
    fingerprint: Fingerprint,
    three_way: bool,
    merged: Merged,
    changes: Vec<Change>,
}

impl Workspace {
    /// The versions kept in the data folder for merges.
    pub fn version_store(&self) -> &VersionStore {
        &self.merging.store
    }

    /// Keeps versions in `store` (the app: the data folder; tests: a temporary folder).
    pub fn set_version_store(&mut self, store: VersionStore) {
        self.merging.store = store;
    }

    /// Remembers the document's file as just opened or saved: the common version of a
    /// merge with a change someone made to that file, and a version to keep.
    pub(super) fn remember_version(&mut self, project: &Project, file: &Path) {
        self.merging.last = Some(project.clone());
        let revision = project.lineage.revision.clone();
        if revision.is_empty() || self.merging.store.dir().is_none() {
            return;
        }
        let store = self.merging.store.clone();
        let file = file.to_owned();
        // A copy of a large file takes longer than a frame.
        let spawned = std::thread::Builder::new()
            .name("keep version".to_owned())
            .spawn(move || {
                if let Err(err) = store.keep_file(&revision, &file) {
                    log::warn!("the version opened could not be kept: {err}");
                }
            });
        if let Err(err) = spawned {
            log::warn!("the version opened was not kept: {err}");
        }
    }

    /// Whether a copy is being read and merged.
    pub fn is_merging(&self) -> bool {
        self.merging.run.is_some()
    }

    /// *Merge a copy…*: asks for the copy, then reads and merges it on a job.
    pub(super) fn merge_copy(&mut self) {
        self.dialogs.set_language(self.language());
        let kind = project_files(self.tr());
        match self.dialogs.pick_copy_to_merge(self.start_dir(), kind) {
            Picked::File(path) => self.start_merge(MergeSource::Copy(path)),
            Picked::Cancelled => {}
            Picked::Unavailable(reason) => {
                self.dialog = Some(Dialog::PathEntry {
                    purpose: PathPurpose::Merge,
                    reason,
                    text: String::new(),
                });
            }
        }
    }

    /// *Resolve merge conflicts…*: the conflicts recorded in the project, to choose.
    pub(super) fn resolve_recorded(&mut self) {
        let project = self.doc.project().clone();
        let Some(pending) = project.merge.pending.clone() else {
            return;
        };
        let merged = merge::remerge(&project, &pending, &Choices::new());
        if merged.conflicts.is_empty() {
            return;
        }
        let project = Arc::new(project);
        self.dialog = Some(Dialog::Merge(Box::new(MergeDialog {
            source: MergeSource::Recorded,
            theirs_name: pending.theirs.clone(),
            three_way: pending.three_way,
            join_duplicates: Vec::new(),
            merged: Arc::new(merged),
            ours: Arc::clone(&project),
            theirs: project,
            changes: Arc::new(Vec::new()),
            choices: Choices::new(),
            theirs_line: Vec::new(),
            disk: None,
            revision: self.doc.revision(),
        })));
    }

    /// Reads the copy of `source` and merges it into a snapshot of the document, on a job.
    pub(super) fn start_merge(&mut self, source: MergeSource) {
        let t = self.tr();
        // The question that led here (a file changed on disk) is answered.
        self.dialog = None;
        let path = match &source {
            MergeSource::Copy(path) | MergeSource::Disk { path, .. } => path.clone(),
            MergeSource::Recorded => return self.resolve_recorded(),
        };
        if self.merging.run.is_some() {
            self.toast(super::Said::fixed(|t| t.busy));
            return;
        }
        let ours = self.doc.project().clone();
        // For a change on disk the common version is the file as this app read it; for a
        // copy, the nearest version both descend from.
        let disk_base = matches!(source, MergeSource::Disk { .. })
            .then(|| self.merging.last.clone())
            .flatten();
        let known = self.merging.last.clone();
        let store = self.merging.store.clone();
        let from_disk = matches!(source, MergeSource::Disk { .. });
        let label = format!("{} {}…", t.merge.reading, file_name(&path));
        let job = Job::spawn(label, move |progress| {
            let opened = read_and_check(&path, progress, t)?;
            Some(opened.map(
                |Opened {
                     project,
                     fingerprint,
                     ..
                 }| {
                    let theirs = project;
                    if !theirs.lineage.revision.is_empty()
                        && let Err(err) = store.keep_file(&theirs.lineage.revision, &path)
                    {
                        log::warn!("the copy's version could not be kept: {err}");
                    }
                    let base = if from_disk {
                        disk_base
                    } else {
                        let known: Vec<&Project> = known.iter().collect();
                        merge::find_base(&ours, &theirs, &known, &store)
                    };
                    let merged = merge::merge(base.as_ref(), &ours, &theirs, &Choices::new());
                    let changes = merge::incoming(&ours, &merged.project);
                    Prepared {
                        three_way: base.is_some(),
                        ours,
                        theirs,
                        fingerprint,
                        merged,
                        changes,
                    }
                },
            ))
        });
        self.merging.run = Some(MergeRun {
            job,
            name: file_name(match &source {
                MergeSource::Copy(p) | MergeSource::Disk { path: p, .. } => p,
                MergeSource::Recorded => Path::new(""),
            }),
            source,
            revision: self.doc.revision(),
        });
    }

    /// Takes in a finished merge job: the dialog shows what it found.
    pub(super) fn poll_merge(&mut self) {
        let Some(run) = &mut self.merging.run else {
            return;
        };
        let outcome = match run.job.poll() {
            Poll::Running => return,
            Poll::Done(outcome) => Ok(outcome),
            Poll::Panicked(message) => Err(message),
        };
        let Some(MergeRun {
            source,
            name,
            revision,
            ..
        }) = self.merging.run.take()
        else {
            return;
        };
        match outcome {
            Err(message) => self.show_job_failure(&message),
            Ok(None) => {}
            Ok(Some(Err(err))) => {
                self.show_error(
                    super::Said::fixed(|t| t.merge.failed_title),
                    super::Said::new(|l| crate::i18n::errors::load_error_text(&err, l)),
                );
            }
            Ok(Some(Ok(prepared))) => {
                let Prepared {
                    ours,
                    theirs,
                    fingerprint,
                    three_way,
                    merged,
                    changes,
                } = prepared;
                let theirs_line = theirs.lineage.line().map(str::to_owned).collect();
                self.dialog = Some(Dialog::Merge(Box::new(MergeDialog {
                    disk: matches!(source, MergeSource::Disk { .. }).then_some(fingerprint),
                    source,
                    theirs_name: name,
                    three_way,
                    join_duplicates: vec![false; merged.duplicates.len()],
                    merged: Arc::new(merged),
                    ours: Arc::new(ours),
                    theirs: Arc::new(theirs),
                    changes: Arc::new(changes),
                    choices: Choices::new(),
                    theirs_line,
                    revision,
                })));
            }
        }
    }

    /// What the user decided in the merge dialog.
    pub(super) fn merge_step(&mut self, step: MergeStep) {
        let Some(Dialog::Merge(dialog)) = self.dialog.take() else {
            return;
        };
        match step {
            MergeStep::Later => {}
            MergeStep::Apply => self.apply_merge(*dialog),
        }
    }

    /// Applies the merge with the choices made, as one undo step; for a file changed on
    /// disk, then saves over it.
    fn apply_merge(&mut self, dialog: MergeDialog) {
        if self.doc.revision() != dialog.revision {
            // The dialog is modal; only a job installing an edit could get here.
            self.toast(super::Said::fixed(|t| t.busy));
            return;
        }
        let resolved = merge::remerge(
            &dialog.merged.project,
            &dialog.merged.pending,
            &dialog.choices,
        );
        let mut result = resolved.project;
        for (duplicate, join) in dialog.merged.duplicates.iter().zip(&dialog.join_duplicates) {
            if *join {
                let _ = Edit::merge_people(&result, &duplicate.ours, &duplicate.theirs)
                    .apply(&mut result);
            }
        }
        let mut state = self.doc.project().merge.clone();
        if dialog.source == MergeSource::Recorded {
            state.pending = None;
        } else {
            let mut merged_in = dialog.theirs_line.clone();
            for revision in &state.merged {
                if !merged_in.contains(revision) {
                    merged_in.push(revision.clone());
                }
            }
            merged_in.truncate(MAX_ANCESTORS);
            state.merged = merged_in;
        }
        result.merge = state;
        result.lineage = self.doc.project().lineage.clone();
        let edit = merge::edit_between(self.doc.project(), &result);
        let changes = dialog.changes.len();
        let decided = dialog.merged.conflicts.len();
        let changed = self.apply_edit(edit, None);
        if changed || decided > 0 {
            let name = &dialog.theirs_name;
            self.toast(super::Said::with(|t| {
                format!(
                    "{} {name}: {changes} {}, {decided} {}",
                    t.merge.merged_toast, t.merge.merged_changes, t.merge.merged_conflicts
                )
            }));
        }
        if let MergeSource::Disk { path, then } = dialog.source {
            // Their version is now in mine: the save may replace it.
            if dialog.disk.is_some() {
                self.disk = dialog.disk;
            }
            self.start_save(&path, true, then);
        }
    }
}
