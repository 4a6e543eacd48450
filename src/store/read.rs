//! Typed reads. Every statement is parameterised.

use std::collections::HashMap;

use rusqlite::{Row, params};
use serde::Serialize;

use super::{Result, Store};
use crate::catalog::{
    Band, Category, City, Company, FigurePeriod, Listing, ListingFacts, MarketFigure, Role, Skill,
    Source,
};
use crate::money::Rupees;

/// Row counts, for `backdesk db stats`.
#[derive(Debug, Clone, Serialize)]
pub struct Stats {
    pub path: String,
    pub schema_version: i64,
    pub catalog_seeded_on: Option<String>,
    /// The database file and its write-ahead log together.
    pub size_bytes: u64,
    /// Of which the write-ahead log (`-wal`).
    pub wal_bytes: u64,
    pub tables: Vec<TableCount>,
    pub listings_by_source: Vec<TableCount>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TableCount {
    pub name: String,
    pub rows: i64,
}

fn from_json<T: serde::de::DeserializeOwned + Default>(s: &str) -> T {
    serde_json::from_str(s).unwrap_or_default()
}

fn split_semi(s: &str) -> Vec<String> {
    s.split(';')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(String::from)
        .collect()
}

fn parse_enum<T: std::str::FromStr>(s: &str, fallback: T) -> T {
    s.parse().unwrap_or(fallback)
}

/// A stored vocabulary value: its exact id, else anything `FromStr` takes.
macro_rules! stored {
    ($t:ty, $s:expr, $fallback:expr) => {{
        let s: &str = $s;
        <$t>::from_id(s).unwrap_or_else(|| parse_enum(s, $fallback))
    }};
}

const LISTING_COLUMNS: &str = "l.id, l.title, l.role_id, r.title, r.category_id, l.company,
    co.kind, co.industry, l.location, ci.state, l.work_mode, l.employment_type, l.shift,
    l.exp_min, l.exp_max, l.salary_min, l.salary_max, l.currency, l.skills, l.languages,
    l.benefits, l.openings, l.posted, l.valid_through, l.description, l.contact_name,
    l.contact_phone, l.contact_email, l.apply_url, l.source";

const LISTING_JOINS: &str = "FROM listings l
    LEFT JOIN roles r ON r.id = l.role_id
    LEFT JOIN companies co ON co.id = l.company_id
    LEFT JOIN cities ci ON ci.id = l.city_id";

fn listing_from_row(row: &Row<'_>) -> rusqlite::Result<Listing> {
    use crate::catalog::{EmploymentType, Shift, WorkMode};
    let kind: Option<String> = row.get(6)?;
    let industry: Option<String> = row.get(7)?;
    let posted: String = row.get(22)?;
    let valid: Option<String> = row.get(23)?;
    let rupees = |v: Option<i64>| v.and_then(|n| u32::try_from(n).ok()).map(Rupees);
    Ok(Listing {
        id: row.get(0)?,
        title: row.get(1)?,
        role_id: row.get(2)?,
        role: row.get(3)?,
        category_id: row.get(4)?,
        company: row.get(5)?,
        company_type: kind.and_then(|k| k.parse().ok()),
        industry: industry.and_then(|k| k.parse().ok()),
        city: row.get(8)?,
        state: row.get(9)?,
        work_mode: parse_enum(&row.get::<_, String>(10)?, WorkMode::Office),
        employment_type: parse_enum(&row.get::<_, String>(11)?, EmploymentType::FullTime),
        shift: parse_enum(&row.get::<_, String>(12)?, Shift::Day),
        experience_min: row.get::<_, i64>(13)?.clamp(0, 60) as u8,
        experience_max: row.get::<_, i64>(14)?.clamp(0, 60) as u8,
        salary_min: rupees(row.get(15)?),
        salary_max: rupees(row.get(16)?),
        currency: row.get(17)?,
        skills: split_semi(&row.get::<_, String>(18)?),
        languages: split_semi(&row.get::<_, String>(19)?),
        benefits: split_semi(&row.get::<_, String>(20)?),
        openings: row.get::<_, i64>(21)?.clamp(0, u32::MAX as i64) as u32,
        posted: posted.parse().unwrap_or(jiff::civil::date(1970, 1, 1)),
        valid_through: valid.and_then(|v| v.parse().ok()),
        description: row.get(24)?,
        contact_name: row.get(25)?,
        contact_phone: row.get(26)?,
        contact_email: row.get(27)?,
        apply_url: row.get(28)?,
        source: row.get(29)?,
    })
}

impl Store {
    pub fn sources(&self) -> Result<Vec<Source>> {
        let mut st = self
            .conn()
            .prepare("SELECT id, seed, title, publisher, published, gives FROM sources ORDER BY id")
            .map_err(|e| self.err(e))?;
        st.query_map([], |r| {
            Ok(Source {
                id: r.get(0)?,
                seed: r.get(1)?,
                title: r.get(2)?,
                publisher: r.get(3)?,
                published: r.get(4)?,
                gives: r.get(5)?,
            })
        })
        .and_then(|rows| rows.collect())
        .map_err(|e| self.err(e))
    }

