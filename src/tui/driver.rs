//! The TUI without a terminal: state, update and effects performed
//! synchronously. The run loop uses it for everything but searching (which
//! it does on a worker thread); tests and benchmarks use it whole.

use std::collections::HashSet;
use std::sync::Arc;

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, MouseButton, MouseEventKind,
};

use super::Options;
use super::action::{Action, Effect};
use super::keymap::{Keymap, Mode, key_action};
use super::sidebar;
use super::state::{Data, Init, State, profile_unlocks};
use super::theme::Theme;
use super::update::{self, update};
use crate::config::Config;
use crate::fit::FitProfile;
use crate::search::{Query, Searcher, never};
use crate::session::Session;
use crate::store::StoreError;
use crate::tracker::edit::SaveOutcome;

/// What starting the TUI needs besides a session.
pub fn initial_state(
    session: &Session,
    opts: &Options,
    width: u16,
    height: u16,
) -> anyhow::Result<State> {
    let config = &opts.config;
    let keymap = Keymap::from_config(&config.keys);
    let store = &session.store;
    let data = Data::new(
        session.index.clone(),
        store.market_figures()?,
        store.sources()?,
    );
    let home_city = config
        .profile
        .home_city
        .as_deref()
        .and_then(|h| session.index.catalog_city(h))
        .map(|c| c.name.clone());
    let query = Query {
        sort: config.display.sort,
        ..Query::default()
    };
    let saved: HashSet<i64> = store.saved_listing_ids()?.into_iter().collect();
    let vocab = session.index.vocab();
    let (fit, warnings) = FitProfile::resolve(&config.profile, &vocab.skills, &vocab.cities);
    let profile = (!fit.is_empty()).then(|| Arc::new(fit));
    let today = session
        .index
        .today()
        .unwrap_or_else(|| jiff::Zoned::now().date());
    let banner = update::tracker::due_banner(&store.all_applications()?, today);
    let mut st = State::new(Init {
        data,
        query,
        period: config.display.salary,
        keymap,
        theme: Theme::from_env(&config.theme),
        home_city,
        profile,
        saved,
        width,
        height,
    });
    st.banner = banner;
    st.demo = opts.demo;
    st.config_path = opts.config_path.clone();
    st.config_profile = config.profile.clone();
    st.unlocks = profile_unlocks(&session.index, st.profile.as_deref());
    st.read_only = store.read_only().map(str::to_string);
    if let Some(reason) = &st.read_only {
        st.flash_error(format!("read-only, nothing will be saved: {reason}"));
    } else if let Some(w) = warnings.first() {
        st.flash_error(w.clone());
    }
    Ok(st)
}

/// Translates a terminal event into an action, through the keymap of the
/// mode the state is in.
pub fn event_action(st: &State, ev: &Event) -> Option<Action> {
    if let Event::Key(k) = ev
        && k.kind != KeyEventKind::Release
    {
        return key_event_action(st, k);
    }
    match ev {
        Event::Paste(s) if st.typing() => Some(Action::Paste(s.clone())),
        Event::Resize(w, h) => Some(Action::Resize {
            width: *w,
            height: *h,
        }),
        Event::Mouse(m) => match m.kind {
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click {
                column: m.column,
                row: m.row,
            }),
            MouseEventKind::ScrollUp => Some(Action::ScrollUp {
                column: m.column,
                row: m.row,
            }),
            MouseEventKind::ScrollDown => Some(Action::ScrollDown {
                column: m.column,
                row: m.row,
            }),
            _ => None,
        },
        _ => None,
    }
}

