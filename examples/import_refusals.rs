//! How long, and how much memory, refusing each hostile file of issues 21 and 22 takes: each is
//! built as `tests/hostile_imports/` builds it (the 5 GB whitespace zip here at its full
//! size), given to the release command line (`import attendees`, and `import agenda`),
//! and the process's own wall time and peak resident memory read from `wait4`.
//!
//! ```sh
//! cargo build --release && cargo run --release --example import_refusals
//! ```

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // A measuring tool: a panic is a failed run.

#[path = "../tests/hostile_imports/mod.rs"]
mod hostile_imports;
#[path = "../tests/word/mod.rs"]
mod word;

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use hostile_imports as build;

/// The release binary beside this example (`target/release/delegation-planner`).
fn binary() -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    let release = exe.parent().unwrap().parent().unwrap();
    let bin = release.join("delegation-planner");
    assert!(bin.exists(), "build it first: cargo build --release");
    bin
}

/// Runs the binary; its exit code, wall time, peak resident memory, and first line of
/// standard error.
#[allow(clippy::zombie_processes)] // reaped by `wait4`, which clippy does not know
fn run(args: &[&str]) -> (i32, Duration, u64, String) {
    let start = Instant::now();
    let child = Command::new(binary())
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
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
    let took = start.elapsed();
    let mut err = String::new();
    std::io::Read::read_to_string(&mut child.stderr.unwrap(), &mut err).unwrap();
    let code = if libc::WIFEXITED(status) {
        libc::WEXITSTATUS(status)
    } else {
        -1
    };
    let first = err.lines().next().unwrap_or_default().to_owned();
    (
        code,
        took,
        u64::try_from(usage.ru_maxrss).unwrap() * 1024,
        first,
    )
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("paris.ron");
    std::fs::write(&project, delegation_planner::samples::CCAA_AFNOR_RON).unwrap();
    let before = std::fs::read(&project).unwrap();
    let p = dir.path();
    eprintln!("building the hostile files…");
    let mut files: Vec<(&str, PathBuf)> = vec![
        (
            "XLSX, shared strings `uniqueCount` = u64 max",
            write(
                p,
                "u64.xlsx",
                &build::xlsx_with_unique_count("18446744073709551615"),
            ),
        ),
        (
            "XLSX, `uniqueCount` = 10⁹",
            write(p, "1e9.xlsx", &build::xlsx_with_unique_count("1000000000")),
        ),
        (
            "XLSX, cells A2 and XFD1048576",
            write(p, "corners.xlsx", &build::xlsx_with_corners()),
        ),
        (
            "XLS cut at 4,096 bytes",
            write(p, "cut.xls", &build::xls(300)[..4096]),
        ),
        (
            "XLS, cells A1 and IV65536",
            write(p, "corners.xls", &build::xls_with_corners()),
        ),
        (
            "ODS, repeats to 900,000 × 100 cells",
            write(p, "repeats.ods", &build::ods_repeated(900_000, 100)),
        ),
        (
            "ODS, malformed repeat count",
            write(p, "malformed.ods", &build::ods_malformed_repeat()),
        ),
        // A .docx is read since issue 22: its hostile forms are refused.
        (
            "Word, 200 MB document part of spaces",
            write(p, "bomb.docx", &word::document_bomb(200 * 1024 * 1024)),
        ),
        (
            "Word, table of 1,000,000 rows",
            write(p, "rows.docx", &word::document_with_rows(1_000_000)),
        ),
        (
            "Word, no document part",
            write(p, "empty.docx", &word::without_document()),
        ),
        (
            "Word, XML not well-formed",
            write(p, "garbage.docx", &word::garbage_document()),
        ),
    ];
    let bomb = build::xlsx_bomb(5 * 1024 * 1024 * 1024);
    eprintln!("the whitespace zip: {:.1} MB", bomb.len() as f64 / 1e6);
    files.push((
        "zip of 5 GB whitespace (as an XLSX sheet)",
        write(p, "bomb.xlsx", &bomb),
    ));
    drop(bomb);
    let line = p.join("line.csv");
    let mut file = std::fs::File::create(&line).unwrap();
    let chunk = "x,".repeat(1 << 19);
    for _ in 0..100 {
        file.write_all(chunk.as_bytes()).unwrap();
    }
    drop(file);
    files.push(("100 MB CSV line of `x,`", line));
    let long = format!("姓名,单位\n张伟,{}\n", "x,".repeat(1 << 20));
    files.push(("2 MB CSV line", write(p, "long.csv", long.as_bytes())));
    let mut csv = String::from("姓名,单位\n");
    for i in 0..1_000_000 {
        csv.push_str(&format!("张伟{i},CQC\n"));
    }
    files.push(("1,000,000-row CSV", write(p, "million.csv", csv.as_bytes())));
    let mut stray = "姓名,单位\n张伟,国家认监委\n李娜,CQC\n".as_bytes().to_vec();
    stray.insert(stray.len() - 5, 0xB0);
    files.push((
        "UTF-8 CSV with one stray byte",
        write(p, "stray.csv", &stray),
    ));
    files.push(("`--from /dev/zero`", PathBuf::from("/dev/zero")));
    files.push(("a folder", p.to_owned()));
    let fifo = p.join("fifo.csv");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    files.push(("a FIFO", fifo));
    files.push(("a misspelt file name", p.join("programm.txt")));

    println!("| Hostile file | as | exit | time | peak memory | says |");
    println!("|---|---|---:|---:|---:|---|");
    let (mut slowest, mut largest) = (Duration::ZERO, 0u64);
    for (what, path) in &files {
        let path = path.to_str().unwrap();
        let project = project.to_str().unwrap();
        for (kind, args) in [
            ("list", vec!["import", "attendees", project, "--from", path]),
            (
                "programme",
                vec![
                    "import",
                    "agenda",
                    project,
                    "--meeting",
                    "paris-2024",
                    "--from",
                    path,
                ],
            ),
        ] {
            let (code, took, peak, said) = run(&args);
            slowest = slowest.max(took);
            largest = largest.max(peak);
            let said = said
                .split_once(": ")
                .map_or(said.as_str(), |(_, s)| s)
                .chars()
                .take(90)
                .collect::<String>();
            println!(
                "| {what} | {kind} | {code} | {:.0} ms | {:.0} MB | {said} |",
                took.as_secs_f64() * 1000.0,
                peak as f64 / 1048576.0
            );
        }
    }
    assert_eq!(
        std::fs::read(&project).unwrap(),
        before,
        "the project changed"
    );
    println!(
        "\nslowest refusal {:.0} ms, largest {:.0} MB; the project unchanged",
        slowest.as_secs_f64() * 1000.0,
        largest as f64 / 1048576.0
    );
}
