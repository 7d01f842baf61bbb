//! A meeting's attendance: delegations (sides) with their people in precedence order,
//! why each one is where they are (role, rank, or moved by hand), roles, statuses and
//! counts. A person is moved by dragging their row (or with the arrows of the selected
//! row); the rows hold still while the pointer is over the list, and regroup when it
//! leaves.

use super::attendance_columns::{Below, Widths, buttons_fit, is_compact};
use super::attendance_drag::{Dragged, drop_ui};
use super::attendance_row_ui::{
    AttendeeRow, attendee_choices_line_ui, attendee_line_ui, attendee_row_ui,
    attendee_second_line_ui, column, column_width,
};
use super::meeting_summary::AttendanceRow;
use super::style::{self, ATTENDEE_ROW_HEIGHT};
use super::{Cx, Request, ViewState};
use crate::document::Edit;
use crate::export::ExportLanguage;
use crate::export::attendees::AttendeeFormat;
use crate::model::{Attendee, Meeting, MeetingId, Moved, OrganisationId, PersonId, SideId};

/// What a row of the list asks for.
pub(super) enum RowAction {
    Up(PersonId),
    Down(PersonId),
    Remove(PersonId),
    /// The attendee at this index, changed.
    Set(usize, Box<Attendee>),
    /// Move this person by hand to right after that one (`None`: first of their role).
    Place(PersonId, Option<PersonId>),
    /// Move this person to that side (dragged onto it).
    ToSide(PersonId, Option<SideId>),
    /// A new side made of this organisation (its people move there).
    NewSideOf(OrganisationId),
    /// Put this organisation on that side (its people move there).
    OrganisationOnSide(OrganisationId, SideId),
    /// Forget the moves by hand on this side.
    Reset(Option<SideId>),
    /// The rank of this person (on the person, for every meeting).
    Rank(PersonId, Option<u32>),
}

