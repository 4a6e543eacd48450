//! `backdesk db path|stats|reset`.

use std::io::{BufRead, IsTerminal, Write};

use super::format::json;
use super::table::{Column, Table, output_width};
use super::{Context, DbCommand, TableJson, emit, usage};
use crate::money::group_indian;

pub fn run(ctx: &Context, cmd: &DbCommand) -> anyhow::Result<()> {
    match cmd {
        DbCommand::Path => {
            let config = ctx
                .config_path
                .as_ref()
                .map(|p| {
                    let state = if p.exists() {
                        ""
                    } else {
                        " (not present: defaults in use)"
                    };
                    format!("{}{state}", p.display())
                })
                .unwrap_or_else(|| "(none)".to_string());
            emit(&format!(
                "database: {}\nconfig:   {config}\n",
                ctx.db_path.display()
            ))
        }
        DbCommand::Stats { format } => {
            let store = ctx.open_store()?;
            let stats = store.stats()?;
            match format {
                TableJson::Json => emit(&json(&stats)?),
                TableJson::Table => {
                    let mut t = Table::new(vec![Column::flex("Table"), Column::right("Rows")]);
                    for c in &stats.tables {
                        t.row(vec![c.name.clone(), group_indian(c.rows.max(0) as u64)]);
                    }
                    let mut out = format!(
                        "{}\nschema version {} · {} bytes · catalogue seeded {}\n\n",
                        stats.path,
                        stats.schema_version,
                        group_indian(stats.size_bytes),
                        stats.catalog_seeded_on.as_deref().unwrap_or("never")
                    );
                    out.push_str(&t.render(output_width()));
                    out.push_str("\nListings by source:\n");
                    for s in &stats.listings_by_source {
                        out.push_str(&format!(
                            "  {:<20} {}\n",
                            s.name,
                            group_indian(s.rows.max(0) as u64)
                        ));
                    }
                    emit(&out)
                }
            }
        }
        DbCommand::Synth { listings, seed } => {
            // BACKDESK_DB may be the user's real database: only --db itself
            if !ctx.db_flag {
                return Err(usage(
                    "db synth adds listings in bulk; name the database with --db PATH (BACKDESK_DB is not enough: it never touches a database you did not name on the command line)",
                ));
            }
            let mut store = ctx.open_store()?;
            let n = usize::try_from(*listings).unwrap_or(usize::MAX);
            let r = store.synth(n, *seed, |done| {
                if done % 200_000 == 0 || done == n {
                    eprintln!(
                        "backdesk: {} / {}",
                        group_indian(done as u64),
                        group_indian(n as u64)
                    );
                }
            })?;
            emit(&format!(
                "Added {} synthetic listings (ids from {}) to {} in {:.1} s\n",
                group_indian(r.listings as u64),
                r.first_id,
                store.path().display(),
                r.took.as_secs_f64()
            ))
        }
        DbCommand::Reset { yes } => {
            if !yes {
                if !std::io::stdin().is_terminal() {
                    return Err(usage(
                        "db reset asks for confirmation; pass --yes to run it without a terminal",
                    ));
                }
                eprint!(
                    "Re-seed the catalogue in {}? Your saved applications are kept. [y/N] ",
                    ctx.db_path.display()
                );
                std::io::stderr().flush()?;
                let mut answer = String::new();
                std::io::stdin().lock().read_line(&mut answer)?;
                if !matches!(answer.trim().to_lowercase().as_str(), "y" | "yes") {
                    eprintln!("Nothing changed.");
                    return Ok(());
                }
            }
            let mut store = ctx.open_store()?;
            let r = store.reseed()?;
            emit(&format!(
                "Re-seeded {}: {} roles, {} cities, {} companies, {} listings in {:.0} ms. Your own data was kept.\n",
                store.path().display(),
                r.roles,
                r.cities,
                r.companies,
                group_indian(r.listings as u64),
                r.took.as_secs_f64() * 1000.0
            ))
        }
    }
}
