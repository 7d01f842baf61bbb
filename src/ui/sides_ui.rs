//! The sides of a meeting: each a delegation made of organisations. Ticking an
//! organisation on a side moves its attendees there; people whose organisation is on no
//! side are said, with a way to put it on one; the side picker of an attendee says how
//! sides are made.

use super::Cx;
use super::attendance_ui::RowAction;
use super::style;
use super::widgets::{ListRow, Opener, form_ui, search_popup, sorted_organisations};
use crate::model::{Bilingual, Meeting, OrganisationId, Side, SideId, SideNaming, fold_for_search};

/// How a side made of `org` is named: after the organisation when it hosts the meeting,
/// as its delegation otherwise.
pub fn naming_for(meeting: &Meeting, org: &OrganisationId) -> SideNaming<'static> {
    crate::i18n::side_naming(meeting.host.as_ref() == Some(org))
}

/// The sides section: each side's names and organisations, a new side (empty, or made from
/// an organisation). Returns the meeting changed.
pub fn sides_ui(ui: &mut egui::Ui, cx: &Cx<'_>, meeting: &Meeting) -> Option<Meeting> {
    let t = cx.tr();
    let people = &cx.project.people;
    let orgs = sorted_organisations(cx.project, cx.zh());
    let mut m = meeting.details_without_minutes();
    let mut remove = None;
    let mut ticked: Vec<(SideId, OrganisationId, bool)> = Vec::new();
    ui.label(egui::RichText::new(t.protocol.sides_intro).color(style::weak_color(ui)));
    for (i, side) in m.sides.iter_mut().enumerate() {
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
                        if ui
                            .checkbox(&mut member, name)
                            .on_hover_text(t.protocol.side_of_org_tip)
                            .changed()
                        {
                            ticked.push((side.id.clone(), id.clone(), member));
                        }
                    }
                });
                ui.end_row();
            });
        });
    }
    let mut added = None;
    ui.horizontal(|ui| {
        if ui.button(format!("+ {}", t.add_side)).clicked() {
            let id = m.new_side_id(&format!("side-{}", m.sides.len() + 1));
            m.sides.push(Side {
                id,
                name: Bilingual::new(t.new_side, ""),
                organisations: Vec::new(),
            });
        }
        let on_a_side: Vec<OrganisationId> = m
            .sides
            .iter()
            .flat_map(|s| s.organisations.iter().cloned())
            .collect();
        let (_, chosen) = search_popup(
            ui,
            "add_side_of",
            Opener::Action(t.protocol.add_side_of),
            t.protocol.search_organisations,
            &|query| {
                let query = fold_for_search(query);
                orgs.iter()
                    .filter(|(id, name)| {
                        !on_a_side.contains(id)
                            && (query.is_empty() || fold_for_search(name).contains(&query))
                    })
                    .map(|(id, name)| ListRow::choice(id.clone(), name.clone()))
                    .collect()
            },
        );
        added = chosen;
    });
    let mut m = if m.sides == meeting.sides && remove.is_none() && ticked.is_empty() {
        // Nothing changed but a side added from an organisation (or nothing at all).
        added.as_ref()?;
        meeting.clone()
    } else {
        // Names typed, sides added or removed: the sides change, the attendees follow.
        let mut changed = meeting.clone();
        changed.sides = m.sides;
        changed
    };
    if let Some(i) = remove
        && i < m.sides.len()
    {
        m.sides.remove(i);
    }
    for (side, org, member) in ticked {
        if member {
            m.put_organisation_on_side(people, &side, &org);
        } else {
            m.take_organisation_off_side(&side, &org);
        }
    }
    if let Some(org) = added {
        let naming = naming_for(&m, &org);
        m.add_side_of(&cx.project.organisations, people, &[org], naming);
    }
    Some(m)
}

/// Above the list, when some attendees have no side: why (their organisation is on no
/// side), and for each such organisation a way to put it on one.
pub(super) fn without_side_ui(
    ui: &mut egui::Ui,
    cx: &Cx<'_>,
    meeting: &Meeting,
    without: &[(Option<crate::model::OrganisationId>, usize)],
    actions: &mut Vec<RowAction>,
) {
    let t = cx.tr();
    if without.is_empty() {
        return;
    }
    let zh = cx.zh();
    ui.horizontal_wrapped(|ui| {
        let n: usize = without.iter().map(|(_, n)| n).sum();
        ui.colored_label(
            style::warning_color(ui),
            format!("▲ {} ({n}): {}", t.no_side, t.protocol.no_side_hint),
        );
        for (org, _) in without {
            let Some(org) = org else {
                continue;
            };
            let name = cx.project.organisation_name(org, zh);
            ui.menu_button(t.protocol.put_on_side.replace("{org}", &name), |ui| {
                ui.label(
                    egui::RichText::new(t.protocol.put_on_side_tip)
                        .small()
                        .color(style::weak_color(ui)),
                );
                for side in &meeting.sides {
                    if ui.button(side.name.get(zh)).clicked() {
                        actions.push(RowAction::OrganisationOnSide(org.clone(), side.id.clone()));
                        ui.close();
                    }
                }
                if ui
                    .button(t.protocol.new_side_of.replace("{org}", &name))
                    .clicked()
                {
                    actions.push(RowAction::NewSideOf(org.clone()));
                    ui.close();
                }
            });
        }
    });
}

/// The side picker of an attendee: the sides, none, and how sides are made, with a new
/// side of the person's organisation when it is on none. Returns a new side asked for;
/// a side chosen is set in `value`.
#[expect(
    clippy::too_many_arguments,
    reason = "a picker's parts: grouping them in a struct would only move the list"
)]
pub(super) fn side_combo(
    ui: &mut egui::Ui,
    cx: &Cx<'_>,
    meeting: &Meeting,
    salt: &str,
    sides: &[(SideId, String)],
    org: Option<&OrganisationId>,
    value: &mut Option<SideId>,
    label: egui::Id,
    width: f32,
) -> Option<RowAction> {
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
    let mut action = None;
    egui::ComboBox::from_id_salt(salt)
        .selected_text(text)
        .width(width)
        .truncate()
        .show_ui(ui, |ui| {
            for (id, name) in sides {
                ui.selectable_value(value, Some(id.clone()), name);
            }
            ui.selectable_value(value, None, t.none_choice);
            ui.separator();
            if let Some(org) = org.filter(|o| meeting.side_of_organisation(o).is_none()) {
                let name = cx.project.organisation_name(org, cx.zh());
                if ui
                    .button(t.protocol.new_side_of.replace("{org}", &name))
                    .on_hover_text(t.protocol.put_on_side_tip)
                    .clicked()
                {
                    action = Some(RowAction::NewSideOf(org.clone()));
                }
            }
            ui.label(
                egui::RichText::new(t.protocol.sides_made_from)
                    .small()
                    .color(style::weak_color(ui)),
            );
        })
        .response
        .labelled_by(label);
    action
}
