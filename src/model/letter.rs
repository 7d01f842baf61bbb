//! What the invitation letters of a meeting say besides the people and the programme: the
//! purpose of the visit, who pays, where the guests stay, and who signs. Consulates ask for
//! each (China's M and F visas; Schengen letters add the accommodation).

use serde::{Deserialize, Serialize};

use super::Bilingual;

/// The letter details of a meeting; all optional until a template uses them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LetterDetails {
    /// The purpose of the visit (`to attend the annual working-group meeting and visit
    /// the test laboratory`); the meeting's title when empty.
    #[serde(default)]
    pub purpose: Bilingual,
    /// Who pays for what (`International travel is borne by the delegation; the host
    /// covers accommodation and local transport.`).
    #[serde(default)]
    pub costs: Bilingual,
    /// The day the guests arrive (the first day of the meeting when not set).
    #[serde(default)]
    pub arrival: Option<chrono::NaiveDate>,
    /// The day the guests leave (the last day of the meeting when not set).
    #[serde(default)]
    pub departure: Option<chrono::NaiveDate>,
    /// Where the guests stay (hotel and address): Schengen letters need it.
    #[serde(default)]
    pub accommodation: Bilingual,
    /// Who signs the letters (the inviting organisation's legal representative when
    /// empty).
    #[serde(default)]
    pub signatory: Bilingual,
    /// The signatory's title (`Secretary General`, `秘书长`).
    #[serde(default)]
    pub signatory_title: Bilingual,
}
