//! The merge of whole projects: each entity map by id (only the entities that differ are
//! looked at, found through the persistent maps' own diff), each entity through its tree,
//! and the project's own details the same way. Also what a merge brings in, and the
//! probable duplicates it made.

use std::collections::{BTreeSet, HashMap};

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::node_merge::NodeMerger;
use super::tree::{Node, TreeError, from_node, to_node};
use super::{Choices, Conflict, ConflictId, ConflictKind, EntityRef, Side};
use crate::document::Edit;
use crate::model::{
    ConflictedEntity, EntityMap, PendingMerge, Person, PersonId, Project, Versions,
    normalize_chinese_name,
};

/// What a merge made.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Merged {
    /// The merged project, with the choices made (mine where none was made). Its lineage
    /// and merge state are mine: the caller sets what the merge means for them.
    pub project: Project,
    /// Every conflict, with the side kept.
    pub conflicts: Vec<Conflict>,
    /// People added on both sides under different ids, with the same names and
    /// organisation.
    pub duplicates: Vec<Duplicate>,
    /// The three versions of every entity with a conflict, to merge again with other
    /// choices ([`remerge`]); `theirs` is left for the caller to name.
    pub pending: PendingMerge,
}

/// Two people a merge brought together who are probably one.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Duplicate {
    /// The one added on my side.
    pub ours: PersonId,
    /// The one added on theirs.
    pub theirs: PersonId,
}

/// What a merge changes in one entity of mine.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// The entity.
    pub entity: EntityRef,
    /// Added, removed, or which of its fields changed.
    pub kind: ChangeKind,
}

/// How an entity changes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChangeKind {
    /// It comes in.
    Added,
    /// It goes.
    Removed,
    /// These fields change.
    Changed(Vec<&'static str>),
}

/// Merges `theirs` into `ours` against `base`, their common version (`None`: two-way,
/// every difference is a conflict), with `choices` for the conflicts already decided.
pub fn merge(
    base: Option<&Project>,
    ours: &Project,
    theirs: &Project,
    choices: &Choices,
) -> Merged {
    let mut cx = Cx {
        three_way: base.is_some(),
        choices,
        conflicts: Vec::new(),
        pending: Vec::new(),
    };
    let organisations = cx.map(
        base.map(|b| &b.organisations),
        &ours.organisations,
        &theirs.organisations,
        EntityRef::Organisation,
        ConflictedEntity::Organisation,
    );
    let people = cx.map(
        base.map(|b| &b.people),
        &ours.people,
        &theirs.people,
        EntityRef::Person,
        ConflictedEntity::Person,
    );
    let meetings = cx.map(
        base.map(|b| &b.meetings),
        &ours.meetings,
        &theirs.meetings,
        EntityRef::Meeting,
        |id, v| {
            ConflictedEntity::Meeting(
                id,
                Versions {
                    base: v.base.map(Box::new),
                    ours: v.ours.map(Box::new),
                    theirs: v.theirs.map(Box::new),
                },
            )
        },
    );
    let commitments = cx.map(
        base.map(|b| &b.commitments),
        &ours.commitments,
        &theirs.commitments,
        EntityRef::Commitment,
        ConflictedEntity::Commitment,
    );
    let (rb, ro, rt) = (base.map(residual), residual(ours), residual(theirs));
    let details = cx.project_details(rb.as_ref(), &ro, &rt);
    let project = Project {
        organisations,
        people,
        meetings,
        commitments,
        lineage: ours.lineage.clone(),
        merge: ours.merge.clone(),
        ..details
    };
    let duplicates = duplicates(base, ours, theirs, &project);
    Merged {
        project,
        conflicts: cx.conflicts,
        duplicates,
        pending: PendingMerge {
            theirs: String::new(),
            three_way: base.is_some(),
            entities: cx.pending,
        },
    }
}

/// Merges again the entities of `pending` into `project` (the merge as made before, or a
/// project holding a merge recorded by the command line) with `choices`.
pub fn remerge(project: &Project, pending: &PendingMerge, choices: &Choices) -> Merged {
    let mut cx = Cx {
        three_way: pending.three_way,
        choices,
        conflicts: Vec::new(),
        pending: Vec::new(),
    };
    let mut out = project.clone();
    for entity in &pending.entities {
        match entity {
            ConflictedEntity::Project(v) => {
                let base = v.base.as_ref().map(residual);
                let ours = v.ours.as_ref().map(residual).unwrap_or_default();
                let theirs = v.theirs.as_ref().map(residual).unwrap_or_default();
                let details = cx.project_details(base.as_ref(), &ours, &theirs);
                out = Project {
                    organisations: out.organisations,
                    people: out.people,
                    meetings: out.meetings,
                    commitments: out.commitments,
                    lineage: out.lineage,
                    merge: out.merge,
                    ..details
                };
            }
            ConflictedEntity::Organisation(id, v) => {
                let merged = cx.entity(EntityRef::Organisation(id.clone()), v);
                put(&mut out.organisations, id, merged);
            }
            ConflictedEntity::Person(id, v) => {
                let merged = cx.entity(EntityRef::Person(id.clone()), v);
                put(&mut out.people, id, merged);
            }
            ConflictedEntity::Meeting(id, v) => {
                let merged = cx.entity(EntityRef::Meeting(id.clone()), v);
                put(&mut out.meetings, id, merged.map(|m| *m));
            }
            ConflictedEntity::Commitment(id, v) => {
                let merged = cx.entity(EntityRef::Commitment(id.clone()), v);
                put(&mut out.commitments, id, merged);
            }
        }
    }
    Merged {
        project: out,
        conflicts: cx.conflicts,
        duplicates: Vec::new(),
        pending: pending.clone(),
    }
}

