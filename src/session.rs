//! An open database with its search index: what the CLI and the TUI work on.

use std::sync::Arc;

use crate::search::{Index, IndexBuilder, Vocab};
use crate::store::{Result, Store};

/// Reads the vocabularies a search index needs.
pub fn load_vocab(store: &Store) -> Result<Vocab> {
    Ok(Vocab {
        categories: store.categories()?,
        roles: store.roles()?,
        cities: store.cities()?,
        companies: store.companies()?,
        skills: store.skills()?,
    })
}

/// Builds the in-memory search index from every listing in the store.
pub fn build_index(store: &Store) -> Result<Index> {
    build_index_as_of(store, jiff::Zoned::now().date())
}

/// Builds the index counting listing ages from `today`.
pub fn build_index_as_of(store: &Store, today: jiff::civil::Date) -> Result<Index> {
    let mut b = IndexBuilder::new(load_vocab(store)?, today);
    store.for_each_listing_facts(|f| b.push(f))?;
    Ok(b.finish())
}

/// A store and its index.
pub struct Session {
    pub store: Store,
    pub index: Arc<Index>,
}

impl Session {
    pub fn new(store: Store) -> Result<Session> {
        let index = Arc::new(build_index(&store)?);
        Ok(Session { store, index })
    }

    /// Rebuilds the index after listings changed.
    pub fn reload(&mut self) -> Result<()> {
        self.index = Arc::new(build_index(&self.store)?);
        Ok(())
    }
}
