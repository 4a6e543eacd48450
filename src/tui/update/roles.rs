//! The Roles screen: search and filter roles, read one, jump to its listings.

use std::collections::BTreeSet;

use super::{SIDEBAR, movement, roles_focus, root};
use crate::search::Query;
use crate::search::roles::{RoleQuery, search_roles};
use crate::tui::action::{Action, Effect, Tab};
use crate::tui::layout::{self, Focus, Panes};
use crate::tui::sidebar::{self, Group, GroupId, Mark, RoleGroup, SideId, SideLine};
use crate::tui::state::{Pane, RolePane, State};
use crate::tui::ui::detail::{compare_open, role_max_scroll};

pub(crate) fn panes(st: &State) -> Panes {
    panes_in(st, root(st).body)
}

/// The panes in `body` (drawing passes the frame's own area).
pub(crate) fn panes_in(st: &State, body: ratatui::layout::Rect) -> Panes {
    let p = layout::panes(body, roles_focus(st), SIDEBAR);
    if !compare_open(st) {
        return p;
    }
    // the comparison needs the room: all of it below the search box
    let top = p.search.y + p.search.height;
    let detail = ratatui::layout::Rect::new(
        body.x,
        top,
        body.width,
        (body.y + body.height).saturating_sub(top),
    );
    Panes {
        search: p.search,
        side: None,
        main: None,
        detail: Some(detail),
    }
}

/// Roles visible in the list (its size whenever it shows, as for listings).
fn list_rows(st: &State) -> usize {
    let body = root(st).body;
    layout::panes(body, Focus::Main, SIDEBAR)
        .main
        .map_or_else(|| layout::inner_rows(body), layout::inner_rows)
}

fn role_query(st: &State) -> RoleQuery {
    let r = &st.roles;
    RoleQuery {
        text: r.input.text().to_string(),
        categories: r.categories.iter().cloned().collect(),
        not_categories: r.not_categories.iter().cloned().collect(),
        skills: r.skills.iter().cloned().collect(),
        not_skills: r.not_skills.iter().cloned().collect(),
    }
}

fn mark(key: &str, inc: &BTreeSet<String>, exc: &BTreeSet<String>) -> Mark {
    if inc.contains(key) {
        Mark::Included
    } else if exc.contains(key) {
        Mark::Excluded
    } else {
        Mark::None
    }
}

/// Department and skill groups, counting roles that match everything else.
pub(crate) fn side_lines(st: &State) -> Vec<SideLine> {
    let v = st.index().vocab();
    let r = &st.roles;
    let mut without_cats = role_query(st);
    without_cats.categories.clear();
    without_cats.not_categories.clear();
    let by_cat = search_roles(
        &v.roles,
        &v.categories,
        &without_cats,
        Some(st.index().lexicon()),
    );
    let mut without_skills = role_query(st);
    without_skills.skills.clear();
    without_skills.not_skills.clear();
    let by_skill = search_roles(
        &v.roles,
        &v.categories,
        &without_skills,
        Some(st.index().lexicon()),
    );
    let departments = Group {
        id: GroupId::Role(RoleGroup::Department),
        title: "Department".into(),
        values: v
            .categories
            .iter()
            .map(|c| {
                let n = by_cat
                    .iter()
                    .filter(|&&i| v.roles[i].category == c.id)
                    .count();
                (
                    c.id.clone(),
                    c.name.clone(),
                    n as u32,
                    mark(&c.id, &r.categories, &r.not_categories),
                )
            })
            .collect(),
        ordered: true,
    };
    let skills = Group {
        id: GroupId::Role(RoleGroup::Skill),
        title: "Skills".into(),
        values: v
            .skills
            .iter()
            .map(|s| {
                let n = by_skill
                    .iter()
                    .filter(|&&i| v.roles[i].skills.contains(&s.name))
                    .count();
                (
                    s.name.clone(),
                    s.name.clone(),
                    n as u32,
                    mark(&s.name, &r.skills, &r.not_skills),
                )
            })
            .collect(),
        ordered: false,
    };
    sidebar::lines(vec![departments, skills], &r.side)
}

fn refresh(st: &mut State) {
    let v = st.index().vocab();
    let mut found = search_roles(
        &v.roles,
        &v.categories,
        &role_query(st),
        Some(st.index().lexicon()),
    );
    if let (true, Some(p)) = (st.roles.by_fit, st.profile.as_deref()) {
        found.sort_by_key(|&i| {
            std::cmp::Reverse(crate::fit::role_fit(p, &v.roles[i], &v.skills).score)
        });
    }
    st.roles.found = found;
    let (len, rows) = (st.roles.found.len(), list_rows(st));
    st.roles.cursor.to(0, len, rows);
    st.roles.detail_scroll = 0;
}

pub(super) fn refit(st: &mut State) {
    let (len, rows) = (st.roles.found.len(), list_rows(st));
    st.roles.cursor.fit(len, rows);
    let lines = side_lines(st);
    let pos = sidebar::position(&lines, &st.roles.side.at);
    st.roles.side.follow(pos, side_rows(st), lines.len());
}

