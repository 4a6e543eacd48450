//! Keys, clicks and the wheel on a search screen, the same on Listings and
//! Roles: what differs (what is listed, what the text and the filters
//! mean, the screen's own commands) comes from [`Listed`].

use ratatui::layout::Rect;

use super::{Pane, Screen};
use crate::tui::action::{Action, Effect};
use crate::tui::layout::{self, Focus, Panes};
use crate::tui::sidebar::{self, GroupId, SideId, SideLine};
use crate::tui::state::State;
use crate::tui::update::{SIDEBAR, movement, root};

/// A screen built on the shared search screen: where its part of the state
/// is, and what it does where the two screens differ.
pub(crate) trait Listed {
    /// Rows inside the list's box above its first entry (column titles).
    const HEADER: u16;
    /// Where Enter in the search box goes.
    const ENTER: Pane;

    fn screen(st: &State) -> &Screen;
    fn screen_mut(st: &mut State) -> &mut Screen;
    /// Entries in the list.
    fn len(st: &State) -> usize;
    fn side_lines(st: &State) -> Vec<SideLine>;
    /// The panes in `body` (drawing passes the frame's own area).
    fn panes_in(st: &State, body: Rect) -> Panes {
        let s = Self::screen(st);
        layout::panes(body, s.pane.focus(), SIDEBAR, s.results_want)
    }
    /// The search text changed.
    fn edited(st: &mut State) -> Vec<Effect>;
    /// The selection may have moved: what to load for it.
    fn moved(_: &mut State) -> Vec<Effect> {
        Vec::new()
    }
    /// A sidebar value was toggled (or excluded).
    fn pick(st: &mut State, group: GroupId, key: &str, exclude: bool) -> Vec<Effect>;
    /// The screen's own commands, tried before the shared keys.
    fn command(st: &mut State, action: &Action) -> Option<Vec<Effect>>;
    /// How far the detail in `r` scrolls.
    fn detail_max(st: &State, r: Rect) -> u16;
    /// How far PageDown scrolls the detail in `r`.
    fn detail_page(r: Rect) -> u16 {
        layout::inner_rows(r) as u16
    }
}

pub(crate) fn panes<S: Listed>(st: &State) -> Panes {
    S::panes_in(st, root(st).body)
}

/// Entries of the list visible in a box `r`.
fn rows_in<S: Listed>(r: Rect) -> usize {
    layout::inner_rows(r).saturating_sub(usize::from(S::HEADER))
}

/// Entries of the list visible. On narrower screens the list gives way to
/// the focused sidebar or detail, and comes back the same size: count those.
pub(crate) fn list_rows<S: Listed>(st: &State) -> usize {
    let body = root(st).body;
    rows_in::<S>(
        layout::panes(body, Focus::Main, SIDEBAR, S::screen(st).results_want)
            .main
            .unwrap_or(body),
    )
}

/// Lines of the sidebar visible (when it shows: it has the same size then).
fn side_rows(st: &State) -> usize {
    let body = root(st).body;
    layout::inner_rows(
        layout::panes(body, Focus::Side, SIDEBAR, 0)
            .side
            .unwrap_or(body),
    )
}

/// Keeps the cursors inside the visible windows after a resize.
pub(crate) fn refit<S: Listed>(st: &mut State) {
    let (len, rows) = (S::len(st), list_rows::<S>(st));
    S::screen_mut(st).cursor.fit(len, rows);
    fit_side::<S>(st);
}

/// Scrolls the sidebar so that its cursor shows.
pub(crate) fn fit_side<S: Listed>(st: &mut State) {
    let lines = S::side_lines(st);
    let rows = side_rows(st);
    let side = &mut S::screen_mut(st).side;
    let pos = sidebar::position(&lines, &side.at);
    side.follow(pos, rows, lines.len());
}

