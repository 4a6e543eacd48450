//! Matching a job title to a catalogue role, honestly: a listing that is
//! not a back-office job gets no role.
//!
//! 1. **Exact**: the title, or a part of it ("Data Entry Operator – Night
//!    Shift", "MIS Executive (Remote)"), is a role's title, one of its
//!    variants or its Hindi title, once abbreviations are spelt out
//!    ("Accounts Exe." → accounts executive, "DEO") and words that say
//!    nothing about the role are dropped ("Urgent Hiring", "Sr.", "WFH",
//!    city names). Not a guess.
//! 2. **Guess**, only on real evidence: the title's job noun (its *head*:
//!    executive, operator, engineer, manager...) is of the same kind as a
//!    role name's, every other word of that name is in the title, and the
//!    title adds at most a few words of its own. "Senior Controls Engineer"
//!    shares only "engineer" with Network Support Engineer: no role.
//! 3. **Not back office**: a title naming work outside the back office
//!    (software, developer, sales, nurse, driver, teacher, ...) outside the
//!    part that matched gets no guess at all.

use std::collections::{HashMap, HashSet};

use super::words::{NOISE, NOT_BACK_OFFICE, PHRASES, SPELLINGS, head_kind};
use crate::catalog::Role;

/// A role for a title, and whether it took a guess to find it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RoleMatch {
    /// Index into the catalogue's roles.
    pub role: usize,
    pub guessed: bool,
}

/// One title or variant of a role, as words.
#[derive(Debug)]
struct Name {
    role: usize,
    /// All its words joined ("junior hr executive"), for exact matches.
    full: String,
    /// Its words without noise joined ("hr executive").
    key: String,
    head: Option<String>,
    /// The words other than the head.
    mods: Vec<String>,
}

/// How a role's name fits a title (see `Roles::guess`).
struct NameFit {
    /// All the name's words are in the title.
    complete: bool,
    /// The title's noun is the name's.
    same_head: bool,
    /// The name's words found in the title.
    matched: usize,
    /// The title's words not in the name.
    extras: usize,
    /// Where the first of the name's words is in the title.
    first: usize,
}

/// The roles' names, ready for matching. Build once per import.
pub struct Roles {
    names: Vec<Name>,
    /// Hindi titles, spaces removed.
    hindi: Vec<(String, usize)>,
    skills: Vec<HashSet<String>>,
    /// How many roles use each word in their names.
    roles_of_word: HashMap<String, usize>,
    noise: HashSet<String>,
    veto: HashSet<&'static str>,
}

/// Lowercase words of `s`, phrases and spellings made one, a plural `s`
/// dropped.
fn raw_words(s: &str) -> Vec<String> {
    let mut t = format!(" {} ", s.to_lowercase());
    for (from, to) in PHRASES {
        if t.contains(from) {
            t = t.replace(from, to);
        }
    }
    let mut out = Vec::new();
    for w in t.split(|c: char| !c.is_alphanumeric()) {
        if w.is_empty() {
            continue;
        }
        let w = SPELLINGS
            .iter()
            .find(|(from, _)| *from == w)
            .map_or(w, |(_, to)| to);
        for part in w.split(' ') {
            let p = if part.len() > 3
                && part.ends_with('s')
                && !part.ends_with("ss")
                && !part.ends_with("ics")
                && part != "accounts"
                && part != "operations"
                && part != "sales"
                && part != "records"
                && part != "claims"
            {
                &part[..part.len() - 1]
            } else {
                part
            };
            out.push(p.to_string());
        }
    }
    out
}

/// The head (the last job noun) and the other words of a word list.
fn split_head(words: &[String]) -> (Option<String>, Vec<String>) {
    let at = words.iter().rposition(|w| head_kind(w).is_some());
    let head = at.map(|i| words[i].clone());
    let mut mods = Vec::new();
    for (i, w) in words.iter().enumerate() {
        if Some(i) != at && !mods.contains(w) {
            mods.push(w.clone());
        }
    }
    (head, mods)
}

fn compatible(a: &str, b: &str) -> bool {
    a == b || head_kind(a).is_some_and(|k| head_kind(b) == Some(k))
}

