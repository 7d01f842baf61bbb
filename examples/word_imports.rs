//! How long, and how much memory, reading Word files takes (issue 22): delegation lists
//! of 1,000 and 20,000 people as Word tables (Chinese over English in each cell), and a
//! programme of 500 rows, each given to the release command line; the process's wall
//! time and peak resident memory read from `wait4`. Also the library's reading alone.
//!
//! ```sh
//! cargo build --release && cargo run --release --example word_imports
//! ```

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // A measuring tool: a panic is a failed run.

#[path = "../tests/word/mod.rs"]
mod word;

use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use delegation_planner::import::attendees::Matcher;
use delegation_planner::import::gate::Input;
use delegation_planner::import::list::{ListKind, ReadOptions, read_list_bytes};
use delegation_planner::import::programme_file::read_programme;
use delegation_planner::model::Project;

fn binary() -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    let bin = exe
        .parent()
        .unwrap()
        .parent()
        .unwrap()
        .join("delegation-planner");
    assert!(bin.exists(), "build it first: cargo build --release");
    bin
}

/// Exit code, wall time and peak resident memory of the binary run with `args`.
#[allow(clippy::zombie_processes)] // reaped by `wait4`, which clippy does not know
fn run(args: &[&str]) -> (i32, Duration, u64) {
    let start = Instant::now();
    let child = Command::new(binary())
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let pid = i32::try_from(child.id()).unwrap();
    let mut status = 0;
    // SAFETY: wait4 only writes the status and the struct it is given.
    let usage = unsafe {
        let mut usage = std::mem::zeroed::<libc::rusage>();
        libc::wait4(pid, &raw mut status, 0, &raw mut usage);
        usage
    };
    let code = if libc::WIFEXITED(status) {
        libc::WEXITSTATUS(status)
    } else {
        -1
    };
    (
        code,
        start.elapsed(),
        u64::try_from(usage.ru_maxrss).unwrap() * 1024,
    )
}

fn list(people: usize) -> Vec<u8> {
    let mut rows =
        vec![word::row_br(&["序号", "姓名\nName", "单位\nOrganisation", "职务\nTitle"]).header()];
    for i in 0..people {
        rows.push(word::row_br(&[
            &(i + 1).to_string(),
            &format!("张伟{i}\nZHANG Wei{i}"),
            "国家认监委\nCNCA",
            "处长\nDirector",
        ]));
    }
    word::Doc::new().title("代表团名单").table(&rows).bytes()
}

fn programme(items: usize) -> Vec<u8> {
    let mut rows = vec![word::row_br(&["时间\nTime", "议程\nAgenda", "发言人\nSpeaker"]).header()];
    for i in 0..items {
        let (h, m) = (8 + i / 60 % 12, i % 60);
        rows.push(word::row_br(&[
            &format!("{h:02}:{m:02}"),
            &format!("议题{i}\nTopic {i}"),
            "刘江\nLIU Jiang",
        ]));
    }
    word::Doc::new().title("日程").table(&rows).bytes()
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    println!("| Word file | size | library read | command line | peak memory |");
    println!("|---|---:|---:|---:|---:|");
    let project = Project::default();
    let matcher = Matcher::new(&project);
    for (what, bytes, is_list) in [
        ("list, 1,000 people", list(1_000), true),
        ("list, 20,000 people", list(20_000), true),
        ("programme, 500 rows", programme(500), false),
    ] {
        let path = dir.path().join("file.docx");
        std::fs::write(&path, &bytes).unwrap();
        let started = Instant::now();
        if is_list {
            let read = read_list_bytes(
                bytes.clone(),
                ListKind::Text,
                &ReadOptions::default(),
                &matcher,
                &mut |_| true,
            )
            .unwrap()
            .unwrap();
            assert!(!read.preview.people.is_empty());
        } else {
            let read = read_programme(Input::from_bytes(bytes.clone()).unwrap(), None).unwrap();
            assert!(read.text.lines().count() > 1);
        }
        let library = started.elapsed();
        let ron = dir.path().join("paris.ron");
        std::fs::write(&ron, delegation_planner::samples::CCAA_AFNOR_RON).unwrap();
        let (ron, from) = (ron.to_str().unwrap(), path.to_str().unwrap());
        let args: Vec<&str> = if is_list {
            vec!["import", "attendees", ron, "--from", from]
        } else {
            vec![
                "import",
                "agenda",
                ron,
                "--meeting",
                "paris-2024",
                "--from",
                from,
            ]
        };
        let (code, took, peak) = run(&args);
        assert_eq!(code, 0, "{what}");
        println!(
            "| {what} | {:.0} KB | {:.0} ms | {:.0} ms | {:.0} MB |",
            bytes.len() as f64 / 1024.0,
            library.as_secs_f64() * 1000.0,
            took.as_secs_f64() * 1000.0,
            peak as f64 / 1048576.0
        );
    }
}
