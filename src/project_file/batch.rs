//! Many files written at once (a folder of letters), each atomically as
//! [`super::write_file_atomically`] writes one: a file is there whole or not at all.
//!
//! Each atomic write waits for the disk twice (the file, then its folder); a thousand
//! letters one after the other spent 9 s of 11 waiting. A few writers side by side overlap
//! those waits.

use std::path::PathBuf;

use super::SaveError;

/// How many files are written side by side.
const WRITERS: usize = 8;

/// Writes every `(path, bytes)`, several at a time. Stops at the first failure and returns
/// its path and error; files already written stay (each is whole).
///
/// # Errors
/// The first file that could not be written, and why.
pub fn write_files_atomically(files: &[(PathBuf, &[u8])]) -> Result<(), Box<(PathBuf, SaveError)>> {
    let next = std::sync::atomic::AtomicUsize::new(0);
    let failed: std::sync::Mutex<Option<(PathBuf, SaveError)>> = std::sync::Mutex::new(None);
    let stop = || failed.lock().map(|f| f.is_some()).unwrap_or(true);
    std::thread::scope(|scope| {
        for _ in 0..WRITERS.min(files.len()) {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let Some((path, bytes)) = files.get(i) else {
                        break;
                    };
                    if stop() {
                        break;
                    }
                    if let Err(err) = super::write_file_atomically(path, bytes)
                        && let Ok(mut slot) = failed.lock()
                        && slot.is_none()
                    {
                        *slot = Some((path.clone(), err));
                    }
                }
            });
        }
    });
    match failed.into_inner() {
        Ok(Some(failure)) => Err(Box::new(failure)),
        Ok(None) => Ok(()),
        Err(poisoned) => match poisoned.into_inner() {
            Some(failure) => Err(Box::new(failure)),
            None => Ok(()),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_file_is_written_and_a_failure_named() {
        let dir = tempfile::tempdir().unwrap();
        let files: Vec<(PathBuf, &[u8])> = (0..30)
            .map(|i| (dir.path().join(format!("{i}.txt")), b"letter".as_slice()))
            .collect();
        write_files_atomically(&files).unwrap();
        for (path, _) in &files {
            assert_eq!(std::fs::read(path).unwrap(), b"letter");
        }
        let bad = vec![(dir.path().join("no/such/folder/x.txt"), b"x".as_slice())];
        let (path, _) = *write_files_atomically(&bad).unwrap_err();
        assert!(path.ends_with("x.txt"));
    }
}
