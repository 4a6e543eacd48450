//! The deterministic generator behind `data/listings.csv` (and the
//! synthetic listings for benchmarks). It follows the catalogue's facts
//! so that every listing holds together:
//!
//! - the employer has a function the role works in (`data/hiring.toml`,
//!   the `functions` column of `data/companies.csv`), is in one of the
//!   role's industries and is big enough for the post;
//! - the city is one of the employer's offices, so regional employers
//!   hire only in their region; a company's listings and openings are
//!   bounded by its size;
//! - the experience asked starts at the role's minimum and the level of a
//!   band the role has; the title's seniority words agree with both;
//! - night and rotational shifts only where the employer runs round the
//!   clock and the role works shifts; remote or hybrid only for roles
//!   that can be done away from the desk, never at government or
//!   cooperative employers; temporary, part-time and internship terms
//!   only for roles offered on them;
//! - pay is a part of the band, moved for city tier and employer kind,
//!   never below the state's clerical minimum wage; internships pay a
//!   stipend;
//! - the contact's name fits the place.

mod fields;
mod pay;
mod people;
mod rules;
mod titles;

pub use pay::{PART_TIME_SHARE, STIPEND_MAX, STIPEND_MIN};
pub use rules::{
    FLOOR_FUNCTIONS, NIGHT_FLOOR_FUNCTIONS, can_post, has_floor, has_night_floor, remote_allowed,
    shared_function, shifts_allowed,
};
pub use titles::{Seniority, fits as title_fits, seniority};

use jiff::ToSpan;
use jiff::civil::Date;

use super::{
    Catalog, CatalogListing, City, CompanyKind, CompanyProfile, EmploymentType, Hiring, Level,
    SizeBand,
};
use people::People;

/// The date the shipped catalogue's listings are generated against.
pub const CATALOG_AS_OF: Date = jiff::civil::date(2026, 11, 20);
/// How many listings ship.
pub const CATALOG_LISTINGS: usize = 2000;
/// The generator seed for the shipped listings.
pub const CATALOG_SEED: u64 = 2026;

/// The most openings one listing offers for a role not hired in batches.
pub const MAX_OPENINGS_NOT_BULK: u32 = 3;

/// A role is worked fully from home only if at least this share of its
/// listings are away from the office; below it, hybrid at most.
const FULLY_REMOTE_SHARE: f64 = 0.2;

/// Makes listings one at a time, deterministically from a seed.
pub struct Generator<'a> {
    cat: &'a Catalog,
    rng: fastrand::Rng,
    as_of: Date,
    /// Cumulative role weights (demand).
    role_cdf: Vec<u32>,
    /// How each role is hired, by role index.
    hiring: Vec<Option<&'a Hiring>>,
    /// What each company does, by company index.
    profiles: Vec<Option<&'a CompanyProfile>>,
    /// The companies that can post each role, by role index.
    role_companies: Vec<Vec<usize>>,
    /// Cumulative size weights over `role_companies`, by role index.
    role_company_cdf: Vec<Vec<u32>>,
    /// The title variants each role's listings may use (indices, with
    /// their seniority), by role index.
    titles: Vec<Vec<(usize, Seniority)>>,
    /// The seniority of each role's own title.
    title_rank: Vec<Seniority>,
    /// Office cities (indices into the cities) of each company.
    offices: Vec<Vec<usize>>,
    /// Listings made so far, by company index.
    made: Vec<usize>,
    /// The most listings each company may have, when bounded.
    caps: Option<Vec<usize>>,
    people: People<'a>,
    next_id: i64,
    /// Write a description for each listing (off for bulk synthetic data).
    descriptions: bool,
}

fn cdf(weights: impl Iterator<Item = u32>) -> Vec<u32> {
    let mut total = 0;
    weights
        .map(|w| {
            total += w.max(1);
            total
        })
        .collect()
}

fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// The (min, max) years asked at a level, for a role hiring from
/// `min_years`, from two random numbers.
fn experience(level: Level, min_years: u8, rng: &mut fastrand::Rng) -> (u8, u8) {
    match level {
        Level::Fresher => (0, rng.u8(0..=1)),
        Level::Junior => (1, rng.u8(2..=3)),
        Level::Mid => {
            let lo = min_years.max(2);
            (lo, lo + rng.u8(2..=3))
        }
        Level::Senior => {
            let lo = min_years.max(5) + rng.u8(0..=2);
            (lo, lo + rng.u8(3..=6))
        }
    }
}

