//! Commitments: a filter bar with the due view (overdue, due within 30 or 90 days), the
//! cooperation points of the project with their sub-points, and the editor of one
//! commitment with its owners, preconditions and progress log.

use super::widgets::{
    bilingual_multiline_rows, bilingual_rows, cell, choice_combo, choice_row, delete_button,
    empty_message, form_ui, list_detail_ui, list_header_ui, optional_date_edit, select_table_ui,
    sorted_organisations, text_row,
};
use super::{Cx, Request, ViewState};
use crate::document::Edit;
use crate::export::ExportLanguage;
use crate::export::commitments::CommitmentsFormat;
use crate::model::followup::{self, DueFilter, DueState, Filter};
use crate::model::{
    Bilingual, Choice as _, Commitment, CommitmentId, CommitmentStatus, MeetingId, OrganisationId,
    Owner, Precondition, ProgressEntry, fold_for_search,
};

/// The commitments view.
pub fn commitments_ui(ui: &mut egui::Ui, cx: &mut Cx<'_>, state: &mut ViewState) {
    let t = cx.tr();
    filter_bar_ui(ui, cx, state);
    ui.separator();
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
            list_ui(ui, cx, state);
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

/// Shows commitment `id` in this view (from the overview or a meeting); the filters are
/// cleared when they would hide it, so it is where the user looks for it.
pub fn show_commitment(cx: &Cx<'_>, state: &mut ViewState, id: &CommitmentId) {
    state.view = super::View::Commitments;
    state.commitment = Some(id.clone());
    let hidden = cx
        .project
        .commitments
        .get(id)
        .is_some_and(|c| !state.commitment_filter.matches(cx.project, c, cx.today));
    if hidden {
        state.commitment_filter = Filter::default();
    }
    state.commitments_search.clear();
}

/// The filter bar's counts and choices, computed once per change of the project, the
/// filters or the language (never per frame: at 10,000 commitments and 100,000 people
/// building them takes milliseconds).
#[derive(Debug, Default)]
pub struct FilterBarCache {
    key: Option<(u64, Filter, bool, chrono::NaiveDate)>,
    counts: DueCounts,
    orgs: Vec<(OrganisationId, String)>,
    owners: Vec<(Owner, String)>,
    topics: Vec<(String, String)>,
    meetings: Vec<(MeetingId, String)>,
}

impl FilterBarCache {
    fn refresh(&mut self, cx: &Cx<'_>, filter: &Filter) {
        let zh = cx.zh();
        let key = (cx.revision, filter.clone(), zh, cx.today);
        if self.key.as_ref() == Some(&key) {
            return;
        }
        let choices_fresh = self
            .key
            .as_ref()
            .is_some_and(|(rev, _, z, _)| *rev == cx.revision && *z == zh);
        self.counts = due_counts(cx, filter);
        if !choices_fresh {
            let project = cx.project;
            self.orgs = sorted_organisations(project, zh);
            // Only owners that own something can narrow the list: the people and
            // organisations named as owners, not the whole registry.
            let mut owners: Vec<Owner> = project
                .commitments
                .values()
                .flat_map(|c| c.owners.iter().cloned())
                .collect();
            owners.sort();
            owners.dedup();
            let mut owners: Vec<(Owner, String)> = owners
                .into_iter()
                .map(|o| {
                    let name = match &o {
                        Owner::Person(p) => project.person_name(p),
                        Owner::Organisation(org) => project.organisation_name(org, zh),
                    };
                    (o, name)
                })
                .collect();
            owners.sort_by_cached_key(|(o, name)| {
                (matches!(o, Owner::Organisation(_)), name.to_lowercase())
            });
            self.owners = owners;
            self.topics = followup::topics(project)
                .into_iter()
                .map(|topic| (topic.clone(), topic))
                .collect();
            let mut meetings: Vec<_> = project.meetings.iter().collect();
            meetings.sort_by_key(|(id, m)| (m.date, (*id).clone()));
            self.meetings = meetings
                .into_iter()
                .map(|(id, m)| (id.clone(), format!("{} · {}", m.date, m.title.get(zh))))
                .collect();
        }
        self.key = Some(key);
    }
}

/// How many commitments (passing the other filters) fall in each due group.
#[derive(Debug, Default)]
struct DueCounts {
    all: usize,
    overdue: usize,
    soon: usize,
    quarter: usize,
    no_date: usize,
}

fn due_counts(cx: &Cx<'_>, filter: &Filter) -> DueCounts {
    let base = Filter {
        due: DueFilter::Any,
        ..filter.clone()
    };
    let mut counts = DueCounts::default();
    for c in cx.project.commitments.values() {
        if !base.matches(cx.project, c, cx.today) {
            continue;
        }
        counts.all += 1;
        match followup::due_state(c, cx.today, followup::LATER_DAYS) {
            DueState::Overdue { .. } => counts.overdue += 1,
            DueState::DueSoon { days } => {
                counts.quarter += 1;
                if days <= u64::from(followup::SOON_DAYS) {
                    counts.soon += 1;
                }
            }
            DueState::NoDate => counts.no_date += 1,
            DueState::Later | DueState::Closed => {}
        }
    }
    counts
}

/// The due view and the filters above the list and editor.
fn filter_bar_ui(ui: &mut egui::Ui, cx: &Cx<'_>, state: &mut ViewState) {
    let t = cx.tr();
    state.commitment_bar.refresh(cx, &state.commitment_filter);
    let bar = &state.commitment_bar;
    let counts = &bar.counts;
    let filter = &mut state.commitment_filter;
    let request = &mut state.request;
    ui.add_space(4.0);
    ui.horizontal_wrapped(|ui| {
        let overdue = format!("▲ {} ({})", t.due_overdue, counts.overdue);
        let overdue = if counts.overdue > 0 {
            egui::RichText::new(overdue).color(super::style::overdue_color(ui))
        } else {
            egui::RichText::new(overdue)
        };
        for (value, text) in [
            (
                DueFilter::Any,
                egui::RichText::new(format!("{} ({})", t.due_all, counts.all)),
            ),
            (DueFilter::Overdue, overdue),
            (
                DueFilter::Within(followup::SOON_DAYS),
                egui::RichText::new(format!("{} ({})", t.due_within_30, counts.soon)),
            ),
            (
                DueFilter::Within(followup::LATER_DAYS),
                egui::RichText::new(format!("{} ({})", t.due_within_90, counts.quarter)),
            ),
            (
                DueFilter::NoDate,
                egui::RichText::new(format!("{} ({})", t.due_no_date, counts.no_date)),
            ),
        ] {
            ui.selectable_value(&mut filter.due, value, text);
        }
        ui.label(
            egui::RichText::new(format!("{} {}", t.as_of, cx.today))
                .color(super::style::weak_color(ui)),
        )
        .on_hover_text(t.as_of_tip);
    });
    ui.horizontal_wrapped(|ui| {
        ui.label(t.filter);
        status_filter_ui(ui, cx, &mut filter.statuses);
        option_filter_ui(
            ui,
            "filter_party",
            t.filter_party,
            t.all_parties,
            &mut filter.party,
            &bar.orgs,
        );
        option_filter_ui(
            ui,
            "filter_owner",
            t.filter_owner,
            t.all_owners,
            &mut filter.owner,
            &bar.owners,
        );
        option_filter_ui(
            ui,
            "filter_topic",
            t.filter_topic,
            t.all_topics,
            &mut filter.topic,
            &bar.topics,
        );
        option_filter_ui(
            ui,
            "filter_meeting",
            t.filter_meeting,
            t.all_meetings,
            &mut filter.meeting,
            &bar.meetings,
        );
        if ui
            .add_enabled(!filter.is_empty(), egui::Button::new(t.clear_filters))
            .clicked()
        {
            *filter = Filter::default();
        }
        export_menu_ui(ui, cx, filter, request);
    });
    ui.add_space(2.0);
}

/// The status filter: all, open, or one status.
fn status_filter_ui(
    ui: &mut egui::Ui,
    cx: &Cx<'_>,
    statuses: &mut std::collections::BTreeSet<CommitmentStatus>,
) {
    let t = cx.tr();
    let open = followup::open_statuses();
    let selected = if statuses.is_empty() {
        t.all_statuses.to_owned()
    } else if *statuses == open {
        t.open_statuses.to_owned()
    } else {
        statuses
            .iter()
            .map(|s| cx.language.choice(*s))
            .collect::<Vec<_>>()
            .join(", ")
    };
    egui::ComboBox::from_id_salt("filter_status")
        .selected_text(selected)
        .width(130.0)
        .show_ui(ui, |ui| {
            if ui
                .selectable_label(statuses.is_empty(), t.all_statuses)
                .clicked()
            {
                statuses.clear();
            }
            if ui
                .selectable_label(*statuses == open, t.open_statuses)
                .clicked()
            {
                statuses.clone_from(&open);
            }
            ui.separator();
            for &status in CommitmentStatus::ALL {
                let only = statuses.len() == 1 && statuses.contains(&status);
                if ui
                    .selectable_label(only, cx.language.choice(status))
                    .clicked()
                {
                    *statuses = [status].into();
                }
            }
        })
        .response
        .accessible_name(t.filter_status);
}

/// A filter choosing one of `options` or, with `all_text`, none.
fn option_filter_ui<T: Clone + PartialEq>(
    ui: &mut egui::Ui,
    id_salt: &str,
    name: &str,
    all_text: &str,
    value: &mut Option<T>,
    options: &[(T, String)],
) {
    let selected = value
        .as_ref()
        .and_then(|v| options.iter().find(|(o, _)| o == v))
        .map_or(all_text, |(_, text)| text.as_str());
    egui::ComboBox::from_id_salt(id_salt)
        .selected_text(selected)
        .width(150.0)
        .height(360.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(value, None, all_text);
            for (option, text) in options {
                ui.selectable_value(value, Some(option.clone()), text);
            }
        })
        .response
        .accessible_name(name);
}

