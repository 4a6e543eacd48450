//! CSV: a header row naming the columns (any order, any case), then one
//! posting a row. Read with the `csv` crate: quoted fields with commas,
//! quotes and line breaks, CRLF or LF line ends.

use super::experience::parse_experience;
use super::jsonld::shorten;
use super::salary::{SalaryUnit, monthly, normalise_currency, parse_amount};
use super::values::{
    parse_date, parse_employment, parse_shift, parse_work_mode, push_unique, split_list,
};
use super::{ImportError, Lines, OPEN_ENDED_MAX_YEARS, ParsedFile, Place, Posting, Salary};

/// The columns backdesk reads (the columns `search --format csv` writes,
/// plus `identifier`, `experience` and `salary`). `category_id`,
/// `company_type`, `industry` and `source` are written by the export and
/// not read back: they follow from the company and the file.
pub const CSV_COLUMNS: &[&str] = &[
    "title",
    "company",
    "city",
    "state",
    "salary_min",
    "salary_max",
    "salary_period",
    "currency",
    "salary",
    "work_mode",
    "employment_type",
    "shift",
    "experience_min",
    "experience_max",
    "experience",
    "skills",
    "languages",
    "benefits",
    "openings",
    "posted",
    "valid_through",
    "role_id",
    "role",
    "description",
    "contact_name",
    "contact_phone",
    "contact_email",
    "url",
    "identifier",
    "id",
];

/// Export columns that are not read back.
const EXPORT_ONLY: &[&str] = &["category_id", "company_type", "industry", "source"];

/// Other names for columns, as spreadsheets often have them.
fn canonical(header: &str) -> String {
    let h: String = header
        .trim()
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '_' })
        .collect();
    let h = h.trim_matches('_').to_string();
    match h.as_str() {
        "job_title" | "position" | "designation" => "title".into(),
        "company_name" | "employer" | "organisation" | "organization" => "company".into(),
        "location" | "job_location" => "city".into(),
        "apply_url" | "link" | "job_url" => "url".into(),
        "date_posted" | "posted_on" => "posted".into(),
        "job_id" => "identifier".into(),
        "mode" => "work_mode".into(),
        "employment" | "job_type" => "employment_type".into(),
        _ => h,
    }
}

pub fn parse(path: &str, text: &str) -> Result<ParsedFile, ImportError> {
    if text.trim().is_empty() {
        return Err(ImportError::new(
            path,
            None,
            "the file is empty: expected a header row naming the columns (at least title and company), then one row a posting",
        ));
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(false)
        .from_reader(text.as_bytes());
    let err = |e: csv::Error| csv_error(path, text, e);
    let header = reader.headers().map_err(err)?.clone();
    let names: Vec<String> = header.iter().map(canonical).collect();
    let col = |name: &str| names.iter().position(|n| n == name);
    if col("title").is_none() || col("company").is_none() {
        return Err(ImportError::new(
            path,
            Some((1, 1)),
            format!(
                "expected a header row naming the columns, with at least title and company; found: {}",
                shorten(&header.iter().collect::<Vec<_>>().join(", "))
            ),
        ));
    }
    let mut out = ParsedFile::default();
    for (raw, name) in header.iter().zip(&names) {
        if !CSV_COLUMNS.contains(&name.as_str())
            && !EXPORT_ONLY.contains(&name.as_str())
            && !name.is_empty()
        {
            out.ignored_columns.push(raw.trim().to_string());
        }
    }
    let mut record = csv::StringRecord::new();
    let lines = Lines::new(text);
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => return Err(err(e)),
        }
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let line = record
            .position()
            .map(|p| record_line(&lines, text, p.byte()));
        let get = |name: &str| -> Option<&str> {
            col(name)
                .and_then(|i| record.get(i))
                .map(str::trim)
                // backdesk's exports guard formula-like cells with a '
                .map(crate::display::csv_cell_restored)
                .filter(|s| !s.is_empty())
        };
        let number = out.postings.len() + 1;
        out.postings.push(row(&get, number, line));
    }
    Ok(out)
}

/// The line a record starts on: the csv crate's offset may point at the
/// end of the line before (the LF of a CRLF) or at skipped blank lines.
fn record_line(lines: &Lines<'_>, text: &str, byte: u64) -> u64 {
    let start = usize::try_from(byte).unwrap_or(usize::MAX).min(text.len());
    // the line breaks before the record, if the offset is on them
    let skip = text.as_bytes()[start..]
        .iter()
        .take_while(|&&b| b == b'\r' || b == b'\n')
        .count();
    lines.line_col(start + skip).0
}

fn csv_error(path: &str, text: &str, e: csv::Error) -> ImportError {
    let at = e
        .position()
        .map(|p| (record_line(&Lines::new(text), text, p.byte()), 1));
    let message = match e.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => format!(
            "this row has {len} fields but the header has {expected_len}: expected one value per column (put values with commas or line breaks in double quotes, and double any quote inside them)"
        ),
        _ => format!("not valid CSV: {e}"),
    };
    ImportError::new(path, at, message)
}

