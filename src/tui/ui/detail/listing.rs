//! A listing's detail: its fields, pay against the role's band, links kept whole.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{field, fit_lines, heading, max_scroll, unbroken};
use crate::catalog::{Listing, Role};
use crate::money::{Period, Rupees};
use crate::tui::state::{Pane, State};
use crate::tui::theme::Theme;
use crate::tui::ui::widgets::{block, salary};

/// Where a listing's pay sits against its role's band.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compare {
    Below,
    Within,
    Above,
}

/// Compares a listing's range with a band by the middle of the range: a
/// range that only touches the band (₹15,000–19,000 against ₹10,000–15,000)
/// is above it, not within.
pub fn compare(min: Rupees, max: Rupees, band_min: Rupees, band_max: Rupees) -> Compare {
    let mid = (u64::from(min.0) + u64::from(max.0)) / 2;
    if mid < u64::from(band_min.0) {
        Compare::Below
    } else if mid > u64::from(band_max.0) {
        Compare::Above
    } else {
        Compare::Within
    }
}

#[cfg(test)]
mod compare_tests {
    use super::*;

    #[test]
    fn a_range_that_only_touches_the_band_is_not_within_it() {
        let r = |n| Rupees(n);
        // found in the app: 15,000-19,000 read "within the Fresher band (10,000-15,000)"
        assert_eq!(
            compare(r(15_000), r(19_000), r(10_000), r(15_000)),
            Compare::Above
        );
        assert_eq!(
            compare(r(8_000), r(10_000), r(10_000), r(15_000)),
            Compare::Below
        );
        assert_eq!(
            compare(r(11_000), r(14_000), r(10_000), r(15_000)),
            Compare::Within
        );
        assert_eq!(
            compare(r(9_000), r(16_000), r(10_000), r(15_000)),
            Compare::Within
        );
    }
}

/// A description's paragraphs and bullets, a line each (imported
/// descriptions keep their line breaks; see `import::text`).
fn description_lines(d: &str) -> impl Iterator<Item = Line<'_>> {
    d.lines().map(Line::from)
}

/// "City, State", once: an imported place may already name its state
/// ("Kalyan, Maharashtra").
fn place_of(city: &str, state: Option<&str>) -> String {
    match state {
        Some(s) if !s.is_empty() && !city.ends_with(s) => format!("{city}, {s}"),
        _ => city.to_string(),
    }
}

/// The lines of a listing's detail.
pub fn listing_lines<'a>(l: &'a Listing, role: Option<&'a Role>, st: &State) -> Vec<Line<'a>> {
    let th = &st.theme;
    let mut out = Vec::new();
    let mut title = vec![Span::styled(l.title.as_str(), th.title)];
    if st.saved.contains(&l.id) {
        title.push(Span::styled("  ✓ saved", th.good));
    }
    out.push(Line::from(title));
    out.push(Line::from(format!(
        "{} · {}",
        l.company,
        place_of(&l.city, l.state.as_deref())
    )));
    pay_lines(&mut out, l, role, th);
    out.push(facts_line(l, st));
    match role {
        Some(role) => out.push(field("Role", role.title.clone(), th)),
        // not a back-office role the catalogue knows (imported listings)
        None => out.push(field("Role", "other role".to_string(), th)),
    }
    if let (Some(p), Some(row)) = (st.profile.as_deref(), st.index().row_of(l.id)) {
        out.extend(fit_lines(st.index().fit(row, p), th));
    }
    out.push(Line::default());
    description(&mut out, &l.description, th);
    if let Some(role) = role {
        out.push(Line::default());
        out.push(heading("What you would do", th));
        for r in &role.responsibilities {
            out.push(Line::from(format!("• {r}")));
        }
    }
    out.push(Line::default());
    // a field with nothing to say is left out (imported listings often
    // give no languages)
    for (name, values) in [("Skills", &l.skills), ("Languages", &l.languages)] {
        if !values.is_empty() {
            out.push(field(name, values.join(", "), th));
        }
    }
    let benefits: Vec<String> = l
        .benefits
        .iter()
        .map(|b| {
            b.parse::<crate::catalog::Benefit>()
                .map(|k| k.label().to_string())
                .unwrap_or_else(|_| b.clone())
        })
        .collect();
    if !benefits.is_empty() {
        out.push(field("Benefits", benefits.join(", "), th));
    }
    contact_lines(&mut out, l, st);
    out.push(Line::default());
    out.push(Line::from(Span::styled(
        format!(
            "listing {} · source {} · s saves it to the tracker",
            l.id, l.source
        ),
        th.muted,
    )));
    out
}

