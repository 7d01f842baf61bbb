//! `import agenda` on programmes as other offices write them, run as a real process: the
//! title, section, note and ignored lines said on the command line, impossible times
//! flagged rather than turned into long items, and `--replace` leaving exactly the days
//! the text names (or the meeting's own days when it names none).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // Test helpers may panic: a panic is a failed test.

use std::process::Command;

use delegation_planner::model::MeetingId;
use delegation_planner::project_file::read_project;

fn import(file: &std::path::Path, text: &str, replace: bool) -> (i32, String, String) {
    let from = file.with_extension("txt");
    std::fs::write(&from, text).unwrap();
    let mut args = vec![
        "import",
        "agenda",
        file.to_str().unwrap(),
        "--meeting",
        "paris-2024",
        "--from",
        from.to_str().unwrap(),
    ];
    if replace {
        args.push("--replace");
    }
    let out = Command::new(env!("CARGO_BIN_EXE_delegation-planner"))
        .args(&args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn project() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("paris.ron");
    std::fs::write(&path, delegation_planner::samples::CCAA_AFNOR_RON).unwrap();
    (dir, path)
}

#[test]
fn replace_leaves_exactly_the_days_the_text_names() {
    let (_dir, file) = project();
    let text = "Programme — CCAA delegation visit to Berlin, 12–13 May 2025\n\nMonday, 12 May 2025\n09:00 – 09:15 Uhr  Begrüßung durch Herrn Helge Engelhard, BMWi\n09:15 Arbeitssitzung (2 Std.)\nTuesday, 13 May 2025\n10:00 Visit of the DIN laboratories\n";
    let (code, out, err) = import(&file, text, true);
    assert_eq!(code, 0, "{out}\n{err}");
    assert!(
        out.contains("line 1: programme title: CCAA delegation visit to Berlin, 12–13 May 2025"),
        "{out}"
    );
    assert!(out.contains("day 1 (line 3)"), "{out}");
    assert!(out.contains("day 2 (line 6)"), "{out}");
    let project = read_project(&file).unwrap();
    let m = &project.meetings[&MeetingId::from("paris-2024")];
    let dates: Vec<String> = m.days.iter().map(|d| d.date.to_string()).collect();
    assert_eq!(dates, ["2025-05-12", "2025-05-13"]);
    assert_eq!(m.days[0].start.to_string(), "09:00:00");
    let first = &m.days[0].items[0];
    assert_eq!(first.title.en, "Begrüßung");
    assert_eq!(first.guest_speakers, ["Herr Helge Engelhard (BMWi)"]);
    assert_eq!(m.days[0].items[1].duration_minutes, 120);
}

#[test]
fn replace_keeps_the_meetings_days_when_the_text_names_none() {
    let (_dir, file) = project();
    // Two days first, then a text without day lines.
    let (code, _, err) = import(
        &file,
        "24 September 2024\n9:00 A\n25 September 2024\n9:00 B\n",
        true,
    );
    assert_eq!(code, 0, "{err}");
    let (code, out, err) = import(&file, "上午\n9:30 欢迎致辞  刘江\n下午\n2:00 参观\n", true);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("line 1: section: 上午 (times under it are morning)"),
        "{out}"
    );
    let project = read_project(&file).unwrap();
    let m = &project.meetings[&MeetingId::from("paris-2024")];
    let dates: Vec<String> = m.days.iter().map(|d| d.date.to_string()).collect();
    assert_eq!(dates, ["2024-09-24", "2024-09-25"]);
    assert_eq!(m.days[0].items.len(), 2);
    assert!(m.days[1].items.is_empty());
    assert_eq!(m.days[0].items[0].guest_speakers, ["刘江"]);
    let slots = m.days[0].schedule(m.time_zone);
    assert_eq!(slots[0].start.time().to_string(), "09:30:00");
    assert_eq!(slots[1].start.time().to_string(), "14:00:00");
}

#[test]
fn impossible_times_are_flagged_never_long_items() {
    let (_dir, file) = project();
    let text = "24 September 2024\n09:00 Welcome\n14:00 Opening\n16:00–15:00 Typo\n9h30 Reception\n25:00 Dinner\n***\n";
    let (code, out, err) = import(&file, text, true);
    assert_eq!(code, 0, "{out}\n{err}");
    assert!(
        err.contains("line 4: the range ends at 15:00, before it starts at 16:00"),
        "{err}"
    );
    assert!(
        err.contains("line 5: 09:30 is before the end of the item above (16:30) and was not used"),
        "{err}"
    );
    assert!(
        err.contains("line 6: `25:00` is not a time of day"),
        "{err}"
    );
    assert!(
        err.contains("line 7 of the text gave no item (nothing to read): ***"),
        "{err}"
    );
    let project = read_project(&file).unwrap();
    let m = &project.meetings[&MeetingId::from("paris-2024")];
    assert!(m.days[0].items.iter().all(|i| i.duration_minutes <= 300));
    // The range ending before it starts is half an hour, not 23 hours.
    assert_eq!(m.days[0].items[2].duration_minutes, 30);
    assert_eq!(m.days.len(), 1);
}
