//! Shared helpers for the kittest tests of the real app: a harness on a temp copy of the
//! sample, scripted file dialogs, typing and key presses.

#![allow(
    dead_code,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)] // Not every test file uses every helper; a panic is a failed test.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use delegation_planner::app::DelegationApp;
use delegation_planner::workspace::{FileDialogs, FileKind, Picked, Settings};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

/// Answers the app's file dialogs from a queue, as a user would, and notes the folders
/// the app asked the desktop to open.
#[derive(Clone, Default)]
pub struct ScriptedDialogs(Arc<Mutex<Vec<Picked>>>, Arc<Mutex<Vec<PathBuf>>>);

impl ScriptedDialogs {
    pub fn answer(&self, picked: Picked) {
        self.0.lock().unwrap().push(picked);
    }
    pub fn next(&self) -> Picked {
        self.0.lock().unwrap().pop().unwrap_or(Picked::Cancelled)
    }
    /// The folders "Open folder" asked to open, in order.
    pub fn opened_folders(&self) -> Vec<PathBuf> {
        self.1.lock().unwrap().clone()
    }
}

impl FileDialogs for ScriptedDialogs {
    fn pick_open(&mut self, _start_dir: Option<PathBuf>, _kind: FileKind) -> Picked {
        self.next()
    }
    fn pick_save(
        &mut self,
        _start_dir: Option<PathBuf>,
        _file_name: &str,
        _kind: FileKind,
    ) -> Picked {
        self.next()
    }
    fn pick_folder(&mut self, _start_dir: Option<PathBuf>) -> Picked {
        self.next()
    }
    fn open_folder(&mut self, folder: &std::path::Path) -> Result<(), String> {
        self.1.lock().unwrap().push(folder.to_owned());
        Ok(())
    }
}

pub fn app_harness(
    file: Option<PathBuf>,
    dialogs: ScriptedDialogs,
) -> Harness<'static, DelegationApp> {
    app_harness_sized(file, dialogs, [1400.0, 1000.0])
}

/// [`app_harness`] in a window of `size`.
pub fn app_harness_sized(
    file: Option<PathBuf>,
    dialogs: ScriptedDialogs,
    size: [f32; 2],
) -> Harness<'static, DelegationApp> {
    let mut harness = Harness::builder().with_size(size).build_eframe(move |cc| {
        DelegationApp::with_settings(&cc.egui_ctx, Settings::default(), file, Box::new(dialogs))
    });
    harness.run_steps(3);
    finish_jobs(&mut harness);
    harness
}

/// The app on a temp copy of the sample in a window tall enough to show whole forms, not
/// stepped yet: a test may fix "today" before the first frame.
pub fn tall_sample_harness(
    dialogs: ScriptedDialogs,
) -> (tempfile::TempDir, Harness<'static, DelegationApp>) {
    let (dir, path) = sample_file();
    let harness = Harness::builder()
        .with_size([1400.0, 2600.0])
        .build_eframe(move |cc| {
            DelegationApp::with_settings(
                &cc.egui_ctx,
                Settings::default(),
                Some(path),
                Box::new(dialogs),
            )
        });
    (dir, harness)
}

/// Steps frames until no background job (open, import, export, recovery scan) runs, then
/// a few more for the result to show. Panics after a minute: a job that hangs is a bug.
pub fn finish_jobs(harness: &mut Harness<'_, DelegationApp>) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while harness.state().is_busy() {
        assert!(
            std::time::Instant::now() < deadline,
            "a background job did not finish"
        );
        std::thread::sleep(std::time::Duration::from_millis(5));
        harness.step();
    }
    // The result may change the layout (a preview table appears): let it settle, as the
    // frames that follow a job would for a user.
    let _ = harness.try_run();
}

/// A temp dir holding a copy of the CCAA–AFNOR sample.
pub fn sample_file() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("paris.ron");
    std::fs::write(&path, delegation_planner::samples::CCAA_AFNOR_RON).unwrap();
    (dir, path)
}

pub fn settle(harness: &mut Harness<'_, DelegationApp>) {
    harness.run_steps(4);
    // What the steps started (an open, an export) is finished before the test looks.
    finish_jobs(harness);
}

pub fn type_into(harness: &mut Harness<'_, DelegationApp>, label: &str, text: &str) {
    harness.get_by_label(label).click();
    settle(harness);
    harness.get_by_label(label).type_text(text);
    settle(harness);
}

pub fn press(harness: &mut Harness<'_, DelegationApp>, key: Key) {
    harness.key_press_modifiers(Modifiers::COMMAND, key);
    settle(harness);
}
