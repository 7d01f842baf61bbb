//! A meeting's sides (delegations) and attendees.

use super::Cx;
use super::widgets::{choice_combo, form_ui, person_combo, sorted_organisations, sorted_people};
use crate::model::{Attendee, Bilingual, Meeting, Side};

pub fn attendees_ui(ui: &mut egui::Ui, cx: &Cx<'_>, meeting: &mut Meeting) {
    let t = cx.tr();
    let zh = cx.zh();
    let people = sorted_people(cx.project);
    let mut remove = None;
    let sides: Vec<_> = meeting
        .sides
        .iter()
        .map(|s| (s.id.clone(), s.name.get(zh).to_owned()))
        .collect();
    egui::Grid::new("attendees_grid")
        .num_columns(7)
        .striped(true)
        .spacing([4.0, 4.0])
        .show(ui, |ui| {
            let headers: Vec<egui::Id> = [t.col_name, t.side, t.role, t.status, t.rank, t.mode, ""]
                .into_iter()
                .map(|h| ui.strong(h).id)
                .collect();
            let header = |k: usize| headers.get(k).copied().unwrap_or(egui::Id::NULL);
            ui.end_row();
            for (i, attendee) in meeting.attendees.iter_mut().enumerate() {
                person_combo(
                    ui,
                    &format!("attendee_{i}"),
                    cx.project,
                    &people,
                    &mut attendee.person,
                    header(0),
                );
                let side_name = attendee
                    .side
                    .as_ref()
                    .map(|s| {
                        sides
                            .iter()
                            .find(|(id, _)| id == s)
                            .map_or_else(|| format!("▲ {s}"), |(_, n)| n.clone())
                    })
                    .unwrap_or_else(|| t.none_choice.to_owned());
                egui::ComboBox::from_id_salt(format!("attendee_side_{i}"))
                    .selected_text(side_name)
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut attendee.side, None, t.none_choice);
                        for (id, name) in &sides {
                            ui.selectable_value(&mut attendee.side, Some(id.clone()), name);
                        }
                    })
                    .response
                    .labelled_by(header(1));
                choice_combo(
                    ui,
                    &format!("attendee_role_{i}"),
                    cx.language,
                    &mut attendee.role,
                    header(2),
                );
                choice_combo(
                    ui,
                    &format!("attendee_status_{i}"),
                    cx.language,
                    &mut attendee.status,
                    header(3),
                );
                ui.add(egui::DragValue::new(&mut attendee.rank).range(0..=999))
                    .labelled_by(header(4));
                choice_combo(
                    ui,
                    &format!("attendee_mode_{i}"),
                    cx.language,
                    &mut attendee.mode,
                    header(5),
                );
                if ui.small_button("×").on_hover_text(t.remove).clicked() {
                    remove = Some(i);
                }
                ui.end_row();
            }
        });
    if let Some(i) = remove
        && i < meeting.attendees.len()
    {
        meeting.attendees.remove(i);
    }
    let next = people
        .iter()
        .find(|(id, _)| !meeting.attendees.iter().any(|a| &a.person == id));
    if let Some((next, _)) = next
        && ui.button(format!("+ {}", t.add_attendee)).clicked()
    {
        let mut attendee = Attendee::new(next.clone());
        attendee.side = meeting.sides.first().map(|s| s.id.clone());
        attendee.rank = u32::try_from(meeting.attendees.len() + 1).unwrap_or(u32::MAX);
        meeting.attendees.push(attendee);
    }
}

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
