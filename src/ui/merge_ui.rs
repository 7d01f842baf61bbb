//! The merge dialog: what a copy brings in, entity by entity and by name; every conflict
//! with the common version, mine and theirs side by side, each with its button to choose
//! it; people added on both sides who are probably one. It edits only its own choices and
//! answers with a [`MergeStep`].

use super::style::{self, space};
use crate::i18n::merge_words::{
    change_line, conflict_kind, entity_kind, entity_name, path_label, version_text,
};
use crate::merge::{EntityRef, Side};
use crate::model::Project;
use crate::workspace::{DialogOutcome, MergeDialog, MergeSource, MergeStep, Workspace, thousands};

/// Shows the merge dialog; returns the user's decision once there is one.
pub fn merge_dialog_ui(
    ctx: &egui::Context,
    workspace: &Workspace,
    state: &mut MergeDialog,
) -> Option<DialogOutcome> {
    let language = workspace.language();
    let t = language.strings();
    let m = t.merge;
    let mut outcome = None;
    let width = style::MERGE_DIALOG_WIDTH.min(ctx.content_rect().width() - 2.0 * space::XXL);
    let modal = egui::Modal::new(egui::Id::unique("merge_dialog")).show(ctx, |ui| {
        ui.set_width(width);
        let recorded = state.source == MergeSource::Recorded;
        if recorded {
            ui.heading(m.resolve_title);
        } else {
            ui.heading(format!("{} {}", m.title, state.theirs_name));
        }
        ui.add_space(space::XS);
        let note = if recorded {
            m.recorded
        } else if state.three_way {
            m.three_way
        } else {
            m.two_way
        };
        ui.label(egui::RichText::new(note).color(style::weak_color(ui)));
        let (merged, ours, theirs) = (
            std::sync::Arc::clone(&state.merged),
            std::sync::Arc::clone(&state.ours),
            std::sync::Arc::clone(&state.theirs),
        );
        let projects = [&merged.project, &*ours, &*theirs];

        if !recorded {
            ui.add_space(space::M);
            ui.strong(format!(
                "{} ({})",
                m.incoming_heading,
                thousands(state.changes.len())
            ));
            changes_ui(ui, state, &projects, language);
        }

        ui.add_space(space::M);
        ui.horizontal(|ui| {
            ui.strong(format!(
                "{} ({})",
                m.conflicts_heading,
                thousands(state.merged.conflicts.len())
            ));
            if !state.merged.conflicts.is_empty() {
                ui.add_space(space::L);
                if ui.button(m.all_ours).clicked() {
                    state.choose_everywhere(Side::Ours);
                }
                if ui.button(m.all_theirs).clicked() {
                    state.choose_everywhere(Side::Theirs);
                }
            }
        });
        conflicts_ui(ui, state, &projects, language);

        if !state.merged.duplicates.is_empty() {
            ui.add_space(space::M);
            ui.strong(m.duplicates_heading);
            ui.label(egui::RichText::new(m.duplicates_hint).color(style::weak_color(ui)));
            duplicates_ui(ui, state, &projects, language);
        }

        ui.add_space(space::L);
        ui.horizontal(|ui| {
            let apply = match state.source {
                MergeSource::Disk { .. } => m.apply_and_save,
                MergeSource::Recorded => m.apply_resolved,
                MergeSource::Copy(_) => m.apply,
            };
            if super::widgets::default_button(ui, t, apply, None, true) {
                outcome = Some(DialogOutcome::Merge(MergeStep::Apply));
            }
            let close = if recorded { m.later } else { t.dlg_cancel };
            if ui.button(close).clicked() {
                outcome = Some(DialogOutcome::Merge(MergeStep::Later));
            }
        });
    });
    match outcome {
        Some(outcome) => Some(outcome),
        None if modal.should_close() => Some(DialogOutcome::Merge(MergeStep::Later)),
        None => None,
    }
}

/// What comes in, one line per entity; only the lines in view are laid out.
fn changes_ui(
    ui: &mut egui::Ui,
    state: &MergeDialog,
    projects: &[&Project],
    language: crate::i18n::Language,
) {
    if state.changes.is_empty() {
        ui.label(
            egui::RichText::new(language.strings().merge.incoming_none)
                .color(style::weak_color(ui)),
        );
        return;
    }
    egui::ScrollArea::vertical()
        .id_salt("merge_changes")
        .max_height(style::MERGE_CHANGES_HEIGHT)
        .auto_shrink([false, true])
        .show_rows(ui, style::ROW_HEIGHT, state.changes.len(), |ui, rows| {
            for change in state.changes.get(rows).unwrap_or_default() {
                let line = change_line(change, projects, language);
                ui.add(egui::Label::new(line.as_str()).truncate())
                    .on_hover_text(line);
            }
        });
}

