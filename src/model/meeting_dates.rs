//! A meeting's dates as a whole (moving them together), and meeting ids made from the date
//! (issue 27): a new meeting's id names the day it takes place (`meeting-2025-05-12`), not
//! the day it was created, and follows that day while nothing naming the id has gone out.

use chrono::NaiveDate;

use super::{Meeting, MeetingId, Project};

/// The stem of the ids made from a date.
const DATE_ID_STEM: &str = "meeting";

impl Meeting {
    /// Moves every day of the programme by the same number of days, so that the first
    /// starts on `start`: the days keep their spacing, times and items.
    pub fn move_to(&mut self, start: NaiveDate) {
        let shift = start - self.start_date();
        for day in &mut self.days {
            day.date = day.date.checked_add_signed(shift).unwrap_or(day.date);
        }
    }
}

/// `meeting-2025-05-12`: the id a meeting starting on `date` gets, before a counter that
/// makes it unique.
pub fn date_id(date: NaiveDate) -> String {
    format!("{DATE_ID_STEM}-{}", date.format("%Y-%m-%d"))
}

/// The date a date id was made from (`meeting-2025-05-12` and `meeting-2025-05-12-2` →
/// 12 May 2025); `None` for an id chosen otherwise (`paris-2024`), which never changes
/// by itself.
pub fn date_of_date_id(id: &MeetingId) -> Option<NaiveDate> {
    let rest = id.as_str().strip_prefix(DATE_ID_STEM)?.strip_prefix('-')?;
    let date = rest.get(..10)?;
    let counter = rest.get(10..)?;
    let counter_ok = counter.is_empty()
        || counter
            .strip_prefix('-')
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
    if !counter_ok || date.len() != 10 || !date.is_ascii() {
        return None;
    }
    NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()
}

impl Project {
    /// A fresh id for a new meeting starting on `date`: `meeting-2025-05-12`, with a counter
    /// when another meeting has it (`meeting-2025-05-12-2`).
    pub fn new_meeting_id_on(&self, date: NaiveDate) -> MeetingId {
        self.new_meeting_id(&date_id(date))
    }

    /// The id meeting `id` should have now: a date id that no longer names the meeting's
    /// first day gets the new day's, unless something naming it was exported; any other id
    /// is kept. `None` when the id stays.
    pub fn meeting_id_following_date(
        &self,
        id: &MeetingId,
        meeting: &Meeting,
    ) -> Option<MeetingId> {
        let named = date_of_date_id(id)?;
        let start = meeting.start_date();
        if meeting.exported || named == start {
            return None;
        }
        Some(self.new_meeting_id_on(start))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn moving_a_meeting_keeps_its_days_apart() {
        let mut m = Meeting::new(d(2026, 12, 1), chrono_tz::Europe::Berlin);
        let mut second = m.days[0].clone();
        second.date = d(2026, 12, 2);
        m.days.push(second);
        m.move_to(d(2025, 5, 12));
        let dates: Vec<_> = m.days.iter().map(|x| x.date).collect();
        assert_eq!(dates, [d(2025, 5, 12), d(2025, 5, 13)]);
    }

    #[test]
    fn ids_from_the_date_and_back() {
        assert_eq!(date_id(d(2025, 5, 12)), "meeting-2025-05-12");
        let of = |s: &str| date_of_date_id(&MeetingId::from(s));
        assert_eq!(of("meeting-2025-05-12"), Some(d(2025, 5, 12)));
        assert_eq!(of("meeting-2025-05-12-2"), Some(d(2025, 5, 12)));
        assert_eq!(of("meeting-2025-05-12-"), None);
        assert_eq!(of("meeting-2025-05-12x"), None);
        assert_eq!(of("meeting-2025-02-30"), None);
        assert_eq!(of("meeting-2026"), None);
        assert_eq!(of("paris-2024"), None);
        assert_eq!(of("meeting-2025-05-1é"), None);
    }

    #[test]
    fn a_date_id_follows_the_date_until_exported() {
        let mut project = Project::default();
        let id = project.new_meeting_id_on(d(2026, 12, 1));
        assert_eq!(id.as_str(), "meeting-2026-12-01");
        let mut m = Meeting::new(d(2026, 12, 1), chrono_tz::Europe::Berlin);
        project.meetings.insert(id.clone(), m.clone());
        assert_eq!(project.meeting_id_following_date(&id, &m), None);
        m.move_to(d(2025, 5, 12));
        assert_eq!(
            project.meeting_id_following_date(&id, &m),
            Some(MeetingId::from("meeting-2025-05-12"))
        );
        // Another meeting holds that day's id: a counter.
        project
            .meetings
            .insert("meeting-2025-05-12".into(), m.clone());
        assert_eq!(
            project.meeting_id_following_date(&id, &m),
            Some(MeetingId::from("meeting-2025-05-12-2"))
        );
        m.exported = true;
        assert_eq!(project.meeting_id_following_date(&id, &m), None);
        // An id the user chose never follows.
        let paris = MeetingId::from("paris-2024");
        m.exported = false;
        assert_eq!(project.meeting_id_following_date(&paris, &m), None);
    }
}
