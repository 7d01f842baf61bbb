//! The limits every file given to an import is held to, in one place.
//!
//! Each is checked before the work it bounds: the size of a file before it is read, the
//! size of a zip member from the archive's central directory before it is inflated, the
//! cells of a sheet (rows × columns, after the repeats of an OpenDocument sheet) before a
//! reader allocates them, a declared count (a workbook's `uniqueCount`, a sheet's
//! `dimension`) before anything is allocated by it. A file over a limit is refused with
//! the limit's name and value ([`LimitExceeded`]); nothing of it is imported.
//!
//! The figures are far above any real list or programme (the largest realistic list, a
//! training of 20,000 online participants, is 20,000 rows; an Excel 50,000-row list is
//! 2 MB) and low enough that refusing a hostile file stays under 300 MB of memory and
//! 2 seconds (BENCHMARKS.md, "Refusing hostile files").

use std::time::{Duration, Instant};

/// The largest file an import reads: 64 MiB. A 200,000-row CSV is about 25 MB.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// The most rows a list or lines a programme may have: 250,000.
pub const MAX_ROWS: u64 = 250_000;

/// The most cells a workbook may hold, counted as its readers lay them out: the rows ×
/// columns of each sheet's used range (after OpenDocument's repeated rows and columns),
/// summed over the sheets that are read at once: 2,500,000 (a 200,000-row list of 12
/// columns).
pub const MAX_CELLS: u64 = 2_500_000;

/// The longest line of a text file: 1 MiB (a CSV row with a long note is a few KB).
pub const MAX_LINE_BYTES: u64 = 1024 * 1024;

/// The largest member of a zip archive (an XLSX, ODS or DOCX), uncompressed: 128 MiB
/// (the sheet of a 200,000-row list is about 70 MB of XML).
pub const MAX_ZIP_MEMBER_BYTES: u64 = 128 * 1024 * 1024;

/// All members of a zip archive together, uncompressed: 256 MiB.
pub const MAX_ZIP_TOTAL_BYTES: u64 = 256 * 1024 * 1024;

/// The most members a zip archive may have: 10,000 (a workbook has a few dozen).
pub const MAX_ZIP_ENTRIES: u64 = 10_000;

/// The most shared strings a workbook may declare or hold: as many as cells.
pub const MAX_SHARED_STRINGS: u64 = MAX_CELLS;

/// How long reading a file may take before it is given up: 20 seconds (a 200,000-row
/// workbook is read in about 2 s on a slow machine).
pub const TIME_BUDGET: Duration = Duration::from_secs(20);

/// One of the limits above, for a refusal to name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Limit {
    /// [`MAX_FILE_BYTES`].
    FileBytes,
    /// [`MAX_ROWS`].
    Rows,
    /// [`MAX_CELLS`].
    Cells,
    /// [`MAX_LINE_BYTES`].
    LineBytes,
    /// [`MAX_ZIP_MEMBER_BYTES`].
    ZipMemberBytes,
    /// [`MAX_ZIP_TOTAL_BYTES`].
    ZipTotalBytes,
    /// [`MAX_ZIP_ENTRIES`].
    ZipEntries,
    /// [`MAX_SHARED_STRINGS`].
    SharedStrings,
    /// [`TIME_BUDGET`], in seconds.
    Time,
}

impl Limit {
    /// The limit's value (bytes, rows, cells, entries or seconds).
    pub fn value(self) -> u64 {
        match self {
            Self::FileBytes => MAX_FILE_BYTES,
            Self::Rows => MAX_ROWS,
            Self::Cells => MAX_CELLS,
            Self::LineBytes => MAX_LINE_BYTES,
            Self::ZipMemberBytes => MAX_ZIP_MEMBER_BYTES,
            Self::ZipTotalBytes => MAX_ZIP_TOTAL_BYTES,
            Self::ZipEntries => MAX_ZIP_ENTRIES,
            Self::SharedStrings => MAX_SHARED_STRINGS,
            Self::Time => TIME_BUDGET.as_secs(),
        }
    }

    /// True when the value is a number of bytes (said in KB, MB or GB).
    pub fn is_bytes(self) -> bool {
        matches!(
            self,
            Self::FileBytes | Self::LineBytes | Self::ZipMemberBytes | Self::ZipTotalBytes
        )
    }
}

/// A file over one of the limits: which, and what was found (when it is known: a file
/// refused for its declared size says that size; one cut short by the time budget, not).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}", crate::import::limits::describe_en(self))]
pub struct LimitExceeded {
    /// The limit.
    pub limit: Limit,
    /// What the file has, or declares, when known.
    pub found: Option<u64>,
    /// Where in the file, when it is one place (`line 4`, `sheet “Guests”`,
    /// `xl/sharedStrings.xml`).
    pub place: Option<String>,
}

impl LimitExceeded {
    /// A refusal for `limit` with what was found.
    pub fn new(limit: Limit, found: Option<u64>) -> Self {
        Self {
            limit,
            found,
            place: None,
        }
    }

