//! Converting a posting's pay to an amount a month.
//!
//! backdesk keeps every salary per month. Postings give pay per hour, day,
//! week, month or year; the factors are the ones an Indian employer paying
//! a back-office wage would use:
//!
//! | unit  | monthly amount          | why                                   |
//! |-------|-------------------------|---------------------------------------|
//! | HOUR  | × 8 × 26 (= × 208)      | an 8-hour day, 26 working days a month |
//! | DAY   | × 26                    | 26 working days (a six-day week)      |
//! | WEEK  | × 52 ÷ 12 (≈ × 4.33)    | 52 weeks a year over 12 months        |
//! | MONTH | × 1                     |                                       |
//! | YEAR  | ÷ 12                    | CTC per annum over 12 months          |
//!
//! Results are rounded to the nearest whole unit.

/// The period a posting's pay is given for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SalaryUnit {
    Hour,
    Day,
    Week,
    Month,
    Year,
}

impl SalaryUnit {
    /// Reads `unitText` and the ways CSV files spell periods (any case):
    /// `HOUR`, `hourly`, `per hour`, `DAY`, `daily`, `WEEK`, `MONTH`, `pm`,
    /// `YEAR`, `annual`, `per annum`, `pa`, `LPA`, ...
    pub fn parse(s: &str) -> Option<SalaryUnit> {
        let t: String = s
            .trim()
            .to_ascii_lowercase()
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .collect();
        let t = t
            .strip_prefix("per")
            .filter(|r| !r.is_empty())
            .unwrap_or(&t);
        Some(match t {
            "hour" | "hours" | "hourly" | "hr" | "h" | "ph" => SalaryUnit::Hour,
            "day" | "days" | "daily" | "d" | "pd" => SalaryUnit::Day,
            "week" | "weeks" | "weekly" | "wk" | "w" | "pw" => SalaryUnit::Week,
            "month" | "months" | "monthly" | "mon" | "mo" | "m" | "pm" => SalaryUnit::Month,
            "year" | "years" | "yearly" | "annual" | "annually" | "annum" | "yr" | "y" | "pa"
            | "lpa" | "p1y" => SalaryUnit::Year,
            _ => return None,
        })
    }

    pub fn id(self) -> &'static str {
        match self {
            SalaryUnit::Hour => "HOUR",
            SalaryUnit::Day => "DAY",
            SalaryUnit::Week => "WEEK",
            SalaryUnit::Month => "MONTH",
            SalaryUnit::Year => "YEAR",
        }
    }
}

/// `amount` per `unit` as a whole amount a month; `None` for negative,
/// non-finite or absurdly large amounts.
pub fn monthly(amount: f64, unit: SalaryUnit) -> Option<u32> {
    if !amount.is_finite() || amount < 0.0 {
        return None;
    }
    let m = match unit {
        SalaryUnit::Hour => amount * 8.0 * 26.0,
        SalaryUnit::Day => amount * 26.0,
        SalaryUnit::Week => amount * 52.0 / 12.0,
        SalaryUnit::Month => amount,
        SalaryUnit::Year => amount / 12.0,
    };
    let m = m.round();
    (m <= f64::from(u32::MAX)).then_some(m as u32)
}

/// `amount` per `unit` in `currency` as pay a month, the way every
/// importer reads it: a rupee amount under 100 a year is in lakh ("3.5"
/// from a scraper that dropped "LPA"); under ₹100 a month is no pay (a
/// figure misread, never a ₹0 job) and is left out; each case noted.
pub fn pay_a_month(
    amount: f64,
    unit: SalaryUnit,
    currency: &str,
    notes: &mut Vec<String>,
) -> Option<u32> {
    let mut n = amount;
    if unit == SalaryUnit::Year && currency == "INR" && n > 0.0 && n < 100.0 {
        notes.push(format!("salary {n} a year read as {n} lakh"));
        n *= 100_000.0;
    }
    match monthly(n, unit) {
        None => {
            notes.push(format!("salary {n} is out of range; left out"));
            None
        }
        Some(v) if v < 100 && currency == "INR" => {
            notes.push(format!(
                "salary {n} a {} is too small to be pay; left out",
                unit.id()
            ));
            None
        }
        m => m,
    }
}

