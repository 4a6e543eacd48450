//! The embedded catalogue: complete, consistent, and faithful to the seeds.

use std::collections::HashSet;

use backdesk::catalog::{Catalog, CompanyKind, FigurePeriod, Industry, generate};

fn catalog() -> Catalog {
    Catalog::embedded().expect("the embedded catalogue loads")
}

#[test]
fn has_no_problems() {
    assert_eq!(catalog().problems(), Vec::<String>::new());
}

#[test]
fn sizes_meet_the_brief() {
    let c = catalog();
    assert!(c.categories.len() >= 6);
    assert!(c.roles.len() >= 30, "{} roles", c.roles.len());
    assert!(c.cities.len() >= 25);
    assert!(c.companies.len() >= 60);
    assert!(c.listings.len() >= 1500);
}

/// Every role the seed articles name, and the department it belongs in.
#[test]
fn every_role_named_in_the_seeds_is_in_its_department() {
    let c = catalog();
    let expect = [
        ("data-entry-specialist", "admin"),
        ("administrative-assistant", "admin"),
        ("document-processor", "admin"),
        ("back-office-executive", "admin"),
        ("accounts-payable-clerk", "finance"),
        ("accounts-receivable-clerk", "finance"),
        ("bookkeeper", "finance"),
        ("accounts-assistant", "finance"),
        ("payroll-specialist", "finance"),
        ("financial-operations-executive", "finance"),
        ("hr-assistant", "hr"),
        ("hr-operations-specialist", "hr"),
        ("hr-executive", "hr"),
        ("it-support-specialist", "it"),
        ("data-manager", "it"),
        ("system-administrator", "it"),
        ("data-analyst", "it"),
        ("operations-coordinator", "operations"),
        ("supply-chain-executive", "operations"),
        ("order-processor", "operations"),
        ("mis-executive", "operations"),
        ("back-office-operations-manager", "operations"),
        ("compliance-assistant", "compliance"),
        ("risk-analyst", "compliance"),
        ("non-voice-process-associate", "bpo"),
        ("team-leader", "bpo"),
        ("banking-operations-executive", "banking"),
    ];
    for (id, cat) in expect {
        let r = c.role(id).unwrap_or_else(|| panic!("role {id} is missing"));
        assert_eq!(r.category, cat, "{id}");
        assert!(
            !r.named_in.is_empty(),
            "{id} should cite the article naming it"
        );
    }
    let names: Vec<&str> = c.categories.iter().map(|c| c.name.as_str()).collect();
    for dept in [
        "Administrative Support",
        "Finance and Accounting",
        "HR Support",
        "IT and Technical Support",
        "Operations and Logistics",
        "Compliance and Risk Management",
    ] {
        assert!(names.contains(&dept), "{dept}");
    }
}

#[test]
fn every_role_is_complete() {
    let c = catalog();
    for r in &c.roles {
        assert!(r.summary.len() >= 60, "{}", r.id);
        assert!(r.responsibilities.len() >= 4, "{}", r.id);
        assert!(r.skills.len() >= 4, "{}", r.id);
        assert!(!r.qualifications.is_empty(), "{}", r.id);
        assert!(!r.industries.is_empty(), "{}", r.id);
        // a band for each level from the one the role hires at (the
        // catalogue's problems() checks they are consecutive and rising);
        // only roles hiring from 5+ years have a single band
        let h = c.hiring(&r.id).expect("hiring");
        assert!(r.bands.len() >= 2 || h.min_years >= 5, "{}", r.id);
        assert!(!h.functions.is_empty(), "{}", r.id);
    }
}

/// The articles' figures are stored exactly as published.
#[test]
fn market_figures_are_as_published() {
    let c = catalog();
    let find = |source: &str, min: u64, max: u64| {
        c.figures
            .iter()
            .find(|f| f.source == source && f.min == min && f.max == max)
            .unwrap_or_else(|| panic!("{source} {min}-{max} missing"))
    };
    assert_eq!(
        find("jobhai-2025", 10_000, 18_000).period,
        FigurePeriod::Month
    );
    assert_eq!(
        find("jobhai-2025", 18_000, 25_000).period,
        FigurePeriod::Month
    );
    assert!(find("jobhai-2025", 25_000, 40_000).open_ended);
    assert_eq!(find("nediaz", 250_000, 450_000).period, FigurePeriod::Year);
    find("nediaz", 450_000, 800_000);
    assert!(find("nediaz", 800_000, 1_500_000).open_ended);
    assert!(find("nediaz", 1_500_000, 2_000_000).open_ended);
    assert_eq!(
        find("jobhai-2022", 200_000, 200_000).period,
        FigurePeriod::Year
    );
    find("jobhai-2022", 13_765, 15_226);
}

