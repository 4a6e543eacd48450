//! The fuzzy scorer (skim): scores, phrase scores and highlights.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::words::starts_word;

use super::{GroupAlt, TextQuery};

/// Scores and highlights with skim, case-insensitively.
pub struct Scorer {
    matcher: SkimMatcherV2,
}

impl Default for Scorer {
    fn default() -> Self {
        Scorer {
            matcher: SkimMatcherV2::default().ignore_case(),
        }
    }
}

impl Scorer {
    /// The sum of each group's best score in `hay` (an alternative counts
    /// half); `None` if a group does not match.
    pub fn score(&self, q: &TextQuery, hay: &str) -> Option<i64> {
        let mut total = 0;
        for g in &q.groups {
            let typed: Option<i64> = g
                .typed
                .iter()
                .map(|w| self.matcher.fuzzy_match(hay, w))
                .sum();
            // matched by an alternative: the cheap score has ranked it
            // (skimming every alternative costs more than it tells)
            match typed {
                Some(s) => total += s,
                // the role or department matched: no letters to score
                None if !g.alts.is_empty() => {}
                None => return None,
            }
        }
        Some(total)
    }

    /// How well a title holds the phrases to rank by ("Back Office
    /// Executive" above "Team Leader - Back Office"): the title alone is
    /// scored, a quarter of the text's cost.
    pub fn score_phrases(&self, q: &TextQuery, title: &str) -> i64 {
        q.boosts
            .iter()
            .map(|phrases| {
                phrases
                    .iter()
                    .filter_map(|p| {
                        p.iter()
                            .map(|w| self.matcher.fuzzy_match(title, w))
                            .sum::<Option<i64>>()
                    })
                    .max()
                    .unwrap_or(0)
            })
            .sum()
    }

    /// Character positions in `field` matched by any word of the query
    /// (as typed, an alternative's, or a phrase to rank by).
    pub fn highlight(&self, q: &TextQuery, field: &str) -> Vec<usize> {
        let mut out: Vec<usize> = Vec::new();
        let lower = field.to_lowercase();
        let mut mark = |w: &str, exact: bool| {
            // an alternative shows only where a word starts with it
            if exact && !starts_word(w, &lower) {
                return;
            }
            if let Some((_, ix)) = self.matcher.fuzzy_indices(field, w) {
                out.extend(ix);
            }
        };
        for g in &q.groups {
            for w in &g.typed {
                mark(w, false);
            }
            for a in &g.alts {
                if let GroupAlt::Prefix { words, .. } = a {
                    for w in words {
                        mark(w, true);
                    }
                }
            }
        }
        for p in q.boosts.iter().flatten().chain(&q.literals) {
            for w in p {
                mark(w, true);
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}
