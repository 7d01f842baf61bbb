//! The headless command line. It shares loading, saving, import and export with the app, so
//! scripts and tests reach exactly the code the app runs: edits go through a
//! [`Document`], exports through an [`ExportRequest`].
//!
//! One file per group of commands: `check` and `list` ([`check`]), agendas ([`agenda`]),
//! attendee lists and name cards ([`attendees`]), commitments and follow-ups
//! ([`commitments`]), and `generate` ([`generate`]).

mod agenda;
mod agenda_lines;
mod attendees;
mod check;
mod commitments;
mod editing;
mod exporting;
mod generate;
pub mod letters;
mod merge;
mod output;
pub mod seating;
mod terminal;

/// Kept for the app until it renders through [`ExportRequest`].
pub use crate::export::attendees::render as render_attendees;
pub use check::ListWhat;
pub use commitments::StatusArg;
pub use terminal::Terminal;

use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand};

use crate::export::agenda::AgendaFormat;
use crate::export::{ExportLanguage, ExportRequest};
use crate::model::{Meeting, MeetingId, Project, clip_for_message};
use crate::project_file::read_project;
use editing::{apply_and_save, load_document};
use exporting::{export, export_loaded, options};
use terminal::shown_path;

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
    /// Merge two copies of a project against their common version, entity by entity; a
    /// git merge driver: `delegation-planner merge %O %A %B -o %A`. Exit code 0 when
    /// merged cleanly, 1 when conflicts remain (mine is kept for them, and they are
    /// recorded in OUTPUT for the app to show), 2 when a file cannot be read or written.
    Merge {
        /// The common version the two copies come from (an empty file: none, and every
        /// difference is a conflict).
        base: PathBuf,
        /// Mine.
        ours: PathBuf,
        /// Theirs.
        theirs: PathBuf,
        /// Where to write the merge: OURS itself (as git does), a new file, or `-` for
        /// standard output. No other project is ever replaced.
        #[arg(short, long)]
        output: PathBuf,
        /// What the app calls their copy when it shows the conflicts (its file name by
        /// default).
        #[arg(long)]
        theirs_name: Option<String>,
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
        /// Where to write the project (`-` for standard output); an existing file is
        /// never replaced.
        #[arg(short, long)]
        output: PathBuf,
    },
}

