//! Exports started from the app: asking where to save (or for a typed path when no dialog
//! can be shown), rendering and writing on a background job with progress and Cancel, and
//! saying where the file went.

use std::path::{Path, PathBuf};
use std::time::Instant;

use super::jobs::{Job, JobView, Poll, Progress};
use super::reading::report;
use super::{FileKind, PathPurpose, Picked, Workspace, file_name, thousands};
use crate::export::ExportLanguage;
use crate::export::agenda::AgendaFormat;
use crate::export::attendees::AttendeeFormat;
use crate::i18n::Strings;
use crate::model::{MeetingId, Project};

/// An export waiting for a file name.
#[derive(Clone, Debug, PartialEq)]
pub enum ExportJob {
    /// A meeting's agenda.
    Agenda {
        /// The meeting.
        meeting: MeetingId,
        /// The format.
        format: AgendaFormat,
        /// The language.
        language: ExportLanguage,
    },
    /// All people, or a meeting's attendees.
    Attendees {
        /// The meeting, or everyone.
        meeting: Option<MeetingId>,
        /// The format.
        format: AttendeeFormat,
        /// The language of printed lists.
        language: ExportLanguage,
    },
    /// Name cards of a meeting's attendees.
    NameCards(MeetingId),
    /// The commitments a filter lets through, with due dates judged as of `today`.
    Commitments {
        /// The format.
        format: crate::export::commitments::CommitmentsFormat,
        /// The language.
        language: ExportLanguage,
        /// Which commitments.
        filter: Box<crate::model::followup::Filter>,
        /// The day overdue and due-soon are judged from.
        today: chrono::NaiveDate,
    },
}

impl ExportJob {
    /// The file-name extension.
    pub fn extension(&self) -> &'static str {
        match self {
            Self::Agenda { format, .. } => format.extension(),
            Self::Attendees { format, .. } => format.extension(),
            Self::NameCards(_) => "pdf",
            Self::Commitments { format, .. } => format.extension(),
        }
    }

    /// A file name to suggest: `paris-2024-agenda.pdf`, safe on every system whatever the
    /// meeting id holds (`/`, `:`, invisible characters, a reserved Windows name).
    pub fn suggested_name(&self) -> String {
        let stem = match self {
            Self::Agenda { meeting, .. } => format!("{meeting}-agenda"),
            Self::Attendees {
                meeting: Some(m), ..
            } => format!("{m}-attendees"),
            Self::Attendees { meeting: None, .. } => "people".to_owned(),
            Self::NameCards(m) => format!("{m}-name-cards"),
            Self::Commitments { .. } => "commitments".to_owned(),
        };
        crate::export::sanitize::safe_file_name(&stem, self.extension())
    }

    fn kind(&self) -> FileKind {
        let extensions: &'static [&'static str] = match self.extension() {
            "pdf" => &["pdf"],
            "html" => &["html", "htm"],
            "md" => &["md"],
            "ics" => &["ics"],
            "csv" => &["csv"],
            "xlsx" => &["xlsx"],
            _ => &[],
        };
        FileKind {
            name: self.extension(),
            extensions,
        }
    }

    /// The bytes of the file, or what went wrong in words.
    pub fn render(&self, project: &Project) -> Result<Vec<u8>, String> {
        let meeting = |id: &MeetingId| {
            project
                .meetings
                .get(id)
                .ok_or_else(|| format!("the meeting `{id}` no longer exists"))
        };
        match self {
            Self::Agenda {
                meeting: id,
                format,
                language,
            } => crate::export::agenda::render(
                project,
                id,
                meeting(id)?,
                *format,
                *language,
                chrono::Utc::now(),
            )
            .map_err(|e| e.to_string()),
            Self::Attendees {
                meeting: id,
                format,
                language,
            } => {
                let m = match id {
                    Some(id) => Some(meeting(id)?),
                    None => None,
                };
                crate::cli::render_attendees(project, m, *format, *language)
                    .map_err(|e| e.to_string())
            }
            Self::NameCards(id) => crate::export::attendees::name_cards(project, meeting(id)?)
                .map_err(|e| e.to_string()),
            Self::Commitments {
                format,
                language,
                filter,
                today,
            } => crate::export::commitments::render(project, filter, *format, *language, *today)
                .map_err(|e| e.to_string()),
        }
    }
}

/// An export being written.
pub(super) struct ExportRun {
    job: Job<ExportOutcome>,
    path: PathBuf,
}

/// What an export job did.
enum ExportOutcome {
    /// Written; for name cards, how many.
    Written(Option<usize>),
    Cancelled,
    Failed(String),
}

impl Workspace {
    /// The export being written, for the status bar.
    pub fn export_job(&self) -> Option<JobView<'_>> {
        self.jobs.export.as_ref().map(|run| run.job.view())
    }

    /// Asks where to save `job`, then writes it.
    pub(super) fn request_export(&mut self, job: ExportJob) {
        let name = job.suggested_name();
        match self.dialogs.pick_save(self.start_dir(), &name, job.kind()) {
            Picked::File(path) => self.start_export(&job, &path),
            Picked::Cancelled => {}
            Picked::Unavailable(reason) => {
                self.ask_for_path(PathPurpose::Export(job), reason, &name);
            }
        }
    }

    /// Writes `job` to `path` on a background job, with its progress in the status bar.
    pub(super) fn start_export(&mut self, job: &ExportJob, path: &Path) {
        let t = self.tr();
        if self.jobs.export.is_some() {
            self.toast(t.busy.to_owned());
            return;
        }
        let mut path = path.to_owned();
        if path.extension().is_none() {
            path.set_extension(job.extension());
        }
        // A pointer copy: the entity maps are persistent.
        let project = self.doc.project().clone();
        let label = format!("{} {}", t.exporting, file_name(&path));
        let (job, target) = (job.clone(), path.clone());
        let work = Job::spawn(label, move |progress| {
            write_export(&job, &project, &target, progress, t)
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
    match crate::project_file::write_file_atomically(path, &bytes) {
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
