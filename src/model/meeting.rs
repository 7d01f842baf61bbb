use chrono::{NaiveDate, NaiveTime};

use serde::{Deserialize, Deserializer, Serialize};

use super::programme::{Day, DaySummary, add_minutes, instant_at, move_years};
use super::seating::SeatingPlan;
use super::{
    AgendaItem, Bilingual, ItemId, LetterDetails, MinutesStage, OrganisationId, PersonId, SideId,
    choice_enum,
};

/// One meeting, visit, roundtable or training of the cooperation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meeting {
    /// Title in both languages.
    #[serde(default)]
    pub title: Bilingual,
    /// What kind of meeting this is.
    #[serde(default)]
    pub kind: MeetingKind,
    /// IANA time zone of the venue (`Europe/Paris`).
    pub time_zone: chrono_tz::Tz,
    /// The other side's time zone, shown beside every time (`Asia/Shanghai`).
    #[serde(default)]
    pub counterpart_time_zone: Option<chrono_tz::Tz>,
    /// Where it takes place, in both languages (a day may have a venue of its own).
    #[serde(default)]
    pub venue: Bilingual,
    /// The organisation hosting the meeting.
    #[serde(default)]
    pub host: Option<OrganisationId>,
    /// The series this meeting belongs to, if any (annual working group, training series).
    #[serde(default)]
    pub series: Option<Series>,
    /// The delegations present.
    #[serde(default)]
    pub sides: Vec<Side>,
    /// Who is invited or attends, in protocol order within each side.
    #[serde(default)]
    pub attendees: Vec<Attendee>,
    /// The programme: one or more days (or sessions), in order, each with its agenda. A
    /// file with no day is refused: a meeting takes place on some date.
    #[serde(deserialize_with = "at_least_one_day")]
    pub days: Vec<Day>,
    /// The minutes' own words beside the items' records (printed at their end), in
    /// English; see [`Self::minutes_zh`].
    #[serde(default)]
    pub minutes: String,
    /// The same in Chinese: a Chinese document prints this, never the English.
    #[serde(default)]
    pub minutes_zh: String,
    /// Whether the minutes are a draft or final (printed on the minutes document).
    #[serde(default)]
    pub minutes_stage: MinutesStage,
    /// The date of this version of the minutes; the day of the export when not set.
    #[serde(default)]
    pub minutes_version: Option<NaiveDate>,
    /// Expected number of participants for large events (online trainings, roundtables).
    #[serde(default)]
    pub expected_participants: Option<u32>,
    /// What the invitation letters say of the visit (purpose, costs, accommodation,
    /// signatory). Not written when empty.
    #[serde(default, skip_serializing_if = "super::personal::is_default")]
    pub letter: LetterDetails,
    /// The seating plan (V4): layout, options, seats placed by hand. Left out of the file
    /// while nothing is chosen.
    #[serde(default, skip_serializing_if = "SeatingPlan::is_unset")]
    pub seating: SeatingPlan,
    /// Whether a file naming this meeting's id went out (an agenda, a calendar entry, a
    /// list, name cards): an id made from the meeting's date then stays as it is, so that
    /// the next export updates what was sent instead of duplicating it. Written only when
    /// set, so that files without an export read and save as they were.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub exported: bool,
}

/// Reads the days of a meeting and refuses an empty list.
fn at_least_one_day<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<Day>, D::Error> {
    let days = Vec::<Day>::deserialize(deserializer)?;
    if days.is_empty() {
        return Err(serde::de::Error::custom(
            "a meeting needs at least one day (days: [] is empty)",
        ));
    }
    Ok(days)
}

impl Meeting {
    /// A new meeting on `date` at 09:00 in `time_zone`, with nothing else filled in.
    pub fn new(date: NaiveDate, time_zone: chrono_tz::Tz) -> Self {
        Self {
            title: Bilingual::default(),
            kind: MeetingKind::default(),
            time_zone,
            counterpart_time_zone: None,
            venue: Bilingual::default(),
            host: None,
            series: None,
            sides: Vec::new(),
            attendees: Vec::new(),
            days: vec![Day::new(
                date,
                NaiveTime::from_hms_opt(9, 0, 0).unwrap_or(NaiveTime::MIN),
            )],
            minutes: String::new(),
            minutes_zh: String::new(),
            minutes_stage: MinutesStage::default(),
            minutes_version: None,
            expected_participants: None,
            letter: LetterDetails::default(),
            seating: SeatingPlan::default(),
            exported: false,
        }
    }

