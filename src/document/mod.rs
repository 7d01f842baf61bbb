//! An open project and the one path by which it changes.
//!
//! Panels and commands never mutate a [`Project`] directly: they build an [`Edit`] and hand
//! it to [`Document::apply`], which applies it, records its inverse for undo, and moves the
//! unsaved-changes mark. Nothing here knows about egui.

mod edit;
mod history;
mod meeting_ids;

use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

pub use edit::{Edit, Touched};
pub use history::History;

use crate::model::Project;

/// A project being edited: the data, where it lives on disk, and its undo history.
#[derive(Debug, Default)]
pub struct Document {
    project: Project,
    path: Option<PathBuf>,
    history: History,
    /// The history state that matches the file on disk; `None` when nothing on disk does.
    saved_state: Option<u64>,
    /// Identifies the project as it is now, unique across every document of this process.
    revision: u64,
    /// The latest changes, newest last, so caches can catch up entry by entry.
    journal: VecDeque<Change>,
}

/// An edit applied to a snapshot of a document, away from the UI thread, waiting to be
/// installed with [`Document::install`]. For edits too large for a frame: a 50,000-row
/// import applied on the UI thread would stall it for a good part of a second.
#[derive(Debug)]
pub struct PreparedEdit {
    project: Project,
    inverse: Edit,
    touched: Vec<Touched>,
    /// The document revision the snapshot was taken at.
    revision: u64,
}

impl PreparedEdit {
    /// Applies `edit` to `project`, a snapshot of a document at `revision` (see
    /// [`Document::snapshot`]); `None` when the edit changes nothing.
    pub fn prepare(mut project: Project, revision: u64, edit: Edit) -> Option<Self> {
        if !edit.changes(&project) {
            return None;
        }
        let mut touched = Vec::new();
        edit.touched(&mut touched);
        let inverse = edit.apply(&mut project);
        Some(Self {
            project,
            inverse,
            touched,
            revision,
        })
    }
}

/// A prepared edit was refused: the document changed after its snapshot was taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("the project changed while the edit was being prepared")]
pub struct Stale;

/// One change of a document: from one revision to the next, and what it touched.
#[derive(Debug)]
struct Change {
    before: u64,
    after: u64,
    touched: Vec<Touched>,
}

/// How many changes the journal keeps; a cache further behind rebuilds.
const JOURNAL_LEN: usize = 64;

/// Revisions are drawn from one counter, so two documents never share one and a cache
/// built for a closed document can never be mistaken for the open one's.
fn next_revision() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

impl Document {
    /// A document for a project that exists on disk at `path` exactly as given.
    pub fn from_file(project: Project, path: PathBuf) -> Self {
        Self {
            project,
            path: Some(path),
            history: History::default(),
            saved_state: Some(0),
            revision: next_revision(),
            journal: VecDeque::new(),
        }
    }

    /// A document with changes not saved to `path`, brought back from a recovery copy.
    pub fn restored(project: Project, path: Option<PathBuf>) -> Self {
        Self {
            project,
            path,
            history: History::default(),
            saved_state: None,
            revision: next_revision(),
            journal: VecDeque::new(),
        }
    }

    /// A document that has never been saved (a new project or a copy of a sample).
    ///
    /// `dirty` says whether closing it should ask first (true for a copied sample with
    /// content, false for an empty new project).
    pub fn unsaved(project: Project, dirty: bool) -> Self {
        Self {
            project,
            path: None,
            history: History::default(),
            saved_state: if dirty { None } else { Some(0) },
            revision: next_revision(),
            journal: VecDeque::new(),
        }
    }

    /// The project as it is now.
    pub fn project(&self) -> &Project {
        &self.project
    }

    /// A copy of the project as it is now and its revision, for work on another thread: a
    /// pointer copy (the entity maps are persistent).
    pub fn snapshot(&self) -> (Project, u64) {
        (self.project.clone(), self.revision)
    }

    /// Where the project is saved, if it has been.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// True when there are changes not written to [`Self::path`].
    pub fn is_dirty(&self) -> bool {
        self.saved_state != Some(self.history.state())
    }

