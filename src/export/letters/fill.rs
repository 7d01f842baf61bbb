//! `{{placeholders}}` in the XML of a Word part (the document, a header, a footer), found
//! and filled with quick-xml's events, every byte outside the texts that change kept as it
//! was.
//!
//! Word keeps a paragraph's text in runs (`<w:r>`), each with its own `<w:t>`, and splits a
//! typed `{{passport_number}}` across several runs after almost any edit (spell checking,
//! a change of formatting, an undo). So placeholders are looked for in the text of a whole
//! paragraph; the value goes into the `<w:t>` where the placeholder starts (taking that
//! run's formatting), and the rest of the placeholder is taken out of the following ones.
//!
//! A table row holding `{{member.…}}` placeholders is repeated once per member of the
//! delegation, one holding `{{day.…}}` placeholders once per day of the programme.

use std::ops::Range;

use quick_xml::events::Event;

/// The scopes of a repeated table row: the prefix of its placeholders.
pub const REPEAT_SCOPES: [&str; 2] = ["member", "day"];

/// The longest a placeholder's name may be: longer text between `{{` and `}}` is text.
const MAX_NAME: usize = 64;

/// Why a part could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum XmlError {
    /// The XML is malformed at this byte.
    #[error("the XML is malformed at byte {position}: {message}")]
    Malformed {
        /// Byte offset in the part.
        position: u64,
        /// What quick-xml says.
        message: String,
    },
}

/// A placeholder as the template writes it.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Placeholder {
    /// Its name, lower case (`passport_number`, `member.name`).
    pub name: String,
    /// The scope of the row it repeats in, when it is in a repeated row.
    pub scope: Option<&'static str>,
}

/// What a scan of a part found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Scan {
    /// Every placeholder, in order of appearance (repeats included).
    pub placeholders: Vec<Placeholder>,
    /// `{{` with no `}}` in the same paragraph: the text after it, for the message.
    pub unclosed: Vec<String>,
}

/// Gives the value of a placeholder: `(name, row)` where `row` is the index of the member
/// or day in a repeated row. `None` or an empty text: no value.
pub type Lookup<'a> = dyn Fn(&str, Option<(&'static str, usize)>) -> Option<String> + 'a;

/// A `<w:t>` element: where its start tag and its text are, and the text.
struct TextNode {
    /// The start tag, `<w:t xml:space="preserve">`.
    tag: Range<usize>,
    /// The raw (escaped) text between the tags.
    content: Range<usize>,
    /// The tag's name (`w:t`).
    name: String,
    /// The text, unescaped.
    text: String,
}

/// A paragraph's text nodes and the placeholders in their joined text.
struct Paragraph {
    nodes: Vec<TextNode>,
    /// Byte ranges in the joined text, with the name.
    found: Vec<(Range<usize>, String)>,
    unclosed: Vec<String>,
}

/// The structure of a part: its paragraphs and its table rows.
struct Parsed {
    paragraphs: Vec<Paragraph>,
    /// Table rows: their byte span and nesting depth.
    rows: Vec<Range<usize>>,
}

