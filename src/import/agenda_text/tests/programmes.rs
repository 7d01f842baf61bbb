//! Programmes over several days: Chinese and full-width times, bilingual titles, day
//! lines in every form, and what a two-day paste does to a meeting.

#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use super::super::*;
use super::t;
use chrono::NaiveDate;

/// `(line, start, end, duration, title, speakers)` for the forms added with programmes over
/// several days: Chinese and full-width times, bilingual titles, speakers with their
/// organisation, unreadable times.
#[test]
fn more_line_forms_chinese_ones_included() {
    type Case<'a> = (
        &'a str,
        Option<NaiveTime>,
        Option<NaiveTime>,
        Option<u32>,
        &'a str,
        &'a [&'a str],
    );
    let cases: &[Case<'_>] = &[
        ("上午9:00 开幕致辞", t(9, 0), None, None, "开幕致辞", &[]),
        ("上午 9:00 开幕致辞", t(9, 0), None, None, "开幕致辞", &[]),
        (
            "下午2点 参观实验室",
            t(14, 0),
            None,
            None,
            "参观实验室",
            &[],
        ),
        ("下午2点半 茶歇", t(14, 30), None, None, "茶歇", &[]),
        ("14时30分 讨论", t(14, 30), None, None, "讨论", &[]),
        ("14时 讨论", t(14, 0), None, None, "讨论", &[]),
        ("９：００ 签到", t(9, 0), None, None, "签到", &[]),
        (
            "１４：３０－１５：００ 茶歇",
            t(14, 30),
            t(15, 0),
            None,
            "茶歇",
            &[],
        ),
        (
            "15：15－16：00 交流讨论",
            t(15, 15),
            t(16, 0),
            None,
            "交流讨论",
            &[],
        ),
        (
            "下午2点-4点 工作组会议",
            t(14, 0),
            t(16, 0),
            None,
            "工作组会议",
            &[],
        ),
        (
            "下午2:00-下午3:30 培训",
            t(14, 0),
            t(15, 30),
            None,
            "培训",
            &[],
        ),
        (
            "上午9:00至10:30 技术研讨",
            t(9, 0),
            t(10, 30),
            None,
            "技术研讨",
            &[],
        ),
        ("晚上7点 欢迎晚宴", t(19, 0), None, None, "欢迎晚宴", &[]),
        ("中午12点 午餐", t(12, 0), None, None, "午餐", &[]),
        ("中午1点 午餐", t(13, 0), None, None, "午餐", &[]),
        ("下午两点 参观", t(14, 0), None, None, "参观", &[]),
        ("上午九点半 开幕", t(9, 30), None, None, "开幕", &[]),
        (
            "9点30分 致辞 — 黄继先",
            t(9, 30),
            None,
            None,
            "致辞",
            &["黄继先"],
        ),
        ("下午2点一刻 讨论", t(14, 15), None, None, "讨论", &[]),
        ("半小时 茶歇", None, None, Some(30), "茶歇", &[]),
        (
            "14:00 30分钟 欢迎致辞",
            t(14, 0),
            None,
            Some(30),
            "欢迎致辞",
            &[],
        ),
        (
            "09:00 签署合作备忘录 Signing of the MoU",
            t(9, 0),
            None,
            None,
            "签署合作备忘录 Signing of the MoU",
            &[],
        ),
        (
            "14:00 Roundtable — Dr. Betty XU, Mr. XIAO Han and Ms. Ester CAÑADA AMELA",
            t(14, 0),
            None,
            None,
            "Roundtable",
            &["Dr. Betty XU", "Mr. XIAO Han", "Ms. Ester CAÑADA AMELA"],
        ),
        (
            "10:00 Energy transition — Mr. Helge ENGELHARD (BMWi)",
            t(10, 0),
            None,
            None,
            "Energy transition",
            &["Mr. Helge ENGELHARD (BMWi)"],
        ),
        (
            "10:00 Standards — Ms. A LI (SAC, Beijing), Mr. B WANG",
            t(10, 0),
            None,
            None,
            "Standards",
            &["Ms. A LI (SAC, Beijing)", "Mr. B WANG"],
        ),
        (
            "9:00 am Registration",
            t(9, 0),
            None,
            None,
            "Registration",
            &[],
        ),
        ("9.30am Welcome", t(9, 30), None, None, "Welcome", &[]),
        ("12:00 pm Lunch", t(12, 0), None, None, "Lunch", &[]),
        (
            "12:30 a.m. Departure",
            t(0, 30),
            None,
            None,
            "Departure",
            &[],
        ),
        (
            "10h00-10h30 Pause café",
            t(10, 0),
            t(10, 30),
            None,
            "Pause café",
            &[],
        ),
        (
            "14:00 to 15:30 Plenary",
            t(14, 0),
            t(15, 30),
            None,
            "Plenary",
            &[],
        ),
        ("一、上午9:00 开幕式", t(9, 0), None, None, "开幕式", &[]),
        ("（二）下午2点 参观", t(14, 0), None, None, "参观", &[]),
        ("25:00 Dinner", None, None, None, "Dinner", &[]),
        ("9:75 Talk", None, None, None, "Talk", &[]),
        ("下午13点 讨论", None, None, None, "讨论", &[]),
        (
            "1小时 午餐 — 王 茜",
            None,
            None,
            Some(60),
            "午餐",
            &["王 茜"],
        ),
        (
            "Site visit (2 hours)",
            None,
            None,
            Some(120),
            "Site visit",
            &[],
        ),
    ];
    assert!(cases.len() >= 30, "{}", cases.len());
    for (raw, start, end, duration, title, speakers) in cases {
        let line = parse_line(raw).unwrap_or_else(|| panic!("no item from {raw:?}"));
        assert_eq!(line.start, *start, "start of {raw:?}");
        assert_eq!(line.end, *end, "end of {raw:?}");
        assert_eq!(line.duration, *duration, "duration of {raw:?}");
        assert_eq!(line.title, *title, "title of {raw:?}");
        let got: Vec<_> = line.speakers.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(got, *speakers, "speakers of {raw:?}");
    }
    // The unreadable ones say so.
    for raw in ["25:00 Dinner", "9:75 Talk", "下午13点 讨论"] {
        let line = parse_line(raw).unwrap();
        assert!(line.unread_time.is_some(), "{raw:?}");
    }
    assert_eq!(
        parse_line("下午13点 讨论").unwrap().unread_time.as_deref(),
        Some("下午13点")
    );
}

