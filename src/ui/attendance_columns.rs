//! The widths of the attendance list's columns (issue 27): the side column sized to the
//! longest side name of the meeting (a side's combo box included), the name column taking
//! what the other columns leave, so that names and sides are not cut while half the row
//! is empty.

use super::style::{self, ATTENDEE_COLUMNS, COMBO_MARGIN};

/// The widths of the seven attendance columns: drag handle and #, name, side, role, why
/// there, status, mode.
pub(super) type Widths = [f32; 7];

/// The widest the side and name columns get: a longer text is cut with "…" (whole on
/// hover of its row).
const SIDE_MAX: f32 = 260.0;
const NAME_MAX: f32 = 280.0;

/// The columns for the side names `sides` (and `none`, the choice of no side) in a list
/// `available` wide.
pub(super) fn column_widths<'a>(
    ui: &egui::Ui,
    available: f32,
    sides: impl Iterator<Item = &'a str>,
    none: &'a str,
) -> Widths {
    let mut widths = ATTENDEE_COLUMNS;
    let text_width = |text: &str| {
        egui::WidgetText::from(text)
            .into_galley(
                ui,
                Some(egui::TextWrapMode::Extend),
                f32::INFINITY,
                egui::TextStyle::Body,
            )
            .size()
            .x
    };
    // A side name in its combo box (the selected row) needs the box's frame and arrow,
    // inside the box, and the margin the row keeps around the box.
    let spacing = &ui.spacing();
    let inside = spacing.icon_width + spacing.icon_spacing + 2.0 * spacing.button_padding.x;
    let side = std::iter::once(none)
        .chain(sides)
        .map(text_width)
        .fold(0.0, f32::max)
        + inside
        + COMBO_MARGIN
        + style::CELL_PADDING;
    let [_, name_min, side_min, ..] = ATTENDEE_COLUMNS;
    widths[2] = side.clamp(side_min, SIDE_MAX);
    // The name takes the rest of the row, from its least width up, short of the room
    // the selected row's buttons (↑ ↓ ×) need after the columns.
    let spacing = ui.spacing().item_spacing.x * widths.len() as f32;
    let others: f32 = widths.iter().sum::<f32>() - widths[1];
    widths[1] =
        (available - spacing - others - style::ATTENDEE_BUTTONS_WIDTH).clamp(name_min, NAME_MAX);
    // Still wider than the page (the name at its least): why, status and mode, whose
    // words are short, give up room down to their least, then the role, so that the page
    // does not scroll sideways (its scroll bar would lie over the toolbar above the list).
    let mut over = widths.iter().sum::<f32>() + spacing - available;
    for (k, least) in [(4, 64.0), (5, 72.0), (6, 64.0), (3, 72.0)] {
        if over <= 0.0 {
            break;
        }
        if let Some(w) = widths.get_mut(k) {
            let give = (*w - least).clamp(0.0, over);
            *w -= give;
            over -= give;
        }
    }
    widths
}
