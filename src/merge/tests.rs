#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // A test: a panic is a failed test.

use serde::{Deserialize, Serialize};

use super::tree::{Node, from_node, to_node};
use super::*;
use crate::model::{AgendaItem, Attendee, ItemId, MeetingId, Person, PersonId, Project, Versions};

fn sample() -> Project {
    crate::samples::ccaa_afnor().unwrap()
}

fn person<'a>(p: &'a mut Project, id: &str) -> &'a mut Person {
    p.people.get_mut(id).unwrap()
}

fn paris(p: &mut Project) -> &mut crate::model::Meeting {
    p.meetings.get_mut("paris-2024").unwrap()
}

fn choose(merged: &Merged, side: Side) -> Choices {
    merged
        .conflicts
        .iter()
        .map(|c| (c.id.clone(), side))
        .collect()
}

#[test]
fn a_field_changed_on_one_side_is_taken_and_the_same_change_once() {
    let base = sample();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    person(&mut ours, "huang-jixian").email = "huang@ccaa.org.cn".into();
    person(&mut theirs, "huang-jixian").phone = "+86 10 0000 0000".into();
    person(&mut ours, "fang-yan").notes = "Vegetarian".into();
    person(&mut theirs, "fang-yan").notes = "Vegetarian".into();
    let merged = merge(Some(&base), &ours, &theirs, &Choices::new());
    assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
    let huang = &merged.project.people["huang-jixian"];
    assert_eq!(huang.email, "huang@ccaa.org.cn");
    assert_eq!(huang.phone, "+86 10 0000 0000");
    assert_eq!(merged.project.people["fang-yan"].notes, "Vegetarian");
}

#[test]
fn a_field_changed_two_ways_is_a_conflict_mine_until_theirs_is_chosen() {
    let base = sample();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    person(&mut ours, "huang-jixian").title.en = "Secretary-General".into();
    person(&mut theirs, "huang-jixian").title.en = "Deputy Secretary-General".into();
    person(&mut theirs, "huang-jixian").email = "hjx@example.org".into();
    let merged = merge(Some(&base), &ours, &theirs, &Choices::new());
    assert_eq!(merged.conflicts.len(), 1);
    let conflict = &merged.conflicts[0];
    assert_eq!(conflict.id.entity, EntityRef::Person("huang-jixian".into()));
    assert_eq!(conflict.id.path, "title/en");
    assert_eq!(conflict.kind, ConflictKind::Changed);
    assert_eq!(conflict.chosen, Side::Ours);
    assert_eq!(
        conflict.theirs,
        Some(Node::Str("Deputy Secretary-General".into()))
    );
    let huang = &merged.project.people["huang-jixian"];
    assert_eq!(huang.title.en, "Secretary-General");
    assert_eq!(huang.email, "hjx@example.org", "the rest still comes in");

    // Choosing theirs, from the first merge's record of the conflicted entities.
    let again = remerge(
        &merged.project,
        &merged.pending,
        &choose(&merged, Side::Theirs),
    );
    assert_eq!(
        again.project.people["huang-jixian"].title.en,
        "Deputy Secretary-General"
    );
    assert_eq!(
        again.project.people["huang-jixian"].email,
        "hjx@example.org"
    );
    assert_eq!(again.conflicts[0].chosen, Side::Theirs);
    let base_chosen = remerge(
        &merged.project,
        &merged.pending,
        &choose(&merged, Side::Base),
    );
    assert_eq!(
        base_chosen.project.people["huang-jixian"].title.en,
        base.people["huang-jixian"].title.en
    );
    // A full merge with the choice gives the same.
    let direct = merge(Some(&base), &ours, &theirs, &choose(&merged, Side::Theirs));
    assert_eq!(direct.project, again.project);
}