#[test]
fn bilingual_titles_are_split_and_codes_are_not() {
    let cases = [
        (
            "签署合作备忘录 Signing of the MoU",
            ("Signing of the MoU", "签署合作备忘录"),
        ),
        (
            "Signing of the MoU 签署合作备忘录",
            ("Signing of the MoU", "签署合作备忘录"),
        ),
        ("Opening / 开幕式", ("Opening", "开幕式")),
        ("Welcome speech（欢迎致辞）", ("Welcome speech", "欢迎致辞")),
        (
            "签署《合作备忘录》 Signing",
            ("Signing", "签署《合作备忘录》"),
        ),
        ("AFNOR 介绍", ("", "AFNOR 介绍")),
        ("ISO 50001 审核员互认", ("", "ISO 50001 审核员互认")),
        ("签署 MoU 备忘录", ("", "签署 MoU 备忘录")),
        ("Presentation of AFNOR", ("Presentation of AFNOR", "")),
        ("开幕致辞", ("", "开幕致辞")),
    ];
    for (text, (en, zh)) in cases {
        let b = titles::split_bilingual(text);
        assert_eq!((b.en.as_str(), b.zh.as_str()), (en, zh), "{text:?}");
    }
}

#[test]
fn day_lines_in_every_form() {
    let d = |month, day| {
        Some(WrittenDate {
            year: None,
            month,
            day,
        })
    };
    let dy = |year, month, day| {
        Some(WrittenDate {
            year: Some(year),
            month,
            day,
        })
    };
    use chrono::Weekday::{Mon, Tue};
    type Case<'a> = (
        &'a str,
        Option<u32>,
        Option<WrittenDate>,
        Option<chrono::Weekday>,
        &'a str,
    );
    let cases: &[Case<'_>] = &[
        (
            "Day 2 — Tuesday, 5 November 2019",
            Some(2),
            dy(2019, 11, 5),
            Some(Tue),
            "",
        ),
        (
            "Day 2 — Wednesday, 9 December",
            Some(2),
            d(12, 9),
            Some(chrono::Weekday::Wed),
            "",
        ),
        ("11月5日（星期二）", None, d(11, 5), Some(Tue), ""),
        (
            "2019年11月4日 星期一 技术研讨会",
            None,
            dy(2019, 11, 4),
            Some(Mon),
            "技术研讨会",
        ),
        ("第二天", Some(2), None, None, ""),
        (
            "第一天：技术研讨会 Technical workshops",
            Some(1),
            None,
            None,
            "技术研讨会 Technical workshops",
        ),
        ("mardi 5 novembre", None, d(11, 5), Some(Tue), ""),
        ("Tue 5/11", None, d(11, 5), Some(Tue), ""),
        (
            "Day 1: Technical workshops",
            Some(1),
            None,
            None,
            "Technical workshops",
        ),
        ("Day one", Some(1), None, None, ""),
        (
            "Monday 4 November 2019",
            None,
            dy(2019, 11, 4),
            Some(Mon),
            "",
        ),
        (
            "Tuesday, November 5, 2019 — Annual meetings",
            None,
            dy(2019, 11, 5),
            Some(Tue),
            "Annual meetings",
        ),
        (
            "2019-11-05 Annual meetings",
            None,
            dy(2019, 11, 5),
            None,
            "Annual meetings",
        ),
        ("5.11.2019", None, dy(2019, 11, 5), None, ""),
        ("Dienstag, 5. November", None, d(11, 5), Some(Tue), ""),
        ("周二 11月5日", None, d(11, 5), Some(Tue), ""),
        ("Tuesday", None, None, Some(Tue), ""),
        (
            "Jour 2 — mardi 5 novembre",
            Some(2),
            d(11, 5),
            Some(Tue),
            "",
        ),
    ];
    for (text, number, date, weekday, title) in cases {
        let day = parse_day_line(text).unwrap_or_else(|| panic!("no day line in {text:?}"));
        assert_eq!(day.number, *number, "number of {text:?}");
        assert_eq!(day.date, *date, "date of {text:?}");
        assert_eq!(day.weekday, *weekday, "weekday of {text:?}");
        assert_eq!(day.title, *title, "title of {text:?}");
    }
    for text in [
        "Conclusions",
        "5 ministers attend",
        "1h30 Working lunch",
        "Monday morning session",
        "Sun Yat-sen University visit",
        "Daytime visit",
        "2 hours Site visit",
        "Opening speech — 10 min",
        "Discussion of the 2019 results",
    ] {
        assert_eq!(parse_day_line(text), None, "{text:?} is no day line");
    }
}