    /// The same, at `place`.
    #[must_use]
    pub fn at(mut self, place: impl Into<String>) -> Self {
        self.place = Some(place.into());
        self
    }
}

/// A size in bytes as a person reads it: `64 MB`, `5.0 GB`, `900 bytes`.
pub fn bytes_en(n: u64) -> String {
    const KB: u64 = 1024;
    const MB: u64 = KB * 1024;
    const GB: u64 = MB * 1024;
    #[allow(clippy::cast_precision_loss)] // a size shown to one decimal
    let f = n as f64;
    if n >= GB {
        format!("{:.1} GB", f / GB as f64)
    } else if n >= MB {
        if n.is_multiple_of(MB) {
            format!("{} MB", n / MB)
        } else {
            format!("{:.1} MB", f / MB as f64)
        }
    } else if n >= KB {
        format!("{} KB", n.div_ceil(KB))
    } else {
        format!("{n} bytes")
    }
}

/// `2,500,000`: a count as English writes it.
pub fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The English of a refusal: what is over which limit, and the limit's value.
fn describe_en(e: &LimitExceeded) -> String {
    let amount = |n: u64| {
        if e.limit.is_bytes() {
            bytes_en(n)
        } else {
            grouped(n)
        }
    };
    let what = match e.limit {
        Limit::FileBytes => "the file is too large",
        Limit::Rows => "the file has too many rows",
        Limit::Cells => "the workbook has too many cells",
        Limit::LineBytes => "a line is too long",
        Limit::ZipMemberBytes => "a part of the file is too large once unpacked",
        Limit::ZipTotalBytes => "the file is too large once unpacked",
        Limit::ZipEntries => "the file has too many parts",
        Limit::SharedStrings => "the workbook has, or declares, too many texts",
        Limit::Time => "reading the file took too long",
    };
    let place = e
        .place
        .as_ref()
        .map(|p| format!(" ({p})"))
        .unwrap_or_default();
    let found = match (e.found, e.limit) {
        (_, Limit::Time) | (None, _) => String::new(),
        (Some(n), _) => format!(": {}", amount(n)),
    };
    let limit = match e.limit {
        Limit::Time => format!("{} seconds", e.limit.value()),
        Limit::Cells => format!("{} cells (rows × columns)", amount(e.limit.value())),
        Limit::Rows => format!("{} rows", amount(e.limit.value())),
        Limit::ZipEntries => format!("{} parts", amount(e.limit.value())),
        Limit::SharedStrings => format!("{} texts", amount(e.limit.value())),
        _ => amount(e.limit.value()),
    };
    format!("{what}{place}{found}; the limit is {limit}; nothing was imported")
}

/// The time budget of one reading, started when the reading starts.
#[derive(Clone, Copy, Debug)]
pub struct Budget {
    deadline: Instant,
}

impl Budget {
    /// A budget of [`TIME_BUDGET`] from now.
    pub fn start() -> Self {
        Self::with(TIME_BUDGET)
    }

    /// A budget of `duration` from now (tests).
    pub fn with(duration: Duration) -> Self {
        let now = Instant::now();
        Self {
            deadline: now.checked_add(duration).unwrap_or(now),
        }
    }

    /// An error once the budget is spent.
    ///
    /// # Errors
    /// [`Limit::Time`] when the deadline has passed.
    pub fn check(&self) -> Result<(), LimitExceeded> {
        if Instant::now() > self.deadline {
            Err(LimitExceeded::new(Limit::Time, None))
        } else {
            Ok(())
        }
    }
}

/// `Ok` when `found` is within `limit`, else the refusal.
///
/// # Errors
/// When `found` is over the limit's value.
pub fn within(limit: Limit, found: u64) -> Result<(), LimitExceeded> {
    if found > limit.value() {
        Err(LimitExceeded::new(limit, Some(found)))
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refusals_say_the_limit_and_its_value() {
        let e = LimitExceeded::new(Limit::FileBytes, Some(100 * 1024 * 1024));
        assert_eq!(
            e.to_string(),
            "the file is too large: 100 MB; the limit is 64 MB; nothing was imported"
        );
        let e = LimitExceeded::new(Limit::Cells, Some(90_000_000)).at("sheet “Sheet1”");
        assert_eq!(
            e.to_string(),
            "the workbook has too many cells (sheet “Sheet1”): 90,000,000; the limit is 2,500,000 cells (rows × columns); nothing was imported"
        );
        assert_eq!(bytes_en(5 * 1024 * 1024 * 1024), "5.0 GB");
        assert!(within(Limit::Rows, MAX_ROWS).is_ok());
        assert!(within(Limit::Rows, MAX_ROWS + 1).is_err());
        let spent = Budget::with(Duration::ZERO);
        std::thread::sleep(Duration::from_millis(2));
        assert_eq!(spent.check().unwrap_err().limit, Limit::Time);
        assert!(Budget::start().check().is_ok());
        assert_eq!(grouped(1_048_576), "1,048,576");
    }
}
