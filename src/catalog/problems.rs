//! Broken references and impossible values in the catalogue. The
//! coherence of the listings (employer fits the job, titles fit the level
//! and so on) is checked by the catalogue tests, over the shipped data.

use std::collections::HashSet;

use super::{Catalog, Level};

/// Every broken reference or impossible value, one line each.
pub(super) fn problems(c: &Catalog) -> Vec<String> {
    let mut out = Vec::new();
    roles(c, &mut out);
    hiring(c, &mut out);
    places(c, &mut out);
    companies(c, &mut out);
    listings(c, &mut out);
    out
}

fn roles(c: &Catalog, out: &mut Vec<String>) {
    let cats: HashSet<&str> = c.categories.iter().map(|c| c.id.as_str()).collect();
    let roles: HashSet<&str> = c.roles.iter().map(|r| r.id.as_str()).collect();
    let skills: HashSet<&str> = c.skills.iter().map(|s| s.name.as_str()).collect();
    let sources: HashSet<&str> = c.sources.iter().map(|s| s.id.as_str()).collect();
    if roles.len() != c.roles.len() {
        out.push("roles: duplicate role id".to_string());
    }
    for r in &c.roles {
        let at = format!("role {}", r.id);
        if !cats.contains(r.category.as_str()) {
            out.push(format!("{at}: unknown category {}", r.category));
        }
        for s in &r.skills {
            if !skills.contains(s.as_str()) {
                out.push(format!("{at}: unknown skill {s}"));
            }
        }
        for l in &r.leads_to {
            if !roles.contains(l.as_str()) {
                out.push(format!("{at}: leads to unknown role {l}"));
            }
        }
        for s in &r.named_in {
            if !sources.contains(s.as_str()) {
                out.push(format!("{at}: unknown source {s}"));
            }
        }
        if r.bands.is_empty() {
            out.push(format!("{at}: no salary bands"));
        }
        for pair in r.bands.windows(2) {
            if pair[1].level.index() != pair[0].level.index() + 1 {
                out.push(format!("{at}: bands skip a level or are out of order"));
            }
            if pair[1].min < pair[0].min || pair[1].max <= pair[0].max {
                out.push(format!(
                    "{at}: band {} does not pay more than the one before",
                    pair[1].level.id()
                ));
            }
        }
        for b in &r.bands {
            if b.min >= b.max {
                out.push(format!("{at}: band {} has min >= max", b.level.id()));
            }
        }
    }
    for f in &c.figures {
        if !sources.contains(f.source.as_str()) {
            out.push(format!(
                "market figure {}: unknown source {}",
                f.label, f.source
            ));
        }
    }
}

/// The lowest level someone with `min_years` can be hired at.
fn first_level(min_years: u8) -> Level {
    match min_years {
        0 => Level::Fresher,
        1 => Level::Junior,
        2..=4 => Level::Mid,
        _ => Level::Senior,
    }
}

fn hiring(c: &Catalog, out: &mut Vec<String>) {
    let refs: HashSet<&str> = c.references.iter().map(|r| r.id.as_str()).collect();
    let skills: HashSet<&str> = c.skills.iter().map(|s| s.name.as_str()).collect();
    for r in &c.roles {
        let at = format!("role {}", r.id);
        let n = c.hiring.iter().filter(|h| h.role == r.id).count();
        if n != 1 {
            out.push(format!("{at}: {n} entries in data/hiring.toml (want 1)"));
        }
        if let (Some(h), Some(first)) = (c.hiring(&r.id), r.bands.first())
            && first.level != first_level(h.min_years)
        {
            out.push(format!(
                "{at}: hires from {} years, so its first band is {}, not {}",
                h.min_years,
                first_level(h.min_years).id(),
                first.level.id()
            ));
        }
    }
    for h in &c.hiring {
        let at = format!("data/hiring.toml role {}", h.role);
        let Some(role) = c.role(&h.role) else {
            out.push(format!("{at}: no such role"));
            continue;
        };
        if h.functions.is_empty() {
            out.push(format!("{at}: no functions"));
        }
        for t in &h.skip_titles {
            if !role.title_variants.contains(t) {
                out.push(format!("{at}: skips {t}, which is not one of its titles"));
            }
        }
        for s in h.skill_languages.keys() {
            if !skills.contains(s.as_str()) || !role.skills.contains(s) {
                out.push(format!("{at}: local skill {s} is not one of its skills"));
            }
        }
        for r in &h.cites {
            if !refs.contains(r.as_str()) {
                out.push(format!("{at}: cites unknown reference {r}"));
            }
        }
    }
}

