//! Merging two copies of a project by entity: organisations, people, meetings (with their
//! days, items, sides and attendees) and commitments (with their progress), each by id,
//! field by field, against the version both copies come from.
//!
//! - A field changed on one side only is taken; the same change on both sides is taken
//!   once; a field changed two ways is a [`Conflict`], settled by a [`Side`] the user
//!   chooses (mine until they do).
//! - An entity deleted on one side and changed on the other is a conflict too.
//! - Lists with ids (agenda items, attendees in protocol order, sides) are merged by id
//!   and position, so that a move on one side and an addition on the other both survive;
//!   long texts (minutes, notes) are merged line by line before they are called a conflict.
//! - People added on both sides under different ids with the same names and organisation
//!   are flagged as probable duplicates.
//! - Without a common version, every difference is a conflict (a two-way merge).
//!
//! The merge names no field of any entity: each is turned into a tree of named fields
//! through serde ([`tree`]) and merged generically, so the fields added to people,
//! meetings or commitments later are merged like the others. Only ids, ordered lists and
//! long text are special.
//!
//! A merge is a pure function of the three versions and the choices, so choosing again
//! means merging again: only the entities with a conflict, whose three versions the
//! [`Merged`] result keeps ([`crate::model::PendingMerge`], which the command line writes
//! into the project for the app to show).

pub mod describe;
mod entities;
mod lists;
mod node_merge;
pub mod tree;
pub mod versions;

#[cfg(test)]
mod tests;

use std::collections::BTreeMap;

pub use entities::{
    Change, ChangeKind, Duplicate, Merged, edit_between, incoming, merge, merge_value, remerge,
};
pub use versions::{VersionStore, find_base, fresh_revision, next_lineage};

use crate::model::{CommitmentId, MeetingId, OrganisationId, PersonId};
use tree::Node;

/// Which version of a conflicted value to keep.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Side {
    /// The common version (undoes both changes).
    Base,
    /// Mine: the project merged into.
    Ours,
    /// Theirs: the copy merged in.
    Theirs,
}

/// An entity of a project, as a merge names it.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EntityRef {
    /// The project's own details (title, description…).
    Project,
    /// An organisation.
    Organisation(OrganisationId),
    /// A person.
    Person(PersonId),
    /// A meeting.
    Meeting(MeetingId),
    /// A commitment.
    Commitment(CommitmentId),
}

impl EntityRef {
    /// The entity whose versions `entity` keeps.
    pub fn of(entity: &crate::model::ConflictedEntity) -> Self {
        use crate::model::ConflictedEntity as C;
        match entity {
            C::Project(_) => Self::Project,
            C::Organisation(id, _) => Self::Organisation(id.clone()),
            C::Person(id, _) => Self::Person(id.clone()),
            C::Meeting(id, _) => Self::Meeting(id.clone()),
            C::Commitment(id, _) => Self::Commitment(id.clone()),
        }
    }
}

/// One step from an entity down to a value.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Step {
    /// A field, by name.
    Field(&'static str),
    /// An element of a list with ids (or an entry of a map), by id; with its title, if it
    /// has one, to name it.
    Key {
        /// The id, as text.
        key: String,
        /// The element's `title`, when it has one.
        title: Option<Box<Node>>,
    },
    /// An element of a list without ids, by its place in the base.
    Index(usize),
    /// A region of a list without ids that both sides changed, by where it starts in the
    /// base.
    Region(usize),
    /// The order of a list with ids.
    Order,
}

/// What kind of disagreement a conflict is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ConflictKind {
    /// Changed two ways.
    Changed,
    /// A long text whose lines were changed two ways at the same place.
    Text,
    /// Deleted on my side, changed on theirs.
    RemovedByOurs,
    /// Deleted on their side, changed on mine.
    RemovedByTheirs,
    /// Only in mine (two-way merge: added by me, or deleted by them?).
    OnlyOurs,
    /// Only in theirs (two-way merge).
    OnlyTheirs,
    /// A list reordered two ways.
    Order,
}

/// Names a conflict across merges of the same three versions: its entity and its path.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ConflictId {
    /// The entity.
    pub entity: EntityRef,
    /// The path inside it ([`path_key`]).
    pub path: String,
}

/// The user's choices, by conflict; a conflict not in it keeps mine.
pub type Choices = BTreeMap<ConflictId, Side>;

/// A value the merge could not settle.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    /// Which conflict (the key of a choice).
    pub id: ConflictId,
    /// Where in the entity.
    pub path: Vec<Step>,
    /// What kind.
    pub kind: ConflictKind,
    /// The common version; `None` when there is none or it did not have the value.
    pub base: Option<Node>,
    /// Mine; `None` when mine does not have it (deleted).
    pub ours: Option<Node>,
    /// Theirs; `None` when theirs does not have it.
    pub theirs: Option<Node>,
    /// The version the merge kept.
    pub chosen: Side,
}

impl Conflict {
    /// The entity it is in.
    pub fn entity(&self) -> &EntityRef {
        &self.id.entity
    }

    /// The version of `side`.
    pub fn version(&self, side: Side) -> Option<&Node> {
        match side {
            Side::Base => self.base.as_ref(),
            Side::Ours => self.ours.as_ref(),
            Side::Theirs => self.theirs.as_ref(),
        }
    }
}

/// A path as the text that names it in [`ConflictId`]: `title/en`,
/// `days/#0/items/[item-3]/title`, `attendees/~order`.
pub fn path_key(path: &[Step]) -> String {
    let mut out = String::new();
    for step in path {
        if !out.is_empty() {
            out.push('/');
        }
        match step {
            Step::Field(name) => out.push_str(name),
            Step::Key { key, .. } => {
                out.push('[');
                for c in key.chars() {
                    if matches!(c, '\\' | '/' | '[' | ']') {
                        out.push('\\');
                    }
                    out.push(c);
                }
                out.push(']');
            }
            Step::Index(i) => {
                out.push('#');
                out.push_str(&i.to_string());
            }
            Step::Region(i) => {
                out.push('@');
                out.push_str(&i.to_string());
            }
            Step::Order => out.push_str("~order"),
        }
    }
    out
}
