//! Commitments: the cooperation points of the project, sub-points under their point, and
//! the editor of one commitment with its owners, preconditions and progress log.

use super::widgets::{
    bilingual_multiline_rows, bilingual_rows, cell, choice_combo, choice_row, delete_button,
    empty_message, form_ui, list_detail_ui, list_header_ui, optional_date_edit, select_table_ui,
    sorted_organisations, sorted_people, text_row,
};
use super::{Cx, ViewState};
use crate::document::Edit;
use crate::model::{
    Bilingual, Commitment, CommitmentId, MeetingId, Owner, Precondition, ProgressEntry, Project,
    fold_for_search,
};

/// The commitments view.
pub fn commitments_ui(ui: &mut egui::Ui, cx: &mut Cx<'_>, state: &mut ViewState) {
    let t = cx.tr();
    list_detail_ui(
        ui,
        "commitments",
        &mut (cx, state),
        |ui, (cx, state)| {
            if list_header_ui(ui, t, t.add_commitment, &mut state.commitments_search) {
                let id = cx.project.new_commitment_id("commitment");
                let commitment = Commitment {
                    title: Bilingual::new(t.new_commitment, ""),
                    ..Default::default()
                };
                cx.edit_step(Edit::PutCommitment(id.clone(), commitment));
                state.commitment = Some(id);
            }
            let project = cx.project;
            let query = fold_for_search(&state.commitments_search);
            let rows = state
                .commitments_rows
                .rows(cx.revision, &query, cx.language, || {
                    tree_order(project)
                        .into_iter()
                        .filter(|(id, _)| {
                            query.is_empty()
                                || project.commitments.get(id).is_some_and(|c| {
                                    fold_for_search(&format!(
                                        "{} {} {} {}",
                                        c.title.en,
                                        c.title.zh,
                                        c.topics.join(" "),
                                        c.description.en
                                    ))
                                    .contains(&query)
                                })
                        })
                        .collect()
                });
            if rows.is_empty() {
                let msg = if project.commitments.is_empty() {
                    t.empty_commitments
                } else {
                    t.no_match
                };
                empty_message(ui, msg);
                return;
            }
            // A list with entries shows one of them from the start, so the editor is not
            // empty; a selection made this frame (a new entry, not applied yet) is kept.
            if state.commitment.is_none() {
                state.commitment = rows.first().map(|(id, _)| id.clone());
            }
            let selected = state
                .commitment
                .as_ref()
                .and_then(|s| rows.iter().position(|(r, _)| r == s));
            let zh = cx.zh();
            let language = cx.language;
            let clicked = select_table_ui(
                ui,
                "commitments_table",
                &[
                    (t.commitment_title, 210.0),
                    (t.col_status, 70.0),
                    (t.col_due, 0.0),
                ],
                super::style::ROW_HEIGHT,
                rows.len(),
                selected,
                |i, row| {
                    let Some((c, depth)) = rows
                        .get(i)
                        .and_then(|(id, depth)| project.commitments.get(id).map(|c| (c, *depth)))
                    else {
                        return;
                    };
                    let indent = "    ".repeat(depth.min(6));
                    cell(row, format!("{indent}{}", c.title.get(zh)));
                    cell(row, language.choice(c.status));
                    cell(row, c.due.map(|d| d.to_string()).unwrap_or_default());
                },
            );
            if let Some((id, _)) = clicked.and_then(|i| rows.get(i)) {
                state.commitment = Some(id.clone());
            }
        },
        |ui, (cx, state)| {
            let selected = state.commitment.as_ref().and_then(|id| {
                cx.project
                    .commitments
                    .get(id)
                    .map(|c| (id.clone(), c.clone()))
            });
            match selected {
                Some((id, c)) => commitment_editor_ui(ui, cx, &id, c, state),
                None => empty_message(ui, t.select_hint),
            }
        },
    );
}