    /// A copy of everything but the attendees and the programme, which may be long: what a
    /// details form edits every frame without copying 20,000 attendees or 125 days. The
    /// form reads the dates from the meeting itself.
    pub fn details(&self) -> Self {
        Self {
            minutes: self.minutes.clone(),
            minutes_zh: self.minutes_zh.clone(),
            ..self.details_without_minutes()
        }
    }

    /// [`Self::details`] without the minutes, for an editor that shows minutes too long to
    /// edit from the meeting itself rather than copying them every frame.
    pub fn details_without_minutes(&self) -> Self {
        Self {
            title: self.title.clone(),
            kind: self.kind,
            time_zone: self.time_zone,
            counterpart_time_zone: self.counterpart_time_zone,
            venue: self.venue.clone(),
            host: self.host.clone(),
            series: self.series.clone(),
            sides: self.sides.clone(),
            attendees: Vec::new(),
            days: Vec::new(),
            // Left out: a copy made every frame must not copy 50 MB of minutes.
            minutes: String::new(),
            minutes_zh: String::new(),
            minutes_stage: self.minutes_stage,
            minutes_version: self.minutes_version,
            expected_participants: self.expected_participants,
            letter: self.letter.clone(),
            seating: self.seating.clone(),
            exported: self.exported,
        }
    }

    /// This meeting with the details of `details`: everything but the attendees and the
    /// days, which the agenda edits.
    pub fn with_details(&self, details: Self) -> Self {
        Self {
            attendees: self.attendees.clone(),
            days: self.days.clone(),
            ..details
        }
    }

    /// The first day of the programme. Files and edits always give a meeting one; a
    /// meeting built by hand without any is read as starting on 1 January 1970.
    fn first_day(&self) -> Option<&Day> {
        self.days.first()
    }

    /// When the meeting starts, local time: its earliest day's date and start.
    pub fn starts_at(&self) -> chrono::NaiveDateTime {
        self.days
            .iter()
            .map(|d| d.date.and_time(d.start))
            .min()
            .unwrap_or_default()
    }

    /// The date of its earliest day.
    pub fn start_date(&self) -> NaiveDate {
        self.starts_at().date()
    }

    /// The date of its latest day.
    pub fn end_date(&self) -> NaiveDate {
        self.days
            .iter()
            .map(|d| d.date)
            .max()
            .unwrap_or_else(|| self.start_date())
    }

    /// `2024-11-04`, or `2024-11-04 – 2024-11-05` for a meeting over several dates.
    pub fn dates_text(&self) -> String {
        let (start, end) = (self.start_date(), self.end_date());
        if start == end {
            start.to_string()
        } else {
            format!("{start} – {end}")
        }
    }

    /// Every agenda item, day after day.
    pub fn items(&self) -> impl Iterator<Item = &AgendaItem> {
        self.days.iter().flat_map(|d| d.items.iter())
    }

    /// Every agenda item, day after day, to change in place.
    pub fn items_mut(&mut self) -> impl Iterator<Item = &mut AgendaItem> {
        self.days.iter_mut().flat_map(|d| d.items.iter_mut())
    }

    /// How many agenda items the days hold.
    pub fn item_count(&self) -> usize {
        self.days.iter().map(|d| d.items.len()).sum()
    }

    /// Where the item with this id is: its day and its place in that day.
    pub fn find_item(&self, id: &ItemId) -> Option<(usize, usize)> {
        self.days.iter().enumerate().find_map(|(d, day)| {
            day.items
                .iter()
                .position(|i| &i.id == id)
                .map(|pos| (d, pos))
        })
    }

    /// The item with this id.
    pub fn item(&self, id: &ItemId) -> Option<&AgendaItem> {
        self.items().find(|i| &i.id == id)
    }

    /// The item with this id, to change in place.
    pub fn item_mut(&mut self, id: &ItemId) -> Option<&mut AgendaItem> {
        self.items_mut().find(|i| &i.id == id)
    }

