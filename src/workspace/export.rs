//! Exports started from the app: asking where to save (or for a typed path when no dialog
//! can be shown), rendering and writing on a background job with progress and Cancel, and
//! saying where the file went.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use super::jobs::{Job, JobView, Poll, Progress};
use super::reading::report;
use super::{
    Dialog, ExportSetup, FileKind, PathPurpose, PendingWrite, Picked, Said, Workspace, file_name,
    thousands,
};
use crate::export::{ExportError, ExportOptions, ExportRequest, Rendered};
use crate::i18n::{Language, Localized as _};
use crate::model::Project;

/// The kind of file an export is, for the file dialog's filter.
fn file_kind(request: &ExportRequest) -> FileKind {
    let extensions: &'static [&'static str] = match request.extension() {
        "pdf" => &["pdf"],
        "html" => &["html", "htm"],
        "md" => &["md"],
        "ics" => &["ics"],
        "csv" => &["csv"],
        "xlsx" => &["xlsx"],
        "docx" => &["docx"],
        _ => &[],
    };
    FileKind {
        name: request.extension(),
        extensions,
    }
}

/// An export being written.
pub(super) struct ExportRun {
    pub(super) job: Job<ExportOutcome>,
    /// The file, or the folder of letters.
    pub(super) path: PathBuf,
}

/// What an export job did.
pub(super) enum ExportOutcome {
    /// Written; for name cards, how many; the texts cut for being too long to print.
    Written(Option<usize>, Vec<crate::export::pdf::CutText>),
    /// This many letters written in the folder.
    Letters(usize),
    /// A copy without personal data written.
    Shared,
    /// Made but not written: some characters cannot be printed; the user decides.
    Unprintable(PendingWrite),
    Cancelled,
    /// Rendering failed, or writing did: what went wrong, in each language.
    Failed(Said),
}

impl Workspace {
    /// The export being written, for the status bar.
    pub fn export_job(&self) -> Option<JobView<'_>> {
        self.jobs.export.as_ref().map(|run| run.job.view())
    }

    /// Opens the export dialog for `job`: its language, and whether the internal notes
    /// are printed (not by default: a copy for partners).
    pub(super) fn request_export(&mut self, job: ExportRequest) {
        self.dialog = Some(Dialog::Export(Box::new(ExportSetup::for_partners(job))));
    }

    /// Asks where to save the export set up, under a name from the meeting's date and
    /// title, showing files of its type, then writes it.
    pub(super) fn pick_and_export(&mut self, setup: ExportSetup) {
        let name = setup.request.file_name(self.doc.project());
        self.dialogs.set_language(self.language());
        match self
            .dialogs
            .pick_save(self.start_dir(), &name, file_kind(&setup.request))
        {
            Picked::File(path) => self.start_export(&setup, &path),
            Picked::Cancelled => {}
            Picked::Unavailable(reason) => {
                self.ask_for_path(PathPurpose::Export(setup), reason, &name);
            }
        }
    }

    /// Writes the export set up to `path` on a background job, with its progress in the
    /// status bar.
    pub(super) fn start_export(&mut self, setup: &ExportSetup, path: &Path) {
        let job = &setup.request;
        let t = self.tr();
        if self.jobs.export.is_some() {
            self.toast(Said::fixed(|t| t.busy));
            return;
        }
        // A file naming the meeting's id goes out: from now on the id stays as it is.
        if let Some(mark) = crate::document::Edit::mark_exported(self.doc.project(), job.meeting())
        {
            self.apply_edit(mark, None);
        }
        let mut path = self.absolute_path(path);
        if path.extension().is_none() {
            path.set_extension(job.extension());
        }
        // A pointer copy: the entity maps are persistent.
        let project = self.doc.project().clone();
        let label = format!("{} {}", t.exporting, file_name(&path));
        let (job, target, language) = (job.clone(), path.clone(), self.language());
        let options = ExportOptions {
            with_notes: setup.with_notes,
            author: String::new(),
        };
        let source = self.doc.path().map(Path::to_owned);
        let work = Job::spawn(label, move |progress| {
            // The project itself, its backup, another project or a device are never
            // replaced by an export, whatever the dialog answered.
            let sources: Vec<&Path> = source.iter().map(PathBuf::as_path).collect();
            if let Err(refusal) = crate::project_file::check_output(&target, &sources) {
                return ExportOutcome::Failed(Said::new(|l| refusal.localized(l)));
            }
            write_export(&job, &options, &project, &target, progress, language)
        });
        self.jobs.export = Some(ExportRun { job: work, path });
    }

    /// Writes an export the user chose to keep although some characters cannot be printed.
    pub(super) fn write_pending(&mut self, pending: PendingWrite) {
        let t = self.tr();
        if self.jobs.export.is_some() {
            self.toast(Said::fixed(|t| t.busy));
            return;
        }
        let label = format!("{} {}", t.exporting, file_name(&pending.path));
        let path = pending.path.clone();
        let language = self.language();
        let work = Job::spawn(label, move |progress| {
            progress.set_phase(language.strings().phase_writing);
            write_bytes(&pending.path, &pending.bytes, pending.cards, pending.cut)
        });
        self.jobs.export = Some(ExportRun { job: work, path });
    }

    pub(super) fn poll_export(&mut self) {
        let Some(run) = &mut self.jobs.export else {
            return;
        };
        let outcome = match run.job.poll() {
            Poll::Running => return,
            Poll::Done(outcome) => outcome,
            Poll::Panicked(message) => ExportOutcome::Failed(Said::new(|_| message.clone())),
        };
        let Some(ExportRun { path, .. }) = self.jobs.export.take() else {
            return;
        };
        match outcome {
            ExportOutcome::Written(cards, cut) => {
                // The whole path: the user sees where the file went, and can open its folder.
                let said = Said::with(|t| {
                    let mut text = format!("{} {}", t.exported, path.display());
                    if let Some(n) = cards {
                        text.push_str(&format!(" ({} {})", thousands(n), t.cards_unit));
                    }
                    text
                });
                self.settings.remember_folder(&path);
                self.toast_file(said, &path);
                // A shorter text on paper than in the project is said, in a dialog.
                if !cut.is_empty() {
                    self.show_error(
                        Said::fixed(|t| t.inputs.export_cut_title),
                        Said::new(|l| crate::i18n::cut_texts_text(&cut, &path, l)),
                    );
                }
            }
            ExportOutcome::Letters(n) => {
                let said = Said::with(|t| {
                    format!(
                        "{} {} {} {}",
                        t.letters.letters_written,
                        thousands(n),
                        t.letters.letters_in,
                        path.display()
                    )
                });
                self.toast_file(said, &path.join("letter"));
            }
            ExportOutcome::Shared => {
                self.settings.remember_folder(&path);
                let said =
                    Said::with(|t| format!("{} {}", t.letters.shared_written, path.display()));
                self.toast_file(said, &path);
            }
            ExportOutcome::Unprintable(pending) => {
                self.dialog = Some(Dialog::Unprintable(Box::new(pending)));
            }
            ExportOutcome::Cancelled => self.toast(Said::fixed(|t| t.cancelled)),
            ExportOutcome::Failed(message) => {
                let message = Said::new(|l| format!("{}\n\n{}", message.text(l), path.display()));
                self.show_error(Said::fixed(|t| t.export_failed), message);
            }
        }
    }
}

