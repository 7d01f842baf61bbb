//! One attendee of the attendance list: painted text when not selected (one click target),
//! combo boxes and the precedence buttons when selected. On a page too narrow for every
//! column (a 1024-px window), the list folds: the rank and mode columns go, the mode
//! follows the status in the row's text, and the selected attendee gets a second line,
//! under their name, with the rank, the mode and the buttons. A choice of the selected row
//! that its combo box would cut is shown as text there, and its combo box goes whole on a
//! line of its own under the row.

use super::Cx;
use super::attendance_columns::{Below, Widths, is_compact};
use super::attendance_drag::drag_handle_ui;
use super::attendance_ui::RowAction;
use super::style::{self, ATTENDEE_ROW_HEIGHT, COMBO_MARGIN};
use super::widgets::choice_combo_width;
use crate::model::{AttendanceMode, Attendee, Meeting, Reason, SideId};

/// The least width of the rank's cell with its label ("Rank —"); a narrower one shows the
/// value alone (its tooltip and accessible name say what it is).
const RANK_WITH_LABEL_WIDTH: f32 = 92.0;

/// The width of the mode's combo box on the selected attendee's second line.
const SECOND_LINE_MODE_WIDTH: f32 = 96.0;

/// The width of attendance column `k` (0 for a column folded away).
pub(super) fn column_width(widths: &Widths, k: usize) -> f32 {
    // Only the seven columns exist; one more would get the least a column gets.
    widths
        .get(k)
        .copied()
        .unwrap_or(style::MIN_LAST_COLUMN_WIDTH)
}

/// A column of the attendance list: `add` left-aligned in exactly `width` points, so the
/// headers sit above their cells.
pub(super) fn column<R>(ui: &mut egui::Ui, width: f32, add: impl FnOnce(&mut egui::Ui) -> R) -> R {
    ui.allocate_ui_with_layout(
        egui::vec2(width, style::LINE_HEIGHT),
        egui::Layout::left_to_right(egui::Align::Center),
        |ui| {
            ui.set_width(width);
            add(ui)
        },
    )
    .inner
}

/// An attendee as a row shows them: where they stand on their side, and why.
pub(super) struct AttendeeRow<'a> {
    pub attendee: &'a Attendee,
    pub index: usize,
    pub position: usize,
    pub of: usize,
    pub reason: Reason,
}

/// Why someone is where they are: a few words, and the sentence for the tooltip.
fn why(cx: &Cx<'_>, row: &AttendeeRow<'_>) -> (String, String) {
    let t = &cx.tr().protocol;
    let role = cx.language.choice(row.attendee.role);
    match row.reason {
        Reason::Hand => (t.why_hand.to_owned(), t.why_hand_tip.to_owned()),
        Reason::Rank(n) => (
            t.why_rank.replace("{n}", &n.to_string()),
            t.why_rank_tip
                .replace("{role}", role)
                .replace("{n}", &n.to_string()),
        ),
        Reason::Role => (
            t.why_role.to_owned(),
            t.why_role_tip.replace("{role}", role),
        ),
    }
}

