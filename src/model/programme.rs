//! A meeting's programme: its days (or sessions), each with a date, a start, a title, an
//! optional venue of its own and its agenda items; and when each item runs.

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use super::{Bilingual, ItemId, PersonId, choice_enum};

/// One day of a meeting's programme, or one session of a day (a morning visit and an
/// afternoon training elsewhere are two days on the same date).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Day {
    /// Local date at the venue.
    pub date: NaiveDate,
    /// Local start time at the venue.
    pub start: NaiveTime,
    /// Planned end, local time; the editor warns when the day's items run past it.
    #[serde(default)]
    pub planned_end: Option<NaiveTime>,
    /// What the day is about (`Technical workshops`), in both languages; may be empty.
    #[serde(default)]
    pub title: Bilingual,
    /// Where this day takes place when it is not the meeting's venue; empty otherwise.
    #[serde(default)]
    pub venue: Bilingual,
    /// The agenda of the day, in order.
    #[serde(default)]
    pub items: Vec<AgendaItem>,
}

impl Day {
    /// A day on `date` starting at `start`, with nothing else filled in.
    pub fn new(date: NaiveDate, start: NaiveTime) -> Self {
        Self {
            date,
            start,
            planned_end: None,
            title: Bilingual::default(),
            venue: Bilingual::default(),
            items: Vec::new(),
        }
    }

    /// The same date, times, title and venue with no items: what the next meeting of a
    /// series starts from.
    pub fn without_items(&self) -> Self {
        // Field by field: `..self.clone()` would copy every item only to drop them, and
        // the day form calls this every frame (2,000 items a frame on a training).
        let Self {
            date,
            start,
            planned_end,
            title,
            venue,
            items: _,
        } = self;
        Self {
            date: *date,
            start: *start,
            planned_end: *planned_end,
            title: title.clone(),
            venue: venue.clone(),
            items: Vec::new(),
        }
    }

    /// The instant the day starts at the venue.
    pub fn start_instant(&self, tz: chrono_tz::Tz) -> chrono::DateTime<chrono_tz::Tz> {
        instant_at(tz, self.date.and_time(self.start))
    }

    /// Total planned length of the day's items in minutes.
    pub fn minutes(&self) -> u64 {
        self.items
            .iter()
            .map(|i| u64::from(i.duration_minutes))
            .sum()
    }

    /// Start and end of every item: each follows the previous one, unless it has a fixed
    /// start, which wins and may leave a gap or an overlap. A fixed time earlier than the
    /// day's start belongs to the next day (a programme running past midnight). Durations
    /// are real elapsed time, so a day across a daylight-saving change keeps its length.
    pub fn schedule(&self, tz: chrono_tz::Tz) -> Vec<Slot> {
        let day_start = self.start_instant(tz);
        let day_start_local = day_start.naive_local();
        let mut cursor = day_start;
        self.items
            .iter()
            .map(|item| {
                let start = match item.fixed_start {
                    Some(fixed) => {
                        let mut local = cursor.date_naive().and_time(fixed);
                        if local < day_start_local {
                            local = local
                                .checked_add_signed(chrono::Duration::days(1))
                                .unwrap_or(local);
                        }
                        instant_at(tz, local)
                    }
                    None => cursor,
                };
                let gap_minutes = (start - cursor).num_minutes();
                let end = add_minutes(start, i64::from(item.duration_minutes));
                cursor = end;
                Slot {
                    start,
                    end,
                    gap_minutes,
                }
            })
            .collect()
    }

    /// The planned end as an instant (the next day when it is before the start).
    pub fn planned_end_instant(
        &self,
        tz: chrono_tz::Tz,
    ) -> Option<chrono::DateTime<chrono_tz::Tz>> {
        self.planned_end.map(|end| {
            let mut local = self.date.and_time(end);
            if end < self.start {
                local = local
                    .checked_add_signed(chrono::Duration::days(1))
                    .unwrap_or(local);
            }
            instant_at(tz, local)
        })
    }

    /// Everything the editor and `check` say about the day, computed in one pass.
    pub fn summary(&self, tz: chrono_tz::Tz) -> DaySummary {
        let slots = self.schedule(tz);
        let start = self.start_instant(tz);
        let end = slots.last().map_or(start, |s| s.end);
        let runs_past_end = self.planned_end_instant(tz).is_some_and(|p| end > p);
        let length_minutes = (end - start).num_minutes();
        DaySummary {
            minutes: self.minutes(),
            start,
            end,
            runs_past_end,
            past_midnight: end.date_naive() > self.date
                && !(end.date_naive() == self.date.succ_opt().unwrap_or(self.date)
                    && end.time() == NaiveTime::MIN),
            too_long: length_minutes > MAX_DAY_MINUTES,
            length_minutes,
            slots,
        }
    }
}

