//! The attendee import through the real app: a list whose columns the app cannot name is
//! mapped by the user (sample values before them), the mapping is remembered for the next
//! list with the same headers; a revised list shows each change old → new and only the
//! ones ticked are made; a workbook is read with its sheet and rows accounted for.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // Test helpers may panic: a panic is a failed test.

use crate::common;

use common::{ScriptedDialogs, app_harness, settle};
use delegation_planner::app::DelegationApp;
use delegation_planner::i18n::Language;
use delegation_planner::model::{PersonId, Project};
use delegation_planner::workspace::{Dialog, PathPurpose, Picked};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

fn project<'a>(h: &'a Harness<'_, DelegationApp>) -> &'a Project {
    h.state().workspace.doc.project()
}

/// Opens the import dialog and the file at `path` in it.
fn open_list(
    h: &mut Harness<'_, DelegationApp>,
    dialogs: &ScriptedDialogs,
    path: std::path::PathBuf,
) {
    if h.state().workspace.dialog.is_none() {
        h.get_by_label("Import list…").click();
        settle(h);
    }
    dialogs.answer(Picked::File(path));
    h.get_by_label("Open a file…").click();
    settle(h);
}

#[test]
fn the_user_maps_a_column_and_the_mapping_is_remembered() {
    let (dir, path) = common::sample_file();
    let list = dir.path().join("teilnehmer.csv");
    std::fs::write(
        &list,
        "Teilnehmer;Dienststelle;Bemerkung\nDr. Klaus MÜLLER-LANG;DIN;Vegetarier\nAnna SCHMIDT;BSI;\n",
    )
    .unwrap();
    let dialogs = ScriptedDialogs::default();
    let mut h = app_harness(Some(path), dialogs.clone());
    open_list(&mut h, &dialogs, list.clone());
    // No column is a name yet: the mapping step says so and shows what each column holds.
    assert!(
        h.query_by_label(
            "No column is recognised as a name yet: choose above which column holds the names."
        )
        .is_some()
    );
    assert!(
        h.query_by_label("Dr. Klaus MÜLLER-LANG\nAnna SCHMIDT")
            .is_some(),
        "sample values"
    );
    assert!(h.query_by_label("Add people (0)").is_some());
    // "Dienststelle" holds the organisation, "Teilnehmer" the names (before there is a
    // preview, whose headers would share the choices' words).
    h.get_by_label("Columns 2 Dienststelle").click();
    settle(&mut h);
    h.query_all_by_label("Organisation").last().unwrap().click();
    settle(&mut h);
    h.get_by_label("Columns 1 Teilnehmer").click();
    settle(&mut h);
    // The choices of the open picker are drawn last, over the app.
    h.query_all_by_label("Name").last().unwrap().click();
    settle(&mut h);
    assert_eq!(
        h.get_by_label("Family name 1").value().as_deref(),
        Some("Müller-Lang")
    );
    assert_eq!(
        h.get_by_label("Given name 2").value().as_deref(),
        Some("Anna")
    );
    let remembered = &h.state().workspace.settings.import_mappings;
    assert_eq!(
        remembered.values().next().unwrap(),
        &[
            "name".to_owned(),
            "organisation".to_owned(),
            "notes".to_owned()
        ]
    );
    h.get_by_label("Add people (2)").click();
    settle(&mut h);
    let klaus = project(&h)
        .people
        .values()
        .find(|p| p.family_name == "Müller-Lang")
        .unwrap();
    assert_eq!(
        (klaus.given_name.as_str(), klaus.notes.as_str()),
        ("Klaus", "Vegetarier")
    );
    assert_eq!(klaus.honorific, delegation_planner::model::Honorific::Dr);

    // Next week's list has the same headers: read at once with the user's mapping.
    let next = dir.path().join("teilnehmer-2.csv");
    std::fs::write(
        &next,
        "Teilnehmer;Dienststelle;Bemerkung\nJörg WEBER;PTB;\n",
    )
    .unwrap();
    open_list(&mut h, &dialogs, next);
    assert_eq!(
        h.get_by_label("Family name 1").value().as_deref(),
        Some("Weber")
    );
    assert!(h.query_by_label("Add people (1)").is_some());
}

