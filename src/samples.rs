//! The sample projects shipped with the app. The first one is embedded in the binary so a
//! newcomer sees a real project on first launch.

use std::path::Path;

use crate::model::Project;
use crate::project_file::{LoadError, parse_project};

/// File name of the embedded sample, used in the title bar of its unsaved copy.
pub const CCAA_AFNOR_NAME: &str = "ccaa-afnor-paris-2024.ron";

/// The CCAA–AFNOR meeting of 23 September 2024, as saved in `saves/`.
pub const CCAA_AFNOR_RON: &str = include_str!("../saves/ccaa-afnor-paris-2024.ron");

/// The embedded CCAA–AFNOR sample project.
pub fn ccaa_afnor() -> Result<Project, LoadError> {
    parse_project(CCAA_AFNOR_RON.as_bytes(), Path::new(CCAA_AFNOR_NAME))
}
