//! Places in both languages, the options a caller overrides, and place cards in seat order.

use super::*;
use crate::model::MeetingId;
use crate::model::seating::{Party, Row};

fn sample() -> Project {
    crate::samples::ccaa_afnor().unwrap()
}

#[test]
fn places_in_each_language() {
    let seat = Seat::Talks {
        party: Party::Hosts,
        row: Row::Behind,
        place: -2,
    };
    assert_eq!(place_text(&seat, 10, ExportLanguage::En), "behind left 2");
    assert_eq!(place_text(&seat, 10, ExportLanguage::Zh), "后排左2");
    assert_eq!(
        place_text(
            &Seat::Banquet { table: 2, seat: 0 },
            10,
            ExportLanguage::Both
        ),
        "host 主人位"
    );
    assert_eq!(
        place_text(&Seat::Banquet { table: 2, seat: 5 }, 10, ExportLanguage::Zh),
        "对面"
    );
}

#[test]
fn the_caller_overrides_layout_seats_and_door() {
    let project = sample();
    let meeting = &project.meetings[&MeetingId::from("paris-2024")];
    let plan = plan_for(
        meeting,
        &SeatingOptions {
            layout: Some(SeatingLayout::Banquet),
            seats_per_table: Some(6),
            door: Some(DoorFacing::Hosts),
            ..SeatingOptions::default()
        },
    );
    assert_eq!(plan.layout, SeatingLayout::Banquet);
    assert_eq!(plan.banquet.seats_per_table, 6);
    assert_eq!(plan.talks.door, DoorFacing::Hosts);
    assert_eq!(
        plan_for(meeting, &SeatingOptions::default()),
        meeting.seating
    );
}

#[test]
fn place_cards_follow_the_seats_and_carry_their_mark() {
    let project = sample();
    let meeting = &project.meetings[&MeetingId::from("paris-2024")];
    let (pdf, count) = place_cards(
        &project,
        meeting,
        &SeatingOptions::default(),
        pdf::CardOptions::default(),
        &mut |_, _| true,
    )
    .unwrap();
    assert_eq!(count, meeting.attendees.len());
    assert!(pdf.starts_with(b"%PDF"));
}
