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

/// Text for an exported cell: bidirectional controls and zero-width characters removed
/// (they reorder or hide text in the printed list; a name should look as it reads).
// TODO(dev): merge with the sanitising helpers of the robustness work when they land.
pub fn sanitize_cell(text: &str) -> String {
    text.chars()
        .filter(|c| {
            !matches!(
                c,
                '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}'
            )
        })
        .collect()
}
