//! What every benchmark binary shares: timing through criterion, and a table of ratios
//! against an anchor measured in the same run (absolute times drift on a shared machine;
//! ratios measured side by side do not).
//!
//! Each measurement goes through criterion's `iter_custom`, so criterion's own report is
//! printed as usual; the same per-iteration times are also kept here, and the median of
//! them is what the ratio table uses.

#![allow(
    dead_code,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)]

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use criterion::Criterion;

/// Per-iteration times of every benchmark of this run, by name.
#[derive(Default)]
pub struct Recorder {
    times: RefCell<BTreeMap<String, Vec<f64>>>,
}

impl Recorder {
    /// Benchmarks `routine` under `name`; `routine` runs once per iteration.
    pub fn bench(&self, c: &mut Criterion, name: &str, mut routine: impl FnMut()) {
        c.bench_function(name, |b| {
            b.iter_custom(|iters| {
                let start = Instant::now();
                for _ in 0..iters {
                    routine();
                }
                let elapsed = start.elapsed();
                self.record(name, elapsed, iters);
                elapsed
            });
        });
    }

    /// Like [`Recorder::bench`], with a fresh input from `setup` for every iteration
    /// (its cost is not measured).
    pub fn bench_with_setup<I>(
        &self,
        c: &mut Criterion,
        name: &str,
        mut setup: impl FnMut() -> I,
        mut routine: impl FnMut(I),
    ) {
        c.bench_function(name, |b| {
            b.iter_custom(|iters| {
                let mut elapsed = Duration::ZERO;
                for _ in 0..iters {
                    let input = setup();
                    let start = Instant::now();
                    routine(input);
                    elapsed += start.elapsed();
                }
                self.record(name, elapsed, iters);
                elapsed
            });
        });
    }

    /// Records a measurement taken outside criterion (e.g. one whole-process timing).
    pub fn record(&self, name: &str, elapsed: Duration, iters: u64) {
        let per_iter = elapsed.as_secs_f64() / iters.max(1) as f64;
        self.times
            .borrow_mut()
            .entry(name.to_owned())
            .or_default()
            .push(per_iter);
    }

    /// The median time per iteration of `name`, in seconds.
    pub fn median(&self, name: &str) -> Option<f64> {
        let times = self.times.borrow();
        let mut v = times.get(name)?.clone();
        if v.is_empty() {
            return None;
        }
        v.sort_by(f64::total_cmp);
        Some(v[v.len() / 2])
    }
}

/// One line of the ratio table: `numerator ÷ denominator` against a goal.
pub struct Ratio {
    /// What is measured, for the reader.
    pub what: &'static str,
    /// The benchmark measured.
    pub numerator: &'static str,
    /// The anchor it is compared with.
    pub denominator: &'static str,
    /// The ratio must be at most this.
    pub goal: f64,
}

/// Prints the ratio table (Markdown, so it can go into BENCHMARKS.md as is) and returns
/// how many goals were missed.
pub fn print_ratios(title: &str, recorder: &Recorder, ratios: &[Ratio]) -> usize {
    println!();
    println!("### {title}");
    println!();
    println!("| Measure | Time | Anchor | Ratio | Goal | |");
    println!("|---|---:|---:|---:|---:|---|");
    let mut missed = 0;
    for r in ratios {
        let (Some(n), Some(d)) = (recorder.median(r.numerator), recorder.median(r.denominator))
        else {
            println!("| {} | not measured | | | ≤ {:.1} | |", r.what, r.goal);
            continue;
        };
        let ratio = n / d;
        if r.goal.is_infinite() {
            println!(
                "| {} | {} | {} | {:.2}× | — | for the record |",
                r.what,
                human(n),
                human(d),
                ratio
            );
            continue;
        }
        let ok = ratio <= r.goal;
        if !ok {
            missed += 1;
        }
        println!(
            "| {} | {} | {} | {:.2}× | ≤ {:.1}× | {} |",
            r.what,
            human(n),
            human(d),
            ratio,
            r.goal,
            if ok { "met" } else { "MISSED" }
        );
    }
    println!();
    missed
}

/// A [`Ratio::goal`] for a line printed for the record, with no goal.
pub const FOR_THE_RECORD: f64 = f64::INFINITY;

/// `0.42 ms`, `310 µs`, `1.25 s`, `640 ns`.
pub fn human(seconds: f64) -> String {
    if seconds < 1e-6 {
        return format!("{:.0} ns", seconds * 1e9);
    }
    if seconds >= 1.0 {
        format!("{seconds:.2} s")
    } else if seconds >= 1e-3 {
        format!("{:.2} ms", seconds * 1e3)
    } else {
        format!("{:.0} µs", seconds * 1e6)
    }
}

/// Criterion settings for this suite: short enough that `cargo bench` stays in minutes.
pub fn criterion() -> Criterion {
    Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .configure_from_args()
}

/// The window every frame benchmark draws: the size of the first-hour walkthrough.
pub const SCREEN: egui::Vec2 = egui::vec2(1280.0, 800.0);

/// The anchor of the frame ratios: one frame of egui's own demo app, run and tessellated
/// as the app's frames are.
pub fn demo_frame(recorder: &Recorder, c: &mut Criterion) {
    let ctx = egui::Context::default();
    let mut demo = egui_demo_lib::DemoWindows::default();
    let mut frame = 0u64;
    recorder.bench(c, "egui demo frame", || {
        frame += 1;
        let input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, SCREEN)),
            time: Some(frame as f64 / 60.0),
            predicted_dt: 1.0 / 60.0,
            ..Default::default()
        };
        let mut output = ctx.run_ui(input, |ui| demo.ui(ui));
        let shapes = std::mem::take(&mut output.shapes);
        std::hint::black_box(ctx.tessellate(shapes, output.pixels_per_point));
        output.textures_delta.clear();
    });
}
