//! Zip archives (XLSX, ODS, DOCX) opened within the limits: the central directory is read
//! and every member's declared size checked against [`MAX_ZIP_MEMBER_BYTES`] and their
//! sum against [`MAX_ZIP_TOTAL_BYTES`] before anything is inflated. The `zip` crate never
//! inflates a member past its declared size (it stops with an error), so a member that
//! lies about its size cannot grow either; [`Archive::read`] also reads through a `take`
//! of the limit.
//!
//! Every call into `zip` runs behind [`super::boundary`]. The workbook readers check an
//! archive here before calamine opens it; a Word reader reads `word/document.xml` with
//! [`Archive::read`].

use std::io::{Cursor, Read as _};

use super::boundary::guard;
use super::gate::InputError;
use super::limits::{Limit, LimitExceeded, MAX_ZIP_MEMBER_BYTES, MAX_ZIP_TOTAL_BYTES};

/// A zip archive whose central directory is within the limits.
pub struct Archive<'a> {
    zip: zip::ZipArchive<Cursor<&'a [u8]>>,
    /// Each member's name and declared size, in the archive's order.
    members: Vec<(String, u64)>,
}

impl<'a> Archive<'a> {
    /// Opens `bytes` as a zip archive and checks its central directory.
    ///
    /// # Errors
    /// When it is not a readable zip, a member is encrypted, or the members are over
    /// [`MAX_ZIP_ENTRIES`](super::limits::MAX_ZIP_ENTRIES), [`MAX_ZIP_MEMBER_BYTES`] or [`MAX_ZIP_TOTAL_BYTES`].
    pub fn open(bytes: &'a [u8]) -> Result<Self, InputError> {
        guard("zip", || Self::open_unguarded(bytes))?
    }

    fn open_unguarded(bytes: &'a [u8]) -> Result<Self, InputError> {
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
            .map_err(|e| InputError::Damaged(e.to_string()))?;
        super::limits::within(Limit::ZipEntries, zip.len() as u64)?;
        let mut members = Vec::with_capacity(zip.len());
        let mut total = 0u64;
        for i in 0..zip.len() {
            let file = zip
                .by_index_raw(i)
                .map_err(|e| InputError::Damaged(e.to_string()))?;
            let name = file.name().map(|n| n.into_owned()).unwrap_or_default();
            if file.encrypted() {
                return Err(InputError::Encrypted);
            }
            let size = file.size();
            if size > MAX_ZIP_MEMBER_BYTES {
                return Err(LimitExceeded::new(Limit::ZipMemberBytes, Some(size))
                    .at(clip(&name))
                    .into());
            }
            total = total.saturating_add(size);
            members.push((name, size));
        }
        if total > MAX_ZIP_TOTAL_BYTES {
            return Err(LimitExceeded::new(Limit::ZipTotalBytes, Some(total)).into());
        }
        Ok(Self { zip, members })
    }

    /// The members' names, in the archive's order.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.members.iter().map(|(name, _)| name.as_str())
    }

    /// Whether the archive has a member called `name`.
    pub fn has(&self, name: &str) -> bool {
        self.names().any(|n| n == name)
    }

    /// The member `name`, inflated (no more than its checked size).
    ///
    /// # Errors
    /// When there is no such member or it cannot be inflated.
    pub fn read(&mut self, name: &str) -> Result<Vec<u8>, InputError> {
        let zip = &mut self.zip;
        guard("zip", || {
            let file = zip
                .by_name(name)
                .map_err(|e| InputError::Damaged(format!("{name}: {e}")))?;
            let declared = file.size();
            let mut bytes = Vec::with_capacity(usize::try_from(declared).unwrap_or(0));
            file.take(MAX_ZIP_MEMBER_BYTES + 1)
                .read_to_end(&mut bytes)
                .map_err(|e| InputError::Damaged(format!("{name}: {e}")))?;
            super::limits::within(Limit::ZipMemberBytes, bytes.len() as u64)
                .map_err(|e| e.at(clip(name)))?;
            Ok(bytes)
        })?
    }
}

impl<'a> Archive<'a> {
    /// The member at `index` as stored, not inflated (to copy it into another archive).
    ///
    /// # Errors
    /// When the archive cannot be read there.
    pub(crate) fn raw(
        &mut self,
        index: usize,
    ) -> Result<zip::read::ZipFile<'_, Cursor<&'a [u8]>>, InputError> {
        self.zip
            .by_index_raw(index)
            .map_err(|e| InputError::Damaged(e.to_string()))
    }
}

/// A member's name short enough for a message.
fn clip(name: &str) -> String {
    match name.char_indices().nth(80) {
        Some((at, _)) => format!("{}…", name.get(..at).unwrap_or_default()),
        None => name.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write as _;

    fn zip_of(members: &[(&str, &[u8])]) -> Vec<u8> {
        let mut out = Cursor::new(Vec::new());
        let mut zip = zip::ZipWriter::new(&mut out);
        for (name, bytes) in members {
            zip.start_file(*name, zip::write::SimpleFileOptions::default())
                .unwrap();
            zip.write_all(bytes).unwrap();
        }
        zip.finish().unwrap();
        out.into_inner()
    }

    #[test]
    fn members_are_read_within_the_limits() {
        let bytes = zip_of(&[("word/document.xml", b"<w:document/>")]);
        let mut archive = Archive::open(&bytes).unwrap();
        assert!(archive.has("word/document.xml"));
        assert_eq!(archive.read("word/document.xml").unwrap(), b"<w:document/>");
        assert!(matches!(
            archive.read("missing.xml"),
            Err(InputError::Damaged(_))
        ));
        assert!(matches!(
            Archive::open(b"PK\x03\x04 not a zip"),
            Err(InputError::Damaged(_))
        ));
    }

    #[test]
    fn a_member_over_the_limit_is_refused_from_the_central_directory() {
        // 129 MiB of spaces deflate to about 130 KB.
        let spaces = vec![b' '; 129 * 1024 * 1024];
        let bytes = zip_of(&[("xl/worksheets/sheet1.xml", &spaces)]);
        drop(spaces);
        assert!(bytes.len() < 1024 * 1024);
        let Err(InputError::Limit(limit)) = Archive::open(&bytes) else {
            panic!("not refused")
        };
        assert_eq!(limit.limit, Limit::ZipMemberBytes);
        assert_eq!(limit.found, Some(129 * 1024 * 1024));
        assert_eq!(limit.place.as_deref(), Some("xl/worksheets/sheet1.xml"));
    }
}
