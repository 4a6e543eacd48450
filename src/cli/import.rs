//! `backdesk import FILE... [--dry-run] [--format table|json]` and
//! `backdesk import --remove SOURCE`.
//!
//! Every file is read and checked before anything is written: if one does
//! not parse, none is imported (exit 1). Then all files are written in one
//! transaction.

use std::collections::{BTreeMap, HashSet};
use std::path::PathBuf;

use clap::Args;
use serde::Serialize;

use super::format::json;
use super::table::{Column, Table, output_width};
use super::{Context, TableJson, emit, usage};
use crate::import::{
    FilePlan, ImportError, ImportedListing, InputFormat, Matcher, Skipped, read_file,
};
use crate::money::{Period, Rupees, format_range, group_indian};
use crate::store::{CATALOG_SOURCE, ImportBatch, Store};

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

/// What happened to one file, as `--format json` prints it.
#[derive(Debug, Serialize)]
pub struct FileReport {
    pub path: String,
    pub source: String,
    pub imported: usize,
    pub updated: usize,
    pub skipped: usize,
    pub other_items_skipped: usize,
    pub other_types: BTreeMap<String, usize>,
    pub ignored_columns: Vec<String>,
    pub listings: Vec<ListingReport>,
    pub skipped_postings: Vec<Skipped>,
}

#[derive(Debug, Serialize)]
pub struct ListingReport {
    /// The listing's id: the id it has, or in a dry run the id it would
    /// update (`null` for a new listing in a dry run).
    pub id: Option<i64>,
    /// `new` or `updated`.
    pub action: &'static str,
    pub number: usize,
    pub line: Option<u64>,
    pub title: String,
    pub company: String,
    pub city: String,
    pub catalogue_city: bool,
    pub salary_min: Option<u32>,
    pub salary_max: Option<u32>,
    pub currency: String,
    pub posted: String,
    pub role_id: Option<String>,
    pub role: Option<String>,
    pub role_guessed: bool,
    pub notes: Vec<String>,
}

/// What an import did (or, in a dry run, would do), file by file.
#[derive(Debug, Serialize)]
pub struct Report {
    pub dry_run: bool,
    pub files: Vec<FileReport>,
}

/// Files that could not be read: nothing was imported.
#[derive(Debug, thiserror::Error)]
#[error("{}{} of {} file{} could not be read; nothing was imported", list(.errors), .errors.len(), .total, if *.total == 1 { "" } else { "s" })]
pub struct FilesRejected {
    pub errors: Vec<ImportError>,
    pub total: usize,
}

fn list(errors: &[ImportError]) -> String {
    errors.iter().map(|e| format!("{e}\n")).collect()
}

pub fn run(ctx: &Context, a: &ImportArgs) -> anyhow::Result<()> {
    if let Some(source) = &a.remove {
        return remove(ctx, source, a.dry_run);
    }
    check_paths(&a.files)?;
    let mut store = ctx.open_store()?;
    let report = match import_paths(&mut store, &a.files, a.dry_run) {
        Ok(r) => r,
        Err(e) => {
            if let Some(r) = e.downcast_ref::<FilesRejected>() {
                for err in &r.errors {
                    eprintln!("backdesk: error: {err}");
                }
                anyhow::bail!(
                    "{} of {} file{} could not be read; nothing was imported",
                    r.errors.len(),
                    r.total,
                    if r.total == 1 { "" } else { "s" }
                );
            }
            return Err(e);
        }
    };
    match a.format {
        TableJson::Json => emit(&json(&report)?),
        TableJson::Table => emit(&render(&report)),
    }
}

/// Usage mistakes in a list of files: kinds backdesk does not read, and
/// two files with the same name (the name is the source).
pub fn check_paths(paths: &[PathBuf]) -> anyhow::Result<()> {
    let mut sources = HashSet::new();
    for path in paths {
        if InputFormat::from_path(path).is_none() {
            return Err(usage(format!(
                "{}: unknown kind of file; import reads .html/.htm (a saved job page), .json/.jsonld and .csv",
                path.display()
            )));
        }
        let source = source_name(path);
        if !sources.insert(source.clone()) {
            return Err(usage(format!(
                "two files named {source}: listings are tagged with their file's name, so rename one"
            )));
        }
    }
    Ok(())
}

