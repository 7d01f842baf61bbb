//! Invitation letters from the app: the dialog's state and steps (template, people,
//! language, the check, filling a missing value where it is listed, the folder, writing on
//! a job), a copy of the project shared without personal data, and the hint when a project
//! holding personal data is saved in a folder that looks shared.

pub mod shared_folder;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::export::{ExportOutcome, ExportRun};
use super::jobs::Job;
use super::{Dialog, FileKind, Picked, Said, Workspace, file_name};
use crate::document::Edit;
use crate::export::ExportLanguage;
use crate::export::letters::{
    self, Builtin, LetterError, LetterFormat, LetterTemplate, Missing, Template,
};
use crate::i18n::Localized as _;
use crate::model::{Bilingual, MeetingId, PersonId, Project};

/// Word documents, for the template file dialogs.
const WORD_FILES: FileKind = FileKind {
    name: "Word",
    extensions: &["docx", "dotx"],
};

/// Where a letter template comes from.
#[derive(Clone, Debug)]
pub enum TemplatePick {
    /// One that comes with the app.
    Builtin(Builtin),
    /// The user's Word file.
    File {
        /// Where it is.
        path: PathBuf,
        /// It, read.
        template: Arc<Template>,
    },
}

impl PartialEq for TemplatePick {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Self::Builtin(a), Self::Builtin(b)) => a == b,
            (Self::File { path: a, .. }, Self::File { path: b, .. }) => a == b,
            _ => false,
        }
    }
}

/// The state of the letters dialog.
#[derive(Clone, Debug, PartialEq)]
pub struct LettersState {
    /// The meeting.
    pub meeting: MeetingId,
    /// The template.
    pub template: TemplatePick,
    /// Every attendee, ticked when they get a letter.
    pub people: Vec<(PersonId, bool)>,
    /// The language of the letters.
    pub language: ExportLanguage,
    /// Word or PDF.
    pub format: LetterFormat,
    /// What the last check found missing: nothing was written.
    pub missing: Vec<Missing>,
    /// What is typed in the list of missing values, by row.
    pub typed: Vec<String>,
    /// Why the template cannot be used, or the last failure, in each language of the UI.
    pub error: Option<Said>,
    /// Letters made that would replace files in this folder: the names, waiting for the
    /// user's word.
    pub replace: Option<(PathBuf, Vec<String>)>,
}

/// What the user did in the letters dialog.
#[derive(Clone, Debug, PartialEq)]
pub enum LettersStep {
    /// Choose a Word template file.
    ChooseFile,
    /// Save the built-in template as a Word file to edit.
    SaveCopy,
    /// Check every value, then ask for the folder and make the letters.
    Generate,
    /// Replace the letters already in the folder.
    Replace,
    /// Fill the missing value of row `row` with the text typed there.
    Fill(usize),
    /// Close the dialog.
    Cancel,
}

impl Workspace {
    /// Opens the letters dialog for `meeting`: its guests ticked, the template last chosen
    /// for this project (else the Chinese visa letter).
    pub(super) fn open_letters(&mut self, meeting: MeetingId) {
        let project = self.doc.project();
        let Some(m) = project.meetings.get(&meeting) else {
            return;
        };
        let guests = letters::default_people(project, m);
        let mut people: Vec<(PersonId, bool)> = Vec::new();
        for a in &m.attendees {
            if !people.iter().any(|(p, _)| *p == a.person) {
                people.push((a.person.clone(), guests.contains(&a.person)));
            }
        }
        let remembered = self
            .doc
            .path()
            .and_then(|p| self.settings.letter_templates.get(p))
            .and_then(|path| read_template(path).ok().map(|t| (path.clone(), t)));
        let template = match remembered {
            Some((path, template)) => TemplatePick::File {
                path,
                template: Arc::new(template),
            },
            None => TemplatePick::Builtin(Builtin::ChinaVisa),
        };
        self.dialog = Some(Dialog::Letters(Box::new(LettersState {
            meeting,
            template,
            people,
            language: ExportLanguage::Both,
            format: LetterFormat::Docx,
            missing: Vec::new(),
            typed: Vec::new(),
            error: None,
            replace: None,
        })));
    }

    fn letters_state(&mut self) -> Option<&mut LettersState> {
        match &mut self.dialog {
            Some(Dialog::Letters(state)) => Some(state),
            _ => None,
        }
    }

