//! Issue 15 through the real app: no internal id on screen, every "saved" and "exported"
//! message with its full path and "Open folder", the Chinese interface translated to the
//! last word (calendar, units, honorifics), and the small behaviours a protocol officer
//! met: topics typed with commas, Chinese name order, accent-blind search, protocol order
//! that never changes a role, one progress entry per status change, a sensible due date,
//! the status bar after New, the people list's headers, the first focus, name cards of
//! three sizes, characters no font has, and the app's own file browser.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // Test helpers may panic: a panic is a failed test.

use crate::common;

use chrono::NaiveDate;
use common::{ScriptedDialogs, finish_jobs, settle, tall_sample_harness, type_into};
use delegation_planner::app::DelegationApp;
use delegation_planner::model::{
    AttendanceRole, CommitmentId, CommitmentStatus, MeetingId, NameOrder, PersonId, Project,
};
use delegation_planner::workspace::{Command, Dialog, Picked, Settings};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// The app on a copy of the sample in a temp folder, "today" fixed, a tall window.
fn harness(dialogs: ScriptedDialogs) -> (tempfile::TempDir, Harness<'static, DelegationApp>) {
    let (dir, mut h) = tall_sample_harness(dialogs);
    h.state_mut().workspace.today = d(2025, 7, 2);
    settle(&mut h);
    (dir, h)
}

fn project<'a>(h: &'a Harness<'_, DelegationApp>) -> &'a Project {
    h.state().workspace.doc.project()
}

fn run(h: &mut Harness<'_, DelegationApp>, command: Command) {
    let ctx = h.ctx.clone();
    h.state_mut().run_command(&ctx, command);
    settle(h);
}

fn choose(h: &mut Harness<'_, DelegationApp>, combo: &str, option: &str) {
    h.get_by_role_and_label(Role::ComboBox, combo).click();
    settle(h);
    h.get_by_role(Role::ListBox).get_by_label(option).click();
    settle(h);
}

#[test]
fn no_internal_id_is_shown_in_any_editor() {
    let (_dir, mut h) = harness(ScriptedDialogs::default());
    let ids: Vec<String> = {
        let p = project(&h);
        p.meetings
            .keys()
            .map(|k| k.to_string())
            .chain(p.people.keys().map(|k| k.to_string()))
            .chain(p.organisations.keys().map(|k| k.to_string()))
            .chain(p.commitments.keys().map(|k| k.to_string()))
            .collect()
    };
    for (view, language) in [
        (Command::ShowMeetings, Command::English),
        (Command::ShowPeople, Command::English),
        (Command::ShowOrganisations, Command::English),
        (Command::ShowCommitments, Command::English),
        (Command::ShowMeetings, Command::Chinese),
        (Command::ShowPeople, Command::Chinese),
    ] {
        run(&mut h, language);
        run(&mut h, view);
        assert!(h.query_by_label_contains("id: ").is_none(), "{view:?}");
        assert!(h.query_by_label_contains("Id: ").is_none(), "{view:?}");
        assert!(h.query_by_label_contains("编号").is_none(), "{view:?}");
        for id in &ids {
            // Ids made of one word (`ccaa`) may be an acronym too; only slugs with a dash
            // are unmistakably ids.
            if id.contains('-') {
                assert!(h.query_by_label(id).is_none(), "{id} shown in {view:?}");
                assert!(
                    h.query_by_label_contains(&format!("({id})")).is_none(),
                    "{id} shown in {view:?}"
                );
            }
        }
    }
}

