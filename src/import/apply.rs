//! A confirmed preview turned into one edit (one undo step): new people and their new
//! organisations, the changes taken for people already there, and, with a meeting, every
//! person's place at it (side, role, status, order, attendance) as the list gives it.

use std::collections::{HashMap, HashSet};

use super::attendees::{AttendanceCells, Field, ImportSummary, OrganisationRef, ParsedPerson};
use crate::document::Edit;
use crate::model::{
    AttendanceRole, Attendee, Bilingual, Meeting, MeetingId, Organisation, OrganisationId, Person,
    PersonId, Project, Side, SideId,
};

/// The key new organisations of one import are merged by.
fn new_org_key(org: &Organisation) -> String {
    crate::model::fold_for_search(&format!("{}|{}|{}", org.acronym, org.name.en, org.name.zh))
}

/// Hands out ids not yet taken by this import, starting each base where the last one
/// stopped: 5,000 people called 王伟 cost 5,000 steps, not 12.5 million.
#[derive(Default)]
struct FreshIds {
    taken: HashSet<String>,
    next: HashMap<String, u64>,
}

impl FreshIds {
    /// `base` itself if free, else `base-2`, `base-3`… (as before: the same ids).
    fn claim(&mut self, base: &str) -> String {
        if self.taken.insert(base.to_owned()) {
            return base.to_owned();
        }
        let n = self.next.entry(base.to_owned()).or_insert(2);
        loop {
            let candidate = format!("{base}-{n}");
            *n += 1;
            if self.taken.insert(candidate.clone()) {
                return candidate;
            }
        }
    }
}

/// New organisations of one import, each added once under a fresh id.
struct NewOrganisations<'p> {
    project: &'p Project,
    by_key: HashMap<String, OrganisationId>,
    taken: HashSet<OrganisationId>,
    next: HashMap<String, u64>,
}

impl<'p> NewOrganisations<'p> {
    fn new(project: &'p Project) -> Self {
        Self {
            project,
            by_key: HashMap::new(),
            taken: HashSet::new(),
            next: HashMap::new(),
        }
    }

    /// The id of `org`, adding it to `edits` and `summary` the first time.
    fn resolve(
        &mut self,
        org: &OrganisationRef,
        edits: &mut Vec<Edit>,
        summary: &mut ImportSummary,
    ) -> Option<OrganisationId> {
        match org {
            OrganisationRef::None => None,
            OrganisationRef::Existing(id) => Some(id.clone()),
            OrganisationRef::New(org) => {
                if let Some(id) = self.by_key.get(&new_org_key(org)) {
                    return Some(id.clone());
                }
                let base = super::romanize::id_base(if org.acronym.is_empty() {
                    org.name.get(false)
                } else {
                    &org.acronym
                });
                let mut id = self.project.new_organisation_id(&base);
                // Numbers tried for this base before are taken: start after them.
                let n = self.next.entry(base.clone()).or_insert(2);
                while self.taken.contains(&id) {
                    id = self.project.new_organisation_id(&format!("{base}-{n}"));
                    *n += 1;
                }
                self.taken.insert(id.clone());
                self.by_key.insert(new_org_key(org), id.clone());
                edits.push(Edit::PutOrganisation(id.clone(), org.clone()));
                summary.added_organisations.push(id.clone());
                Some(id)
            }
        }
    }
}

/// Sets `field` of `person` to the list's value.
fn take_field(person: &mut Person, field: Field, from: &Person, org: Option<OrganisationId>) {
    match field {
        Field::Honorific => person.honorific = from.honorific,
        Field::FamilyName => person.family_name.clone_from(&from.family_name),
        Field::GivenName => person.given_name.clone_from(&from.given_name),
        Field::ChineseName => person.chinese_name.clone_from(&from.chinese_name),
        Field::NameOrder => person.name_order = from.name_order,
        Field::Organisation | Field::OrganisationZh => person.organisation = org,
        Field::Title => person.title.en.clone_from(&from.title.en),
        Field::TitleZh => person.title.zh.clone_from(&from.title.zh),
        Field::Email => person.email.clone_from(&from.email),
        Field::Phone => person.phone.clone_from(&from.phone),
        Field::Notes | Field::Qualification => person.notes.clone_from(&from.notes),
        Field::Gender => person.personal.gender = from.personal.gender,
        Field::DateOfBirth => person.personal.date_of_birth = from.personal.date_of_birth,
        Field::Nationality => person
            .personal
            .nationality
            .clone_from(&from.personal.nationality),
        Field::PassportNumber => person
            .personal
            .passport_number
            .clone_from(&from.personal.passport_number),
        Field::PassportExpiry => person.personal.passport_expiry = from.personal.passport_expiry,
        Field::Name
        | Field::Department
        | Field::Side
        | Field::Role
        | Field::Status
        | Field::Order
        | Field::Attendance => {}
    }
}

