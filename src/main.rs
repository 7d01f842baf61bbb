//! `delegation-planner [FILE]` opens the app; `delegation-planner check|list …` runs
//! headless.

use clap::Parser as _;
use delegation_planner::app::DelegationApp;
use delegation_planner::app::first_frame::{self, Probe};
use delegation_planner::cli::{self, Cli};

fn main() -> std::process::ExitCode {
    let started = std::time::Instant::now();
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("warn")).init();
    let args = Cli::parse();
    if let Some(command) = &args.command {
        let code = cli::run(command, &mut std::io::stdout(), &mut std::io::stderr());
        return std::process::ExitCode::from(u8::try_from(code).unwrap_or(2));
    }
    match run_app(args.file, started) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(err) => {
            eprintln!(
                "delegation-planner: could not open a window ({err}). A desktop session (X11 or Wayland) is needed; the check and list commands work without one."
            );
            std::process::ExitCode::FAILURE
        }
    }
}

fn run_app(file: Option<std::path::PathBuf>, started: std::time::Instant) -> eframe::Result {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Delegation Planner")
            .with_app_id("delegation-planner")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([800.0, 500.0]),
        ..Default::default()
    };
    eframe::run_native(
        "delegation-planner",
        options,
        Box::new(move |cc| {
            let app = DelegationApp::new(cc, file);
            // `DELEGATION_PLANNER_FIRST_FRAME=1`: print the time to the first frame, then
            // close (scripts/first-frame.sh).
            if first_frame::enabled() {
                Ok(Box::new(Probe::wrap(app, started)))
            } else {
                Ok(Box::new(app))
            }
        }),
    )
}
