//! The catalogue: the files in `data/`, embedded in the binary, and the
//! types they load into. The store seeds SQLite from a [`Catalog`].

mod facts;
pub mod generate;
pub(crate) mod kinds;
mod paths;
mod problems;
mod sort;
mod types;
mod unknown;

pub use facts::{
    CompanyProfile, Hiring, MinimumWage, NamePool, Reference, Region, State, WageClass,
};
pub use kinds::{
    Benefit, CompanyKind, Education, EmploymentType, Function, Industry, Level, Shift, SizeBand,
    WorkMode,
};
pub use paths::{also_reached, career_paths, diverse_paths, path_bands};
pub use sort::Sort;
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
pub const HIRING: DataFile = data_file!("hiring.toml");
pub const STATES: DataFile = data_file!("states.toml");
pub const REGIONS: DataFile = data_file!("regions.toml");
pub const NAMES: DataFile = data_file!("names.toml");
pub const ROLE_FILES: [DataFile; 9] = [
    data_file!("roles/admin.toml"),
    data_file!("roles/finance.toml"),
    data_file!("roles/hr.toml"),
    data_file!("roles/it.toml"),
    data_file!("roles/operations.toml"),
    data_file!("roles/compliance.toml"),
    data_file!("roles/bpo.toml"),
    data_file!("roles/banking.toml"),
    data_file!("roles/insurance.toml"),
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
        &HIRING,
        &STATES,
        &REGIONS,
        &NAMES,
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
    #[serde(default)]
    reference: Vec<Reference>,
}
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct HiringDoc {
    hiring: Vec<Hiring>,
}
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct StatesDoc {
    state: Vec<State>,
    minimum_wage: Vec<MinimumWage>,
}
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RegionsDoc {
    region: Vec<Region>,
}
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct NamesDoc {
    pool: Vec<NamePool>,
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
    /// Outside sources facts were checked against (`[[reference]]` in
    /// `data/sources.toml`).
    pub references: Vec<Reference>,
    /// How each role is hired, one entry per role.
    pub hiring: Vec<Hiring>,
    /// What each company does and where, one per company.
    pub profiles: Vec<CompanyProfile>,
    pub states: Vec<State>,
    pub minimum_wages: Vec<MinimumWage>,
    /// Regions bigger than a city, such as Delhi NCR.
    pub regions: Vec<Region>,
    pub names: Vec<NamePool>,
}

impl Catalog {
    /// Loads the catalogue embedded in the binary, without the listings
    /// (for generating them).
    pub fn embedded_without_listings() -> Result<Catalog, CatalogError> {
        let mut roles = Vec::new();
        for f in &ROLE_FILES {
            roles.extend(parse_toml::<RolesDoc>(f)?.role);
        }
        let sources = parse_toml::<SourcesDoc>(&SOURCES)?;
        let states = parse_toml::<StatesDoc>(&STATES)?;
        Ok(Catalog {
            sources: sources.source,
            references: sources.reference,
            hiring: parse_toml::<HiringDoc>(&HIRING)?.hiring,
            profiles: parse_csv(COMPANIES.path, COMPANIES.text)?,
            states: states.state,
            minimum_wages: states.minimum_wage,
            regions: parse_toml::<RegionsDoc>(&REGIONS)?.region,
            names: parse_toml::<NamesDoc>(&NAMES)?.pool,
            categories: parse_toml::<CategoriesDoc>(&CATEGORIES)?.category,
            skills: parse_toml::<SkillsDoc>(&SKILLS)?.skill,
            roles,
            figures: parse_toml::<MarketDoc>(&MARKET)?.figure,
            cities: parse_csv(CITIES.path, CITIES.text)?,
            companies: parse_csv(COMPANIES.path, COMPANIES.text)?,
            listings: Vec::new(),
        })
    }

    /// The states and regions embedded in the binary (what search needs of
    /// places beyond the cities; they are not kept in the database).
    pub fn embedded_places() -> Result<(Vec<State>, Vec<Region>), CatalogError> {
        let states = parse_toml::<StatesDoc>(&STATES)?;
        Ok((states.state, parse_toml::<RegionsDoc>(&REGIONS)?.region))
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

    /// How a role is hired.
    pub fn hiring(&self, role_id: &str) -> Option<&Hiring> {
        self.hiring.iter().find(|h| h.role == role_id)
    }

    pub fn company(&self, id: u32) -> Option<&Company> {
        self.companies.iter().find(|c| c.id == id)
    }

    /// What a company does and where.
    pub fn profile(&self, company_id: u32) -> Option<&CompanyProfile> {
        self.profiles.iter().find(|p| p.id == company_id)
    }

    pub fn city(&self, id: u32) -> Option<&City> {
        self.cities.iter().find(|c| c.id == id)
    }

    pub fn city_named(&self, name: &str) -> Option<&City> {
        self.cities.iter().find(|c| c.is_named(name))
    }

    /// The state with this code (current or older, as TG and TS) or name.
    pub fn state(&self, code_or_name: &str) -> Option<&State> {
        self.states.iter().find(|s| s.is_named(code_or_name))
    }

    /// The region with this name or alias ("NCR", "Delhi NCR").
    pub fn region(&self, name: &str) -> Option<&Region> {
        self.regions.iter().find(|r| r.is_named(name))
    }

    /// The clerical minimum wage (rupees a month) for someone of this
    /// schooling in this city, where the state publishes one.
    pub fn minimum_wage(&self, city: &City, education: Education) -> Option<&MinimumWage> {
        self.minimum_wages
            .iter()
            .filter(|w| w.state == city.state_code && w.applies_to.covers(education))
            .max_by_key(|w| w.floor())
    }

    /// Every broken reference or impossible value in the catalogue.
    pub fn problems(&self) -> Vec<String> {
        problems::problems(self)
    }
}