/// An attendee not selected: the same columns as painted text, one click target.
/// Returns true when clicked.
pub(super) fn attendee_line_ui(
    ui: &mut egui::Ui,
    cx: &Cx<'_>,
    row: &AttendeeRow<'_>,
    side_names: &[(SideId, String)],
    widths: &Widths,
) -> bool {
    let t = cx.tr();
    let a = row.attendee;
    let name = cx.project.person_screen_name(&a.person, cx.zh());
    let side = a.side.as_ref().map_or(t.none_choice, |s| {
        side_names
            .iter()
            .find(|(id, _)| id == s)
            .map_or(s.as_str(), |(_, n)| n.as_str())
    });
    let (rect, response) = ui.allocate_exact_size(
        egui::vec2(ui.available_width(), ATTENDEE_ROW_HEIGHT),
        egui::Sense::click(),
    );
    if response.hovered() {
        ui.painter().rect_filled(
            rect,
            style::ROW_ROUNDING,
            ui.visuals().widgets.hovered.weak_bg_fill,
        );
    }
    let (why_text, why_tip) = why(cx, row);
    let status = cx.language.choice(a.status);
    let mode = cx.language.choice(a.mode);
    // Folded, the mode follows the status when it is not the usual one.
    let status_text = if is_compact(widths) && a.mode != AttendanceMode::default() {
        format!("{status} · {mode}")
    } else {
        status.to_owned()
    };
    let cells = [
        (row.position + 1).to_string(),
        name.clone(),
        side.to_owned(),
        cx.language.choice(a.role).to_owned(),
        why_text,
        status_text,
        mode.to_owned(),
    ];
    let spacing = ui.spacing().item_spacing.x;
    let mut x = rect.left();
    for (k, (text, width)) in cells.into_iter().zip(*widths).enumerate() {
        if width <= 0.0 {
            continue;
        }
        // Text inside a combo box starts after its frame: the painted text lines up; the
        // number sits after the drag handle.
        let start = if k == 0 {
            style::DRAG_HANDLE_WIDTH + style::CELL_PADDING
        } else {
            style::CELL_PADDING
        };
        let cell = egui::Rect::from_x_y_ranges(
            x + start..=x + width - style::CELL_END_PADDING,
            rect.y_range(),
        );
        let color = if k == 4 && row.reason == Reason::Hand {
            ui.visuals().strong_text_color()
        } else if k == 4 {
            style::weak_color(ui)
        } else {
            ui.visuals().text_color()
        };
        super::widgets::paint_line_in(ui, cell, text, egui::TextStyle::Body, color);
        x += width + spacing;
    }
    drag_handle_ui(ui, cx, rect, &a.person);
    response
        .widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, false, name.clone()));
    // The whole name first: a narrow column cuts it.
    let tip = if is_compact(widths) {
        format!(
            "{name}\n{why_tip}\n{status} · {mode}\n{}",
            t.click_to_edit_attendee
        )
    } else {
        format!("{name}\n{why_tip}\n{}", t.click_to_edit_attendee)
    };
    response.on_hover_text(tip).clicked()
}

/// The selected attendee: name, side, role, rank, status, mode, and the precedence
/// buttons when `buttons_inline`. Folded, only name, side, role and status: the rest is
/// on the second line ([`attendee_second_line_ui`]), as are the buttons that do not fit.
pub(super) fn attendee_row_ui(
    ui: &mut egui::Ui,
    cx: &Cx<'_>,
    meeting: &Meeting,
    row: &AttendeeRow<'_>,
    (side_names, widths, buttons_inline, below): (&[(SideId, String)], &Widths, bool, Below),
    header: &dyn Fn(usize) -> egui::Id,
    actions: &mut Vec<RowAction>,
) {
    let mut attendee = row.attendee.clone();
    let width = |k| column_width(widths, k);
    let start = ui.cursor().min;
    // The number and the name start where the painted rows' do.
    column(ui, width(0), |ui| {
        ui.add_space(style::DRAG_HANDLE_WIDTH + style::CELL_PADDING);
        ui.label(format!("{}", row.position + 1));
    });
    drag_handle_ui(
        ui,
        cx,
        egui::Rect::from_min_size(start, egui::vec2(width(0), ATTENDEE_ROW_HEIGHT)),
        &attendee.person,
    );
    let person_salt = format!("attendee_{}", attendee.person);
    let name = cx.project.person_screen_name(&attendee.person, cx.zh());
    ui.allocate_ui_with_layout(
        egui::vec2(width(1), style::LINE_HEIGHT),
        egui::Layout::left_to_right(egui::Align::Center),
        |ui| {
            ui.set_min_width(width(1));
            ui.add_space(style::CELL_PADDING);
            ui.add(egui::Label::new(name.as_str()).truncate())
                .labelled_by(header(1));
        },
    );
    let org = cx
        .project
        .people
        .get(&attendee.person)
        .and_then(|p| p.organisation.clone());
    column(ui, width(2), |ui| {
        if let Some(action) = super::sides_ui::side_combo(
            ui,
            cx,
            meeting,
            &format!("{person_salt}_side"),
            side_names,
            org.as_ref(),
            &mut attendee.side,
            header(2),
            width(2) - COMBO_MARGIN,
        ) {
            actions.push(action);
        }
    });
    column(ui, width(3), |ui| {
        if below.role {
            text_cell(ui, cx.language.choice(attendee.role));
        } else {
            choice_combo_width(
                ui,
                &format!("{person_salt}_role"),
                cx.language,
                &mut attendee.role,
                header(3),
                Some(width(3) - COMBO_MARGIN),
            );
        }
    });
    let compact = is_compact(widths);
    if !compact {
        // The label only where it fits: a wider cell would push the row past the page.
        let labelled = width(4) >= RANK_WITH_LABEL_WIDTH;
        column(ui, width(4), |ui| {
            rank_ui(ui, cx, row, &name, labelled, actions);
        });
    }
    column(ui, width(5), |ui| {
        if below.status {
            text_cell(ui, cx.language.choice(attendee.status));
        } else {
            choice_combo_width(
                ui,
                &format!("{person_salt}_status"),
                cx.language,
                &mut attendee.status,
                header(5),
                Some(width(5) - COMBO_MARGIN),
            );
        }
    });
    if !compact {
        column(ui, width(6), |ui| {
            if below.mode {
                text_cell(ui, cx.language.choice(attendee.mode));
            } else {
                choice_combo_width(
                    ui,
                    &format!("{person_salt}_mode"),
                    cx.language,
                    &mut attendee.mode,
                    header(6),
                    Some(width(6) - COMBO_MARGIN),
                );
            }
        });
    }
    if buttons_inline {
        buttons_ui(ui, cx, meeting, row, &name, actions);
    }
    if &attendee != row.attendee {
        actions.push(RowAction::Set(row.index, Box::new(attendee)));
    }
}

