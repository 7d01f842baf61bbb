//! The attendee-list import behind its dialog: pasted text parsed (at once when short, on
//! a job when long), a list file (workbook, CSV/TSV in any encoding, text) read and
//! matched on a job, read again with another encoding or sheet, its columns re-mapped on
//! a job (the mapping remembered for lists with the same headers), and the confirmed
//! preview turned into one edit on a job, then applied.

use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

use super::jobs::{Job, JobView, Poll, Progress};
use super::reading::report;
use super::{
    Dialog, FileKind, ImportFile, ImportStep, PathPurpose, Picked, Said, Workspace, file_name,
};
use crate::document::PreparedEdit;
use crate::i18n::{Language, Localized as _};
use crate::import::attendees::{
    Field, ImportSummary, Matcher, ParsedPerson, Preview, Table, build_edit,
};
use crate::import::gate::read_input;
use crate::import::headers::{header_set_key, mapping_to_keys};
use crate::import::list::{ListError, ListKind, ListRead, ReadOptions};
use crate::import::source::BadBytes;
use crate::import::update::find_changes;
use crate::model::{MeetingId, Project};

mod programme_file;

/// Lists with more rows than this are freed off the UI thread once imported.
const LARGE_LIST: usize = 5_000;

/// Pasted lists longer than this are parsed on a job; shorter ones at once, as typed.
const PASTE_IN_BACKGROUND: usize = 16 * 1024;

/// List files for the open dialog.
pub const CSV_FILES: FileKind = FileKind {
    name: "Lists",
    extensions: &["xlsx", "xlsm", "xls", "ods", "csv", "tsv", "txt", "docx"],
};

/// The import's work on a job: reading a list, or building the edit of a confirmed one.
pub(super) enum ImportRun {
    /// A list being read for the preview; `None` when cancelled.
    Reading(Job<Option<Result<ImportParsed, Said>>>),
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
    /// The file and how it was read, or `None` for pasted text.
    file: Option<ImportFile>,
    /// The table, when the list is one.
    table: Option<Arc<Table>>,
    /// The column mapping the preview was made with.
    mapping: Vec<Option<Field>>,
    /// The pasted text the preview was made from.
    text: String,
    /// The people and the skipped rows.
    preview: Preview,
    /// Bytes of the file not valid in its encoding.
    damaged: Vec<BadBytes>,
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

    /// The meeting an import compares attendance with.
    fn import_meeting(&self) -> Option<MeetingId> {
        match &self.dialog {
            Some(Dialog::ImportAttendees(state)) => state.meeting.clone(),
            _ => None,
        }
    }

    /// Carries out a step asked for by the import dialog.
    pub(super) fn import_step(&mut self, step: ImportStep) {
        match step {
            ImportStep::Reparse => self.reparse_import(),
            ImportStep::OpenProgramme => self.open_programme_file(),
            ImportStep::OpenFile => match self.pick_csv() {
                // Read, mapped and matched on a job; the preview arrives when it is done.
                Picked::File(path) => self.start_file_import(&path, None, None),
                Picked::Cancelled => {}
                // No portal and no zenity: the app's own file browser, as for Save; the
                // import dialog comes back as it was once a list is chosen (or none).
                Picked::Unavailable(reason) => {
                    log::warn!(
                        "no file dialog for the import: {}",
                        reason.text(Language::English)
                    );
                    if let Some(Dialog::ImportAttendees(state)) = self.dialog.take() {
                        self.ask_for_path(PathPurpose::List(state), reason, "");
                    }
                }
            },
            ImportStep::Reread => {
                if let Some(Dialog::ImportAttendees(state)) = &self.dialog
                    && let Some(file) = &state.file
                {
                    let (path, encoding, sheet) =
                        (file.path.clone(), file.encoding.clone(), file.sheet.clone());
                    self.start_file_import(&path, encoding, sheet);
                }
            }
            ImportStep::Remap => {
                if let Some(Dialog::ImportAttendees(state)) = &self.dialog
                    && let Some(table) = &state.table
                {
                    let (table, mapping) = (Arc::clone(table), state.mapping.clone());
                    let file = state.file.clone();
                    let text = state.parsed_text.clone();
                    let damaged = state.damaged.clone();
                    // Lists with the same headers are read this way from now on.
                    self.settings
                        .import_mappings
                        .insert(header_set_key(&table.headers), mapping_to_keys(&mapping));
                    self.start_remap(file, text, table, mapping, damaged);
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
        let meeting = state.meeting.clone();
        self.cancel_import();
        if text.len() < PASTE_IN_BACKGROUND {
            let project = self.doc.project();
            let parsed = read_pasted(&text, project, meeting.as_ref(), &Matcher::new(project));
            self.import_read(Some(Ok(parsed)));
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
                let parsed = read_pasted(&text, &project, meeting.as_ref(), &matcher);
                if progress.is_cancelled() {
                    return None;
                }
                Some(Ok(parsed))
            },
        )));
    }

