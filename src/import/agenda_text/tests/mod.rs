//! The parser on every line form people write, and what a paste does to a meeting;
//! programmes over several days in `programmes.rs`.

#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use super::*;

mod cues;
mod dates;
mod programmes;

fn t(h: u32, m: u32) -> Option<NaiveTime> {
    NaiveTime::from_hms_opt(h, m, 0)
}

/// `(line, start, end, duration, title, speakers)` for every form people write.
#[test]
fn line_forms() {
    type Case<'a> = (
        &'a str,
        Option<NaiveTime>,
        Option<NaiveTime>,
        Option<u32>,
        &'a str,
        &'a [&'a str],
    );
    let cases: &[Case<'_>] = &[
        (
            "14:00 10 min Opening speech — Dr. Betty XU",
            t(14, 0),
            None,
            Some(10),
            "Opening speech",
            &["Dr. Betty XU"],
        ),
        (
            "20 min Title — Speaker",
            None,
            None,
            Some(20),
            "Title",
            &["Speaker"],
        ),
        (
            "16:30–17:30 Reception",
            t(16, 30),
            t(17, 30),
            None,
            "Reception",
            &[],
        ),
        (
            "1h30 Working lunch",
            None,
            None,
            Some(90),
            "Working lunch",
            &[],
        ),
        (
            "09:00-09:45 Title - Speaker",
            t(9, 0),
            t(9, 45),
            None,
            "Title",
            &["Speaker"],
        ),
        (
            "9.30 Welcome coffee",
            t(9, 30),
            None,
            None,
            "Welcome coffee",
            &[],
        ),
        ("9h30 Ouverture", t(9, 30), None, None, "Ouverture", &[]),
        (
            "14h Visite du laboratoire",
            t(14, 0),
            None,
            None,
            "Visite du laboratoire",
            &[],
        ),
        (
            "2:30 pm Signing ceremony",
            t(14, 30),
            None,
            None,
            "Signing ceremony",
            &[],
        ),
        ("12:15 p.m. Lunch", t(12, 15), None, None, "Lunch", &[]),
        (
            "14:00 - 14:30 Coffee break",
            t(14, 0),
            t(14, 30),
            None,
            "Coffee break",
            &[],
        ),
        (
            "14:00–14:30: Coffee break",
            t(14, 0),
            t(14, 30),
            None,
            "Coffee break",
            &[],
        ),
        (
            "45' Presentation of AFNOR",
            None,
            None,
            Some(45),
            "Presentation of AFNOR",
            &[],
        ),
        (
            "30 mins Discussion",
            None,
            None,
            Some(30),
            "Discussion",
            &[],
        ),
        ("1 hour Lunch", None, None, Some(60), "Lunch", &[]),
        (
            "2 hours Site visit",
            None,
            None,
            Some(120),
            "Site visit",
            &[],
        ),
        ("1.5 h Workshop", None, None, Some(90), "Workshop", &[]),
        (
            "90min Factory tour",
            None,
            None,
            Some(90),
            "Factory tour",
            &[],
        ),
        (
            "1 h 30 Round table",
            None,
            None,
            Some(90),
            "Round table",
            &[],
        ),
        ("- 10 min Opening", None, None, Some(10), "Opening", &[]),
        (
            "• 14:00 Welcome — Mr. LIU Jiang",
            t(14, 0),
            None,
            None,
            "Welcome",
            &["Mr. LIU Jiang"],
        ),
        ("3. 15:00 Q&A", t(15, 0), None, None, "Q&A", &[]),
        (
            "14:00 开幕致辞 — 黄继先",
            t(14, 0),
            None,
            None,
            "开幕致辞",
            &["黄继先"],
        ),
        (
            "14:00 10分钟 欢迎致辞",
            t(14, 0),
            None,
            Some(10),
            "欢迎致辞",
            &[],
        ),
        ("1小时30分 午餐", None, None, Some(90), "午餐", &[]),
        ("14：30 茶歇", t(14, 30), None, None, "茶歇", &[]),
        (
            "Opening speech — 10 min",
            None,
            None,
            Some(10),
            "Opening speech",
            &[],
        ),
        (
            "Working lunch (1h)",
            None,
            None,
            Some(60),
            "Working lunch",
            &[],
        ),
        (
            "10:00 – Presentations by both sides — FANG Yan, Cindy SHEN",
            t(10, 0),
            None,
            None,
            "Presentations by both sides",
            &["FANG Yan", "Cindy SHEN"],
        ),
        ("Conclusions", None, None, None, "Conclusions", &[]),
        ("09:00~09:30 签到", t(9, 0), t(9, 30), None, "签到", &[]),
        (
            "2 high-level speeches",
            None,
            None,
            None,
            "2 high-level speeches",
            &[],
        ),
        (
            "5 ministers attend",
            None,
            None,
            None,
            "5 ministers attend",
            &[],
        ),
    ];
    assert!(cases.len() >= 20);
    for (raw, start, end, duration, title, speakers) in cases {
        let line = parse_line(raw).unwrap_or_else(|| panic!("no item from {raw:?}"));
        assert_eq!(line.start, *start, "start of {raw:?}");
        assert_eq!(line.end, *end, "end of {raw:?}");
        assert_eq!(line.duration, *duration, "duration of {raw:?}");
        assert_eq!(line.title, *title, "title of {raw:?}");
        let got: Vec<_> = line.speakers.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(got, *speakers, "speakers of {raw:?}");
    }
}

