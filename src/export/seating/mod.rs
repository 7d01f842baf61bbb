//! A meeting's seating plan for the people who set the room: the plan as a PDF (the room
//! from above, a name at every seat, the door, table numbers, then the seats as lists), as
//! a Word document, as a CSV (one row per attendee not marked absent), and place cards
//! printed in seat order with their table and seat.
//!
//! Every export reads the plan the meeting stores ([`crate::model::seating`]), with the
//! options a caller overrides ([`SeatingOptions`]: the command line's `--layout`,
//! `--seats-per-table`, `--door`), and seats everyone through the same rules as the app.

mod csv;
mod docx;
mod drawing;

use super::pdf::{self, Paper};
use super::{ExportError, ExportLanguage};
use crate::model::seating::{
    Arrangement, BanquetPlace, DoorFacing, NoSeat, Party, Row, Seat, SeatingLayout, SeatingPlan,
    arrange, banquet_place,
};
use crate::model::{
    AttendanceMode, AttendanceStatus, Attendee, Choice as _, Honorific, Meeting, Person, Project,
};

pub use self::csv::csv;

/// The formats a seating plan is exported in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum SeatingFormat {
    /// One row per attendee not marked absent: table, side, place, names, role.
    Csv,
    /// The plan drawn, then the seats as lists.
    Pdf,
    /// A Word document of the plan.
    Docx,
}

impl SeatingFormat {
    /// Every format, in menu order.
    pub const ALL: [Self; 3] = [Self::Pdf, Self::Docx, Self::Csv];

    /// The file-name extension.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Csv => "csv",
            Self::Pdf => "pdf",
            Self::Docx => "docx",
        }
    }
}

/// What an export changes of the meeting's own plan, and the paper of a PDF.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SeatingOptions {
    /// Talks table or banquet, instead of the plan's.
    pub layout: Option<SeatingLayout>,
    /// Seats per banquet table, instead of the plan's.
    pub seats_per_table: Option<u32>,
    /// Who faces the door at the talks table, instead of the plan's.
    pub door: Option<DoorFacing>,
    /// The paper of the PDF.
    pub paper: Paper,
}

/// The meeting's plan with what `options` change.
pub fn plan_for(meeting: &Meeting, options: &SeatingOptions) -> SeatingPlan {
    let mut plan = meeting.seating.clone();
    if let Some(layout) = options.layout {
        plan.layout = layout;
    }
    if let Some(seats) = options.seats_per_table {
        plan.banquet.seats_per_table = seats;
    }
    if let Some(door) = options.door {
        plan.talks.door = door;
    }
    plan
}

/// The plan applied to a meeting, with what every document prints.
pub(crate) struct Seated<'p> {
    pub(crate) project: &'p Project,
    pub(crate) meeting: &'p Meeting,
    pub(crate) plan: SeatingPlan,
    pub(crate) arrangement: Arrangement,
    pub(crate) lang: ExportLanguage,
}

impl<'p> Seated<'p> {
    pub(crate) fn new(
        project: &'p Project,
        meeting: &'p Meeting,
        options: &SeatingOptions,
        lang: ExportLanguage,
    ) -> Self {
        let plan = plan_for(meeting, options);
        let arrangement = arrange(meeting, &project.people, &plan);
        Self {
            project,
            meeting,
            plan,
            arrangement,
            lang,
        }
    }