    /// Reads a list file for the import dialog on a job: what it is, its rows, column
    /// mapping (a remembered one for these headers), preview and changes.
    pub(super) fn start_file_import(
        &mut self,
        path: &Path,
        encoding: Option<String>,
        sheet: Option<String>,
    ) {
        let (t, language) = (self.tr(), self.language());
        let project = self.doc.project().clone();
        let meeting = self.import_meeting();
        let owned = path.to_owned();
        let label = format!("{} {}", t.importing, file_name(path));
        let options = ReadOptions {
            sheet: sheet.clone(),
            encoding: encoding
                .as_deref()
                .and_then(crate::import::source::encoding_by_name),
            remembered: self.settings.import_mappings.clone(),
            keep_unmapped: true,
        };
        self.cancel_import();
        self.jobs.import = Some(ImportRun::Reading(Job::spawn(label, move |progress| {
            let request = FileRequest {
                path: &owned,
                options: &options,
                encoding,
                sheet,
            };
            read_file_import(&request, &project, meeting.as_ref(), progress, language)
        })));
    }

    /// Makes the preview again from a table with a changed column mapping, on a job.
    fn start_remap(
        &mut self,
        file: Option<ImportFile>,
        text: String,
        table: Arc<Table>,
        mapping: Vec<Option<Field>>,
        damaged: Vec<BadBytes>,
    ) {
        let t = self.tr();
        let project = self.doc.project().clone();
        let meeting = self.import_meeting();
        let label = match &file {
            Some(file) => format!("{} {}", t.importing, file.name),
            None => t.importing.to_owned(),
        };
        self.cancel_import();
        self.jobs.import = Some(ImportRun::Reading(Job::spawn(label, move |progress| {
            progress.set_phase(t.phase_matching);
            let matcher = Matcher::new(&project);
            progress.set_total(table.rows.len() as u64);
            let mut preview =
                crate::import::rows::rows_to_preview(&table, &mapping, &matcher, &mut |done| {
                    report(progress, done)
                })?;
            let meeting = meeting.as_ref().and_then(|id| project.meetings.get(id));
            find_changes(&project, meeting, &mut preview.people, false);
            Some(Ok(ImportParsed {
                file,
                table: Some(table),
                mapping,
                text,
                preview,
                damaged,
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
        let preview: Vec<ParsedPerson> = state.preview.clone();
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
                    Poll::Panicked(message) => Some(Err(Said::new(|_| message.clone()))),
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
            self.show_error(
                Said::fixed(|t| t.job_failed),
                Said::fixed(|t| t.import_stale),
            );
            return;
        }
        self.report_import(&summary);
    }

    fn import_read(&mut self, outcome: Option<Result<ImportParsed, Said>>) {
        match outcome {
            None => {}
            Some(Ok(parsed)) => {
                // The dialog may have been closed meanwhile: then the result is not wanted.
                if let Some(Dialog::ImportAttendees(state)) = &mut self.dialog {
                    state.error = None;
                    if parsed.file.is_some() {
                        state.file = parsed.file;
                    } else {
                        state.parsed_text = parsed.text;
                    }
                    state.table = parsed.table;
                    state.mapping = parsed.mapping;
                    state.preview = parsed.preview.people;
                    state.skipped = parsed.preview.skipped;
                    state.damaged = parsed.damaged;
                }
            }
            Some(Err(message)) => {
                if let Some(Dialog::ImportAttendees(state)) = &mut self.dialog {
                    // The dialog stays with the preview it had, the choice of encoding or
                    // sheet back on the one that preview was read with; the message says
                    // what is wrong, and the user picks another file or encoding.
                    if let Some(file) = &mut state.file {
                        file.undo_choice();
                    }
                    state.error = Some(message);
                } else {
                    self.show_error(Said::fixed(|t| t.list_read_failed), message);
                }
            }
        }
    }

    /// Asks for a list file to import, in the interface language.
    fn pick_csv(&mut self) -> Picked {
        self.dialogs.set_language(self.language());
        self.dialogs.pick_open(self.start_dir(), CSV_FILES)
    }

    /// Says in the status bar what an import added, matched and updated, and how many
    /// name cards to print again.
    fn report_import(&mut self, summary: &ImportSummary) {
        let said = Said::with(|t| {
            let count = |n: usize, one: &str, many: &str| {
                if n == 1 {
                    one.to_owned()
                } else {
                    many.replace("{n}", &super::thousands(n))
                }
            };
            let mut text = t
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
            if !summary.updated_people.is_empty() {
                text.push_str(&t.import_updated.replace(
                    "{people}",
                    &count(summary.updated_people.len(), t.one_person, t.n_people),
                ));
            }
            if summary.name_cards_changed > 0 {
                text.push_str(
                    &t.import_cards
                        .replace("{cards}", &super::thousands(summary.name_cards_changed)),
                );
            }
            text
        });
        self.toast(said);
    }
}

/// Pasted text read for the preview, with the changes it makes to people already there.
fn read_pasted(
    text: &str,
    project: &Project,
    meeting: Option<&MeetingId>,
    matcher: &Matcher,
) -> ImportParsed {
    let read = crate::import::list::read_pasted(text, matcher);
    let mut parsed = parsed_from(read, None, text.to_owned());
    let meeting = meeting.and_then(|id| project.meetings.get(id));
    find_changes(project, meeting, &mut parsed.preview.people, false);
    parsed
}

fn parsed_from(read: ListRead, file: Option<ImportFile>, text: String) -> ImportParsed {
    ImportParsed {
        file,
        table: read.table.map(Arc::new),
        mapping: read.mapping,
        text,
        preview: read.preview,
        damaged: read.damaged,
    }
}

/// A list file to read, and the choices made about it.
struct FileRequest<'a> {
    path: &'a Path,
    options: &'a ReadOptions,
    encoding: Option<String>,
    sheet: Option<String>,
}

fn read_file_import(
    request: &FileRequest<'_>,
    project: &Project,
    meeting: Option<&MeetingId>,
    progress: &Progress,
    language: Language,
) -> Option<Result<ImportParsed, Said>> {
    let path = request.path;
    let t = language.strings();
    // The library's words continue a `file: …` line; alone in the dialog they are a
    // sentence, path last. In each language: a switch says it again.
    let failed = |say: &dyn Fn(Language) -> String| {
        Some(Err(Said::new(|language| {
            let message = say(language);
            let mut chars = message.chars();
            let sentence: String = match chars.next() {
                Some(first) => first.to_uppercase().chain(chars).collect(),
                None => message.clone(),
            };
            format!("{sentence}\n\n{}", path.display())
        })))
    };
    let start = Instant::now();
    progress.set_phase(t.phase_reading);
    // Through the import gate: a regular file within the limits, classified by its bytes.
    let input = match read_input(path, &mut |done, total| {
        progress.set_total_bytes(total);
        progress.set_done(done);
        !progress.is_cancelled()
    }) {
        Ok(Some(input)) => input,
        Ok(None) => return None,
        Err(err) => return failed(&|l| err.localized(l)),
    };
    if let Some(name) = &request.encoding
        && request.options.encoding.is_none()
    {
        return failed(&|l| ListError::UnknownEncoding(name.clone()).localized(l));
    }
    progress.set_phase(t.phase_matching);
    let matcher = Matcher::new(project);
    let read = crate::import::list::read_list_content(
        input,
        ListKind::of_path(path),
        request.options,
        &matcher,
        &mut |done| report(progress, done),
    );
    let read = match read {
        Ok(Some(read)) => read,
        Ok(None) => return None,
        Err(err) => return failed(&|l| err.localized(l)),
    };
    let rows = read.table.as_ref().map_or(0, |t| t.rows.len());
    let file = ImportFile {
        name: file_name(path),
        path: path.to_owned(),
        format: read.format.clone(),
        encoding: request.encoding.clone(),
        sheet: request.sheet.clone(),
    };
    let mut parsed = parsed_from(read, Some(file), String::new());
    let meeting = meeting.and_then(|id| project.meetings.get(id));
    find_changes(project, meeting, &mut parsed.preview.people, false);
    log::info!(
        "read {rows} rows of {} in the background in {:?}",
        path.display(),
        start.elapsed()
    );
    Some(Ok(parsed))
}