#[test]
fn a_revised_list_shows_each_change_and_takes_only_those_ticked() {
    let (dir, path) = common::sample_file();
    let list = dir.path().join("revised.csv");
    std::fs::write(
        &list,
        "Family name,Given name,Chinese name,Title,Email\nHUANG,Jixian,黄继先,Executive Vice President,huang@ccaa.org.cn\n,,王 茜,Deputy Director,\n,,,,\nTotal: 2,,,,\n",
    )
    .unwrap();
    let dialogs = ScriptedDialogs::default();
    let mut h = app_harness(Some(path), dialogs.clone());
    open_list(&mut h, &dialogs, list);
    // Every row accounted for: two people already there, one blank row, one total.
    assert!(
        h.query_by_label("0 new · 1 already in the project · 1 updated · 2 skipped")
            .is_some()
    );
    assert!(h.query_by_label("Line 4 — blank").is_some());
    assert!(h.query_by_label("Line 5 — total line: Total: 2").is_some());
    assert!(
        h.query_by_label("Changes to people already in the project (3)")
            .is_some()
    );
    let title = "HUANG Jixian 黄继先 — Title: Executive Vice President and Secretary General → Executive Vice President";
    let email = "HUANG Jixian 黄继先 — Email: (empty) → huang@ccaa.org.cn";
    let wang = "WANG Qian 王 茜 — Title: Deputy Director of Personnel Competency Evaluation Centre → Deputy Director";
    // The fill is ticked; the changes wait for the user.
    assert_eq!(
        h.get_by_label(email).accesskit_node().toggled(),
        Some(egui::accesskit::Toggled::True)
    );
    assert_eq!(
        h.get_by_label(title).accesskit_node().toggled(),
        Some(egui::accesskit::Toggled::False)
    );
    h.get_by_label(title).click();
    settle(&mut h);
    assert!(
        h.query_by_label("updates 2").is_some(),
        "the e-mail and now the title"
    );
    assert!(
        project(&h).people[&PersonId::from("huang-jixian")]
            .email
            .is_empty(),
        "nothing before Add"
    );
    h.get_by_label("Add people (2)").click();
    settle(&mut h);
    assert!(h.state().workspace.dialog.is_none());
    let p = project(&h);
    let huang = &p.people[&PersonId::from("huang-jixian")];
    assert_eq!(huang.title.en, "Executive Vice President");
    assert_eq!(huang.email, "huang@ccaa.org.cn");
    assert_eq!(
        p.people[&PersonId::from("wang-qian")].title.en,
        "Deputy Director of Personnel Competency Evaluation Centre",
        "not ticked: {wang}"
    );
    assert_eq!(p.people.len(), 7, "nobody added");
    let toast = h.state().workspace.toast_text().unwrap();
    assert!(
        toast.ends_with("; updated 1 person — name cards to print again: 1"),
        "{toast}"
    );
    // One undo step takes it all back.
    h.state_mut()
        .workspace
        .apply(delegation_planner::workspace::Action::Command(
            delegation_planner::workspace::Command::Undo,
        ));
    settle(&mut h);
    assert!(
        project(&h).people[&PersonId::from("huang-jixian")]
            .email
            .is_empty()
    );
}

