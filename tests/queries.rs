//! How job seekers type, tried on the shipped catalogue.
//!
//! Three tables of realistic searches (English, Hinglish, Hindi, typos,
//! cities, pay, work modes, experience), each line a query and properties
//! its first page (the 20 results the CLI shows) must have:
//!
//! * `fixtures/queries/table.tsv`: written with the query understanding,
//!   with what each query must be read as. Every line must pass.
//! * `fixtures/queries/heldout.tsv` and `heldout2.tsv`: written by
//!   teammates who had not seen the understanding (its code, word lists or
//!   the table above), from how people search Indian job boards. They are
//!   measured, not tuned to: the share that passes is reported
//!   (`cargo test --test queries -- --nocapture`) and the README gives it.
//!
//! The same tables run with understanding off (`--literal`, the engine as
//! it was) give the "before" figures.
//!
//! Properties, joined with ` & ` (`|` inside a value: any of):
//! `nonempty`, `empty`, `city=`, `state=`, `mode=`, `employment=`,
//! `shift=`, `companytype=`, `category=` (every row), `!shift=`,
//! `!category=` (no row), `fresher`, `experienced`, `exp=N` (open to N
//! years), `expmin=N` (to N or more), `pay~N` (band contains N a month),
//! `pay>=N`, `pay<=N`, `pay=A-B` (band overlaps), `topN=role|role` (the
//! first N rows), `titleN=words` (the first N titles contain them),
//! `sorted=date|salary`.

use backdesk::search::{Index, Query, Results, Sort};
use backdesk::store::Store;

fn index() -> Index {
    let store = Store::open_in_memory().expect("store");
    backdesk::session::build_index(&store).expect("index")
}

/// Why the first page lacks the property (`None`: it has it).
fn check(ix: &Index, r: &Results, rows: &[usize], prop: &str) -> Option<String> {
    let (negate, prop) = match prop.strip_prefix('!') {
        Some(p) => (true, p),
        None => (false, prop),
    };
    let split = prop.find(['=', '~', '>', '<']).unwrap_or(prop.len());
    let (name, rest) = prop.split_at(split);
    let op = rest.chars().next().unwrap_or(' ');
    let value = rest.trim_start_matches(['=', '~', '>', '<']).trim();
    let any: Vec<&str> = value.split('|').collect();
    let num = |s: &str| s.trim().parse::<u32>().unwrap_or(0);
    let all = |ok: &dyn Fn(usize) -> bool| {
        rows.iter().find(|&&row| ok(row) == negate).map(|&row| {
            format!(
                "{prop}: \"{}\" ({}, {:?})",
                ix.title(row),
                ix.city(row),
                ix.salary(row)
            )
        })
    };
    let top = |n: &str, ok: &dyn Fn(usize) -> bool| -> Option<String> {
        let n = num(n) as usize;
        let top = &rows[..n.min(rows.len())];
        top.iter().find(|&&row| !ok(row)).map(|&row| {
            let role = ix.role(row).map_or("-", |x| x.id.as_str());
            format!("{prop}: \"{}\" is {role}", ix.title(row))
        })
    };
    let role_is = |row: usize| ix.role(row).is_some_and(|x| any.contains(&x.id.as_str()));
    match (name, op) {
        ("nonempty", _) => rows.is_empty().then(|| "no results".into()),
        ("empty", _) => (!rows.is_empty()).then(|| format!("{} results", rows.len())),
        ("city", _) => all(&|row| any.contains(&ix.city(row))),
        ("state", _) => all(&|row| ix.state(row).is_some_and(|s| any.contains(&s))),
        ("mode", _) => all(&|row| any.contains(&ix.work_mode(row).id())),
        ("employment", _) => all(&|row| any.contains(&ix.employment_type(row).id())),
        ("shift", _) => all(&|row| any.contains(&ix.shift(row).id())),
        ("companytype", _) => {
            all(&|row| ix.company_kind(row).is_some_and(|k| any.contains(&k.id())))
        }
        ("category", _) => all(&|row| ix.category_id(row).is_some_and(|c| any.contains(&c))),
        ("fresher", _) => all(&|row| ix.experience(row).0 == 0),
        ("experienced", _) => all(&|row| ix.experience(row).0 >= 1),
        ("exp", _) => all(&|row| {
            let (a, b) = ix.experience(row);
            u32::from(a) <= num(value) && num(value) <= u32::from(b)
        }),
        ("expmin", _) => all(&|row| u32::from(ix.experience(row).1) >= num(value)),
        ("pay", '~') => all(&|row| {
            let (a, b) = ix.salary(row);
            a.is_some_and(|a| a.0 <= num(value)) && b.is_some_and(|b| b.0 >= num(value))
        }),
        ("pay", '>') => all(&|row| ix.salary(row).1.is_some_and(|b| b.0 >= num(value))),
        ("pay", '<') => all(&|row| ix.salary(row).0.is_some_and(|a| a.0 <= num(value))),
        ("pay", '=') => {
            let (lo, hi) = value.split_once('-').unwrap_or((value, value));
            all(&|row| {
                let (a, b) = ix.salary(row);
                a.is_some_and(|a| a.0 <= num(hi)) && b.is_some_and(|b| b.0 >= num(lo))
            })
        }
        ("sorted", _) => {
            let want = if value == "date" {
                Sort::Date
            } else {
                Sort::Salary
            };
            (r.sort != want).then(|| format!("sorted by {}", r.sort.label()))
        }
        (n, _) if n.starts_with("top") => top(&n[3..], &role_is),
        (n, _) if n.starts_with("title") => {
            top(&n[5..], &|row| ix.title(row).to_lowercase().contains(value))
        }
        _ => Some(format!("unknown property {prop:?}")),
    }
}

