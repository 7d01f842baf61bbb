//! The document's life: new, open (on a job), save and save as (on a job), the question
//! before unsaved changes are thrown away, the recent files, restoring a recovery copy.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use super::jobs::{Job, JobView, Poll};
use super::open_other::{OpenFailure, open_job};
use super::reading::Opened;
use super::recovery::RecoveryEntry;
use super::{
    AfterConfirm, Dialog, Effect, PathPurpose, Picked, Said, SaveFaults, Workspace, project_files,
};
use crate::document::Document;
use crate::i18n::{self, Localized as _};
use crate::model::{Project, validate};
use crate::project_file::{self, DiskChange, Fingerprint, LoadError, SaveError, SaveOptions};
use crate::samples;

/// A project being opened.
pub(super) struct OpenRun {
    /// `None` when the user cancelled while the file was read.
    job: Job<Option<Result<Opened, OpenFailure>>>,
    path: PathBuf,
    /// Opened at start: if it fails, the sample is shown rather than an empty window.
    at_start: bool,
}

/// A project being saved.
pub(super) struct SaveRun {
    job: Job<SaveOutcome>,
    path: PathBuf,
    /// The undo-history state the snapshot was taken at.
    state: u64,
    /// What waited for the save (a quit, a new project).
    then: Option<AfterConfirm>,
    /// The project as written, with the lineage the save gave it.
    saved: Project,
    /// The revisions merged in that the new lineage records.
    folded: Vec<String>,
}

/// How a save job ended.
enum SaveOutcome {
    /// Written; the file as it is now on disk.
    Saved(Fingerprint),
    /// Nothing written: someone else changed, moved or deleted the file meanwhile.
    ChangedOnDisk(DiskChange),
    /// Failed at a step (or half-succeeded); the error says which.
    Failed(SaveError),
}

impl Workspace {
    /// Whether a project is being opened: edits, saves and other opens wait meanwhile.
    pub fn is_opening(&self) -> bool {
        self.jobs.open.is_some()
    }

