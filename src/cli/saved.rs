//! `backdesk saved`: saved searches with how many listings are new to them.

use super::format::json;
use super::table::{Column, Table, output_width};
use super::{Context, SavedCommand, TableJson, emit, usage};
use crate::session::saved::saved_counts;

use crate::session::saved::describe;

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
            let home = ctx
                .loaded
                .config
                .profile
                .home_city
                .as_deref()
                .and_then(|h| session.index.catalog_city(h))
                .map(|c| c.name.clone());
            let rows = saved_counts(&session.store, &session.index, home.as_deref())?;
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
