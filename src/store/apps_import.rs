//! `apps import`: applications from a JSON export, all in one
//! transaction, and never deleting anything.
//!
//! An application in the file is matched to one here when it is the same
//! application (same id and same creation time: a backup of this
//! database) or is for the same listing. A match is merged: the history
//! entries and note lines of both are kept, checklists are joined, and the
//! other fields come from whichever was changed last (the file's on a
//! tie), a field one of them leaves empty taken from the other. Anything
//! else is added, under its own id when that is free, else a new one.

use std::str::FromStr;

use rusqlite::{OptionalExtension, Transaction};
use serde::Serialize;

use super::apps::{FULL_COLUMNS, app_in, history, record, within};
use super::{Result, Store, StoreError};
use crate::display::scrub;
use crate::tracker::dates::format_datetime;
use crate::tracker::limits::{HISTORY_NOTE, LINE, NOTES, TITLE};
use crate::tracker::{Application, HistoryEntry};

/// Why an application in the file matched one here.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum MatchedBy {
    /// Same id and creation time: the same application.
    SameApplication,
    /// Another application for the same listing.
    SameListing,
}

/// An application of the file merged into one here.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Merged {
    /// Its id in the file.
    pub from: i64,
    /// The application here it was merged into.
    pub into: i64,
    pub by: MatchedBy,
    pub listing_id: Option<i64>,
    /// Whether anything here changed (false: it had it all already).
    pub changed: bool,
}

/// What `apps import` did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct AppsImported {
    /// (id in the file, id here) of applications added.
    pub added: Vec<(i64, i64)>,
    pub merged: Vec<Merged>,
}

fn timestamp(s: &str) -> Option<jiff::Timestamp> {
    jiff::Timestamp::from_str(s).ok()
}

/// Checks one application of the file: known limits, readable times.
fn check(a: &Application, path: &str) -> Result<()> {
    let at = |message: String| StoreError::Data {
        path: path.to_string(),
        message: format!(
            "application {} in the file: {message}; nothing was imported",
            a.id
        ),
    };
    let long = |e: StoreError| match e {
        StoreError::TooLong { field, len, max } => at(format!(
            "{field} is {len} characters long; the most it can hold is {max}"
        )),
        e => e,
    };
    for (field, text, max) in [
        ("title", &a.title, TITLE),
        ("company", &a.company, TITLE),
        ("city", &a.city, LINE),
        ("source", &a.source, LINE),
        ("contact_name", &a.contact_name, LINE),
        ("contact_phone", &a.contact_phone, LINE),
        ("interview_place", &a.interview_place, LINE),
        ("notes", &a.notes, NOTES),
    ] {
        within(field, text, max).map_err(long)?;
    }
    for (what, s) in [("created_at", &a.created_at), ("updated_at", &a.updated_at)] {
        if timestamp(s).is_none() {
            return Err(at(format!(
                "{what} '{}' is not a date and time with its offset (like 2026-11-20T10:00:00+05:30)",
                crate::display::truncate(&scrub(s, false), 40)
            )));
        }
    }
    for (i, h) in a.history.iter().enumerate() {
        if timestamp(&h.at).is_none() {
            return Err(at(format!(
                "history entry {}: 'at' is '{}', not a date and time with its offset (like 2026-11-20T10:00:00+05:30)",
                i + 1,
                crate::display::truncate(&scrub(&h.at, false), 40)
            )));
        }
        within("a history note", &h.note, HISTORY_NOTE).map_err(long)?;
    }
    if a.title.trim().is_empty() || a.company.trim().is_empty() {
        return Err(at("an application needs a title and a company".into()));
    }
    Ok(())
}

/// The file's text made safe to store.
fn cleaned(a: &Application) -> Application {
    let line = |s: &str| scrub(s, false);
    let mut a = a.clone();
    for s in [
        &mut a.title,
        &mut a.company,
        &mut a.city,
        &mut a.currency,
        &mut a.source,
        &mut a.contact_name,
        &mut a.contact_phone,
        &mut a.interview_place,
    ] {
        *s = line(s);
    }
    a.notes = scrub(&a.notes, true);
    for h in &mut a.history {
        h.note = scrub(&h.note, true);
    }
    a
}

