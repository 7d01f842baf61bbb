//! Timing the steps of a poll, for the slow-frame log (moved out of `mod.rs` to keep it
//! under 700 lines).

use std::time::{Duration, Instant};

/// Times the steps of a poll; names those worth naming.
pub(super) struct StepTimer(Instant);

impl StepTimer {
    pub(super) fn start() -> Self {
        Self(Instant::now())
    }

    pub(super) fn step(&mut self, what: &'static str, steps: &mut Vec<(&'static str, Duration)>) {
        let now = Instant::now();
        let took = now.saturating_duration_since(self.0);
        self.0 = now;
        if took >= Duration::from_millis(2) {
            steps.push((what, took));
        }
    }
}
