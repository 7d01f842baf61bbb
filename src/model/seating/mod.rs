//! Seating plans: the talks table (会谈) and banquet rounds, as a meeting stores them (the
//! layout chosen, its options, the seats placed or locked by hand) and as the rules seat
//! everyone else ([`arrange`]).
//!
//! The rules are protocol practice as the users' offices apply it:
//! - *Talks*: the two sides face each other; the heads sit at the centre; the guests face
//!   the door (the host's back to it) unless switched; an interpreter sits on the head's
//!   right (or behind the head); the others alternate right then left by precedence (with
//!   an interpreter in the right seat, the second in precedence takes the left seat, the
//!   third the next right beyond the interpreter…); note-takers sit behind. Right is senior
//!   (foreign affairs practice); the left-senior domestic convention mirrors everything.
//! - *Banquet*: round tables; the host at table 1 faces the door, the guest of honour on
//!   the host's right, the second guest on the host's left, the deputy host opposite with
//!   the third and fourth guests on the deputy's right and left; tables are filled by
//!   precedence, hosts and guests alternating so that they mix.
//!
//! Nothing here knows how a plan is drawn or printed: the UI and the exports read the
//! [`Arrangement`] and place the seats with [`geometry`].

mod banquet;
pub mod geometry;
mod rules;
mod talks;
#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};

use super::{PersonId, choice_enum};
pub use rules::{Arrangement, NoSeat, SeatState, arrange};

/// The most seats a banquet table takes (and the fewest).
pub const TABLE_SEATS: std::ops::RangeInclusive<u32> = 4..=24;
/// The most seats one side of the talks table takes.
pub const MAX_SIDE_SEATS: u32 = 100;
/// The most banquet tables a plan has.
pub const MAX_TABLES: u32 = 1_000;

/// A meeting's seating plan: the layout drawn, its options, and the seats placed by hand.
///
/// Only what the user chose is stored; who sits where is worked out by [`arrange`] from
/// the attendees, so a plan follows the list as it changes.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeatingPlan {
    /// Talks table or banquet rounds.
    #[serde(default)]
    pub layout: SeatingLayout,
    /// Which hand is the seat of honour: right (foreign affairs) or left (domestic).
    #[serde(default)]
    pub senior: SeniorSide,
    /// How the talks table is set.
    #[serde(default)]
    pub talks: TalksOptions,
    /// How the banquet is set.
    #[serde(default)]
    pub banquet: BanquetOptions,
    /// Seats placed by hand (a drag) or locked, sorted by seat; the rules seat everyone
    /// else around them. Re-seating drops those that are not locked.
    #[serde(default)]
    pub placements: Vec<Placement>,
}

impl SeatingPlan {
    /// True when nothing was chosen: such a plan is left out of the file.
    pub fn is_unset(&self) -> bool {
        self == &Self::default()
    }

    /// The placements of the layout shown (the other layout's are kept for when the user
    /// switches back).
    pub fn placements_of(&self, layout: SeatingLayout) -> impl Iterator<Item = &Placement> {
        self.placements
            .iter()
            .filter(move |p| p.seat.layout() == layout)
    }

    /// Whether `seat` is locked.
    pub fn is_locked(&self, seat: &Seat) -> bool {
        self.placements.iter().any(|p| &p.seat == seat && p.locked)
    }

    /// "Re-seat the rest by the rules": the placements of the layout shown that are not
    /// locked are dropped, so the rules seat those people again around the locked seats.
    pub fn reseat(&mut self) {
        let layout = self.layout;
        self.placements
            .retain(|p| p.locked || p.seat.layout() != layout);
    }

    /// Puts the placements in seat order (then by person): the order they are saved in.
    pub fn sort(&mut self) {
        self.placements
            .sort_by(|a, b| (&a.seat, &a.person).cmp(&(&b.seat, &b.person)));
    }
}

/// The seat of one person, placed or locked by hand.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Placement {
    /// Who sits there.
    pub person: PersonId,
    /// Where.
    pub seat: Seat,
    /// Kept when the rest is re-seated by the rules.
    #[serde(default)]
    pub locked: bool,
}

/// One seat of a plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Seat {
    /// A seat at the talks table or in the row behind it.
    Talks {
        /// Which side of the table.
        party: Party,
        /// At the table or behind it.
        row: Row,
        /// Seen from the seat's own side: 0 is the centre, `k` the k-th seat to the right
        /// of it, `-k` the k-th to the left.
        place: i32,
    },
    /// A seat at a banquet table.
    Banquet {
        /// The table, from 1 (the host's).
        table: u32,
        /// 0 is the table's host; `k` is the k-th seat going round to the host's right.
        seat: u32,
    },
}

impl Seat {
    /// The layout the seat belongs to.
    pub fn layout(&self) -> SeatingLayout {
        match self {
            Self::Talks { .. } => SeatingLayout::Talks,
            Self::Banquet { .. } => SeatingLayout::Banquet,
        }
    }

