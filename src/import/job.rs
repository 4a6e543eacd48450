//! An import from start to end, for the command line and the app alike:
//! check the paths, read and parse every file, match the postings, write
//! them all in one transaction, and report. Progress is told as it goes
//! and the import can be cancelled at any point before it commits
//! (nothing is written then). Reading and matching need no database, so
//! the app runs them on a worker thread.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::{FilePlan, ImportError, ImportedListing, InputFormat, Matcher, Skipped, read_file};
use crate::search::Vocab;
use crate::store::{ImportBatch, Store, StoreError};

/// The longest description kept: longer ones are cut, with a note.
pub const MAX_DESCRIPTION: usize = 20_000;

/// Where an import is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Reading and parsing file `done + 1` of `total`.
    Reading,
    /// Matching posting `done` of `total` to the catalogue.
    Matching,
    /// Waiting for another program to finish writing to the database.
    Waiting,
    /// Writing listing `done` of `total`.
    Writing,
}

/// How far an import has got.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub stage: Stage,
    pub done: usize,
    pub total: usize,
}

impl Progress {
    /// "Importing 12,400 of 20,000…", as the app and the CLI say it.
    pub fn describe(&self) -> String {
        let n = |v: usize| crate::money::group_indian(v as u64);
        match self.stage {
            Stage::Reading => format!("Reading file {} of {}…", n(self.done + 1), n(self.total)),
            Stage::Matching => format!("Importing {} of {}…", n(self.done), n(self.total)),
            Stage::Waiting => {
                "Waiting for the database: another program is writing to it…".to_string()
            }
            Stage::Writing => format!("Writing {} of {}…", n(self.done), n(self.total)),
        }
    }
}

/// Why an import did not happen. Nothing was written in any case.
#[derive(Debug, thiserror::Error)]
pub enum JobError {
    #[error(transparent)]
    Rejected(#[from] FilesRejected),
    /// A mistake in what was asked (an unknown kind of file, two files of
    /// one name).
    #[error("{0}")]
    Usage(String),
    #[error("the import was cancelled; nothing was written")]
    Cancelled,
    #[error(transparent)]
    Store(StoreError),
}

impl From<StoreError> for JobError {
    fn from(e: StoreError) -> JobError {
        match e {
            StoreError::Cancelled => JobError::Cancelled,
            e => JobError::Store(e),
        }
    }
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

impl Report {
    /// Whether any listing was added or changed.
    pub fn changed(&self) -> bool {
        !self.dry_run && self.files.iter().any(|f| f.imported + f.updated > 0)
    }
}

/// The source an imported file's listings are tagged with: its name, on
/// one line and without control characters (it is printed and drawn).
pub fn source_name(path: &Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    crate::display::scrub(&name, false).trim().to_string()
}

/// Usage mistakes in a list of files: kinds backdesk does not read, and
/// two files with the same name (the name is the source).
pub fn check_paths(paths: &[PathBuf]) -> Result<(), JobError> {
    let mut sources = HashSet::new();
    for path in paths {
        if InputFormat::from_path(path).is_none() {
            return Err(JobError::Usage(format!(
                "{}: unknown kind of file; import reads .html/.htm (a saved job page), .json/.jsonld and .csv",
                path.display()
            )));
        }
        let source = source_name(path);
        if !sources.insert(source.clone()) {
            return Err(JobError::Usage(format!(
                "two files named {source}: listings are tagged with their file's name, so rename one"
            )));
        }
    }
    Ok(())
}

/// Cuts a description longer than [`MAX_DESCRIPTION`] characters, noting it.
fn cap_description(l: &mut ImportedListing) {
    let len = l.description.chars().count();
    if len <= MAX_DESCRIPTION {
        return;
    }
    let cut = crate::display::truncate(&l.description, MAX_DESCRIPTION);
    // truncate measures columns; make sure of the character count too
    l.description = cut.chars().take(MAX_DESCRIPTION).collect();
    l.notes.push(format!(
        "description cut from {} to {} characters",
        crate::money::group_indian(len as u64),
        crate::money::group_indian(MAX_DESCRIPTION as u64)
    ));
}

/// Steps 1 and 2: reads, parses and matches every file. `progress` is
/// told where it is; when it returns false the import stops
/// ([`JobError::Cancelled`]). A file that does not parse fails the whole
/// import with [`FilesRejected`].
pub fn plan_paths(
    paths: &[PathBuf],
    vocab: Vocab,
    today: jiff::civil::Date,
    progress: &mut dyn FnMut(Progress) -> bool,
) -> Result<Vec<FilePlan>, JobError> {
    check_paths(paths)?;
    let mut parsed = Vec::new();
    let mut errors = Vec::new();
    for (i, path) in paths.iter().enumerate() {
        let at = Progress {
            stage: Stage::Reading,
            done: i,
            total: paths.len(),
        };
        if !progress(at) {
            return Err(JobError::Cancelled);
        }
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
    let matcher = Matcher::new(vocab);
    let total: usize = parsed.iter().map(|(_, _, p)| p.postings.len()).sum();
    let mut before = 0;
    let mut plans = Vec::with_capacity(parsed.len());
    for (path, source, p) in parsed {
        let n = p.postings.len();
        let mut tell = |done: usize, _: usize| {
            progress(Progress {
                stage: Stage::Matching,
                done: before + done,
                total,
            })
        };
        let mut plan = matcher
            .plan_with(&path, &source, p, today, &mut tell)
            .ok_or(JobError::Cancelled)?;
        plan.listings.iter_mut().for_each(cap_description);
        plans.push(plan);
        before += n;
    }
    Ok(plans)
}

/// Step 3: writes the plans in one transaction (or, in a dry run, only
/// looks up which are new) and reports. Cancelling while it writes rolls
/// everything back.
pub fn write_plans(
    store: &mut Store,
    plans: Vec<FilePlan>,
    dry_run: bool,
    progress: &mut dyn FnMut(Progress) -> bool,
) -> Result<Report, JobError> {
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
        let total: usize = plans.iter().map(|p| p.listings.len()).sum();
        let progress = std::cell::RefCell::new(progress);
        let mut tell = |done: usize| {
            (progress.borrow_mut())(Progress {
                stage: Stage::Writing,
                done,
                total,
            })
        };
        let mut wait = || {
            (progress.borrow_mut())(Progress {
                stage: Stage::Waiting,
                done: 0,
                total,
            })
        };
        store
            .upsert_batches_waiting(&batches, &mut tell, &mut wait)?
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

/// The whole import, without progress (tests, scripts).
pub fn import_paths(
    store: &mut Store,
    paths: &[PathBuf],
    dry_run: bool,
) -> Result<Report, JobError> {
    import_paths_with(store, paths, dry_run, &mut |_| true)
}

/// The whole import, telling `progress` where it is.
pub fn import_paths_with(
    store: &mut Store,
    paths: &[PathBuf],
    dry_run: bool,
    progress: &mut dyn FnMut(Progress) -> bool,
) -> Result<Report, JobError> {
    let vocab = crate::session::load_vocab(store)?;
    let today = jiff::Zoned::now().date();
    let plans = plan_paths(paths, vocab, today, progress)?;
    write_plans(store, plans, dry_run, progress)
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
