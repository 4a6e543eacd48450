//! Saved searches with what is new to them: the use-case behind the app's
//! saved-searches overlay and `backdesk saved`, one rule for both.

use crate::search::{FacetSet, Index, Query};
use crate::store::{Result, Store};

/// A saved search with its counts now.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct SavedCount {
    pub name: String,
    pub query: Query,
    /// Listings it finds now.
    pub results: usize,
    /// Of those, listings added since it was last opened.
    pub new: usize,
    pub opened_at: Option<String>,
}

/// The saved searches counted as opening them would run them: from the
/// profile's `home_city` (a catalogue city), which a saved search does not
/// keep, so that "within 25 km" counts what opening it shows.
pub fn saved_counts(
    store: &Store,
    index: &Index,
    home_city: Option<&str>,
) -> Result<Vec<SavedCount>> {
    Ok(store
        .saved_searches()?
        .into_iter()
        .map(|s| {
            let mut query = s.query;
            query.home_city = home_city.map(str::to_string);
            let r = index.search_with(&query, FacetSet::NONE);
            let new = r
                .hits
                .iter()
                .filter(|h| index.id(h.row as usize) > s.seen_max_id)
                .count();
            query.home_city = None;
            SavedCount {
                name: s.name,
                query,
                results: r.total(),
                new,
                opened_at: s.opened_at,
            }
        })
        .collect())
}

/// A short description of a query: its text and filters.
pub fn describe(q: &Query) -> String {
    let mut parts = Vec::new();
    if !q.text.is_empty() {
        parts.push(format!("\"{}\"", q.text));
    }
    for (f, sel) in &q.facets {
        for k in &sel.include {
            parts.push(format!("{}={k}", f.id()));
        }
        for k in &sel.exclude {
            parts.push(format!("not {}={k}", f.id()));
        }
    }
    if let Some(s) = q.salary_at_least {
        parts.push(format!("pay ≥ {}", s.display()));
    }
    if let Some(y) = q.experience_years {
        parts.push(format!("{y} yrs"));
    }
    if let Some(d) = q.posted_within_days {
        parts.push(format!("last {d} days"));
    }
    if let Some(k) = q.within_km {
        parts.push(format!("within {k} km"));
    }
    if parts.is_empty() {
        "everything".into()
    } else {
        parts.join(" · ")
    }
}
