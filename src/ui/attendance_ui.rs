//! A meeting's attendance: delegations (sides) with their people in protocol order,
//! roles, statuses and counts; the sides themselves; and participant statistics.

use super::meeting_summary::AttendanceRow;
use super::style::{
    self, ATTENDEE_COLUMNS, ATTENDEE_ROW_HEIGHT, ATTENDEE_VISIBLE_ROWS, COMBO_MARGIN,
};
use super::widgets::{choice_combo_width, form_ui, sorted_organisations};
use super::{Cx, Request, ViewState};
use crate::export::ExportLanguage;
use crate::export::attendees::AttendeeFormat;
use crate::model::{Attendee, Bilingual, Meeting, MeetingId, PersonId, Side, SideId};

enum RowAction {
    Up(PersonId),
    Down(PersonId),
    Remove(PersonId),
    /// The attendee at this index, changed.
    Set(usize, Box<Attendee>),
}

/// The attendees section of the meeting editor. Returns the meeting changed when the user
/// changed something.
///
/// Only the rows on screen are built (a 20,000-person training costs what a bilateral
/// meeting costs); the order comes from the per-revision [`MeetingSummary`].
///
/// [`MeetingSummary`]: super::meeting_summary::MeetingSummary
pub fn attendees_ui(
    ui: &mut egui::Ui,
    cx: &Cx<'_>,
    id: &MeetingId,
    meeting: &Meeting,
    state: &mut ViewState,
) -> Option<Meeting> {
    let t = cx.tr();
    let mut changed = toolbar_ui(ui, cx, id, meeting, state);
    counts_ui(ui, cx, meeting, state);
    if meeting.attendees.is_empty() {
        ui.label(egui::RichText::new(t.empty_attendees).color(style::weak_color(ui)));
        return changed;
    }
    let mut action = None;
    let side_names: Vec<(SideId, String)> = meeting
        .sides
        .iter()
        .map(|s| (s.id.clone(), s.name.get(cx.zh()).to_owned()))
        .collect();
    let rows = &state.meeting_summary.attendance;
    let headers = ["#", t.col_name, t.side, t.role, t.status, t.mode];
    let mut header_ids = Vec::new();
    ui.horizontal(|ui| {
        for (k, h) in headers.iter().enumerate() {
            let width = column_width(k);
            let r = column(ui, width, |ui| {
                ui.label(egui::RichText::new(*h).small().strong())
            });
            header_ids.push(r.id);
        }
    });
    let header = |k: usize| header_ids.get(k).copied().unwrap_or(egui::Id::NULL);
    let selected = state.attendee.clone();
    let mut clicked = None;
    super::widgets::nested_rows_ui(
        ui,
        "attendance_rows",
        rows.len(),
        ATTENDEE_ROW_HEIGHT,
        ATTENDEE_VISIBLE_ROWS,
        egui::Layout::left_to_right(egui::Align::Center),
        |ui, i| match rows.get(i) {
            Some(AttendanceRow::Side(side, n)) => {
                let name = side
                    .as_ref()
                    .and_then(|s| side_names.iter().find(|(id, _)| id == s))
                    .map_or(t.no_side, |(_, name)| name.as_str());
                ui.strong(format!("{name} ({n})"));
            }
            Some(AttendanceRow::Attendee {
                index,
                position,
                of,
            }) => {
                let Some(attendee) = meeting.attendees.get(*index) else {
                    return;
                };
                let row = AttendeeRow {
                    attendee,
                    index: *index,
                    position: *position,
                    of: *of,
                };
                // The selected attendee is edited in place; the others are painted text,
                // a click selects one (16 rows of combo boxes cost several frames' worth
                // while scrolling).
                if selected.as_ref() == Some(&attendee.person) {
                    if let Some(a) = attendee_row_ui(ui, cx, meeting, &row, &side_names, &header) {
                        action = Some(a);
                    }
                } else if attendee_line_ui(ui, cx, &row, &side_names) {
                    clicked = Some(attendee.person.clone());
                }
            }
            None => {}
        },
    );
    if clicked.is_some() {
        state.attendee = clicked;
    }
    if let Some(action) = action {
        let mut m = changed.take().unwrap_or_else(|| meeting.clone());
        match action {
            RowAction::Up(p) => {
                m.move_attendee(&p, true);
            }
            RowAction::Down(p) => {
                m.move_attendee(&p, false);
            }
            RowAction::Remove(p) => m.attendees.retain(|a| a.person != p),
            RowAction::Set(index, attendee) => {
                if let Some(slot) = m.attendees.get_mut(index) {
                    *slot = *attendee;
                }
            }
        }
        changed = Some(m);
    }
    changed
}

