//! What each line of a pasted programme gave, under the preview of its items: the title,
//! day and section lines, items, notes, and the lines ignored with their reason.

use crate::i18n::Strings;
use crate::import::agenda_text::{AgendaPreview, Half, IgnoreReason, LineRole, Plan};

/// A half of the day in the UI's language.
pub fn half_text(t: &Strings, half: Half) -> &'static str {
    match half {
        Half::Morning => t.programmes.half_morning,
        Half::Midday => t.programmes.half_midday,
        Half::Afternoon => t.programmes.half_afternoon,
        Half::Evening => t.programmes.half_evening,
    }
}

/// What a line gave, in the UI's language; days numbered as the meeting's will be.
pub fn role_text(t: &Strings, preview: &AgendaPreview, plan: &Plan, role: &LineRole) -> String {
    let p = &t.programmes;
    match role {
        LineRole::Title => p.role_title.to_owned(),
        LineRole::Day(d) => {
            let day = plan.targets.get(*d).copied().unwrap_or(*d);
            p.role_day.replace(
                "{day}",
                &t.day_number.replace("{n}", &(day + 1).to_string()),
            )
        }
        LineRole::Section(h) => p.role_section.replace("{half}", half_text(t, *h)),
        LineRole::Item(_) => p.role_item.to_owned(),
        LineRole::Note(i) => p.role_note.replace(
            "{line}",
            &preview
                .lines
                .get(*i)
                .map_or_else(String::new, |l| l.line.to_string()),
        ),
        LineRole::Ignored(why) => p.role_ignored.replace(
            "{why}",
            match why {
                IgnoreReason::UnderTitle => p.ignored_under_title,
                IgnoreReason::NothingToRead => p.ignored_nothing,
                IgnoreReason::NoteWithoutItem => p.ignored_note_without_item,
            },
        ),
    }
}

/// The lines that are not items (items are in the grid above), or all of them when there
/// are few, with what each gave.
pub fn lines_ui(ui: &mut egui::Ui, t: &Strings, preview: &AgendaPreview, plan: &Plan) {
    let p = &t.programmes;
    egui::CollapsingHeader::new(p.lines_heading)
        .id_salt("paste_lines_heading")
        .default_open(true)
        .show(ui, |ui| {
            egui::Grid::new("paste_lines")
                .num_columns(3)
                .striped(true)
                .spacing(super::style::GRID_SPACING)
                .show(ui, |ui| {
                    ui.strong(p.col_line);
                    ui.strong(p.col_gave);
                    ui.label("");
                    ui.end_row();
                    for class in &preview.classes {
                        ui.label(class.line.to_string());
                        let role = role_text(t, preview, plan, &class.role);
                        match class.role {
                            LineRole::Ignored(_) => {
                                ui.colored_label(super::style::warning_color(ui), role);
                            }
                            LineRole::Item(_) => {
                                ui.weak(role);
                            }
                            _ => {
                                ui.strong(role);
                            }
                        }
                        // Cut to a fixed number of characters, not to the room left:
                        // a width that follows the columns' would take frames to settle.
                        ui.add(
                            egui::Label::new(clipped(&class.text))
                                .wrap_mode(egui::TextWrapMode::Extend),
                        );
                        ui.end_row();
                    }
                });
        });
}

/// A line of the text as shown beside what it gave: at most 48 characters.
fn clipped(text: &str) -> String {
    const MAX: usize = 48;
    match text.char_indices().nth(MAX) {
        Some((cut, _)) => format!("{}…", text.get(..cut).unwrap_or(text)),
        None => text.to_owned(),
    }
}
