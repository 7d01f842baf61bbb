//! The programme (agenda) import from bytes, as a file given to it: the gate, the same
//! decoding as the lists (GB18030, UTF-16 with and without BOM, UTF-8 with bad bytes),
//! workbooks as rows, Word documents as their lines and table rows, then the agenda
//! parser and the plan of what it does to a meeting, and the words of every error. Nothing may panic outside the
//! boundary, allocate without bound, or run away.

#![no_main]

use std::sync::OnceLock;

use delegation_planner::i18n::{Language, Localized as _};
use delegation_planner::import::agenda_text::{parse, plan};
use delegation_planner::import::gate::Input;
use delegation_planner::import::programme_file::read_programme;
use delegation_planner::model::Project;
use libfuzzer_sys::fuzz_target;

fn project() -> &'static Project {
    static PROJECT: OnceLock<Project> = OnceLock::new();
    PROJECT.get_or_init(|| {
        delegation_planner::project_file::parse_project(
            delegation_planner::samples::CCAA_AFNOR_RON.as_bytes(),
            std::path::Path::new("sample.ron"),
        )
        .unwrap_or_default()
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(input) = Input::from_bytes(data.to_vec()) else {
        return;
    };
    match read_programme(input, None) {
        Ok(read) => {
            let project = project();
            let meeting = project.meetings.values().next();
            let preview = parse(&read.text, project, meeting);
            if let Some(meeting) = meeting {
                for replace in [false, true] {
                    std::hint::black_box(plan(meeting, &preview, replace));
                }
            }
            std::hint::black_box((read.format.describe_en(), read.damaged.len()));
        }
        Err(err) => {
            std::hint::black_box((
                err.to_string(),
                err.localized(Language::English),
                err.localized(Language::Chinese),
            ));
        }
    }
});
