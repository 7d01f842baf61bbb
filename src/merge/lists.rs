//! Lists, merged element by element.
//!
//! A list whose elements carry an id (agenda items and sides by `id`, attendees by
//! `person`) is merged by id: each element as a value that may be added, changed or
//! deleted on either side, then the order. A side that moved elements gives the order
//! when the other kept it; elements added on either side keep their place after the
//! element they followed (their position key), so that a move on one side and an addition
//! on the other both survive. Two different reorderings are a conflict; so is any
//! difference of order between two copies without a common version.
//!
//! Other lists (topics, decisions, progress notes, speakers, days) are aligned with the
//! base by a Myers diff of their elements and merged region by region, as `diff3` does
//! with lines: a region changed on one side is taken; changed in place on both (same
//! length), its elements are merged one by one; added at the same place on both, both
//! additions are kept (in a fixed order, whichever side is "mine"); changed two ways
//! otherwise, it is a conflict. Without a base, two lists as long as each other are
//! compared element by element, others as a whole.

use std::collections::{HashMap, HashSet};

use super::node_merge::NodeMerger;
use super::tree::Node;
use super::{ConflictKind, Side, Step};

/// The fields that identify an element of a list, tried in this order.
const KEY_FIELDS: [&str; 2] = ["id", "person"];

/// The longest a Myers diff of a list may run before it settles for a coarser alignment.
const DIFF_DEADLINE: std::time::Duration = std::time::Duration::from_secs(2);