/// The side of `meeting` named `name` (both languages, either one, or its id; case and
/// spaces ignored), added to the meeting when it has none of that name.
pub fn side_named(meeting: &mut Meeting, name: &str) -> Option<SideId> {
    let key = crate::model::fold_for_search(name);
    if key.is_empty() {
        return None;
    }
    let fold = crate::model::fold_for_search;
    if let Some(side) = meeting.sides.iter().find(|s| {
        [
            s.name.both(),
            s.name.en.clone(),
            s.name.zh.clone(),
            s.id.0.clone(),
        ]
        .iter()
        .any(|n| fold(n) == key)
    }) {
        return Some(side.id.clone());
    }
    let (en, zh) = super::names::split_by_script(name, true);
    let id = meeting.new_side_id(if en.is_empty() { &zh } else { &en });
    meeting.sides.push(Side {
        id: id.clone(),
        name: Bilingual::new(en, zh),
        organisations: Vec::new(),
    });
    Some(id)
}

/// The single edit (one undo step) that adds the people and their new organisations,
/// makes the changes taken for people already there, and, with a meeting, puts everyone
/// in its attendance in list order (the first of a side heads it unless the list says
/// otherwise) and updates the places of those already attending.
pub fn build_edit(
    project: &Project,
    parsed: &[ParsedPerson],
    meeting: Option<&MeetingId>,
) -> (Edit, ImportSummary) {
    let mut summary = ImportSummary::default();
    let mut edits = Vec::new();
    let mut person_ids = FreshIds::default();
    let mut orgs = NewOrganisations::new(project);
    // The project's own fresh id for a name does not change during the import: ask once.
    let mut project_person_id: HashMap<(String, String), PersonId> = HashMap::new();
    let mut attendees: Vec<(PersonId, &ParsedPerson)> = Vec::new();
    // The organisation each imported person belongs to, for the meeting's sides.
    let mut org_of_new: HashMap<PersonId, Option<OrganisationId>> = HashMap::new();
    let mut card_changed: Vec<PersonId> = Vec::new();

    for entry in parsed {
        let person_id = match &entry.matched {
            Some(id) => {
                summary.matched_people.push(id.clone());
                let taken: Vec<Field> = entry
                    .changes
                    .iter()
                    .filter(|c| c.take && !c.field.is_attendance())
                    .map(|c| c.field)
                    .collect();
                if !taken.is_empty()
                    && let Some(existing) = project.people.get(id)
                {
                    let org = if taken
                        .iter()
                        .any(|f| matches!(f, Field::Organisation | Field::OrganisationZh))
                    {
                        orgs.resolve(&entry.organisation, &mut edits, &mut summary)
                    } else {
                        existing.organisation.clone()
                    };
                    let mut person = existing.clone();
                    for field in &taken {
                        take_field(&mut person, *field, &entry.person, org.clone());
                    }
                    edits.push(Edit::PutPerson(id.clone(), person));
                    summary.updated_people.push(id.clone());
                    summary.changed_fields += taken.len();
                    if taken.iter().any(|f| f.on_name_card()) {
                        card_changed.push(id.clone());
                    }
                }
                id.clone()
            }
            None => {
                let org_id = orgs.resolve(&entry.organisation, &mut edits, &mut summary);
                let mut person = entry.person.clone();
                person.organisation = org_id.clone();
                let base = project_person_id
                    .entry((person.family_name.clone(), person.given_name.clone()))
                    .or_insert_with(|| {
                        // The id from the name in ASCII (`muller-lang-jorg`), the person as
                        // written.
                        let mut ascii = person.clone();
                        ascii.family_name = super::romanize::id_base(&person.family_name);
                        ascii.given_name = super::romanize::id_base(&person.given_name);
                        project.new_person_id(&ascii)
                    });
                let id = PersonId(person_ids.claim(&base.0));
                edits.push(Edit::PutPerson(id.clone(), person));
                summary.added_people.push(id.clone());
                org_of_new.entry(id.clone()).or_insert(org_id);
                id
            }
        };
        attendees.push((person_id, entry));
    }

    let meeting = meeting.and_then(|id| Some((id, project.meetings.get(id)?)));
    if let Some((meeting_id, meeting)) = meeting {
        let mut m = meeting.clone();
        let org_of = |id: &PersonId| -> Option<OrganisationId> {
            project
                .people
                .get(id)
                .and_then(|p| p.organisation.clone())
                .or_else(|| org_of_new.get(id).cloned().flatten())
        };
        // Sets and counts instead of a scan of the attendance per imported person.
        let mut places = Places {
            index: m
                .attendees
                .iter()
                .enumerate()
                .map(|(i, a)| (a.person.clone(), i))
                .collect(),
            in_side: HashMap::new(),
        };
        for a in &m.attendees {
            *places.in_side.entry(a.side.clone()).or_default() += 1;
        }
        let mut changed_attendance = false;
        for (id, entry) in &attendees {
            changed_attendance |= attend(
                &mut m,
                &project.people,
                &mut places,
                id,
                entry,
                &org_of,
                &mut summary,
            );
        }
        let attending: HashSet<&PersonId> = m.attendees.iter().map(|a| &a.person).collect();
        summary.name_cards_changed = card_changed
            .iter()
            .filter(|id| attending.contains(id))
            .count();
        if changed_attendance || m != *meeting {
            edits.push(Edit::PutMeeting(meeting_id.clone(), Box::new(m)));
        }
    } else {
        let attending: HashSet<&PersonId> = project
            .meetings
            .values()
            .flat_map(|m| m.attendees.iter().map(|a| &a.person))
            .collect();
        summary.name_cards_changed = card_changed
            .iter()
            .filter(|id| attending.contains(id))
            .count();
    }
    (Edit::Batch(edits), summary)
}

