//! Where a copy of a project comes from, so that two copies can be merged against the
//! version they share: every save gives the project a new revision and keeps a short list
//! of the revisions it descends from (a compact lineage, not a history). A merge that
//! could not settle everything keeps its conflicts here, with the three versions of each
//! entity concerned, until the user chooses.

use serde::{Deserialize, Serialize};

use super::{
    Commitment, CommitmentId, Meeting, MeetingId, Organisation, OrganisationId, Person, PersonId,
    Project,
};

/// How many earlier revisions a project remembers: enough to find the version two copies
/// share after a few weeks of saves on each side, small enough to stay a few lines.
pub const MAX_ANCESTORS: usize = 32;

/// Which saved version a project is and the versions it descends from.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lineage {
    /// This version: a new id at every save (16 hexadecimal digits); empty for a project
    /// never saved by a version of the app that records it.
    #[serde(default)]
    pub revision: String,
    /// The versions it descends from, nearest first (its parent first, then the versions
    /// merged into it), at most [`MAX_ANCESTORS`].
    #[serde(default)]
    pub ancestors: Vec<String>,
}

impl Lineage {
    /// True when nothing is recorded (the file then has no `lineage` at all).
    pub fn is_empty(&self) -> bool {
        self.revision.is_empty() && self.ancestors.is_empty()
    }

    /// The revisions this one is or descends from, itself first.
    pub fn line(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.revision.as_str())
            .chain(self.ancestors.iter().map(String::as_str))
            .filter(|r| !r.is_empty())
    }

    /// Whether `revision` is this version or one it descends from.
    pub fn knows(&self, revision: &str) -> bool {
        !revision.is_empty() && self.line().any(|r| r == revision)
    }

    /// The lineage of a new save: `revision`, descending from this one and from the
    /// versions in `merged` (merged in since the last save), nearest first, without
    /// repeats, at most [`MAX_ANCESTORS`].
    pub fn next(&self, revision: String, merged: &[String]) -> Self {
        let mut ancestors: Vec<String> = Vec::new();
        let parents = std::iter::once(&self.revision)
            .chain(merged)
            .chain(&self.ancestors);
        for r in parents {
            if !r.is_empty() && *r != revision && !ancestors.contains(r) {
                ancestors.push(r.clone());
            }
            if ancestors.len() == MAX_ANCESTORS {
                break;
            }
        }
        Self {
            revision,
            ancestors,
        }
    }
}

/// What merges left in a project: the revisions merged in since the last save (so that
/// the next save records them, and an undo of the merge forgets them), and the conflicts
/// still waiting for the user's choice.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MergeState {
    /// Revisions merged in since the last save, newest first.
    #[serde(default)]
    pub merged: Vec<String>,
    /// A merge whose conflicts wait for a choice (the command line writes them; the app
    /// shows them when the file is opened).
    #[serde(default)]
    pub pending: Option<PendingMerge>,
}

impl MergeState {
    /// True when there is nothing to keep (the file then has no `merge` at all).
    pub fn is_empty(&self) -> bool {
        self.merged.is_empty() && self.pending.is_none()
    }
}

/// A merge with conflicts: for every entity concerned, the three versions it was merged
/// from, so that it can be merged again with the user's choices. The project itself holds
/// the merge as made with "mine" chosen everywhere.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PendingMerge {
    /// What was merged in: the other copy's file name, or a branch.
    #[serde(default)]
    pub theirs: String,
    /// Whether the copies had a common version; without one, every difference was a
    /// question.
    #[serde(default)]
    pub three_way: bool,
    /// The entities with a conflict, each with its versions.
    #[serde(default)]
    pub entities: Vec<ConflictedEntity>,
}

/// The three versions of one entity that a merge could not settle. `None` is "not there"
/// (deleted, or not added), or, for the base of a two-way merge, "no common version".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ConflictedEntity {
    /// The project's own details (title, description, and whatever else the project as a
    /// whole holds besides its entities).
    Project(Versions<Project>),
    /// An organisation.
    Organisation(OrganisationId, Versions<Organisation>),
    /// A person.
    Person(PersonId, Versions<Person>),
    /// A meeting.
    Meeting(MeetingId, Versions<Box<Meeting>>),
    /// A commitment.
    Commitment(CommitmentId, Versions<Commitment>),
}

/// The base, mine and theirs of one entity.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Versions<T> {
    /// The common version (none for an entity added since, or in a two-way merge).
    pub base: Option<T>,
    /// Mine.
    pub ours: Option<T>,
    /// Theirs.
    pub theirs: Option<T>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_next_lineage_keeps_the_nearest_ancestors_once() {
        let first = Lineage::default().next("a".into(), &[]);
        assert_eq!(first.ancestors, Vec::<String>::new());
        let second = first.next("b".into(), &["x".into(), "a".into()]);
        assert_eq!(second.revision, "b");
        assert_eq!(second.ancestors, ["a", "x"]);
        assert!(second.knows("x") && second.knows("b") && !second.knows(""));
        let mut long = second.clone();
        for i in 0..100 {
            long = long.next(format!("r{i}"), &[]);
        }
        assert_eq!(long.ancestors.len(), MAX_ANCESTORS);
        assert_eq!(long.ancestors.first().map(String::as_str), Some("r98"));
    }
}
