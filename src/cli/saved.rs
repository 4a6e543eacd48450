//! `backdesk saved`: saved searches with how many listings are new to them.

use serde::Serialize;

use super::format::json;
use super::table::{Column, Table, output_width};
use super::{Context, SavedCommand, TableJson, emit, usage};
use crate::search::{FacetSet, Query};

#[derive(Serialize)]
struct Row {
    name: String,
    query: Query,
    results: usize,
    new: usize,
    opened_at: Option<String>,
}

/// A short description of a query: its text and filters.
pub fn describe(q: &Query) -> String {
    let mut parts = Vec::new();
    if !q.text.is_empty() {
        parts.push(format!("\"{}\"", q.text));
    }
    for (f, sel) in &q.facets {
        for k in &sel.include {
            parts.push(format!("{}={k}", f.id()));
        }
        for k in &sel.exclude {
            parts.push(format!("not {}={k}", f.id()));
        }
    }
    if let Some(s) = q.salary_at_least {
        parts.push(format!("pay ≥ {}", s.display()));
    }
    if let Some(y) = q.experience_years {
        parts.push(format!("{y} yrs"));
    }
    if let Some(d) = q.posted_within_days {
        parts.push(format!("last {d} days"));
    }
    if let Some(k) = q.within_km {
        parts.push(format!("within {k} km"));
    }
    if parts.is_empty() {
        "everything".into()
    } else {
        parts.join(" · ")
    }
}

pub fn run(ctx: &Context, cmd: Option<&SavedCommand>, format: TableJson) -> anyhow::Result<()> {
    match cmd {
        Some(SavedCommand::Remove { name }) => {
            let mut store = ctx.open_store()?;
            if !store.remove_saved_search(name)? {
                return Err(usage(format!(
                    "no saved search '{name}'; `backdesk saved` lists them"
                )));
            }
            emit(&format!("Removed '{name}'\n"))
        }
        None => {
            let session = ctx.open_session()?;
            let ix = &session.index;
            let rows: Vec<Row> = session
                .store
                .saved_searches()?
                .into_iter()
                .map(|s| {
                    let r = ix.search_with(&s.query, FacetSet::NONE);
                    let new = r
                        .hits
                        .iter()
                        .filter(|h| ix.id(h.row as usize) > s.seen_max_id)
                        .count();
                    Row {
                        results: r.total(),
                        new,
                        name: s.name,
                        query: s.query,
                        opened_at: s.opened_at,
                    }
                })
                .collect();
            if format == TableJson::Json {
                return emit(&json(&rows)?);
            }
            if rows.is_empty() {
                return emit(
                    "No saved searches. Save one with `backdesk search ... --save-as NAME`, or b in the app.\n",
                );
            }
            let mut t = Table::new(vec![
                Column::left("Name"),
                Column::flex("Search"),
                Column::right("Results"),
                Column::right("New"),
            ]);
            for r in &rows {
                t.row(vec![
                    r.name.clone(),
                    describe(&r.query),
                    r.results.to_string(),
                    r.new.to_string(),
                ]);
            }
            let mut out = t.render(output_width());
            out.push_str("\nNew: listings added since the search was last opened (backdesk search --saved NAME).\n");
            emit(&out)
        }
    }
}
