//! Rupee amounts: a monthly-salary newtype, Indian digit grouping and
//! parsing of the ways people write salaries ("18000", "₹18,000", "4.5L",
//! "4.5 LPA", "25k").

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// Whole rupees per month. Every salary in backdesk is stored this way;
/// annual figures are converted at the edges.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Rupees(pub u32);

impl Rupees {
    /// The annual equivalent in rupees.
    pub fn annual(self) -> u64 {
        u64::from(self.0) * 12
    }

    /// From an annual amount, rounded to the nearest rupee a month.
    pub fn from_annual(annual: u64) -> Rupees {
        let monthly = (annual + 6) / 12;
        Rupees(u32::try_from(monthly).unwrap_or(u32::MAX))
    }

    /// `₹1,20,000`
    pub fn display(self) -> String {
        format!("₹{}", group_indian(u64::from(self.0)))
    }

    /// The annual figure in lakhs, e.g. `4.5 LPA`.
    pub fn lpa(self) -> String {
        format_lpa(self.annual())
    }
}

impl fmt::Display for Rupees {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.display())
    }
}

/// How salaries are shown: per month in rupees, or per year in lakhs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Period {
    #[default]
    Monthly,
    Annual,
}

impl Period {
    pub fn toggled(self) -> Period {
        match self {
            Period::Monthly => Period::Annual,
            Period::Annual => Period::Monthly,
        }
    }
}

/// Groups digits the Indian way: the last three, then pairs (12,34,56,789).
pub fn group_indian(n: u64) -> String {
    let digits = n.to_string();
    if digits.len() <= 3 {
        return digits;
    }
    let (head, last3) = digits.split_at(digits.len() - 3);
    let mut out = String::with_capacity(digits.len() + digits.len() / 2);
    let first = head.len() % 2;
    if first == 1 {
        out.push_str(&head[..1]);
    }
    for (i, pair) in head.as_bytes()[first..].chunks(2).enumerate() {
        if i > 0 || first == 1 {
            out.push(',');
        }
        out.push(pair[0] as char);
        out.push(pair[1] as char);
    }
    out.push(',');
    out.push_str(last3);
    out
}

/// An annual amount in lakhs per annum with at most one decimal: `4.5 LPA`, `12 LPA`.
pub fn format_lpa(annual: u64) -> String {
    // tenths of a lakh, rounded half up
    let tenths = (annual + 5_000) / 10_000;
    if tenths.is_multiple_of(10) {
        format!("{} LPA", tenths / 10)
    } else {
        format!("{}.{} LPA", tenths / 10, tenths % 10)
    }
}

/// A monthly salary range for display, in the chosen period.
/// `₹18,000–25,000` or `2.2–3 LPA`; open ends read `₹18,000+` / `up to ₹25,000`.
pub fn format_range(min: Option<Rupees>, max: Option<Rupees>, period: Period) -> String {
    match period {
        Period::Monthly => match (min, max) {
            (Some(a), Some(b)) if a == b => a.display(),
            (Some(a), Some(b)) => format!("{}–{}", a.display(), group_indian(u64::from(b.0))),
            (Some(a), None) => format!("{}+", a.display()),
            (None, Some(b)) => format!("up to {}", b.display()),
            (None, None) => "not disclosed".to_string(),
        },
        Period::Annual => match (min, max) {
            (Some(a), Some(b)) if a == b => a.lpa(),
            (Some(a), Some(b)) => {
                let lo = a.lpa();
                let lo = lo.trim_end_matches(" LPA");
                format!("{lo}–{}", b.lpa())
            }
            (Some(a), None) => format!("{}+", a.lpa()),
            (None, Some(b)) => format!("up to {}", b.lpa()),
            (None, None) => "not disclosed".to_string(),
        },
    }
}

/// Rupees in thousands: 18000 → "18", 10500 → "10.5".
pub fn thousands(n: u32) -> String {
    if n.is_multiple_of(1000) {
        (n / 1000).to_string()
    } else {
        let tenths = (u64::from(n) + 50) / 100;
        if tenths.is_multiple_of(10) {
            (tenths / 10).to_string()
        } else {
            format!("{}.{}", tenths / 10, tenths % 10)
        }
    }
}

/// A monthly amount for a narrow column, without its ₹: thousands under a
/// lakh ("18", "48.5" with unit "k"), lakhs from one ("1.02", "1.3" with
/// unit "L"), the way Indian readers say pay. Which unit is decided on
/// the rounded figure, so ₹99,999 reads "1L", not "100k".
fn short_amount(n: u32) -> (String, &'static str) {
    let t = thousands(n);
    // hundredths of a lakh are thousands of rupees, rounded half up
    let hundredths = (u64::from(n) + 500) / 1_000;
    if hundredths < 100 {
        return (t, "k");
    }
    let (whole, frac) = (hundredths / 100, hundredths % 100);
    let text = match frac {
        0 => whole.to_string(),
        f if f % 10 == 0 => format!("{whole}.{}", f / 10),
        f => format!("{whole}.{f:02}"),
    };
    (text, "L")
}

