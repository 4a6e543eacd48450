//! Building an index: catalogue vocabularies and listings in, columns out.

use rustc_hash::FxHashMap as HashMap;

use jiff::civil::Date;

use super::{CityInfo, Index, MAX_LANGUAGES, MAX_SKILLS, NONE16, NONE32, Vocab, day_number};
use crate::catalog::ListingFacts;
use crate::search::facet::{ExperienceBucket, PostedBucket, SalaryBucket};
use crate::search::text;
use crate::search::understand::Lexicon;

/// Whether `hay` contains `needle`, ignoring ASCII case, without allocating.
fn contains_ignore_ascii_case(hay: &str, needle: &str) -> bool {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    n.is_empty() || h.windows(n.len()).any(|w| w.eq_ignore_ascii_case(n))
}

/// Collects listings into an [`Index`].
pub struct IndexBuilder {
    ix: Index,
    role_by_id: HashMap<String, u16>,
    skill_exact: HashMap<String, u8>,
    skill_lookup: HashMap<String, u8>,
    catalog_city_by_id: HashMap<u32, usize>,
    catalog_city_by_name: HashMap<String, usize>,
    state_ids: HashMap<String, u16>,
    company_lookup: HashMap<String, usize>,
    company_by_id: HashMap<u32, usize>,
    date_cache: HashMap<Date, i32>,
}

