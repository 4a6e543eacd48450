//! The command line: `backdesk [COMMAND]`. Each subcommand lives in its
//! own module; this one holds the argument types and the dispatch.

mod apps;
mod db;
mod format;
pub mod import;
pub mod out;
mod roles;
pub mod saved;
mod search;
pub mod table;

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

pub use out::{emit, say};

use crate::config::{Config, Dirs, Loaded};
use crate::session::Session;
use crate::store::Store;

/// A mistake in how backdesk was called: exit code 2, like clap's own.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

/// A [`UsageError`] as an `anyhow::Error`.
pub fn usage(msg: impl Into<String>) -> anyhow::Error {
    anyhow::Error::new(UsageError(msg.into()))
}

#[derive(Debug, Parser)]
#[command(
    name = "backdesk",
    version,
    about = "Find back-office jobs in India from your terminal, fully offline",
    long_about = "Find back-office jobs in India from your terminal, fully offline.\n\n\
        With no command, opens the full-screen app. Salaries are rupees a month; \
        annual figures like 4.5L or '4.5 LPA' are accepted wherever a salary is."
)]
pub struct Cli {
    /// Database file (default: the platform data directory)
    #[arg(
        long,
        global = true,
        help_heading = "Global options",
        env = "BACKDESK_DB",
        value_name = "PATH"
    )]
    pub db: Option<PathBuf>,

    /// Config file (default: the platform config directory)
    #[arg(
        long,
        global = true,
        help_heading = "Global options",
        env = "BACKDESK_CONFIG",
        value_name = "PATH"
    )]
    pub config: Option<PathBuf>,

    /// Demo mode: a fresh copy of the catalogue in memory; your database is
    /// not opened and nothing is saved
    #[arg(long, global = true, help_heading = "Global options")]
    pub demo: bool,

    #[command(subcommand)]
    pub command: Option<Command>,

    /// The database came from BACKDESK_DB rather than --db.
    #[arg(skip)]
    pub db_from_env: bool,
}

