//! Whether a folder looks shared: on a network file system (a mount of type CIFS/SMB, NFS,
//! SSHFS, WebDAV… on Linux; a network drive or a `\\server\share` path on Windows), or
//! inside a folder a sync client mirrors to the cloud (Dropbox, OneDrive, Nextcloud,
//! 坚果云, 百度网盘…). A hint for the user, never a block: it can be wrong both ways.

use std::path::Path;

/// Why a folder looks shared.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Shared {
    /// A network file system, of this type (`cifs`, `nfs4`).
    Network(String),
    /// A folder this sync client mirrors (`Dropbox`, `坚果云`).
    Synced(&'static str),
}

/// Folder names of sync clients, folded to lower case, and the client's name.
const SYNCED: &[(&str, &str)] = &[
    ("dropbox", "Dropbox"),
    ("onedrive", "OneDrive"),
    ("nextcloud", "Nextcloud"),
    ("owncloud", "ownCloud"),
    ("google drive", "Google Drive"),
    ("googledrive", "Google Drive"),
    ("my drive", "Google Drive"),
    ("icloud drive", "iCloud Drive"),
    ("icloud~", "iCloud Drive"),
    ("mobile documents", "iCloud Drive"),
    ("seafile", "Seafile"),
    ("pcloud", "pCloud"),
    ("box", "Box"),
    ("box sync", "Box"),
    ("sync", "Sync.com"),
    ("坚果云", "坚果云"),
    ("nutstore", "坚果云"),
    ("我的坚果云", "坚果云"),
    ("百度网盘", "百度网盘"),
    ("baidunetdisk", "百度网盘"),
    ("baidu netdisk", "百度网盘"),
    ("百度云同步盘", "百度网盘"),
    ("wps云盘", "WPS 云盘"),
    ("腾讯微云", "腾讯微云"),
    ("weiyun", "腾讯微云"),
    ("阿里云盘", "阿里云盘"),
];

/// File system types that are network mounts (read from Linux's mount table).
#[cfg(target_os = "linux")]
const NETWORK_TYPES: &[&str] = &[
    "cifs",
    "smb3",
    "smbfs",
    "nfs",
    "nfs4",
    "fuse.sshfs",
    "sshfs",
    "davfs",
    "fuse.davfs2",
    "fuse.rclone",
    "fuse.gvfsd-fuse",
    "afs",
    "ncpfs",
    "fuse.s3fs",
    "9p",
];

/// Whether the folder of `file` looks shared.
pub fn looks_shared(file: &Path) -> Option<Shared> {
    let folder = file.parent().unwrap_or(file);
    let folder = std::fs::canonicalize(folder).unwrap_or_else(|_| folder.to_owned());
    synced(&folder).or_else(|| network(&folder))
}

/// A sync client's folder among the components of `folder` (`OneDrive - Contoso`,
/// `Dropbox (Personal)`, `Nextcloud`).
pub fn synced(folder: &Path) -> Option<Shared> {
    folder.components().find_map(|c| {
        let name = c.as_os_str().to_string_lossy().to_lowercase();
        let name = name.trim();
        SYNCED.iter().find_map(|(folded, client)| {
            let exact = name == *folded;
            // `OneDrive - Contoso`, `Dropbox (Team)`: the client's name and its account.
            let prefixed = name.len() > 3
                && folded.len() > 3
                && name.starts_with(folded)
                && name[folded.len()..].starts_with([' ', '-', '(', '_']);
            (exact || prefixed).then_some(Shared::Synced(client))
        })
    })
}

#[cfg(target_os = "linux")]
fn network(folder: &Path) -> Option<Shared> {
    let mountinfo = std::fs::read_to_string("/proc/self/mountinfo").ok()?;
    mount_type(&mountinfo, folder)
        .filter(|t| NETWORK_TYPES.contains(&t.as_str()))
        .map(Shared::Network)
}

