//! The people list of a large project through the real app: the first visit sorts the
//! registry on a background job, so the frame that shows the view comes at once and says
//! what is being done; the rows follow when the job is done, with what was typed meanwhile.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // Test helpers may panic: a panic is a failed test.

use std::time::{Duration, Instant};

use delegation_planner::app::DelegationApp;
use delegation_planner::synthetic::{Size, generate};
use delegation_planner::ui::View;
use delegation_planner::ui::people_list::PeopleList;
use delegation_planner::ui::widgets::SortState;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

const SORTING: &str = "Sorting 20,000 people…";

fn big_app() -> Harness<'static, DelegationApp> {
    let project = generate(Size::people(20_000), 1);
    let mut h = Harness::builder()
        .with_size([1400.0, 1000.0])
        .build_eframe(move |cc| DelegationApp::with_project(&cc.egui_ctx, project, "big"));
    // The meetings view first: fonts and the first layout are not what is measured.
    h.run_steps(3);
    h
}

/// Steps frames until the view's background work is done, then lets the result show.
fn finish_view_jobs(h: &mut Harness<'_, DelegationApp>) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while h.state().view.is_busy() {
        assert!(Instant::now() < deadline, "the people list was never built");
        std::thread::sleep(Duration::from_millis(5));
        h.step();
    }
    // The job's result is taken in at the next frame.
    h.run_steps(2);
}

/// The people rows an inline build gives for the document as it is now.
fn expected_rows(h: &Harness<'_, DelegationApp>, query: &str) -> PeopleList {
    let mut list = PeopleList::default();
    list.sync(&h.state().workspace.doc, false, SortState::default(), query);
    list
}

#[test]
fn a_large_people_list_is_sorted_on_a_job_and_shown_when_done() {
    let mut h = big_app();
    h.state_mut().view.view = View::People;
    let started = Instant::now();
    h.step();
    let first_frame = started.elapsed();
    // The frame only started the job: it says what it does, and has no rows yet.
    assert!(h.query_by_label(SORTING).is_some());
    assert!(h.state().view.people_rows.is_empty());

    // An inline build of the same list, for comparison (what the frame used to do).
    let started = Instant::now();
    let expected = expected_rows(&h, "");
    let inline_build = started.elapsed();
    eprintln!("first People frame {first_frame:?}, inline build {inline_build:?}");
    // Here about 1 ms against 300 ms (debug build).
    assert!(
        first_frame < inline_build,
        "the frame took {first_frame:?}, as long as sorting the list ({inline_build:?})"
    );

    finish_view_jobs(&mut h);
    assert!(h.query_by_label(SORTING).is_none());
    let rows = &h.state().view.people_rows;
    assert_eq!(rows.len(), 20_000);
    assert_eq!(rows.get(0), expected.get(0));
    assert_eq!(rows.get(19_999), expected.get(19_999));
    // The first row is on screen, and selected so the editor shows someone.
    let first = expected.get(0).unwrap().clone();
    let name = h.state().workspace.doc.project().people[&first].display_name();
    assert!(h.query_all_by_label(&name).next().is_some(), "{name}");
    assert_eq!(h.state().view.person.as_ref(), Some(&first));
}

#[test]
fn a_search_typed_while_the_list_is_sorted_applies_when_it_is_done() {
    let mut h = big_app();
    h.state_mut().view.view = View::People;
    h.step();
    assert!(h.query_by_label(SORTING).is_some());
    // The window stays live: the search field takes typing meanwhile.
    h.get_by_label("Search…").click();
    h.step();
    h.get_by_label("Search…").type_text("wang");
    h.step();
    assert_eq!(h.state().view.people_search, "wang");

    finish_view_jobs(&mut h);
    let expected = expected_rows(&h, "wang");
    let rows = &h.state().view.people_rows;
    assert!(!expected.is_empty() && expected.len() < 20_000);
    assert_eq!(rows.len(), expected.len());
    assert_eq!(rows.get(0), expected.get(0));
}
