//! A meeting's programme as iCalendar: one event per day, or one per agenda item, in the
//! venue's zone, each item's times in the counterpart's zone beside them, named by city.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use super::agenda::{Row, days};
use super::ics::{IcsWriter, local_stamp, utc_stamp, write_vtimezone, year_of};
use super::text::{ExportLanguage, zone_city};
use crate::model::{Meeting, MeetingId, Project, add_minutes};

/// The start of an iCalendar file with the zone of the events.
fn calendar_start(meeting: &Meeting) -> IcsWriter {
    let tz = meeting.time_zone;
    let mut w = IcsWriter::default();
    w.raw("BEGIN", "VCALENDAR");
    w.raw("VERSION", "2.0");
    w.raw("PRODID", "-//Delegation Planner//Delegation Planner//EN");
    w.raw("CALSCALE", "GREGORIAN");
    w.raw("METHOD", "PUBLISH");
    write_vtimezone(
        &mut w,
        tz,
        year_of(&meeting.start_instant())..=year_of(&meeting.end_instant()),
    );
    w
}

fn uid_domain(project: &Project) -> String {
    let slug = crate::model::slugify(&project.info.title.en);
    if slug.is_empty() {
        "project".to_owned()
    } else {
        slug
    }
}

/// One VEVENT from `start` to `end` in the venue's zone.
struct Event<'a> {
    uid: String,
    start: DateTime<Tz>,
    end: DateTime<Tz>,
    summary: String,
    location: &'a crate::model::Bilingual,
    description: String,
}

fn write_event(
    w: &mut IcsWriter,
    tz: Tz,
    event: &Event<'_>,
    lang: ExportLanguage,
    now: &DateTime<Utc>,
) {
    w.raw("BEGIN", "VEVENT");
    w.raw("UID", &event.uid);
    w.raw("DTSTAMP", &utc_stamp(now));
    w.raw(
        &format!("DTSTART;TZID={}", tz.name()),
        &local_stamp(&event.start),
    );
    w.raw(
        &format!("DTEND;TZID={}", tz.name()),
        &local_stamp(&event.end),
    );
    w.text("SUMMARY", &event.summary);
    if !event.location.is_empty() {
        w.text("LOCATION", &lang.text(event.location));
    }
    if !event.description.is_empty() {
        w.text("DESCRIPTION", event.description.trim_end());
    }
    w.raw("END", "VEVENT");
}

/// An item as a line of an event's description: its number, its times named by their
/// cities (`10:00–10:15 Paris (16:00–16:15 Beijing)`), title, speakers, notes.
fn description_line(meeting: &Meeting, row: &Row<'_>, lang: ExportLanguage) -> String {
    let mut line = match row.number {
        Some(n) => format!("{n}. "),
        None => String::new(),
    };
    line.push_str(&format!(
        "{} {}",
        row.time,
        zone_city(meeting.time_zone, lang)
    ));
    if let (Some(c), Some(other)) = (&row.counterpart, meeting.counterpart_time_zone) {
        line.push_str(&format!(" ({c} {})", zone_city(other, lang)));
    }
    line.push_str(&format!("  {}", row.title));
    if !row.speakers.is_empty() {
        line.push_str(&format!(" — {}", row.speakers));
    }
    line.push('\n');
    if !row.notes.is_empty() {
        for note in row.notes.lines() {
            line.push_str(&format!("    {note}\n"));
        }
    }
    line
}

/// The meeting as an iCalendar file: one event per day, on that day's date, from its start
/// to the end of its items (or its planned end when it has none), in the venue's zone,
/// with the day's venue as LOCATION and its items in DESCRIPTION. The first day's UID is
/// the meeting's, so a calendar updates the event exported before the meeting had days.
/// `now` is the DTSTAMP (passed in so output is reproducible).
pub fn ics(
    project: &Project,
    id: &MeetingId,
    meeting: &Meeting,
    lang: ExportLanguage,
    now: DateTime<Utc>,
) -> String {
    let tz = meeting.time_zone;
    let mut w = calendar_start(meeting);
    let domain = uid_domain(project);
    for (d, part) in days(project, meeting, lang).into_iter().enumerate() {
        let summary_times = part.day.summary(tz);
        let start = summary_times.start;
        let end = part
            .day
            .planned_end_instant(tz)
            .filter(|e| *e > start && part.rows.is_empty())
            .unwrap_or_else(|| summary_times.end.max(add_minutes(start, 1)));
        let mut summary = lang.text(&meeting.title);
        if !part.day.title.is_empty() {
            summary.push_str(&format!(" — {}", lang.text(&part.day.title)));
        }
        let uid = if d == 0 {
            format!("{id}@{domain}.delegation-planner")
        } else {
            format!("{id}-day-{}@{domain}.delegation-planner", d + 1)
        };
        let description: String = part
            .rows
            .iter()
            .map(|row| description_line(meeting, row, lang))
            .collect();
        write_event(
            &mut w,
            tz,
            &Event {
                uid,
                start,
                end,
                summary,
                location: meeting.venue_of(d),
                description,
            },
            lang,
            &now,
        );
    }
    w.raw("END", "VCALENDAR");
    w.finish()
}

/// The meeting as an iCalendar file with one event per agenda item (`--per-item`): its
/// times, the meeting's and the item's titles, the day's venue, speakers and notes.
pub fn ics_per_item(
    project: &Project,
    id: &MeetingId,
    meeting: &Meeting,
    lang: ExportLanguage,
    now: DateTime<Utc>,
) -> String {
    let tz = meeting.time_zone;
    let mut w = calendar_start(meeting);
    let domain = uid_domain(project);
    for (d, part) in days(project, meeting, lang).into_iter().enumerate() {
        for row in &part.rows {
            // The counterpart's times first, named by its city: the event itself is in
            // the venue's zone, which the reader's calendar converts.
            let mut description = String::new();
            if let (Some(c), Some(other)) = (&row.counterpart, meeting.counterpart_time_zone) {
                description.push_str(&format!(
                    "{} {} ({} {})\n",
                    row.time,
                    zone_city(tz, lang),
                    c,
                    zone_city(other, lang)
                ));
            }
            if !row.speakers.is_empty() {
                description.push_str(&format!(
                    "{}: {}\n",
                    lang.label("Speakers", "发言人"),
                    row.speakers
                ));
            }
            if !row.notes.is_empty() {
                description.push_str(&format!("{}\n", row.notes));
            }
            description.push_str(&lang.text(&meeting.title));
            write_event(
                &mut w,
                tz,
                &Event {
                    uid: format!("{id}-{}@{domain}.delegation-planner", row.item.id),
                    start: row.start,
                    end: row.end.max(add_minutes(row.start, 1)),
                    summary: match row.number {
                        Some(n) => format!("{n}. {}", row.title),
                        None => row.title.clone(),
                    },
                    location: meeting.venue_of(d),
                    description,
                },
                lang,
                &now,
            );
        }
    }
    w.raw("END", "VCALENDAR");
    w.finish()
}
