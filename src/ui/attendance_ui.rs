//! A meeting's attendance: delegations (sides) with their people in protocol order,
//! roles, statuses and counts; the sides themselves; and participant statistics.

use super::widgets::{choice_combo, form_ui, sorted_organisations, sorted_people};
use super::{Cx, Request, ViewState};
use crate::export::ExportLanguage;
use crate::export::attendees::AttendeeFormat;
use crate::model::{
    AttendanceStatus, Attendee, Bilingual, Choice, Meeting, MeetingId, PersonId, Side, SideId,
};

enum RowAction {
    Up(PersonId),
    Down(PersonId),
    Remove(PersonId),
}

/// The attendees section of the meeting editor.
pub fn attendees_ui(
    ui: &mut egui::Ui,
    cx: &Cx<'_>,
    id: &MeetingId,
    meeting: &mut Meeting,
    state: &mut ViewState,
) {
    let t = cx.tr();
    toolbar_ui(ui, cx, id, meeting, state);
    counts_ui(ui, cx, meeting);
    if meeting.attendees.is_empty() {
        ui.label(egui::RichText::new(t.empty_attendees).color(super::style::weak_color(ui)));
        return;
    }
    let mut action = None;
    let groups: Vec<(Option<SideId>, String)> = meeting
        .sides
        .iter()
        .map(|s| (Some(s.id.clone()), s.name.get(cx.zh()).to_owned()))
        .chain(std::iter::once((None, t.no_side.to_owned())))
        .collect();
    let side_names: Vec<(SideId, String)> = groups
        .iter()
        .filter_map(|(id, name)| id.clone().map(|id| (id, name.clone())))
        .collect();
    for (side, name) in &groups {
        let order = meeting.side_order(side.as_ref());
        if order.is_empty() {
            continue;
        }
        ui.add_space(4.0);
        ui.strong(format!("{name} ({})", order.len()));
        let grid_id = format!("attendees_{}", side.as_ref().map_or("none", SideId::as_str));
        egui::Grid::new(grid_id)
            .num_columns(8)
            .striped(true)
            .spacing([4.0, 4.0])
            .show(ui, |ui| {
                let headers: Vec<egui::Id> =
                    ["#", t.col_name, t.side, t.role, t.status, t.mode, "", ""]
                        .into_iter()
                        .map(|h| ui.label(egui::RichText::new(h).small().strong()).id)
                        .collect();
                let header = |k: usize| headers.get(k).copied().unwrap_or(egui::Id::NULL);
                ui.end_row();
                let count = order.len();
                for (pos, index) in order.iter().enumerate() {
                    let Some(attendee) = meeting.attendees.get_mut(*index) else {
                        continue;
                    };
                    ui.label(format!("{}", pos + 1));
                    let person_salt = format!("attendee_{}", attendee.person);
                    let name_text = cx.project.person_name(&attendee.person);
                    ui.allocate_ui_with_layout(
                        egui::vec2(150.0, 18.0),
                        egui::Layout::left_to_right(egui::Align::Center),
                        |ui| {
                            ui.set_min_width(150.0);
                            ui.add(egui::Label::new(name_text).truncate())
                                .labelled_by(header(1));
                        },
                    );
                    side_combo(
                        ui,
                        cx,
                        &format!("{person_salt}_side"),
                        &side_names,
                        &mut attendee.side,
                        header(2),
                    );
                    choice_combo(
                        ui,
                        &format!("{person_salt}_role"),
                        cx.language,
                        &mut attendee.role,
                        header(3),
                    );
                    choice_combo(
                        ui,
                        &format!("{person_salt}_status"),
                        cx.language,
                        &mut attendee.status,
                        header(4),
                    );
                    choice_combo(
                        ui,
                        &format!("{person_salt}_mode"),
                        cx.language,
                        &mut attendee.mode,
                        header(5),
                    );
                    let name = cx.project.person_name(&attendee.person);
                    ui.horizontal(|ui| {
                        if ui
                            .add_enabled(pos > 0, egui::Button::new("↑"))
                            .on_hover_text(t.move_up_protocol)
                            .accessible_name(format!("{}: {name}", t.move_up_protocol))
                            .clicked()
                        {
                            action = Some(RowAction::Up(attendee.person.clone()));
                        }
                        if ui
                            .add_enabled(pos + 1 < count, egui::Button::new("↓"))
                            .on_hover_text(t.move_down_protocol)
                            .accessible_name(format!("{}: {name}", t.move_down_protocol))
                            .clicked()
                        {
                            action = Some(RowAction::Down(attendee.person.clone()));
                        }
                    });
                    if ui
                        .small_button("×")
                        .on_hover_text(t.remove)
                        .accessible_name(format!("{}: {name}", t.remove))
                        .clicked()
                    {
                        action = Some(RowAction::Remove(attendee.person.clone()));
                    }
                    ui.end_row();
                }
            });
    }
    match action {
        Some(RowAction::Up(p)) => meeting.move_attendee(&p, true),
        Some(RowAction::Down(p)) => meeting.move_attendee(&p, false),
        Some(RowAction::Remove(p)) => meeting.attendees.retain(|a| a.person != p),
        None => {}
    }
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
        .width(96.0)
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
    meeting: &mut Meeting,
    state: &mut ViewState,
) {
    let t = cx.tr();
    ui.horizontal(|ui| {
        // Only people not attending yet; their side follows from their organisation.
        let mut chosen = None;
        egui::ComboBox::from_id_salt("add_attendee")
            .selected_text(format!("+ {}", t.add_attendee))
            .width(200.0)
            .show_ui(ui, |ui| {
                for (pid, name) in sorted_people(cx.project) {
                    if !meeting.attendees.iter().any(|a| a.person == pid)
                        && ui.button(name).clicked()
                    {
                        chosen = Some(pid);
                    }
                }
            })
            .response
            .accessible_name(t.add_attendee);
        if let Some(pid) = chosen {
            let mut attendee = Attendee::new(pid.clone());
            let org = cx
                .project
                .people
                .get(&pid)
                .and_then(|p| p.organisation.clone());
            attendee.side = org
                .and_then(|o| meeting.sides.iter().find(|s| s.organisations.contains(&o)))
                .or_else(|| meeting.sides.first())
                .map(|s| s.id.clone());
            attendee.rank = u32::try_from(meeting.side_order(attendee.side.as_ref()).len() + 1)
                .unwrap_or(u32::MAX);
            meeting.attendees.push(attendee);
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
fn counts_ui(ui: &mut egui::Ui, cx: &Cx<'_>, meeting: &Meeting) {
    if meeting.attendees.is_empty() {
        return;
    }
    let zh = cx.zh();
    let mut parts: Vec<String> = meeting
        .sides
        .iter()
        .map(|s| {
            format!(
                "{} {}",
                s.name.get(zh),
                meeting.side_order(Some(&s.id)).len()
            )
        })
        .collect();
    let no_side = meeting.side_order(None).len();
    if no_side > 0 {
        parts.push(format!("{} {no_side}", cx.tr().no_side));
    }
    let statuses: Vec<String> = AttendanceStatus::ALL
        .iter()
        .filter_map(|s| {
            let n = meeting.attendees.iter().filter(|a| a.status == *s).count();
            (n > 0).then(|| format!("{} {n}", cx.language.choice(*s)))
        })
        .collect();
    ui.label(
        egui::RichText::new(format!("{} — {}", parts.join(" · "), statuses.join(" · ")))
            .color(super::style::weak_color(ui)),
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
                            .desired_width(180.0),
                    );
                    ui.add(
                        egui::TextEdit::singleline(&mut side.name.zh)
                            .hint_text(t.chinese)
                            .desired_width(180.0),
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
