//! People: a searchable list sorted by family name, and the editor of one person.

use super::people_list::ListStatus;
use super::style;
use super::widgets::{
    bilingual_rows, cell, choice_row, delete_button, empty_message, form_ui, list_building_ui,
    list_detail_ui, list_header_ui, long_text_row, multiline_row, organisation_combo,
    select_table_ui, text_row, thousands, too_long_to_edit,
};
use super::{Cx, ViewState};
use crate::document::Edit;
use crate::model::{Person, PersonId};

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
            ui.horizontal(|ui| {
                if ui
                    .button(t.import_list)
                    .on_hover_text(t.import_list_tip)
                    .clicked()
                {
                    state.request = Some(super::Request::ImportAttendees(None));
                }
                super::attendance_ui::export_menu_ui(ui, cx, None, state);
            });
            ui.add_space(style::space::XS);
            let project = cx.project;
            let zh = cx.zh();
            // A large list is sorted on a background job the first time: the window
            // keeps drawing and says what it does meanwhile.
            let status = state.people_rows.sync_in_background(
                cx.document,
                zh,
                state.people_sort,
                &state.people_search,
            );
            if let ListStatus::Building { people, fraction } = status {
                let text = t.sorting_people.replace("{n}", &thousands(people));
                list_building_ui(ui, &text, fraction);
                return;
            }
            let rows = &state.people_rows;
            if !state.people_search.trim().is_empty() && !rows.is_empty() {
                ui.label(
                    egui::RichText::new(t.n_found.replace("{n}", &rows.len().to_string()))
                        .small()
                        .color(style::weak_color(ui)),
                );
            }
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
            if state.person.is_none() && state.emptied_by_delete != Some(super::View::People) {
                state.person = rows.get(0).cloned();
            }
            let current = state.person.clone();
            let selected = |i: usize| rows.get(i).is_some_and(|r| Some(r) == current.as_ref());
            let [name_width, org_width] = style::PEOPLE_COLUMNS;
            let clicked = select_table_ui(
                ui,
                "people_table",
                &[
                    (t.col_name, name_width),
                    (t.col_organisation, org_width),
                    (t.col_title, style::FILL_REST),
                ],
                Some(&mut state.people_sort),
                style::ROW_HEIGHT,
                rows.len(),
                selected,
                |i, row| {
                    let Some(person) = rows.get(i).and_then(|id| project.people.get(id)) else {
                        return;
                    };
                    cell(row, person.screen_name(zh));
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
            let project = cx.project;
            let selected = state
                .person
                .as_ref()
                .and_then(|id| project.people.get(id).map(|p| (id.clone(), p)));
            match selected {
                Some((id, person)) => {
                    // A note too long to edit is shown from the project: copying 50 MB
                    // every frame would take longer than the frame.
                    let long_notes = too_long_to_edit(&person.notes);
                    let copy = Person {
                        honorific: person.honorific,
                        family_name: person.family_name.clone(),
                        given_name: person.given_name.clone(),
                        chinese_name: person.chinese_name.clone(),
                        name_order: person.name_order,
                        organisation: person.organisation.clone(),
                        title: person.title.clone(),
                        email: person.email.clone(),
                        phone: person.phone.clone(),
                        rank: person.rank,
                        transliterated: person.transliterated,
                        name_order_chosen: person.name_order_chosen,
                        notes: if long_notes.is_some() {
                            String::new()
                        } else {
                            person.notes.clone()
                        },
                        personal: person.personal.clone(),
                    };
                    person_editor_ui(ui, cx, &id, copy, long_notes, state);
                }
                None => empty_message(ui, state.empty_hint(super::View::People, t)),
            }
        },
    );
}

