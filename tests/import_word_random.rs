//! Word documents of random structure (tables opened and never closed, cells outside
//! rows, spans of a billion columns, merges with nothing above, tables in cells in
//! tables, breaks and tabs anywhere): both imports read each or refuse it, and none panics
//! (the code after the XML reader runs outside the reader's boundary, so a panic there
//! would end the app).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // Test helpers may panic: a panic is a failed test.

mod word;

use delegation_planner::import::attendees::Matcher;
use delegation_planner::import::gate::Input;
use delegation_planner::import::list::{ListKind, ReadOptions, read_list_bytes};
use delegation_planner::import::programme_file::read_programme;
use delegation_planner::model::Project;

/// Elements that hold others, and what stands alone.
const CONTAINERS: &[&str] = &[
    "w:tbl",
    "w:tr",
    "w:tc",
    "w:p",
    "w:r",
    "w:t",
    "w:txbxContent",
    "w:sdtContent",
    "w:tcPr",
    "w:trPr",
];
const LEAVES: &[&str] = &[
    "<w:tblHeader/>",
    "<w:gridBefore w:val=\"3\"/>",
    "<w:gridSpan w:val=\"1000000000\"/>",
    "<w:gridSpan w:val=\"2\"/>",
    "<w:vMerge/>",
    "<w:vMerge w:val=\"restart\"/>",
    "<w:tc/>",
    "<w:p/>",
    "<w:br/>",
    "<w:tab/>",
    "09:00–09:30",
    "Opening",
    "姓名",
    "Name",
    "张伟",
    "Mr.",
    "主持人：",
    "&amp;",
    "&#x4E2D;",
];

/// A well-formed tree of Word's elements nested at random, `depth` deep at most.
fn tree(next: &mut dyn FnMut() -> u64, depth: usize) -> String {
    let mut out = String::new();
    for _ in 0..(1 + next() % 4) {
        if depth == 0 || next().is_multiple_of(3) {
            out.push_str(LEAVES[(next() % LEAVES.len() as u64) as usize]);
        } else {
            let name = CONTAINERS[(next() % CONTAINERS.len() as u64) as usize];
            let inner = tree(next, depth - 1);
            out.push_str(&format!("<{name}>{inner}</{name}>"));
        }
    }
    out
}

#[test]
fn random_structures_are_read_or_refused_without_a_panic() {
    let project = Project::default();
    let matcher = Matcher::new(&project);
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let (mut read, mut refused) = (0, 0);
    for _ in 0..400 {
        let body = tree(&mut next, 7);
        let xml = format!(
            r#"<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
        );
        let bytes = word::package(&[("word/document.xml", xml.as_bytes())]);
        match read_programme(Input::from_bytes(bytes.clone()).unwrap(), None) {
            Ok(_) => read += 1,
            Err(e) => {
                assert!(!e.to_string().is_empty());
                refused += 1;
            }
        }
        let _ = read_list_bytes(
            bytes,
            ListKind::Text,
            &ReadOptions::default(),
            &matcher,
            &mut |_| true,
        );
    }
    // Both happen: the generator makes readable documents and broken ones.
    assert!(read > 0 && refused > 0, "read {read}, refused {refused}");
}
