//! Who sits where: the rules of both layouts applied around the seats placed by hand, and
//! the changes a drag, a lock or "re-seat" make to a plan.

use std::collections::{BTreeMap, BTreeSet};

use super::{Party, Placement, Seat, SeatingLayout, SeatingPlan, SeniorSide};
use crate::model::{
    AttendanceMode, AttendanceStatus, EntityMap, Meeting, Person, PersonId, SideId,
};

/// Why someone expected in the room has no seat.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoSeat {
    /// Every seat is taken: more people than seats.
    NoRoom,
    /// Not on any side of the meeting, so on neither side of the talks table.
    NoSide,
}

/// One seat of an arrangement and who sits there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SeatState {
    /// The seat.
    pub seat: Seat,
    /// Who sits there: an index into the meeting's attendees.
    pub attendee: Option<usize>,
    /// Kept when the rest is re-seated.
    pub locked: bool,
    /// Placed by hand rather than by the rules.
    pub by_hand: bool,
}

/// A plan applied to a meeting's attendees: every seat with who sits there, and everyone
/// who has no seat, said.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Arrangement {
    /// The layout arranged.
    pub layout: SeatingLayout,
    /// Which hand is senior.
    pub senior: SeniorSide,
    /// Every seat in seat order: talks, the guests' side then the hosts', each at the table
    /// from the centre outwards by seniority (centre, right 1, left 1…) then the row
    /// behind; banquet, table by table, each from its host by seniority. Place cards are
    /// printed in this order.
    pub seats: Vec<SeatState>,
    /// Attendees expected in the room who have no seat, in precedence order, and why.
    pub unseated: Vec<(usize, NoSeat)>,
    /// Attendees not expected in the room (declined, absent, online), in list order.
    pub away: Vec<usize>,
    /// Which party each attendee belongs to (`None`: on no side).
    pub party: Vec<Option<Party>>,
    /// The sides seated as hosts (the side of the host organisation, else the first).
    pub host_sides: Vec<SideId>,
    /// The sides seated as guests: all others.
    pub guest_sides: Vec<SideId>,
    /// Talks: seats on each side of the table.
    pub seats_per_side: u32,
    /// Banquet: how many tables.
    pub tables: u32,
    /// Banquet: seats at each table.
    pub seats_per_table: u32,
    /// Placements of this layout that no longer apply (the person left the meeting or
    /// declined, the seat is gone): they are kept in the plan but seat no one.
    pub stale: usize,
    /// Seat → index into `seats`.
    index: BTreeMap<Seat, usize>,
    /// Attendee → index into `seats`.
    seat_of: Vec<Option<usize>>,
}

impl Arrangement {
    /// The state of `seat`, if the arrangement has it.
    pub fn state(&self, seat: &Seat) -> Option<&SeatState> {
        self.index.get(seat).and_then(|i| self.seats.get(*i))
    }

    /// The seat of the attendee at `attendee` (an index into the meeting's attendees).
    pub fn seat_of(&self, attendee: usize) -> Option<&SeatState> {
        self.seat_of
            .get(attendee)
            .copied()
            .flatten()
            .and_then(|i| self.seats.get(i))
    }

    /// How many people have a seat.
    pub fn seated(&self) -> usize {
        self.seats.iter().filter(|s| s.attendee.is_some()).count()
    }

    /// Whether any seat was placed by hand since the last re-seat.
    pub fn by_hand(&self) -> bool {
        self.seats.iter().any(|s| s.by_hand && !s.locked)
    }

    /// The plan with the person at `from` moved to `to` (swapping with whoever sits
    /// there), or an unseated attendee (`Err(index)`) put there. From then on every seated
    /// person keeps the seat they have (placed by hand) so that nothing else moves; locks
    /// stay. `None` when nothing can move: no one at `from`, either seat locked, or the
    /// same seat.
    pub fn moved(
        &self,
        meeting: &Meeting,
        plan: &SeatingPlan,
        from: Result<Seat, usize>,
        to: Seat,
    ) -> Option<SeatingPlan> {
        let target = self.state(&to)?;
        if target.locked {
            return None;
        }
        let (moving, from_seat) = match from {
            Ok(seat) => {
                let state = self.state(&seat)?;
                if state.locked || seat == to {
                    return None;
                }
                (state.attendee?, Some(seat))
            }
            Err(attendee) => (attendee, None),
        };
        let mut seats: BTreeMap<Seat, (usize, bool)> = self
            .seats
            .iter()
            .filter_map(|s| s.attendee.map(|a| (s.seat, (a, s.locked))))
            .collect();
        let displaced = seats.remove(&to);
        if let Some(from_seat) = from_seat {
            seats.remove(&from_seat);
            if let Some((other, _)) = displaced {
                seats.insert(from_seat, (other, false));
            }
        }
        seats.insert(to, (moving, false));
        Some(self.with_placements(meeting, plan, &seats))
    }

