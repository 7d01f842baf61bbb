//! `delegation-planner [FILE]` opens the app; `delegation-planner check|list …` runs
//! headless.

// A Windows release build is a GUI program: starting it opens no console window. The
// command line then prints to the console it was started from (`attach_console`). Debug
// builds keep the console, for logs. (No effect on other systems.)
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use clap::Parser as _;
use delegation_planner::app::DelegationApp;
use delegation_planner::app::first_frame::{self, Probe};
use delegation_planner::cli::{self, Cli};

fn main() -> std::process::ExitCode {
    let started = std::time::Instant::now();
    attach_console();
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
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("Delegation Planner")
        .with_app_id("delegation-planner")
        .with_inner_size([1280.0, 800.0])
        .with_min_inner_size([800.0, 500.0]);
    if let Some(icon) = icon() {
        viewport = viewport.with_icon(icon);
    }
    let options = eframe::NativeOptions {
        viewport,
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

/// The window and task-bar icon (`assets/icon/`; on Linux the desktop entry names the
/// same picture, on Windows the .exe carries it too, see build.rs).
fn icon() -> Option<egui::IconData> {
    let png = include_bytes!("../assets/icon/png/delegation-planner-128.png");
    eframe::icon_data::from_png_bytes(png)
        .inspect_err(|err| log::warn!("the window icon could not be decoded: {err}"))
        .ok()
}

/// On Windows, a release build has no console of its own (`windows_subsystem` above). When
/// it is given arguments (a subcommand, `--help`, a file) and its output is not redirected
/// to a file or a pipe, it attaches to the console of the program that started it, if any,
/// so that what it prints shows there. (Attaching would override a redirection, hence the
/// check.) Started from Explorer there is no console to attach to and nothing changes.
#[cfg(windows)]
fn attach_console() {
    use windows_sys::Win32::Storage::FileSystem::{FILE_TYPE_DISK, FILE_TYPE_PIPE, GetFileType};
    use windows_sys::Win32::System::Console::{
        ATTACH_PARENT_PROCESS, AttachConsole, GetStdHandle, STD_OUTPUT_HANDLE,
    };
    if std::env::args_os().len() <= 1 {
        return;
    }
    // SAFETY: these calls take a handle or a process id by value and no pointer. An absent
    // or invalid handle gives FILE_TYPE_UNKNOWN; `AttachConsole` fails harmlessly when the
    // parent has no console or this process has one already (debug builds).
    unsafe {
        let stdout = GetFileType(GetStdHandle(STD_OUTPUT_HANDLE));
        if stdout != FILE_TYPE_DISK && stdout != FILE_TYPE_PIPE {
            AttachConsole(ATTACH_PARENT_PROCESS);
        }
    }
}

/// Elsewhere a program started from a terminal prints to it already.
#[cfg(not(windows))]
fn attach_console() {}

#[cfg(test)]
mod tests {
    #[test]
    fn the_window_icon_decodes() {
        let icon = super::icon().expect("the embedded PNG decodes");
        assert_eq!((icon.width, icon.height), (128, 128));
        assert_eq!(icon.rgba.len(), 128 * 128 * 4);
    }
}
