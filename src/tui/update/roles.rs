//! The Roles screen: search and filter roles, read one, jump to its listings.

use std::collections::BTreeSet;

use ratatui::layout::Rect;

use crate::search::Query;
use crate::search::roles::{RoleQuery, search_roles};
use crate::tui::action::{Action, Effect, Tab};
use crate::tui::layout::{self, Panes};
use crate::tui::screen::update::{self as screen, Listed};
use crate::tui::screen::{Pane, Screen};
use crate::tui::sidebar::{self, Group, GroupId, Mark, RoleGroup, SideLine};
use crate::tui::state::State;
use crate::tui::ui::detail::{compare_open, role_max_scroll};

/// The Roles screen on the shared search screen.
pub(crate) struct RolesScreen;

impl Listed for RolesScreen {
    const HEADER: u16 = 0;
    /// Enter in the box opens the selected role.
    const ENTER: Pane = Pane::Detail;

    fn screen(st: &State) -> &Screen {
        &st.roles.screen
    }

    fn screen_mut(st: &mut State) -> &mut Screen {
        &mut st.roles.screen
    }

    fn len(st: &State) -> usize {
        st.roles.found.len()
    }

    /// Department and skill groups, counting roles that match everything else.
    fn side_lines(st: &State) -> Vec<SideLine> {
        let v = st.index().vocab();
        let r = &st.roles;
        // the roles matching the query but for one group's filters
        let others = |clear: fn(&mut RoleQuery)| {
            let mut q = role_query(st);
            clear(&mut q);
            search_roles(&v.roles, &v.categories, &q, Some(st.index().lexicon()))
        };
        let by_cat = others(|q| {
            q.categories.clear();
            q.not_categories.clear();
        });
        let by_skill = others(|q| {
            q.skills.clear();
            q.not_skills.clear();
        });
        let count = |found: &[usize], has: &dyn Fn(&crate::catalog::Role) -> bool| {
            found.iter().filter(|&&i| has(&v.roles[i])).count() as u32
        };
        let departments = v.categories.iter().map(|c| {
            let n = count(&by_cat, &|role| role.category == c.id);
            let m = mark(&c.id, &r.categories, &r.not_categories);
            (c.id.clone(), c.name.clone(), n, m)
        });
        let skills = v.skills.iter().map(|s| {
            let n = count(&by_skill, &|role| role.skills.contains(&s.name));
            let m = mark(&s.name, &r.skills, &r.not_skills);
            (s.name.clone(), s.name.clone(), n, m)
        });
        let group = |g, title: &str, values, ordered| Group {
            id: GroupId::Role(g),
            title: title.into(),
            values,
            ordered,
        };
        let groups = vec![
            group(
                RoleGroup::Department,
                "Department",
                departments.collect(),
                true,
            ),
            group(RoleGroup::Skill, "Skills", skills.collect(), false),
        ];
        sidebar::lines(groups, &r.screen.side)
    }

    /// The comparison needs the room: all of it below the search box.
    fn panes_in(st: &State, body: Rect) -> Panes {
        let p = layout::panes(body, st.roles.screen.pane.focus(), super::SIDEBAR, 0);
        if !compare_open(st) {
            return p;
        }
        let top = p.search.y + p.search.height;
        let detail = Rect::new(
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

    fn edited(st: &mut State) -> Vec<Effect> {
        refresh(st);
        Vec::new()
    }

    fn pick(st: &mut State, group: GroupId, key: &str, exclude: bool) -> Vec<Effect> {
        let r = &mut st.roles;
        if group == GroupId::Role(RoleGroup::Department) {
            toggle(&mut r.categories, &mut r.not_categories, key, exclude);
        } else {
            toggle(&mut r.skills, &mut r.not_skills, key, exclude);
        }
        refresh(st);
        Vec::new()
    }

    /// Compare, sort by fit, listings of a role, and Esc clearing a
    /// comparison.
    fn command(st: &mut State, action: &Action) -> Option<Vec<Effect>> {
        let pane = st.roles.screen.pane;
        match action {
            // Esc from the list or the comparison clears the comparison first
            Action::Escape
                if (pane == Pane::Results || compare_open(st)) && !st.roles.compare.is_empty() =>
            {
                st.roles.screen.pane = Pane::Results;
                st.roles.screen.detail_scroll = 0;
                st.roles.compare.clear();
                st.flash("Comparison cleared");
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
                if let Some(&role) = st.roles.found.get(st.roles.screen.cursor.selected) {
                    return Some(jump_to_listings(st, role));
                }
            }
            Action::Toggle if matches!(pane, Pane::Search | Pane::Results) => toggle_compare(st),
            _ => return None,
        }
        Some(Vec::new())
    }

    fn detail_max(st: &State, r: Rect) -> u16 {
        role_max_scroll(st, r)
    }

    /// A page is the detail less its title lines.
    fn detail_page(r: Rect) -> u16 {
        r.height.saturating_sub(6).max(1)
    }
}

fn role_query(st: &State) -> RoleQuery {
    let r = &st.roles;
    RoleQuery {
        text: r.screen.input.text().to_string(),
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
    let (len, rows) = (st.roles.found.len(), screen::list_rows::<RolesScreen>(st));
    st.roles.screen.cursor.to(0, len, rows);
    st.roles.screen.detail_scroll = 0;
}

pub(super) fn refit(st: &mut State) {
    screen::refit::<RolesScreen>(st);
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
    st.listings.screen.input.clear();
    st.listings.screen.pane = Pane::Results;
    st.tab = Tab::Listings;
    super::listings::search(st)
}

pub(super) fn update(st: &mut State, action: Action) -> Vec<Effect> {
    screen::update::<RolesScreen>(st, action)
}

/// Space on a role: mark it for comparing (up to three side by side).
fn toggle_compare(st: &mut State) {
    let Some(&role) = st.roles.found.get(st.roles.screen.cursor.selected) else {
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
        st.roles.screen.pane = Pane::Detail;
        st.roles.screen.detail_scroll = 0;
    }
    st.flash(match n {
        0 => "Comparison cleared".to_string(),
        1 => "Marked for comparing: mark one or two more with Space".to_string(),
        2 => "Comparing 2 · Shift-Tab to mark a third".to_string(),
        _ => format!("Comparing {n} · j k scroll, Esc clears"),
    });
}

fn toggle(inc: &mut BTreeSet<String>, exc: &mut BTreeSet<String>, key: &str, exclude: bool) {
    let (on, off) = if exclude { (exc, inc) } else { (inc, exc) };
    off.remove(key);
    if !on.remove(key) {
        on.insert(key.to_string());
    }
}
