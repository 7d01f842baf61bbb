//! The whole load path of a project file, from bytes: size, byte-order mark and UTF-16
//! checks, UTF-8, RON extensions, parsing, migration from older formats, then validation.
//! Whatever loads must save and load back unchanged.

#![no_main]

use std::path::Path;

use delegation_planner::model::validate;
use delegation_planner::project_file::{parse_project, to_ron_string};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let path = Path::new("fuzz.ron");
    match parse_project(data, path) {
        Ok(project) => {
            let problems = validate(&project);
            for problem in &problems {
                std::hint::black_box(problem.to_string());
            }
            let text = match to_ron_string(&project) {
                Ok(text) => text,
                Err(err) => panic!("a loaded project cannot be saved: {err}"),
            };
            match parse_project(text.as_bytes(), path) {
                Ok(back) => assert!(back == project, "saved and loaded back differently"),
                Err(err) => panic!("a saved project does not load: {err}\n{text}"),
            }
        }
        Err(err) => {
            // The message and the position are shown to the user: they must not panic.
            std::hint::black_box((err.to_string(), err.message(), err.position()));
        }
    }
});
