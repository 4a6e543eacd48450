//! A newcomer's first session, in a real terminal (tmux, the real binary,
//! a fresh data dir), using only keys the screen shows at that moment:
//! type a query, move down, save the listing, switch to every tab from the
//! search box, run a command from the palette, accept a suggestion, quit.
//! The screen and the database are checked after every step.

mod common;

use common::{Tmux, count, tmux_available};

/// The status bar (the last line) of a screen.
fn status(s: &str) -> &str {
    s.trim_end().lines().last().unwrap_or("")
}

/// The tab bar (the first line).
fn tab_bar(s: &str) -> &str {
    s.lines().next().unwrap_or("")
}

/// The ids the CLI lists first for `text`, in the app's default order.
fn first_ids(db: &std::path::Path, text: &str, n: usize) -> Vec<i64> {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_backdesk"))
        .arg("--db")
        .arg(db)
        .args([
            "search",
            text,
            "--format",
            "json",
            "--limit",
            &n.to_string(),
        ])
        .env("HOME", db.parent().expect("dir"))
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let rows = v
        .get("results")
        .and_then(|r| r.as_array())
        .or_else(|| v.as_array())
        .cloned()
        .unwrap_or_default();
    rows.iter()
        .filter_map(|r| r.get("id").and_then(serde_json::Value::as_i64))
        .collect()
}

fn newcomer(name: &str, w: u16, h: u16) {
    if !tmux_available() {
        eprintln!("SKIPPED: tmux is not installed (.ci/run installs it)");
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("fresh/backdesk.db");
    let t = Tmux::start(name, w, h, &format!("--db {}", db.display()));

    // 1. the first screen: typing in the search box, and it says so
    let s = t.wait_for("the first screen", |s| {
        s.contains("2,000 results") && status(s).contains("TYPING")
    });
    assert!(
        tab_bar(&s).contains("alt-2 Roles"),
        "the tab keys that work now: {s}"
    );
    assert!(status(&s).contains("↓ results"), "{s}");

    // 2. type a query: the box takes every letter
    t.type_text("payroll");
    // all of them: the results of "payroll", not of "pay" still arriving
    let total = first_ids(&db, "payroll", 0).len();
    assert!(total > 3, "{total}");
    let title = format!("Results {total} ");
    let s = t.wait_for("the payroll results", |s| {
        s.contains("payroll") && s.contains(&title) && !s.contains("searching…")
    });
    assert!(status(&s).contains("TYPING"), "{s}");

    // 3. move down twice: down (shown) leaves the box for the results
    t.keys(&["Down", "Down"]);
    let s = t.wait_for("browsing", |s| status(s).contains("BROWSING"));
    assert!(!s.contains("payrolll"), "arrows are not text: {s}");

    // 4. save it: s (shown), a command now, not a letter of the query
    assert!(status(&s).contains("s save"), "the save key is shown: {s}");
    assert!(
        tab_bar(&s).contains("2 Roles"),
        "while browsing, digits switch tabs: {s}"
    );
    t.keys(&["s"]);
    let s = t.wait_text("Saved to the tracker");
    assert!(
        s.contains("payroll") && !s.contains("payrolls"),
        "s was no letter: {s}"
    );
    let third = first_ids(&db, "payroll", 3);
    assert_eq!(third.len(), 3, "three payroll listings");
    assert_eq!(count(&db, "SELECT count(*) FROM applications"), 1);
    assert_eq!(
        count(&db, "SELECT listing_id FROM applications"),
        third[2],
        "the third result was saved"
    );

    // 5. every tab from the search box, with the keys the tab bar shows
    t.keys(&["/"]);
    let s = t.wait_for("the search box again", |s| status(s).contains("TYPING"));
    assert!(tab_bar(&s).contains("alt-2 Roles"), "{s}");
    t.keys(&["M-2"]);
    let s = t.wait_for("the Roles tab", |s| s.contains(" of 62 roles"));
    assert!(
        status(&s).contains("TYPING"),
        "Roles starts in its search box too: {s}"
    );
    t.keys(&["M-3"]);
    let s = t.wait_for("the Salaries tab", |s| s.contains("salaries per month"));
    assert!(status(&s).contains("BROWSING"), "no box on Salaries: {s}");
    assert!(tab_bar(&s).contains("4 Tracker"), "{s}");
    assert!(
        !status(&s).contains("/ search"),
        "no search offered where there is none: {s}"
    );
    t.keys(&["M-1"]);
    t.wait_for("Listings, in its box", |s| {
        status(s).contains("TYPING") && s.contains("payroll")
    });
    t.keys(&["M-4"]);
    t.wait_for("the Tracker board", |s| s.contains("Saved 1"));
    t.keys(&["M-1"]);
    let s = t.wait_for("back on Listings", |s| {
        status(s).contains("TYPING") && s.contains("payroll")
    });
    assert!(
        tab_bar(&s).contains("ctrl-k commands") && status(&s).contains("ctrl-k commands"),
        "the palette's key: {s}"
    );

    // 6. the palette: find a command by name and run it
    t.keys(&["C-k"]);
    // this tab's commands first
    t.wait_for("the palette", |s| {
        s.contains("Commands ·") && s.contains("save the listing to the tracker")
    });
    t.type_text("sort");
    t.wait_for("the palette filtered", |s| {
        s.contains("change the order") && !s.contains("Tracker tab")
    });
    t.keys(&["Enter"]);
    let s = t.wait_text("Sorted by");
    assert!(!s.contains("Commands ·"), "the palette closed: {s}");
    assert!(status(&s).contains("TYPING"), "back where it was: {s}");

    // 7. a typo: the suggestion is shown with its key, and one key takes it
    t.keys(&["C-u"]);
    t.type_text("datta entri");
    let s = t.wait_for("the suggestion", |s| {
        s.contains("Did you mean 'data entry'")
    });
    // the key names what it searches for (shortened only when tight)
    let hint = status(&s);
    assert!(
        hint.contains("ctrl-y search 'data entry'")
            || (w < 100 && hint.contains("ctrl-y did you mean")),
        "{s}"
    );
    t.keys(&["C-y"]);
    // the results arrive (the pane's title counts them)
    let s = t.wait_for("the suggestion searched", |s| {
        s.contains("data entry")
            && !s.contains("Did you mean")
            && s.contains("Results ")
            && !s.contains("Results 0 ")
            && status(s).contains("ctrl-c quit")
    });
    assert!(!s.contains("datta"), "{s}");

    // 8. quit: q is text in the box; Esc (shown), then q (shown)
    assert!(status(&s).contains("ctrl-c quit"), "{s}");
    t.keys(&["Escape"]);
    let s = t.wait_for("browsing", |s| status(s).contains("q quit"));
    assert!(status(&s).contains("BROWSING"), "{s}");
    t.keys(&["q"]);
    t.wait_text("EXIT=0");
    assert_eq!(count(&db, "SELECT count(*) FROM applications"), 1);
}

#[test]
fn a_newcomers_first_session_at_120x36() {
    newcomer("newcomer120", 120, 36);
}

#[test]
fn a_newcomers_first_session_at_80x24() {
    newcomer("newcomer80", 80, 24);
}
