//! Dates and times as people type them for follow-ups and interviews.

use jiff::ToSpan;
use jiff::civil::{Date, DateTime};

/// A date or time that did not parse, with what was expected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{input}' is not a {what}: {expected}")]
pub struct BadDate {
    pub input: String,
    pub what: &'static str,
    pub expected: &'static str,
}

const DATE_FORMS: &str = "write YYYY-MM-DD (2026-12-01), DD-MM-YYYY, DD/MM/YYYY, today, tomorrow or +N (days from today)";
const TIME_FORMS: &str = "write 'YYYY-MM-DD HH:MM' (2026-12-01 10:30), or DD-MM-YYYY HH:MM";

/// Parses a date relative to `today` where needed.
pub fn parse_date(input: &str, today: Date) -> Result<Date, BadDate> {
    let bad = || BadDate {
        input: input.to_string(),
        what: "date",
        expected: DATE_FORMS,
    };
    let t = input.trim().to_ascii_lowercase();
    match t.as_str() {
        "today" => return Ok(today),
        "tomorrow" => return today.checked_add(1.day()).map_err(|_| bad()),
        _ => {}
    }
    if let Some(n) = t.strip_prefix('+') {
        let n: i64 = n.trim_end_matches('d').parse().map_err(|_| bad())?;
        if !(0..=3650).contains(&n) {
            return Err(bad());
        }
        return today.checked_add(n.days()).map_err(|_| bad());
    }
    if let Ok(d) = t.parse::<Date>() {
        return Ok(d);
    }
    // DD-MM-YYYY or DD/MM/YYYY, the way most Indian forms write dates
    let parts: Vec<&str> = t.split(['-', '/', '.']).collect();
    if let [d, m, y] = parts.as_slice()
        && y.len() == 4
    {
        let (d, m, y) = (
            d.parse::<i8>().map_err(|_| bad())?,
            m.parse::<i8>().map_err(|_| bad())?,
            y.parse::<i16>().map_err(|_| bad())?,
        );
        return Date::new(y, m, d).map_err(|_| bad());
    }
    Err(bad())
}

/// Parses an interview date and time ("2026-12-01 10:30").
pub fn parse_datetime(input: &str, today: Date) -> Result<DateTime, BadDate> {
    let bad = || BadDate {
        input: input.to_string(),
        what: "date and time",
        expected: TIME_FORMS,
    };
    let t = input.trim();
    let (date, time) = t
        .split_once(['T', ' '])
        .map(|(d, tm)| (d.trim(), tm.trim()))
        .ok_or_else(bad)?;
    let date = parse_date(date, today).map_err(|_| bad())?;
    let time = time.to_ascii_lowercase();
    let (hm, pm) = match time.strip_suffix("pm") {
        Some(x) => (x.trim().to_string(), Some(true)),
        None => match time.strip_suffix("am") {
            Some(x) => (x.trim().to_string(), Some(false)),
            None => (time.clone(), None),
        },
    };
    let (h, m) = hm.split_once(':').unwrap_or((hm.as_str(), "0"));
    let mut h: i8 = h.trim().parse().map_err(|_| bad())?;
    let m: i8 = m.trim().parse().map_err(|_| bad())?;
    match pm {
        Some(true) if (1..12).contains(&h) => h += 12,
        Some(false) if h == 12 => h = 0,
        Some(_) if !(1..=12).contains(&h) => return Err(bad()),
        _ => {}
    }
    let time = jiff::civil::Time::new(h, m, 0, 0).map_err(|_| bad())?;
    Ok(date.to_datetime(time))
}

/// The stored form of an interview time: `YYYY-MM-DDTHH:MM`.
pub fn format_datetime(dt: DateTime) -> String {
    dt.strftime("%Y-%m-%dT%H:%M").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    const TODAY: Date = jiff::civil::date(2026, 11, 23);

    #[test]
    fn dates_people_write() {
        let d = jiff::civil::date;
        assert_eq!(parse_date("2026-12-01", TODAY), Ok(d(2026, 12, 1)));
        assert_eq!(parse_date("01-12-2026", TODAY), Ok(d(2026, 12, 1)));
        assert_eq!(parse_date("1/12/2026", TODAY), Ok(d(2026, 12, 1)));
        assert_eq!(parse_date("today", TODAY), Ok(TODAY));
        assert_eq!(parse_date("Tomorrow", TODAY), Ok(d(2026, 11, 24)));
        assert_eq!(parse_date("+7", TODAY), Ok(d(2026, 11, 30)));
        for bad in [
            "",
            "next week",
            "2026-13-01",
            "31-02-2026",
            "+99999",
            "12/2026",
        ] {
            let e = parse_date(bad, TODAY).expect_err(bad);
            assert!(e.to_string().contains("YYYY-MM-DD"), "{e}");
        }
    }

    #[test]
    fn interview_times() {
        let t = |s| parse_datetime(s, TODAY).map(format_datetime);
        assert_eq!(t("2026-12-01 10:30"), Ok("2026-12-01T10:30".to_string()));
        assert_eq!(t("2026-12-01T09:05"), Ok("2026-12-01T09:05".to_string()));
        assert_eq!(t("01-12-2026 2:30pm"), Ok("2026-12-01T14:30".to_string()));
        assert_eq!(t("tomorrow 11am"), Ok("2026-11-24T11:00".to_string()));
        assert!(t("2026-12-01").is_err());
        assert!(t("2026-12-01 25:00").is_err());
        assert!(t("2026-12-01 10:75").is_err());
        assert!(t("2026-12-01 13pm").is_err());
    }
}
