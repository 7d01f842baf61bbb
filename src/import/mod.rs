//! Turning text that users paste or receive (agendas, attendee lists) into model values.
//!
//! Importers never change a project: they return a preview that the app shows for
//! correction, and an edit is built only when the user confirms.

pub mod agenda_text;
pub mod attendees;
pub mod attendees_text;
pub mod list;
