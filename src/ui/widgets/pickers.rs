//! Pickers of project entities: organisations and people, sorted for menus.

use egui::{ComboBox, Ui};

use crate::i18n::Strings;
use crate::model::{OrganisationId, PersonId, Project};

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

/// A combo box choosing an organisation or none, named by `label`.
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
    let mut changed = false;
    ComboBox::from_id_salt(id_salt)
        .selected_text(selected)
        .width(crate::ui::style::COMBO_WIDTH)
        .show_ui(ui, |ui| {
            changed |= ui.selectable_value(value, None, t.none_choice).changed();
            for (id, name) in sorted_organisations(project, zh) {
                changed |= ui.selectable_value(value, Some(id), name).changed();
            }
        })
        .response
        .labelled_by(label);
    changed
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

/// A combo box choosing a person among `choices`, named by `label`.
pub fn person_combo(
    ui: &mut Ui,
    id_salt: &str,
    project: &Project,
    choices: &[(PersonId, String)],
    value: &mut PersonId,
    label: egui::Id,
) -> bool {
    let mut changed = false;
    ComboBox::from_id_salt(id_salt)
        .selected_text(project.person_name(value))
        .width(crate::ui::style::PERSON_COMBO_WIDTH)
        .show_ui(ui, |ui| {
            for (id, name) in choices {
                changed |= ui.selectable_value(value, id.clone(), name).changed();
            }
        })
        .response
        .labelled_by(label);
    changed
}