/// Merges the three versions of one value of any serde type, as an entity of the project
/// is merged: what the merge of a type the project does not have yet would do.
pub fn merge_value<V>(
    entity: EntityRef,
    three_way: bool,
    versions: &Versions<V>,
    choices: &Choices,
) -> (Option<V>, Vec<Conflict>)
where
    V: Clone + PartialEq + Serialize + DeserializeOwned,
{
    let mut cx = Cx {
        three_way,
        choices,
        conflicts: Vec::new(),
        pending: Vec::new(),
    };
    let merged = cx.entity(entity, versions);
    (merged, cx.conflicts)
}

fn put<K: Ord + Clone, V: Clone>(map: &mut EntityMap<K, V>, id: &K, value: Option<V>) {
    match value {
        Some(v) => {
            map.insert(id.clone(), v);
        }
        None => {
            map.remove(id);
        }
    }
}

/// What merging changes in `ours` to make `merged`, entity by entity, in a stable order
/// (the project's details, then organisations, people, meetings and commitments by id).
pub fn incoming(ours: &Project, merged: &Project) -> Vec<Change> {
    let mut out = Vec::new();
    let (ro, rm) = (residual(ours), residual(merged));
    if ro != rm {
        out.push(Change {
            entity: EntityRef::Project,
            kind: ChangeKind::Changed(changed_fields(&ro, &rm)),
        });
    }
    changes(
        &ours.organisations,
        &merged.organisations,
        EntityRef::Organisation,
        &mut out,
    );
    changes(&ours.people, &merged.people, EntityRef::Person, &mut out);
    changes(
        &ours.meetings,
        &merged.meetings,
        EntityRef::Meeting,
        &mut out,
    );
    changes(
        &ours.commitments,
        &merged.commitments,
        EntityRef::Commitment,
        &mut out,
    );
    out
}

fn changes<K, V>(
    before: &EntityMap<K, V>,
    after: &EntityMap<K, V>,
    entity: fn(K) -> EntityRef,
    out: &mut Vec<Change>,
) where
    K: Ord + Clone,
    V: Clone + PartialEq + Serialize,
{
    for item in before.diff(after) {
        let change = match item {
            imbl::ordmap::DiffItem::Add(k, _) => Change {
                entity: entity(k.clone()),
                kind: ChangeKind::Added,
            },
            imbl::ordmap::DiffItem::Remove(k, _) => Change {
                entity: entity(k.clone()),
                kind: ChangeKind::Removed,
            },
            imbl::ordmap::DiffItem::Update {
                old: (k, old),
                new: (_, new),
            } => Change {
                entity: entity(k.clone()),
                kind: ChangeKind::Changed(changed_fields(old, new)),
            },
        };
        out.push(change);
    }
}

/// The names of the top-level fields that differ between two values of a struct type.
fn changed_fields<V: Serialize>(before: &V, after: &V) -> Vec<&'static str> {
    match (to_node(before), to_node(after)) {
        (Ok(Node::Struct(b)), Ok(Node::Struct(a))) => {
            let mut names: Vec<&'static str> = Vec::new();
            for (name, value) in &a {
                if b.iter().find(|(n, _)| n == name).map(|(_, v)| v) != Some(value) {
                    names.push(name);
                }
            }
            for (name, _) in &b {
                if !a.iter().any(|(n, _)| n == name) && !names.contains(name) {
                    names.push(name);
                }
            }
            names
        }
        _ => Vec::new(),
    }
}

/// A project without its entities, lineage and merge state: its own details (title,
/// description, and whatever else is added to the project as a whole), merged like one
/// entity. A pointer copy, whatever the project's size.
fn residual(project: &Project) -> Project {
    Project {
        organisations: EntityMap::new(),
        people: EntityMap::new(),
        meetings: EntityMap::new(),
        commitments: EntityMap::new(),
        lineage: Default::default(),
        merge: Default::default(),
        ..project.clone()
    }
}

