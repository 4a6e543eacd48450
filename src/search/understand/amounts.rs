//! Pay and experience as people type them: `20000`, `20k`, `₹20,000`,
//! `3 lpa`, `above 25k`, `under 15000`, `15k-20k`, `2 years`, `3+ yrs`,
//! `minimum 3 years`, `1 to 3 yrs`.

use serde::{Deserialize, Serialize};

use super::tokens::{Kind, Token};
use crate::money::Rupees;

/// What pay a search asks for (rupees a month).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PayFilter {
    /// A bare amount: listings whose band contains it.
    About(Rupees),
    /// Listings that can pay at least this much.
    AtLeast(Rupees),
    /// Listings that start at or below this much.
    AtMost(Rupees),
    /// Listings whose band overlaps this one.
    Range(Rupees, Rupees),
}

impl PayFilter {
    /// As `(can pay at least, starts at or below)`.
    pub fn bounds(self) -> (Option<Rupees>, Option<Rupees>) {
        match self {
            PayFilter::About(x) => (Some(x), Some(x)),
            PayFilter::AtLeast(x) => (Some(x), None),
            PayFilter::AtMost(x) => (None, Some(x)),
            PayFilter::Range(a, b) => (Some(a), Some(b)),
        }
    }
}

/// What experience a search asks for (years).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ExpFilter {
    /// Listings open to someone with this many years.
    Years(u8),
    /// Open-ended: listings open to someone with this many years or more.
    AtLeast(u8),
    /// Listings open to someone with at most this many years.
    AtMost(u8),
    /// Listings whose range overlaps this one.
    Range(u8, u8),
    /// Listings that need some experience (not open to freshers).
    Experienced,
}

/// Experience conditions on a listing's `min..=max` years, all of which
/// must hold.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ExpBounds {
    pub min_at_most: Option<u8>,
    pub max_at_least: Option<u8>,
    pub min_at_least: Option<u8>,
}

impl ExpBounds {
    /// Both sets of conditions.
    pub fn and(self, o: ExpBounds) -> ExpBounds {
        fn pick(a: Option<u8>, b: Option<u8>, f: fn(u8, u8) -> u8) -> Option<u8> {
            match (a, b) {
                (Some(x), Some(y)) => Some(f(x, y)),
                (x, y) => x.or(y),
            }
        }
        ExpBounds {
            min_at_most: pick(self.min_at_most, o.min_at_most, u8::min),
            max_at_least: pick(self.max_at_least, o.max_at_least, u8::max),
            min_at_least: pick(self.min_at_least, o.min_at_least, u8::max),
        }
    }

    /// A person with `years` of experience.
    pub fn years(years: u8) -> ExpBounds {
        ExpBounds {
            min_at_most: Some(years),
            max_at_least: Some(years),
            min_at_least: None,
        }
    }

    pub fn passes(self, min: u8, max: u8) -> bool {
        self.min_at_most.is_none_or(|a| min <= a)
            && self.max_at_least.is_none_or(|b| max >= b)
            && self.min_at_least.is_none_or(|c| min >= c)
    }

    pub fn is_empty(self) -> bool {
        self == ExpBounds::default()
    }
}

impl ExpFilter {
    pub fn bounds(self) -> ExpBounds {
        match self {
            ExpFilter::Years(y) => ExpBounds::years(y),
            ExpFilter::AtLeast(y) => ExpBounds {
                max_at_least: Some(y),
                ..ExpBounds::default()
            },
            ExpFilter::AtMost(y) => ExpBounds {
                min_at_most: Some(y),
                ..ExpBounds::default()
            },
            ExpFilter::Range(a, b) => ExpBounds {
                min_at_most: Some(b),
                max_at_least: Some(a),
                min_at_least: None,
            },
            ExpFilter::Experienced => ExpBounds {
                min_at_least: Some(1),
                ..ExpBounds::default()
            },
        }
    }
}

