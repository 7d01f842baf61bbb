//! `check` and `list`: what a project holds and what is wrong with it.

use std::io::Write as _;
use std::path::Path;

use clap::ValueEnum;

use super::load;
use crate::model::validate;

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

/// Prints the counts of a project and its problems; exit code 1 when it has any.
pub(super) fn check(
    file: &Path,
    out: &mut dyn std::io::Write,
    err: &mut dyn std::io::Write,
) -> std::io::Result<i32> {
    let Some(project) = load(file, err)? else {
        return Ok(1);
    };
    let problems = validate(&project);
    let attendances: usize = project.meetings.values().map(|m| m.attendees.len()).sum();
    let items: usize = project.meetings.values().map(|m| m.item_count()).sum();
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

/// Lists the meetings, people, organisations or commitments of a project, one per line.
pub(super) fn list(
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
            meetings.sort_by_key(|(id, m)| (m.starts_at(), (*id).clone()));
            for (id, m) in meetings {
                writeln!(out, "{id}\t{}\t{}", m.start_date(), m.title.both())?;
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
