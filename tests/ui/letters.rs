//! Invitation letters and personal data through the real app: the letters dialog checks
//! first and lists who lacks what, a missing value is filled where it is listed, the
//! letters are written; a copy is shared without personal data; saving a project that
//! holds personal data into a synced folder says so, once.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // Test helpers may panic: a panic is a failed test.

use crate::common;

use common::{ScriptedDialogs, app_harness, finish_jobs, settle};
use delegation_planner::model::{Bilingual, Gender, PersonId};
use delegation_planner::project_file::{read_project, save_project};
use delegation_planner::workspace::{Dialog, Picked};
use egui::Key;
use egui_kittest::kittest::Queryable as _;

/// The sample with what a Chinese visa letter needs, except Ms. FANG's passport number.
fn sample_in(folder: &std::path::Path) -> std::path::PathBuf {
    std::fs::create_dir_all(folder).unwrap();
    let path = folder.join("paris.ron");
    let mut p = delegation_planner::samples::ccaa_afnor().unwrap();
    for (id, gender, passport) in [
        ("huang-jixian", Gender::Male, "E12345678"),
        ("fang-yan", Gender::Female, ""),
        ("wang-qian", Gender::Female, "EJ3456789"),
    ] {
        let person = p.people.get_mut(id).unwrap();
        person.personal.gender = gender;
        person.personal.date_of_birth = chrono::NaiveDate::from_ymd_opt(1970, 1, 2);
        person.personal.nationality = "China".to_owned();
        person.personal.passport_number = passport.to_owned();
        person.personal.passport_expiry = chrono::NaiveDate::from_ymd_opt(2030, 1, 1);
    }
    let afnor = p.organisations.get_mut("afnor").unwrap();
    afnor.address = Bilingual::new("11 rue Francis de Pressensé, Saint-Denis", "法国圣但尼");
    afnor.phone = "+33 1 41 62 80 00".to_owned();
    afnor.representative = Bilingual::new("Olivier PEYRAT", "奥利维耶·佩拉");
    let m = p.meetings.get_mut("paris-2024").unwrap();
    m.letter.costs = Bilingual::new("AFNOR pays the stay.", "法方承担住宿费用。");
    m.letter.signatory_title = Bilingual::new("Managing Director", "总经理");
    save_project(&path, &p).unwrap();
    path
}

#[test]
fn letters_are_checked_first_a_missing_passport_filled_in_place_then_written() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_in(dir.path());
    let dialogs = ScriptedDialogs::default();
    let mut h = app_harness(Some(path), dialogs.clone());
    h.get_by_label("Invitation letters…").click();
    settle(&mut h);
    assert!(matches!(
        h.state().workspace.dialog,
        Some(Dialog::Letters(_))
    ));
    // The guests are ticked (the CCAA delegation; AFNOR hosts), the hosts are not.
    h.get_by_label("Make letters…").click();
    settle(&mut h);
    // Nothing was asked or written: the check found Ms. FANG's passport missing.
    let Some(Dialog::Letters(state)) = &h.state().workspace.dialog else {
        panic!("the dialog stays open");
    };
    let missing: Vec<(String, String)> = state
        .missing
        .iter()
        .map(|m| (m.person.clone().unwrap().0, m.field.clone()))
        .collect();
    assert_eq!(
        missing,
        [("fang-yan".to_owned(), "passport_number".to_owned()),]
    );
    assert!(
        h.query_by_label("Some values are missing: no letter was written")
            .is_some()
    );
    // Fill it where it is listed: typed, Enter.
    let field = "Passport No.  {{passport_number}}";
    h.get_by_label(field).click();
    settle(&mut h);
    h.get_by_label(field).type_text("E23456789");
    h.key_press(Key::Enter);
    settle(&mut h);
    let fang = &h.state().workspace.doc.project().people[&PersonId::from("fang-yan")];
    assert_eq!(fang.personal.passport_number, "E23456789");
    let Some(Dialog::Letters(state)) = &h.state().workspace.dialog else {
        panic!("the dialog stays open");
    };
    assert!(state.missing.is_empty(), "{:?}", state.missing);
    // Now the folder is asked, and the three letters written there.
    let out = dir.path().join("letters");
    dialogs.answer(Picked::File(out.clone()));
    h.get_by_label("Make letters…").click();
    settle(&mut h);
    finish_jobs(&mut h);
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "FANG Yan 方 艳.docx",
            "HUANG Jixian 黄继先.docx",
            "WANG Qian 王 茜.docx"
        ]
    );
    let toast = h.state().workspace.toast_text().unwrap();
    assert!(toast.contains("Letters written: 3"), "{toast}");
    assert!(h.state().workspace.dialog.is_none());
    // The value filled in the dialog is one undo step like any edit.
    common::press(&mut h, Key::Z);
    let fang = &h.state().workspace.doc.project().people[&PersonId::from("fang-yan")];
    assert_eq!(fang.personal.passport_number, "");
}

