//! Nothing a job seeker wrote is lost without a crash: the app's form and
//! the command line writing at once, two note loops, long notes, failed
//! saves, imports of another database's export, removed listings, a
//! database file replaced under a running app, and two first runs at
//! once. Real processes and threads on one database file, bounded in
//! count (no timing asserts).

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use backdesk::store::{Store, StoreError};
use backdesk::tracker::{NewApp, Patch, Status};
use backdesk::tui::action::Action;
use backdesk::tui::driver::Driver;
use common::tui::{ctrl, driver_on, key, typed};
use ratatui::crossterm::event::KeyCode;

/// The binary under test; `BACKDESK_TEST_BIN` runs these tests against
/// another build (an older release, to see them fail there).
fn bin() -> String {
    std::env::var("BACKDESK_TEST_BIN")
        .unwrap_or_else(|_| env!("CARGO_BIN_EXE_backdesk").to_string())
}

fn cli(db: &Path, args: &[&str]) -> Output {
    let home = db.parent().expect("dir").join("home");
    Command::new(bin())
        .env_clear()
        .env("HOME", &home)
        .env("XDG_CONFIG_HOME", home.join(".config"))
        .env("XDG_DATA_HOME", home.join(".local/share"))
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .expect("run backdesk")
}

fn ok(o: &Output) -> String {
    assert!(
        o.status.success(),
        "failed: {}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn fresh() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("jobs.db");
    drop(Store::open(&db).expect("create"));
    (dir, db)
}

fn add(db: &Path, title: &str) -> i64 {
    let (mut s, _) = Store::open(db).expect("open");
    s.add_application(&NewApp {
        title: title.into(),
        company: "Sahyadri Finserv".into(),
        ..NewApp::default()
    })
    .expect("add")
}

/// The app on `db`, on the Tracker tab with the first application selected.
fn app_on(db: &Path) -> Driver {
    let (store, _) = Store::open(db).expect("open");
    let mut d = driver_on(store, 120, 36);
    key(&mut d, KeyCode::Esc);
    key(&mut d, KeyCode::Char('4'));
    d
}

/// Opens the edit form and moves down `down` fields.
fn open_form(d: &mut Driver, down: usize) {
    key(d, KeyCode::Char('e'));
    assert!(d.state.tracker_form().is_some(), "the form opens");
    for _ in 0..down {
        key(d, KeyCode::Down);
    }
}

fn notes(db: &Path, id: i64) -> String {
    let (s, _) = Store::open(db).expect("open");
    s.application(id).expect("read").expect("app").notes
}

#[test]
fn the_form_and_a_command_line_loop_both_keep_everything() {
    let (_dir, db) = fresh();
    let id = add(&db, "Accounts Executive");
    let notes_to_add = 30;
    let writer = {
        let db = db.clone();
        std::thread::spawn(move || {
            for i in 0..notes_to_add {
                ok(&cli(
                    &db,
                    &["apps", "note", &id.to_string(), &format!("cli note {i}")],
                ));
            }
        })
    };
    // the app saves the phone again and again while the notes go in
    let mut d = app_on(&db);
    let mut saves = 0;
    while !writer.is_finished() || saves < 10 {
        open_form(&mut d, 2);
        ctrl(&mut d, 'u');
        typed(&mut d, &format!("+91 00000 {saves:05}"));
        ctrl(&mut d, 's');
        assert!(
            d.state.tracker_form().is_none(),
            "saved: {:?}",
            d.state.flash
        );
        saves += 1;
        assert!(saves < 10_000, "the writer never finished");
    }
    writer.join().expect("writer");
    let n = notes(&db, id);
    for i in 0..notes_to_add {
        assert!(
            n.contains(&format!("cli note {i}\n")) || n.ends_with(&format!("cli note {i}")),
            "lost cli note {i} after {saves} form saves:\n{n}"
        );
    }
    let (s, _) = Store::open(&db).expect("open");
    let a = s.application(id).expect("read").expect("app");
    assert_eq!(a.contact_phone, format!("+91 00000 {:05}", saves - 1));
}

#[test]
fn a_note_typed_in_the_form_and_one_from_the_cli_are_both_offered_and_kept() {
    let (_dir, db) = fresh();
    let id = add(&db, "Payroll Executive");
    let mut d = app_on(&db);
    open_form(&mut d, 0);
    typed(&mut d, "called HR, call back Monday");
    // meanwhile, in a shell
    ok(&cli(
        &db,
        &["apps", "note", &id.to_string(), "sent the CV by mail"],
    ));
    ctrl(&mut d, 's');
    let form = d.state.tracker_form().expect("still open: a conflict");
    let c = form.conflict.as_ref().expect("the conflict is shown");
    assert_eq!(c.conflicts.len(), 1);
    assert_eq!(c.conflicts[0].theirs, "sent the CV by mail");
    assert_eq!(notes(&db, id), "sent the CV by mail", "nothing written yet");
    // see both: the form holds both, saving keeps both
    key(&mut d, KeyCode::Char('b'));
    let form = d.state.tracker_form().expect("back to the form");
    assert!(form.conflict.is_none());
    assert!(
        form.fields[0]
            .notice
            .as_deref()
            .is_some_and(|n| n.contains("Both kept")),
        "{:?}",
        form.fields[0].notice
    );
    assert_eq!(
        form.fields[0].input.text(),
        "sent the CV by mail\ncalled HR, call back Monday"
    );
    ctrl(&mut d, 's');
    assert!(d.state.tracker_form().is_none(), "{:?}", d.state.flash);
    assert_eq!(
        notes(&db, id),
        "sent the CV by mail\ncalled HR, call back Monday"
    );
}

#[test]
fn keep_mine_and_keep_theirs_settle_a_conflict_as_chosen() {
    let (_dir, db) = fresh();
    let id = add(&db, "MIS Executive");
    let mut d = app_on(&db);
    // keep theirs: their phone stays, my contact (no conflict) is saved
    open_form(&mut d, 1);
    typed(&mut d, "Ms Rao");
    key(&mut d, KeyCode::Down);
    typed(&mut d, "+91 00000 11111");
    ok(&cli(
        &db,
        &["apps", "set", &id.to_string(), "--phone", "+91 00000 22222"],
    ));
    ctrl(&mut d, 's');
    assert!(d.state.tracker_form().is_some_and(|f| f.conflict.is_some()));
    key(&mut d, KeyCode::Char('t'));
    assert!(d.state.tracker_form().is_none(), "{:?}", d.state.flash);
    let (s, _) = Store::open(&db).expect("open");
    let a = s.application(id).expect("read").expect("app");
    assert_eq!(
        (a.contact_name.as_str(), a.contact_phone.as_str()),
        ("Ms Rao", "+91 00000 22222")
    );
    drop(s);
    // keep mine
    open_form(&mut d, 2);
    ctrl(&mut d, 'u');
    typed(&mut d, "+91 00000 33333");
    ok(&cli(
        &db,
        &["apps", "set", &id.to_string(), "--phone", "+91 00000 44444"],
    ));
    ctrl(&mut d, 's');
    key(&mut d, KeyCode::Char('m'));
    assert!(d.state.tracker_form().is_none(), "{:?}", d.state.flash);
    let (s, _) = Store::open(&db).expect("open");
    let a = s.application(id).expect("read").expect("app");
    assert_eq!(a.contact_phone, "+91 00000 33333");
}

#[test]
fn the_app_sees_changes_made_elsewhere_on_its_next_tick() {
    let (_dir, db) = fresh();
    let id = add(&db, "KYC Analyst");
    let mut d = app_on(&db);
    ok(&cli(&db, &["apps", "move", &id.to_string(), "applied"]));
    d.act(Action::Tick);
    let a = d
        .state
        .tracker
        .apps
        .iter()
        .find(|a| a.id == id)
        .expect("listed");
    assert_eq!(a.status, Status::Applied, "the board refreshed");
    // an open form takes values the user has not touched
    open_form(&mut d, 1);
    typed(&mut d, "Mr Iyer");
    ok(&cli(
        &db,
        &[
            "apps",
            "set",
            &id.to_string(),
            "--phone",
            "+91 00000 55555",
            "--place",
            "MG Road",
        ],
    ));
    d.act(Action::Tick);
    let form = d.state.tracker_form().expect("form");
    let text = |k: backdesk::tui::form::FieldKey| {
        form.fields
            .iter()
            .find(|f| f.key == k)
            .map(|f| f.input.text().to_string())
    };
    use backdesk::tui::form::FieldKey;
    assert_eq!(text(FieldKey::Phone).as_deref(), Some("+91 00000 55555"));
    assert_eq!(text(FieldKey::Place).as_deref(), Some("MG Road"));
    assert_eq!(text(FieldKey::Contact).as_deref(), Some("Mr Iyer"));
}

#[test]
fn two_note_loops_at_once_keep_every_note() {
    let (_dir, db) = fresh();
    let id = add(&db, "Data Entry Operator");
    let per = 25;
    let loops: Vec<_> = (0..2)
        .map(|w| {
            let db = db.clone();
            std::thread::spawn(move || {
                for i in 0..per {
                    ok(&cli(
                        &db,
                        &["apps", "note", &id.to_string(), &format!("w{w} n{i}")],
                    ));
                }
            })
        })
        .collect();
    for l in loops {
        l.join().expect("loop");
    }
    let n = notes(&db, id);
    assert_eq!(n.lines().count(), 2 * per, "{n}");
    for w in 0..2 {
        for i in 0..per {
            assert!(
                n.lines().any(|l| l == format!("w{w} n{i}")),
                "lost w{w} n{i}"
            );
        }
    }
}

#[test]
fn one_limit_per_field_everywhere_and_the_form_never_cuts_what_it_did_not_edit() {
    let (_dir, db) = fresh();
    let id = add(&db, "Billing Executive");
    // a long note from the command line: under the limit, kept whole
    let long = "n".repeat(9_041);
    ok(&cli(&db, &["apps", "note", &id.to_string(), &long]));
    let place = "p".repeat(190);
    ok(&cli(
        &db,
        &["apps", "set", &id.to_string(), "--place", &place],
    ));
    // over the limit: refused, naming the field, nothing changed
    let o = cli(&db, &["apps", "note", &id.to_string(), &"x".repeat(20_000)]);
    assert!(!o.status.success());
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("notes is"),
        "{o:?}"
    );
    let o = cli(
        &db,
        &["apps", "set", &id.to_string(), "--phone", &"9".repeat(201)],
    );
    assert!(!o.status.success());
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("phone is 201 characters"),
        "{o:?}"
    );
    // the form saves a phone; the notes and place are untouched
    let mut d = app_on(&db);
    open_form(&mut d, 2);
    typed(&mut d, "+91 00000 66666");
    ctrl(&mut d, 's');
    assert!(d.state.tracker_form().is_none());
    let (s, _) = Store::open(&db).expect("open");
    let a = s.application(id).expect("read").expect("app");
    assert_eq!(a.notes.chars().count(), 9_041);
    assert_eq!(a.interview_place, place);
    assert_eq!(a.contact_phone, "+91 00000 66666");
    // a paste into the form stops at the same limit and says so
    drop(s);
    open_form(&mut d, 0);
    d.act(Action::Paste("y".repeat(30_000)));
    let form = d.state.tracker_form().expect("form");
    assert_eq!(
        form.fields[0].input.text().chars().count(),
        backdesk::tracker::limits::NOTES
    );
    assert!(
        form.fields[0]
            .notice
            .as_deref()
            .is_some_and(|n| n.contains("Cut at 20,000"))
    );
}