/// Lines of the sidebar that show.
fn side_rows(st: &State) -> usize {
    panes(st).side.map_or(10, layout::inner_rows)
}

/// Shows the Listings screen filtered to one role (by catalogue position).
pub(crate) fn jump_to_listings(st: &mut State, role: usize) -> Vec<Effect> {
    let Some(r) = st.index().vocab().roles.get(role) else {
        return Vec::new();
    };
    let (id, title) = (r.id.clone(), r.title.clone());
    let home = st.listings.query.home_city.clone();
    let sort = st.listings.query.sort;
    let mut q = Query {
        home_city: home,
        sort,
        ..Query::default()
    };
    q.include(crate::search::Facet::Role, &id);
    let old = std::mem::replace(&mut st.listings.query, q);
    let esc = st
        .keymap
        .key(crate::keys::Mode::Browse, crate::keys::Command::Escape)
        .unwrap_or_else(|| "esc".into());
    // the search it replaces is kept one Esc away, and the message says so
    let replaced = !old.text.trim().is_empty() || old.filter_count() > 0;
    st.flash(if replaced {
        let what = crate::session::saved::describe(&old);
        format!("Listings for {title} (replacing {what}: {esc} brings it back)")
    } else {
        format!("Listings for {title}; c clears the filter")
    });
    st.listings.previous = replaced.then_some(old);
    st.listings.input.clear();
    st.listings.pane = Pane::Results;
    st.tab = Tab::Listings;
    st.listings.generation += 1;
    vec![Effect::Search {
        generation: st.listings.generation,
        query: st.listings.query.clone(),
    }]
}

pub(super) fn update(st: &mut State, action: Action) -> Vec<Effect> {
    if st.roles.pane() == RolePane::Search {
        let before = st.roles.input.text().to_string();
        if st.roles.input.apply(&action).is_some() {
            if st.roles.input.text() != before {
                refresh(st);
            }
            return Vec::new();
        }
    }
    let pane = st.roles.pane();
    match action {
        Action::FocusSearch => st.roles.pane = Some(RolePane::Search),
        Action::Escape
            if (pane == RolePane::List || compare_open(st)) && !st.roles.compare.is_empty() =>
        {
            st.roles.pane = Some(RolePane::List);
            st.roles.detail_scroll = 0;
            st.roles.compare.clear();
            st.flash("Comparison cleared");
        }
        Action::Escape => st.roles.pane = Some(RolePane::List),
        Action::NextPane | Action::PrevPane => {
            let order = RolePane::ORDER;
            let i = order.iter().position(|&p| p == pane).unwrap_or(0);
            let n = order.len();
            let j = if action == Action::NextPane {
                (i + 1) % n
            } else {
                (i + n - 1) % n
            };
            st.roles.pane = Some(order[j]);
        }
        Action::ClearFilters => {
            let r = &mut st.roles;
            r.categories.clear();
            r.not_categories.clear();
            r.skills.clear();
            r.not_skills.clear();
            refresh(st);
        }
        Action::CycleSort => {
            if st.profile.is_none() {
                st.flash_error("Fill in your profile (P) to sort roles by fit");
            } else {
                st.roles.by_fit = !st.roles.by_fit;
                st.flash(if st.roles.by_fit {
                    "Roles: best fit first"
                } else {
                    "Roles: best match first"
                });
                refresh(st);
            }
        }
        Action::RoleListings => {
            if let Some(&role) = st.roles.found.get(st.roles.cursor.selected) {
                return jump_to_listings(st, role);
            }
        }
        Action::Click { column, row } => click(st, column, row),
        Action::ScrollUp { .. } => scroll(st, -3),
        Action::ScrollDown { .. } => scroll(st, 3),
        a => match pane {
            // down from the box goes to the list, as on Listings
            RolePane::Search => {
                if matches!(a, Action::Down | Action::PageDown) {
                    st.roles.pane = Some(RolePane::List);
                }
                list_keys(st, a)
            }
            RolePane::List => list_keys(st, a),
            RolePane::Filters => side_keys(st, a),
            RolePane::Detail => detail_keys(st, a),
        },
    }
    Vec::new()
}

fn list_keys(st: &mut State, action: Action) {
    let (len, rows) = (st.roles.found.len(), list_rows(st));
    if let Some(d) = movement(&action, rows) {
        st.roles.cursor.step(d, len, rows);
        st.roles.detail_scroll = 0;
    } else if action == Action::Open && len > 0 {
        st.roles.pane = Some(RolePane::Detail);
    } else if action == Action::Toggle {
        toggle_compare(st);
    }
}