#[test]
fn deleted_on_one_side_and_edited_on_the_other_is_a_conflict() {
    let base = sample();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    ours.people.remove("zhang-peter");
    person(&mut theirs, "zhang-peter").email = "peter@example.org".into();
    // Deleted on one side and untouched on the other: deleted, no question.
    theirs.people.remove("tsai-august");
    let merged = merge(Some(&base), &ours, &theirs, &Choices::new());
    assert!(!merged.project.people.contains_key("tsai-august"));
    assert_eq!(merged.conflicts.len(), 1);
    assert_eq!(merged.conflicts[0].kind, ConflictKind::RemovedByOurs);
    assert!(!merged.project.people.contains_key("zhang-peter"));
    let kept = merge(Some(&base), &ours, &theirs, &choose(&merged, Side::Theirs));
    assert_eq!(
        kept.project.people["zhang-peter"].email,
        "peter@example.org"
    );
}

#[test]
fn a_move_on_one_side_and_an_addition_on_the_other_both_survive() {
    let base = sample();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    // Mine moves the photo to the front; theirs adds a coffee break after the welcome
    // and renames the conclusions.
    let items = &mut paris(&mut ours).days[0].items;
    let photo = items.pop().unwrap();
    items.insert(0, photo);
    let items = &mut paris(&mut theirs).days[0].items;
    items.insert(
        1,
        AgendaItem {
            id: ItemId::from("coffee"),
            duration_minutes: 15,
            ..Default::default()
        },
    );
    items[4].title.en = "Conclusions and next steps".into();
    let merged = merge(Some(&base), &ours, &theirs, &Choices::new());
    assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
    let ids: Vec<&str> = merged.project.meetings["paris-2024"].days[0]
        .items
        .iter()
        .map(|i| i.id.as_str())
        .collect();
    assert_eq!(
        ids,
        [
            "photo",
            "welcome",
            "coffee",
            "past-cooperation",
            "cooperation-points",
            "conclusions"
        ]
    );
    assert_eq!(
        merged.project.meetings["paris-2024"].days[0].items[5]
            .title
            .en,
        "Conclusions and next steps"
    );
}

#[test]
fn two_reorderings_are_a_conflict_about_the_order() {
    let base = sample();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    paris(&mut ours).days[0].items.reverse();
    paris(&mut theirs).days[0].items.swap(0, 1);
    let merged = merge(Some(&base), &ours, &theirs, &Choices::new());
    assert_eq!(merged.conflicts.len(), 1);
    assert_eq!(merged.conflicts[0].kind, ConflictKind::Order);
    assert_eq!(merged.conflicts[0].id.path, "days/#0/items/~order");
    let theirs_order = merge(Some(&base), &ours, &theirs, &choose(&merged, Side::Theirs));
    assert_eq!(
        theirs_order.project.meetings["paris-2024"].days[0].items,
        theirs.meetings["paris-2024"].days[0].items
    );
}

#[test]
fn attendees_keep_protocol_order_changes_and_additions() {
    let base = sample();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    let m = paris(&mut ours);
    m.attendees.swap(1, 2);
    let m = paris(&mut theirs);
    m.attendees
        .push(Attendee::new(PersonId::from("zhang-peter")));
    m.attendees[0].status = crate::model::AttendanceStatus::Attended;
    let merged = merge(Some(&base), &ours, &theirs, &Choices::new());
    assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
    let m = &merged.project.meetings["paris-2024"];
    let mut expected = ours.meetings["paris-2024"].attendees.clone();
    expected[0].status = crate::model::AttendanceStatus::Attended;
    expected.push(Attendee::new(PersonId::from("zhang-peter")));
    assert_eq!(m.attendees, expected);
}