fn cqc() -> (Project, crate::model::MeetingId, Meeting) {
    let project = crate::samples::ccaa_afnor().unwrap();
    let (id, meeting) = project.meetings.iter().next().unwrap();
    (project.clone(), id.clone(), meeting.clone())
}

#[test]
fn a_two_day_programme_with_chinese_times_never_slides_past_midnight() {
    let (project, _, meeting) = cqc();
    let text = "Day 1 — Monday, 4 November 2024 — Technical workshops\n\
                上午9:00 开幕致辞 Opening remarks — 黄继先\n\
                上午9:30 技术研讨 Workshop\n\
                下午2点 参观实验室 Visit of the lab\n\
                下午2点半 茶歇 Coffee break\n\
                11月5日（星期二） 年度会议 Annual meetings\n\
                9:00 Working group 1 — Mr. Helge ENGELHARD (BMWi)\n\
                15：15－16：00 总结 Conclusions\n";
    let preview = parse(text, &project, Some(&meeting));
    assert_eq!(preview.days.len(), 2);
    assert_eq!(preview.lines.len(), 6);
    assert!(preview.skipped.is_empty(), "{:?}", preview.skipped);
    let plan = plan(&meeting, &preview, true);
    let m = &plan.meeting;
    assert_eq!(m.days.len(), 2);
    assert_eq!(
        m.days[0].date,
        NaiveDate::from_ymd_opt(2024, 11, 4).unwrap()
    );
    assert_eq!(
        m.days[1].date,
        NaiveDate::from_ymd_opt(2024, 11, 5).unwrap()
    );
    assert_eq!(m.days[0].title.en, "Technical workshops");
    assert_eq!(m.days[1].title.zh, "年度会议");
    assert_eq!(m.days[0].start, t(9, 0).unwrap());
    let visit = &m.days[0].items[2];
    assert_eq!(
        (visit.title.en.as_str(), visit.title.zh.as_str()),
        ("Visit of the lab", "参观实验室")
    );
    // The workshop runs to the next written time: the visit starts at 14:00, not 02:00.
    assert_eq!(m.days[0].items[1].duration_minutes, 270);
    let slots = m.days[0].schedule(m.time_zone);
    assert_eq!(slots[2].start.time(), t(14, 0).unwrap());
    assert_eq!(slots[3].start.time(), t(14, 30).unwrap());
    assert_eq!(m.days[0].items[0].speakers[0].as_str(), "huang-jixian");
    assert_eq!(
        m.days[1].items[0].guest_speakers,
        ["Mr. Helge ENGELHARD (BMWi)"]
    );
    assert_eq!(m.days[1].items[1].duration_minutes, 45);
    for day in m.day_summaries() {
        assert!(!day.past_midnight && !day.too_long);
    }
    assert!(plan.notes.contains(&PlanNote::DateFromText {
        day: 1,
        date: NaiveDate::from_ymd_opt(2024, 11, 5).unwrap()
    }));
    assert!(
        crate::model::validate(&{
            let mut p = project.clone();
            p.meetings.insert("x".into(), m.clone());
            p
        })
        .is_empty()
    );
}

