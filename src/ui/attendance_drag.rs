//! The attendance list holds still while the user works in it, and takes people dragged
//! by their handle: the rows shown are the summary's except while the pointer is over the
//! list (or a popup of it is open, or a drag runs), when they keep their places and regroup
//! only once the pointer leaves; a drop moves someone by hand within their role, or to
//! another side.

use std::collections::HashMap;

use super::attendance_ui::RowAction;
use super::meeting_summary::{AttendanceRow, MeetingSummary};
use super::{Cx, style};
use crate::model::{Meeting, MeetingId, PersonId, Reason, SideId};

/// A person being dragged in the attendance list.
#[derive(Clone, Debug)]
pub(super) struct Dragged(PersonId);

/// The rows the attendance list shows. They are the summary's, except while the user works
/// in the list (the pointer over it, a popup of it open, a drag): then they hold still, and
/// an edit that moves someone shows where it happened; they regroup when the pointer
/// leaves.
#[derive(Debug, Default)]
pub struct AttendanceView {
    pub(super) rows: Vec<AttendanceRow>,
    persons: Vec<Option<PersonId>>,
    key: Option<(u64, MeetingId)>,
    /// The rows shown differ from the order of the project: they regroup on leaving.
    pub(super) stale: bool,
    /// Where each person is now, while the rows shown are stale.
    live: HashMap<PersonId, (usize, usize, Reason)>,
    /// Whether the pointer was over the list in the last frame.
    pub(super) hovered: bool,
    /// Take the summary's rows at the next frame (a drop: the user's own move).
    pub(super) refresh: bool,
    /// A message under the list (a move kept within a role), in the UI's language.
    pub note: Option<String>,
    /// The row last found for a person ([`Self::row_of`]), checked before it is used.
    found: Option<(PersonId, usize)>,
}

impl AttendanceView {
    /// Catches up with `summary`, holding the rows still while `hold`.
    pub(super) fn sync(&mut self, summary: &MeetingSummary, meeting: &Meeting, hold: bool) {
        // Nothing new, and nothing waiting to regroup: every still frame, so before any
        // look at the 20,000 rows of a training.
        if self.key == summary.key && (hold || !self.stale) && !self.refresh {
            return;
        }
        let same_meeting = self.key.as_ref().map(|k| &k.1) == summary.key.as_ref().map(|k| &k.1);
        let same_people =
            self.persons.iter().filter(|p| p.is_some()).count() == meeting.attendees.len();
        if hold && same_meeting && same_people && !self.refresh {
            // Same people: keep the rows, find each one's index again (an edit may
            // have changed them), and note where everyone is now.
            let index: HashMap<&PersonId, usize> = meeting
                .attendees
                .iter()
                .enumerate()
                .map(|(i, a)| (&a.person, i))
                .collect();
            for (row, person) in self.rows.iter_mut().zip(&self.persons) {
                if let (AttendanceRow::Attendee { index: at, .. }, Some(p)) = (row, person)
                    && let Some(i) = index.get(p)
                {
                    *at = *i;
                }
            }
            self.live = summary
                .attendance
                .iter()
                .filter_map(|row| match row {
                    AttendanceRow::Attendee {
                        index,
                        position,
                        of,
                        reason,
                    } => Some((
                        meeting.attendees.get(*index)?.person.clone(),
                        (*position, *of, *reason),
                    )),
                    AttendanceRow::Side(..) => None,
                })
                .collect();
            self.stale = self.rows != summary.attendance;
        } else {
            self.rows.clone_from(&summary.attendance);
            self.persons = self
                .rows
                .iter()
                .map(|row| match row {
                    AttendanceRow::Attendee { index, .. } => {
                        meeting.attendees.get(*index).map(|a| a.person.clone())
                    }
                    AttendanceRow::Side(..) => None,
                })
                .collect();
            self.stale = false;
            self.live.clear();
            self.refresh = false;
        }
        self.key.clone_from(&summary.key);
    }

    /// The row of `person`, if shown. Asked every frame while someone is selected: the
    /// row found last is kept, and looked for again only when someone else is there now
    /// (a training has 20,000 rows).
    pub(super) fn row_of(&mut self, person: &PersonId) -> Option<usize> {
        if let Some((p, row)) = &self.found
            && p == person
            && self.persons.get(*row).and_then(Option::as_ref) == Some(person)
        {
            return Some(*row);
        }
        let row = self
            .persons
            .iter()
            .position(|p| p.as_ref() == Some(person))?;
        self.found = Some((person.clone(), row));
        Some(row)
    }

    /// Where the person of row `row` is now: position, side size and reason.
    pub(super) fn place(
        &self,
        row: &AttendanceRow,
        person: &PersonId,
    ) -> Option<(usize, usize, Reason)> {
        if self.stale {
            return self.live.get(person).copied();
        }
        match row {
            AttendanceRow::Attendee {
                position,
                of,
                reason,
                ..
            } => Some((*position, *of, *reason)),
            AttendanceRow::Side(..) => None,
        }
    }
}