/// What `import` reads.
#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// An attendee list: a workbook (XLSX, XLSM, XLS, ODS), a CSV or TSV in any encoding,
    /// or text as pasted (`Mr. HUANG Jixian 黄继先 … > Title,CCAA, Ms. …`, one person per
    /// line, a table). People already there are matched; the fields a revised list fills
    /// are filled, those it changes are printed (and applied with `--update`).
    Attendees {
        /// The project file.
        file: PathBuf,
        /// The list: .xlsx, .xlsm, .xls, .ods, .csv, .tsv or .txt.
        #[arg(long)]
        from: PathBuf,
        /// Also add them to this meeting's attendance (see `list meetings`).
        #[arg(long)]
        meeting: Option<String>,
        /// Apply the fields the list changes for people already there (by default only
        /// empty fields are filled).
        #[arg(long)]
        update: bool,
        /// The sheet of a workbook to read (name or number); the first with data by default.
        #[arg(long)]
        sheet: Option<String>,
        /// The encoding of a text list (UTF-8, GB18030, Big5, Windows-1252, UTF-16LE…);
        /// detected by default.
        #[arg(long)]
        encoding: Option<String>,
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
        /// Personal-data columns to add to a CSV or workbook (none by default): `all`, or
        /// any of gender, date-of-birth, nationality, passport-number, passport-expiry.
        #[arg(long, value_delimiter = ',')]
        personal: Vec<String>,
        /// Print the internal notes too (the planners' own copy); a copy for partners
        /// leaves every internal note and remark out.
        #[arg(long)]
        with_notes: bool,
        /// The author a Word document names in its properties.
        #[arg(long)]
        author: Option<String>,
        /// Where to write it (`-` for standard output).
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
        /// The paper: one card per A4 sheet, one per A5 sheet, or two A5 cards per A4 sheet.
        #[arg(long, value_enum, default_value_t = crate::export::pdf::CardSize::A4Folded)]
        size: crate::export::pdf::CardSize,
        /// What faces the guests: both scripts on both sides, or Chinese (`zh`) or English
        /// (`en`) towards the guests and the other language on the back.
        #[arg(long, value_enum, default_value_t = crate::export::pdf::CardFace::Both)]
        face: crate::export::pdf::CardFace,
        /// Print the Latin name on the Chinese face of people who have no Chinese name
        /// (`LIU Jiang 先生`); without it the command names them and writes nothing.
        #[arg(long)]
        allow_latin_on_zh: bool,
        /// Where to write the PDF (`-` for standard output).
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
        /// With `--format ics`: one calendar event per agenda item instead of one per day.
        #[arg(long)]
        per_item: bool,
        /// Print the internal notes too (the planners' own copy); a copy for partners
        /// leaves every internal note and remark out.
        #[arg(long)]
        with_notes: bool,
        /// The author a Word document names in its properties.
        #[arg(long)]
        author: Option<String>,
        /// Where to write it (`-` for standard output).
        #[arg(short, long)]
        output: PathBuf,
    },
    /// A meeting's minutes: header, attendees by side, each item's summary, decisions and
    /// commitments, and every agreed point (`--lang both`: English and Chinese side by side).
    Minutes {
        /// The project file.
        file: PathBuf,
        /// The meeting id (see `list meetings`).
        #[arg(long)]
        meeting: String,
        /// Output format.
        #[arg(long, value_enum)]
        format: crate::export::minutes::MinutesFormat,
        /// Language of the document.
        #[arg(long, value_enum, default_value_t = ExportLanguage::Both)]
        lang: ExportLanguage,
        /// Mark the minutes final (else the meeting's own mark, draft by default).
        #[arg(long = "final")]
        final_: bool,
        /// The version date printed on the minutes (YYYY-MM-DD); else the meeting's, else today.
        #[arg(long)]
        version_date: Option<chrono::NaiveDate>,
        /// Print the internal notes too (the planners' own copy); a copy for partners
        /// leaves every internal note and remark out.
        #[arg(long)]
        with_notes: bool,
        /// The author a Word document names in its properties.
        #[arg(long)]
        author: Option<String>,
        /// Where to write it (`-` for standard output).
        #[arg(short, long)]
        output: PathBuf,
    },
    /// One document per person from a Word template (`{{placeholders}}`) or a built-in one:
    /// visa invitation letters, certificates of attendance. Every value is checked first:
    /// when one is missing, nothing is written and each person and field is named.
    Letters {
        /// The project file.
        file: PathBuf,
        /// The meeting id (see `list meetings`).
        #[arg(long)]
        meeting: String,
        /// A Word template (.docx, .dotx), or a built-in one: china-visa, schengen-visa,
        /// attendance.
        #[arg(long)]
        template: String,
        /// The people (ids, comma-separated; see `list people`); by default the meeting's
        /// guests who are invited, confirmed or attending.
        #[arg(long, value_delimiter = ',')]
        people: Vec<String>,
        /// Language of the values (and of a built-in letter): both by default for a
        /// built-in letter, English for a template of one's own.
        #[arg(long, value_enum)]
        lang: Option<ExportLanguage>,
        /// Word documents, or PDF (built-in templates only).
        #[arg(long, value_enum, default_value_t = crate::export::letters::LetterFormat::Docx)]
        format: crate::export::letters::LetterFormat,
        /// The date the letters carry (YYYY-MM-DD); today by default.
        #[arg(long)]
        today: Option<chrono::NaiveDate>,
        /// Replace letters already in the folder (by default nothing is written then).
        #[arg(long)]
        overwrite: bool,
        /// The folder the letters go in (made if needed).
        #[arg(short, long)]
        output: PathBuf,
    },
    /// A copy of the project to mail to a counterpart, without passport numbers, birth
    /// dates, phones, e-mails and custom personal fields.
    Share {
        /// The project file.
        file: PathBuf,
        /// Leave out all personal data (required: it is what a shared copy is).
        #[arg(long)]
        without_personal_data: bool,
        /// The copy (a new project file).
        #[arg(short, long)]
        output: PathBuf,
    },
    /// A meeting's seating plan: the talks table or the banquet rounds, by the protocol
    /// rules around the seats placed by hand in the app. CSV: one row per attendee not
    /// marked absent; PDF: the room drawn with a name at every seat, then the lists; Word:
    /// the plan as a document. Who has no seat is said on standard error.
    Seating(seating::SeatingArgs),
    /// Place cards of a meeting's seating plan: folded name cards in seat order, each
    /// marked with its table and seat (PDF).
    PlaceCards(seating::PlaceCardArgs),
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
        /// Print the internal notes too (the planners' own copy); a copy for partners
        /// leaves every internal note and remark out.
        #[arg(long)]
        with_notes: bool,
        /// Where to write it (`-` for standard output).
        #[arg(short, long)]
        output: PathBuf,
    },
}

