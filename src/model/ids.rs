//! Stable identifiers. Every reference in a project is by id, never by position, so
//! reordering, merging and undo never break a link.

use serde::{Deserialize, Serialize};

macro_rules! define_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            /// The id as text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl std::borrow::Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                Self(s.to_owned())
            }
        }
    };
}

define_id!(
    /// Identifies an [`crate::model::Organisation`] within a project.
    OrganisationId
);
define_id!(
    /// Identifies a [`crate::model::Person`] within a project.
    PersonId
);
define_id!(
    /// Identifies a [`crate::model::Meeting`]: a short slug users can type (`paris-2024`).
    MeetingId
);
define_id!(
    /// Identifies a [`crate::model::Commitment`] within a project.
    CommitmentId
);
define_id!(
    /// Identifies a side (delegation) within one meeting.
    SideId
);
define_id!(
    /// Identifies an agenda item within one meeting.
    ItemId
);

/// Turns a name into a lowercase ASCII slug (`"CCAA–AFNOR Paris"` → `"ccaa-afnor-paris"`).
///
/// Non-ASCII letters (Chinese names) are dropped, so the result may be empty; callers add
/// a prefix and a counter to make ids unique.
pub fn slugify(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    let mut pending_dash = false;
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            if pending_dash && !slug.is_empty() {
                slug.push('-');
            }
            pending_dash = false;
            slug.push(c.to_ascii_lowercase());
        } else {
            pending_dash = true;
        }
        if slug.len() >= 40 {
            break;
        }
    }
    slug
}

/// Makes a unique id from `base` (slugified) given a test for ids already taken.
///
/// `fallback` is used when the slug is empty; a counter is appended when needed.
pub(crate) fn unique_slug(base: &str, fallback: &str, taken: impl Fn(&str) -> bool) -> String {
    let mut slug = slugify(base);
    if slug.is_empty() {
        slug = fallback.to_owned();
    }
    if !taken(&slug) {
        return slug;
    }
    (2u64..)
        .map(|n| format!("{slug}-{n}"))
        .find(|candidate| !taken(candidate))
        .unwrap_or(slug)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert_eq!(slugify("CCAA–AFNOR Paris 2024"), "ccaa-afnor-paris-2024");
        assert_eq!(
            slugify("  Myriam AUGEREAU LANDAIS "),
            "myriam-augereau-landais"
        );
        assert_eq!(slugify("黄继先"), "");
        let taken = ["a", "a-2"];
        assert_eq!(unique_slug("A", "x", |s| taken.contains(&s)), "a-3");
        assert_eq!(unique_slug("黄", "person", |_| false), "person");
    }
}