/// `here` and `file` as one application (see the module's rule).
pub fn merge(here: &Application, file: &Application) -> Application {
    let file_newer = match (timestamp(&file.updated_at), timestamp(&here.updated_at)) {
        (Some(f), Some(h)) => f >= h,
        _ => file.updated_at >= here.updated_at,
    };
    let (new, old) = if file_newer {
        (file, here)
    } else {
        (here, file)
    };
    let text = |a: &String, b: &String| if a.is_empty() { b.clone() } else { a.clone() };
    let mut notes = here.notes.trim_end().to_string();
    let lines: Vec<&str> = here.notes.lines().collect();
    for l in file.notes.lines() {
        if !lines.contains(&l) {
            if !notes.is_empty() {
                notes.push('\n');
            }
            notes.push_str(l);
        }
    }
    let union = |a: &[String], b: &[String]| {
        let mut v = a.to_vec();
        for x in b {
            if !v.iter().any(|y| y.eq_ignore_ascii_case(x)) {
                v.push(x.clone());
            }
        }
        v
    };
    let mut history: Vec<HistoryEntry> = here.history.clone();
    for h in &file.history {
        if !history.contains(h) {
            history.push(h.clone());
        }
    }
    // oldest first; entries at the same moment keep their order
    history.sort_by_key(|h| timestamp(&h.at));
    let earliest = |a: &String, b: &String| match (timestamp(a), timestamp(b)) {
        (Some(x), Some(y)) if y < x => b.clone(),
        _ => a.clone(),
    };
    Application {
        id: here.id,
        listing_id: here.listing_id.or(file.listing_id),
        role_id: new.role_id.clone().or_else(|| old.role_id.clone()),
        status: new.status,
        title: text(&new.title, &old.title),
        company: text(&new.company, &old.company),
        city: text(&new.city, &old.city),
        salary_min: new.salary_min.or(old.salary_min),
        salary_max: new.salary_max.or(old.salary_max),
        currency: text(&new.currency, &old.currency),
        source: text(&new.source, &old.source),
        notes,
        contact_name: text(&new.contact_name, &old.contact_name),
        contact_phone: text(&new.contact_phone, &old.contact_phone),
        follow_up: new.follow_up.or(old.follow_up),
        interview_at: new.interview_at.or(old.interview_at),
        interview_mode: new.interview_mode.or(old.interview_mode),
        interview_place: text(&new.interview_place, &old.interview_place),
        expected_salary: new.expected_salary.or(old.expected_salary),
        documents: union(&here.documents, &file.documents),
        prep: union(&here.prep, &file.prep),
        created_at: earliest(&here.created_at, &file.created_at),
        updated_at: new.updated_at.clone(),
        history,
    }
}

fn values(a: &Application) -> Vec<Box<dyn rusqlite::ToSql>> {
    let json = |v: &[String]| serde_json::to_string(v).unwrap_or_else(|_| "[]".into());
    vec![
        Box::new(a.id),
        Box::new(a.listing_id),
        Box::new(a.role_id.clone()),
        Box::new(a.status.id()),
        Box::new(a.title.clone()),
        Box::new(a.company.clone()),
        Box::new(a.city.clone()),
        Box::new(a.salary_min.map(|r| r.0)),
        Box::new(a.salary_max.map(|r| r.0)),
        Box::new(a.currency.clone()),
        Box::new(a.source.clone()),
        Box::new(a.notes.clone()),
        Box::new(a.contact_name.clone()),
        Box::new(a.contact_phone.clone()),
        Box::new(a.follow_up.map(|d| d.to_string())),
        Box::new(a.interview_at.map(format_datetime)),
        Box::new(a.interview_mode.map(|m| m.id())),
        Box::new(a.interview_place.clone()),
        Box::new(a.expected_salary.map(|r| r.0)),
        Box::new(json(&a.documents)),
        Box::new(json(&a.prep)),
        Box::new(a.created_at.clone()),
        Box::new(a.updated_at.clone()),
    ]
}

const PLACES: &str = "?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, \
    ?17, ?18, ?19, ?20, ?21, ?22, ?23";

fn write_history(tx: &Transaction<'_>, id: i64, h: &[HistoryEntry]) -> rusqlite::Result<()> {
    tx.execute(
        "DELETE FROM application_history WHERE application_id = ?1",
        [id],
    )?;
    for e in h {
        record(tx, id, e.status, &e.at, &e.note)?;
    }
    Ok(())
}

fn full(tx: &Transaction<'_>, id: i64) -> rusqlite::Result<Option<Application>> {
    let Some(mut a) = app_in(tx, id)? else {
        return Ok(None);
    };
    a.history = history(tx, id)?;
    Ok(Some(a))
}

impl Store {
    /// Restores applications from an export in one transaction; never
    /// deletes (see the module's rule). Every application is checked
    /// first: one over a limit or with a time that does not read fails
    /// the whole import, naming it.
    pub fn import_applications(&mut self, apps: &[Application]) -> Result<AppsImported> {
        let path = self.path().display().to_string();
        for a in apps {
            check(a, &path)?;
        }
        let err = super::sqlite_err(&path);
        self.write(|tx| {
            let mut out = AppsImported::default();
            for file in apps.iter().map(cleaned) {
                let Some((here, by)) = matching(tx, &file).map_err(&err)? else {
                    let id = insert_new(tx, &file).map_err(&err)?;
                    out.added.push((file.id, id));
                    continue;
                };
                let merged = merge(&here, &file);
                let changed = merged != here;
                if changed {
                    update(tx, &merged).map_err(&err)?;
                }
                out.merged.push(Merged {
                    from: file.id,
                    into: here.id,
                    by,
                    listing_id: here.listing_id.or(file.listing_id),
                    changed,
                });
            }
            Ok(out)
        })
    }
}

