//! Agenda exports, checked by reading them back: the ICS through an iCalendar parser, the
//! PDF through text extraction, the HTML and Markdown as text.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // Test helpers may panic: a panic is a failed test.

use chrono::TimeZone as _;
use delegation_planner::export::ExportLanguage;
use delegation_planner::export::agenda;
use delegation_planner::model::{Meeting, MeetingId, Project};
use icalendar::EventLike as _;

fn sample() -> (Project, MeetingId, Meeting) {
    let project = delegation_planner::samples::ccaa_afnor().unwrap();
    let (id, meeting) = project.meetings.iter().next().unwrap();
    (project.clone(), id.clone(), meeting.clone())
}

#[test]
fn ics_parses_and_follows_rfc_5545() {
    let (project, id, meeting) = sample();
    let now = chrono::Utc.with_ymd_and_hms(2024, 9, 1, 12, 0, 0).unwrap();
    let text = agenda::ics(&project, &id, &meeting, ExportLanguage::Both, now);

    // Every line ends in CRLF and is at most 75 octets.
    assert!(text.ends_with("\r\n"));
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
        assert!(!line.contains('\n'));
    }
    let unfolded = text.replace("\r\n ", "");
    assert!(unfolded.contains("DTSTART;TZID=Europe/Paris:20240923T100000\r\n"));
    assert!(unfolded.contains("DTEND;TZID=Europe/Paris:20240923T120000\r\n"));
    assert!(unfolded.contains("DTSTAMP:20240901T120000Z\r\n"));
    assert!(unfolded.contains("UID:paris-2024@ccaa-afnor-cooperation.delegation-planner\r\n"));
    assert!(unfolded.contains("TZID:Europe/Paris\r\n"));
    assert!(unfolded.contains("DTSTART:20240331T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200"));
    assert!(unfolded.contains("SUMMARY:CCAA–AFNOR meeting at AFNOR headquarters / 中国认证认可协会与法国标准化协会会谈\r\n"));
    assert!(unfolded.contains("LOCATION:AFNOR headquarters\\, Saint-Denis"));

    // A real parser reads it back.
    let calendar: icalendar::Calendar = text.parse().expect("the ICS parses");
    let event = calendar
        .components
        .iter()
        .find_map(|c| c.as_event())
        .expect("one event");
    use icalendar::Component as _;
    assert_eq!(
        event.get_summary(),
        Some("CCAA–AFNOR meeting at AFNOR headquarters / 中国认证认可协会与法国标准化协会会谈")
    );
    let description = event.get_description().unwrap();
    // Numbered as the printed agenda numbers it, and the counterpart's times named by
    // their city.
    assert!(
        description.contains(
            "1. 10:00–10:15 Paris / 巴黎 (16:00–16:15 Shanghai / 上海)  Welcome and introduction of the delegations"
        ),
        "{description}"
    );
    assert!(description.contains("HUANG Jixian 黄继先"));
    let start = event.get_start().unwrap();
    match start {
        icalendar::DatePerhapsTime::DateTime(icalendar::CalendarDateTime::WithTimezone {
            date_time,
            tzid,
        }) => {
            assert_eq!(tzid, "Europe/Paris");
            assert_eq!(date_time.to_string(), "2024-09-23 10:00:00");
        }
        other => panic!("start should carry its time zone: {other:?}"),
    }
}

#[test]
fn ics_in_a_zone_without_dst() {
    let project = delegation_planner::samples::ccaa_afnor().unwrap();
    let text = std::fs::read_to_string("saves/eud-cqc-beijing-2024.ron").unwrap();
    let eu = delegation_planner::project_file::parse_project(
        text.as_bytes(),
        std::path::Path::new("x.ron"),
    )
    .unwrap();
    let (id, meeting) = eu
        .meetings
        .iter()
        .find(|(id, _)| id.as_str() == "cqc-visit-2024")
        .unwrap();
    let ics = agenda::ics(
        &project,
        id,
        meeting,
        ExportLanguage::En,
        chrono::Utc::now(),
    );
    let unfolded = ics.replace("\r\n ", "");
    assert!(unfolded.contains("TZID:Asia/Shanghai\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\nTZOFFSETFROM:+0800\r\nTZOFFSETTO:+0800"), "{unfolded}");
    // The morning visit and the afternoon training: two sessions on the same date.
    assert!(unfolded.contains("DTSTART;TZID=Asia/Shanghai:20241104T093000"));
    assert!(unfolded.contains("DTSTART;TZID=Asia/Shanghai:20241104T140000"));
    assert!(
        unfolded.contains("LOCATION:Training hall in Beijing\\, and online"),
        "{unfolded}"
    );
    let _: icalendar::Calendar = ics.parse().unwrap();
}

