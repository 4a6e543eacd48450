//! The app's workers and what they report: the search worker and the
//! import thread behind the executor's backends ([`ThreadSearch`],
//! [`ThreadImport`]), each telling the loop through one channel of
//! [`Msg`]s, so typing never waits for a search or an import.

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;
use std::time::Duration;

use ratatui::crossterm::event::Event;

use super::effects::{ImportBackend, ImportFinished, SearchBackend};
use super::sidebar;
use crate::fit::FitProfile;
use crate::search::{Index, Query, Results, Searcher};
use crate::session::Session;
use crate::store::Store;

/// What reaches the loop.
pub(super) enum Msg {
    Term(Event),
    TermGone(String),
    Searched {
        generation: u64,
        results: Arc<Results>,
    },
    Signal(i32),
    /// The timer (every half second).
    Tick,
    /// How far the import worker has got.
    ImportProgress(String),
    /// The import worker finished (or failed, or was cancelled).
    Imported(ImportFinished),
}

/// Searches on the worker thread: the newest query wins, and its results
/// come back as [`Msg::Searched`].
pub(super) struct ThreadSearch {
    requests: Sender<Request>,
    /// The newest generation asked for: the worker drops older ones.
    latest: Arc<AtomicU64>,
}

impl ThreadSearch {
    pub(super) fn spawn(
        index: Arc<Index>,
        profile: Option<Arc<FitProfile>>,
        tx: Sender<Msg>,
    ) -> ThreadSearch {
        let latest = Arc::new(AtomicU64::new(0));
        let requests = spawn_search(index, profile, tx, latest.clone());
        ThreadSearch { requests, latest }
    }
}

impl SearchBackend for ThreadSearch {
    fn search(&mut self, generation: u64, query: &Query) -> Option<Arc<Results>> {
        self.latest.store(generation, Ordering::Relaxed);
        let _ = self
            .requests
            .send(Request::Search(generation, query.clone()));
        None
    }

    fn set_profile(&mut self, profile: Option<Arc<FitProfile>>) {
        let _ = self.requests.send(Request::Profile(profile));
    }

    fn set_index(&mut self, index: Arc<Index>) {
        let _ = self.requests.send(Request::Index(index));
    }
}

/// Imports on a thread of its own, with progress ([`Msg::ImportProgress`])
/// and cancel; the outcome comes back as [`Msg::Imported`].
pub(super) struct ThreadImport {
    tx: Sender<Msg>,
    cancel: Option<Arc<AtomicBool>>,
}

impl ThreadImport {
    pub(super) fn new(tx: Sender<Msg>) -> ThreadImport {
        ThreadImport { tx, cancel: None }
    }
}

impl ImportBackend for ThreadImport {
    fn start(&mut self, session: &mut Session, path: &Path) -> Option<ImportFinished> {
        let cancel = Arc::new(AtomicBool::new(false));
        self.cancel = Some(cancel.clone());
        let store = &session.store;
        // the worker opens a database file itself; else the loop writes
        let own = (store.path() != Path::new(":memory:") && store.read_only().is_none())
            .then(|| store.path().to_path_buf());
        match crate::session::load_vocab(store) {
            Ok(vocab) => {
                spawn_import(path.to_path_buf(), own, vocab, self.tx.clone(), cancel);
                None
            }
            Err(e) => Some(ImportFinished::Written {
                result: Err(e.into()),
                index: None,
            }),
        }
    }

    fn cancel(&mut self) {
        if let Some(c) = self.cancel.take() {
            c.store(true, Ordering::Relaxed);
        }
    }
}

/// Runs an import off the loop: reading, parsing and matching (and, for a
/// database file it can open itself, writing and rebuilding the index),
/// telling the loop how far it is and stopping when `cancel` is set.
fn spawn_import(
    path: std::path::PathBuf,
    store_path: Option<std::path::PathBuf>,
    vocab: crate::search::Vocab,
    tx: Sender<Msg>,
    cancel: Arc<AtomicBool>,
) {
    use crate::import::job;
    thread::Builder::new()
        .name("import".into())
        .spawn(move || {
            let mut last = std::time::Instant::now() - Duration::from_secs(1);
            let mut progress = |p: job::Progress| {
                if last.elapsed() >= Duration::from_millis(100) || p.stage == job::Stage::Waiting {
                    last = std::time::Instant::now();
                    let _ = tx.send(Msg::ImportProgress(p.describe()));
                }
                !cancel.load(Ordering::Relaxed)
            };
            let today = jiff::Zoned::now().date();
            let plans = job::plan_paths(&[path], vocab, today, &mut progress);
            let Some(db) = store_path else {
                let _ = tx.send(Msg::Imported(ImportFinished::Planned(plans)));
                return;
            };
            let written = plans.and_then(|plans| {
                let (mut store, _) = Store::open(&db)?;
                let report = job::write_plans(&mut store, plans, false, &mut progress)?;
                let index = if report.changed() {
                    let _ = tx.send(Msg::ImportProgress("Loading the new listings…".into()));
                    Some(Arc::new(crate::session::build_index(&store)?))
                } else {
                    None
                };
                Ok((report, index))
            });
            let done = match written {
                Ok((report, index)) => ImportFinished::Written {
                    result: Ok(report),
                    index,
                },
                Err(e) => ImportFinished::Written {
                    result: Err(e),
                    index: None,
                },
            };
            let _ = tx.send(Msg::Imported(done));
        })
        .ok();
}

/// What the search worker is asked to do.
enum Request {
    /// Run a query (of this generation).
    Search(u64, Query),
    /// Search this index from now on (after an import).
    Index(Arc<Index>),
    /// Rank for this profile from now on.
    Profile(Option<Arc<FitProfile>>),
}

/// The search worker: takes the newest request, skips any it was too
/// slow to start, abandons a search as soon as a newer one is asked for,
/// and reports results with their generation.
fn spawn_search(
    index: Arc<Index>,
    profile: Option<Arc<FitProfile>>,
    tx: Sender<Msg>,
    latest: Arc<AtomicU64>,
) -> Sender<Request> {
    let (req_tx, req_rx): (Sender<Request>, Receiver<Request>) = mpsc::channel();
    thread::Builder::new()
        .name("search".into())
        .spawn(move || {
            let mut profile = profile;
            let mut searcher = Searcher::new(index, sidebar::counted());
            searcher.set_profile(profile.clone());
            while let Ok(first) = req_rx.recv() {
                // take everything waiting: a new index first, then the newest query
                let mut newest: Option<(u64, Query)> = None;
                for req in std::iter::once(first).chain(req_rx.try_iter()) {
                    match req {
                        Request::Index(ix) => {
                            searcher = Searcher::new(ix, sidebar::counted());
                            searcher.set_profile(profile.clone());
                        }
                        Request::Profile(p) => {
                            profile = p;
                            searcher.set_profile(profile.clone());
                        }
                        Request::Search(g, q) => {
                            if newest.as_ref().is_none_or(|(n, _)| g > *n) {
                                newest = Some((g, q));
                            }
                        }
                    }
                }
                let Some((generation, query)) = newest else {
                    continue;
                };
                let overtaken = || latest.load(Ordering::Relaxed) != generation;
                let Some(results) = searcher.search(&query, &overtaken) else {
                    continue; // a newer keystroke is waiting
                };
                if tx
                    .send(Msg::Searched {
                        generation,
                        results: Arc::new(results),
                    })
                    .is_err()
                {
                    return;
                }
            }
        })
        .ok();
    req_tx
}