/// The width of attendance column `k`.
fn column_width(k: usize) -> f32 {
    // Only the six columns exist; one more would get the least a column gets.
    ATTENDEE_COLUMNS
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
}

/// An attendee not selected: the same columns as painted text, one click target.
/// Returns true when clicked.
fn attendee_line_ui(
    ui: &mut egui::Ui,
    cx: &Cx<'_>,
    row: &AttendeeRow<'_>,
    side_names: &[(SideId, String)],
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
    let cells = [
        (row.position + 1).to_string(),
        name.clone(),
        side.to_owned(),
        cx.language.choice(a.role).to_owned(),
        cx.language.choice(a.status).to_owned(),
        cx.language.choice(a.mode).to_owned(),
    ];
    let spacing = ui.spacing().item_spacing.x;
    let mut x = rect.left();
    let color = ui.visuals().text_color();
    for (text, width) in cells.into_iter().zip(ATTENDEE_COLUMNS) {
        // Text inside a combo box starts after its frame: the painted text lines up.
        let cell = egui::Rect::from_x_y_ranges(
            x + style::CELL_PADDING..=x + width - style::CELL_END_PADDING,
            rect.y_range(),
        );
        super::widgets::paint_line_in(ui, cell, text, egui::TextStyle::Body, color);
        x += width + spacing;
    }
    response
        .widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, false, name.clone()));
    response.on_hover_text(t.click_to_edit_attendee).clicked()
}

/// One attendee: name, side, role, status, mode, and the protocol-order buttons.
fn attendee_row_ui(
    ui: &mut egui::Ui,
    cx: &Cx<'_>,
    meeting: &Meeting,
    row: &AttendeeRow<'_>,
    side_names: &[(SideId, String)],
    header: &dyn Fn(usize) -> egui::Id,
) -> Option<RowAction> {
    let t = cx.tr();
    let mut action = None;
    let mut attendee = row.attendee.clone();
    let width = column_width;
    column(ui, width(0), |ui| ui.label(format!("{}", row.position + 1)));
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
    column(ui, width(2), |ui| {
        side_combo(
            ui,
            cx,
            &format!("{person_salt}_side"),
            side_names,
            &mut attendee.side,
            header(2),
        );
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
        choice_combo_width(
            ui,
            &format!("{person_salt}_status"),
            cx.language,
            &mut attendee.status,
            header(4),
            Some(width(4) - COMBO_MARGIN),
        )
    });
    column(ui, width(5), |ui| {
        choice_combo_width(
            ui,
            &format!("{person_salt}_mode"),
            cx.language,
            &mut attendee.mode,
            header(5),
            Some(width(5) - COMBO_MARGIN),
        )
    });
    // Moving never changes a role: past the head of delegation (or the deputy) the
    // buttons are off and say why.
    let can_up = row.position > 0 && meeting.can_move_attendee(row.index, true);
    let can_down = row.position + 1 < row.of && meeting.can_move_attendee(row.index, false);
    let why = |at_end: bool| if at_end { "" } else { t.head_comes_first };
    if ui
        .add_enabled(can_up, egui::Button::new("↑"))
        .on_hover_text(t.move_up_protocol)
        .on_disabled_hover_text(why(row.position == 0))
        .accessible_name(format!("{}: {name}", t.move_up_protocol))
        .clicked()
    {
        action = Some(RowAction::Up(attendee.person.clone()));
    }
    if ui
        .add_enabled(can_down, egui::Button::new("↓"))
        .on_hover_text(t.move_down_protocol)
        .on_disabled_hover_text(why(row.position + 1 >= row.of))
        .accessible_name(format!("{}: {name}", t.move_down_protocol))
        .clicked()
    {
        action = Some(RowAction::Down(attendee.person.clone()));
    }
    if ui
        .small_button("×")
        .on_hover_text(t.remove)
        .accessible_name(format!("{}: {name}", t.remove))
        .clicked()
    {
        action = Some(RowAction::Remove(attendee.person.clone()));
    }
    if action.is_none() && &attendee != row.attendee {
        action = Some(RowAction::Set(row.index, Box::new(attendee)));
    }
    action
}

