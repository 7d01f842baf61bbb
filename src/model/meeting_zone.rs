//! The time zone a meeting's place gives it (issue 27): a venue that names a city with a
//! time zone of its own, else the host organisation's country; a new meeting then needs
//! no time zone picked by hand.

use super::zones::{all_zones, zones_of_country};
use super::{Meeting, Project};

impl Project {
    /// The time zone `meeting`'s place gives: its venue naming a zone's city (`DIN,
    /// Berlin`, `上海国际会议中心`), else its host organisation's country (`Germany`);
    /// `None` when neither says.
    pub fn zone_of_place(&self, meeting: &Meeting) -> Option<chrono_tz::Tz> {
        let venue = &meeting.venue;
        let from_venue = all_zones().iter().find(|z| {
            z.canonical
                && !z.country_code.is_empty()
                && ((z.city_en.len() >= 3 && super::next_edition::names_term(&venue.en, z.city_en))
                    || (z.city_zh.chars().count() >= 2 && venue.zh.contains(z.city_zh)))
        });
        if let Some(zone) = from_venue.and_then(|z| z.zone.parse().ok()) {
            return Some(zone);
        }
        let host = meeting
            .host
            .as_ref()
            .and_then(|h| self.organisations.get(h))?;
        zones_of_country(&host.country).first().copied()
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::model::{Bilingual, Organisation};

    #[test]
    fn the_venue_s_city_then_the_host_s_country() {
        let mut project = Project::default();
        project.organisations.insert(
            "din".into(),
            Organisation {
                acronym: "DIN".into(),
                country: "Germany".into(),
                ..Default::default()
            },
        );
        project.organisations.insert(
            "ccaa".into(),
            Organisation {
                acronym: "CCAA".into(),
                country: "中国".into(),
                ..Default::default()
            },
        );
        let date = NaiveDate::from_ymd_opt(2025, 5, 12).unwrap();
        let mut m = Meeting::new(date, chrono_tz::Europe::Paris);
        assert_eq!(project.zone_of_place(&m), None);
        m.host = Some("ccaa".into());
        assert_eq!(project.zone_of_place(&m), Some(chrono_tz::Asia::Shanghai));
        m.venue = Bilingual::new("DIN headquarters, Berlin", "");
        assert_eq!(project.zone_of_place(&m), Some(chrono_tz::Europe::Berlin));
        m.venue = Bilingual::new("", "上海国际会议中心");
        assert_eq!(project.zone_of_place(&m), Some(chrono_tz::Asia::Shanghai));
        // A word that only contains a city is not the city.
        m.venue = Bilingual::new("Parisian Hall", "");
        m.host = Some("din".into());
        assert_eq!(project.zone_of_place(&m), Some(chrono_tz::Europe::Berlin));
    }
}
