//! SQLite: the durable home of the catalogue and the user's data.
//!
//! Opening a database checks it before anything is written to it: a file
//! that is not SQLite, a SQLite file of another application, or a database
//! from a newer backdesk is refused with its path and left untouched. Then
//! the schema is migrated and, when the binary carries a different
//! catalogue than the one last seeded, the catalogue tables are refreshed.
//! User tables are never touched by a re-seed.

mod apps;
mod apps_import;
mod private;
mod read;
mod saved;
mod schema;
mod seed;
mod synth;
mod write;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, TransactionBehavior};

pub use apps_import::{AppsImported, MatchedBy, Merged};
pub use private::make_private_dir;
pub use read::{Stats, TableCount};
pub use saved::SavedSearch;
pub use schema::SCHEMA_VERSION;
pub use seed::SeedReport;
pub use synth::SynthReport;
pub use write::{CATALOG_SOURCE, FIRST_IMPORTED_ID, ImportBatch, UpsertReport};

/// `PRAGMA application_id` of a backdesk database ("BDK1").
pub const APPLICATION_ID: i32 = 0x4244_4b31;

const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(
        "{path}: not a SQLite database (was it overwritten or corrupted?); backdesk left it untouched. Move it aside or use --db to choose another file"
    )]
    NotSqlite { path: String },
    #[error(
        "{path}: a SQLite database of another application (application_id {found:#x}); backdesk left it untouched. Use --db to choose another file"
    )]
    Foreign { path: String, found: i32 },
    #[error(
        "{path}: written by a newer backdesk (schema version {found}, this one knows up to {known}); upgrade backdesk or use --db to choose another file"
    )]
    TooNew {
        path: String,
        found: i64,
        known: i64,
    },
    #[error("{path}: {reason}; check the permissions or use --db to choose another file")]
    Unwritable { path: String, reason: String },
    #[error("{path} is open read-only ({reason}); this change was not saved")]
    ReadOnly { path: String, reason: String },
    #[error(
        "{path}: the disk is full (or the database reached its size limit); this change was not saved and nothing saved before was lost. Free some space and try again"
    )]
    DiskFull { path: String },
    #[error("{path}: {error}")]
    Sqlite {
        path: String,
        error: rusqlite::Error,
    },
    #[error("{path}: {message}")]
    Data { path: String, message: String },
    #[error(
        "{path}: the database file was replaced or deleted while backdesk had it open (a sync or backup tool?); this change was not saved. Quit and start backdesk again to use the file now at that path"
    )]
    Replaced { path: String },
    #[error(
        "{path}: the database is busy (another backdesk, or another program, is writing to it); this change was not saved. Try again in a moment"
    )]
    Busy { path: String },
    #[error(
        "{field} is {len} characters long; the most it can hold is {max}. Shorten it and try again"
    )]
    TooLong {
        field: &'static str,
        len: usize,
        max: usize,
    },
    #[error("cancelled; nothing was written")]
    Cancelled,
    #[error(transparent)]
    Catalog(#[from] crate::catalog::CatalogError),
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

impl StoreError {
    /// The same error, naming `shown` as the file it is about.
    fn at_path(self, shown: &str) -> StoreError {
        use StoreError::*;
        let path = shown.to_string();
        match self {
            NotSqlite { .. } => NotSqlite { path },
            Foreign { found, .. } => Foreign { path, found },
            TooNew { found, known, .. } => TooNew { path, found, known },
            Unwritable { reason, .. } => Unwritable { path, reason },
            ReadOnly { reason, .. } => ReadOnly { path, reason },
            DiskFull { .. } => DiskFull { path },
            Sqlite { error, .. } => Sqlite { path, error },
            Data { message, .. } => Data { path, message },
            Replaced { .. } => Replaced { path },
            Busy { .. } => Busy { path },
            e @ (Catalog(_) | TooLong { .. } | Cancelled) => e,
        }
    }
}

/// An open backdesk database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// Why writes are refused, when the database could only be read.
    read_only: Option<String>,
    /// The private copy a read-only store reads from.
    _snapshot: Option<private::Snapshot>,
    /// The file opened (device, inode): writes stop if the path comes to
    /// name another file.
    identity: Option<private::FileId>,
    /// How long a write waits for another writer.
    busy: Duration,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("path", &self.path).finish()
    }
}

