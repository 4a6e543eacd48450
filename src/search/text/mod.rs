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

mod words;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

pub(crate) use words::is_subsequence;
use words::{
    best_token, best_token_ascii, has_phrase, has_phrase_start, in_one_word, in_one_word_ascii,
    prefix_bit, prefix_score, prefix_score_ascii, starts_word, starts_word_ascii,
};
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
                let alt = match a {
                    Alt::Words { words, tier } => {
                        let words: Vec<String> =
                            words.iter().flat_map(|w| split_words(w)).collect();
                        // "data entry operator" finds nothing "data entry" does not
                        let redundant = t.exact
                            && typed
                                .iter()
                                .all(|y| words.iter().any(|x| x.starts_with(y.as_str())));
                        if words.is_empty() || redundant {
                            continue;
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
            let phrases: Vec<Vec<String>> = b
                .phrases
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

    /// Whether a text with no role or description matches (role search,
    /// title checks).
    pub fn matches(&self, hay: &str) -> bool {
        self.matches_row(hay, &RowFacts::default())
    }

    /// Whether a row matches: every group, no excluded word, every quoted
    /// phrase (in the searchable text or the description), no excluded one.
    pub fn matches_row(&self, hay: &str, row: &RowFacts<'_>) -> bool {
        let ascii = row.ascii.unwrap_or_else(|| hay.is_ascii());
        let lower = if ascii {
            std::borrow::Cow::Borrowed(hay)
        } else {
            std::borrow::Cow::Owned(hay.to_lowercase())
        };
        let h = lower.as_bytes();
        // a word with letters beyond ASCII is in no ASCII text
        let word_in = |w: &str| match (ascii, w.is_ascii()) {
            (true, true) => in_one_word_ascii(w.as_bytes(), h),
            (true, false) => false,
            _ => in_one_word(w, &lower),
        };
        let starts = |w: &str| match (ascii, w.is_ascii()) {
            (true, true) => starts_word_ascii(w.as_bytes(), h),
            (true, false) => false,
            _ => starts_word(w, &lower),
        };
        // another word for the job counts in the title, not among skills
        // ("typing" is a skill of half the catalogue; "Typist" a title)
        let head = if row.head == 0 {
            hay
        } else {
            hay.get(..row.head).unwrap_or(hay)
        };
        let head_lower = if ascii {
            std::borrow::Cow::Borrowed(head)
        } else {
            std::borrow::Cow::Owned(head.to_lowercase())
        };
        let in_head = |w: &str| match (ascii, w.is_ascii()) {
            (true, true) => starts_word_ascii(w.as_bytes(), head_lower.as_bytes()),
            (true, false) => false,
            _ => starts_word(w, &head_lower),
        };
        let groups = self.groups.iter().all(|g| {
            // the role or department first: no text to scan
            g.alts.iter().any(|a| match a {
                GroupAlt::Role(r) => row.role == Some(*r),
                GroupAlt::Category(c) => row.category == Some(*c),
                GroupAlt::Prefix { .. } => false,
            }) || (!g.implied
                && row.starts.is_none_or(|s| s & g.starts == g.starts)
                && g.typed
                    .iter()
                    .all(|w| if g.exact { starts(w) } else { word_in(w) }))
                || g.alts.iter().any(|a| match a {
                    GroupAlt::Prefix {
                        words,
                        mask,
                        starts: bits,
                        tier,
                    } => {
                        row.letters.is_none_or(|l| l & mask == *mask)
                            && row.starts.is_none_or(|s| s & bits == *bits)
                            && if *tier == Tier::Inflected {
                                words.iter().all(|w| starts(w))
                            } else {
                                words.iter().all(|w| in_head(w))
                            }
                    }
                    GroupAlt::Role(_) | GroupAlt::Category(_) => false,
                })
        });
        groups
            && !self.not.iter().any(|w| starts(w))
            && self
                .literals
                .iter()
                .all(|p| has_phrase(p, hay) || has_phrase(p, row.description))
            && !self
                .not_literals
                .iter()
                .any(|p| has_phrase(p, hay) || has_phrase(p, row.description))
    }

    /// The ASCII letters every matching row must contain (a bit per
    /// letter a-z), for a one-instruction rejection before any scan.
    pub fn letter_mask(&self) -> u32 {
        let letters = |ws: &[String]| {
            ws.iter()
                .flat_map(|w| w.bytes())
                .fold(0, |m, b| m | letter_bit(b))
        };
        self.groups
            .iter()
            .map(|g| {
                g.alts.iter().fold(letters(&g.typed), |m, a| match a {
                    GroupAlt::Prefix { mask, .. } => m & mask,
                    GroupAlt::Role(_) | GroupAlt::Category(_) => 0,
                })
            })
            .fold(0, |m, g| m | g)
    }

    /// The highest [`TextQuery::quick_score`] any row can get.
    pub fn best_quick_score(&self) -> u8 {
        let typed: usize = self
            .groups
            .iter()
            .map(|g| g.typed.len() * 6 + g.bonus())
            .sum();
        (typed + self.boosts.len()).min(255) as u8
    }

    /// A cheap match-quality score (0-255) used to pick which rows the
    /// fuzzy scorer ranks: per typed word, the best of a word starting
    /// with it (4), containing it (3) or holding its letters in order (1),
    /// plus 2 when that word is in the title (the first `title_len`
    /// bytes). A group matched only by an alternative scores at most half
    /// of that, a row of the role the words name gains 2, and a phrase to
    /// rank by adds 1 when it is in the title.
    pub fn quick_score(&self, hay: &str, title_len: usize, row: &RowFacts<'_>) -> u8 {
        let mut total: u32 = 0;
        let ascii = row.ascii.unwrap_or_else(|| hay.is_ascii());
        let lower = if ascii {
            std::borrow::Cow::Borrowed(hay)
        } else {
            std::borrow::Cow::Owned(hay.to_lowercase())
        };
        let title_chars = if ascii {
            title_len
        } else {
            hay.get(..title_len).map_or(0, |t| t.chars().count())
        };
        let title_bytes = if ascii {
            title_len
        } else {
            hay.get(..title_len).map_or(0, |t| t.to_lowercase().len())
        };
        let typed_score = |w: &str| -> u8 {
            match (ascii, w.is_ascii()) {
                (true, true) => best_token_ascii(w.as_bytes(), lower.as_bytes(), title_len),
                (true, false) => 0,
                _ => best_token(w, &lower, title_chars),
            }
        };
        let prefix = |w: &str| -> u8 {
            match (ascii, w.is_ascii()) {
                (true, true) => prefix_score_ascii(w.as_bytes(), lower.as_bytes(), title_len),
                (true, false) => 0,
                _ => prefix_score(w, &lower, title_bytes),
            }
        };
        // whether a word starts a word of the title or the role's title
        let head_text = match hay.get(..row.head) {
            Some(h) if row.head > 0 => h,
            _ => hay,
        };
        let prefix_head = |w: &str| match (ascii, w.is_ascii()) {
            (true, true) => starts_word_ascii(w.as_bytes(), head_text.as_bytes()),
            (true, false) => false,
            _ => starts_word(w, &head_text.to_lowercase()),
        };
        for g in &self.groups {
            let n = g.typed.len() as u32;
            let (sum, all) = g.typed.iter().fold((0u32, true), |(sum, all), w| {
                let s = typed_score(w);
                (sum + u32::from(s), all && s > 0)
            });
            // a job name of several words spread over other fields is a
            // weaker match than the same words naming the job
            let spread =
                all && g.exact && g.typed.len() > 1 && !g.typed.iter().all(|w| prefix_head(w));
            if spread {
                total += sum / 2;
                continue;
            }
            if all {
                // the role the words name, exactly, first ("data analyst");
                // then rows whose title has another word for it ("typing":
                // a Data Entry title)
                let named = g
                    .alts
                    .iter()
                    .any(|a| matches!(a, GroupAlt::Role(r) if row.role == Some(*r)));
                let titled = g.alts.iter().any(|a| {
                    matches!(a, GroupAlt::Prefix { words, mask, .. }
                        if row.letters.is_none_or(|l| l & mask == *mask)
                            && words.iter().all(|w| prefix(w) == 6))
                });
                // words typed together and titled together ("office
                // assistant" in "Office Assistant", not "Assistant, MS Office")
                let together = g.typed.len() > 1
                    && hay
                        .get(..title_len)
                        .is_some_and(|title| has_phrase_start(&g.typed, title));
                total += sum
                    + if named { g.role_bonus() as u32 } else { 0 }
                    + u32::from(titled)
                    + 2 * u32::from(together);
                continue;
            }
            let best_alt = g
                .alts
                .iter()
                .map(|a| match a {
                    GroupAlt::Prefix {
                        words, tier, mask, ..
                    } => {
                        if row.letters.is_some_and(|l| l & mask != *mask) {
                            return 0;
                        }
                        let mut sum = 0u32;
                        for w in words {
                            match prefix(w) {
                                0 => return 0,
                                s => sum += u32::from(s),
                            }
                        }
                        let avg = sum / words.len().max(1) as u32;
                        let cut = if *tier == Tier::Inflected { 1 } else { 2 };
                        (avg * n) / cut
                    }
                    // a listing of the very role the words name
                    GroupAlt::Role(r) if row.role == Some(*r) => 6 * n,
                    GroupAlt::Category(c) if row.category == Some(*c) => n,
                    _ => 0,
                })
                .max()
                .unwrap_or(0);
            total += best_alt;
        }
        // a phrase to rank by counts one point in the title: it orders
        // rows that match equally well, never above a better match
        let title = hay.get(..title_len).unwrap_or(hay);
        let titled = |w: &str| match (ascii, w.is_ascii()) {
            (true, true) => starts_word_ascii(w.as_bytes(), title.as_bytes()),
            _ => prefix(w) == 6,
        };
        for phrases in &self.boosts {
            let in_title = phrases.iter().any(|p| p.iter().all(|w| titled(w)));
            total += u32::from(in_title);
        }
        total.min(255) as u8
    }

    /// How many groups a row matches only through another word (rows
    /// that match every group as typed come first; another form of the
    /// typed word, "accountant" for "accountants", counts as typed).
    ///
    /// A job name of several words ("store keeper", "email process") counts
    /// as typed only when its words name the job (are in the first `head`
    /// bytes: the title and the role's title), not when they are spread
    /// over a company's name and a skill. `head` 0: the whole text.
    pub fn alternative_only(&self, hay: &str, head: usize) -> usize {
        let lower = hay.to_lowercase();
        let head_lower = match hay.get(..head) {
            Some(h) if head > 0 => h.to_lowercase(),
            _ => lower.clone(),
        };
        self.groups
            .iter()
            .filter(|g| {
                let typed = g.typed.iter().all(|w| {
                    if g.exact && g.typed.len() > 1 {
                        starts_word(w, &head_lower)
                    } else if g.exact {
                        starts_word(w, &lower)
                    } else {
                        in_one_word(w, &lower)
                    }
                });
                let form = g.alts.iter().any(|a| {
                    matches!(a, GroupAlt::Prefix { words, tier: Tier::Inflected, .. }
                        if words.iter().all(|w| starts_word(w, &lower)))
                });
                !(typed || form)
            })
            .count()
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

#[cfg(test)]
mod tests;
