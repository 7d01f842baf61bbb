//! The workspace: everything the app does that is not drawing. It owns the open document,
//! the settings, recovery copies, background jobs, commands and their effects, and the file
//! dialogs (behind a trait). Nothing here knows about egui.

pub mod commands;
pub mod file_dialog;
pub mod jobs;
pub mod recovery;
mod request;
pub mod settings;

pub use request::Request;
