//! Match me: profile, fit, near me, role sheets, saved searches, demo mode.

mod common;

use assert_cmd::Command;
use common::cli::{backdesk_at_home, out};
use predicates::prelude::*;
use serde_json::Value;

fn cli(dir: &std::path::Path) -> Command {
    backdesk_at_home(&dir.join("home"), "100")
}

const PROFILE: &str = r#"
[profile]
home_city = "Poona"
experience_years = 1
skills = ["ms excel", "Tally", "GST", "knitting"]
expected_salary = "2.4 LPA"
work_modes = ["office", "hybrid"]
relocate_km = 150
"#;

fn with_profile(dir: &std::path::Path) -> std::path::PathBuf {
    let cfg = dir.join("config.toml");
    std::fs::write(&cfg, PROFILE).expect("write config");
    cfg
}

#[test]
fn json_rows_carry_fit_reasons_and_distance_with_a_profile() {
    let dir = tempfile::tempdir().expect("tempdir");
    let cfg = with_profile(dir.path());
    let db = dir.path().join("b.db");
    let text = out(cli(dir.path())
        .arg("--db")
        .arg(&db)
        .arg("--config")
        .arg(&cfg)
        .args([
            "search", "--sort", "fit", "--format", "json", "--limit", "20",
        ]));
    let rows: Vec<Value> = serde_json::from_str(&text).expect("json");
    assert_eq!(rows.len(), 20);
    let fits: Vec<u64> = rows
        .iter()
        .map(|r| r["fit"].as_u64().expect("fit"))
        .collect();
    assert!(
        fits.windows(2).all(|w| w[0] >= w[1]),
        "best fit first: {fits:?}"
    );
    assert!(fits[0] >= 80 && fits[0] <= 100);
    for r in &rows {
        assert!(r["fit_reasons"].as_array().is_some_and(|a| !a.is_empty()));
        assert!(r["distance_km"].is_number() || r["work_mode"] == "remote");
    }
    // the top one is near Pune and names a skill it misses or has all
    assert!(rows[0]["fit_reasons"].to_string().contains("skills"));

    // within 50 km of Pune: only Pune listings
    let near: Vec<Value> = serde_json::from_str(&out(cli(dir.path())
        .arg("--db")
        .arg(&db)
        .arg("--config")
        .arg(&cfg)
        .args([
            "search",
            "--within-km",
            "50",
            "--sort",
            "distance",
            "--format",
            "json",
            "--limit",
            "0",
        ])))
    .expect("json");
    assert!(!near.is_empty());
    assert!(
        near.iter()
            .all(|r| r["city"] == "Pune" && r["distance_km"].as_f64().is_some_and(|d| d <= 50.0))
    );
}

#[test]
fn home_city_on_the_command_line_moves_home_for_that_search() {
    let dir = tempfile::tempdir().expect("tempdir");
    let cfg = with_profile(dir.path());
    let db = dir.path().join("b.db");
    let args = [
        "search",
        "--home-city",
        "Kolkata",
        "--within-km",
        "10",
        "--sort",
        "distance",
        "--format",
        "json",
        "--limit",
        "0",
    ];
    // with a profile at home in Pune: distances and reasons from Kolkata
    let rows: Vec<Value> = serde_json::from_str(&out(cli(dir.path())
        .arg("--db")
        .arg(&db)
        .arg("--config")
        .arg(&cfg)
        .args(args)))
    .expect("json");
    assert!(!rows.is_empty());
    for r in &rows {
        assert_eq!(r["city"], "Kolkata");
        assert!(r["distance_km"].as_f64().is_some_and(|d| d <= 10.0), "{r}");
        let reasons = r["fit_reasons"].to_string();
        assert!(!reasons.contains("beyond"), "{reasons}");
    }
    // without a profile: no fit, but the distance is there
    let rows: Vec<Value> =
        serde_json::from_str(&out(cli(dir.path()).arg("--db").arg(&db).args(args))).expect("json");
    assert!(!rows.is_empty());
    for r in &rows {
        assert!(r.get("fit").is_none(), "{r}");
        assert!(r["distance_km"].as_f64().is_some_and(|d| d <= 10.0), "{r}");
    }
    // the table shows the km when the search is about distance
    let table = out(cli(dir.path()).arg("--db").arg(&db).args([
        "search",
        "--home-city",
        "Mumbai",
        "--sort",
        "distance",
    ]));
    assert!(
        table.lines().next().is_some_and(|h| h.contains("Km")),
        "{table}"
    );
}

