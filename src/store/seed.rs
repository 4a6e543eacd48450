//! Seeding the catalogue tables from the embedded catalogue.
//!
//! Catalogue rows are upserted (so rows that reference them keep their
//! references) and rows the new catalogue no longer has are deleted.
//! Catalogue listings (source `catalog`) are replaced as a whole. User
//! tables are never touched.
//!
//! The shipped listings are dated against `generate::CATALOG_AS_OF`; they
//! are shifted on seeding so the newest is dated the day of seeding, which
//! keeps "posted within 7 days" meaningful in a demo catalogue.

use std::time::{Duration, Instant};

use jiff::ToSpan;
use rusqlite::{Transaction, params};

use super::{Result, Store};
use crate::catalog::{self, Catalog};

/// What a seeding did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SeedReport {
    pub roles: usize,
    pub cities: usize,
    pub companies: usize,
    pub listings: usize,
    /// Days the listings' dates were moved forward.
    pub shifted_days: i64,
    pub took: Duration,
}

const FINGERPRINT_KEY: &str = "catalog_fingerprint";

/// Seeds when the database has no catalogue or an older one.
pub(super) fn seed_if_changed(store: &mut Store) -> Result<Option<SeedReport>> {
    let want = catalog::fingerprint();
    let have: Option<String> = store
        .conn()
        .query_row(
            "SELECT value FROM meta WHERE key = ?1",
            [FINGERPRINT_KEY],
            |r| r.get(0),
        )
        .map(Some)
        .or_else(|e| match e {
            rusqlite::Error::QueryReturnedNoRows => Ok(None),
            e => Err(e),
        })
        .map_err(|e| store.err(e))?;
    if have.as_deref() == Some(want.as_str()) {
        return Ok(None);
    }
    seed_unless(store, Some(&want)).map(Some)
}

pub(super) fn seed(store: &mut Store) -> Result<SeedReport> {
    seed_unless(store, None)
}

/// Seeds in one transaction; with `skip_if`, does nothing if another
/// process seeded this fingerprint while we waited for the write lock.
fn seed_unless(store: &mut Store, skip_if: Option<&str>) -> Result<SeedReport> {
    let start = Instant::now();
    let cat = Catalog::embedded()?;
    let path = store.path().display().to_string();
    let err = super::sqlite_err(&path);
    let fingerprint = catalog::fingerprint();
    let today = jiff::Zoned::now().date();
    let newest = cat.listings.iter().map(|l| l.posted).max().unwrap_or(today);
    let shift = (today - newest).get_days().max(0) as i64;
    let mut report = store.write(|tx| {
        if let Some(fp) = skip_if {
            let current: Option<String> = tx
                .query_row(
                    "SELECT value FROM meta WHERE key = ?1",
                    [FINGERPRINT_KEY],
                    |r| r.get(0),
                )
                .ok();
            if current.as_deref() == Some(fp) {
                return Ok(SeedReport::default());
            }
        }
        write_catalog(tx, &cat, shift).map_err(&err)?;
        tx.execute(
            "INSERT INTO meta(key, value) VALUES (?1, ?2)
             ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            params![FINGERPRINT_KEY, fingerprint],
        )
        .map_err(&err)?;
        tx.execute(
            "INSERT INTO meta(key, value) VALUES ('catalog_seeded_on', ?1)
             ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            params![today.to_string()],
        )
        .map_err(&err)?;
        Ok(SeedReport {
            roles: cat.roles.len(),
            cities: cat.cities.len(),
            companies: cat.companies.len(),
            listings: cat.listings.len(),
            shifted_days: shift,
            took: Duration::ZERO,
        })
    })?;
    report.took = start.elapsed();
    Ok(report)
}

fn json<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_else(|_| "[]".to_string())
}

/// Deletes rows of `table` whose key is not in `keep`.
fn delete_missing(
    tx: &Transaction<'_>,
    table: &str,
    key: &str,
    keep: &[String],
) -> rusqlite::Result<()> {
    let existing: Vec<String> = {
        let mut st = tx.prepare(&format!("SELECT CAST({key} AS TEXT) FROM {table}"))?;
        st.query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?
    };
    let mut del = tx.prepare(&format!(
        "DELETE FROM {table} WHERE CAST({key} AS TEXT) = ?1"
    ))?;
    for k in existing {
        if !keep.contains(&k) {
            del.execute([k])?;
        }
    }
    Ok(())
}

/// Writes the catalogue table by table: rows the new catalogue has are
/// inserted or updated, rows that belong to one (bands, paths, figures,
/// catalogue listings) are replaced, and rows it no longer has are dropped
/// last (sources after the figures that cite them).
fn write_catalog(tx: &Transaction<'_>, cat: &Catalog, shift_days: i64) -> rusqlite::Result<()> {
    write_sources(tx, cat)?;
    write_figures(tx, cat)?;
    write_categories(tx, cat)?;
    write_skills(tx, cat)?;
    write_roles(tx, cat)?;
    write_cities(tx, cat)?;
    write_companies(tx, cat)?;
    write_listings(tx, cat, shift_days)?;
    delete_dropped(tx, cat)
}

