//! Delegation Planner: plan meetings between delegations, keep bilingual attendee lists
//! and follow the commitments agreed at them.
//!
//! - [`model`]: the document types (no UI).
//! - [`document`]: an open project and the single path by which it changes (undo/redo).
//! - [`project_file`]: loading and atomic saving of RON project files.
//! - [`merge`]: two copies of a project merged by entity against their common version.
//! - [`samples`]: the embedded sample project.
//! - [`synthetic`]: generated projects of any size, for benchmarks and load tests.
//! - [`cli`]: the headless command line, sharing all of the above with the app.
//! - [`app`] and [`ui`]: the eframe application and its panels.

pub mod app;
pub mod cli;
pub mod document;
pub mod export;
pub mod fonts;
pub mod i18n;
pub mod import;
pub mod merge;
pub mod model;
pub mod project_file;
pub mod samples;
pub mod synthetic;
pub mod ui;
pub mod workspace;
