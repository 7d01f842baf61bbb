//! `merge BASE OURS THEIRS -o OUT`: two copies of a project merged by entity against
//! their common version, as git's merge driver for project files:
//!
//! ```text
//! # .gitattributes
//! *.ron merge=delegation-planner
//! git config merge.delegation-planner.driver "delegation-planner merge %O %A %B -o %A"
//! ```
//!
//! Exit code 0: merged cleanly. 1: conflicts remain: OUT holds every change that did not
//! conflict, mine for the conflicted values, and the conflicts themselves, which the app
//! shows when OUT is opened; one line per conflict names the entity and the field. 2: a
//! file could not be read, or OUT may not be written (nothing is written then).

use std::path::Path;

use super::output::is_stdout;
use crate::i18n::Language;
use crate::i18n::merge_words::{change_line, conflict_line, entity_name};
use crate::merge::{Choices, EntityRef, fresh_revision, incoming, merge};
use crate::model::{PendingMerge, Project};
use crate::project_file::{
    OutputRefusal, check_merge_output, read_project, to_ron_string, write_copy_atomically,
};

/// The files of a merge.
pub(super) struct MergeFiles<'a> {
    pub base: &'a Path,
    pub ours: &'a Path,
    pub theirs: &'a Path,
    pub output: &'a Path,
    /// What the app calls their copy; its file name by default.
    pub theirs_name: Option<&'a str>,
}

/// Runs `merge`; returns the exit code.
pub(super) fn run(
    files: &MergeFiles<'_>,
    out: &mut dyn std::io::Write,
    err: &mut dyn std::io::Write,
) -> std::io::Result<i32> {
    let MergeFiles {
        base,
        ours,
        theirs,
        output,
        theirs_name,
    } = *files;
    if !is_stdout(output)
        && let Err(refusal) = check_merge_output(output, ours, &[base, theirs])
    {
        let hint = match refusal {
            OutputRefusal::NotAFile(_) => "; give a file name after -o, or `-o -`",
            _ => "; give OURS itself or a new file name after -o",
        };
        writeln!(err, "{}: not written: {refusal}{hint}", output.display())?;
        return Ok(2);
    }
    // git gives an empty file as the base of two copies added separately: no common
    // version, every difference a conflict.
    let base_project = match std::fs::metadata(base) {
        Ok(meta) if meta.is_file() && meta.len() == 0 => None,
        _ => match read_project(base) {
            Ok(project) => Some(project),
            Err(e) => {
                writeln!(err, "{e}")?;
                return Ok(2);
            }
        },
    };
    let (mine, their) = match (read_project(ours), read_project(theirs)) {
        (Ok(mine), Ok(their)) => (mine, their),
        (Err(e), _) | (_, Err(e)) => {
            writeln!(err, "{e}")?;
            return Ok(2);
        }
    };
    let merged = merge(base_project.as_ref(), &mine, &their, &Choices::new());
    let mut project = merged.project;
    record(&mut project, &mine, &their);
    if !merged.conflicts.is_empty() {
        let name = theirs_name.map(str::to_owned).unwrap_or_else(|| {
            theirs
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        });
        project.merge.pending = Some(keep_earlier(
            PendingMerge {
                theirs: name,
                ..merged.pending
            },
            mine.merge.pending.as_ref(),
        ));
    }

    let mut report: Vec<String> = Vec::new();
    let projects = [&project, &mine, &their];
    let language = Language::English;
    let changes = incoming(&mine, &project);
    for change in &changes {
        report.push(change_line(change, &projects, language));
    }
    for duplicate in &merged.duplicates {
        let name = |id: &crate::model::PersonId| {
            entity_name(&EntityRef::Person(id.clone()), &projects, language)
        };
        report.push(format!(
            "probable duplicate: {} ({}) and {} ({}), added on each side",
            name(&duplicate.ours),
            duplicate.ours,
            name(&duplicate.theirs),
            duplicate.theirs
        ));
    }
    for conflict in &merged.conflicts {
        report.push(format!(
            "conflict: {}",
            conflict_line(conflict, &projects, language)
        ));
    }

    let text = match to_ron_string(&project) {
        Ok(text) => text,
        Err(e) => {
            writeln!(err, "{}: not written: {e}", output.display())?;
            return Ok(2);
        }
    };
    if is_stdout(output) {
        out.write_all(text.as_bytes())?;
        out.flush()?;
    } else if let Err(e) = write_copy_atomically(output, text.as_bytes()) {
        writeln!(err, "{e}")?;
        return Ok(2);
    }
    let kind = if base_project.is_some() {
        "three-way"
    } else {
        "two-way, no common version"
    };
    report.push(if merged.conflicts.is_empty() {
        format!(
            "merged ({kind}): {} entries changed, no conflict; wrote {}",
            changes.len(),
            output.display()
        )
    } else {
        format!(
            "merged ({kind}) with {} conflicts: mine is kept for them in {}; open it in Delegation Planner to choose",
            merged.conflicts.len(),
            output.display()
        )
    });
    // With `-o -` standard output carries the project: the report goes to the errors.
    let stream: &mut dyn std::io::Write = if is_stdout(output) { err } else { out };
    for line in &report {
        writeln!(stream, "{line}")?;
    }
    Ok(if merged.conflicts.is_empty() { 0 } else { 1 })
}

/// The merge is a new version descending from both copies.
fn record(project: &mut Project, mine: &Project, their: &Project) {
    let merged_in: Vec<String> = their.lineage.line().map(str::to_owned).collect();
    project.lineage = mine.lineage.next(fresh_revision(), &merged_in);
    project.merge.merged.clear();
}

/// The conflicts of an earlier merge still waiting in mine, for entities this merge did
/// not find in conflict again, are kept beside the new ones.
fn keep_earlier(mut pending: PendingMerge, earlier: Option<&PendingMerge>) -> PendingMerge {
    let Some(earlier) = earlier else {
        return pending;
    };
    if earlier.three_way != pending.three_way {
        return pending;
    }
    let key = |e: &crate::model::ConflictedEntity| format!("{:?}", EntityRef::of(e));
    let known: std::collections::HashSet<String> = pending.entities.iter().map(key).collect();
    for entity in &earlier.entities {
        if !known.contains(&key(entity)) {
            pending.entities.push(entity.clone());
        }
    }
    pending
}
