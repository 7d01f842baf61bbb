//! The design tokens of the panels: text sizes, the spacing scale, row heights, the widths
//! and heights of lists, columns and fields, and the colours. Panels name these instead of
//! writing sizes, so a change of look is made here once.
//!
//! The app calls [`install_text_styles`] once at start.

use std::collections::BTreeMap;

use egui::{Color32, FontFamily, FontId, TextStyle};

// ---------------------------------------------------------------------------------------
// Text

/// The smallest text (ids, notes under a row, column headers of dense lists). egui's own
/// default is 9 px, too small to read a Chinese name; nothing in the app is smaller
/// than this.
pub const TEXT_SMALL: f32 = 12.0;
/// Running text, labels and fields.
pub const TEXT_BODY: f32 = 13.5;
/// Text on buttons and in combo boxes: the same as the body, so a row of fields and
/// buttons reads as one line.
pub const TEXT_BUTTON: f32 = 13.5;
/// Monospaced text (ids in messages, pasted drafts).
pub const TEXT_MONOSPACE: f32 = 13.0;
/// Headings of editors and sections.
pub const TEXT_HEADING: f32 = 19.0;

/// The text styles of the app: egui's five styles at the sizes above.
pub fn text_styles() -> BTreeMap<TextStyle, FontId> {
    [
        (
            TextStyle::Small,
            FontId::new(TEXT_SMALL, FontFamily::Proportional),
        ),
        (
            TextStyle::Body,
            FontId::new(TEXT_BODY, FontFamily::Proportional),
        ),
        (
            TextStyle::Button,
            FontId::new(TEXT_BUTTON, FontFamily::Proportional),
        ),
        (
            TextStyle::Heading,
            FontId::new(TEXT_HEADING, FontFamily::Proportional),
        ),
        (
            TextStyle::Monospace,
            FontId::new(TEXT_MONOSPACE, FontFamily::Monospace),
        ),
    ]
    .into()
}

/// Sets the app's text sizes in both themes (the light and the dark style each keep
/// their own text styles, so switching theme keeps them). Call once at start; the fonts
/// themselves are installed apart.
pub fn install_text_styles(ctx: &egui::Context) {
    ctx.all_styles_mut(|style| style.text_styles = text_styles());
}

// ---------------------------------------------------------------------------------------
// Spacing

/// The spacing scale: every gap the panels add is one of these.
pub mod space {
    /// Between the parts of one value (the hours and minutes of a time).
    pub const XXS: f32 = 2.0;
    /// Between a heading or a list header and what it heads.
    pub const XS: f32 = 4.0;
    /// Between the rows of a form, and after an editor's subtitle.
    pub const S: f32 = 6.0;
    /// Between an editor's heading block and its form, and around a separator.
    pub const M: f32 = 8.0;
    /// Between the sections of a page.
    pub const L: f32 = 12.0;
    /// Between the large blocks of a page (form, overview, counts).
    pub const XL: f32 = 16.0;
    /// Above a centred message in an empty list or editor.
    pub const XXL: f32 = 24.0;
}

/// Gaps between the columns and the rows of a form.
pub const FORM_SPACING: egui::Vec2 = egui::vec2(space::L, space::S);

/// Indentation of one level of sub-points.
pub const INDENT: f32 = 18.0;

/// Corner radius of a highlighted row (hover, selection) in a list that is not a table.
pub const ROW_ROUNDING: f32 = 3.0;

// ---------------------------------------------------------------------------------------
// Lists and tables

/// Width of the list beside an editor, at first (the user can drag it).
pub const LIST_WIDTH: f32 = 320.0;
/// The share of the window's width beside the navigation that the meetings list takes at
/// first, up to [`LIST_WIDTH`].
pub const LIST_SHARE: f32 = 0.3;
/// How narrow and how wide the user can make the list beside an editor.
pub const LIST_WIDTH_RANGE: std::ops::RangeInclusive<f32> = 240.0..=720.0;
/// Height of one list row (and of a table's header).
pub const ROW_HEIGHT: f32 = 22.0;
/// Height of a list row with a second, small line (the meetings list).
pub const TWO_LINE_ROW_HEIGHT: f32 = 2.0 * ROW_HEIGHT;
/// Height of a single line of a cell laid out as widgets (a column header, a label beside
/// combo boxes): room for the body text.
pub const LINE_HEIGHT: f32 = 20.0;
/// Space between a column's edge and its text.
pub const CELL_PADDING: f32 = 4.0;
/// Space kept between a cell's text and the next column.
pub const CELL_END_PADDING: f32 = 2.0;
/// The last column of a table is never narrower than this, however narrow the list.
pub const MIN_LAST_COLUMN_WIDTH: f32 = 20.0;