#[test]
fn a_failed_save_keeps_the_form_and_its_text_and_saving_again_works() {
    let (_dir, db) = fresh();
    let id = add(&db, "HR Executive");
    let mut d = app_on(&db);
    d.session.store.limit_growth(0).expect("limit");
    open_form(&mut d, 0);
    let text = "x".repeat(20_000);
    d.act(Action::Paste(text.clone()));
    ctrl(&mut d, 's');
    let form = d.state.tracker_form().expect("the form stays open");
    assert_eq!(form.fields[0].input.text(), text, "what was typed is kept");
    assert!(
        form.problem
            .as_deref()
            .is_some_and(|p| p.contains("disk is full")),
        "{:?}",
        form.problem
    );
    assert!(!form.saving);
    d.session.store.limit_growth(10_000).expect("space again");
    ctrl(&mut d, 's');
    assert!(d.state.tracker_form().is_none(), "{:?}", d.state.flash);
    assert_eq!(notes(&db, id), text);
}

#[test]
fn importing_another_databases_export_never_deletes() {
    let (_dir, db) = fresh();
    // here: #1, #2 by hand, then the listing 5 saved as #3 with a note
    add(&db, "one");
    add(&db, "two");
    let (mut s, _) = Store::open(&db).expect("open");
    let (here, _) = s.save_listing(5).expect("save");
    s.add_note(here, "my note here").expect("note");
    s.move_application(here, Status::Applied, "").expect("move");
    drop(s);
    // elsewhere: listing 5 is application #1, with its own note
    let dir2 = tempfile::tempdir().expect("tempdir");
    let other = dir2.path().join("other.db");
    let (mut o, _) = Store::open(&other).expect("other");
    let (there, _) = o.save_listing(5).expect("save");
    assert_eq!(there, 1);
    o.add_note(there, "a note from the laptop").expect("note");
    drop(o);
    let export = dir2.path().join("laptop.json");
    ok(&cli(
        &other,
        &[
            "apps",
            "export",
            "--format",
            "json",
            "--out",
            export.to_str().expect("utf-8"),
        ],
    ));
    // the laptop's copy was last changed long ago: the fields here win
    let text = std::fs::read_to_string(&export).expect("read");
    let mut v: serde_json::Value = serde_json::from_str(&text).expect("json");
    v[0]["updated_at"] = "2020-01-01T10:00:00+05:30".into();
    std::fs::write(&export, v.to_string()).expect("write");
    let report = ok(&cli(
        &db,
        &["apps", "import", export.to_str().expect("utf-8")],
    ));
    assert!(report.contains("#1 in the file merged into #3"), "{report}");
    let (s, _) = Store::open(&db).expect("open");
    let apps = s.all_applications().expect("apps");
    assert_eq!(apps.len(), 3, "nothing deleted, nothing doubled");
    assert_eq!(apps[0].title, "one", "#1 here is still #1");
    let merged = s.application(here).expect("read").expect("still here");
    assert_eq!(merged.notes, "my note here\na note from the laptop");
    assert_eq!(
        merged.status,
        Status::Applied,
        "the later change gives the fields"
    );
    assert!(merged.history.len() >= 2, "{:?}", merged.history);
}

