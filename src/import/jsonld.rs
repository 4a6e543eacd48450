//! JSON and JSON-LD: schema.org `JobPosting`s (alone, in an array, in an
//! `@graph`, nested `@graph`s, in an `ItemList`) and backdesk's own
//! `search --format json` output. Other `@type`s are counted.

use serde_json::{Map, Value};

use super::experience::{from_months, parse_experience};
use super::salary::{SalaryUnit, guess_unit, monthly, normalise_currency, parse_amount};
use super::text::{clean_field, html_to_text};
use super::values::{
    parse_date, parse_employment, parse_shift, parse_work_mode, push_unique, split_list,
};
use super::{ImportError, ParsedFile, Place, Posting, Salary};

/// Keys whose values may hold more items (containers, not properties).
const CONTAINERS: &[&str] = &["@graph", "itemListElement", "item", "mainEntity", "hasPart"];

/// Parses a whole `.json` / `.jsonld` file.
pub fn parse_document(path: &str, text: &str) -> Result<ParsedFile, ImportError> {
    let value = parse_json(path, text, None, "")?;
    let mut out = ParsedFile::default();
    collect(&value, &mut out, None);
    Ok(out)
}

/// Parses JSON text. `base` is where the text starts in its file (for
/// JSON-LD blocks inside a page), so errors point into the file.
pub(super) fn parse_json(
    path: &str,
    text: &str,
    base: Option<(u64, u64)>,
    what: &str,
) -> Result<Value, ImportError> {
    serde_json::from_str(text).map_err(|e| {
        let (line, col) = (e.line() as u64, (e.column() as u64).max(1));
        let at = match base {
            None => (line, col),
            Some((bl, bc)) if line <= 1 => (bl, bc + col - 1),
            Some((bl, _)) => (bl + line - 1, col),
        };
        ImportError::new(path, Some(at), format!("{what}{}", describe(&e)))
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
fn types_of(map: &Map<String, Value>) -> Vec<String> {
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
pub(super) fn collect(v: &Value, out: &mut ParsedFile, line: Option<u64>) {
    walk(v, out, line, true);
}

/// `count`: whether an item that is not a posting is counted as skipped
/// (top-level items and `@graph` members are; values nested in other
/// items, like a breadcrumb's entries, are not).
fn walk(v: &Value, out: &mut ParsedFile, line: Option<u64>, count: bool) {
    match v {
        Value::Array(items) => {
            for item in items {
                walk(item, out, line, count);
            }
        }
        Value::Object(map) => {
            let types = types_of(map);
            if types.iter().any(|t| t.eq_ignore_ascii_case("JobPosting")) {
                let number = out.postings.len() + 1;
                out.postings.push(job_posting(map, number, line));
                return;
            }
            if types.is_empty() && is_backdesk_listing(map) {
                let number = out.postings.len() + 1;
                out.postings.push(backdesk_listing(map, number, line));
                return;
            }
            let before = out.postings.len();
            let mut container = false;
            for key in CONTAINERS {
                if let Some(inner) = map.get(*key) {
                    container = true;
                    walk(inner, out, line, count && *key == "@graph");
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

/// The text of a value: a string (entities decoded, spaces collapsed), a
/// number, or an object's `name` / `@value` / `value`, or an array's first
/// such. `None` when empty.
fn text(v: Option<&Value>) -> Option<String> {
    let s = match v? {
        Value::String(s) => clean_field(s),
        Value::Number(n) => n.to_string(),
        Value::Object(m) => {
            return ["name", "@value", "value"]
                .iter()
                .find_map(|k| text(m.get(*k)));
        }
        Value::Array(a) => return a.iter().find_map(|x| text(Some(x))),
        _ => return None,
    };
    (!s.is_empty()).then_some(s)
}

/// Every text of a value that may be one or many.
fn texts(v: Option<&Value>) -> Vec<String> {
    match v {
        Some(Value::Array(a)) => a.iter().filter_map(|x| text(Some(x))).collect(),
        other => text(other).into_iter().collect(),
    }
}

/// A number from a JSON number or a string like "25,000".
fn number(v: Option<&Value>) -> Option<f64> {
    match v? {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => parse_amount(s),
        Value::Array(a) => a.iter().find_map(|x| number(Some(x))),
        Value::Object(m) => number(m.get("value").or_else(|| m.get("@value"))),
        _ => None,
    }
}

fn job_posting(map: &Map<String, Value>, number_in_file: usize, line: Option<u64>) -> Posting {
    let mut p = Posting {
        number: number_in_file,
        line,
        ..Posting::default()
    };
    p.title = text(map.get("title")).or_else(|| text(map.get("name")));
    p.company = match map.get("hiringOrganization") {
        Some(Value::Object(o)) => text(o.get("name")).or_else(|| text(o.get("legalName"))),
        other => text(other),
    };
    if let Some(d) = map.get("description").and_then(Value::as_str) {
        p.description = html_to_text(d);
    }
    p.places = places(map.get("jobLocation"));
    p.remote = texts(map.get("jobLocationType"))
        .iter()
        .any(|t| t.eq_ignore_ascii_case("TELECOMMUTE"));
    if !p.remote
        && let Some(t) = &p.title
        && let Some(m @ (crate::catalog::WorkMode::Hybrid | crate::catalog::WorkMode::Remote)) =
            parse_work_mode(t)
    {
        p.work_mode = Some(m);
    }
    let kinds: Vec<String> = texts(map.get("employmentType"))
        .iter()
        .flat_map(|t| split_list(t, &[',', '|', ';']))
        .collect();
    p.employment_type = kinds.iter().find_map(|k| parse_employment(k));
    if p.employment_type.is_none() && !kinds.is_empty() {
        p.notes.push(format!(
            "employmentType '{}' is not one backdesk knows; took full-time",
            kinds.join(", ")
        ));
    }
    p.shift = text(map.get("workHours"))
        .and_then(|w| parse_shift(&w))
        .or_else(|| {
            p.title
                .as_deref()
                .filter(|t| t.to_lowercase().contains("shift"))
                .and_then(parse_shift)
        });
    p.experience = experience(map.get("experienceRequirements"), &mut p.notes);
    p.salary = map
        .get("baseSalary")
        .or_else(|| map.get("estimatedSalary"))
        .and_then(|s| salary(s, &mut p.notes));
    for s in texts(map.get("skills")) {
        for one in split_list(&s, &[',', ';', '|', '\n', '•']) {
            push_unique(&mut p.skills, one);
        }
    }
    p.posted = date_field(map, "datePosted", &mut p.notes);
    p.valid_through = date_field(map, "validThrough", &mut p.notes);
    p.openings = number(map.get("totalJobOpenings"))
        .filter(|n| *n >= 1.0 && *n <= f64::from(u32::MAX))
        .map(|n| n as u32);
    if let Some(Value::Object(c)) = first(map.get("applicationContact")) {
        p.contact_name = text(c.get("name")).unwrap_or_default();
        p.contact_phone = text(c.get("telephone")).unwrap_or_default();
        p.contact_email = text(c.get("email")).unwrap_or_default();
    }
    p.url = text(map.get("url"));
    p.identifier = identifier(map.get("identifier"));
    p
}

fn first(v: Option<&Value>) -> Option<&Value> {
    match v? {
        Value::Array(a) => a.first(),
        other => Some(other),
    }
}

fn date_field(
    map: &Map<String, Value>,
    key: &str,
    notes: &mut Vec<String>,
) -> Option<jiff::civil::Date> {
    let raw = text(map.get(key))?;
    let d = parse_date(&raw);
    if d.is_none() {
        notes.push(format!("{key} '{raw}' is not a date; left out"));
    }
    d
}

/// `identifier`: text, a number or a `PropertyValue` (`name` + `value`).
fn identifier(v: Option<&Value>) -> Option<String> {
    match first(v)? {
        Value::Object(o) => {
            let value = text(o.get("value")).or_else(|| text(o.get("@value")))?;
            Some(match text(o.get("name")) {
                Some(name) => format!("{name}:{value}"),
                None => value,
            })
        }
        other => text(Some(other)),
    }
}

/// `jobLocation`: a `Place` or an array of them; each with a
/// `PostalAddress` (or an address as text, or only a name).
fn places(v: Option<&Value>) -> Vec<Place> {
    let items: Vec<&Value> = match v {
        Some(Value::Array(a)) => a.iter().collect(),
        Some(other) => vec![other],
        None => Vec::new(),
    };
    let mut out = Vec::new();
    for item in items {
        match item {
            Value::Object(place) => {
                let address = place.get("address");
                match address {
                    Some(Value::Object(a)) => {
                        let region = text(a.get("addressRegion"));
                        let country = text(a.get("addressCountry"));
                        let localities = texts(a.get("addressLocality"));
                        if localities.is_empty() {
                            out.push(Place {
                                locality: None,
                                region,
                                country,
                            });
                        } else {
                            for l in localities {
                                out.push(Place {
                                    locality: Some(l),
                                    region: region.clone(),
                                    country: country.clone(),
                                });
                            }
                        }
                    }
                    Some(other) => {
                        for l in texts(Some(other)) {
                            out.push(Place {
                                locality: Some(l),
                                ..Place::default()
                            });
                        }
                    }
                    None => {
                        if let Some(n) = text(place.get("name")) {
                            out.push(Place {
                                locality: Some(n),
                                ..Place::default()
                            });
                        }
                    }
                }
            }
            other => {
                if let Some(l) = text(Some(other)) {
                    out.push(Place {
                        locality: Some(l),
                        ..Place::default()
                    });
                }
            }
        }
    }
    out.retain(|p| p.locality.is_some() || p.region.is_some() || p.country.is_some());
    out
}

/// `experienceRequirements`: text ("2-5 years"), a number of years, or an
/// `OccupationalExperienceRequirements` with `monthsOfExperience`.
fn experience(v: Option<&Value>, notes: &mut Vec<String>) -> Option<(u8, u8)> {
    match v? {
        Value::Array(a) => a.iter().find_map(|x| experience(Some(x), notes)),
        Value::Object(o) => {
            if let Some(m) = number(o.get("monthsOfExperience")) {
                return from_months(m);
            }
            let t = text(o.get("description")).or_else(|| text(o.get("name")))?;
            experience_text(&t, notes)
        }
        Value::Number(n) => n
            .as_f64()
            .filter(|y| *y >= 0.0)
            .and_then(|y| from_months(y * 12.0)),
        Value::String(s) => experience_text(&clean_field(s), notes),
        _ => None,
    }
}

fn experience_text(t: &str, notes: &mut Vec<String>) -> Option<(u8, u8)> {
    let e = parse_experience(t);
    if e.is_none() && !t.is_empty() {
        notes.push(format!(
            "experienceRequirements '{}' gives no years; left open",
            shorten(t)
        ));
    }
    e
}

/// A value quoted in a note: at most 60 columns, cut between clusters.
pub(super) fn shorten(t: &str) -> String {
    crate::display::truncate(t, 60)
}

/// `baseSalary`: a `MonetaryAmount` whose `value` is a `QuantitativeValue`
/// (`minValue` / `maxValue` / `value`, `unitText`) or a bare number; or a
/// bare number or text. Converted to an amount a month.
fn salary(v: &Value, notes: &mut Vec<String>) -> Option<Salary> {
    let v = match v {
        Value::Array(a) => a.first()?,
        other => other,
    };
    let (currency, q, outer_unit) = match v {
        Value::Object(m) => {
            let currency = match text(m.get("currency")) {
                Some(c) => normalise_currency(&c).or_else(|| {
                    notes.push(format!("currency '{c}' is not a currency code; took INR"));
                    None
                }),
                None => None,
            }
            .unwrap_or_else(|| "INR".to_string());
            let q = m.get("value").unwrap_or(v);
            (currency, q, text(m.get("unitText")))
        }
        other => (String::from("INR"), other, None),
    };
    let (amounts, unit_text) = match q {
        Value::Object(q) => {
            let value = amount(q.get("value"));
            let min = amount(q.get("minValue")).or(value);
            let max = amount(q.get("maxValue")).or(value);
            ((min, max), text(q.get("unitText")).or(outer_unit))
        }
        other => {
            let a = amount(Some(other));
            if a.is_none() {
                if let Some(t) = text(Some(other)) {
                    notes.push(format!(
                        "baseSalary '{}' is not an amount; left out",
                        shorten(&t)
                    ));
                }
                return None;
            }
            ((a, a), outer_unit)
        }
    };
    let (min, max) = amounts;
    let (mut min, mut max) = (min.filter(|(a, _)| *a > 0.0), max.filter(|(a, _)| *a > 0.0));
    if min.is_none() && max.is_none() {
        return None;
    }
    if let (Some(a), Some(b)) = (min, max)
        && a.0 > b.0
    {
        notes.push("baseSalary minValue is above maxValue; swapped them".into());
        std::mem::swap(&mut min, &mut max);
    }
    let unit = match unit_text.as_deref().map(|u| (u, SalaryUnit::parse(u))) {
        Some((_, Some(u))) => u,
        other => {
            let top = max.or(min).map_or(0.0, |(a, _)| a);
            let u = guess_unit(top, &currency);
            match other {
                Some((raw, None)) => notes.push(format!(
                    "salary unitText '{raw}' is not HOUR, DAY, WEEK, MONTH or YEAR; took {} for {}",
                    u.id(),
                    top
                )),
                _ => notes.push(format!("salary has no unitText; took {} for {top}", u.id())),
            }
            u
        }
    };
    // amounts already monthly (written as "25k" or "3 LPA") keep their period
    let conv =
        |a: Option<(f64, Option<SalaryUnit>)>| a.and_then(|(n, u)| monthly(n, u.unwrap_or(unit)));
    let (min, max) = (conv(min), conv(max));
    if min.is_none() && max.is_none() {
        notes.push("salary is out of range; left out".into());
        return None;
    }
    Some(Salary { min, max, currency })
}

/// An amount and, when the text fixes it ("25k", "3 LPA"), its period.
fn amount(v: Option<&Value>) -> Option<(f64, Option<SalaryUnit>)> {
    match v? {
        Value::Number(n) => n.as_f64().map(|n| (n, None)),
        Value::String(s) => {
            if let Some(n) = parse_amount(s) {
                return Some((n, None));
            }
            crate::money::parse_salary(s)
                .ok()
                .map(|r| (f64::from(r.0), Some(SalaryUnit::Month)))
        }
        Value::Object(m) => amount(m.get("value").or_else(|| m.get("@value"))),
        _ => None,
    }
}

/// An object of backdesk's own JSON export. Text is taken as it is
/// (it is plain already); salaries are monthly.
fn backdesk_listing(map: &Map<String, Value>, number_in_file: usize, line: Option<u64>) -> Posting {
    let s = |k: &str| -> Option<String> {
        match map.get(k) {
            Some(Value::String(s)) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
            Some(Value::Number(n)) => Some(n.to_string()),
            _ => None,
        }
    };
    let list = |k: &str| -> Vec<String> {
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
    };
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
    let years = |n: Option<f64>| n.map(|n| n.clamp(0.0, 60.0) as u8);
    p.experience = match (years(int("experience_min")), years(int("experience_max"))) {
        (Some(a), Some(b)) => Some((a.min(b), a.max(b))),
        (Some(a), None) => Some((a, super::OPEN_ENDED_MAX_YEARS)),
        (None, Some(b)) => Some((0, b)),
        (None, None) => None,
    };
    let rupees = |n: Option<f64>| {
        n.filter(|n| *n >= 0.0 && *n <= f64::from(u32::MAX))
            .map(|n| n as u32)
    };
    let (lo, hi) = (rupees(int("salary_min")), rupees(int("salary_max")));
    if lo.is_some() || hi.is_some() {
        p.salary = Some(Salary {
            min: lo,
            max: hi,
            currency: s("currency")
                .and_then(|c| normalise_currency(&c))
                .unwrap_or_else(|| "INR".into()),
        });
    }
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
    fn salary_shapes() {
        let mut notes = Vec::new();
        let v: Value = serde_json::from_str(
            r#"{"@type":"MonetaryAmount","currency":"INR","value":{"@type":"QuantitativeValue","minValue":300000,"maxValue":"4,50,000","unitText":"YEAR"}}"#,
        )
        .unwrap();
        assert_eq!(
            salary(&v, &mut notes),
            Some(Salary {
                min: Some(25_000),
                max: Some(37_500),
                currency: "INR".into()
            })
        );
        let bare: Value = serde_json::from_str("22000").unwrap();
        let s = salary(&bare, &mut notes).unwrap();
        assert_eq!((s.min, s.max), (Some(22_000), Some(22_000)));
        assert!(notes.iter().any(|n| n.contains("no unitText")));
        let hourly: Value =
            serde_json::from_str(r#"{"currency":"USD","value":{"value":20,"unitText":"HOUR"}}"#)
                .unwrap();
        let s = salary(&hourly, &mut notes).unwrap();
        assert_eq!((s.min, s.currency.as_str()), (Some(4_160), "USD"));
        let day: Value =
            serde_json::from_str(r#"{"currency":"INR","value":800,"unitText":"DAY"}"#).unwrap();
        assert_eq!(salary(&day, &mut notes).unwrap().min, Some(20_800));
        let zero: Value =
            serde_json::from_str(r#"{"currency":"INR","value":{"value":0}}"#).unwrap();
        assert_eq!(salary(&zero, &mut notes), None);
    }

    #[test]
    fn errors_point_into_the_file() {
        let e = parse_document("t.json", "{\n  \"title\": \"A\",\n  \"x\": [1, 2\n").unwrap_err();
        assert_eq!(e.at.map(|a| a.0), Some(4));
        assert!(e.message.contains("cut off"), "{e}");
        let e = parse_document("t.json", "{\"a\": 1,}").unwrap_err();
        assert_eq!(e.at, Some((1, 9)));
        assert!(e.message.contains("trailing comma"), "{e}");
    }
}