#[cfg(windows)]
fn network(folder: &Path) -> Option<Shared> {
    use std::os::windows::ffi::OsStrExt as _;
    let text = folder.to_string_lossy();
    if text.starts_with(r"\\") && !text.starts_with(r"\\?\") || text.starts_with(r"\\?\UNC\") {
        return Some(Shared::Network("SMB".to_owned()));
    }
    let root: Vec<u16> = folder
        .components()
        .next()?
        .as_os_str()
        .encode_wide()
        .chain([u16::from(b'\\'), 0])
        .collect();
    // SAFETY: `root` is a NUL-terminated wide string that outlives the call.
    let kind = unsafe { windows_sys::Win32::Storage::FileSystem::GetDriveTypeW(root.as_ptr()) };
    // DRIVE_REMOTE (in windows-sys's WindowsProgramming, a feature this crate does not
    // otherwise need).
    const DRIVE_REMOTE: u32 = 4;
    (kind == DRIVE_REMOTE).then(|| Shared::Network("network drive".to_owned()))
}

#[cfg(not(any(target_os = "linux", windows)))]
fn network(_folder: &Path) -> Option<Shared> {
    None
}

/// The file system type of the mount `folder` is on, from the text of
/// `/proc/self/mountinfo`: the mount with the longest mount point that holds the folder.
pub fn mount_type(mountinfo: &str, folder: &Path) -> Option<String> {
    let mut best: Option<(usize, String)> = None;
    for line in mountinfo.lines() {
        let fields: Vec<&str> = line.split(' ').collect();
        let Some(mount_point) = fields.get(4) else {
            continue;
        };
        let Some(dash) = fields.iter().position(|f| *f == "-") else {
            continue;
        };
        let Some(fs_type) = fields.get(dash + 1) else {
            continue;
        };
        let mount_point = unescape(mount_point);
        if folder.starts_with(&mount_point) {
            let depth = Path::new(&mount_point).components().count();
            if best.as_ref().is_none_or(|(d, _)| depth >= *d) {
                best = Some((depth, (*fs_type).to_owned()));
            }
        }
    }
    best.map(|(_, t)| t)
}

/// A mount point as mountinfo writes it: space, tab, newline and backslash as octal
/// escapes (`\040`).
fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('\\') {
        out.push_str(&rest[..i]);
        let code = rest
            .get(i + 1..i + 4)
            .and_then(|o| u8::from_str_radix(o, 8).ok());
        match code {
            Some(byte) => {
                out.push(char::from(byte));
                rest = &rest[i + 4..];
            }
            None => {
                out.push('\\');
                rest = &rest[i + 1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const MOUNTINFO: &str = "\
22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw
40 22 0:35 / /home/li/Office\\040Share rw,relatime shared:20 - cifs //nas/office rw,vers=3.0
41 22 0:36 / /mnt/nfs rw shared:21 - nfs4 nas:/export rw
42 41 8:2 / /mnt/nfs/local rw shared:22 - ext4 /dev/sdb1 rw
43 22 0:37 / /home/li/remote rw - fuse.sshfs li@host:/ rw
";

    #[test]
    fn network_mounts_by_type() {
        let t = |p: &str| mount_type(MOUNTINFO, Path::new(p));
        assert_eq!(t("/home/li/Office Share/2024").as_deref(), Some("cifs"));
        assert_eq!(t("/mnt/nfs/projects").as_deref(), Some("nfs4"));
        assert_eq!(t("/mnt/nfs/local/x").as_deref(), Some("ext4"));
        assert_eq!(t("/home/li/remote").as_deref(), Some("fuse.sshfs"));
        assert_eq!(t("/home/li/Documents").as_deref(), Some("ext4"));
    }

    #[test]
    fn sync_clients_by_folder_name() {
        let s = |p: &str| synced(Path::new(p));
        assert_eq!(
            s("/home/li/Dropbox/visits"),
            Some(Shared::Synced("Dropbox"))
        );
        assert_eq!(
            s("C:/Users/li/OneDrive - AFNOR/Projets"),
            Some(Shared::Synced("OneDrive"))
        );
        assert_eq!(s("/home/li/Nextcloud"), Some(Shared::Synced("Nextcloud")));
        assert_eq!(s("D:/我的坚果云/项目"), Some(Shared::Synced("坚果云")));
        assert_eq!(s("D:/BaiduNetdisk/项目"), Some(Shared::Synced("百度网盘")));
        assert_eq!(s("/home/li/Documents/boxes"), None);
        assert_eq!(s("/home/li/Documents"), None);
    }
}
