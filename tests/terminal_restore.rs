//! Whatever ends the app (a signal, a panic), the user's shell gets its
//! terminal back: cooked mode with echo, the main screen, no mouse capture,
//! no bracketed paste, a visible cursor. Checked in a real terminal (tmux)
//! from a plain `sh`, typing as a user would.

mod common;

use common::{Tmux, count, integrity, tmux_available};

/// Starts the app from the shell, recording its pid.
fn launch(t: &Tmux, env: &str) -> (std::path::PathBuf, u32) {
    let db = t.path("data/backdesk.db");
    let pidfile = t.path("pid");
    t.run(&format!(
        "sh -c 'echo $$ >{pid}; exec env {env} {bin} --db {db}'",
        pid = pidfile.display(),
        bin = env!("CARGO_BIN_EXE_backdesk"),
        db = db.display(),
    ));
    t.wait_for("the first screen", |s| {
        s.contains("2,000 results") && s.contains("Filters")
    });
    let pid = std::fs::read_to_string(&pidfile)
        .expect("pid file")
        .trim()
        .parse()
        .expect("pid");
    (db, pid)
}

/// What the app turns on, seen from tmux: the alternate screen and mouse
/// reporting (any-event, which tmux shows instead of button and standard,
/// and SGR encoding).
fn modes(t: &Tmux) -> String {
    t.format("alt=#{alternate_on} mouse=#{mouse_any_flag}#{mouse_button_flag}#{mouse_standard_flag}#{mouse_sgr_flag}")
}

const TAKEN: &str = "alt=1 mouse=1001";
const RESTORED: &str = "alt=0 mouse=0000";

/// After the app is gone: the exit code, then a terminal that behaves.
fn assert_shell_is_back(t: &Tmux, code: i32) {
    // In raw mode without echo this line would neither show nor run.
    t.run("echo rc=$?");
    t.wait_text(&format!("rc={code}"));
    assert_eq!(modes(t), RESTORED, "terminal modes after exit");
    assert_eq!(t.format("#{cursor_flag}"), "1", "the cursor is visible");
    t.run("stty -a | tr ' ;' '\\n\\n' | grep -x -e echo -e icanon -e icrnl -e isig -e opost | sort | tr '\\n' +; echo");
    t.wait_text("echo+icanon+icrnl+isig+opost+");
    // No bracketed paste left on: a paste reaches `cat -v` bare.
    t.run("cat -v");
    t.paste("pasted-text");
    t.keys(&["Enter", "C-d"]);
    let screen = t.wait_for("the paste echoed back", |s| {
        s.lines().filter(|l| l.contains("pasted-text")).count() >= 2
    });
    assert!(
        !screen.contains("^[[200~"),
        "bracketed paste was left on:\n{screen}"
    );
}

fn killed_by(signal: &str, code: i32) {
    if !tmux_available() {
        eprintln!("SKIPPED: tmux is not installed (.ci/run installs it)");
        return;
    }
    let t = Tmux::shell(&format!("sig{signal}"), 100, 30);
    let (db, pid) = launch(&t, "");
    assert_eq!(modes(&t), TAKEN, "modes while the app runs");

    // committed work before the signal: a saved listing
    t.keys(&["Tab", "Tab", "s"]);
    t.wait_text("Saved to the tracker");

    let ok = std::process::Command::new("kill")
        .args([&format!("-{signal}"), &pid.to_string()])
        .status()
        .expect("kill")
        .success();
    assert!(ok, "kill -{signal} {pid}");
    // the main screen, then the prompt sh prints once the app has exited
    // (typing earlier would feed the app's input reader, not the shell)
    t.wait_for("the shell prompt", |s| {
        !s.contains("Filters") && s.lines().any(|l| l.trim() == "$")
    });
    assert_shell_is_back(&t, code);
    assert_eq!(count(&db, "SELECT count(*) FROM applications"), 1);
    assert_eq!(integrity(&db), "ok");
}

#[test]
fn sigterm_restores_the_terminal_and_keeps_the_save() {
    killed_by("TERM", 143);
}

#[test]
fn sighup_restores_the_terminal_and_keeps_the_save() {
    killed_by("HUP", 129);
}

#[test]
fn sigint_restores_the_terminal_and_keeps_the_save() {
    killed_by("INT", 130);
}

#[test]
fn a_panic_restores_the_terminal_before_its_message() {
    if !tmux_available() {
        eprintln!("SKIPPED: tmux is not installed (.ci/run installs it)");
        return;
    }
    let t = Tmux::shell("panic", 100, 30);
    launch(&t, "RUST_BACKTRACE=0 BACKDESK_TEST_PANIC_KEY=1");
    assert_eq!(modes(&t), TAKEN, "modes while the app runs");
    t.keys(&["F12"]);
    // Printed on the alternate screen, the message would vanish with it:
    // seeing it on the main screen means the restore came first.
    let screen = t.wait_for("the message, then the prompt", |s| {
        s.split_once("test-only panic requested with F12")
            .is_some_and(|(_, after)| after.lines().any(|l| l.trim() == "$"))
    });
    assert!(!screen.contains("Filters"), "{screen}");
    assert_shell_is_back(&t, 101);
}