/// The merge under way.
struct Cx<'a> {
    three_way: bool,
    choices: &'a Choices,
    conflicts: Vec<Conflict>,
    pending: Vec<ConflictedEntity>,
}

impl Cx<'_> {
    /// One entity map: only the ids whose entity differs on some side are looked at.
    fn map<K, V>(
        &mut self,
        base: Option<&EntityMap<K, V>>,
        ours: &EntityMap<K, V>,
        theirs: &EntityMap<K, V>,
        entity: fn(K) -> EntityRef,
        record: impl Fn(K, Versions<V>) -> ConflictedEntity,
    ) -> EntityMap<K, V>
    where
        K: Ord + Clone,
        V: Clone + PartialEq + Serialize + DeserializeOwned,
    {
        let mut keys = BTreeSet::new();
        let mut note = |item: imbl::ordmap::DiffItem<'_, '_, K, V>| {
            let key = match item {
                imbl::ordmap::DiffItem::Add(k, _) | imbl::ordmap::DiffItem::Remove(k, _) => k,
                imbl::ordmap::DiffItem::Update { new: (k, _), .. } => k,
            };
            keys.insert(key.clone());
        };
        match base {
            Some(base) => {
                base.diff(ours).for_each(&mut note);
                base.diff(theirs).for_each(&mut note);
            }
            None => ours.diff(theirs).for_each(&mut note),
        }
        let mut out = ours.clone();
        for key in keys {
            let versions = Versions {
                base: base.and_then(|b| b.get(&key)).cloned(),
                ours: ours.get(&key).cloned(),
                theirs: theirs.get(&key).cloned(),
            };
            let before = self.conflicts.len();
            let merged = self.entity(entity(key.clone()), &versions);
            put(&mut out, &key, merged);
            if self.conflicts.len() > before {
                self.pending.push(record(key, versions));
            }
        }
        out
    }

    /// The project's own details, merged like an entity.
    fn project_details(
        &mut self,
        base: Option<&Project>,
        ours: &Project,
        theirs: &Project,
    ) -> Project {
        let versions = Versions {
            base: base.cloned(),
            ours: Some(ours.clone()),
            theirs: Some(theirs.clone()),
        };
        let before = self.conflicts.len();
        let merged = self.entity(EntityRef::Project, &versions);
        if self.conflicts.len() > before {
            self.pending.push(ConflictedEntity::Project(versions));
        }
        merged.unwrap_or_else(|| ours.clone())
    }

    /// One entity from its three versions: shortcuts when a side did not change it, else
    /// its trees merged field by field. Should the merged tree break a rule of the type
    /// (a meeting without days), the entity as a whole is one conflict.
    fn entity<V>(&mut self, entity: EntityRef, v: &Versions<V>) -> Option<V>
    where
        V: Clone + PartialEq + Serialize + DeserializeOwned,
    {
        let (b, o, t) = (v.base.as_ref(), v.ours.as_ref(), v.theirs.as_ref());
        if o == t {
            return o.cloned();
        }
        if self.three_way {
            if b == o {
                return t.cloned();
            }
            if b == t {
                return o.cloned();
            }
        }
        let tree = |x: Option<&V>| x.map(to_node).transpose();
        let trees: Result<_, TreeError> = (|| Ok((tree(b)?, tree(o)?, tree(t)?)))();
        let (bn, on, tn) = match trees {
            Ok(trees) => trees,
            Err(err) => {
                log::warn!("{entity:?} could not be merged field by field: {err}");
                return self.whole(entity, v, None);
            }
        };
        let mut merger = NodeMerger {
            entity: &entity,
            choices: self.choices,
            three_way: self.three_way,
            conflicts: Vec::new(),
            path: Vec::new(),
        };
        let merged = merger.merge_present(bn.as_ref(), on.as_ref(), tn.as_ref());
        match merged.map(from_node::<V>).transpose() {
            Ok(value) => {
                self.conflicts.extend(merger.conflicts);
                value
            }
            Err(err) => {
                log::info!("{entity:?}: the merged fields do not make one: {err}");
                self.whole(entity, v, Some((bn, on, tn)))
            }
        }
    }

    /// The entity as one conflict: the version chosen, whole.
    fn whole<V: Clone + Serialize>(
        &mut self,
        entity: EntityRef,
        v: &Versions<V>,
        trees: Option<(Option<Node>, Option<Node>, Option<Node>)>,
    ) -> Option<V> {
        let (bn, on, tn) = trees.unwrap_or_else(|| {
            let tree = |x: &Option<V>| x.as_ref().and_then(|x| to_node(x).ok());
            (tree(&v.base), tree(&v.ours), tree(&v.theirs))
        });
        let id = ConflictId {
            entity,
            path: String::new(),
        };
        let mut chosen = self.choices.get(&id).copied().unwrap_or(Side::Ours);
        if chosen == Side::Base && !self.three_way {
            chosen = Side::Ours;
        }
        let kind = match (&v.ours, &v.theirs) {
            (None, Some(_)) if self.three_way => ConflictKind::RemovedByOurs,
            (Some(_), None) if self.three_way => ConflictKind::RemovedByTheirs,
            (None, Some(_)) => ConflictKind::OnlyTheirs,
            (Some(_), None) => ConflictKind::OnlyOurs,
            _ => ConflictKind::Changed,
        };
        self.conflicts.push(Conflict {
            id,
            path: Vec::new(),
            kind,
            base: if self.three_way { bn } else { None },
            ours: on,
            theirs: tn,
            chosen,
        });
        match chosen {
            Side::Base => v.base.clone(),
            Side::Ours => v.ours.clone(),
            Side::Theirs => v.theirs.clone(),
        }
    }
}