/// An amount as written: `25000`, `25,000`, `₹ 25,000.00`, `Rs. 25000`,
/// `INR 25000`, `1,20,000`. `None` when there is no number.
pub fn parse_amount(s: &str) -> Option<f64> {
    let mut t = s.trim();
    for prefix in ["₹", "rs.", "rs", "inr", "$", "usd", "€", "£"] {
        if t.len() >= prefix.len()
            && t.is_char_boundary(prefix.len())
            && t[..prefix.len()].eq_ignore_ascii_case(prefix)
        {
            t = t[prefix.len()..].trim_start();
        }
    }
    let cleaned: String = t
        .chars()
        .filter(|c| !matches!(c, ',' | '_' | ' ' | '\u{a0}'))
        .collect();
    if cleaned.is_empty() {
        return None;
    }
    let v: f64 = cleaned.parse().ok()?;
    v.is_finite().then_some(v)
}

/// When a posting gives no period: Indian job boards quote monthly pay
/// below one lakh and CTC per annum from one lakh up. In other currencies
/// amounts from 10,000 up are taken as a year.
pub fn guess_unit(amount: f64, currency: &str) -> SalaryUnit {
    let year_from = if currency == "INR" {
        100_000.0
    } else {
        10_000.0
    };
    if amount >= year_from {
        SalaryUnit::Year
    } else {
        SalaryUnit::Month
    }
}

/// A currency as ISO 4217, from a code or a symbol; `None` when it is
/// neither.
pub fn normalise_currency(s: &str) -> Option<String> {
    let t = s.trim();
    match t {
        "₹" | "Rs" | "Rs." | "rs" | "rs." | "INR" | "inr" => return Some("INR".into()),
        "$" => return Some("USD".into()),
        "€" => return Some("EUR".into()),
        "£" => return Some("GBP".into()),
        _ => {}
    }
    (t.len() == 3 && t.chars().all(|c| c.is_ascii_alphabetic())).then(|| t.to_ascii_uppercase())
}

/// Pay as a line of text gives it, before conversion to a month.
#[derive(Debug, Clone, PartialEq)]
pub struct PayText {
    pub min: f64,
    pub max: f64,
    /// The period the text names, if it names one.
    pub unit: Option<SalaryUnit>,
    /// The currency its symbols or words name (`$`, `₹`, `Lacs`), if any.
    pub currency: Option<&'static str>,
}

/// The text inside a one-string Python tuple or list, as scrapers that
/// print Python values write a cell (`('1-2 Lacs PA',)`, `["3-6 Lacs PA"]`);
/// any other text as it is.
pub fn unwrap_repr(text: &str) -> &str {
    let t = text.trim();
    for (open, close) in [('(', ')'), ('[', ']')] {
        let Some(inner) = t.strip_prefix(open).and_then(|s| s.strip_suffix(close)) else {
            continue;
        };
        let inner = inner.trim().trim_end_matches(',').trim_end();
        for q in ['\'', '"'] {
            if let Some(s) = inner.strip_prefix(q).and_then(|s| s.strip_suffix(q))
                && !s.contains(q)
            {
                return s.trim();
            }
        }
    }
    t
}

/// Words that say there is no figure: not an unreadable salary.
pub fn undisclosed(t: &str) -> bool {
    let l = unwrap_repr(t).to_lowercase();
    l.is_empty()
        || ["-1", "0", "na", "n/a", "none", "nan", "-", "--"].contains(&l.as_str())
        || [
            "not disclosed",
            "not mentioned",
            "not specified",
            "negotiable",
            "as per industry",
            "best in industry",
            "as per company",
            "competitive",
        ]
        .iter()
        .any(|w| l.contains(w))
}

/// Reads pay written as text, the ways job files write it:
/// * `$53K-$91K (Glassdoor est.)`, `Employer Provided Salary:$120K-$160K`
///   (thousands; with no period, a year is assumed later for these sizes)
/// * `$10-$26 Per Hour(Glassdoor est.)`, `₹25,000 - ₹30,000 a month`
/// * `2-4 Lacs PA`, `1.25-3 Lacs P.A.`, `3.6 LPA`, `1-5 Cr`
/// * `25k-35k`, `18000-25000`, `18,000 to 25,000 per month`
///
/// Text in brackets is a gloss and is skipped. `None` when no amount is
/// found.
pub fn parse_pay_text(text: &str) -> Option<PayText> {
    let t = outside_brackets(unwrap_repr(text))
        .replace(['–', '—'], "-")
        .replace(" to ", " - ");
    let words: Vec<&str> = t
        .split(|c: char| !c.is_alphanumeric() && c != '.')
        .map(|w| w.trim_matches('.'))
        .filter(|w| !w.is_empty())
        .collect();
    let currency = currency_of(&t, &words);
    let unit = unit_of(&t, &words);
    let amounts = amounts_in(&t);
    let (min, max) = match amounts.as_slice() {
        [] => return None,
        [(a, m)] => {
            let v = a * m.unwrap_or(1.0);
            (v, v)
        }
        [(a, ma), (b, mb), ..] => {
            // "2-4 Lacs", "25-35k": a multiplier written once applies to both
            let m = ma.or(*mb).unwrap_or(1.0);
            (a * ma.unwrap_or(m), b * mb.unwrap_or(m))
        }
    };
    // lakhs and crores are quoted a year in India
    let lakhs = amounts
        .iter()
        .any(|(_, m)| m.is_some_and(|m| m >= 100_000.0));
    let unit = unit.or(lakhs.then_some(SalaryUnit::Year));
    let (min, max) = if min <= max { (min, max) } else { (max, min) };
    (max > 0.0 && max.is_finite()).then_some(PayText {
        min,
        max,
        unit,
        currency,
    })
}

