//! "No city 'Pnue'; did you mean Pune?": the error for a value that is not
//! in a vocabulary, with the closest suggestion or the valid values.

use std::fmt;

/// A value given by a user that names nothing in a vocabulary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownValue {
    /// What the vocabulary is called: "city", "role", "work mode".
    pub what: &'static str,
    pub given: String,
    /// The valid values (display forms).
    pub valid: Vec<String>,
}

impl UnknownValue {
    pub fn new(what: &'static str, given: &str, valid: Vec<String>) -> Self {
        UnknownValue {
            what,
            given: given.to_string(),
            valid,
        }
    }

    /// The closest valid values, best first (at most three).
    pub fn suggestions(&self) -> Vec<&str> {
        suggest(&self.given, self.valid.iter().map(String::as_str))
    }
}

/// Valid values close to `given`, best first, at most three.
pub fn suggest<'a>(given: &str, valid: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let g = given.to_lowercase();
    let mut scored: Vec<(f64, &str)> = valid
        .filter_map(|v| {
            let l = v.to_lowercase();
            let mut score = strsim::jaro_winkler(&g, &l);
            if !g.is_empty() && (l.starts_with(&g) || l.contains(&g)) {
                score = score.max(0.9);
            }
            (score >= 0.82).then_some((score, v))
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    scored.into_iter().take(3).map(|(_, v)| v).collect()
}

impl fmt::Display for UnknownValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "no {} '{}'", self.what, self.given)?;
        let near = self.suggestions();
        let few = self.valid.len() <= 12;
        let valid = || format!(" (valid: {})", self.valid.join(", "));
        match near.as_slice() {
            [one] => {
                write!(f, "; did you mean {one}?")?;
                if few {
                    write!(f, "{}", valid())
                } else {
                    Ok(())
                }
            }
            [first, rest @ ..] if !rest.is_empty() => {
                write!(f, "; did you mean {first}")?;
                for r in rest {
                    write!(f, " or {r}")?;
                }
                write!(f, "?")?;
                if few {
                    write!(f, "{}", valid())
                } else {
                    Ok(())
                }
            }
            _ if self.valid.len() <= 12 => write!(f, "; valid: {}", self.valid.join(", ")),
            _ => {
                let shown: Vec<&str> = self.valid.iter().take(8).map(String::as_str).collect();
                write!(
                    f,
                    "; {} values exist, e.g. {} ...",
                    self.valid.len(),
                    shown.join(", ")
                )
            }
        }
    }
}

impl std::error::Error for UnknownValue {}

#[cfg(test)]
mod tests {
    use super::*;

    fn cities() -> Vec<String> {
        ["Pune", "Mumbai", "Patna", "Delhi", "Bengaluru"]
            .into_iter()
            .map(String::from)
            .collect()
    }

    #[test]
    fn suggests_the_closest_city() {
        let e = UnknownValue::new("city", "Pnue", cities());
        assert_eq!(
            e.to_string(),
            "no city 'Pnue'; did you mean Pune? (valid: Pune, Mumbai, Patna, Delhi, Bengaluru)"
        );
    }

    #[test]
    fn lists_valid_values_when_nothing_is_close() {
        let e = UnknownValue::new("city", "Xyzzy", cities());
        assert_eq!(
            e.to_string(),
            "no city 'Xyzzy'; valid: Pune, Mumbai, Patna, Delhi, Bengaluru"
        );
    }

    #[test]
    fn prefix_counts_as_close() {
        assert_eq!(
            suggest("beng", cities().iter().map(String::as_str)),
            ["Bengaluru"]
        );
    }
}
