//! The query engine against a naive reference over the same rows.

use std::collections::{BTreeSet, HashMap};
use std::sync::OnceLock;

use backdesk::catalog::{City, Listing};
use backdesk::money::Rupees;
use backdesk::search::text::is_separator;
use backdesk::search::{ExperienceBucket, Facet, Index, PostedBucket, Query, SalaryBucket, Sort};
use backdesk::store::Store;
use proptest::prelude::*;

struct Fixture {
    index: Index,
    listings: Vec<Listing>,
    cities: Vec<City>,
}

fn fixture() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| {
        let store = Store::open_in_memory().expect("store");
        let index = backdesk::session::build_index(&store).expect("index");
        let ids: Vec<i64> = (0..index.len()).map(|r| index.id(r)).collect();
        let listings = store.listings(&ids).expect("listings");
        let cities = store.cities().expect("cities");
        Fixture {
            index,
            listings,
            cities,
        }
    })
}

// ---- the reference -------------------------------------------------------

fn words(s: &str) -> Vec<String> {
    s.split(|c: char| c.is_whitespace() || is_separator(c))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn subsequence(needle: &str, hay: &str) -> bool {
    let mut it = hay.chars();
    needle.chars().all(|n| it.any(|h| h == n))
}

fn text_matches(l: &Listing, text: &str) -> bool {
    let mut hay = format!(
        "{} {} {} {}",
        l.title,
        l.role.clone().unwrap_or_default(),
        l.company,
        l.city
    );
    for s in &l.skills {
        hay.push(' ');
        hay.push_str(s);
    }
    let tokens = words(&hay);
    words(text)
        .iter()
        .all(|w| tokens.iter().any(|t| subsequence(w, t)))
}

fn values(f: &Fixture, l: &Listing, facet: Facet) -> Vec<String> {
    let age = f.index.today().map_or(0, |t| (t - l.posted).get_days());
    let one = |v: Option<String>| v.into_iter().collect::<Vec<_>>();
    match facet {
        Facet::Category => one(l.category_id.clone()),
        Facet::Role => one(l.role_id.clone()),
        Facet::City => vec![l.city.clone()],
        Facet::State => one(l.state.clone()),
        // a catalogue city in a region: the region's id
        Facet::Region => one(f
            .index
            .vocab()
            .regions
            .iter()
            .find(|r| {
                f.cities
                    .iter()
                    .any(|c| c.name == l.city && r.cities.iter().any(|n| c.is_named(n)))
            })
            .map(|r| r.id.clone())),
        Facet::Tier => one(f
            .cities
            .iter()
            .find(|c| c.name == l.city)
            .map(|c| c.tier.to_string())),
        Facet::WorkMode => vec![l.work_mode.id().to_string()],
        Facet::EmploymentType => vec![l.employment_type.id().to_string()],
        Facet::Shift => vec![l.shift.id().to_string()],
        Facet::Experience => {
            let m = ExperienceBucket::mask(l.experience_min, l.experience_max);
            ["0", "1-2", "3-5", "6+"]
                .iter()
                .enumerate()
                .filter(|(i, _)| m & (1 << i) != 0)
                .map(|(_, k)| k.to_string())
                .collect()
        }
        Facet::Salary => {
            let m = SalaryBucket::mask(l.salary_min.map(|r| r.0), l.salary_max.map(|r| r.0));
            ["under-15k", "15k-25k", "25k-40k", "40k-70k", "70k+", "none"]
                .iter()
                .enumerate()
                .filter(|(i, _)| m & (1 << i) != 0)
                .map(|(_, k)| k.to_string())
                .collect()
        }
        Facet::Posted => PostedBucket::ALL
            .iter()
            .filter(|b| age <= b.days())
            .map(|b| b.days().to_string())
            .collect(),
        Facet::CompanyType => one(l.company_type.map(|k| k.id().to_string())),
        Facet::Industry => one(l.industry.map(|k| k.id().to_string())),
        Facet::Company => vec![l.company.clone()],
        // as the index files them: a catalogue skill by its name or an
        // alias, in any case; free text as it is
        Facet::Skill => l
            .skills
            .iter()
            .map(|s| {
                let low = s.to_lowercase();
                f.index
                    .vocab()
                    .skills
                    .iter()
                    .find(|k| {
                        k.name.to_lowercase() == low
                            || k.aliases.iter().any(|a| a.to_lowercase() == low)
                    })
                    .map_or_else(|| s.clone(), |k| k.name.clone())
            })
            .collect(),
        Facet::Language => l.languages.clone(),
        Facet::Source => vec![l.source.clone()],
    }
}

fn facet_passes(f: &Fixture, l: &Listing, q: &Query, facet: Facet) -> bool {
    let Some(sel) = q.selection(facet) else {
        return true;
    };
    let vals = values(f, l, facet);
    let eq = |a: &String, b: &String| a.eq_ignore_ascii_case(b);
    (sel.include.is_empty() || vals.iter().any(|v| sel.include.iter().any(|k| eq(k, v))))
        && !vals.iter().any(|v| sel.exclude.iter().any(|k| eq(k, v)))
}

fn base_passes(f: &Fixture, l: &Listing, q: &Query) -> bool {
    let today = f.index.today().expect("today");
    q.experience_years
        .is_none_or(|y| l.experience_min <= y && y <= l.experience_max)
        && q.salary_at_least
            .is_none_or(|m| l.salary_max.is_some_and(|s| s >= m))
        && q.salary_at_most
            .is_none_or(|m| l.salary_min.is_some_and(|s| s <= m))
        && q.posted_within_days
            .is_none_or(|d| (today - l.posted).get_days() <= d as i32)
        && text_matches(l, &q.text)
}

fn reference(f: &Fixture, q: &Query) -> (BTreeSet<i64>, HashMap<(Facet, String), u32>) {
    let mut hits = BTreeSet::new();
    let mut counts = HashMap::new();
    for l in &f.listings {
        if !base_passes(f, l, q) {
            continue;
        }
        let failing: Vec<Facet> = Facet::ALL
            .iter()
            .copied()
            .filter(|&fc| !facet_passes(f, l, q, fc))
            .collect();
        if failing.is_empty() {
            hits.insert(l.id);
        }
        for fc in Facet::ALL {
            if failing.iter().all(|&x| x == fc) {
                // values are one facet entry whatever their ASCII case
                let mut vs: Vec<String> = values(f, l, fc)
                    .iter()
                    .map(|v| v.to_ascii_lowercase())
                    .collect();
                vs.sort();
                vs.dedup();
                for v in vs {
                    *counts.entry((fc, v)).or_insert(0) += 1;
                }
            }
        }
    }
    (hits, counts)
}

fn check_against_reference(q: &Query) {
    check_fixture(fixture(), q);
}

/// The engine with understanding off (`--literal`) against the reference:
/// the matching itself. What understanding adds is tested in
/// tests/queries.rs and tests/understand.rs.
fn check_fixture(f: &Fixture, q: &Query) {
    let q = &Query {
        literal: true,
        ..q.clone()
    };
    let got = f.index.search(q);
    let ids: BTreeSet<i64> = got
        .hits
        .iter()
        .map(|h| f.index.id(h.row as usize))
        .collect();
    assert_eq!(got.total(), ids.len(), "duplicate hits");
    let (want_ids, want_counts) = reference(f, q);
    assert_eq!(ids, want_ids, "hits differ for {q:?}");
    for facet in Facet::ALL {
        for v in 0..f.index.value_count(facet) {
            let key = f.index.value_key(facet, v);
            let want = want_counts
                .get(&(facet, key.to_ascii_lowercase()))
                .copied()
                .unwrap_or(0);
            assert_eq!(
                got.facets.get(facet, v),
                want,
                "count of {facet:?}={key} differs for {q:?}"
            );
        }
    }
}

// ---- hand-written cases --------------------------------------------------

#[test]
fn empty_query_returns_everything_newest_first() {
    let f = fixture();
    let r = f.index.search(&Query::default());
    assert_eq!(r.total(), 2000);
    let ages: Vec<i32> = r
        .hits
        .iter()
        .map(|h| f.index.age_days(h.row as usize))
        .collect();
    assert!(ages.windows(2).all(|w| w[0] <= w[1]));
    check_against_reference(&Query::default());
}

#[test]
fn typos_find_payroll_jobs_in_pune() {
    let f = fixture();
    for text in ["payrol pune", "payrl pune", "PAYROLL pUnE"] {
        let r = f.index.search(&Query::text(text));
        assert!(r.total() > 0, "{text}");
        let top = r.hits[0].row as usize;
        assert!(
            f.index.title(top).to_lowercase().contains("payroll"),
            "{text}: {}",
            f.index.title(top)
        );
        assert_eq!(f.index.city(top), "Pune", "{text}");
        check_against_reference(&Query::text(text));
    }
}

#[test]
fn each_filter_narrows_like_the_reference() {
    let f = fixture();
    for facet in Facet::ALL {
        for v in 0..f.index.value_count(facet).min(6) {
            let key = f.index.value_key(facet, v);
            let mut inc = Query::default();
            inc.include(facet, &key);
            check_against_reference(&inc);
            let mut exc = Query::default();
            exc.exclude(facet, &key);
            check_against_reference(&exc);
            let a = f.index.search(&inc).total();
            let b = f.index.search(&exc).total();
            if !facet.is_multi() {
                // single-valued: a value and its exclusion split the rows that have one
                assert!(a + b <= 2000, "{facet:?}={key}");
            }
        }
    }
}

#[test]
fn ranges_narrow_like_the_reference() {
    let mut q = Query::text("accounts");
    q.experience_years = Some(2);
    check_against_reference(&q);
    q.salary_at_least = Some(Rupees(25_000));
    check_against_reference(&q);
    q.salary_at_most = Some(Rupees(40_000));
    check_against_reference(&q);
    q.posted_within_days = Some(7);
    check_against_reference(&q);
    let r = fixture().index.search(&q);
    assert!(r.total() > 0 && r.total() < 200, "{}", r.total());
}

#[test]
fn negative_filters_remove_what_they_name() {
    let f = fixture();
    let mut q = Query::text("back office");
    q.exclude(Facet::Industry, "bpo")
        .exclude(Facet::Shift, "night");
    let r = f.index.search(&q);
    assert!(r.total() > 0);
    for h in &r.hits {
        let l = f
            .listings
            .iter()
            .find(|l| l.id == f.index.id(h.row as usize))
            .expect("listing");
        assert_ne!(l.industry.map(|i| i.id()), Some("bpo"));
        assert_ne!(l.shift.id(), "night");
    }
    check_against_reference(&q);
}

#[test]
fn sorts_are_ordered() {
    let f = fixture();
    let mut q = Query::text("executive");
    q.sort = Sort::Salary;
    let r = f.index.search(&q);
    let pay: Vec<u32> = r
        .hits
        .iter()
        .map(|h| f.index.salary(h.row as usize).1.map_or(0, |r| r.0))
        .collect();
    assert!(pay.windows(2).all(|w| w[0] >= w[1]));

    q.sort = Sort::Date;
    let r = f.index.search(&q);
    let ages: Vec<i32> = r
        .hits
        .iter()
        .map(|h| f.index.age_days(h.row as usize))
        .collect();
    assert!(ages.windows(2).all(|w| w[0] <= w[1]));

    q.sort = Sort::Distance;
    q.home_city = Some("Pune".into());
    let pune = f.cities.iter().find(|c| c.name == "Pune").expect("Pune");
    let r = f.index.search(&q);
    let km: Vec<f64> = r
        .hits
        .iter()
        .map(|h| {
            f.index
                .distance_km(h.row as usize, pune)
                .unwrap_or(f64::MAX)
        })
        .collect();
    assert!(km.windows(2).all(|w| w[0] <= w[1]));
    assert_eq!(f.index.city(r.hits[0].row as usize), "Pune");
    q.within_km = Some(200);
    let near = f.index.search(&q);
    assert!(near.total() > 0 && near.total() < r.total());
    assert!(near.hits.iter().all(|h| {
        f.index
            .distance_km(h.row as usize, pune)
            .is_some_and(|d| d <= 200.0)
    }));
}

#[test]
fn resolving_values_suggests_near_misses() {
    let ix = &fixture().index;
    assert_eq!(
        ix.resolve(Facet::City, "bangalore").expect("alias"),
        "Bengaluru"
    );
    assert_eq!(ix.resolve(Facet::City, "PUNE").expect("case"), "Pune");
    assert_eq!(ix.resolve(Facet::State, "MH").expect("code"), "Maharashtra");
    assert_eq!(
        ix.resolve(Facet::Category, "Finance and Accounting")
            .expect("name"),
        "finance"
    );
    assert_eq!(
        ix.resolve(Facet::Skill, "ms excel").expect("alias"),
        "Excel"
    );
    assert_eq!(ix.resolve(Facet::Tier, "tier 2").expect("tier"), "2");
    let e = ix.resolve(Facet::City, "Pnue").expect_err("typo");
    assert_eq!(e.to_string(), "no city 'Pnue'; did you mean Pune?");
}

#[test]
fn roles_are_searchable_by_title_skill_and_department() {
    use backdesk::search::roles::{RoleQuery, search_roles};
    let ix = &fixture().index;
    let v = ix.vocab();
    let find = |q: RoleQuery| -> Vec<&str> {
        search_roles(&v.roles, &v.categories, &q, Some(ix.lexicon()))
            .into_iter()
            .map(|i| v.roles[i].id.as_str())
            .collect()
    };
    let by_title = find(RoleQuery {
        text: "payrol".into(),
        ..Default::default()
    });
    assert!(
        by_title[..2].contains(&"payroll-specialist"),
        "{by_title:?}"
    );
    let by_skill = find(RoleQuery {
        text: "tally".into(),
        ..Default::default()
    });
    assert!(by_skill.contains(&"bookkeeper"), "{by_skill:?}");
    let finance = find(RoleQuery {
        categories: vec!["finance".into()],
        ..Default::default()
    });
    assert!(finance.iter().all(|id| {
        v.roles
            .iter()
            .any(|r| r.id == *id && r.category == "finance")
    }));
    assert_eq!(finance.len(), 13);
    let tally_not_finance = find(RoleQuery {
        skills: vec!["Tally".into()],
        not_categories: vec!["finance".into()],
        ..Default::default()
    });
    assert!(!tally_not_finance.contains(&"bookkeeper"));
    // understood as on the Listings tab: a department named alone, a
    // role by another of its names, words that do not apply to roles
    let text = |t: &str| {
        find(RoleQuery {
            text: t.into(),
            ..Default::default()
        })
    };
    let accounts = text("accounts jobs in pune");
    let finance_roles = v.roles.iter().filter(|r| r.category == "finance").count();
    assert_eq!(accounts.len(), finance_roles, "{accounts:?}");
    assert!(accounts.iter().all(|id| {
        v.roles
            .iter()
            .any(|r| r.id == *id && r.category == "finance")
    }));
    assert_eq!(text("deo").first(), Some(&"data-entry-specialist"));
    assert_eq!(
        text("computer operator").first(),
        Some(&"data-entry-specialist")
    );
    assert!(text("hr").iter().all(|id| id.starts_with("hr-")
        || ["recruitment-coordinator", "attendance-executive"].contains(id)));
    assert_eq!(text("back office").len(), v.roles.len(), "the whole field");
    // as typed, a word must be in the role
    let literal = search_roles(
        &v.roles,
        &v.categories,
        &RoleQuery {
            text: "accounts jobs".into(),
            ..Default::default()
        },
        None,
    );
    assert!(literal.is_empty(), "{literal:?}");
}

// ---- random queries ------------------------------------------------------

const WORDS: &[&str] = &[
    "",
    "a",
    "pay",
    "payrol",
    "data",
    "entry",
    "pune",
    "mumbai",
    "acct",
    "exec",
    "tally",
    "back",
    "office",
    "hr",
    "sap",
    "kyc",
    "night",
    "analyst",
    "zzz",
    "डेटा",
];

/// A query as picks, made concrete against whichever index it runs on.
#[derive(Debug, Clone)]
struct QuerySpec {
    words: Vec<&'static str>,
    facets: Vec<(usize, usize, bool)>,
    experience: Option<u8>,
    salary: Option<u32>,
    days: Option<u32>,
}

fn arb_spec() -> impl Strategy<Value = QuerySpec> {
    let facets = prop::collection::vec((0..Facet::COUNT, 0usize..40, any::<bool>()), 0..4);
    (
        prop::collection::vec(prop::sample::select(WORDS), 0..3),
        facets,
        prop::option::of(0u8..12),
        prop::option::of(8_000u32..90_000),
        prop::option::of(0u32..60),
    )
        .prop_map(|(words, facets, experience, salary, days)| QuerySpec {
            words,
            facets,
            experience,
            salary,
            days,
        })
}

fn query_on(ix: &Index, spec: &QuerySpec) -> Query {
    let mut q = Query::text(&spec.words.join(" "));
    for &(fi, v, include) in &spec.facets {
        let facet = Facet::ALL[fi];
        let n = ix.value_count(facet);
        if n == 0 {
            continue;
        }
        let key = ix.value_key(facet, v % n);
        if include {
            q.include(facet, &key);
        } else {
            q.exclude(facet, &key);
        }
    }
    q.experience_years = spec.experience;
    q.salary_at_least = spec.salary.map(Rupees);
    q.posted_within_days = spec.days;
    q
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]
    #[test]
    fn engine_agrees_with_the_reference(spec in arb_spec()) {
        check_against_reference(&query_on(&fixture().index, &spec));
    }
}

