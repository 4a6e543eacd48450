//! The loop: read an event → action → update → perform effects → draw when
//! something changed. Input, searching and signals each run on their own
//! thread and report through one channel, so typing never waits for a
//! search: a search overtaken by a newer keystroke is skipped by the
//! worker or its result dropped by `update`.

use std::collections::VecDeque;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;
use std::time::Duration;

use ratatui::crossterm::event::{self, Event};

use super::action::{Action, Effect};
use super::driver::{event_action, initial_state, perform_store, start_effects};
use super::sidebar;
use super::terminal::{self, Guard};
use super::ui;
use super::update::update;
use crate::fit::FitProfile;
use crate::import::FilePlan;
use crate::import::job::{JobError, Report};
use crate::search::{Index, Query, Searcher};
use crate::session::Session;
use crate::store::Store;

enum Msg {
    Term(Event),
    TermGone(String),
    Searched {
        generation: u64,
        results: Arc<crate::search::Results>,
    },
    Signal(i32),
    /// The timer (every half second).
    Tick,
    /// How far the import worker has got.
    ImportProgress(String),
    /// The import worker wrote the listings (or failed), with the index
    /// rebuilt from its own connection when something changed.
    ImportDone {
        result: Result<Report, JobError>,
        index: Option<Arc<Index>>,
    },
    /// The import worker read and matched the files; the loop writes them
    /// (an in-memory or read-only store cannot be opened twice).
    ImportPlanned(Result<Vec<FilePlan>, JobError>),
}

/// Ticks: changes made elsewhere are noticed within this long.
const TICK: Duration = Duration::from_millis(500);

fn spawn_ticker(tx: Sender<Msg>) {
    thread::Builder::new()
        .name("tick".into())
        .spawn(move || {
            while tx.send(Msg::Tick).is_ok() {
                thread::sleep(TICK);
            }
        })
        .ok();
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
                let _ = tx.send(Msg::ImportPlanned(plans));
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
            let msg = match written {
                Ok((report, index)) => Msg::ImportDone {
                    result: Ok(report),
                    index,
                },
                Err(e) => Msg::ImportDone {
                    result: Err(e),
                    index: None,
                },
            };
            let _ = tx.send(msg);
        })
        .ok();
}

static PROCESS_START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();

/// Notes when the process started, for the start-up benchmark.
pub fn mark_process_start() {
    PROCESS_START.get_or_init(std::time::Instant::now);
}

/// Benchmark hook: with `BACKDESK_FIRST_FRAME=FILE` the app writes the
/// milliseconds from process start to its first drawn frame into FILE and
/// quits.
fn first_frame_hook() -> bool {
    let Some(path) = std::env::var_os("BACKDESK_FIRST_FRAME") else {
        return false;
    };
    let ms = PROCESS_START
        .get()
        .map_or(0.0, |t| t.elapsed().as_secs_f64() * 1000.0);
    let _ = std::fs::write(path, format!("{ms:.2}\n"));
    true
}

/// How the TUI ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    Quit,
    /// Stopped by this signal (the exit code should be 128 + it).
    Signal(i32),
}

