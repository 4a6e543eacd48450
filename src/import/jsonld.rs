//! JSON and JSON-LD: schema.org `JobPosting`s (alone, in an array, in an
//! `@graph`, nested `@graph`s, in an `ItemList`) and backdesk's own
//! `search --format json` output. Other `@type`s are counted.

use std::collections::HashMap;

use serde_json::{Map, Value};

use super::json_pos::{Seg, object_starts};
use super::posting::{job_posting, number};
use super::salary::normalise_currency;
use super::values::{parse_date, parse_employment, parse_shift, parse_work_mode, split_list};
use super::{ImportError, ParsedFile, Place, Posting, Salary, line_col, offset_of};

/// Keys whose values may hold more items (containers, not properties).
const CONTAINERS: &[&str] = &["@graph", "itemListElement", "item", "mainEntity", "hasPart"];

/// Parses a whole `.json` / `.jsonld` file.
pub fn parse_document(path: &str, text: &str) -> Result<ParsedFile, ImportError> {
    let value = parse_json(path, text, 0, text, "")?;
    let mut out = ParsedFile::default();
    let lines = super::Lines::new(text);
    collect(&value, &mut out, &PostingLines::of(&lines, 0, text));
    Ok(out)
}

/// Where the objects of one JSON text are in their file, for the line a
/// posting starts on.
pub(super) struct PostingLines<'a> {
    file: &'a super::Lines<'a>,
    /// Where the JSON text starts in the file (a JSON-LD block in a page).
    base: usize,
    starts: HashMap<Vec<Seg>, usize>,
}

impl<'a> PostingLines<'a> {
    pub(super) fn of(file: &'a super::Lines<'a>, base: usize, json: &str) -> PostingLines<'a> {
        PostingLines {
            file,
            base,
            starts: object_starts(json),
        }
    }

    fn line(&self, path: &[Seg]) -> Option<u64> {
        let at = self.starts.get(path)?;
        Some(self.file.line_col(self.base + at).0)
    }
}

/// Parses JSON text `json`, which starts at byte `base` of `file` (a
/// JSON-LD block inside a page, or the whole file), so errors point into
/// the file, with the column in characters.
pub(super) fn parse_json(
    path: &str,
    file: &str,
    base: usize,
    json: &str,
    what: &str,
) -> Result<Value, ImportError> {
    serde_json::from_str(json).map_err(|e| {
        // serde_json counts columns in bytes
        let at = base + offset_of(json, e.line() as u64, (e.column() as u64).max(1));
        ImportError::new(
            path,
            Some(line_col(file, at)),
            format!("{what}{}", describe(&e)),
        )
    })
}

/// serde_json's message without its position (we give our own), and what
/// it means for the user.
fn describe(e: &serde_json::Error) -> String {
    let msg = e.to_string();
    let msg = match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_string(),
        None => msg,
    };
    match e.classify() {
        serde_json::error::Category::Eof => format!(
            "the JSON ends too soon ({msg}): the file looks cut off; expected the rest of the document"
        ),
        _ => format!("not valid JSON: {msg}"),
    }
}

/// The `@type`s of an object, without their vocabulary prefix
/// (`schema:JobPosting`, `https://schema.org/JobPosting` → `JobPosting`).
pub(super) fn types_of(map: &Map<String, Value>) -> Vec<String> {
    let short = |s: &str| {
        s.rsplit(['/', ':', '#'])
            .next()
            .unwrap_or(s)
            .trim()
            .to_string()
    };
    match map.get("@type") {
        Some(Value::String(s)) => vec![short(s)],
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).map(short).collect(),
        _ => Vec::new(),
    }
}

/// Walks a JSON value, adding every job posting to `out`.
pub(super) fn collect(v: &Value, out: &mut ParsedFile, lines: &PostingLines<'_>) {
    walk(v, out, lines, &mut Vec::new(), true);
}

