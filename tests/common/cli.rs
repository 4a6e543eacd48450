//! Running the command line with a home of its own.

use std::path::Path;

use assert_cmd::Command;

/// `backdesk` with a clean environment: HOME and the XDG folders under
/// `home`, and `COLUMNS` set so tables lay out the same everywhere.
pub fn backdesk_at_home(home: &Path, columns: &str) -> Command {
    let mut c = Command::cargo_bin("backdesk").expect("bin");
    c.env_clear()
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join(".config"))
        .env("XDG_DATA_HOME", home.join(".local/share"))
        .env("COLUMNS", columns);
    c
}

/// The standard output of a command that must succeed.
pub fn out(c: &mut Command) -> String {
    String::from_utf8(c.assert().success().get_output().stdout.clone()).expect("utf8")
}
