//! `export commitments` and `followups`.

use std::path::Path;

use clap::ValueEnum;

use super::load;
use crate::export::commitments::CommitmentsFormat;
use crate::export::{ExportLanguage, ExportRequest};
use crate::model::followup::Filter;

/// A status to keep in `export commitments --status`, or `open` for every open status.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum StatusArg {
    /// Proposed, agreed, in progress or blocked.
    Open,
    /// Proposed, not yet agreed.
    Proposed,
    /// Agreed, not started.
    Agreed,
    /// Work under way.
    InProgress,
    /// Waiting on something outside.
    Blocked,
    /// Done.
    Done,
    /// Abandoned.
    Dropped,
}

impl StatusArg {
    /// The statuses this argument stands for.
    fn statuses(self) -> Vec<crate::model::CommitmentStatus> {
        use crate::model::CommitmentStatus as S;
        match self {
            Self::Open => crate::model::followup::open_statuses()
                .into_iter()
                .collect(),
            Self::Proposed => vec![S::Proposed],
            Self::Agreed => vec![S::Agreed],
            Self::InProgress => vec![S::InProgress],
            Self::Blocked => vec![S::Blocked],
            Self::Done => vec![S::Done],
            Self::Dropped => vec![S::Dropped],
        }
    }
}

/// The export of the commitments with one of `statuses` (all when there is none).
pub(super) fn request(
    format: CommitmentsFormat,
    statuses: &[StatusArg],
    language: ExportLanguage,
    today: chrono::NaiveDate,
) -> ExportRequest {
    let filter = Filter {
        statuses: statuses.iter().flat_map(|s| s.statuses()).collect(),
        ..Default::default()
    };
    ExportRequest::Commitments {
        format,
        language,
        filter: Box::new(filter),
        today,
    }
}

/// Prints the open commitments overdue or due within `within` days of `today`.
pub(super) fn followups(
    file: &Path,
    today: chrono::NaiveDate,
    within: u32,
    out: &mut dyn std::io::Write,
    err: &mut dyn std::io::Write,
) -> std::io::Result<i32> {
    let Some(project) = load(file, err)? else {
        return Ok(1);
    };
    out.write_all(crate::export::commitments::followups_text(&project, today, within).as_bytes())?;
    Ok(0)
}
