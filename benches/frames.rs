//! Frame cost of the real app on large synthetic projects, as ratios to egui's own demo
//! app measured in the same run (`cargo bench --bench frames`).
//!
//! A frame is what eframe does on the CPU for one repaint: `Context::run` over the whole
//! app (menu, navigation, the view, the editor beside it, the status bar) plus
//! tessellation, on a 1280 × 800 window. The anchor is egui_demo_lib's `DemoWindows`,
//! the same "realistic frame" egui's own benchmark measures, on the same window size.
//!
//! "Still" repeats an identical frame (what egui does on every repaint while the user
//! reads). "Scrolling" moves the list by a full page every frame, alternately down and up,
//! so every visible row is laid out anew each frame (egui keeps a laid-out text only
//! while it stays on screen).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod support;

use delegation_planner::app::DelegationApp;
use delegation_planner::model::{Bilingual, Commitment, Person, Project};
use delegation_planner::synthetic::{Size, generate};
use delegation_planner::ui::View;
use support::{Ratio, Recorder, SCREEN, demo_frame};

/// One view of the app on one project, driven frame by frame.
struct Scene {
    ctx: egui::Context,
    app: DelegationApp,
    /// Where the pointer rests (over the list that scrolls).
    pointer: egui::Pos2,
    frame: u64,
    /// A trackpad scroll has started (later events continue it).
    touching: bool,
}

impl Scene {
    /// The app on `project` after `setup`, the pointer resting at `pointer`; with
    /// `pre_scroll`, after scrolling the page under its point by its points in one event
    /// (to bring a section further down on screen).
    fn scrolled(
        project: Project,
        setup: impl Fn(&mut DelegationApp),
        pointer: egui::Pos2,
        pre_scroll: Option<(egui::Pos2, f32)>,
    ) -> Self {
        let ctx = egui::Context::default();
        let mut app = DelegationApp::with_project(&ctx, project, "bench");
        setup(&mut app);
        let mut scene = Self {
            ctx,
            app,
            pointer,
            frame: 0,
            touching: false,
        };
        // Settle: fonts, first layout, caches, and the lists built on background jobs
        // (a 100,000-person list is sorted on one).
        for _ in 0..5 {
            scene.step(None);
        }
        while scene.app.is_busy() {
            std::thread::sleep(std::time::Duration::from_millis(5));
            scene.step(None);
        }
        for _ in 0..3 {
            scene.step(None);
        }
        if let Some((at, dy)) = pre_scroll {
            let pointer = std::mem::replace(&mut scene.pointer, at);
            scene.step(None);
            scene.step(Some(dy));
            scene.touching = false;
            scene.pointer = pointer;
            for _ in 0..5 {
                scene.step(None);
            }
        }
        scene
    }

    fn input(&mut self, events: Vec<egui::Event>) -> egui::RawInput {
        self.frame += 1;
        let mut all = vec![egui::Event::PointerMoved(self.pointer)];
        all.extend(events);
        egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, SCREEN)),
            time: Some(self.frame as f64 / 60.0),
            predicted_dt: 1.0 / 60.0,
            events: all,
            ..Default::default()
        }
    }

    /// One frame; with `scroll`, a trackpad scroll of that many points (applied at once,
    /// without egui's wheel smoothing).
    fn step(&mut self, scroll: Option<f32>) {
        let events = match scroll {
            Some(dy) => vec![egui::Event::MouseWheel {
                unit: egui::MouseWheelUnit::Point,
                delta: egui::vec2(0.0, dy),
                phase: if std::mem::replace(&mut self.touching, true) {
                    egui::TouchPhase::Move
                } else {
                    egui::TouchPhase::Start
                },
                source: egui::MouseWheelSource::Trackpad,
                modifiers: egui::Modifiers::NONE,
            }],
            None => Vec::new(),
        };
        let input = self.input(events);
        let app = &mut self.app;
        let mut output = self.ctx.run_ui(input, |ui| app.frame_ui(ui));
        let shapes = std::mem::take(&mut output.shapes);
        std::hint::black_box(self.ctx.tessellate(shapes, output.pixels_per_point));
        output.textures_delta.clear();
    }
}

/// Benchmarks one view still and scrolling, at a small and a large size.
#[expect(clippy::too_many_arguments, reason = "one scene's parts")]
fn view_frames(
    recorder: &Recorder,
    c: &mut criterion::Criterion,
    name: &str,
    small: &Project,
    large: &Project,
    setup: impl Fn(&mut DelegationApp) + Copy,
    pointer: egui::Pos2,
    pre_scroll: Option<(egui::Pos2, f32)>,
) {
    let mut small_scene = Scene::scrolled(small.clone(), setup, pointer, pre_scroll);
    recorder.bench(c, &format!("{name} small, still"), || {
        small_scene.step(None)
    });
    let mut scene = Scene::scrolled(large.clone(), setup, pointer, pre_scroll);
    recorder.bench(c, &format!("{name} large, still"), || scene.step(None));
    // The large ÷ small ratio from frames taken in turns, so that what else the machine
    // does in the meantime weighs on both alike (measured one after the other, the two
    // drift apart by more than the difference looked for).
    for _ in 0..INTERLEAVED_ROUNDS {
        for (scene, size) in [(&mut small_scene, "small"), (&mut scene, "large")] {
            let start = std::time::Instant::now();
            for _ in 0..10 {
                scene.step(None);
            }
            recorder.record(&format!("{name} {size}, in turns"), start.elapsed(), 10);
        }
    }
    drop(small_scene);
    let mut down = true;
    recorder.bench(c, &format!("{name} large, scrolling"), || {
        // A page down, then a page up: every frame shows rows the last one did not.
        scene.step(Some(if down { -900.0 } else { 900.0 }));
        down = !down;
    });
}

