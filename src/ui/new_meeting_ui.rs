//! The new-meeting dialog: a meeting starts from its sides. It asks for the date, the
//! host organisations and the visiting ones (found by typing, or new ones added by name);
//! the meeting is made with a side for each.

use super::style::{self, space};
use super::widgets::{ListRow, search_field_ui, search_rows_ui, sorted_organisations};
use crate::model::{OrganisationId, fold_for_search};
use crate::workspace::new_meeting::{NewMeetingForm, OrganisationChoice};
use crate::workspace::{DialogOutcome, Workspace};

/// Shows the dialog; returns the outcome once the user decided.
pub fn new_meeting_dialog_ui(
    ctx: &egui::Context,
    workspace: &Workspace,
    form: &mut NewMeetingForm,
) -> Option<DialogOutcome> {
    let t = workspace.tr();
    let p = &t.protocol;
    let mut outcome = None;
    let modal = egui::Modal::new(egui::Id::unique("new_meeting")).show(ctx, |ui| {
        ui.set_width(style::NEW_MEETING_DIALOG_WIDTH);
        ui.heading(p.new_meeting_title);
        ui.add_space(space::XS);
        ui.label(egui::RichText::new(p.new_meeting_intro).color(style::weak_color(ui)));
        ui.add_space(space::M);
        super::widgets::form_ui(ui, "new_meeting_form", |ui| {
            ui.label(t.date);
            super::widgets::date_edit(ui, workspace.language(), "new_meeting_date", &mut form.date);
            ui.end_row();
        });
        ui.add_space(space::S);
        ui.columns(2, |columns| {
            let [host, visiting] = columns else {
                return;
            };
            let taken: Vec<OrganisationChoice> =
                form.hosts.iter().chain(&form.visitors).cloned().collect();
            organisations_ui(
                host,
                workspace,
                "new_meeting_hosts",
                (p.host_organisations, p.host_organisations_tip),
                &mut form.hosts,
                &mut form.host_query,
                &taken,
            );
            organisations_ui(
                visiting,
                workspace,
                "new_meeting_visitors",
                (p.visiting_organisations, p.visiting_organisations_tip),
                &mut form.visitors,
                &mut form.visitor_query,
                &taken,
            );
        });
        ui.add_space(space::L);
        ui.horizontal(|ui| {
            let ready = form.has_sides();
            let (button, chosen) =
                super::widgets::default_button_response(ui, t, p.create_meeting, None, ready);
            button.on_disabled_hover_text(p.create_needs_sides);
            if chosen {
                outcome = Some(DialogOutcome::CreateMeeting {
                    form: Box::new(form.clone()),
                    sides: true,
                });
            }
            if ui
                .button(p.create_without_sides)
                .on_hover_text(p.create_without_sides_tip)
                .clicked()
            {
                outcome = Some(DialogOutcome::CreateMeeting {
                    form: Box::new(form.clone()),
                    sides: false,
                });
            }
            if ui.button(t.dlg_cancel).clicked() {
                outcome = Some(DialogOutcome::Dismiss);
            }
            if !ready {
                ui.label(
                    egui::RichText::new(p.create_needs_sides)
                        .small()
                        .color(style::weak_color(ui)),
                );
            }
        });
    });
    super::dialogs_ui::dismissed_or(modal.should_close(), outcome)
}

/// One side's organisations: those chosen (each with its remove button), then a search
/// that finds the project's organisations or adds a new one by the name typed.
fn organisations_ui(
    ui: &mut egui::Ui,
    workspace: &Workspace,
    id_salt: &str,
    (heading, tip): (&str, &str),
    chosen: &mut Vec<OrganisationChoice>,
    query: &mut String,
    taken: &[OrganisationChoice],
) {
    let t = workspace.tr();
    let p = &t.protocol;
    let project = workspace.doc.project();
    let zh = workspace.language().prefers_chinese();
    let name_of = |choice: &OrganisationChoice| match choice {
        OrganisationChoice::Known(id) => project.organisation_name(id, zh),
        OrganisationChoice::New(text) => text.clone(),
    };
    ui.strong(heading).on_hover_text(tip);
    let mut remove = None;
    // "None yet" and a chosen organisation with its remove button are one height: the
    // columns stay level and nothing below moves when the first one is chosen.
    let row_height = ui.spacing().interact_size.y;
    if chosen.is_empty() {
        ui.horizontal(|ui| {
            ui.set_min_height(row_height);
            ui.label(egui::RichText::new(p.no_organisation_chosen).color(style::weak_color(ui)));
        });
    }
    for (k, choice) in chosen.iter().enumerate() {
        ui.horizontal(|ui| {
            ui.set_min_height(row_height);
            let name = name_of(choice);
            ui.label(format!("• {name}"));
            if ui
                .small_button("×")
                .on_hover_text(t.remove)
                .accessible_name(p.remove_organisation.replace("{name}", &name))
                .clicked()
            {
                remove = Some(k);
            }
        });
    }
    if let Some(k) = remove
        && k < chosen.len()
    {
        chosen.remove(k);
    }
    let id = ui.make_persistent_id(id_salt);
    let keys = search_field_ui(ui, id, query, p.find_organisation, false);
    let folded = fold_for_search(query);
    let orgs: Vec<(OrganisationId, String)> = sorted_organisations(project, zh)
        .into_iter()
        .filter(|(id, name)| {
            !taken.contains(&OrganisationChoice::Known(id.clone()))
                && (folded.is_empty() || fold_for_search(name).contains(&folded))
        })
        .collect();
    // What is typed and matches no organisation exactly can be added as a new one.
    let typed = query.trim().to_owned();
    let exact = orgs.iter().any(|(id, name)| {
        project.organisations.get(id).is_some_and(|o| {
            fold_for_search(&o.acronym) == folded || fold_for_search(&o.name.en) == folded
        }) || fold_for_search(name) == folded
    });
    let offer_new = !typed.is_empty() && !exact;
    let count = orgs.len() + usize::from(offer_new);
    // The list keeps its height whatever it holds: the dialog does not jump as one types.
    let height = style::NEW_MEETING_LIST_HEIGHT;
    let picked = ui
        .scope(|ui| {
            ui.set_min_height(height);
            search_rows_ui(ui, id, query, keys, height, count, &|i| match orgs.get(i) {
                Some((id, name)) => {
                    ListRow::choice(OrganisationChoice::Known(id.clone()), name.clone())
                }
                None => ListRow::choice(
                    OrganisationChoice::New(typed.clone()),
                    p.add_new_organisation.replace("{name}", &typed),
                ),
            })
        })
        .inner;
    if let Some(choice) = picked {
        if !chosen.contains(&choice) {
            chosen.push(choice);
        }
        query.clear();
    }
}
