//! Reads and writes of the user's applications. Every change is one
//! IMMEDIATE transaction and writes its history row in the same one.

use rusqlite::{OptionalExtension, Row, Transaction, params};

use super::{Result, Store, StoreError};
use crate::display::scrub;
use crate::money::Rupees;
use crate::tracker::dates::format_datetime;
use crate::tracker::edit::{SaveOutcome, conflicts};
use crate::tracker::limits::{self, HISTORY_NOTE, LINE, NOTES, TITLE};
use crate::tracker::{AppSummary, Application, HistoryEntry, NewApp, Patch, Status};

/// Now, as stored: local time with its UTC offset (RFC 3339).
pub(crate) fn now_stamp() -> String {
    jiff::Zoned::now()
        .strftime("%Y-%m-%dT%H:%M:%S%:z")
        .to_string()
}

const SUMMARY_COLUMNS: &str = "id, listing_id, title, company, city, salary_min, salary_max,
    status, follow_up, interview_at, created_at, updated_at";

pub(super) const FULL_COLUMNS: &str =
    "id, listing_id, role_id, status, title, company, city, salary_min,
    salary_max, currency, source, notes, contact_name, contact_phone, follow_up, interview_at,
    interview_mode, interview_place, expected_salary, documents, prep, created_at, updated_at";

fn rupees(v: Option<i64>) -> Option<Rupees> {
    v.and_then(|n| u32::try_from(n).ok()).map(Rupees)
}

fn summary_from_row(r: &Row<'_>) -> rusqlite::Result<AppSummary> {
    let status: String = r.get(7)?;
    let follow: Option<String> = r.get(8)?;
    let interview: Option<String> = r.get(9)?;
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
        interview_at: interview.and_then(|d| d.parse().ok()),
        created_at: r.get(10)?,
        updated_at: r.get(11)?,
    })
}

pub(super) fn app_from_row(r: &Row<'_>) -> rusqlite::Result<Application> {
    let status: String = r.get(3)?;
    let follow: Option<String> = r.get(14)?;
    let interview: Option<String> = r.get(15)?;
    let mode: Option<String> = r.get(16)?;
    let docs: String = r.get(19)?;
    let prep: String = r.get(20)?;
    Ok(Application {
        id: r.get(0)?,
        listing_id: r.get(1)?,
        role_id: r.get(2)?,
        status: status.parse().unwrap_or(Status::Saved),
        title: r.get(4)?,
        company: r.get(5)?,
        city: r.get(6)?,
        salary_min: rupees(r.get(7)?),
        salary_max: rupees(r.get(8)?),
        currency: r.get(9)?,
        source: r.get(10)?,
        notes: r.get(11)?,
        contact_name: r.get(12)?,
        contact_phone: r.get(13)?,
        follow_up: follow.and_then(|d| d.parse().ok()),
        interview_at: interview.and_then(|d| d.parse().ok()),
        interview_mode: mode.and_then(|m| m.parse().ok()),
        interview_place: r.get(17)?,
        expected_salary: rupees(r.get(18)?),
        documents: serde_json::from_str(&docs).unwrap_or_default(),
        prep: serde_json::from_str(&prep).unwrap_or_default(),
        created_at: r.get(21)?,
        updated_at: r.get(22)?,
        history: Vec::new(),
    })
}

pub(super) fn history(tx: &rusqlite::Connection, id: i64) -> rusqlite::Result<Vec<HistoryEntry>> {
    let mut st = tx.prepare_cached(
        "SELECT status, at, note FROM application_history WHERE application_id = ?1 ORDER BY id",
    )?;
    st.query_map([id], |r| {
        let s: String = r.get(0)?;
        Ok(HistoryEntry {
            status: s.parse().unwrap_or(Status::Saved),
            at: r.get(1)?,
            note: r.get(2)?,
        })
    })?
    .collect()
}

pub(super) fn record(
    tx: &Transaction<'_>,
    id: i64,
    status: Status,
    at: &str,
    note: &str,
) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT INTO application_history(application_id, status, at, note) VALUES (?1, ?2, ?3, ?4)",
        params![id, status.id(), at, note],
    )?;
    Ok(())
}

/// Why a tracker change was refused.
pub(super) fn refused(path: &str, message: String) -> StoreError {
    StoreError::Data {
        path: path.to_string(),
        message,
    }
}

/// A text within its field's limit, or the error that says it is not.
pub(super) fn within(field: &'static str, text: &str, max: usize) -> Result<()> {
    limits::check(field, text, max).map_err(|e| StoreError::TooLong {
        field: e.field,
        len: e.len,
        max: e.max,
    })
}

/// One application read inside a transaction (without its history).
pub(super) fn app_in(tx: &rusqlite::Connection, id: i64) -> rusqlite::Result<Option<Application>> {
    tx.query_row(
        &format!("SELECT {FULL_COLUMNS} FROM applications WHERE id = ?1"),
        [id],
        app_from_row,
    )
    .optional()
}

