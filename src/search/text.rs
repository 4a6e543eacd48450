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
            self.matches_ascii(hay.as_bytes())
        } else {
            let lower = hay.to_lowercase();
            self.words.iter().all(|w| in_one_word(w, &lower))
        }
    }

    /// [`TextQuery::matches`] for a haystack known to be ASCII.
    #[inline]
    pub fn matches_ascii(&self, hay: &[u8]) -> bool {
        self.words
            .iter()
            .all(|w| w.is_ascii() && in_one_word_ascii(w.as_bytes(), hay))
    }

    /// The ASCII letters every matching row must contain (a bit per
    /// letter a-z), for a one-instruction rejection before any scan.
    pub fn letter_mask(&self) -> u32 {
        self.words
            .iter()
            .flat_map(|w| w.bytes())
            .fold(0, |m, b| m | letter_bit(b))
    }

    /// The highest [`TextQuery::quick_score`] any row can get.
    pub fn best_quick_score(&self) -> u8 {
        (self.words.len() * 6).min(255) as u8
    }

    /// A cheap match-quality score (0-255) used to pick which rows the
    /// fuzzy scorer ranks: per word, the best of a word starting with it
    /// (4), containing it (3) or holding its letters in order (1), plus 2
    /// when that word is in the title (the first `title_len` bytes).
    pub fn quick_score(&self, hay: &str, title_len: usize) -> u8 {
        let mut total: u32 = 0;
        if hay.is_ascii() {
            let h = hay.as_bytes();
            for w in &self.words {
                total += u32::from(best_token_ascii(w.as_bytes(), h, title_len));
            }
        } else {
            let lower = hay.to_lowercase();
            let title_chars = hay.get(..title_len).map_or(0, |t| t.chars().count());
            for w in &self.words {
                total += u32::from(best_token(w, &lower, title_chars));
            }
        }
        total.min(255) as u8
    }
}

/// Characters that split words, in listings and in queries.
pub fn is_separator(c: char) -> bool {
    matches!(
        c,
        '-' | '/' | '(' | ')' | ',' | '|' | '.' | '_' | ':' | ';' | '&' | '\'' | '"'
    )
}

/// ASCII bytes folded for matching: separators and spaces are 0, letters
/// are lowercase, everything else is itself.
static FOLD: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        t[i] = match b {
            b' ' | b'\t' | b'\n' | b'\r' | b'-' | b'/' | b'(' | b')' | b',' | b'|' | b'.'
            | b'_' | b':' | b';' | b'&' | b'\'' | b'"' => 0,
            b'A'..=b'Z' => b + 32,
            _ => b,
        };
        i += 1;
    }
    t
};

/// The bit of a lowercase ASCII letter in a letter mask (0 for others).
#[inline]
pub fn letter_bit(b: u8) -> u32 {
    if b.is_ascii_lowercase() {
        1 << (b - b'a')
    } else {
        0
    }
}

/// The letters a-z present in `hay` (any case).
pub fn letters_of(hay: &str) -> u32 {
    hay.bytes().fold(0, |m, b| m | letter_bit(FOLD[b as usize]))
}

/// Whether `rest` (lowercase ASCII) appears in order in `hay` from `from`
/// up to the end of that word.
#[inline]
fn rest_in_word(rest: &[u8], hay: &[u8], from: usize) -> bool {
    if rest.is_empty() {
        return true;
    }
    let mut j = 0;
    for &h in &hay[from.min(hay.len())..] {
        let c = FOLD[h as usize];
        if c == 0 {
            return false;
        }
        if c == rest[j] {
            j += 1;
            if j == rest.len() {
                return true;
            }
        }
    }
    false
}

/// Where the first letter of `needle` occurs in `hay`, either case.
#[inline]
fn starts(needle: &[u8], hay: &[u8]) -> impl Iterator<Item = usize> {
    let first = needle.first().copied().unwrap_or(0);
    memchr::memchr2_iter(first, first.to_ascii_uppercase(), hay)
}

/// `needle` (lowercase ASCII, non-empty) is a subsequence of one word of
/// `hay` (ASCII, any case). SIMD `memchr` finds each place the first letter
/// occurs; only the rest of that word is scanned.
#[inline]
fn in_one_word_ascii(needle: &[u8], hay: &[u8]) -> bool {
    if needle.is_empty() {
        return true;
    }
    starts(needle, hay).any(|pos| rest_in_word(&needle[1..], hay, pos + 1))
}

/// The quick score of one word against the words of an ASCII haystack.
fn best_token_ascii(needle: &[u8], hay: &[u8], title_len: usize) -> u8 {
    let mut best = 0u8;
    for pos in starts(needle, hay) {
        let word_start = pos == 0 || FOLD[hay[pos - 1] as usize] == 0;
        let contiguous = hay.len() >= pos + needle.len()
            && (1..needle.len()).all(|i| FOLD[hay[pos + i] as usize] == needle[i]);
        let base = if contiguous && word_start {
            4
        } else if contiguous {
            3
        } else if rest_in_word(&needle[1..], hay, pos + 1) {
            1
        } else {
            0
        };
        if base == 0 {
            continue;
        }
        let mut start = pos;
        while start > 0 && FOLD[hay[start - 1] as usize] != 0 {
            start -= 1;
        }
        best = best.max(base + if start < title_len { 2 } else { 0 });
        if best == 6 {
            break;
        }
    }
    best
}

/// The quick score of one word against a lowercased, non-ASCII haystack.
fn best_token(needle: &str, lower: &str, title_chars: usize) -> u8 {
    let mut best = 0u8;
    let mut pos = 0;
    for tok in lower.split(|c: char| c.is_whitespace() || is_separator(c)) {
        let len = tok.chars().count();
        if !tok.is_empty() {
            let base = if tok.starts_with(needle) {
                4
            } else if tok.contains(needle) {
                3
            } else if in_one_word(needle, tok) {
                1
            } else {
                0
            };
            if base > 0 {
                best = best.max(base + if pos < title_chars { 2 } else { 0 });
            }
        }
        pos += len + 1;
    }
    best
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

pub(crate) fn is_subsequence(needle: &[u8], hay: &[u8]) -> bool {
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
    fn quick_scores_prefer_word_starts_in_the_title() {
        let q = TextQuery::parse("pay");
        let hay = "Payroll Executive Acme Pune Repayment";
        assert_eq!(q.quick_score(hay, 17), 6, "a title word starting with it");
        assert_eq!(q.quick_score("Clerk Acme Pune Payroll", 5), 4);
        assert_eq!(q.quick_score("Clerk Repayments", 5), 3);
        assert_eq!(q.quick_score("Clerk Plays", 5), 1);
        assert_eq!(q.quick_score("Clerk", 5), 0);
        let two = TextQuery::parse("pay pune");
        assert_eq!(two.quick_score(hay, 17), 10);
        let hi = "Data / डेटा एंट्री";
        assert_eq!(TextQuery::parse("डेटा").quick_score(hi, hi.len()), 6);
        assert_eq!(TextQuery::parse("डेटा").quick_score(hi, 4), 4);
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
