//! The headless command line. It shares loading, saving and (later) import and export with
//! the app, so scripts and tests reach exactly the code the app runs.

mod attendees;

pub use attendees::render as render_attendees;

use std::io::Write as _;
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand, ValueEnum};

use crate::document::Edit;
use crate::export::ExportLanguage;
use crate::export::agenda::AgendaFormat;
use crate::model::{Meeting, MeetingId, Project, validate};
use crate::project_file::{read_project, save_project, write_file_atomically};

/// Delegation Planner: meetings between delegations, bilingual attendee lists, commitments.
#[derive(Debug, Parser)]
#[command(
    name = "delegation-planner",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// A project file to open in the app.
    pub file: Option<PathBuf>,
    /// A command to run without opening the window.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Commands that run without a window.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a project file: prints counts and problems; exit code 1 when it is not valid.
    Check {
        /// The project file.
        file: PathBuf,
    },
    /// List the meetings, people, organisations or commitments of a project, one per line.
    List {
        /// What to list.
        what: ListWhat,
        /// The project file.
        file: PathBuf,
    },
    /// Import pasted text into a project (the file is saved atomically).
    #[command(subcommand)]
    Import(ImportCommand),
    /// Export part of a project to a file for others.
    #[command(subcommand)]
    Export(ExportCommand),
    /// List the open commitments that are overdue or fall due soon, by due date.
    Followups {
        /// The project file.
        file: PathBuf,
        /// The day to count from (YYYY-MM-DD); today by default.
        #[arg(long)]
        today: Option<chrono::NaiveDate>,
        /// How many days ahead count as due soon.
        #[arg(long, default_value_t = crate::model::followup::SOON_DAYS)]
        within: u32,
    },
    /// Write a synthetic project of a given size (for trying the app on a large registry).
    Generate {
        /// People in the registry; organisations, meetings, attendance, agenda and
        /// commitments grow with it.
        #[arg(long, default_value_t = 100_000)]
        people: usize,
        /// Another seed gives other (still deterministic) data.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Where to write the project; an existing file is never replaced.
        #[arg(short, long)]
        output: PathBuf,
    },
}

/// A status to keep in `export commitments --status`, or `open` for every open status.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum StatusArg {
    /// Proposed, agreed, in progress or blocked.
    Open,
    /// Proposed, not yet agreed.
    Proposed,
    /// Agreed, not started.
    Agreed,
    /// Work under way.
    InProgress,
    /// Waiting on something outside.
    Blocked,
    /// Done.
    Done,
    /// Abandoned.
    Dropped,
}

impl StatusArg {
    /// The statuses this argument stands for.
    fn statuses(self) -> Vec<crate::model::CommitmentStatus> {
        use crate::model::CommitmentStatus as S;
        match self {
            Self::Open => crate::model::followup::open_statuses()
                .into_iter()
                .collect(),
            Self::Proposed => vec![S::Proposed],
            Self::Agreed => vec![S::Agreed],
            Self::InProgress => vec![S::InProgress],
            Self::Blocked => vec![S::Blocked],
            Self::Done => vec![S::Done],
            Self::Dropped => vec![S::Dropped],
        }
    }
}

/// What `import` reads.
#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// An attendee list: pasted text (`Mr. HUANG Jixian 黄继先 … > Title,CCAA, Ms. …`) or CSV.
    Attendees {
        /// The project file.
        file: PathBuf,
        /// The list: a .csv file, or a text file as pasted from an e-mail.
        #[arg(long)]
        from: PathBuf,
        /// Also add them to this meeting's attendance (see `list meetings`).
        #[arg(long)]
        meeting: Option<String>,
    },
    /// A draft agenda, one item per line (`14:00 10 min Opening — Dr. Betty XU`).
    Agenda {
        /// The project file.
        file: PathBuf,
        /// The meeting id (see `list meetings`).
        #[arg(long)]
        meeting: String,
        /// A text file with the draft agenda, `-` for standard input, or the text itself.
        #[arg(long)]
        from: String,
        /// Replace the agenda instead of appending to it.
        #[arg(long)]
        replace: bool,
    },
}