    pub fn categories(&self) -> Result<Vec<Category>> {
        let mut st = self
            .conn()
            .prepare("SELECT id, name, summary, sources FROM categories ORDER BY position")
            .map_err(|e| self.err(e))?;
        st.query_map([], |r| {
            Ok(Category {
                id: r.get(0)?,
                name: r.get(1)?,
                summary: r.get(2)?,
                sources: from_json(&r.get::<_, String>(3)?),
            })
        })
        .and_then(|rows| rows.collect())
        .map_err(|e| self.err(e))
    }

    pub fn skills(&self) -> Result<Vec<Skill>> {
        let mut st = self
            .conn()
            .prepare("SELECT name, kind, aliases FROM skills ORDER BY position")
            .map_err(|e| self.err(e))?;
        st.query_map([], |r| {
            let kind: String = r.get(1)?;
            Ok(Skill {
                name: r.get(0)?,
                kind: serde_json::from_value(serde_json::Value::String(kind))
                    .unwrap_or(crate::catalog::SkillKind::Skill),
                aliases: from_json(&r.get::<_, String>(2)?),
            })
        })
        .and_then(|rows| rows.collect())
        .map_err(|e| self.err(e))
    }

    /// Each role's pay bands, by role id (unknown levels left out).
    fn role_bands(&self) -> Result<HashMap<String, Vec<Band>>> {
        let conn = self.conn();
        let mut bands: HashMap<String, Vec<Band>> = HashMap::new();
        let mut st = conn
            .prepare("SELECT role_id, level, min, max FROM role_bands")
            .map_err(|e| self.err(e))?;
        let rows = st
            .query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, i64>(2)?,
                    r.get::<_, i64>(3)?,
                ))
            })
            .map_err(|e| self.err(e))?;
        for row in rows {
            let (role, level, min, max) = row.map_err(|e| self.err(e))?;
            if let Ok(level) = level.parse() {
                bands.entry(role).or_default().push(Band {
                    level,
                    min: Rupees(min.clamp(0, u32::MAX as i64) as u32),
                    max: Rupees(max.clamp(0, u32::MAX as i64) as u32),
                });
            }
        }
        Ok(bands)
    }

    /// The roles each role leads to, by role id, in catalogue order.
    fn role_paths(&self) -> Result<HashMap<String, Vec<String>>> {
        let conn = self.conn();
        let mut paths: HashMap<String, Vec<String>> = HashMap::new();
        let mut st = conn
            .prepare(
                "SELECT p.from_role, p.to_role FROM role_paths p
                 JOIN roles r ON r.id = p.to_role ORDER BY r.position",
            )
            .map_err(|e| self.err(e))?;
        let rows = st
            .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))
            .map_err(|e| self.err(e))?;
        for row in rows {
            let (from, to) = row.map_err(|e| self.err(e))?;
            paths.entry(from).or_default().push(to);
        }
        Ok(paths)
    }

    /// Every role with its bands and the roles it leads to, in catalogue order.
    pub fn roles(&self) -> Result<Vec<Role>> {
        let conn = self.conn();
        let mut bands = self.role_bands()?;
        let mut paths = self.role_paths()?;
        let mut st = conn
            .prepare(
                "SELECT id, title, title_hi, category_id, summary, responsibilities, skills,
                   qualifications, industries, named_in, title_variants, demand, remote_share,
                   night_shift_share
                 FROM roles ORDER BY position",
            )
            .map_err(|e| self.err(e))?;
        let rows = st
            .query_map([], |r| {
                let id: String = r.get(0)?;
                Ok(Role {
                    title: r.get(1)?,
                    title_hi: r.get(2)?,
                    category: r.get(3)?,
                    summary: r.get(4)?,
                    responsibilities: from_json(&r.get::<_, String>(5)?),
                    skills: from_json(&r.get::<_, String>(6)?),
                    qualifications: from_json(&r.get::<_, String>(7)?),
                    industries: from_json(&r.get::<_, String>(8)?),
                    named_in: from_json(&r.get::<_, String>(9)?),
                    title_variants: from_json(&r.get::<_, String>(10)?),
                    demand: r.get::<_, i64>(11)?.clamp(0, 10) as u8,
                    remote_share: r.get(12)?,
                    night_shift_share: r.get(13)?,
                    leads_to: Vec::new(),
                    bands: Vec::new(),
                    id,
                })
            })
            .map_err(|e| self.err(e))?;
        let mut out = Vec::new();
        for row in rows {
            let mut role = row.map_err(|e| self.err(e))?;
            let mut b = bands.remove(&role.id).unwrap_or_default();
            b.sort_by_key(|b| b.level);
            role.bands = b;
            role.leads_to = paths.remove(&role.id).unwrap_or_default();
            out.push(role);
        }
        Ok(out)
    }

    /// The market-wide figures, each with its source article.
    pub fn market_figures(&self) -> Result<Vec<MarketFigure>> {
        let mut st = self
            .conn()
            .prepare(
                "SELECT source_id, label, experience, period, min, max, open_ended, published,
                   note FROM market_figures ORDER BY id",
            )
            .map_err(|e| self.err(e))?;
        st.query_map([], |r| {
            let period: String = r.get(3)?;
            Ok(MarketFigure {
                source: r.get(0)?,
                label: r.get(1)?,
                experience: r.get(2)?,
                period: if period == "year" {
                    FigurePeriod::Year
                } else {
                    FigurePeriod::Month
                },
                min: r.get::<_, i64>(4)?.max(0) as u64,
                max: r.get::<_, i64>(5)?.max(0) as u64,
                open_ended: r.get(6)?,
                published: r.get(7)?,
                note: r.get(8)?,
            })
        })
        .and_then(|rows| rows.collect())
        .map_err(|e| self.err(e))
    }

    pub fn cities(&self) -> Result<Vec<City>> {
        let mut st = self
            .conn()
            .prepare(
                "SELECT id, name, state, state_code, tier, lat, lon, language, aliases
                 FROM cities ORDER BY id",
            )
            .map_err(|e| self.err(e))?;
        st.query_map([], |r| {
            Ok(City {
                id: r.get(0)?,
                name: r.get(1)?,
                state: r.get(2)?,
                state_code: r.get(3)?,
                tier: r.get(4)?,
                lat: r.get(5)?,
                lon: r.get(6)?,
                language: r.get(7)?,
                aliases: from_json(&r.get::<_, String>(8)?),
            })
        })
        .and_then(|rows| rows.collect())
        .map_err(|e| self.err(e))
    }

    pub fn companies(&self) -> Result<Vec<Company>> {
        let mut st = self
            .conn()
            .prepare(
                "SELECT id, name, industry, kind, hq_city, size, blurb FROM companies ORDER BY id",
            )
            .map_err(|e| self.err(e))?;
        let rows = st
            .query_map([], |r| {
                Ok((
                    r.get::<_, u32>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, String>(4)?,
                    r.get::<_, String>(5)?,
                    r.get::<_, String>(6)?,
                ))
            })
            .map_err(|e| self.err(e))?;
        let mut out = Vec::new();
        for row in rows {
            let (id, name, industry, kind, hq_city, size, blurb) = row.map_err(|e| self.err(e))?;
            let (Ok(industry), Ok(kind)) = (industry.parse(), kind.parse()) else {
                continue;
            };
            out.push(Company {
                id,
                name,
                industry,
                kind,
                hq_city,
                size,
                blurb,
            });
        }
        Ok(out)
    }

    /// One listing, everything about it.
    pub fn listing(&self, id: i64) -> Result<Option<Listing>> {
        let sql = format!("SELECT {LISTING_COLUMNS} {LISTING_JOINS} WHERE l.id = ?1");
        let mut st = self.conn().prepare_cached(&sql).map_err(|e| self.err(e))?;
        let mut rows = st
            .query_map(params![id], listing_from_row)
            .map_err(|e| self.err(e))?;
        rows.next().transpose().map_err(|e| self.err(e))
    }

    /// Listings by id, in the order asked (ids that do not exist are skipped).
    pub fn listings(&self, ids: &[i64]) -> Result<Vec<Listing>> {
        let mut out = Vec::with_capacity(ids.len());
        for batch in self.listings_batched(ids, 500) {
            out.extend(batch?);
        }
        Ok(out)
    }

    /// Listings by id in batches (in the order asked; missing ids skipped):
    /// one query per batch instead of one per listing, for long exports.
    pub fn listings_batched<'a>(
        &'a self,
        ids: &'a [i64],
        batch: usize,
    ) -> impl Iterator<Item = Result<Vec<Listing>>> + 'a {
        ids.chunks(batch.max(1)).map(move |chunk| {
            let marks = vec!["?"; chunk.len()].join(", ");
            let sql = format!("SELECT {LISTING_COLUMNS} {LISTING_JOINS} WHERE l.id IN ({marks})");
            let mut st = self.conn().prepare_cached(&sql).map_err(|e| self.err(e))?;
            let mut found: std::collections::HashMap<i64, Listing> = st
                .query_map(rusqlite::params_from_iter(chunk.iter()), listing_from_row)
                .and_then(|rows| rows.map(|r| r.map(|l| (l.id, l))).collect())
                .map_err(|e| self.err(e))?;
            Ok(chunk.iter().filter_map(|id| found.remove(id)).collect())
        })
    }

    pub fn listing_count(&self) -> Result<i64> {
        self.conn()
            .query_row("SELECT count(*) FROM listings", [], |r| r.get(0))
            .map_err(|e| self.err(e))
    }

    /// Calls `f` with the searchable and filterable facts of every listing,
    /// in id order, without allocating per row. Salaries in the facts are
    /// rupees only; listings paid in another currency come back, with
    /// their pay as shown (`EUR 4,160–5,200 a month`), from the same scan.
    pub fn for_each_listing_facts(
        &self,
        mut f: impl FnMut(&ListingFacts<'_>),
    ) -> Result<Vec<(i64, String)>> {
        use crate::catalog::{EmploymentType, Shift, WorkMode};
        let mut st = self
            .conn()
            .prepare(
                "SELECT id, title, role_id, company, company_id, location, city_id, work_mode,
                   employment_type, shift, exp_min, exp_max,
                   salary_min, salary_max, skills, languages, posted, source, currency,
                   description
                 FROM listings ORDER BY id",
            )
            .map_err(|e| self.err(e))?;
        let mut rows = st.query([]).map_err(|e| self.err(e))?;
        let mut foreign = Vec::new();
        while let Some(row) = rows.next().map_err(|e| self.err(e))? {
            let get_str = |i: usize| -> rusqlite::Result<&str> {
                row.get_ref(i)?
                    .as_str_or_null()
                    .map(|s| s.unwrap_or(""))
                    .map_err(rusqlite::Error::from)
            };
            let mut read = || -> rusqlite::Result<()> {
                let posted = get_str(16)?;
                let role = get_str(2)?;
                let amount = |i: usize| -> rusqlite::Result<Option<u32>> {
                    Ok(row
                        .get::<_, Option<i64>>(i)?
                        .and_then(|n| u32::try_from(n).ok()))
                };
                let (lo, hi) = (amount(12)?, amount(13)?);
                let currency = get_str(18)?;
                let rupees = currency == "INR";
                if !rupees && (lo.is_some() || hi.is_some()) {
                    foreign.push((row.get(0)?, crate::money::format_foreign(currency, lo, hi)));
                }
                let facts = ListingFacts {
                    id: row.get(0)?,
                    title: get_str(1)?,
                    role_id: (!role.is_empty()).then_some(role),
                    company: get_str(3)?,
                    company_id: row.get(4)?,
                    company_type: None,
                    industry: None,
                    city: get_str(5)?,
                    city_id: row.get(6)?,
                    work_mode: stored!(WorkMode, get_str(7)?, WorkMode::Office),
                    employment_type: stored!(EmploymentType, get_str(8)?, EmploymentType::FullTime),
                    shift: stored!(Shift, get_str(9)?, Shift::Day),
                    experience_min: row.get::<_, i64>(10)?.clamp(0, 60) as u8,
                    experience_max: row.get::<_, i64>(11)?.clamp(0, 60) as u8,
                    salary_min: lo.filter(|_| rupees),
                    salary_max: hi.filter(|_| rupees),
                    skills: get_str(14)?,
                    languages: get_str(15)?,
                    posted: posted.parse().unwrap_or(jiff::civil::date(1970, 1, 1)),
                    source: get_str(17)?,
                    description: get_str(19)?,
                };
                f(&facts);
                Ok(())
            };
            read().map_err(|e| self.err(e))?;
        }
        Ok(foreign)
    }

    /// Row counts of every table and listings per source.
    pub fn stats(&self) -> Result<Stats> {
        let conn = self.conn();
        let tables: Vec<String> = {
            let mut st = conn
                .prepare(
                    "SELECT name FROM sqlite_master WHERE type = 'table'
                     AND name NOT LIKE 'sqlite_%' ORDER BY name",
                )
                .map_err(|e| self.err(e))?;
            st.query_map([], |r| r.get(0))
                .and_then(|rows| rows.collect())
                .map_err(|e| self.err(e))?
        };
        let mut counts = Vec::new();
        for t in tables {
            // table names come from sqlite_master, not from a user
            let rows: i64 = conn
                .query_row(&format!("SELECT count(*) FROM \"{t}\""), [], |r| r.get(0))
                .map_err(|e| self.err(e))?;
            counts.push(TableCount { name: t, rows });
        }
        let by_source = {
            let mut st = conn
                .prepare("SELECT source, count(*) FROM listings GROUP BY source ORDER BY source")
                .map_err(|e| self.err(e))?;
            st.query_map([], |r| {
                Ok(TableCount {
                    name: r.get(0)?,
                    rows: r.get(1)?,
                })
            })
            .and_then(|rows| rows.collect())
            .map_err(|e| self.err(e))?
        };
        let version: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(|e| self.err(e))?;
        let seeded: Option<String> = conn
            .query_row(
                "SELECT value FROM meta WHERE key = 'catalog_seeded_on'",
                [],
                |r| r.get(0),
            )
            .ok();
        // in WAL mode recent changes live in the -wal file until a checkpoint
        let size = |p: &std::path::Path| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0);
        let mut wal = self.path().as_os_str().to_owned();
        wal.push("-wal");
        let wal_bytes = size(std::path::Path::new(&wal));
        let size_bytes = size(self.path()) + wal_bytes;
        Ok(Stats {
            wal_bytes,
            path: self.path().display().to_string(),
            schema_version: version,
            catalog_seeded_on: seeded,
            size_bytes,
            tables: counts,
            listings_by_source: by_source,
        })
    }
}
