//! Text a PDF prints only in part: a field longer than any page needs (a 20 MB word in a
//! summary, a name of a million characters) is cut before it is laid out, and a name too
//! long for its card even at the smallest size is cut where the card ends. Either way the
//! cut is marked with `…` on the page and noted, so that the export says which text was
//! shortened (the command line on standard error, the app in a dialog) instead of
//! printing less than the project holds without a word.

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::BTreeSet;

use crate::model::grouped;

/// The most characters of one text (a paragraph, a table cell, a name) a PDF lays out:
/// some forty pages of body text, far more than any field of a project needs on paper,
/// and few enough that laying it out takes a fraction of a second.
pub const MAX_PRINTED_CHARS: usize = 100_000;

/// How many characters of a cut text a message quotes, for the user to find it.
const QUOTED: usize = 40;

/// A text the PDF printed only in part, with `…` where it stops.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CutText {
    /// The beginning of the text, without control or invisible characters, for the
    /// user to recognise it (at most 40 characters).
    pub beginning: String,
    /// How many characters the whole text has.
    pub chars: usize,
    /// Why it was cut.
    pub reason: CutReason,
}

/// Why a text was cut.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CutReason {
    /// Longer than [`MAX_PRINTED_CHARS`]: printed up to there.
    TooLong,
    /// Too long for its place (a name card's lines, the page footer) even at the
    /// smallest size the layout allows.
    NoRoom,
}

thread_local! {
    /// The texts cut while [`cut_during`] collects them.
    static CUT: RefCell<Option<BTreeSet<CutText>>> = const { RefCell::new(None) };
}

/// Notes that `text` was cut for `reason`.
pub(super) fn note_cut(text: &str, chars: usize, reason: CutReason) {
    CUT.with(|set| {
        if let Some(set) = set.borrow_mut().as_mut() {
            set.insert(CutText {
                beginning: beginning(text),
                chars,
                reason,
            });
        }
    });
}

/// The first [`QUOTED`] characters of `text` that are neither control nor invisible
/// characters, a line break made a space.
fn beginning(text: &str) -> String {
    let mut out = String::new();
    let mut taken = 0;
    for c in text.chars() {
        if taken == QUOTED {
            out.push('…');
            break;
        }
        let c = if matches!(c, '\n' | '\r' | '\t') {
            ' '
        } else {
            c
        };
        if crate::model::needs_escape(c) {
            continue;
        }
        out.push(c);
        taken += 1;
    }
    out.trim().to_owned()
}

/// Runs `render` (any PDF rendering on this thread) and returns what it returned with the
/// texts it cut, sorted and each once.
pub fn cut_during<T>(render: impl FnOnce() -> T) -> (T, Vec<CutText>) {
    let outer = CUT.with(|set| set.replace(Some(BTreeSet::new())));
    let result = render();
    let found = CUT.with(|set| set.replace(outer)).unwrap_or_default();
    // An enclosing collection sees these too.
    CUT.with(|set| {
        if let Some(set) = set.borrow_mut().as_mut() {
            set.extend(found.iter().cloned());
        }
    });
    (result, merged(found))
}

/// One note per text: a text cut for its length and then again for its place (a name of
/// a million characters on a card) is said once, as not fitting its place, with its whole
/// length.
fn merged(found: BTreeSet<CutText>) -> Vec<CutText> {
    let mut by_text: std::collections::BTreeMap<String, CutText> = Default::default();
    for cut in found {
        match by_text.get_mut(&cut.beginning) {
            Some(known) => {
                known.chars = known.chars.max(cut.chars);
                known.reason = known.reason.max(cut.reason);
            }
            None => {
                by_text.insert(cut.beginning.clone(), cut);
            }
        }
    }
    by_text.into_values().collect()
}

/// `text` as the PDF lays it out: whole when it has at most [`MAX_PRINTED_CHARS`]
/// characters, else its first `MAX_PRINTED_CHARS - 1` and `…` (so that a text cut once
/// is not cut again), the cut noted.
pub(super) fn printable(text: &str) -> Cow<'_, str> {
    // A text of at most this many bytes has at most this many characters.
    if text.len() <= MAX_PRINTED_CHARS {
        return Cow::Borrowed(text);
    }
    let Some((end, _)) = text.char_indices().nth(MAX_PRINTED_CHARS) else {
        return Cow::Borrowed(text);
    };
    let Some((keep, _)) = text.char_indices().nth(MAX_PRINTED_CHARS - 1) else {
        return Cow::Borrowed(text);
    };
    let head = text.get(..keep).unwrap_or_default();
    let rest = text.get(end..).unwrap_or_default();
    note_cut(
        text,
        MAX_PRINTED_CHARS + rest.chars().count(),
        CutReason::TooLong,
    );
    Cow::Owned(format!("{head}…"))
}

/// What the command line says about the texts cut in a PDF (the app says it in the UI's
/// language).
pub fn cut_message(cut: &[CutText]) -> String {
    let each: Vec<String> = cut
        .iter()
        .map(|c| {
            let quoted = crate::model::clip_for_message(&c.beginning);
            match c.reason {
                CutReason::TooLong => format!(
                    "“{quoted}” ({} characters) was cut after {} characters",
                    grouped(c.chars),
                    grouped(MAX_PRINTED_CHARS - 1)
                ),
                CutReason::NoRoom => format!(
                    "“{quoted}” ({} characters) does not fit its place even at the smallest size and was cut",
                    grouped(c.chars)
                ),
            }
        })
        .collect();
    format!(
        "{} too long to print, marked with … where it stops: {}; shorten it in the project to print it whole",
        if cut.len() == 1 {
            "a text is"
        } else {
            "some texts are"
        },
        each.join("; ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_is_cut_once_and_noted_once() {
        let ((), none) = cut_during(|| {
            assert!(matches!(printable("HUANG Jixian"), Cow::Borrowed(_)));
            let exact = "黄".repeat(MAX_PRINTED_CHARS);
            assert!(matches!(printable(&exact), Cow::Borrowed(_)));
        });
        assert!(none.is_empty());
        let long = format!("\u{1b}[31m{}", "黄".repeat(2 * MAX_PRINTED_CHARS));
        let (cut, notes) = cut_during(|| {
            let cut = printable(&long).into_owned();
            // Laid out again (a table measures, then wraps): cut the same, noted once.
            assert_eq!(printable(&long), cut);
            assert!(matches!(printable(&cut), Cow::Borrowed(_)));
            cut
        });
        assert_eq!(cut.chars().count(), MAX_PRINTED_CHARS);
        assert!(cut.ends_with("黄…"));
        assert_eq!(notes.len(), 1);
        let note = &notes[0];
        assert_eq!(note.chars, 2 * MAX_PRINTED_CHARS + 5);
        assert_eq!(note.reason, CutReason::TooLong);
        assert_eq!(note.beginning, format!("[31m{}…", "黄".repeat(36)));
        let message = cut_message(&notes);
        assert!(
            message.contains("(200,005 characters) was cut after 99,999"),
            "{message}"
        );
        assert!(!message.contains('\u{1b}'));
    }
}
