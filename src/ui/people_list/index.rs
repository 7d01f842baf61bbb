//! What a build of the people list from scratch computes, in the frame or on a job: each
//! person's sort key, in order, and the folded search text of everyone.

use memchr::memmem;

use crate::model::{Person, PersonId, Project, fold_for_search_into, normalize_chinese_name};
use crate::workspace::jobs::Progress;

/// A build on a job reports its progress, and looks at its cancel flag, every this many
/// people.
const CHUNK: usize = 1_024;

/// What the entries were built for; a change of any of it means a rebuild.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Basis {
    pub(super) revision: u64,
    pub(super) prefer_chinese: bool,
    pub(super) column: usize,
}

impl Basis {
    /// Whether entries built for `self` are in the order `other` asks for (they may be
    /// behind it by some edits).
    pub(super) fn same_order(&self, other: &Self) -> bool {
        self.prefer_chinese == other.prefer_chinese && self.column == other.column
    }
}

/// Everything a build from scratch computes, handed from the job to the list.
#[derive(Debug)]
pub(super) struct Index {
    pub(super) basis: Basis,
    pub(super) keys: Vec<Key>,
    pub(super) search: SearchText,
}

/// The folded search text of everyone, in list order (see the fields of [`super::PeopleList`]).
#[derive(Debug, Default)]
pub(super) struct SearchText {
    pub(super) text: String,
    pub(super) starts: Vec<usize>,
    pub(super) facets: [Facet; 2],
}

/// The sort key of one person: the sorted column's text, the family, given and Chinese
/// names joined by `SEP` into one string (one comparison of bytes instead of four of
/// strings: sorting 100,000 people takes a tenth of the time), then the id.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct Key {
    text: Box<str>,
    pub(super) id: PersonId,
}

/// Separates the parts of [`Key::text`]; below every character a name can contain, so the
/// joined string sorts as the tuple of its parts would.
const SEP: char = '\u{1}';

impl Key {
    /// The family, given and Chinese names (the column's text skipped).
    pub(super) fn names(&self) -> (&str, &str, &str) {
        let mut parts = self.text.split(SEP).skip(1);
        (
            parts.next().unwrap_or_default(),
            parts.next().unwrap_or_default(),
            parts.next().unwrap_or_default(),
        )
    }
}

/// Every person's sort key, in order; `None` when the job reporting to `progress` was
/// cancelled.
pub(super) fn build_keys(
    project: &Project,
    basis: &Basis,
    progress: Option<&Progress>,
) -> Option<Vec<Key>> {
    let mut keys = Vec::with_capacity(project.people.len());
    for (i, (id, person)) in project.people.iter().enumerate() {
        if !step(progress, i) {
            return None;
        }
        keys.push(sort_key(project, id, person, basis));
    }
    // People come out of the map in id order, mostly already near their place.
    keys.sort_unstable();
    Some(keys)
}

/// The folded search text of the people of `keys`, in their order; `None` when the job
/// reporting to `progress` was cancelled. Its steps count on from the keys' (see
/// [`build_index`]).
pub(super) fn search_text(
    project: &Project,
    keys: &[Key],
    progress: Option<&Progress>,
) -> Option<SearchText> {
    let mut out = SearchText::default();
    let mut orgs = FacetBuilder::default();
    let mut titles = FacetBuilder::default();
    let mut folded = String::new();
    for (i, key) in keys.iter().enumerate() {
        if !step(progress, keys.len() + i) {
            return None;
        }
        out.starts.push(out.text.len());
        let person = project.people.get(&key.id);
        if let Some(person) = person {
            push_search_text(&mut out.text, person);
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
        out.text.push('\0');
    }
    out.starts.push(out.text.len());
    out.facets = [orgs.finish(), titles.finish()];
    Some(out)
}

/// The whole list for `basis`, on a job: the keys, then the search text (a job has the
/// time, and the first search is then instant). Its progress counts each person twice.
pub(super) fn build_index(project: &Project, basis: Basis, progress: &Progress) -> Option<Index> {
    progress.set_total(2 * project.people.len() as u64);
    let keys = build_keys(project, &basis, Some(progress))?;
    let search = search_text(project, &keys, Some(progress))?;
    Some(Index {
        basis,
        keys,
        search,
    })
}

/// Reports `done` steps to `progress` every [`CHUNK`] steps; false when the job was
/// cancelled and should stop.
fn step(progress: Option<&Progress>, done: usize) -> bool {
    match progress {
        Some(progress) if done.is_multiple_of(CHUNK) => {
            progress.set_done(done as u64);
            !progress.is_cancelled()
        }
        _ => true,
    }
}

/// A value shared by many people, with the folded text of each distinct value.
#[derive(Debug, Default)]
pub(super) struct Facet {
    /// The folded text of each distinct value.
    values: Vec<String>,
    /// Each person's value (an index into `values`, or `NONE`), in list order.
    of_entry: Vec<u32>,
}

/// A person without this value.
const NONE: u32 = u32::MAX;

impl Facet {
    /// Which values contain the query.
    pub(super) fn hits(&self, finder: &memmem::Finder<'_>) -> Vec<bool> {
        self.values
            .iter()
            .map(|v| finder.find(v.as_bytes()).is_some())
            .collect()
    }

    /// True when person `i`'s value is one of the `hits`.
    pub(super) fn matches(&self, i: u32, hits: &[bool]) -> bool {
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

pub(super) fn sort_key(project: &Project, id: &PersonId, person: &Person, basis: &Basis) -> Key {
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
