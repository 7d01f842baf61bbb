//! The command palette (Ctrl+Shift+P): type part of a command's name, in English or
//! Chinese, and run it with Enter — every command of the menus and shortcuts, from the one
//! table in [`Command`].

use super::ViewState;
use super::commands_ui::{enabled, shortcut_text};
use crate::workspace::{Command, Workspace};

/// The palette's state: open or not, what is typed, which match is highlighted.
#[derive(Debug, Default)]
pub struct Palette {
    open: bool,
    query: String,
    selected: usize,
    /// The text field is focused once, when the palette opens.
    focus_pending: bool,
}

impl Palette {
    /// Opens the palette with an empty query.
    pub fn open(&mut self) {
        *self = Self {
            open: true,
            focus_pending: true,
            ..Self::default()
        };
    }

    /// Whether it is shown.
    pub fn is_open(&self) -> bool {
        self.open
    }
}

/// Shows the palette when open; returns the command chosen.
pub fn palette_ui(
    ctx: &egui::Context,
    palette: &mut Palette,
    workspace: &Workspace,
    view: &ViewState,
) -> Option<Command> {
    if !palette.open {
        return None;
    }
    let language = workspace.language();
    let t = workspace.tr();
    let mut matches: Vec<Command> = Command::all()
        .into_iter()
        .filter(|c| *c != Command::CommandPalette && c.matches(&palette.query))
        .collect();
    // Commands named by what was typed before those whose tooltip only mentions it.
    matches.sort_by_key(|c| !c.name_matches(&palette.query));
    let (up, down, enter) = ctx.input_mut(|i| {
        (
            i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowUp),
            i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowDown),
            i.key_pressed(egui::Key::Enter),
        )
    });
    if down {
        palette.selected = (palette.selected + 1).min(matches.len().saturating_sub(1));
    }
    if up {
        palette.selected = palette.selected.saturating_sub(1);
    }
    palette.selected = palette.selected.min(matches.len().saturating_sub(1));
    let mut chosen = None;
    let modal = egui::Modal::new(egui::Id::unique("command_palette")).show(ctx, |ui| {
        ui.set_width(super::style::PALETTE_WIDTH);
        let field = ui
            .add(
                egui::TextEdit::singleline(&mut palette.query)
                    .hint_text(t.cmd_palette_hint)
                    .desired_width(f32::INFINITY),
            )
            .accessible_name(t.cmd_palette_hint)
            .on_hover_text(Command::CommandPalette.text(language).tooltip);
        if palette.focus_pending {
            field.request_focus();
            palette.focus_pending = false;
        }
        if field.changed() {
            palette.selected = 0;
        }
        ui.separator();
        if matches.is_empty() {
            ui.label(t.cmd_palette_none);
        }
        egui::ScrollArea::vertical()
            .max_height(super::style::PALETTE_LIST_HEIGHT)
            .show(ui, |ui| {
                for (i, command) in matches.iter().enumerate() {
                    let can = enabled(workspace, view, *command);
                    let text = command.text(language);
                    let mut button = egui::Button::selectable(i == palette.selected, text.label)
                        .min_size(egui::vec2(ui.available_width(), 0.0));
                    let shortcut = shortcut_text(ctx, *command);
                    if !shortcut.is_empty() {
                        button = button.shortcut_text(shortcut);
                    }
                    let response = ui
                        .add_enabled(can, button)
                        .on_hover_text(&text.tooltip)
                        .on_disabled_hover_text(if command.needs_meeting() {
                            t.cmd_needs_meeting
                        } else {
                            text.tooltip.as_str()
                        });
                    if i == palette.selected {
                        response.scroll_to_me(None);
                    }
                    if response.clicked() {
                        chosen = Some(*command);
                    }
                }
            });
    });
    if enter
        && let Some(command) = matches.get(palette.selected)
        && enabled(workspace, view, *command)
    {
        chosen = Some(*command);
    }
    if chosen.is_some() || modal.should_close() {
        palette.open = false;
    }
    chosen
}
