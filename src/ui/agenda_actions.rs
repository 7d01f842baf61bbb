//! What a click, a drop or a key in the programme does: select a day or an item, move an
//! item within or between days, remove it, move or remove a day. Applied to a copy of the
//! meeting, handed back as the edit.

use super::ViewState;
use crate::model::Meeting;

/// What a click, a drop or a key in the list asks for.
pub(super) enum AgendaAction {
    /// Select a day (its form opens below the list).
    SelectDay(usize),
    /// Select an item.
    Select(usize, usize),
    /// Move the item at `(day, index)` to `(day, index)` (the index in the day without it).
    Move {
        /// Where it is.
        from: (usize, usize),
        /// Where it goes.
        to: (usize, usize),
    },
    /// Remove an item.
    Remove(usize, usize),
    /// Move a day's programme up or down (dates stay in order).
    MoveDay(usize, usize),
    /// Remove a day and its items.
    RemoveDay(usize),
}

/// Where the item at `(d, i)` goes one step up or down: within its day, or across to the
/// end of the day before (the start of the day after).
pub(super) fn step(
    meeting: &Meeting,
    (d, i): (usize, usize),
    down: bool,
) -> Option<(usize, usize)> {
    let len = meeting.days.get(d)?.items.len();
    if down {
        if i + 1 < len {
            Some((d, i + 1))
        } else {
            (d + 1 < meeting.days.len()).then_some((d + 1, 0))
        }
    } else if i > 0 {
        Some((d, i - 1))
    } else {
        let prev = d.checked_sub(1)?;
        Some((prev, meeting.days.get(prev)?.items.len()))
    }
}

/// Carries out a click in the list; returns the meeting when the agenda changed.
pub(super) fn apply(
    action: Option<AgendaAction>,
    meeting: &Meeting,
    state: &mut ViewState,
) -> Option<Meeting> {
    match action? {
        AgendaAction::SelectDay(d) => {
            // A second click on the open day's heading closes its form.
            state.agenda_day_open = !(state.agenda_day_open && state.agenda_day == d);
            state.agenda_day = d;
            state.agenda_item = None;
            None
        }
        AgendaAction::Select(d, i) => {
            state.agenda_day = d;
            state.agenda_day_open = false;
            state.agenda_item = meeting
                .days
                .get(d)
                .and_then(|day| day.items.get(i))
                .map(|item| item.id.clone());
            None
        }
        AgendaAction::Move { from, to } => {
            let mut m = meeting.clone();
            let item = {
                let day = m.days.get_mut(from.0)?;
                if from.1 >= day.items.len() {
                    return None;
                }
                day.items.remove(from.1)
            };
            let day = m.days.get_mut(to.0)?;
            let at = to.1.min(day.items.len());
            state.agenda_item = Some(item.id.clone());
            state.agenda_day = to.0;
            day.items.insert(at, item);
            (m != *meeting).then_some(m)
        }
        AgendaAction::Remove(d, i) => {
            let mut m = meeting.clone();
            let day = m.days.get_mut(d)?;
            if i >= day.items.len() {
                return None;
            }
            let removed = day.items.remove(i);
            if state.agenda_item.as_ref() == Some(&removed.id) {
                state.agenda_item = None;
            }
            Some(m)
        }
        AgendaAction::MoveDay(from, to) => {
            let mut m = meeting.clone();
            m.move_day(from, to);
            state.agenda_day = to;
            (m != *meeting).then_some(m)
        }
        AgendaAction::RemoveDay(d) => {
            if meeting.days.len() < 2 || d >= meeting.days.len() {
                return None;
            }
            let mut m = meeting.clone();
            m.days.remove(d);
            state.agenda_day = d.saturating_sub(1);
            state.agenda_item = None;
            Some(m)
        }
    }
}

/// Alt+↑ / Alt+↓ move the selected item (across days at a day's edge), unless a text field
/// has the keyboard.
pub(super) fn keyboard_reorder(
    ui: &egui::Ui,
    meeting: &Meeting,
    state: &mut ViewState,
) -> Option<Meeting> {
    if ui.ctx().egui_wants_keyboard_input() {
        return None;
    }
    let at = state
        .agenda_item
        .as_ref()
        .and_then(|id| meeting.find_item(id))?;
    let (up, down) = ui.ctx().input_mut(|i| {
        (
            i.consume_key(egui::Modifiers::ALT, egui::Key::ArrowUp),
            i.consume_key(egui::Modifiers::ALT, egui::Key::ArrowDown),
        )
    });
    let to = match (up, down) {
        (true, _) => step(meeting, at, false)?,
        (_, true) => step(meeting, at, true)?,
        _ => return None,
    };
    apply(Some(AgendaAction::Move { from: at, to }), meeting, state)
}