impl Roles {
    /// `places`: words of city and state names, which say nothing about a
    /// role ("Accounts Executive Pune").
    pub fn new(roles: &[Role], places: &[String]) -> Roles {
        let mut role_words: HashSet<String> = HashSet::new();
        for r in roles {
            for n in std::iter::once(&r.title).chain(&r.title_variants) {
                role_words.extend(raw_words(n));
            }
        }
        let mut noise: HashSet<String> = NOISE.iter().map(|w| w.to_string()).collect();
        for p in places {
            noise.extend(raw_words(p).into_iter().filter(|w| !role_words.contains(w)));
        }
        let mut names = Vec::new();
        let mut roles_of_word: HashMap<String, usize> = HashMap::new();
        let mut hindi = Vec::new();
        for (i, r) in roles.iter().enumerate() {
            let mut mine: HashSet<String> = HashSet::new();
            for n in std::iter::once(&r.title).chain(&r.title_variants) {
                let all = raw_words(n);
                let words: Vec<String> = all
                    .iter()
                    .filter(|w| !noise.contains(*w))
                    .cloned()
                    .collect();
                if words.is_empty() {
                    continue;
                }
                mine.extend(words.iter().cloned());
                let (head, mods) = split_head(&words);
                names.push(Name {
                    role: i,
                    full: all.join(" "),
                    key: words.join(" "),
                    head,
                    mods,
                });
            }
            for w in mine {
                *roles_of_word.entry(w).or_default() += 1;
            }
            if let Some(h) = &r.title_hi {
                hindi.push((h.split_whitespace().collect::<String>(), i));
            }
        }
        Roles {
            names,
            hindi,
            skills: roles
                .iter()
                .map(|r| r.skills.iter().map(|s| s.to_lowercase()).collect())
                .collect(),
            roles_of_word,
            noise,
            veto: NOT_BACK_OFFICE.iter().copied().collect(),
        }
    }