/// The width given for a table's last column, which takes whatever the others leave.
pub const FILL_REST: f32 = 0.0;

/// Columns of the people list: name, organisation (the title takes the rest).
pub const PEOPLE_COLUMNS: [f32; 2] = [150.0, 70.0];
/// Columns of the organisations list: acronym, name (the sector takes the rest).
pub const ORGANISATIONS_COLUMNS: [f32; 2] = [70.0, 150.0];
/// Columns of the meetings list: date, title (the kind takes the rest). The date fits
/// `2024-09-23` at the body size.
pub const MEETINGS_COLUMNS: [f32; 2] = [86.0, 160.0];
/// Columns of the commitments list: title, status (the due date takes the rest).
pub const COMMITMENTS_COLUMNS: [f32; 2] = [118.0, 72.0];
/// The due date column of the commitments list: room for `▲ 2025-06-30`; the title
/// takes the rest of the list's width.
pub const COMMITMENTS_DUE_WIDTH: f32 = 100.0;

/// Height of one agenda item: its time (and a gap or overlap note), its title (and the
/// speakers).
pub const AGENDA_ROW_HEIGHT: f32 = 40.0;
/// Width of the agenda's time column (`10:00 · 16:00 (+1)`).
pub const AGENDA_TIME_WIDTH: f32 = 120.0;
/// Width of the agenda's duration column (`120 min`).
pub const AGENDA_DURATION_WIDTH: f32 = 64.0;
/// Room for the move and remove buttons of the selected agenda item (↑ ↓ ×, about 100
/// points), and for the spacing between the row's columns.
pub const AGENDA_BUTTONS_WIDTH: f32 = 128.0;
/// How narrow and how wide the agenda's title column gets.
pub const AGENDA_TITLE_WIDTH: std::ops::RangeInclusive<f32> = 200.0..=560.0;

/// Height of one attendance row (its combo boxes and buttons).
pub const ATTENDEE_ROW_HEIGHT: f32 = 26.0;
/// Widths of the attendance columns: drag handle and #, name, side, role, why there
/// (or the rank of the selected one), status, mode.
pub const ATTENDEE_COLUMNS: [f32; 7] = [40.0, 140.0, 110.0, 124.0, 84.0, 92.0, 80.0];
/// Room kept after the attendance columns for the selected row's buttons (↑ ↓ ×, about
/// 100 points) and the spacing before them.
pub const ATTENDEE_BUTTONS_WIDTH: f32 = 112.0;
/// Width of the drag handle at the start of an attendance row.
pub const DRAG_HANDLE_WIDTH: f32 = 16.0;
/// What a combo box adds around its text (frame and arrow), kept inside its column.
pub const COMBO_MARGIN: f32 = 24.0;

/// Height of one commitment in a meeting's series review: status and title, then the note.
pub const REVIEW_ROW_HEIGHT: f32 = 56.0;
/// Width of the outline numbers (`2.3`) before commitments in a meeting.
pub const OUTLINE_NUMBER_WIDTH: f32 = 28.0;

/// Height of a name in a person picker's list.
pub const PICKER_ROW_HEIGHT: f32 = 20.0;
/// Width of a person picker's popup.
pub const PICKER_POPUP_WIDTH: f32 = 420.0;
/// Height of a person picker's list before it scrolls.
pub const PICKER_LIST_HEIGHT: f32 = 320.0;

// ---------------------------------------------------------------------------------------
// Fields