/// Why a query fails (`None`: it passes). With `reading`, what it is read
/// as is checked too; `literal` runs it with understanding off.
fn run(
    ix: &Index,
    query: &str,
    reading: Option<&str>,
    props: &str,
    literal: bool,
) -> Option<String> {
    let q = Query {
        literal,
        ..Query::text(query)
    };
    let r = ix.search(&q);
    let rows: Vec<usize> = r.hits.iter().take(20).map(|h| h.row as usize).collect();
    let mut why = Vec::new();
    if let Some(want) = reading.filter(|_| !literal) {
        let got = ix.interpret(query).reading();
        if got != want {
            why.push(format!("read as {got:?}, expected {want:?}"));
        }
    }
    let empty_ok = props.split('&').any(|p| p.trim() == "empty");
    if rows.is_empty() && !empty_ok {
        why.push("no results".into());
    } else {
        why.extend(
            props
                .split('&')
                .filter_map(|p| check(ix, &r, &rows, p.trim())),
        );
    }
    (!why.is_empty()).then(|| why.join("; "))
}

/// A table's lines: (query, what it is read as, properties).
fn lines(text: &str, with_reading: bool) -> Vec<(&str, Option<&str>, &str)> {
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let mut f = l.split('\t');
            let q = f.next()?;
            let reading = if with_reading { Some(f.next()?) } else { None };
            Some((q, reading, f.next()?))
        })
        .collect()
}

/// Runs a table: (passing, passing with understanding off, failures).
fn measure(ix: &Index, text: &str, with_reading: bool) -> (usize, usize, usize, Vec<String>) {
    let cases = lines(text, with_reading);
    let mut failed = Vec::new();
    let mut before = 0;
    for (q, reading, props) in &cases {
        if let Some(why) = run(ix, q, *reading, props, false) {
            failed.push(format!("  {q:?} [{}]: {why}", ix.interpret(q).reading()));
        }
        if run(ix, q, None, props, true).is_none() {
            before += 1;
        }
    }
    (cases.len(), cases.len() - failed.len(), before, failed)
}

fn report(name: &str, n: usize, ok: usize, before: usize) -> f64 {
    let pct = |k: usize| 100.0 * k as f64 / n as f64;
    println!(
        "{name}: {ok}/{n} ({:.1}%) read and answered right; with understanding off \
         (--literal, the engine before it): {before}/{n} ({:.1}%)",
        pct(ok),
        pct(before)
    );
    pct(ok)
}

#[test]
fn the_queries_people_type_find_what_they_mean() {
    let ix = index();
    let (n, ok, before, failed) = measure(&ix, include_str!("fixtures/queries/table.tsv"), true);
    assert!(n >= 120, "{n} cases");
    report("query table", n, ok, before);
    assert!(
        failed.is_empty(),
        "{} of {n} fail:\n{}",
        failed.len(),
        failed.join("\n")
    );
}

#[test]
fn held_out_searches_find_what_they_mean() {
    let ix = index();
    // the first set's failures guided general fixes once it was written; the
    // second was written later, by another teammate, as the blind measure.
    // Each floor sits under the measured share, so a change that makes the
    // search understand people worse fails here.
    for (name, text, floor) in [
        (
            "held-out set 1",
            include_str!("fixtures/queries/heldout.tsv"),
            75.0,
        ),
        (
            "held-out set 2",
            include_str!("fixtures/queries/heldout2.tsv"),
            75.0,
        ),
    ] {
        let (n, ok, before, failed) = measure(&ix, text, false);
        assert!(n >= 100, "{name}: {n} cases");
        let share = report(name, n, ok, before);
        println!("{}", failed.join("\n"));
        assert!(share >= floor, "{name}: {}", failed.join("\n"));
    }
}
