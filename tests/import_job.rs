//! Imports that take a while: progress as they go, cancelling with
//! nothing written, waiting for another writer without freezing, and a
//! listing too long to draw whole.

mod common;

use std::path::{Path, PathBuf};

use backdesk::import::job::{self, JobError, Progress, Stage};
use backdesk::session::load_vocab;
use backdesk::store::Store;
use backdesk::tui::action::{Action, Effect};
use backdesk::tui::driver::Driver;
use common::tui::driver_on;
use common::{Tmux, count, tmux_available};

/// A CSV of `n` postings.
fn feed(dir: &Path, name: &str, n: usize) -> PathBuf {
    let mut text = String::from("identifier,title,company,city,salary\n");
    for i in 0..n {
        let title = [
            "Data Entry Operator",
            "Accounts Executive",
            "Payroll Executive",
        ][i % 3];
        text.push_str(&format!(
            "job-{i},{title},Acme Back Office {} Pvt Ltd,Pune,{}-{}\n",
            i % 50,
            15_000 + i % 10 * 1000,
            20_000 + i % 10 * 1000
        ));
    }
    let p = dir.join(name);
    std::fs::write(&p, text).expect("feed");
    p
}

fn store_in(dir: &Path) -> (PathBuf, Store) {
    let db = dir.join("jobs.db");
    let (s, _) = Store::open(&db).expect("open");
    (db, s)
}

#[test]
fn progress_counts_the_postings_and_a_cancel_writes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (db, mut s) = store_in(dir.path());
    let path = feed(dir.path(), "big.csv", 20_000);
    let today = jiff::civil::date(2026, 11, 23);
    // matching tells how far it is
    let mut seen: Vec<Progress> = Vec::new();
    let plans = job::plan_paths(
        std::slice::from_ref(&path),
        load_vocab(&s).expect("vocab"),
        today,
        &mut |p| {
            seen.push(p);
            true
        },
    )
    .expect("planned");
    assert!(seen.iter().any(|p| p.stage == Stage::Reading));
    let matching: Vec<&Progress> = seen.iter().filter(|p| p.stage == Stage::Matching).collect();
    assert!(matching.len() > 10, "{} reports", matching.len());
    assert!(matching.iter().all(|p| p.total == 20_000));
    assert!(matching.windows(2).all(|w| w[0].done <= w[1].done));
    assert_eq!(
        Progress {
            stage: Stage::Matching,
            done: 12_400,
            total: 20_000
        }
        .describe(),
        "Importing 12,400 of 20,000…"
    );
    // cancelled while matching: an error, and nothing written
    let mut n = 0;
    let r = job::plan_paths(
        std::slice::from_ref(&path),
        load_vocab(&s).expect("vocab"),
        today,
        &mut |_| {
            n += 1;
            n < 20
        },
    );
    assert!(matches!(r, Err(JobError::Cancelled)), "{r:?}");
    // cancelled half-way through writing: rolled back
    let before = count(&db, "SELECT count(*) FROM listings");
    let mut writes = 0;
    let r = job::write_plans(&mut s, plans, false, &mut |p| {
        if p.stage == Stage::Writing {
            writes += 1;
        }
        writes < 10
    });
    assert!(matches!(r, Err(JobError::Cancelled)), "{r:?}");
    assert!(writes >= 10, "it was writing");
    assert_eq!(
        count(&db, "SELECT count(*) FROM listings"),
        before,
        "nothing written"
    );
    assert!(
        r.expect_err("cancelled")
            .to_string()
            .contains("nothing was written")
    );
}

#[test]
fn a_waiting_import_says_so_and_can_be_cancelled() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (db, mut s) = store_in(dir.path());
    let path = feed(dir.path(), "small.csv", 3);
    // another program holds the write lock
    let other = rusqlite::Connection::open(&db).expect("open");
    other.execute_batch("BEGIN IMMEDIATE").expect("lock");
    let mut waits = 0;
    let r = job::import_paths_with(&mut s, &[path], false, &mut |p| {
        if p.stage == Stage::Waiting {
            waits += 1;
            assert!(p.describe().contains("another program is writing"));
        }
        waits < 3
    });
    assert!(matches!(r, Err(JobError::Cancelled)), "{r:?}");
    assert_eq!(waits, 3, "asked while it waited");
    other.execute_batch("ROLLBACK").expect("unlock");
    assert_eq!(
        count(
            &db,
            "SELECT count(*) FROM listings WHERE source = 'small.csv'"
        ),
        0
    );
}

#[test]
fn esc_during_an_import_asks_to_cancel_it() {
    let store = Store::open_in_memory().expect("store");
    let mut d = driver_on(store, 120, 36);
    d.act(Action::Escape);
    d.act(Action::Import);
    // as the run loop leaves it while its worker imports
    d.state.import_mut().expect("prompt").busy = true;
    d.act(Action::ImportProgress("Importing 12,400 of 20,000…".into()));
    assert_eq!(
        d.state.import().and_then(|p| p.progress.as_deref()),
        Some("Importing 12,400 of 20,000…")
    );
    let effects = backdesk::tui::update::update(&mut d.state, Action::Escape);
    assert_eq!(effects, vec![Effect::CancelImport]);
    assert!(d.state.import().is_some_and(|p| p.cancelling));
    // a second Esc does not ask again
    assert!(backdesk::tui::update::update(&mut d.state, Action::Escape).is_empty());
}