/// Width of the label column of forms.
pub const LABEL_WIDTH: f32 = 150.0;
/// A combo box choosing a person or a status in a row of fields.
pub const COMBO_NARROW_WIDTH: f32 = 110.0;
/// A filter's combo box above a list.
pub const FILTER_COMBO_WIDTH: f32 = 150.0;
/// The status filter: shorter choices than the other filters.
pub const STATUS_FILTER_WIDTH: f32 = 130.0;
/// A combo box adding an entry to a list of ticks (`+ Add party`).
pub const ADD_COMBO_WIDTH: f32 = 160.0;
/// A person picker's button and a combo box choosing a person.
pub const PERSON_COMBO_WIDTH: f32 = 180.0;
/// A combo box choosing an organisation or a time zone.
pub const COMBO_WIDTH: f32 = 200.0;
/// A combo box naming a meeting in a progress entry.
pub const MEETING_COMBO_WIDTH: f32 = 220.0;
/// A combo box choosing an owner organisation.
pub const OWNER_COMBO_WIDTH: f32 = 280.0;
/// A combo box choosing a commitment or a meeting by its title.
pub const COMBO_WIDE_WIDTH: f32 = 320.0;
/// How far a long menu (time zones) drops before it scrolls.
pub const TALL_MENU_HEIGHT: f32 = 400.0;
/// How far a filter's menu drops before it scrolls.
pub const MENU_HEIGHT: f32 = 360.0;
/// One half of a bilingual pair of short fields side by side (a side's name).
pub const PAIR_FIELD_WIDTH: f32 = 180.0;
/// One half of a bilingual pair of fields side by side (a precondition).
pub const PAIR_FIELD_WIDE_WIDTH: f32 = 220.0;
/// A note typed beside a row (minutes of a commitment in the series review).
pub const NOTE_FIELD_WIDTH: f32 = 280.0;
/// A title typed in a row of the meeting's commitments, at depth 0; deeper rows are
/// narrower by their indentation, down to [`TITLE_FIELD_MIN_WIDTH`].
pub const TITLE_FIELD_WIDTH: f32 = 340.0;
/// The narrowest a title field in a row gets.
pub const TITLE_FIELD_MIN_WIDTH: f32 = 120.0;
/// Height of the scrolled view of a text too long to edit ("Show all").
pub const LONG_TEXT_HEIGHT: f32 = 320.0;
/// Lines of an item's summary field in the live minutes.
pub const MINUTES_SUMMARY_ROWS: usize = 3;
/// The height an item of the live minutes is given before it was first drawn.
pub const MINUTES_ITEM_HEIGHT: f32 = 120.0;
/// What a decision's row in the live minutes keeps beside its two fields (its label and
/// its Remove button).
pub const MINUTES_ROW_RESERVE: f32 = 170.0;

// ---------------------------------------------------------------------------------------
// Dialogs and the window's chrome

