//! Layouts that hold (issue 27), checked by label on the real app at 1024 × 700, the
//! smaller window the snapshot images are taken at: a menu entry's text clear of its
//! shortcut, a side's name whole in the attendance list, commitments that differ only at
//! the end of their titles told apart (and whole on hover), an editor's title clear of
//! its buttons.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // Test helpers may panic: a panic is a failed test.

use crate::common;

use common::{ScriptedDialogs, settle};
use delegation_planner::app::DelegationApp;
use delegation_planner::i18n::Language;
use delegation_planner::workspace::{Command, Settings};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

/// The app on the embedded sample in a 1024 × 700 window, in `language`.
fn small_window(language: Language) -> Harness<'static, DelegationApp> {
    let settings = Settings {
        language,
        ..Settings::default()
    };
    let mut h = Harness::builder()
        .with_size([1024.0, 700.0])
        .build_eframe(move |cc| {
            let mut app = DelegationApp::with_settings(
                &cc.egui_ctx,
                settings,
                None,
                Box::new(ScriptedDialogs::default()),
            );
            app.workspace.today = chrono::NaiveDate::from_ymd_opt(2025, 7, 2).unwrap();
            app
        });
    settle(&mut h);
    h
}

/// The width of `text` on one line in `style`, as the app lays it out.
fn text_width(h: &Harness<'_, DelegationApp>, text: &str, style: egui::TextStyle) -> f32 {
    let font = style.resolve(&h.ctx.global_style());
    h.ctx
        .fonts_mut(|f| f.layout_no_wrap(text.to_owned(), font, egui::Color32::WHITE))
        .size()
        .x
}

#[test]
fn save_as_and_every_file_menu_entry_keep_their_text_clear_of_their_shortcut() {
    for language in [Language::English, Language::Chinese] {
        let mut h = small_window(language);
        h.get_by_label(language.strings().menu_file).click();
        settle(&mut h);
        for command in [
            Command::New,
            Command::Open,
            Command::Save,
            Command::SaveAs,
            Command::MergeCopy,
            Command::Quit,
        ] {
            let label = command.text(language).label;
            let shortcut = delegation_planner::ui::commands_ui::shortcut_text(&h.ctx, command);
            let name = format!("{label} {shortcut}");
            let entry = h.get_by_label(&name);
            // egui lays the shortcut out at the right of the entry: they overlap when the
            // entry is narrower than both texts with a gap between them.
            let needed = text_width(&h, &label, egui::TextStyle::Button)
                + text_width(&h, &shortcut, egui::TextStyle::Button)
                + h.ctx.global_style().spacing.item_spacing.x;
            assert!(
                entry.rect().width() >= needed,
                "{language:?} {label:?}: {} wide, its texts need {needed}",
                entry.rect().width()
            );
        }
    }
}

#[test]
fn the_side_column_holds_the_longest_side_name_of_the_meeting() {
    let mut h = small_window(Language::Chinese);
    let t = Language::Chinese.strings();
    // Select HUANG Jixian's row: his side becomes a combo box in the side column.
    let name = "黄继先 HUANG Jixian";
    // The attendance list is further down the meeting's page.
    h.get_by_label(t.import_list).scroll_to_me();
    settle(&mut h);
    h.get_by_label(name).scroll_to_me();
    settle(&mut h);
    h.get_by_label(name).click();
    settle(&mut h);
    let combo = h
        .query_all_by_label(t.side)
        .find(|n| n.accesskit_node().role() == Role::ComboBox)
        .expect("the side of the selected attendee");
    let longest = "中国认证认可协会代表团";
    // What egui's combo box needs to show its text whole: the text, the arrow and the
    // gap before it, the button's padding.
    let spacing = h.ctx.global_style().spacing.clone();
    let needed = text_width(&h, longest, egui::TextStyle::Button)
        + spacing.icon_width
        + spacing.icon_spacing
        + 2.0 * spacing.button_padding.x;
    assert!(
        combo.rect().width() >= needed,
        "the side column cuts {longest:?}: {} wide, {needed} needed",
        combo.rect().width()
    );
}

#[test]
fn commitments_that_differ_at_the_end_of_their_titles_are_told_apart_and_whole_on_hover() {
    let mut h = small_window(Language::English);
    h.get_by_label("Commitments  (9)").click();
    settle(&mut h);
    let esg = "Joint personnel registration and competency approval programme for ESG";
    let iso = "Joint personnel registration and competency approval programme for ISO/IEC 42001";
    // The title column (the list's width less the status and the due date) is too narrow
    // for either title: each is shortened in its middle, so that what is painted differs
    // where the titles do.
    let column = delegation_planner::ui::style::LIST_WIDTH
        - delegation_planner::ui::style::COMMITMENTS_COLUMNS[1]
        - delegation_planner::ui::style::COMMITMENTS_DUE_WIDTH;
    let ctx = egui::Context::default();
    delegation_planner::app::install_fonts(&ctx);
    delegation_planner::ui::style::install_text_styles(&ctx);
    let mut shown = Vec::new();
    for _ in 0..2 {
        // (Fonts added to a context are used from its next pass.)
        shown.clear();
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
            for title in [esg, iso] {
                let text = delegation_planner::ui::widgets::elide_middle(
                    ui,
                    title,
                    column,
                    egui::TextStyle::Body,
                );
                let width = egui::WidgetText::from(text.as_str())
                    .into_galley(
                        ui,
                        Some(egui::TextWrapMode::Extend),
                        f32::INFINITY,
                        egui::TextStyle::Body,
                    )
                    .size()
                    .x;
                shown.push((text, width));
            }
        });
        output.textures_delta.clear();
    }
    let [(esg_shown, esg_width), (iso_shown, iso_width)] = [shown[0].clone(), shown[1].clone()];
    assert_ne!(esg_shown, iso_shown);
    assert!(
        esg_shown.starts_with("Joint") && esg_shown.ends_with("for ESG"),
        "{esg_shown}"
    );
    assert!(
        iso_shown.starts_with("Joint") && iso_shown.ends_with("42001"),
        "{iso_shown}"
    );
    assert!(
        esg_width <= column && iso_width <= column,
        "{esg_width} {iso_width} > {column}"
    );

    // Each row is named by its whole title, and shows it whole on hover.
    assert_eq!(h.query_all_by_label(esg).count(), 1);
    h.get_by_label(iso).hover();
    settle(&mut h);
    assert_eq!(
        h.query_all_by_label(iso).count(),
        2,
        "the row and its tooltip"
    );
}

#[test]
fn an_editor_s_title_gives_way_to_its_buttons() {
    let mut h = small_window(Language::English);
    h.get_by_label("Commitments  (9)").click();
    settle(&mut h);
    let title = "Explore mutual recognition in innovative business areas";
    let heading = h
        .query_all_by_label(title)
        .find(|n| n.accesskit_node().role() == Role::Label)
        .expect("the editor's title");
    let add = h.get_by_label("+ Add sub-point");
    assert!(
        heading.rect().right() <= add.rect().left(),
        "the title runs under + Add sub-point: {:?} and {:?}",
        heading.rect(),
        add.rect()
    );
}
