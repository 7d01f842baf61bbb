//! What panels ask of the workspace besides edits: open a dialog, export a file.

use crate::model::{CommitmentId, MeetingId, OrganisationId, PersonId};

/// Something a panel asks the app to do after the frame (open a dialog, export a file).
#[derive(Clone, Debug, PartialEq)]
pub enum Request {
    /// Open the paste-agenda dialog for this meeting.
    PasteAgenda(MeetingId),
    /// Export this meeting's agenda (asks where to save).
    ExportAgenda {
        /// The meeting.
        meeting: MeetingId,
        /// The format.
        format: crate::export::agenda::AgendaFormat,
        /// The language.
        language: crate::export::ExportLanguage,
    },
    /// Export this meeting's minutes (asks where to save).
    ExportMinutes {
        /// The meeting.
        meeting: MeetingId,
        /// The format.
        format: crate::export::minutes::MinutesFormat,
        /// The language.
        language: crate::export::ExportLanguage,
    },
    /// Open the dialog planning the next meeting of this one's series.
    NextInSeries(MeetingId),
    /// Open the new-meeting dialog (a meeting starts from its host and visitors).
    NewMeeting,
    /// Export the commitments the filters of the commitments view show (asks where to save).
    ExportCommitments {
        /// The format.
        format: crate::export::commitments::CommitmentsFormat,
        /// The language.
        language: crate::export::ExportLanguage,
        /// Which commitments: what the view's filters show.
        filter: Box<crate::model::followup::Filter>,
    },
    /// Open the attendee-list import (paste or CSV), adding to this meeting if given.
    ImportAttendees(Option<MeetingId>),
    /// Export the people, or a meeting's attendees (asks where to save).
    ExportAttendees {
        /// The meeting, or all people.
        meeting: Option<MeetingId>,
        /// The format.
        format: crate::export::attendees::AttendeeFormat,
        /// The language of printed lists.
        language: crate::export::ExportLanguage,
        /// With the personal-data columns (CSV and workbook), chosen explicitly.
        personal: bool,
    },
    /// Make name cards for a meeting's attendees: asks for the paper and the faces, then
    /// where to save.
    NameCards(MeetingId),
    /// Open the invitation letters of a meeting (template, people, language), which checks
    /// every value before it asks where the letters go.
    Letters(MeetingId),
    /// An export described in full (a seating plan, place cards): asks where to save it.
    Export(Box<crate::export::ExportRequest>),
    /// Open this folder in the system's file manager (after a save or an export).
    OpenFolder(std::path::PathBuf),
    /// Delete an entity (and the references to it), with "Deleted … — Undo" in the status
    /// bar.
    Delete(Deletion),
}

/// An entity a panel's Delete button removes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Deletion {
    /// A meeting; commitments agreed there keep their text.
    Meeting(MeetingId),
    /// A person, and their attendance, speaking slots and ownerships.
    Person(PersonId),
    /// An organisation, and the references of people, meetings and commitments to it.
    Organisation(OrganisationId),
    /// A commitment; its sub-points move up to its parent.
    Commitment(CommitmentId),
}
