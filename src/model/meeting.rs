use chrono::{NaiveDate, NaiveTime};

use serde::{Deserialize, Serialize};

use super::{Bilingual, ItemId, OrganisationId, PersonId, SideId, choice_enum};

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
    /// Local date at the venue.
    pub date: NaiveDate,
    /// Local start time at the venue.
    pub start_time: NaiveTime,
    /// Planned end, local time; the agenda warns when it runs past it.
    #[serde(default)]
    pub planned_end: Option<NaiveTime>,
    /// IANA time zone of the venue (`Europe/Paris`).
    pub time_zone: chrono_tz::Tz,
    /// The other side's time zone, shown beside every time (`Asia/Shanghai`).
    #[serde(default)]
    pub counterpart_time_zone: Option<chrono_tz::Tz>,
    /// Where it takes place, in both languages.
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
    /// The agenda, in order.
    #[serde(default)]
    pub agenda: Vec<AgendaItem>,
    /// Minutes and free notes.
    #[serde(default)]
    pub minutes: String,
    /// Expected number of participants for large events (online trainings, roundtables).
    #[serde(default)]
    pub expected_participants: Option<u32>,
}

impl Meeting {
    /// A new meeting on `date` at 09:00 in `time_zone`, with nothing else filled in.
    pub fn new(date: NaiveDate, time_zone: chrono_tz::Tz) -> Self {
        Self {
            title: Bilingual::default(),
            kind: MeetingKind::default(),
            date,
            start_time: NaiveTime::from_hms_opt(9, 0, 0).unwrap_or(NaiveTime::MIN),
            planned_end: None,
            time_zone,
            counterpart_time_zone: None,
            venue: Bilingual::default(),
            host: None,
            series: None,
            sides: Vec::new(),
            attendees: Vec::new(),
            agenda: Vec::new(),
            minutes: String::new(),
            expected_participants: None,
        }
    }

    /// A copy of everything but the attendees and the agenda, which may be long: what a
    /// details form edits without copying 20,000 attendees every frame.
    pub fn details(&self) -> Self {
        Self {
            minutes: self.minutes.clone(),
            ..self.details_without_minutes()
        }
    }

    /// [`Self::details`] without the minutes, for an editor that shows minutes too long to
    /// edit from the meeting itself rather than copying them every frame.
    pub fn details_without_minutes(&self) -> Self {
        Self {
            title: self.title.clone(),
            kind: self.kind,
            date: self.date,
            start_time: self.start_time,
            planned_end: self.planned_end,
            time_zone: self.time_zone,
            counterpart_time_zone: self.counterpart_time_zone,
            venue: self.venue.clone(),
            host: self.host.clone(),
            series: self.series.clone(),
            sides: self.sides.clone(),
            attendees: Vec::new(),
            agenda: Vec::new(),
            minutes: String::new(),
            expected_participants: self.expected_participants,
        }
    }

    /// This meeting with the details of `details` (everything but attendees and agenda).
    pub fn with_details(&self, details: Self) -> Self {
        Self {
            attendees: self.attendees.clone(),
            agenda: self.agenda.clone(),
            ..details
        }
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
        let n = self.agenda.len() + 1;
        ItemId(super::ids::unique_slug(&format!("item-{n}"), "item", |s| {
            self.agenda.iter().any(|item| item.id.0 == s)
        }))
    }