#[test]
fn markdown_lists_every_item_with_times_and_speakers() {
    let (project, _, meeting) = sample();
    let md = agenda::markdown(&project, &meeting, ExportLanguage::Both);
    assert!(md.starts_with(
        "# CCAA–AFNOR meeting at AFNOR headquarters / 中国认证认可协会与法国标准化协会会谈\n"
    ));
    assert!(md.contains("| 1 | 10:00–10:15 | 16:00–16:15 | Welcome and introduction of the delegations / 欢迎致辞及双方代表团介绍 | Ms. Myriam AUGEREAU LANDAIS; Mr. HUANG Jixian 黄继先 |"), "{md}");
    assert_eq!(md.lines().filter(|l| l.contains(" | 1")).count(), 5);
    // The group photo is a break: no number.
    assert!(md.contains("|  | 11:50–12:00 |"), "{md}");
    let zh = agenda::markdown(&project, &meeting, ExportLanguage::Zh);
    assert!(
        zh.contains("| # | 时间 | 上海 | 议程 | 发言人 | 备注 |"),
        "{zh}"
    );
    // Chinese names first in a Chinese agenda.
    assert!(
        zh.contains("| Myriam AUGEREAU LANDAIS 女士; 黄继先 |"),
        "{zh}"
    );
    assert!(!zh.contains("HUANG Jixian"), "{zh}");
    // This copy has the planners' note, marked as internal.
    assert!(zh.contains("内部备注：Mutual recognition"), "{zh}");
    assert!(zh.contains("欢迎致辞及双方代表团介绍"));
    assert!(!zh.contains("Welcome and introduction"));
}

#[test]
fn html_is_escaped_and_bilingual_side_by_side() {
    let (project, _, mut meeting) = sample();
    meeting.days[0].items[0].title.en = "<script>alert(1)</script> & \"quotes\"".into();
    let html = agenda::html(&project, &meeting, ExportLanguage::Both);
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<meta charset=\"utf-8\">"));
    assert!(!html.contains("<script>"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;"));
    assert!(html.contains("<th>Item</th><th>议程</th>"));
    assert!(html.contains("<td lang=\"zh-Hans\">欢迎致辞及双方代表团介绍</td>"));
    assert!(html.contains("@media print"));
}

#[test]
fn pdf_text_is_extractable_with_chinese() {
    let (project, _, meeting) = sample();
    let bytes = agenda::pdf(&project, &meeting, ExportLanguage::Both).unwrap();
    assert!(bytes.starts_with(b"%PDF"));
    let text = pdf_extract::extract_text_from_mem(&bytes).unwrap();
    let squashed: String = text.split_whitespace().collect();
    for expected in [
        "中国认证认可协会与法国标准化协会会谈",
        "HUANGJixian黄继先",
        "10:00–10:15",
        "Welcomeandintroduction",
        "欢迎致辞",
    ] {
        assert!(squashed.contains(expected), "{expected} not in {text}");
    }
}

#[test]
fn cli_import_then_export_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("p.ron");
    std::fs::write(&file, delegation_planner::samples::CCAA_AFNOR_RON).unwrap();
    let bin = env!("CARGO_BIN_EXE_delegation-planner");
    let out = std::process::Command::new(bin)
        .args(["import", "agenda", file.to_str().unwrap(), "--meeting", "paris-2024", "--replace", "--from"])
        .arg("09:30 15 min Opening — HUANG Jixian\n09:45–10:30 Mutual recognition — 王 茜\n10:30 Coffee break (15 min)")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let project = delegation_planner::project_file::read_project(&file).unwrap();
    let meeting = &project.meetings[&MeetingId::from("paris-2024")];
    assert_eq!(meeting.item_count(), 3);
    assert_eq!(meeting.days[0].start.to_string(), "09:30:00");
    assert_eq!(meeting.days[0].items[1].speakers[0].as_str(), "wang-qian");
    assert_eq!(meeting.days[0].items[2].duration_minutes, 15);
    for format in ["md", "html", "pdf", "ics"] {
        let target = dir.path().join(format!("agenda.{format}"));
        let out = std::process::Command::new(bin)
            .args([
                "export",
                "agenda",
                file.to_str().unwrap(),
                "--meeting",
                "paris-2024",
                "--format",
                format,
                "--lang",
                "both",
                "-o",
            ])
            .arg(&target)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{format}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(std::fs::metadata(&target).unwrap().len() > 100);
    }
    let md = std::fs::read_to_string(dir.path().join("agenda.md")).unwrap();
    assert!(
        md.contains("| 10:30–10:45 | 16:30–16:45 | Coffee break |"),
        "{md}"
    );
}

