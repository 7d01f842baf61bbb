//! The overview of a project: upcoming meetings, overdue and due-soon commitments, and a
//! chart of the commitments by status. Each entry opens its meeting or commitment.

use super::style;
use super::{Cx, View, ViewState};
use crate::model::CommitmentStatus;
use crate::model::followup::{self, DueState};

/// The overview sections, below the project's title and description.
pub fn overview_ui(ui: &mut egui::Ui, cx: &Cx<'_>, state: &mut ViewState) {
    let t = cx.tr();
    ui.horizontal_wrapped(|ui| {
        ui.heading(t.overview);
        ui.label(
            egui::RichText::new(format!(
                "{} {}",
                t.as_of,
                super::widgets::date_text(cx.language, cx.today)
            ))
            .color(style::weak_color(ui)),
        )
        .on_hover_text(t.as_of_tip);
    });
    ui.add_space(style::space::S);
    ui.columns(2, |columns| {
        if let [left, right] = columns {
            // Plain top-down columns: a justified layout would stretch wrapped text.
            left.vertical(|ui| {
                ui.strong(t.upcoming_meetings);
                upcoming_meetings_ui(ui, cx, state);
                ui.add_space(style::space::L);
                ui.strong(t.commitments_by_status);
                status_chart_ui(ui, cx, state);
            });
            right.vertical(|ui| {
                // Long titles end in … rather than run past the window.
                ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
                due_commitments_ui(ui, cx, state);
            });
        }
    });
}

fn upcoming_meetings_ui(ui: &mut egui::Ui, cx: &Cx<'_>, state: &mut ViewState) {
    let t = cx.tr();
    let zh = cx.zh();
    let upcoming = followup::upcoming_meetings(cx.project, cx.today);
    if upcoming.is_empty() {
        ui.label(egui::RichText::new(t.no_upcoming_meetings).color(style::weak_color(ui)));
        return;
    }
    for id in upcoming.iter().take(8) {
        let Some(m) = cx.project.meetings.get(id) else {
            continue;
        };
        let days = (m.start_date() - cx.today).num_days();
        let when = match days {
            0 => t.today.to_owned(),
            d => t.in_days.replace("{n}", &d.to_string()),
        };
        ui.horizontal(|ui| {
            ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
            ui.label(m.dates_text());
            ui.label(egui::RichText::new(when).color(style::weak_color(ui)));
            if ui
                .link(m.title.get(zh))
                .on_hover_text(t.open_meeting_tip)
                .clicked()
            {
                state.view = View::Meetings;
                state.meeting = Some(id.clone());
                state.agenda_item = None;
            }
        });
    }
    if upcoming.len() > 8 {
        ui.label(
            egui::RichText::new(t.and_more.replace("{n}", &(upcoming.len() - 8).to_string()))
                .color(style::weak_color(ui)),
        );
    }
}

/// How many entries each list of the overview shows.
const OVERVIEW_ROWS: usize = 10;

/// Overdue commitments, then those due within 30 days, then within 90.
fn due_commitments_ui(ui: &mut egui::Ui, cx: &Cx<'_>, state: &mut ViewState) {
    let t = cx.tr();
    let zh = cx.zh();
    let cache = overview_cache(cx, state);
    let groups = [
        (0, t.overdue_commitments, t.nothing_overdue),
        (1, t.due_within_30, t.nothing_due_30),
        (2, t.due_within_31_90, t.nothing_due_90),
    ];
    for (group, heading, empty) in groups {
        let rows = cache
            .groups
            .get(group)
            .map(Vec::as_slice)
            .unwrap_or_default();
        ui.strong(format!("{heading} ({})", rows.len()));
        if rows.is_empty() {
            ui.label(egui::RichText::new(empty).color(style::weak_color(ui)));
        }
        let total = rows.len();
        // An overview, not the list: the first few, then a link to all of them.
        for (id, due) in rows.iter().take(OVERVIEW_ROWS) {
            let Some(c) = cx.project.commitments.get(id) else {
                continue;
            };
            ui.horizontal(|ui| {
                let note = super::commitments_ui::due_note(t, *due);
                let colour = if matches!(due, DueState::Overdue { .. }) {
                    style::overdue_color(ui)
                } else {
                    style::warning_color(ui)
                };
                ui.colored_label(colour, note);
                if ui
                    .link(c.title.get(zh))
                    .on_hover_text(t.open_commitment_tip)
                    .clicked()
                {
                    super::commitments_ui::show_commitment(cx, state, id);
                }
            });
        }
        if total > OVERVIEW_ROWS {
            let more = t
                .and_more
                .replace("{n}", &(total - OVERVIEW_ROWS).to_string());
            if ui.link(more).on_hover_text(t.show_all_tip).clicked() {
                state.view = View::Commitments;
                state.commitments_search.clear();
                state.commitment_filter = followup::Filter {
                    due: match group {
                        0 => followup::DueFilter::Overdue,
                        1 => followup::DueFilter::Within(followup::SOON_DAYS),
                        _ => followup::DueFilter::Within(followup::LATER_DAYS),
                    },
                    ..Default::default()
                };
            }
        }
        ui.add_space(style::space::L);
    }
    state.overview = Some(cache);
}