/// A choice of the selected row shown as the other rows show it: its combo box is on the
/// line below ([`attendee_choices_line_ui`]).
fn text_cell(ui: &mut egui::Ui, text: &str) {
    ui.add_space(style::CELL_PADDING);
    ui.add(egui::Label::new(text).truncate().selectable(false));
}

/// The selected attendee's line for the choices a combo box would cut in their columns
/// (`below`): each whole, after its column's name; then the precedence buttons, with
/// `buttons` (the meeting), when they go there.
pub(super) fn attendee_choices_line_ui(
    ui: &mut egui::Ui,
    cx: &Cx<'_>,
    row: &AttendeeRow<'_>,
    widths: &Widths,
    below: Below,
    buttons: Option<&Meeting>,
    actions: &mut Vec<RowAction>,
) {
    let t = cx.tr();
    let mut attendee = row.attendee.clone();
    let salt = format!("attendee_{}", attendee.person);
    ui.add_space(column_width(widths, 0) + ui.spacing().item_spacing.x);
    let language = cx.language;
    if below.role {
        labelled_choice(
            ui,
            t.role,
            &format!("{salt}_role"),
            language,
            &mut attendee.role,
        );
    }
    if below.status {
        labelled_choice(
            ui,
            t.status,
            &format!("{salt}_status"),
            language,
            &mut attendee.status,
        );
    }
    if below.mode {
        labelled_choice(
            ui,
            t.mode,
            &format!("{salt}_mode"),
            language,
            &mut attendee.mode,
        );
    }
    if let Some(meeting) = buttons {
        let name = cx.project.person_screen_name(&attendee.person, cx.zh());
        buttons_ui(ui, cx, meeting, row, &name, actions);
    }
    if &attendee != row.attendee {
        actions.push(RowAction::Set(row.index, Box::new(attendee)));
    }
}

/// A choice's small label, then its combo box as wide as its choice needs.
fn labelled_choice<C: crate::model::Choice>(
    ui: &mut egui::Ui,
    label: &str,
    id_salt: &str,
    language: crate::i18n::Language,
    value: &mut C,
) {
    let label = ui.label(egui::RichText::new(label).small()).id;
    choice_combo_width(ui, id_salt, language, value, label, None);
    ui.add_space(style::space::S);
}

