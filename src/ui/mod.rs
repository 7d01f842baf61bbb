//! The panels and dialogs of the app, one per file. Panels read the project and push
//! [`PendingEdit`]s and [`Request`]s; dialogs read the workspace and return a
//! [`DialogOutcome`](crate::workspace::DialogOutcome). None of them changes anything itself:
//! the app hands what they return to the workspace's one apply point after the frame.

mod agenda_actions;
pub mod agenda_forms_ui;
pub mod agenda_ui;
mod attendance_columns;
mod attendance_drag;
mod attendance_row_ui;
pub mod attendance_ui;
pub mod commands_ui;
pub mod commitments_ui;
pub mod dialogs_ui;
pub mod export_dialog_ui;
pub mod file_browser_ui;
pub mod import_attendees_ui;
pub mod import_preview_ui;
pub mod letters_ui;
pub mod meeting_commitments_ui;
pub mod meeting_summary;
pub mod meeting_when_ui;
pub mod meetings_ui;
pub mod menu_ui;
pub mod merge_ui;
pub mod minutes_ui;
pub mod name_cards_ui;
pub mod nav_ui;
pub mod new_meeting_ui;
pub mod open_other_ui;
pub mod organisations_ui;
pub mod overview_ui;
pub mod palette_ui;
pub mod paste_agenda_ui;
pub mod paste_lines_ui;
pub mod people_list;
pub mod people_ui;
pub mod person_picker;
pub mod personal_ui;
pub mod project_ui;
pub mod recovery_ui;
mod seating_canvas;
mod seating_sizes;
pub mod seating_ui;
pub mod series_ui;
pub mod sides_ui;
pub mod stats_ui;
pub mod status_ui;
pub mod style;
pub mod widgets;

use crate::document::Edit;
use crate::i18n::Language;
use crate::i18n::Strings;
use crate::model::{CommitmentId, ItemId, MeetingId, OrganisationId, PersonId, Project};
pub use crate::workspace::{PendingEdit, Request};

/// What every panel gets: the project to read, the language, and where to put edits.
pub struct Cx<'a> {
    /// The open document, read-only: its journal lets caches catch up edit by edit.
    pub document: &'a crate::document::Document,
    /// The project, read-only.
    pub project: &'a Project,
    /// The interface language.
    pub language: Language,
    /// Changes whenever the project changes; list caches key on it.
    pub revision: u64,
    /// Edits produced this frame.
    pub edits: &'a mut Vec<PendingEdit>,
    /// The day "overdue" and "due soon" count from: the app's one notion of today.
    pub today: chrono::NaiveDate,
}

impl Cx<'_> {
    /// The strings of the interface language.
    pub fn tr(&self) -> &'static Strings {
        self.language.strings()
    }

    /// True when bilingual data should show Chinese first.
    pub fn zh(&self) -> bool {
        self.language.prefers_chinese()
    }

    /// Queues an edit of the entity `entity_key`. While the user is typing in a text field,
    /// consecutive edits of that field merge into one undo step.
    pub fn edit(&mut self, ui: &egui::Ui, entity_key: &str, edit: Edit) {
        let merge_key = ui
            .ctx()
            .egui_wants_keyboard_input()
            .then(|| ui.ctx().memory(|m| m.focused()))
            .flatten()
            .map(|id| format!("{entity_key}/{id:?}"));
        self.edits.push(PendingEdit { edit, merge_key });
    }

    /// Queues an edit that is always its own undo step (a button, a delete).
    pub fn edit_step(&mut self, edit: Edit) {
        self.edits.push(PendingEdit {
            edit,
            merge_key: None,
        });
    }
}

/// The views of the left navigation.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum View {
    /// Title and summary of the project.
    Project,
    /// Meetings, their sides, attendees and agenda.
    #[default]
    Meetings,
    /// People.
    People,
    /// Organisations.
    Organisations,
    /// Commitments.
    Commitments,
}

