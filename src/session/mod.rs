//! An open database with its search index: what the CLI and the TUI work on.

pub mod saved;

use std::sync::Arc;

use crate::search::{Index, IndexBuilder, Vocab};
use crate::store::{Result, Store};

/// Reads the vocabularies a search index needs.
pub fn load_vocab(store: &Store) -> Result<Vocab> {
    // states and regions are not kept in the database: the binary's own
    // (parsed by every test of the catalogue, so none is missed here)
    let (states, regions) = crate::catalog::Catalog::embedded_places().unwrap_or_default();
    Ok(Vocab {
        categories: store.categories()?,
        roles: store.roles()?,
        cities: store.cities()?,
        companies: store.companies()?,
        skills: store.skills()?,
        states,
        regions,
    })
}

/// Builds the in-memory search index from every listing in the store.
pub fn build_index(store: &Store) -> Result<Index> {
    build_index_as_of(store, jiff::Zoned::now().date())
}

/// Builds the index counting listing ages from `today`.
pub fn build_index_as_of(store: &Store, today: jiff::civil::Date) -> Result<Index> {
    let mut b = IndexBuilder::new(load_vocab(store)?, today);
    let rows = usize::try_from(store.listing_count()?).unwrap_or(0);
    // about 80 bytes of searchable text a listing
    b.reserve(rows, rows * 80);
    let foreign = store.for_each_listing_facts(|f| b.push(f))?;
    let mut ix = b.finish();
    ix.set_foreign_pay(foreign);
    Ok(ix)
}

/// A store and its index.
pub struct Session {
    pub store: Store,
    pub index: Arc<Index>,
    /// The store's `data_version` when last looked at.
    seen_version: Option<i64>,
}

impl Session {
    pub fn new(store: Store) -> Result<Session> {
        let index = Arc::new(build_index(&store)?);
        let seen_version = store.data_version().ok();
        Ok(Session {
            store,
            index,
            seen_version,
        })
    }

    /// Whether another connection (another backdesk, `backdesk apps` in a
    /// shell, an import worker) changed the database since the last call.
    /// Cheap: one pragma, no table read.
    pub fn changed_elsewhere(&mut self) -> Result<bool> {
        let now = self.store.data_version()?;
        let changed = self.seen_version.is_some_and(|v| v != now);
        self.seen_version = Some(now);
        Ok(changed)
    }

    /// Rebuilds the index after listings changed.
    pub fn reload(&mut self) -> Result<()> {
        self.index = Arc::new(build_index(&self.store)?);
        Ok(())
    }
}

/// An index of `n` synthetic listings built straight from the embedded
/// catalogue, without SQLite: for benchmarks and property tests. The same
/// `seed` gives the same listings (those of `backdesk db synth`).
pub fn synthetic_index(
    n: usize,
    seed: u64,
    today: jiff::civil::Date,
) -> Result<Index, crate::catalog::CatalogError> {
    synthetic_builder(n, seed, today).map(IndexBuilder::finish)
}

/// [`synthetic_index`] before it is finished, so more listings can be
/// pushed (the fuzz targets add a few odd ones).
pub fn synthetic_builder(
    n: usize,
    seed: u64,
    today: jiff::civil::Date,
) -> Result<IndexBuilder, crate::catalog::CatalogError> {
    use crate::catalog::generate::Generator;
    use crate::catalog::{Catalog, ListingFacts};
    let cat = Catalog::embedded_without_listings()?;
    let vocab = Vocab::of(&cat);
    let mut g = Generator::synthetic(&cat, seed, today, 1);
    let mut b = IndexBuilder::new(vocab, today);
    b.reserve(n, n * 80);
    for _ in 0..n {
        let l = g.next_listing();
        let company = cat.companies.iter().find(|c| c.id == l.company_id);
        let city = cat.cities.iter().find(|c| c.id == l.city_id);
        let skills = l.skills.join(";");
        let languages = l.languages.join(";");
        b.push(&ListingFacts {
            id: l.id,
            title: &l.title,
            role_id: Some(&l.role),
            company: company.map_or("", |c| c.name.as_str()),
            company_id: Some(l.company_id),
            company_type: company.map(|c| c.kind),
            industry: company.map(|c| c.industry),
            city: city.map_or("", |c| c.name.as_str()),
            city_id: Some(l.city_id),
            work_mode: l.work_mode,
            employment_type: l.employment_type,
            shift: l.shift,
            experience_min: l.exp_min,
            experience_max: l.exp_max,
            salary_min: Some(l.salary_min),
            salary_max: Some(l.salary_max),
            skills: &skills,
            languages: &languages,
            posted: l.posted,
            source: "synth",
            description: &l.description,
        });
    }
    Ok(b)
}
