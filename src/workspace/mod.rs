//! The workspace: everything the app does that is not drawing. It owns the open document,
//! the settings, recovery copies, background jobs, commands and their effects, and the file
//! dialogs (behind a trait). Nothing here knows about egui: the UI reads a [`Workspace`],
//! hands back [`Action`]s, and [`Workspace::apply`] carries them out — the one place where
//! the document, the dialogs and the settings change.

pub mod action;
pub mod commands;
mod deletion;
pub mod dialog;
pub mod export;
pub mod file_dialog;
mod files;
pub use files::file_name;
mod import;
pub use import::CSV_FILES;
mod open_other;
pub use open_other::ImportOffer;
pub mod jobs;
pub mod letters;
mod merging;
pub mod new_meeting;
mod outcome;
mod said;
pub use said::Said;
mod reading;
pub mod recovery;
mod recovery_jobs;
mod request;
pub mod settings;
mod step_timer;
mod validation;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub use crate::i18n::thousands;
pub use action::{Action, DialogOutcome, Effect, PendingEdit};
pub use commands::{Command, CommandText, Key, Scope, Shortcut};
pub use dialog::{
    AfterConfirm, Dialog, ExportSetup, ImportFile, ImportState, ImportStep, LossAction,
    PathPurpose, PendingWrite,
};
pub use file_dialog::{
    FileDialogs, FileKind, NativeDialogs, NoDialogs, PROJECT_FILES, Picked, project_files,
};
pub use jobs::{JobView, Progress};
pub use merging::{MergeDialog, MergeSource, MergeStep};
pub use request::{Deletion, Request};
pub use settings::Settings;
use step_timer::StepTimer;

use crate::document::{Document, Edit};
use crate::export::ExportRequest;
use crate::i18n::{Language, Strings};
use crate::model::{Problem, Project};
use crate::project_file::SaveStep;
use recovery::{Recovery, RecoveryEntry};

/// A test seam called before each step of a project save; an error fails that step.
pub type SaveFaults = Box<dyn FnMut(SaveStep) -> std::io::Result<()> + Send>;

/// A brief message in the status bar ("Saved /home/…/paris.ron").
#[derive(Clone, Debug)]
pub struct Toast {
    /// What it says, in each language (said again after a switch).
    pub said: Said,
    /// When it was posted.
    pub since: Instant,
    /// The folder of the file the message is about (a save, an export), which the status
    /// bar offers to open.
    pub folder: Option<PathBuf>,
    /// For "Deleted … — Undo": the document revision right after the deletion. The Undo
    /// beside the text is offered only while the document is still at it, when Undo
    /// undoes exactly that deletion.
    pub undo: Option<u64>,
}

/// How long a status message stays.
pub const TOAST_TIME: Duration = Duration::from_secs(6);

/// How long "Deleted … — Undo" stays (while Undo still undoes that deletion): long enough
/// to notice a slip after looking away.
pub const UNDO_TOAST_TIME: Duration = Duration::from_secs(20);