/// A person an import puts in a meeting without a side, and why: their organisation is on
/// no side of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NoSide {
    /// The organisation's name (`None`: the person has no organisation).
    pub organisation: Option<String>,
}

/// Whether the import of `entry` into `meeting` leaves them without a side (see
/// [`build_edit`]): a side named in the list is made if missing; otherwise a newcomer goes
/// to the side of their organisation (the project's for someone already there, the list's
/// for someone new), and someone already attending keeps their side.
pub fn without_side(
    project: &Project,
    meeting: &Meeting,
    entry: &ParsedPerson,
    zh: bool,
) -> Option<NoSide> {
    if entry
        .attendance
        .side
        .as_deref()
        .is_some_and(|s| !s.trim().is_empty())
    {
        return None;
    }
    if let Some(id) = &entry.matched
        && let Some(a) = meeting.attendees.iter().find(|a| &a.person == id)
    {
        let kept = a.side.as_ref().is_some_and(|s| meeting.side(s).is_some());
        let org = project.people.get(id).and_then(|p| p.organisation.clone());
        return (!kept).then(|| NoSide {
            organisation: org.map(|o| project.organisation_name(&o, zh)),
        });
    }
    let org = match &entry.matched {
        Some(id) => project.people.get(id).and_then(|p| p.organisation.clone()),
        None => match &entry.organisation {
            OrganisationRef::Existing(id) => Some(id.clone()),
            OrganisationRef::New(org) => {
                // A new organisation is on no side yet.
                let name = if org.acronym.is_empty() {
                    org.name.get(zh).to_owned()
                } else {
                    org.acronym.clone()
                };
                return Some(NoSide {
                    organisation: Some(name),
                });
            }
            OrganisationRef::None => None,
        },
    };
    match org {
        Some(o) if meeting.side_of_organisation(&o).is_some() => None,
        Some(o) => Some(NoSide {
            organisation: Some(project.organisation_name(&o, zh)),
        }),
        None => Some(NoSide { organisation: None }),
    }
}

