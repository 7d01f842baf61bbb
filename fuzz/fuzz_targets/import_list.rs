//! The attendee-list import from bytes, as a file given to it: the gate's classification
//! (CSV and text in any encoding, XLSX, XLS, ODS, DOCX…), the limits and prescans, the
//! workbook readers behind their boundary, the table, header and rows, matching against a
//! project, and the words of every error in both languages. Nothing may panic outside the
//! boundary, allocate without bound, or run away.
//!
//! A panic of a third-party reader is caught by the boundary, as in the app; with
//! `DELEGATION_PLANNER_PANICS=1` it goes through, so that it is found and minimised for
//! `docs/upstream-reports.md`.

#![no_main]

use std::sync::OnceLock;

use delegation_planner::i18n::{Language, Localized as _};
use delegation_planner::import::attendees::Matcher;
use delegation_planner::import::list::{ListKind, ReadOptions, read_list_bytes};
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
    let matcher = Matcher::new(project());
    // The first byte picks how the file is named (.csv or anything else), as a user would.
    let kind = if data.first().is_some_and(|b| b % 2 == 0) {
        ListKind::Csv
    } else {
        ListKind::Text
    };
    for keep_unmapped in [false, true] {
        let options = ReadOptions {
            keep_unmapped,
            ..ReadOptions::default()
        };
        match read_list_bytes(data.to_vec(), kind, &options, &matcher, &mut |_| true) {
            Ok(Some(read)) => {
                std::hint::black_box((read.format.describe_en(), read.preview.people.len()));
                for bad in &read.damaged {
                    std::hint::black_box(bad.to_string());
                }
            }
            Ok(None) => {}
            Err(err) => {
                std::hint::black_box((
                    err.to_string(),
                    err.localized(Language::English),
                    err.localized(Language::Chinese),
                ));
            }
        }
    }
});
