//! Keeping the user's data to the user: a private data folder (0700),
//! private database files (0600), a private read-only copy that a later
//! start cleans up if a kill left it behind, and the identity of the open
//! file.

use std::path::{Path, PathBuf};

/// A file's device and inode.
pub(crate) type FileId = (u64, u64);

#[cfg(unix)]
pub(crate) fn file_id(path: &Path) -> Option<FileId> {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
}

#[cfg(not(unix))]
pub(crate) fn file_id(_: &Path) -> Option<FileId> {
    None
}

/// Sets `path` to 0600 (a file) whatever the umask.
#[cfg(unix)]
pub(crate) fn make_private(path: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))
}

#[cfg(not(unix))]
pub(crate) fn make_private(_: &Path) -> std::io::Result<()> {
    Ok(())
}

/// Creates `dir` (and its parents) if missing; `dir` itself 0700.
pub(crate) fn create_dir(dir: &Path) -> std::io::Result<()> {
    if dir.exists() {
        return Ok(());
    }
    if let Some(parent) = dir.parent()
        && !parent.as_os_str().is_empty()
    {
        std::fs::create_dir_all(parent)?;
    }
    let mut b = std::fs::DirBuilder::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        b.mode(0o700);
    }
    match b.create(dir) {
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(e),
        Ok(()) => set_dir_private(dir),
    }
}

#[cfg(unix)]
fn set_dir_private(dir: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))
}

#[cfg(not(unix))]
fn set_dir_private(_: &Path) -> std::io::Result<()> {
    Ok(())
}

/// Whether this process owns `m` and others may read or enter it.
#[cfg(unix)]
fn ours_and_open(m: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    m.uid() == rustix::process::geteuid().as_raw() && m.permissions().mode() & 0o077 != 0
}

/// Makes the data folder `dir` private (0700) if this user owns it and
/// others can enter it. Returns whether it changed. For backdesk's own
/// data folder only: a folder named with `--db` is the user's business.
#[cfg(unix)]
pub fn make_private_dir(dir: &Path) -> bool {
    match std::fs::metadata(dir) {
        Ok(m) if m.is_dir() && ours_and_open(&m) => set_dir_private(dir).is_ok(),
        _ => false,
    }
}

#[cfg(not(unix))]
pub fn make_private_dir(_: &Path) -> bool {
    false
}

/// Makes the database and its `-wal` and `-shm` private (0600) where this
/// user owns them and others can read them; returns those changed.
#[cfg(unix)]
pub(crate) fn secure_files(db: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for ext in ["", "-wal", "-shm"] {
        let mut p = db.as_os_str().to_owned();
        p.push(ext);
        let p = PathBuf::from(p);
        if let Ok(m) = std::fs::metadata(&p)
            && m.is_file()
            && ours_and_open(&m)
            && make_private(&p).is_ok()
        {
            out.push(p);
        }
    }
    out
}

#[cfg(not(unix))]
pub(crate) fn secure_files(_: &Path) -> Vec<PathBuf> {
    Vec::new()
}

const SNAPSHOT_PREFIX: &str = "backdesk-read-only-";

/// The private folder (0700) holding a read-only store's copy of the
/// database (0600). While the store is open it holds a lock on a file in
/// it; a start that finds such a folder with nobody holding its lock (its
/// process was killed) removes it.
pub(crate) struct Snapshot {
    dir: tempfile::TempDir,
    _lock: std::fs::File,
}

impl Snapshot {
    pub(crate) fn new() -> std::io::Result<Snapshot> {
        clean_stale(&std::env::temp_dir());
        let mut b = tempfile::Builder::new();
        b.prefix(SNAPSHOT_PREFIX);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            b.permissions(std::fs::Permissions::from_mode(0o700));
        }
        let dir = b.tempdir()?;
        set_dir_private(dir.path())?;
        let lock = std::fs::File::create(dir.path().join("lock"))?;
        #[cfg(unix)]
        rustix::fs::flock(&lock, rustix::fs::FlockOperation::LockExclusive)
            .map_err(std::io::Error::from)?;
        Ok(Snapshot { dir, _lock: lock })
    }

    pub(crate) fn path(&self) -> &Path {
        self.dir.path()
    }
}

/// Removes read-only copies in `tmp` whose process is gone (nobody holds
/// their lock) and that this user owns.
#[cfg(unix)]
pub(crate) fn clean_stale(tmp: &Path) {
    use std::os::unix::fs::MetadataExt;
    let Ok(entries) = std::fs::read_dir(tmp) else {
        return;
    };
    let me = rustix::process::geteuid().as_raw();
    for e in entries.flatten() {
        if !e.file_name().to_string_lossy().starts_with(SNAPSHOT_PREFIX) {
            continue;
        }
        let path = e.path();
        let Ok(m) = std::fs::symlink_metadata(&path) else {
            continue;
        };
        if !m.is_dir() || m.uid() != me {
            continue;
        }
        let free = match std::fs::File::open(path.join("lock")) {
            Ok(f) => {
                rustix::fs::flock(&f, rustix::fs::FlockOperation::NonBlockingLockExclusive).is_ok()
            }
            // a copy from before the lock existed, or a half-made one
            Err(_) => true,
        };
        if free {
            let _ = std::fs::remove_dir_all(&path);
        }
    }
}

#[cfg(not(unix))]
pub(crate) fn clean_stale(_: &Path) {}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn a_read_only_copy_is_private_and_a_dead_ones_is_cleaned_up() {
        let live = Snapshot::new().expect("snapshot");
        let mode = std::fs::metadata(live.path())
            .expect("meta")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o700);
        // a copy whose process was killed: nobody holds its lock
        let tmp = tempfile::tempdir().expect("tmp");
        let stale = tmp.path().join(format!("{SNAPSHOT_PREFIX}dead"));
        std::fs::create_dir(&stale).expect("stale");
        std::fs::write(stale.join("lock"), b"").expect("lock");
        std::fs::write(stale.join("backdesk.db"), b"notes").expect("copy");
        let other = tmp.path().join("someone-elses");
        std::fs::create_dir(&other).expect("other");
        clean_stale(tmp.path());
        assert!(!stale.exists(), "the stale copy is removed");
        assert!(other.exists(), "nothing else is touched");
        // a live one is kept
        clean_stale(live.path().parent().expect("tmp"));
        assert!(live.path().exists());
    }
}