    /// Changes every time the project changes (edit, undo or redo); caches key on it.
    /// Unique across documents: a new or reopened document never repeats a revision.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// What changed since `revision`, oldest first; `None` when that revision is not
    /// this document's or is too far back (the caller then rebuilds from scratch).
    pub fn changes_since(&self, revision: u64) -> Option<Vec<&Touched>> {
        if revision == self.revision {
            return Some(Vec::new());
        }
        let start = self.journal.iter().rposition(|c| c.before == revision)?;
        Some(
            self.journal
                .iter()
                .skip(start)
                .flat_map(|c| c.touched.iter())
                .collect(),
        )
    }

    fn note_change(&mut self, edits: &[Edit]) {
        let mut touched = Vec::new();
        for edit in edits {
            edit.touched(&mut touched);
        }
        self.note_touched(touched);
    }

    fn note_touched(&mut self, touched: Vec<Touched>) {
        let after = next_revision();
        self.journal.push_back(Change {
            before: self.revision,
            after,
            touched,
        });
        if self.journal.len() > JOURNAL_LEN {
            self.journal.pop_front();
        }
        debug_assert!(self.journal.back().is_some_and(|c| c.after == after));
        self.revision = after;
    }

    /// Applies an edit as its own undo step. Returns false, recording nothing, when the
    /// edit changes nothing.
    pub fn apply(&mut self, edit: Edit) -> bool {
        self.apply_merging(edit, None)
    }

    /// Applies an edit; consecutive edits with the same `merge_key` (typing in one field)
    /// become a single undo step until [`Self::seal`] is called. An edit that changes
    /// nothing records nothing: no undo step, no new revision, no unsaved mark; then it
    /// returns false.
    pub fn apply_merging(&mut self, edit: Edit, merge_key: Option<String>) -> bool {
        if !edit.changes(&self.project) {
            return false;
        }
        self.note_change(std::slice::from_ref(&edit));
        let inverse = edit.apply(&mut self.project);
        self.history.record(inverse, merge_key);
        true
    }

    /// Installs an edit applied off the UI thread ([`PreparedEdit::prepare`]) as one undo
    /// step: the project it made replaces this one, which costs a pointer swap whatever the
    /// edit's size. Returns the project replaced (dropping a large one takes time: the
    /// caller may do it elsewhere). Refused, changing nothing, when the document changed
    /// since the snapshot the edit was applied to.
    pub fn install(&mut self, prepared: PreparedEdit) -> Result<Project, Stale> {
        if prepared.revision != self.revision {
            return Err(Stale);
        }
        let PreparedEdit {
            project,
            inverse,
            touched,
            ..
        } = prepared;
        self.note_touched(touched);
        let old = std::mem::replace(&mut self.project, project);
        self.history.record(inverse, None);
        Ok(old)
    }

    /// Ends the current typing burst: the next edit starts a new undo step.
    pub fn seal(&mut self) {
        self.history.seal();
    }

    /// Undoes the last step. Returns false when there was nothing to undo.
    pub fn undo(&mut self) -> bool {
        let Some(edits) = self.history.next_undo() else {
            return false;
        };
        // The inverse touches exactly what the edit touched; noted before it moves.
        let mut touched = Vec::new();
        edits.iter().for_each(|e| e.touched(&mut touched));
        let done = self.history.undo(&mut self.project);
        self.note_touched(touched);
        done
    }

    /// Redoes the last undone step. Returns false when there was nothing to redo.
    pub fn redo(&mut self) -> bool {
        let Some(edits) = self.history.next_redo() else {
            return false;
        };
        let mut touched = Vec::new();
        edits.iter().for_each(|e| e.touched(&mut touched));
        let done = self.history.redo(&mut self.project);
        self.note_touched(touched);
        done
    }

    /// True when [`Self::undo`] would do something.
    pub fn can_undo(&self) -> bool {
        self.history.can_undo()
    }

    /// True when [`Self::redo`] would do something.
    pub fn can_redo(&self) -> bool {
        self.history.can_redo()
    }