/// A list cell: `;`-separated (as backdesk writes it), else `,`-separated.
fn list(cell: Option<&str>) -> Vec<String> {
    let Some(c) = cell else {
        return Vec::new();
    };
    let seps: &[char] = if c.contains(';') {
        &[';', '|']
    } else {
        &[',', '|']
    };
    let mut out = Vec::new();
    for v in split_list(c, seps) {
        push_unique(&mut out, v);
    }
    out
}

fn row<'a>(get: &dyn Fn(&str) -> Option<&'a str>, number: usize, line: Option<u64>) -> Posting {
    let mut p = Posting {
        number,
        line,
        title: get("title").map(String::from),
        company: get("company").map(String::from),
        description: get("description").unwrap_or_default().to_string(),
        ..Posting::default()
    };
    if get("city").is_some() || get("state").is_some() {
        p.places.push(Place {
            locality: get("city").map(String::from),
            region: get("state").map(String::from),
            country: None,
        });
    }
    p.work_mode = vocab(get, "work_mode", parse_work_mode, &mut p.notes);
    p.employment_type = vocab(get, "employment_type", parse_employment, &mut p.notes);
    p.shift = vocab(get, "shift", parse_shift, &mut p.notes);

    // experience: the two columns, else a text column
    let years = |col: &str, notes: &mut Vec<String>| -> Option<u8> {
        let v = get(col)?;
        match v.parse::<f64>() {
            Ok(n) if (0.0..=60.0).contains(&n) => Some(n as u8),
            _ => {
                notes.push(format!(
                    "{col} '{}' is not a number of years; left out",
                    shorten(v)
                ));
                None
            }
        }
    };
    let lo = years("experience_min", &mut p.notes);
    let hi = years("experience_max", &mut p.notes);
    p.experience = match (lo, hi) {
        (Some(a), Some(b)) => Some((a.min(b), a.max(b))),
        (Some(a), None) => Some((a, OPEN_ENDED_MAX_YEARS)),
        (None, Some(b)) => Some((0, b)),
        (None, None) => get("experience").and_then(|t| {
            let e = parse_experience(t);
            if e.is_none() {
                p.notes.push(format!(
                    "experience '{}' gives no years; left open",
                    shorten(t)
                ));
            }
            e
        }),
    };

    p.salary = salary(get, &mut p.notes);
    p.skills = list(get("skills"));
    p.languages = list(get("languages"));
    p.benefits = list(get("benefits"));
    if let Some(v) = get("openings") {
        match v.parse::<u32>() {
            Ok(n) => p.openings = Some(n),
            Err(_) => p.notes.push(format!(
                "openings '{}' is not a whole number; took 1",
                shorten(v)
            )),
        }
    }
    for (col, slot) in [
        ("posted", &mut p.posted),
        ("valid_through", &mut p.valid_through),
    ] {
        if let Some(v) = get(col) {
            *slot = parse_date(v);
            if slot.is_none() {
                p.notes
                    .push(format!("{col} '{}' is not a date; left out", shorten(v)));
            }
        }
    }
    p.role_id = get("role_id").map(String::from);
    p.role = get("role").map(String::from);
    p.contact_name = get("contact_name").unwrap_or_default().to_string();
    p.contact_phone = get("contact_phone").unwrap_or_default().to_string();
    p.contact_email = get("contact_email").unwrap_or_default().to_string();
    p.url = get("url").map(String::from);
    p.identifier = get("identifier").or_else(|| get("id")).map(String::from);
    p
}

/// A cell of a closed vocabulary; a value backdesk does not know is noted.
fn vocab<'a, T>(
    get: &dyn Fn(&str) -> Option<&'a str>,
    col: &str,
    parse: fn(&str) -> Option<T>,
    notes: &mut Vec<String>,
) -> Option<T> {
    let v = get(col)?;
    let out = parse(v);
    if out.is_none() {
        notes.push(format!(
            "{col} '{}' is not one backdesk knows; left out",
            shorten(v)
        ));
    }
    out
}