/// A day longer than this (16 h) is reported by `check`: a typing slip, not a programme.
pub const MAX_DAY_MINUTES: i64 = 16 * 60;

/// An item longer than this (24 h) is reported by `check`.
pub const MAX_ITEM_MINUTES: u32 = 24 * 60;

/// Days outside these years are reported by `check` (a year typed wrong).
pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

/// What one day adds up to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DaySummary {
    /// When each item runs.
    pub slots: Vec<Slot>,
    /// Total of the items' durations in minutes.
    pub minutes: u64,
    /// When the day starts.
    pub start: chrono::DateTime<chrono_tz::Tz>,
    /// When its last item ends (its start when it has none).
    pub end: chrono::DateTime<chrono_tz::Tz>,
    /// Minutes from the start to the end, gaps and overlaps included.
    pub length_minutes: i64,
    /// True when the items end after the planned end.
    pub runs_past_end: bool,
    /// True when the items end after midnight (ending at midnight exactly is not past it).
    pub past_midnight: bool,
    /// True when the day lasts longer than [`MAX_DAY_MINUTES`].
    pub too_long: bool,
}

/// `t` plus `minutes`, or `t` itself when that would leave the calendar chrono knows (a
/// hostile file with absurd durations must not panic).
pub fn add_minutes(
    t: chrono::DateTime<chrono_tz::Tz>,
    minutes: i64,
) -> chrono::DateTime<chrono_tz::Tz> {
    chrono::Duration::try_minutes(minutes)
        .and_then(|d| t.checked_add_signed(d))
        .unwrap_or(t)
}

/// One item of an agenda.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgendaItem {
    /// Stable id within the meeting (unique across its days).
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
    /// Who speaks, from the project's people.
    #[serde(default)]
    pub speakers: Vec<PersonId>,
    /// Speakers who are not in the project, as written (`Mr. Helge ENGELHARD (BMWi)`).
    #[serde(default)]
    pub guest_speakers: Vec<String>,
    /// Who chairs or hosts the item (`主持人：`, `Chair:`), from the project's people (V4).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub chairs: Vec<PersonId>,
    /// Chairs who are not in the project, as written (V4).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub guest_chairs: Vec<String>,
    /// Free notes: for the planners only, unless marked for the programme.
    #[serde(default)]
    pub notes: String,
    /// Who the notes are for: internal (the default, and what every older note is), or
    /// printed in the programme.
    #[serde(default)]
    pub notes_audience: super::NoteAudience,
    /// What came of it at the meeting: summary and decisions (the minutes).
    #[serde(default)]
    pub outcome: super::Outcome,
}

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

impl AgendaItemKind {
    /// Whether items of this kind carry a number in the agenda and the minutes: breaks,
    /// meals and receptions are the programme's pauses, not its business, and go
    /// unnumbered in both.
    pub fn is_numbered(self) -> bool {
        !matches!(self, Self::Break | Self::Meal | Self::Reception)
    }
}

/// The number of each item, in programme order (days together): `Some(1)`, `Some(2)`…
/// for the numbered ones, `None` for the breaks between them. The agenda and the minutes
/// print these same numbers.
pub fn item_numbers<'a>(items: impl IntoIterator<Item = &'a AgendaItem>) -> Vec<Option<usize>> {
    let mut next = 0;
    items
        .into_iter()
        .map(|item| {
            item.kind.is_numbered().then(|| {
                next += 1;
                next
            })
        })
        .collect()
}

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
        LocalResult::None => {
            let later = local
                .checked_add_signed(chrono::Duration::hours(1))
                .unwrap_or(local);
            match tz.from_local_datetime(&later) {
                LocalResult::Single(t) | LocalResult::Ambiguous(t, _) => t,
                // No zone skips two hours; fall back to reading the time as UTC.
                LocalResult::None => tz.from_utc_datetime(&local),
            }
        }
    }
}

/// How many days `date` lies after `reference`, as the agenda marks it: `(+1)`, `(−1)`
/// (with a real minus sign), nothing on the same day.
pub fn day_mark(date: NaiveDate, reference: NaiveDate) -> String {
    match (date - reference).num_days() {
        0 => String::new(),
        d if d > 0 => format!(" (+{d})"),
        d => format!(" (\u{2212}{})", d.unsigned_abs()),
    }
}