/// What `Store::open` found and did.
#[derive(Debug, Clone, Default)]
pub struct OpenReport {
    pub created: bool,
    pub seeded: Option<SeedReport>,
    /// Files that other users could read, made private (0600).
    pub made_private: Vec<PathBuf>,
}

impl Store {
    /// Opens (creating if needed) the database at `path`, migrates it and
    /// seeds the catalogue when it is new or changed.
    ///
    /// A new database is made whole in a private temporary file beside
    /// `path` and then linked into place, so two processes starting at once
    /// never see half a database: the one that links second opens the
    /// winner's. Its folder is created private (0700) and its files are
    /// private (0600) whatever the umask; existing files that other users
    /// could read are made private, and said so in the report.
    pub fn open(path: &Path) -> Result<(Store, OpenReport)> {
        let shown = path.display().to_string();
        if let Err(e) = crate::files::check_not_special(path) {
            let what = match &e {
                crate::files::FileError::NotRegular { what, .. } => *what,
                _ => "is not a regular file",
            };
            return Err(StoreError::Data {
                path: shown,
                message: format!("{what}, not a database file; use --db to choose a file"),
            });
        }
        let mut report = OpenReport::default();
        if !path.exists() {
            let dir = parent_dir(path);
            private::create_dir(&dir).map_err(|e| StoreError::Unwritable {
                path: dir.display().to_string(),
                reason: format!("cannot create this directory ({e})"),
            })?;
            check_writable(path, false)?;
            let (created, seeded) = create_new(path)?;
            report.created = created;
            report.seeded = seeded.filter(|_| created);
        }
        check_writable(path, true)?;
        check_existing(path)?;
        report.made_private = private::secure_files(path);
        let conn = Connection::open(path).map_err(|e| sqlite(&shown, e))?;
        let mut store = Store::from_conn(conn, path);
        store.configure()?;
        let prepared = store.prepare(false)?;
        if report.seeded.is_none() {
            report.seeded = prepared.seeded;
        }
        store.identity = private::file_id(path);
        Ok((store, report))
    }

    /// Like [`Store::open`], but when the database (or its folder) cannot be
    /// written, opens it read-only instead of failing: a private snapshot of
    /// the file (and its write-ahead log) is read, and every write is refused
    /// with [`StoreError::ReadOnly`]. With no database and a folder that
    /// cannot be written, the embedded catalogue is served from memory.
    /// Anything but unwritability (a foreign or corrupt file) is still an
    /// error.
    pub fn open_or_read_only(path: &Path) -> Result<(Store, OpenReport)> {
        let reason = match Store::open(path) {
            Err(StoreError::Unwritable { path: at, reason }) if Path::new(&at) == path => reason,
            Err(StoreError::Unwritable { path: at, reason }) => format!("{at}: {reason}"),
            Err(StoreError::DiskFull { .. }) => {
                "the disk is full; free some space and try again".to_string()
            }
            other => return other,
        };
        let mut store = if path.exists() {
            Store::open_snapshot(path)?
        } else {
            Store::open_in_memory()?
        };
        store.path = path.to_path_buf();
        store.read_only = Some(reason);
        store
            .conn
            .execute_batch("PRAGMA query_only = ON;")
            .map_err(|e| sqlite(&path.display().to_string(), e))?;
        Ok((store, OpenReport::default()))
    }

    /// Opens a private copy of `path` (with its `-wal`, so nothing committed
    /// is missed) in a temporary folder, migrated and seeded there.
    fn open_snapshot(path: &Path) -> Result<Store> {
        let shown = path.display().to_string();
        let dir = private::Snapshot::new().map_err(|e| StoreError::Unwritable {
            path: shown.clone(),
            reason: format!("cannot make a temporary read-only copy ({e})"),
        })?;
        let copy = dir.path().join("backdesk.db");
        let copy_file = |from: &Path, to: &Path| -> Result<()> {
            let fail = |e: std::io::Error| StoreError::Unwritable {
                path: from.display().to_string(),
                reason: format!("cannot make a temporary read-only copy ({e})"),
            };
            std::fs::copy(from, to).map_err(fail)?;
            // The copy keeps the original's permissions: make it ours alone.
            private::make_private(to).map_err(fail)
        };
        copy_file(path, &copy)?;
        let mut wal = path.as_os_str().to_owned();
        wal.push("-wal");
        let wal = PathBuf::from(wal);
        if wal.exists() {
            copy_file(&wal, &dir.path().join("backdesk.db-wal"))?;
        }
        // Checked and migrated on the copy; errors name the original.
        let (mut store, _) = Store::open(&copy).map_err(|e| e.at_path(&shown))?;
        store._snapshot = Some(dir);
        Ok(store)
    }