#[test]
fn without_a_profile_fit_is_explained_not_guessed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("b.db");
    cli(dir.path())
        .arg("--db")
        .arg(&db)
        .args(["search", "--sort", "fit"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("needs a profile"));
    cli(dir.path())
        .arg("--db")
        .arg(&db)
        .args(["search", "--within-km", "50"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("home city"));
    // JSON has no fit fields without a profile
    let rows: Vec<Value> = serde_json::from_str(&out(cli(dir.path())
        .arg("--db")
        .arg(&db)
        .args(["search", "--format", "json", "--limit", "1"])))
    .expect("json");
    assert!(rows[0].get("fit").is_none());
}

#[test]
fn an_unknown_home_city_in_the_config_is_a_warning() {
    let dir = tempfile::tempdir().expect("tempdir");
    let cfg = dir.path().join("c.toml");
    std::fs::write(
        &cfg,
        "[profile]\nhome_city = \"Puen\"\nskills = [\"Excel\"]\n",
    )
    .expect("write");
    cli(dir.path())
        .arg("--db")
        .arg(dir.path().join("b.db"))
        .arg("--config")
        .arg(&cfg)
        .args(["search", "--sort", "fit", "--limit", "1"])
        .assert()
        .success()
        .stderr(predicate::str::contains("did you mean Pune?"));
}

#[test]
fn the_role_sheet_is_a_printable_page() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("payroll.md");
    cli(dir.path())
        .arg("--db")
        .arg(dir.path().join("b.db"))
        .args(["role", "payroll-specialist", "--format", "md", "--out"])
        .arg(&file)
        .assert()
        .success();
    let md = std::fs::read_to_string(&file).expect("sheet");
    for part in [
        "# Payroll Specialist",
        "*Finance and Accounting*",
        "## What the job is",
        "## Skills and tools",
        "## Pay (indicative)",
        "| Fresher (0-1 yr) | ₹",
        "## Where it leads",
        "Payroll Manager (₹",
        "## In the listings",
        "backdesk search --role payroll-specialist",
        "Named in",
    ] {
        assert!(md.contains(part), "missing {part:?} in:\n{md}");
    }
}

#[test]
fn the_role_sheet_has_a_path_through_every_next_step() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("b.db");
    let sheet = |role: &str| {
        out(cli(dir.path())
            .arg("--db")
            .arg(&db)
            .args(["role", role, "--format", "md"]))
    };
    let md = sheet("data-entry-specialist");
    let paths: Vec<&str> = md
        .lines()
        .filter(|l| l.starts_with("- Data Entry Specialist (₹"))
        .collect();
    // entry work → MIS executive / accounts assistant / HR / data analyst /
    // team leader / manager, as the articles describe it
    for next in [
        "MIS Executive",
        "Back Office Executive",
        "Accounts Assistant",
        "Back Office Team Leader",
    ] {
        let step = format!("Data Entry Specialist (₹10,000–15,000, 0-1 yr) → {next} (₹");
        assert!(
            paths.iter().any(|p| p.starts_with(&format!("- {step}"))),
            "no path through {next}:\n{md}"
        );
    }
    for further in [
        "Data Analyst (₹",
        "HR Executive (₹",
        "Back Office Operations Manager (₹",
    ] {
        assert!(
            paths.iter().any(|p| p.contains(further)),
            "{further}:\n{md}"
        );
    }
    assert!(md.contains("Next steps: "), "{md}");
    assert!(
        md.contains("more paths through the same next steps, also reaching "),
        "{md}"
    );
    let md = sheet("back-office-executive");
    for next in [
        "Accounts Assistant (₹",
        "HR Executive (₹",
        "MIS Executive (₹",
        "Back Office Team Leader (₹",
    ] {
        assert!(
            md.lines().any(|l| l.starts_with(&format!(
                "- Back Office Executive (₹10,000–18,000, 0-1 yr) → {next}"
            ))),
            "no path through {next}:\n{md}"
        );
    }
}

