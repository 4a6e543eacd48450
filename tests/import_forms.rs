//! The forms real postings come in: schema.org's three syntaxes (JSON-LD,
//! microdata, RDFa), pay in other currencies, places abroad, cells naming
//! several places, and the CSVs scrapers write (JobSpy, Naukri scrapes,
//! Glassdoor exports). Every input here was written for these tests after
//! studying real files of each kind.

// rupees are written the Indian way: 1_00_000 is one lakh
#![allow(clippy::inconsistent_digit_grouping)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use backdesk::catalog::{EmploymentType, Shift, WorkMode};
use backdesk::import::{self, ImportedListing, InputFormat, Matcher};
use backdesk::session::load_vocab;
use backdesk::store::Store;
use jiff::civil::date;
use serde_json::Value;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

const TODAY: jiff::civil::Date = date(2025, 3, 20);

fn plan_of(name: &str) -> import::FilePlan {
    let store = Store::open_in_memory().expect("store");
    let parsed = import::read_file(&fixture(name)).expect("fixture parses");
    Matcher::new(load_vocab(&store).expect("vocab")).plan(name, name, parsed, TODAY)
}

fn plan_text(name: &str, format: InputFormat, text: &str) -> import::FilePlan {
    let store = Store::open_in_memory().expect("store");
    let parsed = import::parse(name, format, text.as_bytes()).expect("parses");
    Matcher::new(load_vocab(&store).expect("vocab")).plan(name, name, parsed, TODAY)
}

fn by_title<'a>(p: &'a import::FilePlan, title: &str) -> Vec<&'a ImportedListing> {
    p.listings.iter().filter(|l| l.title == title).collect()
}

fn one<'a>(p: &'a import::FilePlan, title: &str) -> &'a ImportedListing {
    let found = by_title(p, title);
    assert_eq!(found.len(), 1, "{title}: {:#?}", p.listings);
    found[0]
}

// ---- 9. microdata and RDFa read like JSON-LD -------------------------------

#[test]
fn the_same_posting_in_json_ld_microdata_and_rdfa_imports_the_same() {
    let forms = [
        "jsonld-posting.html",
        "microdata-posting.html",
        "rdfa-posting.html",
    ];
    let plans: Vec<_> = forms.iter().map(|f| plan_of(f)).collect();
    for (form, p) in forms.iter().zip(&plans) {
        assert_eq!(p.listings.len(), 1, "{form}: {p:#?}");
        let l = &p.listings[0];
        assert_eq!(l.title, "Accounts Assistant", "{form}");
        assert_eq!(l.company, "Godavari Traders", "{form}");
        // Nashik is not a catalogue city: kept, with its state spelt out
        assert_eq!(l.location, "Nashik, Maharashtra", "{form}");
        assert_eq!(l.state.as_deref(), Some("Maharashtra"), "{form}");
        assert_eq!(
            (l.salary_min, l.salary_max),
            (Some(18_000), Some(24_000)),
            "{form}"
        );
        assert_eq!(l.currency, "INR", "{form}");
        assert_eq!(l.employment_type, EmploymentType::FullTime, "{form}");
        assert_eq!(l.shift, Shift::Day, "{form}");
        // "Minimum 2 years" is open-ended
        assert_eq!((l.experience_min, l.experience_max), (2, 50), "{form}");
        assert_eq!(l.skills, ["Tally", "GST", "Excel"], "{form}");
        assert_eq!(l.posted, date(2025, 4, 2), "{form}");
        assert_eq!(l.valid_through, Some(date(2025, 5, 2)), "{form}");
        assert_eq!(
            l.apply_url, "https://careers.godavari.example.com/jobs/gt-acc-2025-07",
            "{form}"
        );
        assert_eq!(l.key, "id:GT-ACC-2025-07", "{form}");
        assert_eq!(
            l.description,
            "We keep the books of a grain wholesaler with 40 years in Nashik.\n• Daily vouchers in Tally\n• GST returns with our CA",
            "{form}"
        );
        assert_eq!(l.role_id.as_deref(), Some("accounts-assistant"), "{form}");
        assert!(!l.role_guessed, "an exact title is no guess: {form}");
    }
    // the markup forms know the line their item starts on
    assert_eq!(plans[1].listings[0].line, Some(6));
    assert_eq!(plans[2].listings[0].line, Some(5));
}