/// Rounds of ten frames of each size for the large ÷ small ratios.
const INTERLEAVED_ROUNDS: usize = 200;

/// `project` with the same person and the same commitment selected in both sizes, so a
/// large ÷ small ratio compares the same editor beside a list of another length.
fn with_markers(mut project: Project) -> Project {
    project.people.insert(
        "aaa-marker".into(),
        Person {
            family_name: "AALTO".into(),
            given_name: "Aino".into(),
            chinese_name: "阿尔托".into(),
            title: Bilingual::new("Senior Auditor", "高级审核员"),
            email: "aino.aalto@example.org".into(),
            ..Person::default()
        },
    );
    project.commitments.insert(
        "aaa-marker".into(),
        Commitment {
            title: Bilingual::new("Joint certification of ISO 50001", "联合认证ISO 50001"),
            topics: vec!["ISO 50001".into()],
            ..Commitment::default()
        },
    );
    project
}

fn main() {
    let mut c = support::criterion();
    let recorder = Recorder::default();
    // People and commitments: 100 and 1,000 against 100,000 and 10,000.
    let small = with_markers(generate(Size::people(100), 1));
    let large = with_markers(generate(Size::people(100_000), 1));
    // A meeting of 100 attendees and 100 agenda items against 20,000 and 2,000, among 20
    // meetings against 50: every list fills the window in both, so only lengths differ.
    let small_meeting = generate(
        Size {
            people: 1_000,
            attendees: 100,
            agenda_items: 100,
            meetings: 20,
            ..Size::people(1_000)
        },
        1,
    );
    // 100 commitments against 10,000 (both fill the list).
    let small_commitments = with_markers(generate(Size::people(1_000), 1));

    demo_frame(&recorder, &mut c);
    view_frames(
        &recorder,
        &mut c,
        "people",
        &small,
        &large,
        |app| {
            app.view.view = View::People;
            app.view.person = Some("aaa-marker".into());
        },
        egui::pos2(400.0, 400.0),
        None,
    );

    view_frames(
        &recorder,
        &mut c,
        "meeting",
        &small_meeting,
        &large,
        |app| {
            app.view.view = View::Meetings;
            app.view.meeting = Some("meeting-001".into());
        },
        egui::pos2(800.0, 560.0),
        None,
    );
    // The attendance list: the meeting page scrolled past the agenda (2,000 items of 40
    // points) into the attendance, the pointer on the list.
    view_frames(
        &recorder,
        &mut c,
        "attendance",
        &small_meeting,
        &large,
        |app| {
            app.view.view = View::Meetings;
            app.view.meeting = Some("meeting-001".into());
        },
        egui::pos2(800.0, 480.0),
        Some((egui::pos2(800.0, 150.0), -100_000.0)),
    );
    view_frames(
        &recorder,
        &mut c,
        "commitments",
        &small_commitments,
        &large,
        |app| {
            app.view.view = View::Commitments;
            app.view.commitment = Some("aaa-marker".into());
        },
        egui::pos2(300.0, 500.0),
        None,
    );

    c.final_summary();
    let missed = support::print_ratios(
        "Frame cost (1280 × 800, release, CPU: egui run + tessellate)",
        &recorder,
        &[
            Ratio {
                what: "People, 100,000, still",
                numerator: "people large, still",
                denominator: "egui demo frame",
                goal: 1.0,
            },
            Ratio {
                what: "People, 100,000, scrolling",
                numerator: "people large, scrolling",
                denominator: "egui demo frame",
                goal: 2.0,
            },
            Ratio {
                what: "People, 100,000 ÷ 100 (still)",
                numerator: "people large, in turns",
                denominator: "people small, in turns",
                goal: 1.1,
            },
            Ratio {
                what: "Meeting page with the agenda (2,000 items), still",
                numerator: "meeting large, still",
                denominator: "egui demo frame",
                goal: 1.0,
            },
            Ratio {
                what: "Meeting, scrolling the agenda",
                numerator: "meeting large, scrolling",
                denominator: "egui demo frame",
                goal: 2.0,
            },
            Ratio {
                what: "Meeting page, 2,000 ÷ 100 items (still)",
                numerator: "meeting large, in turns",
                denominator: "meeting small, in turns",
                goal: 1.1,
            },
            Ratio {
                what: "Attendance (20,000), still",
                numerator: "attendance large, still",
                denominator: "egui demo frame",
                goal: 1.0,
            },
            Ratio {
                what: "Attendance, scrolling",
                numerator: "attendance large, scrolling",
                denominator: "egui demo frame",
                goal: 2.0,
            },
            Ratio {
                what: "Attendance, 20,000 ÷ 100 (still)",
                numerator: "attendance large, in turns",
                denominator: "attendance small, in turns",
                goal: 1.1,
            },
            Ratio {
                what: "Commitments (10,000), still",
                numerator: "commitments large, still",
                denominator: "egui demo frame",
                goal: 1.0,
            },
            Ratio {
                what: "Commitments, scrolling",
                numerator: "commitments large, scrolling",
                denominator: "egui demo frame",
                goal: 2.0,
            },
            Ratio {
                what: "Commitments, 10,000 ÷ 100 (still)",
                numerator: "commitments large, in turns",
                denominator: "commitments small, in turns",
                goal: 1.1,
            },
        ],
    );
    if missed > 0 {
        println!("{missed} goal(s) missed.");
    }
}
