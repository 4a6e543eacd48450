//! Reading and writing the user's files safely.
//!
//! Reading: only regular files are opened (a FIFO would block forever, a
//! device like `/dev/urandom` never ends), and no more than a stated
//! number of bytes is read, checked by size first and while reading.
//!
//! Writing: a file is replaced whole or not at all (a temporary file
//! beside it, synced, then renamed over it). What is never written over:
//! the open database and its `-wal` / `-shm`, the config, and anything
//! that is not a regular file (a FIFO, a device, a directory). A symlink
//! is written through: its target is replaced and the link stays.

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Why a file could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    #[error("{path}: {what}, not a regular file; give the path of a file")]
    NotRegular { path: String, what: &'static str },
    #[error("{path}: the file is {size}; the most backdesk reads for {limit} is {max}")]
    TooBig {
        path: String,
        size: String,
        max: String,
        limit: &'static str,
    },
    #[error("{path}: {what}; backdesk will not write over it. Choose another file")]
    Protected { path: String, what: String },
    #[error("{path}: {error}")]
    Io { path: String, error: std::io::Error },
}

impl FileError {
    /// The message without the path in front (for errors that name the
    /// file themselves).
    pub fn reason(&self) -> String {
        let full = self.to_string();
        let path = match self {
            FileError::NotRegular { path, .. }
            | FileError::TooBig { path, .. }
            | FileError::Protected { path, .. }
            | FileError::Io { path, .. } => path,
        };
        full.strip_prefix(&format!("{path}: "))
            .map_or(full.clone(), str::to_string)
    }
}

fn shown(p: &Path) -> String {
    p.display().to_string()
}

fn io(path: &Path) -> impl Fn(std::io::Error) -> FileError + '_ {
    move |error| FileError::Io {
        path: shown(path),
        error,
    }
}

/// What a file type is, in words, when it is not a regular file.
pub fn kind_of(ft: std::fs::FileType) -> Option<&'static str> {
    if ft.is_file() {
        return None;
    }
    if ft.is_dir() {
        return Some("is a directory");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if ft.is_fifo() {
            return Some("is a FIFO (a named pipe)");
        }
        if ft.is_char_device() {
            return Some("is a character device");
        }
        if ft.is_block_device() {
            return Some("is a block device");
        }
        if ft.is_socket() {
            return Some("is a socket");
        }
    }
    Some("is not a regular file")
}

/// Refuses a path that exists and is not a regular file (following
/// symlinks), naming what it is. A path that does not exist passes.
pub fn check_not_special(path: &Path) -> Result<(), FileError> {
    match std::fs::metadata(path) {
        Ok(m) => match kind_of(m.file_type()) {
            Some(what) => Err(FileError::NotRegular {
                path: shown(path),
                what,
            }),
            None => Ok(()),
        },
        Err(_) => Ok(()),
    }
}

/// Opens a regular file for reading without blocking on a FIFO: the file
/// is opened non-blocking and checked by its handle, so it cannot be
/// swapped between the check and the open.
pub fn open_regular(path: &Path) -> Result<File, FileError> {
    let mut opts = std::fs::OpenOptions::new();
    opts.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.custom_flags(rustix::fs::OFlags::NONBLOCK.bits() as i32);
    }
    let file = opts.open(path).map_err(io(path))?;
    let meta = file.metadata().map_err(io(path))?;
    if let Some(what) = kind_of(meta.file_type()) {
        return Err(FileError::NotRegular {
            path: shown(path),
            what,
        });
    }
    Ok(file)
}

/// Reads a whole regular file of at most `max` bytes (`limit` says which
/// limit it is, for the message).
pub fn read_capped(path: &Path, max: u64, limit: &'static str) -> Result<Vec<u8>, FileError> {
    let file = open_regular(path)?;
    let mib = |n: u64| format!("{:.1} MiB", n as f64 / (1024.0 * 1024.0));
    let too_big = |size: u64| FileError::TooBig {
        path: shown(path),
        size: if size > max {
            mib(size)
        } else {
            format!("{size} bytes")
        },
        max: mib(max),
        limit,
    };
    let len = file.metadata().map_err(io(path))?.len();
    if len > max {
        return Err(too_big(len));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(len).unwrap_or(0));
    // the size may lie (a file still growing, /proc): count while reading
    file.take(max + 1)
        .read_to_end(&mut bytes)
        .map_err(io(path))?;
    if bytes.len() as u64 > max {
        return Err(too_big(bytes.len() as u64));
    }
    Ok(bytes)
}

/// A file backdesk must not write over, with what it is.
#[derive(Debug, Clone)]
pub struct Protected {
    pub path: PathBuf,
    pub what: String,
}

/// The files of an open database: the file, its `-wal` and `-shm`.
pub fn database_files(db: &Path) -> Vec<Protected> {
    let mut out = vec![Protected {
        path: db.to_path_buf(),
        what: "is the open backdesk database".into(),
    }];
    for ext in ["-wal", "-shm", "-journal"] {
        let mut p = db.as_os_str().to_owned();
        p.push(ext);
        out.push(Protected {
            path: PathBuf::from(p),
            what: format!("is the database's {ext} file"),
        });
    }
    out
}

#[cfg(unix)]
fn same_file(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.dev() == b.dev() && a.ino() == b.ino()
}

#[cfg(not(unix))]
fn same_file(_: &std::fs::Metadata, _: &std::fs::Metadata) -> bool {
    false
}

