//! Property test: any programme the generator writes, in the conventions of English,
//! French, German or Chinese offices (title line or not, day lines with dates and
//! weekdays, `上午`/`下午` sections or prefixes, `Uhr`, `9h30`, `am`/`pm`, ranges with
//! – — ~ 至 bis à, speakers after by, par, durch, 主讲：), reads back to the same days and
//! items: day, start, end, title and speakers.

#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use chrono::{Datelike as _, Duration, NaiveDate, NaiveTime, Timelike as _, Weekday};
use delegation_planner::import::agenda_text;
use delegation_planner::model::{Meeting, Project};
use proptest::prelude::*;

#[derive(Clone, Copy, Debug)]
enum Lang {
    En,
    Fr,
    De,
    Zh,
}

#[derive(Clone, Debug)]
struct Item {
    start: NaiveTime,
    end: NaiveTime,
    title: &'static str,
    speaker: Option<&'static str>,
}

#[derive(Clone, Debug)]
struct Programme {
    lang: Lang,
    title_line: bool,
    /// Chinese only: half-day section lines rather than `上午`/`下午` on every time.
    sections: bool,
    /// English only: `2:30 pm` rather than `14:30`.
    twelve_hour: bool,
    days: Vec<Vec<Item>>,
}

const FIRST: (i32, u32, u32) = (2025, 5, 12);

fn titles(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::En => &[
            "Opening session",
            "Technical exchange",
            "Lab visit",
            "Working lunch",
            "Closing remarks",
            "Signing ceremony",
        ],
        Lang::Fr => &[
            "Séance d'ouverture",
            "Échange technique",
            "Visite du laboratoire",
            "Déjeuner de travail",
            "Conclusions",
        ],
        Lang::De => &[
            "Eröffnung",
            "Fachaustausch",
            "Laborbesichtigung",
            "Arbeitsessen",
            "Schlusswort",
        ],
        Lang::Zh => &["开幕式", "技术交流", "参观实验室", "工作午餐", "闭幕式"],
    }
}

fn speakers(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::En => &["Dr. Anna LEE", "Mr. John SMITH"],
        Lang::Fr => &["M. Jean DUPONT", "Mme Claire MARTIN"],
        Lang::De => &["Dr. Klaus Berg", "Frau Anna Schmidt"],
        Lang::Zh => &["刘江", "王伟"],
    }
}

fn item_strategy(lang: Lang) -> impl Strategy<Value = (usize, u32, u32, Option<usize>)> {
    (
        0..titles(lang).len(),
        0u32..3, // gap before, in quarters of an hour
        1u32..7, // length, in quarters of an hour
        prop::option::of(0..speakers(lang).len()),
    )
}

fn programme() -> impl Strategy<Value = Programme> {
    prop_oneof![
        Just(Lang::En),
        Just(Lang::Fr),
        Just(Lang::De),
        Just(Lang::Zh)
    ]
    .prop_flat_map(|lang| {
        (
            any::<bool>(),
            any::<bool>(),
            any::<bool>(),
            prop::collection::vec(
                (0u32..4, prop::collection::vec(item_strategy(lang), 1..6)),
                1..4,
            ),
        )
            .prop_map(move |(title_line, sections, twelve_hour, days)| Programme {
                lang,
                title_line,
                sections,
                twelve_hour,
                days: days
                    .into_iter()
                    .map(|(first_hour, items)| {
                        // From 8:00 to 11:00, never past 20:00.
                        let mut at = (8 + first_hour) * 60;
                        items
                            .into_iter()
                            .map(|(t, gap, len, s)| {
                                let start = at + gap * 15;
                                let end = start + len * 15;
                                at = end;
                                Item {
                                    start: NaiveTime::from_hms_opt(start / 60, start % 60, 0)
                                        .unwrap(),
                                    end: NaiveTime::from_hms_opt(end / 60, end % 60, 0).unwrap(),
                                    title: titles(lang)[t],
                                    speaker: s.map(|s| speakers(lang)[s]),
                                }
                            })
                            .collect()
                    })
                    .collect(),
            })
    })
}

