//! The app's long work on [`Job`]s: opening a project, reading a CSV or a long pasted list
//! for import, writing an export, reading the recovery copies left by a crash. The UI thread
//! starts them, polls them once a frame and takes their results in.

use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use super::{DelegationApp, Dialog, ExportJob, file_name};
use crate::i18n::Strings;
use crate::import::attendees::{CsvTable, Field, Matcher, ParsedPerson};
use crate::model::{Project, validate};
use crate::project_file::{self, Fingerprint, LoadError, MAX_FILE_SIZE};
use crate::workspace::jobs::{Job, Poll, Progress, REPAINT_EVERY};
use crate::workspace::recovery::{self, RecoveryEntry};

/// Pasted lists longer than this are parsed on a job; shorter ones at once, as typed.
const PASTE_IN_BACKGROUND: usize = 16 * 1024;

/// How much of a file is read between two progress reports.
const CHUNK: usize = 1 << 20;

/// The jobs of the app, at most one of each kind.
#[derive(Default)]
pub(crate) struct Jobs {
    /// A project being opened.
    open: Option<OpenRun>,
    /// An export being written.
    export: Option<ExportRun>,
    /// A CSV or pasted list being read for the import dialog.
    import: Option<Job<Option<Result<ImportParsed, String>>>>,
    /// The recovery copies of earlier sessions being read.
    recovery: Option<Job<Vec<RecoveryEntry>>>,
    /// A recovery copy being written: its file, revision and how it went.
    recovery_write: Option<RecoveryWrite>,
}

struct RecoveryWrite {
    job: Job<Result<(), recovery::RecoveryError>>,
    target: PathBuf,
    revision: u64,
}

/// A project file, read and checked.
pub(crate) struct Opened {
    project: Project,
    fingerprint: Fingerprint,
    /// What [`validate`] found, in words.
    problems: Vec<String>,
}

impl Opened {
    pub(crate) fn new(project: Project, fingerprint: Fingerprint, problems: Vec<String>) -> Self {
        Self {
            project,
            fingerprint,
            problems,
        }
    }
}

impl Jobs {
    /// Forgets the project being opened (its thread finishes on its own).
    pub(crate) fn cancel_open(&mut self) {
        if let Some(run) = self.open.take() {
            run.job.progress().cancel();
        }
    }
}

struct OpenRun {
    /// `None` when the user cancelled while the file was read.
    job: Job<Option<Result<Opened, LoadError>>>,
    path: PathBuf,
    /// Opened at start: if it fails, the sample is shown rather than an empty window.
    at_start: bool,
}

/// What an export job did.
enum ExportOutcome {
    /// Written; for name cards, how many.
    Written(Option<usize>),
    Cancelled,
    Failed(String),
}

struct ExportRun {
    job: Job<ExportOutcome>,
    path: PathBuf,
}

/// A list read for the import dialog.
pub(crate) struct ImportParsed {
    /// The CSV and its file name, or `None` for pasted text.
    csv: Option<(String, Arc<CsvTable>)>,
    /// The column mapping the preview was made with.
    mapping: Vec<Option<Field>>,
    /// The pasted text the preview was made from.
    text: String,
    /// The people.
    preview: Vec<ParsedPerson>,
}

/// What the UI shows of a running job.
pub struct JobView<'a> {
    /// What is done ("Opening big.ron…").
    pub label: &'a str,
    /// How far it got.
    pub progress: &'a Progress,
}

impl DelegationApp {
    /// Whether a project is being opened: edits, saves and other opens wait meanwhile.
    pub fn is_opening(&self) -> bool {
        self.jobs.open.is_some()
    }

    /// Whether any background job runs (tests step frames until none does).
    pub fn is_busy(&self) -> bool {
        let Jobs {
            open,
            export,
            import,
            recovery,
            recovery_write,
        } = &self.jobs;
        open.is_some()
            || export.is_some()
            || import.is_some()
            || recovery.is_some()
            || recovery_write.is_some()
    }

