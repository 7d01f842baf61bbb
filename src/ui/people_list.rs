//! The rows behind the people view: every person's sort key and search text computed once,
//! kept in order as edits arrive, and filtered per keystroke.
//!
//! At 100,000 people a full rebuild (folding every name, sorting) takes tens of
//! milliseconds: fine when a file opens, a visible stall on every keystroke of an edit.
//! So after an edit only the people it touched are moved (the document's journal says
//! which), and a search scans one contiguous, pre-folded text with a single substring
//! finder instead of folding and searching each person.

use memchr::memmem;

use super::widgets::SortState;
use crate::document::{Document, Touched};
use crate::model::{
    Person, PersonId, Project, fold_for_search, fold_for_search_into, normalize_chinese_name,
};

/// More people touched than this in one catch-up and the list is rebuilt instead.
const INCREMENTAL_LIMIT: usize = 256;

/// What the entries were built for; a change of any of it means a rebuild.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Basis {
    revision: u64,
    prefer_chinese: bool,
    column: usize,
}

/// The sort key of one person: the sorted column's text, the family, given and Chinese
/// names joined by `SEP` into one string (one comparison of bytes instead of four of
/// strings: sorting 100,000 people takes a tenth of the time), then the id.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Key {
    text: Box<str>,
    id: PersonId,
}

/// Separates the parts of [`Key::text`]; below every character a name can contain, so the
/// joined string sorts as the tuple of its parts would.
const SEP: char = '\u{1}';

impl Key {
    /// The family, given and Chinese names (the column's text skipped).
    fn names(&self) -> (&str, &str, &str) {
        let mut parts = self.text.split(SEP).skip(1);
        (
            parts.next().unwrap_or_default(),
            parts.next().unwrap_or_default(),
            parts.next().unwrap_or_default(),
        )
    }
}

/// Every person in order, with their search text; see the module docs.
#[derive(Debug, Default)]
pub struct PeopleList {
    basis: Option<Basis>,
    /// All people, ascending.
    keys: Vec<Key>,
    /// The folded search text of every person, in the order of `keys`, each followed by
    /// a NUL (folding removes whitespace, so a query never contains one).
    text: String,
    /// Where each person's text starts in `text`; one more entry marks the end.
    starts: Vec<usize>,
    /// Values many people share (their organisation, their title), searched once per
    /// distinct value instead of once per person: the people text, and the time to scan
    /// it, shrinks by more than half.
    facets: [Facet; 2],
    /// Set when `text` no longer matches `keys` (rebuilt on the next search).
    text_stale: bool,
    /// The folded query the rows are filtered by.
    query: String,
    /// Indices into `keys` of the matches (ascending), or `None` for everyone.
    matches: Option<Vec<u32>>,
    descending: bool,
}

impl PeopleList {
    /// Brings the list up to date with `doc`, the sort and the search text: entry by
    /// entry after small edits, from scratch otherwise.
    pub fn sync(&mut self, doc: &Document, prefer_chinese: bool, sort: SortState, query: &str) {
        let project = doc.project();
        let basis = Basis {
            revision: doc.revision(),
            prefer_chinese,
            column: sort.column,
        };
        self.descending = sort.descending;
        let mut changed = false;
        match self.basis {
            Some(old) if old == basis => {}
            Some(old) if old.prefer_chinese == prefer_chinese && old.column == sort.column => {
                match doc.changes_since(old.revision) {
                    Some(changes) => {
                        changed = self.apply_changes(project, &basis, &changes);
                    }
                    None => {
                        self.rebuild(project, basis);
                        changed = true;
                    }
                }
                self.basis = Some(basis);
            }
            _ => {
                self.rebuild(project, basis);
                changed = true;
            }
        }
        let folded = fold_for_search(query);
        if changed || folded != self.query {
            if self.text_stale && !folded.is_empty() {
                self.rebuild_text(project);
            }
            self.filter(folded, changed);
        }
    }
    /// Applies the journal's changes; returns whether any row changed.
    fn apply_changes(&mut self, project: &Project, basis: &Basis, changes: &[&Touched]) -> bool {
        let mut people: Vec<&PersonId> = Vec::new();
        for change in changes {
            match change {
                // An organisation's name is part of its people's search text and sort key.
                Touched::Organisation(_) => {
                    self.rebuild(project, *basis);
                    return true;
                }
                Touched::Person(id) => people.push(id),
                Touched::Info | Touched::Meeting(_) | Touched::Commitment(_) => {}
            }
        }
        people.sort();
        people.dedup();
        if people.is_empty() {
            return false;
        }
        if people.len() > INCREMENTAL_LIMIT {
            self.rebuild(project, *basis);
            return true;
        }
        for id in people {
            if let Some(at) = self.keys.iter().position(|k| &k.id == id) {
                self.keys.remove(at);
            }
            if let Some(person) = project.people.get(id) {
                let key = sort_key(project, id, person, basis);
                let at = self.keys.partition_point(|k| k < &key);
                self.keys.insert(at, key);
            }
        }
        self.text_stale = true;
        true
    }