fn weekday(lang: Lang, w: Weekday) -> &'static str {
    let i = w.num_days_from_monday() as usize;
    match lang {
        Lang::En => [
            "Monday",
            "Tuesday",
            "Wednesday",
            "Thursday",
            "Friday",
            "Saturday",
            "Sunday",
        ][i],
        Lang::Fr => [
            "Lundi", "Mardi", "Mercredi", "Jeudi", "Vendredi", "Samedi", "Dimanche",
        ][i],
        Lang::De => [
            "Montag",
            "Dienstag",
            "Mittwoch",
            "Donnerstag",
            "Freitag",
            "Samstag",
            "Sonntag",
        ][i],
        Lang::Zh => [
            "星期一",
            "星期二",
            "星期三",
            "星期四",
            "星期五",
            "星期六",
            "星期日",
        ][i],
    }
}

fn month(lang: Lang, m: u32) -> &'static str {
    let i = m as usize - 1;
    match lang {
        Lang::En => [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ][i],
        Lang::Fr => [
            "janvier",
            "février",
            "mars",
            "avril",
            "mai",
            "juin",
            "juillet",
            "août",
            "septembre",
            "octobre",
            "novembre",
            "décembre",
        ][i],
        _ => [
            "Januar",
            "Februar",
            "März",
            "April",
            "Mai",
            "Juni",
            "Juli",
            "August",
            "September",
            "Oktober",
            "November",
            "Dezember",
        ][i],
    }
}

fn day_line(lang: Lang, date: NaiveDate) -> String {
    let w = weekday(lang, date.weekday());
    let (d, m, y) = (date.day(), date.month(), date.year());
    match lang {
        Lang::En => format!("{w}, {d} {} {y}", month(lang, m)),
        Lang::Fr => format!("{w} {d} {} {y}", month(lang, m)),
        Lang::De => format!("{w}, {d}. {} {y}", month(lang, m)),
        Lang::Zh => format!("{m}月{d}日（{w}）"),
    }
}

fn twelve(t: NaiveTime) -> (u32, u32) {
    let h = t.hour() % 12;
    (if h == 0 { 12 } else { h }, t.minute())
}

/// The item line in the language's conventions.
fn item_line(p: &Programme, item: &Item, k: usize) -> String {
    let (s, e) = (item.start, item.end);
    match p.lang {
        Lang::En => {
            let time = |t: NaiveTime| {
                if p.twelve_hour {
                    let (h, m) = twelve(t);
                    format!("{h}:{m:02} {}", if t.hour() < 12 { "am" } else { "pm" })
                } else {
                    format!("{:02}:{:02}", t.hour(), t.minute())
                }
            };
            let dash = ["–", "-", " to "][k % 3];
            let by = item
                .speaker
                .map(|sp| [format!(" — {sp}"), format!(" by {sp}")][k % 2].clone())
                .unwrap_or_default();
            format!("{}{dash}{} {}{by}", time(s), time(e), item.title)
        }
        Lang::Fr => {
            let time = |t: NaiveTime| match (t.minute(), k % 2) {
                (0, _) => format!("{}h", t.hour()),
                (m, 0) => format!("{}h{m:02}", t.hour()),
                (m, _) => format!("{} h {m:02}", t.hour()),
            };
            let dash = [" – ", " à "][k % 2];
            let by = item
                .speaker
                .map(|sp| format!(" par {sp}"))
                .unwrap_or_default();
            format!("{}{dash}{} {}{by}", time(s), time(e), item.title)
        }
        Lang::De => {
            let time = |t: NaiveTime| {
                if k.is_multiple_of(2) {
                    format!("{:02}:{:02}", t.hour(), t.minute())
                } else {
                    format!("{}.{:02}", t.hour(), t.minute())
                }
            };
            let dash = [" – ", " bis "][k % 2];
            let by = item
                .speaker
                .map(|sp| format!(" durch {sp}"))
                .unwrap_or_default();
            format!("{}{dash}{} Uhr  {}{by}", time(s), time(e), item.title)
        }
        Lang::Zh => {
            let half = |t: NaiveTime| if t.hour() < 12 { "上午" } else { "下午" };
            let time = |t: NaiveTime| {
                let (h, m) = if t.hour() == 12 {
                    (12, t.minute())
                } else {
                    twelve(t)
                };
                format!("{h}:{m:02}")
            };
            let dash = ["—", "-", "至", "~"][k % 4];
            let by = item
                .speaker
                .map(|sp| format!(" 主讲：{sp}"))
                .unwrap_or_default();
            if p.sections {
                format!("{}{dash}{} {}{by}", time(s), time(e), item.title)
            } else {
                let end_half = if half(e) == half(s) { "" } else { half(e) };
                format!(
                    "{}{}{dash}{end_half}{} {}{by}",
                    half(s),
                    time(s),
                    time(e),
                    item.title
                )
            }
        }
    }
}

