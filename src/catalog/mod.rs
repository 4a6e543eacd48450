//! The catalogue: the files in `data/`, embedded in the binary, and the
//! types they load into. The store seeds SQLite from a [`Catalog`].

pub mod generate;
pub(crate) mod kinds;
mod paths;
mod types;
mod unknown;

pub use kinds::{Benefit, CompanyKind, EmploymentType, Industry, Level, Shift, WorkMode};
pub use paths::{also_reached, career_paths, diverse_paths, path_bands};
pub use types::*;
pub use unknown::{UnknownValue, suggest};

use serde::de::DeserializeOwned;

/// One embedded data file: its path under the repository and its text.
pub struct DataFile {
    pub path: &'static str,
    pub text: &'static str,
}

macro_rules! data_file {
    ($path:literal) => {
        DataFile {
            path: concat!("data/", $path),
            text: include_str!(concat!("../../data/", $path)),
        }
    };
}

pub const SOURCES: DataFile = data_file!("sources.toml");
pub const CATEGORIES: DataFile = data_file!("categories.toml");
pub const SKILLS: DataFile = data_file!("skills.toml");
pub const MARKET: DataFile = data_file!("market.toml");
pub const CITIES: DataFile = data_file!("cities.csv");
pub const COMPANIES: DataFile = data_file!("companies.csv");
pub const LISTINGS: DataFile = data_file!("listings.csv");
pub const ROLE_FILES: [DataFile; 8] = [
    data_file!("roles/admin.toml"),
    data_file!("roles/finance.toml"),
    data_file!("roles/hr.toml"),
    data_file!("roles/it.toml"),
    data_file!("roles/operations.toml"),
    data_file!("roles/compliance.toml"),
    data_file!("roles/bpo.toml"),
    data_file!("roles/banking.toml"),
];

/// Every embedded file, in a fixed order.
pub fn data_files() -> impl Iterator<Item = &'static DataFile> {
    [
        &SOURCES,
        &CATEGORIES,
        &SKILLS,
        &MARKET,
        &CITIES,
        &COMPANIES,
        &LISTINGS,
    ]
    .into_iter()
    .chain(ROLE_FILES.iter())
}

/// A fingerprint of the embedded catalogue (FNV-1a over every file): when a
/// new binary ships different data, the store re-seeds its catalogue tables.
pub fn fingerprint() -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for f in data_files() {
        for b in f.path.bytes().chain(f.text.bytes()) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{h:016x}")
}

/// A data file that does not load, with where and why.
#[derive(Debug, thiserror::Error)]
#[error("{file}: {message}")]
pub struct CatalogError {
    pub file: String,
    pub message: String,
}

impl CatalogError {
    fn new(file: &str, message: impl Into<String>) -> Self {
        CatalogError {
            file: file.to_string(),
            message: message.into(),
        }
    }
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct SourcesDoc {
    source: Vec<Source>,
}
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct CategoriesDoc {
    category: Vec<Category>,
}
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct SkillsDoc {
    skill: Vec<Skill>,
}
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RolesDoc {
    role: Vec<Role>,
}
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct MarketDoc {
    figure: Vec<MarketFigure>,
}

fn parse_toml<T: DeserializeOwned>(file: &DataFile) -> Result<T, CatalogError> {
    toml::from_str(file.text).map_err(|e| CatalogError::new(file.path, e.to_string()))
}

/// Parses CSV text with a header into rows; errors name the line.
pub fn parse_csv<T: DeserializeOwned>(path: &str, text: &str) -> Result<Vec<T>, CatalogError> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(text.as_bytes());
    reader
        .deserialize()
        .map(|r| {
            r.map_err(|e| {
                let line = e.position().map(|p| p.line()).unwrap_or(0);
                CatalogError::new(path, format!("line {line}: {e}"))
            })
        })
        .collect()
}

/// Everything in `data/`.
#[derive(Debug, Clone)]
pub struct Catalog {
    pub sources: Vec<Source>,
    pub categories: Vec<Category>,
    pub skills: Vec<Skill>,
    pub roles: Vec<Role>,
    pub figures: Vec<MarketFigure>,
    pub cities: Vec<City>,
    pub companies: Vec<Company>,
    pub listings: Vec<CatalogListing>,
}