    /// The project being opened, for the "Opening…" view.
    pub fn opening_job(&self) -> Option<JobView<'_>> {
        self.jobs.open.as_ref().map(|run| JobView {
            label: run.job.label(),
            progress: run.job.progress(),
        })
    }

    /// The export being written, for the status bar.
    pub fn export_job(&self) -> Option<JobView<'_>> {
        self.jobs.export.as_ref().map(|run| JobView {
            label: run.job.label(),
            progress: run.job.progress(),
        })
    }

    /// The list being read for the import dialog.
    pub fn import_job(&self) -> Option<JobView<'_>> {
        self.jobs.import.as_ref().map(|job| JobView {
            label: job.label(),
            progress: job.progress(),
        })
    }

    /// Stops reading a list for import (the dialog was closed).
    pub fn cancel_import(&mut self) {
        if let Some(job) = self.jobs.import.take() {
            job.progress().cancel();
        }
    }

    /// Opens `path` on a background job: the window keeps drawing and shows how far the
    /// reading got; the project replaces the current one when it is ready. `at_start`:
    /// the launch's file, replaced by the sample if it cannot be opened.
    pub fn start_open(&mut self, path: &Path, at_start: bool) {
        let t = self.tr();
        let label = format!("{} {}…", t.opening, file_name(path));
        let owned = path.to_owned();
        let job = Job::spawn(label, move |progress| read_and_check(&owned, progress, t));
        // A newer open replaces one still running; the old thread's result is dropped.
        self.jobs.open = Some(OpenRun {
            job,
            path: path.to_owned(),
            at_start,
        });
    }

    /// Reads the recovery copies found at start on a job; they are offered once read.
    pub(super) fn start_recovery_scan(&mut self) {
        let files = self.recovery.claim_foreign();
        if !files.is_empty() {
            self.jobs.recovery = Some(Job::spawn("recovery", move |_| {
                recovery::read_entries(files)
            }));
        }
    }

    /// Writes `job` to `path` on a background job, with its progress in the status bar.
    pub fn start_export(&mut self, job: &ExportJob, path: &Path) {
        let t = self.tr();
        if self.jobs.export.is_some() {
            self.toast(t.busy.to_owned());
            return;
        }
        let mut path = path.to_owned();
        if path.extension().is_none() {
            path.set_extension(job.extension());
        }
        let project = export_snapshot(job, self.doc.project());
        let label = format!("{} {}", t.exporting, file_name(&path));
        let (job, target) = (job.clone(), path.clone());
        let work = Job::spawn(label, move |progress| {
            write_export(&job, &project, &target, progress, t)
        });
        self.jobs.export = Some(ExportRun { job: work, path });
    }

    /// Reads a CSV file for the import dialog on a job: rows, column mapping, preview.
    pub fn start_csv_import(&mut self, path: &Path) {
        let t = self.tr();
        let matcher = Matcher::new(self.doc.project());
        let owned = path.to_owned();
        let label = format!("{} {}", t.importing, file_name(path));
        self.cancel_import();
        self.jobs.import = Some(Job::spawn(label, move |progress| {
            read_csv_import(&owned, &matcher, progress, t)
        }));
    }

    /// Makes the preview again from a CSV with a changed column mapping, on a job.
    pub fn start_remap(&mut self, name: String, table: Arc<CsvTable>, mapping: Vec<Option<Field>>) {
        let t = self.tr();
        let matcher = Matcher::new(self.doc.project());
        let label = format!("{} {name}", t.importing);
        self.cancel_import();
        self.jobs.import = Some(Job::spawn(label, move |progress| {
            progress.set_phase(t.phase_matching);
            progress.set_total(table.rows.len() as u64);
            let preview = crate::import::attendees::rows_to_people_with(
                &table,
                &mapping,
                &matcher,
                &mut |done| report(progress, done),
            )?;
            Some(Ok(ImportParsed {
                csv: Some((name, table)),
                mapping,
                text: String::new(),
                preview,
            }))
        }));
    }

    /// Parses pasted text for the import preview: at once when short, on a job when long
    /// (a pasted list of thousands of people). Returns the preview when made at once.
    pub fn parse_pasted(&mut self, text: &str) -> Option<Vec<ParsedPerson>> {
        if text.len() < PASTE_IN_BACKGROUND {
            self.cancel_import();
            return Some(crate::import::attendees_text::parse(
                text,
                self.doc.project(),
            ));
        }
        let t = self.tr();
        let matcher = Matcher::new(self.doc.project());
        // The parser looks organisations up in the project; people go through the matcher.
        let organisations = Project {
            organisations: self.doc.project().organisations.clone(),
            ..Project::default()
        };
        let text = text.to_owned();
        self.cancel_import();
        self.jobs.import = Some(Job::spawn(t.importing, move |progress| {
            progress.set_phase(t.phase_matching);
            let preview =
                crate::import::attendees_text::parse_with(&text, &organisations, &matcher);
            if progress.is_cancelled() {
                return None;
            }
            Some(Ok(ImportParsed {
                csv: None,
                mapping: Vec::new(),
                text,
                preview,
            }))
        }));
        None
    }

    /// Whether a recovery copy is being written.
    pub(super) fn recovery_write_running(&self) -> bool {
        self.jobs.recovery_write.is_some()
    }

    /// Writes a recovery copy of the document to `target` on a job.
    pub(super) fn start_recovery_write(&mut self, target: PathBuf) {
        // The text is made here (the project cannot leave the UI thread without a copy,
        // which costs twice as long); only the writing and syncing go to the job.
        let serialised = Instant::now();
        let name = self.document_name();
        let revision = self.doc.revision();
        let text = recovery::copy_text(&recovery::Snapshot {
            project: self.doc.project(),
            path: self.doc.path(),
            name: &name,
            base: self.doc.disk_fingerprint(),
            revision,
        });
        log::info!(
            "recovery copy serialised on the UI thread in {:?}",
            serialised.elapsed()
        );
        let file = target.clone();
        let job = Job::spawn("recovery copy", move |_| {
            let start = Instant::now();
            let result = text.and_then(|text| recovery::write_text(&file, &text));
            log::info!(
                "recovery copy written in the background in {:?}",
                start.elapsed()
            );
            result
        });
        self.jobs.recovery_write = Some(RecoveryWrite {
            job,
            target,
            revision,
        });
    }

    /// Takes note of a finished recovery copy.
    pub(super) fn poll_recovery_write(&mut self) {
        let Some(write) = &mut self.jobs.recovery_write else {
            return;
        };
        let result = match write.job.poll() {
            Poll::Running => return,
            Poll::Done(result) => result,
            Poll::Panicked(message) => Err(recovery::RecoveryError::Serialize(message)),
        };
        self.recovery_written(result);
    }

    /// Waits for a recovery copy being written (at quit: it must not outlive the session
    /// as a stale offer).
    pub(super) fn wait_for_recovery_write(&mut self) {
        let Some(write) = self.jobs.recovery_write.as_ref() else {
            return;
        };
        while !write.job.is_finished() {
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        self.poll_recovery_write();
    }

    fn recovery_written(&mut self, result: Result<(), recovery::RecoveryError>) {
        let Some(RecoveryWrite {
            target, revision, ..
        }) = self.jobs.recovery_write.take()
        else {
            return;
        };
        if let Err(Some(err)) = self.recovery.written_to(target, revision, result) {
            let text = format!("{} ({err})", self.tr().recovery_failed);
            self.toast(text);
        }
    }

    /// Takes in what finished jobs produced; asks for repaints while any runs.
    pub(super) fn poll_jobs(&mut self, ctx: &egui::Context) {
        self.poll_open();
        self.poll_export();
        self.poll_import();
        if let Some(job) = &mut self.jobs.recovery {
            match job.poll() {
                Poll::Running => {}
                Poll::Done(entries) => {
                    self.jobs.recovery = None;
                    self.pending_recovery = entries;
                }
                Poll::Panicked(message) => {
                    self.jobs.recovery = None;
                    log::error!("reading the recovery copies failed: {message}");
                }
            }
        }
        if self.is_busy() {
            ctx.request_repaint_after(REPAINT_EVERY);
        }
    }

    fn poll_open(&mut self) {
        let Some(run) = &mut self.jobs.open else {
            return;
        };
        if run.job.progress().is_cancelled() {
            // Nothing changed yet: let the thread finish on its own, drop what it reads.
            let at_start = run.at_start;
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
                let at_start = run.at_start;
                self.jobs.open = None;
                self.show_job_failure(&message);
                if at_start {
                    self.open_sample();
                }
                return;
            }
        };
        let Some(OpenRun { path, at_start, .. }) = self.jobs.open.take() else {
            return;
        };
        match outcome {
            None => {
                if at_start {
                    self.open_sample();
                }
            }
            Some(Ok(opened)) => self.finish_open(&path, opened),
            Some(Err(err)) => {
                self.fail_open(&path, &err);
                if at_start {
                    self.open_sample();
                }
            }
        }
    }

    fn poll_export(&mut self) {
        let Some(run) = &mut self.jobs.export else {
            return;
        };
        let outcome = match run.job.poll() {
            Poll::Running => return,
            Poll::Done(outcome) => outcome,
            Poll::Panicked(message) => ExportOutcome::Failed(message),
        };
        let Some(ExportRun { path, .. }) = self.jobs.export.take() else {
            return;
        };
        let t = self.tr();
        match outcome {
            ExportOutcome::Written(cards) => {
                let mut text = format!("{} {}", t.exported, file_name(&path));
                if let Some(n) = cards {
                    text.push_str(&format!(" ({} {})", thousands(n), t.cards_unit));
                }
                self.toast(text);
            }
            ExportOutcome::Cancelled => self.toast(t.cancelled.to_owned()),
            ExportOutcome::Failed(message) => {
                self.show_error(t.export_failed, &format!("{message}\n\n{}", path.display()));
            }
        }
    }

    fn poll_import(&mut self) {
        let Some(job) = &mut self.jobs.import else {
            return;
        };
        let outcome = match job.poll() {
            Poll::Running => return,
            Poll::Done(outcome) => outcome,
            Poll::Panicked(message) => Some(Err(message)),
        };
        self.jobs.import = None;
        match outcome {
            None => {}
            Some(Ok(parsed)) => {
                // The dialog may have been closed meanwhile: then the result is not wanted.
                if let Some(Dialog::ImportAttendees(state)) = &mut self.dialog {
                    if let Some(csv) = parsed.csv {
                        state.csv = Some(csv);
                        state.mapping = parsed.mapping;
                    } else {
                        state.parsed_text = parsed.text;
                    }
                    state.preview = parsed.preview;
                }
            }
            Some(Err(message)) => {
                let t = self.tr();
                self.show_error(t.dlg_open_failed, &message);
            }
        }
    }

    /// The project read by an open job (or [`DelegationApp::open_path`]) becomes the document.
    pub(super) fn finish_open(&mut self, path: &Path, opened: Opened) {
        let Opened {
            project,
            fingerprint,
            problems,
        } = opened;
        self.doc = crate::document::Document::from_file(project, path.to_owned());
        self.doc.set_disk_fingerprint(Some(fingerprint));
        self.unsaved_name = None;
        self.view = crate::ui::ViewState::default();
        self.settings.remember(path);
        self.toast(format!("{} {}", self.tr().opened, file_name(path)));
        if !problems.is_empty() {
            self.dialog = Some(Dialog::Problems(problems));
        }
    }

    /// Says why `path` could not be opened; a vanished file leaves the recent list.
    pub(super) fn fail_open(&mut self, path: &Path, err: &LoadError) {
        if matches!(err, LoadError::Io { source, .. } if source.kind() == std::io::ErrorKind::NotFound)
        {
            self.settings.forget(path);
        }
        self.show_load_error(err);
    }

    fn show_job_failure(&mut self, message: &str) {
        let t = self.tr();
        self.show_error(t.job_failed, &format!("{}\n\n{message}", t.job_failed_body));
    }
}

