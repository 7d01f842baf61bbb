//! What the bundled CJK font costs at start and in a PDF: `cargo run --release --example
//! font_cost [OTHER_FONT.otf]` times, for the bundled subset (and another font file to
//! compare with, e.g. the earlier GBK-only subset), installing it into a fresh egui context
//! and drawing a first frame of Chinese text, and parsing it for a PDF export. Prints the
//! median of 15 runs of each.

use std::time::{Duration, Instant};

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times.get(times.len() / 2).copied().unwrap_or_default()
}

/// A fresh context with `font` installed, then one frame laying out Chinese and Latin text.
fn first_frame(font: &'static [u8]) -> Duration {
    let started = Instant::now();
    let ctx = egui::Context::default();
    ctx.add_font(egui::epaint::text::FontInsert::new(
        "cjk",
        egui::FontData::from_static(font),
        vec![egui::epaint::text::InsertFontFamily {
            family: egui::FontFamily::Proportional,
            priority: egui::epaint::text::FontPriority::Lowest,
        }],
    ));
    let mut out = ctx.run_ui(egui::RawInput::default(), |ui| {
        ui.label("HUANG Jixian 黄继先 · 中国认证认可协会 常务副会长兼秘书长 · 王䶮 · Łódź");
    });
    out.textures_delta.clear();
    started.elapsed()
}

fn pdf_parse(font: &'static [u8]) -> Duration {
    use skrifa::MetadataProvider as _;
    let started = Instant::now();
    let font_ref = skrifa::FontRef::new(font).ok();
    let glyphs = font_ref.map_or(0, |f| {
        let charmap = f.charmap();
        "黄继先中国认证认可协会王䶮"
            .chars()
            .filter(|c| charmap.map(*c).is_some())
            .count()
    });
    std::hint::black_box(glyphs);
    let _ = krilla::text::Font::new(font.to_vec().into(), 0);
    started.elapsed()
}

fn report(name: &str, font: &'static [u8]) {
    let frames = median((0..15).map(|_| first_frame(font)).collect());
    let parses = median((0..15).map(|_| pdf_parse(font)).collect());
    println!(
        "{name}: {:.2} MB; fresh context + first frame {:.1} ms; PDF font parse {:.2} ms",
        font.len() as f64 / 1e6,
        frames.as_secs_f64() * 1e3,
        parses.as_secs_f64() * 1e3
    );
}

fn main() {
    report("bundled subset", delegation_planner::fonts::CJK);
    if let Some(path) = std::env::args().nth(1) {
        match std::fs::read(&path) {
            Ok(bytes) => report(&path, Box::leak(bytes.into_boxed_slice())),
            Err(err) => eprintln!("{path}: {err}"),
        }
    }
}
