//! A hostile but valid file in the real app: one organisation's note is 50 MB of one
//! paragraph (mixed Latin and Chinese). Measures the slowest frame while it opens, when
//! Organisations shows it, after "Show all" and while scrolling through it, and the peak
//! memory of the process; then the cost of a keystroke in a note just below the size at
//! which a note stops being edited in place.
//!
//! `cargo run --release --example hostile_note -- [MEGABYTES]` (default 50).
//!
//! Frames run through egui_kittest's headless harness (the app's whole UI, its
//! accessibility tree and tessellation-free painting), as the tests drive it.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // A measuring script: a panic is a failed run.

use std::time::{Duration, Instant};

use delegation_planner::app::DelegationApp;
use delegation_planner::model::OrganisationId;
use delegation_planner::ui::View;
use delegation_planner::workspace::{NoDialogs, Settings};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

fn memory(field: &str) -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find(|l| l.starts_with(field))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|kb| kb.parse::<u64>().ok())
        .unwrap_or(0)
        * 1024
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

/// Steps `n` frames (or until no job runs, when `n` is 0); the slowest.
fn frames(app: &mut Harness<'_, DelegationApp>, n: usize) -> Duration {
    let mut slowest = Duration::ZERO;
    let mut done = 0;
    loop {
        let start = Instant::now();
        app.step();
        slowest = slowest.max(start.elapsed());
        done += 1;
        if (n == 0 && !app.state().is_busy() && done > 3) || (n > 0 && done >= n) {
            return slowest;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

fn with_note(note: String, dir: &std::path::Path, name: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    let mut project = delegation_planner::samples::ccaa_afnor().unwrap();
    project
        .organisations
        .get_mut(&OrganisationId::from("afnor"))
        .unwrap()
        .notes = note;
    delegation_planner::project_file::save_project(&path, &project).unwrap();
    path
}

fn open(path: std::path::PathBuf) -> Harness<'static, DelegationApp> {
    Harness::builder()
        .with_size([1280.0, 800.0])
        .build_eframe(move |cc| {
            DelegationApp::with_settings(
                &cc.egui_ctx,
                Settings::default(),
                Some(path),
                Box::new(NoDialogs),
            )
        })
}

fn main() {
    let megabytes: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(50);
    let dir = tempfile::tempdir().unwrap();
    let unit = "Minutes of the working group 工作组会议纪要, ";
    let path = with_note(
        unit.repeat(megabytes * 1024 * 1024 / unit.len()),
        dir.path(),
        "note.ron",
    );
    let file = std::fs::metadata(&path).unwrap().len();
    let before = memory("VmRSS:");

    let mut app = open(path);
    let opening = frames(&mut app, 0);
    app.state_mut().view.view = View::Organisations;
    app.state_mut().view.organisation = Some(OrganisationId::from("afnor"));
    let shown = frames(&mut app, 20);
    app.get_by_label("Show all").click();
    let all = frames(&mut app, 20);
    let mut scrolling = Duration::ZERO;
    let area = app.get_by_label("Show less").rect().center() - egui::vec2(0.0, 150.0);
    app.hover_at(area);
    for _ in 0..60 {
        app.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Page,
            delta: egui::vec2(0.0, -1.0),
            modifiers: egui::Modifiers::NONE,
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
        });
        scrolling = scrolling.max(frames(&mut app, 1));
    }
    let peak = memory("VmHWM:");
    drop(app);

    println!(
        "| {megabytes} MB note ({} MB file) | slowest frame |",
        file >> 20
    );
    println!("|---|---:|");
    println!("| opening (on a job) | {} |", ms(opening));
    println!("| Organisations, note shown in part | {} |", ms(shown));
    println!("| after Show all | {} |", ms(all));
    println!(
        "| scrolling a page a frame, 60 frames | {} |",
        ms(scrolling)
    );
    println!();
    println!(
        "Memory: {} MB before opening, peak {} MB; the limit (3 × file + 200 MB) is {} MB.",
        before >> 20,
        peak >> 20,
        (3 * file + 200 * 1024 * 1024) >> 20
    );

    // The same note in the other long texts of a project: a person's notes, a meeting's
    // minutes, a commitment's description.
    println!();
    println!("| The note elsewhere | slowest of 20 frames |");
    println!("|---|---:|");
    let note = unit.repeat(megabytes * 1024 * 1024 / unit.len());
    for place in ["person notes", "meeting minutes", "commitment description"] {
        let path = dir.path().join("elsewhere.ron");
        let mut project = delegation_planner::samples::ccaa_afnor().unwrap();
        let view = match place {
            "person notes" => {
                project
                    .people
                    .get_mut("huang-jixian")
                    .unwrap()
                    .notes
                    .clone_from(&note);
                View::People
            }
            "meeting minutes" => {
                let m = project.meetings.get_mut("paris-2024").unwrap();
                m.minutes.clone_from(&note);
                View::Meetings
            }
            _ => {
                let c = project.commitments.get_mut("sharing-expertise").unwrap();
                c.description.en.clone_from(&note);
                View::Commitments
            }
        };
        delegation_planner::project_file::save_project(&path, &project).unwrap();
        drop(project);
        let mut app = open(path);
        frames(&mut app, 0);
        app.state_mut().view.view = view;
        app.state_mut().view.person = Some("huang-jixian".into());
        app.state_mut().view.commitment = Some("sharing-expertise".into());
        let slowest = frames(&mut app, 20);
        println!("| {place} | {} |", ms(slowest));
    }
    println!();

    // Typing in the largest note still edited in place.
    let limit = delegation_planner::ui::widgets::LONG_TEXT_BYTES;
    let path = with_note(
        unit.repeat((limit - 1) / unit.len()),
        dir.path(),
        "edit.ron",
    );
    let mut app = open(path);
    frames(&mut app, 0);
    app.state_mut().view.view = View::Organisations;
    app.state_mut().view.organisation = Some(OrganisationId::from("afnor"));
    frames(&mut app, 5);
    let note = app
        .state()
        .workspace
        .doc
        .project()
        .organisations
        .get(&OrganisationId::from("afnor"))
        .unwrap()
        .notes
        .len();
    app.get_by_label("Notes").click();
    frames(&mut app, 3);
    let mut keystroke = Duration::ZERO;
    for c in "typed here".chars() {
        app.event(egui::Event::Text(c.to_string()));
        keystroke = keystroke.max(frames(&mut app, 1));
    }
    println!(
        "A keystroke in a {} kB note (the largest edited in place is {} kB): {} at most.",
        note / 1024,
        limit / 1024,
        ms(keystroke)
    );
}
