//! Validation after every change: the document's problems (references that point nowhere,
//! ids used twice) are kept up to date with its revision. A small project is checked at
//! once; a large one (checking 100,000 people takes about 50 ms) on a job, from a snapshot.

use super::Workspace;
use super::jobs::{Job, Poll};
use crate::model::{Problem, validate};

/// Projects with fewer entities than this are checked on the UI thread (well under a
/// millisecond); larger ones on a job.
const CHECK_AT_ONCE_BELOW: usize = 5_000;

/// The problems found, and the revision they were found in.
#[derive(Debug, Default)]
pub(super) struct Problems {
    /// `None` until the first check.
    revision: Option<u64>,
    list: Vec<Problem>,
}

impl Problems {
    /// Records what a check of `revision` found.
    pub(super) fn set(&mut self, revision: u64, list: Vec<Problem>) {
        self.revision = Some(revision);
        self.list = list;
    }

    /// The problems as of the last check.
    pub(super) fn list(&self) -> &[Problem] {
        &self.list
    }
}

/// A check running on a job.
pub(super) struct ValidationRun {
    job: Job<Vec<Problem>>,
    revision: u64,
}

impl Workspace {
    /// Checks the document unless the last check was of this revision: at once when it is
    /// small, else on a job (one at a time; a change meanwhile is checked afterwards).
    pub(super) fn check_problems(&mut self) {
        let revision = self.doc.revision();
        if self.problems.revision == Some(revision) || self.jobs.validation.is_some() {
            return;
        }
        let project = self.doc.project();
        let size = project.people.len()
            + project.organisations.len()
            + project.meetings.len()
            + project.commitments.len();
        if size < CHECK_AT_ONCE_BELOW {
            let list = validate(project);
            self.problems.set(revision, list);
            return;
        }
        let snapshot = project.clone();
        self.jobs.validation = Some(ValidationRun {
            job: Job::spawn("validation", move |_| validate(&snapshot)),
            revision,
        });
    }

    pub(super) fn poll_validation(&mut self) {
        if let Some(run) = &mut self.jobs.validation {
            let list = match run.job.poll() {
                Poll::Running => return,
                Poll::Done(list) => list,
                Poll::Panicked(message) => {
                    log::error!("checking the project failed: {message}");
                    Vec::new()
                }
            };
            let revision = run.revision;
            self.jobs.validation = None;
            self.problems.set(revision, list);
        }
        // Changed while the job ran (or never checked): check again.
        self.check_problems();
    }
}