#[test]
fn kinds_are_guessed() {
    assert_eq!(guess_kind("Coffee break"), AgendaItemKind::Break);
    assert_eq!(guess_kind("Working lunch"), AgendaItemKind::Meal);
    assert_eq!(guess_kind("开幕致辞"), AgendaItemKind::OpeningRemarks);
    assert_eq!(guess_kind("Signing of the MoU"), AgendaItemKind::Signing);
    assert_eq!(
        guess_kind("ISO 50001 auditors"),
        AgendaItemKind::Presentation
    );
}

#[test]
fn durations_come_from_end_times_and_next_starts() {
    let project = crate::samples::ccaa_afnor().unwrap();
    let text = "14:00 Opening — HUANG Jixian 黄继先\n14:20 Presentation — Ms. FANG Yan\n\n15:00–15:15 Coffee break\nDiscussion\n???\n";
    let preview = parse(text, &project, None);
    // `???` holds nothing to read: ignored with its reason, not an item.
    assert_eq!(preview.lines.len(), 4);
    assert_eq!(preview.skipped, vec![6]);
    assert_eq!(
        preview.classes.last().map(|c| &c.role),
        Some(&LineRole::Ignored(IgnoreReason::NothingToRead))
    );
    assert_eq!(preview.durations, vec![20, 40, 15, 30]);
    assert_eq!(preview.assumed_duration, vec![false, false, false, true]);
    let huang = &preview.lines[0].speakers[0];
    assert_eq!(
        huang.person.as_ref().map(PersonId::as_str),
        Some("huang-jixian")
    );
    assert_eq!(
        preview.lines[1].speakers[0]
            .person
            .as_ref()
            .map(PersonId::as_str),
        Some("fang-yan")
    );
}

#[test]
fn applying_sets_start_and_fixed_starts() {
    let project = crate::samples::ccaa_afnor().unwrap();
    let meeting = project.meetings.values().next().unwrap();
    let text =
        "09:00 10 min Welcome\n09:10 Talk — 王 茜\n09:40 15 min Break\n10:30 Lunch — Nobody Known";
    let preview = parse(text, &project, Some(meeting));
    let m = apply_to_meeting(meeting, &preview, false);
    assert_eq!(m.days[0].start, NaiveTime::from_hms_opt(9, 0, 0).unwrap());
    assert_eq!(m.days[0].items.len(), 4);
    // Talk runs 30 min (to the next start); Break ends at 09:55, so Lunch at 10:30
    // does not follow and becomes a fixed start; Lunch gets the default length.
    assert_eq!(m.days[0].items[1].duration_minutes, 30);
    assert_eq!(
        m.days[0].items[1].speakers,
        vec![PersonId::from("wang-qian")]
    );
    assert_eq!(m.days[0].items[2].fixed_start, None);
    assert_eq!(
        m.days[0].items[3].fixed_start,
        NaiveTime::from_hms_opt(10, 30, 0)
    );
    assert_eq!(
        m.days[0].items[3].guest_speakers,
        ["Nobody Known"],
        "an unmatched speaker is kept as a guest speaker, not lost"
    );
    let ids: std::collections::BTreeSet<_> = m.items().map(|i| i.id.clone()).collect();
    assert_eq!(ids.len(), 4);
    // Appending keeps the existing agenda and its start.
    let appended = apply_to_meeting(meeting, &preview, true);
    assert_eq!(appended.item_count(), meeting.item_count() + 4);
    assert_eq!(appended.days[0].start, meeting.days[0].start);
    assert!(crate::model::validate(&project).is_empty());
}

#[test]
fn any_text_parses_without_panic() {
    let project = Project::default();
    for text in [
        "",
        "\n\n",
        "::::",
        "99:99 x",
        "1h",
        "h",
        "—",
        "12:",
        "0.5h",
        "9999999 min x",
        "\u{202E}14:00 x",
        "１４：００ 全角",
    ] {
        let _ = parse(text, &project, None);
    }
}

#[test]
fn parsing_is_linear() {
    // 16,000 lines: a quadratic step would take minutes; linear, well under a second even
    // in a debug build. (The figure itself comes from `cargo bench --bench data`.)
    let project = crate::samples::ccaa_afnor().unwrap();
    let mut text = String::new();
    for day in 0..400 {
        text.push_str(&format!("Day {}\n", day + 1));
        for i in 0..39 {
            text.push_str(&format!(
                "{:02}:{:02} 10 min Talk {i} — HUANG Jixian\n",
                8 + i / 6,
                (i % 6) * 10
            ));
        }
    }
    let preview = parse(&text, &project, None);
    assert_eq!(preview.lines.len(), 400 * 39);
    let m = apply_to_meeting(project.meetings.values().next().unwrap(), &preview, false);
    assert_eq!(m.days.len(), 400);
}
