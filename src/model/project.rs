use serde::{Deserialize, Deserializer, Serialize};

use super::ids::unique_slug;
use super::{
    Bilingual, Commitment, CommitmentId, ItemId, Lineage, Meeting, MeetingId, MergeState,
    Organisation, OrganisationId, Person, PersonId,
};

/// A map of entities by id: sorted (the saved file is sorted and diff-friendly) and
/// persistent, so a copy of a whole project for a background job costs a pointer copy, and
/// an edit afterwards copies only the path to the entity it changes.
pub type EntityMap<K, V> = imbl::OrdMap<K, V>;

/// One cooperation: its organisations, people, meetings and commitments.
///
/// Entities live in maps keyed by stable ids, so the saved file is sorted and
/// diff-friendly and a reference survives any reordering. Cloning a project is cheap
/// (see [`EntityMap`]).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Project {
    /// Title and description of the cooperation.
    #[serde(default)]
    pub info: ProjectInfo,
    /// Organisations by id.
    #[serde(default, deserialize_with = "unique_keys")]
    pub organisations: EntityMap<OrganisationId, Organisation>,
    /// People by id.
    #[serde(default, deserialize_with = "unique_keys")]
    pub people: EntityMap<PersonId, Person>,
    /// Meetings by id.
    #[serde(default, deserialize_with = "unique_keys")]
    pub meetings: EntityMap<MeetingId, Meeting>,
    /// Commitments by id.
    #[serde(default, deserialize_with = "unique_keys")]
    pub commitments: EntityMap<CommitmentId, Commitment>,
    /// The project's own personal fields, which every person may fill (`Place of birth`).
    /// Not written when there are none.
    #[serde(default, skip_serializing_if = "super::personal::is_default")]
    pub personal_fields: Vec<super::CustomField>,
    /// Which saved version this is and the versions it descends from, so that two copies
    /// can be merged against the version they share (a new revision at every save).
    #[serde(default, skip_serializing_if = "Lineage::is_empty")]
    pub lineage: Lineage,
    /// What merges left: revisions merged in since the last save, conflicts waiting for
    /// the user's choice.
    #[serde(default, skip_serializing_if = "MergeState::is_empty")]
    pub merge: MergeState,
}

/// Title and description of a project.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProjectInfo {
    /// Title of the cooperation in both languages.
    #[serde(default)]
    pub title: Bilingual,
    /// What the cooperation is about.
    #[serde(default)]
    pub description: Bilingual,
}

impl Project {
    /// A fresh id for a new organisation named `acronym_or_name`.
    pub fn new_organisation_id(&self, acronym_or_name: &str) -> OrganisationId {
        OrganisationId(unique_slug(acronym_or_name, "organisation", |s| {
            self.organisations.contains_key(&OrganisationId::from(s))
        }))
    }

    /// A fresh id for a new person.
    pub fn new_person_id(&self, person: &Person) -> PersonId {
        let base = format!("{} {}", person.family_name, person.given_name);
        PersonId(unique_slug(&base, "person", |s| {
            self.people.contains_key(&PersonId::from(s))
        }))
    }

    /// A fresh id for a new meeting, from a hint such as `paris-2024`.
    pub fn new_meeting_id(&self, hint: &str) -> MeetingId {
        MeetingId(unique_slug(hint, "meeting", |s| {
            self.meetings.contains_key(&MeetingId::from(s))
        }))
    }

    /// A fresh id for a new commitment.
    pub fn new_commitment_id(&self, hint: &str) -> CommitmentId {
        CommitmentId(unique_slug(hint, "commitment", |s| {
            self.commitments.contains_key(&CommitmentId::from(s))
        }))
    }

    /// The commitments made under agenda item `item` of meeting `meeting` (the other half
    /// of [`super::Commitment::agreed_item`]), in id order.
    pub fn commitments_of_item<'a>(
        &'a self,
        meeting: &'a MeetingId,
        item: &'a ItemId,
    ) -> impl Iterator<Item = (&'a CommitmentId, &'a super::Commitment)> + 'a {
        self.commitments.iter().filter(move |(_, c)| {
            c.agreed_at.as_ref() == Some(meeting) && c.agreed_item.as_ref() == Some(item)
        })
    }

    /// The display name of a person, or a marker naming the missing id.
    pub fn person_name(&self, id: &PersonId) -> String {
        self.people
            .get(id)
            .map(Person::display_name)
            .unwrap_or_else(|| format!("▲ {id}"))
    }

    /// A person's name as the interface shows it (Chinese first in the Chinese interface),
    /// or a marker naming the missing id.
    pub fn person_screen_name(&self, id: &PersonId, chinese_first: bool) -> String {
        self.people
            .get(id)
            .map(|p| p.screen_name(chinese_first))
            .unwrap_or_else(|| format!("▲ {id}"))
    }

    /// The short name of an organisation, or a marker naming the missing id.
    pub fn organisation_name(&self, id: &OrganisationId, prefer_chinese: bool) -> String {
        self.organisations
            .get(id)
            .map(|o| o.short_name(prefer_chinese).to_owned())
            .unwrap_or_else(|| format!("▲ {id}"))
    }
}

/// Deserializes a map and refuses a key that appears twice, which a plain `BTreeMap`
/// would silently collapse (losing one of the two entities).
pub(crate) fn unique_keys<'de, D, K, V>(deserializer: D) -> Result<EntityMap<K, V>, D::Error>
where
    D: Deserializer<'de>,
    K: Deserialize<'de> + Ord + Clone + std::fmt::Display,
    V: Deserialize<'de> + Clone,
{
    struct UniqueKeys<K, V>(std::marker::PhantomData<(K, V)>);

    impl<'de, K, V> serde::de::Visitor<'de> for UniqueKeys<K, V>
    where
        K: Deserialize<'de> + Ord + Clone + std::fmt::Display,
        V: Deserialize<'de> + Clone,
    {
        type Value = EntityMap<K, V>;

        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a map from ids to entries")
        }

        fn visit_map<A: serde::de::MapAccess<'de>>(
            self,
            mut map: A,
        ) -> Result<Self::Value, A::Error> {
            let mut out = EntityMap::new();
            while let Some(key) = map.next_key::<K>()? {
                if out.contains_key(&key) {
                    return Err(serde::de::Error::custom(format!(
                        "the id `{key}` is used twice"
                    )));
                }
                let value = map.next_value()?;
                out.insert(key, value);
            }
            Ok(out)
        }
    }

    deserializer.deserialize_map(UniqueKeys(std::marker::PhantomData))
}
