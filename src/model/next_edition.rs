//! Planning the next edition of a series (issue 27): its date after today by the series'
//! rhythm, and the texts copied from the last edition that name its place, host or year,
//! for the user to review before they go out.

use chrono::{Datelike as _, Months, NaiveDate};

use super::{Bilingual, Meeting, MeetingId, Project};

/// A series with no earlier edition to measure from meets once a year.
const DEFAULT_RHYTHM_MONTHS: u32 = 12;

/// A text of the next edition that may be stale, and the word of the last edition it names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextToReview {
    /// The text as copied.
    pub text: String,
    /// The place, host or year it names (`Berlin`, `DIN`, `2025`).
    pub names: String,
}

impl Project {
    /// The first day proposed for the edition after meeting `id`: its first day moved by
    /// the series' rhythm (the months between the edition before and this one, else a
    /// year), as many times as it takes to fall after `today`, so that the new meeting
    /// shows under Upcoming. `None` when the meeting is gone.
    pub fn next_edition_date(&self, id: &MeetingId, today: NaiveDate) -> Option<NaiveDate> {
        let meeting = self.meetings.get(id)?;
        let start = meeting.start_date();
        let months = self
            .edition_before(meeting)
            .map(|before| rhythm(months_between(before.start_date(), start)))
            .filter(|&m| m > 0)
            .unwrap_or(DEFAULT_RHYTHM_MONTHS);
        let mut date = start.checked_add_months(Months::new(months))?;
        // A bounded loop: dates stay within the calendar the app accepts.
        for _ in 0..1000 {
            if date > today {
                return Some(date);
            }
            date = date.checked_add_months(Months::new(months))?;
        }
        Some(date)
    }

    /// The edition of `meeting`'s series numbered one less, if the project holds it.
    fn edition_before(&self, meeting: &Meeting) -> Option<&Meeting> {
        let series = meeting.series.as_ref()?;
        let before = series.edition.checked_sub(1)?;
        self.meetings.values().find(|m| {
            m.series
                .as_ref()
                .is_some_and(|s| s.name == series.name && s.edition == before)
        })
    }
}

/// The rhythm a gap between two editions shows: the nearest of monthly, quarterly,
/// half-yearly, yearly or every two years (an annual meeting held in May, then in June
/// the next year, is still annual).
fn rhythm(months: u32) -> u32 {
    if months == 0 {
        return 0;
    }
    [1u32, 3, 6, 12, 24]
        .into_iter()
        .min_by_key(|r| r.abs_diff(months))
        .unwrap_or(DEFAULT_RHYTHM_MONTHS)
}

/// Whole months from `a` to `b` (by calendar month).
fn months_between(a: NaiveDate, b: NaiveDate) -> u32 {
    let n = (b.year() - a.year()) * 12 + i32::try_from(b.month()).unwrap_or(0)
        - i32::try_from(a.month()).unwrap_or(0);
    u32::try_from(n).unwrap_or(0)
}

impl Meeting {
    /// The texts of `next` (its title, its days' titles and venues) that name this
    /// meeting's place (its venues, its time zone's city), its host (acronym or name) or a
    /// year other than its own: copied from the last edition, they may no longer hold and
    /// are listed for review. One entry per text, with the first word it names.
    pub fn texts_to_review(&self, next: &Self, project: &Project) -> Vec<TextToReview> {
        let mut terms: Vec<String> = Vec::new();
        let mut add_place = |b: &Bilingual| {
            for part in [&b.en, &b.zh] {
                terms.extend(place_words(part));
            }
        };
        add_place(&self.venue);
        for day in &self.days {
            add_place(&day.venue);
        }
        for chinese in [false, true] {
            terms.push(super::zones::zone_city(self.time_zone, chinese));
        }
        if let Some(host) = self
            .host
            .as_ref()
            .and_then(|h| project.organisations.get(h))
        {
            terms.push(host.acronym.clone());
            terms.push(host.name.en.clone());
            terms.push(host.name.zh.clone());
        }
        terms.retain(|t| t.chars().count() >= 2);
        terms.sort();
        terms.dedup();

        let mut texts: Vec<&str> = vec![&next.title.en, &next.title.zh];
        for day in &next.days {
            texts.extend([
                day.title.en.as_str(),
                day.title.zh.as_str(),
                day.venue.en.as_str(),
                day.venue.zh.as_str(),
            ]);
        }
        texts.extend([next.venue.en.as_str(), next.venue.zh.as_str()]);
        let mut out: Vec<TextToReview> = Vec::new();
        for text in texts {
            if text.trim().is_empty() || out.iter().any(|r| r.text == text) {
                continue;
            }
            // A year is stale when it is not the new edition's own (years next to the
            // last edition's were moved already, and are shown as such).
            let own_year = next.start_date().year().to_string();
            let named = terms
                .iter()
                .find(|term| names_term(text, term))
                .cloned()
                .or_else(|| year_in(text, &own_year));
            if let Some(names) = named {
                out.push(TextToReview {
                    text: text.to_owned(),
                    names,
                });
            }
        }
        out
    }
}