    /// Carries out a step of the letters dialog.
    pub(super) fn letters_step(&mut self, step: LettersStep) {
        match step {
            LettersStep::Cancel => self.dialog = None,
            LettersStep::ChooseFile => self.choose_letter_template(),
            LettersStep::SaveCopy => self.save_template_copy(),
            LettersStep::Generate => self.check_and_pick_folder(),
            LettersStep::Replace => {
                let folder = self
                    .letters_state()
                    .and_then(|s| s.replace.take())
                    .map(|(folder, _)| folder);
                if let Some(folder) = folder {
                    self.start_letters(&folder);
                }
            }
            LettersStep::Fill(row) => self.fill_missing(row),
        }
    }

    fn choose_letter_template(&mut self) {
        self.dialogs.set_language(self.language());
        let picked = self.dialogs.pick_open(self.start_dir(), WORD_FILES);
        let Picked::File(path) = picked else {
            return;
        };
        let read = read_template(&path);
        let project_path = self.doc.path().map(Path::to_owned);
        match read {
            Ok(template) => {
                if let Some(project) = project_path {
                    self.settings.letter_templates.insert(project, path.clone());
                }
                self.settings.remember_folder(&path);
                if let Some(state) = self.letters_state() {
                    state.template = TemplatePick::File {
                        path,
                        template: Arc::new(template),
                    };
                    state.format = LetterFormat::Docx;
                    state.missing.clear();
                    state.error = None;
                }
            }
            Err(err) => {
                if let Some(state) = self.letters_state() {
                    state.error = Some(Said::new(|language| {
                        format!("{}\n\n{}", err.localized(language), path.display())
                    }));
                }
            }
        }
    }

    fn save_template_copy(&mut self) {
        let Some(state) = self.letters_state() else {
            return;
        };
        let TemplatePick::Builtin(builtin) = state.template else {
            return;
        };
        let language = state.language;
        let zh = self.language().prefers_chinese();
        let name = format!("{}.docx", builtin.label(zh));
        self.dialogs.set_language(self.language());
        let Picked::File(path) = self.dialogs.pick_save(self.start_dir(), &name, WORD_FILES) else {
            return;
        };
        let written = letters::builtin_docx(builtin, language)
            .map_err(|e| Said::new(|l| e.localized(l)))
            .and_then(|bytes| {
                crate::project_file::check_output(&path, &[])
                    .map_err(|e| Said::new(|l| e.localized(l)))?;
                crate::project_file::write_file_atomically(&path, &bytes)
                    .map_err(|e| Said::new(|l| e.localized(l)))
            });
        match written {
            Ok(()) => {
                self.settings.remember_folder(&path);
                let said = Said::with(|t| format!("{} {}", t.letters.copy_saved, path.display()));
                self.toast_file(said, &path);
            }
            Err(message) => {
                if let Some(state) = self.letters_state() {
                    state.error = Some(message);
                }
            }
        }
    }

    /// The template and people of the dialog, checked: the missing values (and nothing
    /// else) when some are missing.
    fn check_letters(&mut self) -> Result<(), ()> {
        let project = self.doc.project().clone();
        let Some(state) = self.letters_state() else {
            return Err(());
        };
        let template = letter_template(&state.template);
        let people: Vec<PersonId> = state
            .people
            .iter()
            .filter(|(_, on)| *on)
            .map(|(p, _)| p.clone())
            .collect();
        state.error = None;
        state.missing.clear();
        let Some(meeting) = project.meetings.get(&state.meeting) else {
            return Err(());
        };
        if people.is_empty() {
            state.error = Some(Said::fixed(|t| t.letters.no_people));
            return Err(());
        }
        let today = chrono::Local::now().date_naive();
        let result = letters::contexts(&project, meeting, &people, state.language, today).and_then(
            |contexts| {
                if state.format == LetterFormat::Pdf && matches!(template, LetterTemplate::Word(_))
                {
                    return Err(LetterError::PdfNeedsBuiltin);
                }
                let problems = letters::template_problems(&template, &project, state.language);
                if !problems.is_empty() {
                    return Err(LetterError::Placeholders(problems));
                }
                let missing = letters::missing_values(&template, &contexts);
                if missing.is_empty() {
                    Ok(())
                } else {
                    Err(LetterError::Missing(missing))
                }
            },
        );
        match result {
            Ok(()) => Ok(()),
            Err(LetterError::Missing(missing)) => {
                state.typed = vec![String::new(); missing.len()];
                state.missing = missing;
                Err(())
            }
            Err(err) => {
                state.error = Some(Said::new(|l| err.localized(l)));
                Err(())
            }
        }
    }

