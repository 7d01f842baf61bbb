//! The rules of both layouts on small meetings built here, and what a drag, a lock and
//! re-seating do.

use super::*;
use crate::model::{
    AttendanceMode, AttendanceRole, AttendanceStatus, Attendee, Meeting, OrganisationId, Side,
    SideId,
};

/// A meeting hosted by `host-org`, with the sides `guests` and `hosts` and these attendees:
/// (person, side, role), ranked in the order given within each side.
fn meeting(people: &[(&str, &str, AttendanceRole)]) -> Meeting {
    let mut m = Meeting::new(
        chrono::NaiveDate::from_ymd_opt(2024, 9, 23).unwrap(),
        chrono_tz::Europe::Paris,
    );
    m.host = Some(OrganisationId::from("host-org"));
    m.sides = vec![
        Side {
            id: SideId::from("guests"),
            organisations: vec![OrganisationId::from("guest-org")],
            ..Side::default()
        },
        Side {
            id: SideId::from("hosts"),
            organisations: vec![OrganisationId::from("host-org")],
            ..Side::default()
        },
    ];
    let mut ranks = std::collections::BTreeMap::new();
    for (person, side, role) in people {
        let rank = ranks.entry(*side).or_insert(0);
        *rank += 1;
        let mut a = Attendee::new(PersonId::from(*person));
        a.side = (!side.is_empty()).then(|| SideId::from(*side));
        a.role = *role;
        a.rank = *rank;
        a.status = AttendanceStatus::Confirmed;
        m.attendees.push(a);
    }
    m
}

use AttendanceRole::{HeadOfDelegation as Head, Interpreter, Member, NoteTaker};

/// The arrangement of a meeting whose people have no rank set: precedence by role, then
/// the list as notified.
fn arrange(m: &Meeting, plan: &SeatingPlan) -> Arrangement {
    super::arrange(m, &crate::model::EntityMap::default(), plan)
}

/// Who sits at each seat of `party`'s side, as (row, place, person).
fn talks_side(m: &Meeting, a: &Arrangement, party: Party) -> Vec<(Row, i32, String)> {
    a.seats
        .iter()
        .filter_map(|s| match s.seat {
            Seat::Talks {
                party: p,
                row,
                place,
            } if p == party => s
                .attendee
                .map(|i| (row, place, m.attendees[i].person.0.clone())),
            _ => None,
        })
        .collect()
}

fn at(row: Row, place: i32, who: &str) -> (Row, i32, String) {
    (row, place, who.to_owned())
}

/// A delegation of head, members, an interpreter and a note-taker, listed out of order.
fn delegation() -> Meeting {
    meeting(&[
        ("g-head", "guests", Head),
        ("g-interp", "guests", Interpreter),
        ("g-2", "guests", Member),
        ("g-notes", "guests", NoteTaker),
        ("g-3", "guests", Member),
        ("g-4", "guests", Member),
        ("h-head", "hosts", Head),
        ("h-2", "hosts", Member),
        ("h-3", "hosts", Member),
    ])
}

#[test]
fn talks_with_an_interpreter_beside_the_head() {
    let m = delegation();
    let a = arrange(&m, &SeatingPlan::default());
    // The interpreter on the head's right; the second in precedence takes the left seat,
    // the third the next right beyond the interpreter, the fourth the next left.
    assert_eq!(
        talks_side(&m, &a, Party::Guests),
        [
            at(Row::Table, 0, "g-head"),
            at(Row::Table, 1, "g-interp"),
            at(Row::Table, -1, "g-2"),
            at(Row::Table, 2, "g-3"),
            at(Row::Table, -2, "g-4"),
            at(Row::Behind, 1, "g-notes"),
        ]
    );
    // Without an interpreter the second sits on the head's right.
    assert_eq!(
        talks_side(&m, &a, Party::Hosts),
        [
            at(Row::Table, 0, "h-head"),
            at(Row::Table, 1, "h-2"),
            at(Row::Table, -1, "h-3"),
        ]
    );
    assert!(a.unseated.is_empty() && a.away.is_empty());
    assert_eq!(a.seats_per_side, 5, "the larger side's table seats");
}

#[test]
fn talks_with_the_interpreter_behind() {
    let m = delegation();
    let mut plan = SeatingPlan::default();
    plan.talks.interpreter = InterpreterSeat::Behind;
    let a = arrange(&m, &plan);
    assert_eq!(
        talks_side(&m, &a, Party::Guests),
        [
            at(Row::Table, 0, "g-head"),
            at(Row::Table, 1, "g-2"),
            at(Row::Table, -1, "g-3"),
            at(Row::Table, 2, "g-4"),
            at(Row::Behind, 0, "g-interp"),
            at(Row::Behind, 1, "g-notes"),
        ]
    );
    assert_eq!(a.seats_per_side, 4);
}

