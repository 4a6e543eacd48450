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
        g.finish();
    }
}

criterion_group!(benches, engine);
criterion_main!(benches);
