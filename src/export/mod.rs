//! Exports of a project to files for people outside the app: Markdown, HTML, PDF,
//! iCalendar. Library code shared by the app and the command line.

pub mod agenda;
pub mod attendees;
pub mod commitments;
pub mod csv;
pub mod ics;
pub mod pdf;
pub mod sanitize;
pub mod text;

pub use text::ExportLanguage;

/// Text for an exported cell, without invisible characters (see [`sanitize`]).
pub fn sanitize_cell(text: &str) -> String {
    sanitize::strip_invisible(text).into_owned()
}
