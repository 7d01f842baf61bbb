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

/// File name of the two-day working-group sample.
pub const SINO_GERMAN_NAME: &str = "sino-german-working-groups-2026.ron";

/// The Sino-German working groups: the annual meetings of a series that alternates between
/// China and Germany, each a day of technical workshops and a day of working-group meetings
/// (as saved in `saves/`; the people are fictitious).
pub const SINO_GERMAN_RON: &str = include_str!("../saves/sino-german-working-groups-2026.ron");

/// The two-day working-group sample project.
pub fn sino_german() -> Result<Project, LoadError> {
    parse_project(SINO_GERMAN_RON.as_bytes(), Path::new(SINO_GERMAN_NAME))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every sample in `saves/` loads, is valid and is stored exactly as the app saves it
    /// (format V2, sorted, nothing to migrate), so a diff after a save shows only edits.
    #[test]
    fn every_sample_is_valid_and_saved_as_the_app_writes() {
        let mut seen = 0;
        for entry in std::fs::read_dir("saves").unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|e| e != "ron") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let project = parse_project(text.as_bytes(), &path).unwrap();
            assert!(crate::model::validate(&project).is_empty(), "{path:?}");
            assert_eq!(
                crate::project_file::to_ron_string(&project).unwrap(),
                text,
                "{path:?}"
            );
            seen += 1;
        }
        assert_eq!(seen, 3);
        let wg = sino_german().unwrap();
        assert!(wg.meetings.values().all(|m| m.days.len() == 2));
    }
}