#[test]
fn a_page_with_json_ld_and_microdata_for_one_posting_imports_it_once() {
    let page = r#"<html><head><script type="application/ld+json">
{"@type":"JobPosting","title":"MIS Executive","hiringOrganization":{"name":"Rewa Logistics"},"datePosted":"2025-03-01"}
</script></head><body>
<div itemscope itemtype="http://schema.org/JobPosting"><h1 itemprop="title">MIS Executive</h1>
<span itemprop="hiringOrganization">Rewa Logistics</span></div>
<div itemscope itemtype="http://schema.org/JobPosting"><h1 itemprop="title">Payroll Executive</h1>
<span itemprop="hiringOrganization">Rewa Logistics</span></div>
</body></html>"#;
    let p = plan_text("p.html", InputFormat::Html, page);
    let titles: Vec<&str> = p.listings.iter().map(|l| l.title.as_str()).collect();
    assert_eq!(titles, ["MIS Executive", "Payroll Executive"]);
}

// ---- 1 and 2. currencies, and places abroad ---------------------------------

#[test]
fn currencies_come_from_wherever_schema_org_allows_and_places_abroad_stay_abroad() {
    let p = plan_of("abroad-and-currencies.jsonld");
    // JobPosting.salaryCurrency beside a bare baseSalary (schema.org's own example)
    let ap = one(&p, "Accounts Payable Clerk");
    assert_eq!(ap.currency, "USD");
    assert_eq!((ap.salary_min, ap.salary_max), (Some(8_333), Some(8_333)));
    // a US address: no catalogue city, no Indian state, as written
    assert_eq!(ap.location, "Nashville, TN, US");
    assert_eq!((ap.city_id, ap.state.as_deref()), (None, None));
    // no currency anywhere, a US state code: dollars, noted
    let pay = one(&p, "Payroll Specialist");
    assert_eq!(pay.currency, "USD");
    assert_eq!((pay.salary_min, pay.salary_max), (Some(4_000), Some(5_000)));
    assert_eq!(pay.location, "Austin, TX");
    assert!(
        pay.notes.iter().any(|n| n.contains("took USD")),
        "{:?}",
        pay.notes
    );
    // estimatedSalary: a distribution in pounds over a year
    let bill = one(&p, "Billing Executive");
    assert_eq!(bill.currency, "GBP");
    assert_eq!(
        (bill.salary_min, bill.salary_max),
        (Some(2_000), Some(2_500))
    );
    assert_eq!(bill.location, "Bristol, United Kingdom");
    assert_eq!(bill.state, None);
    // TN beside Coimbatore is Tamil Nadu: Salem keeps the state spelt out
    let salem = by_title(&p, "Payroll Executive");
    assert_eq!(salem.len(), 2);
    assert_eq!(salem[0].location, "Coimbatore");
    assert_eq!(salem[1].location, "Salem, Tamil Nadu");
    assert_eq!(salem[1].state.as_deref(), Some("Tamil Nadu"));
    assert_eq!(salem[0].currency, "INR");
    // TN alone with a town the catalogue does not know: it could be
    // Tennessee, so it stays as written and counts as no Indian state
    let unsure = one(&p, "Records Executive");
    assert_eq!(unsure.location, "Franklin, TN");
    assert_eq!(unsure.state, None);
}

#[test]
fn foreign_places_are_not_counted_as_indian_in_facets() {
    let mut s = Store::open_in_memory().expect("store");
    let p = plan_of("abroad-and-currencies.jsonld");
    s.upsert_imported(&p.source, &p.listings).expect("write");
    let index = backdesk::session::build_index(&s).expect("index");
    let q = backdesk::search::Query::text("");
    let r = index.search_for(&q, backdesk::search::FacetSet::ALL, None);
    let states = backdesk::search::Facet::State;
    let counted: Vec<String> = (0..index.value_count(states))
        .filter(|&v| r.facets.of(states)[v] > 0)
        .map(|v| index.value_label(states, v).to_string())
        .collect();
    for abroad in ["TN", "TX", "Tennessee", "United Kingdom", "US"] {
        assert!(
            !counted.iter().any(|c| c == abroad),
            "{abroad} in {counted:?}"
        );
    }
    assert!(counted.iter().any(|c| c == "Tamil Nadu"), "{counted:?}");
}

