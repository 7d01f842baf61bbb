//! People: a searchable list sorted by family name, and the editor of one person.

use super::widgets::{
    bilingual_rows, cell, choice_row, delete_button, empty_message, form_ui, list_detail_ui,
    list_header_ui, multiline_row, organisation_combo, select_table_ui, text_row,
};
use super::{Cx, ViewState};
use crate::document::Edit;
use crate::model::{Person, PersonId, fold_for_search, normalize_chinese_name};

/// The people view.
pub fn people_ui(ui: &mut egui::Ui, cx: &mut Cx<'_>, state: &mut ViewState) {
    let t = cx.tr();
    list_detail_ui(
        ui,
        "people",
        &mut (cx, state),
        |ui, (cx, state)| {
            if list_header_ui(ui, t, t.add_person, &mut state.people_search) {
                let person = Person::default();
                let id = cx.project.new_person_id(&person);
                cx.edit_step(Edit::PutPerson(id.clone(), person));
                state.person = Some(id);
            }
            let project = cx.project;
            let query = fold_for_search(&state.people_search);
            let rows = state
                .people_rows
                .rows(cx.revision, &query, cx.language, || {
                    let mut rows: Vec<_> = project
                        .people
                        .iter()
                        .filter(|(_, p)| query.is_empty() || matches(project, p, &query))
                        .collect();
                    rows.sort_by_cached_key(|(id, p)| (p.sort_key(), (*id).clone()));
                    rows.into_iter().map(|(id, _)| id.clone()).collect()
                });
            if rows.is_empty() {
                let msg = if project.people.is_empty() {
                    t.empty_people
                } else {
                    t.no_match
                };
                empty_message(ui, msg);
                return;
            }
            // A list with entries shows one of them from the start, so the editor is not
            // empty; a selection made this frame (a new entry, not applied yet) is kept.
            if state.person.is_none() {
                state.person = rows.first().cloned();
            }
            let selected = state
                .person
                .as_ref()
                .and_then(|s| rows.iter().position(|r| r == s));
            let zh = cx.zh();
            let clicked = select_table_ui(
                ui,
                "people_table",
                &[
                    (t.col_name, 150.0),
                    (t.col_organisation, 60.0),
                    (t.col_title, 0.0),
                ],
                super::style::ROW_HEIGHT,
                rows.len(),
                selected,
                |i, row| {
                    let Some(person) = rows.get(i).and_then(|id| project.people.get(id)) else {
                        return;
                    };
                    cell(row, person.display_name());
                    let org = person
                        .organisation
                        .as_ref()
                        .map(|o| project.organisation_name(o, zh))
                        .unwrap_or_default();
                    cell(row, org);
                    cell(row, person.title.get(zh));
                },
            );
            if let Some(id) = clicked.and_then(|i| rows.get(i)) {
                state.person = Some(id.clone());
            }
        },
        |ui, (cx, state)| {
            let selected = state
                .person
                .as_ref()
                .and_then(|id| cx.project.people.get(id).map(|p| (id.clone(), p.clone())));
            match selected {
                Some((id, person)) => person_editor_ui(ui, cx, &id, person, state),
                None => empty_message(ui, t.select_hint),
            }
        },
    );
}

/// True when the person matches the folded query in any script or field.
fn matches(project: &crate::model::Project, p: &Person, query: &str) -> bool {
    let org = p
        .organisation
        .as_ref()
        .and_then(|o| project.organisations.get(o))
        .map(|o| format!("{} {} {}", o.acronym, o.name.en, o.name.zh))
        .unwrap_or_default();
    let haystack = fold_for_search(&format!(
        "{} {} {} {} {} {} {} {} {}",
        p.family_name,
        p.given_name,
        p.given_name,
        p.family_name,
        normalize_chinese_name(&p.chinese_name),
        p.title.en,
        p.title.zh,
        p.email,
        org
    ));
    haystack.contains(query)
}

fn person_editor_ui(
    ui: &mut egui::Ui,
    cx: &mut Cx<'_>,
    id: &PersonId,
    mut person: Person,
    state: &mut ViewState,
) {
    let t = cx.tr();
    let original = person.clone();
    ui.horizontal(|ui| {
        ui.heading(person.formal_name());
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if delete_button(ui, t) {
                cx.edit_step(Edit::delete_person(cx.project, id));
                state.person = None;
            }
        });
    });
    ui.label(
        egui::RichText::new(format!("id: {id}"))
            .small()
            .color(super::style::weak_color(ui)),
    );
    ui.add_space(8.0);
    form_ui(ui, "person_form", |ui| {
        choice_row(ui, t.honorific, cx.language, &mut person.honorific);
        text_row(ui, t.family_name, &mut person.family_name);
        text_row(ui, t.given_name, &mut person.given_name);
        text_row(ui, t.chinese_name, &mut person.chinese_name);
        choice_row(ui, t.name_order, cx.language, &mut person.name_order);
        ui.label(t.shown_as);
        ui.label(egui::RichText::new(person.formal_name()).strong());
        ui.end_row();
        let l = ui.label(t.organisation);
        organisation_combo(
            ui,
            "person_org",
            cx.project,
            t,
            cx.zh(),
            &mut person.organisation,
            l.id,
        );
        ui.end_row();
        bilingual_rows(ui, t, t.title, &mut person.title);
        text_row(ui, t.email, &mut person.email);
        text_row(ui, t.phone, &mut person.phone);
        multiline_row(ui, t.notes, &mut person.notes);
    });
    if person != original && state.person.as_ref() == Some(id) {
        cx.edit(
            ui,
            &format!("person/{id}"),
            Edit::PutPerson(id.clone(), person),
        );
    }
}
