//! How long a large attendee list takes to read and preview: a 50,000-row XLSX (a title
//! row, bilingual headers, Chinese and European names, phone numbers stored as numbers),
//! as a secretariat's Excel makes it, read the way the app's import job reads it (what the
//! file is, the workbook through calamine, the header found, every row into a person by
//! script, pinyin for Chinese-only names, matched against the project, changes found).
//!
//! ```sh
//! cargo run --release --example attendee_list_timing            # 50,000 rows
//! cargo run --release --example attendee_list_timing -- 200000  # another size
//! ```

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // A measuring tool: a panic is a failed run.

use std::time::{Duration, Instant};

use delegation_planner::import::attendees::{Matcher, build_edit};
use delegation_planner::import::list::{ListKind, ReadOptions, read_list_bytes};
use delegation_planner::import::update::find_changes;
use delegation_planner::model::Project;

const SURNAMES: [&str; 12] = [
    "王", "李", "张", "刘", "陈", "杨", "欧阳", "单", "曾", "黄", "赵", "周",
];
const GIVEN: [&str; 10] = [
    "伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "振华",
];
const WESTERN: [(&str, &str); 6] = [
    ("MÜLLER-LANG", "Klaus"),
    ("von der LEYEN", "Ursula"),
    ("DUPONT", "Jean"),
    ("O'BRIEN", "Siobhan"),
    ("ROSSI", "Giulia"),
    ("NOWAK", "Piotr"),
];

/// A workbook of `rows` people under a merged title row.
fn workbook(rows: usize) -> Vec<u8> {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("参会人员").unwrap();
    sheet
        .merge_range(
            0,
            0,
            0,
            7,
            "2025 中欧标准化论坛 参会人员名单",
            &rust_xlsxwriter::Format::new(),
        )
        .unwrap();
    for (c, h) in [
        "序号",
        "姓名",
        "英文名",
        "单位 Organisation",
        "部门",
        "职务 Title",
        "手机",
        "邮箱",
    ]
    .iter()
    .enumerate()
    {
        sheet.write_string(1, c as u16, *h).unwrap();
    }
    for i in 0..rows {
        let r = (i + 2) as u32;
        sheet.write_number(r, 0, (i + 1) as f64).unwrap();
        if i % 3 == 0 {
            let (family, given) = WESTERN[i % WESTERN.len()];
            sheet
                .write_string(r, 2, format!("{given} {family}"))
                .unwrap();
            sheet.write_string(r, 3, format!("ORG{}", i % 400)).unwrap();
            sheet.write_string(r, 5, "Policy Officer").unwrap();
        } else {
            let name = format!(
                "{}{}",
                SURNAMES[i % SURNAMES.len()],
                GIVEN[(i / 7) % GIVEN.len()]
            );
            sheet.write_string(r, 1, name).unwrap();
            sheet
                .write_string(r, 3, format!("第{}认证中心", i % 400))
                .unwrap();
            sheet.write_string(r, 4, "国际合作部").unwrap();
            sheet.write_string(r, 5, "主任").unwrap();
        }
        sheet
            .write_number(r, 6, 13_800_000_000.0 + i as f64)
            .unwrap();
        sheet
            .write_string(r, 7, format!("guest{i}@example.org"))
            .unwrap();
    }
    workbook.save_to_buffer().unwrap()
}

/// The best of three reads and previews of `bytes` into `project`.
fn time(bytes: &[u8], project: &Project) -> (Duration, usize, usize) {
    let mut best = Duration::MAX;
    let mut counts = (0, 0);
    for _ in 0..3 {
        let start = Instant::now();
        let matcher = Matcher::new(project);
        let read = read_list_bytes(
            bytes.to_vec(),
            ListKind::Text,
            &ReadOptions::default(),
            &matcher,
            &mut |_| true,
        )
        .unwrap()
        .unwrap();
        let mut people = read.preview.people;
        find_changes(project, None, &mut people, false);
        best = best.min(start.elapsed());
        counts = (people.len(), read.preview.skipped.len());
    }
    (best, counts.0, counts.1)
}

/// The best of three builds of the edit that adds the list (ids made, organisations
/// merged) and applications of it to `project`, as the app's Add job does.
fn time_apply(bytes: &[u8], project: &Project) -> Duration {
    let read = read_list_bytes(
        bytes.to_vec(),
        ListKind::Text,
        &ReadOptions::default(),
        &Matcher::new(project),
        &mut |_| true,
    )
    .unwrap()
    .unwrap();
    let people = read.preview.people;
    (0..3)
        .map(|_| {
            let start = Instant::now();
            let (edit, summary) = build_edit(project, &people, None);
            let mut after = project.clone();
            edit.apply(&mut after);
            let took = start.elapsed();
            // Every row is added or, in the large project, matched to a namesake there.
            assert_eq!(
                summary.added_people.len() + summary.matched_people.len(),
                people.len()
            );
            took
        })
        .min()
        .unwrap()
}

fn main() {
    let rows: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(50_000);
    let start = Instant::now();
    let bytes = workbook(rows);
    println!(
        "built a {rows}-row XLSX ({:.1} MB) in {:.2?}",
        bytes.len() as f64 / 1e6,
        start.elapsed()
    );
    let sample = delegation_planner::samples::ccaa_afnor().unwrap();
    let big = delegation_planner::synthetic::generate(
        delegation_planner::synthetic::Size::people(100_000),
        1,
    );
    println!("| Read and preview of a {rows}-row XLSX | into | time | people | skipped | goal |");
    println!("|---|---|---|---|---|---|");
    for (what, project) in [("the sample (7 people)", &sample), ("100,000 people", &big)] {
        let (took, people, skipped) = time(&bytes, project);
        println!(
            "| sniff, calamine, header, rows, pinyin, matching, changes | {what} | {:.2} s | {people} | {skipped} | ≤ 2 s |",
            took.as_secs_f64()
        );
    }
    for (what, project) in [("the sample (7 people)", &sample), ("100,000 people", &big)] {
        println!(
            "| the edit that adds them, built and applied | {what} | {:.2} s | | | |",
            time_apply(&bytes, project).as_secs_f64()
        );
    }
}