    fn attendee(&self, index: usize) -> Option<&'p Attendee> {
        self.meeting.attendees.get(index)
    }

    fn person(&self, index: usize) -> Option<&'p Person> {
        self.attendee(index)
            .and_then(|a| self.project.people.get(&a.person))
    }

    /// The name at a seat, a line per script in this language (`Mr. HUANG Jixian`,
    /// `黄继先`); the person's id when the project lost them.
    fn name_lines(&self, index: usize) -> Vec<String> {
        let Some(person) = self.person(index) else {
            return self
                .attendee(index)
                .map(|a| vec![super::sanitize_cell(a.person.as_str())])
                .unwrap_or_default();
        };
        let latin = person.formal_name_latin();
        let chinese = person.chinese_name.trim().to_owned();
        let lines: Vec<String> = match self.lang {
            ExportLanguage::En if latin.is_empty() => vec![chinese],
            ExportLanguage::En => vec![latin],
            ExportLanguage::Zh if chinese.is_empty() => match person.honorific {
                Honorific::None => vec![person.latin_name()],
                h => vec![format!("{} {}", person.latin_name(), h.label_zh())],
            },
            ExportLanguage::Zh => vec![chinese],
            ExportLanguage::Both => vec![latin, chinese],
        };
        lines
            .into_iter()
            .map(|l| super::sanitize_cell(&l))
            .filter(|l| !l.trim().is_empty())
            .collect()
    }

    /// The name on one line.
    fn name(&self, index: usize) -> String {
        self.name_lines(index).join(" ")
    }

    /// The name of the attendee's side in this language; empty on no side.
    fn side(&self, index: usize) -> String {
        self.attendee(index)
            .and_then(|a| a.side.as_ref())
            .and_then(|s| self.meeting.side(s))
            .map(|s| self.lang.text(&s.name))
            .unwrap_or_default()
    }

    /// The names of the sides seated as `party`, joined.
    fn party_name(&self, party: Party) -> String {
        let sides = match party {
            Party::Hosts => &self.arrangement.host_sides,
            Party::Guests => &self.arrangement.guest_sides,
        };
        sides
            .iter()
            .filter_map(|s| self.meeting.side(s))
            .map(|s| {
                let name = self.lang.text(&s.name);
                if name.trim().is_empty() {
                    super::sanitize_cell(s.id.as_str())
                } else {
                    name
                }
            })
            .collect::<Vec<_>>()
            .join(" · ")
    }

    fn role(&self, index: usize) -> String {
        self.attendee(index)
            .map(|a| self.lang.choice(a.role))
            .unwrap_or_default()
    }

    /// Where a seat is, in this language.
    fn place(&self, seat: &Seat) -> String {
        place_text(seat, self.arrangement.seats_per_table, self.lang)
    }

    /// `Table 3`, `3号桌`.
    fn table(&self, number: u32) -> String {
        match self.lang {
            ExportLanguage::En => format!("Table {number}"),
            ExportLanguage::Zh => format!("{number}号桌"),
            ExportLanguage::Both => format!("Table {number} {number}号桌"),
        }
    }

    /// Why someone is not in the room: declined, absent or online.
    fn away_reason(&self, index: usize) -> String {
        match self.attendee(index) {
            Some(a) if a.status == AttendanceStatus::Declined => self.lang.choice(a.status),
            Some(a) if a.status == AttendanceStatus::Absent => self.lang.choice(a.status),
            Some(a) if a.mode == AttendanceMode::Remote => self.lang.choice(a.mode),
            _ => String::new(),
        }
    }

    fn no_seat(&self, why: NoSeat) -> String {
        match why {
            NoSeat::NoRoom => self.lang.label("No seat left", "座位已满"),
            NoSeat::NoSide => self.lang.label("On no side", "未分配到任何一方"),
        }
    }

    /// `Seating plan — Talks table`, with the meeting's title.
    fn title(&self) -> String {
        let layout = self.lang.choice(self.plan.layout);
        let what = self.lang.label("Seating plan", "座次图");
        let title = self.lang.text(&self.meeting.title);
        if title.trim().is_empty() {
            format!("{what} — {layout}")
        } else {
            format!("{what} — {layout}: {title}")
        }
    }

    /// `Monday 23 September 2024 · AFNOR headquarters`.
    fn date_and_venue(&self) -> String {
        let m = self.meeting;
        let date = super::text::date_span(m.start_date(), m.end_date(), self.lang);
        let venue = self.lang.text(&m.venue);
        if venue.trim().is_empty() {
            date
        } else {
            format!("{date} · {venue}")
        }
    }

    /// The rules applied, on one line.
    fn rules(&self) -> String {
        let l = self.lang;
        let a = &self.arrangement;
        let mut parts = vec![l.choice(self.plan.senior)];
        match self.plan.layout {
            SeatingLayout::Talks => {
                parts.push(l.choice(self.plan.talks.door));
                parts.push(l.choice(self.plan.talks.interpreter));
            }
            SeatingLayout::Banquet => {
                let seats = a.seats_per_table;
                let tables = a.tables;
                let en = if tables == 1 {
                    format!("1 table of {seats}")
                } else {
                    format!("{tables} tables of {seats}")
                };
                let zh = format!("{tables}桌，每桌{seats}人");
                parts.push(match l {
                    ExportLanguage::En => en,
                    ExportLanguage::Zh => zh,
                    ExportLanguage::Both => format!("{en} {zh}"),
                });
            }
        }
        let unseated = a.unseated.len();
        if unseated > 0 {
            parts.push(match l {
                ExportLanguage::En => format!("{unseated} without a seat (listed at the end)"),
                ExportLanguage::Zh => format!("{unseated}人无座位（见文末名单）"),
                ExportLanguage::Both => format!(
                    "{unseated} without a seat (listed at the end) {unseated}人无座位（见文末名单）"
                ),
            });
        }
        parts.join(" · ")
    }

    fn footer(&self) -> String {
        super::text::footer_line(
            &self.lang.text(&self.project.info.title),
            self.meeting.start_date(),
            self.lang,
        )
    }

    /// The seats taken, in seat order, with who sits there.
    fn taken(&self) -> impl Iterator<Item = (&Seat, usize)> {
        self.arrangement
            .seats
            .iter()
            .filter_map(|s| s.attendee.map(|a| (&s.seat, a)))
    }

    /// The party whose tint a seat of `attendee` takes.
    fn is_host(&self, attendee: usize) -> bool {
        self.arrangement.party.get(attendee) == Some(&Some(Party::Hosts))
    }
}

