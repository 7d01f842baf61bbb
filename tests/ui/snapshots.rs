//! Snapshot images of every view of the real app (issue 27), at 1280 × 800 and 1024 × 700,
//! in English and Chinese, light and dark, compared with the images kept in
//! `tests/snapshots/` (named `VIEW-WIDTHxHEIGHT-LANGUAGE-THEME.png`).
//!
//! Each test opens the app on the embedded sample, as a new user finds it, with "today"
//! fixed, and walks it by accessible label: the navigation, the meeting page's buttons,
//! the menus. The images are rendered by wgpu on the CPU (Mesa's lavapipe Vulkan driver):
//! no display and no GPU, the bundled fonts only, the text cursor not blinking and no
//! pointer drawn, so the same commit draws the same pixels.
//!
//! After a change of look, `UPDATE_SNAPSHOTS=1 cargo test --test ui snapshots` writes the
//! images anew; look at them (and at the `.diff.png` a failing comparison leaves) before
//! committing them.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // Test helpers may panic: a panic is a failed test.

use crate::common;

use std::path::PathBuf;

use common::{ScriptedDialogs, finish_jobs, settle};
use delegation_planner::app::DelegationApp;
use delegation_planner::i18n::Language;
use delegation_planner::merge::next_lineage;
use delegation_planner::model::Person;
use delegation_planner::project_file::to_ron_string;
use delegation_planner::workspace::{Command, Dialog, Picked, Settings};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

/// The two window sizes every view must hold at.
const SIZES: [(u32, u32); 2] = [(1280, 800), (1024, 700)];

/// A list as a visiting office pastes it from Word (issue 23's form): header, heads of
/// delegation, an interpreter, a name in Chinese only.
const PASTED_LIST: &str = "Name\tOrganisation\tTitle\n\
Mr. WANG Jianguo 王建国\tCCAA\tDirector-General, International Cooperation Department\n\
Ms. LI Xiaomei 李晓梅\tCCAA\tDeputy Director, Certification Supervision Division\n\
Mr. Jean-Baptiste DE LA FONTAINE-MARCHAND\tAFNOR Certification\tHead of International Partnerships and Institutional Relations\n\
欧阳 明\tCNCA\t处长\n\
Ms. ZHAO Lei 赵磊\tCCAA\tInterpreter";

/// A two-day programme as a Chinese office writes it.
const PASTED_AGENDA: &str = "第一天 会谈 Talks\n\
上午10:00 开幕致辞 Opening remarks by the heads of delegation — 黄继先\n\
下午2点半 讨论 Discussion of the mutual recognition of certification results — Mr. Helge ENGELHARD (BMWi)\n\
9月24日（星期二） 参观 Visit\n\
上午9:30 参观实验室 Visit of the testing laboratory\n\
25:00 Dinner";

/// One window: its size, the interface language and the theme.
#[derive(Clone, Copy, Debug)]
struct Look {
    size: (u32, u32),
    language: Language,
    dark: bool,
}

impl Look {
    /// `1024x700-zh-dark`: the end of each image's name.
    fn suffix(self) -> String {
        let (w, h) = self.size;
        let language = if self.language == Language::Chinese {
            "zh"
        } else {
            "en"
        };
        let theme = if self.dark { "dark" } else { "light" };
        format!("{w}x{h}-{language}-{theme}")
    }
}

/// The app on the embedded sample (shown as the sample: no path in the status bar), on
/// 2 July 2025, in `look`'s language and theme, answering file dialogs from `dialogs`.
fn app(look: Look, dialogs: ScriptedDialogs) -> Harness<'static, DelegationApp> {
    let settings = Settings {
        language: look.language,
        dark: look.dark,
        // The app's own file browser starts in this folder of the repository, named
        // relative to it, so that the image is the same in every checkout.
        recent_folders: vec![PathBuf::from("tests/fixtures/word")],
        ..Settings::default()
    };
    let (w, h) = look.size;
    let mut harness = Harness::builder()
        .with_size([w as f32, h as f32])
        .with_render_cursor(false)
        .build_eframe(move |cc| {
            let mut app =
                DelegationApp::with_settings(&cc.egui_ctx, settings, None, Box::new(dialogs));
            app.workspace.today = chrono::NaiveDate::from_ymd_opt(2025, 7, 2).unwrap();
            app
        });
    settle(&mut harness);
    harness
}

