//! One schema.org `JobPosting`, as a JSON object, to a [`Posting`]. JSON-LD
//! gives the object as it is; microdata and RDFa items are turned into the
//! same shape first (see `structured`), so all three forms are read here.

use serde_json::{Map, Value};

use super::experience::{from_months, parse_experience};
use super::places::{abroad_country, currency_of};
use super::salary::{
    SalaryUnit, guess_unit, normalise_currency, parse_amount, parse_pay_text, pay_a_month,
};
use super::text::{clean_field, description_text};
use super::values::{parse_date, parse_employment_list, parse_shift, push_unique, split_list};
use super::{Place, Posting, Salary};

/// The text of a value: a string (entities decoded, spaces collapsed), a
/// number, or an object's `name` / `@value` / `value`, or an array's first
/// such. `None` when empty.
pub(super) fn text(v: Option<&Value>) -> Option<String> {
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
pub(super) fn number(v: Option<&Value>) -> Option<f64> {
    match v? {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => parse_amount(s),
        Value::Array(a) => a.iter().find_map(|x| number(Some(x))),
        Value::Object(m) => number(m.get("value").or_else(|| m.get("@value"))),
        _ => None,
    }
}

fn first(v: Option<&Value>) -> Option<&Value> {
    match v? {
        Value::Array(a) => a.first(),
        other => Some(other),
    }
}

/// A value quoted in a note: at most 60 columns, cut between clusters.
pub(super) fn shorten(t: &str) -> String {
    crate::display::truncate(t, 60)
}

pub(super) fn job_posting(
    map: &Map<String, Value>,
    number_in_file: usize,
    line: Option<u64>,
) -> Posting {
    let mut p = Posting {
        number: number_in_file,
        line,
        ..Posting::default()
    };
    p.title = text(map.get("title")).or_else(|| text(map.get("name")));
    p.company = match map.get("hiringOrganization") {
        Some(Value::Object(o)) => text(o.get("name")).or_else(|| text(o.get("legalName"))),
        Some(Value::Array(a)) => a.iter().find_map(|o| match o {
            Value::Object(o) => text(o.get("name")).or_else(|| text(o.get("legalName"))),
            other => text(Some(other)),
        }),
        other => text(other),
    };
    if let Some(d) = map.get("description").and_then(Value::as_str) {
        p.description = description_text(d);
    }
    p.places = places(map.get("jobLocation"));
    p.remote = texts(map.get("jobLocationType"))
        .iter()
        .any(|t| t.eq_ignore_ascii_case("TELECOMMUTE"));
    let kinds: Vec<String> = texts(map.get("employmentType"))
        .iter()
        .flat_map(|t| parse_employment_list(t).1)
        .collect();
    p.employment_type = kinds.iter().find_map(|k| parse_employment_list(k).0);
    if p.employment_type.is_none() && !kinds.is_empty() {
        p.notes.push(format!(
            "employmentType '{}' is not one backdesk knows; took full-time",
            shorten(&kinds.join(", "))
        ));
    }
    p.shift = text(map.get("workHours")).and_then(|w| parse_shift(&w));
    p.experience = experience(map.get("experienceRequirements"), &mut p.notes);
    // where the pay is from, for its currency: the job's places, else the
    // country an applicant must be in (remote jobs)
    let mut pay_places = p.places.clone();
    if pay_places.is_empty()
        && let Some(c) = text(map.get("applicantLocationRequirements"))
    {
        pay_places.push(Place {
            country: Some(c),
            ..Place::default()
        });
    }
    let posting_currency = text(map.get("salaryCurrency"));
    p.salary = map
        .get("baseSalary")
        .or_else(|| map.get("estimatedSalary"))
        .and_then(|s| salary(s, posting_currency.as_deref(), &pay_places, &mut p.notes));
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

fn date_field(
    map: &Map<String, Value>,
    key: &str,
    notes: &mut Vec<String>,
) -> Option<jiff::civil::Date> {
    let raw = text(map.get(key))?;
    let d = parse_date(&raw);
    if d.is_none() {
        notes.push(format!("{key} '{}' is not a date; left out", shorten(&raw)));
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
        let Value::Object(place) = item else {
            if let Some(l) = text(Some(item)) {
                out.push(Place {
                    locality: Some(l),
                    ..Place::default()
                });
            }
            continue;
        };
        match place.get("address") {
            Some(Value::Object(a)) => {
                let region = text(a.get("addressRegion"));
                let country = text(a.get("addressCountry"));
                let localities = texts(a.get("addressLocality"));
                if localities.is_empty() {
                    out.push(Place {
                        locality: None,
                        region: region.clone(),
                        country: country.clone(),
                    });
                }
                for l in localities {
                    out.push(Place {
                        locality: Some(l),
                        region: region.clone(),
                        country: country.clone(),
                    });
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

/// The currency of pay that names none: the currency of the country the
/// places are in when every place is clearly abroad; INR otherwise (the
/// places are Indian, or say nothing). `None`, noted, for a country whose
/// currency backdesk does not know.
pub(super) fn currency_for_places(places: &[Place], notes: &mut Vec<String>) -> Option<String> {
    let abroad: Vec<String> = places.iter().filter_map(abroad_country).collect();
    if abroad.is_empty() || abroad.len() < places.len() {
        return Some("INR".into());
    }
    let country = &abroad[0];
    match currency_of(country) {
        Some(c) if abroad.iter().all(|a| currency_of(a) == Some(c)) => {
            notes.push(format!(
                "the pay names no currency; took {c}, the currency of {country}, where the job is"
            ));
            Some(c.to_string())
        }
        _ => {
            notes.push(format!(
                "the pay names no currency and the job is outside India ({country}); salary left out"
            ));
            None
        }
    }
}

/// A currency as a posting writes it, or a note and `None`.
fn currency_code(raw: &str, notes: &mut Vec<String>) -> Option<String> {
    let c = normalise_currency(raw);
    if c.is_none() {
        notes.push(format!(
            "currency '{}' is not a currency code; went by the place",
            shorten(raw)
        ));
    }
    c
}

/// The period of `duration` (`P1Y`, `P1M`, `P1W`, `P1D`, `PT1H`).
fn duration_unit(d: &str) -> Option<SalaryUnit> {
    match d.trim().to_ascii_uppercase().as_str() {
        "P1Y" | "P12M" => Some(SalaryUnit::Year),
        "P1M" => Some(SalaryUnit::Month),
        "P1W" | "P7D" => Some(SalaryUnit::Week),
        "P1D" => Some(SalaryUnit::Day),
        "PT1H" => Some(SalaryUnit::Hour),
        _ => None,
    }
}

/// An amount; and, when the text fixes them ("25k", "3 LPA", "$40"), its
/// period and currency.
type Amount = (f64, Option<SalaryUnit>, Option<&'static str>);

fn amount(v: Option<&Value>) -> Option<Amount> {
    match v? {
        Value::Number(n) => n.as_f64().map(|n| (n, None, None)),
        Value::String(s) => {
            let symbol = parse_pay_text(s).and_then(|p| p.currency);
            if let Some(n) = parse_amount(s) {
                return Some((n, None, symbol));
            }
            let p = parse_pay_text(s)?;
            Some((p.min, p.unit, p.currency))
        }
        Value::Object(m) => amount(m.get("value").or_else(|| m.get("@value"))),
        Value::Array(a) => a.iter().find_map(|x| amount(Some(x))),
        _ => None,
    }
}

/// `baseSalary` or `estimatedSalary`: a `MonetaryAmount` whose `value` is
/// a `QuantitativeValue` (`minValue` / `maxValue` / `value`, `unitText`)
/// or a bare number; a `MonetaryAmountDistribution` (`percentile25` to
/// `percentile75`, else `median`, over its `duration`); or a bare number
/// or text. The currency is the amount's own `currency`, else the
/// posting's `salaryCurrency`, else a symbol in the text, else the
/// places' (see [`currency_for_places`]). Converted to an amount a month.
fn salary(
    v: &Value,
    posting_currency: Option<&str>,
    places: &[Place],
    notes: &mut Vec<String>,
) -> Option<Salary> {
    let v = match v {
        Value::Array(a) => a.first()?,
        other => other,
    };
    let given = match v {
        Value::Object(m) => text(m.get("currency")),
        _ => None,
    }
    .or_else(|| posting_currency.map(String::from));
    let mut currency = given.and_then(|c| currency_code(&c, notes));
    let (q, outer_unit) = match v {
        Value::Object(m) if m.contains_key("value") => (
            m.get("value").unwrap_or(v),
            text(m.get("unitText")).or_else(|| text(m.get("duration"))),
        ),
        Value::Object(m) => (v, text(m.get("duration"))),
        other => (other, None),
    };
    let ((min, max), unit_text) = amounts_of(q, outer_unit, notes)?;
    let (mut min, mut max) = (min.filter(|a| a.0 > 0.0), max.filter(|a| a.0 > 0.0));
    if min.is_none() && max.is_none() {
        return None;
    }
    if currency.is_none() {
        let symbol = min.and_then(|a| a.2).or_else(|| max.and_then(|a| a.2));
        currency = match symbol {
            Some(s) => Some(s.to_string()),
            None => Some(currency_for_places(places, notes)?),
        };
    }
    let currency = currency.unwrap_or_else(|| "INR".into());
    if let (Some(a), Some(b)) = (min, max)
        && a.0 > b.0
    {
        notes.push("baseSalary minValue is above maxValue; swapped them".into());
        std::mem::swap(&mut min, &mut max);
    }
    let top = max.or(min).map_or(0.0, |a| a.0);
    let unit = unit_of(unit_text.as_deref(), top, &currency, notes);
    // amounts whose text fixes their period ("25k", "3 LPA") keep it
    let mut conv = |a: Option<Amount>| {
        a.and_then(|(n, u, _)| pay_a_month(n, u.unwrap_or(unit), &currency, notes))
    };
    let (min, max) = (conv(min), conv(max));
    if min.is_none() && max.is_none() {
        return None;
    }
    Some(Salary { min, max, currency })
}

/// A salary's low and high amounts.
type AmountRange = (Option<Amount>, Option<Amount>);

/// The low and high amounts of a salary's value (a `QuantitativeValue`,
/// a distribution's percentiles, or a bare amount) and the unit written
/// with them (else `outer_unit`). `None` (with a note for text) when the
/// value is not an amount.
fn amounts_of(
    q: &Value,
    outer_unit: Option<String>,
    notes: &mut Vec<String>,
) -> Option<(AmountRange, Option<String>)> {
    match q {
        Value::Object(q) => {
            let value = amount(q.get("value")).or_else(|| amount(q.get("median")));
            let min = amount(q.get("minValue"))
                .or_else(|| amount(q.get("percentile25")))
                .or_else(|| amount(q.get("percentile10")))
                .or(value);
            let max = amount(q.get("maxValue"))
                .or_else(|| amount(q.get("percentile75")))
                .or_else(|| amount(q.get("percentile90")))
                .or(value);
            let unit = text(q.get("unitText"))
                .or_else(|| text(q.get("duration")))
                .or(outer_unit);
            Some(((min, max), unit))
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
            Some(((a, a), outer_unit))
        }
    }
}

/// The period a salary is paid for: its `unitText` (or a duration), else
/// guessed from the `top` amount and the currency, with a note.
fn unit_of(
    unit_text: Option<&str>,
    top: f64,
    currency: &str,
    notes: &mut Vec<String>,
) -> SalaryUnit {
    let written = unit_text.map(|u| (u, SalaryUnit::parse(u).or_else(|| duration_unit(u))));
    match written {
        Some((_, Some(u))) => u,
        other => {
            let u = guess_unit(top, currency);
            match other {
                Some((raw, None)) => notes.push(format!(
                    "salary unitText '{}' is not HOUR, DAY, WEEK, MONTH or YEAR; took {} for {top}",
                    shorten(raw),
                    u.id()
                )),
                _ => notes.push(format!("salary has no unitText; took {} for {top}", u.id())),
            }
            u
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json(s: &str) -> Value {
        serde_json::from_str(s).expect("test JSON")
    }

    #[test]
    fn salary_shapes() {
        let mut notes = Vec::new();
        let v = json(
            r#"{"@type":"MonetaryAmount","currency":"INR","value":{"@type":"QuantitativeValue","minValue":300000,"maxValue":"4,50,000","unitText":"YEAR"}}"#,
        );
        assert_eq!(
            salary(&v, None, &[], &mut notes),
            Some(Salary {
                min: Some(25_000),
                max: Some(37_500),
                currency: "INR".into()
            })
        );
        let s = salary(&json("22000"), None, &[], &mut notes).unwrap();
        assert_eq!((s.min, s.max), (Some(22_000), Some(22_000)));
        assert!(notes.iter().any(|n| n.contains("no unitText")));
        let hourly = json(r#"{"currency":"USD","value":{"value":20,"unitText":"HOUR"}}"#);
        let s = salary(&hourly, None, &[], &mut notes).unwrap();
        assert_eq!((s.min, s.currency.as_str()), (Some(4_160), "USD"));
        let day = json(r#"{"currency":"INR","value":800,"unitText":"DAY"}"#);
        assert_eq!(
            salary(&day, None, &[], &mut notes).unwrap().min,
            Some(20_800)
        );
        let zero = json(r#"{"currency":"INR","value":{"value":0}}"#);
        assert_eq!(salary(&zero, None, &[], &mut notes), None);
    }

    #[test]
    fn the_currency_comes_from_wherever_schema_org_puts_it() {
        let mut notes = Vec::new();
        // schema.org's own example: a bare figure, the currency beside it
        let s = salary(&json(r#""100000""#), Some("USD"), &[], &mut notes).unwrap();
        assert_eq!((s.min, s.currency.as_str()), (Some(8_333), "USD"));
        // an estimatedSalary distribution over a year
        let dist = json(
            r#"{"@type":"MonetaryAmountDistribution","duration":"P1Y","currency":"GBP","percentile10":24000,"percentile25":27000,"median":30000,"percentile75":36000}"#,
        );
        let s = salary(&dist, None, &[], &mut notes).unwrap();
        assert_eq!(
            (s.min, s.max, s.currency.as_str()),
            (Some(2_250), Some(3_000), "GBP")
        );
        // a symbol in the figure
        let s = salary(&json(r#""$45,000""#), None, &[], &mut notes).unwrap();
        assert_eq!(s.currency, "USD");
        // nothing says: the place decides
        let texas = Place {
            locality: Some("Austin".into()),
            region: Some("TX".into()),
            country: None,
        };
        let s = salary(
            &json("52000"),
            None,
            std::slice::from_ref(&texas),
            &mut notes,
        )
        .unwrap();
        assert_eq!(s.currency, "USD");
        assert!(notes.iter().any(|n| n.contains("took USD")), "{notes:?}");
        let pune = Place {
            locality: Some("Pune".into()),
            ..Place::default()
        };
        assert_eq!(
            salary(&json("52000"), None, &[pune], &mut notes)
                .unwrap()
                .currency,
            "INR"
        );
        let nowhere = Place {
            country: Some("Atlantis".into()),
            ..Place::default()
        };
        assert_eq!(salary(&json("52000"), None, &[nowhere], &mut notes), None);
        assert!(notes.iter().any(|n| n.contains("salary left out")));
    }
}
