//! Choosing one person among possibly 100,000: a button that opens a popup with a search
//! field and a virtualised, sorted list. Sorting and search come from a [`PeopleList`],
//! kept up to date edit by edit, so opening the picker never sorts the registry again.

use super::Cx;
use super::people_list::{ListStatus, PeopleList};
use super::style;
use super::widgets::{SortState, list_building_ui, thousands};
use crate::model::PersonId;

/// The state of the person pickers: one list sorted by name, and the search text of the
/// picker that is open (only one popup is open at a time).
#[derive(Debug, Default)]
pub struct PersonPicker {
    list: PeopleList,
    query: String,
    /// The row the arrow keys moved to, which Enter chooses (issue 27).
    highlight: usize,
}

impl PersonPicker {
    /// Whether the pickers' list is being sorted on a background job.
    pub fn is_building(&self) -> bool {
        self.list.is_building()
    }

    /// A button showing `current` that opens the picker; returns the person chosen.
    /// People for whom `note` returns text are shown with it, dimmed (`attending`), and
    /// cannot be chosen. `label` names the button for screen readers.
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
        note: &dyn Fn(&PersonId) -> Option<String>,
    ) -> Option<PersonId> {
        let button = ui
            .add(
                egui::Button::new(format!("{current} ▼"))
                    .min_size(egui::vec2(style::PERSON_COMBO_WIDTH, 0.0)),
            )
            .on_hover_text(label);
        let button = button.clone().accessible_name(label);
        let mut chosen = None;
        let popup = egui::Popup::from_toggle_button_response(&button)
            .id(ui.make_persistent_id(id_salt))
            .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside)
            .width(style::PICKER_POPUP_WIDTH);
        popup.show(|ui| {
            // Up and Down move through the list from the search field, Enter takes the row
            // they are on (the first, with one match): the keyboard never leaves the field.
            let (down, up) = ui.input_mut(|i| {
                (
                    i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowDown),
                    i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowUp),
                )
            });
            let query_before = self.query.clone();
            let search = ui.add(
                egui::TextEdit::singleline(&mut self.query)
                    // Up and Down stay with the field (they move through the list), not
                    // with egui's focus navigation.
                    .event_filter(egui::EventFilter {
                        vertical_arrows: true,
                        horizontal_arrows: true,
                        ..Default::default()
                    })
                    .hint_text(search_hint)
                    .desired_width(f32::INFINITY),
            );
            search.clone().accessible_name(search_hint);
            if !search.has_focus() && self.query.is_empty() {
                search.request_focus();
            }
            let status =
                self.list
                    .sync_in_background(cx.document, false, SortState::default(), &self.query);
            if let ListStatus::Building { people, fraction } = status {
                let text = cx.tr().sorting_people.replace("{n}", &thousands(people));
                list_building_ui(ui, &text, fraction);
                return;
            }
            if self.query != query_before {
                self.highlight = 0;
            }
            let last = self.list.len().saturating_sub(1);
            if down {
                self.highlight = (self.highlight + 1).min(last);
            }
            if up {
                self.highlight = self.highlight.saturating_sub(1);
            }
            self.highlight = self.highlight.min(last);
            let enter = search.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if enter
                && let Some(id) = self.list.get(self.highlight)
                && note(id).is_none()
            {
                chosen = Some(id.clone());
            }
            let highlight = self.highlight;
            let project = cx.project;
            let mut scroller = egui::ScrollArea::vertical();
            if down || up {
                // The highlighted row stays in view.
                scroller = scroller.vertical_scroll_offset(
                    (highlight as f32 - 3.0).max(0.0) * style::PICKER_ROW_HEIGHT,
                );
            }
            scroller
                .id_salt(format!("{id_salt}_rows"))
                .max_height(style::PICKER_LIST_HEIGHT)
                .auto_shrink([false, true])
                .show_rows(
                    ui,
                    style::PICKER_ROW_HEIGHT,
                    self.list.len(),
                    |ui, range| {
                        for row in range {
                            let Some(id) = self.list.get(row) else {
                                continue;
                            };
                            // Namesakes are common in a registry: the organisation and the
                            // title tell them apart.
                            let name = project
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
                                .unwrap_or_default();
                            match note(id) {
                                Some(note) => {
                                    ui.add_enabled(
                                        false,
                                        egui::Button::new(format!("{name} ({note})")).frame(false),
                                    );
                                }
                                None => {
                                    let row_button =
                                        egui::Button::selectable(row == highlight, name)
                                            .frame_when_inactive(false);
                                    if ui.add(row_button).clicked() {
                                        chosen = Some(id.clone());
                                    }
                                }
                            }
                        }
                    },
                );
            if chosen.is_some() {
                self.query.clear();
                self.highlight = 0;
                ui.close();
            }
        });
        chosen
    }
}