#[test]
fn an_export_says_where_it_went_and_opens_its_folder() {
    let dialogs = ScriptedDialogs::default();
    let (dir, mut h) = harness(dialogs.clone());
    let out = dir.path().join("exports").join("agenda.ics");
    std::fs::create_dir(out.parent().unwrap()).unwrap();
    dialogs.answer(Picked::File(out.clone()));
    run(
        &mut h,
        Command::ExportAgenda(delegation_planner::export::agenda::AgendaFormat::Ics),
    );
    h.get_by_label("Save…").click();
    settle(&mut h);
    finish_jobs(&mut h);
    assert!(out.exists());
    let toast = h.state().workspace.toast_text().unwrap().to_owned();
    assert_eq!(toast, format!("Exported {}", out.display()));
    h.get_by_label("Open folder").click();
    settle(&mut h);
    assert_eq!(dialogs.opened_folders(), [out.parent().unwrap().to_owned()]);

    // A save names the whole path too.
    run(&mut h, Command::Save);
    finish_jobs(&mut h);
    let saved = h.state().workspace.toast.clone().unwrap();
    assert_eq!(
        h.state().workspace.toast_text().unwrap(),
        format!("Saved {}", dir.path().join("paris.ron").display())
    );
    assert_eq!(saved.folder.as_deref(), Some(dir.path()));
}

#[test]
fn one_organisation_is_not_organisations() {
    let dialogs = ScriptedDialogs::default();
    let (dir, mut h) = harness(dialogs.clone());
    let csv = dir.path().join("one.csv");
    std::fs::write(
        &csv,
        "Family name,Given name,Organisation\nMüller,Thomas,DIN\n",
    )
    .unwrap();
    h.get_by_label("Import list…").click();
    settle(&mut h);
    dialogs.answer(Picked::File(csv));
    h.get_by_label("Open a file…").click();
    finish_jobs(&mut h);
    h.get_by_label("Add people (1)").click();
    settle(&mut h);
    finish_jobs(&mut h);
    let toast = h.state().workspace.toast_text().unwrap().to_owned();
    assert_eq!(
        toast,
        "Added 1 person and 1 organisation; 0 already in the project"
    );
}

#[test]
fn the_chinese_interface_has_chinese_dates_units_and_honorifics() {
    let (_dir, mut h) = harness(ScriptedDialogs::default());
    run(&mut h, Command::Chinese);
    run(&mut h, Command::ShowMeetings);
    // Durations in minutes, in Chinese.
    assert!(h.query_by_label_contains(" min").is_none());
    // The meeting's first day, written the Chinese way, and its calendar in Chinese.
    let field = h
        .query_all_by_label("日期")
        .find(|n| n.accesskit_node().role() == Role::TextInput)
        .unwrap();
    assert_eq!(field.value().as_deref(), Some("2024年9月23日"));
    h.get_all_by_label("日历").next().unwrap().click();
    settle(&mut h);
    for label in ["2024年9月", "一", "日", "今天"] {
        assert!(h.query_by_label(label).is_some(), "{label} missing");
    }
    assert!(h.query_by_label("Mo").is_none() && h.query_by_label("September 2024").is_none());
    // Pick the 24th: the meeting moves a day.
    h.get_all_by_label("24").next().unwrap().click();
    settle(&mut h);
    assert_eq!(
        project(&h).meetings[&MeetingId::from("paris-2024")].days[0].date,
        d(2024, 9, 24)
    );
    // A person is listed Chinese name first (issue 27), and addressed the Chinese way.
    run(&mut h, Command::ShowPeople);
    assert!(h.query_by_label("HUANG Jixian 黄继先").is_none());
    h.get_by_label("黄继先 HUANG Jixian").click();
    settle(&mut h);
    assert!(h.query_all_by_label("HUANG Jixian 黄继先先生").count() >= 1);
    assert!(h.query_by_label_contains("Mr.").is_none());
}

