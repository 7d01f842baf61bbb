//! Participant statistics: counts by sector, organisation, country, side and status, as the
//! reports quote them ("74% industry, 16% government, 10% NGO").

use std::collections::BTreeMap;

use super::{Attendee, Choice, Meeting, Project};

/// What to count by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StatBy {
    /// The sector of each person's organisation.
    Sector,
    /// Their organisation.
    Organisation,
    /// Their organisation's country.
    Country,
    /// Their side at the meeting (meetings only).
    Side,
    /// Their attendance status (meetings only).
    Status,
}

impl StatBy {
    /// Every way of counting that applies: all five for a meeting, three for the project.
    pub fn applicable(for_meeting: bool) -> &'static [Self] {
        if for_meeting {
            &[
                Self::Sector,
                Self::Organisation,
                Self::Country,
                Self::Side,
                Self::Status,
            ]
        } else {
            &[Self::Sector, Self::Organisation, Self::Country]
        }
    }
}

/// One bar of a breakdown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Count {
    /// What is counted (English and Chinese label).
    pub label: super::Bilingual,
    /// How many.
    pub count: usize,
}

impl Count {
    /// Share of `total` in whole percent, rounded.
    pub fn percent(&self, total: usize) -> usize {
        (self.count * 100 + total / 2)
            .checked_div(total)
            .unwrap_or(0)
    }
}

/// Counts for a meeting's attendees (declined ones excluded) or, without a meeting, for
/// all people of the project; largest first, then by label.
pub fn breakdown(project: &Project, meeting: Option<&Meeting>, by: StatBy) -> Vec<Count> {
    let unknown = || super::Bilingual::new("Not given", "未填写");
    let mut counts: BTreeMap<super::Bilingual, usize> = BTreeMap::new();
    let mut add = |label: super::Bilingual| *counts.entry(label).or_default() += 1;
    let label_of = |person_id: &super::PersonId, attendee: Option<&Attendee>| -> super::Bilingual {
        let org = project
            .people
            .get(person_id)
            .and_then(|p| p.organisation.as_ref())
            .and_then(|o| project.organisations.get(o));
        match by {
            StatBy::Sector => org.map_or_else(unknown, |o| {
                super::Bilingual::new(o.sector.label_en(), o.sector.label_zh())
            }),
            StatBy::Organisation => org.map_or_else(unknown, |o| {
                if o.acronym.is_empty() {
                    o.name.clone()
                } else {
                    super::Bilingual::new(o.acronym.clone(), o.acronym.clone())
                }
            }),
            StatBy::Country => org
                .filter(|o| !o.country.trim().is_empty())
                .map_or_else(unknown, |o| {
                    super::Bilingual::new(o.country.clone(), o.country.clone())
                }),
            StatBy::Side => attendee
                .and_then(|a| a.side.as_ref())
                .and_then(|s| meeting.and_then(|m| m.side(s)))
                .map_or_else(unknown, |s| s.name.clone()),
            StatBy::Status => attendee.map_or_else(unknown, |a| {
                super::Bilingual::new(a.status.label_en(), a.status.label_zh())
            }),
        }
    };
    match meeting {
        Some(m) => {
            for a in &m.attendees {
                if by != StatBy::Status && a.status == super::AttendanceStatus::Declined {
                    continue;
                }
                add(label_of(&a.person, Some(a)));
            }
        }
        None => {
            for id in project.people.keys() {
                add(label_of(id, None));
            }
        }
    }
    let mut out: Vec<Count> = counts
        .into_iter()
        .map(|(label, count)| Count { label, count })
        .collect();
    out.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.label.cmp(&b.label)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_and_percentages() {
        let project = crate::samples::ccaa_afnor().unwrap();
        let m = project.meetings.values().next();
        let by_org = breakdown(&project, m, StatBy::Organisation);
        assert_eq!(by_org[0].label.en, "AFNOR");
        assert_eq!(by_org[0].count, 4);
        assert_eq!(by_org[0].percent(7), 57);
        assert_eq!(by_org[1].percent(7), 43);
        let by_sector = breakdown(&project, None, StatBy::Sector);
        assert_eq!(by_sector.iter().map(|c| c.count).sum::<usize>(), 7);
        let by_status = breakdown(&project, m, StatBy::Status);
        assert_eq!(
            by_status,
            vec![Count {
                label: crate::model::Bilingual::new("Attended", "已出席"),
                count: 7
            }]
        );
    }
}