/// The attendees section of the meeting editor. Returns the meeting changed when the user
/// changed something (a rank, which lives on the person, is queued as its own edit).
///
/// Only the rows on screen are built (a 20,000-person training costs what a bilateral
/// meeting costs); the order comes from the per-revision [`MeetingSummary`].
pub fn attendees_ui(
    ui: &mut egui::Ui,
    cx: &mut Cx<'_>,
    id: &MeetingId,
    meeting: &Meeting,
    state: &mut ViewState,
) -> Option<Meeting> {
    let t = cx.tr();
    let mut actions = Vec::new();
    let mut changed = toolbar_ui(ui, cx, id, meeting, state);
    counts_ui(ui, cx, meeting, state);
    if meeting.attendees.is_empty() {
        ui.label(egui::RichText::new(t.empty_attendees).color(style::weak_color(ui)));
        return changed;
    }
    super::sides_ui::without_side_ui(
        ui,
        cx,
        meeting,
        &state.meeting_summary.without_side,
        &mut actions,
    );
    let hold = state.attendance.hovered
        || egui::Popup::is_any_open(ui.ctx())
        || egui::DragAndDrop::has_payload_of_type::<Dragged>(ui.ctx());
    state.attendance.sync(&state.meeting_summary, meeting, hold);
    let side_names: Vec<(SideId, String)> = meeting
        .sides
        .iter()
        .map(|s| (s.id.clone(), s.name.get(cx.zh()).to_owned()))
        .collect();
    let available = ui.available_width();
    let widths = super::attendance_columns::column_widths(
        ui,
        available,
        side_names.iter().map(|(_, n)| n.as_str()),
        t.none_choice,
    );
    let buttons_inline = buttons_fit(ui, &widths, available);
    let header_ids = header_ui(ui, cx, &widths);
    let header = |k: usize| header_ids.get(k).copied().unwrap_or(egui::Id::NULL);
    let selected = state.attendee.clone();
    let selected_row = selected.as_ref().and_then(|p| state.attendance.row_of(p));
    // The selected attendee's choices that a combo box would cut in their columns.
    let (below, texts) = selected_row
        .and_then(|j| state.attendance.rows.get(j))
        .and_then(|r| attendee_row(meeting, &state.attendance, r))
        .map_or((Below::default(), [""; 3]), |row| {
            let a = row.attendee;
            let l = cx.language;
            let texts = [l.choice(a.role), l.choice(a.status), l.choice(a.mode)];
            (Below::of(ui, &widths, texts), texts)
        });
    // The buttons that do not fit after the columns go after those choices when there is
    // room, so that the selected attendee takes two lines, not three.
    let choices_width = below.line_width(
        ui,
        column_width(&widths, 0),
        [t.role, t.status, t.mode],
        texts,
    );
    let buttons_after_choices = below.any()
        && !buttons_inline
        && !is_compact(&widths)
        && choices_width + style::ATTENDEE_BUTTONS_WIDTH <= available;
    // The selected attendee's lines under their row, rows of the page after theirs (the
    // rows after them are that much further down): the choices a combo box would cut,
    // then, folded or with no room for the buttons, the rank, the mode and the buttons.
    let rank_line = is_compact(&widths) || !(buttons_inline || buttons_after_choices);
    let lines = usize::from(below.any()) + usize::from(rank_line);
    let under = selected_row.filter(|_| lines > 0).map(|j| j + 1);
    let view = &state.attendance;
    let rows = &view.rows;
    let moved_by_hand = &state.meeting_summary.moved_by_hand;
    // Row `i` of the page: `Err(k)` for the selected attendee's line `k`.
    let row_at = |i: usize| match under {
        Some(s) if (s..s + lines).contains(&i) => Err(i - s),
        Some(s) if i >= s + lines => Ok(i - lines),
        _ => Ok(i),
    };
    let mut clicked = None;
    let built = super::widgets::page_rows_ui(
        ui,
        "attendance_rows",
        rows.len() + under.map_or(0, |_| lines),
        ATTENDEE_ROW_HEIGHT,
        egui::Layout::left_to_right(egui::Align::Center),
        |ui, i| match row_at(i).map(|j| rows.get(j)) {
            Err(k) => {
                let Some(row) = under
                    .and_then(|s| rows.get(s - 1))
                    .and_then(|r| attendee_row(meeting, view, r))
                else {
                    return;
                };
                if below.any() && k == 0 {
                    let buttons = buttons_after_choices.then_some(meeting);
                    attendee_choices_line_ui(ui, cx, &row, &widths, below, buttons, &mut actions);
                } else {
                    attendee_second_line_ui(ui, cx, meeting, &row, &widths, &mut actions);
                }
            }
            Ok(Some(AttendanceRow::Side(side, n))) => {
                let name = side
                    .as_ref()
                    .and_then(|s| side_names.iter().find(|(id, _)| id == s))
                    .map_or(t.no_side, |(_, name)| name.as_str());
                ui.strong(format!("{name} ({n})"));
                let moved = moved_by_hand.iter().any(|(s, _)| s == side);
                if moved
                    && ui
                        .small_button(t.protocol.reset_order)
                        .on_hover_text(t.protocol.reset_order_tip)
                        .accessible_name(format!("{}: {name}", t.protocol.reset_order))
                        .clicked()
                {
                    actions.push(RowAction::Reset(side.clone()));
                }
            }
            Ok(Some(row @ AttendanceRow::Attendee { .. })) => {
                let Some(row) = attendee_row(meeting, view, row) else {
                    return;
                };
                let attendee = row.attendee;
                // The selected attendee is edited in place; the others are painted text,
                // a click selects one (16 rows of combo boxes cost several frames' worth
                // while scrolling).
                if selected.as_ref() == Some(&attendee.person) {
                    let columns = (&side_names[..], &widths, buttons_inline, below);
                    attendee_row_ui(ui, cx, meeting, &row, columns, &header, &mut actions);
                } else if attendee_line_ui(ui, cx, &row, &side_names, &widths) {
                    clicked = Some(attendee.person.clone());
                }
            }
            Ok(None) => {}
        },
    );
    // The rows hold still while the pointer is over any of them, the second line too.
    let list_rect = built.iter().map(|(_, r)| r.rect).reduce(|a, b| a.union(b));
    state.attendance.hovered = list_rect.is_some_and(|r| ui.rect_contains_pointer(r));
    // Drops land between the attendees' rows: the lines under one are part of theirs.
    let built: Vec<(usize, egui::Response)> = built
        .into_iter()
        .filter_map(|(i, r)| row_at(i).ok().map(|j| (j, r)))
        .collect();
    drop_ui(ui, cx, meeting, &state.attendance, &built, &mut actions);
    if state.attendance.stale {
        ui.label(
            egui::RichText::new(t.protocol.regroup_hint)
                .small()
                .color(style::weak_color(ui)),
        );
    }
    if let Some(note) = &state.attendance.note {
        ui.colored_label(style::warning_color(ui), note.as_str());
    }
    if clicked.is_some() {
        state.attendee = clicked;
    }
    for action in actions {
        let m = changed.get_or_insert_with(|| meeting.clone());
        apply_row_action(cx, m, action, &mut state.attendance);
    }
    changed.filter(|m| m != meeting)
}

