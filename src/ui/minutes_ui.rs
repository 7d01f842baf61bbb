//! Taking minutes live: the meeting's items in programme order, a field per item (the
//! summary, English beside Chinese, as a 会谈纪要 sets them), Tab to the next item, the
//! decisions and commitments of the item being written (Ctrl+D, Ctrl+K), and attendance
//! marked present or absent with one click.
//!
//! Like every panel it reads the project and returns edits; the commitments it adds are
//! ordinary commitments that know their meeting and item, followed up in Commitments.

use egui::{Key, Modifiers};

use super::commands_ui::shortcut_text;
use super::style;
use super::widgets::{
    choice_combo, empty_message, long_text_ui, optional_date_edit, too_long_to_edit,
};
use super::{Cx, View, ViewState};
use crate::document::Edit;
use crate::model::{
    AttendanceStatus, Bilingual, Commitment, CommitmentStatus, ItemId, Meeting, MeetingId, Outcome,
    Owner,
};
use crate::workspace::Command;

/// How many attendees get a button: more would be a wall no one reads during a meeting.
const ATTENDANCE_MAX: usize = 200;

/// What a menu entry or a shortcut asked to add to the item being written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MinutesAdd {
    /// A decision.
    Decision,
    /// A commitment agreed under the item.
    Commitment,
}

/// The id of an item's summary field in one language: Tab moves between these.
fn summary_id(item: &ItemId, zh: bool) -> egui::Id {
    egui::Id::unique(("minutes_summary", item.as_str(), zh))
}

/// The id of a decision's field in one language.
fn decision_id(item: &ItemId, index: usize, zh: bool) -> egui::Id {
    egui::Id::unique(("minutes_decision", item.as_str(), index, zh))
}

/// The id of a commitment's title field in one language, shown under an item.
fn commitment_title_id(commitment: &crate::model::CommitmentId, zh: bool) -> egui::Id {
    egui::Id::unique(("minutes_commitment", commitment.as_str(), zh))
}

/// The width of each of the two fields (English, Chinese) of a decision or commitment row,
/// sharing what the row leaves beside its label and button.
fn pair_width(ui: &egui::Ui) -> f32 {
    ((ui.available_width() - style::MINUTES_ROW_RESERVE) / 2.0).max(style::TITLE_FIELD_MIN_WIDTH)
}