#[test]
fn odd_and_even_sides_face_each_other_on_one_table() {
    // Four at the table against three: both sides have four seats, the three leave the
    // outermost seat on the senior side empty.
    let m = meeting(&[
        ("g1", "guests", Head),
        ("g2", "guests", Member),
        ("g3", "guests", Member),
        ("g4", "guests", Member),
        ("h1", "hosts", Head),
        ("h2", "hosts", Member),
        ("h3", "hosts", Member),
    ]);
    let a = arrange(&m, &SeatingPlan::default());
    assert_eq!(a.seats_per_side, 4);
    let places = |party: Party| -> Vec<(i32, bool)> {
        a.seats
            .iter()
            .filter_map(|s| match s.seat {
                Seat::Talks {
                    party: p,
                    row: Row::Table,
                    place,
                } if p == party => Some((place, s.attendee.is_some())),
                _ => None,
            })
            .collect()
    };
    assert_eq!(
        places(Party::Guests),
        [(0, true), (1, true), (-1, true), (2, true)]
    );
    assert_eq!(
        places(Party::Hosts),
        [(0, true), (1, true), (-1, true), (2, false)]
    );
    // Odd: three each sit centre, right 1, left 1.
    let odd = meeting(&[
        ("g1", "guests", Head),
        ("g2", "guests", Member),
        ("g3", "guests", Member),
        ("h1", "hosts", Head),
        ("h2", "hosts", Member),
        ("h3", "hosts", Member),
    ]);
    let a = arrange(&odd, &SeatingPlan::default());
    assert_eq!(a.seats_per_side, 3);
    assert!(
        a.seats
            .iter()
            .filter(|s| matches!(
                s.seat,
                Seat::Talks {
                    row: Row::Table,
                    ..
                }
            ))
            .all(|s| s.attendee.is_some())
    );
}

#[test]
fn more_people_than_seats_are_said_never_dropped() {
    let m = delegation();
    let mut plan = SeatingPlan::default();
    plan.talks.seats_per_side = Some(3);
    let a = arrange(&m, &plan);
    // Head, interpreter, second: the third and fourth in precedence have no seat.
    let unseated: Vec<(&str, NoSeat)> = a
        .unseated
        .iter()
        .map(|(i, why)| (m.attendees[*i].person.as_str(), *why))
        .collect();
    assert_eq!(unseated, [("g-3", NoSeat::NoRoom), ("g-4", NoSeat::NoRoom)]);
    // Everyone is somewhere: seated, unseated or away.
    assert_eq!(
        a.seated() + a.unseated.len() + a.away.len(),
        m.attendees.len()
    );

    let mut banquet = SeatingPlan {
        layout: SeatingLayout::Banquet,
        ..SeatingPlan::default()
    };
    banquet.banquet.seats_per_table = 4;
    banquet.banquet.tables = Some(2);
    let a = arrange(&m, &banquet);
    assert_eq!(a.seated(), 8);
    assert_eq!(a.unseated.len(), 1);
    assert_eq!(a.seated() + a.unseated.len(), m.attendees.len());
}

#[test]
fn left_senior_mirrors_the_table() {
    let m = delegation();
    let plan = SeatingPlan {
        senior: SeniorSide::Left,
        ..SeatingPlan::default()
    };
    let a = arrange(&m, &plan);
    assert_eq!(
        talks_side(&m, &a, Party::Guests),
        [
            at(Row::Table, 0, "g-head"),
            at(Row::Table, -1, "g-interp"),
            at(Row::Table, 1, "g-2"),
            at(Row::Table, -2, "g-3"),
            at(Row::Table, 2, "g-4"),
            at(Row::Behind, -1, "g-notes"),
        ]
    );
}

#[test]
fn note_takers_and_extra_interpreters_sit_behind() {
    let m = meeting(&[
        ("g-head", "guests", Head),
        ("g-i1", "guests", Interpreter),
        ("g-i2", "guests", Interpreter),
        ("g-n1", "guests", NoteTaker),
        ("g-n2", "guests", NoteTaker),
        ("h-head", "hosts", Head),
    ]);
    let a = arrange(&m, &SeatingPlan::default());
    assert_eq!(
        talks_side(&m, &a, Party::Guests),
        [
            at(Row::Table, 0, "g-head"),
            at(Row::Table, 1, "g-i1"),
            at(Row::Behind, 0, "g-i2"),
            at(Row::Behind, 1, "g-n1"),
            at(Row::Behind, -1, "g-n2"),
        ]
    );
}

