//! The rows behind the people view: every person's sort key and search text computed once,
//! kept in order as edits arrive, and filtered per keystroke.
//!
//! At 100,000 people a full rebuild (folding every name, sorting) takes tens of
//! milliseconds: fine when a file opens, a visible stall on every keystroke of an edit.
//! So after an edit only the people it touched are moved (the document's journal says
//! which), and a search scans one contiguous, pre-folded text with a single substring
//! finder instead of folding and searching each person.
//!
//! A build from scratch of a large list (the first visit, another language or sort
//! column, a catch-up the journal cannot do edit by edit) runs on a background job from a
//! snapshot of the project, see [`PeopleList::sync_in_background`]: the window keeps
//! drawing, says what it is doing, and the list catches up with the edits made meanwhile
//! when the job is done.

mod index;

use memchr::memmem;

use super::widgets::SortState;
use crate::document::{Document, Touched};
use crate::model::{PersonId, Project, fold_for_search};
use crate::workspace::jobs::{Job, Poll};
use index::{Basis, Facet, Index, Key, SearchText, build_index, build_keys, search_text, sort_key};

/// More people touched than this in one catch-up and the list is rebuilt instead.
const INCREMENTAL_LIMIT: usize = 256;

/// From this many people on, a build from scratch runs on a background job: at 100,000
/// people it takes about 0.14 s (release), a visible stall. Below, it takes a few
/// milliseconds and runs in the frame, so a small list shows at once and never flickers.
pub const BACKGROUND_FROM: usize = 5_000;

/// Where the list stands after [`PeopleList::sync_in_background`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ListStatus {
    /// The rows are up to date.
    Ready,
    /// The list is being built on a background job; there are no rows to show yet.
    Building {
        /// How many people are being sorted.
        people: usize,
        /// How far the job got, from 0 to 1.
        fraction: f32,
    },
}

/// A build running on a background job, and what it builds.
#[derive(Debug)]
struct Building {
    job: Job<Option<Index>>,
    basis: Basis,
    people: usize,
}

impl Drop for Building {
    fn drop(&mut self) {
        // Nobody waits for this build any more (another language or sort column, another
        // project opened): its thread stops at its next step.
        self.job.progress().cancel();
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
    /// A build from scratch running on a background job.
    building: Option<Building>,
    /// A build on a job failed (a bug): build in the frame from then on.
    inline_only: bool,
}

impl PeopleList {
    /// Like [`Self::sync`], but a large list (from [`BACKGROUND_FROM`] people) that must
    /// be built from scratch is built on a background job from a snapshot of the project
    /// (a clone of its persistent maps is a pointer copy). Meanwhile the status says how
    /// far the job got and the rows are empty; once it is done, the list catches up with
    /// the edits made since through the document's journal, or builds again if the
    /// journal does not reach back that far. The caller keeps the window drawing while
    /// the status is [`ListStatus::Building`].
    pub fn sync_in_background(
        &mut self,
        doc: &Document,
        prefer_chinese: bool,
        sort: SortState,
        query: &str,
    ) -> ListStatus {
        let wanted = Basis {
            revision: doc.revision(),
            prefer_chinese,
            column: sort.column,
        };
        if let Some(status) = self.poll_build(&wanted) {
            return status;
        }
        if !self.inline_only
            && doc.project().people.len() >= BACKGROUND_FROM
            && self.needs_full_build(doc, &wanted)
        {
            return self.spawn_build(doc, wanted);
        }
        self.sync(doc, prefer_chinese, sort, query);
        ListStatus::Ready
    }

    /// Whether a build runs on a background job (until its thread ends; the result is
    /// taken in at the next sync).
    pub fn is_building(&self) -> bool {
        self.building.as_ref().is_some_and(|b| !b.job.is_finished())
    }

    /// Whether the rows are missing because a build has not been taken in yet: a finder
    /// of namesakes must wait.
    pub fn is_pending(&self) -> bool {
        self.building.is_some()
    }