/// The live minutes of `meeting`.
pub fn live_minutes_ui(
    ui: &mut egui::Ui,
    cx: &mut Cx<'_>,
    id: &MeetingId,
    meeting: &Meeting,
    state: &mut ViewState,
) {
    let t = cx.tr();
    let zh = cx.zh();
    let mut changed: Option<Meeting> = None;
    super::widgets::title_bar(ui, meeting.title.get(zh), |ui| {
        if ui
            .button(t.leave_minutes)
            .on_hover_text(shortcut_text(ui.ctx(), Command::TakeMinutes))
            .clicked()
        {
            state.minutes_mode = false;
        }
    });
    ui.horizontal(|ui| {
        let mut stage = meeting.minutes_stage;
        let label = ui.label(t.minutes_stage);
        if choice_combo(ui, "minutes_stage", cx.language, &mut stage, label.id) {
            let mut m = meeting.clone();
            m.minutes_stage = stage;
            changed = Some(m);
        }
        ui.add_space(style::space::L);
        // The version date printed on the minutes; undated, an export is dated the day
        // it is made.
        let mut version = meeting.minutes_version;
        if optional_date_edit(
            ui,
            cx.language,
            "minutes_version",
            t.minutes_version,
            &mut version,
            cx.today,
        ) {
            let m = changed.get_or_insert_with(|| meeting.clone());
            m.minutes_version = version;
        }
    });
    ui.add_space(style::space::S);
    attendance_ui(ui, cx, meeting, &mut changed);
    ui.separator();

    if meeting.item_count() == 0 {
        empty_message(ui, t.minutes_no_items);
        return;
    }
    // The item the shortcuts add to: the one last written in, else the first.
    let current = state
        .minutes_item
        .clone()
        .filter(|i| meeting.item(i).is_some())
        .or_else(|| meeting.items().next().map(|i| i.id.clone()));
    let add = state.minutes_add.take();
    let items: Vec<ItemId> = meeting.items().map(|i| i.id.clone()).collect();
    // One pass over the commitments a frame, not one per item.
    let with_commitments: std::collections::BTreeSet<&ItemId> = cx
        .project
        .commitments
        .values()
        .filter(|c| c.agreed_at.as_ref() == Some(id))
        .filter_map(|c| c.agreed_item.as_ref())
        .collect();
    let current_index = current
        .as_ref()
        .and_then(|c| items.iter().position(|i| i == c));
    egui::ScrollArea::vertical()
        .id_salt("live_minutes")
        .auto_shrink([false, false])
        .show_viewport(ui, |ui, viewport| {
            // Only the items on screen are laid out (a training of 2,000 items would take
            // a second a frame otherwise); the others take the height they had when last
            // drawn. The item being written and its neighbours are always drawn, so the
            // keyboard never loses its field and Tab always finds the next one.
            let origin = ui.max_rect().top();
            let margin = viewport.height();
            for (index, item_id) in items.iter().enumerate() {
                let near = current_index.is_some_and(|c| c.abs_diff(index) <= 1);
                let y = ui.cursor().top() - origin;
                let height = state
                    .minutes_heights
                    .get(item_id)
                    .copied()
                    .unwrap_or(style::MINUTES_ITEM_HEIGHT);
                let visible = y < viewport.max.y + margin && y + height > viewport.min.y - margin;
                if !visible && !near {
                    ui.allocate_space(egui::vec2(ui.available_width(), height));
                    continue;
                }
                let top = ui.cursor().top();
                let is_current = current.as_ref() == Some(item_id);
                let has_commitments = with_commitments.contains(item_id);
                let ask = add.filter(|_| is_current);
                let neighbours = (
                    index.checked_sub(1).and_then(|i| items.get(i)),
                    items.get(index + 1),
                );
                item_ui(
                    ui,
                    cx,
                    (id, meeting),
                    (index, item_id, is_current, has_commitments),
                    neighbours,
                    ask,
                    state,
                    &mut changed,
                );
                let drawn = ui.cursor().top() - top;
                state.minutes_heights.insert(item_id.clone(), drawn);
            }
        });
    if let Some(m) = changed
        && state.meeting.as_ref() == Some(id)
    {
        cx.edit(
            ui,
            &format!("minutes/{id}"),
            Edit::PutMeeting(id.clone(), Box::new(m)),
        );
    }
}

/// Attendance: one button per attendee in protocol order, a click marks present, the next
/// absent. Declined invitations are left out.
fn attendance_ui(ui: &mut egui::Ui, cx: &Cx<'_>, meeting: &Meeting, changed: &mut Option<Meeting>) {
    let t = cx.tr();
    ui.label(egui::RichText::new(t.minutes_attendance).strong());
    if meeting.attendees.is_empty() {
        ui.label(t.minutes_no_attendees);
        return;
    }
    let sides = meeting
        .sides
        .iter()
        .map(|s| Some(&s.id))
        .chain(std::iter::once(None));
    let mut shown = 0;
    ui.horizontal_wrapped(|ui| {
        for side in sides {
            for placed in meeting.precedence_placed(&cx.project.people, side) {
                let (index, attendee) = (placed.index, placed.attendee);
                if attendee.status == AttendanceStatus::Declined {
                    continue;
                }
                // A large online event is marked in the attendee list, not here.
                shown += 1;
                if shown > ATTENDANCE_MAX {
                    continue;
                }
                let state = match attendee.status {
                    AttendanceStatus::Attended => t.present,
                    AttendanceStatus::Absent => t.absent,
                    _ => t.not_marked,
                };
                let name = cx.project.person_screen_name(&attendee.person, cx.zh());
                let present = attendee.status == AttendanceStatus::Attended;
                // Of one width whatever the name and the mark, so that marking one
                // attendee never moves the next under a quick click (issue 27).
                let chip =
                    egui::Button::selectable(present, format!("{name} · {state}")).truncate();
                if ui
                    .add_sized(style::ATTENDANCE_CHIP_SIZE, chip)
                    .on_hover_text(format!("{name}\n{}", t.attendance_tip))
                    .clicked()
                {
                    let m = changed.get_or_insert_with(|| meeting.clone());
                    if let Some(a) = m.attendees.get_mut(index) {
                        a.status = if present {
                            AttendanceStatus::Absent
                        } else {
                            AttendanceStatus::Attended
                        };
                    }
                }
            }
        }
        if shown > ATTENDANCE_MAX {
            ui.label(
                t.more_attendees
                    .replace("{n}", &(shown - ATTENDANCE_MAX).to_string()),
            );
        }
    });
}