/// Sources, by id.
fn write_sources(tx: &Transaction<'_>, cat: &Catalog) -> rusqlite::Result<()> {
    let mut st = tx.prepare(
        "INSERT INTO sources(id, seed, title, publisher, published, gives)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT(id) DO UPDATE SET seed = excluded.seed, title = excluded.title,
           publisher = excluded.publisher, published = excluded.published,
           gives = excluded.gives",
    )?;
    for s in &cat.sources {
        st.execute(params![
            s.id,
            s.seed,
            s.title,
            s.publisher,
            s.published,
            s.gives
        ])?;
    }
    Ok(())
}

/// Market figures, replaced (they cite sources: replaced before sources are trimmed).
fn write_figures(tx: &Transaction<'_>, cat: &Catalog) -> rusqlite::Result<()> {
    tx.execute("DELETE FROM market_figures", [])?;
    let mut st = tx.prepare(
        "INSERT INTO market_figures(source_id, label, experience, period, min, max,
           open_ended, published, note)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    for f in &cat.figures {
        let period = match f.period {
            catalog::FigurePeriod::Month => "month",
            catalog::FigurePeriod::Year => "year",
        };
        st.execute(params![
            f.source,
            f.label,
            f.experience,
            period,
            f.min as i64,
            f.max as i64,
            f.open_ended,
            f.published,
            f.note
        ])?;
    }
    Ok(())
}

/// Categories, in catalogue order.
fn write_categories(tx: &Transaction<'_>, cat: &Catalog) -> rusqlite::Result<()> {
    let mut st = tx.prepare(
        "INSERT INTO categories(id, name, summary, sources, position)
         VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT(id) DO UPDATE SET name = excluded.name, summary = excluded.summary,
           sources = excluded.sources, position = excluded.position",
    )?;
    for (i, c) in cat.categories.iter().enumerate() {
        st.execute(params![c.id, c.name, c.summary, json(&c.sources), i as i64])?;
    }
    Ok(())
}

/// Skills, in catalogue order.
fn write_skills(tx: &Transaction<'_>, cat: &Catalog) -> rusqlite::Result<()> {
    let mut st = tx.prepare(
        "INSERT INTO skills(name, kind, aliases, position) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT(name) DO UPDATE SET kind = excluded.kind, aliases = excluded.aliases,
           position = excluded.position",
    )?;
    for (i, s) in cat.skills.iter().enumerate() {
        let kind = json(&s.kind);
        st.execute(params![
            s.name,
            kind.trim_matches('"'),
            json(&s.aliases),
            i as i64
        ])?;
    }
    Ok(())
}

/// Roles, then their bands and paths (replaced: they belong to the role).
fn write_roles(tx: &Transaction<'_>, cat: &Catalog) -> rusqlite::Result<()> {
    let mut st = tx.prepare(
        "INSERT INTO roles(id, category_id, title, title_hi, summary, responsibilities,
           skills, qualifications, industries, named_in, title_variants, demand, remote_share,
           night_shift_share, position)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)
         ON CONFLICT(id) DO UPDATE SET category_id = excluded.category_id,
           title = excluded.title, title_hi = excluded.title_hi,
           summary = excluded.summary, responsibilities = excluded.responsibilities,
           skills = excluded.skills, qualifications = excluded.qualifications,
           industries = excluded.industries, named_in = excluded.named_in,
           title_variants = excluded.title_variants, demand = excluded.demand,
           remote_share = excluded.remote_share,
           night_shift_share = excluded.night_shift_share, position = excluded.position",
    )?;
    for (i, r) in cat.roles.iter().enumerate() {
        st.execute(params![
            r.id,
            r.category,
            r.title,
            r.title_hi,
            r.summary,
            json(&r.responsibilities),
            json(&r.skills),
            json(&r.qualifications),
            json(&r.industries),
            json(&r.named_in),
            json(&r.title_variants),
            r.demand,
            r.remote_share,
            r.night_shift_share,
            i as i64
        ])?;
    }
    tx.execute("DELETE FROM role_bands", [])?;
    tx.execute("DELETE FROM role_paths", [])?;
    let mut band =
        tx.prepare("INSERT INTO role_bands(role_id, level, min, max) VALUES (?1, ?2, ?3, ?4)")?;
    let mut path = tx.prepare("INSERT INTO role_paths(from_role, to_role) VALUES (?1, ?2)")?;
    for r in &cat.roles {
        for b in &r.bands {
            band.execute(params![r.id, b.level.id(), b.min.0, b.max.0])?;
        }
        for to in &r.leads_to {
            path.execute(params![r.id, to])?;
        }
    }
    Ok(())
}