/// The two-day working-group sample: a heading per day with the ISO date and the date in
/// the export's language, guest speakers and notes, times with day marks.
fn two_days() -> (Project, MeetingId, Meeting) {
    let text = std::fs::read_to_string("saves/sino-german-working-groups-2026.ron").unwrap();
    let project = delegation_planner::project_file::parse_project(
        text.as_bytes(),
        std::path::Path::new("wg.ron"),
    )
    .unwrap();
    let id = MeetingId::from("wg-berlin-2026");
    let meeting = project.meetings[&id].clone();
    (project, id, meeting)
}

#[test]
fn markdown_gives_each_day_a_heading_in_the_export_language() {
    let (project, _, meeting) = two_days();
    let en = agenda::markdown(&project, &meeting, ExportLanguage::En);
    assert!(
        en.contains("\n## Tuesday 16 June 2026 · 2026-06-16 · Technical workshops\n"),
        "{en}"
    );
    assert!(en.contains(
        "\n## Wednesday 17 June 2026 · 2026-06-17 · Annual meetings of the working groups\n"
    ));
    let zh = agenda::markdown(&project, &meeting, ExportLanguage::Zh);
    assert!(
        zh.contains("\n## 2026年6月16日 星期二 · 2026-06-16 · 技术研讨会\n"),
        "{zh}"
    );
    assert!(
        zh.contains("| 时间 | 上海 | 议程 | 发言人 | 备注 |"),
        "{zh}"
    );
    // Guest speakers and notes are in every export.
    assert!(en.contains("Prof. Klaus BRANDT (TU Berlin)"), "{en}");
    assert!(en.contains("Bring the comparison table of GB/T and IEC charging standards."));
    // Berlin 09:00 is 15:00 in Shanghai.
    assert!(en.contains("| 09:00–09:20 | 15:00–15:20 |"), "{en}");
    // Each day's times are given in the cities of both zones.
    assert!(en.contains("Berlin (") && en.contains("Shanghai)"), "{en}");
}

#[test]
fn ics_has_one_event_per_day_with_location_and_items() {
    use icalendar::Component as _;
    let (project, id, meeting) = two_days();
    let now = chrono::Utc.with_ymd_and_hms(2026, 5, 1, 8, 0, 0).unwrap();
    let text = agenda::ics(&project, &id, &meeting, ExportLanguage::En, now);
    let calendar: icalendar::Calendar = text.parse().expect("the ICS parses");
    let events: Vec<_> = calendar
        .components
        .iter()
        .filter_map(|c| c.as_event())
        .collect();
    assert_eq!(events.len(), 2, "one event per day");
    let starts: Vec<String> = events
        .iter()
        .map(|e| match e.get_start().unwrap() {
            icalendar::DatePerhapsTime::DateTime(icalendar::CalendarDateTime::WithTimezone {
                date_time,
                tzid,
            }) => format!("{tzid} {date_time}"),
            other => panic!("no zone: {other:?}"),
        })
        .collect();
    assert_eq!(
        starts,
        [
            "Europe/Berlin 2026-06-16 09:00:00",
            "Europe/Berlin 2026-06-17 09:30:00"
        ]
    );
    assert_eq!(events[0].get_location(), Some("DIN, Am DIN-Platz, Berlin"));
    assert_eq!(
        events[1].get_location(),
        Some("DIN, Berlin"),
        "the meeting's venue"
    );
    let first = events[0].get_description().unwrap();
    assert!(
        first.contains("1. 09:00–09:20 Berlin (15:00–15:20 Shanghai)  Welcome and opening remarks"),
        "{first}"
    );
    assert!(first.contains("Prof. Klaus BRANDT (TU Berlin)"), "{first}");
    assert!(
        first.contains("Internal note: Bring the comparison table"),
        "{first}"
    );
    assert!(
        !first.contains("Signing of the 2026–2027 work plan"),
        "day 2's items stay on day 2"
    );
    assert!(
        events[1]
            .get_description()
            .unwrap()
            .contains("Signing of the 2026–2027 work plan")
    );
    assert!(
        events[0]
            .get_summary()
            .unwrap()
            .ends_with("— Technical workshops")
    );
    // No event is longer than its day.
    for e in &events {
        let (Some(start), Some(end)) = (e.get_start(), e.get_end()) else {
            panic!("times")
        };
        let as_naive = |d: icalendar::DatePerhapsTime| match d {
            icalendar::DatePerhapsTime::DateTime(icalendar::CalendarDateTime::WithTimezone {
                date_time,
                ..
            }) => date_time,
            other => panic!("{other:?}"),
        };
        let hours = (as_naive(end) - as_naive(start)).num_hours();
        assert!((0..16).contains(&hours), "{hours} h");
    }
}