    /// Where the seat is, as the CSV says it and a protocol officer reads it, seen from
    /// the seat's own side: `centre`, `right 1`, `left 1`, `behind right 2`; at a banquet
    /// table counted from its host (`host`, `right 1`, `left 1`, `opposite`) for tables
    /// of `seats_per_table`.
    pub fn place_en(&self, seats_per_table: u32) -> String {
        match *self {
            Self::Talks { row, place, .. } => {
                let at = side_place_en(place);
                match row {
                    Row::Table => at,
                    Row::Behind => format!("behind {at}"),
                }
            }
            Self::Banquet { seat, .. } => match banquet_place(seat, seats_per_table) {
                BanquetPlace::Host => "host".to_owned(),
                BanquetPlace::Right(k) => format!("right {k}"),
                BanquetPlace::Left(k) => format!("left {k}"),
                BanquetPlace::Opposite => "opposite".to_owned(),
            },
        }
    }

    /// The table number: 1 for the talks table.
    pub fn table(&self) -> u32 {
        match self {
            Self::Talks { .. } => 1,
            Self::Banquet { table, .. } => *table,
        }
    }
}

/// `centre`, `right 2`, `left 1`.
fn side_place_en(place: i32) -> String {
    match place {
        0 => "centre".to_owned(),
        k if k > 0 => format!("right {k}"),
        k => format!("left {}", k.unsigned_abs()),
    }
}

/// Where a seat of a round table is, counted from the table's host.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BanquetPlace {
    /// The table's host.
    Host,
    /// The k-th seat to the host's right.
    Right(u32),
    /// The k-th seat to the host's left.
    Left(u32),
    /// Straight across from the host (tables of an even number of seats).
    Opposite,
}

/// Where seat `seat` of a round table of `seats` is, counted from its host.
pub fn banquet_place(seat: u32, seats: u32) -> BanquetPlace {
    let seats = seats.max(1);
    let seat = seat % seats;
    let left = seats - seat;
    if seat == 0 {
        BanquetPlace::Host
    } else if seat < left {
        BanquetPlace::Right(seat)
    } else if seat > left {
        BanquetPlace::Left(left)
    } else {
        BanquetPlace::Opposite
    }
}

/// Talks table or banquet.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum SeatingLayout {
    /// The bilateral negotiation table (会谈).
    #[default]
    Talks,
    /// Round tables (宴会).
    Banquet,
}

choice_enum!(SeatingLayout {
    Talks => ("talks", "Talks table", "会谈桌"),
    Banquet => ("banquet", "Banquet", "宴会"),
});

/// Which hand is the seat of honour.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum SeniorSide {
    /// Right is senior: foreign affairs practice (以右为尊).
    #[default]
    Right,
    /// Left is senior: the domestic convention (以左为尊); the plan is mirrored.
    Left,
}

choice_enum!(SeniorSide {
    Right => ("right", "Right is senior", "以右为尊"),
    Left => ("left", "Left is senior", "以左为尊"),
});

/// The two sides of the talks table.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum Party {
    /// The guests: every side but the host's.
    #[default]
    Guests,
    /// The host's side.
    Hosts,
}

/// At the talks table, or in the row behind it.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum Row {
    /// At the table.
    #[default]
    Table,
    /// Behind the table (note-takers, an interpreter seated behind).
    Behind,
}

/// The shape of the talks table as drawn.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum TableShape {
    /// A long rectangular table.
    #[default]
    Rectangular,
    /// An oval table.
    Oval,
}

choice_enum!(TableShape {
    Rectangular => ("rectangular", "Rectangular", "长方桌"),
    Oval => ("oval", "Oval", "椭圆桌"),
});

/// Who faces the door at the talks table.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum DoorFacing {
    /// The guests face the door, the hosts have their backs to it (客人面门).
    #[default]
    Guests,
    /// The hosts face the door.
    Hosts,
}

choice_enum!(DoorFacing {
    Guests => ("guests", "Guests face the door", "客方面门"),
    Hosts => ("hosts", "Hosts face the door", "主方面门"),
});

/// Where an interpreter sits at the talks table.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum InterpreterSeat {
    /// On the head's right, at the table.
    #[default]
    Beside,
    /// Behind the head.
    Behind,
}

choice_enum!(InterpreterSeat {
    Beside => ("beside", "Interpreter beside the head", "译员坐主谈人右侧"),
    Behind => ("behind", "Interpreter behind the head", "译员坐主谈人身后"),
});

/// How the talks table is set.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TalksOptions {
    /// The table's shape as drawn.
    #[serde(default)]
    pub shape: TableShape,
    /// Who faces the door.
    #[serde(default)]
    pub door: DoorFacing,
    /// Where an interpreter sits.
    #[serde(default)]
    pub interpreter: InterpreterSeat,
    /// Seats on each side of the table; `None`: as many as the larger side needs.
    #[serde(default)]
    pub seats_per_side: Option<u32>,
}

/// How the banquet is set.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BanquetOptions {
    /// Seats at each round table.
    #[serde(default = "default_table_seats")]
    pub seats_per_table: u32,
    /// How many tables; `None`: as many as the guests need.
    #[serde(default)]
    pub tables: Option<u32>,
}

fn default_table_seats() -> u32 {
    10
}

impl Default for BanquetOptions {
    fn default() -> Self {
        Self {
            seats_per_table: default_table_seats(),
            tables: None,
        }
    }
}

impl BanquetOptions {
    /// Seats per table within [`TABLE_SEATS`], whatever the file said.
    pub fn seats(&self) -> u32 {
        self.seats_per_table
            .clamp(*TABLE_SEATS.start(), *TABLE_SEATS.end())
    }
}
