//! Every hostile file of issue 21, built here in code, given to `import attendees` and
//! `import agenda` as a real process: each is refused with exit code 1 and a message that
//! says what is wrong (the limit and its value, or what the file is), none panics, aborts
//! or hangs, the project is left byte for byte, and no refusal takes more than a few
//! seconds or 300 MB. The programmes that are files of another encoding import with their
//! Chinese intact.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // Test helpers may panic: a panic is a failed test.

mod hostile_imports;

use std::io::{Read as _, Write as _};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use hostile_imports as build;

/// A run of the command line: exit code, standard output and error, wall time, and the
/// process's own peak resident memory.
struct Run {
    code: i32,
    out: String,
    err: String,
    took: Duration,
    peak: u64,
}

/// Runs the command line, killing it after 30 s (a hang fails the test instead of
/// hanging it). The process is reaped with `wait4`, which gives its own resource usage.
#[allow(clippy::zombie_processes)] // reaped by `wait4`, which clippy does not know
fn run(args: &[&str]) -> Run {
    let start = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_delegation-planner"))
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let read = |mut pipe: Box<dyn std::io::Read + Send>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            pipe.read_to_end(&mut bytes).unwrap();
            String::from_utf8_lossy(&bytes).into_owned()
        })
    };
    let out = read(Box::new(child.stdout.take().unwrap()));
    let err = read(Box::new(child.stderr.take().unwrap()));
    let pid = i32::try_from(child.id()).unwrap();
    let (status, usage) = loop {
        let mut status = 0;
        // SAFETY: wait4 only writes the status and the struct it is given.
        let (reaped, usage) = unsafe {
            let mut usage = std::mem::zeroed::<libc::rusage>();
            let reaped = libc::wait4(pid, &raw mut status, libc::WNOHANG, &raw mut usage);
            (reaped, usage)
        };
        if reaped == pid {
            break (status, usage);
        }
        if start.elapsed() > Duration::from_secs(30) {
            child.kill().unwrap();
            panic!("{args:?} hung for 30 s");
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    Run {
        code: if libc::WIFEXITED(status) {
            libc::WEXITSTATUS(status)
        } else {
            -1
        },
        out: out.join().unwrap(),
        err: err.join().unwrap(),
        took: start.elapsed(),
        peak: u64::try_from(usage.ru_maxrss).unwrap() * 1024,
    }
}

/// Refusals stay under this much resident memory.
const PEAK: u64 = 300 * 1024 * 1024;

/// A copy of the CCAA–AFNOR sample to import into, in its own folder.
fn project() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("paris.ron");
    std::fs::write(&path, delegation_planner::samples::CCAA_AFNOR_RON).unwrap();
    (dir, path)
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn s(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// Imports `from` as a list and as a programme, and checks both are refused with a
/// message holding `expected`, quickly, with the project (and its folder) unchanged.
fn refused(from: &Path, expected: &[&str]) {
    let (dir, file) = project();
    let before = std::fs::read(&file).unwrap();
    for (what, args) in [
        (
            "list",
            vec!["import", "attendees", s(&file), "--from", s(from)],
        ),
        (
            "programme",
            vec![
                "import",
                "agenda",
                s(&file),
                "--meeting",
                "paris-2024",
                "--from",
                s(from),
            ],
        ),
    ] {
        let r = run(&args);
        let name = from.file_name().unwrap().to_string_lossy();
        assert_eq!(r.code, 1, "{name} as a {what}: {}{}", r.out, r.err);
        assert!(r.out.is_empty(), "{name} as a {what}: {}", r.out);
        assert!(
            r.err.starts_with(&format!("{}: ", from.display())),
            "{name} as a {what}: the message names the file: {}",
            r.err
        );
        for words in expected {
            assert!(
                r.err.contains(words),
                "{name} as a {what}: {words:?} not in {}",
                r.err
            );
        }
        assert!(
            !r.err.contains("panicked") && !r.err.contains("RUST_BACKTRACE"),
            "{}",
            r.err
        );
        assert!(
            r.err.len() < 2_000,
            "{name}: {} bytes of message",
            r.err.len()
        );
        assert!(
            r.took < Duration::from_secs(10),
            "{name} as a {what}: refused in {:?}",
            r.took
        );
        assert!(r.peak < PEAK, "{name} as a {what}: {} MB", r.peak >> 20);
        assert_eq!(
            std::fs::read(&file).unwrap(),
            before,
            "{name}: the project is unchanged"
        );
    }
    // Nothing was left beside the project: no lock, no temporary file, no .bak.
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(left, ["paris.ron"]);
}

#[test]
fn lying_shared_string_counts_are_refused_before_anything_is_allocated() {
    let dir = tempfile::tempdir().unwrap();
    for (count, shown) in [
        ("18446744073709551615", "18,446,744,073,709,551,615"),
        ("1000000000", "1,000,000,000"),
    ] {
        let xlsx = build::xlsx_with_unique_count(count);
        assert!(xlsx.len() < 10_000, "{} bytes", xlsx.len());
        let from = write(dir.path(), &format!("count-{count}.xlsx"), &xlsx);
        refused(
            &from,
            &[
                "the workbook has, or declares, too many texts (xl/sharedStrings.xml)",
                shown,
                "the limit is 2,500,000 texts; nothing was imported",
            ],
        );
    }
}

#[test]
fn a_count_that_lies_under_the_limit_is_taken_out_and_the_list_read() {
    let (dir, file) = project();
    let xlsx = build::xlsx_with_unique_count("2000000");
    let from = write(dir.path(), "sloppy.xlsx", &xlsx);
    let r = run(&["import", "attendees", s(&file), "--from", s(&from)]);
    assert_eq!(r.code, 0, "{}", r.err);
    assert!(r.out.contains("added\tZHANG Wei 张伟"), "{}", r.out);
}

#[test]
fn a_sheet_spanning_a2_to_xfd1048576_is_refused_at_its_second_cell() {
    let dir = tempfile::tempdir().unwrap();
    let xlsx = build::xlsx_with_corners();
    assert!(xlsx.len() < 10_000, "{} bytes", xlsx.len());
    let from = write(dir.path(), "corners.xlsx", &xlsx);
    refused(
        &from,
        &["the file has too many rows (sheet “Sheet1”): 1,048,575; the limit is 250,000 rows"],
    );
}

#[test]
fn an_xls_cut_at_4096_bytes_is_refused_as_damaged() {
    let dir = tempfile::tempdir().unwrap();
    let xls = build::xls(300);
    assert!(xls.len() > 4096);
    // The whole file is read.
    let (pdir, file) = project();
    let whole = write(pdir.path(), "whole.xls", &xls);
    let r = run(&["import", "attendees", s(&file), "--from", s(&whole)]);
    assert_eq!(r.code, 0, "{}", r.err);
    assert!(r.out.contains("added\tWANG Fang 王芳"), "{}", r.out);
    let cut = write(dir.path(), "cut.xls", &xls[..4096]);
    refused(&cut, &["the file is damaged ("]);
}

#[test]
fn an_xls_declaring_or_spanning_too_many_cells_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let from = write(dir.path(), "corners.xls", &build::xls_with_corners());
    refused(
        &from,
        &["the workbook has too many cells (sheet 1, ", "16,777,216"],
    );
}

#[test]
fn a_zip_bomb_is_refused_from_its_central_directory() {
    let dir = tempfile::tempdir().unwrap();
    // 200 MB of spaces, deflated to about 200 KB, as an XLSX's sheet.
    let bomb = build::xlsx_bomb(200 * 1024 * 1024);
    assert!(bomb.len() < 1024 * 1024, "{} bytes", bomb.len());
    let from = write(dir.path(), "bomb.xlsx", &bomb);
    refused(
        &from,
        &[
            "a part of the file is too large once unpacked (xl/worksheets/sheet1.xml): 200 MB; the limit is 128 MB",
        ],
    );
    // The same sheet declaring 1,000 bytes: refused (it is no workbook either), and
    // inflating it stops at 1,000 bytes (`import_hostile_files`).
    let liar = build::with_declared_size(&bomb, "xl/worksheets/sheet1.xml", 1000);
    let from = write(dir.path(), "liar.xlsx", &liar);
    refused(&from, &["could not be read"]);
}

#[test]
fn ods_repeats_expanding_to_90_million_cells_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let ods = build::ods_repeated(900_000, 100);
    assert!(ods.len() < 9_500, "{} bytes", ods.len());
    let from = write(dir.path(), "repeats.ods", &ods);
    refused(
        &from,
        &[
            "the workbook has too many cells (sheet “Liste”): ",
            "the limit is 2,500,000 cells (rows × columns)",
        ],
    );
    let from = write(dir.path(), "malformed.ods", &build::ods_malformed_repeat());
    refused(
        &from,
        &["row 2 of sheet “Liste”: the row repeat count “1e9” is not a positive number"],
    );
}

