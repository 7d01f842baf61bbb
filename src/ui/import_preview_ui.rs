//! The preview of an attendee import: every row of the list with its fate (new, already
//! in the project, updated, with what was guessed highlighted and a Latin name made from
//! pinyin marked for checking), editable field by field; the changes a revised list makes
//! to people already there, each old → new with a tick to take it; and the rows that give
//! nobody, with the reason.

use super::style::{self, space};
use crate::i18n::Language;
use crate::import::apply::without_side;
use crate::import::attendees::{Fate, Field, OrganisationRef, ParsedPerson, SkipReason};
use crate::model::{Choice, Honorific, Meeting, NameOrder, Project};
use crate::workspace::{ImportState, thousands};

/// The preview, the changes and the skipped rows.
pub fn preview_ui(
    ui: &mut egui::Ui,
    project: &Project,
    state: &mut ImportState,
    language: Language,
) {
    let t = language.strings();
    if state.table.is_some() && !crate::import::list::has_name(&state.mapping) {
        ui.colored_label(style::warning_color(ui), t.map_a_name);
        return;
    }
    if state.preview.is_empty() && state.skipped.is_empty() {
        ui.label(egui::RichText::new(t.preview_empty).color(style::weak_color(ui)));
        return;
    }
    let count = |fate: Fate| state.preview.iter().filter(|p| p.fate() == fate).count();
    let counts = t
        .preview_counts
        .replace("{added}", &thousands(count(Fate::Added)))
        .replace("{matched}", &thousands(count(Fate::Matched)))
        .replace("{updated}", &thousands(count(Fate::Updated)))
        .replace("{skipped}", &thousands(state.skipped.len()));
    ui.label(counts);
    // Into a meeting: who would have no side, and why (their organisation is on none).
    let meeting = state
        .meeting
        .as_ref()
        .filter(|_| state.add_to_meeting)
        .and_then(|m| project.meetings.get(m));
    if let Some(m) = meeting {
        without_side_ui(ui, project, m, &state.preview, language);
    }
    // In a window narrower than the table (1024 × 700), the table scrolls sideways
    // inside the dialog rather than the dialog leaving the window.
    egui::ScrollArea::horizontal()
        .id_salt("import_preview_wide")
        .show(ui, |ui| {
            people_ui(ui, project, meeting, &mut state.preview, language);
        });
    changes_ui(ui, &mut state.preview, language);
    skipped_ui(ui, state, language);
}

/// `3 will have no side: AFNOR, ISO on no side of this meeting…`, when anyone would.
fn without_side_ui(
    ui: &mut egui::Ui,
    project: &Project,
    meeting: &Meeting,
    preview: &[ParsedPerson],
    language: Language,
) {
    let t = language.strings();
    let zh = language.prefers_chinese();
    let mut orgs: Vec<String> = Vec::new();
    let mut n = 0;
    for entry in preview {
        if let Some(no_side) = without_side(project, meeting, entry, zh) {
            n += 1;
            let org = no_side
                .organisation
                .unwrap_or_else(|| t.protocol.no_organisation.to_owned());
            if !orgs.contains(&org) {
                orgs.push(org);
            }
        }
    }
    if n > 0 {
        let sep = if zh { "、" } else { ", " };
        ui.colored_label(
            style::warning_color(ui),
            format!(
                "▲ {}",
                t.protocol
                    .preview_without_side
                    .replace("{n}", &thousands(n))
                    .replace("{orgs}", &orgs.join(sep))
            ),
        );
    }
}

