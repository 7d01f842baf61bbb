//! Participant statistics with percentages and a bar chart, for a meeting or the project.

use egui_plot::{Bar, BarChart, Plot};

use super::Cx;
use super::style;
use crate::model::stats::{StatBy, breakdown};
use crate::model::{Meeting, MeetingId};

/// Counts by sector, organisation, country (and side and status for a meeting).
pub fn stats_ui(ui: &mut egui::Ui, cx: &Cx<'_>, meeting: Option<(&MeetingId, &Meeting)>) {
    let (meeting_id, meeting) = (meeting.map(|(id, _)| id), meeting.map(|(_, m)| m));
    let t = cx.tr();
    let zh = cx.zh();
    if let Some(expected) = meeting.and_then(|m| m.expected_participants) {
        ui.label(format!("{}: {expected}", t.expected_participants));
    }
    let by_id = egui::Id::unique("stats_by");
    let mut by_index: usize = ui.data(|d| d.get_temp(by_id).unwrap_or(0));
    let choices = StatBy::applicable(meeting.is_some());
    let label = |by: StatBy| match by {
        StatBy::Sector => t.col_sector,
        StatBy::Organisation => t.organisation,
        StatBy::Country => t.country,
        StatBy::Side => t.side,
        StatBy::Status => t.status,
    };
    ui.horizontal(|ui| {
        for (i, by) in choices.iter().enumerate() {
            if ui.selectable_label(by_index == i, label(*by)).clicked() {
                by_index = i;
            }
        }
    });
    ui.data_mut(|d| d.insert_temp(by_id, by_index));
    let Some(by) = choices.get(by_index).or(choices.first()).copied() else {
        return;
    };
    // Counting walks every attendee (or every person of the project): once per change of
    // the project, not every frame.
    let cache_id = egui::Id::unique(("stats_cache", meeting_id));
    let key = (cx.revision, by_index);
    let cached: Option<((u64, usize), Vec<crate::model::stats::Count>)> =
        ui.data(|d| d.get_temp(cache_id));
    let counts = match cached {
        Some((k, counts)) if k == key => counts,
        _ => {
            let counts = breakdown(cx.project, meeting, by);
            ui.data_mut(|d| d.insert_temp(cache_id, (key, counts.clone())));
            counts
        }
    };
    let total: usize = counts.iter().map(|c| c.count).sum();
    if total == 0 {
        ui.label(egui::RichText::new(t.no_participants).color(style::weak_color(ui)));
        return;
    }
    let summary: Vec<String> = counts
        .iter()
        .map(|c| format!("{}% {}", c.percent(total), c.label.get(zh)))
        .collect();
    ui.label(format!(
        "{} ({total}): {}",
        t.participants,
        summary.join(", ")
    ));
    let bars: Vec<Bar> = counts
        .iter()
        .enumerate()
        .map(|(i, c)| {
            #[expect(clippy::cast_precision_loss)] // counts are far below 2^52
            Bar::new(i as f64, c.count as f64)
                .width(style::BAR_WIDTH)
                .fill(style::chart_bar_color(ui))
                .name(format!("{} ({}%)", c.label.get(zh), c.percent(total)))
        })
        .collect();
    let names: Vec<String> = counts.iter().map(|c| c.label.get(zh).to_owned()).collect();
    Plot::new(("stats_plot", by_index))
        .height(style::CHART_HEIGHT)
        .width(ui.available_width().min(style::CHART_MAX_WIDTH))
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .show_grid([false, true])
        .x_axis_formatter(move |mark, _range| {
            let i = mark.value.round();
            if (mark.value - i).abs() > 0.01 || i < 0.0 {
                return String::new();
            }
            #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            // checked >= 0 above
            names.get(i as usize).cloned().unwrap_or_default()
        })
        .show(ui, |plot| {
            plot.bar_chart(BarChart::new(t.participants, bars))
        });
}
