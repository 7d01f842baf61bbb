//! The headless command line. It shares loading, saving and (later) import and export with
//! the app, so scripts and tests reach exactly the code the app runs.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand, ValueEnum};

use crate::model::{Project, validate};
use crate::project_file::read_project;

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