fn person_editor_ui(
    ui: &mut egui::Ui,
    cx: &mut Cx<'_>,
    id: &PersonId,
    mut person: Person,
    long_notes: Option<&str>,
    state: &mut ViewState,
) {
    let t = cx.tr();
    let original = person.clone();
    super::widgets::title_bar(ui, &addressed_name(&person, cx.language), |ui| {
        if delete_button(ui, t) {
            state.delete(
                super::View::People,
                crate::workspace::Deletion::Person(id.clone()),
            );
            state.person = None;
        }
    });
    ui.add_space(style::space::M);
    form_ui(ui, "person_form", |ui| {
        choice_row(ui, t.honorific, cx.language, &mut person.honorific);
        text_row(ui, t.family_name, &mut person.family_name);
        text_row(ui, t.given_name, &mut person.given_name);
        text_row(ui, t.chinese_name, &mut person.chinese_name);
        ui.label("");
        ui.checkbox(&mut person.transliterated, t.protocol.transliterated)
            .on_hover_text(t.protocol.transliterated_tip);
        ui.end_row();
        choice_row(ui, t.name_order, cx.language, &mut person.name_order);
        ui.label(t.shown_as);
        ui.label(egui::RichText::new(addressed_name(&person, cx.language)).strong());
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
        let l = ui.label(t.protocol.rank).on_hover_text(t.protocol.rank_tip);
        let mut rank = person.rank.unwrap_or(0);
        if ui
            .add(
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
            .on_hover_text(t.protocol.rank_tip)
            .labelled_by(l.id)
            .changed()
        {
            person.rank = (rank > 0).then_some(rank);
        }
        ui.end_row();
        text_row(ui, t.email, &mut person.email);
        text_row(ui, t.phone, &mut person.phone);
        match long_notes {
            Some(notes) => long_text_row(ui, t, t.notes, notes),
            None => {
                multiline_row(ui, t, t.notes, &mut person.notes);
            }
        }
        super::personal_ui::personal_rows(
            ui,
            cx.project,
            cx.language,
            &format!("person/{id}"),
            &mut person,
        );
    });
    duplicates_ui(ui, cx, id, state);
    // An order chosen here is the user's: no Chinese name changes it later. Otherwise a
    // Chinese name typed for someone who had none suggests family name first (`LI Na
    // 李娜`), and a transliterated one (`安娜·施密特`, or ticked) given name first.
    if person.name_order == original.name_order {
        person.follow_chinese_name(&original);
    } else {
        person.name_order_chosen = true;
    }
    if person != original && state.person.as_ref() == Some(id) {
        if let Some(notes) = long_notes {
            // Left out of the copy, not changed: back in with the edit.
            person.notes = notes.to_owned();
        }
        cx.edit(
            ui,
            &format!("person/{id}"),
            Edit::PutPerson(id.clone(), person),
        );
    }
}

/// Other entries with the same name (same person typed twice), each with a merge button.
fn duplicates_ui(ui: &mut egui::Ui, cx: &mut Cx<'_>, id: &PersonId, state: &mut ViewState) {
    let t = cx.tr();
    if state.people_rows.is_pending() {
        // The names are compared on the list's keys, which are being built.
        return;
    }
    // Comparing with every person is done once per change of the project, not per frame,
    // on the name keys the people list already holds.
    let fresh = state
        .duplicates
        .as_ref()
        .is_some_and(|(revision, pid, _)| *revision == cx.revision && pid == id);
    if !fresh {
        let found = state.people_rows.same_name(id);
        state.duplicates = Some((cx.revision, id.clone(), found));
    }
    let Some((_, _, found)) = &state.duplicates else {
        return;
    };
    // A common name can be shared by hundreds in a registry: the first few are offered,
    // the rest counted (the people search finds them all).
    for other in found.iter().take(SHOWN_DUPLICATES) {
        let Some(p) = cx.project.people.get(other) else {
            continue;
        };
        let org = p
            .organisation
            .as_ref()
            .map(|o| cx.project.organisation_name(o, cx.zh()))
            .unwrap_or_default();
        ui.add_space(style::space::M);
        ui.horizontal(|ui| {
            ui.colored_label(
                style::warning_color(ui),
                format!(
                    "▲ {}: {} {org}",
                    t.possible_duplicate,
                    addressed_name(p, cx.language)
                ),
            );
            if ui
                .button(t.merge_into_this)
                .on_hover_text(t.merge_tip)
                .clicked()
            {
                cx.edit_step(Edit::merge_people(cx.project, id, other));
            }
        });
    }
    if found.len() > SHOWN_DUPLICATES {
        ui.label(
            egui::RichText::new(
                t.and_more
                    .replace("{n}", &(found.len() - SHOWN_DUPLICATES).to_string()),
            )
            .color(style::warning_color(ui)),
        );
    }
}

/// How many possible duplicates the editor lists.
const SHOWN_DUPLICATES: usize = 5;

/// The name with its honorific as the interface addresses the person: `Mr. HUANG Jixian
/// 黄继先` in English; in Chinese the honorific follows the name, `HUANG Jixian 黄继先先生`.
pub fn addressed_name(person: &Person, language: crate::i18n::Language) -> String {
    if !language.prefers_chinese() || person.honorific == crate::model::Honorific::None {
        return person.formal_name();
    }
    let name = person.display_name();
    let honorific = language.choice(person.honorific);
    // Straight after a Chinese name (黄继先先生), after a space following a Latin one.
    let joined = name.chars().last().is_some_and(|c| c > '\u{2E7F}');
    if name.is_empty() {
        honorific.to_owned()
    } else if joined {
        format!("{name}{honorific}")
    } else {
        format!("{name} {honorific}")
    }
}
