//! The eframe application: window, menus, commands, dialogs. Panels live in [`crate::ui`].

mod background;
mod exports;
pub mod first_frame;
mod fonts;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

pub use crate::i18n::{self, Language};
pub use crate::workspace::commands::Command;
pub use crate::workspace::file_dialog::{
    FileDialogs, FileKind, NativeDialogs, NoDialogs, PROJECT_FILES, Picked,
};
pub use crate::workspace::settings::{self, Settings};
pub use crate::workspace::{jobs, recovery};
pub use background::{JobView, thousands};
pub use exports::ExportJob;
pub use fonts::{CJK_FONT, install_fonts};

use crate::document::{Document, Edit};
use crate::model::{MeetingId, Project, validate};
use crate::project_file::{self, DiskChange, LoadError, SaveError, SaveStep};
use crate::samples;
use crate::ui::import_attendees_ui::ImportState;
use crate::ui::{self, PendingEdit, Request, View, ViewState};
use recovery::{Recovery, RecoveryEntry};

/// A question or message shown over the app, one at a time.
#[derive(Clone, Debug, PartialEq)]
pub enum Dialog {
    /// Unsaved changes would be lost by `then`.
    ConfirmDiscard {
        /// What to do once the user has decided.
        then: AfterConfirm,
    },
    /// Something went wrong; `title` and `message` say what and what to do.
    Error {
        /// Short heading.
        title: String,
        /// Full message, path last.
        message: String,
    },
    /// The project opened, but validation found problems.
    Problems(Vec<String>),
    /// A draft agenda being pasted into a meeting, previewed live.
    PasteAgenda {
        /// The meeting.
        meeting: MeetingId,
        /// The text pasted so far.
        text: String,
        /// Replace the agenda instead of appending.
        replace: bool,
    },
    /// The next meeting of a series being planned.
    NextMeeting {
        /// The meeting it follows.
        from: MeetingId,
        /// Its date.
        date: chrono::NaiveDate,
        /// Whether the other side hosts.
        alternate: bool,
    },
    /// An attendee list being imported (pasted or CSV), previewed for correction.
    ImportAttendees(Box<ImportState>),
    /// No file dialog could be shown: ask for a path instead.
    PathEntry {
        /// Open or save.
        purpose: PathPurpose,
        /// Why the native dialog could not be shown.
        reason: String,
        /// The path typed so far.
        text: String,
    },
    /// A recovery copy left by a session that ended with unsaved changes: restore it?
    Recover(Box<RecoveryEntry>),
    /// The file changed on disk (or vanished) since it was opened or saved: overwrite,
    /// save elsewhere, or reload?
    FileChanged {
        /// The file.
        path: PathBuf,
        /// What happened to it.
        change: DiskChange,
        /// What to do once it is saved (a quit that asked to save first).
        then: Option<AfterConfirm>,
    },
    /// A second question before something that throws changes away.
    ConfirmLoss(LossAction),
}

/// Something that throws changes away, waiting for the user's word.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LossAction {
    /// Reload the file from disk, losing the unsaved changes.
    Reload(PathBuf),
    /// Delete a recovery copy, losing the changes in it.
    DeleteRecovery(Box<RecoveryEntry>),
}

/// A test seam called before each step of a project save; an error fails that step.
pub type SaveFaults = Box<dyn FnMut(SaveStep) -> std::io::Result<()>>;

/// What a typed path is for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PathPurpose {
    /// Open this file.
    Open,
    /// Save to this file.
    Save,
    /// Write an export (agenda, attendee list, name cards) to this file.
    Export(ExportJob),
}

/// An action waiting for the answer to "unsaved changes".
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AfterConfirm {
    /// Start an empty project.
    New,
    /// Ask for a file and open it.
    Open,
    /// Open this file.
    OpenPath(PathBuf),
    /// Close the window.
    Quit,
}

/// A brief message in the status bar ("Saved paris.ron").
#[derive(Clone, Debug)]
pub struct Toast {
    /// The text.
    pub text: String,
    /// When it was posted.
    pub since: Instant,
}

