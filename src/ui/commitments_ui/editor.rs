//! The editor of one commitment: its form, owners, preconditions and progress log.

use crate::document::Edit;
use crate::model::followup;
use crate::model::{
    Bilingual, Commitment, CommitmentId, MeetingId, OrganisationId, Owner, PersonId, Precondition,
    ProgressEntry, fold_for_search,
};
use crate::ui::person_picker::First;
use crate::ui::widgets::{
    ListRow, Opener, bilingual_multiline_rows, bilingual_rows, choice_combo, choice_row,
    delete_button, form_ui, in_language, long_text_row, optional_date_edit, search_popup, text_row,
};
use crate::ui::{Cx, ViewState, style};

pub(super) fn commitment_editor_ui(
    ui: &mut egui::Ui,
    cx: &mut Cx<'_>,
    id: &CommitmentId,
    mut c: Commitment,
    long_description: Option<&Bilingual>,
    state: &mut ViewState,
) {
    let t = cx.tr();
    let zh = cx.zh();
    let today = cx.today;
    let original = c.clone();
    let project = cx.project;
    // A long title gives way to the buttons (whole on hover), never running under them.
    let title = c.title.get(zh).to_owned();
    crate::ui::widgets::title_bar(ui, &title, |ui| {
        if delete_button(ui, t) {
            state.delete(
                crate::ui::View::Commitments,
                crate::workspace::Deletion::Commitment(id.clone()),
            );
            state.commitment = None;
        }
        if ui
            .button(format!("+ {}", t.add_sub_point))
            .on_hover_text(t.add_sub_point_tip)
            .clicked()
        {
            let (sub_id, sub) = sub_point(cx, id, &c);
            cx.edit_step(Edit::PutCommitment(sub_id.clone(), sub));
            state.commitment = Some(sub_id);
        }
    });
    ui.add_space(style::space::M);
    let mut meetings: Vec<_> = project.meetings.iter().collect();
    meetings.sort_by_key(|(mid, m)| (m.start_date(), (*mid).clone()));
    let meeting_name = |mid: &MeetingId| {
        project.meetings.get(mid).map_or_else(
            || format!("▲ {mid}"),
            |m| format!("{} · {}", m.start_date(), m.title.get(zh)),
        )
    };

    form_ui(ui, "commitment_form", |ui| {
        bilingual_rows(ui, t, t.commitment_title, &mut c.title);
        match long_description {
            Some(description) => {
                long_text_row(
                    ui,
                    t,
                    &in_language(t, t.description, false),
                    &description.en,
                );
                long_text_row(ui, t, &in_language(t, t.description, true), &description.zh);
            }
            None => {
                bilingual_multiline_rows(ui, t, t.description, &mut c.description);
            }
        }
        choice_row(ui, t.status, cx.language, &mut c.status);
        ui.label(t.due);
        ui.horizontal(|ui| {
            let default = default_due(cx, &c);
            optional_date_edit(
                ui,
                cx.language,
                "commitment_due",
                t.has_due,
                &mut c.due,
                default,
            );
            let note = super::due_note(t, followup::due_state(&c, today, followup::LATER_DAYS));
            if !note.is_empty() {
                let colour = if note.starts_with('▲') {
                    style::overdue_color(ui)
                } else {
                    style::weak_color(ui)
                };
                ui.colored_label(colour, note);
            }
        });
        ui.end_row();

        let parent_label = ui.label(t.parent);
        let parent_text = c
            .parent
            .as_ref()
            .map(|p| {
                project
                    .commitments
                    .get(p)
                    .map_or_else(|| format!("▲ {p}"), |pc| pc.title.get(zh).to_owned())
            })
            .unwrap_or_else(|| t.none_choice.to_owned());
        egui::ComboBox::from_id_salt("commitment_parent")
            .selected_text(parent_text)
            .width(style::COMBO_WIDE_WIDTH)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut c.parent, None, t.none_choice);
                for (pid, pc) in &project.commitments {
                    if pid != id {
                        ui.selectable_value(&mut c.parent, Some(pid.clone()), pc.title.get(zh));
                    }
                }
            })
            .response
            .labelled_by(parent_label.id);
        ui.end_row();

        let agreed_before = c.agreed_at.clone();
        let agreed_label = ui.label(t.agreed_at);
        let agreed_text = c
            .agreed_at
            .as_ref()
            .map(&meeting_name)
            .unwrap_or_else(|| t.none_choice.to_owned());
        egui::ComboBox::from_id_salt("commitment_meeting")
            .selected_text(agreed_text)
            .width(style::COMBO_WIDE_WIDTH)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut c.agreed_at, None, t.none_choice);
                for (mid, _) in &meetings {
                    ui.selectable_value(&mut c.agreed_at, Some((*mid).clone()), meeting_name(mid));
                }
            })
            .response
            .labelled_by(agreed_label.id);
        ui.end_row();

        // The agenda item it was agreed under: one of that meeting's items. Another
        // meeting chosen above leaves the item behind.
        if c.agreed_at != agreed_before {
            c.agreed_item = None;
        }
        let agreed_in = c.agreed_at.as_ref().and_then(|m| project.meetings.get(m));
        if let Some(m) = agreed_in {
            let item_label = ui.label(t.agreed_item);
            let item_name = |i: &crate::model::ItemId| {
                m.items()
                    .position(|x| &x.id == i)
                    .zip(m.item(i))
                    .map(|(n, x)| format!("{}. {}", n + 1, x.title.get(zh)))
                    .unwrap_or_default()
            };
            let item_text = c
                .agreed_item
                .as_ref()
                .map(&item_name)
                .filter(|name| !name.is_empty())
                .unwrap_or_else(|| t.none_choice.to_owned());
            egui::ComboBox::from_id_salt("commitment_item")
                .selected_text(item_text)
                .width(style::COMBO_WIDE_WIDTH)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut c.agreed_item, None, t.none_choice);
                    for x in m.items() {
                        ui.selectable_value(
                            &mut c.agreed_item,
                            Some(x.id.clone()),
                            item_name(&x.id),
                        );
                    }
                })
                .response
                .labelled_by(item_label.id);
            ui.end_row();
        }

        ui.label(t.parties);
        // The parties are ticked; another is added from the list of all organisations
        // (which can be thousands long, so it is not a wall of checkboxes).
        ui.horizontal_wrapped(|ui| {
            for oid in c.parties.clone() {
                let mut party = true;
                let name = project.organisation_name(&oid, zh);
                if ui.checkbox(&mut party, name).changed() && !party {
                    c.parties.retain(|p| p != &oid);
                }
            }
            egui::ComboBox::from_id_salt("add_party")
                .selected_text(format!("+ {}", t.add_party))
                .width(style::ADD_COMBO_WIDTH)
                .show_ui(ui, |ui| {
                    for (oid, name) in &state.commitment_bar.orgs {
                        if !c.parties.contains(oid) && ui.button(name).clicked() {
                            c.parties.push(oid.clone());
                            c.parties.sort();
                        }
                    }
                })
                .response
                .accessible_name(t.add_party);
        });
        ui.end_row();

        let owners_label = ui.label(t.owners);
        owners_ui(ui, cx, &mut c, owners_label.id, state);
        ui.end_row();

        // While the field is being typed in, it shows what was typed (`ISO 50001, ` with its
        // comma and space), not the topics read back from it, which would swallow them.
        let field_id = ui.make_persistent_id(("topics_field", id));
        let draft_id = field_id.with("draft");
        let joined = c.topics.join(", ");
        let typing = ui.memory(|m| m.has_focus(field_id));
        let mut topics = typing
            .then(|| ui.data(|d| d.get_temp::<String>(draft_id)))
            .flatten()
            .unwrap_or(joined);
        let label = ui.label(t.topics);
        let response = ui
            .add(
                egui::TextEdit::singleline(&mut topics)
                    .id(field_id)
                    .hint_text(t.topics_hint)
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id);
        if response.has_focus() {
            ui.data_mut(|d| d.insert_temp(draft_id, topics.clone()));
        } else {
            ui.data_mut(|d| d.remove::<String>(draft_id));
        }
        if response.changed() {
            c.topics = topics
                .split([',', '，', ';', '；'])
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect();
        }
        ui.end_row();

        ui.label(t.preconditions);
        preconditions_ui(ui, cx, id, &mut c);
        ui.end_row();
    });

    ui.add_space(style::space::M);
    ui.strong(t.progress);
    progress_ui(ui, cx, &mut c, &meetings, today);

    // A status chosen in the form is logged in the progress, dated today, so the history
    // of a point shows when it moved.
    if c.status != original.status {
        let status = c.status;
        c.status = original.status;
        c = followup::with_status_change(&c, status, today, None);
    }
    if c != original && state.commitment.as_ref() == Some(id) {
        if let Some(description) = long_description {
            // Left out of the copy, not changed: back in with the edit.
            c.description = description.clone();
        }
        cx.edit(
            ui,
            &format!("commitment/{id}"),
            Edit::PutCommitment(id.clone(), c),
        );
    }
}

