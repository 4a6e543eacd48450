//! "No results for 'payrall pune'; did you mean 'payroll pune'?"
//!
//! Matching forgives left-out letters ("payrl" finds Payroll) but not wrong,
//! doubled or swapped ones. When a search finds nothing, each query word that
//! is in no listing word is replaced by the closest word the listings use
//! (edits, a swap of two letters counting as one: one edit for short words,
//! two from seven letters),
//! the commonest on a tie, and the corrected query is offered only if it
//! finds something under the same filters. The engine itself never guesses:
//! results are always what was typed.

use rustc_hash::FxHashMap as HashMap;

use super::exec::{FacetSet, never};
use super::index::Index;
use super::query::Query;
use super::text::{TextQuery, is_subsequence};

/// Lowercase ASCII words of the searchable text, with how many times each
/// occurs, built once per index the first time a search finds nothing.
#[derive(Debug, Default)]
pub(crate) struct Words {
    words: Vec<(Box<str>, u32)>,
}

impl Words {
    /// At most this many rows are read (evenly spread): enough to hold
    /// the words in use, and a bounded wait at a million listings.
    const SAMPLE: usize = 200_000;

    /// `None` when `cancel` says stop (checked every few thousand rows).
    fn build(ix: &Index, cancel: &(dyn Fn() -> bool + Sync)) -> Option<Words> {
        let mut counts: HashMap<Box<str>, u32> = HashMap::default();
        let mut add = |word: &str| {
            if word.len() < 3 {
                return;
            }
            match counts.get_mut(word) {
                Some(n) => *n += 1,
                None => {
                    counts.insert(word.into(), 1);
                }
            }
        };
        let mut word = String::new();
        // a word with digits or non-ASCII letters is not one to suggest
        let mut plain = true;
        let step = ix.len().div_ceil(Self::SAMPLE).max(1);
        for (i, row) in (0..ix.len()).step_by(step).enumerate() {
            if i % 4096 == 4095 && cancel() {
                return None;
            }
            for c in ix.searchable_text(row).chars().chain([' ']) {
                if c.is_ascii_alphabetic() {
                    word.push(c.to_ascii_lowercase());
                } else if c.is_alphanumeric() {
                    plain = false;
                } else {
                    if plain {
                        add(&word);
                    }
                    word.clear();
                    plain = true;
                }
            }
        }
        let mut words: Vec<(Box<str>, u32)> = counts.into_iter().collect();
        // commonest first, so the first of equally close words wins
        words.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        Some(Words { words })
    }

    /// Whether `w` is an in-order subsequence of some word: then matching
    /// already finds it and it needs no correcting.
    fn matched(&self, w: &str) -> bool {
        self.words
            .iter()
            .any(|(v, _)| is_subsequence(w.as_bytes(), v.as_bytes()))
    }

    /// The closest word within the edits allowed for `w`'s length.
    fn closest(&self, w: &str) -> Option<&str> {
        let allowed = match w.chars().count() {
            0..=3 => return None,
            4..=6 => 1,
            _ => 2,
        };
        let mut best: Option<(usize, &str)> = None;
        for (v, _) in &self.words {
            if v.len().abs_diff(w.len()) > allowed {
                continue;
            }
            let d = strsim::osa_distance(w, v);
            if d <= allowed && best.is_none_or(|(bd, _)| d < bd) {
                best = Some((d, v));
                if d == 1 {
                    break;
                }
            }
        }
        best.map(|(_, v)| v)
    }
}

impl Index {
    /// A corrected text for a query that found nothing, when one finds
    /// something with the same filters; `None` otherwise.
    pub fn suggest(&self, q: &Query) -> Option<String> {
        self.suggest_unless(q, &never)
    }

    /// [`Index::suggest`], giving up (`None`) when `cancel` says so.
    pub fn suggest_unless(&self, q: &Query, cancel: &(dyn Fn() -> bool + Sync)) -> Option<String> {
        // the free words, each with where it was typed (understood: the
        // words read as filters or dropped are not corrected)
        let free: Vec<(std::ops::Range<usize>, Vec<String>)> = if q.literal {
            vec![(
                0..q.text.len(),
                TextQuery::parse(&q.text)
                    .words()
                    .map(String::from)
                    .collect(),
            )]
        } else {
            self.interpret(&q.text)
                .terms
                .into_iter()
                .filter(|t| !t.negated)
                .map(|t| (t.span, t.words))
                .collect()
        };
        if free.iter().all(|(_, w)| w.is_empty()) {
            return None;
        }
        let words = match self.words.get() {
            Some(w) => w,
            None => {
                let built = Words::build(self, cancel)?;
                self.words.get_or_init(|| built)
            }
        };
        let mut changed = false;
        let mut text = String::new();
        let mut at = 0;
        for (span, ws) in &free {
            let mut fixed = Vec::with_capacity(ws.len());
            let mut this = false;
            for w in ws {
                if !w.is_ascii() || words.matched(w) {
                    fixed.push(w.clone());
                    continue;
                }
                let v = words.closest(w)?;
                fixed.push(v.to_string());
                this = true;
            }
            if this {
                text.push_str(q.text.get(at..span.start).unwrap_or(""));
                text.push_str(&fixed.join(" "));
                at = span.end;
                changed = true;
            }
        }
        if !changed {
            return None;
        }
        text.push_str(q.text.get(at..).unwrap_or(""));
        let corrected = Query {
            text: text.split_whitespace().collect::<Vec<_>>().join(" "),
            ..q.clone()
        };
        if cancel() {
            return None;
        }
        let found = self
            .search_unless(&corrected, FacetSet::NONE, cancel)
            .is_some_and(|r| r.total() > 0);
        found.then_some(corrected.text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cancelled_suggestion_is_none_and_leaves_nothing_half_built() {
        let ix = crate::session::synthetic_index(20_000, 1, jiff::civil::date(2026, 11, 23))
            .expect("index");
        // as typed: understood, the misspelling is read as "payroll"
        let typo = Query {
            literal: true,
            ..Query::text("payrall")
        };
        assert_eq!(ix.search(&typo).total(), 0);
        assert_eq!(ix.suggest_unless(&typo, &|| true), None);
        assert!(ix.words.get().is_none());
        assert_eq!(ix.suggest(&typo).as_deref(), Some("payroll"));
        assert!(ix.words.get().is_some());
    }

    #[test]
    fn subsequences_need_no_correction() {
        let w = Words {
            words: vec![("payroll".into(), 3), ("pune".into(), 2)],
        };
        assert!(w.matched("payrl"));
        assert!(w.matched("pne"));
        assert!(!w.matched("payrall"));
    }

    #[test]
    fn the_closest_and_commonest_word_wins() {
        let w = Words {
            words: vec![
                ("mumbai".into(), 9),
                ("mundra".into(), 1),
                ("payroll".into(), 5),
                ("payrolls".into(), 1),
            ],
        };
        assert_eq!(w.closest("mumbia"), Some("mumbai")); // a swap is one edit
        assert_eq!(w.closest("payrall"), Some("payroll"));
        assert_eq!(w.closest("pyaroll"), Some("payroll"));
        assert_eq!(w.closest("payrolll"), Some("payroll"));
        assert_eq!(w.closest("xyzzy"), None);
        assert_eq!(w.closest("abc"), None, "too short to guess");
    }
}
