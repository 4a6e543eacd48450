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
}
