//! Searching roles: by title, alternative titles, skills and department,
//! with department and skill filters (include and exclude).

use super::text::{Scorer, TextQuery};
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

/// Role positions in `roles`, best match first (catalogue order without text).
pub fn search_roles(roles: &[Role], categories: &[Category], q: &RoleQuery) -> Vec<usize> {
    let text = TextQuery::parse(&q.text);
    let scorer = Scorer::default();
    let mut hits: Vec<(usize, i64)> = roles
        .iter()
        .enumerate()
        .filter(|(_, r)| {
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
        })
        .filter_map(|(i, r)| {
            if text.is_empty() {
                return Some((i, 0));
            }
            let category = categories
                .iter()
                .find(|c| c.id == r.category)
                .map_or("", |c| c.name.as_str());
            let hay = format!(
                "{} {} {} {}",
                r.title,
                r.title_variants.join(" "),
                r.skills.join(" "),
                category
            );
            if !text.matches(&hay) {
                return None;
            }
            // a title match outranks a match in skills or variants
            let title_bonus = scorer.score(&text, &r.title).map_or(0, |s| s * 2);
            Some((i, scorer.score(&text, &hay).unwrap_or(0) + title_bonus))
        })
        .collect();
    hits.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    hits.into_iter().map(|(i, _)| i).collect()
}