/// Clicks the widget labelled `label` (exactly) and lets the app settle. A widget off
/// screen, or under the menu or status bar, is scrolled to first, as a user would; one in
/// view is not (kittest's scroll would also move the page sideways by the few points
/// a button at the right edge reaches under the scroll bar).
fn click(h: &mut Harness<'_, DelegationApp>, label: &str) {
    let screen = h.ctx.content_rect().shrink2(egui::vec2(0.0, BARS_HEIGHT));
    if !screen.contains_rect(h.get_by_label(label).rect()) {
        h.get_by_label(label).scroll_to_me();
        settle(h);
    }
    h.get_by_label(label).click();
    settle(h);
}

/// More than the menu bar's or the status bar's height.
const BARS_HEIGHT: f32 = 32.0;

/// The first widget whose label starts with `label` (a menu entry followed by its
/// shortcut, a navigation entry or a section followed by its count).
fn starting_with<'h>(h: &'h Harness<'_, DelegationApp>, label: &str) -> egui_kittest::Node<'h> {
    let prefix = label.to_owned();
    h.query_all(
        egui_kittest::kittest::by()
            .predicate(move |n| n.label().is_some_and(|l| l.starts_with(&prefix))),
    )
    .next()
    .unwrap_or_else(|| panic!("nothing labelled {label:?}…"))
}

/// Clicks the first widget whose label starts with `label`.
fn click_starting(h: &mut Harness<'_, DelegationApp>, label: &str) {
    starting_with(h, label).click();
    settle(h);
}

/// Chooses `command` from the menus named by `path` (a menu, then a submenu).
fn menu(h: &mut Harness<'_, DelegationApp>, look: Look, path: &[&str], command: Command) {
    for entry in path {
        click(h, entry);
    }
    click_starting(h, &command.text(look.language).label);
}

/// Types `text` into the text field labelled `label`.
fn type_in(h: &mut Harness<'_, DelegationApp>, label: &str, text: &str) {
    let field = h
        .query_all_by_label(label)
        .find(|n| n.accesskit_node().role() == Role::MultilineTextInput)
        .or_else(|| {
            h.query_all_by_label(label)
                .find(|n| n.accesskit_node().role() == Role::TextInput)
        })
        .unwrap_or_else(|| panic!("no field labelled {label:?}"));
    field.focus();
    settle(h);
    h.event(egui::Event::Text(text.to_owned()));
    settle(h);
}

/// Closes the dialog on top, as its Cancel would.
fn close_dialog(h: &mut Harness<'_, DelegationApp>) {
    h.state_mut().workspace.dialog = None;
    settle(h);
}

/// Compares the window with `tests/snapshots/VIEW-SUFFIX.png`; a difference is collected
/// and fails the test at its end, so that one run shows every image that changed.
fn shoot(h: &mut Harness<'_, DelegationApp>, look: Look, view: &str) {
    // A status message is not part of a view (and fades with time).
    h.state_mut().workspace.toast = None;
    // Nor is where the pointer rests: a hovered row's colour, or a tooltip that shows
    // after a delay counted in frames (and a job's wait steps a varying number of them).
    // The empty end of the menu bar has neither.
    let corner = h.ctx.content_rect().right_top() + egui::vec2(-2.0, 2.0);
    h.hover_at(corner);
    settle(h);
    h.snapshot(format!("{view}-{}", look.suffix()));
}