#[test]
fn long_text_is_merged_line_by_line_before_it_is_a_conflict() {
    let mut base = sample();
    paris(&mut base).minutes = "Opening.\nPast cooperation.\nCooperation points.\nClosing.".into();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    paris(&mut ours).minutes =
        "Opening by HUANG Jixian.\nPast cooperation.\nCooperation points.\nClosing.".into();
    paris(&mut theirs).minutes =
        "Opening.\nPast cooperation.\nCooperation points.\nClosing with a photo.".into();
    let merged = merge(Some(&base), &ours, &theirs, &Choices::new());
    assert!(merged.conflicts.is_empty());
    assert_eq!(
        merged.project.meetings["paris-2024"].minutes,
        "Opening by HUANG Jixian.\nPast cooperation.\nCooperation points.\nClosing with a photo."
    );
    // The same line changed two ways: a conflict on the text.
    paris(&mut theirs).minutes =
        "Opening by AUGEREAU LANDAIS.\nPast cooperation.\nCooperation points.\nClosing.".into();
    let merged = merge(Some(&base), &ours, &theirs, &Choices::new());
    assert_eq!(merged.conflicts.len(), 1);
    assert_eq!(merged.conflicts[0].kind, ConflictKind::Text);
    assert_eq!(
        merged.project.meetings["paris-2024"].minutes,
        ours.meetings["paris-2024"].minutes
    );
}

#[test]
fn lists_without_ids_keep_additions_from_both_sides() {
    let base = sample();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    let id = crate::model::CommitmentId::from("mutual-recognition");
    let entry = |day: u32, note: &str| crate::model::ProgressEntry {
        date: chrono::NaiveDate::from_ymd_opt(2025, 1, day).unwrap(),
        note: crate::model::Bilingual::en(note),
        status: None,
        meeting: None,
    };
    ours.commitments
        .get_mut(&id)
        .unwrap()
        .progress
        .push(entry(20, "CNCA contacted"));
    theirs
        .commitments
        .get_mut(&id)
        .unwrap()
        .progress
        .push(entry(10, "Draft sent"));
    ours.commitments
        .get_mut(&id)
        .unwrap()
        .topics
        .push("ISO 9001".into());
    let merged = merge(Some(&base), &ours, &theirs, &Choices::new());
    assert!(merged.conflicts.is_empty());
    let c = &merged.project.commitments[&id];
    let notes: Vec<&str> = c
        .progress
        .iter()
        .rev()
        .take(2)
        .map(|e| e.note.en.as_str())
        .collect();
    assert_eq!(notes, ["CNCA contacted", "Draft sent"], "both, by date");
    assert!(c.topics.contains(&"ISO 9001".to_owned()));
    // Symmetric: the same list whichever side is mine.
    let swapped = merge(Some(&base), &theirs, &ours, &Choices::new());
    assert_eq!(swapped.project.commitments[&id], *c);
}

#[test]
fn people_added_twice_under_two_ids_are_probable_duplicates() {
    let base = sample();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    let newcomer = Person {
        family_name: "Li".into(),
        given_name: "Wei".into(),
        chinese_name: "李 伟".into(),
        organisation: Some("ccaa".into()),
        ..Default::default()
    };
    ours.people.insert("li-wei".into(), newcomer.clone());
    theirs.people.insert(
        "li-wei-2".into(),
        Person {
            chinese_name: "李伟".into(),
            email: "li@example.org".into(),
            ..newcomer.clone()
        },
    );
    // Same name, another organisation: not the same person.
    theirs.people.insert(
        "li-wei-afnor".into(),
        Person {
            organisation: Some("afnor".into()),
            ..newcomer
        },
    );
    let merged = merge(Some(&base), &ours, &theirs, &Choices::new());
    assert!(merged.conflicts.is_empty());
    assert_eq!(
        merged.duplicates,
        [Duplicate {
            ours: "li-wei".into(),
            theirs: "li-wei-2".into()
        }]
    );
}

#[test]
fn without_a_common_version_every_difference_is_a_question() {
    let base = sample();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    person(&mut ours, "huang-jixian").email = "a@example.org".into();
    theirs.people.remove("zhang-peter");
    let merged = merge(None, &ours, &theirs, &Choices::new());
    let kinds: Vec<(String, ConflictKind)> = merged
        .conflicts
        .iter()
        .map(|c| (format!("{:?}", c.id.entity), c.kind))
        .collect();
    assert_eq!(kinds.len(), 2, "{kinds:?}");
    assert!(kinds.contains(&(
        "Person(PersonId(\"zhang-peter\"))".into(),
        ConflictKind::OnlyOurs
    )));
    assert_eq!(merged.project, ours, "mine until chosen");
    let theirs_everywhere = merge(None, &ours, &theirs, &choose(&merged, Side::Theirs));
    assert_eq!(theirs_everywhere.project.people, theirs.people);
}