/// A short question (unsaved changes).
pub const DIALOG_NARROW: f32 = 420.0;
/// A question with a small form (next meeting, confirming a loss).
pub const DIALOG_FORM: f32 = 480.0;
/// A message (errors).
pub const DIALOG_WIDTH: f32 = 520.0;
/// A dialog with a list or a path (problems, typed path, recovery, file changed).
/// The least width of the File menu, so that its longest entry is not cut.
pub const FILE_MENU_WIDTH: f32 = 300.0;
pub const DIALOG_WIDE: f32 = 560.0;
/// The paste-agenda dialog.
pub const PASTE_DIALOG_WIDTH: f32 = 760.0;
/// The attendee-import dialog, with its preview table.
pub const IMPORT_DIALOG_WIDTH: f32 = 1120.0;
/// A dialog `wanted` wide, or as wide as the window allows with a margin on each side
/// (an import's preview in a 1024-point window).
pub fn dialog_width(ctx: &egui::Context, wanted: f32) -> f32 {
    wanted.min(ctx.content_rect().width() - 2.0 * space::XXL)
}
/// A scrolled list inside a dialog.
pub const DIALOG_LIST_HEIGHT: f32 = 240.0;
/// Width of the new-meeting dialog: the host's and the visitors' organisations side by side.
pub const NEW_MEETING_DIALOG_WIDTH: f32 = 720.0;
/// Height of each organisation list of the new-meeting dialog (eight rows).
pub const NEW_MEETING_LIST_HEIGHT: f32 = 160.0;
/// The preview of a pasted agenda.
pub const PASTE_PREVIEW_HEIGHT: f32 = 260.0;
/// The title column of the pasted agenda's preview (English and Chinese, one per line).
pub const PASTE_TITLE_WIDTH: f32 = 240.0;
/// The preview table of an import.
pub const IMPORT_PREVIEW_HEIGHT: f32 = 260.0;
/// Columns of the import preview: line, result, honorific, family, given, Chinese name,
/// name order, organisation, title, Chinese title, remove.
pub const IMPORT_COLUMNS: [f32; 11] = [
    40.0, 150.0, 70.0, 110.0, 90.0, 84.0, 105.0, 150.0, 150.0, 120.0, 24.0,
];
/// The lists of changes and of skipped rows under the import preview.
pub const IMPORT_SIDE_LIST_HEIGHT: f32 = 96.0;
/// The merge dialog: three versions of a value side by side.
pub const MERGE_DIALOG_WIDTH: f32 = 980.0;
/// The list of what a merge brings in.
pub const MERGE_CHANGES_HEIGHT: f32 = 150.0;
/// The list of a merge's conflicts.
pub const MERGE_CONFLICTS_HEIGHT: f32 = 330.0;
/// One conflict: its heading and up to four lines of each version.
pub const MERGE_CONFLICT_ROW_HEIGHT: f32 = 124.0;
/// A column's field picker in the import's mapping step.
pub const IMPORT_MAPPING_COMBO_WIDTH: f32 = 130.0;
/// Sample values shown under a column in the mapping step, and their length.
pub const IMPORT_SAMPLES: usize = 3;
/// Characters of a sample value shown before it is cut with `…`.
pub const IMPORT_SAMPLE_CHARS: usize = 22;
/// The honorific and name-order pickers of the import preview.
pub const IMPORT_HONORIFIC_WIDTH: f32 = 60.0;
/// The name-order picker of the import preview.
pub const IMPORT_ORDER_WIDTH: f32 = 100.0;
/// Spacing of a preview grid (columns, rows).
pub const GRID_SPACING: egui::Vec2 = egui::vec2(10.0, space::XS);
/// The left navigation.
pub const NAV_WIDTH: f32 = 190.0;
/// One entry of the left navigation.
pub const NAV_ENTRY_HEIGHT: f32 = 28.0;
/// A progress bar in the status bar.
pub const STATUS_PROGRESS_WIDTH: f32 = 220.0;
/// The progress bar of the "Opening…" view.
pub const OPENING_PROGRESS_WIDTH: f32 = 360.0;
/// The command palette.
pub const PALETTE_WIDTH: f32 = 560.0;
/// The month and year between the arrows of the calendar.
pub const CALENDAR_TITLE_WIDTH: f32 = 130.0;
/// One day of the calendar.
pub const CALENDAR_DAY_SIZE: egui::Vec2 = egui::vec2(28.0, 22.0);
/// One month of the calendar's month strip (two rows of six under its title).
pub const CALENDAR_MONTH_SIZE: egui::Vec2 = egui::vec2(32.0, 20.0);
/// The height the calendar takes (title, months, weekdays, six weeks, Today), to open it
/// below its button when it fits there.
pub const CALENDAR_POPUP_HEIGHT: f32 = 300.0;
/// An attendee's chip in live minutes: one size for all, marked or not (the name is
/// shortened with `…` and whole on hover).
pub const ATTENDANCE_CHIP_SIZE: egui::Vec2 = egui::vec2(230.0, 22.0);
/// A meeting's short name (its id) in its details.
pub const SHORT_NAME_WIDTH: f32 = 220.0;
/// A date typed in a form (`Wednesday`-less `12 September 2025`, `2025年12月31日`).
pub const DATE_FIELD_WIDTH: f32 = 132.0;
/// The app's own file browser (when the system has no file dialog).
pub const DIALOG_BROWSER_WIDTH: f32 = 640.0;
/// The palette's list of matches before it scrolls.
pub const PALETTE_LIST_HEIGHT: f32 = 360.0;

