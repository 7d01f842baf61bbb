//! The attendee-list import behind its dialog: pasted text parsed (at once when short, on
//! a job when long), a CSV read and matched on a job, its columns re-mapped on a job, and
//! the confirmed preview turned into one edit on a job, then applied.

use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

use super::jobs::{Job, JobView, Poll, Progress};
use super::reading::{read_with_progress, report};
use super::{Dialog, FileKind, ImportStep, Picked, Workspace, file_name};
use crate::document::PreparedEdit;
use crate::i18n::{Language, Localized as _};
use crate::import::attendees::{CsvTable, Field, ImportSummary, Matcher, ParsedPerson, build_edit};
use crate::model::{MeetingId, Project};

/// Lists with more rows than this are freed off the UI thread once imported.
const LARGE_LIST: usize = 5_000;

/// Pasted lists longer than this are parsed on a job; shorter ones at once, as typed.
const PASTE_IN_BACKGROUND: usize = 16 * 1024;

/// CSV files for the open dialog.
pub const CSV_FILES: FileKind = FileKind {
    name: "CSV",
    extensions: &["csv", "tsv", "txt"],
};

/// The import's work on a job: reading a list, or building the edit of a confirmed one.
pub(super) enum ImportRun {
    /// A CSV or pasted list being read for the preview; `None` when cancelled.
    Reading(Job<Option<Result<ImportParsed, String>>>),
    /// The confirmed preview being turned into one edit, applied to a snapshot.
    Applying(Job<Applied>),
}

impl ImportRun {
    fn view(&self) -> JobView<'_> {
        match self {
            Self::Reading(job) => job.view(),
            Self::Applying(job) => job.view(),
        }
    }

    fn cancel(&self) {
        match self {
            Self::Reading(job) => job.progress().cancel(),
            Self::Applying(job) => job.progress().cancel(),
        }
    }
}

/// A confirmed import, applied to a snapshot of the document on a job.
pub(super) struct Applied {
    /// The edit applied; `None` when it changes nothing (everyone was already there).
    prepared: Option<PreparedEdit>,
    summary: ImportSummary,
    rows: usize,
}

/// A list read for the import dialog.
pub(super) struct ImportParsed {
    /// The CSV and its file name, or `None` for pasted text.
    csv: Option<(String, Arc<CsvTable>)>,
    /// The column mapping the preview was made with.
    mapping: Vec<Option<Field>>,
    /// The pasted text the preview was made from.
    text: String,
    /// The people.
    preview: Vec<ParsedPerson>,
}

