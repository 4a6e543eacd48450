use super::*;

#[test]
fn every_word_must_match_in_order() {
    let q = TextQuery::parse("payrl pune");
    assert!(q.matches("Payroll Specialist | Sahyadri Finserv | Pune | Tally"));
    assert!(!q.matches("Payroll Specialist | Mumbai"));
    assert!(!q.matches("Pune | Data Entry"));
    // letters spread over several words do not count
    assert!(!TextQuery::parse("payrl").matches("Pay your rent, Lucknow"));
    assert!(TextQuery::parse("").matches("anything"));
}

#[test]
fn typos_by_omission_match() {
    assert!(TextQuery::parse("payrol").matches("Payroll Executive"));
    assert!(TextQuery::parse("acnts asst").matches("Accounts Assistant"));
    assert!(!TextQuery::parse("pyaroll").matches("Payroll Executive"));
}

#[test]
fn non_ascii_text_matches_too() {
    let q = TextQuery::parse("डेटा");
    assert!(q.matches("Data Entry Operator / डेटा एंट्री ऑपरेटर"));
    assert!(!q.matches("Data Entry Operator"));
    assert!(TextQuery::parse("data").matches("Data Entry / डेटा"));
}

#[test]
fn narrowing() {
    let a = TextQuery::parse("pay");
    let b = TextQuery::parse("payr");
    let c = TextQuery::parse("payr pune");
    assert!(b.narrows(&a));
    assert!(c.narrows(&b));
    assert!(!a.narrows(&b));
    assert!(!TextQuery::parse("pun").narrows(&TextQuery::parse("payr")));
}

#[test]
fn control_characters_are_ignored() {
    let q = TextQuery::parse("pay\u{7}roll \u{1b}");
    assert_eq!(q.words().collect::<Vec<_>>(), ["payroll"]);
}

#[test]
fn quick_scores_prefer_word_starts_in_the_title() {
    let q = TextQuery::parse("pay");
    let hay = "Payroll Executive Acme Pune Repayment";
    assert_eq!(
        q.quick_score(hay, 17, &RowFacts::default()),
        6,
        "a title word starting with it"
    );
    assert_eq!(
        q.quick_score("Clerk Acme Pune Payroll", 5, &RowFacts::default()),
        4
    );
    assert_eq!(
        q.quick_score("Clerk Repayments", 5, &RowFacts::default()),
        3
    );
    assert_eq!(q.quick_score("Clerk Plays", 5, &RowFacts::default()), 1);
    assert_eq!(q.quick_score("Clerk", 5, &RowFacts::default()), 0);
    let two = TextQuery::parse("pay pune");
    assert_eq!(two.quick_score(hay, 17, &RowFacts::default()), 10);
    let hi = "Data / डेटा एंट्री";
    assert_eq!(
        TextQuery::parse("डेटा").quick_score(hi, hi.len(), &RowFacts::default()),
        6
    );
    assert_eq!(
        TextQuery::parse("डेटा").quick_score(hi, 4, &RowFacts::default()),
        4
    );
}

#[test]
fn separators_split_query_words_too() {
    let q = TextQuery::parse("e-commerce back/office");
    assert_eq!(
        q.words().collect::<Vec<_>>(),
        ["e", "commerce", "back", "office"]
    );
    assert!(q.matches("Order Processor | E-Commerce | Back Office"));
}

#[test]
fn scorer_prefers_tighter_matches() {
    let s = Scorer::default();
    let q = TextQuery::parse("payroll");
    let tight = s.score(&q, "Payroll Executive").expect("match");
    let loose = s.score(&q, "Pay your roll call log").expect("match");
    assert!(tight > loose);
    assert_eq!(s.score(&q, "Data Entry"), None);
    assert_eq!(s.highlight(&q, "Payroll"), vec![0, 1, 2, 3, 4, 5, 6]);
}

fn group(typed: &[&str], alts: Vec<GroupAlt>) -> Group {
    Group {
        typed: typed.iter().map(|w| w.to_string()).collect(),
        exact: false,
        essential: false,
        starts: 0,
        implied: false,
        alts,
    }
}