/// Commitments as a tree: each point followed by its sub-points, with their depth.
/// A parent that is missing or part of a loop makes a commitment a root, so every
/// commitment appears exactly once.
fn tree_order(project: &Project) -> Vec<(CommitmentId, usize)> {
    let is_root = |id: &CommitmentId, c: &Commitment| {
        let Some(mut parent) = c.parent.as_ref() else {
            return true;
        };
        let mut steps = 0;
        loop {
            if parent == id || steps > project.commitments.len() {
                return true; // a loop
            }
            match project
                .commitments
                .get(parent)
                .and_then(|p| p.parent.as_ref())
            {
                Some(next) => parent = next,
                None => return !project.commitments.contains_key(parent),
            }
            steps += 1;
        }
    };
    let mut out = Vec::with_capacity(project.commitments.len());
    let mut stack: Vec<(CommitmentId, usize)> = project
        .commitments
        .iter()
        .filter(|(id, c)| is_root(id, c))
        .map(|(id, _)| (id.clone(), 0))
        .rev()
        .collect();
    let mut seen = std::collections::BTreeSet::new();
    while let Some((id, depth)) = stack.pop() {
        if !seen.insert(id.clone()) {
            continue;
        }
        let children: Vec<_> = project
            .commitments
            .iter()
            .filter(|(_, c)| c.parent.as_ref() == Some(&id))
            .map(|(cid, _)| (cid.clone(), depth + 1))
            .rev()
            .collect();
        out.push((id, depth));
        stack.extend(children);
    }
    out
}

fn commitment_editor_ui(
    ui: &mut egui::Ui,
    cx: &mut Cx<'_>,
    id: &CommitmentId,
    mut c: Commitment,
    state: &mut ViewState,
) {
    let t = cx.tr();
    let zh = cx.zh();
    let original = c.clone();
    let project = cx.project;
    ui.horizontal(|ui| {
        ui.heading(c.title.get(zh));
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if delete_button(ui, t) {
                cx.edit_step(Edit::delete_commitment(project, id));
                state.commitment = None;
            }
        });
    });
    ui.label(
        egui::RichText::new(format!("id: {id}"))
            .small()
            .color(super::style::weak_color(ui)),
    );
    ui.add_space(8.0);
    let today = chrono::Local::now().date_naive();
    let mut meetings: Vec<_> = project.meetings.iter().collect();
    meetings.sort_by_key(|(mid, m)| (m.date, (*mid).clone()));
    let meeting_name = |mid: &MeetingId| {
        project.meetings.get(mid).map_or_else(
            || format!("▲ {mid}"),
            |m| format!("{} · {}", m.date, m.title.get(zh)),
        )
    };

    form_ui(ui, "commitment_form", |ui| {
        bilingual_rows(ui, t, t.commitment_title, &mut c.title);
        bilingual_multiline_rows(ui, t, t.description, &mut c.description);
        choice_row(ui, t.status, cx.language, &mut c.status);
        ui.label(t.due);
        optional_date_edit(ui, "commitment_due", t.has_due, &mut c.due, today);
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
            .width(320.0)
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

        let agreed_label = ui.label(t.agreed_at);
        let agreed_text = c
            .agreed_at
            .as_ref()
            .map(&meeting_name)
            .unwrap_or_else(|| t.none_choice.to_owned());
        egui::ComboBox::from_id_salt("commitment_meeting")
            .selected_text(agreed_text)
            .width(320.0)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut c.agreed_at, None, t.none_choice);
                for (mid, _) in &meetings {
                    ui.selectable_value(&mut c.agreed_at, Some((*mid).clone()), meeting_name(mid));
                }
            })
            .response
            .labelled_by(agreed_label.id);
        ui.end_row();

        ui.label(t.parties);
        ui.horizontal_wrapped(|ui| {
            for (oid, name) in sorted_organisations(project, zh) {
                let mut party = c.parties.contains(&oid);
                if ui.checkbox(&mut party, name).changed() {
                    if party {
                        c.parties.push(oid);
                        c.parties.sort();
                    } else {
                        c.parties.retain(|p| p != &oid);
                    }
                }
            }
        });
        ui.end_row();

        let owners_label = ui.label(t.owners);
        owners_ui(ui, cx, &mut c, owners_label.id);
        ui.end_row();

        let mut topics = c.topics.join(", ");
        let label = ui.label(t.topics);
        if ui
            .add(
                egui::TextEdit::singleline(&mut topics)
                    .hint_text(t.topics_hint)
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id)
            .changed()
        {
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

    ui.add_space(8.0);
    ui.strong(t.progress);
    progress_ui(ui, cx, &mut c, &meetings, today);

    if c != original && state.commitment.as_ref() == Some(id) {
        cx.edit(
            ui,
            &format!("commitment/{id}"),
            Edit::PutCommitment(id.clone(), c),
        );
    }
}

