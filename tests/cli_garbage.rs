//! Every numeric, date and enum flag given garbage: a helpful message that
//! names the flag or the value, exit code 2, and nothing written.

use std::process::Output;

use assert_cmd::Command;

fn run(dir: &std::path::Path, args: &[&str]) -> Output {
    let home = dir.join("home");
    Command::cargo_bin("backdesk")
        .expect("binary")
        .env_clear()
        .env("HOME", &home)
        .env("XDG_CONFIG_HOME", home.join(".config"))
        .env("XDG_DATA_HOME", home.join(".local/share"))
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .arg("--db")
        .arg(dir.join("b.db"))
        .args(args)
        .output()
        .expect("runs")
}

const GARBAGE: &[&str] = &[
    "abc",
    "-5",
    "-1",
    "99999999999999999999999999",
    "1e400",
    "NaN",
    "12abc",
    "",
    "४२", // Devanagari digits
    "1 000",
];

/// (the command before the flag, the flag, values it accepts)
fn numeric_flags() -> Vec<(Vec<&'static str>, &'static str)> {
    vec![
        (vec!["search"], "--limit"),
        (vec!["search"], "--experience"),
        (vec!["search"], "--posted-within"),
        (vec!["search"], "--within-km"),
        (vec!["search"], "--min-salary"),
        (vec!["search"], "--max-salary"),
        (
            vec!["apps", "add", "--title", "T", "--company", "C"],
            "--salary",
        ),
        (vec!["apps", "set", "1"], "--expected-salary"),
        (vec!["apps", "set", "1"], "--follow-up"),
        (vec!["apps", "set", "1"], "--interview"),
        (vec!["db", "synth"], "--listings"),
        (vec!["db", "synth", "--listings", "5"], "--seed"),
    ]
}

fn assert_usage_error(out: &Output, what: &str, names: &[&str]) {
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(2),
        "{what}: exit code; stderr: {err}"
    );
    assert!(
        names.iter().any(|n| err.contains(n)),
        "{what}: the message names one of {names:?}: {err}"
    );
    assert!(!err.contains("panicked"), "{what}: {err}");
}

#[test]
fn numeric_and_date_flags_refuse_garbage_with_exit_2() {
    let dir = tempfile::tempdir().expect("tempdir");
    // an application to point `apps set 1` at
    let out = run(
        dir.path(),
        &["apps", "add", "--title", "Clerk", "--company", "Acme"],
    );
    assert!(out.status.success());
    let before = std::fs::read(dir.path().join("b.db")).expect("db");
    for (cmd, flag) in numeric_flags() {
        for value in GARBAGE {
            // `--flag=value` so a leading '-' is the value, not a flag
            let arg = format!("{flag}={value}");
            let mut args = cmd.clone();
            args.push(&arg);
            let out = run(dir.path(), &args);
            let what = format!("{args:?}");
            assert_usage_error(&out, &what, &[flag, value]);
        }
    }
    assert!(
        std::fs::read(dir.path().join("b.db")).expect("db") == before,
        "no garbage reached the database"
    );
}

#[test]
fn ids_refuse_garbage_with_exit_2() {
    let dir = tempfile::tempdir().expect("tempdir");
    for cmd in [
        vec!["apps", "save"],
        vec!["apps", "show"],
        vec!["apps", "move"],
        vec!["apps", "note"],
        vec!["apps", "set"],
    ] {
        for value in ["abc", "1.5", "99999999999999999999999999", "४२"] {
            let mut args = cmd.clone();
            args.push(value);
            args.extend(match cmd[1] {
                "move" => vec!["applied"],
                "note" => vec!["text"],
                _ => vec![],
            });
            let out = run(dir.path(), &args);
            assert_usage_error(&out, &format!("{args:?}"), &[value]);
        }
    }
}

#[test]
fn unknown_enum_values_list_the_valid_ones_with_exit_2() {
    let dir = tempfile::tempdir().expect("tempdir");
    let cases: &[(&[&str], &[&str])] = &[
        (&["search", "--format", "xml"], &["table", "json", "csv"]),
        (&["search", "--sort", "cheapest"], &["relevance", "salary"]),
        (&["search", "--mode", "underwater"], &["office", "remote"]),
        (&["search", "--city", "Atlantis"], &["Atlantis"]),
        (
            &["apps", "list", "--status", "ghosted"],
            &["applied", "interview"],
        ),
        (
            &["apps", "set", "1", "--interview-mode", "telepathy"],
            &["in-person", "video"],
        ),
        (&["apps", "export", "--format", "pdf"], &["csv", "ics"]),
        (&["apps", "move", "1", "hired"], &["accepted", "offer"]),
        (&["role", "astronaut"], &["astronaut"]),
        (&["db", "stats", "--format", "yaml"], &["table", "json"]),
    ];
    let out = run(
        dir.path(),
        &["apps", "add", "--title", "Clerk", "--company", "Acme"],
    );
    assert!(out.status.success());
    for (args, expect) in cases {
        let out = run(dir.path(), args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        for e in *expect {
            assert!(err.contains(e), "{args:?} should mention {e}: {err}");
        }
    }
}

#[test]
fn out_of_range_numbers_say_the_range_with_exit_2() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (args, range) in [
        (&["search", "--experience", "51"][..], "0..=50"),
        (&["search", "--within-km", "5001"][..], "0..=5000"),
        (&["search", "--posted-within", "3651"][..], "0..=3650"),
        (&["db", "synth", "--listings", "0"][..], "1..=50000000"),
        (
            &["db", "synth", "--listings", "50000001"][..],
            "1..=50000000",
        ),
    ] {
        let out = run(dir.path(), args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains(range), "{args:?}: {err}");
    }
    assert!(!dir.path().join("b.db").exists(), "nothing was created");
}
