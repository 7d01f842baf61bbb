//! Banquet rounds (宴会): the host at table 1 facing the door, the guest of honour on the
//! host's right, the second guest on the host's left, the deputy host opposite with the
//! third and fourth guests on the deputy's right and left; tables filled by precedence,
//! every table with a host while hosts last, hosts and guests alternating round each table.

use super::rules::{Builder, NoSeat, in_room, party_list};
use super::{MAX_TABLES, Party, Seat, SeatingPlan, SeniorSide};
use crate::model::Meeting;

/// Seat indices of one table as the rules think of them ("virtual": the host's right is
/// +1), turned into the real ones by [`Table::real`] (mirrored when left is senior).
struct Table {
    seats: usize,
    senior: SeniorSide,
}

impl Table {
    /// The real seat index of virtual seat `v`.
    fn real(&self, v: usize) -> usize {
        match self.senior {
            SeniorSide::Right => v % self.seats,
            SeniorSide::Left => (self.seats - v % self.seats) % self.seats,
        }
    }

    /// Virtual seats by seniority: the host, right 1, left 1, right 2, left 2…
    fn by_rank(&self) -> Vec<usize> {
        let n = self.seats;
        let mut out = vec![0];
        for k in 1..n {
            for v in [k, n - k] {
                if v > 0 && v < n && !out.contains(&v) {
                    out.push(v);
                }
            }
            if out.len() >= n {
                break;
            }
        }
        out
    }

    /// The seats protocol fixes, in order, with the party each is for: the host, the guest
    /// of honour on the host's right, the second guest on the host's left, the deputy host
    /// opposite, the third guest on the deputy's right and the fourth on the deputy's left.
    fn fixed(&self) -> Vec<(usize, Party)> {
        let n = self.seats;
        // Even tables have a seat straight across; odd ones the farthest on the right.
        let opposite = if n.is_multiple_of(2) {
            n / 2
        } else {
            (n - 1) / 2
        };
        let mut out: Vec<(usize, Party)> = Vec::new();
        for (v, p) in [
            (0, Party::Hosts),
            (1, Party::Guests),
            (n - 1, Party::Guests),
            (opposite, Party::Hosts),
            // Everyone faces the centre, so the deputy's right is the next seat round in
            // the same direction as the host's right.
            (opposite + 1, Party::Guests),
            (opposite - 1, Party::Guests),
        ] {
            if v < n && !out.iter().any(|(o, _)| *o == v) {
                out.push((v, p));
            }
        }
        out
    }
}