    /// Records the lineage a save gave the project, outside the undo history (a save is not
    /// an edit, and undo must never hand a later save an older revision as its parent);
    /// the revisions the save folded into it are no longer "merged since the last save".
    pub fn set_saved_lineage(&mut self, lineage: crate::model::Lineage, folded: &[String]) {
        self.project.lineage = lineage;
        self.project.merge.merged.retain(|r| !folded.contains(r));
    }

    /// Records that the project as it is now was written to `path`.
    pub fn mark_saved(&mut self, path: PathBuf) {
        self.history.seal();
        let state = self.history.state();
        self.mark_saved_state(path, state);
    }

    /// Identifies the project as it is now in the undo history: a save on a background
    /// job takes it with its snapshot, and hands it back to [`Self::mark_saved_state`].
    pub fn history_state(&self) -> u64 {
        self.history.state()
    }

    /// Records that the project as it was at `state` ([`Self::history_state`]) was written
    /// to `path`. Edits made while it was being written keep the document unsaved.
    pub fn mark_saved_state(&mut self, path: PathBuf, state: u64) {
        if state == self.history.state() {
            // The next edit is a new undo step: typing after a save is not merged into the
            // burst before it, so undo can return to exactly what was saved.
            self.history.seal();
        }
        self.path = Some(path);
        self.saved_state = Some(state);
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::model::{Person, PersonId};

    fn person(name: &str) -> Person {
        Person {
            family_name: name.into(),
            ..Default::default()
        }
    }

    #[test]
    fn undo_redo_and_dirty_mark() {
        let mut doc = Document::from_file(Project::default(), "x.ron".into());
        assert!(!doc.is_dirty());
        let id = PersonId::from("wang");
        doc.apply(Edit::PutPerson(id.clone(), person("Wang")));
        assert!(doc.is_dirty());
        assert_eq!(doc.project().people.len(), 1);
        assert!(doc.undo());
        assert!(
            !doc.is_dirty(),
            "undoing back to the saved state clears the mark"
        );
        assert!(doc.project().people.is_empty());
        assert!(doc.redo());
        assert_eq!(doc.project().people.get(&id), Some(&person("Wang")));
        assert!(doc.is_dirty());
        doc.mark_saved("x.ron".into());
        assert!(!doc.is_dirty());
        assert!(doc.undo());
        assert!(
            doc.is_dirty(),
            "undoing past a save makes the document dirty again"
        );
    }

    #[test]
    fn typing_in_one_field_is_one_undo_step() {
        let mut doc = Document::unsaved(Project::default(), false);
        let id = PersonId::from("p");
        doc.apply(Edit::PutPerson(id.clone(), person("")));
        for name in ["W", "Wa", "Wan", "Wang"] {
            doc.apply_merging(
                Edit::PutPerson(id.clone(), person(name)),
                Some("p:family".into()),
            );
        }
        doc.seal();
        doc.apply_merging(
            Edit::PutPerson(id.clone(), person("Wong")),
            Some("p:family".into()),
        );
        assert!(doc.undo());
        assert_eq!(doc.project().people.get(&id), Some(&person("Wang")));
        assert!(doc.undo());
        assert_eq!(doc.project().people.get(&id), Some(&person("")));
        assert!(doc.undo());
        assert!(doc.project().people.is_empty());
        assert!(!doc.undo());
    }

    #[test]
    fn the_journal_says_what_changed_since_a_revision() {
        let mut doc = Document::unsaved(Project::default(), false);
        let start = doc.revision();
        assert_eq!(doc.changes_since(start), Some(Vec::new()));
        doc.apply(Edit::PutPerson("a".into(), person("A")));
        let after_a = doc.revision();
        doc.apply(Edit::Batch(vec![
            Edit::PutPerson("b".into(), person("B")),
            Edit::RemovePerson("a".into()),
        ]));
        let a = Touched::Person("a".into());
        let b = Touched::Person("b".into());
        assert_eq!(doc.changes_since(start), Some(vec![&a, &b, &a]));
        assert_eq!(doc.changes_since(after_a), Some(vec![&b, &a]));
        // Undo and redo touch what the step touched.
        let before_undo = doc.revision();
        assert!(doc.undo());
        let mut undone = doc.changes_since(before_undo).unwrap();
        undone.sort_by_key(|t| format!("{t:?}"));
        assert_eq!(undone, vec![&a, &b]);
        // A revision of another document, or one too old, is not known: rebuild.
        let other = Document::unsaved(Project::default(), false);
        assert_ne!(other.revision(), doc.revision());
        assert_eq!(doc.changes_since(other.revision()), None);
        for i in 0..(JOURNAL_LEN + 1) {
            doc.apply(Edit::PutPerson(
                format!("p{i}").as_str().into(),
                person("P"),
            ));
        }
        assert_eq!(doc.changes_since(start), None);
    }

    #[test]
    fn an_edit_that_changes_nothing_records_nothing() {
        let mut doc = Document::from_file(Project::default(), "x.ron".into());
        let revision = doc.revision();
        assert!(!doc.apply(Edit::RemovePerson("nobody".into())));
        assert!(!doc.apply(Edit::Batch(Vec::new())));
        assert!(!doc.is_dirty());
        assert!(!doc.can_undo());
        assert_eq!(doc.revision(), revision);
        assert!(doc.apply(Edit::PutPerson("a".into(), person("A"))));
        assert!(
            !doc.apply(Edit::PutPerson("a".into(), person("A"))),
            "same value"
        );
        doc.undo();
        assert!(!doc.can_undo(), "one step only");
    }

    #[test]
    fn a_save_of_an_older_state_leaves_later_edits_unsaved() {
        let mut doc = Document::unsaved(Project::default(), false);
        doc.apply(Edit::PutPerson("a".into(), person("A")));
        let saved = doc.history_state();
        doc.apply(Edit::PutPerson("b".into(), person("B")));
        doc.mark_saved_state("x.ron".into(), saved);
        assert!(doc.is_dirty(), "B was added after the snapshot");
        assert!(doc.undo());
        assert!(!doc.is_dirty(), "back to what was written");
    }

    #[test]
    fn a_prepared_edit_is_one_undo_step_and_refused_when_stale() {
        let mut doc = Document::from_file(Project::default(), "x.ron".into());
        let (snapshot, revision) = doc.snapshot();
        let edit = Edit::Batch(vec![
            Edit::PutPerson("a".into(), person("A")),
            Edit::PutPerson("b".into(), person("B")),
        ]);
        let prepared = PreparedEdit::prepare(snapshot, revision, edit.clone()).unwrap();
        assert!(doc.project().people.is_empty(), "the document is untouched");
        let old = doc.install(prepared).unwrap();
        assert!(old.people.is_empty());
        assert_eq!(doc.project().people.len(), 2);
        assert!(doc.is_dirty());
        let a = Touched::Person("a".into());
        let b = Touched::Person("b".into());
        assert_eq!(doc.changes_since(revision), Some(vec![&a, &b]));
        assert!(doc.undo());
        assert!(doc.project().people.is_empty());
        assert!(!doc.is_dirty());
        // Prepared from an older revision: refused, nothing changes.
        let (snapshot, revision) = doc.snapshot();
        let stale = PreparedEdit::prepare(snapshot, revision, edit).unwrap();
        doc.apply(Edit::PutPerson("c".into(), person("C")));
        assert!(doc.install(stale).is_err());
        assert_eq!(doc.project().people.len(), 1);
        // An edit that changes nothing is not prepared at all.
        let (snapshot, revision) = doc.snapshot();
        assert!(PreparedEdit::prepare(snapshot, revision, Edit::Batch(Vec::new())).is_none());
    }

    #[test]
    fn a_new_edit_clears_redo() {
        let mut doc = Document::unsaved(Project::default(), false);
        doc.apply(Edit::PutPerson("a".into(), person("A")));
        doc.undo();
        assert!(doc.can_redo());
        doc.apply(Edit::PutPerson("b".into(), person("B")));
        assert!(!doc.can_redo());
    }
}
