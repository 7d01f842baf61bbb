//! A revised list is an update: for each person already in the project, the fields the
//! list changes, old → new. An empty field the list fills overwrites nothing and is taken
//! by default; a changed one is taken only when asked (the CLI's `--update`, or the user's
//! tick in the app's update preview).

use super::attendees::{Change, Field, OrganisationRef, ParsedPerson};
use crate::model::{
    Choice, Gender, Honorific, Meeting, Person, PersonalData, Project, fold_for_search,
};

/// Fills in `changes` of every matched person of `people`: fills are taken, changes are
/// taken when `take_changes`. With a meeting, the place of those already attending it
/// (side, role, status, order, attendance) is compared too.
pub fn find_changes(
    project: &Project,
    meeting: Option<&Meeting>,
    people: &mut [ParsedPerson],
    take_changes: bool,
) {
    let attending: std::collections::HashMap<&crate::model::PersonId, usize> = meeting
        .map(|m| {
            m.attendees
                .iter()
                .enumerate()
                .map(|(i, a)| (&a.person, i))
                .collect()
        })
        .unwrap_or_default();
    // The order a list of the meeting prints (each side's precedence, 1 for its first),
    // which is what an exported list's `Order` column holds and brings back.
    let mut printed: std::collections::HashMap<&crate::model::PersonId, u32> =
        std::collections::HashMap::new();
    if let Some(m) = meeting {
        let sides = m.sides.iter().map(|s| Some(&s.id)).chain([None]);
        for side in sides {
            for (i, a) in m.precedence(&project.people, side).into_iter().enumerate() {
                printed.insert(&a.person, u32::try_from(i + 1).unwrap_or(u32::MAX));
            }
        }
    }
    for entry in people.iter_mut() {
        entry.changes.clear();
        let Some(id) = entry.matched.clone() else {
            continue;
        };
        let Some(old) = project.people.get(&id) else {
            continue;
        };
        let mut changes = person_changes(project, old, entry);
        if let Some(m) = meeting
            && let Some(attendee) = attending.get(&id).and_then(|i| m.attendees.get(*i))
        {
            let order = printed.get(&id).copied().unwrap_or(attendee.rank);
            changes.extend(attendance_changes(m, attendee, order, entry));
        }
        for change in &mut changes {
            change.take = change.is_fill() || take_changes;
        }
        entry.changes = changes;
    }
}

fn change(field: Field, old: &str, new: &str) -> Change {
    Change {
        field,
        old: old.trim().to_owned(),
        new: new.trim().to_owned(),
        take: false,
    }
}

/// The person's own fields the list changes. Names compare without case or spaces (the
/// list's `HUANG` is the project's `Huang`); a Latin name made from pinyin never replaces
/// one the project has.
fn person_changes(project: &Project, old: &Person, entry: &ParsedPerson) -> Vec<Change> {
    let new = &entry.person;
    let mut out = Vec::new();
    if new.honorific != Honorific::None && new.honorific != old.honorific {
        out.push(change(
            Field::Honorific,
            old.honorific.abbreviation(),
            new.honorific.abbreviation(),
        ));
    }
    let names = [
        (Field::FamilyName, &old.family_name, &new.family_name),
        (Field::GivenName, &old.given_name, &new.given_name),
    ];
    for (field, o, n) in names {
        let differs = fold_for_search(n) != fold_for_search(o);
        if !n.trim().is_empty() && differs && (!entry.from_pinyin || o.trim().is_empty()) {
            out.push(change(field, o, n));
        }
    }
    let chinese = |s: &str| crate::model::normalize_chinese_name(s);
    if !new.chinese_name.trim().is_empty()
        && chinese(&new.chinese_name) != chinese(&old.chinese_name)
    {
        out.push(change(
            Field::ChineseName,
            &old.chinese_name,
            &new.chinese_name,
        ));
    }
    let org_name = |id: &crate::model::OrganisationId| project.organisation_name(id, false);
    match &entry.organisation {
        OrganisationRef::Existing(id) if old.organisation.as_ref() != Some(id) => {
            let before = old.organisation.as_ref().map(org_name).unwrap_or_default();
            out.push(change(Field::Organisation, &before, &org_name(id)));
        }
        OrganisationRef::New(org) => {
            let before = old.organisation.as_ref().map(org_name).unwrap_or_default();
            let name = if org.acronym.is_empty() {
                org.name.both()
            } else {
                org.acronym.clone()
            };
            out.push(change(Field::Organisation, &before, &name));
        }
        _ => {}
    }
    let texts = [
        (Field::Title, &old.title.en, &new.title.en),
        (Field::TitleZh, &old.title.zh, &new.title.zh),
        (Field::Email, &old.email, &new.email),
        (Field::Phone, &old.phone, &new.phone),
    ];
    for (field, o, n) in texts {
        if !n.trim().is_empty() && !same_text(field, o, n) {
            out.push(change(field, o, n));
        }
    }
    out.extend(personal_changes(&old.personal, &new.personal));
    if !new.notes.trim().is_empty() && !old.notes.contains(new.notes.trim()) {
        out.push(change(Field::Notes, &old.notes, &new.notes));
    }
    out
}