/// Which view is shown, what is selected and searched in each.
#[derive(Debug, Default)]
pub struct ViewState {
    /// The view shown.
    pub view: View,
    /// What a panel asked for this frame.
    pub request: Option<Request>,
    /// Selected meeting.
    pub meeting: Option<MeetingId>,
    /// Selected attendee of the selected meeting (edited in place in the list).
    pub attendee: Option<PersonId>,
    /// Selected agenda item of the selected meeting.
    pub agenda_item: Option<ItemId>,
    /// Selected day of the selected meeting's programme (its form shows when no item is
    /// selected; new items go to it).
    pub agenda_day: usize,
    /// Whether the selected day's form is open (a click on its heading opens it).
    pub agenda_day_open: bool,
    /// Selected person.
    pub person: Option<PersonId>,
    /// Selected organisation.
    pub organisation: Option<OrganisationId>,
    /// Selected commitment.
    pub commitment: Option<CommitmentId>,
    /// How the people list is sorted.
    pub people_sort: widgets::SortState,
    /// How the organisations list is sorted.
    pub organisations_sort: widgets::SortState,
    /// People with the same name as the selected person, for the merge prompt, with the
    /// project revision and person they were found for.
    pub duplicates: Option<(u64, PersonId, Vec<PersonId>)>,
    /// Search text of the people list.
    pub people_search: String,
    /// Search text of the organisations list.
    pub organisations_search: String,
    /// Search text of the meetings list.
    pub meetings_search: String,
    /// Search text of the commitments list.
    pub commitments_search: String,
    /// Sorted, filtered rows of the people list.
    pub people_rows: people_list::PeopleList,
    /// Sorted, filtered rows of the organisations list.
    pub organisations_rows: ListCache<OrganisationId>,
    /// Sorted, filtered rows of the meetings list.
    pub meetings_rows: ListCache<MeetingId>,
    /// Rows of the commitments list: each point followed by its sub-points, with depth.
    pub commitments_rows: ListCache<(CommitmentId, usize)>,
    /// The filters of the commitments view (status, party, owner, topic, meeting, due).
    pub commitment_filter: crate::model::followup::Filter,
    /// What the overview shows, per revision and day.
    pub overview: Option<overview_ui::OverviewCache>,
    /// Counts and choices of the commitments filter bar, per revision.
    pub commitment_bar: commitments_ui::FilterBarCache,
    /// The person pickers (speakers, owners, new attendees).
    pub person_picker: person_picker::PersonPicker,
    /// What the meeting editor derives from the selected meeting, per revision.
    pub meeting_summary: meeting_summary::MeetingSummary,
    /// The rows the attendance list shows (held still while the user works in it).
    pub attendance: attendance_drag::AttendanceView,
    /// The view whose selected entry was just deleted: its editor stays empty until the
    /// user picks an entry, so that another entry's Delete button never moves under the
    /// cursor.
    pub emptied_by_delete: Option<View>,
    /// The entry deleted there: selected again if an undo brings it back.
    pub deleted: Option<crate::workspace::Deletion>,
    /// Whether the selected meeting shows its live minutes instead of its editor.
    pub minutes_mode: bool,
    /// The agenda item whose minutes are being taken (the last one with the keyboard).
    pub minutes_item: Option<ItemId>,
    /// A decision or commitment the menu or a shortcut asked to add to that item.
    pub minutes_add: Option<minutes_ui::MinutesAdd>,
    /// The height each item of the live minutes took when last drawn, for the space of
    /// those off screen.
    pub minutes_heights: std::collections::BTreeMap<ItemId, f32>,
    /// The language column of the live minutes the officer writes in (Chinese when true):
    /// the column of the summary last written or the field last clicked into. Tab, a new
    /// decision and a new commitment stay in it.
    pub minutes_zh: bool,
    /// Whether the selected meeting shows its seating plan instead of its editor.
    pub seating_mode: bool,
    /// The seating view: the plan worked out, the seat selected, the export choices.
    pub seating: seating_ui::SeatingView,
}

impl ViewState {
    /// Asks the workspace to delete `what`, and leaves `view`'s editor empty.
    pub fn delete(&mut self, view: View, what: crate::workspace::Deletion) {
        self.request = Some(Request::Delete(what.clone()));
        self.emptied_by_delete = Some(view);
        self.deleted = Some(what);
    }

    /// Selects the entry deleted last again when an undo brought it back.
    fn reselect_undeleted(&mut self, project: &Project) {
        use crate::workspace::Deletion;
        let Some(deleted) = &self.deleted else {
            return;
        };
        let back = match deleted {
            Deletion::Meeting(id) => project.meetings.contains_key(id),
            Deletion::Person(id) => project.people.contains_key(id),
            Deletion::Organisation(id) => project.organisations.contains_key(id),
            Deletion::Commitment(id) => project.commitments.contains_key(id),
        };
        if !back || self.request.is_some() {
            // Still gone, or the delete itself is not applied yet (this frame's request).
            return;
        }
        match self.deleted.take() {
            Some(Deletion::Meeting(id)) => self.meeting = Some(id),
            Some(Deletion::Person(id)) => self.person = Some(id),
            Some(Deletion::Organisation(id)) => self.organisation = Some(id),
            Some(Deletion::Commitment(id)) => self.commitment = Some(id),
            None => {}
        }
        self.emptied_by_delete = None;
    }

