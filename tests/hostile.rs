//! Files that are not what they seem and text that is not what it seems:
//! `--out` over the database or a device, formula cells, terminal
//! escapes, permissions, FIFOs and endless files, oversized inputs, and
//! the small things of issue 13's point 17.

#![cfg(unix)]

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use backdesk::store::Store;
use backdesk::tracker::NewApp;

/// The binary under test; `BACKDESK_TEST_BIN` runs these tests against
/// another build (an older release, to see them fail there).
fn bin() -> String {
    std::env::var("BACKDESK_TEST_BIN")
        .unwrap_or_else(|_| env!("CARGO_BIN_EXE_backdesk").to_string())
}

/// `backdesk ARGS` with HOME in `home` (and `--db` when given), killed
/// after 20 s so a hang fails the test instead of stalling it.
fn run(home: &Path, db: Option<&Path>, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut c = Command::new(bin());
    c.env_clear()
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join(".config"))
        .env("XDG_DATA_HOME", home.join(".local/share"))
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("COLUMNS", "100")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in env {
        c.env(k, v);
    }
    if let Some(db) = db {
        c.arg("--db").arg(db);
    }
    let mut child = c.args(args).spawn().expect("spawn");
    let start = Instant::now();
    loop {
        if child.try_wait().expect("wait").is_some() {
            return child.wait_with_output().expect("output");
        }
        if start.elapsed() > Duration::from_secs(20) {
            let _ = child.kill();
            let o = child.wait_with_output().expect("output");
            panic!(
                "hung: backdesk {args:?}; stderr: {}",
                String::from_utf8_lossy(&o.stderr)
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

struct Place {
    dir: tempfile::TempDir,
}

impl Place {
    fn new() -> Place {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::create_dir_all(dir.path().join("home")).expect("home");
        Place { dir }
    }
    fn home(&self) -> PathBuf {
        self.dir.path().join("home")
    }
    fn path(&self, p: &str) -> PathBuf {
        self.dir.path().join(p)
    }
    fn db(&self) -> PathBuf {
        self.path("jobs.db")
    }
    fn run(&self, args: &[&str]) -> Output {
        run(&self.home(), Some(&self.db()), args, &[])
    }
}

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn ok(o: &Output) -> String {
    assert!(o.status.success(), "failed: {}{}", out(o), err(o));
    out(o)
}

fn mkfifo(p: &Path) {
    rustix::fs::mkfifoat(rustix::fs::CWD, p, rustix::fs::Mode::from(0o600)).expect("mkfifo");
}

fn mode(p: &Path) -> u32 {
    std::fs::metadata(p).expect("meta").permissions().mode() & 0o777
}

fn sum(p: &Path) -> Vec<u8> {
    std::fs::read(p).expect("read")
}

fn add(place: &Place, title: &str, company: &str) -> String {
    ok(&place.run(&["apps", "add", "--title", title, "--company", company]))
        .trim()
        .to_string()
}

// ---- 5: --out never replaces what it must not ---------------------------------

#[test]
fn out_refuses_the_database_its_logs_the_config_and_special_files() {
    let p = Place::new();
    add(&p, "Clerk", "Shop");
    let db = p.db();
    let before = sum(&db);
    let wal = p.path("jobs.db-wal");
    std::fs::write(&wal, b"").ok();
    let config = p.path("config.toml");
    std::fs::write(&config, "[display]\nsort = \"salary\"\n").expect("config");
    let fifo = p.path("pipe.csv");
    mkfifo(&fifo);
    let link_to_db = p.path("innocent.csv");
    std::os::unix::fs::symlink(&db, &link_to_db).expect("symlink");
    for target in [&db, &wal, &fifo, &link_to_db, &PathBuf::from("/dev/null")] {
        let o = run(
            &p.home(),
            Some(&db),
            &[
                "--config",
                config.to_str().expect("utf-8"),
                "apps",
                "export",
                "--format",
                "csv",
                "--out",
                target.to_str().expect("utf-8"),
            ],
            &[],
        );
        assert_eq!(o.status.code(), Some(1), "{target:?}: {}", err(&o));
        assert!(err(&o).contains("will not write over it"), "{}", err(&o));
    }
    let o = run(
        &p.home(),
        Some(&db),
        &[
            "--config",
            config.to_str().expect("utf-8"),
            "role",
            "payroll-specialist",
            "--out",
            config.to_str().expect("utf-8"),
        ],
        &[],
    );
    assert_eq!(o.status.code(), Some(1), "{}", err(&o));
    assert!(err(&o).contains("config"), "{}", err(&o));
    assert_eq!(sum(&db), before, "the database is untouched");
    assert!(
        !std::fs::symlink_metadata(&fifo)
            .expect("meta")
            .file_type()
            .is_file(),
        "still a FIFO"
    );
    // a symlink to a regular file is written through: the link stays
    let real = p.path("real.csv");
    std::fs::write(&real, "old").expect("real");
    std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o640)).expect("chmod");
    let link = p.path("link.csv");
    std::os::unix::fs::symlink(&real, &link).expect("symlink");
    ok(&p.run(&[
        "apps",
        "export",
        "--format",
        "csv",
        "--out",
        link.to_str().expect("utf-8"),
    ]));
    assert!(
        std::fs::symlink_metadata(&link)
            .expect("meta")
            .file_type()
            .is_symlink()
    );
    assert!(
        std::fs::read_to_string(&real)
            .expect("read")
            .starts_with("id,")
    );
    assert_eq!(mode(&real), 0o640, "the file keeps its permissions");
}

// ---- 10: CSV formula injection ---------------------------------------------------

#[test]
fn csv_cells_that_would_run_as_formulas_are_neutralised_and_read_back() {
    let p = Place::new();
    let id = add(
        &p,
        "=HYPERLINK(\"http://example.com\",\"click\")",
        "+cmd|' /C calc'!A0",
    );
    ok(&p.run(&["apps", "note", &id, "@SUM(A1:A9)"]));
    let csv = ok(&p.run(&["apps", "export", "--format", "csv"]));
    let mut r = csv::Reader::from_reader(csv.as_bytes());
    let rec = r.records().next().expect("row").expect("csv");
    assert_eq!(&rec[3], "'=HYPERLINK(\"http://example.com\",\"click\")");
    assert_eq!(&rec[4], "'+cmd|' /C calc'!A0");
    assert!(rec.iter().any(|c| c == "'@SUM(A1:A9)"));
    let listed = ok(&p.run(&["apps", "list", "--format", "csv"]));
    assert!(listed.contains("'=HYPERLINK"), "{listed}");
    // the JSON and the database keep the text as it is
    let json = ok(&p.run(&["apps", "show", &id, "--format", "json"]));
    let v: serde_json::Value = serde_json::from_str(&json).expect("json");
    assert_eq!(v["title"], "=HYPERLINK(\"http://example.com\",\"click\")");
    // search --format csv too, and the importer reads the cell back
    let feed = p.path("feed.csv");
    std::fs::write(
        &feed,
        "title,company,city\n\"-2+3 Data Entry\",@Acme Back Office,Pune\n",
    )
    .expect("feed");
    ok(&p.run(&["import", feed.to_str().expect("utf-8")]));
    let found = ok(&p.run(&["search", "--source", "feed.csv", "--format", "csv"]));
    assert!(
        found.contains(",'-2+3 Data Entry,'@Acme Back Office,"),
        "{found}"
    );
    let again = p.path("again.csv");
    std::fs::write(&again, &found).expect("write");
    ok(&p.run(&["import", again.to_str().expect("utf-8")]));
    let back = ok(&p.run(&["search", "--source", "again.csv", "--format", "json"]));
    let v: serde_json::Value = serde_json::from_str(&back).expect("json");
    assert_eq!(v[0]["title"], "-2+3 Data Entry");
    assert_eq!(v[0]["company"], "@Acme Back Office");
}

// ---- 11: terminal escapes ---------------------------------------------------------

const EVIL: &str = "a\u{1b}]52;c;aGVsbG8=\u{7}b\u{1b}[8mhidden\u{1b}[0m\u{202e}gnp.exe";

fn no_escapes(what: &str, text: &str) {
    assert!(
        !text.contains(['\u{1b}', '\u{7}', '\u{202e}', '\u{9b}']),
        "{what} printed raw escapes: {text:?}"
    );
}

#[test]
fn escapes_are_scrubbed_on_the_way_in_and_never_printed_raw() {
    let p = Place::new();
    let id = add(&p, "Clerk", "Shop");
    ok(&p.run(&["apps", "move", &id, "applied", "--note", EVIL]));
    let show = ok(&p.run(&["apps", "show", &id]));
    no_escapes("apps show", &show);
    assert!(show.contains("hidden"), "{show}");
    // an old database with raw text still prints safely
    let c = rusqlite::Connection::open(p.db()).expect("open");
    c.execute("UPDATE applications SET notes = ?1, company = ?1", [EVIL])
        .expect("raw");
    c.execute(
        "UPDATE application_history SET at = ?1 WHERE status = 'saved'",
        [EVIL],
    )
    .expect("raw");
    drop(c);
    for args in [
        &["apps", "show", id.as_str()][..],
        &["apps", "list"],
        &["apps", "export", "--format", "csv"],
        &["apps", "export", "--format", "ics"],
    ] {
        no_escapes(&format!("{args:?}"), &ok(&p.run(args)));
    }
    let json = ok(&p.run(&["apps", "export", "--format", "json"]));
    no_escapes("apps export json", &json);
    let v: serde_json::Value = serde_json::from_str(&json).expect("still JSON");
    assert_eq!(v[0]["notes"], EVIL, "JSON keeps the value, escaped");
    // saved-search names and import file names
    ok(&p.run(&["search", "payroll", "--save-as", "pay\nroll\u{1b}[2J"]));
    let saved = ok(&p.run(&["saved"]));
    no_escapes("saved", &saved);
    assert!(saved.contains("payroll"), "{saved}");
    let feed = p.path("evil\u{1b}[31m.csv");
    std::fs::write(&feed, "title,company\nClerk,Shop\n").expect("feed");
    let report = ok(&p.run(&["import", feed.to_str().expect("utf-8")]));
    no_escapes("import", &report);
    no_escapes("db stats", &ok(&p.run(&["db", "stats"])));
    // history times from an import must read as times
    let mut apps: serde_json::Value = serde_json::from_str(&json).expect("json");
    apps[0]["id"] = 99.into();
    apps[0]["created_at"] = "2026-11-01T10:00:00+05:30".into();
    apps[0]["history"][0]["at"] = "yesterday\u{1b}[2J".into();
    let file = p.path("edited.json");
    std::fs::write(&file, apps.to_string()).expect("write");
    let o = p.run(&["apps", "import", file.to_str().expect("utf-8")]);
    assert_eq!(o.status.code(), Some(1));
    assert!(err(&o).contains("history entry 1"), "{}", err(&o));
    no_escapes("the import error", &err(&o));
}

// ---- 12: permissions ----------------------------------------------------------------

#[test]
fn the_data_folder_and_database_files_are_private() {
    let p = Place::new();
    let home = p.home();
    // the default place: folder 0700, files 0600, whatever the umask
    let o = run(
        &home,
        None,
        &["apps", "add", "--title", "Clerk", "--company", "Shop"],
        &[],
    );
    ok(&o);
    let data = home.join(".local/share/backdesk");
    assert_eq!(mode(&data), 0o700);
    assert_eq!(mode(&data.join("backdesk.db")), 0o600);
    // the logs of an open database too
    let (mut s, _) = Store::open(&data.join("backdesk.db")).expect("open");
    s.add_application(&NewApp {
        title: "x".into(),
        company: "y".into(),
        ..NewApp::default()
    })
    .expect("add");
    assert_eq!(mode(&data.join("backdesk.db-wal")), 0o600);
    assert_eq!(mode(&data.join("backdesk.db-shm")), 0o600);
    drop(s);
    // an old install, readable by all: fixed on open, said once
    std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    std::fs::set_permissions(
        data.join("backdesk.db"),
        std::fs::Permissions::from_mode(0o644),
    )
    .expect("chmod");
    let o = run(&home, None, &["apps", "list"], &[]);
    ok(&o);
    assert_eq!(mode(&data), 0o700);
    assert_eq!(mode(&data.join("backdesk.db")), 0o600);
    assert!(err(&o).contains("private"), "{}", err(&o));
    let o = run(&home, None, &["apps", "list"], &[]);
    assert!(!err(&o).contains("private"), "said once: {}", err(&o));
    // a new --db in a new folder
    let db = p.path("new/folder/jobs.db");
    ok(&run(&home, Some(&db), &["apps", "list"], &[]));
    assert_eq!(mode(&p.path("new/folder")), 0o700);
    assert_eq!(mode(&db), 0o600);
}

// ---- 13 and 16: FIFOs, devices, endless and huge files -----------------------------

#[test]
fn fifos_devices_and_directories_are_refused_not_waited_on() {
    let p = Place::new();
    ok(&p.run(&["apps", "list"]));
    let fifo = p.path("feed.json");
    mkfifo(&fifo);
    let o = p.run(&["import", fifo.to_str().expect("utf-8")]);
    assert_eq!(o.status.code(), Some(1));
    assert!(err(&o).contains("FIFO"), "{}", err(&o));
    let o = p.run(&["apps", "import", fifo.to_str().expect("utf-8")]);
    assert!(err(&o).contains("FIFO"), "{}", err(&o));
    let o = run(&p.home(), Some(&fifo), &["apps", "list"], &[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(err(&o).contains("FIFO"), "{}", err(&o));
    let o = run(&p.home(), Some(p.dir.path()), &["apps", "list"], &[]);
    assert!(err(&o).contains("is a directory"), "{}", err(&o));
    let o = run(
        &p.home(),
        Some(&p.db()),
        &["--config", fifo.to_str().expect("utf-8"), "apps", "list"],
        &[],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("FIFO"), "{}", err(&o));
    // a .json that is really /dev/urandom
    let endless = p.path("endless.json");
    std::os::unix::fs::symlink("/dev/urandom", &endless).expect("symlink");
    let o = p.run(&["import", endless.to_str().expect("utf-8")]);
    assert_eq!(o.status.code(), Some(1));
    assert!(err(&o).contains("character device"), "{}", err(&o));
}

#[test]
fn oversized_inputs_are_capped() {
    let p = Place::new();
    ok(&p.run(&["apps", "list"]));
    // a 2 MB config is refused (exit 2), not parsed
    let config = p.path("big.toml");
    std::fs::write(&config, format!("# {}\n", "x".repeat(2 * 1024 * 1024))).expect("config");
    let o = run(
        &p.home(),
        Some(&p.db()),
        &["--config", config.to_str().expect("utf-8"), "apps", "list"],
        &[],
    );
    assert_eq!(o.status.code(), Some(2), "{}", err(&o));
    assert!(
        err(&o).contains("the most backdesk reads for a config file is 1.0 MiB"),
        "{}",
        err(&o)
    );
    // a 10 MB description is cut at import, with a note
    let feed = p.path("long.csv");
    std::fs::write(
        &feed,
        format!(
            "title,company,description\nClerk,Shop,{}\n",
            "d".repeat(10 * 1024 * 1024)
        ),
    )
    .expect("feed");
    let report = ok(&p.run(&["import", feed.to_str().expect("utf-8")]));
    assert!(
        report.contains("description cut from 1,04,85,760 to 20,000 characters"),
        "{report}"
    );
    let c = rusqlite::Connection::open(p.db()).expect("open");
    let len: i64 = c
        .query_row(
            "SELECT length(description) FROM listings WHERE source = 'long.csv'",
            [],
            |r| r.get(0),
        )
        .expect("len");
    assert_eq!(len, 20_000);
}

// ---- 17: the smaller things ----------------------------------------------------------

#[test]
fn synth_needs_the_db_flag_not_the_environment() {
    let p = Place::new();
    let db = p.db();
    let o = run(
        &p.home(),
        None,
        &["db", "synth", "--listings", "5"],
        &[("BACKDESK_DB", db.to_str().expect("utf-8"))],
    );
    assert_eq!(o.status.code(), Some(2), "{}", err(&o));
    assert!(
        !db.exists(),
        "nothing written to the database named in BACKDESK_DB"
    );
    ok(&p.run(&["db", "synth", "--listings", "5"]));
}

#[test]
fn a_malformed_config_exits_2() {
    let p = Place::new();
    let config = p.path("c.toml");
    std::fs::write(&config, "[profile\n").expect("config");
    let o = run(
        &p.home(),
        Some(&p.db()),
        &["--config", config.to_str().expect("utf-8"), "apps", "list"],
        &[],
    );
    assert_eq!(o.status.code(), Some(2), "{}", err(&o));
}

#[test]
fn db_stats_counts_the_write_ahead_log() {
    let p = Place::new();
    ok(&p.run(&["apps", "list"]));
    // a writer that keeps the database open keeps its -wal
    let (mut s, _) = Store::open(&p.db()).expect("open");
    for i in 0..300 {
        s.add_application(&NewApp {
            title: format!("t{i}"),
            company: "c".into(),
            ..NewApp::default()
        })
        .expect("add");
    }
    let wal = std::fs::metadata(p.path("jobs.db-wal")).expect("wal").len();
    assert!(wal > 0);
    let v: serde_json::Value =
        serde_json::from_str(&ok(&p.run(&["db", "stats", "--format", "json"]))).expect("json");
    let db = std::fs::metadata(p.db()).expect("db").len();
    assert!(v["size_bytes"].as_u64().expect("size") >= db + 4096, "{v}");
    assert!(v["wal_bytes"].as_u64().expect("wal") > 0, "{v}");
    drop(s);
}

#[test]
fn a_utf16_file_is_named_as_such_without_echoing_nul_bytes() {
    let p = Place::new();
    ok(&p.run(&["apps", "list"]));
    let feed = p.path("excel.csv");
    let text: Vec<u8> = "title,company\nClerk,Shop\n"
        .encode_utf16()
        .flat_map(|u| u.to_le_bytes())
        .collect();
    std::fs::write(&feed, &text).expect("feed");
    let o = p.run(&["import", feed.to_str().expect("utf-8")]);
    assert_eq!(o.status.code(), Some(1));
    assert!(err(&o).contains("UTF-16"), "{}", err(&o));
    assert!(!o.stderr.contains(&0), "NUL bytes echoed");
}

#[test]
fn a_huge_home_city_is_not_echoed_whole() {
    let cat = backdesk::catalog::Catalog::embedded().expect("catalogue");
    let p = backdesk::config::Profile {
        home_city: Some("Pune".repeat(5_000_000)),
        ..Default::default()
    };
    let (_, warnings) = backdesk::fit::FitProfile::resolve(&p, &cat.skills, &cat.cities);
    assert_eq!(warnings.len(), 1);
    assert!(warnings[0].len() < 1_000, "{} bytes", warnings[0].len());
}

#[test]
fn saving_the_profile_keeps_a_symlinked_config_a_symlink() {
    let p = Place::new();
    let real = p.path("dotfiles-config.toml");
    std::fs::write(&real, "# mine\n[display]\nsort = \"salary\"\n").expect("real");
    let link = p.path("config.toml");
    std::os::unix::fs::symlink(&real, &link).expect("symlink");
    let profile = backdesk::config::Profile {
        home_city: Some("Pune".into()),
        ..Default::default()
    };
    backdesk::config::write_profile(&link, &profile).expect("saved");
    assert!(
        std::fs::symlink_metadata(&link)
            .expect("meta")
            .file_type()
            .is_symlink()
    );
    let text = std::fs::read_to_string(&real).expect("read");
    assert!(
        text.contains("# mine") && text.contains("home_city = \"Pune\""),
        "{text}"
    );
}
