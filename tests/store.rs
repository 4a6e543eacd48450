//! The SQLite store: creation, seeding, refusing files that are not ours.

use std::path::Path;

use backdesk::store::{SCHEMA_VERSION, Store, StoreError};

fn checksum(path: &Path) -> Vec<u8> {
    std::fs::read(path).expect("read")
}

fn count(store_path: &Path, sql: &str) -> i64 {
    let c = rusqlite::Connection::open(store_path).expect("open");
    c.query_row(sql, [], |r| r.get(0)).expect("query")
}

#[test]
fn first_open_creates_and_seeds() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("nested/dir/backdesk.db");
    let (store, report) = Store::open(&path).expect("open");
    assert!(report.created);
    let seeded = report.seeded.expect("seeded on first open");
    assert_eq!(seeded.listings, 2000);
    assert_eq!(store.listing_count().expect("count"), 2000);
    assert_eq!(store.roles().expect("roles").len(), seeded.roles);
    drop(store);
    assert_eq!(count(&path, "PRAGMA user_version"), SCHEMA_VERSION);
    assert_eq!(
        count(&path, "SELECT count(*) FROM pragma_foreign_key_check"),
        0
    );
    let mode: String = rusqlite::Connection::open(&path)
        .expect("open")
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .expect("mode");
    assert_eq!(mode, "wal");
}

#[test]
fn seeding_is_idempotent() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("b.db");
    let (s, _) = Store::open(&path).expect("open");
    let before = s.stats().expect("stats");
    drop(s);
    let (s, report) = Store::open(&path).expect("reopen");
    assert!(!report.created);
    assert!(
        report.seeded.is_none(),
        "an unchanged catalogue is not re-seeded"
    );
    let after = s.stats().expect("stats");
    let rows = |st: &backdesk::store::Stats| {
        st.tables
            .iter()
            .map(|t| (t.name.clone(), t.rows))
            .collect::<Vec<_>>()
    };
    assert_eq!(rows(&before), rows(&after));

    // a forced re-seed gives the same counts again
    let mut s = s;
    s.reseed().expect("reseed");
    assert_eq!(rows(&before), rows(&s.stats().expect("stats")));
}

#[test]
fn a_reseed_keeps_listings_from_elsewhere() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("b.db");
    let (s, _) = Store::open(&path).expect("open");
    drop(s);
    {
        let c = rusqlite::Connection::open(&path).expect("open");
        c.execute(
            "INSERT INTO listings(id, source, title, role_id, company, location, work_mode,
               employment_type, shift, exp_min, exp_max, skills, languages, benefits, openings,
               posted, description, contact_name, contact_phone, contact_email, apply_url)
             VALUES (50000000, 'my-file.csv', 'Clerk', 'bookkeeper', 'Corner Shop', 'Pune',
               'office', 'full-time', 'day', 0, 1, '', 'English', '', 1, '2026-11-01', '', '',
               '', '', '')",
            [],
        )
        .expect("insert");
    }
    let (mut s, _) = Store::open(&path).expect("reopen");
    s.reseed().expect("reseed");
    let mine = s.listing(50_000_000).expect("read").expect("still there");
    assert_eq!(mine.role_id.as_deref(), Some("bookkeeper"));
    assert_eq!(s.listing_count().expect("count"), 2001);
}

#[test]
fn a_changed_catalogue_is_reseeded() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("b.db");
    drop(Store::open(&path).expect("open"));
    {
        let c = rusqlite::Connection::open(&path).expect("open");
        c.execute(
            "UPDATE meta SET value = 'old' WHERE key = 'catalog_fingerprint'",
            [],
        )
        .expect("update");
        c.execute("DELETE FROM listings WHERE id <= 10", [])
            .expect("delete");
    }
    let (s, report) = Store::open(&path).expect("reopen");
    assert!(report.seeded.is_some());
    assert_eq!(s.listing_count().expect("count"), 2000);
}

#[test]
fn newest_listing_is_dated_the_day_of_seeding() {
    let (s, _) = {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("b.db");
        let r = Store::open(&path).expect("open");
        std::mem::forget(dir);
        r
    };
    let ix = backdesk::session::build_index(&s).expect("index");
    let newest = (0..ix.len()).map(|r| ix.age_days(r)).min().expect("rows");
    assert_eq!(newest, 0);
}

fn assert_refused(bytes: &[u8], expect: impl Fn(&StoreError) -> bool) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("x.db");
    std::fs::write(&path, bytes).expect("write");
    let before = checksum(&path);
    let err = Store::open(&path).expect_err("must be refused");
    assert!(expect(&err), "unexpected error: {err}");
    assert!(
        err.to_string().contains(&path.display().to_string()),
        "{err}"
    );
    assert_eq!(checksum(&path), before, "the file was modified");
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .expect("ls")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(names.len(), 1, "no -wal/-shm files left behind: {names:?}");
}

#[test]
fn random_bytes_are_refused_untouched() {
    let junk: Vec<u8> = (0..4096u32).map(|i| (i * 7919 % 251) as u8).collect();
    assert_refused(&junk, |e| matches!(e, StoreError::NotSqlite { .. }));
    assert_refused(b"hello", |e| matches!(e, StoreError::NotSqlite { .. }));
}

fn sqlite_file(setup: &str) -> Vec<u8> {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("f.db");
    let c = rusqlite::Connection::open(&path).expect("open");
    c.execute_batch(setup).expect("setup");
    drop(c);
    std::fs::read(&path).expect("read")
}

#[test]
fn another_applications_database_is_refused_untouched() {
    let bytes = sqlite_file("CREATE TABLE moz_places(id INTEGER PRIMARY KEY, url TEXT);");
    assert_refused(&bytes, |e| matches!(e, StoreError::Foreign { .. }));
}

#[test]
fn a_newer_schema_is_refused_untouched() {
    let bytes = sqlite_file(&format!(
        "PRAGMA application_id = {}; CREATE TABLE meta(key TEXT); PRAGMA user_version = {};",
        backdesk::store::APPLICATION_ID,
        SCHEMA_VERSION + 1
    ));
    assert_refused(
        &bytes,
        |e| matches!(e, StoreError::TooNew { found, .. } if *found == SCHEMA_VERSION + 1),
    );
}

#[test]
fn a_truncated_database_is_refused_untouched() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("full.db");
    drop(Store::open(&path).expect("open"));
    // fold the WAL into the main file, then cut it short
    rusqlite::Connection::open(&path)
        .expect("open")
        .execute_batch("PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE;")
        .expect("checkpoint");
    let bytes = std::fs::read(&path).expect("read");
    assert_refused(&bytes[..bytes.len() / 3], |e| {
        matches!(e, StoreError::NotSqlite { .. } | StoreError::Sqlite { .. })
    });
}

#[test]
fn an_empty_file_becomes_a_database() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("empty.db");
    std::fs::write(&path, b"").expect("touch");
    let (s, _) = Store::open(&path).expect("an empty file is an empty database");
    assert_eq!(s.listing_count().expect("count"), 2000);
}

#[test]
fn in_memory_store_has_the_catalogue() {
    let s = Store::open_in_memory().expect("memory");
    assert_eq!(s.listing_count().expect("count"), 2000);
    assert_eq!(s.market_figures().expect("figures").len(), 9);
    let l = s.listing(1).expect("read").expect("listing 1");
    assert!(l.salary_min.is_some() && l.role.is_some() && l.state.is_some());
}