    fn check_and_pick_folder(&mut self) {
        if self.check_letters().is_err() {
            return;
        }
        self.dialogs.set_language(self.language());
        let folder = match self.dialogs.pick_folder(self.start_dir()) {
            Picked::File(folder) => folder,
            Picked::Cancelled => return,
            Picked::Unavailable(reason) => {
                if let Some(state) = self.letters_state() {
                    state.error = Some(reason);
                }
                return;
            }
        };
        let folder = self.absolute_path(&folder);
        let project = self.doc.project();
        let Some(state) = self.letters_state_ref() else {
            return;
        };
        let people: Vec<PersonId> = state
            .people
            .iter()
            .filter(|(_, on)| *on)
            .map(|(p, _)| p.clone())
            .collect();
        let names = letters::file_names(project, &people, state.format.extension());
        let existing: Vec<String> = names
            .into_iter()
            .filter(|n| folder.join(n).exists())
            .collect();
        if existing.is_empty() {
            self.start_letters(&folder);
        } else if let Some(state) = self.letters_state() {
            state.replace = Some((folder, existing));
        }
    }

    fn letters_state_ref(&self) -> Option<&LettersState> {
        match &self.dialog {
            Some(Dialog::Letters(state)) => Some(state),
            _ => None,
        }
    }

    /// Makes and writes the letters on a background job; the dialog closes.
    fn start_letters(&mut self, folder: &Path) {
        let t = self.tr();
        if self.jobs.export.is_some() {
            self.toast(Said::fixed(|t| t.busy));
            return;
        }
        let Some(Dialog::Letters(state)) = self.dialog.take() else {
            return;
        };
        let project = self.doc.project().clone();
        let source = self.doc.path().map(Path::to_owned);
        let language = self.language();
        let folder = folder.to_owned();
        let target = folder.clone();
        let label = format!("{} {}", t.letters.making_letters, file_name(&folder));
        let work = Job::spawn(label, move |progress| {
            let Some(meeting) = project.meetings.get(&state.meeting) else {
                return ExportOutcome::Cancelled;
            };
            let people: Vec<PersonId> = state
                .people
                .iter()
                .filter(|(_, on)| *on)
                .map(|(p, _)| p.clone())
                .collect();
            let today = chrono::Local::now().date_naive();
            let template = letter_template(&state.template);
            let made = letters::contexts(&project, meeting, &people, state.language, today)
                .and_then(|contexts| {
                    letters::generate(&template, &contexts, state.format, &mut |done, total| {
                        progress.set_total(total as u64);
                        super::reading::report(progress, done)
                    })
                });
            let made = match made {
                Ok(made) => made,
                Err(LetterError::Cancelled) => return ExportOutcome::Cancelled,
                Err(err) => return ExportOutcome::Failed(Said::new(|l| err.localized(l))),
            };
            progress.set_phase(language.strings().phase_writing);
            if let Err(e) = std::fs::create_dir_all(&target) {
                return ExportOutcome::Failed(Said::new(|_| {
                    format!("{e}\n\n{}", target.display())
                }));
            }
            let sources: Vec<&Path> = source.iter().map(PathBuf::as_path).collect();
            let mut files = Vec::with_capacity(made.letters.len());
            for letter in &made.letters {
                let path = target.join(&letter.file_name);
                if let Err(refusal) = crate::project_file::check_output(&path, &sources) {
                    return ExportOutcome::Failed(Said::new(|l| refusal.localized(l)));
                }
                files.push((path, letter.bytes.as_slice()));
            }
            if let Err(failure) = crate::project_file::write_files_atomically(&files) {
                let (_, err) = *failure;
                return ExportOutcome::Failed(Said::new(|l| err.localized(l)));
            }
            ExportOutcome::Letters(made.letters.len())
        });
        self.settings.remember_folder(&folder.join("letter"));
        self.jobs.export = Some(ExportRun {
            job: work,
            path: folder,
        });
    }

