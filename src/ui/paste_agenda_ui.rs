//! The paste-agenda dialog: text in, a live preview of the days and items out (what each
//! line gave, what the days take from the text, times that were not used, speakers not
//! in the project and whether to add them as people), one undo step.

use std::sync::Arc;

use super::style::space;
use crate::document::Edit;
use crate::import::agenda_text::{self, AgendaPreview, Plan, PlanNote, format_time};
use crate::model::{Meeting, MeetingId};
use crate::workspace::{DialogOutcome, Workspace};

/// The preview and plan of one text, kept while the text, the choice and the project
/// stay the same (parsing indexes every person of the project).
type Cached = Arc<(u64, AgendaPreview, Plan)>;

fn cache_key(text: &str, replace: bool, revision: u64, meeting: &MeetingId) -> u64 {
    use std::hash::{Hash as _, Hasher as _};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    (text, replace, revision, meeting).hash(&mut h);
    h.finish()
}

fn preview_of(
    ctx: &egui::Context,
    workspace: &Workspace,
    id: &MeetingId,
    meeting: &Meeting,
    text: &str,
    replace: bool,
) -> Cached {
    let key = cache_key(text, replace, workspace.doc.revision(), id);
    let slot = egui::Id::unique("paste_agenda_preview");
    if let Some(cached) = ctx.data(|d| d.get_temp::<Cached>(slot))
        && cached.0 == key
    {
        return cached;
    }
    let revision = workspace.doc.revision();
    let index_slot = egui::Id::unique("paste_agenda_people");
    let people = match ctx.data(|d| d.get_temp::<Arc<(u64, agenda_text::PeopleIndex)>>(index_slot))
    {
        Some(cached) if cached.0 == revision => cached,
        _ => {
            let built = Arc::new((
                revision,
                agenda_text::PeopleIndex::new(workspace.doc.project()),
            ));
            ctx.data_mut(|d| d.insert_temp(index_slot, Arc::clone(&built)));
            built
        }
    };
    let preview = agenda_text::parse_with(text, &people.1, Some(meeting));
    let plan = agenda_text::plan(meeting, &preview, replace);
    let cached = Arc::new((key, preview, plan));
    ctx.data_mut(|d| d.insert_temp(slot, Arc::clone(&cached)));
    cached
}

/// A note of the plan in the UI's language.
fn note_text(t: &crate::i18n::Strings, zh: bool, note: &PlanNote) -> String {
    let day = |d: &usize| t.day_number.replace("{n}", &(d + 1).to_string());
    let date = |d: &chrono::NaiveDate| {
        crate::export::text::long_date(
            *d,
            if zh {
                crate::export::ExportLanguage::Zh
            } else {
                crate::export::ExportLanguage::En
            },
        )
    };
    match note {
        PlanNote::DateFromText { day: d, date: x } => t
            .note_date_from_text
            .replace("{day}", &day(d))
            .replace("{date}", &date(x)),
        PlanNote::NewDay { day: d, date: x } => t
            .note_new_day
            .replace("{day}", &day(d))
            .replace("{date}", &date(x)),
        PlanNote::WeekdayDiffers { line, date: x } => t
            .note_weekday_differs
            .replace("{line}", &line.to_string())
            .replace("{date}", &date(x)),
        PlanNote::StartMoves { day: d, from, to } => t
            .note_start_moves
            .replace("{day}", &day(d))
            .replace("{from}", &format_time(*from))
            .replace("{to}", &format_time(*to)),
        PlanNote::RunsPastEnd {
            day: d,
            end,
            planned,
        } => t
            .note_runs_past_end
            .replace("{day}", &day(d))
            .replace("{end}", &format_time(*end))
            .replace("{planned}", &format_time(*planned)),
        PlanNote::PastMidnight { day: d } => t.note_past_midnight.replace("{day}", &day(d)),
        PlanNote::TimeNotUsed { line, time } => t
            .note_time_not_used
            .replace("{line}", &line.to_string())
            .replace("{time}", &format_time(*time)),
        PlanNote::TimeUnread { line, text } => t
            .note_time_unread
            .replace("{line}", &line.to_string())
            .replace("{text}", text),
        PlanNote::DaysRemoved { count } => t.note_days_removed.replace("{n}", &count.to_string()),
        PlanNote::EndBeforeStart { line, start, end } => t
            .programmes
            .note_end_before_start
            .replace("{line}", &line.to_string())
            .replace("{start}", &format_time(*start))
            .replace("{end}", &format_time(*end)),
        PlanNote::TimeBeforePrevious {
            line,
            time,
            previous_end,
        } => t
            .programmes
            .note_time_before_previous
            .replace("{line}", &line.to_string())
            .replace("{time}", &format_time(*time))
            .replace("{end}", &format_time(*previous_end)),
        PlanNote::TitleFromText { line } => t
            .programmes
            .note_title_from_text
            .replace("{line}", &line.to_string()),
        PlanNote::TitleKept { line } => t
            .programmes
            .note_title_kept
            .replace("{line}", &line.to_string()),
        PlanNote::NoSuchDate {
            line,
            written,
            problem,
        } => t
            .inputs
            .note_no_such_date
            .replace("{line}", &line.to_string())
            .replace("{written}", &crate::model::clip_for_message(written))
            .replace("{why}", &date_problem_text(t, zh, problem)),
    }
}