/// `published` is the article's text exactly, quoted here from the seeds
/// (the Job Hai table separates two rows' labels with a no-break space and
/// prints none before the first ₹ of the "1-2 Years" row); a range the
/// article does not give is marked inferred.
#[test]
fn market_strings_are_verbatim_and_inferences_are_marked() {
    let c = catalog();
    let want = [
        "Fresher\u{a0}10,000 to ₹18,000 per month",
        "1-2 Years Of Experience₹18,000 to ₹25,000 per month",
        "Experienced Professionals\u{a0}₹25,000 to ₹40,000+ per month",
        "Basic Jobs (0-2 years): Jobs such as Data Entry Worker, Admin Helper, or New HR Helper often get ₹2.5–₹4.5 lakhs each year.",
        "Mid Jobs (2-5 years): Spots like Account Worker, Help with Ops, or IT Help Guy can make ₹4.5–₹8 lakhs a year.",
        "Top Jobs (5+ years): Big jobs such as Money Counter, Salary Boss, or Back Room Group Head might get ₹8–₹15 lakhs or more, mainly in big groups or key parts.",
        "Key Jobs: Very sought jobs like Rule Keepers or Money Ops Checkers in parts like BFSI (banks, cash help, and cover) may get ₹15–₹20 lakhs or more with lots of know-how.",
        "The average annual salary of a back office executive is 2,00,000 per annum.",
        "anywhere between 13,765 to ₹15,226 every month",
    ];
    let got: Vec<&str> = c.figures.iter().map(|f| f.published.as_str()).collect();
    assert_eq!(got, want);
    for f in &c.figures {
        let stated = f
            .published
            .to_lowercase()
            .contains(&f.experience.to_lowercase());
        assert!(
            stated || f.experience.ends_with("(inferred)"),
            "{}: experience {:?} is not in the article and not marked inferred",
            f.label,
            f.experience
        );
    }
    assert!(!got.iter().any(|p| p.contains("(BFSI)")));
}

/// Per-role bands stay inside what the articles say the market pays.
#[test]
fn role_bands_are_consistent_with_the_market_figures() {
    for r in catalog().roles {
        for b in &r.bands {
            assert!(b.min.0 >= 8_000, "{} {:?}", r.id, b);
            // nediaz: key BFSI jobs reach 20 LPA "or more"
            assert!(b.max.0 <= 2_000_000 / 12 + 1, "{} {:?}", r.id, b);
        }
        if let Some(f) = r.band(backdesk::catalog::Level::Fresher) {
            // freshers: jobhai-2025 says 10k-18k, nediaz 2.5-4.5 LPA (≤37.5k)
            assert!(f.min.0 <= 22_000 && f.max.0 <= 37_500, "{} {:?}", r.id, f);
        }
    }
}

#[test]
fn companies_cover_every_industry_and_type() {
    let c = catalog();
    for i in Industry::ALL {
        assert!(c.companies.iter().any(|x| x.industry == *i), "{i:?}");
    }
    for k in CompanyKind::ALL {
        assert!(c.companies.iter().any(|x| x.kind == *k), "{k:?}");
    }
}

#[test]
fn listings_look_real_and_fake_where_they_must() {
    let c = catalog();
    let mut roles = HashSet::new();
    let mut cities = HashSet::new();
    for l in &c.listings {
        roles.insert(l.role.as_str());
        cities.insert(l.city_id);
        assert!(
            l.contact_email.ends_with("example.com"),
            "{}",
            l.contact_email
        );
        assert!(l.apply_url.contains("example.com/"), "{}", l.apply_url);
        assert!(
            l.contact_phone.starts_with("+91 00000 "),
            "{}",
            l.contact_phone
        );
        assert!(l.salary_min < l.salary_max);
    }
    assert_eq!(roles.len(), c.roles.len(), "every role has listings");
    assert!(cities.len() >= 25);
}

#[test]
fn the_committed_listings_are_what_the_generator_makes() {
    let fresh = generate::catalog_listings_csv().expect("generate");
    assert!(
        fresh == backdesk::catalog::LISTINGS.text,
        "data/listings.csv is stale: run `cargo run --example gen_catalog > data/listings.csv`"
    );
}

#[test]
fn mumbai_to_pune_is_about_120_km() {
    let c = catalog();
    let city = |n: &str| c.cities.iter().find(|x| x.name == n).expect(n);
    let d = city("Mumbai").distance_km(city("Pune"));
    assert!((110.0..130.0).contains(&d), "{d}");
}