/// The editable table of people: only the rows in view are laid out (`body.rows`), so a
/// 50,000-row list scrolls as smoothly as ten.
fn people_ui(
    ui: &mut egui::Ui,
    project: &Project,
    meeting: Option<&Meeting>,
    preview: &mut Vec<ParsedPerson>,
    language: Language,
) {
    use egui_extras::{Column, TableBuilder};

    let t = language.strings();
    let warn = ui.visuals().warn_fg_color.gamma_multiply(0.25);
    let mut remove = None;
    // The fields by the names the mapping step gives them (`Title (Chinese)`, not a
    // bare `Chinese` beside `Title`).
    let headers = [
        t.preview_row,
        t.preview_result,
        language.choice(Field::Honorific),
        language.choice(Field::FamilyName),
        language.choice(Field::GivenName),
        language.choice(Field::ChineseName),
        language.choice(Field::NameOrder),
        language.choice(Field::Organisation),
        language.choice(Field::Title),
        language.choice(Field::TitleZh),
        "",
    ];
    let row_height = ui.spacing().interact_size.y + space::XS;
    let mut table = TableBuilder::new(ui)
        .id_salt("import_preview")
        .striped(true)
        .max_scroll_height(style::IMPORT_PREVIEW_HEIGHT)
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center));
    for width in style::IMPORT_COLUMNS {
        table = table.column(Column::exact(width).clip(true));
    }
    table
        .header(row_height, |mut header| {
            for h in headers {
                header.col(|ui| {
                    ui.label(egui::RichText::new(h).small().strong());
                });
            }
        })
        .body(|body| {
            body.rows(row_height, preview.len(), |mut row| {
                let i = row.index();
                let Some(entry) = preview.get_mut(i) else {
                    return;
                };
                // Each cell is named `<column> <row>` for screen readers (and tests).
                let header =
                    |k: usize| format!("{} {}", headers.get(k).copied().unwrap_or_default(), i + 1);
                // Someone already in the project keeps their name: what the list's row
                // made a guess of (a pinyin name) needs no check then.
                let uncertain = if entry.matched.is_some() {
                    Default::default()
                } else {
                    entry.uncertain.clone()
                };
                let flagged = |f: Field| uncertain.contains(&f);
                let text_cell = |row: &mut egui_extras::TableRow<'_, '_>,
                                 value: &mut String,
                                 field: Field,
                                 h: usize| {
                    row.col(|ui| {
                        let mut edit =
                            egui::TextEdit::singleline(value).desired_width(f32::INFINITY);
                        if flagged(field) {
                            edit = edit.background_color(warn);
                        }
                        ui.add(edit).accessible_name(header(h));
                    });
                };
                row.col(|ui| {
                    let line = if entry.line == 0 {
                        String::new()
                    } else {
                        entry.line.to_string()
                    };
                    ui.label(
                        egui::RichText::new(line)
                            .small()
                            .color(style::weak_color(ui)),
                    );
                });
                row.col(|ui| {
                    let fate = match entry.fate() {
                        Fate::Added => t.new_person_mark.to_owned(),
                        Fate::Matched => t.existing_person.to_owned(),
                        Fate::Updated => t.fate_updates.replace(
                            "{n}",
                            &entry.changes.iter().filter(|c| c.take).count().to_string(),
                        ),
                    };
                    let response = ui.label(egui::RichText::new(fate).small());
                    let zh = language.prefers_chinese();
                    if let Some(no_side) = meeting.and_then(|m| without_side(project, m, entry, zh))
                    {
                        let org = no_side
                            .organisation
                            .unwrap_or_else(|| t.protocol.no_organisation.to_owned());
                        ui.label(
                            egui::RichText::new(t.protocol.preview_no_side)
                                .small()
                                .color(style::warning_color(ui)),
                        )
                        .on_hover_text(t.protocol.preview_no_side_tip.replace("{org}", &org));
                    }
                    if entry.from_pinyin && entry.matched.is_none() {
                        ui.label(
                            egui::RichText::new(format!("▲ {}", t.pinyin_check))
                                .small()
                                .color(style::warning_color(ui)),
                        )
                        .on_hover_text(t.from_pinyin);
                        response.on_hover_text(t.from_pinyin);
                    }
                });
                row.col(|ui| {
                    egui::ComboBox::from_id_salt(("import_honorific", i))
                        .selected_text(language.choice(entry.person.honorific))
                        .width(style::IMPORT_HONORIFIC_WIDTH)
                        .show_ui(ui, |ui| {
                            for h in Honorific::ALL {
                                ui.selectable_value(
                                    &mut entry.person.honorific,
                                    *h,
                                    language.choice(*h),
                                );
                            }
                        })
                        .response
                        .accessible_name(header(2));
                });
                text_cell(
                    &mut row,
                    &mut entry.person.family_name,
                    Field::FamilyName,
                    3,
                );
                text_cell(&mut row, &mut entry.person.given_name, Field::GivenName, 4);
                text_cell(
                    &mut row,
                    &mut entry.person.chinese_name,
                    Field::ChineseName,
                    5,
                );
                row.col(|ui| {
                    egui::ComboBox::from_id_salt(("import_order", i))
                        .selected_text(language.choice(entry.person.name_order))
                        .width(style::IMPORT_ORDER_WIDTH)
                        .show_ui(ui, |ui| {
                            for o in NameOrder::ALL {
                                // Chosen here: no Chinese name changes it later.
                                if ui
                                    .selectable_value(
                                        &mut entry.person.name_order,
                                        *o,
                                        language.choice(*o),
                                    )
                                    .changed()
                                {
                                    entry.person.name_order_chosen = true;
                                }
                            }
                        })
                        .response
                        .accessible_name(header(6));
                });
                let org = match &entry.organisation {
                    OrganisationRef::Existing(id) => {
                        project.organisation_name(id, language.prefers_chinese())
                    }
                    OrganisationRef::New(o) => t
                        .bracketed
                        .replace(
                            "{text}",
                            &if o.acronym.is_empty() {
                                o.name.both()
                            } else {
                                o.acronym.clone()
                            },
                        )
                        .replace("{note}", t.new_org_mark),
                    OrganisationRef::None => t.none_choice.to_owned(),
                };
                row.col(|ui| {
                    // The column is narrow: the whole name on hover.
                    if flagged(Field::Organisation) {
                        ui.colored_label(ui.visuals().warn_fg_color, format!("▲ {org}"))
                            .on_hover_text(&org);
                    } else {
                        ui.label(&org).on_hover_text(&org);
                    }
                });
                text_cell(&mut row, &mut entry.person.title.en, Field::Title, 8);
                text_cell(&mut row, &mut entry.person.title.zh, Field::TitleZh, 9);
                row.col(|ui| {
                    if ui.small_button("×").on_hover_text(t.remove).clicked() {
                        remove = Some(i);
                    }
                });
            });
        });
    if let Some(i) = remove
        && i < preview.len()
    {
        preview.remove(i);
    }
}