/// One item: its heading, the summary in both languages, its decisions and commitments.
#[allow(clippy::too_many_arguments)] // One call site; the pairs keep it readable.
fn item_ui(
    ui: &mut egui::Ui,
    cx: &mut Cx<'_>,
    (meeting_id, meeting): (&MeetingId, &Meeting),
    (index, item_id, is_current, has_commitments): (usize, &ItemId, bool, bool),
    (previous, next): (Option<&ItemId>, Option<&ItemId>),
    add: Option<MinutesAdd>,
    state: &mut ViewState,
    changed: &mut Option<Meeting>,
) {
    let t = cx.tr();
    let zh = cx.zh();
    let Some(item) = meeting.item(item_id) else {
        return;
    };
    // A summary too long to edit (a pasted transcript of megabytes) is shown, not copied
    // every frame: the copy edited here leaves it out, and it goes back in with an edit.
    let long = [
        too_long_to_edit(&item.outcome.summary.en),
        too_long_to_edit(&item.outcome.summary.zh),
    ];
    let original = Outcome {
        summary: Bilingual::new(
            if long[0].is_some() {
                ""
            } else {
                item.outcome.summary.en.as_str()
            },
            if long[1].is_some() {
                ""
            } else {
                item.outcome.summary.zh.as_str()
            },
        ),
        decisions: item.outcome.decisions.clone(),
    };
    let mut outcome = original.clone();
    let mut focused = false;
    ui.add_space(style::space::M);
    let heading = egui::RichText::new(format!("{}. {}", index + 1, item.title.get(zh))).strong();
    ui.label(if is_current {
        heading.color(ui.visuals().selection.stroke.color)
    } else {
        heading
    });
    ui.columns(2, |columns| {
        for (column, in_zh) in columns.iter_mut().zip([false, true]) {
            let field = summary_id(item_id, in_zh);
            // Tab and Shift+Tab go to the next and previous item's summary, in the same
            // language; the field keeps Tab from moving through every button in between.
            if column.memory(|m| m.has_focus(field)) {
                let to = if column.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Tab)) {
                    Some(next)
                } else if column.input_mut(|i| i.consume_key(Modifiers::SHIFT, Key::Tab)) {
                    Some(previous)
                } else {
                    None
                };
                if let Some(Some(other)) = to {
                    column.memory_mut(|m| m.request_focus(summary_id(other, in_zh)));
                    state.minutes_item = Some(other.clone());
                }
            }
            let [long_en, long_zh] = long;
            if let Some(text) = if in_zh { long_zh } else { long_en } {
                long_text_ui(column, t, field, text);
                continue;
            }
            let text = if in_zh {
                &mut outcome.summary.zh
            } else {
                &mut outcome.summary.en
            };
            let response = column.add(
                egui::TextEdit::multiline(text)
                    .id(field)
                    .lock_focus(true)
                    .desired_rows(style::MINUTES_SUMMARY_ROWS)
                    .desired_width(f32::INFINITY)
                    .hint_text(if in_zh { t.summary_zh } else { t.summary_en }),
            );
            if response.gained_focus() {
                response.scroll_to_me(None);
            }
            if response.has_focus() {
                focused = true;
                state.minutes_zh = in_zh;
            }
        }
    });
    let mut remove = None;
    // The column of a decision or commitment field clicked into, remembered below (Tab
    // from a decision's English to its Chinese does not change the officer's column).
    let mut column = None;
    for (i, decision) in outcome.decisions.iter_mut().enumerate() {
        ui.horizontal(|ui| {
            let width = pair_width(ui);
            ui.label(format!("{} {}", t.minutes_decision, i + 1));
            for in_zh in [false, true] {
                let (text, hint) = if in_zh {
                    (&mut decision.zh, t.decision_zh)
                } else {
                    (&mut decision.en, t.decision_en)
                };
                let response = ui.add(
                    egui::TextEdit::singleline(text)
                        .id(decision_id(item_id, i, in_zh))
                        .desired_width(width)
                        .hint_text(hint),
                );
                focused |= response.has_focus();
                if response.clicked() {
                    column = Some(in_zh);
                }
            }
            if ui.button(t.remove).clicked() {
                remove = Some(i);
            }
        });
    }
    if let Some(in_zh) = column {
        state.minutes_zh = in_zh;
    }
    if let Some(i) = remove
        && i < outcome.decisions.len()
    {
        outcome.decisions.remove(i);
    }
    if has_commitments {
        commitments_ui(
            ui,
            cx,
            meeting_id,
            item_id,
            state,
            (&mut focused, &mut column),
        );
    }
    let mut ask = add;
    ui.horizontal(|ui| {
        let decision = ui
            .button(t.add_decision)
            .on_hover_text(shortcut_text(ui.ctx(), Command::AddDecision));
        if decision.clicked() {
            ask = Some(MinutesAdd::Decision);
        }
        let commitment = ui
            .button(t.minutes_add_commitment)
            .on_hover_text(shortcut_text(ui.ctx(), Command::AddCommitment));
        if commitment.clicked() {
            ask = Some(MinutesAdd::Commitment);
        }
    });
    match ask {
        Some(MinutesAdd::Decision) => {
            // In the column last written in, not the interface's language: an officer
            // writing the Chinese minutes of an English UI goes on in Chinese.
            let field = decision_id(item_id, outcome.decisions.len(), state.minutes_zh);
            outcome.decisions.push(Bilingual::default());
            ui.memory_mut(|m| m.request_focus(field));
            focused = true;
        }
        Some(MinutesAdd::Commitment) => {
            let cid = cx
                .project
                .new_commitment_id(&format!("{meeting_id}-{item_id}"));
            let commitment = Commitment {
                agreed_at: Some(meeting_id.clone()),
                agreed_item: Some(item_id.clone()),
                // The organisations at the table are bound until someone says otherwise.
                parties: meeting
                    .sides
                    .iter()
                    .flat_map(|s| s.organisations.iter().cloned())
                    .collect(),
                status: CommitmentStatus::Agreed,
                ..Default::default()
            };
            ui.memory_mut(|m| m.request_focus(commitment_title_id(&cid, state.minutes_zh)));
            cx.edit_step(Edit::PutCommitment(cid, commitment));
            focused = true;
        }
        None => {}
    }
    if focused {
        state.minutes_item = Some(item_id.clone());
    }
    if outcome != original {
        if let Some(text) = long[0] {
            outcome.summary.en = text.to_owned();
        }
        if let Some(text) = long[1] {
            outcome.summary.zh = text.to_owned();
        }
        let m = changed.get_or_insert_with(|| meeting.clone());
        if let Some(item) = m.item_mut(item_id) {
            item.outcome = outcome;
        }
    }
}