/// The Delegation Planner application.
pub struct DelegationApp {
    /// The open project.
    pub doc: Document,
    /// Remembered preferences.
    pub settings: Settings,
    /// Which view is shown and what is selected in it.
    pub view: ViewState,
    /// The dialog on top, if any.
    pub dialog: Option<Dialog>,
    /// The last status message.
    pub toast: Option<Toast>,
    /// The day "overdue" and "due soon" count from, read from the system clock at start;
    /// tests set it to a fixed day.
    pub today: chrono::NaiveDate,
    dialogs: Box<dyn FileDialogs>,
    /// Display name of a document that has no file (the sample copy).
    unsaved_name: Option<String>,
    /// The close request was confirmed (or nothing was unsaved).
    allow_close: bool,
    last_title: String,
    last_focus: Option<egui::Id>,
    applied_theme: Option<bool>,
    /// Recovery copies of unsaved changes.
    recovery: Recovery,
    /// Recovery copies from earlier sessions still to offer, newest last.
    pending_recovery: Vec<RecoveryEntry>,
    /// Faults injected into project saves (tests only).
    save_faults: Option<SaveFaults>,
    /// Long work running in the background.
    jobs: background::Jobs,
}

impl DelegationApp {
    /// The app as eframe creates it: settings from storage, fonts, then the file given on
    /// the command line, the last file, or (first run) a copy of the embedded sample.
    pub fn new(cc: &eframe::CreationContext<'_>, file: Option<PathBuf>) -> Self {
        let settings: Settings = cc
            .storage
            .and_then(|s| eframe::get_value(s, settings::STORAGE_KEY))
            .unwrap_or_default();
        Self::with_recovery(
            &cc.egui_ctx,
            settings,
            file,
            Box::new(NativeDialogs),
            Recovery::platform(),
        )
    }

    /// The app with explicit settings and dialogs (tests pass stand-ins for both), and no
    /// recovery copies.
    pub fn with_settings(
        ctx: &egui::Context,
        settings: Settings,
        file: Option<PathBuf>,
        dialogs: Box<dyn FileDialogs>,
    ) -> Self {
        Self::with_recovery(ctx, settings, file, dialogs, Recovery::off())
    }

    /// The app with explicit settings, dialogs and recovery folder. Recovery copies left
    /// by an earlier session are offered, newest first, once the file is open.
    ///
    /// The file is opened on a background job, so the first frame comes at once and shows
    /// "Opening big.ron…"; so are the recovery copies read (they are whole projects).
    pub fn with_recovery(
        ctx: &egui::Context,
        settings: Settings,
        file: Option<PathBuf>,
        dialogs: Box<dyn FileDialogs>,
        recovery: Recovery,
    ) -> Self {
        install_fonts(ctx);
        let mut app = Self {
            doc: Document::unsaved(Project::default(), false),
            settings,
            view: ViewState::default(),
            dialog: None,
            toast: None,
            today: chrono::Local::now().date_naive(),
            dialogs,
            unsaved_name: None,
            allow_close: false,
            last_title: String::new(),
            last_focus: None,
            applied_theme: None,
            recovery,
            pending_recovery: Vec::new(),
            save_faults: None,
            jobs: background::Jobs::default(),
        };
        let reopen = file.or_else(|| app.settings.last_file.clone().filter(|p| p.exists()));
        match reopen {
            Some(path) => {
                // Until it is read, the window shows an empty project under the file's name.
                app.unsaved_name = Some(file_name(&path));
                app.start_open(&path, true);
            }
            None => app.open_sample(),
        }
        app.start_recovery_scan();
        app
    }

    /// The app on a project held in memory, shown as an unsaved document called `name`,
    /// with no file dialogs and no recovery copies (benchmarks and tests).
    pub fn with_project(ctx: &egui::Context, project: Project, name: &str) -> Self {
        let mut app = Self::with_settings(ctx, Settings::default(), None, Box::new(NoDialogs));
        app.doc = Document::unsaved(project, false);
        app.unsaved_name = Some(name.to_owned());
        app.view = ViewState::default();
        app
    }

    /// Makes project saves fail at chosen steps (tests: every step of a save in turn).
    pub fn inject_save_faults(&mut self, faults: Option<SaveFaults>) {
        self.save_faults = faults;
    }

    /// The recovery copies of this session.
    pub fn recovery(&self) -> &Recovery {
        &self.recovery
    }

    /// The recovery copies, to change their timing (tests).
    pub fn recovery_mut(&mut self) -> &mut Recovery {
        &mut self.recovery
    }

    /// Replaces the document with the unsaved changes of a recovery copy. The other copies
    /// found at start stay on disk and are offered at the next start.
    pub fn restore(&mut self, entry: RecoveryEntry) {
        self.pending_recovery.clear();
        // A project still being opened must not replace the restored one when it arrives,
        // and a copy still being written must not take the place of the restored copy.
        self.jobs.cancel_open();
        self.wait_for_recovery_write();
        let RecoveryEntry {
            file,
            original,
            name,
            base,
            project,
            ..
        } = entry;
        self.unsaved_name = original.is_none().then(|| name.clone());
        self.doc = Document::restored(project, original, base);
        self.recovery.adopt(&file, self.doc.revision());
        self.view = ViewState::default();
        self.toast(format!("{} {name}", self.tr().recovery_restored));
    }

