//! Reading single values the ways postings write them: dates, employment
//! types, shifts, work modes, lists of skills.

use jiff::civil::Date;

use crate::catalog::{EmploymentType, Shift, WorkMode};

/// India Standard Time, UTC+05:30 (no daylight saving).
const IST_SECONDS: i32 = 5 * 3600 + 30 * 60;

/// A date from `datePosted` / `validThrough` and CSV cells:
/// * `2025-03-14`
/// * a date-time with an offset or `Z` (`2025-03-14T09:30:00+05:30`,
///   `2025-03-13T22:00:00Z`): the date in India (UTC+05:30) at that instant
/// * a date-time without an offset (`2025-03-14T09:30:00`, `2025-03-14 09:30`): its date
/// * `14-03-2025`, `14/03/2025`, `14.03.2025`: day first, the Indian way
pub fn parse_date(s: &str) -> Option<Date> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    // with an offset first: jiff reads a date out of any date-time
    if let Ok(ts) = s.parse::<jiff::Timestamp>() {
        let offset = jiff::tz::Offset::from_seconds(IST_SECONDS).ok()?;
        return Some(ts.to_zoned(jiff::tz::TimeZone::fixed(offset)).date());
    }
    if let Ok(d) = s.parse::<Date>() {
        return Some(d);
    }
    if let Ok(dt) = s.parse::<jiff::civil::DateTime>() {
        return Some(dt.date());
    }
    // day first: 14-03-2025, 14/03/2025, 14.03.2025
    let parts: Vec<&str> = s.split(['-', '/', '.']).map(str::trim).collect();
    if let [d, m, y] = parts.as_slice()
        && y.len() == 4
        && d.len() <= 2
        && m.len() <= 2
    {
        let (d, m, y) = (d.parse().ok()?, m.parse().ok()?, y.parse().ok()?);
        return Date::new(y, m, d).ok();
    }
    // a date-time whose time part jiff does not take: keep the date part
    if s.len() > 10 && s.is_char_boundary(10) {
        return s[..10].parse::<Date>().ok();
    }
    None
}

/// schema.org `employmentType` values (`FULL_TIME`, `PART_TIME`,
/// `CONTRACTOR`, `TEMPORARY`, `INTERN`, `PER_DIEM`, ...) and backdesk's
/// own ids and labels. `VOLUNTEER` and `OTHER` are `None`.
pub fn parse_employment(s: &str) -> Option<EmploymentType> {
    if let Ok(t) = s.parse::<EmploymentType>() {
        return Some(t);
    }
    let t: String = s
        .trim()
        .to_ascii_uppercase()
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect();
    Some(match t.as_str() {
        "FULLTIME" | "PERMANENT" | "REGULAR" => EmploymentType::FullTime,
        "PARTTIME" => EmploymentType::PartTime,
        "CONTRACTOR" | "CONTRACT" | "CONTRACTUAL" | "FREELANCE" => EmploymentType::Contract,
        "TEMPORARY" | "TEMP" | "PERDIEM" | "SEASONAL" => EmploymentType::Temporary,
        "INTERN" | "INTERNSHIP" | "APPRENTICE" | "APPRENTICESHIP" | "TRAINEE" => {
            EmploymentType::Internship
        }
        _ => return None,
    })
}

/// A shift from backdesk's ids or from words like "Night shift",
/// "Rotational shifts", "Flexi timings", "General shift 9:30-6:30".
pub fn parse_shift(s: &str) -> Option<Shift> {
    if let Ok(v) = s.parse::<Shift>() {
        return Some(v);
    }
    let t = s.to_lowercase();
    if t.contains("night") || t.contains("us shift") || t.contains("uk shift") {
        Some(Shift::Night)
    } else if t.contains("rotation") || t.contains("rotating") {
        Some(Shift::Rotational)
    } else if t.contains("flexi") {
        Some(Shift::Flexible)
    } else if t.contains("day") || t.contains("general") || t.contains("morning") {
        Some(Shift::Day)
    } else {
        None
    }
}

/// A work mode from backdesk's ids or common words (`WFH`, `work from
/// home`, `on-site`, `WFO`).
pub fn parse_work_mode(s: &str) -> Option<WorkMode> {
    if let Ok(v) = s.parse::<WorkMode>() {
        return Some(v);
    }
    let t = s.to_lowercase();
    if t.contains("hybrid") {
        Some(WorkMode::Hybrid)
    } else if t.contains("remote") || t.contains("wfh") || t.contains("work from home") {
        Some(WorkMode::Remote)
    } else if t.contains("office") || t.contains("site") || t.contains("wfo") {
        Some(WorkMode::Office)
    } else {
        None
    }
}

/// Splits a list written in one string: `Tally, GST; Excel | MIS`.
pub fn split_list(s: &str, seps: &[char]) -> Vec<String> {
    s.split(|c| seps.contains(&c))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(String::from)
        .collect()
}

/// Adds `v` to `out` unless it is there already (any case).
pub fn push_unique(out: &mut Vec<String>, v: String) {
    if !v.is_empty() && !out.iter().any(|x| x.eq_ignore_ascii_case(&v)) {
        out.push(v);
    }
}