/// After the list's cursor changed: a new entry starts its detail at the
/// top and loads what it needs.
fn moved<S: Listed>(st: &mut State, before: usize) -> Vec<Effect> {
    let s = S::screen_mut(st);
    if s.cursor.selected != before {
        s.detail_scroll = 0;
    }
    S::moved(st)
}

/// Text keys in the search box; `None` when the action is not one.
fn edit<S: Listed>(st: &mut State, action: &Action) -> Option<Vec<Effect>> {
    let input = &mut S::screen_mut(st).input;
    let before = input.text().to_string();
    let kept = input.apply(action)?;
    let changed = input.text() != before;
    if !kept {
        st.flash_error("Search text is limited to 200 characters; the rest was dropped");
    }
    Some(if changed { S::edited(st) } else { Vec::new() })
}

pub(crate) fn update<S: Listed>(st: &mut State, action: Action) -> Vec<Effect> {
    let pane = S::screen(st).pane;
    if pane == Pane::Search
        && let Some(effects) = edit::<S>(st, &action)
    {
        return effects;
    }
    if let Some(effects) = S::command(st, &action) {
        return effects;
    }
    let to = |st: &mut State, p: Pane| {
        S::screen_mut(st).pane = p;
        Vec::new()
    };
    match action {
        Action::FocusSearch => to(st, Pane::Search),
        // one level up: a pane or the box to the list
        Action::Escape => to(st, Pane::Results),
        Action::NextPane | Action::PrevPane => {
            let next = if action == Action::NextPane {
                pane.next()
            } else {
                pane.prev()
            };
            to(st, next);
            fit_side::<S>(st);
            Vec::new()
        }
        Action::Click { column, row } => click::<S>(st, column, row),
        Action::ScrollUp { column, row } => scroll::<S>(st, column, row, -3),
        Action::ScrollDown { column, row } => scroll::<S>(st, column, row, 3),
        Action::Open if pane == Pane::Search && S::ENTER == Pane::Results => to(st, Pane::Results),
        a => match pane {
            // down from the box goes to the list: the next letter is a
            // command there ("payroll", down, down, s saves), not text
            Pane::Search => {
                if matches!(a, Action::Down | Action::PageDown) {
                    S::screen_mut(st).pane = Pane::Results;
                }
                list_keys::<S>(st, a)
            }
            Pane::Results => list_keys::<S>(st, a),
            Pane::Filters => side_keys::<S>(st, a),
            Pane::Detail => detail_keys::<S>(st, a),
        },
    }
}

fn list_keys<S: Listed>(st: &mut State, action: Action) -> Vec<Effect> {
    let (len, rows) = (S::len(st), list_rows::<S>(st));
    let before = S::screen(st).cursor.selected;
    if let Some(d) = movement(&action, rows) {
        S::screen_mut(st).cursor.step(d, len, rows);
        return moved::<S>(st, before);
    }
    match action {
        Action::Open if len > 0 => {
            S::screen_mut(st).pane = Pane::Detail;
            S::moved(st)
        }
        _ => Vec::new(),
    }
}

fn detail_keys<S: Listed>(st: &mut State, action: Action) -> Vec<Effect> {
    let r = panes::<S>(st).detail;
    let page = r.map_or(10, S::detail_page);
    let max = r.map_or(0, |r| S::detail_max(st, r));
    let screen = S::screen_mut(st);
    let s = &mut screen.detail_scroll;
    // a resize may have left it past the end
    *s = (*s).min(max);
    match action {
        Action::Up => *s = s.saturating_sub(1),
        Action::Down => *s = s.saturating_add(1).min(max),
        Action::PageUp => *s = s.saturating_sub(page),
        Action::PageDown => *s = s.saturating_add(page).min(max),
        Action::Top => *s = 0,
        Action::Bottom => *s = max,
        Action::Open => screen.pane = Pane::Results,
        _ => {}
    }
    Vec::new()
}