    /// Takes in a build that finished; returns the status to show while one still runs.
    fn poll_build(&mut self, wanted: &Basis) -> Option<ListStatus> {
        let building = self.building.as_mut()?;
        if !building.basis.same_order(wanted) {
            // Built for another language or sort column: of no use any more.
            self.building = None;
            return None;
        }
        match building.job.poll() {
            Poll::Running => {
                return Some(ListStatus::Building {
                    people: building.people,
                    fraction: building.job.progress().fraction().unwrap_or(0.0),
                });
            }
            Poll::Done(Some(index)) => self.install(index),
            // Only a dropped build is cancelled, and that one is never polled.
            Poll::Done(None) => {}
            Poll::Panicked(message) => {
                log::error!("building the people list failed: {message}");
                self.inline_only = true;
            }
        }
        self.building = None;
        None
    }

    /// Whether bringing the list to `wanted` means building it from scratch.
    fn needs_full_build(&self, doc: &Document, wanted: &Basis) -> bool {
        match &self.basis {
            Some(old) if old.same_order(wanted) => {
                old.revision != wanted.revision
                    && touched_people(doc.changes_since(old.revision)).is_none()
            }
            _ => true,
        }
    }

    /// Starts building the list for `basis` from a snapshot of the project.
    fn spawn_build(&mut self, doc: &Document, basis: Basis) -> ListStatus {
        let project = doc.project().clone();
        let people = project.people.len();
        let job = Job::spawn(format!("sorting {people} people"), move |progress| {
            build_index(&project, basis, progress)
        });
        self.building = Some(Building { job, basis, people });
        ListStatus::Building {
            people,
            fraction: 0.0,
        }
    }

