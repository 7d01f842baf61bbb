//! The three-way merge of two trees against their base, field by field: a field changed on
//! one side only is taken, the same change on both sides is taken once, and a field
//! changed two ways is a conflict, settled by the user's choice (mine until they choose).
//! Long text is merged line by line first; lists are merged element by element
//! ([`super::lists`]). Without a base (two copies with no common version) every
//! difference is a conflict.

use super::tree::Node;
use super::{Choices, Conflict, ConflictId, ConflictKind, EntityRef, Side, Step};

/// Walks the trees of one entity, collecting its conflicts.
pub(super) struct NodeMerger<'a> {
    /// The entity being merged.
    pub entity: &'a EntityRef,
    /// What the user chose so far; mine where nothing is chosen.
    pub choices: &'a Choices,
    /// Whether there is a base: without one, `None` bases mean "unknown", not "absent".
    pub three_way: bool,
    /// The conflicts found, in the order of the fields.
    pub conflicts: Vec<Conflict>,
    /// Where the walk is.
    pub path: Vec<Step>,
}

impl NodeMerger<'_> {
    /// Merges a value present on both sides.
    pub fn merge(&mut self, base: Option<&Node>, ours: &Node, theirs: &Node) -> Node {
        if ours == theirs {
            return ours.clone();
        }
        if self.three_way
            && let Some(base) = base
        {
            if base == ours {
                return theirs.clone();
            }
            if base == theirs {
                return ours.clone();
            }
        }
        match (ours, theirs) {
            (Node::Struct(o), Node::Struct(t)) => Node::Struct(self.merge_fields(base, o, t)),
            (Node::Some(o), Node::Some(t)) => {
                let base = match base {
                    Some(Node::Some(b)) => Some(b.as_ref()),
                    _ => None,
                };
                Node::Some(Box::new(self.merge(base, o, t)))
            }
            (Node::Variant(no, o), Node::Variant(nt, t)) if no == nt => {
                let base = match base {
                    Some(Node::Variant(nb, b)) if nb == no => Some(b.as_ref()),
                    _ => None,
                };
                Node::Variant(no, Box::new(self.merge(base, o, t)))
            }
            (Node::Seq(o), Node::Seq(t)) => {
                let base = match base {
                    Some(Node::Seq(b)) => Some(b.as_slice()),
                    _ => None,
                };
                Node::Seq(self.merge_list(base, o, t))
            }
            (Node::Map(o), Node::Map(t)) => {
                let base = match base {
                    Some(Node::Map(b)) => Some(b.as_slice()),
                    _ => None,
                };
                Node::Map(self.merge_map(base, o, t))
            }
            (Node::Str(o), Node::Str(t)) => match base {
                Some(Node::Str(b)) if self.three_way && is_long_text(b, o, t) => {
                    match diffy::merge(b, o, t) {
                        Ok(merged) => Node::Str(merged),
                        Err(_) => self.conflict_node(ConflictKind::Text, base, ours, theirs),
                    }
                }
                _ => self.conflict_node(ConflictKind::Changed, base, ours, theirs),
            },
            _ => self.conflict_node(ConflictKind::Changed, base, ours, theirs),
        }
    }

    /// Merges a value that may be missing on either side (a field, an element of a list
    /// with ids, an entry of a map): added on one side is taken, deleted on one side and
    /// untouched on the other is deleted, deleted and changed is a conflict.
    pub fn merge_present(
        &mut self,
        base: Option<&Node>,
        ours: Option<&Node>,
        theirs: Option<&Node>,
    ) -> Option<Node> {
        match (ours, theirs) {
            (Some(o), Some(t)) => Some(self.merge(base, o, t)),
            (None, None) => None,
            (Some(present), None) | (None, Some(present)) => {
                let ours_has_it = ours.is_some();
                if !self.three_way {
                    let kind = if ours_has_it {
                        ConflictKind::OnlyOurs
                    } else {
                        ConflictKind::OnlyTheirs
                    };
                    return self.conflict(kind, None, ours, theirs);
                }
                match base {
                    // Added on one side.
                    None => Some(present.clone()),
                    // Deleted on one side, untouched on the other.
                    Some(b) if b == present => None,
                    Some(_) => {
                        let kind = if ours_has_it {
                            ConflictKind::RemovedByTheirs
                        } else {
                            ConflictKind::RemovedByOurs
                        };
                        self.conflict(kind, base, ours, theirs)
                    }
                }
            }
        }
    }

    /// The fields of two structs, by name, in the order mine has them (then any only
    /// theirs has: a field one side left out of its file).
    fn merge_fields(
        &mut self,
        base: Option<&Node>,
        ours: &[(&'static str, Node)],
        theirs: &[(&'static str, Node)],
    ) -> Vec<(&'static str, Node)> {
        let mut names: Vec<&'static str> = ours.iter().map(|(n, _)| *n).collect();
        for (name, _) in theirs {
            if !names.contains(name) {
                names.push(name);
            }
        }
        let mut out = Vec::with_capacity(names.len());
        for name in names {
            let (o, t) = (field_of(ours, name), field_of(theirs, name));
            let b = base.and_then(|b| b.field(name));
            self.path.push(Step::Field(name));
            if let Some(merged) = self.merge_present(b, o, t) {
                out.push((name, merged));
            }
            self.path.pop();
        }
        out
    }

    /// Two maps, entry by entry (keys in mine's order, then theirs' new ones).
    fn merge_map(
        &mut self,
        base: Option<&[(Node, Node)]>,
        ours: &[(Node, Node)],
        theirs: &[(Node, Node)],
    ) -> Vec<(Node, Node)> {
        let mut keys: Vec<Node> = ours.iter().map(|(k, _)| k.clone()).collect();
        for (key, _) in theirs {
            if !keys.contains(key) {
                keys.push(key.clone());
            }
        }
        let mut out = Vec::with_capacity(keys.len());
        for key in keys {
            let b = base.and_then(|b| entry_of(b, &key));
            let (o, t) = (entry_of(ours, &key), entry_of(theirs, &key));
            self.path.push(Step::Key {
                key: super::describe::plain(&key),
                title: None,
            });
            if let Some(merged) = self.merge_present(b, o, t) {
                out.push((key, merged));
            }
            self.path.pop();
        }
        out
    }

    /// Records a conflict at the current path and returns the side chosen (mine until the
    /// user chooses), `None` when the side chosen does not have it.
    pub fn conflict(
        &mut self,
        kind: ConflictKind,
        base: Option<&Node>,
        ours: Option<&Node>,
        theirs: Option<&Node>,
    ) -> Option<Node> {
        let id = ConflictId {
            entity: self.entity.clone(),
            path: super::path_key(&self.path),
        };
        let mut chosen = self.choices.get(&id).copied().unwrap_or(Side::Ours);
        if chosen == Side::Base && !self.three_way {
            chosen = Side::Ours;
        }
        let value = match chosen {
            Side::Base => base.cloned(),
            Side::Ours => ours.cloned(),
            Side::Theirs => theirs.cloned(),
        };
        self.conflicts.push(Conflict {
            id,
            path: self.path.clone(),
            kind,
            base: if self.three_way { base.cloned() } else { None },
            ours: ours.cloned(),
            theirs: theirs.cloned(),
            chosen,
        });
        value
    }

    /// [`Self::conflict`] for a value that must be there: a side chosen that lacks it
    /// (the base of a two-way merge) gives mine.
    fn conflict_node(
        &mut self,
        kind: ConflictKind,
        base: Option<&Node>,
        ours: &Node,
        theirs: &Node,
    ) -> Node {
        self.conflict(kind, base, Some(ours), Some(theirs))
            .unwrap_or_else(|| ours.clone())
    }
}

/// Whether a text changed two ways is merged line by line: when any version has more
/// than one line (minutes, notes). One-line texts (a name, a title) are a conflict.
fn is_long_text(base: &str, ours: &str, theirs: &str) -> bool {
    [base, ours, theirs].iter().any(|t| t.contains('\n'))
}

fn field_of<'n>(fields: &'n [(&'static str, Node)], name: &str) -> Option<&'n Node> {
    fields.iter().find(|(n, _)| *n == name).map(|(_, v)| v)
}

fn entry_of<'n>(entries: &'n [(Node, Node)], key: &Node) -> Option<&'n Node> {
    entries.iter().find(|(k, _)| k == key).map(|(_, v)| v)
}