#[test]
fn a_workbook_with_two_sheets_and_a_file_that_is_not_a_list() {
    let (dir, path) = common::sample_file();
    let mut workbook = rust_xlsxwriter::Workbook::new();
    for (name, person) in [("中方", "刘江"), ("EU", "Gianluca GHIARA")] {
        let sheet = workbook.add_worksheet();
        sheet.set_name(name).unwrap();
        sheet.write_string(0, 0, "参会人员名单").unwrap();
        sheet.write_string(2, 0, "姓名").unwrap();
        sheet.write_string(2, 1, "单位").unwrap();
        sheet.write_string(3, 0, person).unwrap();
        sheet.write_string(3, 1, "CQC").unwrap();
    }
    let xlsx = dir.path().join("guests.xlsx");
    std::fs::write(&xlsx, workbook.save_to_buffer().unwrap()).unwrap();
    let dialogs = ScriptedDialogs::default();
    let mut h = app_harness(Some(path), dialogs.clone());
    open_list(&mut h, &dialogs, xlsx);
    assert!(h.query_by_label("guests.xlsx — 1 rows").is_some());
    assert!(
        h.query_by_label("Sheet “中方” · header on line 3")
            .is_some()
    );
    assert_eq!(
        h.get_by_label("Family name 1").value().as_deref(),
        Some("Liu")
    );
    assert!(
        h.query_by_label("Line 1 — title above the header: 参会人员名单")
            .is_some()
    );
    // The other sheet.
    h.get_by_label("Sheet").click();
    settle(&mut h);
    h.get_by_label("EU").click();
    settle(&mut h);
    assert_eq!(
        h.get_by_label("Family name 1").value().as_deref(),
        Some("Ghiara")
    );

    // A picture handed in as a list: refused in words, in the dialog, which keeps the
    // workbook read before; nothing changes.
    let png = dir.path().join("list.csv");
    std::fs::write(&png, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    open_list(&mut h, &dialogs, png);
    assert!(h.query_by_label("Could not read this list").is_some());
    let message = format!(
        "This is a PNG image, not a list; nothing was imported\n\n{}",
        dir.path().join("list.csv").display()
    );
    assert!(h.query_by_label(&message).is_some(), "{message}");
    assert_eq!(
        h.get_by_label("Family name 1").value().as_deref(),
        Some("Ghiara"),
        "the preview read before stays"
    );
    match &h.state().workspace.dialog {
        Some(Dialog::ImportAttendees(state)) => {
            let error = state.error.as_ref().map(|e| e.text(Language::English));
            assert_eq!(error, Some(message.as_str()));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(project(&h).people.len(), 7);
    // Nothing is added by the refused file; the next file read clears the message.
    let good = dir.path().join("good.csv");
    std::fs::write(&good, "Name,Organisation\nJörg WEBER,PTB\n").unwrap();
    open_list(&mut h, &dialogs, good);
    assert!(h.query_by_label("Could not read this list").is_none());
    assert_eq!(
        h.get_by_label("Family name 1").value().as_deref(),
        Some("Weber")
    );
}

#[test]
fn the_encoding_is_shown_and_can_be_overridden() {
    let (dir, path) = common::sample_file();
    // A list from French Excel: semicolons, Windows-1252.
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(
        "Civilité;Nom;Prénom;Organisme\nMme;LEFÈVRE;Hélène;AFNOR\nM.;GÉRARD;François;LNE\n",
    );
    let list = dir.path().join("liste.csv");
    std::fs::write(&list, &bytes).unwrap();
    let dialogs = ScriptedDialogs::default();
    let mut h = app_harness(Some(path), dialogs.clone());
    open_list(&mut h, &dialogs, list.clone());
    assert!(
        h.query_by_label("windows-1252 (detected) · semicolon-separated")
            .is_some()
    );
    let family = |h: &Harness<'_, DelegationApp>| {
        h.get_by_label("Family name 1").value().unwrap_or_default()
    };
    assert_eq!(family(&h), "Lefèvre");
    assert_eq!(
        h.get_by_label("Given name 2").value().as_deref(),
        Some("François")
    );

    // The user says it is UTF-8: it is not, and the dialog says where; the preview and
    // the choice stay as they were.
    h.get_by_label("Encoding").click();
    settle(&mut h);
    h.get_by_label("UTF-8").click();
    settle(&mut h);
    assert!(h.query_by_label("Could not read this list").is_some());
    let message = format!(
        "Line 1, column 8: the text is not valid UTF-8; choose the encoding the file was saved in\n\n{}",
        list.display()
    );
    assert!(h.query_by_label(&message).is_some(), "{message}");
    assert_eq!(family(&h), "Lefèvre");
    match &h.state().workspace.dialog {
        Some(Dialog::ImportAttendees(state)) => {
            assert_eq!(
                state.file.as_ref().unwrap().encoding,
                None,
                "back on detection"
            );
        }
        other => panic!("{other:?}"),
    }

    // GB18030 (what a Chinese Excel saves) is no better: said in its own name.
    h.get_by_label("Encoding").click();
    settle(&mut h);
    h.get_by_label("GB18030").click();
    settle(&mut h);
    assert!(
        h.query_by_label(&format!(
            "Line 1, column 8: the text is not valid GB18030; choose the encoding the file was saved in\n\n{}",
            list.display()
        ))
        .is_some()
    );

    // Named outright, the encoding is read as named (no longer "detected"), the message
    // gone.
    h.get_by_label("Encoding").click();
    settle(&mut h);
    h.get_by_label("windows-1252").click();
    settle(&mut h);
    assert!(h.query_by_label("Could not read this list").is_none());
    assert!(
        h.query_by_label("windows-1252 · semicolon-separated")
            .is_some()
    );
    assert_eq!(family(&h), "Lefèvre");
    h.get_by_label("Add people (2)").click();
    settle(&mut h);
    let p = project(&h);
    let mut names: Vec<(&str, &str)> = p
        .people
        .values()
        .map(|p| (p.family_name.as_str(), p.given_name.as_str()))
        .filter(|(f, _)| ["Lefèvre", "Gérard"].contains(f))
        .collect();
    names.sort_unstable();
    assert_eq!(names, [("Gérard", "François"), ("Lefèvre", "Hélène")]);
}

#[test]
fn without_a_file_dialog_the_list_is_chosen_in_the_apps_file_browser() {
    let (dir, path) = common::sample_file();
    let list = dir.path().join("guests.tsv");
    std::fs::write(
        &list,
        "Name\tOrganisation\nPeter ZHANG\tAFNOR\nLisa WANG\tCQC\n",
    )
    .unwrap();
    let dialogs = ScriptedDialogs::default();
    let mut h = app_harness(Some(path), dialogs.clone());
    h.get_by_label("Import list…").click();
    settle(&mut h);
    common::type_into(&mut h, "Pasted list", "Anna MEIER, DIN");
    settle(&mut h);
    // The browser closed without a file: the import comes back as it was.
    dialogs.answer(Picked::Unavailable("no desktop portal".into()));
    h.get_by_label("Open a file…").click();
    settle(&mut h);
    assert!(
        matches!(
            h.state().workspace.dialog,
            Some(Dialog::PathEntry {
                purpose: PathPurpose::List(_),
                ..
            })
        ),
        "the app's own file browser, as Save uses: {:?}",
        h.state().workspace.dialog
    );
    h.get_by_label("Cancel").click();
    settle(&mut h);
    let Some(Dialog::ImportAttendees(state)) = &h.state().workspace.dialog else {
        panic!("the import is back: {:?}", h.state().workspace.dialog)
    };
    assert_eq!(state.text, "Anna MEIER, DIN", "with what was pasted");
    // Now a list is chosen: the browser lists it in the folder typed, and opens it.
    dialogs.answer(Picked::Unavailable("no desktop portal".into()));
    h.get_by_label("Open a file…").click();
    settle(&mut h);
    h.get_by_label("File path").click();
    settle(&mut h);
    common::press(&mut h, egui::Key::A);
    h.get_by_label("File path")
        .type_text(&list.display().to_string());
    settle(&mut h);
    h.get_by_label("Open").click();
    settle(&mut h);
    assert!(h.query_by_label("guests.tsv — 2 rows").is_some());
    assert!(
        h.query_by_label("1 new · 1 already in the project · 0 updated · 0 skipped")
            .is_some()
    );
    h.get_by_label("Add people (2)").click();
    settle(&mut h);
    assert!(
        project(&h)
            .people
            .values()
            .any(|p| p.family_name == "Wang" && p.given_name == "Lisa"),
        "the list chosen in the browser was imported"
    );
}