impl IndexBuilder {
    pub fn new(vocab: Vocab, today: Date) -> IndexBuilder {
        let role_by_id = vocab
            .roles
            .iter()
            .enumerate()
            .map(|(i, r)| (r.id.clone(), i as u16))
            .collect();
        let (skill_exact, skill_lookup) = skill_maps(&vocab);
        let (catalog_city_by_id, catalog_city_by_name) = city_maps(&vocab);
        let (states, state_ids) = states_of(&vocab);
        let company_by_id = vocab
            .companies
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id, i))
            .collect();
        let company_lookup = vocab
            .companies
            .iter()
            .enumerate()
            .map(|(i, c)| (c.name.clone(), i))
            .collect();
        let role_category = role_categories(&vocab);
        let lexicon = Lexicon::new(&vocab);
        let ix = Index {
            lexicon,
            today: day_number(today),
            today_date: Some(today),
            foreign_pay: HashMap::default(),
            words: Default::default(),
            role_category,
            states,
            vocab,
            ..Index::default()
        };
        IndexBuilder {
            ix,
            role_by_id,
            skill_exact,
            skill_lookup,
            catalog_city_by_id,
            catalog_city_by_name,
            state_ids,
            company_lookup,
            company_by_id,
            date_cache: HashMap::default(),
        }
    }

    fn city(&mut self, name: &str, city_id: Option<u32>) -> u32 {
        let before = self.ix.cities.names.len();
        let id = self.ix.cities.intern(name);
        if self.ix.cities.names.len() > before {
            let cat = city_id
                .and_then(|cid| self.catalog_city_by_id.get(&cid).copied())
                .or_else(|| self.catalog_city_by_name.get(&name.to_lowercase()).copied());
            let info = cat.map(|i| {
                let c = &self.ix.vocab.cities[i];
                CityInfo {
                    state: self.state_ids.get(&c.state).copied().unwrap_or(NONE16),
                    region: self
                        .ix
                        .vocab
                        .regions
                        .iter()
                        .position(|r| r.cities.iter().any(|n| c.is_named(n)))
                        .map_or(NONE16, |p| p as u16),
                    tier: c.tier,
                    lat: c.lat,
                    lon: c.lon,
                }
            });
            self.ix.city_info.push(info);
        }
        id
    }

    fn company(&mut self, f: &ListingFacts<'_>) -> u32 {
        let before = self.ix.companies.names.len();
        let id = self.ix.companies.intern(f.company);
        if self.ix.companies.names.len() > before {
            let cat = f
                .company_id
                .and_then(|id| self.company_by_id.get(&id))
                .or_else(|| self.company_lookup.get(f.company))
                .map(|&i| &self.ix.vocab.companies[i]);
            self.ix.company_info.push((
                f.company_type.or(cat.map(|c| c.kind)),
                f.industry.or(cat.map(|c| c.industry)),
            ));
        }
        id
    }

    /// Makes room for `rows` listings with about `text` bytes of
    /// searchable text, so the columns do not grow (and waste) as they fill.
    pub fn reserve(&mut self, rows: usize, text: usize) {
        let ix = &mut self.ix;
        ix.hay.reserve(text);
        ix.hay_end.reserve(rows);
        ix.desc_end.reserve(rows);
        ix.ascii.reserve(rows);
        ix.letters.reserve(rows);
        ix.starts.reserve(rows);
        ix.title_len.reserve(rows);
        ix.head_len.reserve(rows);
        ix.ids.reserve(rows);
        ix.role.reserve(rows);
        ix.city.reserve(rows);
        ix.company.reserve(rows);
        ix.mode.reserve(rows);
        ix.emp.reserve(rows);
        ix.shift.reserve(rows);
        ix.exp_min.reserve(rows);
        ix.exp_max.reserve(rows);
        ix.sal_min.reserve(rows);
        ix.sal_max.reserve(rows);
        ix.posted.reserve(rows);
        ix.skills.reserve(rows);
        ix.langs.reserve(rows);
        ix.source.reserve(rows);
        ix.exp_mask.reserve(rows);
        ix.sal_mask.reserve(rows);
        ix.posted_mask.reserve(rows);
    }

    /// Adds one listing.
    pub fn push(&mut self, f: &ListingFacts<'_>) {
        let role = f
            .role_id
            .and_then(|r| self.role_by_id.get(r).copied())
            .unwrap_or(NONE16);
        let city = self.city(f.city, f.city_id);
        let company = self.company(f);
        let skills = self.skill_bits(f.skills);
        let langs = self.language_bits(f.languages);
        let source = self.ix.sources.intern(f.source) as u16;
        let posted = *self
            .date_cache
            .entry(f.posted)
            .or_insert_with(|| day_number(f.posted));

        let ix = &mut self.ix;
        push_text(ix, f, role);
        ix.ids.push(f.id);
        ix.role.push(role);
        ix.city.push(city);
        ix.company.push(company);
        ix.mode.push(f.work_mode.index() as u8);
        ix.emp.push(f.employment_type.index() as u8);
        ix.shift.push(f.shift.index() as u8);
        ix.exp_min.push(f.experience_min);
        ix.exp_max.push(f.experience_max);
        ix.sal_min.push(f.salary_min.unwrap_or(NONE32));
        ix.sal_max.push(f.salary_max.unwrap_or(NONE32));
        ix.posted.push(posted);
        ix.exp_mask
            .push(ExperienceBucket::mask(f.experience_min, f.experience_max) as u8);
        ix.sal_mask
            .push(SalaryBucket::mask(f.salary_min, f.salary_max) as u8);
        ix.posted_mask
            .push(PostedBucket::mask(ix.today - posted) as u8);
        ix.skills.push(skills);
        ix.langs.push(langs);
        ix.source.push(source);
    }

    /// A listing's skills as bits: catalogue skills are spelt exactly,
    /// imported ones may not be.
    #[inline]
    fn skill_bits(&self, skills: &str) -> u128 {
        let mut bits = 0u128;
        for s in skills.split(';').map(str::trim).filter(|s| !s.is_empty()) {
            // catalogue skills are spelt exactly; imported ones may not be
            let bit = match self.skill_exact.get(s) {
                Some(&b) => Some(b),
                None => self.skill_lookup.get(&s.to_lowercase()).copied(),
            };
            if let Some(b) = bit {
                bits |= 1 << b;
            }
        }
        bits
    }

    /// A listing's languages as bits (interned as they come; past
    /// `MAX_LANGUAGES` still searchable, not filtered on).
    #[inline]
    fn language_bits(&mut self, languages: &str) -> u32 {
        let mut langs = 0u32;
        for l in languages
            .split(';')
            .map(str::trim)
            .filter(|l| !l.is_empty())
        {
            let before = self.ix.languages.names.len();
            let b = self.ix.languages.intern(l);
            if (b as usize) < MAX_LANGUAGES {
                langs |= 1 << b;
            } else if self.ix.languages.names.len() > before {
                // too many languages to filter on; still searchable
            }
        }
        langs
    }

    pub fn finish(mut self) -> Index {
        let ix = &mut self.ix;
        ix.hay.shrink_to_fit();
        ix.desc.shrink_to_fit();
        ix.all = (0..ix.ids.len() as u32).collect();
        // the salary sort's scan order: highest pay first, then newest
        let mut by_salary = ix.all.clone();
        ix.newest_first(&mut by_salary);
        by_salary.sort_by_key(|&r| {
            let v = ix.sal_max[r as usize];
            std::cmp::Reverse(if v == NONE32 { 0 } else { v })
        });
        ix.by_salary = by_salary;
        if !ix.ids.is_sorted() {
            // rows come in id order from the store; keep a lookup if not
            let mut by_id: Vec<u32> = ix.all.clone();
            by_id.sort_by_key(|&r| ix.ids[r as usize]);
            ix.by_id = Some(by_id);
        }
        self.ix
    }
}

