//! The tracker: pipeline rules, history, fields, exports and imports, from
//! the store and from the command line.

mod common;

use assert_cmd::Command;
use backdesk::store::Store;
use backdesk::tracker::{Application, NewApp, Patch, Status, export};
use common::cli::{backdesk_at_home, out};
use predicates::prelude::*;
use serde_json::Value;

fn store() -> (tempfile::TempDir, std::path::PathBuf, Store) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("t.db");
    let (s, _) = Store::open(&path).expect("open");
    (dir, path, s)
}

#[test]
fn the_pipeline_is_enforced_and_every_change_recorded() {
    let (_d, _p, mut s) = store();
    let (id, new) = s.save_listing(10).expect("save");
    assert!(new);
    assert_eq!(s.save_listing(10).expect("again"), (id, false));
    for to in [
        Status::Applied,
        Status::Screening,
        Status::Interview,
        Status::Offer,
        Status::Accepted,
    ] {
        s.move_application(id, to, "").expect("move");
    }
    let err = s
        .move_application(id, Status::Rejected, "")
        .expect_err("accepted is closed");
    assert!(err.to_string().contains("cannot move to Rejected"), "{err}");
    let app = s.application(id).expect("read").expect("app");
    let statuses: Vec<Status> = app.history.iter().map(|h| h.status).collect();
    assert_eq!(
        statuses,
        [
            Status::Saved,
            Status::Applied,
            Status::Screening,
            Status::Interview,
            Status::Offer,
            Status::Accepted
        ]
    );
    assert!(
        app.history
            .iter()
            .all(|h| h.at.len() >= 25 && h.at.contains('T'))
    );
}

#[test]
fn an_application_keeps_its_snapshot_when_the_listing_goes() {
    let (_d, path, mut s) = store();
    let listing = s.listing(42).expect("read").expect("listing");
    let (id, _) = s.save_listing(42).expect("save");
    drop(s);
    rusqlite::Connection::open(&path)
        .expect("open")
        .execute("DELETE FROM listings WHERE id = 42", [])
        .expect("delete");
    let (mut s, _) = Store::open(&path).expect("reopen");
    s.reseed().expect("reseed");
    let app = s.application(id).expect("read").expect("still there");
    assert_eq!(app.title, listing.title);
    assert_eq!(app.company, listing.company);
    assert_eq!(app.salary_max, listing.salary_max);
}

fn full_app(s: &mut Store) -> i64 {
    let id = s
        .add_application(&NewApp {
            title: "Clerk, \"Accounts\"; Day shift".into(),
            company: "Corner Shop".into(),
            city: "Pune".into(),
            salary_min: Some(backdesk::money::Rupees(12_000)),
            salary_max: Some(backdesk::money::Rupees(15_000)),
            source: "newspaper".into(),
        })
        .expect("add");
    s.move_application(id, Status::Applied, "sent by post")
        .expect("move");
    s.patch_application(
        id,
        &Patch {
            notes: Some("line one\nline two, with comma".into()),
            contact_name: Some("Mr Iyer".into()),
            contact_phone: Some("+91 00000 22222".into()),
            follow_up: Some(Some(jiff::civil::date(2026, 12, 1))),
            interview_at: Some(Some(jiff::civil::date(2026, 12, 3).at(10, 30, 0, 0))),
            interview_mode: Some(Some(backdesk::tracker::InterviewMode::InPerson)),
            interview_place: Some("MG Road, 2nd floor".into()),
            expected_salary: Some(Some(backdesk::money::Rupees(16_000))),
            documents: backdesk::tracker::Ticks {
                tick: vec!["resume".into(), "id-proof".into()],
                untick: vec![],
            },
            prep: backdesk::tracker::Ticks {
                tick: vec!["Tally".into()],
                untick: vec![],
            },
        },
    )
    .expect("patch");
    id
}

#[test]
fn json_export_and_import_round_trip_without_loss() {
    let (_d, _p, mut s) = store();
    full_app(&mut s);
    let (id2, _) = s.save_listing(7).expect("save");
    s.move_application(id2, Status::Withdrawn, "")
        .expect("move");
    let before = s.all_applications().expect("apps");
    let text = export::json(&before).expect("json");
    let (_d2, _p2, mut other) = store();
    let back: Vec<Application> = serde_json::from_str(&text).expect("parse");
    let r = other.import_applications(&back).expect("import");
    assert_eq!((r.added.len(), r.merged.len()), (2, 0));
    assert!(r.added.iter().all(|(from, to)| from == to), "ids kept");
    assert_eq!(other.all_applications().expect("apps"), before);
    // importing again merges into the same applications, never duplicates
    let r = other.import_applications(&back).expect("again");
    assert_eq!((r.added.len(), r.merged.len()), (0, 2));
    assert!(r.merged.iter().all(|m| !m.changed), "nothing new to merge");
    assert_eq!(
        export::json(&other.all_applications().expect("apps")).expect("json"),
        text
    );
}