    /// The project being opened, for the "Opening…" view.
    pub fn opening_job(&self) -> Option<JobView<'_>> {
        self.jobs.open.as_ref().map(|run| run.job.view())
    }

    /// The project being saved, for the status bar.
    pub fn save_job(&self) -> Option<JobView<'_>> {
        self.jobs.save.as_ref().map(|run| run.job.view())
    }

    /// Shows a copy of the embedded sample, unsaved.
    pub(super) fn open_sample(&mut self) {
        match samples::ccaa_afnor() {
            Ok(project) => {
                let name = format!("{} ({})", samples::CCAA_AFNOR_NAME, self.tr().sample_suffix);
                self.replace_document(Document::unsaved(project, false), Some(name), None);
            }
            Err(err) => {
                // Only a broken build can get here; say so rather than start blank silently.
                self.show_load_error(&err);
                self.replace_document(Document::unsaved(Project::default(), false), None, None);
            }
        }
    }

    /// Asks first when unsaved changes would be lost by `then`.
    pub(super) fn guard_unsaved(&mut self, then: AfterConfirm) {
        if self.doc.is_dirty() {
            self.dialog = Some(Dialog::ConfirmDiscard { then });
        } else {
            self.proceed(then);
        }
    }

    /// Carries out an action once unsaved changes are saved or may be discarded.
    pub(super) fn proceed(&mut self, then: AfterConfirm) {
        match then {
            AfterConfirm::New => {
                self.replace_document(Document::unsaved(Project::default(), false), None, None);
                self.settings.last_file = None;
            }
            AfterConfirm::Open => match self.pick_project_to_open() {
                Picked::File(path) => self.start_open(&path, false),
                Picked::Cancelled => {}
                Picked::Unavailable(reason) => {
                    self.dialog = Some(Dialog::PathEntry {
                        purpose: PathPurpose::Open,
                        reason,
                        text: String::new(),
                    });
                }
            },
            AfterConfirm::OpenPath(path) => self.start_open(&path, false),
            AfterConfirm::Quit => {
                // Saved or discarded on purpose: nothing to recover at the next start, also
                // not the copy being written now.
                self.wait_for_recovery_write();
                self.recovery.discard();
                self.close_confirmed = true;
                self.effects.push(Effect::CloseWindow);
            }
        }
    }

    /// Asks for a project file to open, in the interface language.
    fn pick_project_to_open(&mut self) -> Picked {
        self.dialogs.set_language(self.language());
        let kind = project_files(self.tr());
        self.dialogs.pick_open(self.start_dir(), kind)
    }

    /// Opens a recent file (asking first if there are unsaved changes).
    pub(super) fn open_recent(&mut self, path: PathBuf) {
        if path.exists() {
            self.guard_unsaved(AfterConfirm::OpenPath(path));
        } else {
            self.settings.forget(&path);
            self.dialog = Some(Dialog::Error {
                title: Said::fixed(|t| t.dlg_open_failed),
                message: Said::with(|t| format!("{}\n\n{}", t.missing_recent, path.display())),
            });
        }
    }

    /// A path typed where no file dialog could be shown. A relative one (a file name alone)
    /// is taken in the folder the browser showed, never in the process's working folder.
    pub(super) fn path_typed(&mut self, purpose: PathPurpose, path: PathBuf) {
        let mut path = self.absolute(path);
        match purpose {
            PathPurpose::Open => self.proceed(AfterConfirm::OpenPath(path)),
            PathPurpose::Save(then) => {
                if path.extension().is_none() {
                    path.set_extension(project_file::EXTENSION);
                }
                self.start_save(&path, true, then);
            }
            PathPurpose::Export(setup) => self.start_export(&setup, &path),
            PathPurpose::Merge => self.start_merge(super::MergeSource::Copy(path)),
            PathPurpose::Programme {
                meeting,
                replace,
                text,
            } => self.back_to_paste_dialog(meeting, replace, text, Some(&path)),
            PathPurpose::List(state) => {
                self.dialog = Some(Dialog::ImportAttendees(state));
                self.start_file_import(&path, None, None);
            }
        }
    }

    /// Opens a project file at once, on the calling thread, replacing the current
    /// document. Returns false (and shows why) when the file could not be opened; the
    /// current document is then kept. The app itself opens on a job ([`Self::start_open`]),
    /// which keeps the window drawing while a big file is read.
    pub fn open_path(&mut self, path: &Path) -> bool {
        match project_file::load_project(path) {
            Ok((project, fingerprint)) => {
                let problems = validate(&project);
                self.finish_open(
                    path,
                    Opened {
                        project,
                        fingerprint,
                        problems,
                    },
                );
                true
            }
            Err(err) => {
                self.fail_open(path, &err);
                false
            }
        }
    }

    /// Opens `path` on a background job: the window keeps drawing and shows how far the
    /// reading got; the project replaces the current one when it is ready. `at_start`:
    /// the launch's file, replaced by the sample if it cannot be opened.
    pub(super) fn start_open(&mut self, path: &Path, at_start: bool) {
        let t = self.tr();
        let label = format!("{} {}…", t.opening, file_name(path));
        let owned = path.to_owned();
        let job = Job::spawn(label, move |progress| open_job(&owned, progress, t));
        // A newer open replaces one still running; the old thread's result is dropped.
        self.cancel_open();
        self.jobs.open = Some(OpenRun {
            job,
            path: path.to_owned(),
            at_start,
        });
    }

    /// Forgets the project being opened (its thread finishes on its own).
    pub(super) fn cancel_open(&mut self) {
        if let Some(run) = self.jobs.open.take() {
            run.job.progress().cancel();
        }
    }

    pub(super) fn poll_open(&mut self) {
        let Some(run) = &mut self.jobs.open else {
            return;
        };
        let at_start = run.at_start;
        if run.job.progress().is_cancelled() {
            // Nothing changed yet: let the thread finish on its own, drop what it reads.
            self.jobs.open = None;
            if at_start {
                self.open_sample();
            }
            return;
        }
        let outcome = match run.job.poll() {
            Poll::Running => return,
            Poll::Done(outcome) => outcome,
            Poll::Panicked(message) => {
                self.jobs.open = None;
                self.show_job_failure(&message);
                if at_start {
                    self.open_sample();
                }
                return;
            }
        };
        let Some(OpenRun { path, .. }) = self.jobs.open.take() else {
            return;
        };
        match outcome {
            None if at_start => self.open_sample(),
            None => {}
            Some(Ok(opened)) => self.finish_open(&path, opened),
            Some(Err(failure)) => {
                if at_start {
                    self.open_sample();
                }
                self.open_failed(&path, &failure);
            }
        }
    }

    /// The project read by an open job (or [`Self::open_path`]) becomes the document.
    fn finish_open(&mut self, path: &Path, opened: Opened) {
        let Opened {
            project,
            fingerprint,
            problems,
        } = opened;
        self.remember_version(&project, path);
        let doc = Document::from_file(project, path.to_owned());
        self.replace_document(doc, None, Some(fingerprint));
        self.settings.remember(path);
        let name = file_name(path);
        self.toast(Said::with(|t| format!("{} {name}", t.opened)));
        if self.doc.project().merge.pending.is_some() {
            // A merge outside the app (the command line, git) left conflicts to choose.
            self.resolve_recorded();
        } else if !problems.is_empty() {
            let project = self.doc.project();
            let said = problems
                .iter()
                .map(|p| Said::new(|language| i18n::describe_problem(project, p, language)))
                .collect();
            self.dialog = Some(Dialog::Problems(said));
        }
        self.problems.set(self.doc.revision(), problems);
    }

    /// Says why `path` could not be opened; a vanished file leaves the recent list.
    pub(super) fn fail_open(&mut self, path: &Path, err: &LoadError) {
        if matches!(err, LoadError::Io { source, .. } if source.kind() == std::io::ErrorKind::NotFound)
        {
            self.settings.forget(path);
        }
        self.show_load_error(err);
    }

    fn show_load_error(&mut self, err: &LoadError) {
        self.dialog = Some(Dialog::Error {
            title: Said::fixed(|t| t.dlg_open_failed),
            message: Said::new(|language| i18n::errors::load_error_text(err, language)),
        });
    }

    pub(super) fn show_job_failure(&mut self, message: &str) {
        self.show_error(
            Said::fixed(|t| t.job_failed),
            Said::with(|t| format!("{}\n\n{message}", t.job_failed_body)),
        );
    }

    /// Replaces the document with the unsaved changes of a recovery copy. The other copies
    /// found at start stay on disk and are offered at the next start.
    pub fn restore(&mut self, entry: RecoveryEntry) {
        self.pending_recovery.clear();
        // A project still being opened must not replace the restored one when it arrives,
        // and a copy still being written must not take the place of the restored copy.
        self.cancel_open();
        self.wait_for_recovery_write();
        let RecoveryEntry {
            file,
            original,
            name,
            base,
            project,
            ..
        } = entry;
        let unsaved_name = original.is_none().then(|| name.clone());
        self.replace_document(Document::restored(project, original), unsaved_name, base);
        self.recovery.adopt(&file, self.doc.revision());
        self.toast(Said::with(|t| format!("{} {name}", t.recovery_restored)));
    }

    /// Saves to the document's file, or asks where the first time; then does `then`.
    pub(super) fn save(&mut self, then: Option<AfterConfirm>) {
        match self.doc.path().map(Path::to_owned) {
            Some(path) => self.start_save(&path, true, then),
            None => self.save_as(then),
        }
    }

    /// Asks where to save, then saves; then does `then`.
    pub(super) fn save_as(&mut self, then: Option<AfterConfirm>) {
        let name = self.suggested_file_name();
        self.dialogs.set_language(self.language());
        let kind = project_files(self.tr());
        match self.dialogs.pick_save(self.start_dir(), &name, kind) {
            Picked::File(mut path) => {
                if path.extension().is_none() {
                    path.set_extension(project_file::EXTENSION);
                }
                // Save as… to another file: the file dialog already asked about replacing.
                let check = self.doc.path() == Some(path.as_path());
                self.start_save(&path, check, then);
            }
            Picked::Cancelled => {}
            Picked::Unavailable(reason) => {
                self.ask_for_path(PathPurpose::Save(then), reason, &name);
            }
        }
    }

    /// Saves a snapshot of the project to `path` on a job. With `check`, the job makes sure,
    /// just before the new file replaces the old one, that nobody changed, moved or deleted
    /// the document's file since it was opened or saved; if so, nothing is replaced and
    /// [`Dialog::FileChanged`] asks what to do.
    pub(super) fn start_save(&mut self, path: &Path, check: bool, then: Option<AfterConfirm>) {
        if self.jobs.save.is_some() {
            self.toast(Said::fixed(|t| t.busy));
            return;
        }
        let expected = if check && self.doc.path() == Some(path) {
            self.disk.clone()
        } else {
            None
        };
        // A pointer copy: the entity maps are persistent. A save is a new version: a fresh
        // revision, descending from the one before and the copies merged in since.
        let mut project = self.doc.project().clone();
        project.lineage = crate::merge::next_lineage(&project);
        let folded = std::mem::take(&mut project.merge.merged);
        let faults = Arc::clone(&self.save_faults);
        let target = path.to_owned();
        let label = format!("{} {}", self.tr().saving, file_name(path));
        let saved = project.clone();
        let job = Job::spawn(label, move |_| {
            save_job(&target, &project, expected.as_ref(), &faults)
        });
        self.jobs.save = Some(SaveRun {
            job,
            path: path.to_owned(),
            state: self.doc.history_state(),
            then,
            saved,
            folded,
        });
    }

    pub(super) fn poll_save(&mut self) {
        let Some(run) = &mut self.jobs.save else {
            return;
        };
        let outcome = match run.job.poll() {
            Poll::Running => return,
            Poll::Done(outcome) => Ok(outcome),
            Poll::Panicked(message) => Err(message),
        };
        let Some(SaveRun {
            path,
            state,
            then,
            saved,
            folded,
            ..
        }) = self.jobs.save.take()
        else {
            return;
        };
        let written = match &outcome {
            Ok(SaveOutcome::Saved(_)) => true,
            Ok(SaveOutcome::Failed(err)) => err.saved().is_some(),
            _ => false,
        };
        if written {
            // The file has the new version: the next save descends from it.
            self.doc.set_saved_lineage(saved.lineage.clone(), &folded);
            self.remember_version(&saved, &path);
        }
        match outcome {
            Err(message) => self.show_job_failure(&message),
            Ok(SaveOutcome::ChangedOnDisk(change)) => {
                self.dialog = Some(Dialog::FileChanged { path, change, then });
            }
            Ok(SaveOutcome::Saved(fingerprint)) => {
                self.doc.mark_saved_state(path.clone(), state);
                self.disk = Some(fingerprint);
                self.unsaved_name = None;
                self.settings.remember(&path);
                if !self.doc.is_dirty() {
                    self.recovery.discard();
                }
                let said = Said::with(|t| format!("{} {}", t.saved, path.display()));
                self.toast_file(said, &path);
                match then {
                    Some(then) => self.proceed(then),
                    None => self.warn_if_shared(&path),
                }
            }
            Ok(SaveOutcome::Failed(err)) => {
                if let Some(saved) = err.saved()
                    && self.doc.path() == Some(path.as_path())
                {
                    // The new version did replace the file: the next save compares with it.
                    self.disk = Some(saved.clone());
                }
                self.dialog = Some(match err {
                    // Read-only or immutable: left alone; the user may save a copy.
                    SaveError::Protected { .. } => Dialog::SaveProtected {
                        message: Said::new(|language| err.localized(language)),
                        then,
                    },
                    err => self.save_error_dialog(&err),
                });
            }
        }
    }

    /// A failed save in the user's language: which step, what the system said, what is
    /// on disk now and what to do; the path last.
    fn save_error_dialog(&self, err: &SaveError) -> Dialog {
        Dialog::Error {
            title: Said::new(|language| i18n::errors::save_error_title(err, language).to_owned()),
            message: Said::new(|language| err.localized(language)),
        }
    }

    /// The folder file dialogs start in: the document's, or the last file's, or the last
    /// folder used.
    pub(super) fn start_dir(&self) -> Option<PathBuf> {
        self.doc
            .path()
            .or_else(|| self.settings.recent_files.first().map(PathBuf::as_path))
            .and_then(Path::parent)
            .filter(|p| !p.as_os_str().is_empty())
            .map(Path::to_owned)
            .or_else(|| self.settings.recent_folders.first().cloned())
    }

    /// The folder a typed file name alone belongs in: where dialogs start, else the home
    /// folder; never the process's working folder, which the user cannot see.
    pub fn default_folder(&self) -> PathBuf {
        self.start_dir()
            .filter(|d| d.is_absolute())
            .or_else(|| directories::UserDirs::new().map(|u| u.home_dir().to_owned()))
            .unwrap_or_else(|| PathBuf::from("/"))
    }

    /// `path` made absolute against [`Self::default_folder`].
    pub(super) fn absolute_path(&self, path: &Path) -> PathBuf {
        self.absolute(path.to_owned())
    }

    /// `path` made absolute against [`Self::default_folder`].
    fn absolute(&self, path: PathBuf) -> PathBuf {
        if path.is_absolute() {
            path
        } else {
            self.default_folder().join(path)
        }
    }

    fn suggested_file_name(&self) -> String {
        if let Some(name) = self.doc.path().and_then(Path::file_name) {
            return name.to_string_lossy().into_owned();
        }
        if self.unsaved_name.is_some() {
            return samples::CCAA_AFNOR_NAME.to_owned();
        }
        let slug = crate::model::slugify(&self.doc.project().info.title.en);
        if slug.is_empty() {
            "project.ron".to_owned()
        } else {
            format!("{slug}.ron")
        }
    }

    /// Closes the dialog on top. The file browser closed without a file, when opened from
    /// another dialog (an import, the paste dialog), gives that dialog back as it was.
    pub(super) fn dismiss_dialog(&mut self) {
        let Some(Dialog::PathEntry { purpose, .. }) = self.dialog.take() else {
            return;
        };
        match purpose {
            PathPurpose::List(state) => self.dialog = Some(Dialog::ImportAttendees(state)),
            PathPurpose::Programme {
                meeting,
                replace,
                text,
            } => self.back_to_paste_dialog(meeting, replace, text, None),
            PathPurpose::Open
            | PathPurpose::Save(_)
            | PathPurpose::Export(_)
            | PathPurpose::Merge => {}
        }
    }

    /// When no file dialog can be shown: says why and asks for a typed path, starting
    /// from the usual folder and the suggested file name.
    pub(super) fn ask_for_path(&mut self, purpose: PathPurpose, reason: Said, file_name: &str) {
        let text = self.default_folder().join(file_name).display().to_string();
        self.dialog = Some(Dialog::PathEntry {
            purpose,
            reason,
            text,
        });
    }
}

