//! The commitments inside the meeting editor: the open commitments of the series, whose
//! status changes are logged with this meeting (for the minutes), and the points agreed at
//! this meeting, with their sub-points.

use super::style::{self, OUTLINE_NUMBER_WIDTH};
use super::{Cx, ViewState};
use crate::document::Edit;
use crate::model::followup;
use crate::model::{Bilingual, Commitment, CommitmentId, CommitmentStatus, Meeting, MeetingId};

/// The title field of a commitment in the interface language.
fn title_mut(c: &mut Commitment, zh: bool) -> &mut String {
    if zh { &mut c.title.zh } else { &mut c.title.en }
}

/// `1`, `1.2`: the outline number of each row.
pub(crate) fn numbers(rows: &[(CommitmentId, usize)]) -> Vec<String> {
    let mut counters: Vec<usize> = Vec::new();
    rows.iter()
        .map(|(_, depth)| {
            counters.truncate(depth + 1);
            counters.resize(depth + 1, 0);
            if let Some(last) = counters.last_mut() {
                *last += 1;
            }
            counters
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(".")
        })
        .collect()
}

/// A status combo box named `name` for screen readers and tests (the rows have no
/// visible label of their own).
fn status_combo(
    ui: &mut egui::Ui,
    id_salt: &str,
    cx: &Cx<'_>,
    status: &mut CommitmentStatus,
    name: &str,
) {
    egui::ComboBox::from_id_salt(id_salt)
        .selected_text(cx.language.choice(*status))
        .width(style::COMBO_NARROW_WIDTH)
        .show_ui(ui, |ui| {
            for &option in <CommitmentStatus as crate::model::Choice>::ALL {
                ui.selectable_value(status, option, cx.language.choice(option));
            }
        })
        .response
        .accessible_name(name);
}

/// The open commitments agreed at earlier meetings of this meeting's series. Changing a
/// status here logs it with this meeting, dated the meeting's day (one undo step); the
/// note beside it is that entry's note, for the minutes.
pub fn series_review_ui(
    ui: &mut egui::Ui,
    cx: &mut Cx<'_>,
    id: &MeetingId,
    meeting: &Meeting,
    state: &mut ViewState,
) {
    let t = cx.tr();
    if meeting.series.is_none() {
        ui.label(egui::RichText::new(t.review_no_series).color(style::weak_color(ui)));
        return;
    }
    // The rows come from the per-revision summary; taken out while the rows may change
    // the view state, put back below.
    let rows = std::mem::take(&mut state.meeting_summary.series_open);
    let numbers = std::mem::take(&mut state.meeting_summary.series_numbers);
    if rows.is_empty() {
        ui.label(egui::RichText::new(t.review_nothing_open).color(style::weak_color(ui)));
        return;
    }
    ui.label(egui::RichText::new(t.review_hint).color(style::weak_color(ui)));
    ui.add_space(style::space::XS);
    super::widgets::page_rows_ui(
        ui,
        "series_review_rows",
        rows.len(),
        style::REVIEW_ROW_HEIGHT,
        egui::Layout::top_down(egui::Align::Min),
        |ui, k| {
            if let (Some((cid, depth)), Some(number)) = (rows.get(k), numbers.get(k)) {
                review_row_ui(ui, cx, id, meeting, state, cid, *depth, number);
            }
        },
    );
    state.meeting_summary.series_open = rows;
    state.meeting_summary.series_numbers = numbers;
}

