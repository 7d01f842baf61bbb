//! The project view: title and description, then the overview (upcoming meetings,
//! overdue and due-soon commitments, commitments by status) and what the project holds.

use super::style;
use super::widgets::{bilingual_multiline_rows, bilingual_rows, form_ui};
use super::{Cx, ViewState};
use crate::document::Edit;

/// The project view.
pub fn project_ui(ui: &mut egui::Ui, cx: &mut Cx<'_>, state: &mut ViewState) {
    let t = cx.tr();
    let mut info = cx.project.info.clone();
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.add_space(style::space::M);
            let heading = info.title.get(cx.zh()).to_owned();
            ui.heading(if heading.is_empty() {
                t.untitled.to_owned()
            } else {
                heading
            });
            ui.add_space(style::space::M);
            form_ui(ui, "project_form", |ui| {
                bilingual_rows(ui, t, t.project_title, &mut info.title);
                bilingual_multiline_rows(ui, t, t.project_description, &mut info.description);
            });
            ui.add_space(style::space::L);
            super::personal_ui::custom_fields_ui(ui, cx);
            ui.add_space(style::space::XL);
            super::overview_ui::overview_ui(ui, cx, state);
            ui.add_space(style::space::XL);
            ui.strong(t.project_counts);
            let p = cx.project;
            ui.horizontal_wrapped(|ui| {
                for (label, n) in [
                    (t.cmd_show_meetings, p.meetings.len()),
                    (t.cmd_show_people, p.people.len()),
                    (t.cmd_show_organisations, p.organisations.len()),
                    (t.cmd_show_commitments, p.commitments.len()),
                ] {
                    ui.label(format!("{label}: {n}"));
                    ui.add_space(style::space::L);
                }
            });
            ui.add_space(style::space::L);
            ui.strong(t.statistics);
            super::stats_ui::stats_ui(ui, cx, None);
        });
    if info != cx.project.info {
        cx.edit(ui, "project", Edit::SetInfo(info));
    }
}
