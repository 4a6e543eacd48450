//! A session's first state and first effects.

use std::collections::HashSet;
use std::sync::Arc;

use super::Options;
use super::action::Effect;
use super::keymap::Keymap;
use super::state::{Data, Init, State, profile_unlocks};
use super::theme::Theme;
use super::update;
use crate::fit::FitProfile;
use crate::search::Query;
use crate::session::Session;

/// What starting the TUI needs besides a session.
/// The theme comes from the config and `NO_COLOR`.
pub fn initial_state(
    session: &Session,
    opts: &Options,
    width: u16,
    height: u16,
) -> anyhow::Result<State> {
    let theme = Theme::from_env(&opts.config.theme);
    initial_state_with(session, opts, theme, width, height)
}

/// [`initial_state`] in this theme (read nothing from the environment).
pub fn initial_state_with(
    session: &Session,
    opts: &Options,
    theme: Theme,
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
        theme,
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
