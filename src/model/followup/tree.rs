//! Commitments as a tree of points and sub-points, and its outline numbering.

use std::collections::{BTreeMap, BTreeSet};

use crate::model::{Commitment, CommitmentId, Project};

/// Commitments as a tree: each point followed by its sub-points, with their depth.
/// A parent that is missing or part of a loop makes a commitment a root, so every
/// commitment appears exactly once.
pub fn tree_order(project: &Project) -> Vec<(CommitmentId, usize)> {
    let is_root = |id: &CommitmentId, c: &Commitment| {
        let Some(mut parent) = c.parent.as_ref() else {
            return true;
        };
        let mut steps = 0;
        loop {
            if parent == id || steps > project.commitments.len() {
                return true; // a loop
            }
            match project
                .commitments
                .get(parent)
                .and_then(|p| p.parent.as_ref())
            {
                Some(next) => parent = next,
                None => return !project.commitments.contains_key(parent),
            }
            steps += 1;
        }
    };
    let mut children: BTreeMap<&CommitmentId, Vec<&CommitmentId>> = BTreeMap::new();
    for (id, c) in &project.commitments {
        if let Some(parent) = &c.parent {
            children.entry(parent).or_default().push(id);
        }
    }
    let mut out = Vec::with_capacity(project.commitments.len());
    let mut stack: Vec<(&CommitmentId, usize)> = project
        .commitments
        .iter()
        .filter(|(id, c)| is_root(id, c))
        .map(|(id, _)| (id, 0))
        .rev()
        .collect();
    let mut seen = BTreeSet::new();
    while let Some((id, depth)) = stack.pop() {
        if !seen.insert(id) {
            continue;
        }
        out.push((id.clone(), depth));
        if let Some(kids) = children.get(id) {
            stack.extend(kids.iter().rev().map(|k| (*k, depth + 1)));
        }
    }
    out
}

/// The commitments in tree order that `keep` accepts, each with its depth among the kept
/// ones: a sub-point whose point is left out moves up a level, so nothing is indented
/// under a line that is not there.
pub fn kept_in_tree_order(
    project: &Project,
    mut keep: impl FnMut(&CommitmentId, &Commitment) -> bool,
) -> Vec<(CommitmentId, usize)> {
    let kept: Vec<CommitmentId> = tree_order(project)
        .into_iter()
        .filter(|(id, _)| project.commitments.get(id).is_some_and(|c| keep(id, c)))
        .map(|(id, _)| id)
        .collect();
    let set: BTreeSet<&CommitmentId> = kept.iter().collect();
    kept.iter()
        .map(|id| {
            let mut depth = 0;
            let mut steps = 0;
            let mut parent = project.commitments.get(id).and_then(|c| c.parent.as_ref());
            // Bounded walk: a loop of parents must not hang the caller.
            while let Some(p) = parent
                && steps <= project.commitments.len()
            {
                if p == id {
                    break;
                }
                if set.contains(p) {
                    depth += 1;
                }
                parent = project.commitments.get(p).and_then(|c| c.parent.as_ref());
                steps += 1;
            }
            (id.clone(), depth)
        })
        .collect()
}

/// `1.2`: the outline number of each row of a tree listing.
pub(super) fn outline_numbers(rows: &[(CommitmentId, usize)]) -> Vec<String> {
    let mut counters: Vec<usize> = Vec::new();
    rows.iter()
        .map(|(_, depth)| {
            counters.truncate(depth + 1);
            while counters.len() < depth + 1 {
                counters.push(0);
            }
            if let Some(last) = counters.last_mut() {
                *last += 1;
            }
            counters
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(".")
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Project {
        crate::samples::ccaa_afnor().unwrap()
    }

    #[test]
    fn the_sample_in_tree_order() {
        let project = sample();
        let rows = tree_order(&project);
        assert_eq!(rows.len(), project.commitments.len());
        let roots: Vec<_> = rows
            .iter()
            .filter(|(_, depth)| *depth == 0)
            .map(|(id, _)| id.as_str())
            .collect();
        assert_eq!(
            roots,
            ["innovation", "mutual-recognition", "sharing-expertise"]
        );
        let mr = rows
            .iter()
            .position(|(id, _)| id.as_str() == "mutual-recognition")
            .unwrap();
        assert_eq!(rows[mr + 1], ("mutual-recognition-iso-22000".into(), 1));
    }

    #[test]
    fn a_loop_of_parents_lists_each_commitment_once() {
        let mut project = Project::default();
        for (id, parent) in [("a", "b"), ("b", "a"), ("c", "a")] {
            project.commitments.insert(
                id.into(),
                Commitment {
                    parent: Some(parent.into()),
                    ..Default::default()
                },
            );
        }
        let rows = tree_order(&project);
        assert_eq!(rows.len(), 3);
        let kept = kept_in_tree_order(&project, |_, _| true);
        assert_eq!(kept.len(), 3);
    }
}