/// Why a written date is none, in the UI's language.
fn date_problem_text(
    t: &crate::i18n::Strings,
    zh: bool,
    problem: &agenda_text::DateProblem,
) -> String {
    use agenda_text::DateProblem;
    let month_name = |month: u32| match u8::try_from(month)
        .ok()
        .and_then(|m| chrono::Month::try_from(m).ok())
    {
        Some(m) if !zh => m.name().to_owned(),
        _ => month.to_string(),
    };
    match problem {
        DateProblem::NoSuchMonth { month } => t
            .inputs
            .no_such_month
            .replace("{month}", &month.to_string()),
        DateProblem::NoSuchDay {
            year,
            month,
            days_in_month,
            year_written,
            ..
        } => if *year_written {
            t.inputs.no_such_day
        } else {
            t.inputs.no_such_day_meeting_year
        }
        .replace("{month}", &month_name(*month))
        .replace("{year}", &year.to_string())
        .replace("{days}", &days_in_month.to_string()),
        DateProblem::YearOutOfRange { year } => t
            .inputs
            .year_out_of_range
            .replace("{year}", &year.to_string())
            .replace("{from}", &crate::model::YEARS.start().to_string())
            .replace("{to}", &crate::model::YEARS.end().to_string()),
    }
}

/// True for the notes that ask the user to look (the others say what will happen).
fn is_warning(note: &PlanNote) -> bool {
    !matches!(
        note,
        PlanNote::DateFromText { .. }
            | PlanNote::NewDay { .. }
            | PlanNote::StartMoves { .. }
            | PlanNote::TitleFromText { .. }
            | PlanNote::TitleKept { .. }
    )
}