#[test]
fn a_time_before_the_day_start_or_unreadable_is_noted_and_not_used() {
    let (project, _, meeting) = cqc();
    let text = "14:00 Opening\n14:30 Talk\n9:00 Misplaced\n25:00 Dinner\n";
    let preview = parse(text, &project, Some(&meeting));
    assert_eq!(preview.unread_times(), 1);
    let plan = plan(&meeting, &preview, true);
    let items = &plan.meeting.days[0].items;
    assert_eq!(
        items[2].fixed_start, None,
        "09:00 is not taken as 09:00 the next day"
    );
    assert_eq!(items[3].fixed_start, None);
    assert!(plan.notes.contains(&PlanNote::TimeNotUsed {
        line: 3,
        time: t(9, 0).unwrap()
    }));
    assert!(plan.notes.contains(&PlanNote::TimeUnread {
        line: 4,
        text: "25:00".into()
    }));
    assert!(!plan.meeting.day_summaries()[0].past_midnight);
    // The meeting's start moved: the preview says so.
    assert!(
        plan.notes
            .iter()
            .any(|n| matches!(n, PlanNote::StartMoves { to, .. } if *to == t(14, 0).unwrap()))
    );
}

#[test]
fn appending_a_day_line_adds_a_day_or_fills_the_one_of_its_date() {
    let (project, _, meeting) = cqc();
    let date = meeting.days[0].date;
    let same = format!("{}\n10:00 More talk\n", date.format("%Y-%m-%d"));
    let m = apply_to_meeting(&meeting, &parse(&same, &project, None), true);
    assert_eq!(m.days.len(), 1);
    assert_eq!(m.item_count(), meeting.item_count() + 1);
    let next = "Day 2\n09:00 Site visit\n";
    let m = apply_to_meeting(&meeting, &parse(next, &project, None), true);
    assert_eq!(m.days.len(), 2);
    assert_eq!(m.days[1].date, date.succ_opt().unwrap());
    assert_eq!(m.days[1].items.len(), 1);
}

#[test]
fn guests_can_be_added_as_people_with_their_organisation() {
    let (project, id, meeting) = cqc();
    let preview = parse(
        "10:00 Energy transition — Mr. Helge ENGELHARD (BMWi), Dr. Betty XU",
        &project,
        Some(&meeting),
    );
    assert_eq!(
        preview.guests(),
        ["Mr. Helge ENGELHARD (BMWi)", "Dr. Betty XU"]
    );
    let planned = plan(&meeting, &preview, false).meeting;
    let edit = add_guests_as_people(
        &project,
        &id,
        planned,
        &["Mr. Helge ENGELHARD (BMWi)".to_owned()],
    );
    let mut after = project.clone();
    edit.apply(&mut after);
    let m = &after.meetings[&id];
    let item = m.items().last().unwrap();
    assert_eq!(
        item.guest_speakers,
        ["Dr. Betty XU"],
        "the other stays a guest"
    );
    let person = &after.people[&item.speakers[0]];
    assert_eq!(person.family_name.to_lowercase(), "engelhard");
    let org = person.organisation.as_ref().unwrap();
    assert_eq!(after.organisations[org].acronym, "BMWi");
    assert!(crate::model::validate(&after).is_empty());
}