/// The export menu: what the filters show, in a format and language.
fn export_menu_ui(
    ui: &mut egui::Ui,
    cx: &Cx<'_>,
    filter: &crate::model::followup::Filter,
    request: &mut Option<Request>,
) {
    let t = cx.tr();
    ui.menu_button(t.export_commitments, |ui| {
        for format in CommitmentsFormat::ALL {
            let label = match format {
                CommitmentsFormat::Pdf => t.format_pdf,
                CommitmentsFormat::Html => t.format_html,
                CommitmentsFormat::Md => t.format_md,
                CommitmentsFormat::Csv => t.format_csv,
            };
            ui.menu_button(label, |ui| {
                for (language, label) in [
                    (ExportLanguage::Both, t.lang_both),
                    (ExportLanguage::En, t.english),
                    (ExportLanguage::Zh, t.chinese),
                ] {
                    if ui.button(label).clicked() {
                        *request = Some(Request::ExportCommitments {
                            format,
                            language,
                            filter: Box::new(filter.clone()),
                        });
                        ui.close();
                    }
                }
            });
        }
    })
    .response
    .on_hover_text(t.export_commitments_tip);
}

/// The due date of a list row, coloured when overdue or due within 30 days.
fn due_text(ui: &egui::Ui, c: &Commitment, today: chrono::NaiveDate) -> egui::RichText {
    let text = c.due.map(|d| d.to_string()).unwrap_or_default();
    match followup::due_state(c, today, followup::SOON_DAYS) {
        DueState::Overdue { .. } => {
            egui::RichText::new(format!("▲ {text}")).color(super::style::overdue_color(ui))
        }
        DueState::DueSoon { .. } => {
            egui::RichText::new(text).color(super::style::warning_color(ui))
        }
        DueState::Later | DueState::NoDate => egui::RichText::new(text),
        DueState::Closed => egui::RichText::new(text).color(super::style::weak_color(ui)),
    }
}