/// Reads a project file: bytes with progress, then parsing, then validation, all off the
/// UI thread. `None` when cancelled while reading.
pub(crate) fn read_and_check(
    path: &Path,
    progress: &Progress,
    t: &'static Strings,
) -> Option<Result<Opened, LoadError>> {
    let start = Instant::now();
    progress.set_phase(t.phase_reading);
    let (bytes, modified) = match read_with_progress(path, progress) {
        Some(Ok(read)) => read,
        Some(Err(err)) => return Some(Err(err)),
        None => return None,
    };
    let read = start.elapsed();
    progress.set_phase(t.phase_parsing);
    let project = match project_file::parse_project(&bytes, path) {
        Ok(project) => project,
        Err(err) => return Some(Err(err)),
    };
    let parsed = start.elapsed();
    progress.set_phase(t.phase_checking);
    let fingerprint = Fingerprint::of_bytes(&bytes, modified);
    let problems = validate(&project).iter().map(ToString::to_string).collect();
    // In the log, so that a slow open in the field can be told apart: disk, parser, checks.
    log::info!(
        "read {} ({} bytes) in the background: read {read:?}, parsed {:?}, checked {:?}",
        path.display(),
        bytes.len(),
        parsed.saturating_sub(read),
        start.elapsed().saturating_sub(parsed)
    );
    Some(Ok(Opened {
        project,
        fingerprint,
        problems,
    }))
}

