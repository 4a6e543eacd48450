//! `backdesk import`: every input form, the nasty files, re-imports,
//! removal, and search finding what was imported.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use backdesk::catalog::{EmploymentType, Shift, WorkMode};
use backdesk::import::{self, ImportError, InputFormat, Matcher, ParsedFile};
use backdesk::search::Query;
use backdesk::session::{build_index, load_vocab};
use backdesk::store::{FIRST_IMPORTED_ID, Store};
use jiff::civil::date;
use predicates::prelude::*;
use serde_json::Value;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

fn parse_fixture(name: &str) -> Result<ParsedFile, ImportError> {
    import::read_file(&fixture(name))
}

fn plan(store: &Store, name: &str) -> import::FilePlan {
    let parsed = parse_fixture(name).expect("fixture parses");
    let matcher = Matcher::new(load_vocab(store).expect("vocab"));
    matcher.plan(name, name, parsed, date(2025, 3, 20))
}

fn store() -> Store {
    Store::open_in_memory().expect("store")
}

// ---- the realistic saved page ---------------------------------------------

#[test]
fn a_saved_job_board_page_imports_with_salary_city_and_date_right() {
    let mut s = store();
    let p = plan(&s, "naukri-style-accounts-executive.html");
    assert_eq!(p.listings.len(), 1, "{p:#?}");
    assert!(p.skipped.is_empty());
    // WebSite, BreadcrumbList and Organization blocks are counted, not imported
    assert_eq!(p.other_types.values().sum::<usize>(), 3);
    let l = &p.listings[0];
    assert_eq!(l.title, "Accounts & GST Executive");
    assert_eq!(l.company, "Mehta Auto Components Pvt. Ltd.");
    // "Hinjewadi, Pune" in MH → the catalogue's Pune
    assert_eq!(l.location, "Pune");
    assert!(l.city_id.is_some());
    assert_eq!(l.state.as_deref(), Some("Maharashtra"));
    // 3,00,000–4,20,000 a year → ₹25,000–35,000 a month
    assert_eq!((l.salary_min, l.salary_max), (Some(25_000), Some(35_000)));
    assert_eq!(l.currency, "INR");
    assert_eq!(l.posted, date(2025, 3, 14));
    assert_eq!(l.valid_through, Some(date(2025, 5, 13)));
    assert_eq!(l.employment_type, EmploymentType::FullTime);
    assert_eq!(l.shift, Shift::Day);
    assert_eq!(l.work_mode, WorkMode::Office);
    assert_eq!(l.experience_min, 2);
    assert_eq!(l.openings, 2);
    assert!(l.skills.contains(&"Tally".to_string()));
    // "MS Excel" is the catalogue's Excel
    assert!(l.skills.contains(&"Excel".to_string()), "{:?}", l.skills);
    assert!(l.role_id.is_some() && l.role_guessed);
    assert_eq!(l.key, "id:Mehta Auto Components Pvt. Ltd.:140325500123");
    // the double-escaped HTML description is plain text
    assert!(
        l.description
            .starts_with("Mehta Auto Components is looking for an Accounts & GST Executive")
    );
    assert!(
        l.description
            .contains("\n• Prepare GSTR-1 and GSTR-3B returns")
    );
    assert!(!l.description.contains('<'));

    let r = s.upsert_imported(&p.source, &p.listings).expect("write");
    assert_eq!((r.inserted(), r.updated()), (1, 0));
    assert!(r.outcomes[0].0 >= FIRST_IMPORTED_ID);
}

// ---- JSON-LD shapes ----------------------------------------------------------