    fn rebuild(&mut self, project: &Project, basis: Basis) {
        self.keys = project
            .people
            .iter()
            .map(|(id, p)| sort_key(project, id, p, &basis))
            .collect();
        // People come out of the map in id order, mostly already near their place.
        self.keys.sort_unstable();
        self.basis = Some(basis);
        self.text_stale = true;
    }

    /// The folded search text of everyone, in list order.
    fn rebuild_text(&mut self, project: &Project) {
        self.text.clear();
        self.starts.clear();
        let mut orgs = FacetBuilder::default();
        let mut titles = FacetBuilder::default();
        let mut folded = String::new();
        for key in &self.keys {
            self.starts.push(self.text.len());
            let person = project.people.get(&key.id);
            if let Some(person) = person {
                push_search_text(&mut self.text, person);
            }
            let org = person
                .and_then(|p| p.organisation.as_ref())
                .and_then(|o| project.organisations.get(o).map(|org| (o, org)));
            orgs.push(org.map(|(id, org)| {
                (id.as_str(), || {
                    let mut text = String::new();
                    fold_for_search_into(&mut text, &org.acronym);
                    fold_for_search_into(&mut text, &org.name.en);
                    fold_for_search_into(&mut text, &org.name.zh);
                    text
                })
            }));
            folded.clear();
            if let Some(p) = person {
                fold_for_search_into(&mut folded, &p.title.en);
                fold_for_search_into(&mut folded, &p.title.zh);
            }
            titles.push((!folded.is_empty()).then_some((folded.as_str(), || folded.clone())));
            self.text.push('\0');
        }
        self.starts.push(self.text.len());
        self.facets = [orgs.finish(), titles.finish()];
        self.text_stale = false;
    }

    fn filter(&mut self, folded: String, rows_changed: bool) {
        // A longer query only removes matches: search the previous matches only.
        let narrowing = !rows_changed && !self.query.is_empty() && folded.contains(&self.query);
        self.query = folded;
        if self.query.is_empty() {
            self.matches = None;
            return;
        }
        let finder = memmem::Finder::new(self.query.as_bytes());
        let hits: Vec<Vec<bool>> = self.facets.iter().map(|f| f.hits(&finder)).collect();
        let facet_matches = |i: u32| {
            self.facets
                .iter()
                .zip(&hits)
                .any(|(facet, hits)| facet.matches(i, hits))
        };
        let any_facet = hits.iter().any(|h| h.contains(&true));
        let matches = match (narrowing, self.matches.take()) {
            (true, Some(previous)) => previous
                .into_iter()
                .filter(|&i| {
                    (any_facet && facet_matches(i)) || finder.find(self.entry_text(i)).is_some()
                })
                .collect(),
            _ => {
                let by_text = self.scan(&finder);
                if any_facet {
                    // Both lists ascend: merge them, keeping each person once.
                    let by_facet = (0..self.starts.len().saturating_sub(1))
                        .filter_map(|i| u32::try_from(i).ok())
                        .filter(|&i| facet_matches(i));
                    merge_ascending(by_text, by_facet)
                } else {
                    by_text
                }
            }
        };
        self.matches = Some(matches);
    }

    /// One pass of the finder over everyone's text; each person counted once.
    fn scan(&self, finder: &memmem::Finder<'_>) -> Vec<u32> {
        let bytes = self.text.as_bytes();
        let mut found = Vec::new();
        let mut from = 0;
        let mut entry = 0;
        while let Some(at) = bytes.get(from..).and_then(|rest| finder.find(rest)) {
            let pos = from + at;
            // The entry whose text contains `pos`: matches come in order, so walk forward
            // from the last one (a binary search per match costs more for short queries).
            while self.starts.get(entry + 1).is_some_and(|&next| next <= pos) {
                entry += 1;
            }
            found.push(u32::try_from(entry).unwrap_or(u32::MAX));
            // Go on after this entry's text.
            entry += 1;
            from = self.starts.get(entry).copied().unwrap_or(bytes.len());
        }
        found
    }

    fn entry_text(&self, i: u32) -> &[u8] {
        let i = i as usize;
        match (self.starts.get(i), self.starts.get(i + 1)) {
            (Some(&a), Some(&b)) => self.text.as_bytes().get(a..b).unwrap_or_default(),
            _ => &[],
        }
    }

    /// How many rows are shown.
    pub fn len(&self) -> usize {
        match &self.matches {
            Some(m) => m.len(),
            None => self.keys.len(),
        }
    }

