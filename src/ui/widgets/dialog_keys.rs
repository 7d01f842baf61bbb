//! A dialog's default button and its keys, one way for every dialog (issue 27): the
//! default drawn with the accent fill and its tooltip naming Enter, chosen by Enter when
//! nothing else in the dialog wants the key. Escape is egui's `Modal::should_close`, which
//! every dialog maps to its safe choice (Cancel, Later, Keep).

use egui::{Key, Modifiers};

use crate::i18n::Strings;

/// Draws a dialog's default button; whether it was chosen this frame, by a click or by
/// Enter. Draw it after the dialog's fields: a field drawn before it has had its say on
/// Enter (a single-line field gives the keyboard up on Enter, a multi-line one keeps it
/// for a new line, a picker consumes it), and Enter goes to the default only when no
/// widget of the dialog still holds the keyboard and no popup is open. `tip` is shown on
/// hover with the key named after it.
pub fn default_button(
    ui: &mut egui::Ui,
    t: &Strings,
    label: &str,
    tip: Option<&str>,
    enabled: bool,
) -> bool {
    default_button_response(ui, t, label, tip, enabled).1
}

/// [`default_button`], with its response (for a tooltip saying why it is disabled).
pub fn default_button_response(
    ui: &mut egui::Ui,
    t: &Strings,
    label: &str,
    tip: Option<&str>,
    enabled: bool,
) -> (egui::Response, bool) {
    let visuals = ui.visuals();
    let button = if enabled {
        egui::Button::new(egui::RichText::new(label).color(visuals.selection.stroke.color))
            .fill(visuals.selection.bg_fill)
    } else {
        egui::Button::new(label)
    };
    let key = t.first_hour.default_key;
    let hover = match tip {
        Some(tip) => format!("{tip}\n{key}"),
        None => key.to_owned(),
    };
    let response = ui.add_enabled(enabled, button);
    let response = if enabled {
        response.on_hover_text(hover)
    } else {
        response
    };
    let chosen = response.clicked() || (enabled && take_enter(ui));
    (response, chosen)
}

/// Whether Enter was pressed this frame for the dialog drawn in `ui`, consuming it so that
/// nothing else acts on it too. Not while a widget of the dialog holds the keyboard (a
/// multi-line field writes a new line, a focused button is clicked by it), nor while a
/// popup (a combo box, a calendar) is open.
pub fn take_enter(ui: &egui::Ui) -> bool {
    let ctx = ui.ctx();
    if egui::Popup::is_any_open(ctx) {
        return false;
    }
    let layer = ui.layer_id();
    // Another dialog over this one (the palette) has the keys.
    if ctx
        .memory(egui::Memory::top_modal_layer)
        .is_some_and(|top| top != layer)
    {
        return false;
    }
    let busy = ctx
        .memory(egui::Memory::focused)
        .and_then(|id| ctx.read_response(id))
        .is_some_and(|focused| focused.layer_id == layer);
    !busy && ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Enter))
}

/// Whether Enter was pressed to end the single-line field `response` (which gave up the
/// keyboard on it), consuming the key so that the dialog's default button does not also
/// take it: for a field whose Enter has a meaning of its own (open the path typed).
pub fn field_entered(ui: &egui::Ui, response: &egui::Response) -> bool {
    response.lost_focus() && ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Enter))
}
