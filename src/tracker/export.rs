//! Exports of the tracker: CSV for spreadsheets, JSON for backups (read
//! back by `apps import`), iCalendar for calendar apps.

use icalendar::{Calendar, Component, Event, EventLike};
use jiff::ToSpan;

use super::{Application, DOCUMENTS};

/// CSV with a header; one row per application (history as text). A cell
/// that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab or
/// carriage return first) starts with `'` (see [`crate::display::csv_cell`]).
pub fn csv(apps: &[Application]) -> Result<String, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record([
        "id",
        "listing_id",
        "status",
        "title",
        "company",
        "city",
        "salary_min",
        "salary_max",
        "source",
        "follow_up",
        "interview_at",
        "interview_mode",
        "interview_place",
        "contact_name",
        "contact_phone",
        "expected_salary",
        "documents",
        "notes",
        "created_at",
        "updated_at",
        "history",
    ])?;
    let opt = |v: Option<String>| v.unwrap_or_default();
    for a in apps {
        let history: Vec<String> = a
            .history
            .iter()
            .map(|h| format!("{} {}", h.at, h.status.id()))
            .collect();
        let docs: Vec<&str> = DOCUMENTS
            .iter()
            .filter(|(id, _)| a.documents.iter().any(|d| d == id))
            .map(|(_, label)| *label)
            .collect();
        let record = [
            a.id.to_string(),
            opt(a.listing_id.map(|v| v.to_string())),
            a.status.id().to_string(),
            a.title.clone(),
            a.company.clone(),
            a.city.clone(),
            opt(a.salary_min.map(|r| r.0.to_string())),
            opt(a.salary_max.map(|r| r.0.to_string())),
            a.source.clone(),
            opt(a.follow_up.map(|d| d.to_string())),
            opt(a.interview_at.map(super::dates::format_datetime)),
            opt(a.interview_mode.map(|m| m.id().to_string())),
            a.interview_place.clone(),
            a.contact_name.clone(),
            a.contact_phone.clone(),
            opt(a.expected_salary.map(|r| r.0.to_string())),
            docs.join("; "),
            a.notes.clone(),
            a.created_at.clone(),
            a.updated_at.clone(),
            history.join("; "),
        ];
        w.write_record(
            record
                .iter()
                .map(|c| crate::display::csv_cell(c).into_owned()),
        )?;
    }
    let bytes = w.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// Pretty JSON: the whole applications, history included.
pub fn json(apps: &[Application]) -> serde_json::Result<String> {
    let text = serde_json::to_string_pretty(apps)?;
    // characters a terminal acts on as \uXXXX escapes: the same JSON value
    Ok(crate::display::json_safe(&text).into_owned() + "\n")
}

fn utc_stamp(ts: jiff::Timestamp) -> String {
    ts.strftime("%Y%m%dT%H%M%SZ").to_string()
}

/// iCalendar (RFC 5545): one event per interview (an hour, at its local
/// time converted to UTC with `tz`) and one all-day event per follow-up.
pub fn ics(apps: &[Application], tz: &jiff::tz::TimeZone, now: jiff::Timestamp) -> String {
    let mut cal = Calendar::empty();
    cal.append_property(("VERSION", "2.0"));
    cal.append_property(("PRODID", "-//backdesk//tracker//EN"));
    cal.append_property(("CALSCALE", "GREGORIAN"));
    cal.name("backdesk applications");
    let stamp = utc_stamp(now);
    for a in apps {
        let what = format!("{} at {}", a.title, a.company);
        if let Some(at) = a.interview_at
            && let Ok(start) = at.to_zoned(tz.clone())
        {
            let end = start
                .checked_add(1.hour())
                .unwrap_or_else(|_| start.clone());
            let mut desc = vec![format!("Application {} ({})", a.id, a.status.label())];
            if let Some(m) = a.interview_mode {
                desc.push(format!("Mode: {}", m.label()));
            }
            if !a.contact_name.is_empty() || !a.contact_phone.is_empty() {
                desc.push(format!("Contact: {} {}", a.contact_name, a.contact_phone));
            }
            let mut e = Event::new();
            e.uid(&format!(
                "backdesk-app-{}-interview@backdesk.example.com",
                a.id
            ))
            .summary(&format!("Interview: {what}"))
            .description(&desc.join("\n"))
            .append_property(("DTSTAMP", stamp.as_str()))
            .append_property(("DTSTART", utc_stamp(start.timestamp()).as_str()))
            .append_property(("DTEND", utc_stamp(end.timestamp()).as_str()));
            if !a.interview_place.is_empty() {
                e.location(&a.interview_place);
            }
            cal.push(e.done());
        }
        if let Some(day) = a.follow_up {
            let next = day.checked_add(1.day()).unwrap_or(day);
            let mut e = Event::new();
            e.uid(&format!(
                "backdesk-app-{}-follow-up@backdesk.example.com",
                a.id
            ))
            .summary(&format!("Follow up: {what}"))
            .description(&format!(
                "Application {} ({}). {}",
                a.id,
                a.status.label(),
                if a.contact_phone.is_empty() {
                    String::new()
                } else {
                    format!("Call {} {}", a.contact_name, a.contact_phone)
                }
            ))
            .append_property(("DTSTAMP", stamp.as_str()))
            .append_property(
                icalendar::Property::new("DTSTART", day.strftime("%Y%m%d").to_string())
                    .add_parameter("VALUE", "DATE")
                    .done(),
            )
            .append_property(
                icalendar::Property::new("DTEND", next.strftime("%Y%m%d").to_string())
                    .add_parameter("VALUE", "DATE")
                    .done(),
            );
            cal.push(e.done());
        }
    }
    fold(&cal.done().to_string())
}

/// Folds content lines at 75 octets (RFC 5545 §3.1), never inside a
/// character: a continuation line is a space and at most 74 octets. The
/// icalendar crate's own folding can leave a 76-octet line, so its output
/// is unfolded and folded again here.
fn fold(ics: &str) -> String {
    let unfolded = ics.replace("\r\n ", "").replace("\r\n\t", "");
    let mut out = String::with_capacity(ics.len() + ics.len() / 64);
    for line in unfolded.split_terminator("\r\n") {
        let mut room = 75;
        let mut used = 0;
        for c in line.chars() {
            if used + c.len_utf8() > room {
                out.push_str("\r\n ");
                room = 74;
                used = 0;
            }
            out.push(c);
            used += c.len_utf8();
        }
        out.push_str("\r\n");
    }
    out
}