/// Writes the fields `p` sets, checked against their limits, with text
/// scrubbed; checklist ticks apply to what is stored now.
fn apply_patch(tx: &Transaction<'_>, path: &str, current: &Application, p: &Patch) -> Result<()> {
    let err = super::sqlite_err(path);
    let id = current.id;
    let set = |col: &str, v: &dyn rusqlite::ToSql| -> Result<()> {
        tx.execute(
            &format!("UPDATE applications SET {col} = ?2 WHERE id = ?1"),
            params![id, v],
        )
        .map(|_| ())
        .map_err(&err)
    };
    let line = |field: &'static str, v: &str| -> Result<String> {
        let v = scrub(v, false).trim().to_string();
        within(field, &v, LINE)?;
        Ok(v)
    };
    if let Some(v) = &p.notes {
        let v = scrub(v, true);
        within("notes", &v, NOTES)?;
        set("notes", &v)?;
    }
    if let Some(v) = &p.contact_name {
        set("contact_name", &line("contact", v)?)?;
    }
    if let Some(v) = &p.contact_phone {
        set("contact_phone", &line("phone", v)?)?;
    }
    if let Some(v) = &p.follow_up {
        set("follow_up", &v.map(|d| d.to_string()))?;
    }
    if let Some(v) = &p.interview_at {
        set("interview_at", &v.map(format_datetime))?;
    }
    if let Some(v) = &p.interview_mode {
        set("interview_mode", &v.map(|m| m.id()))?;
    }
    if let Some(v) = &p.interview_place {
        set("interview_place", &line("interview place", v)?)?;
    }
    if let Some(v) = &p.expected_salary {
        set("expected_salary", &v.map(|r| r.0))?;
    }
    let json = |v: &[String]| serde_json::to_string(v).unwrap_or_else(|_| "[]".into());
    if !p.documents.is_empty() {
        set("documents", &json(&p.documents.apply(&current.documents)))?;
    }
    if !p.prep.is_empty() {
        set("prep", &json(&p.prep.apply(&current.prep)))?;
    }
    set("updated_at", &now_stamp())?;
    Ok(())
}

impl Store {
    fn path_string(&self) -> String {
        self.path().display().to_string()
    }