#[test]
fn roles_carry_the_fit_of_the_roles_tab_with_a_profile() {
    let dir = tempfile::tempdir().expect("tempdir");
    let cfg = with_profile(dir.path());
    let db = dir.path().join("b.db");
    let roles = |args: &[&str], cfg: Option<&std::path::Path>| {
        let mut c = cli(dir.path());
        c.arg("--db").arg(&db);
        if let Some(cfg) = cfg {
            c.arg("--config").arg(cfg);
        }
        out(c.arg("roles").args(args))
    };
    let rows: Vec<Value> =
        serde_json::from_str(&roles(&["--format", "json"], Some(&cfg))).expect("json");
    assert_eq!(rows.len(), 62);
    // the default order stays the catalogue's
    assert_eq!(rows[0]["id"], "data-entry-specialist");
    // the same score as the app: backdesk::fit::role_fit
    let (config, _) = backdesk::config::Config::parse(PROFILE, "c.toml").expect("config");
    let catalog = backdesk::catalog::Catalog::embedded_without_listings().expect("catalog");
    let (p, _) =
        backdesk::fit::FitProfile::resolve(&config.profile, &catalog.skills, &catalog.cities);
    for r in &rows {
        let role = catalog
            .roles
            .iter()
            .find(|x| r["id"] == x.id.as_str())
            .expect("role");
        let fit = backdesk::fit::role_fit(&p, role, &catalog.skills);
        assert_eq!(r["fit"].as_u64(), Some(u64::from(fit.score)), "{}", role.id);
        let missing: Vec<&str> = r["missing_skills"]
            .as_array()
            .expect("missing_skills")
            .iter()
            .filter_map(Value::as_str)
            .collect();
        for s in &role.skills {
            let have = ["Excel", "Tally", "GST"].contains(&s.as_str());
            assert_eq!(missing.contains(&s.as_str()), !have, "{} {s}", role.id);
        }
    }
    // --sort fit: best fit first
    let by_fit: Vec<Value> =
        serde_json::from_str(&roles(&["--sort", "fit", "--format", "json"], Some(&cfg)))
            .expect("json");
    let fits: Vec<u64> = by_fit.iter().filter_map(|r| r["fit"].as_u64()).collect();
    assert_eq!(fits.len(), 62);
    assert!(fits.windows(2).all(|w| w[0] >= w[1]), "{fits:?}");
    // the table has a Fit column, in that order
    let table = roles(&["--sort", "fit"], Some(&cfg));
    let header = table.lines().next().expect("header");
    assert!(header.contains("Fit"), "{table}");
    let first = table.lines().nth(2).expect("a row");
    assert!(
        first.contains(by_fit[0]["id"].as_str().expect("id"))
            && first.contains(&format!(" {} ", fits[0])),
        "{table}"
    );
    // --sort listings: most first
    let by_jobs: Vec<Value> =
        serde_json::from_str(&roles(&["--sort", "listings", "--format", "json"], None))
            .expect("json");
    let jobs: Vec<u64> = by_jobs
        .iter()
        .filter_map(|r| r["listings"].as_u64())
        .collect();
    assert!(jobs.windows(2).all(|w| w[0] >= w[1]), "{jobs:?}");
    // without a profile: no Fit, and sorting by it is a usage error
    assert!(
        by_jobs
            .iter()
            .all(|r| r.get("fit").is_none() && r.get("missing_skills").is_none())
    );
    assert!(
        !roles(&[], None)
            .lines()
            .next()
            .expect("header")
            .contains("Fit")
    );
    cli(dir.path())
        .arg("--db")
        .arg(&db)
        .args(["roles", "--sort", "fit"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("needs a profile"));
}

#[test]
fn saved_searches_count_what_is_new_since_last_opened() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("b.db");
    cli(dir.path())
        .arg("--db")
        .arg(&db)
        .args([
            "search",
            "back",
            "office",
            "--city",
            "Mumbai",
            "--save-as",
            "mumbai back office",
        ])
        .assert()
        .success()
        .stderr(predicate::str::contains("saved this search"));
    let list: Vec<Value> = serde_json::from_str(&out(cli(dir.path())
        .arg("--db")
        .arg(&db)
        .args(["saved", "--format", "json"])))
    .expect("json");
    assert_eq!(list.len(), 1);
    assert_eq!(list[0]["new"], 0);
    // an import brings a new Mumbai back-office listing
    let csv = dir.path().join("new.csv");
    std::fs::write(
        &csv,
        "title,company,city,salary_min,salary_max\nBack Office Executive,Dadar Traders,Mumbai,15000,18000\n",
    )
    .expect("csv");
    cli(dir.path())
        .arg("--db")
        .arg(&db)
        .arg("import")
        .arg(&csv)
        .assert()
        .success();
    let list: Vec<Value> = serde_json::from_str(&out(cli(dir.path())
        .arg("--db")
        .arg(&db)
        .args(["saved", "--format", "json"])))
    .expect("json");
    assert_eq!(list[0]["new"], 1);
    cli(dir.path())
        .arg("--db")
        .arg(&db)
        .args(["search", "--saved", "Mumbai Back Office"])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("Dadar Traders")
                .and(predicate::str::contains("1 new since it was last opened")),
        );
    let list: Vec<Value> = serde_json::from_str(&out(cli(dir.path())
        .arg("--db")
        .arg(&db)
        .args(["saved", "--format", "json"])))
    .expect("json");
    assert_eq!(list[0]["new"], 0, "opening it marks what is there as seen");
    cli(dir.path())
        .arg("--db")
        .arg(&db)
        .args(["search", "--saved", "nope"])
        .assert()
        .code(2);
}

