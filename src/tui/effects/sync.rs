//! The backends that do their work in line, before the effect returns:
//! tests, benchmarks and examples use them, so a scripted session ends in
//! the state the app reaches once its workers have answered.

use std::path::Path;
use std::sync::Arc;

use super::{ImportBackend, ImportFinished, SearchBackend};
use crate::fit::FitProfile;
use crate::search::{Index, Query, Results, Searcher, never};
use crate::session::Session;
use crate::tui::sidebar;

/// Searches at once, on the caller's thread.
pub struct SyncSearch {
    searcher: Searcher,
    profile: Option<Arc<FitProfile>>,
}

impl SyncSearch {
    pub fn new(index: Arc<Index>, profile: Option<Arc<FitProfile>>) -> SyncSearch {
        let mut searcher = Searcher::new(index, sidebar::counted());
        searcher.set_profile(profile.clone());
        SyncSearch { searcher, profile }
    }
}

impl SearchBackend for SyncSearch {
    fn search(&mut self, _generation: u64, query: &Query) -> Option<Arc<Results>> {
        // nothing can overtake a search that runs in line
        self.searcher.search(query, &never).map(Arc::new)
    }

    fn set_profile(&mut self, profile: Option<Arc<FitProfile>>) {
        self.profile = profile;
        self.searcher.set_profile(self.profile.clone());
    }

    fn set_index(&mut self, index: Arc<Index>) {
        self.searcher = Searcher::new(index, sidebar::counted());
        self.searcher.set_profile(self.profile.clone());
    }
}

/// Imports at once, through the session's own store (so there is nothing
/// to cancel).
#[derive(Debug, Default)]
pub struct SyncImport;

impl ImportBackend for SyncImport {
    fn start(&mut self, session: &mut Session, path: &Path) -> Option<ImportFinished> {
        let result =
            crate::import::job::import_paths(&mut session.store, &[path.to_path_buf()], false);
        Some(ImportFinished::Written {
            result,
            index: None,
        })
    }

    fn cancel(&mut self) {}
}