// ---- 3 and 4. the CSVs people have ---------------------------------------------

#[test]
fn jobspy_output_reads_by_its_own_columns() {
    let p = plan_of("jobspy-sample.csv");
    // every column not read is listed, by the file's own name
    for c in [
        "site",
        "company_industry",
        "company_rating",
        "job_level",
        "salary_source",
    ] {
        assert!(
            p.ignored_columns.iter().any(|x| x == c),
            "{c}: {:?}",
            p.ignored_columns
        );
    }
    for c in [
        "min_amount",
        "interval",
        "is_remote",
        "job_url",
        "emails",
        "experience_range",
    ] {
        assert!(!p.ignored_columns.iter().any(|x| x == c), "{c} is read");
    }
    let ap = one(&p, "Accounts Payable Executive");
    assert_eq!(ap.location, "Pune");
    assert_eq!((ap.salary_min, ap.salary_max), (Some(25_000), Some(35_000)));
    assert_eq!(ap.currency, "INR");
    // "fulltime, internship": the first known
    assert_eq!(ap.employment_type, EmploymentType::FullTime);
    assert_eq!(ap.contact_email, "hr@sarangi.example.com");
    assert_eq!((ap.experience_min, ap.experience_max), (2, 4));
    assert_eq!(ap.openings, 2);
    assert_eq!(ap.key, "id:in-7f3a90c1e2");
    assert_eq!(
        ap.apply_url,
        "https://in.jobs.example.com/viewjob?jk=7f3a90c1e2"
    );
    // JobSpy's Markdown, as text with its paragraphs and bullets
    assert_eq!(
        ap.description,
        "About the role\nWe process vendor invoices for our plants-in Chakan and Talegaon.\n• Three-way matching in SAP\n• Vendor reconciliation\nApply at our careers page."
    );
    assert!(ap.skills.contains(&"Tally".to_string()));

    // a remote title, hourly dollars in Texas
    let mule = one(&p, "MuleSoft Developer (Remote)");
    assert_eq!(mule.work_mode, WorkMode::Remote);
    assert_eq!(mule.currency, "USD");
    assert_eq!(
        (mule.salary_min, mule.salary_max),
        (Some(11_440), Some(13_520))
    );
    assert_eq!(mule.location, "Austin, TX, US");
    assert_eq!(mule.employment_type, EmploymentType::Contract);
    assert_eq!(mule.role_id, None, "a developer is no back-office role");

    // Naukri through JobSpy: lakhs a year with no interval, three cities
    let mis = by_title(&p, "MIS Executive - Excel");
    let places: Vec<&str> = mis.iter().map(|l| l.location.as_str()).collect();
    assert_eq!(places, ["Kolkata", "Hyderabad", "Bengaluru"]);
    assert_eq!(
        (mis[0].salary_min, mis[0].salary_max),
        (Some(1_00_000), Some(1_25_000))
    );
    assert_eq!((mis[0].experience_min, mis[0].experience_max), (3, 50));
    assert_eq!(mis[0].work_mode, WorkMode::Office);
    assert_eq!(mis[0].role_id.as_deref(), Some("mis-executive"));
    assert!(!mis[0].role_guessed);

    // is_remote True, a title saying remote, part-time
    let deo = one(&p, "Data Entry Operator - remote");
    assert_eq!(deo.work_mode, WorkMode::Remote);
    assert_eq!(deo.employment_type, EmploymentType::PartTime);
    assert_eq!(deo.location, "India");
    assert_eq!(
        (deo.salary_min, deo.salary_max),
        (Some(15_000), Some(18_000))
    );
}