/// The commitments agreed under an item: their titles to type, who carries them and when,
/// and the way to Commitments, where they are followed up.
fn commitments_ui(
    ui: &mut egui::Ui,
    cx: &mut Cx<'_>,
    meeting_id: &MeetingId,
    item_id: &ItemId,
    state: &mut ViewState,
    (focused, column): (&mut bool, &mut Option<bool>),
) {
    let t = cx.tr();
    let project = cx.project;
    let under: Vec<_> = project
        .commitments_of_item(meeting_id, item_id)
        .map(|(id, c)| (id.clone(), c))
        .collect();
    if under.is_empty() {
        return;
    }
    ui.label(t.minutes_commitments);
    for (cid, c) in under {
        let mut title = c.title.clone();
        ui.horizontal(|ui| {
            let width = pair_width(ui);
            for in_zh in [false, true] {
                let text = if in_zh { &mut title.zh } else { &mut title.en };
                let edit = egui::TextEdit::singleline(text)
                    .id(commitment_title_id(&cid, in_zh))
                    .desired_width(width)
                    .hint_text(if in_zh {
                        t.commitment_zh
                    } else {
                        t.commitment_en
                    });
                let response = ui.add(edit);
                *focused |= response.has_focus();
                if response.clicked() {
                    *column = Some(in_zh);
                }
            }
        });
        // Who carries it and by when, set here without leaving the minutes (issue 27).
        let mut edited = c.clone();
        ui.horizontal(|ui| {
            ui.add_space(style::INDENT);
            owners_ui(ui, cx, meeting_id, &cid, &mut edited);
            ui.add_space(style::space::M);
            let default_due = project
                .meetings
                .get(meeting_id)
                .map_or(cx.today, Meeting::end_date)
                .checked_add_months(chrono::Months::new(3))
                .unwrap_or(cx.today);
            optional_date_edit(
                ui,
                cx.language,
                &format!("minutes_due_{cid}"),
                t.has_due,
                &mut edited.due,
                default_due,
            );
            if ui.button(t.minutes_open_commitment).clicked() {
                state.commitment = Some(cid.clone());
                state.view = View::Commitments;
            }
        });
        edited.title = title;
        if edited != *c {
            cx.edit(
                ui,
                &format!("commitment/{cid}"),
                Edit::PutCommitment(cid.clone(), edited),
            );
        }
    }
}

