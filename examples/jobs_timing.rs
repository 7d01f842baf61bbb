//! The slowest UI-thread frame while long work runs, in a headless app on a large project:
//! opening it, the first visit to People, saving, a 50,000-row CSV import, and every export.
//! Each frame is what eframe does on the UI thread for a repaint: `Context::run` with the
//! whole app, plus tessellation. The work itself runs on background jobs; the goal is that
//! no frame takes more than 16 ms meanwhile.
//!
//! `cargo run --release --example jobs_timing -- [PEOPLE]` (default 100,000 people: ~51 MB).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // A measuring script: a panic is a failed run.

use std::collections::VecDeque;
use std::fmt::Write as _;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use delegation_planner::app::DelegationApp;
use delegation_planner::export::ExportLanguage;
use delegation_planner::export::agenda::AgendaFormat;
use delegation_planner::export::attendees::AttendeeFormat;
use delegation_planner::export::commitments::CommitmentsFormat;
use delegation_planner::synthetic::{Size, generate};
use delegation_planner::ui::View;
use delegation_planner::workspace::{
    Action, Command, DialogOutcome, FileDialogs, FileKind, ImportStep, Picked, Request, Settings,
};

/// File dialogs answered from a queue.
#[derive(Clone, Default)]
struct Answers(Arc<Mutex<VecDeque<PathBuf>>>);

impl Answers {
    fn push(&self, path: PathBuf) {
        self.0.lock().unwrap().push_back(path);
    }
    fn next(&self) -> Picked {
        self.0
            .lock()
            .unwrap()
            .pop_front()
            .map_or(Picked::Cancelled, Picked::File)
    }
}

impl FileDialogs for Answers {
    fn pick_open(&mut self, _: Option<PathBuf>, _: FileKind) -> Picked {
        self.next()
    }
    fn pick_save(&mut self, _: Option<PathBuf>, _: &str, _: FileKind) -> Picked {
        self.next()
    }
}

/// A headless window: frames are run and timed one by one.
struct Window {
    ctx: egui::Context,
    app: DelegationApp,
}

impl Window {
    /// One frame, as eframe runs it on the UI thread; returns how long it took.
    fn frame(&mut self) -> Duration {
        let input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(
                egui::Pos2::ZERO,
                egui::vec2(1280.0, 800.0),
            )),
            ..Default::default()
        };
        let start = Instant::now();
        let mut output = self.ctx.run_ui(input, |ui| self.app.frame_ui(ui));
        let _ = self.ctx.tessellate(output.shapes, output.pixels_per_point);
        let took = start.elapsed();
        // No renderer here to take the textures.
        output.textures_delta.clear();
        took
    }

    /// Frames (at about 60 per second) until no background work runs; the slowest frame
    /// and how long it all took.
    fn frames_until_idle(&mut self) -> (Duration, Duration, usize) {
        let start = Instant::now();
        let mut slowest = Duration::ZERO;
        let mut frames = 0;
        loop {
            let took = self.frame();
            slowest = slowest.max(took);
            frames += 1;
            if !self.app.is_busy() && frames > 2 {
                break;
            }
            std::thread::sleep(Duration::from_millis(16).saturating_sub(took));
        }
        (slowest, start.elapsed(), frames)
    }
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn report(
    rows: &mut Vec<String>,
    what: &str,
    (slowest, total, frames): (Duration, Duration, usize),
) {
    let verdict = if slowest <= Duration::from_millis(16) {
        "met"
    } else {
        "MISSED"
    };
    let line = format!(
        "| {what} | {} | {frames} | {} | {verdict} |",
        ms(slowest),
        ms(total)
    );
    println!("{line}");
    rows.push(line);
}

