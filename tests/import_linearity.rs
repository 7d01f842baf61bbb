//! Every import grows linearly with its input, through the command line as a user runs it:
//! ten times the lines take about ten times as long, never a hundred. The bounds are
//! generous (a busy machine, a debug build); the release figures are in BENCHMARKS.md
//! (`cargo run --release --example import_timing`).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // Test helpers may panic: a panic is a failed test.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// Ten times the input may take at most this many times as long (linear: about 10, with
/// the start of the process shared; quadratic: about 100).
const MAX_RATIO: f64 = 30.0;

fn s(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// The fastest of three runs of `args` on fresh copies of the sample.
fn time_import(dir: &Path, args: impl Fn(&Path) -> Vec<String>) -> Duration {
    (0..3)
        .map(|i| {
            let project = dir.join(format!("run{i}.ron"));
            std::fs::write(&project, delegation_planner::samples::CCAA_AFNOR_RON).unwrap();
            let start = Instant::now();
            let out = Command::new(env!("CARGO_BIN_EXE_delegation-planner"))
                .args(args(&project))
                .output()
                .unwrap();
            let took = start.elapsed();
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
            took
        })
        .min()
        .unwrap()
}

/// A CSV of `n` people as a spreadsheet writes it.
fn csv_list(dir: &Path, n: usize) -> PathBuf {
    let path = dir.join(format!("list{n}.csv"));
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
}

/// A list pasted from an e-mail, one person per line.
fn pasted_list(dir: &Path, n: usize) -> PathBuf {
    let path = dir.join(format!("list{n}.txt"));
    let text: Vec<String> = (0..n)
        .map(|i| format!("Mr. WANG Lei{i} 王磊 中国认证认可协会 处长>Division Director,CCAA"))
        .collect();
    std::fs::write(&path, text.join("\n")).unwrap();
    path
}

/// A draft agenda of `n` lines.
fn agenda(dir: &Path, n: usize) -> PathBuf {
    let path = dir.join(format!("agenda{n}.txt"));
    let text: Vec<String> = (0..n)
        .map(|i| {
            format!(
                "{:02}:{:02} 10 min Item {i} — Dr. Betty XU",
                9 + (i / 60) % 10,
                i % 60
            )
        })
        .collect();
    std::fs::write(&path, text.join("\n")).unwrap();
    path
}

fn check_linear(what: &str, one: Duration, ten: Duration) {
    let ratio = ten.as_secs_f64() / one.as_secs_f64().max(1e-3);
    eprintln!("{what}: 1× {one:?}, 10× {ten:?}, ratio {ratio:.1}");
    assert!(
        ratio < MAX_RATIO,
        "{what}: ten times the input took {ratio:.0} times as long ({one:?} → {ten:?})"
    );
}

#[test]
fn importing_attendees_is_linear() {
    let dir = tempfile::tempdir().unwrap();
    for (kind, make) in [
        ("CSV", csv_list as fn(&Path, usize) -> PathBuf),
        ("pasted text", pasted_list),
    ] {
        let small = make(dir.path(), 1_000);
        let large = make(dir.path(), 10_000);
        let args = |list: PathBuf| {
            move |project: &Path| {
                vec![
                    "import".to_owned(),
                    "attendees".to_owned(),
                    s(project).to_owned(),
                    "--from".to_owned(),
                    s(&list).to_owned(),
                ]
            }
        };
        let one = time_import(dir.path(), args(small));
        let ten = time_import(dir.path(), args(large));
        check_linear(&format!("import attendees ({kind})"), one, ten);
    }
}

#[test]
fn importing_an_agenda_is_linear() {
    let dir = tempfile::tempdir().unwrap();
    let args = |text: PathBuf| {
        move |project: &Path| {
            vec![
                "import".to_owned(),
                "agenda".to_owned(),
                s(project).to_owned(),
                "--meeting".to_owned(),
                "paris-2024".to_owned(),
                "--from".to_owned(),
                s(&text).to_owned(),
                "--replace".to_owned(),
            ]
        }
    };
    let one = time_import(dir.path(), args(agenda(dir.path(), 1_600)));
    let ten = time_import(dir.path(), args(agenda(dir.path(), 16_000)));
    check_linear("import agenda", one, ten);
}