/// One open commitment of the series: status, title, and this meeting's note.
#[expect(
    clippy::too_many_arguments,
    reason = "a row's context: grouping it in a struct would only move the list"
)]
fn review_row_ui(
    ui: &mut egui::Ui,
    cx: &mut Cx<'_>,
    id: &MeetingId,
    meeting: &Meeting,
    state: &mut ViewState,
    cid: &CommitmentId,
    depth: usize,
    number: &str,
) {
    let t = cx.tr();
    let zh = cx.zh();
    let project = cx.project;
    {
        let Some(c) = project.commitments.get(cid) else {
            return;
        };
        let title = c.title.get(zh);
        let indent = style::INDENT * depth.min(6) as f32;
        ui.horizontal(|ui| {
            ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
            ui.add_space(indent);
            ui.add_sized(
                [OUTLINE_NUMBER_WIDTH, style::LINE_HEIGHT],
                egui::Label::new(egui::RichText::new(number).color(style::weak_color(ui))),
            );
            let mut status = c.status;
            let name = format!("{} — {title}", t.status);
            status_combo(ui, &format!("review_status_{cid}"), cx, &mut status, &name);
            if status != c.status {
                let changed =
                    followup::with_status_change(c, status, meeting.start_date(), Some(id.clone()));
                cx.edit_step(Edit::PutCommitment(cid.clone(), changed));
            }
            if ui
                .link(title)
                .on_hover_text(t.open_commitment_tip)
                .clicked()
            {
                super::commitments_ui::show_commitment(cx, state, cid);
            }
        });
        ui.horizontal(|ui| {
            ui.add_space(indent + OUTLINE_NUMBER_WIDTH + ui.spacing().item_spacing.x);
            minutes_note_ui(ui, cx, id, meeting, cid, c);
            let mut facts = Vec::new();
            if let Some(due) = c.due {
                facts.push(format!("{} {due}", t.due));
            }
            let note = super::commitments_ui::due_note(
                t,
                followup::due_state(c, meeting.start_date(), followup::SOON_DAYS),
            );
            if !note.is_empty() {
                facts.push(note);
            }
            let logged: Vec<&str> = c
                .progress
                .iter()
                .filter(|e| e.meeting.as_ref() == Some(id))
                .filter_map(|e| e.status)
                .map(|s| cx.language.choice(s))
                .collect();
            if !logged.is_empty() {
                facts.push(format!("{} {}", t.logged_here, logged.join(" → ")));
            }
            if !facts.is_empty() {
                ui.label(
                    egui::RichText::new(facts.join(" · "))
                        .small()
                        .color(style::weak_color(ui)),
                )
                .on_hover_text(t.review_due_tip);
            }
        });
        ui.add_space(style::space::S);
    }
}

/// The note of this meeting's progress entry for `c`, in the interface language; typing
/// creates the entry (dated the meeting's day) when there is none yet.
fn minutes_note_ui(
    ui: &mut egui::Ui,
    cx: &mut Cx<'_>,
    id: &MeetingId,
    meeting: &Meeting,
    cid: &CommitmentId,
    c: &Commitment,
) {
    let t = cx.tr();
    let zh = cx.zh();
    let index = c
        .progress
        .iter()
        .rposition(|e| e.meeting.as_ref() == Some(id) && e.date == meeting.start_date());
    let mut text = index
        .and_then(|i| c.progress.get(i))
        .map(|e| {
            if zh {
                e.note.zh.clone()
            } else {
                e.note.en.clone()
            }
        })
        .unwrap_or_default();
    let response = ui.add(
        egui::TextEdit::singleline(&mut text)
            .hint_text(t.minutes_note_hint)
            .desired_width(style::NOTE_FIELD_WIDTH),
    );
    let response = response.accessible_name(format!("{} — {}", t.note, c.title.get(zh)));
    if response.changed() {
        let mut changed = c.clone();
        let entry = match index.and_then(|i| changed.progress.get_mut(i)) {
            Some(entry) => entry,
            None => {
                let at = changed
                    .progress
                    .partition_point(|e| e.date <= meeting.start_date());
                changed.progress.insert(
                    at,
                    crate::model::ProgressEntry {
                        date: meeting.start_date(),
                        note: Bilingual::default(),
                        status: None,
                        meeting: Some(id.clone()),
                    },
                );
                let Some(entry) = changed.progress.get_mut(at) else {
                    return;
                };
                entry
            }
        };
        if zh {
            entry.note.zh = text;
        } else {
            entry.note.en = text;
        }
        cx.edit(
            ui,
            &format!("commitment/{cid}"),
            Edit::PutCommitment(cid.clone(), changed),
        );
    }
}

