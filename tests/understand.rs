//! Query understanding: properties of `interpret` whatever is typed, and
//! how what it reads combines with filters set by hand.

use std::sync::OnceLock;

use backdesk::catalog::{CompanyKind, EmploymentType, Shift, WorkMode};
use backdesk::search::understand::{Filter, Interpretation};
use backdesk::search::{Facet, Index, Query};
use backdesk::store::Store;
use proptest::prelude::*;

fn index() -> &'static Index {
    static IX: OnceLock<Index> = OnceLock::new();
    IX.get_or_init(|| {
        let store = Store::open_in_memory().expect("store");
        backdesk::session::build_index(&store).expect("index")
    })
}

/// Whether a key the text selected is a value the catalogue has.
fn real_value(ix: &Index, facet: Facet, key: &str) -> bool {
    let v = ix.vocab();
    match facet {
        Facet::City => v.cities.iter().any(|c| c.name == key),
        Facet::State => v.cities.iter().any(|c| c.state == key),
        Facet::Region => v.regions.iter().any(|r| r.id == key),
        Facet::Category => v.categories.iter().any(|c| c.id == key),
        Facet::WorkMode => WorkMode::from_id(key).is_some(),
        Facet::EmploymentType => EmploymentType::from_id(key).is_some(),
        Facet::Shift => Shift::from_id(key).is_some(),
        Facet::CompanyType => CompanyKind::from_id(key).is_some(),
        Facet::Experience => key == "0",
        _ => false,
    }
}

fn check(text: &str) -> Result<(), TestCaseError> {
    let ix = index();
    let i: Interpretation = ix.interpret(text);
    for p in &i.parts {
        prop_assert!(text.get(p.span.clone()).is_some(), "span {:?}", p.span);
        if let Filter::Facet { facet, keys, .. } = &p.filter {
            prop_assert!(!keys.is_empty(), "{facet:?} with no value");
            for k in keys {
                prop_assert!(real_value(ix, *facet, k), "{facet:?}={k} from {text:?}");
            }
        }
    }
    // the free words are the typed words, in the order typed
    let lower = text.to_lowercase();
    let mut from = 0;
    for w in i.free_words() {
        match lower.get(from..).and_then(|rest| rest.find(w)) {
            Some(at) => from += at + w.len(),
            None => prop_assert!(
                false,
                "{w:?} is not next in {text:?} ({:?})",
                i.free_words()
            ),
        }
    }
    for t in &i.terms {
        prop_assert!(text.get(t.span.clone()).is_some());
    }
    // taking a part out leaves the rest of the text
    for p in &i.parts {
        let rest = i.without(&p.span);
        prop_assert!(rest.chars().count() <= text.chars().count());
    }
    let _ = i.reading();
    // and a search with it runs
    let _ = ix.search(&Query::text(text));
    Ok(())
}

/// Pieces people type, and pieces that break naive parsers.
const PIECES: &[&str] = &[
    "back office",
    "jobs",
    "in",
    "mumbai",
    "bombay",
    "ncr",
    "hydrabad",
    "remote",
    "wfh",
    "work from home",
    "part-time",
    "night shift",
    "fresher",
    "2",
    "years",
    "3+",
    "yrs",
    "20000",
    "20k",
    "₹20,000",
    "3 lpa",
    "lakh",
    "above",
    "under",
    "15k-20k",
    "to",
    "and",
    "hr",
    "accounts",
    "it",
    "bpo",
    "kyc",
    "mnc",
    "govt",
    "data entry",
    "operator",
    "deo",
    "payroll",
    "!bpo",
    "!",
    "\"",
    "\"remote\"",
    "not",
    "no",
    "ki",
    "ke liye",
    "naukri",
    "मुंबई",
    "घर से काम",
    "डेटा",
    "telecaller",
    "12th pass",
    "latest",
    "-",
    "/",
    "+",
    "₹",
    "..",
    ",",
    "1,20,000",
    "99999999999999",
    "0",
    "é",
    "👩‍💻",
    "\u{202e}",
    "\t",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn interpret_holds_whatever_is_typed(text in ".{0,60}") {
        check(&text)?;
    }

    #[test]
    fn interpret_holds_on_what_people_type(
        pieces in prop::collection::vec(prop::sample::select(PIECES), 0..10),
        glue in prop::sample::select(&[" ", "", "  ", ",", "-"][..]),
    ) {
        check(&pieces.join(glue))?;
    }
}

