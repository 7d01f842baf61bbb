//! The real app driven through its UI with egui_kittest, one module per part of it: widgets
//! are found by their labels, clicked and typed into, and assertions are on the model and
//! on the files written. `cargo test --test ui MODULE` runs one part, such as `ui jobs`.
//!
//! These were some 30 test binaries of their own. Each linked the whole app (egui, wgpu,
//! the export writers) again: about 85 MB and a long link apiece. One binary links once.

#[path = "../common/mod.rs"]
mod common;
#[path = "../hostile_imports/mod.rs"]
mod hostile_imports;
#[path = "../word/mod.rs"]
mod word;

mod agenda_days;
mod app;
mod attendees;
mod commitments;
mod dialog_keys;
mod export_dialog;
mod first_hour;
mod hostile;
mod import_hostile;
mod import_lists;
mod import_word;
mod jobs;
mod keys;
mod layout;
mod letters;
mod merge;
mod minutes;
mod open_other;
mod page_scroll;
mod panels_people;
mod print_ready;
mod programmes;
mod recovery;
mod reliability;
mod seating;
mod sides;
mod snapshots;
mod walkthrough;
mod workspace;
