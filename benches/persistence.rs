//! Load and save of a large project (100,000 people, ~50 MB of RON), against `serde_json`
//! on the same data in the same run (issue "Performance": load ≤ 3×, save ≤ 2×).
//!
//! Everything is in memory: the save measures turning the project into text (what the
//! format costs; writing and syncing the file is the same for any format), the load
//! measures `parse_project` from bytes (what the app does after reading the file). ron's
//! own serializer and parser are timed too, for the record.
//!
//! Run with `cargo bench --bench persistence`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "support/mod.rs"]
mod support;

use std::hint::black_box;
use std::path::Path;

use delegation_planner::model::Project;
use delegation_planner::project_file::{
    parse_project, parse_project_reference, to_ron_string, to_ron_string_reference,
};
use delegation_planner::synthetic::{self, Size};
use support::{Ratio, Recorder};

fn main() {
    let project = synthetic::generate(Size::people(100_000), 1);
    let ron_text = to_ron_string(&project).expect("the project saves");
    let json = serde_json::to_vec(&project).expect("the project is JSON");
    println!(
        "100k-person project: {:.1} MB of RON, {:.1} MB of JSON",
        ron_text.len() as f64 / 1e6,
        json.len() as f64 / 1e6
    );
    assert!(
        parse_project(ron_text.as_bytes(), Path::new("bench.ron")).unwrap() == project,
        "the RON loads back unchanged"
    );

    let recorder = Recorder::default();
    let mut c = support::criterion();

    recorder.bench(&mut c, "save/json", || {
        black_box(serde_json::to_vec(black_box(&project)).unwrap());
    });
    recorder.bench(&mut c, "save/ron-fast", || {
        black_box(to_ron_string(black_box(&project)).unwrap());
    });
    recorder.bench(&mut c, "save/ron-crate", || {
        black_box(to_ron_string_reference(black_box(&project)).unwrap());
    });
    recorder.bench(&mut c, "load/json", || {
        black_box(serde_json::from_slice::<Project>(black_box(&json)).unwrap());
    });
    recorder.bench(&mut c, "load/ron-fast", || {
        black_box(parse_project(black_box(ron_text.as_bytes()), Path::new("bench.ron")).unwrap());
    });
    recorder.bench(&mut c, "load/ron-crate", || {
        black_box(
            parse_project_reference(black_box(ron_text.as_bytes()), Path::new("bench.ron"))
                .unwrap(),
        );
    });

    c.final_summary();
    support::print_ratios(
        "Persistence, 100k-person project (anchor: serde_json, same data, same run)",
        &recorder,
        &[
            Ratio {
                what: "Load (parse_project)",
                numerator: "load/ron-fast",
                denominator: "load/json",
                goal: 3.0,
            },
            Ratio {
                what: "Save (to_ron_string)",
                numerator: "save/ron-fast",
                denominator: "save/json",
                goal: 2.0,
            },
            Ratio {
                what: "Load with the ron crate alone (before)",
                numerator: "load/ron-crate",
                denominator: "load/json",
                goal: support::FOR_THE_RECORD,
            },
            Ratio {
                what: "Save with the ron crate (before)",
                numerator: "save/ron-crate",
                denominator: "save/json",
                goal: support::FOR_THE_RECORD,
            },
        ],
    );
}