#[test]
fn topics_keep_their_commas_while_typed() {
    let (_dir, mut h) = harness(ScriptedDialogs::default());
    run(&mut h, Command::ShowCommitments);
    h.get_by_label("Meet periodically to share experience and expertise")
        .click();
    settle(&mut h);
    let field = "Topics";
    h.get_by_label(field).focus();
    settle(&mut h);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_label(field).type_text("ISO 50001, ESG, ");
    settle(&mut h);
    // What was typed stays, comma and space included, and the topics are read from it.
    assert_eq!(
        h.get_by_label(field).value().as_deref(),
        Some("ISO 50001, ESG, ")
    );
    let c = &project(&h).commitments[&CommitmentId::from("sharing-expertise")];
    assert_eq!(c.topics, ["ISO 50001", "ESG"]);
}

#[test]
fn a_chinese_name_makes_the_family_name_come_first() {
    let (_dir, mut h) = harness(ScriptedDialogs::default());
    run(&mut h, Command::ShowPeople);
    h.get_by_label("+ Add person").click();
    settle(&mut h);
    type_into(&mut h, "Family name", "Li");
    type_into(&mut h, "Given name", "Na");
    type_into(&mut h, "Chinese name", "李娜");
    let p = project(&h);
    let li = p.people.values().find(|p| p.family_name == "Li").unwrap();
    assert_eq!(li.name_order, NameOrder::FamilyFirst);
    // The heading and "Shown as".
    assert!(h.query_all_by_label("LI Na 李娜").count() >= 1);
}

#[test]
fn search_ignores_accents() {
    let (_dir, mut h) = harness(ScriptedDialogs::default());
    let mut p = project(&h).clone();
    p.people.insert(
        PersonId::from("muller-thomas"),
        delegation_planner::model::Person {
            family_name: "MÜLLER".into(),
            given_name: "Thomas".into(),
            ..Default::default()
        },
    );
    h.state_mut().workspace.doc = delegation_planner::document::Document::unsaved(p, false);
    run(&mut h, Command::ShowPeople);
    type_into(&mut h, "Search…", "muller");
    finish_jobs(&mut h);
    assert!(h.query_by_label("Thomas MÜLLER").is_some());
    assert!(h.query_by_label("1 found").is_some());
}

#[test]
fn moving_a_member_up_never_makes_them_head_of_delegation() {
    let (_dir, mut h) = harness(ScriptedDialogs::default());
    run(&mut h, Command::ShowMeetings);
    // August TSAI, second of AFNOR's delegation, under its head.
    h.get_by_label("August TSAI").click();
    settle(&mut h);
    // The button is off (the head of delegation comes first): a click does nothing.
    h.get_by_label("Earlier in protocol order: August TSAI")
        .click();
    settle(&mut h);
    let m = &project(&h).meetings[&MeetingId::from("paris-2024")];
    let role = |id: &str| {
        m.attendees
            .iter()
            .find(|a| a.person.as_str() == id)
            .unwrap()
            .role
    };
    assert_eq!(
        role("augereau-landais-myriam"),
        AttendanceRole::HeadOfDelegation
    );
    assert_ne!(role("tsai-august"), AttendanceRole::HeadOfDelegation);
    assert!(!h.state().workspace.doc.is_dirty());
}

#[test]
fn a_status_tried_and_taken_back_leaves_one_log() {
    let (_dir, mut h) = harness(ScriptedDialogs::default());
    run(&mut h, Command::ShowCommitments);
    let mr = "Mutual recognition of auditor registration and competence";
    h.get_by_label(mr).click();
    settle(&mut h);
    let before = project(&h).commitments[&CommitmentId::from("mutual-recognition")].clone();
    choose(&mut h, "Status", "In progress");
    choose(&mut h, "Status", "Done");
    let c = &project(&h).commitments[&CommitmentId::from("mutual-recognition")];
    assert_eq!(c.progress.len(), before.progress.len() + 1, "one entry");
    assert_eq!(
        c.progress.last().unwrap().status,
        Some(CommitmentStatus::Done)
    );
    choose(&mut h, "Status", "Blocked");
    let c = &project(&h).commitments[&CommitmentId::from("mutual-recognition")];
    assert_eq!(
        c.progress, before.progress,
        "back where it was, no duplicate"
    );
}