/// `count`: whether an item that is not a posting is counted as skipped
/// (top-level items and `@graph` members are; values nested in other
/// items, like a breadcrumb's entries, are not).
fn walk(
    v: &Value,
    out: &mut ParsedFile,
    lines: &PostingLines<'_>,
    path: &mut Vec<Seg>,
    count: bool,
) {
    match v {
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                path.push(Seg::Index(i));
                walk(item, out, lines, path, count);
                path.pop();
            }
        }
        Value::Object(map) => {
            let types = types_of(map);
            let number = out.postings.len() + 1;
            if types.iter().any(|t| t.eq_ignore_ascii_case("JobPosting")) {
                out.postings
                    .push(job_posting(map, number, lines.line(path)));
                return;
            }
            if types.is_empty() && is_backdesk_listing(map) {
                out.postings
                    .push(backdesk_listing(map, number, lines.line(path)));
                return;
            }
            let before = out.postings.len();
            let mut container = false;
            for key in CONTAINERS {
                if let Some(inner) = map.get(*key) {
                    container = true;
                    path.push(Seg::Key((*key).to_string()));
                    walk(inner, out, lines, path, count && *key == "@graph");
                    path.pop();
                }
            }
            if count && out.postings.len() == before {
                let name = if types.is_empty() {
                    if container {
                        return;
                    }
                    "(no @type)".to_string()
                } else {
                    types.join("/")
                };
                *out.other_types.entry(name).or_default() += 1;
            }
        }
        _ if count => *out.other_types.entry("(not an object)".into()).or_default() += 1,
        _ => {}
    }
}

/// An object of backdesk's `search --format json`: no `@type`, a title
/// and a company.
fn is_backdesk_listing(map: &Map<String, Value>) -> bool {
    map.get("title").is_some_and(Value::is_string)
        && map.get("company").is_some_and(Value::is_string)
}

/// An object of backdesk's own JSON export. Text is taken as it is
/// (it is plain already); salaries are monthly.
fn backdesk_listing(map: &Map<String, Value>, number_in_file: usize, line: Option<u64>) -> Posting {
    let s = |k: &str| text_field(map, k);
    let list = |k: &str| list_field(map, k);
    let int = |k: &str| map.get(k).and_then(|v| number(Some(v)));
    let mut p = Posting {
        number: number_in_file,
        line,
        title: s("title"),
        company: s("company"),
        description: s("description").unwrap_or_default(),
        ..Posting::default()
    };
    if s("city").is_some() || s("state").is_some() {
        p.places.push(Place {
            locality: s("city"),
            region: s("state"),
            country: None,
        });
    }
    p.work_mode = s("work_mode").as_deref().and_then(parse_work_mode);
    p.employment_type = s("employment_type").as_deref().and_then(parse_employment);
    p.shift = s("shift").as_deref().and_then(parse_shift);
    p.experience = experience_of(map);
    p.salary = salary_of(map);
    p.skills = list("skills");
    p.languages = list("languages");
    p.benefits = list("benefits");
    p.openings = int("openings")
        .filter(|n| *n >= 0.0 && *n <= f64::from(u32::MAX))
        .map(|n| n as u32);
    if let Some(d) = s("posted") {
        p.posted = parse_date(&d);
        if p.posted.is_none() {
            p.notes
                .push(format!("posted '{d}' is not a date; left out"));
        }
    }
    p.valid_through = s("valid_through").and_then(|d| parse_date(&d));
    p.role_id = s("role_id");
    p.role = s("role");
    p.contact_name = s("contact_name").unwrap_or_default();
    p.contact_phone = s("contact_phone").unwrap_or_default();
    p.contact_email = s("contact_email").unwrap_or_default();
    p.url = s("apply_url").or_else(|| s("url"));
    p.identifier = s("identifier").or_else(|| s("id"));
    p
}

/// A text field of an object of backdesk's export (a number as written).
fn text_field(map: &Map<String, Value>, k: &str) -> Option<String> {
    match map.get(k) {
        Some(Value::String(s)) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => None,
    }
}

/// A list field: an array of texts, or a text separated by `;`.
fn list_field(map: &Map<String, Value>, k: &str) -> Vec<String> {
    match map.get(k) {
        Some(Value::Array(a)) => a
            .iter()
            .filter_map(Value::as_str)
            .map(|x| x.trim().to_string())
            .filter(|x| !x.is_empty())
            .collect(),
        Some(Value::String(t)) => split_list(t, &[';']),
        _ => Vec::new(),
    }
}

