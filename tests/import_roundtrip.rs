//! Property: what `backdesk search --format json|csv` writes imports back
//! to the same listings (all but id and source, which an import gives).

// Rupee amounts are written the Indian way (2_00_000 is two lakh).
#![allow(clippy::inconsistent_digit_grouping)]

use std::cell::RefCell;
use std::sync::OnceLock;

use backdesk::catalog::{Benefit, EmploymentType, Listing, Shift, WorkMode};
use backdesk::cli::import::listings_csv;
use backdesk::import::{self, InputFormat, Matcher};
use backdesk::money::Rupees;
use backdesk::search::Vocab;
use backdesk::session::load_vocab;
use backdesk::store::Store;
use jiff::civil::{Date, date};
use proptest::prelude::*;

thread_local! {
    static STORE: RefCell<Store> = RefCell::new(Store::open_in_memory().expect("store"));
    static SOURCE_NO: RefCell<u32> = const { RefCell::new(0) };
}

fn vocab() -> &'static Vocab {
    static V: OnceLock<Vocab> = OnceLock::new();
    V.get_or_init(|| STORE.with(|s| load_vocab(&s.borrow()).expect("vocab")))
}

/// Places the catalogue does not have (and no spelling variant of one).
const OTHER_PLACES: &[&str] = &["Nashik", "Nellore", "Ranchi", "Kanpur", "Madurai"];

fn text(re: &'static str) -> impl Strategy<Value = String> {
    proptest::string::string_regex(re)
        .expect("regex")
        .prop_map(|s| s.trim().to_string())
}

prop_compose! {
    fn a_date()(y in 2023i16..=2026, m in 1i8..=12, d in 1i8..=28) -> Date {
        date(y, m, d)
    }
}

#[derive(Debug, Clone)]
struct Seed {
    title: String,
    company: Result<usize, String>,
    city: Result<usize, usize>,
    role: usize,
    mode: usize,
    emp: usize,
    shift: usize,
    exp: (u8, u8),
    salary: (Option<u32>, Option<u32>),
    usd: bool,
    skills: Vec<usize>,
    free_skill: Option<String>,
    languages: Vec<usize>,
    benefits: Vec<usize>,
    openings: u32,
    posted: Date,
    valid_through: Option<Date>,
    description: String,
    contact: (String, String, String),
    url: Option<String>,
}

fn seed() -> impl Strategy<Value = Seed> {
    let v = vocab();
    (
        (
            text("[A-Za-z][A-Za-z0-9 &,'\"./()-]{0,30}[A-Za-z0-9)]"),
            prop_oneof![
                (0..v.companies.len()).prop_map(Ok),
                text("[A-Z][a-z]{2,10} (Traders|Services|Pvt Ltd|& Co)").prop_map(Err),
            ],
            prop_oneof![
                (0..v.cities.len()).prop_map(Ok),
                (0..OTHER_PLACES.len()).prop_map(Err)
            ],
            0..v.roles.len(),
            0..WorkMode::ALL.len(),
            0..EmploymentType::ALL.len(),
            0..Shift::ALL.len(),
            (0u8..=50, 0u8..=50).prop_map(|(a, b)| (a.min(b), a.max(b))),
            (
                proptest::option::of(1_000u32..2_00_000),
                proptest::option::of(1_000u32..2_00_000),
            ),
            any::<bool>(),
        ),
        (
            proptest::sample::subsequence((0..v.skills.len()).collect::<Vec<_>>(), 0..5),
            proptest::option::of(text("zz[a-z]{2,8}")),
            proptest::sample::subsequence(vec![0usize, 1, 2, 3], 0..4),
            proptest::sample::subsequence((0..Benefit::ALL.len()).collect::<Vec<_>>(), 0..3),
            0u32..500,
            a_date(),
            proptest::option::of(a_date()),
            text("[A-Za-z0-9 ,.\"'&<>;:()\n-]{0,80}"),
            (
                text("[A-Za-z .]{0,20}"),
                text("[0-9+ ]{0,14}"),
                text("[a-z.]{0,10}(@example\\.com)?"),
            ),
            proptest::option::of(text("https://jobs\\.example/[a-z0-9]{1,10}")),
        ),
    )
        .prop_map(|(a, b)| Seed {
            title: a.0,
            company: a.1,
            city: a.2,
            role: a.3,
            mode: a.4,
            emp: a.5,
            shift: a.6,
            exp: a.7,
            salary: a.8,
            usd: a.9,
            skills: b.0,
            free_skill: b.1,
            languages: b.2,
            benefits: b.3,
            openings: b.4,
            posted: b.5,
            valid_through: b.6,
            description: b.7,
            contact: b.8,
            url: b.9,
        })
}

