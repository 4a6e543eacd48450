//! The records of the catalogue, as the data files spell them.

use jiff::civil::Date;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{Benefit, CompanyKind, EmploymentType, Industry, Level, Shift, WorkMode};
use crate::money::Rupees;

/// An article the catalogue cites.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    pub seed: String,
    pub title: String,
    pub publisher: String,
    pub published: String,
    pub gives: String,
}

/// A department of the back office.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Category {
    pub id: String,
    pub name: String,
    pub summary: String,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SkillKind {
    Tool,
    Skill,
    Soft,
}

/// A skill or tool roles and listings ask for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Skill {
    pub name: String,
    pub kind: SkillKind,
    pub aliases: Vec<String>,
}

/// A monthly salary band for one experience level (indicative).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Band {
    pub level: Level,
    pub min: Rupees,
    pub max: Rupees,
}

/// A back-office role: what it is, what it needs, what it pays, where it leads.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Role {
    pub id: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_hi: Option<String>,
    pub category: String,
    pub summary: String,
    pub responsibilities: Vec<String>,
    pub skills: Vec<String>,
    pub qualifications: Vec<String>,
    pub industries: Vec<Industry>,
    pub leads_to: Vec<String>,
    /// Source ids of the articles that name this role; empty for our additions.
    pub named_in: Vec<String>,
    pub title_variants: Vec<String>,
    /// Relative number of listings (1-10), for the generator.
    pub demand: u8,
    /// Share of listings that are remote or hybrid, for the generator.
    pub remote_share: f64,
    /// Share of listings on night or rotational shifts, for the generator.
    pub night_shift_share: f64,
    pub bands: Vec<Band>,
}

impl Role {
    /// The band for a level, if the role has one.
    pub fn band(&self, level: Level) -> Option<&Band> {
        self.bands.iter().find(|b| b.level == level)
    }

    /// The band for someone with `years` of experience, falling back to the
    /// nearest level the role has.
    pub fn band_for_years(&self, years: u8) -> Option<&Band> {
        let want = Level::for_years(years);
        self.band(want).or_else(|| {
            self.bands
                .iter()
                .min_by_key(|b| (b.level.index() as i32 - want.index() as i32).abs())
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FigurePeriod {
    Month,
    Year,
}

/// A market-wide salary figure exactly as an article published it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MarketFigure {
    pub source: String,
    pub label: String,
    pub experience: String,
    pub period: FigurePeriod,
    pub min: u64,
    pub max: u64,
    pub open_ended: bool,
    pub published: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl MarketFigure {
    /// The figure converted to rupees per month (min, max).
    pub fn monthly(&self) -> (Rupees, Rupees) {
        match self.period {
            FigurePeriod::Month => (
                Rupees(u32::try_from(self.min).unwrap_or(u32::MAX)),
                Rupees(u32::try_from(self.max).unwrap_or(u32::MAX)),
            ),
            FigurePeriod::Year => (Rupees::from_annual(self.min), Rupees::from_annual(self.max)),
        }
    }
}

/// An Indian city.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct City {
    pub id: u32,
    pub name: String,
    pub state: String,
    pub state_code: String,
    pub tier: u8,
    pub lat: f64,
    pub lon: f64,
    pub language: String,
    #[serde(deserialize_with = "pipe_list", serialize_with = "join_pipe")]
    pub aliases: Vec<String>,
}

impl City {
    /// Straight-line (great-circle) distance in kilometres.
    pub fn distance_km(&self, other: &City) -> f64 {
        haversine_km(self.lat, self.lon, other.lat, other.lon)
    }

    /// Whether `s` names this city (name or alias, any case).
    pub fn is_named(&self, s: &str) -> bool {
        let s = s.trim();
        self.name.eq_ignore_ascii_case(s) || self.aliases.iter().any(|a| a.eq_ignore_ascii_case(s))
    }
}

/// Great-circle distance between two points, in kilometres.
pub fn haversine_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    const R: f64 = 6371.0;
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = (lat2 - lat1).to_radians();
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * R * a.sqrt().asin()
}

/// A fictional employer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Company {
    pub id: u32,
    pub name: String,
    pub industry: Industry,
    pub kind: CompanyKind,
    pub hq_city: String,
    pub size: String,
    pub blurb: String,
}

/// A listing as `data/listings.csv` holds it (references by id).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CatalogListing {
    pub id: i64,
    pub title: String,
    pub role: String,
    pub company_id: u32,
    pub city_id: u32,
    pub work_mode: WorkMode,
    pub employment_type: EmploymentType,
    pub shift: Shift,
    pub exp_min: u8,
    pub exp_max: u8,
    pub salary_min: u32,
    pub salary_max: u32,
    #[serde(deserialize_with = "semi_list", serialize_with = "join_semi")]
    pub skills: Vec<String>,
    #[serde(deserialize_with = "semi_list", serialize_with = "join_semi")]
    pub languages: Vec<String>,
    #[serde(deserialize_with = "semi_list", serialize_with = "join_semi")]
    pub benefits: Vec<String>,
    pub openings: u32,
    pub posted: Date,
    pub description: String,
    pub contact_name: String,
    pub contact_phone: String,
    pub contact_email: String,
    pub apply_url: String,
}

