//! The facts behind the listings: how each role is hired, what each
//! company does and where, the states with their codes and clerical
//! minimum wages, the regions people search by, the outside references
//! and the name pools contacts are drawn from. The generator follows
//! them; the catalogue tests check the listings against them.

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer, Serialize};

use super::{City, Education, EmploymentType, Function, SizeBand};

/// How a role is hired (`data/hiring.toml`): who takes it and where.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Hiring {
    pub role: String,
    /// The fewest years of experience the role takes; its qualifications
    /// say the same in words. Bands start at the level this allows.
    #[serde(default)]
    pub min_years: u8,
    /// The lowest schooling the role takes (decides the minimum wage class).
    pub education: Education,
    /// The functions the work sits in: a company needs one of them.
    pub functions: Vec<Function>,
    /// The smallest company that has this post.
    #[serde(default = "smallest")]
    pub min_size: SizeBand,
    /// The largest company that has this post (bookkeepers and Tally
    /// operators work where the books are small).
    #[serde(default = "largest")]
    pub max_size: SizeBand,
    /// Terms other than full-time the role is offered on.
    #[serde(default)]
    pub terms: Vec<EmploymentType>,
    /// Hired in batches (processing floors): a listing may offer many
    /// openings. Other roles offer a few at most.
    #[serde(default)]
    pub bulk: bool,
    /// Works nights only on a processing floor (a BPO-style process), not
    /// wherever the employer happens to run round the clock.
    #[serde(default)]
    pub nights_on_floor_only: bool,
    /// Title variants kept for matching imported titles but never put on
    /// a generated listing (the comment in the file says why).
    #[serde(default)]
    pub skip_titles: Vec<String>,
    /// Skills asked for only where the city speaks a language, by skill.
    #[serde(default)]
    pub skill_languages: BTreeMap<String, String>,
    /// Reference ids (`data/sources.toml`) for facts in the role's text.
    #[serde(default)]
    pub cites: Vec<String>,
}

fn smallest() -> SizeBand {
    SizeBand::Micro
}

fn largest() -> SizeBand {
    SizeBand::Huge
}

/// What a company does and where (the extra columns of
/// `data/companies.csv`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CompanyProfile {
    pub id: u32,
    pub size: SizeBand,
    /// Cities with an office, headquarters first.
    #[serde(deserialize_with = "pipe_list")]
    pub offices: Vec<String>,
    /// State codes a regional employer works in; empty for national ones.
    #[serde(deserialize_with = "pipe_list")]
    pub region: Vec<String>,
    #[serde(deserialize_with = "pipe_functions")]
    pub functions: Vec<Function>,
    /// Runs night or rotational shifts (BPO and KPO floors, processing
    /// centres, service desks, hospital desks).
    pub round_the_clock: bool,
}

impl CompanyProfile {
    pub fn has(&self, f: Function) -> bool {
        self.functions.contains(&f)
    }
}

/// A state or union territory.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct State {
    pub code: String,
    pub name: String,
    /// Other codes people write for it (older or vehicle codes).
    #[serde(default)]
    pub other_codes: Vec<String>,
}

impl State {
    /// Whether `s` is this state's code, one of its other codes or its name.
    pub fn is_named(&self, s: &str) -> bool {
        let s = s.trim();
        self.code.eq_ignore_ascii_case(s)
            || self.name.eq_ignore_ascii_case(s)
            || self.other_codes.iter().any(|c| c.eq_ignore_ascii_case(s))
    }
}

/// Which employees a minimum wage class covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum WageClass {
    /// Every clerical employee, whatever their schooling.
    Any,
    /// Matriculates (and 12th pass) who are not graduates.
    Matric,
    Graduate,
}

impl WageClass {
    pub fn covers(self, e: Education) -> bool {
        match self {
            WageClass::Any => true,
            WageClass::Matric => e == Education::Twelfth,
            WageClass::Graduate => e == Education::Graduate,
        }
    }
}

/// A state's published minimum wage for clerical office work.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MinimumWage {
    /// State code.
    pub state: String,
    /// The employment and class exactly as the notification names them.
    pub published_class: String,
    pub applies_to: WageClass,
    /// Rupees a month (basic and dearness allowance), as published.
    pub monthly: f64,
    /// The date the rate took effect.
    pub effective: String,
    /// Reference id in `data/sources.toml`.
    pub source: String,
}

impl MinimumWage {
    /// The monthly floor in whole rupees (rounded up).
    pub fn floor(&self) -> u32 {
        self.monthly.ceil() as u32
    }
}

/// A region people search by that is bigger than a city.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Region {
    pub id: String,
    pub name: String,
    pub aliases: Vec<String>,
    /// Member city names.
    pub cities: Vec<String>,
    /// Reference id for what the region covers.
    pub source: String,
}

impl Region {
    /// Whether `s` names this region (name or alias, any case).
    pub fn is_named(&self, s: &str) -> bool {
        let s = s.trim();
        self.name.eq_ignore_ascii_case(s) || self.aliases.iter().any(|a| a.eq_ignore_ascii_case(s))
    }

    pub fn contains(&self, city: &City) -> bool {
        self.cities.contains(&city.name)
    }
}

/// A source outside the five seed articles that a fact is checked against.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reference {
    pub id: String,
    pub title: String,
    pub publisher: String,
    pub published: String,
    pub url: String,
    pub gives: String,
}

/// Given names and surnames that go together, and the states where they
/// are local.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NamePool {
    pub id: String,
    /// State codes where these names are local, with how common they are
    /// there relative to the state's other pools.
    pub states: BTreeMap<String, u32>,
    pub given: Vec<String>,
    pub surnames: Vec<String>,
}

impl NamePool {
    /// Whether "given surname" is a pairing from this pool.
    pub fn pairs(&self, full: &str) -> bool {
        full.split_once(' ').is_some_and(|(g, s)| {
            self.given.iter().any(|x| x == g) && self.surnames.iter().any(|x| x == s)
        })
    }
}

fn pipe_list<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    let s = String::deserialize(d)?;
    Ok(s.split('|')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(String::from)
        .collect())
}

fn pipe_functions<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Function>, D::Error> {
    pipe_list(d)?
        .iter()
        .map(|s| s.parse().map_err(serde::de::Error::custom))
        .collect()
}
