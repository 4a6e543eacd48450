//! Running a query over the index in one pass: filters, facet counts and
//! the text test together, then ranking of the rows that passed.
//!
//! A facet's counts are "what this value would give with the rest of the
//! query": a row that fails only facet F's selection still counts toward F.
//! So each row is checked against every active selection; a row failing
//! none is a hit and counts everywhere, a row failing exactly one counts for
//! that facet only, a row failing two or more is dropped early. The text
//! and the ranges (experience, salary, dates, distance) are not facets: a
//! row failing them counts nowhere.

use std::time::{Duration, Instant};

use super::text::{Scorer, TextQuery};
use super::{Facet, Index, Query, Sort};

/// A matching listing: its row in the index and its text score.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub row: u32,
    pub score: i64,
}

/// How many results each facet value would give.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FacetCounts {
    counts: Vec<Vec<u32>>,
}

impl FacetCounts {
    fn new(ix: &Index) -> FacetCounts {
        FacetCounts {
            counts: Facet::ALL
                .iter()
                .map(|&f| vec![0; ix.value_count(f)])
                .collect(),
        }
    }

    pub fn get(&self, f: Facet, value: usize) -> u32 {
        self.of(f).get(value).copied().unwrap_or(0)
    }

    /// Counts per value of a facet (empty before any search).
    pub fn of(&self, f: Facet) -> &[u32] {
        self.counts.get(f.index()).map_or(&[], Vec::as_slice)
    }
}

/// What a query found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Results {
    /// Matching rows, in the query's order.
    pub hits: Vec<Hit>,
    pub facets: FacetCounts,
    pub elapsed: Duration,
}

impl Results {
    pub fn total(&self) -> usize {
        self.hits.len()
    }
}

/// One active facet selection, compiled to value tables.
struct Check {
    facet: Facet,
    multi: bool,
    include: Vec<bool>,
    exclude: Vec<bool>,
    any_include: bool,
    include_mask: u128,
    exclude_mask: u128,
}

impl Check {
    #[inline]
    fn passes(&self, ix: &Index, row: usize) -> bool {
        if self.multi {
            let m = ix.many(self.facet, row);
            (!self.any_include || m & self.include_mask != 0) && m & self.exclude_mask == 0
        } else {
            match ix.one(self.facet, row) {
                Some(v) => (!self.any_include || self.include[v]) && !self.exclude[v],
                None => !self.any_include,
            }
        }
    }
}

/// A query resolved against one index.
struct Compiled {
    checks: Vec<Check>,
    text: TextQuery,
    exp: Option<u8>,
    sal_min: Option<u32>,
    sal_max: Option<u32>,
    min_posted: Option<i32>,
    /// km from the home city per city value (`None`: unknown place).
    city_km: Option<Vec<Option<f64>>>,
    within_km: Option<f64>,
}

impl Compiled {
    fn new(ix: &Index, q: &Query) -> Compiled {
        let checks = q
            .facets
            .iter()
            .filter(|(_, s)| !s.is_empty())
            .map(|(&f, sel)| {
                let n = ix.value_count(f);
                let mut include = vec![false; n];
                let mut exclude = vec![false; n];
                let (mut include_mask, mut exclude_mask) = (0u128, 0u128);
                let mut any_include = false;
                for key in &sel.include {
                    any_include = true; // an unknown key still restricts (to nothing)
                    if let Some(v) = ix.value_of_key(f, key) {
                        include[v] = true;
                        if v < 128 {
                            include_mask |= 1 << v;
                        }
                    }
                }
                for key in &sel.exclude {
                    if let Some(v) = ix.value_of_key(f, key) {
                        exclude[v] = true;
                        if v < 128 {
                            exclude_mask |= 1 << v;
                        }
                    }
                }
                Check {
                    facet: f,
                    multi: f.is_multi(),
                    include,
                    exclude,
                    any_include,
                    include_mask,
                    exclude_mask,
                }
            })
            .collect();
        let home = q.home_city.as_deref().and_then(|h| ix.catalog_city(h));
        let city_km = home.map(|h| {
            (0..ix.city_count())
                .map(|c| {
                    ix.city_coords(c as u32)
                        .map(|(lat, lon)| crate::catalog::haversine_km(h.lat, h.lon, lat, lon))
                })
                .collect()
        });
        Compiled {
            checks,
            text: TextQuery::parse(&q.text),
            exp: q.experience_years,
            sal_min: q.salary_at_least.map(|r| r.0),
            sal_max: q.salary_at_most.map(|r| r.0),
            min_posted: q
                .posted_within_days
                .map(|d| ix.today - i32::try_from(d).unwrap_or(i32::MAX / 2)),
            within_km: q.within_km.map(f64::from),
            city_km,
        }
    }

