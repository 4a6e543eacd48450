//! Detail panes: everything about one listing, or one role.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::widgets::{block, range_bar, salary};
use super::wrap;
use crate::catalog::{Listing, Role};
use crate::money::{Period, Rupees};
use crate::tui::state::{Pane, RolePane, State};
use crate::tui::theme::Theme;

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

fn heading<'a>(text: &'a str, th: &Theme) -> Line<'a> {
    Line::from(Span::styled(text, th.accent))
}

/// "Your fit 72/100" and its reasons, after a blank line.
fn fit_lines(fit: crate::fit::Fit, th: &Theme) -> Vec<Line<'static>> {
    let mut out = vec![
        Line::default(),
        Line::from(vec![
            Span::styled("Your fit ", th.accent),
            Span::styled(format!("{}/100", fit.score), th.title),
        ]),
    ];
    out.extend(
        fit.reasons
            .into_iter()
            .map(|r| Line::from(format!("• {r}"))),
    );
    out
}

fn field<'a>(name: &'a str, value: String, th: &Theme) -> Line<'a> {
    Line::from(vec![
        Span::styled(format!("{name}: "), th.title),
        Span::raw(value),
    ])
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
    let exp = crate::display::experience(l.experience_min, l.experience_max);
    out.push(Line::from(Span::styled(
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
    )));
    match role {
        Some(role) => out.push(field("Role", role.title.clone(), th)),
        // not a back-office role the catalogue knows (imported listings)
        None => out.push(field("Role", "other role".to_string(), th)),
    }
    if let (Some(p), Some(row)) = (st.profile.as_deref(), st.index().row_of(l.id)) {
        out.extend(fit_lines(st.index().fit(row, p), th));
    }
    out.push(Line::default());
    // an old database may hold a description of megabytes: draw a part
    let max = crate::import::job::MAX_DESCRIPTION;
    match l.description.char_indices().nth(max) {
        None => out.extend(description_lines(&l.description)),
        Some((cut, _)) => {
            out.extend(description_lines(&l.description[..cut]));
            out.push(Line::from(Span::styled(
                format!(
                    "… (the description goes on: {} characters in all; `backdesk search --format json` has it whole)",
                    crate::money::group_indian(l.description.chars().count() as u64)
                ),
                th.muted,
            )));
        }
    }
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
    // each link, address and number on a line of its own, never broken
    // (see `unbroken`): copied or typed whole
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

/// `lines` wrapped to `width`, except those whose whole text is one of
/// `keep` (a link, an e-mail address, a phone number): those stay one
/// line, cut with "…" only when the pane is narrower than they are.
pub fn unbroken(lines: &[Line<'_>], width: u16, keep: &[&str]) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    for line in lines {
        let text = line.to_string();
        if !text.is_empty() && keep.contains(&text.as_str()) {
            let cut = crate::display::truncate(&text, usize::from(width));
            out.push(Line::from(Span::styled(cut, line.style)));
        } else {
            out.extend(wrap::lines(std::slice::from_ref(line), width, false));
        }
    }
    out
}

/// How far `lines` (wrapped) in a bordered pane `r` scroll before the last
/// sits at the bottom: the lines less those that show.
pub fn max_scroll(lines: &[Line<'_>], r: Rect) -> u16 {
    let lines = lines.len();
    let shown = usize::from(r.height.saturating_sub(2));
    u16::try_from(lines.saturating_sub(shown)).unwrap_or(u16::MAX)
}

/// How far the listing detail in `r` scrolls.
pub fn listing_max_scroll(st: &State, r: Rect) -> u16 {
    max_scroll(&listing_wrapped(st, r), r)
}

pub fn listing(frame: &mut Frame<'_>, r: Rect, st: &State) {
    let focused = st.listings.pane == Pane::Detail;
    let b = block(" Detail ", focused, &st.theme);
    let lines = listing_wrapped(st, r);
    // never past the end, even after a resize made the pane taller
    let scroll = st.listings.detail_scroll.min(max_scroll(&lines, r));
    // only the lines that show are handed to the paragraph
    let shown: Vec<Line<'static>> = lines
        .into_iter()
        .skip(usize::from(scroll))
        .take(usize::from(r.height))
        .collect();
    frame.render_widget(Paragraph::new(shown).block(b), r);
}

/// Range bars of a role's bands on a common scale.
pub fn band_chart<'a>(role: &'a Role, period: Period, width: usize, th: &Theme) -> Vec<Line<'a>> {
    let scale = role.bands.iter().map(|b| b.max.0).max().unwrap_or(1);
    let bar_w = width.saturating_sub(11 + 20).clamp(4, 40);
    role.bands
        .iter()
        .map(|b| {
            Line::from(vec![
                Span::raw(format!("{:<10} ", b.level.short())),
                Span::styled(range_bar(b.min.0, b.max.0, scale, bar_w), th.accent),
                Span::raw(format!(" {}", salary(Some(b.min), Some(b.max), period))),
            ])
        })
        .collect()
}

