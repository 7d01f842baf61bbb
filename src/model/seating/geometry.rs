//! Where seats are on a drawing of the room, shared by the seating view and the printed
//! plan so that both show the same picture: the door at the bottom, the room seen from
//! above.
//!
//! Talks: the side that faces the door sits along the top of the table and looks down at
//! it, so its right hand is on the drawing's left; the other side sits along the bottom,
//! its back to the door, its right hand on the drawing's right. Banquet: the host of each
//! table sits at the top of it, facing the door; the seats go round to the host's right
//! (the drawing's left). Tables are laid out in rows from the front of the room, the
//! senior ones nearer the centre, the senior hand's side first.

use super::{DoorFacing, Party, SeniorSide};

/// The side of the talks table drawn along the top: the one facing the door.
pub fn talks_top(door: DoorFacing) -> Party {
    match door {
        DoorFacing::Guests => Party::Guests,
        DoorFacing::Hosts => Party::Hosts,
    }
}

/// Where a talks seat of `party` at `place` is across the drawing, in seat widths from
/// the centre (negative: left of it), when `top` sits along the top.
pub fn talks_x(party: Party, place: i32, top: Party) -> f32 {
    // Seen from the top side, its right hand is the drawing's left.
    if party == top {
        -(place as f32)
    } else {
        place as f32
    }
}

/// The angle of seat `seat` of a round table of `seats`, in radians, on a drawing whose y
/// axis points down (the door): the host (seat 0) at the top, the seats going round to
/// the host's right, which is the drawing's left.
pub fn banquet_angle(seat: u32, seats: u32) -> f32 {
    let seats = seats.max(1) as f32;
    -std::f32::consts::FRAC_PI_2 - std::f32::consts::TAU * (seat as f32) / seats
}

/// Where table `table` (counted from 1) of `tables` goes on a grid `columns` wide: its
/// column, fractional so that a short last row is centred, and its row. Rows fill from
/// the front; each row's tables go from its centre outwards, the senior hand's side first
/// (the host table's right, which is the drawing's left, when right is senior).
pub fn banquet_cell(table: u32, tables: u32, columns: u32, senior: SeniorSide) -> (f32, u32) {
    let columns = columns.max(1);
    let index = table.saturating_sub(1);
    let row = index / columns;
    let in_row = (tables.saturating_sub(row * columns)).clamp(1, columns);
    let rank = index % columns;
    // Slots of the row ordered by distance from its centre, senior hand first.
    let centre2 = i64::from(in_row) - 1; // twice the centre's position
    let mut slots: Vec<u32> = (0..in_row).collect();
    slots.sort_by_key(|s| {
        let d2 = 2 * i64::from(*s) - centre2;
        let senior_first = match senior {
            SeniorSide::Right => d2 > 0,
            SeniorSide::Left => d2 < 0,
        };
        (d2.abs(), senior_first)
    });
    let column = slots.get(rank as usize).copied().unwrap_or(rank);
    (column as f32 + (columns - in_row) as f32 / 2.0, row)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_top_side_has_its_right_on_the_drawings_left() {
        assert_eq!(talks_top(DoorFacing::Guests), Party::Guests);
        assert_eq!(talks_x(Party::Guests, 1, Party::Guests), -1.0);
        assert_eq!(talks_x(Party::Hosts, 1, Party::Guests), 1.0);
        // Heads face each other across the centre.
        assert_eq!(talks_x(Party::Hosts, 0, Party::Guests), 0.0);
    }

    #[test]
    fn the_host_sits_at_the_top_and_right_one_is_on_the_drawings_left() {
        let host = banquet_angle(0, 10);
        assert!((host.sin() + 1.0).abs() < 1e-5, "at the top");
        let right = banquet_angle(1, 10);
        assert!(right.cos() < 0.0, "the host's right is the drawing's left");
        let opposite = banquet_angle(5, 10);
        assert!((opposite.sin() - 1.0).abs() < 1e-5, "at the bottom");
    }

    #[test]
    fn the_host_table_is_in_the_middle_of_the_front_row() {
        let cells: Vec<(f32, u32)> = (1..=7)
            .map(|t| banquet_cell(t, 7, 3, SeniorSide::Right))
            .collect();
        assert_eq!(cells[0], (1.0, 0), "table 1 front centre");
        assert_eq!(cells[1], (0.0, 0), "table 2 on the host table's right");
        assert_eq!(cells[2], (2.0, 0));
        assert_eq!(cells[6], (1.0, 2), "a row of one is centred");
        assert_eq!(banquet_cell(2, 7, 3, SeniorSide::Left), (2.0, 0));
        // Two in a row of three: side by side, centred.
        assert_eq!(
            banquet_cell(4, 5, 3, SeniorSide::Right).0 + banquet_cell(5, 5, 3, SeniorSide::Right).0,
            2.0
        );
    }
}