/// A salary range for a narrow column, with its ₹: `₹18–23k` a month,
/// `₹1.02–1.3L` over a lakh, `₹95k–1.2L` across it, `₹18k+`, `≤₹25k`;
/// `2.2–3L` a year. [`format_range`] is the long form.
pub fn format_range_short(min: Option<Rupees>, max: Option<Rupees>, period: Period) -> String {
    match period {
        Period::Monthly => {
            let one = |r: Rupees| {
                let (n, u) = short_amount(r.0);
                format!("{n}{u}")
            };
            match (min, max) {
                (Some(a), Some(b)) => {
                    let ((x, ux), (y, uy)) = (short_amount(a.0), short_amount(b.0));
                    if x == y && ux == uy {
                        format!("₹{x}{ux}")
                    } else if ux == uy {
                        format!("₹{x}–{y}{uy}")
                    } else {
                        format!("₹{x}{ux}–{y}{uy}")
                    }
                }
                (Some(a), None) => format!("₹{}+", one(a)),
                (None, Some(b)) => format!("≤₹{}", one(b)),
                (None, None) => "—".to_string(),
            }
        }
        Period::Annual => {
            let l = |r: Rupees| format_lpa(r.annual()).trim_end_matches(" LPA").to_string();
            match (min, max) {
                (Some(a), Some(b)) if a == b => format!("{}L", l(a)),
                (Some(a), Some(b)) => format!("{}–{}L", l(a), l(b)),
                (Some(a), None) => format!("{}L+", l(a)),
                (None, Some(b)) => format!("≤{}L", l(b)),
                (None, None) => "—".to_string(),
            }
        }
    }
}

/// A monthly range in another currency, as given: `EUR 4,160–5,200 a month`.
/// Never converted to rupees, so never compared with rupee figures.
pub fn format_foreign(currency: &str, min: Option<u32>, max: Option<u32>) -> String {
    let n = |v: u32| group_thousands(u64::from(v));
    match (min, max) {
        (Some(a), Some(b)) if a == b => format!("{currency} {} a month", n(a)),
        (Some(a), Some(b)) => format!("{currency} {}–{} a month", n(a), n(b)),
        (Some(a), None) => format!("{currency} {}+ a month", n(a)),
        (None, Some(b)) => format!("{currency} up to {} a month", n(b)),
        (None, None) => "not disclosed".to_string(),
    }
}

/// Digits in groups of three, the way every currency but the rupee is
/// written: 416667 → "416,667", 1234567 → "1,234,567".
pub fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Why a salary string did not parse.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "'{input}' is not a salary: write a monthly amount (18000, ₹18,000, 25k) or an annual one in lakhs (4.5L, 4.5 LPA)"
)]
pub struct ParseSalaryError {
    pub input: String,
}

/// Parses a salary the way users type it and returns rupees per month.
///
/// * `18000`, `18,000`, `₹18,000`, `Rs 18000`: monthly rupees
/// * `25k`, `25K`: thousands per month
/// * `4.5L`, `4.5 LPA`, `4.5 lakh`, `4.5 lakhs`: lakhs per annum
pub fn parse_salary(input: &str) -> Result<Rupees, ParseSalaryError> {
    let bad = || ParseSalaryError {
        input: input.to_string(),
    };
    let mut s = input.trim().to_ascii_lowercase();
    for prefix in ["₹", "rs.", "rs", "inr"] {
        if let Some(rest) = s.strip_prefix(prefix) {
            s = rest.trim_start().to_string();
        }
    }
    s.retain(|c| c != ',' && c != '_');
    let s = s.trim();
    // split number and unit
    let split = s
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(s.len());
    let (num, unit) = s.split_at(split);
    let unit = unit.trim();
    if num.is_empty() || num.chars().filter(|&c| c == '.').count() > 1 {
        return Err(bad());
    }
    let value: f64 = num.parse().map_err(|_| bad())?;
    if !value.is_finite() || value < 0.0 {
        return Err(bad());
    }
    let monthly = match unit {
        "" | "pm" | "/month" | "per month" | "/m" => {
            if num.contains('.') {
                return Err(bad());
            }
            value
        }
        "k" | "k pm" | "k/month" => value * 1_000.0,
        "l" | "lpa" | "lakh" | "lakhs" | "lac" | "lacs" | "l pa" | "lakh pa" | "lakhs pa"
        | "lakh per annum" | "lakhs per annum" => value * 100_000.0 / 12.0,
        _ => return Err(bad()),
    };
    if monthly > f64::from(u32::MAX) {
        return Err(bad());
    }
    Ok(Rupees(monthly.round() as u32))
}