#[test]
fn ics_has_one_event_per_interview_and_follow_up_and_parses() {
    let (_d, _p, mut s) = store();
    full_app(&mut s);
    s.save_listing(3).expect("save"); // no dates: no events
    let apps = s.all_applications().expect("apps");
    let tz = jiff::tz::TimeZone::get("Asia/Kolkata")
        .unwrap_or_else(|_| jiff::tz::TimeZone::fixed(jiff::tz::offset(5)));
    let ics = export::ics(&apps, &tz, jiff::Timestamp::UNIX_EPOCH);
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"));
    assert!(ics.trim_end().ends_with("END:VCALENDAR"));
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), 2);
    assert_eq!(ics.matches("PRODID").count(), 1);
    // 10:30 IST is 05:00 UTC
    assert!(ics.contains("DTSTART:20261203T050000Z"), "{ics}");
    assert!(ics.contains("DTSTART;VALUE=DATE:20261201"), "{ics}");
    assert!(ics.lines().all(|l| l.len() <= 75), "lines are folded");
    let parsed: icalendar::Calendar = ics.parse().expect("valid iCalendar");
    assert_eq!(parsed.components.len(), 2);
}

#[test]
fn ics_lines_never_pass_75_octets_and_unfold_to_the_text() {
    let (_d, _p, mut s) = store();
    let id = full_app(&mut s);
    let tz = jiff::tz::TimeZone::fixed(jiff::tz::offset(5));
    // every length around the fold points, in one- and three-byte letters
    for unit in ["x", "ा", "क्ष"] {
        for n in 50..=240 {
            // (the place holds at most 200 characters)
            let place: String = unit
                .repeat(n / unit.len().max(1))
                .chars()
                .take(backdesk::tracker::limits::LINE)
                .collect();
            s.patch_application(
                id,
                &Patch {
                    interview_place: Some(place.clone()),
                    ..Patch::default()
                },
            )
            .expect("patch");
            let apps = s.all_applications().expect("apps");
            let ics = export::ics(&apps, &tz, jiff::Timestamp::UNIX_EPOCH);
            for line in ics.split_terminator("\r\n") {
                assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
            }
            assert!(!ics.replace("\r\n", "").contains('\n'), "bare LF");
            let unfolded = ics.replace("\r\n ", "");
            assert!(
                unfolded.contains(&format!("LOCATION:{place}\r\n")),
                "{n} × {unit}"
            );
        }
    }
}

#[test]
fn csv_export_quotes_commas_quotes_and_newlines() {
    let (_d, _p, mut s) = store();
    full_app(&mut s);
    let text = export::csv(&s.all_applications().expect("apps")).expect("csv");
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let rec = r.records().next().expect("a row").expect("valid");
    let headers = r.headers().expect("headers").clone();
    let col = |name: &str| headers.iter().position(|h| h == name).expect(name);
    assert_eq!(&rec[col("title")], "Clerk, \"Accounts\"; Day shift");
    assert_eq!(&rec[col("notes")], "line one\nline two, with comma");
    assert_eq!(&rec[col("status")], "applied");
    assert!(rec[col("history")].contains("saved") && rec[col("history")].contains("applied"));
}

// ---- the command line -----------------------------------------------------

fn cli(db: &std::path::Path) -> Command {
    let mut c = backdesk_at_home(&db.parent().expect("dir").join("home"), "80");
    c.arg("--db").arg(db);
    c
}

