//! Property tests of the merge: on real and generated projects, each side changed by random
//! edits of any field (through the same trees the merge uses, so fields added later are
//! edited too), entities added and deleted, agenda items and attendees moved:
//!
//! - merging with an unchanged side gives the other side exactly;
//! - the merge is symmetric up to the choice of "mine": merging with theirs chosen for
//!   every conflict gives what merging the other way round gives;
//! - no change that did not conflict is ever lost: wherever only one side changed a value
//!   (and no conflict lies on its path), the merge has that side's value;
//! - without a common version every difference is a question: mine everywhere gives mine,
//!   theirs everywhere gives theirs, exactly (values, entities, and the order of lists).
//!
//! 300 cases per property by default; `PROPTEST_CASES=5000 cargo test --release --test
//! proptest_merge` runs more.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // A test: a panic is a failed test.

use std::collections::BTreeSet;

use delegation_planner::merge::tree::{Node, from_node, to_node};
use delegation_planner::merge::{
    Choices, Conflict, EntityRef, Merged, Side, Step, merge, path_key,
};
use delegation_planner::model::{
    AgendaItem, Attendee, EntityMap, ItemId, Person, PersonId, Project,
};
use proptest::prelude::*;
use serde::Serialize;
use serde::de::DeserializeOwned;

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(300);
    ProptestConfig {
        cases,
        max_shrink_iters: 500,
        ..ProptestConfig::default()
    }
}

/// The projects the sides start from: the samples, the V4 fixture, small synthetic ones.
fn base() -> impl Strategy<Value = Project> {
    prop_oneof![
        Just(delegation_planner::samples::ccaa_afnor().unwrap()),
        Just(delegation_planner::samples::sino_german().unwrap()),
        Just(
            delegation_planner::project_file::read_project(std::path::Path::new(
                "tests/formats/v4.ron"
            ))
            .unwrap()
        ),
        (1u64..50).prop_map(|seed| {
            delegation_planner::synthetic::generate(
                delegation_planner::synthetic::Size::people(30),
                seed,
            )
        }),
    ]
}

/// One random edit: what, where (an index taken modulo what there is), and a text.
#[derive(Clone, Debug)]
struct Op {
    kind: u8,
    target: usize,
    other: usize,
    text: String,
}

fn op() -> impl Strategy<Value = Op> {
    (
        0u8..9,
        any::<usize>(),
        any::<usize>(),
        prop_oneof![
            "[a-zA-Z ]{0,12}",
            Just("黄继先".to_owned()),
            Just("line one\nline two".to_owned()),
            Just(String::new()),
        ],
    )
        .prop_map(|(kind, target, other, text)| Op {
            kind,
            target,
            other,
            text,
        })
}

fn side() -> impl Strategy<Value = Vec<Op>> {
    prop::collection::vec(op(), 0..8)
}

/// How many leaves (strings and numbers) and lists a tree has.
fn count(node: &Node) -> (usize, usize) {
    match node {
        Node::Str(_) | Node::U64(_) => (1, 0),
        Node::Some(inner) | Node::Variant(_, inner) => count(inner),
        Node::Seq(items) => items
            .iter()
            .map(count)
            .fold((0, 1), |a, c| (a.0 + c.0, a.1 + c.1)),
        Node::Struct(fields) => fields
            .iter()
            .map(|(_, v)| count(v))
            .fold((0, 0), |a, c| (a.0 + c.0, a.1 + c.1)),
        _ => (0, 0),
    }
}

/// Changes leaf number `n` (in walk order); true once done.
fn edit_leaf(node: &mut Node, n: &mut usize, op: &Op) -> bool {
    match node {
        Node::Str(_) | Node::U64(_) => {
            if *n > 0 {
                *n -= 1;
                return false;
            }
            *node = match node {
                Node::U64(v) => Node::U64(v.wrapping_add(op.other as u64 % 7 + 1) % 1000),
                Node::Str(s) if op.other.is_multiple_of(2) => {
                    Node::Str(format!("{s}\n{}", op.text))
                }
                _ => Node::Str(op.text.clone()),
            };
            true
        }
        Node::Some(inner) | Node::Variant(_, inner) => edit_leaf(inner, n, op),
        Node::Seq(items) => items.iter_mut().any(|i| edit_leaf(i, n, op)),
        Node::Struct(fields) => fields.iter_mut().any(|(_, v)| edit_leaf(v, n, op)),
        _ => false,
    }
}