/// Skills by their exact name, and by any name or alias lowercased.
fn skill_maps(vocab: &Vocab) -> (HashMap<String, u8>, HashMap<String, u8>) {
    let skill_exact = vocab
        .skills
        .iter()
        .take(MAX_SKILLS)
        .enumerate()
        .map(|(i, s)| (s.name.clone(), i as u8))
        .collect();
    let mut skill_lookup = HashMap::default();
    for (i, s) in vocab.skills.iter().take(MAX_SKILLS).enumerate() {
        skill_lookup.insert(s.name.to_lowercase(), i as u8);
        for a in &s.aliases {
            skill_lookup.entry(a.to_lowercase()).or_insert(i as u8);
        }
    }
    (skill_exact, skill_lookup)
}

/// Catalogue cities by id, and by name or alias lowercased.
fn city_maps(vocab: &Vocab) -> (HashMap<u32, usize>, HashMap<String, usize>) {
    let catalog_city_by_id = vocab
        .cities
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id, i))
        .collect();
    let mut catalog_city_by_name = HashMap::default();
    for (i, c) in vocab.cities.iter().enumerate() {
        catalog_city_by_name.insert(c.name.to_lowercase(), i);
        for a in &c.aliases {
            catalog_city_by_name.entry(a.to_lowercase()).or_insert(i);
        }
    }
    (catalog_city_by_id, catalog_city_by_name)
}

/// The catalogue's states in order of first mention, and their ids.
fn states_of(vocab: &Vocab) -> (Vec<String>, HashMap<String, u16>) {
    let mut states = Vec::new();
    let mut state_ids = HashMap::default();
    for c in &vocab.cities {
        state_ids.entry(c.state.clone()).or_insert_with(|| {
            states.push(c.state.clone());
            (states.len() - 1) as u16
        });
    }
    (states, state_ids)
}

/// Each role's category (position in the vocabulary; `NONE16`: unknown).
fn role_categories(vocab: &Vocab) -> Vec<u16> {
    vocab
        .roles
        .iter()
        .map(|r| {
            vocab
                .categories
                .iter()
                .position(|c| c.id == r.category)
                .map_or(NONE16, |p| p as u16)
        })
        .collect()
}

/// A listing's searchable text (title first, shown from there; the
/// role's title unless the title has it; company, city, skills), its
/// description, and what is known of the text.
#[inline]
fn push_text(ix: &mut Index, f: &ListingFacts<'_>, role: u16) {
    let start = ix.hay.len();
    ix.hay.push_str(f.title);
    let title_len = (ix.hay.len() - start).min(u16::MAX as usize) as u16;
    if let Some(r) = ix.vocab.roles.get(role as usize)
        && !contains_ignore_ascii_case(f.title, &r.title)
    {
        ix.hay.push(' ');
        ix.hay.push_str(&r.title);
    }
    let head_len = (ix.hay.len() - start).min(u16::MAX as usize) as u16;
    for part in [f.company, f.city] {
        ix.hay.push(' ');
        ix.hay.push_str(part);
    }
    for s in f.skills.split(';').map(str::trim).filter(|s| !s.is_empty()) {
        ix.hay.push(' ');
        ix.hay.push_str(s);
    }
    ix.desc.push_str(f.description);
    ix.desc_end.push(ix.desc.len() as u32);
    ix.ascii.push(ix.hay[start..].is_ascii());
    ix.letters.push(text::letters_of(&ix.hay[start..]));
    ix.starts.push(text::prefix_mask(&ix.hay[start..]));
    ix.hay_end.push(ix.hay.len() as u32);
    ix.title_len.push(title_len);
    ix.head_len.push(head_len);
}