// ---------------------------------------------------------------------------------------
// Charts

/// Height of a bar chart.
pub const CHART_HEIGHT: f32 = 180.0;
/// Width of a bar in a chart, as a share of the room between two bars.
pub const BAR_WIDTH: f64 = 0.7;
/// A bar chart is never wider than this (a few bars spread over a wide window read badly).
pub const CHART_MAX_WIDTH: f32 = 560.0;

// ---------------------------------------------------------------------------------------
// Colours

/// Colour of warnings (dangling references, overruns).
pub fn warning_color(ui: &egui::Ui) -> Color32 {
    ui.visuals().warn_fg_color
}

/// Colour of secondary text (ids, counts, Chinese beside English).
pub fn weak_color(ui: &egui::Ui) -> Color32 {
    ui.visuals().weak_text_color()
}

/// Colour of overdue commitments: stronger than a warning.
pub fn overdue_color(ui: &egui::Ui) -> Color32 {
    ui.visuals().error_fg_color
}

/// Colour of a commitment status in charts: grey while proposed, blue to green as it
/// moves on, red when blocked, dim when dropped; lighter in the dark theme.
pub fn status_color(ui: &egui::Ui, status: crate::model::CommitmentStatus) -> Color32 {
    use crate::model::CommitmentStatus as S;
    let dark = ui.visuals().dark_mode;
    let (light, on_dark) = match status {
        // On the dark panel every bar is light enough to stand out (3:1 or more).
        S::Proposed => (0x8a8f98, 0xc2c6cc),
        S::Agreed => (0x3b6ec4, 0x8cb4f5),
        S::InProgress => (0x1f8a9e, 0x5fd3e6),
        S::Blocked => (0xc23b3b, 0xf08080),
        S::Done => (0x2e8b47, 0x6fd68a),
        S::Dropped => (0xb5b5b5, 0x9a9a9a),
    };
    let [_, r, g, b] = u32::to_be_bytes(if dark { on_dark } else { light });
    Color32::from_rgb(r, g, b)
}

/// Colour of the bars of a chart with one series (participant statistics): full
/// strength, not the plot's faint default, in both themes.
pub fn chart_bar_color(ui: &egui::Ui) -> Color32 {
    if ui.visuals().dark_mode {
        Color32::from_rgb(0x8c, 0xb4, 0xf5)
    } else {
        Color32::from_rgb(0x3b, 0x6e, 0xc4)
    }
}

// ---------------------------------------------------------------------------------------
// Fonts

/// Name under which the bundled CJK font is registered with egui.
pub const CJK_FONT_NAME: &str = "noto-sans-sc";

/// Adds the bundled CJK font ([`crate::fonts::CJK`]) behind egui's fonts, for both families,
/// so Chinese renders on machines with no CJK font at all.
///
/// Lowest priority so egui's font keeps drawing Latin text (Noto CJK lacks Ł, ő, ů…);
/// the system font provider, when there is one, is only asked for what neither has.
pub fn install_fonts(ctx: &egui::Context) {
    let data = egui::FontData::from_static(crate::fonts::CJK);
    ctx.add_font(egui::epaint::text::FontInsert::new(
        CJK_FONT_NAME,
        data,
        vec![
            egui::epaint::text::InsertFontFamily {
                family: egui::FontFamily::Proportional,
                priority: egui::epaint::text::FontPriority::Lowest,
            },
            egui::epaint::text::InsertFontFamily {
                family: egui::FontFamily::Monospace,
                priority: egui::epaint::text::FontPriority::Lowest,
            },
        ],
    ));
}

// ---------------------------------------------------------------------------------------
// Seating plans (the seating view)

