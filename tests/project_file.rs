//! Project files: round trips, every class of bad file, and the atomic save.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // Test helpers may panic: a panic is a failed test.

use std::path::Path;

use delegation_planner::model::{Bilingual, Person, PersonId, Project};
use delegation_planner::project_file::{
    DiskChange, Fingerprint, LoadError, SaveError, SaveStep, backup_path, check_on_disk,
    load_project, parse_project, read_project, save_project, save_project_with, to_ron_string,
    write_file_atomically,
};

fn sample_text() -> &'static str {
    delegation_planner::samples::CCAA_AFNOR_RON
}

fn sample() -> Project {
    delegation_planner::samples::ccaa_afnor().expect("the embedded sample loads")
}

#[test]
fn samples_are_in_canonical_form() {
    // Saving an unchanged project reproduces the file byte for byte: diffs show only edits.
    for file in [
        "saves/ccaa-afnor-paris-2024.ron",
        "saves/eud-cqc-beijing-2024.ron",
    ] {
        let text = std::fs::read_to_string(file).unwrap();
        let project = parse_project(text.as_bytes(), Path::new(file)).unwrap();
        assert_eq!(
            to_ron_string(&project).unwrap(),
            text,
            "{file} is not canonical"
        );
    }
}

#[test]
fn sample_has_the_report_data() {
    let p = sample();
    assert_eq!(p.people.len(), 7);
    let huang = &p.people[&PersonId::from("huang-jixian")];
    assert_eq!(huang.formal_name(), "Mr. HUANG Jixian 黄继先");
    assert_eq!(huang.title.zh, "常务副会长兼秘书长");
    let fang = &p.people[&PersonId::from("fang-yan")];
    assert_eq!(fang.chinese_name, "方 艳", "the alignment space is kept");
    let myriam = &p.people[&PersonId::from("augereau-landais-myriam")];
    assert_eq!(myriam.display_name(), "Myriam AUGEREAU LANDAIS");
    let meeting = p.meetings.values().next().unwrap();
    assert_eq!(meeting.attendees.len(), 7);
    assert_eq!(meeting.start_date().to_string(), "2024-09-23");
    let roots = p
        .commitments
        .values()
        .filter(|c| c.parent.is_none())
        .count();
    assert_eq!(roots, 3, "three cooperation points");
    assert!(delegation_planner::model::validate(&p).is_empty());
}

#[test]
fn round_trip_with_cjk_emoji_and_quotes() {
    let mut p = sample();
    p.people.insert(
        PersonId::from("odd"),
        Person {
            family_name: "O'Brien \"Quote\" \\ back".into(),
            given_name: "Ünïcödé 🎉 \u{200B}zero-width \u{202E}rtl".into(),
            chinese_name: "堃 喆 昇 玥 珺 祎 彧 镕".into(),
            title: Bilingual::new("line\nbreak\ttab \"# raw", "中文\r\n标题"),
            ..Default::default()
        },
    );
    let text = to_ron_string(&p).unwrap();
    let back = parse_project(text.as_bytes(), Path::new("x.ron")).unwrap();
    assert_eq!(back, p);
}

fn load_err(bytes: &[u8]) -> LoadError {
    parse_project(bytes, Path::new("bad.ron")).expect_err("must be refused")
}

#[test]
fn empty_and_blank_files() {
    assert!(matches!(load_err(b""), LoadError::Empty { .. }));
    assert!(matches!(load_err(b"  \n\t "), LoadError::Empty { .. }));
    assert!(matches!(load_err(b"\xEF\xBB\xBF"), LoadError::Empty { .. }));
}

#[test]
fn bom_is_accepted() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(sample_text().as_bytes());
    assert_eq!(
        parse_project(&bytes, Path::new("bom.ron")).unwrap(),
        sample()
    );
}

#[test]
fn utf16_is_refused_with_advice() {
    let utf16: Vec<u8> = sample_text()
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let err = load_err(&utf16);
    assert!(matches!(err, LoadError::Utf16 { .. }), "{err}");
    let mut with_bom = vec![0xFF, 0xFE];
    with_bom.extend_from_slice(&utf16);
    let err = load_err(&with_bom);
    assert!(err.to_string().contains("UTF-8"), "{err}");
}