/// Every conflict: what and where, then the three versions side by side with a button to
/// choose each. Only the conflicts in view are laid out.
fn conflicts_ui(
    ui: &mut egui::Ui,
    state: &mut MergeDialog,
    projects: &[&Project],
    language: crate::i18n::Language,
) {
    let m = language.strings().merge;
    if state.merged.conflicts.is_empty() {
        ui.label(egui::RichText::new(m.conflicts_none).color(style::weak_color(ui)));
        return;
    }
    let merged = std::sync::Arc::clone(&state.merged);
    let columns: Vec<(Side, &str, &str)> = [
        (Side::Base, m.col_base, m.use_base),
        (Side::Ours, m.col_ours, m.use_ours),
        (Side::Theirs, m.col_theirs, m.use_theirs),
    ]
    .into_iter()
    .filter(|(side, _, _)| state.three_way || *side != Side::Base)
    .collect();
    egui::ScrollArea::vertical()
        .id_salt("merge_conflicts")
        .max_height(style::MERGE_CONFLICTS_HEIGHT)
        .auto_shrink([false, true])
        .show_rows(
            ui,
            style::MERGE_CONFLICT_ROW_HEIGHT,
            merged.conflicts.len(),
            |ui, rows| {
                for index in rows {
                    let Some(conflict) = merged.conflicts.get(index) else {
                        continue;
                    };
                    ui.push_id(index, |ui| {
                        ui.set_height(style::MERGE_CONFLICT_ROW_HEIGHT - space::S);
                        ui.horizontal(|ui| {
                            ui.strong(format!(
                                "{} {}",
                                entity_kind(conflict.entity(), language),
                                entity_name(conflict.entity(), projects, language)
                            ));
                            ui.label(path_label(&conflict.path, projects, language));
                            ui.label(
                                egui::RichText::new(conflict_kind(conflict.kind, language))
                                    .color(style::weak_color(ui)),
                            );
                        });
                        let chosen = state.chosen(index);
                        ui.columns(columns.len(), |cols| {
                            for ((side, heading, button), col) in columns.iter().zip(cols) {
                                let text = version_text(
                                    conflict,
                                    conflict.version(*side),
                                    projects,
                                    language,
                                );
                                let selected = chosen == *side;
                                egui::Frame::group(col.style())
                                    .fill(if selected {
                                        col.visuals().selection.bg_fill.gamma_multiply(0.35)
                                    } else {
                                        col.visuals().extreme_bg_color
                                    })
                                    .show(col, |col| {
                                        col.set_width(col.available_width());
                                        if col.radio(selected, *button).clicked() {
                                            state.choices.insert(conflict.id.clone(), *side);
                                        }
                                        col.label(
                                            egui::RichText::new(*heading)
                                                .small()
                                                .color(style::weak_color(col)),
                                        );
                                        // Left-aligned: the columns justify, which would
                                        // stretch the words of a wrapped row apart.
                                        col.with_layout(
                                            egui::Layout::top_down(egui::Align::Min),
                                            |col| {
                                                col.add(value_label(col, &text))
                                                    .on_hover_text(text.as_str());
                                            },
                                        );
                                    });
                            }
                        });
                    });
                    ui.separator();
                }
            },
        );
}

/// How many rows of a version a conflict's card shows (the whole text is in its tooltip).
const VALUE_ROWS: usize = 3;

/// A version's text, wrapped to the card's width over at most [`VALUE_ROWS`] rows, so that
/// a long title or venue is read to its end rather than cut at the first row.
fn value_label(ui: &egui::Ui, text: &str) -> egui::Label {
    let mut job = egui::text::LayoutJob::single_section(
        first_lines(text, VALUE_ROWS),
        egui::TextFormat::simple(
            egui::TextStyle::Body.resolve(ui.style()),
            ui.visuals().text_color(),
        ),
    );
    job.wrap.max_rows = VALUE_ROWS;
    job.wrap.break_anywhere = false;
    job.wrap.overflow_character = Some('…');
    egui::Label::new(job).wrap_mode(egui::TextWrapMode::Wrap)
}

/// The first `n` lines of `text`, with `…` when there are more.
fn first_lines(text: &str, n: usize) -> String {
    let mut lines = text.lines();
    let mut out: Vec<&str> = lines.by_ref().take(n).collect();
    if lines.next().is_some() {
        out.push("…");
    }
    out.join("\n")
}

/// The probable duplicates, each with a tick to make them one person.
fn duplicates_ui(
    ui: &mut egui::Ui,
    state: &mut MergeDialog,
    projects: &[&Project],
    language: crate::i18n::Language,
) {
    let m = language.strings().merge;
    let merged = std::sync::Arc::clone(&state.merged);
    egui::ScrollArea::vertical()
        .id_salt("merge_duplicates")
        .max_height(style::MERGE_CHANGES_HEIGHT)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            for (i, duplicate) in merged.duplicates.iter().enumerate() {
                let name = |id: &crate::model::PersonId| {
                    entity_name(&EntityRef::Person(id.clone()), projects, language)
                };
                ui.horizontal(|ui| {
                    if let Some(join) = state.join_duplicates.get_mut(i) {
                        ui.push_id(i, |ui| ui.checkbox(join, m.duplicate_merge));
                    }
                    ui.label(format!(
                        "{} ({}) · {} ({})",
                        name(&duplicate.ours),
                        m.col_ours,
                        name(&duplicate.theirs),
                        m.col_theirs
                    ));
                });
            }
        });
}
