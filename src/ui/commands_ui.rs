//! Commands in egui terms: their shortcuts as egui shortcuts, the keys pressed this frame,
//! whether a command can run on what is shown, and the view commands carried out here
//! (switching views, zoom, next/previous item, commands that need the selection).

use egui::{KeyboardShortcut, Modifiers};

use super::palette_ui::Palette;
use super::{View, ViewState};
use crate::export::seating::SeatingOptions;
use crate::export::{ExportLanguage, ExportRequest};
use crate::workspace::{Action, Command, Key, Request, Shortcut, Workspace};

/// The egui shortcut of `shortcut`.
pub fn egui_shortcut(shortcut: Shortcut) -> Option<KeyboardShortcut> {
    let key = match shortcut.key {
        Key::Letter(c) => egui::Key::from_name(&c.to_string())?,
        Key::Digit(d) => egui::Key::from_name(&d.to_string())?,
        Key::Plus => egui::Key::Plus,
        Key::Minus => egui::Key::Minus,
        Key::ArrowUp => egui::Key::ArrowUp,
        Key::ArrowDown => egui::Key::ArrowDown,
    };
    let mut modifiers = Modifiers::NONE;
    if shortcut.command {
        modifiers = modifiers.plus(Modifiers::COMMAND);
    }
    if shortcut.shift {
        modifiers = modifiers.plus(Modifiers::SHIFT);
    }
    if shortcut.alt {
        modifiers = modifiers.plus(Modifiers::ALT);
    }
    Some(KeyboardShortcut::new(modifiers, key))
}

/// The usual shortcut of `command` as the platform writes it (`Ctrl+S`, `⌘S`), or "".
pub fn shortcut_text(ctx: &egui::Context, command: Command) -> String {
    command
        .shortcut()
        .and_then(egui_shortcut)
        .map(|s| ctx.format_shortcut(&s))
        .unwrap_or_default()
}

/// The shortcuts pressed this frame, consumed so that text fields do not also act on them
/// (Ctrl+Z undoes the document, not just the field). Shortcuts with more modifiers are
/// looked at first, so that Ctrl+Shift+S is not taken by Ctrl+S.
pub fn consume_shortcuts(ctx: &egui::Context) -> Vec<Command> {
    let typing = ctx.egui_wants_keyboard_input();
    let mut table: Vec<(Shortcut, Command)> = Command::all()
        .into_iter()
        .filter(|c| !typing || c.acts_while_typing())
        .flat_map(|c| c.shortcuts().iter().map(move |s| (*s, c)))
        .collect();
    table.sort_by_key(|(s, _)| std::cmp::Reverse(s.modifier_count()));
    let mut pressed = Vec::new();
    ctx.input_mut(|input| {
        for (shortcut, command) in table {
            // Ctrl+= zooms in as well as Ctrl++ (the same key without Shift).
            let extra = (shortcut.key == Key::Plus)
                .then(|| KeyboardShortcut::new(Modifiers::COMMAND, egui::Key::Equals));
            let hit = egui_shortcut(shortcut)
                .into_iter()
                .chain(extra)
                .any(|s| input.consume_shortcut(&s));
            if hit && !pressed.contains(&command) {
                pressed.push(command);
            }
        }
    });
    pressed
}

/// Whether `command` can run now (the menu and the palette grey it out otherwise).
pub fn enabled(workspace: &Workspace, view: &ViewState, command: Command) -> bool {
    if command.changes_document() && workspace.is_opening() {
        return false;
    }
    match command {
        Command::Undo => workspace.doc.can_undo(),
        Command::Redo => workspace.doc.can_redo(),
        Command::MergeCopy => !workspace.is_merging(),
        Command::ResolveConflicts => workspace.doc.project().merge.pending.is_some(),
        _ if command.needs_meeting() => selected_meeting(workspace, view).is_some(),
        _ => true,
    }
}

/// The meeting a command works on: the one selected in the meetings view.
fn selected_meeting(workspace: &Workspace, view: &ViewState) -> Option<crate::model::MeetingId> {
    view.meeting
        .clone()
        .filter(|id| workspace.doc.project().meetings.contains_key(id))
}