/// Shows the dialog; returns the outcome once the user decided.
pub fn paste_agenda_dialog_ui(
    ctx: &egui::Context,
    workspace: &Workspace,
    meeting_id: &MeetingId,
    text: &mut String,
    replace: &mut bool,
    add_as_people: &mut Vec<String>,
) -> Option<DialogOutcome> {
    let t = workspace.tr();
    let language = workspace.language();
    let zh = language.prefers_chinese();
    let project = workspace.doc.project();
    // The meeting was deleted (by undo) while the dialog was open: close it.
    let Some(meeting) = project.meetings.get(meeting_id) else {
        return Some(DialogOutcome::Dismiss);
    };
    let cached = preview_of(ctx, workspace, meeting_id, meeting, text, *replace);
    let (_, preview, plan) = &*cached;
    let mut outcome = None;
    let mut open_file = false;
    let modal = egui::Modal::new(egui::Id::unique("paste_agenda")).show(ctx, |ui| {
        ui.set_width(super::style::dialog_width(
            ctx,
            super::style::PASTE_DIALOG_WIDTH,
        ));
        ui.heading(t.paste_agenda_title);
        ui.add_space(space::XS);
        ui.label(egui::RichText::new(t.paste_agenda_body).color(super::style::weak_color(ui)));
        ui.add_space(space::S);
        let label = ui.label(t.draft_agenda);
        let field = ui
            .add(
                egui::TextEdit::multiline(text)
                    .desired_rows(6)
                    .desired_width(f32::INFINITY)
                    .font(egui::TextStyle::Monospace),
            )
            .labelled_by(label.id);
        // Ready to paste as soon as the dialog opens (once, so the user can tab away).
        let focused_once = egui::Id::unique("paste_agenda_focused");
        if !ui.data(|d| d.get_temp::<bool>(focused_once).unwrap_or(false)) {
            field.request_focus();
            ui.data_mut(|d| d.insert_temp(focused_once, true));
        }
        ui.horizontal(|ui| {
            ui.radio_value(replace, false, t.append_agenda);
            ui.radio_value(replace, true, t.replace_agenda);
            // A Word, text or workbook programme read into the box (issue 22).
            if ui
                .button(t.programmes.open_programme)
                .on_hover_text(t.programmes.open_programme_tip)
                .clicked()
            {
                open_file = true;
            }
        });
        ui.add_space(space::S);
        egui::ScrollArea::vertical()
            .max_height(super::style::PASTE_PREVIEW_HEIGHT)
            .show(ui, |ui| {
                if preview.lines.is_empty() {
                    ui.label(
                        egui::RichText::new(t.nothing_parsed).color(super::style::weak_color(ui)),
                    );
                    return;
                }
                if let Some(title) = &preview.title {
                    ui.strong(
                        t.programmes
                            .title_offered
                            .replace("{line}", &title.line.to_string())
                            .replace("{title}", &title.title.both()),
                    );
                }
                preview_grid_ui(ui, workspace, preview, plan, add_as_people);
                for note in &plan.notes {
                    let text = note_text(t, zh, note);
                    if note.blocks() {
                        ui.colored_label(super::style::overdue_color(ui), format!("× {text}"));
                    } else if is_warning(note) {
                        ui.colored_label(super::style::warning_color(ui), format!("▲ {text}"));
                    } else {
                        ui.label(format!("• {text}"));
                    }
                }
                if !preview.skipped.is_empty() {
                    let lines: Vec<String> =
                        preview.skipped.iter().map(ToString::to_string).collect();
                    ui.colored_label(
                        super::style::warning_color(ui),
                        format!("{}: {}", t.lines_skipped, lines.join(", ")),
                    );
                }
                ui.add_space(space::S);
                super::paste_lines_ui::lines_ui(ui, t, preview, plan);
            });
        ui.add_space(space::L);
        ui.horizontal(|ui| {
            let add = format!("{} ({})", t.add_items, preview.lines.len());
            // A date the calendar does not have must be corrected first: applied, the day
            // would lose its date or get another one.
            let blocked = plan.blocking().next().is_some();
            let (button, chosen) = super::widgets::default_button_response(
                ui,
                t,
                &add,
                None,
                !preview.lines.is_empty() && !blocked,
            );
            if blocked {
                button.on_disabled_hover_text(t.inputs.add_blocked_by_dates);
            }
            if chosen {
                outcome = Some(true);
            }
            if ui.button(t.dlg_cancel).clicked() {
                outcome = Some(false);
            }
        });
    });
    if modal.should_close() && outcome.is_none() {
        outcome = Some(false);
    }
    if outcome.is_some() {
        ctx.data_mut(|d| d.remove::<bool>(egui::Id::unique("paste_agenda_focused")));
    }
    if open_file && outcome.is_none() {
        return Some(DialogOutcome::Import(
            crate::workspace::dialog::ImportStep::OpenProgramme,
        ));
    }
    match outcome {
        None => None,
        Some(false) => Some(DialogOutcome::Dismiss),
        Some(true) => {
            let chosen: Vec<String> = preview
                .guests()
                .into_iter()
                .filter(|g| add_as_people.iter().any(|a| a == g))
                .map(str::to_owned)
                .collect();
            let edit = if chosen.is_empty() {
                Edit::PutMeeting(meeting_id.clone(), Box::new(plan.meeting.clone()))
            } else {
                agenda_text::add_guests_as_people(
                    project,
                    meeting_id,
                    plan.meeting.clone(),
                    &chosen,
                )
            };
            Some(DialogOutcome::Apply(Box::new(edit)))
        }
    }
}

