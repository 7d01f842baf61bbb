//! App commands as data: one definition of each command's label, tooltip and shortcuts,
//! read by the menus, the keyboard handler, the command palette and the tests.
//!
//! Shortcuts are described here without egui (the workspace is egui-free); the UI turns
//! them into egui shortcuts.

use crate::export::agenda::AgendaFormat;
use crate::export::attendees::AttendeeFormat;
use crate::export::commitments::CommitmentsFormat;
use crate::export::minutes::MinutesFormat;
use crate::export::seating::SeatingFormat;
use crate::i18n::{self, Language, Strings};

/// Something the user can ask the app to do from a menu, a shortcut or the palette.
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
    /// Merge a colleague's copy of the project into it.
    MergeCopy,
    /// Choose between the versions a merge outside the app left in conflict.
    ResolveConflicts,
    /// Close the app.
    Quit,
    /// Undo the last change.
    Undo,
    /// Redo the last undone change.
    Redo,
    /// Find any command by typing its name.
    CommandPalette,
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
    /// Select the next entry of the list shown.
    NextItem,
    /// Select the previous entry of the list shown.
    PreviousItem,
    /// Make everything larger.
    ZoomIn,
    /// Make everything smaller.
    ZoomOut,
    /// Back to the normal size.
    ZoomReset,
    /// Switch the interface to English.
    English,
    /// Switch the interface to Chinese.
    Chinese,
    /// Light colours.
    LightTheme,
    /// Dark colours.
    DarkTheme,
    /// Import an attendee list (into the selected meeting when one is shown).
    ImportAttendees,
    /// Paste a draft agenda into the selected meeting.
    PasteAgenda,
    /// Export the selected meeting's agenda.
    ExportAgenda(AgendaFormat),
    /// Export the selected meeting's attendee list.
    ExportAttendees(AttendeeFormat),
    /// Export everyone in the project.
    ExportPeople(AttendeeFormat),
    /// Invitation letters (one per person) for the selected meeting.
    Letters,
    /// Save a copy of the project without personal data, to mail to a counterpart.
    ShareCopy,
    /// Name cards for the selected meeting's attendees.
    NameCards,
    /// Export the commitments the commitments view's filters show.
    ExportCommitments(CommitmentsFormat),
    /// Take the selected meeting's minutes live (or go back to its editor).
    TakeMinutes,
    /// Add a decision to the agenda item whose minutes are being taken.
    AddDecision,
    /// Add a commitment under the agenda item whose minutes are being taken.
    AddCommitment,
    /// Export the selected meeting's minutes.
    ExportMinutes(MinutesFormat),
    /// Show the selected meeting's seating plan (or go back to its editor).
    SeatingPlan,
    /// Export the selected meeting's seating plan.
    ExportSeating(SeatingFormat),
    /// Place cards of the selected meeting's seating plan, in seat order.
    PlaceCards,
}

/// A key of a shortcut (only the keys the app uses).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    /// A letter key.
    Letter(char),
    /// A digit key of the main row (`0`–`9`).
    Digit(u8),
    /// `+` (or `=`, the same key on most layouts).
    Plus,
    /// `-`.
    Minus,
    /// ↑.
    ArrowUp,
    /// ↓.
    ArrowDown,
}

/// A keyboard shortcut: the command key (Ctrl, ⌘ on a Mac), Shift, Alt and a key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shortcut {
    /// Ctrl (⌘ on a Mac).
    pub command: bool,
    /// Shift.
    pub shift: bool,
    /// Alt (⌥ on a Mac).
    pub alt: bool,
    /// The key.
    pub key: Key,
}

impl Shortcut {
    /// Ctrl + `key`.
    pub const fn ctrl(key: Key) -> Self {
        Self {
            command: true,
            shift: false,
            alt: false,
            key,
        }
    }

    /// Ctrl + Shift + `key`.
    pub const fn ctrl_shift(key: Key) -> Self {
        Self {
            command: true,
            shift: true,
            alt: false,
            key,
        }
    }

    /// How many modifiers it needs: shortcuts with more are looked at first, so that
    /// Ctrl+Shift+S is seen before Ctrl+S takes it.
    pub fn modifier_count(self) -> usize {
        usize::from(self.command) + usize::from(self.shift) + usize::from(self.alt)
    }
}

/// Where a command is carried out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// The workspace: the document, files, settings.
    Workspace,
    /// The view: what is shown and selected, zoom, the palette. The UI carries it out, or
    /// turns it into a request with the selection it needs.
    View,
}