fn prefix(words: &[&str], tier: Tier) -> GroupAlt {
    let words: Vec<String> = words.iter().map(|w| w.to_string()).collect();
    GroupAlt::Prefix {
        mask: mask_of(&words),
        starts: starts_of(&words),
        words,
        tier,
    }
}

#[test]
fn a_group_matches_as_typed_or_by_an_alternative() {
    let q = TextQuery {
        groups: vec![group(
            &["accountants"],
            vec![prefix(&["accountant"], Tier::Inflected), GroupAlt::Role(7)],
        )],
        ..TextQuery::default()
    };
    assert!(q.matches("Accountant | Pune"));
    assert!(!q.matches("Accounts Payable Clerk | Pune"));
    let of_role = RowFacts {
        role: Some(7),
        ..RowFacts::default()
    };
    assert!(q.matches_row("Senior Clerk", &of_role));
    // letters of the alternative are not all required
    assert_eq!(q.letter_mask(), 0);
}

#[test]
fn excluded_words_and_quoted_phrases() {
    let q = TextQuery {
        groups: vec![group(&["payroll"], Vec::new())],
        not: vec!["bpo".into()],
        literals: vec![vec!["remote".into()]],
        ..TextQuery::default()
    };
    let remote = RowFacts {
        description: "A fully remote role.",
        ..RowFacts::default()
    };
    assert!(q.matches_row("Payroll Executive | Acme", &remote));
    assert!(!q.matches_row("Payroll Executive | Acme BPO", &remote));
    assert!(!q.matches_row("Payroll Executive | Acme", &RowFacts::default()));
    assert!(q.needs_description());
}

#[test]
fn narrowing_with_alternatives_is_exact() {
    let plain = |w: &str| TextQuery {
        groups: vec![group(&[w], Vec::new())],
        ..TextQuery::default()
    };
    let widened = TextQuery {
        groups: vec![group(
            &["accounts"],
            vec![prefix(&["accountant"], Tier::Synonym)],
        )],
        ..TextQuery::default()
    };
    // every row "accounts" or an "accountant…" word matches has "acc"
    assert!(widened.narrows(&plain("acc")));
    // but not the other way: "acc" finds rows the widened one does not
    assert!(!plain("acc").narrows(&widened));
    let not = TextQuery {
        not: vec!["bpo".into()],
        ..plain("acc")
    };
    assert!(not.narrows(&plain("acc")));
    assert!(!plain("acc").narrows(&not));
    let role = TextQuery {
        groups: vec![group(&["deo"], vec![GroupAlt::Role(3)])],
        ..TextQuery::default()
    };
    assert!(!role.narrows(&plain("d")), "a role match need not hold a d");
}

#[test]
fn as_typed_outscores_an_alternative_and_boosts_rank_titles() {
    let q = TextQuery {
        groups: vec![group(
            &["accountants"],
            vec![prefix(&["accountant"], Tier::Inflected)],
        )],
        ..TextQuery::default()
    };
    let f = RowFacts::default();
    let typed = q.quick_score("Accountants Wanted", 18, &f);
    let alt = q.quick_score("Accountant", 10, &f);
    assert!(typed > alt && alt > 0, "{typed} > {alt} > 0");
    assert_eq!(
        q.alternative_only("Accountant", 0),
        0,
        "another form counts as typed"
    );
    assert_eq!(q.alternative_only("Accounts", 0), 1);
    assert_eq!(q.alternative_only("Accountants", 0), 0);
    let field = TextQuery {
        boosts: vec![vec![vec!["back".into(), "office".into()]]],
        ..TextQuery::default()
    };
    assert!(!field.filters() && field.ranks());
    assert!(field.matches("Payroll Clerk"));
    assert!(
        field.quick_score("Back Office Executive", 21, &f)
            > field.quick_score("Payroll Clerk", 13, &f)
    );
}
