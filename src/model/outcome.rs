//! What came of a meeting, item by item: the record the minutes are made from.
//!
//! Each agenda item carries its [`Outcome`] (a summary and the decisions taken); the
//! commitments made under an item point back to it ([`super::Commitment::agreed_item`]),
//! so an item's commitments are found by asking the project
//! ([`super::Project::commitments_of_item`]) rather than kept twice.

use serde::{Deserialize, Serialize};

use super::{Bilingual, choice_enum};

/// What came of one agenda item.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Outcome {
    /// What was said, in both languages.
    #[serde(default)]
    pub summary: Bilingual,
    /// What was decided, in the order it was decided, each in both languages.
    #[serde(default)]
    pub decisions: Vec<Bilingual>,
}

impl Outcome {
    /// True when nothing is recorded: no summary and no decision with any text.
    pub fn is_empty(&self) -> bool {
        self.summary.is_empty() && self.decisions.iter().all(Bilingual::is_empty)
    }
}

/// Whether the minutes are still a draft or the agreed, final text.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum MinutesStage {
    /// Being written or circulated for comments.
    #[default]
    Draft,
    /// Agreed by the sides; the text to countersign and file.
    Final,
}

choice_enum!(MinutesStage {
    Draft => ("draft", "Draft", "草稿"),
    Final => ("final", "Final", "定稿"),
});
