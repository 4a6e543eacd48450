//! The Listings screen: typing, filters, results, detail.

use std::sync::Arc;

use super::{SIDEBAR, listings_focus, movement, root};
use crate::search::understand::Interpretation;
use crate::search::{Results, Sort};
use crate::tui::action::{Action, Effect};
use crate::tui::layout::{self, Focus, Panes};
use crate::tui::sidebar::{self, GroupId, SideId, SideLine};
use crate::tui::state::{Pane, State};

pub(crate) fn panes(st: &State) -> Panes {
    panes_in(st, root(st).body)
}

/// The panes in `body` (drawing passes the frame's own area).
pub(crate) fn panes_in(st: &State, body: ratatui::layout::Rect) -> Panes {
    layout::panes(body, listings_focus(st), SIDEBAR)
}

/// Rows of results visible. On narrower screens the list gives way to the
/// focused sidebar or detail, and comes back the same size: count those.
fn result_rows(st: &State) -> usize {
    let body = root(st).body;
    layout::panes(body, Focus::Main, SIDEBAR)
        .main
        .map_or_else(|| layout::table_rows(body), layout::table_rows)
}

/// Lines of the sidebar visible (when it shows: it has the same size then).
fn side_rows(st: &State) -> usize {
    let body = root(st).body;
    layout::panes(body, Focus::Side, SIDEBAR)
        .side
        .map_or_else(|| layout::inner_rows(body), layout::inner_rows)
}

pub(crate) fn side_lines(st: &State) -> Vec<SideLine> {
    let l = &st.listings;
    sidebar::lines(
        sidebar::listing_groups(st.index(), &l.results, &l.query, &understood(st)),
        &l.side,
    )
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
    st.listings.input.set(text);
    st.listings.query.text = st.listings.input.text().to_string();
    search(st)
}

/// Keeps the cursors inside the visible windows after a resize.
pub(super) fn refit(st: &mut State) {
    let (len, rows) = (st.listings.results.total(), result_rows(st));
    st.listings.cursor.fit(len, rows);
    fit_side(st);
}

fn fit_side(st: &mut State) {
    let lines = side_lines(st);
    let pos = sidebar::position(&lines, &st.listings.side.at);
    let rows = side_rows(st);
    st.listings.side.follow(pos, rows, lines.len());
}

/// Asks for a search with the current query.
fn search(st: &mut State) -> Vec<Effect> {
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
    let rows = result_rows(st);
    let len = st.listings.results.total();
    st.listings.cursor.to(row, len, rows);
    if len == 0 {
        st.listings.detail = None;
    }
    fit_side(st);
    load_detail(st)
}

fn edit(st: &mut State, action: &Action) -> Option<Vec<Effect>> {
    let before = st.listings.input.text().to_string();
    let kept = st.listings.input.apply(action)?;
    if !kept {
        st.flash_error("Search text is limited to 200 characters; the rest was dropped");
    }
    if st.listings.input.text() == before {
        return Some(Vec::new());
    }
    st.listings.query.text = st.listings.input.text().to_string();
    // a new search of one's own: the replaced one is not coming back
    st.listings.previous = None;
    Some(search(st))
}

pub(super) fn update(st: &mut State, action: Action) -> Vec<Effect> {
    if st.listings.pane == Pane::Search
        && let Some(effects) = edit(st, &action)
    {
        return effects;
    }
    match action {
        Action::FocusSearch => {
            st.listings.pane = Pane::Search;
            Vec::new()
        }
        // one level up: a pane or the box to the results; from the
        // results, the search a jump from Roles replaced
        Action::Escape => {
            if st.listings.pane == Pane::Results
                && let Some(q) = st.listings.previous.take()
            {
                let text = q.text.clone();
                st.listings.query = q;
                st.listings.input.set(&text);
                st.flash("The previous search is back");
                return search(st);
            }
            st.listings.pane = Pane::Results;
            Vec::new()
        }
        Action::NextPane => {
            st.listings.pane = st.listings.pane.next();
            fit_side(st);
            Vec::new()
        }
        Action::PrevPane => {
            st.listings.pane = st.listings.pane.prev();
            fit_side(st);
            Vec::new()
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
                return Vec::new();
            }
            st.listings.query.clear_filters();
            st.flash("Filters cleared");
            search(st)
        }
        Action::CycleSort => {
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
        Action::Save => match st.listings.selected_id(st.index()) {
            Some(id) => vec![Effect::SaveListing(id)],
            None => Vec::new(),
        },
        Action::Apply => match st.listings.selected_id(st.index()) {
            Some(id) => vec![Effect::MarkApplied(id)],
            None => Vec::new(),
        },
        Action::Click { column, row } => click(st, column, row),
        Action::ScrollUp { column, row } => scroll(st, column, row, -3),
        Action::ScrollDown { column, row } => scroll(st, column, row, 3),
        Action::Open if st.listings.pane == Pane::Search => {
            st.listings.pane = Pane::Results;
            Vec::new()
        }
        a => match st.listings.pane {
            // down from the box goes to the results: the next letter is a
            // command there ("payroll", down, down, s saves), not text
            Pane::Search => {
                if matches!(a, Action::Down | Action::PageDown) {
                    st.listings.pane = Pane::Results;
                }
                results_keys(st, a)
            }
            Pane::Results => results_keys(st, a),
            Pane::Filters => side_keys(st, a),
            Pane::Detail => detail_keys(st, a),
        },
    }
}

