//! Regenerates `data/listings.csv` from the roles, companies and cities in
//! `data/`. Run after editing those files:
//!
//!     cargo run --example gen_catalog > data/listings.csv
//!
//! The output is deterministic; a test checks the committed file matches.

use std::io::Write;

fn main() -> anyhow::Result<()> {
    let csv = backdesk::catalog::generate::catalog_listings_csv()?;
    std::io::stdout().lock().write_all(csv.as_bytes())?;
    Ok(())
}
