//! CSV: a header row naming the columns (any order, any case, in the
//! names of backdesk's export, JobSpy, Naukri scrapes or Glassdoor
//! exports; see `dialects`), then one posting a row. Read with the `csv`
//! crate: quoted fields with commas, quotes and line breaks, CRLF or LF
//! line ends.

use super::dialects::{canonical, company_name, location_cell, shown};
use super::experience::parse_experience;
use super::places::parse_location;
use super::posting::{currency_for_places, shorten};
use super::salary::{
    SalaryUnit, guess_unit, normalise_currency, parse_amount, parse_pay_text, pay_a_month,
    undisclosed,
};
use super::text::description_text;
use super::values::{
    parse_bool, parse_date, parse_days_ago, parse_employment_list, parse_shift, parse_work_mode,
    push_unique, split_list,
};
use super::{ImportError, Lines, OPEN_ENDED_MAX_YEARS, ParsedFile, Place, Posting, Salary};
use crate::catalog::WorkMode;

/// The columns backdesk reads (by their canonical names; see
/// [`canonical`] for the other names each is read under).
pub const CSV_COLUMNS: &[&str] = &[
    "title",
    "company",
    "city",
    "state",
    "location",
    "salary_min",
    "salary_max",
    "salary_period",
    "currency",
    "salary",
    "work_mode",
    "remote",
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
    "url_direct",
    "identifier",
    "id",
];

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
    for (i, (raw, name)) in header.iter().zip(&names).enumerate() {
        // a column read twice (`location` and `city`, say) is read once
        let first = names.iter().position(|n| n == name) == Some(i);
        if !CSV_COLUMNS.contains(&name.as_str()) || !first {
            out.ignored_columns.push(shown(raw, i));
        }
    }
    // columns only `search --format csv` writes
    let export = col("category_id").is_some() && col("source").is_some();
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
        let mut p = row(&get, number, line);
        if export {
            // backdesk's own export: the description is plain text already
            p.description = get("description").unwrap_or_default().to_string();
        }
        out.postings.push(p);
    }
    // a quote opened in the last value reads to the end without an error
    if let Some(quote) = unclosed_quote_error(path, text) {
        return Err(quote);
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

/// Where a double quote opens a value that is never closed (the csv crate
/// reads such a value to the end of the file, so the error it gives names
/// the wrong thing): the byte offset of that quote. A quote is special only
/// at the start of a value; inside a quoted value `""` is a quote.
fn unclosed_quote(text: &str) -> Option<usize> {
    #[derive(PartialEq)]
    enum In {
        Start,
        Plain,
        Quoted,
        QuoteInQuoted,
    }
    let skip = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let mut state = In::Start;
    let mut opened = 0;
    for (i, &b) in text.as_bytes().iter().enumerate().skip(skip) {
        state = match (state, b) {
            (In::Start, b'"') => {
                opened = i;
                In::Quoted
            }
            (In::Start | In::Plain | In::QuoteInQuoted, b',' | b'\n') => In::Start,
            (In::Start | In::Plain, _) => In::Plain,
            (In::Quoted, b'"') => In::QuoteInQuoted,
            (In::Quoted, _) => In::Quoted,
            (In::QuoteInQuoted, b'"') => In::Quoted,
            (In::QuoteInQuoted, _) => In::Plain,
        };
    }
    (state == In::Quoted).then_some(opened)
}

/// The error for a quote never closed, if the file has one.
fn unclosed_quote_error(path: &str, text: &str) -> Option<ImportError> {
    let open = unclosed_quote(text)?;
    let (line, col) = super::line_col(text, open);
    Some(ImportError::new(
        path,
        Some((line, col)),
        format!(
            "the double quote opened at line {line} is never closed: a value that starts with a double quote must end with one (double any quote inside it)"
        ),
    ))
}

fn csv_error(path: &str, text: &str, e: csv::Error) -> ImportError {
    if let Some(quote) = unclosed_quote_error(path, text) {
        return quote;
    }
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
        company: get("company").map(company_name).filter(|c| !c.is_empty()),
        description: get("description").map(description_text).unwrap_or_default(),
        ..Posting::default()
    };
    place_and_mode(get, &mut p);
    if let Some(t) = get("employment_type") {
        let (found, items) = parse_employment_list(t);
        p.employment_type = found;
        if found.is_none() && !items.is_empty() {
            p.notes.push(format!(
                "employment_type '{}' is not one backdesk knows; left out",
                shorten(t)
            ));
        }
    }
    p.shift = vocab(get, "shift", parse_shift, &mut p.notes);
    p.experience = experience(get, &mut p.notes);
    p.salary = salary(get, &p.places, &mut p.notes);
    p.skills = list(get("skills"));
    p.languages = list(get("languages"));
    p.benefits = list(get("benefits"));
    if let Some(v) = get("openings") {
        match v.parse::<f64>() {
            Ok(n) if n >= 0.0 && n.fract() == 0.0 && n <= f64::from(u32::MAX) => {
                p.openings = Some(n as u32)
            }
            _ => p.notes.push(format!(
                "openings '{}' is not a whole number; took 1",
                shorten(v)
            )),
        }
    }
    if let Some(v) = get("posted") {
        p.posted = parse_date(v);
        if p.posted.is_none() {
            p.posted_days_ago = parse_days_ago(v);
            if p.posted_days_ago.is_none() {
                p.notes
                    .push(format!("posted '{}' is not a date; left out", shorten(v)));
            }
        }
    }
    if let Some(v) = get("valid_through") {
        p.valid_through = parse_date(v);
        if p.valid_through.is_none() {
            p.notes.push(format!(
                "valid_through '{}' is not a date; left out",
                shorten(v)
            ));
        }
    }
    p.role_id = get("role_id").map(String::from);
    p.role = get("role").map(String::from);
    p.contact_name = get("contact_name").unwrap_or_default().to_string();
    p.contact_phone = get("contact_phone").unwrap_or_default().to_string();
    // JobSpy lists every address it found: the first is the contact
    p.contact_email = get("contact_email")
        .and_then(|e| split_list(e, &[',', ';', ' ']).into_iter().next())
        .unwrap_or_default();
    p.url = get("url").or_else(|| get("url_direct")).map(String::from);
    p.identifier = get("identifier").or_else(|| get("id")).map(String::from);
    p
}