impl CatalogListing {
    pub fn benefit_kinds(&self) -> Vec<Benefit> {
        self.benefits
            .iter()
            .filter_map(|b| b.parse().ok())
            .collect()
    }
}

fn split_list(s: &str, sep: char) -> Vec<String> {
    s.split(sep)
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(String::from)
        .collect()
}

fn pipe_list<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    let s = String::deserialize(d)?;
    Ok(split_list(&s, '|'))
}

fn semi_list<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    let s = String::deserialize(d)?;
    Ok(split_list(&s, ';'))
}

fn join_pipe<S: Serializer>(v: &[String], s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&v.join("|"))
}

fn join_semi<S: Serializer>(v: &[String], s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&v.join(";"))
}

/// A listing as the store returns it: references resolved to names, ready
/// to show or export. Salaries are rupees per month (`None` when not given
/// or not in rupees; see `currency`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Listing {
    pub id: i64,
    pub title: String,
    pub role_id: Option<String>,
    pub role: Option<String>,
    pub category_id: Option<String>,
    pub company: String,
    pub company_type: Option<CompanyKind>,
    pub industry: Option<Industry>,
    pub city: String,
    pub state: Option<String>,
    pub work_mode: WorkMode,
    pub employment_type: EmploymentType,
    pub shift: Shift,
    pub experience_min: u8,
    pub experience_max: u8,
    pub salary_min: Option<Rupees>,
    pub salary_max: Option<Rupees>,
    pub currency: String,
    pub skills: Vec<String>,
    pub languages: Vec<String>,
    pub benefits: Vec<String>,
    pub openings: u32,
    pub posted: Date,
    pub valid_through: Option<Date>,
    pub description: String,
    pub contact_name: String,
    pub contact_phone: String,
    pub contact_email: String,
    pub apply_url: String,
    pub source: String,
}

/// The fields of a listing the search index needs, borrowed from a row.
#[derive(Debug, Clone)]
pub struct ListingFacts<'a> {
    pub id: i64,
    pub title: &'a str,
    pub role_id: Option<&'a str>,
    pub company: &'a str,
    /// The catalogue company, when it is one (its type and industry come
    /// from there).
    pub company_id: Option<u32>,
    pub company_type: Option<CompanyKind>,
    pub industry: Option<Industry>,
    pub city: &'a str,
    pub city_id: Option<u32>,
    pub work_mode: WorkMode,
    pub employment_type: EmploymentType,
    pub shift: Shift,
    pub experience_min: u8,
    pub experience_max: u8,
    /// Monthly rupees; `None` when not given or not in rupees.
    pub salary_min: Option<u32>,
    pub salary_max: Option<u32>,
    /// `;`-separated.
    pub skills: &'a str,
    /// `;`-separated.
    pub languages: &'a str,
    pub posted: Date,
    pub source: &'a str,
    /// Searched only for quoted phrases.
    pub description: &'a str,
}