/// The changes a revised list makes to people already there: each old → new, ticked to
/// take it (fills are ticked, changes wait for the user).
fn changes_ui(ui: &mut egui::Ui, preview: &mut [ParsedPerson], language: Language) {
    let t = language.strings();
    let flat: Vec<(usize, usize)> = preview
        .iter()
        .enumerate()
        .flat_map(|(p, entry)| (0..entry.changes.len()).map(move |c| (p, c)))
        .collect();
    if flat.is_empty() {
        return;
    }
    ui.add_space(space::S);
    ui.horizontal(|ui| {
        ui.label(
            egui::RichText::new(t.changes_title.replace("{n}", &thousands(flat.len()))).strong(),
        );
        let mut set_all = None;
        if ui.small_button(t.take_all_changes).clicked() {
            set_all = Some(true);
        }
        if ui.small_button(t.take_no_changes).clicked() {
            set_all = Some(false);
        }
        if let Some(take) = set_all {
            for change in preview.iter_mut().flat_map(|p| p.changes.iter_mut()) {
                change.take = take;
            }
        }
    });
    ui.label(
        egui::RichText::new(t.changes_hint)
            .small()
            .color(style::weak_color(ui)),
    );
    let row_height = ui.spacing().interact_size.y;
    egui::ScrollArea::vertical()
        .id_salt("import_changes")
        .max_height(style::IMPORT_SIDE_LIST_HEIGHT)
        .auto_shrink([false, true])
        .show_rows(ui, row_height, flat.len(), |ui, range| {
            for (p, c) in flat.get(range).unwrap_or_default() {
                let Some(entry) = preview.get_mut(*p) else {
                    continue;
                };
                let name = entry.person.display_name();
                let Some(change) = entry.changes.get_mut(*c) else {
                    continue;
                };
                let old = if change.is_fill() {
                    t.empty_value
                } else {
                    change.old.as_str()
                };
                let text = t
                    .change_line
                    .replace("{name}", &name)
                    .replace("{field}", language.choice(change.field))
                    .replace("{old}", old)
                    .replace("{new}", &change.new);
                ui.checkbox(&mut change.take, text);
            }
        });
}

/// The rows of the list that give nobody, each with its line and why.
fn skipped_ui(ui: &mut egui::Ui, state: &ImportState, language: Language) {
    let t = language.strings();
    if state.skipped.is_empty() {
        return;
    }
    ui.add_space(space::S);
    ui.label(
        egui::RichText::new(
            t.skipped_title
                .replace("{n}", &thousands(state.skipped.len())),
        )
        .strong(),
    );
    let row_height = ui.text_style_height(&egui::TextStyle::Body);
    egui::ScrollArea::vertical()
        .id_salt("import_skipped")
        .max_height(style::IMPORT_SIDE_LIST_HEIGHT)
        .auto_shrink([false, true])
        .show_rows(ui, row_height, state.skipped.len(), |ui, range| {
            for row in state.skipped.get(range).unwrap_or_default() {
                let reason = match row.reason {
                    SkipReason::Blank => t.skip_blank,
                    SkipReason::Title => t.skip_title,
                    SkipReason::RepeatedHeader => t.skip_repeated_header,
                    SkipReason::Total => t.skip_total,
                    SkipReason::NoName => t.skip_no_name,
                };
                let line = t.line_n.replace("{n}", &row.line.to_string());
                let text = if row.text.is_empty() {
                    format!("{line} — {reason}")
                } else {
                    t.skipped_line
                        .replace("{line}", &line)
                        .replace("{reason}", reason)
                        .replace("{text}", &row.text)
                };
                ui.add(egui::Label::new(text).truncate());
            }
        });
}