    /// Deletes a recovery copy at the user's word.
    pub fn delete_recovery(&mut self, entry: &RecoveryEntry) {
        self.recovery.delete(entry);
    }

    /// Writes a recovery copy when one is due; asks for a repaint when the next will be.
    ///
    /// The copy is written on a background job from a clone of the project: serialising a
    /// project of 100,000 people takes about a second, too long to freeze the window every
    /// half minute; the clone takes a fraction of that.
    fn recovery_ui(&mut self, ctx: &egui::Context) {
        self.poll_recovery_write();
        if !self.doc.is_dirty() {
            // Saved, discarded, or undone back to the saved state: the copy is stale.
            self.recovery.discard();
        }
        if self.recovery_write_running() {
            // One copy at a time; the next is judged when this one is done.
            return;
        }
        let focused = ctx.input(|i| i.viewport().focused);
        let tick = self.recovery.tick(
            self.doc.path(),
            self.doc.is_dirty(),
            self.doc.revision(),
            focused,
            Instant::now(),
        );
        match tick {
            recovery::Tick::Idle => {}
            recovery::Tick::WakeIn(after) => ctx.request_repaint_after(after),
            recovery::Tick::WriteNow => {
                if let Some(target) = self.recovery.target(self.doc.path()) {
                    self.start_recovery_write(target);
                }
                // A failed write is tried again one interval later.
                ctx.request_repaint_after(self.recovery.interval);
            }
        }
    }

    /// The strings of the current language.
    pub fn tr(&self) -> &'static i18n::Strings {
        self.settings.language.strings()
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

    fn open_sample(&mut self) {
        match samples::ccaa_afnor() {
            Ok(project) => {
                self.doc = Document::unsaved(project, false);
                self.unsaved_name = Some(format!(
                    "{} ({})",
                    samples::CCAA_AFNOR_NAME,
                    self.tr().sample_suffix
                ));
            }
            Err(err) => {
                // Only a broken build can get here; say so rather than start blank silently.
                self.show_load_error(&err);
                self.doc = Document::unsaved(Project::default(), false);
                self.unsaved_name = None;
            }
        }
        self.view = ViewState::default();
    }

    /// Opens a project file at once, on the calling thread, replacing the current
    /// document. Returns false (and shows why) when the file could not be opened; the
    /// current document is then kept. The app itself uses [`Self::start_open`], which
    /// keeps the window drawing while a big file is read.
    pub fn open_path(&mut self, path: &Path) -> bool {
        match project_file::load_project(path) {
            Ok((project, fingerprint)) => {
                let problems = validate(&project).iter().map(ToString::to_string).collect();
                self.finish_open(
                    path,
                    background::Opened::new(project, fingerprint, problems),
                );
                true
            }
            Err(err) => {
                self.fail_open(path, &err);
                false
            }
        }
    }

    fn show_load_error(&mut self, err: &LoadError) {
        let location = match err.position() {
            Some((line, column)) => format!("{}:{line}:{column}", err.path().display()),
            None => err.path().display().to_string(),
        };
        let mut message = err.message();
        if let Some(first) = message.get(..1) {
            message = first.to_uppercase() + message.get(1..).unwrap_or_default();
        }
        self.dialog = Some(Dialog::Error {
            title: self.tr().dlg_open_failed.to_owned(),
            message: format!("{message}.\n\n{location}"),
        });
    }

    /// Saves to `path`; on success the document is clean and the file is remembered.
    ///
    /// Saving over the document's own file first checks that nobody changed, moved or
    /// deleted it since it was opened or saved; if so, [`Dialog::FileChanged`] asks what to
    /// do and nothing is written.
    pub fn save_to(&mut self, path: &Path) -> bool {
        if let Some(change) = self.change_on_disk(path) {
            self.dialog = Some(Dialog::FileChanged {
                path: path.to_owned(),
                change,
                then: None,
            });
            return false;
        }
        self.overwrite(path)
    }

