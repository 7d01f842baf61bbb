//! One size limit for readers and writers: whatever the app or a command writes, the loader
//! opens. A project exactly at the limit saves and opens again; one byte more is refused
//! with a message before anything is written.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // Test helpers may panic: a panic is a failed test.

use delegation_planner::project_file::{
    Fingerprint, LoadError, MAX_FILE_SIZE, SaveError, load_project, save_project, to_ron_string,
    write_copy_atomically,
};

#[test]
fn a_project_at_the_limit_saves_and_opens_and_one_byte_more_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("limit.ron");
    let mut project = delegation_planner::samples::ccaa_afnor().unwrap();
    let org = || delegation_planner::model::OrganisationId::from("afnor");
    project.organisations.get_mut(&org()).unwrap().notes.clear();
    let base = to_ron_string(&project).unwrap().len();
    let limit = usize::try_from(MAX_FILE_SIZE).unwrap();
    // A note of plain letters is written as it is: the file grows by exactly its length.
    project.organisations.get_mut(&org()).unwrap().notes = "a".repeat(limit - base);
    assert_eq!(to_ron_string(&project).unwrap().len(), limit);

    save_project(&path, &project).unwrap();
    assert_eq!(std::fs::metadata(&path).unwrap().len(), MAX_FILE_SIZE);
    let (loaded, fingerprint) = load_project(&path).unwrap();
    assert_eq!(
        loaded.organisations.get(&org()).unwrap().notes.len(),
        limit - base
    );
    drop(loaded);

    project
        .organisations
        .get_mut(&org())
        .unwrap()
        .notes
        .push('a');
    let err = save_project(&path, &project).unwrap_err();
    assert!(
        matches!(err, SaveError::TooLarge { size, max, .. } if size == MAX_FILE_SIZE + 1 && max == MAX_FILE_SIZE),
        "{err}"
    );
    assert!(err.to_string().contains("Nothing was written"), "{err}");
    assert_eq!(
        Fingerprint::of_file(&path).unwrap().sha256,
        fingerprint.sha256
    );
    // A recovery copy of it would not open again either: refused the same way.
    let copy = dir.path().join("copy.recovery.ron");
    let text = vec![b' '; limit + 1];
    assert!(matches!(
        write_copy_atomically(&copy, &text),
        Err(SaveError::TooLarge { .. })
    ));
    assert!(!copy.exists());
    // And a file one byte over the limit, however it was made, is refused by the loader.
    let over = dir.path().join("over.ron");
    let file = std::fs::File::create(&over).unwrap();
    file.set_len(MAX_FILE_SIZE + 1).unwrap();
    assert!(matches!(
        load_project(&over),
        Err(LoadError::TooLarge { .. })
    ));
}
