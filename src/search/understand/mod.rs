//! Query understanding: what a job seeker typed, read before it is matched.
//!
//! `hr jobs mumbai` is the HR department in Mumbai, not three words that
//! must all appear in a listing; `accounts job 20000` is accounts work
//! paying about ₹20,000 a month; `back office jobs` is the whole
//! catalogue. [`interpret`] turns the text into recognised filters
//! ([`Part`]), free text with the other words it may match ([`Term`]),
//! phrases to match as written ([`Literal`]) and words that only rank
//! ([`Boost`]); the engine applies them (`search::engine`), and both
//! front-ends show the [`Interpretation::reading`].
//!
//! Pure: no terminal, no SQL. The words it knows are in `data/query.toml`
//! and the catalogue (see [`Lexicon`]).

mod amounts;
mod inflect;
mod lexicon;
mod reading;
mod tokens;

use std::ops::Range;

pub use amounts::{ExpBounds, ExpFilter, PayFilter};
pub use lexicon::{Lexicon, data_error};
pub use reading::{Segment, filter_label, quoted_list};
pub use tokens::Literal;

use amounts::{Amount, parse_at};
use lexicon::Meaning;
use tokens::{Kind, Token, tokenize};

use crate::catalog::{CompanyKind, EmploymentType, Shift, WorkMode};
use crate::search::Facet;

/// A filter read from the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Filter {
    /// Values of a facet (any of them): a city, a region's cities, a
    /// department, a work mode...
    Facet {
        facet: Facet,
        keys: Vec<String>,
        label: String,
    },
    Pay(PayFilter),
    Experience(ExpFilter),
}

/// A recognised part of the text and where it was typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    pub span: Range<usize>,
    /// Typed with `!` or "not", "no", "without": listings without it.
    pub negated: bool,
    pub filter: Filter,
}

/// How close an alternative is to what was typed (for ranking).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Tier {
    /// Another form of the word ("accountant" for "accountants").
    Inflected,
    /// Another word for the same job ("DEO" for "computer operator").
    Synonym,
    /// The word it is a small misspelling of ("accountant" for "accountent").
    Corrected,
}

/// Something else a term may match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Alt {
    /// Words each starting a word of the listing.
    Words { words: Vec<String>, tier: Tier },
    /// The listing is of this role (position in the vocabulary).
    Role(u16),
    /// The listing is in this department (position in the vocabulary).
    Category(u16),
}

impl Alt {
    pub fn tier(&self) -> Tier {
        match self {
            Alt::Words { tier, .. } => *tier,
            Alt::Role(_) | Alt::Category(_) => Tier::Synonym,
        }
    }
}

/// Free text: words that must match (fuzzily, as typed) or one of the
/// alternatives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    pub span: Range<usize>,
    /// Lowercase, as typed.
    pub words: Vec<String>,
    /// Words the lexicon knows, so spelt right: each must start a word of
    /// the listing. Other words may leave letters out ("payrl").
    pub exact: bool,
    /// `!word`: listings with a word starting so are left out.
    pub negated: bool,
    pub alts: Vec<Alt>,
    /// The known word this one looks like a misspelling of.
    pub corrected: Option<String>,
    /// Never searched without, even when no listing has it (voice and
    /// field work: finding nothing is the answer).
    pub essential: bool,
}

/// Words that rank listings without filtering them: "back office" (the
/// whole field) or a department named alone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Boost {
    pub span: Range<usize>,
    /// Alternative phrases; listings whose title has one come first.
    pub phrases: Vec<Vec<String>>,
}

/// A remark on how the text was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Note {
    /// A word for voice, sales or field work.
    NotBackOffice(String),
    /// A qualification: listings do not say them.
    Qualification(String),
}

/// What a search text was read as.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Interpretation {
    /// What was typed.
    pub text: String,
    pub parts: Vec<Part>,
    pub terms: Vec<Term>,
    pub literals: Vec<Literal>,
    pub boosts: Vec<Boost>,
    /// The text asks for the whole field ("back office jobs").
    pub field: bool,
    pub notes: Vec<Note>,
    /// Where words that say nothing about the job were typed ("jobs", "in").
    pub dropped: Vec<Range<usize>>,
    /// An order asked for in words ("latest", "highest paying").
    pub sort: Option<(Range<usize>, crate::search::Sort)>,
}

