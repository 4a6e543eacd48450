//! What a search asks for. Values are kept by their stable keys (category
//! id, city name, work-mode id, ...) rather than index positions, so a query
//! survives an index rebuild and can be saved.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::Facet;
use crate::money::Rupees;

/// The values of one facet a query includes (any of) and excludes (all of).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Selection {
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub include: BTreeSet<String>,
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub exclude: BTreeSet<String>,
}

impl Selection {
    pub fn is_empty(&self) -> bool {
        self.include.is_empty() && self.exclude.is_empty()
    }
}

pub use crate::catalog::Sort;

/// A search: free text, facet selections, ranges and an order.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Query {
    #[serde(default)]
    pub text: String,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub facets: BTreeMap<Facet, Selection>,
    /// Years of experience the user has: listings whose range includes it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub experience_years: Option<u8>,
    /// Listings that can pay at least this much a month.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub salary_at_least: Option<Rupees>,
    /// Listings that start at or below this much a month.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub salary_at_most: Option<Rupees>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub posted_within_days: Option<u32>,
    /// City name distances are measured from (sort by distance, `within_km`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub home_city: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub within_km: Option<u32>,
    #[serde(default)]
    pub sort: Sort,
    /// Match the words as typed: no query understanding (`--literal`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub literal: bool,
}

impl Query {
    pub fn text(text: &str) -> Query {
        Query {
            text: text.to_string(),
            ..Query::default()
        }
    }

    pub fn selection(&self, f: Facet) -> Option<&Selection> {
        self.facets.get(&f)
    }

    pub fn include(&mut self, f: Facet, key: &str) -> &mut Self {
        let sel = self.facets.entry(f).or_default();
        sel.exclude.remove(key);
        sel.include.insert(key.to_string());
        self
    }

    pub fn exclude(&mut self, f: Facet, key: &str) -> &mut Self {
        let sel = self.facets.entry(f).or_default();
        sel.include.remove(key);
        sel.exclude.insert(key.to_string());
        self
    }

    /// Include ↔ off for a value (what Space does in the sidebar).
    pub fn toggle_include(&mut self, f: Facet, key: &str) {
        let sel = self.facets.entry(f).or_default();
        if !sel.include.remove(key) {
            sel.exclude.remove(key);
            sel.include.insert(key.to_string());
        }
        self.prune();
    }

    /// Exclude ↔ off for a value (what `x` does in the sidebar).
    pub fn toggle_exclude(&mut self, f: Facet, key: &str) {
        let sel = self.facets.entry(f).or_default();
        if !sel.exclude.remove(key) {
            sel.include.remove(key);
            sel.exclude.insert(key.to_string());
        }
        self.prune();
    }

    fn prune(&mut self) {
        self.facets.retain(|_, s| !s.is_empty());
    }

    /// Drops every filter but keeps the text, sort and home city.
    pub fn clear_filters(&mut self) {
        self.facets.clear();
        self.experience_years = None;
        self.salary_at_least = None;
        self.salary_at_most = None;
        self.posted_within_days = None;
        self.within_km = None;
    }

    /// Number of active filters (each included or excluded value counts).
    pub fn filter_count(&self) -> usize {
        self.facets
            .values()
            .map(|s| s.include.len() + s.exclude.len())
            .sum::<usize>()
            + usize::from(self.experience_years.is_some())
            + usize::from(self.salary_at_least.is_some())
            + usize::from(self.salary_at_most.is_some())
            + usize::from(self.posted_within_days.is_some())
            + usize::from(self.within_km.is_some())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toggles_cycle_between_include_exclude_and_off() {
        let mut q = Query::default();
        q.toggle_include(Facet::City, "Pune");
        assert!(
            q.selection(Facet::City)
                .is_some_and(|s| s.include.contains("Pune"))
        );
        q.toggle_exclude(Facet::City, "Pune");
        let s = q.selection(Facet::City).expect("selection");
        assert!(s.exclude.contains("Pune") && s.include.is_empty());
        q.toggle_exclude(Facet::City, "Pune");
        assert!(q.selection(Facet::City).is_none());
        assert_eq!(q.filter_count(), 0);
    }

    #[test]
    fn sort_cycles_and_parses() {
        assert_eq!(Sort::Relevance.next(), Sort::Fit);
        assert_eq!(Sort::Fit.next(), Sort::Salary);
        assert_eq!(
            Sort::parse("best fit"),
            Err(crate::catalog::UnknownValue::new(
                "sort",
                "best fit",
                Sort::ALL.iter().map(|v| v.id().to_string()).collect()
            ))
        );
        assert_eq!(Sort::parse("best-fit"), Ok(Sort::Fit));
        assert_eq!(Sort::Distance.next(), Sort::Relevance);
        assert_eq!(Sort::parse("newest"), Ok(Sort::Date));
        assert!(Sort::parse("random").is_err());
    }

    #[test]
    fn query_round_trips_through_json() {
        let mut q = Query::text("payroll");
        q.include(Facet::City, "Pune")
            .exclude(Facet::Industry, "bpo");
        q.salary_at_least = Some(Rupees(20_000));
        let json = serde_json::to_string(&q).expect("json");
        let back: Query = serde_json::from_str(&json).expect("parse");
        assert_eq!(back, q);
    }
}