#[test]
fn a_new_commitment_is_not_due_before_its_meeting() {
    let (_dir, mut h) = harness(ScriptedDialogs::default());
    // A meeting a year on; a point agreed there.
    run(&mut h, Command::ShowMeetings);
    h.get_by_label("Plan next meeting…").click();
    settle(&mut h);
    h.get_by_label("Create").click();
    settle(&mut h);
    let meeting = h.state().view.meeting.clone().unwrap();
    let date = project(&h).meetings[&meeting].end_date();
    h.get_by_label_contains("Points agreed at this meeting")
        .click();
    settle(&mut h);
    h.get_by_label("+ Add point").click();
    settle(&mut h);
    let (id, _) = project(&h)
        .commitments
        .iter()
        .find(|(_, c)| c.agreed_at.as_ref() == Some(&meeting))
        .map(|(id, c)| (id.clone(), c.clone()))
        .unwrap();
    // Open it in the commitments view, as its "Open" button does.
    {
        let app = h.state_mut();
        app.view.view = delegation_planner::ui::View::Commitments;
        app.view.commitment = Some(id.clone());
    }
    settle(&mut h);
    h.get_by_label("Has a due date").click();
    settle(&mut h);
    let due = project(&h).commitments[&id].due.unwrap();
    assert!(due > date, "{due} is not after the meeting on {date}");
    assert!(due > h.state().workspace.today);
}

#[test]
fn after_new_the_status_bar_no_longer_says_sample() {
    let dialogs = ScriptedDialogs::default();
    let mut h = Harness::builder()
        .with_size([1400.0, 1000.0])
        .build_eframe(move |cc| {
            DelegationApp::with_settings(&cc.egui_ctx, Settings::default(), None, Box::new(dialogs))
        });
    settle(&mut h);
    assert!(h.query_by_label("sample, not saved yet").is_some());
    run(&mut h, Command::New);
    assert!(h.query_by_label("sample, not saved yet").is_none());
    assert!(h.query_by_label("Untitled project").is_some());
    assert!(!h.state().workspace.window_title().contains("sample"));
}

#[test]
fn the_people_list_headers_do_not_overlap() {
    for language in [Command::English, Command::Chinese] {
        let (_dir, mut h) = harness(ScriptedDialogs::default());
        run(&mut h, language);
        run(&mut h, Command::ShowPeople);
        let (name, org, title) = if language == Command::English {
            ("Name ↑", "Organisation", "Title")
        } else {
            ("姓名 ↑", "机构", "职务")
        };
        let name = h.get_by_role_and_label(Role::Button, name).rect();
        let org = h.get_by_role_and_label(Role::Button, org).rect();
        let title = h.get_by_role_and_label(Role::Button, title).rect();
        assert!(name.right() <= org.left() + 0.5, "{name:?} {org:?}");
        assert!(org.right() <= title.left() + 0.5, "{org:?} {title:?}");
    }
}

#[test]
fn nothing_has_the_keyboard_at_first_launch() {
    let (_dir, h) = harness(ScriptedDialogs::default());
    assert_eq!(h.ctx.memory(|m| m.focused()), None);
}

#[test]
fn zoom_is_in_the_view_menu() {
    let (_dir, mut h) = harness(ScriptedDialogs::default());
    h.get_by_label("View").click();
    settle(&mut h);
    for entry in ["Zoom in", "Zoom out", "Actual size"] {
        assert!(h.query_by_label_contains(entry).is_some(), "{entry}");
    }
}

