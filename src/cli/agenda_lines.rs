//! What each line of an imported programme gave that is not an item, said on the command
//! line as the app's preview says it: section lines, notes under an item, lines ignored
//! and why.

use std::path::Path;

use super::terminal::{shown, shown_path};
use crate::import::agenda_text::{AgendaPreview, Half, IgnoreReason, LineRole, Plan};

fn half(h: Half) -> &'static str {
    match h {
        Half::Morning => "morning",
        Half::Midday => "midday",
        Half::Afternoon => "afternoon",
        Half::Evening => "evening",
    }
}

/// Writes the section lines and notes to `out`, the ignored lines to `err`.
pub(super) fn write_lines(
    preview: &AgendaPreview,
    _plan: &Plan,
    file: &Path,
    out: &mut dyn std::io::Write,
    err: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    for class in &preview.classes {
        match &class.role {
            LineRole::Section(h) => writeln!(
                out,
                "line {}: section: {} (times under it are {})",
                class.line,
                shown(&class.text),
                half(*h)
            )?,
            LineRole::Note(i) => writeln!(
                out,
                "line {}: note under line {}: {}",
                class.line,
                preview.lines.get(*i).map_or(0, |l| l.line),
                shown(&class.text)
            )?,
            LineRole::Ignored(why) => writeln!(
                err,
                "{}: line {} of the text gave no item ({}): {}",
                shown_path(file),
                class.line,
                match why {
                    IgnoreReason::UnderTitle => "a line under the programme's title",
                    IgnoreReason::NothingToRead => "nothing to read",
                    IgnoreReason::NoteWithoutItem => "a chair or note with no item under it",
                },
                shown(&class.text)
            )?,
            LineRole::Title | LineRole::Day(_) | LineRole::Item(_) => {}
        }
    }
    Ok(())
}