#[test]
fn without_a_common_version_a_different_order_is_a_question() {
    let base = sample();
    let (ours, mut theirs) = (base.clone(), base.clone());
    paris(&mut theirs).days[0].items.swap(0, 1);
    let merged = merge(None, &ours, &theirs, &Choices::new());
    let kinds: Vec<ConflictKind> = merged.conflicts.iter().map(|c| c.kind).collect();
    assert_eq!(kinds, [ConflictKind::Order]);
    assert_eq!(merged.project, ours, "mine until chosen");
    let theirs_chosen = merge(None, &ours, &theirs, &choose(&merged, Side::Theirs));
    assert_eq!(theirs_chosen.project.meetings, theirs.meetings);
}

#[test]
fn what_comes_in_is_said_per_entity() {
    let base = sample();
    let (ours, mut theirs) = (base.clone(), base.clone());
    person(&mut theirs, "huang-jixian").email = "x@example.org".into();
    theirs.people.remove("zhang-peter");
    theirs.people.insert("new".into(), Person::default());
    paris(&mut theirs).minutes.push_str(" More.");
    let merged = merge(Some(&base), &ours, &theirs, &Choices::new());
    let changes = incoming(&ours, &merged.project);
    assert_eq!(
        changes,
        [
            Change {
                entity: EntityRef::Person("huang-jixian".into()),
                kind: ChangeKind::Changed(vec!["email"]),
            },
            Change {
                entity: EntityRef::Person("new".into()),
                kind: ChangeKind::Added,
            },
            Change {
                entity: EntityRef::Person("zhang-peter".into()),
                kind: ChangeKind::Removed,
            },
            Change {
                entity: EntityRef::Meeting(MeetingId::from("paris-2024")),
                kind: ChangeKind::Changed(vec!["minutes"]),
            },
        ]
    );
}

/// A type the merge code has never heard of, with the kinds of fields this round adds
/// (a seating plan, a note's audience, personal data): merged field by field all the same.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct Future {
    name: String,
    passport_number: Option<String>,
    audience: Audience,
    seats: Vec<Seat>,
    remarks: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
