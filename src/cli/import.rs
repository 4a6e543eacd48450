//! `backdesk import FILE... [--dry-run] [--format table|json]` and
//! `backdesk import --remove SOURCE`.
//!
//! Every file is read and checked before anything is written: if one does
//! not parse, none is imported (exit 1). Then all files are written in one
//! transaction.

use std::path::PathBuf;

use clap::Args;

use super::format::json;
use super::table::output_width;
use super::{Context, TableJson, emit, usage};
use crate::import::job::{self, JobError};
use crate::money::group_indian;
use crate::store::{CATALOG_SOURCE, Store};

pub use super::format::{LISTING_CSV_COLUMNS, listings_csv};

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Files to import: saved job pages (.html), JSON-LD or JSON (.json, .jsonld), CSV (.csv)
    #[arg(
        value_name = "FILE",
        required_unless_present = "remove",
        conflicts_with = "remove"
    )]
    pub files: Vec<PathBuf>,
    /// Show what would be imported and updated; write nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Delete every listing imported from SOURCE (the imported file's name)
    #[arg(long, value_name = "SOURCE")]
    pub remove: Option<String>,
    #[arg(long, value_enum, default_value_t = TableJson::Table)]
    pub format: TableJson,
}

pub use crate::import::job::{FileReport, FilesRejected, ListingReport, Report, source_name};

pub fn run(ctx: &Context, a: &ImportArgs) -> anyhow::Result<()> {
    if let Some(source) = &a.remove {
        return remove(ctx, source, a.dry_run);
    }
    check_paths(&a.files)?;
    let mut store = ctx.open_store()?;
    let bar = ProgressBar::new();
    let result = job::import_paths_with(&mut store, &a.files, a.dry_run, &mut |p| {
        bar.show(p);
        true
    });
    bar.finish();
    let report = match result {
        Ok(r) => r,
        Err(JobError::Rejected(r)) => {
            for err in &r.errors {
                super::say(&format!("backdesk: error: {err}"));
            }
            anyhow::bail!(
                "{} of {} file{} could not be read; nothing was imported",
                r.errors.len(),
                r.total,
                if r.total == 1 { "" } else { "s" }
            );
        }
        Err(e) => return Err(cli_error(e)),
    };
    match a.format {
        TableJson::Json => emit(&json(&report)?),
        TableJson::Table => emit(&render(&report)),
    }
}

/// A progress bar on standard error while an import runs, when that is a
/// terminal (nothing in scripts and pipes).
struct ProgressBar(Option<indicatif::ProgressBar>);

impl ProgressBar {
    fn new() -> ProgressBar {
        use std::io::IsTerminal;
        if !std::io::stderr().is_terminal() {
            return ProgressBar(None);
        }
        let bar = indicatif::ProgressBar::new(0);
        let style = indicatif::ProgressStyle::with_template(
            "{spinner} {msg} [{bar:30}] {percent:>3}% · {elapsed}",
        )
        .map(|s| s.progress_chars("=> "));
        if let Ok(style) = style {
            bar.set_style(style);
        }
        // the spinner and the clock move while a big file is parsed
        bar.enable_steady_tick(std::time::Duration::from_millis(120));
        ProgressBar(Some(bar))
    }

    fn show(&self, p: job::Progress) {
        if let Some(bar) = &self.0 {
            bar.set_length(p.total as u64);
            bar.set_position(p.done as u64);
            bar.set_message(p.describe());
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.0 {
            bar.finish_and_clear();
        }
    }
}

/// An import's error for the command line: usage mistakes exit 2.
fn cli_error(e: JobError) -> anyhow::Error {
    match e {
        JobError::Usage(m) => usage(m),
        JobError::Rejected(r) => anyhow::Error::new(r),
        other => anyhow::Error::new(other),
    }
}

/// Usage mistakes in a list of files: kinds backdesk does not read, and
/// two files with the same name (the name is the source).
pub fn check_paths(paths: &[PathBuf]) -> anyhow::Result<()> {
    job::check_paths(paths).map_err(cli_error)
}

/// Imports files into `store`: checks the paths, reads and checks every
/// file, then writes them all in one transaction, unless `dry_run`. A file
/// that does not parse fails the whole import with [`FilesRejected`],
/// before anything is written.
pub fn import_paths(store: &mut Store, paths: &[PathBuf], dry_run: bool) -> anyhow::Result<Report> {
    job::import_paths(store, paths, dry_run).map_err(cli_error)
}

fn remove(ctx: &Context, source: &str, dry_run: bool) -> anyhow::Result<()> {
    if source == CATALOG_SOURCE {
        return Err(usage(
            "the catalogue's listings cannot be removed; --remove takes the name of an imported file",
        ));
    }
    let mut store = ctx.open_store()?;
    let imported: Vec<(String, i64)> = store
        .stats()?
        .listings_by_source
        .into_iter()
        .filter(|s| s.name != CATALOG_SOURCE)
        .map(|s| (s.name, s.rows))
        .collect();
    let Some(&(_, count)) = imported.iter().find(|(n, _)| n == source) else {
        let known = if imported.is_empty() {
            "nothing has been imported yet".to_string()
        } else {
            format!(
                "imported sources: {}",
                imported
                    .iter()
                    .map(|(n, _)| n.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        };
        return Err(usage(format!(
            "no listings from source '{source}'; {known}"
        )));
    };
    if dry_run {
        return emit(&format!(
            "Would remove {} listing{} imported from {source}. Nothing was changed (dry run).\n",
            group_indian(count.max(0) as u64),
            if count == 1 { "" } else { "s" }
        ));
    }
    let n = store.remove_source(source)?;
    emit(&format!(
        "Removed {} listing{} imported from {source}.\n",
        group_indian(n as u64),
        if n == 1 { "" } else { "s" }
    ))
}

/// The report as text, for a terminal.
pub fn render(r: &Report) -> String {
    crate::import::report::render(r, output_width())
}

/// The report as text at most `width` columns wide.
pub fn render_width(r: &Report, width: usize) -> String {
    crate::import::report::render(r, width)
}