    /// True when no row is shown.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The person on row `row`.
    pub fn get(&self, row: usize) -> Option<&PersonId> {
        let len = self.len();
        let row = if self.descending {
            len.checked_sub(row + 1)?
        } else {
            row
        };
        let index = match &self.matches {
            Some(m) => *m.get(row)? as usize,
            None => row,
        };
        self.keys.get(index).map(|k| &k.id)
    }

    /// The row of `id`, if shown (a scan: for a click or a keyboard move, not per frame).
    pub fn row_of(&self, id: &PersonId) -> Option<usize> {
        (0..self.len()).find(|&r| self.get(r) == Some(id))
    }

    /// Other people with the same name as `id`: the same Chinese name (alignment spaces
    /// ignored) or the same Latin family and given names (case ignored). Compares the
    /// keys already computed, so it costs no allocation per person.
    pub fn same_name(&self, id: &PersonId) -> Vec<PersonId> {
        let Some(me) = self.keys.iter().find(|k| &k.id == id) else {
            return Vec::new();
        };
        let (family, given, chinese) = me.names();
        self.keys
            .iter()
            .filter(|k| {
                let (f, g, c) = k.names();
                &k.id != id
                    && ((!chinese.is_empty() && c == chinese)
                        || (!family.is_empty() && f == family && g == given))
            })
            .map(|k| k.id.clone())
            .collect()
    }
}

/// A value shared by many people, with the folded text of each distinct value.
#[derive(Debug, Default)]
struct Facet {
    /// The folded text of each distinct value.
    values: Vec<String>,
    /// Each person's value (an index into `values`, or `NONE`), in list order.
    of_entry: Vec<u32>,
}

/// A person without this value.
const NONE: u32 = u32::MAX;

impl Facet {
    /// Which values contain the query.
    fn hits(&self, finder: &memmem::Finder<'_>) -> Vec<bool> {
        self.values
            .iter()
            .map(|v| finder.find(v.as_bytes()).is_some())
            .collect()
    }

    /// True when person `i`'s value is one of the `hits`.
    fn matches(&self, i: u32, hits: &[bool]) -> bool {
        self.of_entry
            .get(i as usize)
            .and_then(|&v| hits.get(v as usize))
            .copied()
            .unwrap_or(false)
    }
}

/// Builds a [`Facet`], giving each distinct value (by key) one index.
#[derive(Default)]
struct FacetBuilder {
    facet: Facet,
    index: std::collections::HashMap<String, u32>,
}

impl FacetBuilder {
    /// Adds the next person's value: its key and how to fold its text (done once per
    /// distinct key).
    fn push(&mut self, value: Option<(&str, impl FnOnce() -> String)>) {
        let index = match value {
            None => NONE,
            Some((key, text)) => match self.index.get(key) {
                Some(&i) => i,
                None => {
                    let i = u32::try_from(self.facet.values.len()).unwrap_or(NONE);
                    self.facet.values.push(text());
                    self.index.insert(key.to_owned(), i);
                    i
                }
            },
        };
        self.facet.of_entry.push(index);
    }

    fn finish(self) -> Facet {
        self.facet
    }
}

/// The union of two ascending lists, ascending, without repeats.
fn merge_ascending(a: Vec<u32>, b: impl Iterator<Item = u32>) -> Vec<u32> {
    let mut out = Vec::with_capacity(a.len());
    let mut a = a.into_iter().peekable();
    let mut b = b.peekable();
    loop {
        let next = match (a.peek(), b.peek()) {
            (Some(&x), Some(&y)) if x < y => a.next(),
            (Some(&x), Some(&y)) if y < x => b.next(),
            (Some(_), Some(_)) => {
                b.next();
                a.next()
            }
            (Some(_), None) => a.next(),
            (None, Some(_)) => b.next(),
            (None, None) => None,
        };
        match next {
            Some(v) => out.push(v),
            None => return out,
        }
    }
}

fn sort_key(project: &Project, id: &PersonId, person: &Person, basis: &Basis) -> Key {
    let column = match basis.column {
        1 => person
            .organisation
            .as_ref()
            .map(|o| {
                project
                    .organisation_name(o, basis.prefer_chinese)
                    .to_lowercase()
            })
            .unwrap_or_default(),
        2 => person.title.get(basis.prefer_chinese).to_lowercase(),
        _ => String::new(),
    };
    let (family, given, chinese) = person.sort_key();
    let mut text =
        String::with_capacity(column.len() + family.len() + given.len() + chinese.len() + 3);
    for (i, part) in [column, family, given, chinese].iter().enumerate() {
        if i > 0 {
            text.push(SEP);
        }
        // A stray control character in a name must not reorder the parts.
        text.extend(part.chars().filter(|c| *c > SEP));
    }
    Key {
        text: text.into_boxed_str(),
        id: id.clone(),
    }
}