/// Carries out a row's action on `m` (a rank goes to the person, as an edit of its own).
fn apply_row_action(
    cx: &mut Cx<'_>,
    m: &mut Meeting,
    action: RowAction,
    view: &mut super::attendance_drag::AttendanceView,
) {
    let t = cx.tr();
    let people = &cx.project.people;
    match action {
        RowAction::Up(p) => {
            m.move_attendee(people, &p, true);
        }
        RowAction::Down(p) => {
            m.move_attendee(people, &p, false);
        }
        RowAction::Remove(p) => m.remove_attendee(people, &p),
        RowAction::Set(index, attendee) => m.set_attendee(people, index, *attendee),
        RowAction::Place(p, after) => {
            view.refresh = true;
            view.note = None;
            if m.place_attendee(people, &p, after.as_ref()) == Moved::KeptInRole {
                let role = m
                    .attendee_index(&p)
                    .and_then(|i| m.attendees.get(i))
                    .map(|a| cx.language.choice(a.role))
                    .unwrap_or_default();
                view.note = Some(
                    t.protocol
                        .kept_in_role
                        .replace("{name}", &cx.project.person_name(&p))
                        .replace("{role}", role),
                );
            }
        }
        RowAction::ToSide(p, side) => {
            view.refresh = true;
            if let Some(i) = m.attendee_index(&p)
                && let Some(a) = m.attendees.get(i)
            {
                let mut moved = a.clone();
                moved.side = side;
                m.set_attendee(people, i, moved);
            }
        }
        RowAction::NewSideOf(org) => {
            let naming = super::sides_ui::naming_for(m, &org);
            m.add_side_of(&cx.project.organisations, people, &[org], naming);
        }
        RowAction::OrganisationOnSide(org, side) => {
            m.put_organisation_on_side(people, &side, &org);
        }
        RowAction::Reset(side) => {
            m.reset_precedence(side.as_ref());
        }
        RowAction::Rank(p, rank) => {
            if let Some(person) = cx.project.people.get(&p)
                && person.rank != rank
            {
                let mut person = person.clone();
                person.rank = rank;
                cx.edit_step(Edit::PutPerson(p, person));
            }
        }
    }
}

/// The attendee of `row` (none for a side's heading), placed as the view shows them.
fn attendee_row<'m>(
    meeting: &'m Meeting,
    view: &super::attendance_drag::AttendanceView,
    row: &AttendanceRow,
) -> Option<AttendeeRow<'m>> {
    let AttendanceRow::Attendee { index, .. } = row else {
        return None;
    };
    let attendee = meeting.attendees.get(*index)?;
    let (position, of, reason) = view.place(row, &attendee.person)?;
    Some(AttendeeRow {
        attendee,
        index: *index,
        position,
        of,
        reason,
    })
}

/// The column headers; returns their ids, which name the cells of the selected row.
fn header_ui(ui: &mut egui::Ui, cx: &Cx<'_>, widths: &Widths) -> Vec<egui::Id> {
    let t = cx.tr();
    let headers = [
        "#",
        t.col_name,
        t.side,
        t.role,
        t.protocol.col_why,
        t.status,
        t.mode,
    ];
    let mut ids = Vec::new();
    ui.horizontal(|ui| {
        for (k, h) in headers.iter().enumerate() {
            let width = column_width(widths, k);
            if width <= 0.0 {
                // Folded away: its cell, on the second line, has a label of its own.
                ids.push(egui::Id::NULL);
                continue;
            }
            let r = column(ui, width, |ui| {
                ui.label(egui::RichText::new(*h).small().strong())
            });
            ids.push(r.id);
        }
    });
    ids
}

