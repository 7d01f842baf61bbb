//! Commitments: a filter bar with the due view (overdue, due within 30 or 90 days), the
//! cooperation points of the project with their sub-points, and the editor of one
//! commitment with its owners, preconditions and progress log.
//!
//! One file per part: [`filter_bar`] (the due view, the filters and their cache), [`list`]
//! (the points passing them) and [`editor`] (one commitment).

mod editor;
mod filter_bar;
mod list;

use super::widgets::{empty_message, list_detail_ui, list_header_ui};
use super::{Cx, ViewState};
use crate::document::Edit;
use crate::model::followup::{DueState, Filter};
use crate::model::{Bilingual, Commitment, CommitmentId};

pub use editor::sub_point;
pub use filter_bar::FilterBarCache;

/// The commitments view.
pub fn commitments_ui(ui: &mut egui::Ui, cx: &mut Cx<'_>, state: &mut ViewState) {
    let t = cx.tr();
    filter_bar::filter_bar_ui(ui, cx, state);
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
            list::list_ui(ui, cx, state);
        },
        |ui, (cx, state)| {
            let project = cx.project;
            let selected = state
                .commitment
                .as_ref()
                .and_then(|id| project.commitments.get(id).map(|c| (id.clone(), c)));
            match selected {
                Some((id, c)) => {
                    // A description too long to edit is shown from the project: copying
                    // 50 MB every frame would take longer than the frame.
                    let long = crate::ui::widgets::too_long_to_edit(&c.description.en)
                        .or_else(|| crate::ui::widgets::too_long_to_edit(&c.description.zh))
                        .map(|_| &c.description);
                    let copy = Commitment {
                        title: c.title.clone(),
                        description: if long.is_some() {
                            Bilingual::default()
                        } else {
                            c.description.clone()
                        },
                        parent: c.parent.clone(),
                        agreed_at: c.agreed_at.clone(),
                        agreed_item: c.agreed_item.clone(),
                        parties: c.parties.clone(),
                        owners: c.owners.clone(),
                        topics: c.topics.clone(),
                        status: c.status,
                        due: c.due,
                        preconditions: c.preconditions.clone(),
                        progress: c.progress.clone(),
                        remarks: c.remarks.clone(),
                    };
                    editor::commitment_editor_ui(ui, cx, &id, copy, long, state);
                }
                None => empty_message(ui, state.empty_hint(crate::ui::View::Commitments, t)),
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
