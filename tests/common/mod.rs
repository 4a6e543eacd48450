//! Helpers shared by the integration tests: the real binary in tmux (this
//! file), the TUI driven in-process (`tui`), the command line (`cli`).
#![allow(dead_code)]

pub mod cli;
pub mod tui;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// A detached tmux server and session of its own, killed on drop.
pub struct Tmux {
    socket: String,
    pub dir: tempfile::TempDir,
}

/// Whether tmux can run the end-to-end tests. Under CI (`CI` set) a
/// missing tmux is a failure, not a skip: `.ci/run` installs it.
pub fn tmux_available() -> bool {
    let ok = Command::new("tmux")
        .arg("-V")
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false);
    assert!(
        ok || std::env::var_os("CI").is_none(),
        "CI is set but tmux is not installed: the end-to-end tests must run (apt-get install tmux)"
    );
    ok
}

impl Tmux {
    /// Starts `backdesk ARGS` in a `width`×`height` tmux window, with HOME
    /// and the XDG dirs inside a fresh temp dir. After it exits the shell
    /// prints `EXIT=<code>`.
    pub fn start(name: &str, width: u16, height: u16, args: &str) -> Tmux {
        Tmux::start_with_env(name, width, height, args, "")
    }

    pub fn start_with_env(name: &str, width: u16, height: u16, args: &str, env: &str) -> Tmux {
        let dir = tempfile::tempdir().expect("tempdir");
        let socket = format!("backdesk-test-{}-{name}", std::process::id());
        let bin = env!("CARGO_BIN_EXE_backdesk");
        let home = dir.path().join("home");
        std::fs::create_dir_all(&home).expect("home");
        let cmd = format!(
            "env HOME={home} XDG_CONFIG_HOME={home}/.config XDG_DATA_HOME={home}/.local/share TERM=xterm-256color {env} {bin} {args}; echo EXIT=$?; sleep 30",
            home = home.display(),
        );
        let ok = Command::new("tmux")
            .args([
                "-L",
                &socket,
                "-f",
                "/dev/null",
                "new-session",
                "-d",
                "-s",
                "t",
            ])
            .args(["-x", &width.to_string(), "-y", &height.to_string()])
            .arg(&cmd)
            .status()
            .expect("tmux runs")
            .success();
        assert!(ok, "tmux new-session failed");
        Tmux { socket, dir }
    }

    /// A plain POSIX shell (`sh`, prompt `$ `) in a `width`×`height`
    /// window, HOME and the XDG dirs inside a fresh temp dir, where a test
    /// types commands as a user would: the place to see what the app leaves
    /// behind when it exits.
    pub fn shell(name: &str, width: u16, height: u16) -> Tmux {
        let dir = tempfile::tempdir().expect("tempdir");
        let socket = format!("backdesk-test-{}-{name}", std::process::id());
        let home = dir.path().join("home");
        std::fs::create_dir_all(&home).expect("home");
        let cmd = format!(
            "env HOME={home} XDG_CONFIG_HOME={home}/.config XDG_DATA_HOME={home}/.local/share TERM=xterm-256color PS1='$ ' ENV= sh",
            home = home.display(),
        );
        let ok = Command::new("tmux")
            .args(["-L", &socket, "-f", "/dev/null", "new-session", "-d"])
            .args([
                "-s",
                "t",
                "-x",
                &width.to_string(),
                "-y",
                &height.to_string(),
            ])
            .arg(&cmd)
            .status()
            .expect("tmux runs")
            .success();
        assert!(ok, "tmux new-session failed");
        let t = Tmux { socket, dir };
        t.wait_for("the prompt", |s| s.trim_start().starts_with('$'));
        t
    }

    /// Types a command line and presses Enter.
    pub fn run(&self, line: &str) {
        self.type_text(line);
        self.keys(&["Enter"]);
    }

    /// A tmux format evaluated for the pane, e.g. `#{alternate_on}`.
    pub fn format(&self, f: &str) -> String {
        let out = Command::new("tmux")
            .args(["-L", &self.socket, "display", "-p", "-t", "t", f])
            .output()
            .expect("display");
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    /// Pastes `text` the way a terminal does, bracketed when the program in
    /// the pane asked for bracketed paste.
    pub fn paste(&self, text: &str) {
        let ok = Command::new("tmux")
            .args(["-L", &self.socket, "set-buffer", "--", text])
            .status()
            .expect("set-buffer")
            .success();
        assert!(ok);
        let ok = Command::new("tmux")
            .args(["-L", &self.socket, "paste-buffer", "-p", "-t", "t"])
            .status()
            .expect("paste-buffer")
            .success();
        assert!(ok);
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn keys(&self, keys: &[&str]) {
        let ok = Command::new("tmux")
            .args(["-L", &self.socket, "send-keys", "-t", "t"])
            .args(keys)
            .status()
            .expect("send-keys")
            .success();
        assert!(ok, "send-keys {keys:?}");
    }

    /// Types text literally.
    pub fn type_text(&self, text: &str) {
        let ok = Command::new("tmux")
            .args(["-L", &self.socket, "send-keys", "-t", "t", "-l", text])
            .status()
            .expect("send-keys")
            .success();
        assert!(ok);
    }

    pub fn capture(&self) -> String {
        let out = Command::new("tmux")
            .args(["-L", &self.socket, "capture-pane", "-p", "-t", "t"])
            .output()
            .expect("capture-pane");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Waits until the screen satisfies `pred` (up to 10 s) and returns it.
    pub fn wait_for(&self, what: &str, pred: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.capture();
            if pred(&screen) {
                return screen;
            }
            if start.elapsed() > Duration::from_secs(10) {
                panic!("timed out waiting for {what}; screen:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    pub fn wait_text(&self, text: &str) -> String {
        self.wait_for(text, |s| s.contains(text))
    }

    /// The pid of the process running in the pane's shell, if any child.
    pub fn pane_pid(&self) -> u32 {
        let out = Command::new("tmux")
            .args([
                "-L",
                &self.socket,
                "display",
                "-p",
                "-t",
                "t",
                "#{pane_pid}",
            ])
            .output()
            .expect("display");
        String::from_utf8_lossy(&out.stdout)
            .trim()
            .parse()
            .expect("pid")
    }

    pub fn resize(&self, w: u16, h: u16) {
        Command::new("tmux")
            .args(["-L", &self.socket, "resize-window", "-t", "t"])
            .args(["-x", &w.to_string(), "-y", &h.to_string()])
            .status()
            .expect("resize");
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .status();
    }
}

pub fn count(db: &Path, sql: &str) -> i64 {
    let c = rusqlite::Connection::open(db).expect("open");
    c.query_row(sql, [], |r| r.get(0)).expect("query")
}

pub fn integrity(db: &Path) -> String {
    let c = rusqlite::Connection::open(db).expect("open");
    c.query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("integrity_check")
}