/// Space on a role: mark it for comparing (up to three side by side).
fn toggle_compare(st: &mut State) {
    let Some(&role) = st.roles.found.get(st.roles.cursor.selected) else {
        return;
    };
    let c = &mut st.roles.compare;
    if let Some(i) = c.iter().position(|&r| r == role) {
        c.remove(i);
    } else if c.len() >= 3 {
        st.flash_error("Three roles at most; Space on a marked one unmarks it");
        return;
    } else {
        c.push(role);
    }
    let n = st.roles.compare.len();
    if n >= 2 && st.roles.compare.contains(&role) {
        // a role added: show them side by side
        st.roles.pane = Some(RolePane::Detail);
        st.roles.detail_scroll = 0;
    }
    st.flash(match n {
        0 => "Comparison cleared".to_string(),
        1 => "Marked for comparing: mark one or two more with Space".to_string(),
        2 => "Comparing 2 · Shift-Tab to mark a third".to_string(),
        _ => format!("Comparing {n} · j k scroll, Esc clears"),
    });
}

/// How far the role detail (or the comparison) scrolls.
fn detail_max(st: &State) -> u16 {
    panes(st).detail.map_or(0, |r| role_max_scroll(st, r))
}

fn detail_keys(st: &mut State, action: Action) {
    let max = detail_max(st);
    let page = panes(st)
        .detail
        .map_or(10, |r| r.height.saturating_sub(6).max(1));
    let s = &mut st.roles.detail_scroll;
    *s = (*s).min(max);
    match action {
        Action::Up => *s = s.saturating_sub(1),
        Action::Down => *s = s.saturating_add(1).min(max),
        Action::PageUp => *s = s.saturating_sub(page),
        Action::PageDown => *s = s.saturating_add(page).min(max),
        Action::Top => *s = 0,
        Action::Bottom => *s = max,
        Action::Open => st.roles.pane = Some(RolePane::List),
        _ => {}
    }
}

fn side_keys(st: &mut State, action: Action) {
    let lines = side_lines(st);
    if lines.is_empty() {
        return;
    }
    let pos = sidebar::position(&lines, &st.roles.side.at);
    let rows = side_rows(st).max(1);
    if let Some(d) = movement(&action, rows) {
        let to = (pos as isize + d).clamp(0, lines.len() as isize - 1) as usize;
        st.roles.side.at = Some(lines[to].id.clone());
        st.roles.side.follow(to, rows, lines.len());
        return;
    }
    match action {
        Action::Toggle | Action::Open => activate(st, &lines[pos], false),
        Action::Exclude => activate(st, &lines[pos], true),
        _ => {}
    }
}

fn toggle(inc: &mut BTreeSet<String>, exc: &mut BTreeSet<String>, key: &str, exclude: bool) {
    let (on, off) = if exclude { (exc, inc) } else { (inc, exc) };
    off.remove(key);
    if !on.remove(key) {
        on.insert(key.to_string());
    }
}

fn activate(st: &mut State, line: &SideLine, exclude: bool) {
    match &line.id {
        SideId::Header(group) | SideId::More(group) => {
            let e = &mut st.roles.side.expanded;
            if !e.remove(group) {
                e.insert(*group);
            }
        }
        SideId::Value(group, key) => {
            let r = &mut st.roles;
            if *group == GroupId::Role(RoleGroup::Department) {
                toggle(&mut r.categories, &mut r.not_categories, key, exclude);
            } else {
                toggle(&mut r.skills, &mut r.not_skills, key, exclude);
            }
            refresh(st);
        }
    }
}

fn click(st: &mut State, column: u16, row: u16) {
    let p = panes(st);
    if layout::contains(p.search, column, row) {
        st.roles.pane = Some(RolePane::Search);
    } else if let Some(r) = p.main.filter(|r| layout::contains(*r, column, row)) {
        st.roles.pane = Some(RolePane::List);
        if row > r.y && row < r.y + r.height - 1 {
            let i = st.roles.cursor.offset + (row - r.y - 1) as usize;
            let (len, rows) = (st.roles.found.len(), layout::inner_rows(r));
            if i < len {
                st.roles.cursor.to(i, len, rows);
                st.roles.detail_scroll = 0;
            }
        }
    } else if let Some(r) = p.side.filter(|r| layout::contains(*r, column, row)) {
        st.roles.pane = Some(RolePane::Filters);
        if row > r.y && row < r.y + r.height - 1 {
            let lines = side_lines(st);
            let i = st.roles.side.offset + (row - r.y - 1) as usize;
            if let Some(line) = lines.get(i).cloned() {
                st.roles.side.at = Some(line.id.clone());
                activate(st, &line, false);
            }
        }
    } else if p.detail.is_some_and(|r| layout::contains(r, column, row)) {
        st.roles.pane = Some(RolePane::Detail);
    }
}

fn scroll(st: &mut State, delta: isize) {
    if st.roles.pane() == RolePane::Detail {
        let max = detail_max(st);
        let s = &mut st.roles.detail_scroll;
        *s = (*s as isize + delta).clamp(0, max as isize) as u16;
    } else {
        let (len, rows) = (st.roles.found.len(), list_rows(st));
        st.roles.cursor.scroll(delta, len, rows);
    }
}