#[test]
fn long_lines_and_large_files_are_refused_before_they_are_parsed() {
    let dir = tempfile::tempdir().unwrap();
    // 100 MB: refused from its size, not a byte read.
    let path = dir.path().join("line.csv");
    let mut file = std::fs::File::create(&path).unwrap();
    let chunk = "x,".repeat(1 << 19);
    for _ in 0..100 {
        file.write_all(chunk.as_bytes()).unwrap();
    }
    drop(file);
    refused(
        &path,
        &["the file is too large: 100 MB; the limit is 64 MB; nothing was imported"],
    );
    // 2 MB on one line: refused for the line.
    let long = format!("姓名,单位\n张伟,{}\n", "x,".repeat(1 << 20));
    let from = write(dir.path(), "long.csv", long.as_bytes());
    refused(
        &from,
        &["a line is too long (line 2): 2.0 MB; the limit is 1 MB"],
    );
}

#[test]
fn a_million_rows_are_refused_quickly() {
    let dir = tempfile::tempdir().unwrap();
    let mut csv = String::from("姓名,单位\n");
    for i in 0..1_000_000 {
        csv.push_str(&format!("张伟{i},CQC\n"));
    }
    let from = write(dir.path(), "million.csv", csv.as_bytes());
    refused(
        &from,
        &["the file has too many rows: 1,000,002; the limit is 250,000 rows"],
    );
}