fn places(c: &Catalog, out: &mut Vec<String>) {
    let refs: HashSet<&str> = c.references.iter().map(|r| r.id.as_str()).collect();
    let mut codes = HashSet::new();
    for s in &c.states {
        for code in std::iter::once(&s.code).chain(&s.other_codes) {
            if !codes.insert(code.to_ascii_uppercase()) {
                out.push(format!("state {}: code {code} used twice", s.name));
            }
        }
    }
    for city in &c.cities {
        match c.states.iter().find(|s| s.code == city.state_code) {
            Some(s) if s.name == city.state => {}
            _ => out.push(format!(
                "city {}: state {} ({}) is not in data/states.toml",
                city.name, city.state, city.state_code
            )),
        }
        if !(1..=3).contains(&city.tier) {
            out.push(format!("city {}: tier {} (want 1-3)", city.name, city.tier));
        }
    }
    for w in &c.minimum_wages {
        if !c.states.iter().any(|s| s.code == w.state) {
            out.push(format!("minimum wage: unknown state {}", w.state));
        }
        if !refs.contains(w.source.as_str()) {
            out.push(format!(
                "minimum wage {}: unknown source {}",
                w.state, w.source
            ));
        }
    }
    for r in &c.regions {
        for name in &r.cities {
            if !c.cities.iter().any(|x| x.name == *name) {
                out.push(format!("region {}: unknown city {name}", r.name));
            }
        }
        if !refs.contains(r.source.as_str()) {
            out.push(format!("region {}: unknown source {}", r.name, r.source));
        }
    }
    for p in &c.names {
        for s in p.states.keys() {
            if !c.states.iter().any(|x| x.code == *s) {
                out.push(format!("name pool {}: unknown state {s}", p.id));
            }
        }
        if p.given.is_empty() || p.surnames.is_empty() {
            out.push(format!("name pool {}: empty", p.id));
        }
    }
}

fn companies(c: &Catalog, out: &mut Vec<String>) {
    let names: HashSet<&str> = c.cities.iter().map(|c| c.name.as_str()).collect();
    for co in &c.companies {
        let at = format!("company {}", co.name);
        if !names.contains(co.hq_city.as_str()) {
            out.push(format!("{at}: unknown city {}", co.hq_city));
        }
        let Some(p) = c.profile(co.id) else {
            out.push(format!("{at}: no profile"));
            continue;
        };
        if p.size.id() != co.size {
            out.push(format!("{at}: size {} does not parse", co.size));
        }
        if p.offices.first() != Some(&co.hq_city) {
            out.push(format!("{at}: the first office is not the headquarters"));
        }
        for o in &p.offices {
            if !names.contains(o.as_str()) {
                out.push(format!("{at}: office in unknown city {o}"));
            }
        }
        for s in &p.region {
            if !c.states.iter().any(|x| x.code == *s) {
                out.push(format!("{at}: region has unknown state {s}"));
            }
        }
    }
}

fn listings(c: &Catalog, out: &mut Vec<String>) {
    let roles: HashSet<&str> = c.roles.iter().map(|r| r.id.as_str()).collect();
    let skills: HashSet<&str> = c.skills.iter().map(|s| s.name.as_str()).collect();
    let cities: HashSet<u32> = c.cities.iter().map(|c| c.id).collect();
    let companies: HashSet<u32> = c.companies.iter().map(|c| c.id).collect();
    let mut seen = HashSet::new();
    for l in &c.listings {
        let at = format!("listing {}", l.id);
        if !seen.insert(l.id) {
            out.push(format!("{at}: duplicate id"));
        }
        if !roles.contains(l.role.as_str()) {
            out.push(format!("{at}: unknown role {}", l.role));
        }
        if !cities.contains(&l.city_id) {
            out.push(format!("{at}: unknown city id {}", l.city_id));
        }
        if !companies.contains(&l.company_id) {
            out.push(format!("{at}: unknown company id {}", l.company_id));
        }
        if l.salary_min > l.salary_max || l.exp_min > l.exp_max {
            out.push(format!("{at}: a range has min > max"));
        }
        for s in l.skills.iter() {
            if !skills.contains(s.as_str()) {
                out.push(format!("{at}: unknown skill {s}"));
            }
        }
    }
}
