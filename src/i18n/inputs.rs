//! Reading files given to an import: what a file is, the limits, and why one is refused.

strings! {
    pub struct InputStrings, EN, ZH;
}
