//! The Listings screen: what it lists (the search results), what the text
//! and the filters mean, and its own commands. The box, panes, cursors,
//! clicks and wheel are the shared search screen's
//! ([`crate::tui::screen`]).

use std::sync::Arc;

use ratatui::layout::Rect;

use crate::search::understand::Interpretation;
use crate::search::{Results, Sort};
use crate::tui::action::{Action, Effect};
use crate::tui::screen::update::{self as screen, Listed};
use crate::tui::screen::{Pane, Screen};
use crate::tui::sidebar::{self, GroupId, SideLine};
use crate::tui::state::State;

/// The Listings screen on the shared search screen.
pub(crate) struct ListingsScreen;

impl Listed for ListingsScreen {
    const HEADER: u16 = 1;
    const ENTER: Pane = Pane::Results;

    fn screen(st: &State) -> &Screen {
        &st.listings.screen
    }

    fn screen_mut(st: &mut State) -> &mut Screen {
        &mut st.listings.screen
    }

    fn len(st: &State) -> usize {
        st.listings.results.total()
    }

    fn side_lines(st: &State) -> Vec<SideLine> {
        let l = &st.listings;
        sidebar::lines(
            sidebar::listing_groups(st.index(), &l.results, &l.query, &understood(st)),
            &l.screen.side,
        )
    }

    fn edited(st: &mut State) -> Vec<Effect> {
        st.listings.query.text = st.listings.screen.input.text().to_string();
        // a new search of one's own: the replaced one is not coming back
        st.listings.previous = None;
        search(st)
    }

    fn moved(st: &mut State) -> Vec<Effect> {
        load_detail(st)
    }

    /// A facet value of the query, or a part of the text (which then
    /// leaves the box).
    fn pick(st: &mut State, group: GroupId, key: &str, exclude: bool) -> Vec<Effect> {
        let u = understood(st);
        match group {
            GroupId::Understood => {
                // a part read from the text: take its words out of the box
                match u.parts.iter().find(|p| p.span.start.to_string() == key) {
                    Some(p) => {
                        let text = u.without(&p.span);
                        st.flash(format!(
                            "Took “{}” out of the search",
                            u.text.get(p.span.clone()).unwrap_or("")
                        ));
                        set_text(st, &text)
                    }
                    None => Vec::new(),
                }
            }
            GroupId::Facet(facet) => {
                // a value the text selects (and the query does not): toggling
                // it takes its words out of the box
                let by_hand = st
                    .listings
                    .query
                    .selection(facet)
                    .is_some_and(|s| s.include.contains(key) || s.exclude.contains(key));
                if !by_hand && let Some(p) = sidebar::part_naming(&u, facet, key) {
                    let text = u.without(&p.span);
                    return set_text(st, &text);
                }
                if exclude {
                    st.listings.query.toggle_exclude(facet, key);
                } else {
                    st.listings.query.toggle_include(facet, key);
                }
                search(st)
            }
            GroupId::Role(_) => Vec::new(),
        }
    }

    /// Sort, literal words, the suggestion, save and apply, and Esc
    /// bringing back a search a jump replaced.
    fn command(st: &mut State, action: &Action) -> Option<Vec<Effect>> {
        Some(match action {
            // from the results, Esc brings back the search a jump from Roles
            // replaced
            Action::Escape
                if st.listings.screen.pane == Pane::Results && st.listings.previous.is_some() =>
            {
                let q = st.listings.previous.take()?;
                let text = q.text.clone();
                st.listings.query = q;
                st.listings.screen.input.set(&text);
                st.flash("The previous search is back");
                search(st)
            }
            Action::ToggleLiteral => {
                let literal = !st.listings.query.literal;
                st.listings.query.literal = literal;
                st.flash(if literal {
                    "Words matched exactly as typed (ctrl-l reads them again)"
                } else {
                    "Reading places, pay, modes and synonyms in the search again"
                });
                search(st)
            }
            Action::AcceptSuggestion => match st.listings.results.suggestion.clone() {
                Some(s) => {
                    st.flash(format!("Searching for '{s}'"));
                    set_text(st, &s)
                }
                None => Vec::new(),
            },
            Action::ClearFilters => {
                if st.listings.query.filter_count() == 0 {
                    return Some(Vec::new());
                }
                st.listings.query.clear_filters();
                st.flash("Filters cleared");
                search(st)
            }
            Action::CycleSort => cycle_sort(st),
            Action::Save => match st.listings.selected_id(st.index()) {
                Some(id) => vec![Effect::SaveListing(id)],
                None => Vec::new(),
            },
            Action::Apply => match st.listings.selected_id(st.index()) {
                Some(id) => vec![Effect::MarkApplied(id)],
                None => Vec::new(),
            },
            _ => return None,
        })
    }

