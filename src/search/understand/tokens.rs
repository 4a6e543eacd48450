//! A typed search split into tokens, each with its place in the text (so
//! a recognised part can be shown, and removed from the box, exactly).

use std::ops::Range;

/// What a token is.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Kind {
    /// Letters, with any digits inside the word ("12th", "l1", "डेटा").
    Word,
    /// Digits, with `,` and `.` between them ("20,000", "3.5").
    Number(f64),
    /// A unit glued to the number before it ("20k", "3lpa", "2yrs").
    Unit,
    /// `+`, `-`, `₹`, `<`, `>`, `/`.
    Sym(char),
}

/// One token: its kind, its text lowercased, where it is, and whether a
/// `!` before it asks for listings without it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Token {
    pub kind: Kind,
    pub text: String,
    /// What the lexicon looks the word up as: the text, or the English
    /// word a Devanagari spelling stands for (set by the caller).
    pub key: String,
    pub span: Range<usize>,
    pub negated: bool,
}

impl Token {
    pub fn is_word(&self) -> bool {
        matches!(self.kind, Kind::Word)
    }
}

/// A `"quoted phrase"`: matched as written, never interpreted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Literal {
    /// The phrase, lowercased, words separated by single spaces.
    pub text: String,
    /// Where it is in the typed text, quotes included.
    pub span: Range<usize>,
    pub negated: bool,
}

/// Units that may be glued to a number.
const GLUED_UNITS: &[&str] = &[
    "k", "l", "lpa", "lac", "lacs", "lakh", "lakhs", "yr", "yrs", "year", "years", "y", "pm", "pa",
];

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”')
}

fn symbol(c: char) -> Option<char> {
    match c {
        '+' | '₹' | '<' | '>' | '/' => Some(c),
        '-' | '–' | '—' => Some('-'),
        _ => None,
    }
}

/// Letters, digits and marks (Devanagari vowel signs are marks, not
/// letters): anything but spaces, punctuation and a few symbols.
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    !(c.is_whitespace()
        || is_quote(c)
        || symbol(c).is_some()
        || matches!(c, '‘' | '’' | '…' | '।' | '॥' | '•' | '·' | '\u{a0}')
        || c.is_control())
}

fn lower(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_control())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Splits `text` into tokens and quoted phrases.
pub(crate) fn tokenize(text: &str) -> (Vec<Token>, Vec<Literal>) {
    let mut scan = Scan {
        text,
        chars: text.char_indices().collect(),
        tokens: Vec::new(),
        literals: Vec::new(),
    };
    let mut negate = false;
    let mut i = 0;
    while i < scan.chars.len() {
        let (b, c) = scan.chars[i];
        if c.is_whitespace() {
            negate = false;
            i += 1;
            continue;
        }
        if c == '!' {
            // a `!` before a word or phrase negates it
            negate = scan
                .chars
                .get(i + 1)
                .is_some_and(|&(_, n)| is_word_char(n) || is_quote(n));
            i += 1;
            continue;
        }
        if is_quote(c) {
            i = scan.quoted(i, negate);
        } else if c.is_ascii_digit() {
            i = scan.number(i, negate);
        } else if is_word_char(c) {
            i = scan.word(i, negate);
        } else {
            if let Some(s) = symbol(c) {
                scan.tokens.push(Token {
                    kind: Kind::Sym(s),
                    text: s.to_string(),
                    key: s.to_string(),
                    span: b..scan.end_of(i + 1),
                    negated: false,
                });
            }
            // other punctuation only separates
            i += 1;
        }
        negate = false;
    }
    let Scan {
        mut tokens,
        literals,
        ..
    } = scan;
    for t in &mut tokens {
        if t.key.is_empty() {
            t.key = t.text.clone();
        }
    }
    (tokens, literals)
}

/// A text being split: its characters and what was found so far.
struct Scan<'a> {
    text: &'a str,
    chars: Vec<(usize, char)>,
    tokens: Vec<Token>,
    literals: Vec<Literal>,
}