    /// Saves a listing to the tracker. Returns the application id and
    /// whether it was new (saving twice returns the existing one).
    pub fn save_listing(&mut self, listing_id: i64) -> Result<(i64, bool)> {
        let path = self.path_string();
        let err = super::sqlite_err(&path);
        self.write(|tx| {
            if let Some(id) = tx
                .query_row(
                    "SELECT id FROM applications WHERE listing_id = ?1",
                    [listing_id],
                    |r| r.get::<_, i64>(0),
                )
                .optional()
                .map_err(&err)?
            {
                return Ok((id, false));
            }
            let snapshot = tx
                .query_row(
                    "SELECT title, company, location, salary_min, salary_max, currency, role_id,
                       contact_name, contact_phone
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
                            r.get::<_, String>(7)?,
                            r.get::<_, String>(8)?,
                        ))
                    },
                )
                .optional()
                .map_err(&err)?;
            let Some((title, company, city, lo, hi, currency, role, contact, phone)) = snapshot
            else {
                return Err(refused(&path, format!("no listing with id {listing_id}")));
            };
            let now = now_stamp();
            tx.execute(
                "INSERT INTO applications(listing_id, role_id, title, company, city, salary_min,
                   salary_max, currency, source, status, contact_name, contact_phone,
                   created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'listing', 'saved', ?9, ?10, ?11, ?11)",
                params![
                    listing_id, role, title, company, city, lo, hi, currency, contact, phone, now
                ],
            )
            .map_err(&err)?;
            let id = tx.last_insert_rowid();
            record(tx, id, Status::Saved, &now, "").map_err(&err)?;
            Ok((id, true))
        })
    }

    /// Adds a job seen elsewhere. Returns its id.
    pub fn add_application(&mut self, new: &NewApp) -> Result<i64> {
        let path = self.path_string();
        // text to draw later: no control characters or bidi overrides
        let line = |s: &str| scrub(s, false).trim().to_string();
        let (title, company, city) = (line(&new.title), line(&new.company), line(&new.city));
        if title.is_empty() || company.is_empty() {
            return Err(refused(
                &path,
                "an application needs a title and a company".into(),
            ));
        }
        within("title", &title, TITLE)?;
        within("company", &company, TITLE)?;
        within("city", &city, LINE)?;
        let source = match line(&new.source) {
            s if s.is_empty() => "added by hand".to_string(),
            s => s,
        };
        within("where it was seen", &source, LINE)?;
        let err = super::sqlite_err(&path);
        self.write(|tx| {
            let now = now_stamp();
            tx.execute(
                "INSERT INTO applications(title, company, city, salary_min, salary_max, source,
                   status, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'saved', ?7, ?7)",
                params![
                    title,
                    company,
                    city,
                    new.salary_min.map(|r| r.0),
                    new.salary_max.map(|r| r.0),
                    source,
                    now
                ],
            )
            .map_err(&err)?;
            let id = tx.last_insert_rowid();
            record(tx, id, Status::Saved, &now, "").map_err(&err)?;
            Ok(id)
        })
    }

    /// Moves an application to another stage, if the pipeline allows it.
    pub fn move_application(&mut self, id: i64, to: Status, note: &str) -> Result<Status> {
        let path = self.path_string();
        let err = super::sqlite_err(&path);
        let note = scrub(note, true).trim().to_string();
        within("the note", &note, HISTORY_NOTE)?;
        self.write(|tx| {
            let from: Option<String> = tx
                .query_row("SELECT status FROM applications WHERE id = ?1", [id], |r| {
                    r.get(0)
                })
                .optional()
                .map_err(&err)?;
            let Some(from) = from else {
                return Err(refused(&path, format!("no application with id {id}")));
            };
            let from: Status = from.parse().unwrap_or(Status::Saved);
            if !from.can_move_to(to) {
                return Err(refused(
                    &path,
                    format!(
                        "application {id} is {}; it cannot move to {}",
                        from.label(),
                        to.label()
                    ),
                ));
            }
            let now = now_stamp();
            tx.execute(
                "UPDATE applications SET status = ?2, updated_at = ?3 WHERE id = ?1",
                params![id, to.id(), now],
            )
            .map_err(&err)?;
            record(tx, id, to, &now, &note).map_err(&err)?;
            Ok(from)
        })
    }

    /// Changes fields of an application, as given (the command line's
    /// `apps set`): one transaction; checklist ticks apply to what is
    /// stored at that moment.
    pub fn patch_application(&mut self, id: i64, p: &Patch) -> Result<()> {
        let path = self.path_string();
        let err = super::sqlite_err(&path);
        self.write(|tx| {
            let Some(current) = app_in(tx, id).map_err(&err)? else {
                return Err(refused(&path, format!("no application with id {id}")));
            };
            apply_patch(tx, &path, &current, p)
        })
    }

    /// Saves what a form changed, made from `base` (the application as
    /// the form read it): in one IMMEDIATE transaction the row is read
    /// again, and if a field the form changed was changed differently
    /// since `base`, nothing is written and the conflicts come back for
    /// the user to settle. Fields the form did not change are not written.
    pub fn save_edit(&mut self, base: &Application, p: &Patch) -> Result<SaveOutcome> {
        let path = self.path_string();
        let err = super::sqlite_err(&path);
        let id = base.id;
        self.write(|tx| {
            let Some(mut current) = app_in(tx, id).map_err(&err)? else {
                return Err(refused(
                    &path,
                    format!("application {id} was deleted elsewhere; nothing was saved"),
                ));
            };
            let found = conflicts(base, &current, p);
            if !found.is_empty() {
                current.history = history(tx, id).map_err(&err)?;
                return Ok(SaveOutcome::Conflicts {
                    conflicts: found,
                    current: Box::new(current),
                });
            }
            if !p.is_empty() {
                apply_patch(tx, &path, &current, p)?;
            }
            Ok(SaveOutcome::Saved)
        })
    }

    /// Adds a line to an application's notes: read and written in one
    /// transaction, so notes added at once from two places are both kept.
    pub fn add_note(&mut self, id: i64, text: &str) -> Result<()> {
        let path = self.path_string();
        let err = super::sqlite_err(&path);
        let text = scrub(text, true).trim_end().to_string();
        self.write(|tx| {
            let Some(current) = app_in(tx, id).map_err(&err)? else {
                return Err(refused(&path, format!("no application with id {id}")));
            };
            let notes = if current.notes.is_empty() {
                text.clone()
            } else {
                format!("{}\n{text}", current.notes)
            };
            within("notes", &notes, NOTES)?;
            tx.execute(
                "UPDATE applications SET notes = ?2, updated_at = ?3 WHERE id = ?1",
                params![id, notes, now_stamp()],
            )
            .map_err(&err)?;
            Ok(())
        })
    }

    /// One application with its history.
    pub fn application(&self, id: i64) -> Result<Option<Application>> {
        let sql = format!("SELECT {FULL_COLUMNS} FROM applications WHERE id = ?1");
        let app = self
            .conn()
            .query_row(&sql, [id], app_from_row)
            .optional()
            .map_err(|e| self.err(e))?;
        match app {
            Some(mut a) => {
                a.history = history(self.conn(), a.id).map_err(|e| self.err(e))?;
                Ok(Some(a))
            }
            None => Ok(None),
        }
    }

    /// Every application with its history, oldest first (the export order).
    pub fn all_applications(&self) -> Result<Vec<Application>> {
        let sql = format!("SELECT {FULL_COLUMNS} FROM applications ORDER BY id");
        let mut st = self.conn().prepare(&sql).map_err(|e| self.err(e))?;
        let mut apps: Vec<Application> = st
            .query_map([], app_from_row)
            .and_then(|rows| rows.collect())
            .map_err(|e| self.err(e))?;
        for a in &mut apps {
            a.history = history(self.conn(), a.id).map_err(|e| self.err(e))?;
        }
        Ok(apps)
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
