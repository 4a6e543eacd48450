//! The command line as a user runs it, on a fresh data directory.

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

struct Env {
    dir: tempfile::TempDir,
}

impl Env {
    fn new() -> Env {
        Env {
            dir: tempfile::tempdir().expect("tempdir"),
        }
    }

    fn db(&self) -> std::path::PathBuf {
        self.dir.path().join("data/backdesk.db")
    }

    /// backdesk with HOME and the XDG dirs inside the temp dir.
    fn cmd(&self) -> Command {
        let mut c = Command::cargo_bin("backdesk").expect("binary");
        let home = self.dir.path().join("home");
        c.env_clear()
            .env("HOME", &home)
            .env("XDG_CONFIG_HOME", home.join(".config"))
            .env("XDG_DATA_HOME", home.join(".local/share"))
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("COLUMNS", "80");
        c
    }

    /// What a successful `backdesk --db DB ARGS...` prints (80 columns).
    fn stdout(&self, args: &[&str]) -> String {
        self.stdout_at(80, args)
    }

    /// What `backdesk --db DB ARGS...` prints on a terminal `columns` wide.
    fn stdout_at(&self, columns: usize, args: &[&str]) -> String {
        let out = self
            .cmd()
            .env("COLUMNS", columns.to_string())
            .arg("--db")
            .arg(self.db())
            .args(args)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        String::from_utf8(out).expect("UTF-8")
    }

    fn run_json(&self, args: &[&str]) -> Value {
        serde_json::from_str(&self.stdout(args)).expect("valid JSON")
    }
}

#[test]
fn first_run_creates_the_database_in_the_platform_data_dir() {
    let env = Env::new();
    env.cmd()
        .args(["search", "payroll", "--limit", "3"])
        .assert()
        .success()
        .stderr(predicate::str::contains("created"))
        .stdout(predicate::str::contains("Payroll"));
    let db = env
        .dir
        .path()
        .join("home/.local/share/backdesk/backdesk.db");
    assert!(db.exists(), "database at {}", db.display());
    env.cmd()
        .args(["db", "path"])
        .assert()
        .success()
        .stdout(predicate::str::contains(db.display().to_string()));
}

/// The streamed JSON array reads as one pretty-printed document: the
/// objects indented inside it, as `serde_json::to_string_pretty` writes.
#[test]
fn search_json_is_indented_as_one_document() {
    let env = Env::new();
    for limit in ["3", "0"] {
        let q = if limit == "0" { "zzqqxx" } else { "payroll" };
        let text = env.stdout(&["search", q, "--format", "json", "--limit", limit]);
        let v: Value = serde_json::from_str(&text).expect("valid JSON");
        let n = v.as_array().expect("array").len();
        if n == 0 {
            assert_eq!(text, "[]\n");
            continue;
        }
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!((lines[0], lines[lines.len() - 1]), ("[", "]"));
        let inner = &lines[1..lines.len() - 1];
        assert!(inner.iter().all(|l| l.starts_with("  ")), "{text}");
        assert_eq!(inner.iter().filter(|l| **l == "  {").count(), n, "{text}");
        assert!(
            inner.iter().any(|l| l.starts_with("    \"title\": ")),
            "{text}"
        );
    }
}

#[test]
fn search_json_has_the_documented_fields() {
    let env = Env::new();
    let v = env.run_json(&[
        "search", "payrol", "pune", "--format", "json", "--limit", "5",
    ]);
    let rows = v.as_array().expect("array");
    assert!(!rows.is_empty());
    for row in rows {
        for field in [
            "id",
            "title",
            "role_id",
            "role",
            "category_id",
            "company",
            "company_type",
            "industry",
            "city",
            "state",
            "work_mode",
            "employment_type",
            "shift",
            "experience_min",
            "experience_max",
            "salary_min",
            "salary_max",
            "currency",
            "skills",
            "languages",
            "benefits",
            "openings",
            "posted",
            "description",
            "contact_name",
            "contact_phone",
            "contact_email",
            "apply_url",
            "source",
        ] {
            assert!(row.get(field).is_some(), "missing {field} in {row}");
        }
        assert!(row["salary_min"].is_u64() && row["salary_max"].is_u64());
        assert!(row["skills"].is_array());
        assert_eq!(row["city"], "Pune");
    }
}