    fn words(&self, s: &str) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for w in raw_words(s) {
            if !self.noise.contains(&w)
                && !w.chars().all(|c| c.is_ascii_digit())
                && !out.contains(&w)
            {
                out.push(w);
            }
        }
        out
    }

    /// Whether text names work outside the back office.
    fn vetoed(&self, s: &str) -> bool {
        let l = format!(" {} ", s.to_lowercase());
        raw_words(s).iter().any(|w| self.veto.contains(w.as_str()))
            || self
                .veto
                .iter()
                .filter(|v| v.contains(' '))
                .any(|v| l.contains(&format!(" {v} ")))
    }

    /// The role a title names, exactly or by a guess with evidence.
    pub fn find(&self, title: &str, skills: &[String]) -> Option<RoleMatch> {
        if let Some(m) = self.exact(title) {
            return Some(m);
        }
        if self.vetoed(title) {
            return None;
        }
        if let Some(m) = self.guess(title, skills) {
            return Some(m);
        }
        // a part that names a role ("Hiring Female Fresher For Recruiter
        // at -Delhi ,Hudson Lane (GTB Nagar)")
        title
            .split([',', '(', ')', '|', '–', '—', ':', '[', ']'])
            .flat_map(|p| p.split(" - "))
            .map(str::trim)
            .filter(|p| !p.is_empty() && *p != title.trim())
            .find_map(|p| self.guess(p, skills))
    }

    fn exact(&self, title: &str) -> Option<RoleMatch> {
        let squashed: String = title.split_whitespace().collect();
        if let Some((_, i)) = self.hindi.iter().find(|(h, _)| *h == squashed) {
            return Some(RoleMatch {
                role: *i,
                guessed: false,
            });
        }
        let by_key = |t: &str| -> Option<usize> {
            // all the words first ("Junior HR Executive" is an HR
            // assistant), then without noise, preferring names with none
            // ("Sr. HR Executive" is an HR executive)
            let full = raw_words(t).join(" ");
            let key = self.words(t).join(" ");
            if key.is_empty() {
                return None;
            }
            self.names
                .iter()
                .find(|n| n.full == full)
                .or_else(|| self.names.iter().find(|n| n.key == key && n.full == n.key))
                .or_else(|| self.names.iter().find(|n| n.key == key))
                .map(|n| n.role)
        };
        if let Some(role) = by_key(title) {
            return Some(RoleMatch {
                role,
                guessed: false,
            });
        }
        // a part of the title, when the rest names no other kind of work
        let parts = title
            .split([',', '(', ')', '|', '/', '–', '—', ':', '[', ']'])
            .flat_map(|p| p.split(" - "))
            .map(str::trim)
            .filter(|p| !p.is_empty());
        for part in parts {
            if let Some(role) = by_key(part) {
                let rest = title.replacen(part, " ", 1);
                if !self.vetoed(&rest) {
                    return Some(RoleMatch {
                        role,
                        guessed: false,
                    });
                }
            }
        }
        None
    }

    fn guess(&self, title: &str, skills: &[String]) -> Option<RoleMatch> {
        let words = self.words(title);
        if words.is_empty() {
            return None;
        }
        let (head, mods) = split_head(&words);
        let posting_skills: HashSet<String> = skills.iter().map(|s| s.to_lowercase()).collect();
        // (all the name's words there, the same noun, matched words, a name
        // without noise, -extras, -first position, shared skills), role
        type Score = (bool, bool, usize, bool, i32, i32, usize);
        let mut best: Option<(Score, usize)> = None;
        for n in &self.names {
            let Some(fit) = self.name_fit(n, head.as_deref(), &mods) else {
                continue;
            };
            let shared = self.skills[n.role].intersection(&posting_skills).count();
            let score = (
                fit.complete,
                fit.same_head,
                fit.matched,
                n.full == n.key,
                -(fit.extras as i32),
                -(fit.first as i32),
                shared,
            );
            if best.as_ref().is_none_or(|(b, _)| score > *b) {
                best = Some((score, n.role));
            }
        }
        best.map(|(_, role)| RoleMatch {
            role,
            guessed: true,
        })
    }

    /// How a role's name fits a title's noun (`head`) and other words
    /// (`mods`); `None` when the name is ruled out (its noun does not fit,
    /// words are missing, the title has too much of its own).
    fn name_fit(&self, n: &Name, head: Option<&str>, mods: &[String]) -> Option<NameFit> {
        let same_head = head.is_some() && head == n.head.as_deref();
        let ok_head = match (&head, &n.head) {
            (Some(h), Some(nh)) => compatible(h, nh),
            // "Data Entry", "Accounts Payable": a name's words without its noun
            (None, Some(_)) => true,
            (Some(_), None) | (None, None) => false,
        };
        if !ok_head {
            return None;
        }
        let matched = n.mods.iter().filter(|m| mods.contains(m)).count();
        let complete = matched == n.mods.len();
        // a telling noun alone is evidence ("IT Recruiter" is the HR
        // recruiter's role); other nouns need all the name's words
        let telling = same_head
            && n.head
                .as_deref()
                .and_then(head_kind)
                .is_some_and(|k| k >= 5);
        if !(complete || (telling && matched == 0 && mods.len() <= 1)) {
            return None;
        }
        if head.is_none() {
            // the whole title must be the name's words, and tell
            let distinctive = mods
                .iter()
                .any(|w| self.roles_of_word.get(w).copied() == Some(1));
            if matched != mods.len() || !(matched >= 2 || distinctive) {
                return None;
            }
        }
        let extras: Vec<&String> = mods.iter().filter(|w| !n.mods.contains(w)).collect();
        let unknown = extras
            .iter()
            .filter(|w| !self.roles_of_word.contains_key(w.as_str()))
            .count();
        if unknown > 2 || extras.len() > 3 {
            return None;
        }
        // one shared word and another noun: the same noun, and nothing
        // of the title's own ("Data Annotation Associate" and "Chief
        // Data Officer" are no Data Analyst)
        if n.mods.len() == 1 && !same_head && !extras.is_empty() {
            return None;
        }
        // another kind of job noun in the title ("Data Engineer Intern")
        let nh = n.head.as_deref().unwrap_or("");
        if extras
            .iter()
            .any(|w| head_kind(w).is_some() && !compatible(w, nh))
        {
            return None;
        }
        // a name of only its noun ("Accountant") must be a telling noun
        if n.mods.is_empty() && n.head.as_deref().and_then(head_kind).is_none_or(|k| k <= 4) {
            return None;
        }
        let first = n
            .mods
            .iter()
            .filter_map(|m| mods.iter().position(|w| w == m))
            .min()
            .unwrap_or(0);
        Some(NameFit {
            complete,
            same_head,
            matched,
            extras: extras.len(),
            first,
        })
    }
}
