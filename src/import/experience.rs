//! Experience asked for, in years, from `monthsOfExperience` or from text
//! like "2-5 years", "3+ yrs", "6 months", "Fresher".

/// The upper end of an open-ended requirement ("3+ years", a bare
/// `monthsOfExperience`): open to anyone with at least the minimum.
pub use crate::display::OPEN_ENDED_MAX_YEARS;

/// Years (min, max) from `monthsOfExperience`, which schema.org defines as
/// a minimum.
pub fn from_months(months: f64) -> Option<(u8, u8)> {
    if !months.is_finite() || months < 0.0 {
        return None;
    }
    let years = (months / 12.0).floor().min(f64::from(OPEN_ENDED_MAX_YEARS)) as u8;
    Some((years, OPEN_ENDED_MAX_YEARS))
}

/// Years (min, max) from free text; `None` when the text gives no figure
/// and does not say "fresher".
///
/// * `2-5 years`, `2 to 5 yrs`, `2 - 5 Years` → (2, 5)
/// * `3+ years`, `minimum 3 years` (also misspelt `Minumum`), `at least 3 years`,
///   `3 years or more` → (3, 50)
/// * `up to 2 years` → (0, 2)
/// * `2 years` → (2, 2); `18 months` → (1, 2); `6 months` → (0, 1)
/// * `Fresher`, `No experience required` → (0, 0); `Freshers or up to 1 year` → (0, 1)
pub fn parse_experience(text: &str) -> Option<(u8, u8)> {
    let t = text.to_lowercase();
    let numbers = numbers(&t);
    let months = t.contains("month") && !(t.contains("year") || t.contains("yr"));
    let to_years = |n: f64, up: bool| -> u8 {
        let y = if months { n / 12.0 } else { n };
        let y = if up { y.ceil() } else { y.floor() };
        y.clamp(0.0, f64::from(OPEN_ENDED_MAX_YEARS)) as u8
    };
    let fresher = ["fresher", "no experience", "entry level", "entry-level"]
        .iter()
        .any(|w| t.contains(w));
    // "minimum" as people spell it: "Minimum", "Min.", "Minumum", "Minimun"
    let min_word = t.split(|c: char| !c.is_alphanumeric()).any(|w| {
        w == "min"
            || (w.len() >= 6
                && (w.starts_with("mini") || w.starts_with("minu"))
                && (w.ends_with('m') || w.ends_with('n')))
    });
    let open = t.contains('+')
        || min_word
        || [
            "at least",
            "atleast",
            "above",
            "more than",
            "over ",
            "or more",
            "plus",
        ]
        .iter()
        .any(|w| t.contains(w));
    let up_to = [
        "up to",
        "upto",
        "max",
        "less than",
        "below",
        "within",
        "under ",
    ]
    .iter()
    .any(|w| t.contains(w));
    match numbers.as_slice() {
        [] => fresher.then_some((0, 0)),
        [n] if up_to || fresher => Some((0, to_years(*n, true))),
        [n] if open => Some((to_years(*n, false), OPEN_ENDED_MAX_YEARS)),
        [n] => {
            let lo = to_years(*n, false);
            Some((lo, to_years(*n, true).max(lo)))
        }
        [a, b, ..] => {
            let (a, b) = if a <= b { (*a, *b) } else { (*b, *a) };
            Some((to_years(a, false), to_years(b, true)))
        }
    }
}

/// The numbers in `t`, in order (`1.5` is one number).
fn numbers(t: &str) -> Vec<f64> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in t.chars().chain(std::iter::once(' ')) {
        if c.is_ascii_digit() || (c == '.' && !cur.is_empty() && !cur.contains('.')) {
            cur.push(c);
        } else if !cur.is_empty() {
            if let Ok(n) = cur.trim_end_matches('.').parse::<f64>() {
                out.push(n);
            }
            cur.clear();
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_and_words() {
        let open = OPEN_ENDED_MAX_YEARS;
        for (s, want) in [
            ("2-5 years", Some((2, 5))),
            ("2 to 5 Yrs", Some((2, 5))),
            ("5 - 2 years", Some((2, 5))),
            ("3+ years", Some((3, open))),
            ("Minimum 3 years in accounts", Some((3, open))),
            // schema.org's own JobPosting example spells it so
            (
                "Minumum 3 years experience as a software engineer",
                Some((3, open)),
            ),
            ("Min. 2 yrs", Some((2, open))),
            ("3 years or more", Some((3, open))),
            ("Minimal supervision; 2 years", Some((2, 2))),
            ("at least 1 year", Some((1, open))),
            ("up to 2 years", Some((0, 2))),
            ("2 years", Some((2, 2))),
            ("1.5 years", Some((1, 2))),
            ("18 months", Some((1, 2))),
            ("6 months", Some((0, 1))),
            ("Fresher", Some((0, 0))),
            ("Freshers can apply", Some((0, 0))),
            ("Freshers or up to 1 year", Some((0, 1))),
            ("No experience required", Some((0, 0))),
            ("Good communication", None),
            ("", None),
        ] {
            assert_eq!(parse_experience(s), want, "{s}");
        }
    }

    #[test]
    fn months_of_experience_is_a_minimum() {
        assert_eq!(from_months(24.0), Some((2, OPEN_ENDED_MAX_YEARS)));
        assert_eq!(from_months(6.0), Some((0, OPEN_ENDED_MAX_YEARS)));
        assert_eq!(from_months(-1.0), None);
        assert_eq!(
            from_months(1e9),
            Some((OPEN_ENDED_MAX_YEARS, OPEN_ENDED_MAX_YEARS))
        );
    }
}