fn side_keys<S: Listed>(st: &mut State, action: Action) -> Vec<Effect> {
    let lines = S::side_lines(st);
    if lines.is_empty() {
        return Vec::new();
    }
    let pos = sidebar::position(&lines, &S::screen(st).side.at);
    if let Some(d) = movement(&action, side_rows(st)) {
        let to = (pos as isize + d).clamp(0, lines.len() as isize - 1) as usize;
        S::screen_mut(st).side.at = Some(lines[to].id.clone());
        fit_side::<S>(st);
        return Vec::new();
    }
    match action {
        Action::Toggle | Action::Open => activate::<S>(st, &lines[pos], false),
        Action::Exclude => activate::<S>(st, &lines[pos], true),
        _ => Vec::new(),
    }
}

/// Space/Enter (or `x`) on a sidebar line: a header or "more" folds or
/// unfolds its group, a value is the screen's to toggle.
fn activate<S: Listed>(st: &mut State, line: &SideLine, exclude: bool) -> Vec<Effect> {
    match &line.id {
        SideId::Header(group) | SideId::More(group) => {
            let side = &mut S::screen_mut(st).side;
            if !side.expanded.remove(group) {
                side.expanded.insert(*group);
            }
            side.at = Some(SideId::Header(*group));
            fit_side::<S>(st);
            Vec::new()
        }
        SideId::Value(group, key) => S::pick(st, *group, key, exclude),
    }
}

fn click<S: Listed>(st: &mut State, column: u16, row: u16) -> Vec<Effect> {
    let p = panes::<S>(st);
    let inside = |r: &Rect| layout::contains(*r, column, row);
    if inside(&p.search) {
        S::screen_mut(st).pane = Pane::Search;
    } else if let Some(r) = p.main.filter(inside) {
        S::screen_mut(st).pane = Pane::Results;
        let first = r.y + 1 + S::HEADER;
        if row >= first && row < r.y + r.height - 1 {
            let s = S::screen_mut(st);
            let (before, i) = (
                s.cursor.selected,
                s.cursor.offset + usize::from(row - first),
            );
            let len = S::len(st);
            if i < len {
                S::screen_mut(st).cursor.to(i, len, rows_in::<S>(r));
                return moved::<S>(st, before);
            }
        }
    } else if let Some(r) = p.side.filter(inside) {
        S::screen_mut(st).pane = Pane::Filters;
        if row > r.y && row < r.y + r.height - 1 {
            let lines = S::side_lines(st);
            let side = &mut S::screen_mut(st).side;
            if let Some(line) = lines.get(side.offset + usize::from(row - r.y - 1)) {
                side.at = Some(line.id.clone());
                return activate::<S>(st, line, false);
            }
        }
    } else if p.detail.as_ref().is_some_and(inside) {
        S::screen_mut(st).pane = Pane::Detail;
    }
    Vec::new()
}

/// The wheel scrolls what is under the pointer: the sidebar, the detail,
/// or else the list (its selection staying in view).
fn scroll<S: Listed>(st: &mut State, column: u16, row: u16, delta: isize) -> Vec<Effect> {
    let p = panes::<S>(st);
    let inside = |r: &Rect| layout::contains(*r, column, row);
    if let Some(r) = p.side.filter(inside) {
        let max = S::side_lines(st)
            .len()
            .saturating_sub(layout::inner_rows(r));
        let side = &mut S::screen_mut(st).side;
        side.offset = (side.offset as isize + delta).clamp(0, max as isize) as usize;
        return Vec::new();
    }
    if let Some(r) = p.detail.filter(inside) {
        let max = S::detail_max(st, r);
        let s = &mut S::screen_mut(st).detail_scroll;
        *s = ((*s).min(max) as isize + delta).clamp(0, max as isize) as u16;
        return Vec::new();
    }
    let (len, rows) = (S::len(st), list_rows::<S>(st));
    let before = S::screen(st).cursor.selected;
    S::screen_mut(st).cursor.scroll(delta, len, rows);
    moved::<S>(st, before)
}
