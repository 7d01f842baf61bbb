//! Sides of a meeting made from its organisations, precedence within a side, and the person picker.

strings! {
    pub struct ProtocolStrings, EN, ZH;
}
