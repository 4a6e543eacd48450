//! The config file: typed, with defaults for everything, read from the
//! platform config directory (or `--config` / `BACKDESK_CONFIG`). A
//! missing file means defaults; a malformed one is an error naming the
//! file, line and column; unknown keys are reported as warnings.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::catalog::Sort;
use crate::catalog::WorkMode;
use crate::keys::Command;
pub use crate::keys::KeySpec;
use crate::money::{Period, Rupees, parse_salary};

/// The whole config file.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Config {
    pub profile: Profile,
    pub display: Display,
    pub theme: Theme,
    /// Key bindings: command → key or keys ("ctrl-f", ["/", "ctrl-f"]),
    /// typed as they are read (a bad name or key is an error naming it).
    pub keys: BTreeMap<Command, KeySpec>,
}

/// Who is looking: used for distances, defaults and (later) fit scores.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Profile {
    pub home_city: Option<String>,
    pub experience_years: Option<u8>,
    pub skills: Vec<String>,
    /// Monthly rupees; "18000", "₹18,000" or "4.5 LPA" also accepted.
    pub expected_salary: Option<SalarySpec>,
    pub work_modes: Vec<WorkMode>,
    pub languages: Vec<String>,
    pub relocate_km: Option<u32>,
}

/// How things are shown.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Display {
    /// "monthly" (₹18,000) or "annual" (2.2 LPA).
    pub salary: Period,
    /// relevance | salary | date | distance
    pub sort: Sort,
}

impl Default for Display {
    fn default() -> Self {
        Display {
            salary: Period::Monthly,
            sort: Sort::Relevance,
        }
    }
}

/// The built-in themes `[theme] name` chooses from.
pub const THEME_NAMES: [&str; 3] = ["dark", "light", "high-contrast"];

/// A built-in theme by name, and colours over it: names ("cyan",
/// "lightblue"), hex ("#ff8800") or 0-255.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Theme {
    /// One of [`THEME_NAMES`].
    pub name: String,
    pub accent: String,
    pub highlight: String,
    pub selection: String,
    pub muted: String,
    pub good: String,
    pub warn: String,
    pub bad: String,
}

impl Default for Theme {
    fn default() -> Self {
        // ANSI colours, so a light or dark terminal palette maps them sensibly
        Theme {
            name: "dark".into(),
            accent: "cyan".into(),
            highlight: "yellow".into(),
            selection: "blue".into(),
            muted: "darkgray".into(),
            good: "green".into(),
            warn: "yellow".into(),
            bad: "red".into(),
        }
    }
}

/// A salary written as a number of rupees a month or as text ("4.5 LPA").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum SalarySpec {
    Monthly(u32),
    Text(String),
}

impl SalarySpec {
    pub fn rupees(&self) -> Result<Rupees, crate::money::ParseSalaryError> {
        match self {
            SalarySpec::Monthly(n) => Ok(Rupees(*n)),
            SalarySpec::Text(s) => parse_salary(s),
        }
    }
}

/// The largest config file read: a real one is a few kilobytes.
pub const MAX_CONFIG_BYTES: u64 = 1024 * 1024;

/// A config file that could not be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{path}: {message}")]
    Invalid { path: String, message: String },
    #[error("{path}: cannot read: {error}")]
    Read { path: String, error: std::io::Error },
    #[error("{path}: cannot write: {error}")]
    Write { path: String, error: std::io::Error },
}

/// A loaded config and what was odd about it.
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    pub config: Config,
    /// The file read, if any.
    pub path: Option<PathBuf>,
    pub warnings: Vec<String>,
}

impl Config {
    /// Parses config text. Unknown keys become warnings; bad values errors.
    pub fn parse(text: &str, path: &str) -> Result<(Config, Vec<String>), ConfigError> {
        let de = toml::Deserializer::parse(text).map_err(|e| ConfigError::Invalid {
            path: path.to_string(),
            message: e.to_string().trim_end().to_string(),
        })?;
        let mut unknown = Vec::new();
        let config: Config = serde_ignored::deserialize(de, |p| unknown.push(p.to_string()))
            .map_err(|e| ConfigError::Invalid {
                path: path.to_string(),
                message: e.to_string().trim_end().to_string(),
            })?;
        let mut warnings: Vec<String> = unknown
            .into_iter()
            .map(|k| format!("{path}: unknown key '{k}' ignored (see config.example.toml)"))
            .collect();
        config.validate(path, &mut warnings)?;
        Ok((config, warnings))
    }