#[test]
fn nested_graphs_arrays_of_places_bare_salaries_and_missing_fields() {
    let s = store();
    let p = plan(&s, "nested-graph.jsonld");
    let titles: Vec<&str> = p.listings.iter().map(|l| l.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Data Entry Operator – Night Shift",
            // the same posting's second place
            "Data Entry Operator – Night Shift",
            "Payroll Executive",
            "MIS Executive (Remote)",
            "Accounts Assistant"
        ]
    );
    assert_eq!(p.other_types.get("WebPage"), Some(&1));
    assert_eq!(p.other_types.get("Organization"), Some(&1));
    // missing company / title: skipped, with the reason
    assert_eq!(p.skipped.len(), 2);
    assert!(p.skipped[0].reason.contains("no company"));
    assert_eq!(p.skipped[0].title.as_deref(), Some("Store Helper"));
    assert!(p.skipped[1].reason.contains("no title"));

    let deo = &p.listings[0];
    assert_eq!(deo.location, "Coimbatore");
    assert!(
        deo.notes.iter().any(
            |n| n == "listed for 2 places, a listing in each: Coimbatore; Tiruppur, Tamil Nadu"
        ),
        "{:?}",
        deo.notes
    );
    assert_eq!(
        (deo.salary_min, deo.salary_max),
        (Some(16_500), Some(16_500))
    );
    assert_eq!(deo.employment_type, EmploymentType::Contract);
    assert_eq!(deo.shift, Shift::Night);
    assert_eq!((deo.experience_min, deo.experience_max), (0, 1));
    // 20:00 UTC on 28 Feb is 1 March in India
    assert_eq!(deo.posted, date(2025, 3, 1));
    assert_eq!(deo.role_id.as_deref(), Some("data-entry-specialist"));
    assert_eq!(deo.key, "id:KT-2025-031");
    assert_eq!(
        deo.description,
        "Enter purchase orders & invoices into SAP.\nTyping speed 35 wpm."
    );

    // Tiruppur (not a catalogue city) is a listing of its own, kept as
    // given, with the same posting's fields and a key of its own
    let tiruppur = &p.listings[1];
    assert_eq!(tiruppur.location, "Tiruppur, Tamil Nadu");
    assert_eq!(tiruppur.state.as_deref(), Some("Tamil Nadu"));
    assert_eq!(tiruppur.city_id, None);
    assert_eq!(tiruppur.key, "id:KT-2025-031@tiruppur, tamil nadu");
    assert_eq!(
        (tiruppur.number, tiruppur.salary_min, tiruppur.shift),
        (deo.number, deo.salary_min, deo.shift)
    );
    assert_eq!(tiruppur.notes, deo.notes);

    let payroll = &p.listings[2];
    assert_eq!(payroll.location, "Coimbatore"); // Kovai is an alias
    assert_eq!(payroll.salary_min, Some(28_000));
    assert_eq!(payroll.experience_min, 3);
    assert_eq!(payroll.key, "id:Kaveri:32");
    assert_eq!(payroll.role_id.as_deref(), Some("payroll-specialist"));

    let mis = &p.listings[3];
    assert_eq!(mis.work_mode, WorkMode::Remote);
    assert_eq!(mis.location, "Remote");
    assert_eq!(mis.currency, "USD");
    assert_eq!(mis.employment_type, EmploymentType::PartTime);
    assert_eq!(
        mis.key,
        "url:https://careers.kaveri-textiles.example/jobs/remote-mis"
    );
    assert_eq!(mis.skills, ["Advanced Excel", "MIS Reporting", "Power BI"]);

    let acc = &p.listings[4];
    // Nashik is not a catalogue city: kept as given, state code spelt out
    assert_eq!(acc.location, "Nashik, Maharashtra");
    assert_eq!(acc.city_id, None);
    // 150-200 an hour × 8 × 26
    assert_eq!(
        (acc.salary_min, acc.salary_max),
        (Some(31_200), Some(41_600))
    );
    assert!(
        acc.key
            .starts_with("text:accounts assistant|kaveri textiles ltd.|nashik")
    );
}