    /// The venue of day `day`: its own, else the meeting's.
    pub fn venue_of(&self, day: usize) -> &Bilingual {
        match self.days.get(day) {
            Some(d) if !d.venue.is_empty() => &d.venue,
            _ => &self.venue,
        }
    }

    /// Moves the programme of day `from` (title, venue, items) to the place of day `to`:
    /// the dates, starts and planned ends stay in place, so the days stay in date order.
    pub fn move_day(&mut self, from: usize, to: usize) {
        let len = self.days.len();
        if from >= len || to >= len || from == to {
            return;
        }
        let slots: Vec<(NaiveDate, NaiveTime, Option<NaiveTime>)> = self
            .days
            .iter()
            .map(|d| (d.date, d.start, d.planned_end))
            .collect();
        let day = self.days.remove(from);
        self.days.insert(to, day);
        for (day, (date, start, end)) in self.days.iter_mut().zip(slots) {
            day.date = date;
            day.start = start;
            day.planned_end = end;
        }
    }

    /// A new day after the last: the next date, the same start and planned end.
    pub fn next_day(&self) -> Day {
        let last = self.days.last();
        let date = last
            .and_then(|d| d.date.succ_opt())
            .unwrap_or_else(|| self.start_date());
        let mut day = Day::new(
            date,
            last.map_or(NaiveTime::from_hms_opt(9, 0, 0).unwrap_or_default(), |d| {
                d.start
            }),
        );
        day.planned_end = last.and_then(|d| d.planned_end);
        day
    }

    /// The side with this id.
    pub fn side(&self, id: &SideId) -> Option<&Side> {
        self.sides.iter().find(|s| &s.id == id)
    }

    /// A side id not yet used in this meeting.
    pub fn new_side_id(&self, name: &str) -> SideId {
        SideId(super::ids::unique_slug(name, "side", |s| {
            self.sides.iter().any(|side| side.id.0 == s)
        }))
    }

    /// An agenda item id not yet used in this meeting.
    pub fn new_item_id(&self) -> ItemId {
        let n = self.item_count() + 1;
        ItemId(super::ids::unique_slug(&format!("item-{n}"), "item", |s| {
            self.items().any(|item| item.id.0 == s)
        }))
    }

    /// The next meeting of this one's series, on `date`: same kind, title, sides, time
    /// zones and days (dates moved with the first, same starts, titles and venues, no
    /// items), edition + 1; no attendees or minutes (nothing stale). Years written in the
    /// titles move with the date (`2026 Annual Meeting` → `2027 Annual Meeting`). With
    /// `alternate`, the other side hosts: time zones swap and the venues are left blank.
    pub fn next_in_series(&self, date: NaiveDate, alternate: bool) -> Self {
        use chrono::Datelike as _;
        let first = self.start_date();
        let shift = date - first;
        let (year, delta) = (first.year(), date.year() - first.year());
        let years = |t: &Bilingual| Bilingual {
            en: move_years(&t.en, year, delta),
            zh: move_years(&t.zh, year, delta),
        };
        let mut next = Self::new(date, self.time_zone);
        next.title = years(&self.title);
        next.kind = self.kind;
        next.counterpart_time_zone = self.counterpart_time_zone;
        next.venue = self.venue.clone();
        next.host = self.host.clone();
        next.sides = self.sides.clone();
        next.expected_participants = self.expected_participants;
        // The way the room is set carries over; who sat where does not.
        next.seating = SeatingPlan {
            placements: Vec::new(),
            ..self.seating.clone()
        };
        next.days = self
            .days
            .iter()
            .map(|d| {
                let mut day = d.without_items();
                day.date = d.date.checked_add_signed(shift).unwrap_or(date);
                day.title = years(&d.title);
                if alternate {
                    day.venue = Bilingual::default();
                }
                day
            })
            .collect();
        if next.days.is_empty() {
            next.days = Self::new(date, self.time_zone).days;
        }
        next.series = Some(match &self.series {
            Some(series) => Series {
                name: series.name.clone(),
                edition: series.edition.saturating_add(1),
            },
            None => Series {
                name: self.title.clone(),
                edition: 2,
            },
        });
        if alternate {
            if let Some(other) = self.counterpart_time_zone {
                next.time_zone = other;
                next.counterpart_time_zone = Some(self.time_zone);
            }
            next.venue = Bilingual::default();
            next.host = self
                .sides
                .iter()
                .flat_map(|s| s.organisations.iter())
                .find(|o| Some(*o) != self.host.as_ref())
                .cloned()
                .or_else(|| self.host.clone());
        }
        next
    }