/// A new sub-point of `parent`: same meeting, parties, owners, topics and due date, so
/// only its title needs typing.
pub fn sub_point(
    cx: &Cx<'_>,
    parent_id: &CommitmentId,
    parent: &Commitment,
) -> (CommitmentId, Commitment) {
    let t = cx.tr();
    let id = cx.project.new_commitment_id(&format!("{parent_id}-sub"));
    let sub = Commitment {
        title: Bilingual::new(t.new_sub_point, ""),
        parent: Some(parent_id.clone()),
        agreed_at: parent.agreed_at.clone(),
        agreed_item: parent.agreed_item.clone(),
        parties: parent.parties.clone(),
        owners: parent.owners.clone(),
        topics: parent.topics.clone(),
        status: parent.status,
        due: parent.due,
        ..Default::default()
    };
    (id, sub)
}

fn owners_ui(
    ui: &mut egui::Ui,
    cx: &Cx<'_>,
    c: &mut Commitment,
    owners_label: egui::Id,
    state: &mut ViewState,
) {
    let t = cx.tr();
    let zh = cx.zh();
    let project = cx.project;
    let orgs = &state.commitment_bar.orgs;
    let picker = &mut state.person_picker;
    // The people of the meeting where it was agreed come first in the pickers.
    let first: Vec<PersonId> = c
        .agreed_at
        .as_ref()
        .and_then(|m| project.meetings.get(m))
        .map(|m| {
            m.in_precedence(&project.people)
                .into_iter()
                .map(|a| a.person.clone())
                .collect()
        })
        .unwrap_or_default();
    let org_rows =
        |current: Option<&OrganisationId>, query: &str| -> Vec<ListRow<OrganisationId>> {
            let query = fold_for_search(query);
            orgs.iter()
                .filter(|(_, name)| query.is_empty() || fold_for_search(name).contains(&query))
                .map(|(id, name)| {
                    let mut row = ListRow::choice(id.clone(), name.clone());
                    row.selected = current == Some(id);
                    row
                })
                .collect()
        };
    ui.vertical(|ui| {
        let mut remove = None;
        for (k, owner) in c.owners.iter_mut().enumerate() {
            ui.horizontal(|ui| {
                match owner {
                    // A person is picked from the registry by search.
                    Owner::Person(p) => {
                        let name = project.person_name(p);
                        if let Some(chosen) = picker.show(
                            ui,
                            &format!("owner_{k}"),
                            cx,
                            &name,
                            &format!("{} {}", t.owners, k + 1),
                            t.search_people,
                            First {
                                heading: t.protocol.at_this_meeting,
                                people: &first,
                            },
                            &|_| None,
                        ) {
                            *owner = Owner::Person(chosen);
                        }
                    }
                    Owner::Organisation(org) => {
                        let current = org.clone();
                        let (response, chosen) = search_popup(
                            ui,
                            &format!("owner_{k}"),
                            Opener::Value(
                                &project.organisation_name(org, zh),
                                style::OWNER_COMBO_WIDTH,
                            ),
                            t.protocol.search_organisations,
                            &|query| org_rows(Some(&current), query),
                        );
                        response.labelled_by(owners_label);
                        if let Some(chosen) = chosen {
                            *org = chosen;
                        }
                    }
                }
                if ui.small_button("×").on_hover_text(t.remove).clicked() {
                    remove = Some(k);
                }
            });
        }
        if let Some(k) = remove
            && k < c.owners.len()
        {
            c.owners.remove(k);
        }
        // Nobody and no organisation is added until chosen.
        let owners = c.owners.clone();
        ui.horizontal(|ui| {
            if let Some(chosen) = picker.add_button(
                ui,
                "add_owner",
                cx,
                &format!("+ {}", t.add_owner),
                t.owner_person,
                t.search_people,
                First {
                    heading: t.protocol.at_this_meeting,
                    people: &first,
                },
                &|p| {
                    owners
                        .contains(&Owner::Person(p.clone()))
                        .then(|| t.protocol.already_owner.to_owned())
                },
            ) {
                c.owners.push(Owner::Person(chosen));
            }
            let (response, chosen) = search_popup(
                ui,
                "add_owner_organisation",
                Opener::Action(&format!("+ {}", t.owner_organisation)),
                t.protocol.search_organisations,
                &|query| {
                    let mut rows = org_rows(None, query);
                    for row in &mut rows {
                        row.enabled = !row
                            .value
                            .as_ref()
                            .is_some_and(|o| owners.contains(&Owner::Organisation(o.clone())));
                    }
                    rows
                },
            );
            response.on_hover_text(t.add_owner);
            if let Some(org) = chosen {
                c.owners.push(Owner::Organisation(org));
            }
        });
    });
}