impl NodeMerger<'_> {
    /// Merges two versions of a list against its base.
    pub(super) fn merge_list(
        &mut self,
        base: Option<&[Node]>,
        ours: &[Node],
        theirs: &[Node],
    ) -> Vec<Node> {
        match key_field(base.unwrap_or_default(), ours, theirs) {
            Some(field) => self.merge_keyed(field, base.unwrap_or_default(), ours, theirs),
            None => self.merge_unkeyed(base, ours, theirs),
        }
    }

    fn merge_keyed(
        &mut self,
        field: &'static str,
        base: &[Node],
        ours: &[Node],
        theirs: &[Node],
    ) -> Vec<Node> {
        let index = |list: &[Node]| -> HashMap<Node, usize> {
            list.iter()
                .enumerate()
                .filter_map(|(i, n)| n.field(field).map(|k| (k.clone(), i)))
                .collect()
        };
        let (bi, oi, ti) = (index(base), index(ours), index(theirs));
        let key_of = |n: &Node| n.field(field).cloned().unwrap_or(Node::Unit);
        let get = |list: &[Node], at: &HashMap<Node, usize>, key: &Node| {
            at.get(key).and_then(|i| list.get(*i)).cloned()
        };

        // Every id, mine first, then theirs, then the base's (deleted on both sides).
        let mut keys: Vec<Node> = Vec::with_capacity(ours.len() + theirs.len());
        let mut seen = HashSet::new();
        for element in ours.iter().chain(theirs).chain(base) {
            let key = key_of(element);
            if seen.insert(key.clone()) {
                keys.push(key);
            }
        }
        let mut merged: HashMap<Node, Node> = HashMap::with_capacity(keys.len());
        for key in keys {
            let (b, o, t) = (
                get(base, &bi, &key),
                get(ours, &oi, &key),
                get(theirs, &ti, &key),
            );
            self.path.push(Step::Key {
                key: super::describe::plain(&key),
                title: [&o, &t, &b]
                    .into_iter()
                    .flatten()
                    .find_map(|e| e.field("title"))
                    .map(|t| Box::new(t.clone())),
            });
            let result = self.merge_present(b.as_ref(), o.as_ref(), t.as_ref());
            self.path.pop();
            if let Some(element) = result {
                merged.insert(key, element);
            }
        }

        // The order of the elements all three have and the merge keeps; without a base,
        // of those both sides have, so that a different order is a question too.
        let ordered = if self.three_way { base } else { ours };
        let common: HashSet<Node> = ordered
            .iter()
            .map(key_of)
            .filter(|k| oi.contains_key(k) && ti.contains_key(k) && merged.contains_key(k))
            .collect();
        let sequence = |list: &[Node]| -> Vec<Node> {
            list.iter()
                .map(key_of)
                .filter(|k| common.contains(k))
                .collect()
        };
        let (b_seq, o_seq, t_seq) = (sequence(base), sequence(ours), sequence(theirs));
        let order = if o_seq == t_seq {
            o_seq
        } else if self.three_way && o_seq == b_seq {
            t_seq
        } else if self.three_way && t_seq == b_seq {
            o_seq
        } else {
            let elements = |seq: &[Node]| {
                Node::Seq(seq.iter().filter_map(|k| merged.get(k).cloned()).collect())
            };
            self.path.push(Step::Order);
            let (b, o, t) = (elements(&b_seq), elements(&o_seq), elements(&t_seq));
            let base = self.three_way.then_some(&b);
            let chosen = self.choose(ConflictKind::Order, base, Some(&o), Some(&t));
            self.path.pop();
            match chosen {
                Side::Base => b_seq,
                Side::Ours => o_seq,
                Side::Theirs => t_seq,
            }
        };

        // The others (added on either side, or kept on one side by a choice), each run of
        // them after the element it followed on its side.
        let mut runs: HashMap<Option<Node>, Vec<Vec<Node>>> = HashMap::new();
        for side in [ours, theirs] {
            let mut anchor: Option<Node> = None;
            let mut run: Vec<Node> = Vec::new();
            for element in side {
                let key = key_of(element);
                if common.contains(&key) {
                    if !run.is_empty() {
                        runs.entry(anchor.clone())
                            .or_default()
                            .push(std::mem::take(&mut run));
                    }
                    anchor = Some(key);
                } else if merged.contains_key(&key) {
                    run.push(key);
                }
            }
            if !run.is_empty() {
                runs.entry(anchor).or_default().push(run);
            }
        }
        for group in runs.values_mut() {
            // Whichever side is mine: the result does not depend on it.
            group.sort();
        }
        let mut out = Vec::with_capacity(merged.len());
        let mut emitted: HashSet<Node> = HashSet::with_capacity(merged.len());
        let mut emit = |key: &Node, out: &mut Vec<Node>| {
            if emitted.insert(key.clone())
                && let Some(element) = merged.get(key)
            {
                out.push(element.clone());
            }
        };
        let mut emit_runs =
            |anchor: Option<Node>,
             out: &mut Vec<Node>,
             emit: &mut dyn FnMut(&Node, &mut Vec<Node>)| {
                if let Some(group) = runs.remove(&anchor) {
                    for key in group.iter().flatten() {
                        emit(key, out);
                    }
                }
            };
        emit_runs(None, &mut out, &mut emit);
        for key in &order {
            emit(key, &mut out);
            emit_runs(Some(key.clone()), &mut out, &mut emit);
        }
        out
    }

    fn merge_unkeyed(
        &mut self,
        base: Option<&[Node]>,
        ours: &[Node],
        theirs: &[Node],
    ) -> Vec<Node> {
        let Some(base) = base.filter(|_| self.three_way) else {
            // Without a base: element by element when both have as many (a programme's
            // days, whose agenda is then compared item by item), else the whole list.
            if ours.len() == theirs.len() {
                let mut out = Vec::with_capacity(ours.len());
                for (index, (o, t)) in ours.iter().zip(theirs).enumerate() {
                    self.path.push(Step::Index(index));
                    out.push(self.merge(None, o, t));
                    self.path.pop();
                }
                return out;
            }
            let (o, t) = (Node::Seq(ours.to_vec()), Node::Seq(theirs.to_vec()));
            return match self.conflict(ConflictKind::Changed, None, Some(&o), Some(&t)) {
                Some(Node::Seq(list)) => list,
                _ => ours.to_vec(),
            };
        };
        let (to_ours, to_theirs) = (matches(base, ours), matches(base, theirs));
        let at = |m: &[Option<usize>], i: usize| m.get(i).copied().flatten();
        let (n, n_ours, n_theirs) = (base.len(), ours.len(), theirs.len());
        let (mut i, mut j, mut k) = (0, 0, 0);
        let mut out = Vec::with_capacity(n_ours.max(n_theirs));
        loop {
            let mut stable = 0;
            while i + stable < n
                && at(&to_ours, i + stable) == Some(j + stable)
                && at(&to_theirs, i + stable) == Some(k + stable)
            {
                stable += 1;
            }
            if stable > 0 {
                out.extend(base.get(i..i + stable).unwrap_or_default().iter().cloned());
                (i, j, k) = (i + stable, j + stable, k + stable);
                continue;
            }
            if i >= n && j >= n_ours && k >= n_theirs {
                break;
            }
            let next = (i..n).find_map(|x| Some((x, at(&to_ours, x)?, at(&to_theirs, x)?)));
            let (i2, j2, k2) = next.unwrap_or((n, n_ours, n_theirs));
            let slice = |list: &[Node], from: usize, to: usize| -> Vec<Node> {
                list.get(from..to.max(from)).unwrap_or_default().to_vec()
            };
            let (b, o, t) = (slice(base, i, i2), slice(ours, j, j2), slice(theirs, k, k2));
            self.merge_region(i, &b, &o, &t, &mut out);
            if (i2, j2, k2) == (i, j, k) {
                // Cannot happen with a diff's matches (they only go forwards); never loop.
                break;
            }
            (i, j, k) = (i2, j2, k2);
        }
        out
    }

    /// One region where the three versions differ, starting at `start` in the base.
    fn merge_region(
        &mut self,
        start: usize,
        base: &[Node],
        ours: &[Node],
        theirs: &[Node],
        out: &mut Vec<Node>,
    ) {
        if ours == base {
            out.extend_from_slice(theirs);
        } else if theirs == base || ours == theirs {
            out.extend_from_slice(ours);
        } else if base.len() == ours.len() && base.len() == theirs.len() {
            for (offset, ((b, o), t)) in base.iter().zip(ours).zip(theirs).enumerate() {
                self.path.push(Step::Index(start + offset));
                let merged = self.merge(Some(b), o, t);
                self.path.pop();
                out.push(merged);
            }
        } else if base.is_empty() {
            // Added at the same place on both sides: both, unless one holds the other.
            if ours.starts_with(theirs) || ours.ends_with(theirs) {
                out.extend_from_slice(ours);
            } else if theirs.starts_with(ours) || theirs.ends_with(ours) {
                out.extend_from_slice(theirs);
            } else {
                let (first, second) = if ours <= theirs {
                    (ours, theirs)
                } else {
                    (theirs, ours)
                };
                out.extend_from_slice(first);
                out.extend_from_slice(second);
            }
        } else {
            self.path.push(Step::Region(start));
            let (b, o, t) = (
                Node::Seq(base.to_vec()),
                Node::Seq(ours.to_vec()),
                Node::Seq(theirs.to_vec()),
            );
            match self.conflict(ConflictKind::Changed, Some(&b), Some(&o), Some(&t)) {
                Some(Node::Seq(chosen)) => out.extend(chosen),
                _ => out.extend_from_slice(ours),
            }
            self.path.pop();
        }
    }

    /// Records a conflict whose choice is a side rather than a value (an order).
    fn choose(
        &mut self,
        kind: ConflictKind,
        base: Option<&Node>,
        ours: Option<&Node>,
        theirs: Option<&Node>,
    ) -> Side {
        let _ = self.conflict(kind, base, ours, theirs);
        self.conflicts.last().map_or(Side::Ours, |c| c.chosen)
    }
}