#[test]
fn devices_folders_pipes_and_missing_files_are_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    refused(Path::new("/dev/zero"), &["this is a device, not a file"]);
    refused(dir.path(), &["this is a folder, not a file"]);
    let fifo = dir.path().join("list.csv");
    let status = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(status.success());
    refused(&fifo, &["this is a named pipe (FIFO), not a file"]);
    refused(
        &dir.path().join("programm.txt"),
        &["there is no such file; check its name and folder"],
    );
}

#[test]
fn a_word_document_is_read_as_word_never_as_bytes() {
    // Issue 21 refused it; issue 22 reads it: its paragraph is the programme's one line.
    let dir = tempfile::tempdir().unwrap();
    let from = write(dir.path(), "programme.docx", &build::docx("09:00 Opening"));
    let (_pdir, file) = project();
    let r = run(&[
        "import",
        "agenda",
        s(&file),
        "--meeting",
        "paris-2024",
        "--from",
        s(&from),
    ]);
    assert_eq!(r.code, 0, "{}{}", r.out, r.err);
    assert!(
        r.out.contains("line 1: 30 min (assumed)  Opening\n"),
        "{}",
        r.out
    );
    let saved = std::fs::read_to_string(&file).unwrap();
    assert!(saved.contains("\"Opening\""), "{saved}");
    assert!(!saved.contains("PK") && !saved.contains("word/"), "{saved}");
}

#[test]
fn programmes_in_gb18030_and_utf16_keep_their_chinese() {
    let programme = "11月5日（星期二）\n上午9:00 开幕致辞\n下午2点半 参观实验室\n";
    let (gb, _, _) = encoding_rs::GB18030.encode(programme);
    let utf16: Vec<u8> = programme
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    for (name, bytes) in [("gb.txt", gb.to_vec()), ("utf16.txt", utf16)] {
        let (dir, file) = project();
        let from = write(dir.path(), name, &bytes);
        let r = run(&[
            "import",
            "agenda",
            s(&file),
            "--meeting",
            "paris-2024",
            "--from",
            s(&from),
        ]);
        assert_eq!(r.code, 0, "{name}: {}", r.err);
        assert!(r.out.contains("开幕致辞"), "{name}: {}", r.out);
        assert!(r.out.contains("参观实验室"), "{name}: {}", r.out);
        assert!(!r.out.contains('\u{FFFD}'), "{name}: {}", r.out);
        let saved = std::fs::read_to_string(&file).unwrap();
        assert!(saved.contains("开幕致辞") && !saved.contains('\u{FFFD}'));
    }
}

#[test]
fn a_utf8_list_with_a_stray_byte_stays_utf8_and_says_where() {
    let dir = tempfile::tempdir().unwrap();
    let mut csv =
        "姓名,单位\n张伟,国家认监委\n王芳,中国质量认证中心\n李娜,CQC\n刘洋,CNCA\n陈静,CCAA\n"
            .as_bytes()
            .to_vec();
    // One stray byte in the middle of line 4.
    let at = csv
        .windows("李娜".len())
        .position(|w| w == "李娜".as_bytes())
        .unwrap()
        + "李娜".len();
    csv.insert(at, 0xB0);
    let from = write(dir.path(), "list.csv", &csv);
    refused(
        &from,
        &[
            "line 4, column 3: 0xB0 is not UTF-8 (shown as ?)",
            "is UTF-8 but for the bytes above; correct those lines",
        ],
    );
}