// ---- random catalogues ----------------------------------------------------

/// Title words: plain, cased, glued, punctuated, Devanagari, accented
/// (precomposed and combining), and words the catalogue never uses.
const TITLE_WORDS: &[&str] = &[
    "Payroll",
    "payroll",
    "PAYROLL",
    "Data",
    "Entry",
    "Data-Entry",
    "A/R",
    "KYC",
    "MIS",
    "Executive",
    "Clerk",
    "Analyst",
    "Back",
    "Office",
    "C++",
    "O'Brien",
    "डेटा",
    "एंट्री",
    "Café",
    "Cafe\u{301}",
    "Zzyzx",
    "Night",
    "Pune",
    "tally",
];
const FREE_COMPANIES: &[&str] = &["Gotham Ledgers", "ऋषि सेवाएँ", "Acme", "acme"];
const FREE_CITIES: &[&str] = &["Atlantis", "Shangri-La", "नया नगर"];
const FREE_SKILLS: &[&str] = &["Origami", "excel", "TALLY ERP", "टाइपिंग"];
const LANGUAGES: &[&str] = &["English", "Hindi", "Marathi", "Tamil"];
const SOURCES: &[&str] = &["catalog", "jobs.html", "sheet.csv"];

#[derive(Debug, Clone)]
struct RandomListing {
    title: Vec<usize>,
    role: Option<usize>,
    /// Ok: a catalogue company; Err: a free-text one
    company: Result<usize, usize>,
    city: Option<Result<usize, usize>>,
    kinds: (usize, usize, usize),
    experience: (u8, u8),
    salary: Option<(u32, u32)>,
    skills: Vec<usize>,
    free_skill: Option<usize>,
    languages: Vec<usize>,
    age_days: u16,
    source: usize,
}

