//! Per-person documents from Word templates (invitation letters), and personal data.

strings! {
    pub struct LetterStrings, EN, ZH;
}
