//! PDF line breaking grows linearly with the text (issue 21): four times the characters
//! take about four times as long, never sixteen. A name card of a 256,000-character name
//! took 52–64 s when every place to break it was measured from scratch; the release
//! figures before and after are in BENCHMARKS.md (`cargo run --release --example
//! hostile_pdf`).
//!
//! Timed through the library (no process start to hide the growth), the fonts loaded
//! first, the fastest of three runs of each size taken in turns: noise on a shared
//! two-core machine only ever adds time, and it weighs on both sizes alike.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // Test helpers may panic: a panic is a failed test.

use std::time::{Duration, Instant};

use delegation_planner::export::pdf::{
    Block, Document, MAX_PRINTED_CHARS, NameCard, render, render_name_cards,
};

/// Four times the text may take at most this many times as long (linear: about 4, less
/// with the fixed cost of a PDF shared; quadratic: about 16).
const MAX_RATIO: f64 = 9.0;

/// The text of `n` characters each case lays out.
type Make = fn(usize) -> String;

/// Chinese: a place to break between any two characters.
fn hanzi(n: usize) -> String {
    "黄继先方艳欧阳振华".chars().cycle().take(n).collect()
}

/// Words: a place to break at every space.
fn words(n: usize) -> String {
    "Myriam AUGEREAU LANDAIS ".chars().cycle().take(n).collect()
}

fn time(render_it: &dyn Fn() -> Vec<u8>) -> Duration {
    let started = Instant::now();
    let pdf = render_it();
    let took = started.elapsed();
    assert!(pdf.starts_with(b"%PDF"));
    took
}

/// The fastest of three renderings of `n` and of `4n` characters, in turns.
fn check_linear(what: &str, n: usize, render_n: &dyn Fn(usize) -> Vec<u8>) {
    assert!(
        4 * n <= MAX_PRINTED_CHARS,
        "below the cut: the layout itself is timed"
    );
    // Fonts, caches, the first allocation of everything.
    render_n(n);
    let (mut one, mut four) = (Duration::MAX, Duration::MAX);
    for _ in 0..3 {
        one = one.min(time(&|| render_n(n)));
        four = four.min(time(&|| render_n(4 * n)));
    }
    let ratio = four.as_secs_f64() / one.as_secs_f64().max(1e-4);
    eprintln!(
        "{what}: {n} chars {one:?}, {} chars {four:?}, ratio {ratio:.1}",
        4 * n
    );
    assert!(
        ratio < MAX_RATIO,
        "{what}: four times the text took {ratio:.1} times as long ({one:?} → {four:?})"
    );
}

fn card(name: String) -> Vec<NameCard> {
    vec![NameCard {
        name_latin: name.clone(),
        name_chinese: "黄继先".into(),
        title: name.clone(),
        organisation: name,
        ..Default::default()
    }]
}

#[test]
fn a_name_card_is_linear_in_the_name() {
    for (what, make) in [("hanzi", hanzi as Make), ("words", words)] {
        check_linear(&format!("name card, {what}"), 10_000, &|n| {
            render_name_cards(&card(make(n))).unwrap()
        });
    }
}

#[test]
fn paragraphs_and_table_cells_are_linear_in_their_text() {
    for (what, make) in [("hanzi", hanzi as Make), ("words", words)] {
        check_linear(&format!("paragraph and table, {what}"), 10_000, &|n| {
            let text = make(n);
            render(&Document {
                title: text.clone(),
                footer: text.clone(),
                blocks: vec![
                    Block::Heading(text.clone()),
                    Block::Paragraph(text.clone()),
                    Block::Table {
                        widths: vec![1.0, 3.0],
                        header: vec![text.clone(), "Title".into()],
                        rows: vec![vec!["14:00".into(), text]],
                    },
                ],
                ..Default::default()
            })
            .unwrap()
        });
    }
}

#[test]
fn a_text_longer_than_any_page_needs_is_cut_and_said() {
    use delegation_planner::export::pdf::{CutReason, cut_during};
    let name = hanzi(1 << 20);
    let started = Instant::now();
    let (pdf, cut) = cut_during(|| render_name_cards(&card(name.clone())).unwrap());
    assert!(pdf.starts_with(b"%PDF"));
    assert!(
        started.elapsed() < Duration::from_secs(60),
        "{:?}",
        started.elapsed()
    );
    // The name, its title and organisation (each the same text) are one note: too long
    // for the card, with the whole length.
    assert_eq!(cut.len(), 1, "{cut:?}");
    assert_eq!(cut[0].reason, CutReason::NoRoom);
    assert_eq!(cut[0].chars, 1 << 20);
    assert!(cut[0].beginning.starts_with("黄继先方艳"));

    let (pdf, cut) = cut_during(|| {
        render(&Document {
            blocks: vec![Block::Paragraph("x".repeat(20 << 20))],
            ..Default::default()
        })
        .unwrap()
    });
    assert_eq!(cut.len(), 1, "{cut:?}");
    assert_eq!(
        (cut[0].reason, cut[0].chars),
        (CutReason::TooLong, 20 << 20)
    );
    let text = pdf_extract::extract_text_from_mem(&pdf).unwrap();
    let printed = text.chars().filter(|c| *c == 'x').count();
    assert_eq!(printed, MAX_PRINTED_CHARS - 1, "printed up to the cut");
    assert!(text.contains('…'));
}
