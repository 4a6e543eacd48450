use super::*;
use crate::search::Vocab;

fn lexicon() -> &'static Lexicon {
    static LX: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
    LX.get_or_init(|| {
        let cat = crate::catalog::Catalog::embedded_without_listings().expect("catalogue");
        Lexicon::new(&Vocab::of(&cat))
    })
}

fn read(text: &str) -> Interpretation {
    interpret(text, lexicon())
}

/// (what was typed for it, the facet, its keys) of each facet part.
fn facets(i: &Interpretation) -> Vec<(&str, Facet, Vec<&str>, bool)> {
    i.parts
        .iter()
        .filter_map(|p| match &p.filter {
            Filter::Facet { facet, keys, .. } => Some((
                &i.text[p.span.clone()],
                *facet,
                keys.iter().map(String::as_str).collect(),
                p.negated,
            )),
            _ => None,
        })
        .collect()
}

#[test]
fn facet_words_become_filters_and_the_rest_stays_text() {
    let i = read("Payroll jobs in Pune, work-from-home, part time");
    assert_eq!(
        facets(&i),
        [
            ("Pune", Facet::City, vec!["Pune"], false),
            ("work-from-home", Facet::WorkMode, vec!["remote"], false),
            ("part time", Facet::EmploymentType, vec!["part-time"], false),
        ]
    );
    assert_eq!(i.free_words(), ["payroll"]);
    assert_eq!(&i.text[i.dropped[0].clone()], "jobs");
}

#[test]
fn a_department_alone_is_the_department_and_beside_words_narrows_them() {
    let alone = read("hr jobs mumbai");
    assert_eq!(facets(&alone)[0].1, Facet::Category);
    assert_eq!(facets(&alone)[0].2, ["hr"]);
    assert!(alone.terms.is_empty());
    let beside = read("hr payroll");
    assert!(facets(&beside).is_empty());
    assert!(
        beside.terms[0]
            .alts
            .iter()
            .any(|a| matches!(a, Alt::Category(_)))
    );
    // two departments alone: both
    let two = read("kyc");
    assert_eq!(facets(&two)[0].2, ["compliance", "banking"]);
}

#[test]
fn the_field_ranks_and_never_filters() {
    let i = read("back office jobs in delhi");
    assert!(i.field && i.terms.is_empty());
    assert_eq!(i.boosts.len(), 1);
    assert_eq!(facets(&i)[0].2, ["Delhi"]);
    // a longer role title is the role
    let exec = read("back office executive");
    assert!(!exec.field);
    assert!(exec.terms[0].alts.iter().any(|a| matches!(a, Alt::Role(_))));
}

#[test]
fn negation_by_bang_or_word() {
    let i = read("data entry !bpo not night shift without mnc");
    let negs: Vec<(&str, bool)> = facets(&i).iter().map(|f| (f.0, f.3)).collect();
    assert_eq!(negs, [("bpo", true), ("night shift", true), ("mnc", true)]);
    assert_eq!(i.free_words(), ["data", "entry"]);
    // "no experience" is a phrase of its own, not a negation
    assert_eq!(facets(&read("no experience"))[0].1, Facet::Experience);
}

#[test]
fn pay_and_experience_in_any_order() {
    let i = read("3+ yrs accountant above 25k");
    let f: Vec<&Filter> = i.parts.iter().map(|p| &p.filter).collect();
    assert_eq!(
        f,
        [
            &Filter::Experience(ExpFilter::AtLeast(3)),
            &Filter::Pay(PayFilter::AtLeast(crate::money::Rupees(25_000))),
        ]
    );
    assert_eq!(i.reading(), "3+ yrs · accountant · ≥ ₹25,000");
}

#[test]
fn other_forms_synonyms_and_misspellings_widen_a_word() {
    let plural = read("accountants");
    assert!(plural.terms[0].alts.iter().any(
        |a| matches!(a, Alt::Words { words, tier: Tier::Inflected } if words == &["accountant"])
    ));
    let deo = read("computer operator");
    assert!(
        deo.terms[0]
            .alts
            .iter()
            .any(|a| matches!(a, Alt::Words { words, tier: Tier::Synonym } if words == &["deo"]))
    );
    let typo = read("accountent");
    assert_eq!(typo.terms[0].corrected.as_deref(), Some("accountant"));
    // a left-out letter already matches: no correction
    assert_eq!(read("acountant").terms[0].corrected, None);
}

#[test]
fn quotes_order_words_and_remarks() {
    let lit = read("\"remote\" payroll");
    assert_eq!(lit.literals[0].text, "remote");
    assert!(facets(&lit).is_empty(), "quoted: not the work mode");
    let latest = read("latest payroll jobs");
    assert_eq!(latest.sort.map(|s| s.1), Some(crate::search::Sort::Date));
    let tele = read("telecaller mumbai");
    assert_eq!(tele.notes, [Note::NotBackOffice("telecaller".into())]);
    assert!(tele.terms[0].essential);
    let qual = read("12th pass data entry");
    assert_eq!(qual.notes, [Note::Qualification("12th pass".into())]);
}

#[test]
fn hindi_and_hinglish() {
    let i = read("ghar baithe data entry ki naukri मुंबई में");
    assert_eq!(
        facets(&i)
            .iter()
            .map(|f| (f.1, f.2.clone()))
            .collect::<Vec<_>>(),
        [
            (Facet::WorkMode, vec!["remote"]),
            (Facet::City, vec!["Mumbai"])
        ]
    );
    assert_eq!(i.free_words(), ["data", "entry"]);
}

#[test]
fn devanagari_spellings_of_english_words_read_as_english() {
    let i = read("एचआर एग्जीक्यूटिव फ्रेशर");
    assert_eq!(facets(&i)[0].1, Facet::Experience);
    assert_eq!(i.free_words(), ["एचआर", "एग्जीक्यूटिव"]);
    assert!(
        i.terms[0].alts.iter().any(|a| matches!(a, Alt::Role(_))),
        "{i:?}"
    );
    assert!(
        i.terms[0]
            .alts
            .iter()
            .any(|a| matches!(a, Alt::Words { words, .. } if words == &["hr", "executive"]))
    );
    // Hinglish years
    assert_eq!(read("2 saal").reading(), "2 yrs");
}

#[test]
fn a_filler_word_still_being_typed_is_the_start_of_a_word() {
    // "pay" on the way to "payroll": its start, not every listing
    assert_eq!(read("pay").free_words(), ["pay"]);
    assert!(read("pay").dropped.is_empty());
    // finished (a space after it) or beside other words: filler
    assert!(read("pay ").free_words().is_empty());
    assert_eq!(read("data entry pay").free_words(), ["data", "entry"]);
    // no longer word starts with it: filler still
    assert!(read("jobs").free_words().is_empty());
    assert_eq!(read("jobs").dropped.len(), 1);
}