fn arb_listing() -> impl Strategy<Value = RandomListing> {
    let either = |a: usize, b: usize| prop_oneof![(0..a).prop_map(Ok), (0..b).prop_map(Err)];
    (
        prop::collection::vec(0..TITLE_WORDS.len(), 1..4),
        prop::option::of(0usize..1000),
        either(1000, FREE_COMPANIES.len()),
        prop::option::of(either(1000, FREE_CITIES.len())),
        (0usize..10, 0usize..10, 0usize..10),
        (0u8..=50, 0u8..=10),
        prop::option::of((0u32..200_000, 0u32..50_000)),
        prop::collection::vec(0usize..1000, 0..5),
        prop::option::of(0..FREE_SKILLS.len()),
        prop::collection::vec(0..LANGUAGES.len(), 0..3),
        0u16..800,
        0..SOURCES.len(),
    )
        .prop_map(
            |(
                title,
                role,
                company,
                city,
                kinds,
                exp,
                salary,
                skills,
                free_skill,
                languages,
                age_days,
                source,
            )| {
                RandomListing {
                    title,
                    role,
                    company,
                    city,
                    kinds,
                    experience: (exp.0.min(50), exp.0.saturating_add(exp.1).min(50)),
                    salary: salary.map(|(lo, span)| (lo, lo + span)),
                    skills,
                    free_skill,
                    languages,
                    age_days,
                    source,
                }
            },
        )
}