/// Cities, by id.
fn write_cities(tx: &Transaction<'_>, cat: &Catalog) -> rusqlite::Result<()> {
    let mut st = tx.prepare(
        "INSERT INTO cities(id, name, state, state_code, tier, lat, lon, language, aliases)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
         ON CONFLICT(id) DO UPDATE SET name = excluded.name, state = excluded.state,
           state_code = excluded.state_code, tier = excluded.tier, lat = excluded.lat,
           lon = excluded.lon, language = excluded.language, aliases = excluded.aliases",
    )?;
    for c in &cat.cities {
        st.execute(params![
            c.id,
            c.name,
            c.state,
            c.state_code,
            c.tier,
            c.lat,
            c.lon,
            c.language,
            json(&c.aliases)
        ])?;
    }
    Ok(())
}

/// Companies, by id.
fn write_companies(tx: &Transaction<'_>, cat: &Catalog) -> rusqlite::Result<()> {
    let mut st = tx.prepare(
        "INSERT INTO companies(id, name, industry, kind, hq_city, size, blurb)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
         ON CONFLICT(id) DO UPDATE SET name = excluded.name, industry = excluded.industry,
           kind = excluded.kind, hq_city = excluded.hq_city, size = excluded.size,
           blurb = excluded.blurb",
    )?;
    for c in &cat.companies {
        st.execute(params![
            c.id,
            c.name,
            c.industry.id(),
            c.kind.id(),
            c.hq_city,
            c.size,
            c.blurb
        ])?;
    }
    Ok(())
}

/// The catalogue's listings, replaced, their posting dates moved by `shift_days`.
fn write_listings(tx: &Transaction<'_>, cat: &Catalog, shift_days: i64) -> rusqlite::Result<()> {
    tx.execute("DELETE FROM listings WHERE source = 'catalog'", [])?;
    let city_name: std::collections::HashMap<u32, &str> =
        cat.cities.iter().map(|c| (c.id, c.name.as_str())).collect();
    let company_name: std::collections::HashMap<u32, &str> = cat
        .companies
        .iter()
        .map(|c| (c.id, c.name.as_str()))
        .collect();
    let mut st = tx.prepare(
        "INSERT INTO listings(id, source, title, role_id, company_id, company, city_id,
           location, work_mode, employment_type, shift, exp_min, exp_max, salary_min,
           salary_max, skills, languages, benefits, openings, posted, description,
           contact_name, contact_phone, contact_email, apply_url)
         VALUES (?1, 'catalog', ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14,
           ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24)",
    )?;
    for l in &cat.listings {
        let posted = l.posted.checked_add(shift_days.days()).unwrap_or(l.posted);
        st.execute(params![
            l.id,
            l.title,
            l.role,
            l.company_id,
            company_name.get(&l.company_id).copied().unwrap_or(""),
            l.city_id,
            city_name.get(&l.city_id).copied().unwrap_or(""),
            l.work_mode.id(),
            l.employment_type.id(),
            l.shift.id(),
            l.exp_min,
            l.exp_max,
            l.salary_min,
            l.salary_max,
            l.skills.join(";"),
            l.languages.join(";"),
            l.benefits.join(";"),
            l.openings,
            posted.to_string(),
            l.description,
            l.contact_name,
            l.contact_phone,
            l.contact_email,
            l.apply_url
        ])?;
    }
    Ok(())
}

/// Drops the catalogue rows the new catalogue no longer has.
fn delete_dropped(tx: &Transaction<'_>, cat: &Catalog) -> rusqlite::Result<()> {
    delete_missing(
        tx,
        "companies",
        "id",
        &cat.companies
            .iter()
            .map(|c| c.id.to_string())
            .collect::<Vec<_>>(),
    )?;
    delete_missing(
        tx,
        "cities",
        "id",
        &cat.cities
            .iter()
            .map(|c| c.id.to_string())
            .collect::<Vec<_>>(),
    )?;
    delete_missing(
        tx,
        "roles",
        "id",
        &cat.roles.iter().map(|r| r.id.clone()).collect::<Vec<_>>(),
    )?;
    delete_missing(
        tx,
        "skills",
        "name",
        &cat.skills
            .iter()
            .map(|s| s.name.clone())
            .collect::<Vec<_>>(),
    )?;
    delete_missing(
        tx,
        "categories",
        "id",
        &cat.categories
            .iter()
            .map(|c| c.id.clone())
            .collect::<Vec<_>>(),
    )?;
    delete_missing(
        tx,
        "sources",
        "id",
        &cat.sources.iter().map(|s| s.id.clone()).collect::<Vec<_>>(),
    )?;
    Ok(())
}