/// Appends what a search may match for `person`, folded: the Latin name in both orders
/// (so `yan fang` and `fang yan` both match), the Chinese name without alignment spaces,
/// and the e-mail. (The organisation and the title are searched apart, as facets.)
fn push_search_text(out: &mut String, person: &Person) {
    let mut push = |text: &str| fold_for_search_into(out, text);
    push(&person.family_name);
    push(&person.given_name);
    push(&person.given_name);
    push(&person.family_name);
    push(&normalize_chinese_name(&person.chinese_name));
    push(&person.email);
}
#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;
    use crate::document::Edit;
    use crate::synthetic::{Size, generate};

    fn rows(list: &PeopleList) -> Vec<PersonId> {
        (0..list.len())
            .map(|r| list.get(r).unwrap().clone())
            .collect()
    }

    /// The list built from scratch for the document as it is now.
    fn fresh(doc: &Document, zh: bool, sort: SortState, query: &str) -> Vec<PersonId> {
        let mut list = PeopleList::default();
        list.sync(doc, zh, sort, query);
        rows(&list)
    }

    #[test]
    fn edits_keep_the_list_as_a_rebuild_would() {
        let mut doc = Document::unsaved(generate(Size::people(2_000), 3), false);
        for column in 0..3 {
            for query in ["", "wang", "总经理"] {
                let sort = SortState {
                    column,
                    descending: column == 1,
                };
                let mut list = PeopleList::default();
                list.sync(&doc, false, sort, query);
                // Rename someone to the front, remove someone, add someone, then undo.
                let first = list.get(0).unwrap().clone();
                let mut renamed = doc.project().people[&first].clone();
                renamed.family_name = "ZZZ WANG".into();
                renamed.title.zh = "总经理".into();
                doc.apply(Edit::PutPerson(first.clone(), renamed));
                list.sync(&doc, false, sort, query);
                assert_eq!(rows(&list), fresh(&doc, false, sort, query));
                let last = doc.project().people.keys().next_back().unwrap().clone();
                doc.apply(Edit::delete_person(doc.project(), &last));
                doc.apply(Edit::PutPerson(
                    "new".into(),
                    Person {
                        family_name: "AARON".into(),
                        chinese_name: "王 伟".into(),
                        ..Person::default()
                    },
                ));
                list.sync(&doc, false, sort, query);
                assert_eq!(rows(&list), fresh(&doc, false, sort, query));
                for _ in 0..3 {
                    doc.undo();
                }
                list.sync(&doc, false, sort, query);
                assert_eq!(rows(&list), fresh(&doc, false, sort, query));
            }
        }
    }

    #[test]
    fn search_matches_either_script_and_order_and_narrows() {
        let mut project = Project::default();
        for (id, family, given, chinese) in [
            ("fang", "FANG", "Yan", "方 艳"),
            ("zhang", "ZHANG", "Peter", ""),
            ("huang", "HUANG", "Jixian", "黄继先"),
        ] {
            project.people.insert(
                id.into(),
                Person {
                    family_name: family.into(),
                    given_name: given.into(),
                    chinese_name: chinese.into(),
                    ..Person::default()
                },
            );
        }
        project.organisations.insert(
            "afnor".into(),
            crate::model::Organisation {
                acronym: "AFNOR".into(),
                name: crate::model::Bilingual::new(
                    "Association française de normalisation",
                    "法国标准化协会",
                ),
                ..Default::default()
            },
        );
        if let Some(p) = project.people.get_mut(&PersonId::from("huang")) {
            p.organisation = Some("afnor".into());
        }
        let doc = Document::unsaved(project, false);
        let mut list = PeopleList::default();
        let sort = SortState::default();
        // The organisation's acronym or either of its names finds its people; a query
        // spanning a name and the organisation does not.
        for query in ["afnor", "Française", "标准化协会", "afn"] {
            list.sync(&doc, false, sort, query);
            assert_eq!(rows(&list), vec![PersonId::from("huang")], "{query}");
        }
        list.sync(&doc, false, sort, "jixianafnor");
        assert!(list.is_empty());
        for query in [
            "方艳",
            "ＦＡＮＧ",
            "fang yan",
            "yan fang",
            "fan",
            "fang",
            "fangy",
        ] {
            list.sync(&doc, false, sort, query);
            assert_eq!(rows(&list), vec![PersonId::from("fang")], "{query}");
        }
        list.sync(&doc, false, sort, "an");
        assert_eq!(list.len(), 3, "fANg, zhANg, huANg");
        list.sync(&doc, false, sort, "nothing");
        assert!(list.is_empty());
        list.sync(&doc, false, sort, "");
        assert_eq!(list.len(), 3);
        assert_eq!(list.same_name(&"fang".into()), Vec::<PersonId>::new());
    }
}