pub(super) fn arrange(b: &mut Builder, meeting: &Meeting, plan: &SeatingPlan) {
    let n = usize::try_from(plan.banquet.seats()).unwrap_or(10);
    let table = Table {
        seats: n,
        senior: plan.senior,
    };
    let hosts = party_list(b, meeting, &b.arrangement.host_sides);
    let mut guests = party_list(b, meeting, &b.arrangement.guest_sides);
    // On no side: seated after the guests rather than left out.
    guests.extend(
        (0..meeting.attendees.len())
            .filter(|i| b.arrangement.party.get(*i) == Some(&None) && in_room(meeting, *i)),
    );
    let max_tables = usize::try_from(MAX_TABLES).unwrap_or(1);
    let pinned_extent = b
        .candidates
        .iter()
        .filter_map(|(s, _, _)| match *s {
            Seat::Banquet { table, .. } => usize::try_from(table).ok(),
            Seat::Talks { .. } => None,
        })
        .filter(|t| *t <= max_tables)
        .max()
        .unwrap_or(0);
    let tables = match plan.banquet.tables {
        Some(t) => usize::try_from(t.clamp(1, MAX_TABLES)).unwrap_or(1),
        None => (hosts.len() + guests.len())
            .div_ceil(n)
            .max(pinned_extent)
            .clamp(1, max_tables),
    };
    b.pin(|s| match *s {
        Seat::Banquet { table: t, seat } => {
            usize::try_from(t).is_ok_and(|t| t >= 1 && t <= tables)
                && usize::try_from(seat).is_ok_and(|s| s < n)
        }
        Seat::Talks { .. } => false,
    });
    let at = |t: usize, v: usize| Seat::Banquet {
        table: u32::try_from(t).unwrap_or(u32::MAX),
        seat: u32::try_from(table.real(v)).unwrap_or(0),
    };

    let hosts: Vec<usize> = hosts.into_iter().filter(|i| !b.is_placed(*i)).collect();
    let guests: Vec<usize> = guests.into_iter().filter(|i| !b.is_placed(*i)).collect();
    let free: Vec<usize> = (1..=tables)
        .map(|t| (0..n).filter(|v| b.is_free(&at(t, *v))).count())
        .collect();
    let people = hosts.len() + guests.len();
    let seated = people.min(free.iter().sum());
    // More people than seats: each party keeps its share of the seats, and its last in
    // precedence are said to have none.
    let host_share = if people == 0 {
        0
    } else {
        ((hosts.len() * seated * 2 + people) / (2 * people))
            .clamp(seated.saturating_sub(guests.len()), hosts.len().min(seated))
    };
    let (seated_hosts, over_hosts) = hosts.split_at(host_share.min(hosts.len()));
    let guest_share = seated - host_share;
    let (seated_guests, over_guests) = guests.split_at(guest_share.min(guests.len()));
    for &who in over_hosts.iter().chain(over_guests) {
        b.no_seat(who, NoSeat::NoRoom);
    }

    // Tables filled in order; each gets a host while hosts last, the other hosts spread
    // over the tables by their seats.
    let mut left = seated;
    let counts: Vec<usize> = free
        .iter()
        .map(|f| {
            let c = (*f).min(left);
            left -= c;
            c
        })
        .collect();
    let host_counts = spread(&counts, host_share);

    let mut host_queue = seated_hosts.iter().copied();
    let mut guest_queue = seated_guests.iter().copied();
    for (t0, (&count, &host_count)) in counts.iter().zip(&host_counts).enumerate() {
        let t = t0 + 1;
        let mut quota = [host_count, count - host_count];
        let idx = |p: Party| usize::from(p == Party::Guests);
        let other = |p: Party| match p {
            Party::Hosts => Party::Guests,
            Party::Guests => Party::Hosts,
        };
        // Virtual seat → party, for this table so far (placements included).
        let mut parties: Vec<Option<Party>> = (0..n)
            .map(|v| {
                b.taken
                    .get(&at(t, v))
                    .map(|(a, _, _)| b.arrangement.party.get(*a).copied().flatten())
                    .map(|p| p.unwrap_or(Party::Guests))
            })
            .collect();
        let mut order: Vec<(usize, Party)> = Vec::new();
        let mut take =
            |v: usize, want: Party, quota: &mut [usize; 2], parties: &mut [Option<Party>]| {
                let party = if quota.get(idx(want)).is_some_and(|q| *q > 0) {
                    want
                } else {
                    other(want)
                };
                if let Some(q) = quota.get_mut(idx(party))
                    && *q > 0
                {
                    *q -= 1;
                    if let Some(slot) = parties.get_mut(v) {
                        *slot = Some(party);
                    }
                    order.push((v, party));
                }
            };
        for (v, want) in table.fixed() {
            if parties.get(v) == Some(&None) {
                take(v, want, &mut quota, &mut parties);
            }
        }
        for v in table.by_rank() {
            if parties.get(v) != Some(&None) || quota == [0, 0] {
                continue;
            }
            // The party fewer of the neighbours belong to; a tie goes to the party with
            // more people still to seat at this table, then to the hosts.
            let around = [(v + n - 1) % n, (v + 1) % n];
            let same = |p: Party| {
                around
                    .iter()
                    .filter(|o| parties.get(**o) == Some(&Some(p)))
                    .count()
            };
            let want = match same(Party::Hosts).cmp(&same(Party::Guests)) {
                std::cmp::Ordering::Less => Party::Hosts,
                std::cmp::Ordering::Greater => Party::Guests,
                std::cmp::Ordering::Equal if quota[1] > quota[0] => Party::Guests,
                std::cmp::Ordering::Equal => Party::Hosts,
            };
            take(v, want, &mut quota, &mut parties);
        }
        for (v, party) in order {
            let next = match party {
                Party::Hosts => host_queue.next().or_else(|| guest_queue.next()),
                Party::Guests => guest_queue.next().or_else(|| host_queue.next()),
            };
            if let Some(who) = next {
                b.seat(at(t, v), who);
            }
        }
    }
    for t in 1..=tables {
        for v in table.by_rank() {
            b.push_seat(at(t, v));
        }
    }
    b.arrangement.tables = u32::try_from(tables).unwrap_or(u32::MAX);
    b.arrangement.seats_per_table = u32::try_from(n).unwrap_or(10);
}

/// `hosts` spread over tables seating `counts` people each: one per table while they
/// last, then the rest in proportion to the seats left (largest remainders first, ties
/// to the earlier table).
fn spread(counts: &[usize], hosts: usize) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::with_capacity(counts.len());
    let mut left = hosts;
    for &c in counts {
        let one = usize::from(c > 0 && left > 0);
        left -= one;
        out.push(one);
    }
    let room: Vec<usize> = counts.iter().zip(&out).map(|(c, o)| c - o).collect();
    let total: usize = room.iter().sum();
    if total == 0 || left == 0 {
        return out;
    }
    let mut remainders: Vec<(usize, usize)> = Vec::with_capacity(counts.len());
    let mut given = 0;
    for (i, r) in room.iter().enumerate() {
        let share = left * r;
        if let Some(o) = out.get_mut(i) {
            *o += share / total;
        }
        given += share / total;
        remainders.push((share % total, i));
    }
    remainders.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    for (_, i) in remainders.into_iter().take(left - given) {
        if let Some(o) = out.get_mut(i) {
            *o += 1;
        }
    }
    out
}