/// Carries out a view command; commands that need the selection become a request for the
/// workspace.
pub fn view_command(
    ctx: &egui::Context,
    command: Command,
    view: &mut ViewState,
    palette: &mut Palette,
) -> Option<Action> {
    let meeting = view.meeting.clone();
    let request = match command {
        Command::ShowProject => return show(view, View::Project),
        Command::ShowMeetings => return show(view, View::Meetings),
        Command::ShowPeople => return show(view, View::People),
        Command::ShowOrganisations => return show(view, View::Organisations),
        Command::ShowCommitments => return show(view, View::Commitments),
        Command::NextItem => {
            view.select_next(true);
            return None;
        }
        Command::PreviousItem => {
            view.select_next(false);
            return None;
        }
        Command::ZoomIn => {
            egui::gui_zoom::zoom_in(ctx);
            return None;
        }
        Command::ZoomOut => {
            egui::gui_zoom::zoom_out(ctx);
            return None;
        }
        Command::ZoomReset => {
            ctx.set_zoom_factor(1.0);
            return None;
        }
        Command::CommandPalette => {
            palette.open();
            return None;
        }
        Command::ImportAttendees => {
            Request::ImportAttendees(meeting.filter(|_| view.view == View::Meetings))
        }
        Command::PasteAgenda => Request::PasteAgenda(meeting?),
        Command::ExportAgenda(format) => Request::ExportAgenda {
            meeting: meeting?,
            format,
            language: ExportLanguage::Both,
        },
        Command::ExportAttendees(format) => Request::ExportAttendees {
            meeting: Some(meeting?),
            format,
            language: ExportLanguage::Both,
            personal: false,
        },
        Command::ExportPeople(format) => Request::ExportAttendees {
            meeting: None,
            format,
            language: ExportLanguage::Both,
            personal: false,
        },
        Command::NameCards => Request::NameCards(meeting?),
        Command::Letters => Request::Letters(meeting?),
        Command::ExportMinutes(format) => Request::ExportMinutes {
            meeting: meeting?,
            format,
            language: ExportLanguage::Both,
        },
        Command::TakeMinutes => {
            meeting?;
            // From another view it opens the minutes; in the meetings view it toggles them.
            view.minutes_mode = view.view != View::Meetings || !view.minutes_mode;
            view.seating_mode = false;
            view.view = View::Meetings;
            return None;
        }
        Command::AddDecision | Command::AddCommitment => {
            meeting?;
            view.view = View::Meetings;
            view.minutes_mode = true;
            view.minutes_add = Some(if command == Command::AddDecision {
                crate::ui::minutes_ui::MinutesAdd::Decision
            } else {
                crate::ui::minutes_ui::MinutesAdd::Commitment
            });
            return None;
        }
        Command::SeatingPlan => {
            meeting?;
            // From another view it opens the plan; in the meetings view it toggles it.
            view.seating_mode = view.view != View::Meetings || !view.seating_mode;
            view.minutes_mode = false;
            view.view = View::Meetings;
            return None;
        }
        Command::ExportSeating(format) => Request::Export(Box::new(ExportRequest::Seating {
            meeting: meeting?,
            format,
            language: view.seating.language,
            options: SeatingOptions {
                paper: view.seating.paper,
                ..SeatingOptions::default()
            },
        })),
        Command::PlaceCards => Request::Export(Box::new(ExportRequest::PlaceCards {
            meeting: meeting?,
            options: SeatingOptions::default(),
            cards: view.seating.cards,
        })),
        Command::ExportCommitments(format) => Request::ExportCommitments {
            format,
            language: ExportLanguage::Both,
            filter: Box::new(view.commitment_filter.clone()),
        },
        // Workspace commands are not the view's.
        other => return Some(Action::Command(other)),
    };
    Some(Action::Request(request))
}

fn show(view: &mut ViewState, to: View) -> Option<Action> {
    view.view = to;
    None
}
