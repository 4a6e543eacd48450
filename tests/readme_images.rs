//! The README's screenshots exist, are PNG images under 150 KB, and each
//! image in docs/ is shown by the README.

use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The targets of `![alt](path)` in the README.
fn images(readme: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = readme;
    while let Some(i) = rest.find("![") {
        rest = &rest[i + 2..];
        if let Some(j) = rest.find("](")
            && let Some(k) = rest[j + 2..].find(')')
        {
            out.push(rest[j + 2..j + 2 + k].to_string());
            rest = &rest[j + 2 + k..];
        }
    }
    out
}

#[test]
fn readme_images_exist_and_are_small_pngs() {
    let readme = std::fs::read_to_string(root().join("README.md")).expect("README");
    let shown = images(&readme);
    for tab in ["listings", "roles", "salaries", "tracker"] {
        let want = format!("docs/{tab}.png");
        assert!(
            shown.contains(&want),
            "the README shows no {want}: {shown:?}"
        );
    }
    for path in &shown {
        let bytes = std::fs::read(root().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"));
        assert!(
            bytes.starts_with(b"\x89PNG\r\n\x1a\n"),
            "{path} is not a PNG"
        );
        assert!(bytes.len() < 150 * 1024, "{path} is {} bytes", bytes.len());
    }
    // and no image in docs/ goes unshown
    for entry in std::fs::read_dir(root().join("docs")).expect("docs/") {
        let name = entry
            .expect("entry")
            .file_name()
            .to_string_lossy()
            .into_owned();
        if name.ends_with(".png") {
            let path = format!("docs/{name}");
            assert!(shown.contains(&path), "{path} is not in the README");
        }
    }
}