fn results_keys(st: &mut State, action: Action) -> Vec<Effect> {
    let rows = result_rows(st);
    let len = st.listings.results.total();
    if let Some(d) = movement(&action, rows) {
        st.listings.cursor.step(d, len, rows);
        return load_detail(st);
    }
    match action {
        Action::Open if len > 0 => {
            st.listings.pane = Pane::Detail;
            load_detail(st)
        }
        _ => Vec::new(),
    }
}

/// How far the listing detail scrolls at this size (0 when it is hidden).
fn detail_max(st: &State) -> u16 {
    panes(st)
        .detail
        .map_or(0, |r| crate::tui::ui::detail::listing_max_scroll(st, r))
}

fn detail_keys(st: &mut State, action: Action) -> Vec<Effect> {
    let page = panes(st)
        .detail
        .map_or(10, |r| layout::inner_rows(r) as u16);
    let max = detail_max(st);
    let s = &mut st.listings.detail_scroll;
    // a resize may have left it past the end
    *s = (*s).min(max);
    match action {
        Action::Up => *s = s.saturating_sub(1),
        Action::Down => *s = s.saturating_add(1).min(max),
        Action::PageUp => *s = s.saturating_sub(page),
        Action::PageDown => *s = s.saturating_add(page).min(max),
        Action::Top => *s = 0,
        Action::Bottom => *s = max,
        Action::Open => st.listings.pane = Pane::Results,
        _ => {}
    }
    Vec::new()
}

fn side_keys(st: &mut State, action: Action) -> Vec<Effect> {
    let lines = side_lines(st);
    if lines.is_empty() {
        return Vec::new();
    }
    let pos = sidebar::position(&lines, &st.listings.side.at);
    let rows = side_rows(st);
    if let Some(d) = movement(&action, rows) {
        let to = (pos as isize + d).clamp(0, lines.len() as isize - 1) as usize;
        st.listings.side.at = Some(lines[to].id.clone());
        fit_side(st);
        return Vec::new();
    }
    match action {
        Action::Toggle | Action::Open => activate(st, &lines[pos], false),
        Action::Exclude => activate(st, &lines[pos], true),
        _ => Vec::new(),
    }
}

/// Space/Enter (or `x`) on a sidebar line.
fn activate(st: &mut State, line: &SideLine, exclude: bool) -> Vec<Effect> {
    match &line.id {
        SideId::Header(group) | SideId::More(group) => {
            toggle_expanded(st, *group);
            Vec::new()
        }
        SideId::Value(GroupId::Understood, key) => {
            // a part read from the text: take its words out of the box
            let u = understood(st);
            match u.parts.iter().find(|p| p.span.start.to_string() == *key) {
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
        SideId::Value(GroupId::Facet(facet), key) => {
            let facet = *facet;
            // a value the text selects (and the query does not): toggling
            // it takes its words out of the box
            let u = understood(st);
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
        SideId::Value(GroupId::Role(_), _) => Vec::new(),
    }
}

fn toggle_expanded(st: &mut State, group: GroupId) {
    let e = &mut st.listings.side.expanded;
    if !e.remove(&group) {
        e.insert(group);
    }
    st.listings.side.at = Some(SideId::Header(group));
    fit_side(st);
}

fn click(st: &mut State, column: u16, row: u16) -> Vec<Effect> {
    let p = panes(st);
    if layout::contains(p.search, column, row) {
        st.listings.pane = Pane::Search;
        return Vec::new();
    }
    if let Some(r) = p.main
        && layout::contains(r, column, row)
    {
        st.listings.pane = Pane::Results;
        if row >= r.y + 2 && row < r.y + r.height - 1 {
            let i = st.listings.cursor.offset + (row - r.y - 2) as usize;
            let (len, rows) = (st.listings.results.total(), layout::table_rows(r));
            if i < len {
                st.listings.cursor.to(i, len, rows);
                return load_detail(st);
            }
        }
        return Vec::new();
    }
    if let Some(r) = p.side
        && layout::contains(r, column, row)
    {
        st.listings.pane = Pane::Filters;
        if row > r.y && row < r.y + r.height - 1 {
            let lines = side_lines(st);
            let i = st.listings.side.offset + (row - r.y - 1) as usize;
            if let Some(line) = lines.get(i).cloned() {
                st.listings.side.at = Some(line.id.clone());
                return activate(st, &line, false);
            }
        }
        return Vec::new();
    }
    if let Some(r) = p.detail
        && layout::contains(r, column, row)
    {
        st.listings.pane = Pane::Detail;
    }
    Vec::new()
}

fn scroll(st: &mut State, column: u16, row: u16, delta: isize) -> Vec<Effect> {
    let p = panes(st);
    if let Some(r) = p.side
        && layout::contains(r, column, row)
    {
        let len = side_lines(st).len();
        let max = len.saturating_sub(layout::inner_rows(r));
        let side = &mut st.listings.side;
        side.offset = (side.offset as isize + delta).clamp(0, max as isize) as usize;
        return Vec::new();
    }
    if let Some(r) = p.detail
        && layout::contains(r, column, row)
    {
        let max = crate::tui::ui::detail::listing_max_scroll(st, r);
        let s = &mut st.listings.detail_scroll;
        *s = ((*s).min(max) as isize + delta).clamp(0, max as isize) as u16;
        return Vec::new();
    }
    let (len, rows) = (st.listings.results.total(), result_rows(st));
    st.listings.cursor.scroll(delta, len, rows);
    load_detail(st)
}
