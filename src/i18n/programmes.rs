//! Programmes and lists in the forms other offices write them: title, day and section lines, Word files.

strings! {
    pub struct ProgrammeStrings, EN, ZH;
}