/// Walks every view and main dialog in `look`, an image of each.
fn every_view(look: Look) {
    let dialogs = ScriptedDialogs::default();
    let mut h = app(look, dialogs.clone());
    let language = look.language;
    let t = language.strings();

    // The meetings list and the sample's meeting, its agenda at the top of the page…
    shoot(&mut h, look, "meeting");
    // …and its attendance further down.
    // (Scrolled to its heading, at the left of the page: the page scrolls down only.)
    // One attendee selected: their row's combo boxes, and its second line when the page
    // is narrow (the buttons, and on a folded list the rank and mode).
    starting_with(&h, &format!("{} (", t.attendees)).scroll_to_me();
    settle(&mut h);
    click(&mut h, "August TSAI");
    shoot(&mut h, look, "meeting-attendance");

    // The main dialogs of a meeting.
    click(&mut h, t.import_list);
    type_in(&mut h, t.pasted_list, PASTED_LIST);
    shoot(&mut h, look, "import-preview");
    close_dialog(&mut h);

    click(&mut h, t.paste_agenda);
    type_in(&mut h, t.draft_agenda, PASTED_AGENDA);
    shoot(&mut h, look, "paste-agenda");
    close_dialog(&mut h);

    // Back to the top of the page, by its first section (at its left: accesskit's
    // "scroll into view" centres what it shows, sideways too).
    h.get_by_label(t.details).scroll_to_me();
    settle(&mut h);
    click(&mut h, t.next_meeting);
    shoot(&mut h, look, "series");
    close_dialog(&mut h);

    // (From the menu: the button at the end of the attendees' toolbar would scroll the
    // page sideways in a small window.)
    menu(
        &mut h,
        look,
        &[t.menu_file, t.menu_export],
        Command::Letters,
    );
    shoot(&mut h, look, "letters");
    close_dialog(&mut h);

    // Live minutes and the seating plan take the meeting's page.
    click(&mut h, t.take_minutes);
    shoot(&mut h, look, "minutes");
    click(&mut h, t.leave_minutes);
    click(&mut h, t.seating.seating_plan);
    shoot(&mut h, look, "seating");
    click(&mut h, t.seating.back);

    // The File menu, then what it opens.
    click(&mut h, t.menu_file);
    shoot(&mut h, look, "file-menu");
    h.key_press(egui::Key::Escape);
    settle(&mut h);
    menu(
        &mut h,
        look,
        &[t.menu_file, t.menu_export],
        Command::ExportAgenda(delegation_planner::export::agenda::AgendaFormat::ALL[0]),
    );
    shoot(&mut h, look, "export");
    close_dialog(&mut h);

    // A colleague's copy of the sample to merge: a title changed, a person added.
    let copies = tempfile::tempdir().unwrap();
    let copy = copies.path().join("from-berlin.ron");
    let mut theirs = h.state().workspace.doc.project().clone();
    theirs.lineage = next_lineage(&theirs);
    theirs.people.get_mut("huang-jixian").unwrap().title.en = "Deputy Secretary-General".into();
    theirs.people.insert(
        "schmidt-anna".into(),
        Person {
            family_name: "Schmidt".into(),
            given_name: "Anna".into(),
            ..Default::default()
        },
    );
    std::fs::write(&copy, to_ron_string(&theirs).unwrap()).unwrap();
    dialogs.answer(Picked::File(copy));
    menu(&mut h, look, &[t.menu_file], Command::MergeCopy);
    finish_jobs(&mut h);
    assert!(
        matches!(h.state().workspace.dialog, Some(Dialog::Merge(_))),
        "the merge dialog: {:?}",
        h.state().workspace.dialog
    );
    shoot(&mut h, look, "merge");
    close_dialog(&mut h);

    // No desktop file dialog: the app's own browser.
    dialogs.answer(Picked::Unavailable("No file dialog here.".into()));
    menu(&mut h, look, &[t.menu_file], Command::Open);
    finish_jobs(&mut h);
    shoot(&mut h, look, "file-browser");
    close_dialog(&mut h);

    // A new meeting asks for its sides.
    click(&mut h, &format!("+ {}", t.add_meeting));
    shoot(&mut h, look, "new-meeting");
    close_dialog(&mut h);

    // The other views, each with an entry selected.
    click_starting(&mut h, &Command::ShowProject.text(language).label);
    shoot(&mut h, look, "project");

    click_starting(&mut h, &Command::ShowPeople.text(language).label);
    h.state_mut().view.person = Some("huang-jixian".into());
    shoot(&mut h, look, "people");

    click_starting(&mut h, &Command::ShowOrganisations.text(language).label);
    h.state_mut().view.organisation = Some("ccaa".into());
    shoot(&mut h, look, "organisations");

    click_starting(&mut h, &Command::ShowCommitments.text(language).label);
    let first = h
        .state()
        .workspace
        .doc
        .project()
        .commitments
        .keys()
        .next()
        .cloned();
    h.state_mut().view.commitment = first;
    shoot(&mut h, look, "commitments");
}

// Every view at both sizes in both languages, light; dark at the smaller size in both
// languages (the colours do not depend on the size, and eight images of each view would
// make the repository grow by some 30 MB at each change of look).

#[test]
fn every_view_1280x800_english_light() {
    every_view(Look {
        size: SIZES[0],
        language: Language::English,
        dark: false,
    });
}

#[test]
fn every_view_1280x800_chinese_light() {
    every_view(Look {
        size: SIZES[0],
        language: Language::Chinese,
        dark: false,
    });
}

#[test]
fn every_view_1024x700_english_light() {
    every_view(Look {
        size: SIZES[1],
        language: Language::English,
        dark: false,
    });
}

#[test]
fn every_view_1024x700_chinese_light() {
    every_view(Look {
        size: SIZES[1],
        language: Language::Chinese,
        dark: false,
    });
}

#[test]
fn every_view_1024x700_english_dark() {
    every_view(Look {
        size: SIZES[1],
        language: Language::English,
        dark: true,
    });
}

#[test]
fn every_view_1024x700_chinese_dark() {
    every_view(Look {
        size: SIZES[1],
        language: Language::Chinese,
        dark: true,
    });
}
