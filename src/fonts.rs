//! The fonts bundled with the app, shared by the window and the PDF exports, so Chinese
//! renders on machines with no CJK font installed. Licences are beside them in
//! `assets/fonts/`.

/// Noto Sans CJK SC, subset to GBK, the 8,105 characters of the Table of General Standard
/// Chinese Characters and CJK Extension A (SIL OFL 1.1; see `scripts/make-font-subset.py`).
pub const CJK: &[u8] = include_bytes!("../assets/fonts/NotoSansSC-Subset.otf");

/// DejaVu Sans, for Latin, Greek and Cyrillic text in PDFs (Bitstream Vera licence).
pub const LATIN_REGULAR: &[u8] = include_bytes!("../assets/fonts/DejaVuSans.ttf");

/// DejaVu Sans Bold.
pub const LATIN_BOLD: &[u8] = include_bytes!("../assets/fonts/DejaVuSans-Bold.ttf");