#[test]
fn ics_per_item_has_one_event_per_item() {
    let (project, id, meeting) = two_days();
    let text = agenda::ics_per_item(
        &project,
        &id,
        &meeting,
        ExportLanguage::Both,
        chrono::Utc::now(),
    );
    let calendar: icalendar::Calendar = text.parse().expect("the ICS parses");
    let events: Vec<_> = calendar
        .components
        .iter()
        .filter_map(|c| c.as_event())
        .collect();
    assert_eq!(events.len(), meeting.item_count());
    use icalendar::Component as _;
    let uids: std::collections::BTreeSet<_> = events.iter().map(|e| e.get_uid().unwrap()).collect();
    assert_eq!(uids.len(), events.len(), "every UID differs");
    let signing = events
        .iter()
        .find(|e| {
            e.get_summary()
                .unwrap()
                .contains("Signing of the 2026–2027 work plan")
        })
        .unwrap();
    assert!(
        signing
            .get_summary()
            .unwrap()
            .contains("签署2026–2027年工作计划")
    );
    assert_eq!(
        signing.get_location(),
        Some("DIN, Berlin / 德国标准化学会，柏林")
    );
}

#[test]
fn pdf_has_a_heading_per_day_and_the_guests() {
    let (project, _, meeting) = two_days();
    let bytes = agenda::pdf(&project, &meeting, ExportLanguage::Both).unwrap();
    let text = pdf_extract::extract_text_from_mem(&bytes).unwrap();
    let squashed: String = text.split_whitespace().collect();
    for expected in [
        "Tuesday16June2026/2026年6月16日星期二·2026-06-16",
        "Wednesday17June2026/2026年6月17日星期三·2026-06-17",
        "Prof.KlausBRANDT(TUBerlin)",
        "技术研讨会",
        "BringthecomparisontableofGB/TandIEC",
    ] {
        assert!(squashed.contains(expected), "{expected} not in {text}");
    }
}

#[test]
fn cli_per_item_and_two_days() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("items.ics");
    let bin = env!("CARGO_BIN_EXE_delegation-planner");
    let out = std::process::Command::new(bin)
        .args([
            "export",
            "agenda",
            "saves/sino-german-working-groups-2026.ron",
            "--meeting",
            "wg-berlin-2026",
            "--format",
            "ics",
            "--per-item",
            "-o",
        ])
        .arg(&target)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(&target).unwrap();
    assert_eq!(text.matches("BEGIN:VEVENT").count(), 12);
}

#[test]
fn pasted_guest_speakers_reach_every_export() {
    // The roundtable: three speakers not in the project, and a note.
    let (project, id, meeting) = sample();
    let preview = delegation_planner::import::agenda_text::parse(
        "14:00 45 min Roundtable — Dr. Betty XU, Mr. XIAO Han and Ms. Ester CAÑADA AMELA",
        &project,
        Some(&meeting),
    );
    let mut m = delegation_planner::import::agenda_text::plan(&meeting, &preview, true).meeting;
    m.days[0].items[0].notes = "Interpretation into English and Chinese.".into();
    m.days[0].items[0].notes_audience = delegation_planner::model::NoteAudience::Programme;
    let guests = "Dr. Betty XU; Mr. XIAO Han; Ms. Ester CAÑADA AMELA";
    let md = agenda::markdown(&project, &m, ExportLanguage::En);
    assert!(
        md.contains(&format!(
            "| Roundtable | {guests} | Interpretation into English and Chinese. |"
        )),
        "{md}"
    );
    let html = agenda::html(&project, &m, ExportLanguage::En);
    let nowrap = |names: &str| {
        names
            .split("; ")
            .map(|n| format!("<span class=\"nb\">{n}</span>"))
            .collect::<Vec<_>>()
            .join("; ")
    };
    assert!(
        html.contains(&format!(
            "<td class=\"speakers\">{}<div class=\"notes\">Interpretation into English and Chinese.</div>",
            nowrap(guests)
        )),
        "{html}"
    );
    assert!(
        html.contains("<h2><span class=\"nb\">Monday 23 September 2024</span> · <span class=\"nb\">2024-09-23</span></h2>"),
        "{html}"
    );
    let ics = agenda::ics(&project, &id, &m, ExportLanguage::En, chrono::Utc::now());
    let calendar: icalendar::Calendar = ics.parse().unwrap();
    use icalendar::Component as _;
    let event = calendar
        .components
        .iter()
        .find_map(|c| c.as_event())
        .unwrap();
    let description = event.get_description().unwrap();
    assert!(description.contains(guests), "{description}");
    assert!(
        description.contains("Interpretation into English and Chinese."),
        "{description}"
    );
    let pdf = agenda::pdf(&project, &m, ExportLanguage::En).unwrap();
    let text: String = pdf_extract::extract_text_from_mem(&pdf)
        .unwrap()
        .split_whitespace()
        .collect();
    assert!(
        text.contains("Dr.BettyXUMr.XIAOHanMs.EsterCAÑADAAMELA"),
        "{text}"
    );
}
