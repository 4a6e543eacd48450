//! The one executor of effects, for the app and the tests alike: `update`
//! returns [`Effect`]s, the executor carries each out against the session
//! and feeds the outcome back through `update` until nothing is left.
//!
//! What differs between the app and the tests sits behind three small
//! seams: the search backend ([`SearchBackend`]: in line in tests, the
//! worker thread in the app), the import backend ([`ImportBackend`]: in
//! line in tests, a thread with progress and cancel in the app) and the
//! terminal output (any [`Write`]: the session's terminal in the app, a
//! `Vec<u8>` in tests, so a test sees the OSC 52 bytes `y` wrote). Work
//! that finishes later comes back as the same actions: a search as
//! `Action::Searched` through [`Executor::act`], an import through
//! [`Executor::import_finished`].
//!
//! Nothing here is global: an executor, a state and a session belong to
//! one user (the classroom server will hold one set per student).

mod store;
pub mod sync;

use std::collections::VecDeque;
use std::io::Write;
use std::path::Path;
use std::sync::Arc;

pub use store::perform_store;

use super::Options;
use super::action::{Action, Effect, NewIndex};
use super::start::{demo_session, initial_state_with, start_effects};
use super::state::State;
use super::update::update;
use crate::fit::FitProfile;
use crate::import::FilePlan;
use crate::import::job::{JobError, Report};
use crate::search::{Index, Query, Results};
use crate::session::Session;

/// Where searches run.
pub trait SearchBackend {
    /// Runs `query`, numbered `generation`. A backend that searches in
    /// line returns the results; one that searches elsewhere returns
    /// `None` and its results reach the loop later, which hands them to
    /// [`Executor::act`] as `Action::Searched`.
    fn search(&mut self, generation: u64, query: &Query) -> Option<Arc<Results>>;
    /// Ranks for this profile from now on.
    fn set_profile(&mut self, profile: Option<Arc<FitProfile>>);
    /// Searches this index from now on (after an import or a demo reset).
    fn set_index(&mut self, index: Arc<Index>);
}

/// Where imports run.
pub trait ImportBackend {
    /// Starts importing the file at `path` into `session`. A backend that
    /// imports in line returns how it ended; one that works elsewhere
    /// returns `None` and the loop hands the outcome to
    /// [`Executor::import_finished`] when it comes.
    fn start(&mut self, session: &mut Session, path: &Path) -> Option<ImportFinished>;
    /// Stops the running import, if any (nothing of it is written).
    fn cancel(&mut self);
}

/// How an import ended.
#[derive(Debug)]
pub enum ImportFinished {
    /// Written (or failed), with the index already rebuilt when the
    /// backend wrote through a connection of its own; `None` means the
    /// session rebuilds it if listings changed.
    Written {
        result: Result<Report, JobError>,
        index: Option<Arc<Index>>,
    },
    /// Read and matched, but not written: the session's store writes them
    /// (an in-memory or read-only store cannot be opened twice).
    Planned(Result<Vec<FilePlan>, JobError>),
}

/// Carries out effects for one state and session.
pub struct Executor<S, I, O> {
    search: S,
    import: I,
    out: O,
    opts: Options,
}

impl<S: SearchBackend, I: ImportBackend, O: Write> Executor<S, I, O> {
    pub fn new(search: S, import: I, out: O, opts: Options) -> Self {
        Executor {
            search,
            import,
            out,
            opts,
        }
    }

    /// What was written to the terminal besides frames (OSC 52).
    pub fn output(&self) -> &O {
        &self.out
    }

    /// The search backend (a test's, to answer what it was asked).
    pub fn search_backend(&mut self) -> &mut S {
        &mut self.search
    }

    /// The import backend (a test's, to see what it was asked).
    pub fn import_backend(&mut self) -> &mut I {
        &mut self.import
    }

    /// The first search and tracker load.
    pub fn start(&mut self, st: &mut State, session: &mut Session) {
        let effects = start_effects(st);
        self.perform(st, session, effects);
    }

    /// Handles an action and everything it leads to.
    pub fn act(&mut self, st: &mut State, session: &mut Session, action: Action) {
        let effects = update(st, action);
        self.perform(st, session, effects);
    }

    /// Handles an import that finished (in line or on a worker).
    pub fn import_finished(&mut self, st: &mut State, session: &mut Session, done: ImportFinished) {
        let action = self.imported(session, done);
        self.act(st, session, action);
    }

    /// Performs effects in order, and the effects their outcomes lead to.
    pub fn perform(&mut self, st: &mut State, session: &mut Session, effects: Vec<Effect>) {
        let mut queue: VecDeque<Effect> = effects.into();
        while let Some(effect) = queue.pop_front() {
            let next = match effect {
                Effect::Search { generation, query } => {
                    self.search
                        .search(generation, &query)
                        .map(|results| Action::Searched {
                            generation,
                            results,
                        })
                }
                Effect::UseProfile(p) => {
                    self.search.set_profile(p);
                    None
                }
                Effect::ResetDemo => {
                    // what the old state asked for next belongs to it
                    queue.clear();
                    match self.reset_demo(st, session) {
                        Ok(()) => queue.extend(start_effects(st)),
                        Err(e) => st.flash_error(format!("could not reset: {e}")),
                    }
                    None
                }
                Effect::ImportFile(path) => self
                    .import
                    .start(session, &path)
                    .map(|done| self.imported(session, done)),
                Effect::CancelImport => {
                    self.import.cancel();
                    None
                }
                Effect::CopyToClipboard(text) => {
                    let osc = super::clipboard::osc52(&text);
                    // a terminal that cannot take it has nothing to show either
                    let _ = self
                        .out
                        .write_all(osc.as_bytes())
                        .and_then(|()| self.out.flush());
                    None
                }
                // the state says it is quitting; the loop reads that
                Effect::Quit => None,
                other => perform_store(session, &other),
            };
            if let Some(a) = next {
                queue.extend(update(st, a));
            }
        }
    }

    /// Starts the demo again: a fresh in-memory catalogue and state (of
    /// the same size and theme), searched from now on.
    fn reset_demo(&mut self, st: &mut State, session: &mut Session) -> anyhow::Result<()> {
        let fresh = demo_session()?;
        let mut next =
            initial_state_with(&fresh, &self.opts, st.theme.clone(), st.width, st.height)?;
        next.flash("Demo started again");
        // generations go on from the old state's: a search the worker is
        // still running for it can never pass for one of the new state's
        next.listings.generation = st.listings.generation;
        *session = fresh;
        *st = next;
        self.search.set_index(session.index.clone());
        self.search.set_profile(st.profile.clone());
        Ok(())
    }

    /// The action reporting a finished import; the session and the
    /// search backend take the new index when listings changed.
    fn imported(&mut self, session: &mut Session, done: ImportFinished) -> Action {
        let action = match done {
            ImportFinished::Written {
                result: Ok(report),
                index: Some(ix),
            } if report.changed() => {
                session.index = ix;
                Action::Imported {
                    report: store::report_text(&report),
                    index: Some(NewIndex(session.index.clone())),
                    failed: false,
                }
            }
            ImportFinished::Written { result, .. } => store::imported_action(session, result),
            ImportFinished::Planned(plans) => {
                let result = plans.and_then(|p| {
                    crate::import::job::write_plans(&mut session.store, p, false, &mut |_| true)
                });
                store::imported_action(session, result)
            }
        };
        if let Action::Imported {
            index: Some(ix), ..
        } = &action
        {
            self.search.set_index(ix.0.clone());
        }
        action
    }
}
