//! The talks table (会谈): the two sides face each other, heads at the centre, interpreters
//! on the head's right or behind, the others alternating right then left by precedence,
//! note-takers behind.

use super::rules::{Builder, NoSeat, party_list, place_by_rank, rank_of_place};
use super::{InterpreterSeat, MAX_SIDE_SEATS, Party, Row, Seat, SeatingPlan};
use crate::model::{AttendanceRole, Meeting};

/// One side of the table: who sits at it, who interprets, who takes notes.
struct Delegation {
    party: Party,
    /// At the table, in precedence order (interpreters and note-takers left out).
    table: Vec<usize>,
    /// Interpreters in precedence order: the first beside or behind the head.
    interpreters: Vec<usize>,
    /// Note-takers in precedence order: behind.
    note_takers: Vec<usize>,
}

impl Delegation {
    fn of(meeting: &Meeting, party: Party, people: Vec<usize>) -> Self {
        let mut d = Self {
            party,
            table: Vec::new(),
            interpreters: Vec::new(),
            note_takers: Vec::new(),
        };
        for i in people {
            match meeting.attendees.get(i).map(|a| a.role) {
                Some(AttendanceRole::Interpreter) => d.interpreters.push(i),
                Some(AttendanceRole::NoteTaker) => d.note_takers.push(i),
                _ => d.table.push(i),
            }
        }
        d
    }
}

fn seat(party: Party, row: Row, place: i32) -> Seat {
    Seat::Talks { party, row, place }
}

pub(super) fn arrange(b: &mut Builder, meeting: &Meeting, plan: &SeatingPlan) {
    let senior = plan.senior;
    let options = &plan.talks;
    let beside = options.interpreter == InterpreterSeat::Beside;
    let hosts = party_list(b, meeting, &b.arrangement.host_sides);
    let guests = party_list(b, meeting, &b.arrangement.guest_sides);
    let sides = [
        Delegation::of(meeting, Party::Guests, guests),
        Delegation::of(meeting, Party::Hosts, hosts),
    ];
    // Placements far beyond any table are refused before they can size one.
    let max_rank = usize::try_from(MAX_SIDE_SEATS).unwrap_or(usize::MAX);
    let table_rank = |s: &Seat| match *s {
        Seat::Talks {
            row: Row::Table,
            place,
            ..
        } => Some(rank_of_place(place, senior)),
        _ => None,
    };
    let pinned_extent = b
        .candidates
        .iter()
        .filter_map(|(s, _, _)| table_rank(s))
        .filter(|r| *r < max_rank)
        .map(|r| r + 1)
        .max()
        .unwrap_or(0);
    // Seats each side needs: its table people, and the interpreter's seat beside the head.
    let need = |d: &Delegation| d.table.len() + usize::from(beside && !d.interpreters.is_empty());
    let per_side = match options.seats_per_side {
        Some(n) => usize::try_from(n.clamp(1, MAX_SIDE_SEATS)).unwrap_or(1),
        None => sides
            .iter()
            .map(need)
            .chain([pinned_extent, 1])
            .max()
            .unwrap_or(1),
    };
    b.pin(|s| match *s {
        Seat::Talks {
            row: Row::Table,
            place,
            ..
        } => rank_of_place(place, senior) < per_side,
        Seat::Talks {
            row: Row::Behind,
            place,
            ..
        } => rank_of_place(place, senior) < max_rank,
        Seat::Banquet { .. } => false,
    });

    let mut behind_extent = per_side;
    for d in &sides {
        let party = d.party;
        let table_seat = |rank: usize| seat(party, Row::Table, place_by_rank(rank, senior));
        let behind_seat = |rank: usize| seat(party, Row::Behind, place_by_rank(rank, senior));
        // Behind: the centre (behind the head) is the interpreters'; note-takers sit from
        // the senior hand's first seat outwards.
        let behind = |b: &mut Builder, from: usize, who: usize| {
            let rank = (from..)
                .find(|r| b.is_free(&behind_seat(*r)))
                .unwrap_or(from);
            b.seat(behind_seat(rank), who);
        };
        let unplaced = |b: &Builder, people: &[usize]| -> Vec<usize> {
            people
                .iter()
                .copied()
                .filter(|i| !b.is_placed(*i))
                .collect()
        };
        let interpreters = unplaced(b, &d.interpreters);
        let mut interpreters = interpreters.into_iter();
        if let Some(first) = interpreters.next() {
            let next_to_head = table_seat(1);
            if beside && per_side > 1 && b.is_free(&next_to_head) {
                b.seat(next_to_head, first);
            } else {
                behind(b, 0, first);
            }
        }
        for other in interpreters {
            behind(b, 0, other);
        }
        let free: Vec<usize> = (0..per_side)
            .filter(|r| b.is_free(&table_seat(*r)))
            .collect();
        let mut free = free.into_iter();
        for who in unplaced(b, &d.table) {
            match free.next() {
                Some(rank) => b.seat(table_seat(rank), who),
                None => b.no_seat(who, NoSeat::NoRoom),
            }
        }
        for who in unplaced(b, &d.note_takers) {
            behind(b, 1, who);
        }
        let used_behind = b
            .taken
            .keys()
            .filter_map(|s| match *s {
                Seat::Talks {
                    party: p,
                    row: Row::Behind,
                    place,
                } if p == party => Some(rank_of_place(place, senior) + 1),
                _ => None,
            })
            .max()
            .unwrap_or(0);
        behind_extent = behind_extent.max(used_behind);
    }
    // Attendees on no side sit on neither side of the table: said, not dropped.
    for (i, party) in b.arrangement.party.clone().iter().enumerate() {
        if party.is_none() && super::rules::in_room(meeting, i) {
            b.no_seat(i, NoSeat::NoSide);
        }
    }
    for d in &sides {
        for rank in 0..per_side {
            b.push_seat(seat(d.party, Row::Table, place_by_rank(rank, senior)));
        }
        for rank in 0..behind_extent {
            b.push_seat(seat(d.party, Row::Behind, place_by_rank(rank, senior)));
        }
    }
    b.arrangement.seats_per_side = u32::try_from(per_side).unwrap_or(u32::MAX);
}
