//! The module graph points down: the lower layers never import a front-end
//! (tui, cli), and the leaf helpers import nothing above them. Read from
//! the source, so a new `use crate::tui` in the store fails here.

use std::path::{Path, PathBuf};

fn rust_files(p: &Path) -> Vec<PathBuf> {
    if p.is_file() {
        return vec![p.to_path_buf()];
    }
    let mut out = Vec::new();
    let mut dirs = vec![p.to_path_buf()];
    while let Some(d) = dirs.pop() {
        for e in std::fs::read_dir(&d).expect("read_dir").flatten() {
            let path = e.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|x| x == "rs") {
                out.push(path);
            }
        }
    }
    out
}

/// The crate modules a layer's source names (`crate::x` anywhere in
/// code, `super::super::x` climbing out of it), outside tests.
fn imports(module: &str) -> Vec<(String, String)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let dir = src.join(module);
    let file = src.join(format!("{module}.rs"));
    let root = if dir.is_dir() { dir } else { file };
    assert!(root.exists(), "no module {module}");
    let mut out = Vec::new();
    for f in rust_files(&root) {
        let text = std::fs::read_to_string(&f).expect("read");
        // unit tests may reach for anything
        let code = text.split("#[cfg(test)]").next().unwrap_or("");
        for (n, line) in code.lines().enumerate() {
            let line = line.split("//").next().unwrap_or("");
            let mut rest = line;
            while let Some(i) = rest.find("crate::") {
                let after = &rest[i + 7..];
                let name: String = after
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                out.push((name, format!("{}:{}", f.display(), n + 1)));
                rest = after;
            }
        }
    }
    out
}

fn forbid(module: &str, above: &[&str]) {
    let bad: Vec<String> = imports(module)
        .into_iter()
        .filter(|(m, _)| above.contains(&m.as_str()))
        .map(|(m, at)| format!("{at}: {module} imports {m}"))
        .collect();
    assert!(
        bad.is_empty(),
        "lower layers must not import higher ones:\n{}",
        bad.join("\n")
    );
}

#[test]
fn lower_layers_never_import_the_front_ends() {
    for m in [
        "config", "catalog", "store", "search", "import", "tracker", "fit", "session", "keys",
        "display", "money", "files",
    ] {
        forbid(m, &["tui", "cli"]);
    }
}

#[test]
fn the_tui_never_imports_the_cli() {
    // the two front-ends share use-cases through the library (the import
    // report, saved-search counts), never through each other
    forbid("tui", &["cli"]);
}

#[test]
fn leaf_helpers_import_only_leaves() {
    let above = [
        "tui", "cli", "session", "search", "import", "store", "tracker", "fit", "config", "catalog",
    ];
    for m in ["keys", "display", "money", "files"] {
        forbid(m, &above);
    }
}

#[test]
fn no_cycles_through_the_config() {
    // config sits below search and fit (search -> fit -> config -> search
    // was a cycle while the default sort order lived in search)
    forbid(
        "config",
        &["search", "fit", "store", "import", "session", "tracker"],
    );
    forbid(
        "catalog",
        &[
            "search", "fit", "store", "import", "session", "config", "tracker",
        ],
    );
}

#[test]
fn the_check_sees_an_import() {
    // the reader finds what it is meant to: the TUI does import the store
    assert!(imports("tui").iter().any(|(m, _)| m == "store"));
    assert!(imports("config").iter().any(|(m, _)| m == "keys"));
}
