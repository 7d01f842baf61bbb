//! Recovery copies in the running app: reading the copies an earlier session left (on a
//! job, offered once the file is open), and writing a copy of unsaved changes when one is
//! due — text and file both made on a job, from a snapshot of the project.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use super::Workspace;
use super::jobs::{Job, Poll};
use super::recovery::{self, RecoveryError, Tick};

/// A recovery copy being written: its file, revision and how it went.
pub(super) struct RecoveryWrite {
    job: Job<Result<(), RecoveryError>>,
    target: PathBuf,
    revision: u64,
}

impl Workspace {
    /// Reads the recovery copies found at start on a job; they are offered once read.
    pub(super) fn start_recovery_scan(&mut self) {
        let files = self.recovery.claim_foreign();
        if !files.is_empty() {
            self.jobs.recovery_scan = Some(Job::spawn("recovery", move |_| {
                recovery::read_entries(files)
            }));
        }
    }

    pub(super) fn poll_recovery_scan(&mut self) {
        let Some(job) = &mut self.jobs.recovery_scan else {
            return;
        };
        match job.poll() {
            Poll::Running => {}
            Poll::Done(entries) => {
                self.jobs.recovery_scan = None;
                self.pending_recovery = entries;
            }
            Poll::Panicked(message) => {
                self.jobs.recovery_scan = None;
                log::error!("reading the recovery copies failed: {message}");
            }
        }
    }

    /// Writes a recovery copy when one is due; returns when to look again.
    pub(super) fn tick_recovery(
        &mut self,
        focused: Option<bool>,
        now: Instant,
    ) -> Option<Duration> {
        self.poll_recovery_write();
        if !self.doc.is_dirty() {
            // Saved, discarded, or undone back to the saved state: the copy is stale.
            self.recovery.discard();
        }
        if self.jobs.recovery_write.is_some() {
            // One copy at a time; the next is judged when this one is done.
            return None;
        }
        let tick = self.recovery.tick(
            self.doc.path(),
            self.doc.is_dirty(),
            self.doc.revision(),
            focused,
            now,
        );
        match tick {
            Tick::Idle => None,
            Tick::WakeIn(after) => Some(after),
            Tick::WriteNow => {
                if let Some(target) = self.recovery.target(self.doc.path()) {
                    self.start_recovery_write(target);
                }
                // A failed write is tried again one interval later.
                Some(self.recovery.interval)
            }
        }
    }

    /// Writes a recovery copy of the document to `target` on a job: the project is a
    /// snapshot (a pointer copy), so the text is made there too, not on the UI thread.
    fn start_recovery_write(&mut self, target: PathBuf) {
        let name = self.document_name();
        let revision = self.doc.revision();
        let project = self.doc.project().clone();
        let path = self.doc.path().map(PathBuf::from);
        let base = self.disk.clone();
        let file = target.clone();
        let job = Job::spawn("recovery copy", move |_| {
            let start = Instant::now();
            let snapshot = recovery::Snapshot {
                project: &project,
                path: path.as_deref(),
                name: &name,
                base: base.as_ref(),
                revision,
            };
            let result = recovery::write_copy(&file, &snapshot);
            log::info!(
                "recovery copy {} made and written in the background in {:?}",
                file.display(),
                start.elapsed()
            );
            result
        });
        self.jobs.recovery_write = Some(RecoveryWrite {
            job,
            target,
            revision,
        });
    }

    fn poll_recovery_write(&mut self) {
        let Some(write) = &mut self.jobs.recovery_write else {
            return;
        };
        let result = match write.job.poll() {
            Poll::Running => return,
            Poll::Done(result) => result,
            Poll::Panicked(message) => Err(RecoveryError::Panicked(message)),
        };
        let Some(RecoveryWrite {
            target, revision, ..
        }) = self.jobs.recovery_write.take()
        else {
            return;
        };
        if let Err(Some(err)) = self.recovery.written_to(target, revision, result) {
            self.toast(super::Said::with(|t| {
                format!("{} ({err})", t.recovery_failed)
            }));
        }
    }

    /// Waits for a recovery copy being written (at quit: it must not outlive the session
    /// as a stale offer).
    pub(super) fn wait_for_recovery_write(&mut self) {
        let Some(write) = self.jobs.recovery_write.as_ref() else {
            return;
        };
        while !write.job.is_finished() {
            std::thread::sleep(Duration::from_millis(5));
        }
        self.poll_recovery_write();
    }
}
