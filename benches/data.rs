//! Search, edit and undo on a 100,000-person project (`cargo bench --bench data`).
//!
//! These have absolute budgets rather than an anchor: a keystroke of search-as-you-type
//! within 1 ms; one edit and its undo within 1 ms; and the same with the people list
//! caught up after each, within a quarter of a 60 Hz frame ("well under a frame").

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod support;

use std::time::Duration;

use delegation_planner::document::{Document, Edit};
use delegation_planner::synthetic::{Size, generate};
use delegation_planner::ui::people_list::PeopleList;
use delegation_planner::ui::widgets::SortState;
use support::{Ratio, Recorder};

fn main() {
    let mut c = support::criterion();
    let recorder = Recorder::default();
    recorder.record("1 ms budget", Duration::from_millis(1), 1);
    recorder.record("one 60 Hz frame", Duration::from_micros(16_667), 1);
    let project = generate(Size::people(100_000), 1);
    let mut doc = Document::unsaved(project, false);
    let sort = SortState::default();
    let mut list = PeopleList::default();
    list.sync(&doc, false, sort, "");

    // The first keystroke scans everyone; later ones only the previous matches.
    let mut flip = false;
    recorder.bench(&mut c, "search: first keystroke", || {
        flip = !flip;
        list.sync(&doc, false, sort, if flip { "w" } else { "" });
    });
    let word = [
        "z", "zh", "zha", "zhan", "zhang", "zhangw", "zhangwe", "zhangwei",
    ];
    let mut k = 0;
    recorder.bench(&mut c, "search: typing a name, per keystroke", || {
        list.sync(&doc, false, sort, word[k % word.len()]);
        k += 1;
    });
    // A query that is not an extension of the last one (pasted, or edited in the middle).
    let queries = [
        "总经理",
        "ouyang",
        "方艳",
        "example.org",
        "chamberofcommerce",
    ];
    let mut q = 0;
    recorder.bench(&mut c, "search: new query, full scan", || {
        list.sync(&doc, false, sort, queries[q % queries.len()]);
        q += 1;
    });
    list.sync(&doc, false, sort, "");

    let id = doc.project().people.keys().nth(50_000).unwrap().clone();
    let mut renamed = doc.project().people[&id].clone();
    renamed.family_name = "AARDVARK".into();
    recorder.bench(&mut c, "edit a person, then undo", || {
        doc.apply(Edit::PutPerson(id.clone(), renamed.clone()));
        doc.undo();
    });
    recorder.bench(
        &mut c,
        "edit + undo, people list caught up after each",
        || {
            doc.apply(Edit::PutPerson(id.clone(), renamed.clone()));
            list.sync(&doc, false, sort, "");
            doc.undo();
            list.sync(&doc, false, sort, "");
        },
    );
    recorder.bench(&mut c, "people list: full rebuild (opening a file)", || {
        let mut fresh = PeopleList::default();
        fresh.sync(&doc, false, sort, "");
        std::hint::black_box(fresh.len());
    });

    c.final_summary();
    let missed = support::print_ratios(
        "Search, edit and undo at 100,000 people (release)",
        &recorder,
        &[
            Ratio {
                what: "Search, first keystroke (scans all 100,000)",
                numerator: "search: first keystroke",
                denominator: "1 ms budget",
                goal: 1.0,
            },
            Ratio {
                what: "Search, typing a name (per keystroke)",
                numerator: "search: typing a name, per keystroke",
                denominator: "1 ms budget",
                goal: 1.0,
            },
            Ratio {
                what: "Search, a new query (full scan)",
                numerator: "search: new query, full scan",
                denominator: "1 ms budget",
                goal: 1.0,
            },
            Ratio {
                what: "One edit and its undo",
                numerator: "edit a person, then undo",
                denominator: "1 ms budget",
                goal: 1.0,
            },
            Ratio {
                what: "One edit and its undo, each followed by the people list catching up",
                numerator: "edit + undo, people list caught up after each",
                denominator: "one 60 Hz frame",
                goal: 0.25,
            },
            Ratio {
                what: "People list built from scratch (once per file opened)",
                numerator: "people list: full rebuild (opening a file)",
                denominator: "one 60 Hz frame",
                goal: support::FOR_THE_RECORD,
            },
        ],
    );
    if missed > 0 {
        println!("{missed} goal(s) missed.");
    }
}