/// A posting for several places is a listing in each: catalogue cities
/// first, the same place spelt twice once, at most `MAX_PLACES`.
#[test]
fn a_posting_for_several_places_is_a_listing_in_each() {
    let s = store();
    let matcher = Matcher::new(load_vocab(&s).expect("vocab"));
    let place =
        |l: &str| format!(r#"{{"address": {{"addressLocality": "{l}", "addressRegion": "MH"}}}}"#);
    let posting = |places: &[String]| {
        format!(
            r#"{{"@type": "JobPosting", "title": "Accounts Executive", "identifier": "AE-1",
                "hiringOrganization": {{"name": "Example Traders"}}, "datePosted": "2025-03-01",
                "jobLocation": [{}]}}"#,
            places.join(", ")
        )
    };
    let run = |json: String| {
        let parsed =
            import::parse("places.json", InputFormat::Json, json.as_bytes()).expect("parses");
        matcher.plan("places.json", "places.json", parsed, date(2025, 3, 20))
    };

    // Nashik is not a catalogue city, Mumbai is and comes first; Bombay is
    // Mumbai again
    let p = run(posting(&[
        place("Nashik"),
        place("Mumbai"),
        place("Bombay"),
    ]));
    let at: Vec<(&str, bool, &str)> = p
        .listings
        .iter()
        .map(|l| (l.location.as_str(), l.city_id.is_some(), l.key.as_str()))
        .collect();
    assert_eq!(
        at,
        [
            ("Mumbai", true, "id:AE-1"),
            ("Nashik, Maharashtra", false, "id:AE-1@nashik, maharashtra"),
        ]
    );
    assert!(p.skipped.is_empty());

    // twelve places: the first ten, and a note saying so
    let many: Vec<String> = (1..=12).map(|i| place(&format!("Village {i}"))).collect();
    let p = run(posting(&many));
    assert_eq!(p.listings.len(), import::MAX_PLACES);
    assert!(
        p.listings[0]
            .notes
            .iter()
            .any(|n| n == "listed for 12 places; imported the first 10"),
        "{:?}",
        p.listings[0].notes
    );
    let keys: std::collections::HashSet<&str> = p.listings.iter().map(|l| l.key.as_str()).collect();
    assert_eq!(
        keys.len(),
        import::MAX_PLACES,
        "every listing has its own key"
    );
}

#[test]
fn bom_crlf_json_with_entities_and_misspelt_cities() {
    let s = store();
    let p = plan(&s, "bom-crlf.json");
    assert_eq!(p.listings.len(), 2);
    assert_eq!(p.listings[0].title, "HR & Admin Executive");
    assert_eq!(p.listings[0].company, "Grayfield & Sons");
    assert_eq!(p.listings[0].location, "Gurugram");
    assert_eq!(p.listings[1].location, "Hyderabad");
    assert!(p.listings[1].notes.iter().any(|n| n.contains("Hydrabad")));
    // 600 a day × 26
    assert_eq!(p.listings[1].salary_min, Some(15_600));
}

// ---- CSV ----------------------------------------------------------------------

#[test]
fn csv_with_bom_crlf_and_quoted_newlines() {
    let s = store();
    let p = plan(&s, "bom-crlf.csv");
    assert_eq!(p.listings.len(), 2);
    let a = &p.listings[0];
    assert_eq!(a.title, "Accounts Executive, GST");
    assert_eq!(a.location, "Pune"); // Poona
    assert_eq!(
        a.description,
        "Books of account, GST returns.\nSecond line with \"quotes\" and a comma, too."
    );
    assert_eq!(a.skills, ["Tally", "GST", "Excel"]);
    // accounts executive is a role of its own now, not an assistant's title
    assert_eq!(a.role_id.as_deref(), Some("accounts-executive"));
    assert!(
        a.company_id.is_some(),
        "Sahyadri Finserv is a catalogue company"
    );
    let b = &p.listings[1];
    assert_eq!(b.location, "Hyderabad"); // Secunderabad
    assert_eq!((b.salary_min, b.salary_max), (Some(30_000), Some(40_000)));
    assert_eq!(b.posted, date(2025, 3, 14));
    assert_eq!(b.work_mode, WorkMode::Hybrid);
    assert_eq!(p.skipped.len(), 1);
    assert_eq!(p.skipped[0].line, Some(5));
}