    /// Replaces the entries by a build from scratch; the next sync filters them and
    /// catches up with the edits made since the build's snapshot.
    fn install(&mut self, index: Index) {
        let Index {
            basis,
            keys,
            search,
        } = index;
        // The old list was built on a job thread too: freed off the UI thread (13 ms for
        // 150,000 people here).
        let old_keys = std::mem::replace(&mut self.keys, keys);
        let old_search = self.take_search_text();
        let large = old_keys.len() >= BACKGROUND_FROM;
        crate::workspace::drop_in_background((old_keys, old_search), large);
        self.set_search_text(search);
        self.basis = Some(basis);
        self.matches = None;
        self.query.clear();
    }

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
            Some(old) if old.same_order(&basis) => {
                changed = self.apply_changes(project, &basis, doc.changes_since(old.revision));
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
    /// Applies the journal's changes (`None`: the journal does not reach back that far);
    /// returns whether any row changed.
    fn apply_changes(
        &mut self,
        project: &Project,
        basis: &Basis,
        changes: Option<Vec<&Touched>>,
    ) -> bool {
        let Some(people) = touched_people(changes) else {
            self.rebuild(project, *basis);
            return true;
        };
        if people.is_empty() {
            return false;
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
        // Without a progress to report to, the build runs to its end.
        self.keys = build_keys(project, &basis, None).unwrap_or_default();
        self.basis = Some(basis);
        self.text_stale = true;
    }

    /// The folded search text of everyone, in list order.
    fn rebuild_text(&mut self, project: &Project) {
        let search = search_text(project, &self.keys, None).unwrap_or_default();
        self.set_search_text(search);
    }

    /// The search text, taken out (to be freed elsewhere).
    fn take_search_text(&mut self) -> SearchText {
        SearchText {
            text: std::mem::take(&mut self.text),
            starts: std::mem::take(&mut self.starts),
            facets: std::mem::take(&mut self.facets),
        }
    }

    fn set_search_text(&mut self, search: SearchText) {
        let SearchText {
            text,
            starts,
            facets,
        } = search;
        self.text = text;
        self.starts = starts;
        self.facets = facets;
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

/// The people `changes` touched, each once; `None` when the list must be built from
/// scratch instead: the journal does not reach back (`changes` is `None`), an
/// organisation changed (its name is part of its people's sort key and search text), or
/// too many people changed for moving them one by one to pay.
fn touched_people(changes: Option<Vec<&Touched>>) -> Option<Vec<&PersonId>> {
    let mut people: Vec<&PersonId> = Vec::new();
    for change in changes? {
        match change {
            Touched::Organisation(_) => return None,
            Touched::Person(id) => {
                people.push(id);
                // A large import touches tens of thousands: rebuilding beats sorting
                // them here only to find out (the same person may be touched more than
                // once, hence the margin).
                if people.len() > 4 * INCREMENTAL_LIMIT {
                    return None;
                }
            }
            Touched::Info | Touched::Meeting(_) | Touched::Commitment(_) => {}
        }
    }
    people.sort();
    people.dedup();
    (people.len() <= INCREMENTAL_LIMIT).then_some(people)
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

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;
    use crate::document::Edit;
    use crate::model::Person;
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

    /// Syncs in the background until the list is ready (a minute at most).
    fn wait_ready(list: &mut PeopleList, doc: &Document, zh: bool, sort: SortState, query: &str) {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
        while list.sync_in_background(doc, zh, sort, query) != ListStatus::Ready {
            assert!(
                std::time::Instant::now() < deadline,
                "the build did not finish"
            );
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
        assert!(!list.is_building() && !list.is_pending());
    }

    #[test]
    fn a_small_list_is_built_in_the_frame() {
        let doc = Document::unsaved(generate(Size::people(BACKGROUND_FROM / 10), 2), false);
        let mut list = PeopleList::default();
        let status = list.sync_in_background(&doc, false, SortState::default(), "");
        assert_eq!(status, ListStatus::Ready);
        assert!(!list.is_pending());
        assert_eq!(rows(&list), fresh(&doc, false, SortState::default(), ""));
    }

    #[test]
    fn a_large_list_is_built_on_a_job_and_catches_up_with_edits_made_meanwhile() {
        let mut doc = Document::unsaved(generate(Size::people(BACKGROUND_FROM + 500), 5), false);
        let n = doc.project().people.len();
        let sort = SortState::default();
        let mut list = PeopleList::default();
        // The first sync only starts the job: nothing is built in the frame.
        let status = list.sync_in_background(&doc, false, sort, "");
        assert!(matches!(status, ListStatus::Building { people, .. } if people == n));
        assert!(list.is_empty() && list.is_pending());
        // Edits while it runs: one person renamed to the front, one removed, one added.
        let first = doc.project().people.keys().next().unwrap().clone();
        let mut renamed = doc.project().people[&first].clone();
        renamed.family_name = "AAAA".into();
        doc.apply(Edit::PutPerson(first, renamed));
        let last = doc.project().people.keys().next_back().unwrap().clone();
        doc.apply(Edit::delete_person(doc.project(), &last));
        doc.apply(Edit::PutPerson("new".into(), Person::default()));
        wait_ready(&mut list, &doc, false, sort, "aaaa");
        assert_eq!(rows(&list), fresh(&doc, false, sort, "aaaa"));
        list.sync_in_background(&doc, false, sort, "");
        assert_eq!(rows(&list), fresh(&doc, false, sort, ""));
        assert_eq!(list.len(), n);
        // Small edits after that are moved in place, in the frame.
        let id = list.get(10).unwrap().clone();
        doc.apply(Edit::delete_person(doc.project(), &id));
        assert_eq!(
            list.sync_in_background(&doc, false, sort, ""),
            ListStatus::Ready
        );
        assert_eq!(rows(&list), fresh(&doc, false, sort, ""));
    }

    #[test]
    fn another_order_or_an_organisation_edit_builds_again_on_a_job() {
        let mut doc = Document::unsaved(generate(Size::people(BACKGROUND_FROM + 500), 6), false);
        let by_org = SortState {
            column: 1,
            descending: false,
        };
        let mut list = PeopleList::default();
        assert_ne!(
            list.sync_in_background(&doc, false, by_org, ""),
            ListStatus::Ready
        );
        // Chinese asked for before the English build is done: that one is dropped.
        assert_ne!(
            list.sync_in_background(&doc, true, by_org, ""),
            ListStatus::Ready
        );
        wait_ready(&mut list, &doc, true, by_org, "");
        assert_eq!(rows(&list), fresh(&doc, true, by_org, ""));
        // An organisation's name is in its people's sort keys: a new build, on a job.
        let (org_id, org) = doc.project().organisations.iter().next().unwrap();
        let (org_id, mut org) = (org_id.clone(), org.clone());
        org.name.zh = "阿".into();
        doc.apply(Edit::PutOrganisation(org_id, org));
        assert_ne!(
            list.sync_in_background(&doc, true, by_org, ""),
            ListStatus::Ready
        );
        wait_ready(&mut list, &doc, true, by_org, "");
        assert_eq!(rows(&list), fresh(&doc, true, by_org, ""));
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
