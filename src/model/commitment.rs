use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Bilingual, CommitmentId, ItemId, MeetingId, OrganisationId, PersonId, choice_enum};

/// A cooperation point agreed at a meeting, followed until it is done.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Commitment {
    /// Short title in both languages.
    #[serde(default)]
    pub title: Bilingual,
    /// What was agreed, in both languages.
    #[serde(default)]
    pub description: Bilingual,
    /// The point this is a sub-point of.
    #[serde(default)]
    pub parent: Option<CommitmentId>,
    /// The meeting where it was agreed.
    #[serde(default)]
    pub agreed_at: Option<MeetingId>,
    /// The agenda item of that meeting under which it was agreed, when known; the minutes
    /// list it there.
    #[serde(default)]
    pub agreed_item: Option<ItemId>,
    /// The organisations bound by it.
    #[serde(default)]
    pub parties: Vec<OrganisationId>,
    /// Who carries it, one per side when known.
    #[serde(default)]
    pub owners: Vec<Owner>,
    /// Topics such as `ISO 50001`.
    #[serde(default)]
    pub topics: Vec<String>,
    /// Where it stands.
    #[serde(default)]
    pub status: CommitmentStatus,
    /// When it is due.
    #[serde(default)]
    pub due: Option<NaiveDate>,
    /// What must happen first.
    #[serde(default)]
    pub preconditions: Vec<Precondition>,
    /// Dated progress notes, oldest first.
    #[serde(default)]
    pub progress: Vec<ProgressEntry>,
    /// Internal remarks (a negotiating position, a reminder): for the planners only, never
    /// in a document for partners unless asked for.
    #[serde(default)]
    pub remarks: String,
}

/// Who carries a commitment on one side.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Owner {
    /// A named person.
    Person(PersonId),
    /// An organisation, when no person is named.
    Organisation(OrganisationId),
}

/// Something that must happen before a commitment can be done.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Precondition {
    /// Another commitment must be done first.
    Commitment(CommitmentId),
    /// A free-text condition, e.g. the formal approval of an authority.
    Condition(Bilingual),
}

/// One dated note in a commitment's progress log.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProgressEntry {
    /// When.
    pub date: NaiveDate,
    /// What happened.
    #[serde(default)]
    pub note: Bilingual,
    /// The status set by this entry, if it changed.
    #[serde(default)]
    pub status: Option<CommitmentStatus>,
    /// The meeting where it was recorded, if any.
    #[serde(default)]
    pub meeting: Option<MeetingId>,
}

/// Where a commitment stands.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum CommitmentStatus {
    /// Proposed, not yet agreed.
    Proposed,
    /// Agreed, not started.
    #[default]
    Agreed,
    /// Work under way.
    InProgress,
    /// Waiting on something outside.
    Blocked,
    /// Done.
    Done,
    /// Abandoned.
    Dropped,
}

impl CommitmentStatus {
    /// True while something is still owed.
    pub fn is_open(self) -> bool {
        !matches!(self, Self::Done | Self::Dropped)
    }
}

choice_enum!(CommitmentStatus {
    Proposed => ("proposed", "Proposed", "提议"),
    Agreed => ("agreed", "Agreed", "已商定"),
    InProgress => ("in-progress", "In progress", "进行中"),
    Blocked => ("blocked", "Blocked", "受阻"),
    Done => ("done", "Done", "已完成"),
    Dropped => ("dropped", "Dropped", "已放弃"),
});