#[test]
fn filters_apply_from_the_command_line() {
    let env = Env::new();
    let v = env.run_json(&[
        "search",
        "--city",
        "bangalore",
        "--mode",
        "remote",
        "--min-salary",
        "2.4L",
        "--not",
        "industry=bpo",
        "--format",
        "json",
        "--limit",
        "0",
    ]);
    let rows = v.as_array().expect("array");
    assert!(!rows.is_empty());
    for r in rows {
        assert_eq!(r["city"], "Bengaluru");
        assert_eq!(r["work_mode"], "remote");
        assert!(r["salary_max"].as_u64().expect("salary") >= 20_000);
        assert_ne!(r["industry"], "bpo");
    }
}

#[test]
fn csv_output_has_a_header_and_one_line_per_listing() {
    let env = Env::new();
    let out = env.stdout(&["search", "tally", "--format", "csv", "--limit", "7"]);
    let mut r = csv::Reader::from_reader(out.as_bytes());
    let headers = r.headers().expect("header").clone();
    assert_eq!(&headers[0], "id");
    assert!(headers.iter().any(|h| h == "salary_period"));
    assert_eq!(r.records().count(), 7);
}

#[test]
fn table_output_fits_80_columns_and_uses_indian_grouping() {
    let env = Env::new();
    let text = env.stdout(&["search", "manager", "--sort", "salary", "--limit", "10"]);
    for line in text.lines() {
        assert!(
            unicode_width::UnicodeWidthStr::width(line) <= 80,
            "{line:?}"
        );
    }
    // at 80 columns pay reads short, a lakh and more in lakhs
    assert!(text.contains("₹1.02–1.46L"), "{text}");
    assert!(!text.contains("₹102"), "never '₹102–146k': {text}");
    // where the long form fits, it is grouped the Indian way
    let wide = env.stdout_at(
        160,
        &["search", "manager", "--sort", "salary", "--limit", "10"],
    );
    assert!(
        wide.contains("₹1,01,500–1,46,000"),
        "a lakh-plus salary grouped the Indian way: {wide}"
    );
    // the market figures: at 80 columns one to a record, nothing cut; at
    // 160 a table, nothing cut either
    let text = env.stdout(&["salary"]);
    let figures = text.split("Market-wide").next().unwrap_or("");
    assert!(
        figures.contains("Top jobs (accountant, payroll head, back-office team head)"),
        "{text}"
    );
    assert!(
        !figures.contains('…'),
        "no figure cut at 80 columns: {text}"
    );
    let wide = env.stdout_at(160, &["salary"]);
    assert!(
        wide.contains("Who") && wide.contains("As published"),
        "{wide}"
    );
    let table = wide.split("Market-wide").next().unwrap_or("");
    assert!(!table.contains('…'), "no figure cut at 160 columns: {wide}");
    // every other text output fits too: long sentences are wrapped
    for args in [
        &["salary"][..],
        &["salary", "bookkeeper"],
        &["role", "bookkeeper"],
        &["role", "mis-executive"],
        &["roles"],
        &["apps", "list"],
    ] {
        let text = env.stdout(args);
        assert!(text.lines().count() > 1, "{args:?}: {text}");
        for line in text.lines() {
            assert!(
                unicode_width::UnicodeWidthStr::width(line) <= 80,
                "{args:?}: {line:?}"
            );
        }
    }
}

