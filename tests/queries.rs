//! How job seekers type, tried on the shipped catalogue.
//!
//! A table of realistic searches (what freshers, career counsellors and
//! job-board users type: English, Hinglish, Hindi, typos, cities, pay,
//! work modes, experience), each with what it should be read as and a
//! property its first page (the 20 results the CLI shows) must have. The
//! share that passes is reported (`cargo test --test queries -- --nocapture`)
//! and must stay at 95% or more; the same table run with understanding off
//! (`--literal`, the engine before it) gives the "before" figure.
//!
//! The queries were written for this test from how people search job
//! boards; they are a test, not a list the code knows about.

use backdesk::search::{Index, Query, Sort};
use backdesk::store::Store;

/// A property of a first page. "All" properties hold for every row shown.
#[derive(Debug, Clone, Copy)]
enum P {
    /// Nothing found (the search is for work that is not here).
    Empty,
    /// Every row in one of these cities.
    City(&'static [&'static str]),
    State(&'static str),
    Mode(&'static str),
    Emp(&'static str),
    Shift(&'static str),
    NotShift(&'static str),
    Kind(&'static str),
    /// Open to freshers.
    Fresher,
    /// Open to someone with this many years.
    ExpIn(u8),
    /// Open to someone with this many years or more.
    ExpAtLeast(u8),
    /// Needs some experience.
    Experienced,
    PayAbout(u32),
    PayAtLeast(u32),
    PayAtMost(u32),
    PayOverlap(u32, u32),
    Cat(&'static str),
    NotCat(&'static str),
    /// The first N rows are of these roles.
    TopRoles(usize, &'static [&'static str]),
    /// The first N titles contain this (lowercase).
    TopTitle(usize, &'static str),
    /// Newest first / best paid first.
    Sorted(Sort),
}

use P::*;

const DATA_ENTRY: &[&str] = &["data-entry-specialist"];
const ACCOUNTS: &[&str] = &[
    "accounts-payable-clerk",
    "accounts-receivable-clerk",
    "accounts-assistant",
    "accountant",
    "bookkeeper",
];
const PAYROLL: &[&str] = &["payroll-specialist", "payroll-manager"];
const NCR: &[&str] = &["Delhi", "Gurugram", "Noida"];

/// (typed, what it should be read as, properties of the first page).
const CASES: &[(&str, &str, &[P])] = &[
    // ---- the field itself
    (
        "back office jobs",
        "all back-office jobs",
        &[TopTitle(5, "back office")],
    ),
    (
        "back office",
        "all back-office jobs",
        &[TopTitle(5, "back office")],
    ),
    (
        "backoffice job",
        "all back-office jobs",
        &[TopTitle(5, "back office")],
    ),
    (
        "back-office jobs in mumbai",
        "all back-office jobs · Mumbai",
        &[City(&["Mumbai"]), TopTitle(2, "back office")],
    ),
    (
        "back office job in delhi",
        "all back-office jobs · Delhi",
        &[City(&["Delhi"])],
    ),
    (
        "back office executive",
        "back office executive",
        &[TopTitle(5, "back office executive")],
    ),
    (
        "back office fresher",
        "all back-office jobs · Fresher",
        &[Fresher, TopTitle(3, "back office")],
    ),
    (
        "bank back office",
        "bank back office",
        &[TopTitle(5, "bank back office")],
    ),
    // ---- work mode
    ("remote", "Remote", &[Mode("remote")]),
    ("wfh", "Remote", &[Mode("remote")]),
    ("work from home", "Remote", &[Mode("remote")]),
    ("work from home jobs", "Remote", &[Mode("remote")]),
    (
        "work from home data entry",
        "Remote · data entry",
        &[Mode("remote"), TopRoles(3, DATA_ENTRY)],
    ),
    (
        "online data entry",
        "Remote · data entry",
        &[Mode("remote"), TopRoles(3, DATA_ENTRY)],
    ),
    ("home based job", "Remote", &[Mode("remote")]),
    (
        "hybrid jobs bangalore",
        "Hybrid · Bengaluru",
        &[Mode("hybrid"), City(&["Bengaluru"])],
    ),
    (
        "wfo pune",
        "Office · Pune",
        &[Mode("office"), City(&["Pune"])],
    ),
    (
        "remote accounts jobs",
        "Remote · Finance and Accounting",
        &[Mode("remote"), Cat("finance")],
    ),
    (
        "work from home jobs for freshers",
        "Remote · Fresher",
        &[Mode("remote"), Fresher],
    ),
    (
        "part time work from home",
        "Part-time · Remote",
        &[Emp("part-time"), Mode("remote")],
    ),
    // ---- experience
    ("fresher", "Fresher", &[Fresher]),
    ("freshers jobs", "Fresher", &[Fresher]),
    (
        "data entry fresher",
        "data entry · Fresher",
        &[Fresher, TopRoles(5, DATA_ENTRY)],
    ),
    ("fresher ke liye job", "Fresher", &[Fresher]),
    ("no experience jobs", "Fresher", &[Fresher]),
    ("0 experience", "Fresher", &[Fresher]),
    (
        "jobs for freshers in hyderabad",
        "Fresher · Hyderabad",
        &[Fresher, City(&["Hyderabad"])],
    ),
    (
        "2 years experience accountant",
        "2 yrs · accountant",
        &[ExpIn(2), TopRoles(3, &["accountant"])],
    ),
    (
        "3+ yrs payroll",
        "3+ yrs · payroll",
        &[ExpAtLeast(3), TopRoles(5, PAYROLL)],
    ),
    (
        "payroll minimum 3 years",
        "payroll · 3+ yrs",
        &[ExpAtLeast(3), TopRoles(5, PAYROLL)],
    ),
    (
        "experienced accountant",
        "experienced · accountant",
        &[Experienced, TopRoles(3, &["accountant"])],
    ),
    (
        "1-3 years mis",
        "1–3 yrs · mis",
        &[TopRoles(5, &["mis-executive"])],
    ),
    // ---- cities, their old names and regions
    ("bangalore", "Bengaluru", &[City(&["Bengaluru"])]),
    (
        "payroll bangalore",
        "payroll · Bengaluru",
        &[City(&["Bengaluru"]), TopRoles(3, PAYROLL)],
    ),
    ("gurgaon", "Gurugram", &[City(&["Gurugram"])]),
    ("bombay", "Mumbai", &[City(&["Mumbai"])]),
    ("madras", "Chennai", &[City(&["Chennai"])]),
    (
        "calcutta accounts",
        "Kolkata · Finance and Accounting",
        &[City(&["Kolkata"]), Cat("finance")],
    ),
    ("poona", "Pune", &[City(&["Pune"])]),
    ("baroda", "Vadodara", &[City(&["Vadodara"])]),
    (
        "trivandrum",
        "Thiruvananthapuram",
        &[City(&["Thiruvananthapuram"])],
    ),
    (
        "vizag data entry",
        "Visakhapatnam · data entry",
        &[City(&["Visakhapatnam"])],
    ),
    ("cochin", "Kochi", &[City(&["Kochi"])]),
    ("mysore", "Mysuru", &[City(&["Mysuru"])]),
    ("ncr", "Delhi NCR", &[City(NCR)]),
    (
        "delhi ncr back office",
        "Delhi NCR · all back-office jobs",
        &[City(NCR)],
    ),
    (
        "noida data entry",
        "Noida · data entry",
        &[City(&["Noida"]), TopRoles(2, DATA_ENTRY)],
    ),
    ("maharashtra", "Maharashtra", &[State("Maharashtra")]),
    (
        "tamil nadu accounts",
        "Tamil Nadu · Finance and Accounting",
        &[State("Tamil Nadu"), Cat("finance")],
    ),
    (
        "karnataka it support",
        "Karnataka · it support",
        &[State("Karnataka"), TopRoles(2, &["it-support-specialist"])],
    ),
    ("jaipur", "Jaipur", &[City(&["Jaipur"])]),
    (
        "kyc jobs mumbai",
        "Compliance and Risk Management or Banking Back Office · Mumbai",
        &[City(&["Mumbai"])],
    ),
    // ---- misspelt places
    ("hydrabad", "Hyderabad", &[City(&["Hyderabad"])]),
    (
        "hydrabad kyc",
        "Hyderabad · Compliance and Risk Management or Banking Back Office",
        &[City(&["Hyderabad"])],
    ),
    ("banglore", "Bengaluru", &[City(&["Bengaluru"])]),
    ("chenai", "Chennai", &[City(&["Chennai"])]),
    (
        "mumbia data entry",
        "Mumbai · data entry",
        &[City(&["Mumbai"])],
    ),
    ("kolkatta", "Kolkata", &[City(&["Kolkata"])]),
    ("ahemdabad", "Ahmedabad", &[City(&["Ahmedabad"])]),
    ("lucknoww", "Lucknow", &[City(&["Lucknow"])]),
    // ---- departments
    (
        "hr jobs mumbai",
        "HR Support · Mumbai",
        &[City(&["Mumbai"]), Cat("hr")],
    ),
    (
        "hr ki job pune mein",
        "HR Support · Pune",
        &[City(&["Pune"]), Cat("hr")],
    ),
    (
        "accounts job 20000",
        "Finance and Accounting · ≈ ₹20,000",
        &[Cat("finance"), PayAbout(20_000), TopRoles(5, ACCOUNTS)],
    ),
    (
        "accounts jobs",
        "Finance and Accounting",
        &[Cat("finance"), TopRoles(5, ACCOUNTS)],
    ),
    (
        "finance jobs in chennai",
        "Finance and Accounting · Chennai",
        &[Cat("finance"), City(&["Chennai"])],
    ),
    (
        "it jobs pune",
        "IT and Technical Support · Pune",
        &[Cat("it"), City(&["Pune"])],
    ),
    ("bpo jobs", "BPO Non-Voice Process", &[Cat("bpo")]),
    ("non voice", "BPO Non-Voice Process", &[Cat("bpo")]),
    (
        "non voice process jobs in noida",
        "BPO Non-Voice Process · Noida",
        &[Cat("bpo"), City(&["Noida"])],
    ),
    (
        "banking jobs in chennai",
        "Banking Back Office · Chennai",
        &[Cat("banking"), City(&["Chennai"])],
    ),
    (
        "bank jobs for freshers",
        "Banking Back Office · Fresher",
        &[Cat("banking"), Fresher],
    ),
    ("admin jobs", "Administrative Support", &[Cat("admin")]),
    (
        "operations jobs kolkata",
        "Operations and Logistics · Kolkata",
        &[Cat("operations"), City(&["Kolkata"])],
    ),
    (
        "compliance jobs",
        "Compliance and Risk Management",
        &[Cat("compliance")],
    ),
    (
        "hr payroll",
        "hr payroll",
        &[TopRoles(
            3,
            &[
                "payroll-specialist",
                "payroll-manager",
                "hr-operations-specialist",
            ],
        )],
    ),
    // ---- roles and their other names
    (
        "accountant jobs in pune",
        "accountant · Pune",
        &[City(&["Pune"]), TopRoles(3, &["accountant"])],
    ),
    (
        "accountants",
        "accountants",
        &[TopRoles(5, &["accountant"])],
    ),
    ("payrolls", "payrolls", &[TopRoles(5, PAYROLL)]),
    (
        "payroll executive",
        "payroll executive",
        &[TopRoles(5, &["payroll-specialist"])],
    ),
    (
        "kyc analyst",
        "kyc analyst",
        &[TopRoles(5, &["kyc-analyst"])],
    ),
    (
        "mis executive",
        "mis executive",
        &[TopRoles(5, &["mis-executive"])],
    ),
    (
        "mis executive pune",
        "mis executive · Pune",
        &[City(&["Pune"]), TopRoles(1, &["mis-executive"])],
    ),
    (
        "mis jobs in pune",
        "mis · Pune",
        &[City(&["Pune"]), TopRoles(1, &["mis-executive"])],
    ),
    (
        "data entry operator",
        "data entry operator",
        &[TopRoles(5, DATA_ENTRY)],
    ),
    (
        "data entry operators",
        "data entry operators",
        &[TopRoles(5, DATA_ENTRY)],
    ),
    (
        "computer operator",
        "computer operator",
        &[TopRoles(5, DATA_ENTRY)],
    ),
    ("deo", "deo", &[TopRoles(5, DATA_ENTRY)]),
    (
        "deo jobs in delhi",
        "deo · Delhi",
        &[City(&["Delhi"]), TopRoles(1, DATA_ENTRY)],
    ),
    ("typing job", "typing", &[TopRoles(5, DATA_ENTRY)]),
    ("copy paste job", "copy paste", &[TopRoles(5, DATA_ENTRY)]),
    (
        "email support",
        "email support",
        &[TopRoles(5, &["email-support-executive"])],
    ),
    (
        "chat support",
        "chat support",
        &[TopRoles(3, &["email-support-executive"])],
    ),
    (
        "email process jobs",
        "email process",
        &[TopRoles(
            3,
            &["email-support-executive", "non-voice-process-associate"],
        )],
    ),
    (
        "it support jobs",
        "it support",
        &[TopRoles(5, &["it-support-specialist"])],
    ),
    (
        "desktop support engineer",
        "desktop support engineer",
        &[TopRoles(5, &["it-support-specialist"])],
    ),
    (
        "system admin",
        "system admin",
        &[TopRoles(5, &["system-administrator"])],
    ),
    (
        "sysadmin",
        "sysadmin",
        &[TopRoles(5, &["system-administrator"])],
    ),
    (
        "network engineer",
        "network engineer",
        &[TopRoles(5, &["network-support-engineer"])],
    ),
    (
        "hr executive delhi",
        "hr executive · Delhi",
        &[City(&["Delhi"]), TopRoles(1, &["hr-executive"])],
    ),
    (
        "hr recruiter",
        "hr recruiter",
        &[TopRoles(5, &["recruitment-coordinator"])],
    ),
    (
        "recruitment coordinator",
        "recruitment coordinator",
        &[TopRoles(5, &["recruitment-coordinator"])],
    ),
    ("tally jobs", "tally", &[]),
    (
        "tally operator",
        "tally operator",
        &[TopRoles(3, &["bookkeeper"])],
    ),
    (
        "book keeper",
        "book keeper",
        &[TopRoles(5, &["bookkeeper"])],
    ),
    ("gst jobs", "gst", &[TopRoles(3, &["gst-tax-assistant"])]),
    ("excel jobs", "excel", &[]),
    (
        "data analyst",
        "data analyst",
        &[TopRoles(5, &["data-analyst"])],
    ),
    (
        "data analyst bangalore 5 lpa",
        "data analyst · Bengaluru · ≈ ₹41,667",
        &[City(&["Bengaluru"]), PayAbout(41_667)],
    ),
    (
        "claims processor",
        "claims processor",
        &[TopRoles(5, &["claims-processor"])],
    ),
    (
        "claim processing",
        "claim processing",
        &[TopRoles(3, &["claims-processor"])],
    ),
    (
        "medical billing",
        "medical billing",
        &[TopRoles(5, &["medical-billing-executive"])],
    ),
    (
        "loan processing",
        "loan processing",
        &[TopRoles(5, &["loan-processing-officer"])],
    ),
    (
        "inventory",
        "inventory",
        &[TopRoles(5, &["inventory-executive"])],
    ),
    (
        "store keeper",
        "store keeper",
        &[TopRoles(3, &["inventory-executive"])],
    ),
    (
        "supply chain executive bangalore",
        "supply chain executive · Bengaluru",
        &[
            City(&["Bengaluru"]),
            TopRoles(1, &["supply-chain-executive"]),
        ],
    ),
    (
        "order processing",
        "order processing",
        &[TopRoles(5, &["order-processor"])],
    ),
    (
        "audit assistant",
        "audit assistant",
        &[TopRoles(5, &["audit-assistant"])],
    ),
    (
        "compliance officer",
        "compliance officer",
        &[TopRoles(5, &["compliance-officer"])],
    ),
    (
        "team leader back office",
        "team leader back office",
        &[TopRoles(3, &["team-leader"])],
    ),
    (
        "operations manager",
        "operations manager",
        &[TopRoles(5, &["back-office-operations-manager"])],
    ),
    (
        "quality analyst noida",
        "quality analyst · Noida",
        &[City(&["Noida"])],
    ),
    (
        "attendance",
        "attendance",
        &[TopRoles(5, &["attendance-executive"])],
    ),
    (
        "accounts executive",
        "accounts executive",
        &[TopRoles(3, ACCOUNTS)],
    ),
    (
        "office assistant",
        "office assistant",
        &[TopRoles(3, &["administrative-assistant"])],
    ),
    (
        "reconciliation",
        "reconciliation",
        &[TopRoles(3, &["reconciliation-analyst"])],
    ),
    (
        "clearing",
        "clearing",
        &[TopRoles(3, &["clearing-executive"])],
    ),
    // ---- employment and shifts
    ("part time job", "Part-time", &[Emp("part-time")]),
    (
        "part-time data entry",
        "Part-time · data entry",
        &[Emp("part-time"), TopRoles(1, DATA_ENTRY)],
    ),
    ("internship", "Internship", &[Emp("internship")]),
    (
        "hr internship",
        "HR Support · Internship",
        &[Emp("internship"), Cat("hr")],
    ),
    ("contract jobs", "Contract", &[Emp("contract")]),
    (
        "temporary data entry",
        "Temporary · data entry",
        &[Emp("temporary")],
    ),
    (
        "full time accounts jobs in mumbai",
        "Full-time · Finance and Accounting · Mumbai",
        &[Emp("full-time"), Cat("finance"), City(&["Mumbai"])],
    ),
    ("night shift jobs", "Night shift", &[Shift("night")]),
    (
        "night shift bpo",
        "Night shift · BPO Non-Voice Process",
        &[Shift("night"), Cat("bpo")],
    ),
    (
        "night shift jobs in gurgaon",
        "Night shift · Gurugram",
        &[Shift("night"), City(&["Gurugram"])],
    ),
    ("night shift wali job", "Night shift", &[Shift("night")]),
    ("day shift jobs", "Day shift", &[Shift("day")]),
    (
        "rotational shift",
        "Rotational shift",
        &[Shift("rotational")],
    ),
    // ---- company types
    (
        "mnc jobs in hyderabad",
        "MNC · Hyderabad",
        &[Kind("mnc"), City(&["Hyderabad"])],
    ),
    ("govt jobs", "PSU / Government", &[Kind("psu-government")]),
    (
        "sarkari naukri",
        "PSU / Government",
        &[Kind("psu-government")],
    ),
    (
        "startup jobs bangalore",
        "Startup · Bengaluru",
        &[Kind("startup"), City(&["Bengaluru"])],
    ),
    // ---- pay
    ("salary above 25000", "≥ ₹25,000", &[PayAtLeast(25_000)]),
    ("jobs under 15000", "≤ ₹15,000", &[PayAtMost(15_000)]),
    ("3 lpa", "≈ ₹25,000", &[PayAbout(25_000)]),
    (
        "data entry 12000",
        "data entry · ≈ ₹12,000",
        &[PayAbout(12_000), TopRoles(3, DATA_ENTRY)],
    ),
    (
        "accounts assistant 15000",
        "accounts assistant · ≈ ₹15,000",
        &[PayAbout(15_000), TopRoles(3, &["accounts-assistant"])],
    ),
    (
        "accounts 15k-20k",
        "Finance and Accounting · ₹15,000–20,000",
        &[Cat("finance"), PayOverlap(15_000, 20_000)],
    ),
    (
        "above 30k mumbai",
        "≥ ₹30,000 · Mumbai",
        &[PayAtLeast(30_000), City(&["Mumbai"])],
    ),
    (
        "payroll jobs in pune above 20k",
        "payroll · Pune · ≥ ₹20,000",
        &[City(&["Pune"]), PayAtLeast(20_000)],
    ),
    (
        "₹18,000 data entry",
        "≈ ₹18,000 · data entry",
        &[PayAbout(18_000)],
    ),
    ("20k salary job", "≈ ₹20,000", &[PayAbout(20_000)]),
    (
        "kyc 4 lakh",
        "Compliance and Risk Management or Banking Back Office · ≈ ₹33,333",
        &[PayAbout(33_333)],
    ),
    (
        "hr 2.5 lpa fresher",
        "HR Support · ≈ ₹20,833 · Fresher",
        &[Cat("hr"), Fresher, PayAbout(20_833)],
    ),
    // ---- Hinglish and Hindi
    (
        "data entry job chahiye",
        "data entry",
        &[TopRoles(5, DATA_ENTRY)],
    ),
    ("ghar se kaam", "Remote", &[Mode("remote")]),
    (
        "ghar baithe data entry",
        "Remote · data entry",
        &[Mode("remote"), TopRoles(2, DATA_ENTRY)],
    ),
    ("part time naukri", "Part-time", &[Emp("part-time")]),
    (
        "delhi mein accounts ki naukri",
        "Delhi · Finance and Accounting",
        &[City(&["Delhi"]), Cat("finance")],
    ),
    (
        "mumbai me back office job",
        "Mumbai · all back-office jobs",
        &[City(&["Mumbai"])],
    ),
    ("नौकरी मुंबई", "Mumbai", &[City(&["Mumbai"])]),
    ("डेटा एंट्री", "डेटा एंट्री", &[TopRoles(5, DATA_ENTRY)]),
    ("घर से काम", "Remote", &[Mode("remote")]),
    (
        "अकाउंटेंट पुणे",
        "अकाउंटेंट · Pune",
        &[City(&["Pune"]), TopRoles(1, &["accountant"])],
    ),
    (
        "12th pass data entry",
        "data entry · “12th pass”: listings do not filter by qualification",
        &[TopRoles(5, DATA_ENTRY)],
    ),
    // ---- order words
    (
        "latest payroll jobs",
        "newest first · payroll",
        &[Sorted(Sort::Date)],
    ),
    (
        "highest paying accounts jobs",
        "best paid first · Finance and Accounting",
        &[Sorted(Sort::Salary), Cat("finance")],
    ),
    // ---- typos by omission still match
    ("payrol", "payrol", &[TopRoles(5, PAYROLL)]),
    ("acountant", "acountant", &[TopRoles(3, &["accountant"])]),
    (
        "recrutment",
        "recrutment",
        &[TopRoles(3, &["recruitment-coordinator"])],
    ),
    // ---- power users
    (
        "!bpo data entry",
        "not BPO Non-Voice Process · data entry",
        &[NotCat("bpo"), TopRoles(3, DATA_ENTRY)],
    ),
    (
        "payroll !night",
        "payroll · not Night shift",
        &[NotShift("night"), TopRoles(3, PAYROLL)],
    ),
    (
        "data entry not night shift",
        "data entry · not Night shift",
        &[NotShift("night")],
    ),
    (
        "\"work from home\"",
        "“work from home” exactly",
        &[Mode("remote")],
    ),
    ("\"remote\"", "“remote” exactly", &[]),
    // ---- not back office: nothing, and the reading says why
    (
        "telecaller",
        "telecaller · “telecaller” is voice, sales or field work, not back office",
        &[Empty],
    ),
    (
        "field sales jobs",
        "field sales · “field sales” is voice, sales or field work, not back office",
        &[Empty],
    ),
];

fn index() -> Index {
    let store = Store::open_in_memory().expect("store");
    backdesk::session::build_index(&store).expect("index")
}

/// Why the first page of `q` does not have property `p` (`None`: it does).
fn check(ix: &Index, rows: &[usize], sort: Sort, p: P) -> Option<String> {
    let all = |what: &str, ok: &dyn Fn(usize) -> bool| {
        rows.iter().find(|&&r| !ok(r)).map(|&r| {
            format!(
                "{what}: row {} \"{}\" ({})",
                ix.id(r),
                ix.title(r),
                ix.city(r)
            )
        })
    };
    let role = |r: usize| ix.role(r).map_or("-", |x| x.id.as_str()).to_string();
    match p {
        Empty => (!rows.is_empty()).then(|| format!("{} rows, expected none", rows.len())),
        City(cs) => all("city", &|r| cs.contains(&ix.city(r))),
        State(s) => all("state", &|r| ix.state(r) == Some(s)),
        Mode(m) => all("mode", &|r| ix.work_mode(r).id() == m),
        Emp(e) => all("employment", &|r| ix.employment_type(r).id() == e),
        Shift(s) => all("shift", &|r| ix.shift(r).id() == s),
        NotShift(s) => all("shift", &|r| ix.shift(r).id() != s),
        Kind(k) => all("company type", &|r| {
            ix.company_kind(r).map(|k| k.id()) == Some(k)
        }),
        Fresher => all("fresher", &|r| ix.experience(r).0 == 0),
        ExpIn(y) => all("experience", &|r| {
            let (a, b) = ix.experience(r);
            a <= y && y <= b
        }),
        ExpAtLeast(y) => all("experience", &|r| ix.experience(r).1 >= y),
        Experienced => all("experienced", &|r| ix.experience(r).0 >= 1),
        PayAbout(x) => all("pay", &|r| {
            let (a, b) = ix.salary(r);
            a.is_some_and(|a| a.0 <= x) && b.is_some_and(|b| b.0 >= x)
        }),
        PayAtLeast(x) => all("pay", &|r| ix.salary(r).1.is_some_and(|b| b.0 >= x)),
        PayAtMost(x) => all("pay", &|r| ix.salary(r).0.is_some_and(|a| a.0 <= x)),
        PayOverlap(lo, hi) => all("pay", &|r| {
            let (a, b) = ix.salary(r);
            a.is_some_and(|a| a.0 <= hi) && b.is_some_and(|b| b.0 >= lo)
        }),
        Cat(c) => all("department", &|r| ix.category_id(r) == Some(c)),
        NotCat(c) => all("department", &|r| ix.category_id(r) != Some(c)),
        TopRoles(n, ids) => {
            let top = &rows[..n.min(rows.len())];
            (top.len() < n)
                .then(|| format!("only {} rows", top.len()))
                .or_else(|| {
                    top.iter()
                        .find(|&&r| !ids.contains(&role(r).as_str()))
                        .map(|&r| format!("top role: \"{}\" is {}", ix.title(r), role(r)))
                })
        }
        TopTitle(n, w) => {
            let top = &rows[..n.min(rows.len())];
            (top.len() < n)
                .then(|| format!("only {} rows", top.len()))
                .or_else(|| {
                    top.iter()
                        .find(|&&r| !ix.title(r).to_lowercase().contains(w))
                        .map(|&r| format!("top title: \"{}\"", ix.title(r)))
                })
        }
        Sorted(s) => (sort != s).then(|| format!("sorted by {}", sort.label())),
    }
}

/// Why a case fails (`None`: it passes). `literal` runs it with
/// understanding off, where only the page is checked.
fn run_case(
    ix: &Index,
    (typed, reading, props): &(&str, &str, &[P]),
    literal: bool,
) -> Option<String> {
    let mut q = Query::text(typed);
    q.literal = literal;
    let results = ix.search(&q);
    let rows: Vec<usize> = results
        .hits
        .iter()
        .take(20)
        .map(|h| h.row as usize)
        .collect();
    let mut why = Vec::new();
    if !literal {
        let got = ix.interpret(typed).reading();
        if got != *reading {
            why.push(format!("read as {got:?}, expected {reading:?}"));
        }
    }
    let empty_expected = props.iter().any(|p| matches!(p, Empty));
    if rows.is_empty() && !empty_expected {
        why.push("no results".to_string());
    } else {
        why.extend(
            props
                .iter()
                .filter_map(|&p| check(ix, &rows, results.sort, p)),
        );
    }
    (!why.is_empty()).then(|| why.join("; "))
}

#[test]
fn the_queries_people_type_find_what_they_mean() {
    assert!(CASES.len() >= 120, "{} cases", CASES.len());
    let ix = index();
    let mut failed = Vec::new();
    let mut before_ok = 0;
    for case in CASES {
        if let Some(why) = run_case(&ix, case, false) {
            failed.push(format!("  {:?}: {why}", case.0));
        }
        if run_case(&ix, case, true).is_none() {
            before_ok += 1;
        }
    }
    let n = CASES.len();
    let after_ok = n - failed.len();
    let pct = |k: usize| 100.0 * k as f64 / n as f64;
    println!(
        "query table: {after_ok}/{n} ({:.1}%) read and answered right; \
         with understanding off (--literal, the engine before it): {before_ok}/{n} ({:.1}%)",
        pct(after_ok),
        pct(before_ok)
    );
    println!("{}", failed.join("\n"));
    assert!(
        pct(after_ok) >= 95.0,
        "{} of {n} cases fail:\n{}",
        failed.len(),
        failed.join("\n")
    );
}