#[test]
fn a_counsellors_spreadsheet() {
    let s = store();
    let p = plan(&s, "counsellor-sheet.csv");
    assert_eq!(p.ignored_columns, ["Notes"]);
    let l = &p.listings;
    assert_eq!(l.len(), 3);
    assert_eq!(l[0].location, "Mumbai");
    assert_eq!(
        (l[0].salary_min, l[0].salary_max),
        (Some(15_000), Some(18_000))
    );
    assert_eq!((l[0].experience_min, l[0].experience_max), (0, 0));
    assert_eq!(l[1].location, "Bengaluru");
    assert_eq!(l[1].work_mode, WorkMode::Remote);
    assert_eq!(l[2].location, "Nashik");
    assert_eq!(
        (l[2].salary_min, l[2].salary_max),
        (Some(20_000), Some(25_000))
    );
    assert_eq!(l[2].experience_min, 2);
}

#[test]
fn control_characters_and_bidi_overrides_never_reach_the_store() {
    let s = store();
    let csv = "title,company,city,skills,description\n\
        \"Clerk\u{202e}kcab\u{7}\",\"Acme\u{1b}[31m Ltd\u{2066}\",Pune,\"Tally\u{0};\u{202b}\",\"one\r\ntwo\tthree\u{202d}\"\n\
        \"\u{202e}\u{7}\",Nobody,Pune,,\n\
        محاسب,\"שירותים\u{200d}\",Pune,,\n";
    let parsed = import::parse("odd.csv", InputFormat::Csv, csv.as_bytes()).expect("parses");
    let matcher = Matcher::new(load_vocab(&s).expect("vocab"));
    let p = matcher.plan("odd.csv", "odd.csv", parsed, date(2025, 3, 20));
    assert_eq!(p.listings.len(), 2, "{:?}", p.skipped);
    let a = &p.listings[0];
    assert_eq!(a.title, "Clerkkcab");
    assert_eq!(a.company, "Acme[31m Ltd");
    assert_eq!(a.skills, ["Tally"]);
    assert_eq!(a.description, "one\ntwo three");
    // right-to-left text and joiners are text, and stay
    assert_eq!(p.listings[1].title, "محاسب");
    assert_eq!(p.listings[1].company, "שירותים\u{200d}");
    // a title of nothing but controls is no title
    assert_eq!(p.skipped.len(), 1);
    assert!(p.skipped[0].reason.contains("no title"), "{:?}", p.skipped);
}

// ---- bad files ---------------------------------------------------------------

#[test]
fn bad_files_say_where_and_what_was_expected() {
    type Case = (&'static str, Option<(u64, u64)>, &'static str);
    let cases: [Case; 6] = [
        ("truncated.json", Some((1, 263)), "cut off"),
        ("invalid-utf8.csv", Some((3, 23)), "not UTF-8"),
        ("bad-block.html", Some((14, 1)), "trailing comma"),
        (
            "no-jsonld.html",
            None,
            "no <script type=\"application/ld+json\">",
        ),
        (
            "wrong-columns.csv",
            Some((1, 1)),
            "at least title and company",
        ),
        (
            "short-row.csv",
            Some((3, 1)),
            "2 fields but the header has 3",
        ),
    ];
    for (name, at, what) in cases {
        let e = parse_fixture(name).expect_err(name);
        assert_eq!(e.at, at, "{name}: {e}");
        assert!(e.message.contains(what), "{name}: {e}");
        assert!(e.to_string().contains(name), "{e}");
    }
}

#[test]
fn fuzz_regressions_do_not_panic() {
    // inputs kept from fuzzing runs and hand-made edge cases
    let dir = fixture("fuzz-regressions");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return;
    };
    for e in entries.flatten() {
        let bytes = std::fs::read(e.path()).expect("read");
        for f in [InputFormat::Json, InputFormat::Csv, InputFormat::Html] {
            backdesk::fuzzing::import(f, &bytes);
        }
    }
}

