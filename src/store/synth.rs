//! Synthetic listings for benchmarks: `backdesk db synth`.

use std::time::{Duration, Instant};

use rusqlite::params;

use super::{Result, Store};
use crate::catalog::Catalog;
use crate::catalog::generate::Generator;

/// What a synthesis did.
#[derive(Debug, Clone, PartialEq)]
pub struct SynthReport {
    pub listings: usize,
    pub first_id: i64,
    pub took: Duration,
}

/// Rows per transaction: keeps the WAL small while millions go in.
const BATCH: usize = 50_000;

impl Store {
    /// Adds `n` deterministic synthetic listings (source `synth`), drawn
    /// from the embedded catalogue's roles, companies and cities, dated in
    /// the weeks before today. `progress` is told the count after each batch.
    pub fn synth(
        &mut self,
        n: usize,
        seed: u64,
        mut progress: impl FnMut(usize),
    ) -> Result<SynthReport> {
        let start = Instant::now();
        let cat = Catalog::embedded_without_listings()?;
        let path = self.path().display().to_string();
        let err = super::sqlite_err(&path);
        let first_id = super::write::next_listing_id(self.conn()).map_err(&err)?;
        let today = jiff::Zoned::now().date();
        let mut g = Generator::synthetic(&cat, seed, today, first_id);
        let city_name: std::collections::HashMap<u32, &str> =
            cat.cities.iter().map(|c| (c.id, c.name.as_str())).collect();
        let company_name: std::collections::HashMap<u32, &str> = cat
            .companies
            .iter()
            .map(|c| (c.id, c.name.as_str()))
            .collect();
        let mut done = 0;
        while done < n {
            let batch = BATCH.min(n - done);
            self.write(|tx| {
                let mut st = tx
                    .prepare_cached(
                        "INSERT INTO listings(id, source, title, role_id, company_id, company,
                           city_id, location, work_mode, employment_type, shift, exp_min, exp_max,
                           salary_min, salary_max, skills, languages, benefits, openings, posted,
                           description, contact_name, contact_phone, contact_email, apply_url)
                         VALUES (?1, 'synth', ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,
                           ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24)",
                    )
                    .map_err(&err)?;
                for _ in 0..batch {
                    let l = g.next_listing();
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
                        l.posted.to_string(),
                        l.description,
                        l.contact_name,
                        l.contact_phone,
                        l.contact_email,
                        l.apply_url
                    ])
                    .map_err(&err)?;
                }
                super::write::set_listing_high(tx, first_id + (done + batch) as i64 - 1)
                    .map_err(&err)?;
                Ok(())
            })?;
            done += batch;
            progress(done);
        }
        self.conn()
            .execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")
            .map_err(&err)?;
        Ok(SynthReport {
            listings: n,
            first_id,
            took: start.elapsed(),
        })
    }
}
