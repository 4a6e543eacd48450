//! The words the understanding knows: the phrases of `data/query.toml`
//! and, from the catalogue, its cities, states, role titles, skills and
//! departments. Built once per index; looking a phrase up is one hash.

use std::collections::HashSet;

use rustc_hash::FxHashMap as HashMap;
use serde::Deserialize;

use super::tokens::phrase_key;
use crate::catalog::{CompanyKind, EmploymentType, Shift, WorkMode};
use crate::search::{Facet, Vocab};

/// `data/query.toml`, embedded.
const QUERY_TOML: &str = include_str!("../../../data/query.toml");

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct QueryData {
    filler: Vec<String>,
    experienced: Vec<String>,
    field: Vec<String>,
    qualification: Vec<String>,
    not_back_office: Vec<String>,
    sort: SortWords,
    facet: Vec<FacetWords>,
    department: Vec<DepartmentWords>,
    place: Vec<PlaceWords>,
    synonyms: Vec<SynonymWords>,
    transliteration: std::collections::BTreeMap<String, String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct SortWords {
    date: Vec<String>,
    salary: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FacetWords {
    facet: String,
    value: String,
    words: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DepartmentWords {
    words: Vec<String>,
    categories: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PlaceWords {
    words: Vec<String>,
    /// The cities the words name (or `region`).
    #[serde(default)]
    cities: Vec<String>,
    /// A catalogue region's id.
    #[serde(default)]
    region: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SynonymWords {
    words: Vec<String>,
}

/// The embedded query words, parsed once (the same for every user).
fn data() -> &'static Result<QueryData, String> {
    static DATA: std::sync::OnceLock<Result<QueryData, String>> = std::sync::OnceLock::new();
    DATA.get_or_init(|| toml::from_str(QUERY_TOML).map_err(|e| format!("data/query.toml: {e}")))
}

/// Why the embedded query words could not be read (checked by a test; at
/// run time the understanding then knows only the catalogue's words).
pub fn data_error() -> Option<&'static str> {
    data().as_ref().err().map(String::as_str)
}

/// What a phrase means. A phrase can mean several things at once
/// ("accounts" is a department and a synonym of "accountant").
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Meaning {
    /// Says nothing about the job: dropped.
    Filler,
    /// "back office": the whole catalogue.
    Field,
    /// Voice, field or sales work.
    NotBackOffice,
    /// A qualification ("12th pass"): not a filter here.
    Qualification,
    /// An order ("latest", "highest paying").
    Sort(crate::search::Sort),
    /// Jobs that need experience.
    Experienced,
    /// One value of a closed facet (mode, employment, shift, company
    /// type, the fresher bucket): its key.
    Facet(Facet, &'static str),
    /// Departments (positions in the vocabulary's categories).
    Department(Vec<u16>),
    /// A place: a city or a region (position in [`Lexicon::places`]).
    Place(u16),
    /// A state (position in [`Lexicon::states`]).
    State(u16),
    /// A region of several cities (position in the vocabulary's regions).
    Region(u16),
    /// The whole title (or a variant) of a role.
    Role(u16),
    /// Part of a role title or a skill name: the words stay search text.
    Protect,
    /// A member of a synonym group.
    Synonym(u16),
    /// A skill's name or alias (position in [`Lexicon::skills`]).
    Skill(u16),
}

/// A city, or a region of several, as the filter shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Place {
    pub label: String,
    /// City names (the keys of the city facet).
    pub cities: Vec<String>,
}

/// Every phrase the understanding recognises.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    phrases: HashMap<String, Vec<Meaning>>,
    max_words: usize,
    pub(crate) places: Vec<Place>,
    pub(crate) states: Vec<String>,
    /// Synonym groups: each a list of phrases (lowercase words).
    pub(crate) synonyms: Vec<Vec<Vec<String>>>,
    /// Skill names (lowercase words), as listings spell them.
    pub(crate) skills: Vec<Vec<String>>,
    /// Department ids and names, by vocabulary position.
    pub(crate) departments: Vec<(String, String)>,
    /// Region ids and names, by vocabulary position.
    pub(crate) regions: Vec<(String, String)>,
    /// Words the catalogue or the lexicon uses: never read as a misspelt place.
    known: HashSet<String>,
    /// One-word place names (five letters or more), for misspellings.
    fuzzy_places: Vec<(String, Meaning)>,
    /// Known words of five letters or more by first letter, for
    /// misspellings of other words.
    spellings: HashMap<char, Vec<String>>,
    /// Devanagari spellings of English job words → the English word.
    transliteration: HashMap<String, String>,
}

/// The closed facets a data file may name, and their value keys.
fn facet_value(facet: &str, value: &str) -> Option<(Facet, &'static str)> {
    let f = Facet::parse(facet).ok()?;
    let key: &'static str = match f {
        Facet::WorkMode => WorkMode::from_id(value)?.id(),
        Facet::EmploymentType => EmploymentType::from_id(value)?.id(),
        Facet::Shift => Shift::from_id(value)?.id(),
        Facet::CompanyType => CompanyKind::from_id(value)?.id(),
        Facet::Experience if value == "0" => "0",
        _ => return None,
    };
    Some((f, key))
}

impl Lexicon {
    /// The lexicon for a catalogue's vocabularies.
    pub fn new(vocab: &Vocab) -> Lexicon {
        let mut lx = Lexicon {
            departments: vocab
                .categories
                .iter()
                .map(|c| (c.id.clone(), c.name.clone()))
                .collect(),
            ..Lexicon::default()
        };
        let empty = QueryData::default();
        let data = data().as_ref().unwrap_or(&empty);
        lx.add_places(vocab, data);
        lx.add_roles_and_skills(vocab);
        lx.add_query_words(vocab, data);
        lx.index_misspellings();
        lx
    }

    /// The catalogue's cities, states and regions, and the other
    /// spellings `data/query.toml` gives them.
    fn add_places(&mut self, vocab: &Vocab, data: &QueryData) {
        // the catalogue's cities, their aliases and their states
        for c in &vocab.cities {
            let place = self.place(&c.name, std::slice::from_ref(&c.name));
            self.add(&c.name, Meaning::Place(place));
            for a in &c.aliases {
                self.add(a, Meaning::Place(place));
            }
            if !self.states.contains(&c.state) {
                self.states.push(c.state.clone());
                let s = (self.states.len() - 1) as u16;
                self.add(&c.state, Meaning::State(s));
            }
        }
        // regions (Delhi NCR): their names and aliases
        for (i, r) in vocab.regions.iter().enumerate() {
            self.regions.push((r.id.clone(), r.name.clone()));
            for n in std::iter::once(&r.name).chain(&r.aliases) {
                self.replace_place_with(n, Meaning::Region(i as u16));
            }
        }
        // other spellings of cities and regions (Devanagari, misspellings)
        for p in &data.place {
            if let Some(id) = &p.region {
                if let Some(i) = vocab.regions.iter().position(|r| &r.id == id) {
                    for w in &p.words {
                        self.replace_place_with(w, Meaning::Region(i as u16));
                    }
                }
                continue;
            }
            let cities: Vec<String> = p
                .cities
                .iter()
                .filter_map(|n| vocab.cities.iter().find(|c| c.is_named(n)))
                .map(|c| c.name.clone())
                .collect();
            if cities.is_empty() {
                continue;
            }
            let place = self.place(&cities.join(", "), &cities);
            for w in &p.words {
                self.replace_place(w, place);
            }
        }
    }

    /// Role titles, skill names, departments and company names.
    fn add_roles_and_skills(&mut self, vocab: &Vocab) {
        // role titles: the whole title is the role, any two or more words
        // of it in a row stay text (so "office assistant" is not "office")
        for (i, r) in vocab.roles.iter().enumerate() {
            for t in std::iter::once(&r.title).chain(&r.title_variants) {
                self.add(t, Meaning::Role(i as u16));
                self.protect_runs(t);
            }
        }
        for s in &vocab.skills {
            let i = self.skills.len() as u16;
            self.skills
                .push(phrase_key(&s.name).split(' ').map(str::to_string).collect());
            for n in std::iter::once(&s.name).chain(&s.aliases) {
                // any run of a skill's words is the skill ("gst return
                // filing" of "GST Return Filing and Reconciliation")
                self.protect_runs(n);
                self.runs(n, Meaning::Skill(i));
                self.add(n, Meaning::Skill(i));
            }
        }
        for (i, c) in vocab.categories.iter().enumerate() {
            self.add(&c.name, Meaning::Department(vec![i as u16]));
        }
        for c in &vocab.companies {
            self.know(&c.name);
        }
    }

    /// The words of `data/query.toml`: transliterations, filler, sorts,
    /// facet values, departments and synonyms.
    fn add_query_words(&mut self, vocab: &Vocab, data: &QueryData) {
        for (hi, en) in &data.transliteration {
            self.transliteration.insert(phrase_key(hi), phrase_key(en));
        }
        for w in &data.filler {
            self.add(w, Meaning::Filler);
        }
        for w in &data.experienced {
            self.add(w, Meaning::Experienced);
        }
        for w in &data.field {
            self.add(w, Meaning::Field);
        }
        for w in &data.not_back_office {
            self.add(w, Meaning::NotBackOffice);
        }
        for w in &data.qualification {
            self.add(w, Meaning::Qualification);
        }
        for w in &data.sort.date {
            self.add(w, Meaning::Sort(crate::search::Sort::Date));
        }
        for w in &data.sort.salary {
            self.add(w, Meaning::Sort(crate::search::Sort::Salary));
        }
        for fw in &data.facet {
            if let Some((f, key)) = facet_value(&fw.facet, &fw.value) {
                for w in &fw.words {
                    self.add(w, Meaning::Facet(f, key));
                }
            }
        }
        for d in &data.department {
            let cats: Vec<u16> = d
                .categories
                .iter()
                .filter_map(|id| vocab.categories.iter().position(|c| &c.id == id))
                .map(|p| p as u16)
                .collect();
            if cats.is_empty() {
                continue;
            }
            for w in &d.words {
                self.add(w, Meaning::Department(cats.clone()));
            }
        }
        for s in &data.synonyms {
            let g = self.synonyms.len() as u16;
            let phrases: Vec<Vec<String>> = s
                .words
                .iter()
                .map(|w| phrase_key(w).split(' ').map(str::to_string).collect())
                .collect();
            for w in &s.words {
                self.add(w, Meaning::Synonym(g));
            }
            self.synonyms.push(phrases);
        }
    }

    /// What misspellings are checked against: one-word places, and known
    /// words by first letter.
    fn index_misspellings(&mut self) {
        // misspelt places: one-word names of five letters or more
        let mut fuzzy = Vec::new();
        for (key, meanings) in &self.phrases {
            for m in meanings {
                if matches!(
                    m,
                    Meaning::Place(_) | Meaning::State(_) | Meaning::Region(_)
                ) && !key.contains(' ')
                    && key.is_ascii()
                    && key.len() >= 5
                {
                    fuzzy.push((key.clone(), m.clone()));
                }
            }
        }
        fuzzy.sort_by(|a, b| a.0.cmp(&b.0));
        self.fuzzy_places = fuzzy;
        let mut spellings: HashMap<char, Vec<String>> = HashMap::default();
        for w in &self.known {
            if w.len() >= 5
                && w.bytes().all(|b| b.is_ascii_lowercase())
                && let Some(c) = w.chars().next()
            {
                spellings.entry(c).or_default().push(w.clone());
            }
        }
        for v in spellings.values_mut() {
            v.sort();
        }
        self.spellings = spellings;
    }

    fn place(&mut self, label: &str, cities: &[String]) -> u16 {
        if let Some(i) = self
            .places
            .iter()
            .position(|p| p.cities.as_slice() == cities)
        {
            return i as u16;
        }
        self.places.push(Place {
            label: label.to_string(),
            cities: cities.to_vec(),
        });
        (self.places.len() - 1) as u16
    }

    fn key_of(&mut self, phrase: &str) -> Option<String> {
        let key = phrase_key(phrase);
        if key.is_empty() {
            return None;
        }
        let n = key.split(' ').count();
        self.max_words = self.max_words.max(n);
        for w in key.split(' ') {
            self.known.insert(w.to_string());
        }
        Some(key)
    }

    fn add(&mut self, phrase: &str, m: Meaning) {
        let Some(key) = self.key_of(phrase) else {
            return;
        };
        let v = self.phrases.entry(key).or_default();
        if !v.contains(&m) {
            v.push(m);
        }
    }

    /// A data file's place replaces what the catalogue says a word means
    /// ("Delhi NCR" is a region, not an alias of Delhi).
    fn replace_place(&mut self, phrase: &str, place: u16) {
        self.replace_place_with(phrase, Meaning::Place(place));
    }

    fn replace_place_with(&mut self, phrase: &str, m: Meaning) {
        let Some(key) = self.key_of(phrase) else {
            return;
        };
        let v = self.phrases.entry(key).or_default();
        v.retain(|x| !matches!(x, Meaning::Place(_) | Meaning::Region(_)));
        v.push(m);
    }

    /// Marks every run of two or more words of `title` as text.
    fn protect_runs(&mut self, title: &str) {
        self.runs(title, Meaning::Protect);
    }

    /// Gives every run of two or more words of `phrase` a meaning.
    fn runs(&mut self, phrase: &str, m: Meaning) {
        let key = phrase_key(phrase);
        let words: Vec<&str> = key.split(' ').filter(|w| !w.is_empty()).collect();
        for a in 0..words.len() {
            for b in a + 2..=words.len() {
                let run = words[a..b].join(" ");
                self.add(&run, m.clone());
            }
        }
    }

    fn know(&mut self, phrase: &str) {
        for w in phrase_key(phrase).split(' ') {
            self.known.insert(w.to_string());
        }
    }

    /// The most words a phrase has.
    pub(crate) fn max_words(&self) -> usize {
        self.max_words
    }

    /// What a phrase (lowercase words joined by single spaces) means.
    pub(crate) fn lookup(&self, key: &str) -> Option<&[Meaning]> {
        self.phrases.get(key).map(Vec::as_slice)
    }

    /// The English word a Devanagari spelling stands for ("एग्जीक्यूटिव").
    pub(crate) fn english(&self, word: &str) -> Option<&str> {
        self.transliteration.get(word).map(String::as_str)
    }

    /// Whether the catalogue or the lexicon uses `word`.
    pub(crate) fn knows(&self, word: &str) -> bool {
        self.known.contains(word)
    }

    /// Whether a known word of five letters or more starts with `word`
    /// and is longer ("pay": "payroll").
    pub(crate) fn starts_longer_word(&self, word: &str) -> bool {
        let Some(first) = word.chars().next() else {
            return false;
        };
        self.spellings.get(&first).is_some_and(|bucket| {
            let from = bucket.partition_point(|k| k.as_str() <= word);
            bucket.get(from).is_some_and(|k| k.starts_with(word))
        })
    }

    /// The known word `word` (five letters or more, not known itself) is
    /// a small misspelling of ("accountent" → "accountant"): same first
    /// letter, one edit up to seven letters, two from eight.
    pub(crate) fn respelt(&self, word: &str) -> Option<&str> {
        if word.len() < 5 || !word.bytes().all(|b| b.is_ascii_lowercase()) || self.knows(word) {
            return None;
        }
        let allowed = if word.len() <= 7 { 1 } else { 2 };
        let first = word.chars().next()?;
        let bucket = self.spellings.get(&first)?;
        // letters left out ("payrol", "acountant") already match
        if bucket
            .iter()
            .any(|k| crate::search::text::is_subsequence(word.as_bytes(), k.as_bytes()))
        {
            return None;
        }
        let mut best: Option<(usize, &str)> = None;
        for k in bucket {
            if k.len().abs_diff(word.len()) > allowed {
                continue;
            }
            let d = strsim::osa_distance(word, k);
            if d <= allowed && best.is_none_or(|(bd, _)| d < bd) {
                best = Some((d, k));
            }
        }
        best.map(|(_, k)| k)
    }

    /// A place or state `word` is a small misspelling of ("hydrabad"),
    /// when `word` is not a word the catalogue uses itself.
    pub(crate) fn misspelt_place(&self, word: &str) -> Option<&Meaning> {
        if word.len() < 5 || !word.is_ascii() || self.known.contains(word) {
            return None;
        }
        let allowed = if word.len() <= 7 { 1 } else { 2 };
        let first = word.as_bytes()[0];
        let mut best: Option<(usize, &Meaning)> = None;
        for (name, m) in &self.fuzzy_places {
            if name.as_bytes()[0] != first || name.len().abs_diff(word.len()) > allowed {
                continue;
            }
            let d = strsim::osa_distance(word, name);
            if d <= allowed && best.is_none_or(|(bd, _)| d < bd) {
                best = Some((d, m));
            }
        }
        best.map(|(_, m)| m)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lexicon() -> Lexicon {
        let cat = crate::catalog::Catalog::embedded_without_listings().expect("catalogue");
        Lexicon::new(&Vocab::of(&cat))
    }

    #[test]
    fn the_embedded_words_parse_and_name_real_values() {
        assert_eq!(data_error(), None);
        let data = data().as_ref().expect("query.toml");
        for f in &data.facet {
            assert!(
                facet_value(&f.facet, &f.value).is_some(),
                "{}={} is not a facet value",
                f.facet,
                f.value
            );
        }
        let cat = crate::catalog::Catalog::embedded_without_listings().expect("catalogue");
        for d in &data.department {
            for c in &d.categories {
                assert!(cat.categories.iter().any(|x| &x.id == c), "no category {c}");
            }
        }
        for p in &data.place {
            assert!(
                p.cities
                    .iter()
                    .any(|n| cat.cities.iter().any(|c| c.is_named(n)))
                    || p.region
                        .as_ref()
                        .is_some_and(|r| cat.regions.iter().any(|x| &x.id == r)),
                "no city or region of {:?} is in the catalogue",
                p.words
            );
        }
    }

    #[test]
    fn looks_up_phrases_from_data_and_catalogue() {
        let lx = lexicon();
        assert!(
            lx.lookup("work from home")
                .is_some_and(|m| m.contains(&Meaning::Facet(Facet::WorkMode, "remote")))
        );
        assert!(
            lx.lookup("part time")
                .is_some_and(|m| m.contains(&Meaning::Facet(Facet::EmploymentType, "part-time")))
        );
        let bombay = lx.lookup("bombay").and_then(|m| m.first()).cloned();
        let Some(Meaning::Place(p)) = bombay else {
            panic!("bombay is {bombay:?}");
        };
        assert_eq!(lx.places[p as usize].cities, ["Mumbai"]);
        assert_eq!(
            lx.lookup("delhi ncr"),
            Some(&[Meaning::Region(0)][..]),
            "NCR is a region"
        );
        assert!(
            lx.lookup("office assistant")
                .is_some_and(|m| m.contains(&Meaning::Protect)
                    || m.iter().any(|x| matches!(x, Meaning::Role(_))))
        );
        assert!(lx.max_words() >= 3);
    }

    #[test]
    fn misspelt_places_are_close_and_not_catalogue_words() {
        let lx = lexicon();
        let name = |m: Option<&Meaning>| match m {
            Some(Meaning::Place(p)) => lx.places[*p as usize].label.clone(),
            Some(Meaning::State(s)) => lx.states[*s as usize].clone(),
            _ => String::new(),
        };
        assert_eq!(name(lx.misspelt_place("hydrabad")), "Hyderabad");
        assert_eq!(name(lx.misspelt_place("mumbia")), "Mumbai");
        assert_eq!(name(lx.misspelt_place("maharastra")), "Maharashtra");
        assert_eq!(lx.misspelt_place("payroll"), None, "a catalogue word");
        assert_eq!(lx.misspelt_place("pune"), None, "too short to guess");
        assert_eq!(lx.misspelt_place("zzzzzz"), None);
    }
}
