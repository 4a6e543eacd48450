//! Places as postings write them, before any catalogue matching: which
//! country a place is in, the currency that country pays in, and a
//! location cell ("Dallas, TX, US", "KA, IN", "Hybrid - Pune") read into
//! locality, region and country.

use super::Place;

/// Indian states and union territories by ISO 3166-2:IN code (and the
/// older or vehicle-registration codes people still write).
pub const INDIAN_STATE_CODES: &[(&str, &str)] = &[
    ("AN", "Andaman and Nicobar Islands"),
    ("AP", "Andhra Pradesh"),
    ("AR", "Arunachal Pradesh"),
    ("AS", "Assam"),
    ("BR", "Bihar"),
    ("CH", "Chandigarh"),
    ("CT", "Chhattisgarh"),
    ("CG", "Chhattisgarh"),
    ("DH", "Dadra and Nagar Haveli and Daman and Diu"),
    ("DN", "Dadra and Nagar Haveli and Daman and Diu"),
    ("DD", "Dadra and Nagar Haveli and Daman and Diu"),
    ("DL", "Delhi"),
    ("GA", "Goa"),
    ("GJ", "Gujarat"),
    ("HR", "Haryana"),
    ("HP", "Himachal Pradesh"),
    ("JK", "Jammu and Kashmir"),
    ("JH", "Jharkhand"),
    ("KA", "Karnataka"),
    ("KL", "Kerala"),
    ("LA", "Ladakh"),
    ("LD", "Lakshadweep"),
    ("MP", "Madhya Pradesh"),
    ("MH", "Maharashtra"),
    ("MN", "Manipur"),
    ("ML", "Meghalaya"),
    ("MZ", "Mizoram"),
    ("NL", "Nagaland"),
    ("OD", "Odisha"),
    ("OR", "Odisha"),
    ("PY", "Puducherry"),
    ("PB", "Punjab"),
    ("RJ", "Rajasthan"),
    ("SK", "Sikkim"),
    ("TN", "Tamil Nadu"),
    ("TG", "Telangana"),
    ("TS", "Telangana"),
    ("TR", "Tripura"),
    ("UP", "Uttar Pradesh"),
    ("UK", "Uttarakhand"),
    ("UT", "Uttarakhand"),
    ("WB", "West Bengal"),
];

/// The fifty US states and DC by postal code. Eight of them (AR, CT, GA,
/// LA, MN, OR, TN, UT) are also Indian state codes.
const US_STATE_CODES: &[&str] = &[
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS",
    "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY",
    "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV",
    "WI", "WY", "DC",
];

/// Countries by the names and codes postings use, with the currency each
/// pays in. Not every country: the ones job files name most.
const COUNTRIES: &[(&str, &[&str], &str)] = &[
    (
        "IN",
        &["india", "in", "ind", "bharat", "republic of india"],
        "INR",
    ),
    (
        "US",
        &[
            "united states",
            "united states of america",
            "usa",
            "us",
            "u.s.",
            "u.s.a.",
            "america",
        ],
        "USD",
    ),
    (
        "GB",
        &[
            "united kingdom",
            "uk",
            "gb",
            "great britain",
            "england",
            "scotland",
            "wales",
        ],
        "GBP",
    ),
    ("CA", &["canada", "ca"], "CAD"),
    ("AU", &["australia", "au"], "AUD"),
    ("NZ", &["new zealand", "nz"], "NZD"),
    ("SG", &["singapore", "sg"], "SGD"),
    (
        "AE",
        &["united arab emirates", "uae", "ae", "dubai", "abu dhabi"],
        "AED",
    ),
    ("SA", &["saudi arabia", "ksa", "sa"], "SAR"),
    ("QA", &["qatar", "qa"], "QAR"),
    ("KW", &["kuwait", "kw"], "KWD"),
    ("OM", &["oman", "om"], "OMR"),
    ("BH", &["bahrain", "bh"], "BHD"),
    ("MY", &["malaysia", "my"], "MYR"),
    ("PH", &["philippines", "ph"], "PHP"),
    ("NP", &["nepal", "np"], "NPR"),
    ("LK", &["sri lanka", "lk"], "LKR"),
    ("BD", &["bangladesh", "bd"], "BDT"),
    ("PK", &["pakistan", "pk"], "PKR"),
    ("ZA", &["south africa", "za"], "ZAR"),
    ("JP", &["japan", "jp"], "JPY"),
    ("CN", &["china", "cn"], "CNY"),
    ("CH", &["switzerland", "ch"], "CHF"),
    ("DE", &["germany", "de", "deutschland"], "EUR"),
    ("FR", &["france", "fr"], "EUR"),
    ("NL", &["netherlands", "nl", "holland"], "EUR"),
    ("IE", &["ireland", "ie"], "EUR"),
    ("ES", &["spain", "es"], "EUR"),
    ("IT", &["italy", "it"], "EUR"),
    ("PL", &["poland", "pl"], "PLN"),
];

