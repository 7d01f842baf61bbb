//! Exports of a project to files for people outside the app: Markdown, HTML, PDF,
//! iCalendar. Library code shared by the app and the command line.

pub mod agenda;
pub mod ics;
pub mod pdf;
pub mod text;

pub use text::ExportLanguage;