    /// Fills the missing value of row `row` of the list with what was typed there, then
    /// checks again.
    fn fill_missing(&mut self, row: usize) {
        let Some(state) = self.letters_state_ref() else {
            return;
        };
        let (Some(missing), Some(value)) = (state.missing.get(row), state.typed.get(row)) else {
            return;
        };
        let value = value.trim().to_owned();
        if value.is_empty() {
            return;
        }
        let edit = fill_edit(
            self.doc.project(),
            &state.meeting,
            missing,
            &value,
            state.language,
        );
        if let Some(edit) = edit {
            self.apply_edit(edit, None);
        }
        let _ = self.check_letters();
    }

    /// File › Share a copy without personal data…: asks where, then writes the copy on a
    /// background job.
    pub(super) fn share_copy(&mut self) {
        let t = self.tr();
        if self.jobs.export.is_some() {
            self.toast(Said::fixed(|t| t.busy));
            return;
        }
        let stem = self
            .doc
            .path()
            .and_then(|p| p.file_stem())
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "project".to_owned());
        let suggested = format!("{stem} (shared).ron");
        self.dialogs.set_language(self.language());
        let kind = super::project_files(t);
        let path = match self.dialogs.pick_save(self.start_dir(), &suggested, kind) {
            Picked::File(path) => self.absolute_path(&path),
            Picked::Cancelled => return,
            Picked::Unavailable(reason) => {
                self.show_error(Said::fixed(|t| t.letters.share_copy), reason);
                return;
            }
        };
        let project = self.doc.project().clone();
        let source = self.doc.path().map(Path::to_owned);
        let target = path.clone();
        let label = format!("{} {}", t.exporting, file_name(&path));
        let work = Job::spawn(label, move |_| {
            let sources: Vec<&Path> = source.iter().map(PathBuf::as_path).collect();
            if let Err(refusal) = crate::project_file::check_output(&target, &sources) {
                return ExportOutcome::Failed(Said::new(|l| refusal.localized(l)));
            }
            let copy = project.without_personal_data();
            let written = crate::project_file::to_ron_string(&copy).and_then(|text| {
                crate::project_file::write_copy_atomically(&target, text.as_bytes())
            });
            match written {
                Ok(()) => ExportOutcome::Shared,
                Err(err) => ExportOutcome::Failed(Said::new(|l| err.localized(l))),
            }
        });
        self.jobs.export = Some(ExportRun { job: work, path });
    }

    /// After a save: tells the user, once per file, that a project holding personal data
    /// went to a folder that looks shared. A hint; the file is saved.
    pub(super) fn warn_if_shared(&mut self, path: &Path) {
        if self.settings.shared_warned.contains(path) || !self.doc.project().holds_personal_data() {
            return;
        }
        let Some(shared) = shared_folder::looks_shared(path) else {
            return;
        };
        let message = Said::with(|t| {
            let t = t.letters;
            let place = match &shared {
                shared_folder::Shared::Network(kind) => t.shared_network.replace("{kind}", kind),
                shared_folder::Shared::Synced(name) => t.shared_synced.replace("{name}", name),
            };
            format!(
                "{}\n\n{}",
                t.shared_folder_message.replace("{where}", &place),
                path.display()
            )
        });
        self.settings.shared_warned.insert(path.to_owned());
        self.show_error(Said::fixed(|t| t.letters.shared_folder_title), message);
    }
}

/// The personal-data columns of an attendee export: all of them when chosen, else none.
pub fn personal_columns(chosen: bool) -> Vec<crate::import::attendees::Field> {
    use crate::import::attendees::Field;
    if chosen {
        vec![
            Field::Gender,
            Field::DateOfBirth,
            Field::Nationality,
            Field::PassportNumber,
            Field::PassportExpiry,
        ]
    } else {
        Vec::new()
    }
}

/// Reads a Word template file, within the size limit.
fn read_template(path: &Path) -> Result<Template, TemplateReadError> {
    let meta = std::fs::metadata(path)?;
    if meta.len() > letters::MAX_TEMPLATE_BYTES {
        return Err(TemplateReadError::Template(
            letters::TemplateError::TooLarge {
                size: meta.len(),
                max: letters::MAX_TEMPLATE_BYTES,
            },
        ));
    }
    Ok(Template::from_docx(std::fs::read(path)?)?)
}