/// A command's label and tooltip in one language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CommandText {
    /// The menu label.
    pub label: String,
    /// What it does.
    pub tooltip: String,
}

impl Command {
    /// Every command, in palette order.
    pub fn all() -> Vec<Self> {
        let mut all = vec![
            Self::New,
            Self::Open,
            Self::Save,
            Self::SaveAs,
            Self::MergeCopy,
            Self::ResolveConflicts,
            Self::Quit,
            Self::Undo,
            Self::Redo,
            Self::CommandPalette,
            Self::ShowProject,
            Self::ShowMeetings,
            Self::ShowPeople,
            Self::ShowOrganisations,
            Self::ShowCommitments,
            Self::NextItem,
            Self::PreviousItem,
            Self::ZoomIn,
            Self::ZoomOut,
            Self::ZoomReset,
            Self::English,
            Self::Chinese,
            Self::LightTheme,
            Self::DarkTheme,
            Self::ImportAttendees,
            Self::PasteAgenda,
            Self::TakeMinutes,
            Self::AddDecision,
            Self::AddCommitment,
        ];
        all.extend(AgendaFormat::ALL.map(Self::ExportAgenda));
        all.extend(AttendeeFormat::ALL.map(Self::ExportAttendees));
        all.push(Self::NameCards);
        all.push(Self::Letters);
        all.extend(AttendeeFormat::ALL.map(Self::ExportPeople));
        all.push(Self::ShareCopy);
        all.extend(CommitmentsFormat::ALL.map(Self::ExportCommitments));
        all.extend(MinutesFormat::ALL.map(Self::ExportMinutes));
        all.push(Self::SeatingPlan);
        all.extend(SeatingFormat::ALL.map(Self::ExportSeating));
        all.push(Self::PlaceCards);
        all
    }

