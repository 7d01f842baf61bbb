//! Sides, precedence and pickers through the real app, driven with egui_kittest: a meeting
//! created from its host and visiting organisations, a list pasted into it landing on the
//! sides ordered by role, a person dragged, an organisation ticked onto a side moving its
//! attendees, and "+ Add speaker" asking whom.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // Test helpers may panic: a panic is a failed test.

use crate::common;

use common::{ScriptedDialogs, app_harness, settle, type_into};
use delegation_planner::app::DelegationApp;
use delegation_planner::model::{Meeting, MeetingId, Project};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

fn project<'a>(h: &'a Harness<'_, DelegationApp>) -> &'a Project {
    h.state().workspace.doc.project()
}

/// The sample's organisations (AFNOR, CCAA, CNCA) with no people and no meeting: an office
/// before a visit is planned.
fn organisations_only() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("visit.ron");
    let mut p = delegation_planner::samples::ccaa_afnor().unwrap();
    p.people.clear();
    p.commitments.clear();
    p.meetings.clear();
    delegation_planner::project_file::save_project(&path, &p).unwrap();
    (dir, path)
}

fn only_meeting(h: &Harness<'_, DelegationApp>) -> Meeting {
    let p = project(h);
    assert_eq!(p.meetings.len(), 1);
    p.meetings.values().next().unwrap().clone()
}

/// The people of a side in precedence order, by id.
fn side(h: &Harness<'_, DelegationApp>, side: usize) -> Vec<String> {
    let p = project(h);
    let m = only_meeting(h);
    m.precedence(&p.people, Some(&m.sides[side].id))
        .iter()
        .map(|a| a.person.as_str().to_owned())
        .collect()
}

/// The display names of these people.
fn names(h: &Harness<'_, DelegationApp>, ids: &[String]) -> Vec<String> {
    let p = project(h);
    ids.iter()
        .map(|id| p.people[&delegation_planner::model::PersonId::from(id.as_str())].latin_name())
        .collect()
}

/// Drags the node labelled `from` onto the one labelled `to`, as a mouse does.
fn drag(h: &mut Harness<'_, DelegationApp>, from: &str, to: &str) {
    let a = h.get_by_label(from).rect().center();
    let b = h.get_by_label(to).rect().center();
    h.hover_at(a);
    h.run();
    h.drag_at(a);
    h.run();
    h.hover_at(a + egui::vec2(0.0, -12.0));
    h.run();
    h.hover_at(b + egui::vec2(0.0, -4.0));
    h.run();
    h.drop_at(b + egui::vec2(0.0, -4.0));
    settle(h);
}

/// A list as a visiting office pastes it from Word: a header row, the head of delegation
/// not first, an interpreter between the members, a transliterated Chinese name, and one
/// person of an organisation on no side.
const LIST: &str = "Family name\tGiven name\tChinese name\tOrganisation\tRole
FANG\tYan\t方艳\tCCAA\tMember
LI\tNa\t李娜\tCCAA\tInterpreter
HUANG\tJixian\t黄继先\tCCAA\tHead of delegation
WANG\tQian\t王茜\tCCAA\tMember
SCHMIDT\tAnna\t安娜·施密特\tAFNOR\tMember
AUGEREAU LANDAIS\tMyriam\t\tAFNOR\tHead of delegation
ZHOU\tMing\t周明\tCNCA\tObserver
";