#[test]
fn truncated_file_names_the_place() {
    let text = sample_text();
    for cut in [text.len() / 3, text.len() / 2, text.len() - 5] {
        let mut cut = cut;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let err = load_err(&text.as_bytes()[..cut]);
        let (line, column) = err.position().expect("a truncated file has a position");
        assert!(line > 1 && column >= 1, "{err}");
        assert!(err.to_string().starts_with("bad.ron:"), "{err}");
    }
}

#[test]
fn garbage_and_invalid_utf8() {
    let err = load_err(b"hello world");
    assert!(err.to_string().starts_with("bad.ron:1:"), "{err}");
    let err = load_err(b"V1((\n  info: (title: (en: \"\xFF\xFE\"");
    assert!(matches!(err, LoadError::NotUtf8 { line: 2, .. }), "{err}");
    // Random bytes of every kind never panic.
    let mut seed = 0x2545_F491_4F6C_DD1Du64;
    for len in 0..300 {
        let bytes: Vec<u8> = (0..len)
            .map(|_| {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                (seed & 0xFF) as u8
            })
            .collect();
        let _ = parse_project(&bytes, Path::new("random.ron"));
    }
}

#[test]
fn newer_version_and_unknown_fields() {
    let newer = sample_text().replacen("V4(", "V5(", 1);
    let err = load_err(newer.as_bytes());
    assert!(matches!(err, LoadError::NewerVersion { .. }), "{err}");
    assert!(err.to_string().contains("newer version"), "{err}");
    assert_eq!(err.position(), Some((1, 1)));

    let unknown = sample_text().replacen(
        "      phone: \"\",",
        "      phone: \"\",\n      pronouns: \"she\",",
        1,
    );
    let err = load_err(unknown.as_bytes());
    let text = err.to_string();
    assert!(
        text.contains("pronouns") && text.contains("newer version"),
        "{text}"
    );
    assert!(err.position().unwrap().0 > 10, "{text}");
}

#[test]
fn duplicate_ids_and_bad_values_are_refused() {
    let dup = sample_text().replacen(
        "    \"fang-yan\": (",
        "    \"fang-yan\": (),\n    \"fang-yan\": (",
        1,
    );
    let err = load_err(dup.as_bytes());
    assert!(err.to_string().contains("used twice"), "{err}");

    let bad_date = sample_text().replacen("\"2024-09-23\"", "\"2024-02-30\"", 1);
    assert!(load_err(bad_date.as_bytes()).position().is_some());
    let bad_zone = sample_text().replacen("\"Europe/Paris\"", "\"Europe/Atlantis\"", 1);
    assert!(load_err(bad_zone.as_bytes()).position().is_some());
    let deep = format!("V1(({}", "(".repeat(10_000));
    let err = load_err(deep.as_bytes());
    assert!(err.position().is_some(), "{err}");
}

#[test]
fn dangling_references_load_and_are_reported() {
    let text = sample_text().replacen("person: \"fang-yan\"", "person: \"nobody\"", 1);
    let project = parse_project(text.as_bytes(), Path::new("x.ron")).unwrap();
    let problems = delegation_planner::model::validate(&project);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].to_string().contains("nobody"));
}

#[test]
fn too_large_file_is_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.ron");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(delegation_planner::project_file::MAX_FILE_SIZE + 1)
        .unwrap();
    let err = read_project(&path).unwrap_err();
    assert!(matches!(err, LoadError::TooLarge { .. }), "{err}");
}

#[test]
fn missing_file_says_so() {
    let err = read_project(Path::new("/nonexistent/dir/x.ron")).unwrap_err();
    assert!(matches!(err, LoadError::Io { .. }));
    assert!(
        err.to_string().starts_with("/nonexistent/dir/x.ron: "),
        "{err}"
    );
}

