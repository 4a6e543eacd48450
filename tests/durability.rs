//! Nothing acknowledged is lost: a writer killed with SIGKILL at random
//! moments, and two writers at once, leave a consistent database with
//! every committed change.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use backdesk::store::Store;
use backdesk::tracker::{NewApp, Status};

const CHILD_ENV: &str = "BACKDESK_TEST_CHILD_DB";

/// Not a test on its own: when started by `killed_writers_lose_nothing`
/// with the env var set, it writes to the tracker until killed, printing
/// every change after it is committed.
#[test]
fn child_writer() {
    let Some(db) = std::env::var_os(CHILD_ENV) else {
        return;
    };
    let (mut store, _) = Store::open(Path::new(&db)).expect("child opens the database");
    let tag = std::process::id();
    for n in 0.. {
        let title = format!("stress-{tag}-{n}");
        let id = store
            .add_application(&NewApp {
                title: title.clone(),
                company: "Kill Test Pvt Ltd".into(),
                ..NewApp::default()
            })
            .expect("add");
        println!("ADDED {id} {title}");
        store
            .move_application(id, Status::Applied, "")
            .expect("move");
        println!("MOVED {id}");
        store.add_note(id, &format!("note {n}")).expect("note");
        println!("NOTED {id}");
    }
}

fn integrity(db: &Path) -> String {
    let c = rusqlite::Connection::open(db).expect("open");
    c.query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("check")
}

/// A small deterministic sequence of pauses (xorshift), so a failure can
/// be replayed.
fn pauses(seed: u64) -> impl Iterator<Item = Duration> {
    let mut x = seed.max(1);
    std::iter::from_fn(move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        Some(Duration::from_micros(x % 40_000))
    })
}

fn kill_rounds() -> usize {
    std::env::var("BACKDESK_KILL_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200)
}

#[test]
fn killed_writers_lose_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("kill.db");
    drop(Store::open(&db).expect("create and seed"));
    let exe = std::env::current_exe().expect("test binary");
    let mut added: Vec<(i64, String)> = Vec::new();
    let mut moved: Vec<i64> = Vec::new();
    let mut noted: Vec<i64> = Vec::new();
    let rounds = kill_rounds();
    for (round, pause) in pauses(0x5eed).take(rounds).enumerate() {
        let mut child = Command::new(&exe)
            .args([
                "--exact",
                "child_writer",
                "--nocapture",
                "--test-threads",
                "1",
            ])
            .env(CHILD_ENV, &db)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn child");
        let out = child.stdout.take().expect("stdout");
        let (tx, rx) = std::sync::mpsc::channel::<String>();
        let reader = std::thread::spawn(move || {
            for line in BufReader::new(out).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        // wait until it is writing, then let it run a random while
        let mut lines = Vec::new();
        loop {
            match rx.recv_timeout(Duration::from_secs(10)) {
                Ok(l) => {
                    let started = l.contains("ADDED");
                    lines.push(l);
                    if started {
                        break;
                    }
                }
                Err(_) => panic!("round {round}: the child never started writing"),
            }
        }
        std::thread::sleep(pause);
        child.kill().expect("SIGKILL");
        child.wait().expect("reaped");
        reader.join().expect("reader");
        lines.extend(rx.try_iter());
        let before = added.len();
        for l in &lines {
            // the test harness may print its "test child_writer ..." first
            let at = ["ADDED", "MOVED", "NOTED"]
                .iter()
                .filter_map(|m| l.find(m))
                .min()
                .unwrap_or(0);
            let mut parts = l[at..].splitn(3, ' ');
            match (parts.next(), parts.next(), parts.next()) {
                (Some("ADDED"), Some(id), Some(title)) => {
                    added.push((id.parse().expect("id"), title.to_string()))
                }
                (Some("MOVED"), Some(id), None) => moved.push(id.parse().expect("id")),
                (Some("NOTED"), Some(id), None) => noted.push(id.parse().expect("id")),
                _ => {}
            }
        }
        assert!(added.len() >= before, "round {round}");
        assert_eq!(integrity(&db), "ok", "round {round}: integrity_check");
    }
    assert!(moved.len() <= added.len() && noted.len() <= moved.len());
    // every acknowledged change is there
    let (s, _) = Store::open(&db).expect("reopen");
    for (id, title) in &added {
        let a = s
            .application(*id)
            .expect("read")
            .unwrap_or_else(|| panic!("lost {title}"));
        assert_eq!(&a.title, title);
    }
    for id in &moved {
        let a = s.application(*id).expect("read").expect("app");
        assert_eq!(a.status, Status::Applied, "lost the move of {id}");
        assert_eq!(a.history.len(), 2);
    }
    for id in &noted {
        let a = s.application(*id).expect("read").expect("app");
        assert!(a.notes.starts_with("note "), "lost the note of {id}");
    }
    eprintln!(
        "{rounds} kills: {} adds, {} moves, {} notes acknowledged, all present",
        added.len(),
        moved.len(),
        noted.len()
    );
}

#[test]
fn two_writers_in_one_process_both_succeed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("two.db");
    drop(Store::open(&db).expect("create"));
    let per = 300;
    let handles: Vec<_> = (0..2)
        .map(|w| {
            let db = db.clone();
            std::thread::spawn(move || {
                let (mut s, _) = Store::open(&db).expect("open");
                for i in 0..per {
                    let id = s
                        .add_application(&NewApp {
                            title: format!("w{w}-{i}"),
                            company: "Concurrent Co".into(),
                            ..NewApp::default()
                        })
                        .expect("no 'database is locked' error");
                    s.move_application(id, Status::Applied, "").expect("move");
                }
            })
        })
        .collect();
    for h in handles {
        h.join().expect("writer");
    }
    let (s, _) = Store::open(&db).expect("open");
    let apps = s.all_applications().expect("apps");
    assert_eq!(apps.len(), 2 * per);
    assert!(
        apps.iter()
            .all(|a| a.status == Status::Applied && a.history.len() == 2)
    );
}

#[test]
fn two_cli_processes_at_once_both_succeed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("cli.db");
    drop(Store::open(&db).expect("create"));
    let bin = env!("CARGO_BIN_EXE_backdesk");
    let per = 25;
    let start = Instant::now();
    let handles: Vec<_> = (0..2)
        .map(|w| {
            let db = db.clone();
            std::thread::spawn(move || {
                for i in 0..per {
                    let out = Command::new(bin)
                        .arg("--db")
                        .arg(&db)
                        .args([
                            "apps",
                            "add",
                            "--title",
                            &format!("p{w}-{i}"),
                            "--company",
                            "Two Procs",
                        ])
                        .env("HOME", db.parent().expect("dir"))
                        .output()
                        .expect("run");
                    assert!(
                        out.status.success(),
                        "writer {w} #{i}: {}",
                        String::from_utf8_lossy(&out.stderr)
                    );
                }
            })
        })
        .collect();
    for h in handles {
        h.join().expect("writer");
    }
    let (s, _) = Store::open(&db).expect("open");
    assert_eq!(s.all_applications().expect("apps").len(), 2 * per);
    eprintln!(
        "{} CLI writes from two processes in {:?}",
        2 * per,
        start.elapsed()
    );
}