    /// The texts [`Self::next_in_series`] changed on the way from this meeting to `next`
    /// (years moved in titles), as `(before, after)`, for the dialog to show.
    pub fn moved_texts(&self, next: &Self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        let mut compare = |a: &Bilingual, b: &Bilingual| {
            for (x, y) in [(&a.en, &b.en), (&a.zh, &b.zh)] {
                if x != y {
                    out.push((x.clone(), y.clone()));
                }
            }
        };
        compare(&self.title, &next.title);
        for (a, b) in self.days.iter().zip(&next.days) {
            compare(&a.title, &b.title);
        }
        out
    }

    /// Total planned length of the agenda in minutes, all days together.
    pub fn agenda_minutes(&self) -> u64 {
        self.days.iter().map(Day::minutes).sum()
    }

    /// The instant the meeting starts (its first day's start).
    pub fn start_instant(&self) -> chrono::DateTime<chrono_tz::Tz> {
        match self.first_day() {
            Some(day) => day.start_instant(self.time_zone),
            None => instant_at(self.time_zone, self.starts_at()),
        }
    }

    /// The instant the last day's agenda ends.
    pub fn end_instant(&self) -> chrono::DateTime<chrono_tz::Tz> {
        self.days
            .iter()
            .map(|d| d.summary(self.time_zone).end)
            .max()
            .unwrap_or_else(|| self.start_instant())
    }

    /// What each day adds up to: its items' times, total, end and warnings.
    pub fn day_summaries(&self) -> Vec<DaySummary> {
        self.days
            .iter()
            .map(|d| d.summary(self.time_zone))
            .collect()
    }

    /// An instant as the counterpart's local time, if a counterpart zone is set.
    pub fn counterpart_time(
        &self,
        at: chrono::DateTime<chrono_tz::Tz>,
    ) -> Option<chrono::DateTime<chrono_tz::Tz>> {
        self.counterpart_time_zone
            .map(|other| at.with_timezone(&other))
    }

    /// The end of day `day` with `minutes` more, for the editor's "add item" default.
    pub fn day_end_plus(
        &self,
        day: usize,
        minutes: i64,
    ) -> Option<chrono::DateTime<chrono_tz::Tz>> {
        self.days
            .get(day)
            .map(|d| add_minutes(d.summary(self.time_zone).end, minutes))
    }
}

/// A series of meetings, e.g. an annual working group or a numbered training series.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Series {
    /// Name of the series, shared by all its meetings.
    #[serde(default)]
    pub name: Bilingual,
    /// Edition number within the series (`10` for the 10th event).
    #[serde(default)]
    pub edition: u32,
}

/// One delegation at a meeting.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Side {
    /// Stable id within the meeting.
    pub id: SideId,
    /// Name of the delegation (`Chinese delegation`, `中方`).
    #[serde(default)]
    pub name: Bilingual,
    /// The organisations making up this side.
    #[serde(default)]
    pub organisations: Vec<OrganisationId>,
}

/// One person's place at a meeting.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Attendee {
    /// Who.
    pub person: PersonId,
    /// Which delegation they belong to.
    #[serde(default)]
    pub side: Option<SideId>,
    /// Their role at this meeting.
    #[serde(default)]
    pub role: AttendanceRole,
    /// Invitation status.
    #[serde(default)]
    pub status: AttendanceStatus,
    /// Place in the list as notified (an imported list's order column or row; 1 first, 0
    /// when not numbered): among people of the same role and rank, the order the
    /// delegation gave (see [`Meeting::precedence`]).
    #[serde(default)]
    pub rank: u32,
    /// On site or remote.
    #[serde(default)]
    pub mode: AttendanceMode,
    /// Where the user put this attendee by hand in their side's precedence, if they did;
    /// `None`: where role, rank and list order put them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub placement: Option<super::Placement>,
}

impl Attendee {
    /// A confirmed, on-site member with no side yet.
    pub fn new(person: PersonId) -> Self {
        Self {
            person,
            side: None,
            role: AttendanceRole::default(),
            status: AttendanceStatus::default(),
            rank: 0,
            mode: AttendanceMode::default(),
            placement: None,
        }
    }
}