/// What `export` writes.
#[derive(Debug, Subcommand)]
pub enum ExportCommand {
    /// The people of the project, or a meeting's attendees grouped by side in protocol order.
    Attendees {
        /// The project file.
        file: PathBuf,
        /// Only this meeting's attendees.
        #[arg(long)]
        meeting: Option<String>,
        /// Output format.
        #[arg(long, value_enum)]
        format: crate::export::attendees::AttendeeFormat,
        /// Language of printed lists.
        #[arg(long, value_enum, default_value_t = ExportLanguage::Both)]
        lang: ExportLanguage,
        /// Where to write it.
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Folded table name cards (PDF) for a meeting's attendees.
    NameCards {
        /// The project file.
        file: PathBuf,
        /// The meeting.
        #[arg(long)]
        meeting: String,
        /// Where to write the PDF.
        #[arg(short, long)]
        output: PathBuf,
    },
    /// A meeting's agenda.
    Agenda {
        /// The project file.
        file: PathBuf,
        /// The meeting id (see `list meetings`).
        #[arg(long)]
        meeting: String,
        /// Output format.
        #[arg(long, value_enum)]
        format: AgendaFormat,
        /// Language of the document.
        #[arg(long, value_enum, default_value_t = ExportLanguage::Both)]
        lang: ExportLanguage,
        /// Where to write it.
        #[arg(short, long)]
        output: PathBuf,
    },
    /// The commitments: a CSV table, or a follow-up report grouped by status.
    Commitments {
        /// The project file.
        file: PathBuf,
        /// Output format.
        #[arg(long, value_enum)]
        format: crate::export::commitments::CommitmentsFormat,
        /// Keep only commitments with this status (repeatable; `open` for all open ones).
        #[arg(long, value_enum)]
        status: Vec<StatusArg>,
        /// Language of the text.
        #[arg(long, value_enum, default_value_t = ExportLanguage::Both)]
        lang: ExportLanguage,
        /// The day "overdue" counts from (YYYY-MM-DD); today by default.
        #[arg(long)]
        today: Option<chrono::NaiveDate>,
        /// Where to write it.
        #[arg(short, long)]
        output: PathBuf,
    },
}

/// What `list` lists.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum ListWhat {
    /// Meetings: id, date, title.
    Meetings,
    /// People: id, name in both scripts, organisation.
    People,
    /// Organisations: id, acronym, name in both languages.
    Organisations,
    /// Commitments: id, status, due date, title.
    Commitments,
}

/// Runs a command, writing to `out` and `err`; returns the process exit code.
pub fn run(command: &Command, out: &mut dyn std::io::Write, err: &mut dyn std::io::Write) -> i32 {
    let result = match command {
        Command::Check { file } => check(file, out, err),
        Command::List { what, file } => list(*what, file, out, err),
        Command::Import(ImportCommand::Agenda {
            file,
            meeting,
            from,
            replace,
        }) => import_agenda(file, meeting, from, *replace, out, err),
        Command::Export(ExportCommand::Agenda {
            file,
            meeting,
            format,
            lang,
            output,
        }) => export_agenda(file, meeting, *format, *lang, output, out, err),
        Command::Export(ExportCommand::Commitments {
            file,
            format,
            status,
            lang,
            today,
            output,
        }) => {
            let job = CommitmentsJob {
                format: *format,
                statuses: status,
                lang: *lang,
                today: today.unwrap_or_else(|| chrono::Local::now().date_naive()),
            };
            export_commitments(file, &job, output, out, err)
        }
        Command::Followups {
            file,
            today,
            within,
        } => followups(
            file,
            today.unwrap_or_else(|| chrono::Local::now().date_naive()),
            *within,
            out,
            err,
        ),
        Command::Import(ImportCommand::Attendees {
            file,
            from,
            meeting,
        }) => attendees::import_attendees(file, from, meeting.as_deref(), out, err),
        Command::Export(ExportCommand::Attendees {
            file,
            meeting,
            format,
            lang,
            output,
        }) => {
            attendees::export_attendees(file, meeting.as_deref(), *format, *lang, output, out, err)
        }
        Command::Export(ExportCommand::NameCards {
            file,
            meeting,
            output,
        }) => attendees::export_name_cards(file, meeting, output, out, err),
        Command::Generate {
            people,
            seed,
            output,
        } => generate(*people, *seed, output, out, err),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            // Output to a closed pipe (`| head`) is not an error worth a message.
            if e.kind() != std::io::ErrorKind::BrokenPipe {
                let _ = writeln!(err, "delegation-planner: {e}");
            }
            2
        }
    }
}

fn generate(
    people: usize,
    seed: u64,
    output: &Path,
    out: &mut dyn std::io::Write,
    err: &mut dyn std::io::Write,
) -> std::io::Result<i32> {
    if output.exists() {
        writeln!(
            err,
            "{}: already exists; choose another name (generate never replaces a file)",
            output.display()
        )?;
        return Ok(1);
    }
    let size = crate::synthetic::Size::people(people);
    let project = crate::synthetic::generate(size, seed);
    if let Err(e) = crate::project_file::save_project(output, &project) {
        writeln!(err, "{e}")?;
        return Ok(1);
    }
    writeln!(
        out,
        "{}: {} people, {} organisations, {} meetings ({} attendees and {} agenda items in the largest), {} commitments",
        output.display(),
        size.people,
        size.organisations,
        size.meetings,
        size.attendees,
        size.agenda_items,
        size.commitments
    )?;
    Ok(0)
}

