//! Versioned migrations, tracked in `PRAGMA user_version`.
//!
//! Each migration runs once, in its own IMMEDIATE transaction, and the
//! version is re-read inside the transaction so two processes opening a new
//! database at once do not both apply it.

use super::{APPLICATION_ID, Result, Store};

/// Migrations in order; `MIGRATIONS[i]` takes the schema from version `i` to `i + 1`.
const MIGRATIONS: &[&str] = &[
    // 1: the catalogue
    r#"
    CREATE TABLE meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
    ) STRICT;

    CREATE TABLE sources (
        id        TEXT PRIMARY KEY,
        seed      TEXT NOT NULL,
        title     TEXT NOT NULL,
        publisher TEXT NOT NULL,
        published TEXT NOT NULL,
        gives     TEXT NOT NULL
    ) STRICT;

    CREATE TABLE categories (
        id       TEXT PRIMARY KEY,
        name     TEXT NOT NULL,
        summary  TEXT NOT NULL,
        sources  TEXT NOT NULL,          -- JSON array of source ids
        position INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE skills (
        name     TEXT PRIMARY KEY,
        kind     TEXT NOT NULL,
        aliases  TEXT NOT NULL,          -- JSON array
        position INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE roles (
        id               TEXT PRIMARY KEY,
        category_id      TEXT NOT NULL REFERENCES categories(id),
        title            TEXT NOT NULL,
        title_hi         TEXT,
        summary          TEXT NOT NULL,
        responsibilities TEXT NOT NULL,  -- JSON arrays from here on
        skills           TEXT NOT NULL,
        qualifications   TEXT NOT NULL,
        industries       TEXT NOT NULL,
        named_in         TEXT NOT NULL,
        title_variants   TEXT NOT NULL,
        demand           INTEGER NOT NULL,
        remote_share     REAL NOT NULL,
        night_shift_share REAL NOT NULL,
        position         INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE role_bands (
        role_id TEXT NOT NULL REFERENCES roles(id) ON DELETE CASCADE,
        level   TEXT NOT NULL,
        min     INTEGER NOT NULL,        -- rupees a month
        max     INTEGER NOT NULL,
        PRIMARY KEY (role_id, level)
    ) STRICT;

    CREATE TABLE role_paths (
        from_role TEXT NOT NULL REFERENCES roles(id) ON DELETE CASCADE,
        to_role   TEXT NOT NULL REFERENCES roles(id) ON DELETE CASCADE,
        PRIMARY KEY (from_role, to_role)
    ) STRICT;

    CREATE TABLE market_figures (
        id         INTEGER PRIMARY KEY,
        source_id  TEXT NOT NULL REFERENCES sources(id),
        label      TEXT NOT NULL,
        experience TEXT NOT NULL,
        period     TEXT NOT NULL,        -- 'month' | 'year', as published
        min        INTEGER NOT NULL,
        max        INTEGER NOT NULL,
        open_ended INTEGER NOT NULL,
        published  TEXT NOT NULL,
        note       TEXT
    ) STRICT;

    CREATE TABLE cities (
        id         INTEGER PRIMARY KEY,
        name       TEXT NOT NULL UNIQUE,
        state      TEXT NOT NULL,
        state_code TEXT NOT NULL,
        tier       INTEGER NOT NULL,
        lat        REAL NOT NULL,
        lon        REAL NOT NULL,
        language   TEXT NOT NULL,
        aliases    TEXT NOT NULL         -- JSON array
    ) STRICT;

    CREATE TABLE companies (
        id       INTEGER PRIMARY KEY,
        name     TEXT NOT NULL,
        industry TEXT NOT NULL,
        kind     TEXT NOT NULL,
        hq_city  TEXT NOT NULL,
        size     TEXT NOT NULL,
        blurb    TEXT NOT NULL
    ) STRICT;

    -- Listings from the catalogue (source 'catalog') and from elsewhere.
    -- Company and city are kept by name too: imported listings may name
    -- employers and places the catalogue does not have.
    CREATE TABLE listings (
        id              INTEGER PRIMARY KEY,
        source          TEXT NOT NULL,
        external_key    TEXT,
        title           TEXT NOT NULL,
        role_id         TEXT REFERENCES roles(id) ON DELETE SET NULL,
        company_id      INTEGER REFERENCES companies(id) ON DELETE SET NULL,
        company         TEXT NOT NULL,
        city_id         INTEGER REFERENCES cities(id) ON DELETE SET NULL,
        location        TEXT NOT NULL,
        work_mode       TEXT NOT NULL,
        employment_type TEXT NOT NULL,
        shift           TEXT NOT NULL,
        exp_min         INTEGER NOT NULL,
        exp_max         INTEGER NOT NULL,
        salary_min      INTEGER,         -- rupees a month
        salary_max      INTEGER,
        currency        TEXT NOT NULL DEFAULT 'INR',
        skills          TEXT NOT NULL,   -- ';'-separated
        languages       TEXT NOT NULL,   -- ';'-separated
        benefits        TEXT NOT NULL,   -- ';'-separated ids
        openings        INTEGER NOT NULL,
        posted          TEXT NOT NULL,   -- YYYY-MM-DD
        valid_through   TEXT,
        description     TEXT NOT NULL,
        contact_name    TEXT NOT NULL,
        contact_phone   TEXT NOT NULL,
        contact_email   TEXT NOT NULL,
        apply_url       TEXT NOT NULL
    ) STRICT;
    CREATE INDEX listings_by_source ON listings(source);
    CREATE UNIQUE INDEX listings_by_key ON listings(source, external_key)
        WHERE external_key IS NOT NULL;
    "#,
    // 2: the user's applications. No foreign key to listings: an
    // application keeps a snapshot and outlives its listing.
    r#"
    CREATE TABLE applications (
        id              INTEGER PRIMARY KEY AUTOINCREMENT,
        listing_id      INTEGER,
        role_id         TEXT,
        title           TEXT NOT NULL,
        company         TEXT NOT NULL,
        city            TEXT NOT NULL DEFAULT '',
        salary_min      INTEGER,          -- rupees a month, snapshot
        salary_max      INTEGER,
        currency        TEXT NOT NULL DEFAULT 'INR',
        source          TEXT NOT NULL,    -- 'listing' or where a hand-added job was seen
        status          TEXT NOT NULL,
        notes           TEXT NOT NULL DEFAULT '',
        contact_name    TEXT NOT NULL DEFAULT '',
        contact_phone   TEXT NOT NULL DEFAULT '',
        follow_up       TEXT,             -- YYYY-MM-DD
        interview_at    TEXT,             -- YYYY-MM-DDTHH:MM (local time)
        interview_mode  TEXT,             -- in-person | phone | video
        interview_place TEXT NOT NULL DEFAULT '',
        expected_salary INTEGER,
        documents       TEXT NOT NULL DEFAULT '[]',  -- JSON: checked document ids
        prep            TEXT NOT NULL DEFAULT '[]',  -- JSON: checked prep items
        created_at      TEXT NOT NULL,    -- RFC 3339 timestamps
        updated_at      TEXT NOT NULL
    ) STRICT;
    CREATE UNIQUE INDEX applications_by_listing ON applications(listing_id)
        WHERE listing_id IS NOT NULL;

    CREATE TABLE application_history (
        id             INTEGER PRIMARY KEY AUTOINCREMENT,
        application_id INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
        status         TEXT NOT NULL,
        at             TEXT NOT NULL,
        note           TEXT NOT NULL DEFAULT ''
    ) STRICT;
    CREATE INDEX history_by_application ON application_history(application_id, id);
    "#,
    // 3: saved searches
    r#"
    CREATE TABLE saved_searches (
        name         TEXT PRIMARY KEY,
        query        TEXT NOT NULL,     -- JSON of search::Query
        created_at   TEXT NOT NULL,
        opened_at    TEXT,
        -- the highest listing id when last opened: newer ids are new to it
        seen_max_id  INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    "#,
];

/// The schema version this binary writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

pub(super) fn migrate(store: &mut Store) -> Result<()> {
    // up to date: no write lock needed (another process may hold it for a
    // long import, and opening must not wait for that)
    let version: i64 = store
        .conn()
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(|e| store.err(e))?;
    if version >= SCHEMA_VERSION {
        return Ok(());
    }
    loop {
        let applied = store.write(|tx| {
            let version: i64 = tx
                .query_row("PRAGMA user_version", [], |r| r.get(0))
                .map_err(|e| store_err(tx, e))?;
            let Some(sql) = usize::try_from(version)
                .ok()
                .and_then(|v| MIGRATIONS.get(v))
            else {
                return Ok(false);
            };
            if version == 0 {
                tx.execute_batch(&format!("PRAGMA application_id = {APPLICATION_ID};"))
                    .map_err(|e| store_err(tx, e))?;
            }
            tx.execute_batch(sql).map_err(|e| store_err(tx, e))?;
            tx.execute_batch(&format!("PRAGMA user_version = {};", version + 1))
                .map_err(|e| store_err(tx, e))?;
            Ok(true)
        })?;
        if !applied {
            return Ok(());
        }
    }
}

fn store_err(tx: &rusqlite::Transaction<'_>, e: rusqlite::Error) -> super::StoreError {
    super::StoreError::Sqlite {
        path: tx.path().unwrap_or(":memory:").to_string(),
        error: e,
    }
}