/// Shortens or turns list number `n` (in walk order); true once done.
fn edit_list(node: &mut Node, n: &mut usize, op: &Op) -> bool {
    match node {
        Node::Seq(items) => {
            if *n == 0 {
                if !items.is_empty() {
                    if op.other.is_multiple_of(2) {
                        items.remove(op.other % items.len());
                    } else {
                        let by = op.other % items.len();
                        items.rotate_left(by);
                    }
                }
                return true;
            }
            *n -= 1;
            items.iter_mut().any(|i| edit_list(i, n, op))
        }
        Node::Some(inner) | Node::Variant(_, inner) => edit_list(inner, n, op),
        Node::Struct(fields) => fields.iter_mut().any(|(_, v)| edit_list(v, n, op)),
        _ => false,
    }
}

/// `value` with one leaf changed, or one list shortened or turned, through its tree; the
/// value unchanged when the result would not be a valid one.
fn edit_tree<V: Serialize + DeserializeOwned + Clone>(value: &V, op: &Op) -> V {
    let Ok(mut tree) = to_node(value) else {
        return value.clone();
    };
    let (leaves, lists) = count(&tree);
    if op.kind.is_multiple_of(3) && lists > 0 {
        edit_list(&mut tree, &mut (op.target % lists), op);
    } else if leaves > 0 {
        edit_leaf(&mut tree, &mut (op.target % leaves), op);
    }
    from_node(tree).unwrap_or_else(|_| value.clone())
}

fn pick<K: Ord + Clone, V: Clone>(map: &EntityMap<K, V>, n: usize) -> Option<K> {
    map.keys().nth(n % map.len().max(1)).cloned()
}

/// Applies the edits of one side.
fn apply(base: &Project, ops: &[Op]) -> Project {
    let mut p = base.clone();
    for op in ops {
        match op.kind {
            0..=2 => {
                if let Some(id) = pick(&p.people, op.target) {
                    let edited = edit_tree(&p.people[&id], op);
                    p.people.insert(id, edited);
                }
            }
            3 | 4 => {
                if let Some(id) = pick(&p.meetings, op.target) {
                    let edited = edit_tree(&p.meetings[&id], op);
                    p.meetings.insert(id, edited);
                }
            }
            5 => {
                if let Some(id) = pick(&p.commitments, op.target) {
                    let edited = edit_tree(&p.commitments[&id], op);
                    p.commitments.insert(id, edited);
                }
            }
            6 => {
                // Delete an entity.
                match op.other % 3 {
                    0 => {
                        if let Some(id) = pick(&p.people, op.target) {
                            p.people.remove(&id);
                        }
                    }
                    1 => {
                        if let Some(id) = pick(&p.organisations, op.target) {
                            p.organisations.remove(&id);
                        }
                    }
                    _ => {
                        if let Some(id) = pick(&p.commitments, op.target) {
                            p.commitments.remove(&id);
                        }
                    }
                }
            }
            7 => {
                // Add a person (the same one may come on both sides).
                let id = PersonId(format!("new-{}", op.target % 5));
                p.people.insert(
                    id,
                    Person {
                        family_name: op.text.clone(),
                        given_name: format!("{}", op.other % 3),
                        ..Default::default()
                    },
                );
            }
            _ => {
                // Add an agenda item and an attendee, or move an item.
                if let Some(id) = pick(&p.meetings, op.target) {
                    let m = p.meetings.get_mut(&id).unwrap();
                    let new_item = ItemId(format!("item-new-{}", op.other % 4));
                    let day = op.other % m.days.len();
                    let known = m.item(&new_item).is_some();
                    let items = &mut m.days[day].items;
                    if op.other.is_multiple_of(2) && !known {
                        let at = op.target % (items.len() + 1);
                        items.insert(
                            at,
                            AgendaItem {
                                id: new_item,
                                duration_minutes: 10,
                                ..Default::default()
                            },
                        );
                    } else if items.len() > 1 {
                        let from = op.target % items.len();
                        let item = items.remove(from);
                        let to = op.other % items.len();
                        items.insert(to, item);
                    }
                    let person = PersonId(format!("attendee-{}", op.other % 3));
                    if !m.attendees.iter().any(|a| a.person == person) {
                        let at = op.target % (m.attendees.len() + 1);
                        m.attendees.insert(at, Attendee::new(person));
                    }
                }
            }
        }
    }
    p
}