/// The pay line, and where it sits against the role's band.
fn pay_lines<'a>(out: &mut Vec<Line<'a>>, l: &Listing, role: Option<&Role>, th: &Theme) {
    let pay = if l.salary_min.is_none() && l.salary_max.is_none() {
        "Pay not disclosed".to_string()
    } else if l.currency == "INR" {
        format!(
            "{} a month ({})",
            salary(l.salary_min, l.salary_max, Period::Monthly),
            salary(l.salary_min, l.salary_max, Period::Annual)
        )
    } else {
        format!(
            "{} (not compared with rupee bands)",
            crate::money::format_foreign(
                &l.currency,
                l.salary_min.map(|r| r.0),
                l.salary_max.map(|r| r.0)
            )
        )
    };
    out.push(Line::from(Span::styled(pay, th.title)));
    if let (Some(role), Some(lo), Some(hi)) = (role, l.salary_min, l.salary_max)
        && l.currency == "INR"
        && let Some(band) = role.band_for_years(l.experience_min)
    {
        let (word, style) = match compare(lo, hi, band.min, band.max) {
            Compare::Below => ("below", th.warn),
            Compare::Within => ("within", th.good),
            Compare::Above => ("above", th.good),
        };
        out.push(Line::from(vec![
            Span::styled(format!("{word} "), style),
            Span::raw(format!(
                "the {} band for {} ({})",
                role.title,
                band.level.label(),
                salary(Some(band.min), Some(band.max), Period::Monthly)
            )),
        ]));
    }
}

/// Mode, employment, shift, experience, openings and age, on one line.
fn facts_line<'a>(l: &Listing, st: &State) -> Line<'a> {
    let th = &st.theme;
    let exp = crate::display::experience(l.experience_min, l.experience_max);
    Line::from(Span::styled(
        format!(
            "{} · {} · {} · {exp} · {} opening{} · posted {} ({})",
            l.work_mode.label(),
            l.employment_type.label(),
            l.shift.label(),
            l.openings,
            if l.openings == 1 { "" } else { "s" },
            l.posted,
            st.index()
                .today()
                .map(|t| crate::display::age((t - l.posted).get_days()))
                .unwrap_or_default()
        ),
        th.muted,
    ))
}

/// The description, cut short if an old database holds megabytes of it.
fn description<'a>(out: &mut Vec<Line<'a>>, d: &'a str, th: &Theme) {
    let max = crate::import::job::MAX_DESCRIPTION;
    match d.char_indices().nth(max) {
        None => out.extend(description_lines(d)),
        Some((cut, _)) => {
            out.extend(description_lines(&d[..cut]));
            out.push(Line::from(Span::styled(
                format!(
                    "… (the description goes on: {} characters in all; `backdesk search --format json` has it whole)",
                    crate::money::group_indian(d.chars().count() as u64)
                ),
                th.muted,
            )));
        }
    }
}

/// The Contact section: each link, address and number on a line of its
/// own, never broken (see `unbroken`), so copied or typed whole.
fn contact_lines<'a>(out: &mut Vec<Line<'a>>, l: &'a Listing, st: &State) {
    let th = &st.theme;
    let contact = [
        &l.contact_name,
        &l.contact_phone,
        &l.contact_email,
        &l.apply_url,
    ];
    // no heading over nothing
    if contact.iter().any(|v| !v.is_empty()) {
        out.push(Line::default());
        out.push(heading("Contact", th));
    }
    for v in [&l.contact_name, &l.contact_phone, &l.contact_email] {
        if !v.is_empty() {
            out.push(Line::from(v.as_str()));
        }
    }
    if !l.apply_url.is_empty() {
        let key = st
            .keymap
            .key(crate::keys::Mode::Browse, crate::keys::Command::CopyLink)
            .map(|k| format!(" · {k} copies it"))
            .unwrap_or_default();
        out.push(Line::from(vec![
            Span::styled("Apply", th.title),
            Span::styled(key, th.muted),
        ]));
        out.push(Line::from(l.apply_url.as_str()));
    }
}

