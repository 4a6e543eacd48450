//! The loop: read an event → action → the executor (update, then its
//! effects) → draw. Input, searching, importing and signals each run on
//! their own thread and report through one channel, so typing never waits
//! for a search: a search overtaken by a newer keystroke is skipped by the
//! worker or its result dropped by `update`. The effects themselves are
//! carried out by `effects::Executor`, the same one the tests drive.

use std::io;
use std::sync::mpsc::{self, Sender};
use std::thread;
use std::time::Duration;

use ratatui::crossterm::event::{self, Event};

use super::action::Action;
use super::effects::Executor;
use super::events::event_action;
use super::start::initial_state;
use super::terminal::{self, Guard};
use super::ui;
use super::workers::{Msg, ThreadImport, ThreadSearch};
use crate::session::Session;
use crate::store::Store;

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
    let search = ThreadSearch::spawn(session.index.clone(), st.profile.clone(), tx.clone());
    let mut exec = Executor::new(search, ThreadImport::new(tx.clone()), io::stdout(), opts);
    // test-only: lets the end-to-end tests check the panic hook restores
    // (debug builds only: a release binary has no such hook)
    let panic_key = cfg!(debug_assertions) && std::env::var_os("BACKDESK_TEST_PANIC_KEY").is_some();

    exec.start(&mut st, &mut session);
    let mut drawn_once = false;
    loop {
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
                Msg::Imported(done) => {
                    exec.import_finished(&mut st, &mut session, done);
                    None
                }
                Msg::TermGone(e) => anyhow::bail!("lost the terminal: {e}"),
            };
            if let Some(a) = action {
                exec.act(&mut st, &mut session, a);
            }
        }
    }
}