#[test]
fn naukri_scrapes_read_with_their_index_column_misspellings_and_relative_dates() {
    let p = plan_of("naukri-scrape.csv");
    assert!(
        p.ignored_columns
            .contains(&"(unnamed column 1)".to_string()),
        "{:?}",
        p.ignored_columns
    );
    assert!(p.ignored_columns.contains(&"Ratings".to_string()));
    let acc = one(&p, "Accounts Executive");
    assert_eq!(acc.location, "Pune");
    assert_eq!(acc.work_mode, WorkMode::Hybrid);
    assert_eq!(
        (acc.salary_min, acc.salary_max),
        (Some(25_000), Some(37_500))
    );
    assert_eq!((acc.experience_min, acc.experience_max), (2, 5));
    assert_eq!(acc.posted, date(2025, 3, 17), "3 Days Ago");
    assert!(acc.skills.contains(&"GST".to_string()));
    // "Bangalore Rural, Delhi / NCR": a listing in each
    let bo = by_title(&p, "Back Office Executive");
    let places: Vec<&str> = bo.iter().map(|l| l.location.as_str()).collect();
    assert_eq!(places, ["Bengaluru", "Delhi"]);
    assert_eq!(bo[0].salary_min, None, "Not disclosed");
    assert!(
        !bo[0].notes.iter().any(|n| n.contains("salary")),
        "'Not disclosed' is not an unreadable salary: {:?}",
        bo[0].notes
    );
    assert_eq!(bo[0].posted, TODAY);
    let pay = by_title(&p, "Payroll Executive");
    let places: Vec<&str> = pay.iter().map(|l| l.location.as_str()).collect();
    assert_eq!(places, ["Delhi", "Sonipat, Haryana"]);
    assert_eq!((pay[0].experience_min, pay[0].experience_max), (3, 50));
    assert_eq!(
        (pay[0].salary_min, pay[0].salary_max),
        (Some(25_000), Some(30_000))
    );
    assert_eq!(pay[0].posted, date(2025, 2, 18), "30+ Days Ago");
    // five cities in one cell, a nurse: five listings, no role
    let nurse = by_title(&p, "Staff Nurse");
    assert_eq!(nurse.len(), 5);
    assert!(nurse.iter().all(|l| l.role_id.is_none()));
}

#[test]
fn glassdoor_exports_read_with_ratings_out_of_the_name() {
    let p = plan_of("glassdoor-export.csv");
    for c in ["Rating", "Industry", "Headquarters", "Competitors"] {
        assert!(
            p.ignored_columns.iter().any(|x| x == c),
            "{c}: {:?}",
            p.ignored_columns
        );
    }
    let ar = one(&p, "Accounts Receivable Specialist");
    assert_eq!(ar.company, "Bellweather Foods");
    assert_eq!(ar.currency, "USD");
    // $41K-$58K a year
    assert_eq!((ar.salary_min, ar.salary_max), (Some(3_417), Some(4_833)));
    assert_eq!(ar.location, "Nashville, TN");
    assert_eq!(ar.state, None);
    assert_eq!(
        ar.description,
        "Post customer payments.\nChase overdue invoices."
    );
    assert_eq!(ar.role_id.as_deref(), Some("accounts-receivable-clerk"));
    assert!(ar.role_guessed);
    let bill = one(&p, "Billing Clerk");
    assert_eq!(
        (bill.salary_min, bill.salary_max),
        (Some(3_120), Some(3_952))
    );
    // UT is Utah here, not Uttarakhand: nothing says India
    assert_eq!(bill.location, "Salt Lake City, UT");
    assert_eq!(bill.state, None);
    let ds = one(&p, "Data Scientist");
    assert_eq!(ds.company, "Quillon Analytics");
    assert_eq!((ds.salary_min, ds.salary_max), (Some(10_000), Some(13_333)));
    assert_eq!(ds.role_id, None);
    let mis = one(&p, "MIS Executive");
    assert_eq!((mis.salary_min, mis.currency.as_str()), (None, "INR"));
    assert_eq!(mis.location, "Kolkata");
}

#[test]
fn a_cell_with_one_town_and_its_area_stays_one_place() {
    let csv = "title,company,location\nBilling Executive,Sahyadri Finserv,\"Andheri East, Mumbai\"\nBilling Executive,Trikon,\"Thane, MH\"\n";
    let p = plan_text("t.csv", InputFormat::Csv, csv);
    let places: Vec<&str> = p.listings.iter().map(|l| l.location.as_str()).collect();
    // Thane is a catalogue city: the area and the city are one place each
    assert_eq!(places, ["Mumbai", "Thane"]);
}