    /// Checks values serde cannot: ranges, salaries, colours.
    fn validate(&self, path: &str, warnings: &mut Vec<String>) -> Result<(), ConfigError> {
        let invalid = |message: String| ConfigError::Invalid {
            path: path.to_string(),
            message,
        };
        if let Some(y) = self.profile.experience_years
            && y > 50
        {
            return Err(invalid(format!(
                "profile.experience_years = {y} is out of range (0-50)"
            )));
        }
        if let Some(s) = &self.profile.expected_salary {
            let r = s
                .rupees()
                .map_err(|e| invalid(format!("profile.expected_salary: {e}")))?;
            if r.0 > 10_00_000 {
                warnings.push(format!(
                    "{path}: profile.expected_salary {} a month looks too high; salaries here are monthly rupees",
                    r.display()
                ));
            }
        }
        if let Some(km) = self.profile.relocate_km
            && km > 5_000
        {
            return Err(invalid(format!(
                "profile.relocate_km = {km} is out of range (0-5000)"
            )));
        }
        for (c, spec) in &self.keys {
            if c.kind() == crate::keys::Kind::Edit
                && let Some(k) = spec.keys().into_iter().find(|k| k.is_text())
            {
                return Err(invalid(format!(
                    "keys.{} = '{k}': that key is typed as text in a box; an editing key needs ctrl, alt or a function key",
                    c.name()
                )));
            }
        }
        if !THEME_NAMES.contains(&self.theme.name.as_str()) {
            return Err(invalid(format!(
                "theme.name = '{}' is not a theme (one of: {})",
                self.theme.name,
                THEME_NAMES.join(", ")
            )));
        }
        for (name, value) in self.theme.entries() {
            if value.parse::<ratatui::style::Color>().is_err() {
                return Err(invalid(format!(
                    "theme.{name} = '{value}' is not a colour (a name like \"cyan\", \"#ff8800\" or 0-255)"
                )));
            }
        }
        Ok(())
    }

    /// Reads the config at `path`. When `required` is false a missing file
    /// means defaults. Only a regular file of at most [`MAX_CONFIG_BYTES`]
    /// is read (a FIFO or a device is refused, not waited on).
    pub fn load(path: &Path, required: bool) -> Result<Loaded, ConfigError> {
        use crate::files::{FileError, read_capped};
        let shown = path.display().to_string();
        let bytes = match read_capped(path, MAX_CONFIG_BYTES, "a config file") {
            Ok(b) => b,
            Err(FileError::Io { error, .. })
                if error.kind() == std::io::ErrorKind::NotFound && !required =>
            {
                return Ok(Loaded::default());
            }
            Err(FileError::Io { error, .. }) => {
                return Err(ConfigError::Read { path: shown, error });
            }
            Err(other) => {
                return Err(ConfigError::Invalid {
                    path: shown,
                    message: other.reason(),
                });
            }
        };
        let text = String::from_utf8(bytes).map_err(|e| ConfigError::Invalid {
            path: shown.clone(),
            message: format!("not UTF-8 text (byte {})", e.utf8_error().valid_up_to()),
        })?;
        let (config, warnings) = Config::parse(&text, &shown)?;
        Ok(Loaded {
            config,
            path: Some(path.to_path_buf()),
            warnings,
        })
    }
}