#[test]
fn a_meeting_made_from_two_organisations_takes_its_list_side_by_side() {
    let (_dir, path) = organisations_only();
    let mut h = app_harness(Some(path), ScriptedDialogs::default());
    h.get_by_label("+ Add meeting").click();
    settle(&mut h);
    // Nothing can be created before both sides have an organisation.
    assert!(
        h.get_by_label("Create meeting")
            .accesskit_node()
            .is_disabled()
    );
    // The host found by typing and taken with Enter; the visitors by a click.
    h.get_all_by_label("Find or add an organisation…")
        .next()
        .unwrap()
        .click();
    settle(&mut h);
    h.query_all_by_label("Find or add an organisation…")
        .next()
        .unwrap()
        .type_text("afnor");
    settle(&mut h);
    h.key_press(egui::Key::Enter);
    settle(&mut h);
    h.get_by_label("Remove AFNOR");
    // Each list offers the organisations not yet chosen: the second one is the visitors'.
    h.get_all_by_label("CCAA · China Certification and Accreditation Association")
        .nth(1)
        .unwrap()
        .click();
    settle(&mut h);
    h.get_by_label("Create meeting").click();
    settle(&mut h);
    let m = only_meeting(&h);
    assert_eq!(m.host.as_ref().map(|o| o.as_str()), Some("afnor"));
    let sides: Vec<(String, Vec<String>)> = m
        .sides
        .iter()
        .map(|s| {
            (
                s.name.en.clone(),
                s.organisations
                    .iter()
                    .map(|o| o.as_str().to_owned())
                    .collect(),
            )
        })
        .collect();
    // The visitors' side first, as the sample's reports list them; the host organisation
    // makes the host side.
    assert_eq!(
        sides,
        [
            ("CCAA delegation".to_owned(), vec!["ccaa".to_owned()]),
            ("AFNOR".to_owned(), vec!["afnor".to_owned()]),
        ]
    );

    // Paste the list: the preview says who would have no side, and why.
    h.get_by_label("Import list…").click();
    settle(&mut h);
    type_into(&mut h, "Pasted list", LIST);
    h.get_by_label_contains("1 will have no side: CNCA");
    assert!(
        project(&h).people.is_empty(),
        "nothing before the user confirms"
    );
    h.get_by_label("Add people (7)").click();
    settle(&mut h);
    // Everyone on the side of their organisation, by role: the head first, the
    // interpreter after the members.
    let ccaa = side(&h, 0);
    let afnor = side(&h, 1);
    assert_eq!(afnor.len(), 2, "{afnor:?}");
    assert_eq!(ccaa.len(), 4, "{ccaa:?}");
    assert_eq!(
        names(&h, &ccaa),
        ["HUANG Jixian", "FANG Yan", "WANG Qian", "LI Na"]
    );
    // 安娜·施密特 is Anna Schmidt, given name first, on the cards too.
    assert_eq!(
        names(&h, &afnor),
        ["Myriam AUGEREAU LANDAIS", "Anna SCHMIDT"]
    );
    // The one of CNCA is on no side, and said so above the list.
    let m = only_meeting(&h);
    assert_eq!(m.attendees.iter().filter(|a| a.side.is_none()).count(), 1);
    h.get_by_label("Put CNCA on a side");

    // Drag WANG Qian above FANG Yan: a move by hand, said as such.
    drag(&mut h, "Move WANG Qian 王茜", "Move FANG Yan 方艳");
    assert_eq!(
        names(&h, &side(&h, 0)),
        ["HUANG Jixian", "WANG Qian", "FANG Yan", "LI Na"]
    );
    let wang = only_meeting(&h)
        .attendees
        .into_iter()
        .find(|a| a.person.as_str() == "wang-qian")
        .unwrap();
    assert_eq!(
        wang.placement,
        Some(delegation_planner::model::Placement::First)
    );
    // Dropped above the first member, right after the head: no role was passed, so the
    // list has nothing to warn about.
    assert!(
        h.query_by_label_contains("stays among the people")
            .is_none()
    );
}

