//! The in-memory index: one row per listing, stored by column. Strings that
//! repeat (companies, cities, sources) are interned; skills and languages
//! are bit sets; the searchable text of all rows lives in one string.

mod build;
mod facets;
mod fit;

pub use build::IndexBuilder;

use rustc_hash::FxHashMap as HashMap;

use jiff::civil::Date;

use super::Facet;
use crate::catalog::{
    Category, City, Company, CompanyKind, EmploymentType, Industry, Role, Shift, Skill, WorkMode,
};
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
