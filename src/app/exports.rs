//! Exports and imports started from the app: asking where to save (or for a typed path
//! when no dialog can be shown), writing atomically, and saying what happened.

use std::path::Path;

use super::{DelegationApp, Dialog, FileKind, PathPurpose, Picked, file_name};
use crate::export::ExportLanguage;
use crate::export::agenda::AgendaFormat;
use crate::export::attendees::AttendeeFormat;
use crate::import::attendees::ImportSummary;
use crate::model::{MeetingId, Project};

/// An export waiting for a file name.
#[derive(Clone, Debug, PartialEq, Eq)]
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

impl DelegationApp {
    /// Asks where to save `job`, then writes it.
    pub fn request_export(&mut self, job: ExportJob) {
        let name = job.suggested_name();
        match self.dialogs.pick_save(self.start_dir(), &name, job.kind()) {
            Picked::File(path) => self.start_export(&job, &path),
            Picked::Cancelled => {}
            Picked::Unavailable(reason) => {
                self.ask_for_path(PathPurpose::Export(job), reason, &name)
            }
        }
    }

    /// When no file dialog can be shown: says why and asks for a typed path, starting
    /// from the usual folder and the suggested file name.
    pub fn ask_for_path(&mut self, purpose: PathPurpose, reason: String, file_name: &str) {
        let text = self
            .start_dir()
            .unwrap_or_default()
            .join(file_name)
            .display()
            .to_string();
        self.dialog = Some(Dialog::PathEntry {
            purpose,
            reason,
            text,
        });
    }

    /// Writes an export atomically at once, on the calling thread; says what happened in
    /// the status bar or a dialog. The app uses [`Self::start_export`], which shows
    /// progress and keeps the window drawing.
    pub fn export_to(&mut self, job: &ExportJob, path: &Path) -> bool {
        let t = self.tr();
        let mut path = path.to_owned();
        if path.extension().is_none() {
            path.set_extension(job.extension());
        }
        let result = job.render(self.doc.project()).and_then(|bytes| {
            crate::project_file::write_file_atomically(&path, &bytes).map_err(|e| e.to_string())
        });
        match result {
            Ok(()) => {
                self.toast(format!("{} {}", t.exported, file_name(&path)));
                true
            }
            Err(message) => {
                self.show_error(t.export_failed, &message);
                false
            }
        }
    }

    /// Asks the user for a file of `kind` to read (a CSV to import).
    pub fn pick_file(&mut self, kind: FileKind) -> Picked {
        self.dialogs.pick_open(self.start_dir(), kind)
    }

    /// Shows an error dialog.
    pub fn show_error(&mut self, title: &str, message: &str) {
        self.dialog = Some(Dialog::Error {
            title: title.to_owned(),
            message: message.to_owned(),
        });
    }

    /// Says in the status bar what an import added and matched.
    pub fn report_import(&mut self, summary: &ImportSummary) {
        let zh = self.settings.language.prefers_chinese();
        let text = if zh {
            format!(
                "新增 {} 人、{} 个机构，匹配已有 {} 人",
                summary.added_people.len(),
                summary.added_organisations.len(),
                summary.matched_people.len()
            )
        } else {
            format!(
                "Added {} people and {} organisations; {} already in the project",
                summary.added_people.len(),
                summary.added_organisations.len(),
                summary.matched_people.len()
            )
        };
        self.toast(text);
    }
}
