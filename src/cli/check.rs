//! `check` and `list`: what a project holds and what is wrong with it.

use std::io::Write as _;
use std::path::Path;

use clap::ValueEnum;

use super::load;
use super::terminal::{shown, shown_path};
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
        "{}: {}, {}, {} ({}, {}), {}",
        shown_path(file),
        count(project.organisations.len(), "organisation", "organisations"),
        count(project.people.len(), "person", "people"),
        count(project.meetings.len(), "meeting", "meetings"),
        count(attendances, "attendance", "attendances"),
        count(items, "agenda item", "agenda items"),
        count(project.commitments.len(), "commitment", "commitments"),
    )?;
    if problems.is_empty() {
        writeln!(out, "{}: valid", shown_path(file))?;
        Ok(0)
    } else {
        for problem in &problems {
            writeln!(err, "{}: {problem}", shown_path(file))?;
        }
        writeln!(
            err,
            "{}: {}",
            shown_path(file),
            count(problems.len(), "problem", "problems")
        )?;
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
                writeln!(
                    out,
                    "{}\t{}\t{}",
                    shown(id.as_str()),
                    m.start_date(),
                    shown(&m.title.both())
                )?;
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
                writeln!(
                    out,
                    "{}\t{}\t{}",
                    shown(id.as_str()),
                    shown(&p.display_name()),
                    shown(&org)
                )?;
            }
        }
        ListWhat::Organisations => {
            for (id, o) in &project.organisations {
                writeln!(
                    out,
                    "{}\t{}\t{}",
                    shown(id.as_str()),
                    shown(&o.acronym),
                    shown(&o.name.both())
                )?;
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
                    "{}\t{}\t{due}\t{}",
                    shown(id.as_str()),
                    crate::model::Choice::label_en(c.status),
                    shown(&c.title.both())
                )?;
            }
        }
    }
    out.flush()?;
    Ok(0)
}

/// `1 meeting`, `2 meetings`.
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    /// A field of `list`'s output: one entity per line and one field per tab, whatever the
    /// file holds; a script reads the same columns on every line.
    #[test]
    fn list_fields_stay_on_one_line_and_show_what_is_there() {
        use super::shown;
        assert_eq!(shown("HUANG Jixian 黄继先"), "HUANG Jixian 黄继先");
        assert_eq!(shown("a\u{1b}[31mred\u{7}"), "a\\u{1b}[31mred\\u{7}");
        assert_eq!(shown("two\nlines\tand tab"), "two\\nlines\\tand tab");
        assert_eq!(shown("back\\slash"), "back\\\\slash");
        assert_eq!(shown("Wang\u{202E}gnaW"), "Wang\\u{202e}gnaW");
    }
}