/// `2026 Annual Meeting` with the years moved by `delta` (`2027 Annual Meeting`): every
/// four-digit number within a year of `around` that stands alone (no digit before or
/// after it; `2026年` counts, `ISO 20261` does not).
pub fn move_years(text: &str, around: i32, delta: i32) -> String {
    let mut out = String::with_capacity(text.len());
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        let run = chars
            .get(i..)
            .unwrap_or_default()
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count();
        if run == 0 {
            out.push(c);
            i += 1;
            continue;
        }
        let digits: String = chars.get(i..i + run).unwrap_or_default().iter().collect();
        match digits.parse::<i32>() {
            Ok(year) if run == 4 && (year - around).abs() <= 1 => {
                out.push_str(&(year + delta).to_string());
            }
            _ => out.push_str(&digits),
        }
        i += run;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hm(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    fn day(start: NaiveTime, minutes: &[u32]) -> Day {
        let mut d = Day::new(NaiveDate::from_ymd_opt(2024, 11, 4).unwrap(), start);
        for (i, m) in minutes.iter().enumerate() {
            d.items.push(AgendaItem {
                id: ItemId(format!("i{i}")),
                duration_minutes: *m,
                ..Default::default()
            });
        }
        d
    }

    #[test]
    fn a_day_without_its_items_keeps_everything_else() {
        let mut d = day(hm(9, 30), &[20, 40]);
        d.planned_end = Some(hm(17, 0));
        d.title = crate::model::Bilingual::new("Technical workshops", "技术研讨");
        d.venue = crate::model::Bilingual::new("Room 301", "301 会议室");
        let empty = d.without_items();
        assert!(empty.items.is_empty());
        assert_eq!(
            Day {
                items: d.items.clone(),
                ..empty
            },
            d
        );
    }

    #[test]
    fn a_day_past_midnight_or_too_long_is_noticed() {
        let tz = chrono_tz::Asia::Shanghai;
        let ok = day(hm(9, 0), &[60, 60]).summary(tz);
        assert!(!ok.past_midnight && !ok.too_long);
        assert_eq!(ok.end.time(), hm(11, 0));
        let late = day(hm(23, 0), &[90]).summary(tz);
        assert!(late.past_midnight, "ends 00:30 the next day");
        let midnight = day(hm(23, 0), &[60]).summary(tz);
        assert!(!midnight.past_midnight, "ends at midnight exactly");
        let long = day(hm(8, 0), &[17 * 60]).summary(tz);
        assert!(long.too_long && long.past_midnight);
        assert_eq!(long.length_minutes, 17 * 60);
        // Absurd durations saturate instead of panicking.
        let absurd = day(hm(9, 0), &[u32::MAX; 300]).summary(tz);
        assert!(absurd.too_long);
    }

    #[test]
    fn items_are_numbered_once_and_breaks_not_at_all() {
        let mut d = day(hm(9, 0), &[10, 10, 10, 10, 10]);
        let kinds = [
            AgendaItemKind::OpeningRemarks,
            AgendaItemKind::Break,
            AgendaItemKind::Discussion,
            AgendaItemKind::Meal,
            AgendaItemKind::Signing,
        ];
        for (item, kind) in d.items.iter_mut().zip(kinds) {
            item.kind = kind;
        }
        assert_eq!(
            item_numbers(&d.items),
            [Some(1), None, Some(2), None, Some(3)]
        );
    }

    #[test]
    fn day_marks_use_a_real_minus() {
        let d = NaiveDate::from_ymd_opt(2024, 11, 4).unwrap();
        assert_eq!(day_mark(d, d), "");
        assert_eq!(day_mark(d.succ_opt().unwrap(), d), " (+1)");
        assert_eq!(day_mark(d.pred_opt().unwrap(), d), " (\u{2212}1)");
    }

    #[test]
    fn years_move_in_both_languages_and_nothing_else_does() {
        assert_eq!(
            move_years("2026 Annual Meeting", 2026, 1),
            "2027 Annual Meeting"
        );
        assert_eq!(move_years("2026年度会议", 2026, 1), "2027年度会议");
        assert_eq!(
            move_years("Review of 2025, plan for 2026–2027", 2026, 1),
            "Review of 2026, plan for 2027–2028"
        );
        assert_eq!(
            move_years("ISO 27001 and ISO 9001", 2026, 1),
            "ISO 27001 and ISO 9001"
        );
        assert_eq!(move_years("1999 and 20260", 2026, 1), "1999 and 20260");
    }
}