#[test]
fn who_is_not_in_the_room_or_on_no_side_is_said() {
    let mut m = delegation();
    m.attendees[2].status = AttendanceStatus::Declined;
    m.attendees[3].mode = AttendanceMode::Remote;
    m.attendees[4].status = AttendanceStatus::Absent;
    let mut loose = Attendee::new(PersonId::from("loose"));
    loose.status = AttendanceStatus::Confirmed;
    m.attendees.push(loose);
    let a = arrange(&m, &SeatingPlan::default());
    assert_eq!(a.away, [2, 3, 4]);
    assert_eq!(a.unseated, [(9, NoSeat::NoSide)]);
    // At a banquet, someone on no side still eats: seated after the guests.
    let banquet = SeatingPlan {
        layout: SeatingLayout::Banquet,
        ..SeatingPlan::default()
    };
    let a = arrange(&m, &banquet);
    assert!(a.unseated.is_empty());
    assert!(a.seat_of(9).is_some());
}

/// A banquet of `hosts` hosts and `guests` guests.
fn banquet_meeting(hosts: usize, guests: usize) -> Meeting {
    let names: Vec<(String, &str, AttendanceRole)> = (0..guests)
        .map(|i| {
            (
                format!("g{}", i + 1),
                "guests",
                if i == 0 { Head } else { Member },
            )
        })
        .chain((0..hosts).map(|i| {
            (
                format!("h{}", i + 1),
                "hosts",
                if i == 0 { Head } else { Member },
            )
        }))
        .collect();
    let refs: Vec<(&str, &str, AttendanceRole)> =
        names.iter().map(|(p, s, r)| (p.as_str(), *s, *r)).collect();
    meeting(&refs)
}

/// Table `t` as seat index → person.
fn table(m: &Meeting, a: &Arrangement, t: u32) -> std::collections::BTreeMap<u32, String> {
    a.seats
        .iter()
        .filter_map(|s| match s.seat {
            Seat::Banquet { table, seat } if table == t => {
                s.attendee.map(|i| (seat, m.attendees[i].person.0.clone()))
            }
            _ => None,
        })
        .collect()
}

#[test]
fn the_banquet_host_table() {
    let m = banquet_meeting(5, 7);
    let plan = SeatingPlan {
        layout: SeatingLayout::Banquet,
        ..SeatingPlan::default()
    };
    let a = arrange(&m, &plan);
    assert_eq!((a.tables, a.seats_per_table), (2, 10));
    let t1 = table(&m, &a, 1);
    assert_eq!(t1[&0], "h1", "the host faces the door");
    assert_eq!(t1[&1], "g1", "the guest of honour on the host's right");
    assert_eq!(t1[&9], "g2", "the second guest on the host's left");
    assert_eq!(t1[&5], "h2", "the deputy host opposite");
    assert_eq!(t1[&6], "g3", "the third guest on the deputy's right");
    assert_eq!(t1[&4], "g4", "the fourth on the deputy's left");
    // Table 2 has a host too, at its top.
    assert!(table(&m, &a, 2)[&0].starts_with('h'));
    assert_eq!(a.seated(), 12);
    // Left senior: the guest of honour on the host's left.
    let left = arrange(
        &m,
        &SeatingPlan {
            senior: SeniorSide::Left,
            ..plan
        },
    );
    assert_eq!(table(&m, &left, 1)[&9], "g1");
    assert_eq!(table(&m, &left, 1)[&1], "g2");
}

#[test]
fn banquet_tables_mix_hosts_and_guests() {
    let m = banquet_meeting(20, 20);
    let plan = SeatingPlan {
        layout: SeatingLayout::Banquet,
        ..SeatingPlan::default()
    };
    let a = arrange(&m, &plan);
    assert_eq!(a.tables, 4);
    for t in 1..=4 {
        let seats = table(&m, &a, t);
        let party = |s: u32| seats[&s].starts_with('h');
        let hosts = (0..10).filter(|s| party(*s)).count();
        assert_eq!(hosts, 5, "table {t} is half hosts, half guests");
        // Around the table, few neighbours from the same party.
        let same = (0..10).filter(|s| party(*s) == party((s + 1) % 10)).count();
        assert!(
            same <= 4,
            "table {t}: {same} same-party neighbours: {seats:?}"
        );
    }
    // Filled by precedence: the top guests at table 1.
    assert!(table(&m, &a, 1).values().any(|p| p == "g1"));
    assert!(table(&m, &a, 4).values().any(|p| p == "g20"));
}