#[test]
fn a_hand_filter_and_a_word_of_the_same_facet_are_either() {
    let ix = index();
    // --city Pune with the word "mumbai": listings in either city
    let mut q = Query::text("mumbai");
    q.include(Facet::City, "Pune");
    let r = ix.search(&q);
    let cities: std::collections::BTreeSet<&str> =
        r.hits.iter().map(|h| ix.city(h.row as usize)).collect();
    assert_eq!(cities.into_iter().collect::<Vec<_>>(), ["Mumbai", "Pune"]);
    // a value excluded by hand stays out even when the text names it
    let mut q = Query::text("mumbai");
    q.exclude(Facet::City, "Mumbai");
    assert_eq!(ix.search(&q).total(), 0);
    // pay and experience from the text and by hand all hold
    let mut q = Query::text("payroll above 30k");
    q.salary_at_most = Some(backdesk::money::Rupees(40_000));
    let r = ix.search(&q);
    assert!(r.total() > 0);
    for h in &r.hits {
        let (lo, hi) = ix.salary(h.row as usize);
        assert!(hi.is_some_and(|x| x.0 >= 30_000) && lo.is_some_and(|x| x.0 <= 40_000));
    }
}

#[test]
fn literal_turns_understanding_off() {
    let ix = index();
    let understood = ix.search(&Query::text("hr jobs mumbai"));
    assert!(understood.total() > 0);
    let literal = ix.search(&Query {
        literal: true,
        ..Query::text("hr jobs mumbai")
    });
    assert_eq!(literal.total(), 0, "no listing has the word 'jobs'");
}

#[test]
fn taking_a_part_out_of_the_text_keeps_the_rest() {
    let ix = index();
    let i = ix.interpret("payroll !bpo jobs in pune above 20k");
    let spans: Vec<(&str, String)> = i
        .parts
        .iter()
        .map(|p| (&i.text[p.span.clone()], i.without(&p.span)))
        .collect();
    assert_eq!(
        spans,
        [
            ("bpo", "payroll jobs in pune above 20k".to_string()),
            ("pune", "payroll !bpo jobs in above 20k".to_string()),
            ("above 20k", "payroll !bpo jobs in pune".to_string()),
        ]
    );
}

#[test]
fn quoted_words_search_descriptions_as_written() {
    let ix = index();
    // "from home" as words: the work mode; quoted: the words in any text,
    // descriptions too (remote jobs and office ones whose description says
    // "part of the week from home")
    let mode = ix.search(&Query::text("from home"));
    let words = ix.search(&Query::text("\"from home\""));
    assert!(mode.total() > 0 && words.total() > 0);
    assert_ne!(mode.total(), words.total());
    let mut in_description = 0;
    for h in &words.hits {
        let r = h.row as usize;
        let hay = ix.searchable_text(r).to_lowercase();
        let desc = ix.description(r).to_lowercase();
        assert!(
            hay.contains("from home") || desc.contains("from home"),
            "{}",
            ix.title(r)
        );
        in_description += usize::from(!hay.contains("from home"));
    }
    assert!(in_description > 0, "some only in the description");
    let not = ix.search(&Query::text("!\"from home\""));
    assert_eq!(not.total() + words.total(), ix.len());
}

#[test]
fn regions_and_other_state_codes() {
    let ix = index();
    // Telangana's code is TG since 2024; TS is still written
    assert_eq!(ix.resolve(Facet::State, "TS").expect("TS"), "Telangana");
    assert_eq!(ix.resolve(Facet::State, "TG").expect("TG"), "Telangana");
    // Delhi NCR: a region of five cities, by name or alias
    assert_eq!(
        ix.resolve(Facet::Region, "Delhi NCR").expect("region"),
        "ncr"
    );
    assert_eq!(ix.resolve(Facet::Region, "ncr").expect("region"), "ncr");
    let mut q = Query::default();
    q.include(Facet::Region, "ncr");
    let r = ix.search(&q);
    let cities: std::collections::BTreeSet<&str> =
        r.hits.iter().map(|h| ix.city(h.row as usize)).collect();
    assert!(cities.len() >= 3, "{cities:?}");
    for c in &cities {
        assert!(
            ["Delhi", "Gurugram", "Noida", "Ghaziabad", "Faridabad"].contains(c),
            "{c}"
        );
    }
    // the same from the words people type
    let typed = ix.search(&Query::text("delhi ncr"));
    assert_eq!(typed.total(), r.total());
    assert_eq!(ix.interpret("jobs in ncr").reading(), "Delhi NCR");
}
