//! Disk trouble: a data folder or database the user cannot write, and a
//! full disk. Each gives a clear message naming the file, loses and
//! corrupts nothing, and what can still be read still works.
//!
//! The kernel, not the app, must refuse the writes: when the tests run as
//! root (CI containers) the commands run as `nobody` through `setpriv`,
//! since root writes through any permission bits.

mod common;

use std::collections::BTreeMap;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use backdesk::store::{Store, StoreError};
use backdesk::tracker::NewApp;
use common::tui::driver_on;
use common::{Tmux, integrity, tmux_available};

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false)
}

fn chmod(path: &Path, mode: u32) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).expect("chmod");
}

/// The program line that runs `backdesk` as a user without write access.
fn unprivileged_prefix() -> Vec<String> {
    if is_root() {
        [
            "setpriv",
            "--reuid=65534",
            "--regid=65534",
            "--clear-groups",
        ]
        .map(String::from)
        .to_vec()
    } else {
        Vec::new()
    }
}

/// A temp dir every user can enter, with HOME inside it.
struct Place {
    dir: tempfile::TempDir,
}

impl Place {
    fn new() -> Place {
        let dir = tempfile::tempdir().expect("tempdir");
        chmod(dir.path(), 0o755);
        std::fs::create_dir_all(dir.path().join("home")).expect("home");
        chmod(&dir.path().join("home"), 0o777);
        Place { dir }
    }

    fn path(&self, p: &str) -> PathBuf {
        self.dir.path().join(p)
    }

    /// `backdesk --db DB ARGS` as an unprivileged user.
    fn run(&self, db: &Path, args: &[&str]) -> Output {
        let mut line = unprivileged_prefix();
        line.push(env!("CARGO_BIN_EXE_backdesk").to_string());
        let home = self.path("home");
        Command::new(&line[0])
            .args(&line[1..])
            .env_clear()
            .env("HOME", &home)
            .env("XDG_CONFIG_HOME", home.join(".config"))
            .env("XDG_DATA_HOME", home.join(".local/share"))
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("COLUMNS", "100")
            .arg("--db")
            .arg(db)
            .args(args)
            .output()
            .expect("backdesk runs")
    }
}

impl Drop for Place {
    fn drop(&mut self) {
        // let the temp dir be removed whatever a test made read-only
        for entry in walk(self.dir.path()) {
            let mode = if entry.is_dir() { 0o755 } else { 0o644 };
            let _ = std::fs::set_permissions(&entry, std::fs::Permissions::from_mode(mode));
        }
    }
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = vec![dir.to_path_buf()];
    if let Ok(rd) = std::fs::read_dir(dir) {
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                out.extend(walk(&p));
            } else {
                out.push(p);
            }
        }
    }
    out
}

/// Every file in `dir` with its bytes.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walk(dir)
        .into_iter()
        .filter(|p| p.is_file())
        .map(|p| {
            let bytes = std::fs::read(&p).expect("read");
            (p.display().to_string(), bytes)
        })
        .collect()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn new_app(title: &str) -> NewApp {
    NewApp {
        title: title.into(),
        company: "Sahyadri Ledgers".into(),
        ..NewApp::default()
    }
}

/// A database with two applications: the first checkpointed into the
/// file, the second only in the write-ahead log (its writer never closed),
/// as a crash or a second running instance leaves it.
fn database_with_a_live_log(db: &Path) {
    let (mut store, _) = Store::open(db).expect("open");
    store
        .add_application(&new_app("Checkpointed clerk"))
        .expect("add");
    drop(store);
    let (mut store, _) = Store::open(db).expect("reopen");
    store
        .add_application(&new_app("Clerk in the log"))
        .expect("add");
    std::mem::forget(store); // no close, no checkpoint: the -wal stays
    let mut wal = db.as_os_str().to_owned();
    wal.push("-wal");
    assert!(
        std::fs::metadata(PathBuf::from(wal))
            .map(|m| m.len())
            .unwrap_or(0)
            > 0,
        "the write-ahead log holds the second application"
    );
}

fn titles(json: &str) -> Vec<String> {
    let v: serde_json::Value = serde_json::from_str(json).expect("json");
    v.as_array()
        .expect("array")
        .iter()
        .map(|a| a["title"].as_str().unwrap_or_default().to_string())
        .collect()
}

