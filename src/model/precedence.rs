//! Precedence within a side: computed from the role at the meeting, then the person's rank,
//! then the order of the list as notified; then adjusted by hand.
//!
//! A move by hand is kept as a [`Placement`] on the attendee: *first of their role*, or
//! *right after this person*. Everyone not moved stays where the rules put them, so a
//! newcomer (added by hand, by an import, or moved in from another side) lands at their
//! computed place among them, and a moved person keeps their place beside the person they
//! were put after. A placement that no longer means anything (the person they follow left
//! the side or changed role, a cycle in a hand-edited file) is ignored: the rules place
//! them.
//!
//! Moves stay within a role: a member is never put before the head of delegation, nor an
//! interpreter among the members. Only a change of role does that.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::{AttendanceRole, Attendee, EntityMap, Meeting, Person, PersonId, SideId};

/// Where the user put an attendee by hand within their side and role.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Placement {
    /// First of the people of their role on their side.
    First,
    /// Right after this person (of the same side and role).
    After(PersonId),
}

/// Why an attendee is where they are in their side's precedence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reason {
    /// Moved there by hand.
    Hand,
    /// Their role, then their rank (the person's, see [`Person::rank`]).
    Rank(u32),
    /// Their role; unranked, so after the ranked people of that role, in the order of the
    /// list as notified.
    Role,
}

/// One attendee of a side in precedence order, with why they are there.
#[derive(Clone, Copy, Debug)]
pub struct Placed<'m> {
    /// Their index in [`Meeting::attendees`].
    pub index: usize,
    /// The attendee.
    pub attendee: &'m Attendee,
    /// Why they are there.
    pub reason: Reason,
}

/// The groups of roles in precedence order: head of delegation, deputy head, members,
/// speakers and advisers, observers and organisers, interpreters, note-takers last.
pub fn role_group(role: AttendanceRole) -> u8 {
    match role {
        AttendanceRole::HeadOfDelegation => 0,
        AttendanceRole::Deputy => 1,
        AttendanceRole::Member => 2,
        AttendanceRole::Speaker | AttendanceRole::Adviser => 3,
        AttendanceRole::Observer | AttendanceRole::Organiser => 4,
        AttendanceRole::Interpreter => 5,
        AttendanceRole::NoteTaker => 6,
    }
}

/// What a move by hand did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Moved {
    /// The attendee is where they were asked to go.
    Done,
    /// The attendee went as far as their role lets them (the place asked for is among
    /// people of another role).
    KeptInRole,
    /// Nothing changed (already there, or no such attendee).
    Nothing,
}

/// The order key of an attendee among the people of their role: ranked people first by
/// rank, then the list's order (unnumbered last), then the order they were added in.
type Key = (bool, u32, u32, usize);

fn key_of(people: &EntityMap<PersonId, Person>, index: usize, a: &Attendee) -> Key {
    let rank = people.get(&a.person).and_then(|p| p.rank);
    let listed = if a.rank == 0 { u32::MAX } else { a.rank };
    (rank.is_none(), rank.unwrap_or(0), listed, index)
}