fn owners_ui(ui: &mut egui::Ui, cx: &Cx<'_>, c: &mut Commitment, owners_label: egui::Id) {
    let t = cx.tr();
    let zh = cx.zh();
    let project = cx.project;
    let people = sorted_people(project);
    let orgs = sorted_organisations(project, zh);
    let owner_name = |o: &Owner| match o {
        Owner::Person(p) => project.person_name(p),
        Owner::Organisation(org) => project.organisation_name(org, zh),
    };
    ui.vertical(|ui| {
        let mut remove = None;
        for (k, owner) in c.owners.iter_mut().enumerate() {
            ui.horizontal(|ui| {
                egui::ComboBox::from_id_salt(format!("owner_{k}"))
                    .selected_text(owner_name(owner))
                    .width(280.0)
                    .show_ui(ui, |ui| {
                        ui.label(egui::RichText::new(t.owner_person).strong());
                        for (pid, name) in &people {
                            ui.selectable_value(owner, Owner::Person(pid.clone()), name);
                        }
                        ui.separator();
                        ui.label(egui::RichText::new(t.owner_organisation).strong());
                        for (oid, name) in &orgs {
                            ui.selectable_value(owner, Owner::Organisation(oid.clone()), name);
                        }
                    })
                    .response
                    .labelled_by(owners_label);
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
        let first = people
            .first()
            .map(|(p, _)| Owner::Person(p.clone()))
            .or_else(|| orgs.first().map(|(o, _)| Owner::Organisation(o.clone())));
        if let Some(first) = first
            && ui.button(format!("+ {}", t.add_owner)).clicked()
        {
            c.owners.push(first);
        }
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
                        ui.label(t.condition);
                        ui.add(
                            egui::TextEdit::singleline(&mut text.en)
                                .hint_text(t.english)
                                .desired_width(220.0),
                        );
                        ui.add(
                            egui::TextEdit::singleline(&mut text.zh)
                                .hint_text(t.chinese)
                                .desired_width(220.0),
                        );
                    }
                    Precondition::Commitment(other) => {
                        let depends_label = ui.label(t.depends_on);
                        let name = project
                            .commitments
                            .get(other)
                            .map_or_else(|| format!("▲ {other}"), |oc| oc.title.get(zh).to_owned());
                        egui::ComboBox::from_id_salt(format!("precondition_{k}"))
                            .selected_text(name)
                            .width(320.0)
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
    let mut remove = None;
    for (k, entry) in c.progress.iter_mut().enumerate() {
        ui.group(|ui| {
            ui.horizontal(|ui| {
                super::widgets::date_edit(ui, &format!("progress_date_{k}"), &mut entry.date);
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
                    .width(220.0)
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
                    &super::widgets::in_language(t, t.note, false),
                    &mut entry.note.en,
                );
                text_row(
                    ui,
                    &super::widgets::in_language(t, t.note, true),
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
        c.progress.push(ProgressEntry {
            date: today,
            note: Bilingual::default(),
            status: None,
            meeting: None,
        });
    }
}
