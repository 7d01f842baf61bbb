//! Background jobs: long work (opening a big project, parsing a 50,000-row CSV, rendering
//! thousands of name cards) runs on its own thread so that the window keeps drawing.
//!
//! A [`Job`] runs a closure on a `std::thread`. The closure reports how far it got through
//! a shared [`Progress`] (done/total and a phase label) and looks at its cancel flag between
//! steps; its result comes back through a channel. The app polls its jobs once a frame and
//! asks for a repaint while any runs, so the progress bar moves without input events.
//!
//! A job that panics does not take the app down: the thread's join result is turned into
//! [`Poll::Panicked`] with the panic message, which the app shows in its error dialog.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// How often the window redraws while a job runs: smooth enough for a progress bar, cheap
/// enough to leave the cores to the job.
pub const REPAINT_EVERY: Duration = Duration::from_millis(50);

/// How far a job got, shared between its thread and the UI.
#[derive(Debug, Default)]
pub struct Progress {
    done: AtomicU64,
    total: AtomicU64,
    cancelled: AtomicBool,
    /// Whether done and total count bytes (shown as megabytes).
    bytes: AtomicBool,
    /// What the job is doing now ("Reading", "Parsing"); a Mutex because it is text.
    phase: Mutex<String>,
}

impl Progress {
    /// Sets how many steps there are in all (0: unknown, the bar is indeterminate).
    pub fn set_total(&self, total: u64) {
        self.total.store(total, Ordering::Relaxed);
    }

    /// Sets the total as a number of bytes, to be shown as megabytes.
    pub fn set_total_bytes(&self, bytes: u64) {
        self.bytes.store(true, Ordering::Relaxed);
        self.total.store(bytes, Ordering::Relaxed);
    }

    /// Whether done and total count bytes.
    pub fn counts_bytes(&self) -> bool {
        self.bytes.load(Ordering::Relaxed)
    }

    /// Sets how many steps are done.
    pub fn set_done(&self, done: u64) {
        self.done.store(done, Ordering::Relaxed);
    }

    /// Counts `steps` more steps as done.
    pub fn advance(&self, steps: u64) {
        self.done.fetch_add(steps, Ordering::Relaxed);
    }

    /// Names what the job does now; done and total start again from zero.
    pub fn set_phase(&self, phase: &str) {
        if let Ok(mut current) = self.phase.lock() {
            phase.clone_into(&mut current);
        }
        self.done.store(0, Ordering::Relaxed);
        self.total.store(0, Ordering::Relaxed);
        self.bytes.store(false, Ordering::Relaxed);
    }

    /// What the job does now (empty before its first phase).
    pub fn phase(&self) -> String {
        // A poisoned lock only means the job panicked while naming its phase.
        self.phase.lock().map(|p| p.clone()).unwrap_or_default()
    }

    /// Steps done and steps in all (0 when unknown).
    pub fn counts(&self) -> (u64, u64) {
        (
            self.done.load(Ordering::Relaxed),
            self.total.load(Ordering::Relaxed),
        )
    }

    /// The share done, between 0 and 1, or `None` when the total is unknown.
    pub fn fraction(&self) -> Option<f32> {
        let (done, total) = self.counts();
        (total > 0).then(|| (done.min(total) as f64 / total as f64) as f32)
    }

    /// Asks the job to stop at its next step.
    pub fn cancel(&self) {
        self.cancelled.store(true, Ordering::Relaxed);
    }

    /// Whether the user asked the job to stop.
    pub fn is_cancelled(&self) -> bool {
        self.cancelled.load(Ordering::Relaxed)
    }
}

/// What the UI shows of a running job.
#[derive(Clone, Copy, Debug)]
pub struct JobView<'a> {
    /// What is done ("Opening big.ron…").
    pub label: &'a str,
    /// How far it got.
    pub progress: &'a Progress,
}

/// Where a job is, as seen from the UI.
#[derive(Debug)]
pub enum Poll<T> {
    /// Still working.
    Running,
    /// Finished with this result.
    Done(T),
    /// The job panicked (or its thread could not start); the message says why.
    Panicked(String),
}

/// Work running on a thread of its own.
#[derive(Debug)]
pub struct Job<T> {
    label: String,
    progress: Arc<Progress>,
    result: Receiver<T>,
    thread: Option<JoinHandle<()>>,
    /// Why the thread could not be started, reported at the first poll.
    failed_to_start: Option<String>,
    started: Instant,
}