#[test]
fn deep_nesting_and_odd_values_are_errors_or_skips_not_panics() {
    let deep = "[".repeat(10_000);
    assert!(import::parse("d.json", InputFormat::Json, deep.as_bytes()).is_err());
    for json in [
        "null",
        "\"a string\"",
        "42",
        "[]",
        "{}",
        r#"{"@type":"JobPosting"}"#,
        r#"{"@type":"JobPosting","title":["A"],"hiringOrganization":[{"name":"B"}],"baseSalary":{"value":{"minValue":-5,"maxValue":1e308}},"datePosted":"31/02/2025","jobLocation":[null,1,{"address":null}]}"#,
    ] {
        let f = import::parse("x.json", InputFormat::Json, json.as_bytes()).expect(json);
        let m = Matcher::new(load_vocab(&store()).expect("vocab"));
        let _ = m.plan("x.json", "x.json", f, date(2025, 1, 1));
    }
}

#[test]
fn a_ten_megabyte_file_imports_in_one_transaction() {
    // about 10 MB of JSON-LD: generated here, not committed
    let one = |i: usize| {
        format!(
            r#"{{"@context":"https://schema.org","@type":"JobPosting","identifier":"big-{i}","title":"Data Entry Operator","description":"{}","hiringOrganization":{{"@type":"Organization","name":"Bulk Hiring Co {}"}},"jobLocation":{{"@type":"Place","address":{{"@type":"PostalAddress","addressLocality":"Pune","addressRegion":"MH"}}}},"datePosted":"2025-03-01","baseSalary":{{"@type":"MonetaryAmount","currency":"INR","value":{{"@type":"QuantitativeValue","minValue":15000,"maxValue":18000,"unitText":"MONTH"}}}}}}"#,
            "Typing and data entry. ".repeat(10),
            i % 50
        )
    };
    let mut text = String::from("[");
    let mut n = 0;
    while text.len() < 10 * 1024 * 1024 {
        if n > 0 {
            text.push(',');
        }
        text.push_str(&one(n));
        n += 1;
    }
    text.push(']');
    let parsed = import::parse("big.json", InputFormat::Json, text.as_bytes()).expect("parses");
    assert_eq!(parsed.postings.len(), n);
    let mut s = store();
    let m = Matcher::new(load_vocab(&s).expect("vocab"));
    let p = m.plan("big.json", "big.json", parsed, date(2025, 3, 20));
    assert_eq!(p.listings.len(), n);
    let r = s.upsert_imported("big.json", &p.listings).expect("write");
    assert_eq!(r.inserted(), n);
    let ix = build_index(&s).expect("index");
    assert_eq!(ix.len(), 2000 + n);
}

// ---- writing -----------------------------------------------------------------

#[test]
fn reimporting_updates_and_never_duplicates() {
    let mut s = store();
    let before = s.listing_count().expect("count");
    let p = plan(&s, "nested-graph.jsonld");
    let first = s.upsert_imported(&p.source, &p.listings).expect("write");
    assert_eq!((first.inserted(), first.updated()), (5, 0));
    let again = s.upsert_imported(&p.source, &p.listings).expect("write");
    assert_eq!((again.inserted(), again.updated()), (0, 5));
    let ids =
        |r: &backdesk::store::UpsertReport| r.outcomes.iter().map(|o| o.0).collect::<Vec<_>>();
    assert_eq!(ids(&first), ids(&again));
    assert_eq!(s.listing_count().expect("count"), before + 5);
    // the same file under another name is another source
    let other = s
        .upsert_imported("copy.jsonld", &p.listings)
        .expect("write");
    assert_eq!(other.inserted(), 5);
    assert!(ids(&other).iter().all(|id| !ids(&first).contains(id)));
    assert_eq!(s.remove_source("copy.jsonld").expect("remove"), 5);
    assert_eq!(s.listing_count().expect("count"), before + 5);
    assert!(s.remove_source("catalog").is_err());
}

