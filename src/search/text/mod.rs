//! Free-text matching. A query is groups of words; every group must
//! match (fzf's rule: SkimMatcherV2 alone would take a space literally).
//! A group matches when each of its words, as typed, appears in order
//! inside one word of the listing ("payrl" in "Payroll", not spread over
//! "Pay … roll … Delhi"), which keeps typo tolerance by omission without
//! matching half the catalogue; or when one of its alternatives does
//! (another form of the word, a synonym, the role or department it
//! names: see `search::understand`). Words typed with `!` leave listings
//! out; quoted phrases must appear as written, in the description too.
//! That cheap test decides match or no match exactly; the skim scorer
//! then ranks only the rows that match, as-typed matches first.

mod matching;
mod scorer;
mod words;

pub use scorer::Scorer;
pub(crate) use words::is_subsequence;
use words::prefix_bit;
pub use words::{is_separator, letter_bit, letters_of, prefix_mask};

use super::understand::{Alt, Interpretation, Tier};

/// Another way a group can match.
#[derive(Debug, Clone, PartialEq, Eq)]
enum GroupAlt {
    /// Each word starts a word of the listing (`mask`: their letters;
    /// `starts`: their word-start bits, see [`prefix_mask`]).
    Prefix {
        words: Vec<String>,
        tier: Tier,
        mask: u32,
        starts: u64,
    },
    /// The listing's role (position in the vocabulary).
    Role(u16),
    /// The listing's department (position in the vocabulary).
    Category(u16),
}

/// Words that must match together, as typed or by an alternative.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Group {
    typed: Vec<String>,
    /// The typed words are spelt right: each starts a word of the listing.
    exact: bool,
    /// Never left out when no listing has it.
    essential: bool,
    /// The typed words' word-start bits, when they are exact.
    starts: u64,
    /// A row matching the typed words matches an alternative too
    /// ("accountants" starts with "accountant"): matching skips them.
    implied: bool,
    alts: Vec<GroupAlt>,
}

/// What the text pass knows of a row besides its searchable text.
#[derive(Debug, Clone, Copy, Default)]
pub struct RowFacts<'a> {
    pub role: Option<u16>,
    pub category: Option<u16>,
    /// The description, for quoted phrases.
    pub description: &'a str,
    /// The letters a-z of the searchable text ([`letters_of`]), to skip
    /// alternatives a row cannot match; `None`: not known.
    pub letters: Option<u32>,
    /// Its word-start bits ([`prefix_mask`]); `None`: not known.
    pub starts: Option<u64>,
    /// Bytes of the text that name the job (the title and the role's
    /// title): where another word for it counts. 0: the whole text.
    pub head: usize,
    /// Whether the text is all ASCII; `None`: not known.
    pub ascii: Option<bool>,
}

/// A parsed free-text query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextQuery {
    groups: Vec<Group>,
    /// Words (lowercase) no word of a matching listing starts with.
    not: Vec<String>,
    /// Phrases a matching listing has, and has not, as whole words.
    literals: Vec<Vec<String>>,
    not_literals: Vec<Vec<String>>,
    /// Phrases that rank without filtering (alternatives each).
    boosts: Vec<Vec<Vec<String>>>,
}

/// The letters a-z of some words (a bit each).
fn mask_of(words: &[String]) -> u32 {
    words
        .iter()
        .flat_map(|w| w.bytes())
        .fold(0, |m, b| m | letter_bit(b))
}

/// The word-start bits some words need (see [`prefix_mask`]).
fn starts_of(words: &[String]) -> u64 {
    words.iter().fold(0, |m, w| m | prefix_bit(w.as_bytes()))
}