    /// The next meeting of this one's series, on `date`: same kind, title, sides, start
    /// and times, edition + 1; no attendees, agenda or minutes (nothing stale). With
    /// `alternate`, the other side hosts: time zones swap and the venue is left blank.
    pub fn next_in_series(&self, date: NaiveDate, alternate: bool) -> Self {
        let mut next = Self::new(date, self.time_zone);
        next.title = self.title.clone();
        next.kind = self.kind;
        next.start_time = self.start_time;
        next.planned_end = self.planned_end;
        next.counterpart_time_zone = self.counterpart_time_zone;
        next.venue = self.venue.clone();
        next.host = self.host.clone();
        next.sides = self.sides.clone();
        next.expected_participants = self.expected_participants;
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

    /// Indices of the attendees of `side` (`None`: no side, or a side that does not exist)
    /// in protocol order, ties kept in list order.
    pub fn side_order(&self, side: Option<&SideId>) -> Vec<usize> {
        let mut idx: Vec<usize> = self
            .attendees
            .iter()
            .enumerate()
            .filter(|(_, a)| match side {
                Some(s) => a.side.as_ref() == Some(s),
                None => a.side.as_ref().is_none_or(|s| self.side(s).is_none()),
            })
            .map(|(i, _)| i)
            .collect();
        idx.sort_by_key(|i| (self.attendees.get(*i).map(Attendee::protocol_key), *i));
        idx
    }

    /// Whether the attendee at index `index` can move one place up (or down) in its side's
    /// protocol order: not past the end, and not past someone of another precedence (the
    /// head of delegation, the deputy), which only a change of role can do.
    pub fn can_move_attendee(&self, index: usize, up: bool) -> bool {
        let Some(attendee) = self.attendees.get(index) else {
            return false;
        };
        let order = self.side_order(attendee.side.as_ref());
        let Some(pos) = order.iter().position(|i| *i == index) else {
            return false;
        };
        let other = if up {
            pos.checked_sub(1)
        } else {
            Some(pos + 1)
        };
        other
            .and_then(|o| order.get(o))
            .and_then(|i| self.attendees.get(*i))
            .is_some_and(|o| o.protocol_key().0 == attendee.protocol_key().0)
    }

    /// Moves an attendee one place up or down in its side's protocol order and renumbers
    /// the side's ranks 1, 2, 3… so the order is explicit in the file. Roles never change
    /// here: a move past someone of another precedence (the head of delegation comes
    /// first) is refused, and false returned; see [`Self::can_move_attendee`].
    pub fn move_attendee(&mut self, person: &PersonId, up: bool) -> bool {
        let Some((index, side)) = self
            .attendees
            .iter()
            .enumerate()
            .find(|(_, a)| &a.person == person)
            .map(|(i, a)| (i, a.side.clone()))
        else {
            return false;
        };
        if !self.can_move_attendee(index, up) {
            return false;
        }
        let mut order = self.side_order(side.as_ref());
        let Some(pos) = order
            .iter()
            .position(|i| self.attendees.get(*i).is_some_and(|a| &a.person == person))
        else {
            return false;
        };
        let other = if up {
            pos.checked_sub(1)
        } else {
            Some(pos + 1).filter(|p| *p < order.len())
        };
        let Some(other) = other else {
            return false;
        };
        order.swap(pos, other);
        for (rank, i) in order.iter().enumerate() {
            if let Some(a) = self.attendees.get_mut(*i) {
                a.rank = u32::try_from(rank + 1).unwrap_or(u32::MAX);
            }
        }
        true
    }

    /// Total planned length of the agenda in minutes.
    pub fn agenda_minutes(&self) -> u32 {
        // Saturating: a hostile file's durations must not overflow (see `validate`).
        self.agenda
            .iter()
            .fold(0u32, |sum, i| sum.saturating_add(i.duration_minutes))
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
    /// Protocol rank within the side: 1 is the head of delegation.
    #[serde(default)]
    pub rank: u32,
    /// On site or remote.
    #[serde(default)]
    pub mode: AttendanceMode,
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
        }
    }
}

impl Attendee {
    /// Protocol order within a side: head of delegation, then deputy, then by rank (0 =
    /// unranked, last).
    pub fn protocol_key(&self) -> (u8, u32) {
        let role = match self.role {
            AttendanceRole::HeadOfDelegation => 0,
            AttendanceRole::Deputy => 1,
            _ => 2,
        };
        (role, if self.rank == 0 { u32::MAX } else { self.rank })
    }
}

