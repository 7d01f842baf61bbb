//! The printed plan as the PDF engine draws it: the room (placed by
//! `model::seating::geometry`, as the seating view places it) and the lists after it.

use super::Seated;
use crate::export::pdf::{
    self, Block, Paper, PlanDrawing, PlanRoom, PlanSeat, PlanSide, PlanTable,
};
use crate::model::seating::geometry::{banquet_angle, banquet_cell, talks_top, talks_x};
use crate::model::seating::{Party, Row, Seat, SeatingLayout};

/// What is written at `seat`.
fn plan_seat(s: &Seated<'_>, seat: &Seat, attendee: Option<usize>) -> PlanSeat {
    PlanSeat {
        lines: attendee.map(|a| s.name_lines(a)).unwrap_or_default(),
        place: s.place(seat),
        hosts: attendee.is_some_and(|a| s.is_host(a)),
    }
}

pub(super) fn drawing(s: &Seated<'_>, paper: Paper) -> PlanDrawing {
    let lang = s.lang;
    let room = match s.plan.layout {
        SeatingLayout::Talks => {
            let top = talks_top(s.plan.talks.door);
            let side = |party: Party| {
                let mut out = PlanSide {
                    name: s.party_name(party),
                    ..PlanSide::default()
                };
                for state in &s.arrangement.seats {
                    if let Seat::Talks {
                        party: p,
                        row,
                        place,
                    } = state.seat
                        && p == party
                    {
                        let at = (
                            talks_x(party, place, top),
                            plan_seat(s, &state.seat, state.attendee),
                        );
                        match row {
                            Row::Table => out.table.push(at),
                            Row::Behind => out.behind.push(at),
                        }
                    }
                }
                out
            };
            let bottom = match top {
                Party::Guests => Party::Hosts,
                Party::Hosts => Party::Guests,
            };
            PlanRoom::Talks {
                top: side(top),
                bottom: side(bottom),
                seats_per_side: s.arrangement.seats_per_side,
                oval: s.plan.talks.shape == crate::model::seating::TableShape::Oval,
                label: lang.choice(SeatingLayout::Talks),
            }
        }
        SeatingLayout::Banquet => {
            let per_page = pdf::tables_per_page(paper);
            let seats = s.arrangement.seats_per_table;
            let mut tables: Vec<PlanTable> = (1..=s.arrangement.tables)
                .map(|number| PlanTable {
                    number,
                    label: s.table(number),
                    ..PlanTable::default()
                })
                .collect();
            for state in &s.arrangement.seats {
                if let Seat::Banquet { table, seat } = state.seat
                    && let Some(t) = tables.get_mut(table.saturating_sub(1) as usize)
                {
                    t.seats.push((
                        banquet_angle(seat, seats),
                        plan_seat(s, &state.seat, state.attendee),
                    ));
                }
            }
            let pages: Vec<Vec<PlanTable>> = tables
                .chunks(per_page.max(1) as usize)
                .map(|chunk| {
                    let on_page = u32::try_from(chunk.len()).unwrap_or(1);
                    let (columns, _) = pdf::page_grid(paper, on_page);
                    chunk
                        .iter()
                        .enumerate()
                        .map(|(i, t)| PlanTable {
                            cell: banquet_cell(
                                u32::try_from(i + 1).unwrap_or(1),
                                on_page,
                                columns,
                                s.plan.senior,
                            ),
                            ..t.clone()
                        })
                        .collect()
                })
                .collect();
            PlanRoom::Banquet { pages }
        }
    };
    PlanDrawing {
        title: s.title(),
        subtitle: s.date_and_venue(),
        notes: s.rules(),
        door: lang.label("Door", "门"),
        footer: s.footer(),
        paper,
        room,
        lists: lists(s),
    }
}

/// The seats as lists: everyone seated in seat order, who has no seat and why, who is
/// not in the room; at a banquet also everyone by name with their table.
pub(super) fn lists(s: &Seated<'_>) -> Vec<Block> {
    let lang = s.lang;
    let talks = s.plan.layout == SeatingLayout::Talks;
    let mut blocks = vec![Block::Heading(lang.label("Seats", "座位"))];
    let (widths, header) = if talks {
        (
            vec![2.4, 1.6, 3.4, 1.6],
            vec![
                lang.label("Side", "所属方"),
                lang.label("Place", "位置"),
                lang.label("Name", "姓名"),
                lang.label("Role", "角色"),
            ],
        )
    } else {
        (
            vec![1.2, 1.4, 3.4, 2.4],
            vec![
                lang.label("Table", "桌号"),
                lang.label("Place", "位置"),
                lang.label("Name", "姓名"),
                lang.label("Side", "所属方"),
            ],
        )
    };
    let rows: Vec<Vec<String>> = s
        .taken()
        .map(|(seat, a)| {
            if talks {
                let side = match seat {
                    Seat::Talks { party, .. } => s.party_name(*party),
                    Seat::Banquet { .. } => String::new(),
                };
                vec![side, s.place(seat), s.name(a), s.role(a)]
            } else {
                vec![s.table(seat.table()), s.place(seat), s.name(a), s.side(a)]
            }
        })
        .collect();
    blocks.push(Block::Table {
        widths,
        header,
        rows,
    });
    if !s.arrangement.unseated.is_empty() {
        blocks.push(Block::Heading(lang.label("Without a seat", "无座位")));
        blocks.push(Block::Table {
            widths: vec![3.4, 2.4, 2.4],
            header: vec![
                lang.label("Name", "姓名"),
                lang.label("Side", "所属方"),
                lang.label("Why", "原因"),
            ],
            rows: s
                .arrangement
                .unseated
                .iter()
                .map(|(a, why)| vec![s.name(*a), s.side(*a), s.no_seat(*why)])
                .collect(),
        });
    }
    if !s.arrangement.away.is_empty() {
        blocks.push(Block::Heading(lang.label("Not in the room", "不在场")));
        blocks.push(Block::Table {
            widths: vec![3.4, 2.4, 2.4],
            header: vec![
                lang.label("Name", "姓名"),
                lang.label("Side", "所属方"),
                lang.label("Status", "状态"),
            ],
            rows: s
                .arrangement
                .away
                .iter()
                .map(|a| vec![s.name(*a), s.side(*a), s.away_reason(*a)])
                .collect(),
        });
    }
    if !talks {
        // Guests look themselves up by name at the door.
        let mut by_name: Vec<(usize, &Seat)> = s.taken().map(|(seat, a)| (a, seat)).collect();
        by_name.sort_by_cached_key(|(a, _)| {
            (s.person(*a).map(|p| p.sort_key()).unwrap_or_default(), *a)
        });
        blocks.push(Block::Heading(lang.label("By name", "按姓名查座")));
        blocks.push(Block::Table {
            widths: vec![3.4, 1.2, 1.4],
            header: vec![
                lang.label("Name", "姓名"),
                lang.label("Table", "桌号"),
                lang.label("Place", "位置"),
            ],
            rows: by_name
                .into_iter()
                .map(|(a, seat)| vec![s.name(a), s.table(seat.table()), s.place(seat)])
                .collect(),
        });
    }
    blocks
}