/// The application here that one from a file is: the same application
/// (same id, made at the same time, to the second, for the same listing
/// and title; two made in one second in two databases are not the same),
/// else the one for the same listing.
fn matching(
    tx: &Transaction<'_>,
    file: &Application,
) -> rusqlite::Result<Option<(Application, MatchedBy)>> {
    let same = full(tx, file.id)?.filter(|h| {
        h.created_at == file.created_at && h.listing_id == file.listing_id && h.title == file.title
    });
    if let Some(h) = same {
        return Ok(Some((h, MatchedBy::SameApplication)));
    }
    let Some(l) = file.listing_id else {
        return Ok(None);
    };
    let id: Option<i64> = tx
        .query_row(
            "SELECT id FROM applications WHERE listing_id = ?1",
            [l],
            |r| r.get(0),
        )
        .optional()?;
    Ok(match id {
        Some(id) => full(tx, id)?.map(|h| (h, MatchedBy::SameListing)),
        None => None,
    })
}

/// Adds an application from a file with its history, under its own id
/// unless that is taken; returns the id it has here.
fn insert_new(tx: &Transaction<'_>, file: &Application) -> rusqlite::Result<i64> {
    let taken: bool = tx.query_row(
        "SELECT count(*) > 0 FROM applications WHERE id = ?1",
        [file.id],
        |r| r.get(0),
    )?;
    let mut a = file.clone();
    let v = values(&a);
    let refs: Vec<&dyn rusqlite::ToSql> = v.iter().map(|b| &**b).collect();
    if taken {
        // a new id: everything but the id
        let cols = FULL_COLUMNS.replacen("id,", "", 1);
        let places: Vec<String> = (1..=22).map(|i| format!("?{i}")).collect();
        tx.execute(
            &format!(
                "INSERT INTO applications({cols}) VALUES ({})",
                places.join(", ")
            ),
            &refs[1..],
        )?;
        a.id = tx.last_insert_rowid();
    } else {
        tx.execute(
            &format!("INSERT INTO applications({FULL_COLUMNS}) VALUES ({PLACES})"),
            refs.as_slice(),
        )?;
    }
    write_history(tx, a.id, &a.history)?;
    Ok(a.id)
}

/// Writes a merged application over the one here, with its history.
fn update(tx: &Transaction<'_>, merged: &Application) -> rusqlite::Result<()> {
    let v = values(merged);
    let refs: Vec<&dyn rusqlite::ToSql> = v.iter().map(|b| &**b).collect();
    let sets: Vec<String> = FULL_COLUMNS
        .split(',')
        .map(str::trim)
        .enumerate()
        .skip(1)
        .map(|(i, c)| format!("{c} = ?{}", i + 1))
        .collect();
    tx.execute(
        &format!("UPDATE applications SET {} WHERE id = ?1", sets.join(", ")),
        refs.as_slice(),
    )?;
    write_history(tx, merged.id, &merged.history)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_merge_keeps_both_histories_and_notes() {
        let here = Application {
            id: 7,
            listing_id: Some(5),
            role_id: None,
            status: crate::tracker::Status::Applied,
            title: "Clerk".into(),
            company: "Shop".into(),
            city: String::new(),
            salary_min: None,
            salary_max: None,
            currency: "INR".into(),
            source: "listing".into(),
            notes: "called HR".into(),
            contact_name: "Ms Rao".into(),
            contact_phone: String::new(),
            follow_up: None,
            interview_at: None,
            interview_mode: None,
            interview_place: String::new(),
            expected_salary: None,
            documents: vec!["resume".into()],
            prep: vec![],
            created_at: "2026-11-01T10:00:00+05:30".into(),
            updated_at: "2026-11-02T10:00:00+05:30".into(),
            history: vec![HistoryEntry {
                status: crate::tracker::Status::Saved,
                at: "2026-11-01T10:00:00+05:30".into(),
                note: String::new(),
            }],
        };
        let mut file = here.clone();
        file.id = 1;
        file.notes = "sent CV".into();
        file.contact_name = String::new();
        file.contact_phone = "+91 00000 11111".into();
        file.documents = vec!["id-proof".into()];
        file.updated_at = "2026-11-03T10:00:00+05:30".into();
        file.history = vec![HistoryEntry {
            status: crate::tracker::Status::Saved,
            at: "2026-10-30T09:00:00+05:30".into(),
            note: String::new(),
        }];
        let m = merge(&here, &file);
        assert_eq!(m.id, 7);
        assert_eq!(m.notes, "called HR\nsent CV");
        assert_eq!(
            m.contact_name, "Ms Rao",
            "an empty field is filled, not cleared"
        );
        assert_eq!(m.contact_phone, "+91 00000 11111");
        assert_eq!(m.documents, ["resume", "id-proof"]);
        assert_eq!(m.history.len(), 2);
        assert_eq!(m.history[0].at, "2026-10-30T09:00:00+05:30", "oldest first");
        assert_eq!(m.created_at, here.created_at);
        assert_eq!(merge(&m, &file), m, "merging again changes nothing");
    }
}
