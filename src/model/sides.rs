//! The sides of a meeting made from its organisations, and the attendees that follow them:
//! a person goes to the side of their organisation, and ticking an organisation on a side
//! moves its people there.

use super::{
    Bilingual, EntityMap, Meeting, Organisation, OrganisationId, Person, PersonId, Side, SideId,
};

/// How a side made from organisations is named, in both languages: `{names}` stands for
/// the organisations' names (`{names} delegation`, `{names}代表团`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SideNaming<'a> {
    /// The English pattern.
    pub en: &'a str,
    /// The Chinese pattern.
    pub zh: &'a str,
}

impl SideNaming<'_> {
    /// Just the organisations' names.
    pub const PLAIN: SideNaming<'static> = SideNaming {
        en: "{names}",
        zh: "{names}",
    };
}

/// The name of a side made of `orgs`: in English their acronyms (else English names),
/// in Chinese their Chinese names (else acronyms), joined, in `naming`'s pattern.
pub fn side_name(
    organisations: &EntityMap<OrganisationId, Organisation>,
    orgs: &[OrganisationId],
    naming: SideNaming<'_>,
) -> Bilingual {
    let pick = |o: &OrganisationId, zh: bool| -> String {
        let Some(org) = organisations.get(o) else {
            return o.to_string();
        };
        let acronym = org.acronym.trim();
        let (first, second) = if zh {
            (org.name.zh.trim(), acronym)
        } else {
            (acronym, org.name.en.trim())
        };
        [first, second, org.name.get(!zh).trim()]
            .into_iter()
            .find(|s| !s.is_empty())
            .map_or_else(|| o.to_string(), str::to_owned)
    };
    let en: Vec<String> = orgs.iter().map(|o| pick(o, false)).collect();
    let zh: Vec<String> = orgs.iter().map(|o| pick(o, true)).collect();
    Bilingual::new(
        naming.en.replace("{names}", &en.join(" / ")),
        naming.zh.replace("{names}", &zh.join("、")),
    )
}

impl Meeting {
    /// The side `org` is on, if any (the first, should a hand-edited file put it on two).
    pub fn side_of_organisation(&self, org: &OrganisationId) -> Option<SideId> {
        self.sides
            .iter()
            .find(|s| s.organisations.contains(org))
            .map(|s| s.id.clone())
    }

    /// The side `person` goes to when they join the meeting: their organisation's.
    pub fn side_for(&self, person: Option<&Person>) -> Option<SideId> {
        person
            .and_then(|p| p.organisation.as_ref())
            .and_then(|o| self.side_of_organisation(o))
    }

    /// Adds a side made of `orgs` (taken off any other side, their people moving with
    /// them), named after them in `naming`'s pattern; returns its id.
    pub fn add_side_of(
        &mut self,
        organisations: &EntityMap<OrganisationId, Organisation>,
        people: &EntityMap<PersonId, Person>,
        orgs: &[OrganisationId],
        naming: SideNaming<'_>,
    ) -> SideId {
        let hint = orgs.first().map_or("side", OrganisationId::as_str);
        let id = self.new_side_id(hint);
        self.sides.push(Side {
            id: id.clone(),
            name: side_name(organisations, orgs, naming),
            organisations: Vec::new(),
        });
        for org in orgs {
            self.put_organisation_on_side(people, &id, org);
        }
        id
    }

    /// Puts `org` on `side` (taking it off any other) and moves its people who attend
    /// there: each lands where precedence places them on that side. Returns how many
    /// moved.
    pub fn put_organisation_on_side(
        &mut self,
        people: &EntityMap<PersonId, Person>,
        side: &SideId,
        org: &OrganisationId,
    ) -> usize {
        if self.side(side).is_none() {
            return 0;
        }
        for s in &mut self.sides {
            if &s.id == side {
                if !s.organisations.contains(org) {
                    s.organisations.push(org.clone());
                }
            } else {
                s.organisations.retain(|o| o != org);
            }
        }
        let movers: Vec<usize> = self
            .attendees
            .iter()
            .enumerate()
            .filter(|(_, a)| {
                a.side.as_ref() != Some(side)
                    && people
                        .get(&a.person)
                        .is_some_and(|p| p.organisation.as_ref() == Some(org))
            })
            .map(|(i, _)| i)
            .collect();
        for &i in &movers {
            if let Some(a) = self.attendees.get(i) {
                let mut moved = a.clone();
                moved.side = Some(side.clone());
                self.set_attendee(people, i, moved);
            }
        }
        movers.len()
    }

