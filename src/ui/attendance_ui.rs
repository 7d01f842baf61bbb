//! A meeting's attendance: delegations (sides) with their people in precedence order,
//! why each one is where they are (role, rank, or moved by hand), roles, statuses and
//! counts. A person is moved by dragging their row (or with the arrows of the selected
//! row); the rows hold still while the pointer is over the list, and regroup when it
//! leaves.

use super::attendance_columns::Widths;
use super::attendance_drag::{Dragged, drag_handle_ui, drop_ui};
use super::meeting_summary::AttendanceRow;
use super::style::{self, ATTENDEE_ROW_HEIGHT, COMBO_MARGIN};
use super::widgets::choice_combo_width;
use super::{Cx, Request, ViewState};
use crate::document::Edit;
use crate::export::ExportLanguage;
use crate::export::attendees::AttendeeFormat;
use crate::model::{Attendee, Meeting, MeetingId, Moved, OrganisationId, PersonId, Reason, SideId};

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
    let widths = super::attendance_columns::column_widths(
        ui,
        ui.available_width(),
        side_names.iter().map(|(_, n)| n.as_str()),
        t.none_choice,
    );
    let header_ids = header_ui(ui, cx, &widths);
    let header = |k: usize| header_ids.get(k).copied().unwrap_or(egui::Id::NULL);
    let view = &state.attendance;
    let rows = &view.rows;
    let moved_by_hand = &state.meeting_summary.moved_by_hand;
    let selected = state.attendee.clone();
    let mut clicked = None;
    let built = super::widgets::page_rows_ui(
        ui,
        "attendance_rows",
        rows.len(),
        ATTENDEE_ROW_HEIGHT,
        egui::Layout::left_to_right(egui::Align::Center),
        |ui, i| match rows.get(i) {
            Some(AttendanceRow::Side(side, n)) => {
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
            Some(row @ AttendanceRow::Attendee { index, .. }) => {
                let Some(attendee) = meeting.attendees.get(*index) else {
                    return;
                };
                let Some((position, of, reason)) = view.place(row, &attendee.person) else {
                    return;
                };
                let row = AttendeeRow {
                    attendee,
                    index: *index,
                    position,
                    of,
                    reason,
                };
                // The selected attendee is edited in place; the others are painted text,
                // a click selects one (16 rows of combo boxes cost several frames' worth
                // while scrolling).
                if selected.as_ref() == Some(&attendee.person) {
                    let names = (&side_names[..], &widths);
                    attendee_row_ui(ui, cx, meeting, &row, names, &header, &mut actions);
                } else if attendee_line_ui(ui, cx, &row, &side_names, &widths) {
                    clicked = Some(attendee.person.clone());
                }
            }
            None => {}
        },
    );
    let list_rect = built.iter().map(|(_, r)| r.rect).reduce(|a, b| a.union(b));
    state.attendance.hovered = list_rect.is_some_and(|r| ui.rect_contains_pointer(r));
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
            let r = column(ui, column_width(widths, k), |ui| {
                ui.label(egui::RichText::new(*h).small().strong())
            });
            ids.push(r.id);
        }
    });
    ids
}

/// The width of attendance column `k`.
fn column_width(widths: &Widths, k: usize) -> f32 {
    // Only the seven columns exist; one more would get the least a column gets.
    widths
        .get(k)
        .copied()
        .unwrap_or(style::MIN_LAST_COLUMN_WIDTH)
}

/// A column of the attendance list: `add` left-aligned in exactly `width` points, so the
/// headers sit above their cells.
fn column<R>(ui: &mut egui::Ui, width: f32, add: impl FnOnce(&mut egui::Ui) -> R) -> R {
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

struct AttendeeRow<'a> {
    attendee: &'a Attendee,
    index: usize,
    position: usize,
    of: usize,
    reason: Reason,
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
fn attendee_line_ui(
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
    let cells = [
        (row.position + 1).to_string(),
        name.clone(),
        side.to_owned(),
        cx.language.choice(a.role).to_owned(),
        why_text,
        cx.language.choice(a.status).to_owned(),
        cx.language.choice(a.mode).to_owned(),
    ];
    let spacing = ui.spacing().item_spacing.x;
    let mut x = rect.left();
    for (k, (text, width)) in cells.into_iter().zip(*widths).enumerate() {
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
    response
        .on_hover_text(format!("{why_tip}\n{}", t.click_to_edit_attendee))
        .clicked()
}

/// One attendee: name, side, role, rank, status, mode, and the precedence buttons.
fn attendee_row_ui(
    ui: &mut egui::Ui,
    cx: &Cx<'_>,
    meeting: &Meeting,
    row: &AttendeeRow<'_>,
    (side_names, widths): (&[(SideId, String)], &Widths),
    header: &dyn Fn(usize) -> egui::Id,
    actions: &mut Vec<RowAction>,
) {
    let t = cx.tr();
    let mut attendee = row.attendee.clone();
    let width = |k| column_width(widths, k);
    let start = ui.cursor().min;
    column(ui, width(0), |ui| {
        ui.add_space(style::DRAG_HANDLE_WIDTH);
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
        choice_combo_width(
            ui,
            &format!("{person_salt}_role"),
            cx.language,
            &mut attendee.role,
            header(3),
            Some(width(3) - COMBO_MARGIN),
        )
    });
    column(ui, width(4), |ui| {
        let (_, tip) = why(cx, row);
        let mut rank = cx
            .project
            .people
            .get(&attendee.person)
            .and_then(|p| p.rank)
            .unwrap_or(0);
        let before = rank;
        ui.label(egui::RichText::new(t.protocol.rank).small())
            .on_hover_text(&tip);
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
        .accessible_name(t.protocol.rank_of.replace("{name}", &name));
        if rank != before {
            actions.push(RowAction::Rank(
                attendee.person.clone(),
                (rank > 0).then_some(rank),
            ));
        }
    });
    column(ui, width(5), |ui| {
        choice_combo_width(
            ui,
            &format!("{person_salt}_status"),
            cx.language,
            &mut attendee.status,
            header(5),
            Some(width(5) - COMBO_MARGIN),
        )
    });
    column(ui, width(6), |ui| {
        choice_combo_width(
            ui,
            &format!("{person_salt}_mode"),
            cx.language,
            &mut attendee.mode,
            header(6),
            Some(width(6) - COMBO_MARGIN),
        )
    });
    // Moving never changes a role: at the end of their role's people the buttons are off
    // and say why.
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
        actions.push(RowAction::Up(attendee.person.clone()));
    }
    if ui
        .add_enabled(can_down, egui::Button::new("↓"))
        .on_hover_text(t.move_down_protocol)
        .on_disabled_hover_text(why_not(row.position + 1 >= row.of))
        .accessible_name(format!("{}: {name}", t.move_down_protocol))
        .clicked()
    {
        actions.push(RowAction::Down(attendee.person.clone()));
    }
    if ui
        .small_button("×")
        .on_hover_text(t.remove)
        .accessible_name(format!("{}: {name}", t.remove))
        .clicked()
    {
        actions.push(RowAction::Remove(attendee.person.clone()));
    }
    if &attendee != row.attendee {
        actions.push(RowAction::Set(row.index, Box::new(attendee)));
    }
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