/// The lines of a role's detail.
pub fn role_lines<'a>(role: &'a Role, st: &'a State, width: usize) -> Vec<Line<'a>> {
    let th = &st.theme;
    let v = st.index().vocab();
    let title_of = |id: &str| {
        v.roles
            .iter()
            .find(|r| r.id == id)
            .map_or(id.to_string(), |r| r.title.clone())
    };
    let dept = v
        .categories
        .iter()
        .find(|c| c.id == role.category)
        .map_or(role.category.as_str(), |c| c.name.as_str());
    let mut out = vec![Line::from(Span::styled(role.title.as_str(), th.title))];
    if let Some(hi) = &role.title_hi {
        out.push(Line::from(hi.as_str()));
    }
    out.push(Line::from(Span::styled(dept, th.muted)));
    out.push(Line::default());
    out.push(Line::from(role.summary.as_str()));
    out.push(Line::default());
    out.push(heading("Salary (indicative)", th));
    out.extend(band_chart(role, st.period, width, th));
    if let Some(p) = st.profile.as_deref() {
        out.extend(fit_lines(crate::fit::role_fit(p, role, &v.skills), th));
        let gaps: Vec<String> = role
            .skills
            .iter()
            .filter_map(|s| crate::fit::skill_position(&v.skills, s).map(|i| (s, i)))
            .filter(|(_, i)| p.skills & (1 << i) == 0)
            .map(|(s, i)| {
                let n = st.unlocks.get(i).copied().unwrap_or(0);
                format!("learn {s}: +{n} listings")
            })
            .collect();
        if !gaps.is_empty() {
            out.push(Line::from(Span::styled("Skill gap", th.accent)));
            for g in gaps {
                out.push(Line::from(format!("• {g}")));
            }
            out.push(Line::from(Span::styled(
                "(+N: listings where that skill takes you to half or more of what they ask)",
                th.muted,
            )));
        }
    }
    out.push(Line::default());
    out.push(heading("What you do", th));
    for r in &role.responsibilities {
        out.push(Line::from(format!("• {r}")));
    }
    out.push(Line::default());
    out.push(field("Skills and tools", role.skills.join(", "), th));
    out.push(field("Qualifications", role.qualifications.join("; "), th));
    let industries: Vec<&str> = role.industries.iter().map(|i| i.label()).collect();
    out.push(field("Hired by", industries.join(", "), th));
    out.push(Line::default());
    out.push(heading("Career path", th));
    let leads: Vec<String> = role.leads_to.iter().map(|r| title_of(r)).collect();
    let from: Vec<String> = v
        .roles
        .iter()
        .filter(|r| r.leads_to.contains(&role.id))
        .map(|r| r.title.clone())
        .collect();
    let none = || "—".to_string();
    out.push(field(
        "Leads to",
        if leads.is_empty() {
            none()
        } else {
            leads.join(", ")
        },
        th,
    ));
    out.push(field(
        "Comes from",
        if from.is_empty() {
            none()
        } else {
            from.join(", ")
        },
        th,
    ));
    let pos = v.roles.iter().position(|r| r.id == role.id).unwrap_or(0);
    let start = role
        .bands
        .first()
        .map_or(crate::catalog::Level::Fresher, |b| b.level);
    let all = crate::catalog::career_paths(&v.roles, pos, 3);
    let paths = crate::catalog::diverse_paths(&v.roles, pos, &all, start);
    if !paths.is_empty() {
        out.push(Line::from(Span::styled(
            "Paths up, one per next step (pay at each step)",
            th.title,
        )));
        for p in &paths {
            let bands = crate::catalog::path_bands(&v.roles, p, start);
            let steps: Vec<String> = p
                .iter()
                .zip(bands)
                .map(|(&r, b)| match b {
                    Some(b) => format!(
                        "{} {}",
                        v.roles[r].title,
                        salary(Some(b.min), Some(b.max), st.period)
                    ),
                    None => v.roles[r].title.clone(),
                })
                .collect();
            out.push(Line::from(format!("• {}", steps.join(" → "))));
        }
        let more = all.len().saturating_sub(paths.len());
        if more > 0 {
            let also: Vec<&str> = crate::catalog::also_reached(&all, &paths)
                .into_iter()
                .map(|r| v.roles[r].title.as_str())
                .collect();
            let mut note = format!(
                "+{more} more path{} through the same next steps",
                if more == 1 { "" } else { "s" }
            );
            if !also.is_empty() {
                note.push_str(&format!(", also to {}", also.join(", ")));
            }
            out.push(Line::from(Span::styled(note, th.muted)));
        }
    }
    let n = st.data.role_counts.get(pos).copied().unwrap_or(0);
    out.push(Line::default());
    out.push(Line::from(Span::styled(
        format!("{n} listings · press l to see them"),
        th.good,
    )));
    out
}