/// Words that ask for the next part to be left out.
const NEGATIONS: &[&str] = &[
    "no",
    "not",
    "without",
    "except",
    "excluding",
    "non",
    "nahi",
    "bina",
];

/// A department word, placed once the rest of the text is known.
struct Department {
    span: Range<usize>,
    words: Vec<String>,
    cats: Vec<u16>,
    meanings: Vec<Meaning>,
    negated: bool,
}

/// A word or phrase of the text before it is placed.
enum Piece {
    Amount(Amount),
    Meanings(Vec<Meaning>),
    Word,
}

/// Reads `text` with the words of `lx`.
pub fn interpret(text: &str, lx: &Lexicon) -> Interpretation {
    let (mut tokens, literals) = tokenize(text);
    // Devanagari spellings of English job words are looked up as English
    for t in &mut tokens {
        if let Some(en) = lx.english(&t.text) {
            t.key = en.to_string();
        }
    }
    let mut out = Interpretation {
        text: text.to_string(),
        literals,
        ..Interpretation::default()
    };
    // departments are placed once the rest is known
    let mut departments: Vec<Department> = Vec::new();
    let mut negate_next = false;
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        if matches!(t.kind, Kind::Sym(_)) {
            i += 1;
            continue;
        }
        let (piece, end) = next_piece(&tokens, i, lx);
        let span = t.span.start..tokens[end - 1].span.end;
        let negated = t.negated || negate_next;
        negate_next = false;
        let words: Vec<String> = tokens[i..end]
            .iter()
            .filter(|t| !matches!(t.kind, Kind::Sym(_)))
            .map(|t| t.text.clone())
            .collect();
        let keys: Vec<String> = tokens[i..end]
            .iter()
            .filter(|t| !matches!(t.kind, Kind::Sym(_)))
            .map(|t| t.key.clone())
            .collect();
        i = end;
        match piece {
            Piece::Amount(a) => out.parts.push(Part {
                span,
                negated,
                filter: match a {
                    Amount::Pay(p) => Filter::Pay(p),
                    Amount::Exp(e) => Filter::Experience(e),
                },
            }),
            Piece::Word if words.len() == 1 && NEGATIONS.contains(&words[0].as_str()) => {
                negate_next = true;
                out.dropped.push(span);
            }
            Piece::Word => out.terms.push(word_term(lx, span, words, keys, negated)),
            Piece::Meanings(meanings) => {
                let found = Found {
                    span,
                    words,
                    keys,
                    negated,
                    meanings,
                };
                place(&mut out, lx, found, &mut departments);
            }
        }
    }
    place_departments(&mut out, lx, departments);
    keep_word_in_progress(&mut out, lx);
    out.terms.sort_by_key(|t| t.span.start);
    out.parts.sort_by_key(|p| p.span.start);
    out
}

/// The piece of text at `tokens[i]` (a pay or experience phrase, a
/// phrase of the lexicon, a misspelt place or a word) and the index past it.
fn next_piece(tokens: &[Token], i: usize, lx: &Lexicon) -> (Piece, usize) {
    let t = &tokens[i];
    if let Some((a, end)) = parse_at(tokens, i) {
        (Piece::Amount(a), end)
    } else if let Some((m, end)) = longest(tokens, i, lx) {
        (Piece::Meanings(m), end)
    } else if t.is_word()
        && let Some(m) = lx.misspelt_place(&t.text)
    {
        (Piece::Meanings(vec![m.clone()]), i + 1)
    } else {
        (Piece::Word, i + 1)
    }
}

/// A word the lexicon does not know, with its other forms (and, typed in
/// Devanagari, the English word).
fn word_term(
    lx: &Lexicon,
    span: Range<usize>,
    words: Vec<String>,
    keys: Vec<String>,
    negated: bool,
) -> Term {
    let (mut alts, corrected) = if negated {
        (Vec::new(), None)
    } else {
        word_alts(&keys[0], lx)
    };
    if keys != words && !negated {
        alts.insert(
            0,
            Alt::Words {
                words: keys,
                tier: Tier::Synonym,
            },
        );
    }
    Term {
        span,
        words,
        exact: false,
        negated,
        alts,
        corrected,
        essential: false,
    }
}