impl Cli {
    /// Parses the process's arguments, noting where `--db` came from.
    pub fn parse_args() -> Cli {
        let mut cli = <Cli as Parser>::parse();
        // whether the path came with --db or from BACKDESK_DB
        let flag =
            std::env::args_os().any(|a| a == "--db" || a.to_string_lossy().starts_with("--db="));
        cli.db_from_env = cli.db.is_some() && !flag;
        cli
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Search listings with free text and filters
    Search(Box<SearchArgs>),
    /// List and search roles
    Roles(RolesArgs),
    /// Everything about one role
    Role(RoleArgs),
    /// Salary bands of a role, or the market figures from the articles
    Salary(SalaryArgs),
    /// Saved searches: list them with what is new, or remove one
    Saved {
        #[command(subcommand)]
        command: Option<SavedCommand>,
        #[arg(long, value_enum, default_value_t = TableJson::Table)]
        format: TableJson,
    },
    /// The saved-applications tracker
    Apps {
        #[command(subcommand)]
        command: apps::AppsCommand,
    },
    /// The database: where it is, what is in it, re-seeding the catalogue
    Db {
        #[command(subcommand)]
        command: DbCommand,
    },
    /// Import listings from saved job pages, JSON-LD feeds and CSV files
    Import(import::ImportArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Table,
    Json,
    Csv,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TableJson {
    Table,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TextJson {
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SheetFormat {
    Text,
    Json,
    /// A one-page role sheet in Markdown, to print or share
    Md,
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// What to look for, as you would type it: "hr jobs mumbai", "data entry fresher wfh", "accounts 20k" (places, work modes, pay, experience and departments become filters; left-out letters are fine; '"exact words"' and !word too)
    pub text: Vec<String>,
    /// Match the words exactly as typed: no places, pay or synonyms read from them
    #[arg(long)]
    pub literal: bool,
    /// Department: id or name (finance, "HR Support", ...); repeat for any of several
    #[arg(help_heading = "Filters", long, value_name = "C")]
    pub category: Vec<String>,
    /// Role: id or title
    #[arg(help_heading = "Filters", long, value_name = "R")]
    pub role: Vec<String>,
    /// City name or alias (Bangalore = Bengaluru)
    #[arg(help_heading = "Filters", long, value_name = "CITY")]
    pub city: Vec<String>,
    /// State name or code (MH, KA, ...)
    #[arg(help_heading = "Filters", long, value_name = "STATE")]
    pub state: Vec<String>,
    /// Region of several cities: ncr (Delhi NCR: Delhi, Gurugram, Noida, Ghaziabad, Faridabad)
    #[arg(help_heading = "Filters", long, value_name = "REGION")]
    pub region: Vec<String>,
    /// City tier: 1, 2 or 3
    #[arg(help_heading = "Filters", long, value_name = "N")]
    pub tier: Vec<String>,
    /// Work mode: office, hybrid or remote
    #[arg(help_heading = "Filters", long, value_name = "MODE")]
    pub mode: Vec<String>,
    /// full-time, part-time, contract, temporary, internship
    #[arg(help_heading = "Filters", long, value_name = "TYPE")]
    pub employment: Vec<String>,
    /// day, night, rotational, flexible
    #[arg(help_heading = "Filters", long, value_name = "SHIFT")]
    pub shift: Vec<String>,
    /// mnc, indian-private, startup, psu-government, sme
    #[arg(help_heading = "Filters", long, value_name = "TYPE")]
    pub company_type: Vec<String>,
    /// banking, bpo, it, retail, hospital, education, e-commerce, telecom, logistics, manufacturing
    #[arg(help_heading = "Filters", long, value_name = "INDUSTRY")]
    pub industry: Vec<String>,
    /// Company name
    #[arg(help_heading = "Filters", long, value_name = "NAME")]
    pub company: Vec<String>,
    /// Skill the listing asks for (any of those given)
    #[arg(help_heading = "Filters", long, value_name = "S")]
    pub skill: Vec<String>,
    /// Language of work (any of those given)
    #[arg(help_heading = "Filters", long, value_name = "L")]
    pub language: Vec<String>,
    /// Where listings came from: catalog, or an imported file's name
    #[arg(help_heading = "Filters", long, value_name = "SOURCE")]
    pub source: Vec<String>,
    /// Exclude: FILTER=VALUE, e.g. --not industry=bpo --not shift=night --not "company=Trikon BPO Services"
    #[arg(help_heading = "Filters", long = "not", value_name = "FILTER=VALUE")]
    pub exclude: Vec<String>,
    /// Pays at least this much: 18000, 25k, or annual 4.5L / '4.5 LPA'
    #[arg(help_heading = "Filters", long, value_name = "N")]
    pub min_salary: Option<String>,
    /// Starts at or below this much
    #[arg(help_heading = "Filters", long, value_name = "N")]
    pub max_salary: Option<String>,
    /// Years of experience you have
    #[arg(help_heading = "Filters", long, value_name = "YEARS", value_parser = clap::value_parser!(u8).range(0..=50))]
    pub experience: Option<u8>,
    /// Posted in the last N days
    #[arg(help_heading = "Filters", long, value_name = "DAYS", value_parser = clap::value_parser!(u32).range(0..=3650))]
    pub posted_within: Option<u32>,
    /// City to measure distance from (default: profile.home_city)
    #[arg(help_heading = "Filters", long, value_name = "CITY")]
    pub home_city: Option<String>,
    /// relevance, fit (needs a profile), salary, date or distance (default: display.sort in the config)
    #[arg(help_heading = "Output", long, value_name = "ORDER")]
    pub sort: Option<String>,
    /// Rows to show; 0 for all
    #[arg(help_heading = "Output", long, default_value_t = 20, value_name = "N")]
    pub limit: usize,
    #[arg(help_heading = "Output", long, value_enum, default_value_t = ListFormat::Table)]
    pub format: ListFormat,
    /// Show salaries per year (LPA) in the table
    #[arg(help_heading = "Output", long)]
    pub annual: bool,
    /// Only listings within N km of the home city
    #[arg(help_heading = "Filters", long, value_name = "N", value_parser = clap::value_parser!(u32).range(0..=5000))]
    pub within_km: Option<u32>,
    /// Run a saved search (see `backdesk saved`); other filters add to it
    #[arg(help_heading = "Output", long, value_name = "NAME")]
    pub saved: Option<String>,
    /// Save this search under a name (recall it with --saved NAME or in the app)
    #[arg(help_heading = "Output", long, value_name = "NAME")]
    pub save_as: Option<String>,
}

#[derive(Debug, Args)]
pub struct RolesArgs {
    /// Words to look for in titles, skills and departments
    pub text: Vec<String>,
    /// Department: id or name
    #[arg(long, value_name = "C")]
    pub category: Vec<String>,
    /// Roles needing this skill (all of those given)
    #[arg(long, value_name = "S")]
    pub skill: Vec<String>,
    /// relevance (default), fit (best fit to your profile first), listings (most first) or name
    #[arg(long, value_enum, default_value_t = RoleSort::Relevance, value_name = "ORDER")]
    pub sort: RoleSort,
    #[arg(long, value_enum, default_value_t = TableJson::Table)]
    pub format: TableJson,
}

/// How `backdesk roles` orders its rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum RoleSort {
    /// Best match to the words given (catalogue order without words)
    Relevance,
    /// Best fit to the profile first (needs a profile)
    Fit,
    /// Most open listings first
    Listings,
    /// By title, A to Z
    Name,
}

#[derive(Debug, Args)]
pub struct RoleArgs {
    /// Role id or title ("payroll-specialist", "Payroll Specialist", "payroll")
    pub role: Vec<String>,
    #[arg(long, value_enum, default_value_t = SheetFormat::Text)]
    pub format: SheetFormat,
    /// Write to this file instead of standard output
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct SalaryArgs {
    /// Role id or title; without one, the market-wide figures from the articles
    pub role: Vec<String>,
    #[arg(long, value_enum, default_value_t = TableJson::Table)]
    pub format: TableJson,
}

#[derive(Debug, Subcommand)]
pub enum SavedCommand {
    /// Remove a saved search
    Remove { name: String },
}

#[derive(Debug, Subcommand)]
pub enum DbCommand {
    /// Print the database and config paths
    Path,
    /// Row counts per table and listings per source
    Stats {
        #[arg(long, value_enum, default_value_t = TableJson::Table)]
        format: TableJson,
    },
    /// Re-seed the catalogue from this binary; your own data is kept
    Reset {
        /// Do not ask for confirmation
        #[arg(long, short)]
        yes: bool,
    },
    /// Add synthetic listings for benchmarks (needs --db: never the default database)
    Synth {
        /// How many listings
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..=50_000_000))]
        listings: u64,
        /// Generator seed (the same seed gives the same listings)
        #[arg(long, default_value_t = 1, value_name = "S")]
        seed: u64,
    },
}

/// Paths and config, resolved once.
pub struct Context {
    pub db_path: PathBuf,
    /// The database was named with --db or BACKDESK_DB.
    pub db_explicit: bool,
    /// The database was named with the --db flag itself.
    pub db_flag: bool,
    /// --demo: everything in memory, nothing opened or saved on disk.
    pub demo: bool,
    pub config_path: Option<PathBuf>,
    pub loaded: Loaded,
}

impl Context {
    pub fn new(cli: &Cli) -> anyhow::Result<Context> {
        let dirs = Dirs::platform();
        let db_path = match (&cli.db, &dirs) {
            (Some(p), _) => p.clone(),
            (None, Some(d)) => d.database(),
            (None, None) => {
                return Err(usage(
                    "no home directory to keep the database in; pass --db PATH or set BACKDESK_DB",
                ));
            }
        };
        let (config_path, required) = match (&cli.config, &dirs) {
            (Some(p), _) => (Some(p.clone()), true),
            (None, Some(d)) => (Some(d.config_file()), false),
            (None, None) => (None, false),
        };
        let mut loaded = match &config_path {
            Some(p) => Config::load(p, required)?,
            None => Loaded::default(),
        };
        if cli.demo && cli.config.is_none() {
            // a counsellor's demo shows the catalogue, not their own fit
            // scores: no profile unless a config is named for it
            loaded.config.profile = crate::config::Profile::default();
        }
        for w in &loaded.warnings {
            say(&format!("backdesk: warning: {w}"));
        }
        Ok(Context {
            demo: cli.demo,
            db_explicit: cli.db.is_some(),
            db_flag: cli.db.is_some() && !cli.db_from_env,
            db_path,
            config_path,
            loaded,
        })
    }

    pub fn config(&self) -> &Config {
        &self.loaded.config
    }

    pub fn open_store(&self) -> anyhow::Result<Store> {
        if self.demo {
            return Ok(Store::open_in_memory()?);
        }
        let (store, report) = Store::open_or_read_only(&self.db_path)?;
        if !self.db_explicit
            && let Some(dir) = self.db_path.parent()
            && crate::store::make_private_dir(dir)
        {
            say(&format!(
                "backdesk: made {} private to you (0700): other users could open it",
                dir.display()
            ));
        }
        if !report.made_private.is_empty() {
            let names: Vec<String> = report
                .made_private
                .iter()
                .map(|p| p.display().to_string())
                .collect();
            say(&format!(
                "backdesk: made {} private to you (0600): other users could read {}",
                names.join(", "),
                if names.len() == 1 { "it" } else { "them" }
            ));
        }
        if let Some(reason) = store.read_only() {
            say(&format!(
                "backdesk: warning: {reason}; reading {} read-only, nothing will be saved",
                self.db_path.display()
            ));
        }
        if let Some(seeded) = report.seeded
            && report.created
        {
            say(&format!(
                "backdesk: created {} with {} roles and {} listings in {:.0} ms",
                self.db_path.display(),
                seeded.roles,
                seeded.listings,
                seeded.took.as_secs_f64() * 1000.0
            ));
        }
        Ok(store)
    }

    pub fn open_session(&self) -> anyhow::Result<Session> {
        Ok(Session::new(self.open_store()?)?)
    }

    /// The files an `--out` must never replace: the database with its
    /// `-wal` and `-shm`, and the config.
    pub fn protected_files(&self) -> Vec<crate::files::Protected> {
        let mut v = if self.demo {
            Vec::new()
        } else {
            crate::files::database_files(&self.db_path)
        };
        if let Some(c) = &self.config_path {
            v.push(crate::files::Protected {
                path: c.clone(),
                what: "is backdesk's config file".into(),
            });
        }
        v
    }

    /// Writes an `--out` file: whole or not at all, never over the
    /// database, its logs, the config or a file that is not a regular file
    /// (a FIFO, a device); a symlink is written through to its target.
    pub fn write_out(&self, path: &std::path::Path, text: &str) -> anyhow::Result<()> {
        crate::files::write_atomic(path, text.as_bytes(), &self.protected_files())?;
        Ok(())
    }
}

/// Runs a subcommand.
pub fn run(cli: &Cli, command: &Command) -> anyhow::Result<()> {
    let ctx = Context::new(cli)?;
    match command {
        Command::Search(a) => search::run(&ctx, a),
        Command::Roles(a) => roles::list(&ctx, a),
        Command::Role(a) => roles::show(&ctx, a),
        Command::Salary(a) => roles::salary(&ctx, a),
        Command::Apps { command } => apps::run(&ctx, command),
        Command::Saved { command, format } => saved::run(&ctx, command.as_ref(), *format),
        Command::Db { command } => db::run(&ctx, command),
        Command::Import(a) => import::run(&ctx, a),
    }
}

/// Opens the full-screen app.
pub fn tui(cli: &Cli) -> anyhow::Result<crate::tui::Exit> {
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        return Err(usage(
            "the full-screen app needs a terminal; for scripts use a command such as `backdesk search`",
        ));
    }
    let ctx = Context::new(cli)?;
    let store = ctx.open_store()?;
    crate::tui::run(
        store,
        crate::tui::Options {
            config: ctx.config().clone(),
            config_path: ctx.config_path.clone(),
            demo: ctx.demo,
        },
    )
}