/// The field identifying the elements of these lists, if they have one: every element of
/// all three is a struct with that field, and no id is used twice in a list.
fn key_field(base: &[Node], ours: &[Node], theirs: &[Node]) -> Option<&'static str> {
    let first = base.iter().chain(ours).chain(theirs).next()?;
    KEY_FIELDS.into_iter().find(|field| {
        first.field(field).is_some()
            && [base, ours, theirs].into_iter().all(|list| {
                let mut keys = HashSet::with_capacity(list.len());
                list.iter()
                    .all(|e| e.field(field).is_some_and(|k| keys.insert(k)))
            })
    })
}

/// For each element of `base`, where it is in `other` when a diff keeps it.
fn matches(base: &[Node], other: &[Node]) -> Vec<Option<usize>> {
    let mut at = vec![None; base.len()];
    let deadline = std::time::Instant::now() + DIFF_DEADLINE;
    let ops = similar::capture_diff_slices_deadline(
        similar::Algorithm::Myers,
        base,
        other,
        Some(deadline),
    );
    for op in ops {
        if let similar::DiffOp::Equal {
            old_index,
            new_index,
            len,
        } = op
        {
            for offset in 0..len {
                if let Some(slot) = at.get_mut(old_index + offset) {
                    *slot = Some(new_index + offset);
                }
            }
        }
    }
    at
}
