//! Word-level matching on a listing's searchable text: a query word as
//! an in-order subsequence of one word ("payrl" in "Payroll"), a word a
//! listing word starts with, a phrase of whole words, and the cheap
//! scores that pick which rows the fuzzy scorer ranks. ASCII text takes a
//! table-driven fast path; other text is compared after lowercasing.

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
pub(crate) fn in_one_word_ascii(needle: &[u8], hay: &[u8]) -> bool {
    if needle.is_empty() {
        return true;
    }
    // the earliest first letter of a word is the best start in that word:
    // when the rest is not in order from there, skip to the next word
    let first = needle[0];
    let rest = &needle[1..];
    let mut from = 0;
    while let Some(off) = memchr::memchr2(first, first.to_ascii_uppercase(), &hay[from..]) {
        let pos = from + off;
        match rest_from(rest, hay, pos + 1) {
            Ok(()) => return true,
            Err(end) => from = end,
        }
        if from >= hay.len() {
            break;
        }
    }
    false
}

/// Whether `rest` (lowercase ASCII) appears in order in `hay` from `from`
/// up to the end of that word; `Err` gives where that word ends.
#[inline]
fn rest_from(rest: &[u8], hay: &[u8], from: usize) -> Result<(), usize> {
    if rest.is_empty() {
        return Ok(());
    }
    let mut j = 0;
    let start = from.min(hay.len());
    for (i, &h) in hay[start..].iter().enumerate() {
        let c = FOLD[h as usize];
        if c == 0 {
            return Err(start + i + 1);
        }
        if c == rest[j] {
            j += 1;
            if j == rest.len() {
                return Ok(());
            }
        }
    }
    Err(hay.len())
}