fn preconditions_ui(ui: &mut egui::Ui, cx: &Cx<'_>, id: &CommitmentId, c: &mut Commitment) {
    let t = cx.tr();
    let zh = cx.zh();
    let project = cx.project;
    ui.vertical(|ui| {
        let mut remove = None;
        for (k, pre) in c.preconditions.iter_mut().enumerate() {
            ui.horizontal(|ui| {
                match pre {
                    Precondition::Condition(text) => {
                        let l = ui.label(t.condition);
                        ui.add(
                            egui::TextEdit::singleline(&mut text.en)
                                .hint_text(t.english)
                                .desired_width(style::PAIR_FIELD_WIDE_WIDTH),
                        )
                        .labelled_by(l.id);
                        ui.add(
                            egui::TextEdit::singleline(&mut text.zh)
                                .hint_text(t.chinese)
                                .desired_width(style::PAIR_FIELD_WIDE_WIDTH),
                        )
                        .labelled_by(l.id);
                    }
                    Precondition::Commitment(other) => {
                        let depends_label = ui.label(t.depends_on);
                        let name = project.commitments.get(other).map_or_else(
                            || format!("▲ {other}"),
                            |oc| {
                                format!("{} ({})", oc.title.get(zh), cx.language.choice(oc.status))
                            },
                        );
                        egui::ComboBox::from_id_salt(format!("precondition_{k}"))
                            .selected_text(name)
                            .width(style::COMBO_WIDE_WIDTH)
                            .show_ui(ui, |ui| {
                                for (oid, oc) in &project.commitments {
                                    if oid != id {
                                        ui.selectable_value(other, oid.clone(), oc.title.get(zh));
                                    }
                                }
                            })
                            .response
                            .labelled_by(depends_label.id);
                    }
                }
                if ui.small_button("×").on_hover_text(t.remove).clicked() {
                    remove = Some(k);
                }
            });
        }
        if let Some(k) = remove
            && k < c.preconditions.len()
        {
            c.preconditions.remove(k);
        }
        ui.horizontal(|ui| {
            if ui.button(format!("+ {}", t.add_condition)).clicked() {
                c.preconditions
                    .push(Precondition::Condition(Bilingual::default()));
            }
            let other = project.commitments.keys().find(|k| *k != id);
            if let Some(other) = other
                && ui.button(format!("+ {}", t.add_dependency)).clicked()
            {
                c.preconditions
                    .push(Precondition::Commitment(other.clone()));
            }
        });
    });
}

