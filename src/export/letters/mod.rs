//! Per-person documents from Word templates: visa invitation letters, certificates of
//! attendance.
mod fill;
pub use fill::*;
