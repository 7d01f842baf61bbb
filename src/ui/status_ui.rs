//! The status bar: the file, the unsaved mark, background work, and the last message; and
//! the view shown while a project is being opened.

use super::style::space;
use crate::i18n::Strings;
use crate::workspace::{Command, JobView, Progress, Workspace, thousands};

/// What a click in the status bar asks for.
pub enum StatusClick {
    /// Run a command (the problems show the project view).
    Command(Command),
    /// Open the folder of the file just saved or exported.
    OpenFolder(std::path::PathBuf),
}

/// The bar at the bottom of the window: the file, the unsaved mark, problems found by
/// validation, a save or export in progress, the last message (with "Open folder" after a
/// save or an export). Returns what a click asked for.
pub fn status_bar_ui(ui: &mut egui::Ui, workspace: &Workspace) -> Option<StatusClick> {
    let t = workspace.tr();
    let mut command = None;
    egui::Panel::bottom("status_bar").show(ui, |ui| {
        ui.horizontal(|ui| {
            let weak = super::style::weak_color(ui);
            match workspace.doc.path() {
                // The placeholder shown while a file opens has no path: say nothing yet.
                _ if workspace.is_opening() => ui.label(""),
                Some(path) => ui.label(egui::RichText::new(path.display().to_string()).color(weak)),
                None if workspace.is_sample() => {
                    ui.label(egui::RichText::new(t.sample_suffix).color(weak))
                }
                None => ui.label(egui::RichText::new(t.untitled).color(weak)),
            };
            if workspace.doc.is_dirty() {
                ui.label(
                    egui::RichText::new(format!("● {}", t.unsaved_mark))
                        .color(super::style::warning_color(ui)),
                );
            }
            let problems = workspace.problems().len();
            if problems > 0 && !workspace.is_opening() {
                let count = if problems == 1 {
                    t.problem_found_one.to_owned()
                } else {
                    t.problems_found.replace("{n}", &thousands(problems))
                };
                let text = format!("▲ {count}");
                if ui
                    .link(egui::RichText::new(text).color(super::style::warning_color(ui)))
                    .on_hover_text(t.problems_tip)
                    .clicked()
                {
                    command = Some(StatusClick::Command(Command::ShowProject));
                }
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                // Saves and exports run while the user goes on working: their progress
                // lives here.
                if let Some(job) = workspace.export_job().or_else(|| workspace.save_job()) {
                    job_progress_ui(ui, t, &job, super::style::STATUS_PROGRESS_WIDTH);
                } else if let Some(toast) = &workspace.toast {
                    // Right to left: the button, a deletion's Undo, then the message.
                    if let Some(folder) = &toast.folder
                        && ui
                            .button(t.open_folder)
                            .on_hover_text(t.open_folder_tip)
                            .clicked()
                    {
                        command = Some(StatusClick::OpenFolder(folder.clone()));
                    }
                    if workspace.undoable_deletion()
                        && ui
                            .link(t.cmd_undo)
                            .on_hover_text(t.undo_delete_tip)
                            .clicked()
                    {
                        command = Some(StatusClick::Command(Command::Undo));
                    }
                    if workspace.undoable_deletion() {
                        ui.label("—");
                    }
                    ui.add(egui::Label::new(toast.said.text(workspace.language())).truncate());
                }
            });
        });
    });
    command
}

/// A running job in one line, right to left: Cancel, a progress bar, what is done.
fn job_progress_ui(ui: &mut egui::Ui, t: &Strings, job: &JobView<'_>, width: f32) {
    let cancelled = job.progress.is_cancelled();
    if ui
        .add_enabled(!cancelled, egui::Button::new(t.dlg_cancel).small())
        .clicked()
    {
        job.progress.cancel();
    }
    progress_bar_ui(ui, job.progress, width);
    let text = if cancelled {
        t.cancelling.to_owned()
    } else {
        describe(job)
    };
    ui.label(text);
}

/// A bar that fills when the amount of work is known and moves to and fro otherwise.
fn progress_bar_ui(ui: &mut egui::Ui, progress: &Progress, width: f32) {
    let bar = match progress.fraction() {
        Some(fraction) => egui::ProgressBar::new(fraction).show_percentage(),
        None => egui::ProgressBar::new(0.0).animate(true),
    };
    ui.add(bar.desired_width(width));
}

/// "Exporting cards.pdf — Drawing name cards 120 / 2,000".
fn describe(job: &JobView<'_>) -> String {
    let phase = job.progress.phase();
    let mut text = job.label.to_owned();
    if !phase.is_empty() {
        text.push_str(" — ");
        text.push_str(&phase);
    }
    let (done, total) = job.progress.counts();
    if total > 0 {
        text.push(' ');
        text.push_str(&counts_text(done, total, job.progress.counts_bytes()));
    }
    text
}

/// Bytes as megabytes, other steps (rows, cards) as they are.
fn counts_text(done: u64, total: u64, bytes: bool) -> String {
    if bytes {
        let mb = |n: u64| n as f64 / f64::from(1u32 << 20);
        format!("{:.1} / {:.1} MB", mb(done), mb(total))
    } else {
        let n = |v: u64| thousands(usize::try_from(v).unwrap_or(usize::MAX));
        format!("{} / {}", n(done), n(total))
    }
}

/// The central view while a project is being opened: its name, how far the reading got,
/// and Cancel (which keeps the current project).
pub fn opening_ui(ui: &mut egui::Ui, t: &Strings, job: &JobView<'_>) {
    ui.vertical_centered(|ui| {
        ui.add_space((ui.available_height() / 3.0).max(0.0));
        ui.heading(job.label);
        ui.add_space(space::M);
        progress_bar_ui(ui, job.progress, super::style::OPENING_PROGRESS_WIDTH);
        let phase = job.progress.phase();
        let (done, total) = job.progress.counts();
        let detail = if total > 0 {
            format!(
                "{phase} {}",
                counts_text(done, total, job.progress.counts_bytes())
            )
        } else {
            phase
        };
        ui.label(egui::RichText::new(detail).color(super::style::weak_color(ui)));
        ui.add_space(space::M);
        if ui.button(t.dlg_cancel).clicked() {
            job.progress.cancel();
        }
    });
}
