//! A text too long to edit (a hostile but valid file's 50 MB note): its beginning, how long
//! it is, and "Show all" for a scrolled view that lays out only the rows on screen. Laying
//! out the whole of such a text in a text field took 30 s and 7 GB; this view costs the
//! same at 50 kB and at 50 MB.

use std::sync::Arc;

use egui::Ui;

use crate::i18n::Strings;
use crate::ui::style;

/// How much of a long text shows before "Show all", in bytes.
const PREVIEW_BYTES: usize = 2_000;

/// The longest row of the full view, in bytes: longer lines are cut into rows of at most
/// this size (after a space where there is one), about the width of a form's field.
const ROW_BYTES: usize = 80;

/// The beginning of `text`, cut at a character boundary.
pub(super) fn preview(text: &str) -> &str {
    text.get(..floor_char_boundary(text, PREVIEW_BYTES))
        .unwrap_or_default()
}

/// The largest character boundary of `text` at or before `at`.
fn floor_char_boundary(text: &str, at: usize) -> usize {
    if at >= text.len() {
        return text.len();
    }
    (0..=at)
        .rev()
        .find(|i| text.is_char_boundary(*i))
        .unwrap_or(0)
}

/// Where each row of `text` starts: at every line, and every [`ROW_BYTES`] within a long
/// line (at a character boundary). One pass, found once per text and kept.
fn row_starts(text: &str) -> Vec<usize> {
    let mut starts = vec![0];
    let mut line_start = 0;
    for newline in memchr::memchr_iter(b'\n', text.as_bytes()).chain([text.len()]) {
        let mut at = line_start;
        while newline - at > ROW_BYTES {
            let mut next = floor_char_boundary(text, at + ROW_BYTES);
            // Words stay whole: cut after the last space of the row's second half.
            if let Some(space) = text
                .as_bytes()
                .get(at + ROW_BYTES / 2..next)
                .and_then(|tail| memchr::memrchr(b' ', tail))
            {
                next = at + ROW_BYTES / 2 + space + 1;
            }
            // A character longer than a row cannot happen (4 bytes at most), but never
            // loop on the spot.
            at = if next > at { next } else { at + ROW_BYTES };
            starts.push(at);
        }
        line_start = newline + 1;
        if line_start < text.len() {
            starts.push(line_start);
        }
    }
    starts
}

/// What is remembered of a long text between frames: a cheap key that changes with it,
/// and its rows and length in characters.
#[derive(Clone)]
struct Rows {
    key: (usize, u64),
    starts: Arc<Vec<usize>>,
    chars: usize,
}

/// A key for `text` that changes when it does, without reading all of it: its length and a
/// hash of its beginning, middle and end.
fn key_of(text: &str) -> (usize, u64) {
    use std::hash::{Hash as _, Hasher as _};
    let bytes = text.as_bytes();
    let len = bytes.len();
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    for at in [0, len / 2, len.saturating_sub(4096)] {
        bytes.get(at..(at + 4096).min(len)).hash(&mut hasher);
    }
    (len, hasher.finish())
}

/// A long text, not edited: how long it is, its beginning or (after "Show all") all of it
/// in rows laid out only when on screen. `label` names it for screen readers.
pub fn long_text_ui(ui: &mut Ui, t: &Strings, label: egui::Id, text: &str) {
    let id = label.with("long_text");
    let key = key_of(text);
    let cached = ui
        .data(|d| d.get_temp::<Rows>(id))
        .filter(|rows| rows.key == key);
    let rows = cached.unwrap_or_else(|| {
        let rows = Rows {
            key,
            starts: Arc::new(row_starts(text)),
            chars: text.chars().count(),
        };
        ui.data_mut(|d| d.insert_temp(id, rows.clone()));
        rows
    });
    let mut show_all = ui
        .data(|d| d.get_temp::<bool>(id.with("all")))
        .unwrap_or(false);
    ui.vertical(|ui| {
        let count = super::thousands(rows.chars);
        let note = if show_all {
            t.long_text_all
        } else {
            t.long_text_shown
        };
        ui.label(egui::RichText::new(note.replace("{n}", &count)).color(style::weak_color(ui)));
        if show_all {
            let height = ui.text_style_height(&egui::TextStyle::Body);
            egui::ScrollArea::both()
                .id_salt(id.with("rows"))
                .max_height(style::LONG_TEXT_HEIGHT)
                .show_rows(ui, height, rows.starts.len(), |ui, range| {
                    for i in range {
                        let start = rows.starts.get(i).copied().unwrap_or(0);
                        let end = rows.starts.get(i + 1).copied().unwrap_or(text.len());
                        let row = text.get(start..end).unwrap_or_default();
                        ui.add(
                            egui::Label::new(row.trim_end_matches(['\n', '\r']))
                                .wrap_mode(egui::TextWrapMode::Extend),
                        );
                    }
                });
        } else {
            ui.add(egui::Label::new(format!("{}…", preview(text))).wrap())
                .labelled_by(label);
        }
        let toggle = if show_all { t.show_less } else { t.show_all };
        if ui.button(toggle).clicked() {
            show_all = !show_all;
            ui.data_mut(|d| d.insert_temp(id.with("all"), show_all));
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_cover_the_text_at_character_boundaries() {
        let text = format!(
            "{}\nshort\n\n{}\n{}",
            "黄".repeat(100),
            "a".repeat(250),
            "word ".repeat(40)
        );
        let starts = row_starts(&text);
        let mut joined = String::new();
        for (i, start) in starts.iter().enumerate() {
            let end = starts.get(i + 1).copied().unwrap_or(text.len());
            let row = text.get(*start..end).expect("a character boundary");
            assert!(row.len() <= ROW_BYTES + 1, "{row:?}");
            assert!(!row.is_empty());
            joined.push_str(row);
        }
        assert_eq!(joined, text);
        assert_eq!(
            starts.get(..10),
            Some(&[0, 78, 156, 234, 301, 307, 308, 388, 468, 548][..])
        );
        // The words of the last line are whole on every row.
        for pair in starts.windows(2).skip(10) {
            let row = text.get(pair[0]..pair[1]).unwrap();
            assert!(row.ends_with("word ") && row.starts_with("word"), "{row:?}");
        }
        assert_eq!(preview(&"黄".repeat(1_000)).len() % 3, 0);
        assert_eq!(row_starts(""), vec![0]);
    }
}