/// A commitment's owners, each removable, and a list to add one from: the meeting's
/// attendees, then the organisations of its sides.
fn owners_ui(
    ui: &mut egui::Ui,
    cx: &Cx<'_>,
    meeting_id: &MeetingId,
    cid: &crate::model::CommitmentId,
    c: &mut crate::model::Commitment,
) {
    let t = cx.tr();
    let zh = cx.zh();
    let project = cx.project;
    let name_of = |o: &Owner| match o {
        Owner::Person(p) => project.person_screen_name(p, zh),
        Owner::Organisation(org) => project.organisation_name(org, zh),
    };
    if c.owners.is_empty() {
        ui.label(egui::RichText::new(t.no_commitment_owner).color(style::weak_color(ui)));
    }
    let mut remove = None;
    for (k, owner) in c.owners.iter().enumerate() {
        let name = name_of(owner);
        if ui
            .small_button(format!("{name} ×"))
            .on_hover_text(t.first_hour.remove_owner_tip)
            .clicked()
        {
            remove = Some(k);
        }
    }
    if let Some(k) = remove
        && k < c.owners.len()
    {
        c.owners.remove(k);
    }
    let Some(meeting) = project.meetings.get(meeting_id) else {
        return;
    };
    let mut candidates: Vec<Owner> = meeting
        .attendees
        .iter()
        .map(|a| Owner::Person(a.person.clone()))
        .collect();
    for side in &meeting.sides {
        candidates.extend(side.organisations.iter().cloned().map(Owner::Organisation));
    }
    candidates.retain(|o| !c.owners.contains(o));
    candidates.dedup();
    if candidates.is_empty() {
        return;
    }
    egui::ComboBox::from_id_salt(("minutes_owner", cid.as_str()))
        .selected_text(t.add_owner)
        .show_ui(ui, |ui| {
            for o in candidates {
                if ui.selectable_label(false, name_of(&o)).clicked() {
                    c.owners.push(o);
                }
            }
        })
        .response
        .accessible_name(t.add_owner);
}