pub fn role(frame: &mut Frame<'_>, r: Rect, st: &State) {
    let th = &st.theme;
    let focused = st.roles.pane() == RolePane::Detail;
    if compare_open(st) {
        compare_roles(frame, r, st);
        return;
    }
    let title = match st.roles.compare.len() {
        n @ 2.. => format!(" Role · Enter compares {n} "),
        _ => " Role ".to_string(),
    };
    let b = block(title, focused, th);
    let lines = role_wrapped(st, r);
    let scroll = st.roles.detail_scroll.min(max_scroll(&lines, r));
    frame.render_widget(Paragraph::new(lines).block(b).scroll((scroll, 0)), r);
}

/// The selected role's detail for the pane `r`, unscrolled.
fn role_wrapped(st: &State, r: Rect) -> Vec<Line<'static>> {
    let v = st.index().vocab();
    let lines = match st
        .roles
        .found
        .get(st.roles.cursor.selected)
        .and_then(|&i| v.roles.get(i))
    {
        Some(role) => role_lines(role, st, r.width.saturating_sub(2) as usize),
        None => vec![Line::from(Span::styled("No role selected.", Style::new()))],
    };
    wrap::lines(&lines, r.width.saturating_sub(2), false)
}

/// How far the role detail in the pane `r` scrolls before its last line
/// sits at the bottom (the comparison's, when that is open).
pub fn role_max_scroll(st: &State, r: Rect) -> u16 {
    if compare_open(st) {
        return compare_max_scroll(st, r);
    }
    max_scroll(&role_wrapped(st, r), r)
}

/// Whether the Roles screen shows the comparison: two or three roles
/// marked and the detail pane focused. It then takes the whole width below
/// the search box.
pub fn compare_open(st: &State) -> bool {
    st.roles.compare.len() >= 2 && st.roles.pane() == RolePane::Detail
}

/// A salary range short enough for a narrow cell: "10k–15k", "1.2–1.8 LPA".
fn compact_range(lo: crate::money::Rupees, hi: crate::money::Rupees, period: Period) -> String {
    fn k(n: u32) -> String {
        if n.is_multiple_of(1000) {
            format!("{}k", n / 1000)
        } else {
            format!("{:.1}k", f64::from(n) / 1000.0)
        }
    }
    match period {
        Period::Monthly if lo == hi => k(lo.0),
        Period::Monthly => format!("{}–{}", k(lo.0), k(hi.0)),
        Period::Annual => salary(Some(lo), Some(hi), Period::Annual),
    }
}

/// `text` padded with spaces to `width` columns.
fn pad(text: &str, width: usize) -> String {
    let w = unicode_width::UnicodeWidthStr::width(text);
    format!("{text}{}", " ".repeat(width.saturating_sub(w)))
}

