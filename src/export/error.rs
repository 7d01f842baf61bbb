//! Why an export could not be made: one error for every export, whatever its format.

use super::attendees::AttendeeExportError;
use super::pdf::PdfError;
use crate::model::MeetingId;

/// Why an export could not be made.
///
/// `Display` gives the English of the command line; `crate::i18n::Localized` gives the
/// text in the UI's language.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The meeting to export was deleted after the export was asked for.
    #[error("the meeting `{0}` no longer exists")]
    MeetingGone(MeetingId),
    /// The PDF could not be made.
    #[error("could not make the PDF: {0}")]
    Pdf(#[source] PdfError),
    /// The Excel workbook could not be made.
    #[error("could not make the workbook: {0}")]
    Xlsx(#[source] rust_xlsxwriter::XlsxError),
    /// The Word document could not be made.
    #[error("could not make the Word document: {0}")]
    Docx(#[from] super::docx::DocxError),
    /// The user cancelled while it was being made.
    #[error("cancelled")]
    Cancelled,
    /// The meeting's date is outside 1900–2200, or an agenda item lasts more than a day:
    /// no calendar or printed agenda can say when it happens.
    #[error(
        "the meeting `{}` has a date outside the years 1900–2200 or an agenda item longer than a day; correct it (`check` lists what) and export again",
        crate::model::clip_for_message(.0.as_str())
    )]
    OutOfRange(MeetingId),
}

impl From<PdfError> for ExportError {
    /// A cancelled PDF is a cancelled export, not a failed PDF.
    fn from(err: PdfError) -> Self {
        match err {
            PdfError::Cancelled => Self::Cancelled,
            other => Self::Pdf(other),
        }
    }
}

impl From<AttendeeExportError> for ExportError {
    fn from(err: AttendeeExportError) -> Self {
        match err {
            AttendeeExportError::Pdf(pdf) => pdf.into(),
            AttendeeExportError::Xlsx(xlsx) => Self::Xlsx(xlsx),
            AttendeeExportError::Docx(docx) => Self::Docx(docx),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cancelling_is_not_a_failure_and_errors_cross_threads() {
        fn send_sync<T: Send + Sync + 'static>() {}
        send_sync::<ExportError>();
        assert!(matches!(
            ExportError::from(PdfError::Cancelled),
            ExportError::Cancelled
        ));
        assert!(matches!(
            ExportError::from(AttendeeExportError::Pdf(PdfError::Cancelled)),
            ExportError::Cancelled
        ));
        assert_eq!(
            ExportError::from(PdfError::Font("DejaVu Sans")).to_string(),
            "could not make the PDF: the DejaVu Sans font built into the app could not be read; reinstall Delegation Planner"
        );
    }
}
