//! The document: one cooperation project with its organisations, people, meetings and
//! commitments.
//!
//! Plain Rust types with serde and chrono. Nothing here knows about egui, eframe or rfd,
//! so the command line, the exports and the tests share it with the app.

mod audience;
mod commitment;
mod dates;
pub mod followup;
mod ids;
mod letter;
mod lineage;
mod meeting;
pub mod meeting_dates;
mod meeting_zone;
pub mod next_edition;
mod organisation;
mod outcome;
mod person;
mod personal;
mod precedence;
mod programme;
mod project;
pub mod seating;
mod sides;
pub mod stats;
mod text;
mod text_checks;
mod validate;
pub mod zones;

pub use audience::NoteAudience;
pub use commitment::{Commitment, CommitmentStatus, Owner, Precondition, ProgressEntry};
pub use dates::{DATE_YEARS, DateInputError, days_in_month, parse_date};
pub use ids::{CommitmentId, ItemId, MeetingId, OrganisationId, PersonId, SideId, slugify};
pub use letter::LetterDetails;
pub use lineage::{ConflictedEntity, Lineage, MAX_ANCESTORS, MergeState, PendingMerge, Versions};
pub use meeting::{
    AttendanceMode, AttendanceRole, AttendanceStatus, Attendee, Meeting, MeetingKind, Series, Side,
};
pub use organisation::{Organisation, Sector};
pub use outcome::{MinutesStage, Outcome};
pub use person::{
    Honorific, NameOrder, Person, fold_for_search, fold_for_search_into, is_transliterated_name,
    normalize_chinese_name,
};
pub use personal::{CustomField, CustomFieldKind, Gender, PersonalData, custom_field_key};
pub use precedence::{Moved, Placed, Placement, Reason, role_group};
pub use programme::{
    AgendaItem, AgendaItemKind, Day, DaySummary, MAX_DAY_MINUTES, MAX_ITEM_MINUTES, Slot, YEARS,
    add_minutes, day_mark, instant_at, item_numbers, move_years,
};
pub(crate) use project::unique_keys;
pub use project::{EntityMap, Project, ProjectInfo};
pub use sides::{SideNaming, side_name};
pub use text::{
    Bilingual, MAX_QUOTED_CHARS, clip_for_message, escape_path, escape_text, is_invisible,
    needs_escape, push_escaped,
};
pub use text_checks::{MAX_FIELD_CHARS, TextField, grouped, is_bidi_control, text_problems};
pub use validate::{Problem, ProblemKind, ProblemLocation, code_point, date_in_range, validate};

/// A value that can be chosen from a fixed list in the UI and in exports.
///
/// `ALL` gives the order shown in pickers; the labels live in the UI's string table and
/// the export code, keyed by [`Choice::key`], so the model stays free of UI text.
pub trait Choice: Sized + Copy + PartialEq + 'static {
    /// Every value, in display order.
    const ALL: &'static [Self];

    /// A stable, lowercase key (used for string-table look-ups and the command line).
    fn key(self) -> &'static str;

    /// English label, used by the command line and as a fallback.
    fn label_en(self) -> &'static str;

    /// Chinese label.
    fn label_zh(self) -> &'static str;
}

/// Implements [`Choice`] for a fieldless enum from `Variant => ("key", "English", "中文")`.
macro_rules! choice_enum {
    ($ty:ty { $($variant:ident => ($key:literal, $en:literal, $zh:literal)),+ $(,)? }) => {
        impl $crate::model::Choice for $ty {
            const ALL: &'static [Self] = &[$(Self::$variant),+];
            fn key(self) -> &'static str {
                match self { $(Self::$variant => $key),+ }
            }
            fn label_en(self) -> &'static str {
                match self { $(Self::$variant => $en),+ }
            }
            fn label_zh(self) -> &'static str {
                match self { $(Self::$variant => $zh),+ }
            }
        }
    };
}
pub(crate) use choice_enum;