    /// The shortcuts, the usual one first (Redo has two: Ctrl+Y and Ctrl+Shift+Z).
    pub fn shortcuts(self) -> &'static [Shortcut] {
        use Key::{ArrowDown, ArrowUp, Digit, Letter, Minus, Plus};
        match self {
            Self::New => const { &[Shortcut::ctrl(Letter('N'))] },
            Self::Open => const { &[Shortcut::ctrl(Letter('O'))] },
            Self::Save => const { &[Shortcut::ctrl(Letter('S'))] },
            Self::SaveAs => const { &[Shortcut::ctrl_shift(Letter('S'))] },
            Self::Quit => const { &[Shortcut::ctrl(Letter('Q'))] },
            Self::Undo => const { &[Shortcut::ctrl(Letter('Z'))] },
            Self::Redo => {
                const {
                    &[
                        Shortcut::ctrl(Letter('Y')),
                        Shortcut::ctrl_shift(Letter('Z')),
                    ]
                }
            }
            Self::CommandPalette => const { &[Shortcut::ctrl_shift(Letter('P'))] },
            Self::ShowProject => const { &[Shortcut::ctrl(Digit(1))] },
            Self::ShowMeetings => const { &[Shortcut::ctrl(Digit(2))] },
            Self::ShowPeople => const { &[Shortcut::ctrl(Digit(3))] },
            Self::ShowOrganisations => const { &[Shortcut::ctrl(Digit(4))] },
            Self::ShowCommitments => const { &[Shortcut::ctrl(Digit(5))] },
            Self::NextItem => const { &[Shortcut::ctrl(ArrowDown)] },
            Self::PreviousItem => const { &[Shortcut::ctrl(ArrowUp)] },
            Self::ZoomIn => const { &[Shortcut::ctrl(Plus)] },
            Self::ZoomOut => const { &[Shortcut::ctrl(Minus)] },
            Self::ZoomReset => const { &[Shortcut::ctrl(Digit(0))] },
            Self::ImportAttendees => const { &[Shortcut::ctrl(Letter('I'))] },
            Self::PasteAgenda => const { &[Shortcut::ctrl_shift(Letter('V'))] },
            Self::ExportAgenda(AgendaFormat::Pdf) => const { &[Shortcut::ctrl(Letter('P'))] },
            Self::TakeMinutes => const { &[Shortcut::ctrl(Letter('M'))] },
            Self::AddDecision => const { &[Shortcut::ctrl(Letter('D'))] },
            Self::AddCommitment => const { &[Shortcut::ctrl(Letter('K'))] },
            Self::SeatingPlan => const { &[Shortcut::ctrl_shift(Letter('T'))] },
            Self::MergeCopy => const { &[Shortcut::ctrl_shift(Letter('M'))] },
            Self::ResolveConflicts
            | Self::English
            | Self::Chinese
            | Self::LightTheme
            | Self::DarkTheme
            | Self::ExportAgenda(_)
            | Self::ExportAttendees(_)
            | Self::ExportPeople(_)
            | Self::NameCards
            | Self::Letters
            | Self::ShareCopy
            | Self::ExportCommitments(_)
            | Self::ExportMinutes(_)
            | Self::ExportSeating(_)
            | Self::PlaceCards => const { &[] },
        }
    }

    /// The usual shortcut, if the command has one.
    pub fn shortcut(self) -> Option<Shortcut> {
        self.shortcuts().first().copied()
    }

    /// Where the command is carried out.
    pub fn scope(self) -> Scope {
        match self {
            Self::New
            | Self::Open
            | Self::Save
            | Self::SaveAs
            | Self::MergeCopy
            | Self::ResolveConflicts
            | Self::Quit
            | Self::Undo
            | Self::Redo
            | Self::English
            | Self::Chinese
            | Self::LightTheme
            | Self::DarkTheme
            | Self::ShareCopy => Scope::Workspace,
            _ => Scope::View,
        }
    }

    /// Whether a shortcut of this command is also taken while a text field has the
    /// keyboard. Navigation keys are left to the field then (Ctrl+↑ moves its cursor), and
    /// so is Ctrl+Shift+V (paste without formatting in many programs).
    pub fn acts_while_typing(self) -> bool {
        !matches!(
            self,
            Self::NextItem | Self::PreviousItem | Self::PasteAgenda
        )
    }

    /// Whether the command changes or replaces the document (or saves it): these wait
    /// while a project is being opened, since it is about to replace the document.
    pub fn changes_document(self) -> bool {
        matches!(
            self,
            Self::New
                | Self::Open
                | Self::Save
                | Self::SaveAs
                | Self::MergeCopy
                | Self::ResolveConflicts
                | Self::Undo
                | Self::Redo
                | Self::ImportAttendees
                | Self::PasteAgenda
        )
    }

    /// Whether the command works on the meeting selected in the meetings view.
    pub fn needs_meeting(self) -> bool {
        matches!(
            self,
            Self::PasteAgenda
                | Self::ExportAgenda(_)
                | Self::ExportAttendees(_)
                | Self::NameCards
                | Self::Letters
                | Self::TakeMinutes
                | Self::AddDecision
                | Self::AddCommitment
                | Self::ExportMinutes(_)
                | Self::SeatingPlan
                | Self::ExportSeating(_)
                | Self::PlaceCards
        )
    }

    /// Label and tooltip in the given language.
    pub fn text(self, language: Language) -> CommandText {
        let t: &Strings = language.strings();
        let fixed = |label: &str, tooltip: &str| CommandText {
            label: label.to_owned(),
            tooltip: tooltip.to_owned(),
        };
        let export = |what: &str, format: &str, tooltip: &str| CommandText {
            label: format!("{what}: {format}"),
            tooltip: tooltip.to_owned(),
        };
        match self {
            Self::New => fixed(t.cmd_new, t.cmd_new_tip),
            Self::Open => fixed(t.cmd_open, t.cmd_open_tip),
            Self::Save => fixed(t.cmd_save, t.cmd_save_tip),
            Self::SaveAs => fixed(t.cmd_save_as, t.cmd_save_as_tip),
            Self::Letters => fixed(t.letters.letters_button, t.letters.letters_tip),
            Self::ShareCopy => fixed(t.letters.share_copy, t.letters.share_copy_tip),
            Self::MergeCopy => fixed(t.merge.cmd_merge_copy, t.merge.cmd_merge_copy_tip),
            Self::ResolveConflicts => fixed(t.merge.cmd_resolve, t.merge.cmd_resolve_tip),
            Self::Quit => fixed(t.cmd_quit, t.cmd_quit_tip),
            Self::Undo => fixed(t.cmd_undo, t.cmd_undo_tip),
            Self::Redo => fixed(t.cmd_redo, t.cmd_redo_tip),
            Self::CommandPalette => fixed(t.cmd_palette, t.cmd_palette_tip),
            Self::ShowProject => fixed(t.cmd_show_project, t.cmd_show_tip),
            Self::ShowMeetings => fixed(t.cmd_show_meetings, t.cmd_show_tip),
            Self::ShowPeople => fixed(t.cmd_show_people, t.cmd_show_tip),
            Self::ShowOrganisations => fixed(t.cmd_show_organisations, t.cmd_show_tip),
            Self::ShowCommitments => fixed(t.cmd_show_commitments, t.cmd_show_tip),
            Self::NextItem => fixed(t.cmd_next_item, t.cmd_next_item_tip),
            Self::PreviousItem => fixed(t.cmd_previous_item, t.cmd_previous_item_tip),
            Self::ZoomIn => fixed(t.cmd_zoom_in, t.cmd_zoom_tip),
            Self::ZoomOut => fixed(t.cmd_zoom_out, t.cmd_zoom_tip),
            Self::ZoomReset => fixed(t.cmd_zoom_reset, t.cmd_zoom_tip),
            Self::English => fixed(t.cmd_english, t.cmd_language_tip),
            Self::Chinese => fixed(t.cmd_chinese, t.cmd_language_tip),
            Self::LightTheme => fixed(t.cmd_light, t.cmd_theme_tip),
            Self::DarkTheme => fixed(t.cmd_dark, t.cmd_theme_tip),
            Self::ImportAttendees => fixed(t.import_list, t.import_list_tip),
            Self::PasteAgenda => fixed(t.paste_agenda, t.paste_agenda_tip),
            Self::ExportAgenda(format) => export(
                t.export_agenda,
                i18n::agenda_format(t, format),
                t.cmd_export_agenda_tip,
            ),
            Self::ExportAttendees(format) => export(
                t.cmd_export_attendees,
                i18n::attendee_format(t, format),
                t.cmd_export_attendees_tip,
            ),
            Self::ExportPeople(format) => export(
                t.cmd_export_people,
                i18n::attendee_format(t, format),
                t.cmd_export_people_tip,
            ),
            Self::NameCards => fixed(t.name_cards, t.name_cards_tip),
            Self::ExportCommitments(format) => export(
                t.export_commitments,
                i18n::commitments_format(t, format),
                t.export_commitments_tip,
            ),
            Self::TakeMinutes => fixed(t.take_minutes, t.take_minutes_tip),
            Self::AddDecision => fixed(t.add_decision, t.add_decision_tip),
            Self::AddCommitment => fixed(t.minutes_add_commitment, t.add_commitment_tip),
            Self::ExportMinutes(format) => export(
                t.export_minutes,
                i18n::minutes_format(t, format),
                t.cmd_export_minutes_tip,
            ),
            Self::SeatingPlan => fixed(t.seating.seating_plan, t.seating.seating_plan_tip),
            Self::ExportSeating(format) => export(
                t.seating.cmd_export,
                i18n::seating_format(t, format),
                t.seating.cmd_export_tip,
            ),
            Self::PlaceCards => fixed(t.seating.place_cards, t.seating.place_cards_tip),
        }
    }

    /// Whether the command's label or tooltip, in English or Chinese, contains every word
    /// of `query` (case does not matter): the palette's search.
    pub fn matches(self, query: &str) -> bool {
        let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
        if words.is_empty() {
            return true;
        }
        let haystack = [Language::English, Language::Chinese]
            .into_iter()
            .map(|language| {
                let text = self.text(language);
                format!("{} {}", text.label, text.tooltip)
            })
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        words.iter().all(|word| haystack.contains(word.as_str()))
    }

    /// Whether every word of `query` is in the command's name (in either language), not
    /// only in its tooltip: such commands are listed first in the palette.
    pub fn name_matches(self, query: &str) -> bool {
        let names = [Language::English, Language::Chinese]
            .into_iter()
            .map(|language| self.text(language).label)
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        query
            .split_whitespace()
            .all(|word| names.contains(word.to_lowercase().as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_command_has_text_in_both_languages() {
        for command in Command::all() {
            for language in [Language::English, Language::Chinese] {
                let text = command.text(language);
                assert!(!text.label.trim().is_empty(), "{command:?}");
                assert!(!text.tooltip.trim().is_empty(), "{command:?}");
            }
        }
    }

    #[test]
    fn no_two_commands_share_a_shortcut() {
        let mut seen = Vec::new();
        for command in Command::all() {
            for shortcut in command.shortcuts() {
                assert!(!seen.contains(shortcut), "{command:?} reuses {shortcut:?}");
                seen.push(*shortcut);
            }
        }
    }

    #[test]
    fn the_palette_finds_commands_in_either_language() {
        assert!(Command::DarkTheme.matches("dark"));
        assert!(Command::DarkTheme.matches("深色"));
        assert!(Command::ExportAgenda(AgendaFormat::Pdf).matches("agenda pdf"));
        assert!(Command::ExportAgenda(AgendaFormat::Pdf).matches("导出议程"));
        assert!(!Command::DarkTheme.matches("agenda"));
        assert!(Command::Save.matches(""));
    }
}
