//! Keyboard and language in the real app (issue 27), driven by accessible label: every
//! dialog's default button on Enter and Escape that cancels, Tab in live minutes that stays
//! in the language column it started in (also after a click), and messages said again in
//! the new language after a switch.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // Test helpers may panic: a panic is a failed test.

use crate::common;

use common::{ScriptedDialogs, settle, tall_sample_harness};
use delegation_planner::app::DelegationApp;
use delegation_planner::model::{ItemId, MeetingId, Outcome};
use egui::Key;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

fn sample() -> (tempfile::TempDir, Harness<'static, DelegationApp>) {
    let (dir, mut h) = tall_sample_harness(ScriptedDialogs::default());
    settle(&mut h);
    (dir, h)
}

fn outcome_of(h: &Harness<'_, DelegationApp>, item: &str) -> Outcome {
    h.state().workspace.doc.project().meetings[&MeetingId::from("paris-2024")]
        .item(&ItemId::from(item))
        .unwrap()
        .outcome
        .clone()
}

/// Clicks (a real pointer click) into the `index`th summary field of the live minutes.
fn click_summary(h: &mut Harness<'_, DelegationApp>, index: usize) {
    h.get_all_by_role(Role::MultilineTextInput)
        .nth(index)
        .expect("the summary field")
        .click();
    settle(h);
}

fn type_text(h: &mut Harness<'_, DelegationApp>, text: &str) {
    h.event(egui::Event::Text(text.to_owned()));
    settle(h);
}

fn press_key(h: &mut Harness<'_, DelegationApp>, key: Key) {
    h.key_press(key);
    settle(h);
}

#[test]
fn tab_in_live_minutes_stays_in_the_column_clicked_into() {
    let (_dir, mut h) = sample();
    h.get_by_label("Take minutes").click();
    settle(&mut h);
    let before_en = outcome_of(&h, "cooperation-points").summary.en;

    // Item 2's Chinese summary (fields: item 1 en, item 1 zh, item 2 en, item 2 zh…).
    click_summary(&mut h, 3);
    type_text(&mut h, "甲");
    press_key(&mut h, Key::Tab);
    type_text(&mut h, "乙");
    assert!(
        outcome_of(&h, "past-cooperation")
            .summary
            .zh
            .ends_with('甲')
    );
    let third = outcome_of(&h, "cooperation-points").summary;
    assert!(third.zh.ends_with('乙'), "{third:?}");
    assert_eq!(third.en, before_en, "the English beside it is untouched");
    // A decision and a commitment added by their shortcuts go on in Chinese too (the UI is
    // English: they used to open in the English field).
    common::press(&mut h, Key::D);
    type_text(&mut h, "丙");
    let decision = outcome_of(&h, "cooperation-points")
        .decisions
        .last()
        .cloned()
        .unwrap();
    assert_eq!((decision.en.as_str(), decision.zh.as_str()), ("", "丙"));
    let before = h.state().workspace.doc.project().commitments.clone();
    common::press(&mut h, Key::K);
    type_text(&mut h, "丁");
    let project = h.state().workspace.doc.project().clone();
    let new = project
        .commitments
        .iter()
        .find(|(id, _)| !before.contains_key(*id))
        .map(|(_, c)| c.title.clone())
        .expect("a new commitment");
    assert_eq!((new.en.as_str(), new.zh.as_str()), ("", "丁"));

    // The same from item 2's English summary.
    let before_zh = outcome_of(&h, "cooperation-points").summary.zh;
    click_summary(&mut h, 2);
    type_text(&mut h, "A");
    press_key(&mut h, Key::Tab);
    type_text(&mut h, "B");
    // The click put the cursor where it landed, inside the text.
    assert!(outcome_of(&h, "past-cooperation").summary.en.contains('A'));
    let third = outcome_of(&h, "cooperation-points").summary;
    assert!(third.en.ends_with('B'), "{third:?}");
    assert_eq!(third.zh, before_zh, "the Chinese beside it is untouched");
}

