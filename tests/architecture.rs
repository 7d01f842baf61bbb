//! The dependency rule of ARCHITECTURE.md, checked on the source: a module uses only its
//! own layer and the layers below it, the layers below the UI know nothing of egui, and
//! the command line uses the library, never the app or its panels.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // A test: a panic is a failed test.

use std::path::{Path, PathBuf};

/// The top-level modules of `src/` and their layer, bottom (0) to top.
const LAYERS: &[(&str, u8)] = &[
    ("fonts", 0),
    ("model", 1),
    ("synthetic", 1),
    ("document", 2),
    ("project_file", 3),
    ("import", 3),
    ("export", 3),
    ("merge", 3),
    ("samples", 3),
    ("i18n", 4),
    ("workspace", 5),
    ("cli", 6),
    ("ui", 6),
    ("app", 7),
];

/// Layers that must not know egui or eframe: everything below the UI.
const EGUI_FREE_BELOW: u8 = 6;

fn layer_of(module: &str) -> Option<u8> {
    LAYERS.iter().find(|(m, _)| *m == module).map(|(_, l)| *l)
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level module a file of `src/` belongs to (`src/ui/people_ui.rs` → `ui`);
/// `None` for the crate roots.
fn module_of(src: &Path, file: &Path) -> Option<String> {
    let relative = file.strip_prefix(src).unwrap();
    let first = relative
        .components()
        .next()?
        .as_os_str()
        .to_str()?
        .to_owned();
    let name = first.trim_end_matches(".rs").to_owned();
    (name != "lib" && name != "main").then_some(name)
}

/// The code of a file without its test module and without comments: what the build uses.
fn code_of(text: &str) -> String {
    let code = text.split("#[cfg(test)]").next().unwrap_or_default();
    code.lines()
        .map(|line| match line.find("//") {
            Some(i) => &line[..i],
            None => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The top-level modules a file names as `crate::x`, including in grouped uses
/// (`use crate::{a, b::c}`).
fn used_modules(code: &str) -> Vec<String> {
    let mut used = Vec::new();
    let mut rest = code;
    while let Some(i) = rest.find("crate::") {
        rest = &rest[i + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let end = group.find('}').unwrap_or(group.len());
            for part in group[..end].split(',') {
                let name: String = part
                    .trim()
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if !name.is_empty() {
                    used.push(name);
                }
            }
        } else {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            used.push(name);
        }
    }
    used
}

#[test]
fn no_module_uses_a_layer_above_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    let mut violations = Vec::new();
    for file in &files {
        let Some(module) = module_of(&src, file) else {
            continue;
        };
        let Some(own) = layer_of(&module) else {
            violations.push(format!(
                "{}: the module `{module}` has no layer in ARCHITECTURE.md",
                file.display()
            ));
            continue;
        };
        let code = code_of(&std::fs::read_to_string(file).unwrap());
        for used in used_modules(&code) {
            let Some(layer) = layer_of(&used) else {
                continue;
            };
            let upward = layer > own;
            // The two fronts of layer 6 stand side by side: neither uses the other.
            let sideways = layer == own && own == 6 && used != module;
            if upward || sideways {
                violations.push(format!(
                    "{}: `{module}` (layer {own}) uses `crate::{used}` (layer {layer})",
                    file.display()
                ));
            }
        }
        if own < EGUI_FREE_BELOW && (code.contains("egui::") || code.contains("eframe::")) {
            violations.push(format!(
                "{}: `{module}` is below the UI and must not use egui or eframe",
                file.display()
            ));
        }
    }
    assert!(
        violations.is_empty(),
        "the dependency rule of ARCHITECTURE.md is broken:\n{}",
        violations.join("\n")
    );
}

#[test]
fn the_checker_sees_grouped_and_nested_uses() {
    let code = code_of(
        "use crate::{model::Project, ui::View};\nfn f() { crate::app::run(); } // crate::cli\n",
    );
    assert_eq!(used_modules(&code), ["model", "ui", "app"]);
    assert_eq!(code_of("a\n#[cfg(test)]\nuse crate::ui;"), "a");
}
