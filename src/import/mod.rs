//! Importing listings from files: saved job pages (the schema.org
//! `JobPosting`s inside them, as JSON-LD, microdata or RDFa), JSON /
//! JSON-LD documents and CSV (backdesk's own columns, and the columns of
//! JobSpy, Naukri scrapes and Glassdoor exports).
//!
//! Three steps, kept apart:
//! 1. [`parse`] turns a file's bytes into [`Posting`]s. It is pure: no SQL,
//!    no catalogue. A file that does not parse is an [`ImportError`] with
//!    its path, line and column, and nothing from it goes further.
//! 2. [`Matcher::plan`] matches each posting to the catalogue (city, role,
//!    company, skills), works out its dedupe key and skips postings without
//!    a title or company, with the reason.
//! 3. `Store::upsert_imported` writes a plan in one transaction.

mod csvfile;
mod dialects;
mod experience;
mod html;
pub mod job;
mod json_pos;
mod jsonld;
mod matcher;
pub(crate) mod places;
mod posting;
pub mod report;
mod salary;
mod structured;
mod text;
mod values;

use std::collections::BTreeMap;
use std::path::Path;

use jiff::civil::Date;

use crate::catalog::{EmploymentType, Shift, WorkMode};

pub use csvfile::CSV_COLUMNS;
pub use experience::{OPEN_ENDED_MAX_YEARS, parse_experience};
pub use matcher::{FilePlan, ImportedListing, MAX_PLACES, Matcher, RoleMatch, Skipped};
pub use salary::{SalaryUnit, monthly};
pub use text::{html_to_text, markdown_to_text};

/// The kinds of file `backdesk import` reads, told apart by extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputFormat {
    /// `.html`, `.htm`: a saved page; every JSON-LD block, microdata item
    /// and RDFa resource in it that is a `JobPosting`.
    Html,
    /// `.json`, `.jsonld`: JSON-LD, or backdesk's own `search --format json`.
    Json,
    /// `.csv`: a header row naming the columns (backdesk's, JobSpy's,
    /// Naukri scrapes', Glassdoor exports').
    Csv,
}

impl InputFormat {
    /// The format a file name's extension names, if any.
    pub fn from_path(path: &Path) -> Option<InputFormat> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "html" | "htm" | "xhtml" => Some(InputFormat::Html),
            "json" | "jsonld" => Some(InputFormat::Json),
            "csv" => Some(InputFormat::Csv),
            _ => None,
        }
    }
}

/// A file that cannot be imported: where and why. Nothing from it is written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct ImportError {
    pub path: String,
    /// 1-based line and column (in characters), where known.
    pub at: Option<(u64, u64)>,
    pub message: String,
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.at {
            Some((line, col)) => write!(
                f,
                "{}: line {line}, column {col}: {}",
                self.path, self.message
            ),
            None => write!(f, "{}: {}", self.path, self.message),
        }
    }
}

impl ImportError {
    pub(crate) fn new(path: &str, at: Option<(u64, u64)>, message: impl Into<String>) -> Self {
        ImportError {
            path: path.to_string(),
            at,
            message: message.into(),
        }
    }
}

/// Where a job is, as a posting gives it (nothing matched yet).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Place {
    pub locality: Option<String>,
    pub region: Option<String>,
    pub country: Option<String>,
}

/// A salary in whole units of `currency` per month, converted from the
/// posting's period (see [`monthly`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Salary {
    pub min: Option<u32>,
    pub max: Option<u32>,
    /// ISO 4217 code, upper case (`INR`).
    pub currency: String,
}

/// One job posting as a file gives it, before any catalogue matching.
/// Text is plain (HTML stripped, entities decoded) and trimmed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Posting {
    /// 1-based number of this posting in its file.
    pub number: usize,
    /// Line in the file where the posting (CSV row, JSON-LD block) starts.
    pub line: Option<u64>,
    pub title: Option<String>,
    pub company: Option<String>,
    pub description: String,
    pub places: Vec<Place>,
    /// `jobLocationType: TELECOMMUTE`.
    pub remote: bool,
    /// Given outright (CSV, backdesk JSON); otherwise worked out when matching.
    pub work_mode: Option<WorkMode>,
    pub employment_type: Option<EmploymentType>,
    pub shift: Option<Shift>,
    /// Years (min, max).
    pub experience: Option<(u8, u8)>,
    pub salary: Option<Salary>,
    pub skills: Vec<String>,
    pub languages: Vec<String>,
    pub benefits: Vec<String>,
    pub openings: Option<u32>,
    pub posted: Option<Date>,
    /// A relative date ("3 Days Ago"), in days before the import day.
    pub posted_days_ago: Option<u32>,
    pub valid_through: Option<Date>,
    /// A catalogue role id given outright (backdesk's own exports).
    pub role_id: Option<String>,
    /// A role title given outright (CSV `role`).
    pub role: Option<String>,
    pub contact_name: String,
    pub contact_phone: String,
    pub contact_email: String,
    pub url: Option<String>,
    pub identifier: Option<String>,
    /// Values that could not be read, and what was done instead.
    pub notes: Vec<String>,
}

