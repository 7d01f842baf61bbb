//! The whole load path of a project file, from bytes: size, byte-order mark and UTF-16
//! checks, UTF-8, RON extensions, parsing, migration from older formats, then validation.
//! Whatever loads must save and load back unchanged.
//!
//! Differential, too: whatever the fast reader accepts, ron (the reference) must read the
//! same, and the fast writer must write exactly ron's bytes.

#![no_main]

use std::path::Path;

use delegation_planner::model::validate;
use delegation_planner::project_file::{
    parse_project, parse_project_fast, parse_project_reference, to_ron_string,
    to_ron_string_reference,
};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let path = Path::new("fuzz.ron");
    if let Some(fast) = parse_project_fast(data) {
        match parse_project_reference(data, path) {
            Ok(reference) => assert!(fast == reference, "the fast reader read differently"),
            Err(err) => panic!("the fast reader accepted what ron refuses: {err}"),
        }
    }
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
            match to_ron_string_reference(&project) {
                Ok(reference) => assert!(text == reference, "the fast writer wrote other bytes"),
                Err(err) => panic!("ron cannot save what the fast writer saved: {err}"),
            }
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
