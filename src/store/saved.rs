//! Saved searches: a name, a query, and what was there when last opened.

use rusqlite::{OptionalExtension, params};
use serde::Serialize;

use super::{Result, Store, StoreError};
use crate::search::Query;

/// A saved search.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SavedSearch {
    pub name: String,
    pub query: Query,
    pub created_at: String,
    pub opened_at: Option<String>,
    /// Listings with a higher id are new since it was last opened.
    pub seen_max_id: i64,
}

impl Store {
    /// Saves (or replaces) a search under a name. Opening it later counts
    /// listings added after now as new.
    pub fn save_search(&mut self, name: &str, query: &Query) -> Result<()> {
        let path = self.path().display().to_string();
        // a name is drawn in the app and printed by `saved`: one line, no escapes
        let name = crate::display::scrub(name, false);
        let name = name.trim();
        if name.is_empty() {
            return Err(StoreError::Data {
                path,
                message: "a saved search needs a name".into(),
            });
        }
        let json = serde_json::to_string(query).map_err(|e| StoreError::Data {
            path: path.clone(),
            message: e.to_string(),
        })?;
        let err = super::sqlite_err(&path);
        self.write(|tx| {
            let max: i64 = tx
                .query_row("SELECT coalesce(max(id), 0) FROM listings", [], |r| {
                    r.get(0)
                })
                .map_err(&err)?;
            tx.execute(
                "INSERT INTO saved_searches(name, query, created_at, seen_max_id)
                 VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT(name) DO UPDATE SET query = excluded.query",
                params![name, json, super::apps::now_stamp(), max],
            )
            .map_err(&err)?;
            Ok(())
        })
    }

    fn saved_from_row(
        r: &rusqlite::Row<'_>,
    ) -> rusqlite::Result<(String, String, String, Option<String>, i64)> {
        Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
    }

    fn to_saved(&self, row: (String, String, String, Option<String>, i64)) -> Result<SavedSearch> {
        let (name, json, created_at, opened_at, seen_max_id) = row;
        let query = serde_json::from_str(&json).map_err(|e| StoreError::Data {
            path: self.path().display().to_string(),
            message: format!("saved search '{name}' cannot be read ({e})"),
        })?;
        Ok(SavedSearch {
            name,
            query,
            created_at,
            opened_at,
            seen_max_id,
        })
    }

    /// Every saved search, by name.
    pub fn saved_searches(&self) -> Result<Vec<SavedSearch>> {
        let mut st = self
            .conn()
            .prepare("SELECT name, query, created_at, opened_at, seen_max_id FROM saved_searches ORDER BY name")
            .map_err(|e| self.err(e))?;
        let rows: Vec<_> = st
            .query_map([], Self::saved_from_row)
            .and_then(|r| r.collect())
            .map_err(|e| self.err(e))?;
        rows.into_iter().map(|r| self.to_saved(r)).collect()
    }

    /// One saved search by name (any case).
    pub fn saved_search(&self, name: &str) -> Result<Option<SavedSearch>> {
        let row = self
            .conn()
            .query_row(
                "SELECT name, query, created_at, opened_at, seen_max_id FROM saved_searches
                 WHERE name = ?1 COLLATE NOCASE",
                [name.trim()],
                Self::saved_from_row,
            )
            .optional()
            .map_err(|e| self.err(e))?;
        row.map(|r| self.to_saved(r)).transpose()
    }

    /// Notes that a saved search was opened: what exists now is no longer new.
    pub fn mark_saved_opened(&mut self, name: &str) -> Result<()> {
        if self.read_only().is_some() {
            return Ok(()); // bookkeeping only: a read-only store still opens it
        }
        let path = self.path().display().to_string();
        let err = super::sqlite_err(&path);
        self.write(|tx| {
            tx.execute(
                "UPDATE saved_searches SET opened_at = ?2,
                   seen_max_id = (SELECT coalesce(max(id), 0) FROM listings)
                 WHERE name = ?1 COLLATE NOCASE",
                params![name.trim(), super::apps::now_stamp()],
            )
            .map_err(&err)?;
            Ok(())
        })
    }

    /// Removes a saved search; false if there was none of that name.
    pub fn remove_saved_search(&mut self, name: &str) -> Result<bool> {
        let path = self.path().display().to_string();
        let err = super::sqlite_err(&path);
        self.write(|tx| {
            tx.execute(
                "DELETE FROM saved_searches WHERE name = ?1 COLLATE NOCASE",
                [name.trim()],
            )
            .map(|n| n > 0)
            .map_err(&err)
        })
    }

    /// Renames a saved search; false if there was none called `old`. A
    /// name already taken by another saved search is refused.
    pub fn rename_saved_search(&mut self, old: &str, new: &str) -> Result<bool> {
        let path = self.path().display().to_string();
        let new = crate::display::scrub(new, false);
        let new = new.trim().to_string();
        if new.is_empty() {
            return Err(StoreError::Data {
                path,
                message: "a saved search needs a name".into(),
            });
        }
        let err = super::sqlite_err(&path);
        let taken = path.clone();
        self.write(|tx| {
            let clash: i64 = tx
                .query_row(
                    "SELECT count(*) FROM saved_searches
                     WHERE name = ?1 COLLATE NOCASE AND name <> ?2 COLLATE NOCASE",
                    params![new, old.trim()],
                    |r| r.get(0),
                )
                .map_err(&err)?;
            if clash > 0 {
                return Err(StoreError::Data {
                    path: taken,
                    message: format!("there is already a saved search called '{new}'"),
                });
            }
            tx.execute(
                "UPDATE saved_searches SET name = ?2 WHERE name = ?1 COLLATE NOCASE",
                params![old.trim(), new],
            )
            .map(|n| n > 0)
            .map_err(&err)
        })
    }
}