/// Where a seat is, in `lang`: `right 1`, `右1`, or both; banquet places counted from the
/// table's host at tables of `seats_per_table`.
pub fn place_text(seat: &Seat, seats_per_table: u32, lang: ExportLanguage) -> String {
    let en = seat.place_en(seats_per_table);
    let zh = place_zh(seat, seats_per_table);
    match lang {
        ExportLanguage::En => en,
        ExportLanguage::Zh => zh,
        ExportLanguage::Both => format!("{en} {zh}"),
    }
}

/// `居中`, `右1`, `左2`, `后排右1`; at a banquet table `主人位`, `右1`, `对面`.
fn place_zh(seat: &Seat, seats_per_table: u32) -> String {
    let hand = |place: i32| match place {
        0 => "居中".to_owned(),
        k if k > 0 => format!("右{k}"),
        k => format!("左{}", k.unsigned_abs()),
    };
    match *seat {
        Seat::Talks {
            row: Row::Table,
            place,
            ..
        } => hand(place),
        Seat::Talks {
            row: Row::Behind,
            place,
            ..
        } => format!("后排{}", hand(place)),
        Seat::Banquet { seat, .. } => match banquet_place(seat, seats_per_table) {
            BanquetPlace::Host => "主人位".to_owned(),
            BanquetPlace::Right(k) => format!("右{k}"),
            BanquetPlace::Left(k) => format!("左{k}"),
            BanquetPlace::Opposite => "对面".to_owned(),
        },
    }
}

/// The seating plan of `meeting` in `format`.
///
/// # Errors
/// [`ExportError::Pdf`] or [`ExportError::Docx`] when the document cannot be made.
pub fn render(
    project: &Project,
    meeting: &Meeting,
    format: SeatingFormat,
    lang: ExportLanguage,
    options: &SeatingOptions,
) -> Result<Vec<u8>, ExportError> {
    let seated = Seated::new(project, meeting, options, lang);
    Ok(match format {
        SeatingFormat::Csv => csv::write(&seated).into_bytes(),
        SeatingFormat::Pdf => pdf::render_plan(&drawing::drawing(&seated, options.paper))?,
        SeatingFormat::Docx => docx::write(&seated)?,
    })
}

/// Place cards for everyone seated, in seat order, each marked with its table and seat
/// (`Table 3 · right 1 / 3号桌 右1`), on the paper and with the faces of `cards`; returns
/// the PDF and how many cards it holds.
///
/// # Errors
/// As [`render`], and [`ExportError::Cancelled`] when `progress` says stop.
pub fn place_cards(
    project: &Project,
    meeting: &Meeting,
    options: &SeatingOptions,
    cards: pdf::CardOptions,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<(Vec<u8>, usize), ExportError> {
    let seated = Seated::new(project, meeting, options, ExportLanguage::Both);
    let talks = seated.plan.layout == SeatingLayout::Talks;
    let per_table = seated.arrangement.seats_per_table;
    let list: Vec<pdf::NameCard> = seated
        .taken()
        .filter_map(|(seat, index)| {
            let attendee = seated.attendee(index)?;
            let person = project.people.get(&attendee.person)?;
            let organisation = person
                .organisation
                .as_ref()
                .and_then(|o| project.organisations.get(o));
            let mut card = super::attendees::name_card(person, organisation);
            let (en, zh) = (
                place_text(seat, per_table, ExportLanguage::En),
                place_text(seat, per_table, ExportLanguage::Zh),
            );
            card.mark = if talks {
                let side = match seat {
                    Seat::Talks { party, .. } => seated.party_name_en_zh(*party),
                    Seat::Banquet { .. } => String::new(),
                };
                format!("{side} · {en} {zh}")
            } else {
                let t = seat.table();
                format!("Table {t} · {en} / {t}号桌 {zh}")
            };
            card.mark = super::sanitize_cell(&card.mark);
            Some(card)
        })
        .collect();
    let count = list.len();
    let bytes = pdf::render_name_cards_with(&list, cards, progress)?;
    Ok((bytes, count))
}

impl Seated<'_> {
    /// The sides of a party in both languages, short: acronyms or names as given.
    fn party_name_en_zh(&self, party: Party) -> String {
        let sides = match party {
            Party::Hosts => &self.arrangement.host_sides,
            Party::Guests => &self.arrangement.guest_sides,
        };
        sides
            .iter()
            .filter_map(|s| self.meeting.side(s))
            .map(|s| s.name.both())
            .filter(|n| !n.trim().is_empty())
            .collect::<Vec<_>>()
            .join(" · ")
    }
}

#[cfg(test)]
mod tests;
