//! Merging two copies of a project by entity.

strings! {
    pub struct MergeStrings, EN, ZH;
}