impl<T: Send + 'static> Job<T> {
    /// Starts `work` on a new thread. `label` says what is done, for the progress display
    /// ("Opening big.ron").
    pub fn spawn(
        label: impl Into<String>,
        work: impl FnOnce(&Progress) -> T + Send + 'static,
    ) -> Self {
        let label = label.into();
        let progress = Arc::new(Progress::default());
        // A channel of one slot, allocated here on the UI thread: an unbounded channel
        // allocates its slots on the sending thread, and the UI thread freeing memory of a
        // job thread's malloc arena paid for tidying that arena (0.2 s after a large Word
        // export, measured with examples/jobs_timing).
        let (send, result) = mpsc::sync_channel(1);
        let shared = Arc::clone(&progress);
        let spawned = std::thread::Builder::new()
            .name(format!("job: {label}"))
            .spawn(move || {
                let value = work(&shared);
                // The app may have dropped the job (a cancelled open): nobody to tell.
                let _ = send.send(value);
            });
        let (thread, failed_to_start) = match spawned {
            Ok(handle) => (Some(handle), None),
            Err(err) => (None, Some(format!("could not start a thread ({err})"))),
        };
        Self {
            label,
            progress,
            result,
            thread,
            failed_to_start,
            started: Instant::now(),
        }
    }
}

impl<T> Job<T> {
    /// What the job does, as given when it started.
    pub fn label(&self) -> &str {
        &self.label
    }

    /// Its progress.
    pub fn progress(&self) -> &Progress {
        &self.progress
    }

    /// What the UI shows of it.
    pub fn view(&self) -> JobView<'_> {
        JobView {
            label: &self.label,
            progress: &self.progress,
        }
    }

    /// How long it has been running.
    pub fn elapsed(&self) -> Duration {
        self.started.elapsed()
    }

    /// Whether the job's thread has ended (its result is then ready to [`Self::poll`]).
    pub fn is_finished(&self) -> bool {
        self.thread.as_ref().is_none_or(JoinHandle::is_finished)
    }

    /// Looks whether the job finished, without waiting.
    pub fn poll(&mut self) -> Poll<T> {
        if let Some(reason) = self.failed_to_start.take() {
            return Poll::Panicked(reason);
        }
        match self.result.try_recv() {
            Ok(value) => {
                // The thread ends right after sending, on its own: it is not joined, as
                // its last steps (dropping what it built, thread-local caches) would make
                // the UI thread wait.
                drop(self.thread.take());
                Poll::Done(value)
            }
            Err(TryRecvError::Empty) => Poll::Running,
            // The sender went away without a value: the closure panicked.
            Err(TryRecvError::Disconnected) => Poll::Panicked(self.join_failure()),
        }
    }

    /// Blocks until the job is finished (the command line and tests).
    pub fn wait(mut self) -> Poll<T> {
        if let Some(reason) = self.failed_to_start.take() {
            return Poll::Panicked(reason);
        }
        match self.result.recv() {
            Ok(value) => Poll::Done(value),
            Err(_) => Poll::Panicked(self.join_failure()),
        }
    }

    fn join_failure(&mut self) -> String {
        let payload = match self.thread.take().map(JoinHandle::join) {
            Some(Err(payload)) => payload,
            _ => return "the job stopped without a result".to_owned(),
        };
        if let Some(text) = payload.downcast_ref::<&str>() {
            (*text).to_owned()
        } else if let Some(text) = payload.downcast_ref::<String>() {
            text.clone()
        } else {
            "the job panicked".to_owned()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wait_polling<T>(job: &mut Job<T>) -> Poll<T> {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            match job.poll() {
                Poll::Running if Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(2));
                }
                other => return other,
            }
        }
    }

    #[test]
    fn a_job_reports_progress_and_its_result() {
        let (go_on, gate) = mpsc::channel::<()>();
        let mut job = Job::spawn("count", move |progress| {
            progress.set_phase("Counting");
            progress.set_total(10);
            progress.advance(4);
            gate.recv().unwrap();
            42
        });
        while job.progress().counts() != (4, 10) {
            std::thread::yield_now();
        }
        assert!(matches!(job.poll(), Poll::Running));
        assert_eq!(job.progress().phase(), "Counting");
        assert_eq!(job.progress().fraction(), Some(0.4));
        go_on.send(()).unwrap();
        assert!(matches!(wait_polling(&mut job), Poll::Done(42)));
    }

    #[test]
    fn a_job_sees_its_cancel_flag() {
        let mut job = Job::spawn("spin", |progress| {
            while !progress.is_cancelled() {
                std::thread::sleep(Duration::from_millis(1));
            }
            "stopped"
        });
        job.progress().cancel();
        assert!(matches!(wait_polling(&mut job), Poll::Done("stopped")));
    }

    #[test]
    fn a_panicking_job_is_reported_not_fatal() {
        let mut job: Job<()> = Job::spawn("boom", |_| panic!("the disk is on fire"));
        match wait_polling(&mut job) {
            Poll::Panicked(message) => assert_eq!(message, "the disk is on fire"),
            other => panic!("{other:?}"),
        }
        let job: Job<()> = Job::spawn("boom", |_| panic!("{}", String::from("formatted")));
        assert!(matches!(job.wait(), Poll::Panicked(m) if m == "formatted"));
    }
}