/// `experience_min` / `experience_max`, in years (one alone: open-ended
/// or from 0).
fn experience_of(map: &Map<String, Value>) -> Option<(u8, u8)> {
    let years = |k: &str| {
        map.get(k)
            .and_then(|v| number(Some(v)))
            .map(|n| n.clamp(0.0, 60.0) as u8)
    };
    match (years("experience_min"), years("experience_max")) {
        (Some(a), Some(b)) => Some((a.min(b), a.max(b))),
        (Some(a), None) => Some((a, super::OPEN_ENDED_MAX_YEARS)),
        (None, Some(b)) => Some((0, b)),
        (None, None) => None,
    }
}

/// `salary_min` / `salary_max` a month in `currency` (INR unless given).
fn salary_of(map: &Map<String, Value>) -> Option<Salary> {
    let rupees = |k: &str| {
        map.get(k)
            .and_then(|v| number(Some(v)))
            .filter(|n| *n >= 0.0 && *n <= f64::from(u32::MAX))
            .map(|n| n as u32)
    };
    let (lo, hi) = (rupees("salary_min"), rupees("salary_max"));
    (lo.is_some() || hi.is_some()).then(|| Salary {
        min: lo,
        max: hi,
        currency: text_field(map, "currency")
            .and_then(|c| normalise_currency(&c))
            .unwrap_or_else(|| "INR".into()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(json: &str) -> ParsedFile {
        parse_document("t.json", json).expect("parses")
    }

    #[test]
    fn single_array_and_graph() {
        let one = r#"{"@context":"https://schema.org","@type":"JobPosting","title":"A","hiringOrganization":{"name":"X"}}"#;
        assert_eq!(doc(one).postings.len(), 1);
        let arr = format!("[{one},{one}]");
        assert_eq!(doc(&arr).postings.len(), 2);
        let graph = format!(
            r#"{{"@context":"https://schema.org","@graph":[{one},{{"@type":"Organization","name":"X"}},{{"@graph":[{one},{{"@type":"BreadcrumbList"}}]}}]}}"#
        );
        let f = doc(&graph);
        assert_eq!(f.postings.len(), 2);
        assert_eq!(f.other_types.get("Organization"), Some(&1));
        assert_eq!(f.other_types.get("BreadcrumbList"), Some(&1));
        assert_eq!(f.postings[1].number, 2);
    }

    #[test]
    fn item_lists_and_prefixed_types() {
        let json = r#"{"@type":"ItemList","itemListElement":[
            {"@type":"ListItem","position":1,"item":{"@type":"schema:JobPosting","title":"A"}},
            {"@type":"ListItem","position":2,"item":{"@type":["http://schema.org/JobPosting"],"title":"B"}}]}"#;
        let f = doc(json);
        assert_eq!(f.postings.len(), 2);
        assert_eq!(f.other_count(), 0);
    }

    #[test]
    fn errors_point_into_the_file() {
        let e = parse_document("t.json", "{\n  \"title\": \"A\",\n  \"x\": [1, 2\n").unwrap_err();
        assert_eq!(e.at.map(|a| a.0), Some(4));
        assert!(e.message.contains("cut off"), "{e}");
        let e = parse_document("t.json", "{\"a\": 1,}").unwrap_err();
        assert_eq!(e.at, Some((1, 9)));
        assert!(e.message.contains("trailing comma"), "{e}");
        // columns count characters, not bytes: 4 Chinese characters (12
        // bytes) before the error put it at column 18, not 26
        let e = parse_document("t.json", "{\"title\": \"会计助理\" \"x\"}").unwrap_err();
        assert_eq!(e.at, Some((1, 18)), "{e}");
    }

    #[test]
    fn postings_in_json_documents_know_their_line() {
        let f = doc(
            "[\n  {\"@type\": \"JobPosting\", \"title\": \"A\"},\n  {\"@graph\": [\n    {\"@type\": \"Organization\"},\n    {\"@type\": \"JobPosting\", \"title\": \"B\"}\n  ]}\n]",
        );
        let lines: Vec<Option<u64>> = f.postings.iter().map(|p| p.line).collect();
        assert_eq!(lines, [Some(2), Some(5)]);
    }
}
