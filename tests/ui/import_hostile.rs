//! The import dialog of the real app given hostile files (issue 21): each refusal is shown
//! in the dialog, in the UI's language, with the limit and its value or what the file is;
//! nothing changes in the project. A UTF-8 list with a stray byte is read as UTF-8, and
//! the dialog shows the bad byte with its line above the preview.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // Test helpers may panic: a panic is a failed test.

use crate::common;
use crate::hostile_imports;

use common::{ScriptedDialogs, app_harness, finish_jobs, settle};
use delegation_planner::app::DelegationApp;
use delegation_planner::i18n::Language;
use delegation_planner::workspace::{Dialog, Picked};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

/// Opens the import dialog and the file at `path` in it, and waits for the reading job.
fn open_list(
    h: &mut Harness<'_, DelegationApp>,
    dialogs: &ScriptedDialogs,
    path: std::path::PathBuf,
    open_label: &str,
) {
    dialogs.answer(Picked::File(path));
    h.get_by_label(open_label).click();
    settle(h);
    finish_jobs(h);
}

fn error(h: &Harness<'_, DelegationApp>) -> Option<String> {
    match &h.state().workspace.dialog {
        Some(Dialog::ImportAttendees(state)) => state
            .error
            .as_ref()
            .map(|e| e.text(h.state().workspace.language()).to_owned()),
        other => panic!("{other:?}"),
    }
}

#[test]
fn refusals_are_shown_in_the_dialog_in_the_ui_language() {
    let (dir, path) = common::sample_file();
    let before = std::fs::read(&path).unwrap();
    let dialogs = ScriptedDialogs::default();
    let mut h = app_harness(Some(path.clone()), dialogs.clone());
    h.get_by_label("Import list…").click();
    settle(&mut h);

    let ods = dir.path().join("repeats.ods");
    std::fs::write(&ods, hostile_imports::ods_repeated(900_000, 100)).unwrap();
    open_list(&mut h, &dialogs, ods.clone(), "Open a file…");
    assert!(h.query_by_label("Could not read this list").is_some());
    let message = error(&h).unwrap();
    assert!(
        message.starts_with("The workbook has too many cells (sheet “Liste”): ")
            && message
                .contains("the limit is 2,500,000 cells (rows × columns); nothing was imported"),
        "{message}"
    );
    assert!(h.query_by_label(&message).is_some(), "shown: {message}");

    // A folder, in Chinese.
    h.state_mut().workspace.settings.language = Language::Chinese;
    settle(&mut h);
    open_list(&mut h, &dialogs, dir.path().to_owned(), "打开文件…");
    assert!(h.query_by_label("无法读取此名单").is_some());
    let message = error(&h).unwrap();
    assert!(
        message.starts_with("这是文件夹，不是文件；未导入任何内容"),
        "{message}"
    );
    // The lying count, in Chinese: the limit and its value.
    let xlsx = dir.path().join("count.xlsx");
    std::fs::write(&xlsx, hostile_imports::xlsx_with_unique_count("1000000000")).unwrap();
    open_list(&mut h, &dialogs, xlsx, "打开文件…");
    let message = error(&h).unwrap();
    assert!(
        message.contains("工作簿包含（或声明）的文本太多（xl/sharedStrings.xml）：1,000,000,000；上限为 2,500,000 条文本"),
        "{message}"
    );
    assert!(h.query_by_label(&message).is_some());
    assert_eq!(h.state().workspace.doc.project().people.len(), 7);
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn a_stray_byte_is_shown_with_its_line_and_the_list_stays_utf8() {
    let (dir, path) = common::sample_file();
    let dialogs = ScriptedDialogs::default();
    let mut h = app_harness(Some(path), dialogs.clone());
    h.get_by_label("Import list…").click();
    settle(&mut h);
    let mut csv = "姓名,单位\n张伟,国家认监委\n王芳,中国质量认证中心\n李娜,CQC\n"
        .as_bytes()
        .to_vec();
    csv.insert("姓名,单位\n张伟,国家认监委\n王芳".len(), 0xB0);
    let list = dir.path().join("list.csv");
    std::fs::write(&list, &csv).unwrap();
    open_list(&mut h, &dialogs, list, "Open a file…");
    assert!(error(&h).is_none(), "{:?}", error(&h));
    assert!(h.query_by_label("Some bytes are not UTF-8").is_some());
    assert!(
        h.query_by_label("line 3, column 3: 0xB0 is not UTF-8 (shown as ?)")
            .is_some()
    );
    match &h.state().workspace.dialog {
        Some(Dialog::ImportAttendees(state)) => {
            assert_eq!(state.damaged.len(), 1);
            assert_eq!(state.preview.len(), 3, "every row is there");
            // Read as UTF-8, not Windows-1252: every Chinese name whole, the stray byte
            // a `?` where it was.
            let table = state.table.as_ref().unwrap();
            let cells: Vec<&str> = table.rows.iter().map(|r| r[0].as_str()).collect();
            assert_eq!(cells, ["张伟", "王芳?", "李娜"]);
            assert_eq!(table.rows[1][1], "中国质量认证中心");
        }
        other => panic!("{other:?}"),
    }
}