/// One item of an agenda.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgendaItem {
    /// Stable id within the meeting.
    pub id: ItemId,
    /// Title in both languages.
    #[serde(default)]
    pub title: Bilingual,
    /// What kind of item.
    #[serde(default)]
    pub kind: AgendaItemKind,
    /// Planned length in minutes.
    #[serde(default)]
    pub duration_minutes: u32,
    /// A start time that does not follow from the items before (a lunch at 12:30).
    #[serde(default)]
    pub fixed_start: Option<NaiveTime>,
    /// Who speaks.
    #[serde(default)]
    pub speakers: Vec<PersonId>,
    /// Free notes.
    #[serde(default)]
    pub notes: String,
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

/// The kind of an agenda item.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum AgendaItemKind {
    /// Opening or welcome remarks.
    OpeningRemarks,
    /// A presentation.
    #[default]
    Presentation,
    /// A discussion.
    Discussion,
    /// A coffee break.
    Break,
    /// Lunch or dinner.
    Meal,
    /// Signing of an agreement.
    Signing,
    /// A reception.
    Reception,
    /// A visit.
    Visit,
}

choice_enum!(AgendaItemKind {
    OpeningRemarks => ("opening", "Opening remarks", "开幕致辞"),
    Presentation => ("presentation", "Presentation", "报告"),
    Discussion => ("discussion", "Discussion", "讨论"),
    Break => ("break", "Break", "茶歇"),
    Meal => ("meal", "Meal", "用餐"),
    Signing => ("signing", "Signing", "签约"),
    Reception => ("reception", "Reception", "招待会"),
    Visit => ("visit", "Visit", "参观"),
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
    /// Interpreter.
    Interpreter,
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
    Interpreter => ("interpreter", "Interpreter", "翻译"),
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
}

choice_enum!(AttendanceStatus {
    Invited => ("invited", "Invited", "已邀请"),
    Confirmed => ("confirmed", "Confirmed", "已确认"),
    Declined => ("declined", "Declined", "已谢绝"),
    Attended => ("attended", "Attended", "已出席"),
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

/// When one agenda item runs, in the venue's time zone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Slot {
    /// Start.
    pub start: chrono::DateTime<chrono_tz::Tz>,
    /// End.
    pub end: chrono::DateTime<chrono_tz::Tz>,
    /// Minutes between the end of the previous item and this start: positive is a gap,
    /// negative an overlap (only a fixed start can make either).
    pub gap_minutes: i64,
}

/// The instant a wall-clock time at the venue stands for. A time skipped by a
/// daylight-saving jump (02:30 on the spring change day) is taken an hour later, as
/// clocks read then; a repeated one (autumn) is its first occurrence.
pub fn instant_at(
    tz: chrono_tz::Tz,
    local: chrono::NaiveDateTime,
) -> chrono::DateTime<chrono_tz::Tz> {
    use chrono::TimeZone as _;
    use chrono::offset::LocalResult;
    match tz.from_local_datetime(&local) {
        LocalResult::Single(t) | LocalResult::Ambiguous(t, _) => t,
        LocalResult::None => match local
            .checked_add_signed(chrono::Duration::hours(1))
            .map(|later| tz.from_local_datetime(&later))
            .unwrap_or(LocalResult::None)
        {
            LocalResult::Single(t) | LocalResult::Ambiguous(t, _) => t,
            // No zone skips two hours; fall back to reading the time as UTC.
            LocalResult::None => tz.from_utc_datetime(&local),
        },
    }
}

impl Meeting {
    /// The instant the meeting starts.
    pub fn start_instant(&self) -> chrono::DateTime<chrono_tz::Tz> {
        instant_at(self.time_zone, self.date.and_time(self.start_time))
    }

    /// Start and end of every agenda item: each follows the previous one, unless it has a
    /// fixed start, which wins and may leave a gap or an overlap. Durations are real
    /// elapsed time, so an agenda across a daylight-saving change keeps its length.
    pub fn schedule(&self) -> Vec<Slot> {
        let meeting_start = self.start_instant();
        let mut cursor = meeting_start;
        self.agenda
            .iter()
            .map(|item| {
                let start = match item.fixed_start {
                    Some(fixed) => {
                        let mut local = cursor.date_naive().and_time(fixed);
                        // A fixed time earlier than the meeting's start belongs to the next day
                        // (an agenda running past midnight).
                        if local < meeting_start.naive_local() {
                            // Checked: at the end of the calendar a hostile file's
                            // date has no next day (reported by `validate`).
                            local = local
                                .checked_add_signed(chrono::Duration::days(1))
                                .unwrap_or(local);
                        }
                        instant_at(self.time_zone, local)
                    }
                    None => cursor,
                };
                let gap_minutes = (start - cursor).num_minutes();
                // Checked, for the same reason: the end of time is the end of the item.
                let end = start
                    .checked_add_signed(chrono::Duration::minutes(i64::from(item.duration_minutes)))
                    .unwrap_or(start);
                cursor = end;
                Slot {
                    start,
                    end,
                    gap_minutes,
                }
            })
            .collect()
    }

    /// The end of the agenda; the start when the agenda is empty.
    pub fn agenda_end(&self) -> chrono::DateTime<chrono_tz::Tz> {
        self.schedule()
            .last()
            .map_or_else(|| self.start_instant(), |s| s.end)
    }

    /// The planned end as an instant (the next day when it is before the start).
    pub fn planned_end_instant(&self) -> Option<chrono::DateTime<chrono_tz::Tz>> {
        self.planned_end.map(|end| {
            let mut local = self.date.and_time(end);
            if end < self.start_time {
                local = local
                    .checked_add_signed(chrono::Duration::days(1))
                    .unwrap_or(local);
            }
            instant_at(self.time_zone, local)
        })
    }

    /// True when the agenda ends after the planned end.
    pub fn runs_past_end(&self) -> bool {
        self.planned_end_instant()
            .is_some_and(|planned| self.agenda_end() > planned)
    }

    /// An instant as the counterpart's local time, if a counterpart zone is set.
    pub fn counterpart_time(
        &self,
        at: chrono::DateTime<chrono_tz::Tz>,
    ) -> Option<chrono::DateTime<chrono_tz::Tz>> {
        self.counterpart_time_zone
            .map(|other| at.with_timezone(&other))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn meeting() -> Meeting {
        let mut m = Meeting::new(
            NaiveDate::from_ymd_opt(2024, 9, 23).unwrap(),
            chrono_tz::Europe::Paris,
        );
        m.start_time = NaiveTime::from_hms_opt(14, 0, 0).unwrap();
        for (i, minutes) in [10, 20, 30].into_iter().enumerate() {
            m.agenda.push(AgendaItem {
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
    fn times_follow_durations_and_fixed_starts() {
        let mut m = meeting();
        let s = m.schedule();
        assert_eq!(s[1].start.time(), hm(14, 10));
        assert_eq!(s[2].end.time(), hm(15, 0));
        m.agenda[2].fixed_start = Some(hm(14, 45));
        let s = m.schedule();
        assert_eq!(s[2].gap_minutes, 15, "a gap before a later fixed start");
        m.agenda[2].fixed_start = Some(hm(14, 20));
        assert_eq!(
            m.schedule()[2].gap_minutes,
            -10,
            "an overlap with an earlier fixed start"
        );
        m.planned_end = Some(hm(14, 40));
        assert!(m.runs_past_end());
        m.planned_end = Some(hm(15, 0));
        assert!(!m.runs_past_end());
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
        assert!(same.attendees.is_empty() && same.agenda.is_empty() && same.minutes.is_empty());
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
    fn reordering_attendees_renumbers_and_never_changes_a_role() {
        let project = crate::samples::ccaa_afnor().unwrap();
        let mut m = project.meetings.values().next().unwrap().clone();
        let afnor = Some(SideId::from("afnor"));
        let names = |m: &Meeting| -> Vec<String> {
            m.side_order(afnor.as_ref())
                .iter()
                .map(|i| m.attendees[*i].person.0.clone())
                .collect()
        };
        assert_eq!(
            names(&m),
            [
                "augereau-landais-myriam",
                "tsai-august",
                "shen-cindy",
                "zhang-peter"
            ]
        );
        m.move_attendee(&PersonId::from("zhang-peter"), true);
        assert_eq!(
            names(&m),
            [
                "augereau-landais-myriam",
                "tsai-august",
                "zhang-peter",
                "shen-cindy"
            ]
        );
        // A member cannot pass the head of delegation: nothing moves, no role changes
        // (this used to make the member head of delegation silently).
        let before = m.clone();
        assert!(!m.move_attendee(&PersonId::from("tsai-august"), true));
        assert_eq!(m, before);
        assert_eq!(names(&m)[0], "augereau-landais-myriam");
        let myriam = m
            .attendees
            .iter()
            .find(|a| a.person.as_str() == "augereau-landais-myriam")
            .unwrap();
        assert_eq!(
            (myriam.rank, myriam.role),
            (1, AttendanceRole::HeadOfDelegation)
        );
        // The other side is untouched; moving past the end does nothing.
        m.move_attendee(&PersonId::from("shen-cindy"), false);
        assert_eq!(names(&m)[3], "shen-cindy");
        assert_eq!(m.side_order(Some(&SideId::from("ccaa"))).len(), 3);
    }

    #[test]
    fn agenda_runs_past_midnight() {
        let mut m = meeting();
        m.start_time = hm(23, 40);
        m.agenda[2].fixed_start = Some(hm(0, 30));
        let s = m.schedule();
        assert_eq!(
            s[1].end.naive_local(),
            m.date.succ_opt().unwrap().and_time(hm(0, 10))
        );
        assert_eq!(
            s[2].start.naive_local(),
            m.date.succ_opt().unwrap().and_time(hm(0, 30))
        );
        assert_eq!(s[2].gap_minutes, 20);
        m.planned_end = Some(hm(0, 45));
        assert!(m.runs_past_end(), "ends 01:00 the next day, after 00:45");
        m.planned_end = Some(hm(1, 0));
        assert!(!m.runs_past_end());
    }

    #[test]
    fn spring_forward_keeps_real_durations() {
        // Paris, 31 March 2024: 02:00 becomes 03:00.
        let mut m = meeting();
        m.date = NaiveDate::from_ymd_opt(2024, 3, 31).unwrap();
        m.start_time = hm(1, 30);
        let s = m.schedule();
        // 01:30 + 10 min = 01:40; + 20 min = 02:00, which clocks read as 03:00.
        assert_eq!(s[1].start.time(), hm(1, 40));
        assert_eq!(s[2].start.time(), hm(3, 0));
        assert_eq!(s[2].end.time(), hm(3, 30));
        assert_eq!((s[2].end - s[0].start).num_minutes(), 60);
        // A fixed start inside the skipped hour is read as clocks show it then.
        m.agenda[2].fixed_start = Some(hm(2, 30));
        assert_eq!(m.schedule()[2].start.time(), hm(3, 30));
    }

    #[test]
    fn fall_back_keeps_real_durations() {
        // Paris, 27 October 2024: 03:00 becomes 02:00 again.
        let mut m = meeting();
        m.date = NaiveDate::from_ymd_opt(2024, 10, 27).unwrap();
        m.start_time = hm(2, 30);
        let s = m.schedule();
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
        m.date = NaiveDate::from_ymd_opt(2024, 11, 4).unwrap();
        assert_eq!(
            m.counterpart_time(m.start_instant()).unwrap().time(),
            hm(21, 0)
        );
        // Brussels 10:00 = Shanghai 16:00 in summer, 17:00 in winter.
        m.time_zone = chrono_tz::Europe::Brussels;
        m.start_time = hm(10, 0);
        m.date = NaiveDate::from_ymd_opt(2024, 7, 1).unwrap();
        assert_eq!(
            m.counterpart_time(m.start_instant()).unwrap().time(),
            hm(16, 0)
        );
        m.date = NaiveDate::from_ymd_opt(2024, 12, 2).unwrap();
        assert_eq!(
            m.counterpart_time(m.start_instant()).unwrap().time(),
            hm(17, 0)
        );
    }
}