#[test]
fn the_app_stays_responsive_while_an_import_waits_and_esc_cancels_it() {
    if !tmux_available() {
        eprintln!("SKIPPED: tmux is not installed (.ci/run installs it)");
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let (db, s) = store_in(dir.path());
    drop(s);
    let path = feed(dir.path(), "feed.csv", 3);
    let other = rusqlite::Connection::open(&db).expect("open");
    other.execute_batch("BEGIN IMMEDIATE").expect("lock");
    let t = Tmux::start("import-wait", 120, 36, &format!("--db {}", db.display()));
    t.wait_text("Results 2,000");
    // (Tab leaves the search box: Esc and a letter at once read as Alt)
    t.keys(&["Tab"]);
    t.keys(&["i"]);
    t.wait_text("Import listings");
    t.type_text(&path.display().to_string());
    t.keys(&["Enter"]);
    t.wait_text("Waiting for the database");
    t.keys(&["Escape"]);
    t.wait_text("cancelled; nothing was written");
    other.execute_batch("ROLLBACK").expect("unlock");
    assert_eq!(
        count(
            &db,
            "SELECT count(*) FROM listings WHERE source = 'feed.csv'"
        ),
        0
    );
    // and once the other writer is done, the same import goes through
    t.keys(&["Escape"]);
    t.wait_for("the report closed", |s| !s.contains("cancelled"));
    t.keys(&["i"]);
    t.wait_text("Import listings");
    t.type_text(&path.display().to_string());
    t.keys(&["Enter"]);
    t.wait_text("Import done");
    t.keys(&["Escape"]);
    t.wait_for("the report closed", |s| !s.contains("Import done"));
    t.keys(&["q"]);
    t.wait_text("EXIT=0");
    assert_eq!(
        count(
            &db,
            "SELECT count(*) FROM listings WHERE source = 'feed.csv'"
        ),
        3
    );
}

#[test]
fn a_listing_of_megabytes_is_drawn_in_part() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (db, s) = store_in(dir.path());
    drop(s);
    // as an old database may hold it (imports cut descriptions now)
    let c = rusqlite::Connection::open(&db).expect("open");
    let huge = "word ".repeat(2_000_000);
    c.execute("UPDATE listings SET description = ?1 WHERE id = 1", [&huge])
        .expect("huge");
    drop(c);
    let (store, _) = Store::open(&db).expect("open");
    let mut d = driver_on(store, 120, 36);
    d.act(Action::Escape);
    d.session.store.listing(1).expect("read").expect("listing");
    d.state.listings.detail = d.session.store.listing(1).expect("read");
    d.state.listings.screen.pane = backdesk::tui::state::Pane::Detail;
    // scroll down the detail until the note after the part drawn shows:
    // a few hundred lines, not the millions the whole text would wrap to
    let mut found = None;
    for scroll in (0..5_000u16).step_by(25) {
        d.state.listings.screen.detail_scroll = scroll;
        let mut t =
            ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 36)).expect("term");
        t.draw(|f| backdesk::tui::ui::render(f, &d.state))
            .expect("draw");
        let buf = t.backend().buffer();
        let text: String = (0..36)
            .map(|y| (0..120).map(|x| buf[(x, y)].symbol()).collect::<String>() + "\n")
            .collect();
        if text.contains("description goes on") {
            found = Some(scroll);
            break;
        }
    }
    let at = found.expect("the cut is said");
    assert!(
        at > 100,
        "the first 20,000 characters are drawn first ({at})"
    );
}

#[test]
fn a_change_that_finds_the_database_busy_is_tried_again_not_waited_on() {
    use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
    let dir = tempfile::tempdir().expect("tempdir");
    let (db, s) = store_in(dir.path());
    drop(s);
    let (mut store, _) = Store::open(&db).expect("open");
    // as the app sets it: wait briefly, then try again on the next ticks
    store
        .set_busy_timeout(std::time::Duration::from_millis(50))
        .expect("timeout");
    let mut d = driver_on(store, 120, 36);
    let other = rusqlite::Connection::open(&db).expect("open");
    other.execute_batch("BEGIN IMMEDIATE").expect("lock");
    let key =
        |d: &mut Driver, c: KeyCode| d.event(&Event::Key(KeyEvent::new(c, KeyModifiers::NONE)));
    key(&mut d, KeyCode::Tab);
    key(&mut d, KeyCode::Tab);
    key(&mut d, KeyCode::Char('s'));
    assert_eq!(
        d.state.retry.len(),
        1,
        "queued, not failed: {:?}",
        d.state.flash
    );
    assert!(
        d.state
            .flash
            .as_ref()
            .is_some_and(|f| f.text.contains("busy"))
    );
    d.act(Action::Tick);
    assert_eq!(d.state.retry.len(), 1, "still busy: still queued");
    other.execute_batch("ROLLBACK").expect("unlock");
    d.act(Action::Tick);
    assert!(d.state.retry.is_empty());
    assert_eq!(
        count(&db, "SELECT count(*) FROM applications"),
        1,
        "saved once the lock went"
    );
}
