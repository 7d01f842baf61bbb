//! Seating plans: the talks table, banquet rounds, and their exports.

strings! {
    pub struct SeatingStrings, EN, ZH;
}
