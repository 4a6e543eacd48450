//! What a query compiles to and what it returns. The passes that run it
//! are in `exec`.
//!
//! A facet's counts are "what this value would give with the rest of the
//! query": a row that fails only facet F's selection still counts toward F.
//! So each row is checked against every active selection; a row failing
//! none is a hit and counts everywhere, a row failing exactly one counts for
//! that facet only, a row failing two or more is dropped early. The text
//! and the ranges (experience, salary, dates, distance) are not facets: a
//! row failing them counts nowhere.

use std::time::Duration;

use super::text::TextQuery;
use super::understand::{ExpBounds, ExpFilter, Filter, Interpretation};
use super::{Facet, Index, Query, Selection, Sort};
use std::collections::BTreeMap;

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
    pub(crate) fn new(ix: &Index) -> FacetCounts {
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

    /// Counts per value of a facet (empty before any search, or when the
    /// facet was not asked for).
    pub fn of(&self, f: Facet) -> &[u32] {
        self.counts.get(f.index()).map_or(&[], Vec::as_slice)
    }

    pub(crate) fn slot(&mut self, f: Facet) -> &mut Vec<u32> {
        &mut self.counts[f.index()]
    }

    pub(crate) fn add(&mut self, other: &FacetCounts) {
        for (a, b) in self.counts.iter_mut().zip(&other.counts) {
            for (x, y) in a.iter_mut().zip(b) {
                *x += y;
            }
        }
    }
}

/// What a query found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Results {
    /// Matching rows, in the query's order.
    pub hits: Vec<Hit>,
    pub facets: FacetCounts,
    pub elapsed: Duration,
    /// For a search that found nothing: a corrected text that finds
    /// something (set by [`super::Searcher`], see `Index::suggest`).
    pub suggestion: Option<String>,
    /// The order the hits are in (the query's, or the text's "latest").
    pub sort: super::Sort,
    /// Words of the text no listing has, left out of the search so the
    /// rest could find something ("sector 62").
    pub missing: Vec<String>,
}

impl Results {
    pub fn total(&self) -> usize {
        self.hits.len()
    }
}

/// One active facet selection, compiled to value tables.
pub(crate) struct Check {
    pub(crate) facet: Facet,
    multi: bool,
    include: Vec<bool>,
    exclude: Vec<bool>,
    any_include: bool,
    include_mask: u128,
    exclude_mask: u128,
}

impl Check {
    #[inline]
    pub(crate) fn passes(&self, ix: &Index, row: usize) -> bool {
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
pub(crate) struct Compiled {
    pub(crate) checks: Vec<Check>,
    pub(crate) text: TextQuery,
    pub(crate) sort: Sort,
    exp: ExpBounds,
    sal_min: Option<u32>,
    sal_max: Option<u32>,
    min_posted: Option<i32>,
    /// km from the home city per city value (`None`: unknown place).
    pub(crate) city_km: Option<Vec<Option<f64>>>,
    within_km: Option<f64>,
}

/// A query with what its text was read as added to its filters.
///
/// The rule for a filter set by hand and one read from the text: values of
/// the same facet add up (`--city Pune` and the word `mumbai`: either
/// city); a value both included and excluded is excluded; pay and
/// experience conditions all hold together.
pub(crate) struct Effective {
    pub(crate) facets: BTreeMap<Facet, Selection>,
    pub(crate) text: TextQuery,
    pub(crate) exp: ExpBounds,
    pub(crate) sal_min: Option<u32>,
    pub(crate) sal_max: Option<u32>,
    /// The order: the query's, or one the text asks for ("latest") when
    /// the query's is the default.
    pub(crate) sort: Sort,
}

impl Effective {
    pub(crate) fn new(q: &Query, interp: Option<&Interpretation>) -> Effective {
        let mut e = Effective {
            facets: q.facets.clone(),
            text: match interp {
                Some(i) => TextQuery::understood(i),
                None => TextQuery::parse(&q.text),
            },
            exp: q.experience_years.map(ExpBounds::years).unwrap_or_default(),
            sal_min: q.salary_at_least.map(|r| r.0),
            sal_max: q.salary_at_most.map(|r| r.0),
            sort: match (q.sort, interp.and_then(|i| i.sort.as_ref())) {
                (Sort::Relevance, Some((_, s))) => *s,
                (s, _) => s,
            },
        };
        for p in interp.map_or(&[][..], |i| i.parts.as_slice()) {
            match &p.filter {
                Filter::Facet { facet, keys, .. } => {
                    let sel = e.facets.entry(*facet).or_default();
                    for k in keys {
                        if p.negated {
                            sel.exclude.insert(k.clone());
                        } else {
                            sel.include.insert(k.clone());
                        }
                    }
                }
                Filter::Pay(pay) if !p.negated => {
                    let (lo, hi) = pay.bounds();
                    e.sal_min = e.sal_min.max(lo.map(|r| r.0));
                    e.sal_max = match (e.sal_max, hi.map(|r| r.0)) {
                        (Some(a), Some(b)) => Some(a.min(b)),
                        (a, b) => a.or(b),
                    };
                }
                Filter::Experience(x) if !p.negated => e.exp = e.exp.and(x.bounds()),
                // "not experienced": open to freshers
                Filter::Experience(ExpFilter::Experienced) => {
                    e.exp = e.exp.and(ExpFilter::Years(0).bounds());
                }
                Filter::Pay(_) | Filter::Experience(_) => {}
            }
        }
        e
    }
}

impl Compiled {
    pub(crate) fn new(ix: &Index, q: &Query) -> Compiled {
        let interp = (!q.literal).then(|| ix.interpret(&q.text));
        let eff = Effective::new(q, interp.as_ref());
        let checks = eff
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
            text: eff.text,
            sort: eff.sort,
            exp: eff.exp,
            sal_min: eff.sal_min,
            sal_max: eff.sal_max,
            min_posted: q
                .posted_within_days
                .map(|d| ix.today - i32::try_from(d).unwrap_or(i32::MAX / 2)),
            within_km: q.within_km.map(f64::from),
            city_km,
        }
    }

    /// The non-facet conditions: experience, salary, date, distance.
    #[inline]
    pub(crate) fn ranges_pass(&self, ix: &Index, row: usize) -> bool {
        if !self.exp.passes(ix.exp_min[row], ix.exp_max[row]) {
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