fn split_words(text: &str) -> Vec<String> {
    text.split(|c: char| c.is_whitespace() || is_separator(c))
        .map(|w| {
            w.chars()
                .filter(|c| !c.is_control())
                .flat_map(char::to_lowercase)
                .collect::<String>()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

impl TextQuery {
    /// Words as typed, each its own group (understanding off).
    pub fn parse(text: &str) -> TextQuery {
        TextQuery {
            groups: split_words(text)
                .into_iter()
                .map(|w| Group {
                    typed: vec![w],
                    exact: false,
                    essential: false,
                    starts: 0,
                    implied: false,
                    alts: Vec::new(),
                })
                .collect(),
            ..TextQuery::default()
        }
    }

    /// The text part of an interpretation.
    pub fn understood(i: &Interpretation) -> TextQuery {
        let mut q = TextQuery::default();
        for t in &i.terms {
            // the engine splits words as the listings are split
            let typed: Vec<String> = t.words.iter().flat_map(|w| split_words(w)).collect();
            if typed.is_empty() {
                continue;
            }
            if t.negated {
                q.not.extend(typed);
                continue;
            }
            let mut alts: Vec<GroupAlt> = Vec::new();
            for a in &t.alts {
                let Some(alt) = group_alt(a, &typed, t.exact) else {
                    continue;
                };
                if !alts.contains(&alt) {
                    alts.push(alt);
                }
            }
            // a real word in another form ("accountants"): matched by its
            // start like a known word, not letter by letter inside words
            // (which finds nothing more and scans every row)
            let exact = t.exact
                || (typed.len() == 1
                    && alts.iter().any(|a| {
                        matches!(a, GroupAlt::Prefix { tier: Tier::Inflected, words, .. }
                            if words.len() == 1)
                    }));
            let implied = exact
                && typed.len() == 1
                && alts.iter().any(|a| {
                    matches!(a, GroupAlt::Prefix { tier: Tier::Inflected, words, .. }
                        if words.len() == 1 && typed[0].starts_with(words[0].as_str()))
                });
            q.groups.push(Group {
                implied,
                starts: if exact { starts_of(&typed) } else { 0 },
                typed,
                exact,
                essential: t.essential,
                alts,
            });
        }
        for l in &i.literals {
            let words = split_words(&l.text);
            if words.is_empty() {
                continue;
            }
            if l.negated {
                q.not_literals.push(words);
            } else {
                q.literals.push(words);
            }
        }
        for b in &i.boosts {
            let unique = boost_phrases(&b.phrases);
            if !unique.is_empty() {
                q.boosts.push(unique);
            }
        }
        q
    }

    /// Nothing to match or rank by.
    pub fn is_empty(&self) -> bool {
        !self.filters() && self.boosts.is_empty()
    }

    /// Whether the text leaves some listings out.
    pub fn filters(&self) -> bool {
        !self.groups.is_empty()
            || !self.not.is_empty()
            || !self.literals.is_empty()
            || !self.not_literals.is_empty()
    }

    /// Whether the text orders listings (words to match or to rank by).
    pub fn ranks(&self) -> bool {
        !self.groups.is_empty() || !self.boosts.is_empty()
    }

    /// How many groups of words must match.
    pub fn group_count(&self) -> usize {
        self.groups.len()
    }

    /// Group `g`'s words as typed.
    pub fn group_text(&self, g: usize) -> String {
        self.groups
            .get(g)
            .map_or_else(String::new, |x| x.typed.join(" "))
    }

    /// Whether group `g` may be left out when no listing has it.
    pub fn droppable(&self, g: usize) -> bool {
        self.groups.get(g).is_some_and(|x| !x.essential)
    }

    /// Only group `g` (to find which words match nothing).
    pub fn only_group(&self, g: usize) -> TextQuery {
        TextQuery {
            groups: self.groups.get(g).cloned().into_iter().collect(),
            ..TextQuery::default()
        }
    }

    /// This query without the groups `gone`.
    pub fn without_groups(&self, gone: &[usize]) -> TextQuery {
        let mut q = self.clone();
        q.groups = self
            .groups
            .iter()
            .enumerate()
            .filter(|(i, _)| !gone.contains(i))
            .map(|(_, g)| g.clone())
            .collect();
        q
    }

    /// Whether some group can match by an alternative.
    pub fn has_alternatives(&self) -> bool {
        self.groups.iter().any(|g| !g.alts.is_empty())
    }

    /// Whether phrases rank rows (with no words of their own to match).
    pub fn ranks_by_phrase(&self) -> bool {
        !self.boosts.is_empty()
    }

    /// Whether matching needs a row's description (quoted phrases).
    pub fn needs_description(&self) -> bool {
        !self.literals.is_empty() || !self.not_literals.is_empty()
    }

    /// The words as typed, in order (what suggestions correct).
    pub fn words(&self) -> impl Iterator<Item = &str> {
        self.groups
            .iter()
            .flat_map(|g| g.typed.iter().map(String::as_str))
    }

    /// True when every row this query matches is also matched by `prev`,
    /// so the search can start from `prev`'s matches ("payr" → "payro").
    pub fn narrows(&self, prev: &TextQuery) -> bool {
        if prev.groups.len() > self.groups.len() {
            return false;
        }
        let subset = |a: &[String], b: &[String]| a.iter().all(|x| b.contains(x));
        let subset_phrases = |a: &[Vec<String>], b: &[Vec<String>]| a.iter().all(|x| b.contains(x));
        prev.groups
            .iter()
            .zip(&self.groups)
            .all(|(p, g)| g.implies(p))
            && subset(&prev.not, &self.not)
            && subset_phrases(&prev.literals, &self.literals)
            && subset_phrases(&prev.not_literals, &self.not_literals)
    }
}

impl Group {
    /// What a row of a role the group's words name gains.
    fn role_bonus(&self) -> usize {
        if self.alts.iter().any(|a| matches!(a, GroupAlt::Role(_))) {
            2
        } else {
            0
        }
    }

    /// The most a row matching as typed gains: its role, a title with
    /// another word for it, the words side by side in the title.
    fn bonus(&self) -> usize {
        self.role_bonus()
            + usize::from(
                self.alts
                    .iter()
                    .any(|a| matches!(a, GroupAlt::Prefix { .. })),
            )
            + if self.typed.len() > 1 { 2 } else { 0 }
    }

    /// Whether every row this group matches is matched by `p` too.
    fn implies(&self, p: &Group) -> bool {
        // each of `b` is a subsequence of a word of `a`
        let within = |a: &[String], b: &[String]| {
            b.iter()
                .all(|y| a.iter().any(|x| is_subsequence(y.as_bytes(), x.as_bytes())))
        };
        // each of `b` is the start of a word of `a`
        let starts = |a: &[String], b: &[String]| {
            b.iter()
                .all(|y| a.iter().any(|x| x.starts_with(y.as_str())))
        };
        let alt_implies = |a: &GroupAlt| match a {
            GroupAlt::Prefix { words, .. } => {
                (if p.exact {
                    starts(words, &p.typed)
                } else {
                    within(words, &p.typed)
                }) || p.alts.iter().any(|b| match b {
                    GroupAlt::Prefix { words: pw, .. } => starts(words, pw),
                    _ => false,
                })
            }
            GroupAlt::Role(r) => p.alts.contains(&GroupAlt::Role(*r)),
            GroupAlt::Category(c) => p.alts.contains(&GroupAlt::Category(*c)),
        };
        // an exact word starts a listing word; a fuzzy one need not
        let typed = if p.exact {
            self.exact && starts(&self.typed, &p.typed)
        } else {
            within(&self.typed, &p.typed)
        };
        typed && self.alts.iter().all(alt_implies)
    }
}

/// A term's alternative as matching reads it (`None`: nothing to add:
/// no words, or words the `exact` typed words already find).
fn group_alt(a: &Alt, typed: &[String], exact: bool) -> Option<GroupAlt> {
    Some(match a {
        Alt::Words { words, tier } => {
            let words: Vec<String> = words.iter().flat_map(|w| split_words(w)).collect();
            // "data entry operator" finds nothing "data entry" does not
            let redundant = exact
                && typed
                    .iter()
                    .all(|y| words.iter().any(|x| x.starts_with(y.as_str())));
            if words.is_empty() || redundant {
                return None;
            }
            // "storekeeper" for "store keeper" is the same word
            let tier = if words.concat() == typed.concat() {
                Tier::Inflected
            } else {
                *tier
            };
            GroupAlt::Prefix {
                mask: mask_of(&words),
                starts: starts_of(&words),
                words,
                tier,
            }
        }
        Alt::Role(r) => GroupAlt::Role(*r),
        Alt::Category(c) => GroupAlt::Category(*c),
    })
}

/// A boost's phrases split as listings are, empty and repeated ones left out.
fn boost_phrases(phrases: &[Vec<String>]) -> Vec<Vec<String>> {
    let phrases: Vec<Vec<String>> = phrases
        .iter()
        .map(|p| p.iter().flat_map(|w| split_words(w)).collect::<Vec<_>>())
        .filter(|p| !p.is_empty())
        .collect();
    let mut unique: Vec<Vec<String>> = Vec::with_capacity(phrases.len());
    for p in phrases {
        if !unique.contains(&p) {
            unique.push(p);
        }
    }
    unique
}

#[cfg(test)]
mod tests;
