//! The boundary around third-party readers (calamine, zip, quick-xml, cfb, docx-rs): a
//! panic inside one becomes an error naming the reader, instead of ending the program.
//!
//! The panic is caught with `catch_unwind`; the process's panic hook is wrapped once so
//! that a panic caught here prints nothing (the error says it), while every other panic
//! is reported as before. Each panic found so far is in `docs/upstream-reports.md`, with
//! the smallest input that makes it, and that input is in `tests/hostile/imports/`.
//!
//! `DELEGATION_PLANNER_PANICS=1` lets a caught panic through (the fuzz targets use it to
//! find and minimise the third-party panics; the app never sets it).

use std::cell::Cell;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Once;

thread_local! {
    /// How many boundaries this thread is inside.
    static INSIDE: Cell<usize> = const { Cell::new(0) };
}

static QUIET_HOOK: Once = Once::new();

/// A panic of a third-party reader, caught: which reader, and its message.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error(
    "the {reader} reader failed on this file ({message}); the file is damaged or made to break readers: open it in the program that made it and save it again"
)]
pub struct ReaderPanic {
    /// The reader (`calamine`, `zip`…).
    pub reader: &'static str,
    /// The panic's message, as the reader gave it.
    pub message: String,
}

/// Runs `work` (a call into `reader`); a panic in it is returned as [`ReaderPanic`].
///
/// # Errors
/// When `work` panicked.
pub fn guard<T>(reader: &'static str, work: impl FnOnce() -> T) -> Result<T, ReaderPanic> {
    if std::env::var_os("DELEGATION_PLANNER_PANICS").is_some() {
        return Ok(work());
    }
    QUIET_HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if INSIDE.with(Cell::get) == 0 {
                previous(info);
            }
        }));
    });
    INSIDE.with(|n| n.set(n.get() + 1));
    let result = catch_unwind(AssertUnwindSafe(work));
    INSIDE.with(|n| n.set(n.get().saturating_sub(1)));
    result.map_err(|payload| {
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "no message".to_owned());
        log::error!("the {reader} reader panicked: {message}");
        ReaderPanic {
            reader,
            message: clip(&message),
        }
    })
}

/// A panic message short enough to show (a reader may put a whole buffer in one).
fn clip(message: &str) -> String {
    const MAX: usize = 200;
    match message.char_indices().nth(MAX) {
        Some((at, _)) => format!("{}…", message.get(..at).unwrap_or_default()),
        None => message.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_an_error_and_the_thread_goes_on() {
        let caught = guard("test", || -> u8 {
            let v: Vec<u8> = Vec::new();
            #[allow(clippy::indexing_slicing)] // the panic is the point
            v[3]
        })
        .unwrap_err();
        assert_eq!(caught.reader, "test");
        assert!(caught.message.contains("index out of bounds"), "{caught}");
        assert_eq!(guard("test", || 7).unwrap(), 7);
        let long = guard("test", || panic!("{}", "x".repeat(10_000))).unwrap_err();
        assert!(long.message.chars().count() <= 201);
    }
}
