//! Writing imported listings. Every statement is parameterised.
//!
//! Imported listings are keyed on (source, external_key): importing the same
//! file again updates its listings in place (same id) instead of adding
//! copies. New imported listings get ids from [`FIRST_IMPORTED_ID`] up, so
//! they never collide with catalogue ids.

use rusqlite::{OptionalExtension, Transaction, params};

use super::{Result, Store, StoreError};
use crate::import::ImportedListing;

/// The first id an imported listing can get.
pub const FIRST_IMPORTED_ID: i64 = 10_000_000;

/// The source name of the shipped catalogue's listings.
pub const CATALOG_SOURCE: &str = "catalog";

/// What happened to each listing of a batch, in the batch's order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UpsertReport {
    /// (listing id, true when it replaced an existing listing).
    pub outcomes: Vec<(i64, bool)>,
}

impl UpsertReport {
    pub fn inserted(&self) -> usize {
        self.outcomes.iter().filter(|(_, u)| !u).count()
    }

    pub fn updated(&self) -> usize {
        self.outcomes.iter().filter(|(_, u)| *u).count()
    }
}

/// Listings of one source to write.
#[derive(Debug, Clone, Copy)]
pub struct ImportBatch<'a> {
    pub source: &'a str,
    pub listings: &'a [ImportedListing],
}

impl Store {
    /// Upserts one source's listings in one transaction.
    pub fn upsert_imported(
        &mut self,
        source: &str,
        listings: &[ImportedListing],
    ) -> Result<UpsertReport> {
        let mut r = self.upsert_batches(&[ImportBatch { source, listings }])?;
        Ok(r.pop().unwrap_or_default())
    }

    /// Upserts several sources' listings in one transaction: all of them
    /// are written, or none.
    pub fn upsert_batches(&mut self, batches: &[ImportBatch<'_>]) -> Result<Vec<UpsertReport>> {
        let path = self.path().display().to_string();
        for b in batches {
            check_source(&path, b.source)?;
        }
        self.upsert_batches_with(batches, &mut |_| true)
    }

    /// [`Store::upsert_batches`], telling `progress` how many listings
    /// are written every 512 of them; when it returns false the import
    /// stops and nothing is written ([`StoreError::Cancelled`]).
    pub fn upsert_batches_with(
        &mut self,
        batches: &[ImportBatch<'_>],
        progress: &mut dyn FnMut(usize) -> bool,
    ) -> Result<Vec<UpsertReport>> {
        self.upsert(batches, progress, None)
    }

    /// [`Store::upsert_batches_with`]; while another program holds the
    /// database, `on_wait` is asked every 200 ms whether to go on waiting
    /// (false cancels), so a waiting import can say so and be stopped.
    pub fn upsert_batches_waiting(
        &mut self,
        batches: &[ImportBatch<'_>],
        progress: &mut dyn FnMut(usize) -> bool,
        on_wait: &mut dyn FnMut() -> bool,
    ) -> Result<Vec<UpsertReport>> {
        self.upsert(batches, progress, Some(on_wait))
    }

    fn upsert(
        &mut self,
        batches: &[ImportBatch<'_>],
        progress: &mut dyn FnMut(usize) -> bool,
        on_wait: Option<&mut dyn FnMut() -> bool>,
    ) -> Result<Vec<UpsertReport>> {
        let path = self.path().display().to_string();
        for b in batches {
            check_source(&path, b.source)?;
        }
        let err = super::sqlite_err(&path);
        self.write_waiting(on_wait, |tx| {
            let mut next_id = next_listing_id(tx).map_err(&err)?.max(FIRST_IMPORTED_ID);
            let mut out = Vec::with_capacity(batches.len());
            let mut done = 0;
            for b in batches {
                out.push(upsert(tx, b, &mut next_id, &mut done, progress, &err)?);
            }
            set_listing_high(tx, next_id - 1).map_err(&err)?;
            Ok(out)
        })
    }

    /// The id of each listing of an imported source, by dedupe key (for a
    /// dry run to show which listing an import would update).
    pub fn imported_ids(&self, source: &str) -> Result<std::collections::HashMap<String, i64>> {
        let mut st = self
            .conn()
            .prepare_cached(
                "SELECT external_key, id FROM listings WHERE source = ?1 AND external_key IS NOT NULL",
            )
            .map_err(|e| self.err(e))?;
        st.query_map(params![source], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?))
        })
        .and_then(|rows| rows.collect())
        .map_err(|e| self.err(e))
    }

    /// Deletes every listing of an imported source; returns how many.
    /// The catalogue's listings cannot be removed this way.
    pub fn remove_source(&mut self, source: &str) -> Result<usize> {
        let path = self.path().display().to_string();
        check_source(&path, source)?;
        self.write(|tx| {
            tx.execute(
                "DELETE FROM listings WHERE source = ?1 AND source <> ?2",
                params![source, CATALOG_SOURCE],
            )
            .map_err(super::sqlite_err(&path))
        })
    }
}

fn check_source(path: &str, source: &str) -> Result<()> {
    if source.trim().is_empty() || source == CATALOG_SOURCE {
        return Err(StoreError::Data {
            path: path.to_string(),
            message: format!(
                "'{source}' cannot be an import source: the catalogue's listings are source '{CATALOG_SOURCE}'"
            ),
        });
    }
    Ok(())
}

/// The meta key of the highest listing id ever given: ids are never
/// given twice, even after the listings that had them were removed, so an
/// application made from a removed listing never points at another.
const LISTING_HIGH: &str = "listing_id_high";

/// The next listing id never given before.
pub(super) fn next_listing_id(tx: &rusqlite::Connection) -> rusqlite::Result<i64> {
    let max: i64 = tx.query_row("SELECT coalesce(max(id), 0) FROM listings", [], |r| {
        r.get(0)
    })?;
    let high: Option<String> = tx
        .query_row(
            "SELECT value FROM meta WHERE key = ?1",
            [LISTING_HIGH],
            |r| r.get(0),
        )
        .optional()?;
    let high = high.and_then(|h| h.parse::<i64>().ok()).unwrap_or(0);
    Ok(max.max(high) + 1)
}

/// Records that ids up to `high` have been given.
pub(super) fn set_listing_high(tx: &rusqlite::Connection, high: i64) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT INTO meta(key, value) VALUES (?1, ?2)
         ON CONFLICT(key) DO UPDATE SET value = max(CAST(value AS INTEGER), CAST(excluded.value AS INTEGER))",
        params![LISTING_HIGH, high.to_string()],
    )?;
    Ok(())
}

