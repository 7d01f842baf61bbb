//! Dates the calendar does not have, written on a day line: each is said with its line,
//! and the paste is not applied; never a day dropped, a date replaced by another, or a
//! day line read as an item.

use super::*;

fn sample() -> (Project, Meeting) {
    let project = crate::samples::ccaa_afnor().unwrap();
    let meeting = project.meetings.values().next().unwrap().clone();
    (project, meeting)
}

/// The notes that block the paste of `text` appended to the sample's meeting.
fn blocking(text: &str) -> Vec<PlanNote> {
    let (project, meeting) = sample();
    let preview = parse(text, &project, Some(&meeting));
    let plan = plan(&meeting, &preview, false);
    plan.blocking().cloned().collect()
}

#[test]
fn a_date_the_calendar_does_not_have_is_said_with_its_line() {
    // The sample meeting is on 23 September 2024.
    let cases: &[(&str, &str, DateProblem)] = &[
        (
            "Day 2 — 31 February 2024",
            "31 February 2024",
            DateProblem::NoSuchDay {
                year: 2024,
                month: 2,
                day: 31,
                days_in_month: 29,
                year_written: true,
            },
        ),
        (
            "29 February 2023 Site visit",
            "29 February 2023",
            DateProblem::NoSuchDay {
                year: 2023,
                month: 2,
                day: 29,
                days_in_month: 28,
                year_written: true,
            },
        ),
        (
            "1 January 99999",
            "1 January 99999",
            DateProblem::YearOutOfRange { year: 99_999 },
        ),
        (
            "Tuesday, 31 September",
            "31 September",
            DateProblem::NoSuchDay {
                year: 2024,
                month: 9,
                day: 31,
                days_in_month: 30,
                year_written: false,
            },
        ),
        (
            "2024-13-05",
            "2024-13-05",
            DateProblem::NoSuchMonth { month: 13 },
        ),
        (
            "2月30日（星期五）",
            "2月30日",
            DateProblem::NoSuchDay {
                // Without a year, a date more than half a year before the meeting is in
                // the next year.
                year: 2025,
                month: 2,
                day: 30,
                days_in_month: 28,
                year_written: false,
            },
        ),
        (
            "November 31, 2024",
            "November 31, 2024",
            DateProblem::NoSuchDay {
                year: 2024,
                month: 11,
                day: 31,
                days_in_month: 30,
                year_written: true,
            },
        ),
        (
            "5 May 1850",
            "5 May 1850",
            DateProblem::YearOutOfRange { year: 1850 },
        ),
    ];
    for (day_line, written, problem) in cases {
        let text = format!("9:00 Opening\n{day_line}\n10:00 Workshop\n");
        assert_eq!(
            blocking(&text),
            [PlanNote::NoSuchDate {
                line: 2,
                written: (*written).to_owned(),
                problem: *problem,
            }],
            "{day_line}"
        );
    }
}

#[test]
fn dates_that_exist_block_nothing() {
    for day_line in [
        "Day 2 — 29 February 2024",
        "1 January 2200",
        "31 December 1900",
        "Tuesday, 30 September",
        "2024-12-31",
        "2月28日（星期五）",
        "Tue 5/11",
    ] {
        let text = format!("9:00 Opening\n{day_line}\n10:00 Workshop\n");
        assert_eq!(blocking(&text), [], "{day_line}");
    }
    // A line that only looks like a number and a month name is still a day line, and its
    // date is used, not dropped.
    let (project, meeting) = sample();
    let preview = parse(
        "Day 2 — 29 February 2024\n9:00 Visit",
        &project,
        Some(&meeting),
    );
    let plan = plan(&meeting, &preview, false);
    assert!(plan.meeting.days.iter().any(|d| d.date
        == chrono::NaiveDate::from_ymd_opt(2024, 2, 29).unwrap()
        && d.items.iter().any(|i| i.title.en == "Visit")));
}

#[test]
fn the_year_is_never_read_as_the_title_of_the_day() {
    let day = parse_day_line("1 January 99999").unwrap();
    assert_eq!(
        day.date,
        Some(WrittenDate {
            year: Some(99_999),
            month: 1,
            day: 1
        })
    );
    assert_eq!(day.title, "");
    assert_eq!(day.date_text, "1 January 99999");
    // Dates written with slashes or dots take days up to 31 and months up to 12 only, as
    // before (`32/02`, `1.13.` are not dates); within those, `31/02` is a day line whose
    // date the plan says is none.
    assert!(parse_day_line("32/02 budget").is_none());
    assert!(parse_day_line("1.13. budget").is_none());
    assert_eq!(
        blocking("9:00 Opening\n31/02\n10:00 Talk"),
        [PlanNote::NoSuchDate {
            line: 2,
            written: "31/02".to_owned(),
            problem: DateProblem::NoSuchDay {
                year: 2025,
                month: 2,
                day: 31,
                days_in_month: 28,
                year_written: false,
            },
        }]
    );
}