impl Meeting {
    /// The attendees of `side` in precedence order — the one order of a side that every
    /// list, name card, minutes and seating plan uses.
    ///
    /// `side` `None` gives the attendees with no side (or a side the meeting does not
    /// have). The order: by role (head of delegation, deputy head, members, speakers and
    /// advisers, observers and organisers, interpreters, note-takers; see [`role_group`]),
    /// within a role by the person's rank ([`Person::rank`]; ranked before unranked), then
    /// by the list as notified ([`Attendee::rank`]), then as added; and finally as the user
    /// moved people by hand ([`Attendee::placement`]). `people` are the project's
    /// (`&project.people`), for the ranks.
    pub fn precedence<'m>(
        &'m self,
        people: &EntityMap<PersonId, Person>,
        side: Option<&SideId>,
    ) -> Vec<&'m Attendee> {
        self.precedence_placed(people, side)
            .into_iter()
            .map(|p| p.attendee)
            .collect()
    }

    /// [`Self::precedence`] with each attendee's index and why they are there, for lists
    /// that edit the attendees or explain the order.
    pub fn precedence_placed<'m>(
        &'m self,
        people: &EntityMap<PersonId, Person>,
        side: Option<&SideId>,
    ) -> Vec<Placed<'m>> {
        let mut groups: [Vec<usize>; 7] = Default::default();
        for (i, a) in self.attendees.iter().enumerate() {
            let on_side = match side {
                Some(s) => a.side.as_ref() == Some(s),
                None => a.side.as_ref().is_none_or(|s| self.side(s).is_none()),
            };
            if on_side && let Some(group) = groups.get_mut(usize::from(role_group(a.role))) {
                group.push(i);
            }
        }
        let mut out = Vec::new();
        for group in &groups {
            self.order_group(people, group, &mut out);
        }
        out
    }

    /// Appends the attendees at `members` (one side, one role group) in order.
    fn order_group<'m>(
        &'m self,
        people: &EntityMap<PersonId, Person>,
        members: &[usize],
        out: &mut Vec<Placed<'m>>,
    ) {
        let attendee = |i: usize| self.attendees.get(i);
        let by_person: HashMap<&PersonId, usize> = members
            .iter()
            .rev()
            .filter_map(|&i| Some((&attendee(i)?.person, i)))
            .collect();
        // Each moved attendee's anchor: `None` for first of the role, `Some(i)` after i.
        let anchor_of = |i: usize| -> Option<Option<usize>> {
            match &attendee(i)?.placement {
                None => None,
                Some(Placement::First) => Some(None),
                Some(Placement::After(p)) => {
                    let j = *by_person.get(p)?;
                    (j != i).then_some(Some(j))
                }
            }
        };
        // A placement holds when its chain of anchors reaches the start or someone placed
        // by the rules; the people of a cycle (only a hand-edited file makes one) are
        // placed by the rules, and those put after them hold.
        let mut holds: HashMap<usize, bool> = HashMap::new();
        for &i in members {
            if anchor_of(i).is_none() {
                continue;
            }
            let mut path: Vec<usize> = Vec::new();
            let mut on_path: HashMap<usize, usize> = HashMap::new();
            let mut at = i;
            let cycle_from = loop {
                if holds.contains_key(&at) {
                    break None;
                }
                if let Some(&from) = on_path.get(&at) {
                    break Some(from);
                }
                match anchor_of(at) {
                    None => break None,
                    Some(anchor) => {
                        on_path.insert(at, path.len());
                        path.push(at);
                        match anchor {
                            None => break None,
                            Some(j) => at = j,
                        }
                    }
                }
            };
            for (k, p) in path.into_iter().enumerate() {
                holds.insert(p, cycle_from.is_none_or(|from| k < from));
            }
        }
        let moved = |i: usize| holds.get(&i).copied().unwrap_or(false) && anchor_of(i).is_some();
        let mut keyed: Vec<(Key, usize)> = members
            .iter()
            .filter_map(|&i| Some((key_of(people, i, attendee(i)?), i)))
            .collect();
        keyed.sort_unstable();
        let mut start: Vec<usize> = Vec::new();
        let mut children: HashMap<usize, Vec<usize>> = HashMap::new();
        let mut ruled: Vec<usize> = Vec::new();
        // In key order, so that siblings (two people put after the same one, which only a
        // hand-edited file does) keep the rules' order between them.
        for &(_, i) in &keyed {
            if moved(i) {
                match anchor_of(i) {
                    Some(Some(j)) => children.entry(j).or_default().push(i),
                    _ => start.push(i),
                }
            } else {
                ruled.push(i);
            }
        }
        let reason = |i: usize| -> Reason {
            if moved(i) {
                return Reason::Hand;
            }
            attendee(i)
                .and_then(|a| people.get(&a.person))
                .and_then(|p| p.rank)
                .map_or(Reason::Role, Reason::Rank)
        };
        let mut emit = |roots: &[usize], out: &mut Vec<Placed<'m>>| {
            // Depth first with a stack of its own: a chain of 20,000 moves is no recursion.
            let mut stack: Vec<usize> = roots.iter().rev().copied().collect();
            while let Some(i) = stack.pop() {
                if let Some(a) = attendee(i) {
                    out.push(Placed {
                        index: i,
                        attendee: a,
                        reason: reason(i),
                    });
                }
                if let Some(next) = children.remove(&i) {
                    stack.extend(next.into_iter().rev());
                }
            }
        };
        emit(&start, out);
        for i in ruled {
            emit(&[i], out);
        }
    }

    /// Every attendee in precedence order, side after side (in the meeting's order of
    /// sides), then those with no side: the order of the meeting's whole list.
    pub fn in_precedence<'m>(&'m self, people: &EntityMap<PersonId, Person>) -> Vec<&'m Attendee> {
        self.sides
            .iter()
            .map(|s| Some(&s.id))
            .chain(std::iter::once(None))
            .flat_map(|side| self.precedence(people, side))
            .collect()
    }

    /// The index of `person` among the attendees.
    pub fn attendee_index(&self, person: &PersonId) -> Option<usize> {
        self.attendees.iter().position(|a| &a.person == person)
    }

    /// The people of the same side and role as the attendee at `index`, in precedence
    /// order (the attendee included).
    fn role_order(&self, people: &EntityMap<PersonId, Person>, index: usize) -> Vec<usize> {
        let Some(a) = self.attendees.get(index) else {
            return Vec::new();
        };
        let group = role_group(a.role);
        let side = a.side.as_ref().filter(|s| self.side(s).is_some());
        self.precedence_placed(people, side)
            .into_iter()
            .filter(|p| role_group(p.attendee.role) == group)
            .map(|p| p.index)
            .collect()
    }

    /// Lets go of the attendee at `index` from its place: whoever was put right after them
    /// by hand is put after the one before them instead, so that everyone else stays where
    /// they are shown.
    fn release(&mut self, people: &EntityMap<PersonId, Person>, index: usize) {
        let order = self.role_order(people, index);
        let Some(pos) = order.iter().position(|&i| i == index) else {
            return;
        };
        let Some(person) = self.attendees.get(index).map(|a| a.person.clone()) else {
            return;
        };
        let before = pos
            .checked_sub(1)
            .and_then(|p| order.get(p))
            .and_then(|&i| self.attendees.get(i))
            .map(|a| a.person.clone());
        let side = self.attendees.get(index).and_then(|a| a.side.clone());
        for a in &mut self.attendees {
            if a.side == side && a.placement == Some(Placement::After(person.clone())) {
                a.placement = Some(match &before {
                    Some(p) => Placement::After(p.clone()),
                    None => Placement::First,
                });
            }
        }
    }

    /// Moves `person` by hand to right after `after` in their side's precedence (`None`:
    /// first of the side). Only within their role: a place among another role's people
    /// puts them at the nearest end of their own role's, and says so. A move to where the
    /// rules put them anyway is no move by hand.
    pub fn place_attendee(
        &mut self,
        people: &EntityMap<PersonId, Person>,
        person: &PersonId,
        after: Option<&PersonId>,
    ) -> Moved {
        let Some(index) = self.attendee_index(person) else {
            return Moved::Nothing;
        };
        let Some(group) = self.attendees.get(index).map(|a| role_group(a.role)) else {
            return Moved::Nothing;
        };
        let order = self.role_order(people, index);
        let others: Vec<usize> = order.iter().copied().filter(|&i| i != index).collect();
        // Where in the role's order (without them) they go, and whether the place asked
        // for was among another role's people.
        let (target, kept) = match after {
            None => (0, false),
            Some(p) => {
                let Some(j) = self.attendee_index(p) else {
                    return Moved::Nothing;
                };
                let (Some(me), Some(them)) = (self.attendees.get(index), self.attendees.get(j))
                else {
                    return Moved::Nothing;
                };
                if j == index || me.side != them.side {
                    return Moved::Nothing;
                }
                match others.iter().position(|&o| o == j) {
                    Some(pos) => (pos + 1, false),
                    // Right after the last person of the roles before theirs is the first
                    // place of their role: no other role is passed.
                    None if role_group(them.role) < group => {
                        (0, !self.ends_roles_before(people, j, index, group))
                    }
                    None => (others.len(), true),
                }
            }
        };
        let current = order.iter().position(|&i| i == index).unwrap_or(0);
        if current == target {
            return if kept {
                Moved::KeptInRole
            } else {
                Moved::Nothing
            };
        }
        self.release(people, index);
        let anchor = target
            .checked_sub(1)
            .and_then(|p| others.get(p))
            .and_then(|&i| self.attendees.get(i))
            .map(|a| a.person.clone());
        let placement = match &anchor {
            Some(p) => Placement::After(p.clone()),
            None => Placement::First,
        };
        let side = self.attendees.get(index).and_then(|a| a.side.clone());
        // Whoever followed the anchor by hand now follows the one moved in between.
        for (i, a) in self.attendees.iter_mut().enumerate() {
            if i != index && a.side == side && a.placement.as_ref() == Some(&placement) {
                a.placement = Some(Placement::After(person.clone()));
            }
        }
        if let Some(a) = self.attendees.get_mut(index) {
            a.placement = Some(placement);
        }
        // Where the rules would put them anyway: no move by hand to show.
        let by_hand = self.role_order(people, index);
        let placement = self
            .attendees
            .get_mut(index)
            .and_then(|a| a.placement.take());
        if self.role_order(people, index) != by_hand
            && let Some(a) = self.attendees.get_mut(index)
        {
            a.placement = placement;
        }
        if kept { Moved::KeptInRole } else { Moved::Done }
    }

    /// Whether the attendee at `j` is the last of their side's people of the roles before
    /// `group` (leaving out the attendee at `moving`).
    fn ends_roles_before(
        &self,
        people: &EntityMap<PersonId, Person>,
        j: usize,
        moving: usize,
        group: u8,
    ) -> bool {
        let side = self.attendees.get(j).and_then(|a| a.side.clone());
        let order = self.precedence_placed(people, side.as_ref());
        let after_j = order
            .iter()
            .skip_while(|p| p.index != j)
            .skip(1)
            .find(|p| p.index != moving);
        after_j.is_none_or(|p| role_group(p.attendee.role) >= group)
    }

    /// Whether the attendee at `index` can move one place up (or down) by hand: not past
    /// the end of their role's people on their side (only a change of role moves someone
    /// past another role).
    pub fn can_move_attendee(
        &self,
        people: &EntityMap<PersonId, Person>,
        index: usize,
        up: bool,
    ) -> bool {
        let order = self.role_order(people, index);
        let Some(pos) = order.iter().position(|&i| i == index) else {
            return false;
        };
        if up { pos > 0 } else { pos + 1 < order.len() }
    }

    /// Moves `person` one place up or down by hand within their role on their side; false
    /// when they cannot go further (see [`Self::can_move_attendee`]).
    pub fn move_attendee(
        &mut self,
        people: &EntityMap<PersonId, Person>,
        person: &PersonId,
        up: bool,
    ) -> bool {
        let Some(index) = self.attendee_index(person) else {
            return false;
        };
        if !self.can_move_attendee(people, index, up) {
            return false;
        }
        let order = self.role_order(people, index);
        let Some(pos) = order.iter().position(|&i| i == index) else {
            return false;
        };
        let others: Vec<usize> = order.iter().copied().filter(|&i| i != index).collect();
        // Up one: after the one two places up; down one: after the one below.
        let after = if up {
            pos.checked_sub(2).and_then(|p| others.get(p))
        } else {
            others.get(pos)
        };
        let after = after
            .and_then(|&i| self.attendees.get(i))
            .map(|a| a.person.clone());
        self.place_attendee(people, person, after.as_ref()) != Moved::Nothing
    }

    /// Puts `changed` in the place of the attendee at `index`. Someone who changes side or
    /// role lands where the rules place them there (not where they were moved by hand
    /// before), and, on a new side, after the people of that side's list; the people put
    /// after them by hand keep their places.
    pub fn set_attendee(
        &mut self,
        people: &EntityMap<PersonId, Person>,
        index: usize,
        mut changed: Attendee,
    ) {
        let Some(old) = self.attendees.get(index) else {
            return;
        };
        let new_side = old.side != changed.side;
        if new_side || role_group(old.role) != role_group(changed.role) {
            self.release(people, index);
            changed.placement = None;
            if new_side {
                changed.rank = 0;
            }
        }
        if let Some(slot) = self.attendees.get_mut(index) {
            *slot = changed;
        }
    }

    /// Removes `person` from the attendees; the people put after them by hand keep their
    /// places.
    pub fn remove_attendee(&mut self, people: &EntityMap<PersonId, Person>, person: &PersonId) {
        if let Some(index) = self.attendee_index(person) {
            self.release(people, index);
            self.attendees.remove(index);
        }
    }

    /// Forgets the moves by hand on `side` (`None`: the people with no side): everyone goes
    /// back to where the rules place them. True when anyone had been moved.
    pub fn reset_precedence(&mut self, side: Option<&SideId>) -> bool {
        let sides: Vec<SideId> = self.sides.iter().map(|s| s.id.clone()).collect();
        let mut any = false;
        for a in &mut self.attendees {
            let on_side = match side {
                Some(s) => a.side.as_ref() == Some(s),
                None => a.side.as_ref().is_none_or(|s| !sides.contains(s)),
            };
            if on_side && a.placement.take().is_some() {
                any = true;
            }
        }
        any
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Side;
    use AttendanceRole::*;

    /// A meeting with one side, `cn`, and people `(id, role, person rank)` in list order.
    fn side(
        people_spec: &[(&str, AttendanceRole, Option<u32>)],
    ) -> (Meeting, EntityMap<PersonId, Person>) {
        let mut m = Meeting::new(
            chrono::NaiveDate::from_ymd_opt(2025, 5, 12).unwrap(),
            chrono_tz::Europe::Berlin,
        );
        m.sides.push(Side {
            id: SideId::from("cn"),
            ..Default::default()
        });
        let mut people = EntityMap::new();
        for (id, role, rank) in people_spec {
            people.insert(
                PersonId::from(*id),
                Person {
                    family_name: (*id).to_owned(),
                    rank: *rank,
                    ..Default::default()
                },
            );
            let mut a = Attendee::new(PersonId::from(*id));
            a.side = Some(SideId::from("cn"));
            a.role = *role;
            m.attendees.push(a);
        }
        (m, people)
    }

    fn order(m: &Meeting, people: &EntityMap<PersonId, Person>) -> Vec<String> {
        m.precedence(people, Some(&SideId::from("cn")))
            .iter()
            .map(|a| a.person.0.clone())
            .collect()
    }

    fn reasons(m: &Meeting, people: &EntityMap<PersonId, Person>) -> Vec<Reason> {
        m.precedence_placed(people, Some(&SideId::from("cn")))
            .iter()
            .map(|p| p.reason)
            .collect()
    }

    #[test]
    fn roles_come_first_then_ranks_then_the_list() {
        // As a list arrives: the interpreter between members, the note-taker first.
        let (m, people) = side(&[
            ("notes", NoteTaker, None),
            ("member-a", Member, None),
            ("interpreter", Interpreter, None),
            ("adviser", Adviser, None),
            ("deputy", Deputy, None),
            ("member-b", Member, None),
            ("head", HeadOfDelegation, None),
            ("speaker", Speaker, None),
            ("observer", Observer, None),
        ]);
        assert_eq!(
            order(&m, &people),
            [
                "head",
                "deputy",
                "member-a",
                "member-b",
                "adviser",
                "speaker",
                "observer",
                "interpreter",
                "notes"
            ]
        );
        assert!(reasons(&m, &people).iter().all(|r| *r == Reason::Role));
    }

    #[test]
    fn members_go_by_rank_and_the_ranked_before_the_unranked() {
        // A Deputy Secretary-General (rank 2) is no longer below a programme officer.
        let (m, people) = side(&[
            ("officer", Member, None),
            ("director", Member, Some(3)),
            ("deputy-sg", Member, Some(2)),
            ("head", HeadOfDelegation, Some(9)),
            ("sg", Member, Some(1)),
        ]);
        assert_eq!(
            order(&m, &people),
            ["head", "sg", "deputy-sg", "director", "officer"]
        );
        assert_eq!(
            reasons(&m, &people),
            [
                Reason::Rank(9),
                Reason::Rank(1),
                Reason::Rank(2),
                Reason::Rank(3),
                Reason::Role
            ]
        );
    }

    #[test]
    fn ties_follow_the_list_as_notified_then_the_order_added() {
        let (mut m, people) = side(&[
            ("a", Member, Some(2)),
            ("b", Member, Some(2)),
            ("c", Member, Some(2)),
            ("d", Member, Some(2)),
        ]);
        // The list numbered c 1, a 2; b and d were not numbered.
        m.attendees[2].rank = 1;
        m.attendees[0].rank = 2;
        assert_eq!(order(&m, &people), ["c", "a", "b", "d"]);
    }

    #[test]
    fn a_move_by_hand_stays_within_the_role_and_says_so() {
        let (mut m, people) = side(&[
            ("head", HeadOfDelegation, None),
            ("a", Member, None),
            ("b", Member, None),
            ("c", Member, None),
            ("interpreter", Interpreter, None),
        ]);
        let id = PersonId::from;
        assert_eq!(
            m.place_attendee(&people, &id("c"), Some(&id("a"))),
            Moved::Done
        );
        assert_eq!(order(&m, &people), ["head", "a", "c", "b", "interpreter"]);
        assert_eq!(
            reasons(&m, &people),
            [
                Reason::Role,
                Reason::Role,
                Reason::Hand,
                Reason::Role,
                Reason::Role
            ]
        );
        // Before the head of delegation: as far as a member goes, the first member.
        assert_eq!(m.place_attendee(&people, &id("b"), None), Moved::Done);
        assert_eq!(order(&m, &people), ["head", "b", "a", "c", "interpreter"]);
        // After the interpreter: the last member, and the caller hears it was kept.
        assert_eq!(
            m.place_attendee(&people, &id("a"), Some(&id("interpreter"))),
            Moved::KeptInRole
        );
        assert_eq!(order(&m, &people), ["head", "b", "c", "a", "interpreter"]);
        // Dropped right after the head, above the first member: the first member, and no
        // role was passed, so nothing to say.
        assert_eq!(
            m.place_attendee(&people, &id("a"), Some(&id("head"))),
            Moved::Done
        );
        assert_eq!(order(&m, &people), ["head", "a", "b", "c", "interpreter"]);
        // The interpreter dropped right after the head is among the members: kept last.
        assert_eq!(
            m.place_attendee(&people, &id("interpreter"), Some(&id("head"))),
            Moved::KeptInRole
        );
        // No role ever changes.
        assert_eq!(m.attendees[0].role, HeadOfDelegation);
        assert_eq!(m.attendees[1].role, Member);
        // Moving back to where the rules put someone is no move by hand.
        let (mut m, people) = side(&[("a", Member, None), ("b", Member, None)]);
        m.place_attendee(&people, &id("b"), None);
        assert_eq!(reasons(&m, &people), [Reason::Hand, Reason::Role]);
        m.place_attendee(&people, &id("b"), Some(&id("a")));
        assert_eq!(order(&m, &people), ["a", "b"]);
        assert!(m.attendees.iter().all(|a| a.placement.is_none()));
    }

    #[test]
    fn later_moves_keep_earlier_ones_in_place() {
        let (mut m, people) = side(&[
            ("a", Member, None),
            ("b", Member, None),
            ("c", Member, None),
            ("d", Member, None),
        ]);
        let id = PersonId::from;
        // d after a, then a to the end: d stays first, as shown.
        m.place_attendee(&people, &id("d"), Some(&id("a")));
        assert_eq!(order(&m, &people), ["a", "d", "b", "c"]);
        m.place_attendee(&people, &id("a"), Some(&id("c")));
        assert_eq!(order(&m, &people), ["d", "b", "c", "a"]);
        // Dropped between c and the one put after it by hand: in between.
        m.place_attendee(&people, &id("b"), Some(&id("c")));
        assert_eq!(order(&m, &people), ["d", "c", "b", "a"]);
        // Up and down one place.
        assert!(m.move_attendee(&people, &id("a"), true));
        assert_eq!(order(&m, &people), ["d", "c", "a", "b"]);
        assert!(m.move_attendee(&people, &id("d"), false));
        assert_eq!(order(&m, &people), ["c", "d", "a", "b"]);
        assert!(!m.move_attendee(&people, &id("c"), true), "already first");
        assert!(!m.can_move_attendee(&people, 1, false), "b is last");
        // Someone leaving keeps the others where they are.
        m.remove_attendee(&people, &id("d"));
        assert_eq!(order(&m, &people), ["c", "a", "b"]);
        // Back to the rules.
        assert!(m.reset_precedence(Some(&SideId::from("cn"))));
        assert_eq!(order(&m, &people), ["a", "b", "c"]);
    }

    #[test]
    fn a_newcomer_lands_at_the_computed_place_not_at_the_end() {
        let (mut m, mut people) = side(&[
            ("head", HeadOfDelegation, None),
            ("a", Member, Some(1)),
            ("b", Member, Some(3)),
            ("interpreter", Interpreter, None),
        ]);
        let id = PersonId::from;
        m.place_attendee(&people, &id("b"), None);
        assert_eq!(order(&m, &people), ["head", "b", "a", "interpreter"]);
        // A rank-2 member of another side, moved in.
        people.insert(
            id("new"),
            Person {
                rank: Some(2),
                ..Default::default()
            },
        );
        m.sides.push(Side {
            id: SideId::from("de"),
            ..Default::default()
        });
        let mut newcomer = Attendee::new(id("new"));
        newcomer.side = Some(SideId::from("de"));
        newcomer.rank = 1;
        newcomer.placement = Some(Placement::First);
        m.attendees.push(newcomer.clone());
        newcomer.side = Some(SideId::from("cn"));
        m.set_attendee(&people, 4, newcomer);
        assert_eq!(order(&m, &people), ["head", "b", "a", "new", "interpreter"]);
        assert_eq!(m.attendees[4].placement, None);
        assert_eq!(m.attendees[4].rank, 0, "not numbered in this side's list");
        // A change of role lands them at the place of the new role.
        let mut changed = m.attendees[1].clone();
        changed.role = Deputy;
        m.set_attendee(&people, 1, changed);
        assert_eq!(order(&m, &people), ["head", "a", "b", "new", "interpreter"]);
    }

    #[test]
    fn placements_that_mean_nothing_leave_the_rules_in_charge() {
        let (mut m, people) = side(&[
            ("a", Member, None),
            ("b", Member, None),
            ("c", Member, None),
            ("d", Member, None),
        ]);
        // A cycle, a missing person, oneself, someone of another role.
        m.attendees[0].placement = Some(Placement::After(PersonId::from("b")));
        m.attendees[1].placement = Some(Placement::After(PersonId::from("a")));
        m.attendees[2].placement = Some(Placement::After(PersonId::from("nobody")));
        m.attendees[3].placement = Some(Placement::After(PersonId::from("d")));
        assert_eq!(order(&m, &people), ["a", "b", "c", "d"]);
        assert!(reasons(&m, &people).iter().all(|r| *r == Reason::Role));
        // One put after a member of the cycle still follows them.
        m.attendees[3].placement = Some(Placement::After(PersonId::from("a")));
        assert_eq!(order(&m, &people), ["a", "d", "b", "c"]);
    }

    #[test]
    fn a_long_chain_of_moves_is_no_recursion() {
        let n = 20_000;
        let spec: Vec<(String, AttendanceRole, Option<u32>)> =
            (0..n).map(|i| (format!("p{i}"), Member, None)).collect();
        let borrowed: Vec<(&str, AttendanceRole, Option<u32>)> =
            spec.iter().map(|(s, r, k)| (s.as_str(), *r, *k)).collect();
        let (mut m, people) = side(&borrowed);
        // Everyone after the next one: the list reversed, by hand.
        for i in 0..n - 1 {
            m.attendees[i].placement = Some(Placement::After(PersonId(format!("p{}", i + 1))));
        }
        let start = std::time::Instant::now();
        let got = order(&m, &people);
        assert_eq!(got.first().map(String::as_str), Some("p19999"));
        assert_eq!(got.last().map(String::as_str), Some("p0"));
        assert_eq!(got.len(), n);
        assert!(start.elapsed() < std::time::Duration::from_secs(2));
    }
}