/// The project without its lineage and merge state (what "mine" carries over).
fn content(p: &Project) -> Project {
    Project {
        lineage: Default::default(),
        merge: Default::default(),
        ..p.clone()
    }
}

fn theirs_everywhere(merged: &Merged) -> Choices {
    merged
        .conflicts
        .iter()
        .map(|c| (c.id.clone(), Side::Theirs))
        .collect()
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn merging_with_an_unchanged_side_gives_the_other_side(
        base in base(),
        ops in side(),
    ) {
        let changed = apply(&base, &ops);
        let merged = merge(Some(&base), &base, &changed, &Choices::new());
        prop_assert!(merged.conflicts.is_empty());
        prop_assert_eq!(&merged.project, &changed);
        let merged = merge(Some(&base), &changed, &base, &Choices::new());
        prop_assert!(merged.conflicts.is_empty());
        prop_assert_eq!(&merged.project, &changed);
    }

    #[test]
    fn the_merge_is_symmetric_up_to_the_choice_of_mine(
        base in base(),
        ours in side(),
        theirs in side(),
        two_way in prop::bool::weighted(0.15),
    ) {
        let (o, t) = (apply(&base, &ours), apply(&base, &theirs));
        let base = (!two_way).then_some(&base);
        let forward = merge(base, &o, &t, &Choices::new());
        let backward = merge(base, &t, &o, &Choices::new());
        let ids = |m: &Merged| m.conflicts.iter().map(|c| c.id.clone()).collect::<BTreeSet<_>>();
        prop_assert_eq!(ids(&forward), ids(&backward));
        let chosen = merge(base, &o, &t, &theirs_everywhere(&forward));
        prop_assert_eq!(content(&chosen.project), content(&backward.project));
        let swapped: BTreeSet<(PersonId, PersonId)> = backward
            .duplicates
            .iter()
            .map(|d| (d.theirs.clone(), d.ours.clone()))
            .collect();
        let found: BTreeSet<(PersonId, PersonId)> = forward
            .duplicates
            .iter()
            .map(|d| (d.ours.clone(), d.theirs.clone()))
            .collect();
        prop_assert_eq!(found, swapped);
    }

    #[test]
    fn without_a_common_version_each_side_chosen_everywhere_gives_that_side(
        base in base(),
        ours in side(),
        theirs in side(),
    ) {
        let (o, t) = (apply(&base, &ours), apply(&base, &theirs));
        let asked = merge(None, &o, &t, &Choices::new());
        prop_assert_eq!(content(&asked.project), content(&o), "mine until chosen");
        let chosen = merge(None, &o, &t, &theirs_everywhere(&asked));
        prop_assert_eq!(content(&chosen.project), content(&t));
    }

    #[test]
    fn no_change_that_did_not_conflict_is_lost(
        base in base(),
        ours in side(),
        theirs in side(),
    ) {
        let (o, t) = (apply(&base, &ours), apply(&base, &theirs));
        for choices in [Choices::new(), theirs_everywhere(&merge(Some(&base), &o, &t, &Choices::new()))] {
            let merged = merge(Some(&base), &o, &t, &choices);
            let m = &merged.project;
            check_map(&base.people, &o.people, &t.people, &m.people, EntityRef::Person, &merged.conflicts)?;
            check_map(&base.organisations, &o.organisations, &t.organisations, &m.organisations, EntityRef::Organisation, &merged.conflicts)?;
            check_map(&base.meetings, &o.meetings, &t.meetings, &m.meetings, EntityRef::Meeting, &merged.conflicts)?;
            check_map(&base.commitments, &o.commitments, &t.commitments, &m.commitments, EntityRef::Commitment, &merged.conflicts)?;
        }
    }
}

