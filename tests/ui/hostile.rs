//! Issue 21 through the real app (the part outside the import readers): a pasted
//! programme with a date the calendar does not have says so on its line and cannot be
//! added until it is corrected; a name too long for its card is printed cut, and the app
//! says so once the file is written; an export aimed at the project's lock file is
//! refused; names with control characters or direction overrides are problems of the
//! project, in both languages.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // Test helpers may panic: a panic is a failed test.

use crate::common;

use common::{ScriptedDialogs, app_harness, finish_jobs, sample_file, settle, type_into};
use delegation_planner::app::DelegationApp;
use delegation_planner::i18n::Language;
use delegation_planner::model::{MeetingId, PersonId};
use delegation_planner::workspace::{Command, Dialog, Picked};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

fn run(h: &mut Harness<'_, DelegationApp>, command: Command) {
    let ctx = h.ctx.clone();
    h.state_mut().run_command(&ctx, command);
    settle(h);
}

fn paris(h: &Harness<'_, DelegationApp>) -> delegation_planner::model::Meeting {
    h.state().workspace.doc.project().meetings[&MeetingId::from("paris-2024")].clone()
}

#[test]
fn a_date_the_calendar_does_not_have_blocks_the_paste_and_says_its_line() {
    for language in [Language::English, Language::Chinese] {
        let (_dir, path) = sample_file();
        let mut h = app_harness(Some(path), ScriptedDialogs::default());
        h.state_mut().workspace.settings.language = language;
        settle(&mut h);
        let before = paris(&h);
        let t = language.strings();
        h.get_by_label(t.paste_agenda).click();
        settle(&mut h);
        type_into(
            &mut h,
            t.draft_agenda,
            "9:00 Opening\nDay 2 — 31 February 2024\n9:00 Site visit",
        );
        let says = match language {
            Language::English => {
                "Line 2: “31 February 2024” is not a date: February 2024 has 29 days."
            }
            Language::Chinese => {
                "第 2 行：“31 February 2024”不是有效日期：2024 年 2 月只有 29 天。"
            }
        };
        assert!(h.query_by_label_contains(says).is_some(), "{language:?}");
        let add = format!("{} (2)", t.add_items);
        h.get_by_label(&add).click();
        settle(&mut h);
        assert!(
            matches!(h.state().workspace.dialog, Some(Dialog::PasteAgenda { .. })),
            "still open: the text must be corrected first"
        );
        assert_eq!(paris(&h), before, "nothing added");
    }
}

#[test]
fn a_name_too_long_for_its_card_is_cut_and_the_app_says_so() {
    let dialogs = ScriptedDialogs::default();
    let (dir, path) = sample_file();
    let mut h = app_harness(Some(path), dialogs.clone());
    let mut project = h.state().workspace.doc.project().clone();
    project
        .people
        .get_mut(&PersonId::from("huang-jixian"))
        .unwrap()
        .family_name = "黄".repeat(300_000);
    h.state_mut().workspace.doc =
        delegation_planner::document::Document::from_file(project, dir.path().join("paris.ron"));
    run(&mut h, Command::ShowMeetings);
    h.get_by_label("Name cards…").click();
    settle(&mut h);
    let out = dir.path().join("cards.pdf");
    dialogs.answer(Picked::File(out.clone()));
    h.get_by_label("Save…").click();
    settle(&mut h);
    finish_jobs(&mut h);
    assert!(out.exists(), "written");
    match &h.state().workspace.dialog {
        Some(Dialog::Error { title, message }) => {
            let title = title.text(delegation_planner::i18n::Language::English);
            let message = message.text(delegation_planner::i18n::Language::English);
            assert_eq!(title, "Exported, with texts shortened");
            assert!(message.starts_with("The file was written."), "{message}");
            assert!(
                message.contains("(300,011 characters): does not fit its place"),
                "{message}"
            );
            assert!(message.ends_with(&out.display().to_string()), "{message}");
        }
        other => panic!("{other:?}"),
    }
    let toast = h.state().workspace.toast_text().unwrap().to_owned();
    assert!(toast.starts_with("Exported "), "{toast}");
}

#[test]
fn an_export_aimed_at_the_lock_file_is_refused() {
    let dialogs = ScriptedDialogs::default();
    let (dir, path) = sample_file();
    let mut h = app_harness(Some(path.clone()), dialogs.clone());
    let before = std::fs::read(&path).unwrap();
    let lock = dir.path().join(".paris.ron.lock");
    dialogs.answer(Picked::File(lock.clone()));
    run(
        &mut h,
        Command::ExportAgenda(delegation_planner::export::agenda::AgendaFormat::Md),
    );
    // The export dialog first (language, a copy for partners), then where to save it.
    h.get_by_label("Save…").click();
    settle(&mut h);
    finish_jobs(&mut h);
    assert!(!lock.exists(), "nothing written");
    match &h.state().workspace.dialog {
        Some(Dialog::Error { message, .. }) => {
            let message = message.text(delegation_planner::i18n::Language::English);
            assert!(
                message.contains("This is the lock file of a project"),
                "{message}"
            );
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn control_characters_and_overrides_are_problems_in_both_languages() {
    let (_dir, path) = sample_file();
    let mut h = app_harness(Some(path), ScriptedDialogs::default());
    let mut project = h.state().workspace.doc.project().clone();
    project
        .people
        .get_mut(&PersonId::from("huang-jixian"))
        .unwrap()
        .family_name = "Wang\u{202E}gnaW\u{1b}[31m".into();
    let problems = delegation_planner::model::validate(&project);
    assert_eq!(problems.len(), 2, "{problems:?}");
    let en: Vec<String> = problems
        .iter()
        .map(|p| delegation_planner::i18n::describe_problem(&project, p, Language::English))
        .collect();
    let zh: Vec<String> = problems
        .iter()
        .map(|p| delegation_planner::i18n::describe_problem(&project, p, Language::Chinese))
        .collect();
    // The name is quoted with its characters shown, never applied.
    assert_eq!(
        en[0],
        "Person WANG\\u{202e}GNAW\\u{1b}[31M Jixian 黄继先: the family name holds a control character (U+001B), which shows as nothing or garbles a terminal; retype the field without it"
    );
    assert_eq!(
        zh[1],
        "人员 WANG\\u{202e}GNAW\\u{1b}[31M Jixian 黄继先：姓中含有文字方向控制符（U+202E），会使文字反向或错乱显示；请删除该字符后重新输入"
    );
    h.state_mut().workspace.doc =
        delegation_planner::document::Document::unsaved(project.clone(), false);
    settle(&mut h);
    // The status bar counts them, in English's singular too.
    h.get_by_label("▲ 2 problems");
    project
        .people
        .get_mut(&PersonId::from("huang-jixian"))
        .unwrap()
        .family_name = "Wang\u{1b}".into();
    h.state_mut().workspace.doc = delegation_planner::document::Document::unsaved(project, false);
    settle(&mut h);
    h.get_by_label("▲ 1 problem");
}