impl Posting {
    /// The posting with its text safe to store and draw: control
    /// characters and bidi overrides dropped (see [`crate::display::scrub`]),
    /// line breaks kept only in the description.
    pub fn scrubbed(mut self) -> Posting {
        use crate::display::scrub;
        let line = |s: &mut String| *s = scrub(s, false).trim().to_string();
        let opt = |s: &mut Option<String>| {
            if let Some(v) = s.as_mut() {
                line(v);
            }
        };
        opt(&mut self.title);
        opt(&mut self.company);
        self.description = scrub(&self.description, true);
        for p in &mut self.places {
            opt(&mut p.locality);
            opt(&mut p.region);
            opt(&mut p.country);
        }
        for v in [&mut self.skills, &mut self.languages, &mut self.benefits] {
            v.iter_mut().for_each(line);
            v.retain(|s| !s.is_empty());
        }
        opt(&mut self.role_id);
        opt(&mut self.role);
        line(&mut self.contact_name);
        line(&mut self.contact_phone);
        line(&mut self.contact_email);
        opt(&mut self.url);
        opt(&mut self.identifier);
        // a title or company of nothing but control characters is missing
        self.title = self.title.filter(|t| !t.is_empty());
        self.company = self.company.filter(|c| !c.is_empty());
        self
    }
}

/// What a file holds.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ParsedFile {
    pub postings: Vec<Posting>,
    /// Items that are not job postings, by `@type` (JSON-LD only).
    pub other_types: BTreeMap<String, usize>,
    /// CSV columns backdesk does not read.
    pub ignored_columns: Vec<String>,
}

impl ParsedFile {
    /// How many non-posting items were skipped.
    pub fn other_count(&self) -> usize {
        self.other_types.values().sum()
    }
}

/// Reads and parses one file.
pub fn read_file(path: &Path) -> Result<ParsedFile, ImportError> {
    let shown = path.display().to_string();
    let format = InputFormat::from_path(path).ok_or_else(|| {
        ImportError::new(
            &shown,
            None,
            "unknown kind of file: expected .html/.htm (a saved job page), .json/.jsonld or .csv",
        )
    })?;
    let bytes = crate::files::read_capped(path, MAX_FILE_BYTES, "an import file")
        .map_err(|e| ImportError::new(&shown, None, e.reason()))?;
    parse(&shown, format, &bytes)
}

/// The largest file `import` reads (checked by size and while reading):
/// a saved page of thousands of postings is tens of megabytes.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// Parses a file's bytes. `path` is only used in messages.
pub fn parse(path: &str, format: InputFormat, bytes: &[u8]) -> Result<ParsedFile, ImportError> {
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) || {
        // UTF-16 without its mark: every other byte of plain text is NUL
        let head = &bytes[..bytes.len().min(4096)];
        head.len() >= 4 && head.iter().filter(|&&b| b == 0).count() * 4 >= head.len()
    } {
        return Err(ImportError::new(
            path,
            None,
            "this is UTF-16 text (or not text at all); save or export the file as UTF-8 and import it again",
        ));
    }
    let text = utf8(path, bytes)?;
    // a byte order mark is not content
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut file = match format {
        InputFormat::Html => html::parse(path, text)?,
        InputFormat::Json => jsonld::parse_document(path, text)?,
        InputFormat::Csv => csvfile::parse(path, text)?,
    };
    for p in &mut file.postings {
        from_title(p);
    }
    Ok(file)
}

/// What a title says that no field did, in every format: remote or
/// hybrid ("MuleSoft Developer (Remote)", "Accounts Executive - WFH",
/// "MIS Analyst | Hybrid") and the shift ("Data Entry – Night Shift").
fn from_title(p: &mut Posting) {
    use crate::catalog::WorkMode;
    let Some(title) = p.title.as_deref() else {
        return;
    };
    if !p.remote
        && p.work_mode.is_none()
        && let Some(m @ (WorkMode::Hybrid | WorkMode::Remote)) = values::parse_work_mode(title)
    {
        p.work_mode = Some(m);
    }
    if p.shift.is_none() && title.to_lowercase().contains("shift") {
        p.shift = values::parse_shift(title);
    }
}