fn assert_read_only_works(place: &Place, db: &Path, watched: &Path) {
    let before = snapshot(watched);

    // reading works, with a warning that names the file
    let out = place.run(db, &["apps", "list", "--format", "json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        titles(&stdout(&out)),
        ["Checkpointed clerk", "Clerk in the log"],
        "both applications, the one in the log too"
    );
    let warning = stderr(&out);
    assert!(
        warning.contains(&db.display().to_string()) && warning.contains("read-only"),
        "{warning}"
    );
    let out = place.run(
        db,
        &["search", "payroll", "--format", "csv", "--limit", "3"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out).lines().count(), 4, "{}", stdout(&out));

    // writing is refused, clearly, with exit code 1
    for args in [
        &["apps", "add", "--title", "Typist", "--company", "Acme"][..],
        &["apps", "move", "1", "applied"][..],
        &["search", "payroll", "--save-as", "mine"][..],
    ] {
        let out = place.run(db, args);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", stderr(&out));
        let err = stderr(&out);
        assert!(
            err.contains(&format!("{} is open read-only", db.display()))
                && err.contains("this change was not saved"),
            "{args:?}: {err}"
        );
    }
    assert!(
        snapshot(watched) == before,
        "nothing in {watched:?} changed"
    );
}

#[test]
fn a_read_only_data_folder_is_read_not_written() {
    let place = Place::new();
    let data = place.path("data");
    let db = data.join("backdesk.db");
    database_with_a_live_log(&db);
    // backdesk makes its files private (0600); someone else's database
    // that this user may read is what the test is about
    for f in walk(&data).into_iter().filter(|p| p.is_file()) {
        chmod(&f, 0o644);
    }
    chmod(&data, 0o555);
    assert_read_only_works(&place, &db, &data);
}

#[test]
fn a_database_file_without_write_permission_is_read_not_written() {
    let place = Place::new();
    let data = place.path("data");
    let db = data.join("backdesk.db");
    database_with_a_live_log(&db);
    chmod(&data, 0o777); // the folder is writable: only the files are not
    for f in walk(&data).into_iter().filter(|p| p.is_file()) {
        chmod(&f, 0o444);
    }
    assert_read_only_works(&place, &db, &data);
}

#[test]
fn no_database_and_a_read_only_folder_still_browses_the_catalogue() {
    let place = Place::new();
    let locked = place.path("locked");
    std::fs::create_dir_all(&locked).expect("mkdir");
    chmod(&locked, 0o555);
    let db = locked.join("data/backdesk.db");
    let out = place.run(&db, &["search", "payrl pune", "--format", "csv"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("Payroll"), "{}", stdout(&out));
    assert!(stderr(&out).contains("read-only"), "{}", stderr(&out));
    let out = place.run(&db, &["apps", "add", "--title", "T", "--company", "C"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("not saved"), "{}", stderr(&out));
    assert_eq!(walk(&locked), vec![locked.clone()], "nothing was created");
}

#[test]
fn the_app_opens_read_only_with_a_banner_and_refuses_to_save() {
    if !tmux_available() {
        eprintln!("SKIPPED: tmux is not installed (.ci/run installs it)");
        return;
    }
    let place = Place::new();
    let data = place.path("data");
    let db = data.join("backdesk.db");
    database_with_a_live_log(&db);
    for f in walk(&data).into_iter().filter(|p| p.is_file()) {
        chmod(&f, 0o644); // someone else's database this user may read
    }
    chmod(&data, 0o555);
    let before = snapshot(&data);

    let t = Tmux::shell("readonly", 120, 36);
    let mut line = unprivileged_prefix();
    line.push(env!("CARGO_BIN_EXE_backdesk").to_string());
    t.run(&format!(
        "{} --db {}; echo EXIT=$?",
        line.join(" "),
        db.display()
    ));
    t.wait_for("the read-only banner", |s| {
        s.contains("READ-ONLY · nothing is saved") && s.contains("Results 2,000")
    });
    t.type_text("payrl pune");
    t.wait_text("5 results");
    t.keys(&["Tab", "Tab", "s"]);
    t.wait_for("the refusal", |s| {
        s.contains("could not save") && s.contains("read-only")
    });
    t.keys(&["4"]);
    t.wait_for("the tracker read from the log", |s| {
        // (cards 13 columns wide on the eight-column board)
        s.contains("Saved 2") && s.contains("Clerk in the") && s.contains("Checkpointed")
    });
    t.keys(&["q"]);
    t.wait_text("EXIT=0");
    assert!(
        snapshot(&data) == before,
        "nothing in the data folder changed"
    );
}

/// Fills a database to its page limit, one application at a time, big
/// ones first, then small ones into what is left.
fn fill_until_full(store: &mut Store) -> (usize, StoreError) {
    let mut saved = 0;
    let mut last = None;
    for size in [2_000, 200, 0] {
        for _ in 0..100_000 {
            let mut app = new_app(&format!("Clerk {saved}"));
            app.source = "x".repeat(size);
            match store.add_application(&app) {
                Ok(_) => saved += 1,
                Err(e) => {
                    last = Some(e);
                    break;
                }
            }
        }
    }
    (saved, last.expect("the database filled up"))
}

#[test]
fn a_full_disk_refuses_the_change_and_keeps_everything_before_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("full.db");
    let (mut store, _) = Store::open(&db).expect("open");
    // room for a few dozen more applications, then "the disk is full"
    store.limit_growth(40).expect("limit");
    let (saved, err) = fill_until_full(&mut store);
    assert!(saved > 5, "some fit before the limit: {saved}");
    assert!(matches!(err, StoreError::DiskFull { .. }), "{err:?}");
    let msg = err.to_string();
    assert!(
        msg.contains(&db.display().to_string())
            && msg.contains("disk is full")
            && msg.contains("not saved"),
        "{msg}"
    );
    // reads still work while full
    assert_eq!(store.all_applications().expect("read").len(), saved);
    drop(store);

    assert_eq!(integrity(&db), "ok");
    let (mut store, _) = Store::open(&db).expect("reopen after the fault");
    assert_eq!(store.all_applications().expect("read").len(), saved);
    // with room again, writing works
    store.add_application(&new_app("After")).expect("add");
    assert_eq!(store.all_applications().expect("read").len(), saved + 1);
}

#[test]
fn a_full_disk_in_the_app_is_a_message_not_a_crash() {
    use backdesk::tui::driver::Driver;
    use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("full.db");
    let (mut store, _) = Store::open(&db).expect("open");
    store.limit_growth(40).expect("limit");
    let (saved, _) = fill_until_full(&mut store);
    let mut d = driver_on(store, 120, 36);
    let key = |d: &mut Driver, code| d.event(&Event::Key(KeyEvent::new(code, KeyModifiers::NONE)));
    key(&mut d, KeyCode::Esc);
    key(&mut d, KeyCode::Char('s'));
    let flash = d
        .state
        .flash
        .as_ref()
        .map(|f| f.text.clone())
        .unwrap_or_default();
    assert!(flash.contains("disk is full"), "{flash}");
    assert!(!d.state.quit, "the app carries on");
    assert_eq!(
        d.session.store.all_applications().expect("read").len(),
        saved
    );
    // and the search still answers
    key(&mut d, KeyCode::Char('/'));
    for c in "payroll".chars() {
        key(&mut d, KeyCode::Char(c));
    }
    assert!(d.state.listings.results.total() > 0);
}

/// A real full disk: a 16 MB tmpfs in a private mount namespace, topped up
/// with a filler file. Needs root (as CI containers are); skipped otherwise.
#[test]
fn a_real_full_tmpfs() {
    let ok = is_root()
        && Command::new("unshare")
            .args(["-m", "true"])
            .status()
            .map(|s| s.success())
            .unwrap_or(false);
    if !ok {
        eprintln!("SKIPPED: needs root and unshare to mount a small tmpfs");
        return;
    }
    let out_dir = tempfile::tempdir().expect("tempdir");
    let mnt = tempfile::tempdir().expect("mount point");
    let bin = env!("CARGO_BIN_EXE_backdesk");
    let script = format!(
        r#"set -u
mount -t tmpfs -o size=16m tmpfs {mnt} || exit 99
B="{bin} --db {mnt}/b.db"
$B apps add --title Before --company Acme >/dev/null || exit 98
dd if=/dev/zero of={mnt}/filler bs=64k 2>/dev/null
i=0; fails=0
while [ $i -lt 40 ]; do
  if $B apps note 1 "note $i $(head -c 3000 /dev/zero | tr '\0' x)" >/dev/null 2>{out}/err; then :; else fails=$((fails+1)); cp {out}/err {out}/last-err; fi
  i=$((i+1))
done
echo "fails=$fails"
$B apps list --format json > {out}/list.json 2>{out}/list-err
echo "list=$?"
rm {mnt}/filler
$B apps note 1 "written once there was room" >/dev/null && echo "after=ok"
$B apps show 1 --format json > {out}/show.json
cp {mnt}/b.db {out}/
"#,
        mnt = mnt.path().display(),
        out = out_dir.path().display(),
    );
    let o = Command::new("unshare")
        .args(["-m", "sh", "-c", &script])
        .env("HOME", out_dir.path())
        .env("XDG_CONFIG_HOME", out_dir.path().join("cfg"))
        .output()
        .expect("unshare");
    let report = stdout(&o);
    if o.status.code() == Some(99) {
        eprintln!("SKIPPED: cannot mount a tmpfs here: {}", stderr(&o));
        return;
    }
    assert!(o.status.success(), "{report}\n{}", stderr(&o));
    let fails: usize = report
        .lines()
        .find_map(|l| l.strip_prefix("fails="))
        .and_then(|n| n.parse().ok())
        .expect("fails=");
    assert!(fails > 0, "the disk filled up: {report}");
    let err = std::fs::read_to_string(out_dir.path().join("last-err")).expect("last error");
    assert!(
        err.contains("disk is full") && err.contains("b.db"),
        "{err}"
    );
    assert!(
        report.contains("list=0"),
        "reading works on a full disk: {report}"
    );
    let list = std::fs::read_to_string(out_dir.path().join("list.json")).expect("list");
    assert_eq!(titles(&list), ["Before"]);
    assert!(report.contains("after=ok"), "writing works again: {report}");
    let show = std::fs::read_to_string(out_dir.path().join("show.json")).expect("show");
    assert!(show.contains("written once there was room"), "{show}");
    assert_eq!(integrity(&out_dir.path().join("b.db")), "ok");
}