/// The comparison laid out for an inner width: the header (the roles'
/// titles, never cut) and the rows under it, every cell wrapped to the
/// exact width of its column.
pub struct CompareView {
    pub header: Vec<Line<'static>>,
    pub body: Vec<Line<'static>>,
}

/// Lays out the comparison of the marked roles for `width` columns.
pub fn compare_view(st: &State, width: u16) -> CompareView {
    let th = &st.theme;
    let v = st.index().vocab();
    let picked: Vec<usize> = st.roles.compare.clone();
    let roles: Vec<&Role> = picked.iter().filter_map(|&i| v.roles.get(i)).collect();
    let n = roles.len().max(1);
    let width = usize::from(width);
    let label_w = if width >= 70 { 13 } else { 11 };
    let gap = if width >= label_w + n * 16 { 2 } else { 1 };
    let col_w = (width.saturating_sub(label_w) / n)
        .saturating_sub(gap)
        .max(1);
    let title_of = |id: &str| {
        v.roles
            .iter()
            .find(|r| r.id == id)
            .map_or(id.to_string(), |r| r.title.clone())
    };
    let owned = |s: &str| {
        st.profile.as_deref().is_some_and(|p| {
            crate::fit::skill_position(&v.skills, s).is_some_and(|i| p.skills & (1 << i) != 0)
        })
    };
    // full rupees when every band fits its column, else "10k–15k"
    let full = |b: &crate::catalog::Band| salary(Some(b.min), Some(b.max), st.period);
    let compact = roles
        .iter()
        .flat_map(|r| &r.bands)
        .any(|b| unicode_width::UnicodeWidthStr::width(full(b).as_str()) > col_w);
    // each cell is a list of paragraphs, each wrapped on its own
    let mut rows: Vec<(String, Vec<Vec<String>>)> = Vec::new();
    rows.push((
        "Department".into(),
        roles
            .iter()
            .map(|r| {
                vec![
                    v.categories
                        .iter()
                        .find(|c| c.id == r.category)
                        .map_or(r.category.clone(), |c| c.name.clone()),
                ]
            })
            .collect(),
    ));
    for level in crate::catalog::Level::ALL {
        rows.push((
            level.short().to_string(),
            roles
                .iter()
                .map(|r| {
                    vec![match r.band(*level) {
                        Some(b) if compact => compact_range(b.min, b.max, st.period),
                        Some(b) => full(b),
                        None => "—".into(),
                    }]
                })
                .collect(),
        ));
    }
    rows.push((
        "Open listings".into(),
        picked
            .iter()
            .map(|&i| vec![st.data.role_counts.get(i).copied().unwrap_or(0).to_string()])
            .collect(),
    ));
    if let Some(p) = st.profile.as_deref() {
        rows.push((
            "Your fit".into(),
            roles
                .iter()
                .map(|r| {
                    vec![format!(
                        "{}/100",
                        crate::fit::role_fit(p, r, &v.skills).score
                    )]
                })
                .collect(),
        ));
    }
    rows.push((
        "Skills".into(),
        roles
            .iter()
            .map(|r| {
                vec![
                    r.skills
                        .iter()
                        .map(|s| {
                            if owned(s) {
                                format!("✓{s}")
                            } else {
                                s.clone()
                            }
                        })
                        .collect::<Vec<_>>()
                        .join(", "),
                ]
            })
            .collect(),
    ));
    rows.push((
        "Next roles".into(),
        roles
            .iter()
            .map(|r| r.leads_to.iter().map(|id| title_of(id)).collect())
            .collect(),
    ));
    rows.push((
        "What you do".into(),
        roles
            .iter()
            .map(|r| {
                r.responsibilities
                    .iter()
                    .map(|x| format!("• {x}"))
                    .collect()
            })
            .collect(),
    ));
    // bullets hang: their continuation lines are indented under the text
    let cell_lines = |paragraphs: &[String]| -> Vec<String> {
        paragraphs
            .iter()
            .flat_map(|p| match p.strip_prefix("• ") {
                Some(rest) if col_w >= 16 => crate::display::wrap(rest, col_w - 2)
                    .into_iter()
                    .enumerate()
                    .map(|(i, l)| format!("{}{l}", if i == 0 { "• " } else { "  " }))
                    .collect(),
                _ => crate::display::wrap(p, col_w),
            })
            .collect()
    };
    let spacer = " ".repeat(gap);
    let mut header = Vec::new();
    let titles: Vec<Vec<String>> = roles
        .iter()
        .map(|r| crate::display::wrap(&r.title, col_w))
        .collect();
    let h = titles.iter().map(Vec::len).max().unwrap_or(1);
    for k in 0..h {
        let mut spans = vec![Span::raw(" ".repeat(label_w))];
        for t in &titles {
            spans.push(Span::raw(spacer.clone()));
            let text = t.get(k).map_or("", String::as_str);
            spans.push(Span::styled(pad(text, col_w), th.accent));
        }
        header.push(Line::from(spans));
    }
    header.push(Line::from(Span::styled("─".repeat(width), th.muted)));
    let mut body = Vec::new();
    let mut last_tall = false;
    for (label, cells) in rows {
        let labels = crate::display::wrap(&label, label_w);
        let cells: Vec<Vec<String>> = cells.iter().map(|c| cell_lines(c)).collect();
        let height = cells
            .iter()
            .map(Vec::len)
            .chain([labels.len()])
            .max()
            .unwrap_or(1)
            .max(1);
        // a blank line around rows of more than one line
        if !body.is_empty() && (height > 1 || last_tall) {
            body.push(Line::default());
        }
        last_tall = height > 1;
        for k in 0..height {
            let label = labels.get(k).map_or("", String::as_str);
            let mut spans = vec![Span::styled(pad(label, label_w), th.title)];
            for c in &cells {
                spans.push(Span::raw(spacer.clone()));
                spans.push(Span::raw(pad(c.get(k).map_or("", String::as_str), col_w)));
            }
            body.push(Line::from(spans));
        }
    }
    CompareView { header, body }
}

