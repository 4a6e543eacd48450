//! The profile form, saved searches, "near me" and the demo reset.

use std::sync::Arc;

use crate::fit::FitProfile;
use crate::tui::action::{Action, Effect, Tab};
use crate::tui::form::{Form, Output, Step};
use crate::tui::input::TextInput;
use crate::tui::state::{Overlay, Pane, SavedOverlay, State, profile_unlocks};

/// Distances "near me" cycles through, km.
pub const WITHIN: [u32; 4] = [25, 50, 100, 300];

fn search(st: &mut State) -> Effect {
    st.listings.generation += 1;
    Effect::Search {
        generation: st.listings.generation,
        query: st.listings.query.clone(),
    }
}

/// `w`: only listings within 25, 50, 100, 300 km of home, then all.
pub(super) fn cycle_within(st: &mut State) -> Vec<Effect> {
    if st.listings.query.home_city.is_none() {
        st.flash_error("Set a home city in your profile (P) to filter by distance");
        return Vec::new();
    }
    let q = &mut st.listings.query;
    q.within_km = match q.within_km {
        None => Some(WITHIN[0]),
        Some(k) => WITHIN.iter().copied().find(|&w| w > k),
    };
    let msg = match q.within_km {
        Some(k) => format!(
            "Within {k} km of {}",
            q.home_city.clone().unwrap_or_default()
        ),
        None => "Any distance".to_string(),
    };
    st.flash(msg);
    vec![search(st)]
}

pub(super) fn open_profile(st: &mut State) -> Vec<Effect> {
    st.overlay = Some(Overlay::Profile(Form::profile(
        &st.config_profile,
        &st.index().vocab().cities,
    )));
    Vec::new()
}

/// Keys while the profile form is open.
pub(super) fn profile_form(st: &mut State, action: Action) -> Vec<Effect> {
    let today = st.index().today().unwrap_or(jiff::civil::date(2026, 1, 1));
    let Some(Overlay::Profile(form)) = st.overlay.as_mut() else {
        return Vec::new();
    };
    match form.handle(&action, today) {
        Step::Editing => Vec::new(),
        Step::Cancelled => {
            st.overlay = None;
            st.flash("Profile not changed");
            Vec::new()
        }
        Step::Invalid => {
            st.flash_error("Not saved: fix the marked field");
            Vec::new()
        }
        Step::Done(Output::Profile(p)) => {
            st.overlay = None;
            apply_profile(st, *p)
        }
        Step::Done(_) => Vec::new(),
    }
}

/// Puts a new profile in force: fit, distances, skill gaps, the worker.
fn apply_profile(st: &mut State, p: crate::config::Profile) -> Vec<Effect> {
    let vocab = st.index().vocab();
    let (fit, _) = FitProfile::resolve(&p, &vocab.skills, &vocab.cities);
    let fit = (!fit.is_empty()).then(|| Arc::new(fit));
    st.unlocks = profile_unlocks(st.index(), fit.as_deref());
    st.home_city = fit
        .as_ref()
        .and_then(|f| f.home.as_ref().map(|c| c.name.clone()));
    st.listings.query.home_city = st.home_city.clone();
    if st.listings.query.home_city.is_none() {
        st.listings.query.within_km = None;
    }
    st.profile = fit.clone();
    st.config_profile = p.clone();
    let mut effects = vec![Effect::UseProfile(fit), search(st)];
    match (&st.config_path, st.demo) {
        (Some(path), false) => effects.push(Effect::SaveProfile {
            path: path.clone(),
            profile: Box::new(p),
        }),
        (_, true) => st.flash("Demo: the profile is used until you quit, not saved"),
        (None, false) => st.flash("Profile in use (no config file to save it to)"),
    }
    effects
}

/// `b`: name the current search.
pub(super) fn start_saving(st: &mut State) -> Vec<Effect> {
    st.overlay = Some(Overlay::SavedSearches(SavedOverlay {
        naming: Some(TextInput::default()),
        ..SavedOverlay::default()
    }));
    Vec::new()
}

/// `'`: the saved searches.
pub(super) fn open_saved(st: &mut State) -> Vec<Effect> {
    st.overlay = Some(Overlay::SavedSearches(SavedOverlay::default()));
    vec![Effect::ListSaved {
        home_city: st.home_city.clone(),
    }]
}

/// Keys while the saved-searches overlay is open: the list (Enter opens,
/// `r` renames, `d` deletes), or a name being typed.
pub(super) fn saved_overlay(st: &mut State, action: Action) -> Vec<Effect> {
    let Some(o) = st.saved_searches_mut() else {
        return Vec::new();
    };
    if let Some(name) = o.naming.as_mut() {
        if name.apply(&action).is_some() {
            return Vec::new();
        }
        let typed = name.text().trim().to_string();
        return match action {
            // one level up: from renaming back to the list
            Action::Escape if o.renaming.is_some() => {
                o.naming = None;
                o.renaming = None;
                Vec::new()
            }
            Action::Escape => {
                st.overlay = None;
                st.flash("Search not saved");
                Vec::new()
            }
            Action::Open if !typed.is_empty() => {
                if let Some(old) = o.renaming.take() {
                    o.naming = None;
                    return vec![Effect::RenameSaved { old, new: typed }];
                }
                st.overlay = None;
                let mut query = st.listings.query.clone();
                query.home_city = None; // the profile's, not the search's
                vec![Effect::SaveSearch {
                    name: typed,
                    query: Box::new(query),
                }]
            }
            _ => Vec::new(),
        };
    }
    let len = o.list.len();
    let selected = o.list.get(o.cursor.selected).map(|s| s.name.clone());
    match action {
        Action::Up => o.cursor.step(-1, len, 20),
        Action::Down => o.cursor.step(1, len, 20),
        Action::Escape | Action::SavedSearches => st.overlay = None,
        Action::Open => {
            if let Some(name) = selected {
                st.overlay = None;
                return vec![Effect::OpenSaved(name)];
            }
        }
        Action::Rename => {
            if let Some(name) = selected {
                let mut input = TextInput::default();
                input.set(&name);
                o.naming = Some(input);
                o.renaming = Some(name);
            }
        }
        Action::DeleteItem => {
            if let Some(name) = selected {
                return vec![Effect::DeleteSaved(name)];
            }
        }
        _ => {}
    }
    Vec::new()
}

/// A saved search arrived: run it on the Listings tab.
pub(super) fn saved_opened(st: &mut State, q: crate::search::Query) -> Vec<Effect> {
    let home = st.listings.query.home_city.clone();
    st.listings.query = q;
    st.listings.query.home_city = home;
    let text = st.listings.query.text.clone();
    st.listings.screen.input.set(&text);
    st.listings.screen.pane = Pane::Results;
    st.tab = Tab::Listings;
    st.flash("Saved search opened; what is new to it is now seen");
    vec![search(st)]
}