#[test]
fn a_copy_is_shared_without_personal_data_from_the_file_menu() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_in(dir.path());
    let dialogs = ScriptedDialogs::default();
    let mut h = app_harness(Some(path), dialogs.clone());
    let copy = dir.path().join("for-afnor.ron");
    dialogs.answer(Picked::File(copy.clone()));
    h.get_by_label("File").click();
    settle(&mut h);
    h.get_by_label("Share a copy without personal data…")
        .click();
    settle(&mut h);
    finish_jobs(&mut h);
    let shared = read_project(&copy).unwrap();
    assert!(!shared.holds_personal_data());
    assert_eq!(shared.people.len(), 7);
    let toast = h.state().workspace.toast_text().unwrap();
    assert!(toast.contains("for-afnor.ron"), "{toast}");
    // The open project keeps its personal data.
    assert!(h.state().workspace.doc.project().holds_personal_data());
}

#[test]
fn saving_personal_data_into_a_synced_folder_says_so_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_in(&dir.path().join("Dropbox").join("visits"));
    let mut h = app_harness(Some(path.clone()), ScriptedDialogs::default());
    common::press(&mut h, Key::S);
    finish_jobs(&mut h);
    let Some(Dialog::Error { title, message }) = &h.state().workspace.dialog else {
        panic!("a hint is shown");
    };
    let title = title.text(delegation_planner::i18n::Language::English);
    let message = message.text(delegation_planner::i18n::Language::English);
    assert_eq!(title, "This folder looks shared");
    assert!(message.contains("a folder synced by Dropbox"), "{message}");
    // A hint, not a block: the file is saved; and said once per file.
    assert!(read_project(&path).unwrap().holds_personal_data());
    h.get_by_label("OK").click();
    settle(&mut h);
    common::press(&mut h, Key::S);
    finish_jobs(&mut h);
    assert!(h.state().workspace.dialog.is_none());
}

#[test]
fn a_custom_personal_field_is_defined_on_the_project_and_filled_on_the_person() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_in(dir.path());
    let mut h = app_harness(Some(path), ScriptedDialogs::default());
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::Num1);
    settle(&mut h);
    h.get_by_label("+ Add personal field").click();
    settle(&mut h);
    assert_eq!(h.state().workspace.doc.project().personal_fields.len(), 1);
    h.get_by_label("Field name (English)").focus();
    settle(&mut h);
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    h.get_by_label("Field name (English)")
        .type_text("Place of birth");
    settle(&mut h);
    let field = &h.state().workspace.doc.project().personal_fields[0];
    assert_eq!(field.name.en, "Place of birth");
    assert_eq!(field.key, "place_of_birth");
    // Every person's page has it now.
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::Num3);
    settle(&mut h);
    h.get_by_label("HUANG Jixian 黄继先").click();
    settle(&mut h);
    common::type_into(&mut h, "Place of birth", "Qingdao 青岛");
    let huang = &h.state().workspace.doc.project().people[&PersonId::from("huang-jixian")];
    assert_eq!(huang.personal.custom["place_of_birth"], "Qingdao 青岛");
}