#[test]
fn a_typo_that_finds_nothing_gets_a_suggestion() {
    let env = Env::new();
    // understood, a misspelt catalogue word is read as the word it looks like
    env.cmd()
        .arg("--db")
        .arg(env.db())
        .args(["search", "payrall", "pune"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Payroll"))
        .stdout(predicate::str::contains(
            "read as: payrall (or payroll) · Pune",
        ));
    // as typed, it finds nothing and the suggestion says what was meant
    for (typed, meant) in [
        ("payrall pune", "payroll pune"),
        ("pyaroll pune", "payroll pune"),
        ("mumbia", "mumbai"),
        ("sistem administrator", "system administrator"),
    ] {
        env.cmd()
            .arg("--db")
            .arg(env.db())
            .args(["search", "--literal", typed])
            .assert()
            .success()
            .stdout(predicate::str::contains(format!(
                "No listings match. Did you mean '{meant}'?"
            )));
    }
    // with filters the suggestion must find something under them too
    env.cmd()
        .arg("--db")
        .arg(env.db())
        .args([
            "search",
            "--literal",
            "payrall",
            "--city",
            "Patna",
            "--mode",
            "remote",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("Did you mean").not());
    // JSON stays JSON; the hint goes to stderr
    env.cmd()
        .arg("--db")
        .arg(env.db())
        .args(["search", "--literal", "payrall", "--format", "json"])
        .assert()
        .success()
        .stdout("[]\n")
        .stderr(predicate::str::contains("did you mean 'payroll'?"));
    // a misspelt city is read as the city
    env.cmd()
        .arg("--db")
        .arg(env.db())
        .args(["search", "mumbia"])
        .assert()
        .success()
        .stdout(predicate::str::contains("read as: Mumbai"));
}

#[test]
fn unknown_values_suggest_and_exit_2() {
    let env = Env::new();
    env.cmd()
        .arg("--db")
        .arg(env.db())
        .args(["search", "--city", "Pnue"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "no city 'Pnue'; did you mean Pune?",
        ));
    env.cmd()
        .arg("--db")
        .arg(env.db())
        .args(["search", "--mode", "wfh"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("valid: office, hybrid, remote"));
    env.cmd()
        .arg("--db")
        .arg(env.db())
        .args(["search", "--min-salary", "lots"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("'lots' is not a salary"));
    env.cmd()
        .arg("--db")
        .arg(env.db())
        .args(["search", "--experience", "-3"])
        .assert()
        .code(2);
    env.cmd()
        .arg("--db")
        .arg(env.db())
        .args(["search", "--sort", "distance"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("home city"));
}

#[test]
fn roles_role_and_salary() {
    let env = Env::new();
    let roles = env.run_json(&["roles", "--category", "finance", "--format", "json"]);
    let roles = roles.as_array().expect("array");
    assert_eq!(roles.len(), 13);
    assert!(
        roles
            .iter()
            .all(|r| r["category"] == "finance" && r["listings"].as_u64() > Some(0))
    );

    let role = env.run_json(&["role", "payroll-specialist", "--format", "json"]);
    assert_eq!(role["title"], "Payroll Specialist");
    assert!(role["bands"].as_array().is_some_and(|b| b.len() >= 3));
    assert!(role["leads_to"].as_array().is_some_and(|b| !b.is_empty()));

    env.cmd()
        .arg("--db")
        .arg(env.db())
        .args(["role", "mis", "executive"])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("MIS Executive").and(predicate::str::contains("Leads to")),
        );

    let market = env.run_json(&["salary", "--format", "json"]);
    let market = market.as_array().expect("array");
    assert!(market.iter().any(|f| f["source"] == "jobhai-2025"
        && f["min"] == 10_000
        && f["max"] == 18_000
        && f["period"] == "month"));
    assert!(
        market
            .iter()
            .all(|f| f["published"].is_string() && f["source_title"].is_string())
    );

    let bands = env.run_json(&["salary", "bookkeeper", "--format", "json"]);
    assert!(
        bands
            .as_array()
            .is_some_and(|b| b.iter().all(|x| x["salary_min"].is_u64()))
    );
}

#[test]
fn a_corrupt_database_is_refused_with_its_path() {
    let env = Env::new();
    let db = env.dir.path().join("broken.db");
    std::fs::write(&db, b"this is not a database at all, just text").expect("write");
    env.cmd()
        .arg("--db")
        .arg(&db)
        .args(["search", "x"])
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains(db.display().to_string())
                .and(predicate::str::contains("not a SQLite database")),
        );
    assert_eq!(
        std::fs::read(&db).expect("read"),
        b"this is not a database at all, just text"
    );
}

#[test]
fn a_malformed_config_names_file_line_and_column() {
    let env = Env::new();
    let cfg = env.dir.path().join("config.toml");
    std::fs::write(&cfg, "[display]\nsort = \"salary\"\nsalary = monthly\n").expect("write");
    env.cmd()
        .arg("--db")
        .arg(env.db())
        .arg("--config")
        .arg(&cfg)
        .args(["search", "x"])
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains(cfg.display().to_string())
                .and(predicate::str::contains("line 3")),
        );
}

#[test]
fn config_sets_defaults_and_warns_about_unknown_keys() {
    let env = Env::new();
    let cfg = env.dir.path().join("config.toml");
    std::fs::write(
        &cfg,
        "[profile]\nhome_city = \"Poona\"\nfavourite = 1\n[display]\nsort = \"distance\"\n",
    )
    .expect("write");
    let out = env
        .cmd()
        .arg("--db")
        .arg(env.db())
        .arg("--config")
        .arg(&cfg)
        .args(["search", "--format", "json", "--limit", "3"])
        .assert()
        .success()
        .stderr(predicate::str::contains("unknown key 'profile.favourite'"))
        .get_output()
        .stdout
        .clone();
    let v: Value = serde_json::from_slice(&out).expect("json");
    assert!(
        v.as_array()
            .expect("rows")
            .iter()
            .all(|r| r["city"] == "Pune")
    );
}

#[test]
fn db_stats_and_reset() {
    let env = Env::new();
    let stats = env.run_json(&["db", "stats", "--format", "json"]);
    let listings = stats["tables"]
        .as_array()
        .expect("tables")
        .iter()
        .find(|t| t["name"] == "listings")
        .expect("listings table")["rows"]
        .as_i64();
    assert_eq!(listings, Some(2000));
    // without a terminal, reset needs --yes
    env.cmd()
        .arg("--db")
        .arg(env.db())
        .args(["db", "reset"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--yes"));
    env.cmd()
        .arg("--db")
        .arg(env.db())
        .args(["db", "reset", "--yes"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Re-seeded"));
}

#[test]
fn result_counts_read_as_english() {
    let env = Env::new();
    // no match: "0 results", never "0 of 0 results"
    let out = env.stdout(&["search", "recepshonist", "--limit", "5"]);
    assert!(out.contains("\n0 results · "), "{out}");
    assert!(!out.contains("0 of 0"), "{out}");
    // a page of many: "5 of N results"
    let out = env.stdout(&["search", "payroll", "--limit", "5"]);
    assert!(
        out.contains("\n5 of ") && out.contains(" results · "),
        "{out}"
    );
    // everything shown: the count alone
    let out = env.stdout(&["search", "payroll", "--limit", "0"]);
    let line = out
        .lines()
        .find(|l| l.contains(" ms · sorted by"))
        .expect("the count line");
    assert!(
        line.contains(" results · ") && !line.contains(" of "),
        "{line}"
    );
}

/// A counsellor's `--demo` must not show their own profile's fit: the
/// demo starts with no profile unless a config is named with --config.
#[test]
fn a_demo_leaves_the_users_profile_out_unless_a_config_is_named() {
    let env = Env::new();
    let cfg_dir = env.dir.path().join("home/.config/backdesk");
    std::fs::create_dir_all(&cfg_dir).expect("dir");
    let cfg = cfg_dir.join("config.toml");
    std::fs::write(
        &cfg,
        "[profile]\nhome_city = \"Pune\"\nskills = [\"Excel\"]\n",
    )
    .expect("write");
    // the user's own config is read outside the demo
    env.cmd()
        .args(["--db"])
        .arg(env.db())
        .args(["search", "accounts", "--sort", "fit", "--limit", "1"])
        .assert()
        .success();
    // not in a demo
    env.cmd()
        .args([
            "--demo", "search", "accounts", "--sort", "fit", "--limit", "1",
        ])
        .assert()
        .failure()
        .stderr(predicate::str::contains("needs a profile"));
    // unless named
    env.cmd()
        .args(["--demo", "--config"])
        .arg(&cfg)
        .args(["search", "accounts", "--sort", "fit", "--limit", "1"])
        .assert()
        .success();
}

#[test]
fn search_help_groups_its_options_under_headings() {
    let env = Env::new();
    let out = env.cmd().args(["search", "--help"]).output().expect("runs");
    let help = String::from_utf8_lossy(&out.stdout).into_owned();
    let at = |h: &str| {
        help.find(h)
            .unwrap_or_else(|| panic!("no heading {h}: {help}"))
    };
    let (filters, output, global) = (at("\nFilters:"), at("\nOutput:"), at("\nGlobal options:"));
    // --db, --config and --demo are not among the filters
    for opt in ["--db <PATH>", "--config <PATH>", "--demo"] {
        assert!(help.find(opt).is_some_and(|i| i > global), "{opt}: {help}");
    }
    let city = help.find("--city <CITY>").expect("--city");
    assert!(city > filters && city < output, "{help}");
    let limit = help.find("--limit <N>").expect("--limit");
    assert!(limit > output, "{help}");
}