#[test]
fn save_keeps_a_backup_and_permissions() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    let mut p = sample();
    save_project(&path, &p).unwrap();
    assert_eq!(read_project(&path).unwrap(), p);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    }
    p.info.title.en = "Changed".into();
    save_project(&path, &p).unwrap();
    assert_eq!(read_project(&path).unwrap(), p);
    assert_eq!(
        read_project(&backup_path(&path)).unwrap(),
        sample(),
        "previous version kept"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640, "permissions survive the save");
    }
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_failure_at_any_step_leaves_the_old_file_or_the_new_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    let mut older = sample();
    older.info.title.en = "Older".into();
    let old = sample();
    save_project(&path, &older).unwrap();
    save_project(&path, &old).unwrap(); // now the .bak holds the older version
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    }
    let old_bytes = std::fs::read(&path).unwrap();
    let old_backup = std::fs::read(backup_path(&path)).unwrap();
    let mut new = old.clone();
    new.info.title.en = "New".into();
    for failing in SaveStep::ALL {
        let result = save_project_with(&path, &new, &mut |step| {
            if step == failing {
                Err(std::io::Error::other("injected"))
            } else {
                Ok(())
            }
        });
        let err = result.expect_err("the injected fault is reported");
        assert_eq!(err.step(), Some(failing));
        assert!(err.to_string().contains("injected"), "{err}");
        assert!(err.to_string().contains(&failing.to_string()), "{err}");
        let on_disk = read_project(&path).unwrap();
        let backup = std::fs::read(backup_path(&path)).unwrap();
        if failing.after_replace() {
            // The rename happened; making it durable failed, and the error says the
            // project was saved, with the fingerprint of what is on disk.
            assert!(matches!(err, SaveError::Incomplete { .. }), "{err}");
            assert!(err.to_string().contains("was saved"), "{err}");
            assert_eq!(on_disk, new);
            assert_eq!(err.saved(), Some(&Fingerprint::of_file(&path).unwrap()));
            assert_eq!(backup, old_bytes, "the .bak is the version before");
            // Back to the starting point for the next step.
            std::fs::write(&path, &old_bytes).unwrap();
            std::fs::write(backup_path(&path), &old_backup).unwrap();
        } else {
            assert!(matches!(err, SaveError::Io { .. }), "{err}");
            assert!(err.to_string().contains("was not changed"), "{err}");
            assert_eq!(std::fs::read(&path).unwrap(), old_bytes, "step {failing:?}");
            if failing == SaveStep::Rename {
                // The .bak is in place before the new file replaces the old one: here it
                // is already a copy of the file, which is still the old version.
                assert_eq!(backup, old_bytes, "step {failing:?}");
                std::fs::write(backup_path(&path), &old_backup).unwrap();
            } else {
                assert_eq!(backup, old_backup, "step {failing:?}");
            }
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o640, "permissions survive {failing:?}");
        }
        let temps = std::fs::read_dir(dir.path())
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .unwrap()
                    .file_name()
                    .to_string_lossy()
                    .ends_with(".tmp")
            })
            .count();
        assert_eq!(temps, 0, "no temp file left after {failing:?}");
    }
}

#[test]
fn the_fingerprint_of_a_load_or_save_is_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    let saved = save_project_with(&path, &sample(), &mut |_| Ok(())).unwrap();
    let (project, loaded) = load_project(&path).unwrap();
    assert_eq!(project, sample());
    assert_eq!(saved, loaded);
    assert_eq!(saved, Fingerprint::of_file(&path).unwrap());
    assert_eq!(check_on_disk(&path, &saved).unwrap(), DiskChange::Unchanged);
}

#[cfg(unix)]
#[test]
fn saving_through_a_symbolic_link_updates_its_target() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("shared.ron");
    let link = dir.path().join("link.ron");
    save_project(&target, &sample()).unwrap();
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let mut changed = sample();
    changed.info.title.en = "Through the link".into();
    save_project(&link, &changed).unwrap();
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink(),
        "still a link"
    );
    assert_eq!(read_project(&target).unwrap(), changed);
    assert_eq!(read_project(&backup_path(&target)).unwrap(), sample());
}

#[test]
fn an_export_is_written_atomically_without_a_backup() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("agenda.md");
    write_file_atomically(&path, b"one").unwrap();
    write_file_atomically(&path, b"two").unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), b"two");
    assert!(!backup_path(&path).exists());
}