fn main() {
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("warn")).init();
    let people: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(100_000);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.ron");
    let project = generate(Size::people(people), 1);
    delegation_planner::project_file::save_project(&path, &project).unwrap();
    let size = std::fs::metadata(&path).unwrap().len();
    let meeting = project
        .meetings
        .iter()
        .max_by_key(|(_, m)| m.attendees.len())
        .map(|(id, _)| id.clone())
        .unwrap();
    drop(project);
    println!(
        "{people} people ({:.1} MB); slowest UI-thread frame while each runs (goal: 16 ms)\n",
        size as f64 / 1e6
    );
    println!("| Work | Slowest frame | Frames | Until done | Goal |");
    println!("|---|---:|---:|---:|---|");
    let mut rows = Vec::new();

    let answers = Answers::default();
    let ctx = egui::Context::default();
    let t = Instant::now();
    let app = DelegationApp::with_settings(
        &ctx,
        Settings::default(),
        Some(path.clone()),
        Box::new(answers.clone()),
    );
    let constructed = t.elapsed();
    let mut window = Window { ctx, app };
    let mut open = window.frames_until_idle();
    open.0 = open.0.max(constructed);
    report(&mut rows, "Open the project (constructor and frames)", open);
    assert_eq!(window.app.workspace.doc.project().people.len(), people);

    window.app.view.view = View::People;
    report(
        &mut rows,
        "First visit to People",
        window.frames_until_idle(),
    );

    window.app.workspace.apply(Action::Command(Command::Save));
    report(&mut rows, "Save", window.frames_until_idle());

    // A 50,000-row CSV into the largest meeting.
    let csv_path = dir.path().join("list.csv");
    let mut csv = String::from("Family name,Given name,Chinese name,Organisation,Title\n");
    for i in 0..50_000 {
        writeln!(csv, "Guest{i},Anna,王{i},ORG{},Delegate", i % 300).unwrap();
    }
    std::fs::write(&csv_path, csv).unwrap();
    window
        .app
        .workspace
        .apply(Action::Request(Request::ImportAttendees(Some(
            meeting.clone(),
        ))));
    answers.push(csv_path);
    window
        .app
        .workspace
        .apply(Action::Dialog(DialogOutcome::Import(ImportStep::OpenFile)));
    report(
        &mut rows,
        "Import 50,000 rows: read and match",
        window.frames_until_idle(),
    );
    window
        .app
        .workspace
        .apply(Action::Dialog(DialogOutcome::Import(ImportStep::Confirm)));
    report(
        &mut rows,
        "Import 50,000 rows: build and apply the edit",
        window.frames_until_idle(),
    );
    assert!(window.app.workspace.doc.project().people.len() > people);

    let exports: Vec<(String, Request)> = AgendaFormat::ALL
        .into_iter()
        .map(|format| {
            (
                format!("Export the agenda ({})", format.extension()),
                Request::ExportAgenda {
                    meeting: meeting.clone(),
                    format,
                    language: ExportLanguage::Both,
                },
            )
        })
        .chain(AttendeeFormat::ALL.into_iter().map(|format| {
            (
                format!("Export the attendees ({})", format.extension()),
                Request::ExportAttendees {
                    meeting: Some(meeting.clone()),
                    format,
                    language: ExportLanguage::Both,
                },
            )
        }))
        .chain(std::iter::once((
            "Name cards".to_owned(),
            Request::NameCards(meeting.clone()),
        )))
        .chain(AttendeeFormat::ALL.into_iter().map(|format| {
            (
                format!("Export everyone ({})", format.extension()),
                Request::ExportAttendees {
                    meeting: None,
                    format,
                    language: ExportLanguage::Both,
                },
            )
        }))
        .chain(CommitmentsFormat::ALL.into_iter().map(|format| {
            (
                format!("Export the commitments ({})", format.extension()),
                Request::ExportCommitments {
                    format,
                    language: ExportLanguage::Both,
                    filter: Box::default(),
                },
            )
        }))
        .collect();
    for (i, (what, request)) in exports.into_iter().enumerate() {
        answers.push(dir.path().join(format!("export-{i}")));
        window.app.workspace.apply(Action::Request(request));
        report(&mut rows, &what, window.frames_until_idle());
    }
    let missed = rows.iter().filter(|r| r.ends_with("MISSED |")).count();
    println!("\n{missed} of {} missed the goal", rows.len());
}
