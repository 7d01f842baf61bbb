//! The plan as a CSV for the logistics team: one row per attendee not marked absent.
//!
//! `Table, Side, Place, Honorific, Family name, Given name, Chinese name, Role`: seated
//! people in seat order, with Place seen from the seat's own side (`centre`, `right 1`,
//! `left 1`, `behind right 1`; at a banquet `host`, `right 1`… counted from the table's
//! host) and Table `1` at the talks table; then who has no seat (`no seat`, Table empty);
//! then who declined (`declined`) or joins online (`online`). Place keeps these English
//! words in every language, so that a sheet or a script can read it; Side, Honorific and
//! Role follow the export's language.

use super::Seated;
use crate::export::ExportLanguage;
use crate::export::csv::CsvWriter;
use crate::model::{AttendanceMode, AttendanceStatus, Choice as _, Honorific, Meeting, Project};

/// The header row.
pub const HEADER: [&str; 8] = [
    "Table",
    "Side",
    "Place",
    "Honorific",
    "Family name",
    "Given name",
    "Chinese name",
    "Role",
];

/// The plan of `meeting` as CSV text (UTF-8 with a byte-order mark, for Excel).
pub fn csv(
    project: &Project,
    meeting: &Meeting,
    lang: ExportLanguage,
    options: &super::SeatingOptions,
) -> String {
    write(&Seated::new(project, meeting, options, lang))
}

pub(super) fn write(s: &Seated<'_>) -> String {
    let mut w = CsvWriter::new();
    w.row(HEADER);
    let per_table = s.arrangement.seats_per_table;
    let row = |w: &mut CsvWriter, table: String, place: String, a: usize| {
        let person = s.person(a);
        let honorific = person.map_or(Honorific::None, |p| p.honorific);
        let honorific = match (honorific, s.lang) {
            (Honorific::None, _) => String::new(),
            (h, ExportLanguage::En) => h.abbreviation().to_owned(),
            (h, ExportLanguage::Zh) => h.label_zh().to_owned(),
            (h, ExportLanguage::Both) => format!("{} {}", h.abbreviation(), h.label_zh()),
        };
        let text = |f: fn(&crate::model::Person) -> &str| person.map(f).unwrap_or_default();
        w.row([
            table,
            s.side(a),
            place,
            honorific,
            text(|p| p.family_name.trim()).to_owned(),
            text(|p| p.given_name.trim()).to_owned(),
            text(|p| p.chinese_name.trim()).to_owned(),
            s.role(a),
        ]);
    };
    for (seat, a) in s.taken() {
        row(
            &mut w,
            seat.table().to_string(),
            seat.place_en(per_table),
            a,
        );
    }
    for (a, _) in &s.arrangement.unseated {
        row(&mut w, String::new(), "no seat".to_owned(), *a);
    }
    for &a in &s.arrangement.away {
        let Some(attendee) = s.attendee(a) else {
            continue;
        };
        // Marked absent: no row at all.
        let place = match (attendee.status, attendee.mode) {
            (AttendanceStatus::Absent, _) => continue,
            (AttendanceStatus::Declined, _) => "declined",
            (_, AttendanceMode::Remote) => "online",
            _ => continue,
        };
        row(&mut w, String::new(), place.to_owned(), a);
    }
    w.finish()
}