/// A file read whole (no larger than [`MAX_FILE_SIZE`]) in chunks, counting bytes done;
/// `None` when cancelled.
type ReadResult = Result<(Vec<u8>, Option<std::time::SystemTime>), LoadError>;

fn read_with_progress(path: &Path, progress: &Progress) -> Option<ReadResult> {
    let io_error = |source| LoadError::Io {
        path: path.to_owned(),
        source,
    };
    let too_large = |size| LoadError::TooLarge {
        path: path.to_owned(),
        size,
        max: MAX_FILE_SIZE,
    };
    let file = match std::fs::File::open(path) {
        Ok(file) => file,
        Err(err) => return Some(Err(io_error(err))),
    };
    let meta = match file.metadata() {
        Ok(meta) => meta,
        Err(err) => return Some(Err(io_error(err))),
    };
    if meta.len() > MAX_FILE_SIZE {
        return Some(Err(too_large(meta.len())));
    }
    progress.set_total_bytes(meta.len());
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    // `take` guards against a file that grows while being read.
    let mut reader = file.take(MAX_FILE_SIZE + 1);
    let mut chunk = vec![0; CHUNK];
    loop {
        if progress.is_cancelled() {
            return None;
        }
        match reader.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => {
                bytes.extend_from_slice(chunk.get(..n).unwrap_or_default());
                progress.set_done(bytes.len() as u64);
            }
            Err(err) if err.kind() == std::io::ErrorKind::Interrupted => {}
            Err(err) => return Some(Err(io_error(err))),
        }
    }
    if bytes.len() as u64 > MAX_FILE_SIZE {
        return Some(Err(too_large(bytes.len() as u64)));
    }
    Some(Ok((bytes, meta.modified().ok())))
}