/// The open project and everything around it: settings, dialogs, jobs, recovery.
pub struct Workspace {
    /// The open project.
    pub doc: Document,
    /// Remembered preferences.
    pub settings: Settings,
    /// The dialog on top, if any.
    pub dialog: Option<Dialog>,
    /// The last status message.
    pub toast: Option<Toast>,
    /// The day "overdue" and "due soon" count from, read from the system clock at start;
    /// tests set it to a fixed day.
    pub today: chrono::NaiveDate,
    /// File dialogs (native, or a stand-in in tests).
    dialogs: Box<dyn FileDialogs>,
    /// Display name of a document that has no file (the sample copy).
    unsaved_name: Option<String>,
    /// The document's file as this app last read or wrote it, to notice someone else's
    /// change before overwriting it.
    disk: Option<crate::project_file::Fingerprint>,
    /// The user confirmed closing the window (or nothing was unsaved).
    close_confirmed: bool,
    /// Recovery copies of unsaved changes.
    recovery: Recovery,
    /// Recovery copies from earlier sessions still to offer, newest last.
    pending_recovery: Vec<RecoveryEntry>,
    /// Merges: the versions they take their common version from, the copy being merged.
    merging: merging::Merging,
    /// How name cards were last made (paper and faces), offered again next time.
    card_options: crate::export::pdf::CardOptions,
    /// Faults injected into project saves (tests only); shared with the save job.
    save_faults: Arc<Mutex<Option<SaveFaults>>>,
    /// Long work running in the background.
    jobs: Jobs,
    /// What the validation of the document found, and for which revision.
    problems: validation::Problems,
    /// What the UI must do after this frame's actions.
    effects: Vec<Effect>,
    /// The steps of the last [`Workspace::poll`] that took long enough to name, for the
    /// slow-frame log.
    poll_steps: Vec<(&'static str, Duration)>,
}

/// The jobs of the workspace, at most one of each kind.
#[derive(Default)]
struct Jobs {
    open: Option<files::OpenRun>,
    save: Option<files::SaveRun>,
    export: Option<export::ExportRun>,
    import: Option<import::ImportRun>,
    recovery_scan: Option<jobs::Job<Vec<RecoveryEntry>>>,
    recovery_write: Option<recovery_jobs::RecoveryWrite>,
    validation: Option<validation::ValidationRun>,
}

impl Workspace {
    /// A workspace with the given settings, dialogs and recovery folder, opening `file`,
    /// or the last file of the settings, or (first run) a copy of the embedded sample.
    ///
    /// The file is opened on a background job, so the first frame comes at once and shows
    /// "Opening big.ron…"; recovery copies left by an earlier session are read on a job
    /// too, and offered once the file is open.
    pub fn new(
        settings: Settings,
        file: Option<PathBuf>,
        dialogs: Box<dyn FileDialogs>,
        recovery: Recovery,
    ) -> Self {
        let mut ws = Self {
            doc: Document::unsaved(Project::default(), false),
            settings,
            dialog: None,
            toast: None,
            today: chrono::Local::now().date_naive(),
            dialogs,
            unsaved_name: None,
            disk: None,
            close_confirmed: false,
            recovery,
            pending_recovery: Vec::new(),
            merging: merging::Merging::default(),
            card_options: crate::export::pdf::CardOptions::default(),
            save_faults: Arc::default(),
            jobs: Jobs::default(),
            problems: validation::Problems::default(),
            effects: Vec::new(),
            poll_steps: Vec::new(),
        };
        let reopen = file.or_else(|| ws.settings.last_file.clone().filter(|p| p.exists()));
        match reopen {
            Some(path) => {
                // Until it is read, the window shows an empty project under the file's name.
                ws.unsaved_name = Some(file_name(&path));
                ws.start_open(&path, true);
            }
            None => ws.open_sample(),
        }
        ws.start_recovery_scan();
        ws
    }

    /// A workspace on a project held in memory, shown as an unsaved document called
    /// `name`, with no file dialogs and no recovery copies (benchmarks and tests).
    pub fn with_project(project: Project, name: &str) -> Self {
        let mut ws = Self::new(
            Settings::default(),
            None,
            Box::new(NoDialogs),
            Recovery::off(),
        );
        ws.replace_document(
            Document::unsaved(project, false),
            Some(name.to_owned()),
            None,
        );
        ws
    }

    /// The strings of the interface language.
    pub fn tr(&self) -> &'static Strings {
        self.settings.language.strings()
    }

    /// The interface language.
    pub fn language(&self) -> Language {
        self.settings.language
    }

    /// Title of the window: file name, a mark for unsaved changes, the app name.
    pub fn window_title(&self) -> String {
        let mark = if self.doc.is_dirty() { "● " } else { "" };
        format!("{mark}{} — {}", self.document_name(), self.tr().app_name)
    }

    /// The document's name as the title bar shows it: its file name, or what it is.
    pub fn document_name(&self) -> String {
        match (self.doc.path(), &self.unsaved_name) {
            (Some(path), _) => file_name(path),
            (None, Some(name)) => name.clone(),
            (None, None) => self.tr().untitled.to_owned(),
        }
    }

