//! The fast reader and writer against ron, their reference: every file of the test corpora,
//! the samples, synthetic projects and hand-edited variants. Whenever the fast reader
//! accepts a file, ron must read exactly the same project; the fast writer must write
//! exactly ron's bytes. (Property-generated projects: tests/proptest_roundtrip.rs.)

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // Test helpers may panic: a panic is a failed test.

use std::path::{Path, PathBuf};

use delegation_planner::model::Project;
use delegation_planner::project_file::{
    parse_project, parse_project_fast, parse_project_reference, to_ron_string,
    to_ron_string_reference,
};
use delegation_planner::synthetic::{self, Size};

/// Whenever the fast reader accepts `bytes`, ron reads the same project. Returns whether
/// the fast reader accepted them.
fn agree(bytes: &[u8], name: &str) -> bool {
    let Some(fast) = parse_project_fast(bytes) else {
        return false;
    };
    match parse_project_reference(bytes, Path::new(name)) {
        Ok(reference) => assert!(fast == reference, "{name}: read differently"),
        Err(err) => panic!("{name}: the fast reader accepted what ron refuses: {err}"),
    }
    // The app's path gives the same answer.
    assert!(parse_project(bytes, Path::new(name)).unwrap() == fast);
    true
}

fn files(dir: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> =
        std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join(dir))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "ron"))
            .collect();
    files.sort();
    files
}

#[test]
fn every_corpus_file_reads_as_ron_reads_it() {
    let mut accepted = Vec::new();
    for path in files("tests/hostile")
        .into_iter()
        .chain(files("tests/formats"))
        .chain(files("saves"))
    {
        let bytes = std::fs::read(&path).unwrap();
        let name = path.display().to_string();
        if agree(&bytes, &name) {
            accepted.push(path.file_name().unwrap().to_string_lossy().into_owned());
        }
        // Errors still come from ron, with their position: same as before.
        if let Err(err) = parse_project(&bytes, &path) {
            let reference = parse_project_reference(&bytes, &path).unwrap_err();
            assert_eq!(err.to_string(), reference.to_string());
        }
    }
    // The fast path is really taken for the app's own files and hand-written ones.
    for name in [
        "v1.ron",
        "ccaa-afnor-paris-2024.ron",
        "eud-cqc-beijing-2024.ron",
        "raw-strings.ron",
        "bidi-and-zero-width.ron",
        "dangling-ids.ron",
    ] {
        assert!(
            accepted.iter().any(|a| a == name),
            "{name} left to ron; accepted: {accepted:?}"
        );
    }
}

#[test]
fn samples_and_synthetic_projects_write_and_read_as_ron_does() {
    let mut projects: Vec<Project> = files("saves")
        .iter()
        .map(|p| parse_project(&std::fs::read(p).unwrap(), p).unwrap())
        .collect();
    projects.push(synthetic::generate(Size::people(3_000), 7));
    projects.push(Project::default());
    for project in &projects {
        let text = to_ron_string(project).unwrap();
        assert_eq!(text, to_ron_string_reference(project).unwrap());
        assert!(parse_project_fast(text.as_bytes()).as_ref() == Some(project));
        assert!(agree(text.as_bytes(), "synthetic.ron"));
    }
}