    /// How the document's file differs from what this app last read or wrote, when it does.
    fn change_on_disk(&self, path: &Path) -> Option<DiskChange> {
        if self.doc.path() != Some(path) {
            // Save as… to another file: the file dialog already asked about replacing it.
            return None;
        }
        let expected = self.doc.disk_fingerprint()?;
        match project_file::check_on_disk(path, expected) {
            Ok(DiskChange::Unchanged) => None,
            Ok(change) => Some(change),
            Err(err) => {
                // Cannot tell (no permission to read it, a drive gone): the save itself will
                // say what is wrong if it fails too.
                log::warn!("could not check {} before saving: {err}", path.display());
                None
            }
        }
    }

    /// Saves to `path` without looking for changes made on disk by someone else (the user
    /// chose to overwrite them). On failure the edits and the unsaved mark stay, and a
    /// dialog names the step that failed.
    pub fn overwrite(&mut self, path: &Path) -> bool {
        let project = self.doc.project();
        let start = Instant::now();
        let result = match self.save_faults.as_mut() {
            Some(faults) => project_file::save_project_with(path, project, faults.as_mut()),
            None => project_file::save_project_with(path, project, &mut |_| Ok(())),
        };
        // Saving stays on the UI thread (it needs the project); the log says what it costs.
        log::info!("saved {} in {:?}", path.display(), start.elapsed());
        match result {
            Ok(fingerprint) => {
                self.doc.mark_saved(path.to_owned());
                self.doc.set_disk_fingerprint(Some(fingerprint));
                self.unsaved_name = None;
                self.settings.remember(path);
                self.recovery.discard();
                self.toast(format!("{} {}", self.tr().saved, file_name(path)));
                true
            }
            Err(err) => {
                if let Some(saved) = err.saved()
                    && self.doc.path() == Some(path)
                {
                    // The new version did replace the file: the next save compares with it.
                    self.doc.set_disk_fingerprint(Some(saved.clone()));
                }
                self.dialog = Some(self.save_error_dialog(&err));
                false
            }
        }
    }

    /// Once the file-changed question is answered and the project saved, do `then`.
    pub fn after_next_save(&mut self, then: AfterConfirm) {
        if let Some(Dialog::FileChanged { then: slot, .. }) = &mut self.dialog {
            *slot = Some(then);
        }
    }

    /// Reloads the document's file from disk, dropping the unsaved changes (the user was
    /// asked twice); read on a background job like any open.
    pub fn reload(&mut self, path: &Path) {
        self.start_open(path, false);
    }

    /// A failed save in the user's language: which step, what the system said, what is
    /// on disk now and what to do; the path last.
    fn save_error_dialog(&self, err: &SaveError) -> Dialog {
        let t = self.tr();
        let fill = |template: &str, step: SaveStep, source: &std::io::Error| {
            template
                .replace("{step}", i18n::save_step(t, step))
                .replace("{error}", &source.to_string())
        };
        match err {
            SaveError::Io { path, step, source } => Dialog::Error {
                title: t.dlg_save_failed.to_owned(),
                message: format!(
                    "{}\n\n{}",
                    fill(t.save_failed_at, *step, source),
                    path.display()
                ),
            },
            SaveError::Incomplete {
                path, step, source, ..
            } => Dialog::Error {
                title: t.dlg_save_incomplete.to_owned(),
                message: format!(
                    "{}\n\n{}",
                    fill(t.save_incomplete_at, *step, source),
                    path.display()
                ),
            },
            SaveError::Serialize(_) => Dialog::Error {
                title: t.dlg_save_failed.to_owned(),
                message: err.to_string(),
            },
        }
    }

    fn toast(&mut self, text: String) {
        self.toast = Some(Toast {
            text,
            since: Instant::now(),
        });
    }

    fn start_dir(&self) -> Option<PathBuf> {
        self.doc
            .path()
            .or_else(|| self.settings.recent_files.first().map(PathBuf::as_path))
            .and_then(Path::parent)
            .map(Path::to_owned)
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

    /// Runs a command, as from its menu entry or shortcut.
    pub fn run_command(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::New => self.guard_unsaved(ctx, AfterConfirm::New),
            Command::Open => self.guard_unsaved(ctx, AfterConfirm::Open),
            Command::Save => {
                match self.doc.path().map(Path::to_owned) {
                    Some(path) => self.save_to(&path),
                    None => self.save_as(),
                };
            }
            Command::SaveAs => {
                self.save_as();
            }
            Command::Quit => self.guard_unsaved(ctx, AfterConfirm::Quit),
            Command::Undo => {
                if !self.doc.undo() {
                    self.toast(self.tr().nothing_to_undo.to_owned());
                }
            }
            Command::Redo => {
                if !self.doc.redo() {
                    self.toast(self.tr().nothing_to_redo.to_owned());
                }
            }
            Command::English => self.settings.language = Language::English,
            Command::Chinese => self.settings.language = Language::Chinese,
            Command::LightTheme => self.settings.dark = false,
            Command::DarkTheme => self.settings.dark = true,
            Command::ShowProject => self.view.view = View::Project,
            Command::ShowMeetings => self.view.view = View::Meetings,
            Command::ShowPeople => self.view.view = View::People,
            Command::ShowOrganisations => self.view.view = View::Organisations,
            Command::ShowCommitments => self.view.view = View::Commitments,
        }
    }