#[test]
fn listing_ids_are_never_given_twice() {
    let (dir, db) = fresh();
    let alpha = dir.path().join("alpha.csv");
    std::fs::write(
        &alpha,
        "title,company,city\nAccounts Assistant,Alpha Traders,Pune\n",
    )
    .expect("alpha");
    let beta = dir.path().join("beta.csv");
    std::fs::write(
        &beta,
        "title,company,city\nPayroll Clerk,Beta Works,Mumbai\n",
    )
    .expect("beta");
    ok(&cli(&db, &["import", alpha.to_str().expect("utf-8")]));
    let (mut s, _) = Store::open(&db).expect("open");
    let id: i64 = rusqlite::Connection::open(&db)
        .expect("open")
        .query_row(
            "SELECT id FROM listings WHERE source = 'alpha.csv'",
            [],
            |r| r.get(0),
        )
        .expect("alpha listing");
    let (app, _) = s.save_listing(id).expect("save");
    drop(s);
    ok(&cli(&db, &["import", "--remove", "alpha.csv"]));
    ok(&cli(&db, &["import", beta.to_str().expect("utf-8")]));
    let beta_id: i64 = rusqlite::Connection::open(&db)
        .expect("open")
        .query_row(
            "SELECT id FROM listings WHERE source = 'beta.csv'",
            [],
            |r| r.get(0),
        )
        .expect("beta listing");
    assert!(beta_id > id, "beta {beta_id} reused alpha's {id}");
    let (mut s, _) = Store::open(&db).expect("open");
    let a = s.application(app).expect("read").expect("kept");
    assert_eq!(
        (a.title.as_str(), a.company.as_str()),
        ("Accounts Assistant", "Alpha Traders")
    );
    let (_, new) = s.save_listing(beta_id).expect("beta can be saved");
    assert!(new);
}

