//! How the imports grow with their input, through the command line's own code
//! (`cli::run`, as `delegation-planner import …` runs it): a draft agenda of 1,600 and
//! 16,000 lines, attendee lists (CSV and pasted text) of 1,000 and 10,000 people; then what
//! a save of a large project costs now that it locks the file, compares it with what was
//! read just before the rename and keeps the `.bak` first, and how long a recovery copy
//! of it takes to make and write.
//!
//! `cargo run --release --example import_timing`

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // A measuring script: a panic is a failed run.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use delegation_planner::cli::{self, Command, ImportCommand};
use delegation_planner::project_file::{SaveOptions, load_project, save_project_checked};

fn ms(d: Duration) -> String {
    format!("{:.0} ms", d.as_secs_f64() * 1000.0)
}

/// The fastest of three runs of `command` on fresh copies of the sample.
fn time(dir: &Path, command: impl Fn(PathBuf) -> Command) -> Duration {
    (0..3)
        .map(|i| {
            let project = dir.join(format!("run{i}.ron"));
            std::fs::write(&project, delegation_planner::samples::CCAA_AFNOR_RON).unwrap();
            let command = command(project);
            let (mut out, mut err) = (Vec::new(), Vec::new());
            let start = Instant::now();
            let code = cli::run(&command, &mut out, &mut err);
            let took = start.elapsed();
            assert_eq!(code, 0, "{}", String::from_utf8_lossy(&err));
            took
        })
        .min()
        .unwrap()
}

fn row(what: &str, one: Duration, ten: Duration) {
    println!(
        "| {what} | {} | {} | {:.1}× |",
        ms(one),
        ms(ten),
        ten.as_secs_f64() / one.as_secs_f64()
    );
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    println!("| Import | 1× | 10× | ratio |");
    println!("|---|---:|---:|---:|");

    let agenda = |n: usize| {
        let path = d.join(format!("agenda{n}.txt"));
        let lines: Vec<String> = (0..n)
            .map(|i| {
                format!(
                    "{:02}:{:02} 10 min Item {i} — Dr. Betty XU",
                    9 + (i / 60) % 10,
                    i % 60
                )
            })
            .collect();
        std::fs::write(&path, lines.join("\n")).unwrap();
        path
    };
    let import_agenda = |text: PathBuf| {
        move |file: PathBuf| {
            Command::Import(ImportCommand::Agenda {
                file,
                meeting: "paris-2024".to_owned(),
                from: text.to_str().unwrap().to_owned(),
                replace: true,
            })
        }
    };
    let one = time(d, import_agenda(agenda(1_600)));
    let ten = time(d, import_agenda(agenda(16_000)));
    row("agenda, 1,600 → 16,000 lines", one, ten);

    let csv = |n: usize| {
        let path = d.join(format!("list{n}.csv"));
        let mut text = String::from(
            "Honorific,Family name,Given name,Chinese name,Organisation,Organisation (Chinese),Title,Title (Chinese),Email,Name order\n",
        );
        for i in 0..n {
            text.push_str(&format!(
                "Mr.,Zhang{i},Wei,张伟,CQC {},中国质量认证中心,Auditor,审核员,zhang{i}@example.org,\n",
                i % 50
            ));
        }
        std::fs::write(&path, text).unwrap();
        path
    };
    let pasted = |n: usize| {
        let path = d.join(format!("list{n}.txt"));
        let lines: Vec<String> = (0..n)
            .map(|i| format!("Mr. WANG Lei{i} 王磊 中国认证认可协会 处长>Division Director,CCAA"))
            .collect();
        std::fs::write(&path, lines.join("\n")).unwrap();
        path
    };
    let import_attendees = |from: PathBuf| {
        move |file: PathBuf| {
            Command::Import(ImportCommand::Attendees {
                file,
                from: from.clone(),
                meeting: None,
                update: false,
                sheet: None,
                encoding: None,
            })
        }
    };
    let one = time(d, import_attendees(csv(1_000)));
    let ten = time(d, import_attendees(csv(10_000)));
    row("attendees (CSV), 1,000 → 10,000 people", one, ten);
    let one = time(d, import_attendees(pasted(1_000)));
    let ten = time(d, import_attendees(pasted(10_000)));
    row("attendees (pasted text), 1,000 → 10,000 people", one, ten);

    // A save of a 100,000-person project, as the app makes it.
    let big = d.join("big.ron");
    let project = delegation_planner::synthetic::generate(
        delegation_planner::synthetic::Size::people(100_000),
        1,
    );
    delegation_planner::project_file::save_project(&big, &project).unwrap();
    let size = std::fs::metadata(&big).unwrap().len();
    let mut saves = Vec::new();
    for _ in 0..3 {
        let (_, loaded) = load_project(&big).unwrap();
        let start = Instant::now();
        save_project_checked(
            &big,
            &project,
            SaveOptions {
                expected: Some(&loaded),
                held: None,
            },
            &mut |_| Ok(()),
        )
        .unwrap();
        saves.push(start.elapsed());
    }
    saves.sort();
    println!();
    println!(
        "Save of a {} MB project (100,000 people): {} (median of 3; lock, text, write, fsync, .bak copy, compare with the file as read, renames).",
        size >> 20,
        ms(saves[1])
    );
    let mut copies = Vec::new();
    for _ in 0..3 {
        let snapshot = delegation_planner::workspace::recovery::Snapshot {
            project: &project,
            path: Some(&big),
            name: "big.ron",
            base: None,
            revision: 1,
        };
        let start = Instant::now();
        delegation_planner::workspace::recovery::write_copy(&d.join("big.recovery.ron"), &snapshot)
            .unwrap();
        copies.push(start.elapsed());
    }
    copies.sort();
    println!(
        "Recovery copy of it, text and atomic write: {} (median of 3).",
        ms(copies[1])
    );
}