#[test]
fn name_cards_choose_the_paper_and_the_face() {
    let dialogs = ScriptedDialogs::default();
    let (dir, mut h) = harness(dialogs.clone());
    run(&mut h, Command::ShowMeetings);
    h.get_by_label("Name cards…").click();
    settle(&mut h);
    h.get_by_label("Two A5 tents per A4 sheet").click();
    h.get_by_label("Chinese (English on the back)").click();
    settle(&mut h);
    let out = dir.path().join("cards.pdf");
    dialogs.answer(Picked::File(out.clone()));
    h.get_by_label("Save…").click();
    settle(&mut h);
    finish_jobs(&mut h);
    let pdf = std::fs::read(&out).unwrap();
    let pages = pdf_extract::Document::load_mem(&pdf)
        .unwrap()
        .get_pages()
        .len();
    let cards = project(&h).meetings[&MeetingId::from("paris-2024")]
        .attendees
        .iter()
        .filter(|a| a.status != delegation_planner::model::AttendanceStatus::Declined)
        .count();
    assert_eq!(pages, cards.div_ceil(2));
    let text = pdf_extract::extract_text_from_mem(&pdf).unwrap();
    assert_eq!(
        text.matches("黄继先").count(),
        1,
        "Chinese on the front only"
    );
    // The choice is offered again next time.
    h.get_by_label("Name cards…").click();
    settle(&mut h);
    match &h.state().workspace.dialog {
        Some(Dialog::NameCards { options, .. }) => {
            assert_eq!(
                options.size,
                delegation_planner::export::pdf::CardSize::TwoPerA4
            );
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_character_no_font_has_is_named_before_the_file_is_written() {
    let dialogs = ScriptedDialogs::default();
    let (dir, mut h) = harness(dialogs.clone());
    // The screen cannot draw the character either: a box there, as on the user's screen.
    h.ctx
        .set_missing_glyph_policy(egui::epaint::text::MissingGlyphPolicy::Tofu);
    let mut p = project(&h).clone();
    p.people
        .get_mut(&PersonId::from("wang-qian"))
        .unwrap()
        .chinese_name = "王\u{2FFFD}".into();
    h.state_mut().workspace.doc = delegation_planner::document::Document::unsaved(p, false);
    run(&mut h, Command::ShowMeetings);
    let out = dir.path().join("list.pdf");
    dialogs.answer(Picked::File(out.clone()));
    run(
        &mut h,
        Command::ExportAttendees(delegation_planner::export::attendees::AttendeeFormat::Pdf),
    );
    h.get_by_label("Save…").click();
    settle(&mut h);
    finish_jobs(&mut h);
    assert!(!out.exists(), "nothing written before the user decides");
    assert!(h.query_by_label_contains("U+2FFFD").is_some());
    h.get_by_label("Cancel").click();
    settle(&mut h);
    assert!(!out.exists());
    // Again, and keep it.
    dialogs.answer(Picked::File(out.clone()));
    run(
        &mut h,
        Command::ExportAttendees(delegation_planner::export::attendees::AttendeeFormat::Pdf),
    );
    h.get_by_label("Save…").click();
    settle(&mut h);
    finish_jobs(&mut h);
    h.get_by_label("Save anyway").click();
    settle(&mut h);
    finish_jobs(&mut h);
    assert!(out.exists());
}

#[test]
fn without_a_file_dialog_the_app_browses_and_a_bare_name_stays_in_the_folder_shown() {
    let dialogs = ScriptedDialogs::default();
    let (dir, mut h) = harness(dialogs.clone());
    dialogs.answer(Picked::Unavailable("No file dialog here.".into()));
    run(&mut h, Command::SaveAs);
    // The browser lists the folder of the project, with its file.
    assert!(h.query_by_label("paris.ron").is_some());
    assert!(h.query_by_label("Recent folders").is_some());
    // A bare file name.
    h.get_by_label("File path").focus();
    settle(&mut h);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_label("File path").type_text("copy");
    settle(&mut h);
    h.get_by_label("Save").click();
    settle(&mut h);
    finish_jobs(&mut h);
    assert!(dir.path().join("copy.ron").exists(), "in the folder shown");
    assert!(
        !std::path::Path::new("copy.ron").exists(),
        "not in the working folder"
    );
}