const LAKH_WORDS: [&str; 6] = ["lac", "lacs", "lakh", "lakhs", "lpa", "l"];
const CRORE_WORDS: [&str; 3] = ["cr", "crore", "crores"];

/// The text lowercased, with what is in brackets (a gloss) left out.
fn outside_brackets(text: &str) -> String {
    let mut t = String::with_capacity(text.len());
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ if depth == 0 => t.extend(c.to_lowercase()),
            _ => {}
        }
    }
    t
}

/// The currency a lowercased pay text names by sign or word.
fn currency_of(t: &str, words: &[&str]) -> Option<&'static str> {
    let has = |w: &str| t.contains(w);
    let word = |w: &str| words.contains(&w);
    if has("$") || word("usd") {
        Some("USD")
    } else if has("£") || word("gbp") {
        Some("GBP")
    } else if has("€") || word("eur") {
        Some("EUR")
    } else if has("₹")
        || ["rs", "inr", "rupees", "rupee"].iter().any(|w| word(w))
        || LAKH_WORDS.iter().chain(&CRORE_WORDS).any(|w| word(w))
    {
        Some("INR")
    } else {
        None
    }
}

/// The period a lowercased pay text names ("per hour", "p.m.", "LPA").
fn unit_of(t: &str, words: &[&str]) -> Option<SalaryUnit> {
    let word = |w: &str| words.contains(&w);
    if word("hour") || word("hr") || word("hourly") || t.contains("/hr") || word("ph") {
        Some(SalaryUnit::Hour)
    } else if word("day") || word("daily") || word("pd") {
        Some(SalaryUnit::Day)
    } else if word("week") || word("weekly") || word("pw") {
        Some(SalaryUnit::Week)
    } else if word("month") || word("monthly") || word("pm") || word("mo") || word("p.m") {
        Some(SalaryUnit::Month)
    } else if [
        "year", "yearly", "annum", "annual", "annually", "pa", "p.a", "yr", "lpa", "ctc",
    ]
    .iter()
    .any(|w| word(w))
    {
        Some(SalaryUnit::Year)
    } else {
        None
    }
}