/// People added on both sides (without a base: only in one copy each) under different
/// ids, with the same names and the same organisation, both in the merge.
fn duplicates(
    base: Option<&Project>,
    ours: &Project,
    theirs: &Project,
    merged: &Project,
) -> Vec<Duplicate> {
    let added = |side: &Project, other: &Project| -> Vec<(PersonId, Person)> {
        let before = base.map_or(&other.people, |b| &b.people);
        side.people
            .iter()
            .filter(|(id, _)| !before.contains_key(*id) && merged.people.contains_key(*id))
            .map(|(id, p)| (id.clone(), p.clone()))
            .collect()
    };
    let (mine, their) = (added(ours, theirs), added(theirs, ours));
    let mut by_name: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, (_, person)) in their.iter().enumerate() {
        for key in name_keys(person) {
            by_name.entry(key).or_default().push(i);
        }
    }
    let mut out = BTreeSet::new();
    for (id, person) in &mine {
        for key in name_keys(person) {
            for i in by_name.get(&key).into_iter().flatten() {
                if let Some((their_id, other)) = their.get(*i)
                    && their_id != id
                    && person.organisation == other.organisation
                    && person.same_name_as(other)
                {
                    out.insert(Duplicate {
                        ours: id.clone(),
                        theirs: their_id.clone(),
                    });
                }
            }
        }
    }
    out.into_iter().collect()
}

/// The names a person can be found by: the Chinese name without alignment spaces, and
/// the Latin family and given names.
fn name_keys(person: &Person) -> Vec<String> {
    let mut keys = Vec::new();
    let chinese = normalize_chinese_name(&person.chinese_name);
    if !chinese.is_empty() {
        keys.push(format!("zh:{chinese}"));
    }
    let family = person.family_name.trim().to_lowercase();
    if !family.is_empty() {
        keys.push(format!(
            "latin:{family}\u{1F}{}",
            person.given_name.trim().to_lowercase()
        ));
    }
    keys
}

/// The edit that turns `before` into `after`: each entity that differs put or removed,
/// the project's details and merge state set; one undo step. (Project-level fields beyond
/// the details, the lineage and the merge state have no edit yet, and are left as they
/// are in `before`.)
pub fn edit_between(before: &Project, after: &Project) -> Edit {
    let mut edits = Vec::new();
    if before.info != after.info {
        edits.push(Edit::SetInfo(after.info.clone()));
    }
    puts(
        &before.organisations,
        &after.organisations,
        &mut edits,
        Edit::PutOrganisation,
        Edit::RemoveOrganisation,
    );
    puts(
        &before.people,
        &after.people,
        &mut edits,
        Edit::PutPerson,
        Edit::RemovePerson,
    );
    puts(
        &before.meetings,
        &after.meetings,
        &mut edits,
        |id, m| Edit::PutMeeting(id, Box::new(m)),
        Edit::RemoveMeeting,
    );
    puts(
        &before.commitments,
        &after.commitments,
        &mut edits,
        Edit::PutCommitment,
        Edit::RemoveCommitment,
    );
    if before.merge != after.merge {
        edits.push(Edit::SetMergeState(Box::new(after.merge.clone())));
    }
    Edit::Batch(edits)
}

fn puts<K: Ord + Clone, V: Clone + PartialEq>(
    before: &EntityMap<K, V>,
    after: &EntityMap<K, V>,
    edits: &mut Vec<Edit>,
    put: impl Fn(K, V) -> Edit,
    remove: impl Fn(K) -> Edit,
) {
    for item in before.diff(after) {
        edits.push(match item {
            imbl::ordmap::DiffItem::Add(k, v)
            | imbl::ordmap::DiffItem::Update { new: (k, v), .. } => put(k.clone(), v.clone()),
            imbl::ordmap::DiffItem::Remove(k, _) => remove(k.clone()),
        });
    }
}
