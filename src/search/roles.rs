//! Searching roles: by title, alternative titles, skills and department,
//! with department and skill filters (include and exclude).

use super::Facet;
use super::text::{RowFacts, Scorer, TextQuery};
use super::understand::{Filter, Lexicon, interpret};
use crate::catalog::{Category, Role};

/// What to look for among roles.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RoleQuery {
    pub text: String,
    /// Category ids (any of).
    pub categories: Vec<String>,
    pub not_categories: Vec<String>,
    /// Skill names (all of them, any case).
    pub skills: Vec<String>,
    /// Skill names the role must not need.
    pub not_skills: Vec<String>,
}

/// Role positions in `roles`, best match first (catalogue order without
/// text). With a lexicon the text is understood as on the Listings tab
/// ("accounts jobs" is the finance department, "deo" the data entry
/// role); words about places, pay or work mode do not apply to roles and
/// are left out. Without one the words are matched as typed.
pub fn search_roles(
    roles: &[Role],
    categories: &[Category],
    q: &RoleQuery,
    lexicon: Option<&Lexicon>,
) -> Vec<usize> {
    let mut q = q.clone();
    let text = understood_text(&mut q, lexicon);
    let scorer = Scorer::default();
    let mut hits: Vec<(usize, i64)> = roles
        .iter()
        .enumerate()
        .filter(|(_, r)| passes(&q, r))
        .filter_map(|(i, r)| Some((i, role_score(&text, &scorer, i, r, categories)?)))
        .collect();
    hits.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    hits.into_iter().map(|(i, _)| i).collect()
}

/// The query's text as matching reads it; with a lexicon, the departments
/// it names move into `q`'s categories.
fn understood_text(q: &mut RoleQuery, lexicon: Option<&Lexicon>) -> TextQuery {
    match lexicon {
        Some(lx) => {
            let i = interpret(&q.text, lx);
            for p in &i.parts {
                if let Filter::Facet {
                    facet: Facet::Category,
                    keys,
                    ..
                } = &p.filter
                {
                    let into = if p.negated {
                        &mut q.not_categories
                    } else {
                        &mut q.categories
                    };
                    into.extend(keys.iter().cloned());
                }
            }
            TextQuery::understood(&i)
        }
        None => TextQuery::parse(&q.text),
    }
}

/// Whether a role passes the query's categories and skills.
fn passes(q: &RoleQuery, r: &Role) -> bool {
    (q.categories.is_empty()
        || q.categories
            .iter()
            .any(|c| c.eq_ignore_ascii_case(&r.category)))
        && !q
            .not_categories
            .iter()
            .any(|c| c.eq_ignore_ascii_case(&r.category))
        && q.skills
            .iter()
            .all(|s| r.skills.iter().any(|x| x.eq_ignore_ascii_case(s)))
        && !q
            .not_skills
            .iter()
            .any(|s| r.skills.iter().any(|x| x.eq_ignore_ascii_case(s)))
}

/// How well a role (position `i`) matches the text; `None`: it does not.
fn role_score(
    text: &TextQuery,
    scorer: &Scorer,
    i: usize,
    r: &Role,
    categories: &[Category],
) -> Option<i64> {
    if !text.ranks() && !text.filters() {
        return Some(0);
    }
    let cat = categories.iter().position(|c| c.id == r.category);
    let category = cat.map_or("", |c| categories[c].name.as_str());
    let hay = format!(
        "{} {} {} {}",
        r.title,
        r.title_variants.join(" "),
        r.skills.join(" "),
        category
    );
    let facts = RowFacts {
        role: Some(i as u16),
        category: cat.map(|c| c as u16),
        description: "",
        letters: None,
        starts: None,
        head: r.title.len() + 1 + r.title_variants.join(" ").len(),
        ascii: None,
    };
    if !text.matches_row(&hay, &facts) {
        return None;
    }
    // a title match outranks a match in skills or variants
    let title_bonus = scorer.score(text, &r.title).map_or(0, |s| s * 2);
    Some(scorer.score(text, &hay).unwrap_or(0) + title_bonus)
}