#[test]
fn five_hundred_guests_at_fifty_tables() {
    let m = banquet_meeting(100, 400);
    let plan = SeatingPlan {
        layout: SeatingLayout::Banquet,
        ..SeatingPlan::default()
    };
    let a = arrange(&m, &plan);
    assert_eq!(a.tables, 50);
    assert_eq!(a.seated(), 500);
    for t in 1..=50 {
        assert_eq!(table(&m, &a, t).len(), 10);
        assert!(
            table(&m, &a, t)[&0].starts_with('h'),
            "every table has a host"
        );
    }
    assert_eq!(arrange(&m, &plan), a, "deterministic");
}

#[test]
fn a_drag_swaps_and_nothing_else_moves_until_reseated() {
    let m = delegation();
    let plan = SeatingPlan::default();
    let a = arrange(&m, &plan);
    let seat = |place| Seat::Talks {
        party: Party::Guests,
        row: Row::Table,
        place,
    };
    // g-2 (left 1) dragged onto g-3's seat (right 2): they swap.
    let swapped = a.moved(&m, &plan, Ok(seat(-1)), seat(2)).unwrap();
    let b = arrange(&m, &swapped);
    assert_eq!(
        m.attendees[b.state(&seat(2)).unwrap().attendee.unwrap()]
            .person
            .as_str(),
        "g-2"
    );
    assert_eq!(
        m.attendees[b.state(&seat(-1)).unwrap().attendee.unwrap()]
            .person
            .as_str(),
        "g-3"
    );
    assert!(b.by_hand());
    // Moved to an empty seat, nobody else shifts.
    let mut wide = swapped.clone();
    wide.talks.seats_per_side = Some(7);
    let b = arrange(&m, &wide);
    let moved = b.moved(&m, &wide, Ok(seat(0)), seat(-3)).unwrap();
    let c = arrange(&m, &moved);
    assert_eq!(c.state(&seat(0)).unwrap().attendee, None);
    assert_eq!(
        c.state(&seat(2)).unwrap().attendee,
        b.state(&seat(2)).unwrap().attendee
    );

    // Lock the swapped g-3, re-seat: g-3 stays, the others follow the rules again.
    let locked = arrange(&m, &swapped)
        .toggled_lock(&m, &swapped, seat(-1))
        .unwrap();
    let mut reseated = locked.clone();
    reseated.reseat();
    assert_eq!(reseated.placements.len(), 1);
    let d = arrange(&m, &reseated);
    assert!(d.state(&seat(-1)).unwrap().locked);
    assert_eq!(
        m.attendees[d.state(&seat(-1)).unwrap().attendee.unwrap()]
            .person
            .as_str(),
        "g-3"
    );
    // The rules fill around it: g-2 takes the next free seat by seniority (right 2).
    assert_eq!(
        m.attendees[d.state(&seat(2)).unwrap().attendee.unwrap()]
            .person
            .as_str(),
        "g-2"
    );
    assert!(!d.by_hand());
    // A locked seat neither moves nor takes anyone.
    assert!(d.moved(&m, &reseated, Ok(seat(-1)), seat(0)).is_none());
    assert!(d.moved(&m, &reseated, Ok(seat(0)), seat(-1)).is_none());
    // Unlocking moves no one.
    let unlocked = d.toggled_lock(&m, &reseated, seat(-1)).unwrap();
    assert_eq!(
        arrange(&m, &unlocked).state(&seat(-1)).unwrap().attendee,
        d.state(&seat(-1)).unwrap().attendee
    );
}

#[test]
fn an_unseated_person_can_be_given_a_seat_and_stale_placements_are_counted() {
    let m = delegation();
    let mut plan = SeatingPlan::default();
    plan.talks.seats_per_side = Some(3);
    let a = arrange(&m, &plan);
    let (g3, _) = a.unseated[0];
    let behind = Seat::Talks {
        party: Party::Guests,
        row: Row::Behind,
        place: -1,
    };
    let placed = a.moved(&m, &plan, Err(g3), behind).unwrap();
    let b = arrange(&m, &placed);
    assert_eq!(b.seat_of(g3).unwrap().seat, behind);
    assert_eq!(b.unseated.len(), 1);
    // The person declines: the placement stays in the plan but seats no one.
    let mut gone = m.clone();
    gone.attendees[g3].status = AttendanceStatus::Declined;
    let c = arrange(&gone, &placed);
    assert!(c.stale >= 1);
    assert!(c.seat_of(g3).is_none());
}

