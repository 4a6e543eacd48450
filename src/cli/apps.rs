//! `backdesk apps`: the tracker from the command line.

use std::path::PathBuf;

use clap::{Args, Subcommand, ValueEnum};

use super::format::json;
use super::table::{Column, Table, output_width};
use super::{Context, TextJson, emit, usage};
use crate::money::{Period, Rupees, format_range, parse_salary};
use crate::tracker::dates::{format_datetime, parse_date, parse_datetime};
use crate::tracker::{Application, DOCUMENTS, InterviewMode, NewApp, Patch, Status, Ticks, export};

#[derive(Debug, Subcommand)]
pub enum AppsCommand {
    /// List applications
    List {
        /// Only these statuses (repeat for several)
        #[arg(long, value_name = "S")]
        status: Vec<String>,
        #[arg(long, value_enum, default_value_t = super::ListFormat::Table)]
        format: super::ListFormat,
    },
    /// Save a listing to the tracker; prints the application id
    Save {
        /// The listing id (the ID column of `backdesk search`)
        listing_id: i64,
    },
    /// Add a job seen elsewhere (a notice board, a newspaper); prints its id
    Add(AddArgs),
    /// Move an application to another stage
    Move {
        app_id: i64,
        /// saved, applied, screening, interview, offer, accepted, rejected, withdrawn
        status: String,
        /// A note kept with this change in the history
        #[arg(long)]
        note: Option<String>,
    },
    /// Add a line to an application's notes
    Note {
        app_id: i64,
        #[arg(required = true)]
        text: Vec<String>,
    },
    /// Set dates, contact and other fields
    Set(SetArgs),
    /// Everything about one application, with its history
    Show {
        app_id: i64,
        #[arg(long, value_enum, default_value_t = TextJson::Text)]
        format: TextJson,
    },
    /// Export every application
    Export {
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// Write to this file instead of standard output
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Restore applications from a JSON export (same ids are replaced)
    Import { file: PathBuf },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Csv,
    Json,
    Ics,
}

#[derive(Debug, Args)]
pub struct AddArgs {
    #[arg(long)]
    pub title: String,
    #[arg(long)]
    pub company: String,
    #[arg(long, default_value = "")]
    pub city: String,
    /// Monthly pay or a range: 18000, 18k-25k, "2.5 LPA"
    #[arg(long)]
    pub salary: Option<String>,
    /// Where you saw it: "newspaper", "notice board at the bus stand"
    #[arg(long, default_value = "")]
    pub source: String,
}

#[derive(Debug, Args)]
pub struct SetArgs {
    pub app_id: i64,
    /// Follow-up date: YYYY-MM-DD, DD-MM-YYYY, today, tomorrow, +N; "none" clears
    #[arg(long, value_name = "DATE")]
    pub follow_up: Option<String>,
    /// Interview date and time: 'YYYY-MM-DD HH:MM'; "none" clears
    #[arg(long, value_name = "WHEN")]
    pub interview: Option<String>,
    #[arg(long, value_name = "MODE", value_parser = ["in-person", "phone", "video", "none"])]
    pub interview_mode: Option<String>,
    /// Where the interview is
    #[arg(long, value_name = "PLACE")]
    pub place: Option<String>,
    /// Contact person
    #[arg(long, value_name = "NAME")]
    pub contact: Option<String>,
    #[arg(long, value_name = "P")]
    pub phone: Option<String>,
    /// Monthly rupees (or "4.5 LPA"); "none" clears
    #[arg(long, value_name = "N")]
    pub expected_salary: Option<String>,
    /// Tick a document as ready: resume, id-proof, education, experience
    #[arg(long, value_name = "DOC")]
    pub doc: Vec<String>,
    /// Untick a document
    #[arg(long, value_name = "DOC")]
    pub no_doc: Vec<String>,
    /// Tick an interview-prep item (a skill of the role)
    #[arg(long, value_name = "ITEM")]
    pub prep: Vec<String>,
    #[arg(long, value_name = "ITEM")]
    pub no_prep: Vec<String>,
}

fn parse_status(s: &str) -> anyhow::Result<Status> {
    s.parse::<Status>().map_err(|e| usage(e.to_string()))
}

/// A salary or a range: "18000", "18k-25k", "2.5 LPA".
fn parse_range(s: &str) -> anyhow::Result<(Option<Rupees>, Option<Rupees>)> {
    let parts: Vec<&str> = s.split(['–', '-']).map(str::trim).collect();
    let one = |p: &str| parse_salary(p).map_err(|e| usage(format!("--salary: {e}")));
    match parts.as_slice() {
        [a] => {
            let v = one(a)?;
            Ok((Some(v), Some(v)))
        }
        [a, b] => {
            let (a, b) = (one(a)?, one(b)?);
            if a > b {
                return Err(usage(format!(
                    "--salary: {} is above {}",
                    a.display(),
                    b.display()
                )));
            }
            Ok((Some(a), Some(b)))
        }
        _ => Err(usage(format!("--salary '{s}': write 18000 or 18000-25000"))),
    }
}

fn app_not_found(id: i64) -> anyhow::Error {
    usage(format!(
        "no application with id {id}; `backdesk apps list` shows them"
    ))
}

pub fn run(ctx: &Context, cmd: &AppsCommand) -> anyhow::Result<()> {
    let mut store = ctx.open_store()?;
    let today = jiff::Zoned::now().date();
    match cmd {
        AppsCommand::List { status, format } => list(&store, status, *format, today),
        AppsCommand::Save { listing_id } => save(&mut store, *listing_id),
        AppsCommand::Add(a) => add(&mut store, a),
        AppsCommand::Move {
            app_id,
            status,
            note,
        } => move_to(&mut store, *app_id, status, note.as_deref()),
        AppsCommand::Note { app_id, text } => {
            if store.application(*app_id)?.is_none() {
                return Err(app_not_found(*app_id));
            }
            store.add_note(*app_id, &text.join(" "))?;
            Ok(())
        }
        AppsCommand::Set(s) => set(&mut store, s, today),
        AppsCommand::Show { app_id, format } => show(&store, *app_id, *format),
        AppsCommand::Export { format, out } => export_to(ctx, &store, *format, out.as_deref()),
        AppsCommand::Import { file } => import(&mut store, file),
    }
}

/// `apps list`: the applications, those of the stages asked for.
fn list(
    store: &crate::store::Store,
    status: &[String],
    format: super::ListFormat,
    today: jiff::civil::Date,
) -> anyhow::Result<()> {
    let wanted: Vec<Status> = status
        .iter()
        .map(|s| parse_status(s))
        .collect::<Result<_, _>>()?;
    let apps: Vec<Application> = store
        .all_applications()?
        .into_iter()
        .filter(|a| wanted.is_empty() || wanted.contains(&a.status))
        .collect();
    match format {
        super::ListFormat::Json => emit(&json(&apps)?),
        super::ListFormat::Csv => emit(&export::csv(&apps)?),
        super::ListFormat::Table => {
            let mut t = Table::new(vec![
                Column::right("ID"),
                Column::flex("Title").weight(3),
                Column::flex("Company").weight(2),
                Column::flex("City"),
                Column::left("Status"),
                Column::left("Next"),
            ]);
            for a in &apps {
                let next = a.next_event().map(|e| e.describe()).unwrap_or_default();
                t.row(vec![
                    a.id.to_string(),
                    a.title.clone(),
                    a.company.clone(),
                    a.city.clone(),
                    a.status.label().to_string(),
                    next,
                ]);
            }
            let mut out = if t.is_empty() {
                "No applications yet. Save a listing with `backdesk apps save ID`.\n".to_string()
            } else {
                t.render(output_width())
            };
            let due: usize = apps.iter().map(|a| a.due(today).len()).sum();
            out.push_str(&format!("\n{} applications", apps.len()));
            if due > 0 {
                out.push_str(&format!(" · {due} due today or overdue"));
            }
            out.push('\n');
            emit(&out)
        }
    }
}

/// `apps save ID`: a listing into the tracker.
fn save(store: &mut crate::store::Store, listing_id: i64) -> anyhow::Result<()> {
    if store.listing(listing_id)?.is_none() {
        return Err(usage(format!(
            "no listing with id {listing_id}; the ID column of `backdesk search` has them"
        )));
    }
    let (id, new) = store.save_listing(listing_id)?;
    if !new {
        super::say(&format!("backdesk: listing {listing_id} was already saved"));
    }
    emit(&format!("{id}\n"))
}

/// `apps add`: a job seen elsewhere.
fn add(store: &mut crate::store::Store, a: &AddArgs) -> anyhow::Result<()> {
    let (salary_min, salary_max) = match &a.salary {
        Some(s) => parse_range(s)?,
        None => (None, None),
    };
    if a.title.trim().is_empty() || a.company.trim().is_empty() {
        return Err(usage("--title and --company cannot be empty"));
    }
    let id = store.add_application(&NewApp {
        title: a.title.clone(),
        company: a.company.clone(),
        city: a.city.clone(),
        salary_min,
        salary_max,
        source: a.source.clone(),
    })?;
    emit(&format!("{id}\n"))
}

/// `apps move ID STATUS`: to another stage, when it may go there.
fn move_to(
    store: &mut crate::store::Store,
    app_id: i64,
    status: &str,
    note: Option<&str>,
) -> anyhow::Result<()> {
    let to = parse_status(status)?;
    let Some(app) = store.application(app_id)? else {
        return Err(app_not_found(app_id));
    };
    if !app.status.can_move_to(to) {
        return Err(usage(format!(
            "application {app_id} is {}; it cannot move to {}",
            app.status.label(),
            to.label()
        )));
    }
    let from = store.move_application(app_id, to, note.unwrap_or(""))?;
    emit(&format!("{app_id}: {} → {}\n", from.label(), to.label()))
}

/// `apps show ID`.
fn show(store: &crate::store::Store, app_id: i64, format: TextJson) -> anyhow::Result<()> {
    let Some(app) = store.application(app_id)? else {
        return Err(app_not_found(app_id));
    };
    match format {
        TextJson::Json => emit(&json(&app)?),
        TextJson::Text => emit(&show_text(&app, store)?),
    }
}

/// `apps export`: to a file or stdout.
fn export_to(
    ctx: &Context,
    store: &crate::store::Store,
    format: ExportFormat,
    out: Option<&std::path::Path>,
) -> anyhow::Result<()> {
    let apps = store.all_applications()?;
    let text = match format {
        ExportFormat::Csv => export::csv(&apps)?,
        ExportFormat::Json => export::json(&apps)?,
        ExportFormat::Ics => {
            export::ics(&apps, &jiff::tz::TimeZone::system(), jiff::Timestamp::now())
        }
    };
    match out {
        Some(path) => {
            ctx.write_out(path, &text)?;
            super::say(&format!(
                "backdesk: wrote {} applications to {}",
                apps.len(),
                path.display()
            ));
            Ok(())
        }
        None => emit(&text),
    }
}

/// `apps import FILE`: an export read back, merged with what is here.
fn import(store: &mut crate::store::Store, file: &std::path::Path) -> anyhow::Result<()> {
    let bytes = crate::files::read_capped(file, MAX_APPS_EXPORT, "an apps export")?;
    let text = String::from_utf8(bytes).map_err(|e| {
        anyhow::anyhow!(
            "{}: not UTF-8 text (byte {}); expected the JSON of `backdesk apps export --format json`; nothing was imported",
            file.display(),
            e.utf8_error().valid_up_to()
        )
    })?;
    let apps: Vec<Application> = serde_json::from_str(&text).map_err(|e| {
        anyhow::anyhow!(
            "{}: line {}, column {}: {e} (expected the JSON of `backdesk apps export --format json`); nothing was imported",
            file.display(),
            e.line(),
            e.column()
        )
    })?;
    let r = store.import_applications(&apps)?;
    emit(&import_report(&r, apps.len(), file))
}

/// The largest apps export read (a few thousand applications are a few MB).
const MAX_APPS_EXPORT: u64 = 64 * 1024 * 1024;

/// What `apps import` says it did, with the rule it followed.
fn import_report(r: &crate::store::AppsImported, total: usize, file: &std::path::Path) -> String {
    use crate::store::MatchedBy;
    let changed = r.merged.iter().filter(|m| m.changed).count();
    let mut o = format!(
        "Imported {total} applications from {}: {} new, {} merged, {} already here as they are\n",
        file.display(),
        r.added.len(),
        changed,
        r.merged.len() - changed
    );
    for (from, to) in &r.added {
        if from != to {
            o.push_str(&format!(
                "  #{from} in the file is #{to} here (#{from} is another application)\n"
            ));
        }
    }
    for m in r.merged.iter().filter(|m| m.changed) {
        let why = match (m.by, m.listing_id) {
            (MatchedBy::SameListing, Some(l)) => format!("both are for listing {l}"),
            _ => "the same application".to_string(),
        };
        o.push_str(&format!(
            "  #{} in the file merged into #{} ({why})\n",
            m.from, m.into
        ));
    }
    if changed > 0 {
        o.push_str(
            "Merging keeps the history entries and note lines of both, joins the checklists, and takes the other fields from the one changed last. Nothing was deleted.\n",
        );
    }
    o
}

fn set(
    store: &mut crate::store::Store,
    s: &SetArgs,
    today: jiff::civil::Date,
) -> anyhow::Result<()> {
    if store.application(s.app_id)?.is_none() {
        return Err(app_not_found(s.app_id));
    }
    let none = |v: &str| v.trim().eq_ignore_ascii_case("none");
    let mut p = Patch::default();
    if let Some(d) = &s.follow_up {
        p.follow_up = Some(if none(d) {
            None
        } else {
            Some(parse_date(d, today).map_err(|e| usage(format!("--follow-up: {e}")))?)
        });
    }
    if let Some(d) = &s.interview {
        p.interview_at = Some(if none(d) {
            None
        } else {
            Some(parse_datetime(d, today).map_err(|e| usage(format!("--interview: {e}")))?)
        });
    }
    if let Some(m) = &s.interview_mode {
        p.interview_mode = Some(if none(m) {
            None
        } else {
            Some(
                m.parse::<InterviewMode>()
                    .map_err(|e| usage(e.to_string()))?,
            )
        });
    }
    p.interview_place = s.place.clone();
    p.contact_name = s.contact.clone();
    p.contact_phone = s.phone.clone();
    if let Some(v) = &s.expected_salary {
        p.expected_salary = Some(if none(v) {
            None
        } else {
            Some(parse_salary(v).map_err(|e| usage(format!("--expected-salary: {e}")))?)
        });
    }
    let valid: Vec<String> = DOCUMENTS.iter().map(|(id, _)| id.to_string()).collect();
    for d in s.doc.iter().chain(&s.no_doc) {
        if !valid.contains(d) {
            return Err(usage(
                crate::catalog::UnknownValue::new("document", d, valid.clone()).to_string(),
            ));
        }
    }
    // ticks, applied to what is stored when written (another writer's stay)
    p.documents = Ticks {
        tick: s.doc.clone(),
        untick: s.no_doc.clone(),
    };
    p.prep = Ticks {
        tick: s.prep.clone(),
        untick: s.no_prep.clone(),
    };
    if p.is_empty() {
        return Err(usage("nothing to set; see `backdesk apps set --help`"));
    }
    store.patch_application(s.app_id, &p)?;
    Ok(())
}

/// The interview-prep checklist of an application: its role's skills.
pub fn prep_items(app: &Application, store: &crate::store::Store) -> anyhow::Result<Vec<String>> {
    let Some(role) = &app.role_id else {
        return Ok(Vec::new());
    };
    Ok(store
        .roles()?
        .into_iter()
        .find(|r| &r.id == role)
        .map(|r| r.skills)
        .unwrap_or_default())
}

fn show_text(a: &Application, store: &crate::store::Store) -> anyhow::Result<String> {
    let mut o = format!("#{} {} · {}", a.id, a.title, a.company);
    if !a.city.is_empty() {
        o.push_str(&format!(" · {}", a.city));
    }
    o.push_str(&format!("\nStatus: {}\n", a.status.label()));
    if a.salary_min.is_some() || a.salary_max.is_some() {
        o.push_str(&format!(
            "Salary: {} ({})\n",
            format_range(a.salary_min, a.salary_max, Period::Monthly),
            format_range(a.salary_min, a.salary_max, Period::Annual)
        ));
    }
    if let Some(e) = a.expected_salary {
        o.push_str(&format!("Expected: {} a month\n", e.display()));
    }
    match a.listing_id {
        Some(l) => o.push_str(&format!("Listing: {l}\n")),
        None => o.push_str(&format!("Seen: {}\n", a.source)),
    }
    if !a.contact_name.is_empty() || !a.contact_phone.is_empty() {
        o.push_str(&format!(
            "Contact: {} {}\n",
            a.contact_name, a.contact_phone
        ));
    }
    if let Some(f) = a.follow_up {
        o.push_str(&format!("Follow up: {f}\n"));
    }
    if let Some(i) = a.interview_at {
        o.push_str(&format!(
            "Interview: {}{}{}\n",
            format_datetime(i).replace('T', " "),
            a.interview_mode
                .map(|m| format!(" · {}", m.label()))
                .unwrap_or_default(),
            if a.interview_place.is_empty() {
                String::new()
            } else {
                format!(" · {}", a.interview_place)
            }
        ));
    }
    o.push_str("\nDocuments to carry\n");
    for (id, label) in DOCUMENTS {
        let done = a.documents.iter().any(|d| d == id);
        o.push_str(&format!("  [{}] {label}\n", if done { "x" } else { " " }));
    }
    let prep = prep_items(a, store)?;
    if !prep.is_empty() {
        o.push_str("\nInterview prep (the role's skills)\n");
        for item in &prep {
            let done = a.prep.iter().any(|d| d.eq_ignore_ascii_case(item));
            o.push_str(&format!("  [{}] {item}\n", if done { "x" } else { " " }));
        }
    }
    if !a.notes.is_empty() {
        o.push_str("\nNotes\n");
        for line in a.notes.lines() {
            o.push_str(&format!("  {line}\n"));
        }
    }
    o.push_str("\nHistory\n");
    for h in &a.history {
        o.push_str(&format!("  {}  {}", h.at, h.status.label()));
        if !h.note.is_empty() {
            o.push_str(&format!(" · {}", h.note));
        }
        o.push('\n');
    }
    Ok(o)
}