/// Every entity: taken from the side that alone changed it, and field by field inside
/// those both changed.
fn check_map<K, V>(
    b: &EntityMap<K, V>,
    o: &EntityMap<K, V>,
    t: &EntityMap<K, V>,
    m: &EntityMap<K, V>,
    entity: fn(K) -> EntityRef,
    conflicts: &[Conflict],
) -> Result<(), TestCaseError>
where
    K: Ord + Clone + std::fmt::Debug,
    V: Clone + PartialEq + Serialize + std::fmt::Debug,
{
    let keys: BTreeSet<K> = b.keys().chain(o.keys()).chain(t.keys()).cloned().collect();
    for key in keys {
        let e = entity(key.clone());
        let here: Vec<&Conflict> = conflicts.iter().filter(|c| c.id.entity == e).collect();
        let tree = |map: &EntityMap<K, V>| map.get(&key).map(|v| to_node(v).unwrap());
        check(
            tree(b).as_ref(),
            tree(o).as_ref(),
            tree(t).as_ref(),
            tree(m).as_ref(),
            &mut Vec::new(),
            &here,
            &e,
        )?;
    }
    Ok(())
}

/// Whether a conflict lies on `path`: at it, above it or below it.
fn conflicted(path: &[Step], conflicts: &[&Conflict]) -> bool {
    let here = path_key(path);
    conflicts.iter().any(|c| {
        let there = &c.id.path;
        there.is_empty()
            || here.is_empty()
            || here == *there
            || here.starts_with(&format!("{there}/"))
            || there.starts_with(&format!("{here}/"))
    })
}

fn check(
    b: Option<&Node>,
    o: Option<&Node>,
    t: Option<&Node>,
    m: Option<&Node>,
    path: &mut Vec<Step>,
    conflicts: &[&Conflict],
    entity: &EntityRef,
) -> Result<(), TestCaseError> {
    if conflicted(path, conflicts) && !conflicts.is_empty() && !path.is_empty() {
        return Ok(());
    }
    if conflicts.iter().any(|c| c.id.path.is_empty()) {
        return Ok(());
    }
    let at = || format!("{entity:?} at `{}`", path_key(path));
    if o == b {
        prop_assert_eq!(m, t, "theirs alone changed {}", at());
        return Ok(());
    }
    if t == b || o == t {
        prop_assert_eq!(m, o, "mine alone changed {}", at());
        return Ok(());
    }
    match (b, o, t, m) {
        (
            Some(Node::Struct(bf)),
            Some(Node::Struct(of)),
            Some(Node::Struct(tf)),
            Some(Node::Struct(mf)),
        ) => {
            let field = |fields: &[(&'static str, Node)], name: &str| {
                fields
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| v.clone())
            };
            for (name, _) in of {
                path.push(Step::Field(name));
                let (bv, ov, tv, mv) = (
                    field(bf, name),
                    field(of, name),
                    field(tf, name),
                    field(mf, name),
                );
                check(
                    bv.as_ref(),
                    ov.as_ref(),
                    tv.as_ref(),
                    mv.as_ref(),
                    path,
                    conflicts,
                    entity,
                )?;
                path.pop();
            }
        }
        (Some(Node::Seq(bl)), Some(Node::Seq(ol)), Some(Node::Seq(tl)), Some(Node::Seq(ml))) => {
            // Lists with ids: element by element.
            let Some(key) = ["id", "person"].into_iter().find(|k| {
                [bl, ol, tl, ml]
                    .iter()
                    .all(|l| l.iter().all(|e| e.field(k).is_some()))
                    && [bl, ol, tl, ml].iter().any(|l| !l.is_empty())
            }) else {
                return Ok(());
            };
            let find =
                |list: &[Node], id: &Node| list.iter().find(|e| e.field(key) == Some(id)).cloned();
            let ids: BTreeSet<Node> = bl
                .iter()
                .chain(ol)
                .chain(tl)
                .filter_map(|e| e.field(key).cloned())
                .collect();
            for id in ids {
                path.push(Step::Key {
                    key: delegation_planner::merge::describe::plain(&id),
                    title: None,
                });
                let (bv, ov, tv, mv) = (find(bl, &id), find(ol, &id), find(tl, &id), find(ml, &id));
                check(
                    bv.as_ref(),
                    ov.as_ref(),
                    tv.as_ref(),
                    mv.as_ref(),
                    path,
                    conflicts,
                    entity,
                )?;
                path.pop();
            }
        }
        _ => {}
    }
    Ok(())
}
