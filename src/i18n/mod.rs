//! Every user-visible string of the app, in English and Simplified Chinese.
//!
//! One struct with one field per string, and one constant per language: a string missing
//! in either language is a compile error, not a blank label at run time.

use serde::{Deserialize, Serialize};

use crate::model::Choice;

/// Declares a struct of user-interface strings, one `&'static str` field per string with
/// its English and Chinese text, and a constant per language; a string missing in either
/// language is a compile error. A `sections { name: Type = (&EN, &ZH); }` block nests the
/// strings of another file (`t.seating.title`).
macro_rules! strings {
    (
        pub struct $name:ident, $en_const:ident, $zh_const:ident;
        $( $field:ident => $en:literal, $zh:literal; )*
    ) => {
        strings! {
            pub struct $name, $en_const, $zh_const;
            sections {}
            $( $field => $en, $zh; )*
        }
    };
    (
        pub struct $name:ident, $en_const:ident, $zh_const:ident;
        sections { $( $section:ident: $section_ty:ty = ($section_en:expr, $section_zh:expr); )* }
        $( $field:ident => $en:literal, $zh:literal; )*
    ) => {
        /// The user-interface strings of one language.
        #[derive(Debug)]
        pub struct $name {
            $(
                #[doc = concat!("The strings of `", stringify!($section), "`.")]
                pub $section: &'static $section_ty,
            )*
            $(
                #[doc = $en]
                pub $field: &'static str,
            )*
        }

        /// English strings.
        pub const $en_const: $name = $name {
            $( $section: $section_en, )*
            $( $field: $en, )*
        };
        /// Simplified Chinese strings.
        pub const $zh_const: $name = $name {
            $( $section: $section_zh, )*
            $( $field: $zh, )*
        };
    };
}

pub mod dates;
pub mod errors;
mod errors_hostile;
pub mod errors_inputs;
mod errors_letters;
mod list_errors;
mod numbers;
pub mod open_other;
pub use errors::{Localized, describe_problem};
pub use errors_hostile::cut_texts_text;
pub use numbers::thousands;

/// The language of the user interface.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Language {
    /// English.
    #[default]
    English,
    /// Simplified Chinese.
    Chinese,
}

impl Language {
    /// The strings of this language.
    pub fn strings(self) -> &'static Strings {
        match self {
            Self::English => &EN,
            Self::Chinese => &ZH,
        }
    }

    /// True for Chinese; bilingual data then shows its Chinese text first.
    pub fn prefers_chinese(self) -> bool {
        self == Self::Chinese
    }

    /// The label of a model choice (a sector, a status…) in this language.
    pub fn choice<C: Choice>(self, choice: C) -> &'static str {
        match self {
            Self::English => choice.label_en(),
            Self::Chinese => choice.label_zh(),
        }
    }
}

mod documents;
mod first_hour;
mod inputs;
mod letters;
mod merge;
pub mod merge_words;
mod programmes;
mod protocol;
pub use protocol::side_naming;
mod seating;
mod strings;
pub use strings::{EN, Strings, ZH};

/// The menu label of an agenda export format.
pub fn agenda_format(t: &Strings, format: crate::export::agenda::AgendaFormat) -> &'static str {
    use crate::export::agenda::AgendaFormat;
    match format {
        AgendaFormat::Pdf => t.format_pdf,
        AgendaFormat::Html => t.format_html,
        AgendaFormat::Md => t.format_md,
        AgendaFormat::Ics => t.format_ics,
        AgendaFormat::IcsPerItem => t.format_ics_per_item,
        AgendaFormat::Docx => t.format_docx,
    }
}

/// The menu label of an attendee-list export format.
pub fn attendee_format(
    t: &Strings,
    format: crate::export::attendees::AttendeeFormat,
) -> &'static str {
    use crate::export::attendees::AttendeeFormat;
    match format {
        AttendeeFormat::Xlsx => t.format_xlsx,
        AttendeeFormat::Csv => t.format_csv,
        AttendeeFormat::Pdf => t.format_pdf,
        AttendeeFormat::Html => t.format_html,
        AttendeeFormat::Md => t.format_md,
        AttendeeFormat::Docx => t.format_docx,
    }
}

/// The menu label of a commitments export format.
pub fn commitments_format(
    t: &Strings,
    format: crate::export::commitments::CommitmentsFormat,
) -> &'static str {
    use crate::export::commitments::CommitmentsFormat;
    match format {
        CommitmentsFormat::Pdf => t.format_pdf,
        CommitmentsFormat::Html => t.format_html,
        CommitmentsFormat::Md => t.format_md,
        CommitmentsFormat::Csv => t.format_csv,
    }
}

/// The menu label of a minutes export format.
pub fn minutes_format(t: &Strings, format: crate::export::minutes::MinutesFormat) -> &'static str {
    use crate::export::minutes::MinutesFormat;
    match format {
        MinutesFormat::Docx => t.format_docx,
        MinutesFormat::Pdf => t.format_pdf,
        MinutesFormat::Html => t.format_html,
        MinutesFormat::Md => t.format_md,
    }
}

/// The menu label of a seating-plan export format.
pub fn seating_format(t: &Strings, format: crate::export::seating::SeatingFormat) -> &'static str {
    use crate::export::seating::SeatingFormat;
    match format {
        SeatingFormat::Pdf => t.seating.format_pdf,
        SeatingFormat::Docx => t.seating.format_docx,
        SeatingFormat::Csv => t.seating.format_csv,
    }
}

/// The name of a step of a project save, for "Saving failed while {step}".
pub fn save_step(t: &Strings, step: crate::project_file::SaveStep) -> &'static str {
    use crate::project_file::SaveStep;
    match step {
        SaveStep::Lock => t.step_lock,
        SaveStep::CreateTemp => t.step_create_temp,
        SaveStep::Write => t.step_write,
        SaveStep::Flush => t.step_flush,
        SaveStep::Permissions => t.step_permissions,
        SaveStep::Sync => t.step_sync,
        SaveStep::Backup => t.step_backup,
        SaveStep::Rename => t.step_rename,
        SaveStep::InstallBackup => t.step_install_backup,
        SaveStep::SyncDirectory => t.step_sync_dir,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_string_is_empty() {
        // The Debug output lists every field; an empty string shows as `""`.
        for strings in [&EN, &ZH] {
            let debug = format!("{strings:?}");
            assert!(!debug.contains(": \"\""), "an empty UI string: {debug}");
        }
    }
}
