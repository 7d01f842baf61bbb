//! The widths of the attendance list's columns (issue 27): the side column sized to the
//! longest side name of the meeting (a side's combo box included), the name column taking
//! what the other columns leave, so that names and sides are not cut while half the row
//! is empty. On a page too narrow for every column even at their least (a 1024-px
//! window), the list folds: the rank and mode columns go (to the selected attendee's
//! second line), and the selected row's buttons go there too when they do not fit. The
//! selected row's choices that a combo box would cut go whole on a line above that one.

use super::style::{self, ATTENDEE_COLUMNS, COMBO_MARGIN};

/// The widths of the seven attendance columns: drag handle and #, name, side, role, why
/// there, status, mode.
pub(super) type Widths = [f32; 7];

/// The widest the side and name columns get: a longer text is cut with "…" (whole on
/// hover of its row).
const SIDE_MAX: f32 = 260.0;
const NAME_MAX: f32 = 280.0;

/// The least widths of the role, why, status and mode columns (the others are never
/// narrowed): their words are short, a longer one is cut with "…" (whole on hover).
const LEAST: Widths = [0.0, 0.0, 0.0, 72.0, 64.0, 72.0, 64.0];

/// The columns a narrow page folds away: why there (the rank) and mode.
const FOLDED: [usize; 2] = [4, 6];
/// The least width of the name on a folded list (a 1024-px window has room for little
/// more; the whole name is in the row's tooltip).
const FOLDED_NAME_MIN: f32 = 120.0;

/// The columns for the side names `sides` (and `none`, the choice of no side) in a list
/// `available` wide.
pub(super) fn column_widths<'a>(
    ui: &egui::Ui,
    available: f32,
    sides: impl Iterator<Item = &'a str>,
    none: &'a str,
) -> Widths {
    let mut widths = ATTENDEE_COLUMNS;
    let side = std::iter::once(none)
        .chain(sides)
        .map(|text| combo_cell_width(ui, text))
        .fold(0.0, f32::max)
        + style::CELL_PADDING;
    let [_, name_min, side_min, ..] = ATTENDEE_COLUMNS;
    widths[2] = side.clamp(side_min, SIDE_MAX);
    // The name takes the rest of the row, from its least width up, short of the room
    // the selected row's buttons (↑ ↓ ×) need after the columns; without that room they
    // go on the selected row's second line, and the name takes it.
    let spacing = ui.spacing().item_spacing.x * widths.len() as f32;
    let others: f32 = widths.iter().sum::<f32>() - widths[1];
    let rest = available - spacing - others;
    let beside_buttons = rest - style::ATTENDEE_BUTTONS_WIDTH;
    widths[1] = if beside_buttons >= name_min {
        beside_buttons
    } else {
        rest
    }
    .clamp(name_min, NAME_MAX);
    // Still wider than the page (the name at its least): why, status and mode, whose
    // words are short, give up room down to their least, then the role, so that the page
    // does not scroll sideways (its scroll bar would lie over the toolbar above the list).
    let mut over = widths.iter().sum::<f32>() + spacing - available;
    give_up_room(&mut widths, &mut over, &[4, 5, 6, 3]);
    // Still wider than the page: the list folds. The rank and mode columns go (the
    // selected attendee's second line has them), and the name takes what the other four
    // leave.
    if over > 0.0 {
        widths = ATTENDEE_COLUMNS;
        widths[2] = side.clamp(side_min, SIDE_MAX);
        for k in FOLDED {
            if let Some(w) = widths.get_mut(k) {
                *w = 0.0;
            }
        }
        // Names come first: role and status start at their least, and the role gets
        // back what the name leaves.
        let [.., role, _, status, _] = LEAST;
        widths[3] = role;
        widths[5] = status;
        let spacing = ui.spacing().item_spacing.x * (widths.len() - FOLDED.len()) as f32;
        let others: f32 = widths.iter().sum::<f32>() - widths[1];
        widths[1] = (available - spacing - others).clamp(FOLDED_NAME_MIN, NAME_MAX);
        let left = available - spacing - widths.iter().sum::<f32>();
        if left >= 0.0 {
            widths[3] += left.min(ATTENDEE_COLUMNS[3] - role);
        } else {
            // Long side names (Chinese delegations' are) give way last, cut with "…".
            widths[2] = (widths[2] + left).max(side_min);
        }
    }
    widths
}