/// By role, the companies that may post it (every company when none fits).
fn role_companies(
    cat: &Catalog,
    hiring: &[Option<&Hiring>],
    profiles: &[Option<&CompanyProfile>],
) -> Vec<Vec<usize>> {
    cat.roles
        .iter()
        .zip(hiring)
        .map(|(r, h)| {
            let fits: Vec<usize> = cat
                .companies
                .iter()
                .zip(profiles)
                .enumerate()
                .filter(|(_, (c, p))| can_post(r, *h, c, **p))
                .map(|(i, _)| i)
                .collect();
            if fits.is_empty() {
                (0..cat.companies.len()).collect()
            } else {
                fits
            }
        })
        .collect()
}

/// By company, the cities it has offices in (else its head office's city,
/// else the first city).
fn offices(cat: &Catalog, profiles: &[Option<&CompanyProfile>]) -> Vec<Vec<usize>> {
    let city_ix = |name: &str| cat.cities.iter().position(|c| c.name == name);
    cat.companies
        .iter()
        .zip(profiles)
        .map(|(c, p)| {
            let mut v: Vec<usize> = p
                .map(|p| p.offices.iter().filter_map(|o| city_ix(o)).collect())
                .unwrap_or_default();
            if v.is_empty() {
                v.extend(city_ix(&c.hq_city));
            }
            if v.is_empty() {
                v.push(0);
            }
            v
        })
        .collect()
}

/// By role, the title variants it is posted under (those its hiring rules
/// do not skip), with their seniority.
fn posted_titles(cat: &Catalog, hiring: &[Option<&Hiring>]) -> Vec<Vec<(usize, Seniority)>> {
    cat.roles
        .iter()
        .zip(hiring)
        .map(|(r, h)| {
            r.title_variants
                .iter()
                .enumerate()
                .filter(|(_, t)| !h.is_some_and(|h| h.skip_titles.contains(t)))
                .map(|(i, t)| (i, titles::seniority(t)))
                .collect()
        })
        .collect()
}