enum Audience {
    Internal,
    Partners,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct Seat {
    person: PersonId,
    number: u32,
}

#[test]
fn fields_the_merge_code_never_names_are_merged_too() {
    let base = Future {
        name: "Talks".into(),
        passport_number: None,
        audience: Audience::Internal,
        seats: vec![
            Seat {
                person: "a".into(),
                number: 1,
            },
            Seat {
                person: "b".into(),
                number: 2,
            },
        ],
        remarks: "one\ntwo\nthree".into(),
    };
    let mut ours = base.clone();
    ours.name = "Bilateral talks".into();
    ours.seats[1].number = 3;
    ours.remarks = "one!\ntwo\nthree".into();
    let mut theirs = base.clone();
    theirs.passport_number = Some("E12345678".into());
    theirs.audience = Audience::Partners;
    theirs.seats.push(Seat {
        person: "c".into(),
        number: 4,
    });
    theirs.remarks = "one\ntwo\nthree?".into();
    let versions = Versions {
        base: Some(base),
        ours: Some(ours),
        theirs: Some(theirs),
    };
    let (merged, conflicts) = merge_value(EntityRef::Project, true, &versions, &Choices::new());
    assert!(conflicts.is_empty(), "{conflicts:?}");
    let merged = merged.unwrap();
    assert_eq!(merged.name, "Bilateral talks");
    assert_eq!(merged.passport_number.as_deref(), Some("E12345678"));
    assert_eq!(merged.audience, Audience::Partners);
    assert_eq!(
        merged.seats.iter().map(|s| s.number).collect::<Vec<_>>(),
        [1, 3, 4]
    );
    assert_eq!(merged.remarks, "one!\ntwo\nthree?");
}

/// `node` with every value made as empty as it can be (text empty, numbers zero, options
/// none, lists empty).
fn blank(node: &Node) -> Node {
    match node {
        Node::Str(_) => Node::Str(String::new()),
        Node::U64(_) => Node::U64(0),
        Node::I64(_) => Node::I64(0),
        Node::Bool(_) => Node::Bool(false),
        Node::Some(_) => Node::None,
        Node::Seq(_) => Node::Seq(Vec::new()),
        Node::Map(_) => Node::Map(Vec::new()),
        Node::Struct(fields) => Node::Struct(fields.iter().map(|(n, v)| (*n, blank(v))).collect()),
        other => other.clone(),
    }
}

/// Splits the fields of `value` between two versions against a blanked base: mine gets the
/// fields at even places, theirs the others; fields that cannot be blanked stay as they are.
fn split<V: Serialize + serde::de::DeserializeOwned + Clone>(value: &V) -> (V, V, V) {
    let Node::Struct(fields) = to_node(value).unwrap() else {
        panic!("an entity is a struct");
    };
    let mut base = fields.clone();
    for i in 0..fields.len() {
        let mut candidate = base.clone();
        candidate[i].1 = blank(&fields[i].1);
        if from_node::<V>(Node::Struct(candidate.clone())).is_ok() {
            base = candidate;
        }
    }
    let pick = |even: bool| -> Vec<(&'static str, Node)> {
        base.iter()
            .zip(&fields)
            .enumerate()
            .map(|(i, (b, f))| {
                if (i % 2 == 0) == even {
                    f.clone()
                } else {
                    b.clone()
                }
            })
            .collect()
    };
    (
        from_node(Node::Struct(base.clone())).unwrap(),
        from_node(Node::Struct(pick(true))).unwrap(),
        from_node(Node::Struct(pick(false))).unwrap(),
    )
}

#[test]
fn every_field_of_the_v4_fixture_survives_a_merge() {
    let v4 =
        crate::project_file::read_project(std::path::Path::new("tests/formats/v4.ron")).unwrap();
    let (mut base, mut ours, mut theirs) = (v4.clone(), v4.clone(), v4.clone());
    for (id, p) in &v4.people {
        let (b, o, t) = split(p);
        base.people.insert(id.clone(), b);
        ours.people.insert(id.clone(), o);
        theirs.people.insert(id.clone(), t);
    }
    for (id, o) in &v4.organisations {
        let (b, m, t) = split(o);
        base.organisations.insert(id.clone(), b);
        ours.organisations.insert(id.clone(), m);
        theirs.organisations.insert(id.clone(), t);
    }
    for (id, m) in &v4.meetings {
        let (b, o, t) = split(m);
        base.meetings.insert(id.clone(), b);
        ours.meetings.insert(id.clone(), o);
        theirs.meetings.insert(id.clone(), t);
    }
    for (id, c) in &v4.commitments {
        let (b, o, t) = split(c);
        base.commitments.insert(id.clone(), b);
        ours.commitments.insert(id.clone(), o);
        theirs.commitments.insert(id.clone(), t);
    }
    assert_ne!(ours, v4);
    assert_ne!(theirs, v4);
    let merged = merge(Some(&base), &ours, &theirs, &Choices::new());
    assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
    assert_eq!(merged.project, v4);
}

#[test]
fn merging_with_an_unchanged_side_gives_the_other_side() {
    let base = sample();
    let mut changed = base.clone();
    person(&mut changed, "wang-qian").given_name = "Qian".into();
    changed.people.remove("zhang-peter");
    paris(&mut changed).days[0].items.reverse();
    let merged = merge(Some(&base), &base, &changed, &Choices::new());
    assert_eq!(merged.project, changed);
    let merged = merge(Some(&base), &changed, &base, &Choices::new());
    assert_eq!(merged.project, changed);
}
