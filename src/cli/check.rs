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
                writeln!(
                    out,
                    "{}\t{}\t{}",
                    escape(id.as_str()),
                    m.start_date(),
                    escape(&m.title.both())
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
                    escape(id.as_str()),
                    escape(&p.display_name()),
                    escape(&org)
                )?;
            }
        }
        ListWhat::Organisations => {
            for (id, o) in &project.organisations {
                writeln!(
                    out,
                    "{}\t{}\t{}",
                    escape(id.as_str()),
                    escape(&o.acronym),
                    escape(&o.name.both())
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
                    escape(id.as_str()),
                    crate::model::Choice::label_en(c.status),
                    escape(&c.title.both())
                )?;
            }
        }
    }
    out.flush()?;
    Ok(0)
}

/// A field of `list`'s output: one entity per line and one field per tab, whatever the
/// file holds. Control characters (ESC, BEL, a tab, a line break) and the invisible
/// characters that reorder or hide text are written as escapes (`\n`, `\u{1b}`,
/// `\u{202e}`), and a backslash as `\\`, so that a terminal shows what is there and a
/// script reads the same columns on every line. Everything else (Chinese, accents,
/// emoji) is written as it is.
fn escape(text: &str) -> std::borrow::Cow<'_, str> {
    let needs = |c: char| c == '\\' || c.is_control() || crate::export::sanitize::is_invisible(c);
    if !text.contains(needs) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if needs(c) => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
            c => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    #[test]
    fn list_fields_stay_on_one_line_and_show_what_is_there() {
        use super::escape;
        assert_eq!(escape("HUANG Jixian 黄继先"), "HUANG Jixian 黄继先");
        assert_eq!(escape("a\u{1b}[31mred\u{7}"), "a\\u{1b}[31mred\\u{7}");
        assert_eq!(escape("two\nlines\tand tab"), "two\\nlines\\tand tab");
        assert_eq!(escape("back\\slash"), "back\\\\slash");
        assert_eq!(escape("Wang\u{202E}gnaW"), "Wang\\u{202e}gnaW");
    }
}