/// The personal fields a list changes: gender, date of birth, nationality, passport. A
/// passport number compares without spaces or case.
fn personal_changes(old: &PersonalData, new: &PersonalData) -> Vec<Change> {
    let mut out = Vec::new();
    if new.gender != Gender::Unspecified && new.gender != old.gender {
        let label = |g: Gender| {
            if g == Gender::Unspecified {
                String::new()
            } else {
                g.label_en().to_owned()
            }
        };
        out.push(change(
            Field::Gender,
            &label(old.gender),
            &label(new.gender),
        ));
    }
    let date = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    let dates = [
        (Field::DateOfBirth, old.date_of_birth, new.date_of_birth),
        (
            Field::PassportExpiry,
            old.passport_expiry,
            new.passport_expiry,
        ),
    ];
    for (field, o, n) in dates {
        if n.is_some() && n != o {
            out.push(change(field, &date(o), &date(n)));
        }
    }
    if !new.nationality.trim().is_empty()
        && fold_for_search(&new.nationality) != fold_for_search(&old.nationality)
    {
        out.push(change(
            Field::Nationality,
            &old.nationality,
            &new.nationality,
        ));
    }
    if !new.passport_number.trim().is_empty()
        && fold_for_search(&new.passport_number) != fold_for_search(&old.passport_number)
    {
        out.push(change(
            Field::PassportNumber,
            &old.passport_number,
            &new.passport_number,
        ));
    }
    out
}

/// Whether a list's value says the same as the project's, as people write it: a Chinese
/// title with or without the spaces that align it (`技术标准部 主任`), an English one
/// with a double space, an e-mail address in capitals, a phone number spaced or dashed
/// differently. Such a difference is no change to take.
fn same_text(field: Field, old: &str, new: &str) -> bool {
    let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let dialled = |s: &str| {
        s.chars()
            .filter(|c| c.is_ascii_digit() || *c == '+')
            .collect::<String>()
    };
    match field {
        Field::TitleZh => fold_for_search(old) == fold_for_search(new),
        Field::Email => old.trim().to_lowercase() == new.trim().to_lowercase(),
        Field::Phone if !dialled(new).is_empty() => dialled(old) == dialled(new),
        _ => words(old) == words(new),
    }
}

/// The changes to the place at the meeting of someone already attending it.
fn attendance_changes(
    m: &Meeting,
    a: &crate::model::Attendee,
    printed_order: u32,
    entry: &ParsedPerson,
) -> Vec<Change> {
    let cells = &entry.attendance;
    let mut out = Vec::new();
    if let Some(side) = &cells.side {
        let current = a.side.as_ref().and_then(|s| m.side(s));
        let same = current.is_some_and(|s| {
            let key = fold_for_search(side);
            [
                s.name.both(),
                s.name.en.clone(),
                s.name.zh.clone(),
                s.id.0.clone(),
            ]
            .iter()
            .any(|n| fold_for_search(n) == key)
        });
        if !same {
            let before = current.map(|s| s.name.both()).unwrap_or_default();
            out.push(change(Field::Side, &before, side));
        }
    }
    let choices = [
        (
            Field::Role,
            cells
                .role
                .map(|r| (r != a.role, a.role.label_en(), r.label_en())),
        ),
        (
            Field::Status,
            cells
                .status
                .map(|s| (s != a.status, a.status.label_en(), s.label_en())),
        ),
        (
            Field::Attendance,
            cells
                .mode
                .map(|s| (s != a.mode, a.mode.label_en(), s.label_en())),
        ),
    ];
    for (field, found) in choices {
        if let Some((true, old, new)) = found {
            out.push(change(field, old, new));
        }
    }
    // Compared with the order the list printed, not the rank as notified: a list
    // exported and read back unchanged changes nothing.
    if let Some(rank) = cells.rank
        && rank != printed_order
    {
        out.push(change(
            Field::Order,
            &printed_order.to_string(),
            &rank.to_string(),
        ));
    }
    out
}
