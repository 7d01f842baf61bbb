//! What taking minutes and making the meeting's documents cost (issue 16): the frame of
//! the live minutes beside egui's own demo frame, on the CCAA–AFNOR meeting (5 items) and
//! on the synthetic training of a 100,000-person project (2,000 items, 20,000 attendees);
//! then the minutes in every format and the Word agenda and attendee list of both meetings.
//!
//! `cargo run --release --example minutes_timing` (medians of repeated runs; BENCHMARKS.md).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // A measuring tool: a panic is a failed run.

use std::time::{Duration, Instant};

use delegation_planner::app::DelegationApp;
use delegation_planner::export::agenda::AgendaFormat;
use delegation_planner::export::attendees::AttendeeFormat;
use delegation_planner::export::minutes::{MinutesFormat, MinutesMark};
use delegation_planner::export::{ExportLanguage, ExportRequest};
use delegation_planner::model::{MeetingId, Project};
use delegation_planner::synthetic::{Size, generate};
use delegation_planner::ui::View;

const SCREEN: egui::Vec2 = egui::vec2(1280.0, 800.0);

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn input(frame: u64) -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, SCREEN)),
        time: Some(frame as f64 / 60.0),
        predicted_dt: 1.0 / 60.0,
        ..Default::default()
    }
}

/// The median of 60 frames (run + tessellate) after 20 to settle.
fn frames(mut one: impl FnMut(u64)) -> Duration {
    for frame in 0..20 {
        one(frame);
    }
    median(
        (20..80)
            .map(|frame| {
                let start = Instant::now();
                one(frame);
                start.elapsed()
            })
            .collect(),
    )
}

fn demo_frame() -> Duration {
    let ctx = egui::Context::default();
    let mut demo = egui_demo_lib::DemoWindows::default();
    frames(|frame| {
        let mut output = ctx.run_ui(input(frame), |ui| demo.ui(ui));
        let shapes = std::mem::take(&mut output.shapes);
        std::hint::black_box(ctx.tessellate(shapes, output.pixels_per_point));
    })
}

fn step(ctx: &egui::Context, app: &mut DelegationApp, frame: u64) {
    let mut output = ctx.run_ui(input(frame), |ui| app.frame_ui(ui));
    let shapes = std::mem::take(&mut output.shapes);
    std::hint::black_box(ctx.tessellate(shapes, output.pixels_per_point));
}

fn minutes_frame(project: &Project, meeting: &MeetingId) -> Duration {
    let ctx = egui::Context::default();
    let mut app = DelegationApp::with_project(&ctx, project.clone(), "timing");
    app.view.view = View::Meetings;
    app.view.meeting = Some(meeting.clone());
    app.view.minutes_mode = true;
    // Validation of a large project runs on a job: let it finish first.
    let mut frame = 0;
    loop {
        step(&ctx, &mut app, frame);
        frame += 1;
        if frame > 5 && !app.is_busy() {
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    frames(|f| step(&ctx, &mut app, frame + f))
}

/// The median of 5 renders of `request`, and the size of the file.
fn render(project: &Project, request: &ExportRequest) -> (Duration, usize) {
    let mut size = 0;
    let times = (0..5)
        .map(|_| {
            let start = Instant::now();
            size = request.render(project).unwrap().len();
            start.elapsed()
        })
        .collect();
    (median(times), size)
}

/// An export of one meeting, for either project.
type MakeRequest = Box<dyn Fn(&MeetingId) -> ExportRequest>;

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

fn main() {
    let sample = delegation_planner::samples::ccaa_afnor().unwrap();
    let paris = MeetingId::from("paris-2024");
    let large = generate(Size::people(100_000), 1);
    let (training, meeting) = large
        .meetings
        .iter()
        .max_by_key(|(_, m)| m.item_count())
        .map(|(id, m)| (id.clone(), m.clone()))
        .unwrap();
    println!(
        "large meeting: {} items, {} attendees",
        meeting.item_count(),
        meeting.attendees.len()
    );

    let demo = demo_frame();
    println!("| Frame | Median | × demo frame |\n|---|---|---|");
    println!("| egui demo frame | {} | 1.0 |", ms(demo));
    for (name, project, id) in [
        ("Live minutes, CCAA–AFNOR (5 items)", &sample, &paris),
        ("Live minutes, training (2,000 items)", &large, &training),
    ] {
        let t = minutes_frame(project, id);
        println!(
            "| {name} | {} | {:.1} |",
            ms(t),
            t.as_secs_f64() / demo.as_secs_f64()
        );
    }

    println!(
        "\n| Document | CCAA–AFNOR | Training (2,000 items, 20,000 attendees) |\n|---|---|---|"
    );
    let requests: Vec<(String, MakeRequest)> = vec![
        (
            "Minutes, Word, both languages".into(),
            Box::new(|m: &MeetingId| ExportRequest::Minutes {
                meeting: m.clone(),
                format: MinutesFormat::Docx,
                language: ExportLanguage::Both,
                mark: MinutesMark::default(),
            }),
        ),
        (
            "Minutes, PDF, both languages".into(),
            Box::new(|m: &MeetingId| ExportRequest::Minutes {
                meeting: m.clone(),
                format: MinutesFormat::Pdf,
                language: ExportLanguage::Both,
                mark: MinutesMark::default(),
            }),
        ),
        (
            "Minutes, Markdown, both languages".into(),
            Box::new(|m: &MeetingId| ExportRequest::Minutes {
                meeting: m.clone(),
                format: MinutesFormat::Md,
                language: ExportLanguage::Both,
                mark: MinutesMark::default(),
            }),
        ),
        (
            "Agenda, Word".into(),
            Box::new(|m: &MeetingId| ExportRequest::Agenda {
                meeting: m.clone(),
                format: AgendaFormat::Docx,
                language: ExportLanguage::Both,
            }),
        ),
        (
            "Attendee list, Word".into(),
            Box::new(|m: &MeetingId| ExportRequest::Attendees {
                meeting: Some(m.clone()),
                format: AttendeeFormat::Docx,
                language: ExportLanguage::Both,
                personal: Vec::new(),
            }),
        ),
    ];
    for (name, request) in requests {
        let (a, a_size) = render(&sample, &request(&paris));
        let (b, b_size) = render(&large, &request(&training));
        println!(
            "| {name} | {} ({} KB) | {} ({} KB) |",
            ms(a),
            a_size / 1024,
            ms(b),
            b_size / 1024
        );
    }
}