/// A pay or experience phrase.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Amount {
    Pay(PayFilter),
    Exp(ExpFilter),
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Cmp {
    AtLeast,
    AtMost,
    Between,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Unit {
    Thousand,
    /// Lakhs a year.
    Lakh,
    Years,
}

const AT_LEAST: &[&str] = &[
    "above",
    "over",
    "more than",
    "min",
    "minimum",
    "at least",
    "atleast",
    "starting",
    "starting from",
    "from",
    "greater than",
    "not less than",
];
const AT_MOST: &[&str] = &[
    "under",
    "below",
    "less than",
    "upto",
    "up to",
    "max",
    "maximum",
    "within",
    "till",
    "not more than",
];
const AT_LEAST_AFTER: &[&str] = &[
    "and above",
    "or more",
    "plus",
    "above",
    "onwards",
    "and more",
];
const AT_MOST_AFTER: &[&str] = &["or less", "and below", "below", "max", "maximum"];
const MONTHLY: &[&str] = &["per month", "a month", "pm", "monthly", "month", "p m"];
const YEARLY: &[&str] = &[
    "per annum",
    "pa",
    "p a",
    "a year",
    "per year",
    "yearly",
    "annual",
    "annually",
    "ctc",
];
const EXPERIENCE_AFTER: &[&str] = &[
    "of experience",
    "experience",
    "exp",
    "of exp",
    "experienced",
];

/// The words of `tokens[at..]`, as far as they are words or units.
fn words_at(tokens: &[Token], at: usize, phrase: &str) -> Option<usize> {
    let mut n = 0;
    for w in phrase.split(' ') {
        let t = tokens.get(at + n)?;
        if !(matches!(t.kind, Kind::Word | Kind::Unit) && t.text == w) {
            return None;
        }
        n += 1;
    }
    Some(n)
}

/// The longest of `phrases` at `at`: how many tokens it takes.
fn any_at(tokens: &[Token], at: usize, phrases: &[&str]) -> usize {
    phrases
        .iter()
        .filter_map(|p| words_at(tokens, at, p))
        .max()
        .unwrap_or(0)
}

fn unit_at(tokens: &[Token], at: usize) -> Option<(Unit, usize)> {
    let t = tokens.get(at)?;
    if !matches!(t.kind, Kind::Word | Kind::Unit) {
        return None;
    }
    let unit = match t.text.as_str() {
        "k" | "thousand" | "hazar" | "hazaar" | "हजार" => Unit::Thousand,
        "l" | "lpa" | "lac" | "lacs" | "lakh" | "lakhs" | "lakhs pa" | "लाख" => Unit::Lakh,
        "y" | "yr" | "yrs" | "year" | "years" | "saal" | "sal" | "varsh" | "साल" | "वर्ष" => {
            Unit::Years
        }
        "experience" | "exp" => return Some((Unit::Years, 0)),
        _ => return None,
    };
    Some((unit, 1))
}

fn currency_at(tokens: &[Token], at: usize) -> usize {
    match tokens.get(at) {
        Some(t) if t.kind == Kind::Sym('₹') => 1,
        Some(t) if t.is_word() && matches!(t.text.as_str(), "rs" | "inr" | "rupees") => 1,
        _ => 0,
    }
}

/// A number with its unit, from `at`: (value, unit, tokens taken).
fn number_at(tokens: &[Token], at: usize) -> Option<(f64, Option<Unit>, usize)> {
    let mut j = at + currency_at(tokens, at);
    let Kind::Number(v) = tokens.get(j)?.kind else {
        return None;
    };
    j += 1;
    let unit = match unit_at(tokens, j) {
        Some((u, n)) => {
            j += n;
            Some(u)
        }
        None => None,
    };
    Some((v, unit, j - at))
}

/// A pay or experience phrase starting at `tokens[at]`, and the index
/// just past it.
pub(crate) fn parse_at(tokens: &[Token], at: usize) -> Option<(Amount, usize)> {
    let (mut cmp, mut j) = comparison_before(tokens, at);
    let (a, mut unit_a, taken) = number_at(tokens, j)?;
    j += taken;
    // a second number: 15k-20k, 15 to 20k, between 2 and 4 years
    let mut second = None;
    if let Some(t) = tokens.get(j) {
        let joins = t.kind == Kind::Sym('-')
            || (t.is_word() && t.text == "to")
            || (cmp == Some(Cmp::Between) && t.is_word() && t.text == "and");
        if joins && let Some((bv, bu, bt)) = number_at(tokens, j + 1) {
            second = Some((bv, bu));
            j += 1 + bt;
        }
    }
    let mut unit_b = second.and_then(|(_, u)| u);
    // "15-20k": the unit of the second applies to the first
    if unit_a.is_none() {
        unit_a = unit_b;
    }
    if unit_b.is_none() && second.is_some() {
        unit_b = unit_a;
    }
    // 3+ yrs, 25k+, 25k and above, 2 years or less
    if tokens.get(j).is_some_and(|t| t.kind == Kind::Sym('+')) {
        cmp = cmp.or(Some(Cmp::AtLeast));
        j += 1;
        // "3+ yrs": the unit may follow the plus
        if unit_a.is_none()
            && let Some((u, n)) = unit_at(tokens, j)
        {
            unit_a = Some(u);
            j += n;
        }
    }
    let after = any_at(tokens, j, AT_LEAST_AFTER);
    let before = any_at(tokens, j, AT_MOST_AFTER);
    if cmp.is_none() && after > 0 {
        cmp = Some(Cmp::AtLeast);
        j += after;
    } else if cmp.is_none() && before > 0 {
        cmp = Some(Cmp::AtMost);
        j += before;
    }
    let years = unit_a == Some(Unit::Years) || unit_b == Some(Unit::Years);
    if years {
        j += any_at(tokens, j, EXPERIENCE_AFTER);
        return experience(a, second.map(|s| s.0), cmp).map(|e| (Amount::Exp(e), j));
    }
    let (period, taken) = period_at(tokens, j);
    j += taken;
    let lo = to_month(a, unit_a, period)?;
    let pay = match second {
        Some((bv, _)) => {
            let hi = to_month(bv, unit_b, period)?;
            let (lo, hi) = if lo <= hi { (lo, hi) } else { (hi, lo) };
            if lo == hi {
                PayFilter::About(lo)
            } else {
                PayFilter::Range(lo, hi)
            }
        }
        None => match cmp {
            Some(Cmp::AtLeast) => PayFilter::AtLeast(lo),
            Some(Cmp::AtMost) => PayFilter::AtMost(lo),
            _ => PayFilter::About(lo),
        },
    };
    Some((Amount::Pay(pay), j))
}

/// "at least", "under", "between" before a number: the comparison and
/// the index past it.
fn comparison_before(tokens: &[Token], at: usize) -> (Option<Cmp>, usize) {
    let n = any_at(tokens, at, AT_LEAST);
    let m = any_at(tokens, at, AT_MOST);
    let b = words_at(tokens, at, "between").unwrap_or(0);
    if n > 0 && n >= m {
        (Some(Cmp::AtLeast), at + n)
    } else if m > 0 {
        (Some(Cmp::AtMost), at + m)
    } else if b > 0 {
        (Some(Cmp::Between), at + b)
    } else {
        (None, at)
    }
}

/// "per month", "per annum" after an amount: yearly or not (`None`: not
/// said), and the tokens taken.
fn period_at(tokens: &[Token], at: usize) -> (Option<bool>, usize) {
    let monthly = any_at(tokens, at, MONTHLY);
    let yearly = any_at(tokens, at, YEARLY);
    if yearly > 0 {
        (Some(true), yearly)
    } else if monthly > 0 {
        (Some(false), monthly)
    } else {
        (None, 0)
    }
}

/// An amount as monthly rupees, from its unit and the period said
/// (`Some(true)`: yearly).
fn to_month(v: f64, u: Option<Unit>, period: Option<bool>) -> Option<Rupees> {
    let annual = match (u, period) {
        (Some(Unit::Lakh), _) => return rupees(v * 100_000.0 / 12.0),
        (Some(Unit::Thousand), Some(true)) => return rupees(v * 1_000.0 / 12.0),
        (Some(Unit::Thousand), _) => return rupees(v * 1_000.0),
        (_, Some(annual)) => annual,
        // a bare amount of two lakh or more is a year's pay
        (_, None) => v >= 200_000.0,
    };
    // bare amounts under a thousand are not pay ("2", "10th")
    if v < 1_000.0 {
        return None;
    }
    rupees(if annual { v / 12.0 } else { v })
}

fn rupees(v: f64) -> Option<Rupees> {
    (v.is_finite() && v >= 1.0 && v <= f64::from(u32::MAX)).then(|| Rupees(v.round() as u32))
}

fn experience(a: f64, b: Option<f64>, cmp: Option<Cmp>) -> Option<ExpFilter> {
    let whole = |v: f64| (v.fract() == 0.0 && (0.0..=50.0).contains(&v)).then_some(v as u8);
    let a = whole(a)?;
    Some(match (b.map(whole), cmp) {
        (Some(Some(b)), _) => {
            let (lo, hi) = (a.min(b), a.max(b));
            if lo == hi {
                ExpFilter::Years(lo)
            } else {
                ExpFilter::Range(lo, hi)
            }
        }
        (Some(None), _) => return None,
        (None, Some(Cmp::AtLeast)) => ExpFilter::AtLeast(a),
        (None, Some(Cmp::AtMost)) => ExpFilter::AtMost(a),
        (None, _) => ExpFilter::Years(a),
    })
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn amount(text: &str) -> Option<(Amount, usize)> {
        let (tokens, _) = tokenize(text);
        parse_at(&tokens, 0).map(|(a, end)| (a, tokens.len() - end))
    }

    fn pay(text: &str) -> Option<PayFilter> {
        match amount(text) {
            Some((Amount::Pay(p), 0)) => Some(p),
            _ => None,
        }
    }

    fn exp(text: &str) -> Option<ExpFilter> {
        match amount(text) {
            Some((Amount::Exp(e), 0)) => Some(e),
            _ => None,
        }
    }

    #[test]
    fn pay_as_people_type_it() {
        let r = Rupees;
        assert_eq!(pay("20000"), Some(PayFilter::About(r(20_000))));
        assert_eq!(pay("20k"), Some(PayFilter::About(r(20_000))));
        assert_eq!(pay("20 k"), Some(PayFilter::About(r(20_000))));
        assert_eq!(pay("₹20,000"), Some(PayFilter::About(r(20_000))));
        assert_eq!(pay("rs 20000 per month"), Some(PayFilter::About(r(20_000))));
        assert_eq!(pay("3 lpa"), Some(PayFilter::About(r(25_000))));
        assert_eq!(pay("3lpa"), Some(PayFilter::About(r(25_000))));
        assert_eq!(pay("3 lakh"), Some(PayFilter::About(r(25_000))));
        assert_eq!(
            pay("3.6 lakhs per annum"),
            Some(PayFilter::About(r(30_000)))
        );
        assert_eq!(
            pay("300000"),
            Some(PayFilter::About(r(25_000))),
            "a year's pay"
        );
        assert_eq!(pay("240000 per annum"), Some(PayFilter::About(r(20_000))));
        assert_eq!(pay("above 25k"), Some(PayFilter::AtLeast(r(25_000))));
        assert_eq!(pay("more than 25000"), Some(PayFilter::AtLeast(r(25_000))));
        assert_eq!(pay("25k+"), Some(PayFilter::AtLeast(r(25_000))));
        assert_eq!(pay("25k and above"), Some(PayFilter::AtLeast(r(25_000))));
        assert_eq!(pay("under 15000"), Some(PayFilter::AtMost(r(15_000))));
        assert_eq!(pay("upto 15k"), Some(PayFilter::AtMost(r(15_000))));
        assert_eq!(pay("up to 15k"), Some(PayFilter::AtMost(r(15_000))));
        assert_eq!(pay("15k-20k"), Some(PayFilter::Range(r(15_000), r(20_000))));
        assert_eq!(pay("15-20k"), Some(PayFilter::Range(r(15_000), r(20_000))));
        assert_eq!(
            pay("15000 to 20000"),
            Some(PayFilter::Range(r(15_000), r(20_000)))
        );
        assert_eq!(
            pay("between 15k and 20k"),
            Some(PayFilter::Range(r(15_000), r(20_000)))
        );
        assert_eq!(pay("3-4 lpa"), Some(PayFilter::Range(r(25_000), r(33_333))));
        assert_eq!(pay("20k-15k"), Some(PayFilter::Range(r(15_000), r(20_000))));
    }

    #[test]
    fn small_bare_numbers_are_not_pay() {
        assert_eq!(amount("2"), None);
        assert_eq!(amount("500"), None);
        assert_eq!(amount("above 3"), None);
        assert_eq!(amount("payroll"), None);
    }

    #[test]
    fn experience_as_people_type_it() {
        assert_eq!(exp("2 years"), Some(ExpFilter::Years(2)));
        assert_eq!(exp("2yrs"), Some(ExpFilter::Years(2)));
        assert_eq!(exp("1 year experience"), Some(ExpFilter::Years(1)));
        assert_eq!(exp("0 experience"), Some(ExpFilter::Years(0)));
        assert_eq!(exp("3+ yrs"), Some(ExpFilter::AtLeast(3)));
        assert_eq!(exp("3+ years of experience"), Some(ExpFilter::AtLeast(3)));
        assert_eq!(exp("minimum 3 years"), Some(ExpFilter::AtLeast(3)));
        assert_eq!(exp("min 3 yrs"), Some(ExpFilter::AtLeast(3)));
        assert_eq!(exp("3 years or more"), Some(ExpFilter::AtLeast(3)));
        assert_eq!(exp("upto 2 years"), Some(ExpFilter::AtMost(2)));
        assert_eq!(exp("1-3 years"), Some(ExpFilter::Range(1, 3)));
        assert_eq!(exp("1 to 3 yrs"), Some(ExpFilter::Range(1, 3)));
        assert_eq!(exp("2 saal"), Some(ExpFilter::Years(2)), "Hinglish");
        assert_eq!(exp("2.5 years"), None, "whole years only");
        assert_eq!(exp("99 years"), None);
    }

    #[test]
    fn bounds_say_which_ranges_pass() {
        // a listing asking 0-2 years
        assert!(ExpFilter::Years(1).bounds().passes(0, 2));
        assert!(!ExpFilter::Years(3).bounds().passes(0, 2));
        assert!(ExpFilter::AtLeast(2).bounds().passes(0, 2));
        assert!(ExpFilter::AtLeast(3).bounds().passes(2, 50), "open-ended");
        assert!(!ExpFilter::AtLeast(3).bounds().passes(0, 2));
        assert!(ExpFilter::AtMost(1).bounds().passes(0, 2));
        assert!(!ExpFilter::AtMost(1).bounds().passes(3, 5));
        assert!(ExpFilter::Range(1, 3).bounds().passes(3, 5));
        assert!(!ExpFilter::Experienced.bounds().passes(0, 2));
        assert!(ExpFilter::Experienced.bounds().passes(1, 3));
        let both = ExpBounds::years(2).and(ExpFilter::Experienced.bounds());
        assert!(both.passes(1, 3) && !both.passes(0, 3));
    }
}