#[cfg(unix)]
#[test]
fn a_database_replaced_or_deleted_under_the_app_is_not_written() {
    let (dir, db) = fresh();
    let id = add(&db, "Back Office Executive");
    let (mut s, _) = Store::open(&db).expect("open");
    // a sync tool puts another copy in its place
    let copy = dir.path().join("synced.db");
    std::fs::copy(&db, &copy).expect("copy");
    std::fs::rename(&copy, &db).expect("replace");
    let e = s.add_note(id, "lost?").expect_err("refused");
    assert!(matches!(e, StoreError::Replaced { .. }), "{e}");
    assert!(e.to_string().contains("replaced or deleted"), "{e}");
    drop(s);
    assert_eq!(notes(&db, id), "", "nothing landed in either file");
    // the pages of a change still in this store's -wal never reach the
    // file put in its place: an older copy comes back as it was
    let (mut s, _) = Store::open(&db).expect("open");
    let older = dir.path().join("older.db");
    std::fs::copy(&db, &older).expect("copy");
    s.add_note(id, "written before the swap").expect("note");
    let mut wal = db.as_os_str().to_owned();
    wal.push("-wal");
    assert!(
        std::fs::metadata(&wal).map(|m| m.len()).unwrap_or(0) > 0,
        "in the log"
    );
    std::fs::rename(&older, &db).expect("swap");
    assert!(s.replaced());
    let c = rusqlite::Connection::open(&db).expect("open the new file");
    let in_new: String = c
        .query_row("SELECT notes FROM applications WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .expect("read");
    assert_eq!(in_new, "", "the old log was not applied to the new file");
    drop(c);
    drop(s);
    // deleted: the same
    let (mut s, _) = Store::open(&db).expect("open");
    std::fs::remove_file(&db).expect("delete");
    assert!(matches!(
        s.patch_application(
            id,
            &Patch {
                contact_name: Some("x".into()),
                ..Patch::default()
            }
        ),
        Err(StoreError::Replaced { .. })
    ));
    drop(s);
    // the app keeps the unsaved change in the form and says why
    let (_dir2, db) = fresh();
    let id = add(&db, "Back Office Executive");
    let mut d = app_on(&db);
    open_form(&mut d, 0);
    typed(&mut d, "do not lose me");
    let copy = db.with_file_name("other.db");
    std::fs::copy(&db, &copy).expect("copy");
    std::fs::rename(&copy, &db).expect("replace");
    ctrl(&mut d, 's');
    let form = d.state.tracker_form().expect("form kept");
    assert_eq!(form.fields[0].input.text(), "do not lose me");
    assert!(
        form.problem
            .as_deref()
            .is_some_and(|p| p.contains("replaced"))
    );
    d.act(Action::Tick);
    assert!(
        d.state.read_only.is_some(),
        "the banner says nothing more is saved"
    );
    assert_eq!(notes(&db, id), "");
}

#[test]
fn two_first_runs_at_once_both_succeed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let at_once = 3;
    for round in 0..12 {
        let db = dir.path().join(format!("first-{round}.db"));
        let start = std::sync::Arc::new(std::sync::Barrier::new(at_once));
        let runs: Vec<_> = (0..at_once)
            .map(|w| {
                let db = db.clone();
                let start = start.clone();
                std::thread::spawn(move || {
                    start.wait();
                    cli(
                        &db,
                        &["apps", "add", "--title", &format!("w{w}"), "--company", "C"],
                    )
                })
            })
            .collect();
        for r in runs {
            let o = r.join().expect("run");
            assert!(
                o.status.success(),
                "round {round}: {}",
                String::from_utf8_lossy(&o.stderr)
            );
        }
        let (s, _) = Store::open(&db).expect("open");
        assert_eq!(
            s.all_applications().expect("apps").len(),
            at_once,
            "round {round}"
        );
        assert_eq!(
            s.listing_count().expect("count"),
            2000,
            "round {round}: seeded once"
        );
    }
}