    fn from_conn(conn: Connection, path: &Path) -> Store {
        Store {
            conn,
            path: path.to_path_buf(),
            read_only: None,
            _snapshot: None,
            identity: None,
            busy: BUSY_TIMEOUT,
        }
    }

    /// Why this store refuses writes, when it was opened read-only.
    pub fn read_only(&self) -> Option<&str> {
        self.read_only.as_deref()
    }

    /// Lets the database grow by only `pages` more pages (of 4 KiB), so a
    /// test can fill "the disk" without filling a disk. Per connection, not
    /// persisted.
    #[doc(hidden)]
    pub fn limit_growth(&self, pages: u32) -> Result<()> {
        let now: u32 = self
            .conn
            .query_row("PRAGMA page_count", [], |r| r.get(0))
            .map_err(|e| self.err(e))?;
        let max = now.saturating_add(pages);
        self.conn
            .query_row(&format!("PRAGMA max_page_count = {max}"), [], |r| {
                r.get::<_, u32>(0)
            })
            .map_err(|e| self.err(e))?;
        Ok(())
    }

    /// A private in-memory database with the catalogue seeded (tests, demo).
    pub fn open_in_memory() -> Result<Store> {
        let conn = Connection::open_in_memory().map_err(|e| sqlite(":memory:", e))?;
        let mut store = Store::from_conn(conn, Path::new(":memory:"));
        store.configure()?;
        store.prepare(true)?;
        Ok(store)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// How long a write waits for another writer before giving up with
    /// [`StoreError::Busy`] (10 s unless changed; the app waits less and
    /// tries again, so it never freezes).
    pub fn set_busy_timeout(&mut self, wait: Duration) -> Result<()> {
        let shown = self.shown();
        self.busy = wait;
        self.conn.busy_timeout(wait).map_err(|e| sqlite(&shown, e))
    }

    /// A number that changes when another connection commits a change to
    /// the database (`PRAGMA data_version`): cheap to poll.
    pub fn data_version(&self) -> Result<i64> {
        self.conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))
            .map_err(|e| self.err(e))
    }

    /// Whether the path still names the file this store opened (a sync
    /// tool may replace or delete it under a running app).
    pub fn still_at_path(&self) -> bool {
        match self.identity {
            Some(id) => private::file_id(&self.path) == Some(id),
            None => true,
        }
    }

    /// Whether the file was replaced or deleted under this store. If so,
    /// this connection's write-ahead log is emptied into the old file at
    /// once, so that a `-wal` left at the path never carries its pages
    /// into the new file when something opens it.
    pub fn replaced(&self) -> bool {
        if self.still_at_path() {
            return false;
        }
        let _ = self.conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE);");
        true
    }

    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }

    fn shown(&self) -> String {
        self.path.display().to_string()
    }

    pub(crate) fn err(&self, e: rusqlite::Error) -> StoreError {
        sqlite(&self.shown(), e)
    }

    fn configure(&mut self) -> Result<()> {
        self.conn
            .busy_timeout(BUSY_TIMEOUT)
            .map_err(|e| sqlite(&self.shown(), e))?;
        let in_memory = self.path.as_os_str() == ":memory:";
        let pragmas = if in_memory {
            "PRAGMA foreign_keys = ON;"
        } else {
            "PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;"
        };
        self.conn
            .execute_batch(pragmas)
            .map_err(|e| sqlite(&self.shown(), e))
    }

    fn prepare(&mut self, created: bool) -> Result<OpenReport> {
        schema::migrate(self)?;
        let seeded = seed::seed_if_changed(self)?;
        Ok(OpenReport {
            created,
            seeded,
            ..OpenReport::default()
        })
    }

    /// Runs `f` in a write transaction begun IMMEDIATE (so a concurrent
    /// writer makes us wait on the busy timeout instead of failing).
    /// Nothing is written to a file that is no longer the one at the path.
    pub(crate) fn write<T>(
        &mut self,
        f: impl FnOnce(&rusqlite::Transaction<'_>) -> Result<T>,
    ) -> Result<T> {
        self.write_waiting(None, f)
    }

    /// [`Store::write`]; with `on_wait`, a writer holding the database
    /// makes us ask `on_wait` every 200 ms whether to go on waiting (for
    /// at most a minute): false cancels ([`StoreError::Cancelled`]).
    pub(crate) fn write_waiting<T>(
        &mut self,
        mut on_wait: Option<&mut dyn FnMut() -> bool>,
        f: impl FnOnce(&rusqlite::Transaction<'_>) -> Result<T>,
    ) -> Result<T> {
        let shown = self.shown();
        if let Some(reason) = &self.read_only {
            return Err(StoreError::ReadOnly {
                path: shown,
                reason: reason.clone(),
            });
        }
        if self.replaced() {
            return Err(StoreError::Replaced { path: shown });
        }
        let patient = self.busy;
        if on_wait.is_some() {
            self.conn
                .busy_timeout(Duration::from_millis(200))
                .map_err(|e| sqlite(&shown, e))?;
        }
        let started = std::time::Instant::now();
        // a shared borrow: the timeout can be put back whatever happens
        let begun = loop {
            match rusqlite::Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate) {
                Ok(tx) => break Ok(tx),
                Err(e) => {
                    let busy = e.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseBusy);
                    match on_wait.as_mut() {
                        Some(ask) if busy && started.elapsed() < Duration::from_secs(60) => {
                            if !ask() {
                                break Err(StoreError::Cancelled);
                            }
                        }
                        _ => break Err(sqlite(&shown, e)),
                    }
                }
            }
        };
        let tx = match begun {
            Ok(tx) => {
                tx.busy_timeout(patient).map_err(|e| sqlite(&shown, e))?;
                tx
            }
            Err(e) => {
                let _ = self.conn.busy_timeout(patient);
                return Err(e);
            }
        };
        // checked again under the lock: a replacement while we waited
        if self
            .identity
            .is_some_and(|id| private::file_id(&self.path) != Some(id))
        {
            return Err(StoreError::Replaced { path: shown });
        }
        let out = f(&tx)?;
        tx.commit().map_err(|e| sqlite(&shown, e))?;
        Ok(out)
    }

    /// Re-seeds the catalogue tables from the embedded catalogue, whether or
    /// not it changed. User data is kept.
    pub fn reseed(&mut self) -> Result<SeedReport> {
        seed::seed(self)
    }
}