/// The points agreed at this meeting, sub-points under their point: titles typed in place,
/// a status each, a button for a new point and one for a sub-point of each.
pub fn agreed_here_ui(
    ui: &mut egui::Ui,
    cx: &mut Cx<'_>,
    id: &MeetingId,
    meeting: &Meeting,
    state: &mut ViewState,
) {
    let t = cx.tr();
    let zh = cx.zh();
    let project = cx.project;
    let rows = followup::kept_in_tree_order(project, |_, c| c.agreed_at.as_ref() == Some(id));
    if rows.is_empty() {
        ui.label(egui::RichText::new(t.agreed_here_empty).color(style::weak_color(ui)));
    }
    for ((cid, depth), number) in rows.iter().zip(numbers(&rows)) {
        let Some(original) = project.commitments.get(cid) else {
            continue;
        };
        let mut c = original.clone();
        let indent = style::INDENT * (*depth).min(6) as f32;
        ui.horizontal(|ui| {
            ui.add_space(indent);
            let label = ui.add_sized(
                [OUTLINE_NUMBER_WIDTH, style::LINE_HEIGHT],
                egui::Label::new(egui::RichText::new(&number).color(style::weak_color(ui))),
            );
            let hint = if zh {
                c.title.en.clone()
            } else {
                c.title.zh.clone()
            };
            // Titles line up whatever their depth: deeper rows get shorter fields.
            ui.add(
                egui::TextEdit::singleline(title_mut(&mut c, zh))
                    .hint_text(hint)
                    .desired_width(
                        (style::TITLE_FIELD_WIDTH - indent).max(style::TITLE_FIELD_MIN_WIDTH),
                    ),
            )
            .labelled_by(label.id);
            let name = format!("{} — {}", t.status, original.title.get(zh));
            status_combo(
                ui,
                &format!("agreed_status_{cid}"),
                cx,
                &mut c.status,
                &name,
            );
            if ui
                .small_button(format!("+ {}", t.add_sub_point))
                .on_hover_text(t.add_sub_point_tip)
                .clicked()
            {
                let (sub_id, sub) = super::commitments_ui::sub_point(cx, cid, original);
                cx.edit_step(Edit::PutCommitment(sub_id, sub));
            }
            if ui
                .small_button(t.open_commitment)
                .on_hover_text(t.open_commitment_tip)
                .clicked()
            {
                super::commitments_ui::show_commitment(cx, state, cid);
            }
        });
        if c.status != original.status {
            let status = c.status;
            c.status = original.status;
            c = followup::with_status_change(&c, status, meeting.start_date(), Some(id.clone()));
        }
        if &c != original {
            cx.edit(
                ui,
                &format!("commitment/{cid}"),
                Edit::PutCommitment(cid.clone(), c),
            );
        }
    }
    ui.add_space(style::space::XS);
    if ui
        .button(format!("+ {}", t.add_point_here))
        .on_hover_text(t.add_point_here_tip)
        .clicked()
    {
        let mut parties: Vec<_> = meeting
            .sides
            .iter()
            .flat_map(|s| s.organisations.iter().cloned())
            .collect();
        parties.sort();
        parties.dedup();
        let new_id = project.new_commitment_id(&format!("{id}-point"));
        let point = Commitment {
            title: Bilingual::new(t.new_commitment, ""),
            agreed_at: Some(id.clone()),
            parties,
            ..Default::default()
        };
        // Logged as agreed at this meeting, so the progress starts where the point did.
        let point = followup::with_status_change(
            &point,
            CommitmentStatus::Agreed,
            meeting.start_date(),
            Some(id.clone()),
        );
        cx.edit_step(Edit::PutCommitment(new_id, point));
    }
}