    /// Takes `org` off `side`. Its people stay on the side: they may have been put there
    /// by hand, and a side can hold people of other organisations (an interpreter from an
    /// agency).
    pub fn take_organisation_off_side(&mut self, side: &SideId, org: &OrganisationId) {
        if let Some(s) = self.sides.iter_mut().find(|s| &s.id == side) {
            s.organisations.retain(|o| o != org);
        }
    }

    /// The organisations of the attendees that are on no side of the meeting, each with
    /// how many of its people attend without a side; people of no organisation under
    /// `None`. Sorted by organisation id.
    pub fn organisations_without_side(
        &self,
        people: &EntityMap<PersonId, Person>,
    ) -> Vec<(Option<OrganisationId>, usize)> {
        let mut counts: std::collections::BTreeMap<Option<OrganisationId>, usize> =
            std::collections::BTreeMap::new();
        for a in &self.attendees {
            if a.side.as_ref().is_some_and(|s| self.side(s).is_some()) {
                continue;
            }
            let org = people.get(&a.person).and_then(|p| p.organisation.clone());
            *counts.entry(org).or_default() += 1;
        }
        counts.into_iter().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{AttendanceRole, Attendee};

    #[test]
    fn ticking_an_organisation_moves_its_people_to_their_computed_place() {
        let project = crate::samples::ccaa_afnor().unwrap();
        let mut m = project.meetings.values().next().unwrap().clone();
        let (ccaa, afnor) = (SideId::from("ccaa"), SideId::from("afnor"));
        let people = &project.people;
        // Everyone loses their side, as after a list added before the sides were made.
        for a in &mut m.attendees {
            a.side = None;
        }
        m.sides.clear();
        let naming = SideNaming {
            en: "{names} delegation",
            zh: "{names}代表团",
        };
        let id = m.add_side_of(
            &project.organisations,
            people,
            &[OrganisationId::from("ccaa")],
            naming,
        );
        assert_eq!(id, ccaa);
        assert_eq!(
            m.side(&ccaa).unwrap().name,
            Bilingual::new("CCAA delegation", "中国认证认可协会代表团")
        );
        assert_eq!(m.precedence(people, Some(&ccaa)).len(), 3);
        let host = m.add_side_of(
            &project.organisations,
            people,
            &[OrganisationId::from("afnor")],
            SideNaming::PLAIN,
        );
        assert_eq!(host, afnor);
        assert_eq!(m.side(&afnor).unwrap().name.en, "AFNOR");
        let order: Vec<&str> = m
            .precedence(people, Some(&afnor))
            .iter()
            .map(|a| a.person.as_str())
            .collect();
        assert_eq!(
            order,
            [
                "augereau-landais-myriam",
                "tsai-august",
                "shen-cindy",
                "zhang-peter"
            ]
        );
        assert!(m.organisations_without_side(people).is_empty());
        // AFNOR ticked on the CCAA side instead: its people move, and it leaves AFNOR's.
        assert_eq!(
            m.put_organisation_on_side(people, &ccaa, &OrganisationId::from("afnor")),
            4
        );
        assert!(m.side(&afnor).unwrap().organisations.is_empty());
        assert_eq!(m.precedence(people, Some(&ccaa)).len(), 7);
        // Taken off again, its people stay.
        m.take_organisation_off_side(&ccaa, &OrganisationId::from("afnor"));
        assert_eq!(m.precedence(people, Some(&ccaa)).len(), 7);
        assert_eq!(m.side_for(people.get(&PersonId::from("tsai-august"))), None);
        assert_eq!(
            m.side_for(people.get(&PersonId::from("huang-jixian"))),
            Some(ccaa)
        );
    }

    #[test]
    fn people_without_a_side_are_counted_by_organisation() {
        let project = crate::samples::ccaa_afnor().unwrap();
        let mut m = project.meetings.values().next().unwrap().clone();
        m.sides.retain(|s| s.id.as_str() == "ccaa");
        let mut stray = Attendee::new(PersonId::from("nobody"));
        stray.role = AttendanceRole::Observer;
        m.attendees.push(stray);
        assert_eq!(
            m.organisations_without_side(&project.people),
            [(None, 1), (Some(OrganisationId::from("afnor")), 4)]
        );
    }
}
