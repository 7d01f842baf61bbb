//! The meeting page's frames, small and large, for a profiler: the same scenes as
//! `cargo bench --bench frames` (a meeting of 100 attendees and 100 agenda items, and one
//! of 20,000 and 2,000), run for a number of still frames each, with the time a frame.
//!
//! ```sh
//! cargo build --profile profiling --example meeting_frames
//! perf record -g target/profiling/examples/meeting_frames large 3000
//! target/profiling/examples/meeting_frames both 2000   # the two sizes, timed
//! target/profiling/examples/meeting_frames large 2000 scroll   # a page down, a page up…
//! ```

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // A measuring tool: a panic is a failed run.

use std::time::Instant;

use delegation_planner::app::DelegationApp;
use delegation_planner::synthetic::{Size, generate};
use delegation_planner::ui::View;

const SCREEN: egui::Vec2 = egui::vec2(1280.0, 800.0);

/// The app on `project`, the sample meeting's page shown, settled.
fn scene(project: delegation_planner::model::Project) -> (egui::Context, DelegationApp) {
    let ctx = egui::Context::default();
    let mut app = DelegationApp::with_project(&ctx, project, "profile");
    app.view.view = View::Meetings;
    app.view.meeting = Some("meeting-001".into());
    let mut frame = 0;
    for _ in 0..10 {
        step(&ctx, &mut app, &mut frame);
    }
    while app.is_busy() {
        std::thread::sleep(std::time::Duration::from_millis(5));
        step(&ctx, &mut app, &mut frame);
    }
    for _ in 0..5 {
        step(&ctx, &mut app, &mut frame);
    }
    (ctx, app)
}

/// One still frame, tessellated, the pointer on the page.
fn step(ctx: &egui::Context, app: &mut DelegationApp, frame: &mut u64) {
    step_scrolling(ctx, app, frame, None);
}

/// One frame; with `scroll`, a trackpad scroll of that many points, as the bench's.
fn step_scrolling(
    ctx: &egui::Context,
    app: &mut DelegationApp,
    frame: &mut u64,
    scroll: Option<f32>,
) {
    *frame += 1;
    let mut events = vec![egui::Event::PointerMoved(egui::pos2(800.0, 560.0))];
    if let Some(dy) = scroll {
        events.push(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, dy),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Trackpad,
            modifiers: egui::Modifiers::NONE,
        });
    }
    let input = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, SCREEN)),
        time: Some(*frame as f64 / 60.0),
        predicted_dt: 1.0 / 60.0,
        events,
        ..Default::default()
    };
    let mut output = ctx.run_ui(input, |ui| app.frame_ui(ui));
    let shapes = std::mem::take(&mut output.shapes);
    std::hint::black_box(ctx.tessellate(shapes, output.pixels_per_point));
}

/// Runs `frames` still frames of `project`'s meeting page; the time a frame.
fn time(name: &str, project: delegation_planner::model::Project, frames: u64, scroll: bool) {
    let (ctx, mut app) = scene(project);
    let mut frame = 1_000;
    let start = Instant::now();
    for n in 0..frames {
        // A page down, then a page up: every frame shows rows the last one did not.
        let dy = scroll.then_some(if n % 2 == 0 { -900.0 } else { 900.0 });
        step_scrolling(&ctx, &mut app, &mut frame, dy);
    }
    let each = start.elapsed() / u32::try_from(frames).unwrap();
    println!("{name}: {each:?} a frame over {frames} frames");
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let which = args.get(1).map_or("both", String::as_str);
    let frames: u64 = args.get(2).and_then(|n| n.parse().ok()).unwrap_or(2_000);
    let scroll = args.get(3).is_some_and(|a| a == "scroll");
    if which != "large" {
        let small = generate(
            Size {
                people: 1_000,
                attendees: 100,
                agenda_items: 100,
                meetings: 20,
                ..Size::people(1_000)
            },
            1,
        );
        time(
            "small meeting (100 attendees, 100 items)",
            small,
            frames,
            scroll,
        );
    }
    if which != "small" {
        let large = generate(Size::people(100_000), 1);
        time(
            "large meeting (20,000 attendees, 2,000 items)",
            large,
            frames,
            scroll,
        );
    }
}