/// How far the comparison in the pane `r` scrolls: its rows less those
/// that show under the header.
pub fn compare_max_scroll(st: &State, r: Rect) -> u16 {
    let view = compare_view(st, r.width.saturating_sub(2));
    let shown = usize::from(r.height.saturating_sub(2)).saturating_sub(view.header.len());
    u16::try_from(view.body.len().saturating_sub(shown)).unwrap_or(u16::MAX)
}

/// Two or three roles side by side: pay per level, open listings, fit,
/// skills (✓ the ones you have), where they lead and what the work is.
/// The titles stay on top; the rows scroll under them.
fn compare_roles(frame: &mut Frame<'_>, r: Rect, st: &State) {
    let th = &st.theme;
    let view = compare_view(st, r.width.saturating_sub(2));
    let inner_h = usize::from(r.height.saturating_sub(2));
    let shown = inner_h.saturating_sub(view.header.len());
    let max = view.body.len().saturating_sub(shown);
    let scroll = usize::from(st.roles.detail_scroll).min(max);
    let place = if max == 0 {
        String::new()
    } else {
        format!(
            "rows {}-{} of {} · j k scroll · ",
            scroll + 1,
            (scroll + shown).min(view.body.len()),
            view.body.len()
        )
    };
    let b = block(format!(" Compare · {place}Esc clears "), true, th);
    let inner = b.inner(r);
    frame.render_widget(b, r);
    let mut lines = view.header;
    lines.extend(view.body.into_iter().skip(scroll).take(shown));
    frame.render_widget(Paragraph::new(lines), inner);
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
    fn links_stay_whole_or_end_in_an_ellipsis() {
        let url = "https://shivalaya-multispeciality-hospital.example.com/jobs/13";
        let lines = vec![
            Line::from("Apply"),
            Line::from(url),
            Line::from("a few words that wrap at a narrow width"),
        ];
        let wide = unbroken(&lines, 80, &[url]);
        assert_eq!(wide[1].to_string(), url);
        let narrow: Vec<String> = unbroken(&lines, 30, &[url])
            .iter()
            .map(|l| l.to_string())
            .collect();
        assert_eq!(narrow[1], "https://shivalaya-multispecia…");
        // the link is one line; the prose around it wraps
        assert_eq!(narrow.len(), 4, "{narrow:?}");
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