/// The first employment type a list names that backdesk knows
/// (`fulltime, internship`, `Full Time, Permanent`, `["CONTRACTOR",
/// "FULL_TIME"]` written as one string), and the list's items.
pub fn parse_employment_list(s: &str) -> (Option<EmploymentType>, Vec<String>) {
    let items = split_list(s, &[',', '|', ';', '/']);
    let found = items.iter().find_map(|k| parse_employment(k));
    (found, items)
}

/// How many days ago a relative date says: `Just now`, `Few Hours Ago`,
/// `Today` (0), `1 Day Ago`, `3 days ago`, `30+ Days Ago` (30), `2 weeks
/// ago`, `a month ago`. `None` for anything else.
pub fn parse_days_ago(s: &str) -> Option<u32> {
    let t = s.trim().to_lowercase();
    if [
        "just now",
        "today",
        "few hours",
        "hours ago",
        "hour ago",
        "minutes ago",
        "just posted",
    ]
    .iter()
    .any(|w| t.contains(w))
    {
        return Some(0);
    }
    if t == "yesterday" {
        return Some(1);
    }
    if !t.ends_with("ago") {
        return None;
    }
    let n: String = t.chars().take_while(|c| c.is_ascii_digit()).collect();
    let n: u32 = if n.is_empty() {
        if t.starts_with("a ") || t.starts_with("an ") {
            1
        } else {
            return None;
        }
    } else {
        n.parse().ok()?
    };
    let per = if t.contains("day") {
        1
    } else if t.contains("week") {
        7
    } else if t.contains("month") {
        30
    } else if t.contains("year") {
        365
    } else {
        return None;
    };
    n.checked_mul(per)
}

/// `True`, `false`, `1`, `0`, `yes`, `no` (any case).
pub fn parse_bool(s: &str) -> Option<bool> {
    match s.trim().to_ascii_lowercase().as_str() {
        "true" | "1" | "yes" | "y" => Some(true),
        "false" | "0" | "no" | "n" => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn dates() {
        assert_eq!(parse_date("2025-03-14"), Some(date(2025, 3, 14)));
        assert_eq!(
            parse_date("2025-03-14T09:30:00+05:30"),
            Some(date(2025, 3, 14))
        );
        // 22:00 UTC is 03:30 the next morning in India
        assert_eq!(parse_date("2025-03-13T22:00:00Z"), Some(date(2025, 3, 14)));
        assert_eq!(
            parse_date("2025-03-13T22:00:00.000-05:00"),
            Some(date(2025, 3, 14))
        );
        assert_eq!(parse_date("2025-03-14T09:30:00"), Some(date(2025, 3, 14)));
        assert_eq!(parse_date("14/03/2025"), Some(date(2025, 3, 14)));
        assert_eq!(parse_date("14-03-2025"), Some(date(2025, 3, 14)));
        assert_eq!(parse_date("yesterday"), None);
        assert_eq!(parse_date("31/02/2025"), None);
        assert_eq!(parse_date(""), None);
    }

    #[test]
    fn employment_types() {
        assert_eq!(
            parse_employment("FULL_TIME"),
            Some(EmploymentType::FullTime)
        );
        assert_eq!(
            parse_employment("full-time"),
            Some(EmploymentType::FullTime)
        );
        assert_eq!(
            parse_employment("Part Time"),
            Some(EmploymentType::PartTime)
        );
        assert_eq!(
            parse_employment("CONTRACTOR"),
            Some(EmploymentType::Contract)
        );
        assert_eq!(
            parse_employment("PER_DIEM"),
            Some(EmploymentType::Temporary)
        );
        assert_eq!(parse_employment("INTERN"), Some(EmploymentType::Internship));
        assert_eq!(parse_employment("VOLUNTEER"), None);
    }

    #[test]
    fn shifts_and_modes() {
        assert_eq!(parse_shift("Night Shift (US)"), Some(Shift::Night));
        assert_eq!(parse_shift("rotational"), Some(Shift::Rotational));
        assert_eq!(parse_shift("General shift 9:30 to 6:30"), Some(Shift::Day));
        assert_eq!(parse_shift("9 to 5"), None);
        assert_eq!(parse_work_mode("WFH"), Some(WorkMode::Remote));
        assert_eq!(parse_work_mode("Hybrid"), Some(WorkMode::Hybrid));
        assert_eq!(parse_work_mode("on-site"), Some(WorkMode::Office));
    }

    #[test]
    fn lists_relative_dates_and_flags() {
        assert_eq!(
            parse_employment_list("fulltime, internship").0,
            Some(EmploymentType::FullTime)
        );
        assert_eq!(
            parse_employment_list("temporary, contract").0,
            Some(EmploymentType::Temporary)
        );
        assert_eq!(
            parse_employment_list("Full Time, Permanent").0,
            Some(EmploymentType::FullTime)
        );
        assert_eq!(parse_employment_list("volunteer").0, None);
        assert_eq!(parse_days_ago("Few Hours Ago"), Some(0));
        assert_eq!(parse_days_ago("1 Day Ago"), Some(1));
        assert_eq!(parse_days_ago("30+ Days Ago"), Some(30));
        assert_eq!(parse_days_ago("2 weeks ago"), Some(14));
        assert_eq!(parse_days_ago("a month ago"), Some(30));
        assert_eq!(parse_days_ago("2025-03-01"), None);
        assert_eq!(parse_bool("False"), Some(false));
        assert_eq!(parse_bool("maybe"), None);
    }
}
