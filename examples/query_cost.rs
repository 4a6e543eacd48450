//! Runs one search on a synthetic index, for instruction counts that do
//! not depend on the machine's load (`scripts/query-cost.sh` runs it under
//! callgrind): `query_cost QUERY [RUNS]`, `SIZE` rows (default 20,000).

use backdesk::search::{FacetSet, Query};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let size = std::env::var("SIZE")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20_000);
    let mut args = std::env::args().skip(1);
    let text = args.next().unwrap_or_default();
    let runs: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(1);
    let ix = backdesk::session::synthetic_index(size, 1, jiff::civil::date(2026, 11, 23))?;
    let q = Query::text(&text);
    let mut total = 0;
    for _ in 0..runs {
        total = ix.search_with(&q, FacetSet::ALL).total();
    }
    println!("{text}\t{total}");
    Ok(())
}