fn digest(path: &std::path::Path) -> Vec<u8> {
    std::fs::read(path).expect("read")
}

#[test]
fn demo_mode_never_touches_the_users_database() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("mine.db");
    cli(dir.path())
        .arg("--db")
        .arg(&db)
        .args(["apps", "save", "5"])
        .assert()
        .success();
    // fold the WAL in, so the file alone is the database
    rusqlite::Connection::open(&db)
        .expect("open")
        .execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")
        .expect("checkpoint");
    let before = digest(&db);
    let files_before: Vec<_> = std::fs::read_dir(dir.path())
        .expect("ls")
        .map(|e| e.expect("e").file_name())
        .collect();
    cli(dir.path())
        .arg("--demo")
        .arg("--db")
        .arg(&db)
        .args(["apps", "save", "7"])
        .assert()
        .success();
    let apps: Vec<Value> = serde_json::from_str(&out(cli(dir.path())
        .arg("--demo")
        .arg("--db")
        .arg(&db)
        .args(["apps", "list", "--format", "json"])))
    .expect("json");
    assert!(apps.is_empty(), "a demo starts empty and keeps nothing");
    if common::tmux_available() {
        let t = common::Tmux::start("demo", 120, 36, &format!("--demo --db {}", db.display()));
        t.wait_for("the demo", |s| {
            s.contains("DEMO") && s.contains("2,000 results")
        });
        t.keys(&["Escape"]);
        // an Esc and a letter sent together read as alt-letter: wait for it
        t.wait_for("browsing", |s| s.contains("BROWSING"));
        t.keys(&["s"]);
        t.wait_text("Saved to the tracker");
        t.keys(&["q"]);
        t.wait_text("EXIT=0");
    }
    assert_eq!(
        digest(&db),
        before,
        "the database file is byte-for-byte the same"
    );
    let files_after: Vec<_> = std::fs::read_dir(dir.path())
        .expect("ls")
        .map(|e| e.expect("e").file_name())
        .collect();
    assert_eq!(
        files_before.len(),
        files_after.len(),
        "{files_before:?} vs {files_after:?}"
    );
}
