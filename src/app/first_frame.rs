//! Time to first frame, measured from inside: with `DELEGATION_PLANNER_FIRST_FRAME=1` in
//! the environment, the app prints how long after the start of `main` its first frame was
//! built, then closes. `scripts/first-frame.sh` runs it and a bare eframe window the same
//! way under Xvfb and prints the ratio.

use std::time::Instant;

/// The environment variable that turns the probe on.
pub const ENV: &str = "DELEGATION_PLANNER_FIRST_FRAME";

/// Wraps an app; after its first frame, prints the time since `started` and closes.
pub struct Probe<A> {
    app: A,
    started: Instant,
    frames: u32,
}

impl<A> Probe<A> {
    /// Wraps `app` when the probe is on (see [`ENV`]).
    pub fn wrap(app: A, started: Instant) -> Self {
        Self {
            app,
            started,
            frames: 0,
        }
    }
}

/// True when the environment asks for the probe.
pub fn enabled() -> bool {
    std::env::var_os(ENV).is_some_and(|v| v == "1")
}

impl<A: eframe::App> eframe::App for Probe<A> {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        self.app.ui(ui, frame);
        self.frames += 1;
        if self.frames == 1 {
            println!(
                "first frame after {:.1} ms",
                self.started.elapsed().as_secs_f64() * 1e3
            );
        }
        // One more frame, so the first one has certainly been presented, then close.
        if self.frames == 2 {
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
        ui.ctx().request_repaint();
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.app.save(storage);
    }
}