impl Theme {
    pub fn entries(&self) -> [(&'static str, &str); 7] {
        [
            ("accent", &self.accent),
            ("highlight", &self.highlight),
            ("selection", &self.selection),
            ("muted", &self.muted),
            ("good", &self.good),
            ("warn", &self.warn),
            ("bad", &self.bad),
        ]
    }
}

/// Writes `profile` into the config file at `path`, keeping everything
/// else in it (other tables, comments) as it was. The file is replaced in
/// one step (a temporary file renamed over it), so a failure leaves the old
/// one whole.
pub fn write_profile(path: &Path, profile: &Profile) -> Result<(), ConfigError> {
    let shown = path.display().to_string();
    let text = match Config::load(path, true) {
        Ok(_) => std::fs::read_to_string(path).map_err(|e| ConfigError::Read {
            path: shown.clone(),
            error: e,
        })?,
        Err(ConfigError::Read { error, .. }) if error.kind() == std::io::ErrorKind::NotFound => {
            String::new()
        }
        Err(e) => return Err(e),
    };
    let text = with_profile(&text, &shown, profile)?;
    let io = |e: std::io::Error| ConfigError::Write {
        path: shown.clone(),
        error: e,
    };
    // a symlinked config (dotfiles kept in a repository) stays a symlink
    let target = crate::files::write_target(path);
    if let Some(dir) = target.parent()
        && !dir.as_os_str().is_empty()
    {
        std::fs::create_dir_all(dir).map_err(io)?;
    }
    crate::files::write_atomic(path, text.as_bytes(), &[]).map_err(|e| match e {
        crate::files::FileError::Io { error, .. } => io(error),
        other => io(std::io::Error::other(other.to_string())),
    })
}

/// The config text `text` (of the file `path`, for errors) with its
/// `[profile]` table set to `profile`; everything else is kept as it was.
pub fn with_profile(text: &str, path: &str, profile: &Profile) -> Result<String, ConfigError> {
    use toml_edit::{Array, DocumentMut, Item, Table, value};
    let mut doc: DocumentMut =
        text.parse()
            .map_err(|e: toml_edit::TomlError| ConfigError::Invalid {
                path: path.to_string(),
                message: e.to_string().trim_end().to_string(),
            })?;
    if !doc.contains_table("profile") {
        doc["profile"] = Item::Table(Table::new());
    }
    let t = &mut doc["profile"];
    let strings = |v: &[String]| {
        let mut a = Array::new();
        for s in v {
            a.push(s.as_str());
        }
        value(a)
    };
    match &profile.home_city {
        Some(c) => t["home_city"] = value(c.as_str()),
        None => t["home_city"] = Item::None,
    }
    match profile.experience_years {
        Some(y) => t["experience_years"] = value(i64::from(y)),
        None => t["experience_years"] = Item::None,
    }
    t["skills"] = strings(&profile.skills);
    match &profile.expected_salary {
        Some(SalarySpec::Monthly(n)) => t["expected_salary"] = value(i64::from(*n)),
        Some(SalarySpec::Text(s)) => t["expected_salary"] = value(s.as_str()),
        None => t["expected_salary"] = Item::None,
    }
    let modes: Vec<String> = profile
        .work_modes
        .iter()
        .map(|m| m.id().to_string())
        .collect();
    t["work_modes"] = strings(&modes);
    t["languages"] = strings(&profile.languages);
    match profile.relocate_km {
        Some(k) => t["relocate_km"] = value(i64::from(k)),
        None => t["relocate_km"] = Item::None,
    }
    Ok(doc.to_string())
}

/// Where backdesk keeps its files by default.
pub struct Dirs {
    pub data: PathBuf,
    pub config: PathBuf,
}

impl Dirs {
    /// The platform directories (XDG on Linux, Application Support on macOS,
    /// AppData on Windows); `None` when no home directory is known.
    pub fn platform() -> Option<Dirs> {
        let p = directories::ProjectDirs::from("", "", "backdesk")?;
        Some(Dirs {
            data: p.data_dir().to_path_buf(),
            config: p.config_dir().to_path_buf(),
        })
    }

    pub fn database(&self) -> PathBuf {
        self.data.join("backdesk.db")
    }