    /// Opens a recent file (asking first if there are unsaved changes).
    pub fn open_recent(&mut self, ctx: &egui::Context, path: PathBuf) {
        if path.exists() {
            self.guard_unsaved(ctx, AfterConfirm::OpenPath(path));
        } else {
            self.settings.forget(&path);
            self.dialog = Some(Dialog::Error {
                title: self.tr().dlg_open_failed.to_owned(),
                message: format!("{}\n\n{}", self.tr().missing_recent, path.display()),
            });
        }
    }

    fn guard_unsaved(&mut self, ctx: &egui::Context, then: AfterConfirm) {
        if self.doc.is_dirty() {
            self.dialog = Some(Dialog::ConfirmDiscard { then });
        } else {
            self.proceed(ctx, then);
        }
    }

    /// Carries out an action once unsaved changes are saved or may be discarded.
    pub fn proceed(&mut self, ctx: &egui::Context, then: AfterConfirm) {
        match then {
            AfterConfirm::New => {
                self.doc = Document::unsaved(Project::default(), false);
                self.unsaved_name = None;
                self.view = ViewState::default();
                self.settings.last_file = None;
            }
            AfterConfirm::Open => match self.dialogs.pick_open(self.start_dir(), PROJECT_FILES) {
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
                self.allow_close = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
    }

    /// Asks where to save, then saves. Returns true when saved.
    pub fn save_as(&mut self) -> bool {
        let name = self.suggested_file_name();
        match self
            .dialogs
            .pick_save(self.start_dir(), &name, PROJECT_FILES)
        {
            Picked::File(mut path) => {
                if path.extension().is_none() {
                    path.set_extension(project_file::EXTENSION);
                }
                self.save_to(&path)
            }
            Picked::Cancelled => false,
            Picked::Unavailable(reason) => {
                self.ask_for_path(PathPurpose::Save, reason, &name);
                false
            }
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
                });
            }
            Request::NextInSeries(from) => {
                let date = self
                    .doc
                    .project()
                    .meetings
                    .get(&from)
                    .and_then(|m| m.date.checked_add_months(chrono::Months::new(12)))
                    .unwrap_or(self.today);
                self.dialog = Some(Dialog::NextMeeting {
                    from,
                    date,
                    alternate: true,
                });
            }
            Request::ExportCommitments {
                format,
                language,
                filter,
            } => {
                self.request_export(ExportJob::Commitments {
                    format,
                    language,
                    filter,
                    today: self.today,
                });
            }
            Request::ExportAgenda {
                meeting,
                format,
                language,
            } => self.request_export(ExportJob::Agenda {
                meeting,
                format,
                language,
            }),
            Request::ExportAttendees {
                meeting,
                format,
                language,
            } => self.request_export(ExportJob::Attendees {
                meeting,
                format,
                language,
            }),
            Request::NameCards(meeting) => self.request_export(ExportJob::NameCards(meeting)),
            Request::ImportAttendees(meeting) => {
                self.dialog = Some(Dialog::ImportAttendees(Box::new(ImportState {
                    add_to_meeting: meeting.is_some(),
                    meeting,
                    ..Default::default()
                })));
            }
        }
    }

    /// Adds the next meeting of `from`'s series and selects it (one undo step).
    pub fn create_next_meeting(
        &mut self,
        from: &MeetingId,
        date: chrono::NaiveDate,
        alternate: bool,
    ) {
        let project = self.doc.project();
        let Some(previous) = project.meetings.get(from) else {
            return;
        };
        let next = previous.next_in_series(date, alternate);
        let id = project.new_meeting_id(&format!(
            "{}-{}",
            from.as_str()
                .trim_end_matches(|c: char| c.is_ascii_digit() || c == '-'),
            chrono::Datelike::year(&date)
        ));
        let mut edits = Vec::new();
        if previous.series.is_none() {
            // The first meeting becomes edition 1 of the series the next one continues.
            let mut first = previous.clone();
            first.series = next.series.clone().map(|mut s| {
                s.edition = 1;
                s
            });
            edits.push(Edit::PutMeeting(from.clone(), Box::new(first)));
        }
        edits.push(Edit::PutMeeting(id.clone(), Box::new(next)));
        self.doc.apply(Edit::Batch(edits));
        self.view.meeting = Some(id);
        self.view.agenda_item = None;
    }

    /// Applies the edits the panels produced this frame, through the document's one path.
    fn apply_edits(&mut self, edits: Vec<PendingEdit>) {
        for PendingEdit { edit, merge_key } in edits {
            self.doc.apply_merging(edit, merge_key);
        }
    }

    /// One frame of the whole app; [`eframe::App::ui`] calls it, and so can tests.
    pub fn frame_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        if self.applied_theme != Some(self.settings.dark) {
            ctx.set_theme(if self.settings.dark {
                egui::Theme::Dark
            } else {
                egui::Theme::Light
            });
            self.applied_theme = Some(self.settings.dark);
        }

        // A typing burst ends when focus moves elsewhere.
        let focus = ctx.memory(|m| m.focused());
        if focus != self.last_focus {
            self.doc.seal();
            self.last_focus = focus;
        }

        self.poll_jobs(&ctx);

        let mut commands = if self.dialog.is_none() {
            Command::consume_shortcuts(&ctx)
        } else {
            Vec::new()
        };
        let mut recent_to_open = None;
        ui::menu_ui::menu_bar_ui(ui, self, &mut commands, &mut recent_to_open);
        ui::status_ui::status_bar_ui(ui, self);

        if let Some(opening) = self.opening_job() {
            // The document is about to be replaced: no edits, saves or other opens now.
            commands.retain(|c| !c.changes_document());
            recent_to_open = None;
            egui::CentralPanel::default().show(ui, |ui| {
                ui::status_ui::opening_ui(ui, self.tr(), &opening);
            });
        } else {
            let mut edits = Vec::new();
            ui::nav_ui::nav_ui(
                ui,
                self.settings.language,
                self.doc.project(),
                &mut self.view,
            );
            egui::CentralPanel::default().show(ui, |ui| {
                let mut cx = ui::Cx {
                    document: &self.doc,
                    project: self.doc.project(),
                    language: self.settings.language,
                    revision: self.doc.revision(),
                    edits: &mut edits,
                    today: self.today,
                };
                ui::view_ui(ui, &mut cx, &mut self.view);
            });
            self.apply_edits(edits);
            if let Some(request) = self.view.request.take() {
                self.handle_request(request);
            }
        }

        // Offered once the file is open, so that restoring is not undone by its arrival.
        if self.dialog.is_none()
            && !self.is_opening()
            && let Some(entry) = self.pending_recovery.pop()
        {
            self.dialog = Some(Dialog::Recover(Box::new(entry)));
        }
        if let Some(dialog) = self.dialog.take() {
            self.dialog = ui::dialogs_ui::dialog_ui(&ctx, self, dialog);
        }

        for command in commands {
            self.run_command(&ctx, command);
        }
        if let Some(path) = recent_to_open {
            self.open_recent(&ctx, path);
        }

        if ctx.input(|i| i.viewport().close_requested()) && !self.allow_close {
            if self.doc.is_dirty() {
                ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
                self.dialog = Some(Dialog::ConfirmDiscard {
                    then: AfterConfirm::Quit,
                });
            } else {
                self.allow_close = true;
            }
        }
        self.recovery_ui(&ctx);

        let title = self.window_title();
        if title != self.last_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.last_title = title;
        }
        if let Some(toast) = &self.toast {
            let left = TOAST_TIME.saturating_sub(toast.since.elapsed());
            if left.is_zero() {
                self.toast = None;
            } else {
                ctx.request_repaint_after(left);
            }
        }
    }
}

/// How long a status message stays.
const TOAST_TIME: Duration = Duration::from_secs(6);

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

impl eframe::App for DelegationApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frame_ui(ui);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        // A copy being written must not outlive a saved document as a stale offer.
        self.wait_for_recovery_write();
        if !self.doc.is_dirty() {
            self.recovery.discard();
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if self.doc.path().is_none() {
            // The sample copy or an unsaved project: next start shows the sample again.
            self.settings.last_file = None;
        }
        eframe::set_value(storage, settings::STORAGE_KEY, &self.settings);
    }
}
