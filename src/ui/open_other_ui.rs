//! The offer shown when File › Open is given a list or a programme (issue 27): what the
//! file is, the import it looks made for as the main action, the other import beside it,
//! and the meeting it goes into.

use super::dialogs_ui::dismissed_or;
use super::style::{self, space};
use crate::i18n::open_other::offer_text;
use crate::import::classify::{ImportKind, NotAProject};
use crate::model::MeetingId;
use crate::workspace::{DialogOutcome, ImportOffer, Workspace};

/// The offer; returns the user's choice.
pub fn import_instead_dialog_ui(
    ctx: &egui::Context,
    workspace: &Workspace,
    offer: &mut ImportOffer,
) -> Option<DialogOutcome> {
    let t = workspace.tr();
    let language = workspace.language();
    let NotAProject::Importable { content, kind } = offer.what else {
        return Some(DialogOutcome::Dismiss);
    };
    let project = workspace.doc.project();
    let zh = language == crate::i18n::Language::Chinese;
    let meeting_name = |id: &MeetingId| {
        project.meetings.get(id).map_or_else(String::new, |m| {
            let date = m
                .days
                .first()
                .map(|d| crate::i18n::dates::long_date(language, d.date))
                .unwrap_or_default();
            format!("{} · {date}", m.title.get(zh))
        })
    };
    let mut outcome = None;
    let modal = egui::Modal::new(egui::Id::unique("import_instead")).show(ctx, |ui| {
        ui.set_max_width(style::DIALOG_WIDTH);
        ui.heading(t.first_hour.offer_title);
        ui.add_space(space::S);
        ui.label(offer_text(&offer.path, content, language));
        ui.label(match kind {
            ImportKind::List => t.first_hour.offer_list,
            ImportKind::Programme => t.first_hour.offer_programme,
        });
        ui.add_space(space::M);
        ui.horizontal(|ui| {
            let label = ui.label(t.first_hour.offer_meeting);
            let selected = offer
                .meeting
                .as_ref()
                .map_or_else(|| t.first_hour.offer_no_meeting.to_owned(), meeting_name);
            egui::ComboBox::from_id_salt("import_instead_meeting")
                .selected_text(selected)
                .width(style::DIALOG_WIDTH * 0.6)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut offer.meeting, None, t.first_hour.offer_no_meeting);
                    for id in project.meetings.keys() {
                        ui.selectable_value(&mut offer.meeting, Some(id.clone()), meeting_name(id));
                    }
                })
                .response
                .labelled_by(label.id);
        });
        let can_programme = offer.meeting.is_some();
        if !can_programme {
            ui.label(
                egui::RichText::new(t.first_hour.programme_needs_meeting)
                    .color(style::weak_color(ui)),
            );
        }
        ui.add_space(space::S);
        ui.label(egui::RichText::new(t.first_hour.offer_preview_note).color(style::weak_color(ui)));
        ui.add_space(space::L);
        let choose = |kind| DialogOutcome::ImportInstead {
            path: offer.path.clone(),
            kind,
            meeting: offer.meeting.clone(),
        };
        ui.horizontal(|ui| {
            // The import the file looks made for comes first, as the default (Enter).
            let (main, other) = match kind {
                ImportKind::List => (ImportKind::List, ImportKind::Programme),
                ImportKind::Programme => (ImportKind::Programme, ImportKind::List),
            };
            let label = |kind| match kind {
                ImportKind::List => t.first_hour.import_as_list,
                ImportKind::Programme => t.first_hour.import_as_programme,
            };
            let enabled = |kind| kind == ImportKind::List || can_programme;
            let (response, chosen) =
                super::widgets::default_button_response(ui, t, label(main), None, enabled(main));
            // Shown only while the button is off: why.
            response.on_disabled_hover_text(t.first_hour.programme_needs_meeting);
            if chosen {
                outcome = Some(choose(main));
            }
            if ui
                .add_enabled(enabled(other), egui::Button::new(label(other)))
                .on_disabled_hover_text(t.first_hour.programme_needs_meeting)
                .clicked()
            {
                outcome = Some(choose(other));
            }
            if ui.button(t.dlg_cancel).clicked() {
                outcome = Some(DialogOutcome::Dismiss);
            }
        });
    });
    dismissed_or(modal.should_close(), outcome)
}