/// Places the department words once the rest of the text is known.
fn place_departments(out: &mut Interpretation, lx: &Lexicon, departments: Vec<Department>) {
    // a department named alone (beside places, pay and the like) is that
    // department; beside other words it narrows them to it, or to listings
    // that use the word ("accounts manager", "hr payroll")
    let alone = out.terms.iter().all(|t| t.negated);
    for Department {
        span,
        words,
        cats,
        meanings,
        negated,
    } in departments
    {
        let known: Vec<&(String, String)> = cats
            .iter()
            .filter_map(|&c| lx.departments.get(c as usize))
            .collect();
        if alone || negated {
            out.parts.push(Part {
                span: span.clone(),
                negated,
                filter: Filter::Facet {
                    facet: Facet::Category,
                    keys: known.iter().map(|d| d.0.clone()).collect(),
                    label: known
                        .iter()
                        .map(|d| d.1.as_str())
                        .collect::<Vec<_>>()
                        .join(" or "),
                },
            });
            if !negated {
                let mut phrases = vec![words.clone()];
                phrases.extend(synonym_phrases(&meanings, lx, &words));
                out.boosts.push(Boost { span, phrases });
            }
        } else {
            let mut alts: Vec<Alt> = cats.iter().map(|&c| Alt::Category(c)).collect();
            alts.extend(meaning_alts(&meanings, lx, &words));
            out.terms.push(Term {
                span,
                words,
                exact: true,
                negated: false,
                alts,
                corrected: None,
                essential: false,
            });
        }
    }
}

/// A text that is one filler word still being typed ("pay" on the way to
/// "payroll", no space after it) is that word's start, not "any listing":
/// results must not jump to everything and back while a word is typed.
fn keep_word_in_progress(out: &mut Interpretation, lx: &Lexicon) {
    let nothing_else = out.parts.is_empty()
        && out.terms.is_empty()
        && out.literals.is_empty()
        && out.boosts.is_empty()
        && !out.field
        && out.sort.is_none();
    let [span] = out.dropped.as_slice() else {
        return;
    };
    let Some(word) = out.text.get(span.clone()) else {
        return;
    };
    let word = word.to_lowercase();
    if !nothing_else
        || span.end != out.text.len()
        || word.contains(char::is_whitespace)
        || !lx.starts_longer_word(&word)
    {
        return;
    }
    let span = span.clone();
    out.dropped.clear();
    out.terms.push(Term {
        span,
        words: vec![word],
        exact: false,
        negated: false,
        alts: Vec::new(),
        corrected: None,
        essential: false,
    });
}

/// The longest phrase of the lexicon at `tokens[at]`: its meanings and the
/// index past it. Hyphens and slashes between words are skipped.
fn longest(tokens: &[Token], at: usize, lx: &Lexicon) -> Option<(Vec<Meaning>, usize)> {
    if !matches!(tokens[at].kind, Kind::Word | Kind::Number(_)) {
        return None;
    }
    let mut key = String::new();
    let mut best = None;
    let mut words = 0;
    let mut j = at;
    while j < tokens.len() && words < lx.max_words() {
        match tokens[j].kind {
            Kind::Sym('-' | '/') if words > 0 => {
                j += 1;
                continue;
            }
            Kind::Word | Kind::Number(_) | Kind::Unit => {}
            _ => break,
        }
        if words > 0 {
            key.push(' ');
        }
        key.push_str(&tokens[j].key);
        words += 1;
        j += 1;
        if let Some(m) = lx.lookup(&key) {
            best = Some((m.to_vec(), j));
        }
    }
    best
}

/// A phrase the lexicon knows, found in the text.
struct Found {
    span: Range<usize>,
    /// As typed, lowercased.
    words: Vec<String>,
    /// As looked up (English for a Devanagari spelling).
    keys: Vec<String>,
    negated: bool,
    meanings: Vec<Meaning>,
}

/// The alternatives of a text phrase: its meanings' and, when it was
/// typed in Devanagari, the English words.
fn text_alts(f: &Found, lx: &Lexicon) -> Vec<Alt> {
    if f.negated {
        return Vec::new();
    }
    let mut alts = meaning_alts(&f.meanings, lx, &f.keys);
    if f.keys != f.words {
        alts.insert(
            0,
            Alt::Words {
                words: f.keys.clone(),
                tier: Tier::Synonym,
            },
        );
    }
    alts
}