/// Reports `done` rows; false when the user cancelled.
fn report(progress: &Progress, done: usize) -> bool {
    progress.set_done(done as u64);
    !progress.is_cancelled()
}

fn read_csv_import(
    path: &Path,
    matcher: &Matcher,
    progress: &Progress,
    t: &'static Strings,
) -> Option<Result<ImportParsed, String>> {
    let failed = |message: String| Some(Err(format!("{message}\n\n{}", path.display())));
    let start = Instant::now();
    progress.set_phase(t.phase_reading);
    let bytes = match read_with_progress(path, progress)? {
        Ok((bytes, _)) => bytes,
        Err(err) => return failed(err.message()),
    };
    progress.set_phase(t.phase_rows);
    let table = match crate::import::attendees::read_csv(&bytes) {
        Ok(table) => table,
        Err(err) => return failed(err.to_string()),
    };
    let mapping = crate::import::attendees::guess_mapping(&table.headers);
    let read = start.elapsed();
    progress.set_phase(t.phase_matching);
    progress.set_total(table.rows.len() as u64);
    let preview =
        crate::import::attendees::rows_to_people_with(&table, &mapping, matcher, &mut |done| {
            report(progress, done)
        })?;
    log::info!(
        "read {} rows of {} in the background: read {read:?}, matched {:?}",
        table.rows.len(),
        path.display(),
        start.elapsed().saturating_sub(read)
    );
    Some(Ok(ImportParsed {
        csv: Some((file_name(path), Arc::new(table))),
        mapping,
        text: String::new(),
        preview,
    }))
}