fn toolbar_ui(
    ui: &mut egui::Ui,
    cx: &Cx<'_>,
    id: &MeetingId,
    meeting: &Meeting,
    state: &mut ViewState,
) -> Option<Meeting> {
    let t = cx.tr();
    let mut changed = None;
    ui.horizontal(|ui| {
        // Anyone not attending yet, the people of the sides' organisations first; their
        // side follows from their organisation. Nobody is added until chosen.
        let attending = &state.meeting_summary.attending;
        let first = super::person_picker::First {
            heading: t.protocol.of_the_sides,
            people: &state.meeting_summary.side_people,
        };
        let chosen = state.person_picker.add_button(
            ui,
            "add_attendee",
            cx,
            &format!("+ {}", t.add_attendee),
            t.add_attendee,
            t.search_people,
            first,
            &|p| attending.contains(p).then(|| t.attending.to_owned()),
        );
        if let Some(pid) = chosen {
            let mut m = meeting.clone();
            let mut attendee = Attendee::new(pid.clone());
            attendee.side = m.side_for(cx.project.people.get(&pid));
            m.attendees.push(attendee);
            changed = Some(m);
        }
        if ui
            .button(t.import_list)
            .on_hover_text(t.import_list_tip)
            .clicked()
        {
            state.request = Some(Request::ImportAttendees(Some(id.clone())));
        }
        export_menu_ui(ui, cx, Some(id), state);
        if ui
            .button(t.name_cards)
            .on_hover_text(t.name_cards_tip)
            .clicked()
        {
            state.request = Some(Request::NameCards(id.clone()));
        }
        if ui
            .button(t.letters.letters_button)
            .on_hover_text(t.letters.letters_tip)
            .clicked()
        {
            state.request = Some(Request::Letters(id.clone()));
        }
    });
    changed
}

/// The "Export list" menu: formats, then languages for printed ones.
pub fn export_menu_ui(
    ui: &mut egui::Ui,
    cx: &Cx<'_>,
    meeting: Option<&MeetingId>,
    state: &mut ViewState,
) {
    let t = cx.tr();
    ui.menu_button(t.export_list, |ui| {
        for format in AttendeeFormat::ALL {
            let label = match format {
                AttendeeFormat::Xlsx => t.format_xlsx,
                AttendeeFormat::Csv => t.format_csv,
                AttendeeFormat::Pdf => t.format_pdf,
                AttendeeFormat::Html => t.format_html,
                AttendeeFormat::Md => t.format_md,
                AttendeeFormat::Docx => t.format_docx,
            };
            let request = |language| Request::ExportAttendees {
                meeting: meeting.cloned(),
                format,
                language,
                personal: false,
            };
            if matches!(format, AttendeeFormat::Xlsx | AttendeeFormat::Csv) {
                if ui.button(label).clicked() {
                    state.request = Some(request(ExportLanguage::Both));
                    ui.close();
                }
            } else {
                ui.menu_button(label, |ui| {
                    for (language, text) in [
                        (ExportLanguage::Both, t.lang_both),
                        (ExportLanguage::En, t.english),
                        (ExportLanguage::Zh, t.chinese),
                    ] {
                        if ui.button(text).clicked() {
                            state.request = Some(request(language));
                            ui.close();
                        }
                    }
                });
            }
        }
        // Personal data (passport, date of birth…) only when chosen: its own entries.
        ui.separator();
        for (format, label) in [
            (AttendeeFormat::Xlsx, t.letters.with_personal_xlsx),
            (AttendeeFormat::Csv, t.letters.with_personal_csv),
        ] {
            if ui
                .button(label)
                .on_hover_text(t.letters.with_personal_tip)
                .clicked()
            {
                state.request = Some(Request::ExportAttendees {
                    meeting: meeting.cloned(),
                    format,
                    language: ExportLanguage::Both,
                    personal: true,
                });
                ui.close();
            }
        }
    });
}

/// `CCAA delegation 3 · AFNOR 4 — confirmed 5 · invited 2`.
fn counts_ui(ui: &mut egui::Ui, cx: &Cx<'_>, meeting: &Meeting, state: &ViewState) {
    if meeting.attendees.is_empty() {
        return;
    }
    let zh = cx.zh();
    let summary = &state.meeting_summary;
    let count = |side: Option<&SideId>| {
        summary
            .side_counts
            .iter()
            .find(|(s, _)| s.as_ref() == side)
            .map_or(0, |(_, n)| *n)
    };
    let mut parts: Vec<String> = meeting
        .sides
        .iter()
        .map(|s| format!("{} {}", s.name.get(zh), count(Some(&s.id))))
        .collect();
    let no_side = count(None);
    if no_side > 0 {
        parts.push(format!("{} {no_side}", cx.tr().no_side));
    }
    let statuses: Vec<String> = summary
        .by_status
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(s, n)| format!("{} {n}", cx.language.choice(*s)))
        .collect();
    ui.label(
        egui::RichText::new(format!("{} — {}", parts.join(" · "), statuses.join(" · ")))
            .color(style::weak_color(ui)),
    );
}