/// The work of a save job: write the project atomically under the file's lock, with the
/// test faults if any. With `expected`, the file on disk is compared with it just before
/// it is replaced: if someone else changed, moved or deleted it, nothing is replaced.
fn save_job(
    path: &Path,
    project: &Project,
    expected: Option<&Fingerprint>,
    faults: &Mutex<Option<SaveFaults>>,
) -> SaveOutcome {
    let start = Instant::now();
    let options = SaveOptions {
        expected,
        held: None,
    };
    let result = match faults.lock() {
        Ok(mut guard) => match guard.as_mut() {
            Some(faults) => {
                project_file::save_project_checked(path, project, options, faults.as_mut())
            }
            None => project_file::save_project_checked(path, project, options, &mut |_| Ok(())),
        },
        // A test's fault closure panicked: save without faults.
        Err(_) => project_file::save_project_checked(path, project, options, &mut |_| Ok(())),
    };
    log::info!(
        "saved {} in the background in {:?}",
        path.display(),
        start.elapsed()
    );
    match result {
        Ok(fingerprint) => SaveOutcome::Saved(fingerprint),
        Err(SaveError::ChangedOnDisk { change, .. }) => SaveOutcome::ChangedOnDisk(change),
        Err(err) => SaveOutcome::Failed(err),
    }
}

/// The file name of `path`, for titles and messages.
pub fn file_name(path: &std::path::Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}