/// What an export needs of the project, copied for its thread. Attendee lists and name
/// cards of one meeting need only that meeting and its people: copying them is far cheaper
/// than copying 100,000 people on the UI thread.
fn export_snapshot(job: &ExportJob, project: &Project) -> Project {
    let meeting = match job {
        ExportJob::NameCards(id)
        | ExportJob::Attendees {
            meeting: Some(id), ..
        } => project.meetings.get_key_value(id),
        _ => return project.clone(),
    };
    let Some((id, meeting)) = meeting else {
        // The meeting is gone: rendering says so.
        return Project {
            info: project.info.clone(),
            ..Project::default()
        };
    };
    Project {
        info: project.info.clone(),
        organisations: project.organisations.clone(),
        people: meeting
            .attendees
            .iter()
            .filter_map(|a| project.people.get_key_value(&a.person))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect(),
        meetings: std::iter::once((id.clone(), meeting.clone())).collect(),
        commitments: Default::default(),
    }
}

fn write_export(
    job: &ExportJob,
    project: &Project,
    path: &Path,
    progress: &Progress,
    t: &'static Strings,
) -> ExportOutcome {
    let start = Instant::now();
    let rendered = match job {
        ExportJob::NameCards(id) => match project.meetings.get(id) {
            None => Err(format!("the meeting `{id}` no longer exists")),
            Some(meeting) => {
                progress.set_phase(t.phase_drawing_cards);
                let mut on_page = |done: usize, total: usize| {
                    progress.set_total(total as u64);
                    report(progress, done)
                };
                match crate::export::attendees::name_cards_with(project, meeting, &mut on_page) {
                    Ok((bytes, n)) => Ok((bytes, Some(n))),
                    Err(crate::export::attendees::AttendeeExportError::Pdf(
                        crate::export::pdf::PdfError::Cancelled,
                    )) => return ExportOutcome::Cancelled,
                    Err(err) => Err(err.to_string()),
                }
            }
        },
        other => {
            progress.set_phase(t.phase_rendering);
            other.render(project).map(|bytes| (bytes, None))
        }
    };
    let (bytes, cards) = match rendered {
        Ok(done) => done,
        Err(message) => return ExportOutcome::Failed(message),
    };
    // The last moment a cancel leaves no file behind.
    if progress.is_cancelled() {
        return ExportOutcome::Cancelled;
    }
    progress.set_phase(t.phase_writing);
    let rendered_in = start.elapsed();
    match project_file::write_file_atomically(path, &bytes) {
        Ok(()) => {
            log::info!(
                "exported {} ({} bytes) in the background: rendered {rendered_in:?}, written {:?}",
                path.display(),
                bytes.len(),
                start.elapsed().saturating_sub(rendered_in)
            );
            ExportOutcome::Written(cards)
        }
        Err(err) => ExportOutcome::Failed(err.to_string()),
    }
}

/// `2000` → `2,000`.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn thousands_are_grouped() {
        assert_eq!(super::thousands(7), "7");
        assert_eq!(super::thousands(2000), "2,000");
        assert_eq!(super::thousands(1_234_567), "1,234,567");
    }
}