fn key_event_action(st: &State, k: &KeyEvent) -> Option<Action> {
    let too_small = super::layout::too_small(ratatui::layout::Rect::new(0, 0, st.width, st.height));
    if too_small {
        // nothing shows but the message: only quitting does anything
        let a = key_action(&st.keymap, k, Mode::Browse);
        return a.filter(|a| *a == Action::Quit);
    }
    if st.awaiting_stage() {
        return Some(match k.code {
            KeyCode::Char(c) => match update::tracker::stage_for_key(c) {
                Some(s) => Action::MoveTo(s),
                None => Action::Escape,
            },
            _ => Action::Escape,
        });
    }
    let action = key_action(&st.keymap, k, st.mode())?;
    // a letter never throws away what a form holds: q there is refused
    if action == Action::Quit
        && st.overlay.as_ref().is_some_and(|o| o.holds_work())
        && super::keymap::key_of(k).is_some_and(|key| key.is_text())
    {
        return Some(Action::Note(
            "Esc closes the form first (ctrl-c quits without saving)".into(),
        ));
    }
    Some(action)
}

/// Performs an effect that needs the store, returning the action that
/// reports its outcome. Searches are not handled here.
pub fn perform_store(session: &mut Session, effect: &Effect) -> Option<Action> {
    match effect {
        Effect::LoadDetail(id) => Some(match session.store.listing(*id) {
            Ok(l) => Action::DetailLoaded(Box::new(l)),
            Err(e) => Action::Failed(e.to_string()),
        }),
        Effect::SaveListing(id) => Some(match session.store.save_listing(*id) {
            Ok((_, new)) => Action::Saved {
                listing_id: *id,
                new,
            },
            Err(StoreError::Busy { .. }) => Action::Busy(Box::new(effect.clone())),
            Err(e) => Action::Failed(format!("could not save: {}", brief(&e))),
        }),
        Effect::LoadTracker => Some(match session.store.all_applications() {
            Ok(apps) => Action::TrackerLoaded(apps),
            Err(e) => Action::Failed(e.to_string()),
        }),
        Effect::MarkApplied(listing_id) => Some(match mark_applied(session, *listing_id) {
            Err(StoreError::Busy { .. }) => Action::Busy(Box::new(effect.clone())),
            Err(e) => Action::Failed(format!("could not mark applied: {}", brief(&e))),
            Ok(a) => a,
        }),
        Effect::MoveApp { id, to } => Some(match session.store.move_application(*id, *to, "") {
            Ok(from) => Action::Changed(format!("{} → {}", from.label(), to.label())),
            Err(StoreError::Busy { .. }) => Action::Busy(Box::new(effect.clone())),
            Err(e) => Action::Failed(format!("not moved: {}", brief(&e))),
        }),
        Effect::OpenEdit(id) => Some(match session.store.application(*id) {
            Ok(Some(a)) => Action::EditLoaded(Box::new(a)),
            Ok(None) => Action::Failed(format!("application {id} is gone (deleted elsewhere)")),
            Err(e) => Action::Failed(format!("could not open it: {}", brief(&e))),
        }),
        Effect::SaveEdit { base, patch } => Some(match session.store.save_edit(base, patch) {
            Ok(SaveOutcome::Saved) => Action::EditSaved("Saved".into()),
            Ok(SaveOutcome::Conflicts { conflicts, current }) => {
                Action::EditConflict { conflicts, current }
            }
            Err(e) => Action::EditFailed(format!("Not saved: {}", brief(&e))),
        }),
        Effect::AddApp(new) => Some(match session.store.add_application(new) {
            Ok(id) => Action::EditSaved(format!("Added application {id}")),
            Err(e) => Action::EditFailed(format!("Not added: {}", brief(&e))),
        }),
        Effect::CheckChanged => Some(if session.store.replaced() {
            Action::DatabaseReplaced
        } else {
            match session.changed_elsewhere() {
                Ok(true) => Action::DatabaseChanged,
                Ok(false) | Err(_) => return None,
            }
        }),
        Effect::CancelImport => None,
        Effect::ImportFile(path) => Some(import_file(session, path)),
        Effect::SaveSearch { name, query } => Some(match session.store.save_search(name, query) {
            Ok(()) => Action::Note(format!("Saved this search as '{}'", name.trim())),
            Err(e) => Action::Failed(format!("not saved: {}", brief(&e))),
        }),
        Effect::ListSaved { home_city } => Some(list_saved(session, home_city.as_deref())),
        Effect::RenameSaved { old, new } => {
            Some(match session.store.rename_saved_search(old, new) {
                Ok(true) => Action::SavedChanged(format!("Renamed '{old}' to '{}'", new.trim())),
                Ok(false) => {
                    Action::Failed(format!("no saved search '{old}' (deleted elsewhere?)"))
                }
                Err(e) => Action::Failed(format!("not renamed: {}", brief(&e))),
            })
        }
        Effect::DeleteSaved(name) => Some(match session.store.remove_saved_search(name) {
            Ok(_) => Action::SavedChanged(format!("Deleted the saved search '{name}'")),
            Err(e) => Action::Failed(format!("not deleted: {}", brief(&e))),
        }),
        Effect::OpenSaved(name) => Some(match open_saved(session, name) {
            Ok(Some(q)) => Action::SavedOpened(Box::new(q)),
            Ok(None) => Action::Failed(format!("no saved search '{name}'")),
            Err(e) => Action::Failed(e.to_string()),
        }),
        Effect::SaveProfile { path, profile } => {
            Some(match crate::config::write_profile(path, profile) {
                Ok(()) => Action::Note(format!("Profile saved to {}", path.display())),
                Err(e) => Action::Failed(format!("profile not saved: {e}")),
            })
        }
        Effect::UseProfile(_) | Effect::ResetDemo => None,
        Effect::Search { .. } | Effect::Quit | Effect::CopyToClipboard(_) => None,
    }
}

