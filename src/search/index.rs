//! The in-memory index: one row per listing, stored by column. Strings that
//! repeat (companies, cities, sources) are interned; skills and languages
//! are bit sets; the searchable text of all rows lives in one string.

use rustc_hash::FxHashMap as HashMap;

use jiff::civil::Date;

use super::Facet;
use super::facet::{ExperienceBucket, PostedBucket, SalaryBucket};
use crate::catalog::{
    Category, City, Company, CompanyKind, EmploymentType, Industry, ListingFacts, Role, Shift,
    Skill, UnknownValue, WorkMode,
};
use crate::fit::{Fit, FitProfile, Offer};
use crate::money::Rupees;
use crate::search::text::RowFacts;
use crate::search::understand::{Interpretation, Lexicon, interpret};

/// The catalogue vocabularies an index is built against.
#[derive(Debug, Clone, Default)]
pub struct Vocab {
    pub categories: Vec<Category>,
    pub roles: Vec<Role>,
    pub cities: Vec<City>,
    pub companies: Vec<Company>,
    pub skills: Vec<Skill>,
    /// States with the other codes people write for them (TS for TG).
    pub states: Vec<crate::catalog::State>,
    /// Regions of several cities (Delhi NCR).
    pub regions: Vec<crate::catalog::Region>,
}

impl Vocab {
    /// The vocabularies of a catalogue (without its listings).
    pub fn of(cat: &crate::catalog::Catalog) -> Vocab {
        Vocab {
            categories: cat.categories.clone(),
            roles: cat.roles.clone(),
            cities: cat.cities.clone(),
            companies: cat.companies.clone(),
            skills: cat.skills.clone(),
            states: cat.states.clone(),
            regions: cat.regions.clone(),
        }
    }
}

const NONE16: u16 = u16::MAX;
const NONE32: u32 = u32::MAX;
/// Skills beyond this many (imported free text) are searchable but not a facet.
const MAX_SKILLS: usize = 128;
const MAX_LANGUAGES: usize = 32;

/// Facet values by name, ignoring ASCII case ("Acme" and "ACME" from two
/// imported files are one company; the first spelling is shown), as
/// filter keys are matched.
#[derive(Debug, Default, Clone)]
struct Interner {
    /// ASCII-lowercased name → value
    map: HashMap<String, u32>,
    names: Vec<String>,
    folded: String,
}

impl Interner {
    fn intern(&mut self, s: &str) -> u32 {
        self.folded.clear();
        self.folded.push_str(s);
        self.folded.make_ascii_lowercase();
        if let Some(&i) = self.map.get(self.folded.as_str()) {
            return i;
        }
        let i = self.names.len() as u32;
        self.names.push(s.to_string());
        self.map.insert(self.folded.clone(), i);
        i
    }

    fn get(&self, s: &str) -> Option<u32> {
        self.map.get(&s.to_ascii_lowercase()).copied()
    }
}

