//! Frames that take too long are logged at warn level, with what they were doing, so that
//! `RUST_LOG=warn` shows any stall: `slow frame: 72 ms (view People; edit; jobs: Saving big.ron)`.

use std::time::{Duration, Instant};

use crate::workspace::{Action, Workspace};

/// Frames slower than this are logged.
const SLOW: Duration = Duration::from_millis(50);

/// Steps of a frame that took at least this long are named with their time.
const WORTH_NAMING: Duration = Duration::from_millis(2);

/// What the current frame did, for the log line of a slow one.
#[derive(Debug, Default)]
pub(super) struct FrameLog {
    notes: Vec<String>,
    step_started: Option<Instant>,
}

impl FrameLog {
    /// A new frame begins.
    pub(super) fn start(&mut self) {
        self.notes.clear();
        self.step_started = Some(Instant::now());
    }

    /// Ends a step of the frame (taking in jobs, drawing, applying): names it with its
    /// time when it took long enough to matter.
    pub(super) fn step(&mut self, what: &str) {
        let now = Instant::now();
        if let Some(started) = self.step_started.replace(now) {
            let took = now.saturating_duration_since(started);
            if took >= WORTH_NAMING {
                self.notes.push(format!("{what} {} ms", took.as_millis()));
            }
        }
    }

    /// Notes something the frame did.
    pub(super) fn note(&mut self, what: &str, detail: &str) {
        self.notes.push(format!("{what} {detail}"));
    }

    /// Notes the jobs running, whose results this frame may have taken in.
    pub(super) fn note_jobs(&mut self, workspace: &Workspace) {
        let jobs: Vec<&str> = [
            workspace.opening_job(),
            workspace.save_job(),
            workspace.export_job(),
            workspace.import_job(),
        ]
        .into_iter()
        .flatten()
        .map(|job| job.label)
        .collect();
        if !jobs.is_empty() {
            self.notes.push(format!("jobs: {}", jobs.join(", ")));
        }
    }

    /// Notes an action applied.
    pub(super) fn note_action(&mut self, action: &Action) {
        let what = match action {
            Action::Edit(_) => "edit".to_owned(),
            Action::Command(command) => format!("command {command:?}"),
            Action::Request(_) => "request".to_owned(),
            Action::Dialog(_) => "dialog answer".to_owned(),
            Action::OpenRecent(_) => "open recent".to_owned(),
            Action::CloseRequested => "close".to_owned(),
        };
        if self.notes.last() != Some(&what) {
            self.notes.push(what);
        }
    }

    /// The frame is done: logs it if it was slow.
    pub(super) fn finish(&mut self, took: Duration) {
        if took > SLOW {
            log::warn!(
                "slow frame: {} ms ({})",
                took.as_millis(),
                self.notes.join("; ")
            );
        }
    }
}