/// What the overview shows, classified once per change of the project or the day.
#[derive(Debug)]
pub struct OverviewCache {
    key: (u64, chrono::NaiveDate),
    /// Overdue, due within 30 days, due within 31–90 days.
    groups: [Vec<(crate::model::CommitmentId, DueState)>; 3],
    /// Commitments per status.
    status_counts: Vec<(CommitmentStatus, usize)>,
}

/// The overview's data for this frame, taken out of `state` (the caller puts it back).
fn overview_cache(cx: &Cx<'_>, state: &mut ViewState) -> OverviewCache {
    let key = (cx.revision, cx.today);
    if let Some(cache) = state.overview.take()
        && cache.key == key
    {
        return cache;
    }
    let soon = u64::from(followup::SOON_DAYS);
    let mut groups: [Vec<_>; 3] = Default::default();
    for (id, due) in followup::needing_attention(cx.project, cx.today, followup::LATER_DAYS) {
        // 0 overdue, 1 within 30 days, 2 within 31–90 days.
        let group = match due {
            DueState::Overdue { .. } => 0,
            DueState::DueSoon { days } if days <= soon => 1,
            _ => 2,
        };
        if let Some(list) = groups.get_mut(group) {
            list.push((id, due));
        }
    }
    OverviewCache {
        key,
        groups,
        status_counts: followup::status_counts(cx.project),
    }
}

/// A bar per status; a click on a bar's legend line below shows those commitments.
fn status_chart_ui(ui: &mut egui::Ui, cx: &Cx<'_>, state: &mut ViewState) {
    let t = cx.tr();
    let cache = overview_cache(cx, state);
    let counts = cache.status_counts.clone();
    state.overview = Some(cache);
    if cx.project.commitments.is_empty() {
        ui.label(egui::RichText::new(t.empty_commitments).color(style::weak_color(ui)));
        return;
    }
    let labels: Vec<String> = counts
        .iter()
        .map(|(s, _)| cx.language.choice(*s).to_owned())
        .collect();
    let bars: Vec<egui_plot::Bar> = counts
        .iter()
        .enumerate()
        .map(|(i, (status, n))| {
            egui_plot::Bar::new(i as f64, *n as f64)
                .name(cx.language.choice(*status))
                .fill(style::status_color(ui, *status))
                .width(style::BAR_WIDTH)
        })
        .collect();
    let max = counts.iter().map(|(_, n)| *n).max().unwrap_or(0);
    let axis_labels = labels.clone();
    egui_plot::Plot::new("status_chart")
        .height(style::CHART_HEIGHT)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_grid([false, true])
        .show_x(false)
        .show_y(false)
        .include_y(0.0)
        .include_y(max as f64 + 1.0)
        .x_axis_formatter(move |mark, _| {
            let v = mark.value;
            if v >= 0.0 && (v - v.round()).abs() < 1e-6 {
                axis_labels
                    .get(v.round() as usize)
                    .cloned()
                    .unwrap_or_default()
            } else {
                String::new()
            }
        })
        .y_axis_formatter(|mark, _| {
            if (mark.value - mark.value.round()).abs() < 1e-6 {
                format!("{}", mark.value.round())
            } else {
                String::new()
            }
        })
        .show(ui, |plot| {
            plot.bar_chart(egui_plot::BarChart::new(t.commitments_by_status, bars));
        });
    // The same numbers as text: readable by screen readers and clickable as filters.
    ui.horizontal_wrapped(|ui| {
        for ((status, n), label) in counts.iter().zip(&labels) {
            if ui
                .link(format!("{label} {n}"))
                .on_hover_text(t.show_with_status_tip)
                .clicked()
            {
                state.view = View::Commitments;
                state.commitment_filter = followup::Filter {
                    statuses: [*status].into(),
                    ..Default::default()
                };
            }
        }
    });
    let open: usize = counts
        .iter()
        .filter(|(s, _)| CommitmentStatus::is_open(*s))
        .map(|(_, n)| n)
        .sum();
    ui.label(
        egui::RichText::new(
            t.open_of_total
                .replace("{open}", &open.to_string())
                .replace("{total}", &cx.project.commitments.len().to_string()),
        )
        .color(style::weak_color(ui)),
    );
}
