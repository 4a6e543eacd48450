//! The one effect executor: a scripted session through `Driver` (the
//! executor with its in-line backends) ends in known values, and a search
//! backend that answers later, as the app's worker does, reaches the same
//! state once its results are handed back as `Action::Searched`.

use std::sync::Arc;

use backdesk::search::{Index, Query, Results, Searcher, never};
use backdesk::session::Session;
use backdesk::tui::Options;
use backdesk::tui::action::Action;
use backdesk::tui::driver::{Driver, demo_session, initial_state};
use backdesk::tui::effects::sync::SyncImport;
use backdesk::tui::effects::{Executor, SearchBackend};
use backdesk::tui::sidebar;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/import/jsonld-posting.html"
);
const LINK: &str = "https://careers.godavari.example.com/jobs/gt-acc-2025-07";

fn demo() -> Driver {
    let opts = Options {
        demo: true,
        ..Options::default()
    };
    Driver::with_options(demo_session().expect("demo"), &opts, 120, 36).expect("driver")
}

fn key(d: &mut Driver, code: KeyCode) {
    d.event(&Event::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

fn typed(d: &mut Driver, s: &str) {
    for c in s.chars() {
        key(d, KeyCode::Char(c));
    }
}

fn flash(d: &Driver) -> String {
    d.state
        .flash
        .as_ref()
        .map(|f| f.text.clone())
        .unwrap_or_default()
}

#[test]
fn search_import_copy_and_reset_through_one_executor() {
    let mut d = demo();
    assert_eq!(d.state.listings.results.total(), 2000);
    assert!(d.terminal_output().is_empty());

    // search: the fixture's company is not in the catalogue
    typed(&mut d, "godavari");
    assert!(!d.state.listings.pending());
    assert_eq!(d.state.listings.results.total(), 0);

    // import the fixture: the report, the index swapped, searched again
    d.act(Action::Import);
    d.act(Action::Paste(FIXTURE.to_string()));
    d.act(Action::Open);
    let p = d.state.import().expect("the import overlay stays open");
    assert!(!p.busy && !p.failed, "{:?}", p.report);
    let report = p.report.clone().unwrap_or_default();
    assert!(
        report.contains("Added 1 listing and updated 0 from 1 file; 0 skipped."),
        "{report}"
    );
    assert!(report.contains("Accounts Assistant"), "{report}");
    assert_eq!(d.session.index.len(), 2001);
    assert!(Arc::ptr_eq(&d.session.index, &d.state.data.index));
    assert_eq!(d.state.listings.results.total(), 1);
    d.act(Action::Escape);
    assert!(d.state.import().is_none());

    // down to the results, y copies the apply link: OSC 52 to the terminal
    key(&mut d, KeyCode::Down);
    let detail = d.state.listings.detail.as_ref().expect("detail loaded");
    assert_eq!(detail.company, "Godavari Traders");
    key(&mut d, KeyCode::Char('y'));
    assert_eq!(
        flash(&d),
        format!(
            "Copied the apply link to the clipboard (OSC 52; in tmux: set -g set-clipboard on): {LINK}"
        )
    );
    // base64 of the link, worked out with coreutils' base64
    let osc = "\x1b]52;c;aHR0cHM6Ly9jYXJlZXJzLmdvZGF2YXJpLmV4YW1wbGUuY29tL2pvYnMvZ3QtYWNjLTIwMjUtMDc=\x07";
    assert_eq!(String::from_utf8_lossy(d.terminal_output()), osc);

    // reset the demo: a fresh catalogue, the import gone, searched again
    let generation = d.state.listings.generation;
    d.act(Action::ResetDemo);
    // numbered on from the old state's, so no late answer is taken for it
    assert_eq!(d.state.listings.generation, generation + 1);
    assert_eq!(flash(&d), "Demo started again");
    assert_eq!(d.session.index.len(), 2000);
    assert_eq!(d.state.listings.results.total(), 2000);
    assert!(d.state.listings.query.text.is_empty());
    assert!(d.state.demo, "still a demo");
    typed(&mut d, "godavari");
    assert_eq!(d.state.listings.results.total(), 0, "the import is gone");
    // nothing more was written to the terminal
    assert_eq!(String::from_utf8_lossy(d.terminal_output()), osc);
}

/// A search backend that answers later, as the app's worker does: it
/// keeps what it was asked and the test hands the results back.
struct Later {
    searcher: Searcher,
    asked: Vec<(u64, Query)>,
}

impl SearchBackend for Later {
    fn search(&mut self, generation: u64, query: &Query) -> Option<Arc<Results>> {
        self.asked.push((generation, query.clone()));
        None
    }
    fn set_profile(&mut self, profile: Option<Arc<backdesk::fit::FitProfile>>) {
        self.searcher.set_profile(profile);
    }
    fn set_index(&mut self, index: Arc<Index>) {
        self.searcher = Searcher::new(index, sidebar::counted());
    }
}

#[test]
fn results_that_arrive_later_end_in_the_same_state() {
    let mut now = demo();
    typed(&mut now, "payroll pune");

    let opts = Options {
        demo: true,
        ..Options::default()
    };
    let mut session: Session = demo_session().expect("demo");
    let mut st = initial_state(&session, &opts, 120, 36).expect("state");
    let later = Later {
        searcher: Searcher::new(session.index.clone(), sidebar::counted()),
        asked: Vec::new(),
    };
    let mut exec = Executor::new(later, SyncImport, Vec::new(), opts);
    exec.start(&mut st, &mut session);
    for c in "payroll pune".chars() {
        exec.act(&mut st, &mut session, Action::Insert(c));
    }
    assert!(st.listings.pending(), "nothing answered yet");
    assert_eq!(st.listings.results.total(), 0);

    // the worker answers in order; only the newest generation shows
    let asked = std::mem::take(&mut exec.search_backend().asked);
    assert_eq!(asked.len(), 13, "the first search and one per key");
    for (generation, query) in asked {
        let results = exec.search_backend().searcher.search(&query, &never);
        let results = Arc::new(results.expect("not cancelled"));
        exec.act(
            &mut st,
            &mut session,
            Action::Searched {
                generation,
                results,
            },
        );
    }
    assert!(!st.listings.pending());
    let total = st.listings.results.total();
    assert!(total > 0 && total < 2000, "{total}");
    assert_eq!(total, now.state.listings.results.total());
    assert_eq!(st.listings.query.text, now.state.listings.query.text);
}

/// An import backend that only notes the path: the test finishes the
/// import itself, as the app's import thread does, by either of its ways.
#[derive(Default)]
struct ImportLater {
    started: Vec<std::path::PathBuf>,
    cancelled: bool,
}

impl backdesk::tui::effects::ImportBackend for ImportLater {
    fn start(
        &mut self,
        _session: &mut Session,
        path: &std::path::Path,
    ) -> Option<backdesk::tui::effects::ImportFinished> {
        self.started.push(path.to_path_buf());
        None
    }
    fn cancel(&mut self) {
        self.cancelled = true;
    }
}

fn import_keys<S, O>(
    exec: &mut Executor<S, ImportLater, O>,
    st: &mut backdesk::tui::state::State,
    session: &mut Session,
) where
    S: SearchBackend,
    O: std::io::Write,
{
    exec.act(st, session, Action::Import);
    exec.act(st, session, Action::Paste(FIXTURE.to_string()));
    exec.act(st, session, Action::Open);
}

#[test]
fn an_import_finished_later_ends_like_one_done_in_line() {
    use backdesk::import::job;
    use backdesk::tui::effects::ImportFinished;
    use backdesk::tui::effects::sync::SyncSearch;

    // the way of an in-memory store (--demo): the worker reads and
    // matches, the session's store writes
    let opts = Options::default();
    let mut session = demo_session().expect("demo");
    let mut st = initial_state(&session, &opts, 120, 36).expect("state");
    let search = SyncSearch::new(session.index.clone(), None);
    let mut exec = Executor::new(search, ImportLater::default(), Vec::new(), opts.clone());
    exec.start(&mut st, &mut session);
    import_keys(&mut exec, &mut st, &mut session);
    assert!(st.import().is_some_and(|p| p.busy), "running");
    assert_eq!(st.listings.results.total(), 2000, "nothing yet");
    let vocab = backdesk::session::load_vocab(&session.store).expect("vocab");
    let today = jiff::Zoned::now().date();
    let plans = job::plan_paths(&[FIXTURE.into()], vocab, today, &mut |_| true);
    exec.import_finished(&mut st, &mut session, ImportFinished::Planned(plans));
    let p = st.import().expect("overlay");
    assert!(!p.busy && !p.failed);
    assert!(
        p.report
            .as_deref()
            .unwrap_or("")
            .contains("Added 1 listing"),
        "{:?}",
        p.report
    );
    assert_eq!(session.index.len(), 2001);
    assert_eq!(
        st.listings.results.total(),
        2001,
        "searched on the new index"
    );

    // the way of a database file: the worker writes through its own
    // connection and builds the index; the session takes that one
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("jobs.db");
    let (store, _) = backdesk::store::Store::open(&db).expect("open");
    let mut session = Session::new(store).expect("session");
    let mut st = initial_state(&session, &opts, 120, 36).expect("state");
    let search = SyncSearch::new(session.index.clone(), None);
    let mut exec = Executor::new(search, ImportLater::default(), Vec::new(), opts);
    exec.start(&mut st, &mut session);
    import_keys(&mut exec, &mut st, &mut session);
    let (mut other, _) = backdesk::store::Store::open(&db).expect("second connection");
    let report = job::import_paths(&mut other, &[FIXTURE.into()], false).expect("import");
    let index = Arc::new(backdesk::session::build_index(&other).expect("index"));
    exec.import_finished(
        &mut st,
        &mut session,
        ImportFinished::Written {
            result: Ok(report),
            index: Some(index.clone()),
        },
    );
    assert!(Arc::ptr_eq(&session.index, &index), "the worker's index");
    assert!(Arc::ptr_eq(&st.data.index, &index));
    assert_eq!(st.listings.results.total(), 2001);
    assert_eq!(exec.import_backend().started.len(), 1);

    // Esc while an import runs cancels it through the backend
    exec.act(&mut st, &mut session, Action::Escape);
    import_keys(&mut exec, &mut st, &mut session);
    exec.act(&mut st, &mut session, Action::Escape);
    assert!(exec.import_backend().cancelled);
    assert_eq!(exec.import_backend().started.len(), 2);
}