/// `p` made absolute and with its symlinks resolved, as far as it exists
/// (a file not yet there resolves its folder).
fn resolved(p: &Path) -> PathBuf {
    if let Ok(c) = std::fs::canonicalize(p) {
        return c;
    }
    match (p.parent(), p.file_name()) {
        (Some(dir), Some(name)) => {
            let dir = if dir.as_os_str().is_empty() {
                Path::new(".")
            } else {
                dir
            };
            std::fs::canonicalize(dir)
                .map(|d| d.join(name))
                .unwrap_or_else(|_| p.to_path_buf())
        }
        _ => p.to_path_buf(),
    }
}

/// Where writing `path` lands: the path itself, or the target of the
/// symlink(s) it is.
pub fn write_target(path: &Path) -> PathBuf {
    match std::fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => resolved(path),
        _ => path.to_path_buf(),
    }
}

/// Checks that `path` may be replaced: not one of `protected` (by path or
/// by being the same file), and a regular file if it exists. Returns the
/// path that will be written (a symlink's target).
pub fn check_writable_target(path: &Path, protected: &[Protected]) -> Result<PathBuf, FileError> {
    let target = write_target(path);
    let target_meta = std::fs::metadata(&target).ok();
    let target_abs = resolved(&target);
    for p in protected {
        let same_path = resolved(&p.path) == target_abs;
        let same_inode = match (&target_meta, std::fs::metadata(&p.path)) {
            (Some(a), Ok(b)) => same_file(a, &b),
            _ => false,
        };
        if same_path || same_inode {
            return Err(FileError::Protected {
                path: shown(path),
                what: p.what.clone(),
            });
        }
    }
    if let Some(m) = &target_meta
        && let Some(what) = kind_of(m.file_type())
    {
        return Err(FileError::Protected {
            path: shown(path),
            what: what.to_string(),
        });
    }
    Ok(target)
}

/// Replaces the file at `path` with `bytes` in one step: written to a
/// temporary file in the same folder, synced, renamed over it. A symlink
/// is written through (its target replaced, the link kept). Refuses the
/// files in `protected` and anything that is not a regular file. A file
/// that existed keeps its permissions; a new one is private (0600).
pub fn write_atomic(path: &Path, bytes: &[u8], protected: &[Protected]) -> Result<(), FileError> {
    use std::io::Write;
    let target = check_writable_target(path, protected)?;
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let old = std::fs::metadata(&target).ok();
    let mut tmp = tempfile::Builder::new()
        .prefix(".backdesk-")
        .suffix(".tmp")
        .tempfile_in(&dir)
        .map_err(|e| FileError::Io {
            path: shown(&dir),
            error: e,
        })?;
    if let Some(m) = &old {
        std::fs::set_permissions(tmp.path(), m.permissions()).map_err(io(path))?;
    }
    tmp.write_all(bytes).map_err(io(path))?;
    tmp.as_file().sync_all().map_err(io(path))?;
    tmp.persist(&target).map_err(|e| FileError::Io {
        path: shown(path),
        error: e.error,
    })?;
    Ok(())
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn special_files_are_named() {
        let dir = tempfile::tempdir().expect("dir");
        let fifo = dir.path().join("p.json");
        rustix::fs::mkfifoat(rustix::fs::CWD, &fifo, rustix::fs::Mode::from(0o600)).expect("fifo");
        let e = open_regular(&fifo).expect_err("refused");
        assert!(e.to_string().contains("FIFO"), "{e}");
        let e = open_regular(dir.path()).expect_err("refused");
        assert!(e.to_string().contains("is a directory"), "{e}");
        let e = read_capped(Path::new("/dev/zero"), 10, "test").expect_err("refused");
        assert!(e.to_string().contains("character device"), "{e}");
    }

    #[test]
    fn reads_are_capped() {
        let dir = tempfile::tempdir().expect("dir");
        let f = dir.path().join("big");
        std::fs::write(&f, vec![b'x'; 11]).expect("write");
        assert!(matches!(
            read_capped(&f, 10, "test"),
            Err(FileError::TooBig { .. })
        ));
        assert_eq!(read_capped(&f, 11, "test").expect("fits").len(), 11);
    }

    #[test]
    fn writes_refuse_protected_and_special_files_and_go_through_symlinks() {
        let dir = tempfile::tempdir().expect("dir");
        let db = dir.path().join("x.db");
        std::fs::write(&db, b"db").expect("db");
        let prot = database_files(&db);
        assert!(write_atomic(&db, b"no", &prot).is_err());
        let link = dir.path().join("link.csv");
        std::os::unix::fs::symlink(&db, &link).expect("symlink");
        assert!(write_atomic(&link, b"no", &prot).is_err(), "a link to it");
        let hard = dir.path().join("hard.csv");
        std::fs::hard_link(&db, &hard).expect("hard link");
        assert!(write_atomic(&hard, b"no", &prot).is_err(), "a hard link");
        assert_eq!(std::fs::read(&db).expect("read"), b"db");
        assert!(write_atomic(Path::new("/dev/null"), b"no", &[]).is_err());
        // a symlink to a regular file: the target is replaced, the link kept
        let real = dir.path().join("real.csv");
        std::fs::write(&real, b"old").expect("real");
        let to_real = dir.path().join("to-real.csv");
        std::os::unix::fs::symlink(&real, &to_real).expect("symlink");
        write_atomic(&to_real, b"new", &prot).expect("written through");
        assert!(
            std::fs::symlink_metadata(&to_real)
                .expect("meta")
                .file_type()
                .is_symlink()
        );
        assert_eq!(std::fs::read(&real).expect("read"), b"new");
    }
}