/// A store error as the status line shows it: the banner already says why
/// the database is read-only, so the line says only that.
fn brief(e: &StoreError) -> String {
    match e {
        StoreError::ReadOnly { .. } => "the database is open read-only".into(),
        StoreError::DiskFull { .. } => {
            "the disk is full (nothing was lost); free some space and try again".into()
        }
        StoreError::Busy { .. } => {
            "the database is busy (another backdesk is writing); try again in a moment".into()
        }
        e => e.to_string(),
    }
}

/// Imports one file and rebuilds the index when listings changed
/// (synchronously: the run loop does it on a worker, see `run`).
fn import_file(session: &mut Session, path: &std::path::Path) -> Action {
    let result = crate::import::job::import_paths(&mut session.store, &[path.to_path_buf()], false);
    imported_action(session, result)
}

/// The import report's width in the app's overlay.
const REPORT_WIDTH: usize = 96;

/// The action reporting an import's result; rebuilds the index of
/// `session` when listings changed.
pub fn imported_action(
    session: &mut Session,
    result: Result<crate::import::job::Report, crate::import::job::JobError>,
) -> Action {
    let report = match result {
        Ok(r) => r,
        Err(e) => {
            return Action::Imported {
                report: format!("{e:#}"),
                index: None,
                failed: true,
            };
        }
    };
    let text = crate::import::report::render(&report, REPORT_WIDTH);
    if !report.changed() {
        return Action::Imported {
            report: text,
            index: None,
            failed: false,
        };
    }
    match session.reload() {
        Ok(()) => Action::Imported {
            report: text,
            index: Some(super::action::NewIndex(session.index.clone())),
            failed: false,
        },
        Err(e) => Action::Imported {
            report: format!("{text}\nThe listings were imported, but reloading them failed: {e}"),
            index: None,
            failed: true,
        },
    }
}

/// The saved searches with their counts (one rule with `backdesk saved`).
fn list_saved(session: &Session, home_city: Option<&str>) -> Action {
    match crate::session::saved::saved_counts(&session.store, &session.index, home_city) {
        Ok(list) => Action::SavedListed(list),
        Err(e) => Action::Failed(e.to_string()),
    }
}