/// The source an imported file's listings are tagged with: its name.
pub fn source_name(path: &std::path::Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Imports files into `store` (the CLI's and the TUI's way in): checks the
/// paths, reads and checks every file, then writes them all in one
/// transaction, unless `dry_run`. A file that does not parse fails the
/// whole import with [`FilesRejected`], before anything is written.
pub fn import_paths(store: &mut Store, paths: &[PathBuf], dry_run: bool) -> anyhow::Result<Report> {
    check_paths(paths)?;
    let mut parsed = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        match read_file(path) {
            Ok(p) => parsed.push((path.display().to_string(), source_name(path), p)),
            Err(e) => errors.push(e),
        }
    }
    if !errors.is_empty() {
        return Err(FilesRejected {
            errors,
            total: paths.len(),
        }
        .into());
    }

    let matcher = Matcher::new(crate::session::load_vocab(store)?);
    let today = jiff::Zoned::now().date();
    let plans: Vec<FilePlan> = parsed
        .into_iter()
        .map(|(path, source, p)| matcher.plan(&path, &source, p, today))
        .collect();

    let outcomes: Vec<Vec<(Option<i64>, bool)>> = if dry_run {
        let mut out = Vec::new();
        for plan in &plans {
            let ids = store.imported_ids(&plan.source)?;
            out.push(
                plan.listings
                    .iter()
                    .map(|l| {
                        let id = ids.get(&l.key).copied();
                        (id, id.is_some())
                    })
                    .collect(),
            );
        }
        out
    } else {
        let batches: Vec<ImportBatch<'_>> = plans
            .iter()
            .map(|p| ImportBatch {
                source: &p.source,
                listings: &p.listings,
            })
            .collect();
        store
            .upsert_batches(&batches)?
            .into_iter()
            .map(|r| {
                r.outcomes
                    .into_iter()
                    .map(|(id, u)| (Some(id), u))
                    .collect()
            })
            .collect()
    };

    Ok(Report {
        dry_run,
        files: plans
            .into_iter()
            .zip(outcomes)
            .map(|(plan, out)| file_report(plan, &out))
            .collect(),
    })
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

fn file_report(plan: FilePlan, outcomes: &[(Option<i64>, bool)]) -> FileReport {
    let listings: Vec<ListingReport> = plan
        .listings
        .into_iter()
        .zip(outcomes)
        .map(|(l, &(id, updated))| listing_report(l, id, updated))
        .collect();
    FileReport {
        imported: listings.iter().filter(|l| l.action == "new").count(),
        updated: listings.iter().filter(|l| l.action == "updated").count(),
        skipped: plan.skipped.len(),
        other_items_skipped: plan.other_types.values().sum(),
        path: plan.path,
        source: plan.source,
        other_types: plan.other_types,
        ignored_columns: plan.ignored_columns,
        listings,
        skipped_postings: plan.skipped,
    }
}

fn listing_report(l: ImportedListing, id: Option<i64>, updated: bool) -> ListingReport {
    ListingReport {
        id,
        action: if updated { "updated" } else { "new" },
        number: l.number,
        line: l.line,
        catalogue_city: l.city_id.is_some(),
        city: l.location,
        salary_min: l.salary_min,
        salary_max: l.salary_max,
        currency: l.currency,
        posted: l.posted.to_string(),
        role_id: l.role_id,
        role: l.role,
        role_guessed: l.role_guessed,
        notes: l.notes,
        title: l.title,
        company: l.company,
    }
}

fn salary_text(l: &ListingReport) -> String {
    if l.currency == "INR" {
        return format_range(
            l.salary_min.map(Rupees),
            l.salary_max.map(Rupees),
            Period::Monthly,
        );
    }
    crate::money::format_foreign(&l.currency, l.salary_min, l.salary_max)
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!(
        "{} {}",
        group_indian(n as u64),
        if n == 1 { one } else { many }
    )
}

/// The report as text, for a terminal.
pub fn render(r: &Report) -> String {
    render_width(r, output_width())
}

/// The report as text at most `width` columns wide.
pub fn render_width(r: &Report, width: usize) -> String {
    let mut out = String::new();
    for f in &r.files {
        out.push_str(&format!("{} (source \"{}\")\n", f.path, f.source));
        let mut parts = vec![
            format!("{} new", group_indian(f.imported as u64)),
            format!("{} updated", group_indian(f.updated as u64)),
            format!("{} skipped", group_indian(f.skipped as u64)),
        ];
        if f.other_items_skipped > 0 {
            let kinds: Vec<String> = f
                .other_types
                .iter()
                .map(|(k, n)| {
                    if *n == 1 {
                        k.clone()
                    } else {
                        format!("{k} ×{n}")
                    }
                })
                .collect();
            parts.push(format!(
                "{} not job postings ({})",
                plural(f.other_items_skipped, "item", "items"),
                kinds.join(", ")
            ));
        }
        out.push_str(&format!("  {}\n", parts.join(" · ")));
        if !f.ignored_columns.is_empty() {
            out.push_str(&format!(
                "  columns not read: {}\n",
                f.ignored_columns.join(", ")
            ));
        }
        if !f.listings.is_empty() {
            let mut t = Table::new(vec![
                Column::left(""),
                Column::right("ID"),
                Column::flex("Title").weight(4),
                Column::flex("Company").weight(3),
                Column::flex("City").weight(2),
                Column::left("Salary"),
                Column::left("Posted").optional(0),
                Column::flex("Role").weight(3),
            ]);
            for l in &f.listings {
                let role = match (&l.role, l.role_guessed) {
                    (Some(r), true) => format!("{r} (guess)"),
                    (Some(r), false) => r.clone(),
                    (None, _) => "other role".to_string(),
                };
                t.row(vec![
                    if l.action == "new" { "+" } else { "~" }.to_string(),
                    l.id.map_or_else(|| "-".to_string(), |i| i.to_string()),
                    l.title.clone(),
                    l.company.clone(),
                    l.city.clone(),
                    salary_text(l),
                    l.posted.clone(),
                    role,
                ]);
            }
            for line in t.render(width.saturating_sub(2)).lines() {
                out.push_str("  ");
                out.push_str(line);
                out.push('\n');
            }
        }
        let at = |n: usize, line: Option<u64>| match line {
            Some(l) => format!("#{n} (line {l})"),
            None => format!("#{n}"),
        };
        for s in &f.skipped_postings {
            out.push_str(&format!(
                "  skipped {}{}: {}\n",
                at(s.number, s.line),
                s.title
                    .as_ref()
                    .map(|t| format!(" \"{t}\""))
                    .unwrap_or_default(),
                s.reason
            ));
        }
        // a posting split by place carries its notes on each listing
        let mut said = std::collections::HashSet::new();
        for l in &f.listings {
            for n in &l.notes {
                if !said.insert((l.number, n)) {
                    continue;
                }
                out.push_str(&format!(
                    "  note {} \"{}\": {n}\n",
                    at(l.number, l.line),
                    l.title
                ));
            }
        }
        out.push('\n');
    }
    let new: usize = r.files.iter().map(|f| f.imported).sum();
    let updated: usize = r.files.iter().map(|f| f.updated).sum();
    let skipped: usize = r.files.iter().map(|f| f.skipped).sum();
    let files = plural(r.files.len(), "file", "files");
    if r.dry_run {
        out.push_str(&format!(
            "Dry run: would add {} and update {} from {files}; {} skipped. Nothing was written.\n",
            plural(new, "listing", "listings"),
            group_indian(updated as u64),
            group_indian(skipped as u64),
        ));
    } else {
        out.push_str(&format!(
            "Added {} and updated {} from {files}; {} skipped.",
            plural(new, "listing", "listings"),
            group_indian(updated as u64),
            group_indian(skipped as u64),
        ));
        if let Some(f) = r.files.first()
            && new + updated > 0
        {
            out.push_str(&format!(
                " See them with: backdesk search --source \"{}\"",
                f.source
            ));
        }
        out.push('\n');
    }
    out
}
