//! The deterministic generator behind `data/listings.csv` (and the
//! synthetic listings for benchmarks). Every listing it makes is plausible:
//! its company hires in the role's industries, its salary comes from the
//! role's band for the experience asked, adjusted for city tier and company
//! type, and its dates fall in the weeks before `as_of`.

use jiff::ToSpan;
use jiff::civil::Date;

use super::{
    Benefit, CatalogListing, City, Company, CompanyKind, EmploymentType, Level, Role, Shift,
    WorkMode,
};

/// The date the shipped catalogue's listings are generated against.
pub const CATALOG_AS_OF: Date = jiff::civil::date(2026, 11, 20);
/// How many listings ship.
pub const CATALOG_LISTINGS: usize = 2000;
/// The generator seed for the shipped listings.
pub const CATALOG_SEED: u64 = 2026;

const FIRST_NAMES: &[&str] = &[
    "Aarti", "Anil", "Deepa", "Farhan", "Gurpreet", "Harish", "Imran", "Jyoti", "Kavya", "Lakshmi",
    "Manoj", "Neha", "Pooja", "Rahul", "Sandeep", "Shalini", "Sunita", "Tarun", "Usha", "Vikram",
    "Anjali", "Rohit", "Sneha", "Arjun", "Meera", "Nitin", "Priya", "Ravi", "Swati", "Zoya",
];
const LAST_NAMES: &[&str] = &[
    "Sharma", "Iyer", "Patil", "Khan", "Singh", "Reddy", "Nair", "Das", "Mehta", "Kulkarni",
    "Joshi", "Menon", "Gupta", "Bose", "Chauhan", "Rao", "Pillai", "Verma", "Shetty", "Ansari",
];

/// The inputs a generator draws from.
pub struct Sources<'a> {
    pub roles: &'a [Role],
    pub companies: &'a [Company],
    pub cities: &'a [City],
}

/// Makes listings one at a time, deterministically from a seed.
pub struct Generator<'a> {
    src: Sources<'a>,
    rng: fastrand::Rng,
    as_of: Date,
    /// Cumulative role weights (demand).
    role_cdf: Vec<u32>,
    /// Cumulative city weights (by tier).
    city_cdf: Vec<u32>,
    /// Companies per role index, the ones in the role's industries.
    role_companies: Vec<Vec<usize>>,
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

fn round500(x: f64) -> u32 {
    ((x / 500.0).round() * 500.0) as u32
}

impl<'a> Generator<'a> {
    pub fn new(src: Sources<'a>, seed: u64, as_of: Date, first_id: i64) -> Generator<'a> {
        let role_cdf = cdf(src.roles.iter().map(|r| u32::from(r.demand)));
        let city_cdf = cdf(src.cities.iter().map(|c| match c.tier {
            1 => 6,
            2 => 3,
            _ => 2,
        }));
        let role_companies = src
            .roles
            .iter()
            .map(|r| {
                let fits: Vec<usize> = src
                    .companies
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| r.industries.contains(&c.industry))
                    .map(|(i, _)| i)
                    .collect();
                if fits.is_empty() {
                    (0..src.companies.len()).collect()
                } else {
                    fits
                }
            })
            .collect();
        Generator {
            src,
            rng: fastrand::Rng::with_seed(seed),
            as_of,
            role_cdf,
            city_cdf,
            role_companies,
            next_id: first_id,
            descriptions: true,
        }
    }

    fn pick_weighted(rng: &mut fastrand::Rng, cdf: &[u32]) -> usize {
        let total = cdf.last().copied().unwrap_or(1);
        let x = rng.u32(0..total);
        cdf.partition_point(|&c| c <= x)
    }

    fn chance(&mut self, p: f64) -> bool {
        self.rng.f64() < p
    }

