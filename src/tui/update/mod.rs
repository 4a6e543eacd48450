//! `update(state, action) -> effects`: the only place state changes. No
//! I/O happens here; work for the loop comes back as effects.

mod import;
pub(crate) mod listings;
mod me;
pub(crate) mod palette;
pub(crate) mod roles;
pub mod tracker;

use super::action::{Action, Effect, Tab};
use super::layout;
use super::state::{Overlay, State};

/// Applies an action; returns what the loop must do next.
pub fn update(st: &mut State, action: Action) -> Vec<Effect> {
    // results of work and terminal events apply whatever has the focus
    match action {
        Action::Resize { width, height } => {
            st.width = width;
            st.height = height;
            listings::refit(st);
            roles::refit(st);
            tracker::refit(st);
            return Vec::new();
        }
        Action::Searched {
            generation,
            results,
        } => return listings::searched(st, generation, results),
        Action::DetailLoaded(l) => {
            st.listings.detail = *l;
            st.listings.screen.detail_scroll = 0;
            return Vec::new();
        }
        Action::Saved { listing_id, new } => {
            st.saved.insert(listing_id);
            st.flash(if new {
                "Saved to the tracker (tab 4)"
            } else {
                "Already in the tracker"
            });
            return vec![Effect::LoadTracker];
        }
        Action::TrackerLoaded(apps) => {
            tracker::loaded(st, apps);
            return Vec::new();
        }
        Action::MarkedApplied {
            listing_id,
            already,
        } => {
            st.saved.insert(listing_id);
            match already {
                None => st.flash("Marked applied (tab 4)"),
                Some(s) => st.flash(format!(
                    "Already at {} in the tracker (tab 4): nothing changed",
                    s.label()
                )),
            }
            return vec![Effect::LoadTracker];
        }
        Action::Changed(msg) => {
            st.flash(msg);
            return vec![Effect::LoadTracker];
        }
        Action::Imported {
            report,
            index,
            failed,
        } => return import::imported(st, report, index, failed),
        Action::Note(msg) => {
            st.flash(msg);
            return Vec::new();
        }
        Action::SavedListed(list) => {
            if let Some(o) = st.saved_searches_mut() {
                o.list = list;
                o.cursor = Default::default();
            }
            return Vec::new();
        }
        Action::SavedChanged(msg) => {
            st.flash(msg);
            return match st.saved_searches() {
                Some(_) => vec![Effect::ListSaved {
                    home_city: st.home_city.clone(),
                }],
                None => Vec::new(),
            };
        }
        Action::SavedOpened(q) => return me::saved_opened(st, *q),
        Action::Failed(msg) => {
            st.flash_error(msg);
            return Vec::new();
        }
        Action::EditLoaded(a) => return tracker::edit_loaded(st, *a),
        a @ (Action::EditSaved(_) | Action::EditConflict { .. } | Action::EditFailed(_)) => {
            return tracker::edit_answered(st, a);
        }
        Action::Tick => return tick(st),
        Action::DatabaseChanged => return vec![Effect::LoadTracker],
        Action::DatabaseReplaced => {
            let why = "the database file was replaced or deleted while the app had it open; nothing more is saved. Quit and start again to use the file now at its path";
            if st.read_only.is_none() {
                st.read_only = Some(why.into());
                st.flash_error(why);
            }
            return Vec::new();
        }
        Action::Busy(effect) => {
            st.retry.push(*effect);
            st.flash("The database is busy (another backdesk is writing): trying again…");
            return Vec::new();
        }
        Action::ImportProgress(text) => {
            if let Some(p) = st.import_mut() {
                p.progress = Some(text);
            }
            return Vec::new();
        }
        Action::Quit => {
            st.quit = true;
            return vec![Effect::Quit];
        }
        _ => {}
    }
    if let Some(effects) = overlay(st, &action) {
        return effects;
    }
    st.flash = None;
    st.banner = None;
    match action {
        Action::Help => {
            st.overlay = Some(Overlay::Help { scroll: 0 });
            Vec::new()
        }
        Action::Palette => palette::open(st),
        Action::Import => import::open(st),
        Action::EditProfile => me::open_profile(st),
        Action::SavedSearches => me::open_saved(st),
        Action::SaveSearch if st.tab == Tab::Listings => me::start_saving(st),
        Action::CycleWithin if st.tab == Tab::Listings => me::cycle_within(st),
        Action::CopyLink => super::clipboard::copy_link(st),
        Action::ResetDemo if st.demo => vec![Effect::ResetDemo],
        Action::GoTab(t) => go_tab(st, t),
        Action::NextTab => go_tab(st, Tab::ALL[(st.tab.index() + 1) % Tab::ALL.len()]),
        Action::PrevTab => go_tab(
            st,
            Tab::ALL[(st.tab.index() + Tab::ALL.len() - 1) % Tab::ALL.len()],
        ),
        Action::TogglePeriod => {
            st.period = st.period.toggled();
            st.flash(match st.period {
                crate::money::Period::Monthly => "Salaries per month",
                crate::money::Period::Annual => "Salaries per year (LPA)",
            });
            Vec::new()
        }
        Action::Click { column, row: 0 } => {
            match layout::tab_at(root(st).tabs, column, &tab_keys(st)) {
                Some(t) => go_tab(st, t),
                None => Vec::new(),
            }
        }
        a => match st.tab {
            Tab::Listings => listings::update(st, a),
            Tab::Roles => roles::update(st, a),
            Tab::Salaries => salaries(st, a),
            Tab::Tracker => tracker::update(st, a),
        },
    }
}