fn write(p: &Programme) -> String {
    let mut out = String::new();
    if p.title_line {
        out.push_str(match p.lang {
            Lang::En => "Programme — Delegation visit\n\n",
            Lang::Fr => "Programme de la visite de la délégation\n",
            Lang::De => "Programm – Besuch der Delegation\n",
            Lang::Zh => "代表团访问日程安排\n",
        });
    }
    let first = NaiveDate::from_ymd_opt(FIRST.0, FIRST.1, FIRST.2).unwrap();
    for (d, items) in p.days.iter().enumerate() {
        out.push_str(&day_line(p.lang, first + Duration::days(d as i64)));
        out.push('\n');
        let mut section = None;
        for (k, item) in items.iter().enumerate() {
            if p.sections && matches!(p.lang, Lang::Zh) {
                let half = if item.start.hour() < 12 {
                    "上午"
                } else {
                    "下午"
                };
                if section != Some(half) {
                    out.push_str(half);
                    out.push('\n');
                    section = Some(half);
                }
            }
            out.push_str(&item_line(p, item, k));
            out.push('\n');
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(500)
    ))]

    #[test]
    fn a_written_programme_reads_back(p in programme()) {
        // Chinese sections are only written when every item's range stays in its half.
        let p = Programme {
            sections: p.sections
                && p.days.iter().flatten().all(|i| (i.start.hour() < 12) == (i.end.hour() < 12 || i.end == NaiveTime::from_hms_opt(12, 0, 0).unwrap())),
            ..p
        };
        let text = write(&p);
        let first = NaiveDate::from_ymd_opt(FIRST.0, FIRST.1, FIRST.2).unwrap();
        let mut meeting = Meeting::new(first - Duration::days(30), chrono_tz::Asia::Shanghai);
        meeting.days[0].start = NaiveTime::from_hms_opt(10, 0, 0).unwrap();
        let project = Project::default();
        let preview = agenda_text::parse(&text, &project, Some(&meeting));
        let plan = agenda_text::plan(&meeting, &preview, true);
        let m = &plan.meeting;
        prop_assert_eq!(m.days.len(), p.days.len(), "{}", text);
        prop_assert_eq!(preview.title.is_some(), p.title_line, "{}", text);
        for (d, (day, items)) in m.days.iter().zip(&p.days).enumerate() {
            prop_assert_eq!(day.date, first + Duration::days(d as i64), "{}", text);
            let slots = day.schedule(m.time_zone);
            prop_assert_eq!(day.items.len(), items.len(), "{}", text);
            for ((got, slot), want) in day.items.iter().zip(&slots).zip(items) {
                prop_assert_eq!(slot.start.time(), want.start, "{}", text);
                prop_assert_eq!(slot.end.time(), want.end, "{}", text);
                prop_assert_eq!(got.title.both(), want.title, "{}", text);
                let speakers: Vec<&str> = got.guest_speakers.iter().map(String::as_str).collect();
                prop_assert_eq!(speakers, want.speaker.into_iter().collect::<Vec<_>>(), "{}", text);
            }
        }
        // Nothing the preview says is a warning about times.
        prop_assert!(
            !plan.notes.iter().any(|n| matches!(
                n,
                agenda_text::PlanNote::EndBeforeStart { .. }
                    | agenda_text::PlanNote::TimeBeforePrevious { .. }
                    | agenda_text::PlanNote::TimeUnread { .. }
                    | agenda_text::PlanNote::TimeNotUsed { .. }
            )),
            "{:?}\n{}",
            plan.notes,
            text
        );
    }
}
