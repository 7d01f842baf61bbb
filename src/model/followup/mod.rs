//! Following commitments up: what is overdue or due soon relative to a given day, filters,
//! the commitments of a meeting series that are still open, and the "Review of
//! commitments" agenda item a next meeting starts from.
//!
//! Everything takes `today` as an argument instead of reading the clock, so the app, the
//! command line and the tests agree on what "overdue" means and tests can pick any day.

mod due;
mod filter;
mod series;
mod tree;

pub use due::{
    DueState, LATER_DAYS, SOON_DAYS, classify, due_state, last_entry, last_update,
    needing_attention, open_statuses, status_counts, window_end, with_status_change,
};
pub use filter::{DueFilter, Filter, filtered, topics};
pub use series::{
    REVIEW_ITEM_ID, REVIEW_TITLE, add_review_item, has_earlier_in_series,
    open_commitments_of_series, review_notes, series_meetings, upcoming_meetings,
};
pub use tree::{kept_in_tree_order, tree_order};