/// Keys while an overlay is open: it takes them all, but for the tab keys
/// from help or the palette (which close them). `None` when no overlay is
/// open or it let the action through.
fn overlay(st: &mut State, action: &Action) -> Option<Vec<Effect>> {
    let help_end = if st.help_open() {
        super::ui::help::max_scroll(st)
    } else {
        0
    };
    let o = st.overlay.as_mut()?;
    Some(match o {
        Overlay::Import(_) => import::update(st, action.clone()),
        Overlay::SavedSearches(_) => me::saved_overlay(st, action.clone()),
        Overlay::Profile(_) => me::profile_form(st, action.clone()),
        Overlay::TrackerForm(_) => tracker::form_keys(st, action.clone()),
        Overlay::Palette(_) => return palette::update(st, action),
        Overlay::Help { scroll } => {
            match action {
                Action::Help | Action::Escape | Action::Click { .. } => st.overlay = None,
                Action::Down | Action::ScrollDown { .. } => {
                    *scroll = scroll.saturating_add(1).min(help_end)
                }
                Action::Up | Action::ScrollUp { .. } => *scroll = scroll.saturating_sub(1),
                Action::Palette
                | Action::GoTab(_)
                | Action::NextTab
                | Action::PrevTab
                | Action::EditProfile
                | Action::SavedSearches => {
                    st.overlay = None;
                    return None;
                }
                _ => {}
            }
            Vec::new()
        }
    })
}

/// How many ticks (of about half a second) a busy change is tried again.
const RETRY_TICKS: u32 = 40;

/// The timer: ask whether the database changed elsewhere, and try again
/// what found it busy (for about 20 s, then say it was not done).
fn tick(st: &mut State) -> Vec<Effect> {
    let mut out = vec![Effect::CheckChanged];
    if st.retry.is_empty() {
        st.retry_ticks = 0;
        return out;
    }
    st.retry_ticks += 1;
    if st.retry_ticks > RETRY_TICKS {
        st.retry.clear();
        st.retry_ticks = 0;
        st.flash_error(
            "The database stayed busy for 20 s, so that change was not made; try it again",
        );
        return out;
    }
    out.extend(std::mem::take(&mut st.retry));
    out
}

fn go_tab(st: &mut State, t: Tab) -> Vec<Effect> {
    st.tab = t;
    if t == Tab::Tracker {
        vec![Effect::LoadTracker]
    } else {
        Vec::new()
    }
}

/// The key shown for each tab: the one that switches to it in this mode.
pub(crate) fn tab_keys(st: &State) -> [String; 4] {
    let mode = st.mode();
    Tab::ALL.map(|t| st.keymap.key(mode, t.command()).unwrap_or_default())
}

pub(crate) fn root(st: &State) -> layout::Root {
    layout::root(ratatui::layout::Rect::new(0, 0, st.width, st.height))
}

/// Rows of a list moved by an action, or `None` if the action is not a move.
pub(crate) fn movement(action: &Action, page: usize) -> Option<isize> {
    let page = page.max(1) as isize;
    Some(match action {
        Action::Up => -1,
        Action::Down => 1,
        Action::PageUp => -page,
        Action::PageDown => page,
        Action::Top => isize::MIN / 2,
        Action::Bottom => isize::MAX / 2,
        _ => return None,
    })
}

/// The Salaries screen: pick a role, toggle monthly/annual.
pub(crate) fn salaries_table(st: &State) -> ratatui::layout::Rect {
    let body = root(st).body;
    let split = super::ui::salaries::split(body);
    split.roles
}

fn salaries(st: &mut State, action: Action) -> Vec<Effect> {
    let len = st.index().vocab().roles.len();
    let rows = layout::table_rows(salaries_table(st));
    if let Some(d) = movement(&action, rows) {
        st.salaries.cursor.step(d, len, rows);
        return Vec::new();
    }
    match action {
        Action::Click { column, row } => {
            let r = salaries_table(st);
            if layout::contains(r, column, row) && row >= r.y + 2 {
                let i = st.salaries.cursor.offset + (row - r.y - 2) as usize;
                st.salaries.cursor.to(i, len, rows);
            }
        }
        Action::ScrollUp { .. } => st.salaries.cursor.scroll(-3, len, rows),
        Action::ScrollDown { .. } => st.salaries.cursor.scroll(3, len, rows),
        Action::RoleListings | Action::Open => {
            let role = st.salaries.cursor.selected;
            return roles::jump_to_listings(st, role);
        }
        _ => {}
    }
    Vec::new()
}

/// Sidebar width for the Listings and Roles screens.
pub const SIDEBAR: u16 = 26;