/// The first two numbers of a lowercased pay text, each with the
/// multiplier written after it ("25k", "2 lacs", "1 cr").
fn amounts_in(t: &str) -> Vec<(f64, Option<f64>)> {
    let mut amounts: Vec<(f64, Option<f64>)> = Vec::new();
    let chars: Vec<char> = t.chars().collect();
    let mut i = 0;
    while i < chars.len() && amounts.len() < 2 {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let mut num = String::new();
        while i < chars.len() && (chars[i].is_ascii_digit() || matches!(chars[i], ',' | '.')) {
            if chars[i] != ',' {
                num.push(chars[i]);
            }
            i += 1;
        }
        let Ok(value) = num.trim_end_matches('.').parse::<f64>() else {
            continue;
        };
        let mut j = i;
        while j < chars.len() && chars[j] == ' ' {
            j += 1;
        }
        let suffix: String = chars[j..]
            .iter()
            .take_while(|c| c.is_alphabetic())
            .collect();
        let mult = match suffix.as_str() {
            "k" | "thousand" => Some(1_000.0),
            s if LAKH_WORDS.contains(&s) => Some(100_000.0),
            s if CRORE_WORDS.contains(&s) => Some(10_000_000.0),
            _ => None,
        };
        amounts.push((value, mult));
    }
    amounts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conversion_factors() {
        assert_eq!(monthly(100.0, SalaryUnit::Hour), Some(20_800));
        assert_eq!(monthly(800.0, SalaryUnit::Day), Some(20_800));
        assert_eq!(monthly(6_000.0, SalaryUnit::Week), Some(26_000));
        assert_eq!(monthly(25_000.0, SalaryUnit::Month), Some(25_000));
        assert_eq!(monthly(3_00_000.0, SalaryUnit::Year), Some(25_000));
        assert_eq!(monthly(4_50_000.0, SalaryUnit::Year), Some(37_500));
        assert_eq!(monthly(-1.0, SalaryUnit::Month), None);
        assert_eq!(monthly(f64::NAN, SalaryUnit::Month), None);
        assert_eq!(monthly(1e30, SalaryUnit::Month), None);
    }

    #[test]
    fn units() {
        for (s, u) in [
            ("HOUR", SalaryUnit::Hour),
            ("per hour", SalaryUnit::Hour),
            ("Daily", SalaryUnit::Day),
            ("WEEK", SalaryUnit::Week),
            ("month", SalaryUnit::Month),
            ("MONTHLY", SalaryUnit::Month),
            ("YEAR", SalaryUnit::Year),
            ("per annum", SalaryUnit::Year),
            ("LPA", SalaryUnit::Year),
        ] {
            assert_eq!(SalaryUnit::parse(s), Some(u), "{s}");
        }
        assert_eq!(SalaryUnit::parse("fortnight"), None);
        assert_eq!(SalaryUnit::parse(""), None);
    }

    #[test]
    fn amounts() {
        assert_eq!(parse_amount("25000"), Some(25_000.0));
        assert_eq!(parse_amount("1,20,000"), Some(120_000.0));
        assert_eq!(parse_amount("₹ 25,000.50"), Some(25_000.5));
        assert_eq!(parse_amount("Rs. 18000"), Some(18_000.0));
        assert_eq!(parse_amount("INR 18000"), Some(18_000.0));
        assert_eq!(parse_amount("abc"), None);
        assert_eq!(parse_amount(""), None);
        assert_eq!(parse_amount("₹"), None);
    }

    #[test]
    fn currencies() {
        assert_eq!(normalise_currency("inr").as_deref(), Some("INR"));
        assert_eq!(normalise_currency("₹").as_deref(), Some("INR"));
        assert_eq!(normalise_currency("usd").as_deref(), Some("USD"));
        assert_eq!(normalise_currency("rupees"), None);
    }

    #[test]
    fn python_values_in_cells() {
        assert_eq!(unwrap_repr("('1-2 Lacs PA',)"), "1-2 Lacs PA");
        assert_eq!(unwrap_repr("[\"3-6 Lacs PA\"]"), "3-6 Lacs PA");
        assert_eq!(unwrap_repr("('Not disclosed',)"), "Not disclosed");
        // a gloss in brackets, or two values, are left as they are
        assert_eq!(unwrap_repr("(Glassdoor est.)"), "(Glassdoor est.)");
        assert_eq!(unwrap_repr("('a', 'b')"), "('a', 'b')");
        let p = parse_pay_text("('1-2 Lacs PA',)").expect("reads");
        assert_eq!((p.min, p.max), (100_000.0, 200_000.0));
        assert!(undisclosed("('Not disclosed',)"));
    }

    #[test]
    fn pay_as_text() {
        let p = |t: &str| parse_pay_text(t).map(|p| (p.min, p.max, p.unit, p.currency));
        assert_eq!(
            p("$53K-$91K (Glassdoor est.)"),
            Some((53_000.0, 91_000.0, None, Some("USD")))
        );
        assert_eq!(
            p("$10-$26 Per Hour(Glassdoor est.)"),
            Some((10.0, 26.0, Some(SalaryUnit::Hour), Some("USD")))
        );
        assert_eq!(
            p("Employer Provided Salary:$120K-$160K"),
            Some((120_000.0, 160_000.0, None, Some("USD")))
        );
        assert_eq!(
            p("1.25-3 Lacs PA"),
            Some((125_000.0, 300_000.0, Some(SalaryUnit::Year), Some("INR")))
        );
        assert_eq!(
            p("3.6 LPA"),
            Some((360_000.0, 360_000.0, Some(SalaryUnit::Year), Some("INR")))
        );
        assert_eq!(p("25k-35k"), Some((25_000.0, 35_000.0, None, None)));
        assert_eq!(
            p("₹18,000 to ₹25,000 per month"),
            Some((18_000.0, 25_000.0, Some(SalaryUnit::Month), Some("INR")))
        );
        assert_eq!(p("Not disclosed"), None);
        assert!(undisclosed("Not disclosed") && undisclosed("-1"));
        assert!(!undisclosed("2-4 Lacs PA"));
    }
}