fn parse(xml: &[u8]) -> Result<Parsed, XmlError> {
    let mut reader = quick_xml::Reader::from_reader(xml);
    reader.config_mut().trim_text(false);
    let mut paragraphs = Vec::new();
    let mut open: Vec<Vec<TextNode>> = Vec::new();
    let mut rows = Vec::new();
    let mut open_rows: Vec<usize> = Vec::new();
    let mut text_start: Option<(Range<usize>, String)> = None;
    loop {
        let before = position(&reader);
        let event = reader.read_event().map_err(|e| XmlError::Malformed {
            position: reader.error_position(),
            message: e.to_string(),
        })?;
        let after = position(&reader);
        match event {
            Event::Start(start) => match local(start.name().into_inner().as_bytes()) {
                b"p" => open.push(Vec::new()),
                b"tr" => open_rows.push(before),
                b"t" if !open.is_empty() => {
                    let name =
                        String::from_utf8_lossy(start.name().into_inner().as_bytes()).into_owned();
                    text_start = Some((before..after, name));
                }
                _ => {}
            },
            Event::End(end) => match local(end.name().into_inner().as_bytes()) {
                b"p" => {
                    if let Some(nodes) = open.pop() {
                        paragraphs.push(paragraph(nodes));
                    }
                }
                b"tr" => {
                    if let Some(start) = open_rows.pop() {
                        rows.push(start..after);
                    }
                }
                b"t" => {
                    if let (Some((tag, name)), Some(nodes)) = (text_start.take(), open.last_mut()) {
                        let content = tag.end..before;
                        let raw = xml.get(content.clone()).unwrap_or_default();
                        let raw = String::from_utf8_lossy(raw);
                        let text = quick_xml::escape::unescape(&raw)
                            .map_err(|e| XmlError::Malformed {
                                position: content.start as u64,
                                message: e.to_string(),
                            })?
                            .into_owned();
                        nodes.push(TextNode {
                            tag,
                            content,
                            name,
                            text,
                        });
                    }
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(Parsed { paragraphs, rows })
}

fn position(reader: &quick_xml::Reader<&[u8]>) -> usize {
    usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX)
}

/// The local name of a tag (`w:p` → `p`).
fn local(name: &[u8]) -> &[u8] {
    match name.iter().position(|b| *b == b':') {
        Some(i) => name.get(i + 1..).unwrap_or_default(),
        None => name,
    }
}

/// Finds the placeholders in the joined text of `nodes`.
fn paragraph(nodes: Vec<TextNode>) -> Paragraph {
    let joined: String = nodes.iter().map(|n| n.text.as_str()).collect();
    let mut found = Vec::new();
    let mut unclosed = Vec::new();
    let mut from = 0;
    while let Some(open) = joined.get(from..).and_then(|s| s.find("{{")) {
        let start = from + open;
        let inner_start = start + 2;
        let rest = joined.get(inner_start..).unwrap_or_default();
        match rest.find("}}") {
            Some(close) => {
                let inner = rest.get(..close).unwrap_or_default();
                match placeholder_name(inner) {
                    Some(name) => {
                        let end = inner_start + close + 2;
                        found.push((start..end, name));
                        from = end;
                    }
                    None => from = inner_start,
                }
            }
            None => {
                let tail: String = rest.chars().take(30).collect();
                if placeholder_name(tail.split_whitespace().next().unwrap_or_default()).is_some() {
                    unclosed.push(tail);
                }
                break;
            }
        }
    }
    Paragraph {
        nodes,
        found,
        unclosed,
    }
}

/// The name of `{{ name }}`: letters, digits, `_` and `.`, lower-cased; `None` for other
/// text between braces.
fn placeholder_name(inner: &str) -> Option<String> {
    let name = inner.trim();
    let valid = !name.is_empty()
        && name.len() <= MAX_NAME
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.');
    valid.then(|| name.to_ascii_lowercase())
}

/// The repeat scope of a placeholder name (`member.name` → `member`).
pub fn scope_of(name: &str) -> Option<&'static str> {
    let (prefix, _) = name.split_once('.')?;
    REPEAT_SCOPES.iter().copied().find(|s| *s == prefix)
}

/// The rows that repeat, with their scope: the innermost row holding a placeholder of a
/// scope.
fn repeated_rows(parsed: &Parsed, xml_len: usize) -> Vec<(Range<usize>, &'static str)> {
    let mut out: Vec<(Range<usize>, &'static str)> = Vec::new();
    for p in &parsed.paragraphs {
        for (range, name) in &p.found {
            let Some(scope) = scope_of(name) else {
                continue;
            };
            let at = node_at(&p.nodes, range.start).map_or(xml_len, |n| n.content.start);
            let row = parsed
                .rows
                .iter()
                .filter(|r| r.contains(&at))
                .min_by_key(|r| r.len());
            if let Some(row) = row
                && !out.iter().any(|(r, _)| r == row)
            {
                out.push((row.clone(), scope));
            }
        }
    }
    // A row inside another repeated row is repeated with it, not on its own.
    let outer: Vec<Range<usize>> = out.iter().map(|(r, _)| r.clone()).collect();
    out.retain(|(r, _)| {
        !outer
            .iter()
            .any(|o| o != r && o.start <= r.start && r.end <= o.end)
    });
    out.sort_by_key(|(r, _)| r.start);
    out
}

/// The node whose text holds byte `offset` of the joined text.
fn node_at(nodes: &[TextNode], offset: usize) -> Option<&TextNode> {
    let mut start = 0;
    for node in nodes {
        let end = start + node.text.len();
        if offset < end {
            return Some(node);
        }
        start = end;
    }
    None
}

/// The placeholders of a part, each with the scope of its repeated row.
///
/// # Errors
/// When the XML is malformed.
pub fn scan(xml: &[u8]) -> Result<Scan, XmlError> {
    let parsed = parse(xml)?;
    let rows = repeated_rows(&parsed, xml.len());
    let mut scan = Scan::default();
    for p in &parsed.paragraphs {
        for (range, name) in &p.found {
            let at = node_at(&p.nodes, range.start).map_or(0, |n| n.content.start);
            let scope = rows
                .iter()
                .find(|(r, _)| r.contains(&at))
                .map(|(_, scope)| *scope);
            scan.placeholders.push(Placeholder {
                name: name.clone(),
                scope,
            });
        }
        scan.unclosed.extend(p.unclosed.iter().cloned());
    }
    Ok(scan)
}

/// `xml` with every placeholder replaced by its value from `lookup` (a missing value
/// leaves an empty text: the caller checks first), and every repeated row repeated once
/// per item of its scope (`count` gives how many). Bytes outside the changed texts are
/// copied as they were.
///
/// # Errors
/// When the XML is malformed.
pub fn fill(
    xml: &[u8],
    lookup: &Lookup<'_>,
    count: &dyn Fn(&'static str) -> usize,
) -> Result<Vec<u8>, XmlError> {
    fill_in(xml, lookup, count, None)
}

fn fill_in(
    xml: &[u8],
    lookup: &Lookup<'_>,
    count: &dyn Fn(&'static str) -> usize,
    row: Option<(&'static str, usize)>,
) -> Result<Vec<u8>, XmlError> {
    let parsed = parse(xml)?;
    // Inside a repeated row nothing repeats again.
    let rows = if row.is_some() {
        Vec::new()
    } else {
        repeated_rows(&parsed, xml.len())
    };
    let mut edits: Vec<(Range<usize>, Vec<u8>)> = Vec::new();
    for (range, scope) in &rows {
        let fragment = xml.get(range.clone()).unwrap_or_default();
        let mut copies = Vec::new();
        for i in 0..count(scope) {
            copies.extend(fill_in(fragment, lookup, count, Some((scope, i)))?);
        }
        edits.push((range.clone(), copies));
    }
    let in_row = |at: usize| rows.iter().any(|(r, _)| r.contains(&at));
    for p in &parsed.paragraphs {
        if p.found.is_empty() {
            continue;
        }
        let Some(first) = p.nodes.first() else {
            continue;
        };
        if in_row(first.content.start) {
            continue;
        }
        let values: Vec<String> = p
            .found
            .iter()
            .map(|(_, name)| {
                let value = lookup(name, row.filter(|(scope, _)| scope_of(name) == Some(scope)));
                value.unwrap_or_default()
            })
            .collect();
        edits.extend(paragraph_edits(p, &values));
    }
    edits.sort_by_key(|(r, _)| r.start);
    let mut out = Vec::with_capacity(xml.len() + 1024);
    let mut cursor = 0;
    for (range, bytes) in edits {
        if range.start < cursor {
            // Overlapping edits cannot come from one parse; skipped rather than garbled.
            continue;
        }
        out.extend_from_slice(xml.get(cursor..range.start).unwrap_or_default());
        out.extend_from_slice(&bytes);
        cursor = range.end;
    }
    out.extend_from_slice(xml.get(cursor..).unwrap_or_default());
    Ok(out)
}

/// The new texts of a paragraph's nodes, each placeholder's value in the node where it
/// starts; edits for the nodes that change.
fn paragraph_edits(p: &Paragraph, values: &[String]) -> Vec<(Range<usize>, Vec<u8>)> {
    let joined: String = p.nodes.iter().map(|n| n.text.as_str()).collect();
    let bounds: Vec<Range<usize>> = p
        .nodes
        .iter()
        .scan(0, |start, n| {
            let range = *start..*start + n.text.len();
            *start = range.end;
            Some(range)
        })
        .collect();
    let mut texts: Vec<String> = vec![String::new(); p.nodes.len()];
    let copy = |texts: &mut Vec<String>, from: usize, to: usize| {
        for (i, b) in bounds.iter().enumerate() {
            let (s, e) = (from.max(b.start), to.min(b.end));
            if s < e
                && let (Some(text), Some(piece)) = (texts.get_mut(i), joined.get(s..e))
            {
                text.push_str(piece);
            }
        }
    };
    let mut cursor = 0;
    for ((range, _), value) in p.found.iter().zip(values) {
        copy(&mut texts, cursor, range.start);
        let host = bounds
            .iter()
            .position(|b| b.contains(&range.start))
            .unwrap_or(0);
        if let Some(text) = texts.get_mut(host) {
            text.push_str(value);
        }
        cursor = range.end;
    }
    copy(&mut texts, cursor, joined.len());
    let mut edits = Vec::new();
    for (node, text) in p.nodes.iter().zip(texts) {
        if text == node.text {
            continue;
        }
        let preserve = text.starts_with(char::is_whitespace)
            || text.ends_with(char::is_whitespace)
            || text.contains(['\n', '\t']);
        let content = text_xml(&text, &node.name);
        if preserve {
            // `xml:space="preserve"` keeps the value's outer spaces; the start tag of a
            // `<w:t>` carries nothing else.
            let mut bytes = format!("<{} xml:space=\"preserve\">", node.name).into_bytes();
            bytes.extend_from_slice(content.as_bytes());
            edits.push((node.tag.start..node.content.end, bytes));
        } else {
            // The start tag stays as it was: only the text changes.
            edits.push((node.content.clone(), content.into_bytes()));
        }
    }
    edits
}

/// A text as the content of a `<w:t>`: escaped, a line break as `<w:br/>` and a tab as
/// `<w:tab/>` between two texts of the same run, and no character XML 1.0 cannot hold.
fn text_xml(text: &str, name: &str) -> String {
    let prefix = name.strip_suffix('t').unwrap_or("w:");
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '\n' => out.push_str(&format!(
                "</{name}><{prefix}br/><{name} xml:space=\"preserve\">"
            )),
            '\t' => out.push_str(&format!(
                "</{name}><{prefix}tab/><{name} xml:space=\"preserve\">"
            )),
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c if c.is_control() || matches!(c, '\u{FFFE}' | '\u{FFFF}') => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(name: &str, row: Option<(&'static str, usize)>) -> Option<String> {
        match (name, row) {
            ("name", _) => Some("HUANG Jixian & co".to_owned()),
            ("member.name", Some((_, i))) => Some(format!("Member {}", i + 1)),
            ("spaced", _) => Some(" a\tb\nc ".to_owned()),
            _ => None,
        }
    }

    fn filled(xml: &str) -> String {
        let out = fill(xml.as_bytes(), &values, &|_| 2).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn a_placeholder_split_across_runs_is_filled_in_the_first() {
        let xml = r#"<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Dear {{na</w:t></w:r><w:proofErr w:type="spellStart"/><w:r><w:t>me}},</w:t></w:r></w:p>"#;
        assert_eq!(
            filled(xml),
            r#"<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Dear HUANG Jixian &amp; co</w:t></w:r><w:proofErr w:type="spellStart"/><w:r><w:t>,</w:t></w:r></w:p>"#
        );
    }

    #[test]
    fn untouched_xml_is_kept_byte_for_byte() {
        let xml = "<?xml version=\"1.0\"?>\r\n<w:document  a='1'><w:p><w:r><w:t>No &amp; placeholder</w:t></w:r></w:p><!-- c --></w:document>";
        assert_eq!(filled(xml), xml);
    }

    #[test]
    fn rows_with_member_placeholders_repeat() {
        let xml = "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Name</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:tc><w:p><w:r><w:t>{{member.name}}</w:t></w:r></w:p></w:tc></w:tr></w:tbl>";
        let out = filled(xml);
        assert_eq!(
            out,
            "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Name</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:tc><w:p><w:r><w:t>Member 1</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:tc><w:p><w:r><w:t>Member 2</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
        );
        let scan = scan(xml.as_bytes()).unwrap();
        assert_eq!(scan.placeholders[0].scope, Some("member"));
    }

    #[test]
    fn spaces_tabs_and_breaks_are_kept() {
        let out = filled("<w:p><w:r><w:t>x{{spaced}}</w:t></w:r></w:p>");
        assert_eq!(
            out,
            "<w:p><w:r><w:t xml:space=\"preserve\">x a</w:t><w:tab/><w:t xml:space=\"preserve\">b</w:t><w:br/><w:t xml:space=\"preserve\">c </w:t></w:r></w:p>"
        );
    }

    #[test]
    fn unclosed_and_non_placeholders() {
        let scan =
            scan(b"<w:p><w:r><w:t>{{ not a name }} {{passport_num</w:t></w:r></w:p>").unwrap();
        assert!(scan.placeholders.is_empty());
        assert_eq!(scan.unclosed, ["passport_num"]);
        assert!(matches!(
            super::scan(b"<w:p><w:t>a</w:x></w:p>"),
            Err(XmlError::Malformed { .. })
        ));
    }
}
