//! Career paths: where a role leads, step by step, with the pay at each
//! step (one experience level up per step).

use super::{Band, Level, Role};

/// Every path upward from `start` (positions in `roles`), following
/// `leads_to` without revisiting a role, at most `depth` steps; only
/// maximal paths (those that cannot go further) are kept.
pub fn career_paths(roles: &[Role], start: usize, depth: usize) -> Vec<Vec<usize>> {
    let pos = |id: &str| roles.iter().position(|r| r.id == id);
    let mut out = Vec::new();
    let mut stack: Vec<Vec<usize>> = vec![vec![start]];
    while let Some(path) = stack.pop() {
        let last = path[path.len() - 1];
        let next: Vec<usize> = roles[last]
            .leads_to
            .iter()
            .filter_map(|id| pos(id))
            .filter(|p| !path.contains(p))
            .collect();
        if next.is_empty() || path.len() > depth {
            if path.len() > 1 {
                out.push(path);
            }
            continue;
        }
        for n in next.into_iter().rev() {
            let mut p = path.clone();
            p.push(n);
            stack.push(p);
        }
    }
    out
}

/// The band at each step of a path for someone starting at `from`: one
/// experience level up per step, never below the level a role first
/// hires at, never below the step before.
pub fn path_bands<'a>(roles: &'a [Role], path: &[usize], from: Level) -> Vec<Option<&'a Band>> {
    let mut level = from.index();
    path.iter()
        .enumerate()
        .map(|(i, &r)| {
            let role = &roles[r];
            if i > 0 {
                level += 1;
            }
            let first = role.bands.first().map_or(0, |b| b.level.index());
            level = level.max(first).min(Level::ALL.len() - 1);
            let band = role.band(Level::ALL[level]).or_else(|| role.bands.last());
            if let Some(b) = band {
                level = level.max(b.level.index());
            }
            band
        })
        .collect()
}

/// The paths worth showing first: one per direct next step of `start`, in
/// `leads_to` order, so every way out of the role is represented. For each
/// next step, of the maximal paths through it (`all`, from
/// [`career_paths`]) the one that brings the most roles not shown yet
/// (beyond the next steps themselves),
/// then the best pay at its end (for someone starting at `from`), then the
/// fewest steps. The rest of `all` is left out (say how many).
pub fn diverse_paths(
    roles: &[Role],
    start: usize,
    all: &[Vec<usize>],
    from: Level,
) -> Vec<Vec<usize>> {
    let mut firsts: Vec<usize> = Vec::new();
    for id in &roles[start].leads_to {
        if let Some(p) = roles.iter().position(|r| &r.id == id)
            && !firsts.contains(&p)
            && p != start
        {
            firsts.push(p);
        }
    }
    let top_pay = |p: &[usize]| {
        path_bands(roles, p, from)
            .last()
            .copied()
            .flatten()
            .map_or(0, |b| b.max.0)
    };
    // the next steps each get a line: count what lies beyond them
    let mut shown: Vec<usize> = vec![start];
    shown.extend(&firsts);
    let mut out: Vec<Vec<usize>> = Vec::new();
    for first in firsts {
        let best = all
            .iter()
            .filter(|p| p.len() > 1 && p[0] == start && p[1] == first)
            .max_by_key(|p| {
                let new = p.iter().filter(|r| !shown.contains(r)).count();
                (new, top_pay(p), std::cmp::Reverse(p.len()))
            });
        if let Some(p) = best {
            for &r in p {
                if !shown.contains(&r) {
                    shown.push(r);
                }
            }
            out.push(p.clone());
        }
    }
    out
}

/// Roles that paths in `all` reach but none of `shown` goes through, in
/// the order first met.
pub fn also_reached(all: &[Vec<usize>], shown: &[Vec<usize>]) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    for p in all {
        for &r in p.iter().skip(1) {
            if !out.contains(&r) && !shown.iter().any(|s| s.contains(&r)) {
                out.push(r);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;

    #[test]
    fn entry_roles_lead_up_to_senior_ones() {
        let c = Catalog::embedded_without_listings().expect("catalog");
        let start = c
            .roles
            .iter()
            .position(|r| r.id == "data-entry-specialist")
            .expect("role");
        let paths = career_paths(&c.roles, start, 3);
        assert!(!paths.is_empty());
        for p in &paths {
            assert_eq!(p[0], start);
            assert!(p.len() >= 2 && p.len() <= 4, "{p:?}");
            for w in p.windows(2) {
                assert!(c.roles[w[0]].leads_to.contains(&c.roles[w[1]].id));
            }
            let mut seen = p.clone();
            seen.sort_unstable();
            seen.dedup();
            assert_eq!(seen.len(), p.len(), "no role twice");
        }
        // the articles' path: entry work leads to MIS executive
        let mis = c
            .roles
            .iter()
            .position(|r| r.id == "mis-executive")
            .expect("mis");
        assert!(paths.iter().any(|p| p.contains(&mis)));
        // one path per next step, each step of leads_to represented
        let shown = diverse_paths(&c.roles, start, &paths, Level::Fresher);
        let firsts: Vec<&str> = shown.iter().map(|p| c.roles[p[1]].id.as_str()).collect();
        let mut want: Vec<&str> = c.roles[start].leads_to.iter().map(String::as_str).collect();
        let mut got = firsts.clone();
        want.sort_unstable();
        got.sort_unstable();
        assert_eq!(got, want);
        assert!(firsts.contains(&"mis-executive") && firsts.contains(&"team-leader"));
        assert!(shown.iter().all(|p| paths.contains(p)));
        // pay never steps down along a path
        for p in &paths {
            let bands = path_bands(&c.roles, p, Level::Fresher);
            let levels: Vec<usize> = bands.iter().flatten().map(|b| b.level.index()).collect();
            assert!(levels.windows(2).all(|w| w[0] <= w[1]), "{p:?} {levels:?}");
        }
    }
}