/// The words of a venue that name a place: capitalised Latin words (`Berlin`, `Trappes`,
/// `AFNOR`) and the runs of Chinese between punctuation (`柏林`).
fn place_words(venue: &str) -> Vec<String> {
    venue
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| {
            let mut chars = w.chars();
            match chars.next() {
                Some(c) if c.is_ascii_alphabetic() => c.is_uppercase() && w.len() >= 3,
                Some(c) => !c.is_ascii() && w.chars().count() >= 2,
                None => false,
            }
        })
        .map(str::to_owned)
        .collect()
}

/// Whether `text` names `term`: as a whole word for Latin terms, anywhere for Chinese.
pub(super) fn names_term(text: &str, term: &str) -> bool {
    if !term.is_ascii() {
        return text.contains(term);
    }
    let lower = text.to_lowercase();
    let term = term.to_lowercase();
    lower.match_indices(&term).any(|(i, _)| {
        let before = lower.get(..i).and_then(|s| s.chars().next_back());
        let after = lower.get(i + term.len()..).and_then(|s| s.chars().next());
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// The first year written in `text` (four digits from 1900 to 2199, not part of a longer
/// number) other than `except`.
fn year_in(text: &str, except: &str) -> Option<String> {
    text.split(|c: char| !c.is_ascii_digit())
        .find(|run| {
            run.len() == 4
                && *run != except
                && run.parse::<u32>().is_ok_and(|y| (1900..2200).contains(&y))
        })
        .map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Organisation, Series};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn the_next_date_follows_the_rhythm_and_falls_after_today() {
        let mut project = Project::default();
        let mut first = Meeting::new(d(2024, 5, 12), chrono_tz::Europe::Berlin);
        first.series = Some(Series {
            name: Bilingual::new("WG", ""),
            edition: 1,
        });
        let mut second = first.clone();
        second.move_to(d(2024, 11, 12));
        second.series = Some(Series {
            name: Bilingual::new("WG", ""),
            edition: 2,
        });
        project.meetings.insert("wg-1".into(), first);
        project.meetings.insert("wg-2".into(), second);
        // Every six months, the first after today.
        assert_eq!(
            project.next_edition_date(&"wg-2".into(), d(2025, 1, 1)),
            Some(d(2025, 5, 12))
        );
        assert_eq!(
            project.next_edition_date(&"wg-2".into(), d(2026, 12, 1)),
            Some(d(2027, 5, 12))
        );
        // Thirteen months apart is still once a year.
        project
            .meetings
            .get_mut(&MeetingId::from("wg-2"))
            .unwrap()
            .move_to(d(2025, 6, 20));
        assert_eq!(
            project.next_edition_date(&"wg-2".into(), d(2026, 12, 1)),
            Some(d(2027, 6, 20))
        );
        // No edition before: a year, then a year again until after today.
        assert_eq!(
            project.next_edition_date(&"wg-1".into(), d(2026, 12, 1)),
            Some(d(2027, 5, 12))
        );
        assert_eq!(
            project.next_edition_date(&"gone".into(), d(2026, 12, 1)),
            None
        );
    }

    #[test]
    fn texts_naming_the_last_place_host_or_year_are_listed() {
        let mut project = Project::default();
        project.organisations.insert(
            "din".into(),
            Organisation {
                acronym: "DIN".into(),
                name: Bilingual::new("German Institute for Standardization", "德国标准化学会"),
                ..Default::default()
            },
        );
        let mut berlin = Meeting::new(d(2025, 5, 12), chrono_tz::Europe::Berlin);
        berlin.title = Bilingual::new("CCAA visit to Berlin", "中国认证认可协会访问柏林");
        berlin.venue = Bilingual::new("DIN headquarters, Berlin", "德国标准化学会，柏林");
        berlin.host = Some("din".into());
        let mut day2 = berlin.days[0].clone();
        day2.title = Bilingual::new("Visit of the DIN test lab", "");
        berlin.days.push(day2);
        let mut plain = berlin.days[0].clone();
        plain.title = Bilingual::new("Working session", "工作会议");
        berlin.days.push(plain);
        berlin.days[0].title = Bilingual::new("2025 exchange, ten years since 2015", "");
        let next = berlin.next_in_series(d(2026, 5, 12), true);
        let review = berlin.texts_to_review(&next, &project);
        let pairs: Vec<(&str, &str)> = review
            .iter()
            .map(|r| (r.text.as_str(), r.names.as_str()))
            .collect();
        assert_eq!(
            pairs,
            [
                ("CCAA visit to Berlin", "Berlin"),
                ("中国认证认可协会访问柏林", "柏林"),
                ("2026 exchange, ten years since 2015", "2015"),
                ("Visit of the DIN test lab", "DIN"),
            ]
        );
        // A word inside another is not the place: "Berlingo" is not Berlin.
        assert!(!names_term("Berlingo rally", "Berlin"));
        assert!(names_term("in berlin.", "Berlin"));
    }
}
