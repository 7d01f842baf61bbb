//! The menu bar. Entries come from [`Command`], with their shortcuts and tooltips.

use std::path::PathBuf;

use crate::app::{Command, DelegationApp};

/// The File, Edit and View menus; chosen commands are pushed to `commands`.
pub fn menu_bar_ui(
    ui: &mut egui::Ui,
    app: &DelegationApp,
    commands: &mut Vec<Command>,
    recent_to_open: &mut Option<PathBuf>,
) {
    let language = app.settings.language;
    let t = language.strings();
    egui::Panel::top("menu_bar").show(ui, |ui| {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button(t.menu_file, |ui| {
                command_button(ui, app, Command::New, commands);
                command_button(ui, app, Command::Open, commands);
                ui.add_enabled_ui(!app.is_opening(), |ui| {
                    ui.menu_button(t.cmd_open_recent, |ui| {
                        if app.settings.recent_files.is_empty() {
                            ui.label(t.cmd_no_recent);
                        }
                        for path in &app.settings.recent_files {
                            let name = path
                                .file_name()
                                .map(|n| n.to_string_lossy().into_owned())
                                .unwrap_or_default();
                            if ui
                                .button(name)
                                .on_hover_text(path.display().to_string())
                                .clicked()
                            {
                                *recent_to_open = Some(path.clone());
                            }
                        }
                    });
                });
                ui.separator();
                command_button(ui, app, Command::Save, commands);
                command_button(ui, app, Command::SaveAs, commands);
                ui.separator();
                command_button(ui, app, Command::Quit, commands);
            });
            ui.menu_button(t.menu_edit, |ui| {
                command_button(ui, app, Command::Undo, commands);
                command_button(ui, app, Command::Redo, commands);
            });
            ui.menu_button(t.menu_view, |ui| {
                for command in [
                    Command::ShowProject,
                    Command::ShowMeetings,
                    Command::ShowPeople,
                    Command::ShowOrganisations,
                    Command::ShowCommitments,
                ] {
                    command_button(ui, app, command, commands);
                }
                ui.separator();
                command_button(ui, app, Command::English, commands);
                command_button(ui, app, Command::Chinese, commands);
                ui.separator();
                command_button(ui, app, Command::LightTheme, commands);
                command_button(ui, app, Command::DarkTheme, commands);
            });
        });
    });
}

fn command_button(
    ui: &mut egui::Ui,
    app: &DelegationApp,
    command: Command,
    commands: &mut Vec<Command>,
) {
    let (label, tooltip) = command.text(app.settings.language);
    let enabled = match command {
        // A project being opened is about to replace the document.
        _ if command.changes_document() && app.is_opening() => false,
        Command::Undo => app.doc.can_undo(),
        Command::Redo => app.doc.can_redo(),
        _ => true,
    };
    let checked = match command {
        Command::English => Some(app.settings.language == crate::app::Language::English),
        Command::Chinese => Some(app.settings.language == crate::app::Language::Chinese),
        Command::LightTheme => Some(!app.settings.dark),
        Command::DarkTheme => Some(app.settings.dark),
        _ => None,
    };
    let mut button = match checked {
        Some(true) => egui::Button::selectable(true, label),
        _ => egui::Button::new(label),
    };
    if let Some(shortcut) = command.shortcut() {
        button = button.shortcut_text(ui.ctx().format_shortcut(&shortcut));
    }
    if ui
        .add_enabled(enabled, button)
        .on_hover_text(tooltip)
        .clicked()
    {
        commands.push(command);
        ui.close();
    }
}
