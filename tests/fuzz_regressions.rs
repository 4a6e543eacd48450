//! Every input kept for the `config` and `query` fuzz targets, run through
//! the same checks as the targets (`backdesk::fuzzing`): the seeds under
//! tests/fixtures/fuzz/TARGET/ and the crashes fuzzing found, under
//! tests/fixtures/fuzz/TARGET/regressions/. A failed invariant is a panic;
//! each is caught and reported with its file.

use std::path::{Path, PathBuf};

use backdesk::config::Config;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

/// The seeds and regressions of a target (dot files left out).
fn inputs(target: &str) -> Vec<PathBuf> {
    let dir = root().join("tests/fixtures/fuzz").join(target);
    let mut files = Vec::new();
    for d in [dir.clone(), dir.join("regressions")] {
        for e in std::fs::read_dir(&d).expect("fixture dir").flatten() {
            let p = e.path();
            let hidden = p
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'));
            if p.is_file() && !hidden {
                files.push(p);
            }
        }
    }
    files.sort();
    files
}

fn panic_message(e: &(dyn std::any::Any + Send)) -> String {
    e.downcast_ref::<String>()
        .cloned()
        .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_else(|| "(no message)".into())
}

/// Runs `check` on every file, then fails listing each that panicked.
fn run_all(files: &[PathBuf], check: fn(&[u8])) {
    let mut failed = Vec::new();
    for f in files {
        let bytes = std::fs::read(f).expect("read fixture");
        if let Err(e) = std::panic::catch_unwind(|| check(&bytes)) {
            failed.push(format!("{}: {}", f.display(), panic_message(&*e)));
        }
    }
    assert!(
        failed.is_empty(),
        "{} of {} inputs break an invariant:\n{}",
        failed.len(),
        files.len(),
        failed.join("\n")
    );
}

#[test]
fn config_inputs_keep_the_invariants() {
    let mut files = inputs("config");
    // the fuzzer starts from the shipped example too
    files.push(root().join("config.example.toml"));
    run_all(&files, backdesk::fuzzing::config);
}

#[test]
fn query_inputs_keep_the_invariants() {
    let files = inputs("query");
    assert!(files.len() >= 5, "{files:?}");
    run_all(&files, backdesk::fuzzing::query);
}

#[test]
fn config_seeds_cover_good_and_bad_files() {
    // the seeds reach both sides: files that load (and get the start-up
    // and write-back checks) and files that are errors
    let (mut ok, mut bad) = (0, 0);
    for f in inputs("config") {
        let text = std::fs::read_to_string(&f).expect("UTF-8 seed");
        match Config::parse(&text, "seed.toml") {
            Ok(_) => ok += 1,
            Err(_) => bad += 1,
        }
    }
    assert!(ok >= 3 && bad >= 3, "{ok} load, {bad} are errors");
}
