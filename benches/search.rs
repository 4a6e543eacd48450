//! The query engine at 10k, 100k and 1M synthetic listings: rank + filter +
//! facet counts (the TUI sidebar's) for realistic queries.
//! `cargo bench --bench search`; `BACKDESK_BENCH_SIZES=100000` for one size.

use std::hint::black_box;
use std::sync::Arc;
use std::time::Duration;

use backdesk::search::{Facet, FacetSet, Index, Query, Searcher, never};
use backdesk::session::synthetic_index;
use criterion::{BatchSize, BenchmarkId, Criterion, criterion_group, criterion_main};

const TODAY: jiff::civil::Date = jiff::civil::date(2026, 11, 23);

fn sizes() -> Vec<usize> {
    match std::env::var("BACKDESK_BENCH_SIZES") {
        Ok(s) => s.split(',').filter_map(|x| x.trim().parse().ok()).collect(),
        Err(_) => vec![10_000, 100_000, 1_000_000],
    }
}

fn engine(c: &mut Criterion) {
    let facets: FacetSet = backdesk::tui::sidebar::counted();
    for n in sizes() {
        let ix: Arc<Index> = Arc::new(synthetic_index(n, 1, TODAY).expect("index"));
        let mut g = c.benchmark_group(format!("search/{n}"));
        if n >= 1_000_000 {
            g.sample_size(10).measurement_time(Duration::from_secs(6));
        } else {
            g.sample_size(20);
        }
        let mut toggle = Query::text("data entry");
        toggle.include(Facet::City, "Pune");
        let plain: Vec<(&str, Query)> = vec![
            ("1-char", Query::text("a")),
            ("3-char", Query::text("pay")),
            ("two-words-typo", Query::text("payrl pune")),
            ("empty", Query::default()),
        ];
        for (name, q) in &plain {
            g.bench_with_input(BenchmarkId::from_parameter(name), q, |b, q| {
                b.iter(|| black_box(ix.search_with(q, facets)).total())
            });
        }
        // a keystroke that extends the previous query: only its matches are scanned
        let (prev, next) = (Query::text("payr"), Query::text("payro"));
        g.bench_function("extends-previous", |b| {
            b.iter_batched(
                || {
                    let mut s = Searcher::new(ix.clone(), facets);
                    s.search(&prev, &never);
                    s
                },
                |mut s| black_box(s.search(&next, &never)).map(|r| r.total()),
                BatchSize::LargeInput,
            )
        });
        // toggling a filter: the text pass is reused
        let base = Query::text("data entry");
        g.bench_function("filter-toggle", |b| {
            b.iter_batched(
                || {
                    let mut s = Searcher::new(ix.clone(), facets);
                    s.search(&base, &never);
                    s
                },
                |mut s| black_box(s.search(&toggle, &never)).map(|r| r.total()),
                BatchSize::LargeInput,
            )
        });
        g.bench_function("cli-no-facets", |b| {
            b.iter(|| black_box(ix.search_with(&Query::text("payrl pune"), FacetSet::NONE)).total())
        });
        // a typo that finds nothing: the suggestion ("payroll pune"), once
        // the word list exists (its one-off build is timed below)
        let typo = Query::text("payrall pune");
        g.bench_function("suggest-after-nothing", |b| {
            b.iter(|| black_box(ix.suggest(&typo)))
        });
        // what people type, read before it is matched (places, pay, modes,
        // departments, synonyms)
        let typed: Vec<(&str, Query)> = vec![
            ("understood-hr-jobs-mumbai", Query::text("hr jobs mumbai")),
            (
                "understood-accounts-20000",
                Query::text("accounts job 20000"),
            ),
            (
                "understood-back-office-jobs",
                Query::text("back office jobs"),
            ),
            (
                "understood-data-entry-fresher-wfh",
                Query::text("data entry fresher wfh"),
            ),
        ];
        for (name, q) in &typed {
            g.bench_with_input(BenchmarkId::from_parameter(name), q, |b, q| {
                b.iter(|| black_box(ix.search_with(q, facets)).total())
            });
        }
        g.finish();
        let fresh = synthetic_index(n, 1, TODAY).expect("index");
        let start = std::time::Instant::now();
        let s = fresh.suggest(&typo);
        eprintln!(
            "search/{n}: first suggestion {s:?} (word list built) in {:.1} ms",
            start.elapsed().as_secs_f64() * 1000.0
        );
    }
}

/// Other ways of matching the same text, for comparison (one thread each):
/// skim on every line (what a naive search does on each keystroke),
/// nucleo-matcher (the fastest fuzzy matcher around) and a plain lowercase
/// substring scan (the floor: no fuzziness at all).
fn reference(c: &mut Criterion) {
    use fuzzy_matcher::FuzzyMatcher;
    use fuzzy_matcher::skim::SkimMatcherV2;
    use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
    use nucleo_matcher::{Config, Matcher, Utf32Str};
    for n in sizes().into_iter().filter(|&n| n >= 100_000) {
        let ix = synthetic_index(n, 1, TODAY).expect("index");
        let lines: Vec<&str> = (0..ix.len()).map(|r| ix.searchable_text(r)).collect();
        let mut g = c.benchmark_group(format!("reference/{n}"));
        g.sample_size(10)
            .measurement_time(Duration::from_secs(if n >= 1_000_000 { 10 } else { 4 }));
        let words = ["payrl", "pune"];
        g.bench_function("skim-every-line", |b| {
            let m = SkimMatcherV2::default().ignore_case();
            b.iter(|| {
                lines
                    .iter()
                    .filter(|l| words.iter().all(|w| m.fuzzy_match(l, w).is_some()))
                    .count()
            })
        });
        g.bench_function("nucleo-every-line", |b| {
            let mut m = Matcher::new(Config::DEFAULT);
            let p = Pattern::parse("payrl pune", CaseMatching::Ignore, Normalization::Smart);
            let mut buf = Vec::new();
            b.iter(|| {
                lines
                    .iter()
                    .filter(|l| p.score(Utf32Str::new(l, &mut buf), &mut m).is_some())
                    .count()
            })
        });
        g.bench_function("substring-scan", |b| {
            b.iter(|| {
                lines
                    .iter()
                    .filter(|l| {
                        let lower = l.to_ascii_lowercase();
                        ["payroll", "pune"].iter().all(|w| lower.contains(w))
                    })
                    .count()
            })
        });
        g.finish();
    }
}

/// Reading a query: `interpret` on a ten-word search (no index scan).
fn understanding(c: &mut Criterion) {
    let ix = synthetic_index(1_000, 1, TODAY).expect("index");
    let mut g = c.benchmark_group("interpret");
    for text in [
        "part time data entry jobs in pune for freshers above 15k",
        "ghar baithe accounts ki naukri delhi ncr mein 3 lpa",
        "payrol executiv hydrabad 2 yrs experience night shift !bpo",
    ] {
        g.bench_with_input(BenchmarkId::from_parameter(text), text, |b, t| {
            b.iter(|| black_box(ix.interpret(t)).parts.len())
        });
    }
    g.finish();
}

criterion_group!(benches, engine, reference, understanding);
criterion_main!(benches);
