//! Lists that come back: an exported list read in again gives the same export byte for
//! byte (CSV and XLSX, people and a meeting's attendance), and a revised list updates the
//! people already there — matched in either script, ignoring case, spacing and honorific,
//! each field old → new, filled when empty, changed only when asked.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // Test helpers may panic: a panic is a failed test.

use delegation_planner::export::attendees;
use delegation_planner::import::attendees::{Fate, Field, Matcher, build_edit};
use delegation_planner::import::list::{ListKind, ListRead, ReadOptions, read_list_bytes};
use delegation_planner::import::update::find_changes;
use delegation_planner::model::{
    AttendanceMode, AttendanceRole, AttendanceStatus, MeetingId, PersonId, Project,
};

fn paris() -> MeetingId {
    MeetingId::from("paris-2024")
}

/// The sample with phones (one starting with `+`, which the CSV neutralises), an e-mail
/// that looks like a formula, and attendance of every kind.
fn sample() -> Project {
    let mut p = delegation_planner::samples::ccaa_afnor().unwrap();
    p.people
        .get_mut(&PersonId::from("huang-jixian"))
        .unwrap()
        .phone = "+86 10 6552 0000".into();
    p.people.get_mut(&PersonId::from("fang-yan")).unwrap().phone = "13800138000".into();
    p.people
        .get_mut(&PersonId::from("zhang-peter"))
        .unwrap()
        .email = "=peter@afnor.org".into();
    let m = p.meetings.get_mut(&paris()).unwrap();
    let last = m.attendees.len() - 1;
    m.attendees[last].status = AttendanceStatus::Declined;
    m.attendees[last].mode = AttendanceMode::Remote;
    m.attendees[1].role = AttendanceRole::Interpreter;
    p
}

fn read(bytes: Vec<u8>, project: &Project) -> ListRead {
    read_list_bytes(
        bytes,
        ListKind::Csv,
        &ReadOptions::default(),
        &Matcher::new(project),
        &mut |_| true,
    )
    .unwrap()
    .unwrap()
}

/// `project` after importing `bytes` (into `meeting`), taking fills only.
fn import(bytes: Vec<u8>, project: &Project, meeting: Option<&MeetingId>) -> Project {
    let mut people = read(bytes, project).preview.people;
    let m = meeting.and_then(|id| project.meetings.get(id));
    find_changes(project, m, &mut people, false);
    let (edit, _) = build_edit(project, &people, meeting);
    let mut after = project.clone();
    edit.apply(&mut after);
    assert!(delegation_planner::model::validate(&after).is_empty());
    after
}

#[test]
fn export_import_export_is_byte_identical() {
    let original = sample();
    // The people of the project, into an empty one.
    let people_csv = attendees::csv(&original, None);
    // The planners' own list: the sample's people have notes, so a `Notes` column ends it
    // (a copy for partners has none, see `Project::for_partners`).
    assert!(people_csv.starts_with("\u{feff}Honorific,Family name,Given name,Chinese name,Organisation,Organisation (Chinese),Title,Title (Chinese),Email,Phone,Name order,Notes\r\n"));
    let empty = Project::default();
    let imported = import(people_csv.clone().into_bytes(), &empty, None);
    assert_eq!(attendees::csv(&imported, None), people_csv);

    // A meeting's list, into the meeting before its list arrived (sides kept).
    let m = &original.meetings[&paris()];
    let meeting_csv = attendees::csv(&original, Some(m));
    let mut bare = original.clone();
    bare.people.clear();
    bare.commitments.clear();
    let bm = bare.meetings.get_mut(&paris()).unwrap();
    bm.attendees.clear();
    // The agenda names speakers among the people cleared.
    for day in &mut bm.days {
        day.items.clear();
    }
    let after = import(meeting_csv.clone().into_bytes(), &bare, Some(&paris()));
    let again = attendees::csv(&after, Some(&after.meetings[&paris()]));
    assert_eq!(again, meeting_csv);

    // The same through the workbook.
    let workbook = attendees::xlsx(&original, Some(m)).unwrap();
    let from_xlsx = import(workbook, &bare, Some(&paris()));
    assert_eq!(
        attendees::csv(&from_xlsx, Some(&from_xlsx.meetings[&paris()])),
        meeting_csv
    );
    // The workbook again: every part the same but the creation time in docProps/core.xml.
    let again = attendees::xlsx(&from_xlsx, Some(&from_xlsx.meetings[&paris()])).unwrap();
    assert_eq!(
        parts(&again),
        parts(&attendees::xlsx(&original, Some(m)).unwrap())
    );

    // Into the project it came from: everyone is matched, nothing changes.
    let same = import(meeting_csv.into_bytes(), &original, Some(&paris()));
    assert_eq!(same, original);
}