fn load(file: &Path, err: &mut dyn std::io::Write) -> std::io::Result<Option<Project>> {
    match read_project(file) {
        Ok(project) => Ok(Some(project)),
        Err(e) => {
            writeln!(err, "{e}")?;
            Ok(None)
        }
    }
}

fn check(
    file: &Path,
    out: &mut dyn std::io::Write,
    err: &mut dyn std::io::Write,
) -> std::io::Result<i32> {
    let Some(project) = load(file, err)? else {
        return Ok(1);
    };
    let problems = validate(&project);
    let attendances: usize = project.meetings.values().map(|m| m.attendees.len()).sum();
    let items: usize = project.meetings.values().map(|m| m.agenda.len()).sum();
    writeln!(
        out,
        "{}: {} organisations, {} people, {} meetings ({} attendances, {} agenda items), {} commitments",
        file.display(),
        project.organisations.len(),
        project.people.len(),
        project.meetings.len(),
        attendances,
        items,
        project.commitments.len(),
    )?;
    if problems.is_empty() {
        writeln!(out, "{}: valid", file.display())?;
        Ok(0)
    } else {
        for problem in &problems {
            writeln!(err, "{}: {problem}", file.display())?;
        }
        writeln!(err, "{}: {} problems", file.display(), problems.len())?;
        Ok(1)
    }
}

fn list(
    what: ListWhat,
    file: &Path,
    out: &mut dyn std::io::Write,
    err: &mut dyn std::io::Write,
) -> std::io::Result<i32> {
    let Some(project) = load(file, err)? else {
        return Ok(1);
    };
    let mut out = std::io::BufWriter::new(out);
    match what {
        ListWhat::Meetings => {
            let mut meetings: Vec<_> = project.meetings.iter().collect();
            meetings.sort_by_key(|(id, m)| (m.date, m.start_time, (*id).clone()));
            for (id, m) in meetings {
                writeln!(out, "{id}\t{}\t{}", m.date, m.title.both())?;
            }
        }
        ListWhat::People => {
            let mut people: Vec<_> = project.people.iter().collect();
            people.sort_by_cached_key(|(id, p)| (p.sort_key(), (*id).clone()));
            for (id, p) in people {
                let org = p
                    .organisation
                    .as_ref()
                    .map(|o| project.organisation_name(o, false))
                    .unwrap_or_default();
                writeln!(out, "{id}\t{}\t{org}", p.display_name())?;
            }
        }
        ListWhat::Organisations => {
            for (id, o) in &project.organisations {
                writeln!(out, "{id}\t{}\t{}", o.acronym, o.name.both())?;
            }
        }
        ListWhat::Commitments => {
            for (id, c) in &project.commitments {
                let due = c
                    .due
                    .map(|d| d.to_string())
                    .unwrap_or_else(|| "-".to_owned());
                writeln!(
                    out,
                    "{id}\t{}\t{due}\t{}",
                    crate::model::Choice::label_en(c.status),
                    c.title.both()
                )?;
            }
        }
    }
    out.flush()?;
    Ok(0)
}

/// The meeting `id`, or a message listing the ids there are.
fn find_meeting<'p>(
    project: &'p Project,
    id: &str,
    file: &Path,
    err: &mut dyn std::io::Write,
) -> std::io::Result<Option<&'p Meeting>> {
    match project.meetings.get(id) {
        Some(m) => Ok(Some(m)),
        None => {
            let ids: Vec<_> = project.meetings.keys().map(MeetingId::as_str).collect();
            writeln!(
                err,
                "{}: no meeting `{id}`; the meetings are: {}",
                file.display(),
                if ids.is_empty() {
                    "(none)".to_owned()
                } else {
                    ids.join(", ")
                }
            )?;
            Ok(None)
        }
    }
}

/// Reads `--from`: a file, standard input (`-`), or the text itself.
fn read_text_argument(from: &str) -> std::io::Result<String> {
    if from == "-" {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin(), &mut text)?;
        return Ok(text);
    }
    let path = Path::new(from);
    if !from.contains('\n') && path.is_file() {
        let bytes = std::fs::read(path)?;
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
        return Ok(String::from_utf8_lossy(bytes).into_owned());
    }
    Ok(from.to_owned())
}