fn side_combo(
    ui: &mut egui::Ui,
    cx: &Cx<'_>,
    salt: &str,
    sides: &[(SideId, String)],
    value: &mut Option<SideId>,
    label: egui::Id,
) {
    let t = cx.tr();
    let text = value
        .as_ref()
        .map(|s| {
            sides
                .iter()
                .find(|(id, _)| id == s)
                .map_or_else(|| format!("▲ {s}"), |(_, n)| n.clone())
        })
        .unwrap_or_else(|| t.none_choice.to_owned());
    egui::ComboBox::from_id_salt(salt)
        .selected_text(text)
        .width(column_width(2) - COMBO_MARGIN)
        .truncate()
        .show_ui(ui, |ui| {
            ui.selectable_value(value, None, t.none_choice);
            for (id, name) in sides {
                ui.selectable_value(value, Some(id.clone()), name);
            }
        })
        .response
        .labelled_by(label);
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
        // Anyone not attending yet; their side follows from their organisation.
        let attending = &state.meeting_summary.attending;
        let chosen = state.person_picker.show(
            ui,
            "add_attendee",
            cx,
            &format!("+ {}", t.add_attendee),
            t.add_attendee,
            t.search_people,
            &|p| attending.contains(p).then(|| t.attending.to_owned()),
        );
        if let Some(pid) = chosen {
            let mut m = meeting.clone();
            let mut attendee = Attendee::new(pid.clone());
            let org = cx
                .project
                .people
                .get(&pid)
                .and_then(|p| p.organisation.clone());
            attendee.side = org
                .and_then(|o| m.sides.iter().find(|s| s.organisations.contains(&o)))
                .or_else(|| m.sides.first())
                .map(|s| s.id.clone());
            attendee.rank =
                u32::try_from(m.side_order(attendee.side.as_ref()).len() + 1).unwrap_or(u32::MAX);
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

/// The sides (delegations) of a meeting, with their organisations.
pub fn sides_ui(ui: &mut egui::Ui, cx: &Cx<'_>, meeting: &mut Meeting) {
    let t = cx.tr();
    let orgs = sorted_organisations(cx.project, cx.zh());
    let mut remove = None;
    for (i, side) in meeting.sides.iter_mut().enumerate() {
        ui.group(|ui| {
            form_ui(ui, &format!("side_form_{i}"), |ui| {
                ui.label(t.side_name);
                ui.horizontal(|ui| {
                    ui.add(
                        egui::TextEdit::singleline(&mut side.name.en)
                            .hint_text(t.english)
                            .desired_width(style::PAIR_FIELD_WIDTH),
                    );
                    ui.add(
                        egui::TextEdit::singleline(&mut side.name.zh)
                            .hint_text(t.chinese)
                            .desired_width(style::PAIR_FIELD_WIDTH),
                    );
                    if ui.small_button("×").on_hover_text(t.remove).clicked() {
                        remove = Some(i);
                    }
                });
                ui.end_row();
                ui.label(t.cmd_show_organisations);
                ui.horizontal_wrapped(|ui| {
                    for (id, name) in &orgs {
                        let mut member = side.organisations.contains(id);
                        if ui.checkbox(&mut member, name).changed() {
                            if member {
                                side.organisations.push(id.clone());
                            } else {
                                side.organisations.retain(|o| o != id);
                            }
                        }
                    }
                });
                ui.end_row();
            });
        });
    }
    if let Some(i) = remove
        && i < meeting.sides.len()
    {
        meeting.sides.remove(i);
    }
    if ui.button(format!("+ {}", t.add_side)).clicked() {
        let id = meeting.new_side_id(&format!("side-{}", meeting.sides.len() + 1));
        meeting.sides.push(Side {
            id,
            name: Bilingual::new(t.new_side, ""),
            organisations: Vec::new(),
        });
    }
}
