//! A bare eframe window with the app's renderer and options: the anchor of the
//! time-to-first-frame ratio (`scripts/first-frame.sh`).

use std::time::Instant;

use delegation_planner::app::first_frame::Probe;

struct Bare;

impl eframe::App for Bare {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::CentralPanel::default().show(ui, |ui| ui.label("Hello"));
    }
}

fn main() -> eframe::Result {
    let started = Instant::now();
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Bare")
            .with_inner_size([1280.0, 800.0]),
        ..Default::default()
    };
    eframe::run_native(
        "bare-window",
        options,
        Box::new(move |_cc| Ok(Box::new(Probe::wrap(Bare, started)))),
    )
}
