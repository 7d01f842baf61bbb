//! Seating plans at 500 guests (`cargo bench --bench seating`): seating them at 50 tables
//! by the rules (budget 50 ms), and the seating view's frame against egui's own demo frame
//! measured in the same run, as `benches/frames.rs` measures the other views.
//!
//! The meeting is the synthetic registry's large one with 500 attendees, all in the room,
//! 250 on each side. A frame is `Context::run` over the whole app plus tessellation at
//! 1280 × 800: still (the same frame again), scrolling (a page down and up every frame,
//! so every table on screen is laid out anew), and for the banquet the frame right after
//! a change of the plan (the arrangement worked out again, once).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod support;

use std::time::Duration;

use delegation_planner::app::DelegationApp;
use delegation_planner::model::seating::{SeatingLayout, arrange};
use delegation_planner::model::{AttendanceMode, AttendanceStatus, MeetingId, Project};
use delegation_planner::synthetic::{Size, generate};
use delegation_planner::ui::View;
use support::{Ratio, Recorder, SCREEN, demo_frame};
const MEETING: &str = "meeting-001";
/// Changes of the plan timed, one frame after each.
const CHANGES: usize = 100;

/// A registry whose large meeting has 500 attendees in the room, seated by `layout`.
fn project(layout: SeatingLayout) -> Project {
    let mut p = generate(
        Size {
            attendees: 500,
            ..Size::people(2_000)
        },
        1,
    );
    let m = p.meetings.get_mut(&MeetingId::from(MEETING)).unwrap();
    assert_eq!(m.attendees.len(), 500);
    for a in &mut m.attendees {
        a.mode = AttendanceMode::OnSite;
        a.status = AttendanceStatus::Confirmed;
    }
    m.seating.layout = layout;
    p
}

/// The app showing the seating view of the large meeting, frame by frame.
struct Scene {
    ctx: egui::Context,
    app: DelegationApp,
    frame: u64,
    touching: bool,
}

impl Scene {
    fn new(project: Project) -> Self {
        let ctx = egui::Context::default();
        let mut app = DelegationApp::with_project(&ctx, project, "bench");
        app.view.view = View::Meetings;
        app.view.meeting = Some(MeetingId::from(MEETING));
        app.view.seating_mode = true;
        let mut scene = Self {
            ctx,
            app,
            frame: 0,
            touching: false,
        };
        for _ in 0..5 {
            scene.step(None);
        }
        while scene.app.is_busy() {
            std::thread::sleep(Duration::from_millis(5));
            scene.step(None);
        }
        for _ in 0..3 {
            scene.step(None);
        }
        scene
    }

    fn step(&mut self, scroll: Option<f32>) {
        self.frame += 1;
        // The pointer rests on the drawing (right of the list, below the toolbar).
        let mut events = vec![egui::Event::PointerMoved(egui::pos2(900.0, 500.0))];
        if let Some(dy) = scroll {
            events.push(egui::Event::MouseWheel {
                unit: egui::MouseWheelUnit::Point,
                delta: egui::vec2(0.0, dy),
                phase: if std::mem::replace(&mut self.touching, true) {
                    egui::TouchPhase::Move
                } else {
                    egui::TouchPhase::Start
                },
                source: egui::MouseWheelSource::Trackpad,
                modifiers: egui::Modifiers::NONE,
            });
        }
        let input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, SCREEN)),
            time: Some(self.frame as f64 / 60.0),
            predicted_dt: 1.0 / 60.0,
            events,
            ..Default::default()
        };
        let app = &mut self.app;
        let mut output = self.ctx.run_ui(input, |ui| app.frame_ui(ui));
        let shapes = std::mem::take(&mut output.shapes);
        std::hint::black_box(self.ctx.tessellate(shapes, output.pixels_per_point));
        output.textures_delta.clear();
    }
}

fn main() {
    let mut c = support::criterion();
    let recorder = Recorder::default();
    recorder.record("50 ms budget", Duration::from_millis(50), 1);
    let banquet = project(SeatingLayout::Banquet);
    let talks = project(SeatingLayout::Talks);

    // The rules alone: 500 guests at 50 tables of ten.
    let meeting = &banquet.meetings[&MeetingId::from(MEETING)];
    let a = arrange(meeting, &banquet.people, &meeting.seating);
    assert_eq!((a.tables, a.seated()), (50, 500));
    recorder.bench(&mut c, "seat 500 guests at 50 tables", || {
        std::hint::black_box(arrange(meeting, &banquet.people, &meeting.seating));
    });
    let meeting = &talks.meetings[&MeetingId::from(MEETING)];
    recorder.bench(&mut c, "seat 500 at the talks table", || {
        std::hint::black_box(arrange(meeting, &talks.people, &meeting.seating));
    });

    demo_frame(&recorder, &mut c);
    let mut scene = Scene::new(banquet.clone());
    recorder.bench(&mut c, "banquet 500, still", || scene.step(None));
    let mut down = true;
    recorder.bench(&mut c, "banquet 500, scrolling", || {
        scene.step(Some(if down { -700.0 } else { 700.0 }));
        down = !down;
    });
    drop(scene);
    let mut scene = Scene::new(talks);
    recorder.bench(&mut c, "talks 500, still", || scene.step(None));
    drop(scene);
    // After a change of the plan the arrangement and its texts are worked out again, once.
    let mut scene = Scene::new(banquet);
    let id = MeetingId::from(MEETING);
    let mut seats = 10;
    for _ in 0..CHANGES {
        seats = if seats == 10 { 9 } else { 10 };
        let mut m = scene.app.workspace.doc.project().meetings[&id].clone();
        m.seating.banquet.seats_per_table = seats;
        scene
            .app
            .apply_edit(delegation_planner::document::Edit::PutMeeting(
                id.clone(),
                Box::new(m),
            ));
        let start = std::time::Instant::now();
        scene.step(None);
        recorder.record("banquet 500, frame after a change", start.elapsed(), 1);
    }

    c.final_summary();
    let missed = support::print_ratios(
        "Seating at 500 guests (1280 × 800, release)",
        &recorder,
        &[
            Ratio {
                what: "Seat 500 guests at 50 tables",
                numerator: "seat 500 guests at 50 tables",
                denominator: "50 ms budget",
                goal: 1.0,
            },
            Ratio {
                what: "Seat 500 at the talks table",
                numerator: "seat 500 at the talks table",
                denominator: "50 ms budget",
                goal: 1.0,
            },
            Ratio {
                what: "Banquet view, 500 guests, still",
                numerator: "banquet 500, still",
                denominator: "egui demo frame",
                goal: 1.0,
            },
            Ratio {
                what: "Banquet view, 500 guests, scrolling",
                numerator: "banquet 500, scrolling",
                denominator: "egui demo frame",
                goal: 2.0,
            },
            Ratio {
                what: "Talks view, 500 guests, still",
                numerator: "talks 500, still",
                denominator: "egui demo frame",
                goal: 1.0,
            },
            Ratio {
                what: "Banquet view, the frame after a change of the plan",
                numerator: "banquet 500, frame after a change",
                denominator: "egui demo frame",
                goal: support::FOR_THE_RECORD,
            },
        ],
    );
    if missed > 0 {
        println!("{missed} goal(s) missed.");
    }
}
