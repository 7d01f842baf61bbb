//! Documents for partners: the export dialog, internal notes left out, minutes that hold up.

strings! {
    pub struct DocumentStrings, EN, ZH;
}