fn spawn_input(tx: Sender<Msg>) {
    thread::Builder::new()
        .name("input".into())
        .spawn(move || {
            loop {
                match event::read() {
                    Ok(ev) => {
                        if tx.send(Msg::Term(ev)).is_err() {
                            return;
                        }
                    }
                    Err(e) => {
                        let _ = tx.send(Msg::TermGone(e.to_string()));
                        return;
                    }
                }
            }
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
fn spawn_worker(
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

/// SIGTERM, SIGHUP and SIGINT end the loop; if it does not end within a
/// second (stuck in a long operation), the terminal is restored here and
/// the process exits.
fn spawn_signals(tx: Sender<Msg>) -> std::io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            if let Some(sig) = signals.forever().next() {
                let _ = tx.send(Msg::Signal(sig));
                thread::sleep(Duration::from_secs(1));
                terminal::restore();
                std::process::exit(128 + sig);
            }
        })?;
    Ok(())
}

/// Catalogues from this many listings up say they are loading: building
/// the index takes about a second per 400,000 listings on a modest laptop.
const SAY_LOADING_FROM: u64 = 50_000;

/// Runs the TUI on `store` until the user quits or a signal arrives.
pub fn run(store: Store, opts: super::Options) -> anyhow::Result<Exit> {
    let (tx, rx) = mpsc::channel::<Msg>();
    spawn_signals(tx.clone())?;
    let mut term = terminal::setup()?;
    let _guard = Guard;
    let listings = u64::try_from(store.listing_count()?).unwrap_or(0);
    if listings >= SAY_LOADING_FROM {
        term.draw(|f| ui::loading(f, listings))?;
    }
    let mut session = Session::new(store)?;
    // a change waits for another writer briefly, then is tried again on
    // the next ticks: the app never freezes on a lock
    session.store.set_busy_timeout(Duration::from_millis(250))?;
    let size = term.size()?;
    let mut st = initial_state(&session, &opts, size.width, size.height)?;
    spawn_input(tx.clone());
    spawn_ticker(tx.clone());
    let mut import_cancel: Option<Arc<AtomicBool>> = None;
    let latest = Arc::new(AtomicU64::new(0));
    let worker = spawn_worker(
        session.index.clone(),
        st.profile.clone(),
        tx.clone(),
        latest.clone(),
    );
    // test-only: lets the end-to-end tests check the panic hook restores
    // (debug builds only: a release binary has no such hook)
    let panic_key = cfg!(debug_assertions) && std::env::var_os("BACKDESK_TEST_PANIC_KEY").is_some();

    let mut pending: VecDeque<Effect> = start_effects(&mut st).into();
    let mut drawn_once = false;
    loop {
        // perform effects in order; store effects answer at once, searches later
        while let Some(effect) = pending.pop_front() {
            match &effect {
                Effect::Search { generation, query } => {
                    latest.store(*generation, Ordering::Relaxed);
                    let _ = worker.send(Request::Search(*generation, query.clone()));
                }
                Effect::UseProfile(p) => {
                    let _ = worker.send(Request::Profile(p.clone()));
                }
                Effect::ResetDemo => {
                    session = super::driver::demo_session()?;
                    let size = term.size()?;
                    st = initial_state(&session, &opts, size.width, size.height)?;
                    st.flash("Demo started again");
                    let _ = worker.send(Request::Index(session.index.clone()));
                    let _ = worker.send(Request::Profile(st.profile.clone()));
                    pending.extend(start_effects(&mut st));
                }
                Effect::ImportFile(path) => {
                    let cancel = Arc::new(AtomicBool::new(false));
                    import_cancel = Some(cancel.clone());
                    let store = &session.store;
                    // a worker opens the file itself; else the loop writes
                    let own = (store.path() != std::path::Path::new(":memory:")
                        && store.read_only().is_none())
                    .then(|| store.path().to_path_buf());
                    match crate::session::load_vocab(store) {
                        Ok(vocab) => spawn_import(path.clone(), own, vocab, tx.clone(), cancel),
                        Err(e) => pending.extend(update(
                            &mut st,
                            Action::Imported {
                                report: e.to_string(),
                                index: None,
                                failed: true,
                            },
                        )),
                    }
                }
                Effect::CancelImport => {
                    if let Some(c) = &import_cancel {
                        c.store(true, Ordering::Relaxed);
                    }
                }
                Effect::Quit => {}
                Effect::CopyToClipboard(text) => {
                    use std::io::Write;
                    let out = term.backend_mut();
                    let osc = super::clipboard::osc52(text);
                    let _ = out.write_all(osc.as_bytes()).and_then(|()| out.flush());
                }
                other => {
                    if let Some(a) = perform_store(&mut session, other) {
                        pending.extend(update(&mut st, a));
                    }
                }
            }
        }
        if st.quit {
            return Ok(Exit::Quit);
        }
        term.draw(|f| ui::render(f, &st))?;
        if !drawn_once && st.listings.shown_generation > 0 {
            drawn_once = true;
            if first_frame_hook() {
                return Ok(Exit::Quit);
            }
        }

        // wait for something, then take everything already waiting
        let first = rx.recv()?;
        let mut msgs = vec![first];
        while let Ok(m) = rx.try_recv() {
            msgs.push(m);
        }
        for msg in msgs {
            let action = match msg {
                Msg::Term(ev) => {
                    if panic_key && matches!(&ev, Event::Key(k) if k.code == event::KeyCode::F(12))
                    {
                        #[allow(clippy::panic)] // the point of the hook
                        {
                            panic!("test-only panic requested with F12");
                        }
                    }
                    event_action(&st, &ev)
                }
                Msg::Searched {
                    generation,
                    results,
                } => Some(Action::Searched {
                    generation,
                    results,
                }),
                Msg::Signal(sig) => return Ok(Exit::Signal(sig)),
                Msg::Tick => Some(Action::Tick),
                Msg::ImportProgress(text) => Some(Action::ImportProgress(text)),
                Msg::ImportDone { result, index } => {
                    import_cancel = None;
                    let a = match (&result, index) {
                        (Ok(r), Some(ix)) if r.changed() => {
                            session.index = ix;
                            Action::Imported {
                                report: crate::import::report::render(r, 96),
                                index: Some(super::action::NewIndex(session.index.clone())),
                                failed: false,
                            }
                        }
                        _ => super::driver::imported_action(&mut session, result),
                    };
                    if let Action::Imported {
                        index: Some(ix), ..
                    } = &a
                    {
                        let _ = worker.send(Request::Index(ix.0.clone()));
                    }
                    Some(a)
                }
                Msg::ImportPlanned(plans) => {
                    import_cancel = None;
                    let result = plans.and_then(|p| {
                        crate::import::job::write_plans(&mut session.store, p, false, &mut |_| true)
                    });
                    let a = super::driver::imported_action(&mut session, result);
                    if let Action::Imported {
                        index: Some(ix), ..
                    } = &a
                    {
                        let _ = worker.send(Request::Index(ix.0.clone()));
                    }
                    Some(a)
                }
                Msg::TermGone(e) => anyhow::bail!("lost the terminal: {e}"),
            };
            if let Some(a) = action {
                pending.extend(update(&mut st, a));
            }
        }
    }
}