/// The selected attendee's second line, under their name: on a folded list the rank and
/// the mode, and the precedence buttons.
pub(super) fn attendee_second_line_ui(
    ui: &mut egui::Ui,
    cx: &Cx<'_>,
    meeting: &Meeting,
    row: &AttendeeRow<'_>,
    widths: &Widths,
    actions: &mut Vec<RowAction>,
) {
    let t = cx.tr();
    let mut attendee = row.attendee.clone();
    let name = cx.project.person_screen_name(&attendee.person, cx.zh());
    ui.add_space(column_width(widths, 0) + ui.spacing().item_spacing.x);
    if is_compact(widths) {
        rank_ui(ui, cx, row, &name, true, actions);
        ui.add_space(style::space::S);
        let mode = ui.label(egui::RichText::new(t.mode).small());
        choice_combo_width(
            ui,
            &format!("attendee_{}_mode", attendee.person),
            cx.language,
            &mut attendee.mode,
            mode.id,
            Some(SECOND_LINE_MODE_WIDTH),
        );
        ui.add_space(style::space::S);
    }
    buttons_ui(ui, cx, meeting, row, &name, actions);
    if &attendee != row.attendee {
        actions.push(RowAction::Set(row.index, Box::new(attendee)));
    }
}

/// The rank of the selected attendee (on the person, for every meeting), with why they
/// stand where they do in its tooltip; `labelled`, after the word "Rank".
fn rank_ui(
    ui: &mut egui::Ui,
    cx: &Cx<'_>,
    row: &AttendeeRow<'_>,
    name: &str,
    labelled: bool,
    actions: &mut Vec<RowAction>,
) {
    let t = cx.tr();
    let person = &row.attendee.person;
    let (_, tip) = why(cx, row);
    let mut rank = cx
        .project
        .people
        .get(person)
        .and_then(|p| p.rank)
        .unwrap_or(0);
    let before = rank;
    if labelled {
        ui.label(egui::RichText::new(t.protocol.rank).small())
            .on_hover_text(&tip);
    }
    ui.add(
        egui::DragValue::new(&mut rank)
            .range(0..=999)
            .speed(0.1)
            .custom_formatter(|n, _| {
                if n < 0.5 {
                    "—".to_owned()
                } else {
                    n.to_string()
                }
            }),
    )
    .on_hover_text(format!("{}\n\n{tip}", t.protocol.rank_tip))
    .accessible_name(t.protocol.rank_of.replace("{name}", name));
    if rank != before {
        actions.push(RowAction::Rank(person.clone(), (rank > 0).then_some(rank)));
    }
}

/// ↑ ↓ × for the selected attendee. Moving never changes a role: at the end of their
/// role's people the buttons are off and say why.
fn buttons_ui(
    ui: &mut egui::Ui,
    cx: &Cx<'_>,
    meeting: &Meeting,
    row: &AttendeeRow<'_>,
    name: &str,
    actions: &mut Vec<RowAction>,
) {
    let t = cx.tr();
    let person = &row.attendee.person;
    let people = &cx.project.people;
    let can_up = meeting.can_move_attendee(people, row.index, true);
    let can_down = meeting.can_move_attendee(people, row.index, false);
    let why_not = |at_end: bool| {
        if at_end {
            ""
        } else {
            t.protocol.move_not_past_role
        }
    };
    if ui
        .add_enabled(can_up, egui::Button::new("↑"))
        .on_hover_text(t.move_up_protocol)
        .on_disabled_hover_text(why_not(row.position == 0))
        .accessible_name(format!("{}: {name}", t.move_up_protocol))
        .clicked()
    {
        actions.push(RowAction::Up(person.clone()));
    }
    if ui
        .add_enabled(can_down, egui::Button::new("↓"))
        .on_hover_text(t.move_down_protocol)
        .on_disabled_hover_text(why_not(row.position + 1 >= row.of))
        .accessible_name(format!("{}: {name}", t.move_down_protocol))
        .clicked()
    {
        actions.push(RowAction::Down(person.clone()));
    }
    if ui
        .small_button("×")
        .on_hover_text(t.remove)
        .accessible_name(format!("{}: {name}", t.remove))
        .clicked()
    {
        actions.push(RowAction::Remove(person.clone()));
    }
}
