//! Choosing one person among possibly 100,000: a button that opens a popup with a search
//! field and a virtualised, sorted list. Sorting and search come from a [`PeopleList`],
//! kept up to date edit by edit, so opening the picker never sorts the registry again.

use super::Cx;
use super::people_list::{ListStatus, PeopleList};
use super::style;
use super::widgets::{
    ListRow, SortState, list_building_ui, search_field_ui, search_rows_ui, thousands,
};
use crate::model::PersonId;

/// The state of the person pickers: one list sorted by name, and the search text of the
/// picker that is open (only one popup is open at a time).
#[derive(Debug, Default)]
pub struct PersonPicker {
    list: PeopleList,
    query: String,
    /// The people listed first, found in the list, for one search and revision.
    first: FirstRows,
}

/// The people of a picker's `first` who match the search, in that order, and their rows in
/// the list of everyone (left out there, so nobody is listed twice).
#[derive(Debug, Default)]
struct FirstRows {
    key: Option<(String, u64, Vec<PersonId>)>,
    people: Vec<PersonId>,
    /// Rows of the list of everyone holding them, ascending.
    rows: Vec<usize>,
}

impl FirstRows {
    /// Finds `first` in `list` (one pass over it, when the search, the project or `first`
    /// changed).
    fn sync(&mut self, list: &PeopleList, query: &str, revision: u64, first: &[PersonId]) {
        let first = first.get(..first.len().min(FIRST_MAX)).unwrap_or_default();
        if self
            .key
            .as_ref()
            .is_some_and(|(q, r, f)| q == query && *r == revision && f == first)
        {
            return;
        }
        let order: std::collections::HashMap<&PersonId, usize> =
            first.iter().enumerate().map(|(i, p)| (p, i)).collect();
        let mut found: Vec<(usize, usize)> = Vec::new();
        if !order.is_empty() {
            for row in 0..list.len() {
                if let Some(i) = list.get(row).and_then(|p| order.get(p)) {
                    found.push((*i, row));
                }
            }
        }
        self.rows = found.iter().map(|(_, row)| *row).collect();
        self.rows.sort_unstable();
        found.sort_unstable();
        self.people = found
            .iter()
            .filter_map(|(i, _)| first.get(*i).cloned())
            .collect();
        self.key = Some((query.to_owned(), revision, first.to_vec()));
    }

    /// The row of the list of everyone that the `k`-th row of its section shows.
    fn everyone_row(&self, k: usize) -> usize {
        let mut row = k;
        for &skipped in &self.rows {
            if skipped <= row {
                row += 1;
            } else {
                break;
            }
        }
        row
    }
}

impl PersonPicker {
    /// Whether the pickers' list is being sorted on a background job.
    pub fn is_building(&self) -> bool {
        self.list.is_building()
    }

