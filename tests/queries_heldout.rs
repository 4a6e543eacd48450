//! A held-out set of searches, written by a teammate who had not seen the
//! query understanding (its code, its word lists or tests/queries.rs):
//! realistic queries from how people search Indian job boards, each with a
//! property a right first page has (tests/fixtures/queries/heldout.tsv).
//! Nothing was tuned on it after it was written; the share that passes is
//! reported as it is (`cargo test --test queries_heldout -- --nocapture`).

use backdesk::search::{Index, Query};
use backdesk::store::Store;

fn index() -> Index {
    let store = Store::open_in_memory().expect("store");
    backdesk::session::build_index(&store).expect("index")
}

/// Why the first page (20 rows) lacks the property (`None`: it has it).
fn check(ix: &Index, rows: &[usize], prop: &str) -> Option<String> {
    let (name, value) = match prop.split_once(['=', '~', '>', '<']) {
        Some((n, v)) => (n.trim(), v.trim_start_matches('=').trim()),
        None => (prop.trim(), ""),
    };
    let op = prop[name.len()..].chars().next().unwrap_or(' ');
    let any: Vec<&str> = value.split('|').collect();
    let num = || value.parse::<u32>().unwrap_or(0);
    let all = |ok: &dyn Fn(usize) -> bool| {
        rows.iter().find(|&&r| !ok(r)).map(|&r| {
            format!(
                "{prop}: \"{}\" ({}, {:?})",
                ix.title(r),
                ix.city(r),
                ix.salary(r)
            )
        })
    };
    match (name, op) {
        ("nonempty", _) => rows.is_empty().then(|| "no results".into()),
        ("empty", _) => (!rows.is_empty()).then(|| format!("{} results", rows.len())),
        ("city", _) => all(&|r| any.contains(&ix.city(r))),
        ("state", _) => all(&|r| ix.state(r).is_some_and(|s| any.contains(&s))),
        ("mode", _) => all(&|r| any.contains(&ix.work_mode(r).id())),
        ("employment", _) => all(&|r| any.contains(&ix.employment_type(r).id())),
        ("shift", _) => all(&|r| any.contains(&ix.shift(r).id())),
        ("companytype", _) => all(&|r| ix.company_kind(r).is_some_and(|k| any.contains(&k.id()))),
        ("fresher", _) => all(&|r| ix.experience(r).0 == 0),
        ("exp", _) => all(&|r| {
            let (a, b) = ix.experience(r);
            a as u32 <= num() && num() <= b as u32
        }),
        ("expmin", _) => all(&|r| ix.experience(r).1 as u32 >= num()),
        ("pay", '~') => all(&|r| {
            let (a, b) = ix.salary(r);
            a.is_some_and(|a| a.0 <= num()) && b.is_some_and(|b| b.0 >= num())
        }),
        ("pay", '>') => all(&|r| ix.salary(r).1.is_some_and(|b| b.0 >= num())),
        ("pay", '<') => all(&|r| ix.salary(r).0.is_some_and(|a| a.0 <= num())),
        ("category", _) => all(&|r| ix.category_id(r).is_some_and(|c| any.contains(&c))),
        ("top3", _) => rows.iter().take(3).find_map(|&r| {
            let role = ix.role(r).map_or("-", |x| x.id.as_str());
            (!any.contains(&role)).then(|| format!("top3: \"{}\" is {role}", ix.title(r)))
        }),
        _ => Some(format!("unknown property {prop:?}")),
    }
}

fn run(ix: &Index, query: &str, props: &str, literal: bool) -> Option<String> {
    let q = Query {
        literal,
        ..Query::text(query)
    };
    let rows: Vec<usize> = ix
        .search(&q)
        .hits
        .iter()
        .take(20)
        .map(|h| h.row as usize)
        .collect();
    let empty_ok = props.split('&').any(|p| p.trim() == "empty");
    if rows.is_empty() && !empty_ok {
        return Some("no results".into());
    }
    let why: Vec<String> = props
        .split('&')
        .filter_map(|p| check(ix, &rows, p.trim()))
        .collect();
    (!why.is_empty()).then(|| why.join("; "))
}

/// Runs one set: (passing, with understanding off, failures).
fn measure(ix: &Index, text: &str) -> (usize, usize, Vec<String>) {
    let cases: Vec<(&str, &str)> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .filter_map(|l| {
            let mut f = l.split('\t');
            Some((f.next()?, f.next()?))
        })
        .collect();
    let mut failed = Vec::new();
    let mut before = 0;
    for (q, props) in &cases {
        if let Some(why) = run(ix, q, props, false) {
            failed.push(format!("  {q:?} [{}]: {why}", ix.interpret(q).reading()));
        }
        if run(ix, q, props, true).is_none() {
            before += 1;
        }
    }
    (cases.len() - failed.len(), before, failed)
}

#[test]
fn held_out_searches_find_what_they_mean() {
    let ix = index();
    // the first set was written before the understanding was finished and
    // its failures then guided general fixes; the second was written after,
    // by another teammate, and is the blind measure
    for (name, text, floor) in [
        ("first", include_str!("fixtures/queries/heldout.tsv"), 75.0),
        ("second", include_str!("fixtures/queries/heldout2.tsv"), 70.0),
    ] {
        let (ok, before, failed) = measure(&ix, text);
        let n = ok + failed.len();
        assert!(n >= 100, "{n} cases");
        let pct = |k: usize| 100.0 * k as f64 / n as f64;
        println!(
            "held-out set {name}: {ok}/{n} ({:.1}%) right; with understanding off: {before}/{n} ({:.1}%)",
            pct(ok),
            pct(before)
        );
        println!("{}", failed.join("\n"));
        // a floor under the measured share, so a change that makes the
        // search understand people worse fails here (figures in the README)
        assert!(pct(ok) >= floor, "{name}: {}", failed.join("\n"));
    }
}