    /// The non-facet conditions: experience, salary, date, distance.
    #[inline]
    fn ranges_pass(&self, ix: &Index, row: usize) -> bool {
        if let Some(y) = self.exp
            && !(ix.exp_min[row] <= y && y <= ix.exp_max[row])
        {
            return false;
        }
        if let Some(m) = self.sal_min {
            let top = ix.sal_max[row];
            if top == u32::MAX || top < m {
                return false;
            }
        }
        if let Some(m) = self.sal_max {
            let bottom = ix.sal_min[row];
            if bottom == u32::MAX || bottom > m {
                return false;
            }
        }
        if let Some(p) = self.min_posted
            && ix.posted[row] < p
        {
            return false;
        }
        if let (Some(km), Some(table)) = (self.within_km, &self.city_km) {
            match table[ix.city[row] as usize] {
                Some(d) if d <= km => {}
                _ => return false,
            }
        }
        true
    }
}

fn count_row(ix: &Index, row: usize, only: Option<Facet>, counts: &mut FacetCounts) {
    let mut count = |f: Facet| {
        if f.is_multi() {
            let mut m = ix.many(f, row);
            let c = &mut counts.counts[f.index()];
            while m != 0 {
                let b = m.trailing_zeros() as usize;
                if let Some(x) = c.get_mut(b) {
                    *x += 1;
                }
                m &= m - 1;
            }
        } else if let Some(v) = ix.one(f, row)
            && let Some(x) = counts.counts[f.index()].get_mut(v)
        {
            *x += 1;
        }
    };
    match only {
        Some(f) => count(f),
        None => Facet::ALL.iter().for_each(|&f| count(f)),
    }
}

impl Index {
    /// Runs a query: every matching row, ranked, with facet counts.
    pub fn search(&self, q: &Query) -> Results {
        let start = Instant::now();
        let cq = Compiled::new(self, q);
        let mut counts = FacetCounts::new(self);
        let mut rows: Vec<u32> = Vec::new();
        self.scan(&cq, 0..self.len(), &mut rows, &mut counts);
        let hits = self.rank(&cq, q, rows);
        Results {
            hits,
            facets: counts,
            elapsed: start.elapsed(),
        }
    }

    fn scan(
        &self,
        cq: &Compiled,
        rows: impl Iterator<Item = usize>,
        out: &mut Vec<u32>,
        counts: &mut FacetCounts,
    ) {
        for row in rows {
            if !cq.ranges_pass(self, row) {
                continue;
            }
            let mut failed: Option<Facet> = None;
            let mut dropped = false;
            for c in &cq.checks {
                if !c.passes(self, row) {
                    if failed.is_some() {
                        dropped = true;
                        break;
                    }
                    failed = Some(c.facet);
                }
            }
            if dropped {
                continue;
            }
            if !cq.text.is_empty() && !cq.text.matches(self.hay(row)) {
                continue;
            }
            match failed {
                None => {
                    out.push(row as u32);
                    count_row(self, row, None, counts);
                }
                Some(f) => count_row(self, row, Some(f), counts),
            }
        }
    }

    fn rank(&self, cq: &Compiled, q: &Query, rows: Vec<u32>) -> Vec<Hit> {
        let scorer = Scorer::default();
        let mut hits: Vec<Hit> = rows
            .into_iter()
            .map(|row| Hit {
                row,
                score: if cq.text.is_empty() {
                    0
                } else {
                    scorer.score(&cq.text, self.hay(row as usize)).unwrap_or(0)
                },
            })
            .collect();
        let newest = |a: &Hit, b: &Hit| {
            self.posted[b.row as usize]
                .cmp(&self.posted[a.row as usize])
                .then(self.ids[a.row as usize].cmp(&self.ids[b.row as usize]))
        };
        match q.sort {
            Sort::Relevance => {
                hits.sort_unstable_by(|a, b| b.score.cmp(&a.score).then(newest(a, b)))
            }
            Sort::Date => hits.sort_unstable_by(newest),
            Sort::Salary => hits.sort_unstable_by(|a, b| {
                let key = |h: &Hit| {
                    let v = self.sal_max[h.row as usize];
                    if v == u32::MAX { 0 } else { v }
                };
                key(b)
                    .cmp(&key(a))
                    .then(b.score.cmp(&a.score))
                    .then(newest(a, b))
            }),
            Sort::Distance => {
                let km = |h: &Hit| {
                    cq.city_km
                        .as_ref()
                        .and_then(|t| t[self.city[h.row as usize] as usize])
                        .unwrap_or(f64::INFINITY)
                };
                hits.sort_unstable_by(|a, b| {
                    km(a)
                        .total_cmp(&km(b))
                        .then(b.score.cmp(&a.score))
                        .then(newest(a, b))
                })
            }
        }
        hits
    }

    /// Character positions to highlight in a shown field of a row.
    pub fn highlight(&self, text: &str, field: &str) -> Vec<usize> {
        let q = TextQuery::parse(text);
        if q.is_empty() {
            return Vec::new();
        }
        Scorer::default().highlight(&q, field)
    }
}