    /// The plan with `seat` locked (or unlocked when it is): the person there keeps it
    /// when the rest is re-seated. Unlocking moves no one. `None` for an empty seat.
    pub fn toggled_lock(
        &self,
        meeting: &Meeting,
        plan: &SeatingPlan,
        seat: Seat,
    ) -> Option<SeatingPlan> {
        let state = self.state(&seat)?;
        let attendee = state.attendee?;
        let person = meeting.attendees.get(attendee)?.person.clone();
        let mut next = plan.clone();
        let layout = seat.layout();
        if state.locked {
            for p in &mut next.placements {
                if p.seat == seat {
                    p.locked = false;
                }
            }
        } else {
            next.placements
                .retain(|p| p.seat.layout() != layout || (p.seat != seat && p.person != person));
            next.placements.push(Placement {
                person,
                seat,
                locked: true,
            });
        }
        next.sort();
        Some(next)
    }

    /// `plan` with this layout's placements replaced by `seats` (seat → attendee, locked).
    fn with_placements(
        &self,
        meeting: &Meeting,
        plan: &SeatingPlan,
        seats: &BTreeMap<Seat, (usize, bool)>,
    ) -> SeatingPlan {
        let mut next = plan.clone();
        next.placements.retain(|p| p.seat.layout() != self.layout);
        for (seat, (attendee, locked)) in seats {
            if let Some(a) = meeting.attendees.get(*attendee) {
                next.placements.push(Placement {
                    person: a.person.clone(),
                    seat: *seat,
                    locked: *locked,
                });
            }
        }
        next.sort();
        next
    }
}

/// Seats the attendees of `meeting` by `plan`: the seats placed by hand first, then the
/// rules of the layout for everyone else. Deterministic; never drops anyone (who has no
/// seat is in [`Arrangement::unseated`] or [`Arrangement::away`]).
///
/// Each side is seated in its precedence ([`Meeting::precedence`]: role, the person's rank,
/// the list as notified, the moves by hand), the one order every list and name card uses;
/// `people` are the project's, for the ranks.
pub fn arrange(
    meeting: &Meeting,
    people: &EntityMap<PersonId, Person>,
    plan: &SeatingPlan,
) -> Arrangement {
    let mut b = Builder::new(meeting, people, plan);
    match plan.layout {
        SeatingLayout::Talks => super::talks::arrange(&mut b, meeting, plan),
        SeatingLayout::Banquet => super::banquet::arrange(&mut b, meeting, plan),
    }
    b.finish()
}

/// Whether an attendee is expected in the room: not declined or absent, and not online.
pub(super) fn in_room(meeting: &Meeting, index: usize) -> bool {
    meeting.attendees.get(index).is_some_and(|a| {
        !matches!(
            a.status,
            AttendanceStatus::Declined | AttendanceStatus::Absent
        ) && a.mode == AttendanceMode::OnSite
    })
}

/// An arrangement being built.
pub(super) struct Builder {
    pub(super) arrangement: Arrangement,
    /// Placements that name a seat of the layout and someone in the room, one per seat
    /// and per person (the first wins), not yet checked against the layout's size.
    pub(super) candidates: Vec<(Seat, usize, bool)>,
    /// Who sits where so far: seat → (attendee, locked, by hand).
    pub(super) taken: BTreeMap<Seat, (usize, bool, bool)>,
    /// Attendees with a seat or a placement so far.
    pub(super) placed: BTreeSet<usize>,
    /// Placements of the layout in the plan.
    pub(super) layout_placements: usize,
    /// Each side's attendees in precedence order (indices into the meeting's attendees).
    precedence: BTreeMap<SideId, Vec<usize>>,
}

impl Builder {
    fn new(meeting: &Meeting, people: &EntityMap<PersonId, Person>, plan: &SeatingPlan) -> Self {
        let n = meeting.attendees.len();
        let (host_sides, guest_sides) = parties(meeting);
        let precedence: BTreeMap<SideId, Vec<usize>> = host_sides
            .iter()
            .chain(&guest_sides)
            .map(|side| {
                let order = meeting.precedence_placed(people, Some(side));
                (side.clone(), order.into_iter().map(|p| p.index).collect())
            })
            .collect();
        let mut party = vec![None; n];
        for (sides, p) in [(&host_sides, Party::Hosts), (&guest_sides, Party::Guests)] {
            for side in sides {
                for &i in precedence.get(side).into_iter().flatten() {
                    if let Some(slot) = party.get_mut(i) {
                        *slot = Some(p);
                    }
                }
            }
        }
        let away = (0..n).filter(|i| !in_room(meeting, *i)).collect();
        // Attendee of each person in the room (the first, should a file name one twice).
        let mut attendee_of: BTreeMap<&PersonId, usize> = BTreeMap::new();
        for (i, a) in meeting.attendees.iter().enumerate() {
            if in_room(meeting, i) {
                attendee_of.entry(&a.person).or_insert(i);
            }
        }
        let mut candidates = Vec::new();
        let (mut seats, mut people) = (BTreeSet::new(), BTreeSet::new());
        let mut layout_placements = 0;
        for p in plan.placements_of(plan.layout) {
            layout_placements += 1;
            let Some(&attendee) = attendee_of.get(&p.person) else {
                continue;
            };
            if !seats.contains(&p.seat) && !people.contains(&attendee) {
                seats.insert(p.seat);
                people.insert(attendee);
                candidates.push((p.seat, attendee, p.locked));
            }
        }
        Self {
            arrangement: Arrangement {
                layout: plan.layout,
                senior: plan.senior,
                away,
                party,
                host_sides,
                guest_sides,
                seat_of: vec![None; n],
                ..Arrangement::default()
            },
            candidates,
            taken: BTreeMap::new(),
            placed: BTreeSet::new(),
            layout_placements,
            precedence,
        }
    }