fn vocab() -> &'static backdesk::search::Vocab {
    static V: OnceLock<backdesk::search::Vocab> = OnceLock::new();
    V.get_or_init(|| {
        let c = backdesk::catalog::Catalog::embedded_without_listings().expect("catalogue");
        backdesk::search::Vocab::of(&c)
    })
}

/// The same random rows as `Listing`s (for the reference) and pushed
/// through the index builder (for the engine).
fn random_fixture(rows: &[RandomListing]) -> Fixture {
    use backdesk::catalog::{EmploymentType, ListingFacts, Shift, WorkMode};
    let v = vocab();
    let today = jiff::civil::date(2026, 11, 23);
    let pick = |n: usize, len: usize| n % len;
    let listings: Vec<Listing> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let role = r.role.map(|n| &v.roles[pick(n, v.roles.len())]);
            let company = r.company.map(|n| &v.companies[pick(n, v.companies.len())]);
            let city = r
                .city
                .map(|c| c.map(|n| &v.cities[pick(n, v.cities.len())]));
            let mut skills: Vec<String> = r
                .skills
                .iter()
                .map(|&n| v.skills[pick(n, v.skills.len())].name.clone())
                .collect();
            skills.extend(r.free_skill.map(|n| FREE_SKILLS[n].to_string()));
            skills.dedup();
            let mut languages: Vec<String> = r
                .languages
                .iter()
                .map(|&n| LANGUAGES[n].to_string())
                .collect();
            languages.sort();
            languages.dedup();
            Listing {
                id: i as i64 + 1,
                title: r
                    .title
                    .iter()
                    .map(|&w| TITLE_WORDS[w])
                    .collect::<Vec<_>>()
                    .join(" "),
                role_id: role.map(|r| r.id.clone()),
                role: role.map(|r| r.title.clone()),
                category_id: role.map(|r| r.category.clone()),
                company: match company {
                    Ok(c) => c.name.clone(),
                    Err(n) => FREE_COMPANIES[n].to_string(),
                },
                company_type: company.ok().map(|c| c.kind),
                industry: company.ok().map(|c| c.industry),
                city: match city {
                    Some(Ok(c)) => c.name.clone(),
                    Some(Err(n)) => FREE_CITIES[n].to_string(),
                    None => String::new(),
                },
                state: city.and_then(|c| c.ok()).map(|c| c.state.clone()),
                work_mode: WorkMode::ALL[pick(r.kinds.0, WorkMode::ALL.len())],
                employment_type: EmploymentType::ALL[pick(r.kinds.1, EmploymentType::ALL.len())],
                shift: Shift::ALL[pick(r.kinds.2, Shift::ALL.len())],
                experience_min: r.experience.0,
                experience_max: r.experience.1,
                salary_min: r.salary.map(|s| Rupees(s.0)),
                salary_max: r.salary.map(|s| Rupees(s.1)),
                skills,
                languages,
                posted: today - jiff::Span::new().days(i64::from(r.age_days)),
                source: SOURCES[r.source].to_string(),
                currency: "INR".into(),
                benefits: Vec::new(),
                openings: 1,
                valid_through: None,
                description: String::new(),
                contact_name: String::new(),
                contact_phone: String::new(),
                contact_email: String::new(),
                apply_url: String::new(),
            }
        })
        .collect();
    let mut b = backdesk::search::IndexBuilder::new(v.clone(), today);
    for (l, r) in listings.iter().zip(rows) {
        let skills = l.skills.join(";");
        let languages = l.languages.join(";");
        b.push(&ListingFacts {
            id: l.id,
            title: &l.title,
            role_id: l.role_id.as_deref(),
            company: &l.company,
            company_id: r
                .company
                .ok()
                .map(|n| v.companies[pick(n, v.companies.len())].id),
            company_type: l.company_type,
            industry: l.industry,
            city: &l.city,
            city_id: r
                .city
                .and_then(|c| c.ok())
                .map(|n| v.cities[pick(n, v.cities.len())].id),
            work_mode: l.work_mode,
            employment_type: l.employment_type,
            shift: l.shift,
            experience_min: l.experience_min,
            experience_max: l.experience_max,
            salary_min: l.salary_min.map(|s| s.0),
            salary_max: l.salary_max.map(|s| s.0),
            skills: &skills,
            languages: &languages,
            posted: l.posted,
            source: &l.source,
            description: &l.description,
        });
    }
    Fixture {
        index: b.finish(),
        listings,
        cities: v.cities.clone(),
    }
}

