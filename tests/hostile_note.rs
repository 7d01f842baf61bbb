//! A hostile but valid file: `check` accepts it, and one organisation's note is 50 MB of
//! one paragraph. Opened in the real app, the Organisations view shows it without laying
//! out 50 MB: the frames stay short and the memory stays near the file's size. (The times
//! and the memory of a release build are measured by `examples/hostile_note.rs` and quoted
//! in BENCHMARKS.md; here the bounds are generous, for a debug build on a busy machine.)

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // Test helpers may panic: a panic is a failed test.

mod common;

use std::time::{Duration, Instant};

use common::{ScriptedDialogs, app_harness, settle};
use delegation_planner::model::OrganisationId;
use delegation_planner::ui::View;
use egui_kittest::kittest::Queryable as _;

const NOTE_BYTES: usize = 50 * 1024 * 1024;

/// The largest resident memory of this process so far, in bytes (Linux).
fn peak_memory() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

#[test]
fn a_fifty_megabyte_note_opens_without_a_freeze() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("note.ron");
    let mut project = delegation_planner::samples::ccaa_afnor().unwrap();
    // One paragraph of mixed Latin and Chinese, no line breaks: the worst case for layout.
    let unit = "Minutes of the working group 工作组会议纪要, ";
    let note = unit.repeat(NOTE_BYTES / unit.len());
    project
        .organisations
        .get_mut(&OrganisationId::from("afnor"))
        .unwrap()
        .notes = note.clone();
    delegation_planner::project_file::save_project(&path, &project).unwrap();
    drop(project);
    let file_size = std::fs::metadata(&path).unwrap().len();
    let (code, _) = {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_delegation-planner"))
            .args(["check", path.to_str().unwrap()])
            .output()
            .unwrap();
        (out.status.code(), out.stderr)
    };
    assert_eq!(code, Some(0), "check accepts it");

    let mut app = app_harness(Some(path), ScriptedDialogs::default());
    app.state_mut().view.view = View::Organisations;
    app.state_mut().view.organisation = Some(OrganisationId::from("afnor"));
    let mut slowest = Duration::ZERO;
    for _ in 0..5 {
        let start = Instant::now();
        app.step();
        slowest = slowest.max(start.elapsed());
    }
    settle(&mut app);
    // Shown in part, with its length, not in a text field of 50 MB.
    let chars = note.chars().count();
    let shown = format!(
        "{} characters: too long to edit here, so only the beginning is shown.",
        delegation_planner::workspace::thousands(chars)
    );
    app.get_by_label(&shown);
    // The longest text of any widget on screen (what screen readers and tests see).
    let longest = |app: &egui_kittest::Harness<'_, _>| {
        let longest = std::cell::Cell::new(0);
        let _ = app
            .query_all_by(|n| {
                let len = n.label().map_or(0, |l| l.len()) + n.value().map_or(0, |v| v.len());
                longest.set(longest.get().max(len));
                false
            })
            .count();
        longest.get()
    };
    assert!(longest(&app) < 10_000, "{} bytes on screen", longest(&app));

    // "Show all": every row is there to scroll to, and only those on screen are laid out.
    app.get_by_label("Show all").click();
    for _ in 0..5 {
        let start = Instant::now();
        app.step();
        slowest = slowest.max(start.elapsed());
    }
    app.get_by_label("Show less");
    assert!(longest(&app) < 10_000, "{} bytes on screen", longest(&app));
    assert!(
        slowest < Duration::from_secs(5),
        "a frame took {slowest:?} (laying out the whole note took minutes)"
    );
    eprintln!(
        "slowest frame {slowest:?}, peak memory {:?} MB, file {} MB",
        peak_memory().map(|p| p >> 20),
        file_size >> 20
    );
    if let Some(peak) = peak_memory() {
        // Three times the file and 200 MB; the laid-out note took 7.6 GB.
        assert!(
            peak < 3 * file_size + 200 * 1024 * 1024,
            "peak memory {} MB for a {} MB file",
            peak >> 20,
            file_size >> 20
        );
    }
}