/// Why a template file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum TemplateReadError {
    /// The file could not be read.
    #[error("the file cannot be read: {0}")]
    Io(#[from] std::io::Error),
    /// It is no usable template.
    #[error(transparent)]
    Template(#[from] letters::TemplateError),
}

impl crate::i18n::Localized for TemplateReadError {
    fn localized(&self, language: crate::i18n::Language) -> String {
        match self {
            Self::Io(err) => match language {
                crate::i18n::Language::English => self.to_string(),
                crate::i18n::Language::Chinese => format!("无法读取该文件（{err}）"),
            },
            Self::Template(err) => err.localized(language),
        }
    }
}

fn letter_template(pick: &TemplatePick) -> LetterTemplate {
    match pick {
        TemplatePick::Builtin(b) => LetterTemplate::Builtin(*b),
        TemplatePick::File { template, .. } => LetterTemplate::Word((**template).clone()),
    }
}

/// The edit that puts `value` where `missing` says a value lacks: a person's own field, their
/// organisation's, the host's, or the meeting's letter details (in the letters' language,
/// both for bilingual letters). `None` for a value that is not filled here (the meeting's
/// title or dates).
pub fn fill_edit(
    project: &Project,
    meeting_id: &MeetingId,
    missing: &Missing,
    value: &str,
    language: ExportLanguage,
) -> Option<Edit> {
    let set = |text: &mut Bilingual| match language {
        ExportLanguage::En => text.en = value.to_owned(),
        ExportLanguage::Zh => text.zh = value.to_owned(),
        ExportLanguage::Both => {
            if text.en.trim().is_empty() {
                text.en = value.to_owned();
            }
            if text.zh.trim().is_empty() {
                text.zh = value.to_owned();
            }
        }
    };
    let meeting = project.meetings.get(meeting_id)?;
    let field = missing.field.as_str();
    let organisation = |id: &crate::model::OrganisationId, field: &str| {
        let mut org = project.organisations.get(id)?.clone();
        match field {
            "address" => set(&mut org.address),
            "phone" => org.phone = value.to_owned(),
            "representative" => set(&mut org.representative),
            "country" => org.country = value.to_owned(),
            "acronym" => org.acronym = value.to_owned(),
            _ => return None,
        }
        Some(Edit::PutOrganisation(id.clone(), org))
    };
    match &missing.person {
        None => {
            if let Some(rest) = field.strip_prefix("host_") {
                return organisation(meeting.host.as_ref()?, rest);
            }
            let mut m = meeting.clone();
            let letter = &mut m.letter;
            match field {
                "purpose" => set(&mut letter.purpose),
                "costs" => set(&mut letter.costs),
                "accommodation" => set(&mut letter.accommodation),
                "signatory" => set(&mut letter.signatory),
                "signatory_title" => set(&mut letter.signatory_title),
                "venue" => set(&mut m.venue),
                _ => return None,
            }
            Some(Edit::PutMeeting(meeting_id.clone(), Box::new(m)))
        }
        Some(id) => {
            let mut person = project.people.get(id)?.clone();
            if let Some(rest) = field.strip_prefix("organisation_") {
                return organisation(person.organisation.as_ref()?, rest);
            }
            use crate::import::personal_dates::{DateKind, parse_personal_date};
            let personal = &mut person.personal;
            match field {
                "gender" => personal.gender = crate::import::rows::gender_of(value)?,
                "date_of_birth" => {
                    personal.date_of_birth =
                        Some(parse_personal_date(value, DateKind::Birth)?.date);
                }
                "passport_expiry" => {
                    personal.passport_expiry =
                        Some(parse_personal_date(value, DateKind::Expiry)?.date);
                }
                "nationality" => personal.nationality = value.to_owned(),
                "passport_number" => personal.passport_number = value.to_owned(),
                "title" => set(&mut person.title),
                "email" => person.email = value.to_owned(),
                "phone" => person.phone = value.to_owned(),
                "chinese_name" => person.chinese_name = value.to_owned(),
                "family_name" => person.family_name = value.to_owned(),
                "given_name" => person.given_name = value.to_owned(),
                custom if project.custom_field(custom).is_some() => {
                    personal.custom.insert(custom.to_owned(), value.to_owned());
                }
                _ => return None,
            }
            Some(Edit::PutPerson(id.clone(), person))
        }
    }
}