#[test]
fn places_are_named_from_the_seats_own_side() {
    let talks = |row, place| Seat::Talks {
        party: Party::Hosts,
        row,
        place,
    };
    assert_eq!(talks(Row::Table, 0).place_en(10), "centre");
    assert_eq!(talks(Row::Table, 2).place_en(10), "right 2");
    assert_eq!(talks(Row::Table, -1).place_en(10), "left 1");
    assert_eq!(talks(Row::Behind, 0).place_en(10), "behind centre");
    assert_eq!(talks(Row::Behind, -2).place_en(10), "behind left 2");
    let round = |seat| Seat::Banquet { table: 3, seat };
    assert_eq!(round(0).place_en(10), "host");
    assert_eq!(round(1).place_en(10), "right 1");
    assert_eq!(round(9).place_en(10), "left 1");
    assert_eq!(round(5).place_en(10), "opposite");
    assert_eq!(round(4).place_en(9), "right 4");
    assert_eq!(round(5).place_en(9), "left 4");
}

#[test]
fn hostile_plans_seat_everyone_once() {
    let m = delegation();
    let mut plan = SeatingPlan::default();
    let seat = |place| Seat::Talks {
        party: Party::Guests,
        row: Row::Table,
        place,
    };
    // Two placements on one seat, one person placed twice, a seat miles away, someone
    // who is not at the meeting.
    for (who, place) in [
        ("g-2", 0),
        ("g-3", 0),
        ("g-4", 1),
        ("g-4", -1),
        ("h-2", i32::MAX),
        ("nobody", 2),
    ] {
        plan.placements.push(Placement {
            person: PersonId::from(who),
            seat: seat(place),
            locked: false,
        });
    }
    let a = arrange(&m, &plan);
    let mut seen = std::collections::BTreeSet::new();
    for s in &a.seats {
        if let Some(i) = s.attendee {
            assert!(seen.insert(i), "seated twice: {i}");
        }
    }
    assert_eq!(
        seen.len() + a.unseated.len() + a.away.len(),
        m.attendees.len()
    );
    // The second on a seat, the second of a person, the seat too far, the stranger.
    assert_eq!(a.stale, 4);
    assert!(a.seats_per_side <= MAX_SIDE_SEATS);
    let mut banquet = plan.clone();
    banquet.layout = SeatingLayout::Banquet;
    banquet.banquet.seats_per_table = u32::MAX;
    banquet.placements = vec![Placement {
        person: PersonId::from("g-2"),
        seat: Seat::Banquet {
            table: u32::MAX,
            seat: u32::MAX,
        },
        locked: true,
    }];
    let a = arrange(&m, &banquet);
    assert_eq!(a.seats_per_table, 24);
    assert_eq!(a.tables, 1);
    assert_eq!(a.stale, 1);
}

/// The seats follow the sides' precedence, the one of every list: a person's rank puts a
/// member before another, and a move by hand is kept at the table.
#[test]
fn seats_follow_the_rank_and_the_moves_by_hand() {
    let mut m = delegation();
    let mut people = crate::model::EntityMap::default();
    let g4 = crate::model::Person {
        rank: Some(1),
        ..Default::default()
    };
    people.insert(PersonId::from("g-4"), g4);
    let a = super::arrange(&m, &people, &SeatingPlan::default());
    assert_eq!(
        talks_side(&m, &a, Party::Guests)[2..5],
        [
            at(Row::Table, -1, "g-4"),
            at(Row::Table, 2, "g-2"),
            at(Row::Table, -2, "g-3"),
        ],
        "ranked 1, g-4 comes before the unranked members"
    );
    // Put g-3 first of the members by hand.
    let g3 = m
        .attendees
        .iter()
        .position(|a| a.person.0 == "g-3")
        .unwrap();
    m.attendees[g3].placement = Some(crate::model::Placement::First);
    let a = super::arrange(&m, &people, &SeatingPlan::default());
    assert_eq!(
        talks_side(&m, &a, Party::Guests)[2..5],
        [
            at(Row::Table, -1, "g-3"),
            at(Row::Table, 2, "g-4"),
            at(Row::Table, -2, "g-2"),
        ]
    );
}