/// Fixture companies are as fictional as the catalogue's: none of the
/// names `tests/catalog_roles.rs` finds too close to a real institution.
#[test]
fn fixtures_name_no_real_looking_institution() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import");
    for entry in std::fs::read_dir(&dir).expect("fixtures") {
        let path = entry.expect("entry").path();
        if !path.is_file() {
            continue;
        }
        let text = String::from_utf8_lossy(&std::fs::read(&path).expect("read")).into_owned();
        for name in ["Deccan State Cooperative Bank", "Mangala Clinics"] {
            assert!(!text.contains(name), "{} names {name}", path.display());
        }
    }
}

#[test]
fn a_reseed_keeps_imported_listings() {
    let mut s = store();
    let p = plan(&s, "bom-crlf.csv");
    s.upsert_imported(&p.source, &p.listings).expect("write");
    s.reseed().expect("reseed");
    assert_eq!(s.imported_ids("bom-crlf.csv").expect("ids").len(), 2);
}

#[test]
fn search_finds_imported_listings_and_keeps_foreign_pay_out_of_rupee_filters() {
    let mut s = store();
    for name in [
        "nested-graph.jsonld",
        "naukri-style-accounts-executive.html",
    ] {
        let p = plan(&s, name);
        s.upsert_imported(&p.source, &p.listings).expect("write");
    }
    let ix = build_index(&s).expect("index");
    let mut q = Query::text("gst executive");
    q.include(
        backdesk::search::Facet::Source,
        "naukri-style-accounts-executive.html",
    );
    let hits = ix.search(&q);
    assert_eq!(hits.total(), 1);
    let row = hits.hits[0].row as usize;
    assert_eq!(ix.city(row), "Pune");
    assert_eq!(ix.source(row), "naukri-style-accounts-executive.html");

    // the USD listing has a salary but no rupee one
    let mut q = Query::text("mis executive remote");
    q.include(backdesk::search::Facet::Source, "nested-graph.jsonld");
    let hits = ix.search(&q);
    assert_eq!(hits.total(), 1);
    assert_eq!(ix.salary(hits.hits[0].row as usize), (None, None));
    let listing = s
        .listing(ix.id(hits.hits[0].row as usize))
        .expect("read")
        .expect("there");
    assert_eq!(listing.currency, "USD");
    assert_eq!(listing.salary_min.map(|r| r.0), Some(1_200));
    // ... and shows it as given wherever a salary is shown
    let row = hits.hits[0].row as usize;
    let shown = ix.salary_text(row, backdesk::money::Period::Monthly);
    assert!(shown.starts_with("USD 1,200"), "{shown}");
    assert!(shown.ends_with("a month"), "{shown}");
}

// ---- the command line --------------------------------------------------------

struct Env {
    dir: tempfile::TempDir,
}

impl Env {
    fn new() -> Env {
        Env {
            dir: tempfile::tempdir().expect("tempdir"),
        }
    }

    fn cmd(&self) -> Command {
        let mut c = Command::cargo_bin("backdesk").expect("binary");
        let home = self.dir.path().join("home");
        c.env_clear()
            .env("HOME", &home)
            .env("XDG_CONFIG_HOME", home.join(".config"))
            .env("XDG_DATA_HOME", home.join(".local/share"))
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("COLUMNS", "120")
            .arg("--db")
            .arg(self.dir.path().join("backdesk.db"));
        c
    }

    /// What a successful `backdesk ARGS...` prints.
    fn stdout(&self, args: &[&str]) -> String {
        let out = self
            .cmd()
            .args(args)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        String::from_utf8(out).expect("UTF-8")
    }

    fn json(&self, args: &[&str]) -> Value {
        serde_json::from_str(&self.stdout(args)).expect("JSON")
    }

    fn write(&self, name: &str, text: &str) -> PathBuf {
        let p = self.dir.path().join(name);
        std::fs::write(&p, text).expect("write");
        p
    }

    /// Listings from `source` (0 when there is no such source: search
    /// refuses an unknown one).
    fn count(&self, source: &str) -> usize {
        let out = self
            .cmd()
            .args([
                "search", "--source", source, "--format", "json", "--limit", "0",
            ])
            .output()
            .expect("runs");
        if !out.status.success() {
            assert!(String::from_utf8_lossy(&out.stderr).contains("no source"));
            return 0;
        }
        serde_json::from_slice::<Value>(&out.stdout)
            .expect("JSON")
            .as_array()
            .map_or(0, Vec::len)
    }
}