/// Whether this process may create files in `dir` (asks the kernel, so it
/// honours root, ACLs and read-only mounts, and leaves nothing behind).
#[cfg(unix)]
fn dir_writable(dir: &Path) -> std::result::Result<(), String> {
    use rustix::fs::{Access, access};
    access(dir, Access::WRITE_OK | Access::EXEC_OK).map_err(|e| std::io::Error::from(e).to_string())
}

/// Elsewhere: create and remove a probe file.
#[cfg(not(unix))]
fn dir_writable(dir: &Path) -> std::result::Result<(), String> {
    tempfile::tempfile_in(dir)
        .map(|_| ())
        .map_err(|e| e.to_string())
}

fn sqlite(path: &str, e: rusqlite::Error) -> StoreError {
    let path = path.to_string();
    let shm_full = matches!(
        &e,
        rusqlite::Error::SqliteFailure(f, _) if f.extended_code == rusqlite::ffi::SQLITE_IOERR_SHMSIZE
    );
    match e.sqlite_error_code() {
        // In WAL mode a full disk usually shows first as the shared-memory
        // file failing to grow (ENOSPC), before any write.
        _ if shm_full => StoreError::DiskFull { path },
        Some(rusqlite::ErrorCode::DiskFull) => StoreError::DiskFull { path },
        Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => {
            StoreError::Busy { path }
        }
        Some(rusqlite::ErrorCode::ReadOnly) => StoreError::ReadOnly {
            path,
            reason: format!("the file or its folder became read-only: {e}"),
        },
        _ => StoreError::Sqlite { path, error: e },
    }
}

/// Maps SQLite errors to a [`StoreError`] naming `path`.
pub(crate) fn sqlite_err(path: &str) -> impl Fn(rusqlite::Error) -> StoreError + '_ {
    move |e| sqlite(path, e)
}