    fn pick<'b, T>(&mut self, items: &'b [T]) -> &'b T {
        &items[self.rng.usize(0..items.len())]
    }

    /// The synthetic listings of `db synth` and the benchmarks: the
    /// catalogue's roles, companies and cities, no descriptions.
    pub fn synthetic(
        cat: &'a super::Catalog,
        seed: u64,
        as_of: Date,
        first_id: i64,
    ) -> Generator<'a> {
        Generator::new(
            Sources {
                roles: &cat.roles,
                companies: &cat.companies,
                cities: &cat.cities,
            },
            seed,
            as_of,
            first_id,
        )
        .without_descriptions()
    }

    /// Leaves descriptions short (a sentence naming the role and place),
    /// for millions of synthetic listings.
    pub fn without_descriptions(mut self) -> Self {
        self.descriptions = false;
        self
    }

    /// The next listing.
    pub fn next_listing(&mut self) -> CatalogListing {
        let id = self.next_id;
        self.next_id += 1;
        let (roles, companies, cities) = (self.src.roles, self.src.companies, self.src.cities);
        let role_ix = Self::pick_weighted(&mut self.rng, &self.role_cdf);
        let role = &roles[role_ix];
        let company_ix = {
            let fits = &self.role_companies[role_ix];
            fits[self.rng.usize(0..fits.len())]
        };
        let company = &companies[company_ix];
        let city = if self.chance(0.3) {
            cities
                .iter()
                .find(|c| c.name == company.hq_city)
                .unwrap_or(&cities[0])
        } else {
            &cities[Self::pick_weighted(&mut self.rng, &self.city_cdf)]
        };

        // experience level: earlier levels are advertised more often
        let weights: Vec<u32> = role
            .bands
            .iter()
            .map(|b| match b.level {
                Level::Fresher => 5,
                Level::Junior => 4,
                Level::Mid => 3,
                Level::Senior => 1,
            })
            .collect();
        let total: u32 = weights.iter().sum();
        let mut x = self.rng.u32(0..total.max(1));
        let mut band = &role.bands[0];
        for (b, w) in role.bands.iter().zip(&weights) {
            if x < *w {
                band = b;
                break;
            }
            x -= w;
        }
        let (exp_min, exp_max) = match band.level {
            Level::Fresher => (0, self.rng.u8(0..=2)),
            Level::Junior => (1, self.rng.u8(2..=3)),
            Level::Mid => (self.rng.u8(2..=3), self.rng.u8(4..=6)),
            Level::Senior => (5, self.rng.u8(8..=12)),
        };

        let tier_factor = match city.tier {
            1 => 1.1,
            2 => 1.0,
            _ => 0.88,
        };
        let kind_factor = match company.kind {
            CompanyKind::Mnc => 1.1,
            CompanyKind::Startup => 1.05,
            CompanyKind::Sme => 0.9,
            _ => 1.0,
        };
        let jitter = 0.92 + self.rng.f64() * 0.16;
        let f = tier_factor * kind_factor * jitter;
        let (bmin, bmax) = (f64::from(band.min.0) * f, f64::from(band.max.0) * f);
        // a listing advertises a part of the band, rarely all of it
        let lo = bmin + (bmax - bmin) * self.rng.f64() * 0.35;
        let hi = bmax - (bmax - bmin) * self.rng.f64() * 0.35;
        let salary_min = round500(lo).max(8_000);
        let salary_max = round500(hi).max(salary_min + 1_000);

        let r = self.rng.f64();
        let work_mode = if r < role.remote_share * 0.45 {
            WorkMode::Remote
        } else if r < role.remote_share {
            WorkMode::Hybrid
        } else {
            WorkMode::Office
        };
        let r = self.rng.f64();
        let shift = if r < role.night_shift_share * 0.5 {
            Shift::Night
        } else if r < role.night_shift_share {
            Shift::Rotational
        } else if r < role.night_shift_share + 0.08 {
            Shift::Flexible
        } else {
            Shift::Day
        };
        let r = self.rng.f64();
        let employment_type = if band.level == Level::Fresher && r < 0.05 {
            EmploymentType::Internship
        } else if r < 0.80 {
            EmploymentType::FullTime
        } else if r < 0.90 {
            EmploymentType::Contract
        } else if r < 0.95 {
            EmploymentType::PartTime
        } else {
            EmploymentType::Temporary
        };

        let title = self.title(role, company, band.level, work_mode, shift, employment_type);
        let skills = self.skills(role);
        let languages = self.languages(city);
        let benefits = self.benefits(company.kind, shift);
        let openings = match self.rng.u32(0..100) {
            0..=49 => 1,
            50..=84 => self.rng.u32(2..=5),
            _ => self.rng.u32(6..=20),
        };
        let age_days = (60.0 * self.rng.f64().powf(1.6)) as i64;
        let posted = self
            .as_of
            .checked_sub(age_days.days())
            .unwrap_or(self.as_of);
        let description = if self.descriptions {
            self.description(role, company, city, work_mode, employment_type)
        } else {
            format!("Synthetic listing: {} in {}.", role.title, city.name)
        };
        let first = *self.pick(FIRST_NAMES);
        let last = *self.pick(LAST_NAMES);
        let company_slug = slug(&company.name);
        CatalogListing {
            id,
            title,
            role: role.id.clone(),
            company_id: company.id,
            city_id: city.id,
            work_mode,
            employment_type,
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

    fn title(
        &mut self,
        role: &Role,
        company: &Company,
        level: Level,
        mode: WorkMode,
        shift: Shift,
        emp: EmploymentType,
    ) -> String {
        let base = if self.chance(0.4) || role.title_variants.is_empty() {
            role.title.clone()
        } else {
            self.pick(&role.title_variants).clone()
        };
        let lower = base.to_lowercase();
        let mut t = if emp == EmploymentType::Internship {
            format!("{base} Trainee")
        } else if level == Level::Senior
            && !["senior", "manager", "officer", "lead", "head", "accountant"]
                .iter()
                .any(|w| lower.contains(w))
        {
            format!("Senior {base}")
        } else {
            base
        };
        if mode == WorkMode::Remote && self.chance(0.5) {
            t.push_str(" - Work from Home");
        } else if shift == Shift::Night && self.chance(0.5) {
            t.push_str(" (Night Shift)");
        }
        if company.kind == CompanyKind::PsuGovernment
            && let Some(hi) = &role.title_hi
            && self.chance(0.6)
        {
            t = format!("{t} / {hi}");
        }
        t
    }

    fn skills(&mut self, role: &Role) -> Vec<String> {
        let mut out: Vec<String> = role.skills.iter().take(2).cloned().collect();
        let rest: Vec<&String> = role.skills.iter().skip(2).collect();
        let want = self.rng.usize(3..=6);
        for s in rest {
            if out.len() >= want {
                break;
            }
            if self.chance(0.6) {
                out.push(s.clone());
            }
        }
        if self.chance(0.2) {
            let extra = *self.pick(&["Excel", "Typing", "English Communication", "MS Office"]);
            if !out.iter().any(|s| s == extra) {
                out.push(extra.to_string());
            }
        }
        out
    }

    fn languages(&mut self, city: &City) -> Vec<String> {
        let mut out = vec!["English".to_string()];
        let hindi_p = if city.language == "Hindi" { 0.7 } else { 0.3 };
        if self.chance(hindi_p) {
            out.push("Hindi".to_string());
        }
        if city.language != "Hindi" && self.chance(0.45) {
            out.push(city.language.clone());
        }
        out
    }

    fn benefits(&mut self, kind: CompanyKind, shift: Shift) -> Vec<Benefit> {
        let (pf, health) = match kind {
            CompanyKind::Mnc => (0.95, 0.9),
            CompanyKind::PsuGovernment => (1.0, 0.8),
            CompanyKind::IndianPrivate => (0.85, 0.55),
            CompanyKind::Startup => (0.6, 0.7),
            CompanyKind::Sme => (0.5, 0.3),
        };
        let night = matches!(shift, Shift::Night | Shift::Rotational);
        let mut out = Vec::new();
        for (b, p) in [
            (Benefit::Pf, pf),
            (Benefit::HealthInsurance, health),
            (Benefit::Bonus, 0.35),
            (Benefit::PaidLeave, 0.7),
            (Benefit::Overtime, if night { 0.4 } else { 0.15 }),
            (Benefit::Transport, if night { 0.75 } else { 0.05 }),
        ] {
            if self.chance(p) {
                out.push(b);
            }
        }
        out
    }

    fn description(
        &mut self,
        role: &Role,
        company: &Company,
        city: &City,
        mode: WorkMode,
        emp: EmploymentType,
    ) -> String {
        let place = match mode {
            WorkMode::Office => format!("at our {} office", city.name),
            WorkMode::Hybrid => {
                format!("from our {} office, part of the week from home", city.name)
            }
            WorkMode::Remote => format!("from home (candidates near {} preferred)", city.name),
        };
        let n = role.responsibilities.len();
        let a = self.rng.usize(0..n.max(1));
        let b = (a + 1 + self.rng.usize(0..n.saturating_sub(1).max(1))) % n.max(1);
        let duties = if n == 0 {
            String::new()
        } else if a == b {
            role.responsibilities[a].clone()
        } else {
            format!("{} {}", role.responsibilities[a], role.responsibilities[b])
        };
        let article = if role.title.starts_with(['A', 'E', 'I', 'O', 'U']) {
            "an"
        } else {
            "a"
        };
        format!(
            "{} We need {article} {} ({}) to work {place}. {duties}",
            company.blurb,
            role.title,
            emp.label().to_lowercase(),
        )
    }
}

/// The shipped `data/listings.csv`, as the generator makes it.
pub fn catalog_listings_csv() -> Result<String, super::CatalogError> {
    let c = super::Catalog::embedded_without_listings()?;
    let mut g = Generator::new(
        Sources {
            roles: &c.roles,
            companies: &c.companies,
            cities: &c.cities,
        },
        CATALOG_SEED,
        CATALOG_AS_OF,
        1,
    );
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
        let src = || Sources {
            roles: &c.roles,
            companies: &c.companies,
            cities: &c.cities,
        };
        let mut a = Generator::new(src(), 7, CATALOG_AS_OF, 1);
        let mut b = Generator::new(src(), 7, CATALOG_AS_OF, 1);
        for _ in 0..50 {
            assert_eq!(a.next_listing(), b.next_listing());
        }
    }

    #[test]
    fn listings_are_consistent_with_their_role_and_company() {
        let c = Catalog::embedded_without_listings().expect("catalog");
        let mut g = Generator::new(
            Sources {
                roles: &c.roles,
                companies: &c.companies,
                cities: &c.cities,
            },
            11,
            CATALOG_AS_OF,
            1,
        );
        for _ in 0..500 {
            let l = g.next_listing();
            let role = c.role(&l.role).expect("role exists");
            let company = c
                .companies
                .iter()
                .find(|x| x.id == l.company_id)
                .expect("company");
            assert!(role.industries.contains(&company.industry), "{l:?}");
            assert!(l.salary_min < l.salary_max);
            assert!(l.exp_min <= l.exp_max);
            assert!(l.posted <= CATALOG_AS_OF);
            assert!(l.skills.iter().take(2).all(|s| role.skills.contains(s)));
            assert!(l.contact_email.ends_with(".example.com"));
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
