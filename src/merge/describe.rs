//! Trees as text, without any language: the plain value of a leaf, the label of a list
//! element, a compact one-line form of anything else. The words around them (field names,
//! "deleted", the entity's name) are the interface's, in `crate::i18n`.

use super::tree::Node;

/// A leaf as text (`"Huang"` → `Huang`, `Some(3)` → `3`, `Member` → `Member`); anything
/// else in a compact RON-like form.
pub fn plain(node: &Node) -> String {
    let mut out = String::new();
    write(node, &mut out, 0);
    out
}

/// How deep the compact form goes before it writes `…`.
const MAX_DEPTH: usize = 6;

fn write(node: &Node, out: &mut String, depth: usize) {
    if depth > MAX_DEPTH {
        out.push('…');
        return;
    }
    match node {
        Node::Unit | Node::None => {}
        Node::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Node::U64(n) => out.push_str(&n.to_string()),
        Node::I64(n) => out.push_str(&n.to_string()),
        Node::F64(f) => out.push_str(&f.0.to_string()),
        Node::Char(c) => out.push(*c),
        Node::Str(s) => out.push_str(s),
        Node::Bytes(b) => out.push_str(&format!("{} bytes", b.len())),
        Node::Some(inner) => write(inner, out, depth + 1),
        Node::Seq(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write(item, out, depth + 1);
            }
            out.push(']');
        }
        Node::Map(entries) => {
            out.push('{');
            for (i, (k, v)) in entries.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write(k, out, depth + 1);
                out.push_str(": ");
                write(v, out, depth + 1);
            }
            out.push('}');
        }
        Node::Struct(fields) => {
            out.push('(');
            let mut first = true;
            for (name, value) in fields {
                if is_blank(value) {
                    continue;
                }
                if !first {
                    out.push_str(", ");
                }
                first = false;
                out.push_str(name);
                out.push_str(": ");
                write(value, out, depth + 1);
            }
            out.push(')');
        }
        Node::Variant(name, payload) => {
            out.push_str(name);
            if !matches!(payload.as_ref(), Node::Unit) {
                out.push('(');
                write(payload, out, depth + 1);
                out.push(')');
            }
        }
    }
}

/// Whether a value says nothing worth showing: empty text, `None`, an empty list, or a
/// struct of such values.
pub fn is_blank(node: &Node) -> bool {
    match node {
        Node::Unit | Node::None => true,
        Node::Str(s) => s.trim().is_empty(),
        Node::Seq(items) => items.is_empty(),
        Node::Map(entries) => entries.is_empty(),
        Node::Struct(fields) => fields.iter().all(|(_, v)| is_blank(v)),
        _ => false,
    }
}

/// The two texts of a bilingual value (`(en: "…", zh: "…")`), if it is one.
pub fn bilingual(node: &Node) -> Option<(&str, &str)> {
    let Node::Struct(fields) = node else {
        return None;
    };
    if fields.len() != 2 {
        return None;
    }
    Some((node.field("en")?.as_str()?, node.field("zh")?.as_str()?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::merge::tree::to_node;
    use crate::model::{Bilingual, Owner, PersonId};

    #[test]
    fn leaves_are_plain_and_the_rest_compact() {
        assert_eq!(plain(&Node::Str("Huang".into())), "Huang");
        assert_eq!(plain(&to_node(&Some(3u32)).unwrap()), "3");
        let owner = to_node(&Owner::Person(PersonId::from("wang-li"))).unwrap();
        assert_eq!(plain(&owner), "Person(wang-li)");
        let title = to_node(&Bilingual::new("Director", "主任")).unwrap();
        assert_eq!(bilingual(&title), Some(("Director", "主任")));
        assert_eq!(plain(&title), "(en: Director, zh: 主任)");
        assert!(is_blank(&to_node(&Bilingual::default()).unwrap()));
    }
}