impl Workspace {
    /// The list being read (or the import being built) for the import dialog.
    pub fn import_job(&self) -> Option<JobView<'_>> {
        self.jobs.import.as_ref().map(ImportRun::view)
    }

    /// Stops reading a list for import (the dialog was closed).
    fn cancel_import(&mut self) {
        if let Some(run) = self.jobs.import.take() {
            run.cancel();
        }
    }

    /// Carries out a step asked for by the import dialog.
    pub(super) fn import_step(&mut self, step: ImportStep) {
        match step {
            ImportStep::Reparse => self.reparse_import(),
            ImportStep::OpenFile => match self.pick_csv() {
                // Read, mapped and matched on a job; the preview arrives when it is done.
                Picked::File(path) => self.start_csv_import(&path),
                Picked::Cancelled | Picked::Unavailable(_) => {}
            },
            ImportStep::Remap => {
                if let Some(Dialog::ImportAttendees(state)) = &self.dialog
                    && let Some((name, table)) = &state.csv
                {
                    let (name, table, mapping) =
                        (name.clone(), Arc::clone(table), state.mapping.clone());
                    self.start_remap(name, table, mapping);
                }
            }
            ImportStep::Confirm => self.start_import_apply(),
            ImportStep::Cancel => {
                self.cancel_import();
                self.dialog = None;
            }
        }
    }

    /// Makes the preview of the pasted text again: at once when short, on a job when long
    /// (a pasted list of thousands of people).
    fn reparse_import(&mut self) {
        let Some(Dialog::ImportAttendees(state)) = &self.dialog else {
            return;
        };
        if !state.text_changed() {
            return;
        }
        let text = state.text.clone();
        self.cancel_import();
        if text.len() < PASTE_IN_BACKGROUND {
            let preview = crate::import::attendees_text::parse(&text, self.doc.project());
            if let Some(Dialog::ImportAttendees(state)) = &mut self.dialog {
                state.preview = preview;
                state.parsed_text = text;
            }
            return;
        }
        if let Some(Dialog::ImportAttendees(state)) = &mut self.dialog {
            // The job sets the preview; meanwhile the text is not parsed again.
            state.parsed_text.clone_from(&text);
        }
        let t = self.tr();
        let project = self.doc.project().clone();
        self.jobs.import = Some(ImportRun::Reading(Job::spawn(
            t.importing,
            move |progress| {
                progress.set_phase(t.phase_matching);
                let matcher = Matcher::new(&project);
                let preview = crate::import::attendees_text::parse_with(&text, &project, &matcher);
                if progress.is_cancelled() {
                    return None;
                }
                Some(Ok(ImportParsed {
                    csv: None,
                    mapping: Vec::new(),
                    text,
                    preview,
                }))
            },
        )));
    }

    /// Reads a CSV file for the import dialog on a job: rows, column mapping, preview.
    fn start_csv_import(&mut self, path: &Path) {
        let (t, language) = (self.tr(), self.language());
        let project = self.doc.project().clone();
        let owned = path.to_owned();
        let label = format!("{} {}", t.importing, file_name(path));
        self.cancel_import();
        self.jobs.import = Some(ImportRun::Reading(Job::spawn(label, move |progress| {
            read_csv_import(&owned, &project, progress, language)
        })));
    }

    /// Makes the preview again from a CSV with a changed column mapping, on a job.
    fn start_remap(&mut self, name: String, table: Arc<CsvTable>, mapping: Vec<Option<Field>>) {
        let t = self.tr();
        let project = self.doc.project().clone();
        let label = format!("{} {name}", t.importing);
        self.cancel_import();
        self.jobs.import = Some(ImportRun::Reading(Job::spawn(label, move |progress| {
            progress.set_phase(t.phase_matching);
            let matcher = Matcher::new(&project);
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
        })));
    }

    /// Turns the confirmed preview into one edit and applies it to a snapshot, on a job
    /// (half a second for 50,000 rows into a 100,000-person project); the dialog shows the
    /// progress, and the result is installed in one step when it is ready.
    fn start_import_apply(&mut self) {
        let Some(Dialog::ImportAttendees(state)) = &self.dialog else {
            return;
        };
        if self.jobs.import.is_some() || state.preview.is_empty() {
            return;
        }
        let preview = state.preview.clone();
        let meeting: Option<MeetingId> = state.meeting.clone().filter(|_| state.add_to_meeting);
        let (project, revision) = self.doc.snapshot();
        let t = self.tr();
        self.jobs.import = Some(ImportRun::Applying(Job::spawn(
            t.importing,
            move |progress| {
                progress.set_phase(t.phase_adding);
                let start = Instant::now();
                let (edit, summary) = build_edit(&project, &preview, meeting.as_ref());
                let built = start.elapsed();
                let prepared = PreparedEdit::prepare(project, revision, edit);
                log::info!(
                    "import of {} people: edit built in {built:?}, applied in {:?}",
                    preview.len(),
                    start.elapsed().saturating_sub(built)
                );
                Applied {
                    prepared,
                    summary,
                    rows: preview.len(),
                }
            },
        )));
    }

    pub(super) fn poll_import(&mut self) {
        let Some(run) = &mut self.jobs.import else {
            return;
        };
        match run {
            ImportRun::Reading(job) => {
                let outcome = match job.poll() {
                    Poll::Running => return,
                    Poll::Done(outcome) => outcome,
                    Poll::Panicked(message) => Some(Err(message)),
                };
                self.jobs.import = None;
                self.import_read(outcome);
            }
            ImportRun::Applying(job) => {
                let outcome = match job.poll() {
                    Poll::Running => return,
                    Poll::Done(outcome) => Ok(outcome),
                    Poll::Panicked(message) => Err(message),
                };
                self.jobs.import = None;
                match outcome {
                    Ok(applied) => self.install_import(applied),
                    Err(message) => self.show_job_failure(&message),
                }
            }
        }
    }

    /// Installs a confirmed import as one undo step.
    fn install_import(&mut self, applied: Applied) {
        let Applied {
            prepared,
            summary,
            rows,
        } = applied;
        // The dialog holds the preview and the table read: freeing 50,000 rows takes
        // longer than a frame.
        let closed = self.dialog.take();
        super::drop_in_background(closed, rows > LARGE_LIST);
        if let Some(prepared) = prepared
            && let Err(stale) = self.install_prepared(prepared)
        {
            // The dialog is modal, so the document cannot change meanwhile; were it to,
            // nothing is lost: the edit is refused and the user is told.
            log::error!("an import of {rows} rows was refused: {stale}");
            let t = self.tr();
            self.show_error(t.job_failed, t.import_stale);
            return;
        }
        self.report_import(&summary);
    }

    fn import_read(&mut self, outcome: Option<Result<ImportParsed, String>>) {
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

    /// Asks for a CSV file to import, in the interface language.
    fn pick_csv(&mut self) -> Picked {
        self.dialogs.set_language(self.language());
        self.dialogs.pick_open(self.start_dir(), CSV_FILES)
    }

    /// Says in the status bar what an import added and matched.
    fn report_import(&mut self, summary: &ImportSummary) {
        let t = self.tr();
        let count = |n: usize, one: &str, many: &str| {
            if n == 1 {
                one.to_owned()
            } else {
                many.replace("{n}", &super::thousands(n))
            }
        };
        let text = t
            .import_added
            .replace(
                "{people}",
                &count(summary.added_people.len(), t.one_person, t.n_people),
            )
            .replace(
                "{organisations}",
                &count(
                    summary.added_organisations.len(),
                    t.one_organisation,
                    t.n_organisations,
                ),
            )
            .replace("{matched}", &super::thousands(summary.matched_people.len()));
        self.toast(text);
    }
}

fn read_csv_import(
    path: &Path,
    project: &Project,
    progress: &Progress,
    language: Language,
) -> Option<Result<ImportParsed, String>> {
    let t = language.strings();
    let failed = |message: String| Some(Err(format!("{message}\n\n{}", path.display())));
    let start = Instant::now();
    progress.set_phase(t.phase_reading);
    let bytes = match read_with_progress(path, progress)? {
        Ok((bytes, _)) => bytes,
        Err(err) => return failed(err.localized(language)),
    };
    progress.set_phase(t.phase_rows);
    let table = match crate::import::attendees::read_csv(&bytes) {
        Ok(table) => table,
        Err(err) => return failed(err.localized(language)),
    };
    let mapping = crate::import::attendees::guess_mapping(&table.headers);
    let read = start.elapsed();
    progress.set_phase(t.phase_matching);
    let matcher = Matcher::new(project);
    progress.set_total(table.rows.len() as u64);
    let preview =
        crate::import::attendees::rows_to_people_with(&table, &mapping, &matcher, &mut |done| {
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