    /// Seats the placements that `fits` accepts; the others become stale.
    pub(super) fn pin(&mut self, fits: impl Fn(&Seat) -> bool) {
        for (seat, attendee, locked) in std::mem::take(&mut self.candidates) {
            if fits(&seat) {
                self.taken.insert(seat, (attendee, locked, true));
                self.placed.insert(attendee);
            }
        }
    }

    /// Whether `seat` is still free.
    pub(super) fn is_free(&self, seat: &Seat) -> bool {
        !self.taken.contains_key(seat)
    }

    /// Whether the attendee was seated by hand.
    pub(super) fn is_placed(&self, attendee: usize) -> bool {
        self.placed.contains(&attendee)
    }

    /// Seats `attendee` at `seat` by the rules.
    pub(super) fn seat(&mut self, seat: Seat, attendee: usize) {
        self.taken.insert(seat, (attendee, false, false));
        self.placed.insert(attendee);
    }

    /// Says that `attendee` has no seat.
    pub(super) fn no_seat(&mut self, attendee: usize, why: NoSeat) {
        self.arrangement.unseated.push((attendee, why));
    }

    /// Adds `seat` to the arrangement's seats, in order, with whoever was given it.
    pub(super) fn push_seat(&mut self, seat: Seat) {
        let (attendee, locked, by_hand) = match self.taken.get(&seat) {
            Some(&(a, locked, by_hand)) => (Some(a), locked, by_hand),
            None => (None, false, false),
        };
        let index = self.arrangement.seats.len();
        if let Some(a) = attendee
            && let Some(slot) = self.arrangement.seat_of.get_mut(a)
        {
            *slot = Some(index);
        }
        self.arrangement.index.insert(seat, index);
        self.arrangement.seats.push(SeatState {
            seat,
            attendee,
            locked,
            by_hand,
        });
    }

    fn finish(mut self) -> Arrangement {
        let applied = self.arrangement.seats.iter().filter(|s| s.by_hand).count();
        self.arrangement.stale = self.layout_placements.saturating_sub(applied);
        self.arrangement
    }
}

/// The host sides (the side holding the host organisation, else the first side) and the
/// guest sides (every other), each once, in the meeting's order.
fn parties(meeting: &Meeting) -> (Vec<SideId>, Vec<SideId>) {
    let mut seen = BTreeSet::new();
    let sides: Vec<&crate::model::Side> = meeting
        .sides
        .iter()
        .filter(|s| seen.insert(&s.id))
        .collect();
    let host = meeting
        .host
        .as_ref()
        .and_then(|h| sides.iter().find(|s| s.organisations.contains(h)))
        .or_else(|| sides.first());
    let Some(host) = host else {
        return (Vec::new(), Vec::new());
    };
    let guests = sides
        .iter()
        .filter(|s| s.id != host.id)
        .map(|s| s.id.clone())
        .collect();
    (vec![host.id.clone()], guests)
}

/// The attendees of `sides` in the room, side after side, each in precedence order.
pub(super) fn party_list(b: &Builder, meeting: &Meeting, sides: &[SideId]) -> Vec<usize> {
    sides
        .iter()
        .flat_map(|s| b.precedence.get(s).into_iter().flatten().copied())
        .filter(|i| in_room(meeting, *i))
        .collect()
}

/// The k-th place of a row by seniority: 0, then the senior hand's 1, the other hand's 1,
/// the senior hand's 2… (`right 1` is `1`, `left 1` is `-1`).
pub(super) fn place_by_rank(rank: usize, senior: SeniorSide) -> i32 {
    let hand = match senior {
        SeniorSide::Right => 1,
        SeniorSide::Left => -1,
    };
    let k = i32::try_from(rank.div_ceil(2)).unwrap_or(i32::MAX);
    if rank % 2 == 1 { hand * k } else { -hand * k }
}

/// The seniority rank of a place (the inverse of [`place_by_rank`]).
pub(super) fn rank_of_place(place: i32, senior: SeniorSide) -> usize {
    let senior_hand = match senior {
        SeniorSide::Right => place > 0,
        SeniorSide::Left => place < 0,
    };
    let k = usize::try_from(place.unsigned_abs()).unwrap_or(usize::MAX);
    match (place, senior_hand) {
        (0, _) => 0,
        (_, true) => k.saturating_mul(2).saturating_sub(1),
        (_, false) => k.saturating_mul(2),
    }
}
