//! Who a speaker written on a line is: one of the project's people, or a guest speaker
//! not in the project yet (whom the preview offers to add, with the organisation written
//! in brackets: `Mr. Helge ENGELHARD (BMWi)`).

use std::collections::HashMap;

use crate::model::{Meeting, PersonId, Project, fold_for_search, normalize_chinese_name};

/// The project's people by every form their name is written in, built once per paste so
/// that matching 16,000 lines costs 16,000 look-ups, not 16,000 scans of the registry.
#[derive(Debug, Default)]
pub struct PeopleIndex {
    by_form: HashMap<String, Vec<PersonId>>,
}

impl PeopleIndex {
    /// The index of `project`'s people.
    pub fn new(project: &Project) -> Self {
        let mut by_form: HashMap<String, Vec<PersonId>> = HashMap::new();
        for (id, p) in &project.people {
            let (family, given) = (
                fold_for_search(&p.family_name),
                fold_for_search(&p.given_name),
            );
            let family_given = format!("{family}{given}");
            let given_family = format!("{given}{family}");
            let chinese = fold_for_search(&normalize_chinese_name(&p.chinese_name));
            let mut forms = vec![family_given.clone(), given_family.clone()];
            if !chinese.is_empty() {
                forms.extend([
                    chinese.clone(),
                    format!("{family_given}{chinese}"),
                    format!("{given_family}{chinese}"),
                ]);
            }
            forms.sort();
            forms.dedup();
            for form in forms.into_iter().filter(|f| !f.is_empty()) {
                by_form.entry(form).or_default().push(id.clone());
            }
        }
        Self { by_form }
    }

    /// The one person a written name refers to, preferring the meeting's attendees.
    ///
    /// A name matches in either order and either script, ignoring case, honorifics,
    /// spaces and an organisation in brackets (`Dr. Betty XU`, `XU Betty`, `黄继先`,
    /// `HUANG Jixian 黄继先`, `Mr. LIU Jiang (CQC)`).
    pub fn find(&self, text: &str, meeting: Option<&Meeting>) -> Option<PersonId> {
        let (name, _) = split_organisation(text);
        let written = fold_for_search(strip_honorific(name));
        if written.is_empty() {
            return None;
        }
        match self.by_form.get(&written)?.as_slice() {
            [one] => Some(one.clone()),
            [] => None,
            many => {
                // Several people share the name: the one attending this meeting, if unique.
                let attending: Vec<&PersonId> = many
                    .iter()
                    .filter(|id| {
                        meeting.is_some_and(|m| m.attendees.iter().any(|a| &a.person == *id))
                    })
                    .collect();
                match attending.as_slice() {
                    [one] => Some((*one).clone()),
                    _ => None,
                }
            }
        }
    }
}

/// A name and the organisation written after it in brackets: `Mr. Helge ENGELHARD (BMWi)`
/// gives `Mr. Helge ENGELHARD` and `BMWi`.
pub fn split_organisation(text: &str) -> (&str, Option<&str>) {
    let t = text.trim();
    let Some(inner) = t.strip_suffix(')').or_else(|| t.strip_suffix('）')) else {
        return (t, None);
    };
    let open = inner.rfind('(').or_else(|| inner.rfind('（'));
    let Some(open) = open else {
        return (t, None);
    };
    let bracket_len = if inner.get(open..).is_some_and(|s| s.starts_with('（')) {
        '（'.len_utf8()
    } else {
        1
    };
    let name = inner.get(..open).unwrap_or_default().trim();
    let org = inner.get(open + bracket_len..).unwrap_or_default().trim();
    if name.is_empty() || org.is_empty() {
        return (t, None);
    }
    (name, Some(org))
}

fn strip_honorific(text: &str) -> &str {
    let t = text.trim();
    for h in [
        "Mr.", "Ms.", "Mrs.", "Dr.", "Prof.", "H.E.", "Mr ", "Ms ", "Mrs ", "Dr ", "Prof ",
    ] {
        if let Some(rest) = t.strip_prefix(h) {
            return rest.trim();
        }
    }
    t
}

/// The one person a written name refers to, preferring the meeting's attendees (see
/// [`PeopleIndex::find`]; this builds the index for one name).
pub fn match_person(text: &str, project: &Project, meeting: Option<&Meeting>) -> Option<PersonId> {
    PeopleIndex::new(project).find(text, meeting)
}