#[test]
fn cli_imports_reports_and_reimports() {
    let env = Env::new();
    let page = fixture("naukri-style-accounts-executive.html");
    env.cmd()
        .arg("import")
        .arg(&page)
        .arg(fixture("nested-graph.jsonld"))
        .assert()
        .success()
        .stdout(predicate::str::contains("1 new · 0 updated · 0 skipped"))
        .stdout(predicate::str::contains("5 new · 0 updated · 2 skipped"))
        // a JSON document's postings are reported with their line too
        .stdout(predicate::str::contains(
            "skipped #3 (line 43) \"Store Helper\": no company",
        ))
        .stdout(predicate::str::contains("₹25,000–35,000"));
    let v = env.json(&["import", page.to_str().expect("utf8"), "--format", "json"]);
    let f = &v["files"][0];
    assert_eq!(f["imported"], 0);
    assert_eq!(f["updated"], 1);
    assert_eq!(f["listings"][0]["action"], "updated");
    assert_eq!(f["listings"][0]["city"], "Pune");
    assert!(f["listings"][0]["role"].is_string());
    assert_eq!(env.count("naukri-style-accounts-executive.html"), 1);
    assert_eq!(env.count("nested-graph.jsonld"), 5);
    // the imported listing is searchable like a shipped one
    let hits = env.json(&[
        "search",
        "gst",
        "executive",
        "--city",
        "Pune",
        "--format",
        "json",
    ]);
    assert!(
        hits.as_array()
            .expect("array")
            .iter()
            .any(|h| h["company"] == "Mehta Auto Components Pvt. Ltd." && h["salary_min"] == 25000)
    );
}

/// The report gives a posting's notes once, though it became a listing in
/// each of its places.
#[test]
fn cli_report_notes_a_split_posting_once() {
    let env = Env::new();
    let file = fixture("nested-graph.jsonld");
    let text = env.stdout(&["import", "--dry-run", file.to_str().expect("utf8")]);
    assert_eq!(text.matches("took MONTH for 16500").count(), 1, "{text}");
    assert_eq!(
        text.matches("listed for 2 places, a listing in each: Coimbatore; Tiruppur, Tamil Nadu")
            .count(),
        1,
        "{text}"
    );
    assert!(text.contains("5 new · 0 updated · 2 skipped"), "{text}");
}

#[test]
fn cli_dry_run_writes_nothing() {
    let env = Env::new();
    env.cmd()
        .args(["import", "--dry-run"])
        .arg(fixture("bom-crlf.csv"))
        .assert()
        .success()
        .stdout(predicate::str::contains("Nothing was written"));
    assert_eq!(env.count("bom-crlf.csv"), 0);
}

