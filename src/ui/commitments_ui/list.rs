//! The list of commitments passing the search and the filters, sub-points under points.

use crate::model::followup::{self, DueState};
use crate::model::{Commitment, fold_for_search};
use crate::ui::widgets::{cell, empty_message, select_table_ui};
use crate::ui::{Cx, ViewState, style};

/// The due date of a list row, coloured when overdue or due within 30 days.
fn due_text(
    ui: &egui::Ui,
    c: &Commitment,
    today: chrono::NaiveDate,
    selected: bool,
) -> egui::RichText {
    let text = c.due.map(|d| d.to_string()).unwrap_or_default();
    let state = followup::due_state(c, today, followup::SOON_DAYS);
    if selected {
        // On the selection's colour, red or amber text is hard to read: the selection's
        // own text colour, the overdue mark kept and the date in bold.
        return match state {
            DueState::Overdue { .. } => egui::RichText::new(format!("▲ {text}")).strong(),
            _ => egui::RichText::new(text),
        };
    }
    match state {
        DueState::Overdue { .. } => {
            egui::RichText::new(format!("▲ {text}")).color(style::overdue_color(ui))
        }
        DueState::DueSoon { .. } => egui::RichText::new(text).color(style::warning_color(ui)),
        DueState::Later | DueState::NoDate => egui::RichText::new(text),
        DueState::Closed => egui::RichText::new(text).color(style::weak_color(ui)),
    }
}

/// The list of commitments passing the search and the filters, sub-points under points.
pub(super) fn list_ui(ui: &mut egui::Ui, cx: &Cx<'_>, state: &mut ViewState) {
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
    let may_select = state.emptied_by_delete != Some(crate::ui::View::Commitments);
    if (state.commitment.is_none() && may_select) || (key_changed && hidden) {
        state.commitment = rows.first().map(|(id, _)| id.clone());
    }
    let current = state.commitment.clone();
    let selected = |i: usize| {
        rows.get(i)
            .is_some_and(|(r, _)| Some(r) == current.as_ref())
    };
    let zh = cx.zh();
    let language = cx.language;
    // The title takes what the status and the due date leave: it is what tells the
    // commitments apart.
    let [title_width, status_width] = style::COMMITMENTS_COLUMNS;
    let title_width =
        title_width.max(ui.available_width() - status_width - style::COMMITMENTS_DUE_WIDTH);
    let clicked = select_table_ui(
        ui,
        "commitments_table",
        &[
            (t.commitment_title, title_width),
            (t.col_status, status_width),
            (t.col_due, style::FILL_REST),
        ],
        None,
        style::ROW_HEIGHT,
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
            row.text_elided_middle(&format!("{indent}{}", c.title.get(zh)));
            cell(row, language.choice(c.status));
            let text = due_text(row.ui(), c, today, selected(i));
            row.text(text);
        },
    );
    if let Some((id, _)) = clicked.and_then(|i| rows.get(i)) {
        state.commitment = Some(id.clone());
    }
}
