//! Edits that change a meeting's id: renaming it (with every commitment that names it),
//! and putting a meeting under the id its date gives it (issue 27).

use super::Edit;
use crate::model::{Meeting, MeetingId, Project};

impl Edit {
    /// Renames meeting `from` to `to`, with every commitment that names it (where it was
    /// agreed, the meetings of its progress log): one undo step. `None` when `from` is
    /// gone, `to` is taken, or they are the same.
    pub fn rename_meeting(project: &Project, from: &MeetingId, to: &MeetingId) -> Option<Self> {
        let meeting = project.meetings.get(from)?;
        Self::put_renamed(project, from, to, meeting.clone())
    }

    /// `meeting` put as meeting `to` in place of meeting `from`, with the commitments
    /// naming `from` pointed at `to`.
    fn put_renamed(
        project: &Project,
        from: &MeetingId,
        to: &MeetingId,
        meeting: Meeting,
    ) -> Option<Self> {
        if from == to || project.meetings.contains_key(to) || !project.meetings.contains_key(from) {
            return None;
        }
        let mut edits = vec![
            Self::RemoveMeeting(from.clone()),
            Self::PutMeeting(to.clone(), Box::new(meeting)),
        ];
        for (cid, c) in &project.commitments {
            let names = c.agreed_at.as_ref() == Some(from)
                || c.progress.iter().any(|e| e.meeting.as_ref() == Some(from));
            if !names {
                continue;
            }
            let mut c = c.clone();
            if c.agreed_at.as_ref() == Some(from) {
                c.agreed_at = Some(to.clone());
            }
            for entry in &mut c.progress {
                if entry.meeting.as_ref() == Some(from) {
                    entry.meeting = Some(to.clone());
                }
            }
            edits.push(Self::PutCommitment(cid.clone(), c));
        }
        Some(Self::Batch(edits))
    }

    /// Puts `meeting` as meeting `id`, under the id its first day gives it when `id` was
    /// made from an earlier date and nothing naming it was exported
    /// ([`Project::meeting_id_following_date`]). Returns the edit and the meeting's id
    /// after it, which the editor keeps selected.
    pub fn put_meeting(project: &Project, id: &MeetingId, meeting: Meeting) -> (Self, MeetingId) {
        if let Some(to) = project.meeting_id_following_date(id, &meeting)
            && let Some(edit) = Self::put_renamed(project, id, &to, meeting.clone())
        {
            return (edit, to);
        }
        (Self::PutMeeting(id.clone(), Box::new(meeting)), id.clone())
    }

    /// Marks meetings `ids` as exported (their date ids stay as they are from then on);
    /// `None` when every one of them already is, or is not a date id (which never moves).
    pub fn mark_exported<'a>(
        project: &Project,
        ids: impl IntoIterator<Item = &'a MeetingId>,
    ) -> Option<Self> {
        let edits: Vec<Self> = ids
            .into_iter()
            .filter(|id| crate::model::meeting_dates::date_of_date_id(id).is_some())
            .filter_map(|id| {
                let m = project.meetings.get(id)?;
                (!m.exported).then(|| {
                    let mut m = m.clone();
                    m.exported = true;
                    Self::PutMeeting(id.clone(), Box::new(m))
                })
            })
            .collect();
        (!edits.is_empty()).then_some(Self::Batch(edits))
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::document::Document;
    use crate::model::{Commitment, CommitmentId, ProgressEntry};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn project_with_a_new_meeting() -> (Project, MeetingId) {
        let mut project = Project::default();
        let id = project.new_meeting_id_on(d(2026, 12, 1));
        project.meetings.insert(
            id.clone(),
            Meeting::new(d(2026, 12, 1), chrono_tz::Europe::Berlin),
        );
        project.commitments.insert(
            "training".into(),
            Commitment {
                agreed_at: Some(id.clone()),
                progress: vec![ProgressEntry {
                    date: d(2026, 12, 1),
                    note: Default::default(),
                    status: None,
                    meeting: Some(id.clone()),
                }],
                ..Default::default()
            },
        );
        (project, id)
    }

    #[test]
    fn a_new_meeting_s_id_follows_its_date_with_its_commitments_in_one_undo_step() {
        let (project, id) = project_with_a_new_meeting();
        let mut doc = Document::unsaved(project, false);
        let mut moved = doc.project().meetings[&id].clone();
        moved.move_to(d(2025, 5, 12));
        let (edit, new_id) = Edit::put_meeting(doc.project(), &id, moved);
        assert_eq!(new_id.as_str(), "meeting-2025-05-12");
        assert!(doc.apply(edit));
        let p = doc.project();
        assert!(!p.meetings.contains_key(&id));
        assert_eq!(p.meetings[&new_id].start_date(), d(2025, 5, 12));
        let c = &p.commitments[&CommitmentId::from("training")];
        assert_eq!(c.agreed_at.as_ref(), Some(&new_id));
        assert_eq!(c.progress[0].meeting.as_ref(), Some(&new_id));
        assert!(doc.undo());
        assert!(doc.project().meetings.contains_key(&id));
        assert_eq!(
            doc.project().commitments[&CommitmentId::from("training")]
                .agreed_at
                .as_ref(),
            Some(&id)
        );
    }

    #[test]
    fn once_exported_the_id_stays_and_renaming_is_its_own_edit() {
        let (project, id) = project_with_a_new_meeting();
        let mut doc = Document::unsaved(project, false);
        let mark = Edit::mark_exported(doc.project(), [&id]).unwrap();
        assert!(doc.apply(mark));
        assert!(Edit::mark_exported(doc.project(), [&id]).is_none(), "once");
        let mut moved = doc.project().meetings[&id].clone();
        moved.move_to(d(2025, 5, 12));
        let (edit, same) = Edit::put_meeting(doc.project(), &id, moved);
        assert_eq!(same, id);
        assert!(matches!(edit, Edit::PutMeeting(..)));
        assert!(doc.apply(edit));

        let berlin = MeetingId::from("berlin-2025");
        let rename = Edit::rename_meeting(doc.project(), &id, &berlin).unwrap();
        assert!(doc.apply(rename));
        assert_eq!(
            doc.project().commitments[&CommitmentId::from("training")]
                .agreed_at
                .as_ref(),
            Some(&berlin)
        );
        // Not onto a taken id, nor from a missing one, nor onto itself.
        assert!(Edit::rename_meeting(doc.project(), &berlin, &berlin).is_none());
        assert!(Edit::rename_meeting(doc.project(), &id, &berlin).is_none());
        // An id chosen by the user is never marked (it never moves by itself).
        assert!(Edit::mark_exported(doc.project(), [&berlin]).is_none());
    }
}