impl<'a> Generator<'a> {
    /// A generator over the catalogue's roles, companies and cities,
    /// with no bound on listings per company (see [`Generator::bounded`]).
    pub fn new(cat: &'a Catalog, seed: u64, as_of: Date, first_id: i64) -> Generator<'a> {
        let role_cdf = cdf(cat.roles.iter().map(|r| u32::from(r.demand)));
        let hiring: Vec<Option<&Hiring>> = cat.roles.iter().map(|r| cat.hiring(&r.id)).collect();
        let profiles: Vec<Option<&CompanyProfile>> =
            cat.companies.iter().map(|c| cat.profile(c.id)).collect();
        let role_companies = role_companies(cat, &hiring, &profiles);
        let role_company_cdf = role_companies
            .iter()
            .map(|fits| {
                cdf(fits
                    .iter()
                    .map(|&c| profiles[c].map_or(1, |p| p.size.weight())))
            })
            .collect();
        let offices = offices(cat, &profiles);
        let titles = posted_titles(cat, &hiring);
        let title_rank = cat
            .roles
            .iter()
            .map(|r| titles::seniority(&r.title))
            .collect();
        Generator {
            cat,
            titles,
            title_rank,
            rng: fastrand::Rng::with_seed(seed),
            as_of,
            role_cdf,
            hiring,
            profiles,
            role_companies,
            role_company_cdf,
            offices,
            made: vec![0; cat.companies.len()],
            caps: None,
            people: People::new(&cat.names, &cat.cities),
            next_id: first_id,
            descriptions: true,
        }
    }

    /// Bounds each company's listings by its size, for a catalogue of
    /// `total` listings.
    pub fn bounded(mut self, total: usize) -> Self {
        self.caps = Some(
            self.profiles
                .iter()
                .map(|p| p.map_or(SizeBand::Micro, |p| p.size).max_listings(total))
                .collect(),
        );
        self
    }

    /// The synthetic listings of `db synth` and the benchmarks: the
    /// catalogue's roles, companies and cities, no descriptions.
    pub fn synthetic(cat: &'a Catalog, seed: u64, as_of: Date, first_id: i64) -> Generator<'a> {
        Generator::new(cat, seed, as_of, first_id).without_descriptions()
    }

    /// Leaves descriptions short (a sentence naming the role and place),
    /// for millions of synthetic listings.
    pub fn without_descriptions(mut self) -> Self {
        self.descriptions = false;
        self
    }

    fn pick_weighted(rng: &mut fastrand::Rng, cdf: &[u32]) -> usize {
        let total = cdf.last().copied().unwrap_or(1);
        let x = rng.u32(0..total);
        cdf.partition_point(|&c| c <= x)
    }

    fn chance(&mut self, p: f64) -> bool {
        self.rng.f64() < p
    }

    fn has_room(&self, company: usize) -> bool {
        self.caps
            .as_ref()
            .is_none_or(|caps| self.made[company] < caps[company])
    }

    /// A role and an employer for it with room for another listing.
    fn role_and_company(&mut self) -> (usize, usize) {
        if self.caps.is_none() {
            // unbounded (synthetic data): no need to look at what is left
            let role = Self::pick_weighted(&mut self.rng, &self.role_cdf);
            let at = Self::pick_weighted(&mut self.rng, &self.role_company_cdf[role]);
            return (role, self.role_companies[role][at]);
        }
        let mut last = (0, 0);
        for _ in 0..64 {
            let role = Self::pick_weighted(&mut self.rng, &self.role_cdf);
            let fits: Vec<usize> = self.role_companies[role]
                .iter()
                .copied()
                .filter(|&c| self.has_room(c))
                .collect();
            if fits.is_empty() {
                last = (role, self.role_companies[role][0]);
                continue;
            }
            let weights = cdf(fits
                .iter()
                .map(|&c| self.profiles[c].map_or(1, |p| p.size.weight())));
            let company = fits[Self::pick_weighted(&mut self.rng, &weights)];
            return (role, company);
        }
        last
    }

    /// The office a listing is at: the headquarters posts more than the
    /// other offices.
    fn office(&mut self, company_ix: usize) -> usize {
        let n = self.offices[company_ix].len();
        let at = if n == 1 || self.chance(0.35) {
            0
        } else {
            self.rng.usize(0..n)
        };
        self.offices[company_ix][at]
    }

    /// The monthly pay offered, from the band, the city's tier, the employer
    /// and the minimum wage where the role's education has one.
    fn pay(
        &mut self,
        band: &super::Band,
        hiring: Option<&Hiring>,
        city: &City,
        kind: CompanyKind,
        employment: EmploymentType,
    ) -> (u32, u32) {
        let floor =
            hiring.and_then(|h| self.cat.minimum_wage(city, h.education).map(|w| w.floor()));
        let r = [self.rng.f64(), self.rng.f64(), self.rng.f64()];
        pay::salary(
            &pay::PayInput {
                band,
                tier: city.tier,
                kind,
                employment,
                floor,
            },
            r,
        )
    }

    /// The posting date: up to 60 days before the catalogue's date, most
    /// of them recent.
    fn posted(&mut self) -> Date {
        let age_days = (60.0 * self.rng.f64().powf(1.6)) as i64;
        self.as_of
            .checked_sub(age_days.days())
            .unwrap_or(self.as_of)
    }

    /// The next listing.
    pub fn next_listing(&mut self) -> CatalogListing {
        let id = self.next_id;
        self.next_id += 1;
        let cat = self.cat;
        let (role_ix, company_ix) = self.role_and_company();
        self.made[company_ix] += 1;
        let role = &cat.roles[role_ix];
        let hiring = self.hiring[role_ix];
        let company = &cat.companies[company_ix];
        let profile = self.profiles[company_ix];
        let city_ix = self.office(company_ix);
        let city = &cat.cities[city_ix];
        let min_years = hiring.map_or(0, |h| h.min_years);

        let band = self.band(role, profile.map(|p| p.size));
        let emp = self.employment(band.level, hiring, profile.map(|p| p.size));
        let (exp_min, exp_max) = if emp == EmploymentType::Internship {
            (0, 0)
        } else {
            experience(band.level, min_years, &mut self.rng)
        };

        let work_mode = self.work_mode(role, company.kind, emp);
        let shift = self.shift(role, hiring, profile, work_mode, emp, company.kind);
        let (salary_min, salary_max) = self.pay(band, hiring, city, company.kind, emp);

        let title = self.title(
            role_ix,
            company,
            city,
            band.level,
            (exp_min, exp_max),
            work_mode,
            shift,
            emp,
        );
        let skills = self.skills(role, hiring, city);
        let languages = self.languages(city, &skills);
        let benefits = self.benefits(company.kind, shift, emp, work_mode);
        // batches of openings only for batch-hired roles on a processing floor
        let batch = hiring.is_some_and(|h| h.bulk) && profile.is_some_and(has_floor);
        let openings = self.openings(profile.map(|p| p.size), band.level, min_years, emp, batch);
        let posted = self.posted();
        let description = if self.descriptions {
            self.description(role, company, city, work_mode, shift, emp)
        } else {
            format!("Synthetic listing: {} in {}.", role.title, city.name)
        };
        let (first, last) = self.people.name(&mut self.rng, city_ix, city.tier == 1);
        let company_slug = slug(&company.name);
        CatalogListing {
            id,
            title,
            role: role.id.clone(),
            company_id: company.id,
            city_id: city.id,
            work_mode,
            employment_type: emp,
            shift,
            exp_min,
            exp_max,
            salary_min,
            salary_max,
            skills,
            languages,
            benefits: benefits.iter().map(|b| b.id().to_string()).collect(),
            openings,
            posted,
            description,
            contact_name: format!("{first} {last} (HR)"),
            contact_phone: format!("+91 00000 {:05}", id % 100_000),
            contact_email: format!(
                "{}.{}@{company_slug}.example.com",
                first.to_lowercase(),
                last.to_lowercase()
            ),
            apply_url: format!("https://{company_slug}.example.com/jobs/{id}"),
        }
    }
}

/// The shipped `data/listings.csv`, as the generator makes it.
pub fn catalog_listings_csv() -> Result<String, super::CatalogError> {
    let c = super::Catalog::embedded_without_listings()?;
    let mut g = Generator::new(&c, CATALOG_SEED, CATALOG_AS_OF, 1).bounded(CATALOG_LISTINGS);
    let mut w = csv::Writer::from_writer(Vec::new());
    let err = |e: &dyn std::fmt::Display| super::CatalogError {
        file: super::LISTINGS.path.to_string(),
        message: e.to_string(),
    };
    for _ in 0..CATALOG_LISTINGS {
        w.serialize(g.next_listing()).map_err(|e| err(&e))?;
    }
    let bytes = w.into_inner().map_err(|e| err(&e))?;
    String::from_utf8(bytes).map_err(|e| err(&e))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;

    #[test]
    fn same_seed_same_listings() {
        let c = Catalog::embedded_without_listings().expect("catalog");
        let mut a = Generator::new(&c, 7, CATALOG_AS_OF, 1);
        let mut b = Generator::new(&c, 7, CATALOG_AS_OF, 1);
        for _ in 0..50 {
            assert_eq!(a.next_listing(), b.next_listing());
        }
    }

    #[test]
    fn listings_are_consistent_with_their_role_and_company() {
        let c = Catalog::embedded_without_listings().expect("catalog");
        let mut g = Generator::new(&c, 11, CATALOG_AS_OF, 1);
        for _ in 0..500 {
            let l = g.next_listing();
            let role = c.role(&l.role).expect("role exists");
            let company = c.company(l.company_id).expect("company");
            let p = c.profile(l.company_id).expect("profile");
            let h = c.hiring(&l.role).expect("hiring");
            assert!(role.industries.contains(&company.industry), "{l:?}");
            assert!(shared_function(h, p).is_some(), "{l:?}");
            let city = c.city(l.city_id).expect("city");
            assert!(p.offices.contains(&city.name), "{l:?}");
            assert!(l.salary_min < l.salary_max);
            assert!(l.exp_min <= l.exp_max);
            assert!(l.exp_min >= h.min_years || l.employment_type == EmploymentType::Internship);
            assert!(l.posted <= CATALOG_AS_OF);
            assert!(l.contact_email.ends_with(".example.com"));
        }
    }

    #[test]
    fn bounded_generators_keep_to_company_sizes() {
        let c = Catalog::embedded_without_listings().expect("catalog");
        let mut g = Generator::new(&c, 3, CATALOG_AS_OF, 1).bounded(400);
        let mut per = std::collections::HashMap::new();
        for _ in 0..400 {
            *per.entry(g.next_listing().company_id).or_insert(0usize) += 1;
        }
        for (id, n) in per {
            let p = c.profile(id).expect("profile");
            assert!(n <= p.size.max_listings(400), "company {id}: {n}");
        }
    }

    #[test]
    fn slugs() {
        assert_eq!(
            slug("Sahyadri Finserv Pvt. Ltd."),
            "sahyadri-finserv-pvt-ltd"
        );
    }
}