/// The kind of a meeting.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum MeetingKind {
    /// Two organisations meeting.
    #[default]
    Bilateral,
    /// Many stakeholders around a table.
    Roundtable,
    /// A meeting of a standing working group.
    WorkingGroup,
    /// A technical workshop.
    Workshop,
    /// A training or seminar (often online and offline).
    Training,
    /// A reception or dinner.
    Reception,
    /// A visit of a site, lab or factory.
    SiteVisit,
}

choice_enum!(MeetingKind {
    Bilateral => ("bilateral", "Bilateral meeting", "双边会谈"),
    Roundtable => ("roundtable", "Roundtable", "圆桌会议"),
    WorkingGroup => ("working-group", "Working-group meeting", "工作组会议"),
    Workshop => ("workshop", "Workshop", "研讨会"),
    Training => ("training", "Training / seminar", "培训 / 讲座"),
    Reception => ("reception", "Reception", "招待会"),
    SiteVisit => ("site-visit", "Site visit", "现场参观"),
});

/// A person's role at a meeting.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum AttendanceRole {
    /// Head of delegation.
    HeadOfDelegation,
    /// Deputy head.
    Deputy,
    /// Member of the delegation.
    #[default]
    Member,
    /// Speaker.
    Speaker,
    /// Adviser to the delegation (expert, counsellor), seated after the members.
    Adviser,
    /// Interpreter.
    Interpreter,
    /// Note-taker (记录员): seated behind the delegation at talks.
    NoteTaker,
    /// Observer.
    Observer,
    /// Organiser.
    Organiser,
}

choice_enum!(AttendanceRole {
    HeadOfDelegation => ("head", "Head of delegation", "团长"),
    Deputy => ("deputy", "Deputy head", "副团长"),
    Member => ("member", "Member", "团员"),
    Speaker => ("speaker", "Speaker", "发言人"),
    Adviser => ("adviser", "Adviser", "顾问"),
    Interpreter => ("interpreter", "Interpreter", "翻译"),
    NoteTaker => ("note-taker", "Note-taker", "记录员"),
    Observer => ("observer", "Observer", "观察员"),
    Organiser => ("organiser", "Organiser", "组织者"),
});

/// Invitation status.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum AttendanceStatus {
    /// Invited, no answer yet.
    #[default]
    Invited,
    /// Confirmed.
    Confirmed,
    /// Declined.
    Declined,
    /// Attended (after the meeting).
    Attended,
    /// Expected but not there (marked while taking the minutes).
    Absent,
}

choice_enum!(AttendanceStatus {
    Invited => ("invited", "Invited", "已邀请"),
    Confirmed => ("confirmed", "Confirmed", "已确认"),
    Declined => ("declined", "Declined", "已谢绝"),
    Attended => ("attended", "Attended", "已出席"),
    Absent => ("absent", "Absent", "缺席"),
});

/// On site or remote.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum AttendanceMode {
    /// In the room.
    #[default]
    OnSite,
    /// Online.
    Remote,
}