/// Places a recognised phrase.
fn place(out: &mut Interpretation, lx: &Lexicon, found: Found, departments: &mut Vec<Department>) {
    let alts = text_alts(&found, lx);
    let Found {
        span,
        words,
        negated,
        meanings,
        ..
    } = found;
    if is_text_first(&meanings) {
        out.terms
            .push(known_text(span, words, negated, alts, false));
        return;
    }
    for m in &meanings {
        match m {
            Meaning::Sort(sort) => {
                out.sort = Some((span, *sort));
                return;
            }
            Meaning::Qualification => {
                out.notes.push(Note::Qualification(words.join(" ")));
                out.dropped.push(span);
                return;
            }
            Meaning::Field => {
                out.field = true;
                out.boosts.push(Boost {
                    span: span.clone(),
                    phrases: vec![vec!["back".into(), "office".into()], words.clone()],
                });
                return;
            }
            Meaning::Department(cats) => {
                departments.push(Department {
                    span,
                    words,
                    cats: cats.clone(),
                    meanings: meanings.clone(),
                    negated,
                });
                return;
            }
            _ => {}
        }
        if let Some(filter) = meaning_filter(m, lx) {
            out.parts.push(Part {
                span,
                negated,
                filter,
            });
            return;
        }
    }
    if meanings.contains(&Meaning::NotBackOffice) {
        out.notes.push(Note::NotBackOffice(words.join(" ")));
    }
    if meanings.iter().any(|m| {
        matches!(
            m,
            Meaning::Synonym(_) | Meaning::Skill(_) | Meaning::NotBackOffice
        )
    }) {
        let essential = meanings.contains(&Meaning::NotBackOffice);
        out.terms
            .push(known_text(span, words, negated, alts, essential));
        return;
    }
    // filler
    out.dropped.push(span);
}

/// A phrase the lexicon knows, searched as text (so spelt right).
fn known_text(
    span: Range<usize>,
    words: Vec<String>,
    negated: bool,
    alts: Vec<Alt>,
    essential: bool,
) -> Term {
    Term {
        span,
        words,
        exact: true,
        negated,
        alts,
        corrected: None,
        essential,
    }
}

/// Whether a phrase is text first: a whole role title, or a run of a
/// title's words, unless the phrase also names something itself ("back
/// office" is the field, "non voice process" the department).
fn is_text_first(meanings: &[Meaning]) -> bool {
    let names_something = meanings.iter().any(|m| {
        !matches!(
            m,
            Meaning::Role(_)
                | Meaning::Protect
                | Meaning::Synonym(_)
                | Meaning::Skill(_)
                | Meaning::Filler
        )
    });
    meanings.iter().any(|m| matches!(m, Meaning::Role(_)))
        || (meanings.contains(&Meaning::Protect) && !names_something)
}

/// The filter a meaning names by itself (a facet value, a place, a
/// state, a region, experience), if any.
fn meaning_filter(m: &Meaning, lx: &Lexicon) -> Option<Filter> {
    match m {
        Meaning::Facet(f, key) => Some(Filter::Facet {
            facet: *f,
            keys: vec![(*key).to_string()],
            label: facet_label(*f, key),
        }),
        Meaning::Place(p) => lx.places.get(*p as usize).map(|p| Filter::Facet {
            facet: Facet::City,
            keys: p.cities.clone(),
            label: p.label.clone(),
        }),
        Meaning::State(s) => lx.states.get(*s as usize).map(|s| Filter::Facet {
            facet: Facet::State,
            keys: vec![s.clone()],
            label: s.clone(),
        }),
        Meaning::Region(r) => lx.regions.get(*r as usize).map(|(id, name)| Filter::Facet {
            facet: Facet::Region,
            keys: vec![id.clone()],
            label: name.clone(),
        }),
        Meaning::Experienced => Some(Filter::Experience(ExpFilter::Experienced)),
        _ => None,
    }
}

fn facet_label(f: Facet, key: &str) -> String {
    let label = match f {
        Facet::WorkMode => WorkMode::from_id(key).map(WorkMode::label),
        Facet::EmploymentType => EmploymentType::from_id(key).map(EmploymentType::label),
        Facet::Shift => Shift::from_id(key).map(Shift::label),
        Facet::CompanyType => CompanyKind::from_id(key).map(CompanyKind::label),
        Facet::Experience => Some("Fresher"),
        _ => None,
    };
    label.unwrap_or(key).to_string()
}