/// The detail paragraph of the selected listing (or the hint to pick one).
fn listing_wrapped(st: &State, r: Rect) -> Vec<Line<'static>> {
    let lines = match &st.listings.detail {
        Some(l) => {
            let role = l
                .role_id
                .as_deref()
                .and_then(|id| st.index().vocab().roles.iter().find(|r| r.id == id));
            listing_lines(l, role, st)
        }
        None => vec![Line::from(Span::styled(
            "Select a listing to see everything about it.",
            st.theme.muted,
        ))],
    };
    let keep: Vec<&str> = st
        .listings
        .detail
        .as_ref()
        .map(|l| vec![l.apply_url.as_str(), &l.contact_email, &l.contact_phone])
        .unwrap_or_default();
    unbroken(&lines, r.width.saturating_sub(2), &keep)
}

/// How far the listing detail in `r` scrolls.
pub fn listing_max_scroll(st: &State, r: Rect) -> u16 {
    max_scroll(&listing_wrapped(st, r), r)
}

pub fn listing(frame: &mut Frame<'_>, r: Rect, st: &State) {
    let focused = st.listings.screen.pane == Pane::Detail;
    let b = block(" Detail ", focused, &st.theme);
    let lines = listing_wrapped(st, r);
    // never past the end, even after a resize made the pane taller
    let scroll = st.listings.screen.detail_scroll.min(max_scroll(&lines, r));
    // only the lines that show are handed to the paragraph
    let shown: Vec<Line<'static>> = lines
        .into_iter()
        .skip(usize::from(scroll))
        .take(usize::from(r.height))
        .collect();
    frame.render_widget(Paragraph::new(shown).block(b), r);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_place_names_its_state_once() {
        assert_eq!(place_of("Pune", Some("Maharashtra")), "Pune, Maharashtra");
        assert_eq!(
            place_of("Kalyan, Maharashtra", Some("Maharashtra")),
            "Kalyan, Maharashtra"
        );
        assert_eq!(place_of("Nashville, TN, US", None), "Nashville, TN, US");
    }

    #[test]
    fn descriptions_keep_their_paragraphs_and_bullets() {
        let lines: Vec<String> = description_lines("We keep books.\n• Tally\n• GST")
            .map(|l| l.to_string())
            .collect();
        assert_eq!(lines, ["We keep books.", "• Tally", "• GST"]);
    }

    #[test]
    fn compares_ranges_with_bands() {
        let r = Rupees;
        assert_eq!(compare(r(10), r(14), r(15), r(20)), Compare::Below);
        assert_eq!(compare(r(14), r(16), r(15), r(20)), Compare::Within);
        assert_eq!(compare(r(21), r(30), r(15), r(20)), Compare::Above);
    }

    #[test]
    fn fields_and_headings_with_nothing_under_them_are_left_out() {
        let store = crate::store::Store::open_in_memory().expect("store");
        let d = crate::tui::driver::Driver::new(
            crate::session::Session::new(store).expect("session"),
            &crate::config::Config::default(),
            120,
            36,
        )
        .expect("driver");
        let mut l = d.state.listings.detail.clone().expect("listing");
        l.languages.clear();
        for v in [
            &mut l.contact_name,
            &mut l.contact_phone,
            &mut l.contact_email,
            &mut l.apply_url,
        ] {
            v.clear();
        }
        let text: Vec<String> = listing_lines(&l, None, &d.state)
            .iter()
            .map(|line| line.to_string())
            .collect();
        assert!(!text.iter().any(|t| t.starts_with("Languages")), "{text:?}");
        assert!(!text.iter().any(|t| t == "Contact"), "{text:?}");
        // with them, both are there
        let full = d.state.listings.detail.clone().expect("listing");
        let text: Vec<String> = listing_lines(&full, None, &d.state)
            .iter()
            .map(|line| line.to_string())
            .collect();
        assert!(text.iter().any(|t| t == "Contact"), "{text:?}");
    }
}