#[test]
fn ticking_an_organisation_on_a_side_moves_its_attendees() {
    let (_dir, mut h) = common::tall_sample_harness(ScriptedDialogs::default());
    settle(&mut h);
    h.get_by_label("Details").click();
    settle(&mut h);
    h.get_by_label("Sides (2)").click();
    settle(&mut h);
    h.get_by_label("+ Add side").click();
    settle(&mut h);
    let paris = |h: &Harness<'_, DelegationApp>| {
        project(h).meetings[&MeetingId::from("paris-2024")].clone()
    };
    assert_eq!(paris(&h).sides.len(), 3);
    // The third CCAA box is the new side's.
    let ccaa = "CCAA · China Certification and Accreditation Association";
    assert_eq!(
        h.get_all_by_role_and_label(egui::accesskit::Role::CheckBox, ccaa)
            .count(),
        3
    );
    h.get_all_by_role_and_label(egui::accesskit::Role::CheckBox, ccaa)
        .nth(2)
        .unwrap()
        .click();
    settle(&mut h);
    let m = paris(&h);
    let new_side = m.sides[2].id.clone();
    assert_eq!(
        m.sides[2].organisations,
        [delegation_planner::model::OrganisationId::from("ccaa")]
    );
    assert!(
        m.sides[0].organisations.is_empty(),
        "taken off the other side"
    );
    let moved: Vec<&str> = m
        .precedence(&project(&h).people, Some(&new_side))
        .iter()
        .map(|a| a.person.as_str())
        .collect();
    assert_eq!(moved, ["huang-jixian", "fang-yan", "wang-qian"]);
}

#[test]
fn add_speaker_asks_whom_and_adds_nobody_until_chosen() {
    let (_dir, path) = common::sample_file();
    let mut h = app_harness(Some(path), ScriptedDialogs::default());
    h.get_by_label("Details").click();
    settle(&mut h);
    h.get_by_label("Group photo").click();
    settle(&mut h);
    let speakers = |h: &Harness<'_, DelegationApp>| {
        let m = &project(h).meetings[&MeetingId::from("paris-2024")];
        m.days[0].items.last().unwrap().speakers.clone()
    };
    let before = speakers(&h);
    h.get_by_label("+ Add speaker").click();
    settle(&mut h);
    assert_eq!(
        speakers(&h),
        before,
        "nobody is added by opening the picker"
    );
    // The meeting's attendees come first.
    h.get_by_label("At this meeting");
    h.get_by_label("Search by name, organisation, title…")
        .type_text("tsai");
    settle(&mut h);
    h.key_press(egui::Key::Enter);
    settle(&mut h);
    let after = speakers(&h);
    assert_eq!(after.len(), before.len() + 1);
    assert_eq!(after.last().unwrap().as_str(), "tsai-august");
}

/// A rank set in the list puts the person at their new place only once the pointer has
/// left the list: the row under the pointer does not jump away before the next click.
#[test]
fn the_list_holds_still_under_the_pointer_and_regroups_when_it_leaves() {
    let (_dir, path) = common::sample_file();
    let mut h = app_harness(Some(path), ScriptedDialogs::default());
    h.get_by_label("Details").click();
    settle(&mut h);
    // Each row's drag handle is there whether the row is selected or not.
    let top = |h: &Harness<'_, DelegationApp>, name: &str| {
        h.get_by_label(&format!("Move {name}")).rect().top()
    };
    h.get_by_role_and_label(egui::accesskit::Role::Button, "Peter ZHANG")
        .click();
    settle(&mut h);
    let (zhang, tsai) = (top(&h, "Peter ZHANG"), top(&h, "August TSAI"));
    assert!(zhang > tsai);
    // Rank 1 typed into the rank of the selected row, the pointer on it.
    let rank = h.get_by_label("Rank of Peter ZHANG").rect().center();
    h.hover_at(rank);
    h.run();
    h.get_by_label("Rank of Peter ZHANG").click();
    settle(&mut h);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_label("Rank of Peter ZHANG").type_text("1");
    h.key_press(egui::Key::Enter);
    settle(&mut h);
    assert_eq!(
        project(&h).people[&delegation_planner::model::PersonId::from("zhang-peter")].rank,
        Some(1)
    );
    // Still under the pointer: nobody moved on screen.
    assert_eq!(top(&h, "Peter ZHANG"), zhang);
    assert_eq!(top(&h, "August TSAI"), tsai);
    // The pointer leaves the list: he goes before the unranked members.
    h.hover_at(egui::pos2(20.0, 600.0));
    settle(&mut h);
    assert!(top(&h, "Peter ZHANG") < top(&h, "August TSAI"));
}