/// Lowercase, spaces collapsed, a trailing "(UK)"-style gloss dropped.
fn norm(s: &str) -> String {
    let s = match s.find('(') {
        Some(i) if i > 0 => &s[..i],
        _ => s,
    };
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The ISO code of a country as an `addressCountry` gives it (a name or a
/// code, any case). An unknown two- or three-letter code is kept as it is.
pub fn country_code(s: &str) -> Option<String> {
    let n = norm(s);
    if let Some((code, _, _)) = COUNTRIES
        .iter()
        .find(|(_, names, _)| names.contains(&n.as_str()))
    {
        return Some((*code).to_string());
    }
    let t = s.trim();
    ((2..=3).contains(&t.len()) && t.chars().all(|c| c.is_ascii_alphabetic()))
        .then(|| t.to_ascii_uppercase())
}

/// A country named in running text (a part of a location cell): full
/// names, and the codes that are not also state codes (`USA`, `UAE`).
fn country_in_text(s: &str) -> Option<&'static str> {
    let n = norm(s);
    if n.len() <= 2 {
        return None;
    }
    COUNTRIES
        .iter()
        .find(|(_, names, _)| names.contains(&n.as_str()))
        .map(|(code, _, _)| *code)
}

/// The currency a country pays in, by ISO country code.
pub fn currency_of(country: &str) -> Option<&'static str> {
    COUNTRIES
        .iter()
        .find(|(code, _, _)| code.eq_ignore_ascii_case(country))
        .map(|(_, _, cur)| *cur)
}

pub fn is_india(country: &str) -> bool {
    country_code(country).as_deref() == Some("IN")
}

/// An Indian state's name from its code (`MH`, `IN-MH`) or its name.
pub fn indian_state(s: &str) -> Option<&'static str> {
    let t = s.trim();
    let t = t
        .strip_prefix("IN-")
        .or_else(|| t.strip_prefix("in-"))
        .unwrap_or(t);
    let squashed: String = t
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    INDIAN_STATE_CODES.iter().find_map(|(code, name)| {
        let name_sq: String = name
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect();
        (code.eq_ignore_ascii_case(t) || name_sq == squashed).then_some(*name)
    })
}

/// A region written as an Indian state code (not a full name).
fn is_indian_code(s: &str) -> bool {
    let t = s.trim();
    INDIAN_STATE_CODES
        .iter()
        .any(|(code, _)| code.eq_ignore_ascii_case(t))
}

pub fn is_us_state_code(s: &str) -> bool {
    let t = s.trim();
    t.len() == 2 && US_STATE_CODES.iter().any(|c| c.eq_ignore_ascii_case(t))
}

/// What a place says about being in India, before the catalogue is asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Where {
    /// The country is India, or the region is an Indian state's name or a
    /// code only India uses.
    India,
    /// Another country, or a region only the US uses (`TX`, `WA`).
    Abroad,
    /// Nothing says: no country, and the region is missing or a code both
    /// countries use (`TN` is Tamil Nadu and Tennessee).
    Unsure,
}

/// Where a place is, from its country and region alone.
pub fn where_is(place: &Place) -> Where {
    if let Some(c) = place.country.as_deref().filter(|c| !c.trim().is_empty()) {
        return if is_india(c) {
            Where::India
        } else {
            Where::Abroad
        };
    }
    let Some(r) = place.region.as_deref().filter(|r| !r.trim().is_empty()) else {
        return Where::Unsure;
    };
    let us = is_us_state_code(r);
    let code = is_indian_code(r);
    match (indian_state(r).is_some(), code, us) {
        (true, false, _) => Where::India, // a full state name
        (true, true, false) => Where::India,
        (true, true, true) => Where::Unsure,
        (false, _, true) => Where::Abroad,
        (false, _, false) => Where::Unsure,
    }
}

/// The country code of a place that is clearly abroad (`US` for a US
/// state code with no country).
pub fn abroad_country(place: &Place) -> Option<String> {
    if where_is(place) != Where::Abroad {
        return None;
    }
    match place.country.as_deref() {
        Some(c) => country_code(c).or_else(|| Some(c.trim().to_string())),
        None => Some("US".to_string()),
    }
}