impl Scan<'_> {
    /// The byte offset of character `i` (the text's length past the end).
    fn end_of(&self, i: usize) -> usize {
        self.chars.get(i).map_or(self.text.len(), |&(b, _)| b)
    }

    /// The index past the word characters from `i`.
    fn word_end(&self, mut i: usize) -> usize {
        while i < self.chars.len() && is_word_char(self.chars[i].1) {
            i += 1;
        }
        i
    }

    /// The quoted phrase opened at `i`: a literal (unless empty); returns
    /// the index past its closing quote.
    fn quoted(&mut self, i: usize, negate: bool) -> usize {
        let b = self.chars[i].0;
        let close = (i + 1..self.chars.len()).find(|&j| is_quote(self.chars[j].1));
        let inner =
            &self.text[self.end_of(i + 1)..close.map_or(self.text.len(), |j| self.end_of(j))];
        let words: Vec<String> = inner
            .split(|c: char| !is_word_char(c))
            .filter(|w| !w.is_empty())
            .map(lower)
            .collect();
        let stop = close.map_or(self.chars.len(), |j| j + 1);
        if !words.is_empty() {
            self.literals.push(Literal {
                text: words.join(" "),
                span: b..self.end_of(stop),
                negated: negate,
            });
        }
        stop
    }

    /// The number starting at `i`: digits, with , or . between digits,
    /// and a unit glued on; or, with other letters glued on, a word
    /// ("12th"). Returns the index past it.
    fn number(&mut self, i: usize, negate: bool) -> usize {
        let (text, chars) = (self.text, &self.chars);
        let b = chars[i].0;
        let mut j = i;
        while j < chars.len()
            && (chars[j].1.is_ascii_digit()
                || (matches!(chars[j].1, ',' | '.')
                    && chars.get(j + 1).is_some_and(|&(_, n)| n.is_ascii_digit())
                    && j > i))
        {
            j += 1;
        }
        // letters glued on: a unit, or else part of a word ("12th")
        let k = self.word_end(j);
        let glued = lower(&text[self.end_of(j)..self.end_of(k)]);
        let digits: String = text[b..self.end_of(j)]
            .chars()
            .filter(|&c| c != ',')
            .collect();
        match digits.parse::<f64>() {
            Ok(v) if glued.is_empty() || GLUED_UNITS.contains(&glued.as_str()) => {
                self.tokens.push(Token {
                    kind: Kind::Number(v),
                    text: text[b..self.end_of(j)].to_string(),
                    key: String::new(),
                    span: b..self.end_of(j),
                    negated: negate,
                });
                if !glued.is_empty() {
                    self.tokens.push(Token {
                        kind: Kind::Unit,
                        key: glued.clone(),
                        text: glued,
                        span: self.end_of(j)..self.end_of(k),
                        negated: false,
                    });
                }
                k
            }
            _ => {
                let k = self.word_end(i);
                self.push_word(i, k, negate);
                k
            }
        }
    }

    /// The word starting at `i` ("c++": a plus glued to a word belongs to
    /// it); returns the index past it.
    fn word(&mut self, i: usize, negate: bool) -> usize {
        let mut j = self.word_end(i);
        while j < self.chars.len() && self.chars[j].1 == '+' {
            j += 1;
        }
        self.push_word(i, j, negate);
        j
    }

    fn push_word(&mut self, i: usize, j: usize, negate: bool) {
        let span = self.chars[i].0..self.end_of(j);
        self.tokens.push(Token {
            kind: Kind::Word,
            text: lower(&self.text[span.clone()]),
            key: String::new(),
            span,
            negated: negate,
        });
    }
}

/// The words of a phrase as the lexicon stores them: lowercase, split
/// where the tokenizer splits (so "part-time" is "part time").
pub(crate) fn phrase_key(phrase: &str) -> String {
    let (tokens, _) = tokenize(phrase);
    tokens
        .iter()
        .filter(|t| !matches!(t.kind, Kind::Sym(_)))
        .map(|t| t.text.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(String, Kind)> {
        tokenize(text)
            .0
            .into_iter()
            .map(|t| (t.text, t.kind))
            .collect()
    }

    #[test]
    fn words_numbers_units_and_symbols() {
        assert_eq!(
            kinds("₹20,000 15k-20k 3+ yrs"),
            vec![
                ("₹".into(), Kind::Sym('₹')),
                ("20,000".into(), Kind::Number(20_000.0)),
                ("15".into(), Kind::Number(15.0)),
                ("k".into(), Kind::Unit),
                ("-".into(), Kind::Sym('-')),
                ("20".into(), Kind::Number(20.0)),
                ("k".into(), Kind::Unit),
                ("3".into(), Kind::Number(3.0)),
                ("+".into(), Kind::Sym('+')),
                ("yrs".into(), Kind::Word),
            ]
        );
        assert_eq!(
            kinds("12th pass, C++ 3.5lpa"),
            vec![
                ("12th".into(), Kind::Word),
                ("pass".into(), Kind::Word),
                ("c++".into(), Kind::Word),
                ("3.5".into(), Kind::Number(3.5)),
                ("lpa".into(), Kind::Unit),
            ]
        );
    }

    #[test]
    fn spans_point_into_the_typed_text() {
        let text = "Data-Entry  मुंबई";
        let (tokens, _) = tokenize(text);
        let shown: Vec<&str> = tokens.iter().map(|t| &text[t.span.clone()]).collect();
        assert_eq!(shown, ["Data", "-", "Entry", "मुंबई"]);
        assert_eq!(tokens[3].text, "मुंबई");
    }

    #[test]
    fn quotes_and_negation() {
        let text = r#"payroll !bpo "Remote work" !"night" "unclosed"#;
        let (tokens, literals) = tokenize(text);
        let words: Vec<(&str, bool)> = tokens
            .iter()
            .map(|t| (t.text.as_str(), t.negated))
            .collect();
        assert_eq!(words, [("payroll", false), ("bpo", true)]);
        let lits: Vec<(&str, &str, bool)> = literals
            .iter()
            .map(|l| (l.text.as_str(), &text[l.span.clone()], l.negated))
            .collect();
        assert_eq!(
            lits,
            [
                ("remote work", "\"Remote work\"", false),
                ("night", "\"night\"", true),
                ("unclosed", "\"unclosed", false),
            ]
        );
        // a lone `!` or `""` is nothing
        assert_eq!(tokenize("! \"\"").0.len(), 0);
        assert_eq!(tokenize("! \"\"").1.len(), 0);
    }

    #[test]
    fn phrase_keys_join_what_the_tokenizer_splits() {
        assert_eq!(phrase_key("Part-Time"), "part time");
        assert_eq!(phrase_key("Delhi/NCR"), "delhi ncr");
        assert_eq!(phrase_key("  work   from home "), "work from home");
    }
}