/// The drag handle at the start of a row: dragging it picks the person up.
pub(super) fn drag_handle_ui(ui: &mut egui::Ui, cx: &Cx<'_>, rect: egui::Rect, person: &PersonId) {
    let t = &cx.tr().protocol;
    let handle = egui::Rect::from_min_size(
        rect.min,
        egui::vec2(style::DRAG_HANDLE_WIDTH, rect.height()),
    );
    let response = ui.interact(
        handle,
        ui.scope_id().with(("drag", person)),
        egui::Sense::drag(),
    );
    let name = cx.project.person_name(person);
    response.widget_info(|| {
        egui::WidgetInfo::labeled(
            egui::Role::Button,
            true,
            t.drag_handle.replace("{name}", &name),
        )
    });
    let color = if response.hovered() || response.dragged() {
        ui.visuals().strong_text_color()
    } else {
        style::weak_color(ui)
    };
    // Six dots, painted: no font needs a glyph for them.
    let center = handle.center();
    for dx in [-2.5_f32, 2.5] {
        for dy in [-5.0_f32, 0.0, 5.0] {
            ui.painter()
                .circle_filled(center + egui::vec2(dx, dy), 1.4, color);
        }
    }
    if response.drag_started() {
        egui::DragAndDrop::set_payload(ui.ctx(), Dragged(person.clone()));
    }
    if response.hovered() || response.dragged() {
        ui.ctx().set_cursor_icon(egui::CursorIcon::Grab);
    }
    response.on_hover_text(t.drag_handle_tip);
}

/// While someone is dragged: a line where they would land, their name at the pointer;
/// on release over a row, the move.
pub(super) fn drop_ui(
    ui: &mut egui::Ui,
    cx: &Cx<'_>,
    meeting: &Meeting,
    view: &AttendanceView,
    built: &[(usize, egui::Response)],
    actions: &mut Vec<RowAction>,
) {
    let Some(dragged) = egui::DragAndDrop::payload::<Dragged>(ui.ctx()) else {
        return;
    };
    if let Some(pos) = ui.ctx().pointer_interact_pos() {
        egui::Area::new(egui::Id::unique("attendance_drag_label"))
            .order(egui::Order::Tooltip)
            .fixed_pos(pos + egui::vec2(12.0, 4.0))
            .interactable(false)
            .show(ui.ctx(), |ui| {
                egui::Frame::popup(ui.style()).show(ui, |ui| {
                    ui.label(cx.project.person_name(&dragged.0));
                });
            });
    }
    let released = ui.input(|i| i.pointer.any_released());
    for (i, response) in built {
        if !response.contains_pointer() {
            continue;
        }
        let below = ui
            .ctx()
            .pointer_interact_pos()
            .is_some_and(|p| p.y > response.rect.center().y);
        // The row the dragged person would follow, and the side it is on.
        let target = drop_target(meeting, view, *i, below);
        let y = if below {
            response.rect.bottom()
        } else {
            response.rect.top()
        };
        ui.painter().hline(
            response.rect.x_range(),
            y,
            egui::Stroke::new(2.0, ui.visuals().selection.bg_fill),
        );
        if released {
            egui::DragAndDrop::clear_payload(ui.ctx());
            let Some((side, after)) = target else {
                break;
            };
            let own_side = meeting
                .attendee_index(&dragged.0)
                .and_then(|k| meeting.attendees.get(k))
                .map(|a| a.side.clone().filter(|s| meeting.side(s).is_some()));
            if own_side.as_ref() == Some(&side) {
                actions.push(RowAction::Place(dragged.0.clone(), after));
            } else {
                actions.push(RowAction::ToSide(dragged.0.clone(), side));
            }
        }
        break;
    }
    if released {
        egui::DragAndDrop::clear_payload(ui.ctx());
    }
}

/// Where a drop above (or below) row `i` puts someone: the side of that row, and the
/// person they would follow (`None`: the first of the side).
fn drop_target(
    meeting: &Meeting,
    view: &AttendanceView,
    i: usize,
    below: bool,
) -> Option<(Option<SideId>, Option<PersonId>)> {
    let before_row = if below { Some(i) } else { i.checked_sub(1) };
    let side_of_row = |k: usize| -> Option<Option<SideId>> {
        (0..=k).rev().find_map(|j| match view.rows.get(j) {
            Some(AttendanceRow::Side(side, _)) => Some(side.clone()),
            _ => None,
        })
    };
    let side = side_of_row(i)?;
    let after = before_row.and_then(|k| match view.rows.get(k) {
        Some(AttendanceRow::Attendee { .. }) if side_of_row(k).as_ref() == Some(&side) => view
            .persons
            .get(k)
            .cloned()
            .flatten()
            .filter(|p| meeting.attendee_index(p).is_some()),
        _ => None,
    });
    Some((side, after))
}
