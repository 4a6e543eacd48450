//! The TUI without a terminal: a state, its session and the one effect
//! executor with the in-line backends, so every effect is carried out
//! before `act` returns. Tests, benchmarks and examples drive the app
//! through it; the run loop uses the same executor with its workers.

use ratatui::crossterm::event::Event;

use super::Options;
use super::action::Action;
use super::effects::Executor;
use super::effects::sync::{SyncImport, SyncSearch};
use super::state::State;
use crate::config::Config;
use crate::session::Session;

pub use super::effects::perform_store;
pub use super::events::event_action;
pub use super::start::{demo_session, initial_state, start_effects};

/// State plus session, with every effect performed at once.
pub struct Driver {
    pub state: State,
    pub session: Session,
    exec: Executor<SyncSearch, SyncImport, Vec<u8>>,
}

impl Driver {
    pub fn new(
        session: Session,
        config: &Config,
        width: u16,
        height: u16,
    ) -> anyhow::Result<Driver> {
        let opts = Options {
            config: config.clone(),
            ..Options::default()
        };
        Driver::with_options(session, &opts, width, height)
    }

    pub fn with_options(
        session: Session,
        opts: &Options,
        width: u16,
        height: u16,
    ) -> anyhow::Result<Driver> {
        let state = initial_state(&session, opts, width, height)?;
        let search = SyncSearch::new(session.index.clone(), state.profile.clone());
        let exec = Executor::new(search, SyncImport, Vec::new(), opts.clone());
        let mut d = Driver {
            state,
            session,
            exec,
        };
        d.start();
        Ok(d)
    }

    /// The first search and tracker load.
    pub fn start(&mut self) {
        self.exec.start(&mut self.state, &mut self.session);
    }

    /// Handles an action and everything it leads to.
    pub fn act(&mut self, action: Action) {
        self.exec.act(&mut self.state, &mut self.session, action);
    }

    /// Handles a terminal event.
    pub fn event(&mut self, ev: &Event) {
        if let Some(a) = event_action(&self.state, ev) {
            self.act(a);
        }
    }

    /// Every byte the app wrote to its terminal besides frames (the OSC 52
    /// escapes of copy-link), oldest first.
    pub fn terminal_output(&self) -> &[u8] {
        self.exec.output()
    }
}
