//! Reading a pasted programme (`cargo bench --bench agenda_paste`): 16,000 lines of days,
//! Chinese and Western times, bilingual titles and speakers, parsed and planned into a
//! meeting, within half a second; and half as many lines in about half the time (linear).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod support;

use std::time::Duration;

use delegation_planner::import::agenda_text::{PeopleIndex, parse, parse_with, plan};
use delegation_planner::synthetic::{Size, generate};
use support::{Ratio, Recorder};

/// `lines` lines of a programme as people paste them: a day line every 40 lines, then
/// items in every time form the parser reads.
fn programme(lines: usize) -> String {
    let forms = [
        "上午9:00 开幕致辞 Opening remarks — HUANG Jixian 黄继先",
        "09:20–10:00 Presentation of AFNOR — Ms. Myriam AUGEREAU LANDAIS",
        "10:00 20 min 茶歇 Coffee break",
        "下午2点半 参观实验室 Visit of the test lab — Mr. Helge ENGELHARD (BMWi)",
        "14时30分 讨论 Discussion — Dr. Betty XU, Mr. XIAO Han and Ms. Ester CAÑADA AMELA",
        "１５：１５－１６：００ 签署合作备忘录 Signing of the MoU",
        "• 16:00 Reception (1h)",
        "Conclusions — 10 min",
    ];
    let mut text = String::new();
    for i in 0..lines {
        if i % 40 == 0 {
            text.push_str(&format!("Day {} — Tuesday, 5 November 2019\n", i / 40 + 1));
        } else {
            text.push_str(forms[i % forms.len()]);
            text.push('\n');
        }
    }
    text
}

fn main() {
    let mut c = support::criterion();
    let recorder = Recorder::default();
    recorder.record("half a second", Duration::from_millis(500), 1);
    let sample = delegation_planner::samples::ccaa_afnor().unwrap();
    let meeting = sample.meetings.values().next().unwrap().clone();
    let large = generate(Size::people(100_000), 1);
    let big_text = programme(16_000);
    let half_text = programme(8_000);
    recorder.bench(&mut c, "16,000 lines, sample project", || {
        let preview = parse(&big_text, &sample, Some(&meeting));
        std::hint::black_box(plan(&meeting, &preview, true));
    });
    recorder.bench(&mut c, "8,000 lines, sample project", || {
        let preview = parse(&half_text, &sample, Some(&meeting));
        std::hint::black_box(plan(&meeting, &preview, true));
    });
    recorder.bench(&mut c, "16,000 lines, 100,000-person project", || {
        let preview = parse(&big_text, &large, Some(&meeting));
        std::hint::black_box(plan(&meeting, &preview, true));
    });
    // The paste dialog indexes the people once per change of the project and re-parses
    // on every keystroke with that index.
    recorder.bench(&mut c, "index of 100,000 people", || {
        std::hint::black_box(PeopleIndex::new(&large));
    });
    let index = PeopleIndex::new(&large);
    recorder.bench(&mut c, "16,000 lines, 100,000 people indexed", || {
        let preview = parse_with(&big_text, &index, Some(&meeting));
        std::hint::black_box(plan(&meeting, &preview, true));
    });
    let short = programme(40);
    recorder.bench(
        &mut c,
        "40 lines, 100,000 people indexed (a keystroke)",
        || {
            let preview = parse_with(&short, &index, Some(&meeting));
            std::hint::black_box(plan(&meeting, &preview, true));
        },
    );
    recorder.record("one 60 Hz frame", Duration::from_micros(16_667), 1);
    c.final_summary();
    let missed = support::print_ratios(
        "Pasting a programme (release)",
        &recorder,
        &[
            Ratio {
                what: "16,000 lines parsed and planned (sample project)",
                numerator: "16,000 lines, sample project",
                denominator: "half a second",
                goal: 1.0,
            },
            Ratio {
                what: "16,000 lines ÷ 8,000 lines (2.0 is linear)",
                numerator: "16,000 lines, sample project",
                denominator: "8,000 lines, sample project",
                goal: 2.2,
            },
            Ratio {
                what: "16,000 lines, 100,000 people indexed first (the dialog keeps the index)",
                numerator: "16,000 lines, 100,000 people indexed",
                denominator: "half a second",
                goal: 1.0,
            },
            Ratio {
                what: "A 40-line paste re-read on a keystroke, 100,000 people indexed",
                numerator: "40 lines, 100,000 people indexed (a keystroke)",
                denominator: "one 60 Hz frame",
                goal: 0.25,
            },
            Ratio {
                what: "Indexing 100,000 people (once per change of the project)",
                numerator: "index of 100,000 people",
                denominator: "half a second",
                goal: support::FOR_THE_RECORD,
            },
            Ratio {
                what: "16,000 lines with the index built in the same call",
                numerator: "16,000 lines, 100,000-person project",
                denominator: "half a second",
                goal: support::FOR_THE_RECORD,
            },
        ],
    );
    if missed > 0 {
        println!("{missed} goal(s) missed.");
    }
}