/// The bytes as UTF-8, or an error at the first byte that is not.
fn utf8<'a>(path: &str, bytes: &'a [u8]) -> Result<&'a str, ImportError> {
    std::str::from_utf8(bytes).map_err(|e| {
        let good = e.valid_up_to();
        let valid = std::str::from_utf8(&bytes[..good]).unwrap_or_default();
        let byte = bytes.get(good).copied().unwrap_or(0);
        ImportError::new(
            path,
            Some(line_col(valid, valid.len())),
            format!(
                "not UTF-8 text (byte 0x{byte:02X} at offset {good} is not valid UTF-8); save or export the file as UTF-8 and import it again"
            ),
        )
    })
}

/// Lines and columns of many offsets in one text. [`line_col`] counts
/// from the start of the text each time, so asking it for every record of
/// a file made imports quadratic (20,000 CSV rows: 10 s); this finds the
/// line by binary search over the line starts, and the column from the
/// previous answer when offsets come in order, as a parser meets them.
pub(crate) struct Lines<'a> {
    text: &'a str,
    starts: Vec<usize>,
    /// (offset, line index, column) of the last answer.
    last: std::cell::Cell<(usize, usize, u64)>,
}

impl<'a> Lines<'a> {
    pub(crate) fn new(text: &'a str) -> Lines<'a> {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        Lines {
            text,
            starts,
            last: std::cell::Cell::new((0, 0, 1)),
        }
    }

    /// 1-based line and character column of byte `offset`, as [`line_col`].
    pub(crate) fn line_col(&self, offset: usize) -> (u64, u64) {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let (at, last_line, col) = self.last.get();
        let col = if last_line == line && at <= offset {
            col + self.text[at..offset].chars().count() as u64
        } else {
            self.text[self.starts[line]..offset].chars().count() as u64 + 1
        };
        self.last.set((offset, line, col));
        (line as u64 + 1, col)
    }
}

/// The byte offset in `text` of a 1-based line and a column counted in
/// bytes (as serde_json counts them), clamped to the line's end.
pub(crate) fn offset_of(text: &str, line: u64, byte_col: u64) -> usize {
    let mut start = 0usize;
    for _ in 1..line {
        match text[start..].find('\n') {
            Some(i) => start += i + 1,
            None => return text.len(),
        }
    }
    let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    let col = usize::try_from(byte_col.saturating_sub(1)).unwrap_or(usize::MAX);
    (start.saturating_add(col)).min(end)
}

/// 1-based line and character column of byte `offset` in `text`.
pub(crate) fn line_col(text: &str, offset: usize) -> (u64, u64) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() as u64 + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = before[line_start..].chars().count() as u64 + 1;
    (line, col)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_by_extension() {
        assert_eq!(
            InputFormat::from_path(Path::new("a/Naukri Job.HTML")),
            Some(InputFormat::Html)
        );
        assert_eq!(
            InputFormat::from_path(Path::new("feed.jsonld")),
            Some(InputFormat::Json)
        );
        assert_eq!(
            InputFormat::from_path(Path::new("x.csv")),
            Some(InputFormat::Csv)
        );
        assert_eq!(InputFormat::from_path(Path::new("x.txt")), None);
        assert_eq!(InputFormat::from_path(Path::new("noext")), None);
    }

    #[test]
    fn invalid_utf8_names_line_and_column() {
        let e = parse("x.csv", InputFormat::Csv, b"title,company\nab\xffc,d\n").unwrap_err();
        assert_eq!(e.at, Some((2, 3)));
        assert!(e.message.contains("0xFF"), "{e}");
        assert!(
            e.to_string()
                .starts_with("x.csv: line 2, column 3: not UTF-8")
        );
    }

    #[test]
    fn byte_columns_become_character_columns() {
        // "数据" is 6 bytes, 2 characters
        let t = "{\n  \"t\": \"数据\" x}";
        let at = offset_of(t, 2, 17);
        assert_eq!(&t[at..at + 1], "x");
        assert_eq!(line_col(t, at), (2, 13));
        assert_eq!(offset_of(t, 9, 1), t.len());
    }

    #[test]
    fn line_and_column() {
        let t = "ab\ncdé\nf";
        assert_eq!(line_col(t, 0), (1, 1));
        assert_eq!(line_col(t, 3), (2, 1));
        assert_eq!(line_col(t, 7), (2, 4));
        assert_eq!(line_col(t, 100), (3, 2));
        let lines = Lines::new(t);
        // in order, out of order, inside a character: the same answers
        for off in [0, 1, 3, 5, 6, 7, 8, 9, 100, 2, 0, 6, 4] {
            assert_eq!(lines.line_col(off), line_col(t, off), "offset {off}");
        }
    }
}
