//! iCalendar (RFC 5545) output: CRLF lines folded at 75 octets, escaped text, events in
//! the venue's time zone with a matching VTIMEZONE built from the IANA rules.

use chrono::{DateTime, Datelike as _, Offset as _, TimeZone as _, Utc};
use chrono_tz::Tz;

/// Builds an iCalendar text line by line.
#[derive(Debug, Default)]
pub struct IcsWriter {
    out: String,
}

impl IcsWriter {
    /// Adds `NAME:value` (value already escaped or not text), folded at 75 octets.
    pub fn raw(&mut self, name: &str, value: &str) {
        let line = format!("{name}:{value}");
        self.push_folded(&line);
    }

    /// Adds `NAME:text` with the text escaped as RFC 5545 §3.3.11 requires.
    pub fn text(&mut self, name: &str, value: &str) {
        // No control characters or bidi overrides in a calendar, whatever the project holds.
        self.raw(name, &escape_text(&super::sanitize::strip_invisible(value)));
    }

    /// Folds a content line: no line longer than 75 octets, never splitting a character.
    fn push_folded(&mut self, line: &str) {
        let mut width = 0;
        for c in line.chars() {
            let len = c.len_utf8();
            if width + len > 75 {
                self.out.push_str("\r\n ");
                width = 1;
            }
            self.out.push(c);
            width += len;
        }
        self.out.push_str("\r\n");
    }

    /// The finished text.
    pub fn finish(self) -> String {
        self.out
    }
}

/// Escapes backslash, semicolon, comma and newlines in a TEXT value.
pub fn escape_text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            // Other control characters are not allowed in iCalendar text.
            c if c.is_control() && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// `20240923T100000`: a local date-time as iCalendar writes it.
pub fn local_stamp(t: &DateTime<Tz>) -> String {
    t.naive_local().format("%Y%m%dT%H%M%S").to_string()
}

/// `20240923T080000Z`: a UTC date-time.
pub fn utc_stamp(t: &DateTime<Utc>) -> String {
    t.format("%Y%m%dT%H%M%SZ").to_string()
}

fn offset_text(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let s = seconds.unsigned_abs();
    format!("{sign}{:02}{:02}", s / 3600, (s % 3600) / 60)
}

/// Writes a VTIMEZONE for `tz` covering the years of the events: one STANDARD or DAYLIGHT
/// observance per offset change found in those years (no RRULE needed), or a single
/// STANDARD when the zone has no changes then (Asia/Shanghai).
pub fn write_vtimezone(w: &mut IcsWriter, tz: Tz, years: std::ops::RangeInclusive<i32>) {
    w.raw("BEGIN", "VTIMEZONE");
    w.raw("TZID", tz.name());
    let offset_at = |t: DateTime<Utc>| {
        tz.offset_from_utc_datetime(&t.naive_utc())
            .fix()
            .local_minus_utc()
    };
    let Some(first) = Utc.with_ymd_and_hms(*years.start(), 1, 1, 0, 0, 0).single() else {
        w.raw("END", "VTIMEZONE");
        return;
    };
    let Some(last) = Utc
        .with_ymd_and_hms(years.end().saturating_add(1), 1, 1, 0, 0, 0)
        .single()
    else {
        w.raw("END", "VTIMEZONE");
        return;
    };
    // Find each change by stepping a day at a time, then bisecting to the second.
    let mut changes = Vec::new();
    let mut t = first;
    let mut current = offset_at(t);
    while t < last {
        let next = t + chrono::Duration::days(1);
        let offset = offset_at(next);
        if offset != current {
            let (mut lo, mut hi) = (t, next);
            while (hi - lo).num_seconds() > 1 {
                let mid = lo + (hi - lo) / 2;
                if offset_at(mid) == current {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            changes.push((hi, current, offset));
            current = offset;
        }
        t = next;
    }
    let is_dst = |offset: i32, others: &[i32]| others.iter().any(|o| offset > *o);
    if changes.is_empty() {
        let offset = offset_text(offset_at(first));
        w.raw("BEGIN", "STANDARD");
        w.raw("DTSTART", "19700101T000000");
        w.raw("TZOFFSETFROM", &offset);
        w.raw("TZOFFSETTO", &offset);
        w.raw("END", "STANDARD");
    }
    let all: Vec<i32> = changes.iter().map(|(_, from, _)| *from).collect();
    for (at, from, to) in changes {
        let kind = if is_dst(to, &all) {
            "DAYLIGHT"
        } else {
            "STANDARD"
        };
        // DTSTART of an observance is the local time, in the offset before the change.
        let local = at.naive_utc() + chrono::Duration::seconds(i64::from(from));
        w.raw("BEGIN", kind);
        w.raw("DTSTART", &local.format("%Y%m%dT%H%M%S").to_string());
        w.raw("TZOFFSETFROM", &offset_text(from));
        w.raw("TZOFFSETTO", &offset_text(to));
        w.raw("END", kind);
    }
    w.raw("END", "VTIMEZONE");
}

/// The years an instant falls in, for [`write_vtimezone`].
pub fn year_of(t: &DateTime<Tz>) -> i32 {
    t.year()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_keeps_characters_whole_and_lines_short() {
        let mut w = IcsWriter::default();
        let long = "中国认证认可协会与法国标准化协会会谈 ".repeat(8);
        w.text("SUMMARY", &long);
        let text = w.finish();
        for line in text.split("\r\n") {
            assert!(line.len() <= 75, "{} octets: {line}", line.len());
        }
        let unfolded = text.replace("\r\n ", "");
        assert_eq!(unfolded, format!("SUMMARY:{long}\r\n"));
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape_text("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
    }

    #[test]
    fn paris_has_two_changes_a_year() {
        let mut w = IcsWriter::default();
        write_vtimezone(&mut w, chrono_tz::Europe::Paris, 2024..=2024);
        let text = w.finish();
        assert!(text.contains("BEGIN:DAYLIGHT\r\nDTSTART:20240331T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200"), "{text}");
        assert!(text.contains("BEGIN:STANDARD\r\nDTSTART:20241027T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100"), "{text}");
        let mut w = IcsWriter::default();
        write_vtimezone(&mut w, chrono_tz::Asia::Shanghai, 2024..=2024);
        assert!(
            w.finish()
                .contains("TZOFFSETFROM:+0800\r\nTZOFFSETTO:+0800")
        );
    }
}