    /// What an editor with nothing selected says: how to get the deleted entry back right
    /// after a delete, else how to pick one.
    pub fn empty_hint(&self, view: View, t: &Strings) -> &'static str {
        if self.emptied_by_delete == Some(view) {
            t.deleted_hint
        } else {
            t.select_hint
        }
    }

    /// Whether a panel's background work runs (the people list or the person pickers
    /// being sorted): the app shows it and keeps drawing, tests wait for it.
    pub fn is_busy(&self) -> bool {
        self.people_rows.is_building() || self.person_picker.is_building()
    }

    /// The view shown, in words (for the log).
    pub fn view_name(&self) -> &'static str {
        match self.view {
            View::Project => "Project",
            View::Meetings => "Meetings",
            View::People => "People",
            View::Organisations => "Organisations",
            View::Commitments => "Commitments",
        }
    }

    /// Selects the next (or previous) entry of the list shown, as sorted and filtered on
    /// screen; the first one when nothing is selected yet.
    pub fn select_next(&mut self, forward: bool) {
        fn step<K: Clone + PartialEq>(rows: &[K], current: Option<&K>, forward: bool) -> Option<K> {
            let at = current.and_then(|c| rows.iter().position(|r| r == c));
            let next = match (at, forward) {
                (None, _) => 0,
                (Some(i), true) => (i + 1).min(rows.len().saturating_sub(1)),
                (Some(i), false) => i.saturating_sub(1),
            };
            rows.get(next).cloned()
        }
        match self.view {
            View::Project => {}
            View::Meetings => {
                if let Some(next) =
                    step(self.meetings_rows.cached(), self.meeting.as_ref(), forward)
                    && Some(&next) != self.meeting.as_ref()
                {
                    self.meeting = Some(next);
                    self.agenda_item = None;
                    self.attendee = None;
                }
            }
            View::People => {
                let at = self
                    .person
                    .as_ref()
                    .and_then(|p| self.people_rows.row_of(p));
                let next = match (at, forward) {
                    (None, _) => 0,
                    (Some(i), true) => i + 1,
                    (Some(i), false) => i.saturating_sub(1),
                };
                if let Some(id) = self.people_rows.get(next) {
                    self.person = Some(id.clone());
                }
            }
            View::Organisations => {
                if let Some(next) = step(
                    self.organisations_rows.cached(),
                    self.organisation.as_ref(),
                    forward,
                ) {
                    self.organisation = Some(next);
                }
            }
            View::Commitments => {
                let ids: Vec<CommitmentId> = self
                    .commitments_rows
                    .cached()
                    .iter()
                    .map(|(id, _)| id.clone())
                    .collect();
                if let Some(next) = step(&ids, self.commitment.as_ref(), forward) {
                    self.commitment = Some(next);
                }
            }
        }
    }

    /// The derived data of `meeting`, recomputed only when the project or the meeting
    /// shown changed.
    pub fn meeting_summary(
        &mut self,
        cx: &Cx<'_>,
        id: &MeetingId,
        meeting: &crate::model::Meeting,
    ) -> &meeting_summary::MeetingSummary {
        let fresh = self
            .meeting_summary
            .key
            .as_ref()
            .is_some_and(|(rev, m)| *rev == cx.revision && m == id);
        if !fresh {
            self.meeting_summary =
                meeting_summary::MeetingSummary::compute(cx.project, cx.revision, id, meeting);
        }
        &self.meeting_summary
    }
}

/// The rows of a list, sorted and filtered, rebuilt only when the project, the search text
/// or the language changes (never per frame).
#[derive(Debug)]
pub struct ListCache<K> {
    key: Option<(u64, String, Language)>,
    rows: Vec<K>,
}

impl<K> Default for ListCache<K> {
    fn default() -> Self {
        Self {
            key: None,
            rows: Vec::new(),
        }
    }
}

impl<K> ListCache<K> {
    /// The rows as last built (empty before the list was first shown).
    pub fn cached(&self) -> &[K] {
        &self.rows
    }

    /// The rows for this state, from `build` when anything changed.
    pub fn rows(
        &mut self,
        revision: u64,
        query: &str,
        language: Language,
        build: impl FnOnce() -> Vec<K>,
    ) -> &[K] {
        let key = (revision, query.to_owned(), language);
        if self.key.as_ref() != Some(&key) {
            self.rows = build();
            self.key = Some(key);
        }
        &self.rows
    }
}

/// The central area: the view chosen in the navigation.
pub fn view_ui(ui: &mut egui::Ui, cx: &mut Cx<'_>, view: &mut ViewState) {
    view.reselect_undeleted(cx.project);
    match view.view {
        View::Project => project_ui::project_ui(ui, cx, view),
        View::Meetings => meetings_ui::meetings_ui(ui, cx, view),
        View::People => people_ui::people_ui(ui, cx, view),
        View::Organisations => organisations_ui::organisations_ui(ui, cx, view),
        View::Commitments => commitments_ui::commitments_ui(ui, cx, view),
    }
}
