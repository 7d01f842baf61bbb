//! Personal data (PIPL, GDPR): what a visa invitation letter needs of a person — gender,
//! date of birth, nationality, passport — and the project's own custom fields.
//!
//! Kept apart from the rest of a [`super::Person`] on purpose: everything in
//! [`PersonalData`] (and the person's e-mail and phone) stays out of what goes to a partner
//! unless a column is chosen explicitly, and [`Project::without_personal_data`] removes it
//! all for a copy to share. A person without any is saved without the block, so projects
//! that hold none look as before.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Bilingual, Project, choice_enum};

/// The personal data of one person.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PersonalData {
    /// Gender as the passport gives it.
    #[serde(default)]
    pub gender: Gender,
    /// Date of birth.
    #[serde(default)]
    pub date_of_birth: Option<NaiveDate>,
    /// Nationality as written on the passport or by the user (`French`, `China`, `中国`).
    #[serde(default)]
    pub nationality: String,
    /// Passport number.
    #[serde(default)]
    pub passport_number: String,
    /// The passport's date of expiry.
    #[serde(default)]
    pub passport_expiry: Option<NaiveDate>,
    /// Values of the project's custom personal fields, by [`CustomField::key`]; dates as
    /// `YYYY-MM-DD`.
    #[serde(default)]
    pub custom: BTreeMap<String, String>,
}

/// Whether `value` is exactly its type's default: what a field written only when set is
/// skipped by (an exact test, so that a field holding a lone space still round-trips).
pub(crate) fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}

impl PersonalData {
    /// True when nothing is known (the block is then not written to the file).
    pub fn is_empty(&self) -> bool {
        self.gender == Gender::Unspecified
            && self.date_of_birth.is_none()
            && self.nationality.trim().is_empty()
            && self.passport_number.trim().is_empty()
            && self.passport_expiry.is_none()
            && self.custom.values().all(|v| v.trim().is_empty())
    }
}

/// Gender, as passports give it (`F`, `M`, `X`).
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum Gender {
    /// Not known.
    #[default]
    Unspecified,
    /// Female (`F`).
    Female,
    /// Male (`M`).
    Male,
    /// Another or unspecified gender on the passport (`X`).
    Other,
}

choice_enum!(Gender {
    Unspecified => ("unspecified", "—", "—"),
    Female => ("female", "Female", "女"),
    Male => ("male", "Male", "男"),
    Other => ("other", "X (other)", "X（其他）"),
});

/// A personal field the project adds to every person (`Place of birth`, `Visa type`…).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CustomField {
    /// Stable key: the values of people are kept under it and a template names it as
    /// `{{key}}` (`place_of_birth`). Set once from the name; renaming keeps it.
    pub key: String,
    /// What the field is called, in both languages.
    #[serde(default)]
    pub name: Bilingual,
    /// What kind of value it holds.
    #[serde(default)]
    pub kind: CustomFieldKind,
}

/// The kind of value a [`CustomField`] holds.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum CustomFieldKind {
    /// Free text.
    #[default]
    Text,
    /// A date (`YYYY-MM-DD` in the file), written in each language's form in letters.
    Date,
    /// A number.
    Number,
}

choice_enum!(CustomFieldKind {
    Text => ("text", "Text", "文本"),
    Date => ("date", "Date", "日期"),
    Number => ("number", "Number", "数字"),
});

/// The key of a custom field called `name`: lower-case ASCII words joined by `_`
/// (`Place of birth` → `place_of_birth`), or `field` when nothing is left; made unique
/// among `taken`.
pub fn custom_field_key(name: &str, taken: &[&str]) -> String {
    let slug = super::slugify(name).replace('-', "_");
    let base = if slug.is_empty() {
        "field".to_owned()
    } else {
        slug
    };
    let mut key = base.clone();
    let mut n = 2;
    while taken.contains(&key.as_str()) {
        key = format!("{base}_{n}");
        n += 1;
    }
    key
}

impl Project {
    /// Whether any person holds personal data: the fields of [`PersonalData`], an e-mail
    /// address or a phone number.
    pub fn holds_personal_data(&self) -> bool {
        self.people.values().any(|p| {
            !p.personal.is_empty() || !p.email.trim().is_empty() || !p.phone.trim().is_empty()
        })
    }

    /// A copy to mail to a counterpart: every person's [`PersonalData`], e-mail and phone
    /// removed, and the definitions of the custom personal fields with them. Everything
    /// else (names, titles, meetings, agendas, commitments) is kept.
    pub fn without_personal_data(&self) -> Self {
        let mut copy = self.clone();
        copy.people = self
            .people
            .iter()
            .map(|(id, person)| {
                let mut person = person.clone();
                person.personal = PersonalData::default();
                person.email.clear();
                person.phone.clear();
                (id.clone(), person)
            })
            .collect();
        copy.personal_fields.clear();
        copy
    }

    /// The custom personal field with this key.
    pub fn custom_field(&self, key: &str) -> Option<&CustomField> {
        self.personal_fields.iter().find(|f| f.key == key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_slugs_made_unique() {
        assert_eq!(custom_field_key("Place of birth", &[]), "place_of_birth");
        assert_eq!(
            custom_field_key("Place of birth", &["place_of_birth"]),
            "place_of_birth_2"
        );
        assert_eq!(custom_field_key("签证类型", &[]), "field");
    }

    #[test]
    fn empty_means_nothing_known() {
        let mut data = PersonalData::default();
        assert!(data.is_empty());
        data.custom.insert("x".into(), "  ".into());
        assert!(data.is_empty());
        data.gender = Gender::Female;
        assert!(!data.is_empty());
    }
}