    fn detail_max(st: &State, r: Rect) -> u16 {
        crate::tui::ui::detail::listing_max_scroll(st, r)
    }
}

/// What the search box is read as (nothing when understanding is off).
pub(crate) fn understood(st: &State) -> Interpretation {
    let q = &st.listings.query;
    if q.literal {
        Interpretation::default()
    } else {
        st.index().interpret(&q.text)
    }
}

/// Replaces the search text (the box and the query) and searches.
fn set_text(st: &mut State, text: &str) -> Vec<Effect> {
    st.listings.screen.input.set(text);
    st.listings.query.text = st.listings.screen.input.text().to_string();
    search(st)
}

pub(super) fn refit(st: &mut State) {
    screen::refit::<ListingsScreen>(st);
}

pub(super) fn update(st: &mut State, action: Action) -> Vec<Effect> {
    screen::update::<ListingsScreen>(st, action)
}

/// Asks for a search with the current query.
pub(super) fn search(st: &mut State) -> Vec<Effect> {
    st.listings.generation += 1;
    vec![Effect::Search {
        generation: st.listings.generation,
        query: st.listings.query.clone(),
    }]
}

/// The detail to load for the selected row, if it is not loaded.
fn load_detail(st: &State) -> Vec<Effect> {
    match st.listings.selected_id(st.index()) {
        Some(id) if st.listings.detail.as_ref().map(|d| d.id) != Some(id) => {
            vec![Effect::LoadDetail(id)]
        }
        _ => Vec::new(),
    }
}

pub(super) fn searched(st: &mut State, generation: u64, results: Arc<Results>) -> Vec<Effect> {
    let l = &mut st.listings;
    if generation != l.generation {
        return Vec::new(); // overtaken by a newer search
    }
    let keep = l.selected_id(&st.data.index);
    let to_top = l.results.total() == 0
        || l.shown_generation == 0
        || l.query.text != l.shown_text
        || l.query.sort != l.shown_sort;
    l.results = results;
    l.shown_generation = generation;
    l.shown_text = l.query.text.clone();
    l.shown_sort = l.query.sort;
    let index = &st.data.index;
    let row = match keep {
        Some(id) if !to_top => l
            .results
            .hits
            .iter()
            .position(|h| index.id(h.row as usize) == id)
            .unwrap_or(0),
        _ => 0,
    };
    st.listings.screen.results_want = crate::tui::ui::columns::listings_want(st);
    let rows = screen::list_rows::<ListingsScreen>(st);
    let len = st.listings.results.total();
    st.listings.screen.cursor.to(row, len, rows);
    if len == 0 {
        st.listings.detail = None;
    }
    screen::fit_side::<ListingsScreen>(st);
    load_detail(st)
}

fn cycle_sort(st: &mut State) -> Vec<Effect> {
    let has_profile = st.profile.is_some();
    let q = &mut st.listings.query;
    q.sort = q.sort.next();
    // skip the orders the profile cannot support
    for _ in 0..Sort::ALL.len() {
        let usable = match q.sort {
            Sort::Distance => q.home_city.is_some(),
            Sort::Fit => has_profile,
            _ => true,
        };
        if usable {
            break;
        }
        q.sort = q.sort.next();
    }
    let label = q.sort.label();
    st.flash(format!("Sorted by {label}"));
    search(st)
}