#[test]
fn two_applications_made_in_the_same_second_in_two_databases_are_not_one() {
    // here: #1 typed in by hand
    let (_dir, db) = fresh();
    add(&db, "one");
    let (s, _) = Store::open(&db).expect("open");
    let mine = s.all_applications().expect("apps");
    drop(s);
    // elsewhere: #1 is listing 5, made (to the second) when ours was
    let dir2 = tempfile::tempdir().expect("tempdir");
    let other = dir2.path().join("other.db");
    let (mut o, _) = Store::open(&other).expect("other");
    o.save_listing(5).expect("save");
    drop(o);
    let export = dir2.path().join("other.json");
    ok(&cli(
        &other,
        &[
            "apps",
            "export",
            "--format",
            "json",
            "--out",
            export.to_str().expect("utf-8"),
        ],
    ));
    let text = std::fs::read_to_string(&export).expect("read");
    let mut v: serde_json::Value = serde_json::from_str(&text).expect("json");
    v[0]["created_at"] = mine[0].created_at.clone().into();
    std::fs::write(&export, v.to_string()).expect("write");
    ok(&cli(
        &db,
        &["apps", "import", export.to_str().expect("utf-8")],
    ));
    let (s, _) = Store::open(&db).expect("open");
    let apps = s.all_applications().expect("apps");
    assert_eq!(apps.len(), 2, "both kept: {apps:?}");
    assert!(
        apps.iter()
            .any(|a| a.title == "one" && a.listing_id.is_none())
    );
    assert!(apps.iter().any(|a| a.listing_id == Some(5)));
}
