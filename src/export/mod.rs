//! Exports of a project to files for people outside the app: Markdown, HTML, PDF,
//! iCalendar, CSV and Excel. Library code shared by the app and the command line, which
//! both describe what to export as an [`ExportRequest`] and get an [`ExportError`] when it
//! cannot be made.

pub mod agenda;
mod agenda_ics;
pub mod attendees;
pub mod commitments;
pub mod csv;
pub mod docx;
mod error;
pub mod ics;
pub mod letters;
pub mod minutes;
mod name_cards;
pub mod names;
pub mod pdf;
pub mod request;
pub mod sanitize;
pub mod seating;
pub mod text;
pub mod xlsx;

pub use error::ExportError;
pub use request::{ExportOptions, ExportRequest, Rendered, Stamp};
pub use text::ExportLanguage;

/// Text for an exported cell, without invisible characters (see [`sanitize`]).
pub fn sanitize_cell(text: &str) -> String {
    sanitize::strip_invisible(text).into_owned()
}
