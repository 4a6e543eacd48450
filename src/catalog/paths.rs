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
        // pay never steps down along a path
        for p in &paths {
            let bands = path_bands(&c.roles, p, Level::Fresher);
            let levels: Vec<usize> = bands.iter().flatten().map(|b| b.level.index()).collect();
            assert!(levels.windows(2).all(|w| w[0] <= w[1]), "{p:?} {levels:?}");
        }
    }
}