fn upsert(
    tx: &Transaction<'_>,
    b: &ImportBatch<'_>,
    next_id: &mut i64,
    done: &mut usize,
    progress: &mut dyn FnMut(usize) -> bool,
    err: &dyn Fn(rusqlite::Error) -> StoreError,
) -> Result<UpsertReport> {
    upsert_rows(tx, b, next_id, done, progress).map_err(|e| match e {
        Stop::Sql(e) => err(e),
        Stop::Cancelled => StoreError::Cancelled,
    })
}

enum Stop {
    Sql(rusqlite::Error),
    Cancelled,
}

impl From<rusqlite::Error> for Stop {
    fn from(e: rusqlite::Error) -> Stop {
        Stop::Sql(e)
    }
}

/// An imported listing's values (?2 to ?26, in the order of
/// [`INSERT_LISTING`]) over the listing `?1`.
const UPDATE_LISTING: &str =
    "UPDATE listings SET title = ?2, role_id = ?3, company_id = ?4, company = ?5,
     city_id = ?6, location = ?7, work_mode = ?8, employment_type = ?9, shift = ?10,
     exp_min = ?11, exp_max = ?12, salary_min = ?13, salary_max = ?14, currency = ?15,
     skills = ?16, languages = ?17, benefits = ?18, openings = ?19, posted = ?20,
     valid_through = ?21, description = ?22, contact_name = ?23, contact_phone = ?24,
     contact_email = ?25, apply_url = ?26
   WHERE id = ?1";

/// A new listing: its id, its values, and the source and key it came by.
const INSERT_LISTING: &str =
    "INSERT INTO listings(id, title, role_id, company_id, company, city_id, location,
     work_mode, employment_type, shift, exp_min, exp_max, salary_min, salary_max,
     currency, skills, languages, benefits, openings, posted, valid_through, description,
     contact_name, contact_phone, contact_email, apply_url, source, external_key)
   VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
     ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28)";

fn upsert_rows(
    tx: &Transaction<'_>,
    b: &ImportBatch<'_>,
    next_id: &mut i64,
    done: &mut usize,
    progress: &mut dyn FnMut(usize) -> bool,
) -> std::result::Result<UpsertReport, Stop> {
    let mut find =
        tx.prepare_cached("SELECT id FROM listings WHERE source = ?1 AND external_key = ?2")?;
    let mut update = tx.prepare_cached(UPDATE_LISTING)?;
    let mut insert = tx.prepare_cached(INSERT_LISTING)?;
    let mut report = UpsertReport::default();
    for l in b.listings {
        if done.is_multiple_of(512) && !progress(*done) {
            return Err(Stop::Cancelled);
        }
        *done += 1;
        let existing: Option<i64> = find
            .query_row(params![b.source, l.key], |r| r.get(0))
            .optional()?;
        let (id, updated) = match existing {
            Some(id) => (id, true),
            None => {
                let id = *next_id;
                *next_id += 1;
                (id, false)
            }
        };
        let values = params![
            id,
            l.title,
            l.role_id,
            l.company_id,
            l.company,
            l.city_id,
            l.location,
            l.work_mode.id(),
            l.employment_type.id(),
            l.shift.id(),
            l.experience_min,
            l.experience_max,
            l.salary_min,
            l.salary_max,
            l.currency,
            l.skills.join(";"),
            l.languages.join(";"),
            l.benefits.join(";"),
            l.openings,
            l.posted.to_string(),
            l.valid_through.map(|d| d.to_string()),
            l.description,
            l.contact_name,
            l.contact_phone,
            l.contact_email,
            l.apply_url,
        ];
        if updated {
            update.execute(values)?;
        } else {
            let mut all: Vec<&dyn rusqlite::ToSql> = values.to_vec();
            all.push(&b.source);
            all.push(&l.key);
            insert.execute(all.as_slice())?;
        }
        report.outcomes.push((id, updated));
    }
    Ok(report)
}