/// Where each attendee of a meeting is, and how many each side has.
struct Places {
    index: HashMap<PersonId, usize>,
    in_side: HashMap<Option<SideId>, usize>,
}

/// Puts `id` in the attendance of `m` as the list gives it, or, when already there, takes
/// the changes to their place that the user chose. True when anything changed.
fn attend(
    m: &mut Meeting,
    people: &crate::model::EntityMap<PersonId, Person>,
    places: &mut Places,
    id: &PersonId,
    entry: &ParsedPerson,
    org_of: &dyn Fn(&PersonId) -> Option<OrganisationId>,
    summary: &mut ImportSummary,
) -> bool {
    let cells: &AttendanceCells = &entry.attendance;
    if let Some(index) = places.index.get(id).copied() {
        let taken: Vec<Field> = entry
            .changes
            .iter()
            .filter(|c| c.take && c.field.is_attendance())
            .map(|c| c.field)
            .collect();
        if taken.is_empty() {
            return false;
        }
        let side = if taken.contains(&Field::Side) {
            cells.side.as_deref().and_then(|name| side_named(m, name))
        } else {
            None
        };
        let Some(mut a) = m.attendees.get(index).cloned() else {
            return false;
        };
        for field in &taken {
            match field {
                Field::Side => a.side = side.clone(),
                Field::Role => a.role = cells.role.unwrap_or(a.role),
                Field::Status => a.status = cells.status.unwrap_or(a.status),
                Field::Order => a.rank = cells.rank.unwrap_or(a.rank),
                Field::Attendance => a.mode = cells.mode.unwrap_or(a.mode),
                _ => {}
            }
        }
        let rank = a.rank;
        // A new side or role lands them at their computed place there.
        m.set_attendee(people, index, a);
        if taken.contains(&Field::Order)
            && let Some(a) = m.attendees.get_mut(index)
        {
            a.rank = rank;
        }
        return true;
    }
    let mut attendee = Attendee::new(id.clone());
    attendee.side = match cells.side.as_deref() {
        Some(name) => side_named(m, name),
        None => org_of(id).and_then(|org| {
            m.sides
                .iter()
                .find(|s| s.organisations.contains(&org))
                .map(|s| s.id.clone())
        }),
    };
    let count = places.in_side.entry(attendee.side.clone()).or_default();
    let in_side = *count;
    *count += 1;
    attendee.rank = cells
        .rank
        .unwrap_or_else(|| u32::try_from(in_side + 1).unwrap_or(u32::MAX));
    attendee.role = cells
        .role
        .unwrap_or(if in_side == 0 && attendee.side.is_some() {
            AttendanceRole::HeadOfDelegation
        } else {
            AttendanceRole::Member
        });
    if let Some(status) = cells.status {
        attendee.status = status;
    }
    if let Some(mode) = cells.mode {
        attendee.mode = mode;
    }
    places.index.insert(id.clone(), m.attendees.len());
    m.attendees.push(attendee);
    summary.added_attendees += 1;
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    /// People of the same name get numbered ids in list order, as before the index.
    #[test]
    fn namesakes_are_numbered_in_order() {
        let mut project = Project::default();
        project.people.insert(
            PersonId::from("wang-wei"),
            Person {
                family_name: "Old".into(),
                ..Default::default()
            },
        );
        let parsed: Vec<ParsedPerson> = (0..4)
            .map(|_| {
                ParsedPerson::new(
                    String::new(),
                    0,
                    Person {
                        family_name: "Wang".into(),
                        given_name: "Wei".into(),
                        ..Default::default()
                    },
                    OrganisationRef::None,
                )
            })
            .collect();
        let (_, summary) = build_edit(&project, &parsed, None);
        let ids: Vec<&str> = summary.added_people.iter().map(PersonId::as_str).collect();
        assert_eq!(
            ids,
            ["wang-wei-2", "wang-wei-2-2", "wang-wei-2-3", "wang-wei-2-4"]
        );
    }
}