/// The list of commitments passing the search and the filters, sub-points under points.
fn list_ui(ui: &mut egui::Ui, cx: &Cx<'_>, state: &mut ViewState) {
    let t = cx.tr();
    let project = cx.project;
    let today = cx.today;
    let query = fold_for_search(&state.commitments_search);
    let filter = &state.commitment_filter;
    // The cache is keyed on a string: the search plus everything else the rows depend on.
    let key = format!("{query}\u{1f}{filter:?}\u{1f}{today}");
    let rows = state
        .commitments_rows
        .rows(cx.revision, &key, cx.language, || {
            followup::kept_in_tree_order(project, |_, c| {
                filter.matches(project, c, today)
                    && (query.is_empty()
                        || fold_for_search(&format!(
                            "{} {} {} {} {}",
                            c.title.en,
                            c.title.zh,
                            c.topics.join(" "),
                            c.description.en,
                            c.description.zh
                        ))
                        .contains(&query))
            })
        });
    // When the search or a filter changes and hides the selected entry, the first one
    // shown is selected instead, so the editor matches the list. Otherwise a selection is
    // kept even when absent (a new entry not applied yet, one whose status just changed).
    let memory = egui::Id::unique("commitments_list_key");
    let key_changed = ui.data(|d| d.get_temp::<String>(memory)).as_ref() != Some(&key);
    if key_changed {
        ui.data_mut(|d| d.insert_temp(memory, key.clone()));
    }
    if rows.is_empty() {
        let msg = if project.commitments.is_empty() {
            t.empty_commitments
        } else if filter.is_empty() {
            t.no_match
        } else {
            t.no_match_filters
        };
        if key_changed {
            state.commitment = None;
        }
        empty_message(ui, msg);
        return;
    }
    // Looked for only when the rows changed: a scan of 10,000 rows is not per-frame work.
    let hidden = key_changed
        && state
            .commitment
            .as_ref()
            .is_some_and(|s| !rows.iter().any(|(r, _)| r == s));
    if state.commitment.is_none() || (key_changed && hidden) {
        state.commitment = rows.first().map(|(id, _)| id.clone());
    }
    let current = state.commitment.clone();
    let selected = |i: usize| {
        rows.get(i)
            .is_some_and(|(r, _)| Some(r) == current.as_ref())
    };
    let zh = cx.zh();
    let language = cx.language;
    let clicked = select_table_ui(
        ui,
        "commitments_table",
        &[
            (t.commitment_title, 118.0),
            (t.col_status, 66.0),
            (t.col_due, 0.0),
        ],
        None,
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
            let text = due_text(row.ui(), c, today);
            row.text(text);
        },
    );
    if let Some((id, _)) = clicked.and_then(|i| rows.get(i)) {
        state.commitment = Some(id.clone());
    }
}

