//! What PDF exports of hostile texts cost (issue 21): name cards of a person whose name
//! has 256,000 or a million characters (Chinese, breakable between any two characters,
//! and words), and the minutes of a meeting with a 20 MB word in an item's summary.
//! Each export runs through the command line's own code (`cli::run`, as `delegation-planner
//! export …` runs it) in a process of its own, so that its peak memory is its own.
//!
//! `cargo run --release --example hostile_pdf`

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // A measuring script: a panic is a failed run.

use std::path::{Path, PathBuf};
use std::time::Instant;

use clap::Parser as _;
use delegation_planner::cli::{self, Cli};
use delegation_planner::model::{MeetingId, PersonId, Project};

/// One measured case: what, the project's file name, and how to make the project.
type Case = (&'static str, &'static str, fn() -> Project);

fn sample() -> Project {
    delegation_planner::samples::ccaa_afnor().unwrap()
}

fn named(name: String) -> Project {
    let mut project = sample();
    project
        .people
        .get_mut(&PersonId::from("huang-jixian"))
        .unwrap()
        .family_name = name;
    project
}

fn hanzi(n: usize) -> String {
    "黄继先方艳欧阳振华".chars().cycle().take(n).collect()
}

fn words(n: usize) -> String {
    "Myriam AUGEREAU LANDAIS ".chars().cycle().take(n).collect()
}

fn summary(text: String) -> Project {
    let mut project = sample();
    let meeting = project
        .meetings
        .get_mut(&MeetingId::from("paris-2024"))
        .unwrap();
    meeting.days[0].items[0].outcome.summary.en = text;
    project
}

const CASES: [Case; 5] = [
    (
        "name cards, 256K-character name (Chinese)",
        "name-256k-hanzi",
        || named(hanzi(256 * 1024)),
    ),
    (
        "name cards, 1M-character name (Chinese)",
        "name-1m-hanzi",
        || named(hanzi(1024 * 1024)),
    ),
    (
        "name cards, 256K-character name (words)",
        "name-256k-words",
        || named(words(256 * 1024)),
    ),
    (
        "name cards, 1M-character name (words)",
        "name-1m-words",
        || named(words(1024 * 1024)),
    ),
    (
        "minutes PDF, a 20 MB word in a summary",
        "word-20mb",
        || summary("x".repeat(20 << 20)),
    ),
];

/// Peak resident memory of this process so far, from `/proc` (Linux).
fn peak_mb() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
            let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
            Some(format!("{:.0} MB", kb / 1024.0))
        })
        .unwrap_or_else(|| "—".to_owned())
}

/// Runs one export in this process and prints its time, peak memory and warning.
fn measure(file: &Path, stem: &str) {
    let out = file.with_extension("pdf");
    let args: Vec<String> = if stem.starts_with("word") {
        vec![
            "delegation-planner".into(),
            "export".into(),
            "minutes".into(),
            file.to_string_lossy().into_owned(),
            "--meeting".into(),
            "paris-2024".into(),
            "--format".into(),
            "pdf".into(),
            "-o".into(),
            out.to_string_lossy().into_owned(),
        ]
    } else {
        vec![
            "delegation-planner".into(),
            "export".into(),
            "name-cards".into(),
            file.to_string_lossy().into_owned(),
            "--meeting".into(),
            "paris-2024".into(),
            "-o".into(),
            out.to_string_lossy().into_owned(),
        ]
    };
    let command = Cli::parse_from(args).command.unwrap();
    let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
    let started = Instant::now();
    let code = cli::run(&command, &mut stdout, &mut stderr);
    let took = started.elapsed();
    assert_eq!(code, 0, "{}", String::from_utf8_lossy(&stderr));
    let size = std::fs::metadata(&out).map(|m| m.len()).unwrap_or_default();
    let warned = String::from_utf8_lossy(&stderr).contains("too long to print");
    println!(
        "{:.2} s\t{}\t{} KB\t{}",
        took.as_secs_f64(),
        peak_mb(),
        size / 1024,
        if warned { "cut, said" } else { "—" }
    );
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    // `hostile_pdf FILE STEM`: one measurement, in a process of its own.
    if let [_, file, stem] = args.as_slice() {
        measure(Path::new(file), stem);
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    println!("| Export | time | peak memory | PDF | warning |");
    println!("|---|---:|---:|---:|---|");
    for (what, stem, make) in CASES {
        let file: PathBuf = dir.path().join(format!("{stem}.ron"));
        delegation_planner::project_file::save_project(&file, &make()).unwrap();
        let output = std::process::Command::new(std::env::current_exe().unwrap())
            .arg(&file)
            .arg(stem)
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        let line = String::from_utf8_lossy(&output.stdout);
        let fields: Vec<&str> = line.trim().split('\t').collect();
        println!("| {what} | {} |", fields.join(" | "));
    }
}