fn import_agenda(
    file: &Path,
    meeting_id: &str,
    from: &str,
    replace: bool,
    out: &mut dyn std::io::Write,
    err: &mut dyn std::io::Write,
) -> std::io::Result<i32> {
    let Some(mut project) = load(file, err)? else {
        return Ok(1);
    };
    let Some(meeting) = find_meeting(&project, meeting_id, file, err)? else {
        return Ok(1);
    };
    let text = read_text_argument(from)?;
    let preview = crate::import::agenda_text::parse(&text, &project, Some(meeting));
    if preview.lines.is_empty() {
        writeln!(
            err,
            "{}: no agenda item found in the text; nothing changed",
            file.display()
        )?;
        return Ok(1);
    }
    let updated = crate::import::agenda_text::apply_to_meeting(meeting, &preview, !replace);
    for (i, line) in preview.lines.iter().enumerate() {
        let minutes = preview.durations.get(i).copied().unwrap_or_default();
        let assumed = if preview.assumed_duration.get(i).copied().unwrap_or(false) {
            " (assumed)"
        } else {
            ""
        };
        let speakers: Vec<String> = line
            .speakers
            .iter()
            .map(|s| match &s.person {
                Some(id) => format!("{} = {id}", s.text),
                None => format!("{} (not found)", s.text),
            })
            .collect();
        writeln!(
            out,
            "line {}: {} min{assumed}  {}{}",
            line.line,
            minutes,
            line.title,
            if speakers.is_empty() {
                String::new()
            } else {
                format!("  [{}]", speakers.join("; "))
            }
        )?;
    }
    for line in &preview.skipped {
        writeln!(
            err,
            "{}: line {line} of the text gave no item",
            file.display()
        )?;
    }
    Edit::PutMeeting(MeetingId::from(meeting_id), Box::new(updated)).apply(&mut project);
    if let Err(e) = save_project(file, &project) {
        writeln!(err, "{e}")?;
        return Ok(1);
    }
    writeln!(
        out,
        "{}: {} {} agenda items to meeting {meeting_id}",
        file.display(),
        if replace {
            "replaced the agenda with"
        } else {
            "added"
        },
        preview.lines.len()
    )?;
    Ok(0)
}

fn export_agenda(
    file: &Path,
    meeting_id: &str,
    format: AgendaFormat,
    lang: ExportLanguage,
    output: &Path,
    out: &mut dyn std::io::Write,
    err: &mut dyn std::io::Write,
) -> std::io::Result<i32> {
    use crate::export::agenda;
    let Some(project) = load(file, err)? else {
        return Ok(1);
    };
    let Some(meeting) = find_meeting(&project, meeting_id, file, err)? else {
        return Ok(1);
    };
    let id = MeetingId::from(meeting_id);
    let bytes = match agenda::render(&project, &id, meeting, format, lang, chrono::Utc::now()) {
        Ok(bytes) => bytes,
        Err(e) => {
            writeln!(err, "{}: could not make the PDF: {e}", output.display())?;
            return Ok(1);
        }
    };
    write_output(output, &bytes, out, err)
}

/// Writes an export atomically and says so; exit code 1 with the reason when it fails.
fn write_output(
    output: &Path,
    bytes: &[u8],
    out: &mut dyn std::io::Write,
    err: &mut dyn std::io::Write,
) -> std::io::Result<i32> {
    if let Err(e) = write_file_atomically(output, bytes) {
        writeln!(err, "{e}")?;
        return Ok(1);
    }
    writeln!(out, "wrote {} ({} bytes)", output.display(), bytes.len())?;
    Ok(0)
}

/// What `export commitments` was asked for.
struct CommitmentsJob<'a> {
    format: crate::export::commitments::CommitmentsFormat,
    statuses: &'a [StatusArg],
    lang: ExportLanguage,
    today: chrono::NaiveDate,
}

fn export_commitments(
    file: &Path,
    job: &CommitmentsJob<'_>,
    output: &Path,
    out: &mut dyn std::io::Write,
    err: &mut dyn std::io::Write,
) -> std::io::Result<i32> {
    let Some(project) = load(file, err)? else {
        return Ok(1);
    };
    let filter = crate::model::followup::Filter {
        statuses: job.statuses.iter().flat_map(|s| s.statuses()).collect(),
        ..Default::default()
    };
    let bytes = match crate::export::commitments::render(
        &project, &filter, job.format, job.lang, job.today,
    ) {
        Ok(bytes) => bytes,
        Err(e) => {
            writeln!(err, "{}: could not make the PDF: {e}", output.display())?;
            return Ok(1);
        }
    };
    write_output(output, &bytes, out, err)
}

fn followups(
    file: &Path,
    today: chrono::NaiveDate,
    within: u32,
    out: &mut dyn std::io::Write,
    err: &mut dyn std::io::Write,
) -> std::io::Result<i32> {
    let Some(project) = load(file, err)? else {
        return Ok(1);
    };
    out.write_all(crate::export::commitments::followups_text(&project, today, within).as_bytes())?;
    Ok(0)
}
