//! Widgets shared by the panels, by concern: form rows, entity pickers, dates and times,
//! tables, lists and painted text. Each field is labelled for screen readers and tests
//! (`labelled_by`), and returns whether the value changed.
//!
//! Everything is re-exported here, so panels name a widget `widgets::form_ui` whichever
//! file it lives in.

mod date_field;
mod datetime;
mod dialog_keys;
mod forms;
mod lists;
mod long_text;
mod paint;
mod pickers;
mod search_list;
mod tables;
mod title_bar;

pub use crate::i18n::thousands;
pub use date_field::{date_edit, date_field, optional_date_edit, set_today};
pub use datetime::{
    ZoneContext, date_text, matching_zones, optional_time_edit, time_edit, time_zone_picker,
};
pub use dialog_keys::{default_button, default_button_response, field_entered, take_enter};
pub use forms::{
    LONG_TEXT_BYTES, bilingual_multiline_rows, bilingual_rows, choice_combo, choice_combo_width,
    choice_row, delete_button, form_ui, in_language, long_text_row, multiline_row, text_row,
    too_long_to_edit,
};
pub use lists::{
    ListDetailLayout, empty_message, list_building_ui, list_detail_sized_ui, list_detail_ui,
    list_header_ui, list_width_now, page_rows_ui, search_field,
};
pub use long_text::long_text_ui;
pub use paint::{line_galley, paint_line_in};
pub use pickers::{organisation_combo, person_combo, sorted_organisations, sorted_people};
pub use search_list::{ListRow, Opener, SearchKeys, search_field_ui, search_popup, search_rows_ui};
pub use tables::{SortState, TableRow, cell, elide_middle, select_table_ui};
pub use title_bar::title_bar;
