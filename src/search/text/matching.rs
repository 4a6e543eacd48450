//! Whether a row matches a query, and the quick score that ranks the
//! rows that match before the fuzzy scorer is asked.

use super::words::{
    best_token, best_token_ascii, has_phrase, has_phrase_start, in_one_word, in_one_word_ascii,
    prefix_score, prefix_score_ascii, starts_word, starts_word_ascii,
};

use crate::search::understand::Tier;

use super::{Group, GroupAlt, RowFacts, TextQuery, letter_bit};

impl TextQuery {
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
        let h = Hay::new(hay, title_len, row);
        let mut total: u32 = 0;
        for g in &self.groups {
            total += group_score(g, &h, row);
        }
        // a phrase to rank by counts one point in the title: it orders
        // rows that match equally well, never above a better match
        for phrases in &self.boosts {
            let in_title = phrases.iter().any(|p| p.iter().all(|w| h.in_title(w)));
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

/// A row's text as [`TextQuery::quick_score`] reads it: lowercased once
/// (when it is not ASCII), with where its title and head end.
struct Hay<'h> {
    hay: &'h str,
    lower: std::borrow::Cow<'h, str>,
    ascii: bool,
    /// The title's length in bytes of `hay`, in characters and in bytes
    /// of `lower`.
    title_len: usize,
    title_chars: usize,
    title_bytes: usize,
    /// The title and the role's title (the whole text when not known).
    head_text: &'h str,
}

impl<'h> Hay<'h> {
    #[inline]
    fn new(hay: &'h str, title_len: usize, row: &RowFacts<'_>) -> Hay<'h> {
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
        let head_text = match hay.get(..row.head) {
            Some(h) if row.head > 0 => h,
            _ => hay,
        };
        Hay {
            hay,
            lower,
            ascii,
            title_len,
            title_chars,
            title_bytes,
            head_text,
        }
    }

    /// A typed word's score: starting a word, inside one, letters in order.
    #[inline]
    fn typed_score(&self, w: &str) -> u8 {
        match (self.ascii, w.is_ascii()) {
            (true, true) => best_token_ascii(w.as_bytes(), self.lower.as_bytes(), self.title_len),
            (true, false) => 0,
            _ => best_token(w, &self.lower, self.title_chars),
        }
    }

    /// A word's score when it must start a word (6: in the title).
    #[inline]
    fn prefix(&self, w: &str) -> u8 {
        match (self.ascii, w.is_ascii()) {
            (true, true) => prefix_score_ascii(w.as_bytes(), self.lower.as_bytes(), self.title_len),
            (true, false) => 0,
            _ => prefix_score(w, &self.lower, self.title_bytes),
        }
    }

    /// Whether a word starts a word of the title or the role's title.
    #[inline]
    fn prefix_head(&self, w: &str) -> bool {
        match (self.ascii, w.is_ascii()) {
            (true, true) => starts_word_ascii(w.as_bytes(), self.head_text.as_bytes()),
            (true, false) => false,
            _ => starts_word(w, &self.head_text.to_lowercase()),
        }
    }

    /// Whether a word starts a word of the title.
    #[inline]
    fn in_title(&self, w: &str) -> bool {
        match (self.ascii, w.is_ascii()) {
            (true, true) => {
                let title = self.hay.get(..self.title_len).unwrap_or(self.hay);
                starts_word_ascii(w.as_bytes(), title.as_bytes())
            }
            _ => self.prefix(w) == 6,
        }
    }
}

/// One group's part of [`TextQuery::quick_score`]: its typed words' scores
/// (halved when a job name is spread over other fields), or else its best
/// alternative's.
#[inline]
fn group_score(g: &Group, h: &Hay<'_>, row: &RowFacts<'_>) -> u32 {
    let n = g.typed.len() as u32;
    let (sum, all) = g.typed.iter().fold((0u32, true), |(sum, all), w| {
        let s = h.typed_score(w);
        (sum + u32::from(s), all && s > 0)
    });
    // a job name of several words spread over other fields is a
    // weaker match than the same words naming the job
    let spread = all && g.exact && g.typed.len() > 1 && !g.typed.iter().all(|w| h.prefix_head(w));
    if spread {
        return sum / 2;
    }
    if !all {
        return g
            .alts
            .iter()
            .map(|a| alt_score(a, n, h, row))
            .max()
            .unwrap_or(0);
    }
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
                && words.iter().all(|w| h.prefix(w) == 6))
    });
    // words typed together and titled together ("office
    // assistant" in "Office Assistant", not "Assistant, MS Office")
    let together = g.typed.len() > 1
        && h.hay
            .get(..h.title_len)
            .is_some_and(|title| has_phrase_start(&g.typed, title));
    sum + if named { g.role_bonus() as u32 } else { 0 }
        + u32::from(titled)
        + 2 * u32::from(together)
}

/// What an alternative scores for a group of `n` typed words it stands in
/// for: at most half of the typed words' score.
#[inline]
fn alt_score(a: &GroupAlt, n: u32, h: &Hay<'_>, row: &RowFacts<'_>) -> u32 {
    match a {
        GroupAlt::Prefix {
            words, tier, mask, ..
        } => {
            if row.letters.is_some_and(|l| l & mask != *mask) {
                return 0;
            }
            let mut sum = 0u32;
            for w in words {
                match h.prefix(w) {
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
    }
}
