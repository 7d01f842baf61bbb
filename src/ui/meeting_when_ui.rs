//! Two rows of the meeting's details (issue 27): its first day, typed or picked, which
//! moves the whole programme; and its short name (the id that names its files), made from
//! that day until something is exported, renamed here on purpose.

use super::Cx;
use super::style;
use super::widgets::date_field;
use crate::model::{Meeting, MeetingId, slugify};

/// What the two rows asked for.
#[derive(Debug, Default)]
pub struct WhenChange {
    /// The programme moved to start on this day.
    pub start: Option<chrono::NaiveDate>,
    /// The meeting renamed to this id.
    pub rename: Option<MeetingId>,
}

/// The date row: the first day's date field, then the dates and the number of days.
pub fn dates_row_ui(ui: &mut egui::Ui, cx: &Cx<'_>, meeting: &Meeting, change: &mut WhenChange) {
    let t = cx.tr();
    let l = ui.label(t.date);
    ui.horizontal(|ui| {
        let mut start = meeting.start_date();
        if date_field(ui, cx.language, "meeting_start", &mut start, Some(l.id)) {
            change.start = Some(start);
        }
        ui.label(
            egui::RichText::new(format!(
                "{} · {}",
                meeting.dates_text(),
                super::agenda_ui::day_count(t, meeting.days.len())
            ))
            .color(style::weak_color(ui)),
        )
        .on_hover_text(t.first_hour.meeting_dates_tip);
    });
    ui.end_row();
}

/// What the short-name field holds while it is typed in, and why it was refused.
#[derive(Clone, Debug)]
struct Typed {
    text: String,
    error: Option<String>,
}

/// The short-name row: the id, typed over to rename the meeting (on Enter or when the
/// field loses focus; Escape goes back).
pub fn short_name_row_ui(
    ui: &mut egui::Ui,
    cx: &Cx<'_>,
    id: &MeetingId,
    meeting: &Meeting,
    change: &mut WhenChange,
) {
    let t = cx.tr();
    let l = ui
        .label(t.first_hour.short_name)
        .on_hover_text(t.first_hour.short_name_tip);
    let field_id = ui.make_persistent_id("meeting_short_name");
    let typed_id = field_id.with(id.as_str());
    let mut typed: Option<Typed> = ui.data(|d| d.get_temp(typed_id));
    ui.horizontal(|ui| {
        let mut text = typed
            .as_ref()
            .map_or_else(|| id.to_string(), |typed| typed.text.clone());
        let mut edit = egui::TextEdit::singleline(&mut text)
            .id(field_id)
            .font(egui::TextStyle::Monospace)
            .desired_width(style::SHORT_NAME_WIDTH);
        if typed.as_ref().is_some_and(|typed| typed.error.is_some()) {
            edit = edit.text_color(style::overdue_color(ui));
        }
        let response = ui
            .add(edit)
            .labelled_by(l.id)
            .on_hover_text(t.first_hour.short_name_tip);
        if response.changed() {
            typed = Some(Typed {
                text: text.clone(),
                error: None,
            });
        }
        if response.lost_focus() {
            if ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                typed = None;
            } else if typed.is_some() {
                let slug = slugify(&text);
                let to = MeetingId(slug.clone());
                if slug.is_empty() {
                    typed = Some(Typed {
                        text,
                        error: Some(t.first_hour.short_name_empty.to_owned()),
                    });
                } else if &to == id {
                    typed = None;
                } else if cx.project.meetings.contains_key(&to) {
                    typed = Some(Typed {
                        text,
                        error: Some(t.first_hour.short_name_taken.replace("{name}", &slug)),
                    });
                } else {
                    change.rename = Some(to);
                    typed = None;
                }
            }
        }
        match typed.as_ref().and_then(|typed| typed.error.as_ref()) {
            Some(error) => {
                ui.colored_label(style::overdue_color(ui), format!("▲ {error}"));
            }
            None if meeting.exported
                && crate::model::meeting_dates::date_of_date_id(id).is_some() =>
            {
                ui.label(
                    egui::RichText::new(t.first_hour.short_name_kept).color(style::weak_color(ui)),
                );
            }
            None => {}
        }
    });
    ui.end_row();
    ui.data_mut(|d| match &typed {
        Some(typed) => {
            d.insert_temp(typed_id, typed.clone());
        }
        None => d.remove::<Typed>(typed_id),
    });
}