/// The width of `text` on one line in the body style.
fn text_width(ui: &egui::Ui, text: &str) -> f32 {
    styled_text_width(ui, text, egui::TextStyle::Body)
}

/// The width of `text` on one line in `style`.
fn styled_text_width(ui: &egui::Ui, text: &str, style: egui::TextStyle) -> f32 {
    egui::WidgetText::from(text)
        .into_galley(ui, Some(egui::TextWrapMode::Extend), f32::INFINITY, style)
        .size()
        .x
}

/// The width of a cell holding a combo box that shows `text` whole: the text, the box's
/// frame and arrow inside it, and the margin the row keeps around the box.
fn combo_cell_width(ui: &egui::Ui, text: &str) -> f32 {
    let spacing = &ui.spacing();
    let inside = spacing.icon_width + spacing.icon_spacing + 2.0 * spacing.button_padding.x;
    text_width(ui, text) + inside + COMBO_MARGIN
}

/// The selected attendee's choices whose combo boxes would cut them in their columns (the
/// role, the status, and the mode while it has a column): they go whole on a line of their
/// own under the row, and the row shows them as text, as the other rows do.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Below {
    pub role: bool,
    pub status: bool,
    pub mode: bool,
}

impl Below {
    /// The choices of `texts` (role, status, mode) that do not fit their columns.
    pub(super) fn of(ui: &egui::Ui, widths: &Widths, texts: [&str; 3]) -> Self {
        let [role, status, mode] = texts;
        let cut = |text: &str, k: usize| {
            widths
                .get(k)
                .is_some_and(|w| *w > 0.0 && combo_cell_width(ui, text) > *w)
        };
        Self {
            role: cut(role, 3),
            status: cut(status, 5),
            mode: cut(mode, 6),
        }
    }

    /// Whether any choice goes below the row.
    pub(super) fn any(self) -> bool {
        self.role || self.status || self.mode
    }

    /// The width of the line these choices take under the row, after the `indent`: each
    /// after its column's name (`labels`, small), its combo box as wide as `texts` needs.
    pub(super) fn line_width(
        self,
        ui: &egui::Ui,
        indent: f32,
        labels: [&str; 3],
        texts: [&str; 3],
    ) -> f32 {
        let spacing = ui.spacing().item_spacing.x;
        let shown = [self.role, self.status, self.mode];
        let choices: f32 = (0..3)
            .filter(|k| shown.get(*k).copied().unwrap_or(false))
            .map(|k| {
                let label = labels.get(k).copied().unwrap_or_default();
                let text = texts.get(k).copied().unwrap_or_default();
                styled_text_width(ui, label, egui::TextStyle::Small)
                    + spacing
                    + combo_cell_width(ui, text)
                    - COMBO_MARGIN
                    + spacing
                    + style::space::S
            })
            .sum();
        indent + spacing + choices
    }
}

/// The columns `order` give up room, each down to its least, in turn, until `over` is
/// taken up.
fn give_up_room(widths: &mut Widths, over: &mut f32, order: &[usize]) {
    for &k in order {
        if *over <= 0.0 {
            break;
        }
        if let (Some(w), Some(least)) = (widths.get_mut(k), LEAST.get(k)) {
            let give = (*w - least).clamp(0.0, *over);
            *w -= give;
            *over -= give;
        }
    }
}

/// Whether the selected row's buttons (↑ ↓ ×) fit after its columns in a list `available`
/// wide; else they go on its second line.
pub(super) fn buttons_fit(ui: &egui::Ui, widths: &Widths, available: f32) -> bool {
    let shown = widths.iter().filter(|w| **w > 0.0).count();
    let spacing = ui.spacing().item_spacing.x * shown as f32;
    widths.iter().sum::<f32>() + spacing + style::ATTENDEE_BUTTONS_WIDTH <= available
}

/// Whether the list is folded (on a narrow page): rank and mode have no columns.
pub(super) fn is_compact(widths: &Widths) -> bool {
    FOLDED
        .iter()
        .all(|&k| widths.get(k).is_some_and(|w| *w <= 0.0))
}