/// A seat of the talks table: two lines of name and the place.
pub const SEAT_SIZE: egui::Vec2 = egui::vec2(138.0, 60.0);
/// The narrowest a seat of the talks table gets before the drawing scrolls sideways: eight
/// a side fit a 1280-px window (nine columns: with an even number a side, the two rows are
/// one seat apart).
pub const SEAT_MIN_WIDTH: f32 = 98.0;
/// Between two seats.
pub const SEAT_GAP: f32 = 6.0;
/// The column naming each side's row beside the talks table.
pub const SEATING_LABEL_WIDTH: f32 = 150.0;
/// The least that column keeps when seats need the room: "CCAA delegation" still reads.
pub const SEATING_LABEL_MIN_WIDTH: f32 = 108.0;
/// The talks table between the two rows of seats.
pub const TALKS_TABLE_HEIGHT: f32 = 52.0;
/// The band at the bottom of the room with the door.
pub const DOOR_HEIGHT: f32 = 64.0;
/// Radius of the ring of seats round a banquet table of up to ten.
pub const BANQUET_RING: f32 = 76.0;
/// Radius of a seat's dot at a banquet table.
pub const BANQUET_DOT: f32 = 9.0;
/// The name beside a banquet seat.
pub const BANQUET_LABEL_WIDTH: f32 = 138.0;
/// A seat taken by a host, light theme.
pub const SEAT_HOST_LIGHT: egui::Color32 = egui::Color32::from_rgb(0xdb, 0xe7, 0xf4);
/// A seat taken by a guest, light theme.
pub const SEAT_GUEST_LIGHT: egui::Color32 = egui::Color32::from_rgb(0xfb, 0xed, 0xd3);
/// A seat taken by a host, dark theme.
pub const SEAT_HOST_DARK: egui::Color32 = egui::Color32::from_rgb(0x2a, 0x3f, 0x58);
/// A seat taken by a guest, dark theme.
pub const SEAT_GUEST_DARK: egui::Color32 = egui::Color32::from_rgb(0x55, 0x44, 0x22);

#[cfg(test)]
mod tests {
    use super::*;

    /// WCAG contrast ratio of two colours.
    fn contrast(a: Color32, b: Color32) -> f32 {
        let lum = |c: Color32| {
            let lin = |v: u8| {
                let v = f32::from(v) / 255.0;
                if v <= 0.04045 {
                    v / 12.92
                } else {
                    ((v + 0.055) / 1.055).powf(2.4)
                }
            };
            0.2126 * lin(c.r()) + 0.7152 * lin(c.g()) + 0.0722 * lin(c.b())
        };
        let (x, y) = (lum(a), lum(b));
        (x.max(y) + 0.05) / (x.min(y) + 0.05)
    }

    #[test]
    fn chart_bars_stand_out_in_both_themes() {
        use crate::model::Choice as _;
        let ctx = egui::Context::default();
        for (theme, dark) in [(egui::Theme::Light, false), (egui::Theme::Dark, true)] {
            ctx.set_theme(theme);
            let mut out = ctx.run_ui(Default::default(), |ui| {
                assert_eq!(ui.visuals().dark_mode, dark);
                let panel = ui.visuals().panel_fill;
                let bar = chart_bar_color(ui);
                assert!(
                    contrast(bar, panel) >= 3.0,
                    "{theme:?}: {}",
                    contrast(bar, panel)
                );
                for status in crate::model::CommitmentStatus::ALL {
                    let c = status_color(ui, *status);
                    // Dropped is meant to recede, but stays visible.
                    let least = if *status == crate::model::CommitmentStatus::Dropped {
                        1.8
                    } else {
                        2.4
                    };
                    assert!(
                        contrast(c, panel) >= least,
                        "{theme:?} {status:?}: {}",
                        contrast(c, panel)
                    );
                }
            });
            out.textures_delta.clear();
        }
    }

    #[test]
    fn no_text_is_under_12_px_in_either_theme() {
        let ctx = egui::Context::default();
        install_text_styles(&ctx);
        for theme in [egui::Theme::Light, egui::Theme::Dark] {
            let style = ctx.style_of(theme);
            for style_name in [
                TextStyle::Small,
                TextStyle::Body,
                TextStyle::Button,
                TextStyle::Heading,
                TextStyle::Monospace,
            ] {
                let size = style_name.resolve(&style).size;
                assert!(size >= 12.0, "{style_name:?} is {size} px in {theme:?}");
            }
            assert!(TextStyle::Small.resolve(&style).size < TextStyle::Body.resolve(&style).size);
        }
    }
}