/// Days since 1970-01-01.
pub(crate) fn day_number(d: Date) -> i32 {
    // days-from-civil (Howard Hinnant), exact for the proleptic Gregorian calendar
    let (y, m, dd) = (
        i32::from(d.year()),
        i32::from(d.month()),
        i32::from(d.day()),
    );
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + dd - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

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
        let mut states = Vec::new();
        let mut state_ids = HashMap::default();
        for c in &vocab.cities {
            state_ids.entry(c.state.clone()).or_insert_with(|| {
                states.push(c.state.clone());
                (states.len() - 1) as u16
            });
        }
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
        let role_category = vocab
            .roles
            .iter()
            .map(|r| {
                vocab
                    .categories
                    .iter()
                    .position(|c| c.id == r.category)
                    .map_or(NONE16, |p| p as u16)
            })
            .collect();
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
        let mut skills = 0u128;
        for s in f.skills.split(';').map(str::trim).filter(|s| !s.is_empty()) {
            // catalogue skills are spelt exactly; imported ones may not be
            let bit = match self.skill_exact.get(s) {
                Some(&b) => Some(b),
                None => self.skill_lookup.get(&s.to_lowercase()).copied(),
            };
            if let Some(b) = bit {
                skills |= 1 << b;
            }
        }
        let mut langs = 0u32;
        for l in f
            .languages
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
        let source = self.ix.sources.intern(f.source) as u16;
        let posted = *self
            .date_cache
            .entry(f.posted)
            .or_insert_with(|| day_number(f.posted));

        // searchable text: title first (shown from here), then the rest
        let ix = &mut self.ix;
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
        ix.letters.push(super::text::letters_of(&ix.hay[start..]));
        ix.starts.push(super::text::prefix_mask(&ix.hay[start..]));
        ix.hay_end.push(ix.hay.len() as u32);
        ix.title_len.push(title_len);
        ix.head_len.push(head_len);
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

impl Index {
    /// Sorts rows newest first, keeping their order within a day (a stable
    /// counting sort by day: linear, however many rows).
    pub(crate) fn newest_first(&self, rows: &mut [u32]) {
        let Some((lo, hi)) = rows
            .iter()
            .map(|&r| self.posted[r as usize])
            .fold(None, |acc, d| {
                Some(acc.map_or((d, d), |(a, b): (i32, i32)| (a.min(d), b.max(d))))
            })
        else {
            return;
        };
        let span = (hi - lo) as usize + 1;
        if span > 1 << 20 {
            rows.sort_by_key(|&r| std::cmp::Reverse(self.posted[r as usize]));
            return;
        }
        let mut starts = vec![0usize; span + 1];
        for &r in rows.iter() {
            starts[(hi - self.posted[r as usize]) as usize + 1] += 1;
        }
        for i in 1..starts.len() {
            starts[i] += starts[i - 1];
        }
        let src = rows.to_vec();
        for r in src {
            let slot = &mut starts[(hi - self.posted[r as usize]) as usize];
            rows[*slot] = r;
            *slot += 1;
        }
    }
}

#[derive(Debug, Clone, Copy)]
struct CityInfo {
    state: u16,
    region: u16,
    tier: u8,
    lat: f64,
    lon: f64,
}

/// Listings, by column, ready to search.
#[derive(Debug, Default)]
pub struct Index {
    pub(crate) vocab: Vocab,
    /// The words query understanding knows, for this vocabulary.
    lexicon: Lexicon,
    pub(crate) today: i32,
    today_date: Option<Date>,
    /// The words of the listings, for suggestions (built when first needed).
    pub(crate) words: std::sync::OnceLock<super::suggest::Words>,
    /// Row → pay in another currency, as shown (few rows, if any).
    foreign_pay: HashMap<u32, String>,
    role_category: Vec<u16>,
    states: Vec<String>,
    cities: Interner,
    city_info: Vec<Option<CityInfo>>,
    companies: Interner,
    company_info: Vec<(Option<CompanyKind>, Option<Industry>)>,
    languages: Interner,
    sources: Interner,

    pub(crate) ids: Vec<i64>,
    pub(crate) hay: String,
    /// Whether each row's searchable text is ASCII (the fast path).
    pub(crate) ascii: Vec<bool>,
    /// The letters a-z in each row's searchable text (a bit each).
    pub(crate) letters: Vec<u32>,
    /// The first three letters of each word of a row, hashed to a bit.
    starts: Vec<u64>,
    pub(crate) hay_end: Vec<u32>,
    /// Every row's description (searched only for quoted phrases).
    desc: String,
    desc_end: Vec<u32>,
    title_len: Vec<u16>,
    /// Bytes of the title and the role's title (where other words for the
    /// job are looked for).
    head_len: Vec<u16>,
    pub(crate) role: Vec<u16>,
    pub(crate) city: Vec<u32>,
    pub(crate) company: Vec<u32>,
    pub(crate) mode: Vec<u8>,
    pub(crate) emp: Vec<u8>,
    pub(crate) shift: Vec<u8>,
    pub(crate) exp_min: Vec<u8>,
    pub(crate) exp_max: Vec<u8>,
    pub(crate) sal_min: Vec<u32>,
    pub(crate) sal_max: Vec<u32>,
    pub(crate) posted: Vec<i32>,
    pub(crate) skills: Vec<u128>,
    pub(crate) langs: Vec<u32>,
    pub(crate) source: Vec<u16>,
    pub(crate) exp_mask: Vec<u8>,
    pub(crate) sal_mask: Vec<u8>,
    pub(crate) posted_mask: Vec<u8>,
    /// Every row, in storage (id) order: the scan order.
    pub(crate) all: Vec<u32>,
    /// Rows by listing id when storage order is not id order.
    by_id: Option<Vec<u32>>,
    /// Rows by pay, highest first (then newest first).
    pub(crate) by_salary: Vec<u32>,
}

impl Index {
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    pub fn vocab(&self) -> &Vocab {
        &self.vocab
    }

    /// The day listing ages are counted from.
    pub fn today(&self) -> Option<Date> {
        self.today_date
    }

    /// Bytes of searchable text (for the benchmark report).
    pub fn text_bytes(&self) -> usize {
        self.hay.len()
    }

    /// The row of a listing id.
    /// Pay in another currency, by listing id, as it is to be shown (the
    /// salary columns, filters and sorts know rupees only).
    pub fn set_foreign_pay(&mut self, pay: impl IntoIterator<Item = (i64, String)>) {
        for (id, label) in pay {
            if let Some(row) = self.row_of(id) {
                self.foreign_pay.insert(row as u32, label);
            }
        }
    }

    /// Pay in another currency, as shown ("USD 1,200–1,500 a month").
    pub fn foreign_pay(&self, row: usize) -> Option<&str> {
        self.foreign_pay.get(&(row as u32)).map(String::as_str)
    }

    /// A row's salary for a table: rupees in `period`, or the pay in
    /// another currency as given.
    pub fn salary_text(&self, row: usize, period: crate::money::Period) -> String {
        match self.foreign_pay(row) {
            Some(label) => label.to_string(),
            None => {
                let (lo, hi) = self.salary(row);
                crate::money::format_range(lo, hi, period)
            }
        }
    }

    pub fn row_of(&self, id: i64) -> Option<usize> {
        match &self.by_id {
            None => self.ids.binary_search(&id).ok(),
            Some(order) => order
                .binary_search_by_key(&id, |&r| self.ids[r as usize])
                .ok()
                .map(|k| order[k] as usize),
        }
    }

    // ---- per-row accessors -------------------------------------------------

    pub fn id(&self, row: usize) -> i64 {
        self.ids[row]
    }

    pub(crate) fn hay(&self, row: usize) -> &str {
        let start = if row == 0 {
            0
        } else {
            self.hay_end[row - 1] as usize
        };
        &self.hay[start..self.hay_end[row] as usize]
    }

    /// The searchable text of a row (title, role, company, city, skills).
    pub fn searchable_text(&self, row: usize) -> &str {
        self.hay(row)
    }

    /// A row's description.
    pub fn description(&self, row: usize) -> &str {
        let start = if row == 0 {
            0
        } else {
            self.desc_end[row - 1] as usize
        };
        self.desc
            .get(start..self.desc_end[row] as usize)
            .unwrap_or("")
    }

    /// What the text pass needs of a row besides its searchable text.
    #[inline]
    pub(crate) fn row_facts(&self, row: usize, description: bool) -> RowFacts<'_> {
        let role = self.role[row];
        RowFacts {
            role: (role != NONE16).then_some(role),
            category: self.one(Facet::Category, row).map(|c| c as u16),
            description: if description {
                self.description(row)
            } else {
                ""
            },
            letters: Some(self.letters[row]),
            starts: Some(self.starts[row]),
            head: self.head_len[row] as usize,
            ascii: Some(self.ascii[row]),
        }
    }

    /// The words query understanding knows for this catalogue.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// What a search text means here (see [`crate::search::understand`]).
    pub fn interpret(&self, text: &str) -> Interpretation {
        interpret(text, &self.lexicon)
    }

    /// Bytes of the title at the start of the row's searchable text.
    pub(crate) fn title_len(&self, row: usize) -> usize {
        self.title_len[row] as usize
    }

    pub fn title(&self, row: usize) -> &str {
        let h = self.hay(row);
        h.get(..self.title_len[row] as usize).unwrap_or(h)
    }

    pub fn role(&self, row: usize) -> Option<&Role> {
        self.vocab.roles.get(self.role[row] as usize)
    }

    pub fn company(&self, row: usize) -> &str {
        &self.companies.names[self.company[row] as usize]
    }

    pub fn city(&self, row: usize) -> &str {
        &self.cities.names[self.city[row] as usize]
    }

    /// The kind of employer, when known.
    pub fn company_kind(&self, row: usize) -> Option<CompanyKind> {
        self.company_info[self.company[row] as usize].0
    }

    /// The department id of the row's role.
    pub fn category_id(&self, row: usize) -> Option<&str> {
        self.one(Facet::Category, row)
            .and_then(|c| self.vocab.categories.get(c))
            .map(|c| c.id.as_str())
    }

    /// The state of the row's city, when it is a catalogue city.
    pub fn state(&self, row: usize) -> Option<&str> {
        self.one(Facet::State, row)
            .and_then(|s| self.states.get(s))
            .map(String::as_str)
    }

    pub fn work_mode(&self, row: usize) -> WorkMode {
        WorkMode::ALL[self.mode[row] as usize]
    }

    pub fn shift(&self, row: usize) -> Shift {
        Shift::ALL[self.shift[row] as usize]
    }

    pub fn employment_type(&self, row: usize) -> EmploymentType {
        EmploymentType::ALL[self.emp[row] as usize]
    }

    pub fn experience(&self, row: usize) -> (u8, u8) {
        (self.exp_min[row], self.exp_max[row])
    }

    pub fn salary(&self, row: usize) -> (Option<Rupees>, Option<Rupees>) {
        let f = |v: u32| (v != NONE32).then_some(Rupees(v));
        (f(self.sal_min[row]), f(self.sal_max[row]))
    }

    /// Days since the listing was posted (0 = today).
    pub fn age_days(&self, row: usize) -> i32 {
        self.today - self.posted[row]
    }

    pub fn source(&self, row: usize) -> &str {
        &self.sources.names[self.source[row] as usize]
    }

    /// Names of the vocabulary skills in a mask.
    pub fn skill_names(&self, mask: u128) -> Vec<String> {
        self.vocab
            .skills
            .iter()
            .take(MAX_SKILLS)
            .enumerate()
            .filter(|(i, _)| mask & (1 << i) != 0)
            .map(|(_, s)| s.name.clone())
            .collect()
    }

    /// For each vocabulary skill, the listings that learning it would take
    /// from under half to at least half of the skills they ask for, given
    /// the skills in `have` (one pass over the rows).
    pub fn skill_unlocks(&self, have: u128) -> Vec<u32> {
        let mut out = vec![0u32; self.vocab.skills.len().min(MAX_SKILLS)];
        for &asked in &self.skills {
            let want = asked.count_ones();
            let got = (asked & have).count_ones();
            if want == 0 || got * 2 >= want || (got + 1) * 2 < want {
                continue;
            }
            let mut missing = asked & !have;
            while missing != 0 {
                let b = missing.trailing_zeros() as usize;
                if let Some(x) = out.get_mut(b) {
                    *x += 1;
                }
                missing &= missing - 1;
            }
        }
        out
    }

    /// km from the profile's home to a row's city, when both are known.
    pub(crate) fn km_from(&self, row: usize, p: &FitProfile) -> Option<f64> {
        let home = p.home.as_ref()?;
        self.distance_km(row, home)
    }

    /// How well a row fits a profile, with the reasons.
    pub fn fit(&self, row: usize, p: &FitProfile) -> Fit {
        let names = |m: u128| self.skill_names(m);
        crate::fit::listing_fit(p, &self.offer(row, p, &names))
    }

    /// The fit score alone.
    pub fn fit_score(&self, row: usize, p: &FitProfile) -> u8 {
        let names = |_: u128| Vec::new();
        crate::fit::listing_score(p, &self.offer(row, p, &names))
    }

    fn offer<'a>(
        &'a self,
        row: usize,
        p: &FitProfile,
        names: &'a dyn Fn(u128) -> Vec<String>,
    ) -> Offer<'a> {
        Offer {
            skills: self.skills[row],
            skill_names: names,
            exp_min: self.exp_min[row],
            exp_max: self.exp_max[row],
            salary_max: self.salary(row).1,
            mode: self.work_mode(row),
            km: self.km_from(row, p),
            city: self.city(row),
        }
    }

    /// Straight-line km from the catalogue city `from` to the listing's city.
    pub fn distance_km(&self, row: usize, from: &City) -> Option<f64> {
        self.city_coords(self.city[row])
            .map(|(lat, lon)| crate::catalog::haversine_km(from.lat, from.lon, lat, lon))
    }

    pub(crate) fn city_coords(&self, city: u32) -> Option<(f64, f64)> {
        self.city_info
            .get(city as usize)
            .copied()
            .flatten()
            .map(|c| (c.lat, c.lon))
    }

    pub(crate) fn city_count(&self) -> usize {
        self.cities.names.len()
    }

    /// A catalogue city by name or alias.
    pub fn catalog_city(&self, name: &str) -> Option<&City> {
        self.vocab.cities.iter().find(|c| c.is_named(name))
    }

    // ---- facet values ------------------------------------------------------

    /// How many distinct values a facet has.
    pub fn value_count(&self, f: Facet) -> usize {
        match f {
            Facet::Category => self.vocab.categories.len(),
            Facet::Role => self.vocab.roles.len(),
            Facet::City => self.cities.names.len(),
            Facet::State => self.states.len(),
            Facet::Region => self.vocab.regions.len(),
            Facet::Tier => 3,
            Facet::WorkMode => WorkMode::ALL.len(),
            Facet::EmploymentType => EmploymentType::ALL.len(),
            Facet::Shift => Shift::ALL.len(),
            Facet::Experience => ExperienceBucket::ALL.len(),
            Facet::Salary => SalaryBucket::ALL.len(),
            Facet::Posted => PostedBucket::ALL.len(),
            Facet::CompanyType => CompanyKind::ALL.len(),
            Facet::Industry => Industry::ALL.len(),
            Facet::Company => self.companies.names.len(),
            Facet::Skill => self.vocab.skills.len().min(MAX_SKILLS),
            Facet::Language => self.languages.names.len().min(MAX_LANGUAGES),
            Facet::Source => self.sources.names.len(),
        }
    }

    /// The stable key of a facet value (what a [`super::Query`] stores).
    pub fn value_key(&self, f: Facet, v: usize) -> String {
        match f {
            Facet::Category => self.vocab.categories[v].id.clone(),
            Facet::Role => self.vocab.roles[v].id.clone(),
            Facet::Tier => (v + 1).to_string(),
            Facet::Region => self.vocab.regions[v].id.clone(),
            Facet::WorkMode => WorkMode::ALL[v].id().to_string(),
            Facet::EmploymentType => EmploymentType::ALL[v].id().to_string(),
            Facet::Shift => Shift::ALL[v].id().to_string(),
            Facet::Experience => ["0", "1-2", "3-5", "6+"][v].to_string(),
            Facet::Salary => {
                ["under-15k", "15k-25k", "25k-40k", "40k-70k", "70k+", "none"][v].to_string()
            }
            Facet::Posted => PostedBucket::ALL[v].days().to_string(),
            Facet::CompanyType => CompanyKind::ALL[v].id().to_string(),
            Facet::Industry => Industry::ALL[v].id().to_string(),
            _ => self.value_label(f, v).to_string(),
        }
    }

    /// How a facet value is shown.
    pub fn value_label(&self, f: Facet, v: usize) -> &str {
        match f {
            Facet::Category => &self.vocab.categories[v].name,
            Facet::Role => &self.vocab.roles[v].title,
            Facet::City => &self.cities.names[v],
            Facet::State => &self.states[v],
            Facet::Region => &self.vocab.regions[v].name,
            Facet::Tier => ["Tier 1", "Tier 2", "Tier 3"][v],
            Facet::WorkMode => WorkMode::ALL[v].label(),
            Facet::EmploymentType => EmploymentType::ALL[v].label(),
            Facet::Shift => Shift::ALL[v].label(),
            Facet::Experience => ExperienceBucket::ALL[v].label(),
            Facet::Salary => SalaryBucket::ALL[v].label(),
            Facet::Posted => PostedBucket::ALL[v].label(),
            Facet::CompanyType => CompanyKind::ALL[v].label(),
            Facet::Industry => Industry::ALL[v].label(),
            Facet::Company => &self.companies.names[v],
            Facet::Skill => &self.vocab.skills[v].name,
            Facet::Language => &self.languages.names[v],
            Facet::Source => &self.sources.names[v],
        }
    }

    /// The value a key names, if any (exact key, case-insensitive).
    pub fn value_of_key(&self, f: Facet, key: &str) -> Option<usize> {
        (0..self.value_count(f)).find(|&v| self.value_key(f, v).eq_ignore_ascii_case(key))
    }

    /// Resolves what a user typed (key, label or alias, any case) to a key.
    pub fn resolve(&self, f: Facet, input: &str) -> Result<String, UnknownValue> {
        let t = input.trim();
        let n = self.value_count(f);
        let found = (0..n)
            .find(|&v| {
                self.value_key(f, v).eq_ignore_ascii_case(t)
                    || self.value_label(f, v).eq_ignore_ascii_case(t)
            })
            .or_else(|| match f {
                Facet::City => self
                    .catalog_city(t)
                    .and_then(|c| self.cities.get(&c.name).map(|i| i as usize)),
                Facet::Role => self
                    .vocab
                    .roles
                    .iter()
                    .position(|r| r.title_variants.iter().any(|v| v.eq_ignore_ascii_case(t))),
                // a code, or another code people write (TS for Telangana)
                Facet::State => self
                    .vocab
                    .states
                    .iter()
                    .find(|s| s.is_named(t))
                    .map(|s| s.name.clone())
                    .or_else(|| {
                        self.vocab
                            .cities
                            .iter()
                            .find(|c| c.state_code.eq_ignore_ascii_case(t))
                            .map(|c| c.state.clone())
                    })
                    .and_then(|name| self.states.iter().position(|s| *s == name)),
                Facet::Region => self.vocab.regions.iter().position(|r| r.is_named(t)),
                Facet::Tier => t
                    .trim_start_matches(|c: char| c.is_alphabetic() || c == ' ')
                    .parse::<usize>()
                    .ok()
                    .filter(|v| (1..=3).contains(v))
                    .map(|v| v - 1),
                Facet::Skill => self
                    .vocab
                    .skills
                    .iter()
                    .position(|s| s.aliases.iter().any(|a| a.eq_ignore_ascii_case(t))),
                Facet::WorkMode => t.parse::<WorkMode>().ok().map(|m| m.index()),
                Facet::EmploymentType => t.parse::<EmploymentType>().ok().map(|m| m.index()),
                Facet::Shift => t.parse::<Shift>().ok().map(|m| m.index()),
                Facet::CompanyType => t.parse::<CompanyKind>().ok().map(|m| m.index()),
                Facet::Industry => t.parse::<Industry>().ok().map(|m| m.index()),
                _ => None,
            });
        match found {
            Some(v) => Ok(self.value_key(f, v)),
            None => Err(UnknownValue::new(
                match f {
                    Facet::WorkMode => "work mode",
                    Facet::EmploymentType => "employment type",
                    Facet::CompanyType => "company type",
                    Facet::Category => "category",
                    Facet::Role => "role",
                    Facet::City => "city",
                    Facet::State => "state",
                    Facet::Region => "region",
                    Facet::Tier => "city tier",
                    Facet::Shift => "shift",
                    Facet::Experience => "experience bucket",
                    Facet::Salary => "salary bucket",
                    Facet::Posted => "posted-within bucket",
                    Facet::Industry => "industry",
                    Facet::Company => "company",
                    Facet::Skill => "skill",
                    Facet::Language => "language",
                    Facet::Source => "source",
                },
                t,
                (0..n)
                    .map(|v| match f {
                        Facet::City
                        | Facet::Role
                        | Facet::Company
                        | Facet::Skill
                        | Facet::Language
                        | Facet::State
                        | Facet::Region
                        | Facet::Source => self.value_label(f, v).to_string(),
                        _ => self.value_key(f, v),
                    })
                    .collect(),
            )),
        }
    }

    // ---- per-row facet values (for filtering and counting) ----------------

    /// The single value of a single-valued facet for a row, if it has one.
    #[inline]
    pub(crate) fn one(&self, f: Facet, row: usize) -> Option<usize> {
        let v = match f {
            Facet::Category => {
                let r = self.role[row];
                if r == NONE16 {
                    return None;
                }
                let c = self.role_category[r as usize];
                if c == NONE16 {
                    return None;
                }
                c as usize
            }
            Facet::Role => {
                let r = self.role[row];
                if r == NONE16 {
                    return None;
                }
                r as usize
            }
            Facet::City => self.city[row] as usize,
            Facet::State => {
                let s = self.city_info[self.city[row] as usize]?.state;
                if s == NONE16 {
                    return None;
                }
                s as usize
            }
            Facet::Region => {
                let r = self.city_info[self.city[row] as usize]?.region;
                if r == NONE16 {
                    return None;
                }
                r as usize
            }
            Facet::Tier => {
                let t = self.city_info[self.city[row] as usize]?.tier;
                if !(1..=3).contains(&t) {
                    return None;
                }
                t as usize - 1
            }
            Facet::WorkMode => self.mode[row] as usize,
            Facet::EmploymentType => self.emp[row] as usize,
            Facet::Shift => self.shift[row] as usize,
            Facet::CompanyType => self.company_info[self.company[row] as usize].0?.index(),
            Facet::Industry => self.company_info[self.company[row] as usize].1?.index(),
            Facet::Company => self.company[row] as usize,
            Facet::Source => self.source[row] as usize,
            Facet::Experience | Facet::Salary | Facet::Posted | Facet::Skill | Facet::Language => {
                return None;
            }
        };
        Some(v)
    }

    /// The value set of a multi-valued facet for a row, as a bit mask.
    #[inline]
    pub(crate) fn many(&self, f: Facet, row: usize) -> u128 {
        match f {
            Facet::Skill => self.skills[row],
            Facet::Language => u128::from(self.langs[row]),
            Facet::Experience => u128::from(self.exp_mask[row]),
            Facet::Salary => u128::from(self.sal_mask[row]),
            Facet::Posted => u128::from(self.posted_mask[row]),
            _ => 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers() {
        assert_eq!(day_number(jiff::civil::date(1970, 1, 1)), 0);
        assert_eq!(day_number(jiff::civil::date(1970, 1, 2)), 1);
        assert_eq!(day_number(jiff::civil::date(2000, 3, 1)), 11_017);
        let a = jiff::civil::date(2026, 11, 20);
        let b = jiff::civil::date(2026, 9, 22);
        assert_eq!(day_number(a) - day_number(b), (a - b).get_days());
    }
}