#[test]
fn a_status_message_and_an_error_are_said_again_after_a_language_switch() {
    use delegation_planner::workspace::{Command, Dialog, Picked};
    let dialogs = ScriptedDialogs::default();
    let (dir, mut h) = tall_sample_harness(dialogs.clone());
    settle(&mut h);
    let path = dir.path().join("paris.ron");
    common::press(&mut h, Key::S);
    common::finish_jobs(&mut h);
    let saved = format!("Saved {}", path.display());
    assert_eq!(h.state().workspace.toast_text(), Some(saved.as_str()));
    assert!(h.query_by_label(&saved).is_some(), "in the status bar");

    // Through the View menu, as the user switches: the same file, in Chinese.
    h.get_by_label("View").click();
    settle(&mut h);
    h.get_by_label("中文").click();
    settle(&mut h);
    let saved = format!("已保存 {}", path.display());
    assert_eq!(h.state().workspace.toast_text(), Some(saved.as_str()));
    assert!(h.query_by_label(&saved).is_some(), "in the status bar");
    h.get_by_label("视图").click();
    settle(&mut h);
    h.get_by_label("English").click();
    settle(&mut h);

    // A file refused on opening: the error in English, then in Chinese. The menu is behind
    // the dialog: the switch is the menu's command.
    let garbage = dir.path().join("notes.ron");
    std::fs::write(&garbage, "(this is not a project").unwrap();
    dialogs.answer(Picked::File(garbage.clone()));
    common::press(&mut h, Key::O);
    common::finish_jobs(&mut h);
    assert!(matches!(
        h.state().workspace.dialog,
        Some(Dialog::Error { .. })
    ));
    assert!(h.query_by_label("Could not open the project").is_some());
    let ctx = h.ctx.clone();
    h.state_mut().run_command(&ctx, Command::Chinese);
    settle(&mut h);
    assert!(h.query_by_label("Could not open the project").is_none());
    assert!(h.query_by_label("无法打开项目").is_some());
    let Some(Dialog::Error { message, .. }) = &h.state().workspace.dialog else {
        panic!("the error stays open");
    };
    let message = message
        .text(delegation_planner::i18n::Language::Chinese)
        .to_owned();
    assert!(message.contains('。'), "{message}");
    assert!(
        message.ends_with(&garbage.display().to_string()),
        "{message}"
    );
    assert!(h.query_by_label(&message).is_some(), "shown: {message}");
}

#[test]
fn problems_a_missing_file_dialog_and_a_letters_error_are_said_again_after_a_switch() {
    use delegation_planner::i18n::Language;
    use delegation_planner::workspace::{Command, Dialog, Picked, Said};
    // A project whose check finds a problem: an item longer than a day.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("paris.ron");
    let text = delegation_planner::samples::CCAA_AFNOR_RON.replacen(
        "duration_minutes: 30",
        "duration_minutes: 4294967295",
        1,
    );
    std::fs::write(&path, text).unwrap();
    let dialogs = ScriptedDialogs::default();
    let mut h = common::app_harness(Some(path), dialogs.clone());
    let problem = |h: &Harness<'_, DelegationApp>, language| {
        let Some(Dialog::Problems(problems)) = &h.state().workspace.dialog else {
            panic!("{:?}", h.state().workspace.dialog);
        };
        format!("• {}", problems[0].text(language))
    };
    let (en, zh) = (
        problem(&h, Language::English),
        problem(&h, Language::Chinese),
    );
    assert_ne!(en, zh);
    assert!(h.query_by_label(&en).is_some(), "{en}");
    let ctx = h.ctx.clone();
    h.state_mut().run_command(&ctx, Command::Chinese);
    settle(&mut h);
    assert!(h.query_by_label(&en).is_none());
    assert!(h.query_by_label(&zh).is_some(), "{zh}");
    h.get_by_label("确定").click();
    settle(&mut h);
    assert!(h.state().workspace.dialog.is_none());

    // No file dialog on this desktop: the browser says why, in the language of the moment.
    dialogs.answer(Picked::Unavailable(Said::fixed(|t| t.no_file_dialog)));
    common::press(&mut h, Key::O);
    settle(&mut h);
    let why_zh = Said::fixed(|t| t.no_file_dialog);
    assert!(h.query_by_label(why_zh.text(Language::Chinese)).is_some());
    h.state_mut().run_command(&ctx, Command::English);
    settle(&mut h);
    assert!(h.query_by_label(why_zh.text(Language::English)).is_some());
    assert!(h.query_by_label(why_zh.text(Language::Chinese)).is_none());
    h.get_by_label("Cancel").click();
    settle(&mut h);

    // The letters dialog with nobody ticked: its error follows the switch too.
    h.get_by_label("Invitation letters…").click();
    settle(&mut h);
    if let Some(Dialog::Letters(state)) = &mut h.state_mut().workspace.dialog {
        state.people.iter_mut().for_each(|(_, on)| *on = false);
    }
    h.get_by_label("Make letters…").click();
    settle(&mut h);
    let nobody = Said::fixed(|t| t.letters.no_people);
    assert!(h.query_by_label(nobody.text(Language::English)).is_some());
    h.state_mut().run_command(&ctx, Command::Chinese);
    settle(&mut h);
    assert!(h.query_by_label(nobody.text(Language::Chinese)).is_some());
    assert!(h.query_by_label(nobody.text(Language::English)).is_none());
}
