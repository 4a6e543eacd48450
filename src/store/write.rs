//! Writing imported listings. Every statement is parameterised.
//!
//! Imported listings are keyed on (source, external_key): importing the same
//! file again updates its listings in place (same id) instead of adding
//! copies. New imported listings get ids from [`FIRST_IMPORTED_ID`] up, so
//! they never collide with catalogue ids.

use std::collections::HashSet;

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
        let err = super::sqlite_err(&path);
        self.write(|tx| {
            let mut next_id: i64 = tx
                .query_row("SELECT coalesce(max(id), 0) + 1 FROM listings", [], |r| {
                    r.get(0)
                })
                .map_err(&err)?;
            next_id = next_id.max(FIRST_IMPORTED_ID);
            let mut out = Vec::with_capacity(batches.len());
            for b in batches {
                out.push(upsert(tx, b, &mut next_id).map_err(&err)?);
            }
            Ok(out)
        })
    }

    /// The keys a source's listings have, to tell new from updated without
    /// writing (`--dry-run`).
    pub fn imported_keys(&self, source: &str) -> Result<HashSet<String>> {
        let mut st = self
            .conn()
            .prepare_cached(
                "SELECT external_key FROM listings WHERE source = ?1 AND external_key IS NOT NULL",
            )
            .map_err(|e| self.err(e))?;
        st.query_map(params![source], |r| r.get::<_, String>(0))
            .and_then(|rows| rows.collect())
            .map_err(|e| self.err(e))
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

fn upsert(
    tx: &Transaction<'_>,
    b: &ImportBatch<'_>,
    next_id: &mut i64,
) -> rusqlite::Result<UpsertReport> {
    let mut find =
        tx.prepare_cached("SELECT id FROM listings WHERE source = ?1 AND external_key = ?2")?;
    let mut update = tx.prepare_cached(
        "UPDATE listings SET title = ?2, role_id = ?3, company_id = ?4, company = ?5,
           city_id = ?6, location = ?7, work_mode = ?8, employment_type = ?9, shift = ?10,
           exp_min = ?11, exp_max = ?12, salary_min = ?13, salary_max = ?14, currency = ?15,
           skills = ?16, languages = ?17, benefits = ?18, openings = ?19, posted = ?20,
           valid_through = ?21, description = ?22, contact_name = ?23, contact_phone = ?24,
           contact_email = ?25, apply_url = ?26
         WHERE id = ?1",
    )?;
    let mut insert = tx.prepare_cached(
        "INSERT INTO listings(id, title, role_id, company_id, company, city_id, location,
           work_mode, employment_type, shift, exp_min, exp_max, salary_min, salary_max,
           currency, skills, languages, benefits, openings, posted, valid_through, description,
           contact_name, contact_phone, contact_email, apply_url, source, external_key)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
           ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28)",
    )?;
    let mut report = UpsertReport::default();
    for l in b.listings {
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
