//! Time zones by their city and country in English and Chinese (`Europe/Berlin`: Berlin,
//! 柏林, Germany, 德国), from the Unicode CLDR (`zones.tsv`, made by `scripts/zones.py`):
//! what the time-zone picker searches and every agenda export names a zone by.

use std::sync::OnceLock;

use chrono::{NaiveDate, Offset as _, TimeZone as _};

/// One time zone's names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ZoneNames {
    /// The IANA name (`Europe/Berlin`).
    pub zone: &'static str,
    /// Its city in English (`Berlin`).
    pub city_en: &'static str,
    /// Its city in Chinese (`柏林`).
    pub city_zh: &'static str,
    /// The ISO code of its country (`DE`); empty for zones of no country (`UTC`).
    pub country_code: &'static str,
    /// Its country in English.
    pub country_en: &'static str,
    /// Its country in Chinese.
    pub country_zh: &'static str,
    /// False for an old alias (`Asia/Chongqing` is Shanghai time).
    pub canonical: bool,
}

const TABLE: &str = include_str!("zones.tsv");

/// Cities people search for that keep the time of another zone's city (Beijing keeps
/// Shanghai time), in both languages.
const CITY_ALIASES: &[(&str, &str)] = &[
    (
        "Asia/Shanghai",
        "Beijing 北京 Shenzhen 深圳 Guangzhou 广州 Hangzhou 杭州 Nanjing 南京",
    ),
    (
        "Europe/Berlin",
        "Frankfurt 法兰克福 Munich München 慕尼黑 Bonn 波恩 Cologne Köln 科隆",
    ),
    (
        "Europe/Paris",
        "Saint-Denis 圣但尼 Lyon 里昂 Strasbourg 斯特拉斯堡",
    ),
    ("Europe/Zurich", "Geneva Genève 日内瓦 Bern 伯尔尼"),
    ("America/New_York", "Washington 华盛顿"),
    ("Asia/Kolkata", "Delhi New Delhi 新德里 Mumbai 孟买"),
];

/// Other cities that keep `tz`'s time, for search (`Beijing` finds Asia/Shanghai).
pub fn other_cities(tz: chrono_tz::Tz) -> &'static str {
    CITY_ALIASES
        .iter()
        .find(|(zone, _)| *zone == tz.name())
        .map_or("", |(_, cities)| cities)
}

/// Every zone of the table, sorted by IANA name.
pub fn all_zones() -> &'static [ZoneNames] {
    static ZONES: OnceLock<Vec<ZoneNames>> = OnceLock::new();
    ZONES.get_or_init(|| {
        let mut zones: Vec<ZoneNames> = TABLE
            .lines()
            .filter_map(|line| {
                let mut f = line.split('\t');
                Some(ZoneNames {
                    zone: f.next()?,
                    city_en: f.next()?,
                    city_zh: f.next()?,
                    country_code: f.next().unwrap_or_default(),
                    country_en: f.next().unwrap_or_default(),
                    country_zh: f.next().unwrap_or_default(),
                    canonical: f.next() != Some("0"),
                })
            })
            .collect();
        zones.sort_by_key(|z| z.zone);
        zones
    })
}

/// The names of `tz`, when the table has it.
pub fn zone_names(tz: chrono_tz::Tz) -> Option<&'static ZoneNames> {
    let zones = all_zones();
    zones
        .binary_search_by_key(&tz.name(), |z| z.zone)
        .ok()
        .and_then(|i| zones.get(i))
}

/// The city a zone is named by, in Chinese or English (`Europe/Berlin` → `柏林` /
/// `Berlin`); for a zone the table lacks, the last part of its IANA name.
pub fn zone_city(tz: chrono_tz::Tz, chinese: bool) -> String {
    match zone_names(tz) {
        Some(z) if chinese => z.city_zh.to_owned(),
        Some(z) => z.city_en.to_owned(),
        None => tz
            .name()
            .rsplit('/')
            .next()
            .unwrap_or_default()
            .replace('_', " "),
    }
}

/// The zones of the country an organisation gives as its own (`France`, `中国`, `CN`,
/// `EU` for Brussels), in table order, old aliases left out; none when the text names no
/// country.
pub fn zones_of_country(country: &str) -> Vec<chrono_tz::Tz> {
    let wanted = country.trim().to_lowercase();
    if wanted.is_empty() {
        return Vec::new();
    }
    // Not countries in the table, but what organisations write.
    let alias = match wanted.as_str() {
        "eu" | "european union" | "欧盟" => Some("BE"),
        "uk" | "great britain" | "england" | "英国" => Some("GB"),
        "usa" | "us" | "america" => Some("US"),
        "prc" | "p.r. china" | "mainland china" => Some("CN"),
        _ => None,
    };
    all_zones()
        .iter()
        .filter(|z| {
            z.canonical
                && !z.country_code.is_empty()
                && (alias == Some(z.country_code)
                    || z.country_code.eq_ignore_ascii_case(&wanted)
                    || z.country_en.to_lowercase() == wanted
                    || z.country_zh == wanted)
        })
        .filter_map(|z| z.zone.parse().ok())
        .collect()
}

/// The offset from UTC of `tz` on `date` (at noon), as `UTC+08:00`.
pub fn utc_offset_text(tz: chrono_tz::Tz, date: NaiveDate) -> String {
    let noon = date.and_hms_opt(12, 0, 0).unwrap_or_default();
    let seconds = tz.offset_from_utc_datetime(&noon).fix().local_minus_utc();
    let sign = if seconds < 0 { '−' } else { '+' };
    let s = seconds.unsigned_abs();
    format!("UTC{sign}{:02}:{:02}", s / 3600, (s % 3600) / 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cities_and_countries_in_both_languages() {
        assert_eq!(zone_city(chrono_tz::Europe::Berlin, false), "Berlin");
        assert_eq!(zone_city(chrono_tz::Europe::Berlin, true), "柏林");
        assert_eq!(zone_city(chrono_tz::Asia::Shanghai, true), "上海");
        let paris = zone_names(chrono_tz::Europe::Paris).unwrap();
        assert_eq!((paris.country_en, paris.country_zh), ("France", "法国"));
        assert_eq!(
            zones_of_country("中国").first(),
            Some(&chrono_tz::Asia::Shanghai)
        );
        assert_eq!(zones_of_country("France"), [chrono_tz::Europe::Paris]);
        assert_eq!(zones_of_country("EU"), [chrono_tz::Europe::Brussels]);
        assert!(zones_of_country("").is_empty());
        // Every zone chrono-tz knows has a name to show, from the table or its own.
        for tz in chrono_tz::TZ_VARIANTS {
            assert!(!zone_city(tz, true).is_empty(), "{}", tz.name());
        }
        assert!(all_zones().len() > 400);
    }

    #[test]
    fn offsets_follow_the_date() {
        let summer = NaiveDate::from_ymd_opt(2024, 7, 1).unwrap();
        let winter = NaiveDate::from_ymd_opt(2024, 12, 1).unwrap();
        assert_eq!(
            utc_offset_text(chrono_tz::Europe::Paris, summer),
            "UTC+02:00"
        );
        assert_eq!(
            utc_offset_text(chrono_tz::Europe::Paris, winter),
            "UTC+01:00"
        );
        assert_eq!(
            utc_offset_text(chrono_tz::America::New_York, winter),
            "UTC−05:00"
        );
        assert_eq!(
            utc_offset_text(chrono_tz::Asia::Kolkata, winter),
            "UTC+05:30"
        );
    }
}