/// Refuses files that are not ours, before SQLite writes anything to them.
fn check_existing(path: &Path) -> Result<()> {
    let shown = path.display().to_string();
    let meta = std::fs::metadata(path).map_err(|e| StoreError::Unwritable {
        path: shown.clone(),
        reason: e.to_string(),
    })?;
    if meta.is_dir() {
        return Err(StoreError::Data {
            path: shown,
            message: "is a directory, not a database file".into(),
        });
    }
    if meta.len() == 0 {
        return Ok(()); // an empty file is an empty database
    }
    let mut header = [0u8; 16];
    {
        use std::io::Read;
        let mut f = std::fs::File::open(path).map_err(|e| StoreError::Unwritable {
            path: shown.clone(),
            reason: e.to_string(),
        })?;
        if f.read_exact(&mut header).is_err() || &header != b"SQLite format 3\0" {
            return Err(StoreError::NotSqlite { path: shown });
        }
    }
    // Read-only look at the identity and version: nothing is written.
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| sqlite(&shown, e))?;
    let probe = |sql: &str| -> Result<i64> {
        conn.query_row(sql, [], |r| r.get(0)).map_err(|e| match e {
            rusqlite::Error::SqliteFailure(f, _)
                if f.code == rusqlite::ErrorCode::NotADatabase
                    || f.code == rusqlite::ErrorCode::DatabaseCorrupt =>
            {
                StoreError::NotSqlite {
                    path: shown.clone(),
                }
            }
            e => sqlite(&shown, e),
        })
    };
    let app_id = probe("PRAGMA application_id")? as i32;
    let version = probe("PRAGMA user_version")?;
    let tables = probe("SELECT count(*) FROM sqlite_master")?;
    if app_id != APPLICATION_ID && !(app_id == 0 && tables == 0) {
        return Err(StoreError::Foreign {
            path: shown,
            found: app_id,
        });
    }
    if version > SCHEMA_VERSION {
        return Err(StoreError::TooNew {
            path: shown,
            found: version,
            known: SCHEMA_VERSION,
        });
    }
    Ok(())
}

/// The folder a database file is in.
fn parent_dir(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Makes a new database at `path`: migrated and seeded in a private
/// temporary file in the same folder, then hard-linked into place, which
/// fails if another process got there first (then its database is used).
/// Returns whether this call created it, and the seeding.
fn create_new(path: &Path) -> Result<(bool, Option<SeedReport>)> {
    let shown = path.display().to_string();
    let dir = parent_dir(path);
    let unwritable = |e: std::io::Error| StoreError::Unwritable {
        path: dir.display().to_string(),
        reason: format!("cannot create files in this directory ({e})"),
    };
    let tmp = tempfile::Builder::new()
        .prefix(".backdesk-new-")
        .suffix(".db")
        .tempfile_in(&dir)
        .map_err(unwritable)?;
    private::make_private(tmp.path()).map_err(unwritable)?;
    let seeded = {
        let conn = Connection::open(tmp.path()).map_err(|e| sqlite(&shown, e))?;
        let mut store = Store::from_conn(conn, tmp.path());
        store.configure().map_err(|e| e.at_path(&shown))?;
        let report = store.prepare(true).map_err(|e| e.at_path(&shown))?;
        // everything in the main file before it is linked: no -wal to carry
        store
            .conn
            .execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")
            .map_err(|e| sqlite(&shown, e))?;
        report.seeded
    };
    let created = match std::fs::hard_link(tmp.path(), path) {
        Ok(()) => true,
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => false,
        // no hard links here (some network and FAT file systems)
        Err(_) if !path.exists() => {
            tmp.persist_noclobber(path)
                .map_err(|e| unwritable(e.error))?;
            return Ok((true, seeded));
        }
        Err(_) => false,
    };
    drop(tmp); // removes the temporary name; the link stays
    Ok((created, seeded))
}

/// SQLite in WAL mode needs to create `-wal` and `-shm` files next to the
/// database: check the directory (and the file) can be written.
fn check_writable(path: &Path, exists: bool) -> Result<()> {
    let dir = parent_dir(path);
    if let Err(reason) = dir_writable(&dir) {
        return Err(StoreError::Unwritable {
            path: dir.display().to_string(),
            reason: format!("cannot create files in this directory ({reason})"),
        });
    }
    if exists {
        std::fs::OpenOptions::new()
            .append(true)
            .open(path)
            .map_err(|e| StoreError::Unwritable {
                path: path.display().to_string(),
                reason: format!("the database file is not writable ({e})"),
            })?;
    }
    Ok(())
}