impl Catalog {
    /// Loads the catalogue embedded in the binary, without the listings
    /// (for generating them).
    pub fn embedded_without_listings() -> Result<Catalog, CatalogError> {
        let mut roles = Vec::new();
        for f in &ROLE_FILES {
            roles.extend(parse_toml::<RolesDoc>(f)?.role);
        }
        Ok(Catalog {
            sources: parse_toml::<SourcesDoc>(&SOURCES)?.source,
            categories: parse_toml::<CategoriesDoc>(&CATEGORIES)?.category,
            skills: parse_toml::<SkillsDoc>(&SKILLS)?.skill,
            roles,
            figures: parse_toml::<MarketDoc>(&MARKET)?.figure,
            cities: parse_csv(CITIES.path, CITIES.text)?,
            companies: parse_csv(COMPANIES.path, COMPANIES.text)?,
            listings: Vec::new(),
        })
    }

    /// Loads and checks the whole embedded catalogue.
    pub fn embedded() -> Result<Catalog, CatalogError> {
        let mut c = Catalog::embedded_without_listings()?;
        c.listings = parse_csv(LISTINGS.path, LISTINGS.text)?;
        let problems = c.problems();
        if let Some(first) = problems.first() {
            return Err(CatalogError::new(
                "data/",
                format!("{} problems, first: {first}", problems.len()),
            ));
        }
        Ok(c)
    }

    pub fn role(&self, id: &str) -> Option<&Role> {
        self.roles.iter().find(|r| r.id == id)
    }

    /// Every broken reference or impossible value in the catalogue.
    pub fn problems(&self) -> Vec<String> {
        use std::collections::HashSet;
        let mut out = Vec::new();
        let cats: HashSet<&str> = self.categories.iter().map(|c| c.id.as_str()).collect();
        let roles: HashSet<&str> = self.roles.iter().map(|r| r.id.as_str()).collect();
        let skills: HashSet<&str> = self.skills.iter().map(|s| s.name.as_str()).collect();
        let sources: HashSet<&str> = self.sources.iter().map(|s| s.id.as_str()).collect();
        let cities: HashSet<u32> = self.cities.iter().map(|c| c.id).collect();
        let city_names: HashSet<&str> = self.cities.iter().map(|c| c.name.as_str()).collect();
        let companies: HashSet<u32> = self.companies.iter().map(|c| c.id).collect();
        if roles.len() != self.roles.len() {
            out.push("roles: duplicate role id".to_string());
        }
        for r in &self.roles {
            let at = format!("role {}", r.id);
            if !cats.contains(r.category.as_str()) {
                out.push(format!("{at}: unknown category {}", r.category));
            }
            for s in &r.skills {
                if !skills.contains(s.as_str()) {
                    out.push(format!("{at}: unknown skill {s}"));
                }
            }
            for l in &r.leads_to {
                if !roles.contains(l.as_str()) {
                    out.push(format!("{at}: leads to unknown role {l}"));
                }
            }
            for s in &r.named_in {
                if !sources.contains(s.as_str()) {
                    out.push(format!("{at}: unknown source {s}"));
                }
            }
            if r.bands.is_empty() {
                out.push(format!("{at}: no salary bands"));
            }
            for pair in r.bands.windows(2) {
                if pair[1].level <= pair[0].level {
                    out.push(format!("{at}: bands out of order"));
                }
                if pair[1].min < pair[0].min || pair[1].max < pair[0].max {
                    out.push(format!(
                        "{at}: band {} pays less than the one before",
                        pair[1].level.id()
                    ));
                }
            }
            for b in &r.bands {
                if b.min >= b.max {
                    out.push(format!("{at}: band {} has min >= max", b.level.id()));
                }
            }
        }
        for f in &self.figures {
            if !sources.contains(f.source.as_str()) {
                out.push(format!(
                    "market figure {}: unknown source {}",
                    f.label, f.source
                ));
            }
        }
        for c in &self.companies {
            if !city_names.contains(c.hq_city.as_str()) {
                out.push(format!("company {}: unknown city {}", c.name, c.hq_city));
            }
        }
        let mut seen = HashSet::new();
        for l in &self.listings {
            let at = format!("listing {}", l.id);
            if !seen.insert(l.id) {
                out.push(format!("{at}: duplicate id"));
            }
            if !roles.contains(l.role.as_str()) {
                out.push(format!("{at}: unknown role {}", l.role));
            }
            if !cities.contains(&l.city_id) {
                out.push(format!("{at}: unknown city id {}", l.city_id));
            }
            if !companies.contains(&l.company_id) {
                out.push(format!("{at}: unknown company id {}", l.company_id));
            }
            if l.salary_min > l.salary_max || l.exp_min > l.exp_max {
                out.push(format!("{at}: a range has min > max"));
            }
            for s in l.skills.iter() {
                if !skills.contains(s.as_str()) {
                    out.push(format!("{at}: unknown skill {s}"));
                }
            }
        }
        out
    }
}