#[test]
fn a_meeting_list_into_an_empty_meeting_makes_its_sides() {
    let original = sample();
    let csv = attendees::csv(&original, Some(&original.meetings[&paris()]));
    let mut bare = original.clone();
    bare.people.clear();
    let bm = bare.meetings.get_mut(&paris()).unwrap();
    bm.attendees.clear();
    bm.sides.clear();
    let after = import(csv.clone().into_bytes(), &bare, Some(&paris()));
    let m = &after.meetings[&paris()];
    let sides: Vec<(String, String)> = m
        .sides
        .iter()
        .map(|s| (s.name.en.clone(), s.name.zh.clone()))
        .collect();
    assert_eq!(
        sides,
        [
            (
                "CCAA delegation".to_owned(),
                "中国认证认可协会代表团".to_owned()
            ),
            ("AFNOR".to_owned(), "法国标准化协会".to_owned())
        ]
    );
    assert_eq!(attendees::csv(&after, Some(m)), csv);
}

#[test]
fn a_revised_list_is_an_update() {
    let project = sample();
    // The same people, typed otherwise: case, spacing, honorific, the other script.
    let revised = "Honorific,Family name,Given name,Chinese name,Title,Phone,Email\n\
        Dr.,huang,JIXIAN,,Executive Vice President,+86 10 5555 0000,huang@ccaa.org.cn\n\
        ,,,方艳,,,fang@ccaa.org.cn\n\
        Ms.,AUGEREAU  LANDAIS,Myriam,,Director General of AFNOR International,,\n";
    let mut people = read(revised.as_bytes().to_vec(), &project).preview.people;
    find_changes(&project, project.meetings.get(&paris()), &mut people, false);
    let ids: Vec<&str> = people
        .iter()
        .map(|p| p.matched.as_ref().unwrap().as_str())
        .collect();
    assert_eq!(ids, ["huang-jixian", "fang-yan", "augereau-landais-myriam"]);
    let huang: Vec<(Field, &str, &str, bool)> = people[0]
        .changes
        .iter()
        .map(|c| (c.field, c.old.as_str(), c.new.as_str(), c.take))
        .collect();
    assert_eq!(
        huang,
        [
            (Field::Honorific, "Mr.", "Dr.", false),
            (
                Field::Title,
                "Executive Vice President and Secretary General",
                "Executive Vice President",
                false
            ),
            (Field::Email, "", "huang@ccaa.org.cn", true),
            (Field::Phone, "+86 10 6552 0000", "+86 10 5555 0000", false),
        ]
    );
    assert_eq!(
        people[1].changes.len(),
        1,
        "only the e-mail: {:?}",
        people[1].changes
    );
    assert_eq!(people[1].fate(), Fate::Updated);
    assert_eq!(people[2].changes[0].field, Field::Title);
    assert_eq!(
        people[2].fate(),
        Fate::Matched,
        "a change not taken changes nothing"
    );

    // By default only the empty fields are filled.
    let (edit, summary) = build_edit(&project, &people, Some(&paris()));
    let mut after = project.clone();
    edit.apply(&mut after);
    let huang = &after.people[&PersonId::from("huang-jixian")];
    assert_eq!(huang.email, "huang@ccaa.org.cn");
    assert_eq!(
        huang.title.en,
        "Executive Vice President and Secretary General"
    );
    assert_eq!(summary.updated_people.len(), 2);
    assert_eq!(
        summary.name_cards_changed, 0,
        "e-mails are not on name cards"
    );
    assert!(summary.added_people.is_empty());

    // Taking the changes: two name cards to print again.
    find_changes(&project, project.meetings.get(&paris()), &mut people, true);
    let (edit, summary) = build_edit(&project, &people, Some(&paris()));
    let mut after = project.clone();
    edit.apply(&mut after);
    let huang = &after.people[&PersonId::from("huang-jixian")];
    assert_eq!(huang.title.en, "Executive Vice President");
    assert_eq!(huang.honorific, delegation_planner::model::Honorific::Dr);
    assert_eq!(summary.name_cards_changed, 2);
    assert_eq!(summary.changed_fields, 4 + 1 + 1);
    assert_eq!(
        after.meetings[&paris()].attendees.len(),
        project.meetings[&paris()].attendees.len()
    );
}