/// The alternatives a phrase's meanings give (roles, synonyms), without
/// the phrase itself.
fn meaning_alts(meanings: &[Meaning], lx: &Lexicon, typed: &[String]) -> Vec<Alt> {
    let mut alts = Vec::new();
    // the words' roots ("claims processing": "claim process…")
    let roots: Vec<String> = typed
        .iter()
        .map(|w| inflect::forms(w).pop().unwrap_or_else(|| w.clone()))
        .collect();
    if roots.as_slice() != typed {
        alts.push(Alt::Words {
            words: roots,
            tier: Tier::Inflected,
        });
    }
    for m in meanings {
        match m {
            Meaning::Role(r) => alts.push(Alt::Role(*r)),
            // a skill's other name: the name listings use
            Meaning::Skill(k) => {
                if let Some(name) = lx.skills.get(*k as usize)
                    && name.as_slice() != typed
                {
                    alts.push(Alt::Words {
                        words: name.clone(),
                        tier: Tier::Synonym,
                    });
                }
            }
            _ => {}
        }
    }
    for words in synonym_phrases(meanings, lx, typed) {
        alts.push(Alt::Words {
            words,
            tier: Tier::Synonym,
        });
    }
    alts
}

/// The other phrases of the synonym groups among `meanings`.
fn synonym_phrases(meanings: &[Meaning], lx: &Lexicon, typed: &[String]) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = Vec::new();
    for m in meanings {
        if let Meaning::Synonym(g) = m
            && let Some(group) = lx.synonyms.get(*g as usize)
        {
            for p in group {
                if p.as_slice() != typed && !out.contains(p) {
                    out.push(p.clone());
                }
            }
        }
    }
    out
}

/// Alternatives for a word the lexicon does not know: its other forms,
/// and what those forms mean ("accountants" → "accountant", the role);
/// else the known word it looks misspelt for ("accountent").
fn word_alts(word: &str, lx: &Lexicon) -> (Vec<Alt>, Option<String>) {
    let mut alts = Vec::new();
    for form in inflect::forms(word) {
        if let Some(meanings) = lx.lookup(&form) {
            alts.extend(meaning_alts(meanings, lx, std::slice::from_ref(&form)));
        }
        alts.push(Alt::Words {
            words: vec![form],
            tier: Tier::Inflected,
        });
    }
    let mut corrected = None;
    if alts.is_empty()
        && let Some(k) = lx.respelt(word)
    {
        if let Some(meanings) = lx.lookup(k) {
            alts.extend(meaning_alts(meanings, lx, &[k.to_string()]));
        }
        alts.push(Alt::Words {
            words: vec![k.to_string()],
            tier: Tier::Corrected,
        });
        corrected = Some(k.to_string());
    }
    alts.sort_by_key(Alt::tier);
    alts.dedup();
    (alts, corrected)
}

impl Interpretation {
    /// The free-text words in the order typed.
    pub fn free_words(&self) -> Vec<&str> {
        self.terms
            .iter()
            .filter(|t| !t.negated)
            .flat_map(|t| t.words.iter().map(String::as_str))
            .collect()
    }

    /// Whether anything was read other than plain words.
    pub fn understood_anything(&self) -> bool {
        !self.parts.is_empty()
            || !self.boosts.is_empty()
            || !self.literals.is_empty()
            || !self.dropped.is_empty()
            || !self.notes.is_empty()
            || self.sort.is_some()
            || self.terms.iter().any(|t| t.negated || !t.alts.is_empty())
    }

    /// The text with `span` taken out (what removing a recognised part
    /// from the sidebar leaves in the search box).
    pub fn without(&self, span: &Range<usize>) -> String {
        let (a, b) = (
            span.start.min(self.text.len()),
            span.end.min(self.text.len()),
        );
        let (Some(before), Some(after)) = (self.text.get(..a), self.text.get(b..)) else {
            return self.text.clone();
        };
        // a `!` written before the part goes with it
        let before = before.strip_suffix('!').unwrap_or(before);
        let joined = format!("{} {}", before.trim_end(), after.trim_start());
        joined.split_whitespace().collect::<Vec<_>>().join(" ")
    }
}

#[cfg(test)]
mod tests;