/// The v1 fixture edited the ways people edit files; each variant is compared with ron,
/// and those the fast reader is meant to handle must not be left to ron.
#[test]
fn hand_edits_read_as_ron_reads_them() {
    let v1 =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/formats/v1.ron"))
            .unwrap();
    let handled: Vec<(&str, String)> = vec![
        ("crlf", v1.replace('\n', "\r\n")),
        ("tabs", v1.replace("  ", "\t")),
        (
            "no indentation",
            v1.lines().map(str::trim).collect::<Vec<_>>().join("\n"),
        ),
        (
            "one line",
            v1.lines()
                .filter(|l| !l.trim_start().starts_with("//"))
                .map(str::trim)
                .collect::<Vec<_>>()
                .join(" "),
        ),
        (
            "block comments",
            v1.replace("info:", "/* the title /* nested */ */ info:"),
        ),
        (
            "line comments",
            v1.replace("  people: {", "  // everyone\n  people: { // by id\n"),
        ),
        (
            "no trailing commas",
            v1.replace(",\n  }", "\n  }").replace(",\n)", "\n)"),
        ),
        (
            "raw string",
            v1.replace("\"AFNOR Group\"", "r#\"AFNOR \"Group\"\"#"),
        ),
        (
            "unicode escape",
            v1.replace("\"AFNOR Group\"", "\"AFNOR \\u{47}roup \\u{1F600}\""),
        ),
        (
            "escapes",
            v1.replace("\"AFNOR Group\"", "\"\\'\\\"\\\\\\n\\r\\t\\0\""),
        ),
        (
            "space before paren",
            v1.replace("Some(", "Some (").replace("V1(", "V1 ("),
        ),
        (
            "comma in option",
            v1.replace("Some(\"afnor\")", "Some(\"afnor\",)"),
        ),
        ("trailing comment", format!("{v1}// end\n")),
    ];
    for (what, text) in &handled {
        assert!(agree(text.as_bytes(), what), "{what}: left to ron");
    }
    let others: Vec<(&str, String)> = vec![
        (
            "struct name",
            v1.replacen("info: (", "info: ProjectInfo(", 1),
        ),
        (
            "wrong struct name",
            v1.replacen("info: (", "info: Nope(", 1),
        ),
        ("raw identifier", v1.replacen("info:", "r#info:", 1)),
        ("hex escape", v1.replace("\"AFNOR Group\"", "\"\\x41\"")),
        (
            "string continuation",
            v1.replace("\"AFNOR Group\"", "\"AFNOR \\\n    Group\""),
        ),
        ("unicode space", v1.replacen("info:", "\u{2028}info:", 1)),
        ("plus sign", v1.replace("rank: 1", "rank: +1")),
        ("hex number", v1.replace("rank: 1", "rank: 0x1")),
        ("underscore", v1.replace("rank: 1", "rank: 1_0")),
        ("leading zero", v1.replace("rank: 1", "rank: 01")),
        ("suffix", v1.replace("rank: 1", "rank: 1u32")),
        ("negative", v1.replace("rank: 1", "rank: -1")),
        ("float", v1.replace("rank: 1", "rank: 1.0")),
        (
            "unit variant with parens",
            v1.replace("sector: Ngo", "sector: Ngo()"),
        ),
        (
            "string variant",
            v1.replace("sector: Ngo", "sector: \"Ngo\""),
        ),
        ("unknown field", v1.replacen("info:", "infos:", 1)),
        (
            "duplicate field",
            v1.replacen("info:", "organisations: {}, info:", 1),
        ),
        ("trailing text", format!("{v1} x")),
        ("comment at the very end", format!("{v1}// end")),
        ("unclosed comment", format!("{v1}/* end")),
        (
            "nested option",
            v1.replace("Some(\"afnor\")", "Some(Some(\"afnor\"))"),
        ),
        (
            "ident with dash",
            v1.replace("sector: Ngo", "sector: Ngo-x"),
        ),
        ("two versions", v1.replacen("V1(", "V2(", 1)),
    ];
    for (what, text) in &others {
        // Some of these ron accepts, some it refuses: either way, the same as ron.
        agree(text.as_bytes(), what);
        let app = parse_project(text.as_bytes(), Path::new("x.ron"));
        let reference = parse_project_reference(text.as_bytes(), Path::new("x.ron"));
        match (app, reference) {
            (Ok(a), Ok(r)) => assert!(a == r, "{what}"),
            (Err(a), Err(r)) => assert_eq!(a.to_string(), r.to_string(), "{what}"),
            (a, r) => panic!("{what}: {:?} vs {:?}", a.is_ok(), r.is_ok()),
        }
    }
}

/// Deep nesting, long runs of escapes and comments: refused or read in linear time.
#[test]
fn hostile_shapes_stay_fast() {
    let cases = [
        "V1((info: (title: (en: ".to_owned() + &"Some(".repeat(200_000),
        format!("V1((info: (title: (en: \"{}\"))))", "\\n".repeat(500_000)),
        format!(
            "V1((info: (title: (en: r##\"{}\"##))))",
            "\"#".repeat(500_000)
        ),
        format!("{}V1(())", "/*".repeat(300_000)),
        format!("V1(({}))", "/* */ ".repeat(300_000)),
        format!("V1((people: {{{}}}))", "\"a\": (), ".repeat(100_000)),
    ];
    for text in &cases {
        let start = std::time::Instant::now();
        agree(text.as_bytes(), "hostile.ron");
        let _ = parse_project(text.as_bytes(), Path::new("hostile.ron"));
        assert!(
            start.elapsed() < std::time::Duration::from_secs(5),
            "{:.60}…",
            text
        );
    }
}
