//! The filter bar above the commitments: the due view with its counts, the status, party,
//! owner, topic and meeting filters, and the export of what they show.

use crate::export::ExportLanguage;
use crate::export::commitments::CommitmentsFormat;
use crate::model::followup::{self, DueFilter, DueState, Filter};
use crate::model::{Choice as _, CommitmentStatus, MeetingId, OrganisationId, Owner};
use crate::ui::widgets::sorted_organisations;
use crate::ui::{Cx, Request, ViewState, style};

/// The filter bar's counts and choices, computed once per change of the project, the
/// filters or the language (never per frame: at 10,000 commitments and 100,000 people
/// building them takes milliseconds).
#[derive(Debug, Default)]
pub struct FilterBarCache {
    key: Option<(u64, Filter, bool, chrono::NaiveDate)>,
    counts: DueCounts,
    /// Every organisation, sorted for menus (the party filter, the editor's parties and
    /// owners).
    pub(super) orgs: Vec<(OrganisationId, String)>,
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
                        Owner::Person(p) => project.person_screen_name(p, zh),
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
            meetings.sort_by_key(|(id, m)| (m.start_date(), (*id).clone()));
            self.meetings = meetings
                .into_iter()
                .map(|(id, m)| {
                    (
                        id.clone(),
                        format!("{} · {}", m.start_date(), m.title.get(zh)),
                    )
                })
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
pub(super) fn filter_bar_ui(ui: &mut egui::Ui, cx: &Cx<'_>, state: &mut ViewState) {
    let t = cx.tr();
    state.commitment_bar.refresh(cx, &state.commitment_filter);
    let bar = &state.commitment_bar;
    let counts = &bar.counts;
    let filter = &mut state.commitment_filter;
    let request = &mut state.request;
    ui.add_space(style::space::XS);
    ui.horizontal_wrapped(|ui| {
        let overdue = format!("▲ {} ({})", t.due_overdue, counts.overdue);
        let overdue = if counts.overdue > 0 {
            egui::RichText::new(overdue).color(style::overdue_color(ui))
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
            egui::RichText::new(format!(
                "{} {}",
                t.as_of,
                crate::ui::widgets::date_text(cx.language, cx.today)
            ))
            .color(style::weak_color(ui)),
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
    ui.add_space(style::space::XXS);
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
        .width(style::STATUS_FILTER_WIDTH)
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
        .width(style::FILTER_COMBO_WIDTH)
        .height(style::MENU_HEIGHT)
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