    pub fn config_file(&self) -> PathBuf {
        self.config.join("config.toml")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_config_is_defaults() {
        let (c, w) = Config::parse("", "x.toml").expect("parse");
        assert_eq!(c, Config::default());
        assert!(w.is_empty());
    }

    #[test]
    fn example_config_parses_without_warnings() {
        let text = include_str!("../config.example.toml");
        let (c, w) = Config::parse(text, "config.example.toml").expect("parse");
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(c.display.sort, Sort::Relevance);
    }

    #[test]
    fn malformed_toml_names_file_line_and_column() {
        let err = Config::parse("[profile]\nhome_city = Pune\n", "/tmp/c.toml").unwrap_err();
        let msg = err.to_string();
        assert!(msg.starts_with("/tmp/c.toml: "), "{msg}");
        assert!(msg.contains("line 2, column 13"), "{msg}");
    }

    #[test]
    fn wrong_types_are_errors() {
        let err = Config::parse("[profile]\nexperience_years = \"two\"\n", "c.toml").unwrap_err();
        assert!(
            err.to_string().contains("experience_years") || err.to_string().contains("line 2"),
            "{err}"
        );
    }

    #[test]
    fn unknown_keys_are_warnings() {
        let (_, w) =
            Config::parse("[profile]\nhome_town = \"Pune\"\n[colours]\n", "c.toml").expect("parse");
        assert_eq!(w.len(), 2, "{w:?}");
        assert!(w.iter().any(|m| m.contains("profile.home_town")), "{w:?}");
        assert!(w.iter().any(|m| m.contains("'colours'")), "{w:?}");
    }

    #[test]
    fn out_of_range_values_are_errors() {
        assert!(Config::parse("[profile]\nexperience_years = 99\n", "c").is_err());
        assert!(Config::parse("[profile]\nexpected_salary = \"lots\"\n", "c").is_err());
        assert!(Config::parse("[theme]\naccent = \"not-a-colour\"\n", "c").is_err());
        let e = Config::parse("[theme]\nname = \"solarized\"\n", "c").expect_err("no such theme");
        assert!(e.to_string().contains("solarized"), "{e}");
        for name in THEME_NAMES {
            let (c, _) = Config::parse(&format!("[theme]\nname = \"{name}\"\n"), "c").expect(name);
            assert_eq!(c.theme.name, name);
        }
        assert!(Config::parse("[profile]\nexperience_years = -1\n", "c").is_err());
    }

    #[test]
    fn bad_key_bindings_are_errors() {
        let err = Config::parse("[keys]\nquit = \"hyper-q\"\n", "c.toml").unwrap_err();
        let msg = err.to_string();
        assert!(
            msg.contains("line 2") && msg.contains("'hyper-q' is not a key"),
            "{msg}"
        );
        assert!(Config::parse("[keys]\nquit = [\"q\", \"ctrl-q\"]\n", "c.toml").is_ok());
        let err = Config::parse("[keys]\nquitt = \"q\"\n", "c.toml").unwrap_err();
        assert!(err.to_string().contains("did you mean quit"), "{err}");
        let err = Config::parse("[keys]\ncursor-left = \"x\"\n", "c.toml").unwrap_err();
        assert!(err.to_string().contains("keys.cursor-left"), "{err}");
        let (c, _) = Config::parse("[keys]\npalette = \"alt-p\"\n", "c.toml").expect("valid");
        assert_eq!(
            c.keys.get(&Command::Palette),
            Some(&KeySpec::One("alt-p".parse().expect("key")))
        );
    }

    #[test]
    fn writing_the_profile_keeps_the_rest_of_the_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("config.toml");
        std::fs::write(&path, "# my settings\n[display]\nsort = \"salary\" # I like pay\n\n[profile]\nhome_city = \"Mumbai\"\n").expect("write");
        let p = Profile {
            home_city: Some("Pune".into()),
            experience_years: Some(2),
            skills: vec!["Excel".into(), "Tally".into()],
            expected_salary: Some(SalarySpec::Monthly(20_000)),
            work_modes: vec![WorkMode::Hybrid],
            languages: vec!["Marathi".into()],
            relocate_km: None,
        };
        write_profile(&path, &p).expect("written");
        let text = std::fs::read_to_string(&path).expect("read");
        assert!(
            text.contains("# my settings") && text.contains("# I like pay"),
            "{text}"
        );
        let loaded = Config::load(&path, true).expect("loads");
        assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
        assert_eq!(loaded.config.profile, p);
        assert_eq!(loaded.config.display.sort, Sort::Salary);
        // a fresh file in a new folder
        let other = dir.path().join("new/config.toml");
        write_profile(&other, &p).expect("created");
        assert_eq!(Config::load(&other, true).expect("loads").config.profile, p);
    }

    #[test]
    fn salary_may_be_text() {
        let (c, _) =
            Config::parse("[profile]\nexpected_salary = \"4.5 LPA\"\n", "c").expect("parse");
        assert_eq!(
            c.profile.expected_salary.map(|s| s.rupees().ok()),
            Some(Some(Rupees(37_500)))
        );
    }
}
