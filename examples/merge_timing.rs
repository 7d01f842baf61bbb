//! What merging two copies of a 100,000-person project costs when the copies differ in
//! 1,000 entities (issue 26: ≤ 1 s, and ≤ 3 × the file's size in memory).
//!
//! The common version is a synthetic project of 100,000 people; mine edits 480 people and
//! adds 20, theirs edits 480 others, removes 20 and edits another field of 20 of mine: the
//! two copies differ in 1,000 people. Each version is written to a file and read back, so
//! the three share no memory (as when the command line or git merges them). Measured, best
//! of three, with the heap counted by a counting allocator:
//!
//! - the merge itself (`merge::merge`), the three versions already in memory;
//! - what the app does on *File › Merge a copy…*: mine is open; theirs and the common
//!   version are read, merged, and what comes in listed;
//! - the command line end to end (`delegation-planner merge BASE OURS THEIRS -o OUT`, as
//!   git's driver runs it): three files read, merged, the report written, OUT saved.
//!
//! `cargo run --release --example merge_timing`

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // A measuring script: a panic is a failed run.

use std::alloc::{GlobalAlloc, Layout, System};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use delegation_planner::cli::{self, Command};
use delegation_planner::merge::{Choices, incoming, merge};
use delegation_planner::model::{Person, PersonId, Project};
use delegation_planner::project_file::{read_project, to_ron_string};
use delegation_planner::synthetic::{Size, generate};

/// The system allocator, counting the bytes in use and their peak.
struct Counting;

static IN_USE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is passed on to the system allocator unchanged; only counted.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's contract is the system allocator's.
        let ptr = unsafe { System.alloc(layout) };
        if !ptr.is_null() {
            let now = IN_USE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: the caller's contract is the system allocator's.
        unsafe { System.dealloc(ptr, layout) };
        IN_USE.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: the caller's contract is the system allocator's.
        let new = unsafe { System.realloc(ptr, layout, new_size) };
        if !new.is_null() {
            if new_size >= layout.size() {
                let grown = new_size - layout.size();
                let now = IN_USE.fetch_add(grown, Ordering::Relaxed) + grown;
                PEAK.fetch_max(now, Ordering::Relaxed);
            } else {
                IN_USE.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
            }
        }
        new
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Runs `f` three times; the fastest run and the most heap any run took above what was in
/// use before it.
fn measure<T>(mut f: impl FnMut() -> T) -> (Duration, usize) {
    let mut best = Duration::MAX;
    let mut most = 0;
    for _ in 0..3 {
        let before = IN_USE.load(Ordering::Relaxed);
        PEAK.store(before, Ordering::Relaxed);
        let start = Instant::now();
        let result = f();
        best = best.min(start.elapsed());
        most = most.max(PEAK.load(Ordering::Relaxed).saturating_sub(before));
        drop(result);
    }
    (best, most)
}

fn mb(bytes: usize) -> String {
    format!("{:.1} MB", bytes as f64 / 1_000_000.0)
}

fn ms(d: Duration) -> String {
    format!("{:.0} ms", d.as_secs_f64() * 1000.0)
}

fn write(path: &Path, project: &Project) -> usize {
    let text = to_ron_string(project).unwrap();
    std::fs::write(path, &text).unwrap();
    text.len()
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let (base_path, ours_path, theirs_path, out_path) = (
        dir.path().join("base.ron"),
        dir.path().join("ours.ron"),
        dir.path().join("theirs.ron"),
        dir.path().join("out.ron"),
    );
    let base = generate(Size::people(100_000), 26);
    let ids: Vec<PersonId> = base.people.keys().cloned().collect();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    for (n, id) in ids.iter().step_by(200).take(500).enumerate() {
        let person = ours.people.get_mut(id).unwrap();
        if n < 480 {
            person.email = format!("{n}@ministry.example");
        } else {
            // The rest of mine are additions.
            ours.people.insert(
                PersonId(format!("added-by-me-{n}")),
                Person {
                    family_name: format!("Added{n}"),
                    given_name: "Mine".into(),
                    ..Default::default()
                },
            );
        }
    }
    for (n, id) in ids.iter().skip(100).step_by(200).take(500).enumerate() {
        if n < 480 {
            theirs.people.get_mut(id).unwrap().title.en = format!("Counsellor {n}");
        } else {
            theirs.people.remove(id);
        }
    }
    // Another field of 20 people mine edited: merged field by field, no conflict.
    for id in ids.iter().step_by(200).take(20) {
        theirs.people.get_mut(id).unwrap().phone = "+86 10 6500 0000".into();
    }
    let differing = ours
        .people
        .keys()
        .chain(theirs.people.keys())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .filter(|id| ours.people.get(*id) != theirs.people.get(*id))
        .count();
    let size = write(&base_path, &base);
    write(&ours_path, &ours);
    write(&theirs_path, &theirs);
    drop((base, ours, theirs));
    println!(
        "100,000 people, {} meetings, {} commitments; the copies differ in {differing} people; the file is {}",
        Size::people(100_000).meetings,
        Size::people(100_000).commitments,
        mb(size)
    );

    let (took, heap) = measure(|| read_project(&base_path).unwrap());
    println!(
        "reading one version (for comparison):     {:>7}   heap            {:>9} ({:.2} × the file)",
        ms(took),
        mb(heap),
        heap as f64 / size as f64
    );

    // The three versions from their files, sharing nothing.
    let (base, ours, theirs) = (
        read_project(&base_path).unwrap(),
        read_project(&ours_path).unwrap(),
        read_project(&theirs_path).unwrap(),
    );
    let (took, heap) = measure(|| {
        let merged = merge(Some(&base), &ours, &theirs, &Choices::new());
        assert!(
            merged.conflicts.is_empty(),
            "{:?}",
            merged.conflicts.first()
        );
        merged
    });
    println!(
        "the merge, three versions in memory:      {:>7}   heap above them {:>9} ({:.2} × the file)",
        ms(took),
        mb(heap),
        heap as f64 / size as f64
    );
    drop((base, theirs));

    // The app: mine is open; theirs and the common version are read, merged and listed.
    let (took, heap) = measure(|| {
        let theirs = read_project(&theirs_path).unwrap();
        let base = read_project(&base_path).unwrap();
        let merged = merge(Some(&base), &ours, &theirs, &Choices::new());
        let changes = incoming(&ours, &merged.project);
        assert_eq!(changes.len(), 520, "what comes in");
        merged
    });
    println!(
        "Merge a copy… (read theirs and the base):  {:>7}   heap above mine {:>9} ({:.2} × the file)",
        ms(took),
        mb(heap),
        heap as f64 / size as f64
    );
    drop(ours);

    // The command line, as git's merge driver runs it.
    let (took, heap) = measure(|| {
        // OUT must be a new file (or OURS itself).
        let _ = std::fs::remove_file(&out_path);
        let command = Command::Merge {
            base: base_path.clone(),
            ours: ours_path.clone(),
            theirs: theirs_path.clone(),
            output: out_path.clone(),
            theirs_name: None,
        };
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let code = cli::run(&command, &mut out, &mut err);
        assert_eq!(code, 0, "{}", String::from_utf8_lossy(&err));
    });
    println!(
        "delegation-planner merge, end to end:     {:>7}   heap            {:>9} ({:.2} × the file)",
        ms(took),
        mb(heap),
        heap as f64 / size as f64
    );
    let merged = read_project(&out_path).unwrap();
    assert_eq!(merged.people.len(), 100_000 + 20 - 20);
}