/// `▲ Overdue by 3 days`, `Due in 12 days`, in the interface language; empty otherwise.
pub fn due_note(t: &crate::i18n::Strings, state: DueState) -> String {
    match state {
        DueState::Overdue { days } => {
            format!("▲ {}", t.overdue_by_days.replace("{n}", &days.to_string()))
        }
        DueState::DueSoon { days: 0 } => t.due_today.to_owned(),
        DueState::DueSoon { days } => t.due_in_days.replace("{n}", &days.to_string()),
        DueState::Later | DueState::NoDate | DueState::Closed => String::new(),
    }
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
    let today = cx.today;
    let original = c.clone();
    let project = cx.project;
    ui.horizontal(|ui| {
        ui.heading(c.title.get(zh));
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if delete_button(ui, t) {
                cx.edit_step(Edit::delete_commitment(project, id));
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
    });
    ui.label(
        egui::RichText::new(format!("id: {id}"))
            .small()
            .color(super::style::weak_color(ui)),
    );
    ui.add_space(8.0);
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
        ui.horizontal(|ui| {
            optional_date_edit(ui, "commitment_due", t.has_due, &mut c.due, today);
            let note = due_note(t, followup::due_state(&c, today, followup::LATER_DAYS));
            if !note.is_empty() {
                let colour = if note.starts_with('▲') {
                    super::style::overdue_color(ui)
                } else {
                    super::style::weak_color(ui)
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
                .width(160.0)
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

    // A status chosen in the form is logged in the progress, dated today, so the history
    // of a point shows when it moved.
    if c.status != original.status {
        let status = c.status;
        c.status = original.status;
        c = followup::with_status_change(&c, status, today, None);
    }
    if c != original && state.commitment.as_ref() == Some(id) {
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
                            cx.document,
                            &name,
                            &format!("{} {}", t.owners, k + 1),
                            t.search_people,
                            &|_| None,
                        ) {
                            *owner = Owner::Person(chosen);
                        }
                    }
                    Owner::Organisation(org) => {
                        egui::ComboBox::from_id_salt(format!("owner_{k}"))
                            .selected_text(project.organisation_name(org, zh))
                            .width(280.0)
                            .show_ui(ui, |ui| {
                                for (oid, name) in orgs {
                                    ui.selectable_value(org, oid.clone(), name);
                                }
                            })
                            .response
                            .labelled_by(owners_label);
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
        ui.horizontal(|ui| {
            if let Some(first) = project.people.keys().next()
                && ui
                    .button(format!("+ {}", t.add_owner))
                    .on_hover_text(t.owner_person)
                    .clicked()
            {
                c.owners.push(Owner::Person(first.clone()));
            }
            if let Some((first, _)) = orgs.first()
                && ui
                    .button(format!("+ {}", t.owner_organisation))
                    .on_hover_text(t.add_owner)
                    .clicked()
            {
                c.owners.push(Owner::Organisation(first.clone()));
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
                                .desired_width(220.0),
                        )
                        .labelled_by(l.id);
                        ui.add(
                            egui::TextEdit::singleline(&mut text.zh)
                                .hint_text(t.chinese)
                                .desired_width(220.0),
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
    if c.progress.is_empty() {
        ui.label(egui::RichText::new(t.empty_progress).color(super::style::weak_color(ui)));
    }
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