impl FromStr for Rupees {
    type Err = ParseSalaryError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        parse_salary(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indian_grouping() {
        assert_eq!(group_indian(0), "0");
        assert_eq!(group_indian(999), "999");
        assert_eq!(group_indian(1_000), "1,000");
        assert_eq!(group_indian(18_000), "18,000");
        assert_eq!(group_indian(1_20_000), "1,20,000");
        assert_eq!(group_indian(12_34_567), "12,34,567");
        assert_eq!(group_indian(1_23_45_67_890), "1,23,45,67,890");
    }

    #[test]
    fn other_currencies_group_in_thousands() {
        assert_eq!(group_thousands(0), "0");
        assert_eq!(group_thousands(999), "999");
        assert_eq!(group_thousands(416_667), "416,667");
        assert_eq!(group_thousands(1_234_567), "1,234,567");
        assert_eq!(
            format_foreign("USD", Some(33_333), Some(416_667)),
            "USD 33,333–416,667 a month"
        );
        assert_eq!(
            format_foreign("GBP", Some(2_250), None),
            "GBP 2,250+ a month"
        );
        assert_eq!(Rupees(120_000).display(), "₹1,20,000");
    }

    #[test]
    fn lakhs_per_annum() {
        assert_eq!(Rupees(37_500).lpa(), "4.5 LPA");
        assert_eq!(Rupees(100_000).lpa(), "12 LPA");
        assert_eq!(Rupees(16_667).lpa(), "2 LPA");
        assert_eq!(format_lpa(250_000), "2.5 LPA");
    }

    #[test]
    fn ranges() {
        let r = |n| Some(Rupees(n));
        assert_eq!(
            format_range(r(18_000), r(25_000), Period::Monthly),
            "₹18,000–25,000"
        );
        assert_eq!(
            format_range(r(18_000), r(25_000), Period::Annual),
            "2.2–3 LPA"
        );
        assert_eq!(format_range(r(18_000), None, Period::Monthly), "₹18,000+");
        assert_eq!(format_range(None, None, Period::Monthly), "not disclosed");
    }

    #[test]
    fn short_ranges_keep_the_rupee_sign() {
        let r = |n| Some(Rupees(n));
        let short = |a, b| format_range_short(a, b, Period::Monthly);
        assert_eq!(short(r(18_000), r(23_000)), "₹18–23k");
        assert_eq!(short(r(38_000), r(48_500)), "₹38–48.5k");
        assert_eq!(short(r(18_000), None), "₹18k+");
        assert_eq!(short(None, r(25_000)), "≤₹25k");
        assert_eq!(short(r(9_960), r(9_960)), "₹10k");
        assert_eq!(short(None, None), "—");
        assert_eq!(
            format_range_short(r(18_000), r(25_000), Period::Annual),
            "2.2–3L"
        );
    }

    #[test]
    fn short_pay_over_a_lakh_reads_in_lakhs() {
        let r = |n| Some(Rupees(n));
        let short = |a, b| format_range_short(a, b, Period::Monthly);
        // the boundary: what rounds to a lakh reads as one
        assert_eq!(short(r(99_000), None), "₹99k+");
        assert_eq!(short(r(99_499), None), "₹99.5k+");
        assert_eq!(short(r(99_999), None), "₹1L+");
        assert_eq!(short(r(1_00_000), None), "₹1L+");
        assert_eq!(short(None, r(1_00_000)), "≤₹1L");
        assert_eq!(short(r(99_999), r(1_00_000)), "₹1L");
        // both over a lakh: "₹1.02–1.3L", not "₹102–130k"
        assert_eq!(short(r(1_02_000), r(1_30_000)), "₹1.02–1.3L");
        assert_eq!(short(r(83_500), r(1_40_500)), "₹83.5k–1.41L");
        assert_eq!(short(r(95_000), r(1_20_000)), "₹95k–1.2L");
        assert_eq!(short(r(1_00_000), r(12_50_000)), "₹1–12.5L");
        assert_eq!(short(r(1_05_000), r(1_05_000)), "₹1.05L");
        // under a lakh unchanged
        assert_eq!(short(r(95_000), r(99_000)), "₹95–99k");
    }

    #[test]
    fn parses_what_people_type() {
        assert_eq!(parse_salary("18000"), Ok(Rupees(18_000)));
        assert_eq!(parse_salary("18,000"), Ok(Rupees(18_000)));
        assert_eq!(parse_salary("₹1,20,000"), Ok(Rupees(120_000)));
        assert_eq!(parse_salary("Rs 15000"), Ok(Rupees(15_000)));
        assert_eq!(parse_salary("25k"), Ok(Rupees(25_000)));
        assert_eq!(parse_salary("4.5L"), Ok(Rupees(37_500)));
        assert_eq!(parse_salary("4.5 LPA"), Ok(Rupees(37_500)));
        assert_eq!(parse_salary("3 lakhs"), Ok(Rupees(25_000)));
        assert!(parse_salary("").is_err());
        assert!(parse_salary("abc").is_err());
        assert!(parse_salary("-5").is_err());
        assert!(parse_salary("1.2.3L").is_err());
        assert!(parse_salary("18000.5").is_err());
        assert!(parse_salary("99999999999999").is_err());
    }

    #[test]
    fn annual_round_trip() {
        assert_eq!(Rupees::from_annual(450_000), Rupees(37_500));
        assert_eq!(Rupees::from_annual(200_000), Rupees(16_667));
        assert_eq!(Rupees(37_500).annual(), 450_000);
    }
}