/// Runs a command, writing to `out` and `err`; returns the process exit code.
///
/// What it prints is escaped for a terminal ([`Terminal`]): standard error always, standard
/// output for the commands that print text. An export or `generate` with `-o -` writes the
/// file's own bytes there, as they are.
pub fn run(command: &Command, out: &mut dyn std::io::Write, err: &mut dyn std::io::Write) -> i32 {
    let mut err = Terminal::new(err);
    let code = match command {
        Command::Export(_) | Command::Generate { .. } => run_on(command, out, &mut err),
        _ => {
            let mut out = Terminal::new(out);
            let code = run_on(command, &mut out, &mut err);
            finish(&mut out, code)
        }
    };
    finish(&mut err, code)
}

/// `code`, after flushing `stream` (a closed pipe is no reason for another code).
fn finish(stream: &mut Terminal<'_>, code: i32) -> i32 {
    use std::io::Write as _;
    match stream.flush() {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => 2,
        _ => code,
    }
}

fn run_on(command: &Command, out: &mut dyn std::io::Write, err: &mut dyn std::io::Write) -> i32 {
    let today =
        |day: &Option<chrono::NaiveDate>| day.unwrap_or_else(|| chrono::Local::now().date_naive());
    let result = match command {
        Command::Check { file } => check::check(file, out, err),
        Command::List { what, file } => check::list(*what, file, out, err),
        Command::Import(ImportCommand::Agenda {
            file,
            meeting,
            from,
            replace,
        }) => agenda::import_agenda(file, meeting, from, *replace, out, err),
        Command::Import(ImportCommand::Attendees {
            file,
            from,
            meeting,
            update,
            sheet,
            encoding,
        }) => {
            let args = attendees::AttendeeImport {
                file,
                from,
                meeting: meeting.as_deref(),
                update: *update,
                sheet: sheet.as_deref(),
                encoding: encoding.as_deref(),
            };
            attendees::import_attendees(&args, out, err)
        }
        Command::Export(ExportCommand::Agenda {
            file,
            meeting,
            format,
            lang,
            per_item,
            with_notes,
            author,
            output,
        }) => {
            let format = match (format, per_item) {
                (AgendaFormat::Ics, true) => AgendaFormat::IcsPerItem,
                (other, _) => *other,
            };
            let request = ExportRequest::Agenda {
                meeting: MeetingId::from(meeting.as_str()),
                format,
                language: *lang,
            };
            export(
                file,
                &request,
                &options(*with_notes, author),
                output,
                out,
                err,
            )
        }
        Command::Export(ExportCommand::Minutes {
            file,
            meeting,
            format,
            lang,
            final_,
            version_date,
            with_notes,
            author,
            output,
        }) => {
            let request = ExportRequest::Minutes {
                meeting: MeetingId::from(meeting.as_str()),
                format: *format,
                language: *lang,
                mark: crate::export::minutes::MinutesMark {
                    stage: final_.then_some(crate::model::MinutesStage::Final),
                    version: *version_date,
                },
            };
            export(
                file,
                &request,
                &options(*with_notes, author),
                output,
                out,
                err,
            )
        }
        Command::Export(ExportCommand::Commitments {
            file,
            format,
            status,
            lang,
            today: day,
            with_notes,
            output,
        }) => {
            let request = commitments::request(*format, status, *lang, today(day));
            export(
                file,
                &request,
                &options(*with_notes, &None),
                output,
                out,
                err,
            )
        }
        Command::Export(ExportCommand::Attendees {
            file,
            meeting,
            format,
            lang,
            personal,
            with_notes,
            author,
            output,
        }) => match letters::personal_columns(personal) {
            Ok(personal) => {
                let request = ExportRequest::Attendees {
                    meeting: meeting.as_deref().map(MeetingId::from),
                    format: *format,
                    language: *lang,
                    personal,
                };
                export(
                    file,
                    &request,
                    &options(*with_notes, author),
                    output,
                    out,
                    err,
                )
            }
            Err(message) => writeln!(err, "{message}").map(|()| 1),
        },
        Command::Export(ExportCommand::NameCards {
            file,
            meeting,
            size,
            face,
            allow_latin_on_zh,
            output,
        }) => {
            let cards = crate::export::pdf::CardOptions {
                size: *size,
                face: *face,
            };
            attendees::name_cards(file, meeting, cards, *allow_latin_on_zh, output, out, err)
        }
        Command::Export(ExportCommand::Letters {
            file,
            meeting,
            template,
            people,
            lang,
            format,
            today: day,
            overwrite,
            output,
        }) => {
            let args = letters::LetterArgs {
                file,
                meeting,
                template,
                people,
                lang: *lang,
                format: *format,
                today: today(day),
                overwrite: *overwrite,
                output,
            };
            letters::export_letters(&args, out, err)
        }
        Command::Export(ExportCommand::Share {
            file,
            without_personal_data,
            output,
        }) => letters::export_share(file, *without_personal_data, output, out, err),
        Command::Export(ExportCommand::Seating(args)) => seating::export_seating(args, out, err),
        Command::Export(ExportCommand::PlaceCards(args)) => {
            seating::export_place_cards(args, out, err)
        }
        Command::Followups {
            file,
            today: day,
            within,
        } => commitments::followups(file, today(day), *within, out, err),
        Command::Generate {
            people,
            seed,
            output,
        } => generate::generate(*people, *seed, output, out, err),
        Command::Merge {
            base,
            ours,
            theirs,
            output,
            theirs_name,
        } => merge::run(
            &merge::MergeFiles {
                base,
                ours,
                theirs,
                output,
                theirs_name: theirs_name.as_deref(),
            },
            out,
            err,
        ),
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

/// The project in `file`, or `None` after saying why it could not be read.
fn load(file: &Path, err: &mut dyn std::io::Write) -> std::io::Result<Option<Project>> {
    match read_project(file) {
        Ok(project) => Ok(Some(project)),
        Err(e) => {
            writeln!(err, "{e}")?;
            Ok(None)
        }
    }
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
            // Ids come from the file and the command line: quoted short, and not all of a
            // registry's meetings.
            const LISTED: usize = 20;
            let mut ids: Vec<_> = project
                .meetings
                .keys()
                .take(LISTED)
                .map(|m| clip_for_message(m.as_str()))
                .collect();
            if project.meetings.len() > LISTED {
                ids.push(format!("and {} more", project.meetings.len() - LISTED).into());
            }
            writeln!(
                err,
                "{}: no meeting `{}`; the meetings are: {}",
                shown_path(file),
                clip_for_message(id),
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