    /// A button showing `current` that opens the picker; returns the person chosen.
    /// People for whom `note` returns text are shown with it, dimmed (`attending`), and
    /// cannot be chosen; the people of `first` (the meeting's attendees) come first. `label`
    /// names the button for screen readers.
    #[expect(
        clippy::too_many_arguments,
        reason = "a picker's parts: grouping them in a struct would only move the list"
    )]
    pub fn show(
        &mut self,
        ui: &mut egui::Ui,
        id_salt: &str,
        cx: &Cx<'_>,
        current: &str,
        label: &str,
        search_hint: &str,
        first: First<'_>,
        note: &dyn Fn(&PersonId) -> Option<String>,
    ) -> Option<PersonId> {
        let button = ui
            .add(
                egui::Button::new(format!("{current} ▼"))
                    .truncate()
                    .min_size(egui::vec2(style::PERSON_COMBO_WIDTH, 0.0)),
            )
            .on_hover_text(label);
        // A combo box showing the person, named after its place (`Speakers 1`).
        button.widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, current));
        let button = button.clone().accessible_name(label);
        self.popup(ui, &button, id_salt, cx, search_hint, first, note)
    }

    /// A button (`+ Add speaker`) that opens the picker; nobody is added until someone is
    /// chosen (a click, or Enter on the highlighted person). See [`Self::show`].
    #[expect(
        clippy::too_many_arguments,
        reason = "a picker's parts: grouping them in a struct would only move the list"
    )]
    pub fn add_button(
        &mut self,
        ui: &mut egui::Ui,
        id_salt: &str,
        cx: &Cx<'_>,
        text: &str,
        tip: &str,
        search_hint: &str,
        first: First<'_>,
        note: &dyn Fn(&PersonId) -> Option<String>,
    ) -> Option<PersonId> {
        let button = ui.button(text).on_hover_text(tip);
        self.popup(ui, &button, id_salt, cx, search_hint, first, note)
    }

    #[expect(
        clippy::too_many_arguments,
        reason = "a picker's parts: grouping them in a struct would only move the list"
    )]
    fn popup(
        &mut self,
        ui: &mut egui::Ui,
        button: &egui::Response,
        id_salt: &str,
        cx: &Cx<'_>,
        search_hint: &str,
        first: First<'_>,
        note: &dyn Fn(&PersonId) -> Option<String>,
    ) -> Option<PersonId> {
        let id = ui.make_persistent_id(id_salt);
        let mut chosen = None;
        let popup = egui::Popup::from_toggle_button_response(button)
            .id(id)
            .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside)
            .width(style::PICKER_POPUP_WIDTH);
        popup.show(|ui| {
            chosen = self.list_ui(ui, id, cx, search_hint, first, note);
            ui.label(
                egui::RichText::new(cx.tr().protocol.picker_keys)
                    .small()
                    .color(style::weak_color(ui)),
            );
            if chosen.is_some() {
                self.query.clear();
                ui.close();
            }
        });
        chosen
    }

    /// The search field and the list: the people of `first` who match, then everyone who
    /// matches (sorted and searched by the shared list, on a job when large).
    fn list_ui(
        &mut self,
        ui: &mut egui::Ui,
        id: egui::Id,
        cx: &Cx<'_>,
        search_hint: &str,
        first: First<'_>,
        note: &dyn Fn(&PersonId) -> Option<String>,
    ) -> Option<PersonId> {
        let t = cx.tr();
        let keys = search_field_ui(ui, id, &mut self.query, search_hint, true);
        let status =
            self.list
                .sync_in_background(cx.document, false, SortState::default(), &self.query);
        if let ListStatus::Building { people, fraction } = status {
            let text = t.sorting_people.replace("{n}", &thousands(people));
            list_building_ui(ui, &text, fraction);
            return None;
        }
        let project = cx.project;
        // Namesakes are common in a registry: the organisation and the title tell them
        // apart.
        let line = |id: &PersonId| -> String {
            project
                .people
                .get(id)
                .map(|p| {
                    let mut text = p.display_name();
                    if let Some(org) = &p.organisation {
                        text.push_str(" · ");
                        text.push_str(&project.organisation_name(org, false));
                    }
                    if !p.title.is_empty() {
                        text.push_str(" · ");
                        text.push_str(p.title.get(false));
                    }
                    text
                })
                .unwrap_or_default()
        };
        self.first
            .sync(&self.list, &self.query, cx.revision, first.people);
        let firsts = &self.first.people;
        let everyone = self.list.len().saturating_sub(self.first.rows.len());
        // Headings around the first people, when there are any (the second one only when
        // anyone else is listed).
        let head = match (firsts.is_empty(), everyone) {
            (true, _) => 0,
            (false, 0) => firsts.len() + 1,
            (false, _) => firsts.len() + 2,
        };
        let list = &self.list;
        let first_rows = &self.first;
        let person_row = |id: &PersonId| -> ListRow<PersonId> {
            let name = line(id);
            match note(id) {
                Some(note) => ListRow {
                    value: Some(id.clone()),
                    text: format!("{name} ({note})"),
                    enabled: false,
                    selected: false,
                },
                None => ListRow::choice(id.clone(), name),
            }
        };
        let row = |i: usize| -> ListRow<PersonId> {
            if head > 0 {
                if i == 0 {
                    return ListRow::heading(first.heading);
                }
                if let Some(id) = firsts.get(i - 1) {
                    return person_row(id);
                }
                if i == firsts.len() + 1 {
                    return ListRow::heading(t.protocol.everyone);
                }
            }
            let everyone_row = i.checked_sub(head).map(|k| first_rows.everyone_row(k));
            match everyone_row.and_then(|r| list.get(r)) {
                Some(id) => person_row(id),
                None => ListRow::heading(""),
            }
        };
        let chosen = search_rows_ui(
            ui,
            id,
            &self.query,
            keys,
            style::PICKER_LIST_HEIGHT,
            head + everyone,
            &row,
        );
        if head + everyone == 0 {
            ui.label(egui::RichText::new(t.no_match).color(style::weak_color(ui)));
        }
        chosen
    }
}

/// The people a picker lists first, under a heading: the meeting's attendees, or the
/// people of its sides' organisations.
#[derive(Clone, Copy, Debug)]
pub struct First<'a> {
    /// What the heading above them says.
    pub heading: &'a str,
    /// Who, in order.
    pub people: &'a [PersonId],
}

/// How many of the people listed first (the meeting's attendees) the picker shows above
/// everyone: a 20,000-person training lists its first 200, the rest come with everyone.
const FIRST_MAX: usize = 200;
