//! Reads and writes of the user's applications. Every change is one
//! IMMEDIATE transaction and writes its history row in the same one.

use rusqlite::{OptionalExtension, Row, params};

use super::{Result, Store, StoreError};
use crate::money::Rupees;
use crate::tracker::{AppSummary, Status};

/// Now, as stored: local time with its UTC offset (RFC 3339).
pub(crate) fn now_stamp() -> String {
    jiff::Zoned::now()
        .strftime("%Y-%m-%dT%H:%M:%S%:z")
        .to_string()
}

const SUMMARY_COLUMNS: &str = "id, listing_id, title, company, city, salary_min, salary_max,
    status, follow_up, created_at, updated_at";

fn summary_from_row(r: &Row<'_>) -> rusqlite::Result<AppSummary> {
    let rupees = |v: Option<i64>| v.and_then(|n| u32::try_from(n).ok()).map(Rupees);
    let status: String = r.get(7)?;
    let follow: Option<String> = r.get(8)?;
    Ok(AppSummary {
        id: r.get(0)?,
        listing_id: r.get(1)?,
        title: r.get(2)?,
        company: r.get(3)?,
        city: r.get(4)?,
        salary_min: rupees(r.get(5)?),
        salary_max: rupees(r.get(6)?),
        status: status.parse().unwrap_or(Status::Saved),
        follow_up: follow.and_then(|d| d.parse().ok()),
        created_at: r.get(9)?,
        updated_at: r.get(10)?,
    })
}

impl Store {
    /// Saves a listing to the tracker. Returns the application id and
    /// whether it was new (saving twice returns the existing one).
    pub fn save_listing(&mut self, listing_id: i64) -> Result<(i64, bool)> {
        let path = self.path().display().to_string();
        let err = |e: rusqlite::Error| StoreError::Sqlite {
            path: path.clone(),
            source: e,
        };
        self.write(|tx| {
            if let Some(id) = tx
                .query_row(
                    "SELECT id FROM applications WHERE listing_id = ?1",
                    [listing_id],
                    |r| r.get::<_, i64>(0),
                )
                .optional()
                .map_err(err)?
            {
                return Ok((id, false));
            }
            let snapshot = tx
                .query_row(
                    "SELECT title, company, location, salary_min, salary_max, currency, role_id
                     FROM listings WHERE id = ?1",
                    [listing_id],
                    |r| {
                        Ok((
                            r.get::<_, String>(0)?,
                            r.get::<_, String>(1)?,
                            r.get::<_, String>(2)?,
                            r.get::<_, Option<i64>>(3)?,
                            r.get::<_, Option<i64>>(4)?,
                            r.get::<_, String>(5)?,
                            r.get::<_, Option<String>>(6)?,
                        ))
                    },
                )
                .optional()
                .map_err(err)?;
            let Some((title, company, city, lo, hi, currency, role)) = snapshot else {
                return Err(StoreError::Data {
                    path: path.clone(),
                    message: format!("no listing with id {listing_id}"),
                });
            };
            let now = now_stamp();
            tx.execute(
                "INSERT INTO applications(listing_id, role_id, title, company, city, salary_min,
                   salary_max, currency, source, status, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'listing', 'saved', ?9, ?9)",
                params![listing_id, role, title, company, city, lo, hi, currency, now],
            )
            .map_err(err)?;
            let id = tx.last_insert_rowid();
            tx.execute(
                "INSERT INTO application_history(application_id, status, at) VALUES (?1, 'saved', ?2)",
                params![id, now],
            )
            .map_err(err)?;
            Ok((id, true))
        })
    }

    /// Every application, most recently changed first.
    pub fn applications(&self) -> Result<Vec<AppSummary>> {
        let sql =
            format!("SELECT {SUMMARY_COLUMNS} FROM applications ORDER BY updated_at DESC, id DESC");
        let mut st = self.conn().prepare(&sql).map_err(|e| self.err(e))?;
        st.query_map([], summary_from_row)
            .and_then(|rows| rows.collect())
            .map_err(|e| self.err(e))
    }

    /// Ids of listings that have an application.
    pub fn saved_listing_ids(&self) -> Result<Vec<i64>> {
        let mut st = self
            .conn()
            .prepare("SELECT listing_id FROM applications WHERE listing_id IS NOT NULL")
            .map_err(|e| self.err(e))?;
        st.query_map([], |r| r.get(0))
            .and_then(|rows| rows.collect())
            .map_err(|e| self.err(e))
    }
}
