//! Pickers of project entities: organisations and people, sorted, found by typing.

use egui::Ui;

use super::search_list::{ListRow, Opener, search_popup};
use crate::i18n::Strings;
use crate::model::{OrganisationId, PersonId, Project, fold_for_search};

/// Organisations sorted by acronym, then name, for pickers.
pub fn sorted_organisations(project: &Project, zh: bool) -> Vec<(OrganisationId, String)> {
    let mut orgs: Vec<_> = project
        .organisations
        .iter()
        .map(|(id, o)| {
            let name = if o.acronym.trim().is_empty() {
                o.name.get(zh).to_owned()
            } else {
                format!("{} · {}", o.acronym, o.name.get(zh))
            };
            (id.clone(), name)
        })
        .collect();
    orgs.sort_by_key(|(_, name)| name.to_lowercase());
    orgs
}

/// A search picker choosing an organisation or none, named by `label`: type to find,
/// arrows and Enter choose, Escape closes.
pub fn organisation_combo(
    ui: &mut Ui,
    id_salt: &str,
    project: &Project,
    t: &Strings,
    zh: bool,
    value: &mut Option<OrganisationId>,
    label: egui::Id,
) -> bool {
    let selected = value
        .as_ref()
        .map(|id| project.organisation_name(id, zh))
        .unwrap_or_else(|| t.none_choice.to_owned());
    let current = value.clone();
    let (response, chosen) = search_popup(
        ui,
        id_salt,
        Opener::Value(&selected, crate::ui::style::COMBO_WIDTH),
        t.protocol.search_organisations,
        &|query| {
            let query = fold_for_search(query);
            let mut rows = Vec::new();
            if query.is_empty() {
                let mut none = ListRow::choice(None, t.none_choice);
                none.selected = current.is_none();
                rows.push(none);
            }
            for (id, name) in sorted_organisations(project, zh) {
                if query.is_empty() || fold_for_search(&name).contains(&query) {
                    let selected = current.as_ref() == Some(&id);
                    let mut row = ListRow::choice(Some(id), name);
                    row.selected = selected;
                    rows.push(row);
                }
            }
            rows
        },
    );
    response.labelled_by(label);
    match chosen {
        Some(choice) if choice != *value => {
            *value = choice;
            true
        }
        _ => false,
    }
}

/// People sorted by family name, for pickers.
pub fn sorted_people(project: &Project) -> Vec<(PersonId, String)> {
    let mut people: Vec<_> = project.people.iter().collect();
    people.sort_by_cached_key(|(id, p)| (p.sort_key(), (*id).clone()));
    people
        .into_iter()
        .map(|(id, p)| (id.clone(), p.display_name()))
        .collect()
}

/// A search picker choosing a person among `choices`, named by `label`: type to find,
/// arrows and Enter choose, Escape closes.
pub fn person_combo(
    ui: &mut Ui,
    id_salt: &str,
    project: &Project,
    choices: &[(PersonId, String)],
    value: &mut PersonId,
    label: egui::Id,
) -> bool {
    let current = value.clone();
    let (response, chosen) = search_popup(
        ui,
        id_salt,
        Opener::Value(
            &project.person_name(value),
            crate::ui::style::PERSON_COMBO_WIDTH,
        ),
        "",
        &|query| {
            let query = fold_for_search(query);
            choices
                .iter()
                .filter(|(_, name)| query.is_empty() || fold_for_search(name).contains(&query))
                .map(|(id, name)| {
                    let mut row = ListRow::choice(id.clone(), name.clone());
                    row.selected = *id == current;
                    row
                })
                .collect()
        },
    );
    response.labelled_by(label);
    match chosen {
        Some(choice) if choice != *value => {
            *value = choice;
            true
        }
        _ => false,
    }
}