// ---- 6 and 7. CSV reads what JSON-LD reads; minimums are open-ended ----------

#[test]
fn csv_rows_say_remote_in_the_title_and_lists_of_employment_types() {
    let csv = "title,company,employment_type,experience\n\
               Claims Executive (Remote),Acme,\"fulltime, internship\",Minimum 3 years\n\
               GST Executive - WFH,Acme,\"volunteer, contract\",3+ yrs\n\
               MIS Analyst | Hybrid,Acme,,at least 1 year\n";
    let p = plan_text("t.csv", InputFormat::Csv, csv);
    let l = &p.listings;
    assert_eq!(l[0].work_mode, WorkMode::Remote);
    assert_eq!(l[0].employment_type, EmploymentType::FullTime);
    assert_eq!((l[0].experience_min, l[0].experience_max), (3, 50));
    assert_eq!(l[1].work_mode, WorkMode::Remote);
    assert_eq!(l[1].employment_type, EmploymentType::Contract);
    assert_eq!(l[2].work_mode, WorkMode::Hybrid);
    assert_eq!((l[2].experience_min, l[2].experience_max), (1, 50));
}

// ---- 8. error columns count characters; lines hold after multi-line cells --

#[test]
fn csv_errors_after_multi_line_cells_and_wide_text_point_right() {
    let csv = "title,company,description\n\"会计助理\",Acme,\"第一行\n第二行\n第三行\"\nData Entry,Acme,x,extra\n";
    let e = import::parse("t.csv", InputFormat::Csv, csv.as_bytes()).unwrap_err();
    assert_eq!(e.at, Some((5, 1)), "{e}");
    let json = "[\n  {\"title\": \"会计助理\", \"company\": \"Acme\" \"x\": 1}\n]";
    let e = import::parse("t.json", InputFormat::Json, json.as_bytes()).unwrap_err();
    // `  {"title": "会计助理", "company": "Acme" ` is 38 characters (46
    // bytes): the stray key is character 39
    assert_eq!(e.at, Some((2, 39)), "{e}");
}

// ---- 5 and 12. the report: foreign pay in thousands, ids in a dry run, guesses

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
            .env("COLUMNS", "200")
            .arg("--db")
            .arg(self.dir.path().join("backdesk.db"));
        c
    }
    fn stdout(&self, args: &[&str]) -> String {
        let out = self.cmd().args(args).output().expect("runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("utf8")
    }
}

#[test]
fn the_report_groups_foreign_pay_in_thousands_and_marks_only_guesses() {
    let env = Env::new();
    let file = fixture("abroad-and-currencies.jsonld");
    let out = env.stdout(&["import", "--dry-run", file.to_str().expect("utf8")]);
    assert!(out.contains("USD 8,333 a month"), "{out}");
    assert!(out.contains("USD 4,000–5,000 a month"), "{out}");
    assert!(!out.contains("4,16,667"), "{out}");
    // exact titles are not marked; a title that is no catalogue role says so
    assert!(out.contains("Accounts Payable Clerk  "), "{out}");
    assert!(!out.contains("(guess)"), "{out}");
    let glass = fixture("glassdoor-export.csv");
    let out = env.stdout(&["import", "--dry-run", glass.to_str().expect("utf8")]);
    assert!(out.contains("Accounts Receivable Clerk (guess)"), "{out}");
    assert!(out.contains("other role"), "{out}");
}

#[test]
fn a_dry_run_shows_the_id_it_would_update() {
    let env = Env::new();
    let file = fixture("naukri-scrape.csv");
    let path = file.to_str().expect("utf8");
    env.stdout(&["import", path]);
    let v: Value =
        serde_json::from_str(&env.stdout(&["import", "--dry-run", "--format", "json", path]))
            .expect("json");
    let listings = v["files"][0]["listings"].as_array().expect("listings");
    assert!(!listings.is_empty());
    for l in listings {
        assert_eq!(l["action"], "updated");
        assert!(l["id"].as_i64().is_some_and(|id| id >= 10_000_000), "{l}");
    }
    let table = env.stdout(&["import", "--dry-run", path]);
    assert!(!table.contains("  ~         -  "), "{table}");
    assert!(table.contains("~  10000000"), "{table}");
}