/// The quick score of one word against the words of an ASCII haystack.
pub(crate) fn best_token_ascii(needle: &[u8], hay: &[u8], title_len: usize) -> u8 {
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
pub(crate) fn best_token(needle: &str, lower: &str, title_chars: usize) -> u8 {
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

pub(crate) fn in_one_word(needle: &str, hay: &str) -> bool {
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

/// The bit of a word's first three letters in a row's word-start mask
/// (0 when it has fewer, or one beyond ASCII: no filter then).
pub fn prefix_bit(word: &[u8]) -> u64 {
    if word.len() < 3 || !word[..3].is_ascii() {
        return 0;
    }
    let h = word[..3].iter().fold(0u32, |h, &b| {
        h.wrapping_mul(31).wrapping_add(u32::from(FOLD[b as usize]))
    });
    1 << (h % 64)
}

/// A bit for the first three letters of each word of `hay`: a word must
/// start with a query word only in rows that have its bit (a one-step
/// rejection for words matched by their start).
pub fn prefix_mask(hay: &str) -> u64 {
    hay.as_bytes()
        .split(|&b| FOLD[b as usize] == 0)
        .filter(|w| w.len() >= 3)
        .fold(0, |m, w| m | prefix_bit(w))
}

/// Whether a byte folds to a word character.
#[inline]
fn is_word_byte(b: u8) -> bool {
    FOLD[b as usize] != 0
}

/// Where `needle` (lowercase ASCII) starts a word of `hay` (ASCII, any
/// case): the byte offsets of those words.
fn word_starts_ascii<'a>(needle: &'a [u8], hay: &'a [u8]) -> impl Iterator<Item = usize> + 'a {
    starts(needle, hay).filter(move |&pos| {
        (pos == 0 || !is_word_byte(hay[pos - 1]))
            && hay.len() >= pos + needle.len()
            && (1..needle.len()).all(|i| FOLD[hay[pos + i] as usize] == needle[i])
    })
}

/// `needle` (lowercase ASCII) starts some word of `hay` (ASCII, any case).
#[inline]
pub(crate) fn starts_word_ascii(needle: &[u8], hay: &[u8]) -> bool {
    needle.is_empty() || word_starts_ascii(needle, hay).next().is_some()
}

/// The words of a lowercased text.
fn words_of(lower: &str) -> impl Iterator<Item = &str> {
    lower
        .split(|c: char| c.is_whitespace() || is_separator(c))
        .filter(|w| !w.is_empty())
}

/// `needle` (lowercase) starts some word of `lower` (lowercased).
pub(crate) fn starts_word(needle: &str, lower: &str) -> bool {
    words_of(lower).any(|w| w.starts_with(needle))
}

/// The cheap score of a word a listing word must start with: 6 in the
/// title, 4 elsewhere, 0 when absent (as [`best_token_ascii`] scores a
/// word start).
pub(crate) fn prefix_score_ascii(needle: &[u8], hay: &[u8], title_len: usize) -> u8 {
    let mut best = 0;
    for pos in word_starts_ascii(needle, hay) {
        if pos < title_len {
            return 6;
        }
        best = 4;
    }
    best
}

/// [`prefix_score_ascii`] for lowercased, non-ASCII text.
pub(crate) fn prefix_score(needle: &str, lower: &str, title_bytes: usize) -> u8 {
    let mut best = 0;
    let mut pos = 0;
    for tok in lower.split(|c: char| c.is_whitespace() || is_separator(c)) {
        if !tok.is_empty() && tok.starts_with(needle) {
            if pos < title_bytes {
                return 6;
            }
            best = 4;
        }
        pos += tok.len() + 1;
    }
    best
}

/// Whether `phrase` (lowercase words) appears in `hay` as whole words in
/// a row, whatever spaces or punctuation separate them.
pub(crate) fn has_phrase(phrase: &[String], hay: &str) -> bool {
    let Some(first) = phrase.first() else {
        return true;
    };
    if hay.is_ascii() && phrase.iter().all(|w| w.is_ascii()) {
        let h = hay.as_bytes();
        let words: Vec<&[u8]> = h
            .split(|&b| !is_word_byte(b))
            .filter(|w| !w.is_empty())
            .collect();
        let eq = |a: &[u8], b: &str| a.eq_ignore_ascii_case(b.as_bytes());
        return words
            .windows(phrase.len())
            .any(|win| eq(win[0], first) && win.iter().zip(phrase).all(|(a, b)| eq(a, b)));
    }
    let lower = hay.to_lowercase();
    let words: Vec<&str> = words_of(&lower).collect();
    words
        .windows(phrase.len())
        .any(|win| win.iter().zip(phrase).all(|(a, b)| a == b))
}

/// Whether `hay` has words starting with each of `phrase` (lowercase), in
/// a row ("office assist" in "Office Assistant").
pub(crate) fn has_phrase_start(phrase: &[String], hay: &str) -> bool {
    let lower = hay.to_lowercase();
    let words: Vec<&str> = words_of(&lower).collect();
    words.windows(phrase.len().max(1)).any(|win| {
        win.iter()
            .zip(phrase)
            .all(|(a, b)| a.starts_with(b.as_str()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_starts() {
        assert!(starts_word_ascii(b"pay", b"Clerk / Payroll"));
        assert!(!starts_word_ascii(b"roll", b"Clerk / Payroll"));
        assert!(starts_word_ascii(b"", b"x"));
        assert!(starts_word("डेटा", "डेटा एंट्री"));
        assert!(!starts_word("एंट्री", "डेटाएंट्री"));
        assert_eq!(
            prefix_score_ascii(b"acc", b"Accountant Pune Accounts", 10),
            6
        );
        assert_eq!(prefix_score_ascii(b"acc", b"Clerk Pune Accounts", 5), 4);
        assert_eq!(prefix_score_ascii(b"acc", b"Clerk", 5), 0);
        assert_eq!(prefix_score("डे", "डेटा x", 7), 6);
    }

    #[test]
    fn phrases_are_whole_words_in_a_row() {
        let p = |s: &str| s.split(' ').map(str::to_string).collect::<Vec<_>>();
        assert!(has_phrase(&p("remote"), "Fully Remote, apply now"));
        assert!(!has_phrase(&p("remote"), "Remotely managed"));
        assert!(has_phrase(&p("data entry"), "Data-Entry Operator"));
        assert!(!has_phrase(&p("data entry"), "Data quality, entry level"));
        assert!(has_phrase(&p("घर से"), "काम घर से करें"));
        assert!(has_phrase(&[], "anything"));
    }
}