choice_enum!(AttendanceMode {
    OnSite => ("on-site", "On site", "现场"),
    Remote => ("remote", "Remote", "线上"),
});

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn meeting() -> Meeting {
        let mut m = Meeting::new(
            NaiveDate::from_ymd_opt(2024, 9, 23).unwrap(),
            chrono_tz::Europe::Paris,
        );
        m.days[0].start = NaiveTime::from_hms_opt(14, 0, 0).unwrap();
        for (i, minutes) in [10, 20, 30].into_iter().enumerate() {
            m.days[0].items.push(AgendaItem {
                id: ItemId(format!("i{i}")),
                duration_minutes: minutes,
                ..Default::default()
            });
        }
        m
    }

    fn hm(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    #[test]
    fn the_copy_of_the_details_leaves_out_the_minutes_the_attendees_and_the_days() {
        let mut m = meeting();
        m.minutes = "Minutes. ".repeat(1_000);
        m.minutes_zh = "纪要。".to_owned();
        m.attendees.push(Attendee::new(PersonId::from("p")));
        let small = m.details_without_minutes();
        assert!(small.minutes.is_empty() && small.minutes_zh.is_empty());
        assert!(small.attendees.is_empty());
        assert!(small.days.is_empty());
        let details = m.details();
        assert_eq!(details.minutes, m.minutes);
        assert_eq!(details.minutes_zh, m.minutes_zh);
        assert_eq!(
            m.with_details(details),
            m,
            "the rest comes back from the meeting"
        );
    }

    #[test]
    fn times_follow_durations_and_fixed_starts() {
        let mut m = meeting();
        let s = m.days[0].schedule(m.time_zone);
        assert_eq!(s[1].start.time(), hm(14, 10));
        assert_eq!(s[2].end.time(), hm(15, 0));
        m.days[0].items[2].fixed_start = Some(hm(14, 45));
        let s = m.days[0].schedule(m.time_zone);
        assert_eq!(s[2].gap_minutes, 15, "a gap before a later fixed start");
        m.days[0].items[2].fixed_start = Some(hm(14, 20));
        assert_eq!(
            m.days[0].schedule(m.time_zone)[2].gap_minutes,
            -10,
            "an overlap with an earlier fixed start"
        );
        m.days[0].planned_end = Some(hm(14, 40));
        assert!(m.days[0].summary(m.time_zone).runs_past_end);
        m.days[0].planned_end = Some(hm(15, 0));
        assert!(!m.days[0].summary(m.time_zone).runs_past_end);
    }

    #[test]
    fn next_in_series_carries_nothing_stale() {
        let project = crate::samples::ccaa_afnor().unwrap();
        let paris = project.meetings.values().next().unwrap();
        let date = NaiveDate::from_ymd_opt(2025, 9, 22).unwrap();
        let same = paris.next_in_series(date, false);
        assert_eq!(same.series.as_ref().unwrap().edition, 2);
        assert_eq!(same.time_zone, chrono_tz::Europe::Paris);
        assert_eq!(same.sides, paris.sides);
        assert!(same.attendees.is_empty() && same.item_count() == 0 && same.minutes.is_empty());
        let beijing = paris.next_in_series(date, true);
        assert_eq!(beijing.time_zone, chrono_tz::Asia::Shanghai);
        assert_eq!(
            beijing.counterpart_time_zone,
            Some(chrono_tz::Europe::Paris)
        );
        assert_eq!(beijing.host.as_ref().unwrap().as_str(), "ccaa");
        assert!(beijing.venue.is_empty());
    }

    #[test]
    fn agenda_runs_past_midnight() {
        let mut m = meeting();
        m.days[0].start = hm(23, 40);
        m.days[0].items[2].fixed_start = Some(hm(0, 30));
        let s = m.days[0].schedule(m.time_zone);
        assert_eq!(
            s[1].end.naive_local(),
            m.days[0].date.succ_opt().unwrap().and_time(hm(0, 10))
        );
        assert_eq!(
            s[2].start.naive_local(),
            m.days[0].date.succ_opt().unwrap().and_time(hm(0, 30))
        );
        assert_eq!(s[2].gap_minutes, 20);
        m.days[0].planned_end = Some(hm(0, 45));
        assert!(
            m.days[0].summary(m.time_zone).runs_past_end,
            "ends 01:00 the next day, after 00:45"
        );
        m.days[0].planned_end = Some(hm(1, 0));
        assert!(!m.days[0].summary(m.time_zone).runs_past_end);
    }

    #[test]
    fn spring_forward_keeps_real_durations() {
        // Paris, 31 March 2024: 02:00 becomes 03:00.
        let mut m = meeting();
        m.days[0].date = NaiveDate::from_ymd_opt(2024, 3, 31).unwrap();
        m.days[0].start = hm(1, 30);
        let s = m.days[0].schedule(m.time_zone);
        // 01:30 + 10 min = 01:40; + 20 min = 02:00, which clocks read as 03:00.
        assert_eq!(s[1].start.time(), hm(1, 40));
        assert_eq!(s[2].start.time(), hm(3, 0));
        assert_eq!(s[2].end.time(), hm(3, 30));
        assert_eq!((s[2].end - s[0].start).num_minutes(), 60);
        // A fixed start inside the skipped hour is read as clocks show it then.
        m.days[0].items[2].fixed_start = Some(hm(2, 30));
        assert_eq!(m.days[0].schedule(m.time_zone)[2].start.time(), hm(3, 30));
    }

    #[test]
    fn fall_back_keeps_real_durations() {
        // Paris, 27 October 2024: 03:00 becomes 02:00 again.
        let mut m = meeting();
        m.days[0].date = NaiveDate::from_ymd_opt(2024, 10, 27).unwrap();
        m.days[0].start = hm(2, 30);
        let s = m.days[0].schedule(m.time_zone);
        assert_eq!(
            s[2].start.time(),
            hm(2, 0),
            "02:30 + 30 min is the second 02:00"
        );
        assert_eq!((s[2].end - s[0].start).num_minutes(), 60);
    }

    #[test]
    fn counterpart_time_across_dst() {
        let mut m = meeting();
        m.counterpart_time_zone = Some(chrono_tz::Asia::Shanghai);
        // Summer time in Paris (UTC+2): 14:00 is 20:00 in Beijing.
        assert_eq!(
            m.counterpart_time(m.start_instant()).unwrap().time(),
            hm(20, 0)
        );
        // Winter time (UTC+1): 21:00 in Beijing.
        m.days[0].date = NaiveDate::from_ymd_opt(2024, 11, 4).unwrap();
        assert_eq!(
            m.counterpart_time(m.start_instant()).unwrap().time(),
            hm(21, 0)
        );
        // Brussels 10:00 = Shanghai 16:00 in summer, 17:00 in winter.
        m.time_zone = chrono_tz::Europe::Brussels;
        m.days[0].start = hm(10, 0);
        m.days[0].date = NaiveDate::from_ymd_opt(2024, 7, 1).unwrap();
        assert_eq!(
            m.counterpart_time(m.start_instant()).unwrap().time(),
            hm(16, 0)
        );
        m.days[0].date = NaiveDate::from_ymd_opt(2024, 12, 2).unwrap();
        assert_eq!(
            m.counterpart_time(m.start_instant()).unwrap().time(),
            hm(17, 0)
        );
    }

    #[test]
    fn the_next_meeting_copies_days_without_items_and_moves_years() {
        let mut m = meeting();
        m.title = Bilingual::new("2024 Annual Meeting", "2024年年会");
        m.days[0].title = Bilingual::new("Review of 2023", "2023年回顾");
        let mut second = m.next_day();
        second.title = Bilingual::en("Site visit");
        second.venue = Bilingual::en("Lab");
        m.days.push(second);
        let date = NaiveDate::from_ymd_opt(2025, 9, 22).unwrap();
        let next = m.next_in_series(date, false);
        assert_eq!(
            next.title,
            Bilingual::new("2025 Annual Meeting", "2025年年会")
        );
        assert_eq!(next.days.len(), 2);
        assert_eq!(next.days[0].date, date);
        assert_eq!(next.days[1].date, date.succ_opt().unwrap());
        assert_eq!(next.days[0].start, hm(14, 0));
        assert_eq!(next.days[0].title.en, "Review of 2024");
        assert_eq!(next.days[1].venue.en, "Lab");
        assert_eq!(next.item_count(), 0);
        assert_eq!(
            m.moved_texts(&next),
            [
                (
                    "2024 Annual Meeting".to_owned(),
                    "2025 Annual Meeting".to_owned()
                ),
                ("2024年年会".to_owned(), "2025年年会".to_owned()),
                ("Review of 2023".to_owned(), "Review of 2024".to_owned()),
                ("2023年回顾".to_owned(), "2024年回顾".to_owned()),
            ]
        );
        // Hosted by the other side: the venues are left blank, days and all.
        let away = m.next_in_series(date, true);
        assert!(away.venue.is_empty() && away.days.iter().all(|d| d.venue.is_empty()));
    }

    #[test]
    fn moving_a_day_keeps_the_dates_in_order() {
        let mut m = meeting();
        let mut second = m.next_day();
        second.title = Bilingual::en("Visit");
        m.days.push(second);
        m.move_day(1, 0);
        assert_eq!(m.days[0].title.en, "Visit");
        assert!(m.days[0].items.is_empty());
        assert!(m.days[0].date < m.days[1].date);
        assert_eq!(m.days[1].items.len(), 3);
        assert_eq!(m.start_date(), m.days[0].date);
        assert_eq!(m.dates_text(), "2024-09-23 – 2024-09-24");
    }
}
