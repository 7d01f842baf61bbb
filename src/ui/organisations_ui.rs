//! Organisations: a searchable list and the editor of one organisation.

use super::style;
use super::widgets::{
    bilingual_rows, cell, choice_row, delete_button, empty_message, form_ui, list_detail_ui,
    list_header_ui, long_text_row, multiline_row, select_table_ui, text_row, too_long_to_edit,
};
use super::{Cx, ViewState};
use crate::document::Edit;
use crate::model::{Organisation, OrganisationId, fold_for_search};

/// The organisations view.
pub fn organisations_ui(ui: &mut egui::Ui, cx: &mut Cx<'_>, state: &mut ViewState) {
    let t = cx.tr();
    list_detail_ui(
        ui,
        "organisations",
        &mut (cx, state),
        |ui, (cx, state)| {
            if list_header_ui(ui, t, t.add_organisation, &mut state.organisations_search) {
                let id = cx.project.new_organisation_id("organisation");
                cx.edit_step(Edit::PutOrganisation(id.clone(), Organisation::default()));
                state.organisation = Some(id);
            }
            let project = cx.project;
            let zh = cx.zh();
            let language = cx.language;
            let query = fold_for_search(&state.organisations_search);
            let sort = state.organisations_sort;
            let cache_key = format!("{query}\u{0}{}{}", sort.column, sort.descending);
            let rows = state
                .organisations_rows
                .rows(cx.revision, &cache_key, cx.language, || {
                    let mut rows: Vec<_> = project
                        .organisations
                        .iter()
                        .filter(|(_, o)| {
                            query.is_empty()
                                || fold_for_search(&format!(
                                    "{} {} {} {}",
                                    o.acronym, o.name.en, o.name.zh, o.country
                                ))
                                .contains(&query)
                        })
                        .collect();
                    match sort.column {
                        1 => rows.sort_by_cached_key(|(id, o)| {
                            (o.name.get(zh).to_lowercase(), (*id).clone())
                        }),
                        2 => rows.sort_by_cached_key(|(id, o)| {
                            (
                                language.choice(o.sector),
                                o.acronym.to_lowercase(),
                                (*id).clone(),
                            )
                        }),
                        _ => rows.sort_by_cached_key(|(id, o)| {
                            (o.acronym.to_lowercase(), (*id).clone())
                        }),
                    }
                    if sort.descending {
                        rows.reverse();
                    }
                    rows.into_iter().map(|(id, _)| id.clone()).collect()
                });
            if rows.is_empty() {
                let msg = if project.organisations.is_empty() {
                    t.empty_organisations
                } else {
                    t.no_match
                };
                empty_message(ui, msg);
                return;
            }
            // A list with entries shows one of them from the start, so the editor is not
            // empty; a selection made this frame (a new entry, not applied yet) is kept.
            if state.organisation.is_none()
                && state.emptied_by_delete != Some(super::View::Organisations)
            {
                state.organisation = rows.first().cloned();
            }
            let current = state.organisation.clone();
            let selected = |i: usize| rows.get(i).is_some_and(|r| Some(r) == current.as_ref());
            let zh = cx.zh();
            let language = cx.language;
            let [acronym_width, name_width] = style::ORGANISATIONS_COLUMNS;
            let clicked = select_table_ui(
                ui,
                "organisations_table",
                &[
                    (t.col_acronym, acronym_width),
                    (t.name, name_width),
                    (t.col_sector, style::FILL_REST),
                ],
                Some(&mut state.organisations_sort),
                style::ROW_HEIGHT,
                rows.len(),
                selected,
                |i, row| {
                    let Some(org) = rows.get(i).and_then(|id| project.organisations.get(id)) else {
                        return;
                    };
                    cell(row, &org.acronym);
                    cell(row, org.name.get(zh));
                    cell(row, language.choice(org.sector));
                },
            );
            if let Some(id) = clicked.and_then(|i| rows.get(i)) {
                state.organisation = Some(id.clone());
            }
        },
        |ui, (cx, state)| {
            let project = cx.project;
            let selected = state
                .organisation
                .as_ref()
                .and_then(|id| project.organisations.get(id).map(|o| (id.clone(), o)));
            match selected {
                Some((id, org)) => {
                    // A note too long to edit is shown from the project: copying 50 MB
                    // every frame would take longer than the frame.
                    let long_notes = too_long_to_edit(&org.notes);
                    let copy = Organisation {
                        acronym: org.acronym.clone(),
                        name: org.name.clone(),
                        country: org.country.clone(),
                        sector: org.sector,
                        notes: if long_notes.is_some() {
                            String::new()
                        } else {
                            org.notes.clone()
                        },
                        address: org.address.clone(),
                        phone: org.phone.clone(),
                        representative: org.representative.clone(),
                    };
                    organisation_editor_ui(ui, cx, &id, copy, long_notes, state);
                }
                None => empty_message(ui, state.empty_hint(super::View::Organisations, t)),
            }
        },
    );
}

fn organisation_editor_ui(
    ui: &mut egui::Ui,
    cx: &mut Cx<'_>,
    id: &OrganisationId,
    mut org: Organisation,
    long_notes: Option<&str>,
    state: &mut ViewState,
) {
    let t = cx.tr();
    let original = org.clone();
    let heading = if org.name.is_empty() {
        org.acronym.clone()
    } else {
        org.name.get(cx.zh()).to_owned()
    };
    super::widgets::title_bar(ui, &heading, |ui| {
        if delete_button(ui, t) {
            state.delete(
                super::View::Organisations,
                crate::workspace::Deletion::Organisation(id.clone()),
            );
            state.organisation = None;
        }
    });
    ui.add_space(style::space::M);
    form_ui(ui, "organisation_form", |ui| {
        text_row(ui, t.acronym, &mut org.acronym);
        bilingual_rows(ui, t, t.name, &mut org.name);
        text_row(ui, t.country, &mut org.country);
        choice_row(ui, t.sector, cx.language, &mut org.sector);
        bilingual_rows(ui, t, t.letters.address, &mut org.address);
        text_row(ui, t.letters.organisation_phone, &mut org.phone);
        bilingual_rows(ui, t, t.letters.representative, &mut org.representative);
        match long_notes {
            Some(notes) => long_text_row(ui, t, t.notes, notes),
            None => {
                multiline_row(ui, t, t.notes, &mut org.notes);
            }
        }
    });
    // The people of this organisation, for orientation.
    let members: Vec<_> = cx
        .project
        .people
        .values()
        .filter(|p| p.organisation.as_ref() == Some(id))
        .map(|p| p.display_name())
        .collect();
    if !members.is_empty() {
        ui.add_space(style::space::L);
        ui.strong(format!("{} ({})", t.cmd_show_people, members.len()));
        for name in members {
            ui.label(name);
        }
    }
    if org != original && state.organisation.as_ref() == Some(id) {
        if let Some(notes) = long_notes {
            // Left out of the copy, not changed: back in with the edit.
            org.notes = notes.to_owned();
        }
        cx.edit(
            ui,
            &format!("organisation/{id}"),
            Edit::PutOrganisation(id.clone(), org),
        );
    }
}