/// Text without its bracketed glosses: `Mumbai (All Areas)` → `Mumbai`,
/// `Delhi(Rohini)` → `Delhi`.
pub fn without_glosses(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut depth = 0usize;
    for c in s.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A location cell as CSV files and scrapers write it, read into the
/// place it names: `Dallas, TX, US`, `Bengaluru, Karnataka, India`,
/// `KA, IN`, `Albuquerque, NM`, `India`. A cell naming several towns
/// (`Kolkata, Hyderabad, Bengaluru`) stays one place with the whole text
/// as its locality: the matcher splits it, knowing the catalogue's cities.
/// Only countries (`Singapore, Canada, United Kingdom (UK)`) are one place
/// each.
pub fn parse_location(cell: &str) -> Vec<Place> {
    let cleaned: Vec<String> = cell.split(',').map(without_glosses).collect();
    let parts: Vec<&str> = cleaned
        .iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .collect();
    if parts.is_empty() {
        return Vec::new();
    }
    if parts.len() > 1 && parts.iter().all(|p| country_in_text(p).is_some()) {
        return parts
            .iter()
            .map(|p| Place {
                country: Some((*p).to_string()),
                ..Place::default()
            })
            .collect();
    }
    let mut rest: &[&str] = &parts;
    let mut country = None;
    if let [head @ .., last] = rest {
        let code_after_state = last.eq_ignore_ascii_case("IN")
            && head.last().is_some_and(|s| indian_state(s).is_some())
            || (head.len() >= 2 && last.len() == 2 && last.chars().all(|c| c.is_ascii_uppercase()));
        if country_in_text(last).is_some()
            || code_after_state
            || (head.is_empty() && is_india(last))
        {
            country = Some((*last).to_string());
            rest = head;
        }
    }
    let mut region = None;
    if let [head @ .., last] = rest
        && (indian_state(last).is_some() || is_us_state_code(last))
        && (!head.is_empty() || country.is_some() || last.len() == 2)
    {
        region = Some((*last).to_string());
        rest = head;
    }
    let locality = (!rest.is_empty()).then(|| rest.join(", "));
    if locality.is_none() && region.is_none() && country.is_none() {
        return Vec::new();
    }
    vec![Place {
        locality,
        region,
        country,
    }]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(l: Option<&str>, r: Option<&str>, c: Option<&str>) -> Place {
        Place {
            locality: l.map(String::from),
            region: r.map(String::from),
            country: c.map(String::from),
        }
    }

    #[test]
    fn location_cells() {
        assert_eq!(
            parse_location("Dallas, TX, US"),
            [place(Some("Dallas"), Some("TX"), Some("US"))]
        );
        assert_eq!(
            parse_location("Bengaluru, Karnataka, India"),
            [place(Some("Bengaluru"), Some("Karnataka"), Some("India"))]
        );
        assert_eq!(
            parse_location("KA, IN"),
            [place(None, Some("KA"), Some("IN"))]
        );
        assert_eq!(
            parse_location("Albuquerque, NM"),
            [place(Some("Albuquerque"), Some("NM"), None)]
        );
        assert_eq!(parse_location("India"), [place(None, None, Some("India"))]);
        assert_eq!(
            parse_location("Kolkata, Hyderabad, Bengaluru"),
            [place(Some("Kolkata, Hyderabad, Bengaluru"), None, None)]
        );
        assert_eq!(
            parse_location("Singapore, Canada, United Kingdom (UK)").len(),
            3
        );
        assert_eq!(parse_location(" , "), []);
        assert_eq!(
            parse_location("Pune, Maharashtra(Baner)"),
            [place(Some("Pune"), Some("Maharashtra"), None)]
        );
    }

    #[test]
    fn where_places_are() {
        let w = |l, r, c| where_is(&place(l, r, c));
        assert_eq!(w(Some("Nashville"), Some("TN"), Some("US")), Where::Abroad);
        assert_eq!(w(Some("Kirkland"), Some("WA"), None), Where::Abroad);
        assert_eq!(w(Some("Thane"), Some("MH"), None), Where::India);
        assert_eq!(w(Some("Salem"), Some("TN"), None), Where::Unsure);
        assert_eq!(w(Some("Salem"), Some("Tamil Nadu"), None), Where::India);
        assert_eq!(w(Some("Pune"), None, Some("IN")), Where::India);
        assert_eq!(w(Some("Pune"), None, None), Where::Unsure);
        assert_eq!(
            abroad_country(&place(Some("Austin"), Some("TX"), None)).as_deref(),
            Some("US")
        );
        assert_eq!(currency_of("GB"), Some("GBP"));
        assert_eq!(country_code("United States").as_deref(), Some("US"));
        assert_eq!(country_code("Bharat").as_deref(), Some("IN"));
    }
}
