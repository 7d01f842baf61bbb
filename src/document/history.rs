use crate::model::Project;

use super::Edit;

/// Undo and redo stacks of inverse edits.
///
/// Each step stores only the inverse of what changed (the previous version of one entity),
/// never a copy of the whole project, so an edit costs the same on a 100,000-person project
/// as on a small one.
#[derive(Debug, Default)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
    /// Whether the last undo step may absorb the next edit with the same merge key.
    open: bool,
    next_state: u64,
    revision: u64,
}

#[derive(Debug)]
struct Step {
    /// Undoing this step applies these inverses in order.
    inverse: Vec<Edit>,
    merge_key: Option<String>,
    /// Identifies the project state right after this step.
    state: u64,
}

/// Steps kept before the oldest are forgotten.
const MAX_STEPS: usize = 1000;

impl History {
    /// Identifies the current state, for the unsaved-changes mark (0 = as loaded).
    pub fn state(&self) -> u64 {
        self.undo.last().map_or(0, |s| s.state)
    }

    /// Changes on every edit, undo and redo.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// True when there is a step to undo.
    /// The edits [`Self::undo`] would apply next.
    pub fn next_undo(&self) -> Option<&[Edit]> {
        self.undo.last().map(|s| s.inverse.as_slice())
    }

    /// The edits [`Self::redo`] would apply next.
    pub fn next_redo(&self) -> Option<&[Edit]> {
        self.redo.last().map(|s| s.inverse.as_slice())
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// True when there is a step to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    fn new_state(&mut self) -> u64 {
        self.next_state += 1;
        self.next_state
    }

    /// Records the inverse of an edit that was just applied.
    ///
    /// Edits that share a `merge_key` must replace the same entity (one field being typed in).
    pub fn record(&mut self, inverse: Edit, merge_key: Option<String>) {
        self.revision += 1;
        self.redo.clear();
        let state = self.new_state();
        if self.open
            && merge_key.is_some()
            && let Some(last) = self.undo.last_mut()
            && last.merge_key == merge_key
        {
            // Edits sharing a merge key replace the same entity, so the first inverse of
            // the burst already restores the state before it; later ones are not needed.
            drop(inverse);
            last.state = state;
            return;
        }
        self.open = merge_key.is_some();
        self.undo.push(Step {
            inverse: vec![inverse],
            merge_key,
            state,
        });
        if self.undo.len() > MAX_STEPS {
            self.undo.remove(0);
        }
    }

    /// Ends a typing burst.
    pub fn seal(&mut self) {
        self.open = false;
    }

    /// Undoes one step.
    pub fn undo(&mut self, project: &mut Project) -> bool {
        self.open = false;
        let Some(step) = self.undo.pop() else {
            return false;
        };
        let redo = Self::run(project, step.inverse);
        self.revision += 1;
        let state = self.new_state();
        self.redo.push(Step {
            inverse: redo,
            merge_key: None,
            state,
        });
        true
    }

    /// Redoes one step.
    pub fn redo(&mut self, project: &mut Project) -> bool {
        self.open = false;
        let Some(step) = self.redo.pop() else {
            return false;
        };
        let undo = Self::run(project, step.inverse);
        self.revision += 1;
        let state = self.new_state();
        self.undo.push(Step {
            inverse: undo,
            merge_key: None,
            state,
        });
        true
    }

    /// Applies inverses newest first and returns what undoes them, in the order that
    /// this same function needs to replay them (so undo and redo share it).
    fn run(project: &mut Project, inverse: Vec<Edit>) -> Vec<Edit> {
        inverse
            .into_iter()
            .rev()
            .map(|e| e.apply(project))
            .collect()
    }
}