#[test]
fn a_whole_job_hunt_from_the_command_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("b.db");
    let id = out(cli(&db).args(["apps", "save", "12"]))
        .trim()
        .to_string();
    assert_eq!(id, "1");
    let id2 = out(cli(&db).args([
        "apps",
        "add",
        "--title",
        "Clerk",
        "--company",
        "Corner Shop",
        "--city",
        "Pune",
        "--salary",
        "12k-15k",
    ]));
    assert_eq!(id2.trim(), "2");
    cli(&db)
        .args(["apps", "move", "1", "applied"])
        .assert()
        .success();
    cli(&db)
        .args(["apps", "move", "1", "hired"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "valid: saved, applied, screening, interview, offer, accepted, rejected, withdrawn",
        ));
    cli(&db)
        .args(["apps", "move", "2", "accepted"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot move to Accepted"));
    cli(&db)
        .args(["apps", "note", "1", "called", "HR"])
        .assert()
        .success();
    cli(&db)
        .args([
            "apps",
            "set",
            "1",
            "--follow-up",
            "2026-12-01",
            "--interview",
            "2026-12-03 10:30",
            "--interview-mode",
            "video",
            "--contact",
            "Ms Rao",
            "--phone",
            "+91 00000 11111",
            "--expected-salary",
            "2.5 LPA",
            "--doc",
            "resume",
        ])
        .assert()
        .success();
    cli(&db)
        .args(["apps", "set", "1", "--follow-up", "someday"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("'someday' is not a date"));
    cli(&db)
        .args(["apps", "set", "1", "--interview-mode", "carrier-pigeon"])
        .assert()
        .code(2);
    cli(&db)
        .args(["apps", "show", "99"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no application with id 99"));
    for s in ["screening", "interview", "offer"] {
        cli(&db).args(["apps", "move", "1", s]).assert().success();
    }

    let show: Value = serde_json::from_str(&out(
        cli(&db).args(["apps", "show", "1", "--format", "json"])
    ))
    .expect("json");
    for field in [
        "id",
        "listing_id",
        "status",
        "title",
        "company",
        "city",
        "history",
    ] {
        assert!(show.get(field).is_some(), "missing {field}");
    }
    assert_eq!(show["status"], "offer");
    assert_eq!(show["listing_id"], 12);
    assert_eq!(show["expected_salary"], 20_833);
    assert_eq!(show["notes"], "called HR");
    let history = show["history"].as_array().expect("history");
    assert_eq!(history.len(), 5);
    assert!(
        history
            .iter()
            .all(|h| h["status"].is_string() && h["at"].is_string())
    );

    let list: Value = serde_json::from_str(&out(
        cli(&db).args(["apps", "list", "--status", "saved", "--format", "json"])
    ))
    .expect("json");
    assert_eq!(list.as_array().map(Vec::len), Some(1));
    let table = out(cli(&db).args(["apps", "list"]));
    assert!(
        table.contains("Offer") && table.contains("Corner Shop"),
        "{table}"
    );

    // export to a file and import into a fresh database: nothing lost
    let file = dir.path().join("apps.json");
    cli(&db)
        .args(["apps", "export", "--format", "json", "--out"])
        .arg(&file)
        .assert()
        .success();
    let fresh = dir.path().join("fresh.db");
    cli(&fresh)
        .args(["apps", "import"])
        .arg(&file)
        .assert()
        .success()
        .stdout(predicate::str::contains("2 new"));
    let a = out(cli(&db).args(["apps", "export", "--format", "json"]));
    let b = out(cli(&fresh).args(["apps", "export", "--format", "json"]));
    assert_eq!(a, b);
    let ics = out(cli(&db).args(["apps", "export", "--format", "ics"]));
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), 2);
    let csv = out(cli(&db).args(["apps", "export", "--format", "csv"]));
    assert_eq!(
        csv.lines()
            .next()
            .map(|l| l.starts_with("id,listing_id,status")),
        Some(true)
    );
}

#[test]
fn a_broken_import_names_the_place_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("b.db");
    cli(&db).args(["apps", "save", "1"]).assert().success();
    let bad = dir.path().join("bad.json");
    std::fs::write(
        &bad,
        "[\n  {\"id\": 5, \"status\": \"saved\",\n  \"title\": }\n]",
    )
    .expect("write");
    cli(&db)
        .args(["apps", "import"])
        .arg(&bad)
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains(bad.display().to_string())
                .and(predicate::str::contains("line 3")),
        );
    let list: Value =
        serde_json::from_str(&out(cli(&db).args(["apps", "list", "--format", "json"])))
            .expect("json");
    assert_eq!(list.as_array().map(Vec::len), Some(1));
    cli(&db)
        .args(["apps", "save", "999999"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no listing with id 999999"));
}

#[test]
fn text_from_the_command_line_is_stored_safe_to_draw() {
    let (_dir, db, _s) = store();
    let id = out(cli(&db).args([
        "apps",
        "add",
        "--title",
        "Clerk\u{202e}kcab\u{7}",
        "--company",
        "Acme\u{1b}[2J",
    ]));
    let id = id.trim();
    out(cli(&db).args(["apps", "note", id, "line one\r\nline\ttwo\u{2067}"]));
    let v: serde_json::Value =
        serde_json::from_str(&out(cli(&db).args(["apps", "show", id, "--format", "json"])))
            .expect("json");
    assert_eq!(v["title"], "Clerkkcab");
    assert_eq!(v["company"], "Acme[2J");
    assert_eq!(v["notes"], "line one\nline two");

    // an export edited by hand (or by someone else) is scrubbed on import too
    let mut apps: Value =
        serde_json::from_str(&out(cli(&db).args(["apps", "export", "--format", "json"])))
            .expect("json");
    apps[0]["company"] = "Evil\u{1b}]0;owned\u{7}Co".into();
    apps[0]["notes"] = "a\u{202e}b\r\nc".into();
    let file = db.with_file_name("edited.json");
    std::fs::write(&file, apps.to_string()).expect("write");
    out(cli(&db).arg("apps").arg("import").arg(&file));
    let v: Value =
        serde_json::from_str(&out(cli(&db).args(["apps", "show", id, "--format", "json"])))
            .expect("json");
    assert_eq!(v["company"], "Evil]0;ownedCo");
    // merged: the notes here, then the file's lines they lack
    assert_eq!(v["notes"], "line one\nline two\nab\nc");
}