/// The lines as they will be added: day, time, duration, title in both languages, kind
/// and speakers (a guest with a box to add them as a person).
fn preview_grid_ui(
    ui: &mut egui::Ui,
    workspace: &Workspace,
    preview: &AgendaPreview,
    plan: &Plan,
    add_as_people: &mut Vec<String>,
) {
    let t = workspace.tr();
    let language = workspace.language();
    let project = workspace.doc.project();
    egui::Grid::new("paste_preview")
        .num_columns(6)
        .striped(true)
        .spacing(super::style::GRID_SPACING)
        .show(ui, |ui| {
            for h in [
                t.day_column,
                t.start_time,
                t.col_duration,
                t.item_title,
                t.kind,
                t.speakers,
            ] {
                ui.strong(h);
            }
            ui.end_row();
            let mut shown_guests = std::collections::HashSet::new();
            let flagged: std::collections::HashSet<usize> = plan
                .notes
                .iter()
                .filter_map(|n| match n {
                    PlanNote::TimeNotUsed { line, .. }
                    | PlanNote::TimeBeforePrevious { line, .. }
                    | PlanNote::EndBeforeStart { line, .. } => Some(*line),
                    _ => None,
                })
                .collect();
            for (i, line) in preview.lines.iter().enumerate() {
                // Numbered as the meeting's days will be, not as the text's.
                let day = plan.targets.get(line.day).copied().unwrap_or(line.day);
                ui.label(t.day_number.replace("{n}", &(day + 1).to_string()));
                match (line.start, line.end, &line.unread_time) {
                    // The reason under the time, so that the column stays narrow and
                    // the speakers keep their room (in Chinese especially).
                    (_, _, Some(unread)) => {
                        ui.vertical(|ui| {
                            let color = super::style::warning_color(ui);
                            ui.colored_label(color, format!("▲ {unread}"));
                            ui.colored_label(color, format!("({})", t.time_unread));
                        });
                    }
                    // A time the plan does not use (before the item above, an end
                    // before its start) is marked where it stands; the note says why.
                    (Some(s), end, None) if flagged.contains(&line.line) => {
                        let text = match end {
                            Some(e) => format!("▲ {}–{}", format_time(s), format_time(e)),
                            None => format!("▲ {}", format_time(s)),
                        };
                        ui.colored_label(super::style::warning_color(ui), text);
                    }
                    (Some(s), Some(e), None) => {
                        ui.label(format!("{}–{}", format_time(s), format_time(e)));
                    }
                    (Some(s), None, None) => {
                        ui.label(format_time(s));
                    }
                    (None, _, None) => {
                        ui.label("");
                    }
                }
                let minutes = preview.durations.get(i).copied().unwrap_or_default();
                if preview.assumed_duration.get(i).copied().unwrap_or(false) {
                    ui.colored_label(
                        super::style::warning_color(ui),
                        format!("{minutes} {} ({})", t.unit_min, t.duration_assumed),
                    );
                } else {
                    ui.label(format!("{minutes} {}", t.unit_min));
                }
                ui.vertical(|ui| {
                    ui.set_min_width(super::style::PASTE_TITLE_WIDTH);
                    if line.titles.en.is_empty() || line.titles.zh.is_empty() {
                        ui.label(&line.title);
                    } else {
                        ui.label(&line.titles.en);
                        ui.label(&line.titles.zh);
                    }
                    // Notes written under the item go to its notes.
                    for note in &line.notes {
                        ui.weak(note);
                    }
                });
                ui.label(language.choice(line.kind));
                ui.vertical(|ui| {
                    for chair in &line.chairs {
                        let name = chair
                            .person
                            .as_ref()
                            .map_or_else(|| chair.text.clone(), |id| project.person_name(id));
                        ui.label(format!("{name} ({})", t.programmes.chair));
                    }
                    for speaker in &line.speakers {
                        match &speaker.person {
                            Some(id) => {
                                ui.label(format!("√ {}", project.person_name(id)));
                            }
                            // A guest named on several lines is offered once.
                            None if shown_guests.insert(speaker.text.clone()) => {
                                let mut on = add_as_people.contains(&speaker.text);
                                let label = format!("{} ({})", speaker.text, t.add_as_person);
                                if ui
                                    .checkbox(&mut on, label)
                                    .on_hover_text(t.add_as_person_tip)
                                    .changed()
                                {
                                    add_as_people.retain(|g| g != &speaker.text);
                                    if on {
                                        add_as_people.push(speaker.text.clone());
                                    }
                                }
                            }
                            None => {
                                ui.label(format!("{} ({})", speaker.text, t.guest));
                            }
                        }
                    }
                });
                ui.end_row();
            }
        });
}