/// `salary_min` / `salary_max` per `salary_period` (default month) in
/// `currency` (default INR); or a `salary` text like `18000-25000`,
/// `25k-35k`, `3-4.5 LPA`.
fn salary<'a>(get: &dyn Fn(&str) -> Option<&'a str>, notes: &mut Vec<String>) -> Option<Salary> {
    let currency = match get("currency") {
        Some(c) => normalise_currency(c).unwrap_or_else(|| {
            notes.push(format!(
                "currency '{}' is not a currency code; took INR",
                shorten(c)
            ));
            "INR".into()
        }),
        None => "INR".into(),
    };
    let unit = match get("salary_period") {
        Some(u) => SalaryUnit::parse(u).unwrap_or_else(|| {
            notes.push(format!(
                "salary_period '{}' is not hour, day, week, month or year; took month",
                shorten(u)
            ));
            SalaryUnit::Month
        }),
        None => SalaryUnit::Month,
    };
    let mut amount = |col: &str| -> Option<u32> {
        let v = get(col)?;
        if let Some(n) = parse_amount(v) {
            let m = monthly(n, unit);
            if m.is_none() {
                notes.push(format!("{col} '{}' is out of range; left out", shorten(v)));
            }
            return m;
        }
        match crate::money::parse_salary(v) {
            Ok(r) => Some(r.0),
            Err(_) => {
                notes.push(format!("{col} '{}' is not an amount; left out", shorten(v)));
                None
            }
        }
    };
    let (mut lo, mut hi) = (amount("salary_min"), amount("salary_max"));
    if lo.is_none()
        && hi.is_none()
        && let Some(t) = get("salary")
    {
        (lo, hi) = salary_text(t);
        if lo.is_none() && hi.is_none() {
            notes.push(format!(
                "salary '{}' is not an amount or a range; left out",
                shorten(t)
            ));
        }
    }
    if let (Some(a), Some(b)) = (lo, hi)
        && a > b
    {
        std::mem::swap(&mut lo, &mut hi);
    }
    (lo.is_some() || hi.is_some()).then_some(Salary {
        min: lo,
        max: hi,
        currency,
    })
}

/// A salary range as people write it, in rupees a month.
fn salary_text(t: &str) -> (Option<u32>, Option<u32>) {
    let t = t.replace('–', "-").replace(" to ", "-");
    let parts: Vec<&str> = t
        .split('-')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let one = |s: &str| crate::money::parse_salary(s).ok().map(|r| r.0);
    match parts.as_slice() {
        [single] => {
            let v = one(single);
            (v, v)
        }
        [a, b] => {
            // "3-4.5 LPA": the unit written once applies to both
            let unit_at = b
                .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
                .unwrap_or(b.len());
            let unit = &b[unit_at..];
            let a_bare = a
                .chars()
                .all(|c| c.is_ascii_digit() || c == '.' || c == ',');
            let lo = if a_bare && !unit.trim().is_empty() {
                one(&format!("{a}{unit}"))
            } else {
                one(a)
            };
            (lo, one(b))
        }
        _ => (None, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn csv(text: &str) -> ParsedFile {
        parse("t.csv", text).expect("parses")
    }

    #[test]
    fn quoted_fields_crlf_and_aliases() {
        let f = csv(
            "Job Title,Company Name,Location,skills,description,Notes\r\n\
             \"Accounts Executive, GST\",\"Sahyadri \"\"Finserv\"\"\",Pune,\"Tally, GST\",\"Line one\r\nLine two\",x\r\n\
             ,,,,,\r\n\
             Data Entry Operator,Trikon,Noida,Typing;Excel,,\r\n",
        );
        assert_eq!(f.postings.len(), 2);
        let p = &f.postings[0];
        assert_eq!(p.title.as_deref(), Some("Accounts Executive, GST"));
        assert_eq!(p.company.as_deref(), Some("Sahyadri \"Finserv\""));
        assert_eq!(p.skills, ["Tally", "GST"]);
        assert_eq!(p.description, "Line one\r\nLine two");
        assert_eq!(p.line, Some(2));
        assert_eq!(f.postings[1].skills, ["Typing", "Excel"]);
        assert_eq!(f.postings[1].line, Some(5));
        assert_eq!(f.ignored_columns, ["Notes"]);
    }

    #[test]
    fn salaries() {
        let f = csv(
            "title,company,salary_min,salary_max,salary_period,currency,salary\n\
             A,B,300000,450000,year,,\n\
             A,B,,,,,25k-35k\n\
             A,B,,,,,3-4.5 LPA\n\
             A,B,20,,hour,USD,\n\
             A,B,abc,,,,\n",
        );
        let s: Vec<_> = f.postings.iter().map(|p| p.salary.clone()).collect();
        assert_eq!(
            s[0].as_ref().map(|s| (s.min, s.max)),
            Some((Some(25_000), Some(37_500)))
        );
        assert_eq!(
            s[1].as_ref().map(|s| (s.min, s.max)),
            Some((Some(25_000), Some(35_000)))
        );
        assert_eq!(
            s[2].as_ref().map(|s| (s.min, s.max)),
            Some((Some(25_000), Some(37_500)))
        );
        assert_eq!(
            s[3].as_ref().map(|s| (s.min, s.currency.as_str())),
            Some((Some(4_160), "USD"))
        );
        assert_eq!(s[4], None);
        assert!(f.postings[4].notes[0].contains("salary_min 'abc'"));
    }

    #[test]
    fn bad_files() {
        let e = parse("t.csv", "").unwrap_err();
        assert!(e.message.contains("empty"), "{e}");
        let e = parse("t.csv", "name,place\nA,B\n").unwrap_err();
        assert!(e.message.contains("at least title and company"), "{e}");
        let e = parse("t.csv", "title,company\nA,B\nC,D,E\n").unwrap_err();
        assert_eq!(e.at, Some((3, 1)));
        assert!(e.message.contains("3 fields but the header has 2"), "{e}");
    }
}
