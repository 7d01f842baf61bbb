//! The sizes of the seating view's drawing, shared by the drawing and by the meetings
//! view, which gives the drawing the list's room when its least width is more than the
//! page beside the list.

use egui::Vec2;

use super::seating_ui::Cache;
use super::style;
use crate::model::seating::geometry::{talks_top, talks_x};
use crate::model::seating::{Seat, SeatingLayout, SeatingPlan};

/// The least width the drawing of `plan` takes without scrolling sideways: every seat of
/// the talks table at its least width, or one banquet table.
pub(super) fn least_width(cache: &Cache, plan: &SeatingPlan) -> f32 {
    match plan.layout {
        SeatingLayout::Talks => {
            let (_, columns) = talks_columns(cache, plan);
            style::SEATING_LABEL_MIN_WIDTH
                + style::SEAT_GAP
                + columns * (style::SEAT_MIN_WIDTH + style::SEAT_GAP)
        }
        SeatingLayout::Banquet => {
            banquet_geometry(cache.arrangement.seats_per_table.max(1))
                .1
                .x
        }
    }
}

/// The talks table's leftmost column (in seat widths from the centre) and its number of
/// columns: the wider side sets them.
pub(super) fn talks_columns(cache: &Cache, plan: &SeatingPlan) -> (f32, f32) {
    let top = talks_top(plan.talks.door);
    let (min_x, max_x) = cache
        .arrangement
        .seats
        .iter()
        .filter_map(|st| match st.seat {
            Seat::Talks { party, place, .. } => Some(talks_x(party, place, top)),
            Seat::Banquet { .. } => None,
        })
        .fold((0.0_f32, 0.0_f32), |(lo, hi), x| (lo.min(x), hi.max(x)));
    (min_x, max_x - min_x + 1.0)
}

/// A round table of `seats`: the ring's radius and the cell that holds it with its labels.
pub(super) fn banquet_geometry(seats: u32) -> (f32, Vec2) {
    let ring = (seats as f32 * 7.5).max(style::BANQUET_RING);
    let reach = ring + style::BANQUET_DOT;
    let cell = Vec2::new(
        2.0 * (reach + style::BANQUET_LABEL_WIDTH) + 16.0,
        2.0 * (reach + 44.0) + 16.0,
    );
    (ring, cell)
}