#[test]
fn the_same_value_written_otherwise_is_no_change() {
    let project = sample();
    // FANG Yan's Chinese title is `技术标准部 主任` in the sample (aligned by a space); the
    // list writes it solid, her phone spaced and HUANG's e-mail… not at all yet, his
    // phone dashed, his English title with a double space.
    let fang = &project.people[&PersonId::from("fang-yan")];
    assert_eq!(fang.title.zh, "技术标准部 主任");
    let revised = "Chinese name,Title,Title (Chinese),Phone\n\
        方艳,,技术标准部主任,138 0013 8000\n\
        黄继先,Executive Vice President  and Secretary General,,+86-10-6552-0000\n";
    let mut people = read(revised.as_bytes().to_vec(), &project).preview.people;
    find_changes(&project, None, &mut people, true);
    for p in &people {
        assert!(p.matched.is_some(), "{:?}", p.person.chinese_name);
        assert!(p.changes.is_empty(), "{:?}", p.changes);
        assert_eq!(p.fate(), Fate::Matched);
    }
    // A real change is still one.
    let revised = "Chinese name,Title (Chinese),Email\n方艳,技术标准部 副主任,FANG@CCAA.ORG.CN\n";
    let mut people = read(revised.as_bytes().to_vec(), &project).preview.people;
    find_changes(&project, None, &mut people, false);
    let fields: Vec<Field> = people[0].changes.iter().map(|c| c.field).collect();
    assert_eq!(fields, [Field::TitleZh, Field::Email]);
}

#[test]
fn new_people_and_organisations_get_ascii_ids() {
    let project = sample();
    let list =
        "Name,Organisation\nJörg MÜLLER-LANG,Deutsches Institut für Normung\n张伟,深圳标准院\n";
    let after = import(list.as_bytes().to_vec(), &project, None);
    let added: Vec<&str> = after
        .people
        .keys()
        .filter(|id| !project.people.contains_key(*id))
        .map(|id| id.as_str())
        .collect();
    assert_eq!(added, ["muller-lang-jorg", "zhang-wei"]);
    let orgs: Vec<&str> = after
        .organisations
        .keys()
        .filter(|id| !project.organisations.contains_key(*id))
        .map(|id| id.as_str())
        .collect();
    assert_eq!(
        orgs,
        ["deutsches-institut-fur-normung", "shen-zhen-biao-zhun-yuan"]
    );
}

#[test]
fn a_revised_meeting_list_changes_places() {
    let project = sample();
    let m = &project.meetings[&paris()];
    let csv = attendees::csv(&project, Some(m));
    // Huang is now remote, and Peter ZHANG confirmed.
    let mut lines: Vec<String> = csv.lines().map(str::to_owned).collect();
    let huang = lines.iter().position(|l| l.contains(",Huang,")).unwrap();
    lines[huang] = lines[huang].replace(",On site", ",Remote");
    let zhang = lines.iter().position(|l| l.contains(",Zhang,")).unwrap();
    lines[zhang] = lines[zhang].replace(",Declined,", ",Confirmed,");
    let revised = lines.join("\r\n");
    let mut people = read(revised.into_bytes(), &project).preview.people;
    find_changes(&project, Some(m), &mut people, true);
    let changed: Vec<(Field, String, String)> = people
        .iter()
        .flat_map(|p| {
            p.changes
                .iter()
                .map(|c| (c.field, c.old.clone(), c.new.clone()))
        })
        .collect();
    assert_eq!(
        changed,
        [
            (Field::Attendance, "On site".into(), "Remote".into()),
            (Field::Status, "Declined".into(), "Confirmed".into())
        ]
    );
    let (edit, _) = build_edit(&project, &people, Some(&paris()));
    let mut after = project.clone();
    edit.apply(&mut after);
    let a = |id: &str| {
        after.meetings[&paris()]
            .attendees
            .iter()
            .find(|a| a.person.as_str() == id)
            .unwrap()
            .clone()
    };
    assert_eq!(a("huang-jixian").mode, AttendanceMode::Remote);
    assert_eq!(a("zhang-peter").status, AttendanceStatus::Confirmed);
}

#[test]
fn pinyin_never_replaces_a_latin_name_and_namesakes_stay_apart() {
    let project = sample();
    // 方艳 from a Chinese-only list: matched by the characters, her Latin name kept.
    let mut people = read(
        "姓名,职务\n方 艳,主任\n王伟,处长\n".as_bytes().to_vec(),
        &project,
    )
    .preview
    .people;
    find_changes(&project, None, &mut people, true);
    assert_eq!(people[0].matched, Some(PersonId::from("fang-yan")));
    assert!(
        people[0]
            .changes
            .iter()
            .all(|c| c.field != Field::FamilyName && c.field != Field::GivenName)
    );
    assert_eq!(people[1].matched, None, "王伟 is nobody in the project");
}

/// The parts of a workbook by name, without the one that holds its creation time.
fn parts(xlsx: &[u8]) -> Vec<(String, Vec<u8>)> {
    use std::io::Read as _;
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(xlsx)).unwrap();
    let mut out = Vec::new();
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).unwrap();
        let name = file.name().unwrap().into_owned();
        if name == "docProps/core.xml" {
            continue;
        }
        let mut bytes = Vec::new();
        file.read_to_end(&mut bytes).unwrap();
        out.push((name, bytes));
    }
    out
}