/// Query words for random catalogues: pieces of the title words, the
/// free-text values, and words that match nothing.
const RANDOM_WORDS: &[&str] = &[
    "pay",
    "PAYRL",
    "data",
    "entry",
    "a/r",
    "kyc",
    "o'b",
    "c++",
    "डेटा",
    "café",
    "cafe",
    "gotham",
    "atlantis",
    "origami",
    "tally",
    "excel",
    "zzyzx",
    "qqq",
    "नगर",
    "ऋषि",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn engine_agrees_with_the_reference_on_random_catalogues(
        rows in prop::collection::vec(arb_listing(), 0..120),
        words in prop::collection::vec(prop::sample::select(RANDOM_WORDS), 0..3),
        spec in arb_spec(),
    ) {
        let f = random_fixture(&rows);
        let mut q = query_on(&f.index, &spec);
        q.text = words.join(" ");
        check_fixture(&f, &q);
    }
}

// ---- the searcher: reused text passes and cancellation ------------------

#[test]
fn a_searcher_typing_gives_what_fresh_searches_give() {
    use backdesk::search::{FacetSet, Searcher, never};
    use std::sync::Arc;
    let store = Store::open_in_memory().expect("store");
    let ix = Arc::new(backdesk::session::build_index(&store).expect("index"));
    let mut s = Searcher::new(ix.clone(), FacetSet::ALL);
    let mut q = Query::default();
    // type, toggle a filter, type more, delete, change the sort
    type Step = Box<dyn Fn(&mut Query)>;
    let steps: Vec<Step> = vec![
        Box::new(|q| q.text = "p".into()),
        Box::new(|q| q.text = "pa".into()),
        Box::new(|q| q.text = "pay".into()),
        Box::new(|q| {
            q.include(Facet::City, "Pune");
        }),
        Box::new(|q| q.text = "payr".into()),
        Box::new(|q| q.text = "payr e".into()),
        Box::new(|q| q.text = "pay".into()),
        Box::new(|q| q.sort = Sort::Salary),
        Box::new(|q| q.text = "payro".into()),
        Box::new(|q| q.clear_filters()),
        Box::new(|q| q.text = String::new()),
    ];
    for step in steps {
        step(&mut q);
        let got = s.search(&q, &never).expect("not cancelled");
        let want = ix.search(&q);
        assert_eq!(got.hits, want.hits, "{q:?}");
        assert_eq!(got.facets, want.facets, "{q:?}");
    }
}

