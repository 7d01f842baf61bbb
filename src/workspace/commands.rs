//! App commands as data: one definition of each command's label, tooltip and shortcut,
//! used by the menus, the keyboard handler and the tests.

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::i18n::{Language, Strings};

/// Something the user can ask the app to do from a menu or a shortcut.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    /// Start an empty project.
    New,
    /// Open a project file.
    Open,
    /// Save to the current file (or ask where, the first time).
    Save,
    /// Save to a new file.
    SaveAs,
    /// Close the app.
    Quit,
    /// Undo the last change.
    Undo,
    /// Redo the last undone change.
    Redo,
    /// Switch the interface to English.
    English,
    /// Switch the interface to Chinese.
    Chinese,
    /// Light colours.
    LightTheme,
    /// Dark colours.
    DarkTheme,
    /// Show the project overview.
    ShowProject,
    /// Show the meetings.
    ShowMeetings,
    /// Show the people.
    ShowPeople,
    /// Show the organisations.
    ShowOrganisations,
    /// Show the commitments.
    ShowCommitments,
}

impl Command {
    /// Commands with a shortcut, longest modifier set first, so that Ctrl+Shift+S is seen
    /// before Ctrl+S consumes it.
    pub const WITH_SHORTCUTS: [Self; 12] = [
        Self::SaveAs,
        Self::Redo,
        Self::New,
        Self::Open,
        Self::Save,
        Self::Quit,
        Self::Undo,
        Self::ShowProject,
        Self::ShowMeetings,
        Self::ShowPeople,
        Self::ShowOrganisations,
        Self::ShowCommitments,
    ];

    /// The keyboard shortcut, if the command has one.
    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        let cmd = Modifiers::COMMAND;
        let cmd_shift = Modifiers::COMMAND.plus(Modifiers::SHIFT);
        let key = match self {
            Self::New => (cmd, Key::N),
            Self::Open => (cmd, Key::O),
            Self::Save => (cmd, Key::S),
            Self::SaveAs => (cmd_shift, Key::S),
            Self::Quit => (cmd, Key::Q),
            Self::Undo => (cmd, Key::Z),
            Self::Redo => (cmd, Key::Y),
            Self::ShowProject => (cmd, Key::Num1),
            Self::ShowMeetings => (cmd, Key::Num2),
            Self::ShowPeople => (cmd, Key::Num3),
            Self::ShowOrganisations => (cmd, Key::Num4),
            Self::ShowCommitments => (cmd, Key::Num5),
            Self::English | Self::Chinese | Self::LightTheme | Self::DarkTheme => return None,
        };
        Some(KeyboardShortcut::new(key.0, key.1))
    }

    /// Label and tooltip in the given language.
    pub fn text(self, language: Language) -> (&'static str, &'static str) {
        let t: &Strings = language.strings();
        match self {
            Self::New => (t.cmd_new, t.cmd_new_tip),
            Self::Open => (t.cmd_open, t.cmd_open_tip),
            Self::Save => (t.cmd_save, t.cmd_save_tip),
            Self::SaveAs => (t.cmd_save_as, t.cmd_save_as_tip),
            Self::Quit => (t.cmd_quit, t.cmd_quit_tip),
            Self::Undo => (t.cmd_undo, t.cmd_undo_tip),
            Self::Redo => (t.cmd_redo, t.cmd_redo_tip),
            Self::English => (t.cmd_english, t.cmd_language_tip),
            Self::Chinese => (t.cmd_chinese, t.cmd_language_tip),
            Self::LightTheme => (t.cmd_light, t.cmd_theme_tip),
            Self::DarkTheme => (t.cmd_dark, t.cmd_theme_tip),
            Self::ShowProject => (t.cmd_show_project, t.cmd_show_tip),
            Self::ShowMeetings => (t.cmd_show_meetings, t.cmd_show_tip),
            Self::ShowPeople => (t.cmd_show_people, t.cmd_show_tip),
            Self::ShowOrganisations => (t.cmd_show_organisations, t.cmd_show_tip),
            Self::ShowCommitments => (t.cmd_show_commitments, t.cmd_show_tip),
        }
    }

    /// Whether the command changes or replaces the document (or saves it): these wait
    /// while a project is being opened, since it is about to replace the document.
    pub fn changes_document(self) -> bool {
        matches!(
            self,
            Self::New | Self::Open | Self::Save | Self::SaveAs | Self::Undo | Self::Redo
        )
    }

    /// Shortcuts pressed this frame, consumed so that text fields do not also act on them
    /// (Ctrl+Z undoes the document, not just the field).
    pub fn consume_shortcuts(ctx: &egui::Context) -> Vec<Self> {
        let mut pressed = Vec::new();
        ctx.input_mut(|input| {
            // Ctrl+Shift+Z is the other common redo; checked before Ctrl+Z can take it.
            if input.consume_shortcut(&KeyboardShortcut::new(
                Modifiers::COMMAND.plus(Modifiers::SHIFT),
                Key::Z,
            )) {
                pressed.push(Self::Redo);
            }
            for command in Self::WITH_SHORTCUTS {
                if let Some(shortcut) = command.shortcut()
                    && input.consume_shortcut(&shortcut)
                {
                    pressed.push(command);
                }
            }
        });
        pressed
    }
}