fn open_saved(session: &mut Session, name: &str) -> anyhow::Result<Option<Query>> {
    let Some(s) = session.store.saved_search(name)? else {
        return Ok(None);
    };
    session.store.mark_saved_opened(name)?;
    Ok(Some(s.query))
}

fn mark_applied(session: &mut Session, listing_id: i64) -> Result<Action, StoreError> {
    use crate::tracker::Status;
    let store = &mut session.store;
    let (id, _) = store.save_listing(listing_id)?;
    let status = store.application(id)?.map(|a| a.status);
    let already = match status {
        Some(Status::Saved) => {
            store.move_application(id, Status::Applied, "")?;
            None
        }
        // past saved: it stays where it is, and the message says where
        other => other,
    };
    Ok(Action::MarkedApplied {
        listing_id,
        already,
    })
}

/// State plus session, with every effect performed at once.
pub struct Driver {
    pub state: State,
    pub session: Session,
    searcher: Searcher,
    opts: Options,
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
        let mut searcher = Searcher::new(session.index.clone(), sidebar::counted());
        searcher.set_profile(state.profile.clone());
        let mut d = Driver {
            state,
            session,
            searcher,
            opts: opts.clone(),
        };
        d.start();
        Ok(d)
    }

    /// Starts the demo again: a fresh in-memory catalogue and state.
    fn reset_demo(&mut self) -> anyhow::Result<()> {
        let (w, h) = (self.state.width, self.state.height);
        self.session = demo_session()?;
        self.state = initial_state(&self.session, &self.opts, w, h)?;
        self.searcher = Searcher::new(self.session.index.clone(), sidebar::counted());
        self.searcher.set_profile(self.state.profile.clone());
        self.state.flash("Demo started again");
        self.start();
        Ok(())
    }

    /// The first search and tracker load.
    pub fn start(&mut self) {
        let effects = start_effects(&mut self.state);
        self.perform(effects);
    }

    /// Handles an action and everything it leads to.
    pub fn act(&mut self, action: Action) {
        let effects = update(&mut self.state, action);
        self.perform(effects);
    }

    /// Handles a terminal event.
    pub fn event(&mut self, ev: &Event) {
        if let Some(a) = event_action(&self.state, ev) {
            self.act(a);
        }
    }

    fn perform(&mut self, effects: Vec<Effect>) {
        let mut queue: std::collections::VecDeque<Effect> = effects.into();
        while let Some(e) = queue.pop_front() {
            let next = match &e {
                Effect::Search { generation, query } => {
                    self.searcher
                        .search(query, &never)
                        .map(|r| Action::Searched {
                            generation: *generation,
                            results: Arc::new(r),
                        })
                }
                Effect::UseProfile(p) => {
                    self.searcher.set_profile(p.clone());
                    None
                }
                Effect::ResetDemo => {
                    if let Err(e) = self.reset_demo() {
                        self.state.flash_error(format!("could not reset: {e}"));
                    }
                    return;
                }
                other => perform_store(&mut self.session, other),
            };
            if let Some(Action::Imported {
                index: Some(ix), ..
            }) = &next
            {
                self.searcher = Searcher::new(ix.0.clone(), sidebar::counted());
                self.searcher.set_profile(self.state.profile.clone());
            }
            if let Some(a) = next {
                queue.extend(update(&mut self.state, a));
            }
        }
    }
}

/// A demo's session: the embedded catalogue in memory, nothing on disk.
pub fn demo_session() -> anyhow::Result<Session> {
    Ok(Session::new(crate::store::Store::open_in_memory()?)?)
}

/// Effects to run when the TUI starts: the first search and the tracker.
pub fn start_effects(st: &mut State) -> Vec<Effect> {
    st.listings.generation += 1;
    vec![
        Effect::LoadTracker,
        Effect::Search {
            generation: st.listings.generation,
            query: st.listings.query.clone(),
        },
    ]
}
