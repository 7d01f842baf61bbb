//! Fonts: egui's own font draws Latin and European letters; a bundled subset of Noto Sans
//! CJK SC draws Chinese on machines that have no CJK font at all.

/// The bundled CJK font (see [`crate::fonts`]).
pub const CJK_FONT: &[u8] = crate::fonts::CJK;

/// Name under which the CJK font is registered with egui.
pub const CJK_FONT_NAME: &str = "noto-sans-sc";

/// Adds the bundled CJK font behind egui's fonts, for both families.
///
/// Lowest priority so egui's font keeps drawing Latin text (Noto CJK lacks Ł, ő, ů…);
/// the system font provider, when there is one, is only asked for what neither has.
pub fn install_fonts(ctx: &egui::Context) {
    let data = egui::FontData::from_static(CJK_FONT);
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