#[test]
fn cli_one_bad_file_means_nothing_is_written() {
    let env = Env::new();
    env.cmd()
        .arg("import")
        .arg(fixture("bom-crlf.csv"))
        .arg(fixture("truncated.json"))
        .arg(fixture("invalid-utf8.csv"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "truncated.json: line 1, column 263",
        ))
        .stderr(predicate::str::contains(
            "invalid-utf8.csv: line 3, column 23",
        ))
        .stderr(predicate::str::contains(
            "2 of 3 files could not be read; nothing was imported",
        ));
    assert_eq!(env.count("bom-crlf.csv"), 0);
    env.cmd()
        .arg("import")
        .arg(env.dir.path().join("missing.csv"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("missing.csv"));
}

#[test]
fn cli_usage_mistakes_exit_2() {
    let env = Env::new();
    let txt = env.write("notes.txt", "hello");
    env.cmd()
        .arg("import")
        .arg(&txt)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown kind of file"));
    env.cmd().arg("import").assert().code(2);
    env.cmd()
        .args(["import", "--remove", "catalog"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot be removed"));
    env.cmd()
        .args(["import", "--remove", "nothing.csv"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("nothing has been imported yet"));
    let a = env.dir.path().join("a");
    std::fs::create_dir_all(&a).expect("dir");
    let one = env.write("jobs.csv", "title,company\nA,B\n");
    let two = a.join("jobs.csv");
    std::fs::write(&two, "title,company\nC,D\n").expect("write");
    env.cmd()
        .arg("import")
        .arg(&one)
        .arg(&two)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("two files named jobs.csv"));
}

#[test]
fn cli_remove_by_source() {
    let env = Env::new();
    env.cmd()
        .arg("import")
        .arg(fixture("bom-crlf.csv"))
        .assert()
        .success();
    assert_eq!(env.count("bom-crlf.csv"), 2);
    env.cmd()
        .args(["import", "--remove", "bom-crlf.csv", "--dry-run"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Would remove 2 listings"));
    assert_eq!(env.count("bom-crlf.csv"), 2);
    env.cmd()
        .args(["import", "--remove", "bom-crlf.csv"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Removed 2 listings imported from bom-crlf.csv",
        ));
    env.cmd()
        .args(["search", "--source", "bom-crlf.csv"])
        .assert()
        .code(2);
}

/// Fields that survive export → import (not id and source, which the
/// import gives anew).
fn comparable(mut v: Value) -> Value {
    if let Some(o) = v.as_object_mut() {
        o.remove("id");
        o.remove("source");
    }
    v
}

#[test]
fn cli_search_exports_reimport_unchanged() {
    let env = Env::new();
    for (format, file) in [("json", "export.json"), ("csv", "export.csv")] {
        let out = env.stdout(&[
            "search", "payroll", "--limit", "40", "--source", "catalog", "--format", format,
        ]);
        let path = env.dir.path().join(file);
        std::fs::write(&path, &out).expect("write");
        env.cmd().arg("import").arg(&path).assert().success();
        // again: all updated, none added
        let v = env.json(&["import", path.to_str().expect("utf8"), "--format", "json"]);
        assert_eq!(v["files"][0]["imported"], 0);
        assert_eq!(v["files"][0]["updated"], 40);
        let original = env.json(&[
            "search", "payroll", "--limit", "40", "--format", "json", "--source", "catalog",
        ]);
        let imported = env.json(&[
            "search",
            "--source",
            file,
            "--format",
            "json",
            "--limit",
            "0",
            "--sort",
            "relevance",
        ]);
        let mut a: Vec<Value> = original
            .as_array()
            .expect("array")
            .iter()
            .cloned()
            .map(comparable)
            .collect();
        let mut b: Vec<Value> = imported
            .as_array()
            .expect("array")
            .iter()
            .cloned()
            .map(comparable)
            .collect();
        let key = |v: &Value| v["apply_url"].as_str().unwrap_or_default().to_string();
        a.sort_by_key(key);
        b.sort_by_key(key);
        assert_eq!(a.len(), 40);
        assert_eq!(a, b, "{format} export did not round-trip");
    }
}

#[test]
fn import_paths_is_all_or_nothing_for_the_tui_too() {
    use backdesk::cli::import::{FilesRejected, import_paths, render};
    let mut s = store();
    let before = s.listing_count().expect("count");
    let e = import_paths(
        &mut s,
        &[fixture("bom-crlf.csv"), fixture("truncated.json")],
        false,
    )
    .expect_err("a bad file");
    let r = e.downcast_ref::<FilesRejected>().expect("files rejected");
    assert_eq!((r.errors.len(), r.total), (1, 2));
    assert!(e.to_string().contains("truncated.json: line 1, column 263"));
    assert_eq!(s.listing_count().expect("count"), before);
    let rep = import_paths(&mut s, &[fixture("bom-crlf.csv")], false).expect("imports");
    assert_eq!((rep.files[0].imported, rep.files[0].skipped), (2, 1));
    assert!(render(&rep).contains("2 new · 0 updated · 1 skipped"));
    assert_eq!(s.listing_count().expect("count"), before + 2);
}
