//! Times the long work that runs on background jobs, in a headless app: opening a big
//! project (how long the first frame waits, how long until the project is there), reading
//! and applying a 50,000-row CSV, drawing 2,000 name cards, saving a big project, and
//! writing a recovery copy of it.
//!
//! `cargo run --release --example jobs_timing -- [PEOPLE]` (default 100,000 people: ~51 MB).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // A measuring script: a panic is a failed run.

use std::fmt::Write as _;
use std::time::{Duration, Instant};

use delegation_planner::app::DelegationApp;
use delegation_planner::import::attendees::{
    Matcher, build_edit, guess_mapping, read_csv, rows_to_people_with,
};
use delegation_planner::model::{Attendee, MeetingId, Person, PersonId};
use delegation_planner::synthetic::{Size, generate};
use delegation_planner::workspace::{NoDialogs, Settings};

fn ms(d: Duration) -> String {
    format!("{:.0} ms", d.as_secs_f64() * 1000.0)
}

fn main() {
    let people: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(100_000);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.ron");
    let project = generate(Size::people(people), 1);

    let t = Instant::now();
    delegation_planner::project_file::save_project(&path, &project).unwrap();
    let size = std::fs::metadata(&path).unwrap().len();
    println!(
        "save {people} people ({:.1} MB), UI thread today: {}",
        size as f64 / 1e6,
        ms(t.elapsed())
    );
    let t = Instant::now();
    let text = delegation_planner::project_file::to_ron_string(&project).unwrap();
    println!("  of which serialising: {}", ms(t.elapsed()));
    drop(text);

    // Opening in the app: the constructor returns, frames are drawn while the job runs.
    let ctx = egui::Context::default();
    let t = Instant::now();
    let mut app = DelegationApp::with_settings(
        &ctx,
        Settings::default(),
        Some(path.clone()),
        Box::new(NoDialogs),
    );
    let constructed = t.elapsed();
    let mut frames = 0;
    let mut slowest = Duration::ZERO;
    let mut first_frame = None;
    while app.is_busy() {
        let f = Instant::now();
        let _ = ctx.run_ui(egui::RawInput::default(), |ui| app.frame_ui(ui));
        let took = f.elapsed();
        first_frame.get_or_insert(took);
        if app.is_busy() {
            slowest = slowest.max(took);
        }
        frames += 1;
        std::thread::sleep(Duration::from_millis(16));
    }
    let loaded = t.elapsed();
    let f = Instant::now();
    let _ = ctx.run_ui(egui::RawInput::default(), |ui| app.frame_ui(ui));
    println!(
        "open in background: constructor {}, first frame {}, project there after {} \
         (including the frame that first draws it; {frames} frames drawn meanwhile, \
         slowest {}); next frame {}",
        ms(constructed),
        ms(first_frame.unwrap_or_default()),
        ms(loaded),
        ms(slowest),
        ms(f.elapsed())
    );
    assert_eq!(app.workspace.doc.project().people.len(), people);

    // The same open, blocking (what the first frame used to wait for).
    let t = Instant::now();
    assert!(app.workspace.open_path(&path));
    println!("open blocking (before): {}", ms(t.elapsed()));

    let t = Instant::now();
    let copy = app.workspace.doc.project().clone();
    println!("clone of the project (UI thread): {}", ms(t.elapsed()));
    drop(copy);

    // Recovery copy of the big project.
    // What the app does: the text on the UI thread, the writing on a job.
    let snapshot = delegation_planner::workspace::recovery::Snapshot {
        project: app.workspace.doc.project(),
        path: Some(&path),
        name: "big.ron",
        base: None,
        revision: 1,
    };
    let t = Instant::now();
    let text = delegation_planner::workspace::recovery::copy_text(&snapshot).unwrap();
    println!(
        "recovery copy: text made on the UI thread in {}",
        ms(t.elapsed())
    );
    let t = Instant::now();
    delegation_planner::workspace::recovery::write_text(
        &dir.path().join("recovery/copy.ron"),
        &text,
    )
    .unwrap();
    println!(
        "recovery copy: written and synced on the job in {}",
        ms(t.elapsed())
    );

    // A 50,000-row CSV into the big project.
    let mut csv = String::from("Family name,Given name,Chinese name,Organisation,Title\n");
    for i in 0..50_000 {
        writeln!(csv, "Guest{i},Anna,王{i},ORG{},Delegate", i % 300).unwrap();
    }
    let target = app.workspace.doc.project().clone();
    let t = Instant::now();
    let table = read_csv(csv.as_bytes()).unwrap();
    let mapping = guess_mapping(&table.headers);
    let read = t.elapsed();
    let t = Instant::now();
    let matcher = Matcher::new(&target);
    let index = t.elapsed();
    let t = Instant::now();
    let parsed = rows_to_people_with(&table, &mapping, &matcher, &mut |_| true).unwrap();
    let matched = t.elapsed();
    let meeting = target.meetings.keys().next().cloned();
    let t = Instant::now();
    let (edit, summary) = build_edit(&target, &parsed, meeting.as_ref());
    let built = t.elapsed();
    let mut doc = delegation_planner::document::Document::unsaved(target, false);
    let t = Instant::now();
    doc.apply(edit);
    let applied = t.elapsed();
    println!(
        "CSV 50,000 rows into {people} people: read {}, index {} (UI thread), match {} \
         (job); apply: build edit {}, apply {} ({} added, {} attendees)",
        ms(read),
        ms(index),
        ms(matched),
        ms(built),
        ms(applied),
        summary.added_people.len(),
        summary.added_attendees
    );

    // 2,000 name cards.
    let mut small = delegation_planner::samples::ccaa_afnor().unwrap();
    let m = small
        .meetings
        .get_mut(&MeetingId::from("paris-2024"))
        .unwrap();
    m.attendees.clear();
    for i in 0..2_000 {
        let id = PersonId::from(format!("guest-{i}").as_str());
        m.attendees.push(Attendee::new(id.clone()));
        small.people.insert(
            id,
            Person {
                family_name: format!("Guest{i}"),
                given_name: "Anna".into(),
                chinese_name: "方艳".into(),
                ..Default::default()
            },
        );
    }
    let meeting = &small.meetings[&MeetingId::from("paris-2024")];
    let t = Instant::now();
    let mut first_page = None;
    let (bytes, n) =
        delegation_planner::export::attendees::name_cards_with(&small, meeting, &mut |done, _| {
            if done == 1 {
                first_page = Some(t.elapsed());
            }
            true
        })
        .unwrap();
    println!(
        "name cards: {n} cards, {:.1} MB, {} (first page after {})",
        bytes.len() as f64 / 1e6,
        ms(t.elapsed()),
        ms(first_page.unwrap_or_default())
    );
}