fn progress_ui(
    ui: &mut egui::Ui,
    cx: &Cx<'_>,
    c: &mut Commitment,
    meetings: &[(&MeetingId, &crate::model::Meeting)],
    today: chrono::NaiveDate,
) {
    let t = cx.tr();
    let zh = cx.zh();
    if c.progress.is_empty() {
        ui.label(egui::RichText::new(t.empty_progress).color(style::weak_color(ui)));
    }
    let mut remove = None;
    for (k, entry) in c.progress.iter_mut().enumerate() {
        ui.group(|ui| {
            ui.horizontal(|ui| {
                crate::ui::widgets::date_edit(
                    ui,
                    cx.language,
                    &format!("progress_date_{k}"),
                    &mut entry.date,
                );
                let mut sets = entry.status.is_some();
                let status_label = ui.checkbox(&mut sets, t.sets_status);
                if status_label.changed() {
                    entry.status = sets.then_some(c.status);
                }
                if let Some(status) = &mut entry.status {
                    choice_combo(
                        ui,
                        &format!("progress_status_{k}"),
                        cx.language,
                        status,
                        status_label.id,
                    );
                }
                let meeting_text = entry
                    .meeting
                    .as_ref()
                    .map(|m| {
                        cx.project
                            .meetings
                            .get(m)
                            .map_or_else(|| format!("▲ {m}"), |mm| mm.title.get(zh).to_owned())
                    })
                    .unwrap_or_else(|| t.none_choice.to_owned());
                let meeting_label = ui.label(t.meeting);
                egui::ComboBox::from_id_salt(format!("progress_meeting_{k}"))
                    .selected_text(meeting_text)
                    .width(style::MEETING_COMBO_WIDTH)
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut entry.meeting, None, t.none_choice);
                        for (mid, m) in meetings {
                            ui.selectable_value(
                                &mut entry.meeting,
                                Some((*mid).clone()),
                                m.title.get(zh),
                            );
                        }
                    })
                    .response
                    .labelled_by(meeting_label.id);
                if ui.small_button("×").on_hover_text(t.remove).clicked() {
                    remove = Some(k);
                }
            });
            form_ui(ui, &format!("progress_form_{k}"), |ui| {
                text_row(
                    ui,
                    &crate::ui::widgets::in_language(t, t.note, false),
                    &mut entry.note.en,
                );
                text_row(
                    ui,
                    &crate::ui::widgets::in_language(t, t.note, true),
                    &mut entry.note.zh,
                );
            });
        });
    }
    if let Some(k) = remove
        && k < c.progress.len()
    {
        c.progress.remove(k);
    }
    if ui.button(format!("+ {}", t.add_progress)).clicked() {
        // Dated today and kept in date order (the log is oldest first).
        let at = c.progress.partition_point(|e| e.date <= today);
        c.progress.insert(
            at,
            ProgressEntry {
                date: today,
                note: Bilingual::default(),
                status: None,
                meeting: None,
            },
        );
    }
}

/// The due date a commitment gets when "Has a due date" is ticked: three months after the
/// meeting it was agreed at, or after today when that meeting is past (never a day before
/// the meeting, never today itself, which would make it due at once).
fn default_due(cx: &Cx<'_>, c: &Commitment) -> chrono::NaiveDate {
    let meeting = c
        .agreed_at
        .as_ref()
        .and_then(|m| cx.project.meetings.get(m))
        .map(crate::model::Meeting::end_date);
    let from = meeting.map_or(cx.today, |d| d.max(cx.today));
    from.checked_add_days(chrono::Days::new(u64::from(followup::LATER_DAYS)))
        .unwrap_or(from)
}
