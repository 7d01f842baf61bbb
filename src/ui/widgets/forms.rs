//! Form rows: a two-column grid of labelled fields, bilingual pairs and choice combos. Each
//! field is labelled for screen readers and tests (`labelled_by`), and returns whether the
//! value changed.

use egui::{ComboBox, TextEdit, Ui};

use crate::i18n::{Language, Strings};
use crate::model::{Bilingual, Choice};

/// A two-column form; `add` adds rows with the `*_row` functions.
pub fn form_ui<R>(ui: &mut Ui, id_salt: &str, add: impl FnOnce(&mut Ui) -> R) -> R {
    egui::Grid::new(id_salt)
        .num_columns(2)
        .spacing(crate::ui::style::FORM_SPACING)
        .min_col_width(crate::ui::style::LABEL_WIDTH)
        .striped(false)
        .show(ui, add)
        .inner
}

/// `label (English)` / `label (Chinese)`, in the interface language.
pub fn in_language(t: &Strings, label: &str, chinese: bool) -> String {
    let lang = if chinese { t.chinese } else { t.english };
    if t.english == "英文" {
        format!("{label}（{lang}）")
    } else {
        format!("{label} ({lang})")
    }
}

/// A labelled one-line text field. A value longer than [`LONG_TEXT_BYTES`] (a hostile
/// file) shows its beginning, not edited, instead of freezing the window.
pub fn text_row(ui: &mut Ui, label: &str, value: &mut String) -> bool {
    let l = ui.label(label);
    if value.len() > LONG_TEXT_BYTES {
        ui.add(
            egui::Label::new(format!("{}…", super::long_text::preview(value)))
                .truncate()
                .selectable(false),
        )
        .labelled_by(l.id);
        ui.end_row();
        return false;
    }
    let changed = ui
        .add(TextEdit::singleline(value).desired_width(f32::INFINITY))
        .labelled_by(l.id)
        .changed();
    ui.end_row();
    changed
}

/// Texts longer than this (in bytes) are shown, not edited: a text field lays out the
/// whole text again at every keystroke, and a 17-million-character note took 30 s and 7 GB.
/// Below it a field stays quick to type in (see BENCHMARKS.md, "Hostile but valid").
pub const LONG_TEXT_BYTES: usize = 64 * 1024;

/// A labelled multi-line text field. A text longer than [`LONG_TEXT_BYTES`] shows its
/// beginning, with "Show all" for a view that lays out only the lines on screen.
pub fn multiline_row(ui: &mut Ui, t: &Strings, label: &str, value: &mut String) -> bool {
    let l = ui.label(label);
    if value.len() > LONG_TEXT_BYTES {
        super::long_text::long_text_ui(ui, t, l.id, value);
        ui.end_row();
        return false;
    }
    let changed = ui
        .add(
            TextEdit::multiline(value)
                .desired_rows(3)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(l.id);
    ui.end_row();
    changed.changed()
}

/// A labelled row showing a text too long to edit (see [`multiline_row`]), read from the
/// project itself: editors leave such a text out of the copy they edit every frame.
pub fn long_text_row(ui: &mut Ui, t: &Strings, label: &str, value: &str) {
    let l = ui.label(label);
    super::long_text::long_text_ui(ui, t, l.id, value);
    ui.end_row();
}

/// `text` when it is too long to edit in place ([`LONG_TEXT_BYTES`]): editors then show it
/// with [`long_text_row`] instead of copying it every frame.
pub fn too_long_to_edit(text: &str) -> Option<&str> {
    (text.len() > LONG_TEXT_BYTES).then_some(text)
}

/// Two rows for a bilingual text: `label (English)` and `label (Chinese)`.
pub fn bilingual_rows(ui: &mut Ui, t: &Strings, label: &str, value: &mut Bilingual) -> bool {
    let en = text_row(ui, &in_language(t, label, false), &mut value.en);
    let zh = text_row(ui, &in_language(t, label, true), &mut value.zh);
    en || zh
}

/// Two multi-line rows for a bilingual text.
pub fn bilingual_multiline_rows(
    ui: &mut Ui,
    t: &Strings,
    label: &str,
    value: &mut Bilingual,
) -> bool {
    let en = multiline_row(ui, t, &in_language(t, label, false), &mut value.en);
    let zh = multiline_row(ui, t, &in_language(t, label, true), &mut value.zh);
    en || zh
}

/// A combo box over the values of a [`Choice`], named for screen readers by `label`.
pub fn choice_combo<C: Choice>(
    ui: &mut Ui,
    id_salt: &str,
    language: Language,
    value: &mut C,
    label: egui::Id,
) -> bool {
    choice_combo_width(ui, id_salt, language, value, label, None)
}

/// A [`choice_combo`] exactly `width` wide (the choice cut with "…" if longer), for
/// columns of a list.
pub fn choice_combo_width<C: Choice>(
    ui: &mut Ui,
    id_salt: &str,
    language: Language,
    value: &mut C,
    label: egui::Id,
    width: Option<f32>,
) -> bool {
    let mut changed = false;
    let mut combo = ComboBox::from_id_salt(id_salt).selected_text(language.choice(*value));
    if let Some(width) = width {
        combo = combo.width(width).truncate();
    }
    combo
        .show_ui(ui, |ui| {
            for &option in C::ALL {
                changed |= ui
                    .selectable_value(value, option, language.choice(option))
                    .changed();
            }
        })
        .response
        .labelled_by(label);
    changed
}

/// A labelled [`choice_combo`] row.
pub fn choice_row<C: Choice>(ui: &mut Ui, label: &str, language: Language, value: &mut C) -> bool {
    let l = ui.label(label);
    let changed = choice_combo(ui, label, language, value, l.id);
    ui.end_row();
    changed
}

/// The delete button at the top of an editor.
pub fn delete_button(ui: &mut Ui, t: &Strings) -> bool {
    ui.button(t.delete).on_hover_text(t.delete_tip).clicked()
}