    /// Whether the document is the unsaved copy of the embedded sample.
    pub fn is_sample(&self) -> bool {
        self.doc.path().is_none() && self.unsaved_name.is_some()
    }

    /// What validation found in the document (dangling references and the like), as of
    /// the last check; it runs after every change.
    pub fn problems(&self) -> &[Problem] {
        self.problems.list()
    }

    /// Makes project saves fail at chosen steps (tests: every step of a save in turn).
    pub fn inject_save_faults(&mut self, faults: Option<SaveFaults>) {
        if let Ok(mut slot) = self.save_faults.lock() {
            *slot = faults;
        }
    }

    /// The recovery copies of this session.
    pub fn recovery(&self) -> &Recovery {
        &self.recovery
    }

    /// The recovery copies, to change their timing (tests).
    pub fn recovery_mut(&mut self) -> &mut Recovery {
        &mut self.recovery
    }

    /// Whether a close of the window may go ahead.
    pub fn close_confirmed(&self) -> bool {
        self.close_confirmed
    }

    /// What the UI must do after the actions applied so far (once: they are taken).
    pub fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.effects)
    }

    /// Carries out one action. Every change of the document, the dialogs, the settings
    /// and the files goes through here.
    pub fn apply(&mut self, action: Action) {
        match action {
            Action::Edit(pending) => {
                let PendingEdit { edit, merge_key } = *pending;
                self.apply_edit(edit, merge_key);
            }
            Action::Command(command) => self.run_command(command),
            Action::Request(request) => self.handle_request(request),
            Action::Dialog(outcome) => self.dialog_outcome(outcome),
            Action::OpenRecent(path) => self.open_recent(path),
            Action::CloseRequested => self.close_requested(),
        }
    }

    /// The one function that changes the document. Undo history, the unsaved mark and
    /// validation hang off it; an edit that changes nothing records nothing. Returns
    /// whether the document changed.
    pub fn apply_edit(&mut self, edit: Edit, merge_key: Option<String>) -> bool {
        if self.is_opening() {
            // The document is about to be replaced by the file being read.
            return false;
        }
        let changed = self.doc.apply_merging(edit, merge_key);
        if changed {
            self.check_problems();
        }
        changed
    }

    /// Installs an edit applied to a snapshot on a job (see
    /// [`crate::document::PreparedEdit`]): the same bookkeeping as [`Self::apply_edit`],
    /// for edits too large to apply in a frame. Refused when the document changed since
    /// the snapshot.
    fn install_prepared(
        &mut self,
        prepared: crate::document::PreparedEdit,
    ) -> Result<(), crate::document::Stale> {
        let old = self.doc.install(prepared)?;
        let large = old.people.len() > FREE_IN_BACKGROUND_ABOVE;
        drop_in_background(old, large);
        self.check_problems();
        Ok(())
    }

    /// Ends the current typing burst: the next edit is a new undo step.
    pub fn seal(&mut self) {
        self.doc.seal();
    }

    /// Runs a command of the workspace (see [`Command::scope`]); view commands are the
    /// UI's.
    pub fn run_command(&mut self, command: Command) {
        if command.changes_document() && self.is_opening() {
            return;
        }
        match command {
            Command::New => self.guard_unsaved(AfterConfirm::New),
            Command::Open => self.guard_unsaved(AfterConfirm::Open),
            Command::Save => self.save(None),
            Command::SaveAs => self.save_as(None),
            Command::MergeCopy => self.merge_copy(),
            Command::ResolveConflicts => self.resolve_recorded(),
            Command::Quit => self.guard_unsaved(AfterConfirm::Quit),
            Command::Undo => {
                if self.doc.undo() {
                    self.check_problems();
                } else {
                    self.toast(Said::fixed(|t| t.nothing_to_undo));
                }
            }
            Command::Redo => {
                if self.doc.redo() {
                    self.check_problems();
                } else {
                    self.toast(Said::fixed(|t| t.nothing_to_redo));
                }
            }
            Command::English => self.switch_language(Language::English),
            Command::Chinese => self.switch_language(Language::Chinese),
            Command::LightTheme => self.settings.dark = false,
            Command::DarkTheme => self.settings.dark = true,
            Command::ShareCopy => self.share_copy(),
            other => log::debug!("{other:?} is a view command; the UI carries it out"),
        }
    }

    /// Carries out what a panel asked for.
    fn handle_request(&mut self, request: Request) {
        match request {
            Request::PasteAgenda(meeting) => {
                self.dialog = Some(Dialog::PasteAgenda {
                    meeting,
                    text: String::new(),
                    replace: false,
                    add_as_people: Vec::new(),
                });
            }
            Request::NextInSeries(from) => {
                // After today, by the series' rhythm (issue 27).
                let project = self.doc.project();
                let date = project
                    .next_edition_date(&from, self.today)
                    .unwrap_or(self.today);
                self.dialog = Some(Dialog::NextMeeting {
                    from,
                    date,
                    alternate: true,
                });
            }
            Request::NewMeeting => self.ask_new_meeting(),
            Request::ExportCommitments {
                format,
                language,
                filter,
            } => self.request_export(ExportRequest::Commitments {
                format,
                language,
                filter,
                today: self.today,
            }),
            Request::ExportAgenda {
                meeting,
                format,
                language,
            } => self.request_export(ExportRequest::Agenda {
                meeting,
                format,
                language,
            }),
            Request::ExportMinutes {
                meeting,
                format,
                language,
            } => self.request_export(ExportRequest::Minutes {
                meeting,
                format,
                language,
                mark: crate::export::minutes::MinutesMark::default(),
            }),
            Request::ExportAttendees {
                meeting,
                format,
                language,
                personal,
            } => self.request_export(ExportRequest::Attendees {
                meeting,
                format,
                language,
                personal: letters::personal_columns(personal),
            }),
            Request::Letters(meeting) => self.open_letters(meeting),
            Request::Export(job) => self.request_export(*job),
            Request::NameCards(meeting) => {
                self.dialog = Some(Dialog::NameCards {
                    meeting,
                    options: self.card_options,
                });
            }
            Request::OpenFolder(folder) => {
                if let Err(reason) = self.dialogs.open_folder(&folder) {
                    self.show_error(
                        Said::fixed(|t| t.open_folder_failed),
                        Said::new(|_| format!("{reason}\n\n{}", folder.display())),
                    );
                }
            }
            Request::Delete(what) => self.delete(&what),
            Request::ImportAttendees(meeting) => {
                self.dialog = Some(Dialog::ImportAttendees(Box::new(ImportState {
                    add_to_meeting: meeting.is_some(),
                    meeting,
                    ..Default::default()
                })));
            }
        }
    }

    /// The window is being closed: go ahead, or ask about unsaved changes first.
    fn close_requested(&mut self) {
        if self.close_confirmed {
            return;
        }
        if self.doc.is_dirty() {
            self.effects.push(Effect::CancelClose);
            self.dialog = Some(Dialog::ConfirmDiscard {
                then: AfterConfirm::Quit,
            });
        } else {
            self.close_confirmed = true;
        }
    }

    /// Takes in what finished jobs produced, keeps validation and recovery copies up to
    /// date, and expires the status message. `focused` is the window's focus (losing it
    /// writes a recovery copy at once). Returns how soon the UI should look again even
    /// without input (a job runs, a copy falls due, the message expires).
    pub fn poll(&mut self, focused: Option<bool>, now: Instant) -> Option<Duration> {
        let mut wake = Vec::new();
        self.poll_steps.clear();
        let mut timer = StepTimer::start();
        self.poll_open();
        timer.step("open", &mut self.poll_steps);
        self.poll_save();
        timer.step("save", &mut self.poll_steps);
        self.poll_export();
        timer.step("export", &mut self.poll_steps);
        self.poll_import();
        self.poll_merge();
        timer.step("import", &mut self.poll_steps);
        self.poll_recovery_scan();
        self.poll_validation();
        timer.step("validation", &mut self.poll_steps);
        // Offered once the file is open, so that restoring is not undone by its arrival.
        if self.dialog.is_none()
            && !self.is_opening()
            && let Some(entry) = self.pending_recovery.pop()
        {
            self.dialog = Some(Dialog::Recover(Box::new(entry)));
        }
        wake.extend(self.tick_recovery(focused, now));
        timer.step("recovery", &mut self.poll_steps);
        if let Some(toast) = &self.toast {
            let time = if self.undoable_deletion() {
                UNDO_TOAST_TIME
            } else {
                TOAST_TIME
            };
            let left = time.saturating_sub(now.saturating_duration_since(toast.since));
            if left.is_zero() {
                self.toast = None;
            } else {
                wake.push(left);
            }
        }
        if self.is_busy() {
            wake.push(jobs::REPAINT_EVERY);
        }
        wake.into_iter().min()
    }

    /// The steps of the last [`Workspace::poll`] that took at least 2 ms, for the
    /// slow-frame log: `("import", 31 ms)`.
    pub fn poll_steps(&self) -> &[(&'static str, Duration)] {
        &self.poll_steps
    }

    /// Whether any background job runs (tests step frames until none does).
    pub fn is_busy(&self) -> bool {
        let Jobs {
            open,
            save,
            export,
            import,
            recovery_scan,
            recovery_write,
            validation,
        } = &self.jobs;
        open.is_some()
            || save.is_some()
            || export.is_some()
            || import.is_some()
            || recovery_scan.is_some()
            || recovery_write.is_some()
            || validation.is_some()
            || self.is_merging()
    }

    /// Called when the app exits: a recovery copy being written must not outlive a saved
    /// document as a stale offer.
    pub fn on_exit(&mut self) {
        self.wait_for_recovery_write();
        if !self.doc.is_dirty() {
            self.recovery.discard();
        }
    }

    /// The settings as they should be stored: an unsaved document is not reopened.
    pub fn settings_to_store(&self) -> Settings {
        let mut settings = self.settings.clone();
        if self.doc.path().is_none() {
            // The sample copy or an unsaved project: next start shows the sample again.
            settings.last_file = None;
        }
        settings
    }

    /// Posts a status message.
    fn toast(&mut self, said: Said) {
        self.toast = Some(Toast {
            said,
            since: Instant::now(),
            folder: None,
            undo: None,
        });
    }

    /// Posts a status message about a file just written, offering to open its folder.
    fn toast_file(&mut self, said: Said, file: &Path) {
        self.toast = Some(Toast {
            said,
            since: Instant::now(),
            folder: file.parent().map(Path::to_owned),
            undo: None,
        });
    }

    /// Shows an error dialog.
    fn show_error(&mut self, title: Said, message: Said) {
        self.dialog = Some(Dialog::Error { title, message });
    }

    /// Replaces the document (`disk`: its file as just read); the old project is dropped on a thread of its own (freeing
    /// a 100,000-person project takes longer than a frame).
    fn replace_document(
        &mut self,
        doc: Document,
        unsaved_name: Option<String>,
        disk: Option<crate::project_file::Fingerprint>,
    ) {
        let old = std::mem::replace(&mut self.doc, doc);
        let large = old.project().people.len() > FREE_IN_BACKGROUND_ABOVE;
        drop_in_background(old, large);
        self.unsaved_name = unsaved_name;
        self.disk = disk;
        // Checked at the next poll, unless the caller already knows the problems (an open
        // checks on its job); a check of the old document is of no use now.
        self.problems = validation::Problems::default();
        self.jobs.validation = None;
        self.effects.push(Effect::DocumentReplaced);
    }
}

/// Projects with more people than this are freed on a thread of their own: freeing a
/// 100,000-person project takes about 60 ms, longer than a frame.
const FREE_IN_BACKGROUND_ABOVE: usize = 10_000;

/// Drops `value` on a short-lived thread of its own when `large`, else at once. What a
/// job thread built is best freed off the UI thread too: freeing into another thread's
/// malloc arena can make the freeing thread tidy that arena.
pub fn drop_in_background<T: Send + 'static>(value: T, large: bool) {
    if !large {
        return;
    }
    let spawned = std::thread::Builder::new()
        .name("free old project".to_owned())
        .spawn(move || drop(value));
    if let Err(err) = spawned {
        log::warn!("freed the old project on the UI thread: {err}");
    }
}
