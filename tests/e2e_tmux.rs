//! The real binary in a real terminal (tmux): a new user's first session.

mod common;

use common::{Tmux, count, tmux_available};

#[test]
fn search_filter_save_quit_in_tmux() {
    if !tmux_available() {
        eprintln!("SKIPPED: tmux is not installed (.ci/run installs it)");
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("fresh/backdesk.db");
    let t = Tmux::start("flow2", 120, 36, &format!("--db {}", db.display()));

    t.wait_for("the first screen", |s| {
        s.contains("2,000 results")
            && s.contains("1 Listings")
            && s.contains("Filters")
            && s.contains("Detail")
    });

    t.type_text("payrl pune");
    t.wait_for("the results for the query", |s| {
        s.contains("5 results") && s.contains("Payroll Specialist") && s.contains("payrl pune")
    });

    // "pune" was read as the city: the sidebar's first group says so
    t.wait_for("the city read from the text", |s| {
        s.contains("From the search") && s.contains("Pune (city)") && s.contains("payrl · Pune")
    });
    // Space on it takes the word out of the search box
    t.keys(&["Tab", "Down", "Space"]);
    t.wait_for("the word taken out", |s| {
        s.contains("Took “pune” out of the search")
            && !s.contains("payrl pune")
            && !s.contains("6 results")
    });
    // then include the first category value
    t.keys(&["Down", "Space"]);
    // the value is marked and the status bar names the filter
    t.wait_for("an included filter", |s| {
        s.contains("[+]") && s.contains("category: ")
    });

    // to the results, save the selected listing
    t.keys(&["Tab", "s"]);
    // the saved listing is marked
    t.wait_for("a saved listing", |s| {
        s.contains("Saved to the tracker") && s.contains('✓')
    });

    t.keys(&["4"]);
    t.wait_for("the board", |s| {
        s.contains("Saved 1") && s.contains("Applied 0")
    });
    t.keys(&[">"]);
    t.wait_for("the move", |s| {
        s.contains("Saved 0") && s.contains("Applied 1")
    });

    t.keys(&["q"]);
    let s = t.wait_text("EXIT=0");
    assert!(!s.contains("Filters"), "the alternate screen is gone: {s}");
    assert_eq!(count(&db, "SELECT count(*) FROM applications"), 1);
    assert_eq!(count(&db, "SELECT count(*) FROM application_history"), 2);
    assert_eq!(
        count(
            &db,
            "SELECT count(*) FROM applications WHERE status = 'applied'"
        ),
        1
    );
}

#[test]
fn small_terminals_and_resizing() {
    if !tmux_available() {
        eprintln!("SKIPPED: tmux is not installed (.ci/run installs it)");
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("b.db");
    let t = Tmux::start("small", 40, 12, &format!("--db {}", db.display()));
    t.wait_for("the first screen", |s| {
        s.contains("2,000 results") && s.contains("Results")
    });
    t.resize(30, 8);
    t.wait_text("terminal too small");
    t.resize(80, 24);
    t.wait_for("the medium layout", |s| {
        s.contains("Filters") && s.contains("Results 2,000")
    });
    t.keys(&["C-c"]);
    t.wait_text("EXIT=0");
}