/// A listing as the store would return it: every derived field agrees
/// with the catalogue.
fn listing(id: i64, s: &Seed) -> Listing {
    let v = vocab();
    let (company, company_type, industry) = match &s.company {
        Ok(i) => {
            let c = &v.companies[*i];
            (c.name.clone(), Some(c.kind), Some(c.industry))
        }
        Err(name) => (name.clone(), None, None),
    };
    let (city, state) = match s.city {
        Ok(i) => (v.cities[i].name.clone(), Some(v.cities[i].state.clone())),
        Err(i) => (OTHER_PLACES[i].to_string(), None),
    };
    let role = &v.roles[s.role];
    let mut skills: Vec<String> = s.skills.iter().map(|&i| v.skills[i].name.clone()).collect();
    skills.extend(s.free_skill.clone());
    let langs = ["Hindi", "English", "Marathi", "Tamil"];
    let has_salary = s.salary.0.is_some() || s.salary.1.is_some();
    let (lo, hi) = match s.salary {
        (Some(a), Some(b)) => (Some(a.min(b)), Some(a.max(b))),
        other => other,
    };
    Listing {
        id,
        title: s.title.clone(),
        role_id: Some(role.id.clone()),
        role: Some(role.title.clone()),
        category_id: Some(role.category.clone()),
        company,
        company_type,
        industry,
        city,
        state,
        work_mode: WorkMode::ALL[s.mode],
        employment_type: EmploymentType::ALL[s.emp],
        shift: Shift::ALL[s.shift],
        experience_min: s.exp.0,
        experience_max: s.exp.1,
        salary_min: lo.map(Rupees),
        salary_max: hi.map(Rupees),
        currency: if s.usd && has_salary { "USD" } else { "INR" }.to_string(),
        skills,
        languages: s.languages.iter().map(|&i| langs[i].to_string()).collect(),
        benefits: s
            .benefits
            .iter()
            .map(|&i| Benefit::ALL[i].id().to_string())
            .collect(),
        openings: s.openings,
        posted: s.posted,
        valid_through: s.valid_through,
        description: s.description.clone(),
        contact_name: s.contact.0.clone(),
        contact_phone: s.contact.1.clone(),
        contact_email: s.contact.2.clone(),
        apply_url: s.url.clone().unwrap_or_default(),
        source: "catalog".to_string(),
    }
}

/// Imports `text` as a file of `format` into the shared store and reads
/// the listings back, in the file's order.
fn import_back(format: InputFormat, name: &str, text: &str) -> Vec<Listing> {
    let parsed = import::parse(name, format, text.as_bytes()).expect("export parses");
    let source = SOURCE_NO.with(|n| {
        *n.borrow_mut() += 1;
        format!("{}-{name}", n.borrow())
    });
    STORE.with(|s| {
        let mut s = s.borrow_mut();
        let m = Matcher::new(vocab().clone());
        let plan = m.plan(name, &source, parsed, date(2025, 1, 1));
        assert!(plan.skipped.is_empty(), "{:?}", plan.skipped);
        let r = s.upsert_imported(&source, &plan.listings).expect("write");
        let ids: Vec<i64> = r.outcomes.iter().map(|o| o.0).collect();
        s.listings(&ids).expect("read")
    })
}

fn same_but_id_and_source(original: &[Listing], back: Vec<Listing>) -> Result<(), TestCaseError> {
    prop_assert_eq!(original.len(), back.len());
    for (o, mut b) in original.iter().zip(back) {
        b.id = o.id;
        b.source = o.source.clone();
        prop_assert_eq!(o, &b);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn json_export_round_trips(seeds in proptest::collection::vec(seed(), 1..6)) {
        let listings: Vec<Listing> =
            seeds.iter().enumerate().map(|(i, s)| listing(i as i64 + 1, s)).collect();
        let text = serde_json::to_string_pretty(&listings).expect("json") + "\n";
        let back = import_back(InputFormat::Json, "export.json", &text);
        same_but_id_and_source(&listings, back)?;
    }

    #[test]
    fn csv_export_round_trips(seeds in proptest::collection::vec(seed(), 1..6)) {
        let listings: Vec<Listing> =
            seeds.iter().enumerate().map(|(i, s)| listing(i as i64 + 1, s)).collect();
        let text = listings_csv(&listings).expect("csv");
        let back = import_back(InputFormat::Csv, "export.csv", &text);
        same_but_id_and_source(&listings, back)?;
    }

    /// Whatever bytes a file holds, parsing returns (and never panics).
    #[test]
    fn parsing_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        for f in [InputFormat::Json, InputFormat::Csv, InputFormat::Html] {
            let _ = import::parse("any", f, &bytes);
        }
    }
}
