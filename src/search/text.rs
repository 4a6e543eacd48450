//! Free-text matching: a query is words, every word must match (fzf's
//! rule: SkimMatcherV2 alone would take a space literally), and each word
//! must appear in order inside one word of the listing ("payrl" in
//! "Payroll", not spread over "Pay … roll … Delhi"), which keeps typo
//! tolerance by omission without matching half the catalogue. That cheap
//! test decides match or no match exactly; the skim scorer then ranks only
//! the rows that match.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

/// A parsed free-text query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextQuery {
    /// Lowercased words, in the order typed.
    words: Vec<String>,
}

impl TextQuery {
    pub fn parse(text: &str) -> TextQuery {
        TextQuery {
            words: text
                .split(|c: char| c.is_whitespace() || is_separator(c))
                .map(|w| {
                    w.chars()
                        .filter(|c| !c.is_control())
                        .flat_map(char::to_lowercase)
                        .collect::<String>()
                })
                .filter(|w| !w.is_empty())
                .collect(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    pub fn words(&self) -> &[String] {
        &self.words
    }

    /// True when every row this query matches is also matched by `prev`,
    /// so the search can start from `prev`'s matches ("payr" → "payro").
    pub fn narrows(&self, prev: &TextQuery) -> bool {
        if prev.words.len() > self.words.len() {
            return false;
        }
        prev.words
            .iter()
            .zip(&self.words)
            .all(|(p, w)| is_subsequence(p.as_bytes(), w.as_bytes()))
    }

    /// Whether every word is an in-order subsequence of one word of `hay`
    /// (ASCII case folded; other characters compared after lowercasing).
    pub fn matches(&self, hay: &str) -> bool {
        if hay.is_ascii() {
            let h = hay.as_bytes();
            self.words
                .iter()
                .all(|w| w.is_ascii() && in_one_word_ascii(w.as_bytes(), h))
        } else {
            let lower = hay.to_lowercase();
            self.words.iter().all(|w| in_one_word(w, &lower))
        }
    }
}

/// Characters that split words, in listings and in queries.
pub fn is_separator(c: char) -> bool {
    matches!(
        c,
        '-' | '/' | '(' | ')' | ',' | '|' | '.' | '_' | ':' | ';' | '&' | '\'' | '"'
    )
}

/// `needle` (lowercase ASCII, non-empty) is a subsequence of one word of
/// `hay` (ASCII, any case).
fn in_one_word_ascii(needle: &[u8], hay: &[u8]) -> bool {
    let mut j = 0;
    for &h in hay {
        if h == b' ' || is_separator(h as char) {
            j = 0;
            continue;
        }
        if h.to_ascii_lowercase() == needle[j] {
            j += 1;
            if j == needle.len() {
                return true;
            }
        }
    }
    needle.is_empty()
}

fn in_one_word(needle: &str, hay: &str) -> bool {
    let n: Vec<char> = needle.chars().collect();
    if n.is_empty() {
        return true;
    }
    let mut j = 0;
    for h in hay.chars() {
        if h.is_whitespace() || is_separator(h) {
            j = 0;
            continue;
        }
        if h == n[j] {
            j += 1;
            if j == n.len() {
                return true;
            }
        }
    }
    false
}

fn is_subsequence(needle: &[u8], hay: &[u8]) -> bool {
    let mut it = hay.iter();
    needle.iter().all(|n| it.any(|h| h == n))
}

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
    /// The sum of each word's best score in `hay`; `None` if a word does
    /// not match.
    pub fn score(&self, q: &TextQuery, hay: &str) -> Option<i64> {
        let mut total = 0;
        for w in &q.words {
            total += self.matcher.fuzzy_match(hay, w)?;
        }
        Some(total)
    }

    /// Character positions in `field` matched by any word of the query.
    pub fn highlight(&self, q: &TextQuery, field: &str) -> Vec<usize> {
        let mut out: Vec<usize> = Vec::new();
        for w in &q.words {
            if let Some((_, ix)) = self.matcher.fuzzy_indices(field, w) {
                out.extend(ix);
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_must_match_in_order() {
        let q = TextQuery::parse("payrl pune");
        assert!(q.matches("Payroll Specialist | Sahyadri Finserv | Pune | Tally"));
        assert!(!q.matches("Payroll Specialist | Mumbai"));
        assert!(!q.matches("Pune | Data Entry"));
        // letters spread over several words do not count
        assert!(!TextQuery::parse("payrl").matches("Pay your rent, Lucknow"));
        assert!(TextQuery::parse("").matches("anything"));
    }

    #[test]
    fn typos_by_omission_match() {
        assert!(TextQuery::parse("payrol").matches("Payroll Executive"));
        assert!(TextQuery::parse("acnts asst").matches("Accounts Assistant"));
        assert!(!TextQuery::parse("pyaroll").matches("Payroll Executive"));
    }

    #[test]
    fn non_ascii_text_matches_too() {
        let q = TextQuery::parse("डेटा");
        assert!(q.matches("Data Entry Operator / डेटा एंट्री ऑपरेटर"));
        assert!(!q.matches("Data Entry Operator"));
        assert!(TextQuery::parse("data").matches("Data Entry / डेटा"));
    }

    #[test]
    fn narrowing() {
        let a = TextQuery::parse("pay");
        let b = TextQuery::parse("payr");
        let c = TextQuery::parse("payr pune");
        assert!(b.narrows(&a));
        assert!(c.narrows(&b));
        assert!(!a.narrows(&b));
        assert!(!TextQuery::parse("pun").narrows(&TextQuery::parse("payr")));
    }

    #[test]
    fn control_characters_are_ignored() {
        let q = TextQuery::parse("pay\u{7}roll \u{1b}");
        assert_eq!(q.words(), ["payroll"]);
    }

    #[test]
    fn separators_split_query_words_too() {
        let q = TextQuery::parse("e-commerce back/office");
        assert_eq!(q.words(), ["e", "commerce", "back", "office"]);
        assert!(q.matches("Order Processor | E-Commerce | Back Office"));
    }

    #[test]
    fn scorer_prefers_tighter_matches() {
        let s = Scorer::default();
        let q = TextQuery::parse("payroll");
        let tight = s.score(&q, "Payroll Executive").expect("match");
        let loose = s.score(&q, "Pay your roll call log").expect("match");
        assert!(tight > loose);
        assert_eq!(s.score(&q, "Data Entry"), None);
        assert_eq!(s.highlight(&q, "Payroll"), vec![0, 1, 2, 3, 4, 5, 6]);
    }
}