fn write_export(
    job: &ExportRequest,
    options: &ExportOptions,
    project: &Project,
    path: &Path,
    progress: &Progress,
    language: Language,
) -> ExportOutcome {
    let t = language.strings();
    let start = Instant::now();
    progress.set_phase(match job {
        ExportRequest::NameCards(..) => t.phase_drawing_cards,
        _ => t.phase_rendering,
    });
    let mut on_progress = |done: usize, total: usize| {
        progress.set_total(total as u64);
        report(progress, done)
    };
    let Rendered {
        bytes,
        cards,
        unprintable,
        cut,
    } = match job.render_as(project, options, chrono::Utc::now(), &mut on_progress) {
        Ok(rendered) => rendered,
        Err(ExportError::Cancelled) => return ExportOutcome::Cancelled,
        Err(err) => return ExportOutcome::Failed(Said::new(|l| err.localized(l))),
    };
    // The last moment a cancel leaves no file behind.
    if progress.is_cancelled() {
        return ExportOutcome::Cancelled;
    }
    // Characters that would print as boxes are named before anything is written.
    if !unprintable.is_empty() {
        return ExportOutcome::Unprintable(PendingWrite {
            path: path.to_owned(),
            bytes: Arc::new(bytes),
            cards,
            unprintable,
            cut,
        });
    }
    progress.set_phase(t.phase_writing);
    let rendered_in = start.elapsed();
    log::info!(
        "rendered {} ({} bytes) in the background in {rendered_in:?}",
        path.display(),
        bytes.len(),
    );
    write_bytes(path, &bytes, cards, cut)
}

fn write_bytes(
    path: &Path,
    bytes: &[u8],
    cards: Option<usize>,
    cut: Vec<crate::export::pdf::CutText>,
) -> ExportOutcome {
    match crate::project_file::write_file_atomically(path, bytes) {
        Ok(()) => ExportOutcome::Written(cards, cut),
        Err(err) => ExportOutcome::Failed(Said::new(|l| err.localized(l))),
    }
}