/// Where and how: `city` / `state` (backdesk), or a `location` cell
/// (`Dallas, TX, US`, `Hybrid - Pune`, `Remote`); `work_mode`; `remote`.
fn place_and_mode<'a>(get: &dyn Fn(&str) -> Option<&'a str>, p: &mut Posting) {
    if get("city").is_some() || get("state").is_some() {
        p.places.push(Place {
            locality: get("city").map(String::from),
            region: get("state").map(String::from),
            country: None,
        });
    } else if let Some(cell) = get("location") {
        let c = location_cell(cell);
        if let Some(place) = c.place {
            p.places = parse_location(place);
        }
        p.remote = c.remote;
        if c.hybrid {
            p.work_mode = Some(WorkMode::Hybrid);
        }
    }
    if let Some(m) = vocab(get, "work_mode", parse_work_mode, &mut p.notes) {
        p.work_mode = Some(m);
    }
    if let Some(v) = get("remote") {
        match parse_bool(v) {
            Some(r) => p.remote |= r,
            None => p.notes.push(format!(
                "remote '{}' is not true or false; left out",
                shorten(v)
            )),
        }
    }
    if p.remote && p.work_mode.is_none() {
        p.work_mode = Some(WorkMode::Remote);
    }
}

/// The two columns of years, else a text column.
fn experience<'a>(
    get: &dyn Fn(&str) -> Option<&'a str>,
    notes: &mut Vec<String>,
) -> Option<(u8, u8)> {
    let mut years = |col: &str| -> Option<u8> {
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
    let lo = years("experience_min");
    let hi = years("experience_max");
    match (lo, hi) {
        (Some(a), Some(b)) => Some((a.min(b), a.max(b))),
        (Some(a), None) => Some((a, OPEN_ENDED_MAX_YEARS)),
        (None, Some(b)) => Some((0, b)),
        (None, None) => get("experience").and_then(|t| {
            let e = parse_experience(t);
            if e.is_none() && !undisclosed(t) {
                notes.push(format!(
                    "experience '{}' gives no years; left open",
                    shorten(t)
                ));
            }
            e
        }),
    }
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

/// An amount in a cell, with the period and currency its text gives.
type Amount = (f64, Option<SalaryUnit>, Option<&'static str>);

/// `salary_min` / `salary_max` (JobSpy's `min_amount` / `max_amount`) per
/// `salary_period` (`interval`) in `currency`; or a `salary` text
/// (`18000-25000`, `3-4.5 LPA`, `2-4 Lacs PA`, `$53K-$91K (Glassdoor
/// est.)`). The currency is the column's, else the text's, else the
/// places' (INR unless the job is abroad); with no period, amounts under
/// a lakh (10,000 in other currencies) are monthly, larger ones a year.
fn salary<'a>(
    get: &dyn Fn(&str) -> Option<&'a str>,
    places: &[Place],
    notes: &mut Vec<String>,
) -> Option<Salary> {
    let (lo, hi) = amounts(get, notes);
    if lo.is_none() && hi.is_none() {
        return None;
    }
    let written = lo.and_then(|a| a.2).or_else(|| hi.and_then(|a| a.2));
    let currency = column_currency(get, notes);
    let currency = match currency.or(written.map(String::from)) {
        Some(c) => c,
        None => currency_for_places(places, notes)?,
    };
    let top = hi.or(lo).map_or(0.0, |a| a.0);
    let period = column_period(get, notes);
    let unit = period
        .or(lo.and_then(|a| a.1))
        .or(hi.and_then(|a| a.1))
        .unwrap_or_else(|| {
            let u = guess_unit(top, &currency);
            notes.push(format!("salary has no period; took {} for {top}", u.id()));
            u
        });
    let conv = |a: Option<Amount>, notes: &mut Vec<String>| -> Option<u32> {
        let (n, u, _) = a?;
        pay_a_month(n, u.unwrap_or(unit), &currency, notes)
    };
    let (mut lo, mut hi) = (conv(lo, notes), conv(hi, notes));
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

/// The low and high amounts of the `salary_min` / `salary_max` columns,
/// else of the `salary` text; a note for each that does not read.
fn amounts<'a>(
    get: &dyn Fn(&str) -> Option<&'a str>,
    notes: &mut Vec<String>,
) -> (Option<Amount>, Option<Amount>) {
    let amount = |col: &str, notes: &mut Vec<String>| -> Option<Amount> {
        let v = get(col).filter(|v| !undisclosed(v))?;
        if let Some(n) = parse_amount(v) {
            return Some((n, None, None));
        }
        match parse_pay_text(v) {
            Some(p) => Some((p.min, p.unit, p.currency)),
            None => {
                notes.push(format!("{col} '{}' is not an amount; left out", shorten(v)));
                None
            }
        }
    };
    let (mut lo, mut hi) = (amount("salary_min", notes), amount("salary_max", notes));
    if lo.is_none()
        && hi.is_none()
        && let Some(t) = get("salary").filter(|t| !undisclosed(t))
    {
        match parse_pay_text(t) {
            Some(p) => {
                lo = Some((p.min, p.unit, p.currency));
                hi = Some((p.max, p.unit, p.currency));
            }
            None => notes.push(format!(
                "salary '{}' is not an amount or a range; left out",
                shorten(t)
            )),
        }
    }
    (lo, hi)
}

/// The `currency` column's code, if it has one (a note if not a code).
fn column_currency<'a>(
    get: &dyn Fn(&str) -> Option<&'a str>,
    notes: &mut Vec<String>,
) -> Option<String> {
    match get("currency") {
        Some(c) => normalise_currency(c).or_else(|| {
            notes.push(format!(
                "currency '{}' is not a currency code; went by the place",
                shorten(c)
            ));
            None
        }),
        None => None,
    }
}

/// The `salary_period` column's period, if it names one (a note if not).
fn column_period<'a>(
    get: &dyn Fn(&str) -> Option<&'a str>,
    notes: &mut Vec<String>,
) -> Option<SalaryUnit> {
    match get("salary_period") {
        Some(u) => SalaryUnit::parse(u).or_else(|| {
            notes.push(format!(
                "salary_period '{}' is not hour, day, week, month or year; went by the amount",
                shorten(u)
            ));
            None
        }),
        None => None,
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
        assert_eq!(p.description, "Line one\nLine two");
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
    fn scraper_salaries_that_drop_their_words() {
        // JobSpy with the lakh left out; Naukri's cells printed as Python
        let f = csv(
            "title,company,min_amount,max_amount,interval,currency,salary\n\
             A,B,3.5,5,yearly,INR,\n\
             A,B,,,,,\"('1-2 Lacs PA',)\"\n\
             A,B,0.5,0.8,monthly,INR,\n",
        );
        let s: Vec<_> = f.postings.iter().map(|p| p.salary.clone()).collect();
        assert_eq!(
            s[0].as_ref().map(|s| (s.min, s.max)),
            Some((Some(29_167), Some(41_667)))
        );
        assert!(f.postings[0].notes[0].contains("read as 3.5 lakh"));
        assert_eq!(
            s[1].as_ref().map(|s| (s.min, s.max)),
            Some((Some(8_333), Some(16_667)))
        );
        // never a ₹0 job
        assert_eq!(s[2], None);
        assert!(f.postings[2].notes.iter().any(|n| n.contains("too small")));
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

    #[test]
    fn a_quote_never_closed_is_named_where_it_opens() {
        // the csv crate would say "this row has 1 fields"
        let e = parse("t.csv", "title,company\nA,B\n\"C,D\nE,F\n").unwrap_err();
        assert_eq!(e.at, Some((3, 1)), "{e}");
        assert!(
            e.message
                .contains("double quote opened at line 3 is never closed"),
            "{e}"
        );
        assert!(
            e.to_string().starts_with("t.csv: line 3, column 1: "),
            "{e}"
        );
        // in the last value, where the csv crate reads to the end silently
        let e = parse("t.csv", "title,company\nA,\"B\nC,D\n").unwrap_err();
        assert_eq!(e.at, Some((2, 3)), "{e}");
        // closed quotes, doubled quotes and quotes inside a value are fine
        let f = parse(
            "t.csv",
            "\u{feff}title,company\n\"A \"\"x\"\"\",B\nC 5\" screen,\"D\nE\"\n",
        )
        .expect("parses");
        assert_eq!(f.postings.len(), 2);
    }
}