#[test]
fn a_cancelled_search_returns_nothing() {
    use backdesk::search::{FacetSet, Searcher};
    use std::sync::Arc;
    let store = Store::open_in_memory().expect("store");
    let ix = Arc::new(backdesk::session::build_index(&store).expect("index"));
    let mut s = Searcher::new(ix, FacetSet::ALL);
    assert!(s.search(&Query::text("pay"), &|| true).is_none());
    assert!(s.search(&Query::text("pay"), &|| false).is_some());
}

#[test]
fn relevance_puts_title_matches_first_at_scale() {
    // enough rows for the early stop of the cheap scorer to matter
    let ix = backdesk::session::synthetic_index(20_000, 3, jiff::civil::date(2026, 11, 23))
        .expect("index");
    let a = Query {
        literal: true,
        ..Query::text("a")
    };
    let r = ix.search(&a);
    assert_eq!(
        r.total(),
        ix.search_with(&a, backdesk::search::FacetSet::NONE).total()
    );
    let top = r.hits[0].row as usize;
    assert!(
        ix.title(top).to_lowercase().starts_with('a')
            || ix.title(top).to_lowercase().contains(" a"),
        "{}",
        ix.title(top)
    );
    // every hit appears once
    let mut rows: Vec<u32> = r.hits.iter().map(|h| h.row).collect();
    rows.sort_unstable();
    rows.dedup();
    assert_eq!(rows.len(), r.total());
}

#[test]
fn two_spellings_of_a_company_are_one_filter_entry() {
    let row = |company| RandomListing {
        title: vec![0],
        role: None,
        company: Err(company),
        city: None,
        kinds: (0, 0, 0),
        experience: (0, 2),
        salary: None,
        skills: vec![],
        free_skill: None,
        languages: vec![],
        age_days: 1,
        source: 1,
    };
    // "Acme" and "acme"
    let f = random_fixture(&[row(2), row(3)]);
    assert_eq!(f.index.value_count(Facet::Company), 1);
    assert_eq!(
        f.index.value_key(Facet::Company, 0),
        "Acme",
        "the first spelling"
    );
    let mut q = Query::default();
    q.include(Facet::Company, "ACME");
    assert_eq!(f.index.search(&q).total(), 2);
    check_fixture(&f, &q);
}
